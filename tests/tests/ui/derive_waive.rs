use status_core::HttpStatus;

// `waive` is for a header the status requires and the response does not send.
#[derive(Debug, HttpStatus)]
#[status(500, response(parts), waive("Retry-After"))]
pub enum Waivers {
    #[status(404, waive("WWW-Authenticate"))]
    NotRequired,
    #[status(401, waive("WWW-Authenticate"), header("WWW-Authenticate" = "Bearer"))]
    WaivedAndSent,
    #[status(401, waive("www-authenticate"))]
    WaivedAndSentByField {
        #[status(header = "WWW-Authenticate")]
        challenge: String,
    },
    #[status(401, waive("WWW-Authenticate"))]
    Fine,
    #[status(407)]
    Missing,
}

impl std::fmt::Display for Waivers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("waivers")
    }
}

fn main() {}
