//! A first tour: `cargo run --example quickstart`.

use status_core::{StatusCode, status, status_enum};

status_enum! {
    /// The statuses our orders API answers with: nothing else can be returned.
    pub enum OrderStatus {
        Ok,
        Created,
        NOT_FOUND,
        429,
        Missing = 410,
        ServiceUnavailable,
    }
}

fn handle(order_id: u32) -> OrderStatus {
    match order_id {
        0 => OrderStatus::NotFound,
        1..=99 => OrderStatus::Ok,
        100 => OrderStatus::Missing,
        _ => OrderStatus::TooManyRequests,
    }
}

fn main() {
    println!("Answers of the orders API (a closed enum, so `match` is exhaustive):");
    for status in OrderStatus::ALL {
        // `Debug` is the variant's name, yours where you gave one (`Missing`); `Display` is
        // the status line the registry gives.
        let variant = format!("{status:?}");
        println!("  {variant:<20} {status:<24} {}", status.description());
    }

    println!("\nHandling requests:");
    for order_id in [7, 0, 100, 500] {
        let status = handle(order_id);
        let kind = if status.is_error() { "error" } else { "fine" };
        println!(
            "  order {order_id:>3} -> {status:?}: {status} ({kind}, {:?})",
            status.class()
        );
    }

    // `status!` is checked while compiling: `status!(432)` would not build.
    const RATE_LIMITED: StatusCode = status!(TooManyRequests);
    println!(
        "\nstatus!(TooManyRequests) = {RATE_LIMITED}, defined in {}",
        RATE_LIMITED.reference()
    );

    // Conversions: into the full `StatusCode`, and back from a number received off the wire.
    let general: StatusCode = OrderStatus::Missing.into();
    println!(
        "OrderStatus::Missing as a StatusCode: {general:?} ({})",
        general.code()
    );
    for received in [201u16, 418] {
        match OrderStatus::try_from(received) {
            Ok(status) => println!("received {received}: {status}"),
            Err(error) => println!("received {received}: rejected: {error}"),
        }
    }
    match "4o4".parse::<StatusCode>() {
        Ok(status) => println!("parsed {status}"),
        Err(error) => println!("parsing \"4o4\": {error}"),
    }
}
