//! `#[status(response)]`: `ErrorResponse`, and through it the frameworks' response traits,
//! all by `status-core`'s `__impl_response!`, whose features decide what exists. Only the
//! methods whose default would be wrong are written.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Generics, Ident};

use super::derive::mentions_any;
use crate::attr::{Framework, ResponseAsks, ResponseWord};
use crate::krate::FrameworkRequirement;
use crate::valid::{CheckedDerive, DeriveArm, FieldRef, HeaderValue, Mapping};

pub fn responses(
    ident: &Ident,
    generics: &Generics,
    checked: &CheckedDerive,
    response: &ResponseWord,
) -> TokenStream {
    let runtime = &checked.runtime;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let predicates = where_clause
        .into_iter()
        .flat_map(|clause| clause.predicates.iter());
    let response_predicates = response_bounds(generics, checked);
    let inner = Delegation::new(checked, generics);
    let methods = [
        text_method(&inner, quote!(problem_type), quote!("about:blank"), |arm| {
            arm.response.problem_type.as_deref()
        }),
        text_method(
            &inner,
            quote!(title),
            quote!(#runtime::__private::default_title(self)),
            |arm| arm.response.title.as_deref(),
        ),
        shows_detail(&inner),
        headers(&inner),
        members(&inner),
        as_error(generics, runtime),
    ];
    // Without `problem` no framework feature is on either: for `response` and
    // `response(framework)`, the framework's error says what to turn on.
    let error = response.parts_only().then(|| {
        quote_spanned! {response.word.span()=>
            ::core::compile_error!(
                "`response(parts)` needs the `problem` feature of status-core (`axum` and `actix-web` turn it on too)"
            );
        }
    });
    let predicates: Vec<_> = predicates.collect();
    let parts = quote!([#impl_generics] [#ident #ty_generics] [#(#predicates,)*]);
    let frameworks = frameworks(checked, response, &parts);
    quote! {
        #runtime::__impl_response! {
            requested [#error]
            impl [#impl_generics] for [#ident #ty_generics]
            where [#(#predicates,)*]
            response where [#(#response_predicates,)*]
            { #(#methods)* }
        }
        #frameworks
    }
}

/// The framework impls `response` asks for, by status-core's macros, whose features decide:
/// for `response`, each framework's whose feature is on, and an error at the word if none is;
/// for `response(axum)`, axum's, or an error at `axum` if its feature is off. With each, the
/// error if the crate depends on that framework at another version.
fn frameworks(
    checked: &CheckedDerive,
    response: &ResponseWord,
    parts: &TokenStream,
) -> TokenStream {
    let runtime = &checked.runtime;
    let (asked, mut tokens): (Vec<(Framework, Option<&Ident>)>, TokenStream) = match &response.asks
    {
        ResponseAsks::Parts => return TokenStream::new(),
        ResponseAsks::Frameworks => {
            let error = quote_spanned! {response.word.span()=>
                ::core::compile_error!(
                    "`response` implements the error responses of the web frameworks whose feature of status-core is on (`axum`, `actix-web`), and none is: turn one on, or say `response(parts)` to implement `problem::ErrorResponse` alone and write the framework's impl by hand"
                );
            };
            let asked = Framework::ALL.iter().map(|&f| (f, None)).collect();
            (asked, quote!(#runtime::__any_framework! { [#error] }))
        }
        ResponseAsks::Named(named) => {
            let asked = named.iter().map(|(f, word)| (*f, Some(word))).collect();
            (asked, TokenStream::new())
        }
    };
    for (framework, word) in asked {
        let call = match framework {
            Framework::Axum => quote!(__impl_axum),
            Framework::ActixWeb => quote!(__impl_actix_web),
        };
        tokens.extend(match word {
            Some(word) => {
                let message = format!(
                    "`response({})` needs the `{}` feature of status-core",
                    framework.word(),
                    framework.package()
                );
                let error = quote_spanned!(word.span()=> ::core::compile_error!(#message););
                quote!(#runtime::#call! { requested [#error] #parts })
            }
            None => quote!(#runtime::#call! { #parts }),
        });
        let word = word.unwrap_or(&response.word);
        let others = checked.other_frameworks.iter();
        for other in others.filter(|other| other.package == framework.package()) {
            tokens.extend(other_version(other, word, runtime));
        }
    }
    tokens
}

/// The crate asks for a framework at another version than status-core implements: if
/// status-core's feature for it is on, the responses would implement the other version's trait
/// and handlers would fail to compile far away; say so at `word` (`response`, or the
/// framework's name in `response(...)`).
fn other_version(other: &FrameworkRequirement, word: &Ident, runtime: &syn::Path) -> TokenStream {
    let (version, implemented, call) = match other.package {
        "axum" => ("0.8", "IntoResponse", quote!(__impl_axum)),
        _ => ("4", "ResponseError", quote!(__impl_actix_web)),
    };
    let message = format!(
        "this crate depends on {} `{}`, and status-core's `{}` feature implements the error \
         responses of {0} {version}: a handler returning this type would not compile; move to \
         {0} {version}, or say `response(parts)` and write the `{implemented}` impl (see \
         `status_core::problem`)",
        other.package, other.requirement, other.package
    );
    let error = quote_spanned!(word.span()=> ::core::compile_error!(#message););
    quote!(#runtime::#call! { other_version [#error] })
}

/// `Self: Display + Debug` for a generic type (a concrete one is checked by the supertraits),
/// and the
/// bounds of `member` and `header` fields whose type names a type parameter.
fn response_bounds(generics: &Generics, checked: &CheckedDerive) -> Vec<TokenStream> {
    let runtime = &checked.runtime;
    let params: Vec<&Ident> = generics.type_params().map(|param| &param.ident).collect();
    if params.is_empty() {
        return Vec::new();
    }
    let mut bounds = vec![quote!(Self: ::core::fmt::Display + ::core::fmt::Debug)];
    for arm in &checked.arms {
        let generic = |field: &&FieldRef| {
            let ty = &field.ty;
            mentions_any(quote!(#ty), &params)
        };
        let headers = arm
            .response
            .headers
            .iter()
            .filter_map(|header| match &header.value {
                HeaderValue::Field(field) => Some(field),
                HeaderValue::Const(_) => None,
            });
        for field in headers.filter(generic) {
            let ty = &field.ty;
            bounds.push(quote!(#ty: ::core::fmt::Display));
        }
        let members = arm.response.members.iter().map(|member| &member.field);
        for field in members.filter(generic) {
            let ty = &field.ty;
            bounds.push(quote!(#ty: #runtime::__private::serde::Serialize));
        }
    }
    bounds
}

/// A `match self` with an arm per variant that `value` gives tokens for, and a wildcard arm
/// giving `otherwise` when some variant has none; `None` when none has.
fn match_arms(
    checked: &CheckedDerive,
    otherwise: TokenStream,
    value: impl Fn(&DeriveArm) -> Option<(Vec<syn::Member>, TokenStream)>,
) -> Option<TokenStream> {
    let mut arms = Vec::new();
    let mut all = true;
    for arm in &checked.arms {
        let Some((members, value)) = value(arm) else {
            all = false;
            continue;
        };
        let bindings = members.iter().map(binding);
        let pattern = match &arm.variant {
            Some(variant) => quote!(Self::#variant { #(#members: #bindings,)* .. }),
            None => quote!(Self { #(#members: #bindings,)* .. }),
        };
        arms.push(quote!(#pattern => #value,));
    }
    if arms.is_empty() {
        return None;
    }
    let wildcard = (!all).then(|| quote!(_ => #otherwise,));
    Some(quote!(match self { #(#arms)* #wildcard }))
}

/// The local name of a field's value in generated code: no user code can name it.
fn binding(member: &syn::Member) -> Ident {
    let name = match member {
        syn::Member::Named(ident) => format_ident!("__field_{}", ident),
        syn::Member::Unnamed(index) => format_ident!("__field_{}", index.index),
    };
    Ident::new(&name.to_string(), Span::mixed_site())
}

/// The binding of a field, located at `span` (its type) so that an error about its value is
/// reported there; its hygiene is the binding's.
fn binding_at(member: &syn::Member, span: Span) -> Ident {
    let mut ident = binding(member);
    ident.set_span(Span::mixed_site().located_at(span));
    ident
}

/// How the response methods reach a `transparent` field's own response parts, when it has them
/// (`ErrorResponse`): method resolution decides, through `__private::InnerResponse`. Not for a
/// field whose type names a type parameter, where it could pick an impl whose bounds then fail.
struct Delegation<'c, 'r> {
    checked: &'c CheckedDerive<'r>,
    params: Vec<Ident>,
}

impl<'c, 'r> Delegation<'c, 'r> {
    fn new(checked: &'c CheckedDerive<'r>, generics: &Generics) -> Self {
        let params = generics.type_params().map(|param| param.ident.clone());
        Delegation {
            checked,
            params: params.collect(),
        }
    }

    /// The transparent field of `arm` whose response parts are looked for, if any.
    fn field<'a>(&self, arm: &'a DeriveArm) -> Option<(&'a syn::Member, &'a syn::Type)> {
        let Mapping::Transparent { member, ty, .. } = &arm.mapping else {
            return None;
        };
        let params: Vec<&Ident> = self.params.iter().collect();
        (!mentions_any(quote!(#ty), &params)).then_some((member, &**ty))
    }

    /// `method(args)` of the field's response parts: `(&InnerResponse(field)).method(args)`.
    fn call(&self, member: &syn::Member, method: TokenStream) -> TokenStream {
        let runtime = &self.checked.runtime;
        let field = binding(member);
        quote!((&#runtime::__private::InnerResponse(#field)).#method)
    }

    /// The imports the calls need, when some arm has such a field.
    fn imports(&self) -> Option<TokenStream> {
        let runtime = &self.checked.runtime;
        self.checked
            .arms
            .iter()
            .any(|arm| self.field(arm).is_some())
            .then(|| {
                quote! {
                    #[allow(unused_imports)]
                    use #runtime::__private::InnerParts as _;
                }
            })
    }
}

/// `problem_type` or `title`, when some arm says it or delegates it; the others give
/// `otherwise`.
fn text_method(
    inner: &Delegation,
    name: TokenStream,
    otherwise: TokenStream,
    text: impl for<'a> Fn(&'a DeriveArm) -> Option<&'a str>,
) -> Option<TokenStream> {
    let inner_method = format_ident!("inner_{}", name.to_string());
    let body = match_arms(inner.checked, otherwise.clone(), |arm| {
        if let Some(text) = text(arm) {
            return Some((Vec::new(), quote!(#text)));
        }
        let (member, _) = inner.field(arm)?;
        let call = inner.call(member, quote!(#inner_method()));
        Some((
            vec![member.clone()],
            quote!(#call.unwrap_or_else(|| #otherwise)),
        ))
    })?;
    let imports = inner.imports();
    Some(quote! {
        fn #name(&self) -> &'static ::core::primitive::str { #imports #body }
    })
}

/// `shows_detail`, when some arm says `detail` or delegates it.
fn shows_detail(inner: &Delegation) -> Option<TokenStream> {
    let runtime = &inner.checked.runtime;
    let otherwise = quote!(#runtime::problem::status(self) < 500);
    let body = match_arms(inner.checked, otherwise.clone(), |arm| {
        if arm.response.detail {
            return Some((Vec::new(), quote!(true)));
        }
        let (member, _) = inner.field(arm)?;
        let call = inner.call(member, quote!(inner_shows_detail()));
        Some((vec![member.clone()], quote!(#call.unwrap_or(#otherwise))))
    })?;
    let imports = inner.imports();
    Some(quote! {
        fn shows_detail(&self) -> ::core::primitive::bool { #imports #body }
    })
}

/// `headers`, when some arm sends one or delegates them: its own first, then the field's.
fn headers(inner: &Delegation) -> Option<TokenStream> {
    let header = Ident::new("__header", Span::mixed_site());
    let body = match_arms(inner.checked, quote!({}), |arm| {
        let delegated = inner.field(arm);
        if arm.response.headers.is_empty() && delegated.is_none() {
            return None;
        }
        let mut members = Vec::new();
        let mut calls = Vec::new();
        for response_header in &arm.response.headers {
            let name = &response_header.name;
            calls.push(match &response_header.value {
                HeaderValue::Const(value) => quote!(#header(#name, &#value);),
                HeaderValue::Field(field) => {
                    members.push(field.member.clone());
                    let value = binding_at(&field.member, field.ty.span());
                    // Spanned at the field's type: a type without `Display` is reported there.
                    let runtime = &inner.checked.runtime;
                    quote_spanned! {field.ty.span()=>
                        #header(#name, #runtime::__private::header_value(#value));
                    }
                }
            });
        }
        if let Some((member, _)) = delegated {
            if !members.contains(member) {
                members.push(member.clone());
            }
            let call = inner.call(member, quote!(inner_headers(#header)));
            calls.push(quote!(#call;));
        }
        Some((members, quote!({ #(#calls)* })))
    })?;
    let imports = inner.imports();
    Some(quote! {
        fn headers(
            &self,
            #header: &mut dyn ::core::ops::FnMut(
                &'static ::core::primitive::str,
                &dyn ::core::fmt::Display,
            ),
        ) {
            #imports
            #body
        }
    })
}

/// `members`, when some arm has one or delegates them: the field's first, then its own.
fn members(inner: &Delegation) -> Option<TokenStream> {
    let runtime = &inner.checked.runtime;
    let map = Ident::new("__map", Span::mixed_site());
    let body = match_arms(inner.checked, quote!({}), |arm| {
        let delegated = inner.field(arm);
        if arm.response.members.is_empty() && delegated.is_none() {
            return None;
        }
        let mut members: Vec<syn::Member> = arm
            .response
            .members
            .iter()
            .map(|m| m.field.member.clone())
            .collect();
        let mut entries = Vec::new();
        if let Some((member, _)) = delegated {
            if !members.contains(member) {
                members.push(member.clone());
            }
            let call = inner.call(member, quote!(inner_members(#map)));
            entries.push(quote!(#call?;));
        }
        for member in &arm.response.members {
            let name = &member.name;
            let value = binding_at(&member.field.member, member.field.ty.span());
            // Spanned at the field's type: a type without `Serialize` is reported there.
            entries.push(quote_spanned! {member.field.ty.span()=>
                #runtime::__private::serialize_member(#map, #name, #value)?;
            });
        }
        Some((members, quote!({ #(#entries)* })))
    })?;
    let imports = inner.imports();
    Some(quote! {
        fn members<__M: #runtime::__private::serde::ser::SerializeMap>(
            &self,
            #map: &mut __M,
        ) -> ::core::result::Result<(), __M::Error> {
            #imports
            #body
            ::core::result::Result::Ok(())
        }
    })
}

/// `as_error`, for a type that is not generic: method resolution finds whether it implements
/// `Error` (for a generic type it could pick an impl whose bounds then fail).
fn as_error(generics: &Generics, runtime: &syn::Path) -> Option<TokenStream> {
    if !generics.params.is_empty() {
        return None;
    }
    Some(quote! {
        fn as_error(
            &self,
        ) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
            #[allow(unused_imports)]
            use #runtime::__private::ErrorOf as _;
            (&#runtime::__private::AsError(self)).error_of()
        }
    })
}
