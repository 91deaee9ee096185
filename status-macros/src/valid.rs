//! Every check against the registry, in one place. Each error points at the token that is wrong.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::{Attribute, Ident, LitInt, Type};

use crate::ast::{self, MemberKind, StatusEnum, StatusRef};
use crate::attr::{self, Found, Place, Response, StatusAttr};
use crate::registry::{Entry, NameMatch, Registry};

/// A status found in the registry.
pub struct Resolved<'r> {
    pub entry: &'r Entry,
    /// Where the user wrote it.
    pub span: Span,
    /// Set when the user wrote a former name: the deprecation warning goes on this token.
    pub former_name: Option<Ident>,
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
) -> syn::Result<(&'r Entry, Option<Ident>)> {
    let name = ident.unraw().to_string();
    let name = name.as_str();
    match registry.by_name(name) {
        Some((entry, NameMatch::Current)) => Ok((entry, None)),
        Some((entry, NameMatch::Former)) => Ok((entry, Some(ident.clone()))),
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

/// The note of the deprecation warning for a former name.
pub fn former_name_note(former: &str, entry: &Entry) -> String {
    format!(
        "`{former}` is a former name of {} {}: use `{}`",
        entry.code, entry.reason, entry.name
    )
}

/// A `status_enum!` that passed the checks, variants in code order.
pub struct CheckedEnum<'r> {
    pub variants: Vec<CheckedVariant<'r>>,
    pub catch_all: Option<CatchAll>,
    /// Former names the user wrote, each to be warned about at its token.
    pub former_names: Vec<(Ident, &'r Entry)>,
}

pub struct CheckedVariant<'r> {
    pub ident: Ident,
    pub entry: &'r Entry,
    pub attrs: Vec<Attribute>,
    /// The user chose the variant's name (`Missing = 410`).
    pub renamed: bool,
}

pub struct CatchAll {
    pub ident: Ident,
    pub attrs: Vec<Attribute>,
    pub ty: Type,
}

/// Items every status enum has: a variant of the same name would hide them.
const GENERATED_ITEMS: [&str; 13] = [
    "ALL",
    "code",
    "reason",
    "description",
    "reference",
    "class",
    "is_informational",
    "is_success",
    "is_redirection",
    "is_client_error",
    "is_server_error",
    "is_error",
    "from_code",
];

/// An error if a variant would be named like a generated item.
fn generated_item_clash(ident: &Ident) -> Option<syn::Error> {
    let name = ident.unraw().to_string();
    GENERATED_ITEMS.contains(&name.as_str()).then(|| {
        syn::Error::new(
            ident.span(),
            format_args!("`{name}` is the name of a generated item; choose another"),
        )
    })
}

/// Checks every member; errors are collected, and the members that passed are kept so that
/// the enum can still be emitted and uses of it do not add a cascade of errors.
pub fn check_status_enum<'r>(
    input: &StatusEnum,
    registry: &'r Registry,
) -> (CheckedEnum<'r>, Option<syn::Error>) {
    let mut errors = None;
    let mut checked = CheckedEnum {
        variants: Vec::new(),
        catch_all: None,
        former_names: Vec::new(),
    };
    // code -> how it was first listed; variant name -> how it was first listed
    let mut codes: HashMap<u16, String> = HashMap::new();
    let mut names: HashMap<String, String> = HashMap::new();
    let mut classes: Vec<u16> = Vec::new();

    let mut add = |checked: &mut CheckedEnum<'r>,
                   errors: &mut Option<syn::Error>,
                   ident: Ident,
                   entry: &'r Entry,
                   attrs: &[Attribute],
                   renamed: bool,
                   listed_as: String,
                   span: Span| {
        if let Some(first) = codes.get(&entry.code) {
            ast::combine(
                errors,
                syn::Error::new(
                    span,
                    format_args!(
                        "{} {} is listed twice: first as `{first}`",
                        entry.code, entry.reason
                    ),
                ),
            );
            return;
        }
        if let Some(error) = generated_item_clash(&ident) {
            ast::combine(errors, error);
            return;
        }
        let name = ident.unraw().to_string();
        if let Some(first) = names.get(&name) {
            // At the variant's name: for `Missing = 411` that is `Missing`, not the code.
            ast::combine(
                errors,
                syn::Error::new(
                    ident.span(),
                    format_args!("variant `{ident}` is defined twice: first by `{first}`"),
                ),
            );
            return;
        }
        codes.insert(entry.code, listed_as.clone());
        names.insert(name, listed_as);
        checked.variants.push(CheckedVariant {
            ident,
            entry,
            attrs: attrs.to_vec(),
            renamed,
        });
    };

    for member in &input.members {
        if let Some(cfg) = member.attrs.iter().find(|attr| attr.path().is_ident("cfg")) {
            ast::combine(
                &mut errors,
                syn::Error::new_spanned(
                    cfg,
                    "`#[cfg]` on a member is not supported: the generated tables list every \
                     member; put `#[cfg]` on whole `status_enum!` invocations instead",
                ),
            );
            continue;
        }
        match &member.kind {
            MemberKind::Status { rename, status } => match resolve(status, registry) {
                Ok(resolved) => {
                    let listed_as = match rename {
                        Some(rename) => format!("{rename} = {}", status.text()),
                        None => status.text(),
                    };
                    let ident = match rename {
                        Some(rename) => rename.clone(),
                        None => Ident::new(&resolved.entry.name, resolved.span),
                    };
                    if let Some(former) = resolved.former_name {
                        checked.former_names.push((former, resolved.entry));
                    }
                    add(
                        &mut checked,
                        &mut errors,
                        ident,
                        resolved.entry,
                        &member.attrs,
                        rename.is_some(),
                        listed_as,
                        resolved.span,
                    );
                }
                Err(error) => ast::combine(&mut errors, error),
            },
            MemberKind::Class { lit } => {
                // The digits as written: `01xx` is no class, though its value is 1.
                let written = lit.to_string();
                let class = written.strip_suffix("xx").unwrap_or(&written);
                let digit = match class.as_bytes() {
                    [digit @ b'1'..=b'5'] => Some(u16::from(digit - b'0')),
                    _ => None,
                };
                let Some(digit) = digit else {
                    ast::combine(
                        &mut errors,
                        syn::Error::new(
                            lit.span(),
                            format_args!(
                                "`{class}xx` is not a status class: classes are `1xx` to `5xx`"
                            ),
                        ),
                    );
                    continue;
                };
                if classes.contains(&digit) {
                    ast::combine(
                        &mut errors,
                        syn::Error::new(lit.span(), format_args!("`{digit}xx` is listed twice")),
                    );
                    continue;
                }
                classes.push(digit);
                let class_members = registry
                    .entries()
                    .iter()
                    .filter(|entry| entry.class_digit() == digit && entry.in_status_code());
                for entry in class_members {
                    let ident = Ident::new(&entry.name, lit.span());
                    let listed_as = format!("{digit}xx");
                    add(
                        &mut checked,
                        &mut errors,
                        ident,
                        entry,
                        &member.attrs,
                        false,
                        listed_as,
                        lit.span(),
                    );
                }
            }
            MemberKind::Invalid(error) => ast::combine(&mut errors, error.clone()),
            MemberKind::CatchAll { ident, ty } => {
                if let Some(first) = &checked.catch_all {
                    ast::combine(
                        &mut errors,
                        syn::Error::new(
                            ident.span(),
                            format_args!(
                                "a status enum has at most one catch-all; `{}` is the first",
                                first.ident
                            ),
                        ),
                    );
                } else if let Some(error) = generated_item_clash(ident) {
                    ast::combine(&mut errors, error);
                } else if !is_u16(ty) {
                    ast::combine(
                        &mut errors,
                        syn::Error::new_spanned(
                            ty,
                            "the catch-all holds the code as `u16`: write `Other(u16)`",
                        ),
                    );
                } else {
                    checked.catch_all = Some(CatchAll {
                        ident: ident.clone(),
                        attrs: member.attrs.clone(),
                        ty: (**ty).clone(),
                    });
                }
            }
        }
    }
    if let Some(catch_all) = &checked.catch_all
        && let Some(variant) = checked
            .variants
            .iter()
            .find(|v| v.ident.unraw() == catch_all.ident.unraw())
    {
        ast::combine(
            &mut errors,
            syn::Error::new(
                catch_all.ident.span(),
                format_args!(
                    "the catch-all `{}` has the name of the variant for {}",
                    catch_all.ident, variant.entry.code
                ),
            ),
        );
        checked.catch_all = None;
    }
    checked.variants.sort_by_key(|variant| variant.entry.code);
    (checked, errors)
}

/// `u16`, or a path to the primitive such as `::core::primitive::u16`.
fn is_u16(ty: &Type) -> bool {
    let Type::Path(path) = ty else {
        return false;
    };
    let segments: Vec<String> = path
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    path.qself.is_none()
        && match segments.as_slice() {
            [name] => name == "u16",
            [krate, module, name] => {
                (krate == "core" || krate == "std") && module == "primitive" && name == "u16"
            }
            _ => false,
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

/// How a derived type (or one variant of it) gets its status.
pub enum Mapping<'r> {
    /// A registered status, the same for every value.
    Fixed(&'r Entry),
    /// Delegated to the single field.
    Transparent { member: syn::Member, ty: Box<Type> },
}

/// One arm of the derived impl: a variant (or, for a struct, `None`) and its mapping.
pub struct DeriveArm<'r> {
    pub variant: Option<Ident>,
    pub mapping: Mapping<'r>,
}

pub struct CheckedDerive<'r> {
    pub arms: Vec<DeriveArm<'r>>,
    pub former_names: Vec<(Ident, &'r Entry)>,
    /// `#[status(response)]`: implement the web frameworks' error-response traits.
    pub response: Option<Response>,
}

/// Checks `#[derive(HttpStatus)]` input; every mistake is collected.
pub fn check_derive<'r>(
    input: &syn::DeriveInput,
    registry: &'r Registry,
) -> Result<CheckedDerive<'r>, syn::Error> {
    let mut errors = None;
    let mut checked = CheckedDerive {
        arms: Vec::new(),
        former_names: Vec::new(),
        response: None,
    };
    let type_attrs = attr::item_attrs(&input.attrs, Place::Type, &mut errors);
    checked.response = type_attrs.response;
    let type_attr = type_attrs.status;
    match &input.data {
        syn::Data::Union(union) => {
            ast::combine(
                &mut errors,
                syn::Error::new(
                    union.union_token.span,
                    "`HttpStatus` cannot be derived for a union; use an enum or a struct",
                ),
            );
        }
        syn::Data::Struct(data) => {
            let misplaced = attr::reject_on_fields(&data.fields, "struct", &mut errors);
            match type_attr {
                Found::Status(status) => {
                    let mapping =
                        mapping(&status, &data.fields, &input.ident, registry, &mut checked);
                    match mapping {
                        Ok(mapping) => checked.arms.push(DeriveArm {
                            variant: None,
                            mapping,
                        }),
                        Err(error) => ast::combine(&mut errors, error),
                    }
                }
                Found::Nothing if misplaced => {}
                Found::Nothing => ast::combine(
                    &mut errors,
                    syn::Error::new(
                        input.ident.span(),
                        format_args!(
                            "`{}` needs its status: add `#[status(404)]` (a code or a name), \
                             or `#[status(transparent)]` to delegate to its single field",
                            input.ident
                        ),
                    ),
                ),
                Found::Broken => {}
            }
        }
        syn::Data::Enum(data) => {
            let mut default_is_broken = false;
            let default = match type_attr {
                Found::Status(StatusAttr::Transparent(word)) => {
                    default_is_broken = true;
                    ast::combine(
                        &mut errors,
                        syn::Error::new(
                            word.span(),
                            "`#[status(transparent)]` goes on a variant with one field; \
                             on the enum, give a default status such as `#[status(500)]`",
                        ),
                    );
                    None
                }
                Found::Status(StatusAttr::Status(status)) => match resolve(&status, registry) {
                    Ok(resolved) => {
                        note_former_name(&resolved, &mut checked);
                        Some(resolved.entry)
                    }
                    Err(error) => {
                        default_is_broken = true;
                        ast::combine(&mut errors, error);
                        None
                    }
                },
                Found::Broken => {
                    default_is_broken = true;
                    None
                }
                Found::Nothing => None,
            };
            for variant in &data.variants {
                let misplaced = attr::reject_on_fields(&variant.fields, "variant", &mut errors);
                let status =
                    match attr::item_attrs(&variant.attrs, Place::Variant, &mut errors).status {
                        // A `#[status]` on a field was meant for the variant: its error says so.
                        Found::Nothing if misplaced => Found::Broken,
                        found => found,
                    };
                let mapping = match (status, default) {
                    (Found::Status(status), _) => mapping(
                        &status,
                        &variant.fields,
                        &variant.ident,
                        registry,
                        &mut checked,
                    ),
                    // Its error is already reported.
                    (Found::Broken, _) => continue,
                    (Found::Nothing, Some(entry)) => Ok(Mapping::Fixed(entry)),
                    // An enum default that failed already has its error.
                    (Found::Nothing, None) if default_is_broken => continue,
                    (Found::Nothing, None) => Err(syn::Error::new(
                        variant.ident.span(),
                        format_args!(
                            "variant `{}` has no status: add `#[status(...)]` to it, \
                             or a default for the enum with `#[status(500)]` on `{}`",
                            variant.ident, input.ident
                        ),
                    )),
                };
                match mapping {
                    Ok(mapping) => checked.arms.push(DeriveArm {
                        variant: Some(variant.ident.clone()),
                        mapping,
                    }),
                    Err(error) => ast::combine(&mut errors, error),
                }
            }
        }
    }
    match errors {
        Some(errors) => Err(errors),
        None => Ok(checked),
    }
}

fn note_former_name<'r>(resolved: &Resolved<'r>, checked: &mut CheckedDerive<'r>) {
    if let Some(former) = &resolved.former_name {
        checked.former_names.push((former.clone(), resolved.entry));
    }
}

fn mapping<'r>(
    status: &StatusAttr,
    fields: &syn::Fields,
    owner: &Ident,
    registry: &'r Registry,
    checked: &mut CheckedDerive<'r>,
) -> syn::Result<Mapping<'r>> {
    match status {
        StatusAttr::Status(status) => {
            let resolved = resolve(status, registry)?;
            note_former_name(&resolved, checked);
            Ok(Mapping::Fixed(resolved.entry))
        }
        StatusAttr::Transparent(word) => {
            let mut members = fields.members().zip(fields.iter());
            match (members.next(), members.next()) {
                (Some((member, field)), None) => Ok(Mapping::Transparent {
                    member,
                    ty: Box::new(field.ty.clone()),
                }),
                _ => Err(syn::Error::new(
                    word.span(),
                    format_args!(
                        "`#[status(transparent)]` delegates to exactly one field, and `{owner}` has {}",
                        match fields.len() {
                            0 => "none".to_owned(),
                            n => n.to_string(),
                        }
                    ),
                )),
            }
        }
    }
}
