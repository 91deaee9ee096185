//! `#[status(response, client)]`: `problem::FromProblem`, given to status-core's
//! `__impl_client!`, whose feature decides whether it exists. A document goes to the arm of its
//! status and `type`; then to each transparent arm in turn; each field is read back from where
//! it was sent.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Generics, Ident};

use crate::valid::response::HeaderFormat;
use crate::valid::{ArmKey, CheckedClient, CheckedDerive, ClientArm, FieldsShape, Source};

/// The impl's parameters.
const PARAMS: [&str; 3] = ["__status", "__headers", "__problem"];

/// The names the impl binds: see `derive::bound_names`.
pub(super) const LOCALS: [&str; 5] = ["__status", "__headers", "__problem", "__value", "__text"];

/// `generics`: the type's, with the bounds of its `HttpStatus` impl.
pub fn from_problem(
    generics: &Generics,
    checked: &CheckedDerive,
    client: &CheckedClient,
) -> TokenStream {
    let runtime = &checked.runtime;
    let ident = &checked.ident;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let predicates = super::impl_predicates(where_clause, client_bounds(client, runtime));
    let [status, headers, problem] = PARAMS.map(|name| Ident::new(name, Span::mixed_site()));
    let locals = Locals {
        runtime,
        status: &status,
        headers: &headers,
        problem: &problem,
    };
    let fixed = client.arms.iter().filter_map(|arm| {
        let ArmKey::Fixed { code, problem_type } = &arm.key else {
            return None;
        };
        let value = locals.construct(arm);
        Some(quote!((#code, #problem_type) => return (|| #value)(),))
    });
    // The documents of arms that do not decode are no other arm's either.
    let hidden = (client.hidden.iter())
        .map(|(code, problem_type)| quote!((#code, #problem_type) => return ::core::option::Option::None,));
    let transparent = client.arms.iter().filter_map(|arm| {
        let ArmKey::Transparent {
            problem_type,
            own_type,
        } = &arm.key
        else {
            return None;
        };
        let value = locals.construct_with_type(arm, problem_type, *own_type);
        Some(quote! {
            if let ::core::option::Option::Some(__value) = (|| #value)() {
                return ::core::option::Option::Some(__value);
            }
        })
    });
    let error = quote_spanned! {client.word.span()=>
        ::core::compile_error!("`#[status(client)]` needs the `client` feature of status-core");
    };
    let private = quote!(#runtime::__private);
    quote! {
        #private::__impl_client! {
            requested [#error]
            #[automatically_derived]
            impl #impl_generics #runtime::problem::FromProblem for #ident #ty_generics
            where
                #(#predicates,)*
            {
                fn from_problem(
                    #status: ::core::primitive::u16,
                    #headers: &#private::http::HeaderMap,
                    #problem: &#runtime::problem::Problem,
                ) -> ::core::option::Option<Self> {
                    #[allow(unused_imports)]
                    use #private::client::{ByFromProblem as _, ByStatus as _, NotDecoded as _};
                    // A `status` member that disagrees with the status line: another hop's.
                    if !#private::client::agrees(#status, #problem) {
                        return ::core::option::Option::None;
                    }
                    match (#status, #problem.problem_type()) {
                        #(#fixed)*
                        #(#hidden)*
                        _ => {}
                    }
                    #(#transparent)*
                    ::core::option::Option::None
                }
            }
        }
    }
}

/// The bounds a generic field needs to be read back: `DeserializeOwned` for a member, `FromStr`
/// for a header sent by its `Display`. (A generic status field decodes to `None`: method
/// resolution cannot know what its type implements.)
fn client_bounds(client: &CheckedClient, runtime: &syn::Path) -> Vec<TokenStream> {
    let mut bounds = Vec::new();
    for field in client.arms.iter().flat_map(|arm| &arm.fields) {
        if !field.generic {
            continue;
        }
        match &field.source {
            Source::Member(_) => {
                let ty = &field.ty;
                bounds.push(quote!(#ty: #runtime::problem::FromMember));
            }
            Source::Header {
                value_ty,
                format: HeaderFormat::Display,
                ..
            } => bounds.push(quote!(#value_ty: #runtime::problem::FromHeader)),
            _ => {}
        }
    }
    bounds
}

/// The impl's parameters, as the arms read them.
struct Locals<'a> {
    runtime: &'a syn::Path,
    status: &'a Ident,
    headers: &'a Ident,
    problem: &'a Ident,
}

impl Locals<'_> {
    /// `Some(Self::Variant { .. })` from what was sent, `None` when a field does not read back.
    fn construct(&self, arm: &ClientArm) -> TokenStream {
        self.construct_with_type(arm, "", false)
    }

    /// As [`Self::construct`]; a status field's arm matches documents of `problem_type` alone,
    /// and with `own_type` a field that decodes itself does not (its document has not its type).
    fn construct_with_type(
        &self,
        arm: &ClientArm,
        problem_type: &str,
        own_type: bool,
    ) -> TokenStream {
        let path = match &arm.variant {
            Some(variant) => quote!(Self::#variant),
            None => quote!(Self),
        };
        let fields = arm.fields.iter().map(|field| {
            let value = self.field_value(field, problem_type, own_type);
            match (&field.member, arm.shape) {
                (member, FieldsShape::Named) => quote!(#member: #value),
                _ => value,
            }
        });
        let value = match arm.shape {
            FieldsShape::Unit => path,
            FieldsShape::Named => quote!(#path { #(#fields,)* }),
            FieldsShape::Unnamed => quote!(#path ( #(#fields,)* )),
        };
        quote!(::core::option::Option::Some(#value))
    }

    /// The field's value, or `return None` (inside the arm's closure).
    fn field_value(
        &self,
        field: &crate::valid::FieldDecode,
        problem_type: &str,
        own_type: bool,
    ) -> TokenStream {
        let Locals {
            runtime,
            status,
            headers,
            problem,
        } = self;
        let client = quote!(#runtime::__private::client);
        let ty = &field.ty;
        // Spanned at the field's type: a type that does not read back is reported there.
        match &field.source {
            Source::Member(name) => quote_spanned! {ty.span()=>
                <#ty as #runtime::problem::FromMember>::from_member(#problem, #name)?
            },
            Source::Header {
                name,
                optional,
                value_ty,
                format,
            } => {
                let read = match format {
                    HeaderFormat::Seconds => quote!(#client::seconds),
                    HeaderFormat::HttpDate => quote!(#client::http_date),
                    HeaderFormat::Display | HeaderFormat::With(_) => {
                        quote_spanned! {value_ty.span()=>
                            <#value_ty as #runtime::problem::FromHeader>::from_header
                        }
                    }
                };
                let header = quote!(#client::header(#headers, #name));
                match optional {
                    true => quote_spanned! {ty.span()=>
                        match #header {
                            ::core::option::Option::None => ::core::option::Option::None,
                            ::core::option::Option::Some(__text) => {
                                ::core::option::Option::Some(#read(__text)?)
                            }
                        }
                    },
                    false => quote_spanned!(ty.span()=> #read(#header?)?),
                }
            }
            Source::Status { pointee } => {
                let status_ty = pointee.as_deref().unwrap_or(ty);
                let decoded = quote_spanned! {status_ty.span()=>
                    (&&#client::Decode::<#status_ty>::new())
                        .decode(#status, #headers, #problem, #problem_type, #own_type)?
                };
                match pointee {
                    Some(_) => quote_spanned!(ty.span()=> ::core::convert::From::from(#decoded)),
                    None => decoded,
                }
            }
        }
    }
}
