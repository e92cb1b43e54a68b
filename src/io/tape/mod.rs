//! A tape: a JSON document read ahead of time, as its tokens and its strings, and a serde
//! deserialiser over it.
//!
//! `build.rs` writes the bundled graph as a tape ([`encode`] has the layout). Reading it gives
//! the same values as reading the JSON, in the same order, without the JSON's lexing (escapes,
//! numbers in decimal) and without checking UTF-8 again: every string is a slice of one `&str`,
//! which Rust checked once when the program was compiled. Issue #10 asks for `suggest` in 10 ms
//! as a whole process; `docs/PERFORMANCE.md` has the measurements.
//!
//! A tape is not user input, but the reader treats it as if it were: a tape that is cut short,
//! names a string outside its text, nests deeper than JSON files may, or has bytes left over is
//! an error, never a panic.

use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};

// The reader uses the encoder's tags; the encoder itself serves build.rs and the tests.
#[cfg_attr(not(test), allow(dead_code))]
mod encode;

#[cfg(test)]
mod tests;

use encode::{F64, FALSE, I64, MAP, NULL, SEQ, STR, TRUE, U64};

/// How deep arrays and objects may nest, as in serde_json.
const MAX_DEPTH: usize = 128;

/// Why a tape could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TapeError(String);

impl fmt::Display for TapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TapeError {}

impl de::Error for TapeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        TapeError(msg.to_string())
    }
}

/// Reads a `T` from `tape`, whose strings are in `strings`.
///
/// # Errors
/// [`TapeError`] if the tape is malformed or does not hold a `T`.
///
/// # Complexity
/// O(tape length) plus what `T`'s deserialisation does with the values.
pub fn from_tape<'de, T: de::Deserialize<'de>>(
    tape: &'de [u8],
    strings: &'de str,
) -> Result<T, TapeError> {
    let mut reader = Reader {
        tape,
        strings,
        pos: 0,
        depth: 0,
    };
    let value = T::deserialize(&mut reader)?;
    if reader.pos != tape.len() {
        return Err(TapeError(format!(
            "{} bytes left over after the value",
            tape.len() - reader.pos
        )));
    }
    Ok(value)
}

/// The deserialiser: a position on the tape.
struct Reader<'de> {
    tape: &'de [u8],
    strings: &'de str,
    pos: usize,
    depth: usize,
}

impl<'de> Reader<'de> {
    fn cut_short() -> TapeError {
        TapeError("the tape ends inside a value".to_owned())
    }

    fn peek(&self) -> Result<u8, TapeError> {
        self.tape.get(self.pos).copied().ok_or_else(Self::cut_short)
    }

    fn bytes<const N: usize>(&mut self) -> Result<[u8; N], TapeError> {
        let end = self.pos.checked_add(N).ok_or_else(Self::cut_short)?;
        let b: [u8; N] = self
            .tape
            .get(self.pos..end)
            .and_then(|s| s.try_into().ok())
            .ok_or_else(Self::cut_short)?;
        self.pos = end;
        Ok(b)
    }

    fn u32(&mut self) -> Result<usize, TapeError> {
        Ok(u32::from_le_bytes(self.bytes()?) as usize)
    }

    /// The string after a [`STR`] tag (already consumed).
    fn string(&mut self) -> Result<&'de str, TapeError> {
        let offset = self.u32()?;
        let len = self.u32()?;
        offset
            .checked_add(len)
            .and_then(|end| self.strings.get(offset..end))
            .ok_or_else(|| {
                TapeError(format!(
                    "string at {offset}, {len} bytes, is not in the strings text"
                ))
            })
    }

    /// Enters an array or object.
    fn deeper(&mut self) -> Result<(), TapeError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(TapeError(format!(
                "arrays and objects nest deeper than {MAX_DEPTH}"
            )));
        }
        Ok(())
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = TapeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TapeError> {
        let tag = self.peek()?;
        self.pos += 1;
        match tag {
            NULL => visitor.visit_unit(),
            FALSE => visitor.visit_bool(false),
            TRUE => visitor.visit_bool(true),
            U64 => visitor.visit_u64(u64::from_le_bytes(self.bytes()?)),
            I64 => visitor.visit_i64(i64::from_le_bytes(self.bytes()?)),
            F64 => visitor.visit_f64(f64::from_bits(u64::from_le_bytes(self.bytes()?))),
            STR => visitor.visit_borrowed_str(self.string()?),
            SEQ => {
                let left = self.u32()?;
                self.deeper()?;
                let value = visitor.visit_seq(Items {
                    reader: &mut *self,
                    left,
                })?;
                self.depth -= 1;
                Ok(value)
            }
            MAP => {
                let left = self.u32()?;
                self.deeper()?;
                let value = visitor.visit_map(Items {
                    reader: &mut *self,
                    left,
                })?;
                self.depth -= 1;
                Ok(value)
            }
            other => Err(TapeError(format!(
                "unknown tag {other} at byte {}",
                self.pos - 1
            ))),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, TapeError> {
        if self.peek()? == NULL {
            self.pos += 1;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, TapeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TapeError> {
        match self.peek()? {
            // A unit variant, written as its name.
            STR => {
                self.pos += 1;
                let name = self.string()?;
                visitor.visit_enum(de::value::BorrowedStrDeserializer::<TapeError>::new(name))
            }
            // `{"Variant": content}`, as serde_json writes the others.
            MAP => {
                self.pos += 1;
                if self.u32()? != 1 {
                    return Err(TapeError(
                        "an enum written as an object has exactly one key".to_owned(),
                    ));
                }
                self.deeper()?;
                let value = visitor.visit_enum(Variant { reader: &mut *self })?;
                self.depth -= 1;
                Ok(value)
            }
            _ => Err(TapeError(
                "an enum is a string or an object of one key".to_owned(),
            )),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// The items of an array, or the entries of an object, still to read.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    left: usize,
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = TapeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, TapeError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = TapeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, TapeError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        if self.reader.peek()? != STR {
            return Err(TapeError("an object's key is not a string".to_owned()));
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, TapeError> {
        seed.deserialize(&mut *self.reader)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// An enum written as `{"Variant": content}`.
struct Variant<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

impl<'a, 'de> de::EnumAccess<'de> for Variant<'a, 'de> {
    type Error = TapeError;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), TapeError> {
        if self.reader.peek()? != STR {
            return Err(TapeError("an enum's variant is not a string".to_owned()));
        }
        let variant = seed.deserialize(&mut *self.reader)?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = TapeError;

    fn unit_variant(self) -> Result<(), TapeError> {
        de::Deserialize::deserialize(&mut *self.reader)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, TapeError> {
        seed.deserialize(&mut *self.reader)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, TapeError> {
        de::Deserializer::deserialize_seq(&mut *self.reader, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TapeError> {
        de::Deserializer::deserialize_map(&mut *self.reader, visitor)
    }
}
