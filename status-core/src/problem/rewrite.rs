//! What `axum::ProblemLayer` and `actix_web::Problems` do to a response, without the
//! framework: which responses they rewrite, the document they send instead, and `instance`.
//! The frameworks' halves only move bodies and headers.

use alloc::string::{String, ToString};
use core::fmt::Write;

use super::CONTENT_TYPE as PROBLEM_JSON;

/// The longest `text/plain` body of a 4xx that becomes the document's `detail`.
pub(crate) const DETAIL_LIMIT: usize = 1024;

/// The longest problem document read to add `instance` to it; a longer one passes unchanged.
pub(crate) const DOCUMENT_LIMIT: usize = 64 * 1024;

/// The longest part of a dropped 5xx body that is logged.
pub(crate) const LOGGED_LIMIT: usize = 1024;

/// What happens to one response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rewrite {
    /// Not an error, or an error with nothing to add: sent as it is, unread.
    Pass,
    /// A problem document, to which `instance` is added.
    AddInstance,
    /// An error in another format, replaced by a problem document. `detail_from_body`: the
    /// body (if short) becomes `detail`; else it is dropped, and for a 5xx `logged`.
    Replace {
        detail_from_body: bool,
        logged: bool,
    },
}

/// What to do with a response of `status`, content type `content_type` (absent: none), that
/// an `ErrorResponse` `declared` (the `problem::Declared` extension) or not, and an `instance`
/// to add or not. A declared response keeps its body, whatever its format.
pub(crate) fn rewrite_of(
    status: u16,
    content_type: Option<&[u8]>,
    declared: bool,
    has_instance: bool,
) -> Rewrite {
    if !(400..=599).contains(&status) {
        return Rewrite::Pass;
    }
    let media = content_type.map(media_type).unwrap_or_default();
    let problem = media.eq_ignore_ascii_case(PROBLEM_JSON.as_bytes());
    match (problem, declared) {
        (true, _) if has_instance => return Rewrite::AddInstance,
        (true, _) | (false, true) => return Rewrite::Pass,
        (false, false) => {}
    }
    Rewrite::Replace {
        detail_from_body: status < 500 && media.eq_ignore_ascii_case(b"text/plain"),
        logged: status >= 500,
    }
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
    let members: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(document).ok()?;
    if members.contains_key("instance") {
        return None;
    }
    let text = core::str::from_utf8(document).ok()?.trim_end();
    let before_brace = text.strip_suffix('}')?;
    let mut out = String::from(before_brace);
    if !members.is_empty() {
        out.push(',');
    }
    out.push_str(r#""instance":"#);
    push_json_string(&mut out, instance);
    out.push('}');
    Some(out)
}

/// The `instance` a request header's value gives: the value, if it is a non-empty URI
/// reference (RFC 3986, Section 4.1), as RFC 9457 requires of `instance`.
pub(crate) fn instance_of(header: &[u8]) -> Option<String> {
    let text = core::str::from_utf8(header).ok()?;
    let valid = !text.is_empty() && super::uri::uri_reference_error(text).is_none();
    valid.then(|| text.to_string())
}

/// Logs (feature `tracing`, target `status_core::problem`, at ERROR) the body of a 5xx
/// response that a problem document replaced, as lossy UTF-8 of at most [`LOGGED_LIMIT`]
/// bytes (`body`: what was read, `None` if the body was longer), so that a dropped cause (a
/// caught panic's message, a proxy's page) is still in the server's log.
pub(crate) fn report_dropped(status: u16, body: Option<&[u8]>) {
    #[cfg(feature = "tracing")]
    match body {
        Some(body) => tracing::error!(
            target: "status_core::problem",
            status,
            body = %alloc::string::String::from_utf8_lossy(body).trim(),
            "error response body replaced by a problem document"
        ),
        None => tracing::error!(
            target: "status_core::problem",
            status,
            "error response body (over {LOGGED_LIMIT} bytes) replaced by a problem document"
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
        assert_eq!(
            rewrite_of(200, Some(b"text/plain"), false, true),
            Rewrite::Pass
        );
        assert_eq!(rewrite_of(399, None, false, true), Rewrite::Pass);
        assert_eq!(rewrite_of(600, None, false, true), Rewrite::Pass);
        let plain = Rewrite::Replace {
            detail_from_body: true,
            logged: false,
        };
        assert_eq!(rewrite_of(400, Some(b"text/plain"), false, false), plain);
        assert_eq!(
            rewrite_of(499, Some(b" Text/Plain ; charset=utf-8"), false, false),
            plain
        );
        assert_eq!(
            rewrite_of(404, None, false, false),
            Rewrite::Replace {
                detail_from_body: false,
                logged: false
            }
        );
        assert_eq!(
            rewrite_of(500, Some(b"text/plain"), false, false),
            Rewrite::Replace {
                detail_from_body: false,
                logged: true
            }
        );
        assert_eq!(
            rewrite_of(599, Some(b"application/json"), false, true),
            Rewrite::Replace {
                detail_from_body: false,
                logged: true
            }
        );
        let problem = Some(&b"application/problem+json; charset=utf-8"[..]);
        assert_eq!(rewrite_of(404, problem, false, true), Rewrite::AddInstance);
        assert_eq!(rewrite_of(503, problem, false, false), Rewrite::Pass);
        // Declared: kept whatever the format; a problem document still gains `instance`.
        assert_eq!(
            rewrite_of(429, Some(b"application/json"), true, true),
            Rewrite::Pass
        );
        assert_eq!(
            rewrite_of(500, Some(b"text/plain"), true, false),
            Rewrite::Pass
        );
        assert_eq!(rewrite_of(401, None, true, true), Rewrite::Pass);
        assert_eq!(rewrite_of(404, problem, true, true), Rewrite::AddInstance);
        assert_eq!(rewrite_of(404, problem, true, false), Rewrite::Pass);
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
