use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(500, detail)]
pub enum DetailAlone {
    #[status(404, response)]
    OnVariant,
}

#[derive(Debug, HttpStatus)]
#[status(response)]
#[status(404, response)]
pub struct Twice;

fn main() {}

// Error responses have `Display`: the errors above are the only ones.
impl std::fmt::Display for Twice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
