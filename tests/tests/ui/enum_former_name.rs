#![deny(deprecated)]

use status_core::status_enum;

status_enum! {
    pub enum Upload {
        Created,
        PayloadTooLarge,
        UNPROCESSABLE_ENTITY,
    }
}

fn main() {
    let _ = Upload::ContentTooLarge;
    let _ = Upload::UnprocessableContent;
}
