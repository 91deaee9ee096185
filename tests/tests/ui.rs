//! Compile-fail UI tests: every diagnostic, with the exact message and span.
//! Regenerate with `TRYBUILD=overwrite cargo test -p status-tests --test ui` and read the diff.

#[test]
fn ui() {
    // One `TestCases` so that trybuild builds the dependencies once.
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
    // This error exists only while no framework feature is on.
    if cfg!(not(any(feature = "axum", feature = "actix-web"))) {
        cases.compile_fail("tests/ui-no-framework/*.rs");
    }
    // Asking for `http` or `serde` while the feature is off.
    if cfg!(not(any(feature = "http", feature = "serde"))) {
        cases.compile_fail("tests/ui-no-features/*.rs");
    }
}
