//! Feature `serde`: statuses (de)serialize as the number.
#![cfg(feature = "serde")]

use status_core::{StatusCode, status_enum};

status_enum! {
    /// A closed subset.
    #[status(serde)]
    pub enum OrderStatus { Ok, NotFound, 429 }
}

status_enum! {
    /// A catch-all enum.
    #[status(serde)]
    pub enum AnyStatus { Ok, Other(u16) }
}

status_enum! {
    /// No `#[status(serde)]`: the user's own derive, serde's default representation (the
    /// variant name), with no guessing from attributes.
    #[derive(serde::Serialize, serde::Deserialize)]
    pub enum Named { Ok, NotFound }
}

#[test]
fn every_status_code_round_trips() {
    for &status in StatusCode::ALL {
        let json = serde_json::to_string(&status).unwrap();
        assert_eq!(json, status.code().to_string());
        assert_eq!(serde_json::from_str::<StatusCode>(&json).unwrap(), status);
    }
    for &status in OrderStatus::ALL {
        let json = serde_json::to_value(status).unwrap();
        assert_eq!(serde_json::from_value::<OrderStatus>(json).unwrap(), status);
    }
}

#[test]
fn numbers_outside_the_enum_are_errors_naming_value_and_type() {
    let error = |json: &str| {
        serde_json::from_str::<OrderStatus>(json)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        error("418"),
        "418 is not a code of OrderStatus at line 1 column 3"
    );
    assert_eq!(
        error("70000"),
        "70000 is not a code of OrderStatus: HTTP status codes are 100..=599 at line 1 column 5"
    );
    assert_eq!(
        error("-404"),
        "-404 is not a code of OrderStatus: HTTP status codes are 100..=599 at line 1 column 4"
    );
    assert!(
        error("\"404\"").contains("expected a status code of OrderStatus"),
        "{}",
        error("\"404\"")
    );
    assert!(error("404.5").contains("expected a status code of OrderStatus"));
    assert!(
        serde_json::from_str::<StatusCode>("306")
            .unwrap_err()
            .to_string()
            .contains("306 is not a code of StatusCode")
    );
}

#[test]
fn catch_all_keeps_any_http_code() {
    assert_eq!(
        serde_json::from_str::<AnyStatus>("599").unwrap(),
        AnyStatus::Other(599)
    );
    assert_eq!(
        serde_json::from_str::<AnyStatus>("200").unwrap(),
        AnyStatus::Ok
    );
    assert_eq!(
        serde_json::to_string(&AnyStatus::Other(599)).unwrap(),
        "599"
    );
    assert!(serde_json::from_str::<AnyStatus>("65536").is_err());
    assert_eq!(
        serde_json::from_str::<AnyStatus>("0").unwrap(),
        AnyStatus::Other(0)
    );
}

#[test]
fn a_user_derive_is_left_alone() {
    assert_eq!(
        serde_json::to_string(&Named::NotFound).unwrap(),
        "\"NotFound\""
    );
    assert_eq!(serde_json::from_str::<Named>("\"Ok\"").unwrap(), Named::Ok);
}

#[test]
fn inside_a_struct() {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Response {
        status: StatusCode,
        statuses: Vec<OrderStatus>,
    }
    let response = Response {
        status: StatusCode::Created,
        statuses: vec![OrderStatus::TooManyRequests],
    };
    let json = serde_json::to_string(&response).unwrap();
    assert_eq!(json, r#"{"status":201,"statuses":[429]}"#);
    assert_eq!(serde_json::from_str::<Response>(&json).unwrap(), response);
}
