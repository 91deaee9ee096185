use status_core::HttpStatus;

#[derive(HttpStatus)]
pub enum ApiError {
    #[status(404)]
    #[status(410)]
    Gone,
}

#[derive(HttpStatus)]
#[status(500)]
#[status(502)]
pub struct Upstream;

fn main() {}
