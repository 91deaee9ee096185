//! Feature `problem`: the parts of an error response, as `ErrorResponse` gives them to a
//! response written by hand.
#![cfg(feature = "problem")]

use std::fmt;

use serde_json::{Value, json};
use status_core::problem::{self, Document, ErrorResponse};
use status_core::{HttpStatus, status_enum};

#[derive(Debug, thiserror::Error)]
#[error("disk full")]
pub struct DiskFull;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, response(parts), type = "https://example.com/problems/api")]
pub enum ApiError {
    #[error("gone for good")]
    #[status(410, title = "Gone for good", header("Cache-Control" = "max-age=60"))]
    Gone,
    #[error("retry at {at}")]
    #[status(503, detail)]
    Busy {
        at: &'static str,
        #[status(header = "Retry-After")]
        seconds: u32,
        #[status(member)]
        queue: Vec<u32>,
    },
    #[error("storage failed")]
    Storage(#[source] DiskFull),
    #[error("relayed {0}")]
    Relayed(#[status(transparent)] Relay),
}

status_enum! {
    pub enum Relay { Ok, Other(u16) }
}

/// A type that is not an `Error`.
#[derive(Debug, HttpStatus)]
#[status(404, response(parts))]
pub struct Plain;

impl fmt::Display for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("plain")
    }
}

/// Generic fields get the bounds their use needs.
#[derive(Debug, HttpStatus)]
#[status(422, response(parts))]
pub struct Invalid<T, H> {
    #[status(member)]
    errors: T,
    #[status(header = "X-Hint")]
    hint: H,
}

impl<T, H> fmt::Display for Invalid<T, H> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid")
    }
}

fn headers(error: &impl ErrorResponse) -> Vec<String> {
    let mut headers = Vec::new();
    error.headers(&mut |name, value| headers.push(format!("{name}: {value}")));
    headers
}

fn document(error: &(impl ErrorResponse + ?Sized)) -> Value {
    serde_json::to_value(Document(error)).unwrap()
}

#[test]
fn type_title_detail_and_members_per_variant() {
    assert_eq!(
        document(&ApiError::Gone),
        json!({"type": "https://example.com/problems/api", "title": "Gone for good",
               "status": 410, "detail": "gone for good"})
    );
    let busy = ApiError::Busy {
        at: "noon",
        seconds: 60,
        queue: vec![3, 4],
    };
    // `detail` on a 5xx variant shows it; the title is the reason phrase.
    assert_eq!(
        document(&busy),
        json!({"type": "https://example.com/problems/api", "title": "Service Unavailable",
               "status": 503, "detail": "retry at noon", "queue": [3, 4]})
    );
    assert_eq!(
        problem::body(&busy),
        serde_json::to_string(&Document(&busy)).unwrap()
    );
    assert!(busy.shows_detail());
    assert!(!ApiError::Storage(DiskFull).shows_detail());
    assert!(ApiError::Gone.shows_detail());
    assert_eq!(
        document(&ApiError::Storage(DiskFull)),
        json!({"type": "https://example.com/problems/api", "title": "Internal Server Error",
               "status": 500})
    );
}

#[test]
fn headers_in_order() {
    assert_eq!(headers(&ApiError::Gone), ["Cache-Control: max-age=60"]);
    let busy = ApiError::Busy {
        at: "noon",
        seconds: 60,
        queue: vec![],
    };
    assert_eq!(headers(&busy), ["Retry-After: 60"]);
    assert!(headers(&ApiError::Storage(DiskFull)).is_empty());
    let invalid = Invalid {
        errors: [1, 2],
        hint: 'x',
    };
    assert_eq!(headers(&invalid), ["X-Hint: x"]);
    assert_eq!(
        document(&invalid),
        json!({"type": "about:blank", "title": "Unprocessable Content", "status": 422,
               "detail": "invalid", "errors": [1, 2]})
    );
}

/// A status known at run time that is no final status is sent, and titled, as 500.
#[test]
fn transparent_statuses_that_are_not_final() {
    for code in [103, 700] {
        let relayed = ApiError::Relayed(Relay::Other(code));
        assert_eq!(relayed.code(), code);
        assert_eq!(problem::status(&relayed), 500);
        assert_eq!(relayed.title(), "Internal Server Error");
        assert!(!relayed.shows_detail());
    }
    let relayed = ApiError::Relayed(Relay::Other(418));
    assert_eq!(
        (problem::status(&relayed), relayed.title()),
        (418, "I'm a teapot")
    );
}

/// The source chain of the log comes from `as_error`: `Some` exactly for `Error` types.
#[test]
fn as_error_finds_error_types() {
    let storage = ApiError::Storage(DiskFull);
    let error = storage.as_error().expect("ApiError is an Error");
    assert_eq!(error.to_string(), "storage failed");
    assert_eq!(error.source().unwrap().to_string(), "disk full");
    assert!(Plain.as_error().is_none());
    // A generic type: not looked for.
    let invalid = Invalid {
        errors: (),
        hint: 1,
    };
    assert!(invalid.as_error().is_none());
}

/// `response(parts)` implements no framework trait: a hand-written impl does not conflict.
#[cfg(feature = "axum")]
impl axum::response::IntoResponse for Plain {
    fn into_response(self) -> axum::response::Response {
        (axum::http::StatusCode::IM_A_TEAPOT, "mine").into_response()
    }
}

#[cfg(feature = "axum")]
#[test]
fn parts_leave_the_framework_impl_to_you() {
    let response = axum::response::IntoResponse::into_response(Plain);
    assert_eq!(response.status(), 418);
}

#[cfg(feature = "http")]
#[test]
fn http_responses() {
    let response = problem::http_response(&ApiError::Gone);
    assert_eq!(response.status(), http::StatusCode::GONE);
    assert_eq!(response.headers()["cache-control"], "max-age=60");
    assert_eq!(response.headers()["content-type"], problem::CONTENT_TYPE);
    let body: Value = serde_json::from_str(response.body()).unwrap();
    assert_eq!(body, document(&ApiError::Gone));

    // A header value that is not valid HTTP is left out, the rest is sent.
    let invalid = Invalid {
        errors: (),
        hint: "two\nlines",
    };
    let response = problem::http_response(&invalid);
    assert_eq!(response.status(), 422);
    assert!(response.headers().get("x-hint").is_none());
    assert_eq!(problem::http_headers(&invalid).len(), 0);
}

/// A `Display` that fails.
#[derive(Debug)]
pub struct Failing;

impl fmt::Display for Failing {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Err(fmt::Error)
    }
}

#[derive(Debug, HttpStatus)]
#[status(409, response(parts))]
pub struct Broken {
    #[status(header = "X-Broken")]
    value: Failing,
}

impl fmt::Display for Broken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

/// A `Display` that fails costs its text, never the response: no panic, no `detail`, no header.
#[test]
fn failing_display_is_left_out() {
    let broken = Broken { value: Failing };
    assert_eq!(
        problem::body(&broken),
        r#"{"type":"about:blank","title":"Conflict","status":409}"#
    );
    #[cfg(feature = "http")]
    {
        let response = problem::http_response(&broken);
        assert_eq!(response.status(), 409);
        assert!(response.headers().get("x-broken").is_none());
    }
}

#[test]
fn content_by_status_sent() {
    #[derive(Debug, HttpStatus)]
    #[status(response(parts))]
    enum Answer {
        #[status(204)]
        Empty,
        #[status(transparent)]
        Relayed(Relay),
    }
    impl fmt::Display for Answer {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("answer")
        }
    }
    assert!(!problem::sends_content(&Answer::Empty));
    // 304 forbids content, but a relayed 103 goes out as 500, which has it.
    assert!(!problem::sends_content(&Answer::Relayed(Relay::Other(304))));
    assert!(problem::sends_content(&Answer::Relayed(Relay::Other(103))));
    assert!(problem::sends_content(&Answer::Relayed(Relay::Ok)));
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("log in first")]
#[status(
    401,
    response(parts),
    header("WWW-Authenticate" = "Bearer"),
    type = "https://example.com/problems/auth",
    title = "Log in"
)]
pub struct AuthError {
    #[status(member)]
    realm: &'static str,
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("hidden")]
#[status(503, response(parts), detail)]
pub struct Shown;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, response(parts))]
pub enum Outer {
    /// The whole response is the inner error's: status, headers, type, title, members.
    #[error(transparent)]
    #[status(transparent)]
    Auth(#[from] AuthError),
    #[error(transparent)]
    #[status(transparent)]
    Shown(Shown),
    /// Its own parts come first; a status known at run time has no parts of its own.
    #[error("relayed")]
    #[status(transparent, header("X-Relayed" = "yes"), title = "Relayed")]
    Relayed(Relay),
}

/// A transparent variant's response is its field's, when the field is an error response too:
/// the 401 keeps the `WWW-Authenticate` RFC 9110 requires.
#[test]
fn transparent_fields_give_their_response() {
    let auth = Outer::Auth(AuthError { realm: "users" });
    assert_eq!(headers(&auth), ["WWW-Authenticate: Bearer"]);
    assert_eq!(
        document(&auth),
        json!({"type": "https://example.com/problems/auth", "title": "Log in", "status": 401,
               "detail": "log in first", "realm": "users"})
    );
    // The field's `detail`.
    assert!(Outer::Shown(Shown).shows_detail());
    let relayed = Outer::Relayed(Relay::Other(502));
    assert_eq!(headers(&relayed), ["X-Relayed: yes"]);
    assert_eq!(
        document(&relayed),
        json!({"type": "about:blank", "title": "Relayed", "status": 502})
    );
}

/// A type whose attributes come from a `macro_rules!`: the body's path, and what the derive
/// writes around it, keep their own hygiene.
macro_rules! enveloped {
    ($name:ident, $body:path, $header:literal) => {
        #[derive(Debug, thiserror::Error, HttpStatus)]
        #[error("slow down")]
        #[status(429, response(parts, body = $body, content_type = "application/vnd+json"))]
        pub struct $name {
            #[status(header = $header)]
            wait: Option<std::time::Duration>,
        }
    };
}

fn wrapped(error: &FromMacro) -> serde_json::Value {
    json!({ "error": Document(error), "kind": "macro" })
}

enveloped!(FromMacro, wrapped, "Retry-After");

#[test]
fn bodies_and_headers_from_macro_rules() {
    let error = FromMacro {
        wait: Some(std::time::Duration::from_millis(1500)),
    };
    let body: Value = serde_json::from_str(&problem::body(&error)).unwrap();
    assert_eq!(
        body,
        json!({"error": {"type": "about:blank", "title": "Too Many Requests", "status": 429,
                         "detail": "slow down"}, "kind": "macro"})
    );
    assert_eq!(error.content_type(), "application/vnd+json");
    assert_eq!(headers(&error), ["Retry-After: 2"]);
    assert!(headers(&FromMacro { wait: None }).is_empty());
}
