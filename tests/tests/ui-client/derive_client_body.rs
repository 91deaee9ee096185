use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(500, response(parts, body = envelope), client)]
pub enum ApiError {
    #[status(404)]
    NotFound,
    Internal,
}

fn envelope(error: &ApiError) -> String {
    error.to_string()
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("api error")
    }
}

fn main() {}
