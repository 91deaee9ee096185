//! Compile-fail UI tests: every diagnostic, with the exact message and span.
//! Regenerate with `TRYBUILD=overwrite cargo test -p status-tests --test ui` and read the diff.

#[test]
fn ui() {
    // One `TestCases` so that trybuild builds the dependencies once.
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
    // This error exists only while no feature gives error responses (`utoipa` does too).
    let responses = cfg!(any(
        feature = "problem",
        feature = "tracing",
        feature = "axum",
        feature = "actix-web",
        feature = "utoipa"
    ));
    if !responses {
        cases.compile_fail("tests/ui-no-framework/*.rs");
    }
    // Errors of the generated `ErrorResponse` impl, which exists only with one. Run with every
    // feature (`--all-features`): the compiler's list of other impls varies with the crates
    // in the build.
    if cfg!(all(
        feature = "tracing",
        feature = "axum",
        feature = "actix-web",
        feature = "utoipa"
    )) {
        cases.compile_fail("tests/ui-problem/*.rs");
    }
    // Asking for `http`, `serde` or `openapi` while the feature is off.
    if cfg!(not(any(
        feature = "http",
        feature = "serde",
        feature = "utoipa"
    ))) {
        cases.compile_fail("tests/ui-no-features/*.rs");
    }
    // Errors of the OpenAPI descriptions themselves.
    if cfg!(feature = "utoipa") {
        cases.compile_fail("tests/ui-utoipa/*.rs");
    }
}
