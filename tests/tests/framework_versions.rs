//! A crate that asks for another axum than status-core implements (0.7 here), and turns on
//! status-core's `axum` feature itself, gets a clear error at `response`, not a failed handler
//! far away: the derive reads the crate's manifest. A crate on axum 0.7 that does not ask for
//! the feature keeps building when another crate turns it on. Real throwaway crates, with a
//! stand-in axum 0.7 (a path dependency: no download), built with cargo.
#![cfg(feature = "axum")]

use status_tests::fixture::{Fixtures, status_core_path};

const FIXTURES: Fixtures = Fixtures::new(env!("CARGO_TARGET_TMPDIR"), "framework-versions");

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
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n\
         [dependencies]\nstatus-core = {{ path = {}, features = [{features}] }}\n\
         axum = {{ version = \"0.7\", path = \"../axum\" }}\n",
        status_core_path()
    )
}

#[test]
fn another_axum_is_an_error_at_response() {
    // `app` turns on status-core's `axum` while on axum 0.7: the error.
    // `legacy` is on axum 0.7 and asks status-core for no framework; `newer` turns `axum` on
    // for the whole build. `legacy` gets an impl of axum 0.8's trait it does not use, and builds.
    let fixture = FIXTURES.write(
        "workspace",
        &[
            (
                "Cargo.toml",
                "[workspace]\nresolver = \"3\"\nmembers = [\"app\", \"legacy\", \"newer\"]\n",
            ),
            (
                "axum/Cargo.toml",
                "[package]\nname = \"axum\"\nversion = \"0.7.0\"\nedition = \"2021\"\n",
            ),
            ("axum/src/lib.rs", "pub trait IntoResponse {}\n"),
            ("app/Cargo.toml", &manifest("app", "\"axum\"")),
            ("app/src/lib.rs", LIB),
            ("legacy/Cargo.toml", &manifest("legacy", "\"problem\"")),
            ("legacy/src/lib.rs", LIB),
            ("newer/Cargo.toml", &manifest("newer", "\"axum\"")),
            ("newer/src/lib.rs", ""),
        ],
    );
    fixture
        .cargo(&["build", "-p", "legacy", "-p", "newer"])
        .expect_success();

    let stderr = fixture.cargo(&["build", "-p", "app"]).expect_failure();
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
