//! Loading the registry for a macro call: the built-in file, joined by the crate's own.
//!
//! Each file is parsed at most once per compiler process, and again only when its text
//! changes (`env::FileCache`): a long-lived process such as rust-analyzer never sees a stale
//! registry.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::model::{Registry, RegistryError};
use super::read::read_entries;
use crate::env::{self, FileCache};

/// The registry shipped with the crate (a copy of the workspace's `codes.toml`).
const BUILTIN_SOURCE: &str = include_str!("../../codes.toml");
const BUILTIN_FILE: &str = "status-macros/codes.toml";
/// A crate's own registry, beside its `Cargo.toml`.
pub const LOCAL_FILE: &str = "codes.toml";
/// The largest crate registry read: 50 times the built-in one (about 20 KiB for 70 codes), and
/// small enough that a file that is no registry cannot stall the build.
pub(super) const MAX_LOCAL_BYTES: u64 = 1 << 20;

/// The built-in registry, parsed on first use and kept for the life of the compiler process.
pub fn builtin() -> Result<Arc<Registry>, Vec<RegistryError>> {
    static BUILTIN: OnceLock<Result<Arc<Registry>, Vec<RegistryError>>> = OnceLock::new();
    BUILTIN
        .get_or_init(|| Registry::parse(BUILTIN_SOURCE, BUILTIN_FILE).map(Arc::new))
        .clone()
}

/// Registries are made by reading files: here, so that the model knows nothing of reading.
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
        read_entries(source, file, local, |entry| self.add(entry))?;
        self.reindex();
        Ok(())
    }
}

/// The registry for the crate being compiled.
pub struct Loaded {
    pub registry: Arc<Registry>,
    /// The crate's own `codes.toml`, if it has one: generated code includes it, so that
    /// editing it rebuilds the crate.
    pub local_file: Option<PathBuf>,
}

/// The built-in registry, joined by the crate's own file at `local_file` when there is one
/// (`Context::local_registry`). Only that one file is read, and parsed again only when its
/// text changes.
pub fn load(local_file: Option<&Path>) -> Result<Loaded, Vec<RegistryError>> {
    let builtin = builtin()?;
    let builtin_only = |registry| {
        Ok(Loaded {
            registry,
            local_file: None,
        })
    };
    let Some(path) = local_file else {
        return builtin_only(builtin);
    };
    match env::read_file(path, MAX_LOCAL_BYTES, "a crate's registry") {
        Ok(Some(source)) => join_cached(builtin, path, source),
        Ok(None) => builtin_only(builtin),
        Err(message) => Err(vec![RegistryError::whole_file(path, message)]),
    }
}

/// A crate's file as last parsed in this process.
struct Parsed {
    registry: Result<Arc<Registry>, Vec<RegistryError>>,
    /// Whether a macro call of this process has reported the errors already.
    reported: bool,
}

/// `builtin` joined by the file at `path`, whose text is `source`: parsed again only if the
/// text differs from the last time.
fn join_cached(
    builtin: Arc<Registry>,
    path: &Path,
    source: String,
) -> Result<Loaded, Vec<RegistryError>> {
    static LOCAL: FileCache<Parsed> = FileCache::new();
    let file = path.display().to_string();
    let parse = |text: &str, _: &mut Vec<(PathBuf, String)>| Parsed {
        registry: builtin.with_local(text, &file).map(Arc::new),
        reported: false,
    };
    // The registry reads no file but this one.
    let no_other = |_: &Path| None;
    LOCAL.with(path, source, no_other, parse, |parsed| {
        match &parsed.registry {
            Ok(registry) => Ok(Loaded {
                registry: Arc::clone(registry),
                local_file: Some(path.to_owned()),
            }),
            // The whole list once per process; later calls say where it went.
            Err(errors) if !parsed.reported => {
                parsed.reported = true;
                Err(errors.clone())
            }
            Err(_) => Err(vec![RegistryError {
                file: file.clone(),
                line: 1,
                column: 1,
                message: "this file has errors, reported at the first macro call that read it"
                    .into(),
            }]),
        }
    })
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::registry::NameMatch;

    /// [`load`] for the crate in `dir`.
    fn load_for(dir: Option<&Path>) -> Result<Loaded, Vec<RegistryError>> {
        load(dir.map(|dir| dir.join(LOCAL_FILE)).as_deref())
    }
    use crate::registry::read::tests::entry;

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

    #[test]
    fn errors_are_listed_once_then_pointed_to() {
        let dir =
            std::env::temp_dir().join(format!("status-registry-errors-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join(LOCAL_FILE);
        let bad = entry(599, "lower") + &entry(700, "Fine");
        std::fs::write(&file, &bad).unwrap();

        let errors = load_for(Some(&dir)).err().unwrap();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].message.contains("UpperCamelCase"),
            "{}",
            errors[0]
        );
        let pointer = vec![RegistryError {
            file: file.display().to_string(),
            line: 1,
            column: 1,
            message: "this file has errors, reported at the first macro call that read it".into(),
        }];
        assert_eq!(load_for(Some(&dir)).err().unwrap(), pointer);
        assert_eq!(load_for(Some(&dir)).err().unwrap(), pointer);
        // New text: its errors are new too, and listed in full.
        std::fs::write(&file, bad + "\n").unwrap();
        assert_eq!(load_for(Some(&dir)).err().unwrap(), errors);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A fresh directory for one test.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("status-{name}-{}", std::process::id()));
        drop(fs::remove_dir_all(&dir));
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// The one error of loading `dir`'s registry.
    fn load_error(dir: &Path) -> String {
        match load_for(Some(dir)) {
            Ok(_) => panic!("{} loaded", dir.display()),
            Err(errors) => {
                assert_eq!(errors.len(), 1, "{errors:?}");
                errors[0].to_string()
            }
        }
    }

    #[cfg(unix)]
    #[test]
    fn only_a_regular_file_is_read() {
        use std::os::unix::fs::symlink;
        let dir = scratch("not-regular");
        let file = dir.join(LOCAL_FILE);
        let shown = file.display();
        symlink("/dev/zero", &file).unwrap();
        assert_eq!(
            load_error(&dir),
            format!(
                "{shown} is not a regular file (a character device); a crate's registry must be one"
            )
        );
        fs::remove_file(&file).unwrap();
        fs::create_dir(&file).unwrap();
        assert_eq!(
            load_error(&dir),
            format!("{shown} is not a regular file (a directory); a crate's registry must be one")
        );
        fs::remove_dir(&file).unwrap();
        symlink("nowhere.toml", &file).unwrap();
        assert_eq!(
            load_error(&dir),
            format!("{shown} is a symbolic link to `nowhere.toml`, which does not exist")
        );
        // A link to a real file is read.
        fs::remove_file(&file).unwrap();
        fs::write(dir.join("real.toml"), entry(599, "Linked")).unwrap();
        symlink("real.toml", &file).unwrap();
        assert!(
            load_for(Some(&dir))
                .unwrap()
                .registry
                .by_code(599)
                .is_some()
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_over_the_cap_is_refused() {
        let dir = scratch("too-large");
        let file = dir.join(LOCAL_FILE);
        let entry = entry(599, "Big");
        let at_cap = entry.clone() + &"#".repeat(MAX_LOCAL_BYTES as usize - entry.len() - 1) + "\n";
        assert_eq!(at_cap.len() as u64, MAX_LOCAL_BYTES);
        fs::write(&file, &at_cap).unwrap();
        assert!(load_for(Some(&dir)).is_ok());
        fs::write(&file, at_cap + "\n").unwrap();
        assert_eq!(
            load_error(&dir),
            format!(
                "{} is 1048577 bytes, more than the 1048576 bytes (1 MiB) a crate's registry may have",
                file.display()
            )
        );
        fs::write(&file, b"\xff\xfe").unwrap();
        assert_eq!(
            load_error(&dir),
            format!(
                "{} is not UTF-8 text: invalid utf-8 sequence of 1 bytes from index 0",
                file.display()
            )
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
