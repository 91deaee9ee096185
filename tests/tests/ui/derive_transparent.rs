use status_core::{HttpStatus, StatusCode};

#[derive(HttpStatus)]
pub enum ApiError {
    #[status(transparent)]
    NoField,
    #[status(transparent)]
    TwoFields(StatusCode, StatusCode),
    #[status(transparent)]
    Named { first: StatusCode, second: StatusCode },
}

#[derive(HttpStatus)]
#[status(transparent)]
pub enum Whole {
    #[status(404)]
    Missing,
}

#[derive(HttpStatus)]
#[status(transparent)]
pub struct Unit;

fn main() {}
