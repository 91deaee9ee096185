//! A crate that depends on status-core under another name (`status = { package = "status-core" }`):
//! every macro names the runtime as the crate knows it. Real throwaway crates, built with cargo.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("renamed-dependency")
}

fn status_core() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../status-core")
        .display()
        .to_string()
}

/// Writes `text` to `path`, creating its directory.
fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// The workspace's lock file in `dir`: the same dependency versions, no resolution.
fn copy_lock(dir: &Path) {
    let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");
    fs::copy(lock, dir.join("Cargo.lock")).unwrap();
}

/// Runs the binary `package` of the workspace in `dir`, and returns what it printed.
fn run(dir: &Path, package: &str) -> String {
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--color", "never", "-p", package])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", root().join("target"))
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "build failed:\n{stderr}");
    String::from_utf8(output.stdout).unwrap()
}

/// Every macro, through the crate's own name for status-core: `status`.
const MAIN: &str = r#"
use status::HttpStatus;

status::status_enum! {
    pub enum S { Ok, NotFound, Other(u16) }
}

#[derive(Debug, status::HttpStatus)]
enum ApiError {
    #[status(404)]
    Missing,
    #[status(INTERNAL_SERVER_ERROR)]
    Broken,
}

#[derive(status::HttpStatus)]
#[status(ImATeapot)]
struct Teapot;

fn main() {
    let code: status::StatusCode = status::status!(404);
    println!("{code}|{}", code.is_client_error());
    println!("{}|{}|{}", S::NotFound, S::from(499).code(), S::ALL.len());
    println!("{}|{}", ApiError::Missing.code(), ApiError::Broken.reason());
    println!("{}|{}", Teapot.code(), Teapot.reason());
}
"#;

const EXPECTED: &str = "404 Not Found|true\n\
                        404 Not Found|499|2\n\
                        404|Internal Server Error\n\
                        418|I'm a teapot\n";

#[test]
fn a_renamed_dependency_works_in_every_macro() {
    let dir = root().join("renamed");
    let manifest = format!(
        "[package]\nname = \"renamed\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nstatus = {{ package = \"status-core\", path = {:?} }}\n\n[workspace]\n",
        status_core()
    );
    write(&dir.join("Cargo.toml"), &manifest);
    write(&dir.join("src/main.rs"), MAIN);
    copy_lock(&dir);
    assert_eq!(run(&dir, "renamed"), EXPECTED);
}

#[test]
fn a_renamed_dependency_inherited_from_the_workspace_works() {
    let dir = root().join("inherited");
    let workspace = format!(
        "[workspace]\nresolver = \"3\"\nmembers = [\"crates/app\"]\n\n\
         [workspace.dependencies]\nstatus = {{ package = \"status-core\", path = {:?} }}\n",
        status_core()
    );
    write(&dir.join("Cargo.toml"), &workspace);
    let member = "[package]\nname = \"inherited-app\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
                  publish = false\n\n[dependencies]\nstatus = { workspace = true }\n";
    write(&dir.join("crates/app/Cargo.toml"), member);
    write(&dir.join("crates/app/src/main.rs"), MAIN);
    copy_lock(&dir);
    assert_eq!(run(&dir, "inherited-app"), EXPECTED);
}
