//! Code generation. Generated code names the runtime only through `::status_core::...` and
//! `::core::...`, so it works whatever the user's crate has in scope.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::Ident;
use syn::ext::IdentExt;
use syn::spanned::Spanned;

use crate::ast::StatusEnum;
use crate::registry::{Entry, Standing};
use crate::valid::{CheckedDerive, CheckedEnum, Mapping, Resolved, former_name_note};

/// `status!`: a path to the `StatusCode` variant, usable as an expression, in `const` items and
/// as a pattern. A former name goes through the deprecated associated constant of that name,
/// so the warning lands on the user's token.
pub fn status_code_path(resolved: &Resolved) -> TokenStream {
    let variant = match &resolved.former_name {
        Some(former) => Ident::new(&camel_case_of(former, resolved.entry), former.span()),
        None => Ident::new(&resolved.entry.name, resolved.span),
    };
    quote!(::status_core::StatusCode::#variant)
}

/// The UpperCamelCase alias that a (possibly SCREAMING) former name stands for.
fn camel_case_of(former: &Ident, entry: &Entry) -> String {
    let written = former.unraw().to_string();
    entry
        .aliases
        .iter()
        .find(|alias| **alias == written || crate::registry::screaming_snake_case(alias) == written)
        .cloned()
        .unwrap_or(written)
}

/// Uses of deprecated items spanned at each former name the user wrote.
pub fn former_name_warnings<'r>(
    former_names: impl IntoIterator<Item = (&'r Ident, &'r Entry)>,
) -> TokenStream {
    former_names
        .into_iter()
        .map(|(former, entry)| {
            let item = Ident::new(&camel_case_of(former, entry), former.span());
            if entry.in_status_code() {
                // `StatusCode` has the former name as a deprecated constant: the warning
                // then names `status_core::StatusCode::PayloadTooLarge`.
                return quote_spanned! {former.span()=>
                    const _: ::status_core::StatusCode = ::status_core::StatusCode::#item;
                };
            }
            let note = former_name_note(&former.to_string(), entry);
            quote_spanned! {former.span()=>
                const _: () = {
                    #[deprecated(note = #note)]
                    #[allow(non_upper_case_globals)]
                    const #item: () = ();
                    #item
                };
            }
        })
        .collect()
}

/// Whether this invocation defines `status_core::StatusCode` itself.
fn is_status_code(ident: &Ident) -> bool {
    ident == "StatusCode" && std::env::var("CARGO_CRATE_NAME").as_deref() == Ok("status_core")
}

pub fn status_enum(input: &StatusEnum, checked: &CheckedEnum) -> TokenStream {
    let StatusEnum {
        attrs, vis, ident, ..
    } = input;
    let type_name = ident.to_string();
    let defining_status_code = is_status_code(ident);
    let catch_all = checked.catch_all.as_ref();
    // Whatever is generated beside the enum exists when the enum does.
    let cfgs: Vec<&syn::Attribute> = attrs.iter().filter(|a| a.path().is_ident("cfg")).collect();
    let warnings = (!checked.former_names.is_empty()).then(|| {
        let warnings = former_name_warnings(checked.former_names.iter().map(|(i, e)| (i, *e)));
        quote!(#(#cfgs)* const _: () = { #warnings };)
    });

    if checked.variants.is_empty() && catch_all.is_none() {
        // Every member failed its check; the errors say why. An empty enum keeps uses of the
        // name from adding errors of their own.
        return quote! {
            #(#attrs)*
            #vis enum #ident {}
        };
    }

    let variants = &checked.variants;
    let count = variants.len();
    let idents: Vec<&Ident> = variants.iter().map(|v| &v.ident).collect();
    let codes: Vec<Literal> = variants
        .iter()
        .map(|v| Literal::u16_unsuffixed(v.entry.code))
        .collect();
    let reasons = variants.iter().map(|v| &v.entry.reason);
    let lines = variants
        .iter()
        .map(|v| format!("{} {}", v.entry.code, v.entry.reason));
    let descriptions = variants.iter().map(|v| &v.entry.description);
    let references = variants.iter().map(|v| &v.entry.reference);
    let variant_defs = variants.iter().map(|v| {
        let doc = variant_doc(v.entry, v.renamed);
        let attrs = &v.attrs;
        let ident = &v.ident;
        let code = Literal::u16_unsuffixed(v.entry.code);
        if catch_all.is_some() {
            quote!(#[doc = #doc] #(#attrs)* #ident)
        } else {
            quote!(#[doc = #doc] #(#attrs)* #ident = #code)
        }
    });
    let catch_all_def = catch_all.map(|c| {
        let (attrs, ident, ty) = (&c.attrs, &c.ident, &c.ty);
        let doc = format!("Any other code: `From<u16>` puts every code that is not a member of `{type_name}` here.");
        quote!(#[doc = #doc] #(#attrs)* #ident(#ty))
    });
    let repr = catch_all.is_none().then(|| quote!(#[repr(u16)]));

    // code -> position in `ALL`, over the span of member codes
    let min = variants.iter().map(|v| v.entry.code).min().unwrap_or(100);
    let max = variants.iter().map(|v| v.entry.code).max().unwrap_or(100);
    let (index_ty, none) = if count < usize::from(u8::MAX) {
        (quote!(::core::primitive::u8), usize::from(u8::MAX))
    } else {
        (quote!(::core::primitive::u16), usize::from(u16::MAX))
    };
    let span_len = usize::from(max - min) + 1;
    let mut index = vec![none; span_len];
    for (position, variant) in variants.iter().enumerate() {
        index[usize::from(variant.entry.code - min)] = position;
    }
    // Closed enums answer `from_code` with one load: code -> `Option<Self>`, two bytes a slot.
    let lookup_table = catch_all.is_none().then(|| {
        let slots = index.iter().map(|&position| match variants.get(position) {
            Some(variant) => {
                let variant = &variant.ident;
                quote!(::core::option::Option::Some(#ident::#variant))
            }
            None => quote!(::core::option::Option::None),
        });
        quote!(const LOOKUP: [::core::option::Option<#ident>; #span_len] = [#(#slots),*];)
    });
    let index = index.into_iter().map(Literal::usize_unsuffixed);
    let (min, max) = (Literal::u16_unsuffixed(min), Literal::u16_unsuffixed(max));
    let none = Literal::usize_unsuffixed(none);

    let (position_fn, code_fn, reason_fn, description_fn, reference_fn, display_body, from_code_fn) =
        match catch_all {
            None => (
                quote! {
                    const fn position(status: #ident) -> ::core::primitive::usize {
                        INDEX[(status as ::core::primitive::u16 - MIN) as ::core::primitive::usize] as ::core::primitive::usize
                    }
                },
                quote!(self as ::core::primitive::u16),
                quote!(REASONS[position(self)]),
                quote!(DESCRIPTIONS[position(self)]),
                quote!(REFERENCES[position(self)]),
                quote!(f.pad(LINES[position(*self)])),
                quote! {
                    if code < MIN || code > MAX {
                        return ::core::option::Option::None;
                    }
                    LOOKUP[(code - MIN) as ::core::primitive::usize]
                },
            ),
            Some(c) => {
                let other = &c.ident;
                let positions = (0..count).map(Literal::usize_unsuffixed);
                (
                    quote! {
                        const fn position(status: #ident) -> ::core::option::Option<::core::primitive::usize> {
                            match status {
                                #(#ident::#idents => ::core::option::Option::Some(#positions),)*
                                #ident::#other(_) => ::core::option::Option::None,
                            }
                        }
                    },
                    quote! {
                        match self {
                            Self::#other(code) => code,
                            member => match position(member) {
                                ::core::option::Option::Some(position) => CODES[position],
                                ::core::option::Option::None => 0,
                            },
                        }
                    },
                    quote! {
                        match position(self) {
                            ::core::option::Option::Some(position) => REASONS[position],
                            ::core::option::Option::None => ::status_core::__private::reason_of(self.code()),
                        }
                    },
                    quote! {
                        match position(self) {
                            ::core::option::Option::Some(position) => DESCRIPTIONS[position],
                            ::core::option::Option::None => ::status_core::__private::description_of(self.code()),
                        }
                    },
                    quote! {
                        match position(self) {
                            ::core::option::Option::Some(position) => REFERENCES[position],
                            ::core::option::Option::None => ::status_core::__private::reference_of(self.code()),
                        }
                    },
                    quote! {
                        match position(*self) {
                            ::core::option::Option::Some(position) => f.pad(LINES[position]),
                            ::core::option::Option::None => ::status_core::__private::fmt_status_line(f, self.code(), self.reason()),
                        }
                    },
                    quote! {
                        match member(code) {
                            ::core::option::Option::Some(position) => ::core::option::Option::Some(ALL[position]),
                            ::core::option::Option::None if code >= 100 && code <= 599 => ::core::option::Option::Some(Self::#other(code)),
                            ::core::option::Option::None => ::core::option::Option::None,
                        }
                    },
                )
            }
        };
    let codes_table = catch_all
        .is_some()
        .then(|| quote!(const CODES: [::core::primitive::u16; #count] = [#(#codes),*];));
    // Catch-all enums find members by code through `INDEX`; closed ones use `LOOKUP`.
    let member_fn = catch_all.is_some().then(|| {
        quote! {
            /// The position in `ALL` of the member with this code.
            const fn member(code: ::core::primitive::u16) -> ::core::option::Option<::core::primitive::usize> {
                if code < MIN || code > MAX {
                    return ::core::option::Option::None;
                }
                let position = INDEX[(code - MIN) as ::core::primitive::usize] as ::core::primitive::usize;
                if position == #none {
                    ::core::option::Option::None
                } else {
                    ::core::option::Option::Some(position)
                }
            }
        }
    });

    let u16_conversion = match catch_all {
        None => quote! {
            impl ::core::convert::TryFrom<::core::primitive::u16> for #ident {
                type Error = ::status_core::InvalidStatusCode;
                #[inline]
                fn try_from(code: ::core::primitive::u16) -> ::core::result::Result<Self, Self::Error> {
                    match Self::from_code(code) {
                        ::core::option::Option::Some(status) => ::core::result::Result::Ok(status),
                        ::core::option::Option::None => ::core::result::Result::Err(
                            ::status_core::InvalidStatusCode::new(code, #type_name),
                        ),
                    }
                }
            }
        },
        Some(c) => {
            let other = &c.ident;
            quote! {
                impl ::core::convert::From<::core::primitive::u16> for #ident {
                    #[inline]
                    fn from(code: ::core::primitive::u16) -> Self {
                        match member(code) {
                            ::core::option::Option::Some(position) => ALL[position],
                            ::core::option::Option::None => Self::#other(code),
                        }
                    }
                }
            }
        }
    };

    // `StatusCode` gets its former names as constants, outside the anonymous `const` so that
    // warnings name them `StatusCode::PayloadTooLarge`; other enums get conversions with it.
    let (former_name_consts, status_code_conversions) = if defining_status_code {
        (deprecated_aliases(checked), TokenStream::new())
    } else {
        (TokenStream::new(), status_code_conversions(ident, checked))
    };

    let feature_impls = feature_impls(input, &type_name, catch_all.is_some());
    let predicates = [
        ("is_informational", "Informational", "1xx"),
        ("is_success", "Success", "2xx"),
        ("is_redirection", "Redirection", "3xx"),
        ("is_client_error", "ClientError", "4xx"),
        ("is_server_error", "ServerError", "5xx"),
    ]
    .map(|(method, class, range)| {
        let method = format_ident!("{method}");
        let class = format_ident!("{class}");
        let doc = format!("Whether the status is {range}.");
        quote! {
            #[doc = #doc]
            #[inline]
            pub const fn #method(self) -> bool {
                ::core::matches!(self.class(), ::status_core::StatusClass::#class)
            }
        }
    });
    let all_doc = format!("Every member of `{type_name}`, in code order.");

    quote! {
        #(#attrs)*
        #[derive(
            ::core::fmt::Debug,
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
            ::core::cmp::PartialOrd,
            ::core::cmp::Ord
        )]
        #repr
        #vis enum #ident {
            #(#variant_defs,)*
            #catch_all_def
        }

        #warnings
        #former_name_consts

        // Members may be `#[deprecated]` by the user; the tables must still list them.
        #(#cfgs)*
        #[allow(deprecated)]
        const _: () = {
            const ALL: [#ident; #count] = [#(#ident::#idents),*];
            const MIN: ::core::primitive::u16 = #min;
            const MAX: ::core::primitive::u16 = #max;
            const INDEX: [#index_ty; #span_len] = [#(#index),*];
            #lookup_table
            #codes_table
            const REASONS: [&::core::primitive::str; #count] = [#(#reasons),*];
            const LINES: [&::core::primitive::str; #count] = [#(#lines),*];
            const DESCRIPTIONS: [&::core::primitive::str; #count] = [#(#descriptions),*];
            const REFERENCES: [&::core::primitive::str; #count] = [#(#references),*];

            #member_fn
            #position_fn

            impl #ident {
                #[doc = #all_doc]
                pub const ALL: &'static [Self] = &ALL;

                /// The numeric status code, such as `404`.
                #[inline]
                pub const fn code(self) -> ::core::primitive::u16 {
                    #code_fn
                }

                /// The canonical reason phrase, such as `"Not Found"`.
                #[inline]
                pub const fn reason(self) -> &'static ::core::primitive::str {
                    #reason_fn
                }

                /// What the status means, in a sentence or two.
                #[inline]
                pub const fn description(self) -> &'static ::core::primitive::str {
                    #description_fn
                }

                /// Where the status is defined, such as `"RFC 9110, Section 15.5.5"`.
                #[inline]
                pub const fn reference(self) -> &'static ::core::primitive::str {
                    #reference_fn
                }

                /// The class of the status: 1xx to 5xx.
                #[inline]
                pub const fn class(self) -> ::status_core::StatusClass {
                    ::status_core::__private::class_of(self.code())
                }

                #(#predicates)*

                /// Whether the status is 4xx or 5xx.
                #[inline]
                pub const fn is_error(self) -> bool {
                    self.is_client_error() || self.is_server_error()
                }

                /// The status with this code, if it has one.
                #[inline]
                pub const fn from_code(code: ::core::primitive::u16) -> ::core::option::Option<Self> {
                    #from_code_fn
                }
            }

            #[automatically_derived]
            impl ::status_core::HttpStatus for #ident {
                #[inline]
                fn code(&self) -> ::core::primitive::u16 {
                    #ident::code(*self)
                }
                #[inline]
                fn reason(&self) -> &'static ::core::primitive::str {
                    #ident::reason(*self)
                }
            }

            impl ::core::fmt::Display for #ident {
                /// `404 Not Found`; honours width, fill and alignment.
                #[inline]
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #display_body
                }
            }

            impl ::core::str::FromStr for #ident {
                type Err = ::status_core::ParseStatusError;
                #[inline]
                fn from_str(text: &::core::primitive::str) -> ::core::result::Result<Self, Self::Err> {
                    ::status_core::__private::parse_status(text, Self::from_code, &#type_name)
                }
            }

            impl ::core::convert::From<#ident> for ::core::primitive::u16 {
                #[inline]
                fn from(status: #ident) -> ::core::primitive::u16 {
                    status.code()
                }
            }

            #u16_conversion
            #status_code_conversions
            #feature_impls
        };
    }
}

/// Impls that `status-core`'s features decide (`http`, `serde`), through its macros. Serde
/// impls the user derives on the enum are left to the user's derive.
fn feature_impls(input: &StatusEnum, type_name: &str, has_catch_all: bool) -> TokenStream {
    let ident = &input.ident;
    let shape = if has_catch_all {
        quote!(catch_all)
    } else {
        quote!(closed)
    };
    let serialize = (!derives(&input.attrs, "Serialize"))
        .then(|| quote!(::status_core::__impl_serialize!(#ident);));
    let deserialize = (!derives(&input.attrs, "Deserialize"))
        .then(|| quote!(::status_core::__impl_deserialize!(#ident, #type_name);));
    quote! {
        ::status_core::__impl_http!(#ident, #type_name, #shape);
        #serialize
        #deserialize
    }
}

/// Whether a `#[derive(...)]` among `attrs`, or one inside `#[cfg_attr(...)]`, names serde's
/// trait `name` (`Serialize` or `serde::Serialize`).
fn derives(attrs: &[syn::Attribute], name: &str) -> bool {
    use syn::punctuated::Punctuated;
    type Metas = Punctuated<syn::Meta, syn::Token![,]>;
    type Paths = Punctuated<syn::Path, syn::Token![,]>;

    let names_trait = |path: &syn::Path| {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        match segments.as_slice() {
            [last] => last == name,
            [krate, last] => krate == "serde" && last == name,
            _ => false,
        }
    };
    let derive_names_trait = |meta: &syn::Meta| match meta {
        syn::Meta::List(list) if list.path.is_ident("derive") => list
            .parse_args_with(Paths::parse_terminated)
            .is_ok_and(|paths| paths.iter().any(names_trait)),
        _ => false,
    };
    attrs.iter().any(|attr| {
        if attr.path().is_ident("cfg_attr") {
            attr.parse_args_with(Metas::parse_terminated)
                .is_ok_and(|metas| metas.iter().skip(1).any(derive_names_trait))
        } else {
            derive_names_trait(&attr.meta)
        }
    })
}

/// `TryFrom<StatusCode> for E`, and `From<E> for StatusCode` when every member is in
/// `StatusCode` (else `TryFrom`).
fn status_code_conversions(ident: &Ident, checked: &CheckedEnum) -> TokenStream {
    let from_status_code = match &checked.catch_all {
        None => quote! {
            impl ::core::convert::TryFrom<::status_core::StatusCode> for #ident {
                type Error = ::status_core::InvalidStatusCode;
                fn try_from(status: ::status_core::StatusCode) -> ::core::result::Result<Self, Self::Error> {
                    <Self as ::core::convert::TryFrom<::core::primitive::u16>>::try_from(status.code())
                }
            }
        },
        // Every code fits a catch-all enum.
        Some(_) => quote! {
            impl ::core::convert::From<::status_core::StatusCode> for #ident {
                #[inline]
                fn from(status: ::status_core::StatusCode) -> Self {
                    <Self as ::core::convert::From<::core::primitive::u16>>::from(status.code())
                }
            }
        },
    };
    let all_in_status_code =
        checked.catch_all.is_none() && checked.variants.iter().all(|v| v.entry.in_status_code());
    let to_status_code = if all_in_status_code {
        let arms = checked.variants.iter().map(|v| {
            let ident_variant = &v.ident;
            let target = Ident::new(&v.entry.name, proc_macro2::Span::call_site());
            quote!(#ident::#ident_variant => ::status_core::StatusCode::#target)
        });
        quote! {
            impl ::core::convert::From<#ident> for ::status_core::StatusCode {
                #[inline]
                fn from(status: #ident) -> Self {
                    match status {
                        #(#arms,)*
                    }
                }
            }
        }
    } else {
        quote! {
            impl ::core::convert::TryFrom<#ident> for ::status_core::StatusCode {
                type Error = ::status_core::InvalidStatusCode;
                fn try_from(status: #ident) -> ::core::result::Result<Self, Self::Error> {
                    <Self as ::core::convert::TryFrom<::core::primitive::u16>>::try_from(status.code())
                }
            }
        }
    };
    quote!(#from_status_code #to_status_code)
}

/// On `StatusCode` itself: each former name as a deprecated associated constant, so that
/// `StatusCode::PayloadTooLarge` and `status!(PayloadTooLarge)` compile with a warning.
fn deprecated_aliases(checked: &CheckedEnum) -> TokenStream {
    let consts = checked.variants.iter().flat_map(|v| {
        v.entry.aliases.iter().map(move |alias| {
            let alias_ident = Ident::new(alias, proc_macro2::Span::call_site());
            let current = &v.ident;
            let note = former_name_note(alias, v.entry);
            let doc = format!("Former name of [`{0}`](Self::{0}).", v.entry.name);
            quote! {
                #[doc = #doc]
                #[deprecated(note = #note)]
                #[allow(non_upper_case_globals)]
                pub const #alias_ident: Self = Self::#current;
            }
        })
    });
    quote! {
        impl StatusCode {
            #(#consts)*
        }
    }
}

/// The rustdoc of a generated variant: status line, description, reference, standing.
fn variant_doc(entry: &Entry, renamed: bool) -> String {
    // Registry text may come from a crate's own file: on one line it can open no code block
    // (which rustdoc would run as a doctest).
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut doc = format!(
        "`{} {}`\n\n{}\n\n",
        entry.code,
        one_line(&entry.reason).replace('`', "'"),
        one_line(&entry.description)
    );
    doc.push_str(&reference_markdown(&one_line(&entry.reference)));
    if let Some(standing) = entry.standing {
        let note = match standing {
            Standing::Deprecated => "deprecated: do not send it",
            Standing::Reserved => "reserved",
            Standing::Obsolete => "obsolete",
            Standing::Temporary => "a temporary registration",
        };
        doc.push_str(&format!("\n\nThis code is {note}."));
    }
    if let Some(origin) = &entry.origin {
        doc.push_str(&format!("\n\nNot an IANA code: used by {origin}."));
    }
    if renamed {
        doc.push_str(&format!("\n\nRegistry name: `{}`.", entry.name));
    }
    if !entry.aliases.is_empty() {
        let aliases: Vec<String> = entry.aliases.iter().map(|a| format!("`{a}`")).collect();
        doc.push_str(&format!("\n\nFormer names: {}.", aliases.join(", ")));
    }
    doc
}

/// "RFC 9110, Section 15.5.5" becomes a link to that section.
fn reference_markdown(reference: &str) -> String {
    let link = reference.strip_prefix("RFC ").and_then(|rest| {
        let (number, section) = rest.split_once(", Section ")?;
        (number.bytes().all(|b| b.is_ascii_digit())
            && section.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        .then(|| format!("https://www.rfc-editor.org/rfc/rfc{number}#section-{section}"))
    });
    match link {
        Some(url) => format!("Reference: [{reference}]({url})"),
        None => format!("Reference: {reference}"),
    }
}

/// `#[derive(HttpStatus)]`: each fixed status is a constant in its arm; a transparent one
/// calls the field's impl.
pub fn derive(input: &syn::DeriveInput, checked: &CheckedDerive) -> TokenStream {
    let ident = &input.ident;
    let mut generics = input.generics.clone();
    let type_params: Vec<&Ident> = input.generics.type_params().map(|p| &p.ident).collect();
    for arm in &checked.arms {
        if let Mapping::Transparent { ty, .. } = &arm.mapping
            && mentions_any(quote!(#ty), &type_params)
        {
            generics
                .make_where_clause()
                .predicates
                .push(syn::parse_quote!(#ty: ::status_core::HttpStatus));
        }
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let method = |name: TokenStream, value: &dyn Fn(&Entry) -> TokenStream| {
        let arms = checked.arms.iter().map(|arm| {
            let result = match &arm.mapping {
                Mapping::Fixed(entry) => value(entry),
                // Spanned at the field's type: a type without `HttpStatus` is reported there.
                Mapping::Transparent { ty, .. } => {
                    quote_spanned!(ty.span()=> ::status_core::HttpStatus::#name(inner))
                }
            };
            let pattern = match (&arm.variant, &arm.mapping) {
                (Some(variant), Mapping::Transparent { member, .. }) => {
                    quote!(Self::#variant { #member: inner, .. })
                }
                (Some(variant), Mapping::Fixed(_)) => quote!(Self::#variant { .. }),
                (None, Mapping::Transparent { member, .. }) => quote!(Self { #member: inner, .. }),
                (None, Mapping::Fixed(_)) => quote!(Self { .. }),
            };
            quote!(#pattern => #result,)
        });
        if checked.arms.is_empty() {
            // An enum without variants has no values to match.
            return quote!(match *self {});
        }
        quote!(match self { #(#arms)* })
    };
    let code = method(quote!(code), &|entry| {
        let code = Literal::u16_suffixed(entry.code);
        quote!(#code)
    });
    let reason = method(quote!(reason), &|entry| {
        let reason = &entry.reason;
        quote!(#reason)
    });
    let warnings = former_name_warnings(checked.former_names.iter().map(|(i, e)| (i, *e)));
    // Error responses through `status-core`'s macros: its features decide which exist.
    // Each with the bounds its framework needs, for generic types whose `Debug` and `Display`
    // impls carry bounds of their own.
    let responses = checked.response.map(|response| {
        let detail = response.detail;
        let parts = |bound: TokenStream| {
            let mut generics = generics.clone();
            generics
                .make_where_clause()
                .predicates
                .push(syn::parse_quote!(Self: #bound));
            let (impl_generics, _, where_clause) = generics.split_for_impl();
            quote!([#impl_generics] [#ident #ty_generics] [#where_clause] #detail)
        };
        let axum = parts(quote!(::core::fmt::Display));
        let actix_web = parts(quote!(::core::fmt::Debug + ::core::fmt::Display));
        // An error at `response` when neither framework feature is on.
        let require = quote_spanned!(response.span=> ::status_core::__response_feature!(););
        quote! {
            ::status_core::__impl_axum!(#axum);
            ::status_core::__impl_actix_web!(#actix_web);
            #require
        }
    });
    quote! {
        #warnings
        #responses
        #[automatically_derived]
        impl #impl_generics ::status_core::HttpStatus for #ident #ty_generics #where_clause {
            #[inline]
            fn code(&self) -> ::core::primitive::u16 {
                #code
            }
            #[inline]
            fn reason(&self) -> &'static ::core::primitive::str {
                #reason
            }
        }
    }
}

/// When the derive fails: an impl that keeps uses of the trait from adding errors of their
/// own. It never runs, since the crate does not compile.
pub fn derive_fallback(input: &syn::DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        impl #impl_generics ::status_core::HttpStatus for #ident #ty_generics #where_clause {
            fn code(&self) -> ::core::primitive::u16 {
                ::core::unreachable!()
            }
            fn reason(&self) -> &'static ::core::primitive::str {
                ::core::unreachable!()
            }
        }
    }
}

/// Whether a type's tokens name one of the type parameters.
fn mentions_any(tokens: TokenStream, params: &[&Ident]) -> bool {
    tokens.into_iter().any(|token| match token {
        proc_macro2::TokenTree::Ident(ident) => params.contains(&&ident),
        proc_macro2::TokenTree::Group(group) => mentions_any(group.stream(), params),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_text_cannot_open_a_code_block() {
        let entry = Entry {
            code: 599,
            name: "NetworkConnectTimeout".into(),
            reason: "Network `Connect` Timeout".into(),
            description: "Retry with:\n\n    curl --retry 3 http://x\n\n```\nfn main() {}\n```"
                .into(),
            reference: "RFC 9110,\n Section 15.5.5".into(),
            aliases: Vec::new(),
            standing: None,
            origin: None,
            line: 1,
            local: true,
        };
        let doc = variant_doc(&entry, false);
        assert!(doc.starts_with("`599 Network 'Connect' Timeout`\n\nRetry with: curl --retry 3"));
        assert!(!doc.contains("\n    "), "{doc}");
        assert!(!doc.contains("\n```"), "{doc}");
        assert!(
            doc.contains("(https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5)"),
            "{doc}"
        );
    }
}
