//! Names the generated code uses cannot be captured by the user's: constants named like its
//! parameters, types named like primitives, variants named like associated types.
#![allow(non_upper_case_globals, non_camel_case_types, dead_code)]

use status_core::{HttpStatus, status_enum};

// Each would capture a parameter or binding of the same name in a pattern.
const code: i64 = 1;
const status: i64 = 2;
const text: i64 = 3;
const f: i64 = 4;
const inner: i64 = 5;
const member: i64 = 6;
const other: i64 = 7;
const state: i64 = 8;
const class: i64 = 11;
const serializer: i64 = 9;
const deserializer: i64 = 10;
// Each would replace a primitive named without its path.
struct bool;
struct str;
struct u8;
struct u16;
struct usize;
// Unit structs named like the derive's bindings: an identifier pattern would match them.
struct __inner;
struct __header;
struct __map;
struct __f;
struct __field_seconds;
struct __field_0;
struct __serializer;
struct __deserializer;
struct written;

status_enum! {
    /// Variants named like the associated types `FromStr::Err` and `TryFrom::Error`.
    #[cfg_attr(feature = "http", status(http))]
    #[cfg_attr(feature = "serde", status(serde))]
    pub enum Answer { Ok, Err = 404, Error = 500 }
}

status_enum! {
    #[cfg_attr(feature = "http", status(http))]
    #[cfg_attr(feature = "serde", status(serde))]
    pub enum Proxy { Ok, 499, Other(::core::primitive::u16) }
}

#[derive(Debug, HttpStatus)]
#[status(500)]
enum ApiError {
    #[status(404)]
    Missing,
    #[status(transparent)]
    Answered(Answer),
    #[status(transparent)]
    Proxied { status: Proxy },
}

#[test]
fn generated_code_ignores_the_users_names() {
    assert_eq!(Answer::Err.to_string(), "404 Not Found");
    assert_eq!("500".parse::<Answer>(), Ok(Answer::Error));
    assert_eq!(Answer::try_from(404), Ok(Answer::Err));
    assert_eq!(Proxy::from(499), Proxy::ClientClosedRequest);
    assert_eq!(Proxy::Other(499), Proxy::ClientClosedRequest);
    assert_eq!(ApiError::Answered(Answer::Err).code(), 404);
    assert_eq!(
        ApiError::Proxied {
            status: Proxy::Other(502)
        }
        .reason(),
        "Bad Gateway"
    );
    assert_eq!(ApiError::Missing.code(), 404);
}

#[cfg(feature = "http")]
#[test]
fn http_conversions_ignore_the_users_names() {
    assert_eq!(
        http::StatusCode::from(Answer::Err),
        http::StatusCode::NOT_FOUND
    );
    assert_eq!(Answer::try_from(http::StatusCode::OK), Ok(Answer::Ok));
    assert_eq!(
        Proxy::from(http::StatusCode::IM_A_TEAPOT),
        Proxy::Other(418)
    );
}

#[cfg(feature = "serde")]
#[test]
fn serde_ignores_the_users_names() {
    assert_eq!(serde_json::to_string(&Answer::Error).unwrap(), "500");
    assert_eq!(
        serde_json::from_str::<Proxy>("499").unwrap(),
        Proxy::ClientClosedRequest
    );
}

/// An error response whose fields are bound under the names above.
#[cfg(feature = "problem")]
#[derive(Debug, HttpStatus)]
#[status(500, response(parts), header("Cache-Control" = "no-store"))]
enum Responding {
    #[status(429)]
    Slow {
        #[status(header = "Retry-After", member)]
        seconds: ::core::primitive::u32,
    },
    #[status(transparent)]
    Wrapped(Limited),
}

#[cfg(feature = "problem")]
#[derive(Debug, HttpStatus)]
#[status(503, response(parts), detail, header("Retry-After" = "60"))]
struct Limited;

#[cfg(feature = "problem")]
impl std::fmt::Display for Responding {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("responding")
    }
}

#[cfg(feature = "problem")]
impl std::fmt::Display for Limited {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("limited")
    }
}

#[cfg(feature = "problem")]
#[test]
fn responses_ignore_the_users_names() {
    use status_core::problem::{self, ErrorResponse};

    let headers = |error: &Responding| {
        let mut headers = Vec::new();
        error.headers(&mut |name, value| headers.push(format!("{name}: {value}")));
        headers
    };
    let slow = Responding::Slow { seconds: 30 };
    assert_eq!(
        headers(&slow),
        ["Cache-Control: no-store", "Retry-After: 30"]
    );
    assert!(problem::body(&slow).ends_with(r#""detail":"responding","seconds":30}"#));
    let wrapped = Responding::Wrapped(Limited);
    assert_eq!(
        headers(&wrapped),
        ["Cache-Control: no-store", "Retry-After: 60"]
    );
    assert!(problem::body(&wrapped).ends_with(r#""detail":"limited"}"#));
}

/// Type parameters named as the generated methods' own (`__S`, `__M`): those take others.
#[cfg(feature = "problem")]
#[derive(Debug, HttpStatus)]
#[status(422, response(parts, body = generic_body))]
struct Named<__S: serde::Serialize + std::fmt::Debug, __M: serde::Serialize + std::fmt::Debug> {
    #[status(member)]
    first: __S,
    #[status(member)]
    second: __M,
}

#[cfg(feature = "problem")]
fn generic_body<
    __S: serde::Serialize + std::fmt::Debug,
    __M: serde::Serialize + std::fmt::Debug,
>(
    error: &Named<__S, __M>,
) -> status_core::problem::Document<'_, Named<__S, __M>> {
    status_core::problem::Document(error)
}

#[cfg(feature = "problem")]
impl<__S: serde::Serialize + std::fmt::Debug, __M: serde::Serialize + std::fmt::Debug>
    std::fmt::Display for Named<__S, __M>
{
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("named")
    }
}

#[cfg(feature = "problem")]
#[test]
fn the_users_type_parameters_keep_their_names() {
    let named = Named {
        first: 1u8,
        second: "two",
    };
    let body = status_core::problem::body(&named);
    assert_eq!(
        body,
        r#"{"type":"about:blank","title":"Unprocessable Content","status":422,"detail":"named","first":1,"second":"two"}"#
    );
}
