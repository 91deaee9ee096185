//! An axum service whose handlers return `Result<_, ApiError>`:
//! `cargo run -p status-examples --example axum_errors --features axum`, then curl it.
//!
//! It listens on 127.0.0.1, port `PORT` (default 3000; `PORT=0` takes a free one), and prints
//! the curl commands to try. With `--features axum,utoipa` it also serves its OpenAPI document
//! at `/openapi.json`, the error responses derived from the same declaration that sends them.
//!
//! The README's "Error responses" section shows its `ApiError` (`api_error.rs`, shared with the
//! client example, which decodes what this sends), what these curl commands
//! print, and the line logged for the hidden 500: `tests/tests/readme.rs` checks all three
//! against this example, run.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::time::Duration;

mod api_error;

use api_error::{ApiError, DbError};
use axum::Router;
use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::routing::get;
use status_core::axum::ProblemLayer;
use status_core::problem::Document;
#[cfg(feature = "utoipa")]
use status_core::utoipa::ProblemDetails;
use status_core::{HttpStatus, StatusCode, status_enum};

/// The errors of the legacy orders API, whose clients parse `{"errors":[...]}`: its own body,
/// with the derived status, headers and log.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, response(body = envelope))] // the body `envelope` builds, as application/json
#[cfg_attr(feature = "utoipa", status(openapi))]
pub enum OrderError {
    /// Too many orders: retry after `Retry-After` seconds, when the limiter knows.
    #[error("too many orders")]
    #[status(429, log = "warn")] // one event at WARN per response
    TooManyOrders {
        #[status(header = "Retry-After")] // seconds, rounded up; no header when `None`
        retry_after: Option<Duration>,
    },

    /// No token: the legacy API never sent a challenge, and its clients expect none.
    #[error("token missing")]
    #[status(401, waive("WWW-Authenticate"))] // RFC 9110 requires it; waived, visibly
    TokenMissing,

    /// A path that names no status of these: axum's rejection, in the envelope too.
    #[error(transparent)]
    #[status(transparent)]
    BadPath(#[from] PathRejection),
}

/// The body legacy clients parse: the problem document, inside `errors`.
#[derive(serde::Serialize)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
pub struct Envelope<'a> {
    // `Document` has no schema of its own: the problem document's, for any error.
    #[cfg_attr(feature = "utoipa", schema(value_type = Vec<ProblemDetails>, inline))]
    errors: [Document<'a, OrderError>; 1],
}

fn envelope(error: &OrderError) -> Envelope<'_> {
    Envelope {
        errors: [Document(error)],
    }
}

status_enum! {
    /// The statuses `/orders/{status}` answers with.
    #[status(serde)]
    #[cfg_attr(feature = "utoipa", status(openapi))]
    pub enum OrderStatus { 401, 429 }
}

/// Answers with one of the legacy API's errors, to show them.
#[cfg_attr(feature = "utoipa", utoipa::path(
    get,
    path = "/orders/{status}",
    params(("status" = OrderStatus, Path, description = "The status of the error to answer with")),
    responses(OrderError),
))]
async fn order(status: Result<Path<OrderStatus>, PathRejection>) -> OrderError {
    match status {
        Err(rejection) => rejection.into(),
        Ok(Path(OrderStatus::Unauthorized)) => OrderError::TokenMissing,
        Ok(Path(OrderStatus::TooManyRequests)) => OrderError::TooManyOrders {
            retry_after: Some(Duration::from_millis(29_200)),
        },
    }
}

/// Gets a user's name.
#[cfg_attr(feature = "utoipa", utoipa::path(
    get,
    path = "/users/{id}",
    params(("id" = u64, Path, description = "The user's id")),
    responses(
        (status = 200, description = "The user's name", body = String, content_type = "text/plain"),
        ApiError,
    ),
))]
// Taking the extractor's `Result` turns its rejection into an `ApiError` response too.
async fn user(id: Result<Path<u64>, PathRejection>) -> Result<String, ApiError> {
    match id? {
        Path(1) => Ok("alice\n".to_owned()),
        Path(id) => Err(ApiError::UserNotFound(id)),
    }
}

status_enum! {
    /// The statuses `/errors/{status}` answers with, one error each.
    #[status(serde)]
    #[cfg_attr(feature = "utoipa", status(openapi))]
    pub enum Shown { 401, 422, 429, 500, 502 }
}

/// Answers with one of the other errors, to show them.
#[cfg_attr(feature = "utoipa", utoipa::path(
    get,
    path = "/errors/{status}",
    params(("status" = Shown, Path, description = "The status of the error to answer with")),
    responses(ApiError),
))]
async fn error(status: Result<Path<Shown>, PathRejection>) -> ApiError {
    match status {
        Err(rejection) => rejection.into(),
        Ok(Path(Shown::Unauthorized)) => ApiError::Unauthorized,
        Ok(Path(Shown::UnprocessableContent)) => ApiError::Invalid {
            errors: BTreeMap::from([("username".to_owned(), vec!["taken".to_owned()])]),
        },
        Ok(Path(Shown::TooManyRequests)) => ApiError::RateLimited { seconds: 30 },
        Ok(Path(Shown::InternalServerError)) => DbError.into(),
        Ok(Path(Shown::BadGateway)) => ApiError::Upstream {
            status: StatusCode::BadGateway,
            body: "<html>proxy error</html>".to_owned(),
        },
    }
}

/// Every error the service sends as a problem document: the router's and middleware's too
/// (no route, wrong method, a rejection's text), each with `instance` from the request's id.
fn with_problems(routes: Router) -> Router {
    routes.layer(ProblemLayer::new().instance_from_header("x-request-id"))
}

/// The routes, and with feature `utoipa` the OpenAPI document of them at `/openapi.json`.
fn app() -> Router {
    let app = Router::new()
        .route("/users/{id}", get(user))
        .route("/errors/{status}", get(error))
        .route("/orders/{status}", get(order));
    #[cfg(feature = "utoipa")]
    let app = {
        use status_core::utoipa::ProblemResponses;
        use utoipa::OpenApi;

        #[derive(OpenApi)]
        #[openapi(
            info(title = "users", version = "1.0.0"),
            paths(user, error, order),
            components(schemas(Shown, OrderStatus)),
            modifiers(&ProblemResponses)
        )]
        struct UsersApi;

        app.route(
            "/openapi.json",
            get(|| async { axum::Json(UsersApi::openapi()) }),
        )
    };
    with_problems(app)
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    // Hidden details are logged (status-core feature `tracing`), with target
    // `status_core::problem`: print them, in colour only on a terminal.
    tracing_subscriber::fmt()
        .with_ansi(std::io::stdout().is_terminal())
        .init();
    let port = std::env::var("PORT").unwrap_or_else(|_| "3000".to_owned());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    let base = format!("http://{}", listener.local_addr()?);
    println!("Listening on {base}. Try:");
    for path in ["users/1", "users/7", "users/seven", "nowhere"] {
        println!("  curl -i {base}/{path}");
    }
    for status in Shown::ALL {
        println!("  curl -i {base}/errors/{}", status.code());
    }
    for status in OrderStatus::ALL {
        println!("  curl -i {base}/orders/{}", status.code());
    }
    if cfg!(feature = "utoipa") {
        println!("  curl {base}/openapi.json");
    }
    println!("Ctrl-C to stop.");
    axum::serve(listener, app()).await
}
