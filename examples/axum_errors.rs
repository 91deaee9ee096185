//! An axum service whose handlers return `Result<_, ApiError>`:
//! `cargo run -p status-examples --example axum_errors --features axum`, then curl it.

use axum::Router;
use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::routing::get;
use status_core::HttpStatus;

/// The errors of the users API. `#[status(response)]` makes it an axum response: the mapped
/// status and an RFC 9457 problem details body.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500)]
#[status(response)]
pub enum ApiError {
    #[error("no user with id {0}")]
    #[status(404)]
    UserNotFound(u64),
    #[error("too many requests: retry in {retry_after}s")]
    #[status(TooManyRequests)]
    RateLimited { retry_after: u32 },
    /// An id that is not a number: the status axum gives the rejection (400), known only at
    /// run time.
    #[error(transparent)]
    #[status(transparent)]
    BadId(#[from] PathRejection),
    /// 5xx: clients see the status and title only, never this text.
    #[error("database password rejected")]
    Database,
}

// Taking the extractor's `Result` turns its rejection into an `ApiError` response too.
async fn user(id: Result<Path<u64>, PathRejection>) -> Result<String, ApiError> {
    let Path(id) = id?;
    match id {
        1 => Ok("alice\n".to_owned()),
        429 => Err(ApiError::RateLimited { retry_after: 30 }),
        500 => Err(ApiError::Database),
        _ => Err(ApiError::UserNotFound(id)),
    }
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    let base = format!("http://{}", listener.local_addr()?);
    println!("Listening on {base}. Try:");
    for id in ["1", "7", "429", "500", "seven"] {
        println!("  curl -i {base}/users/{id}");
    }
    println!("Ctrl-C to stop.");
    axum::serve(listener, Router::new().route("/users/{id}", get(user))).await
}
