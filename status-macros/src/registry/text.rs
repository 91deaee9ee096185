//! What text shown to people may not hold, besides control characters: characters that
//! change how the text around them is shown, or that do not show at all (the Trojan Source
//! attack, CVE-2021-42574), in reason phrases as in titles.

/// The Unicode name of a character that hides or reorders text, and what it does.
pub fn hidden_character(c: char) -> Option<(&'static str, &'static str)> {
    const REORDERS: &str = "a bidirectional formatting character changes the order in which \
                            the text around it is shown";
    const BREAKS: &str = "a line or paragraph separator breaks the one line of text";
    const INVISIBLE: &str = "a zero-width character does not show";
    Some(match c {
        '\u{061C}' => ("ARABIC LETTER MARK", REORDERS),
        '\u{200E}' => ("LEFT-TO-RIGHT MARK", REORDERS),
        '\u{200F}' => ("RIGHT-TO-LEFT MARK", REORDERS),
        '\u{202A}' => ("LEFT-TO-RIGHT EMBEDDING", REORDERS),
        '\u{202B}' => ("RIGHT-TO-LEFT EMBEDDING", REORDERS),
        '\u{202C}' => ("POP DIRECTIONAL FORMATTING", REORDERS),
        '\u{202D}' => ("LEFT-TO-RIGHT OVERRIDE", REORDERS),
        '\u{202E}' => ("RIGHT-TO-LEFT OVERRIDE", REORDERS),
        '\u{2066}' => ("LEFT-TO-RIGHT ISOLATE", REORDERS),
        '\u{2067}' => ("RIGHT-TO-LEFT ISOLATE", REORDERS),
        '\u{2068}' => ("FIRST STRONG ISOLATE", REORDERS),
        '\u{2069}' => ("POP DIRECTIONAL ISOLATE", REORDERS),
        '\u{2028}' => ("LINE SEPARATOR", BREAKS),
        '\u{2029}' => ("PARAGRAPH SEPARATOR", BREAKS),
        '\u{200B}' => ("ZERO WIDTH SPACE", INVISIBLE),
        '\u{200C}' => ("ZERO WIDTH NON-JOINER", INVISIBLE),
        '\u{200D}' => ("ZERO WIDTH JOINER", INVISIBLE),
        '\u{2060}' => ("WORD JOINER", INVISIBLE),
        '\u{FEFF}' => ("ZERO WIDTH NO-BREAK SPACE", INVISIBLE),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::hidden_character;

    /// Every character of Unicode's bidirectional controls (UAX #9), both separators and the
    /// zero-width characters is refused, each under its own name; visible text is not.
    #[test]
    fn hidden_characters_are_named() {
        let hidden = [
            '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}',
            '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{2028}', '\u{2029}',
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
        ];
        let mut names: Vec<_> = hidden
            .iter()
            .map(|&c| {
                hidden_character(c)
                    .unwrap_or_else(|| panic!("{c:?} is hidden"))
                    .0
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), hidden.len());
        assert_eq!(
            hidden_character('\u{2060}'),
            Some(("WORD JOINER", "a zero-width character does not show"))
        );
        for visible in [
            'a', ' ', '\u{e9}', '\u{a0}', '\u{2010}', '\u{201C}', '\u{2065}',
        ] {
            assert_eq!(hidden_character(visible), None, "{visible:?}");
        }
    }
}
