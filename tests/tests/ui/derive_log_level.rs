use status_core::HttpStatus;

// `log` takes a level: the closest one is suggested.
#[derive(Debug, HttpStatus)]
#[status(500, response(parts), log = "warning")]
pub enum Levels {
    #[status(404, log = "Debug")]
    Capital,
    #[status(409, log = "loud")]
    Unknown,
    #[status(410, log = "off", log = "info")]
    Twice,
    #[status(429, log = "trace")]
    Fine,
}

impl std::fmt::Display for Levels {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("levels")
    }
}

fn main() {}
