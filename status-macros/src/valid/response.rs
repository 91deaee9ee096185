//! Checks of what an error response carries: header names and constant values (RFC 9110,
//! Sections 5.1 and 5.5), extension member names (RFC 9457), and the headers a status
//! requires (the registry's `requires`, from RFC 9110).

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::{Ident, LitStr, Type};

use crate::ast::DeriveFields;
use crate::attr::{FieldAttrs, ResponseParts, without_response};
use crate::errors::Errors;
use crate::registry::Entry;

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
}

/// What a variant says itself, not through its type.
#[derive(Default, Clone, Copy)]
pub struct OwnParts {
    pub problem_type: bool,
    pub title: bool,
    pub detail: bool,
}

pub struct ResponseHeader {
    pub name: String,
    pub value: HeaderValue,
    /// Written on the type: a `transparent` field's header of the same name replaces it.
    pub from_type: bool,
}

pub enum HeaderValue {
    Const(String),
    /// A field's `Display`.
    Field(FieldRef),
}

/// A field of the arm, as generated code binds it.
#[derive(Clone)]
pub struct FieldRef {
    pub member: syn::Member,
    pub ty: Box<Type>,
}

/// An extension member of the problem document: a field, under a name.
pub struct ResponseMember {
    pub name: String,
    pub field: FieldRef,
}

/// The problem document's own members (RFC 9457, Section 3.1).
const STANDARD_MEMBERS: [&str; 5] = ["type", "title", "status", "detail", "instance"];

/// Headers the response sets itself, from the problem document.
const SET_BY_RESPONSE: [&str; 3] = ["Content-Type", "Content-Length", "Transfer-Encoding"];

/// Builds the [`ArmResponse`] of one arm, reporting each mistake.
pub struct ResponseBuilder<'e> {
    errors: &'e mut Errors,
    response: ArmResponse,
    /// Where each member name was given, for the error of a second one.
    member_spans: Vec<Span>,
}

impl<'e> ResponseBuilder<'e> {
    pub fn new(errors: &'e mut Errors) -> Self {
        ResponseBuilder {
            errors,
            response: ArmResponse::default(),
            member_spans: Vec::new(),
        }
    }

    /// The constant headers of the type, checked once by [`check_type_parts`].
    pub fn type_parts(&mut self, parts: &ResponseParts) {
        for header in &parts.headers {
            self.push_const(header.name.value(), header.value.value(), true);
        }
    }

    /// The constant headers of a variant, and its `type`. A header that is not valid HTTP is
    /// reported, and kept: the derive fails anyway, and a required header with a bad value is
    /// not also missing.
    pub fn variant_parts(&mut self, parts: &ResponseParts) {
        check_problem_type(self.errors, parts);
        for header in &parts.headers {
            check_header(self.errors, &header.name, Some(&header.value));
            self.push_const(header.name.value(), header.value.value(), false);
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
            };
            if let Some(name) = &attrs.header {
                check_header(self.errors, name, None);
                self.response.headers.push(ResponseHeader {
                    name: name.value(),
                    value: HeaderValue::Field(field.clone()),
                    from_type: false,
                });
            }
            self.member(attrs, field);
        }
    }

    fn member(&mut self, attrs: &FieldAttrs, field: FieldRef) {
        let Some(member) = &attrs.member else {
            return;
        };
        let (name, span) = match (&member.name, &field.member) {
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
            self.errors.at(
                span,
                format_args!(
                    "`{name}` is a standard member of the problem document (RFC 9457, Section \
                     3.1), not an extension member; name this one with `member = \"...\"`"
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
        };
        // A variant's header replaces the type's of the same name.
        let own: Vec<String> = (self.response.headers.iter())
            .filter(|header| !header.from_type)
            .map(|header| header.name.to_ascii_lowercase())
            .collect();
        self.response.headers.retain(|header| {
            !header.from_type || !own.contains(&header.name.to_ascii_lowercase())
        });
        self.response
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

/// The type's constant headers and `type`, checked once for all its variants.
pub fn check_type_parts(errors: &mut Errors, parts: &ResponseParts) {
    check_problem_type(errors, parts);
    for header in &parts.headers {
        check_header(errors, &header.name, Some(&header.value));
    }
}

/// Checks a header name, and a constant value if there is one; reports what is not valid HTTP.
fn check_header(errors: &mut Errors, name: &LitStr, value: Option<&LitStr>) {
    if let Some(message) = header_name_error(&name.value()) {
        errors.at(name.span(), message);
    }
    if let Some(value) = value
        && let Some(message) = header_value_error(&value.value())
    {
        errors.at(value.span(), message);
    }
}

/// `type = "..."` is a URI reference (RFC 9457, Section 3.1.1; RFC 3986, Section 4.1).
fn check_problem_type(errors: &mut Errors, parts: &ResponseParts) {
    if let Some(text) = &parts.problem_type
        && let Some(message) = problem_type_error(&text.value())
    {
        errors.at(text.span(), message);
    }
}

/// Why `text` is not a problem `type`, if it is not: empty, or with a character no URI
/// reference has (RFC 3986, Section 2: spaces, controls, non-ASCII, `"<>\^`{|}`).
pub fn problem_type_error(text: &str) -> Option<String> {
    if text.is_empty() {
        return Some("a problem `type` cannot be empty; leave it out for `about:blank`".to_owned());
    }
    let allowed = |c: char| c.is_ascii_graphic() && !"\"<>\\^`{|}".contains(c);
    let bad = text.chars().find(|&c| !allowed(c))?;
    Some(format!(
        "{text:?} is not a URI reference: {bad:?} is not allowed; the problem `type` is a URI \
         (RFC 9457, Section 3.1.1), such as \"https://example.com/problems/out-of-stock\""
    ))
}

/// Why `name` is not a header name a response may carry, if it is not.
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
    if let Some(own) = SET_BY_RESPONSE
        .iter()
        .find(|own| own.eq_ignore_ascii_case(name))
    {
        return Some(format!(
            "`{own}` is set by the response itself, from the problem document; it cannot be \
             given here"
        ));
    }
    None
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
        names.any(|name| name.eq_ignore_ascii_case(required))
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
             `#[status(header = \"{header}\")]` on a field that holds its value",
            entry.code, entry.reason, entry.reference
        ),
    );
}
