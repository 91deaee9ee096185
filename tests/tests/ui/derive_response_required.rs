use status_core::HttpStatus;

// RFC 9110 says these statuses MUST be sent with a header: without it, no build.
#[derive(Debug, HttpStatus)]
#[status(401, response)]
pub enum AuthError {
    Expired,
    Revoked,
    #[status(405)]
    WrongMethod,
    #[status(MethodNotAllowed)]
    AllowFromField {
        #[status(header = "Allow")]
        allowed: String,
    },
    #[status(426, header("Link" = "<https://example.com/tls>"))]
    Upgrade,
    #[status(401, header("WWW-Authenticate" = "Bearer"))]
    Fine,
}

fn main() {}

// Error responses have `Display`: the errors above are the only ones.
impl std::fmt::Display for AuthError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
