//! `HttpStatus` for other crates' types whose status is known only at run time: `http`'s
//! `StatusCode` and the extractor rejections of axum and actix-web. So a derived error wraps
//! them with `#[status(transparent)]`, and the user need not write a newtype (the orphan rule
//! forbids them the impl).
//!
//! Each impl writes only `code()`: `reason()` and what the registry says of a status are the
//! trait's provided methods, read by code.

#[cfg(any(feature = "http", feature = "axum", feature = "actix-web"))]
use crate::HttpStatus;

/// `HttpStatus` for each listed type, its `code()` being `$code` with `self` named `$this`:
/// one line per type, the attributes (the group's doc comment) on every impl.
#[cfg(any(feature = "http", feature = "axum", feature = "actix-web"))]
macro_rules! status_known_at_run_time {
    ($(#[$attr:meta])* |$this:ident| $code:expr => $($ty:ty),+ $(,)?) => {
        status_known_at_run_time! { @each [$(#[$attr])*] |$this| $code => $($ty),+ }
    };
    // The attributes as one token tree, so that every type's impl repeats them.
    (@each $attrs:tt |$this:ident| $code:expr => $($ty:ty),+) => {$(
        status_known_at_run_time! { @impl $attrs |$this| $code => $ty }
    )+};
    (@impl [$($attrs:tt)*] |$this:ident| $code:expr => $ty:ty) => {
        $($attrs)*
        // Not listed as "other types that implement" the trait when a user's type does not:
        // they would crowd out the user's own types, and differ with the features on.
        #[diagnostic::do_not_recommend]
        impl HttpStatus for $ty {
            #[inline]
            fn code(&self) -> u16 {
                let $this = self;
                $code
            }
        }
    };
}

#[cfg(feature = "http")]
status_known_at_run_time! {
    /// `http` 1's status (feature `http`): `code()` is `as_u16()`, `reason()` the registry's
    /// phrase, empty for a code it does not have.
    ///
    /// ```
    /// use status_core::HttpStatus;
    ///
    /// // The registry's RFC 9110 phrase, where `http` keeps "Payload Too Large".
    /// assert_eq!(HttpStatus::reason(&http::StatusCode::PAYLOAD_TOO_LARGE), "Content Too Large");
    /// let unregistered = http::StatusCode::from_u16(599).unwrap();
    /// assert_eq!((unregistered.code(), unregistered.reason()), (599, ""));
    /// assert!(HttpStatus::is_server_error(&unregistered));
    /// ```
    |status| status.as_u16() => http::StatusCode
}

#[cfg(feature = "axum")]
status_known_at_run_time! {
    /// An axum 0.8 extractor rejection (feature `axum`): `code()` is the status axum answers
    /// the rejection with, [`status()`](axum::extract::rejection::JsonRejection::status).
    ///
    /// ```
    /// use axum::extract::rejection::{JsonRejection, MissingJsonContentType};
    /// use status_core::HttpStatus;
    ///
    /// #[derive(Debug, HttpStatus)]
    /// enum ApiError {
    ///     #[status(transparent)]
    ///     Json(JsonRejection),
    /// }
    ///
    /// let error = ApiError::Json(MissingJsonContentType::default().into());
    /// assert_eq!(error.code(), 415);
    /// assert_eq!(error.reason(), "Unsupported Media Type");
    /// ```
    |rejection| rejection.status().as_u16() =>
    // Composite rejections: what the extractors return.
    axum::extract::rejection::JsonRejection,
    axum::extract::rejection::PathRejection,
    axum::extract::rejection::RawPathParamsRejection,
    axum::extract::rejection::QueryRejection,
    axum::extract::rejection::FormRejection,
    axum::extract::rejection::RawFormRejection,
    axum::extract::rejection::ExtensionRejection,
    axum::extract::rejection::MatchedPathRejection,
    axum::extract::rejection::BytesRejection,
    axum::extract::rejection::StringRejection,
    axum::extract::rejection::FailedToBufferBody,
    axum::extract::rejection::NestedPathRejection,
    // What the composite rejections hold.
    axum::extract::rejection::JsonDataError,
    axum::extract::rejection::JsonSyntaxError,
    axum::extract::rejection::MissingJsonContentType,
    axum::extract::rejection::FailedToDeserializePathParams,
    axum::extract::rejection::InvalidUtf8InPathParam,
    axum::extract::rejection::MissingPathParams,
    axum::extract::rejection::FailedToDeserializeQueryString,
    axum::extract::rejection::InvalidFormContentType,
    axum::extract::rejection::FailedToDeserializeForm,
    axum::extract::rejection::FailedToDeserializeFormBody,
    axum::extract::rejection::MissingExtension,
    axum::extract::rejection::MatchedPathMissing,
    axum::extract::rejection::LengthLimitError,
    axum::extract::rejection::UnknownBodyError,
    axum::extract::rejection::InvalidUtf8,
}

#[cfg(feature = "actix-web")]
status_known_at_run_time! {
    /// An actix-web 4 error (feature `actix-web`): `code()` is the status actix-web answers
    /// it with, [`ResponseError::status_code`](actix_web::ResponseError::status_code).
    ///
    /// ```
    /// use actix_web::error::{JsonPayloadError, UrlencodedError};
    /// use status_core::HttpStatus;
    ///
    /// #[derive(Debug, HttpStatus)]
    /// enum ApiError {
    ///     #[status(transparent)]
    ///     Json(JsonPayloadError),
    ///     #[status(transparent)]
    ///     Form(UrlencodedError),
    /// }
    ///
    /// assert_eq!(ApiError::Json(JsonPayloadError::ContentType).code(), 400);
    /// assert_eq!(ApiError::Form(UrlencodedError::ContentType).reason(), "Unsupported Media Type");
    /// ```
    |error| actix_web::ResponseError::status_code(error).as_u16() =>
    // What the extractors (`Json`, `Path`, `Query`, `Form`, payloads) give their error handlers.
    actix_web::error::JsonPayloadError,
    actix_web::error::PathError,
    actix_web::error::QueryPayloadError,
    actix_web::error::UrlencodedError,
    actix_web::error::ReadlinesError,
    actix_web::error::PayloadError,
    actix_web::error::ContentTypeError,
    actix_web::error::ParseError,
    // Errors of routing and of blocking tasks.
    actix_web::error::UrlGenerationError,
    actix_web::error::BlockingError,
}

/// actix-web's catch-all error (feature `actix-web`): the status of the response the error it
/// holds sends, also when that error overrides only `error_response` (as actix-web-validator's
/// errors do), leaving `status_code` at its provided 500.
///
/// ```
/// use actix_web::{HttpResponse, ResponseError};
/// use status_core::HttpStatus;
///
/// #[derive(Debug)]
/// struct Invalid;
///
/// impl std::fmt::Display for Invalid {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("name: too short")
///     }
/// }
///
/// impl ResponseError for Invalid {
///     fn error_response(&self) -> HttpResponse {
///         HttpResponse::BadRequest().body(self.to_string())
///     }
/// }
///
/// let error = actix_web::Error::from(Invalid);
/// assert_eq!(error.code(), 400);
/// ```
#[cfg(feature = "actix-web")]
#[diagnostic::do_not_recommend]
impl HttpStatus for actix_web::Error {
    fn code(&self) -> u16 {
        let error = self.as_response_error();
        let status = error.status_code();
        // `status_code` tells, without building a response, unless it is the provided 500:
        // then the error may override only `error_response`, which says what is sent. Not
        // asked otherwise: an `InternalError` made from a response gives that response away
        // when asked for it, once (made from a 500 response, it is asked: the status stays
        // 500, and later asks get a bare 500).
        if status != actix_web::http::StatusCode::INTERNAL_SERVER_ERROR {
            return status.as_u16();
        }
        error.error_response().status().as_u16()
    }
}

/// actix-web's error with a status chosen where it is made (feature `actix-web`): that status,
/// or that of the response it was made from. Its `status_code` says what its `error_response`
/// sends, without taking the response it holds (which `error_response` gives away, once).
#[cfg(feature = "actix-web")]
#[diagnostic::do_not_recommend]
impl<T: core::fmt::Debug + core::fmt::Display> HttpStatus for actix_web::error::InternalError<T> {
    #[inline]
    fn code(&self) -> u16 {
        actix_web::ResponseError::status_code(self).as_u16()
    }
}

#[cfg(feature = "actix-web")]
status_known_at_run_time! {
    /// actix-web 4's status, `http` 0.2's `StatusCode` (feature `actix-web`): `code()` is
    /// `as_u16()`, `reason()` the registry's phrase.
    ///
    /// ```
    /// use status_core::HttpStatus;
    ///
    /// let status = actix_web::http::StatusCode::PAYLOAD_TOO_LARGE;
    /// assert_eq!((status.code(), HttpStatus::reason(&status)), (413, "Content Too Large"));
    /// ```
    |status| status.as_u16() => actix_web::http::StatusCode
}
