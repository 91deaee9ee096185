use status_core::HttpStatus;

#[derive(Debug)]
pub struct NotSerialize;

#[derive(Debug)]
pub struct NotDisplay;

// A member needs `serde::Serialize`, a header field `Display`: each error at the field's type.
#[derive(Debug, HttpStatus)]
#[status(422, response)]
pub struct Invalid {
    #[status(member)]
    errors: NotSerialize,
    #[status(header = "X-Hint")]
    hint: NotDisplay,
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("invalid")
    }
}

fn main() {}
