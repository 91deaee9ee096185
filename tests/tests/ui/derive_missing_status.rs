use status_core::HttpStatus;

#[derive(HttpStatus)]
pub enum ApiError {
    #[status(404)]
    Missing,
    Unmapped,
    AlsoUnmapped(String),
}

#[derive(HttpStatus)]
pub struct NoStatus;

fn main() {}
