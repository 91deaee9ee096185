//! An actix-web service whose handlers return `Result<_, ApiError>`:
//! `cargo run -p status-examples --example actix_errors --features actix-web`, then curl it.
//!
//! It listens on 127.0.0.1, port `PORT` (default 3000; `PORT=0` takes a free one), and prints
//! the curl commands to try.

use actix_web::error::PathError;
use actix_web::web::{self, PathConfig};
use actix_web::{App, HttpServer, ResponseError, get};
use status_core::HttpStatus;
use status_core::actix_web::ToActix;

/// The errors of the users API. `#[status(response)]` implements actix-web's `ResponseError`:
/// the mapped status and an RFC 9457 problem details body.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500)]
#[status(response)]
pub enum ApiError {
    #[error("no user with id {0}")]
    #[status(404)]
    UserNotFound(u64),
    #[error("too many requests: retry in {retry_after}s")]
    #[status(TooManyRequests)]
    RateLimited {
        /// Sent as `Retry-After`, as the text says.
        #[status(header = "Retry-After")]
        retry_after: u32,
    },
    /// An id that is not a number: the status actix-web's `PathError` has, 400, known only at
    /// run time. (Without the error handler below, actix-web answers 404 in plain text.)
    #[error(transparent)]
    #[status(transparent)]
    BadId(#[from] PathError),
    /// 5xx: clients see the status and title only, never this text.
    #[error("database password rejected")]
    Database,
}

/// The health check answers in plain text, so its `ResponseError` is written by hand; the
/// status still comes from the derive, through `ToActix::to_actix()` (actix-web 4 is on `http`
/// 0.2, so `ToHttp::to_http()` would not fit).
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum HealthError {
    #[error("down for maintenance until 18:00 UTC\n")]
    #[status(ServiceUnavailable)]
    Maintenance,
}

impl ResponseError for HealthError {
    fn status_code(&self) -> actix_web::http::StatusCode {
        self.to_actix()
    }
    // The provided `error_response` sends `status_code()` with the `Display` text.
}

#[get("/users/{id}")]
async fn user(id: web::Path<u64>) -> Result<String, ApiError> {
    match *id {
        1 => Ok("alice\n".to_owned()),
        429 => Err(ApiError::RateLimited { retry_after: 30 }),
        500 => Err(ApiError::Database),
        id => Err(ApiError::UserNotFound(id)),
    }
}

#[get("/health")]
async fn health() -> Result<String, HealthError> {
    Err(HealthError::Maintenance)
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let port = match std::env::var("PORT") {
        Ok(port) => port.parse().map_err(|_| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("PORT={port} is no port number"),
            )
        })?,
        Err(_) => 3000,
    };
    let server = HttpServer::new(|| {
        App::new()
            // A bad path parameter becomes an `ApiError` response too.
            .app_data(PathConfig::default().error_handler(|error, _| ApiError::from(error).into()))
            .service(user)
            .service(health)
    })
    .bind(("127.0.0.1", port))?;
    let base = format!("http://{}", server.addrs()[0]);
    println!("Listening on {base}. Try:");
    for path in [
        "users/1",
        "users/7",
        "users/429",
        "users/500",
        "users/seven",
        "health",
    ] {
        println!("  curl -i {base}/{path}");
    }
    println!("Ctrl-C to stop.");
    server.run().await
}
