use status_core::HttpStatus;

// Header names and constant values are checked while compiling (RFC 9110, Sections 5.1, 5.5).
#[derive(Debug, HttpStatus)]
#[status(500, response)]
pub enum ApiError {
    #[status(404, header("Retry After" = "1"))]
    BadName,
    #[status(404, header("X-Note" = "two
lines"))]
    BadValue,
    #[status(404, header("X-Note" = " padded"))]
    Padded,
    #[status(404, header("Content-Type" = "text/plain"))]
    SetByResponse,
    #[status(429)]
    BadField {
        #[status(header = "Retry:After")]
        seconds: u32,
    },
    #[status(404, header())]
    Empty,
}

fn main() {}

// Error responses have `Display`: the errors above are the only ones.
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}

// A list of constant headers written otherwise: what each part is.
#[derive(Debug, HttpStatus)]
#[status(404, response)]
pub enum ListForms {
    #[status(404, header(X_A = "y"))]
    Ident,
    #[status(404, header("X-A" => "y"))]
    Arrow,
    #[status(404, header("X-A"))]
    NameOnly,
    #[status(404, header("X-A" = 1))]
    NotAString,
}

impl std::fmt::Display for ListForms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
