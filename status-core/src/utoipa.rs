//! OpenAPI with utoipa 5 (feature `utoipa`): the traits a derived type that says
//! `#[status(response, openapi)]` implements and needs, under the names the compiler's
//! messages use.
//!
//! - [`IntoResponses`]: what the derive implements, for `responses(ApiError)` in
//!   `#[utoipa::path]`.
//! - [`ToSchema`] and [`PartialSchema`]: what a `status_enum!` type that says
//!   `#[status(openapi)]` implements, and what a `member` field's type needs
//!   ([`MemberSchema`]), and what a `body` function returns ([`BodySchema`],
//!   [`body_schema_of`]).

//!
//! The module is there whatever the features, empty without `utoipa`, so that a glob import of
//! status-core means the same in every build.

#[cfg(feature = "utoipa")]
pub use ::utoipa::{IntoResponses, PartialSchema, ToSchema};

#[cfg(feature = "utoipa")]
use ::utoipa::openapi::{RefOr, schema::Schema};

/// The type of a `member` field of a type that says `#[status(response, openapi)]`: its
/// OpenAPI schema goes inline into the problem document's, so it needs [`ToSchema`].
/// Implemented for every type that has it; derive it with `#[derive(utoipa::ToSchema)]`.
///
/// ```
/// use status_core::utoipa::MemberSchema;
///
/// #[derive(utoipa::ToSchema)]
/// pub struct Limits {
///     per_minute: u32,
/// }
///
/// let schema = serde_json::to_value(Limits::member_schema()).unwrap();
/// assert_eq!(schema["required"], serde_json::json!(["per_minute"]));
/// ```
#[cfg(feature = "utoipa")]
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no OpenAPI schema, and a `member` of a type that says `openapi` \
               needs one",
    label = "no `utoipa::ToSchema` for this type",
    note = "derive it with `#[derive(utoipa::ToSchema)]`, or implement `ToSchema` by hand"
)]
pub trait MemberSchema {
    /// The schema of the member, inline: [`PartialSchema::schema`] (a `$ref` would need the
    /// type registered as a component by hand).
    fn member_schema() -> RefOr<Schema>;
}

#[cfg(feature = "utoipa")]
impl<T: ToSchema + ?Sized> MemberSchema for T {
    fn member_schema() -> RefOr<Schema> {
        T::schema()
    }
}

/// What the function of `response(body = path)` returns, in a type that also says `openapi`:
/// its OpenAPI schema documents every response's content, inline, so it needs [`ToSchema`].
/// Implemented for every type that has it; derive it with `#[derive(utoipa::ToSchema)]`.
#[cfg(feature = "utoipa")]
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no OpenAPI schema, and the `body` of a type that says `openapi` \
               needs one",
    label = "no `utoipa::ToSchema` for what this function returns",
    note = "derive it with `#[derive(utoipa::ToSchema)]`, or implement `ToSchema` by hand"
)]
pub trait BodySchema {
    /// The schema of the body, inline: [`PartialSchema::schema`].
    fn body_schema() -> RefOr<Schema>;
}

#[cfg(feature = "utoipa")]
impl<T: ToSchema + ?Sized> BodySchema for T {
    fn body_schema() -> RefOr<Schema> {
        T::schema()
    }
}

/// The schema of what the function `body` returns, for any lifetime of the error it borrows:
/// what `#[status(response(body = path), openapi)]` documents every response's content with.
///
/// ```
/// use status_core::utoipa::body_schema_of;
///
/// #[derive(serde::Serialize, utoipa::ToSchema)]
/// pub struct Envelope<'a> {
///     error: &'a str,
/// }
///
/// fn envelope(error: &String) -> Envelope<'_> {
///     Envelope { error }
/// }
///
/// let schema = serde_json::to_value(body_schema_of(envelope)).unwrap();
/// assert_eq!(schema["required"], serde_json::json!(["error"]));
/// ```
#[cfg(feature = "utoipa")]
pub fn body_schema_of<'a, E: ?Sized + 'a, T: BodySchema, F: Fn(&'a E) -> T>(
    body: F,
) -> RefOr<Schema> {
    let _ = body;
    T::body_schema()
}

/// The schema of a problem details document (RFC 9457) of any error response: `type`, `title`
/// and `status` required, `detail` optional, any extension member. [`problem::Document`] has
/// no schema of its own (its schema would depend on the error); in a body of your own that says
/// `openapi`, name this one for it:
///
/// ```
/// use status_core::problem::Document;
/// use status_core::utoipa::ProblemDetails;
/// use utoipa::PartialSchema;
///
/// #[derive(Debug, status_core::HttpStatus)]
/// #[status(429, response(parts, body = envelope), openapi)]
/// pub struct SlowDown;
///
/// impl std::fmt::Display for SlowDown {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("slow down")
///     }
/// }
///
/// #[derive(serde::Serialize, utoipa::ToSchema)]
/// pub struct Envelope<'a> {
///     #[schema(value_type = Vec<ProblemDetails>, inline)]
///     errors: [Document<'a, SlowDown>; 1],
/// }
///
/// fn envelope(error: &SlowDown) -> Envelope<'_> {
///     Envelope { errors: [Document(error)] }
/// }
///
/// let schema = serde_json::to_value(Envelope::schema()).unwrap();
/// let problem = &schema["properties"]["errors"]["items"];
/// assert_eq!(problem["required"], serde_json::json!(["type", "title", "status"]));
/// ```
///
/// [`problem::Document`]: crate::problem::Document
#[cfg(feature = "utoipa")]
#[derive(Clone, Copy, Debug)]
pub struct ProblemDetails;

#[cfg(feature = "utoipa")]
impl PartialSchema for ProblemDetails {
    fn schema() -> RefOr<Schema> {
        RefOr::T(crate::openapi::problem_details_schema())
    }
}

#[cfg(feature = "utoipa")]
impl ToSchema for ProblemDetails {}

/// The responses of `E` whose status is in `S` (a `status_enum!` type, [`crate::StatusSet`]),
/// for an operation that answers with some of them: `responses(Only<ApiError, GetUserStatus>)`
/// in `#[utoipa::path]` documents only those. Responses under a class (`4XX`) or `default` (a
/// status known only at run time) are left out: none is one status of `S`.
///
/// ```
/// use status_core::utoipa::{IntoResponses, Only};
/// use status_core::{HttpStatus, status_enum};
///
/// #[derive(Debug, HttpStatus)]
/// #[status(500, response(axum), openapi)]
/// pub enum ApiError {
///     #[status(404)]
///     NotFound,
///     #[status(429)]
///     SlowDown,
///     Internal,
/// }
///
/// impl std::fmt::Display for ApiError {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("api error")
///     }
/// }
///
/// status_enum! { pub enum GetUser { Ok, NotFound, 503 } }
///
/// let documented: Vec<String> = Only::<ApiError, GetUser>::responses().into_keys().collect();
/// assert_eq!(documented, ["404"]);
/// ```
#[cfg(feature = "utoipa")]
pub struct Only<E, S>(core::marker::PhantomData<(E, S)>);

#[cfg(feature = "utoipa")]
impl<E: IntoResponses, S: crate::StatusSet> IntoResponses for Only<E, S> {
    fn responses() -> alloc::collections::BTreeMap<
        alloc::string::String,
        RefOr<::utoipa::openapi::response::Response>,
    > {
        let mut responses = E::responses();
        responses.retain(|key, _| {
            key.parse::<u16>()
                .is_ok_and(|code| S::CODES.contains(&code))
        });
        responses
    }
}

/// A `utoipa::Modify` that documents the errors the router and middleware send, as
/// [`axum::ProblemLayer`](crate::axum::ProblemLayer) and `actix_web::Problems` send them:
///
/// - every operation without a `default` response gets one: a problem document of a status in
///   400..=599, written once as the component response `Problem` (inline, if the document has
///   another response of that name);
/// - every error response an operation documents (a 4xx or 5xx, a class, or its own `default`)
///   may also be such a document, as the layer sends one for a rejection of the same status: its
///   `application/problem+json` schema becomes `anyOf` its own and that one, or, if it has no
///   problem document, that content is added beside its own.
///
/// ```
/// use status_core::utoipa::ProblemResponses;
/// use utoipa::OpenApi;
///
/// #[utoipa::path(get, path = "/health", responses((status = 200, description = "Up")))]
/// async fn health() {}
///
/// #[derive(OpenApi)]
/// #[openapi(paths(health), modifiers(&ProblemResponses))]
/// struct Api;
///
/// let document = serde_json::to_value(Api::openapi()).unwrap();
/// let responses = &document["paths"]["/health"]["get"]["responses"];
/// assert_eq!(responses["default"]["$ref"], "#/components/responses/Problem");
/// let problem = &document["components"]["responses"]["Problem"];
/// let schema = &problem["content"]["application/problem+json"]["schema"];
/// assert_eq!(schema["properties"]["status"]["minimum"], 400);
/// ```
#[cfg(feature = "utoipa")]
#[derive(Clone, Copy, Debug, Default)]
pub struct ProblemResponses;

#[cfg(feature = "utoipa")]
impl ::utoipa::Modify for ProblemResponses {
    fn modify(&self, openapi: &mut ::utoipa::openapi::OpenApi) {
        use ::utoipa::openapi::{ComponentsBuilder, Ref};

        const NAME: &str = "Problem";
        let ours = rewritten_response("default");
        let components = openapi
            .components
            .get_or_insert_with(|| ComponentsBuilder::new().build());
        // A response of the user's under the name: ours goes inline instead.
        let named = match components.responses.get(NAME) {
            None => true,
            Some(RefOr::T(response)) => *response == ours,
            Some(RefOr::Ref(_)) => false,
        };
        let mut referred = false;
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.options,
                &mut item.head,
                &mut item.patch,
                &mut item.trace,
            ];
            for operation in operations.into_iter().flatten() {
                let responses = &mut operation.responses.responses;
                for (key, response) in responses.iter_mut() {
                    if let (true, RefOr::T(response)) = (is_error_key(key), response) {
                        also_rewritten(response, key);
                    }
                }
                if !responses.contains_key("default") {
                    let default = match named {
                        true => RefOr::Ref(Ref::from_response_name(NAME)),
                        false => RefOr::T(ours.clone()),
                    };
                    responses.insert("default".into(), default);
                    referred |= named;
                }
            }
        }
        if referred {
            (components.responses).insert(NAME.into(), RefOr::T(ours));
        }
    }
}

/// Whether a response key is one the layer may answer with: `400`..`599`, `4XX`, `5XX`,
/// `default`.
#[cfg(feature = "utoipa")]
fn is_error_key(key: &str) -> bool {
    match key {
        "default" | "4XX" | "5XX" => true,
        _ => key
            .parse::<u16>()
            .is_ok_and(|code| (400..=599).contains(&code)),
    }
}

/// The response the layer sends under `key`.
#[cfg(feature = "utoipa")]
fn rewritten_response(key: &str) -> ::utoipa::openapi::Response {
    use ::utoipa::openapi::{ContentBuilder, ResponseBuilder};

    let schema = RefOr::T(crate::openapi::rewritten_problem_schema(key));
    let content = ContentBuilder::new().schema(Some(schema)).build();
    ResponseBuilder::new()
        .description(
            "An error the router or a middleware sends (no route, wrong method, a body over the \
             limit, a timeout, a rejection), as a problem document",
        )
        .content(crate::problem::CONTENT_TYPE, content)
        .build()
}

/// `response` (under `key`) may also be the layer's document.
#[cfg(feature = "utoipa")]
fn also_rewritten(response: &mut ::utoipa::openapi::Response, key: &str) {
    use ::utoipa::openapi::ContentBuilder;
    use ::utoipa::openapi::schema::AnyOfBuilder;

    let layer = RefOr::T(crate::openapi::rewritten_problem_schema(key));
    match response.content.get_mut(crate::problem::CONTENT_TYPE) {
        Some(content) => {
            content.schema = Some(match content.schema.take() {
                Some(own) => RefOr::T(Schema::AnyOf(
                    AnyOfBuilder::new().item(own).item(layer).build(),
                )),
                None => layer,
            });
        }
        None => {
            let content = ContentBuilder::new().schema(Some(layer)).build();
            (response.content).insert(crate::problem::CONTENT_TYPE.into(), content);
        }
    }
}
