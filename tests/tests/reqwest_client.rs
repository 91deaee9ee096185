//! `status_core::reqwest::ResponseExt` against a real axum server on 127.0.0.1: each error the
//! server declares decodes into its variant; another document, another format, a hostile body
//! each come back as what they are, read no further than `BODY_LIMIT`.
#![cfg(feature = "reqwest")]

use std::time::Duration;

use axum::http::StatusCode as Http;
use axum::routing::get;
use status_core::HttpStatus;
use status_core::reqwest::{BODY_LIMIT, ClientError, ResponseExt};

#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
#[status(500, response, client)]
pub enum ApiError {
    #[error("no user with id {id}")]
    #[status(404, type = "https://example.com/problems/no-user")]
    UserNotFound {
        #[status(member)]
        id: u64,
    },

    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[status(header = "Retry-After")]
        wait: Duration,
        #[status(member)]
        limit: u32,
    },

    #[error("database error")]
    Database,
}

/// An error response of another kind: `content_type` and `body` as given.
fn raw(status: u16, content_type: &'static str, body: String) -> axum::response::Response {
    let status = Http::from_u16(status).unwrap();
    axum::response::IntoResponse::into_response((status, [("content-type", content_type)], body))
}

const PROBLEM: &str = "application/problem+json";

fn app() -> axum::Router {
    axum::Router::new()
        .route(
            "/users/{id}",
            get(
                |axum::extract::Path(id): axum::extract::Path<u64>| async move {
                    Err::<String, _>(ApiError::UserNotFound { id })
                },
            ),
        )
        .route(
            "/slow",
            get(|| async {
                let wait = Duration::from_secs(30);
                Err::<String, _>(ApiError::RateLimited { wait, limit: 5 })
            }),
        )
        .route(
            "/database",
            get(|| async { Err::<String, _>(ApiError::Database) }),
        )
        .route("/ok", get(|| async { "fine" }))
        .route(
            "/other-type",
            get(|| async {
                raw(
                    404,
                    PROBLEM,
                    r#"{"type":"https://example.com/other","title":"Other"}"#.into(),
                )
            }),
        )
        .route(
            "/proxy",
            get(|| async {
                raw(
                    502,
                    "text/html",
                    "<html><body>502 Bad Gateway</body></html>".into(),
                )
            }),
        )
        .route(
            "/not-json",
            get(|| async { raw(500, PROBLEM, "nope".into()) }),
        )
        .route(
            "/array",
            get(|| async { raw(400, PROBLEM, "[1, 2]".into()) }),
        )
        .route(
            "/disagrees",
            get(|| async {
                let body = r#"{"type":"https://example.com/problems/no-user","status":500,"id":7}"#;
                raw(404, PROBLEM, body.into())
            }),
        )
        .route(
            "/wrong-member",
            get(|| async {
                let body = r#"{"type":"https://example.com/problems/no-user","id":"seven"}"#;
                raw(404, PROBLEM, body.into())
            }),
        )
        .route(
            "/json-problem",
            get(|| async {
                let body = r#"{"type":"https://example.com/problems/no-user","id":7}"#;
                raw(404, "application/json", body.into())
            }),
        )
        .route(
            "/exactly",
            get(|| async {
                // A document of exactly `BODY_LIMIT` bytes: read whole.
                let frame = r#"{"type":"https://example.com/other","title":""}"#;
                let title = "x".repeat(BODY_LIMIT - frame.len());
                let body = format!(r#"{{"type":"https://example.com/other","title":"{title}"}}"#);
                raw(409, PROBLEM, body)
            }),
        )
        .route(
            "/huge",
            get(|| async {
                let body = format!(r#"{{"title":"{}"}}"#, "x".repeat(10 * 1024 * 1024));
                raw(500, PROBLEM, body)
            }),
        )
}

/// `path`'s response, through `error_for_problem::<ApiError>`.
async fn ask(
    client: &reqwest::Client,
    base: &str,
    path: &str,
) -> Result<reqwest::Response, ClientError<ApiError>> {
    let response = client.get(format!("{base}{path}")).send().await?;
    response.error_for_problem::<ApiError>().await
}

#[test]
fn errors_decode_into_what_the_server_declared() {
    status_tests::with_axum(app(), |base| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap();
        runtime.block_on(async {
            // Declared errors: their variants, with what was sent.
            match ask(&client, base, "/users/7").await {
                Err(ClientError::Api { error, status, .. }) => {
                    assert_eq!((error, status), (ApiError::UserNotFound { id: 7 }, 404));
                }
                other => panic!("/users/7: {other:?}"),
            }
            let error = ask(&client, base, "/slow").await.unwrap_err();
            assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
            assert_eq!(error.status(), Some(429));
            assert_eq!(error.headers().unwrap()["retry-after"], "30");
            assert_eq!(error.to_string(), "error response 429");
            let ClientError::Api { error, .. } = error else {
                panic!("/slow: {error:?}")
            };
            let wait = Duration::from_secs(30);
            assert_eq!(error, ApiError::RateLimited { wait, limit: 5 });
            match ask(&client, base, "/database").await {
                Err(ClientError::Api {
                    error: ApiError::Database,
                    status: 500,
                    ..
                }) => {}
                other => panic!("/database: {other:?}"),
            }

            // Success: the response, its body unread.
            let response = ask(&client, base, "/ok").await.unwrap();
            assert_eq!(response.text().await.unwrap(), "fine");

            // Another document: a `Problem`; the status member disagreeing, or a member of the
            // wrong type, too.
            for path in ["/other-type", "/disagrees", "/wrong-member"] {
                match ask(&client, base, path).await {
                    Err(ClientError::Problem {
                        problem,
                        status: 404,
                        ..
                    }) => {
                        assert!(problem.r#type.is_some(), "{path}");
                    }
                    other => panic!("{path}: {other:?}"),
                }
            }

            // Not a document: the status and the body as text.
            match ask(&client, base, "/proxy").await {
                Err(ClientError::Status {
                    body,
                    status: 502,
                    headers,
                }) => {
                    assert_eq!(body, "<html><body>502 Bad Gateway</body></html>");
                    assert_eq!(headers["content-type"], "text/html");
                }
                other => panic!("/proxy: {other:?}"),
            }
            for (path, status, text) in [("/not-json", 500, "nope"), ("/array", 400, "[1, 2]")] {
                match ask(&client, base, path).await {
                    Err(ClientError::Status {
                        body, status: sent, ..
                    }) => {
                        assert_eq!((body.as_str(), sent), (text, status), "{path}");
                    }
                    other => panic!("{path}: {other:?}"),
                }
            }

            // A document sent as `application/json` is not taken for one.
            match ask(&client, base, "/json-problem").await {
                Err(ClientError::Status { status: 404, .. }) => {}
                other => panic!("/json-problem: {other:?}"),
            }
            // Exactly the limit: all of it, a document.
            match ask(&client, base, "/exactly").await {
                Err(ClientError::Problem {
                    problem,
                    status: 409,
                    ..
                }) => {
                    assert_eq!(
                        problem.title.map(|title| title.len()),
                        Some(BODY_LIMIT - 47)
                    );
                }
                other => panic!("/exactly: {:?}", other.map(|_| ())),
            }

            // 10 MB: no more than the limit is read, and it is no document.
            match ask(&client, base, "/huge").await {
                Err(ClientError::Status {
                    body, status: 500, ..
                }) => {
                    // 64 KiB, as documented.
                    assert_eq!((body.len(), BODY_LIMIT), (65_536, 65_536));
                    assert!(body.starts_with(r#"{"title":"xxx"#));
                }
                other => panic!("/huge: {:?}", other.map(|_| ())),
            }

            // The request itself failing.
            let closed = client.get("http://127.0.0.1:1/").send().await;
            let error: ClientError<ApiError> = closed.unwrap_err().into();
            assert!(matches!(error, ClientError::Transport(_)));
            assert_eq!((error.status(), error.headers()), (None, None));
            assert!(std::error::Error::source(&error).is_some());
            assert_eq!(error.to_string(), "the request failed");

            // What every kind says of itself.
            let proxy = ask(&client, base, "/proxy").await.unwrap_err();
            assert_eq!(
                (proxy.status(), proxy.to_string()),
                (Some(502), "error status 502".into())
            );
            assert_eq!(proxy.headers().unwrap()["content-type"], "text/html");
            assert!(std::error::Error::source(&proxy).is_none());
            let other = ask(&client, base, "/other-type").await.unwrap_err();
            assert_eq!(
                (other.status(), other.to_string()),
                (Some(404), "404: Other".into())
            );
            assert!(std::error::Error::source(&other).is_none());
            let api = ask(&client, base, "/users/3").await.unwrap_err();
            let source = std::error::Error::source(&api).map(ToString::to_string);
            assert_eq!(source.as_deref(), Some("no user with id 3"));
        });
    });
}
