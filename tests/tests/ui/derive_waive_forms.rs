use status_core::HttpStatus;

// How `waive` is written, and what the type may waive.
#[derive(Debug, HttpStatus)]
#[status(500, response(parts), waive("Retry-After"), header("Retry-After" = "5"))]
pub enum Forms {
    #[status(401, waive())]
    Empty,
    #[status(401, waive(WWW_Authenticate))]
    NotAString,
    #[status(transparent, waive("Bad Name"))]
    BadName(u16),
    #[status(401, waive("WWW-Authenticate"sfx))]
    Suffix,
}

impl std::fmt::Display for Forms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("forms")
    }
}

fn main() {}
