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
//!
//! One file in two crates, `status-macros/src/valid/uri.rs` and `status-core/src/problem/uri.rs`
//! (a run-time `instance` must be a URI reference too): neither crate can depend on the other's
//! private code, and a test keeps the two copies equal.

use alloc::borrow::ToOwned;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::net::Ipv6Addr;

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
            let written: String = core::iter::once('%').chain(digits).collect();
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
