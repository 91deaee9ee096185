//! The input of each macro, parsed but not yet checked against the registry.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Lit, LitInt, Token, Type, Visibility, braced, parenthesized, token};

use crate::attr::{
    self, EnumAttr, EnumOptions, FieldAttrs, Found, ItemAttrs, Place, ResponseParts, StatusRef,
};
use crate::errors::Errors;

/// `status!(...)`: exactly one status.
pub fn parse_single_status(input: ParseStream) -> syn::Result<StatusRef> {
    if input.is_empty() {
        return Err(syn::Error::new(
            Span::call_site(),
            "`status!` needs a status code or name, such as `status!(404)` or `status!(NotFound)`",
        ));
    }
    if input.peek(Ident) && input.peek2(Token![::]) {
        let path: syn::Path = input.parse()?;
        let last = path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        return Err(syn::Error::new_spanned(
            path,
            format_args!("`status!` takes the name alone: `status!({last})`"),
        ));
    }
    let status = StatusRef::parse(input)?;
    // A trailing comma is fine, as in other macros.
    if input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
    }
    if !input.is_empty() {
        let rest: TokenStream = input.parse()?;
        return Err(syn::Error::new_spanned(
            rest,
            "`status!` takes a single status code or name",
        ));
    }
    Ok(status)
}

/// `status_enum! { #[attrs] vis enum Name { members } }`.
pub struct StatusEnum {
    /// The enum's attributes and docs but its `#[status(...)]`, passed through.
    pub attrs: Vec<Attribute>,
    /// What its `#[status(...)]` says.
    pub options: EnumOptions,
    /// Mistakes in `#[status(...)]`, reported with the members' but not stopping the expansion.
    pub option_errors: Option<syn::Error>,
    pub vis: Visibility,
    pub ident: Ident,
    pub members: Vec<Member>,
}

pub struct Member {
    pub attrs: Vec<Attribute>,
    pub kind: MemberKind,
}

pub enum MemberKind {
    /// `NotFound`, `NOT_FOUND`, `404`, or `Missing = 410`.
    Status {
        rename: Option<Ident>,
        status: StatusRef,
    },
    /// `4xx`: every IANA code of the class.
    Class { lit: LitInt },
    /// `Other(u16)`.
    CatchAll { ident: Ident, ty: Box<Type> },
    /// A member that does not parse; reported in order with the others, and the rest of the
    /// enum is still emitted.
    Invalid(syn::Error),
}

pub fn parse_status_enum(input: ParseStream) -> syn::Result<StatusEnum> {
    let mut errors = Errors::new();
    let mut attrs = Vec::new();
    let mut status_attrs = Vec::new();
    for attr in input.call(Attribute::parse_outer)? {
        match EnumAttr::from_attr(&attr) {
            Some(Ok(status_attr)) => status_attrs.push(status_attr),
            Some(Err(error)) => errors.push(error),
            None => attrs.push(attr),
        }
    }
    let options = attr::enum_options(&status_attrs, &mut errors);
    let vis: Visibility = input.parse()?;
    input.parse::<Token![enum]>()?;
    let ident: Ident = input.parse()?;
    if input.peek(Token![<]) {
        return Err(input.error("a status enum cannot be generic"));
    }
    let content;
    let brace: token::Brace = braced!(content in input);
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after the enum"));
    }
    let mut members = Vec::new();
    while !content.is_empty() {
        let attrs = content.call(Attribute::parse_outer)?;
        let mut tokens = TokenStream::new();
        while !content.is_empty() && !content.peek(Token![,]) {
            tokens.extend([content.parse::<TokenTree>()?]);
        }
        let kind = if tokens.is_empty() {
            MemberKind::Invalid(content.error("expected a status before `,`"))
        } else {
            parse_member
                .parse2(tokens)
                .unwrap_or_else(MemberKind::Invalid)
        };
        members.push(Member { attrs, kind });
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    if members.is_empty() {
        return Err(syn::Error::new(
            brace.span.join(),
            format_args!(
                "`{ident}` lists no statuses; a status enum needs at least one, such as `Ok` or \
                 `404`"
            ),
        ));
    }
    Ok(StatusEnum {
        attrs,
        options,
        option_errors: errors.into_error(),
        vis,
        ident,
        members,
    })
}

fn parse_member(input: ParseStream) -> syn::Result<MemberKind> {
    let kind = if input.peek(Ident) && input.peek2(token::Paren) {
        let ident: Ident = input.parse()?;
        let content;
        parenthesized!(content in input);
        let ty = Box::new(content.parse::<Type>()?);
        MemberKind::CatchAll { ident, ty }
    } else if input.peek(Ident) && input.peek2(Token![=]) {
        let rename: Ident = input.parse()?;
        input.parse::<Token![=]>()?;
        MemberKind::Status {
            rename: Some(rename),
            status: StatusRef::parse(input)?,
        }
    } else if input.peek(LitInt) {
        let lit: LitInt = input.parse()?;
        if lit.suffix() == "xx" {
            MemberKind::Class { lit }
        } else {
            MemberKind::Status {
                rename: None,
                status: StatusRef::Code(lit),
            }
        }
    } else {
        MemberKind::Status {
            rename: None,
            status: StatusRef::parse(input)?,
        }
    };
    if !input.is_empty() {
        let rest: TokenStream = input.parse()?;
        return Err(syn::Error::new(
            rest.span(),
            format_args!(
                "expected `,` after the status, found `{}`",
                rest.to_token_stream()
            ),
        ));
    }
    Ok(kind)
}

/// `#[derive(HttpStatus)]` input with its `#[status]` attributes read, before any registry
/// check (thiserror's `Input::from_syn`).
pub struct DeriveInput<'a> {
    pub ident: &'a Ident,
    /// The type's doc comment: a struct's OpenAPI description.
    pub doc: Option<String>,
    pub generics: &'a syn::Generics,
    /// The type's own `#[status(...)]`: the status (or enum default) and the options.
    pub attrs: ItemAttrs,
    /// Mistakes in the type's attributes (and a struct's fields'), reported before the
    /// checks of its status, so that errors come in source order.
    pub attr_errors: Option<syn::Error>,
    pub data: DeriveData<'a>,
}

pub enum DeriveData<'a> {
    Struct(DeriveFields<'a>),
    Enum(Vec<DeriveVariant<'a>>),
    Union(Span),
}

/// The fields of a struct or variant, with what their `#[status(...)]` say.
pub struct DeriveFields<'a> {
    pub fields: &'a syn::Fields,
    /// One per field, in order.
    pub attrs: Vec<FieldAttrs>,
    /// A field carried a status, or a broken `#[status]` (already reported).
    pub misplaced: bool,
}

pub struct DeriveVariant<'a> {
    pub ident: &'a Ident,
    /// The variant's doc comment: its OpenAPI description.
    pub doc: Option<String>,
    pub fields: DeriveFields<'a>,
    pub status: Found,
    /// `header(...)`, `type`, `title`, `detail` of the variant.
    pub parts: ResponseParts,
    /// Mistakes in the attributes of the variant and its fields.
    pub attr_errors: Option<syn::Error>,
}

impl<'a> DeriveInput<'a> {
    /// Reads every `#[status]` attribute, keeping the mistakes with the item they are in.
    pub fn from_syn(input: &'a syn::DeriveInput) -> Self {
        let mut errors = Errors::new();
        let attrs = attr::item_attrs(&input.attrs, Place::Type, &mut errors);
        let data = match &input.data {
            syn::Data::Union(union) => DeriveData::Union(union.union_token.span),
            syn::Data::Struct(data) => {
                DeriveData::Struct(DeriveFields::from_syn(&data.fields, "struct", &mut errors))
            }
            syn::Data::Enum(data) => {
                DeriveData::Enum(data.variants.iter().map(DeriveVariant::from_syn).collect())
            }
        };
        DeriveInput {
            ident: &input.ident,
            doc: doc_text(&input.attrs),
            generics: &input.generics,
            attrs,
            attr_errors: errors.into_error(),
            data,
        }
    }
}

impl<'a> DeriveFields<'a> {
    fn from_syn(fields: &'a syn::Fields, owner: &str, errors: &mut Errors) -> Self {
        let attrs: Vec<FieldAttrs> = fields
            .iter()
            .map(|field| attr::field_attrs(field, owner, errors))
            .collect();
        DeriveFields {
            fields,
            misplaced: attrs.iter().any(|attrs| attrs.misplaced),
            attrs,
        }
    }
}

impl<'a> DeriveVariant<'a> {
    fn from_syn(variant: &'a syn::Variant) -> Self {
        let mut errors = Errors::new();
        let attrs = attr::item_attrs(&variant.attrs, Place::Variant, &mut errors);
        let fields = DeriveFields::from_syn(&variant.fields, "variant", &mut errors);
        let status = match attrs.status {
            // A status on a field was meant for the variant: its error says so.
            Found::Nothing if fields.misplaced => Found::Broken,
            found => found,
        };
        DeriveVariant {
            ident: &variant.ident,
            doc: doc_text(&variant.attrs),
            fields,
            status,
            parts: attrs.parts,
            attr_errors: errors.into_error(),
        }
    }
}

/// The text of an item's doc comment, as rustdoc shows it: the `#[doc = "..."]` lines, each
/// without the space `///` puts after itself, joined without their common indentation; `None`
/// when there is none. A `#[doc = ...]` that is not a string literal (a macro call) is skipped.
pub fn doc_text(attrs: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("doc")) {
        if let syn::Meta::NameValue(syn::MetaNameValue {
            value:
                syn::Expr::Lit(syn::ExprLit {
                    lit: Lit::Str(text),
                    ..
                }),
            ..
        }) = &attr.meta
        {
            let text = text.value();
            let own = text
                .split('\n')
                .map(|line| line.strip_prefix(' ').unwrap_or(line));
            lines.extend(own.map(|line| line.trim_end().to_owned()));
        }
    }
    let indent = lines
        .iter()
        .filter(|line| !line.is_empty())
        .map(|line| line.len() - line.trim_start().len())
        .min()?;
    let unindented: Vec<&str> = lines
        .iter()
        .map(|line| line.get(indent..).unwrap_or(""))
        .collect();
    let text = unindented.join("\n").trim().to_owned();
    (!text.is_empty()).then_some(text)
}
