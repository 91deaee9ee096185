//! A crate that asks for another axum than status-core implements (0.7 here), and turns on
//! status-core's `axum` feature itself, gets a clear error at `response`, not a failed handler
//! far away: the derive reads the crate's manifest. A crate on axum 0.7 that does not ask for
//! the feature keeps building when another crate turns it on. Real throwaway crates, with a
//! stand-in axum 0.7 (a path dependency: no download), built with cargo.
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

/// A crate's manifest: status-core with `features`, and the stand-in axum 0.7.
fn manifest(name: &str, features: &str) -> String {
    let status_core = Path::new(env!("CARGO_MANIFEST_DIR")).join("../status-core");
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n\
         [dependencies]\nstatus-core = {{ path = {:?}, features = [{features}] }}\n\
         axum = {{ version = \"0.7\", path = \"../axum\" }}\n",
        status_core.display().to_string()
    )
}

/// Builds `packages` of the workspace; its success and its error output.
fn build(dir: &Path, packages: &[&str]) -> (bool, String) {
    let mut command = Command::new(env!("CARGO"));
    command.args(["build", "--offline", "--color", "never"]);
    for package in packages {
        command.args(["-p", package]);
    }
    let output = command
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .output()
        .expect("cargo runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn another_axum_is_an_error_at_response() {
    let dir = root();
    write(
        &dir.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"app\", \"legacy\", \"newer\"]\n",
    );
    let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");
    fs::copy(lock, dir.join("Cargo.lock")).unwrap();
    write(
        &dir.join("axum/Cargo.toml"),
        "[package]\nname = \"axum\"\nversion = \"0.7.0\"\nedition = \"2021\"\n",
    );
    write(&dir.join("axum/src/lib.rs"), "pub trait IntoResponse {}\n");
    // `app` turns on status-core's `axum` while on axum 0.7: the error.
    write(&dir.join("app/Cargo.toml"), &manifest("app", "\"axum\""));
    write(&dir.join("app/src/lib.rs"), LIB);
    // `legacy` is on axum 0.7 and asks status-core for no framework; `newer` turns `axum` on
    // for the whole build. `legacy` gets an impl of axum 0.8's trait it does not use, and builds.
    write(
        &dir.join("legacy/Cargo.toml"),
        &manifest("legacy", "\"problem\""),
    );
    write(&dir.join("legacy/src/lib.rs"), LIB);
    write(
        &dir.join("newer/Cargo.toml"),
        &manifest("newer", "\"axum\""),
    );
    write(&dir.join("newer/src/lib.rs"), "");
    let (built, stderr) = build(&dir, &["legacy", "newer"]);
    assert!(built, "{stderr}");

    let (built, stderr) = build(&dir, &["app"]);
    assert!(!built, "{stderr}");
    assert!(
        stderr.contains(
            "error: this crate depends on axum `0.7`, and status-core's `axum` feature implements \
             the error responses of axum 0.8: a handler returning this type would not compile; \
             move to axum 0.8, or say `response(parts)` and write the `IntoResponse` impl (see \
             `status_core::problem`)\n --> app/src/lib.rs:5:15"
        ),
        "{stderr}"
    );
    // One error, at `response`: nothing else fails.
    assert_eq!(stderr.matches("error:").count(), 2, "{stderr}");
}
