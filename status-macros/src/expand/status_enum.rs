//! `status_enum!`: one generator per generated item, each branching once on the enum's shape
//! (closed, or with a catch-all). Lookup tables are built by `const` evaluation in
//! `status-core` from the list of codes, so the expansion grows with the number of members,
//! not with the spread of their codes.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned};

use super::docs::variant_doc;
use super::former_names::former_name_warnings;
use syn::Ident;

use crate::valid::{CatchAll, CheckedEnum, Requested, Shape};

/// A parameter or binding of generated code. An identifier pattern resolves to a constant of
/// that name in the user's scope, hygiene or not, so the names are ones no user writes (serde's
/// convention): a user's `const code` or `const f` cannot capture them.
fn local(name: &str) -> Ident {
    Ident::new(&format!("__{name}"), Span::mixed_site())
}

/// Every name [`local`] gives, and the names status-core's `__impl_http!` and
/// `__impl_serde!` bind, which expand in the same block. A function of each name is declared
/// around the impls: a unit struct of the user's with such a name would otherwise turn a
/// binding into a pattern that matches it (items resolve at the call site, whatever the
/// hygiene).
const LOCALS: [&str; 9] = [
    "code",
    "f",
    "member",
    "other",
    "state",
    "status",
    "text",
    "serializer",
    "deserializer",
];

pub fn status_enum(e: &CheckedEnum) -> TokenStream {
    if e.variants.is_empty() && matches!(e.shape, Shape::Closed) {
        // Every member failed its check; the errors say why. An empty enum keeps uses of the
        // name from adding errors of their own.
        let CheckedEnum {
            attrs, vis, ident, ..
        } = e;
        return quote!(#(#attrs)* #vis enum #ident {});
    }
    let cfgs = &e.cfgs;
    let warnings = (!e.former_names.is_empty()).then(|| {
        let warnings = former_name_warnings(&e.former_names, &e.runtime);
        quote!(#(#cfgs)* const _: () = { #warnings };)
    });
    let items = [
        tables(e),
        comparisons(e),
        inherent_impl(e),
        http_status_impl(e),
        status_set_impl(e),
        display_impl(e),
        from_str_impl(e),
        u16_conversions(e),
        status_code_conversions(e),
        feature_impls(e),
    ];
    let definition = definition(e);
    // Members the user marked `#[deprecated]`: the tables must still list them.
    let allow_deprecated = e.may_be_deprecated.then(|| quote!(#[allow(deprecated)]));
    let alias_consts = alias_consts(e);
    let runtime = &e.runtime;
    // At the call site, where the user's items are: there they shadow them for every binding
    // of the block, the macros' too.
    let shadows = LOCALS.map(|name| Ident::new(&format!("__{name}"), Span::call_site()));
    quote! {
        #definition
        #warnings
        #alias_consts
        #(#cfgs)*
        #allow_deprecated
        const _: () = {
            // By absolute path: the user's crate may define items of these names.
            use ::core::{fmt, primitive::{bool, str, u8, u16, usize}};
            use #runtime::__private;
            #(
                #[allow(dead_code, non_snake_case)]
                fn #shadows() {}
            )*
            #(#items)*
        };
    }
}

/// The enum itself; a closed enum's discriminants are the codes.
fn definition(e: &CheckedEnum) -> TokenStream {
    let CheckedEnum {
        attrs, vis, ident, ..
    } = e;
    let closed = matches!(e.shape, Shape::Closed);
    let variants = e.variants.iter().map(|v| {
        let doc = variant_doc(v.entry, v.renamed);
        let (attrs, ident) = (&v.attrs, &v.ident);
        let code = Literal::u16_unsuffixed(v.entry.code);
        let discriminant = closed.then(|| quote!(= #code));
        quote!(#[doc = #doc] #(#attrs)* #ident #discriminant)
    });
    let (repr, catch_all) = match &e.shape {
        Shape::Closed => (Some(quote!(#[repr(u16)])), None),
        Shape::CatchAll(CatchAll {
            ident: other,
            attrs,
            ty,
        }) => {
            let doc = format!(
                "Any other code. Every `u16` is a value of `{ident}`, through `From<u16>`, \
                 `from_code`, `FromStr` and serde alike; a member's code always converts to the \
                 member, and values compare, hash and order by code, so `{other}(code)` equals \
                 the member with that code."
            );
            (None, Some(quote!(#[doc = #doc] #(#attrs)* #other(#ty))))
        }
    };
    // A catch-all enum compares, hashes and orders by code (`comparisons`), so that
    // `Other(499)` equals the member for 499.
    let comparisons = closed.then(|| {
        quote! {
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
            ::core::cmp::PartialOrd,
            ::core::cmp::Ord
        }
    });
    quote! {
        #(#attrs)*
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy, #comparisons)]
        #repr
        #vis enum #ident {
            #(#variants,)*
            #catch_all
        }
    }
}

/// The members in code order, the tables that find a member by code, their texts when they
/// are not all built in, and `position`: a member's index in `ALL` (for a catch-all enum,
/// `ALL.len()` for the catch-all).
fn tables(e: &CheckedEnum) -> TokenStream {
    let status = local("status");
    let ident = &e.ident;
    let count = e.variants.len();
    let idents: Vec<_> = e.variants.iter().map(|v| &v.ident).collect();
    let codes = e
        .variants
        .iter()
        .map(|v| Literal::u16_unsuffixed(v.entry.code));
    let by_code = match &e.shape {
        Shape::Closed => quote! {
            const LOOKUP: [__private::Option<#ident>; __private::span(&CODES)] =
                __private::lookup_table(&ALL, &CODES);
        },
        Shape::CatchAll(_) => quote! {
            const INDEX: [u16; SPAN] = __private::index_table(&CODES);
        },
    };
    let position = match &e.shape {
        Shape::Closed if e.builtin_tables => None,
        Shape::Closed => Some(quote! {
            const INDEX: [u16; SPAN] = __private::index_table(&CODES);
            const fn position(#status: #ident) -> usize {
                INDEX[(#status as u16 - MIN) as usize] as usize
            }
        }),
        Shape::CatchAll(CatchAll { ident: other, .. }) => {
            let positions = (0..count).map(Literal::usize_unsuffixed);
            let code = local("code");
            Some(quote! {
                const fn position(#status: #ident) -> usize {
                    match #status {
                        #(#ident::#idents => #positions,)*
                        #ident::#other(_) => #count,
                    }
                }
                // A catch-all value with a member's code equals the member, and answers as it.
                const fn canonical(#status: #ident) -> #ident {
                    match #status {
                        #ident::#other(#code) => match __private::position(&INDEX, MIN, #code) {
                            __private::Option::Some(position) => ALL[position],
                            __private::Option::None => #status,
                        },
                        #[allow(unreachable_patterns)]
                        _ => #status,
                    }
                }
            })
        }
    };
    let own_texts = (!e.builtin_tables).then(|| own_texts(e));
    // Where a position table is: a closed enum's `LOOKUP` needs neither.
    let bounds = position.is_some().then(|| {
        quote! {
            const MIN: u16 = __private::first(&CODES);
            const SPAN: usize = __private::span(&CODES);
        }
    });
    quote! {
        const ALL: [#ident; #count] = [#(#ident::#idents),*];
        const CODES: [u16; #count] = [#(#codes),*];
        #bounds
        #by_code
        #position
        #own_texts
    }
}

/// Texts and facts of an enum with members from the crate's own `codes.toml`, by position.
fn own_texts(e: &CheckedEnum) -> TokenStream {
    let count = e.variants.len();
    let reasons = e.variants.iter().map(|v| &v.entry.reason);
    let lines = e
        .variants
        .iter()
        .map(|v| format!("{} {}", v.entry.code, v.entry.reason));
    let descriptions = e.variants.iter().map(|v| &v.entry.description);
    let references = e.variants.iter().map(|v| &v.entry.reference);
    let facts = || e.variants.iter().map(|v| &v.entry.facts);
    let cacheable = facts().map(|facts| facts.cacheable);
    let allows_content = facts().map(|facts| !facts.no_content);
    let names = |names: &Vec<String>| quote!(&[#(#names),*]);
    let required = facts().map(|facts| names(&facts.requires));
    let recommended = facts().map(|facts| names(&facts.recommends));
    quote! {
        const REASONS: [&str; #count] = [#(#reasons),*];
        const LINES: [&str; #count] = [#(#lines),*];
        const DESCRIPTIONS: [&str; #count] = [#(#descriptions),*];
        const REFERENCES: [&str; #count] = [#(#references),*];
        const CACHEABLE: [bool; #count] = [#(#cacheable),*];
        const ALLOWS_CONTENT: [bool; #count] = [#(#allows_content),*];
        const REQUIRED: [&[&str]; #count] = [#(#required),*];
        const RECOMMENDED: [&[&str]; #count] = [#(#recommended),*];
    }
}

/// A member's entry in one of the text tables: the shared table by code, or the enum's own by
/// position.
fn member_text(e: &CheckedEnum, member: TokenStream, table: &str) -> TokenStream {
    let table = quote::format_ident!("{table}");
    if e.builtin_tables {
        quote!(__private::#table[#member.code() as usize - 100])
    } else {
        quote!(#table[position(#member)])
    }
}

/// A text method: a member's text, also for a catch-all value with a member's code; for any
/// other catch-all value, what `StatusCode` has for its code (through `fallback`, a function
/// of `__private`).
fn text_method(e: &CheckedEnum, table: &str, fallback: &str) -> TokenStream {
    let (code, member) = (local("code"), local("member"));
    match &e.shape {
        Shape::Closed => member_text(e, quote!(self), table),
        Shape::CatchAll(CatchAll { ident: other, .. }) => {
            let fallback = quote::format_ident!("{fallback}");
            let text = member_text(e, quote!(#member), table);
            quote! {
                match canonical(self) {
                    Self::#other(#code) => __private::#fallback(#code),
                    #[allow(unreachable_patterns)]
                    #member => #text,
                }
            }
        }
    }
}

/// A method of what the registry says: for members all built in, the shared table by code
/// (`by_code`, a function of `__private`, which a catch-all value reads too); else the enum's
/// own `table` by position, also for a catch-all value with a member's code, and `by_code`
/// for any other catch-all value, as `StatusCode` has it.
fn fact_method(e: &CheckedEnum, table: &str, by_code: &str) -> TokenStream {
    let (code, member) = (local("code"), local("member"));
    let by_code = quote::format_ident!("{by_code}");
    if e.builtin_tables {
        return quote!(__private::#by_code(self.code()));
    }
    let table = quote::format_ident!("{table}");
    match &e.shape {
        Shape::Closed => quote!(#table[position(self)]),
        Shape::CatchAll(CatchAll { ident: other, .. }) => quote! {
            match canonical(self) {
                Self::#other(#code) => __private::#by_code(#code),
                #[allow(unreachable_patterns)]
                #member => #table[position(#member)],
            }
        },
    }
}

/// `is_cacheable_by_default`, `allows_content`, `required_headers`, `recommended_headers`.
fn fact_methods(e: &CheckedEnum) -> TokenStream {
    let cacheable = fact_method(e, "CACHEABLE", "cacheable_of");
    let allows_content = fact_method(e, "ALLOWS_CONTENT", "allows_content_of");
    let required = fact_method(e, "REQUIRED", "required_of");
    let recommended = fact_method(e, "RECOMMENDED", "recommended_of");
    quote! {
        /// Cacheable by default (RFC 9110, Section 15.1).
        #[inline]
        pub const fn is_cacheable_by_default(self) -> bool { #cacheable }
        /// Whether a response may carry content.
        #[inline]
        pub const fn allows_content(self) -> bool { #allows_content }
        /// Header fields a response MUST send.
        #[inline]
        pub const fn required_headers(self) -> &'static [&'static str] { #required }
        /// Header fields a response SHOULD send.
        #[inline]
        pub const fn recommended_headers(self) -> &'static [&'static str] { #recommended }
    }
}

fn inherent_impl(e: &CheckedEnum) -> TokenStream {
    let ident = &e.ident;
    let (code, member) = (local("code"), local("member"));
    let (code_body, from_code) = match &e.shape {
        Shape::Closed => (
            quote!(self as u16),
            quote!(__private::lookup(&LOOKUP, &CODES, #code)),
        ),
        Shape::CatchAll(CatchAll { ident: other, .. }) => (
            quote! {
                match self {
                    Self::#other(#code) => #code,
                    #[allow(unreachable_patterns)]
                    #member => CODES[position(#member)],
                }
            },
            quote! {
                // Every code is a value: the member with it, or the catch-all.
                __private::Option::Some(match __private::position(&INDEX, MIN, #code) {
                    __private::Option::Some(position) => ALL[position],
                    __private::Option::None => Self::#other(#code),
                })
            },
        ),
    };
    let reason = text_method(e, "REASONS", "reason_of");
    let description = text_method(e, "DESCRIPTIONS", "description_of");
    let reference = text_method(e, "REFERENCES", "reference_of");
    let predicates = predicates();
    let facts = fact_methods(e);
    let all_doc = format!("Every member of `{ident}`, in code order.");
    let status = local("status");
    quote! {
        // The first digit of the code, which is `StatusClass`'s discriminant (5 for a code
        // outside 100..=599).
        const fn digit(#status: #ident) -> u8 { #status.class() as u8 }
        impl #ident {
            #[doc = #all_doc]
            pub const ALL: &'static [Self] = &ALL;
            /// The numeric status code, such as `404`.
            #[inline]
            pub const fn code(self) -> u16 { #code_body }
            /// The canonical reason phrase, such as `"Not Found"`.
            #[inline]
            pub const fn reason(self) -> &'static str { #reason }
            /// What the status means, in a sentence or two.
            #[inline]
            pub const fn description(self) -> &'static str { #description }
            /// Its reference, such as RFC 9110, Section 15.5.5.
            #[inline]
            pub const fn reference(self) -> &'static str { #reference }
            /// The class of the status: 1xx to 5xx.
            #[inline]
            pub const fn class(self) -> __private::StatusClass {
                __private::class_of(self.code())
            }
            #(#predicates)*
            /// Whether the status is 4xx or 5xx.
            #[inline]
            pub const fn is_error(self) -> bool { digit(self) >= 4 }
            /// The status with this code, if it has one.
            #[inline]
            pub const fn from_code(#code: u16) -> __private::Option<Self> {
                #from_code
            }
            #facts
        }
    }
}

/// `is_informational` to `is_server_error`.
fn predicates() -> [TokenStream; 5] {
    [
        ("is_informational", 1, "1xx"),
        ("is_success", 2, "2xx"),
        ("is_redirection", 3, "3xx"),
        ("is_client_error", 4, "4xx"),
        ("is_server_error", 5, "5xx"),
    ]
    .map(|(method, digit, range)| {
        let method = quote::format_ident!("{method}");
        let digit = Literal::u8_unsuffixed(digit);
        let doc = format!("Whether the status is {range}.");
        quote! {
            #[doc = #doc]
            #[inline]
            pub const fn #method(self) -> bool { digit(self) == #digit }
        }
    })
}

/// A catch-all enum's `PartialEq`, `Eq`, `Hash`, `PartialOrd` and `Ord`, by code; a closed
/// enum derives them (its discriminant is the code).
fn comparisons(e: &CheckedEnum) -> TokenStream {
    if matches!(e.shape, Shape::Closed) {
        return TokenStream::new();
    }
    let ident = &e.ident;
    let (rhs, state) = (local("other"), local("state"));
    quote! {
        impl ::core::cmp::PartialEq for #ident {
            #[inline]
            fn eq(&self, #rhs: &Self) -> bool { self.code() == #rhs.code() }
        }
        impl ::core::cmp::Eq for #ident {}
        impl ::core::hash::Hash for #ident {
            #[inline]
            fn hash<H: ::core::hash::Hasher>(&self, #state: &mut H) {
                ::core::hash::Hash::hash(&self.code(), #state);
            }
        }
        impl ::core::cmp::PartialOrd for #ident {
            #[inline]
            fn partial_cmp(&self, #rhs: &Self) -> __private::Option<::core::cmp::Ordering> {
                __private::Option::Some(::core::cmp::Ord::cmp(self, #rhs))
            }
        }
        impl ::core::cmp::Ord for #ident {
            #[inline]
            fn cmp(&self, #rhs: &Self) -> ::core::cmp::Ordering {
                ::core::cmp::Ord::cmp(&self.code(), &#rhs.code())
            }
        }
    }
}

fn http_status_impl(e: &CheckedEnum) -> TokenStream {
    let ident = &e.ident;
    // By the public path, not `__private`: the compiler quotes this line in its list of types
    // that implement the trait.
    let runtime = &e.runtime;
    // The provided methods read the built-in registry by code: right for members all built
    // in, wrong for crate-local members; a catch-all value's reason is `StatusCode`'s, which a
    // vendor code has not.
    let closed = matches!(e.shape, Shape::Closed);
    let reason = (!(e.builtin_tables && closed)).then(|| {
        quote! {
            #[inline]
            fn reason(&self) -> &'static str { #ident::reason(*self) }
        }
    });
    let facts = (!e.builtin_tables).then(|| {
        quote! {
            #[inline]
            fn is_cacheable_by_default(&self) -> bool { #ident::is_cacheable_by_default(*self) }
            #[inline]
            fn allows_content(&self) -> bool { #ident::allows_content(*self) }
            #[inline]
            fn required_headers(&self) -> &'static [&'static str] {
                #ident::required_headers(*self)
            }
            #[inline]
            fn recommended_headers(&self) -> &'static [&'static str] {
                #ident::recommended_headers(*self)
            }
        }
    });
    quote! {
        impl #runtime::HttpStatus for #ident {
            #[inline]
            fn code(&self) -> u16 {
                #ident::code(*self)
            }
            #reason
            #facts
        }
    }
}

/// The members' codes, for `utoipa::Only`: the table `CODES` the lookups use.
fn status_set_impl(e: &CheckedEnum) -> TokenStream {
    let ident = &e.ident;
    let runtime = &e.runtime;
    quote! {
        impl #runtime::StatusSet for #ident {
            const CODES: &'static [u16] = &CODES;
        }
    }
}

/// `404 Not Found`, padded as a whole.
fn display_impl(e: &CheckedEnum) -> TokenStream {
    let (f, code, member) = (local("f"), local("code"), local("member"));
    let ident = &e.ident;
    let body = match &e.shape {
        Shape::Closed => {
            let line = member_text(e, quote!((*self)), "LINES");
            quote!(#f.pad(#line))
        }
        Shape::CatchAll(CatchAll { ident: other, .. }) => {
            let line = member_text(e, quote!(#member), "LINES");
            quote! {
                match canonical(*self) {
                    Self::#other(#code) => {
                        __private::fmt_status_line(#f, #code, __private::reason_of(#code))
                    }
                    #[allow(unreachable_patterns)]
                    #member => #f.pad(#line),
                }
            }
        }
    };
    quote! {
        // `404 Not Found`; honours width, fill and alignment.
        impl fmt::Display for #ident {
            #[inline]
            fn fmt(&self, #f: &mut fmt::Formatter<'_>) -> fmt::Result {
                #body
            }
        }
    }
}

fn from_str_impl(e: &CheckedEnum) -> TokenStream {
    let text = local("text");
    let ident = &e.ident;
    let type_name = ident.to_string();
    quote! {
        impl ::core::str::FromStr for #ident {
            type Err = __private::ParseStatusError;
            #[inline]
            fn from_str(#text: &str) -> __private::Result<Self, __private::ParseStatusError> {
                __private::parse_status(#text, Self::from_code, &#type_name)
            }
        }
    }
}

/// `From<E> for u16`; `TryFrom<u16>`, or `From<u16>` with a catch-all.
fn u16_conversions(e: &CheckedEnum) -> TokenStream {
    let (code, status) = (local("code"), local("status"));
    let ident = &e.ident;
    let type_name = ident.to_string();
    let from_u16 = match &e.shape {
        Shape::Closed => quote! {
            impl ::core::convert::TryFrom<u16> for #ident {
                type Error = __private::InvalidStatusCode;
                #[inline]
                fn try_from(#code: u16) -> __private::Result<Self, __private::InvalidStatusCode> {
                    __private::try_from_code(#code, Self::from_code, #type_name)
                }
            }
        },
        Shape::CatchAll(CatchAll { ident: other, .. }) => quote! {
            impl ::core::convert::From<u16> for #ident {
                #[inline]
                fn from(#code: u16) -> Self {
                    match __private::position(&INDEX, MIN, #code) {
                        __private::Option::Some(position) => ALL[position],
                        __private::Option::None => Self::#other(#code),
                    }
                }
            }
        },
    };
    quote! {
        impl ::core::convert::From<#ident> for u16 {
            #[inline]
            fn from(#status: #ident) -> u16 {
                #status.code()
            }
        }
        #from_u16
    }
}

/// With `StatusCode`: `TryFrom<StatusCode>` (`From` with a catch-all), and `From<E> for
/// StatusCode` when every member is in `StatusCode` (else `TryFrom`). `StatusCode` itself has
/// none.
fn status_code_conversions(e: &CheckedEnum) -> TokenStream {
    let status = local("status");
    if e.defines_status_code {
        return TokenStream::new();
    }
    let ident = &e.ident;
    let type_name = ident.to_string();
    let from_status_code = match &e.shape {
        Shape::Closed => quote! {
            impl ::core::convert::TryFrom<__private::StatusCode> for #ident {
                type Error = __private::InvalidStatusCode;
                fn try_from(
                    #status: __private::StatusCode,
                ) -> __private::Result<Self, __private::InvalidStatusCode> {
                    __private::try_from_status(#status, Self::from_code, #type_name)
                }
            }
        },
        // Every code fits a catch-all enum.
        Shape::CatchAll(_) => quote! {
            impl ::core::convert::From<__private::StatusCode> for #ident {
                #[inline]
                fn from(#status: __private::StatusCode) -> Self {
                    <Self as ::core::convert::From<u16>>::from(#status.code())
                }
            }
        },
    };
    let to_status_code = if e.all_in_status_code {
        quote! {
            impl ::core::convert::From<#ident> for __private::StatusCode {
                #[inline]
                fn from(#status: #ident) -> Self { __private::status_code(#status) }
            }
        }
    } else {
        quote! {
            impl ::core::convert::TryFrom<#ident> for __private::StatusCode {
                type Error = __private::InvalidStatusCode;
                fn try_from(
                    #status: #ident,
                ) -> __private::Result<Self, __private::InvalidStatusCode> {
                    <Self as ::core::convert::TryFrom<u16>>::try_from(#status.code())
                }
            }
        }
    };
    quote!(#from_status_code #to_status_code)
}

/// Impls of other crates' traits, through `status-core`'s macros, whose features decide what
/// they expand to (a `#[cfg(feature)]` here would be judged against the user's crate). A user's
/// enum gets them only for the words it says, and each word is an error while its feature is
/// off; `StatusCode` gets whatever status-core's features give.
fn feature_impls(e: &CheckedEnum) -> TokenStream {
    let ident = &e.ident;
    let type_name = ident.to_string();
    let shape = match e.shape {
        Shape::Closed => quote!(closed),
        Shape::CatchAll(_) => quote!(catch_all),
    };
    // `requested [error]`: the macro gives the error, at the word, while its feature is off.
    let call = |word: &Option<Requested>, feature: &str, name: &str, args: TokenStream| {
        let name = quote::format_ident!("{name}");
        let Some(Requested { word, cfg }) = word else {
            return TokenStream::new();
        };
        let cfg = cfg.as_ref().map(|cfg| quote!(#[cfg(#cfg)]));
        let message = feature_off_message(word, feature);
        let error = quote_spanned!(word.span()=> ::core::compile_error!(#message););
        quote!(#cfg __private::#name! { requested [#error] #args })
    };
    if e.defines_status_code {
        return quote! {
            __private::__impl_http! { #ident, #type_name, #shape }
            __private::__impl_serde! { #ident, #type_name }
            __private::__impl_openapi! { #ident, #shape }
        };
    }
    let http = call(
        &e.opt_in.http,
        "http",
        "__impl_http",
        quote!(#ident, #type_name, #shape),
    );
    let serde = call(
        &e.opt_in.serde,
        "serde",
        "__impl_serde",
        quote!(#ident, #type_name),
    );
    let openapi = call(
        &e.opt_in.openapi,
        "utoipa",
        "__impl_openapi",
        quote!(#ident, #shape),
    );
    // The schema says the JSON is the number: `openapi` makes it so, as `serde` would (and
    // feature `utoipa` has `serde`). Its error, if any, is `openapi`'s.
    let implied_serde = match (&e.opt_in.openapi, &e.opt_in.serde) {
        (Some(Requested { cfg, .. }), None) => {
            let cfg = cfg.as_ref().map(|cfg| quote!(#[cfg(#cfg)]));
            quote!(#cfg __private::__impl_serde! { #ident, #type_name })
        }
        _ => TokenStream::new(),
    };
    quote!(#http #serde #openapi #implied_serde)
}

/// The error for a word whose feature of status-core is off.
pub(super) fn feature_off_message(word: &Ident, feature: &str) -> String {
    format!("`#[status({word})]` needs the `{feature}` feature of status-core")
}

/// On `StatusCode` itself: each former name as a deprecated associated constant, so that
/// `StatusCode::PayloadTooLarge` and `status!(PayloadTooLarge)` compile with a warning. Outside
/// the anonymous `const`, so that warnings name them `StatusCode::PayloadTooLarge`.
fn alias_consts(e: &CheckedEnum) -> TokenStream {
    if e.alias_consts.is_empty() {
        return TokenStream::new();
    }
    let ident = &e.ident;
    let consts = e.alias_consts.iter().map(|c| {
        let (alias, variant, note) = (&c.alias, &c.variant, &c.note);
        let doc = format!("Former name of [`{variant}`](Self::{variant}).");
        quote! {
            #[doc = #doc]
            #[deprecated(note = #note)]
            #[allow(non_upper_case_globals)]
            pub const #alias: Self = Self::#variant;
        }
    });
    quote! {
        impl #ident {
            #(#consts)*
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proc_macro2::TokenStream;
    use quote::quote;

    use crate::entry;
    use crate::valid::GENERATED_ITEMS;

    /// The names of the inherent items of the expanded enum `E`.
    fn inherent_items(output: TokenStream) -> BTreeSet<String> {
        let file: syn::File = syn::parse2(output).expect("the expansion parses");
        let mut names = BTreeSet::new();
        for item in &file.items {
            let syn::Item::Const(item) = item else {
                continue;
            };
            let syn::Expr::Block(block) = &*item.expr else {
                continue;
            };
            for stmt in &block.block.stmts {
                let syn::Stmt::Item(syn::Item::Impl(imp)) = stmt else {
                    continue;
                };
                if imp.trait_.is_some() {
                    continue;
                }
                for item in &imp.items {
                    match item {
                        syn::ImplItem::Fn(f) => names.insert(f.sig.ident.to_string()),
                        syn::ImplItem::Const(c) => names.insert(c.ident.to_string()),
                        _ => false,
                    };
                }
            }
        }
        names
    }

    #[test]
    fn generated_items_are_the_ones_emitted() {
        let listed: BTreeSet<String> = GENERATED_ITEMS.iter().map(|s| (*s).to_owned()).collect();
        for input in [
            quote!(enum E { Ok, 404 }),
            quote!(
                enum E {
                    Ok,
                    Other(u16),
                }
            ),
        ] {
            assert_eq!(inherent_items(entry::status_enum(input)), listed);
        }
    }

    #[test]
    fn expansion_grows_with_members_not_code_spread() {
        let near = entry::status_enum(quote!(
            enum E {
                Ok,
                Created,
            }
        ))
        .to_string();
        let far = entry::status_enum(quote!(
            enum E {
                Continue,
                NetworkAuthenticationRequired,
            }
        ))
        .to_string();
        // The same members up to names and codes: the same size within a few tokens.
        assert!(
            far.len().abs_diff(near.len()) < 200,
            "{} vs {}",
            near.len(),
            far.len()
        );
    }
}
