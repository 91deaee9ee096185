//! A crate that asks for another axum than status-core implements (0.7 here) gets a clear error
//! at `response`, not a failed handler far away: the derive reads the crate's manifest, and the
//! error comes through status-core's `axum` feature. A real throwaway crate, with a stand-in
//! axum 0.7 of its own (a path dependency: no download), built with cargo.
#![cfg(feature = "axum")]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("framework-versions")
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

const LIB: &str = r#"
use status_core::HttpStatus;

#[derive(Debug, HttpStatus)]
#[status(404, response)]
pub struct Missing;

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("missing")
    }
}
"#;

#[test]
fn another_axum_is_an_error_at_response() {
    let dir = root();
    write(
        &dir.join("axum/Cargo.toml"),
        "[package]\nname = \"axum\"\nversion = \"0.7.0\"\nedition = \"2021\"\n",
    );
    write(&dir.join("axum/src/lib.rs"), "pub trait IntoResponse {}\n");
    let status_core = Path::new(env!("CARGO_MANIFEST_DIR")).join("../status-core");
    write(
        &dir.join("app/Cargo.toml"),
        &format!(
            "[package]\nname = \"app\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n\
             [dependencies]\nstatus-core = {{ path = {:?}, features = [\"axum\"] }}\n\
             axum = {{ version = \"0.7\", path = \"../axum\" }}\n\n[workspace]\n",
            status_core.display().to_string()
        ),
    );
    write(&dir.join("app/src/lib.rs"), LIB);
    let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");
    fs::copy(lock, dir.join("app/Cargo.lock")).unwrap();
    let output = Command::new(env!("CARGO"))
        .args(["build", "--offline", "--color", "never"])
        .current_dir(dir.join("app"))
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "error: this crate depends on axum `0.7`, and status-core's `axum` feature implements \
             the error responses of axum 0.8: a handler returning this type would not compile; \
             move to axum 0.8, or say `response(parts)` and write the `IntoResponse` impl (see \
             `status_core::problem`)\n --> src/lib.rs:5:15"
        ),
        "{stderr}"
    );
    // One error, at `response`: nothing else fails.
    assert_eq!(stderr.matches("error:").count(), 2, "{stderr}");
}
