#![deny(deprecated)]

use status_core::{StatusCode, status};

fn main() {
    let _ = status!(PayloadTooLarge);
    match StatusCode::UnprocessableContent {
        status!(UNPROCESSABLE_ENTITY) => {}
        _ => {}
    }
}
