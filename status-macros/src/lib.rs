//! Procedural macros of [`status-core`](https://docs.rs/status-core): `status_enum!`,
//! `status!` and `#[derive(HttpStatus)]`. Depend on `status-core`, which re-exports them.
//!
//! The macros check every status against the registry (`codes.toml`) while the crate
//! compiles: an unknown code or name is a compile error at the token, with suggestions.

mod ast;
mod attr;
mod expand;
mod registry;
mod valid;

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

/// The entry points on `proc_macro2` tokens, so that tests can call them.
mod entry {
    use proc_macro2::{Span, TokenStream};
    use syn::parse::Parser;

    use crate::{ast, expand, registry, valid};

    fn registry_message(error: &registry::RegistryError) -> String {
        format!("the status code registry is malformed: {error}")
    }

    fn registry_error(error: &registry::RegistryError) -> TokenStream {
        syn::Error::new(Span::call_site(), registry_message(error)).into_compile_error()
    }

    pub fn status_enum(input: TokenStream) -> TokenStream {
        let registry = match registry::builtin() {
            Ok(registry) => registry,
            Err(error) => return registry_error(error),
        };
        let input = match ast::parse_status_enum.parse2(input) {
            Ok(input) => input,
            Err(error) => return error.into_compile_error(),
        };
        let (checked, errors) = valid::check_status_enum(&input, registry);
        let mut output = expand::status_enum(&input, &checked);
        if let Some(errors) = errors {
            output.extend(errors.into_compile_error());
        }
        output
    }

    pub fn derive(input: TokenStream) -> TokenStream {
        let input: syn::DeriveInput = match syn::parse2(input) {
            Ok(input) => input,
            Err(error) => return error.into_compile_error(),
        };
        let checked = registry::builtin()
            .map_err(|error| syn::Error::new(Span::call_site(), registry_message(error)))
            .and_then(|registry| valid::check_derive(&input, registry));
        match checked {
            Ok(checked) => expand::derive(&input, &checked),
            Err(errors) => {
                let mut output = expand::derive_fallback(&input);
                output.extend(errors.into_compile_error());
                output
            }
        }
    }

    pub fn status(input: TokenStream) -> TokenStream {
        let registry = match registry::builtin() {
            Ok(registry) => registry,
            Err(error) => return registry_error(error),
        };
        ast::parse_single_status
            .parse2(input)
            .and_then(|status| valid::check_status_code(&status, registry))
            .map_or_else(
                |error| error.into_compile_error(),
                |resolved| expand::status_code_path(&resolved),
            )
    }
}
