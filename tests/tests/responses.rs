//! Error responses beyond the status: headers (constant, from a field, type-wide), problem
//! `type` and `title`, extension members, `detail` per variant, and with feature `tracing` the
//! log of what a response hides. The same expectations against axum and actix-web, real
//! servers on 127.0.0.1 asked by a real HTTP client.
#![cfg(all(feature = "tracing", any(feature = "axum", feature = "actix-web")))]

use std::collections::BTreeMap;

use serde_json::json;
use status_core::HttpStatus;
use status_tests::{Event, events, get, record_events};

#[derive(Debug, thiserror::Error)]
#[error("connection refused ({0})")]
pub struct DbError(&'static str);

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, response, header("Cache-Control" = "no-store"))]
pub enum ApiError {
    #[error("authentication required")]
    #[status(401, header("WWW-Authenticate" = "Token"))]
    Unauthorized,

    #[error("slow down for {seconds}s")]
    #[status(429, title = "Slow down")]
    RateLimited {
        #[status(header = "Retry-After", member = "retry_after")]
        seconds: u32,
    },

    #[error("the request has invalid fields")]
    #[status(
        422,
        type = "https://example.com/problems/validation",
        title = "Invalid fields"
    )]
    Invalid {
        #[status(member)]
        errors: BTreeMap<String, Vec<String>>,
    },

    /// A 5xx that shows its detail.
    #[error("down for maintenance until {until}")]
    #[status(503, detail)]
    Maintenance {
        until: &'static str,
        #[status(header = "Retry-After")]
        retry: u32,
    },

    /// A field value that is no valid header value: the header is left out.
    #[error("echo")]
    #[status(400)]
    Echo {
        #[status(header = "X-Echo")]
        value: &'static str,
    },

    /// The status is the field's, one among several.
    #[error("upstream answered {status}")]
    Upstream {
        #[status(transparent)]
        status: Relayed,
        body: &'static str,
    },

    #[error("database error")]
    Database(#[source] DbError),

    /// An error response of its own: the variant sends its whole response.
    #[error(transparent)]
    #[status(transparent)]
    Token(#[from] TokenError),
}

/// What an authentication layer fails with, as a response of its own.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("token expired")]
#[status(
    401,
    response(parts),
    header("WWW-Authenticate" = "Bearer error=\"invalid_token\""),
    type = "https://example.com/problems/token"
)]
pub struct TokenError {
    #[status(member)]
    realm: &'static str,
}

status_core::status_enum! {
    pub enum Relayed { Ok, Other(u16) }
}

/// What the handlers answer for `/errors/{name}`; `tag` tells the frameworks' logs apart.
fn failing(name: &str, tag: &'static str) -> Result<String, ApiError> {
    Err(match name {
        "unauthorized" => ApiError::Unauthorized,
        "rate-limited" => ApiError::RateLimited { seconds: 30 },
        "invalid" => ApiError::Invalid {
            errors: BTreeMap::from([("username".to_owned(), vec!["taken".to_owned()])]),
        },
        "maintenance" => ApiError::Maintenance {
            until: "noon",
            retry: 3600,
        },
        "echo" => ApiError::Echo {
            value: "two\nlines",
        },
        "token" => TokenError { realm: "users" }.into(),
        "upstream" => ApiError::Upstream {
            status: Relayed::Other(502),
            body: "bad gateway",
        },
        _ => ApiError::Database(DbError(tag)),
    })
}

/// The same expectations for both frameworks.
fn check_responses(base: &str, tag: &'static str) {
    let answer = get(base, "/errors/unauthorized");
    assert_eq!(answer.status, 401);
    assert_eq!(answer.header("www-authenticate"), ["Token"]);
    // The type's header on every variant.
    assert_eq!(answer.header("cache-control"), ["no-store"]);
    assert_eq!(answer.header("content-type"), ["application/problem+json"]);
    assert_eq!(
        answer.body,
        json!({"type": "about:blank", "title": "Unauthorized", "status": 401,
               "detail": "authentication required"})
    );

    let answer = get(base, "/errors/rate-limited");
    assert_eq!(answer.status, 429);
    assert_eq!(answer.header("retry-after"), ["30"]);
    assert_eq!(
        answer.body,
        json!({"type": "about:blank", "title": "Slow down", "status": 429,
               "detail": "slow down for 30s", "retry_after": 30})
    );

    let answer = get(base, "/errors/invalid");
    assert_eq!(answer.status, 422);
    assert_eq!(
        answer.body,
        json!({"type": "https://example.com/problems/validation", "title": "Invalid fields",
               "status": 422, "detail": "the request has invalid fields",
               "errors": {"username": ["taken"]}})
    );

    let answer = get(base, "/errors/maintenance");
    assert_eq!(answer.status, 503);
    assert_eq!(answer.header("retry-after"), ["3600"]);
    assert_eq!(
        answer.body,
        json!({"type": "about:blank", "title": "Service Unavailable", "status": 503,
               "detail": "down for maintenance until noon"})
    );

    // The field's text has a newline: the header is left out, the response is sent.
    let answer = get(base, "/errors/echo");
    assert_eq!(answer.status, 400);
    assert!(answer.header("x-echo").is_empty());
    assert_eq!(answer.header("cache-control"), ["no-store"]);

    // A transparent field that is an error response gives its headers, type and members.
    let answer = get(base, "/errors/token");
    assert_eq!(answer.status, 401);
    assert_eq!(
        answer.header("www-authenticate"),
        ["Bearer error=\"invalid_token\""]
    );
    assert_eq!(answer.header("cache-control"), ["no-store"]);
    assert_eq!(
        answer.body,
        json!({"type": "https://example.com/problems/token", "title": "Unauthorized",
               "status": 401, "detail": "token expired", "realm": "users"})
    );

    let answer = get(base, "/errors/upstream");
    assert_eq!(answer.status, 502);
    assert_eq!(
        answer.body,
        json!({"type": "about:blank", "title": "Bad Gateway", "status": 502})
    );

    // The 500 hides its detail from the client, and logs it with the source chain, once.
    let answer = get(base, "/errors/database");
    assert_eq!(answer.status, 500);
    assert_eq!(
        answer.body,
        json!({"type": "about:blank", "title": "Internal Server Error", "status": 500})
    );
    let logged: Vec<Event> = events()
        .into_iter()
        .filter(|event| {
            event
                .fields
                .contains(&("sources", format!("connection refused ({tag})")))
        })
        .collect();
    assert_eq!(logged.len(), 1, "{logged:?}");
    let event = &logged[0];
    assert_eq!(event.level, tracing::Level::ERROR);
    assert_eq!(
        event.fields,
        [
            ("message", "error response hides its detail".to_owned()),
            ("status", "500".to_owned()),
            ("error", "database error".to_owned()),
            ("sources", format!("connection refused ({tag})")),
        ]
    );
    // The upstream's 502 is hidden too (a 5xx), and logged; it has no source to log.
    assert!(events().iter().any(|event| {
        event
            .fields
            .contains(&("error", "upstream answered 502 Bad Gateway".to_owned()))
            && !event.fields.iter().any(|(name, _)| *name == "sources")
    }));
    // Responses that show their detail log nothing; the left-out header is a warning.
    let warnings = events();
    let warnings = warnings
        .iter()
        .filter(|event| event.level == tracing::Level::WARN);
    assert!(
        warnings
            .into_iter()
            .any(|event| { event.fields.contains(&("header", "X-Echo".to_owned())) })
    );
    assert!(!events().iter().any(|event| {
        event.fields.iter().any(|(_, value)| {
            value.contains("slow down")
                || value.contains("maintenance")
                || value.contains("authentication")
        })
    }));
}

/// `response(parts)`: the derived status, headers and log, and a body of one's own.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("try again in {seconds}s")]
#[status(429, response(parts))]
pub struct PlainRateLimited {
    #[status(header = "Retry-After")]
    seconds: u32,
}

#[cfg(feature = "axum")]
impl axum::response::IntoResponse for PlainRateLimited {
    fn into_response(self) -> axum::response::Response {
        use status_core::problem::{self, ErrorResponse};

        // Status, headers and the log of a hidden detail, as derived; the body is text.
        let (mut parts, _document) = problem::http_response(&self).into_parts();
        let text = if self.shows_detail() {
            self.to_string()
        } else {
            self.title().to_owned()
        };
        parts.headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        axum::response::Response::from_parts(parts, text.into())
    }
}

// ---- the servers ----------------------------------------------------------------------------

#[cfg(feature = "axum")]
#[test]
fn axum_sends_the_whole_error_response() {
    use axum::extract::Path;
    use axum::routing::get as route;

    record_events();
    let app = axum::Router::new()
        .route(
            "/errors/{name}",
            route(|Path(name): Path<String>| async move { failing(&name, "axum") }),
        )
        .route(
            "/plain",
            route(|| async { Err::<String, _>(PlainRateLimited { seconds: 30 }) }),
        );
    status_tests::with_axum(app, |base| {
        check_responses(base, "axum");
        let answer = get(base, "/plain");
        assert_eq!(answer.status, 429);
        assert_eq!(answer.header("retry-after"), ["30"]);
        assert_eq!(answer.header("content-type"), ["text/plain; charset=utf-8"]);
        assert_eq!(answer.text, "try again in 30s");
    });
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_web_sends_the_whole_error_response() {
    use actix_web::web;

    record_events();
    let routes = |config: &mut web::ServiceConfig| {
        config.route(
            "/errors/{name}",
            web::get().to(|name: web::Path<String>| async move { failing(&name, "actix-web") }),
        );
    };
    status_tests::with_actix_web(routes, |base| check_responses(base, "actix-web"));
}
