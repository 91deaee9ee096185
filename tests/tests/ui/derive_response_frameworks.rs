use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(404, response(axm))]
pub struct Misspelled;

#[derive(Debug, HttpStatus)]
#[status(404, response(actix-web))]
pub struct Hyphen;

#[derive(Debug, HttpStatus)]
#[status(404, response(axum, tower, Parts))]
pub struct Several;

#[derive(Debug, HttpStatus)]
#[status(404, response())]
pub struct Empty;

#[derive(Debug, HttpStatus)]
#[status(404, response(parts, axum))]
pub struct PartsAndFramework;

#[derive(Debug, HttpStatus)]
#[status(404, response(axum, actix_web, axum))]
pub struct Twice;

#[derive(Debug, HttpStatus)]
#[status(404, response("axum"))]
pub struct NotAWord;

#[derive(Debug, HttpStatus)]
#[status(404, response(axum actix_web))]
pub struct NoComma;

fn main() {}

// Error responses have `Display`: the errors above are the only ones.
impl std::fmt::Display for Misspelled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for Hyphen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for Several {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for Empty {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for PartsAndFramework {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for Twice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for NotAWord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for NoComma {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
