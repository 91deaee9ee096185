//! Loading the registry for a macro call: the built-in file, joined by the crate's own.
//!
//! Each file is parsed at most once per compiler process, and again only when its text
//! changes: a long-lived process such as rust-analyzer never sees a stale registry.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use super::model::{Registry, RegistryError};

/// The registry shipped with the crate (a copy of the workspace's `codes.toml`).
const BUILTIN_SOURCE: &str = include_str!("../../codes.toml");
const BUILTIN_FILE: &str = "status-macros/codes.toml";
/// A crate's own registry, beside its `Cargo.toml`.
const LOCAL_FILE: &str = "codes.toml";

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
/// Reading a small file to compare costs far less than parsing it.
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
    join_cached(builtin, path, source)
}

/// A crate's file as last parsed in this process.
struct Cached {
    source: String,
    registry: Result<Arc<Registry>, Vec<RegistryError>>,
    /// Whether a macro call of this process has reported the errors already.
    reported: bool,
}

/// `builtin` joined by the file at `path`, whose text is `source`: parsed again only if the
/// text differs from the last time.
fn join_cached(
    builtin: Arc<Registry>,
    path: PathBuf,
    source: String,
) -> Result<Loaded, Vec<RegistryError>> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::NameMatch;
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

    #[test]
    fn an_unreadable_file_is_an_error() {
        let dir =
            std::env::temp_dir().join(format!("status-registry-unreadable-{}", std::process::id()));
        // A directory where the file should be: it exists, but cannot be read.
        std::fs::create_dir_all(dir.join(LOCAL_FILE)).unwrap();
        let errors = load_for(Some(&dir)).err().unwrap();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].file, dir.join(LOCAL_FILE).display().to_string());
        assert_eq!((errors[0].line, errors[0].column), (1, 1));
        assert!(
            errors[0].message.starts_with("cannot read the file: "),
            "{}",
            errors[0]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
