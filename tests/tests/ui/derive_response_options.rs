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
