use status_core::HttpStatus;

#[derive(HttpStatus)]
pub enum ApiError {
    #[status(432)]
    Unregistered,
    #[status(600)]
    OutOfRange,
    #[status("404")]
    Quoted,
    #[status(404u16)]
    Suffixed,
    #[status(-404)]
    Negative,
    #[status(NotFund)]
    Typo,
    #[status(306)]
    Reserved,
    #[status(4xx)]
    Class,
}

fn main() {}
