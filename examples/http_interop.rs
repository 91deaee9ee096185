//! Living beside the `http` crate and JSON:
//! `cargo run -p status-examples --example http_interop --features http`.

use status_core::http::ToHttp;
use status_core::{HttpStatus, StatusCode, status, status_enum};

status_enum! {
    /// What the payments API answers with.
    #[status(http, serde)] // `http::StatusCode` conversions and (de)serialization as the number
    pub enum PaymentStatus { Ok, PaymentRequired, Conflict, TooManyRequests }
}

/// A response body as a JSON API would send it: the status is a number on the wire.
#[derive(serde::Serialize, serde::Deserialize, Debug)]
struct Outcome {
    status: PaymentStatus,
    message: String,
}

fn main() {
    // Ours to theirs, and back, without glue code.
    let theirs: http::StatusCode = PaymentStatus::PaymentRequired.into();
    println!("into http::StatusCode:     {theirs}");
    let ours = StatusCode::try_from(http::StatusCode::IM_A_TEAPOT).expect("418 is registered");
    println!("from http::StatusCode:     {ours} ({})", ours.description());
    println!(
        "any HttpStatus, to_http(): {}",
        status!(ContentTooLarge).to_http()
    );
    match PaymentStatus::try_from(http::StatusCode::NOT_FOUND) {
        Ok(status) => println!("unexpected: {status}"),
        Err(error) => println!("not a payment status:      {error}"),
    }

    // JSON: the number, both ways; a number outside the enum is an error that names it.
    let outcome = Outcome {
        status: PaymentStatus::Conflict,
        message: "card already charged".into(),
    };
    let json = serde_json::to_string(&outcome).expect("serializes");
    println!("\nserialized:   {json}");
    let back: Outcome = serde_json::from_str(&json).expect("deserializes");
    println!("deserialized: {back:?}");
    let bad = r#"{"status": 404, "message": "gone"}"#;
    match serde_json::from_str::<Outcome>(bad) {
        Ok(outcome) => println!("unexpected: {outcome:?}"),
        Err(error) => println!("rejected:     {error}"),
    }
}
