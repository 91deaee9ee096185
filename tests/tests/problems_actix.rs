//! `status_core::actix_web::Problems` on a real actix-web server on 127.0.0.1: actix-web's own
//! errors, an inner middleware's `Err` and a handler's panic as problem documents, derived ones
//! untouched but for `instance`, others passed through (a stream unbuffered).
#![cfg(feature = "actix-web")]

use std::io::Read;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, ready};
use std::time::{Duration, Instant};

use actix_web::body::{BodySize, MessageBody};
use actix_web::dev::Service;
use actix_web::http::StatusCode;
use actix_web::web::{self, Bytes};
use actix_web::{App, HttpResponse};
use serde_json::json;
use status_core::HttpStatus;
use status_core::actix_web::Problems;
use status_tests::{Answer, get as ask};

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("no user {0}")]
#[status(404, response)]
pub struct NoUser(u32);

async fn user() -> Result<String, NoUser> {
    Err(NoUser(7))
}

/// A body of its own (`problem::Declared`): the middleware keeps it.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("slow down")]
#[status(429, response(body = envelope))]
pub struct SlowDown;

fn envelope(error: &SlowDown) -> serde_json::Value {
    json!({"ok": false, "error": error.to_string()})
}

async fn slow_down() -> Result<String, SlowDown> {
    Err(SlowDown)
}

/// A document of about `0` bytes: up to 64 KiB gains `instance`.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("too many items")]
#[status(422, response)]
pub struct Big(#[status(member = "items")] String);

async fn big(size: web::Path<usize>) -> Result<String, Big> {
    Err(Big("x".repeat(size.into_inner())))
}

/// A 5xx whose detail is hidden, and logged.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("database password rejected")]
#[status(500, response)]
pub struct Database;

async fn panics() -> &'static str {
    panic!("handler gave up on {}", "/panic")
}

async fn json(value: web::Json<serde_json::Value>) -> String {
    value.to_string()
}

/// The app, `Problems` outermost; `gate` opens the second chunk of `/stream`. An inner
/// middleware answers `/denied` and `/denied-user` with an `Err`, and panics on
/// `/middleware-panic`.
fn app(
    gate: Arc<AtomicBool>,
) -> App<
    impl actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Response = actix_web::dev::ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .service(web::resource("/ok").route(web::get().to(|| async { "fine" })))
        .service(
            web::resource("/json")
                .app_data(web::JsonConfig::default().limit(16))
                .route(web::post().to(json)),
        )
        .route(
            "/teapot",
            web::get().to(|| async { ("x".repeat(2000), StatusCode::IM_A_TEAPOT) }),
        )
        .route(
            "/broken",
            web::get().to(|| async { ("upstream secret", StatusCode::BAD_GATEWAY) }),
        )
        .route("/panic", web::get().to(panics))
        .route("/users/7", web::get().to(user))
        .route("/slow-down", web::get().to(slow_down))
        .route(
            "/database",
            web::get().to(|| async { Err::<String, _>(Database) }),
        )
        .route(
            "/described",
            web::get().to(|| async {
                let mut response = HttpResponse::ServiceUnavailable()
                    .content_type("text/plain")
                    .insert_header(("content-encoding", "gzip"))
                    .insert_header(("etag", "\"v1\""))
                    .insert_header(("last-modified", "Sun, 06 Nov 1994 08:49:37 GMT"))
                    .insert_header(("retry-after", "30"))
                    .body("not gzip: the database password is hunter2");
                response.head_mut().reason = Some("Database Password Rejected");
                response
            }),
        )
        .route(
            "/closed",
            web::get().to(|| async { ("client went away", StatusCode::from_u16(499).unwrap()) }),
        )
        .route(
            "/long-broken",
            web::get().to(|| async {
                let text = format!("{}<!-- upstream secret -->", "x".repeat(3000));
                (text, StatusCode::BAD_GATEWAY)
            }),
        )
        .route("/big/{size}", web::get().to(big))
        .route(
            "/no-content",
            web::get().to(|| async { HttpResponse::NoContent().body("ignored") }),
        )
        .route(
            "/not-modified",
            web::get().to(|| async { HttpResponse::NotModified().body("ignored") }),
        )
        .route(
            "/stream",
            web::get().to(move || {
                let gate = gate.clone();
                async move {
                    HttpResponse::Ok()
                        .content_type("text/plain")
                        .body(Gated::new(gate))
                }
            }),
        )
        .wrap_fn(|request, service| {
            let error = match request.path() {
                "/denied" => Some(actix_web::error::ErrorForbidden("go away")),
                "/denied-user" => Some(NoUser(8).into()),
                "/middleware-panic" => panic!("middleware gave up"),
                _ => None,
            };
            let response = error.is_none().then(|| service.call(request));
            async move {
                match (response, error) {
                    (Some(response), _) => response.await,
                    (None, error) => Err(error.unwrap()),
                }
            }
        })
        .wrap(Problems::new().instance_from_header("x-request-id"))
        // What a middleware outside sees of an answered `Err`: its cause's text and status.
        .wrap_fn(|request, service| {
            let path = request.path().to_owned();
            let response = service.call(request);
            async move {
                response.await.inspect_err(|error| {
                    let status = error.as_response_error().status_code().as_u16();
                    let saw = format!("{path}: {status} {error} / {error:?}");
                    OUTER_SAW.lock().unwrap().push(saw);
                })
            }
        })
        // The request's span, with its id, around everything inside (as a trace middleware).
        .wrap_fn(|request, service| {
            let id = request.headers().get("x-request-id");
            let id = id.and_then(|id| id.to_str().ok()).unwrap_or("").to_owned();
            let span = tracing::info_span!("request", request_id = id);
            tracing::Instrument::instrument(service.call(request), span)
        })
}

/// What the outermost middleware saw of each `Err`.
static OUTER_SAW: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Serves [`app`] while `check` asks it.
fn serve(check: impl FnOnce(&str, &AtomicBool)) {
    let gate = Arc::new(AtomicBool::new(false));
    let opened = gate.clone();
    status_tests::with_actix_web_app(move || app(gate.clone()), |base| check(base, &opened));
}

/// What `response` says, as [`status_tests::get`] reads it.
fn read(mut response: ureq::http::Response<ureq::Body>) -> Answer {
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), value.to_str().unwrap().to_owned()));
    let headers = headers.collect();
    let text = response.body_mut().read_to_string().expect("body");
    Answer {
        status: response.status().as_u16(),
        headers,
        body: serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
        text,
    }
}

/// A GET of `path` with `x-request-id: id`.
fn ask_with_id(base: &str, path: &str, id: &str) -> Answer {
    let request = status_tests::client().get(format!("{base}{path}"));
    read(request.header("x-request-id", id).call().expect("request"))
}

/// Asserts a problem document of `status`, `title`, and `detail` if given.
fn assert_problem(answer: &Answer, status: u16, title: &str, detail: Option<&str>) {
    assert_eq!(answer.status, status, "{}", answer.text);
    assert_eq!(answer.header("content-type"), ["application/problem+json"]);
    let mut expected = json!({"type": "about:blank", "title": title, "status": status});
    if let Some(detail) = detail {
        expected["detail"] = json!(detail);
    }
    assert_eq!(answer.body, expected, "{}", answer.text);
}

#[test]
fn actix_webs_errors_are_problem_documents() {
    serve(|base, _| {
        assert_problem(&ask(base, "/nowhere"), 404, "Not Found", None);

        // Wrong method: 405, actix-web's `Allow` kept.
        let agent = status_tests::client();
        let answer = read(agent.put(format!("{base}/ok")).send_empty().unwrap());
        assert_problem(&answer, 405, "Method Not Allowed", None);
        assert_eq!(answer.header("allow"), ["GET"]);

        // An extractor's text becomes `detail`.
        let post = |body: &str| {
            let request = agent.post(format!("{base}/json"));
            let request = request.header("content-type", "application/json");
            read(request.send(body).expect("request"))
        };
        assert_problem(
            &post(&format!("\"{}\"", "x".repeat(98))),
            413,
            "Content Too Large",
            Some("JSON payload (100 bytes) is larger than allowed (limit: 16 bytes)."),
        );
        assert_problem(
            &post("{not json"),
            400,
            "Bad Request",
            Some("Json deserialize error: key must be a string at line 1 column 2"),
        );

        // A 4xx text over 1 KiB is not copied; a 5xx body is dropped.
        assert_problem(&ask(base, "/teapot"), 418, "I'm a teapot", None);
        let answer = ask(base, "/broken");
        assert_problem(&answer, 502, "Bad Gateway", None);
        assert!(!answer.text.contains("secret"), "{}", answer.text);

        // What described the old body goes with it; what did not stays; the status line's
        // reason is the registry's.
        let answer = ask(base, "/described");
        assert_problem(&answer, 503, "Service Unavailable", None);
        assert!(!answer.text.contains("hunter2"), "{}", answer.text);
        for gone in ["content-encoding", "etag", "last-modified"] {
            assert!(answer.header(gone).is_empty(), "{gone}");
        }
        assert_eq!(answer.header("retry-after"), ["30"]);
        let line = status_tests::status_line(base, "/described");
        assert_eq!(line, "HTTP/1.1 503 Service Unavailable");
        let line = status_tests::status_line(base, "/closed");
        assert_eq!(line, "HTTP/1.1 499 Client Closed Request");
        let answer = ask(base, "/long-broken");
        assert_problem(&answer, 502, "Bad Gateway", None);

        // Success passes untouched.
        let answer = ask(base, "/ok");
        assert_eq!((answer.status, answer.text.as_str()), (200, "fine"));
        assert_eq!(answer.header("content-type"), ["text/plain; charset=utf-8"]);
    });
}

#[test]
fn an_inner_err_is_answered_as_a_problem_document() {
    serve(|base, _| {
        assert_problem(&ask(base, "/denied"), 403, "Forbidden", Some("go away"));

        // A derived error's document gains `instance` on this path too.
        let body = status_core::problem::body(&NoUser(8));
        let answer = ask_with_id(base, "/denied-user", "/requests/8");
        assert_eq!(answer.status, 404);
        assert_eq!(answer.header("content-type"), ["application/problem+json"]);
        let expected = format!(r#"{},"instance":"/requests/8"}}"#, &body[..body.len() - 1]);
        assert_eq!(answer.text, expected);
        assert_eq!(ask(base, "/denied-user").text, body);

        // Outside, the `Err` is still the cause's, with the status it answers with.
        let saw = OUTER_SAW.lock().unwrap().clone();
        let denied = saw.iter().find(|saw| saw.starts_with("/denied: ")).unwrap();
        assert!(denied.starts_with("/denied: 403 go away / "), "{denied}");
        assert!(denied.contains("go away"), "{denied}");
        let user = saw
            .iter()
            .find(|saw| saw.starts_with("/denied-user: "))
            .unwrap();
        assert!(user.starts_with("/denied-user: 404 no user 8 / "), "{user}");
        assert!(user.contains("NoUser(8)"), "{user}");
    });
}

#[test]
fn a_panic_is_a_500_problem_document() {
    #[cfg(feature = "tracing")]
    status_tests::record_events();
    serve(|base, _| {
        let answer = ask(base, "/panic");
        assert_problem(&answer, 500, "Internal Server Error", None);
        assert!(!answer.text.contains("gave up"), "{}", answer.text);
        // With `instance`, and from a middleware inside `Problems` too.
        let answer = ask_with_id(base, "/middleware-panic", "/requests/9");
        assert_eq!(answer.status, 500);
        assert_eq!(
            answer.body,
            json!({"type": "about:blank", "title": "Internal Server Error", "status": 500,
                   "instance": "/requests/9"})
        );
        // The server still answers.
        assert_eq!(ask(base, "/ok").text, "fine");
        let saw = OUTER_SAW.lock().unwrap().clone();
        let panic = saw.iter().find(|saw| saw.starts_with("/panic: ")).unwrap();
        assert_eq!(panic, "/panic: 500 the service panicked / Panic");
    });
    #[cfg(feature = "tracing")]
    for message in ["handler gave up on /panic", "middleware gave up"] {
        let events = status_tests::events();
        let logged = events
            .iter()
            .find(|event| event.field("panic") == Some(message));
        let logged = logged.unwrap_or_else(|| panic!("no event for {message:?}: {events:?}"));
        assert_eq!(logged.level, tracing::Level::ERROR);
    }
}

#[test]
fn a_derived_document_passes_byte_for_byte_but_for_instance() {
    serve(|base, _| {
        let body = status_core::problem::body(&NoUser(7));
        let answer = ask(base, "/users/7");
        assert_eq!(answer.status, 404);
        assert_eq!(answer.header("content-type"), ["application/problem+json"]);
        assert_eq!(answer.text, body);

        let answer = ask_with_id(base, "/users/7", "/requests/42");
        assert_eq!(answer.status, 404);
        assert_eq!(answer.header("content-type"), ["application/problem+json"]);
        let expected = format!(r#"{},"instance":"/requests/42"}}"#, &body[..body.len() - 1]);
        assert_eq!(answer.text, expected);

        // Each request's own `instance`, on actix-web's documents too; caches must not share.
        assert_eq!(answer.header("vary"), ["x-request-id"]);
        let answer = ask_with_id(base, "/nowhere", "/requests/43");
        assert_eq!(answer.body["instance"], "/requests/43");
        assert_eq!(answer.header("vary"), ["x-request-id"]);
        // Without the header too (the header could have changed the document); not a success.
        assert_eq!(ask(base, "/users/7").header("vary"), ["x-request-id"]);
        assert_eq!(ask(base, "/nowhere").header("vary"), ["x-request-id"]);
        assert!(ask(base, "/ok").header("vary").is_empty());

        // Not a URI reference: no `instance`.
        assert_eq!(ask_with_id(base, "/users/7", "a b").text, body);
        // Long documents: `instance` up to 64 KiB.
        let exactly = 65_536 - status_core::problem::body(&Big(String::new())).len();
        for (size, gains) in [(10_000, true), (exactly, true), (exactly + 1, false)] {
            let sent = status_core::problem::body(&Big("x".repeat(size)));
            let answer = ask_with_id(base, &format!("/big/{size}"), "/requests/42");
            assert_eq!(answer.status, 422);
            assert_eq!(answer.body["instance"].is_string(), gains, "{size}");
            if !gains {
                assert_eq!(answer.text, sent);
            }
        }
        // A declared body of another format: unchanged, `instance` or not.
        for answer in [
            ask(base, "/slow-down"),
            ask_with_id(base, "/slow-down", "/r/1"),
        ] {
            assert_eq!(answer.status, 429);
            assert_eq!(answer.header("content-type"), ["application/json"]);
            assert_eq!(answer.text, status_core::problem::body(&SlowDown));
        }
        // Nor in a document of the middleware's own.
        assert_problem(
            &ask_with_id(base, "/nowhere", "a b"),
            404,
            "Not Found",
            None,
        );
    });
}

#[test]
fn a_streamed_success_is_not_buffered() {
    serve(|base, gate| {
        let agent = status_tests::client();
        let mut response = agent.get(format!("{base}/stream")).call().unwrap();
        assert_eq!(response.status().as_u16(), 200);
        let mut reader = response.body_mut().as_reader();
        let mut first = [0; 6];
        reader.read_exact(&mut first).unwrap();
        // The second chunk waits for the gate (or says `timed out`): the first came alone.
        assert_eq!(&first, b"first;");
        gate.store(true, Ordering::SeqCst);
        let mut rest = String::new();
        reader.read_to_string(&mut rest).unwrap();
        assert_eq!(rest, "second");
    });
}

#[test]
fn head_and_no_content_responses_have_no_body() {
    serve(|base, _| {
        // HEAD: the headers GET has, no content.
        let agent = status_tests::client();
        let head = read(agent.head(format!("{base}/nowhere")).call().unwrap());
        assert_eq!((head.status, head.text.as_str()), (404, ""));
        assert_eq!(head.header("content-type"), ["application/problem+json"]);
        let get = ask(base, "/nowhere");
        assert_eq!(head.header("content-length"), get.header("content-length"));

        for (path, status) in [("/no-content", 204), ("/not-modified", 304)] {
            let answer = ask(base, path);
            assert_eq!((answer.status, answer.text.as_str()), (status, ""));
        }
    });
}

/// A body of two chunks: `first;` at once, then `second` once the gate is open (or `timed
/// out` after 5 seconds, if a middleware held the first chunk back).
struct Gated {
    gate: Arc<AtomicBool>,
    sent: u8,
    wait: Option<Pin<Box<actix_web::rt::time::Sleep>>>,
    deadline: Instant,
}

impl Gated {
    fn new(gate: Arc<AtomicBool>) -> Self {
        Gated {
            gate,
            sent: 0,
            wait: None,
            deadline: Instant::now() + Duration::from_secs(5),
        }
    }
}

impl MessageBody for Gated {
    type Error = std::convert::Infallible;

    fn size(&self) -> BodySize {
        BodySize::Stream
    }

    fn poll_next(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Self::Error>>> {
        let this = self.get_mut();
        let chunk: &'static [u8] = match this.sent {
            0 => b"first;",
            1 => loop {
                if this.gate.load(Ordering::SeqCst) {
                    break b"second";
                }
                if Instant::now() > this.deadline {
                    break b"timed out";
                }
                let wait = (this.wait).get_or_insert_with(|| {
                    Box::pin(actix_web::rt::time::sleep(Duration::from_millis(10)))
                });
                ready!(wait.as_mut().poll(cx));
                this.wait = None;
            },
            _ => return Poll::Ready(None),
        };
        this.sent += 1;
        Poll::Ready(Some(Ok(Bytes::from_static(chunk))))
    }
}

/// A dropped 5xx body is logged: its first KiB, said to be truncated.
#[cfg(feature = "tracing")]
#[test]
fn a_dropped_body_is_logged_in_part() {
    status_tests::record_events();
    serve(|base, _| {
        assert_eq!(ask(base, "/long-broken").status, 502);
    });
    let events = status_tests::events();
    let long = events.iter().find(|event| {
        event.field("truncated") == Some("true") && event.field("status") == Some("502")
    });
    let long = long.unwrap_or_else(|| panic!("no event: {events:?}"));
    assert_eq!(long.field("body"), Some("x".repeat(1024).as_str()));
}

/// What is hidden or dropped is logged inside the request's span, with its id.
#[cfg(feature = "tracing")]
#[test]
fn what_is_hidden_or_dropped_is_logged_with_the_request_id() {
    status_tests::record_events();
    serve(|base, _| {
        for (path, id) in [
            ("/database", "/requests/db"),
            ("/long-broken", "/requests/proxy"),
            ("/panic", "/requests/panic"),
        ] {
            let answer = ask_with_id(base, path, id);
            assert_eq!(answer.status / 100, 5, "{path}");
            assert_eq!(answer.body["instance"], id, "{path}");
        }
    });
    let events = status_tests::events();
    let logged = |id: &str, field: &str| {
        let mut events = events.iter();
        let event = events.find(|event| {
            event.span_field("request_id") == Some(id) && event.field(field).is_some()
        });
        event.unwrap_or_else(|| panic!("no event with {field} in the span of {id}: {events:?}"))
    };
    let database = logged("/requests/db", "error");
    assert_eq!(database.field("error"), Some("database password rejected"));
    let proxy = logged("/requests/proxy", "body");
    assert_eq!(proxy.field("truncated"), Some("true"));
    let panic = logged("/requests/panic", "panic");
    assert_eq!(panic.level, tracing::Level::ERROR);
}
