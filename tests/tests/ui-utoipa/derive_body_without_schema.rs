use status_core::HttpStatus;

#[derive(serde::Serialize)]
pub struct Envelope {
    error: String,
}

fn envelope(error: &Documented) -> Envelope {
    Envelope {
        error: error.to_string(),
    }
}

// With `openapi`, the body's type documents the responses: it needs `ToSchema`.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("documented")]
#[status(500, response(body = envelope), openapi)]
pub struct Documented;

fn main() {}
