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

/// The problem details document of `error`: `type`, `title` (the reason phrase), `status`,
/// and `detail` (the error's `Display` text) unless it is a 5xx and `detail_5xx` is off, so
/// that internal errors do not leak to clients by default.
///
/// `status` is the status the response is sent with: a code that HTTP cannot carry (outside
/// 100..=999, possible only in a catch-all) goes out as 500, here as in the frameworks. An
/// empty reason phrase leaves out `title`.
pub fn body<E: HttpStatus + Display + ?Sized>(error: &E, detail_5xx: bool) -> String {
    let (status, title) = match error.code() {
        code @ 100..=999 => (code, error.reason()),
        _ => (500, "Internal Server Error"),
    };
    let mut body = String::with_capacity(96);
    body.push_str(r#"{"type":"about:blank""#);
    if !title.is_empty() {
        body.push_str(r#","title":"#);
        push_json_string(&mut body, title);
    }
    // Writing to a `String` cannot fail.
    let _ = write!(body, r#","status":{status}"#);
    if detail_5xx || !error.is_server_error() {
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

    let status = crate::__private::to_http(error.code());
    let content_type = [(http::header::CONTENT_TYPE, CONTENT_TYPE)];
    (status, content_type, body(error, detail_5xx)).into_response()
}

/// actix-web: the status of an error type that opted in with `#[status(response)]`.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
pub fn actix_status(code: u16) -> actix_web::http::StatusCode {
    actix_web::http::StatusCode::from_u16(code)
        .unwrap_or(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// actix-web: the response of an error type that opted in with `#[status(response)]`.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
pub fn actix_response<E: HttpStatus + Display + ?Sized>(
    error: &E,
    detail_5xx: bool,
) -> actix_web::HttpResponse {
    actix_web::HttpResponse::build(actix_status(error.code()))
        .content_type(CONTENT_TYPE)
        .body(body(error, detail_5xx))
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
}
