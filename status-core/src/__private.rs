//! Support for generated code. Not public API: it may change in any release.

use core::fmt;

pub use core::option::Option;
pub use core::result::Result;

// By these paths generated code names them with no import a user's name could clash with.
pub use crate::{__impl_http, __impl_into_responses, __impl_openapi, __impl_serde};

#[cfg(feature = "utoipa")]
mod known_statuses;
#[cfg(feature = "utoipa")]
pub mod openapi;
pub use crate::{HttpStatus, InvalidStatusCode, ParseStatusError, StatusClass, StatusCode};
#[cfg(feature = "utoipa")]
pub use utoipa;

/// The class of a code; outside 100..=599 (a catch-all only) the response is malformed, which
/// is the server's fault.
#[inline]
pub const fn class_of(code: u16) -> StatusClass {
    match StatusClass::from_code(code) {
        Some(class) => class,
        None => StatusClass::ServerError,
    }
}

/// The reason phrase of a catch-all value: `StatusCode`'s, or empty.
pub const fn reason_of(code: u16) -> &'static str {
    match StatusCode::from_code(code) {
        Some(status) => status.reason(),
        None => "",
    }
}

/// The description of a catch-all value: `StatusCode`'s, or empty.
pub const fn description_of(code: u16) -> &'static str {
    match StatusCode::from_code(code) {
        Some(status) => status.description(),
        None => "",
    }
}

/// The reference of a catch-all value: `StatusCode`'s, or empty.
pub const fn reference_of(code: u16) -> &'static str {
    match StatusCode::from_code(code) {
        Some(status) => status.reference(),
        None => "",
    }
}

/// `Display` of a catch-all value, padded like the table-driven members.
pub fn fmt_status_line(f: &mut fmt::Formatter<'_>, code: u16, reason: &str) -> fmt::Result {
    if f.width().is_none() && f.precision().is_none() {
        return if reason.is_empty() {
            write!(f, "{code}")
        } else {
            write!(f, "{code} {reason}")
        };
    }
    let mut line = LineBuffer::new();
    // Reasons are short; one that does not fit is written unpadded.
    if fmt::Write::write_fmt(&mut line, format_args!("{code} {reason}")).is_err() {
        return write!(f, "{code} {reason}");
    }
    f.pad(line.as_str().trim_end())
}

struct LineBuffer {
    bytes: [u8; 96],
    len: usize,
}

impl LineBuffer {
    const fn new() -> Self {
        LineBuffer {
            bytes: [0; 96],
            len: 0,
        }
    }

    fn as_str(&self) -> &str {
        core::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

impl fmt::Write for LineBuffer {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let end = self.len + text.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(text.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// `FromStr`: the value of exactly three ASCII digits.
#[inline]
pub const fn parse_three_digits(text: &str) -> Option<u16> {
    match *text.as_bytes() {
        [a, b, c] => three_digits([a, b, c]),
        _ => None,
    }
}

/// The value of three ASCII digits, computed on the three bytes at once (SWAR): this is the
/// hot path of every `FromStr`, where each instruction shows against `http`.
#[inline]
const fn three_digits(bytes: [u8; 3]) -> Option<u16> {
    let [a, b, c] = bytes;
    // `^ b'0'` maps exactly the ASCII digits to 0..=9, each byte on its own (no borrows).
    let digits = u32::from_le_bytes([a, b, c, 0]) ^ 0x0030_3030;
    // A byte is at most 9 when neither it nor it plus 0x76 reaches 0x80. The lowest byte
    // above 9 sets its own bit 7 in one of the two (bytes at most 9 carry nothing into it).
    if (digits | digits.wrapping_add(0x0076_7676)) & 0x0080_8080 != 0 {
        return None;
    }
    // Byte 2 of `digits * 0xA01` is `10 * tens + ones`: no byte of it carries (each is <= 99).
    let tens_and_ones = (digits.wrapping_mul(0xA01) >> 16) & 0xff;
    Some(((digits & 0xff) * 100 + tens_and_ones) as u16)
}

// Tables of generated enums, built by `const` evaluation from their list of codes, so that an
// expansion grows with the number of members, not with the spread of their codes.

/// A slot of a position table with no member.
pub const NONE: u16 = u16::MAX;

/// How many codes there are from the first to the last of `codes` (sorted).
pub const fn span(codes: &[u16]) -> usize {
    match codes {
        [first, .., last] => (*last - *first) as usize + 1,
        [_] => 1,
        [] => 0,
    }
}

/// The first of `codes`, where the tables start.
pub const fn first(codes: &[u16]) -> u16 {
    match codes {
        [first, ..] => *first,
        [] => 0,
    }
}

/// For each code of the span of `codes`, its position in `codes`, or [`NONE`].
pub const fn index_table<const SPAN: usize>(codes: &[u16]) -> [u16; SPAN] {
    let mut table = [NONE; SPAN];
    let min = first(codes);
    let mut position = 0;
    while position < codes.len() {
        table[(codes[position] - min) as usize] = position as u16;
        position += 1;
    }
    table
}

/// For each code of the span of `codes`, the member with that code, from the members and
/// their codes, both in code order.
pub const fn lookup_table<T: Copy, const SPAN: usize>(
    members: &[T],
    codes: &[u16],
) -> [Option<T>; SPAN] {
    let mut table = [None; SPAN];
    let min = first(codes);
    let mut position = 0;
    while position < codes.len() {
        table[(codes[position] - min) as usize] = Some(members[position]);
        position += 1;
    }
    table
}

/// `from_code` of a closed enum: one range check and one load. The table starts at the
/// first of `codes`.
#[inline]
pub const fn lookup<T: Copy, const SPAN: usize>(
    table: &[Option<T>; SPAN],
    codes: &[u16],
    code: u16,
) -> Option<T> {
    let slot = code.wrapping_sub(first(codes)) as usize;
    if slot < SPAN { table[slot] } else { None }
}

/// The position of the member with `code`, in an enum with a catch-all.
#[inline]
pub const fn position<const SPAN: usize>(
    index: &[u16; SPAN],
    min: u16,
    code: u16,
) -> Option<usize> {
    let slot = code.wrapping_sub(min) as usize;
    if slot < SPAN && index[slot] != NONE {
        Some(index[slot] as usize)
    } else {
        None
    }
}

/// `From<E> for StatusCode` of an enum whose members are all in `StatusCode`, as the macro
/// checked: the fallback is never taken.
#[inline]
pub const fn status_code_of(code: u16) -> StatusCode {
    match StatusCode::from_code(code) {
        Some(status) => status,
        None => StatusCode::InternalServerError,
    }
}

/// [`status_code_of`] through `HttpStatus`: a call short enough for one line of expansion.
#[inline]
pub fn status_code<T: HttpStatus>(status: T) -> StatusCode {
    status_code_of(status.code())
}

// The texts and facts of every built-in code, by `code - 100`.
status_macros::__builtin_tables!();

/// A bit of [`FLAGS`]: heuristically cacheable (RFC 9110, Section 15.1).
pub const CACHEABLE: u8 = 1;
/// A bit of [`FLAGS`]: never carries content.
pub const NO_CONTENT: u8 = 2;

/// The slot of `code` in the tables of built-in codes, if it has one.
#[inline]
const fn slot(code: u16) -> Option<usize> {
    match code {
        100..=599 => Some((code - 100) as usize),
        _ => None,
    }
}

/// [`FLAGS`] of a code; none for a code outside 100..=599.
#[inline]
const fn flags_of(code: u16) -> u8 {
    match slot(code) {
        Some(slot) => FLAGS[slot],
        None => 0,
    }
}

// What the built-in registry says of a code, read by code: `HttpStatus`'s provided methods,
// the members of enums whose members are all built in, and catch-all values (whose codes
// are `StatusCode`'s or have none of these: vendor codes have none). An unregistered code
// has none either: not cacheable by default, may carry content, no header fields.

/// The built-in registry's reason phrase of a code, vendor codes included; empty for an
/// unregistered code.
#[inline]
pub const fn reason_by_code(code: u16) -> &'static str {
    match slot(code) {
        Some(slot) => REASONS[slot],
        None => "",
    }
}

/// Whether a response with this code is heuristically cacheable.
#[inline]
pub const fn cacheable_of(code: u16) -> bool {
    flags_of(code) & CACHEABLE != 0
}

/// Whether a response with this code may carry content.
#[inline]
pub const fn allows_content_of(code: u16) -> bool {
    flags_of(code) & NO_CONTENT == 0
}

/// Header fields a response with this code MUST send.
#[inline]
pub const fn required_of(code: u16) -> &'static [&'static str] {
    match slot(code) {
        Some(slot) => REQUIRED[slot],
        None => &[],
    }
}

/// Header fields a response with this code SHOULD send.
#[inline]
pub const fn recommended_of(code: u16) -> &'static [&'static str] {
    match slot(code) {
        Some(slot) => RECOMMENDED[slot],
        None => &[],
    }
}

/// `TryFrom<u16>` of a closed enum.
#[inline]
pub fn try_from_code<T>(
    code: u16,
    from_code: fn(u16) -> Option<T>,
    target: &'static str,
) -> Result<T, crate::InvalidStatusCode> {
    match from_code(code) {
        Some(status) => Ok(status),
        None => Err(crate::InvalidStatusCode::new(code, target)),
    }
}

/// `TryFrom<StatusCode>` of a closed enum.
#[inline]
pub fn try_from_status<T>(
    status: StatusCode,
    from_code: fn(u16) -> Option<T>,
    target: &'static str,
) -> Result<T, crate::InvalidStatusCode> {
    try_from_code(status.code(), from_code, target)
}

/// `FromStr` of every generated enum: exactly three ASCII digits that are the code of a
/// member. `target` names the type in the error.
///
/// The hot path only parses and looks up; every failure goes to one cold constructor that
/// works out from the text what to report, so the caller's loop assembles no error.
#[inline]
pub fn parse_status<T>(
    text: &str,
    from_code: fn(u16) -> Option<T>,
    target: &'static &'static str,
) -> Result<T, crate::ParseStatusError> {
    if let Some(code) = parse_three_digits(text)
        && let Some(status) = from_code(code)
    {
        return Ok(status);
    }
    Err(crate::ParseStatusError::rejected(text, target))
}

#[cfg(feature = "http")]
pub use http;

/// `http::StatusCode` accepts 100..=999; a code outside it (a catch-all only) is a malformed
/// response, sent on as 500 like [`class_of`] counts it.
#[cfg(feature = "http")]
pub fn to_http(code: u16) -> http::StatusCode {
    http::StatusCode::from_u16(code).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
}

#[cfg(feature = "serde")]
pub use serde;

/// Reads a status code as a number. A number that is not a `u16`, or that `accepts` refuses,
/// is an error naming the value and `target`, raised while reading so that it has a position.
#[cfg(feature = "serde")]
pub fn deserialize_code<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    target: &'static str,
    accepts: fn(u16) -> bool,
) -> Result<u16, D::Error> {
    use serde::de::{Error, Visitor};

    struct CodeVisitor(&'static str, fn(u16) -> bool);

    impl Visitor<'_> for CodeVisitor {
        type Value = u16;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a status code of {} (a number)", self.0)
        }

        fn visit_u64<E: Error>(self, value: u64) -> Result<u16, E> {
            match u16::try_from(value) {
                Ok(code) if (self.1)(code) => Ok(code),
                Ok(code) => Err(E::custom(crate::InvalidStatusCode::new(code, self.0))),
                Err(_) => Err(E::custom(format_args!(
                    "{value} is not a code of {}: HTTP status codes are 100..=599",
                    self.0
                ))),
            }
        }

        fn visit_i64<E: Error>(self, value: i64) -> Result<u16, E> {
            match u64::try_from(value) {
                Ok(value) => self.visit_u64(value),
                Err(_) => Err(E::custom(format_args!(
                    "{value} is not a code of {}: HTTP status codes are 100..=599",
                    self.0
                ))),
            }
        }
    }

    deserializer.deserialize_u16(CodeVisitor(target, accepts))
}

/// The default problem `title`: the reason phrase of the status sent, so a code sent as 500
/// is titled as one; a status with no reason phrase (unregistered, known only at run time) by
/// its class's name, so that every document has a title, as OpenAPI documents it.
#[cfg(feature = "problem")]
pub fn default_title<E: HttpStatus + ?Sized>(error: &E) -> &'static str {
    let status = crate::problem::status(error);
    match error.reason() {
        _ if status != error.code() => "Internal Server Error",
        "" => class_of(status).name(),
        reason => reason,
    }
}

/// `ErrorResponse::as_error` of a derived type: `Some` when the type implements `Error`.
/// Method resolution decides (autoref): called on a `&AsError<T>`, the impl of [`ErrorOf`] for
/// `&AsError<T>` applies when `T: Error + 'static`, and the one for `&&AsError<T>` otherwise.
#[cfg(feature = "problem")]
pub struct AsError<'a, T: ?Sized>(pub &'a T);

#[cfg(feature = "problem")]
pub trait ErrorOf<'a> {
    fn error_of(self) -> Option<&'a (dyn core::error::Error + 'static)>;
}

#[cfg(feature = "problem")]
impl<'a, T: core::error::Error + 'static> ErrorOf<'a> for &AsError<'a, T> {
    fn error_of(self) -> Option<&'a (dyn core::error::Error + 'static)> {
        Some(self.0)
    }
}

#[cfg(feature = "problem")]
impl<'a, T: ?Sized> ErrorOf<'a> for &&AsError<'a, T> {
    fn error_of(self) -> Option<&'a (dyn core::error::Error + 'static)> {
        None
    }
}

/// A `transparent` field of a response type: its response parts, when it has them. Method
/// resolution decides (autoref), as for [`AsError`]: called on a `&InnerResponse<T>`, the impl
/// of [`InnerParts`] for `&InnerResponse<T>` applies when `T: ErrorResponse`, and the one for
/// `&&InnerResponse<T>` otherwise (a framework rejection, an `http::StatusCode`).
#[cfg(feature = "problem")]
pub struct InnerResponse<'a, T: ?Sized>(pub &'a T);

#[cfg(feature = "problem")]
pub trait InnerParts {
    fn inner_problem_type(self) -> Option<&'static str>;
    fn inner_title(self) -> Option<&'static str>;
    fn inner_shows_detail(self) -> Option<bool>;
    /// The field's `detail` text, when the field is an error response.
    fn inner_fmt_detail(self, f: &mut fmt::Formatter<'_>) -> Option<fmt::Result>;
    /// The field's headers but those named in `skip` (the variant's own).
    fn inner_headers(self, skip: &[&str], header: &mut dyn FnMut(&'static str, &dyn fmt::Display));
    /// Whether the field's response sends the header `name` (then the type's is not sent).
    fn inner_sends_header(self, name: &str) -> bool;
    /// The field's extension members but those named in `skip` (the variant's own).
    fn inner_members<M: serde::ser::SerializeMap>(
        self,
        skip: &'static [&'static str],
        map: &mut M,
    ) -> Result<(), M::Error>;
}

#[cfg(feature = "problem")]
impl<T: crate::problem::ErrorResponse + ?Sized> InnerParts for &InnerResponse<'_, T> {
    fn inner_problem_type(self) -> Option<&'static str> {
        Some(self.0.problem_type())
    }
    fn inner_title(self) -> Option<&'static str> {
        Some(self.0.title())
    }
    fn inner_shows_detail(self) -> Option<bool> {
        Some(self.0.shows_detail())
    }
    fn inner_fmt_detail(self, f: &mut fmt::Formatter<'_>) -> Option<fmt::Result> {
        Some(self.0.fmt_detail(f))
    }
    fn inner_headers(self, skip: &[&str], header: &mut dyn FnMut(&'static str, &dyn fmt::Display)) {
        self.0.headers(&mut |name, value| {
            if !named(skip, name) {
                header(name, value);
            }
        });
    }
    fn inner_sends_header(self, name: &str) -> bool {
        let mut sends = false;
        self.0
            .headers(&mut |sent, _| sends |= sent.eq_ignore_ascii_case(name));
        sends
    }
    fn inner_members<M: serde::ser::SerializeMap>(
        self,
        skip: &'static [&'static str],
        map: &mut M,
    ) -> Result<(), M::Error> {
        if skip.is_empty() {
            return self.0.members(map);
        }
        self.0.members(&mut members::Skipping::new(map, skip))
    }
}

#[cfg(feature = "problem")]
impl<T: ?Sized> InnerParts for &&InnerResponse<'_, T> {
    fn inner_problem_type(self) -> Option<&'static str> {
        None
    }
    fn inner_title(self) -> Option<&'static str> {
        None
    }
    fn inner_shows_detail(self) -> Option<bool> {
        None
    }
    fn inner_fmt_detail(self, _: &mut fmt::Formatter<'_>) -> Option<fmt::Result> {
        None
    }
    fn inner_headers(self, _: &[&str], _: &mut dyn FnMut(&'static str, &dyn fmt::Display)) {}
    fn inner_sends_header(self, _: &str) -> bool {
        false
    }
    fn inner_members<M: serde::ser::SerializeMap>(
        self,
        _: &'static [&'static str],
        _: &mut M,
    ) -> Result<(), M::Error> {
        Ok(())
    }
}

/// Whether `name` is one of `names`, header names being case-insensitive.
#[cfg(feature = "problem")]
pub fn named(names: &[&str], name: &str) -> bool {
    names.iter().any(|known| known.eq_ignore_ascii_case(name))
}

#[cfg(feature = "problem")]
mod members;

#[cfg(feature = "axum")]
pub use ::axum;

#[cfg(feature = "actix-web")]
pub use actix_web;

/// `ToActix::to_actix`: as `to_http`, on actix-web's `http` 0.2, which accepts 100..=999
/// too.
#[cfg(feature = "actix-web")]
pub fn to_actix(code: u16) -> actix_web::http::StatusCode {
    actix_web::http::StatusCode::from_u16(code)
        .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every three bytes, against the obvious definition.
    #[test]
    fn three_digits_is_exact() {
        let digit = |byte: u8| byte.is_ascii_digit().then(|| u16::from(byte - b'0'));
        for a in 0..=u8::MAX {
            for b in 0..=u8::MAX {
                for c in 0..=u8::MAX {
                    let expected = match (digit(a), digit(b), digit(c)) {
                        (Some(a), Some(b), Some(c)) => Some(a * 100 + b * 10 + c),
                        _ => None,
                    };
                    assert_eq!(three_digits([a, b, c]), expected, "{a} {b} {c}");
                }
            }
        }
    }

    #[test]
    fn parse_three_digits_wants_exactly_three() {
        assert_eq!(parse_three_digits("404"), Some(404));
        assert_eq!(parse_three_digits("000"), Some(0));
        assert_eq!(parse_three_digits("999"), Some(999));
        for text in ["", "4", "40", "4040", "40a", "4 4", "٤04"] {
            assert_eq!(parse_three_digits(text), None, "{text:?}");
        }
    }
}
