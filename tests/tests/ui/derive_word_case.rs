use status_core::{HttpStatus, StatusCode};

// Words are lowercase: one written in another case is that word, not a status name.
#[derive(Debug, HttpStatus)]
#[status(500, Response, OpenApi)]
pub struct Capitalized;

#[derive(Debug, HttpStatus)]
#[status(500, response)]
pub enum Variants {
    #[status(Transparent)]
    Relayed(StatusCode),
    #[status(404, DETAIL)]
    Shouted,
    #[status(400)]
    Field {
        #[status(Member)]
        value: u32,
    },
}

fn main() {}

// Error responses have `Display`: the errors above are the only ones.
impl std::fmt::Display for Capitalized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for Variants {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
