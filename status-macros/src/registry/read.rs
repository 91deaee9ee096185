//! Reading a registry file: a TOML document of `[[status]]` tables, read into entries.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::model::{Entry, RegistryError, Standing};
use super::names::is_upper_camel_case;

const FIELDS: [&str; 8] = [
    "code",
    "name",
    "reason",
    "description",
    "reference",
    "aliases",
    "standing",
    "origin",
];

/// A message about the text at a byte offset.
type Problem = (usize, String);

/// Reads the entries of `source`, handing each well-formed one to `add`.
///
/// Every problem comes back with its position, in file order: a syntax error stops the
/// reading; otherwise stray keys, malformed entries and the entries `add` refuses are all
/// reported.
pub(super) fn read_entries(
    source: &str,
    file: &str,
    local: bool,
    mut add: impl FnMut(Entry) -> Result<(), String>,
) -> Result<(), Vec<RegistryError>> {
    let error_at = |(offset, message): Problem| {
        let (line, column) = line_column(source, offset);
        RegistryError {
            file: file.to_owned(),
            line,
            column,
            message,
        }
    };
    let (document, syntax_errors) = DeTable::parse_recoverable(source);
    if !syntax_errors.is_empty() {
        return Err(syntax_errors
            .iter()
            .map(|error| {
                let offset = error.span().map_or(0, |span| span.start);
                error_at((offset, error.message().trim_end().to_owned()))
            })
            .collect());
    }
    let mut problems = Vec::new();
    for item in status_items(document.get_ref(), &mut problems) {
        let start = item.span().start;
        let Some(table) = item.get_ref().as_table() else {
            problems.push((start, "each `status` entry must be a table".into()));
            continue;
        };
        match parse_entry(table, start) {
            Ok(mut entry) => {
                entry.line = line_column(source, start).0;
                entry.local = local;
                if let Err(message) = add(entry) {
                    problems.push((start, message));
                }
            }
            Err(entry_problems) => problems.extend(entry_problems),
        }
    }
    if !problems.is_empty() {
        return Err(problems.into_iter().map(error_at).collect());
    }
    Ok(())
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

/// 1-based line and column (in characters) of a byte offset.
fn line_column(source: &str, offset: usize) -> (usize, usize) {
    // Spans from the parser fall on character boundaries; a slice must not panic if one did not.
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// One entry, or every problem in it. `start` is where the entry begins.
fn parse_entry(table: &DeTable, start: usize) -> Result<Entry, Vec<Problem>> {
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
    let reason = keep(
        e,
        required(table, "reason", start).and_then(|v| non_empty(v, "reason")),
    );
    let description = keep(
        e,
        required(table, "description", start).and_then(|v| non_empty(v, "description")),
    );
    let reference = keep(
        e,
        required(table, "reference", start).and_then(|v| non_empty(v, "reference")),
    );
    let aliases = keep(e, table.get("aliases").map_or(Ok(Vec::new()), aliases));
    let standing = keep(e, table.get("standing").map(standing).transpose());
    let origin = keep(
        e,
        table.get("origin").map(|v| string(v, "origin")).transpose(),
    );
    match (
        code,
        name,
        reason,
        description,
        reference,
        aliases,
        standing,
        origin,
    ) {
        (
            Some(code),
            Some(name),
            Some(reason),
            Some(description),
            Some(reference),
            Some(aliases),
            Some(standing),
            Some(origin),
        ) if errors.is_empty() => Ok(Entry {
            code,
            name,
            reason,
            description,
            reference,
            aliases,
            standing,
            origin,
            line: 0,
            local: false,
        }),
        _ => Err(errors),
    }
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

fn aliases(value: &Spanned<DeValue>) -> Result<Vec<String>, Problem> {
    let array = value.get_ref().as_array().ok_or_else(|| {
        (
            value.span().start,
            "`aliases` must be an array of strings".to_owned(),
        )
    })?;
    array.iter().map(|alias| name(alias, "alias")).collect()
}

fn standing(value: &Spanned<DeValue>) -> Result<Standing, Problem> {
    let text = string(value, "standing")?;
    let found = Standing::ALL.iter().find(|(word, _)| *word == text);
    found.map(|(_, standing)| *standing).ok_or_else(|| {
        (
            value.span().start,
            format!(
                "unknown standing `{text}`; expected `deprecated`, `reserved`, `obsolete` or `temporary`"
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

fn non_empty(value: &Spanned<DeValue>, field: &str) -> Result<String, Problem> {
    let text = string(value, field)?;
    if text.trim().is_empty() {
        return Err((value.span().start, format!("`{field}` must not be empty")));
    }
    Ok(text)
}

#[cfg(test)]
pub(super) mod tests {
    use super::line_column;
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
        let source = "a\nñx";
        assert_eq!(line_column(source, 0), (1, 1));
        assert_eq!(line_column(source, 2), (2, 1));
        assert_eq!(line_column(source, 4), (2, 2), "`ñ` is one column");
        assert_eq!(line_column(source, 3), (2, 1), "inside `ñ`: its start");
        assert_eq!(line_column(source, 99), (2, 3), "past the end: the end");
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
}
