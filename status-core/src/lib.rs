//! HTTP status codes checked by the compiler, and error responses derived from them.
//!
//! - [`StatusCode`]: every IANA status code, with RFC 9110 names, reason phrases,
//!   descriptions and references, generated from the project's registry.
//! - [`status!`]: a `StatusCode` checked at compile time: `status!(404)`, `status!(NotFound)`.
//! - [`status_enum!`]: your own closed enum of exactly the statuses your API answers with.
//! - [`HttpStatus`](trait@HttpStatus): the trait all of them implement, and that
//!   [`#[derive(HttpStatus)]`](derive@HttpStatus) implements for your error types.
//! - With features: RFC 9457 problem details responses for axum and actix-web from the same
//!   derive (`#[status(response)]`), and their OpenAPI description (`openapi`, utoipa 5).
//!
//! ```
//! use status_core::{HttpStatus, StatusCode, status, status_enum};
//!
//! status_enum! {
//!     /// What the orders API answers with.
//!     pub enum OrderStatus { Ok, Created, NOT_FOUND, 429, Missing = 410 }
//! }
//!
//! assert_eq!(status!(404), StatusCode::NotFound);
//! assert_eq!(OrderStatus::TooManyRequests.to_string(), "429 Too Many Requests");
//! assert_eq!(OrderStatus::try_from(410), Ok(OrderStatus::Missing));
//! assert_eq!(StatusCode::from(OrderStatus::NotFound).reason(), "Not Found");
//! assert!(OrderStatus::Missing.is_client_error());
//! ```
//!
//! # Features
//!
//! All off by default except `macros`, and additive: turning one on anywhere in a build never
//! breaks a crate of it. A feature adds impls to this crate's own types by itself, but to a
//! type of yours only when the type asks, with a word in `#[status(...)]` (`http`, `serde`,
//! `response`, `openapi`); and no feature adds a method to [`HttpStatus`], or an impl you could
//! have written yourself (`HttpStatus for Box<YourType>`). Items that need a feature say so.
//!
//! | feature | what it adds |
//! |---|---|
//! | `macros` (default) | [`status!`], [`status_enum!`] and [`#[derive(HttpStatus)]`](derive@HttpStatus); without it, no macro crate is built |
//! | `http` (http 1) | conversions with `http::StatusCode` (for a `status_enum!` type that says `#[status(http)]`), `HttpStatus` for it, and the extension trait `http::ToHttp` (`to_http()`) |
//! | `serde` | `StatusCode`, and a `status_enum!` type that says `#[status(serde)]`, (de)serialize as the number |
//! | `alloc` | the `alloc` crate, for the features that allocate; no impl of its own |
//! | `problem` | the module `problem`: `ErrorResponse` for a derived type that says `response(parts)` (or `response`, with a framework), and every part of the response, for framework impls written by hand |
//! | `axum` (axum 0.8) | `IntoResponse` for a derived type that says `response`, `HttpStatus` for axum's extractor rejections, `axum::ProblemLayer` (every error the service sends as a problem document); turns on `http` and `problem` |
//! | `actix-web` (actix-web 4) | `ResponseError` for a derived type that says `response`, `HttpStatus` for actix-web's extractor errors, the extension trait `actix_web::ToActix` (`to_actix()`), and the middleware `actix_web::Problems` (every error the service sends as a problem document); turns on `problem` |
//! | `client` | decoding problem documents: `problem::Problem`, `problem::FromProblem` for a derived type that says `response, client`, `problem::retry_after`; turns on `http` and `problem` |
//! | `reqwest` (reqwest 0.13) | [`reqwest::ResponseExt`] (`error_for_problem`) and `reqwest::ClientError`; turns on `client` |
//! | `tracing` (tracing 0.1) | error responses log the detail they hide (ERROR, or the level `log = "..."` says) and header values they leave out (WARN), with target `status_core::problem`; turns on `problem` |
//! | `utoipa` (utoipa 5) | `utoipa::IntoResponses` for a derived type that says `response, openapi`, `ToSchema` for `StatusCode` and a `status_enum!` type that says `#[status(openapi)]`, and the module `utoipa`; turns on `problem` |
//!
//! # Error responses
//!
//! `#[status(response)]` on a type that derives `HttpStatus` and has `Display` (say by
//! `thiserror::Error`) makes it the error response of each framework the crate depends on (or,
//! with none, of each whose feature is on): its
//! status, the headers it names, and an RFC 9457 problem details document
//! (`application/problem+json`) whose `detail` is the `Display` text, hidden for a 5xx. With
//! `openapi` too, `responses(ApiError)` in `#[utoipa::path]` documents those responses.
#![cfg_attr(
    all(feature = "axum", feature = "utoipa"),
    doc = r##"
```
use axum::extract::Path;
use axum::response::IntoResponse;
use status_core::{HttpStatus, problem};
use utoipa::OpenApi;

/// The errors of the users API.
#[derive(Debug, HttpStatus)]
#[status(500, response, openapi)]
pub enum ApiError {
    /// No user has this id.
    #[status(404)]
    UserNotFound(u64),

    /// Too many requests: retry after `Retry-After` seconds.
    #[status(429)]
    RateLimited {
        #[status(header = "Retry-After", member = "retry_after")]
        seconds: u32,
    },

    /// The database failed.
    Database,
}

// What `#[derive(thiserror::Error)]` with `#[error("...")]` on each variant writes.
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::UserNotFound(id) => write!(f, "no user with id {id}"),
            ApiError::RateLimited { .. } => f.write_str("slow down"),
            ApiError::Database => f.write_str("connection to the database refused"),
        }
    }
}

/// Gets a user's name.
#[utoipa::path(
    get,
    path = "/users/{id}",
    params(("id" = u64, Path, description = "The user's id")),
    responses((status = 200, description = "The user's name", body = String), ApiError),
)]
async fn user(Path(id): Path<u64>) -> Result<String, ApiError> {
    match id {
        1 => Ok("alice".to_owned()),
        _ => Err(ApiError::UserNotFound(id)),
    }
}

#[derive(OpenApi)]
#[openapi(paths(user))]
struct UsersApi;

// An axum response: the status, its headers, the problem document.
let response = ApiError::RateLimited { seconds: 30 }.into_response();
assert_eq!(response.status(), 429);
assert_eq!(response.headers()["retry-after"], "30");
assert_eq!(response.headers()["content-type"], "application/problem+json");
assert_eq!(
    problem::body(&ApiError::RateLimited { seconds: 30 }),
    r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"slow down","retry_after":30}"#
);
// A 5xx hides its detail (with feature `tracing`, it is logged).
assert_eq!(
    problem::body(&ApiError::Database),
    r#"{"type":"about:blank","title":"Internal Server Error","status":500}"#
);

// The OpenAPI document says the same.
let document = serde_json::to_value(UsersApi::openapi()).unwrap();
let responses = &document["paths"]["/users/{id}"]["get"]["responses"];
assert_eq!(responses["404"]["description"], "No user has this id.");
assert_eq!(responses["429"]["headers"]["Retry-After"]["schema"]["type"], "integer");
let schema = &responses["429"]["content"]["application/problem+json"]["schema"];
assert_eq!(schema["properties"]["retry_after"]["type"], "integer");
assert!(responses["500"]["content"]["application/problem+json"]["schema"]["properties"]["detail"].is_null());
```
"##
)]
//!
//! The attributes, each checked while compiling:
//!
//! | attribute | where | what it does |
//! |---|---|---|
//! | `404`, `NotFound`, `NOT_FOUND` | type, variant | the status (on an enum: the default of variants without one) |
//! | `transparent` | variant, field | the status is the field's (`HttpStatus`): the single field, or the one that says it, read through a `Box<T>`, `Rc<T>`, `Arc<T>` or `&T`, with all the registry says of it; a field that is an error response itself also gives its headers, members, `type`, `title` and its own `detail` |
//! | `response` | type | `IntoResponse` (axum) and `ResponseError` (actix-web) of the frameworks the crate depends on, else of each whose feature is on (a compile error while neither is), and `problem::ErrorResponse` |
//! | `response(axum)`, `response(actix_web)` | type | only that framework's trait (and `problem::ErrorResponse`): the other may be written by hand |
//! | `response(parts)` | type | `problem::ErrorResponse` only, for framework impls written by hand |
//! | `header("Name" = "value")` | type, variant | a constant header; a variant's replaces the type's of the same name |
//! | `header = "Name"` | field | the field's value as the header's: an `Option` only when `Some`, a `Duration` in seconds (rounded up), a `SystemTime` as an HTTP date, else its `Display` |
//! | `header = "Name", with = path` | field | `path(&value)`'s `Display` as the header's value |
//! | `member`, `member = "name"` | field | an extension member of the document (the field is `serde::Serialize`) |
//! | `type = "uri"`, `title = "..."` | type, variant | the document's `type` (default `about:blank`) and `title` (default the reason phrase) |
//! | `detail` | type, variant | show the `Display` text of a 5xx too (hidden by default) |
//! | `response(body = path)`, `content_type = "..."` | type | the body `path(&error)` returns (`serde::Serialize`), as `application/json` or the type given; status, headers and log stay derived |
//! | `waive("Name", ...)` | type, variant | a header the status requires that the response does not send (a legacy API) |
//! | `log = "warn"` | type, variant | log every response at that level (`error`, `warn`, `info`, `debug`, `trace`), or none (`off`); by default a hidden detail at ERROR |
//! | `openapi` | type | `utoipa::IntoResponses` (feature `utoipa`; needs `response`) |
//! | `client` | type | `problem::FromProblem` (feature `client`; needs `response`) |
//! | `http`, `serde`, `openapi` | `status_enum!` | `http::StatusCode` conversions, serde as the number, `utoipa::ToSchema` |
//! | `crate = "path"` | type, `status_enum!` | where status-core is, for a crate that reaches it under another path (a renamed dependency is found from `Cargo.toml` without it) |
//!
//! Each header name is sent once: a variant's own, then a transparent field's, then the
//! type's; extension members likewise. A header value known only at run time that is not valid
//! HTTP is left out (and logged with `tracing`), never a panic. The headers RFC 9110 requires of
//! a status (401 `WWW-Authenticate`, 405 `Allow`, ...) are a compile error when a variant does
//! not send them.
//!
//! # The registry, `codes.toml`
//!
//! Every code, name, reason phrase and description comes from the project's registry,
//! `codes.toml`: the whole IANA HTTP Status Code Registry, and the vendor codes met in logs
//! (nginx 444, 494-497, 499; Cloudflare 520-526, 530; 509). One `[[status]]` table per code:
//! `code`, `name`, `reason`, `description`, `reference`, and where they apply `aliases` (former
//! names, accepted with a deprecation warning), `standing` (`"deprecated"`, `"reserved"`,
//! `"obsolete"`, `"temporary"`), `origin` (the vendor), `cacheable = true`
//! ([`HttpStatus::is_cacheable_by_default`]), `content = "none"`
//! ([`HttpStatus::allows_content`] false: a response with it has no body), `requires = [...]`
//! ([`HttpStatus::required_headers`]: a response that lacks one is a compile error) and
//! `recommends = [...]` ([`HttpStatus::recommended_headers`]).
//!
//! A crate adds codes of its own with a `codes.toml` beside its `Cargo.toml`, in the same
//! schema; every macro of that crate reads it:
//!
//! ```toml
//! [[status]]
//! code = 599
//! name = "NetworkConnectTimeout"
//! reason = "Network Connect Timeout"
//! description = "The proxy could not connect to the upstream server in time."
//! reference = "Our proxy's runbook"
//! ```
//!
//! Then `status_enum! { pub enum ProxyStatus { Ok, NetworkConnectTimeout } }` and
//! `#[status(599)]` work in that crate. The file may add codes, never redefine one; every
//! mistake in it is a compile error naming its line and column. [`StatusCode`] and
//! [`status!`] hold IANA codes only.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// docs.rs (`--cfg docsrs`): each item that needs a feature says which.
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
// `actix_web::Problems` catches the service's panics (`catch_unwind`), and `client` reads the
// clock for `Retry-After` dates; both run where `http` and the frameworks need std anyway.
#[cfg(any(feature = "actix-web", feature = "client"))]
extern crate std;

// Generated code names this crate `::status_core`, here as in users' crates.
extern crate self as status_core;

#[cfg(feature = "actix-web")]
mod actix_middleware;
#[cfg(feature = "axum")]
mod axum_layer;
mod class;
mod code;
mod conversions;
mod error;
mod feature_impls;
#[cfg(feature = "utoipa")]
mod openapi;
#[cfg(feature = "problem")]
#[cfg_attr(docsrs, doc(cfg(feature = "problem")))]
pub mod problem;
#[cfg(feature = "reqwest")]
mod reqwest_client;
mod run_time;
mod status;
mod tables;

#[doc(hidden)]
pub mod __private;

pub use class::StatusClass;
pub use code::StatusCode;
pub use error::{InvalidStatusCode, ParseStatusError};
pub use status::{HttpStatus, StatusSet};

/// The axum trait status-core implements, from the axum the `axum` feature is built for:
/// axum 0.8, whose core is axum-core 0.5; and the layer [`ProblemLayer`](axum::ProblemLayer).
///
/// A crate on another axum (0.7, say) has two `IntoResponse` traits in its build: a handler
/// that returns a derived error does not compile, and the compiler's help names the trait by
/// this path, `status_core::axum::IntoResponse`. Then move the crate to axum 0.8. (Only the
/// trait is here: re-exporting all of axum would make the compiler spell out
/// `status_core::StatusCode` in its messages, to tell it from axum's `http::StatusCode`.)
///
/// The module is there whatever the features, empty without this one, so that a glob import
/// of status-core (`use status_core::*`) means the same in every build: a crate of yours with
/// its own `axum` dependency keeps building when another crate turns the feature on.
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub mod axum {
    #[cfg(feature = "axum")]
    pub use crate::axum_layer::{ProblemFuture, ProblemLayer, ProblemService};
    #[cfg(feature = "axum")]
    pub use ::axum::response::IntoResponse;
}

/// Decoding a `reqwest::Response`'s error (feature `reqwest`, reqwest 0.13): the extension
/// trait [`ResponseExt`](reqwest::ResponseExt) and [`ClientError`](reqwest::ClientError).
///
/// The module is there whatever the features, empty without this one, so that a glob import
/// of status-core (`use status_core::*`) means the same in every build.
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub mod reqwest {
    #[cfg(feature = "reqwest")]
    pub use crate::reqwest_client::{BODY_LIMIT, ClientError, ResponseExt};
}

/// `http` 1's status for every [`HttpStatus`] (feature `http`): the extension trait
/// [`ToHttp`](http::ToHttp).
///
/// The module is there whatever the features, empty without this one, so that a glob import
/// of status-core (`use status_core::*`) means the same in every build: a crate of yours with
/// its own `http` dependency keeps building when another crate turns the feature on.
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod http {
    #[cfg(feature = "http")]
    use crate::HttpStatus;

    /// `to_http()` on every [`HttpStatus`] type: the status as an `http` 1 `StatusCode`.
    ///
    /// An extension trait, in scope only where a crate imports it, so that turning on the
    /// `http` feature never makes a crate's own `to_http` method ambiguous.
    ///
    /// Never fails: every registered code is in 100..=599. A catch-all value outside what
    /// `http` accepts (100..=999) is not valid HTTP and becomes 500, as
    /// [`class`](HttpStatus::class) counts it.
    ///
    /// ```
    /// use status_core::{HttpStatus, StatusCode, http::ToHttp, status_enum};
    ///
    /// assert_eq!(StatusCode::NotFound.to_http(), http::StatusCode::NOT_FOUND);
    ///
    /// status_enum! {
    ///     pub enum AnyStatus { Ok, Other(u16) }
    /// }
    /// assert_eq!(AnyStatus::Other(1000).to_http(), http::StatusCode::INTERNAL_SERVER_ERROR);
    ///
    /// let status: &dyn HttpStatus = &StatusCode::Gone;
    /// assert_eq!(status.to_http(), http::StatusCode::GONE);
    /// ```
    #[cfg(feature = "http")]
    pub trait ToHttp {
        /// The status as an `http::StatusCode`; 500 for a value `http` does not accept.
        fn to_http(&self) -> ::http::StatusCode;
    }

    #[cfg(feature = "http")]
    impl<T: HttpStatus + ?Sized> ToHttp for T {
        #[inline]
        fn to_http(&self) -> ::http::StatusCode {
            crate::conversions::to_http(self.code())
        }
    }
}

/// The actix-web trait status-core implements, from the actix-web the `actix-web` feature is
/// built for: actix-web 4, on `http` 0.2, hence the extension trait
/// [`ToActix`](actix_web::ToActix); and the middleware [`Problems`](actix_web::Problems).
///
/// A compile error that names `status_core::actix_web::ResponseError` means the crate uses
/// another version of actix-web than this one.
///
/// The module is there whatever the features, empty without this one, so that a glob import
/// of status-core (`use status_core::*`) means the same in every build: a crate of yours with
/// its own `actix-web` dependency keeps building when another crate turns the feature on.
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub mod actix_web {
    #[cfg(feature = "actix-web")]
    use crate::HttpStatus;

    #[cfg(feature = "actix-web")]
    pub use crate::actix_middleware::{Problems, ProblemsMiddleware};
    #[cfg(feature = "actix-web")]
    pub use ::actix_web::ResponseError;

    /// `to_actix()` on every [`HttpStatus`] type: the status as actix-web's `StatusCode`.
    /// actix-web 4 is built on `http` 0.2, so `http` 1's `StatusCode` does not fit its
    /// `ResponseError::status_code`; this does.
    ///
    /// An extension trait, in scope only where a crate imports it, so that turning on the
    /// `actix-web` feature never makes a crate's own `to_actix` method ambiguous.
    ///
    /// The same conversion as `http::ToHttp` (feature `http`), never a panic: every registered
    /// code keeps its number, and a catch-all value outside what `http` accepts (100..=999)
    /// becomes 500. It converts, it does not judge: for a response, where only a final status
    /// (200..=599) belongs, [`problem::actix_status`](crate::problem::actix_status) gives the
    /// status sent, as the derived `ResponseError` does.
    ///
    /// ```
    /// use actix_web::{ResponseError, http::StatusCode as ActixStatus};
    /// use status_core::{HttpStatus, actix_web::ToActix};
    ///
    /// #[derive(Debug, HttpStatus)]
    /// #[status(TooManyRequests)]
    /// struct SlowDown;
    ///
    /// impl std::fmt::Display for SlowDown {
    ///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    ///         f.write_str("slow down")
    ///     }
    /// }
    ///
    /// // A hand-written actix-web response, keeping the status the derive mapped.
    /// impl ResponseError for SlowDown {
    ///     fn status_code(&self) -> ActixStatus {
    ///         self.to_actix()
    ///     }
    /// }
    ///
    /// assert_eq!(SlowDown.status_code(), ActixStatus::TOO_MANY_REQUESTS);
    /// ```
    #[cfg(feature = "actix-web")]
    pub trait ToActix {
        /// The status as actix-web's `StatusCode`; 500 for a value `http` 0.2 does not accept.
        fn to_actix(&self) -> ::actix_web::http::StatusCode;
    }

    #[cfg(feature = "actix-web")]
    impl<T: HttpStatus + ?Sized> ToActix for T {
        #[inline]
        fn to_actix(&self) -> ::actix_web::http::StatusCode {
            crate::conversions::to_actix(self.code())
        }
    }
}

/// Derives [`HttpStatus`](trait@HttpStatus) for an error enum or struct.
///
/// Each variant gets `#[status(...)]` with a code (`404`), a name (`NotFound`) or a
/// SCREAMING name (`NOT_FOUND`); `#[status(...)]` on the enum is the default for variants
/// without one. `#[status(transparent)]` on a variant (or struct) with a single field
/// delegates to that field's `HttpStatus`; a field of generic type gets the bound.
///
/// ```
/// use status_core::HttpStatus;
///
/// #[derive(Debug, HttpStatus)]
/// #[status(500)] // for variants without their own
/// pub enum ApiError {
///     #[status(404)]
///     UserNotFound(u64),
///     #[status(TooManyRequests)]
///     RateLimited { retry_after: u32 },
///     #[status(transparent)]
///     Store(StoreError),
///     Database,
/// }
///
/// #[derive(Debug, HttpStatus)]
/// #[status(SERVICE_UNAVAILABLE)]
/// pub struct StoreError;
///
/// assert_eq!(ApiError::UserNotFound(7).code(), 404);
/// assert_eq!(ApiError::RateLimited { retry_after: 1 }.reason(), "Too Many Requests");
/// assert_eq!(ApiError::Store(StoreError).code(), 503);
/// assert!(ApiError::Database.is_server_error());
/// ```
///
/// On the type, `#[status(response)]` opts in to error responses: the type implements
/// `problem::ErrorResponse`, and with the `axum` feature `IntoResponse`, with `actix-web`
/// `ResponseError`, each answering with the status, its headers and an RFC 9457 problem
/// details body (with neither feature on, `response` is a compile error).
/// `response(axum)` or `response(actix_web)` implements only that framework's trait (the other
/// may be written by hand), and `response(parts)` only `problem::ErrorResponse` (feature
/// `problem`), for framework impls written by hand. The attributes `header("Name" = "value")`,
/// `type = "..."`, `title = "..."` and `detail` (on the type or a variant), `header = "Name"`
/// and `member` (on a field) say the rest of the response, checked while compiling (header
/// names and values, the headers RFC 9110 requires of a status, member names).
/// `#[status(transparent)]` on a field takes the status from that field; a transparent field of
/// type `Box<T>`, `Rc<T>`, `Arc<T>` or `&T` gives `T`'s status and all it says (the pointer's
/// own, if it implements `HttpStatus` itself).
///
/// Codes and names are checked against the registry while compiling, and `code()` of each
/// variant is a constant. Unless the type says `response` or `openapi`, the derive implements
/// `HttpStatus` and nothing else, so it sits beside `thiserror::Error`, serde's derives and
/// `#[non_exhaustive]`.
///
/// A variant with no status and no enum default is a compile error at the variant:
///
/// ```compile_fail
/// #[derive(status_core::HttpStatus)]
/// enum ApiError {
///     #[status(404)]
///     Missing,
///     Unmapped, // variant `Unmapped` has no status
/// }
/// ```
///
/// With the `utoipa` feature, `#[status(response, openapi)]` also describes those responses:
/// the type implements `utoipa::IntoResponses`, so `responses(ApiError)` in `#[utoipa::path]`
/// lists one response per status the type sends, described by the variants' doc comments (or
/// the reason phrase), with its headers and the problem document's schema, `member` fields
/// typed by their own `ToSchema`. A `transparent` variant adds the statuses of its field's
/// type when that type implements `IntoResponses` too, or a framework's rejection answers with
/// (`JsonRejection`: 400, 413, 415, 422), else the `default` response (its status is known only
/// at run time).
#[cfg_attr(
    all(feature = "utoipa", any(feature = "axum", feature = "actix-web")),
    doc = r#"
```
use status_core::HttpStatus;
use utoipa::IntoResponses;

#[derive(Debug, HttpStatus)]
#[status(500, response, openapi)]
pub enum ApiError {
    /// No user has this id.
    #[status(404)]
    UserNotFound(u64),
    /// The database failed.
    Database,
    /// The cache failed.
    Cache,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("what failed")
    }
}

let responses = serde_json::to_value(ApiError::responses()).unwrap();
assert_eq!(responses["404"]["description"], "No user has this id.");
// Variants sharing a status are one response.
assert_eq!(responses["500"]["description"], "- The database failed.
- The cache failed.");
let schema = &responses["404"]["content"]["application/problem+json"]["schema"];
assert_eq!(schema["required"], serde_json::json!(["type", "title", "status", "detail"]));
```
"#
)]
#[cfg(feature = "macros")]
#[cfg_attr(docsrs, doc(cfg(feature = "macros")))]
pub use status_macros::HttpStatus;
/// Expands to a [`StatusCode`] variant, checked against the registry while the crate
/// compiles.
///
/// Takes a code, a name, or a name in SCREAMING_SNAKE_CASE. The result is a path, so it works
/// in expressions, in `const` items and in `match` patterns:
///
/// ```
/// use status_core::{StatusCode, status};
///
/// const MISSING: StatusCode = status!(404);
/// assert_eq!(MISSING, StatusCode::NotFound);
/// assert_eq!(status!(NotFound), MISSING);
/// assert_eq!(status!(NOT_FOUND), MISSING);
///
/// fn retry(status: StatusCode) -> bool {
///     matches!(status, status!(429) | status!(ServiceUnavailable))
/// }
/// assert!(retry(StatusCode::TooManyRequests));
/// ```
///
/// An unknown code or name is a compile error at the token, with the nearest registered codes
/// or closest names; 306 is refused with the reason; a former name such as `PayloadTooLarge`
/// compiles with a deprecation warning naming the current one:
///
/// ```compile_fail
/// let status = status_core::status!(432); // 432 is not a registered HTTP status code
/// ```
///
/// `StatusCode` holds IANA codes only: a vendor code such as nginx's 499 belongs in a
/// [`status_enum!`].
#[cfg(feature = "macros")]
#[cfg_attr(docsrs, doc(cfg(feature = "macros")))]
pub use status_macros::status;

/// Defines a closed enum of exactly the statuses an API answers with.
///
/// Each member is one of:
///
/// | member | variant |
/// |---|---|
/// | `Ok`, `NotFound` | a registry name |
/// | `NOT_FOUND` | SCREAMING_SNAKE_CASE, becomes `NotFound` |
/// | `429` | a code: the variant is named from the registry, `TooManyRequests` |
/// | `Missing = 410` | your own variant name for a registered code |
/// | `5xx` | every IANA code of the class |
/// | `Other(u16)` | a catch-all: `From<u16>` replaces `TryFrom<u16>` |
///
/// Attributes and doc comments on the enum and on members pass through. Vendor codes of the
/// registry (nginx 499, Cloudflare 52x) may be listed too.
///
/// Impls of other crates' traits come only when the enum asks, in `#[status(...)]` on the enum
/// (also under `#[cfg_attr(predicate, status(...))]`): `http` for the `http::StatusCode`
/// conversions, `serde` for (de)serialization as the number, `openapi` for `utoipa::ToSchema`
/// (an integer, one of the enum's codes, their reason phrases in the description). A word whose
/// feature of status-core is off is a compile error at the word. `#[status(crate = "path")]` names
/// status-core for a crate that reaches it under another path (a renamed dependency is found
/// from `Cargo.toml` without it).
///
/// ```
/// use status_core::{HttpStatus, StatusCode, status_enum};
///
/// status_enum! {
///     /// Statuses the orders API answers with.
///     pub enum OrderStatus {
///         Ok,
///         Created,
///         NOT_FOUND,
///         429,
///         Missing = 410,
///         5xx,
///     }
/// }
///
/// assert_eq!(OrderStatus::Missing.code(), 410);
/// assert_eq!(OrderStatus::TooManyRequests.reason(), "Too Many Requests");
/// assert_eq!(OrderStatus::ALL.len(), 5 + 11);
/// assert_eq!(OrderStatus::try_from(404), Ok(OrderStatus::NotFound));
/// assert!(OrderStatus::try_from(418).is_err());
/// assert_eq!("201".parse(), Ok(OrderStatus::Created));
/// assert_eq!(format!("{:>20}", OrderStatus::Ok), "              200 OK");
///
/// // Every member is IANA, so the conversion into `StatusCode` cannot fail.
/// let status: StatusCode = OrderStatus::BadGateway.into();
/// assert_eq!(status, StatusCode::BadGateway);
/// assert_eq!(OrderStatus::try_from(StatusCode::Gone), Ok(OrderStatus::Missing));
///
/// // `match` is exhaustive without a wildcard.
/// fn retryable(status: OrderStatus) -> bool {
///     match status {
///         OrderStatus::TooManyRequests | OrderStatus::ServiceUnavailable => true,
///         OrderStatus::Ok
///         | OrderStatus::Created
///         | OrderStatus::NotFound
///         | OrderStatus::Missing => false,
///         other => other.is_server_error(),
///     }
/// }
/// assert!(retryable(OrderStatus::TooManyRequests));
/// ```
///
/// With a catch-all, every `u16` is a value, through every conversion alike, and values
/// compare, hash and order by code:
///
/// ```
/// use status_core::status_enum;
///
/// status_enum! {
///     pub enum ProxyStatus { Ok, 499, Other(u16) }
/// }
///
/// assert_eq!(ProxyStatus::from(499), ProxyStatus::ClientClosedRequest);
/// assert_eq!(ProxyStatus::from(404), ProxyStatus::Other(404));
/// assert_eq!(ProxyStatus::Other(404).reason(), "Not Found");
/// assert_eq!(ProxyStatus::from(599).to_string(), "599");
/// assert_eq!(ProxyStatus::from_code(700), Some(ProxyStatus::Other(700)));
/// assert_eq!("099".parse(), Ok(ProxyStatus::Other(99)));
/// assert_eq!(ProxyStatus::Other(499), ProxyStatus::ClientClosedRequest);
/// ```
///
/// Every mistake is a compile error at its token, all of them in one build:
///
/// ```compile_fail
/// status_core::status_enum! {
///     enum Broken { NotFund, 432, Ok, 200 }
/// }
/// ```
#[cfg(feature = "macros")]
#[cfg_attr(docsrs, doc(cfg(feature = "macros")))]
pub use status_macros::status_enum;

#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub mod utoipa;
