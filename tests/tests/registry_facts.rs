//! What the registry says of each status (`is_cacheable_by_default`, `allows_content`,
//! `required_headers`, `recommended_headers`), over every code, through each way of asking:
//! `StatusCode`, a `status_enum!` with a catch-all, `&dyn HttpStatus` and a derived type.

use status_core::{HttpStatus, StatusCode, status_enum};

status_enum! {
    /// Every registered code, vendor codes included, and any other number.
    enum Any { 1xx, 2xx, 3xx, 4xx, 5xx, 444, 499, 509, 520, Other(u16) }
}

/// A derived error with fixed statuses and one transparent variant.
#[derive(Debug, HttpStatus)]
enum ApiError {
    #[status(401)]
    Unauthorized,
    #[status(MethodNotAllowed)]
    NotAllowed,
    #[status(410)]
    Gone,
    #[status(499)]
    Closed,
    #[status(transparent)]
    Other(StatusCode),
}

/// The RFC lists (RFC 9110, Sections 15.1, 6.4.1, 15.3.6, 15.2.2, 15.4.x, 15.5.x; RFC 7725).
fn cacheable(code: u16) -> bool {
    [
        200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501,
    ]
    .contains(&code)
}

fn allows_content(code: u16) -> bool {
    ![100, 101, 102, 103, 104, 204, 205, 304].contains(&code)
}

fn required(code: u16) -> &'static [&'static str] {
    match code {
        101 | 426 => &["Upgrade"],
        401 => &["WWW-Authenticate"],
        405 => &["Allow"],
        407 => &["Proxy-Authenticate"],
        _ => &[],
    }
}

fn recommended(code: u16) -> &'static [&'static str] {
    match code {
        301 | 302 | 307 | 308 => &["Location"],
        416 => &["Content-Range"],
        _ => &[],
    }
}

/// Every value to ask: each `StatusCode`, and each code 0..1000 as `Any` (a member or the
/// catch-all), through the inherent method, `&dyn HttpStatus`, and `ApiError::Other`.
fn check<T: PartialEq + std::fmt::Debug>(
    expected: fn(u16) -> T,
    of_status_code: fn(StatusCode) -> T,
    of_any: fn(Any) -> T,
    of_dyn: fn(&dyn HttpStatus) -> T,
) {
    for &status in StatusCode::ALL {
        let code = status.code();
        assert_eq!(of_status_code(status), expected(code), "{status}");
        assert_eq!(of_dyn(&status), expected(code), "&dyn {status}");
        assert_eq!(
            of_dyn(&ApiError::Other(status)),
            expected(code),
            "derived {status}"
        );
    }
    for code in 0..1000 {
        let any = Any::from(code);
        assert_eq!(of_any(any), expected(code), "Any {code}");
        assert_eq!(of_dyn(&any), expected(code), "&dyn Any {code}");
        assert_eq!(
            of_any(Any::Other(code)),
            expected(code),
            "Any::Other({code})"
        );
    }
    for (error, code) in [
        (ApiError::Unauthorized, 401),
        (ApiError::NotAllowed, 405),
        (ApiError::Gone, 410),
        (ApiError::Closed, 499),
    ] {
        assert_eq!(of_dyn(&error), expected(code), "{error:?}");
    }
}

#[test]
fn is_cacheable_by_default_over_every_code() {
    check(
        cacheable,
        StatusCode::is_cacheable_by_default,
        Any::is_cacheable_by_default,
        |status| status.is_cacheable_by_default(),
    );
    assert_eq!(
        StatusCode::ALL
            .iter()
            .filter(|s| s.is_cacheable_by_default())
            .count(),
        13
    );
}

#[test]
fn allows_content_over_every_code() {
    check(
        allows_content,
        StatusCode::allows_content,
        Any::allows_content,
        |status| status.allows_content(),
    );
    assert_eq!(
        StatusCode::ALL
            .iter()
            .filter(|s| !s.allows_content())
            .count(),
        8
    );
}

#[test]
fn required_headers_over_every_code() {
    check(
        required,
        StatusCode::required_headers,
        Any::required_headers,
        |status| status.required_headers(),
    );
    assert_eq!(StatusCode::UpgradeRequired.required_headers(), ["Upgrade"]);
}

#[test]
fn recommended_headers_over_every_code() {
    check(
        recommended,
        StatusCode::recommended_headers,
        Any::recommended_headers,
        |status| status.recommended_headers(),
    );
    assert_eq!(
        StatusCode::MovedPermanently.recommended_headers(),
        ["Location"]
    );
}

/// The methods are `const fn`s.
#[test]
fn usable_in_const_items() {
    const ALLOW: &[&str] = StatusCode::MethodNotAllowed.required_headers();
    const EMPTY: bool = StatusCode::NoContent.allows_content();
    const CACHED: bool = StatusCode::Gone.is_cacheable_by_default();
    const LOCATION: &[&str] = StatusCode::PermanentRedirect.recommended_headers();
    assert_eq!(
        (ALLOW, EMPTY, CACHED, LOCATION),
        (&["Allow"][..], false, true, &["Location"][..])
    );
}
