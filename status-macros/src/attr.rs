//! `#[status(...)]` attributes of `#[derive(HttpStatus)]`, and of a `status_enum!` enum.

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Lit, LitInt, LitStr, Meta, Token, token};

use crate::errors::Errors;
use crate::frameworks::Framework;
use crate::registry::closest;

/// A status as the user wrote it: `404`, `NotFound` or `NOT_FOUND`.
#[derive(Clone)]
pub enum StatusRef {
    Code(LitInt),
    Name(Ident),
}

impl StatusRef {
    pub fn span(&self) -> Span {
        match self {
            StatusRef::Code(lit) => lit.span(),
            StatusRef::Name(ident) => ident.span(),
        }
    }

    /// How the user wrote it, for messages that name an earlier entry.
    pub fn text(&self) -> String {
        match self {
            StatusRef::Code(lit) => lit.to_string(),
            StatusRef::Name(ident) => ident.to_string(),
        }
    }

    /// Parses one status; anything else is an error at the offending token.
    pub fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(LitInt) {
            return Ok(StatusRef::Code(input.parse()?));
        }
        if input.peek(Ident) {
            return Ok(StatusRef::Name(input.parse()?));
        }
        if input.peek(Token![-]) && input.peek2(LitInt) {
            let minus: Token![-] = input.parse()?;
            let lit: LitInt = input.parse()?;
            return Err(syn::Error::new_spanned(
                quote::quote!(#minus #lit),
                format_args!(
                    "`-{}` is not an HTTP status code: codes are 100..=599",
                    lit.base10_digits()
                ),
            ));
        }
        if input.peek(Lit) {
            let lit: Lit = input.parse()?;
            let message = match &lit {
                Lit::Str(text) => format!(
                    "expected a status code or name, found a string literal; write `{}` without \
                     quotes",
                    text.value()
                ),
                Lit::Float(_) => "expected an integer status code like `404`, found a float".into(),
                _ => "expected a status code like `404` or a name like `NotFound`".into(),
            };
            return Err(syn::Error::new(lit.span(), message));
        }
        Err(input.error("expected a status code like `404` or a name like `NotFound`"))
    }
}

/// What one `#[status(...)]` says.
#[derive(Clone)]
pub enum StatusAttr {
    /// `#[status(404)]`, `#[status(NotFound)]`, `#[status(NOT_FOUND)]`.
    Status(StatusRef),
    /// `#[status(transparent)]`: delegate to the single field.
    Transparent(Ident),
}

impl StatusAttr {
    fn span(&self) -> Span {
        match self {
            StatusAttr::Status(status) => status.span(),
            StatusAttr::Transparent(word) => word.span(),
        }
    }
}

/// What an item's attributes say about its status.
pub enum Found {
    /// No status given.
    Nothing,
    /// A `#[status]` whose error is already reported.
    Broken,
    Status(StatusAttr),
}

/// `header("Name" = "value")`: a header with a constant value.
#[derive(Clone)]
pub struct ConstHeader {
    pub name: LitStr,
    pub value: LitStr,
}

/// What a type or a variant says of its error response: `header(...)`, `type`, `title` and
/// `detail`. On the type, each applies to every variant (a variant's `type`, `title` and
/// `detail` take precedence; headers add up).
#[derive(Clone, Default)]
pub struct ResponseParts {
    pub headers: Vec<ConstHeader>,
    pub problem_type: Option<LitStr>,
    pub title: Option<LitStr>,
    pub detail: Option<Ident>,
    /// `waive("Name", ...)`: required headers not sent, each with its word.
    pub waive: Vec<LitStr>,
    /// `log = "level"`.
    pub log: Option<LitStr>,
}

impl ResponseParts {
    /// The first of them written, and where, for the error when the type does not say
    /// `response`.
    pub fn first_written(&self) -> Option<(&'static str, Span)> {
        let header = self
            .headers
            .first()
            .map(|header| ("header", header.name.span()));
        let problem_type = self.problem_type.as_ref().map(|text| ("type", text.span()));
        let title = self.title.as_ref().map(|text| ("title", text.span()));
        let detail = self.detail.as_ref().map(|word| ("detail", word.span()));
        let waive = self.waive.first().map(|name| ("waive", name.span()));
        let log = self.log.as_ref().map(|level| ("log", level.span()));
        [header, problem_type, title, detail, waive, log]
            .into_iter()
            .flatten()
            .next()
    }
}

/// `response` on the type: `ErrorResponse`, and the response traits of the frameworks it asks
/// for.
#[derive(Clone)]
pub struct ResponseWord {
    pub word: Ident,
    pub asks: ResponseAsks,
    /// `body = path`: the function whose value is the body.
    pub body: Option<syn::Path>,
    /// `content_type = "..."`: the body's media type.
    pub content_type: Option<LitStr>,
}

impl ResponseWord {
    /// `response(parts)`: no framework impl.
    pub fn parts_only(&self) -> bool {
        matches!(self.asks, ResponseAsks::Parts)
    }
}

/// The framework impls `response` asks for.
#[derive(Clone)]
pub enum ResponseAsks {
    /// `response`: those of every framework whose feature of status-core is on (one must be).
    Frameworks,
    /// `response(axum)`, `response(actix_web)`, `response(axum, actix_web)`: those named, each
    /// with its word; the others may be written by hand.
    Named(Vec<(Framework, Ident)>),
    /// `response(parts)`: none; `problem::ErrorResponse` alone, for impls written by hand.
    Parts,
}

/// Everything the `#[status(...)]` attributes of a type or a variant say.
pub struct ItemAttrs {
    pub status: Found,
    /// `#[status(response)]` on the type: error responses for axum and actix-web.
    pub response: Option<ResponseWord>,
    /// `#[status(openapi)]` on the type: the error responses described for utoipa.
    pub openapi: Option<Ident>,
    /// `#[status(client)]` on the type: the error responses decoded (`problem::FromProblem`).
    pub client: Option<Ident>,
    pub parts: ResponseParts,
    /// `#[status(crate = "path")]` on the type: where status-core is.
    pub crate_path: Option<syn::Path>,
    /// A `#[status(...)]` did not parse (reported): what it said is unknown.
    pub broken: bool,
    /// What a broken `#[status(...)]` of the type may have asked for (it names `response` or
    /// `openapi`, or a word close to one): the impls that keep a failed derive's uses quiet
    /// are those it would have had.
    pub may_ask: MayAsk,
}

/// What a broken type attribute may have asked for.
#[derive(Clone, Copy, Default)]
pub struct MayAsk {
    pub response: bool,
    pub openapi: bool,
    pub client: bool,
}

impl MayAsk {
    /// What `tokens` may mean: a word that is `response` or `openapi`, in any letter case or
    /// close to it.
    fn of(tokens: TokenStream, may_ask: &mut MayAsk) {
        for token in tokens {
            match token {
                proc_macro2::TokenTree::Ident(word) => {
                    let word = word.to_string().to_lowercase();
                    let means = |known: &str| closest(&word, [known]).is_some();
                    may_ask.response |= means("response");
                    may_ask.openapi |= means("openapi");
                    may_ask.client |= means("client");
                }
                proc_macro2::TokenTree::Group(group) => MayAsk::of(group.stream(), may_ask),
                _ => {}
            }
        }
    }
}

/// `member` or `member = "name"` on a field.
pub struct MemberAttr {
    pub word: Ident,
    pub name: Option<LitStr>,
}

/// Everything the `#[status(...)]` attributes of a field say.
#[derive(Default)]
pub struct FieldAttrs {
    /// `transparent`: the field holds the status.
    pub transparent: Option<Ident>,
    /// `header = "Name"`: the field's `Display` is the value of that header.
    pub header: Option<LitStr>,
    /// An extension member of the problem document.
    pub member: Option<MemberAttr>,
    /// `with = path`: the header's value is `path(&field)`'s `Display`.
    pub with: Option<syn::Path>,
    /// A status code or name was written on the field, or its attribute is broken (reported).
    pub misplaced: bool,
}

/// Where the attributes are: each option belongs to some of these.
#[derive(Clone, Copy, PartialEq)]
pub enum Place {
    Type,
    Variant,
    Field,
}

impl Place {
    const ALL: [Place; 3] = [Place::Type, Place::Variant, Place::Field];

    fn name(self) -> &'static str {
        match self {
            Place::Type => "the type",
            Place::Variant => "a variant",
            Place::Field => "a field",
        }
    }

    /// The words its `#[status(...)]` takes besides a status.
    fn words(self) -> &'static [Word] {
        match self {
            Place::Type => TYPE_WORDS,
            Place::Variant => VARIANT_WORDS,
            Place::Field => FIELD_WORDS,
        }
    }

    /// What its `#[status(...)]` takes, in words, for the error of a word it does not know.
    fn takes(self) -> String {
        let mut words: Vec<&str> = Vec::new();
        for word in self.words() {
            if !words.contains(&word.example) {
                words.push(word.example);
            }
        }
        let words: Vec<String> = words.iter().map(|word| format!("`{word}`")).collect();
        let (last, rest) = words.split_last().expect("every place takes words");
        let words = format!("{} or {last}", rest.join(", "));
        match self {
            Place::Type => {
                format!("the type's `#[status(...)]` takes a status (`404` or `NotFound`), {words}")
            }
            Place::Variant => format!(
                "a variant's `#[status(...)]` takes a status (`404` or `NotFound`), {words}"
            ),
            Place::Field => format!("a field's `#[status(...)]` takes {words}"),
        }
    }
}

/// How a word of `#[status(...)]` is written.
#[derive(Clone, Copy, PartialEq)]
enum Form {
    /// `detail`.
    Bare,
    /// `title = "..."`.
    Value,
    /// `header("Name" = "value")`.
    List,
}

/// A word of `#[status(...)]` in one form it takes, and how that is written.
struct Word {
    name: &'static str,
    form: Form,
    example: &'static str,
}

const fn word(name: &'static str, form: Form, example: &'static str) -> Word {
    Word {
        name,
        form,
        example,
    }
}

// The words each place takes besides a status, one table per place: a word is accepted where
// a table lists it in that form, and a word no table lists is matched against the place's
// own for the error. A new word goes in the table of each place it belongs to, and in
// `parse_part` or `parse_keyed`.

/// The words of a type's `#[status(...)]`.
const TYPE_WORDS: &[Word] = &[
    word("transparent", Form::Bare, "transparent"),
    word("response", Form::Bare, "response"),
    word("response", Form::List, "response(parts)"),
    word("openapi", Form::Bare, "openapi"),
    word("client", Form::Bare, "client"),
    word("detail", Form::Bare, "detail"),
    word("header", Form::List, "header(\"Name\" = \"value\")"),
    word("type", Form::Value, "type = \"...\""),
    word("title", Form::Value, "title = \"...\""),
    word("waive", Form::List, "waive(\"Name\")"),
    word("log", Form::Value, "log = \"warn\""),
    word("crate", Form::Value, "crate = \"...\""),
];

/// The words of a variant's `#[status(...)]`.
const VARIANT_WORDS: &[Word] = &[
    word("transparent", Form::Bare, "transparent"),
    word("detail", Form::Bare, "detail"),
    word("header", Form::List, "header(\"Name\" = \"value\")"),
    word("type", Form::Value, "type = \"...\""),
    word("title", Form::Value, "title = \"...\""),
    word("waive", Form::List, "waive(\"Name\")"),
    word("log", Form::Value, "log = \"warn\""),
];

/// The words of a field's `#[status(...)]`.
const FIELD_WORDS: &[Word] = &[
    word("transparent", Form::Bare, "transparent"),
    word("header", Form::Value, "header = \"Name\""),
    word("member", Form::Bare, "member"),
    word("member", Form::Value, "member = \"name\""),
    word("with", Form::Value, "with = path"),
];

/// The places whose table has `name`, in `form` if one is given.
fn places_of(name: &str, form: Option<Form>) -> Vec<Place> {
    let has = |word: &Word| word.name == name && form.is_none_or(|form| word.form == form);
    let places = Place::ALL.into_iter();
    places
        .filter(|place| place.words().iter().any(has))
        .collect()
}

/// Places in words: "the type or a variant".
fn places_text(places: &[Place]) -> String {
    let names: Vec<&str> = places.iter().map(|place| place.name()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

/// The error for a word written at `place` that its table does not have in `form`: a word of
/// another form, of another place, misspelled, or unknown.
fn unknown_word(word: &Ident, form: Form, place: Place) -> String {
    let name = word.to_string();
    let lowercase = name.to_lowercase();
    if lowercase != name && !places_of(&lowercase, None).is_empty() {
        return format!("`{name}` is written in lowercase: `{lowercase}`");
    }
    let own: Vec<&Word> = place.words().iter().filter(|w| w.name == name).collect();
    if let [only] = own.as_slice() {
        return match only.form {
            Form::Bare => format!("`{name}` takes no value: write `{}`", only.example),
            Form::Value => format!("`{name}` takes a value: write `{}`", only.example),
            Form::List => format!("`{name}` takes a list: write `{}`", only.example),
        };
    }
    if !own.is_empty() {
        let examples: Vec<String> = own.iter().map(|w| format!("`{}`", w.example)).collect();
        return format!("`{name}` is written {}", examples.join(" or "));
    }
    let elsewhere = places_of(&name, None);
    if !elsewhere.is_empty() {
        return format!(
            "`{name}` goes on {}, not on {}",
            places_text(&elsewhere),
            place.name()
        );
    }
    let like = |words: &'static [Word]| {
        let best = closest(&name, words.iter().map(|w| w.name))?;
        // Its example in the form written, if it takes that form; else its first.
        let forms = words.iter().filter(|w| w.name == best);
        let mut forms = forms.clone().filter(|w| w.form == form).chain(forms);
        forms
            .next()
            .map(|w| if w.form == form { w.name } else { w.example })
    };
    let unknown = format!("unknown word `{name}` on {}", place.name());
    if let Some(best) = like(place.words()) {
        return format!("{unknown}; did you mean `{best}`?");
    }
    let everywhere = Place::ALL.iter().flat_map(|place| place.words());
    if let Some(best) = closest(&name, everywhere.map(|w| w.name)) {
        let places = places_text(&places_of(best, None));
        return format!("{unknown}; did you mean `{best}`? It goes on {places}");
    }
    format!("{unknown}; {}", place.takes())
}

/// One setting of a `#[status(...)]` list: a status, a word, or a key with its value.
enum Setting {
    Status(StatusAttr),
    Response(ResponseWord),
    OpenApi(Ident),
    Client(Ident),
    Detail(Ident),
    Crate(syn::Path),
    Headers(Vec<ConstHeader>),
    Type(LitStr),
    Title(LitStr),
    FieldHeader(LitStr),
    Member(MemberAttr),
    Waive(Vec<LitStr>),
    Log(LitStr),
    With(syn::Path),
    /// A word no place takes in this form (its value, if any, skipped): misspelled, unknown,
    /// or a known word written as another.
    Unknown(Ident, Form),
}

impl Setting {
    /// The word it is written with, and how; `None` for a status.
    fn word(&self) -> Option<(&'static str, Form)> {
        let word = match self {
            Setting::Status(StatusAttr::Status(_)) | Setting::Unknown(..) => return None,
            Setting::Status(StatusAttr::Transparent(_)) => ("transparent", Form::Bare),
            // Both its forms go on the type alone.
            Setting::Response(_) => ("response", Form::Bare),
            Setting::OpenApi(_) => ("openapi", Form::Bare),
            Setting::Client(_) => ("client", Form::Bare),
            Setting::Detail(_) => ("detail", Form::Bare),
            Setting::Crate(_) => ("crate", Form::Value),
            Setting::Headers(_) => ("header", Form::List),
            Setting::Type(_) => ("type", Form::Value),
            Setting::Title(_) => ("title", Form::Value),
            Setting::FieldHeader(_) => ("header", Form::Value),
            // Both its forms go on a field alone.
            Setting::Member(_) => ("member", Form::Bare),
            Setting::Waive(_) => ("waive", Form::List),
            Setting::Log(_) => ("log", Form::Value),
            Setting::With(_) => ("with", Form::Value),
        };
        Some(word)
    }

    /// The places it may be written, in words, and whether `place` is one.
    fn belongs(&self, place: Place) -> (String, bool) {
        let places = match self.word() {
            Some((name, form)) => places_of(name, Some(form)),
            None => vec![Place::Type, Place::Variant],
        };
        (places_text(&places), places.contains(&place))
    }

    /// How it is written, and where, for errors.
    fn word_and_span(&self) -> (String, Span) {
        match self {
            Setting::Status(status) => ("a status".to_owned(), status.span()),
            Setting::Response(response) => response.word.word_and_span(),
            Setting::OpenApi(word)
            | Setting::Client(word)
            | Setting::Detail(word)
            | Setting::Unknown(word, _) => word.word_and_span(),
            Setting::Crate(path) => ("`crate`".to_owned(), path.span()),
            Setting::Headers(headers) => ("`header(...)`".to_owned(), headers[0].name.span()),
            Setting::Type(text) => ("`type`".to_owned(), text.span()),
            Setting::Title(text) => ("`title`".to_owned(), text.span()),
            Setting::FieldHeader(name) => ("`header = \"...\"`".to_owned(), name.span()),
            Setting::Member(member) => ("`member`".to_owned(), member.word.span()),
            Setting::Waive(names) => ("`waive(...)`".to_owned(), names[0].span()),
            Setting::Log(level) => ("`log`".to_owned(), level.span()),
            Setting::With(path) => ("`with`".to_owned(), path.span()),
        }
    }
}

/// The parts of every `#[status(...)]` of an item at `place`, in order. Each attribute that
/// does not parse is reported; the span of the first such is returned too.
fn parts_of(
    attrs: &[Attribute],
    place: Place,
    errors: &mut Errors,
    may_ask: &mut MayAsk,
) -> (Vec<Setting>, Option<Span>) {
    let mut parts = Vec::new();
    let mut broken = None;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("status")) {
        match parse(attr, place) {
            Ok(found) => parts.extend(found),
            Err(error) => {
                errors.push(error);
                broken.get_or_insert(attr.span());
                MayAsk::of(quote::ToTokens::to_token_stream(&attr.meta), may_ask);
            }
        }
    }
    (parts, broken)
}

/// Parts written where they do not belong, and unknown words, are reported and dropped. The
/// span of the first unknown word is returned too: it may have been meant as anything.
fn placed(
    parts: Vec<Setting>,
    place: Place,
    errors: &mut Errors,
    may_ask: &mut MayAsk,
) -> (Vec<Setting>, Option<Span>) {
    let mut unknown = None;
    let parts = parts
        .into_iter()
        .filter(|part| {
            if let Setting::Unknown(word, form) = part {
                errors.at(word.span(), unknown_word(word, *form, place));
                unknown.get_or_insert(word.span());
                MayAsk::of(quote::ToTokens::to_token_stream(word), may_ask);
                return false;
            }
            let (places, belongs) = part.belongs(place);
            if !belongs {
                let (word, span) = part.word_and_span();
                errors.at(
                    span,
                    format_args!("{word} goes on {places}, not on {}", place.name()),
                );
            }
            belongs
        })
        .collect();
    (parts, unknown)
}

/// Reads the `#[status(...)]` attributes of a type or a variant: at most one status, the
/// response parts, and on the type the options `response`, `openapi` and `crate`, in one
/// attribute or several. Errors are added to `errors`.
pub fn item_attrs(attrs: &[Attribute], place: Place, errors: &mut Errors) -> ItemAttrs {
    let mut may_ask = MayAsk::default();
    let (parts, broken) = parts_of(attrs, place, errors, &mut may_ask);
    let (parts, unknown) = placed(parts, place, errors, &mut may_ask);
    // An unknown word may have been meant as the status: like a broken attribute, it keeps
    // the item from being reported as having none.
    let broken = broken.or(unknown);
    let mut status: Option<(Span, Found)> = broken.map(|span| (span, Found::Broken));
    let mut response = None;
    let mut openapi = None;
    let mut client = None;
    let mut said = ResponseParts::default();
    let mut crate_path = None;
    for part in parts {
        match part {
            Setting::Status(found) => {
                let span = found.span();
                if let Some((first, Found::Status(_))) = &status {
                    errors.at(span, "the status is given twice; keep one");
                    errors.at(*first, "the first status is here");
                } else {
                    // After a broken attribute too: the variants are not then reported as
                    // having no status.
                    status = Some((span, Found::Status(found)));
                }
            }
            Setting::Response(word) => once(&mut response, word, errors),
            Setting::OpenApi(word) => once(&mut openapi, word, errors),
            Setting::Client(word) => once(&mut client, word, errors),
            Setting::Detail(word) => once(&mut said.detail, word, errors),
            Setting::Crate(path) => once(&mut crate_path, path, errors),
            Setting::Headers(headers) => said.headers.extend(headers),
            Setting::Type(text) => once_text(&mut said.problem_type, text, "type", errors),
            Setting::Title(text) => once_text(&mut said.title, text, "title", errors),
            Setting::Waive(names) => said.waive.extend(names),
            Setting::Log(level) => once_text(&mut said.log, level, "log", errors),
            // Refused by `placed`.
            Setting::FieldHeader(_)
            | Setting::Member(_)
            | Setting::With(_)
            | Setting::Unknown(..) => {}
        }
    }
    // A misspelled `response` is reported as such.
    if place == Place::Type
        && response.is_none()
        && unknown.is_none()
        && let Some((word, span)) = said.first_written()
    {
        errors.at(span, without_response(word));
    }
    // What OpenAPI describes is the error responses: without them there is nothing to describe.
    if let (None, None, Some(word)) = (&response, unknown, &openapi) {
        errors.at(
            word.span(),
            "`openapi` describes the error responses: add `response` to the type's \
             `#[status(...)]`",
        );
    }
    // What the client decodes is the error responses: without them there is nothing to decode.
    if let (None, None, Some(word)) = (&response, unknown, &client) {
        errors.at(
            word.span(),
            "`client` decodes the error responses: add `response` to the type's \
             `#[status(...)]`",
        );
    }
    ItemAttrs {
        broken: broken.is_some(),
        may_ask,
        status: status.map_or(Found::Nothing, |(_, found)| found),
        response,
        openapi,
        client,
        parts: said,
        crate_path,
    }
}

/// The error for a word of error responses on a type that does not say `response`.
pub fn without_response(word: &str) -> String {
    format!("`{word}` applies to error responses: add `response` to the type's `#[status(...)]`")
}

/// Reads the `#[status(...)]` attributes of a field: `transparent`, `header = "Name"`,
/// `member`, `member = "name"`. `owner` names what the field is in, for errors.
pub fn field_attrs(field: &syn::Field, owner: &str, errors: &mut Errors) -> FieldAttrs {
    let (parts, broken) = parts_of(&field.attrs, Place::Field, errors, &mut MayAsk::default());
    let mut attrs = FieldAttrs {
        misplaced: broken.is_some(),
        ..FieldAttrs::default()
    };
    for part in parts {
        match part {
            Setting::Status(StatusAttr::Status(status)) => {
                attrs.misplaced = true;
                errors.at(
                    status.span(),
                    format_args!(
                        "a status goes on the {owner}, not on a field; to take the status from \
                         this field, write `#[status(transparent)]` on it"
                    ),
                );
            }
            Setting::Status(StatusAttr::Transparent(word)) => {
                once(&mut attrs.transparent, word, errors)
            }
            Setting::FieldHeader(name) => once_text(&mut attrs.header, name, "header", errors),
            Setting::Member(member) => once(&mut attrs.member, member, errors),
            Setting::With(path) => once(&mut attrs.with, path, errors),
            part => {
                let (_, unknown) = placed(vec![part], Place::Field, errors, &mut MayAsk::default());
                attrs.misplaced |= unknown.is_some();
            }
        }
    }
    attrs
}

/// What can be given at most once, and how it is named in the error when it is not.
trait GivenOnce {
    fn word_and_span(&self) -> (String, Span);
}

impl GivenOnce for Ident {
    fn word_and_span(&self) -> (String, Span) {
        (format!("`{self}`"), self.span())
    }
}

impl GivenOnce for syn::Path {
    fn word_and_span(&self) -> (String, Span) {
        ("`crate`".to_owned(), self.span())
    }
}

impl GivenOnce for ResponseWord {
    fn word_and_span(&self) -> (String, Span) {
        self.word.word_and_span()
    }
}

impl GivenOnce for MemberAttr {
    fn word_and_span(&self) -> (String, Span) {
        self.word.word_and_span()
    }
}

/// Sets an option that may be given once.
fn once<T: GivenOnce>(slot: &mut Option<T>, value: T, errors: &mut Errors) {
    if slot.is_some() {
        let (word, span) = value.word_and_span();
        errors.at(span, format_args!("{word} is given twice"));
    } else {
        *slot = Some(value);
    }
}

/// Sets a `key = "text"` option that may be given once.
fn once_text(slot: &mut Option<LitStr>, text: LitStr, key: &str, errors: &mut Errors) {
    if slot.is_some() {
        errors.at(text.span(), format_args!("`{key}` is given twice"));
    } else {
        *slot = Some(text);
    }
}

fn parse(attr: &Attribute, place: Place) -> syn::Result<Vec<Setting>> {
    match &attr.meta {
        Meta::List(list) if !list.tokens.is_empty() => list.parse_args_with(parse_parts),
        _ if place == Place::Field => Err(syn::Error::new_spanned(
            attr,
            "write what the field is in the attribute: `#[status(transparent)]` (it holds the \
             status), `#[status(header = \"Name\")]` or `#[status(member)]`",
        )),
        _ => Err(syn::Error::new_spanned(
            attr,
            "write the status in the attribute: `#[status(404)]`, `#[status(NotFound)]` \
             or `#[status(transparent)]`",
        )),
    }
}

fn parse_parts(input: ParseStream) -> syn::Result<Vec<Setting>> {
    let mut parts = Vec::new();
    loop {
        parts.push(parse_part(input)?);
        if input.is_empty() {
            return Ok(parts);
        }
        if !input.peek(Token![,]) {
            let rest: TokenStream = input.parse()?;
            return Err(syn::Error::new_spanned(
                rest,
                "`#[status(...)]` takes one status (a code, a name, or `transparent`) and \
                 options such as `response` or `header(...)`, separated by commas",
            ));
        }
        input.parse::<Token![,]>()?;
        if input.is_empty() {
            return Ok(parts);
        }
    }
}

fn parse_part(input: ParseStream) -> syn::Result<Setting> {
    if input.peek(Token![crate]) && input.peek2(Token![=]) {
        return Ok(Setting::Crate(parse_crate_path(input)?));
    }
    if input.peek(Token![type]) && input.peek2(Token![=]) {
        input.parse::<Token![type]>()?;
        input.parse::<Token![=]>()?;
        return Ok(Setting::Type(text(input, "type")?));
    }
    // `type` and `crate` written otherwise are words all the same.
    if input.peek(Token![type]) || input.peek(Token![crate]) {
        let word = input.call(Ident::parse_any)?;
        return unknown(word, input);
    }
    if input.peek(Ident) && (input.peek2(Token![=]) || input.peek2(token::Paren)) {
        return parse_keyed(input);
    }
    if input.peek(Ident) {
        let word = input.fork().parse::<Ident>()?;
        let part = match word.to_string().as_str() {
            "transparent" => Some(Setting::Status(StatusAttr::Transparent(word))),
            "response" => Some(Setting::Response(ResponseWord {
                word,
                asks: ResponseAsks::Frameworks,
                body: None,
                content_type: None,
            })),
            "openapi" => Some(Setting::OpenApi(word)),
            "client" => Some(Setting::Client(word)),
            "detail" => Some(Setting::Detail(word)),
            "member" => Some(Setting::Member(MemberAttr { word, name: None })),
            // Status names are UpperCamelCase or SCREAMING_SNAKE_CASE: a lowercase word is
            // one of ours, misspelled, or none.
            name if name.starts_with(|c: char| c.is_ascii_lowercase()) => {
                Some(Setting::Unknown(word, Form::Bare))
            }
            // `Response`, `DETAIL`: one of ours in another letter case, not a status name.
            name if !places_of(&name.to_lowercase(), None).is_empty() => {
                Some(Setting::Unknown(word, Form::Bare))
            }
            _ => None,
        };
        if let Some(part) = part {
            input.parse::<Ident>()?;
            return Ok(part);
        }
    }
    Ok(Setting::Status(StatusAttr::Status(StatusRef::parse(
        input,
    )?)))
}

/// A word no place takes in the form it is written, with its value (`= ...` up to the next
/// comma, or `(...)`) skipped.
fn unknown(word: Ident, input: ParseStream) -> syn::Result<Setting> {
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        while !input.is_empty() && !input.peek(Token![,]) {
            input.parse::<proc_macro2::TokenTree>()?;
        }
        return Ok(Setting::Unknown(word, Form::Value));
    }
    if input.peek(token::Paren) {
        input.parse::<proc_macro2::Group>()?;
        return Ok(Setting::Unknown(word, Form::List));
    }
    Ok(Setting::Unknown(word, Form::Bare))
}

/// The string literal of `key = "..."`.
fn text(input: ParseStream, key: &str) -> syn::Result<LitStr> {
    if input.peek(LitStr) {
        return input.parse();
    }
    Err(input.error(format_args!(
        "`{key}` takes a string literal: `{key} = \"...\"`"
    )))
}

/// One `"Name" = "value"` of `header(...)`, each mistake said in its terms.
fn const_header(input: ParseStream) -> syn::Result<ConstHeader> {
    const FORM: &str = "`header(\"Name\" = \"value\")`, both strings";
    if !input.peek(LitStr) {
        return Err(input.error(format_args!("a header's name is a string: {FORM}")));
    }
    let name: LitStr = input.parse()?;
    if input.peek(Token![=]) && !input.peek(Token![=>]) {
        input.parse::<Token![=]>()?;
    } else {
        return Err(input.error(format_args!(
            "write `=` between the header's name and its value: {FORM}"
        )));
    }
    if !input.peek(LitStr) {
        return Err(input.error(format_args!("a header's value is a string: {FORM}")));
    }
    let value: LitStr = input.parse()?;
    Ok(ConstHeader { name, value })
}

/// `header(...)`, `header = "..."`, `member = "..."`, `title = "..."`; any other word with a
/// value or a list is unknown.
fn parse_keyed(input: ParseStream) -> syn::Result<Setting> {
    let key: Ident = input.parse()?;
    match (key.to_string().as_str(), input.peek(Token![=])) {
        ("header", false) => {
            let content;
            syn::parenthesized!(content in input);
            let pairs = content.parse_terminated(const_header, Token![,])?;
            if pairs.is_empty() {
                return Err(syn::Error::new(
                    key.span(),
                    "write the header in it: `header(\"Name\" = \"value\")`",
                ));
            }
            Ok(Setting::Headers(pairs.into_iter().collect()))
        }
        ("header", true) => {
            input.parse::<Token![=]>()?;
            Ok(Setting::FieldHeader(text(input, "header")?))
        }
        ("response", false) => {
            let content;
            syn::parenthesized!(content in input);
            Ok(Setting::Response(parse_response_list(key, &content)?))
        }
        ("member", true) => {
            input.parse::<Token![=]>()?;
            Ok(Setting::Member(MemberAttr {
                word: key,
                name: Some(text(input, "member")?),
            }))
        }
        ("title", true) => {
            input.parse::<Token![=]>()?;
            Ok(Setting::Title(text(input, "title")?))
        }
        ("log", true) => {
            input.parse::<Token![=]>()?;
            Ok(Setting::Log(text(input, "log")?))
        }
        ("with", true) => {
            input.parse::<Token![=]>()?;
            Ok(Setting::With(function_path(input, "with")?))
        }
        ("waive", false) => {
            let content;
            syn::parenthesized!(content in input);
            let names = content.parse_terminated(waived_name, Token![,])?;
            if names.is_empty() {
                return Err(syn::Error::new(
                    key.span(),
                    "name the headers in it: `waive(\"WWW-Authenticate\")`",
                ));
            }
            Ok(Setting::Waive(names.into_iter().collect()))
        }
        _ => unknown(key, input),
    }
}

/// One header name of `waive(...)`.
fn waived_name(input: ParseStream) -> syn::Result<LitStr> {
    if input.peek(LitStr) {
        return input.parse();
    }
    Err(input.error("`waive(...)` takes header names as strings: `waive(\"WWW-Authenticate\")`"))
}

/// The path of a function, after `key =`: `with = path`, `body = path`. A string holding a
/// path is read as the path.
fn function_path(input: ParseStream, key: &str) -> syn::Result<syn::Path> {
    if input.peek(LitStr) {
        let text: LitStr = input.parse()?;
        if !text.suffix().is_empty() {
            return Err(suffix_error(&text));
        }
        return text.parse::<syn::Path>().map_err(|_| {
            syn::Error::new(
                text.span(),
                format_args!("`{key}` takes the path of a function: `{key} = path`"),
            )
        });
    }
    input.parse::<syn::Path>().map_err(|error| {
        syn::Error::new(
            error.span(),
            format_args!("`{key}` takes the path of a function: `{key} = path`"),
        )
    })
}

/// What `response(...)` takes, for errors.
const RESPONSE_WORDS: &str = "`response(...)` takes `axum` or `actix_web` (that framework's \
     response trait; the other may be written by hand), or `parts` (`problem::ErrorResponse` \
     alone, for framework impls written by hand), and `body = path` with `content_type = \"...\"` \
     (a body of your own)";

/// The list of `response(...)`: frameworks, or `parts` alone. Every mistake in it is reported.
fn parse_response_list(word: Ident, content: ParseStream) -> syn::Result<ResponseWord> {
    let mut errors = Errors::new();
    let mut named: Vec<(Framework, Ident)> = Vec::new();
    let mut parts: Option<Ident> = None;
    let mut body: Option<(Ident, syn::Path)> = None;
    let mut content_type: Option<(Ident, LitStr)> = None;
    if content.is_empty() {
        return Err(syn::Error::new(
            word.span(),
            format_args!(
                "`response()` names nothing: write `response` for every framework whose feature \
                 is on; {RESPONSE_WORDS}"
            ),
        ));
    }
    while !content.is_empty() {
        let Some(item) = content.parse::<Option<Ident>>()? else {
            let token: proc_macro2::TokenTree = content.parse()?;
            let quoted = syn::parse2::<LitStr>(token.clone().into()).ok();
            let message = match quoted {
                Some(text) => format!("write `{}` without quotes, as a word", text.value()),
                None => format!("expected a word; {RESPONSE_WORDS}"),
            };
            errors.push(syn::Error::new_spanned(token, message));
            break;
        };
        if content.peek(Token![=]) && (item == "body" || item == "content_type") {
            content.parse::<Token![=]>()?;
            if item == "body" {
                let path = function_path(content, "body")?;
                match &body {
                    Some(_) => errors.at(item.span(), "`body` is given twice"),
                    None => body = Some((item, path)),
                }
            } else {
                let text = text(content, "content_type")?;
                match &content_type {
                    Some(_) => errors.at(item.span(), "`content_type` is given twice"),
                    None => content_type = Some((item, text)),
                }
            }
        } else {
            word_of_response(item, content, &mut named, &mut parts, &mut errors)?;
        }
        if content.is_empty() {
            break;
        }
        if !content.peek(Token![,]) {
            let rest: TokenStream = content.parse()?;
            errors.push(syn::Error::new_spanned(
                rest,
                "separate the words of `response(...)` with commas: `response(axum, actix_web)`",
            ));
            break;
        }
        content.parse::<Token![,]>()?;
    }
    if let (Some((word, _)), None) = (&content_type, &body) {
        errors.at(
            word.span(),
            "`content_type` is the media type of a body of your own: it goes with `body = path`",
        );
    }
    if let Some(error) = errors.into_error() {
        return Err(error);
    }
    let asks = match parts {
        Some(_) => ResponseAsks::Parts,
        // `response(body = ...)`: every framework, as `response`.
        None if named.is_empty() => ResponseAsks::Frameworks,
        None => ResponseAsks::Named(named),
    };
    Ok(ResponseWord {
        word,
        asks,
        body: body.map(|(_, path)| path),
        content_type: content_type.map(|(_, text)| text),
    })
}

/// A word of `response(...)`: a framework, `parts`, or a mistake (reported).
fn word_of_response(
    item: Ident,
    content: ParseStream,
    named: &mut Vec<(Framework, Ident)>,
    parts: &mut Option<Ident>,
    errors: &mut Errors,
) -> syn::Result<()> {
    let framework = Framework::ALL.into_iter().find(|f| item == f.word());
    let mut given = named.iter().map(|(_, w)| w).chain(parts.iter());
    let mixed = "`parts` goes alone: `response(parts)` implements no framework's trait, and \
                     `response(axum)` axum's; keep one of the two";
    if let Some(first) = given.find(|given| **given == item) {
        errors.at(item.span(), format_args!("`{item}` is given twice"));
        errors.at(first.span(), "the first is here");
    } else if let Some(framework) = framework {
        if parts.is_some() {
            errors.at(item.span(), mixed);
        }
        named.push((framework, item));
    } else if item == "parts" {
        if !named.is_empty() {
            errors.at(item.span(), mixed);
        }
        *parts = Some(item);
    } else if item == "body" || item == "content_type" {
        let example = match item.to_string().as_str() {
            "body" => "body = path",
            _ => "content_type = \"application/json\"",
        };
        errors.at(
            item.span(),
            format_args!("`{item}` takes a value: write `{example}` in `response(...)`"),
        );
    } else if item == "actix" && content.peek(Token![-]) {
        // `actix-web`, the package's name: three tokens.
        let hyphen: Token![-] = content.parse()?;
        let rest: Option<Ident> = content.parse()?;
        errors.push(syn::Error::new_spanned(
            quote::quote!(#item #hyphen #rest),
            "write `actix_web`, with an underscore, as in Rust paths",
        ));
    } else {
        let known: Vec<&str> = Framework::ALL.iter().map(|f| f.word()).collect();
        let known = [known.as_slice(), &["parts"]].concat();
        let hint = match crate::registry::closest(&item.to_string(), known) {
            Some(close) => format!("did you mean `{close}`? "),
            None => String::new(),
        };
        errors.at(
            item.span(),
            format_args!("unknown word `{item}` in `response(...)`; {hint}{RESPONSE_WORDS}"),
        );
    }
    Ok(())
}

/// `crate = "path"`: the path of status-core, for a crate that renamed the dependency.
fn parse_crate_path(input: ParseStream) -> syn::Result<syn::Path> {
    input.parse::<Token![crate]>()?;
    input.parse::<Token![=]>()?;
    let text = text(input, "crate")?;
    if !text.suffix().is_empty() {
        return Err(suffix_error(&text));
    }
    text.parse::<syn::Path>().map_err(|_| {
        syn::Error::new(
            text.span(),
            format_args!(
                "`{}` is not a path; write the name status-core has in this crate, such as \
                 `crate = \"status\"`",
                text.value()
            ),
        )
    })
}

/// The error of a string literal with a suffix (`"X-A"sfx`), which would be dropped.
pub fn suffix_error(text: &LitStr) -> syn::Error {
    syn::Error::new(
        text.span(),
        format_args!(
            "a string here takes no suffix: write {:?} without `{}`",
            text.value(),
            text.suffix()
        ),
    )
}

/// What `#[status(...)]` on a `status_enum!` enum says: the impls of other crates' traits it
/// opts in to, and where status-core is.
#[derive(Default)]
pub struct EnumOptions {
    pub http: Option<OptInWord>,
    pub serde: Option<OptInWord>,
    pub openapi: Option<OptInWord>,
    pub crate_path: Option<syn::Path>,
}

/// A word such as `serde`, and the `cfg` predicate it is under when it came from
/// `#[cfg_attr(predicate, status(serde))]`.
#[derive(Clone)]
pub struct OptInWord {
    pub word: Ident,
    pub cfg: Option<Meta>,
}

/// A `#[status(...)]` of a `status_enum!` enum, or one under `#[cfg_attr(predicate, ...)]`.
pub struct EnumAttr {
    pub list: syn::MetaList,
    pub cfg: Option<Meta>,
}

impl EnumAttr {
    /// `#[status(...)]` or `#[cfg_attr(predicate, status(...))]`; anything else is not ours.
    pub fn from_attr(attr: &Attribute) -> Option<syn::Result<Self>> {
        if attr.path().is_ident("status") {
            return Some(match &attr.meta {
                Meta::List(list) if !list.tokens.is_empty() => Ok(EnumAttr {
                    list: list.clone(),
                    cfg: None,
                }),
                _ => Err(syn::Error::new_spanned(
                    attr,
                    "write what the enum opts in to: `#[status(http, serde)]`",
                )),
            });
        }
        if !attr.path().is_ident("cfg_attr") {
            return None;
        }
        let parsed = attr.parse_args_with(|input: ParseStream| {
            let cfg: Meta = input.parse()?;
            input.parse::<Token![,]>()?;
            let inner: Meta = input.parse()?;
            let _: Option<Token![,]> = input.parse()?;
            Ok((cfg, inner, input.is_empty()))
        });
        match parsed {
            Ok((cfg, Meta::List(list), true)) if list.path.is_ident("status") => {
                Some(Ok(EnumAttr {
                    list,
                    cfg: Some(cfg),
                }))
            }
            _ => None,
        }
    }
}

/// Reads the `#[status(...)]` attributes of a `status_enum!` enum.
pub fn enum_options(attrs: &[EnumAttr], errors: &mut Errors) -> EnumOptions {
    let mut options = EnumOptions::default();
    for attr in attrs {
        let parsed = attr.list.parse_args_with(|input: ParseStream| {
            parse_enum_options(input, &attr.cfg, &mut options)
        });
        if let Err(error) = parsed {
            errors.push(error);
        }
    }
    options
}

fn parse_enum_options(
    input: ParseStream,
    cfg: &Option<Meta>,
    options: &mut EnumOptions,
) -> syn::Result<()> {
    while !input.is_empty() {
        if input.peek(Token![crate]) && input.peek2(Token![=]) {
            let path = parse_crate_path(input)?;
            if options.crate_path.is_some() || cfg.is_some() {
                return Err(syn::Error::new_spanned(
                    path,
                    "`crate` is given once, outside `cfg_attr`",
                ));
            }
            options.crate_path = Some(path);
        } else {
            let word: Ident = input.parse()?;
            let slot = match word.to_string().as_str() {
                "http" => &mut options.http,
                "serde" => &mut options.serde,
                "openapi" => &mut options.openapi,
                _ => {
                    return Err(syn::Error::new(
                        word.span(),
                        format_args!(
                            "unknown word `{word}` in `#[status(...)]` of a status enum; \
                             expected `http`, `serde`, `openapi` or `crate = \"...\"`"
                        ),
                    ));
                }
            };
            if slot.is_some() {
                return Err(syn::Error::new(
                    word.span(),
                    format_args!("`{word}` is given twice"),
                ));
            }
            *slot = Some(OptInWord {
                word,
                cfg: cfg.clone(),
            });
        }
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
        }
    }
    Ok(())
}
