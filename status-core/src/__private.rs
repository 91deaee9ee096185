//! Support for generated code: what expansions name, by paths no item of the user's can
//! shadow. Not public API: it may change in any release. Re-exports and one-line helpers only;
//! the logic is in the modules named here.

pub use core::option::Option;
pub use core::result::Result;

// Every macro generated code calls, by this one path.
pub use crate::{
    __any_framework, __impl_actix_web, __impl_axum, __impl_client, __impl_http,
    __impl_into_responses, __impl_openapi, __impl_response, __impl_serde,
};

pub use crate::conversions::*;
pub use crate::status::{FieldStatus, StatusField};
pub use crate::tables::*;
pub use crate::{
    HttpStatus, InvalidStatusCode, ParseStatusError, StatusClass, StatusCode, StatusSet,
};

/// The error of a conversion into `target` that refused `code`.
#[inline]
pub const fn invalid_code(code: u16, target: &'static str) -> InvalidStatusCode {
    InvalidStatusCode::new(code, target)
}

#[cfg(feature = "problem")]
pub use crate::problem::delegate::{
    AsError, ErrorOf, InnerParts, InnerResponse, default_title, named,
};

#[cfg(feature = "client")]
pub mod client {
    //! Reading a problem document back into the derived type that sent it.
    pub use crate::problem::decode::*;
}

#[cfg(feature = "utoipa")]
pub mod openapi {
    //! The OpenAPI description of derived responses, built from the table the derive writes.
    pub use crate::openapi::*;
}

#[cfg(feature = "http")]
pub use http;

#[cfg(feature = "serde")]
pub use serde;

#[cfg(feature = "utoipa")]
pub use utoipa;

#[cfg(feature = "axum")]
pub use ::axum;

#[cfg(feature = "actix-web")]
pub use actix_web;
