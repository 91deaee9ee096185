use status_core::HttpStatus;

fn hours(value: &u32) -> String {
    format!("{value}h")
}

// `with` formats a header value: on a field with `header = "..."`.
#[derive(Debug, HttpStatus)]
#[status(429, response(parts))]
pub struct Formats {
    #[status(member, with = hours)]
    member: u32,
    #[status(with = hours)]
    alone: u32,
    #[status(header = "X-Hours", with = 42)]
    not_a_path: u32,
    #[status(header = "X-Fine", with = hours)]
    fine: u32,
}

impl std::fmt::Display for Formats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("formats")
    }
}

fn main() {}
