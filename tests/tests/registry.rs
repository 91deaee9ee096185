//! The registry file itself, and `StatusCode` against it.

use std::collections::{HashMap, HashSet};

use status_core::{HttpStatus, StatusCode};
use toml::{Table, Value};

fn registry() -> Vec<Table> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../codes.toml");
    let text = std::fs::read_to_string(path).expect("codes.toml is readable");
    let mut document: Table = text.parse().expect("codes.toml is valid TOML");
    let Some(Value::Array(entries)) = document.remove("status") else {
        panic!("codes.toml has no [[status]] array");
    };
    assert!(
        document.is_empty(),
        "unexpected top-level keys: {document:?}"
    );
    entries
        .into_iter()
        .map(|entry| match entry {
            Value::Table(table) => table,
            other => panic!("not a table: {other:?}"),
        })
        .collect()
}

fn text<'a>(entry: &'a Table, field: &str) -> &'a str {
    entry
        .get(field)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{field} missing or not a string in {entry:?}"))
}

fn code(entry: &Table) -> u16 {
    let code = entry["code"].as_integer().expect("code is an integer");
    u16::try_from(code).expect("code fits u16")
}

fn is_upper_camel_case(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
}

#[test]
fn entries_are_well_formed() {
    let entries = registry();
    let known_fields = [
        "code",
        "name",
        "reason",
        "description",
        "reference",
        "aliases",
        "standing",
        "origin",
        "cacheable",
        "content",
        "requires",
        "recommends",
    ];
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    let mut aliases = Vec::new();
    for entry in &entries {
        for key in entry.keys() {
            assert!(
                known_fields.contains(&key.as_str()),
                "unknown field {key} in {entry:?}"
            );
        }
        let code = code(entry);
        assert!((100..=599).contains(&code), "{code} out of range");
        assert!(codes.insert(code), "{code} listed twice");
        let name = text(entry, "name");
        assert!(is_upper_camel_case(name), "{name} is not UpperCamelCase");
        assert!(names.insert(name.to_owned()), "{name} listed twice");
        for field in ["reason", "description", "reference"] {
            assert!(
                !text(entry, field).trim().is_empty(),
                "{field} empty for {code}"
            );
        }
        let description = text(entry, "description");
        let sentences = description.matches(". ").count() + 1;
        assert!(
            sentences <= 2 && description.ends_with('.'),
            "{code}: {description}"
        );
        if let Some(list) = entry.get("aliases") {
            for alias in list.as_array().expect("aliases is an array") {
                let alias = alias.as_str().expect("alias is a string");
                assert!(is_upper_camel_case(alias), "alias {alias}");
                aliases.push(alias.to_owned());
            }
        }
        if let Some(standing) = entry.get("standing") {
            let standing = standing.as_str().expect("standing is a string");
            assert!(
                ["deprecated", "reserved", "obsolete", "temporary"].contains(&standing),
                "{code}: standing {standing}"
            );
        }
        if entry.contains_key("origin") {
            text(entry, "origin");
        }
    }
    for alias in &aliases {
        assert!(!names.contains(alias), "alias {alias} equals a name");
    }
    let unique_aliases: HashSet<_> = aliases.iter().collect();
    assert_eq!(
        unique_aliases.len(),
        aliases.len(),
        "an alias is listed twice"
    );
}

#[test]
fn holds_the_iana_registry_and_the_vendor_codes() {
    let entries = registry();
    let iana: Vec<u16> = entries
        .iter()
        .filter(|e| !e.contains_key("origin"))
        .map(code)
        .collect();
    assert_eq!(iana.len(), 64, "the IANA registry has 64 values");
    let vendor: HashMap<u16, &str> = entries
        .iter()
        .filter(|e| e.contains_key("origin"))
        .map(|e| (code(e), text(e, "origin")))
        .collect();
    let mut expected = HashMap::new();
    for code in [444, 494, 495, 496, 497, 499] {
        expected.insert(code, "nginx");
    }
    for code in [520, 521, 522, 523, 524, 525, 526, 530] {
        expected.insert(code, "cloudflare");
    }
    for (code, origin) in expected {
        assert_eq!(vendor.get(&code), Some(&origin), "{code}");
    }
    assert!(vendor.contains_key(&509));
}

#[test]
fn spot_checks() {
    let entries = registry();
    let by_code: HashMap<u16, &Table> = entries.iter().map(|e| (code(e), e)).collect();
    let check = |code: u16, name: &str, reason: &str| {
        let entry = by_code[&code];
        assert_eq!(
            (text(entry, "name"), text(entry, "reason")),
            (name, reason),
            "{code}"
        );
    };
    check(413, "ContentTooLarge", "Content Too Large");
    check(422, "UnprocessableContent", "Unprocessable Content");
    check(
        203,
        "NonAuthoritativeInformation",
        "Non-Authoritative Information",
    );
    check(226, "ImUsed", "IM Used");
    check(507, "InsufficientStorage", "Insufficient Storage");
    check(418, "ImATeapot", "I'm a teapot");
    let aliases = |code: u16| -> Vec<&str> {
        by_code[&code]
            .get("aliases")
            .and_then(Value::as_array)
            .map(|list| list.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    };
    assert_eq!(aliases(413), ["PayloadTooLarge", "RequestEntityTooLarge"]);
    assert_eq!(aliases(422), ["UnprocessableEntity"]);
    assert_eq!(aliases(414), ["RequestUriTooLong"]);
    assert_eq!(aliases(416), ["RequestedRangeNotSatisfiable"]);
    let standing = |code: u16| by_code[&code].get("standing").and_then(Value::as_str);
    assert_eq!(standing(305), Some("deprecated"));
    assert_eq!(standing(306), Some("reserved"));
    assert_eq!(standing(418), Some("reserved"));
    assert_eq!(standing(510), Some("obsolete"));
    assert_eq!(standing(104), Some("temporary"));
    assert_eq!(standing(404), None);
    assert_eq!(text(by_code[&404], "reference"), "RFC 9110, Section 15.5.5");
}

#[test]
fn status_code_is_every_iana_code_but_306() {
    let entries = registry();
    let iana: Vec<&Table> = entries
        .iter()
        .filter(|e| !e.contains_key("origin") && code(e) != 306)
        .collect();
    let mut iana_codes: Vec<u16> = iana.iter().map(|e| code(e)).collect();
    iana_codes.sort_unstable();
    let all: Vec<u16> = StatusCode::ALL.iter().map(|s| s.code()).collect();
    assert_eq!(all, iana_codes);
    for entry in iana {
        let status = StatusCode::from_code(code(entry)).unwrap();
        assert_eq!(format!("{status:?}"), text(entry, "name"));
        assert_eq!(status.reason(), text(entry, "reason"));
        assert_eq!(HttpStatus::reason(&status), text(entry, "reason"));
        assert_eq!(status.description(), text(entry, "description"));
        assert_eq!(status.reference(), text(entry, "reference"));
    }
}

/// The codes whose entry has `field`, with what it says, in code order.
fn with_field(field: &str) -> Vec<(u16, Value)> {
    let mut found: Vec<(u16, Value)> = registry()
        .iter()
        .filter_map(|entry| Some((code(entry), entry.get(field)?.clone())))
        .collect();
    found.sort_by_key(|(code, _)| *code);
    found
}

/// A field's header names, as strings.
fn names(value: &Value) -> Vec<&str> {
    let list = value.as_array().expect("a list of header names");
    list.iter()
        .map(|name| name.as_str().expect("a string"))
        .collect()
}

/// Heuristically cacheable: RFC 9110, Section 15.1, and 451 (RFC 7725, Section 3).
#[test]
fn cacheable_is_the_rfc_list() {
    let cacheable: Vec<(u16, bool)> = with_field("cacheable")
        .into_iter()
        .map(|(code, value)| (code, value.as_bool().expect("a boolean")))
        .collect();
    let expected = [
        200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501,
    ];
    assert_eq!(cacheable, expected.map(|code| (code, true)));
}

/// No content: every 1xx, 204 and 304 (RFC 9110, Section 6.4.1), 205 (Section 15.3.6).
#[test]
fn no_content_is_the_rfc_list() {
    let content = with_field("content");
    let none: Vec<(u16, &str)> = content
        .iter()
        .map(|(code, value)| (*code, value.as_str().expect("a string")))
        .collect();
    let expected = [100, 101, 102, 103, 104, 204, 205, 304];
    assert_eq!(none, expected.map(|code| (code, "none")));
    let informational: Vec<u16> = registry()
        .iter()
        .map(code)
        .filter(|code| (100..200).contains(code))
        .collect();
    assert_eq!(
        informational,
        [100, 101, 102, 103, 104],
        "every 1xx is listed"
    );
}

/// MUST: RFC 9110, Sections 15.2.2, 15.5.2, 15.5.6, 15.5.8 and 15.5.22.
#[test]
fn required_headers_are_the_rfc_list() {
    let required = with_field("requires");
    let required: Vec<(u16, Vec<&str>)> = required
        .iter()
        .map(|(code, value)| (*code, names(value)))
        .collect();
    let expected = [
        (101, vec!["Upgrade"]),
        (401, vec!["WWW-Authenticate"]),
        (405, vec!["Allow"]),
        (407, vec!["Proxy-Authenticate"]),
        (426, vec!["Upgrade"]),
    ];
    assert_eq!(required, expected);
}

/// SHOULD: RFC 9110, Sections 15.4.2, 15.4.3, 15.4.8, 15.4.9 and 15.5.17.
#[test]
fn recommended_headers_are_the_rfc_list() {
    let recommended = with_field("recommends");
    let recommended: Vec<(u16, Vec<&str>)> = recommended
        .iter()
        .map(|(code, value)| (*code, names(value)))
        .collect();
    let expected = [
        (301, vec!["Location"]),
        (302, vec!["Location"]),
        (307, vec!["Location"]),
        (308, vec!["Location"]),
        (416, vec!["Content-Range"]),
    ];
    assert_eq!(recommended, expected);
}

/// No vendor code says any of these: no source does.
#[test]
fn vendor_codes_have_no_facts() {
    for entry in registry().iter().filter(|e| e.contains_key("origin")) {
        for field in ["cacheable", "content", "requires", "recommends"] {
            assert!(!entry.contains_key(field), "{} has {field}", code(entry));
        }
    }
}
