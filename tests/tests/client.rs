//! `#[status(response, client)]`: what the server sends decodes into the value that sent it;
//! what it cannot tell (a hidden source, another `type`, a field that does not read back) does
//! not decode.
#![cfg(feature = "client")]

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

use proptest::prelude::*;
use status_core::problem::{self, FromProblem, Problem};
use status_core::{HttpStatus, status_enum};

status_enum! {
    /// What the upstream answered with.
    pub enum UpstreamStatus { BadGateway, GatewayTimeout }
}

/// The error of a storage layer: decodes itself, and a variant that holds it decodes through it.
#[derive(Debug, Clone, PartialEq, thiserror::Error, HttpStatus)]
#[status(500, response(parts), client)]
pub enum StorageError {
    #[error("record {key} is locked")]
    #[status(423, type = "https://example.com/problems/locked")]
    Locked {
        #[status(member)]
        key: String,
    },
}

/// Not an error response of its own: what it says is not sent.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("connection refused")]
pub struct DbError;

#[derive(Debug, Clone, PartialEq, thiserror::Error, HttpStatus)]
#[status(500, response(parts), client)]
pub enum ApiError {
    #[error("authentication required")]
    #[status(401, header("WWW-Authenticate" = "Token"))]
    Unauthorized,

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
        #[status(header = "X-Rate-Limit", member = "limit")]
        limit: u32,
    },

    #[error("down for maintenance")]
    #[status(503)]
    Maintenance {
        #[status(header = "Retry-After")]
        retry: Option<Duration>,
    },

    #[error("gone")]
    #[status(410)]
    Gone {
        #[status(header = "Sunset")]
        since: SystemTime,
        #[status(header = "X-Successor")]
        successor: Option<String>,
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

    #[error("upstream answered {0}")]
    Upstream(#[status(transparent)] UpstreamStatus),

    #[error("storage failed")]
    Storage(#[status(transparent)] Box<StorageError>),

    /// Its field is not sent: a client cannot build it.
    #[error("database error")]
    Database(#[source] DbError),
}

/// What a client decodes from what `problem::http_response` sends.
fn round_trip<E: problem::ErrorResponse + FromProblem>(error: &E) -> Option<E> {
    let response = problem::http_response(error);
    let problem: Problem = serde_json::from_str(response.body()).unwrap();
    E::from_problem(response.status().as_u16(), response.headers(), &problem)
}

/// Whole seconds: a `Duration` is sent as delta-seconds and a `SystemTime` as an HTTP-date.
fn seconds() -> impl Strategy<Value = Duration> {
    (0u64..10_000_000).prop_map(Duration::from_secs)
}

fn decodable() -> impl Strategy<Value = ApiError> {
    let words = proptest::collection::vec("[a-z]{1,8}", 0..3);
    let errors = proptest::collection::btree_map("[a-z_]{1,10}", words, 0..4);
    let dates =
        (0u64..253_402_300_799).prop_map(|s| SystemTime::UNIX_EPOCH + Duration::from_secs(s));
    prop_oneof![
        Just(ApiError::Unauthorized),
        any::<u64>().prop_map(|id| ApiError::UserNotFound { id }),
        (seconds(), any::<u32>()).prop_map(|(wait, limit)| ApiError::RateLimited { wait, limit }),
        proptest::option::of(seconds()).prop_map(|retry| ApiError::Maintenance { retry }),
        (dates, proptest::option::of("[!-~]([ -~]{0,20}[!-~])?"))
            .prop_map(|(since, successor)| ApiError::Gone { since, successor }),
        errors.prop_map(|errors| ApiError::Invalid { errors }),
        prop_oneof![
            Just(UpstreamStatus::BadGateway),
            Just(UpstreamStatus::GatewayTimeout)
        ]
        .prop_map(ApiError::Upstream),
        "[ -~]{0,30}".prop_map(|key| ApiError::Storage(Box::new(StorageError::Locked { key }))),
    ]
}

proptest! {
    /// Every variant whose fields are all sent decodes into an equal value.
    #[test]
    fn what_the_server_sends_decodes_into_the_same_value(error in decodable()) {
        prop_assert_eq!(round_trip(&error), Some(error));
    }
}

#[test]
fn a_hidden_field_is_not_decoded() {
    let response = problem::http_response(&ApiError::Database(DbError));
    assert_eq!(response.status(), 500);
    assert_eq!(round_trip(&ApiError::Database(DbError)), None);
}

/// The document of `status` with `members` (JSON object text) and `headers`.
fn decode(status: u16, headers: &[(&str, &str)], document: &str) -> Option<ApiError> {
    let mut map = http::HeaderMap::new();
    for (name, value) in headers {
        map.append(
            http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
            value.parse().unwrap(),
        );
    }
    let problem: Problem = serde_json::from_str(document).unwrap();
    ApiError::from_problem(status, &map, &problem)
}

#[test]
fn a_document_decodes_by_status_and_type_alone() {
    let no_user = r#"{"type":"https://example.com/problems/no-user","id":7}"#;
    assert_eq!(
        decode(404, &[], no_user),
        Some(ApiError::UserNotFound { id: 7 })
    );
    // Another type, another status, no type: none of ours.
    assert_eq!(
        decode(404, &[], r#"{"type":"https://example.com/other","id":7}"#),
        None
    );
    assert_eq!(decode(410, &[], no_user), None);
    assert_eq!(decode(404, &[], r#"{"id":7}"#), None);
    // A member missing, of the wrong type, or a header that does not parse: not decoded.
    let no_user_type = r#"{"type":"https://example.com/problems/no-user"}"#;
    assert_eq!(decode(404, &[], no_user_type), None);
    let wrong = r#"{"type":"https://example.com/problems/no-user","id":"7"}"#;
    assert_eq!(decode(404, &[], wrong), None);
    let limit = [("retry-after", "soon"), ("x-rate-limit", "5")];
    assert_eq!(decode(429, &limit, r#"{"limit":5}"#), None);
    let limit = [("retry-after", "30"), ("x-rate-limit", "5")];
    let decoded = decode(429, &limit, r#"{"limit":5}"#);
    let wait = Duration::from_secs(30);
    assert_eq!(decoded, Some(ApiError::RateLimited { wait, limit: 5 }));
    // A header sent twice is not one value.
    let twice = [
        ("retry-after", "30"),
        ("retry-after", "31"),
        ("x-rate-limit", "5"),
    ];
    assert_eq!(decode(429, &twice, r#"{"limit":5}"#), None);
    // An `Option` header: absent is `None`; present and wrong is no decoding.
    assert_eq!(
        decode(503, &[], "{}"),
        Some(ApiError::Maintenance { retry: None })
    );
    assert_eq!(decode(503, &[("retry-after", "x")], "{}"), None);
    // A transparent status field takes the statuses its type has, with its arm's type.
    assert_eq!(
        decode(504, &[], "{}"),
        Some(ApiError::Upstream(UpstreamStatus::GatewayTimeout))
    );
    assert_eq!(decode(500, &[], "{}"), None);
    assert_eq!(
        decode(502, &[], r#"{"type":"https://example.com/x"}"#),
        None
    );
    // Through a field that decodes itself.
    let locked = r#"{"type":"https://example.com/problems/locked","key":"k"}"#;
    let storage = StorageError::Locked { key: "k".into() };
    assert_eq!(
        decode(423, &[], locked),
        Some(ApiError::Storage(Box::new(storage)))
    );
}

#[test]
fn a_sunset_date_reads_in_every_format() {
    let since = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777);
    for date in [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
    ] {
        let decoded = decode(410, &[("sunset", date)], "{}");
        let successor = None;
        assert_eq!(decoded, Some(ApiError::Gone { since, successor }), "{date}");
    }
}

/// A generic member and header field: the impl is bounded by what reads them back.
#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
#[status(500, response(parts), client)]
pub enum Conflict<T: std::fmt::Debug, H: std::fmt::Debug + std::fmt::Display> {
    #[error("conflict")]
    #[status(409)]
    Conflict {
        #[status(member)]
        current: T,
        #[status(header = "X-Version")]
        version: H,
    },
}

#[test]
fn generic_fields_read_back() {
    let conflict = Conflict::Conflict {
        current: vec![1u8, 2],
        version: 7u64,
    };
    assert_eq!(round_trip(&conflict), Some(conflict));
}

/// What an `HttpStatus` trait object says: its status, and nothing that reads back.
pub trait DynStatus: HttpStatus + std::fmt::Debug + Send + Sync {}

/// Arms that meet: a status field that could take any status, beside a hidden fixed arm, a
/// field that decodes itself under a `type` of the variant's own, a trait object, an `Arc`, a
/// tuple of members.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, response(parts), client)]
pub enum Hop {
    #[error("two values")]
    #[status(400)]
    Pair(#[status(member = "a")] u8, #[status(member = "b")] u8),
    #[error("database")]
    Database(#[source] DbError),
    #[error("stored")]
    #[status(transparent, type = "https://example.com/problems/storage")]
    Storage(StorageError),
    #[error("dynamic")]
    Dynamic(#[status(transparent)] Box<dyn DynStatus>),
    #[error("shared")]
    Shared(#[status(transparent)] std::sync::Arc<UpstreamStatus>),
    #[error("any")]
    Any(#[status(transparent)] status_core::StatusCode),
}

impl PartialEq for Hop {
    fn eq(&self, other: &Hop) -> bool {
        format!("{self:?}") == format!("{other:?}")
    }
}

impl DynStatus for UpstreamStatus {}

#[test]
fn arms_that_meet_decode_as_sent_or_not_at_all() {
    let pair = Hop::Pair(1, 2);
    assert_eq!(round_trip(&pair), Some(pair));
    // The hidden 500 is no other arm's: not `Any(500)`.
    assert_eq!(round_trip(&Hop::Database(DbError)), None);
    // Under the variant's own `type`, the field never sees its own document.
    let stored = Hop::Storage(StorageError::Locked { key: "k".into() });
    assert_eq!(round_trip(&stored), None);
    // A trait object does not read back: its document (a 502) is the next status field's that
    // takes the status, as transparent arms are tried in the order written.
    let dynamic = round_trip(&Hop::Dynamic(Box::new(UpstreamStatus::BadGateway)));
    let next = Hop::Shared(std::sync::Arc::new(UpstreamStatus::BadGateway));
    assert_eq!(dynamic, Some(next));
    let shared = Hop::Shared(std::sync::Arc::new(UpstreamStatus::GatewayTimeout));
    assert_eq!(round_trip(&shared), Some(shared));
    let any = Hop::Any(status_core::StatusCode::Conflict);
    assert_eq!(round_trip(&any), Some(any));
}

/// A struct says `client` too.
#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
#[error("{name} is taken")]
#[status(409, response(parts), client)]
pub struct Taken {
    #[status(member)]
    name: String,
}

#[test]
fn a_struct_decodes() {
    let taken = Taken {
        name: "alice".into(),
    };
    assert_eq!(round_trip(&taken), Some(taken));
    let problem: Problem = serde_json::from_str(r#"{"name":"alice"}"#).unwrap();
    assert_eq!(
        Taken::from_problem(404, &http::HeaderMap::new(), &problem),
        None
    );
}

#[test]
fn a_status_member_that_disagrees_is_another_hops() {
    let no_user = r#"{"type":"https://example.com/problems/no-user","id":7,"status":404}"#;
    assert_eq!(
        decode(404, &[], no_user),
        Some(ApiError::UserNotFound { id: 7 })
    );
    let other = r#"{"type":"https://example.com/problems/no-user","id":7,"status":500}"#;
    assert_eq!(decode(404, &[], other), None);
}

#[test]
fn retry_after_is_one_value() {
    let mut headers = http::HeaderMap::new();
    headers.append("retry-after", " 30 ".parse().unwrap());
    assert_eq!(
        problem::retry_after(&headers),
        Some(Duration::from_secs(30))
    );
    headers.append("retry-after", "40".parse().unwrap());
    assert_eq!(problem::retry_after(&headers), None);
    let mut headers = http::HeaderMap::new();
    let opaque = http::HeaderValue::from_bytes(b"3\xff").unwrap();
    headers.insert("retry-after", opaque);
    assert_eq!(problem::retry_after(&headers), None);
}

/// `response` beside `client`, in a crate of error types without a framework (built for a
/// client alone): whole as it is; a server's build with a framework adds its response trait.
#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
#[error("not shared")]
#[status(404, response, client)]
pub struct Shared;

#[test]
fn a_client_side_type_needs_no_framework() {
    assert_eq!(round_trip(&Shared), Some(Shared));
}

/// An `Option` member: `null` or absent is `None`.
#[derive(Debug, PartialEq, thiserror::Error, HttpStatus)]
#[error("moved")]
#[status(410, response(parts), client)]
pub struct Moved {
    #[status(member)]
    to: Option<String>,
}

#[test]
fn an_option_member_may_be_absent() {
    for moved in [
        Moved { to: None },
        Moved {
            to: Some("/new".into()),
        },
    ] {
        assert_eq!(round_trip(&moved), Some(moved));
    }
    let absent: Problem = serde_json::from_str("{}").unwrap();
    let headers = http::HeaderMap::new();
    assert_eq!(
        Moved::from_problem(410, &headers, &absent),
        Some(Moved { to: None })
    );
    // Not an `Option`: absent fails.
    assert_eq!(Taken::from_problem(409, &headers, &absent), None);
}
