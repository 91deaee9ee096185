//! HTTP status codes checked by the compiler.
//!
//! - [`StatusCode`]: every IANA status code, with RFC 9110 names, reason phrases,
//!   descriptions and references, generated from the project's registry.
//! - [`status!`]: a `StatusCode` checked at compile time: `status!(404)`, `status!(NotFound)`.
//! - [`status_enum!`]: your own closed enum of exactly the statuses your API answers with.
//! - [`HttpStatus`]: the trait all of them implement, and that `#[derive(HttpStatus)]`
//!   implements for your error types.
//!
//! ```
//! use status_core::{HttpStatus, StatusCode, status, status_enum};
//!
//! status_enum! {
//!     /// What the orders API answers with.
//!     pub enum OrderStatus { Ok, Created, NOT_FOUND, 429, Missing = 410 }
//! }
//!
//! assert_eq!(status!(404), StatusCode::NotFound);
//! assert_eq!(OrderStatus::TooManyRequests.to_string(), "429 Too Many Requests");
//! assert_eq!(OrderStatus::try_from(410), Ok(OrderStatus::Missing));
//! assert_eq!(StatusCode::from(OrderStatus::NotFound).reason(), "Not Found");
//! assert!(OrderStatus::Missing.is_client_error());
//! ```
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

// Generated code names this crate `::status_core`, here as in users' crates.
extern crate self as status_core;

mod class;
mod code;
mod error;
mod status;

#[doc(hidden)]
pub mod __private;

pub use class::StatusClass;
pub use code::StatusCode;
pub use error::{InvalidStatusCode, ParseStatusError};
pub use status::HttpStatus;

#[cfg(feature = "macros")]
pub use status_macros::{status, status_enum};
