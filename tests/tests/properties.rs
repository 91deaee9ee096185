//! Property tests of the runtime: no input panics, and parsing accepts exactly three ASCII
//! digits that are the code of a member.

use proptest::prelude::*;
use status_core::{StatusCode, status_enum};

status_enum! {
    /// A subset with a catch-all.
    #[cfg_attr(feature = "serde", status(serde))]
    pub enum AnyStatus { Ok, NotFound, 499, Other(u16) }
}

fn expected(text: &str) -> Option<StatusCode> {
    let bytes = text.as_bytes();
    if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    StatusCode::from_code(text.parse().ok()?)
}

/// A catch-all enum has one domain, every `u16`, through every conversion; a member's code
/// always gives the member, and `Other(code)` equals it.
#[test]
fn catch_all_has_one_domain_through_every_conversion() {
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher};

    let hash = |status: AnyStatus| {
        let mut hasher = DefaultHasher::new();
        status.hash(&mut hasher);
        hasher.finish()
    };
    let mut previous: Option<AnyStatus> = None;
    for code in 0..=u16::MAX {
        let status = AnyStatus::from(code);
        assert_eq!(status.code(), code);
        assert_eq!(AnyStatus::from_code(code), Some(status), "{code}");
        assert_eq!(AnyStatus::Other(code), status, "{code}");
        assert_eq!(hash(AnyStatus::Other(code)), hash(status), "{code}");
        let is_member = matches!(code, 200 | 404 | 499);
        assert_eq!(!matches!(status, AnyStatus::Other(_)), is_member, "{code}");
        if code <= 999 {
            assert_eq!(
                format!("{code:03}").parse::<AnyStatus>(),
                Ok(status),
                "{code}"
            );
        }
        #[cfg(feature = "serde")]
        {
            assert_eq!(
                serde_json::from_str::<AnyStatus>(&code.to_string()).unwrap(),
                status
            );
            assert_eq!(serde_json::to_string(&status).unwrap(), code.to_string());
        }
        if let Some(previous) = previous {
            assert!(previous < status, "{code}");
            assert_eq!(status.cmp(&previous), std::cmp::Ordering::Greater, "{code}");
        }
        previous = Some(status);
    }
    assert_eq!(AnyStatus::Other(499), AnyStatus::ClientClosedRequest);
    assert!(AnyStatus::Other(1000).is_server_error());
    assert_eq!(AnyStatus::Other(404).reason(), "Not Found");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    #[test]
    fn from_str_on_any_string(text in any::<String>()) {
        let parsed = text.parse::<StatusCode>().ok();
        prop_assert_eq!(parsed, expected(&text));
        if let Err(error) = text.parse::<StatusCode>() {
            // The code exactly when the text was three ASCII digits.
            let digits = text.len() == 3 && text.bytes().all(|b| b.is_ascii_digit());
            prop_assert_eq!(error.code(), digits.then(|| text.parse::<u16>().unwrap()));
            prop_assert_eq!(error.target(), "StatusCode");
            prop_assert!(error.to_string().starts_with("invalid StatusCode: "));
        }
        let _ = text.parse::<AnyStatus>();
    }

    #[test]
    fn from_str_on_digit_like_strings(text in "[0-9٠-٩+\\- ]{0,5}") {
        prop_assert_eq!(text.parse::<StatusCode>().ok(), expected(&text));
    }

    #[test]
    fn from_str_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..8)) {
        if let Ok(text) = std::str::from_utf8(&bytes) {
            prop_assert_eq!(text.parse::<StatusCode>().ok(), expected(text));
        }
    }

    #[test]
    fn display_parses_back(code in any::<u16>()) {
        if let Some(status) = StatusCode::from_code(code) {
            let line = status.to_string();
            prop_assert_eq!(line[..3].parse::<StatusCode>(), Ok(status));
            prop_assert_eq!(&line[4..], status.reason());
        }
        let any = AnyStatus::from(code);
        prop_assert_eq!(any.code(), code);
        let _ = format!("{any:>40.10}");
    }
}

#[cfg(feature = "serde")]
mod serde_values {
    use super::*;
    use serde_json::Value;

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (0u64..1000).prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            ".{0,6}".prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                proptest::collection::hash_map(".{0,3}", inner, 0..3)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn deserialize_any_json(value in json_value()) {
            let parsed = serde_json::from_value::<StatusCode>(value.clone());
            let member = value.as_u64().and_then(|n| u16::try_from(n).ok()).and_then(StatusCode::from_code);
            prop_assert_eq!(parsed.as_ref().ok().copied(), member);
            if let Err(error) = parsed {
                let message = error.to_string();
                prop_assert!(message.contains("StatusCode"), "{}", message);
                if let Some(n) = value.as_u64().or(value.as_i64().map(|n| n as u64)) {
                    prop_assert!(message.contains(&value.to_string()) || message.contains(&n.to_string()), "{}", message);
                }
            }
            let _ = serde_json::from_value::<AnyStatus>(value);
        }
    }
}
