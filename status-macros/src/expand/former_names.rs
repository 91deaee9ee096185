//! The warnings of former names (`PayloadTooLarge`), for every macro: each a use of a
//! deprecated item at the token the user wrote.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote_spanned};

use crate::valid::FormerName;

/// Uses of deprecated items spanned at each former name the user wrote.
pub fn former_name_warnings(former_names: &[FormerName], runtime: &syn::Path) -> TokenStream {
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
