use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(500, response(parts), client)]
pub enum ApiError {
    #[status(404)]
    UserNotFound,
    // Both decode: error here.
    #[status(404)]
    OrderNotFound { #[status(member)] order: u64 },
    // Told apart by its type: no error.
    #[status(404, type = "https://example.com/problems/no-invoice")]
    InvoiceNotFound,
    // Its field is not sent, so its document would decode as `UserNotFound`: error here.
    #[status(404)]
    Hidden(String),
    #[status(409, type = "https://example.com/problems/taken")]
    Taken,
    #[status(Conflict, type = "https://example.com/problems/taken")]
    AlsoTaken,
    // Two that do not decode: no error (neither decodes).
    #[status(502)]
    Proxy(String),
    #[status(502)]
    Gateway(String),
    Internal,
}

/// The type's `type` is every variant's.
#[derive(Debug, HttpStatus)]
#[status(500, response(parts), client, type = "https://example.com/problems/orders")]
pub enum OrderError {
    #[status(404)]
    Missing,
    #[status(404)]
    Gone,
}

macro_rules! display {
    ($($ty:ident),*) => {$(
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("error")
            }
        }
    )*};
}

display!(ApiError, OrderError);

fn main() {}
