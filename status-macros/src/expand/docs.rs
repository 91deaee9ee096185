//! The rustdoc of generated variants.

use crate::registry::{Entry, Facts, Standing};

/// The rustdoc of a generated variant: status line, description, reference, what the
/// registry says of a response with it, standing.
///
/// Registry text may come from a crate's own file, so all of it reaches rustdoc as inert text
/// (see [`inert`]): it can open no code block (which rustdoc would run as a doctest), and
/// carries no HTML and no link but to an `http(s)` URL.
pub fn variant_doc(entry: &Entry, renamed: bool) -> String {
    let mut doc = format!(
        "{}\n\n{}\n\n",
        code_span(&format!("{} {}", entry.code, entry.reason)),
        inert(&entry.description)
    );
    doc.push_str(&reference_markdown(&one_line(&entry.reference)));
    if let Some(facts) = facts_sentences(&entry.facts) {
        doc.push_str(&format!("\n\n{facts}"));
    }
    if let Some(standing) = entry.standing {
        let note = match standing {
            Standing::Deprecated => "deprecated: do not send it",
            Standing::Reserved => "reserved",
            Standing::Obsolete => "obsolete",
            Standing::Temporary => "a temporary registration",
        };
        doc.push_str(&format!("\n\nThis code is {note}."));
    }
    if let Some(origin) = &entry.origin {
        doc.push_str(&format!("\n\nNot an IANA code: used by {}.", inert(origin)));
    }
    if renamed {
        doc.push_str(&format!("\n\nRegistry name: {}.", code_span(&entry.name)));
    }
    if !entry.aliases.is_empty() {
        let aliases: Vec<String> = entry.aliases.iter().map(|a| code_span(a)).collect();
        doc.push_str(&format!("\n\nFormer names: {}.", aliases.join(", ")));
    }
    doc
}

/// What the registry says of a response with the status, in sentences ("Cacheable by
/// default. Must be sent with `Allow`."), if it says anything.
fn facts_sentences(facts: &Facts) -> Option<String> {
    let mut sentences = Vec::new();
    if facts.cacheable {
        sentences.push("Cacheable by default.".to_owned());
    }
    if facts.no_content {
        sentences.push("Sent with no content.".to_owned());
    }
    for (names, verb) in [(&facts.requires, "Must"), (&facts.recommends, "Should")] {
        if !names.is_empty() {
            let names: Vec<String> = names.iter().map(|name| code_span(name)).collect();
            sentences.push(format!("{verb} be sent with {}.", and_list(&names)));
        }
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "RFC 9110, Section 15.5.5" becomes a link to that section; any other reference is inert
/// text.
fn reference_markdown(reference: &str) -> String {
    let link = reference.strip_prefix("RFC ").and_then(|rest| {
        let (number, section) = rest.split_once(", Section ")?;
        (!number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
            && section.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        .then(|| format!("https://www.rfc-editor.org/rfc/rfc{number}#section-{section}"))
    });
    match link {
        Some(url) => format!("Reference: [{}]({url})", inert(reference)),
        None => format!("Reference: {}", inert(reference)),
    }
}

/// Text on one line: no line break, so no block can start inside it; control characters
/// become spaces.
fn one_line(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|ch| if ch.is_control() { ' ' } else { ch })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text as a Markdown code span, whose content rustdoc shows as it is: on one line, with no
/// backtick to close the span early.
fn code_span(text: &str) -> String {
    format!("`{}`", one_line(text).replace('`', "'"))
}

/// Registry text as Markdown that renders as the same text and nothing else.
///
/// On one line, every character Markdown or rustdoc gives a meaning to is escaped: the ASCII
/// punctuation that marks up inline text, with a backslash; `<`, `>` and `&` as HTML
/// entities, so no tag, autolink or entity forms; and what would start a block at the start
/// of the text. The one link kept is an `http://` or `https://` URL, as an autolink.
fn inert(text: &str) -> String {
    let text = one_line(text);
    let marker = block_marker(&text);
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    while let Some(ch) = text[at..].chars().next() {
        if let Some(url) = web_url(&text[at..]) {
            out.push_str(&format!("<{url}>"));
            at += url.len();
            continue;
        }
        escape_char(ch, marker == Some(at), &mut out);
        at += ch.len_utf8();
    }
    out
}

/// Characters inline Markdown (with rustdoc's extensions: strikethrough, tables, footnotes,
/// intra-doc links) gives a meaning to anywhere in a line.
const INLINE_MARKUP: &str = "\\`*_[]|~!#";

/// Pushes `ch` as text: escaped if Markdown would read it as markup, or if it is the
/// punctuation that would start a block.
fn escape_char(ch: char, block_marker: bool, out: &mut String) {
    match ch {
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '&' => out.push_str("&amp;"),
        _ if INLINE_MARKUP.contains(ch) || block_marker => {
            out.push('\\');
            out.push(ch);
        }
        _ => out.push(ch),
    }
}

/// Where the punctuation is that would make the text, at the start of a line, a block
/// rather than a paragraph: a list (`-`, `+`, the `.` or `)` of `1.` and `1)`), a setext
/// underline or thematic break (`=`, `-`), a definition (`:`). (`>`, `#`, `*`, `|` and
/// backticks are escaped wherever they are.) Only ASCII punctuation can be escaped, so the
/// `.` of `1.` is, not the digit.
fn block_marker(text: &str) -> Option<usize> {
    if text.starts_with(['-', '+', '=', ':']) {
        return Some(0);
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))).then_some(digits)
}

/// The `http(s)` URL at the start of `text`, if there is one: its characters are those a URL
/// has, without trailing sentence punctuation.
fn web_url(text: &str) -> Option<&str> {
    let host = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))?;
    if !host.starts_with(|ch: char| ch.is_ascii_alphanumeric()) {
        return None;
    }
    let is_url_char =
        |ch: char| ch.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(ch);
    let end = text.find(|ch: char| !is_url_char(ch)).unwrap_or(text.len());
    Some(trim_sentence_end(&text[..end]))
}

/// A URL without the punctuation that ends the sentence around it: a final `.`, `,`, `;`,
/// `:`, `!`, `?` or quote, or a `)` the URL did not open.
fn trim_sentence_end(url: &str) -> &str {
    // Counted once: trimming a character at a time stays linear however many there are.
    let mut unopened = url
        .matches(')')
        .count()
        .saturating_sub(url.matches('(').count());
    let mut end = url.len();
    for (at, last) in url.char_indices().rev() {
        if last == ')' && unopened > 0 {
            unopened -= 1;
        } else if !".,;:!?'".contains(last) {
            break;
        }
        end = at;
    }
    &url[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_text_cannot_open_a_code_block() {
        let entry = Entry {
            code: 599,
            name: "NetworkConnectTimeout".into(),
            reason: "Network `Connect` Timeout".into(),
            description: "Retry with:\n\n    curl --retry 3 http://x\n\n```\nfn main() {}\n```"
                .into(),
            reference: "RFC 9110,\n Section 15.5.5".into(),
            aliases: Vec::new(),
            standing: None,
            origin: None,
            line: 1,
            local: true,
            ..Entry::default()
        };
        let doc = variant_doc(&entry, false);
        assert!(doc.starts_with("`599 Network 'Connect' Timeout`\n\nRetry with: curl --retry 3"));
        assert!(!doc.contains("\n    "), "{doc}");
        assert!(!doc.contains("\n```"), "{doc}");
        assert!(
            doc.contains("(https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5)"),
            "{doc}"
        );
    }

    /// An entry of the crate's own file with this description, reference and origin.
    fn local_entry(description: &str, reference: &str, origin: Option<&str>) -> Entry {
        Entry {
            code: 599,
            name: "Hostile".into(),
            reason: "Hostile".into(),
            description: description.into(),
            reference: reference.into(),
            aliases: Vec::new(),
            standing: None,
            origin: origin.map(Into::into),
            line: 1,
            local: true,
            ..Entry::default()
        }
    }

    /// The paragraphs of a variant's doc: status line, description, reference, then notes.
    fn paragraphs(entry: &Entry) -> Vec<String> {
        let doc = variant_doc(entry, false);
        doc.split("\n\n").map(str::to_owned).collect()
    }

    #[test]
    fn a_fenced_block_in_origin_is_one_line_of_text() {
        let origin = "nginx\n\n```\nstd::fs::write(\"/tmp/pwned\", \"\").unwrap();\n```\n";
        let doc = paragraphs(&local_entry("D", "X", Some(origin)));
        assert_eq!(
            doc[3],
            r#"Not an IANA code: used by nginx \`\`\` std::fs::write("/tmp/pwned", "").unwrap(); \`\`\`."#
        );
        assert_eq!(doc.len(), 4, "{doc:?}");
    }

    #[test]
    fn a_description_cannot_open_a_code_block_around_the_reference() {
        for (description, escaped) in [
            ("```rust", r"\`\`\`rust"),
            ("~~~", r"\~\~\~"),
            ("    indented code", "indented code"),
        ] {
            let doc = paragraphs(&local_entry(description, "RFC 9110, Section 15.5.5", None));
            assert_eq!(doc[1], escaped);
            assert_eq!(
                doc[2],
                "Reference: [RFC 9110, Section 15.5.5](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5)"
            );
        }
    }

    #[test]
    fn html_is_text() {
        let img = "<img src=x onerror=alert(1)>";
        let doc = paragraphs(&local_entry(img, img, Some(img)));
        let text = "&lt;img src=x onerror=alert(1)&gt;";
        assert_eq!(doc[1], text);
        assert_eq!(doc[2], format!("Reference: {text}"));
        assert_eq!(doc[3], format!("Not an IANA code: used by {text}."));
        let doc = paragraphs(&local_entry("<!-- a &amp; b &#60; -->", "X", None));
        assert_eq!(doc[1], r"&lt;\!-- a &amp;amp; b &amp;\#60; --&gt;");
    }

    #[test]
    fn only_http_urls_become_links() {
        for (text, inert_text) in [
            ("<javascript:alert(1)>", "&lt;javascript:alert(1)&gt;"),
            ("[x](javascript:alert(1))", r"\[x\](javascript:alert(1))"),
            ("[x]: javascript:alert(1)", r"\[x\]: javascript:alert(1)"),
            (
                "![x](https://e.com/x.png)",
                r"\!\[x\](<https://e.com/x.png>)",
            ),
            (
                "<a href=\"javascript:alert(1)\">x</a>",
                "&lt;a href=\"javascript:alert(1)\"&gt;x&lt;/a&gt;",
            ),
            ("data:text/html,<b>", "data:text/html,&lt;b&gt;"),
            ("[StatusCode]", r"\[StatusCode\]"),
            (
                "See https://example.com/a_(b)?c=1&d=2, or http://x.org.",
                "See <https://example.com/a_(b)?c=1&d=2>, or <http://x.org>.",
            ),
            ("https://", "https://"),
        ] {
            let doc = paragraphs(&local_entry(text, text, None));
            assert_eq!(doc[1], inert_text, "{text}");
            assert_eq!(doc[2], format!("Reference: {inert_text}"), "{text}");
        }
    }

    #[test]
    fn nothing_starts_a_block_or_marks_up_text() {
        for (text, inert_text) in [
            ("- item", r"\- item"),
            ("+ item", r"\+ item"),
            ("1. item", r"1\. item"),
            ("12) item", r"12\) item"),
            (
                "2025 was a year. 3. not a list",
                "2025 was a year. 3. not a list",
            ),
            ("> quote", "&gt; quote"),
            ("# Heading", r"\# Heading"),
            ("---", r"\---"),
            ("===", r"\==="),
            (": term", r"\: term"),
            ("| a | b |", r"\| a \| b \|"),
            ("[^1]: note", r"\[^1\]: note"),
            (
                "*em* _em_ **strong** ~~gone~~",
                r"\*em\* \_em\_ \*\*strong\*\* \~\~gone\~\~",
            ),
            (r"back\slash", r"back\\slash"),
            ("a\u{0}b\u{1b}[31mc", r"a b \[31mc"),
        ] {
            let doc = paragraphs(&local_entry(text, "X", None));
            assert_eq!(doc[1], inert_text, "{text}");
        }
    }

    #[test]
    fn names_are_code_spans() {
        let mut entry = local_entry("D", "X", None);
        entry.reason = "Odd `Reason`\tHere".into();
        entry.aliases = vec!["FormerName".into()];
        let doc = variant_doc(&entry, true);
        assert!(doc.starts_with("`599 Odd 'Reason' Here`\n\n"), "{doc}");
        assert!(
            doc.ends_with("\n\nRegistry name: `Hostile`.\n\nFormer names: `FormerName`."),
            "{doc}"
        );
    }

    /// The built-in registry's text comes out as written, but for escapes rustdoc removes.
    #[test]
    fn builtin_text_reads_the_same() {
        let registry = crate::registry::builtin().unwrap();
        let teapot = variant_doc(registry.by_code(418).unwrap(), false);
        assert!(teapot.starts_with("`418 I'm a teapot`\n\n"), "{teapot}");
        for entry in registry.entries() {
            let unescaped = inert(&entry.description)
                .replace('\\', "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            assert_eq!(unescaped, one_line(&entry.description).replace('\\', ""));
        }
    }

    /// What the registry says of a response with the status, as sentences.
    #[test]
    fn facts_are_sentences() {
        let registry = crate::registry::builtin().unwrap();
        let facts = |code| paragraphs(registry.by_code(code).unwrap())[3].clone();
        assert_eq!(facts(401), "Must be sent with `WWW-Authenticate`.");
        assert_eq!(facts(204), "Cacheable by default. Sent with no content.");
        assert_eq!(
            facts(301),
            "Cacheable by default. Should be sent with `Location`."
        );
        let mut entry = local_entry("D", "X", None);
        entry.facts.requires = vec!["A".into(), "B".into(), "C".into()];
        assert_eq!(paragraphs(&entry)[3], "Must be sent with `A`, `B` and `C`.");
    }

    /// Long runs of what the escaping looks at stay linear (a million bytes is the file cap).
    #[test]
    fn long_text_is_escaped_in_linear_time() {
        let parens = format!("https://a.example{}", ")".repeat(200_000));
        assert_eq!(
            inert(&parens),
            format!("<https://a.example>{}", ")".repeat(200_000))
        );
        let brackets = "[".repeat(200_000);
        assert_eq!(inert(&brackets), "\\[".repeat(200_000));
    }
}
