//! `#[status(...)]` attributes of `#[derive(HttpStatus)]`.

use proc_macro2::{Span, TokenStream};
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Meta, Token, token};

use crate::ast::StatusRef;
use crate::errors::Errors;

/// What one `#[status(...)]` says.
#[derive(Clone)]
pub enum StatusAttr {
    /// `#[status(404)]`, `#[status(NotFound)]`, `#[status(NOT_FOUND)]`.
    Status(StatusRef),
    /// `#[status(transparent)]`: delegate to the single field.
    Transparent(Ident),
}

impl StatusAttr {
    fn span(&self) -> Span {
        match self {
            StatusAttr::Status(status) => status.span(),
            StatusAttr::Transparent(word) => word.span(),
        }
    }
}

/// What an item's attributes say about its status.
pub enum Found {
    /// No status given.
    Nothing,
    /// A `#[status]` whose error is already reported.
    Broken,
    Status(StatusAttr),
}

/// `#[status(response)]` on the type: an error response for axum and actix-web.
#[derive(Clone, Copy)]
pub struct Response {
    /// `#[status(response, detail)]`: 5xx responses carry the error's `Display` text too.
    pub detail: bool,
    /// The `response` word, for errors about it.
    pub span: Span,
}

/// Everything the `#[status(...)]` attributes of one item say.
pub struct ItemAttrs {
    pub status: Found,
    pub response: Option<Response>,
}

/// Where the attributes are: options such as `response` belong to the type.
#[derive(Clone, Copy, PartialEq)]
pub enum Place {
    Type,
    Variant,
}

/// One item of a `#[status(...)]` list.
enum Part {
    Status(StatusAttr),
    Response(Ident),
    Detail(Ident),
}

/// Reads the `#[status(...)]` attributes of an item: at most one status, and on the type the
/// options `response` and `detail`, in one attribute or several. Errors are added to `errors`.
pub fn item_attrs(attrs: &[Attribute], place: Place, errors: &mut Errors) -> ItemAttrs {
    let mut status: Option<(Span, Found)> = None;
    let mut response: Option<Ident> = None;
    let mut detail: Option<Ident> = None;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("status")) {
        let parts = match parse(attr) {
            Ok(parts) => parts,
            Err(error) => {
                errors.push(error);
                if status.is_none() {
                    status = Some((attr.span(), Found::Broken));
                }
                continue;
            }
        };
        for part in parts {
            match part {
                Part::Status(found) => {
                    let span = found.span();
                    if let Some((first, _)) = status {
                        errors.push(syn::Error::new(span, "the status is given twice; keep one"));
                        errors.push(syn::Error::new(first, "the first status is here"));
                    } else {
                        status = Some((span, Found::Status(found)));
                    }
                }
                Part::Response(word) | Part::Detail(word) if place == Place::Variant => errors
                    .push(syn::Error::new(
                        word.span(),
                        format_args!("`{word}` goes on the type, not on a variant"),
                    )),
                Part::Response(word) => option(&mut response, word, errors),
                Part::Detail(word) => option(&mut detail, word, errors),
            }
        }
    }
    if let (Some(word), None) = (&detail, &response) {
        errors.push(syn::Error::new(
            word.span(),
            "`detail` applies to error responses: write `#[status(response, detail)]`",
        ));
    }
    ItemAttrs {
        status: status.map_or(Found::Nothing, |(_, found)| found),
        response: response.map(|word| Response {
            detail: detail.is_some(),
            span: word.span(),
        }),
    }
}

fn option(slot: &mut Option<Ident>, word: Ident, errors: &mut Errors) {
    if slot.is_some() {
        errors.push(syn::Error::new(
            word.span(),
            format_args!("`{word}` is given twice"),
        ));
    } else {
        *slot = Some(word);
    }
}

/// A field may not carry `#[status]`: the status belongs to its variant or struct. Returns
/// whether a field had one.
pub fn reject_on_fields<'a>(
    fields: impl IntoIterator<Item = &'a syn::Field>,
    owner: &str,
    errors: &mut Errors,
) -> bool {
    let mut found = false;
    for field in fields {
        for attr in field.attrs.iter().filter(|a| a.path().is_ident("status")) {
            found = true;
            errors.push(syn::Error::new_spanned(
                attr,
                format_args!(
                    "`#[status]` goes on the {owner}, not on a field; \
                         to delegate to this field, put `#[status(transparent)]` on the {owner}"
                ),
            ));
        }
    }
    found
}

fn parse(attr: &Attribute) -> syn::Result<Vec<Part>> {
    match &attr.meta {
        Meta::List(list) if !list.tokens.is_empty() => list.parse_args_with(parse_parts),
        _ => Err(syn::Error::new_spanned(
            attr,
            "write the status in the attribute: `#[status(404)]`, `#[status(NotFound)]` \
             or `#[status(transparent)]`",
        )),
    }
}

fn parse_parts(input: ParseStream) -> syn::Result<Vec<Part>> {
    let mut parts = Vec::new();
    loop {
        parts.push(parse_part(input)?);
        if input.is_empty() {
            return Ok(parts);
        }
        if !input.peek(Token![,]) {
            let rest: TokenStream = input.parse()?;
            return Err(syn::Error::new_spanned(
                rest,
                "`#[status(...)]` takes one status (a code, a name, or `transparent`), and on \
                 the type the options `response` and `detail`, separated by commas",
            ));
        }
        input.parse::<Token![,]>()?;
        if input.is_empty() {
            return Ok(parts);
        }
    }
}

fn parse_part(input: ParseStream) -> syn::Result<Part> {
    if input.peek(Ident) && (input.peek2(Token![=]) || input.peek2(token::Paren)) {
        let key: Ident = input.parse()?;
        return Err(syn::Error::new(
            key.span(),
            format_args!(
                "unknown key `{key}` in `#[status(...)]`; write the status alone: \
                 `#[status(404)]` or `#[status(NotFound)]`"
            ),
        ));
    }
    if input.peek(Ident) {
        let word = input.fork().parse::<Ident>()?;
        let part = match word.to_string().as_str() {
            "transparent" => Some(Part::Status(StatusAttr::Transparent(word))),
            "response" => Some(Part::Response(word)),
            "detail" => Some(Part::Detail(word)),
            _ => None,
        };
        if let Some(part) = part {
            input.parse::<Ident>()?;
            return Ok(part);
        }
    }
    Ok(Part::Status(StatusAttr::Status(StatusRef::parse(input)?)))
}
