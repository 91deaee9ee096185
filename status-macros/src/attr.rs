//! `#[status(...)]` attributes of `#[derive(HttpStatus)]`, and of a `status_enum!` enum.

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
    /// `#[status(crate = "path")]` on the type: where status-core is.
    pub krate: Option<syn::Path>,
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
    Crate(syn::Path),
}

/// Reads the `#[status(...)]` attributes of an item: at most one status, and on the type the
/// options `response` and `detail`, in one attribute or several. Errors are added to `errors`.
pub fn item_attrs(attrs: &[Attribute], place: Place, errors: &mut Errors) -> ItemAttrs {
    let mut status: Option<(Span, Found)> = None;
    let mut response: Option<Ident> = None;
    let mut detail: Option<Ident> = None;
    let mut krate: Option<syn::Path> = None;
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
                Part::Crate(path) if place == Place::Variant => errors.push(
                    syn::Error::new_spanned(path, "`crate` goes on the type, not on a variant"),
                ),
                Part::Response(word) => option(&mut response, word, errors),
                Part::Detail(word) => option(&mut detail, word, errors),
                Part::Crate(path) if krate.is_some() => {
                    errors.push(syn::Error::new_spanned(path, "`crate` is given twice"));
                }
                Part::Crate(path) => krate = Some(path),
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
        krate,
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
    if input.peek(Token![crate]) && input.peek2(Token![=]) {
        return Ok(Part::Crate(parse_crate_path(input)?));
    }
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

/// `crate = "path"`: the path of status-core, for a crate that renamed the dependency.
fn parse_crate_path(input: ParseStream) -> syn::Result<syn::Path> {
    input.parse::<Token![crate]>()?;
    input.parse::<Token![=]>()?;
    let text: syn::LitStr = input.parse()?;
    text.parse::<syn::Path>().map_err(|_| {
        syn::Error::new(
            text.span(),
            format_args!(
                "`{}` is not a path; write the name status-core has in this crate, such as `crate = \"status\"`",
                text.value()
            ),
        )
    })
}

/// What `#[status(...)]` on a `status_enum!` enum says: the impls of other crates' traits it
/// opts in to, and where status-core is.
#[derive(Default)]
pub struct EnumOptions {
    pub http: Option<OptInWord>,
    pub serde: Option<OptInWord>,
    pub openapi: Option<OptInWord>,
    pub krate: Option<syn::Path>,
}

/// A word such as `serde`, and the `cfg` predicate it is under when it came from
/// `#[cfg_attr(predicate, status(serde))]`.
#[derive(Clone)]
pub struct OptInWord {
    pub word: Ident,
    pub cfg: Option<Meta>,
}

/// A `#[status(...)]` of a `status_enum!` enum, or one under `#[cfg_attr(predicate, ...)]`.
pub struct EnumAttr {
    pub list: syn::MetaList,
    pub cfg: Option<Meta>,
}

impl EnumAttr {
    /// `#[status(...)]` or `#[cfg_attr(predicate, status(...))]`; anything else is not ours.
    pub fn from_attr(attr: &Attribute) -> Option<syn::Result<Self>> {
        if attr.path().is_ident("status") {
            return Some(match &attr.meta {
                Meta::List(list) if !list.tokens.is_empty() => Ok(EnumAttr {
                    list: list.clone(),
                    cfg: None,
                }),
                _ => Err(syn::Error::new_spanned(
                    attr,
                    "write what the enum opts in to: `#[status(http, serde)]`",
                )),
            });
        }
        if !attr.path().is_ident("cfg_attr") {
            return None;
        }
        let parsed = attr.parse_args_with(|input: ParseStream| {
            let cfg: Meta = input.parse()?;
            input.parse::<Token![,]>()?;
            let inner: Meta = input.parse()?;
            let _: Option<Token![,]> = input.parse()?;
            Ok((cfg, inner, input.is_empty()))
        });
        match parsed {
            Ok((cfg, Meta::List(list), true)) if list.path.is_ident("status") => {
                Some(Ok(EnumAttr {
                    list,
                    cfg: Some(cfg),
                }))
            }
            _ => None,
        }
    }
}

/// Reads the `#[status(...)]` attributes of a `status_enum!` enum.
pub fn enum_options(attrs: &[EnumAttr], errors: &mut Errors) -> EnumOptions {
    let mut options = EnumOptions::default();
    for attr in attrs {
        let parsed = attr.list.parse_args_with(|input: ParseStream| {
            parse_enum_options(input, &attr.cfg, &mut options)
        });
        if let Err(error) = parsed {
            errors.push(error);
        }
    }
    options
}

fn parse_enum_options(
    input: ParseStream,
    cfg: &Option<Meta>,
    options: &mut EnumOptions,
) -> syn::Result<()> {
    while !input.is_empty() {
        if input.peek(Token![crate]) && input.peek2(Token![=]) {
            let path = parse_crate_path(input)?;
            if options.krate.is_some() || cfg.is_some() {
                return Err(syn::Error::new_spanned(
                    path,
                    "`crate` is given once, outside `cfg_attr`",
                ));
            }
            options.krate = Some(path);
        } else {
            let word: Ident = input.parse()?;
            let slot = match word.to_string().as_str() {
                "http" => &mut options.http,
                "serde" => &mut options.serde,
                "openapi" => &mut options.openapi,
                _ => {
                    return Err(syn::Error::new(
                        word.span(),
                        format_args!(
                            "unknown word `{word}` in `#[status(...)]` of a status enum; \
                             expected `http`, `serde`, `openapi` or `crate = \"...\"`"
                        ),
                    ));
                }
            };
            if slot.is_some() {
                return Err(syn::Error::new(
                    word.span(),
                    format_args!("`{word}` is given twice"),
                ));
            }
            *slot = Some(OptInWord {
                word,
                cfg: cfg.clone(),
            });
        }
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
        }
    }
    Ok(())
}
