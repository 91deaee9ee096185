//! Checks of what an error response carries: header names and constant values (RFC 9110,
//! Sections 5.1 and 5.5), extension member names (RFC 9457), and the headers a status
//! requires (the registry's `requires`, from RFC 9110).

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::{Ident, LitStr, Type};

use super::segment_names;
use super::uri::uri_reference_error;
use crate::ast::DeriveFields;
use crate::attr::{ConstHeader, FieldAttrs, ResponseParts, suffix_error, without_response};
use crate::errors::Errors;
use crate::registry::hidden_character;
use crate::registry::{Entry, owned_header};

/// What the response of one arm carries, the type's parts merged with the variant's.
#[derive(Default)]
pub struct ArmResponse {
    /// The type's headers but those the variant replaces (by name, in any letter case), then
    /// the variant's, then the fields', as written: each name once.
    pub headers: Vec<ResponseHeader>,
    pub members: Vec<ResponseMember>,
    /// The variant's `type`, else the type's.
    pub problem_type: Option<String>,
    /// The variant's `title`, else the type's.
    pub title: Option<String>,
    /// `detail` on the variant or the type: the `Display` text is shown for a 5xx too.
    pub detail: bool,
    /// Which of `problem_type`, `title` and `detail` the variant says itself: a `transparent`
    /// field's own parts come before the type's, but after the variant's.
    pub own: OwnParts,
    /// `log = "..."`: the variant's, else the type's; a level of `LEVELS`.
    pub log: Option<&'static str>,
    /// The required headers waived by `waive(...)`, the variant's and the type's.
    pub waived: Vec<String>,
}

/// The levels of `log = "..."`, as written, and their `problem::LogLevel` variant.
pub const LEVELS: [(&str, &str); 6] = [
    ("error", "Error"),
    ("warn", "Warn"),
    ("info", "Info"),
    ("debug", "Debug"),
    ("trace", "Trace"),
    ("off", "Off"),
];

/// What a variant says itself, not through its type.
#[derive(Default, Clone, Copy)]
pub struct OwnParts {
    pub problem_type: bool,
    pub title: bool,
    pub detail: bool,
    pub log: bool,
}

pub struct ResponseHeader {
    pub name: String,
    pub value: HeaderValue,
    /// Written on the type: a `transparent` field's header of the same name replaces it.
    pub from_type: bool,
}

pub enum HeaderValue {
    Const(String),
    /// A field's value, by its type.
    Field(FieldRef, FieldHeader),
}

/// How a header field's value is sent, by its type as written.
pub struct FieldHeader {
    /// An `Option`: sent only when `Some`.
    pub optional: bool,
    /// The type the value is written from: the field's, or what its `Option` holds.
    pub value_ty: Box<Type>,
    pub format: HeaderFormat,
}

/// How a header value is written.
#[derive(Clone)]
pub enum HeaderFormat {
    /// Its `Display` text.
    Display,
    /// A `Duration`, in delta-seconds rounded up.
    Seconds,
    /// A `SystemTime`, as an IMF-fixdate.
    HttpDate,
    /// `with = path`: `path(&value)`'s `Display` text.
    With(syn::Path),
}

impl FieldHeader {
    /// How a field of type `ty` is sent, with `with` if it says one.
    fn of(ty: &Type, with: Option<&syn::Path>) -> Self {
        let (optional, value_ty) = match option_inner(ty) {
            Some(inner) => (true, inner),
            None => (false, ty),
        };
        let format = match with {
            Some(path) => HeaderFormat::With(path.clone()),
            None => match time_type(value_ty) {
                Some("Duration") => HeaderFormat::Seconds,
                Some("SystemTime") => HeaderFormat::HttpDate,
                _ => HeaderFormat::Display,
            },
        };
        FieldHeader {
            optional,
            value_ty: Box::new(value_ty.clone()),
            format,
        }
    }
}

/// The type `Option<T>` holds, when `ty` is written as one (`Option`, `std::option::Option`,
/// ...): the derive sees the type as written, as serde's and clap's do.
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ungrouped(ty) else {
        return None;
    };
    let last = path.path.segments.last()?;
    if path.qself.is_some() || last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(arguments) = &last.arguments else {
        return None;
    };
    match arguments.args.iter().collect::<Vec<_>>().as_slice() {
        [syn::GenericArgument::Type(inner)] => Some(inner),
        _ => None,
    }
}

/// `Duration` or `SystemTime` when `ty` is written as the standard library's: the name alone
/// (imported), or its `std::time` (`core::time` for `Duration`) path. Another crate's type of
/// the same name (`chrono::Duration`) is sent by its `Display`.
fn time_type(ty: &Type) -> Option<&'static str> {
    let Type::Path(path) = ungrouped(ty) else {
        return None;
    };
    if path.qself.is_some() || path.path.segments.iter().any(|s| !s.arguments.is_none()) {
        return None;
    }
    let segments = segment_names(&path.path);
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    match segments.as_slice() {
        ["Duration"] | ["std" | "core", "time", "Duration"] => Some("Duration"),
        ["SystemTime"] | ["std", "time", "SystemTime"] => Some("SystemTime"),
        _ => None,
    }
}

fn ungrouped(ty: &Type) -> &Type {
    match ty {
        Type::Group(group) => ungrouped(&group.elem),
        Type::Paren(paren) => ungrouped(&paren.elem),
        ty => ty,
    }
}

/// A field of the arm, as generated code binds it.
#[derive(Clone)]
pub struct FieldRef {
    pub member: syn::Member,
    pub ty: Box<Type>,
    /// Its type names a type parameter of the derived type: the impls bound it.
    pub generic: bool,
}

/// An extension member of the problem document: a field, under a name.
pub struct ResponseMember {
    pub name: String,
    pub field: FieldRef,
}

/// The problem document's own members (RFC 9457, Section 3.1).
const STANDARD_MEMBERS: [&str; 5] = ["type", "title", "status", "detail", "instance"];

/// The one status a response may carry `Upgrade` with: 426 Upgrade Required names the
/// protocols to switch to (RFC 9110, Section 15.5.22); a 101 is the server's own switch,
/// never an error response.
const UPGRADE_STATUS: u16 = 426;

/// What the checks of a derived type's arms share: whether the type's headers are an arm's
/// own (a struct's), and which of the type's headers were reported for an arm's status, so
/// that each is reported once, not at every variant.
pub struct TypeChecks {
    /// A struct: its attributes are its one arm's, one place with its fields.
    own_type_headers: bool,
    /// The type's headers reported for the status of an arm, by name.
    reported: Vec<String>,
}

impl TypeChecks {
    pub fn new(is_struct: bool) -> Self {
        TypeChecks {
            own_type_headers: is_struct,
            reported: Vec::new(),
        }
    }
}

/// Builds the [`ArmResponse`] of one arm, reporting each mistake.
pub struct ResponseBuilder<'e> {
    errors: &'e mut Errors,
    type_checks: &'e mut TypeChecks,
    /// The arm's fixed status; `None` for a transparent arm.
    status: Option<&'e Entry>,
    response: ArmResponse,
    /// Where each member name was given, for the error of a second one.
    member_spans: Vec<Span>,
    /// The header names of the arm's own place (the variant or struct with its fields), and
    /// where each was given, for the error of a second one.
    own_headers: Vec<(String, Span)>,
}

impl<'e> ResponseBuilder<'e> {
    /// `status`: the arm's fixed status, if it has one.
    pub fn new(
        errors: &'e mut Errors,
        type_checks: &'e mut TypeChecks,
        status: Option<&'e Entry>,
    ) -> Self {
        ResponseBuilder {
            errors,
            type_checks,
            status,
            response: ArmResponse::default(),
            member_spans: Vec::new(),
            own_headers: Vec::new(),
        }
    }

    /// The constant headers of the type, checked once by [`check_type_parts`]; here what
    /// depends on the arm's status. A struct's are its own, and its fields may not repeat
    /// them; an enum's are reported once for all its variants.
    pub fn type_parts(&mut self, parts: &ResponseParts) {
        let own = self.type_checks.own_type_headers;
        for header in &parts.headers {
            let name = header.name.value();
            if own {
                self.own_headers.push((name.clone(), header.name.span()));
            }
            let reported = self.type_checks.reported.contains(&name);
            if header_name_error(&name).is_none() && !reported {
                let problems = self.status_rules(header, own);
                if !own && !problems.is_empty() {
                    self.type_checks.reported.push(name.clone());
                }
                for (span, message) in problems {
                    self.errors.at(span, message);
                }
            }
            // A struct's are its own: a transparent field's header does not replace them.
            self.push_const(name, header.value.value(), !own);
        }
    }

    /// The constant headers of a variant, and its `type` and `title`. A header that is not
    /// valid HTTP is reported, and kept: the derive fails anyway, and a required header with a
    /// bad value is not also missing.
    pub fn variant_parts(&mut self, parts: &ResponseParts) {
        check_texts(self.errors, parts);
        for header in &parts.headers {
            if check_header(self.errors, &header.name, Some(&header.value)) {
                for (span, message) in self.status_rules(header, true) {
                    self.errors.at(span, message);
                }
            }
            self.own_header(&header.name);
            self.push_const(header.name.value(), header.value.value(), false);
        }
    }

    /// What a constant header must be with the arm's status: `Upgrade` goes with 426 alone,
    /// on the arm itself (`own`); a header the status requires has a value.
    fn status_rules(&self, header: &ConstHeader, own: bool) -> Vec<(Span, String)> {
        let name = header.name.value();
        let mut problems = Vec::new();
        if let Some(message) = self.upgrade_error(&name, own) {
            problems.push((header.name.span(), message));
        }
        if let Some(entry) = self.status
            && header.value.value().is_empty()
            && let Some(message) = empty_required_error(&name, entry)
        {
            problems.push((header.value.span(), message));
        }
        problems
    }

    /// Why `name` cannot be sent here if it is `Upgrade` and the arm is not a fixed 426, or
    /// `name` is the type's (`own` false).
    fn upgrade_error(&self, name: &str, own: bool) -> Option<String> {
        if !name.eq_ignore_ascii_case("Upgrade") {
            return None;
        }
        let why = match self.status {
            _ if !own => "on the type it would go out with every status",
            Some(entry) if entry.code == UPGRADE_STATUS => return None,
            Some(_) => "this status is not 426",
            None => "a transparent status is not a fixed 426",
        };
        Some(format!(
            "`{name}` asks the client to switch protocols: it goes with 426 Upgrade Required \
             alone, on the variant (or struct) that has that status (RFC 9110, Sections 7.8 and \
             15.5.22), and {why}; the server itself sends it with 101 Switching Protocols"
        ))
    }

    /// A header of the arm's own place: a second one of the same name (in any letter case) is
    /// an error, with a note at the first.
    fn own_header(&mut self, name: &LitStr) {
        let text = name.value();
        let first = self
            .own_headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(&text));
        if let Some((first, span)) = first {
            report_twice(self.errors, name, first, *span);
        } else {
            self.own_headers.push((text, name.span()));
        }
    }

    fn push_const(&mut self, name: String, value: String, from_type: bool) {
        self.response.headers.push(ResponseHeader {
            name,
            value: HeaderValue::Const(value),
            from_type,
        });
    }

    /// The headers and members of the fields.
    pub fn fields(&mut self, fields: &DeriveFields) {
        let all = fields.fields.members().zip(fields.fields.iter());
        for ((member, field), attrs) in all.zip(&fields.attrs) {
            let field = FieldRef {
                member,
                ty: Box::new(field.ty.clone()),
                generic: false,
            };
            if let Some(name) = &attrs.header {
                if check_header(self.errors, name, None)
                    && let Some(message) = self.upgrade_error(&name.value(), true)
                {
                    self.errors.at(name.span(), message);
                }
                self.own_header(name);
                let format = FieldHeader::of(&field.ty, attrs.with.as_ref());
                self.response.headers.push(ResponseHeader {
                    name: name.value(),
                    value: HeaderValue::Field(field.clone(), format),
                    from_type: false,
                });
            } else if let Some(path) = &attrs.with {
                let also = match &attrs.member {
                    Some(_) => " (a member is serialized by its `Serialize` impl)",
                    None => "",
                };
                self.errors.at(
                    path_span(path),
                    format_args!(
                        "`with` formats a header value: it goes with `header = \"Name\"` on \
                         the same field{also}"
                    ),
                );
            }
            self.member(attrs, field);
        }
    }

    fn member(&mut self, attrs: &FieldAttrs, field: FieldRef) {
        let Some(member) = &attrs.member else {
            return;
        };
        let (name, span) = match (&member.name, &field.member) {
            (Some(name), _) if !name.suffix().is_empty() => {
                self.errors.push(suffix_error(name));
                return;
            }
            (Some(name), _) => (name.value(), name.span()),
            (None, syn::Member::Named(ident)) => (ident.unraw().to_string(), member.word.span()),
            (None, syn::Member::Unnamed(_)) => {
                self.errors.at(
                    member.word.span(),
                    "a field without a name needs one for its member: `member = \"name\"`",
                );
                return;
            }
        };
        if STANDARD_MEMBERS.contains(&name.as_str()) {
            let fix = match &member.name {
                Some(_) => "pick another name for this extension member",
                None => "name this extension member otherwise with `member = \"...\"`",
            };
            let which = match &member.name {
                Some(_) => format!("`{name}`"),
                None => format!("the field's name `{name}`"),
            };
            self.errors.at(
                span,
                format_args!(
                    "{which} is a standard member of the problem document (RFC 9457, Section \
                     3.1), which the response fills in itself; {fix}"
                ),
            );
            return;
        }
        if name.is_empty() {
            self.errors.at(span, "a member needs a name");
            return;
        }
        if let Some(first) = self.response.members.iter().position(|m| m.name == name) {
            self.errors.at(
                span,
                format_args!("the member `{name}` is given twice; rename one"),
            );
            self.errors
                .at(self.member_spans[first], "the first is here");
            return;
        }
        self.member_spans.push(span);
        self.response.members.push(ResponseMember { name, field });
    }

    /// `type`, `title` and `detail`: the variant's, else the type's.
    pub fn finish(mut self, type_parts: &ResponseParts, parts: &ResponseParts) -> ArmResponse {
        let text = |own: &Option<LitStr>, type_wide: &Option<LitStr>| {
            own.as_ref().or(type_wide.as_ref()).map(LitStr::value)
        };
        self.response.problem_type = text(&parts.problem_type, &type_parts.problem_type);
        self.response.title = text(&parts.title, &type_parts.title);
        self.response.detail = parts.detail.is_some() || type_parts.detail.is_some();
        self.response.own = OwnParts {
            problem_type: parts.problem_type.is_some(),
            title: parts.title.is_some(),
            detail: parts.detail.is_some(),
            log: parts.log.is_some(),
        };
        let level = |text: &LitStr| LEVELS.iter().find(|(l, _)| *l == text.value()).map(|l| l.0);
        self.response.log = (parts.log.as_ref())
            .or(type_parts.log.as_ref())
            .and_then(level);
        // A variant's header replaces the type's of the same name.
        let own: Vec<String> = (self.response.headers.iter())
            .filter(|header| !header.from_type)
            .map(|header| header.name.to_ascii_lowercase())
            .collect();
        self.response
            .headers
            .retain(|header| !header.from_type || !own.contains(&header.name.to_ascii_lowercase()));
        self.waive(type_parts, parts);
        self.response
    }

    /// `waive(...)`: the variant's names, each a header its status requires and it does not
    /// send; then the type's (checked once, by `check_type_waivers`).
    fn waive(&mut self, type_parts: &ResponseParts, parts: &ResponseParts) {
        // A struct's are its own: not sent by it either. (Its status is checked once, by
        // `check_type_waivers`.)
        let own_type = self.type_checks.own_type_headers;
        let struct_waivers = type_parts.waive.iter().filter(|_| own_type);
        for (name, from_type) in (parts.waive.iter().map(|name| (name, false)))
            .chain(struct_waivers.map(|name| (name, true)))
        {
            let text = name.value();
            let type_sends = (type_parts.headers.iter())
                .any(|header| header.name.value().eq_ignore_ascii_case(&text));
            if from_type
                && (!name.suffix().is_empty() || header_name_error(&text).is_some() || type_sends)
            {
                // Reported once, by `check_type_waivers`.
                continue;
            }
            if !name.suffix().is_empty() {
                self.errors.push(suffix_error(name));
                // Reported: the header is not also reported as missing.
                self.response.waived.push(text);
                continue;
            }
            if let Some(message) = header_name_error(&text) {
                self.errors.at(name.span(), message);
                continue;
            }
            let sent = self.response.headers.iter();
            let sent = sent.filter(|header| !header.from_type || self.type_checks.own_type_headers);
            if let Some(header) = sent
                .map(|header| &header.name)
                .find(|sent| sent.eq_ignore_ascii_case(&text))
            {
                let spelled = match *header == text {
                    true => String::new(),
                    false => format!(" (as `{header}`)"),
                };
                self.errors.at(
                    name.span(),
                    format_args!(
                        "`{text}` is waived and sent{spelled}: a waiver is for a required header \
                         the response does not send; drop one of the two"
                    ),
                );
                continue;
            }
            if let Some(entry) = self.status
                && !from_type
                && !named(&entry.facts.requires, &text)
            {
                self.errors
                    .at(name.span(), not_required_error(&text, entry));
                continue;
            }
            self.response.waived.push(text);
        }
        // An enum's, for each variant whose status requires the header (any, for a status
        // known at run time) and that does not send it.
        for name in type_parts.waive.iter().filter(|_| !own_type) {
            let text = name.value();
            let required = (self.status).is_none_or(|entry| named(&entry.facts.requires, &text));
            let sent = (self.response.headers.iter()).any(|h| h.name.eq_ignore_ascii_case(&text));
            if required && !sent && !named(&self.response.waived, &text) {
                self.response.waived.push(text);
            }
        }
    }

    /// A type without `response`: response parts on a variant or a field are mistakes.
    pub fn refuse_without_response(&mut self, parts: &ResponseParts, fields: &DeriveFields) {
        let fields_said = fields.attrs.iter().flat_map(|attrs| {
            let header = attrs.header.as_ref().map(|name| ("header", name.span()));
            let member = attrs
                .member
                .as_ref()
                .map(|member| ("member", member.word.span()));
            header.into_iter().chain(member)
        });
        for (word, span) in parts.first_written().into_iter().chain(fields_said) {
            self.errors.at(span, without_response(word));
        }
    }
}

/// Whether `name` is one of `names`, in any letter case.
fn named(names: &[String], name: &str) -> bool {
    names.iter().any(|known| known.eq_ignore_ascii_case(name))
}

/// The span of a path as written, for errors.
fn path_span(path: &syn::Path) -> Span {
    syn::spanned::Spanned::span(path)
}

/// The error of a waiver of a header the status does not require.
fn not_required_error(name: &str, entry: &Entry) -> String {
    let requires = match entry.facts.requires.as_slice() {
        [] => "requires no header".to_owned(),
        names => {
            let names: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
            format!("requires {}", names.join(", "))
        }
    };
    format!(
        "`{name}` is not required with {} {}, which {requires}: `waive` is for a header the \
         status requires and the response does not send; drop it",
        entry.code, entry.reason
    )
}

/// The type's `waive(...)`: each name is required by the status of some arm, or an arm's
/// status is known only at run time. `required`: every fixed status's required headers.
pub fn check_type_waivers(
    errors: &mut Errors,
    parts: &ResponseParts,
    required: &[String],
    run_time: bool,
) {
    for name in &parts.waive {
        let text = name.value();
        let sent = parts.headers.iter().map(|header| header.name.value());
        if !name.suffix().is_empty() {
            errors.push(suffix_error(name));
        } else if let Some(message) = header_name_error(&text) {
            errors.at(name.span(), message);
        } else if let Some(header) = sent.clone().find(|sent| sent.eq_ignore_ascii_case(&text)) {
            errors.at(
                name.span(),
                format_args!(
                    "`{text}` is waived and sent by the type (`header(\"{header}\" = ...)`): a \
                     waiver is for a required header the response does not send; drop one of \
                     the two"
                ),
            );
        } else if !run_time && !named(required, &text) {
            errors.at(
                name.span(),
                format_args!(
                    "no status of this type requires `{text}`: `waive` is for a header a status \
                     requires and the response does not send; drop it"
                ),
            );
        }
    }
}

/// The error of a header name given a second time in one place, and its note at the first.
fn report_twice(errors: &mut Errors, second: &LitStr, first: &str, first_span: Span) {
    let second_text = second.value();
    let case = if second_text == first {
        String::new()
    } else {
        format!(" (as `{first}`: header names are case-insensitive)")
    };
    errors.at(
        second.span(),
        format_args!(
            "the header `{second_text}` is given twice here{case}; a response sends each header \
             once: keep one"
        ),
    );
    errors.at(first_span, "the first is here");
}

/// The type's constant headers, `type` and `title`, checked once for all its variants.
pub fn check_type_parts(errors: &mut Errors, parts: &ResponseParts) {
    check_texts(errors, parts);
    let mut seen: Vec<(String, Span)> = Vec::new();
    for header in &parts.headers {
        check_header(errors, &header.name, Some(&header.value));
        let name = header.name.value();
        match seen.iter().find(|(n, _)| n.eq_ignore_ascii_case(&name)) {
            Some((first, span)) => report_twice(errors, &header.name, first, *span),
            None => seen.push((name, header.name.span())),
        }
    }
}

/// Checks a header name, and a constant value if there is one; reports what is not valid HTTP.
/// Whether the name is one a response may carry.
fn check_header(errors: &mut Errors, name: &LitStr, value: Option<&LitStr>) -> bool {
    let mut name_ok = false;
    if !name.suffix().is_empty() {
        errors.push(suffix_error(name));
    } else if let Some(message) = header_name_error(&name.value()) {
        errors.at(name.span(), message);
    } else {
        name_ok = true;
    }
    if let Some(value) = value {
        if !value.suffix().is_empty() {
            errors.push(suffix_error(value));
        } else if let Some(message) = header_value_error(&value.value()) {
            errors.at(value.span(), message);
        }
    }
    name_ok
}

/// `type = "..."` is a URI reference (RFC 9457, Section 3.1.1; RFC 3986, Section 4.1), and
/// `title = "..."` text to show.
fn check_texts(errors: &mut Errors, parts: &ResponseParts) {
    type Check = fn(&str) -> Option<String>;
    let checks: [(&Option<LitStr>, Check); 2] = [
        (&parts.problem_type, problem_type_error),
        (&parts.title, title_error),
    ];
    let checks = checks
        .into_iter()
        .chain([(&parts.log, log_level_error as Check)]);
    for (text, check) in checks {
        let Some(text) = text else {
            continue;
        };
        if !text.suffix().is_empty() {
            errors.push(suffix_error(text));
        } else if let Some(message) = check(&text.value()) {
            errors.at(text.span(), message);
        }
    }
}

/// Why `text` is not a level of `log = "..."`, if it is not, with the closest one.
pub fn log_level_error(text: &str) -> Option<String> {
    let levels = LEVELS.map(|(level, _)| level);
    if levels.contains(&text) {
        return None;
    }
    let known = levels.map(|level| format!("`{level}`")).join(", ");
    let lowercase = text.to_lowercase();
    // `warning`, `err`: a level's own word, longer or shorter.
    let prefix = levels
        .into_iter()
        .find(|level| lowercase.starts_with(level) || level.starts_with(lowercase.as_str()))
        .filter(|_| !lowercase.is_empty());
    let hint = match crate::registry::closest(&lowercase, levels).or(prefix) {
        Some(close) => format!("did you mean `{close}`? "),
        None => String::new(),
    };
    Some(format!(
        "unknown log level {text:?}; {hint}`log` takes one of {known}"
    ))
}

/// Why `text` is not a media type for `content_type = "..."`, if it is not: `type/subtype`,
/// each an RFC 9110 token, with parameters after `;` (RFC 9110, Section 8.3.1).
pub fn content_type_error(text: &str) -> Option<String> {
    let token = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c))
    };
    let (media, parameters) = text.split_once(';').unwrap_or((text, ""));
    let valid = match media.split_once('/') {
        Some((kind, subtype)) => token(kind) && token(subtype),
        None => false,
    };
    if !valid {
        return Some(format!(
            "{text:?} is not a media type: write `type/subtype`, such as \
             \"application/json\" (RFC 9110, Section 8.3.1)"
        ));
    }
    // The body is the function's value as JSON: its media type says so.
    let subtype = media
        .split_once('/')
        .map_or("", |(_, subtype)| subtype.trim());
    let json = media.eq_ignore_ascii_case("application/json")
        || subtype.to_ascii_lowercase().ends_with("+json");
    if !json {
        return Some(format!(
            "{text:?} is not a JSON media type, and the body is the function's value as JSON: \
             write \"application/json\" or a `+json` type such as \"application/vnd.api+json\""
        ));
    }
    let value_error = header_value_error(parameters.trim_start())?;
    Some(format!(
        "{text:?} is not a valid `content_type`: {value_error}"
    ))
}

/// Why `text` is not a problem `type`, if it is not: empty, or not an RFC 3986 URI
/// reference.
pub fn problem_type_error(text: &str) -> Option<String> {
    if text.is_empty() {
        return Some("a problem `type` cannot be empty; leave it out for `about:blank`".to_owned());
    }
    let why = uri_reference_error(text)?;
    Some(format!(
        "the problem `type` {text:?} is not a URI reference (RFC 9457, Section 3.1.1): {why}"
    ))
}

/// Why `text` is not a problem `title`, if it is not: a title is a short summary shown to
/// people (RFC 9457, Section 3.1.3), so it has text, and no character that breaks a line
/// or that reorders how the text around it is shown.
pub fn title_error(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some(
            "a `title` cannot be empty; leave it out for the reason phrase of the status"
                .to_owned(),
        );
    }
    let (at, bad) = text
        .chars()
        .enumerate()
        .find(|&(_, c)| c.is_control() || hidden_character(c).is_some())?;
    let at = at + 1;
    let escaped = bad.escape_unicode();
    Some(match hidden_character(bad) {
        Some((name, what)) => format!(
            "the `title` has `{escaped}` ({name}) at character {at}: {what}, so what a reader \
             sees is not what was sent; write the text without it"
        ),
        None => format!(
            "the `title` has `{}` (U+{:04X}, a control character) at character {at}: a title \
             is one line of text shown to people (RFC 9457, Section 3.1.3), and a control \
             character breaks it or what shows it; write the text without it",
            bad.escape_debug(),
            u32::from(bad)
        ),
    })
}

/// Why `name` is not a header name a response may carry, if it is not: not an RFC 9110
/// token, or a header field the server owns. (`Upgrade` depends on the status: the builder
/// checks it.)
pub fn header_name_error(name: &str) -> Option<String> {
    const TOKEN_SYMBOLS: &str = "!#$%&'*+-.^_`|~";
    if name.is_empty() {
        return Some("a header name cannot be empty".to_owned());
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !c.is_ascii_alphanumeric() && !TOKEN_SYMBOLS.contains(*c))
    {
        return Some(format!(
            "`{}` is not a valid header name: {bad:?} is not allowed; a field name is a token of \
             ASCII letters, digits and ``{TOKEN_SYMBOLS}`` (RFC 9110, Section 5.1)",
            name.escape_debug()
        ));
    }
    let owned = owned_header(name)?;
    Some(format!("`{name}` cannot be given here: {}", owned.owner))
}

/// Why an empty value of `name` is wrong with the status of `entry`, if it is: the status
/// requires the header, and the header's grammar has at least one element. `Allow` may be
/// empty: a resource that allows no method (RFC 9110, Section 10.2.1).
fn empty_required_error(name: &str, entry: &Entry) -> Option<String> {
    let required = entry.facts.requires.iter();
    let required = required.clone().any(|r| r.eq_ignore_ascii_case(name));
    if !required || name.eq_ignore_ascii_case("Allow") {
        return None;
    }
    let is = |header: &str| name.eq_ignore_ascii_case(header);
    let needed = if is("WWW-Authenticate") {
        "a challenge is needed, the authentication scheme the client should use, such as \
         \"Bearer\" (RFC 9110, Section 11.6.1)"
    } else if is("Proxy-Authenticate") {
        "a challenge is needed, the authentication scheme the client should use with the \
         proxy, such as \"Basic\" (RFC 9110, Section 11.7.1)"
    } else if is("Upgrade") {
        "the protocols to switch to are needed, such as \"TLS/1.3\" (RFC 9110, Section 7.8)"
    } else {
        "RFC 9110 requires a value"
    };
    Some(format!(
        "`{name}` is empty, and a {} {} response must send it ({}): {needed}",
        entry.code, entry.reason, entry.reference
    ))
}

/// Why `value` is not a valid constant header value, if it is not.
pub fn header_value_error(value: &str) -> Option<String> {
    if let Some(bad) = value
        .chars()
        .find(|&c| c != '\t' && !(' '..='~').contains(&c))
    {
        return Some(format!(
            "{value:?} is not a valid header value: {bad:?} is not allowed; a field value is \
             visible ASCII, spaces and tabs (RFC 9110, Section 5.5)"
        ));
    }
    if value.starts_with([' ', '\t']) || value.ends_with([' ', '\t']) {
        return Some(format!(
            "{value:?} is not a valid header value: a field value has no leading or trailing \
             whitespace (RFC 9110, Section 5.5)"
        ));
    }
    None
}

/// The headers the status of `entry` requires (the registry's `requires`) that `response`
/// does not send.
pub fn missing_headers<'e>(entry: &'e Entry, response: &ArmResponse) -> Vec<&'e str> {
    let sent = |required: &str| {
        let mut names = response.headers.iter().map(|header| &header.name);
        names.any(|name| name.eq_ignore_ascii_case(required)) || named(&response.waived, required)
    };
    let required = entry.facts.requires.iter().map(String::as_str);
    required.filter(|required| !sent(required)).collect()
}

/// A required header not sent: an error at the status, naming the header and the section.
/// `takers`: the variants, when the status is the enum's default.
pub fn report_missing_header(
    errors: &mut Errors,
    entry: &Entry,
    span: Span,
    header: &str,
    takers: &[Ident],
) {
    let takers = match takers {
        [] => String::new(),
        [variant] => format!(" (variant `{variant}` takes this default)"),
        variants => {
            let names: Vec<String> = variants.iter().map(|v| format!("`{v}`")).collect();
            format!(" (variants {} take this default)", names.join(", "))
        }
    };
    errors.at(
        span,
        format_args!(
            "a {} {} response must send the `{header}` header field ({}){takers}; add \
             `header(\"{header}\" = \"...\")` beside the status, or \
             `#[status(header = \"{header}\")]` on a field that holds its value (or, for a \
             service that does not send it, `waive(\"{header}\")` beside the status)",
            entry.code, entry.reason, entry.reference
        ),
    );
}
