//! `#[status(response)]`: `ErrorResponse`, and through it the frameworks' response traits,
//! all by `status-core`'s `__impl_response!`, whose features decide what exists. Only the
//! methods whose default would be wrong are written.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Generics, Ident};

use crate::frameworks::Framework;
use crate::valid::response::{FieldHeader, HeaderFormat, LEVELS};
use crate::valid::{
    AskedBy, Asks, CheckedDerive, CheckedResponse, DeriveArm, Fallback, FrameworkImpl, HeaderValue,
    Mapping,
};

/// `generics`: the type's, with the bounds of its `HttpStatus` impl.
pub fn responses(
    generics: &Generics,
    checked: &CheckedDerive,
    response: &CheckedResponse,
) -> TokenStream {
    let runtime = &checked.runtime;
    let ident = &checked.ident;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let predicates = where_clause
        .into_iter()
        .flat_map(|clause| clause.predicates.iter());
    let response_predicates = response_bounds(checked);
    let inner = Delegation { checked };
    let methods = [
        text_method(&inner, quote!(problem_type), quote!("about:blank"), |arm| {
            let response = &arm.response;
            (response.problem_type.as_deref(), response.own.problem_type)
        }),
        text_method(
            &inner,
            quote!(title),
            quote!(#runtime::__private::default_title(self)),
            |arm| (arm.response.title.as_deref(), arm.response.own.title),
        ),
        shows_detail(&inner),
        fmt_detail(&inner),
        headers(&inner),
        members(&inner),
        as_error(&checked.generics, runtime),
        log_level(&inner),
        waives_header(&inner),
        body(response, &checked.generics, runtime),
    ];
    // Without `problem` no framework feature is on either: for `response` and
    // `response(framework)`, the framework's error says what to turn on.
    let error = response.parts_only().then(|| {
        let message = "`response(parts)` needs the `problem` feature of status-core \
                       (`axum` and `actix-web` turn it on too)";
        quote_spanned! {response.word.span()=>
            ::core::compile_error!(#message);
        }
    });
    let predicates: Vec<_> = predicates.collect();
    let header = ImplHeader {
        runtime,
        generics,
        ident,
        predicates: quote!(#(#predicates,)*),
    };
    let frameworks = frameworks(checked, response, &header);
    // The whole impl, which status-core's macro keeps or drops: an error in it (a bound a
    // field's type does not meet) is then the derive's, not the macro's.
    quote! {
        #runtime::__private::__impl_response! {
            requested [#error]
            #[automatically_derived]
            impl #impl_generics #runtime::problem::ErrorResponse for #ident #ty_generics
            where
                #(#predicates,)* #(#response_predicates,)*
            {
                #(#methods)*
            }
        }
        #frameworks
    }
}

/// What the impls of a type start with: its generics, name and predicates.
struct ImplHeader<'a> {
    runtime: &'a syn::Path,
    generics: &'a Generics,
    ident: &'a Ident,
    /// Each followed by a comma.
    predicates: TokenStream,
}

impl ImplHeader<'_> {
    /// The impl of `framework`'s response trait: from the derived parts, or, for a derive that
    /// failed, one that never runs and is bounded by nothing that could add an error.
    fn framework_impl(&self, framework: Framework, fallback: bool) -> TokenStream {
        let ImplHeader {
            runtime,
            ident,
            predicates,
            ..
        } = self;
        let (impl_generics, ty_generics, _) = self.generics.split_for_impl();
        let private = quote!(#runtime::__private);
        // Under a binder, so that a concrete type whose `ErrorResponse` impl is in error (no
        // `Display`) gets that one error, not one more here.
        let bound =
            (!fallback).then(|| quote!(for<'__response> Self: #runtime::problem::ErrorResponse,));
        let body = match (framework, fallback) {
            (Framework::Axum, false) => quote! {
                fn into_response(self) -> #private::axum::response::Response {
                    #runtime::problem::axum_response(&self)
                }
            },
            (Framework::Axum, true) => quote! {
                fn into_response(self) -> #private::axum::response::Response {
                    ::core::unreachable!()
                }
            },
            (Framework::ActixWeb, false) => quote! {
                fn status_code(&self) -> #private::actix_web::http::StatusCode {
                    #runtime::problem::actix_status(self)
                }

                fn error_response(&self) -> #private::actix_web::HttpResponse {
                    #runtime::problem::actix_response(self)
                }
            },
            (Framework::ActixWeb, true) => TokenStream::new(),
        };
        let response_trait = match framework {
            Framework::Axum => quote!(#private::axum::response::IntoResponse),
            Framework::ActixWeb => quote!(#private::actix_web::ResponseError),
        };
        quote! {
            #[automatically_derived]
            impl #impl_generics #response_trait for #ident #ty_generics
            where
                #predicates #bound
            {
                #body
            }
        }
    }
}

/// The impls of a `response` type whose derive failed (see `derive_fallback`):
/// `ErrorResponse` with its defaults, the framework impls it asked for, and with `openapi` an
/// `IntoResponses` that never runs; each only where status-core's features give it, and no
/// error of its own (the derive's errors say what is wrong).
pub fn fallback_responses(fallback: &Fallback) -> Option<TokenStream> {
    let Fallback {
        ident,
        generics,
        runtime,
        response,
        openapi,
        client,
    } = fallback;
    let response = response.as_ref()?;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let predicates: Vec<_> = where_clause
        .into_iter()
        .flat_map(|clause| clause.predicates.iter())
        .collect();
    // A generic type's impl is bounded as the derived one would be; a concrete type has the
    // supertraits or an error of its own.
    let response_predicates = (generics.type_params().next().is_some())
        .then(|| quote!(Self: ::core::fmt::Display + ::core::fmt::Debug,));
    let header = ImplHeader {
        runtime,
        generics,
        ident,
        predicates: quote!(#(#predicates,)*),
    };
    let frameworks = response.frameworks().iter().map(|implementation| {
        let call = impl_macro(implementation.framework);
        let fallback = header.framework_impl(implementation.framework, true);
        quote!(#runtime::__private::#call! { #fallback })
    });
    let openapi = openapi.then(|| {
        quote! {
            #runtime::__private::__impl_into_responses! {
                requested []
                impl #impl_generics #runtime::utoipa::IntoResponses for #ident #ty_generics
                where
                    #(#predicates,)*
                {
                    fn responses() -> #runtime::__private::openapi::Responses {
                        ::core::unreachable!()
                    }
                }
            }
        }
    });
    let client = client.then(|| {
        quote! {
            #runtime::__private::__impl_client! {
                requested []
                impl #impl_generics #runtime::problem::FromProblem for #ident #ty_generics
                where
                    #(#predicates,)*
                {
                    fn from_problem(
                        _: ::core::primitive::u16,
                        _: &#runtime::__private::http::HeaderMap,
                        _: &#runtime::problem::Problem,
                    ) -> ::core::option::Option<Self> {
                        ::core::unreachable!()
                    }
                }
            }
        }
    });
    Some(quote! {
        #client
        #runtime::__private::__impl_response! {
            requested []
            impl #impl_generics #runtime::problem::ErrorResponse for #ident #ty_generics
            where
                #(#predicates,)* #response_predicates
            {}
        }
        #(#frameworks)*
        #openapi
    })
}

/// status-core's macro that implements a framework's response trait.
fn impl_macro(framework: Framework) -> Ident {
    let name = match framework {
        Framework::Axum => "__impl_axum",
        Framework::ActixWeb => "__impl_actix_web",
    };
    Ident::new(name, Span::call_site())
}

/// The framework impls `response` asks for, by status-core's macros, whose features decide:
/// for `response`, each framework's whose feature is on, and an error at the word if none is;
/// for `response(axum)`, axum's, or an error at `axum` if its feature is off. With each, the
/// error if the crate depends on that framework at another version.
fn frameworks(
    checked: &CheckedDerive,
    response: &CheckedResponse,
    header: &ImplHeader,
) -> TokenStream {
    let runtime = &checked.runtime;
    let mut tokens = TokenStream::new();
    // A type that says `client` is whole without a framework: a crate of error types shared by
    // a server and its client builds for the client alone.
    if let (Asks::EveryFrameworkOn(_), None) = (&response.asks, &checked.client) {
        let message = "`response` implements the error responses of the web frameworks whose \
                       feature of status-core is on (`axum`, `actix-web`), and none is: turn one \
                       on, or say `response(parts)` to implement `problem::ErrorResponse` alone \
                       and write the framework's impl by hand";
        let error = quote_spanned! {response.word.span()=>
            ::core::compile_error!(#message);
        };
        tokens.extend(quote!(#runtime::__private::__any_framework! { [#error] }));
    }
    for implementation in response.frameworks() {
        let FrameworkImpl {
            framework,
            asked_by,
            other_version,
        } = implementation;
        let (package, call) = (framework.package(), impl_macro(*framework));
        let requested = asked_by.as_ref().map(|asked_by| {
            let (word, message) = match asked_by {
                AskedBy::Name(word) => (
                    word,
                    format!(
                        "`response({})` needs the `{package}` feature of status-core",
                        framework.word()
                    ),
                ),
                AskedBy::Dependency(word) => (
                    word,
                    format!(
                        "`response` implements the error responses of the frameworks this \
                         crate depends on, {package} among them, and status-core's `{package}` \
                         feature is off: turn it on, or name the frameworks to implement \
                         (`response(axum)`, `response(actix_web)`), or say `response(parts)`"
                    ),
                ),
            };
            quote_spanned!(word.span()=> ::core::compile_error!(#message);)
        });
        let implementation_tokens = header.framework_impl(*framework, false);
        tokens.extend(match requested {
            Some(error) => {
                quote!(#runtime::__private::#call! { requested [#error] #implementation_tokens })
            }
            None => quote!(#runtime::__private::#call! { #implementation_tokens }),
        });
        if let Some(requirement) = other_version {
            let word = implementation.word(&response.word);
            tokens.extend(other_version_error(*framework, requirement, word, runtime));
        }
    }
    tokens
}

/// The crate asks for a framework at another version than status-core implements: if
/// status-core's feature for it is on, the responses would implement the other version's trait
/// and handlers would fail to compile far away; say so at `word` (`response`, or the
/// framework's name in `response(...)`).
fn other_version_error(
    framework: Framework,
    requirement: &str,
    word: &Ident,
    runtime: &syn::Path,
) -> TokenStream {
    let (package, version) = (framework.package(), framework.version());
    let message = format!(
        "this crate depends on {package} `{requirement}`, and status-core's `{package}` feature \
         implements the error responses of {package} {version}: a handler returning this type \
         would not compile; move to {package} {version}, or say `response(parts)` and write the \
         `{}` impl (see `status_core::problem`)",
        framework.response_trait()
    );
    let error = quote_spanned!(word.span()=> ::core::compile_error!(#message););
    let call = impl_macro(framework);
    quote!(#runtime::__private::#call! { other_version [#error] })
}

/// `Self: Display + Debug` for a generic type (a concrete one is checked by the supertraits),
/// and the bounds of `member` and `header` fields whose type names a type parameter.
fn response_bounds(checked: &CheckedDerive) -> Vec<TokenStream> {
    let runtime = &checked.runtime;
    if checked.generics.type_params().next().is_none() {
        return Vec::new();
    }
    let mut bounds = vec![quote!(Self: ::core::fmt::Display + ::core::fmt::Debug)];
    for arm in &checked.arms {
        let headers = arm
            .response
            .headers
            .iter()
            .filter_map(|header| match &header.value {
                HeaderValue::Field(field, format) => Some((field, format)),
                HeaderValue::Const(_) => None,
            });
        for (_, format) in headers.filter(|(field, _)| field.generic) {
            if let HeaderFormat::Display = format.format {
                let ty = &format.value_ty;
                bounds.push(quote!(#ty: #runtime::problem::HeaderText));
            }
        }
        let members = arm.response.members.iter().map(|member| &member.field);
        for field in members.filter(|field| field.generic) {
            let ty = &field.ty;
            bounds.push(quote!(#ty: #runtime::problem::ProblemMember));
        }
    }
    bounds
}

/// A `match self` with an arm per variant that `value` gives tokens for (with the fields it
/// binds), and a wildcard arm giving `otherwise` when some variant has none; `None` when none
/// has.
fn match_arms(
    checked: &CheckedDerive,
    otherwise: TokenStream,
    value: impl Fn(&DeriveArm) -> Option<(Vec<syn::Member>, TokenStream)>,
) -> Option<TokenStream> {
    let mut arms = Vec::new();
    let mut all = true;
    for arm in &checked.arms {
        let Some((bound, value)) = value(arm) else {
            all = false;
            continue;
        };
        let bindings = bound.iter().map(binding);
        let pattern = match &arm.variant {
            Some(variant) => quote!(Self::#variant { #(#bound: #bindings,)* .. }),
            None => quote!(Self { #(#bound: #bindings,)* .. }),
        };
        arms.push(quote!(#pattern => #value,));
    }
    if arms.is_empty() {
        return None;
    }
    let wildcard = (!all).then(|| quote!(_ => #otherwise,));
    Some(quote!(match self { #(#arms)* #wildcard }))
}

/// The local name of a field's value in generated code. No user code names it, and no user
/// item shadows it: `derive` declares a function of each such name around the impls.
pub(super) fn binding(member: &syn::Member) -> Ident {
    let name = match member {
        syn::Member::Named(ident) => format_ident!("__field_{}", ident),
        syn::Member::Unnamed(index) => format_ident!("__field_{}", index.index),
    };
    Ident::new(&name.to_string(), Span::mixed_site())
}

/// The names generated code binds besides the fields' (see [`binding`]).
pub(super) const LOCALS: [&str; 6] = [
    "__header",
    "__map",
    "__f",
    "__value",
    "__name",
    "__serializer",
];

fn local(name: &str) -> Ident {
    Ident::new(name, Span::mixed_site())
}

/// The binding of a field, located at `span` (its type) so that an error about its value is
/// reported there; its hygiene is the binding's.
fn binding_at(member: &syn::Member, span: Span) -> Ident {
    let mut ident = binding(member);
    ident.set_span(Span::mixed_site().located_at(span));
    ident
}

/// How the response methods reach a `transparent` field's own response parts, when it has them
/// (`ErrorResponse`): method resolution decides, through `__private::InnerResponse`; through a
/// `Box`, `Rc` or `Arc` to the value. Not for a field whose type names a type parameter, where
/// it could pick an impl whose bounds then fail.
struct Delegation<'c, 'r> {
    checked: &'c CheckedDerive<'r>,
}

/// The transparent field of an arm whose response parts are looked for.
struct Delegated<'a> {
    member: &'a syn::Member,
    /// Behind a smart pointer: reached by `&**`.
    through_pointer: bool,
}

impl Delegation<'_, '_> {
    /// The transparent field of `arm` whose response parts are looked for, if any.
    fn field<'a>(&self, arm: &'a DeriveArm) -> Option<Delegated<'a>> {
        let Mapping::Transparent {
            member,
            pointee,
            generic: false,
            ..
        } = &arm.mapping
        else {
            return None;
        };
        Some(Delegated {
            member,
            through_pointer: pointee.is_some(),
        })
    }

    /// `method` of the field's response parts: `(&InnerResponse(field)).method`.
    fn call(&self, field: &Delegated, method: TokenStream) -> TokenStream {
        let runtime = &self.checked.runtime;
        let binding = binding(field.member);
        let value = if field.through_pointer {
            quote!(&**#binding)
        } else {
            quote!(#binding)
        };
        quote!((&#runtime::__private::InnerResponse(#value)).#method)
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
/// `otherwise`. The variant's own text comes first, then the field's, then the type's.
fn text_method(
    inner: &Delegation,
    name: TokenStream,
    otherwise: TokenStream,
    text: impl for<'a> Fn(&'a DeriveArm) -> (Option<&'a str>, bool),
) -> Option<TokenStream> {
    let inner_method = format_ident!("inner_{}", name.to_string());
    let body = match_arms(inner.checked, otherwise.clone(), |arm| {
        let (text, own) = text(arm);
        let delegated = inner.field(arm).filter(|_| !own);
        let Some(field) = delegated else {
            return text.map(|text| (Vec::new(), quote!(#text)));
        };
        let call = inner.call(&field, quote!(#inner_method()));
        let fallback = text.map_or(otherwise.clone(), |text| quote!(#text));
        Some((
            vec![field.member.clone()],
            quote!(#call.unwrap_or_else(|| #fallback)),
        ))
    })?;
    let imports = inner.imports();
    Some(quote! {
        fn #name(&self) -> &'static ::core::primitive::str { #imports #body }
    })
}

/// `shows_detail`, when some arm says `detail` or delegates it: the variant's `detail`, else
/// the field's rule, else the type's `detail`, else the default.
fn shows_detail(inner: &Delegation) -> Option<TokenStream> {
    let runtime = &inner.checked.runtime;
    let otherwise = quote!(#runtime::problem::status(self) < 500);
    let body = match_arms(inner.checked, otherwise.clone(), |arm| {
        let response = &arm.response;
        let delegated = inner.field(arm).filter(|_| !response.own.detail);
        let Some(field) = delegated else {
            return response.detail.then(|| (Vec::new(), quote!(true)));
        };
        let type_rule = if response.detail {
            quote!(true)
        } else {
            otherwise.clone()
        };
        let call = inner.call(&field, quote!(inner_shows_detail()));
        Some((
            vec![field.member.clone()],
            quote!(#call.unwrap_or(#type_rule)),
        ))
    })?;
    let imports = inner.imports();
    Some(quote! {
        fn shows_detail(&self) -> ::core::primitive::bool { #imports #body }
    })
}

/// `fmt_detail`, when some arm delegates its detail to a field: the field's own text when it is
/// an error response, so that the outer `Display` (which may say what the field hides) is
/// never its detail.
fn fmt_detail(inner: &Delegation) -> Option<TokenStream> {
    let f = local("__f");
    let display = quote!(::core::fmt::Display::fmt(self, #f));
    let body = match_arms(inner.checked, display.clone(), |arm| {
        let field = inner.field(arm).filter(|_| !arm.response.own.detail)?;
        let call = inner.call(&field, quote!(inner_fmt_detail(#f)));
        // No binding: a user's item could capture its name.
        let value = quote!(#call.unwrap_or_else(|| #display));
        Some((vec![field.member.clone()], value))
    })?;
    let imports = inner.imports();
    Some(quote! {
        fn fmt_detail(
            &self,
            #f: &mut ::core::fmt::Formatter<'_>,
        ) -> ::core::fmt::Result {
            #imports
            #body
        }
    })
}

/// `headers`, when some arm sends one or delegates them. Each name once: the type's (but
/// those the field sends), the variant's, then the field's (but those the variant sends).
fn headers(inner: &Delegation) -> Option<TokenStream> {
    let runtime = &inner.checked.runtime;
    let header = local("__header");
    let body = match_arms(inner.checked, quote!({}), |arm| {
        let delegated = inner.field(arm);
        if arm.response.headers.is_empty() && delegated.is_none() {
            return None;
        }
        let mut bound = Vec::new();
        let mut calls = Vec::new();
        let mut own = Vec::new();
        for response_header in &arm.response.headers {
            let name = &response_header.name;
            match (&response_header.value, &delegated) {
                (HeaderValue::Const(value), Some(field)) if response_header.from_type => {
                    let sends = inner.call(field, quote!(inner_sends_header(#name)));
                    calls.push(quote! {
                        if !#sends {
                            #header(#name, #runtime::problem::HeaderValueText::constant(#value));
                        }
                    });
                }
                (HeaderValue::Const(value), _) => {
                    calls.push(quote! {
                        #header(#name, #runtime::problem::HeaderValueText::constant(#value));
                    });
                }
                (HeaderValue::Field(field, format), _) => {
                    bound.push(field.member.clone());
                    let value = binding_at(&field.member, field.ty.span());
                    calls.push(field_header(runtime, &header, name, value, format));
                }
            }
            if !response_header.from_type {
                own.push(name);
            }
        }
        if let Some(field) = &delegated {
            if !bound.contains(field.member) {
                bound.push(field.member.clone());
            }
            let call = inner.call(field, quote!(inner_headers(&[#(#own),*], #header)));
            calls.push(quote!(#call;));
        }
        Some((bound, quote!({ #(#calls)* })))
    })?;
    let imports = inner.imports();
    Some(quote! {
        fn headers(
            &self,
            #header: &mut dyn ::core::ops::FnMut(
                &'static ::core::primitive::str,
                #runtime::problem::HeaderValueText<'_>,
            ),
        ) {
            #imports
            #body
        }
    })
}

/// The call of `header` for a field's value (`value`, a reference): by its type, once for an
/// `Option`'s value when it is `Some`.
fn field_header(
    runtime: &syn::Path,
    header: &Ident,
    name: &str,
    value: Ident,
    format: &FieldHeader,
) -> TokenStream {
    let span = format.value_ty.span();
    let inner = if format.optional {
        let mut inner = local("__value");
        inner.set_span(Span::mixed_site().located_at(span));
        inner
    } else {
        value.clone()
    };
    let problem = quote!(#runtime::problem);
    // Spanned at the value's type (or the function): a type without what its format needs is
    // reported there.
    let text = match &format.format {
        HeaderFormat::Display => quote_spanned! {span=>
            #problem::HeaderText::header_text(#inner)
        },
        HeaderFormat::Seconds => quote_spanned! {span=>
            &#problem::DeltaSeconds(*#inner)
        },
        HeaderFormat::HttpDate => quote_spanned! {span=>
            &#problem::HttpDate::since_epoch(
                ::std::time::SystemTime::duration_since(#inner, ::std::time::UNIX_EPOCH).ok(),
            )
        },
        HeaderFormat::With(path) => quote_spanned! {path.span()=>
            &#path(#inner)
        },
    };
    let call = quote! {
        #header(#name, #problem::HeaderValueText::display(#text));
    };
    if !format.optional {
        return call;
    }
    quote_spanned! {span=>
        if let ::core::option::Option::Some(#inner) = #value {
            #call
        }
    }
}

/// `log_level`, when some arm says `log` or delegates it: the variant's level, else the
/// field's (when it says one), else the type's.
fn log_level(inner: &Delegation) -> Option<TokenStream> {
    let runtime = &inner.checked.runtime;
    let level = |name: &str| {
        let variant = LEVELS.iter().find(|(level, _)| *level == name).map(|l| l.1);
        let variant = Ident::new(variant.unwrap_or("Error"), Span::call_site());
        quote!(::core::option::Option::Some(#runtime::problem::LogLevel::#variant))
    };
    let none = quote!(::core::option::Option::None);
    let body = match_arms(inner.checked, none.clone(), |arm| {
        let response = &arm.response;
        let own = response.log.map(level);
        let delegated = inner.field(arm).filter(|_| !response.own.log);
        let Some(field) = delegated else {
            return own.map(|own| (Vec::new(), own));
        };
        let call = inner.call(&field, quote!(inner_log_level()));
        let fallback = own.unwrap_or_else(|| none.clone());
        Some((
            vec![field.member.clone()],
            quote!(#call.flatten().or(#fallback)),
        ))
    })?;
    let imports = inner.imports();
    Some(quote! {
        fn log_level(
            &self,
        ) -> ::core::option::Option<#runtime::problem::LogLevel> {
            #imports
            #body
        }
    })
}

/// `waives_header`, when some arm waives a header or delegates: the variant's and the type's
/// waivers, and the field's.
fn waives_header(inner: &Delegation) -> Option<TokenStream> {
    let runtime = &inner.checked.runtime;
    let name = local("__name");
    let body = match_arms(inner.checked, quote!(false), |arm| {
        let waived = &arm.response.waived;
        let own = (!waived.is_empty())
            .then(|| quote!(#runtime::__private::named(&[#(#waived),*], #name)));
        let Some(field) = inner.field(arm) else {
            return own.map(|own| (Vec::new(), own));
        };
        let call = inner.call(&field, quote!(inner_waives_header(#name)));
        let own = own.unwrap_or(quote!(false));
        Some((vec![field.member.clone()], quote!(#own || #call)))
    })?;
    let imports = inner.imports();
    Some(quote! {
        fn waives_header(&self, #name: &::core::primitive::str) -> ::core::primitive::bool {
            #imports
            #body
        }
    })
}

/// `content_type` and `serialize_body`, for `response(body = path)`: `path(self)`, spanned at
/// the path so that a function that does not take the type, or a value that is not
/// `Serialize`, is reported there.
fn body(
    response: &CheckedResponse,
    generics: &Generics,
    runtime: &syn::Path,
) -> Option<TokenStream> {
    let body = response.body.as_ref()?;
    // The method's type parameter, under a name the type's own do not use.
    let param = super::unused_param(generics, "__S");
    let path = &body.path;
    let content_type = &body.content_type;
    let serializer = local("__serializer");
    // `self` with the call site's hygiene (the path may come from a `macro_rules!`, where there
    // is none), located at the path: a function that does not take the type is reported there.
    let this = syn::token::SelfValue(Span::call_site().located_at(path.span()));
    let call = quote_spanned! {path.span()=>
        #runtime::problem::ResponseBody::serialize_body(&#path(#this), #serializer)
    };
    Some(quote! {
        fn content_type(&self) -> &'static ::core::primitive::str {
            #content_type
        }

        fn serialize_body<#param: #runtime::__private::serde::Serializer>(
            &self,
            #serializer: #param,
        ) -> ::core::result::Result<#param::Ok, #param::Error> {
            #call
        }
    })
}

/// `members`, when some arm has one or delegates them: the field's first (but those the
/// variant has), then its own.
fn members(inner: &Delegation) -> Option<TokenStream> {
    let runtime = &inner.checked.runtime;
    let map = local("__map");
    let body = match_arms(inner.checked, quote!({}), |arm| {
        let delegated = inner.field(arm);
        if arm.response.members.is_empty() && delegated.is_none() {
            return None;
        }
        let mut bound: Vec<syn::Member> = arm
            .response
            .members
            .iter()
            .map(|member| member.field.member.clone())
            .collect();
        let mut entries = Vec::new();
        if let Some(field) = &delegated {
            if !bound.contains(field.member) {
                bound.push(field.member.clone());
            }
            let own = arm.response.members.iter().map(|member| &member.name);
            let call = inner.call(field, quote!(inner_members(&[#(#own),*], #map)));
            entries.push(quote!(#call?;));
        }
        for member in &arm.response.members {
            let name = &member.name;
            let value = binding_at(&member.field.member, member.field.ty.span());
            // Spanned at the field's type: a type without `Serialize` is reported there.
            entries.push(quote_spanned! {member.field.ty.span()=>
                #runtime::problem::ProblemMember::write_member(#value, #map, #name)?;
            });
        }
        Some((bound, quote!({ #(#entries)* })))
    })?;
    let imports = inner.imports();
    // The method's type parameter, under a name the type's own do not use.
    let param = super::unused_param(&inner.checked.generics, "__M");
    Some(quote! {
        fn members<#param: #runtime::__private::serde::ser::SerializeMap>(
            &self,
            #map: &mut #param,
        ) -> ::core::result::Result<(), #param::Error> {
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
