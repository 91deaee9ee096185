use status_core::HttpStatus;

// The problem `type` is a URI reference (RFC 9457, Section 3.1.1).
#[derive(Debug, HttpStatus)]
#[status(500, response, type = "problems/out of stock")]
pub enum ApiError {
    #[status(404, type = "")]
    Missing,
    Other,
}

fn main() {}

// Error responses have `Display`: the errors above are the only ones.
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
