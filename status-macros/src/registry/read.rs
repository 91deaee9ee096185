//! Reading a registry file: a TOML document of `[[status]]` tables, read into entries.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::headers::owned_header;
use super::model::{Entry, Facts, RegistryError, Standing};
use super::names::is_upper_camel_case;
use super::text::hidden_character;

const FIELDS: [&str; 12] = [
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

/// A message about the text at a byte offset.
type Problem = (usize, String);

/// At most this many problems of one file are reported, then one line counts the rest: a
/// file of 20,000 bad entries must not print megabytes of errors.
pub(super) const MAX_REPORTED: usize = 50;

/// Reads the entries of `source`, handing each to `add`, which says how it clashes with the
/// entries before it. An entry with problems of its own is handed over too, with what of it
/// was read (a code of 0 and an empty name when those are in error).
///
/// Every problem comes back with its position, entry by entry: a syntax error stops the
/// reading; otherwise stray keys, malformed entries and the clashes `add` finds are all
/// reported (the first [`MAX_REPORTED`] of them).
pub(super) fn read_entries(
    source: &str,
    file: &str,
    local: bool,
    mut add: impl FnMut(Entry) -> Vec<String>,
) -> Result<(), Vec<RegistryError>> {
    let lines = LineIndex::new(source);
    let (document, syntax_errors) = DeTable::parse_recoverable(source);
    if !syntax_errors.is_empty() {
        let problems = syntax_errors.iter().map(|error| {
            let offset = error.span().map_or(0, |span| span.start);
            (offset, error.message().trim_end().to_owned())
        });
        return Err(report(&lines, file, problems.collect()));
    }
    let mut problems = Vec::new();
    for item in status_items(document.get_ref(), &mut problems) {
        let start = item.span().start;
        let Some(table) = item.get_ref().as_table() else {
            problems.push((start, "each `status` entry must be a table".into()));
            continue;
        };
        // An entry in error is added too, so that its clashes with others are reported with
        // its own problems: the registry is then refused as a whole.
        let (mut entry, entry_problems) = parse_entry(table, start);
        entry.line = lines.line(start);
        entry.local = local;
        problems.extend(entry_problems);
        problems.extend(add(entry).into_iter().map(|message| (start, message)));
    }
    if !problems.is_empty() {
        return Err(report(&lines, file, problems));
    }
    Ok(())
}

/// The first [`MAX_REPORTED`] problems, with their positions, then one line for the rest, at
/// the next one. Only the reported ones are given a position, which costs a scan of their line.
fn report(lines: &LineIndex, file: &str, problems: Vec<Problem>) -> Vec<RegistryError> {
    let error_at = |(offset, message): Problem| {
        let (line, column) = lines.line_column(offset);
        RegistryError {
            file: file.to_owned(),
            line,
            column,
            message,
        }
    };
    let omitted = problems.len().saturating_sub(MAX_REPORTED);
    let mut problems = problems.into_iter();
    let mut errors: Vec<RegistryError> =
        problems.by_ref().take(MAX_REPORTED).map(error_at).collect();
    if let Some((offset, _)) = problems.next() {
        let message = format!("… and {omitted} more errors in this file, the next of them here");
        errors.push(error_at((offset, message)));
    }
    errors
}

/// The items of the document's `status` array. Any other top-level key is a problem.
fn status_items<'a, 'i>(
    root: &'a DeTable<'i>,
    problems: &mut Vec<Problem>,
) -> Vec<&'a Spanned<DeValue<'i>>> {
    for (key, _) in root.iter() {
        if key.get_ref() != "status" {
            problems.push((
                key.span().start,
                format!(
                    "unknown key `{}`: a registry has only `[[status]]` tables",
                    key.get_ref()
                ),
            ));
        }
    }
    match root.get("status") {
        None => Vec::new(),
        Some(statuses) => match statuses.get_ref().as_array() {
            Some(array) => array.iter().collect(),
            None => {
                problems.push((
                    statuses.span().start,
                    "`status` must be an array of tables: write each entry as `[[status]]`".into(),
                ));
                Vec::new()
            }
        },
    }
}

/// Where each line of a source starts, so that the line of an offset takes a binary search,
/// not a scan from the top (which made 20,000 errors take minutes).
struct LineIndex<'a> {
    source: &'a str,
    /// Byte offset of each line's start; the first is 0.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(source: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { source, starts }
    }

    /// 1-based line of a byte offset.
    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_column(&self, offset: usize) -> (usize, usize) {
        // Spans from the parser fall on character boundaries; a slice must not panic if one
        // did not.
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line(offset);
        let line_start = self.starts[line - 1];
        let column = self.source[line_start..offset].chars().count() + 1;
        (line, column)
    }
}

/// One entry, and every problem in it. `start` is where the entry begins. A field in error
/// is left at its default (a code of 0, an empty name, no aliases but the good ones).
fn parse_entry(table: &DeTable, start: usize) -> (Entry, Vec<Problem>) {
    let mut errors = Vec::new();
    for (key, _) in table.iter() {
        if !FIELDS.contains(&key.get_ref().as_ref()) {
            errors.push((
                key.span().start,
                format!(
                    "unknown field `{}`; expected one of {}",
                    key.get_ref(),
                    FIELDS.map(|f| format!("`{f}`")).join(", ")
                ),
            ));
        }
    }
    let e = &mut errors;
    let code = keep(e, required(table, "code", start).and_then(code));
    let name = keep(
        e,
        required(table, "name", start).and_then(|v| name(v, "name")),
    );
    let reason = keep(e, required(table, "reason", start).and_then(reason_phrase));
    let description = keep(
        e,
        required(table, "description", start).and_then(|v| non_empty(v, "description")),
    );
    let reference = keep(
        e,
        required(table, "reference", start).and_then(|v| non_empty(v, "reference")),
    );
    let aliases = table.get("aliases").map(|v| aliases(v, e));
    let standing = keep(e, table.get("standing").map(standing).transpose());
    let origin = keep(
        e,
        table.get("origin").map(|v| string(v, "origin")).transpose(),
    );
    let facts = facts(table, code, e);
    let entry = Entry {
        code: code.unwrap_or(0),
        name: name.unwrap_or_default(),
        reason: reason.unwrap_or_default(),
        description: description.unwrap_or_default(),
        reference: reference.unwrap_or_default(),
        aliases: aliases.unwrap_or_default(),
        standing: standing.flatten(),
        origin: origin.flatten(),
        facts,
        line: 0,
        local: false,
    };
    (entry, errors)
}

/// The optional fields of what a response with the status is and carries; a field in error
/// counts as absent, its error kept.
fn facts(table: &DeTable, code: Option<u16>, errors: &mut Vec<Problem>) -> Facts {
    let cacheable = table.get("cacheable").map(cacheable).transpose();
    let cacheable = keep(errors, cacheable).flatten().unwrap_or(false);
    let no_content = table.get("content").map(no_content).transpose();
    let no_content = keep(errors, no_content).flatten().unwrap_or(false);
    let requires = table.get("requires");
    let requires = requires.map_or_else(Vec::new, |v| headers(v, "requires", code, &[], errors));
    // A header a response MUST send is not also one it SHOULD send.
    let recommends = table.get("recommends");
    let recommends = recommends.map_or_else(Vec::new, |v| {
        headers(v, "recommends", code, &requires, errors)
    });
    Facts {
        cacheable,
        no_content,
        recommends,
        requires,
    }
}

fn cacheable(value: &Spanned<DeValue>) -> Result<bool, Problem> {
    value.get_ref().as_bool().ok_or_else(|| {
        (
            value.span().start,
            "`cacheable` must be `true` or `false`".to_owned(),
        )
    })
}

/// `content = "none"`, the one value: a status that may carry content leaves the field out.
fn no_content(value: &Spanned<DeValue>) -> Result<bool, Problem> {
    let text = string(value, "content")?;
    if text != "none" {
        return Err((
            value.span().start,
            format!(
                "unknown content `{text}`; expected `none` (leave `content` out for a status \
                 that may carry content)"
            ),
        ));
    }
    Ok(true)
}

/// A list of header field names, each an RFC 9110 `token` that a response may carry (none
/// the server owns), none listed twice (names are case-insensitive) nor in `taken`, the names
/// of the other list. Every bad name is a problem; the good ones are kept.
fn headers(
    value: &Spanned<DeValue>,
    field: &str,
    code: Option<u16>,
    taken: &[String],
    problems: &mut Vec<Problem>,
) -> Vec<String> {
    let Some(array) = value.get_ref().as_array() else {
        problems.push((
            value.span().start,
            format!("`{field}` must be an array of header names"),
        ));
        return Vec::new();
    };
    let mut names: Vec<String> = Vec::with_capacity(array.len());
    for item in array {
        let Some(name) = keep(problems, string(item, field)) else {
            continue;
        };
        let same = |other: &String| other.eq_ignore_ascii_case(&name);
        let problem = if !is_token(&name) {
            format!(
                "`{name}` in `{field}` is not a header name: a field name is a token of \
                 letters, digits and !#$%&'*+-.^_`|~ (RFC 9110, Sections 5.1 and 5.6.2)"
            )
        } else if let Some(owned) = owned_header(&name) {
            format!(
                "`{name}` in `{field}` is a header field a status cannot ask for: {}",
                owned.owner
            )
        } else if name.eq_ignore_ascii_case("Upgrade") && !matches!(code, Some(101 | 426)) {
            // The derive sends `Upgrade` with 426 alone (101 is the server's own).
            format!(
                "`{name}` in `{field}` goes with 101 Switching Protocols and 426 Upgrade \
                 Required alone (RFC 9110, Section 7.8): a response with this status could \
                 never send it"
            )
        } else if names.iter().any(same) {
            format!("header `{name}` is listed twice in `{field}`")
        } else if taken.iter().any(same) {
            format!("header `{name}` is in both `requires` and `recommends`")
        } else {
            names.push(name);
            continue;
        };
        problems.push((item.span().start, problem));
    }
    names
}

/// `token = 1*tchar` (RFC 9110, Section 5.6.2): a header field name.
fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// The value, or `None` with its error kept.
fn keep<T>(errors: &mut Vec<Problem>, result: Result<T, Problem>) -> Option<T> {
    result.map_err(|error| errors.push(error)).ok()
}

fn code(value: &Spanned<DeValue>) -> Result<u16, Problem> {
    let code = value
        .get_ref()
        .as_integer()
        .and_then(|integer| i64::from_str_radix(integer.as_str(), integer.radix()).ok())
        .ok_or_else(|| (value.span().start, "`code` must be an integer".to_owned()))?;
    match u16::try_from(code) {
        Ok(code @ 100..=599) => Ok(code),
        _ => Err((
            value.span().start,
            format!("code {code} is outside 100..=599"),
        )),
    }
}

/// A variant name: UpperCamelCase, and not the keyword `Self`.
fn name(value: &Spanned<DeValue>, field: &str) -> Result<String, Problem> {
    let name = string(value, field)?;
    if !is_upper_camel_case(&name) {
        return Err((
            value.span().start,
            format!("{field} `{name}` is not UpperCamelCase (like `NotFound`)"),
        ));
    }
    if name == "Self" {
        return Err((
            value.span().start,
            "`Self` is a Rust keyword and cannot name a variant".into(),
        ));
    }
    Ok(name)
}

/// The good aliases; each bad one is a problem.
fn aliases(value: &Spanned<DeValue>, problems: &mut Vec<Problem>) -> Vec<String> {
    let Some(array) = value.get_ref().as_array() else {
        problems.push((
            value.span().start,
            "`aliases` must be an array of strings".to_owned(),
        ));
        return Vec::new();
    };
    let aliases = array.iter().map(|alias| name(alias, "alias"));
    aliases.filter_map(|alias| keep(problems, alias)).collect()
}

fn standing(value: &Spanned<DeValue>) -> Result<Standing, Problem> {
    let text = string(value, "standing")?;
    let found = Standing::ALL.iter().find(|(word, _)| *word == text);
    found.map(|(_, standing)| *standing).ok_or_else(|| {
        (
            value.span().start,
            format!(
                "unknown standing `{text}`; expected `deprecated`, `reserved`, `obsolete` or \
                 `temporary`"
            ),
        )
    })
}

fn required<'a, 'i>(
    table: &'a DeTable<'i>,
    field: &str,
    start: usize,
) -> Result<&'a Spanned<DeValue<'i>>, Problem> {
    table
        .get(field)
        .ok_or_else(|| (start, format!("missing field `{field}`")))
}

fn string(value: &Spanned<DeValue>, field: &str) -> Result<String, Problem> {
    value
        .get_ref()
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| (value.span().start, format!("`{field}` must be a string")))
}

/// A reason phrase as HTTP writes it on the status line, `reason-phrase = 1*( HTAB / SP /
/// VCHAR / obs-text )` (RFC 9112, Section 4; RFC 9110, Section 15): a control character,
/// CR or LF above all, would break the status line or the rustdoc the macros write from it.
fn reason_phrase(value: &Spanned<DeValue>) -> Result<String, Problem> {
    let reason = non_empty(value, "reason")?;
    // Non-ASCII text is `obs-text`, which the grammar allows; C1 controls are refused too, and
    // so is tab, which the grammar allows: the phrase is a problem document's default
    // `title` too, one line of text shown to people.
    let control = reason.chars().enumerate().find(|&(_, ch)| ch.is_control());
    if let Some((index, ch)) = control {
        return Err((
            value.span().start,
            format!(
                "`reason` has {} at character {}: a reason phrase (RFC 9112, Section 4) has \
                 no control characters, and is the default `title` of a problem document",
                control_name(ch),
                index + 1
            ),
        ));
    }
    let hidden = reason
        .chars()
        .enumerate()
        .find_map(|(index, ch)| hidden_character(ch).map(|(name, what)| (index, ch, name, what)));
    match hidden {
        None => Ok(reason),
        Some((index, ch, name, what)) => Err((
            value.span().start,
            format!(
                "`reason` has `{}` ({name}) at character {}: {what}, in the status line and in \
                 the problem documents that take the phrase as their `title`",
                ch.escape_unicode(),
                index + 1
            ),
        )),
    }
}

/// A control character as an error message names it.
fn control_name(ch: char) -> String {
    let name = match ch {
        '\n' => "a line feed",
        '\r' => "a carriage return",
        '\t' => "a tab",
        '\u{7f}' => "DEL",
        '\0' => "a NUL",
        _ => "a control character",
    };
    format!("{name} (U+{:04X})", u32::from(ch))
}

fn non_empty(value: &Spanned<DeValue>, field: &str) -> Result<String, Problem> {
    let text = string(value, field)?;
    if text.trim().is_empty() {
        return Err((value.span().start, format!("`{field}` must not be empty")));
    }
    Ok(text)
}

#[cfg(test)]
pub(super) mod tests {
    use crate::registry::Registry;

    /// The source of one well-formed entry.
    pub(in crate::registry) fn entry(code: u16, name: &str) -> String {
        format!(
            "[[status]]\ncode = {code}\nname = \"{name}\"\nreason = \"R\"\ndescription = \"D\"\nreference = \"X\"\n"
        )
    }

    #[test]
    fn errors_have_positions() {
        let errors = Registry::parse("[[status]]\ncode = 42\n", "x.toml").unwrap_err();
        assert_eq!((errors[0].line, errors[0].column), (2, 8));
        assert!(
            errors[0].message.contains("outside 100..=599"),
            "{}",
            errors[0]
        );

        let errors = Registry::parse("[[status]]\ncode = 200\nnmae = 1\n", "x.toml").unwrap_err();
        assert_eq!((errors[0].line, errors[0].column), (3, 1));
        assert!(
            errors[0].message.contains("unknown field `nmae`"),
            "{}",
            errors[0]
        );

        let errors = Registry::parse("[[status]\n", "x.toml").unwrap_err();
        assert_eq!(errors[0].line, 1);
        assert_eq!(errors[0].to_string().split(':').next(), Some("x.toml"));
    }

    #[test]
    fn an_unknown_field_rejects_an_otherwise_good_entry() {
        let source = entry(599, "Foo") + "colour = 1\n";
        let errors = Registry::parse(&source, "x.toml").unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!((errors[0].line, errors[0].column), (7, 1));
        assert!(
            errors[0].message.contains("unknown field `colour`"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn line_column_counts_characters_and_never_splits_one() {
        let index = super::LineIndex::new("a\nñx");
        assert_eq!(index.line_column(0), (1, 1));
        assert_eq!(index.line_column(2), (2, 1));
        assert_eq!(index.line_column(4), (2, 2), "`ñ` is one column");
        assert_eq!(index.line_column(3), (2, 1), "inside `ñ`: its start");
        assert_eq!(index.line_column(99), (2, 3), "past the end: the end");
    }

    #[test]
    fn every_bad_entry_is_reported() {
        let source = entry(598, "lower") + &entry(700, "Fine") + &entry(597, "Good");
        let errors = Registry::parse(&source, "x.toml").unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 8]);
    }

    #[test]
    fn every_problem_of_an_entry_is_reported() {
        let source = "[[status]]\ncode = 700\nname = \"foo\"\nreason = \"\"\ndescription = 3\nstanding = \"weird\"\n";
        let errors = Registry::parse(source, "x.toml").unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        // code, name, reason, description, missing reference (at the entry), standing
        assert_eq!(lines.len(), 6, "{errors:?}");
        assert!(
            lines.contains(&2) && lines.contains(&3) && lines.contains(&6),
            "{errors:?}"
        );
    }

    /// The messages of the errors of `source`, each with its line and column.
    fn problems(source: &str) -> Vec<String> {
        match Registry::parse(source, "x.toml") {
            Ok(_) => Vec::new(),
            Err(errors) => errors
                .iter()
                .map(|e| format!("{}:{}: {}", e.line, e.column, e.message))
                .collect(),
        }
    }

    #[test]
    fn header_fields_the_server_owns_cannot_be_required_or_recommended() {
        let source = entry(599, "Odd")
            + "requires = [\"Content-Type\", \"host\", \"Upgrade\", \"Bad Name\", \"TE\"]\n\
               recommends = [\"Connection\", \"Keep-Alive\", \"Via\"]\n";
        let problems = problems(&source);
        assert_eq!(problems.len(), 7, "{problems:#?}");
        assert!(
            problems.iter().any(|p| p.starts_with(
                "7:37: `Upgrade` in `requires` goes with 101 Switching Protocols and 426"
            )),
            "{problems:#?}"
        );
        for (at, name, owner) in [
            ("7:13", "Content-Type", "the response sets it"),
            ("7:29", "host", "a request header"),
            ("7:60", "TE", "a request header"),
            ("8:15", "Connection", "connection-specific"),
            ("8:29", "Keep-Alive", "connection-specific"),
        ] {
            let field = if at.starts_with('7') {
                "requires"
            } else {
                "recommends"
            };
            let found = problems.iter().find(|p| p.starts_with(&format!("{at}: ")));
            let found = found.unwrap_or_else(|| panic!("nothing at {at}: {problems:#?}"));
            assert!(
                found.contains(&format!(
                    "`{name}` in `{field}` is a header field a status cannot ask for"
                )) && found.contains(owner),
                "{found}"
            );
        }
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("7:48: `Bad Name` in `requires` is not")),
            "{problems:#?}"
        );
        // 101 and 426 require `Upgrade`, in any case.
        for code in [101, 426] {
            let upgrade = entry(code, "Odd") + "requires = [\"upgrade\"]\n";
            assert_eq!(Registry::parse(&upgrade, "x.toml").err(), None);
        }
    }

    #[test]
    fn facts_are_read_as_written() {
        let facts = |fields: &str| {
            let registry = Registry::parse(&(entry(599, "Odd") + fields), "x.toml").unwrap();
            registry.by_code(599).unwrap().facts.clone()
        };
        assert!(!facts("").cacheable && !facts("").no_content);
        assert!(!facts("cacheable = false\n").cacheable);
        assert!(facts("cacheable = true\n").cacheable);
        assert!(facts("content = \"none\"\n").no_content);
        let source = entry(599, "Odd") + "content = \"empty\"\ncacheable = 1\n";
        let problems = problems(&source);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with("8:13: `cacheable` must be"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("7:11: unknown content `empty`"),
            "{problems:?}"
        );
    }

    #[test]
    fn every_bad_name_of_an_array_is_reported() {
        let source = entry(599, "Odd")
            + "requires = [\"A B\", \"X\", \"x\", \"C:D\", 3]\nrecommends = [\"X\"]\n";
        let problems = problems(&source);
        assert_eq!(
            problems,
            [
                "7:13: `A B` in `requires` is not a header name: a field name is a token of \
                 letters, digits and !#$%&'*+-.^_`|~ (RFC 9110, Sections 5.1 and 5.6.2)",
                "7:25: header `x` is listed twice in `requires`",
                "7:30: `C:D` in `requires` is not a header name: a field name is a token of \
                 letters, digits and !#$%&'*+-.^_`|~ (RFC 9110, Sections 5.1 and 5.6.2)",
                "7:37: `requires` must be a string",
                "8:15: header `X` is in both `requires` and `recommends`",
            ]
        );
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let index = super::LineIndex::new("ab\nçé x\n\nz");
        assert_eq!(index.line_column(0), (1, 1));
        assert_eq!(index.line_column(3), (2, 1));
        // `ç` and `é` take two bytes each: `x` is the fourth character of its line.
        assert_eq!(index.line_column(8), (2, 4));
        assert_eq!(index.line_column(10), (3, 1));
        assert_eq!(index.line_column(99), (4, 2));
    }

    /// 20,000 bad entries: 50 errors and one line for the rest, read in linear time (the
    /// position of every error from the top of the file took 80 s, 120 s for duplicates).
    #[test]
    fn many_bad_entries_are_capped_and_fast() {
        let builtin = crate::registry::builtin().unwrap();
        // Each entry takes six lines, and every entry after the first has two errors: the
        // 51st error is the second of entry 26 (its name taken, at its start), or the first of
        // entry 27 after a good one.
        for (source, first_omitted, counted) in [
            // A bad code, and the name of the first.
            (entry(700, "Bad").repeat(20_000), "151:1", 39_949),
            // The code and the name of the first.
            (entry(599, "Again").repeat(20_000), "157:1", 39_948),
        ] {
            let start = std::time::Instant::now();
            let errors = builtin.with_local(&source, "x.toml").unwrap_err();
            let elapsed = start.elapsed();
            eprintln!("{} errors of 20,000 entries in {elapsed:?}", errors.len());
            assert_eq!(errors.len(), super::MAX_REPORTED + 1);
            let last = errors.last().unwrap();
            assert_eq!(
                last.to_string(),
                format!(
                    "x.toml:{first_omitted}: … and {counted} more errors in this file, the next of them here"
                )
            );
            assert!(elapsed.as_secs() < 5, "{elapsed:?}");
        }
    }

    #[test]
    fn reason_phrases_have_no_control_characters() {
        let with_reason = |reason: &str| {
            entry(599, "Odd").replace("reason = \"R\"", &format!("reason = {reason}"))
        };
        for (reason, named) in [
            (r#""Line\nFeed""#, "a line feed (U+000A) at character 5"),
            (
                r#""Carriage\rReturn""#,
                "a carriage return (U+000D) at character 9",
            ),
            (r#""Del\u007F""#, "DEL (U+007F) at character 4"),
            (r#""Nul\u0000""#, "a NUL (U+0000) at character 4"),
            (
                r#""Esc\u001B[31m""#,
                "a control character (U+001B) at character 4",
            ),
            (
                r#""Next\u0085Line""#,
                "a control character (U+0085) at character 5",
            ),
            (
                "\"\"\"\nTwo\nLines\"\"\"",
                "a line feed (U+000A) at character 4",
            ),
            (r#""Tab\tbed""#, "a tab (U+0009) at character 4"),
        ] {
            let errors = Registry::parse(&with_reason(reason), "x.toml").unwrap_err();
            assert_eq!(
                errors[0].to_string(),
                format!(
                    "x.toml:4:10: `reason` has {named}: a reason phrase (RFC 9112, Section 4) \
                     has no control characters, and is the default `title` of a problem document"
                )
            );
        }
        // Characters that hide or reorder the text, as in a `title`.
        for (reason, named) in [
            (
                r#""Gnp\u202Eexe""#,
                "`\\u{202e}` (RIGHT-TO-LEFT OVERRIDE) at character 4",
            ),
            (
                r#""Two\u2028Lines""#,
                "`\\u{2028}` (LINE SEPARATOR) at character 4",
            ),
            (
                r#""Zero\u200BWidth""#,
                "`\\u{200b}` (ZERO WIDTH SPACE) at character 5",
            ),
        ] {
            let errors = Registry::parse(&with_reason(reason), "x.toml").unwrap_err();
            assert!(errors[0].to_string().contains(named), "{}", errors[0]);
        }
        for reason in [r#""Café Ünïcode""#, r#""I'm a teapot""#] {
            assert!(
                Registry::parse(&with_reason(reason), "x.toml").is_ok(),
                "{reason}"
            );
        }
    }
}
