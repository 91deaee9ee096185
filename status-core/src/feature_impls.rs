//! Implementations that depend on optional features, for generated code.
//!
//! A `#[cfg(feature = "...")]` inside generated code would be judged against the user's
//! crate, not this one; so generated code calls these macros instead, and this crate's
//! features decide what they expand to.

/// Conversions with `http::StatusCode` (feature `http`).
///
/// `closed`: every member is a valid HTTP code, so `From<E> for http::StatusCode` and
/// `TryFrom<http::StatusCode> for E`. `catch_all`: the other way round. `requested [error]`:
/// a `status_enum!` that says `#[status(http)]`, with the error to give while the feature is
/// off (written by the macro and spanned at the word, so that it points there).
#[cfg(feature = "http")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_http {
    (requested [$($error:tt)*] $($rest:tt)*) => {
        $crate::__private::__impl_http! { $($rest)* }
    };
    ($ty:ident, $name:literal, closed) => {
        impl ::core::convert::From<$ty> for $crate::__private::http::StatusCode {
            #[inline]
            fn from(__status: $ty) -> Self {
                $crate::__private::to_http(__status.code())
            }
        }

        impl ::core::convert::TryFrom<$crate::__private::http::StatusCode> for $ty {
            type Error = $crate::InvalidStatusCode;
            #[inline]
            fn try_from(
                __status: $crate::__private::http::StatusCode,
            ) -> ::core::result::Result<Self, $crate::InvalidStatusCode> {
                <Self as ::core::convert::TryFrom<::core::primitive::u16>>::try_from(
                    __status.as_u16(),
                )
            }
        }
    };
    ($ty:ident, $name:literal, catch_all) => {
        impl ::core::convert::TryFrom<$ty> for $crate::__private::http::StatusCode {
            type Error = $crate::InvalidStatusCode;
            fn try_from(__status: $ty) -> ::core::result::Result<Self, $crate::InvalidStatusCode> {
                let __code = __status.code();
                $crate::__private::http::StatusCode::from_u16(__code)
                    .map_err(|_| $crate::__private::invalid_code(__code, "http::StatusCode"))
            }
        }

        impl ::core::convert::From<$crate::__private::http::StatusCode> for $ty {
            #[inline]
            fn from(__status: $crate::__private::http::StatusCode) -> Self {
                <Self as ::core::convert::From<::core::primitive::u16>>::from(__status.as_u16())
            }
        }
    };
}

#[cfg(not(feature = "http"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_http {
    // The error the macro wrote, spanned at the word that asked.
    (requested [$($error:tt)*] $($rest:tt)*) => {
        $($error)*
    };
    ($($rest:tt)*) => {};
}

/// `Serialize` as the number and `Deserialize` from it (feature `serde`); any other number is
/// an error naming the value and the type. `requested`: a `status_enum!` that says
/// `#[status(serde)]`.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_serde {
    (requested [$($error:tt)*] $($rest:tt)*) => {
        $crate::__private::__impl_serde! { $($rest)* }
    };
    ($ty:ident, $name:literal) => {
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S>(&self, __serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                __serializer.serialize_u16(self.code())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D>(__deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                let __code = $crate::__private::deserialize_code(__deserializer, $name, |__code| {
                    <Self as ::core::convert::TryFrom<::core::primitive::u16>>::try_from(__code)
                        .is_ok()
                })?;
                <Self as ::core::convert::TryFrom<::core::primitive::u16>>::try_from(__code).map_err(
                    |_| {
                        <D::Error as $crate::__private::serde::de::Error>::custom(
                            $crate::__private::invalid_code(__code, $name),
                        )
                    },
                )
            }
        }
    };
}

#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_serde {
    (requested [$($error:tt)*] $($rest:tt)*) => {
        $($error)*
    };
    ($($rest:tt)*) => {};
}

/// `utoipa::ToSchema` for a `status_enum!` type that says `#[status(openapi)]`, and for
/// `StatusCode` (feature `utoipa`): an integer, one of the enum's codes (any `u16` with a
/// catch-all), each code's reason phrase in the description. `requested [error]`: the error to
/// give while the feature is off, spanned at the word.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_openapi {
    (requested [$($error:tt)*] $($rest:tt)*) => {
        $crate::__private::__impl_openapi! { $($rest)* }
    };
    ($ty:ident, closed) => {
        $crate::__private::__impl_openapi! { @schema $ty, false }
    };
    ($ty:ident, catch_all) => {
        $crate::__private::__impl_openapi! { @schema $ty, true }
    };
    (@schema $ty:ident, $catch_all:literal) => {
        impl $crate::__private::utoipa::PartialSchema for $ty {
            fn schema() -> $crate::__private::utoipa::openapi::RefOr<
                $crate::__private::utoipa::openapi::schema::Schema,
            > {
                $crate::__private::openapi::status_enum_schema(&$ty::ALL, $catch_all)
            }
        }

        impl $crate::__private::utoipa::ToSchema for $ty {}
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_openapi {
    // The error the macro wrote, spanned at the word that asked.
    (requested [$($error:tt)*] $($rest:tt)*) => {
        $($error)*
    };
    ($($rest:tt)*) => {};
}

/// `utoipa::IntoResponses` for a derived type with `#[status(response, openapi)]` (feature
/// `utoipa`): the derive writes the impl, whose body is the table of its arms, given to
/// `__private::openapi::responses`; this keeps it. `requested [error]`: the error to give while
/// the feature is off, spanned at `openapi`.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_into_responses {
    (requested [$($error:tt)*] $($impl:tt)*) => {
        $($impl)*
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_into_responses {
    // The error the derive wrote, spanned at `openapi`, so that it points there.
    (requested [$($error:tt)*] $($rest:tt)*) => {
        $($error)*
    };
}

/// `problem::FromProblem` for a derived type with `#[status(response, client)]` (feature
/// `client`): the derive writes the impl, and this keeps it, or gives the error the derive
/// wrote (spanned at `client`) while the feature is off.
#[cfg(feature = "client")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_client {
    (requested [$($error:tt)*] $($impl:tt)*) => {
        $($impl)*
    };
}

#[cfg(not(feature = "client"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_client {
    (requested [$($error:tt)*] $($impl:tt)*) => {
        $($error)*
    };
}

/// `ErrorResponse` for a derived type with `#[status(response)]` (feature `problem`): the derive
/// writes the whole impl, and this keeps it, or gives the error the derive wrote (spanned at
/// `response`) while the feature is off. No token of the impl comes from here, so no error in
/// it says it originates in this macro.
#[cfg(feature = "problem")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_response {
    (requested [$($error:tt)*] $($impl:tt)*) => {
        $($impl)*
    };
}

#[cfg(not(feature = "problem"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_response {
    (requested [$($error:tt)*] $($impl:tt)*) => {
        $($error)*
    };
}

/// `IntoResponse` for a derived type with `#[status(response)]` or `#[status(response(axum))]`
/// (feature `axum`): the derive writes the impl, and this keeps it. `requested [error]`: the
/// error to give while the feature is off, spanned at the word that asked (without it, nothing
/// then); `other_version [error]`: the crate depends on another axum, the error the derive
/// wrote.
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    (other_version [$($error:tt)*]) => {
        $($error)*
    };
    (requested [$($error:tt)*] $($impl:tt)*) => {
        $($impl)*
    };
    ($($impl:tt)*) => {
        $($impl)*
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    (requested [$($error:tt)*] $($impl:tt)*) => {
        $($error)*
    };
    ($($tokens:tt)*) => {};
}

/// `ResponseError` for a derived type with `#[status(response)]` or
/// `#[status(response(actix_web))]` (feature `actix-web`), as `__impl_axum!` for axum.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    (other_version [$($error:tt)*]) => {
        $($error)*
    };
    (requested [$($error:tt)*] $($impl:tt)*) => {
        $($impl)*
    };
    ($($impl:tt)*) => {
        $($impl)*
    };
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    (requested [$($error:tt)*] $($impl:tt)*) => {
        $($error)*
    };
    ($($tokens:tt)*) => {};
}

/// `#[status(response)]` implements the response traits of the frameworks whose feature is
/// on: while none is, it would implement none and say nothing, so the error the derive wrote,
/// spanned at `response`, is given.
#[cfg(any(feature = "axum", feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __any_framework {
    ([$($error:tt)*]) => {};
}

#[cfg(not(any(feature = "axum", feature = "actix-web")))]
#[doc(hidden)]
#[macro_export]
macro_rules! __any_framework {
    ([$($error:tt)*]) => {
        $($error)*
    };
}
