//! The statuses of the framework rejections status-core implements `HttpStatus` for (in
//! `run_time.rs`), for OpenAPI: a `transparent` field of such a type documents each of them,
//! with the problem document the outer type sends. Read from each framework's source (axum
//! 0.8's `define_rejection!` and `status()`, actix-web 4's `ResponseError::status_code`); a
//! composite rejection answers with every status of what it holds.
//!
//! Types whose status is any at run time (`http::StatusCode`, `actix_web::Error`, an
//! `InternalError`) have none: they stay the `default` response.

/// The statuses a type answers with, all of them, in code order.
pub trait KnownStatuses {
    const STATUSES: &'static [u16];
}

/// `KnownStatuses` for each type, its statuses `$codes`.
#[cfg(any(feature = "axum", feature = "actix-web"))]
macro_rules! known_statuses {
    ($($ty:ty => [$($code:literal),+];)+) => {$(
        impl KnownStatuses for $ty {
            const STATUSES: &'static [u16] = &[$($code),+];
        }
    )+};
}

#[cfg(feature = "axum")]
known_statuses! {
    // Composite rejections: what the extractors return.
    axum::extract::rejection::JsonRejection => [400, 413, 415, 422];
    axum::extract::rejection::PathRejection => [400, 500];
    axum::extract::rejection::RawPathParamsRejection => [400, 500];
    axum::extract::rejection::QueryRejection => [400];
    axum::extract::rejection::FormRejection => [400, 413, 415, 422];
    axum::extract::rejection::RawFormRejection => [400, 413, 415];
    axum::extract::rejection::ExtensionRejection => [500];
    axum::extract::rejection::MatchedPathRejection => [500];
    axum::extract::rejection::BytesRejection => [400, 413];
    axum::extract::rejection::StringRejection => [400, 413];
    axum::extract::rejection::FailedToBufferBody => [400, 413];
    axum::extract::rejection::NestedPathRejection => [500];
    // What the composite rejections hold.
    axum::extract::rejection::JsonDataError => [422];
    axum::extract::rejection::JsonSyntaxError => [400];
    axum::extract::rejection::MissingJsonContentType => [415];
    // 500 for a route whose parameters do not fit the type (a server bug).
    axum::extract::rejection::FailedToDeserializePathParams => [400, 500];
    axum::extract::rejection::InvalidUtf8InPathParam => [400];
    axum::extract::rejection::MissingPathParams => [500];
    axum::extract::rejection::FailedToDeserializeQueryString => [400];
    axum::extract::rejection::InvalidFormContentType => [415];
    axum::extract::rejection::FailedToDeserializeForm => [400];
    axum::extract::rejection::FailedToDeserializeFormBody => [422];
    axum::extract::rejection::MissingExtension => [500];
    axum::extract::rejection::MatchedPathMissing => [500];
    axum::extract::rejection::LengthLimitError => [413];
    axum::extract::rejection::UnknownBodyError => [400];
    axum::extract::rejection::InvalidUtf8 => [400];
}

#[cfg(feature = "actix-web")]
known_statuses! {
    // 500 for a response body that does not serialize; a payload error's own.
    actix_web::error::JsonPayloadError => [400, 413, 500];
    actix_web::error::PathError => [400];
    actix_web::error::QueryPayloadError => [400];
    actix_web::error::UrlencodedError => [400, 411, 413, 415];
    actix_web::error::ReadlinesError => [400, 413];
    actix_web::error::PayloadError => [400, 413];
    actix_web::error::ContentTypeError => [400];
    actix_web::error::ParseError => [400];
    actix_web::error::UrlGenerationError => [500];
    actix_web::error::BlockingError => [500];
}
