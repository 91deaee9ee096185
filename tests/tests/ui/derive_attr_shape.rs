use status_core::HttpStatus;

#[derive(HttpStatus)]
pub enum ApiError {
    #[status(code = 404)]
    Key,
    #[status]
    Bare,
    #[status()]
    Empty,
    #[status(404, 405)]
    Two,
    #[status(code(404))]
    Call,
}

#[derive(HttpStatus)]
#[status(404)]
pub struct OnField {
    #[status(500)]
    inner: u32,
}

#[derive(HttpStatus)]
pub enum OnVariantField {
    #[status(400)]
    Bad(#[status(404)] u32),
}

fn main() {}
