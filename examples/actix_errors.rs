//! An actix-web service whose handlers return `Result<_, ApiError>`:
//! `cargo run -p status-examples --example actix_errors --features actix-web`, then curl it.

use actix_web::{App, HttpServer, get, web};
use status_core::HttpStatus;

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
    RateLimited { retry_after: u32 },
    /// 5xx: clients see the status and title only, never this text.
    #[error("database password rejected")]
    Database,
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

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let server = HttpServer::new(|| App::new().service(user)).bind(("127.0.0.1", 3000))?;
    let base = format!("http://{}", server.addrs()[0]);
    println!("Listening on {base}. Try:");
    for id in [1, 7, 429, 500] {
        println!("  curl -i {base}/users/{id}");
    }
    println!("Ctrl-C to stop.");
    server.run().await
}
