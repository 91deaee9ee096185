use status_core::HttpStatus;

fn envelope(error: &Bodies) -> String {
    error.to_string()
}

// `content_type` goes with `body`, and is a media type.
#[derive(Debug, HttpStatus)]
#[status(500, response(parts, content_type = "application/json"))]
pub struct NoBody;

#[derive(Debug, HttpStatus)]
#[status(500, response(parts, body = envelope, content_type = "json"))]
pub struct Bodies;

#[derive(Debug, HttpStatus)]
#[status(500, response(parts, body = envelope, body = envelope))]
pub struct Twice;

#[derive(Debug, HttpStatus)]
#[status(500, response(parts, body = "not a path!"))]
pub struct NotAPath;

#[derive(Debug, HttpStatus)]
#[status(500, response(parts, body = envelope, content_type = "text/plain; charset=utf-8 "))]
pub struct Padded;

macro_rules! display {
    ($($t:ty),*) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("body")
            }
        }
    )*};
}
display!(NoBody, Bodies, Twice, NotAPath, Padded);

fn main() {}
