//! Features `axum` and `actix-web`: error types that opt in with `#[status(response)]` answer
//! with their status and an RFC 9457 problem details document. Real servers on 127.0.0.1,
//! asked by a real HTTP client.
#![cfg(any(feature = "axum", feature = "actix-web"))]

use serde_json::{Value, json};
use status_core::{HttpStatus, status_enum};
#[cfg(feature = "actix-web")]
use status_tests::with_actix_web;
#[cfg(feature = "axum")]
use status_tests::with_axum;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500)]
#[status(response)]
pub enum ApiError {
    #[error("no user {0}")]
    #[status(404)]
    UserNotFound(u64),
    #[error("slow down: retry in {retry_after}s")]
    #[status(TooManyRequests)]
    RateLimited { retry_after: u32 },
    #[error("database password rejected")]
    Internal,
    #[error(transparent)]
    #[status(transparent)]
    Upstream(UpstreamError),
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("upstream took too long")]
#[status(GatewayTimeout)]
pub struct UpstreamError;

/// This type asks for 5xx details.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("disk full on /var")]
#[status(507, response, detail)]
pub struct DiskFull;

/// A generic wrapper whose `Display` and `Debug` need bounds on `E`: the response impls carry
/// them too.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(response)]
pub enum Traced<E> {
    #[error("traced: {0}")]
    #[status(transparent)]
    Inner(E),
}

/// Statuses whose responses carry no content (RFC 9110 Sections 15.3.5, 15.3.6, 15.4.5).
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(response)]
pub enum Bodiless {
    #[error("nothing to add")]
    #[status(204)]
    NoContent,
    #[error("form accepted, clear it")]
    #[status(205)]
    ResetContent,
    #[error("still fresh")]
    #[status(304)]
    NotModified,
}

status_enum! {
    /// Whatever an upstream answered, kept as is: the catch-all holds any number.
    pub enum Relayed {
        Ok,
        Other(u16),
    }
}

/// An upstream's status passed on: at run time it may be no final status at all.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("upstream answered {0}")]
#[status(transparent, response)]
pub struct Relay(Relayed);

/// What the handlers answer for `/bodiless/{code}`.
fn bodiless(code: u16) -> Result<String, Bodiless> {
    match code {
        204 => Err(Bodiless::NoContent),
        205 => Err(Bodiless::ResetContent),
        _ => Err(Bodiless::NotModified),
    }
}

/// What the handlers answer for `/relayed/{code}`.
fn relayed(code: u16) -> Result<String, Relay> {
    Err(Relay(Relayed::Other(code)))
}

/// What the handlers answer for `/users/{id}`.
fn lookup(id: u64) -> Result<String, ApiError> {
    match id {
        1 => Ok("alice".to_owned()),
        404 => Err(ApiError::UserNotFound(id)),
        429 => Err(ApiError::RateLimited { retry_after: 30 }),
        500 => Err(ApiError::Internal),
        504 => Err(ApiError::Upstream(UpstreamError)),
        _ => Err(ApiError::UserNotFound(id)),
    }
}

struct Answer {
    status: u16,
    content_type: String,
    headers: http::HeaderMap,
    body: String,
}

fn get(base: &str, path: &str) -> Answer {
    let agent = status_tests::client();
    let mut response = agent.get(format!("{base}{path}")).call().expect("request");
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    Answer {
        status: response.status().as_u16(),
        content_type,
        headers: response.headers().clone(),
        body: response.body_mut().read_to_string().expect("body"),
    }
}

/// The same expectations for both frameworks.
fn check_answers(base: &str) {
    let ok = get(base, "/users/1");
    assert_eq!((ok.status, ok.body.as_str()), (200, "alice"));

    let problem = |path: &str, status: u16, expected: Value| {
        let answer = get(base, path);
        assert_eq!(answer.status, status, "{path}");
        assert_eq!(answer.content_type, "application/problem+json", "{path}");
        let body: Value = serde_json::from_str(&answer.body).expect("JSON body");
        assert_eq!(body, expected, "{path}");
    };
    problem(
        "/users/404",
        404,
        json!({"type": "about:blank", "title": "Not Found", "status": 404, "detail": "no user 404"}),
    );
    problem(
        "/users/429",
        429,
        json!({"type": "about:blank", "title": "Too Many Requests", "status": 429,
               "detail": "slow down: retry in 30s"}),
    );
    // 5xx: no detail by default, so internal errors do not leak.
    problem(
        "/users/500",
        500,
        json!({"type": "about:blank", "title": "Internal Server Error", "status": 500}),
    );
    // transparent: the inner error's status.
    problem(
        "/users/504",
        504,
        json!({"type": "about:blank", "title": "Gateway Timeout", "status": 504}),
    );
    // A generic wrapper answers with its inner error's status.
    problem(
        "/traced",
        504,
        json!({"type": "about:blank", "title": "Gateway Timeout", "status": 504}),
    );
    // A type that asks for 5xx details gets them.
    problem(
        "/disk",
        507,
        json!({"type": "about:blank", "title": "Insufficient Storage", "status": 507,
               "detail": "disk full on /var"}),
    );
}

/// Statuses that forbid content are sent without it, as RFC 9110 says.
fn check_no_content(base: &str) {
    // 204 and 304: no content and no `Content-Length` (RFC 9110 Sections 8.6, 15.3.5 and
    // 15.4.5). 205: zero-length content, said with `Content-Length: 0` (Section 15.3.6).
    for (code, content_length) in [(204, None), (205, Some("0")), (304, None)] {
        let answer = get(base, &format!("/bodiless/{code}"));
        assert_eq!(answer.status, code);
        assert_eq!(answer.headers.get("content-type"), None, "{code}");
        assert_eq!(answer.headers.get("transfer-encoding"), None, "{code}");
        assert_eq!(
            answer
                .headers
                .get("content-length")
                .map(|value| value.to_str().unwrap()),
            content_length,
            "{code}"
        );
        assert_eq!(answer.body, "", "{code}");
    }
}

/// Only final statuses go on the wire.
fn check_final_status(base: &str) {
    // A 1xx is not a final response (Section 15.2), and a number outside 100..=599 is no
    // status: the server failed, so 500.
    for code in [100, 101, 103, 700, 999] {
        let answer = get(base, &format!("/relayed/{code}"));
        assert_eq!(answer.status, 500, "{code}");
        assert_eq!(answer.content_type, "application/problem+json", "{code}");
        let body: Value = serde_json::from_str(&answer.body).expect("JSON body");
        assert_eq!(
            body,
            json!({"type": "about:blank", "title": "Internal Server Error", "status": 500}),
            "{code}"
        );
    }
}

#[cfg(feature = "axum")]
#[test]
fn axum_answers_with_problem_details() {
    use axum::Router;
    use axum::extract::Path;
    use axum::routing::get as route;

    let app = Router::new()
        .route(
            "/users/{id}",
            route(|Path(id): Path<u64>| async move { lookup(id) }),
        )
        .route("/disk", route(|| async { Err::<String, _>(DiskFull) }))
        .route(
            "/traced",
            route(|| async { Err::<String, _>(Traced::Inner(UpstreamError)) }),
        );
    with_axum(app, check_answers);
}

/// The routes of the RFC 9110 checks.
#[cfg(feature = "axum")]
fn axum_rfc_routes() -> axum::Router {
    use axum::extract::Path;
    use axum::routing::get as route;

    axum::Router::new()
        .route(
            "/bodiless/{code}",
            route(|Path(code): Path<u16>| async move { bodiless(code) }),
        )
        .route(
            "/relayed/{code}",
            route(|Path(code): Path<u16>| async move { relayed(code) }),
        )
}

#[cfg(feature = "axum")]
#[test]
fn axum_sends_no_content_for_204_205_304() {
    with_axum(axum_rfc_routes(), check_no_content);
}

#[cfg(feature = "axum")]
#[test]
fn axum_sends_500_for_no_final_status() {
    with_axum(axum_rfc_routes(), check_final_status);
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_web_answers_with_problem_details() {
    use actix_web::web;

    with_actix_web(
        |config| {
            config
                .route(
                    "/users/{id}",
                    web::get().to(|id: web::Path<u64>| async move { lookup(*id) }),
                )
                .route(
                    "/disk",
                    web::get().to(|| async { Err::<String, _>(DiskFull) }),
                )
                .route(
                    "/traced",
                    web::get().to(|| async { Err::<String, _>(Traced::Inner(UpstreamError)) }),
                );
        },
        check_answers,
    );
}

/// The routes of the RFC 9110 checks.
#[cfg(feature = "actix-web")]
fn actix_web_rfc_routes(config: &mut actix_web::web::ServiceConfig) {
    use actix_web::web;

    config
        .route(
            "/bodiless/{code}",
            web::get().to(|code: web::Path<u16>| async move { bodiless(*code) }),
        )
        .route(
            "/relayed/{code}",
            web::get().to(|code: web::Path<u16>| async move { relayed(*code) }),
        );
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_web_sends_no_content_for_204_205_304() {
    with_actix_web(actix_web_rfc_routes, check_no_content);
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_web_sends_500_for_no_final_status() {
    with_actix_web(actix_web_rfc_routes, check_final_status);
}
