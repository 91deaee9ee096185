//! The OpenAPI document of a users API, its error responses derived from the same declarations
//! that send them: `cargo run -p status-examples --example openapi --features utoipa`.

use std::collections::BTreeMap;

use status_core::{HttpStatus, status_enum};
use utoipa::OpenApi;

/// The errors of the users API. `response` makes them RFC 9457 problem details responses;
/// `openapi` describes those responses: one per status, with their headers and members.
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

    /// Some fields are invalid: `errors` says which, and why.
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

    /// The user service's own errors: its statuses are documented here too.
    #[error(transparent)]
    #[status(transparent)]
    Users(UserError),

    /// The database failed.
    #[error("database error")]
    Database,

    /// The cache failed.
    #[error("cache error")]
    Cache,
}

/// The errors of the user service, documented on their own.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(response, openapi)]
pub enum UserError {
    /// No user has this id.
    #[error("no user {0}")]
    #[status(404)]
    NotFound(u64),
    /// The name is taken.
    #[error("the name is taken")]
    #[status(409)]
    Taken,
}

status_enum! {
    /// What the users API answers with, as a schema: an integer enum of the codes.
    #[status(openapi)]
    pub enum UsersStatus { Ok, Created, 4xx }
}

/// Gets a user.
#[utoipa::path(
    get,
    path = "/users/{id}",
    params(("id" = u64, Path, description = "The user's id")),
    responses((status = 200, description = "The user"), ApiError)
)]
#[allow(dead_code)]
fn get_user() {}

#[derive(OpenApi)]
#[openapi(paths(get_user), components(schemas(UsersStatus)))]
struct UsersApi;

fn main() {
    let document = UsersApi::openapi()
        .to_pretty_json()
        .expect("a document serializes");
    println!("{document}");
}
