//! Code generation from checked input. Generated code names the runtime only through
//! the path the checks recorded (`::status_core`, or the name a crate gave the dependency) and
//! `::core::...`, so it works whatever the user's crate has in scope.

mod client;
mod derive;
mod docs;
mod former_names;
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
use quote::quote;
use syn::Ident;

use crate::valid::Resolved;

/// The where-clause of an impl of a trait the derive adds: the type's own predicates (`where
/// clause` of its `HttpStatus` impl), then `extra`, the bounds that trait's fields need.
fn impl_predicates(
    where_clause: Option<&syn::WhereClause>,
    extra: Vec<TokenStream>,
) -> Vec<TokenStream> {
    let own = where_clause
        .into_iter()
        .flat_map(|clause| clause.predicates.iter());
    own.map(|predicate| quote!(#predicate))
        .chain(extra)
        .collect()
}

/// `base`, or `base` and a number, whichever no parameter of `generics` is named: a method's own
/// type parameter may not take a name of the impl's.
fn unused_param(generics: &syn::Generics, base: &str) -> Ident {
    let taken = |name: &str| {
        generics.params.iter().any(|param| match param {
            syn::GenericParam::Type(ty) => ty.ident == name,
            syn::GenericParam::Const(constant) => constant.ident == name,
            syn::GenericParam::Lifetime(_) => false,
        })
    };
    let name = (0..)
        .map(|n| match n {
            0 => base.to_owned(),
            n => format!("{base}{n}"),
        })
        .find(|name| !taken(name))
        .unwrap_or_else(|| base.to_owned());
    Ident::new(&name, proc_macro2::Span::call_site())
}

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
