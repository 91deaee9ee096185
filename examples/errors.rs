//! Error types mapped to HTTP statuses: `cargo run --example errors`.

use status_core::{HttpStatus, StatusCode, status};

/// Failures of the storage layer, each with its own status.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum StoreError {
    #[error("the store is read-only during maintenance")]
    #[status(ServiceUnavailable)]
    ReadOnly,
    #[error("version {expected} expected, found {found}")]
    #[status(CONFLICT)]
    StaleWrite { expected: u64, found: u64 },
}

/// The error every handler returns. Unannotated variants take the enum's default, 500.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500)]
pub enum ApiError {
    #[error("no user with id {0}")]
    #[status(404)]
    UserNotFound(u64),
    #[error("too many requests, retry in {retry_after}s")]
    #[status(TooManyRequests)]
    RateLimited { retry_after: u32 },
    #[error("the upload is {0} bytes, over the limit")]
    #[status(413)]
    TooLarge(usize),
    /// The store decides: 503 or 409, whatever it said.
    #[error(transparent)]
    #[status(transparent)]
    Store(#[from] StoreError),
    #[error("configuration is broken: {0}")]
    Config(String),
}

/// A single-purpose error can be a struct.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("the session expired")]
#[status(UNAUTHORIZED)]
pub struct SessionExpired;

/// What `main` lists: anything with a status and a message.
trait Reported: HttpStatus + std::fmt::Display {}
impl<T: HttpStatus + std::fmt::Display> Reported for T {}

fn status_line(error: &dyn Reported) -> String {
    format!("HTTP/1.1 {} {}", error.code(), error.reason())
}

fn main() {
    let errors: Vec<Box<dyn Reported>> = vec![
        Box::new(ApiError::UserNotFound(42)),
        Box::new(ApiError::RateLimited { retry_after: 30 }),
        Box::new(ApiError::TooLarge(10 << 20)),
        Box::new(ApiError::from(StoreError::ReadOnly)),
        Box::new(ApiError::from(StoreError::StaleWrite {
            expected: 7,
            found: 9,
        })),
        Box::new(ApiError::Config("missing DATABASE_URL".into())),
        Box::new(SessionExpired),
    ];
    println!("Each error, the status line a server would send, and whether to blame the client:\n");
    for error in &errors {
        let blame = if error.is_client_error() {
            "client"
        } else {
            "server"
        };
        println!(
            "{:<36} {:<46} ({blame})",
            status_line(error.as_ref()),
            error.to_string()
        );
    }

    // Statuses from the derive compare with the compile-time checked `status!`.
    let retry = errors
        .iter()
        .filter(|error| {
            matches!(
                StatusCode::from_code(error.code()),
                Some(status!(TooManyRequests) | status!(ServiceUnavailable))
            )
        })
        .count();
    println!(
        "\n{retry} of {} errors ask the client to retry later.",
        errors.len()
    );
}
