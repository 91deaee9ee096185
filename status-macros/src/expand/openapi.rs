//! `#[status(response, openapi)]`: `utoipa::IntoResponses`, by `status-core`'s
//! `__impl_into_responses!`, whose features decide whether it exists. The body is a table, one
//! `Arm` per variant with what differs from `Arm::DEFAULT`; status-core builds the document.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Generics, Ident};

use super::derive::mentions_any;
use crate::valid::{CheckedDerive, DeriveArm, HeaderValue, Mapping};

pub fn into_responses(
    ident: &Ident,
    generics: &Generics,
    checked: &CheckedDerive,
    word: &Ident,
) -> TokenStream {
    let runtime = &checked.runtime;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let predicates = where_clause
        .into_iter()
        .flat_map(|clause| clause.predicates.iter())
        .map(|predicate| quote!(#predicate))
        .chain(openapi_bounds(generics, checked));
    let arms = checked.arms.iter().map(|arm| arm_entry(arm, runtime));
    let error = quote_spanned! {word.span()=>
        ::core::compile_error!("`#[status(openapi)]` needs the `utoipa` feature of status-core");
    };
    quote! {
        #runtime::__impl_into_responses! {
            requested [#error]
            impl [#impl_generics] for [#ident #ty_generics]
            where [#(#predicates,)*]
            { #(#arms,)* }
        }
    }
}

/// The bounds a generic type needs besides its own: `ToSchema` for each `member` field, and
/// `IntoResponses` for each `transparent` field, whose type names a type parameter. (For a
/// concrete transparent type, method resolution finds whether it implements `IntoResponses`; for
/// a generic one it could not, so the bound says it must.)
fn openapi_bounds(generics: &Generics, checked: &CheckedDerive) -> Vec<TokenStream> {
    let runtime = &checked.runtime;
    let params: Vec<&Ident> = generics.type_params().map(|param| &param.ident).collect();
    if params.is_empty() {
        return Vec::new();
    }
    let mut bounds = Vec::new();
    for arm in &checked.arms {
        if let Some(ty) = arm.mapping.status_type()
            && mentions_any(quote!(#ty), &params)
        {
            bounds.push(quote!(#ty: #runtime::__private::utoipa::IntoResponses));
        }
        for member in &arm.response.members {
            let ty = &member.field.ty;
            if mentions_any(quote!(#ty), &params) {
                bounds.push(quote!(#ty: #runtime::__private::utoipa::ToSchema));
            }
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
            quote!(#openapi::ArmStatus::Fixed(#code, #reason))
        }
        // Method resolution picks the `Inner<T>` impl of `InnerStatus` when the type implements
        // `IntoResponses`.
        // Through a smart pointer, the pointee's.
        Mapping::Transparent { ty, .. } => {
            let ty = arm.mapping.status_type().unwrap_or(ty);
            quote_spanned!(ty.span()=> (&#openapi::Inner::<#ty>::new()).arm_status())
        }
    };
    let response = &arm.response;
    let mut fields = vec![quote!(status: #status)];
    if let Some(doc) = &arm.doc {
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
            HeaderValue::Field(_) => field_headers.push(name),
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
            // Spanned at the field's type: a type without `ToSchema` is reported there.
            let schema = quote_spanned!(ty.span()=> #openapi::member_schema::<#ty>());
            quote!((#name, #schema))
        });
        fields.push(quote!(members: &[#(#members),*]));
    }
    quote!(#openapi::Arm { #(#fields,)* ..#openapi::Arm::DEFAULT })
}
