//! URI references (RFC 3986, Section 4.1), as the problem `type` must be one (RFC 9457,
//! Section 3.1.1): a small validator of the grammar, which says what is wrong.
//!
//! ```text
//! URI-reference = URI / relative-ref
//! URI           = scheme ":" hier-part [ "?" query ] [ "#" fragment ]
//! relative-ref  = relative-part [ "?" query ] [ "#" fragment ]
//! hier-part     = "//" authority path-abempty / path-absolute / path-rootless / path-empty
//! relative-part = "//" authority path-abempty / path-absolute / path-noscheme / path-empty
//! authority     = [ userinfo "@" ] host [ ":" port ]
//! host          = IP-literal / IPv4address / reg-name
//! ```

use std::net::Ipv6Addr;

/// `sub-delims` (RFC 3986, Section 2.2).
const SUB_DELIMS: &str = "!$&'()*+,;=";

/// `unreserved` (Section 2.3).
fn is_unreserved(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~".contains(c)
}

/// What one part of a reference may hold besides percent-encodings (which are checked over
/// the whole text first).
fn is_pchar(c: char) -> bool {
    is_unreserved(c) || SUB_DELIMS.contains(c) || c == ':' || c == '@'
}

fn is_query_char(c: char) -> bool {
    is_pchar(c) || c == '/' || c == '?'
}

fn is_userinfo_char(c: char) -> bool {
    is_unreserved(c) || SUB_DELIMS.contains(c) || c == ':'
}

fn is_reg_name_char(c: char) -> bool {
    is_unreserved(c) || SUB_DELIMS.contains(c)
}

/// Why `text` is not a URI reference, if it is not. The empty text is one (the current
/// document); callers that need more say so themselves.
pub fn uri_reference_error(text: &str) -> Option<String> {
    percent_encodings(text)
        .or_else(|| fragments(text))
        .or_else(|| reference(text).err())
}

/// Every `%` starts a percent-encoding: two hexadecimal digits follow it (Section 2.1).
fn percent_encodings(text: &str) -> Option<String> {
    let mut rest = text;
    while let Some(at) = rest.find('%') {
        let encoded = &rest[at + 1..];
        let digits: Vec<char> = encoded.chars().take(2).collect();
        if digits.len() < 2 || !digits.iter().all(char::is_ascii_hexdigit) {
            let written: String = std::iter::once('%').chain(digits).collect();
            return Some(format!(
                "`{}` is not a percent-encoding: `%` is followed by two hexadecimal digits \
                 (RFC 3986, Section 2.1); write `%25` for a `%` itself",
                written.escape_debug()
            ));
        }
        rest = &encoded[2..];
    }
    None
}

/// At most one `#`: the fragment starts at the first, and may not hold another.
fn fragments(text: &str) -> Option<String> {
    let count = text.matches('#').count();
    (count > 1).then(|| {
        format!(
            "it has {count} `#`; a URI reference has at most one, before its fragment (RFC \
             3986, Section 3.5): write `%23` for a `#` in the fragment"
        )
    })
}

/// The grammar, after percent-encodings and `#` are known to be right.
fn reference(text: &str) -> Result<(), String> {
    let (rest, fragment) = split_once(text, '#');
    if let Some(fragment) = fragment {
        allowed(fragment, is_query_char, "the fragment")?;
    }
    let (rest, query) = split_once(rest, '?');
    if let Some(query) = query {
        allowed(query, is_query_char, "the query")?;
    }
    // A `:` before any `/` ends a scheme: the reference is a URI.
    let scheme_end = rest
        .find([':', '/'])
        .filter(|&at| rest[at..].starts_with(':'));
    let hier = match scheme_end {
        Some(end) => {
            scheme(&rest[..end])?;
            &rest[end + 1..]
        }
        None => rest,
    };
    match hier.strip_prefix("//") {
        Some(after) => {
            let end = after.find('/').unwrap_or(after.len());
            authority(&after[..end])?;
            path(&after[end..])
        }
        None => path(hier),
    }
}

/// `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` (Section 3.1). What precedes the
/// first `:` is one, unless a `/` comes first: a relative reference's first segment cannot
/// hold a `:` (it would read as a scheme; Section 4.2).
fn scheme(text: &str) -> Result<(), String> {
    let mut chars = text.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    if first_ok && rest_ok {
        return Ok(());
    }
    let written = if text.is_empty() {
        "it starts with `:`, which ends a scheme, and no scheme comes before it".to_owned()
    } else {
        format!(
            "`{}` before the first `:` is not a scheme",
            text.escape_debug()
        )
    };
    Err(format!(
        "{written}: a scheme is a letter, then letters, digits, `+`, `-` or `.` (RFC 3986, \
         Section 3.1); a relative reference has no `:` in its first segment (write `./` \
         before it, or `%3A` for the `:`)"
    ))
}

/// `authority = [ userinfo "@" ] host [ ":" port ]` (Section 3.2).
fn authority(text: &str) -> Result<(), String> {
    let (userinfo, host_port) = match text.split_once('@') {
        Some((userinfo, host_port)) => (Some(userinfo), host_port),
        None => (None, text),
    };
    if let Some(userinfo) = userinfo {
        allowed(userinfo, is_userinfo_char, "the user information")?;
    }
    let port = if let Some(literal) = host_port.strip_prefix('[') {
        let Some((literal, after)) = literal.split_once(']') else {
            return Err(
                "its `[` opens an IP literal that no `]` closes (RFC 3986, Section 3.2.2)"
                    .to_owned(),
            );
        };
        ip_literal(literal)?;
        match after.strip_prefix(':') {
            Some(port) => Some(port),
            None if after.is_empty() => None,
            None => {
                return Err(format!(
                    "`{}` follows the IP literal: only `:` and a port may (RFC 3986, Section \
                     3.2)",
                    after.escape_debug()
                ));
            }
        }
    } else {
        let (host, port) = split_once(host_port, ':');
        allowed(host, is_reg_name_char, "the host")?;
        port
    };
    match port {
        Some(port) if !port.chars().all(|c| c.is_ascii_digit()) => Err(format!(
            "the port `{}` is not a number: a port is digits alone (RFC 3986, Section 3.2.3)",
            port.escape_debug()
        )),
        _ => Ok(()),
    }
}

/// `IP-literal = "[" ( IPv6address / IPvFuture ) "]"` (Section 3.2.2), between the brackets.
fn ip_literal(text: &str) -> Result<(), String> {
    if let Some(future) = text.strip_prefix(['v', 'V']) {
        let (version, address) = split_once(future, '.');
        let version_ok = !version.is_empty() && version.chars().all(|c| c.is_ascii_hexdigit());
        let address_ok = address
            .is_some_and(|address| !address.is_empty() && address.chars().all(is_userinfo_char));
        if version_ok && address_ok {
            return Ok(());
        }
    } else if text.parse::<Ipv6Addr>().is_ok() {
        return Ok(());
    }
    Err(format!(
        "`[{}]` is not an IP literal: brackets hold an IPv6 address or `v` and a version \
         (RFC 3986, Section 3.2.2)",
        text.escape_debug()
    ))
}

/// A path: segments of `pchar` between `/` (Section 3.3).
fn path(text: &str) -> Result<(), String> {
    allowed(text, |c| is_pchar(c) || c == '/', "the path")
}

/// Every character of `text` (a component, `what`) passes `ok`, or `%`.
fn allowed(text: &str, ok: impl Fn(char) -> bool, what: &str) -> Result<(), String> {
    match text.chars().find(|&c| c != '%' && !ok(c)) {
        None => Ok(()),
        Some(bad @ ('[' | ']')) => Err(format!(
            "{what} has `{bad}`: brackets go only around an IP literal, such as \
             `http://[::1]/` (RFC 3986, Section 3.2.2); write `%5B` and `%5D` elsewhere"
        )),
        Some(bad) => Err(format!(
            "{what} has {}, which a URI reference does not (RFC 3986, Appendix A); \
             percent-encode it",
            shown(bad)
        )),
    }
}

/// A character as an error names it: `' '` (U+0020).
fn shown(c: char) -> String {
    format!("{c:?} (U+{:04X})", u32::from(c))
}

/// `text` before the first `separator`, and after it if there is one.
fn split_once(text: &str, separator: char) -> (&str, Option<&str>) {
    match text.split_once(separator) {
        Some((before, after)) => (before, Some(after)),
        None => (text, None),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::uri_reference_error;

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
}
