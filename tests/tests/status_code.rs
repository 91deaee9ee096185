//! Every generated item on `StatusCode`.

use std::collections::HashSet;
use std::str::FromStr;

use status_core::{HttpStatus, ParseStatusError, StatusClass, StatusCode, status};

#[test]
fn code_reason_and_discriminant_agree() {
    for &status in StatusCode::ALL {
        assert_eq!(status as u16, status.code());
        assert_eq!(u16::from(status), status.code());
        assert_eq!(HttpStatus::code(&status), status.code());
        assert!(!status.reason().is_empty());
        assert!(!status.description().is_empty());
        assert!(!status.reference().is_empty());
    }
    assert_eq!(StatusCode::NotFound.code(), 404);
    assert_eq!(StatusCode::NotFound.reason(), "Not Found");
    assert_eq!(StatusCode::NotFound.reference(), "RFC 9110, Section 15.5.5");
    assert_eq!(StatusCode::Ok.reason(), "OK");
}

#[test]
fn all_is_in_code_order_and_complete() {
    let codes: Vec<u16> = StatusCode::ALL.iter().map(|s| s.code()).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(codes, sorted);
    assert_eq!(codes.len(), 63);
    assert!(!codes.contains(&306));
    assert!(codes.contains(&418));
    // Ord follows the code.
    let mut shuffled = StatusCode::ALL.to_vec();
    shuffled.reverse();
    shuffled.sort();
    assert_eq!(shuffled, StatusCode::ALL);
}

#[test]
fn every_u16_round_trips() {
    let members: HashSet<u16> = StatusCode::ALL.iter().map(|s| s.code()).collect();
    for code in 0..=u16::MAX {
        let from_code = StatusCode::from_code(code);
        let try_from = StatusCode::try_from(code);
        match from_code {
            Some(status) => {
                assert!(members.contains(&code));
                assert_eq!(status.code(), code);
                assert_eq!(try_from, Ok(status));
            }
            None => {
                assert!(!members.contains(&code), "{code}");
                let error = try_from.unwrap_err();
                assert_eq!((error.code(), error.target()), (code, "StatusCode"));
                assert_eq!(error.code(), code);
                assert!(error.to_string().contains(&code.to_string()));
                assert!(error.to_string().contains("StatusCode"));
            }
        }
    }
}

#[test]
fn classes_and_predicates() {
    for &status in StatusCode::ALL {
        let class = StatusClass::from_code(status.code()).unwrap();
        assert_eq!(status.class(), class);
        assert_eq!(HttpStatus::class(&status), class);
        assert!(class.codes().contains(&status.code()));
        let flags = [
            status.is_informational(),
            status.is_success(),
            status.is_redirection(),
            status.is_client_error(),
            status.is_server_error(),
        ];
        assert_eq!(flags.iter().filter(|f| **f).count(), 1, "{status:?}");
        assert!(flags[class as usize - 1]);
        assert_eq!(status.is_error(), flags[3] || flags[4]);
        let dynamic: &dyn HttpStatus = &status;
        assert_eq!(dynamic.is_success(), status.is_success());
        assert_eq!(dynamic.is_error(), status.is_error());
        assert_eq!(dynamic.is_informational(), status.is_informational());
        assert_eq!(dynamic.is_redirection(), status.is_redirection());
        assert_eq!(dynamic.is_client_error(), status.is_client_error());
        assert_eq!(dynamic.is_server_error(), status.is_server_error());
    }
    assert_eq!(StatusClass::from_code(600), None);
    assert_eq!(StatusClass::from_code(99), None);
    assert_eq!(StatusClass::ClientError.name(), "Client Error");
}

#[test]
fn display_is_the_status_line_and_honours_padding() {
    assert_eq!(StatusCode::NotFound.to_string(), "404 Not Found");
    assert_eq!(
        StatusCode::NonAuthoritativeInformation.to_string(),
        "203 Non-Authoritative Information"
    );
    assert_eq!(format!("{:>10}", StatusCode::Ok), "    200 OK");
    assert_eq!(format!("{:*^10}", StatusCode::Ok), "**200 OK**");
    assert_eq!(format!("{:<8}|", StatusCode::Ok), "200 OK  |");
    assert_eq!(format!("{:.3}", StatusCode::NotFound), "404");
    for &status in StatusCode::ALL {
        assert_eq!(
            status.to_string(),
            format!("{} {}", status.code(), status.reason())
        );
    }
}

#[test]
fn from_str_accepts_exactly_three_digits_of_a_member() {
    for code in 0..1000u16 {
        let text = format!("{code:03}");
        let parsed = StatusCode::from_str(&text);
        match StatusCode::from_code(code) {
            Some(status) => assert_eq!(parsed, Ok(status)),
            None => {
                let error = parsed.unwrap_err();
                assert_eq!(error.code(), Some(code));
                assert_eq!(error.target(), "StatusCode");
                let range = if (100..=599).contains(&code) {
                    ""
                } else {
                    ": HTTP status codes are 100..=599"
                };
                assert_eq!(
                    error.to_string(),
                    format!("invalid StatusCode: {text} is not one of its codes{range}")
                );
            }
        }
    }
    let long = "404".repeat(20);
    for text in [
        "", "4", "40", "4040", " 404", "404 ", "+404", "-40", "40a", "٤٠٤", "404\n", "0404", "4é",
        &long,
    ] {
        let error = text.parse::<StatusCode>().unwrap_err();
        assert_eq!(error.code(), None, "{text:?}");
        assert_eq!(error.target(), "StatusCode");
        assert_eq!(
            error.to_string(),
            "invalid StatusCode: expected exactly three ASCII digits"
        );
    }
}

#[test]
fn parse_errors_are_small_and_compare_by_value() {
    use std::mem::size_of;
    // No copy of the text: a `Result` fits in two registers, like `std`'s `ParseIntError`.
    assert!(size_of::<ParseStatusError>() <= 16);
    assert!(size_of::<Result<StatusCode, ParseStatusError>>() <= 16);
    // The same refusal compares equal whatever the text was.
    assert_eq!("4040".parse::<StatusCode>(), "x".parse::<StatusCode>());
    assert_eq!("499".parse::<StatusCode>(), "499".parse::<StatusCode>());
    assert_ne!("499".parse::<StatusCode>(), "498".parse::<StatusCode>());
    assert_ne!("499".parse::<StatusCode>(), "49x".parse::<StatusCode>());
    assert_eq!(
        format!("{:?}", "499".parse::<StatusCode>().unwrap_err()),
        r#"ParseStatusError { code: Some(499), target: "StatusCode" }"#
    );
}

#[test]
fn errors_are_std_errors() {
    fn assert_error<E: std::error::Error + Clone + PartialEq + Send + Sync + 'static>(_: &E) {}
    let invalid = StatusCode::try_from(700).unwrap_err();
    assert_error(&invalid);
    assert_eq!(
        invalid.to_string(),
        "700 is not a code of StatusCode: HTTP status codes are 100..=599"
    );
    let parse = "x".parse::<StatusCode>().unwrap_err();
    assert_error(&parse);
    assert_eq!(parse.target(), "StatusCode");
    let boxed: Box<dyn std::error::Error> = Box::new(parse);
    assert_eq!(
        boxed.to_string(),
        "invalid StatusCode: expected exactly three ASCII digits"
    );
}

const TEAPOT: StatusCode = status!(418);

#[test]
fn status_macro_forms() {
    assert_eq!(status!(404), StatusCode::NotFound);
    assert_eq!(status!(NotFound), StatusCode::NotFound);
    assert_eq!(status!(NOT_FOUND), StatusCode::NotFound);
    assert_eq!(status!(IM_A_TEAPOT), TEAPOT);
    assert_eq!(status!(Ok), StatusCode::Ok);
    assert_eq!(status!(OK), StatusCode::Ok);
    assert_eq!(status!(ImUsed), StatusCode::from_code(226).unwrap());
    let described = |s: StatusCode| match s {
        status!(200) | status!(Created) => "fine",
        status!(NOT_FOUND) => "missing",
        _ => "other",
    };
    assert_eq!(described(StatusCode::Created), "fine");
    assert_eq!(described(StatusCode::NotFound), "missing");
    assert_eq!(described(StatusCode::Gone), "other");
}

#[test]
#[allow(deprecated)]
fn former_names_still_resolve() {
    assert_eq!(status!(PayloadTooLarge), StatusCode::ContentTooLarge);
    assert_eq!(
        status!(REQUEST_ENTITY_TOO_LARGE),
        StatusCode::ContentTooLarge
    );
    assert_eq!(
        StatusCode::UnprocessableEntity,
        StatusCode::UnprocessableContent
    );
    assert_eq!(status!(RequestUriTooLong), StatusCode::UriTooLong);
    assert_eq!(
        status!(RequestedRangeNotSatisfiable),
        StatusCode::RangeNotSatisfiable
    );
}

#[test]
fn hash_and_copy() {
    let set: HashSet<StatusCode> = StatusCode::ALL.iter().copied().collect();
    assert_eq!(set.len(), StatusCode::ALL.len());
    let by_reference: &dyn HttpStatus = &&StatusCode::Gone;
    assert_eq!(by_reference.code(), 410);
}
