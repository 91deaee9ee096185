//! Checks of `#[derive(HttpStatus)]`: each variant's status against the registry, and what its
//! error response says against RFC 9110 (the header rules are in `response.rs`).

use proc_macro2::Span;
use syn::{Ident, Type};

use super::response::HeaderValue;
use super::response::{
    ArmResponse, ResponseBuilder, TypeChecks, check_type_parts, check_type_waivers,
    content_type_error, missing_headers, report_missing_header,
};
use super::status::{FormerName, Resolved, TypeParams, resolve};
use crate::ast::{DeriveData, DeriveFields, DeriveInput, DeriveVariant};
use crate::attr::StatusRef;
use crate::attr::{Found, ResponseAsks, ResponseParts, ResponseWord, StatusAttr, suffix_error};
use crate::context::Context;
use crate::errors::Errors;
use crate::frameworks::Framework;
use crate::registry::{Entry, Registry};

/// How a derived type (or one variant of it) gets its status.
pub enum Mapping<'r> {
    /// A registered status, the same for every value.
    Fixed(&'r Entry),
    /// Delegated to a field: the single one, or the one that says `transparent`.
    Transparent {
        member: syn::Member,
        ty: Box<Type>,
        /// `T` when the field is a `Box<T>`, `Rc<T>` or `Arc<T>`: the status is the pointee's,
        /// read through the pointer (no impl of `HttpStatus` for the pointers themselves).
        pointee: Option<Box<Type>>,
        /// The status type names a type parameter: the impls bound it, and what method
        /// resolution finds out about a concrete type (its response parts, its OpenAPI
        /// responses) cannot be asked of it.
        generic: bool,
    },
}

impl Mapping<'_> {
    /// The type whose `HttpStatus` gives a transparent status: the pointee, else the field's
    /// type; `None` for a fixed status.
    pub fn status_type(&self) -> Option<&Type> {
        match self {
            Mapping::Fixed(_) => None,
            Mapping::Transparent { ty, pointee, .. } => Some(pointee.as_deref().unwrap_or(ty)),
        }
    }

    /// A transparent mapping to `field`, seen through a smart pointer.
    fn transparent(member: syn::Member, field: &syn::Field, params: &TypeParams) -> Self {
        let pointee = pointee(&field.ty);
        Mapping::Transparent {
            member,
            ty: Box::new(field.ty.clone()),
            generic: params.mentioned_by(pointee.unwrap_or(&field.ty)),
            pointee: pointee.map(|ty| Box::new(ty.clone())),
        }
    }
}

/// `T` of a type written `&T`, `&mut T`, `Box<T>`, `Rc<T>` or `Arc<T>` (by the last segment of
/// its path, so `std::boxed::Box<T>` and `alloc::sync::Arc<T>` too), which dereference to `T`.
fn pointee(ty: &Type) -> Option<&Type> {
    let path = match ty {
        // `&T` and `&mut T` too: their `HttpStatus` is their referent's, and so are its
        // response parts.
        Type::Reference(reference) => return Some(&reference.elem),
        Type::Path(path) => path,
        _ => return None,
    };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if !["Box", "Rc", "Arc"].iter().any(|name| last.ident == name) {
        return None;
    }
    let syn::PathArguments::AngleBracketed(arguments) = &last.arguments else {
        return None;
    };
    let mut arguments = arguments.args.iter();
    match (arguments.next(), arguments.next()) {
        (Some(syn::GenericArgument::Type(pointee)), None) => Some(pointee),
        _ => None,
    }
}

/// One arm of the derived impl: a variant (or, for a struct, `None`), its mapping, and what
/// its error response carries.
pub struct DeriveArm<'r> {
    pub variant: Option<Ident>,
    /// The doc comment of the variant (of the struct), for OpenAPI.
    pub doc: Option<String>,
    pub mapping: Mapping<'r>,
    /// Empty unless the type says `response`.
    pub response: ArmResponse,
}

pub struct CheckedDerive<'r> {
    /// The type's name and generics, as written.
    pub ident: Ident,
    pub generics: syn::Generics,
    pub arms: Vec<DeriveArm<'r>>,
    pub former_names: Vec<FormerName<'r>>,
    /// `#[status(response)]`, when the type says it.
    pub response: Option<CheckedResponse>,
    /// `#[status(openapi)]`: the word, when the type says it along with a derived response.
    pub openapi: Option<Ident>,
    /// `#[status(client)]`, with `response`: the arms a client decodes.
    pub client: Option<super::client::CheckedClient>,
    /// How generated code names status-core.
    pub runtime: syn::Path,
}

/// What a type whose derive failed asked for, so that the impls that keep its uses quiet
/// are those of the traits it asked for.
pub struct Fallback {
    pub ident: Ident,
    pub generics: syn::Generics,
    pub runtime: syn::Path,
    pub response: Option<CheckedResponse>,
    pub openapi: bool,
    /// It asked for `client` (with `response`): `FromProblem` too.
    pub client: bool,
}

impl Fallback {
    /// What `input` asked for, read without the registry (which may be what failed).
    pub fn of(input: &DeriveInput, context: &Context) -> Self {
        let attrs = &input.attrs;
        // A broken attribute that may have asked for responses is taken to have: the
        // handlers that return the type then add no errors of their own.
        let may_ask = attrs.may_ask;
        let assumed = may_ask.response.then(|| ResponseWord {
            word: Ident::new("response", input.ident.span()),
            asks: ResponseAsks::Frameworks,
            body: None,
            content_type: None,
        });
        let response = (attrs.response.as_ref().or(assumed.as_ref()))
            .map(|word| CheckedResponse::new(word, context));
        let openapi = attrs.openapi.is_some() || may_ask.openapi;
        let derived = response
            .as_ref()
            .is_some_and(|response| !response.parts_only() || response.body.is_some());
        Fallback {
            ident: input.ident.clone(),
            generics: input.generics.clone(),
            runtime: runtime_of(input, context),
            openapi: openapi && derived,
            client: (attrs.client.is_some() || may_ask.client) && response.is_some(),
            response,
        }
    }
}

/// How generated code names status-core for this type.
fn runtime_of(input: &DeriveInput, context: &Context) -> syn::Path {
    let crate_path = input.attrs.crate_path.clone();
    crate_path.unwrap_or_else(|| context.runtime.clone())
}

/// Checks the parsed derive input; every mistake is added to `errors`.
pub fn check_derive<'r>(
    input: &DeriveInput,
    registry: &'r Registry,
    context: &Context,
    errors: &mut Errors,
) -> CheckedDerive<'r> {
    let mut checker = Checker {
        registry,
        errors,
        former_names: Vec::new(),
        response: input.attrs.response.is_some(),
        type_attrs_broken: input.attrs.broken,
        type_parts: &input.attrs.parts,
        default_missing: Vec::new(),
        type_checks: TypeChecks::new(matches!(input.data, DeriveData::Struct(_))),
        params: TypeParams::of(input.generics),
    };
    checker.errors.extend(input.attr_errors.as_ref());
    if checker.response {
        check_type_parts(checker.errors, &input.attrs.parts);
    }
    // `response(parts)` without `body`: what the hand-written impls send is unknown.
    let hand_written = input
        .attrs
        .response
        .as_ref()
        .is_some_and(|word| word.parts_only() && word.body.is_none());
    if let Some(text) = (input.attrs.response.as_ref()).and_then(|word| word.content_type.as_ref())
    {
        if !text.suffix().is_empty() {
            checker.errors.push(suffix_error(text));
        } else if let Some(message) = content_type_error(&text.value()) {
            checker.errors.at(text.span(), message);
        }
    }
    if let (true, Some(word)) = (hand_written, &input.attrs.openapi) {
        checker.errors.at(
            word.span(),
            "`openapi` describes what the derived responses send, and `response(parts)` leaves \
             the framework impls to you: the document would describe a problem+json body that \
             they may not send; drop `openapi`, or say `response` (or `response(axum)`, \
             `response(actix_web)`) to have the derive send it, or say what the body is with \
             `response(parts, body = path)`",
        );
    }
    let arms = match &input.data {
        DeriveData::Union(span) => {
            checker.errors.at(
                *span,
                "`HttpStatus` cannot be derived for a union; use an enum or a struct",
            );
            Vec::new()
        }
        DeriveData::Struct(fields) => checker.struct_arm(input, fields).into_iter().collect(),
        DeriveData::Enum(variants) => checker.enum_arms(input, variants),
    };
    let mut arms = arms;
    if checker.response && !input.attrs.parts.waive.is_empty() {
        let mut required = Vec::new();
        let mut run_time = false;
        for arm in &arms {
            match arm.mapping {
                Mapping::Fixed(entry) => required.extend(entry.facts.requires.iter().cloned()),
                Mapping::Transparent { .. } => run_time = true,
            }
        }
        check_type_waivers(checker.errors, &input.attrs.parts, &required, run_time);
    }
    mark_generic_fields(&mut arms, &TypeParams::of(input.generics));
    for arm in &mut arms {
        // A field whose type is a type parameter may hide its detail, and what it hides may be
        // in the outer `Display`: the type's `detail` does not show it, only the variant's own.
        if let Mapping::Transparent { generic: true, .. } = arm.mapping {
            arm.response.detail = arm.response.own.detail;
        }
    }
    let client = super::client::check_client(input, &arms, checker.errors);
    CheckedDerive {
        ident: input.ident.clone(),
        generics: input.generics.clone(),
        client,
        arms,
        former_names: checker.former_names,
        response: (input.attrs.response.as_ref()).map(|word| CheckedResponse::new(word, context)),
        openapi: input
            .attrs
            .openapi
            .clone()
            .filter(|_| input.attrs.response.is_some() && !hand_written),
        runtime: runtime_of(input, context),
    }
}

/// Marks the header and member fields whose type names a type parameter: the derived impls
/// bound them.
fn mark_generic_fields(arms: &mut [DeriveArm], params: &TypeParams) {
    for arm in arms {
        let response = &mut arm.response;
        let headers = response
            .headers
            .iter_mut()
            .filter_map(|header| match &mut header.value {
                HeaderValue::Field(field, _) => Some(field),
                HeaderValue::Const(_) => None,
            });
        let members = response.members.iter_mut().map(|member| &mut member.field);
        for field in headers.chain(members) {
            field.generic = params.mentioned_by(&field.ty);
        }
    }
}

/// The framework impls a `response` type asks for, checked against the crate's manifest.
pub struct CheckedResponse {
    /// `response`, where an error that concerns the word as a whole points.
    pub word: Ident,
    pub asks: Asks,
    /// `response(body = path)`: the body's function and media type.
    pub body: Option<Body>,
}

/// A body of the type's own: `path(&error)` serialized, sent as `content_type`.
pub struct Body {
    pub path: syn::Path,
    pub content_type: String,
}

/// What `response` asks for.
pub enum Asks {
    /// `response` in a crate that depends on no framework itself (they come through another
    /// crate of its): the impls of every framework whose feature is on, and an error at the
    /// word if none is.
    EveryFrameworkOn(Vec<FrameworkImpl>),
    /// `response(axum)`, `response(actix_web)`, or `response` in a crate that depends on
    /// frameworks itself: those, each an error at its word if its feature is off. A feature
    /// turned on for another crate's framework adds nothing here.
    Named(Vec<FrameworkImpl>),
    /// `response(parts)`: `problem::ErrorResponse` alone.
    Parts,
}

/// A framework's response impl, as asked for.
pub struct FrameworkImpl {
    pub framework: Framework,
    /// What asked for it, where the error points if status-core's feature for it is off.
    pub asked_by: Option<AskedBy>,
    /// The crate's own requirement of the framework, when it asks for another version than
    /// status-core implements: an error, at the word, if status-core's feature for it is on.
    pub other_version: Option<String>,
}

/// What asked for a framework's response impl.
pub enum AskedBy {
    /// Its word in `response(...)`.
    Name(Ident),
    /// `response`, in a crate that depends on the framework.
    Dependency(Ident),
}

impl FrameworkImpl {
    /// The word an error about this impl points at: its name, else `response`.
    pub fn word<'a>(&'a self, response: &'a Ident) -> &'a Ident {
        match &self.asked_by {
            Some(AskedBy::Name(word) | AskedBy::Dependency(word)) => word,
            None => response,
        }
    }
}

impl CheckedResponse {
    fn new(word: &ResponseWord, context: &Context) -> Self {
        let implementation = |framework: Framework, asked_by: Option<AskedBy>| FrameworkImpl {
            framework,
            asked_by,
            other_version: (context.other_frameworks.iter())
                .find(|other| other.framework == framework)
                .map(|other| other.requirement.clone()),
        };
        let asks = match &word.asks {
            ResponseAsks::Parts => Asks::Parts,
            ResponseAsks::Frameworks if !context.frameworks.is_empty() => Asks::Named(
                (context.frameworks.iter())
                    .map(|&framework| {
                        implementation(framework, Some(AskedBy::Dependency(word.word.clone())))
                    })
                    .collect(),
            ),
            ResponseAsks::Frameworks => Asks::EveryFrameworkOn(
                (Framework::ALL.into_iter())
                    .map(|framework| implementation(framework, None))
                    .collect(),
            ),
            ResponseAsks::Named(named) => Asks::Named(
                (named.iter())
                    .map(|(framework, word)| {
                        implementation(*framework, Some(AskedBy::Name(word.clone())))
                    })
                    .collect(),
            ),
        };
        let body = word.body.as_ref().map(|path| Body {
            path: path.clone(),
            content_type: (word.content_type.as_ref())
                .map_or_else(|| "application/json".to_owned(), syn::LitStr::value),
        });
        CheckedResponse {
            word: word.word.clone(),
            asks,
            body,
        }
    }

    /// `response(parts)`: no framework impl.
    pub fn parts_only(&self) -> bool {
        matches!(self.asks, Asks::Parts)
    }

    /// The framework impls asked for.
    pub fn frameworks(&self) -> &[FrameworkImpl] {
        match &self.asks {
            Asks::EveryFrameworkOn(frameworks) | Asks::Named(frameworks) => frameworks,
            Asks::Parts => &[],
        }
    }
}

struct Checker<'r, 'e, 'a> {
    registry: &'r Registry,
    errors: &'e mut Errors,
    former_names: Vec<FormerName<'r>>,
    /// The type says `response`: its statuses are sent as final responses.
    response: bool,
    /// A `#[status(...)]` of the type did not parse.
    type_attrs_broken: bool,
    /// What the type says of every response.
    type_parts: &'a ResponseParts,
    /// Headers the enum default's status requires that variants taking it do not send: each
    /// header and those variants, reported once at the default.
    default_missing: Vec<(String, Vec<Ident>)>,
    /// What the response checks of the arms share.
    type_checks: TypeChecks,
    /// The type's type parameters, for the fields whose type names one.
    params: TypeParams,
}

/// An enum's default status, as far as it is usable.
enum EnumDefault<'r> {
    None,
    Status(&'r Entry, Span),
    /// Given but wrong: its error is reported, and variants without a status add none.
    Broken,
}

/// A status as written on an item, resolved: the entry and where it was written.
type Written<'r> = (&'r Entry, Span);

impl<'r> Checker<'r, '_, '_> {
    fn struct_arm(&mut self, input: &DeriveInput, fields: &DeriveFields) -> Option<DeriveArm<'r>> {
        let no_parts = ResponseParts::default();
        let (mapping, written) = match (&input.attrs.status, self.marked_field(fields)) {
            (Found::Broken, _) => return None,
            (Found::Nothing, None) => {
                if !fields.misplaced {
                    self.errors.at(
                        input.ident.span(),
                        format_args!(
                            "`{}` needs its status: add `#[status(404)]` (a code or a name), \
                             or `#[status(transparent)]` to take it from a field",
                            input.ident
                        ),
                    );
                }
                return None;
            }
            (status, marked) => self.mapping(status, marked, fields, input.ident)?,
        };
        let response = self.arm_response(&no_parts, fields, written, None);
        Some(DeriveArm {
            variant: None,
            doc: input.doc.clone(),
            mapping,
            response,
        })
    }

    fn enum_arms(&mut self, input: &DeriveInput, variants: &[DeriveVariant]) -> Vec<DeriveArm<'r>> {
        let default = self.enum_default(&input.attrs.status);
        let mut arms = Vec::new();
        for variant in variants {
            self.errors.extend(variant.attr_errors.as_ref());
            let marked = self.marked_field(&variant.fields);
            let found = match (&variant.status, marked, &default) {
                // Their errors are already reported.
                (Found::Broken, ..) | (Found::Nothing, None, EnumDefault::Broken) => None,
                (Found::Nothing, None, EnumDefault::Status(entry, span)) => {
                    let taken = (*entry, *span);
                    Some((Mapping::Fixed(entry), Some(taken), true))
                }
                (Found::Nothing, None, EnumDefault::None) => {
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
                (status, marked, _) => self
                    .mapping(status, marked, &variant.fields, variant.ident)
                    .map(|(mapping, written)| (mapping, written, false)),
            };
            let Some((mapping, written, by_default)) = found else {
                continue;
            };
            let taker = by_default.then_some(variant.ident);
            let response = self.arm_response(&variant.parts, &variant.fields, written, taker);
            arms.push(DeriveArm {
                variant: Some(variant.ident.clone()),
                doc: variant.doc.clone(),
                mapping,
                response,
            });
        }
        if let EnumDefault::Status(entry, span) = default {
            for (header, variants) in std::mem::take(&mut self.default_missing) {
                report_missing_header(self.errors, entry, span, &header, &variants);
            }
        }
        arms
    }

    fn enum_default(&mut self, found: &Found) -> EnumDefault<'r> {
        match found {
            Found::Nothing => EnumDefault::None,
            Found::Broken => EnumDefault::Broken,
            Found::Status(StatusAttr::Transparent(word)) => {
                self.errors.at(
                    word.span(),
                    "`#[status(transparent)]` goes on a variant or a field; \
                     on the enum, give a default status such as `#[status(500)]`",
                );
                EnumDefault::Broken
            }
            Found::Status(StatusAttr::Status(status)) => match self.fixed(status) {
                Some((entry, span)) => EnumDefault::Status(entry, span),
                None => EnumDefault::Broken,
            },
        }
    }

    /// The field that says `transparent`, if one does; a second one is an error.
    fn marked_field<'f>(&mut self, fields: &'f DeriveFields) -> Option<Marked<'f>> {
        let mut marked = fields
            .fields
            .members()
            .zip(fields.fields.iter())
            .zip(&fields.attrs)
            .filter_map(|((member, field), attrs)| {
                let word = attrs.transparent.as_ref()?;
                Some(Marked {
                    member,
                    field,
                    word,
                })
            });
        let first = marked.next()?;
        for other in marked {
            self.errors.at(
                other.word.span(),
                "one field holds the status: `transparent` is on another field already",
            );
        }
        Some(first)
    }

    /// The mapping of a struct or variant with a status, a `transparent`, or a field that
    /// says `transparent`; and the status as written, when it is fixed.
    fn mapping(
        &mut self,
        status: &Found,
        marked: Option<Marked>,
        fields: &DeriveFields,
        owner: &Ident,
    ) -> Option<(Mapping<'r>, Option<Written<'r>>)> {
        match (status, marked) {
            (Found::Status(StatusAttr::Status(status)), Some(marked)) => {
                self.errors.at(
                    marked.word.span(),
                    format_args!(
                        "`{owner}` has its status from `#[status({})]` already; a field that \
                         says `transparent` gives it instead: keep one of the two",
                        status.text()
                    ),
                );
                None
            }
            (Found::Status(StatusAttr::Status(status)), None) => {
                let written = self.fixed(status)?;
                Some((Mapping::Fixed(written.0), Some(written)))
            }
            (_, Some(marked)) => Some((marked.mapping(&self.params), None)),
            (Found::Status(StatusAttr::Transparent(word)), None) => {
                let mut members = fields.fields.members().zip(fields.fields.iter());
                if let (Some((member, field)), None) = (members.next(), members.next()) {
                    let mapping = Mapping::transparent(member, field, &self.params);
                    return Some((mapping, None));
                }
                let count = match fields.fields.len() {
                    0 => "none".to_owned(),
                    n => format!(
                        "{n}; to take the status from one of several, write \
                         `#[status(transparent)]` on that field"
                    ),
                };
                self.errors.at(
                    word.span(),
                    format_args!(
                        "`#[status(transparent)]` delegates to exactly one field, and `{owner}` \
                         has {count}"
                    ),
                );
                None
            }
            // No status and no marked field: handled by the callers.
            (Found::Nothing | Found::Broken, None) => None,
        }
    }

    /// What the response of one arm carries, checked; `written` is its fixed status, and
    /// `taker` the variant when that status is the enum's default.
    fn arm_response(
        &mut self,
        parts: &ResponseParts,
        fields: &DeriveFields,
        written: Option<Written<'r>>,
        taker: Option<&Ident>,
    ) -> ArmResponse {
        let status = written.map(|(entry, _)| entry);
        let mut builder = ResponseBuilder::new(self.errors, &mut self.type_checks, status);
        if !self.response {
            // A type attribute that did not parse may have said `response`.
            if !self.type_attrs_broken {
                builder.refuse_without_response(parts, fields);
            }
            return ArmResponse::default();
        }
        builder.type_parts(self.type_parts);
        builder.variant_parts(parts);
        builder.fields(fields);
        let response = builder.finish(self.type_parts, parts);
        let Some((entry, span)) = written else {
            return response;
        };
        for missing in missing_headers(entry, &response) {
            let Some(variant) = taker else {
                report_missing_header(self.errors, entry, span, missing, &[]);
                continue;
            };
            match self.default_missing.iter_mut().find(|(h, _)| h == missing) {
                Some((_, variants)) => variants.push(variant.clone()),
                None => self
                    .default_missing
                    .push((missing.to_owned(), vec![variant.clone()])),
            }
        }
        response
    }

    /// A status written on the type or a variant, if it is registered and, in a response
    /// type, a final one.
    fn fixed(&mut self, status: &StatusRef) -> Option<Written<'r>> {
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
        Some((entry, span))
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

/// The field that says `#[status(transparent)]`.
struct Marked<'f> {
    member: syn::Member,
    field: &'f syn::Field,
    word: &'f Ident,
}

impl Marked<'_> {
    fn mapping<'r>(&self, params: &TypeParams) -> Mapping<'r> {
        Mapping::transparent(self.member.clone(), self.field, params)
    }
}

#[cfg(test)]
mod tests {
    use super::pointee;
    use quote::quote;

    #[test]
    fn smart_pointers_are_read_by_their_last_segment() {
        let pointee_of = |ty: syn::Type| pointee(&ty).map(|t| quote!(#t).to_string());
        for (ty, expected) in [
            (quote!(Box<Inner>), "Inner"),
            (quote!(std::boxed::Box<Inner>), "Inner"),
            (quote!(::alloc::sync::Arc<Inner>), "Inner"),
            (quote!(Rc<G>), "G"),
            (
                quote!(Box<dyn HttpStatus + Send + Sync>),
                "dyn HttpStatus + Send + Sync",
            ),
            (quote!(Arc<Box<Inner>>), "Box < Inner >"),
            (quote!(&'static Inner), "Inner"),
            (quote!(&mut Box<Inner>), "Box < Inner >"),
        ] {
            let ty: syn::Type = syn::parse2(ty).unwrap();
            assert_eq!(pointee_of(ty).as_deref(), Some(expected));
        }
        for ty in [
            quote!(Inner),
            quote!(Boxed<Inner>),
            quote!(Box),
            quote!(Box<Inner, Global>),
            quote!(Box<'static>),
            quote!(<Inner as Trait>::Box<T>),
            quote!([Box<Inner>; 1]),
            quote!(Box::<Inner>::Assoc),
        ] {
            let ty: syn::Type = syn::parse2(ty).unwrap();
            assert_eq!(pointee_of(ty.clone()), None, "{}", quote!(#ty));
        }
    }
}
