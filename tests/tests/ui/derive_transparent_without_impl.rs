use status_core::HttpStatus;

pub struct Plain;

#[derive(HttpStatus)]
pub enum ApiError {
    #[status(transparent)]
    Inner(Plain),
}

fn main() {}
