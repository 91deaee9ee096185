//! Feature `utoipa`: a real `utoipa::OpenApi` document for an axum-style error type, its
//! responses compared with `openapi/expected.json` (regenerate with
//! `EXPECT=overwrite cargo test -p status-tests --features utoipa --test openapi` and read the
//! diff), and the schemas of `status_enum!` types.
#![cfg(feature = "utoipa")]

use std::collections::BTreeMap;

use serde_json::{Value, json};
use status_core::{HttpStatus, StatusCode, status_enum};
use utoipa::{IntoResponses, OpenApi, PartialSchema};

/// The README's error type, documented.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, response, openapi)]
pub enum ApiError {
    /// The request carries no valid token.
    #[error("authentication required")]
    #[status(401, header("WWW-Authenticate" = "Token"))]
    Unauthorized,

    /// Too many requests: retry after `Retry-After` seconds.
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[status(header = "Retry-After")]
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

    /// An upstream service failed; its status is passed on.
    #[error("upstream answered {status}")]
    Upstream {
        #[status(transparent)]
        status: UpstreamStatus,
        body: String,
    },

    #[error(transparent)]
    #[status(transparent)]
    Users(UserError),

    /// The database failed.
    #[error("database error")]
    Database,

    /// The cache failed:
    /// it is rebuilt on the next request.
    #[error("cache error")]
    Cache,
}

/// A status known only at run time, like `http::StatusCode` or a framework's rejection.
#[derive(Debug)]
pub struct UpstreamStatus(u16);

impl HttpStatus for UpstreamStatus {
    fn code(&self) -> u16 {
        self.0
    }
}

impl std::fmt::Display for UpstreamStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The errors of the user service, documented on their own: a transparent variant of
/// `ApiError` contributes their statuses.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(response, openapi)]
pub enum UserError {
    /// No user has this id.
    #[error("no user {0}")]
    #[status(404)]
    NotFound(u64),
    #[error("the name is taken")]
    #[status(409)]
    Taken,
    /// The user service is busy.
    #[error("busy")]
    #[status(429)]
    Busy,
}

/// A generic wrapper: documented when what it wraps is.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(response, openapi)]
pub enum Traced<E> {
    #[error("traced: {0}")]
    #[status(transparent)]
    Inner(E),
}

/// A struct is described by its doc comment; a 204 has no content.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("nothing changed")]
#[status(204, response, openapi)]
pub struct Unchanged;

status_enum! {
    /// What the orders API answers with.
    #[status(openapi)]
    pub enum OrderStatus { Ok, NotFound, 429 }
}

status_enum! {
    #[status(openapi)]
    pub enum ProxyStatus { Ok, 499, Other(u16) }
}

#[utoipa::path(
    get,
    path = "/users/{id}",
    responses((status = 200, description = "The user"), ApiError)
)]
#[allow(dead_code)]
fn get_user() {}

#[derive(OpenApi)]
#[openapi(
    paths(get_user),
    components(schemas(OrderStatus, ProxyStatus, StatusCode))
)]
struct Api;

fn document() -> Value {
    serde_json::to_value(Api::openapi()).unwrap()
}

#[test]
fn error_responses_match_the_expected_document() {
    let mut responses = document()["paths"]["/users/{id}"]["get"]["responses"].take();
    let ok = responses.as_object_mut().unwrap().remove("200").unwrap();
    assert_eq!(ok, json!({ "description": "The user" }));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/openapi/expected.json");
    if std::env::var_os("EXPECT").is_some_and(|value| value == "overwrite") {
        let text = serde_json::to_string_pretty(&responses).unwrap();
        std::fs::write(path, text + "\n").unwrap();
    }
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(
        responses,
        expected,
        "got:\n{}",
        serde_json::to_string_pretty(&responses).unwrap()
    );
}

/// The parts the expected file shows, asserted one by one, so that a wrong overwrite of the
/// file does not go unnoticed.
#[test]
fn error_responses_say_what_the_code_sends() {
    let responses = ApiError::responses();
    let keys: Vec<&str> = responses.keys().map(String::as_str).collect();
    // Fixed statuses, the inner type's (404, 409, 429), and the run-time one as `default`.
    assert_eq!(keys, ["401", "404", "409", "422", "429", "500", "default"]);
    let value = serde_json::to_value(&responses).unwrap();

    // Two variants share 500: both doc comments, as a list.
    assert_eq!(
        value["500"]["description"],
        "- The database failed.\n- The cache failed:\n  it is rebuilt on the next request."
    );
    let problem = &value["500"]["content"]["application/problem+json"]["schema"];
    assert_eq!(problem["properties"]["status"]["enum"], json!([500]));
    assert!(
        problem["properties"].get("detail").is_none(),
        "a 5xx hides its detail"
    );

    // The inner 429 merged with the outer one: both descriptions, one schema, the header.
    assert_eq!(
        value["429"]["description"],
        "- Too many requests: retry after `Retry-After` seconds.\n- The user service is busy."
    );
    assert_eq!(
        value["429"]["headers"]["Retry-After"]["schema"],
        json!({ "type": "string" })
    );
    // No doc comment: the reason phrase.
    assert_eq!(value["409"]["description"], "Conflict");

    assert_eq!(
        value["401"]["headers"]["WWW-Authenticate"]["schema"]["enum"],
        json!(["Token"])
    );
    let invalid = &value["422"]["content"]["application/problem+json"]["schema"];
    assert_eq!(
        invalid["properties"]["type"]["enum"],
        json!(["https://example.com/problems/validation"])
    );
    assert_eq!(
        invalid["properties"]["errors"],
        serde_json::to_value(BTreeMap::<String, Vec<String>>::schema()).unwrap()
    );
    assert_eq!(
        invalid["required"],
        json!(["type", "title", "status", "detail", "errors"])
    );

    let default = &value["default"];
    assert_eq!(
        default["description"],
        "An upstream service failed; its status is passed on."
    );
    let status = &default["content"]["application/problem+json"]["schema"]["properties"]["status"];
    assert_eq!(
        status,
        &json!({ "type": "integer", "minimum": 200, "maximum": 599 })
    );
}

#[test]
fn generic_wrapper_takes_the_inner_statuses() {
    let keys: Vec<String> = Traced::<UserError>::responses().into_keys().collect();
    assert_eq!(keys, ["404", "409", "429"]);
}

/// A transparent `Box<T>`, `Arc<T>` or generic `Box<E>` is documented as its pointee.
#[test]
fn boxed_fields_take_the_inner_statuses() {
    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[status(response, openapi)]
    #[allow(dead_code)] // Only documented.
    enum Boxed<E> {
        #[error(transparent)]
        #[status(transparent)]
        Users(Box<UserError>),
        #[error(transparent)]
        #[status(transparent)]
        Shared(std::sync::Arc<Unchanged>),
        #[error("{0}")]
        #[status(transparent)]
        Generic(Box<E>),
    }
    let keys: Vec<String> = Boxed::<UserError>::responses().into_keys().collect();
    assert_eq!(keys, ["204", "404", "409", "429"]);
    let responses = Boxed::<ApiError>::responses();
    assert!(
        ["204", "401", "404", "409", "429", "500"]
            .iter()
            .all(|status| responses.contains_key(*status)),
        "{:?}",
        responses.keys()
    );
}

#[test]
fn a_status_without_content_has_none() {
    let value = serde_json::to_value(Unchanged::responses()).unwrap();
    assert_eq!(
        value,
        json!({ "204": { "description": "A struct is described by its doc comment; a 204 has no content." } })
    );
}

#[test]
fn status_enums_are_integer_enums_of_their_codes() {
    let schemas = document()["components"]["schemas"].take();
    assert_eq!(
        schemas["OrderStatus"],
        json!({
            "type": "integer",
            "enum": [200, 404, 429],
            "description": "200 OK, 404 Not Found, 429 Too Many Requests",
        })
    );
    assert_eq!(
        schemas["ProxyStatus"],
        json!({
            "type": "integer",
            "minimum": 0,
            "maximum": 65535,
            "description": "An HTTP status code; named: 200 OK, 499 Client Closed Request",
        })
    );
    let all: Vec<u16> = StatusCode::ALL.iter().map(|status| status.code()).collect();
    assert_eq!(schemas["StatusCode"]["enum"], json!(all));
    assert!(
        schemas["StatusCode"]["description"]
            .as_str()
            .unwrap()
            .contains("418 I'm a teapot, 421 Misdirected Request")
    );
}
