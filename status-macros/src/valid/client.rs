//! `#[status(response, client)]`: which arms a client can decode from what their responses send,
//! and how each field comes back. An arm decodes when every field is sent: as a member, as a
//! header read back by its type, or as the status itself (a `transparent` field). Two decodable
//! arms a client could not tell apart (the same status and `type`) are an error.

use syn::{Ident, Type};

use super::derive::{DeriveArm, Mapping};
use super::response::{FieldHeader, HeaderFormat, HeaderValue};
use crate::ast::{DeriveData, DeriveFields, DeriveInput};
use crate::errors::Errors;

/// What `client` decodes: the arms that can be, in the order written.
pub struct CheckedClient {
    /// The word, for the error while status-core's feature `client` is off.
    pub word: Ident,
    pub arms: Vec<ClientArm>,
}

/// One decodable arm.
pub struct ClientArm {
    /// The variant; `None` for a struct.
    pub variant: Option<Ident>,
    /// How the arm is built: `{ a, b }`, `(a, b)` or nothing.
    pub shape: FieldsShape,
    /// What a document must say to be this arm's.
    pub key: ArmKey,
    /// Each field, in declaration order.
    pub fields: Vec<FieldDecode>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FieldsShape {
    Unit,
    Named,
    Unnamed,
}

/// The status and `type` a document of the arm has.
pub enum ArmKey {
    /// One registered status.
    Fixed { code: u16, problem_type: String },
    /// Whatever status its `transparent` field holds, with this `type` (its own, or decided by
    /// the field when that is an error response that decodes itself).
    Transparent { problem_type: String },
}

/// A field, and what it is read back from.
pub struct FieldDecode {
    pub member: syn::Member,
    pub ty: Box<Type>,
    /// Its type names a type parameter: the impl bounds it.
    pub generic: bool,
    pub source: Source,
}

pub enum Source {
    /// An extension member of the document, deserialized.
    Member(String),
    /// A header, parsed by the field's type (`Display` sent: `FromStr` back; `Duration`:
    /// delta-seconds; `SystemTime`: an HTTP-date); an `Option` is `None` when it is absent.
    Header {
        name: String,
        optional: bool,
        value_ty: Box<Type>,
        format: HeaderFormat,
    },
    /// The status (a `transparent` field): `pointee` when it is held in a `Box`, `Rc` or `Arc`.
    Status { pointee: Option<Box<Type>> },
}

/// The plan of `client`, or `None` when the type does not say it; two decodable arms with the
/// same status and `type` are reported at the second.
pub fn check_client(
    input: &DeriveInput,
    arms: &[DeriveArm],
    errors: &mut Errors,
) -> Option<CheckedClient> {
    let word = input.attrs.client.clone()?;
    let response = input.attrs.response.as_ref()?;
    // A body of the type's own is not a problem document: there is nothing to decode.
    if let Some(body) = &response.body {
        errors.at(
            word.span(),
            format_args!(
                "`client` decodes problem documents, and `body = {}` sends a body of its own: \
                 decode it with the body's own `Deserialize`, or drop `body` to send problem \
                 documents",
                quote::ToTokens::to_token_stream(body)
                    .to_string()
                    .replace(' ', "")
            ),
        );
        return None;
    }
    let mut decodable = Vec::new();
    for arm in arms {
        let fields = match (&input.data, &arm.variant) {
            (DeriveData::Struct(fields), None) => fields,
            (DeriveData::Enum(variants), Some(ident)) => {
                match variants.iter().find(|variant| variant.ident == ident) {
                    Some(variant) => &variant.fields,
                    None => continue,
                }
            }
            _ => continue,
        };
        if let Some(client_arm) = client_arm(arm, fields) {
            decodable.push(client_arm);
        }
    }
    report_twins(&decodable, errors);
    Some(CheckedClient {
        word,
        arms: decodable,
    })
}

/// The arm as decoded, when every field of it is sent.
fn client_arm(arm: &DeriveArm, fields: &DeriveFields) -> Option<ClientArm> {
    let problem_type = (arm.response.problem_type.clone()).unwrap_or_else(|| "about:blank".into());
    let key = match arm.mapping {
        Mapping::Fixed(entry) => ArmKey::Fixed {
            code: entry.code,
            problem_type,
        },
        Mapping::Transparent { .. } => ArmKey::Transparent { problem_type },
    };
    let shape = match fields.fields {
        syn::Fields::Unit => FieldsShape::Unit,
        syn::Fields::Named(_) => FieldsShape::Named,
        syn::Fields::Unnamed(_) => FieldsShape::Unnamed,
    };
    let mut decoded = Vec::new();
    for (index, field) in fields.fields.iter().enumerate() {
        let member = match &field.ident {
            Some(ident) => syn::Member::Named(ident.clone()),
            None => syn::Member::Unnamed(index.into()),
        };
        let (source, generic) = source_of(arm, &member)?;
        decoded.push(FieldDecode {
            member,
            ty: Box::new(field.ty.clone()),
            generic,
            source,
        });
    }
    Some(ClientArm {
        variant: arm.variant.clone(),
        shape,
        key,
        fields: decoded,
    })
}

/// Where the field `member` of `arm` is sent, and whether its type is generic; `None` when it
/// is not sent, or not so that it reads back (`with = path`, a `&T` status field).
fn source_of(arm: &DeriveArm, member: &syn::Member) -> Option<(Source, bool)> {
    // A member is the value as serialized: it comes first where a field is sent both ways.
    let as_member = arm
        .response
        .members
        .iter()
        .find(|m| m.field.member == *member);
    if let Some(sent) = as_member {
        return Some((Source::Member(sent.name.clone()), sent.field.generic));
    }
    for header in &arm.response.headers {
        if let HeaderValue::Field(field, how) = &header.value
            && field.member == *member
        {
            let FieldHeader {
                optional,
                value_ty,
                format,
            } = how;
            if let HeaderFormat::With(_) = format {
                return None;
            }
            let source = Source::Header {
                name: header.name.clone(),
                optional: *optional,
                value_ty: value_ty.clone(),
                format: format.clone(),
            };
            return Some((source, field.generic));
        }
    }
    match &arm.mapping {
        Mapping::Transparent {
            member: status,
            ty,
            pointee,
            generic,
        } if status == member => {
            // A reference cannot be built from the status.
            if matches!(**ty, Type::Reference(_)) {
                return None;
            }
            let source = Source::Status {
                pointee: pointee.clone(),
            };
            Some((source, *generic))
        }
        _ => None,
    }
}

/// Two decodable arms of one status and `type`: a client could not tell which sent a document.
fn report_twins(arms: &[ClientArm], errors: &mut Errors) {
    for (index, arm) in arms.iter().enumerate() {
        let ArmKey::Fixed { code, problem_type } = &arm.key else {
            continue;
        };
        let first = arms[..index].iter().find(|earlier| match &earlier.key {
            ArmKey::Fixed {
                code: earlier_code,
                problem_type: earlier_type,
            } => earlier_code == code && earlier_type == problem_type,
            ArmKey::Transparent { .. } => false,
        });
        let (Some(first), Some(variant)) = (first, &arm.variant) else {
            continue;
        };
        let first_name = first
            .variant
            .as_ref()
            .map(Ident::to_string)
            .unwrap_or_default();
        errors.at(
            variant.span(),
            format_args!(
                "`client` cannot tell `{variant}` from `{first_name}`: both answer {code} with \
                 the problem type `{problem_type}`; give one a distinct `type = \"...\"` (a URI \
                 reference, such as `https://example.com/problems/{}`)",
                kebab(&variant.to_string())
            ),
        );
    }
}

/// `UserNotFound` as `user-not-found`, for a suggested problem type.
fn kebab(name: &str) -> String {
    let mut text = String::new();
    for (index, c) in name.chars().enumerate() {
        if c.is_uppercase() && index > 0 {
            text.push('-');
        }
        text.extend(c.to_lowercase());
    }
    text
}
