//! A crate's own `codes.toml`: real throwaway crates, built with cargo.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NETWORK_CONNECT_TIMEOUT: &str = r#"
# Codes our proxies answer with.
[[status]]
code = 599
name = "NetworkConnectTimeout"
reason = "Network Connect Timeout"
description = "The proxy could not connect to the upstream server in time."
reference = "Our proxy's documentation"
origin = "our-proxy"
"#;

fn root() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("local-registry")
}

/// A crate named `name` with this `codes.toml` (none if `None`) and `main.rs`.
fn fixture(name: &str, codes: Option<&str>, main: &str) -> PathBuf {
    let dir = root().join(name);
    fs::create_dir_all(dir.join("src")).unwrap();
    let status_core = Path::new(env!("CARGO_MANIFEST_DIR")).join("../status-core");
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nstatus-core = {{ path = {:?} }}\n\n[workspace]\n",
        status_core.display().to_string()
    );
    fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    // The workspace's lock file: the same dependency versions, no resolution.
    let lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");
    fs::copy(lock, dir.join("Cargo.lock")).unwrap();
    match codes {
        Some(codes) => fs::write(dir.join("codes.toml"), codes).unwrap(),
        None => drop(fs::remove_file(dir.join("codes.toml"))),
    }
    fs::write(dir.join("src/main.rs"), main).unwrap();
    dir
}

fn cargo(dir: &Path, command: &str) -> Output {
    Command::new(env!("CARGO"))
        .args([command, "--quiet", "--color", "never"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", root().join("target"))
        .output()
        .expect("cargo runs")
}

fn run(dir: &Path) -> String {
    let output = cargo(dir, "run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "build failed:\n{stderr}");
    String::from_utf8(output.stdout).unwrap()
}

fn build_errors(dir: &Path) -> String {
    let output = cargo(dir, "build");
    assert!(!output.status.success(), "the build should fail");
    String::from_utf8(output.stderr).unwrap()
}

const USES_599: &str = r#"
use status_core::{HttpStatus, status_enum};

status_enum! {
    pub enum ProxyStatus { Ok, NetworkConnectTimeout, 499 }
}

#[derive(HttpStatus)]
#[status(599)]
struct Timeout;

#[derive(HttpStatus)]
enum ProxyError {
    #[status(NETWORK_CONNECT_TIMEOUT)]
    Upstream,
}

fn main() {
    let status = ProxyStatus::try_from(599).unwrap();
    println!("{status}|{}|{}|{}", Timeout.code(), Timeout.reason(), ProxyError::Upstream.code());
    println!("{}", ProxyStatus::NetworkConnectTimeout.description());
}
"#;

#[test]
fn local_codes_work_in_status_enum_and_derive_and_rebuild_when_edited() {
    let dir = fixture("local-codes", Some(NETWORK_CONNECT_TIMEOUT), USES_599);
    assert_eq!(
        run(&dir),
        "599 Network Connect Timeout|599|Network Connect Timeout|599\n\
         The proxy could not connect to the upstream server in time.\n"
    );
    // Editing the file rebuilds the crate, with no `cargo clean`.
    let edited = NETWORK_CONNECT_TIMEOUT.replace(
        "reason = \"Network Connect Timeout\"",
        "reason = \"Upstream Connect Timeout\"",
    );
    fs::write(dir.join("codes.toml"), edited).unwrap();
    assert!(
        run(&dir).starts_with("599 Upstream Connect Timeout|599|Upstream Connect Timeout|599\n")
    );
}

#[test]
fn without_the_file_local_codes_are_unknown() {
    let dir = fixture("no-local-codes", None, USES_599);
    let errors = build_errors(&dir);
    assert!(
        errors.contains("unknown HTTP status name `NetworkConnectTimeout`"),
        "{errors}"
    );
    assert!(
        errors.contains("599 is not a registered HTTP status code"),
        "{errors}"
    );
}

#[test]
fn status_macro_points_local_codes_to_status_enum() {
    let main = "fn main() { let _ = status_core::status!(599); }";
    let dir = fixture("local-status-macro", Some(NETWORK_CONNECT_TIMEOUT), main);
    let errors = build_errors(&dir);
    assert!(
        errors.contains(
            "599 Network Connect Timeout is not an IANA code (it is defined in this crate's \
             codes.toml), and `StatusCode` holds IANA codes only"
        ),
        "{errors}"
    );
}

const USES_200: &str = "status_core::status_enum! { enum Answer { Ok } }\nfn main() {}\n";

#[test]
fn every_rule_is_an_error_with_file_line_and_column() {
    let codes = r#"[[status]]
code = 598
name = "FineCode"
reason = "Fine"
description = "Fine."
reference = "Here"
colour = "blue"

[[status]]
code = 597
name = "NoReason"
description = "Missing its reason."
reference = "Here"

[[status]]
code = 600
name = "TooHigh"
reason = "Too High"
description = "Out of range."
reference = "Here"

[[status]]
code = 404
name = "Missing"
reason = "Missing"
description = "Redefines a built-in code."
reference = "Here"

[[status]]
code = 596
name = "NotFound"
reason = "Not Found Again"
description = "Takes a built-in name."
reference = "Here"

[[status]]
code = 595
name = "First"
reason = "First"
description = "Fine."
reference = "Here"

[[status]]
code = 595
name = "Second"
reason = "Second"
description = "The same code again."
reference = "Here"

[[status]]
code = 594
name = "First"
reason = "First Again"
description = "The same name again."
reference = "Here"

[[status]]
code = 593
name = "snake_case"
reason = "Snake"
description = "Not UpperCamelCase."
reference = "Here"
"#;
    let dir = fixture("local-errors", Some(codes), USES_200);
    let errors = build_errors(&dir);
    let file = dir.join("codes.toml").display().to_string();
    for (position, message) in [
        ("7:1", "unknown field `colour`"),
        ("9:1", "missing field `reason`"),
        ("16:8", "code 600 is outside 100..=599"),
        (
            "22:1",
            "code 404 is already in the built-in registry, as 404 `NotFound`",
        ),
        (
            "29:1",
            "name `NotFound` is already in the built-in registry",
        ),
        (
            "43:1",
            "code 595 is already defined in this file, at line 36",
        ),
        (
            "50:1",
            "name `First` is already defined in this file, at line 36",
        ),
        ("59:8", "name `snake_case` is not UpperCamelCase"),
    ] {
        let expected = format!("invalid status code registry: {file}:{position}: {message}");
        assert!(
            errors.contains(&expected),
            "missing `{expected}` in:\n{errors}"
        );
    }
}

#[test]
fn errors_are_listed_once_and_later_calls_point_to_them() {
    let codes = NETWORK_CONNECT_TIMEOUT.replace("reference =", "refrence =");
    let main = "status_core::status_enum! { enum A { Ok } }\n\
                status_core::status_enum! { enum B { Ok } }\n\
                #[derive(status_core::HttpStatus)] #[status(404)] struct C;\n\
                fn main() {}\n";
    let dir = fixture("local-errors-once", Some(&codes), main);
    let errors = build_errors(&dir);
    assert_eq!(
        errors.matches("unknown field `refrence`").count(),
        1,
        "{errors}"
    );
    assert_eq!(
        errors
            .matches("this file has errors, reported at the first macro call that read it")
            .count(),
        2,
        "{errors}"
    );
}

#[test]
fn malformed_toml_is_an_error_with_its_position() {
    let codes = "[[status]]\ncode = 599\nname = \"Unterminated\n";
    let dir = fixture("local-malformed", Some(codes), USES_200);
    let errors = build_errors(&dir);
    let file = dir.join("codes.toml").display().to_string();
    assert!(
        errors.contains(&format!("invalid status code registry: {file}:3:")),
        "{errors}"
    );
}
