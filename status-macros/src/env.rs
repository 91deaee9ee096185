//! The one reader of the macro call's environment: cargo's variables, the files beside the
//! crate's manifest, and the source file of the call. Everything else gets what it needs from
//! here, through `context::Context`, so that no later stage reads the environment.
//!
//! Files are read only if they are regular files of bounded size (a FIFO would block the
//! compiler, and rust-analyzer, forever; a link to `/dev/zero` would read until memory runs
//! out), and each is parsed at most once per compiler process, again only when its text
//! changes ([`FileCache`]): a long-lived process never sees a stale parse.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{ErrorKind, Read};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// What cargo says of the crate being compiled, read once per macro call.
pub struct Environment {
    /// `CARGO_CRATE_NAME`.
    pub crate_name: Option<String>,
    /// `CARGO_MANIFEST_PATH` (a cargo script keeps its manifest in its `.rs` file), else
    /// `CARGO_MANIFEST_DIR/Cargo.toml`.
    pub manifest: Option<PathBuf>,
    /// `CARGO_MANIFEST_DIR`.
    pub crate_dir: Option<PathBuf>,
}

impl Environment {
    pub fn read() -> Self {
        let crate_dir = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
        let manifest = std::env::var_os("CARGO_MANIFEST_PATH")
            .map(PathBuf::from)
            .or_else(|| crate_dir.as_ref().map(|dir| dir.join("Cargo.toml")));
        Environment {
            crate_name: std::env::var("CARGO_CRATE_NAME").ok(),
            manifest,
            crate_dir,
        }
    }
}

/// The text of the file at `path`, `None` if there is none: read only if it is a regular file
/// (after symbolic links) of at most `max_bytes`, and UTF-8. The error says what the path is
/// instead, as the end of a sentence that starts with the path (`"is a directory; ..."`);
/// `what` names the file in it (`"a crate's registry"`).
pub fn read_file(path: &Path, max_bytes: u64, what: &str) -> Result<Option<String>, String> {
    // `metadata` follows symbolic links: this is what reading the path would reach.
    let metadata = match fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == ErrorKind::NotFound => return no_file(path),
        Err(error) => return Err(format!("cannot be read: {error}")),
    };
    check_regular(&metadata, what)?;
    check_size(metadata.len(), max_bytes, what)?;
    let file = File::open(path).map_err(|error| format!("cannot be read: {error}"))?;
    // The path may have been replaced since `metadata`: check what was opened.
    let opened = file.metadata();
    check_regular(
        &opened.map_err(|error| format!("cannot be read: {error}"))?,
        what,
    )?;
    let mut bytes = Vec::new();
    // One byte more than allowed tells a file that grew since from one exactly at the cap.
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| format!("cannot be read: {error}"))?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!(
            "grew past the {max_bytes} bytes ({}) {what} may have while it was read",
            size_name(max_bytes)
        ));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|error| format!("is not UTF-8 text: {error}"))
}

/// A path that reaches nothing: no file, unless it is a symbolic link, whose owner meant to
/// have one.
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

fn check_regular(metadata: &fs::Metadata, what: &str) -> Result<(), String> {
    if metadata.is_file() {
        return Ok(());
    }
    Err(format!(
        "is not a regular file ({}); {what} must be one",
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
fn check_size(size: u64, max_bytes: u64, what: &str) -> Result<(), String> {
    if size <= max_bytes {
        return Ok(());
    }
    Err(format!(
        "is {size} bytes, more than the {max_bytes} bytes ({}) {what} may have",
        size_name(max_bytes)
    ))
}

/// `1 MiB` for a power of two of mebibytes or kibibytes, else the bytes.
fn size_name(bytes: u64) -> String {
    match bytes {
        _ if bytes.is_multiple_of(1 << 20) => format!("{} MiB", bytes >> 20),
        _ if bytes.is_multiple_of(1 << 10) => format!("{} KiB", bytes >> 10),
        _ => format!("{bytes} B"),
    }
}

/// Values parsed from files, each parsed again only when a file it was read from changed:
/// shared by the manifest and the registry readers, one cache per kind of value. A cached
/// value is checked by reading its files again and comparing, which costs far less than
/// parsing them.
pub struct FileCache<T> {
    entries: Mutex<Option<HashMap<PathBuf, Cached<T>>>>,
}

struct Cached<T> {
    /// The text of each file the value was parsed from, the one it is keyed by first.
    sources: Vec<(PathBuf, String)>,
    value: T,
}

impl<T> FileCache<T> {
    pub const fn new() -> Self {
        FileCache {
            entries: Mutex::new(None),
        }
    }

    /// `then` on the value parsed from the file at `path`, whose text is now `text`. The
    /// cached value is kept if `text` and the text of every other file its parse read (by
    /// `read`, now) are unchanged; else `parse` makes it anew, pushing the other files it
    /// read, with their text, to its second argument.
    pub fn with<R>(
        &self,
        path: &Path,
        text: String,
        read: impl Fn(&Path) -> Option<String>,
        parse: impl FnOnce(&str, &mut Vec<(PathBuf, String)>) -> T,
        then: impl FnOnce(&mut T) -> R,
    ) -> R {
        // A panic elsewhere cannot leave the map inconsistent: entries are replaced whole.
        let mut entries = self
            .entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let entries = entries.get_or_insert_with(HashMap::new);
        let fresh = entries.get(path).is_some_and(|cached| {
            let (first, others) = cached.sources.split_first().expect("keyed by a file");
            first.1 == text
                && others
                    .iter()
                    .all(|(other, source)| read(other).is_some_and(|now| now == *source))
        });
        if !fresh {
            let mut others = Vec::new();
            let value = parse(&text, &mut others);
            let mut sources = vec![(path.to_owned(), text)];
            sources.extend(others);
            entries.insert(path.to_owned(), Cached { sources, value });
        }
        let cached = entries.get_mut(path).expect("inserted above");
        then(&mut cached.value)
    }
}

/// The path `include_bytes!` can read `file` by, so that editing it rebuilds the crate: a
/// string literal, so UTF-8. A file whose path is not (a crate directory named in another
/// encoding) is named relative to the source file of the macro call, which `include_bytes!`
/// resolves a relative path from.
pub fn include_path(file: &Path) -> Result<String, String> {
    if let Some(path) = file.to_str() {
        return Ok(path.to_owned());
    }
    let relative = call_site_file()
        .zip(file.parent())
        .and_then(|(source, crate_dir)| relative_path(&source, crate_dir));
    let Some(relative) = relative else {
        return Err(format!(
            "cannot track `{}` for rebuilds: its path is not UTF-8, which `include_bytes!` \
             needs, and this macro call is in no source file inside the crate directory, \
             from which a relative path would do; move the crate to a UTF-8 path",
            file.display()
        ));
    };
    let name = file
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or("codes.toml");
    Ok(relative + name)
}

/// The source file of the macro call, as an absolute path, when the compiler runs it.
fn call_site_file() -> Option<PathBuf> {
    if !proc_macro::is_available() {
        return None;
    }
    let file = proc_macro::Span::call_site().local_file()?;
    // A relative path is from the compiler's working directory, which is ours.
    Some(std::env::current_dir().ok()?.join(file))
}

/// `../` as many times as `source` (a file) is nested in `crate_dir`: the path from the
/// source file's directory back to the crate directory. `None` if it is not inside.
fn relative_path(source: &Path, crate_dir: &Path) -> Option<String> {
    let source_dir = source.parent()?;
    let inside = source_dir
        .strip_prefix(crate_dir)
        .map(Path::to_path_buf)
        .ok()
        .or_else(|| {
            // The same directories spelled another way (a symbolic link, `..`).
            let source_dir = source_dir.canonicalize().ok()?;
            let crate_dir = crate_dir.canonicalize().ok()?;
            Some(source_dir.strip_prefix(crate_dir).ok()?.to_path_buf())
        })?;
    inside
        .components()
        .map(|component| matches!(component, Component::Normal(_)).then_some("../"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_to_the_crate_directory() {
        let relative = |source: &str| relative_path(Path::new(source), Path::new("/c/\u{e9}"));
        assert_eq!(relative("/c/\u{e9}/src/main.rs").as_deref(), Some("../"));
        assert_eq!(relative("/c/\u{e9}/src/a/b.rs").as_deref(), Some("../../"));
        assert_eq!(relative("/c/\u{e9}/build.rs").as_deref(), Some(""));
        assert_eq!(relative("/elsewhere/main.rs"), None);
    }

    #[test]
    fn sizes_are_named_in_their_unit() {
        assert_eq!(size_name(1 << 20), "1 MiB");
        assert_eq!(size_name(64 << 10), "64 KiB");
        assert_eq!(size_name(1000), "1000 B");
        assert_eq!(size_name(3 << 20), "3 MiB");
        assert_eq!(size_name(1536), "1536 B");
    }

    /// Each kind of path gets its own answer: no file, the text, or why it is not read.
    #[test]
    fn files_are_read_only_when_regular_small_and_text() {
        let dir = std::env::temp_dir().join(format!("status-env-read-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let read = |name: &str, max_bytes| read_file(&dir.join(name), max_bytes, "a test file");
        assert_eq!(read("missing", 10), Ok(None));
        fs::write(dir.join("ten"), "0123456789").unwrap();
        assert_eq!(read("ten", 10), Ok(Some("0123456789".to_owned())));
        assert_eq!(
            read("ten", 9),
            Err("is 10 bytes, more than the 9 bytes (9 B) a test file may have".to_owned())
        );
        fs::create_dir_all(dir.join("sub")).unwrap();
        assert_eq!(
            read("sub", 10),
            Err("is not a regular file (a directory); a test file must be one".to_owned())
        );
        fs::write(dir.join("latin1"), b"caf\xe9").unwrap();
        let not_text = read("latin1", 10).unwrap_err();
        assert!(not_text.starts_with("is not UTF-8 text: "), "{not_text}");
        // A path through a file reaches nothing, but not because it is missing.
        let through_file = read("ten/inside", 10).unwrap_err();
        assert!(
            through_file.starts_with("cannot be read: "),
            "{through_file}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::symlink;
            symlink("gone", dir.join("dangling")).unwrap();
            assert_eq!(
                read("dangling", 10),
                Err("is a symbolic link to `gone`, which does not exist".to_owned())
            );
            symlink("ten", dir.join("link")).unwrap();
            assert_eq!(read("link", 10), Ok(Some("0123456789".to_owned())));
        }
        fs::remove_dir_all(&dir).unwrap();
    }

    /// A value is parsed again when its own file or another file it read changes.
    #[test]
    fn cached_values_follow_every_file_they_read() {
        let dir = std::env::temp_dir().join(format!("status-env-cache-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let (main, other) = (dir.join("main"), dir.join("other"));
        fs::write(&other, "1").unwrap();
        let cache: FileCache<usize> = FileCache::new();
        let parses = std::cell::Cell::new(0);
        let get = |text: &str| {
            cache.with(
                &main,
                text.to_owned(),
                |path| fs::read_to_string(path).ok(),
                |text, others| {
                    parses.set(parses.get() + 1);
                    others.push((other.clone(), fs::read_to_string(&other).unwrap()));
                    text.len()
                },
                |value| *value,
            )
        };
        assert_eq!(get("ab"), 2);
        assert_eq!(get("ab"), 2);
        assert_eq!(parses.get(), 1);
        assert_eq!(get("abc"), 3);
        assert_eq!(parses.get(), 2);
        fs::write(&other, "2").unwrap();
        assert_eq!(get("abc"), 3);
        assert_eq!(parses.get(), 3);
        fs::remove_dir_all(&dir).unwrap();
    }
}
