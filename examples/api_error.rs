//! The errors of the users API, shared by the axum example (which sends them) and the client
//! example (which decodes them): one declaration for both sides.

use std::collections::BTreeMap;

use axum::extract::rejection::PathRejection;
use status_core::{HttpStatus, StatusCode};

/// What the storage layer fails with.
#[derive(Debug, thiserror::Error)]
#[error("connection to the database refused")]
pub struct DbError;

/// The errors of the users API. `#[status(response)]` makes it an axum response: the mapped
/// status, the headers it names, and an RFC 9457 problem details body. With feature `utoipa`,
/// `openapi` documents those responses; the doc comments describe them.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500, response)] // default status; axum/actix-web responses
#[cfg_attr(feature = "utoipa", status(openapi))]
#[cfg_attr(feature = "client", status(client))] // decoded by the client example
pub enum ApiError {
    /// The request carries no valid token.
    #[error("authentication required")]
    #[status(401, header("WWW-Authenticate" = "Token"))] // a constant header
    Unauthorized,

    /// No user has this id.
    #[error("no user with id {0}")]
    #[status(404)]
    UserNotFound(#[status(member = "id")] u64), // the id as a member too

    /// Too many requests: retry after `Retry-After` seconds.
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[status(header = "Retry-After", member = "retry_after")] // a field as header and member
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
        #[status(member)] // extension member "errors"
        errors: BTreeMap<String, Vec<String>>,
    },

    /// An id that is not a number: the status axum gives the rejection (400).
    #[error(transparent)]
    #[status(transparent)] // the rejection's own status, known at run time
    BadId(#[from] PathRejection),

    /// The upstream service failed.
    #[error("upstream answered {status}")]
    Upstream {
        #[status(transparent)] // the status is this field's
        status: StatusCode,
        body: String,
    },

    /// The database failed.
    #[error("database error")]
    Database(#[from] DbError), // 500, detail hidden, logged with its source
}
