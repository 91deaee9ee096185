//! RFC 9457 problem details for error responses (feature `alloc`).
//!
//! With features `axum` and `actix-web`, a type with `#[derive(HttpStatus)]` and
//! `#[status(response)]` answers with this document; [`body`] serves other frameworks.
//!
//! ```
//! use status_core::{HttpStatus, problem};
//!
//! #[derive(Debug, HttpStatus)]
//! #[status(404)]
//! struct NoUser(u64);
//!
//! impl std::fmt::Display for NoUser {
//!     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
//!         write!(f, "no user {}", self.0)
//!     }
//! }
//!
//! assert_eq!(
//!     problem::body(&NoUser(7), false),
//!     r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no user 7"}"#
//! );
//! assert_eq!(problem::CONTENT_TYPE, "application/problem+json");
//! ```

use alloc::string::{String, ToString};
use core::fmt::{Display, Write};

use crate::HttpStatus;

/// The media type of a problem details document.
pub const CONTENT_TYPE: &str = "application/problem+json";

/// The status an error response is sent with: `code` when it is a final status (200..=599),
/// else 500.
///
/// A 1xx is not a final response (RFC 9110, Section 15.2): the client would wait for another
/// one. A number outside 100..=599 is no HTTP status. Either can come only at run time (a
/// `transparent` field, a catch-all) and means the server failed, hence 500.
///
/// ```
/// use status_core::problem::final_status;
///
/// assert_eq!(final_status(404), 404);
/// assert_eq!(final_status(103), 500);
/// assert_eq!(final_status(700), 500);
/// ```
pub const fn final_status(code: u16) -> u16 {
    match code {
        200..=599 => code,
        _ => 500,
    }
}

/// Whether a response with this final status may carry content. 204 and 304 never do (RFC
/// 9110, Sections 6.4.1, 15.3.5 and 15.4.5), and a 205 must not (Section 15.3.6); so these
/// are sent without the problem document and without a content type.
///
/// ```
/// use status_core::problem::has_content;
///
/// assert!(has_content(404));
/// assert!(!has_content(204) && !has_content(205) && !has_content(304));
/// ```
pub const fn has_content(status: u16) -> bool {
    !matches!(status, 204 | 205 | 304)
}

/// The problem details document of `error`: `type`, `title` (the reason phrase), `status`,
/// and `detail` (the error's `Display` text) unless it is a 5xx and `detail_5xx` is off, so
/// that internal errors do not leak to clients by default.
///
/// `status` is the status the response is sent with, [`final_status`]: a code that is not a
/// final status goes out as 500, titled and hidden like any 500, here as in the frameworks. An empty reason phrase leaves out `title`. The frameworks send no document
/// for a status without content ([`has_content`]).
pub fn body<E: HttpStatus + Display + ?Sized>(error: &E, detail_5xx: bool) -> String {
    let code = error.code();
    let status = final_status(code);
    let title = if status == code {
        error.reason()
    } else {
        "Internal Server Error"
    };
    let mut body = String::with_capacity(96);
    body.push_str(r#"{"type":"about:blank""#);
    if !title.is_empty() {
        body.push_str(r#","title":"#);
        push_json_string(&mut body, title);
    }
    // Writing to a `String` cannot fail.
    let _ = write!(body, r#","status":{status}"#);
    // Judged by the status sent, so that a 1xx sent as 500 hides its detail too.
    if detail_5xx || status < 500 {
        body.push_str(r#","detail":"#);
        push_json_string(&mut body, &error.to_string());
    }
    body.push('}');
    body
}

/// `text` as a JSON string, quotes included.
fn push_json_string(out: &mut String, text: &str) {
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            ch if u32::from(ch) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(ch));
            }
            ch => out.push(ch),
        }
    }
    out.push('"');
}

/// axum: the response for an error type that opted in with `#[status(response)]`.
#[cfg(feature = "axum")]
#[doc(hidden)]
pub fn axum_response<E: HttpStatus + Display + ?Sized>(
    error: &E,
    detail_5xx: bool,
) -> axum_core::response::Response {
    use axum_core::response::IntoResponse;

    let status = final_status(error.code());
    let http_status = crate::__private::to_http(status);
    if !has_content(status) {
        return axum_empty_response(http_status);
    }
    let content_type = [(http::header::CONTENT_TYPE, CONTENT_TYPE)];
    (http_status, content_type, body(error, detail_5xx)).into_response()
}

/// axum: a response with no content. hyper sends no `Content-Length` for 204 and 304 (RFC
/// 9110, Section 8.6) and `Content-Length: 0` for 205, the first way Section 15.3.6 allows.
#[cfg(feature = "axum")]
fn axum_empty_response(status: http::StatusCode) -> axum_core::response::Response {
    use axum_core::response::IntoResponse;

    status.into_response()
}

/// actix-web: the status of an error type that opted in with `#[status(response)]`.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
pub fn actix_status(code: u16) -> actix_web::http::StatusCode {
    actix_web::http::StatusCode::from_u16(final_status(code))
        .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// actix-web: the response of an error type that opted in with `#[status(response)]`.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
pub fn actix_response<E: HttpStatus + Display + ?Sized>(
    error: &E,
    detail_5xx: bool,
) -> actix_web::HttpResponse {
    let status = actix_status(error.code());
    if !has_content(status.as_u16()) {
        return actix_empty_response(status);
    }
    actix_web::HttpResponse::build(status)
        .content_type(CONTENT_TYPE)
        .body(body(error, detail_5xx))
}

/// actix-web: a response with no content, `Content-Length` as for axum.
#[cfg(feature = "actix-web")]
fn actix_empty_response(status: actix_web::http::StatusCode) -> actix_web::HttpResponse {
    actix_web::HttpResponse::build(status).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Failure(u16, &'static str);

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

    #[test]
    fn bodies() {
        assert_eq!(
            body(&Failure(404, "no user 7\n\u{1}"), false),
            r#"{"type":"about:blank","title":"Reason \"quoted\"","status":404,"detail":"no user 7\n\u0001"}"#
        );
        assert_eq!(
            body(&Failure(500, "db password is hunter2"), false),
            r#"{"type":"about:blank","title":"Reason \"quoted\"","status":500}"#
        );
        assert!(body(&Failure(500, "db down"), true).ends_with(r#","detail":"db down"}"#));
        assert_eq!(
            body(&Failure(42, "bogus"), false),
            r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
        );
    }

    /// A 1xx or a number that is no status, possible only at run time, is sent as 500: the
    /// document says so, without the detail of what failed.
    #[test]
    fn bodies_of_statuses_that_are_not_final() {
        for code in [0, 100, 101, 103, 199, 600, 700, 999, u16::MAX] {
            assert_eq!(
                body(&Failure(code, "upstream said so"), false),
                r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#,
                "{code}"
            );
        }
        assert_eq!(final_status(200), 200);
        assert_eq!(final_status(599), 599);
    }

    #[test]
    fn statuses_without_content() {
        let without: alloc::vec::Vec<u16> =
            (100..=599).filter(|&code| !has_content(code)).collect();
        assert_eq!(without, [204, 205, 304]);
    }
}
