//! Instruction counts per call, for the profile in BENCHMARKS.md:
//!
//! ```sh
//! cargo build --release -p status-benches --bin callgrind
//! valgrind --tool=callgrind --callgrind-out-file=target/callgrind.out target/release/callgrind
//! callgrind_annotate --inclusive=yes target/callgrind.out | grep 'callgrind::'
//! ```
//!
//! Each function handles `CALLS` inputs, so its inclusive count divided by a million is the
//! instructions per call, loop included. Parsing keeps each whole `Result` (through
//! `black_box`), as the criterion benchmark does.

use std::hint::black_box;
use std::str::FromStr;

use status_core::StatusCode;

const CALLS: usize = 1_000_000;

#[inline(never)]
fn ours_from_code(codes: &[u16]) -> usize {
    codes
        .iter()
        .filter_map(|&c| StatusCode::from_code(black_box(c)))
        .map(|s| s as usize)
        .sum()
}

#[inline(never)]
fn http_from_u16(codes: &[u16]) -> usize {
    codes
        .iter()
        .filter_map(|&c| http::StatusCode::from_u16(black_box(c)).ok())
        .map(|s| s.as_u16() as usize)
        .sum()
}

#[inline(never)]
fn ours_reason(statuses: &[StatusCode]) -> usize {
    statuses.iter().map(|s| black_box(*s).reason().len()).sum()
}

#[inline(never)]
fn http_reason(statuses: &[http::StatusCode]) -> usize {
    statuses
        .iter()
        .map(|s| black_box(*s).canonical_reason().map_or(0, str::len))
        .sum()
}

#[inline(never)]
fn ours_parse(texts: &[&str]) -> usize {
    for text in texts {
        let _ = black_box(StatusCode::from_str(black_box(text)));
    }
    texts.len()
}

#[inline(never)]
fn http_parse(texts: &[&str]) -> usize {
    for text in texts {
        let _ = black_box(http::StatusCode::from_str(black_box(text)));
    }
    texts.len()
}

fn main() {
    let ours: Vec<StatusCode> = (0..CALLS)
        .map(|i| StatusCode::ALL[(i * 7919) % StatusCode::ALL.len()])
        .collect();
    let codes: Vec<u16> = ours.iter().map(|s| s.code()).collect();
    let theirs: Vec<http::StatusCode> = codes
        .iter()
        .filter_map(|&c| http::StatusCode::from_u16(c).ok())
        .collect();
    let texts: Vec<String> = codes.iter().map(u16::to_string).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let total = ours_from_code(&codes)
        + http_from_u16(&codes)
        + ours_reason(&ours)
        + http_reason(&theirs)
        + ours_parse(&texts)
        + http_parse(&texts);
    println!("{total}");
}
