use status_core::{HttpStatus, StatusCode};

// A misspelled word is an unknown word, with the closest known word for its place.
#[derive(Debug, HttpStatus)]
#[status(500, respone)]
pub struct Respone;

#[derive(Debug, HttpStatus)]
#[status(500, response, opeanpi)]
pub struct Opeanpi;

#[derive(Debug, HttpStatus)]
#[status(500, response, details)]
pub struct Details;

#[derive(Debug, HttpStatus)]
#[status(500, response)]
pub enum Variants {
    #[status(transparant)]
    Transparant(StatusCode),
    // A word that takes no value, given one.
    #[status(404, detail = true)]
    DetailValue,
    // Nothing close: what a variant takes.
    #[status(404, colour)]
    Colour,
    // Close to a word of another place.
    #[status(404, respone)]
    ResponseOnVariant,
    #[status(404, titel = "Missing")]
    Titel,
    #[status(404, title)]
    TitleWithoutValue,
    #[status(404, headers("X-A" = "1"))]
    Headers,
}

#[derive(Debug, HttpStatus)]
#[status(500, response)]
pub enum Fields {
    #[status(400)]
    Empty {
        #[status()]
        value: u32,
    },
    #[status(400)]
    Bare {
        #[status]
        value: u32,
    },
    #[status(400)]
    Standard {
        #[status(member = "instance")]
        value: u32,
    },
    #[status(400)]
    StandardByName {
        #[status(member)]
        status: u32,
    },
    #[status(400)]
    Membr {
        #[status(membr)]
        value: u32,
    },
    #[status(400)]
    Hedaer {
        #[status(hedaer = "X-A")]
        value: u32,
    },
    #[status(400)]
    MemberList {
        #[status(member(name))]
        value: u32,
    },
}

fn main() {}

// Error responses have `Display`: the errors above are the only ones.
impl std::fmt::Display for Opeanpi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for Details {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for Variants {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for Fields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for Respone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
