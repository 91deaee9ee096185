//! What `axum::ProblemLayer` and `actix_web::Problems` do to a response, without the
//! framework: which responses they rewrite, the document they send instead, and `instance`.
//! The frameworks' halves only move bodies and headers.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::Write;

use super::CONTENT_TYPE as PROBLEM_JSON;

/// The longest `text/plain` body of a 4xx that becomes the document's `detail`.
const DETAIL_LIMIT: usize = 1024;

/// The longest problem document read to add `instance` to it; a longer one passes unchanged.
pub(crate) const DOCUMENT_LIMIT: usize = 64 * 1024;

/// The most of a dropped 5xx body that is logged.
const LOGGED_LIMIT: usize = 1024;

/// The longest request header value taken as `instance`: a request id, not a payload.
pub(crate) const INSTANCE_LIMIT: usize = 256;

/// The headers a replaced response loses: they describe the body it no longer has (its
/// encoding, length, digest, validators, location). `Content-Range` stays on a 416, where it
/// says the representation's length (RFC 9110, Section 15.5.17).
const BODY_HEADERS: [&str; 14] = [
    "content-type",
    "content-length",
    "transfer-encoding",
    "content-encoding",
    "content-language",
    "content-location",
    "content-disposition",
    "content-md5",
    "content-digest",
    "repr-digest",
    "digest",
    "etag",
    "last-modified",
    "content-range",
];

/// Whether a replaced response of `status` loses the header `name` (lowercase).
pub(crate) fn loses_header(status: u16, name: &str) -> bool {
    BODY_HEADERS.contains(&name) && !(status == 416 && name == "content-range")
}

/// What happens to one response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rewrite {
    /// Not an error, or an error with nothing to add: sent as it is, unread.
    Pass,
    /// A problem document, to which `instance` is added.
    AddInstance,
    /// An error in another format, replaced by a problem document; what of its body is read
    /// first, and whether it is logged (a 5xx: its cause must not be lost).
    Replace { read: Reading, logged: bool },
}

/// What of a replaced body is read (only a body of known length: a stream may never end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reading {
    /// Nothing: dropped unread.
    Nothing,
    /// At most [`DETAIL_LIMIT`] bytes, for `detail`.
    Detail,
    /// At most [`LOGGED_LIMIT`] bytes, for the log.
    Logged,
}

/// What to do with a response of `status`, content type `content_type` and content coding
/// `content_encoding` (absent: none), that an `ErrorResponse` `declared` (the
/// `problem::Declared` extension) or not, and an `instance` to add or not. A declared response
/// keeps its body, whatever its format; an encoded body (gzip) is never read.
pub(crate) fn rewrite_of(
    status: u16,
    content_type: Option<&[u8]>,
    content_encoding: Option<&[u8]>,
    declared: bool,
    has_instance: bool,
) -> Rewrite {
    if !(400..=599).contains(&status) {
        return Rewrite::Pass;
    }
    let encoded = content_encoding
        .map(<[u8]>::trim_ascii)
        .is_some_and(|coding| !coding.is_empty() && !coding.eq_ignore_ascii_case(b"identity"));
    let media = content_type.map(media_type).unwrap_or_default();
    let problem = media.eq_ignore_ascii_case(PROBLEM_JSON.as_bytes());
    match (problem, declared) {
        (true, _) if has_instance && !encoded => return Rewrite::AddInstance,
        (true, _) | (false, true) => return Rewrite::Pass,
        (false, false) => {}
    }
    let logged = status >= 500;
    let read = match (encoded, logged) {
        (true, _) => Reading::Nothing,
        (false, true) => Reading::Logged,
        (false, false) if media.eq_ignore_ascii_case(b"text/plain") => Reading::Detail,
        (false, false) => Reading::Nothing,
    };
    Rewrite::Replace { read, logged }
}

impl Reading {
    /// The most of the body read; `None`: none of it.
    pub(crate) fn limit(self) -> Option<usize> {
        match self {
            Reading::Nothing => None,
            Reading::Detail => Some(DETAIL_LIMIT),
            Reading::Logged => Some(LOGGED_LIMIT),
        }
    }
}

/// The first bytes of a body, read chunk by chunk up to a limit: what each framework's reader
/// fills, so that none reads past it.
pub(crate) struct Prefix {
    bytes: Vec<u8>,
    limit: usize,
}

impl Prefix {
    pub(crate) fn new(limit: usize) -> Self {
        Prefix {
            bytes: Vec::new(),
            limit,
        }
    }

    /// Adds `chunk`, as much of it as the limit allows; `true` when the limit is passed (read
    /// no more: the prefix is truncated).
    pub(crate) fn push(&mut self, chunk: &[u8]) -> bool {
        let room = self.limit - self.bytes.len();
        let full = chunk.len() > room;
        self.bytes
            .extend_from_slice(&chunk[..chunk.len().min(room)]);
        full
    }
}

/// What was read of a replaced body: `None` when it was not read (see [`Reading`]; a body of
/// unknown length is not either), `Some(None)` when reading it failed, else the prefix and
/// whether it was truncated.
pub(crate) type Read = Option<Option<(Prefix, bool)>>;

/// The document that replaces a response of `status` (see [`Rewrite::Replace`]), after `read`
/// of its body was read as `prefix`; logs what a 5xx dropped.
pub(crate) fn replaced_document(
    status: u16,
    read: Reading,
    logged: bool,
    prefix: &Read,
    instance: Option<&str>,
) -> String {
    if logged {
        let dropped = match (prefix, read.limit()) {
            (Some(Some((prefix, truncated))), _) => Dropped::Read {
                prefix: &prefix.bytes,
                truncated: *truncated,
            },
            (Some(None), _) => Dropped::NotRead("reading it failed"),
            (None, Some(_)) => Dropped::NotRead("its length is unknown (a stream)"),
            (None, None) => Dropped::NotRead("it is encoded"),
        };
        report_dropped(status, dropped);
    }
    let detail = match (read, prefix) {
        (Reading::Detail, Some(Some((text, false)))) => Some(&text.bytes[..]),
        _ => None,
    };
    replacement(status, detail, instance)
}

/// The media type of a `Content-Type` value: before any parameter, without spaces.
fn media_type(value: &[u8]) -> &[u8] {
    let end = value.iter().position(|&b| b == b';').unwrap_or(value.len());
    value[..end].trim_ascii()
}

/// The document that replaces a response of `status`: `title` the registry's reason phrase
/// (else the class's name), `detail` the body's text if it was read and is UTF-8 and not
/// blank, `instance` if given.
pub(crate) fn replacement(status: u16, body: Option<&[u8]>, instance: Option<&str>) -> String {
    let detail = body
        .and_then(|bytes| core::str::from_utf8(bytes).ok())
        .map(str::trim)
        .filter(|text| !text.is_empty());
    // In the members' order of a derived document (a map would sort them).
    let mut document = String::from(r#"{"type":"about:blank","title":"#);
    push_json_string(&mut document, title(status));
    let _ = write!(document, r#","status":{status}"#);
    for (name, value) in [("detail", detail), ("instance", instance)] {
        if let Some(value) = value {
            let _ = write!(document, r#","{name}":"#);
            push_json_string(&mut document, value);
        }
    }
    document.push('}');
    document
}

/// `text` as a JSON string.
fn push_json_string(out: &mut String, text: &str) {
    // Serializing a `str` into a `String` cannot fail.
    out.push_str(&serde_json::to_string(text).unwrap_or_default());
}

/// `document` with `instance` added as its last member, its other bytes unchanged, unless it
/// has one or is not a JSON object (then `None`: send it as it was).
pub(crate) fn with_instance(document: &[u8], instance: &str) -> Option<String> {
    let members: Members = serde_json::from_slice(document).ok()?;
    if members.instance {
        return None;
    }
    let text = core::str::from_utf8(document).ok()?.trim_end();
    let before_brace = text.strip_suffix('}')?;
    let mut out = String::from(before_brace);
    if members.any {
        out.push(',');
    }
    out.push_str(r#""instance":"#);
    push_json_string(&mut out, instance);
    out.push('}');
    Some(out)
}

/// What [`with_instance`] needs of a document: that it is a JSON object, whether it has members,
/// and whether one is `instance`; read without building its values.
struct Members {
    any: bool,
    instance: bool,
}

impl<'de> serde::Deserialize<'de> for Members {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{IgnoredAny, MapAccess, Visitor};

        /// A member's name: whether it is `instance` (no allocation).
        struct IsInstance(bool);

        impl<'de> serde::Deserialize<'de> for IsInstance {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Name;
                impl Visitor<'_> for Name {
                    type Value = IsInstance;
                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        f.write_str("a member name")
                    }
                    fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<IsInstance, E> {
                        Ok(IsInstance(name == "instance"))
                    }
                }
                deserializer.deserialize_str(Name)
            }
        }

        struct MembersVisitor;

        impl<'de> Visitor<'de> for MembersVisitor {
            type Value = Members;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                let mut members = Members {
                    any: false,
                    instance: false,
                };
                while let Some(IsInstance(instance)) = map.next_key()? {
                    map.next_value::<IgnoredAny>()?;
                    members.any = true;
                    members.instance |= instance;
                }
                Ok(members)
            }
        }

        deserializer.deserialize_map(MembersVisitor)
    }
}

/// The `instance` a request header's value gives: the value, if it is a non-empty URI
/// reference (RFC 3986, Section 4.1), as RFC 9457 requires of `instance`, of at most
/// [`INSTANCE_LIMIT`] bytes.
pub(crate) fn instance_of(header: &[u8]) -> Option<String> {
    if header.len() > INSTANCE_LIMIT {
        return None;
    }
    let text = core::str::from_utf8(header).ok()?;
    let valid = !text.is_empty() && super::uri::uri_reference_error(text).is_none();
    valid.then(|| text.to_string())
}

/// What became of a replaced 5xx body, for the log.
#[derive(Clone, Copy, Debug)]
// Read by the log alone (feature `tracing`).
#[cfg_attr(not(feature = "tracing"), allow(dead_code))]
enum Dropped<'a> {
    /// Its first bytes; `truncated`: there was more.
    Read { prefix: &'a [u8], truncated: bool },
    /// Not read: why.
    NotRead(&'static str),
}

/// Logs (feature `tracing`, target `status_core::problem`, at ERROR) the body of a 5xx
/// response that a problem document replaced, as lossy UTF-8 of at most [`LOGGED_LIMIT`]
/// bytes, so that a dropped cause (a caught panic's message, a proxy's page) is still in the
/// server's log; inside whatever span polls the response (a trace layer outside the rewrite).
fn report_dropped(status: u16, body: Dropped<'_>) {
    #[cfg(feature = "tracing")]
    match body {
        Dropped::Read { prefix, truncated } => tracing::error!(
            target: "status_core::problem",
            status,
            body = %alloc::string::String::from_utf8_lossy(prefix).trim(),
            truncated,
            "error response body replaced by a problem document"
        ),
        Dropped::NotRead(why) => tracing::error!(
            target: "status_core::problem",
            status,
            "error response body replaced by a problem document, unread: {why}"
        ),
    }
    #[cfg(not(feature = "tracing"))]
    let _ = (status, body);
}

/// Logs (feature `tracing`, target `status_core::problem`, at ERROR) a panic of the service
/// that a 500 problem document answered, with its message when it is a string, so that the
/// cause the client is not told is in the server's log.
#[cfg(feature = "actix-web")]
pub(crate) fn report_panic(message: Option<&str>) {
    #[cfg(feature = "tracing")]
    match message {
        Some(message) => tracing::error!(
            target: "status_core::problem",
            panic = message,
            "the service panicked: answered with a 500 problem document"
        ),
        None => tracing::error!(
            target: "status_core::problem",
            "the service panicked (with no message): answered with a 500 problem document"
        ),
    }
    #[cfg(not(feature = "tracing"))]
    let _ = message;
}

/// The reason phrase a replaced response's status line carries in place of any it had (a
/// handler's own text could say what a 5xx hides): the registry's for a code the framework has
/// none for (vendor codes, 499), else `None` (the framework's own).
pub(crate) fn status_line_reason(status: u16, canonical: Option<&str>) -> Option<&'static str> {
    match crate::tables::reason_by_code(status) {
        "" => None,
        reason if canonical.is_none() => Some(reason),
        _ => None,
    }
}

/// The registry's reason phrase of `status`, else its class's name.
fn title(status: u16) -> &'static str {
    match crate::tables::reason_by_code(status) {
        "" => crate::tables::class_of(status).name(),
        reason => reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_errors_in_another_format_are_replaced() {
        let of = |status, content_type: &str, encoding: &str, declared, instance| {
            let content_type = Some(content_type.as_bytes()).filter(|text| !text.is_empty());
            let encoding = Some(encoding.as_bytes()).filter(|text| !text.is_empty());
            rewrite_of(status, content_type, encoding, declared, instance)
        };
        let replace = |read, logged| Rewrite::Replace { read, logged };
        assert_eq!(of(200, "text/plain", "", false, true), Rewrite::Pass);
        assert_eq!(of(399, "", "", false, true), Rewrite::Pass);
        assert_eq!(of(600, "", "", false, true), Rewrite::Pass);
        let detail = replace(Reading::Detail, false);
        assert_eq!(of(400, "text/plain", "", false, false), detail);
        assert_eq!(
            of(499, " Text/Plain ; charset=utf-8", "", false, false),
            detail
        );
        assert_eq!(
            of(404, "", "", false, false),
            replace(Reading::Nothing, false)
        );
        let html = of(404, "text/html", "", false, true);
        assert_eq!(html, replace(Reading::Nothing, false));
        let logged = replace(Reading::Logged, true);
        assert_eq!(of(500, "text/plain", "", false, false), logged);
        assert_eq!(of(599, "application/json", "identity", false, true), logged);
        // An encoded body is never read; a 5xx is still logged (without it).
        assert_eq!(
            of(400, "text/plain", "gzip", false, false),
            replace(Reading::Nothing, false)
        );
        assert_eq!(
            of(502, "text/html", " br ", false, false),
            replace(Reading::Nothing, true)
        );
        let problem = "application/problem+json; charset=utf-8";
        assert_eq!(of(404, problem, "", false, true), Rewrite::AddInstance);
        assert_eq!(
            of(404, "Application/Problem+JSON", "", false, true),
            Rewrite::AddInstance
        );
        assert_eq!(of(404, problem, "gzip", false, true), Rewrite::Pass);
        assert_eq!(of(503, problem, "", false, false), Rewrite::Pass);
        // Declared: kept whatever the format; a problem document still gains `instance`.
        assert_eq!(of(429, "application/json", "", true, true), Rewrite::Pass);
        assert_eq!(of(500, "text/plain", "", true, false), Rewrite::Pass);
        assert_eq!(of(401, "", "", true, true), Rewrite::Pass);
        assert_eq!(of(404, problem, "", true, true), Rewrite::AddInstance);
        assert_eq!(of(404, problem, "", true, false), Rewrite::Pass);
    }

    #[test]
    fn a_prefix_stops_at_its_limit() {
        let mut prefix = Prefix::new(4);
        assert!(!prefix.push(b"ab"));
        assert!(!prefix.push(b"cd"));
        assert!(!prefix.push(b""));
        assert_eq!(prefix.bytes, b"abcd");
        assert!(prefix.push(b"e"));
        assert_eq!(prefix.bytes, b"abcd");
        let mut prefix = Prefix::new(3);
        assert!(prefix.push(b"abcdef"));
        assert_eq!(prefix.bytes, b"abc");
    }

    #[test]
    fn documents_are_read_without_their_values() {
        assert_eq!(
            with_instance(br#"{"detail":{"instance":1},"a":[{"instance":2}]}"#, "/r").as_deref(),
            Some(r#"{"detail":{"instance":1},"a":[{"instance":2}],"instance":"/r"}"#)
        );
        assert_eq!(with_instance(br#"{"a":1,"instance":null}"#, "/r"), None);
        assert_eq!(with_instance(br#""{}""#, "/r"), None);
    }

    #[test]
    fn a_replaced_response_loses_what_described_its_body() {
        for name in [
            "content-encoding",
            "etag",
            "content-length",
            "content-range",
        ] {
            assert!(loses_header(500, name), "{name}");
        }
        assert!(!loses_header(416, "content-range"));
        assert!(loses_header(416, "etag"));
        for name in [
            "allow",
            "retry-after",
            "www-authenticate",
            "vary",
            "location",
        ] {
            assert!(!loses_header(405, name), "{name}");
        }
    }

    #[test]
    fn the_status_line_keeps_no_reason_of_its_own() {
        assert_eq!(status_line_reason(499, None), Some("Client Closed Request"));
        assert_eq!(status_line_reason(404, Some("Not Found")), None);
        assert_eq!(status_line_reason(472, None), None);
    }

    #[test]
    fn replacements_say_the_status_and_what_was_read() {
        assert_eq!(
            replacement(404, None, None),
            r#"{"type":"about:blank","title":"Not Found","status":404}"#
        );
        assert_eq!(
            replacement(413, Some(b" too big\n"), Some("/requests/1")),
            r#"{"type":"about:blank","title":"Content Too Large","status":413,"detail":"too big","instance":"/requests/1"}"#
        );
        // Vendor codes have their phrase; an unregistered one its class's name.
        assert!(replacement(499, None, None).contains(r#""title":"Client Closed Request""#));
        assert!(replacement(472, Some(b"  "), None).contains(r#""title":"Client Error""#));
        assert!(!replacement(400, Some(b"\xff"), None).contains("detail"));
        // Text is escaped as JSON.
        assert!(replacement(400, Some(b"a \"b\""), None).contains(r#""detail":"a \"b\"""#));
    }

    #[test]
    fn instance_is_added_once_to_objects() {
        assert_eq!(
            with_instance(br#"{"status":404}"#, "/r/1").as_deref(),
            Some(r#"{"status":404,"instance":"/r/1"}"#)
        );
        assert_eq!(
            with_instance(b"{ }\n", "/r/1").as_deref(),
            Some(r#"{ "instance":"/r/1"}"#)
        );
        // The members keep their order and spelling.
        assert_eq!(
            with_instance(br#"{"z": 1, "a":"\u0041"}"#, "a\"b").as_deref(),
            Some(r#"{"z": 1, "a":"\u0041","instance":"a\"b"}"#)
        );
        assert_eq!(with_instance(br#"{"instance":"/x"}"#, "/r/1"), None);
        assert_eq!(with_instance(b"[1]", "/r/1"), None);
        assert_eq!(with_instance(b"{", "/r/1"), None);
    }

    #[test]
    fn instance_is_a_uri_reference() {
        for good in [
            "/requests/42",
            "urn:uuid:0b1c",
            "7f3a-11",
            "https://a.example/r?x=1",
        ] {
            assert_eq!(instance_of(good.as_bytes()).as_deref(), Some(good));
        }
        for bad in ["", "a b", "::", "x%zz", "é", "<script>", "a#b#c"] {
            assert_eq!(instance_of(bad.as_bytes()), None, "{bad:?}");
        }
        assert_eq!(instance_of(b"\xff"), None);
    }
}
