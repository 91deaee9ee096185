use status_core::HttpStatus;

// The problem `type` is an RFC 3986 URI reference.
#[derive(Debug, HttpStatus)]
#[status(500, response, type = "https://example.com/%zz")]
pub enum Types {
    #[status(404, type = "a#b#c")]
    TwoFragments,
    #[status(404, type = "http://[::1")]
    OpenBracket,
    #[status(404, type = "::::")]
    ColonFirst,
    #[status(404, type = "https://exa[mple.com/")]
    BracketInHost,
    #[status(404, type = "https://example.com/a b")]
    Space,
    #[status(404, type = "https://example.com:80a/")]
    BadPort,
    #[status(404, type = "1http://example.com/")]
    SchemeStartsWithDigit,
    #[status(404, type = "https://example.com/%4")]
    ShortPercent,
    #[status(404, type = "tag:example.com,2024:x")]
    Fine,
}

// String literals with a suffix are refused wherever they are.
#[derive(Debug, HttpStatus)]
#[status(500, response, type = "about:blank"sfx, title = "Oops"sfx)]
pub enum Suffixes {
    #[status(404, header("X-A"sfx = "1"))]
    HeaderName,
    #[status(404, header("X-B" = "1"sfx))]
    HeaderValue,
    #[status(404)]
    Fields {
        #[status(header = "X-C"sfx)]
        header: u32,
        #[status(member = "m"sfx)]
        member: u32,
    },
}

#[derive(Debug, HttpStatus)]
#[status(404, crate = "status_core"sfx)]
pub struct CratePath;

fn main() {}

// Error responses have `Display`: the errors above are the only ones.
impl std::fmt::Display for Types {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for Suffixes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
