use status_core::HttpStatus;

// An error response shows the `Display` text and, with actix-web, the `Debug` one: a type
// without them is an error at the type, whatever features another crate turns on.
#[derive(HttpStatus)]
#[status(404, response(parts))]
pub struct NoDisplayNoDebug;

fn main() {}
