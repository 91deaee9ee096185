//! A status as written, looked up in the registry: the checks every macro shares (a code's
//! form, a name and its former names, a reserved code), and what `status!` accepts.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::{Ident, LitInt};

use crate::attr::StatusRef;
use crate::registry::{Entry, NameMatch, Registry, screaming_snake_case};

/// The type parameters of a derived type: a field whose type names one gets bounds, and is
/// not asked what method resolution finds out only about concrete types.
pub struct TypeParams(Vec<Ident>);

impl TypeParams {
    pub fn of(generics: &syn::Generics) -> Self {
        TypeParams(generics.type_params().map(|p| p.ident.clone()).collect())
    }

    /// Whether `ty` names one of them.
    pub fn mentioned_by(&self, ty: &syn::Type) -> bool {
        !self.0.is_empty() && self.mentioned_in(quote::ToTokens::to_token_stream(ty))
    }

    fn mentioned_in(&self, tokens: proc_macro2::TokenStream) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Ident(ident) => self.0.contains(&ident),
            proc_macro2::TokenTree::Group(group) => self.mentioned_in(group.stream()),
            _ => false,
        })
    }
}

/// A status found in the registry.
pub struct Resolved<'r> {
    pub entry: &'r Entry,
    /// Where the user wrote it.
    pub span: Span,
    /// Set when the user wrote a former name.
    pub former_name: Option<FormerName<'r>>,
}

/// A former name the user wrote (`PayloadTooLarge`), to be warned about at its token.
#[derive(Clone)]
pub struct FormerName<'r> {
    /// The former name in UpperCamelCase (the item `StatusCode` keeps deprecated), spanned at
    /// what the user wrote.
    pub alias: Ident,
    pub entry: &'r Entry,
    /// The note of the deprecation warning.
    pub note: String,
}

impl<'r> FormerName<'r> {
    fn new(written: &Ident, entry: &'r Entry) -> Self {
        let written_text = written.unraw().to_string();
        let alias = entry
            .aliases
            .iter()
            .find(|alias| **alias == written_text || screaming_snake_case(alias) == written_text)
            .cloned()
            .unwrap_or_else(|| written_text.clone());
        FormerName {
            note: former_name_note(&written.to_string(), entry),
            alias: Ident::new(&alias, written.span()),
            entry,
        }
    }
}

/// The note of the deprecation warning for a former name.
pub(super) fn former_name_note(former: &str, entry: &Entry) -> String {
    format!(
        "`{former}` is a former name of {} {}: use `{}`",
        entry.code, entry.reason, entry.name
    )
}

/// Looks a status up in the registry.
pub fn resolve<'r>(status: &StatusRef, registry: &'r Registry) -> syn::Result<Resolved<'r>> {
    resolve_among(status, registry, |_| true)
}

/// Like [`resolve`]; suggestions for an unregistered code come from the entries `accepted`.
fn resolve_among<'r>(
    status: &StatusRef,
    registry: &'r Registry,
    accepted: fn(&Entry) -> bool,
) -> syn::Result<Resolved<'r>> {
    let (entry, former_name) = match status {
        StatusRef::Code(lit) => (resolve_code(lit, registry, accepted)?, None),
        StatusRef::Name(ident) => resolve_name(ident, registry)?,
    };
    if entry.is_unusable() {
        return Err(syn::Error::new(
            status.span(),
            format_args!(
                "{} is reserved and cannot be used: {} ({})",
                entry.code, entry.description, entry.reference
            ),
        ));
    }
    Ok(Resolved {
        entry,
        span: status.span(),
        former_name,
    })
}

/// The value of a code literal: a plain decimal integer in 100..=599.
pub fn code_value(lit: &LitInt) -> syn::Result<u16> {
    let text = lit.to_string();
    if lit.suffix() == "xx" {
        return Err(syn::Error::new(
            lit.span(),
            format_args!(
                "`{text}` names a whole class of codes; only `status_enum!` accepts it, as a member"
            ),
        ));
    }
    if !lit.suffix().is_empty() {
        return Err(syn::Error::new(
            lit.span(),
            format_args!(
                "a status code takes no suffix: write `{}`",
                lit.base10_digits()
            ),
        ));
    }
    if ["0x", "0o", "0b"]
        .iter()
        .any(|prefix| text.starts_with(prefix))
    {
        return Err(syn::Error::new(
            lit.span(),
            format_args!(
                "write the status code in decimal: `{}`",
                lit.base10_digits()
            ),
        ));
    }
    if text.starts_with('0') && text.len() > 1 || text.contains('_') {
        return Err(syn::Error::new(
            lit.span(),
            format_args!(
                "write the status code as three digits: `{}`",
                lit.base10_digits().trim_start_matches('0')
            ),
        ));
    }
    match lit.base10_parse::<u16>() {
        Ok(code @ 100..=599) => Ok(code),
        _ => Err(syn::Error::new(
            lit.span(),
            format_args!(
                "{} is not an HTTP status code: codes are 100..=599",
                lit.base10_digits()
            ),
        )),
    }
}

fn resolve_code<'r>(
    lit: &LitInt,
    registry: &'r Registry,
    accepted: fn(&Entry) -> bool,
) -> syn::Result<&'r Entry> {
    let code = code_value(lit)?;
    registry.by_code(code).ok_or_else(|| {
        let nearest: Vec<String> = registry
            .nearest_codes(code, 3, accepted)
            .iter()
            .map(|entry| format!("{} {}", entry.code, entry.reason))
            .collect();
        let hint = if nearest.is_empty() {
            String::new()
        } else {
            format!(
                "; nearest registered {}xx codes: {}",
                code / 100,
                nearest.join(", ")
            )
        };
        syn::Error::new(
            lit.span(),
            format_args!("{code} is not a registered HTTP status code{hint}"),
        )
    })
}

fn resolve_name<'r>(
    ident: &Ident,
    registry: &'r Registry,
) -> syn::Result<(&'r Entry, Option<FormerName<'r>>)> {
    let name = ident.unraw().to_string();
    let name = name.as_str();
    match registry.by_name(name) {
        Some((entry, NameMatch::Current)) => Ok((entry, None)),
        Some((entry, NameMatch::Former)) => Ok((entry, Some(FormerName::new(ident, entry)))),
        None => {
            let similar: Vec<String> = registry
                .similar_names(name, 3)
                .iter()
                .map(|entry| format!("`{}` ({})", entry.name, entry.code))
                .collect();
            let hint = match similar.len() {
                0 => "; write a registered name like `NotFound` or a code like `404`".to_owned(),
                1 => format!("; did you mean {}?", similar[0]),
                _ => format!("; did you mean one of {}?", similar.join(", ")),
            };
            Err(syn::Error::new(
                ident.span(),
                format_args!("unknown HTTP status name `{name}`{hint}"),
            ))
        }
    }
}

/// What `status!` accepts: a code or name of `StatusCode`, which holds IANA codes only.
pub fn check_status_code<'r>(
    status: &StatusRef,
    registry: &'r Registry,
) -> syn::Result<Resolved<'r>> {
    let resolved = resolve_among(status, registry, Entry::in_status_code)?;
    let entry = resolved.entry;
    if !entry.in_status_code() {
        let source = match (entry.local, &entry.origin) {
            (true, _) => "it is defined in this crate's codes.toml".to_owned(),
            (false, Some(origin)) => format!("it comes from {origin}"),
            (false, None) => "it is not registered with IANA".to_owned(),
        };
        return Err(syn::Error::new(
            resolved.span,
            format_args!(
                "{} {} is not an IANA code ({source}), and `StatusCode` holds IANA codes \
                 only; list it in an enum of your own: \
                 `status_enum! {{ pub enum MyStatus {{ {}, ... }} }}`",
                entry.code, entry.reason, entry.name
            ),
        ));
    }
    Ok(resolved)
}
