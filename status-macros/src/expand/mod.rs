//! Code generation from checked input. Generated code names the runtime only through
//! the path the checks recorded (`::status_core`, or the name a crate gave the dependency) and
//! `::core::...`, so it works whatever the user's crate has in scope.

mod derive;
mod docs;
mod openapi;
mod response;
mod status_enum;
#[cfg(test)]
mod tables;

pub use derive::{derive, derive_fallback};
pub use status_enum::status_enum;
#[cfg(test)]
pub use tables::builtin_tables;

use proc_macro2::TokenStream;
use quote::{ToTokens, quote, quote_spanned};
use syn::Ident;

use crate::valid::{FormerName, Resolved};

/// Makes the crate depend on its own `codes.toml`, at `path` (as `include_bytes!` reads it),
/// so that editing it rebuilds the crate.
pub fn track(path: &str) -> TokenStream {
    quote! {
        const _: &[::core::primitive::u8] = ::core::include_bytes!(#path);
    }
}

/// `status!`: a path to the `StatusCode` variant, usable as an expression, in `const` items and
/// as a pattern. A former name goes through the deprecated associated constant of that name,
/// so the warning lands on the user's token.
pub fn status_code_path(resolved: &Resolved, runtime: &syn::Path) -> TokenStream {
    let variant = match &resolved.former_name {
        Some(former) => former.alias.clone(),
        None => Ident::new(&resolved.entry.name, resolved.span),
    };
    quote!(#runtime::StatusCode::#variant)
}

/// Uses of deprecated items spanned at each former name the user wrote.
fn former_name_warnings(former_names: &[FormerName], runtime: &syn::Path) -> TokenStream {
    former_names
        .iter()
        .map(|FormerName { alias, entry, note }| {
            if entry.in_status_code() {
                // All of the path at the user's token: the lint skips a path that starts in a
                // macro expansion.
                let runtime: TokenStream = runtime
                    .to_token_stream()
                    .into_iter()
                    .map(|mut token| {
                        token.set_span(alias.span());
                        token
                    })
                    .collect();
                // `StatusCode` has the former name as a deprecated constant: the warning
                // then names `status_core::StatusCode::PayloadTooLarge`.
                return quote_spanned! {alias.span()=>
                    const _: #runtime::StatusCode = #runtime::StatusCode::#alias;
                };
            }
            quote_spanned! {alias.span()=>
                const _: () = {
                    #[deprecated(note = #note)]
                    #[allow(non_upper_case_globals)]
                    const #alias: () = ();
                    #alias
                };
            }
        })
        .collect()
}
