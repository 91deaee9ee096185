use status_core::HttpStatus;

#[derive(HttpStatus)]
#[status(NotFund)]
pub enum ApiError {
    Missing,
    #[status(429)]
    Slow,
}

fn status_line(error: &impl HttpStatus) -> String {
    format!("{} {}", error.code(), error.reason())
}

fn main() {
    // The derive failed, yet `ApiError: HttpStatus` holds: only the typo is reported.
    let _ = status_line(&ApiError::Slow);
}
