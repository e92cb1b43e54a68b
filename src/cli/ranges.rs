//! Numeric arguments: each has a documented range, checked when the command line is parsed (a
//! value outside it, NaN or infinity is a usage error, exit 2), so that no analysis runs on a
//! number it cannot use.

use leverage::io::validate::{MAX_ACTORS, MAX_TIES};

/// The most iterations an iterative measure may be given (`--max-iter`).
pub const MAX_ITER: u64 = 10_000_000;

/// A finite number; `what` describes the range in the message.
fn finite(s: &str, ok: impl Fn(f64) -> bool, what: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if x.is_finite() && ok(x) => Ok(x),
        Ok(x) if !x.is_finite() => Err(format!("`{s}` is not a finite number; {what}")),
        Ok(_) => Err(format!("`{s}` is out of range; {what}")),
        Err(_) => Err(format!("`{s}` is not a number; {what}")),
    }
}

/// A whole number in `lo..=hi`; `what` describes the range in the message.
fn whole(s: &str, lo: u64, hi: u64, what: &str) -> Result<usize, String> {
    match s.trim().parse::<u64>() {
        Ok(x) if (lo..=hi).contains(&x) => usize::try_from(x).map_err(|_| what.to_owned()),
        Ok(_) => Err(format!("`{s}` is out of range; {what}")),
        Err(_) => Err(format!("`{s}` is not a whole number; {what}")),
    }
}

/// `--tolerance`: a finite number in (0, 1].
pub fn tolerance(s: &str) -> Result<f64, String> {
    finite(
        s,
        |x| x > 0.0 && x <= 1.0,
        "the tolerance is a number above 0 and at most 1, e.g. `1e-9`",
    )
}

/// `--alpha`: a finite number above 0 (the library checks it against 1/lambda_max).
pub fn alpha(s: &str) -> Result<f64, String> {
    finite(
        s,
        |x| x > 0.0,
        "the attenuation is a number above 0 (and below 1/lambda_max), e.g. `0.1`",
    )
}

/// `--max-iter`: 1 to [`MAX_ITER`].
pub fn max_iter(s: &str) -> Result<usize, String> {
    whole(
        s,
        1,
        MAX_ITER,
        "the iteration cap is a whole number from 1 to 10,000,000",
    )
}

/// `--top` and `--highlight`: 0 (all, or none for `--highlight`) to the reader's actor limit.
pub fn count_of_actors(s: &str) -> Result<usize, String> {
    whole(
        s,
        0,
        MAX_ACTORS as u64,
        "give a whole number from 0 to 500,000 (the most actors a graph holds)",
    )
}

/// `--max-ties`: 0 to the reader's tie limit.
pub fn count_of_ties(s: &str) -> Result<usize, String> {
    whole(
        s,
        0,
        MAX_TIES as u64,
        "give a whole number from 0 to 5,000,000 (the most ties a graph holds)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // See: #16
    #[test]
    fn nan_infinity_and_out_of_range_are_refused() {
        for bad in [
            "NaN", "nan", "inf", "-inf", "infinity", "0", "-1e-9", "1.5", "x", "",
        ] {
            assert!(tolerance(bad).is_err(), "{bad}");
        }
        assert_eq!(tolerance("1e-12"), Ok(1e-12));
        assert_eq!(tolerance("1"), Ok(1.0));
        for bad in ["NaN", "inf", "0", "-0.1"] {
            assert!(alpha(bad).is_err(), "{bad}");
        }
        assert_eq!(alpha("0.25"), Ok(0.25));
        for bad in ["0", "-1", "10000001", "1.5", "18446744073709551616"] {
            assert!(max_iter(bad).is_err(), "{bad}");
        }
        assert_eq!(max_iter("10000000"), Ok(10_000_000));
        assert!(count_of_actors("500001").is_err());
        assert_eq!(count_of_actors("0"), Ok(0));
        assert!(count_of_ties("18446744073709551615").is_err());
        assert_eq!(count_of_ties("5000000"), Ok(5_000_000));
    }
}
