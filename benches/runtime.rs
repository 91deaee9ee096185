//! Run-time benchmarks against the `http` crate, on the same randomized inputs, in one run:
//! `cargo bench -p status-benches`. Prints the ratios ours/theirs at the end.

use std::cell::RefCell;
use std::fmt::{Display, Write as _};
use std::hint::black_box;
use std::path::Path;
use std::str::FromStr;

use criterion::{BenchmarkId, Criterion};
use status_core::{HttpStatus, StatusCode, status_enum};

status_enum! {
    /// Ten statuses, as an API would list them.
    pub enum ApiStatus {
        Ok, Created, NoContent, BadRequest, Unauthorized, Forbidden, NotFound, Conflict,
        TooManyRequests, InternalServerError,
    }
}

/// A derived error type, and the hand-written mapping a user would otherwise write.
#[derive(Clone, Copy, HttpStatus)]
pub enum ApiError {
    #[status(400)]
    Invalid,
    #[status(404)]
    Missing,
    #[status(409)]
    Conflict,
    #[status(429)]
    Slow,
    #[status(500)]
    Internal,
}

impl ApiError {
    const ALL: [ApiError; 5] = [
        Self::Invalid,
        Self::Missing,
        Self::Conflict,
        Self::Slow,
        Self::Internal,
    ];

    fn by_hand(self) -> http::StatusCode {
        match self {
            Self::Invalid => http::StatusCode::BAD_REQUEST,
            Self::Missing => http::StatusCode::NOT_FOUND,
            Self::Conflict => http::StatusCode::CONFLICT,
            Self::Slow => http::StatusCode::TOO_MANY_REQUESTS,
            Self::Internal => http::StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

const INPUTS: usize = 1024;

/// Deterministic pseudo-random picks (xorshift), the same for both libraries.
fn picks<T: Copy>(from: &[T]) -> Vec<T> {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    (0..INPUTS)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            from[(state % from.len() as u64) as usize]
        })
        .collect()
}

fn group<A, B>(c: &mut Criterion, name: &str, ours: A, theirs: B)
where
    A: Fn() -> usize,
    B: Fn() -> usize,
{
    let mut group = c.benchmark_group(name);
    group.bench_function(BenchmarkId::new("ours", INPUTS), |b| b.iter(&ours));
    group.bench_function(BenchmarkId::new("http", INPUTS), |b| b.iter(&theirs));
    group.finish();
}

/// Two named sides of one group, for a comparison with something other than `http`.
fn group_against<A, B>(c: &mut Criterion, name: &str, ours: (&str, A), other: (&str, B))
where
    A: Fn() -> usize,
    B: Fn() -> usize,
{
    let mut group = c.benchmark_group(name);
    group.bench_function(BenchmarkId::new(ours.0, INPUTS), |b| b.iter(&ours.1));
    group.bench_function(BenchmarkId::new(other.0, INPUTS), |b| b.iter(&other.1));
    group.finish();
}

/// `http::StatusCode::from_u16` over every code: the other side of each code-to-status group.
fn http_from_codes(codes: &[u16]) -> usize {
    codes
        .iter()
        .filter_map(|&c| http::StatusCode::from_u16(black_box(c)).ok())
        .map(|s| s.as_u16() as usize)
        .sum()
}

/// `Display` of every item into one reused `String`.
fn display_all<T: Display>(items: &[T], line: &RefCell<String>) -> usize {
    let mut line = line.borrow_mut();
    items
        .iter()
        .map(|item| {
            line.clear();
            let _ = write!(line, "{}", black_box(item));
            line.len()
        })
        .sum()
}

/// `FromStr` of every text, each whole `Result` kept through `black_box`.
fn parse_all<T: FromStr>(texts: &[String]) -> usize {
    for text in texts {
        let _ = black_box(T::from_str(black_box(text)));
    }
    texts.len()
}

/// One status type of ours against `http::StatusCode` on the same codes: code to status,
/// reason, `Display` and parsing, in groups named `{prefix}code_to_status` and so on.
fn compare<S, F>(c: &mut Criterion, prefix: &str, all: &[S], from_code: F)
where
    S: Copy + Display + FromStr + HttpStatus,
    // Generic, not a `fn` pointer: the call must inline as it would in user code.
    F: Fn(u16) -> Option<S>,
{
    let codes: Vec<u16> = picks(&all.iter().map(|s| s.code()).collect::<Vec<_>>());
    let ours: Vec<S> = codes.iter().filter_map(|&c| from_code(c)).collect();
    let theirs: Vec<http::StatusCode> = codes
        .iter()
        .filter_map(|&c| http::StatusCode::from_u16(c).ok())
        .collect();
    let texts: Vec<String> = codes.iter().map(u16::to_string).collect();
    let line = RefCell::new(String::with_capacity(64));

    group(
        c,
        &format!("{prefix}code_to_status"),
        || {
            codes
                .iter()
                .filter_map(|&c| from_code(black_box(c)))
                .map(|s| s.code() as usize)
                .sum()
        },
        || http_from_codes(&codes),
    );
    group(
        c,
        &format!("{prefix}reason"),
        || ours.iter().map(|s| black_box(*s).reason().len()).sum(),
        || {
            theirs
                .iter()
                .map(|s| black_box(*s).canonical_reason().map_or(0, str::len))
                .sum()
        },
    );
    group(
        c,
        &format!("{prefix}display"),
        || display_all(&ours, &line),
        || display_all(&theirs, &line),
    );
    // Each whole `Result` goes through `black_box`, as a caller that keeps it would: its size
    // and how it is returned count, not only the `Ok` path.
    group(
        c,
        &format!("{prefix}parse"),
        || parse_all::<S>(&texts),
        || parse_all::<http::StatusCode>(&texts),
    );
}

fn benches(c: &mut Criterion) {
    compare(c, "", StatusCode::ALL, StatusCode::from_code);

    // `TryFrom<u16>`, and the loop's floor: `code()` is the discriminant, `as_u16()` a field.
    let codes: Vec<u16> = picks(&StatusCode::ALL.iter().map(|s| s.code()).collect::<Vec<_>>());
    let ours: Vec<StatusCode> = codes
        .iter()
        .filter_map(|&c| StatusCode::from_code(c))
        .collect();
    let theirs: Vec<http::StatusCode> = codes
        .iter()
        .filter_map(|&c| http::StatusCode::from_u16(c).ok())
        .collect();
    group(
        c,
        "code_to_status_try_from",
        || {
            codes
                .iter()
                .filter_map(|&c| StatusCode::try_from(black_box(c)).ok())
                .map(|s| s as usize)
                .sum()
        },
        || http_from_codes(&codes),
    );
    group(
        c,
        "code",
        || ours.iter().map(|s| black_box(*s).code() as usize).sum(),
        || theirs.iter().map(|s| black_box(*s).as_u16() as usize).sum(),
    );

    // What the registry says, against the same loop's floor (`code()`, a register move):
    // each is one load from a table by code.
    group_against(
        c,
        "cacheable",
        ("ours", || {
            ours.iter()
                .filter(|s| black_box(**s).is_cacheable_by_default())
                .count()
        }),
        ("floor", || {
            ours.iter().map(|s| black_box(*s).code() as usize).sum()
        }),
    );
    group_against(
        c,
        "required_headers",
        ("ours", || {
            ours.iter()
                .map(|s| black_box(*s).required_headers().len())
                .sum()
        }),
        ("floor", || {
            ours.iter().map(|s| black_box(*s).code() as usize).sum()
        }),
    );

    // The floor of `Display`: `write!` of a precomputed `&str`, all `core::fmt` costs and no
    // lookup; ours cannot go below it.
    let lines: Vec<String> = ours.iter().map(ToString::to_string).collect();
    let line = RefCell::new(String::with_capacity(64));
    group(
        c,
        "display_floor",
        || display_all(&lines, &line),
        || display_all(&theirs, &line),
    );

    compare(c, "subset_", ApiStatus::ALL, ApiStatus::from_code);

    // A derived error: its status and reason, against a hand-written match into `http`.
    let errors: Vec<ApiError> = picks(&ApiError::ALL);
    group(
        c,
        "derived_status_and_reason",
        || {
            errors
                .iter()
                .map(|e| black_box(*e).code() as usize + e.reason().len())
                .sum()
        },
        || {
            errors
                .iter()
                .map(|e| {
                    let status = black_box(*e).by_hand();
                    status.as_u16() as usize + status.canonical_reason().map_or(0, str::len)
                })
                .sum()
        },
    );
}

/// The mean time of one benchmark, read from criterion's estimates.
fn mean(dir: &Path, group: &str, id: &str) -> Option<f64> {
    status_benches::mean(&dir.join(group).join(id).join(INPUTS.to_string()))
}

fn main() {
    let output = status_benches::criterion_dir();
    let mut criterion = Criterion::default()
        .output_directory(&output)
        .configure_from_args();
    benches(&mut criterion);
    criterion.final_summary();

    // Against `http`, or (`floor`) against `code()` over the same statuses.
    let targets = [
        ("code_to_status", Some(1.5)),
        ("code_to_status_try_from", Some(1.5)),
        ("code", None),
        ("reason", Some(0.2)),
        ("display", Some(0.3)),
        ("display_floor", None),
        ("parse", Some(1.0)),
        ("subset_code_to_status", Some(1.5)),
        ("subset_reason", Some(0.2)),
        ("subset_display", Some(0.3)),
        ("subset_parse", Some(1.0)),
        ("derived_status_and_reason", None),
        ("cacheable", None),
        ("required_headers", None),
    ];
    println!(
        "\n{:<28} {:>12} {:>12} {:>8} {:>8}",
        "per 1024 inputs", "ours (ns)", "http|floor", "ratio", "target"
    );
    for (group, target) in targets {
        let theirs = mean(&output, group, "http").or_else(|| mean(&output, group, "floor"));
        let (Some(ours), Some(theirs)) = (mean(&output, group, "ours"), theirs) else {
            continue;
        };
        let ratio = ours / theirs;
        let target = target.map_or("-".to_owned(), |t: f64| {
            format!("{}{t}", if ratio <= t { "<=" } else { "MISS " })
        });
        println!("{group:<28} {ours:>12.0} {theirs:>12.0} {ratio:>8.3} {target:>8}");
    }
}
