//! The response a real service sends (issue #22), against real axum and actix-web servers on
//! 127.0.0.1: a body of its own with the derived status, headers and log; header values by
//! their type (`Option`, `Duration`, `SystemTime`, `with`); a waived required header; log
//! levels, one event per response.
#![cfg(all(feature = "tracing", any(feature = "axum", feature = "actix-web")))]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::json;
use status_core::HttpStatus;
use status_core::problem::{self, Document};
use status_tests::{Answer, events, get, record_events};

/// The envelope an existing client parses: `{"errors":[...]}`, with the problem document
/// inside.
#[derive(serde::Serialize)]
pub struct Envelope<'a> {
    errors: [Document<'a, ApiError>; 1],
    service: &'static str,
}

fn envelope(error: &ApiError) -> Envelope<'_> {
    Envelope {
        errors: [Document(error)],
        service: "billing",
    }
}

#[derive(Debug, thiserror::Error)]
#[error("connection refused")]
pub struct Refused;

/// Every rule of the new model in one type, as a ported service writes it.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, response(body = envelope, content_type = "application/vnd.billing+json"))]
pub enum ApiError {
    #[error("slow down ({id})")]
    #[status(429, log = "warn")]
    SlowDown {
        #[status(header = "Retry-After")]
        wait: Duration,
        #[status(header = "X-Quota-Reset")]
        reset: Option<u64>,
        id: String,
    },

    #[error("down for maintenance ({id})")]
    #[status(503, detail, log = "info")]
    Maintenance {
        #[status(header = "Retry-After")]
        until: SystemTime,
        id: String,
    },

    #[error("log in first ({id})")]
    #[status(401, waive("WWW-Authenticate"), log = "off")]
    LoggedOut { id: String },

    #[error("moved ({id})")]
    #[status(308, log = "debug")]
    Moved {
        #[status(header = "Location", with = location)]
        to: u32,
        id: String,
    },

    #[error("database failed ({id})")]
    Database {
        #[source]
        source: Refused,
        id: String,
    },
}

fn location(invoice: &u32) -> String {
    format!("/invoices/{invoice}")
}

/// A problem document as the type's own body (no `body`), with an optional header.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("busy")]
#[status(503, response, detail)]
pub struct Busy {
    #[status(header = "Retry-After")]
    seconds: Option<Duration>,
}

/// 1994-11-06T08:49:37Z, RFC 9110's example date.
const EXAMPLE_DATE: u64 = 784_111_777;

fn error_of(name: &str, id: &str) -> ApiError {
    let id = id.to_owned();
    match name {
        "slow" => ApiError::SlowDown {
            wait: Duration::from_millis(29_200),
            reset: Some(1_700_000_000),
            id,
        },
        "slow-unknown" => ApiError::SlowDown {
            wait: Duration::from_secs(2),
            reset: None,
            id,
        },
        "maintenance" => ApiError::Maintenance {
            until: UNIX_EPOCH + Duration::from_secs(EXAMPLE_DATE),
            id,
        },
        "maintenance-now" => ApiError::Maintenance {
            until: SystemTime::now(),
            id,
        },
        "logged-out" => ApiError::LoggedOut { id },
        "moved" => ApiError::Moved { to: 42, id },
        _ => ApiError::Database {
            source: Refused,
            id,
        },
    }
}

fn busy(name: &str) -> Busy {
    Busy {
        seconds: (name == "known").then(|| Duration::from_secs(7)),
    }
}

/// The events whose `error` field has `id`.
fn events_of(id: &str) -> Vec<status_tests::Event> {
    let events = events();
    let mine = events.into_iter().filter(|event| {
        event
            .field("error")
            .is_some_and(|error| error.contains(&format!("({id})")))
    });
    mine.collect()
}

/// Parses an IMF-fixdate back into seconds since the epoch.
fn parse_imf_fixdate(text: &str) -> u64 {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let parts: Vec<&str> = text.split([' ', ':']).collect();
    let [_, day, month, year, hour, minute, second, "GMT"] = parts.as_slice() else {
        panic!("not an IMF-fixdate: {text}");
    };
    let (day, year): (u64, i64) = (day.parse().unwrap(), year.parse().unwrap());
    let month = MONTHS.iter().position(|m| m == month).unwrap() as i64 + 1;
    // Days from civil (Howard Hinnant), independent of the code under test's direction.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = (era * 146_097 + doe - 719_468) as u64;
    let seconds: u64 = hour.parse::<u64>().unwrap() * 3600
        + minute.parse::<u64>().unwrap() * 60
        + second.parse::<u64>().unwrap();
    days * 86_400 + seconds
}

fn check(base: &str, framework: &str) {
    let id = |name: &str| format!("{framework}-{name}");
    let ask = |name: &str| -> Answer { get(base, &format!("/api/{name}/{}", id(name))) };

    // A body of the service's own, with its content type; the derived status and headers.
    let answer = ask("slow");
    assert_eq!(answer.status, 429);
    assert_eq!(
        answer.header("content-type"),
        ["application/vnd.billing+json"]
    );
    assert_eq!(
        answer.body,
        json!({"errors": [{"type": "about:blank", "title": "Too Many Requests", "status": 429,
                           "detail": format!("slow down ({})", id("slow"))}],
               "service": "billing"})
    );
    // `Duration` in delta-seconds, rounded up: 29.2 s is 30.
    assert_eq!(answer.header("retry-after"), ["30"]);
    // An `Option` header when `Some`, and none when `None`.
    assert_eq!(answer.header("x-quota-reset"), ["1700000000"]);
    let answer = ask("slow-unknown");
    assert_eq!(answer.header("retry-after"), ["2"]);
    assert!(
        answer.header("x-quota-reset").is_empty(),
        "{:?}",
        answer.headers
    );

    // `SystemTime` as an IMF-fixdate, read back to the same second.
    let answer = ask("maintenance");
    assert_eq!(answer.status, 503);
    assert_eq!(
        answer.header("retry-after"),
        ["Sun, 06 Nov 1994 08:49:37 GMT"]
    );
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let answer = ask("maintenance-now");
    let sent = parse_imf_fixdate(answer.header("retry-after")[0]);
    assert!(sent.abs_diff(now) <= 5, "{sent} vs {now}");
    // `detail` on a 503: shown.
    let detail = format!("down for maintenance ({})", id("maintenance-now"));
    assert_eq!(answer.body["errors"][0]["detail"], detail);

    // A waived challenge: a 401 without `WWW-Authenticate`, and no warning that it lacks one.
    let answer = ask("logged-out");
    assert_eq!(answer.status, 401);
    assert!(answer.header("www-authenticate").is_empty());
    assert!(!events().iter().any(|event| {
        event.field("header") == Some("WWW-Authenticate") && event.field("status") == Some("401")
    }));

    // `with`: the value a function formats.
    let answer = ask("moved");
    assert_eq!(answer.status, 308);
    assert_eq!(answer.header("location"), ["/invoices/42"]);

    // A hidden 5xx: no detail in the envelope, logged at ERROR with its source.
    let answer = ask("database");
    assert_eq!(answer.status, 500);
    assert!(!answer.text.contains("database failed"), "{}", answer.text);
    assert_eq!(
        answer.body["errors"][0],
        json!({"type": "about:blank", "title": "Internal Server Error", "status": 500})
    );

    // One event per response, at the level the variant says; none with `off`.
    let expected = [
        ("slow", Some(tracing::Level::WARN)),
        ("slow-unknown", Some(tracing::Level::WARN)),
        ("maintenance", Some(tracing::Level::INFO)),
        ("logged-out", None),
        ("moved", Some(tracing::Level::DEBUG)),
        ("database", Some(tracing::Level::ERROR)),
    ];
    for (name, level) in expected {
        let events = events_of(&id(name));
        let levels: Vec<_> = events.iter().map(|event| event.level).collect();
        assert_eq!(levels, level.into_iter().collect::<Vec<_>>(), "{name}");
    }
    let database = &events_of(&id("database"))[0];
    assert_eq!(database.field("status"), Some("500"));
    assert_eq!(database.field("sources"), Some("connection refused"));
    assert_eq!(
        database.field("message"),
        Some("error response hides its detail")
    );
    let slow = &events_of(&id("slow"))[0];
    assert_eq!(slow.field("status"), Some("429"));
    assert_eq!(slow.field("message"), Some("error response"));

    // An `Option<Duration>` in a problem document's response.
    let answer = get(base, "/busy/known");
    assert_eq!(answer.header("retry-after"), ["7"]);
    assert_eq!(answer.header("content-type"), [problem::CONTENT_TYPE]);
    let answer = get(base, "/busy/unknown");
    assert_eq!(answer.status, 503);
    assert!(answer.header("retry-after").is_empty());
}

#[cfg(feature = "axum")]
#[test]
fn axum_sends_the_services_response() {
    use axum::extract::Path;
    use axum::routing::get as route;

    record_events();
    let app = axum::Router::new()
        .route(
            "/api/{name}/{id}",
            route(|Path((name, id)): Path<(String, String)>| async move {
                Err::<String, _>(error_of(&name, &id))
            }),
        )
        .route(
            "/busy/{name}",
            route(|Path(name): Path<String>| async move { Err::<String, _>(busy(&name)) }),
        );
    status_tests::with_axum(app, |base| check(base, "axum"));
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_web_sends_the_services_response() {
    use actix_web::web;

    record_events();
    let routes = |config: &mut web::ServiceConfig| {
        config
            .route(
                "/api/{name}/{id}",
                web::get().to(|path: web::Path<(String, String)>| async move {
                    let (name, id) = path.into_inner();
                    Err::<String, _>(error_of(&name, &id))
                }),
            )
            .route(
                "/busy/{name}",
                web::get()
                    .to(|name: web::Path<String>| async move { Err::<String, _>(busy(&name)) }),
            );
    };
    status_tests::with_actix_web(routes, |base| check(base, "actix-web"));
}
