//! Unit tests of `#[status(openapi)]` on the derive: where the word goes, and what the
//! expansion hands to status-core's `__impl_into_responses!`.

use proc_macro2::TokenStream;
use quote::quote;

use super::*;

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
        messages(&misplaced),
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
        messages(&without_response),
        ["`openapi` describes the error responses: add `response` to the type's `#[status(...)]`"]
    );
    assert!(into_responses_call(&without_response).is_none());
    let twice = entry::derive(quote! {
        #[status(404, response, openapi)]
        #[status(openapi)]
        struct S;
    });
    assert_eq!(messages(&twice), ["`openapi` is given twice"]);
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
                #[status(header = "Link")]
                link: String,
            },
            #[status(transparent)]
            Upstream(Upstream),
            Database,
        }
    });
    let call = into_responses_call(&output).expect("an `__impl_into_responses!` call");
    // The error while the feature is off names it (and `response`'s its own).
    let messages = messages(&output);
    assert_eq!(
        messages.last().map(String::as_str),
        Some("`#[status(openapi)]` needs the `utoipa` feature of status-core"),
        "{messages:?}"
    );
    let openapi = ":: status_core :: __private :: openapi ::";
    let fixed = |code: u16, reason: &str| {
        format!(
            "{openapi} ArmStatus :: Fixed {{ code : {code} , reason : \"{reason}\" , content : \
             true }}"
        )
    };
    let arms = [
        // A doc comment without its common indentation; the type's headers first.
        format!(
            "{openapi} Arm {{ status : {} , doc : \"Log in first:\\n  with a token.\" , \
             constant_headers : & [(\"Cache-Control\" , \"no-store\") , (\"WWW-Authenticate\" \
             , \"Token\")] , .. {openapi} Arm :: DEFAULT }}",
            fixed(401, "Unauthorized")
        ),
        // A member's schema is a function of its type; an integer field's header an integer.
        format!(
            "{openapi} Arm {{ status : {} , problem_type : \"https://example.com/v\" , title : \
             \"Invalid\" , detail : true , constant_headers : & [(\"Cache-Control\" , \
             \"no-store\")] , field_headers : & [(\"Retry-After\" , {openapi} HeaderType :: \
             Integer) , (\"Link\" , {openapi} HeaderType :: Text)] , members : & [(\"errors\" , < \
             Vec < String > as :: status_core :: utoipa :: MemberSchema > :: member_schema)] , \
             .. {openapi} Arm :: DEFAULT }}",
            fixed(422, "Unprocessable Content")
        ),
        format!(
            "{openapi} Arm {{ status : (&& && {openapi} Inner :: < Upstream > :: new ()) . \
             arm_status () , constant_headers : & [(\"Cache-Control\" , \"no-store\")] , .. \
             {openapi} Arm :: DEFAULT }}"
        ),
        format!(
            "{openapi} Arm {{ status : {} , constant_headers : & [(\"Cache-Control\" , \
             \"no-store\")] , .. {openapi} Arm :: DEFAULT }}",
            fixed(500, "Internal Server Error")
        ),
    ];
    for arm in &arms {
        assert!(call.contains(arm.as_str()), "{arm}\nnot in\n{call}");
    }
    assert!(
        call.contains(
            "# [automatically_derived] impl :: status_core :: utoipa :: IntoResponses for \
             ApiError where { fn responses ()"
        ),
        "{call}"
    );
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
            "impl < E , T > :: status_core :: utoipa :: IntoResponses for Wrapper < E , T > \
             where E : :: status_core :: HttpStatus , E : :: status_core :: utoipa :: \
             IntoResponses , T : :: status_core :: utoipa :: MemberSchema , {"
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

/// A crate's own code whose entry says `content = "none"`: the arm says so, so the document
/// has no content for it, as nothing is sent; its reason phrase goes as it is (status-core
/// escapes it where it is Markdown).
#[test]
fn own_codes_bring_their_content_fact() {
    let registry = crate::registry::builtin()
        .unwrap()
        .with_local(
            "[[status]]\ncode = 460\nname = \"GoneQuiet\"\nreason = \"Gone <b>Quiet</b>\"\n\
             description = \"D.\"\nreference = \"R\"\ncontent = \"none\"\n\n\
             [[status]]\ncode = 461\nname = \"Loud\"\nreason = \"Loud\"\n\
             description = \"D.\"\nreference = \"R\"\n",
            "codes.toml",
        )
        .unwrap();
    let input: syn::DeriveInput = syn::parse_quote! {
        #[status(response, openapi)]
        enum ProxyError {
            #[status(GoneQuiet)]
            Quiet,
            #[status(461)]
            Loud,
        }
    };
    let parsed = crate::ast::DeriveInput::from_syn(&input);
    let context = context(None);
    let mut errors = crate::errors::Errors::new();
    let checked = crate::valid::check_derive(&parsed, &registry, &context, &mut errors);
    assert!(errors.into_error().is_none());
    let output = crate::expand::derive(&checked);
    let call = into_responses_call(&output).unwrap();
    for status in [
        "Fixed { code : 460 , reason : \"Gone <b>Quiet</b>\" , content : false }",
        "Fixed { code : 461 , reason : \"Loud\" , content : true }",
    ] {
        assert!(call.contains(status), "{status}\nnot in\n{call}");
    }
}
