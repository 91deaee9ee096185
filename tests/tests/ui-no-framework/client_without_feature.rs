use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(404, response(parts), client)]
pub struct Missing;

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("missing")
    }
}

fn main() {}
