//! An axum service whose handlers return `Result<_, ApiError>`:
//! `cargo run -p status-examples --example axum_errors --features axum`, then curl it.

use std::collections::BTreeMap;

use axum::Router;
use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::routing::get;
use status_core::HttpStatus;

/// What the storage layer fails with.
#[derive(Debug, thiserror::Error)]
#[error("connection to the database refused")]
pub struct DbError;

/// The errors of the users API. `#[status(response)]` makes it an axum response: the mapped
/// status, the headers it names, and an RFC 9457 problem details body.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, response)]
pub enum ApiError {
    #[error("authentication required")]
    #[status(401, header("WWW-Authenticate" = "Token"))]
    Unauthorized,

    #[error("no user with id {0}")]
    #[status(404)]
    UserNotFound(u64),

    #[error("slow down")]
    #[status(429)]
    RateLimited {
        /// Sent as `Retry-After`, and as the member `retry_after` of the document.
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

    /// An id that is not a number: the status axum gives the rejection (400), known only at
    /// run time.
    #[error(transparent)]
    #[status(transparent)]
    BadId(#[from] PathRejection),

    /// 5xx: clients see the status and title only; the server logs the error and its cause.
    #[error("database error")]
    Database(#[from] DbError),
}

// Taking the extractor's `Result` turns its rejection into an `ApiError` response too.
async fn user(id: Result<Path<u64>, PathRejection>) -> Result<String, ApiError> {
    let Path(id) = id?;
    match id {
        1 => Ok("alice\n".to_owned()),
        401 => Err(ApiError::Unauthorized),
        422 => Err(ApiError::Invalid {
            errors: BTreeMap::from([("username".to_owned(), vec!["taken".to_owned()])]),
        }),
        429 => Err(ApiError::RateLimited { seconds: 30 }),
        500 => Err(DbError.into()),
        _ => Err(ApiError::UserNotFound(id)),
    }
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    // Hidden details are logged (status-core feature `tracing`): print them.
    tracing_subscriber::fmt().with_target(false).init();
    let port = std::env::var("PORT").unwrap_or_else(|_| "3000".to_owned());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    let base = format!("http://{}", listener.local_addr()?);
    println!("Listening on {base}. Try:");
    for id in ["1", "7", "401", "422", "429", "500", "seven"] {
        println!("  curl -i {base}/users/{id}");
    }
    println!("Ctrl-C to stop.");
    axum::serve(listener, Router::new().route("/users/{id}", get(user))).await
}
