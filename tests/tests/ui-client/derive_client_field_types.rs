use status_core::HttpStatus;

/// Sent (it is `Serialize`), but not read back.
#[derive(Debug, serde::Serialize)]
pub struct OnlySerialize;

/// Sent by its `Display`, but not parsed back.
#[derive(Debug)]
pub struct OnlyDisplay;

impl std::fmt::Display for OnlyDisplay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("only")
    }
}

#[derive(Debug, HttpStatus)]
#[status(500, response(parts), client)]
pub enum ApiError {
    #[status(422)]
    Invalid {
        #[status(member)]
        errors: OnlySerialize,
    },
    #[status(429)]
    Limited {
        #[status(header = "X-Hint")]
        hint: OnlyDisplay,
    },
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("api error")
    }
}

fn main() {}
