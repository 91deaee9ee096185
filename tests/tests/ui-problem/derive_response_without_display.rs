use status_core::HttpStatus;

// An error response shows the `Display` text as `detail`: a `response` type without it is one
// error, at the type, that says how to get it.
#[derive(Debug, HttpStatus)]
#[status(404, response)]
pub struct NoDisplay;

// And, with actix-web, the `Debug` text: a type without either is an error at the type, for
// each, whatever features another crate turns on.
#[derive(HttpStatus)]
#[status(404, response(parts))]
pub struct NoDisplayNoDebug;

fn main() {}
