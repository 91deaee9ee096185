//! Features are additive for real: a crate that hand-writes `Serialize` and
//! `From<E> for http::StatusCode` for its `status_enum!` types, or derives a trait named
//! `Serialize`, keeps building when another crate of the same build turns on status-core's
//! `http` and `serde`. A real throwaway workspace, tested with one `cargo test --workspace`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("additive-features")
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// `handwritten` asks for no feature and writes the impls itself.
const HANDWRITTEN: &str = r#"
use status_core::status_enum;

status_enum! {
    /// Serialized by hand, as a string.
    pub enum Hand { Ok, NotFound }
}

impl serde::Serialize for Hand {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.reason())
    }
}

impl From<Hand> for http::StatusCode {
    fn from(status: Hand) -> Self {
        http::StatusCode::from_u16(status.code()).unwrap()
    }
}

/// A derive named `Serialize` that is not serde's, as rkyv has.
mod archive {
    pub use serde::Serialize;
}

status_enum! {
    /// The user's own derive, whatever its name; no guessing.
    #[derive(archive::Serialize)]
    pub enum Derived { Ok, Gone }
}

status_enum! {
    /// An optional derive whose feature is off: no impl either way.
    #[cfg_attr(feature = "off", derive(serde::Serialize))]
    pub enum Optional { Ok, 499, Other(u16) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_impls_are_used() {
        assert_eq!(serde_json::to_string(&Hand::NotFound).unwrap(), "\"Not Found\"");
        assert_eq!(http::StatusCode::from(Hand::Ok), http::StatusCode::OK);
        assert_eq!(serde_json::to_string(&Derived::Gone).unwrap(), "\"Gone\"");
        assert_eq!(Optional::from(499), Optional::ClientClosedRequest);
    }
}
"#;

/// `enabler` turns both features on, and asks for them on its own enum.
const ENABLER: &str = r#"
status_core::status_enum! {
    #[status(http, serde)]
    pub enum Asked { Ok, NotFound }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_reach_only_who_asked() {
        assert_eq!(serde_json::to_string(&Asked::NotFound).unwrap(), "404");
        assert_eq!(http::StatusCode::from(Asked::Ok), http::StatusCode::OK);
        assert_eq!(serde_json::to_string(&handwritten::Hand::Ok).unwrap(), "\"OK\"");
        assert_eq!(serde_json::to_string(&status_core::StatusCode::Gone).unwrap(), "410");
    }
}
"#;

fn manifest(name: &str, status_features: &str, extra: &str) -> String {
    let status_core = Path::new(env!("CARGO_MANIFEST_DIR")).join("../status-core");
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nstatus-core = {{ path = {:?}{status_features} }}\n\
         serde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\nhttp = \"1\"\n{extra}\n\
         [features]\noff = []\n",
        status_core.display().to_string()
    )
}

#[test]
fn enabling_features_elsewhere_breaks_no_crate() {
    let dir = root();
    write(
        &dir.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"handwritten\", \"enabler\"]\n",
    );
    let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");
    fs::copy(lock, dir.join("Cargo.lock")).unwrap();
    write(
        &dir.join("handwritten/Cargo.toml"),
        &manifest("handwritten", "", ""),
    );
    write(&dir.join("handwritten/src/lib.rs"), HANDWRITTEN);
    write(
        &dir.join("enabler/Cargo.toml"),
        &manifest(
            "enabler",
            ", features = [\"http\", \"serde\"]",
            "handwritten = { path = \"../handwritten\" }",
        ),
    );
    write(&dir.join("enabler/src/lib.rs"), ENABLER);
    let output = Command::new(env!("CARGO"))
        .args(["test", "--workspace", "--offline", "--color", "never"])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("test tests::own_impls_are_used ... ok"),
        "{stdout}"
    );
    assert!(
        stdout.contains("test tests::features_reach_only_who_asked ... ok"),
        "{stdout}"
    );
}
