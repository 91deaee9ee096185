//! The URI-reference validator (`valid/uri.rs`, shared with status-core).

use proptest::prelude::*;

use crate::valid::uri::uri_reference_error;

#[test]
fn uri_references_are_accepted() {
    for text in [
        "about:blank",
        "https://example.com/problems/x",
        "/problems/x",
        "tag:example.com,2024:x",
        "urn:problem:x",
        "http://[::1]:8080/p?q#f",
        "#frag",
        "x/y",
        "",
        "./a:b",
        "a/b:c",
        "?q",
        "//example.com",
        "https://user:pw@example.com:/a",
        "https://example.com:8080",
        "http://[v1.fe80::a+en1]/",
        "http://[::ffff:192.0.2.1]/",
        "http://192.0.2.1/",
        "https://example.com/%7Euser/%e2%82%ac?a=b&c=%20#x/y?z",
        "mailto:someone@example.com",
        "a+b.c-d:x",
        "HTTPS://EXAMPLE.COM/",
        "https://example.com/a;b=c/d,e!$&'()*",
    ] {
        assert_eq!(uri_reference_error(text), None, "{text:?}");
    }
}

#[test]
fn what_is_not_a_uri_reference_is_refused_saying_why() {
    for (text, why) in [
        ("https://example.com/%zz", "`%zz` is not a percent-encoding"),
        ("https://example.com/%4", "`%4` is not a percent-encoding"),
        ("%", "`%` is not a percent-encoding"),
        ("a%2", "`%2` is not a percent-encoding"),
        ("a#b#c", "it has 2 `#`"),
        (
            "http://[::1",
            "its `[` opens an IP literal that no `]` closes",
        ),
        (
            "::::",
            "it starts with `:`, which ends a scheme, and no scheme comes before it",
        ),
        (
            "1http://example.com/",
            "`1http` before the first `:` is not a scheme",
        ),
        ("a_b:c", "`a_b` before the first `:` is not a scheme"),
        (
            "https://exa[mple.com/",
            "the host has `[`: brackets go only around",
        ),
        ("https://example.com/a]", "the path has `]`"),
        ("https://example.com/a b", "the path has ' ' (U+0020)"),
        ("https://example.com/?a b", "the query has ' ' (U+0020)"),
        ("#a b", "the fragment has ' ' (U+0020)"),
        ("https://example.com:80a/", "the port `80a` is not a number"),
        ("http://[::1]x/", "`x` follows the IP literal"),
        ("http://[zz]/", "`[zz]` is not an IP literal"),
        ("http://[v1]/", "`[v1]` is not an IP literal"),
        ("http://[v.x]/", "`[v.x]` is not an IP literal"),
        (
            "http://[::1%25eth0]/",
            "`[::1%25eth0]` is not an IP literal",
        ),
        ("https://a@b@c/", "the host has '@' (U+0040)"),
        ("https://us er@c/", "the user information has ' ' (U+0020)"),
        ("https://example.com/é", "the path has 'é' (U+00E9)"),
        ("https://example.com/\"x\"", "the path has '\"' (U+0022)"),
        ("https://example.com/{x}", "the path has '{' (U+007B)"),
        ("a\\b", "the path has '\\\\' (U+005C)"),
        ("x\n", "the path has '\\n' (U+000A)"),
    ] {
        let error = uri_reference_error(text).unwrap_or_else(|| panic!("{text:?} accepted"));
        assert!(error.starts_with(why), "{text:?}: {error}");
    }
}

/// A URI reference built from the grammar's parts.
fn reference() -> impl Strategy<Value = String> {
    let pchar = "([A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})";
    let segment = format!("{pchar}{{0,6}}");
    let segment_nz = format!("{pchar}{{1,6}}");
    let path = format!("(/{segment}){{0,3}}");
    // Without an authority, a path cannot start with `//`.
    let absolute = format!("(/({segment_nz}{path})?)");
    let rootless = format!("({segment_nz}{path})");
    let query = format!("(\\?({pchar}|[/?]){{0,6}})?");
    let fragment = format!("(#({pchar}|[/?]){{0,6}})?");
    let scheme = "[A-Za-z][A-Za-z0-9+.-]{0,5}";
    let host = "([A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-F]{2}){0,8}|\\[::1\\]|\\[v7\\.a:b\\]";
    let authority = format!("(([A-Za-z0-9:]{{0,4}})@)?({host})(:[0-9]{{0,5}})?");
    let noscheme = "([A-Za-z0-9._~!$&'()*+,;=@-]|%[0-9A-F]{2}){1,6}";
    let patterns = vec![
        format!("{scheme}://{authority}{path}{query}{fragment}"),
        format!("{scheme}:({absolute}|{rootless})?{query}{fragment}"),
        format!("//{authority}{path}{query}{fragment}"),
        format!("{absolute}?{query}{fragment}"),
        format!("{noscheme}{path}{query}{fragment}"),
    ];
    proptest::sample::select(patterns)
        .prop_flat_map(|pattern| proptest::string::string_regex(&pattern).unwrap())
}

proptest! {
    #[test]
    fn every_reference_of_the_grammar_is_accepted(text in reference()) {
        prop_assert_eq!(uri_reference_error(&text), None, "{:?}", text);
    }

    /// A character that no component allows, anywhere, is refused.
    #[test]
    fn a_character_outside_the_grammar_is_refused(
        text in reference(),
        at in any::<proptest::sample::Index>(),
        bad in proptest::sample::select(&[' ', '"', '<', '>', '\\', '^', '`', '{', '|', '}', 'é', '\n'][..]),
    ) {
        let mut chars: Vec<char> = text.chars().collect();
        chars.insert(at.index(chars.len() + 1), bad);
        let text: String = chars.into_iter().collect();
        prop_assert!(uri_reference_error(&text).is_some(), "{:?}", text);
    }
}
