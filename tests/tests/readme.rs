//! The README, checked by doing what it says:
//!
//! - every Rust block is built and run in a crate of its own that depends on status-core and
//!   on nothing else but the crates an HTML comment right above the block names
//!   (`<!-- crate: status-core/axum axum thiserror -->`: status-core's features, other
//!   crates, and `codes.toml` for the README's `codes.toml` block beside the crate), so a
//!   block that reaches for a crate the reader was not told to add (`http::` in a crate with
//!   only axum) fails here as it would for the reader;
//! - every other block is TOML, shell commands, or what a program prints, never Rust left
//!   unbuilt;
//! - each `$ curl -i` listing is what the axum example sends for that request, and the log
//!   line is what it prints;
//! - the examples listen on `PORT`, and send what they say;
//! - the `cargo run` commands name examples that exist, with the features they need; the path
//!   dependency names the crate's folder; every registry field is described.
//!
//! The crates and the examples are built as fixtures (`tests/fixture.rs`): in the target
//! directory every fixture shares, bounded in time. They build axum, actix-web and utoipa, so
//! this runs with the tests of the optional features (`cargo test --workspace --all-features`,
//! which CI runs), whose fixtures build those too, not in the README's quick test command.
#![cfg(all(feature = "axum", feature = "actix-web"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, mpsc};
use std::time::Duration;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn readme() -> String {
    fs::read_to_string(workspace().join("README.md")).unwrap()
}

const FIXTURES: status_tests::fixture::Fixtures =
    status_tests::fixture::Fixtures::new(env!("CARGO_TARGET_TMPDIR"), "readme");

/// A fenced block of the README.
struct Block {
    /// The line of the opening fence, from 1.
    line: usize,
    /// The fence's info string: `rust`, `toml`, `sh` or `text`.
    info: String,
    /// The words of a `<!-- crate: ... -->` comment on the line right above the fence.
    crate_words: Option<Vec<String>>,
    text: String,
}

fn blocks(readme: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    let mut previous = "";
    for (index, line) in readme.lines().enumerate() {
        if let Some(mut block) = open.take() {
            if line == "```" {
                blocks.push(block);
            } else {
                block.text.push_str(line);
                block.text.push('\n');
                open = Some(block);
            }
        } else if let Some(info) = line.strip_prefix("```") {
            let crate_words = previous
                .strip_prefix("<!-- crate:")
                .and_then(|rest| rest.strip_suffix("-->"))
                .map(|words| words.split_whitespace().map(str::to_owned).collect());
            open = Some(Block {
                line: index + 1,
                info: info.trim().to_owned(),
                crate_words,
                text: String::new(),
            });
        } else if previous.starts_with("<!-- crate:") {
            panic!("README.md:{index}: a crate comment must sit right above a block");
        }
        previous = line;
    }
    assert!(open.is_none(), "README.md: a block is not closed");
    blocks
}

#[test]
fn every_block_is_built_or_is_not_rust() {
    let readme = readme();
    let blocks = blocks(&readme);
    assert!(blocks.iter().filter(|block| block.info == "rust").count() >= 8);
    for block in &blocks {
        assert!(
            block.crate_words.is_none() || block.info == "rust",
            "README.md:{}: only a ```rust block takes a crate comment",
            block.line
        );
        let first = block.text.lines().next().unwrap_or_default();
        let what = match block.info.as_str() {
            "rust" | "toml" | "sh" => continue,
            "text" if first.starts_with("$ curl -i ") => "a curl listing",
            "text" if first.starts_with(CLIENT_COMMAND) => "the client example's output",
            "text" if first.starts_with("error") || first.starts_with("warning") => {
                "compiler output"
            }
            "text" if log_line(first).is_some() => "a log line",
            _ => "",
        };
        assert!(
            !what.is_empty(),
            "README.md:{}: a ```{} block that is neither Rust (built by this test), TOML, shell \
             commands, a curl listing, compiler output nor a log line:\n{}",
            block.line,
            block.info,
            block.text
        );
    }
}

/// The dependency line of each crate a block may name: the versions and features of the
/// examples' own, so that the crates share one build of each.
const CRATES: [(&str, &str); 9] = [
    (
        "axum",
        r#"axum = { version = "0.8", default-features = false, features = ["tokio", "http1", "json"] }"#,
    ),
    (
        "actix-web",
        r#"actix-web = { version = "4", default-features = false, features = ["macros"] }"#,
    ),
    ("http", r#"http = "1""#),
    (
        "serde",
        r#"serde = { version = "1", features = ["derive"] }"#,
    ),
    ("serde_json", r#"serde_json = "1""#),
    ("thiserror", r#"thiserror = "2""#),
    ("utoipa", r#"utoipa = "5""#),
    (
        "reqwest",
        r#"reqwest = { version = "0.13", default-features = false }"#,
    ),
    (
        "tokio",
        r#"tokio = { version = "1", features = ["rt-multi-thread", "net", "macros"] }"#,
    ),
];

/// The crate of the blocks with the same crate comment.
#[derive(Default)]
struct Fixture {
    features: BTreeSet<String>,
    dependencies: BTreeSet<&'static str>,
    codes: Option<String>,
    /// The README line and text of each block.
    blocks: Vec<(usize, String)>,
}

#[test]
fn rust_blocks_build_and_run_with_only_the_crates_they_name() {
    let readme = readme();
    let mut fixtures: BTreeMap<String, Fixture> = BTreeMap::new();
    let mut codes: Option<&str> = None;
    let blocks = blocks(&readme);
    for block in &blocks {
        if block.info == "toml" && block.text.contains("[[status]]") {
            codes = Some(&block.text);
        }
        if block.info != "rust" {
            continue;
        }
        let words = block.crate_words.clone().unwrap_or_default();
        let key = if words.is_empty() {
            "plain".to_owned()
        } else {
            words.join("-").replace(['/', '.'], "-")
        };
        let fixture = fixtures.entry(key).or_default();
        for word in &words {
            if let Some(feature) = word.strip_prefix("status-core/") {
                fixture.features.insert(feature.to_owned());
            } else if word == "codes.toml" {
                let codes = codes.unwrap_or_else(|| {
                    panic!("README.md:{}: no ```toml block of codes above", block.line)
                });
                fixture.codes = Some(codes.to_owned());
            } else {
                let (_, line) = CRATES
                    .iter()
                    .find(|(name, _)| name == word)
                    .unwrap_or_else(|| {
                        panic!(
                            "README.md:{}: unknown crate `{word}` in the crate comment",
                            block.line
                        )
                    });
                fixture.dependencies.insert(line);
            }
        }
        fixture.blocks.push((block.line, block.text.clone()));
    }
    assert!(fixtures.contains_key("plain") && fixtures.len() >= 5);
    for (name, fixture) in &fixtures {
        let crate_fixture = write_fixture(name, fixture);
        let run = crate_fixture.cargo(&["run", "--quiet"]);
        let lines: Vec<String> = fixture
            .blocks
            .iter()
            .map(|(line, _)| line.to_string())
            .collect();
        assert!(
            run.succeeded(),
            "the README's Rust blocks at lines {} (crate `{name}`, {}) fail ({:?}):\n{}\n{}",
            lines.join(", "),
            crate_fixture.dir().display(),
            run.exit,
            run.stdout,
            run.stderr,
        );
    }
}

/// Writes the crate `readme-NAME`: each block the body of a function of its own, as rustdoc
/// runs a doctest, and `main` calling each.
fn write_fixture(name: &str, fixture: &Fixture) -> status_tests::fixture::Fixture {
    let status_core = workspace().join("status-core");
    let features: Vec<String> = fixture.features.iter().map(|f| format!("{f:?}")).collect();
    let mut manifest = format!(
        "[package]\nname = \"readme-{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
         publish = false\n\n[dependencies]\nstatus-core = {{ path = {:?}, features = [{}] }}\n",
        status_core.display().to_string(),
        features.join(", "),
    );
    for line in &fixture.dependencies {
        manifest.push_str(line);
        manifest.push('\n');
    }
    manifest.push_str("\n[workspace]\n");
    let mut main = String::from("#![allow(dead_code, unused_imports, unexpected_cfgs)]\n\n");
    let mut calls = String::new();
    for (line, text) in &fixture.blocks {
        main.push_str(&format!(
            "// README.md line {line}\nfn line_{line}() {{\n{text}}}\n\n"
        ));
        calls.push_str(&format!("    line_{line}();\n"));
    }
    main.push_str(&format!("fn main() {{\n{calls}}}\n"));
    let mut files = vec![
        ("Cargo.toml", manifest.as_str()),
        ("src/main.rs", main.as_str()),
    ];
    if let Some(codes) = &fixture.codes {
        files.push(("codes.toml", codes));
    }
    FIXTURES.write(format!("readme-{name}"), &files)
}

/// Builds the examples once per test binary (axum's and actix-web's), and gives the path of
/// `name`'s program.
fn example(name: &str) -> PathBuf {
    static BUILT: Mutex<bool> = Mutex::new(false);
    let mut built = BUILT.lock().unwrap();
    if !*built {
        let args = [
            "build",
            "--quiet",
            "-p",
            "status-examples",
            "--examples",
            "--features",
            "axum,actix-web,client",
        ];
        FIXTURES.workspace().cargo(&args).expect_success();
        *built = true;
    }
    FIXTURES.target().join("debug/examples").join(name)
}

/// An example's server, listening; stopped when dropped.
struct Server {
    child: Child,
    base: String,
    /// The lines of its standard output, as it prints them.
    lines: mpsc::Receiver<String>,
    /// Every line received so far.
    seen: Vec<String>,
}

/// What the examples print when they listen: `Listening on http://127.0.0.1:PORT. Try:`.
fn listening_on(line: &str) -> Option<&str> {
    line.strip_prefix("Listening on ")?.strip_suffix(". Try:")
}

/// Runs the example `name` with `PORT=0`, and waits until it listens.
fn serve(name: &str) -> Server {
    let mut child = Command::new(example(name))
        .env("PORT", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    let mut server = Server {
        child,
        base: String::new(),
        lines,
        seen: Vec::new(),
    };
    let first = server
        .next_line()
        .expect("the example prints where it listens");
    server.base = listening_on(&first)
        .unwrap_or_else(|| panic!("the example's first line: {first:?}"))
        .to_owned();
    server
}

impl Server {
    /// The next line the server prints; `None` if it prints none for 30 seconds (a bound on a
    /// broken example, not a timing the test relies on).
    fn next_line(&mut self) -> Option<String> {
        let line = self.lines.recv_timeout(Duration::from_secs(30)).ok()?;
        self.seen.push(line.clone());
        Some(line)
    }

    /// The first line printed (from the start) that `matches`.
    fn line_where(&mut self, matches: impl Fn(&str) -> bool) -> Option<String> {
        if let Some(line) = self.seen.iter().find(|line| matches(line)) {
            return Some(line.clone());
        }
        while let Some(line) = self.next_line() {
            if matches(&line) {
                return Some(line);
            }
        }
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        drop(self.child.kill());
        drop(self.child.wait());
    }
}

/// The response to `GET path` as `curl -i` shows it, but for the `date` line: the status
/// line, the header lines in the order sent, a blank line and the body.
fn curl(base: &str, path: &str) -> String {
    let address = base.strip_prefix("http://").unwrap();
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nUser-Agent: curl/8\r\nAccept: */*\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let mut shown = String::new();
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            break;
        }
        let name = line.split(':').next().unwrap().to_ascii_lowercase();
        if name == "content-length" {
            length = line[15..].trim().parse().unwrap();
        }
        if name != "date" {
            shown.push_str(line);
            shown.push('\n');
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    shown.push('\n');
    shown.push_str(&String::from_utf8(body).unwrap());
    shown
}

/// Each `$ curl -i URL` of the README's listings: the path asked, and what it shows.
fn listings(readme: &str) -> Vec<(String, String)> {
    let mut listings: Vec<(String, String)> = Vec::new();
    for block in blocks(readme).iter().filter(|block| block.info == "text") {
        let mut in_block = Vec::new();
        for line in block.text.lines() {
            if let Some(url) = line.strip_prefix("$ curl -i ") {
                let path = url
                    .trim_start_matches("http://")
                    .trim_start_matches(|c| c != '/');
                in_block.push((path.to_owned(), String::new()));
            } else if let Some((_, shown)) = in_block.last_mut() {
                shown.push_str(line);
                shown.push('\n');
            }
        }
        listings.extend(in_block);
    }
    // A blank line separates one listing from the next.
    for (_, shown) in &mut listings {
        *shown = shown.trim_end().to_owned();
    }
    listings
}

/// A line of tracing-subscriber's format without colours: what follows the timestamp
/// (`2026-12-05T13:20:49.474201Z ERROR target: message fields`).
fn log_line(line: &str) -> Option<&str> {
    let (time, rest) = line.split_once(' ')?;
    // The level is padded to five characters: ` WARN`.
    let rest = rest.trim_start();
    let level = ["ERROR ", "WARN ", "INFO "]
        .iter()
        .any(|level| rest.starts_with(level));
    (time.ends_with('Z') && time.contains('T') && level).then_some(rest)
}

#[test]
fn curl_listings_are_what_the_axum_example_sends() {
    let readme = readme();
    let listings = listings(&readme);
    assert!(
        listings.len() >= 4,
        "the README shows {} curl listings",
        listings.len()
    );
    let server = serve("axum_errors");
    for (path, shown) in &listings {
        assert_eq!(
            &curl(&server.base, path),
            shown,
            "README: `curl -i` of {path}"
        );
    }
}

/// Each group of listings is of the error type declared right above it: the README's
/// declaration is the example's, line for line (the example may add lines between, its doc
/// comments, say; the imports may differ).
#[test]
fn the_declarations_above_the_listings_are_the_axum_examples() {
    let readme = readme();
    let blocks = blocks(&readme);
    let listings: Vec<usize> = (blocks.iter().enumerate())
        .filter(|(_, block)| block.text.starts_with("$ curl -i "))
        .map(|(index, _)| index)
        .collect();
    assert_eq!(listings.len(), 3, "three groups of curl listings");
    // The users API's errors are in a module of their own, shared with the client example.
    let read = |file: &str| fs::read_to_string(workspace().join("examples").join(file)).unwrap();
    let example = read("api_error.rs") + &read("axum_errors.rs");
    for listing in listings {
        let declaration = blocks[..listing]
            .iter()
            .rev()
            .find(|block| block.info == "rust")
            .expect("a Rust block above the listings");
        let mut lines = example.lines();
        for line in declaration.text.lines() {
            if line.trim().is_empty() || line.starts_with("use ") {
                continue;
            }
            assert!(
                lines.any(|example_line| example_line == line),
                "README.md:{}: this line is not in examples/api_error.rs + axum_errors.rs, in order: \
                 {line:?}",
                declaration.line
            );
        }
    }
}

#[test]
fn the_log_lines_are_what_the_axum_example_prints() {
    let readme = readme();
    let shown: Vec<&str> = readme.lines().filter_map(log_line).collect();
    // Each line, and the request whose response logs it.
    let requests = [("ERROR", "/errors/500"), ("WARN", "/orders/429")];
    assert_eq!(
        shown.len(),
        requests.len(),
        "the README's log lines: {shown:?}"
    );
    for (shown, (level, path)) in shown.iter().zip(requests) {
        assert!(
            shown.starts_with(&format!("{level} status_core::problem: ")),
            "{shown}"
        );
        let mut server = serve("axum_errors");
        curl(&server.base, path);
        let printed = server
            .line_where(|line| line.contains(level))
            .unwrap_or_else(|| panic!("the example logs {path}"));
        assert_eq!(log_line(&printed), Some(*shown), "printed: {printed:?}");
    }
}

#[test]
fn the_axum_example_writes_colours_only_to_a_terminal() {
    let mut server = serve("axum_errors");
    assert!(server.base.starts_with("http://127.0.0.1:"));
    curl(&server.base, "/errors/500");
    let logged = server.line_where(|line| line.contains("ERROR"));
    let logged = logged.expect("the example logs the hidden 500");
    assert!(
        !logged.contains('\u{1b}'),
        "ANSI escapes in a pipe: {logged:?}"
    );
}

#[test]
fn the_actix_web_example_listens_on_port_and_sends_retry_after() {
    let server = serve("actix_errors");
    let port = server.base.rsplit(':').next().unwrap();
    assert!(port != "3000" && port != "0", "PORT=0 gave {}", server.base);
    let answer = curl(&server.base, "/users/429");
    assert!(
        answer.starts_with("HTTP/1.1 429 Too Many Requests\n"),
        "{answer}"
    );
    assert!(answer.contains("\nretry-after: 30\n"), "{answer}");
    assert!(
        answer.contains(r#""detail":"too many requests: retry in 30s""#),
        "{answer}"
    );
}

#[test]
fn cargo_run_commands_name_examples_with_their_features() {
    let manifest = fs::read_to_string(workspace().join("examples/Cargo.toml")).unwrap();
    let manifest: toml::Table = manifest.parse().unwrap();
    let examples = manifest["example"].as_array().unwrap();
    let readme = readme();
    let mut commands = 0;
    for (index, line) in readme.lines().enumerate() {
        for command in line.split("cargo run").skip(1) {
            let command = command.split(['`', '#', ')']).next().unwrap();
            let words: Vec<&str> = command.split_whitespace().collect();
            let after = |flag: &str| {
                let at = words.iter().position(|word| *word == flag)?;
                words.get(at + 1).copied()
            };
            let Some(name) = after("--example") else {
                continue;
            };
            commands += 1;
            let features: Vec<&str> = after("--features").unwrap_or("").split(',').collect();
            let example = examples
                .iter()
                .find(|example| example["name"].as_str() == Some(name));
            let example =
                example.unwrap_or_else(|| panic!("README.md:{}: no example `{name}`", index + 1));
            for needed in example
                .get("required-features")
                .and_then(|f| f.as_array())
                .into_iter()
                .flatten()
            {
                let needed = needed.as_str().unwrap();
                assert!(
                    features.contains(&needed),
                    "README.md:{}: `{name}` needs the feature `{needed}`",
                    index + 1
                );
            }
        }
    }
    assert!(commands >= 5, "{commands} commands");
}

#[test]
fn the_path_dependency_names_the_crate_folder_of_a_clone() {
    let readme = readme();
    let blocks = blocks(&readme);
    let dependency = blocks
        .iter()
        .filter(|block| block.info == "toml")
        .find_map(|block| {
            block
                .text
                .lines()
                .find(|line| line.starts_with("status-core = { path = "))
        })
        .expect("a path dependency on status-core");
    let path = dependency.split('"').nth(1).unwrap();
    let path = Path::new(path);
    // The crate is the folder `status-core` of the repository, not the repository's root.
    assert_eq!(path.file_name().unwrap(), "status-core");
    assert!(workspace().join("status-core/Cargo.toml").is_file());
    let manifest: toml::Table = fs::read_to_string(workspace().join("Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let repository = manifest["workspace"]["package"]["repository"]
        .as_str()
        .unwrap();
    let clone = repository.rsplit('/').next().unwrap();
    assert_eq!(
        path.parent().and_then(Path::file_name).unwrap(),
        clone,
        "the path goes through the clone of {repository}"
    );
}

#[test]
fn every_registry_field_is_described_under_your_own_codes() {
    let readme = readme();
    let start = readme.find("## Your own codes").unwrap();
    let end = start + readme[start + 3..].find("\n## ").unwrap();
    let section = &readme[start..end];
    let codes: toml::Table = fs::read_to_string(workspace().join("codes.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let mut fields = BTreeSet::new();
    for entry in codes["status"].as_array().unwrap() {
        fields.extend(entry.as_table().unwrap().keys().cloned());
    }
    assert!(fields.len() >= 12, "{fields:?}");
    for field in &fields {
        assert!(
            section.contains(&format!("`{field}")),
            "`{field}` is not described"
        );
    }
}

/// The command above the client example's output in the README.
const CLIENT_COMMAND: &str = "$ cargo run -p status-examples --example client --features client";

/// The README's listing of the client example is what it prints against the axum example.
#[test]
fn the_client_example_decodes_what_the_axum_example_sends() {
    let readme = readme();
    let blocks = blocks(&readme);
    let listing = blocks
        .iter()
        .find(|block| block.text.starts_with(CLIENT_COMMAND))
        .expect("the README shows the client example's output");
    let shown: Vec<&str> = listing.text.lines().skip(1).collect();
    let server = serve("axum_errors");
    let output = Command::new(example("client"))
        .env("BASE", &server.base)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = String::from_utf8(output.stdout).unwrap();
    assert_eq!(printed.lines().collect::<Vec<_>>(), shown);
}
