//! What a hostile review of the error responses found on the wire, against real axum and
//! actix-web servers on 127.0.0.1: a hidden 5xx text shown through `transparent`, header
//! names and JSON keys sent twice, a boxed field that lost its response, vendor codes without
//! a reason phrase, run-time header values the constants' rules refuse.
#![cfg(all(feature = "tracing", any(feature = "axum", feature = "actix-web")))]

use std::fmt;

use serde_json::json;
use status_core::HttpStatus;
use status_core::problem::HeaderValueText;
use status_tests::{events, get, record_events};

/// An inner error that shows its 503 detail: its own text is safe to show.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("the search index is rebuilding")]
#[status(503, response(parts), detail, header("Retry-After" = "120"))]
pub struct Rebuilding;

/// An inner error with a member the outer variant has too.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("username taken")]
#[status(409, response(parts), type = "https://example.com/problems/taken")]
pub struct Taken {
    #[status(member)]
    code: &'static str,
}

/// An inner error whose status requires a header, sent directly and through a `Box`.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("log in first")]
#[status(
    401,
    response(parts),
    header("WWW-Authenticate" = "Bearer realm=\"api\""),
    type = "https://example.com/problems/auth"
)]
pub struct AuthError {
    #[status(member)]
    realm: &'static str,
}

status_core::status_enum! {
    pub enum Relay { Ok, Other(u16) }
}

/// A `Display` that fails: a header of it cannot be written.
#[derive(Debug)]
pub struct Failing;

impl fmt::Display for Failing {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Err(fmt::Error)
    }
}

/// A hand-written `ErrorResponse` that sends what the derive refuses while compiling.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("hand")]
#[status(400)]
pub struct HandWritten;

impl status_core::problem::ErrorResponse for HandWritten {
    fn headers(&self, header: &mut dyn FnMut(&'static str, HeaderValueText<'_>)) {
        header("Content-Length", "5".into());
        header("Connection", "close".into());
        header("Transfer-Encoding", HeaderValueText::display(&"chunked"));
        header("Bad Name", "1".into());
        header("X-Ok", HeaderValueText::display(&"yes"));
        header("X-Bad-Constant", "caf\u{e9}".into());
    }

    fn content_type(&self) -> &'static str {
        "text/plain\r\nX-Injected: 1"
    }

    fn members<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("status", &200)?;
        map.serialize_entry("title", "dup")?;
        map.serialize_entry("extra", &1)
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, response, header("Retry-After" = "5"), header("Cache-Control" = "no-store"))]
pub enum Hostile {
    /// The outer text says what the inner hides: it must not be the detail.
    #[error("query on postgres://admin:s3cret@db failed: {0}")]
    #[status(transparent)]
    Search(Rebuilding),

    /// Type, variant field and inner all have `Retry-After`: the variant's is sent.
    #[error("busy: {inner}")]
    Busy {
        #[status(header = "Retry-After")]
        seconds: u32,
        #[status(transparent)]
        inner: Rebuilding,
    },

    /// The inner and the variant both have the member `code`: the variant's is sent.
    #[error("signup failed")]
    Signup {
        #[status(transparent)]
        cause: Taken,
        #[status(member)]
        code: &'static str,
    },

    #[error(transparent)]
    #[status(transparent)]
    Direct(AuthError),

    #[error(transparent)]
    #[status(transparent)]
    Boxed(Box<AuthError>),

    /// A 401 known only at run time, without the challenge its status requires.
    #[error("upstream answered {0}")]
    #[status(transparent)]
    Relayed(Relay),

    /// Through a transparent field, the same as directly.
    #[error(transparent)]
    #[status(transparent)]
    Hand(HandWritten),

    /// An empty challenge is no challenge: left out, and its absence logged.
    #[error("log in")]
    #[status(401)]
    EmptyChallenge {
        #[status(header = "WWW-Authenticate")]
        challenge: String,
    },

    /// A vendor code: its registry phrase on the status line.
    #[error("the client closed the request")]
    #[status(499)]
    Closed,

    /// Run-time values the rules of constant values refuse.
    #[error("bad values")]
    #[status(400)]
    BadValues {
        #[status(header = "X-Padded")]
        padded: &'static str,
        #[status(header = "X-Accented")]
        accented: &'static str,
        #[status(header = "X-Failing")]
        failing: Failing,
        #[status(header = "X-Fine")]
        fine: &'static str,
    },
}

/// A variant's header replaces the type's of the same name.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("moved")]
#[status(response, header("Location" = "/old"))]
pub enum Moved {
    #[status(307, header("Location" = "/new"))]
    Temporarily,
}

fn hostile(name: &str) -> Result<String, Hostile> {
    let auth = || AuthError { realm: "users" };
    Err(match name {
        "search" => Hostile::Search(Rebuilding),
        "busy" => Hostile::Busy {
            seconds: 30,
            inner: Rebuilding,
        },
        "signup" => Hostile::Signup {
            cause: Taken {
                code: "USERNAME_TAKEN",
            },
            code: "SIGNUP_FAILED",
        },
        "direct" => Hostile::Direct(auth()),
        "boxed" => Hostile::Boxed(Box::new(auth())),
        "relayed" => Hostile::Relayed(Relay::Other(401)),
        "closed" => Hostile::Closed,
        "hand" => Hostile::Hand(HandWritten),
        "empty-challenge" => Hostile::EmptyChallenge {
            challenge: String::new(),
        },
        _ => Hostile::BadValues {
            padded: " 30 ",
            accented: "caf\u{e9}",
            failing: Failing,
            fine: "yes",
        },
    })
}

fn check_hostile(base: &str) {
    // 1. The inner's `detail` shows the inner's text, never the outer `Display`.
    let answer = get(base, "/hostile/search");
    assert_eq!(answer.status, 503);
    assert!(!answer.text.contains("s3cret"), "{}", answer.text);
    assert_eq!(
        answer.body,
        json!({"type": "about:blank", "title": "Service Unavailable", "status": 503,
               "detail": "the search index is rebuilding"})
    );
    // 2. The inner's header replaces the type's; the type's other header stays.
    assert_eq!(answer.header("retry-after"), ["120"]);
    assert_eq!(answer.header("cache-control"), ["no-store"]);

    // 2. The variant's own header wins over the inner's and the type's.
    let answer = get(base, "/hostile/busy");
    assert_eq!(answer.header("retry-after"), ["30"]);
    assert_eq!(answer.body["detail"], "the search index is rebuilding");

    // 3. One key per name: the variant's member wins.
    let answer = get(base, "/hostile/signup");
    assert_eq!(answer.status, 409);
    assert_eq!(
        answer.text.matches("\"code\"").count(),
        1,
        "{}",
        answer.text
    );
    assert_eq!(
        answer.body,
        json!({"type": "https://example.com/problems/taken", "title": "Conflict",
               "status": 409, "detail": "username taken", "code": "SIGNUP_FAILED"})
    );

    // 4. Through a `Box`, the same response as directly.
    let direct = get(base, "/hostile/direct");
    let boxed = get(base, "/hostile/boxed");
    assert_eq!(direct.status, 401);
    assert_eq!(direct.header("www-authenticate"), ["Bearer realm=\"api\""]);
    assert_eq!(
        direct.body,
        json!({"type": "https://example.com/problems/auth", "title": "Unauthorized",
               "status": 401, "detail": "log in first", "realm": "users"})
    );
    assert_eq!(boxed.status, direct.status);
    assert_eq!(
        boxed.header("www-authenticate"),
        direct.header("www-authenticate")
    );
    assert_eq!(boxed.body, direct.body);

    // 4. A run-time 401 without `WWW-Authenticate` goes out, and is logged at WARN.
    let answer = get(base, "/hostile/relayed");
    assert_eq!(answer.status, 401);
    assert!(answer.header("www-authenticate").is_empty());
    assert!(events().iter().any(|event| {
        event.level == tracing::Level::WARN
            && event.field("status") == Some("401")
            && event.field("header") == Some("WWW-Authenticate")
    }));

    // 10. The registry's phrase on the status line.
    assert_eq!(
        status_tests::status_line(base, "/hostile/closed"),
        "HTTP/1.1 499 Client Closed Request"
    );

    // 11. Run-time values follow the constants' rules; each left out says why.
    let answer = get(base, "/hostile/values");
    assert_eq!(answer.status, 400);
    assert_eq!(answer.header("x-fine"), ["yes"]);
    for name in ["x-padded", "x-accented", "x-failing"] {
        assert!(
            answer.header(name).is_empty(),
            "{name}: {:?}",
            answer.headers
        );
    }
    let reason_of = |header: &str| {
        let events = events();
        let event = events
            .iter()
            .find(|event| event.field("header") == Some(header))
            .unwrap_or_else(|| panic!("no event for {header}"))
            .clone();
        assert_eq!(event.level, tracing::Level::WARN);
        event.field("message").unwrap().to_owned()
    };
    assert!(reason_of("X-Padded").contains("not valid HTTP"));
    assert!(reason_of("X-Accented").contains("not valid HTTP"));
    assert!(reason_of("X-Failing").contains("`Display` failed"));

    // 2, 8. A hand-written `ErrorResponse` cannot send what the server owns, a name that is no
    // token, or a standard member twice; each left out says why.
    let answer = get(base, "/hostile/hand");
    assert_eq!(answer.status, 400);
    assert_eq!(answer.header("x-ok"), ["yes"]);
    assert!(
        answer
            .header("connection")
            .iter()
            .all(|value| *value != "close")
    );
    assert!(answer.header("transfer-encoding").is_empty());
    assert_eq!(
        answer.header("content-length"),
        [answer.text.len().to_string()]
    );
    assert_eq!(
        answer.body,
        json!({"type": "about:blank", "title": "Bad Request", "status": 400,
               "detail": "hand", "extra": 1})
    );
    assert!(reason_of("Content-Length").contains("the server owns"));
    assert!(reason_of("Bad Name").contains("not an RFC 9110 token"));
    // A constant is checked as a written value is: never a panic.
    assert!(answer.header("x-bad-constant").is_empty());
    assert!(reason_of("X-Bad-Constant").contains("not valid HTTP"));

    // 6. An empty required value is left out, and its absence logged.
    let answer = get(base, "/hostile/empty-challenge");
    assert_eq!(answer.status, 401);
    assert!(answer.header("www-authenticate").is_empty());
    let logged = |header: &str, text: &str| {
        events().iter().any(|event| {
            event.level == tracing::Level::WARN
                && event.field("header") == Some(header)
                && event
                    .field("message")
                    .is_some_and(|message| message.contains(text))
        })
    };
    assert!(logged("WWW-Authenticate", "value is empty"));
    assert!(logged(
        "WWW-Authenticate",
        "lacks a header its status requires"
    ));

    // Sent directly: a media type that is not valid HTTP gives way to the problem document's,
    // logged, never a panic.
    let answer = get(base, "/hand");
    assert_eq!(answer.status, 400);
    assert_eq!(answer.header("content-type"), ["application/problem+json"]);
    assert!(answer.header("x-injected").is_empty());
    assert!(reason_of("Content-Type").contains("not valid HTTP"));

    // 2. A variant's constant replaces the type's of the same name.
    let answer = get(base, "/moved");
    assert_eq!(answer.status, 307);
    assert_eq!(answer.header("location"), ["/new"]);
}

#[cfg(feature = "axum")]
#[test]
fn axum_sends_each_rule() {
    use axum::extract::Path;
    use axum::routing::get as route;

    record_events();
    let app = axum::Router::new()
        .route(
            "/hostile/{name}",
            route(|Path(name): Path<String>| async move { hostile(&name) }),
        )
        .route(
            "/moved",
            route(|| async { Err::<String, _>(Moved::Temporarily) }),
        )
        .route(
            "/hand",
            route(|| async { status_core::problem::axum_response(&HandWritten) }),
        );
    status_tests::with_axum(app, check_hostile);
}

/// A hand-written `ResponseError` keeps the derived status and headers, and a field value that
/// is no valid header value costs that header, not the response (actix-web's 500).
#[cfg(feature = "actix-web")]
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("try again in {seconds}s")]
#[status(429, response(parts))]
pub struct PlainRateLimited {
    #[status(header = "Retry-After")]
    seconds: u32,
    #[status(header = "X-Note")]
    note: &'static str,
}

#[cfg(feature = "actix-web")]
impl actix_web::ResponseError for PlainRateLimited {
    fn status_code(&self) -> actix_web::http::StatusCode {
        status_core::problem::actix_status(self)
    }

    fn error_response(&self) -> actix_web::HttpResponse {
        let body = actix_web::body::BoxBody::new(self.to_string());
        status_core::problem::actix_response(self).set_body(body)
    }
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_web_sends_each_rule() {
    use actix_web::web;

    record_events();
    let routes = |config: &mut web::ServiceConfig| {
        config
            .route(
                "/hostile/{name}",
                web::get().to(|name: web::Path<String>| async move { hostile(&name) }),
            )
            .route(
                "/moved",
                web::get().to(|| async { Err::<String, _>(Moved::Temporarily) }),
            )
            .route(
                "/hand",
                web::get().to(|| async { status_core::problem::actix_response(&HandWritten) }),
            )
            .route(
                "/plain",
                web::get().to(|| async {
                    Err::<String, _>(PlainRateLimited {
                        seconds: 30,
                        note: "two\nlines",
                    })
                }),
            );
    };
    status_tests::with_actix_web(routes, |base| {
        check_hostile(base);
        let answer = get(base, "/plain");
        assert_eq!(answer.status, 429);
        assert_eq!(answer.header("retry-after"), ["30"]);
        assert!(answer.header("x-note").is_empty());
        assert_eq!(answer.text, "try again in 30s");
    });
}
