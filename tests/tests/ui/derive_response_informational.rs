use status_core::HttpStatus;

// A response is sent with a final status: a 1xx is refused at its token, whether written as
// a code or a name, on a variant or as the type's default.
#[derive(Debug, HttpStatus)]
#[status(500, response)]
pub enum Upgrade {
    #[status(101)]
    Switching,
    #[status(EARLY_HINTS)]
    Hints,
    #[status(404)]
    Missing,
}

#[derive(Debug, HttpStatus)]
#[status(Continue, response)]
pub enum DefaultOnly {
    Unannotated,
    #[status(409)]
    Conflict,
}

#[derive(Debug, HttpStatus)]
#[status(102)]
#[status(response)]
pub struct Processing;

// Without `response` a 1xx is a status like any other.
#[derive(Debug, HttpStatus)]
#[status(101)]
pub struct Switching;

fn main() {}

// Error responses have `Display`: the errors above are the only ones.
impl std::fmt::Display for Upgrade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for DefaultOnly {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for Processing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
