//! Features `axum` and `actix-web`: error types that opt in with `#[status(response)]` answer
//! with their status and an RFC 9457 problem details document. Real servers on 127.0.0.1,
//! asked by a real HTTP client.
#![cfg(any(feature = "axum", feature = "actix-web"))]

use serde_json::{Value, json};
use status_core::HttpStatus;

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
    body: String,
}

fn get(base: &str, path: &str) -> Answer {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(10)))
        .build()
        .into();
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

#[cfg(feature = "axum")]
#[test]
fn axum_answers_with_problem_details() {
    use axum::Router;
    use axum::extract::Path;
    use axum::routing::get as route;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let address = listener.local_addr().unwrap();
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
    runtime.spawn(async move { axum::serve(listener, app).await });
    check_answers(&format!("http://{address}"));
    runtime.shutdown_background();
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_web_answers_with_problem_details() {
    use actix_web::{App, HttpServer, web};

    let (sender, receiver) = std::sync::mpsc::channel();
    let server = std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = HttpServer::new(|| {
                App::new()
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
                    )
            })
            .workers(1)
            .disable_signals()
            .bind(("127.0.0.1", 0))
            .unwrap();
            let address = server.addrs()[0];
            let server = server.run();
            sender.send((address, server.handle())).unwrap();
            server.await
        })
    });
    let (address, handle) = receiver.recv().unwrap();
    check_answers(&format!("http://{address}"));
    actix_web::rt::System::new().block_on(handle.stop(true));
    server.join().unwrap().unwrap();
}
