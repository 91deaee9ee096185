//! Throwaway crates and workspaces built with cargo, for the tests that need a real build (a
//! crate's own `codes.toml`, a renamed dependency, feature unification, framework versions).
//!
//! Every fixture of every test file builds in one target directory, `<target>/tmp/fixtures/
//! target`, so a test run builds status-core, status-macros and syn for fixtures once per
//! feature set, not once per test file (each file had its own directory: with every feature,
//! the macro stack was built four times). Fixtures that name status-core by path with the same
//! features share its artifacts; fixtures with other features get artifacts of their own
//! beside them, so no fixture rebuilds another's. Fixtures building at once take turns on
//! cargo's lock.
//!
//! Two rules keep one directory sound: no two fixture packages have the same name (two path
//! packages of one name, version and place in their workspaces would get one artifact name),
//! and every fixture builds with the same profile (the one [`Fixture::cargo`] sets).

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Long enough for a cold build of status-core and a framework on a busy machine, waiting for
/// another fixture's build included; a command that takes longer hangs (on a FIFO, say) and is
/// killed.
pub const TIME_LIMIT: Duration = Duration::from_secs(600);

/// The fixtures of one test file: `tmpdir` is its `env!("CARGO_TARGET_TMPDIR")`, `group` names
/// the folder its fixtures are written to.
#[derive(Clone, Copy, Debug)]
pub struct Fixtures {
    tmpdir: &'static str,
    group: &'static str,
}

impl Fixtures {
    pub const fn new(tmpdir: &'static str, group: &'static str) -> Self {
        Fixtures { tmpdir, group }
    }

    /// The target directory of every fixture.
    pub fn target(&self) -> PathBuf {
        Path::new(self.tmpdir).join("fixtures/target")
    }

    /// The directory of the fixture `name` (which need not be UTF-8).
    pub fn dir(&self, name: impl AsRef<Path>) -> PathBuf {
        Path::new(self.tmpdir)
            .join("fixtures")
            .join(self.group)
            .join(name)
    }

    /// Writes the fixture `name`: exactly these files (paths relative to its directory) and
    /// the workspace's lock file, so that it builds with the same dependency versions and
    /// resolves nothing. Whatever a previous run left there (a FIFO, say) is removed first.
    pub fn write(&self, name: impl AsRef<Path>, files: &[(&str, &str)]) -> Fixture {
        let dir = self.dir(name);
        if dir.exists() {
            fs::remove_dir_all(&dir).unwrap();
        }
        for (path, text) in files {
            write(&dir.join(path), text);
        }
        fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
        Fixture {
            dir,
            target: self.target(),
        }
    }
}

impl Fixtures {
    /// The workspace itself, as a fixture: to build its own packages (the examples) in the
    /// fixtures' target directory, with their profile, bounded in time.
    pub fn workspace(&self) -> Fixture {
        Fixture {
            dir: workspace(),
            target: self.target(),
        }
    }
}

/// A fixture written by [`Fixtures::write`].
#[derive(Clone, Debug)]
pub struct Fixture {
    dir: PathBuf,
    target: PathBuf,
}

impl Fixture {
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The shared target directory the fixture builds in.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Writes (or rewrites) one file of the fixture.
    pub fn write(&self, path: &str, text: &str) {
        write(&self.dir.join(path), text);
    }

    /// Runs `cargo <args>` in the fixture's directory, offline and without colours, and kills
    /// it, with every process it started, if it runs past [`TIME_LIMIT`].
    pub fn cargo(&self, args: &[&str]) -> Run {
        let mut command = Command::new(env!("CARGO"));
        command
            .args(["--color", "never", "--offline"])
            .args(args)
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", &self.target)
            // No debug info and no incremental caches: nobody debugs a fixture, and both cost
            // link time and disk space in every build (the same for every fixture: see above).
            .env("CARGO_PROFILE_DEV_DEBUG", "0")
            .env("CARGO_INCREMENTAL", "0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let command_line = format!("cargo {}", args.join(" "));
        run(command, command_line, TIME_LIMIT)
    }
}

/// How a command ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Success,
    /// It failed, with this exit code (none if a signal ended it).
    Failure(Option<i32>),
    /// It ran past the time limit, and was killed.
    TimedOut(Duration),
}

/// What a command printed, and how it ended.
#[derive(Clone, Debug)]
pub struct Run {
    /// The command line, for messages.
    pub command: String,
    pub exit: Exit,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn succeeded(&self) -> bool {
        self.exit == Exit::Success
    }

    /// The standard output of a command that must succeed; a failure panics with both outputs.
    pub fn expect_success(self) -> String {
        assert!(
            self.succeeded(),
            "`{}` ended with {:?}:\n{}\n{}",
            self.command,
            self.exit,
            self.stdout,
            self.stderr
        );
        self.stdout
    }

    /// The error output of a command that must fail (not time out): a build's errors.
    pub fn expect_failure(self) -> String {
        assert!(
            matches!(self.exit, Exit::Failure(_)),
            "`{}` should fail; it ended with {:?}:\n{}",
            self.command,
            self.exit,
            self.stderr
        );
        self.stderr
    }
}

/// Runs `command` (its output piped), killing its process group after `limit`.
fn run(mut command: Command, command_line: String, limit: Duration) -> Run {
    // Its own process group, so that a kill reaches what it started too: rustc, which a FIFO
    // may block, or a test binary.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().expect("cargo runs");
    let stdout = drain(child.stdout.take().unwrap());
    let stderr = drain(child.stderr.take().unwrap());
    let started = Instant::now();
    let exit = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break exit(status);
        }
        if started.elapsed() > limit {
            kill_group(child.id());
            drop(child.kill());
            drop(child.wait());
            break Exit::TimedOut(limit);
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Run {
        command: command_line,
        exit,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    }
}

fn exit(status: ExitStatus) -> Exit {
    if status.success() {
        Exit::Success
    } else {
        Exit::Failure(status.code())
    }
}

/// Everything a pipe gives until it closes, read on a thread so that a full pipe never blocks
/// the child.
fn drain(mut pipe: impl Read + Send + 'static) -> JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        drop(pipe.read_to_end(&mut bytes));
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Kills every process of the group `group` (the `kill` command: no `unsafe` signal call).
#[cfg_attr(not(unix), allow(unused_variables))]
fn kill_group(group: u32) {
    #[cfg(unix)]
    drop(
        Command::new("kill")
            .args(["-KILL", "--", &format!("-{group}")])
            .status(),
    );
}

/// The workspace's root directory.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// status-core's directory, as a TOML string (quoted) for a path dependency.
pub fn status_core_path() -> String {
    format!(
        "{:?}",
        workspace().join("status-core").display().to_string()
    )
}

/// Writes `text` to `path`, creating its directory.
pub fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_command_past_its_limit_is_killed_with_what_it_started() {
        // The shell starts `sleep` in the background and waits for it: killing the shell
        // alone would leave `sleep` running.
        let mut command = Command::new("sh");
        command
            .args(["-c", "sleep 1000 >/dev/null 2>&1 & echo $!; wait"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let run = run(command, "sh".to_owned(), Duration::from_millis(500));
        assert_eq!(run.exit, Exit::TimedOut(Duration::from_millis(500)));
        // `sleep` is gone, or a zombie that its new parent has yet to reap.
        let sleep = run.stdout.trim();
        let state = Command::new("ps")
            .args(["-o", "stat=", "-p", sleep])
            .output()
            .unwrap();
        let state = String::from_utf8(state.stdout).unwrap();
        assert!(
            state.trim().is_empty() || state.starts_with('Z'),
            "{sleep}: {state}"
        );
    }

    #[test]
    fn exits_are_told_apart() {
        let mut command = Command::new("sh");
        command
            .args(["-c", "echo out; echo err >&2; exit 3"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let run = run(command, "sh".to_owned(), TIME_LIMIT);
        assert_eq!(run.exit, Exit::Failure(Some(3)));
        assert_eq!(
            (run.stdout.as_str(), run.stderr.as_str()),
            ("out\n", "err\n")
        );
        assert_eq!(run.expect_failure(), "err\n");
    }
}
