//! Checks of `#[derive(HttpStatus)]`: each variant's status against the registry.

use proc_macro2::Span;
use syn::{Ident, Type};

use super::{CrateContext, FormerName, Resolved, resolve};
use crate::ast::{DeriveData, DeriveInput, DeriveVariant, StatusRef};
use crate::attr::{Found, Response, StatusAttr};
use crate::errors::Errors;
use crate::registry::{Entry, Registry};

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
    pub former_names: Vec<FormerName<'r>>,
    /// `#[status(response)]`: implement the web frameworks' error-response traits.
    pub response: Option<Response>,
    /// How generated code names status-core.
    pub runtime: syn::Path,
}

/// Checks the parsed derive input; every mistake is added to `errors`.
pub fn check_derive<'r>(
    input: &DeriveInput,
    registry: &'r Registry,
    context: &CrateContext,
    errors: &mut Errors,
) -> CheckedDerive<'r> {
    let mut checker = Checker {
        registry,
        errors,
        former_names: Vec::new(),
        response: input.attrs.response.is_some(),
    };
    checker.errors.extend(input.attr_errors.as_ref());
    let arms = match &input.data {
        DeriveData::Union(span) => {
            checker.errors.at(
                *span,
                "`HttpStatus` cannot be derived for a union; use an enum or a struct",
            );
            Vec::new()
        }
        DeriveData::Struct { fields, misplaced } => checker
            .struct_arm(input, fields, *misplaced)
            .into_iter()
            .collect(),
        DeriveData::Enum(variants) => checker.enum_arms(input, variants),
    };
    CheckedDerive {
        arms,
        former_names: checker.former_names,
        response: input.attrs.response,
        runtime: input
            .attrs
            .krate
            .clone()
            .unwrap_or_else(|| context.runtime.clone()),
    }
}

struct Checker<'r, 'e> {
    registry: &'r Registry,
    errors: &'e mut Errors,
    former_names: Vec<FormerName<'r>>,
    /// The type says `response`: its statuses are sent as final responses.
    response: bool,
}

/// An enum's default status, as far as it is usable.
enum Default<'r> {
    None,
    Status(&'r Entry),
    /// Given but wrong: its error is reported, and variants without a status add none.
    Broken,
}

impl<'r> Checker<'r, '_> {
    fn struct_arm(
        &mut self,
        input: &DeriveInput,
        fields: &syn::Fields,
        misplaced: bool,
    ) -> Option<DeriveArm<'r>> {
        match &input.attrs.status {
            Found::Status(status) => {
                let mapping = self.mapping(status, fields, input.ident)?;
                Some(DeriveArm {
                    variant: None,
                    mapping,
                })
            }
            Found::Nothing if !misplaced => {
                self.errors.at(
                    input.ident.span(),
                    format_args!(
                        "`{}` needs its status: add `#[status(404)]` (a code or a name), \
                         or `#[status(transparent)]` to delegate to its single field",
                        input.ident
                    ),
                );
                None
            }
            Found::Nothing | Found::Broken => None,
        }
    }

    fn enum_arms(&mut self, input: &DeriveInput, variants: &[DeriveVariant]) -> Vec<DeriveArm<'r>> {
        let default = self.enum_default(&input.attrs.status);
        let mut arms = Vec::new();
        for variant in variants {
            self.errors.extend(variant.attr_errors.as_ref());
            let mapping = match (&variant.status, &default) {
                (Found::Status(status), _) => self.mapping(status, variant.fields, variant.ident),
                (Found::Nothing, Default::Status(entry)) => Some(Mapping::Fixed(entry)),
                // Their errors are already reported.
                (Found::Broken, _) | (Found::Nothing, Default::Broken) => None,
                (Found::Nothing, Default::None) => {
                    self.errors.at(
                        variant.ident.span(),
                        format_args!(
                            "variant `{}` has no status: add `#[status(...)]` to it, \
                             or a default for the enum with `#[status(500)]` on `{}`",
                            variant.ident, input.ident
                        ),
                    );
                    None
                }
            };
            arms.extend(mapping.map(|mapping| DeriveArm {
                variant: Some(variant.ident.clone()),
                mapping,
            }));
        }
        arms
    }

    fn enum_default(&mut self, found: &Found) -> Default<'r> {
        match found {
            Found::Nothing => Default::None,
            Found::Broken => Default::Broken,
            Found::Status(StatusAttr::Transparent(word)) => {
                self.errors.at(
                    word.span(),
                    "`#[status(transparent)]` goes on a variant with one field; \
                     on the enum, give a default status such as `#[status(500)]`",
                );
                Default::Broken
            }
            Found::Status(StatusAttr::Status(status)) => match self.fixed(status) {
                Some(entry) => Default::Status(entry),
                None => Default::Broken,
            },
        }
    }

    fn mapping(
        &mut self,
        status: &StatusAttr,
        fields: &syn::Fields,
        owner: &Ident,
    ) -> Option<Mapping<'r>> {
        match status {
            StatusAttr::Status(status) => self.fixed(status).map(Mapping::Fixed),
            StatusAttr::Transparent(word) => {
                let mut members = fields.members().zip(fields.iter());
                if let (Some((member, field)), None) = (members.next(), members.next()) {
                    return Some(Mapping::Transparent {
                        member,
                        ty: Box::new(field.ty.clone()),
                    });
                }
                let count = match fields.len() {
                    0 => "none".to_owned(),
                    n => n.to_string(),
                };
                self.errors.at(
                    word.span(),
                    format_args!(
                        "`#[status(transparent)]` delegates to exactly one field, and `{owner}` has {count}"
                    ),
                );
                None
            }
        }
    }

    /// A status written on the type or a variant, if it is registered and, in a response
    /// type, a final one.
    fn fixed(&mut self, status: &StatusRef) -> Option<&'r Entry> {
        let Resolved {
            entry,
            span,
            former_name,
        } = match resolve(status, self.registry) {
            Ok(resolved) => resolved,
            Err(error) => {
                self.errors.push(error);
                return None;
            }
        };
        self.former_names.extend(former_name);
        if self.response && entry.class_digit() == 1 {
            self.informational_response(entry, span);
            return None;
        }
        Some(entry)
    }

    /// A response is sent with a final status; a 1xx is never one.
    fn informational_response(&mut self, entry: &Entry, span: Span) {
        self.errors.at(
            span,
            format_args!(
                "{} {} is informational (1xx): an interim response, never a final one \
                 (RFC 9110, Section 15.2), so `#[status(response)]` cannot answer with it; \
                 give a final status (200..=599)",
                entry.code, entry.reason
            ),
        );
    }
}
