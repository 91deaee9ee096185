//! `#[derive(HttpStatus)]` on realistic error types.

use std::fmt;

use status_core::{HttpStatus, StatusClass, StatusCode, status};

#[derive(Debug, thiserror::Error)]
#[error("database unavailable")]
pub struct DbError;

/// Errors of an upstream service, mapped on their own.
#[derive(Debug, thiserror::Error, HttpStatus)]
pub enum UpstreamError {
    #[error("upstream timed out")]
    #[status(GatewayTimeout)]
    Timeout,
    #[error("upstream refused: {0}")]
    #[status(502)]
    Refused(String),
    #[error(transparent)]
    #[status(transparent)]
    Cdn(CdnError),
}

/// Two levels down: an error whose status comes from a vendor code.
#[derive(Debug, thiserror::Error, HttpStatus)]
#[error("origin unreachable")]
#[status(OriginIsUnreachable)]
pub struct CdnError;

#[derive(Debug, thiserror::Error, HttpStatus)]
#[status(500)]
#[non_exhaustive]
pub enum ApiError {
    #[error("no user {0}")]
    #[status(404)]
    UserNotFound(u64),
    #[error("slow down")]
    #[status(TooManyRequests)]
    RateLimited { retry_after: u32 },
    #[error("bad input: {field}")]
    #[status(UNPROCESSABLE_CONTENT)]
    Invalid { field: &'static str, reason: String },
    #[error(transparent)]
    #[status(transparent)]
    Upstream(#[from] UpstreamError),
    #[error("database")]
    Db(#[from] DbError),
    #[error("unexpected")]
    Unexpected,
}

/// A generic wrapper: the bound `E: HttpStatus` is added by the derive.
#[derive(Debug, HttpStatus)]
#[status(transparent)]
pub struct Traced<E> {
    pub error: E,
}

/// Generics that are not delegated to get no bound.
#[derive(HttpStatus)]
pub enum WithContext<'a, C: fmt::Debug, E>
where
    E: Clone,
{
    #[status(409)]
    Conflict(&'a C),
    #[status(transparent)]
    Inner(E),
}

#[derive(HttpStatus, serde::Serialize, serde::Deserialize)]
#[status(NOT_FOUND)]
pub struct Missing;

#[derive(HttpStatus)]
#[status(204)]
pub struct Empty();

#[derive(HttpStatus)]
pub enum Never {}

fn assert_status(status: &dyn HttpStatus, code: u16, reason: &str, class: StatusClass) {
    assert_eq!(status.code(), code);
    assert_eq!(status.reason(), reason);
    assert_eq!(status.class(), class);
    assert_eq!(
        status.is_informational(),
        class == StatusClass::Informational
    );
    assert_eq!(status.is_success(), class == StatusClass::Success);
    assert_eq!(status.is_redirection(), class == StatusClass::Redirection);
    assert_eq!(status.is_client_error(), class == StatusClass::ClientError);
    assert_eq!(status.is_server_error(), class == StatusClass::ServerError);
    assert_eq!(status.is_error(), code >= 400);
    if let Some(general) = StatusCode::from_code(code) {
        assert_eq!(general.reason(), reason);
    }
}

#[test]
fn every_variant_of_a_realistic_enum() {
    use StatusClass::*;
    assert_status(&ApiError::UserNotFound(7), 404, "Not Found", ClientError);
    assert_status(
        &ApiError::RateLimited { retry_after: 3 },
        429,
        "Too Many Requests",
        ClientError,
    );
    let invalid = ApiError::Invalid {
        field: "email",
        reason: "empty".into(),
    };
    assert_status(&invalid, 422, "Unprocessable Content", ClientError);
    assert_status(
        &ApiError::from(DbError),
        500,
        "Internal Server Error",
        ServerError,
    );
    assert_status(
        &ApiError::Unexpected,
        500,
        "Internal Server Error",
        ServerError,
    );
    assert_status(
        &ApiError::from(UpstreamError::Timeout),
        504,
        "Gateway Timeout",
        ServerError,
    );
    assert_status(
        &ApiError::from(UpstreamError::Refused("tls".into())),
        502,
        "Bad Gateway",
        ServerError,
    );
    // transparent, two levels deep, down to a Cloudflare code
    let nested = ApiError::from(UpstreamError::Cdn(CdnError));
    assert_status(&nested, 523, "Origin Is Unreachable", ServerError);
    // thiserror keeps working beside it
    assert_eq!(ApiError::UserNotFound(7).to_string(), "no user 7");
    assert_eq!(nested.to_string(), "origin unreachable");
}

#[test]
fn structs_and_generics() {
    use StatusClass::*;
    assert_status(&Missing, 404, "Not Found", ClientError);
    assert_status(&Empty(), 204, "No Content", Success);
    assert_status(
        &Traced {
            error: ApiError::Unexpected,
        },
        500,
        "Internal Server Error",
        ServerError,
    );
    assert_status(
        &Traced {
            error: StatusCode::Gone,
        },
        410,
        "Gone",
        ClientError,
    );
    assert_status(
        &Traced {
            error: Traced { error: Missing },
        },
        404,
        "Not Found",
        ClientError,
    );
    let context = 3;
    assert_status(
        &WithContext::<i32, StatusCode>::Conflict(&context),
        409,
        "Conflict",
        ClientError,
    );
    assert_status(
        &WithContext::<i32, _>::Inner(status!(418)),
        418,
        "I'm a teapot",
        ClientError,
    );
    let never: Option<&Never> = None;
    assert!(never.map(HttpStatus::code).is_none());
}

#[test]
fn trait_objects() {
    let statuses: Vec<Box<dyn HttpStatus>> = vec![
        Box::new(ApiError::Unexpected),
        Box::new(Missing),
        Box::new(UpstreamError::Timeout),
    ];
    let codes: Vec<u16> = statuses.iter().map(|s| s.code()).collect();
    assert_eq!(codes, [500, 404, 504]);
}

/// A status whose facts are its own, as a type with codes of its crate's `codes.toml` has.
#[derive(Debug)]
pub struct Heartbeat;

impl HttpStatus for Heartbeat {
    fn code(&self) -> u16 {
        299
    }
    fn reason(&self) -> &'static str {
        "Heartbeat"
    }
    fn is_cacheable_by_default(&self) -> bool {
        true
    }
    fn allows_content(&self) -> bool {
        false
    }
    fn required_headers(&self) -> &'static [&'static str] {
        &["Retry-After"]
    }
    fn recommended_headers(&self) -> &'static [&'static str] {
        &["Via"]
    }
}

/// The code, reason and facts of a status, to compare a wrapper with what it wraps.
fn everything(status: &dyn HttpStatus) -> (u16, &'static str, bool, bool, Vec<&str>, Vec<&str>) {
    (
        status.code(),
        status.reason(),
        status.is_cacheable_by_default(),
        status.allows_content(),
        status.required_headers().to_vec(),
        status.recommended_headers().to_vec(),
    )
}

/// Smart pointers on a transparent field are seen through, with no feature: the status, the
/// reason and every fact are the pointee's.
#[test]
fn boxed_and_shared_fields() {
    use std::rc::Rc;
    use std::sync::Arc;

    #[derive(HttpStatus)]
    enum Wrapped {
        #[status(transparent)]
        Boxed(Box<UpstreamError>),
        #[status(transparent)]
        Dynamic(Box<dyn HttpStatus>),
        #[status(transparent)]
        Sendable(Box<dyn HttpStatus + Send + Sync>),
        #[status(transparent)]
        Shared(Arc<CdnError>),
        #[status(transparent)]
        Counted(Rc<StatusCode>),
        #[status(transparent)]
        Spelled(std::boxed::Box<Heartbeat>),
        Fixed {
            #[status(transparent)]
            status: std::sync::Arc<Heartbeat>,
            #[allow(dead_code)]
            context: Box<str>,
        },
    }
    assert_eq!(Wrapped::Boxed(Box::new(UpstreamError::Timeout)).code(), 504);
    assert_eq!(Wrapped::Dynamic(Box::new(Missing)).reason(), "Not Found");
    assert_eq!(Wrapped::Shared(Arc::new(CdnError)).code(), 523);
    assert_eq!(Wrapped::Counted(Rc::new(StatusCode::Gone)).code(), 410);
    let heartbeat = everything(&Heartbeat);
    assert_eq!(
        heartbeat,
        (
            299,
            "Heartbeat",
            true,
            false,
            vec!["Retry-After"],
            vec!["Via"]
        )
    );
    for wrapped in [
        Wrapped::Dynamic(Box::new(Heartbeat)),
        Wrapped::Sendable(Box::new(Heartbeat)),
        Wrapped::Spelled(Box::new(Heartbeat)),
        Wrapped::Fixed {
            status: Arc::new(Heartbeat),
            context: "upstream".into(),
        },
    ] {
        assert_eq!(everything(&wrapped), heartbeat);
    }
    assert_eq!(
        everything(&Wrapped::Sendable(Box::new(StatusCode::MethodNotAllowed))),
        everything(&StatusCode::MethodNotAllowed)
    );
}

/// A crate's own `impl HttpStatus for Box<Local>` is the status of a transparent `Box<Local>`,
/// the pointee need not have one; a reference field is read through too.
#[test]
fn a_pointers_own_status_comes_first() {
    struct Local;

    impl HttpStatus for Box<Local> {
        fn code(&self) -> u16 {
            418
        }
    }

    #[derive(HttpStatus)]
    enum Wraps {
        #[status(transparent)]
        Boxed(Box<Local>),
        #[status(transparent)]
        Borrowed(&'static UpstreamError),
    }

    assert_eq!(Wraps::Boxed(Box::new(Local)).code(), 418);
    assert_eq!(Wraps::Boxed(Box::new(Local)).reason(), "I'm a teapot");
    assert_eq!(Wraps::Borrowed(&UpstreamError::Timeout).code(), 504);
}

/// A generic pointee gets the bound, not the pointer: `Box<G>` with `G: HttpStatus`.
#[test]
fn generic_pointee() {
    #[derive(HttpStatus)]
    #[status(transparent)]
    struct Boxed<G>(Box<G>);

    #[derive(HttpStatus)]
    enum Either<G, H: ?Sized> {
        #[status(transparent)]
        Left(std::rc::Rc<G>),
        #[status(transparent)]
        Right(Box<H>),
    }

    assert_eq!(
        everything(&Boxed(Box::new(Heartbeat))),
        everything(&Heartbeat)
    );
    assert_eq!(Boxed(Box::new(StatusCode::Gone)).code(), 410);
    let right: Either<Missing, dyn HttpStatus> = Either::Right(Box::new(Heartbeat));
    assert_eq!(everything(&right), everything(&Heartbeat));
    let left: Either<Missing, dyn HttpStatus> = Either::Left(std::rc::Rc::new(Missing));
    assert_eq!(left.reason(), "Not Found");
}

/// A transparent wrapper's facts are the field's, not what the built-in registry says of its
/// code.
#[test]
fn transparent_fields_give_their_facts() {
    #[derive(HttpStatus)]
    #[status(500)]
    enum Outer {
        #[status(transparent)]
        Inner(Heartbeat),
        Other,
    }
    #[derive(HttpStatus)]
    #[status(transparent)]
    struct Newtype(Outer);

    assert_eq!(everything(&Outer::Inner(Heartbeat)), everything(&Heartbeat));
    assert_eq!(
        everything(&Newtype(Outer::Inner(Heartbeat))),
        everything(&Heartbeat)
    );
    assert_eq!(
        everything(&Outer::Other),
        everything(&StatusCode::InternalServerError)
    );
}
