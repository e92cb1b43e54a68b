//! JSON text as leverage writes it: serde_json's, except that a negative zero is written `0`
//! (`-0.0` means nothing to a reader of scores and breaks naive comparisons). Every JSON the
//! program writes goes through here: command results, the native graph format and the JSON
//! exports.

use std::io::Write;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// A formatter that writes `-0.0` as `0.0` and leaves everything else to `F`.
struct PlainZero<F>(F);

/// `x`, with a negative zero made positive.
fn plain_zero(x: f64) -> f64 {
    if x == 0.0 {
        0.0
    } else {
        x
    }
}

impl<F: Formatter> Formatter for PlainZero<F> {
    fn write_f64<W: ?Sized + Write>(&mut self, w: &mut W, value: f64) -> std::io::Result<()> {
        self.0.write_f64(w, plain_zero(value))
    }
    fn write_f32<W: ?Sized + Write>(&mut self, w: &mut W, value: f32) -> std::io::Result<()> {
        self.0.write_f32(w, if value == 0.0 { 0.0 } else { value })
    }
    // Everything PrettyFormatter does differently from the defaults, passed on.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Writes `value` as pretty JSON (two-space indent, as `serde_json::to_writer_pretty`), negative
/// zeros as `0.0`.
///
/// # Errors
/// The writer's I/O errors, or a value serde cannot serialise (a map with non-string keys).
pub fn to_writer_pretty<W: Write, T: Serialize + ?Sized>(out: W, value: &T) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, PlainZero(PrettyFormatter::new()));
    value.serialize(&mut ser).map_err(std::io::Error::other)
}

/// `value` as pretty JSON text, negative zeros as `0.0`.
///
/// # Errors
/// A value serde cannot serialise (a map with non-string keys).
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut buf = Vec::new();
    let mut ser =
        serde_json::Serializer::with_formatter(&mut buf, PlainZero(PrettyFormatter::new()));
    value.serialize(&mut ser)?;
    // serde_json writes UTF-8 only.
    Ok(String::from_utf8_lossy(&buf).into_owned())
}

/// A JSON value as compact text (as `Value::to_string`), negative zeros as `0.0`.
pub fn compact(value: &serde_json::Value) -> String {
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, PlainZero(CompactFormatter));
    // A `Value` always serialises (its map keys are strings), and into memory.
    if value.serialize(&mut ser).is_err() {
        return value.to_string();
    }
    String::from_utf8_lossy(&buf).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    // See: #16
    #[test]
    fn negative_zero_is_zero_and_the_rest_as_serde_json() {
        let v = serde_json::json!({"a": -0.0, "b": [-0.0, -1.5, 0.25, 3], "c": {"d": null}});
        assert_eq!(
            compact(&v),
            r#"{"a":0.0,"b":[0.0,-1.5,0.25,3],"c":{"d":null}}"#
        );
        let plain = serde_json::json!({"a": 0.0, "b": [0.0, -1.5, 0.25, 3], "c": {"d": null}});
        assert_eq!(
            to_string_pretty(&v).unwrap(),                 // ok: test
            serde_json::to_string_pretty(&plain).unwrap()  // ok: test
        );
        let mut out = Vec::new();
        to_writer_pretty(&mut out, &-0.0_f64).unwrap(); // ok: test
        assert_eq!(out, b"0.0");
        assert_eq!(compact(&serde_json::json!(-0.0_f32)), "0.0");
    }
}
