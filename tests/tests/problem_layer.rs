//! `status_core::axum::ProblemLayer` on a real axum server on 127.0.0.1: the router's errors
//! as problem documents, derived ones untouched but for `instance`, others passed through.
#![cfg(feature = "axum")]

use axum::routing::{get, post};
use serde_json::json;
use status_core::HttpStatus;
use status_core::axum::ProblemLayer;
use status_tests::get as ask;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("no user {0}")]
#[status(404, response)]
pub struct NoUser(u32);

fn app() -> axum::Router {
    axum::Router::new()
        .route("/ok", get(|| async { "fine" }))
        .route("/users/7", get(|| async { Err::<String, _>(NoUser(7)) }))
        .route(
            "/json",
            post(
                |axum::Json(value): axum::Json<serde_json::Value>| async move { value.to_string() },
            ),
        )
        .route(
            "/teapot",
            get(|| async { (axum::http::StatusCode::IM_A_TEAPOT, "x".repeat(2000)) }),
        )
        .route(
            "/broken",
            get(|| async { (axum::http::StatusCode::BAD_GATEWAY, "upstream secret") }),
        )
        .layer(ProblemLayer::new().instance_from_header("x-request-id"))
}

#[test]
fn the_routers_errors_are_problem_documents() {
    status_tests::with_axum(app(), |base| {
        let answer = ask(base, "/nowhere");
        assert_eq!(answer.status, 404);
        assert_eq!(answer.header("content-type"), ["application/problem+json"]);
        assert_eq!(
            answer.body,
            json!({"type": "about:blank", "title": "Not Found", "status": 404})
        );

        // Wrong method: 405, `Allow` kept.
        let agent = status_tests::client();
        let mut response = agent
            .put(format!("{base}/ok"))
            .send_empty()
            .expect("request");
        assert_eq!(response.status().as_u16(), 405);
        assert!(response.headers().get("allow").is_some());
        let text = response.body_mut().read_to_string().unwrap();
        let body: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(body["title"], "Method Not Allowed");

        // A rejection's text becomes `detail`.
        let mut response = agent
            .post(format!("{base}/json"))
            .header("content-type", "application/json")
            .send("{not json")
            .expect("request");
        assert_eq!(response.status().as_u16(), 400);
        let text = response.body_mut().read_to_string().unwrap();
        let body: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(
            body["detail"]
                .as_str()
                .unwrap()
                .starts_with("Failed to parse the request body"),
            "{body}"
        );

        // A 4xx text over 1 KiB is not copied; a 5xx body is dropped.
        let answer = ask(base, "/teapot");
        assert_eq!(answer.status, 418);
        assert!(answer.body.get("detail").is_none(), "{}", answer.body);
        let answer = ask(base, "/broken");
        assert_eq!(answer.status, 502);
        assert!(!answer.text.contains("secret"), "{}", answer.text);

        // Success passes untouched.
        let answer = ask(base, "/ok");
        assert_eq!((answer.status, answer.text.as_str()), (200, "fine"));

        // A derived document keeps its members, and gains `instance` from the header.
        let mut response = agent
            .get(format!("{base}/users/7"))
            .header("x-request-id", "/requests/42")
            .call()
            .expect("request");
        assert_eq!(response.status().as_u16(), 404);
        let text = response.body_mut().read_to_string().unwrap();
        let body: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            body,
            json!({"type": "about:blank", "title": "Not Found", "status": 404,
                   "detail": "no user 7", "instance": "/requests/42"})
        );
        // Without the header, no `instance`.
        let answer = ask(base, "/users/7");
        assert!(answer.body.get("instance").is_none(), "{}", answer.body);
    });
}
