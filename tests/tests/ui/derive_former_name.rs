#![deny(deprecated)]

use status_core::HttpStatus;

#[derive(HttpStatus)]
pub enum UploadError {
    #[status(PayloadTooLarge)]
    TooBig,
    #[status(UNPROCESSABLE_ENTITY)]
    Invalid,
}

fn main() {}
