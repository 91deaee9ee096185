//! OpenAPI descriptions (feature `utoipa`): what `#[status(openapi)]` generates calls these, with
//! a table of what the macros checked, so that an expansion is a table, not builder chains.
//!
//! A derived type's responses: one per distinct status. The variants sharing a status are
//! merged: their doc comments joined as the description, their problem documents as `anyOf`
//! when they differ, their headers together. A `transparent` variant contributes the statuses
//! its field's type documents (`utoipa::IntoResponses`), with the problem document the outer
//! type sends (its own `type`, `title`, members and headers, not the inner type's); a field
//! whose status is known only at run time contributes the `default` response.

use alloc::borrow::ToOwned;
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::marker::PhantomData;

use utoipa::IntoResponses;
use utoipa::openapi::schema::{AnyOf, ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::openapi::{Content, Header, RefOr, Response};

use crate::HttpStatus;
use crate::problem::{CONTENT_TYPE, has_content};

/// What `utoipa::IntoResponses::responses` returns.
pub type Responses = BTreeMap<String, RefOr<Response>>;

/// How the status of one variant is known.
pub enum ArmStatus {
    /// Written on the variant (or the type's default): the code and its reason phrase.
    Fixed(u16, &'static str),
    /// From a `transparent` field whose type documents its responses.
    Inner(Responses),
    /// From a `transparent` field whose status is known only at run time.
    RunTime,
}

/// What one variant (or a struct) of a type with `#[status(response, openapi)]` sends, as the
/// derive checked it. Generated code writes the fields that differ from [`Arm::DEFAULT`].
pub struct Arm<'a> {
    pub status: ArmStatus,
    /// The variant's doc comment, or empty.
    pub doc: &'static str,
    pub problem_type: &'static str,
    /// `title = "..."`, or empty for the reason phrase.
    pub title: &'static str,
    /// `detail`: the `Display` text is shown for a 5xx too.
    pub detail: bool,
    /// `header("Name" = "value")`, the type's and the variant's.
    pub constant_headers: &'a [(&'static str, &'static str)],
    /// `header = "Name"` on fields: the value is known at run time.
    pub field_headers: &'a [&'static str],
    /// Extension members: each name and its field type's schema.
    pub members: &'a [(&'static str, RefOr<Schema>)],
}

impl Arm<'static> {
    /// An arm whose status is known at run time and that says nothing else.
    pub const DEFAULT: Self = Arm {
        status: ArmStatus::RunTime,
        doc: "",
        problem_type: "about:blank",
        title: "",
        detail: false,
        constant_headers: &[],
        field_headers: &[],
        members: &[],
    };
}

/// The schema of a `member` field: its type's own, inline (a `$ref` would need the type
/// registered as a component by hand). Generated code names it at the field's type, so that a
/// type without `ToSchema` is reported there, by [`MemberSchema`]'s message.
pub fn member_schema<T: MemberSchema + ?Sized>() -> RefOr<Schema> {
    T::schema()
}

/// `utoipa::ToSchema`, under a name whose error says what is wrong.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no OpenAPI schema, and a `member` of a type that says `openapi` needs one",
    label = "no `utoipa::ToSchema` for this type",
    note = "derive it with `#[derive(utoipa::ToSchema)]`, or implement `ToSchema` by hand"
)]
pub trait MemberSchema: utoipa::ToSchema {}

impl<T: utoipa::ToSchema + ?Sized> MemberSchema for T {}

/// A `transparent` field's type, for method resolution (autoref) to decide how its status is
/// documented: called on a `&Inner<T>`, the impl of [`InnerStatus`] for `Inner<T>` applies when
/// `T: IntoResponses`, and the one for `&Inner<T>` otherwise.
pub struct Inner<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Inner<T> {
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Inner(PhantomData)
    }
}

pub trait InnerStatus {
    fn arm_status(&self) -> ArmStatus;
}

impl<T: IntoResponses + ?Sized> InnerStatus for Inner<T> {
    fn arm_status(&self) -> ArmStatus {
        ArmStatus::Inner(T::responses())
    }
}

impl<T: ?Sized> InnerStatus for &Inner<T> {
    fn arm_status(&self) -> ArmStatus {
        ArmStatus::RunTime
    }
}

/// The statuses a response key stands for.
#[derive(Clone, Copy, PartialEq)]
enum Key {
    /// One status, and its reason phrase (maybe empty).
    Code(u16, &'static str),
    /// `4XX`: a class (the digit).
    Range(u16),
    /// `default`: any status not listed, known only at run time.
    Default,
}

impl Key {
    /// The key of a response map: `"404"`, `"4XX"` or `"default"`.
    fn from_response_key(key: &str) -> Key {
        match key.as_bytes() {
            [digit @ b'1'..=b'5', b'X', b'X'] => Key::Range(u16::from(digit - b'0')),
            _ => match key.parse::<u16>() {
                Ok(code) => Key::Code(code, crate::__private::reason_by_code(code)),
                Err(_) => Key::Default,
            },
        }
    }

    fn name(self) -> String {
        match self {
            Key::Code(code, _) => format!("{code}"),
            Key::Range(digit) => format!("{digit}XX"),
            Key::Default => "default".to_owned(),
        }
    }

    /// The lowest and highest status the key stands for, as sent (final statuses only).
    fn bounds(self) -> (u16, u16) {
        match self {
            Key::Code(code, _) => (code, code),
            Key::Range(digit) => (digit * 100, digit * 100 + 99),
            Key::Default => (200, 599),
        }
    }

    /// The description of a response no variant describes.
    fn fallback_description(self) -> String {
        match self {
            Key::Code(code, "") => format!("Status {code}"),
            Key::Code(_, reason) => reason.to_owned(),
            Key::Range(4) => "Client error".to_owned(),
            Key::Range(5) => "Server error".to_owned(),
            Key::Range(digit) => format!("Status {digit}XX"),
            Key::Default => "Another status, known only at run time".to_owned(),
        }
    }
}

/// One variant's part in the response of one key.
struct Part<'t, 'a> {
    arm: &'t Arm<'a>,
    key: Key,
    description: &'t str,
    /// A `transparent` field's own response for the key. When it has a problem document, the
    /// field is an error response too, and what is sent is its document and headers
    /// (status-core's `InnerResponse`).
    inner: Option<&'t Response>,
}

/// The responses of a derived type: [`utoipa::IntoResponses::responses`].
pub fn responses(arms: &[Arm<'_>]) -> Responses {
    let mut all: Vec<Part<'_, '_>> = Vec::new();
    for arm in arms {
        match &arm.status {
            ArmStatus::Fixed(code, reason) => all.push(Part {
                arm,
                key: Key::Code(*code, reason),
                description: arm.doc,
                inner: None,
            }),
            ArmStatus::RunTime => all.push(Part {
                arm,
                key: Key::Default,
                description: arm.doc,
                inner: None,
            }),
            ArmStatus::Inner(inner) => {
                for (key, response) in inner {
                    let response = match response {
                        RefOr::T(response) => Some(response),
                        RefOr::Ref(_) => None,
                    };
                    all.push(Part {
                        arm,
                        key: Key::from_response_key(key),
                        description: response.map_or("", |r| r.description.as_str()),
                        inner: response,
                    });
                }
            }
        }
    }
    // Grouped by key, each group in the order of the variants.
    let mut keys: Vec<(String, Vec<Part<'_, '_>>)> = Vec::new();
    for part in all {
        let name = part.key.name();
        match keys.iter_mut().find(|(key, _)| *key == name) {
            Some((_, parts)) => parts.push(part),
            None => keys.push((name, alloc::vec![part])),
        }
    }
    keys.into_iter()
        .map(|(name, parts)| (name, RefOr::T(response(&parts))))
        .collect()
}

/// The response of one key, from every variant's part in it.
fn response(parts: &[Part<'_, '_>]) -> Response {
    let key = parts[0].key;
    let mut descriptions: Vec<&str> = Vec::new();
    let mut schemas: Vec<Schema> = Vec::new();
    // Name, constant values, and whether a field sends it too.
    let mut headers: Vec<(&str, Vec<&str>, bool)> = Vec::new();
    for part in parts {
        let description = part.description.trim();
        if !description.is_empty() && !descriptions.contains(&description) {
            descriptions.push(description);
        }
        // The field's own problem document when it documents one (it is then an error
        // response whose document is sent), else the one this type sends.
        let schema = part.inner.and_then(inner_schema);
        let schema = schema.unwrap_or_else(|| problem_schema(part.arm, key));
        if !schemas.contains(&schema) {
            schemas.push(schema);
        }
        let constants = part
            .arm
            .constant_headers
            .iter()
            .map(|(n, v)| (*n, Some(*v)));
        let fields = part.arm.field_headers.iter().map(|name| (*name, None));
        // The field's headers: documented as strings, their values unknown here.
        let inner_headers = part
            .inner
            .into_iter()
            .flat_map(|inner| inner.headers.keys());
        let inner_headers = inner_headers.map(|name| (name.as_str(), None));
        for (name, value) in constants.chain(fields).chain(inner_headers) {
            let index = match headers
                .iter()
                .position(|(known, ..)| known.eq_ignore_ascii_case(name))
            {
                Some(index) => index,
                None => {
                    headers.push((name, Vec::new(), false));
                    headers.len() - 1
                }
            };
            let (_, values, from_field) = &mut headers[index];
            match value {
                Some(value) if !values.contains(&value) => values.push(value),
                Some(_) => {}
                None => *from_field = true,
            }
        }
    }
    let mut response = Response::new(join_descriptions(&descriptions, key));
    for (name, values, from_field) in headers {
        let mut schema = ObjectBuilder::new().schema_type(Type::String);
        // A field's value can be anything: only all-constant headers list their values.
        if !from_field {
            schema = schema.enum_values(Some(values));
        }
        response
            .headers
            .insert(name.to_owned(), Header::new(schema));
    }
    let no_content = matches!(key, Key::Code(code, _) if !has_content(code));
    if !no_content && !schemas.is_empty() {
        let schema = match schemas.len() {
            1 => schemas.remove(0),
            _ => {
                // `anyOf`: a body may match several (one document with an optional `detail`
                // and one without, both valid), which `oneOf` would refuse.
                let mut any_of = AnyOf::new();
                any_of.items = schemas.into_iter().map(RefOr::T).collect();
                Schema::AnyOf(any_of)
            }
        };
        response
            .content
            .insert(CONTENT_TYPE.to_owned(), Content::new(Some(schema)));
    }
    response
}

/// The problem document of a field's own response, inline, if it has one.
fn inner_schema(inner: &Response) -> Option<Schema> {
    match inner.content.get(CONTENT_TYPE)?.schema.as_ref()? {
        RefOr::T(schema) => Some(schema.clone()),
        RefOr::Ref(_) => None,
    }
}

/// The variants' descriptions: one as it is, several as a list, none the key's own.
fn join_descriptions(descriptions: &[&str], key: Key) -> String {
    match descriptions {
        [] => key.fallback_description(),
        [one] => (*one).to_owned(),
        several => several
            .iter()
            .map(|description| format!("- {}", description.replace('\n', "\n  ")))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// The problem details document (RFC 9457) one variant sends under `key`.
fn problem_schema(arm: &Arm<'_>, key: Key) -> Schema {
    let (min, max) = key.bounds();
    let text = || ObjectBuilder::new().schema_type(Type::String);
    let mut object = ObjectBuilder::new().schema_type(Type::Object).property(
        "type",
        text()
            .format(Some(SchemaFormat::Custom("uri-reference".to_owned())))
            .enum_values(Some([arm.problem_type])),
    );
    object = object.required("type");
    let title = match (arm.title, key) {
        ("", Key::Code(_, reason)) => reason,
        (title, _) => title,
    };
    object = if title.is_empty() {
        object.property("title", text())
    } else {
        let example = serde_json::Value::from(title);
        object
            .property("title", text().examples([example]))
            .required("title")
    };
    let status = ObjectBuilder::new().schema_type(Type::Integer);
    let status = match key {
        Key::Code(code, _) => status.enum_values(Some([code])),
        _ => status.minimum(Some(min)).maximum(Some(max)),
    };
    object = object.property("status", status).required("status");
    // As `ErrorResponse::shows_detail`: below 500, or always with `detail`.
    if arm.detail || max < 500 {
        object = object.property("detail", text()).required("detail");
    } else if min < 500 {
        object = object.property("detail", text());
    }
    for (name, schema) in arm.members {
        object = object.property(*name, schema.clone()).required(*name);
    }
    Schema::Object(object.build())
}

/// The schema of a `status_enum!` type: an integer, one of its codes (with a catch-all, any
/// `u16`, as its conversions and serde accept), with the codes and reason phrases described.
pub fn status_enum_schema<S: HttpStatus>(all: &[S], catch_all: bool) -> RefOr<Schema> {
    let named: Vec<String> = all
        .iter()
        .map(|status| format!("{} {}", status.code(), status.reason()))
        .collect();
    let named = named.join(", ");
    let schema = ObjectBuilder::new().schema_type(Type::Integer);
    let schema = if catch_all {
        schema
            .minimum(Some(u16::MIN))
            .maximum(Some(u16::MAX))
            .description(Some(format!("An HTTP status code; named: {named}")))
    } else {
        schema
            .enum_values(Some(all.iter().map(HttpStatus::code)))
            .description(Some(named))
    };
    RefOr::T(Schema::Object(schema.build()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(responses: &Responses) -> serde_json::Value {
        serde_json::to_value(responses).unwrap()
    }

    /// An inner type's keys without a problem document of their own pass through with the outer
    /// document: a range keeps its class in `status`, and shows `detail` only below 500; a 204
    /// has no content.
    #[test]
    fn inner_keys_take_the_outer_document() {
        let mut inner = Responses::new();
        inner.insert(
            "4XX".to_owned(),
            RefOr::T(Response::new("Any client error")),
        );
        inner.insert("5XX".to_owned(), RefOr::T(Response::new("")));
        inner.insert("204".to_owned(), RefOr::T(Response::new("Nothing")));
        let members = [("hint", RefOr::T(Schema::default()))];
        let arm = Arm {
            status: ArmStatus::Inner(inner),
            title: "Upstream",
            field_headers: &["Retry-After"],
            members: &members,
            ..Arm::DEFAULT
        };
        let value = json(&responses(&[arm]));
        assert_eq!(
            value["204"],
            serde_json::json!({
                "description": "Nothing",
                "headers": { "Retry-After": { "schema": { "type": "string" } } },
            })
        );
        let client = &value["4XX"]["content"][CONTENT_TYPE]["schema"];
        assert_eq!(value["4XX"]["description"], "Any client error");
        assert_eq!(
            client["properties"]["status"],
            serde_json::json!({ "type": "integer", "minimum": 400, "maximum": 499 })
        );
        assert_eq!(
            client["required"],
            serde_json::json!(["type", "title", "status", "detail", "hint"])
        );
        // An empty description: the class's own.
        assert_eq!(value["5XX"]["description"], "Server error");
        let server = &value["5XX"]["content"][CONTENT_TYPE]["schema"];
        assert!(server["properties"].get("detail").is_none());
    }

    /// Variants sharing a status with different documents: `anyOf` them, each once; a header
    /// one sends from a field lists no values.
    #[test]
    fn shared_statuses_merge() {
        let fixed = ArmStatus::Fixed(409, "Conflict");
        let arms = [
            Arm {
                status: ArmStatus::Fixed(409, "Conflict"),
                constant_headers: &[("Link", "</a>")],
                ..Arm::DEFAULT
            },
            Arm {
                status: fixed,
                problem_type: "https://example.com/taken",
                constant_headers: &[("link", "</b>")],
                field_headers: &["Link"],
                ..Arm::DEFAULT
            },
            Arm {
                status: ArmStatus::Fixed(409, "Conflict"),
                ..Arm::DEFAULT
            },
        ];
        let value = json(&responses(&arms));
        assert_eq!(value["409"]["description"], "Conflict");
        let schema = &value["409"]["content"][CONTENT_TYPE]["schema"];
        assert_eq!(schema["anyOf"].as_array().unwrap().len(), 2, "{schema}");
        assert_eq!(
            value["409"]["headers"],
            serde_json::json!({ "Link": { "schema": { "type": "string" } } })
        );
        let arms = [Arm {
            status: ArmStatus::Fixed(409, "Conflict"),
            constant_headers: &[("Link", "</a>"), ("Link", "</b>")],
            ..Arm::DEFAULT
        }];
        assert_eq!(
            json(&responses(&arms))["409"]["headers"]["Link"]["schema"]["enum"],
            serde_json::json!(["</a>", "</b>"])
        );
    }

    #[test]
    fn response_keys() {
        assert!(Key::from_response_key("404") == Key::Code(404, "Not Found"));
        assert!(Key::from_response_key("4XX") == Key::Range(4));
        assert!(Key::from_response_key("default") == Key::Default);
        assert!(Key::from_response_key("6XX") == Key::Default);
    }

    /// An inner type that documents its own problem document (it is an error response, whose
    /// parts are sent): its document and its headers.
    #[test]
    fn inner_documents_are_sent_as_they_are() {
        let document = Schema::Object(ObjectBuilder::new().title(Some("inner")).build());
        let mut response = Response::new("Log in");
        response.content.insert(
            CONTENT_TYPE.to_owned(),
            Content::new(Some(RefOr::T(document.clone()))),
        );
        let header = Header::new(ObjectBuilder::new().schema_type(Type::String));
        response
            .headers
            .insert("WWW-Authenticate".to_owned(), header);
        let mut inner = Responses::new();
        inner.insert("401".to_owned(), RefOr::T(response));
        let arm = Arm {
            status: ArmStatus::Inner(inner),
            title: "Outer",
            ..Arm::DEFAULT
        };
        let value = json(&responses(&[arm]));
        assert_eq!(value["401"]["description"], "Log in");
        assert_eq!(
            value["401"]["content"][CONTENT_TYPE]["schema"],
            serde_json::to_value(&document).unwrap()
        );
        assert_eq!(
            value["401"]["headers"]["WWW-Authenticate"],
            serde_json::json!({ "schema": { "type": "string" } })
        );
    }
}
