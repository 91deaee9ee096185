//! Loading the registry for a macro call: the built-in file, joined by the crate's own.
//!
//! Each file is parsed at most once per compiler process, and again only when its text
//! changes: a long-lived process such as rust-analyzer never sees a stale registry.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use super::model::{Registry, RegistryError};

/// The registry shipped with the crate (a copy of the workspace's `codes.toml`).
const BUILTIN_SOURCE: &str = include_str!("../../codes.toml");
const BUILTIN_FILE: &str = "status-macros/codes.toml";
/// A crate's own registry, beside its `Cargo.toml`.
const LOCAL_FILE: &str = "codes.toml";
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
    match read_local(&path) {
        Ok(Some(source)) => join_cached(builtin, path, source),
        Ok(None) => Ok(Loaded {
            registry: builtin,
            local_file: None,
        }),
        Err(message) => Err(vec![RegistryError::whole_file(&path, message)]),
    }
}

/// The text of a crate's registry file, `None` if there is no file.
///
/// Only a regular file is read, and only up to [`MAX_LOCAL_BYTES`]: a FIFO would block the
/// compiler (and rust-analyzer) forever, a link to `/dev/zero` would read until memory runs out.
fn read_local(path: &Path) -> Result<Option<String>, String> {
    // `metadata` follows symbolic links: this is what reading the path would reach.
    let metadata = match fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == ErrorKind::NotFound => return no_file(path),
        Err(error) => return Err(format!("cannot be read: {error}")),
    };
    check_regular(&metadata)?;
    check_size(metadata.len())?;
    let file = File::open(path).map_err(|error| format!("cannot be read: {error}"))?;
    // The path may have been replaced since `metadata`: check what was opened.
    check_regular(
        &file
            .metadata()
            .map_err(|error| format!("cannot be read: {error}"))?,
    )?;
    let mut bytes = Vec::new();
    // One byte more than allowed tells a file that grew since from one exactly at the cap.
    file.take(MAX_LOCAL_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| format!("cannot be read: {error}"))?;
    if bytes.len() as u64 > MAX_LOCAL_BYTES {
        return Err(format!(
            "grew past the {MAX_LOCAL_BYTES} bytes (1 MiB) a crate's registry may have while it \
             was read"
        ));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|error| format!("is not UTF-8 text: {error}"))
}

/// A path that reaches nothing: no registry, unless it is a symbolic link, whose owner meant
/// to have one.
fn no_file(path: &Path) -> Result<Option<String>, String> {
    let is_link = fs::symlink_metadata(path).is_ok_and(|metadata| metadata.is_symlink());
    if !is_link {
        return Ok(None);
    }
    let target = fs::read_link(path).map_or_else(
        |_| String::from("a path"),
        |target| format!("`{}`", target.display()),
    );
    Err(format!(
        "is a symbolic link to {target}, which does not exist"
    ))
}

fn check_regular(metadata: &fs::Metadata) -> Result<(), String> {
    if metadata.is_file() {
        return Ok(());
    }
    Err(format!(
        "is not a regular file ({}); a crate's registry must be one",
        file_kind(&metadata.file_type())
    ))
}

/// What a path that is not a regular file is, for the error that refuses it.
fn file_kind(file_type: &fs::FileType) -> &'static str {
    if file_type.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "neither a file nor a directory"
}

/// Whether a file of `size` bytes is small enough to be read.
fn check_size(size: u64) -> Result<(), String> {
    if size <= MAX_LOCAL_BYTES {
        return Ok(());
    }
    Err(format!(
        "is {size} bytes, more than the {MAX_LOCAL_BYTES} bytes (1 MiB) a crate's registry may \
         have"
    ))
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
