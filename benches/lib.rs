//! Run-time benchmarks: `cargo bench -p status-benches`. Compile-time benchmarks:
//! `scripts/compile-bench`. See BENCHMARKS.md.

use std::path::{Path, PathBuf};

/// Where criterion writes its results: `target/criterion`, or under `CARGO_TARGET_DIR`.
pub fn criterion_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"))
        .join("criterion")
}

/// The mean time, in nanoseconds, of the benchmark whose results are in `dir` (criterion's
/// `<group>/<id>[/<parameter>]`), read from its estimates.
pub fn mean(dir: &Path) -> Option<f64> {
    let text = std::fs::read_to_string(dir.join("new/estimates.json")).ok()?;
    let estimates: serde_json::Value = serde_json::from_str(&text).ok()?;
    estimates["mean"]["point_estimate"].as_f64()
}
