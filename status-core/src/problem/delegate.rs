//! How a derived error response reaches what the compiler knows of its types: whether the
//! type is an `Error` (for the `source()` chain it logs), and whether a `transparent` field is
//! an error response itself (whose parts it then takes). Method resolution decides (autoref
//! specialization), in code the derive writes; these are the probes it calls, through
//! `__private`.

// Support for generated code, reached through the hidden `__private`: documented for
// readers of this crate, not as API.
#![allow(missing_docs)]

use core::fmt;

use super::{HeaderValueText, members};
use crate::HttpStatus;
use crate::tables::class_of;

/// The default problem `title`: the reason phrase of the status sent, so a code sent as 500
/// is titled as one; a status with no reason phrase (unregistered, known only at run time) by
/// its class's name, so that every document has a title, as OpenAPI documents it.
pub fn default_title<E: HttpStatus + ?Sized>(error: &E) -> &'static str {
    let status = super::status(error);
    match error.reason() {
        _ if status != error.code() => "Internal Server Error",
        "" => class_of(status).name(),
        reason => reason,
    }
}

/// `ErrorResponse::as_error` of a derived type: `Some` when the type implements `Error`.
/// Method resolution decides (autoref): called on a `&AsError<T>`, the impl of [`ErrorOf`] for
/// `&AsError<T>` applies when `T: Error + 'static`, and the one for `&&AsError<T>` otherwise.
pub struct AsError<'a, T: ?Sized>(pub &'a T);

pub trait ErrorOf<'a> {
    fn error_of(self) -> Option<&'a (dyn core::error::Error + 'static)>;
}

impl<'a, T: core::error::Error + 'static> ErrorOf<'a> for &AsError<'a, T> {
    fn error_of(self) -> Option<&'a (dyn core::error::Error + 'static)> {
        Some(self.0)
    }
}

impl<'a, T: ?Sized> ErrorOf<'a> for &&AsError<'a, T> {
    fn error_of(self) -> Option<&'a (dyn core::error::Error + 'static)> {
        None
    }
}

/// A `transparent` field of a response type: its response parts, when it has them. Method
/// resolution decides (autoref), as for [`AsError`]: called on a `&InnerResponse<T>`, the impl
/// of [`InnerParts`] for `&InnerResponse<T>` applies when `T: ErrorResponse`, and the one for
/// `&&InnerResponse<T>` otherwise (a framework rejection, an `http::StatusCode`).
pub struct InnerResponse<'a, T: ?Sized>(pub &'a T);

pub trait InnerParts {
    fn inner_problem_type(self) -> Option<&'static str>;
    fn inner_title(self) -> Option<&'static str>;
    fn inner_shows_detail(self) -> Option<bool>;
    /// The field's `detail` text, when the field is an error response.
    fn inner_fmt_detail(self, f: &mut fmt::Formatter<'_>) -> Option<fmt::Result>;
    /// The field's headers but those named in `skip` (the variant's own).
    fn inner_headers(
        self,
        skip: &[&str],
        header: &mut dyn FnMut(&'static str, HeaderValueText<'_>),
    );
    /// Whether the field's response sends the header `name` (then the type's is not sent).
    fn inner_sends_header(self, name: &str) -> bool;
    /// The field's log level, when the field is an error response.
    fn inner_log_level(self) -> Option<Option<super::LogLevel>>;
    /// Whether the field's response waives the header `name`.
    fn inner_waives_header(self, name: &str) -> bool;
    /// The field's extension members but those named in `skip` (the variant's own).
    fn inner_members<M: serde::ser::SerializeMap>(
        self,
        skip: &'static [&'static str],
        map: &mut M,
    ) -> Result<(), M::Error>;
}

impl<T: super::ErrorResponse + ?Sized> InnerParts for &InnerResponse<'_, T> {
    fn inner_problem_type(self) -> Option<&'static str> {
        Some(self.0.problem_type())
    }
    fn inner_title(self) -> Option<&'static str> {
        Some(self.0.title())
    }
    fn inner_shows_detail(self) -> Option<bool> {
        Some(self.0.shows_detail())
    }
    fn inner_fmt_detail(self, f: &mut fmt::Formatter<'_>) -> Option<fmt::Result> {
        Some(self.0.fmt_detail(f))
    }
    fn inner_headers(
        self,
        skip: &[&str],
        header: &mut dyn FnMut(&'static str, HeaderValueText<'_>),
    ) {
        self.0.headers(&mut |name, value| {
            if !named(skip, name) {
                header(name, value);
            }
        });
    }
    fn inner_sends_header(self, name: &str) -> bool {
        let mut sends = false;
        self.0
            .headers(&mut |sent, _| sends |= sent.eq_ignore_ascii_case(name));
        sends
    }
    fn inner_log_level(self) -> Option<Option<super::LogLevel>> {
        Some(self.0.log_level())
    }
    fn inner_waives_header(self, name: &str) -> bool {
        self.0.waives_header(name)
    }
    fn inner_members<M: serde::ser::SerializeMap>(
        self,
        skip: &'static [&'static str],
        map: &mut M,
    ) -> Result<(), M::Error> {
        if skip.is_empty() {
            return self.0.members(map);
        }
        self.0.members(&mut members::Skipping::new(map, skip))
    }
}

impl<T: ?Sized> InnerParts for &&InnerResponse<'_, T> {
    fn inner_problem_type(self) -> Option<&'static str> {
        None
    }
    fn inner_title(self) -> Option<&'static str> {
        None
    }
    fn inner_shows_detail(self) -> Option<bool> {
        None
    }
    fn inner_fmt_detail(self, _: &mut fmt::Formatter<'_>) -> Option<fmt::Result> {
        None
    }
    fn inner_headers(self, _: &[&str], _: &mut dyn FnMut(&'static str, HeaderValueText<'_>)) {}
    fn inner_sends_header(self, _: &str) -> bool {
        false
    }
    fn inner_log_level(self) -> Option<Option<super::LogLevel>> {
        None
    }
    fn inner_waives_header(self, _: &str) -> bool {
        false
    }
    fn inner_members<M: serde::ser::SerializeMap>(
        self,
        _: &'static [&'static str],
        _: &mut M,
    ) -> Result<(), M::Error> {
        Ok(())
    }
}

/// Whether `name` is one of `names`, header names being case-insensitive.
pub fn named(names: &[&str], name: &str) -> bool {
    names.iter().any(|known| known.eq_ignore_ascii_case(name))
}
