//! Unit tests of `#[status(openapi)]` on the derive: where the word goes, and what the
//! expansion hands to status-core's `__impl_into_responses!`.

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;

use crate::entry;

/// Every `compile_error!` message in the expansion, at any depth, in order.
fn messages(tokens: TokenStream) -> Vec<String> {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                if let Some(TokenTree::Group(group)) = tokens.get(i + 2) {
                    let text: syn::LitStr = syn::parse2(group.stream()).unwrap();
                    found.push(text.value());
                }
            }
            TokenTree::Group(group) => found.extend(messages(group.stream())),
            _ => {}
        }
    }
    found
}

/// The `__impl_into_responses! { ... }` call of an expansion, as text, if there is one.
fn into_responses_call(output: &TokenStream) -> Option<String> {
    let text = output.to_string();
    let start = text.find(":: __impl_into_responses !")?;
    Some(text[start..].to_owned())
}

#[test]
fn openapi_goes_on_the_type_with_response() {
    let misplaced = entry::derive(quote! {
        #[status(500, response)]
        enum E {
            #[status(404, openapi)]
            A,
            B(#[status(openapi)] u8),
        }
    });
    assert_eq!(
        messages(misplaced),
        [
            "`openapi` goes on the type, not on a variant",
            "`openapi` goes on the type, not on a field",
        ]
    );
    let without_response = entry::derive(quote! {
        #[status(404, openapi)]
        struct S;
    });
    assert_eq!(
        messages(without_response.clone()),
        ["`openapi` describes the error responses: add `response` to the type's `#[status(...)]`"]
    );
    assert!(into_responses_call(&without_response).is_none());
    let twice = entry::derive(quote! {
        #[status(404, response, openapi)]
        #[status(openapi)]
        struct S;
    });
    assert_eq!(messages(twice), ["`openapi` is given twice"]);
}

#[test]
fn the_expansion_is_a_table_of_arms() {
    let output = entry::derive(quote! {
        #[status(500, response, openapi)]
        #[status(header("Cache-Control" = "no-store"))]
        enum ApiError {
            ///  Log in first:
            ///    with a token.
            #[status(401, header("WWW-Authenticate" = "Token"))]
            Unauthorized,
            #[status(422, type = "https://example.com/v", title = "Invalid", detail)]
            Invalid {
                #[status(member)]
                errors: Vec<String>,
                #[status(header = "Retry-After")]
                seconds: u32,
            },
            #[status(transparent)]
            Upstream(Upstream),
            Database,
        }
    });
    let call = into_responses_call(&output).expect("an `__impl_into_responses!` call");
    // The error while the feature is off names it (and `response`'s its own).
    let messages = messages(output.clone());
    assert_eq!(
        messages.last().map(String::as_str),
        Some("`#[status(openapi)]` needs the `utoipa` feature of status-core"),
        "{messages:?}"
    );
    let openapi = ":: status_core :: __private :: openapi ::";
    let arms = [
        // A doc comment without its common indentation; the type's headers first.
        format!(
            "{openapi} Arm {{ status : {openapi} ArmStatus :: Fixed (401 , \"Unauthorized\") , \
             doc : \"Log in first:\\n  with a token.\" , constant_headers : & [(\"Cache-Control\" \
             , \"no-store\") , (\"WWW-Authenticate\" , \"Token\")] , .. {openapi} Arm :: DEFAULT }}"
        ),
        format!(
            "{openapi} Arm {{ status : {openapi} ArmStatus :: Fixed (422 , \"Unprocessable \
             Content\") , problem_type : \"https://example.com/v\" , title : \"Invalid\" , \
             detail : true , constant_headers : & [(\"Cache-Control\" , \"no-store\")] , \
             field_headers : & [\"Retry-After\"] , members : & [(\"errors\" , {openapi} \
             member_schema :: < Vec < String > > ())] , .. {openapi} Arm :: DEFAULT }}"
        ),
        format!(
            "{openapi} Arm {{ status : (& {openapi} Inner :: < Upstream > :: new ()) . \
             arm_status () , constant_headers : & [(\"Cache-Control\" , \"no-store\")] , .. \
             {openapi} Arm :: DEFAULT }}"
        ),
        format!(
            "{openapi} Arm {{ status : {openapi} ArmStatus :: Fixed (500 , \"Internal Server \
             Error\") , constant_headers : & [(\"Cache-Control\" , \"no-store\")] , .. \
             {openapi} Arm :: DEFAULT }}"
        ),
    ];
    for arm in &arms {
        assert!(call.contains(arm.as_str()), "{arm}\nnot in\n{call}");
    }
    assert!(call.contains("impl [] for [ApiError] where [] {"), "{call}");
}

#[test]
fn generic_fields_get_bounds() {
    let output = entry::derive(quote! {
        #[status(response, openapi)]
        enum Wrapper<E, T> {
            #[status(transparent)]
            Inner(E),
            #[status(400)]
            Bad {
                #[status(member)]
                value: T,
            },
        }
    });
    let call = into_responses_call(&output).unwrap();
    assert!(
        call.contains(
            "where [E : :: status_core :: HttpStatus , E : :: status_core :: __private :: \
             utoipa :: IntoResponses , T : :: status_core :: __private :: utoipa :: ToSchema ,]"
        ),
        "{call}"
    );
}

#[test]
fn doc_text_is_what_rustdoc_shows() {
    let item: syn::ItemStruct = syn::parse_quote! {
        /// First line.
        ///
        ///     indented code
        #[doc = "last"]
        #[doc = include_str!("x")]
        struct S;
    };
    assert_eq!(
        crate::ast::doc_text(&item.attrs).as_deref(),
        Some("First line.\n\n    indented code\nlast")
    );
    let item: syn::ItemStruct = syn::parse_quote! {
        ///
        #[derive(Debug)]
        struct S;
    };
    assert_eq!(crate::ast::doc_text(&item.attrs), None);
}
