use status_core::HttpStatus;

// Header fields the server or the protocol owns are refused, in any letter case; `Upgrade`
// only with 426, never on the type of an enum.
#[derive(Debug, HttpStatus)]
#[status(500, response, header("Upgrade" = "h2c"))]
pub enum Owned {
    #[status(404, header("Content-Encoding" = "gzip"))]
    Gzip,
    #[status(404, header("connection" = "close", "Keep-Alive" = "timeout=5"))]
    Connection,
    #[status(404, header("Proxy-Connection" = "close", "TE" = "trailers"))]
    Hop,
    #[status(404, header("Trailer" = "X-Sum", "HOST" = "example.com"))]
    Request,
    #[status(404, header("Transfer-Encoding" = "chunked", "Content-Length" = "0"))]
    Framing,
    #[status(404, header("Content-Type" = "text/plain"))]
    ContentType,
    #[status(404, header("Upgrade" = "TLS/1.3"))]
    UpgradeNot426,
    #[status(426, header("Upgrade" = "TLS/1.3"))]
    UpgradeRequired,
    #[status(426)]
    UpgradeField {
        #[status(header = "upgrade")]
        protocol: String,
    },
    #[status(404)]
    OwnedField {
        #[status(header = "content-length")]
        length: u32,
    },
}

// A struct's own header: `Upgrade` is accepted with 426 (the error is the title's).
#[derive(Debug, HttpStatus)]
#[status(426, response, header("Upgrade" = "TLS/1.3"), title = "")]
pub struct StructUpgrade;

// The same name twice in one place is an error at the second; a variant's header replaces the
// type's.
#[derive(Debug, HttpStatus)]
#[status(500, response, header("X-A" = "1"), header("x-a" = "2"))]
pub enum Twice {
    #[status(404, header("X-B" = "1", "X-b" = "2"))]
    TwoConstants,
    #[status(429, header("Retry-After" = "5"))]
    ConstantAndField {
        #[status(header = "retry-after")]
        seconds: u32,
    },
    #[status(429)]
    TwoFields {
        #[status(header = "Retry-After")]
        a: u32,
        #[status(header = "Retry-After")]
        b: u32,
    },
    #[status(404, header("X-A" = "variant"))]
    ReplacesTheTypes,
}

#[derive(Debug, HttpStatus)]
#[status(404, response, header("X-A" = "1"))]
pub struct StructTwice {
    #[status(header = "X-A")]
    a: u32,
}

// A required header's constant value is not empty.
#[derive(Debug, HttpStatus)]
#[status(500, response)]
pub enum Empty {
    #[status(401, header("WWW-Authenticate" = ""))]
    EmptyChallenge,
    #[status(407, header("Proxy-Authenticate" = ""))]
    EmptyProxyChallenge,
    // An empty `Allow` is a resource that allows no method (RFC 9110, Section 10.2.1).
    #[status(405, header("Allow" = ""))]
    NoMethods,
    #[status(404, header("X-Empty" = ""))]
    NotRequired,
}

#[derive(Debug, HttpStatus)]
#[status(500, response, header("WWW-Authenticate" = ""))]
pub enum EmptyOnTheType {
    #[status(401)]
    First,
    #[status(401)]
    Second,
    #[status(404)]
    NotRequired,
}

fn main() {}

// Error responses have `Display`: the errors above are the only ones.
impl std::fmt::Display for Owned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for StructUpgrade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for Twice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for StructTwice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for Empty {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
impl std::fmt::Display for EmptyOnTheType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
