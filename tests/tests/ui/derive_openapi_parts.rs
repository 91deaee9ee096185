use status_core::HttpStatus;

/// The framework impls are written by hand: what they send is unknown to the derive.
#[derive(Debug, HttpStatus)]
#[status(404, response(parts), openapi)]
pub struct Missing;

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("missing")
    }
}

fn main() {}
