//! Benchmarks (placeholder until criterion benches land).

fn main() {}
