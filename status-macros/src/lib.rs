//! Procedural macros of [`status-core`](https://docs.rs/status-core): `status_enum!`,
//! `status!` and `#[derive(HttpStatus)]`. Depend on `status-core`, which re-exports them.
//!
//! The macros check every status against the registry (`codes.toml`) while the crate
//! compiles: an unknown code or name is a compile error at the token, with suggestions.

#![deny(missing_docs)]

// `valid/uri.rs` is shared with no_std status-core, so it names `alloc`.
extern crate alloc;

// In the order data flows: the call's environment, the registry, parsing, checks, code.
mod context;
mod env;
mod frameworks;
mod manifest;
mod runtime_path;

mod registry;

mod ast;
mod attr;
mod errors;

mod valid;

mod expand;

mod entry;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Defines an enum of exactly the statuses an API answers with. See `status_core::status_enum!`.
#[proc_macro]
pub fn status_enum(input: TokenStream) -> TokenStream {
    entry::status_enum(input.into()).into()
}

/// A `StatusCode` checked at compile time: `status!(404)`, `status!(NotFound)` or
/// `status!(NOT_FOUND)`. See `status_core::status!`.
#[proc_macro]
pub fn status(input: TokenStream) -> TokenStream {
    entry::status(input.into()).into()
}

/// Implements `status_core::HttpStatus` for an error enum or struct.
#[proc_macro_derive(HttpStatus, attributes(status))]
pub fn derive_http_status(input: TokenStream) -> TokenStream {
    entry::derive(input.into()).into()
}
