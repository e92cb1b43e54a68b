//! Benchmarks (none yet; criterion benches go here).

fn main() {}
