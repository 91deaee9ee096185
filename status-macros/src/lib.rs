//! Procedural macros of [`status-core`](https://docs.rs/status-core): `status_enum!`,
//! `status!` and `#[derive(HttpStatus)]`. Depend on `status-core`, which re-exports them.
//!
//! The macros check every status against the registry (`codes.toml`) while the crate
//! compiles: an unknown code or name is a compile error at the token, with suggestions.

#![deny(missing_docs)]

mod ast;
mod attr;
mod errors;
mod expand;
mod krate;
mod registry;
mod valid;

#[cfg(test)]
mod openapi_tests;
#[cfg(test)]
mod properties;
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

/// The texts of every built-in code, emitted once in `status_core::__private`.
#[doc(hidden)]
#[proc_macro]
pub fn __builtin_texts(_input: TokenStream) -> TokenStream {
    entry::builtin_texts().into()
}

/// Implements `status_core::HttpStatus` for an error enum or struct.
#[proc_macro_derive(HttpStatus, attributes(status))]
pub fn derive_http_status(input: TokenStream) -> TokenStream {
    entry::derive(input.into()).into()
}

/// The entry points on `proc_macro2` tokens, so that tests can call them. Each loads the
/// registry, parses, checks and expands; whatever fails becomes compile errors beside the
/// part of the expansion that keeps uses of the item from adding errors of their own.
mod entry {
    use std::path::{Component, Path, PathBuf};

    use proc_macro2::{Span, TokenStream};
    use quote::quote;
    use syn::parse::Parser;

    use crate::errors::Errors;
    use crate::registry::{self, Loaded, RegistryError};
    use crate::{ast, expand, valid};

    /// The crate being compiled.
    fn context() -> valid::CrateContext {
        let manifest = crate::krate::crate_manifest();
        valid::CrateContext {
            name: std::env::var("CARGO_CRATE_NAME").ok(),
            runtime: manifest.runtime,
            other_frameworks: manifest.other_frameworks,
        }
    }

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

    /// Makes the crate depend on its own `codes.toml`, so that editing it rebuilds the crate.
    pub(crate) fn track(loaded: &Loaded) -> TokenStream {
        let Some(file) = &loaded.local_file else {
            return TokenStream::new();
        };
        match include_path(file) {
            Ok(path) => quote! {
                const _: &[::core::primitive::u8] = ::core::include_bytes!(#path);
            },
            Err(message) => syn::Error::new(Span::call_site(), message).into_compile_error(),
        }
    }

    /// The path `include_bytes!` can read `file` by: a string literal, so UTF-8. A file whose
    /// path is not (a crate directory named in another encoding) is named relative to the
    /// source file of the macro call, which `include_bytes!` resolves a relative path from.
    fn include_path(file: &Path) -> Result<String, String> {
        if let Some(path) = file.to_str() {
            return Ok(path.to_owned());
        }
        let relative = call_site_file()
            .zip(file.parent())
            .and_then(|(source, crate_dir)| relative_path(&source, crate_dir));
        let Some(relative) = relative else {
            return Err(format!(
                "cannot track `{}` for rebuilds: its path is not UTF-8, which `include_bytes!` \
                 needs, and this macro call is in no source file inside the crate directory, \
                 from which a relative path would do; move the crate to a UTF-8 path",
                file.display()
            ));
        };
        let name = file
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("codes.toml");
        Ok(relative + name)
    }

    /// The source file of the macro call, as an absolute path, when the compiler runs it.
    fn call_site_file() -> Option<PathBuf> {
        if !proc_macro::is_available() {
            return None;
        }
        let file = proc_macro::Span::call_site().local_file()?;
        // A relative path is from the compiler's working directory, which is ours.
        Some(std::env::current_dir().ok()?.join(file))
    }

    /// `../` as many times as `source` (a file) is nested in `crate_dir`: the path from the
    /// source file's directory back to the crate directory. `None` if it is not inside.
    fn relative_path(source: &Path, crate_dir: &Path) -> Option<String> {
        let source_dir = source.parent()?;
        let inside = source_dir
            .strip_prefix(crate_dir)
            .map(Path::to_path_buf)
            .ok()
            .or_else(|| {
                // The same directories spelled another way (a symbolic link, `..`).
                let source_dir = source_dir.canonicalize().ok()?;
                let crate_dir = crate_dir.canonicalize().ok()?;
                Some(source_dir.strip_prefix(crate_dir).ok()?.to_path_buf())
            })?;
        inside
            .components()
            .map(|component| matches!(component, Component::Normal(_)).then_some("../"))
            .collect()
    }

    #[cfg(test)]
    #[test]
    fn relative_paths_climb_to_the_crate_directory() {
        let relative = |source: &str| relative_path(Path::new(source), Path::new("/c/\u{e9}"));
        assert_eq!(relative("/c/\u{e9}/src/main.rs").as_deref(), Some("../"));
        assert_eq!(relative("/c/\u{e9}/src/a/b.rs").as_deref(), Some("../../"));
        assert_eq!(relative("/c/\u{e9}/build.rs").as_deref(), Some(""));
        assert_eq!(relative("/elsewhere/main.rs"), None);
    }

    pub fn status_enum(input: TokenStream) -> TokenStream {
        let loaded = match registry::load() {
            Ok(loaded) => loaded,
            Err(errors) => return registry_errors(&errors).into_compile_error(),
        };
        let input = match ast::parse_status_enum.parse2(input) {
            Ok(input) => input,
            Err(error) => return error.into_compile_error(),
        };
        let (checked, errors) = valid::check_status_enum(&input, &loaded.registry, &context());
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
        let context = context();
        let parsed = ast::DeriveInput::from_syn(&input);
        // The fallback impl only when the derive fails: it keeps uses quiet.
        let fallback = |errors: syn::Error| {
            let attrs = &parsed.attrs;
            let runtime = attrs.krate.as_ref().unwrap_or(&context.runtime);
            let response = attrs.response.as_ref();
            let openapi = attrs.openapi.is_some();
            let mut output = expand::derive_fallback(&input, runtime, response, openapi);
            output.extend(errors.into_compile_error());
            output
        };
        let loaded = match registry::load() {
            Ok(loaded) => loaded,
            Err(errors) => return fallback(registry_errors(&errors)),
        };
        let mut errors = Errors::new();
        let checked = valid::check_derive(&parsed, &loaded.registry, &context, &mut errors);
        let mut output = match errors.into_error() {
            None => expand::derive(&parsed, &checked),
            Some(errors) => fallback(errors),
        };
        output.extend(track(&loaded));
        output
    }

    pub fn builtin_texts() -> TokenStream {
        match registry::builtin() {
            Ok(registry) => expand::builtin_texts(&registry),
            Err(errors) => registry_errors(&errors).into_compile_error(),
        }
    }

    /// `status!` expands to a path (usable as a pattern), so it cannot carry the tracking
    /// item; it accepts only `StatusCode`'s codes, which no crate file can change.
    pub fn status(input: TokenStream) -> TokenStream {
        let loaded = match registry::load() {
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
                |resolved| expand::status_code_path(&resolved, &context().runtime),
            )
    }
}
