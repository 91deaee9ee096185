//! The registry of status codes: `codes.toml`, parsed once per compiler process.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The registry shipped with the crate (a copy of the workspace's `codes.toml`).
const BUILTIN_SOURCE: &str = include_str!("../codes.toml");
const BUILTIN_FILE: &str = "status-macros/codes.toml";
/// A crate's own registry, beside its `Cargo.toml`.
const LOCAL_FILE: &str = "codes.toml";

/// Why a code is not simply current.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Deprecated,
    Reserved,
    Obsolete,
    Temporary,
}

impl Standing {
    const ALL: [(&'static str, Standing); 4] = [
        ("deprecated", Standing::Deprecated),
        ("reserved", Standing::Reserved),
        ("obsolete", Standing::Obsolete),
        ("temporary", Standing::Temporary),
    ];
}

/// One registered status code.
#[derive(Debug, Clone)]
pub struct Entry {
    pub code: u16,
    pub name: String,
    pub reason: String,
    pub description: String,
    pub reference: String,
    pub aliases: Vec<String>,
    pub standing: Option<Standing>,
    pub origin: Option<String>,
    /// Line of the entry in its file.
    pub line: usize,
    /// From the crate's own `codes.toml`, not the built-in registry.
    pub local: bool,
}

impl Entry {
    /// IANA marks a code it keeps unassigned with the reason "(Unused)" (306): such a code
    /// names no status a server may send, so the macros refuse it.
    pub fn is_unusable(&self) -> bool {
        self.standing == Some(Standing::Reserved) && self.reason.starts_with('(')
    }

    /// Whether `StatusCode` has a variant for this entry: every usable built-in IANA code.
    pub fn in_status_code(&self) -> bool {
        self.origin.is_none() && !self.local && !self.is_unusable()
    }

    pub fn class_digit(&self) -> u16 {
        self.code / 100
    }
}

/// A problem in a registry file, with its position (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// How a name was matched in the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameMatch {
    /// The entry's name, in UpperCamelCase or SCREAMING_SNAKE_CASE.
    Current,
    /// A former name of the entry.
    Former,
}

#[derive(Debug, Default, Clone)]
pub struct Registry {
    /// In code order.
    entries: Vec<Entry>,
    by_code: HashMap<u16, usize>,
    /// Every accepted spelling (name, SCREAMING name, aliases) to its entry.
    by_name: HashMap<String, (usize, NameMatch)>,
}

/// The built-in registry, parsed on first use and kept for the life of the compiler process.
pub fn builtin() -> Result<Arc<Registry>, Vec<RegistryError>> {
    static BUILTIN: OnceLock<Result<Arc<Registry>, Vec<RegistryError>>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| Registry::parse(BUILTIN_SOURCE, BUILTIN_FILE).map(Arc::new))
        .clone()
}

/// The registry for the crate being compiled.
pub struct Loaded {
    pub registry: Arc<Registry>,
    /// The crate's own `codes.toml`, if it has one: generated code includes it, so that
    /// editing it rebuilds the crate.
    pub local_file: Option<PathBuf>,
}

/// The built-in registry, joined by the `codes.toml` beside the invoking crate's `Cargo.toml`
/// when there is one. Only that one file is read.
///
/// Each file is parsed once per compiler process, and again only when its text changes: a
/// long-lived process such as rust-analyzer never sees a stale registry. Reading a small file
/// to compare costs far less than parsing it.
pub fn load() -> Result<Loaded, Vec<RegistryError>> {
    // The macro crate's own directory holds the built-in file; its unit tests read no other.
    let manifest_dir = if cfg!(test) {
        None
    } else {
        std::env::var_os("CARGO_MANIFEST_DIR")
    };
    load_for(manifest_dir.as_deref().map(Path::new))
}

/// [`load`] for the crate in `manifest_dir`.
pub fn load_for(manifest_dir: Option<&Path>) -> Result<Loaded, Vec<RegistryError>> {
    let builtin = builtin()?;
    let Some(dir) = manifest_dir else {
        return Ok(Loaded {
            registry: builtin,
            local_file: None,
        });
    };
    let path = dir.join(LOCAL_FILE);
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Loaded {
                registry: builtin,
                local_file: None,
            });
        }
        Err(error) => {
            return Err(vec![RegistryError {
                file: path.display().to_string(),
                line: 1,
                column: 1,
                message: format!("cannot read the file: {error}"),
            }]);
        }
    };

    struct Cached {
        source: String,
        registry: Result<Arc<Registry>, Vec<RegistryError>>,
        /// Whether a macro call of this process has reported the errors already.
        reported: bool,
    }
    static LOCAL: Mutex<Option<HashMap<PathBuf, Cached>>> = Mutex::new(None);
    // A panic elsewhere cannot leave the map inconsistent: entries are replaced whole.
    let mut cache = LOCAL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let cache = cache.get_or_insert_with(HashMap::new);
    if cache
        .get(&path)
        .is_none_or(|cached| cached.source != source)
    {
        let registry = builtin
            .with_local(&source, &path.display().to_string())
            .map(Arc::new);
        let fresh = Cached {
            source,
            registry,
            reported: false,
        };
        cache.insert(path.clone(), fresh);
    }
    let Some(cached) = cache.get_mut(&path) else {
        // Inserted just above.
        return Ok(Loaded {
            registry: builtin,
            local_file: None,
        });
    };
    match &cached.registry {
        Ok(registry) => Ok(Loaded {
            registry: Arc::clone(registry),
            local_file: Some(path),
        }),
        // The whole list once per process; later calls say where it went.
        Err(errors) if !cached.reported => {
            cached.reported = true;
            Err(errors.clone())
        }
        Err(_) => Err(vec![RegistryError {
            file: path.display().to_string(),
            line: 1,
            column: 1,
            message: "this file has errors, reported at the first macro call that read it".into(),
        }]),
    }
}

impl Registry {
    /// Parses a registry file, reporting every problem with its position.
    pub fn parse(source: &str, file: &str) -> Result<Registry, Vec<RegistryError>> {
        let mut registry = Registry::default();
        registry.add_file(source, file, false)?;
        Ok(registry)
    }

    /// This registry joined by a crate's own file, which may add codes but never redefine
    /// one this registry has.
    pub fn with_local(&self, source: &str, file: &str) -> Result<Registry, Vec<RegistryError>> {
        let mut registry = self.clone();
        registry.add_file(source, file, true)?;
        Ok(registry)
    }

    fn add_file(
        &mut self,
        source: &str,
        file: &str,
        local: bool,
    ) -> Result<(), Vec<RegistryError>> {
        let error_at = |offset: usize, message: String| {
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
                    error_at(offset, error.message().trim_end().to_owned())
                })
                .collect());
        }
        let mut errors = Vec::new();
        let root = document.get_ref();
        for (key, _) in root.iter() {
            if key.get_ref() != "status" {
                errors.push(error_at(
                    key.span().start,
                    format!(
                        "unknown key `{}`: a registry has only `[[status]]` tables",
                        key.get_ref()
                    ),
                ));
            }
        }
        let items = match root.get("status") {
            None => Vec::new(),
            Some(statuses) => match statuses.get_ref().as_array() {
                Some(array) => array.iter().collect(),
                None => {
                    errors.push(error_at(
                        statuses.span().start,
                        "`status` must be an array of tables: write each entry as `[[status]]`"
                            .into(),
                    ));
                    Vec::new()
                }
            },
        };
        for item in items {
            let Some(table) = item.get_ref().as_table() else {
                errors.push(error_at(
                    item.span().start,
                    "each `status` entry must be a table".into(),
                ));
                continue;
            };
            let start = item.span().start;
            let entry = match parse_entry(table, start) {
                Ok(mut entry) => {
                    entry.line = line_column(source, start).0;
                    entry.local = local;
                    entry
                }
                Err(field_errors) => {
                    errors.extend(field_errors.into_iter().map(|(at, m)| error_at(at, m)));
                    continue;
                }
            };
            if let Err(message) = self.add(entry) {
                errors.push(error_at(start, message));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        self.entries.sort_by_key(|entry| entry.code);
        self.reindex();
        Ok(())
    }

    /// Adds an entry whose code and names are all new.
    fn add(&mut self, entry: Entry) -> Result<(), String> {
        let taken = |other: &Entry, what: String| {
            if other.local == entry.local {
                return format!(
                    "{what} is already defined in this file, at line {}",
                    other.line
                );
            }
            format!(
                "{what} is already in the built-in registry, as {} `{}`; a crate's codes.toml \
                 may add codes, never redefine one",
                other.code, other.name
            )
        };
        if let Some(&index) = self.by_code.get(&entry.code) {
            return Err(taken(&self.entries[index], format!("code {}", entry.code)));
        }
        let spellings = spellings(&entry);
        for (i, (spelling, _)) in spellings.iter().enumerate() {
            if spellings[..i]
                .iter()
                .any(|(earlier, _)| earlier == spelling)
            {
                return Err(format!(
                    "`{spelling}` is listed twice among the name and aliases of {}",
                    entry.code
                ));
            }
            if let Some(&(other, _)) = self.by_name.get(spelling) {
                return Err(taken(&self.entries[other], format!("name `{spelling}`")));
            }
        }
        let index = self.entries.len();
        for (spelling, kind) in spellings {
            self.by_name.insert(spelling, (index, kind));
        }
        self.by_code.insert(entry.code, index);
        self.entries.push(entry);
        Ok(())
    }

    fn reindex(&mut self) {
        let entries = std::mem::take(&mut self.entries);
        self.by_code.clear();
        self.by_name.clear();
        for entry in entries {
            // Checked when first added; the order does not change what collides.
            let _ = self.add(entry);
        }
    }

    /// Every entry, in code order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn by_code(&self, code: u16) -> Option<&Entry> {
        self.by_code.get(&code).map(|&index| &self.entries[index])
    }

    pub fn by_name(&self, name: &str) -> Option<(&Entry, NameMatch)> {
        self.by_name
            .get(name)
            .map(|&(index, kind)| (&self.entries[index], kind))
    }

    /// Registered codes of the same class that pass `accepted`, nearest first (at most
    /// `limit`).
    pub fn nearest_codes(
        &self,
        code: u16,
        limit: usize,
        accepted: fn(&Entry) -> bool,
    ) -> Vec<&Entry> {
        let mut same_class: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|entry| entry.class_digit() == code / 100 && !entry.is_unusable())
            .filter(|entry| accepted(entry))
            .collect();
        same_class.sort_by_key(|entry| (entry.code.abs_diff(code), entry.code));
        same_class.truncate(limit);
        same_class
    }

    /// Registry names that look like `name`, closest first (at most `limit`).
    pub fn similar_names(&self, name: &str, limit: usize) -> Vec<&Entry> {
        let wanted = fold(name);
        let words: Vec<String> = words(name).iter().map(|word| fold(word)).collect();
        let mut scored: Vec<(usize, &Entry)> = self
            .entries
            .iter()
            .filter(|entry| !entry.is_unusable())
            .filter_map(|entry| {
                std::iter::once(&entry.name)
                    .chain(&entry.aliases)
                    .map(|spelling| {
                        let candidate = fold(spelling);
                        // A part of the name (`Teapot`, `Bad`), or all its words
                        // (`InternalError`), count as close.
                        if (wanted.len() >= 3 && candidate.contains(&wanted))
                            || (words.len() > 1 && words.iter().all(|w| candidate.contains(w)))
                        {
                            1
                        } else {
                            edit_distance(&wanted, &candidate)
                        }
                    })
                    .min()
                    .filter(|&distance| distance <= (wanted.len() / 3).max(1))
                    .map(|distance| (distance, entry))
            })
            .collect();
        scored.sort_by_key(|&(distance, entry)| (distance, entry.code));
        scored.into_iter().take(limit).map(|(_, e)| e).collect()
    }
}

/// The spellings that select an entry: its name and former names, each also in
/// SCREAMING_SNAKE_CASE.
fn spellings(entry: &Entry) -> Vec<(String, NameMatch)> {
    let mut spellings = Vec::new();
    for (name, kind) in std::iter::once((&entry.name, NameMatch::Current))
        .chain(entry.aliases.iter().map(|alias| (alias, NameMatch::Former)))
    {
        spellings.push((name.clone(), kind));
        let screaming = screaming_snake_case(name);
        if screaming != *name {
            spellings.push((screaming, kind));
        }
    }
    spellings
}

/// `ImATeapot` to `IM_A_TEAPOT`.
pub fn screaming_snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, ch) in name.chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(ch.to_ascii_uppercase());
    }
    out
}

/// Whether `name` is UpperCamelCase: an ASCII capital, then ASCII letters and digits.
pub fn is_upper_camel_case(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

/// The words of an UpperCamelCase or SCREAMING_SNAKE_CASE name.
fn words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut previous_lower = false;
    for ch in name.chars() {
        if ch == '_' {
            words.push(String::new());
        } else {
            if ch.is_uppercase() && previous_lower || words.is_empty() {
                words.push(String::new());
            }
            if let Some(word) = words.last_mut() {
                word.push(ch);
            }
        }
        previous_lower = ch.is_lowercase();
    }
    words.retain(|word| word.len() >= 2);
    words
}

/// Case and underscores do not count when comparing names for suggestions.
fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

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

type FieldError = (usize, String);

/// One entry, or every problem in it.
fn parse_entry(table: &DeTable, start: usize) -> Result<Entry, Vec<FieldError>> {
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
fn keep<T>(errors: &mut Vec<FieldError>, result: Result<T, FieldError>) -> Option<T> {
    result.map_err(|error| errors.push(error)).ok()
}

fn code(value: &Spanned<DeValue>) -> Result<u16, FieldError> {
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
fn name(value: &Spanned<DeValue>, field: &str) -> Result<String, FieldError> {
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

fn aliases(value: &Spanned<DeValue>) -> Result<Vec<String>, FieldError> {
    let array = value.get_ref().as_array().ok_or_else(|| {
        (
            value.span().start,
            "`aliases` must be an array of strings".to_owned(),
        )
    })?;
    array.iter().map(|alias| name(alias, "alias")).collect()
}

fn standing(value: &Spanned<DeValue>) -> Result<Standing, FieldError> {
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
) -> Result<&'a Spanned<DeValue<'i>>, FieldError> {
    table
        .get(field)
        .ok_or_else(|| (start, format!("missing field `{field}`")))
}

fn string(value: &Spanned<DeValue>, field: &str) -> Result<String, FieldError> {
    value
        .get_ref()
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| (value.span().start, format!("`{field}` must be a string")))
}

fn non_empty(value: &Spanned<DeValue>, field: &str) -> Result<String, FieldError> {
    let text = string(value, field)?;
    if text.trim().is_empty() {
        return Err((value.span().start, format!("`{field}` must not be empty")));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_with_rfc_9110_names() {
        let registry = builtin().expect("built-in registry parses");
        let entry = registry.by_code(413).unwrap();
        assert_eq!(entry.name, "ContentTooLarge");
        assert_eq!(
            registry.by_name("PAYLOAD_TOO_LARGE").unwrap().1,
            NameMatch::Former
        );
        assert_eq!(registry.by_name("IM_A_TEAPOT").unwrap().0.code, 418);
        assert!(registry.by_code(306).unwrap().is_unusable());
        assert!(!registry.by_code(418).unwrap().is_unusable());
    }

    #[test]
    fn suggestions() {
        let registry = builtin().unwrap();
        let names: Vec<_> = registry
            .similar_names("NotFund", 3)
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(names[0], "NotFound");
        let first = |name: &str| registry.similar_names(name, 1).first().map(|e| e.code);
        assert_eq!(first("InternalError"), Some(500));
        assert_eq!(first("INTERNAL_ERROR"), Some(500));
        assert_eq!(first("Bad"), Some(400));
        assert_eq!(first("Teapot"), Some(418));
        assert_eq!(first("Foo"), None);
        assert_eq!(first("ñ"), None);
        let codes: Vec<_> = registry
            .nearest_codes(432, 2, |_| true)
            .iter()
            .map(|e| e.code)
            .collect();
        assert_eq!(codes, [431, 429]);
        assert_eq!(screaming_snake_case("ImATeapot"), "IM_A_TEAPOT");
        assert_eq!(screaming_snake_case("Ok"), "OK");
    }

    fn entry(code: u16, name: &str) -> String {
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

    #[test]
    fn an_alias_cannot_repeat_the_name() {
        let with_alias = |alias: &str| entry(598, "Foo") + &format!("aliases = [\"{alias}\"]\n");
        for alias in ["Foo", "FOO"] {
            let errors = Registry::parse(&with_alias(alias), "x.toml").unwrap_err();
            assert!(
                errors[0]
                    .message
                    .contains("listed twice among the name and aliases"),
                "{}",
                errors[0]
            );
        }
        assert!(Registry::parse(&with_alias("Bar"), "x.toml").is_ok());
    }

    #[test]
    fn duplicates_are_rejected() {
        let source = entry(599, "A") + &entry(599, "B");
        let errors = Registry::parse(&source, "x.toml").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].message.contains("code 599 is already defined"),
            "{}",
            errors[0]
        );
        assert_eq!(errors[0].line, 7);
        let source = entry(598, "A") + &entry(599, "A");
        let errors = Registry::parse(&source, "x.toml").unwrap_err();
        assert!(
            errors[0].message.contains("name `A` is already defined"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn a_local_file_adds_but_never_redefines() {
        let builtin = builtin().unwrap();
        let local = builtin
            .with_local(&entry(599, "NetworkConnectTimeout"), "codes.toml")
            .unwrap();
        let added = local.by_code(599).unwrap();
        assert!(added.local);
        assert_eq!(added.line, 1);
        assert!(!added.in_status_code());
        assert_eq!(local.entries().len(), builtin.entries().len() + 1);
        assert!(
            builtin.by_code(599).is_none(),
            "the built-in registry is unchanged"
        );

        let errors = builtin
            .with_local(&entry(404, "Missing"), "codes.toml")
            .unwrap_err();
        assert!(
            errors[0]
                .message
                .contains("already in the built-in registry"),
            "{}",
            errors[0]
        );
        let errors = builtin
            .with_local(&entry(599, "NOT_FOUND"), "codes.toml")
            .unwrap_err();
        assert!(
            errors[0].message.contains("UpperCamelCase"),
            "{}",
            errors[0]
        );
        let errors = builtin
            .with_local(&entry(599, "NotFound"), "codes.toml")
            .unwrap_err();
        assert!(
            errors[0]
                .message
                .contains("name `NotFound` is already in the built-in"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn a_changed_file_is_read_again() {
        let dir = std::env::temp_dir().join(format!("status-registry-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join(LOCAL_FILE);
        let reason = |loaded: &Loaded| loaded.registry.by_code(599).map(|e| e.reason.clone());

        assert!(load_for(Some(&dir)).unwrap().local_file.is_none());
        std::fs::write(&file, entry(599, "First")).unwrap();
        let first = load_for(Some(&dir)).unwrap();
        assert_eq!(first.local_file.as_deref(), Some(file.as_path()));
        assert_eq!(reason(&first), Some("R".to_owned()));
        // Unchanged text: the parsed registry is shared, not parsed again.
        assert!(Arc::ptr_eq(
            &first.registry,
            &load_for(Some(&dir)).unwrap().registry
        ));
        std::fs::write(&file, entry(599, "First").replace("\"R\"", "\"Changed\"")).unwrap();
        assert_eq!(
            reason(&load_for(Some(&dir)).unwrap()),
            Some("Changed".to_owned())
        );
        std::fs::write(&file, "not toml").unwrap();
        assert!(load_for(Some(&dir)).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
