use status_core::HttpStatus;

// Response words on a type without `response`, and words in the wrong place.
#[derive(Debug, HttpStatus)]
#[status(500)]
pub enum NotAResponse {
    #[status(404, title = "Missing")]
    Titled,
    #[status(429)]
    WithHeader {
        #[status(header = "Retry-After")]
        seconds: u32,
    },
    #[status(404, member)]
    MemberOnVariant,
    #[status(404)]
    WithMember(#[status(member = "m", title = "t")] u8),
}

#[derive(Debug, HttpStatus)]
#[status(404, response, header = "X-A", type = "a", type = "b")]
pub struct OnType;

#[derive(Debug, HttpStatus)]
#[status(404, response(body))]
pub struct BadParts;

fn main() {}

// Error responses have `Display`: the errors above are the only ones.
impl std::fmt::Display for OnType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for BadParts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
