use status_core::HttpStatus;

// Extension members may not take the problem document's own names, nor one twice.
#[derive(Debug, HttpStatus)]
#[status(500, response)]
pub enum ApiError {
    #[status(422)]
    Reserved {
        #[status(member)]
        status: u16,
        #[status(member = "detail")]
        text: String,
    },
    #[status(422)]
    Twice {
        #[status(member)]
        errors: Vec<String>,
        #[status(member = "errors")]
        more: Vec<String>,
    },
    #[status(422)]
    Unnamed(#[status(member)] Vec<String>),
}

fn main() {}

// Error responses have `Display`: the errors above are the only ones.
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("error")
    }
}
