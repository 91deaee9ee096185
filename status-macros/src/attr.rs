//! `#[status(...)]` attributes of `#[derive(HttpStatus)]`.

use proc_macro2::TokenStream;
use syn::parse::ParseStream;
use syn::{Attribute, Ident, Meta, Token, token};

use crate::ast::{StatusRef, combine};

/// What one `#[status(...)]` says.
#[derive(Clone)]
pub enum StatusAttr {
    /// `#[status(404)]`, `#[status(NotFound)]`, `#[status(NOT_FOUND)]`.
    Status(StatusRef),
    /// `#[status(transparent)]`: delegate to the single field.
    Transparent(Ident),
}

/// What an item's attributes say about its status.
pub enum Found {
    /// No `#[status]`.
    Nothing,
    /// A `#[status]` whose error is already reported.
    Broken,
    Status(StatusAttr),
}

/// The `#[status(...)]` of an item. Errors (a malformed or repeated attribute) are added to
/// `errors`.
pub fn status_attr(attrs: &[Attribute], errors: &mut Option<syn::Error>) -> Found {
    let mut found: Option<(&Attribute, Option<StatusAttr>)> = None;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("status")) {
        if let Some((first, _)) = found {
            combine(
                errors,
                syn::Error::new_spanned(attr, "`#[status]` is given twice; keep one"),
            );
            combine(
                errors,
                syn::Error::new_spanned(first, "the first `#[status]` is here"),
            );
            continue;
        }
        let parsed = match parse(attr) {
            Ok(parsed) => Some(parsed),
            Err(error) => {
                combine(errors, error);
                None
            }
        };
        found = Some((attr, parsed));
    }
    match found {
        None => Found::Nothing,
        Some((_, None)) => Found::Broken,
        Some((_, Some(status))) => Found::Status(status),
    }
}

/// A field may not carry `#[status]`: the status belongs to its variant or struct. Returns
/// whether a field had one.
pub fn reject_on_fields<'a>(
    fields: impl IntoIterator<Item = &'a syn::Field>,
    owner: &str,
    errors: &mut Option<syn::Error>,
) -> bool {
    let mut found = false;
    for field in fields {
        for attr in field.attrs.iter().filter(|a| a.path().is_ident("status")) {
            found = true;
            combine(
                errors,
                syn::Error::new_spanned(
                    attr,
                    format_args!(
                        "`#[status]` goes on the {owner}, not on a field; \
                         to delegate to this field, put `#[status(transparent)]` on the {owner}"
                    ),
                ),
            );
        }
    }
    found
}

fn parse(attr: &Attribute) -> syn::Result<StatusAttr> {
    match &attr.meta {
        Meta::List(list) if !list.tokens.is_empty() => list.parse_args_with(parse_args),
        _ => Err(syn::Error::new_spanned(
            attr,
            "write the status in the attribute: `#[status(404)]`, `#[status(NotFound)]` \
             or `#[status(transparent)]`",
        )),
    }
}

fn parse_args(input: ParseStream) -> syn::Result<StatusAttr> {
    let status = if input.peek(Ident) && (input.peek2(Token![=]) || input.peek2(token::Paren)) {
        let key: Ident = input.parse()?;
        return Err(syn::Error::new(
            key.span(),
            format_args!(
                "unknown key `{key}` in `#[status(...)]`; write the status alone: \
                 `#[status(404)]` or `#[status(NotFound)]`"
            ),
        ));
    } else if input.peek(Ident) && input.fork().parse::<Ident>()? == "transparent" {
        StatusAttr::Transparent(input.parse()?)
    } else {
        StatusAttr::Status(StatusRef::parse(input)?)
    };
    if !input.is_empty() {
        let rest: TokenStream = input.parse()?;
        return Err(syn::Error::new_spanned(
            rest,
            "`#[status(...)]` takes one status: a code, a name, or `transparent`",
        ));
    }
    Ok(status)
}
