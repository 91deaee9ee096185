//! Checks of a `status_enum!`: each member against the registry, and the members together.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::{Attribute, Ident, LitInt, Type, Visibility};

use super::segment_names;
use super::status::{FormerName, former_name_note, resolve};
use crate::ast::{Member, MemberKind, StatusEnum};
use crate::attr::OptInWord;
use crate::attr::StatusRef;
use crate::context::Context;
use crate::errors::Errors;
use crate::registry::{Entry, Registry};

/// The associated items every status enum has. A variant of the same name would hide one, so
/// `valid` refuses such names; a test checks this list against the expansion.
pub const GENERATED_ITEMS: [&str; 17] = [
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
    "is_cacheable_by_default",
    "allows_content",
    "required_headers",
    "recommended_headers",
];

/// A `status_enum!` that passed the checks: everything its expansion needs.
pub struct CheckedEnum<'r> {
    /// The enum's attributes and docs, passed through.
    pub attrs: Vec<Attribute>,
    /// Its `#[cfg]`s: whatever is generated beside the enum exists when the enum does.
    pub cfgs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    /// In code order.
    pub variants: Vec<CheckedVariant<'r>>,
    pub shape: Shape,
    /// Former names the user wrote, each warned about at its token.
    pub former_names: Vec<FormerName<'r>>,
    /// Set when this call defines `status_core::StatusCode` itself: it then keeps its former
    /// names as deprecated constants, and has no conversions with itself.
    pub defines_status_code: bool,
    /// The deprecated constants of `StatusCode` (empty for every other enum).
    pub alias_consts: Vec<AliasConst>,
    /// Every member is in `StatusCode`, so `From<E> for StatusCode` cannot fail.
    pub all_in_status_code: bool,
    /// Every member is built in, so its texts and registry facts are in `status-core`'s
    /// tables of built-in codes.
    pub builtin_tables: bool,
    /// The other crates' traits the enum opts in to, each with the word that asked.
    pub opt_in: OptIn,
    /// How generated code names status-core.
    pub runtime: syn::Path,
    /// A member or the catch-all has `#[deprecated]`, or may have it through `cfg_attr`: the
    /// tables that list them allow it.
    pub may_be_deprecated: bool,
}

/// `#[status(http, serde, openapi)]`: each word (for the error when its feature is off) and
/// the `cfg` it is under.
pub struct OptIn {
    pub http: Option<Requested>,
    pub serde: Option<Requested>,
    pub openapi: Option<Requested>,
}

/// A word of `#[status(...)]` that asks for another crate's trait impls.
pub struct Requested {
    /// Where the word is, for the error when status-core's feature for it is off.
    pub word: Ident,
    /// The `cfg` predicate it is under, from `#[cfg_attr(predicate, status(...))]`.
    pub cfg: Option<syn::Meta>,
}

impl Requested {
    fn from_attr(word: &Option<OptInWord>) -> Option<Self> {
        let OptInWord { word, cfg } = word.as_ref()?;
        Some(Requested {
            word: word.clone(),
            cfg: cfg.clone(),
        })
    }
}

pub struct CheckedVariant<'r> {
    pub ident: Ident,
    pub entry: &'r Entry,
    pub attrs: Vec<Attribute>,
    /// The user chose the variant's name (`Missing = 410`).
    pub renamed: bool,
}

/// Whether the enum holds only its members, or any code besides.
pub enum Shape {
    Closed,
    CatchAll(CatchAll),
}

/// `Other(u16)`.
pub struct CatchAll {
    pub ident: Ident,
    pub attrs: Vec<Attribute>,
    pub ty: Box<Type>,
}

/// A former name of a `StatusCode` variant, kept as a deprecated associated constant.
pub struct AliasConst {
    pub alias: Ident,
    pub variant: Ident,
    pub note: String,
}

/// Checks every member. Errors are collected, and the members that passed are kept so that
/// the enum can still be emitted and uses of it do not add a cascade of errors.
///
pub fn check_status_enum<'r>(
    input: &StatusEnum,
    registry: &'r Registry,
    context: &Context,
) -> (CheckedEnum<'r>, Option<syn::Error>) {
    let mut errors = Errors::new();
    errors.extend(input.option_errors.as_ref());
    let mut members = Members::default();
    let mut catch_all: Option<CatchAll> = None;
    for member in &input.members {
        if let Some(cfg) = member.attrs.iter().find(|attr| attr.path().is_ident("cfg")) {
            errors.push(syn::Error::new_spanned(
                cfg,
                "`#[cfg]` on a member is not supported: the generated tables list every \
                 member; put `#[cfg]` on whole `status_enum!` invocations instead",
            ));
            continue;
        }
        match &member.kind {
            MemberKind::Status { rename, status } => {
                members.status(member, rename.as_ref(), status, registry, &mut errors);
            }
            MemberKind::Class { lit } => members.class(member, lit, registry, &mut errors),
            MemberKind::CatchAll { ident, ty } => {
                if let Some(checked) = check_catch_all(member, ident, ty, &catch_all, &mut errors) {
                    catch_all = Some(checked);
                }
            }
            MemberKind::Invalid(error) => errors.push(error.clone()),
        }
    }
    if let Some(checked) = &catch_all
        && let Some(variant) = members
            .variants
            .iter()
            .find(|v| v.ident.unraw() == checked.ident.unraw())
    {
        errors.at(
            checked.ident.span(),
            format_args!(
                "the catch-all `{}` has the name of the variant for {}",
                checked.ident, variant.entry.code
            ),
        );
        catch_all = None;
    }
    (
        checked_enum(input, members, catch_all, context),
        errors.into_error(),
    )
}

/// What the expansion needs, from the input and the members that passed.
fn checked_enum<'r>(
    input: &StatusEnum,
    members: Members<'r>,
    catch_all: Option<CatchAll>,
    context: &Context,
) -> CheckedEnum<'r> {
    let mut variants = members.variants;
    variants.sort_by_key(|variant| variant.entry.code);
    let defines_status_code =
        input.ident == "StatusCode" && context.crate_name.as_deref() == Some("status_core");
    let may_be_deprecated = may_be_deprecated(&variants, catch_all.as_ref());
    CheckedEnum {
        may_be_deprecated,
        attrs: input.attrs.clone(),
        cfgs: input
            .attrs
            .iter()
            .filter(|a| a.path().is_ident("cfg"))
            .cloned()
            .collect(),
        vis: input.vis.clone(),
        ident: input.ident.clone(),
        all_in_status_code: catch_all.is_none()
            && variants.iter().all(|v| v.entry.in_status_code()),
        builtin_tables: variants.iter().all(|v| !v.entry.local),
        alias_consts: if defines_status_code {
            alias_consts(&variants)
        } else {
            Vec::new()
        },
        defines_status_code,
        variants,
        shape: catch_all.map_or(Shape::Closed, Shape::CatchAll),
        former_names: members.former_names,
        opt_in: OptIn {
            http: Requested::from_attr(&input.options.http),
            serde: Requested::from_attr(&input.options.serde),
            openapi: Requested::from_attr(&input.options.openapi),
        },
        runtime: input
            .options
            .crate_path
            .clone()
            .unwrap_or_else(|| context.runtime.clone()),
    }
}

/// Whether a member or the catch-all has `#[deprecated]`, or may have it through `cfg_attr`.
fn may_be_deprecated(variants: &[CheckedVariant], catch_all: Option<&CatchAll>) -> bool {
    let catch_all = catch_all.map(|catch_all| &catch_all.attrs);
    let mut attrs = variants.iter().map(|v| &v.attrs).chain(catch_all).flatten();
    attrs.any(|attr| attr.path().is_ident("deprecated") || attr.path().is_ident("cfg_attr"))
}

/// The members accepted so far, and how each code and variant name was first listed.
#[derive(Default)]
struct Members<'r> {
    variants: Vec<CheckedVariant<'r>>,
    former_names: Vec<FormerName<'r>>,
    codes: HashMap<u16, String>,
    names: HashMap<String, String>,
    classes: Vec<u16>,
}

/// A member about to be added.
struct Candidate<'r, 'a> {
    ident: Ident,
    entry: &'r Entry,
    member: &'a Member,
    renamed: bool,
    /// How the user listed it, for the error about a later duplicate.
    listed_as: String,
    span: Span,
}

impl<'r> Members<'r> {
    /// `NotFound`, `NOT_FOUND`, `404`, `Missing = 410`.
    fn status(
        &mut self,
        member: &Member,
        rename: Option<&Ident>,
        status: &StatusRef,
        registry: &'r Registry,
        errors: &mut Errors,
    ) {
        let resolved = match resolve(status, registry) {
            Ok(resolved) => resolved,
            Err(error) => return errors.push(error),
        };
        let (ident, listed_as) = match rename {
            Some(rename) => (rename.clone(), format!("{rename} = {}", status.text())),
            None => (
                Ident::new(&resolved.entry.name, resolved.span),
                status.text(),
            ),
        };
        self.former_names.extend(resolved.former_name);
        let candidate = Candidate {
            ident,
            entry: resolved.entry,
            member,
            renamed: rename.is_some(),
            listed_as,
            span: resolved.span,
        };
        self.add(candidate, errors);
    }

    /// `4xx`: every code of the class that `StatusCode` has.
    fn class(
        &mut self,
        member: &Member,
        lit: &LitInt,
        registry: &'r Registry,
        errors: &mut Errors,
    ) {
        // The digits as written: `01xx` is no class, though its value is 1.
        let written = lit.to_string();
        let class = written.strip_suffix("xx").unwrap_or(&written);
        let digit = match class.as_bytes() {
            [digit @ b'1'..=b'5'] => u16::from(digit - b'0'),
            _ => {
                return errors.at(
                    lit.span(),
                    format_args!("`{class}xx` is not a status class: classes are `1xx` to `5xx`"),
                );
            }
        };
        if self.classes.contains(&digit) {
            return errors.at(lit.span(), format_args!("`{digit}xx` is listed twice"));
        }
        self.classes.push(digit);
        let class_members = registry
            .entries()
            .iter()
            .filter(|entry| entry.class_digit() == digit && entry.in_status_code());
        for entry in class_members {
            let candidate = Candidate {
                ident: Ident::new(&entry.name, lit.span()),
                entry,
                member,
                renamed: false,
                listed_as: format!("{digit}xx"),
                span: lit.span(),
            };
            self.add(candidate, errors);
        }
    }

    /// Adds a member whose code and name are new.
    fn add(&mut self, candidate: Candidate<'r, '_>, errors: &mut Errors) {
        let Candidate { ident, entry, .. } = &candidate;
        if let Some(first) = self.codes.get(&entry.code) {
            return errors.at(
                candidate.span,
                format_args!(
                    "{} {} is listed twice: first as `{first}`",
                    entry.code, entry.reason
                ),
            );
        }
        if let Some(error) = generated_item_clash(ident) {
            return errors.push(error);
        }
        let name = ident.unraw().to_string();
        if let Some(first) = self.names.get(&name) {
            // At the variant's name: for `Missing = 411` that is `Missing`, not the code.
            return errors.at(
                ident.span(),
                format_args!("variant `{ident}` is defined twice: first by `{first}`"),
            );
        }
        self.codes.insert(entry.code, candidate.listed_as.clone());
        self.names.insert(name, candidate.listed_as);
        self.variants.push(CheckedVariant {
            ident: candidate.ident,
            entry: candidate.entry,
            attrs: candidate.member.attrs.clone(),
            renamed: candidate.renamed,
        });
    }
}

/// `Other(u16)`: at most one, named unlike the generated items, holding a `u16`.
fn check_catch_all(
    member: &Member,
    ident: &Ident,
    ty: &Type,
    first: &Option<CatchAll>,
    errors: &mut Errors,
) -> Option<CatchAll> {
    if let Some(first) = first {
        errors.at(
            ident.span(),
            format_args!(
                "a status enum has at most one catch-all; `{}` is the first",
                first.ident
            ),
        );
        return None;
    }
    if let Some(error) = generated_item_clash(ident) {
        errors.push(error);
        return None;
    }
    if !is_u16(ty) {
        errors.push(syn::Error::new_spanned(
            ty,
            "the catch-all holds the code as `u16`: write `Other(u16)`",
        ));
        return None;
    }
    Some(CatchAll {
        ident: ident.clone(),
        attrs: member.attrs.clone(),
        ty: Box::new(ty.clone()),
    })
}

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

/// `u16`, or a path to the primitive such as `::core::primitive::u16`.
fn is_u16(ty: &Type) -> bool {
    let Type::Path(path) = ty else {
        return false;
    };
    let segments = segment_names(&path.path);
    path.qself.is_none()
        && match segments.as_slice() {
            [name] => name == "u16",
            [krate, module, name] => {
                (krate == "core" || krate == "std") && module == "primitive" && name == "u16"
            }
            _ => false,
        }
}

fn alias_consts(variants: &[CheckedVariant]) -> Vec<AliasConst> {
    variants
        .iter()
        .flat_map(|v| {
            v.entry.aliases.iter().map(|alias| AliasConst {
                alias: Ident::new(alias, Span::call_site()),
                variant: v.ident.clone(),
                note: former_name_note(alias, v.entry),
            })
        })
        .collect()
}
