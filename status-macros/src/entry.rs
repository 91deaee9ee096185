//! The macros on `proc_macro2` tokens, so that tests can call them: each gathers the call's
//! context, loads the registry, parses, checks and expands; whatever fails becomes compile
//! errors beside the part of the expansion that keeps uses of the item from adding errors of
//! their own.

use proc_macro2::{Span, TokenStream};
use syn::parse::Parser;

use crate::context::Context;
use crate::errors::Errors;
use crate::registry::{self, Loaded, RegistryError};
use crate::{ast, env, expand, valid};

/// Every problem of a registry file, as errors at the macro call.
fn registry_errors(errors: &[RegistryError]) -> syn::Error {
    let mut collected = Errors::new();
    for error in errors {
        collected.at(
            Span::call_site(),
            format_args!("invalid status code registry: {error}"),
        );
    }
    collected
        .into_error()
        .unwrap_or_else(|| syn::Error::new(Span::call_site(), "invalid status code registry"))
}

/// The crate's own `codes.toml`, included by the expansion so that editing it rebuilds the
/// crate.
fn track(loaded: &Loaded) -> TokenStream {
    let Some(file) = &loaded.local_file else {
        return TokenStream::new();
    };
    match env::include_path(file) {
        Ok(path) => expand::track(&path),
        Err(message) => syn::Error::new(Span::call_site(), message).into_compile_error(),
    }
}

fn load(context: &Context) -> Result<Loaded, Vec<RegistryError>> {
    registry::load(context.local_registry.as_deref())
}

pub fn status_enum(input: TokenStream) -> TokenStream {
    let context = Context::of_call();
    let loaded = match load(&context) {
        Ok(loaded) => loaded,
        Err(errors) => return registry_errors(&errors).into_compile_error(),
    };
    let input = match ast::parse_status_enum.parse2(input) {
        Ok(input) => input,
        Err(error) => return error.into_compile_error(),
    };
    let (checked, errors) = valid::check_status_enum(&input, &loaded.registry, &context);
    let mut output = expand::status_enum(&checked);
    output.extend(track(&loaded));
    output.extend(errors.map(syn::Error::into_compile_error));
    output
}

pub fn derive(input: TokenStream) -> TokenStream {
    let input: syn::DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.into_compile_error(),
    };
    let context = Context::of_call();
    let parsed = ast::DeriveInput::from_syn(&input);
    // The fallback impls only when the derive fails: they keep uses quiet.
    let fallback = |errors: syn::Error| {
        let mut output = expand::derive_fallback(&valid::Fallback::of(&parsed, &context));
        output.extend(errors.into_compile_error());
        output
    };
    let loaded = match load(&context) {
        Ok(loaded) => loaded,
        Err(errors) => return fallback(registry_errors(&errors)),
    };
    let mut errors = Errors::new();
    let checked = valid::check_derive(&parsed, &loaded.registry, &context, &mut errors);
    let mut output = match errors.into_error() {
        None => expand::derive(&checked),
        Some(errors) => fallback(errors),
    };
    output.extend(track(&loaded));
    output
}

/// The tables of every built-in code (texts, registry facts), kept as source in status-core
/// (`tests/generated.rs` writes them there).
#[cfg(test)]
pub fn builtin_tables() -> TokenStream {
    match registry::builtin() {
        Ok(registry) => expand::builtin_tables(&registry),
        Err(errors) => registry_errors(&errors).into_compile_error(),
    }
}

/// `status!` expands to a path (usable as a pattern), so it cannot carry the tracking item;
/// it accepts only `StatusCode`'s codes, which no crate file can change.
pub fn status(input: TokenStream) -> TokenStream {
    let context = Context::of_call();
    let loaded = match load(&context) {
        Ok(loaded) => loaded,
        // In expression and pattern position only one `compile_error!` fits.
        Err(errors) => {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            let message = format!("invalid status code registry: {}", lines.join("\n"));
            return syn::Error::new(Span::call_site(), message).into_compile_error();
        }
    };
    ast::parse_single_status
        .parse2(input)
        .and_then(|status| valid::check_status_code(&status, &loaded.registry))
        .map_or_else(
            |error| error.into_compile_error(),
            |resolved| expand::status_code_path(&resolved, &context.runtime),
        )
}
