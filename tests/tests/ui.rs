//! Compile-fail UI tests: every diagnostic, with the exact message and span.
//! Regenerate with `TRYBUILD=overwrite cargo test -p status-tests --test ui` and read the diff.

#[test]
fn ui() {
    // One `TestCases` so that trybuild builds the dependencies once.
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
