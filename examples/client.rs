//! A client of the axum example: each error it sends, decoded with reqwest into the same
//! `ApiError` the server declares (`examples/api_error.rs`). Start the server, then
//! `cargo run -p status-examples --example client --features client` (`BASE`, default
//! `http://127.0.0.1:3000`).
//!
//! A variant whose fields were all sent comes back as itself; one with a field the server does
//! not send (the hidden source of `Database`, the body of `Upstream`) comes back as the document
//! it is; a body that is no problem document, as its status.

// Decoding builds only the variants whose fields were all sent.
#[allow(dead_code)]
mod api_error;

use std::time::Duration;

use api_error::ApiError;
use status_core::reqwest::{ClientError, ResponseExt};

/// What the client asks, in order.
const PATHS: [&str; 8] = [
    "/users/1",
    "/users/7",
    "/errors/401",
    "/errors/422",
    "/errors/429",
    "/errors/500",
    "/errors/502",
    "/nowhere",
];

#[tokio::main]
async fn main() -> Result<(), reqwest::Error> {
    let base = std::env::var("BASE").unwrap_or_else(|_| "http://127.0.0.1:3000".to_owned());
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()?;
    for path in PATHS {
        let response = client.get(format!("{base}{path}")).send().await?;
        let error = match response.error_for_problem::<ApiError>().await {
            Ok(response) => {
                println!("{path}: ok, {:?}", response.text().await?);
                continue;
            }
            Err(error) => error,
        };
        let wait = (error.retry_after()).map(|wait| format!(", retry after {wait:?}"));
        let wait = wait.unwrap_or_default();
        match error {
            ClientError::Api { error, status, .. } => println!("{path}: {status} {error:?}{wait}"),
            ClientError::Problem {
                problem, status, ..
            } => println!("{path}: {status} another document: {problem}"),
            ClientError::Status { status, body, .. } => {
                println!("{path}: {status} no document: {body:?}");
            }
            ClientError::Transport(error) => return Err(error),
        }
    }
    Ok(())
}
