//! What a registry holds: its entries, indexed by code and by every accepted spelling.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use super::names::name_spellings;

/// Why a code is not simply current.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Deprecated,
    Reserved,
    Obsolete,
    Temporary,
}

impl Standing {
    /// Each standing with the word a registry file writes for it.
    pub(super) const ALL: [(&'static str, Standing); 4] = [
        ("deprecated", Standing::Deprecated),
        ("reserved", Standing::Reserved),
        ("obsolete", Standing::Obsolete),
        ("temporary", Standing::Temporary),
    ];
}

/// One registered status code.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub code: u16,
    pub name: String,
    pub reason: String,
    pub description: String,
    pub reference: String,
    pub aliases: Vec<String>,
    pub standing: Option<Standing>,
    pub origin: Option<String>,
    /// What the registry says a response with this status is and carries (RFC 9110).
    pub facts: Facts,
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

/// The optional fields `cacheable`, `content`, `requires` and `recommends`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// Heuristically cacheable (RFC 9110, Section 15.1): `cacheable = true`.
    pub cacheable: bool,
    /// Never carries content: `content = "none"`.
    pub no_content: bool,
    /// Header fields a response MUST send: `requires`.
    pub requires: Vec<String>,
    /// Header fields a response SHOULD send: `recommends`.
    pub recommends: Vec<String>,
}

/// A problem in a registry file, with its position (1-based line and column; line 0 for a
/// problem with the file as a whole, such as what it is).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl RegistryError {
    /// A problem with the file at `path` itself, not with a place in its text.
    pub fn whole_file(path: &Path, message: String) -> Self {
        RegistryError {
            file: path.display().to_string(),
            line: 0,
            column: 0,
            message,
        }
    }
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.line == 0 {
            // "/crate/codes.toml is not a regular file (a FIFO)": the message goes on from the
            // path.
            return write!(f, "{} {}", self.file, self.message);
        }
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

impl Registry {
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

    /// Adds an entry, and says how its code and names clash with the entries before it: each
    /// clash once (not once per spelling of a name). An entry with clashes is added too, so
    /// that later ones are checked against it; the file is then refused as a whole. A code of
    /// 0 and an empty name are in error already, and clash with nothing.
    pub(super) fn add(&mut self, entry: Entry) -> Vec<String> {
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
        let mut clashes = Vec::new();
        if entry.code != 0
            && let Some(&index) = self.by_code.get(&entry.code)
        {
            clashes.push(taken(&self.entries[index], format!("code {}", entry.code)));
        }
        let mut written: Vec<String> = Vec::new();
        for name in std::iter::once(&entry.name).chain(&entry.aliases) {
            let spellings = name_spellings(name);
            if let Some(twice) = spellings.iter().find(|s| written.contains(s)) {
                clashes.push(format!(
                    "`{twice}` is listed twice among the name and aliases of {}",
                    entry.code
                ));
                continue;
            }
            if let Some(&(other, _)) = spellings.iter().find_map(|s| self.by_name.get(s)) {
                clashes.push(taken(&self.entries[other], format!("name `{name}`")));
            }
            written.extend(spellings);
        }
        let index = self.entries.len();
        for (spelling, kind) in spellings(&entry) {
            self.by_name.entry(spelling).or_insert((index, kind));
        }
        if entry.code != 0 {
            self.by_code.entry(entry.code).or_insert(index);
        }
        self.entries.push(entry);
        clashes
    }

    pub(super) fn reindex(&mut self) {
        // Entries arrive in file order; `entries` promises code order.
        self.entries.sort_by_key(|entry| entry.code);
        let entries = std::mem::take(&mut self.entries);
        self.by_code.clear();
        self.by_name.clear();
        for entry in entries {
            // Checked when first added; the order does not change what collides.
            let _ = self.add(entry);
        }
    }
}

/// The spellings that select an entry: its name and former names, each also in
/// SCREAMING_SNAKE_CASE. An empty name (one in error) has none.
fn spellings(entry: &Entry) -> Vec<(String, NameMatch)> {
    let names = std::iter::once((&entry.name, NameMatch::Current))
        .chain(entry.aliases.iter().map(|alias| (alias, NameMatch::Former)));
    names
        .flat_map(|(name, kind)| name_spellings(name).into_iter().map(move |s| (s, kind)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::builtin;
    use crate::registry::read::tests::entry;

    #[test]
    fn status_code_has_every_usable_builtin_iana_code() {
        let builtin = builtin().unwrap();
        let in_status_code = |code| builtin.by_code(code).unwrap().in_status_code();
        assert!(in_status_code(404));
        assert!(!in_status_code(306), "unusable");
        assert!(!in_status_code(499), "nginx's, not IANA's");
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

    /// Every problem of an entry, its own and its clashes with others, in one build.
    #[test]
    fn an_entry_with_bad_fields_is_still_checked_for_clashes() {
        let messages = |source: &str| -> Vec<String> {
            let errors = Registry::parse(source, "x.toml").unwrap_err();
            errors
                .iter()
                .map(|e| format!("{}: {}", e.line, e.message))
                .collect()
        };
        // A bad name and a code taken.
        let source = entry(599, "First") + &entry(599, "lower");
        assert_eq!(
            messages(&source),
            [
                "9: name `lower` is not UpperCamelCase (like `NotFound`)",
                "7: code 599 is already defined in this file, at line 1",
            ]
        );
        // A code taken and a name taken, and an alias taken: each once, not once per spelling.
        let source = entry(599, "First")
            + "aliases = [\"Former\"]\n"
            + &entry(599, "First")
            + "aliases = [\"Former\", \"Other\"]\n";
        assert_eq!(
            messages(&source),
            [
                "8: code 599 is already defined in this file, at line 1",
                "8: name `First` is already defined in this file, at line 1",
                "8: name `Former` is already defined in this file, at line 1",
            ]
        );
        // A bad reason: the entry's code and name still count for the entries after it.
        let source = entry(599, "First").replace("\"R\"", "\"\"") + &entry(599, "First");
        assert_eq!(
            messages(&source),
            [
                "4: `reason` must not be empty",
                "7: code 599 is already defined in this file, at line 1",
                "7: name `First` is already defined in this file, at line 1",
            ]
        );
        let builtin = builtin().unwrap();
        let errors = builtin
            .with_local(&entry(404, "NotFound"), "codes.toml")
            .unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
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
}
