use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(500, client)]
pub enum ApiError {
    #[status(404)]
    NotFound,
    Internal,
}

fn main() {}
