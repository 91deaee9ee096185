//! OpenAPI descriptions (feature `utoipa`): what `#[status(openapi)]` generates calls these, with
//! a table of what the macros checked, so that an expansion is a table, not builder chains.
//!
//! A derived type's responses: one per distinct status. The variants sharing a status are
//! merged: their doc comments joined as the description, their problem documents as `anyOf`
//! when they differ, their headers together, each name once. A `transparent` variant
//! contributes the statuses its field's type documents (`utoipa::IntoResponses`), or those a
//! framework's rejection answers with ([`KnownStatuses`]), with the problem document the outer
//! type sends; a field whose status is known only at run time contributes the `default`
//! response.
//!
//! The table is plain data (strings, flags, function pointers): nothing in it is dropped and
//! nothing is called while it is built but a transparent field's [`InnerStatus`], so that its
//! code grows linearly with the variants.

// Support for generated code, reached through the hidden `__private`: documented for
// readers of this crate, not as API.
#![allow(missing_docs)]

use alloc::borrow::ToOwned;
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::marker::PhantomData;

use utoipa::IntoResponses;
use utoipa::openapi::schema::{AnyOf, ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::openapi::{Content, Header, RefOr, Response};

mod known_statuses;

use crate::HttpStatus;
use crate::problem::{CONTENT_TYPE, ErrorResponse};
pub use known_statuses::KnownStatuses;

/// What `utoipa::IntoResponses::responses` returns.
pub type Responses = BTreeMap<String, RefOr<Response>>;

/// A `member` field's schema: [`crate::utoipa::MemberSchema::member_schema`] of its type.
pub type SchemaFn = fn() -> RefOr<Schema>;

/// How the status of one variant is known.
#[derive(Clone, Copy)]
pub enum ArmStatus {
    /// Written on the variant (or the type's default): the code, its reason phrase, and
    /// whether a response with it carries content (the registry's `content`, a crate's own
    /// `content = "none"` codes too).
    Fixed {
        code: u16,
        reason: &'static str,
        content: bool,
    },
    /// From a `transparent` field whose type documents its responses. `sent_as_is`: the type
    /// is an error response too, whose document (or none) and headers are what is sent.
    Inner {
        responses: fn() -> Responses,
        sent_as_is: bool,
    },
    /// From a `transparent` field of a type whose statuses status-core knows (a framework's
    /// rejection): each is sent with this type's document.
    Known(&'static [u16]),
    /// From a `transparent` field whose status is known only at run time.
    RunTime,
    /// From a `transparent` field that is an error response documenting nothing: its status,
    /// document and headers are known only at run time.
    RunTimeResponse,
}

/// How a `header = "..."` field's value is written: the type of its schema.
#[derive(Clone, Copy, PartialEq)]
pub enum HeaderType {
    /// An integer type (`u8` to `u128`, `i8` to `i128`, `usize`, `isize`): its digits, always a
    /// valid value, so the header is always sent.
    Integer,
    /// Any other `Display` text, left out when it is not a valid header value.
    Text,
    /// An integer sent only at times: an `Option` of an integer type or of a `Duration`.
    MaybeInteger,
}

/// What one variant (or a struct) of a type with `#[status(response, openapi)]` sends, as the
/// derive checked it. Generated code writes the fields that differ from [`Arm::DEFAULT`].
#[derive(Clone, Copy)]
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
    pub field_headers: &'a [(&'static str, HeaderType)],
    /// Extension members: each name and its field type's schema.
    pub members: &'a [(&'static str, SchemaFn)],
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

/// A `transparent` field's type, for method resolution (autoref) to decide how its status is
/// documented: called on a `&&&&Inner<T>`, the first impl of [`InnerStatus`] whose bounds `T`
/// meets applies, from `&&&&Inner<T>` (an error response that documents its responses) to
/// `Inner<T>` (a status known only at run time).
pub struct Inner<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Inner<T> {
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Inner(PhantomData)
    }
}

// By hand: the derives would want `T: Clone`.
impl<T: ?Sized> Clone for Inner<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Inner<T> {}

pub trait InnerStatus {
    fn arm_status(self) -> ArmStatus;
}

impl<T: IntoResponses + ErrorResponse + ?Sized> InnerStatus for &&&&Inner<T> {
    fn arm_status(self) -> ArmStatus {
        ArmStatus::Inner {
            responses: T::responses,
            sent_as_is: true,
        }
    }
}

impl<T: IntoResponses + ?Sized> InnerStatus for &&&Inner<T> {
    fn arm_status(self) -> ArmStatus {
        ArmStatus::Inner {
            responses: T::responses,
            sent_as_is: false,
        }
    }
}

impl<T: KnownStatuses + ?Sized> InnerStatus for &&Inner<T> {
    fn arm_status(self) -> ArmStatus {
        ArmStatus::Known(T::STATUSES)
    }
}

impl<T: ErrorResponse + ?Sized> InnerStatus for &Inner<T> {
    fn arm_status(self) -> ArmStatus {
        ArmStatus::RunTimeResponse
    }
}

impl<T: ?Sized> InnerStatus for Inner<T> {
    fn arm_status(self) -> ArmStatus {
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
                Ok(code) => Key::Code(code, crate::tables::reason_by_code(code)),
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

    /// The description of a response no variant describes. A reason phrase may come from a
    /// crate's own `codes.toml`: escaped, as Markdown that shows it as it is.
    fn fallback_description(self) -> String {
        match self {
            Key::Code(code, "") => format!("Status {code}"),
            Key::Code(_, reason) => markdown_text(reason),
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
    /// Whether a response with this status carries content.
    content: bool,
    /// A `transparent` field's own response for the key, when it is what is sent: the field is
    /// an error response, whose document (or none) and headers go out (status-core's
    /// `InnerResponse`).
    sent: Option<&'t Response>,
    /// The field is an error response that documents nothing: its document and headers are
    /// any.
    unknown: bool,
}

/// The responses of a derived type: [`utoipa::IntoResponses::responses`].
pub fn responses(arms: &[Arm<'_>]) -> Responses {
    // Each transparent field's responses, asked once.
    let inner: Vec<Option<Responses>> = arms
        .iter()
        .map(|arm| match arm.status {
            ArmStatus::Inner { responses, .. } => Some(responses()),
            _ => None,
        })
        .collect();
    let mut all: Vec<Part<'_, '_>> = Vec::new();
    // A status known only at run time may be any: its parts go under the `default` key and,
    // after the others, under every key another variant has.
    let mut run_time: Vec<(&Arm<'_>, bool)> = Vec::new();
    for (arm, inner) in arms.iter().zip(&inner) {
        let part = |key, content| Part {
            arm,
            key,
            description: arm.doc,
            content,
            sent: None,
            unknown: false,
        };
        match (arm.status, inner) {
            (
                ArmStatus::Fixed {
                    code,
                    reason,
                    content,
                },
                _,
            ) => all.push(part(Key::Code(code, reason), content)),
            (ArmStatus::RunTime, _) => run_time.push((arm, false)),
            (ArmStatus::RunTimeResponse, _) => run_time.push((arm, true)),
            (ArmStatus::Known(codes), _) => all.extend(codes.iter().map(|&code| {
                let key = Key::Code(code, crate::tables::reason_by_code(code));
                part(key, crate::tables::allows_content_of(code))
            })),
            (ArmStatus::Inner { sent_as_is, .. }, Some(inner)) => {
                for (key, response) in inner {
                    let response = match response {
                        RefOr::T(response) => Some(response),
                        RefOr::Ref(_) => None,
                    };
                    let key = Key::from_response_key(key);
                    let sent = response.filter(|_| sent_as_is);
                    let content = match (sent, key) {
                        (Some(sent), _) => !sent.content.is_empty(),
                        (None, Key::Code(code, _)) => crate::tables::allows_content_of(code),
                        (None, _) => true,
                    };
                    all.push(Part {
                        arm,
                        key,
                        description: response.map_or("", |r| r.description.as_str()),
                        content,
                        sent,
                        unknown: false,
                    });
                }
            }
            (ArmStatus::Inner { .. }, None) => {}
        }
    }
    let mut keys_of_others: Vec<Key> = Vec::new();
    for part in &all {
        let listed = keys_of_others
            .iter()
            .any(|key| key.name() == part.key.name());
        if part.key != Key::Default && !listed {
            keys_of_others.push(part.key);
        }
    }
    for (arm, unknown) in run_time {
        for key in keys_of_others.iter().copied().chain([Key::Default]) {
            let content = match key {
                Key::Code(code, _) => crate::tables::allows_content_of(code),
                _ => true,
            };
            all.push(Part {
                arm,
                key,
                // Described under `default`, where it is the reason for the key.
                description: if key == Key::Default { arm.doc } else { "" },
                content,
                sent: None,
                unknown,
            });
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

/// The responses of a derived type that says `response(body = path)`: [`responses`], with
/// every content replaced by the body's, under its media type.
pub fn responses_with_body(
    arms: &[Arm<'_>],
    content_type: &'static str,
    schema: SchemaFn,
) -> Responses {
    let mut all = responses(arms);
    for response in all.values_mut() {
        if let RefOr::T(response) = response
            && !response.content.is_empty()
        {
            response.content.clear();
            response
                .content
                .insert(content_type.to_owned(), Content::new(Some(schema())));
        }
    }
    all
}

/// The description of a header every response of its status sends. (utoipa 5's `Header` has
/// no `required`.)
pub const ALWAYS_SENT: &str = "Sent with every response of this status.";

/// What one part says of one header.
#[derive(Clone, Copy)]
enum HeaderSource<'t> {
    Constant(&'static str),
    Field(HeaderType),
    /// A transparent field's own header, sent as documented there.
    Sent(&'t Header),
}

impl HeaderSource<'_> {
    fn always_sent(self) -> bool {
        match self {
            HeaderSource::Constant(_) | HeaderSource::Field(HeaderType::Integer) => true,
            HeaderSource::Field(HeaderType::Text | HeaderType::MaybeInteger) => false,
            HeaderSource::Sent(header) => header.description.as_deref() == Some(ALWAYS_SENT),
        }
    }

    /// Whether the value is an integer, as the schema says.
    fn integer(self) -> bool {
        match self {
            HeaderSource::Constant(value) => {
                !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
            }
            HeaderSource::Field(kind) => kind != HeaderType::Text,
            HeaderSource::Sent(header) => {
                let integer =
                    Schema::Object(ObjectBuilder::new().schema_type(Type::Integer).build());
                header.schema == RefOr::T(integer)
            }
        }
    }
}

/// One header of a response: every part's sources of it, and in how many parts it is always
/// sent.
struct HeaderEntry<'t> {
    name: &'t str,
    sources: Vec<HeaderSource<'t>>,
    always_in: usize,
}

/// The response of one key, from every variant's part in it.
fn response(parts: &[Part<'_, '_>]) -> Response {
    let key = parts[0].key;
    let mut descriptions: Vec<&str> = Vec::new();
    let mut schemas: Vec<Schema> = Vec::new();
    let mut headers: Vec<HeaderEntry<'_>> = Vec::new();
    for part in parts {
        let description = part.description.trim();
        if !description.is_empty() && !descriptions.contains(&description) {
            descriptions.push(description);
        }
        if part.content {
            // The field's own document when it is sent as it is, any document when the field
            // documents none, else the one this type sends.
            let schema = match part.sent {
                Some(sent) => inner_schema(sent),
                None if part.unknown => Some(any_problem_schema(key)),
                None => Some(problem_schema(part.arm, key)),
            };
            if let Some(schema) = schema
                && !schemas.contains(&schema)
            {
                schemas.push(schema);
            }
        }
        let constants = part.arm.constant_headers.iter();
        let constants = constants.map(|(name, value)| (*name, HeaderSource::Constant(value)));
        let fields = part.arm.field_headers.iter();
        let fields = fields.map(|(name, kind)| (*name, HeaderSource::Field(*kind)));
        let sent = part.sent.into_iter().flat_map(|sent| &sent.headers);
        let sent = sent.map(|(name, header)| (name.as_str(), HeaderSource::Sent(header)));
        let mut always_here: Vec<usize> = Vec::new();
        for (name, source) in constants.chain(fields).chain(sent) {
            let index = match headers
                .iter()
                .position(|entry| entry.name.eq_ignore_ascii_case(name))
            {
                Some(index) => index,
                None => {
                    headers.push(HeaderEntry {
                        name,
                        sources: Vec::new(),
                        always_in: 0,
                    });
                    headers.len() - 1
                }
            };
            headers[index].sources.push(source);
            if source.always_sent() && !always_here.contains(&index) {
                always_here.push(index);
                headers[index].always_in += 1;
            }
        }
    }
    let description = match descriptions.as_slice() {
        [] => key.fallback_description(),
        [one] => (*one).to_owned(),
        several => several
            .iter()
            .map(|description| format!("- {}", description.replace('\n', "\n  ")))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let mut response = Response::new(description);
    // A field that documents nothing may send any header, with any value, instead of the
    // type's: no value is certain, and none is always sent.
    let any_headers = parts.iter().any(|part| part.unknown);
    for entry in headers {
        let mut header = match any_headers {
            true => Header::new(ObjectBuilder::new().schema_type(Type::String)),
            false => header_of(&entry.sources),
        };
        if entry.always_in == parts.len() && !any_headers {
            header.description = Some(ALWAYS_SENT.to_owned());
        }
        response.headers.insert(entry.name.to_owned(), header);
    }
    if !schemas.is_empty() {
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

/// A header from what the parts send: the constants' values when it is always a constant, an
/// integer when every source is one, a field's own header when it is the only source, else
/// any text.
fn header_of(sources: &[HeaderSource<'_>]) -> Header {
    let text = || ObjectBuilder::new().schema_type(Type::String);
    let constants: Option<Vec<&str>> = sources
        .iter()
        .map(|source| match source {
            HeaderSource::Constant(value) => Some(*value),
            _ => None,
        })
        .collect();
    if let Some(values) = constants {
        let mut unique: Vec<&str> = Vec::new();
        for value in values {
            if !unique.contains(&value) {
                unique.push(value);
            }
        }
        return Header::new(text().enum_values(Some(unique)));
    }
    if let [HeaderSource::Sent(header), rest @ ..] = sources
        && rest.iter().all(|other| match other {
            HeaderSource::Sent(other) => other.schema == header.schema,
            _ => false,
        })
    {
        return Header::new(header.schema.clone());
    }
    if sources.iter().all(|source| source.integer()) {
        return Header::new(ObjectBuilder::new().schema_type(Type::Integer));
    }
    Header::new(text())
}

/// The problem document of a field's own response, inline, if it has one.
fn inner_schema(inner: &Response) -> Option<Schema> {
    match inner.content.get(CONTENT_TYPE)?.schema.as_ref()? {
        RefOr::T(schema) => Some(schema.clone()),
        RefOr::Ref(_) => None,
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
    // Always sent: `title = "..."`, else the reason phrase of the status sent, else its class's
    // name (`default_title`). An example when the text is known here.
    let title = match (arm.title, key) {
        ("", Key::Code(_, reason)) => reason,
        (title, _) => title,
    };
    let title = match title {
        "" => text(),
        title => text().examples([serde_json::Value::from(title)]),
    };
    object = object.property("title", title).required("title");
    let status = ObjectBuilder::new().schema_type(Type::Integer);
    let status = match key {
        Key::Code(code, _) => status.enum_values(Some([code])),
        _ => status.minimum(Some(min)).maximum(Some(max)),
    };
    object = object.property("status", status).required("status");
    // Set by `axum::ProblemLayer` and `actix_web::Problems` from a request header.
    object = object.property("instance", instance_schema());
    // As `ErrorResponse::shows_detail`: below 500, or always with `detail`.
    if arm.detail || max < 500 {
        object = object.property("detail", text()).required("detail");
    } else if min < 500 {
        object = object.property("detail", text());
    }
    for (name, schema) in arm.members {
        object = object.property(*name, schema()).required(*name);
    }
    Schema::Object(object.build())
}

/// The problem document of any error response: [`crate::utoipa::ProblemDetails`].
pub(crate) fn problem_details_schema() -> Schema {
    any_problem_schema(Key::Default)
}

/// The problem document of an error response that documents nothing, under `key`: any `type`,
/// `title` and `detail`, any members, the status of the key.
fn any_problem_schema(key: Key) -> Schema {
    let (min, max) = key.bounds();
    let status = ObjectBuilder::new().schema_type(Type::Integer);
    let status = match key {
        Key::Code(code, _) => status.enum_values(Some([code])),
        _ => status.minimum(Some(min)).maximum(Some(max)),
    };
    problem_schema_with_status(status)
}

/// The document `axum::ProblemLayer` and `actix_web::Problems` send under the response key
/// `key` (`"404"`, `"4XX"`, `"default"`): any problem document of that status, for `default`
/// one of 400..=599 (the layer rewrites no other).
pub(crate) fn rewritten_problem_schema(key: &str) -> Schema {
    match Key::from_response_key(key) {
        Key::Default => {
            let status = ObjectBuilder::new().schema_type(Type::Integer);
            problem_schema_with_status(status.minimum(Some(400)).maximum(Some(599)))
        }
        key => any_problem_schema(key),
    }
}

/// A problem document whose `status` is `status`: any `type`, `title`, `detail`, `instance`,
/// and members.
fn problem_schema_with_status(status: ObjectBuilder) -> Schema {
    let text = || ObjectBuilder::new().schema_type(Type::String);
    let uri = text().format(Some(SchemaFormat::Custom("uri-reference".to_owned())));
    let object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .property("type", uri)
        .required("type")
        .property("title", text())
        .required("title")
        .property("status", status)
        .required("status")
        .property("detail", text())
        .property("instance", instance_schema());
    Schema::Object(object.build())
}

/// `instance`: a URI reference that names this occurrence of the problem (RFC 9457, Section
/// 3.1.5), such as the request's id.
fn instance_schema() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::Custom("uri-reference".to_owned())))
}

/// The schema of a `status_enum!` type: an integer, one of its codes (with a catch-all, any
/// `u16`, as its conversions and serde accept), with the codes and reason phrases described.
pub fn status_enum_schema<S: HttpStatus>(all: &[S], catch_all: bool) -> RefOr<Schema> {
    let named: Vec<String> = all
        .iter()
        .map(|status| format!("{} {}", status.code(), markdown_text(status.reason())))
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

/// Registry text (a reason phrase, which a crate's own `codes.toml` may give) as CommonMark
/// that shows it as it is, as rustdoc gets it: on one line, the ASCII punctuation that marks
/// up inline text escaped with a backslash, `<`, `>` and `&` as HTML entities (no tag,
/// autolink or entity forms), and what would start a block at the start escaped.
pub fn markdown_text(text: &str) -> String {
    let mut words = text.split(|ch: char| ch.is_whitespace() || ch.is_control());
    let mut line = String::with_capacity(text.len());
    for word in words.by_ref().filter(|word| !word.is_empty()) {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    let marker = block_marker(&line);
    let mut out = String::with_capacity(line.len() + 8);
    for (at, ch) in line.char_indices() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            _ if "\\`*_[]|~!#".contains(ch) || marker == Some(at) => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

/// Where the punctuation is that would make `text` a block rather than a paragraph: a list
/// (`-`, `+`, the `.` or `)` of `1.`), a setext underline or thematic break (`=`, `-`), a
/// definition (`:`).
fn block_marker(text: &str) -> Option<usize> {
    if text.starts_with(['-', '+', '=', ':']) {
        return Some(0);
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(responses: &Responses) -> serde_json::Value {
        serde_json::to_value(responses).unwrap()
    }

    fn fixed(code: u16, reason: &'static str) -> ArmStatus {
        ArmStatus::Fixed {
            code,
            reason,
            content: true,
        }
    }

    fn any_schema() -> RefOr<Schema> {
        RefOr::T(Schema::default())
    }

    /// The table is plain data: building it drops nothing (its code grew with the cube of the
    /// variants when each arm held schemas).
    #[test]
    fn arms_need_no_drop() {
        assert!(!core::mem::needs_drop::<Arm<'static>>());
        assert!(!core::mem::needs_drop::<ArmStatus>());
    }

    /// An inner type's keys without a problem document of their own pass through with the outer
    /// document: a range keeps its class in `status`, and shows `detail` only below 500; a 204
    /// has no content.
    #[test]
    fn inner_keys_take_the_outer_document() {
        fn inner() -> Responses {
            let mut inner = Responses::new();
            inner.insert(
                "4XX".to_owned(),
                RefOr::T(Response::new("Any client error")),
            );
            inner.insert("5XX".to_owned(), RefOr::T(Response::new("")));
            inner.insert("204".to_owned(), RefOr::T(Response::new("Nothing")));
            inner
        }
        let members: [(&str, SchemaFn); 1] = [("hint", any_schema)];
        let arm = Arm {
            status: ArmStatus::Inner {
                responses: inner,
                sent_as_is: false,
            },
            title: "Upstream",
            field_headers: &[("Retry-After", HeaderType::Text)],
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
        let arms = [
            Arm {
                status: fixed(409, "Conflict"),
                constant_headers: &[("Link", "</a>")],
                ..Arm::DEFAULT
            },
            Arm {
                status: fixed(409, "Conflict"),
                problem_type: "https://example.com/taken",
                constant_headers: &[("link", "</b>")],
                field_headers: &[("Link", HeaderType::Text)],
                ..Arm::DEFAULT
            },
            Arm {
                status: fixed(409, "Conflict"),
                ..Arm::DEFAULT
            },
        ];
        let value = json(&responses(&arms));
        assert_eq!(value["409"]["description"], "Conflict");
        let schema = &value["409"]["content"][CONTENT_TYPE]["schema"];
        assert_eq!(schema["anyOf"].as_array().unwrap().len(), 2, "{schema}");
        // Not sent by the third variant: no `ALWAYS_SENT`.
        assert_eq!(
            value["409"]["headers"],
            serde_json::json!({ "Link": { "schema": { "type": "string" } } })
        );
        let arms = [Arm {
            status: fixed(409, "Conflict"),
            constant_headers: &[("Link", "</a>"), ("Link", "</b>")],
            ..Arm::DEFAULT
        }];
        assert_eq!(
            json(&responses(&arms))["409"]["headers"]["Link"],
            serde_json::json!({
                "schema": { "type": "string", "enum": ["</a>", "</b>"] },
                "description": ALWAYS_SENT,
            })
        );
    }

    /// A header from an integer field is an integer, always sent; one from a text field may be
    /// left out; one every variant of a status sends is always sent.
    #[test]
    fn header_schemas_follow_the_field_types() {
        let arms = [
            Arm {
                status: fixed(429, "Too Many Requests"),
                field_headers: &[("Retry-After", HeaderType::Integer)],
                ..Arm::DEFAULT
            },
            Arm {
                status: fixed(429, "Too Many Requests"),
                constant_headers: &[("Retry-After", "60")],
                ..Arm::DEFAULT
            },
            Arm {
                status: fixed(503, "Service Unavailable"),
                field_headers: &[("Retry-After", HeaderType::Text)],
                ..Arm::DEFAULT
            },
            Arm {
                status: fixed(503, "Service Unavailable"),
                field_headers: &[("Retry-After", HeaderType::Integer)],
                ..Arm::DEFAULT
            },
        ];
        let value = json(&responses(&arms));
        assert_eq!(
            value["429"]["headers"]["Retry-After"],
            serde_json::json!({ "schema": { "type": "integer" }, "description": ALWAYS_SENT })
        );
        assert_eq!(
            value["503"]["headers"]["Retry-After"],
            serde_json::json!({ "schema": { "type": "string" } })
        );
    }

    #[test]
    fn response_keys() {
        assert!(Key::from_response_key("404") == Key::Code(404, "Not Found"));
        assert!(Key::from_response_key("4XX") == Key::Range(4));
        assert!(Key::from_response_key("default") == Key::Default);
        assert!(Key::from_response_key("6XX") == Key::Default);
    }

    /// The problem document of a field's own response.
    fn inner_with_document() -> Responses {
        let document = Schema::Object(ObjectBuilder::new().title(Some("inner")).build());
        let mut response = Response::new("Log in");
        response.content.insert(
            CONTENT_TYPE.to_owned(),
            Content::new(Some(RefOr::T(document))),
        );
        let header = Header::new(ObjectBuilder::new().schema_type(Type::String));
        response
            .headers
            .insert("WWW-Authenticate".to_owned(), header);
        let mut inner = Responses::new();
        inner.insert("401".to_owned(), RefOr::T(response));
        // A status sent with no content, as a crate's own `content = "none"` code.
        inner.insert("460".to_owned(), RefOr::T(Response::new("Gone quiet")));
        inner
    }

    /// An inner type that is an error response: its document, or none, and its headers are
    /// sent as they are.
    #[test]
    fn inner_documents_are_sent_as_they_are() {
        let arm = Arm {
            status: ArmStatus::Inner {
                responses: inner_with_document,
                sent_as_is: true,
            },
            title: "Outer",
            ..Arm::DEFAULT
        };
        let value = json(&responses(&[arm]));
        assert_eq!(value["401"]["description"], "Log in");
        assert_eq!(
            value["401"]["content"][CONTENT_TYPE]["schema"],
            serde_json::json!({ "type": "object", "title": "inner" })
        );
        assert_eq!(
            value["401"]["headers"]["WWW-Authenticate"],
            serde_json::json!({ "schema": { "type": "string" } })
        );
        assert_eq!(
            value["460"],
            serde_json::json!({ "description": "Gone quiet" })
        );
    }

    /// An inner type that only documents its responses is not what is sent: this type's
    /// document, without the inner's headers.
    #[test]
    fn inner_responses_that_are_not_sent_take_this_document() {
        let arm = Arm {
            status: ArmStatus::Inner {
                responses: inner_with_document,
                sent_as_is: false,
            },
            title: "Outer",
            ..Arm::DEFAULT
        };
        let value = json(&responses(&[arm]));
        let schema = &value["401"]["content"][CONTENT_TYPE]["schema"];
        assert_eq!(
            schema["properties"]["title"]["examples"],
            serde_json::json!(["Outer"])
        );
        assert!(value["401"].get("headers").is_none());
        assert!(value["460"]["content"][CONTENT_TYPE].is_object());
    }

    /// A status whose registry entry says `content = "none"` has no content, whatever its code.
    #[test]
    fn statuses_without_content_have_none() {
        let arms = [
            Arm {
                status: ArmStatus::Fixed {
                    code: 460,
                    reason: "Gone Quiet",
                    content: false,
                },
                ..Arm::DEFAULT
            },
            Arm {
                status: fixed(461, "Loud"),
                ..Arm::DEFAULT
            },
        ];
        let value = json(&responses(&arms));
        assert_eq!(
            value["460"],
            serde_json::json!({ "description": "Gone Quiet" })
        );
        assert!(value["461"]["content"][CONTENT_TYPE].is_object());
    }

    /// A known rejection's statuses, each with this type's document, merged with `anyOf` where
    /// a variant has the same status.
    #[test]
    fn known_statuses_are_listed_and_merged() {
        let members: [(&str, SchemaFn); 1] = [("errors", any_schema)];
        let arms = [
            Arm {
                status: ArmStatus::Known(&[400, 413, 415, 422]),
                doc: "The JSON body was refused.",
                ..Arm::DEFAULT
            },
            Arm {
                status: fixed(422, "Unprocessable Content"),
                problem_type: "https://example.com/validation",
                members: &members,
                ..Arm::DEFAULT
            },
        ];
        let value = json(&responses(&arms));
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["400", "413", "415", "422"]);
        let blank = &value["415"]["content"][CONTENT_TYPE]["schema"];
        assert_eq!(
            blank["properties"]["type"]["enum"],
            serde_json::json!(["about:blank"])
        );
        assert_eq!(
            blank["properties"]["status"]["enum"],
            serde_json::json!([415])
        );
        assert_eq!(value["415"]["description"], "The JSON body was refused.");
        let both = &value["422"]["content"][CONTENT_TYPE]["schema"]["anyOf"];
        assert_eq!(
            both[0]["properties"]["type"]["enum"],
            serde_json::json!(["about:blank"])
        );
        assert_eq!(
            both[1]["properties"]["type"]["enum"],
            serde_json::json!(["https://example.com/validation"])
        );
        assert_eq!(both[1]["required"][4], "errors");
    }

    /// Registry text becomes Markdown that shows it as text; a title example keeps it as it is.
    #[test]
    fn registry_text_is_escaped_in_descriptions() {
        let hostile = "<img src=x onerror=alert(1)> [x](javascript:alert(1))";
        assert_eq!(
            markdown_text(hostile),
            "&lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1))"
        );
        assert_eq!(markdown_text("- a\n\n    b `c`"), "\\- a b \\`c\\`");
        assert_eq!(markdown_text("1. One & *two*"), "1\\. One &amp; \\*two\\*");
        assert_eq!(markdown_text("I'm a teapot"), "I'm a teapot");
        let arms = [Arm {
            status: fixed(460, hostile),
            ..Arm::DEFAULT
        }];
        let value = json(&responses(&arms));
        assert_eq!(value["460"]["description"], markdown_text(hostile));
        let title = &value["460"]["content"][CONTENT_TYPE]["schema"]["properties"]["title"];
        assert_eq!(title["examples"], serde_json::json!([hostile]));
    }

    /// Every response's document lists `title`, always sent; the `default` one has no example.
    #[test]
    fn titles_are_required() {
        let value = json(&responses(&[Arm::DEFAULT]));
        let schema = &value["default"]["content"][CONTENT_TYPE]["schema"];
        assert_eq!(
            schema["required"],
            serde_json::json!(["type", "title", "status"])
        );
        assert_eq!(
            schema["properties"]["title"],
            serde_json::json!({ "type": "string" })
        );
    }
}
