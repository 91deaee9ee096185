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
#[status(500, response(parts, body = envelope, content_type = "application/json; charset=utf-8 "))]
pub struct Padded;

// The body is JSON: its media type says so.
#[derive(Debug, HttpStatus)]
#[status(500, response(parts, body = envelope, content_type = "text/plain"))]
pub struct Plain;

macro_rules! display {
    ($($t:ty),*) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("body")
            }
        }
    )*};
}
display!(NoBody, Bodies, Twice, NotAPath, Padded, Plain);

fn main() {}
