use crate::StatusClass;

/// A value that stands for an HTTP status: [`StatusCode`](crate::StatusCode), every
/// `status_enum!` type, and every type with `#[derive(HttpStatus)]`. With status-core's
/// features, also statuses known only at run time: `http::StatusCode` (`http`) and the
/// extractor rejections of axum 0.8 (`axum`) and actix-web 4 (`actix-web`).
///
/// Only [`code`](Self::code) is required; everything else is read from the registry by code.
///
/// The trait is dyn-compatible:
///
/// ```
/// use status_core::{HttpStatus, StatusCode};
///
/// let statuses: [&dyn HttpStatus; 2] = [&StatusCode::Ok, &StatusCode::BadGateway];
/// let errors: Vec<u16> = statuses.iter().filter(|s| s.is_error()).map(|s| s.code()).collect();
/// assert_eq!(errors, [502]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `HttpStatus`",
    label = "no status for this type",
    note = "derive it with `#[derive(HttpStatus)]`; features of status-core add it for \
            `http::StatusCode` (`http`), and the extractor rejections of axum 0.8 (`axum`) and \
            actix-web 4 (`actix-web`)"
)]
pub trait HttpStatus {
    /// The numeric status code, such as `404`.
    fn code(&self) -> u16;

    /// The reason phrase, such as `"Not Found"`: by default the registry's phrase for
    /// [`code`](Self::code), empty for a code the registry does not have.
    fn reason(&self) -> &'static str {
        crate::tables::reason_by_code(self.code())
    }

    /// The class of the status. A code outside 100..=599 (possible only in a catch-all
    /// variant) is not valid HTTP; it counts as [`StatusClass::ServerError`], as a response
    /// carrying it is malformed.
    fn class(&self) -> StatusClass {
        crate::tables::class_of(self.code())
    }

    /// Whether the status is 1xx.
    fn is_informational(&self) -> bool {
        self.class() == StatusClass::Informational
    }

    /// Whether the status is 2xx.
    fn is_success(&self) -> bool {
        self.class() == StatusClass::Success
    }

    /// Whether the status is 3xx.
    fn is_redirection(&self) -> bool {
        self.class() == StatusClass::Redirection
    }

    /// Whether the status is 4xx.
    fn is_client_error(&self) -> bool {
        self.class() == StatusClass::ClientError
    }

    /// Whether the status is 5xx.
    fn is_server_error(&self) -> bool {
        self.class() == StatusClass::ServerError
    }

    /// Whether the status is 4xx or 5xx.
    fn is_error(&self) -> bool {
        self.is_client_error() || self.is_server_error()
    }

    /// Whether a response with this status is heuristically cacheable: a cache may reuse it
    /// without explicit freshness information (RFC 9110, Section 15.1; 451, RFC 7725).
    ///
    /// ```
    /// use status_core::{HttpStatus, StatusCode};
    ///
    /// assert!(HttpStatus::is_cacheable_by_default(&StatusCode::NotFound));
    /// assert!(!HttpStatus::is_cacheable_by_default(&StatusCode::Created));
    /// ```
    fn is_cacheable_by_default(&self) -> bool {
        crate::tables::cacheable_of(self.code())
    }

    /// Whether a response with this status may carry content: false for every 1xx, 204, 205
    /// and 304 (RFC 9110, Sections 6.4.1 and 15.3.6).
    fn allows_content(&self) -> bool {
        crate::tables::allows_content_of(self.code())
    }

    /// Header fields a response with this status MUST send, such as `WWW-Authenticate` for
    /// 401 (RFC 9110, Section 15.5.2).
    ///
    /// ```
    /// use status_core::{HttpStatus, StatusCode};
    ///
    /// let status: &dyn HttpStatus = &StatusCode::MethodNotAllowed;
    /// assert_eq!(status.required_headers(), ["Allow"]);
    /// ```
    fn required_headers(&self) -> &'static [&'static str] {
        crate::tables::required_of(self.code())
    }

    /// Header fields a response with this status SHOULD send, such as `Location` for 301
    /// (RFC 9110, Section 15.4.2).
    fn recommended_headers(&self) -> &'static [&'static str] {
        crate::tables::recommended_of(self.code())
    }
}

/// References delegate to what they point to, so that `&dyn HttpStatus` and a `&'a E` field
/// work. (No feature adds `Box`, `Rc` or `Arc`: `Box` is fundamental, so a crate may write
/// `impl HttpStatus for Box<Local>` itself; the derive reads such a field through the
/// pointer instead.)
macro_rules! delegate {
    ($($pointer:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        impl<T: HttpStatus + ?Sized> HttpStatus for $pointer {
            fn code(&self) -> u16 {
                (**self).code()
            }

            fn reason(&self) -> &'static str {
                (**self).reason()
            }

            // What the registry says goes to the pointee too: a type with codes of its
            // crate's own `codes.toml` overrides these.
            fn is_cacheable_by_default(&self) -> bool {
                (**self).is_cacheable_by_default()
            }

            fn allows_content(&self) -> bool {
                (**self).allows_content()
            }

            fn required_headers(&self) -> &'static [&'static str] {
                (**self).required_headers()
            }

            fn recommended_headers(&self) -> &'static [&'static str] {
                (**self).recommended_headers()
            }
        }
    )*};
}

delegate!(&T, &mut T);

/// A set of statuses fixed while compiling: the members of a `status_enum!` type, and of
/// [`StatusCode`](crate::StatusCode). `utoipa::Only<E, S>` (feature `utoipa`) documents the
/// responses of `E` whose status is in `S`, for an operation that answers with some of them.
///
/// ```
/// use status_core::{StatusSet, status_enum};
///
/// status_enum! { pub enum GetUser { Ok, NotFound, 429 } }
///
/// assert_eq!(GetUser::CODES, [200, 404, 429]);
/// ```
pub trait StatusSet {
    /// The members' codes, in the order of their type's `ALL` (a catch-all's values are no
    /// members).
    const CODES: &'static [u16];
}

/// A `transparent` field behind a smart pointer (`Box<T>`, `Rc<T>`, `Arc<T>`, `&T`), for method
/// resolution (autoref) to find its status: the pointer's own `HttpStatus` when it has one (a
/// crate's own `impl HttpStatus for Box<Local>`), else its pointee's. Generated code calls
/// `(&StatusField(field)).status()`, through `__private`.
#[doc(hidden)]
pub struct StatusField<'a, T: ?Sized>(pub &'a T);

/// See [`StatusField`]: the value whose `HttpStatus` a transparent field's status is.
#[doc(hidden)]
pub trait FieldStatus<'a> {
    /// Unbounded, so that a pointee without `HttpStatus` is reported where generated code
    /// asks for its status, at the field's type, by `HttpStatus`'s own message.
    type Status: ?Sized;
    fn status(self) -> &'a Self::Status;
}

impl<'a, T: HttpStatus + ?Sized> FieldStatus<'a> for &StatusField<'a, T> {
    type Status = T;
    fn status(self) -> &'a T {
        self.0
    }
}

impl<'a, P: core::ops::Deref + ?Sized> FieldStatus<'a> for &&StatusField<'a, P> {
    type Status = P::Target;
    fn status(self) -> &'a P::Target {
        self.0
    }
}
