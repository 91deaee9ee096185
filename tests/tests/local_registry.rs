//! A crate's own `codes.toml`: real throwaway crates, built with cargo.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use status_tests::fixture::{self, Exit, Fixture, Fixtures, status_core_path};

const FIXTURES: Fixtures = Fixtures::new(env!("CARGO_TARGET_TMPDIR"), "local-registry");

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

/// A crate named `name` with this `codes.toml` (none if `None`) and `main.rs`.
fn fixture(name: &str, codes: Option<&str>, main: &str) -> Fixture {
    fixture_in(name, name, codes, main)
}

/// [`fixture`] in the directory `dir` of the fixtures, whose name need not be UTF-8.
fn fixture_in(dir: impl AsRef<Path>, name: &str, codes: Option<&str>, main: &str) -> Fixture {
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nstatus-core = {{ path = {} }}\n\n[workspace]\n",
        status_core_path()
    );
    let mut files = vec![("Cargo.toml", manifest.as_str()), ("src/main.rs", main)];
    if let Some(codes) = codes {
        files.push(("codes.toml", codes));
    }
    FIXTURES.write(dir, &files)
}

fn run(fixture: &Fixture) -> String {
    fixture.cargo(&["run", "--quiet"]).expect_success()
}

fn build_errors(fixture: &Fixture) -> String {
    fixture.cargo(&["build", "--quiet"]).expect_failure()
}

/// The path of the crate's registry, as the errors print it.
fn codes_path(fixture: &Fixture) -> String {
    fixture.dir().join("codes.toml").display().to_string()
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
    let fixture = fixture("local-codes", Some(NETWORK_CONNECT_TIMEOUT), USES_599);
    assert_eq!(
        run(&fixture),
        "599 Network Connect Timeout|599|Network Connect Timeout|599\n\
         The proxy could not connect to the upstream server in time.\n"
    );
    // Editing the file rebuilds the crate, with no `cargo clean`.
    let edited = NETWORK_CONNECT_TIMEOUT.replace(
        "reason = \"Network Connect Timeout\"",
        "reason = \"Upstream Connect Timeout\"",
    );
    fixture.write("codes.toml", &edited);
    assert!(
        run(&fixture)
            .starts_with("599 Upstream Connect Timeout|599|Upstream Connect Timeout|599\n")
    );
}

/// A crate-local code with facts, in an enum with a catch-all: `Other(460)` is the member, and
/// answers with the member's texts and facts, through the `const fn`s and `HttpStatus` alike.
#[test]
fn a_catch_all_holding_a_local_members_code_answers_as_the_member() {
    let codes = r#"
[[status]]
code = 460
name = "TokenGone"
reason = "Token Gone"
description = "The token was revoked."
reference = "Our API's documentation"
cacheable = true
content = "none"
requires = ["X-Token-Hint"]
recommends = ["Link"]
"#;
    let main = r#"
use status_core::{HttpStatus, status_enum};

status_enum! {
    pub enum Answer { Ok, 460, Other(u16) }
}

fn facts(status: &dyn HttpStatus) -> String {
    format!(
        "{}|{}|{}|{:?}|{:?}",
        status.reason(),
        status.is_cacheable_by_default(),
        status.allows_content(),
        status.required_headers(),
        status.recommended_headers(),
    )
}

fn main() {
    const HELD: Answer = Answer::Other(460);
    const CONST_FACTS: (&str, bool, bool, &[&str], &[&str]) = (
        HELD.reason(),
        HELD.is_cacheable_by_default(),
        HELD.allows_content(),
        HELD.required_headers(),
        HELD.recommended_headers(),
    );
    println!("{HELD}|{}|{}", HELD.description(), HELD.reference());
    println!("{CONST_FACTS:?}");
    println!("{}", facts(&HELD));
    println!("{}", facts(&Answer::TokenGone));
    println!("{}", facts(&Answer::Other(461)));
}
"#;
    let fixture = fixture("local-catch-all", Some(codes), main);
    assert_eq!(
        run(&fixture),
        "460 Token Gone|The token was revoked.|Our API's documentation\n\
         (\"Token Gone\", true, false, [\"X-Token-Hint\"], [\"Link\"])\n\
         Token Gone|true|false|[\"X-Token-Hint\"]|[\"Link\"]\n\
         Token Gone|true|false|[\"X-Token-Hint\"]|[\"Link\"]\n\
         |false|true|[]|[]\n"
    );
}

#[test]
fn without_the_file_local_codes_are_unknown() {
    let fixture = fixture("no-local-codes", None, USES_599);
    let errors = build_errors(&fixture);
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
    let fixture = fixture("local-status-macro", Some(NETWORK_CONNECT_TIMEOUT), main);
    let errors = build_errors(&fixture);
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
    let fixture = fixture("local-errors", Some(codes), USES_200);
    let errors = build_errors(&fixture);
    let file = codes_path(&fixture);
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

/// Every problem of an entry in one build: its own fields' and its clashes with others; and
/// every bad name of a `requires` or `recommends` array, header fields the server owns
/// included.
#[test]
fn every_problem_of_an_entry_and_every_bad_header_name_are_reported() {
    let codes = r#"[[status]]
code = 599
name = "First"
reason = "First"
description = "Fine."
reference = "Here"

[[status]]
code = 599
name = "lower_case"
reason = "Again"
description = "A bad name, and the code of the first."
reference = "Here"

[[status]]
code = 598
name = "Owned"
reason = "Owned"
description = "Asks for headers the server owns."
reference = "Here"
requires = ["Content-Type", "Upgrade", "transfer-encoding", "Bad Name"]
recommends = ["Connection", "Via", "Host"]
"#;
    let fixture = fixture("local-every-problem", Some(codes), USES_200);
    let errors = build_errors(&fixture);
    let file = codes_path(&fixture);
    for (position, message) in [
        (
            "10:8",
            "name `lower_case` is not UpperCamelCase (like `NotFound`)",
        ),
        ("8:1", "code 599 is already defined in this file, at line 1"),
        (
            "21:13",
            "`Content-Type` in `requires` is a header field a status cannot ask for: the \
             response sets it from the body it sends",
        ),
        (
            "21:40",
            "`transfer-encoding` in `requires` is a header field a status cannot ask for: the \
             server's HTTP/1.1 framing sets it (RFC 9112, Section 6.1)",
        ),
        ("21:61", "`Bad Name` in `requires` is not a header name"),
        (
            "22:15",
            "`Connection` in `recommends` is a header field a status cannot ask for: it is \
             connection-specific",
        ),
        (
            "22:36",
            "`Host` in `recommends` is a header field a status cannot ask for: it is a request \
             header (RFC 9110, Section 7.2)",
        ),
        (
            "21:29",
            "`Upgrade` in `requires` goes with 101 Switching Protocols and 426 Upgrade \
             Required alone (RFC 9110, Section 7.8): a response with this status could never \
             send it",
        ),
    ] {
        let expected = format!("invalid status code registry: {file}:{position}: {message}");
        assert!(
            errors.contains(&expected),
            "missing `{expected}` in:\n{errors}"
        );
    }
    assert_eq!(
        errors.matches("invalid status code registry:").count(),
        8,
        "{errors}"
    );
}

#[test]
fn errors_are_listed_once_and_later_calls_point_to_them() {
    let codes = NETWORK_CONNECT_TIMEOUT.replace("reference =", "refrence =");
    let main = "status_core::status_enum! { enum A { Ok } }\n\
                status_core::status_enum! { enum B { Ok } }\n\
                #[derive(status_core::HttpStatus)] #[status(404)] struct C;\n\
                fn main() {}\n";
    let fixture = fixture("local-errors-once", Some(&codes), main);
    let errors = build_errors(&fixture);
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
    let fixture = fixture("local-malformed", Some(codes), USES_200);
    let errors = build_errors(&fixture);
    let file = codes_path(&fixture);
    assert!(
        errors.contains(&format!("invalid status code registry: {file}:3:")),
        "{errors}"
    );
}

/// The error a build reports for the fixture's registry, whole-file problems having no line
/// and column.
fn file_error(fixture: &Fixture, message: &str) -> String {
    let file = codes_path(fixture);
    format!("invalid status code registry: {file} {message}")
}

/// A `codes.toml` that is no regular file is refused at once; reading it would block the
/// build (a FIFO) or read until memory runs out (`/dev/zero`).
#[cfg(unix)]
#[test]
fn only_a_regular_file_is_read() {
    use std::os::unix::fs::symlink;
    let not_regular =
        |kind: &str| format!("is not a regular file ({kind}); a crate's registry must be one");
    let mkfifo = |path: &Path| {
        let made = Command::new("mkfifo").arg(path).status().unwrap();
        assert!(made.success());
    };
    refused_registry("codes-fifo", mkfifo, &not_regular("a FIFO"));
    refused_registry(
        "codes-dev-zero",
        |path| symlink("/dev/zero", path).unwrap(),
        &not_regular("a character device"),
    );
    refused_registry(
        "codes-directory",
        |path| std::fs::create_dir(path).unwrap(),
        &not_regular("a directory"),
    );
    refused_registry(
        "codes-dangling-link",
        |path| symlink("gone.toml", path).unwrap(),
        "is a symbolic link to `gone.toml`, which does not exist",
    );
}

/// A crate whose `codes.toml` `make` creates fails to build with `message` about the file.
fn refused_registry(name: &str, make: impl FnOnce(&Path), message: &str) {
    let fixture = fixture(name, None, USES_200);
    make(&fixture.dir().join("codes.toml"));
    let errors = build_errors(&fixture);
    let expected = file_error(&fixture, message);
    assert!(
        errors.contains(&expected),
        "missing `{expected}` in:\n{errors}"
    );
}

#[test]
fn a_file_over_one_mib_is_refused() {
    let codes = NETWORK_CONNECT_TIMEOUT.to_owned() + &"# padding\n".repeat(105_000);
    let fixture = fixture("local-too-large", Some(&codes), USES_200);
    let errors = build_errors(&fixture);
    let expected = file_error(
        &fixture,
        &format!(
            "is {} bytes, more than the 1048576 bytes (1 MiB) a crate's registry may have",
            codes.len()
        ),
    );
    assert!(
        errors.contains(&expected),
        "missing `{expected}` in:\n{errors}"
    );
}

/// 20,000 bad entries, five errors each: 50 are printed, then one line counts the rest.
#[test]
fn errors_are_capped_per_file() {
    let codes = "[[status]]\ncode = 7\n".repeat(20_000);
    let fixture = fixture("local-many-errors", Some(&codes), USES_200);
    let started = Instant::now();
    let errors = build_errors(&fixture);
    eprintln!(
        "build with 100,000 registry errors: {:?}",
        started.elapsed()
    );
    assert_eq!(
        errors.matches("invalid status code registry:").count(),
        51,
        "{errors}"
    );
    let file = codes_path(&fixture);
    // The 51st error is the first of the eleventh entry, on its second line.
    let expected = format!(
        "invalid status code registry: {file}:22:8: … and 99950 more errors in this file, the \
         next of them here"
    );
    assert!(
        errors.contains(&expected),
        "missing `{expected}` in:\n{errors}"
    );
    assert!(errors.len() < 50_000, "{} bytes of errors", errors.len());
}

#[test]
fn a_reason_phrase_with_a_line_break_is_an_error() {
    let codes = NETWORK_CONNECT_TIMEOUT.replace(
        "reason = \"Network Connect Timeout\"",
        "reason = \"Network Connect\\r\\nX-Injected: 1\"",
    );
    let fixture = fixture("local-reason-crlf", Some(&codes), USES_200);
    let errors = build_errors(&fixture);
    let expected = format!(
        "invalid status code registry: {}:6:10: `reason` has a carriage return (U+000D) at \
         character 16: a reason phrase (RFC 9112, Section 4) has no control characters, and is \
         the default `title` of a problem document",
        codes_path(&fixture)
    );
    assert!(
        errors.contains(&expected),
        "missing `{expected}` in:\n{errors}"
    );
}

/// Registry text that would be Markdown, HTML or a doctest if rustdoc read it as such.
const HOSTILE_TEXT: &str = r#"
[[status]]
code = 597
name = "FenceInOrigin"
reason = "Fence In Origin"
description = "Its origin holds a doctest."
reference = "Here"
origin = """
nginx

```
panic!("an injected doctest ran");
```
"""

[[status]]
code = 598
name = "OpensABlock"
reason = "Opens A Block"
description = "```rust"
reference = "Here"

[[status]]
code = 599
name = "RawHtml"
reason = "Raw <b>Html</b>"
description = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) <javascript:alert(2)>"
reference = "<a href=\"javascript:alert(3)\">RFC 9110</a>"
"#;

/// The docs of an enum of such entries: no doctest runs, none breaks, and the HTML has the
/// text, not the tags or links.
#[test]
fn registry_text_reaches_rustdoc_as_text() {
    let fixture = fixture("doc-injection", Some(HOSTILE_TEXT), "fn main() {}\n");
    fixture.write(
        "src/lib.rs",
        "status_core::status_enum! { pub enum Hostile { Ok, 597, 598, 599 } }\n",
    );
    let stdout = fixture
        .cargo(&["test", "--quiet", "--doc"])
        .expect_success();
    assert!(!stdout.contains("injected"), "{stdout}");

    fixture
        .cargo(&["doc", "--quiet", "--no-deps"])
        .expect_success();
    let page = fixture.target().join("doc/doc_injection/enum.Hostile.html");
    let html = std::fs::read_to_string(page).unwrap();
    for injected in [
        "<img src=x",
        "href=\"javascript:",
        "<b>Html",
        "example-rendered",
    ] {
        assert!(!html.contains(injected), "`{injected}` in the docs");
    }
    for text in [
        "&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1)) &lt;javascript:alert(2)&gt;",
        // Smart punctuation makes the quotes curly.
        "Reference: &lt;a href=“javascript:alert(3)”&gt;RFC 9110&lt;/a&gt;",
        "```rust",
    ] {
        assert!(html.contains(text), "`{text}` missing from the docs");
    }
}

/// A crate directory whose name is not UTF-8: `include_bytes!` takes a string, so the file is
/// named relative to the source file of the macro call, and editing it still rebuilds.
#[cfg(unix)]
#[test]
fn a_crate_directory_that_is_not_utf8_works() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let main = "mod proxy;\nfn main() { proxy::main() }\n";
    let fixture = fixture_in(
        OsStr::from_bytes(b"not-utf8-\xff"),
        "not-utf8",
        Some(NETWORK_CONNECT_TIMEOUT),
        main,
    );
    // Two directories down: the relative path climbs out of both.
    let module = USES_599.replace("fn main()", "pub fn main()");
    fixture.write("src/proxy/mod.rs", &module);
    assert!(
        build_and_run_not_utf8(&fixture, "not-utf8")
            .starts_with("599 Network Connect Timeout|599|")
    );
    let edited = NETWORK_CONNECT_TIMEOUT.replace("Network Connect Timeout", "Edited Timeout");
    fixture.write("codes.toml", &edited);
    assert!(build_and_run_not_utf8(&fixture, "not-utf8").starts_with("599 Edited Timeout|599|"));
}

/// Builds the fixture, whose path is not UTF-8, and runs its binary `bin`.
///
/// Cargo itself fails such a build after rustc succeeded: writing `target/debug/<bin>.d`, it
/// reports "path ... not utf-8" as an internal error (rust-lang/cargo#11355, open). That one
/// error is allowed; any other, from rustc or the macros, fails the test.
fn build_and_run_not_utf8(fixture: &Fixture, bin: &str) -> String {
    let build = fixture.cargo(&["build", "--quiet"]);
    let errors: Vec<&str> = build
        .stderr
        .lines()
        .filter(|line| line.starts_with("error"))
        .collect();
    let cargo_bug =
        |line: &&str| line.starts_with("error: path `") && line.ends_with("` not utf-8");
    assert!(
        build.succeeded()
            || (matches!(build.exit, Exit::Failure(_))
                && !errors.is_empty()
                && errors.iter().all(cargo_bug)),
        "build failed:\n{}",
        build.stderr
    );
    let binary = fixture.target().join("debug").join(bin);
    let output = Command::new(binary).output().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

/// ... unless the macro call is in a source file outside the crate directory, from which no
/// UTF-8 path leads to the file: then a compile error says why.
#[cfg(unix)]
#[test]
fn a_call_outside_a_crate_directory_that_is_not_utf8_is_an_error() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let outside = FIXTURES.dir("outside-sources").join("status.rs");
    fixture::write(&outside, &USES_200.replace("fn main() {}", ""));
    let main = format!(
        "#[path = {:?}]\nmod outside;\nfn main() {{}}\n",
        outside.display().to_string()
    );
    let fixture = fixture_in(
        OsStr::from_bytes(b"outside-not-utf8-\xfe"),
        "outside-not-utf8",
        Some(NETWORK_CONNECT_TIMEOUT),
        &main,
    );
    let errors = build_errors(&fixture);
    let expected = format!(
        "cannot track `{}` for rebuilds: its path is not UTF-8, which `include_bytes!` needs, \
         and this macro call is in no source file inside the crate directory, from which a \
         relative path would do; move the crate to a UTF-8 path",
        fixture.dir().join("codes.toml").display()
    );
    assert!(
        errors.contains(&expected),
        "missing `{expected}` in:\n{errors}"
    );
}

/// Codes of a crate's own file that say what a response with them is and carries.
const WITH_FACTS: &str = r#"
[[status]]
code = 598
name = "ProxyHeartbeat"
reason = "Proxy Heartbeat"
description = "The proxy is still waiting for the upstream server."
reference = "Our proxy's documentation"
content = "none"

[[status]]
code = 599
name = "NetworkConnectTimeout"
reason = "Network Connect Timeout"
description = "The proxy could not connect to the upstream server in time."
reference = "Our proxy's documentation"
cacheable = true
requires = ["Retry-After", "Proxy-Status"]
recommends = ["Via"]
"#;

/// What a closed enum, a catch-all enum, a derived type and `&dyn HttpStatus` say of codes
/// of the crate's own file, beside built-in ones.
#[test]
fn local_codes_say_what_a_response_carries() {
    let main = r#"
use status_core::{HttpStatus, StatusCode, status_enum};

status_enum! { pub enum Proxy { Ok, 401, ProxyHeartbeat, 599 } }
status_enum! { pub enum AnyProxy { 204, 599, Other(u16) } }

#[derive(HttpStatus)]
enum ProxyError {
    #[status(NetworkConnectTimeout)]
    Timeout,
    #[status(598)]
    Waiting,
    #[status(transparent)]
    Upstream(StatusCode),
}

fn facts(status: &dyn HttpStatus) -> String {
    format!(
        "{} {} {} {:?} {:?}",
        status.code(),
        status.is_cacheable_by_default(),
        status.allows_content(),
        status.required_headers(),
        status.recommended_headers(),
    )
}

fn main() {
    const TIMEOUT: Proxy = Proxy::NetworkConnectTimeout;
    const REQUIRED: &[&str] = TIMEOUT.required_headers();
    println!("{REQUIRED:?} {}", Proxy::ProxyHeartbeat.allows_content());
    for status in Proxy::ALL {
        println!("{}", facts(status));
    }
    for code in [204, 599, 405] {
        let status = AnyProxy::from(code);
        println!("{} {}", facts(&status), status.is_cacheable_by_default());
    }
    for error in [ProxyError::Timeout, ProxyError::Waiting, ProxyError::Upstream(StatusCode::Gone)] {
        println!("{}", facts(&error));
    }
}
"#;
    let fixture = fixture("local-facts", Some(WITH_FACTS), main);
    let retry = r#"["Retry-After", "Proxy-Status"] ["Via"]"#;
    assert_eq!(
        run(&fixture),
        format!(
            "[\"Retry-After\", \"Proxy-Status\"] false\n\
             200 true true [] []\n\
             401 false true [\"WWW-Authenticate\"] []\n\
             598 false false [] []\n\
             599 true true {retry}\n\
             204 true false [] [] true\n\
             599 true true {retry} true\n\
             405 true true [\"Allow\"] [] true\n\
             599 true true {retry}\n\
             598 false false [] []\n\
             410 true true [] []\n"
        )
    );
}

/// A transparent wrapper, directly or through a `Box`, says what the crate-local code it wraps
/// says: no content for 598, the headers 599 requires and recommends, not what the built-in
/// registry says of the code (nothing).
#[test]
fn transparent_wrappers_keep_local_facts() {
    let main = r#"
use status_core::HttpStatus;

#[derive(HttpStatus)]
enum ProxyError {
    #[status(NetworkConnectTimeout)]
    Timeout,
    #[status(598)]
    Waiting,
}

#[derive(HttpStatus)]
#[status(500)]
enum ApiError {
    #[status(transparent)]
    Proxy(ProxyError),
    #[status(transparent)]
    Boxed(Box<ProxyError>),
    Database,
}

#[derive(HttpStatus)]
#[status(transparent)]
struct Traced(ApiError);

fn facts(status: &dyn HttpStatus) -> String {
    format!(
        "{} {} {} {:?} {:?}",
        status.code(),
        status.is_cacheable_by_default(),
        status.allows_content(),
        status.required_headers(),
        status.recommended_headers(),
    )
}

fn main() {
    for error in [
        ApiError::Proxy(ProxyError::Timeout),
        ApiError::Proxy(ProxyError::Waiting),
        ApiError::Boxed(Box::new(ProxyError::Timeout)),
        ApiError::Boxed(Box::new(ProxyError::Waiting)),
        ApiError::Database,
    ] {
        println!("{}", facts(&error));
        println!("{}", facts(&Traced(error)));
    }
}
"#;
    let fixture = fixture("transparent-facts", Some(WITH_FACTS), main);
    let timeout = r#"599 true true ["Retry-After", "Proxy-Status"] ["Via"]"#;
    let waiting = "598 false false [] []";
    let database = "500 false true [] []";
    let expected: String = [timeout, waiting, timeout, waiting, database]
        .iter()
        .map(|line| format!("{line}\n{line}\n"))
        .collect();
    assert_eq!(run(&fixture), expected);
}

/// A header name that is not an RFC 9110 token, an unknown `content` value, a header listed
/// twice and values of the wrong type: each an error at its place in the file.
#[test]
fn bad_facts_are_errors_with_file_line_and_column() {
    let codes = r#"[[status]]
code = 599
name = "BadHeader"
reason = "Bad Header"
description = "A header name with a space."
reference = "Here"
requires = ["Retry After"]

[[status]]
code = 598
name = "BadContent"
reason = "Bad Content"
description = "Content is none or absent."
reference = "Here"
content = "empty"

[[status]]
code = 597
name = "Twice"
reason = "Twice"
description = "A header listed twice."
reference = "Here"
requires = ["Link"]
recommends = ["Via", "via"]

[[status]]
code = 596
name = "WrongTypes"
reason = "Wrong Types"
description = "Values of the wrong type."
reference = "Here"
cacheable = "yes"
requires = "Upgrade"
"#;
    let fixture = fixture("local-bad-facts", Some(codes), USES_200);
    let errors = build_errors(&fixture);
    let file = codes_path(&fixture);
    for (position, message) in [
        (
            "7:13",
            "`Retry After` in `requires` is not a header name: a field name is a token of \
             letters, digits and !#$%&'*+-.^_`|~ (RFC 9110, Sections 5.1 and 5.6.2)",
        ),
        (
            "15:11",
            "unknown content `empty`; expected `none` (leave `content` out for a status that \
             may carry content)",
        ),
        ("24:22", "header `via` is listed twice in `recommends`"),
        ("32:13", "`cacheable` must be `true` or `false`"),
        ("33:12", "`requires` must be an array of header names"),
    ] {
        let expected = format!("invalid status code registry: {file}:{position}: {message}");
        assert!(
            errors.contains(&expected),
            "missing `{expected}` in:\n{errors}"
        );
    }
}
