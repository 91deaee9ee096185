//! Feature `http`: conversions with `http::StatusCode`.
#![cfg(feature = "http")]

use status_core::http::ToHttp;
use status_core::{HttpStatus, StatusCode, status_enum};

status_enum! {
    /// A closed subset.
    #[status(http)]
    pub enum OrderStatus { Ok, NotFound, 429 }
}

status_enum! {
    /// A catch-all enum.
    #[status(http)]
    pub enum AnyStatus { Ok, 499, Other(u16) }
}

#[derive(HttpStatus)]
#[status(TooManyRequests)]
struct SlowDown;

#[test]
fn every_status_code_round_trips() {
    let mut renamed = Vec::new();
    for &status in StatusCode::ALL {
        let theirs = http::StatusCode::from(status);
        assert_eq!(theirs.as_u16(), status.code());
        assert_eq!(theirs, status.to_http());
        assert_eq!(StatusCode::try_from(theirs), Ok(status));
        if let Some(reason) = theirs.canonical_reason()
            && reason != status.reason()
        {
            renamed.push((status.code(), reason));
        }
    }
    // Where `http` keeps a pre-RFC 9110 phrase; every other phrase it knows agrees.
    assert_eq!(
        renamed,
        [
            (203, "Non Authoritative Information"),
            (413, "Payload Too Large"),
            (422, "Unprocessable Entity")
        ]
    );
}

#[test]
fn every_http_code_converts_or_errs() {
    for code in 100..=999u16 {
        let theirs = http::StatusCode::from_u16(code).unwrap();
        match StatusCode::try_from(theirs) {
            Ok(ours) => assert_eq!(ours.code(), code),
            Err(error) => {
                assert_eq!((error.code(), error.target()), (code, "StatusCode"));
                assert!(StatusCode::from_code(code).is_none());
            }
        }
        match OrderStatus::try_from(theirs) {
            Ok(ours) => assert_eq!(http::StatusCode::from(ours), theirs),
            Err(error) => assert_eq!(
                error.to_string(),
                format!("{code} is not a code of OrderStatus")
                    + if code > 599 {
                        ": HTTP status codes are 100..=599"
                    } else {
                        ""
                    }
            ),
        }
        let any = AnyStatus::from(theirs);
        assert_eq!(any.code(), code);
        assert_eq!(http::StatusCode::try_from(any), Ok(theirs));
    }
}

#[test]
fn catch_all_values_outside_http_are_errors() {
    let error = http::StatusCode::try_from(AnyStatus::Other(42)).unwrap_err();
    assert_eq!(
        error.to_string(),
        "42 is not a code of http::StatusCode: HTTP status codes are 100..=599"
    );
    // `to_http` never fails: a malformed code goes out as 500.
    assert_eq!(
        AnyStatus::Other(42).to_http(),
        http::StatusCode::INTERNAL_SERVER_ERROR
    );
    assert_eq!(AnyStatus::ClientClosedRequest.to_http().as_u16(), 499);
}

#[test]
fn derived_types_convert_through_the_trait() {
    assert_eq!(SlowDown.to_http(), http::StatusCode::TOO_MANY_REQUESTS);
    let dynamic: &dyn HttpStatus = &SlowDown;
    assert_eq!(dynamic.to_http().as_u16(), 429);
}

/// An upstream's status, known only at run time, wrapped as is.
#[derive(Debug, HttpStatus)]
#[status(500)]
enum ProxyError {
    #[status(transparent)]
    Upstream(http::StatusCode),
    Unreachable,
}

#[test]
fn http_status_codes_are_statuses() {
    let mut beyond_status_code = Vec::new();
    for code in 100..=999u16 {
        let theirs = http::StatusCode::from_u16(code).unwrap();
        let wrapped = ProxyError::Upstream(theirs);
        assert_eq!(wrapped.code(), code);
        assert_eq!(wrapped.to_http(), theirs);
        // The registry's phrase: `StatusCode`'s, else 306's or a vendor code's, else empty.
        match StatusCode::from_code(code) {
            Some(status) => assert_eq!(wrapped.reason(), status.reason()),
            None if wrapped.reason().is_empty() => {}
            None => beyond_status_code.push(code),
        }
    }
    let vendor = [
        444, 494, 495, 496, 497, 499, 509, 520, 521, 522, 523, 524, 525, 526, 530,
    ];
    assert_eq!(beyond_status_code, [&[306][..], &vendor].concat());
    let nginx = ProxyError::Upstream(http::StatusCode::from_u16(499).unwrap());
    assert_eq!(nginx.reason(), "Client Closed Request");

    let status = http::StatusCode::UNPROCESSABLE_ENTITY;
    // The registry's RFC 9110 phrase, not `http`'s older one.
    assert_eq!(HttpStatus::reason(&status), "Unprocessable Content");
    assert_eq!(status.canonical_reason(), Some("Unprocessable Entity"));
    assert!(HttpStatus::is_client_error(&status));

    let unregistered = ProxyError::Upstream(http::StatusCode::from_u16(599).unwrap());
    assert_eq!((unregistered.code(), unregistered.reason()), (599, ""));
    assert!(unregistered.is_server_error());
    // Outside 100..=599: not HTTP, counted as the server's fault.
    let malformed = ProxyError::Upstream(http::StatusCode::from_u16(700).unwrap());
    assert_eq!((malformed.code(), malformed.reason()), (700, ""));
    assert!(malformed.is_server_error());
    assert_eq!(ProxyError::Unreachable.code(), 500);
}

/// The common shape of a service's error: a status among other fields. `transparent` on the
/// field that holds it; the reason phrase comes with it.
#[derive(Debug, HttpStatus)]
struct AppError {
    #[status(transparent)]
    status: http::StatusCode,
    #[allow(dead_code)]
    message: String,
}

#[derive(Debug, HttpStatus)]
enum GatewayError {
    Upstream {
        #[allow(dead_code)]
        body: String,
        #[status(transparent)]
        status: http::StatusCode,
    },
    #[status(503)]
    Down,
}

#[test]
fn a_status_field_among_others() {
    let error = AppError {
        status: http::StatusCode::CONFLICT,
        message: "taken".to_owned(),
    };
    assert_eq!((error.code(), error.reason()), (409, "Conflict"));
    assert_eq!(error.to_http(), http::StatusCode::CONFLICT);
    let upstream = GatewayError::Upstream {
        body: String::new(),
        status: http::StatusCode::BAD_GATEWAY,
    };
    assert_eq!((upstream.code(), GatewayError::Down.code()), (502, 503));
}
