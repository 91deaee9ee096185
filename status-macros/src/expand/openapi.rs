//! `#[status(response, openapi)]`: `utoipa::IntoResponses`, given to `status-core`'s
//! `__impl_into_responses!`, whose features decide whether it exists. The body is a table, one
//! `Arm` per variant with what differs from `Arm::DEFAULT`; status-core builds the document.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Generics, Ident, Type};

use crate::valid::response::HeaderFormat;
use crate::valid::{CheckedDerive, DeriveArm, HeaderValue, Mapping};

/// `generics`: the type's, with the bounds of its `HttpStatus` impl.
pub fn into_responses(generics: &Generics, checked: &CheckedDerive, word: &Ident) -> TokenStream {
    let runtime = &checked.runtime;
    let ident = &checked.ident;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let predicates = super::impl_predicates(where_clause, openapi_bounds(checked));
    let arms = checked.arms.iter().map(|arm| arm_entry(arm, runtime));
    let error = quote_spanned! {word.span()=>
        ::core::compile_error!("`#[status(openapi)]` needs the `utoipa` feature of status-core");
    };
    let openapi = quote!(#runtime::__private::openapi);
    let body = checked
        .response
        .as_ref()
        .and_then(|response| response.body.as_ref());
    let responses = match body {
        None => quote!(#openapi::responses(&[#(#arms,)*])),
        Some(body) => {
            let path = &body.path;
            let content_type = &body.content_type;
            // Spanned at the path: a value without `ToSchema` is reported there.
            // `Self` at the call site: the path may come from a `macro_rules!`.
            let this = quote!(Self);
            let schema = quote_spanned! {path.span()=>
                || #runtime::utoipa::body_schema_of::<#this, _, _>(#path)
            };
            quote!(#openapi::responses_with_body(&[#(#arms,)*], #content_type, #schema))
        }
    };
    // The whole impl is written here, and the runtime's macro only keeps or drops it: no token
    // of it comes from that macro, so no error says it originates there.
    quote! {
        #runtime::__private::__impl_into_responses! {
            requested [#error]
            #[automatically_derived]
            impl #impl_generics #runtime::utoipa::IntoResponses for #ident #ty_generics
            where
                #(#predicates,)*
            {
                fn responses() -> #openapi::Responses {
                    #[allow(unused_imports)]
                    use #openapi::InnerStatus as _;
                    #responses
                }
            }
        }
    }
}

/// The bounds a generic type needs besides its own: `ToSchema` for each `member` field, and
/// `IntoResponses` for each `transparent` field, whose type names a type parameter. (For a
/// concrete transparent type, method resolution finds whether it implements `IntoResponses`; for
/// a generic one it could not, so the bound says it must.)
fn openapi_bounds(checked: &CheckedDerive) -> Vec<TokenStream> {
    let runtime = &checked.runtime;
    let mut bounds = Vec::new();
    for arm in &checked.arms {
        if let Mapping::Transparent { generic: true, .. } = &arm.mapping
            && let Some(ty) = arm.mapping.status_type()
        {
            bounds.push(quote!(#ty: #runtime::utoipa::IntoResponses));
        }
        for member in arm.response.members.iter().filter(|m| m.field.generic) {
            let ty = &member.field.ty;
            bounds.push(quote!(#ty: #runtime::utoipa::MemberSchema));
        }
    }
    bounds
}

/// One arm of the table: `Arm { status, ...what differs from the default }`.
fn arm_entry(arm: &DeriveArm, runtime: &syn::Path) -> TokenStream {
    let openapi = quote!(#runtime::__private::openapi);
    let status = match &arm.mapping {
        Mapping::Fixed(entry) => {
            let code = Literal::u16_unsuffixed(entry.code);
            let reason = &entry.reason;
            // The registry's `content = "none"`, a crate's own codes too.
            let content = !entry.facts.no_content;
            quote!(#openapi::ArmStatus::Fixed { code: #code, reason: #reason, content: #content })
        }
        // Method resolution picks the first impl of `InnerStatus` the type meets the bounds of:
        // an error response that documents its responses, one that documents them, a
        // framework's rejection, any other. Through a smart pointer, the pointee's.
        Mapping::Transparent { ty, .. } => {
            let ty = arm.mapping.status_type().unwrap_or(ty);
            quote_spanned!(ty.span()=> (&&&&#openapi::Inner::<#ty>::new()).arm_status())
        }
    };
    let response = &arm.response;
    let mut fields = vec![quote!(status: #status)];
    // A waiver is said where the response is described: a client reads that the header the
    // status requires is not sent.
    let waived = response.waived.iter().map(|name| {
        format!("Sent without `{name}`, which RFC 9110 requires with this status (waived).")
    });
    let doc: Vec<String> = arm.doc.iter().cloned().chain(waived).collect();
    if !doc.is_empty() {
        let doc = doc.join("\n\n");
        fields.push(quote!(doc: #doc));
    }
    if let Some(problem_type) = &response.problem_type {
        fields.push(quote!(problem_type: #problem_type));
    }
    if let Some(title) = &response.title {
        fields.push(quote!(title: #title));
    }
    if response.detail {
        fields.push(quote!(detail: true));
    }
    let mut constant_headers = Vec::new();
    let mut field_headers = Vec::new();
    for header in &response.headers {
        let name = &header.name;
        match &header.value {
            HeaderValue::Const(value) => constant_headers.push(quote!((#name, #value))),
            HeaderValue::Field(_, format) => {
                let integer = match &format.format {
                    HeaderFormat::Seconds => true,
                    HeaderFormat::Display => is_integer(&format.value_ty),
                    HeaderFormat::HttpDate | HeaderFormat::With(_) => false,
                };
                let kind = match (integer, format.optional) {
                    (true, false) => quote!(Integer),
                    (true, true) => quote!(MaybeInteger),
                    (false, _) => quote!(Text),
                };
                field_headers.push(quote!((#name, #openapi::HeaderType::#kind)));
            }
        }
    }
    if !constant_headers.is_empty() {
        fields.push(quote!(constant_headers: &[#(#constant_headers),*]));
    }
    if !field_headers.is_empty() {
        fields.push(quote!(field_headers: &[#(#field_headers),*]));
    }
    if !response.members.is_empty() {
        let members = response.members.iter().map(|member| {
            let name = &member.name;
            let ty = &member.field.ty;
            // A function, not its schema: the table holds nothing to drop. Spanned at the
            // field's type: a type without `ToSchema` is reported there, by `MemberSchema`.
            let schema =
                quote_spanned!(ty.span()=> <#ty as #runtime::utoipa::MemberSchema>::member_schema);
            quote!((#name, #schema))
        });
        fields.push(quote!(members: &[#(#members),*]));
    }
    quote!(#openapi::Arm { #(#fields,)* ..#openapi::Arm::DEFAULT })
}

/// Whether a header field's type is a primitive integer, whose `Display` is always a valid
/// header value: documented as an integer, and always sent.
fn is_integer(ty: &Type) -> bool {
    const INTEGERS: [&str; 12] = [
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
    ];
    match ty {
        Type::Group(group) => is_integer(&group.elem),
        Type::Paren(paren) => is_integer(&paren.elem),
        Type::Path(path) if path.qself.is_none() => path.path.segments.last().is_some_and(|last| {
            last.arguments.is_none() && INTEGERS.iter().any(|name| last.ident == name)
        }),
        _ => false,
    }
}
