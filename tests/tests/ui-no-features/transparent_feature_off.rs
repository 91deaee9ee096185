// `HttpStatus` for `http::StatusCode` comes with status-core's `http` feature: the note says so.
use status_core::HttpStatus;

#[derive(HttpStatus)]
pub enum ProxyError {
    #[status(transparent)]
    Upstream(http::StatusCode),
}

fn main() {}
