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
    params(("id" = u64, Path, description = "The user's id")),
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
    // From a `u32` field: an integer, not always sent (the inner 429 and the upstream's have
    // none).
    assert_eq!(
        value["429"]["headers"]["Retry-After"],
        json!({ "schema": { "type": "integer" } })
    );
    // No doc comment: the reason phrase.
    assert_eq!(value["409"]["description"], "Conflict");

    assert_eq!(
        value["401"]["headers"]["WWW-Authenticate"]["schema"]["enum"],
        json!(["Token"])
    );
    // The upstream's status may be any, a 422 too: its document is a choice there.
    let invalid_or_upstream = &value["422"]["content"]["application/problem+json"]["schema"];
    let choices = invalid_or_upstream["anyOf"].as_array().unwrap();
    assert_eq!(choices.len(), 2, "{invalid_or_upstream}");
    assert_eq!(
        choices[1]["properties"]["type"]["enum"],
        json!(["about:blank"])
    );
    let invalid = &choices[0];
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

/// A status whose reason phrase is Markdown and HTML, as a crate's own `codes.toml` may give:
/// the schema's description shows it as text.
#[derive(Debug, Clone, Copy)]
pub struct Hostile;

impl HttpStatus for Hostile {
    fn code(&self) -> u16 {
        460
    }
    fn reason(&self) -> &'static str {
        "<img src=x onerror=alert(1)> [x](javascript:alert(1))"
    }
}

#[test]
fn registry_text_in_schema_descriptions_is_escaped() {
    let schema = status_core::__private::openapi::status_enum_schema(&[Hostile], false);
    let schema = serde_json::to_value(schema).unwrap();
    assert_eq!(
        schema["description"],
        "460 &lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1))"
    );
}

/// Headers from fields are typed by their Rust type: an integer is an integer, always sent.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(response, openapi)]
pub enum Throttled {
    #[error("slow down")]
    #[status(429)]
    Seconds {
        #[status(header = "Retry-After")]
        seconds: u64,
    },
    #[error("come back later")]
    #[status(503)]
    Later {
        #[status(header = "Retry-After")]
        when: String,
    },
}

#[test]
fn header_fields_are_typed_by_their_type() {
    let value = serde_json::to_value(Throttled::responses()).unwrap();
    assert_eq!(
        value["429"]["headers"]["Retry-After"],
        json!({
            "schema": { "type": "integer" },
            "description": status_core::__private::openapi::ALWAYS_SENT,
        })
    );
    // A text value that is not valid HTTP is left out: not always sent.
    assert_eq!(
        value["503"]["headers"]["Retry-After"],
        json!({ "schema": { "type": "string" } })
    );
}

/// The `default` response's document always has a title: the reason phrase, or the class's
/// name for a status that has none.
#[test]
fn default_documents_require_a_title() {
    let value = serde_json::to_value(ApiError::responses()).unwrap();
    let schema = &value["default"]["content"]["application/problem+json"]["schema"];
    assert_eq!(schema["required"], json!(["type", "title", "status"]));
    let unregistered = ApiError::Upstream {
        status: UpstreamStatus(478),
        body: String::new(),
    };
    let body: Value = serde_json::from_str(&status_core::problem::body(&unregistered)).unwrap();
    assert_eq!(body["title"], "Client Error");
    validate(schema, &body).unwrap();
}

/// Checks `value` against `schema`, for the JSON Schema keywords these documents use; any other
/// keyword is an error, so that nothing passes unchecked. The error says where.
fn validate(schema: &Value, value: &Value) -> Result<(), String> {
    let Some(object) = schema.as_object() else {
        return Err(format!("not a schema: {schema}"));
    };
    for (keyword, rule) in object {
        let fails = |what: &str| Err(format!("{what}: {value} against {schema}"));
        match keyword.as_str() {
            "type" => {
                let types: Vec<&str> = match rule {
                    Value::String(one) => vec![one.as_str()],
                    Value::Array(several) => several.iter().filter_map(Value::as_str).collect(),
                    _ => return fails("bad type"),
                };
                let ok = types.iter().any(|ty| match *ty {
                    "object" => value.is_object(),
                    "array" => value.is_array(),
                    "string" => value.is_string(),
                    "integer" => value.is_u64() || value.is_i64(),
                    "number" => value.is_number(),
                    "boolean" => value.is_boolean(),
                    "null" => value.is_null(),
                    _ => false,
                });
                if !ok {
                    return fails("wrong type");
                }
            }
            "enum" => {
                if !rule.as_array().is_some_and(|values| values.contains(value)) {
                    return fails("not in enum");
                }
            }
            "required" => {
                for name in rule.as_array().into_iter().flatten() {
                    let name = name.as_str().unwrap();
                    if value.get(name).is_none() {
                        return fails(&format!("`{name}` missing"));
                    }
                }
            }
            "properties" => {
                for (name, property) in rule.as_object().unwrap() {
                    if let Some(member) = value.get(name) {
                        validate(property, member).map_err(|e| format!("{name}: {e}"))?;
                    }
                }
            }
            "additionalProperties" => {
                let known = object.get("properties").and_then(Value::as_object);
                for (name, member) in value.as_object().into_iter().flatten() {
                    if known.is_some_and(|known| known.contains_key(name)) {
                        continue;
                    }
                    match rule {
                        Value::Bool(true) => {}
                        Value::Bool(false) => return fails(&format!("`{name}` not allowed")),
                        schema => validate(schema, member).map_err(|e| format!("{name}: {e}"))?,
                    }
                }
            }
            "propertyNames" => {
                for name in value
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(name, _)| name)
                {
                    validate(rule, &Value::from(name.as_str()))?;
                }
            }
            "items" => {
                for item in value.as_array().into_iter().flatten() {
                    validate(rule, item)?;
                }
            }
            "anyOf" => {
                let errors: Vec<String> = rule
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|schema| validate(schema, value).err())
                    .collect();
                if errors.len() == rule.as_array().unwrap().len() {
                    return Err(format!("no schema of anyOf: {}", errors.join("; ")));
                }
            }
            "minimum" => {
                if value.as_f64().is_some_and(|n| n < rule.as_f64().unwrap()) {
                    return fails("below minimum");
                }
            }
            "maximum" => {
                if value.as_f64().is_some_and(|n| n > rule.as_f64().unwrap()) {
                    return fails("above maximum");
                }
            }
            // Annotations.
            "format" | "examples" | "description" | "title" => {}
            other => return fails(&format!("unknown keyword `{other}`")),
        }
    }
    Ok(())
}

#[test]
fn the_validator_refuses_what_it_should() {
    let schema = json!({
        "type": "object",
        "properties": {
            "type": { "type": "string", "enum": ["about:blank"] },
            "errors": { "type": "object", "additionalProperties": { "type": "array", "items": { "type": "string" } } },
        },
        "required": ["type"],
    });
    assert!(validate(&schema, &json!({ "type": "about:blank" })).is_ok());
    assert!(validate(&schema, &json!({ "type": "x" })).is_err());
    assert!(validate(&schema, &json!({})).is_err());
    assert!(
        validate(
            &schema,
            &json!({ "type": "about:blank", "errors": { "a": [1] } })
        )
        .is_err()
    );
    assert!(validate(&json!({ "type": "integer", "maximum": 499 }), &json!(500)).is_err());
    assert!(
        validate(
            &json!({ "anyOf": [{ "type": "string" }, { "type": "integer" }] }),
            &json!(1)
        )
        .is_ok()
    );
    assert!(validate(&json!({ "anyOf": [{ "type": "string" }] }), &json!(1)).is_err());
    assert!(validate(&json!({ "not": {} }), &json!(1)).is_err());
}

/// A new user's service: axum's JSON rejections beside a declared 422. Every body the server
/// sends validates against the schema the document gives its status (item 24 of issue 20).
#[cfg(feature = "axum")]
mod server {
    use std::collections::BTreeMap;

    use axum::Json;
    use axum::Router;
    use axum::extract::DefaultBodyLimit;
    use axum::extract::rejection::JsonRejection;
    use axum::routing::{get, post};
    use serde_json::{Value, json};
    use status_core::HttpStatus;
    use utoipa::IntoResponses;

    use super::validate;

    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[status(500, response, openapi)]
    pub enum SignupError {
        /// The body is not a signup.
        #[error(transparent)]
        #[status(transparent)]
        Json(#[from] JsonRejection),

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

        #[error("slow down")]
        #[status(429)]
        RateLimited {
            #[status(header = "Retry-After")]
            seconds: u64,
        },

        /// An upstream service's status, passed on.
        #[error("upstream answered {0}")]
        #[status(transparent)]
        Upstream(http::StatusCode),

        #[error("log in")]
        #[status(401, header("WWW-Authenticate" = "Bearer"))]
        Unauthorized,

        /// An error response of its own that documents nothing: its status, document and
        /// headers are any.
        #[error(transparent)]
        #[status(transparent)]
        Auth(Box<AuthError>),
    }

    #[derive(Debug, thiserror::Error, HttpStatus)]
    #[error("token expired")]
    #[status(
        401,
        response(parts),
        header("WWW-Authenticate" = "Bearer error=\"invalid_token\""),
        type = "https://example.com/problems/auth"
    )]
    pub struct AuthError {
        #[status(member)]
        realm: &'static str,
    }

    #[derive(Debug, serde::Deserialize)]
    pub struct Signup {
        name: String,
    }

    async fn signup(payload: Result<Json<Signup>, JsonRejection>) -> Result<(), SignupError> {
        let Json(signup) = payload?;
        match signup.name.as_str() {
            "" => Err(SignupError::Invalid {
                errors: BTreeMap::from([("name".to_owned(), vec!["empty".to_owned()])]),
            }),
            "often" => Err(SignupError::RateLimited { seconds: 30 }),
            _ => Ok(()),
        }
    }

    async fn upstream(
        axum::extract::Path(code): axum::extract::Path<u16>,
    ) -> Result<(), SignupError> {
        Err(SignupError::Upstream(
            http::StatusCode::from_u16(code).unwrap(),
        ))
    }

    async fn auth() -> Result<(), SignupError> {
        Err(SignupError::Auth(Box::new(AuthError { realm: "users" })))
    }

    async fn unauthorized() -> Result<(), SignupError> {
        Err(SignupError::Unauthorized)
    }

    fn app() -> Router {
        Router::new()
            .route("/signup", post(signup))
            .route("/auth", get(auth))
            .route("/unauthorized", get(unauthorized))
            .route("/upstream/{code}", get(upstream))
            .layer(DefaultBodyLimit::max(64))
    }

    /// The document: the rejection's statuses, the 422 of both, the rest `default`.
    #[test]
    fn rejections_add_their_statuses() {
        let value = serde_json::to_value(SignupError::responses()).unwrap();
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["400", "401", "413", "415", "422", "429", "default"]);
        assert_eq!(value["415"]["description"], "The body is not a signup.");
        let both = &value["422"]["content"]["application/problem+json"]["schema"]["anyOf"];
        assert_eq!(
            both[0]["properties"]["type"]["enum"],
            json!(["about:blank"]),
            "{both}"
        );
        assert_eq!(
            both[1]["properties"]["type"]["enum"],
            json!(["https://example.com/problems/validation"])
        );
        // The boxed `AuthError` documents nothing: it may answer 429 too, with any headers.
        assert_eq!(
            value["429"]["headers"]["Retry-After"]["schema"],
            json!({ "type": "string" })
        );
        let any = &value["401"]["content"]["application/problem+json"]["schema"]["anyOf"];
        assert!(
            any.as_array().unwrap().iter().any(|schema| {
                schema["properties"]["type"] == json!({"type": "string", "format": "uri-reference"})
            }),
            "{any}"
        );
    }

    #[test]
    fn every_body_sent_validates_against_its_documented_schema() {
        let document = serde_json::to_value(SignupError::responses()).unwrap();
        let json = Some("application/json");
        let cases: [(&str, Option<&str>, &[u8], u16); 10] = [
            ("/signup", json, b"{", 400),
            ("/signup", json, &[b' '; 100], 413),
            ("/signup", Some("text/plain"), b"{}", 415),
            ("/signup", json, b"{\"name\": 7}", 422),
            ("/signup", json, b"{\"name\": \"\"}", 422),
            ("/signup", json, b"{\"name\": \"often\"}", 429),
            ("/upstream/478", None, b"", 478),
            // A run-time status may be one a variant declares: documented there too.
            ("/upstream/422", None, b"", 422),
            ("/auth", None, b"", 401),
            ("/unauthorized", None, b"", 401),
        ];
        status_tests::with_axum(app(), |base| {
            let agent = status_tests::client();
            for (path, content_type, body, status) in cases {
                let url = format!("{base}{path}");
                let response = match content_type {
                    Some(content_type) => agent.post(url).content_type(content_type).send(body),
                    None => agent.get(url).call(),
                };
                let mut response = response.unwrap();
                assert_eq!(response.status().as_u16(), status, "{path} {body:?}");
                let headers = response.headers().clone();
                let text = response.body_mut().read_to_string().unwrap();
                let sent: Value = serde_json::from_str(&text).unwrap();
                let key = status.to_string();
                let documented = document.get(&key).unwrap_or(&document["default"]);
                let schema = &documented["content"]["application/problem+json"]["schema"];
                validate(schema, &sent).unwrap_or_else(|error| panic!("{status}: {error}"));
                // Each documented header that is sent is as its schema says, and each always
                // sent is sent.
                for (name, header) in documented["headers"].as_object().into_iter().flatten() {
                    let always =
                        header["description"] == status_core::__private::openapi::ALWAYS_SENT;
                    let Some(value) = headers.get(name.as_str()) else {
                        assert!(!always, "{status}: {name} is always sent");
                        continue;
                    };
                    // Header values are text; an integer schema reads the digits.
                    let text = value.to_str().unwrap();
                    let number = text.parse::<u64>().ok().map(Value::from);
                    let schema = &header["schema"];
                    let valid = validate(schema, &Value::from(text)).is_ok()
                        || number.is_some_and(|number| validate(schema, &number).is_ok());
                    assert!(valid, "{status}: {name}: {text} against {schema}");
                }
            }
        });
    }
}

/// A body of the service's own, documented by its schema.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Envelope {
    errors: Vec<String>,
    request_ms: u32,
}

fn envelope(error: &Enveloped) -> Envelope {
    Envelope {
        errors: vec![error.to_string()],
        request_ms: 3,
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, response(body = envelope, content_type = "application/vnd.api+json"), openapi)]
pub enum Enveloped {
    #[error("slow down")]
    #[status(429)]
    SlowDown {
        #[status(header = "Retry-After")]
        wait: std::time::Duration,
        #[status(header = "X-Quota-Reset")]
        reset: Option<u64>,
        #[status(header = "X-Note")]
        note: Option<String>,
    },
    #[error("log in first")]
    #[status(401, waive("WWW-Authenticate"))]
    LoggedOut,
    #[error("not modified")]
    #[status(304)]
    NotModified,
    #[error("internal")]
    Internal,
}

/// The envelope's schema under each status that has content, with its media type; headers
/// by what is sent: a `Duration` an integer always sent, an `Option` not always sent.
#[test]
fn a_body_of_its_own_is_documented_by_its_schema() {
    let value = serde_json::to_value(Enveloped::responses()).unwrap();
    let schema = serde_json::to_value(Envelope::schema()).unwrap();
    for status in ["429", "401", "500"] {
        let content = value[status]["content"].as_object().unwrap();
        assert_eq!(content.len(), 1, "{status}: {content:?}");
        assert_eq!(
            content["application/vnd.api+json"]["schema"], schema,
            "{status}"
        );
    }
    assert!(value["304"].get("content").is_none(), "{}", value["304"]);
    let headers = &value["429"]["headers"];
    assert_eq!(
        headers["Retry-After"],
        json!({
            "schema": { "type": "integer" },
            "description": status_core::__private::openapi::ALWAYS_SENT,
        })
    );
    assert_eq!(
        headers["X-Quota-Reset"],
        json!({ "schema": { "type": "integer" } })
    );
    assert_eq!(headers["X-Note"], json!({ "schema": { "type": "string" } }));
    // The waived challenge is not documented as sent, and the waiver is said.
    assert!(value["401"].get("headers").is_none(), "{}", value["401"]);
    assert_eq!(
        value["401"]["description"],
        "Sent without `WWW-Authenticate`, which RFC 9110 requires with this status (waived)."
    );
    // What the server sends validates against what is documented.
    let error = Enveloped::SlowDown {
        wait: std::time::Duration::from_secs(3),
        reset: None,
        note: None,
    };
    let body: Value = serde_json::from_str(&status_core::problem::body(&error)).unwrap();
    validate(&schema, &body).unwrap();
    assert_eq!(
        status_core::problem::ErrorResponse::content_type(&error),
        "application/vnd.api+json"
    );
}

/// A generic error type, and one that borrows, with a body of its own and `openapi`.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("bad input")]
#[status(400, response(body = generic_envelope), openapi)]
pub struct GenericBody<T: std::fmt::Debug> {
    input: T,
}

fn generic_envelope<T: std::fmt::Debug>(error: &GenericBody<T>) -> Envelope {
    Envelope {
        errors: vec![format!("{:?}", error.input)],
        request_ms: 1,
    }
}

#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("bad {0}")]
#[status(400, response(body = borrowed_envelope), openapi)]
pub struct Borrowed<'a>(&'a str);

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct BorrowedEnvelope<'a> {
    error: &'a str,
}

fn borrowed_envelope<'a>(error: &Borrowed<'a>) -> BorrowedEnvelope<'a> {
    BorrowedEnvelope { error: error.0 }
}

#[test]
fn bodies_of_generic_and_borrowing_types_are_documented() {
    let generic = serde_json::to_value(GenericBody::<u8>::responses()).unwrap();
    assert_eq!(
        generic["400"]["content"]["application/json"]["schema"],
        serde_json::to_value(Envelope::schema()).unwrap()
    );
    let borrowed = serde_json::to_value(Borrowed::responses()).unwrap();
    assert_eq!(
        borrowed["400"]["content"]["application/json"]["schema"]["required"],
        json!(["error"])
    );
    let body = status_core::problem::body(&Borrowed("name"));
    assert_eq!(body, r#"{"error":"name"}"#);
}

status_enum! {
    /// What `DELETE /users/{id}` answers with.
    pub enum DeleteUserStatus { NoContent, Unauthorized, 429, 503 }
}

#[utoipa::path(
    delete,
    path = "/users/{id}",
    params(("id" = u64, Path, description = "The user's id")),
    responses(
        (status = 204, description = "Deleted"),
        status_core::utoipa::Only<ApiError, DeleteUserStatus>,
    )
)]
#[allow(dead_code)]
fn delete_user() {}

#[derive(OpenApi)]
#[openapi(paths(get_user, delete_user))]
struct TwoOperations;

/// `Only<E, S>`: an operation documents the statuses of `E` that are in `S`, each as `E`
/// documents it; the other operations keep all of `E`'s.
#[test]
fn only_documents_the_statuses_in_both() {
    use status_core::StatusSet;
    use status_core::utoipa::Only;

    let all = ApiError::responses();
    let only = Only::<ApiError, DeleteUserStatus>::responses();
    let keys: Vec<&str> = only.keys().map(String::as_str).collect();
    assert_eq!(keys, ["401", "429"]);
    for (key, response) in &only {
        assert_eq!(
            serde_json::to_value(response).unwrap(),
            serde_json::to_value(&all[key]).unwrap(),
            "{key}"
        );
    }
    // The README's example: two of seven.
    assert_eq!(all.len(), 7, "{:?}", all.keys().collect::<Vec<_>>());
    // Every IANA code: all but the responses under a class or `default`.
    let iana = Only::<ApiError, StatusCode>::responses();
    let numeric: Vec<&String> = all
        .keys()
        .filter(|key| key.parse::<u16>().is_ok())
        .collect();
    assert_eq!(iana.keys().collect::<Vec<_>>(), numeric);
    assert_eq!(DeleteUserStatus::CODES, [204, 401, 429, 503]);
    assert_eq!(StatusCode::CODES.len(), StatusCode::ALL.len());
    assert!(ProxyStatus::CODES.contains(&499));

    let document = serde_json::to_value(TwoOperations::openapi()).unwrap();
    let operations = &document["paths"]["/users/{id}"];
    let listed = |method: &str| -> Vec<String> {
        let responses = operations[method]["responses"].as_object().unwrap();
        responses.keys().cloned().collect()
    };
    assert_eq!(listed("delete"), ["204", "401", "429"]);
    assert_eq!(listed("get").len(), all.len() + 1);
}

#[utoipa::path(
    get,
    path = "/health",
    responses(
        (status = 200, description = "Up"),
        (status = "default", description = "Whatever the proxy says", body = String, content_type = "text/plain"),
    )
)]
#[allow(dead_code)]
fn health() {}

// utoipa's `modifiers` takes a name, not a path.
use status_core::utoipa::ProblemResponses;

#[derive(OpenApi)]
#[openapi(
    paths(get_user, delete_user, health),
    modifiers(&ProblemResponses)
)]
struct WithProblems;

/// `ProblemResponses`: a `default` problem response for each operation without one, written
/// once; an operation's own `default` kept.
#[test]
fn problem_responses_fill_in_the_default_of_each_operation() {
    let plain = serde_json::to_value(TwoOperations::openapi()).unwrap();
    let document = serde_json::to_value(WithProblems::openapi()).unwrap();
    let reference = json!({"$ref": "#/components/responses/Problem"});
    let problem = &document["components"]["responses"]["Problem"];
    let layer = &problem["content"]["application/problem+json"]["schema"];
    assert_eq!(layer["required"], json!(["type", "title", "status"]));
    assert_eq!(layer["properties"]["instance"]["format"], "uri-reference");
    let status = &layer["properties"]["status"];
    assert_eq!(
        (&status["minimum"], &status["maximum"]),
        (&json!(400), &json!(599))
    );
    assert_eq!(problem["content"].as_object().unwrap().len(), 1);
    // `get` has `ApiError`'s own `default` (its catch-all); `delete` (`Only`) has none.
    for (method, had_default) in [("get", true), ("delete", false)] {
        let before = plain["paths"]["/users/{id}"][method]["responses"]
            .as_object()
            .unwrap();
        let after = &document["paths"]["/users/{id}"][method]["responses"];
        assert_eq!(before.contains_key("default"), had_default, "{method}");
        let after = after.as_object().unwrap();
        assert!(
            after
                .keys()
                .all(|key| key == "default" || before.contains_key(key))
        );
        assert_eq!(
            after.get("default").is_some_and(|d| *d == reference),
            !had_default
        );
        // Each error response may also be the layer's document of its status.
        for (key, own) in before {
            let own = &own["content"]["application/problem+json"]["schema"];
            let now = &after[key]["content"]["application/problem+json"]["schema"];
            if key.starts_with('2') {
                assert_eq!(own, now, "{method} {key}");
                continue;
            }
            assert_eq!(&now["anyOf"][0], own, "{method} {key}");
            let layer = &now["anyOf"][1];
            assert_eq!(
                layer["required"],
                json!(["type", "title", "status"]),
                "{key}"
            );
            if let Ok(code) = key.parse::<u16>() {
                assert_eq!(layer["properties"]["status"]["enum"], json!([code]));
            }
        }
    }
    // An operation's own `default` keeps its content, and may also be a problem document.
    let health = &document["paths"]["/health"]["get"]["responses"]["default"];
    assert_eq!(health["description"], "Whatever the proxy says");
    assert_eq!(health["content"]["text/plain"]["schema"]["type"], "string");
    let sent = &health["content"]["application/problem+json"]["schema"];
    assert_eq!(sent, layer);
    assert!(document["paths"]["/health"]["get"]["responses"]["200"]["content"].is_null());
    // Without operations to fill in, no component either.
    #[derive(OpenApi)]
    #[openapi(paths(health), modifiers(&ProblemResponses))]
    struct OnlyDefaults;
    let document = serde_json::to_value(OnlyDefaults::openapi()).unwrap();
    assert!(
        document["components"]["responses"].get("Problem").is_none(),
        "{document}"
    );
    // A response of the user's named `Problem`: ours goes inline.
    struct TheirProblem;
    impl utoipa::Modify for TheirProblem {
        fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
            let theirs = utoipa::openapi::ResponseBuilder::new()
                .description("Theirs")
                .build();
            let components = openapi.components.get_or_insert_with(Default::default);
            components.responses.insert("Problem".into(), theirs.into());
        }
    }
    #[derive(OpenApi)]
    #[openapi(paths(delete_user), modifiers(&TheirProblem, &ProblemResponses))]
    struct Clash;
    let document = serde_json::to_value(Clash::openapi()).unwrap();
    let default = &document["paths"]["/users/{id}"]["delete"]["responses"]["default"];
    assert_eq!(
        default["content"]["application/problem+json"]["schema"],
        *layer
    );
    assert_eq!(
        document["components"]["responses"]["Problem"]["description"],
        "Theirs"
    );
}
