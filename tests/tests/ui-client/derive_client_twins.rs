use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(500, response(parts), client)]
pub enum ApiError {
    #[status(404)]
    UserNotFound,
    #[status(404)]
    OrderNotFound { #[status(member)] order: u64 },
    // Told apart by its type: no error.
    #[status(404, type = "https://example.com/problems/no-invoice")]
    InvoiceNotFound,
    // Not decodable (its field is not sent): no error.
    #[status(404)]
    Hidden(String),
    #[status(409, type = "https://example.com/problems/taken")]
    Taken,
    #[status(Conflict, type = "https://example.com/problems/taken")]
    AlsoTaken,
    Internal,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("api error")
    }
}

fn main() {}
