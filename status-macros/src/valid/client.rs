//! `#[status(response, client)]`: which arms a client can decode from what their responses send,
//! and how each field comes back. An arm decodes when every field is sent: as a member, as a
//! header read back by its type, or as the status itself (a `transparent` field). Two decodable
//! arms a client could not tell apart (the same status and `type`) are an error.

use syn::{Ident, Type};

use super::derive::{DeriveArm, Mapping};
use super::response::{FieldHeader, HeaderFormat, HeaderValue};
use crate::ast::{DeriveData, DeriveFields, DeriveInput};
use crate::errors::Errors;
use crate::registry::screaming_snake_case;

/// What `client` decodes: the arms that can be, in the order written.
pub struct CheckedClient {
    /// The word, for the error while status-core's feature `client` is off.
    pub word: Ident,
    pub arms: Vec<ClientArm>,
    /// The status and `type` of each fixed arm that does not decode (a field not sent): a
    /// document of one is no other arm's either, and decodes to `None`.
    pub hidden: Vec<(u16, String)>,
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
    /// Whatever status its `transparent` field holds, with this `type` (when the field is a
    /// status), or as the field decodes itself (an error response that says `client`; never
    /// when the variant says its own `type`, which the field's document then does not have).
    Transparent {
        problem_type: String,
        own_type: bool,
    },
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
    let mut seen: Vec<Seen> = Vec::new();
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
        let client_arm = client_arm(arm, fields);
        let key = key_of(arm);
        let name = arm
            .variant
            .as_ref()
            .map(Ident::to_string)
            .unwrap_or_default();
        // Transparent arms are tried in the order written (a status field's and an error
        // response's documents may differ by the inner `type`, which is not known here).
        let fixed = matches!(key, Key::Fixed(..));
        if let Some(first) = seen.iter().find(|seen| fixed && seen.key == key) {
            report_twin(first, &name, client_arm.is_some(), &key, arm, errors);
        }
        let decodes = client_arm.is_some();
        decodable.extend(client_arm);
        seen.push(Seen { key, name, decodes });
    }
    let mut hidden = Vec::new();
    for seen in seen.iter().filter(|seen| !seen.decodes) {
        if let Key::Fixed(code, problem_type) = &seen.key
            && !hidden.contains(&(*code, problem_type.clone()))
        {
            hidden.push((*code, problem_type.clone()));
        }
    }
    Some(CheckedClient {
        word,
        arms: decodable,
        hidden,
    })
}

/// What a client tells arms apart by.
#[derive(PartialEq)]
enum Key {
    Fixed(u16, String),
    /// A transparent status field's arm: any status, this `type`.
    Transparent(String),
}

/// An arm already read: its key, its name, whether it decodes.
struct Seen {
    key: Key,
    name: String,
    decodes: bool,
}

/// The status and `type` a client tells `arm` by.
fn key_of(arm: &DeriveArm) -> Key {
    let problem_type = (arm.response.problem_type.clone()).unwrap_or_else(|| "about:blank".into());
    match arm.mapping {
        Mapping::Fixed(entry) => Key::Fixed(entry.code, problem_type),
        Mapping::Transparent { .. } => Key::Transparent(problem_type),
    }
}

/// Reports `arm` (named `name`, `decodes` or not) when a client could not tell it from `first`,
/// an earlier fixed arm of the same status and `type`: both decode, or one does and the other's
/// document (a field not sent) is the same. Two that both do not decode are no ambiguity.
fn report_twin(
    first: &Seen,
    name: &str,
    decodes: bool,
    key: &Key,
    arm: &DeriveArm,
    errors: &mut Errors,
) {
    let Some(variant) = &arm.variant else {
        return;
    };
    let Key::Fixed(status, problem_type) = key else {
        return;
    };
    let first_name = &first.name;
    let why = match (first.decodes, decodes) {
        (false, false) => return,
        (true, true) => "both decode",
        (true, false) => {
            "and the document of `{name}`, whose fields are not all sent, would decode as the other"
        }
        (false, true) => {
            "and the document of `{first}`, whose fields are not all sent, would decode as the other"
        }
    };
    let why = why.replace("{name}", name).replace("{first}", first_name);
    errors.at(
        variant.span(),
        format_args!(
            "`client` cannot tell `{variant}` from `{first_name}`: both answer {status} with the \
             problem type `{problem_type}`, {why}; give one a distinct `type = \"...\"` (a \
             URI reference, such as `https://example.com/problems/{}`)",
            kebab(&variant.to_string())
        ),
    );
}

/// The arm as decoded, when every field of it is sent.
fn client_arm(arm: &DeriveArm, fields: &DeriveFields) -> Option<ClientArm> {
    let problem_type = (arm.response.problem_type.clone()).unwrap_or_else(|| "about:blank".into());
    let key = match arm.mapping {
        Mapping::Fixed(entry) => ArmKey::Fixed {
            code: entry.code,
            problem_type,
        },
        Mapping::Transparent { .. } => ArmKey::Transparent {
            problem_type,
            own_type: arm.response.own.problem_type,
        },
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
            // A reference cannot be built from the status, nor an unsized pointee (`Box<dyn
            // Trait>`); a type parameter's impls are not known where the derive expands.
            let pointee_ty = pointee.as_deref().unwrap_or(ty);
            if matches!(**ty, Type::Reference(_)) || *generic || is_unsized(pointee_ty) {
                return None;
            }
            let source = Source::Status {
                pointee: pointee.clone(),
            };
            Some((source, false))
        }
        _ => None,
    }
}

/// A type with no size known while compiling, as written: `dyn Trait`, `impl Trait`, `[T]`,
/// `str`.
fn is_unsized(ty: &Type) -> bool {
    match ty {
        Type::TraitObject(_) | Type::ImplTrait(_) | Type::Slice(_) => true,
        Type::Path(path) => path.qself.is_none() && path.path.is_ident("str"),
        Type::Group(group) => is_unsized(&group.elem),
        Type::Paren(paren) => is_unsized(&paren.elem),
        _ => false,
    }
}

/// `UserNotFound` as `user-not-found`, for a suggested problem type.
fn kebab(name: &str) -> String {
    screaming_snake_case(name).to_lowercase().replace('_', "-")
}
