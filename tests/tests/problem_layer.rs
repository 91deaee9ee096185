//! `status_core::axum::ProblemLayer` on a real axum server on 127.0.0.1: the router's and the
//! middleware's errors as problem documents, derived ones unchanged but for `instance`, every
//! other response passed through unread.
#![cfg(feature = "axum")]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode as Http;
use axum::routing::{get, post};
use serde_json::json;
use status_core::HttpStatus;
use status_core::axum::ProblemLayer;
use status_tests::{Answer, client, get as ask};

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("no user {0}")]
#[status(404, response)]
pub struct NoUser(u32);

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("database password rejected")]
#[status(500, response)]
pub struct Database;

/// A body of its own: the layer keeps it (the response is `problem::Declared`).
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("slow down")]
#[status(429, response(body = envelope))]
pub struct SlowDown;

fn envelope(error: &SlowDown) -> serde_json::Value {
    json!({"ok": false, "error": error.to_string()})
}

/// A document of `0`'s size (about): up to 64 KiB gains `instance`, a longer one passes as it
/// is (it could not be given back once read past the limit).
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("too many items")]
#[status(422, response)]
pub struct Big(#[status(member = "items")] String);

/// The second chunk of `/stream` waits for this.
type Release = Arc<Mutex<Option<tokio::sync::oneshot::Receiver<()>>>>;

/// An error whose body never ends: the layer reads no more of it than it needs (none of a 4xx
/// that is not text, 1 KiB of a 5xx to log).
async fn endless(
    axum::extract::Path(status): axum::extract::Path<u16>,
) -> axum::response::Response {
    let chunks = futures_util::stream::repeat_with(|| Ok::<_, std::io::Error>("endless "));
    let body = axum::body::Body::from_stream(chunks);
    let status = Http::from_u16(status).unwrap();
    let content_type = [(axum::http::header::CONTENT_TYPE, "application/octet-stream")];
    axum::response::IntoResponse::into_response((status, content_type, body))
}

/// A response that says what its body is in every way a replaced body must stop saying: its
/// coding (the bytes are not gzip: the layer must not read them), digest, validators, reason.
async fn described() -> axum::response::Response {
    let mut response = axum::response::IntoResponse::into_response((
        Http::SERVICE_UNAVAILABLE,
        [
            ("content-type", "text/plain"),
            ("content-encoding", "gzip"),
            ("etag", "\"v1\""),
            ("last-modified", "Sun, 06 Nov 1994 08:49:37 GMT"),
            ("content-language", "en"),
            ("retry-after", "30"),
        ],
        "not gzip: the database password is hunter2",
    ));
    let reason = hyper::ext::ReasonPhrase::from_static(b"Database Password Rejected");
    response.extensions_mut().insert(reason);
    response
}

fn app(release: Release) -> axum::Router {
    let echo = |axum::Json(value): axum::Json<serde_json::Value>| async move { value.to_string() };
    let stream = move || async move {
        use futures_util::StreamExt;
        let receiver = release.lock().unwrap().take().expect("one request");
        let first = futures_util::stream::once(async { Ok::<_, std::io::Error>("first") });
        let second = futures_util::stream::once(async move {
            let _ = receiver.await;
            Ok("second")
        });
        axum::body::Body::from_stream(first.chain(second))
    };
    axum::Router::new()
        .route("/ok", get(|| async { "fine" }))
        .route("/users/7", get(|| async { Err::<String, _>(NoUser(7)) }))
        .route(
            "/big/{size}",
            get(
                |axum::extract::Path(size): axum::extract::Path<usize>| async move {
                    Err::<String, _>(Big("x".repeat(size)))
                },
            ),
        )
        .route("/slow-down", get(|| async { Err::<String, _>(SlowDown) }))
        .route("/database", get(|| async { Err::<String, _>(Database) }))
        .route("/json", post(echo))
        .route("/small", post(echo).layer(DefaultBodyLimit::max(16)))
        .route(
            "/teapot",
            get(|| async { (Http::IM_A_TEAPOT, "x".repeat(2000)) }),
        )
        .route(
            "/broken",
            get(|| async { (Http::BAD_GATEWAY, "upstream secret") }),
        )
        .route("/endless/{status}", get(endless))
        .route("/described", get(described))
        .route(
            "/closed",
            get(|| async { (Http::from_u16(499).unwrap(), "client went away") }),
        )
        .route(
            "/text/{size}",
            get(
                |axum::extract::Path(size): axum::extract::Path<usize>| async move {
                    (Http::BAD_REQUEST, "x".repeat(size))
                },
            ),
        )
        .route(
            "/long-broken",
            get(|| async {
                (
                    Http::BAD_GATEWAY,
                    format!("{}<!-- upstream secret -->", "x".repeat(3000)),
                )
            }),
        )
        .route(
            "/charset",
            get(|| async {
                let content_type = [("content-type", "Application/Problem+JSON; charset=utf-8")];
                (Http::CONFLICT, content_type, r#"{"title":"Taken"}"#)
            }),
        )
        .route("/empty", get(|| async { Http::NO_CONTENT }))
        .route("/unchanged", get(|| async { Http::NOT_MODIFIED }))
        .route("/stream", get(stream))
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                "late"
            })
            .layer(tower_http::timeout::TimeoutLayer::with_status_code(
                Http::REQUEST_TIMEOUT,
                Duration::from_millis(50),
            )),
        )
        .route(
            "/panic",
            get(|| async {
                if true {
                    panic!("the cache is poisoned");
                }
                "unreachable"
            }),
        )
        // Outside the middleware whose errors it rewrites.
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .layer(ProblemLayer::new().instance_from_header("x-request-id"))
        // The request's span, with its id, around everything the layer and handlers log.
        .layer(
            tower_http::trace::TraceLayer::new_for_http().make_span_with(
                |request: &axum::http::Request<axum::body::Body>| {
                    let id = request.headers().get("x-request-id");
                    let id = id.and_then(|id| id.to_str().ok()).unwrap_or("");
                    tracing::info_span!("request", request_id = id)
                },
            ),
        )
}

/// A request of `method` with `headers` and `body`, read whole.
fn ask_with(base: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Answer {
    let mut request = axum::http::Request::builder()
        .method(method)
        .uri(format!("{base}{path}"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request.body(body.to_owned()).unwrap();
    let mut response = client().run(request).expect("request");
    let headers = response.headers().iter();
    let headers = headers.map(|(name, value)| (name.to_string(), value.to_str().unwrap().into()));
    let headers = headers.collect();
    let text = response.body_mut().read_to_string().unwrap_or_default();
    Answer {
        status: response.status().as_u16(),
        headers,
        body: serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
        text,
    }
}

fn problem(status: u16, title: &str) -> serde_json::Value {
    json!({"type": "about:blank", "title": title, "status": status})
}

#[test]
fn every_error_the_router_and_middleware_send_is_a_problem_document() {
    let (_, receiver) = tokio::sync::oneshot::channel();
    let release = Arc::new(Mutex::new(Some(receiver)));
    status_tests::with_axum(app(release), |base| {
        let answer = ask(base, "/nowhere");
        assert_eq!(answer.status, 404);
        assert_eq!(answer.header("content-type"), ["application/problem+json"]);
        assert_eq!(answer.body, problem(404, "Not Found"));
        assert_eq!(
            answer.header("content-length"),
            [answer.text.len().to_string()]
        );

        // Wrong method: 405, `Allow` kept.
        let answer = ask_with(base, "PUT", "/ok", &[], "");
        assert_eq!(answer.status, 405);
        assert_eq!(answer.header("allow"), ["GET,HEAD"]);
        assert_eq!(answer.body, problem(405, "Method Not Allowed"));

        // A rejection's text becomes `detail`.
        let json = [("content-type", "application/json")];
        let answer = ask_with(base, "POST", "/json", &json, "{not json");
        assert_eq!(answer.status, 400);
        assert_eq!(answer.header("content-type"), ["application/problem+json"]);
        let detail = answer.body["detail"].as_str().unwrap();
        assert!(
            detail.starts_with("Failed to parse the request body as JSON"),
            "{detail}"
        );

        // Over `DefaultBodyLimit`: 413, with axum's text.
        let answer = ask_with(
            base,
            "POST",
            "/small",
            &json,
            &format!("[{}1]", "1,".repeat(50)),
        );
        assert_eq!(answer.status, 413);
        assert_eq!(answer.body["title"], "Content Too Large");
        assert_eq!(
            answer.body["detail"],
            "Failed to buffer the request body: length limit exceeded"
        );

        // A body that never ends is not read to its end.
        let answer = ask(base, "/endless/400");
        assert_eq!(answer.body, problem(400, "Bad Request"));
        let answer = ask(base, "/endless/503");
        assert_eq!(answer.body, problem(503, "Service Unavailable"));

        // `TimeoutLayer`'s status.
        let answer = ask(base, "/slow");
        assert_eq!(answer.status, 408);
        assert_eq!(answer.body, problem(408, "Request Timeout"));

        // `detail` from a text of up to 1024 bytes.
        let answer = ask(base, "/text/1024");
        assert_eq!(answer.body["detail"].as_str().map(str::len), Some(1024));
        let answer = ask(base, "/text/1025");
        assert_eq!(answer.body, problem(400, "Bad Request"));

        // What described the old body goes with it; what did not stays; the status line's
        // reason is the registry's.
        let answer = ask(base, "/described");
        assert_eq!(answer.body, problem(503, "Service Unavailable"));
        assert!(!answer.text.contains("hunter2"), "{}", answer.text);
        for gone in [
            "content-encoding",
            "etag",
            "last-modified",
            "content-language",
        ] {
            assert!(answer.header(gone).is_empty(), "{gone}");
        }
        assert_eq!(answer.header("retry-after"), ["30"]);
        let line = status_tests::status_line(base, "/described");
        assert_eq!(line, "HTTP/1.1 503 Service Unavailable");
        let line = status_tests::status_line(base, "/closed");
        assert_eq!(line, "HTTP/1.1 499 Client Closed Request");
        assert_eq!(ask(base, "/closed").body["title"], "Client Closed Request");

        // A problem document in any spelling of its media type is kept.
        let answer = ask(base, "/charset");
        assert_eq!(
            (answer.status, answer.text.as_str()),
            (409, r#"{"title":"Taken"}"#)
        );

        // A 4xx text over 1 KiB is not copied; a 5xx body is dropped.
        let answer = ask(base, "/teapot");
        assert_eq!(answer.body, problem(418, "I'm a teapot"));
        let answer = ask(base, "/broken");
        assert_eq!(answer.body, problem(502, "Bad Gateway"));
    });
}

#[test]
fn success_and_derived_documents_pass_unchanged() {
    let (sender, receiver) = tokio::sync::oneshot::channel();
    let release = Arc::new(Mutex::new(Some(receiver)));
    status_tests::with_axum(app(release), |base| {
        let answer = ask(base, "/ok");
        assert_eq!((answer.status, answer.text.as_str()), (200, "fine"));

        // A derived document: byte for byte, and with `instance` as its last member.
        let sent = status_core::problem::body(&NoUser(7));
        let answer = ask(base, "/users/7");
        assert_eq!((answer.status, &answer.text), (404, &sent));
        let id = [("x-request-id", "/requests/42")];
        let answer = ask_with(base, "GET", "/users/7", &id, "");
        let with_instance = format!(r#"{},"instance":"/requests/42"}}"#, &sent[..sent.len() - 1]);
        assert_eq!(answer.text, with_instance);
        assert_eq!(
            answer.header("content-length"),
            [with_instance.len().to_string()]
        );
        // Each request's own `instance`: caches must not share the documents.
        assert_eq!(answer.header("vary"), ["x-request-id"]);
        // Without the header too (the header could have changed the document); not a success.
        assert_eq!(ask(base, "/users/7").header("vary"), ["x-request-id"]);
        assert_eq!(ask(base, "/nowhere").header("vary"), ["x-request-id"]);
        assert!(ask(base, "/ok").header("vary").is_empty());

        // Long documents: `instance` up to 64 KiB.
        let exactly = 65_536 - status_core::problem::body(&Big(String::new())).len();
        for (size, gains) in [(10_000, true), (exactly, true), (exactly + 1, false)] {
            let sent = status_core::problem::body(&Big("x".repeat(size)));
            let answer = ask_with(base, "GET", &format!("/big/{size}"), &id, "");
            assert_eq!(answer.status, 422);
            assert_eq!(answer.body["instance"].is_string(), gains, "{size}");
            if !gains {
                assert_eq!(answer.text, sent);
            }
        }

        // A declared body of another format: unchanged, `instance` or not.
        for headers in [&[][..], &id[..]] {
            let answer = ask_with(base, "GET", "/slow-down", headers, "");
            assert_eq!(answer.status, 429);
            assert_eq!(answer.header("content-type"), ["application/json"]);
            assert_eq!(answer.text, status_core::problem::body(&SlowDown));
        }

        // On the router's documents too; not when the header is no URI reference.
        let answer = ask_with(base, "GET", "/nowhere", &id, "");
        assert_eq!(answer.body["instance"], "/requests/42");
        for bad in ["a b", "::", "%zz"] {
            let answer = ask_with(base, "GET", "/users/7", &[("x-request-id", bad)], "");
            assert_eq!(answer.text, sent, "{bad:?}");
            let answer = ask_with(base, "GET", "/nowhere", &[("x-request-id", bad)], "");
            assert_eq!(answer.body, problem(404, "Not Found"), "{bad:?}");
        }

        // HEAD: the headers GET has, no content.
        let get = ask_with(base, "GET", "/nowhere", &id, "");
        let head = ask_with(base, "HEAD", "/nowhere", &id, "");
        assert_eq!((head.status, head.text.as_str()), (404, ""));
        assert_eq!(head.headers, get.headers);
        let get = ask_with(base, "GET", "/users/7", &id, "");
        let head = ask_with(base, "HEAD", "/users/7", &id, "");
        assert_eq!((head.status, head.text.as_str()), (404, ""));
        assert_eq!(head.header("content-length"), get.header("content-length"));
        let head = ask_with(base, "HEAD", "/json", &[], "");
        assert_eq!((head.status, head.text.as_str()), (405, ""));
        assert_eq!(head.header("content-type"), ["application/problem+json"]);
        assert_eq!(head.header("allow"), ["POST"]);
        for (path, status) in [("/empty", 204), ("/unchanged", 304)] {
            let answer = ask(base, path);
            assert_eq!((answer.status, answer.text.as_str()), (status, ""));
            assert!(answer.header("content-type").is_empty(), "{path}");
        }

        // A 2xx streams: its first chunk arrives while the handler still waits.
        let mut response = client().get(format!("{base}/stream")).call().unwrap();
        let mut reader = response.body_mut().as_reader();
        let mut first = [0; 5];
        std::io::Read::read_exact(&mut reader, &mut first).expect("the first chunk, unbuffered");
        assert_eq!(&first, b"first");
        sender.send(()).unwrap();
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut reader, &mut rest).unwrap();
        assert_eq!(rest, "second");
    });
}

#[cfg(feature = "tracing")]
#[test]
fn what_is_hidden_or_dropped_is_logged_with_the_request_id() {
    status_tests::record_events();
    let (_, receiver) = tokio::sync::oneshot::channel();
    let release = Arc::new(Mutex::new(Some(receiver)));
    status_tests::with_axum(app(release), |base| {
        // A caught panic: 500, no detail, logged in the request's span.
        let id = [("x-request-id", "/requests/panic")];
        let answer = ask_with(base, "GET", "/panic", &id, "");
        assert_eq!(answer.status, 500);
        let mut expected = problem(500, "Internal Server Error");
        expected["instance"] = "/requests/panic".into();
        assert_eq!(answer.body, expected);
        assert!(!answer.text.contains("poisoned"), "{}", answer.text);

        // A derived error's hidden detail, logged in the request's span.
        let id = [("x-request-id", "/requests/db")];
        let answer = ask_with(base, "GET", "/database", &id, "");
        assert_eq!(answer.status, 500);
        assert_eq!(answer.body["instance"], "/requests/db");
        assert!(!answer.text.contains("password"), "{}", answer.text);

        // The layer's 5xx bodies: what was dropped.
        ask_with(
            base,
            "GET",
            "/broken",
            &[("x-request-id", "/requests/proxy")],
            "",
        );
        for (path, id) in [
            ("/long-broken", "/requests/long"),
            ("/endless/503", "/requests/endless"),
            ("/described", "/requests/encoded"),
        ] {
            let answer = ask_with(base, "GET", path, &[("x-request-id", id)], "");
            assert!(
                answer.status >= 500 && !answer.text.contains("secret"),
                "{path}"
            );
        }
    });
    let events = status_tests::events();
    let logged = |id: &str| {
        let mut events = events.iter();
        // Ours: with the status (the trace layer logs its own too).
        let event = events.find(|event| {
            event.span_field("request_id") == Some(id) && event.field("status").is_some()
        });
        event.unwrap_or_else(|| panic!("no event in the span of {id}: {events:?}"))
    };
    let panic = logged("/requests/panic");
    assert_eq!(panic.level, tracing::Level::ERROR);
    assert_eq!(panic.field("status"), Some("500"));
    // What `CatchPanicLayer` answered (its default hides the message; `custom` can give it).
    assert_eq!(panic.field("body"), Some("Service panicked"));
    let database = logged("/requests/db");
    assert_eq!(database.level, tracing::Level::ERROR);
    assert_eq!(database.field("error"), Some("database password rejected"));
    let proxy = logged("/requests/proxy");
    assert_eq!(proxy.field("body"), Some("upstream secret"));
    assert_eq!(proxy.field("truncated"), Some("false"));
    let long = logged("/requests/long");
    assert_eq!(long.field("body"), Some("x".repeat(1024).as_str()));
    assert_eq!(long.field("truncated"), Some("true"));
    let endless = logged("/requests/endless");
    let message = endless.field("message").unwrap();
    assert!(
        message.ends_with("unread: its length is unknown (a stream)"),
        "{message}"
    );
    let encoded = logged("/requests/encoded");
    assert!(
        encoded
            .field("message")
            .unwrap()
            .ends_with("unread: it is encoded")
    );
}

/// Around the whole router (`ProblemLayer.layer(router)`, the cheaper form): the same rules.
#[test]
fn around_the_router_the_rules_are_the_same() {
    let routes = axum::Router::new()
        .route("/ok", get(|| async { "fine" }))
        .route("/users/7", get(|| async { Err::<String, _>(NoUser(7)) }));
    let layer = ProblemLayer::new().instance_from_header("x-request-id");
    let service = tower_layer::Layer::layer(&layer, routes);
    status_tests::with_axum_service(service, |base| {
        let id = [("x-request-id", "/requests/7")];
        let answer = ask_with(base, "GET", "/nowhere", &id, "");
        let mut expected = problem(404, "Not Found");
        expected["instance"] = "/requests/7".into();
        assert_eq!(answer.body, expected);
        let answer = ask_with(base, "PUT", "/ok", &[], "");
        assert_eq!(answer.body, problem(405, "Method Not Allowed"));
        assert_eq!(answer.header("allow"), ["GET,HEAD"]);
        let sent = status_core::problem::body(&NoUser(7));
        assert_eq!(ask(base, "/users/7").text, sent);
        assert_eq!(ask(base, "/ok").text, "fine");
        // HEAD: axum has dropped the body before the layer sees it; the headers are GET's.
        let head = ask_with(base, "HEAD", "/nowhere", &id, "");
        let get = ask_with(base, "GET", "/nowhere", &id, "");
        assert_eq!((head.status, head.text.as_str()), (404, ""));
        assert_eq!(head.header("content-type"), get.header("content-type"));
    });
}
