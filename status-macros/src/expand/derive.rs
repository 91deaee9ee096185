//! `#[derive(HttpStatus)]`: each fixed status is a constant in its arm; a transparent one
//! calls the field's impl.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Generics, Ident};

use super::former_names::former_name_warnings;
use crate::registry::Entry;
use crate::valid::{CheckedDerive, DeriveArm, Fallback, Mapping};

pub fn derive(checked: &CheckedDerive) -> TokenStream {
    let ident = &checked.ident;
    let runtime = &checked.runtime;
    let generics = bounded_generics(checked);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let code = method(checked, quote!(code), |entry| {
        Literal::u16_suffixed(entry.code).into_token_stream()
    });
    let reason = method(checked, quote!(reason), |entry| {
        let reason = &entry.reason;
        quote!(#reason)
    });
    let facts = fact_methods(checked);
    let warnings = former_name_warnings(&checked.former_names, runtime);
    let responses = checked
        .response
        .as_ref()
        .map(|response| super::response::responses(&generics, checked, response));
    let openapi = checked
        .openapi
        .as_ref()
        .map(|word| super::openapi::into_responses(&generics, checked, word));
    let client = (checked.client.as_ref())
        .map(|client| super::client::from_problem(&generics, checked, client));
    let items = quote! {
        #warnings
        #responses
        #openapi
        #client
        #[automatically_derived]
        impl #impl_generics #runtime::HttpStatus for #ident #ty_generics #where_clause {
            #[inline]
            fn code(&self) -> ::core::primitive::u16 {
                #code
            }
            #[inline]
            fn reason(&self) -> &'static ::core::primitive::str {
                #reason
            }
            #facts
        }
    };
    let mut bound = Vec::new();
    bound_names(items.clone(), &mut bound);
    if bound.is_empty() {
        return items;
    }
    quote! {
        // In a block of their own, with a function of each name generated code binds: a unit
        // struct of the user's with such a name would otherwise turn the binding into a
        // pattern that matches it (items resolve at the call site, whatever the hygiene).
        const _: () = {
            #(
                #[allow(dead_code, non_snake_case)]
                fn #bound() {}
            )*
            #items
        };
    }
}

/// The names generated code binds (`__inner`, a field's `__field_...`, and
/// [`super::response::LOCALS`]) that `tokens` use, each once.
fn bound_names(tokens: TokenStream, names: &mut Vec<Ident>) {
    for token in tokens {
        match token {
            proc_macro2::TokenTree::Ident(ident) => {
                let text = ident.to_string();
                let bound = text == "__inner"
                    || text.starts_with("__field_")
                    || super::response::LOCALS.contains(&text.as_str())
                    || super::client::LOCALS.contains(&text.as_str());
                if bound && !names.iter().any(|name| *name == text) {
                    names.push(Ident::new(&text, Span::call_site()));
                }
            }
            proc_macro2::TokenTree::Group(group) => bound_names(group.stream(), names),
            _ => {}
        }
    }
}

/// What the registry says of each status, when the provided methods, which read the
/// built-in registry by code, could be wrong: a variant maps to a code of the crate's own
/// `codes.toml`, or delegates to a field, whose facts may be its own (a crate-local code's).
fn fact_methods(checked: &CheckedDerive) -> Option<TokenStream> {
    let own_facts = |arm: &DeriveArm| match arm.mapping {
        Mapping::Fixed(entry) => entry.local,
        Mapping::Transparent { .. } => true,
    };
    if !checked.arms.iter().any(own_facts) {
        return None;
    }
    let names = |names: &Vec<String>| quote!(&[#(#names),*]);
    let cacheable = method(checked, quote!(is_cacheable_by_default), |entry| {
        let cacheable = entry.facts.cacheable;
        quote!(#cacheable)
    });
    let allows_content = method(checked, quote!(allows_content), |entry| {
        let allows_content = !entry.facts.no_content;
        quote!(#allows_content)
    });
    let required = method(checked, quote!(required_headers), |entry| {
        names(&entry.facts.requires)
    });
    let recommended = method(checked, quote!(recommended_headers), |entry| {
        names(&entry.facts.recommends)
    });
    let (bool, str) = (
        quote!(::core::primitive::bool),
        quote!(::core::primitive::str),
    );
    Some(quote! {
        fn is_cacheable_by_default(&self) -> #bool { #cacheable }
        fn allows_content(&self) -> #bool { #allows_content }
        fn required_headers(&self) -> &'static [&'static #str] { #required }
        fn recommended_headers(&self) -> &'static [&'static #str] { #recommended }
    })
}

/// The type's generics, with an `HttpStatus` bound on each transparent field whose status
/// type names a type parameter (on the pointee of a `Box<G>`: the pointer itself implements no
/// `HttpStatus`).
fn bounded_generics(checked: &CheckedDerive) -> Generics {
    let runtime = &checked.runtime;
    let mut generics = checked.generics.clone();
    for arm in &checked.arms {
        if let Mapping::Transparent { generic: true, .. } = &arm.mapping
            && let Some(ty) = arm.mapping.status_type()
        {
            generics
                .make_where_clause()
                .predicates
                .push(syn::parse_quote!(#ty: #runtime::HttpStatus));
        }
    }
    generics
}

/// The body of one `HttpStatus` method: a `match` with an arm per variant.
fn method(
    checked: &CheckedDerive,
    name: TokenStream,
    value: impl Fn(&Entry) -> TokenStream,
) -> TokenStream {
    if checked.arms.is_empty() {
        // An enum without variants has no values to match.
        return quote!(match *self {});
    }
    let runtime = &checked.runtime;
    // The field's value, under a name no user writes: a user's `const inner` would capture it.
    let inner = Ident::new("__inner", Span::mixed_site());
    let arms = checked.arms.iter().map(|arm| {
        let result = match &arm.mapping {
            Mapping::Fixed(entry) => value(entry),
            // Spanned at the status type, the value too: a type without `HttpStatus` is
            // reported there. A smart pointer is read through, to its pointee.
            Mapping::Transparent { ty, pointee, .. } => {
                let status_type = pointee.as_deref().unwrap_or(ty);
                let mut inner = inner.clone();
                inner.set_span(Span::mixed_site().located_at(status_type.span()));
                // Behind a pointer, the pointer's own status if it has one, else the pointee's.
                let value = match pointee {
                    Some(_) => quote_spanned! {status_type.span()=>
                        {
                            #[allow(unused_imports)]
                            use #runtime::__private::FieldStatus as _;
                            (&#runtime::__private::StatusField(#inner)).status()
                        }
                    },
                    None => quote!(#inner),
                };
                quote_spanned!(status_type.span()=> #runtime::HttpStatus::#name(#value))
            }
        };
        let pattern = match (&arm.variant, &arm.mapping) {
            (Some(variant), Mapping::Transparent { member, .. }) => {
                quote!(Self::#variant { #member: #inner, .. })
            }
            (Some(variant), Mapping::Fixed(_)) => quote!(Self::#variant { .. }),
            (None, Mapping::Transparent { member, .. }) => quote!(Self { #member: #inner, .. }),
            (None, Mapping::Fixed(_)) => quote!(Self { .. }),
        };
        quote!(#pattern => #result,)
    });
    quote!(match self { #(#arms)* })
}

/// When the derive fails: impls that keep uses of the type from adding errors of their own,
/// of every trait the type asked for (`HttpStatus`, and with `response` and `openapi` the
/// response and OpenAPI traits the features give), so that one mistake is one error, not one
/// more at every handler that returns the type. They never run: the crate does not compile.
pub fn derive_fallback(fallback: &Fallback) -> TokenStream {
    let Fallback {
        ident,
        generics,
        runtime,
        ..
    } = fallback;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let responses = super::response::fallback_responses(fallback);
    quote! {
        impl #impl_generics #runtime::HttpStatus for #ident #ty_generics #where_clause {
            fn code(&self) -> ::core::primitive::u16 {
                ::core::unreachable!()
            }
            fn reason(&self) -> &'static ::core::primitive::str {
                ::core::unreachable!()
            }
        }
        #responses
    }
}
