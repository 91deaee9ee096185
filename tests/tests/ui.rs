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
        feature = "client",
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
    // `client` turns status-core's `http` on.
    if cfg!(not(any(
        feature = "http",
        feature = "serde",
        feature = "utoipa",
        feature = "client"
    ))) {
        cases.compile_fail("tests/ui-no-features/*.rs");
    }
    // Errors of the OpenAPI descriptions themselves.
    if cfg!(feature = "utoipa") {
        cases.compile_fail("tests/ui-utoipa/*.rs");
    }
    if cfg!(feature = "client") {
        cases.compile_fail("tests/ui-client/*.rs");
    }
}

/// No expected compiler output names an internal item: a user never sees `__private` or an
/// `__impl_*` macro in an error.
#[test]
fn no_snapshot_names_an_internal_item() {
    let tests = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut snapshots = 0;
    for dir in std::fs::read_dir(&tests).unwrap() {
        let dir = dir.unwrap().path();
        let is_ui = dir.file_name().unwrap().to_string_lossy().starts_with("ui");
        if !dir.is_dir() || !is_ui {
            continue;
        }
        for file in std::fs::read_dir(&dir).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_none_or(|ext| ext != "stderr") {
                continue;
            }
            snapshots += 1;
            let text = std::fs::read_to_string(&file).unwrap();
            for internal in ["__private", "__impl_"] {
                assert!(
                    !text.contains(internal),
                    "{} names `{internal}`",
                    file.display()
                );
            }
        }
    }
    assert!(snapshots > 50, "{snapshots} snapshots read");
}
