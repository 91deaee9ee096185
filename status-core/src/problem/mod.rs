//! RFC 9457 problem details: the error responses of types that derive `HttpStatus` with
//! `#[status(response)]` (feature `problem`, which `axum` and `actix-web` turn on).
//!
//! Every part of such a response is here, public, so that a hand-written response with another
//! body format keeps the derived status, headers and document:
//!
//! ```
//! use status_core::HttpStatus;
//! use status_core::problem::{self, ErrorResponse};
//!
//! #[derive(Debug, HttpStatus)]
//! #[status(response(parts))]
//! #[status(429, header("Cache-Control" = "no-store"))]
//! struct RateLimited {
//!     #[status(header = "Retry-After", member = "retry_after")]
//!     seconds: u32,
//! }
//!
//! impl std::fmt::Display for RateLimited {
//!     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
//!         write!(f, "slow down for {}s", self.seconds)
//!     }
//! }
//!
//! let error = RateLimited { seconds: 30 };
//! assert_eq!(problem::status(&error), 429);
//! assert_eq!(
//!     problem::body(&error),
//!     r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"slow down for 30s","retry_after":30}"#
//! );
//! let mut headers = Vec::new();
//! error.headers(&mut |name, value| headers.push(format!("{name}: {value}")));
//! assert_eq!(headers, ["Cache-Control: no-store", "Retry-After: 30"]);
//! assert_eq!(problem::CONTENT_TYPE, "application/problem+json");
//! ```

use alloc::string::String;
use core::fmt::{Display, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::HttpStatus;

#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
pub(crate) mod decode;
pub(crate) mod delegate;
#[cfg(feature = "client")]
mod http_date;
mod members;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod rewrite;
#[cfg(any(feature = "axum", feature = "actix-web"))]
mod uri;

#[cfg(feature = "client")]
#[cfg_attr(docsrs, doc(cfg(feature = "client")))]
pub use client::{FromHeader, FromMember, FromProblem, Problem, retry_after};

/// The media type of a problem details document.
pub const CONTENT_TYPE: &str = "application/problem+json";

/// A response extension: the response is an error response an [`ErrorResponse`] declared
/// (`http_response`, `axum_response`, `actix_response` and the derived framework impls insert
/// it). `axum::ProblemLayer` and `actix_web::Problems` send such a response as it is, whatever
/// its body (adding only `instance` to a problem document); insert it in a response of your own
/// to the same end. It is never sent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Declared;

/// Every part of an error response: what `#[derive(HttpStatus)]` implements for a type that
/// says `#[status(response)]`, from the attributes `type`, `title`, `detail`, `header` and
/// `member`. Each method has the default a type without those attributes gets.
///
/// The frameworks' responses ([`body`], `http_response` and the axum and
/// actix-web impls) are built from these, so an impl written by hand answers the same way.
/// `Debug` is required whatever the features (actix-web's `ResponseError` needs it), so that
/// turning a framework on elsewhere in a build never breaks a type.
// One supertrait a line, each with what to do: a type without it gets one error, whose note
// quotes the line.
pub trait ErrorResponse:
    HttpStatus
    + Display // the `detail` text: derive `thiserror::Error` (with `#[error("...")]`), or implement `Display`
    + core::fmt::Debug // for the logs, and actix-web's `ResponseError`: derive `Debug`
{
    /// The problem `type`, a URI reference: `about:blank` unless the variant or type says
    /// `type = "..."`.
    fn problem_type(&self) -> &'static str {
        "about:blank"
    }

    /// The problem `title`: the reason phrase of the status sent ([`status`]) unless the
    /// variant or type says `title = "..."`.
    fn title(&self) -> &'static str {
        delegate::default_title(self)
    }

    /// Whether the document shows the `Display` text as `detail`: below 500 by default, and for
    /// any status with `detail` on the type or variant, so that internal errors do not leak.
    fn shows_detail(&self) -> bool {
        status(self) < 500
    }

    /// Writes the `detail` text, shown when [`shows_detail`](Self::shows_detail): the
    /// `Display` text, except where a `transparent` field that is an error response itself
    /// decides the detail, which is then the field's own text (never the outer `Display`,
    /// which may say what the field hides).
    fn fmt_detail(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        Display::fmt(self, f)
    }

    /// Calls `header` with the name and value of each header the response sends: constants
    /// from `header("Name" = "value")` ([`HeaderValueText::constant`], sent without a copy)
    /// and fields' values from `header = "Name"` ([`HeaderValueText::display`]), each name
    /// once. The variant's own come first; a `transparent` field's follow, but for names the
    /// variant sends; the type's come last, but for names the variant or the field sends.
    fn headers(&self, header: &mut dyn FnMut(&'static str, HeaderValueText<'_>)) {
        let _ = header;
    }

    /// Writes the extension members (fields with `member`) into the document.
    fn members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        let _ = map;
        Ok(())
    }

    /// The value as an error, for the `source()` chain logged with a hidden detail: `Some`
    /// when the type implements `core::error::Error`.
    fn as_error(&self) -> Option<&(dyn core::error::Error + 'static)> {
        None
    }

    /// The level [`report`] logs the response at: `None` (the default) logs at ERROR a
    /// response that hides its detail, and nothing else; `log = "warn"` on the variant or the
    /// type gives `Some`, which logs every response at that level (none with
    /// [`LogLevel::Off`]).
    fn log_level(&self) -> Option<LogLevel> {
        None
    }

    /// Whether the response waives the header `name` (any letter case), which its status
    /// requires, by `waive("Name")` (a legacy API that sends no challenge, say): it is then
    /// not logged as missing.
    fn waives_header(&self, name: &str) -> bool {
        let _ = name;
        false
    }

    /// The media type of the body: [`CONTENT_TYPE`], or with `response(body = ...)`
    /// `application/json` unless `content_type = "..."` says otherwise.
    fn content_type(&self) -> &'static str {
        CONTENT_TYPE
    }

    /// Serializes the body: the problem document ([`Document`]), or with
    /// `response(body = path)` what `path(self)` returns.
    fn serialize_body<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Document(self).serialize(serializer)
    }
}

/// A header value as [`ErrorResponse::headers`] gives it: constant text, or a value whose
/// `Display` text is written when the response is built. `Display` either way.
///
/// ```
/// use status_core::problem::HeaderValueText;
///
/// let seconds = 30;
/// let values = [HeaderValueText::constant("no-store"), HeaderValueText::display(&seconds)];
/// assert_eq!(values.map(|value| value.to_string()), ["no-store", "30"]);
/// assert_eq!(values[0].as_constant(), Some("no-store"));
/// assert_eq!(values[1].as_constant(), None);
/// ```
#[derive(Clone, Copy)]
pub struct HeaderValueText<'a>(ValueText<'a>);

#[derive(Clone, Copy)]
enum ValueText<'a> {
    Constant(&'static str),
    Display(&'a dyn Display),
}

impl<'a> HeaderValueText<'a> {
    /// Constant text: a response sends it as it is, without writing it anywhere first.
    pub const fn constant(text: &'static str) -> Self {
        HeaderValueText(ValueText::Constant(text))
    }

    /// A value's `Display` text.
    pub const fn display(value: &'a dyn Display) -> Self {
        HeaderValueText(ValueText::Display(value))
    }

    /// The text, when it is constant.
    pub const fn as_constant(&self) -> Option<&'static str> {
        match self.0 {
            ValueText::Constant(text) => Some(text),
            ValueText::Display(_) => None,
        }
    }
}

impl Display for HeaderValueText<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.0 {
            ValueText::Constant(text) => f.write_str(text),
            ValueText::Display(value) => value.fmt(f),
        }
    }
}

impl core::fmt::Debug for HeaderValueText<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.0 {
            ValueText::Constant(text) => f.debug_tuple("Constant").field(&text).finish(),
            ValueText::Display(value) => f
                .debug_tuple("Display")
                .field(&format_args!("{value}"))
                .finish(),
        }
    }
}

impl From<&'static str> for HeaderValueText<'_> {
    fn from(text: &'static str) -> Self {
        HeaderValueText::constant(text)
    }
}

/// The level of the event a response logs ([`ErrorResponse::log_level`]): `log = "..."` on the
/// type or a variant, one of `error`, `warn`, `info`, `debug`, `trace` and `off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogLevel {
    /// No event.
    Off,
    /// `tracing::Level::ERROR`.
    Error,
    /// `tracing::Level::WARN`.
    Warn,
    /// `tracing::Level::INFO`.
    Info,
    /// `tracing::Level::DEBUG`.
    Debug,
    /// `tracing::Level::TRACE`.
    Trace,
}

/// What the type of a `response(body = path)` function returns implements: `serde::Serialize`,
/// under a name that lets the compiler say what is wrong, at the path, when it does not. Every
/// `Serialize` type has it; there is nothing to implement.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the body of an error response: it does not implement \
               `serde::Serialize`",
    label = "the value `body = ...` returns is serialized as the body",
    note = "derive it with `#[derive(serde::Serialize)]`, or implement `Serialize` by hand"
)]
pub trait ResponseBody {
    /// Serializes the value as the body.
    fn serialize_body<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;
}

#[diagnostic::do_not_recommend]
impl<T: Serialize + ?Sized> ResponseBody for T {
    fn serialize_body<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize(serializer)
    }
}

/// A `header = "..."` field of type `Duration`: its value in delta-seconds (RFC 9110, Section
/// 10.2.3), rounded up, so that a client that waits that long waits long enough.
///
/// ```
/// use core::time::Duration;
/// use status_core::problem::DeltaSeconds;
///
/// assert_eq!(DeltaSeconds(Duration::from_millis(29_200)).to_string(), "30");
/// assert_eq!(DeltaSeconds(Duration::from_secs(30)).to_string(), "30");
/// assert_eq!(DeltaSeconds(Duration::ZERO).to_string(), "0");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct DeltaSeconds(pub core::time::Duration);

impl Display for DeltaSeconds {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // Saturating: `Duration::MAX` waits as long as a `u64` of seconds says, never 0.
        let seconds = (self.0.as_secs()).saturating_add(u64::from(self.0.subsec_nanos() > 0));
        Display::fmt(&seconds, f)
    }
}

/// The months of an HTTP-date (RFC 9110, Section 5.6.7), written and read.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A `header = "..."` field of type `SystemTime`: an IMF-fixdate (RFC 9110, Section 5.6.7),
/// from the time since the Unix epoch. A time before the epoch or after the year 9999 has no
/// such date: its `Display` fails, and the header is left out (and logged).
///
/// ```
/// use core::time::Duration;
/// use status_core::problem::HttpDate;
///
/// let date = HttpDate::since_epoch(Some(Duration::from_secs(784_111_777)));
/// assert_eq!(date.to_string(), "Sun, 06 Nov 1994 08:49:37 GMT");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct HttpDate(Option<u64>);

impl HttpDate {
    /// The date `since_epoch` after 1970-01-01T00:00:00Z, its fraction of a second dropped;
    /// `None` for a time before the epoch.
    pub const fn since_epoch(since_epoch: Option<core::time::Duration>) -> Self {
        match since_epoch {
            Some(duration) => HttpDate(Some(duration.as_secs())),
            None => HttpDate(None),
        }
    }
}

impl Display for HttpDate {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
        let seconds = self.0.ok_or(core::fmt::Error)?;
        let days = seconds / 86_400;
        let (year, month, day) = civil_from_days(days);
        if year > 9999 {
            return Err(core::fmt::Error);
        }
        let time = seconds % 86_400;
        write!(
            f,
            "{}, {day:02} {} {year:04} {:02}:{:02}:{:02} GMT",
            DAYS[(days % 7) as usize],
            MONTHS[(month - 1) as usize],
            time / 3600,
            time / 60 % 60,
            time % 60
        )
    }
}

/// The proleptic Gregorian date of a count of days since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`, for days on or after the epoch): year, month 1..=12, day 1..=31.
const fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + (month <= 2) as u64;
    (year, month, day)
}

/// The status `error`'s response is sent with: its code when that is a final status
/// (200..=599), else 500.
///
/// A 1xx is not a final response (RFC 9110, Section 15.2): the client would wait for another
/// one. A number outside 100..=599 is no HTTP status. Either can come only at run time (a
/// `transparent` field, a catch-all) and means the server failed, hence 500.
///
/// ```
/// use status_core::{HttpStatus, problem};
///
/// struct Relayed(u16);
///
/// impl HttpStatus for Relayed {
///     fn code(&self) -> u16 {
///         self.0
///     }
/// }
///
/// assert_eq!(problem::status(&Relayed(404)), 404);
/// assert_eq!(problem::status(&Relayed(103)), 500);
/// assert_eq!(problem::status(&Relayed(700)), 500);
/// ```
pub fn status<E: HttpStatus + ?Sized>(error: &E) -> u16 {
    final_status(error.code())
}

/// [`status`] of a code.
pub(crate) const fn final_status(code: u16) -> u16 {
    match code {
        200..=599 => code,
        _ => 500,
    }
}

/// Whether `error`'s response carries the problem document: unless its status allows no
/// content (`HttpStatus::allows_content`: 204, 205, 304, and a crate's own `content = "none"`
/// codes). A code sent as 500 carries it.
///
/// ```
/// use status_core::{HttpStatus, problem};
///
/// #[derive(Debug, HttpStatus)]
/// #[status(response(parts))]
/// enum Answer {
///     #[status(304)]
///     Unchanged,
///     #[status(409)]
///     Conflict,
/// }
///
/// impl std::fmt::Display for Answer {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("answer")
///     }
/// }
///
/// assert!(!problem::sends_content(&Answer::Unchanged));
/// assert!(problem::sends_content(&Answer::Conflict));
/// ```
pub fn sends_content<E: ErrorResponse + ?Sized>(error: &E) -> bool {
    status(error) != error.code() || error.allows_content()
}

/// The problem details document of an error, as `serde` sees it: `type`, `title` (left out
/// when empty), `status`, `detail` when [`ErrorResponse::shows_detail`], then the extension
/// members. Serialize it into a body of your own:
///
/// ```
/// use status_core::HttpStatus;
/// use status_core::problem::Document;
///
/// #[derive(Debug, HttpStatus)]
/// #[status(404, response(parts))]
/// struct NoUser;
///
/// impl std::fmt::Display for NoUser {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("no such user")
///     }
/// }
///
/// let envelope = serde_json::json!({ "ok": false, "error": Document(&NoUser) });
/// assert_eq!(envelope["error"]["title"], "Not Found");
/// assert_eq!(envelope["error"]["detail"], "no such user");
/// ```
pub struct Document<'a, E: ?Sized>(pub &'a E);

impl<E: ErrorResponse + ?Sized> Serialize for Document<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        standard_members(self.0, &mut map)?;
        // The derive refuses the standard names as members while compiling; a hand-written
        // `members()` that writes one would send the key twice.
        self.0
            .members(&mut members::Skipping::new(&mut map, &STANDARD_MEMBERS))?;
        map.end()
    }
}

/// The problem document's own members (RFC 9457, Section 3.1), written by [`Document`] alone.
const STANDARD_MEMBERS: [&str; 5] = ["type", "title", "status", "detail", "instance"];

/// What the type of a `member` field implements: `serde::Serialize`, under a name that lets
/// the compiler say what is wrong, at the field's type, when it does not. Every `Serialize`
/// type has it; there is nothing to implement.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a member of the problem document: it does not implement \
               `serde::Serialize`",
    label = "a `member` field is serialized into the problem document",
    note = "derive it with `#[derive(serde::Serialize)]`, or implement `Serialize` by hand"
)]
pub trait ProblemMember {
    /// Writes the value into the document under `name`.
    fn write_member<M: SerializeMap>(
        &self,
        map: &mut M,
        name: &'static str,
    ) -> Result<(), M::Error>;
}

#[diagnostic::do_not_recommend]
impl<T: Serialize + ?Sized> ProblemMember for T {
    fn write_member<M: SerializeMap>(
        &self,
        map: &mut M,
        name: &'static str,
    ) -> Result<(), M::Error> {
        map.serialize_entry(name, self)
    }
}

/// What the type of a `header = "..."` field implements: `Display`, under a name that lets the
/// compiler say what is wrong, at the field's type, when it does not. Every `Display` type has
/// it; there is nothing to implement.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a header value: it does not implement `Display`",
    label = "a `header` field's value is its `Display` text",
    note = "implement `Display` for it, or send a field that has it, or name a function that \
            formats it: `#[status(header = \"...\", with = path)]`; a `Duration` or \
            `SystemTime` is sent by its own rule when its type is written as such (not through \
            an alias)"
)]
pub trait HeaderText {
    /// The value, as the text of the header.
    fn header_text(&self) -> &dyn Display;
}

#[diagnostic::do_not_recommend]
impl<T: Display> HeaderText for T {
    fn header_text(&self) -> &dyn Display {
        self
    }
}

/// The document without extension members: what is sent when a member fails to serialize.
struct StandardMembers<'a, E: ?Sized>(&'a E);

impl<E: ErrorResponse + ?Sized> Serialize for StandardMembers<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        standard_members(self.0, &mut map)?;
        map.end()
    }
}

fn standard_members<E: ErrorResponse + ?Sized, M: SerializeMap>(
    error: &E,
    map: &mut M,
) -> Result<(), M::Error> {
    map.serialize_entry("type", error.problem_type())?;
    let title = error.title();
    if !title.is_empty() {
        map.serialize_entry("title", title)?;
    }
    map.serialize_entry("status", &status(error))?;
    if !error.shows_detail() {
        return Ok(());
    }
    // Written first, so that a `Display` that fails leaves `detail` out rather than fail the
    // document; on the stack when it is short, as most are.
    let mut short = ShortText::<192>::new();
    if write!(short, "{}", Detail(error)).is_ok() {
        return map.serialize_entry("detail", short.as_str());
    }
    match short.overflowed {
        true => match detail(error) {
            Some(detail) => map.serialize_entry("detail", &detail),
            None => Ok(()),
        },
        false => Ok(()),
    }
}

/// Text written into a buffer on the stack, whole `str` pieces only; a piece that does not fit
/// fails the write, with `overflowed` set.
struct ShortText<const N: usize> {
    bytes: [u8; N],
    len: usize,
    overflowed: bool,
}

impl<const N: usize> ShortText<N> {
    fn new() -> Self {
        ShortText {
            bytes: [0; N],
            len: 0,
            overflowed: false,
        }
    }

    fn as_str(&self) -> &str {
        // Only whole `str`s are written: always UTF-8.
        core::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl<const N: usize> Write for ShortText<N> {
    fn write_str(&mut self, text: &str) -> core::fmt::Result {
        let end = self.len + text.len();
        let Some(slot) = self.bytes.get_mut(self.len..end) else {
            self.overflowed = true;
            return Err(core::fmt::Error);
        };
        slot.copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The `detail` the problem document of `error` shows: `None` when it hides it (a 5xx without
/// `detail`) or when its `Display` fails. A transparent field that is an error response itself
/// gives its own text ([`ErrorResponse::fmt_detail`]), never the outer `Display`.
///
/// ```
/// use status_core::{HttpStatus, problem};
///
/// #[derive(Debug, HttpStatus)]
/// #[status(500, response(parts))]
/// enum ApiError {
///     #[status(404)]
///     Missing,
///     Database,
/// }
///
/// impl std::fmt::Display for ApiError {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str(match self {
///             ApiError::Missing => "no such user",
///             ApiError::Database => "postgres://admin:s3cret@db refused",
///         })
///     }
/// }
///
/// assert_eq!(problem::detail(&ApiError::Missing).as_deref(), Some("no such user"));
/// assert_eq!(problem::detail(&ApiError::Database), None);
/// ```
pub fn detail<E: ErrorResponse + ?Sized>(error: &E) -> Option<String> {
    if !error.shows_detail() {
        return None;
    }
    let mut text = String::new();
    write!(text, "{}", Detail(error)).ok()?;
    Some(text)
}

/// The `detail` text of an error, by [`ErrorResponse::fmt_detail`].
struct Detail<'a, E: ?Sized>(&'a E);

impl<E: ErrorResponse + ?Sized> Display for Detail<'_, E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.0.fmt_detail(f)
    }
}

/// The body of `error`'s response as JSON: [`ErrorResponse::serialize_body`] (the problem
/// document, [`Document`], unless the type says `response(body = ...)`), written by
/// `serde_json`.
///
/// A member or a body whose `Serialize` fails (a map with keys that are not strings) is no
/// reason to fail the response: the problem document is then sent without its extension
/// members (as `application/problem+json`, see [`body_and_type`]), and with feature `tracing`
/// the failure is logged.
pub fn body<E: ErrorResponse + ?Sized>(error: &E) -> String {
    body_and_type(error).0
}

/// The body of `error`'s response ([`body`]) and its media type: the type's
/// ([`ErrorResponse::content_type`]), or [`CONTENT_TYPE`] when the body failed to serialize
/// and the problem document without members was written instead.
pub fn body_and_type<E: ErrorResponse + ?Sized>(error: &E) -> (String, &'static str) {
    match serde_json::to_string(&Body(error)) {
        Ok(body) => (body, error.content_type()),
        Err(failure) => {
            log_member_failure(error, &failure);
            (standard_body(error), CONTENT_TYPE)
        }
    }
}

/// The body of an error response, as `serde` sees it: [`ErrorResponse::serialize_body`].
struct Body<'a, E: ?Sized>(&'a E);

impl<E: ErrorResponse + ?Sized> Serialize for Body<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_body(serializer)
    }
}

/// The problem document with only its standard members: a `&str`, a `u16` and a `Display`
/// text cannot fail.
fn standard_body<E: ErrorResponse + ?Sized>(error: &E) -> String {
    serde_json::to_string(&StandardMembers(error)).unwrap_or_default()
}

/// Logs the response of `error` (feature `tracing`), once per response, with target
/// `status_core::problem`: by default, when `error` does not show its detail, one event at
/// ERROR with the status, the `Display` text and the `source()` chain, so that the cause of a
/// 500 is never lost; with `log = "level"` ([`ErrorResponse::log_level`]) every response at
/// that level (`off`: none). Does nothing without the feature.
///
/// The frameworks' responses and `http_response` call it once per
/// response; a hand-written response calls it itself.
pub fn report<E: ErrorResponse + ?Sized>(error: &E) {
    #[cfg(feature = "tracing")]
    {
        let hides = !error.shows_detail();
        let level = match error.log_level() {
            None if hides => LogLevel::Error,
            None | Some(LogLevel::Off) => return,
            Some(level) => level,
        };
        let message = if hides {
            "error response hides its detail"
        } else {
            "error response"
        };
        let sources = error.as_error().and_then(|error| error.source());
        let status = status(error);
        // `tracing`'s macros take a constant level: one call per level.
        macro_rules! event {
            ($level:expr) => {
                match sources {
                    Some(source) => tracing::event!(
                        $level,
                        status,
                        error = %error,
                        sources = %Sources(source),
                        "{message}"
                    ),
                    None => tracing::event!($level, status, error = %error, "{message}"),
                }
            };
        }
        match level {
            LogLevel::Off => {}
            LogLevel::Error => event!(tracing::Level::ERROR),
            LogLevel::Warn => event!(tracing::Level::WARN),
            LogLevel::Info => event!(tracing::Level::INFO),
            LogLevel::Debug => event!(tracing::Level::DEBUG),
            LogLevel::Trace => event!(tracing::Level::TRACE),
        }
    }
    #[cfg(not(feature = "tracing"))]
    let _ = error;
}

/// A `source()` chain from its first cause, each cause's text after `: `.
#[cfg(feature = "tracing")]
struct Sources<'a>(&'a (dyn core::error::Error + 'static));

#[cfg(feature = "tracing")]
impl Display for Sources<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut source = Some(self.0);
        let mut first = true;
        while let Some(cause) = source {
            if !first {
                f.write_str(": ")?;
            }
            first = false;
            Display::fmt(cause, f)?;
            source = cause.source();
        }
        Ok(())
    }
}

fn log_member_failure<E: ErrorResponse + ?Sized>(error: &E, failure: &serde_json::Error) {
    #[cfg(feature = "tracing")]
    tracing::error!(
        status = status(error),
        error = %error,
        %failure,
        "the body (an extension member, or a `body` function's value) failed to serialize; \
         sent the problem document without members"
    );
    #[cfg(not(feature = "tracing"))]
    let _ = (error, failure);
}

/// Why a header of [`ErrorResponse::headers`] is not sent.
#[cfg(any(feature = "http", feature = "actix-web"))]
#[derive(Clone, Copy)]
enum LeftOut {
    /// The value's `Display` returned an error.
    DisplayFailed,
    /// The text is not a field value RFC 9110 allows (visible ASCII, spaces and tabs inside).
    NotValidHttp,
    /// The name was sent already: the first value is kept.
    Repeated,
    /// The name is not an RFC 9110 token (a hand-written `headers()`: the derive checks its
    /// names while compiling).
    NotAName,
    /// The server or the protocol owns the header (`Content-Length`, `Connection`, ...): sent
    /// from here it would contradict the framing, as the derive refuses it while compiling.
    Owned,
    /// The status requires the header and its value is empty (a challenge, say).
    EmptyRequired,
}

#[cfg(any(feature = "http", feature = "actix-web"))]
fn log_left_out<E: ErrorResponse + ?Sized>(error: &E, name: &str, why: LeftOut) {
    #[cfg(feature = "tracing")]
    match why {
        LeftOut::DisplayFailed => tracing::warn!(
            status = status(error),
            header = name,
            "the header value's `Display` failed; the header is left out"
        ),
        LeftOut::NotValidHttp => tracing::warn!(
            status = status(error),
            header = name,
            "header value is not valid HTTP (visible ASCII, with spaces and tabs only inside); \
             the header is left out"
        ),
        LeftOut::Repeated => tracing::warn!(
            status = status(error),
            header = name,
            "header given twice; the first value is sent"
        ),
        LeftOut::NotAName => tracing::warn!(
            status = status(error),
            header = name,
            "header name is not an RFC 9110 token; the header is left out"
        ),
        LeftOut::Owned => tracing::warn!(
            status = status(error),
            header = name,
            "the server owns this header (framing, connection, content); the header is left out"
        ),
        LeftOut::EmptyRequired => tracing::warn!(
            status = status(error),
            header = name,
            "the status requires this header and its value is empty; the header is left out"
        ),
    }
    #[cfg(not(feature = "tracing"))]
    let _ = (error, name, why);
}

/// A header the status requires (`HttpStatus::required_headers`) that the response lacks: a
/// status known only at run time (a `transparent` field), or a field value left out.
#[cfg(any(feature = "http", feature = "actix-web"))]
fn log_missing_required<E: ErrorResponse + ?Sized>(error: &E, name: &str) {
    #[cfg(feature = "tracing")]
    tracing::warn!(
        status = status(error),
        header = name,
        "the response lacks a header its status requires (RFC 9110); sent without it"
    );
    #[cfg(not(feature = "tracing"))]
    let _ = (error, name);
}

/// Whether `text` is a header field value as the derive accepts a constant one: visible ASCII,
/// spaces and tabs, none of them leading or trailing (RFC 9110, Section 5.5). A run-time value
/// follows the same rules as a constant.
///
/// ```
/// use status_core::problem::is_header_value;
///
/// assert!(is_header_value("Bearer realm=\"api\""));
/// assert!(is_header_value(""));
/// assert!(!is_header_value(" 30"));
/// assert!(!is_header_value("caf\u{e9}"));
/// assert!(!is_header_value("a\r\nSet-Cookie: x=1"));
/// ```
pub fn is_header_value(text: &str) -> bool {
    let visible = |byte: &u8| *byte == b'\t' || (b' '..=b'~').contains(byte);
    let bytes = text.as_bytes();
    let padded = |byte: Option<&u8>| matches!(byte, Some(b' ' | b'\t'));
    bytes.iter().all(visible) && !padded(bytes.first()) && !padded(bytes.last())
}

/// The names of the headers a response has sent so far, compared without regard to case;
/// the first few without allocating.
#[cfg(any(feature = "http", feature = "actix-web"))]
struct SentNames {
    first: [&'static str; 8],
    len: usize,
    more: alloc::vec::Vec<&'static str>,
}

#[cfg(any(feature = "http", feature = "actix-web"))]
impl SentNames {
    fn new() -> Self {
        SentNames {
            first: [""; 8],
            len: 0,
            more: alloc::vec::Vec::new(),
        }
    }

    fn contains(&self, name: &str) -> bool {
        let same = |sent: &&str| sent.eq_ignore_ascii_case(name);
        self.first[..self.len].iter().any(same) || self.more.iter().any(same)
    }

    fn push(&mut self, name: &'static str) {
        match self.first.get_mut(self.len) {
            Some(slot) => {
                *slot = name;
                self.len += 1;
            }
            None => self.more.push(name),
        }
    }
}

/// Calls `add` with the name and text of each header of `error`'s response, each value written
/// once into a buffer that every header reuses. A name is sent once (the first value); a value
/// whose `Display` fails, that is not valid HTTP, or that `add` refuses (`false`) is left out
/// and logged with feature `tracing`, as is a header the status requires that is not sent.
#[cfg(any(feature = "http", feature = "actix-web"))]
fn header_texts<E: ErrorResponse + ?Sized>(
    error: &E,
    mut add: impl FnMut(&'static str, Text<'_>) -> Result<(), LeftOut>,
) {
    let mut long = String::new();
    let mut sent = SentNames::new();
    let required = error.required_headers();
    let upgrade_allowed = status(error) == 426;
    error.headers(&mut |name, value| {
        let left_out = if sent.contains(name) {
            Err(LeftOut::Repeated)
        } else if owned_header(name) && !(upgrade_allowed && name.eq_ignore_ascii_case("Upgrade")) {
            Err(LeftOut::Owned)
        } else {
            // A constant as it is; a value's text on the stack when short, as most are.
            let mut short = ShortText::<64>::new();
            let written = match value.as_constant() {
                Some(text) => Ok(Text::Constant(text)),
                None => match write!(short, "{value}") {
                    Ok(()) => Ok(Text::Written(short.as_str())),
                    Err(_) if short.overflowed => {
                        long.clear();
                        write!(long, "{value}").map(|()| Text::Written(long.as_str()))
                    }
                    Err(failure) => Err(failure),
                },
            };
            match written {
                Err(_) => Err(LeftOut::DisplayFailed),
                Ok(text) if !is_header_value(text.as_str()) => Err(LeftOut::NotValidHttp),
                Ok(text)
                    if text.as_str().is_empty()
                        && crate::__private::named(required, name)
                        && !error.waives_header(name) =>
                {
                    Err(LeftOut::EmptyRequired)
                }
                Ok(text) => add(name, text),
            }
        };
        match left_out {
            Ok(()) => sent.push(name),
            Err(why) => log_left_out(error, name, why),
        }
    });
    // A code sent as 500 is not what its requirements are about.
    if status(error) == error.code() {
        for required in required {
            if !sent.contains(required) && !error.waives_header(required) {
                log_missing_required(error, required);
            }
        }
    }
}

/// `content_type` when it is a valid header value (the derive checks its own while compiling;
/// a hand-written `content_type()` may return anything), else [`CONTENT_TYPE`], logged.
#[cfg(any(feature = "http", feature = "actix-web"))]
fn checked_content_type<E: ErrorResponse + ?Sized>(
    error: &E,
    content_type: &'static str,
) -> &'static str {
    // The problem document's or JSON's, most often: no need to check those.
    let known = [CONTENT_TYPE, "application/json"].contains(&content_type);
    if known || (!content_type.is_empty() && is_header_value(content_type)) {
        return content_type;
    }
    log_left_out(error, "Content-Type", LeftOut::NotValidHttp);
    CONTENT_TYPE
}

/// A header value's text, valid HTTP: constant, or written for this response.
#[cfg(any(feature = "http", feature = "actix-web"))]
#[derive(Clone, Copy)]
enum Text<'a> {
    Constant(&'static str),
    Written(&'a str),
}

#[cfg(any(feature = "http", feature = "actix-web"))]
impl Text<'_> {
    fn as_str(&self) -> &str {
        match self {
            Text::Constant(text) => text,
            Text::Written(text) => text,
        }
    }
}

/// Whether the server or the protocol owns the header `name` (any letter case), so that no
/// error response may send it: the list the derive refuses while compiling.
#[cfg(any(feature = "http", feature = "actix-web"))]
fn owned_header(name: &str) -> bool {
    const OWNED: [&str; 11] = [
        "Content-Type",
        "Content-Length",
        "Content-Encoding",
        "Transfer-Encoding",
        "Connection",
        "Keep-Alive",
        "Proxy-Connection",
        "TE",
        "Trailer",
        "Host",
        "Upgrade",
    ];
    OWNED.iter().any(|owned| owned.eq_ignore_ascii_case(name))
}

/// The headers of `error`'s response (feature `http`): those of [`ErrorResponse::headers`]
/// whose value is valid HTTP, each name once. A value that is not valid is left out (and logged
/// with feature `tracing`), never a panic; names were checked while compiling.
#[cfg(feature = "http")]
pub fn http_headers<E: ErrorResponse + ?Sized>(error: &E) -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    append_http_headers(error, &mut headers);
    headers
}

/// Appends the headers of `error`'s response to `headers`, a `HeaderMap` of the `http` crate
/// at `$header` (version 1, or actix-web's 0.2, whose types have the same names and methods).
/// Each text is valid HTTP (`is_header_value`): a constant goes in by `from_static`, without a
/// copy, and cannot panic there.
#[cfg(any(feature = "http", feature = "actix-web"))]
macro_rules! append_headers {
    ($error:expr, $headers:expr, $($header:ident)::+) => {{
        use $($header)::+::{HeaderName, HeaderValue};

        header_texts($error, |name, text| {
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| LeftOut::NotAName)?;
            let value = match text {
                Text::Constant(text) => HeaderValue::from_static(text),
                Text::Written(text) => {
                    HeaderValue::from_str(text).map_err(|_| LeftOut::NotValidHttp)?
                }
            };
            $headers.append(name, value);
            Ok(())
        });
    }};
}

/// Appends the headers of `error`'s response to `headers`.
#[cfg(feature = "http")]
fn append_http_headers<E: ErrorResponse + ?Sized>(error: &E, headers: &mut http::HeaderMap) {
    append_headers!(error, headers, http::header);
}

/// The reason phrase to write on the status line where the framework's `http` has none for
/// the status `sent` (vendor and crate-local codes): the registry's, so that a client reads
/// `499 Client Closed Request`, not `499 <none>`.
#[cfg(any(feature = "axum", feature = "actix-web"))]
fn registry_reason<E: ErrorResponse + ?Sized>(
    error: &E,
    sent: u16,
    canonical: Option<&str>,
) -> Option<&'static str> {
    let reason = error.reason();
    (sent == error.code() && canonical.is_none() && !reason.is_empty()).then_some(reason)
}

/// The whole error response as an `http::Response` (feature `http`), for hyper, tower and
/// anything else built on `http`: status ([`status`]), headers ([`http_headers`]), and the
/// problem document with its content type, unless the status has no content
/// ([`sends_content`]). Calls [`report`].
///
/// ```
/// use status_core::{HttpStatus, problem};
///
/// #[derive(Debug, HttpStatus)]
/// #[status(401, response(parts), header("WWW-Authenticate" = "Bearer"))]
/// struct LoggedOut;
///
/// impl std::fmt::Display for LoggedOut {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("log in first")
///     }
/// }
///
/// let response = problem::http_response(&LoggedOut);
/// assert_eq!(response.status(), http::StatusCode::UNAUTHORIZED);
/// assert_eq!(response.headers()["www-authenticate"], "Bearer");
/// assert_eq!(response.headers()["content-type"], problem::CONTENT_TYPE);
/// assert!(response.body().ends_with(r#""detail":"log in first"}"#));
/// ```
#[cfg(feature = "http")]
pub fn http_response<E: ErrorResponse + ?Sized>(error: &E) -> http::Response<String> {
    report(error);
    let status = status(error);
    let mut response = http::Response::new(String::new());
    response.extensions_mut().insert(Declared);
    *response.status_mut() = crate::conversions::to_http(status);
    append_http_headers(error, response.headers_mut());
    if sends_content(error) {
        let (body, content_type) = body_and_type(error);
        response.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static(checked_content_type(error, content_type)),
        );
        *response.body_mut() = body;
    }
    response
}

/// axum: the response of a type that opted in with `#[status(response)]`: [`http_response`],
/// with the registry's reason phrase on an HTTP/1 status line where `http` has none.
///
/// hyper sends no `Content-Length` for 204 and 304 (RFC 9110, Section 8.6) and
/// `Content-Length: 0` for 205, the first way Section 15.3.6 allows.
///
/// ```
/// use status_core::{HttpStatus, problem, status_enum};
///
/// status_enum! { pub enum Proxy { 499 } }
///
/// #[derive(Debug, HttpStatus)]
/// #[status(transparent, response(parts))]
/// struct Gone(Proxy);
///
/// impl std::fmt::Display for Gone {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("the client went away")
///     }
/// }
///
/// let response = problem::axum_response(&Gone(Proxy::ClientClosedRequest));
/// assert_eq!(response.status().as_u16(), 499);
/// let reason = response.extensions().get::<hyper::ext::ReasonPhrase>().unwrap();
/// assert_eq!(reason.as_bytes(), b"Client Closed Request");
/// ```
#[cfg(feature = "axum")]
pub fn axum_response<E: ErrorResponse + ?Sized>(error: &E) -> axum::response::Response {
    let mut response = http_response(error).map(axum::body::Body::from);
    let status = response.status();
    let reason = registry_reason(error, status.as_u16(), status.canonical_reason())
        .and_then(|reason| hyper::ext::ReasonPhrase::try_from(reason.as_bytes()).ok());
    if let Some(reason) = reason {
        response.extensions_mut().insert(reason);
    }
    response
}

/// actix-web: the status `error`'s response is sent with, in actix-web's type: [`status`].
#[cfg(feature = "actix-web")]
pub fn actix_status<E: HttpStatus + ?Sized>(error: &E) -> actix_web::http::StatusCode {
    crate::conversions::to_actix(status(error))
}

/// actix-web: the headers of `error`'s response, as `http_headers` gives them, in
/// actix-web's own `http` 0.2 types: each name once, a value that is not valid HTTP left out
/// (and logged with feature `tracing`), never a panic.
#[cfg(feature = "actix-web")]
pub fn actix_headers<E: ErrorResponse + ?Sized>(error: &E) -> actix_web::http::header::HeaderMap {
    let mut headers = actix_web::http::header::HeaderMap::new();
    append_actix_headers(error, &mut headers);
    headers
}

#[cfg(feature = "actix-web")]
fn append_actix_headers<E: ErrorResponse + ?Sized>(
    error: &E,
    headers: &mut actix_web::http::header::HeaderMap,
) {
    append_headers!(error, headers, actix_web::http::header);
}

/// actix-web: the whole response of `error`, the same parts as
/// `http_response` in actix-web's own types, with the registry's reason
/// phrase on the status line where `http` has none. Calls [`report`]. A hand-written
/// `ResponseError` with another body keeps the derived status and headers from it:
///
/// ```
/// use actix_web::{HttpResponse, ResponseError, body::BoxBody};
/// use status_core::{HttpStatus, problem};
///
/// #[derive(Debug, HttpStatus)]
/// #[status(429, response(parts))]
/// struct SlowDown {
///     #[status(header = "Retry-After")]
///     seconds: u32,
/// }
///
/// impl std::fmt::Display for SlowDown {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         write!(f, "retry in {}s", self.seconds)
///     }
/// }
///
/// impl ResponseError for SlowDown {
///     fn status_code(&self) -> actix_web::http::StatusCode {
///         problem::actix_status(self)
///     }
///     fn error_response(&self) -> HttpResponse<BoxBody> {
///         // The derived status and headers, and a plain-text body.
///         problem::actix_response(self).set_body(BoxBody::new(self.to_string()))
///     }
/// }
///
/// let response = SlowDown { seconds: 30 }.error_response();
/// assert_eq!(response.status().as_u16(), 429);
/// assert_eq!(response.headers().get("retry-after").unwrap(), "30");
/// ```
#[cfg(feature = "actix-web")]
pub fn actix_response<E: ErrorResponse + ?Sized>(error: &E) -> actix_web::HttpResponse {
    report(error);
    let status = actix_status(error);
    let mut response = actix_web::HttpResponse::new(status);
    response.extensions_mut().insert(Declared);
    append_actix_headers(error, response.headers_mut());
    response.head_mut().reason = registry_reason(error, status.as_u16(), status.canonical_reason());
    if !sends_content(error) {
        return response;
    }
    let (body, content_type) = body_and_type(error);
    response.headers_mut().insert(
        actix_web::http::header::CONTENT_TYPE,
        actix_web::http::header::HeaderValue::from_static(checked_content_type(
            error,
            content_type,
        )),
    );
    response.set_body(actix_web::body::BoxBody::new(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-written impl: a code, a `Display` text, and whether the detail is shown.
    #[derive(Debug)]
    struct Failure(u16, &'static str, bool);

    impl HttpStatus for Failure {
        fn code(&self) -> u16 {
            self.0
        }
        fn reason(&self) -> &'static str {
            "Reason \"quoted\""
        }
    }

    impl Display for Failure {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str(self.1)
        }
    }

    impl ErrorResponse for Failure {
        fn shows_detail(&self) -> bool {
            self.2 || status(self) < 500
        }
    }

    #[test]
    fn bodies() {
        assert_eq!(
            body(&Failure(404, "no user 7\n\u{1}", false)),
            r#"{"type":"about:blank","title":"Reason \"quoted\"","status":404,"detail":"no user 7\n\u0001"}"#
        );
        assert_eq!(
            body(&Failure(500, "db password is hunter2", false)),
            r#"{"type":"about:blank","title":"Reason \"quoted\"","status":500}"#
        );
        assert!(body(&Failure(500, "db down", true)).ends_with(r#","detail":"db down"}"#));
        assert_eq!(
            body(&Failure(42, "bogus", false)),
            r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
        );
    }

    /// A 1xx or a number that is no status, possible only at run time, is sent as 500: the
    /// document says so, without the detail of what failed.
    #[test]
    fn bodies_of_statuses_that_are_not_final() {
        for code in [0, 100, 101, 103, 199, 600, 700, 999, u16::MAX] {
            assert_eq!(
                body(&Failure(code, "upstream said so", false)),
                r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#,
                "{code}"
            );
        }
        assert_eq!(final_status(200), 200);
        assert_eq!(final_status(599), 599);
    }

    /// A member that fails to serialize costs the members, not the response.
    #[test]
    fn failing_member() {
        #[derive(Debug)]
        struct Keys(Failure);
        impl HttpStatus for Keys {
            fn code(&self) -> u16 {
                self.0.code()
            }
        }
        impl Display for Keys {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                self.0.fmt(f)
            }
        }
        impl ErrorResponse for Keys {
            fn members<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
                map.serialize_entry("fine", &1)?;
                // JSON object keys are strings: a map keyed by `()` fails.
                let mut bad = alloc::collections::BTreeMap::new();
                bad.insert((), 1);
                map.serialize_entry("bad", &bad)
            }
        }
        assert_eq!(
            body(&Keys(Failure(409, "taken", false))),
            r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"taken"}"#
        );
    }

    /// Dates from the epoch on, each field by the calendar; none before it or past 9999.
    #[test]
    fn http_dates() {
        use alloc::string::ToString;
        use core::time::Duration;
        let date = |seconds: u64| {
            let mut text = String::new();
            write!(
                text,
                "{}",
                HttpDate::since_epoch(Some(Duration::from_secs(seconds)))
            )
            .map(|()| text)
        };
        assert_eq!(date(0).unwrap(), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(date(784_111_777).unwrap(), "Sun, 06 Nov 1994 08:49:37 GMT");
        // 2000-02-29 (a leap day of a century divisible by 400), 23:59:59.
        assert_eq!(date(951_868_799).unwrap(), "Tue, 29 Feb 2000 23:59:59 GMT");
        assert_eq!(date(951_868_800).unwrap(), "Wed, 01 Mar 2000 00:00:00 GMT");
        // 2100 is no leap year.
        assert_eq!(
            date(4_107_542_400).unwrap(),
            "Mon, 01 Mar 2100 00:00:00 GMT"
        );
        assert_eq!(
            date(253_402_300_799).unwrap(),
            "Fri, 31 Dec 9999 23:59:59 GMT"
        );
        assert!(date(253_402_300_800).is_err());
        let mut text = String::new();
        assert!(write!(text, "{}", HttpDate::since_epoch(None)).is_err());
        let seconds = |duration: Duration| DeltaSeconds(duration).to_string();
        assert_eq!(seconds(Duration::from_nanos(1)), "1");
        assert_eq!(seconds(Duration::from_millis(29_999)), "30");
        assert_eq!(seconds(Duration::from_secs(u64::MAX)), u64::MAX.to_string());
        assert_eq!(seconds(Duration::MAX), u64::MAX.to_string());
    }

    /// A body of the type's own, with its media type; one that fails to serialize gives the
    /// problem document without members, as problem+json.
    #[test]
    fn bodies_of_their_own() {
        use alloc::borrow::ToOwned;
        #[derive(Debug)]
        struct Own(bool);
        impl HttpStatus for Own {
            fn code(&self) -> u16 {
                429
            }
        }
        impl Display for Own {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("slow")
            }
        }
        impl ErrorResponse for Own {
            fn content_type(&self) -> &'static str {
                "application/vnd+json"
            }
            fn serialize_body<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry("errors", &[Document(self)])?;
                if self.0 {
                    let mut bad = alloc::collections::BTreeMap::new();
                    bad.insert((), 1);
                    map.serialize_entry("bad", &bad)?;
                }
                map.end()
            }
        }
        assert_eq!(
            body_and_type(&Own(false)),
            (
                r#"{"errors":[{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"slow"}]}"#.to_owned(),
                "application/vnd+json"
            )
        );
        assert_eq!(
            body_and_type(&Own(true)),
            (
                r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"slow"}"#.to_owned(),
                CONTENT_TYPE
            )
        );
        assert_eq!(body(&Own(false)), body_and_type(&Own(false)).0);
        // The defaults: the problem document, as problem+json.
        let failure = Failure(404, "gone", false);
        assert_eq!(failure.content_type(), CONTENT_TYPE);
        assert_eq!(failure.log_level(), None);
        assert!(!failure.waives_header("WWW-Authenticate"));
        assert_eq!(body_and_type(&failure).1, CONTENT_TYPE);
    }

    /// A detail longer than the stack buffer is written whole; a `Display` that fails, short
    /// or long, leaves `detail` out.
    #[test]
    fn long_and_failing_details() {
        let long = "x".repeat(191) + "\u{e9}" + &"y".repeat(300);
        let text: &'static str = alloc::boxed::Box::leak(long.into_boxed_str());
        let sent = body(&Failure(404, text, false));
        assert!(
            sent.ends_with(&alloc::format!(r#""detail":"{text}"}}"#)),
            "{sent}"
        );
        let fits = "z".repeat(192);
        let fits: &'static str = alloc::boxed::Box::leak(fits.into_boxed_str());
        assert!(body(&Failure(404, fits, false)).contains(fits));

        #[derive(Debug)]
        struct Failing(usize);
        impl HttpStatus for Failing {
            fn code(&self) -> u16 {
                404
            }
        }
        impl Display for Failing {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(&"w".repeat(self.0))?;
                Err(core::fmt::Error)
            }
        }
        impl ErrorResponse for Failing {}
        for written in [0, 10, 500] {
            assert_eq!(
                body(&Failing(written)),
                r#"{"type":"about:blank","title":"Not Found","status":404}"#,
                "{written}"
            );
        }
        assert_eq!(detail(&Failing(3)), None);
    }

    /// A constant is given as it is; a value by its `Display`; both show their text.
    #[test]
    fn header_value_texts() {
        use alloc::format;
        let seconds = 30_u32;
        let constant = HeaderValueText::constant("no-store");
        let display = HeaderValueText::display(&seconds);
        assert_eq!(constant.as_constant(), Some("no-store"));
        assert_eq!(display.as_constant(), None);
        assert_eq!(HeaderValueText::from("x").as_constant(), Some("x"));
        assert_eq!(format!("{constant}|{display}"), "no-store|30");
        assert_eq!(
            format!("{constant:?} {display:?}"),
            r#"Constant("no-store") Display(30)"#
        );
    }

    /// The body's media type is sent when it is valid HTTP, else the problem document's.
    #[cfg(feature = "http")]
    #[test]
    fn content_types_are_checked() {
        let failure = Failure(404, "gone", false);
        assert_eq!(checked_content_type(&failure, CONTENT_TYPE), CONTENT_TYPE);
        assert_eq!(
            checked_content_type(&failure, "application/json"),
            "application/json"
        );
        assert_eq!(
            checked_content_type(&failure, "text/csv; header=present"),
            "text/csv; header=present"
        );
        for bad in ["", "text/plain\r\nX: 1", " text/plain", "caf\u{e9}/x"] {
            assert_eq!(checked_content_type(&failure, bad), CONTENT_TYPE, "{bad:?}");
        }
    }
}
