//! Run-time benchmarks: `cargo bench -p status-benches`. Compile-time benchmarks:
//! `scripts/compile-bench`. See BENCHMARKS.md.
