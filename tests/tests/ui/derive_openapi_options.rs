use status_core::HttpStatus;

// `openapi` describes the error responses: without `response` there are none.
#[derive(HttpStatus)]
#[status(404, openapi)]
struct WithoutResponse;

#[derive(HttpStatus)]
#[status(404)]
#[status(openapi, openapi)]
struct Twice;

#[derive(HttpStatus)]
enum Misplaced {
    #[status(404, openapi)]
    OnAVariant,
    #[status(409)]
    OnAField(#[status(openapi)] u8),
}

fn main() {}
