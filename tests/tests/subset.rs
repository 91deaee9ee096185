//! Every generated item on user-defined `status_enum!` types.
#![deny(missing_docs)]

use std::collections::HashSet;

use status_core::{HttpStatus, StatusClass, StatusCode, status_enum};

status_enum! {
    /// Statuses the orders API answers with.
    #[derive(Default)]
    pub enum OrderStatus {
        /// Everything went well.
        #[default]
        Ok,
        NOT_FOUND,
        429,
        Missing = 410,
        5xx,
    }
}

status_enum! {
    /// Codes a proxy logs, vendor codes included.
    pub enum ProxyStatus {
        BadGateway,
        499,
        SslHandshakeFailed,
    }
}

status_enum! {
    /// Anything, with the common ones named.
    #[non_exhaustive]
    pub enum LoggedStatus {
        Ok,
        ClientClosedRequest,
        Unknown(u16),
    }
}

status_enum! {
    enum Private { Created }
}

status_enum! {
    /// Only a catch-all: every HTTP code, none named.
    pub enum AnyCode { Code(u16) }
}

status_enum! {
    /// Exists only where its `cfg` holds, and so do its impls.
    #[cfg(any())]
    pub enum Absent { Ok }
}

status_enum! {
    /// A member the user deprecated: no warning from the generated code.
    pub enum Legacy {
        Ok,
        /// Proxies no longer ask for this.
        #[deprecated]
        UseProxy,
    }
}

/// Generated code names primitives by absolute path, so local types of the same name do not
/// interfere.
#[allow(non_camel_case_types, dead_code)]
mod shadowing {
    struct u16;
    struct usize;
    struct str;
    struct u8;

    status_core::status_enum! {
        /// Beside shadowed primitives.
        pub enum Shadowed { Ok, NotFound, Other(::core::primitive::u16) }
    }

    status_core::status_enum! {
        /// Without a catch-all.
        pub enum Closed { Ok, 404 }
    }

    #[derive(status_core::HttpStatus)]
    #[status(500)]
    pub struct Failure;
}

#[test]
fn members_and_names() {
    assert_eq!(OrderStatus::NotFound.code(), 404);
    assert_eq!(OrderStatus::TooManyRequests.code(), 429);
    assert_eq!(OrderStatus::Missing.code(), 410);
    assert_eq!(OrderStatus::Missing.reason(), "Gone");
    assert_eq!(OrderStatus::Missing.to_string(), "410 Gone");
    assert_eq!(OrderStatus::Missing as u16, 410);
    assert_eq!(OrderStatus::default(), OrderStatus::Ok);
    let codes: Vec<u16> = OrderStatus::ALL.iter().map(|s| s.code()).collect();
    assert_eq!(
        codes,
        [
            200, 404, 410, 429, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511
        ]
    );
    assert_eq!(Private::Created.code(), 201);
    assert_eq!(Private::ALL, [Private::Created]);
}

#[test]
fn tables_match_status_code() {
    for &status in OrderStatus::ALL {
        let general = StatusCode::from(status);
        assert_eq!(general.code(), status.code());
        assert_eq!(status.reason(), general.reason());
        assert_eq!(status.description(), general.description());
        assert_eq!(status.reference(), general.reference());
        assert_eq!(status.class(), general.class());
        assert_eq!(status.to_string(), general.to_string());
        assert_eq!(status.is_error(), general.is_error());
        assert_eq!(status.is_server_error(), general.is_server_error());
        assert_eq!(status.is_client_error(), general.is_client_error());
        assert_eq!(status.is_success(), general.is_success());
        assert_eq!(status.is_redirection(), general.is_redirection());
        assert_eq!(status.is_informational(), general.is_informational());
        assert_eq!(OrderStatus::try_from(general), Ok(status));
    }
    let error = OrderStatus::try_from(StatusCode::Created).unwrap_err();
    assert_eq!((error.code(), error.target()), (201, "OrderStatus"));
}

#[test]
fn every_u16_round_trips() {
    let members: HashSet<u16> = OrderStatus::ALL.iter().map(|s| s.code()).collect();
    let vendor: HashSet<u16> = ProxyStatus::ALL.iter().map(|s| s.code()).collect();
    assert_eq!(vendor, HashSet::from([502, 499, 525]));
    for code in 0..=u16::MAX {
        match OrderStatus::try_from(code) {
            Ok(status) => {
                assert!(members.contains(&code));
                assert_eq!(u16::from(status), code);
                assert_eq!(OrderStatus::from_code(code), Some(status));
                assert_eq!(format!("{:03}", code).parse::<OrderStatus>(), Ok(status));
            }
            Err(error) => {
                assert!(!members.contains(&code));
                assert_eq!(error.code(), code);
                assert_eq!(error.target(), "OrderStatus");
                assert_eq!(OrderStatus::from_code(code), None);
            }
        }
        assert_eq!(ProxyStatus::try_from(code).is_ok(), vendor.contains(&code));
        let logged = LoggedStatus::from(code);
        assert_eq!(logged.code(), code);
        assert_eq!(u16::from(logged), code);
        match code {
            200 => assert_eq!(logged, LoggedStatus::Ok),
            499 => assert_eq!(logged, LoggedStatus::ClientClosedRequest),
            _ => assert_eq!(logged, LoggedStatus::Unknown(code)),
        }
        // One domain, every `u16`, through every conversion.
        assert_eq!(LoggedStatus::from_code(code), Some(logged));
    }
}

#[test]
fn vendor_members_convert_to_status_code_fallibly() {
    assert_eq!(
        StatusCode::try_from(ProxyStatus::BadGateway),
        Ok(StatusCode::BadGateway)
    );
    let error = StatusCode::try_from(ProxyStatus::ClientClosedRequest).unwrap_err();
    assert_eq!((error.code(), error.target()), (499, "StatusCode"));
    assert_eq!(
        ProxyStatus::ClientClosedRequest.to_string(),
        "499 Client Closed Request"
    );
    assert_eq!(
        ProxyStatus::SslHandshakeFailed.class(),
        StatusClass::ServerError
    );
    assert_eq!(
        ProxyStatus::try_from(StatusCode::BadGateway),
        Ok(ProxyStatus::BadGateway)
    );
    assert!(ProxyStatus::try_from(StatusCode::Ok).is_err());
}

#[test]
fn catch_all() {
    let other = LoggedStatus::Unknown(404);
    assert_eq!(other.reason(), "Not Found");
    assert_eq!(other.description(), StatusCode::NotFound.description());
    assert_eq!(other.reference(), StatusCode::NotFound.reference());
    assert_eq!(other.to_string(), "404 Not Found");
    assert_eq!(format!("[{:>15}]", other), "[  404 Not Found]");
    assert_eq!(format!("[{:<5}]", LoggedStatus::Unknown(599)), "[599  ]");
    assert_eq!(LoggedStatus::Unknown(599).to_string(), "599");
    assert_eq!(LoggedStatus::Unknown(599).reason(), "");
    assert_eq!(
        LoggedStatus::ClientClosedRequest.reason(),
        "Client Closed Request"
    );
    assert_eq!(LoggedStatus::from(StatusCode::Ok), LoggedStatus::Ok);
    assert_eq!(
        LoggedStatus::from(StatusCode::Gone),
        LoggedStatus::Unknown(410)
    );
    assert_eq!(
        StatusCode::try_from(LoggedStatus::Unknown(410)),
        Ok(StatusCode::Gone)
    );
    assert!(StatusCode::try_from(LoggedStatus::ClientClosedRequest).is_err());
    assert_eq!("599".parse(), Ok(LoggedStatus::Unknown(599)));
    assert_eq!("200".parse(), Ok(LoggedStatus::Ok));
    assert_eq!("099".parse(), Ok(LoggedStatus::Unknown(99)));
    assert_eq!("999".parse(), Ok(LoggedStatus::Unknown(999)));
    assert_eq!("1000".parse::<LoggedStatus>().unwrap_err().code(), None);
    // Values compare, hash and order by code.
    assert_eq!(
        LoggedStatus::Unknown(499),
        LoggedStatus::ClientClosedRequest
    );
    assert!(LoggedStatus::Unknown(300) < LoggedStatus::ClientClosedRequest);
    assert!(LoggedStatus::Ok < LoggedStatus::Unknown(201));
    assert_eq!(
        LoggedStatus::ALL,
        [LoggedStatus::Ok, LoggedStatus::ClientClosedRequest]
    );
    // Not HTTP: kept as is, and a malformed response counts as the server's fault.
    let bogus = LoggedStatus::from(42);
    assert_eq!(bogus.code(), 42);
    assert_eq!(bogus.class(), StatusClass::ServerError);
    assert!(bogus.is_error());
    let dynamic: &dyn HttpStatus = &LoggedStatus::Unknown(302);
    assert!(dynamic.is_redirection());
    assert_eq!(dynamic.reason(), "Found");
}

/// A catch-all value holding a member's code is that member (it compares equal to it), so it
/// answers every method as the member does, a vendor member's texts included.
#[test]
fn a_catch_all_holding_a_members_code_answers_as_the_member() {
    let held = LoggedStatus::Unknown(499);
    let member = LoggedStatus::ClientClosedRequest;
    assert_eq!(held.reason(), "Client Closed Request");
    assert_eq!(held.to_string(), "499 Client Closed Request");
    assert_eq!(format!("[{held:>27}]"), "[  499 Client Closed Request]");
    assert_eq!(held.description(), member.description());
    assert_eq!(held.reference(), member.reference());
    assert!(!held.description().is_empty() && !held.reference().is_empty());
    let dynamic: &dyn HttpStatus = &held;
    assert_eq!(dynamic.reason(), "Client Closed Request");
    const HELD_REASON: &str = LoggedStatus::Unknown(499).reason();
    assert_eq!(HELD_REASON, "Client Closed Request");
    // A code no member has keeps `StatusCode`'s texts, or none.
    assert_eq!(LoggedStatus::Unknown(404).reason(), "Not Found");
    assert_eq!(LoggedStatus::Unknown(444).reason(), "");
    assert_eq!(LoggedStatus::Unknown(444).to_string(), "444");
}

#[test]
fn cfg_deprecated_and_shadowing() {
    assert_eq!(Legacy::ALL.len(), 2);
    assert_eq!(
        Legacy::from_code(305).map(|s| s.reason()),
        Some("Use Proxy")
    );
    assert_eq!(
        shadowing::Shadowed::from(404),
        shadowing::Shadowed::NotFound
    );
    assert_eq!(shadowing::Closed::NotFound.to_string(), "404 Not Found");
    assert_eq!(HttpStatus::code(&shadowing::Failure), 500);
}

#[test]
fn an_enum_of_only_a_catch_all() {
    assert!(AnyCode::ALL.is_empty());
    assert_eq!(AnyCode::from(404), AnyCode::Code(404));
    assert_eq!(AnyCode::from_code(404), Some(AnyCode::Code(404)));
    assert_eq!(AnyCode::from_code(99), Some(AnyCode::Code(99)));
    assert_eq!(AnyCode::Code(404).to_string(), "404 Not Found");
    assert_eq!("418".parse(), Ok(AnyCode::Code(418)));
}

#[test]
fn catch_all_display_honours_precision_like_members() {
    assert_eq!(format!("{:.3}", LoggedStatus::Unknown(404)), "404");
    assert_eq!(format!("{:.3}", LoggedStatus::Ok), "200");
}

#[test]
fn const_fns_work_in_const_context() {
    const CODE: u16 = OrderStatus::Missing.code();
    const REASON: &str = OrderStatus::TooManyRequests.reason();
    const FOUND: Option<OrderStatus> = OrderStatus::from_code(404);
    const CLASS: StatusClass = OrderStatus::BadGateway.class();
    const SERVER: bool = OrderStatus::BadGateway.is_server_error();
    assert_eq!((CODE, REASON), (410, "Too Many Requests"));
    assert_eq!(FOUND, Some(OrderStatus::NotFound));
    assert_eq!(CLASS, StatusClass::ServerError);
    const { assert!(SERVER) };
}

#[test]
fn exhaustive_match_needs_no_wildcard() {
    fn label(status: ProxyStatus) -> &'static str {
        match status {
            ProxyStatus::BadGateway => "gateway",
            ProxyStatus::ClientClosedRequest => "client left",
            ProxyStatus::SslHandshakeFailed => "tls",
        }
    }
    assert_eq!(label(ProxyStatus::ClientClosedRequest), "client left");
}

#[test]
fn parse_errors_name_the_enum_and_fit_in_two_registers() {
    use status_core::ParseStatusError;
    use std::mem::size_of;

    let error = "404x".parse::<OrderStatus>().unwrap_err();
    assert_eq!(error.code(), None);
    assert_eq!(error.target(), "OrderStatus");
    assert_eq!(
        error.to_string(),
        "invalid OrderStatus: expected exactly three ASCII digits"
    );
    let error = "418".parse::<OrderStatus>().unwrap_err();
    assert_eq!(error.code(), Some(418));
    assert_eq!(
        error.to_string(),
        "invalid OrderStatus: 418 is not one of its codes"
    );
    let error = "099".parse::<OrderStatus>().unwrap_err();
    assert_eq!(error.target(), "OrderStatus");
    assert_eq!(
        error.to_string(),
        "invalid OrderStatus: 099 is not one of its codes: HTTP status codes are 100..=599"
    );
    let error = "4o4".parse::<LoggedStatus>().unwrap_err();
    assert_eq!(error.target(), "LoggedStatus");
    assert_eq!(
        error.to_string(),
        "invalid LoggedStatus: expected exactly three ASCII digits"
    );

    assert!(size_of::<Result<OrderStatus, ParseStatusError>>() <= 16);
    assert!(size_of::<Result<LoggedStatus, ParseStatusError>>() <= 16);
    assert!(size_of::<Result<AnyCode, ParseStatusError>>() <= 16);
}
