//! A crate that depends on status-core under another name (`status = { package = "status-core" }`):
//! every macro names the runtime as the crate knows it. Real throwaway crates, built with cargo.

use status_tests::fixture::{Fixture, Fixtures, status_core_path};

const FIXTURES: Fixtures = Fixtures::new(env!("CARGO_TARGET_TMPDIR"), "renamed-dependency");

/// Runs the binary `package` of the fixture, and returns what it printed.
fn run(fixture: &Fixture, package: &str) -> String {
    fixture
        .cargo(&["run", "--quiet", "-p", package])
        .expect_success()
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
    let manifest = format!(
        "[package]\nname = \"renamed\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nstatus = {{ package = \"status-core\", path = {} }}\n\n[workspace]\n",
        status_core_path()
    );
    let fixture = FIXTURES.write(
        "renamed",
        &[("Cargo.toml", &manifest), ("src/main.rs", MAIN)],
    );
    assert_eq!(run(&fixture, "renamed"), EXPECTED);
}

#[test]
fn a_renamed_dependency_inherited_from_the_workspace_works() {
    let workspace = format!(
        "[workspace]\nresolver = \"3\"\nmembers = [\"crates/app\"]\n\n\
         [workspace.dependencies]\nstatus = {{ package = \"status-core\", path = {} }}\n",
        status_core_path()
    );
    let member = "[package]\nname = \"inherited-app\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
                  publish = false\n\n[dependencies]\nstatus = { workspace = true }\n";
    let fixture = FIXTURES.write(
        "inherited",
        &[
            ("Cargo.toml", &workspace),
            ("crates/app/Cargo.toml", member),
            ("crates/app/src/main.rs", MAIN),
        ],
    );
    assert_eq!(run(&fixture, "inherited-app"), EXPECTED);
}
