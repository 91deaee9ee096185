//! The rustdoc of generated variants.

use crate::registry::{Entry, Standing};

/// The rustdoc of a generated variant: status line, description, reference, standing.
pub fn variant_doc(entry: &Entry, renamed: bool) -> String {
    // Registry text may come from a crate's own file: on one line it can open no code block
    // (which rustdoc would run as a doctest).
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut doc = format!(
        "`{} {}`\n\n{}\n\n",
        entry.code,
        one_line(&entry.reason).replace('`', "'"),
        one_line(&entry.description)
    );
    doc.push_str(&reference_markdown(&one_line(&entry.reference)));
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
        doc.push_str(&format!("\n\nNot an IANA code: used by {origin}."));
    }
    if renamed {
        doc.push_str(&format!("\n\nRegistry name: `{}`.", entry.name));
    }
    if !entry.aliases.is_empty() {
        let aliases: Vec<String> = entry.aliases.iter().map(|a| format!("`{a}`")).collect();
        doc.push_str(&format!("\n\nFormer names: {}.", aliases.join(", ")));
    }
    doc
}

/// "RFC 9110, Section 15.5.5" becomes a link to that section.
fn reference_markdown(reference: &str) -> String {
    let link = reference.strip_prefix("RFC ").and_then(|rest| {
        let (number, section) = rest.split_once(", Section ")?;
        (number.bytes().all(|b| b.is_ascii_digit())
            && section.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        .then(|| format!("https://www.rfc-editor.org/rfc/rfc{number}#section-{section}"))
    });
    match link {
        Some(url) => format!("Reference: [{reference}]({url})"),
        None => format!("Reference: {reference}"),
    }
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
}
