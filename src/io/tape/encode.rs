//! Writing a tape: a JSON value's tokens, with its strings apart in one text.
//!
//! `build.rs` includes this file (`#[path]`) to write the bundled graph's tape, and the reader's
//! tests use it to make theirs, so that both sides agree on one layout. It needs nothing but
//! `std` and `serde_json`.
//!
//! The layout, every integer little-endian:
//!
//! | tag | token | followed by |
//! |---|---|---|
//! | 0 | null | |
//! | 1 | false | |
//! | 2 | true | |
//! | 3 | unsigned integer | `u64` |
//! | 4 | negative integer | `i64` |
//! | 5 | other number | `f64` bits |
//! | 6 | string | `u32` offset and `u32` length in the strings text |
//! | 7 | array | `u32` count, then that many values |
//! | 8 | object | `u32` count, then that many (string, value) pairs, in order |
//!
//! Each distinct string is stored once in the strings text.

use std::collections::HashMap;

/// Tag of `null`.
pub const NULL: u8 = 0;
/// Tag of `false`.
pub const FALSE: u8 = 1;
/// Tag of `true`.
pub const TRUE: u8 = 2;
/// Tag of an unsigned integer.
pub const U64: u8 = 3;
/// Tag of a negative integer.
pub const I64: u8 = 4;
/// Tag of any other number.
pub const F64: u8 = 5;
/// Tag of a string.
pub const STR: u8 = 6;
/// Tag of an array.
pub const SEQ: u8 = 7;
/// Tag of an object.
pub const MAP: u8 = 8;

/// A tape and its strings.
#[derive(Debug, Default)]
pub struct Written {
    /// The tokens.
    pub tape: Vec<u8>,
    /// Every distinct string, one after the other.
    pub strings: String,
    /// Where each string already stored starts.
    at: HashMap<String, u32>,
}

/// The tape of `value`; `None` if the strings exceed 4 GiB or a container holds more than
/// `u32::MAX` items.
///
/// # Complexity
/// O(size of `value`) expected time.
pub fn encode(value: &serde_json::Value) -> Option<Written> {
    let mut w = Written::default();
    w.value(value)?;
    Some(w)
}

impl Written {
    fn value(&mut self, v: &serde_json::Value) -> Option<()> {
        use serde_json::Value;
        match v {
            Value::Null => self.tape.push(NULL),
            Value::Bool(false) => self.tape.push(FALSE),
            Value::Bool(true) => self.tape.push(TRUE),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    self.tape.push(U64);
                    self.tape.extend_from_slice(&u.to_le_bytes());
                } else if let Some(i) = n.as_i64() {
                    self.tape.push(I64);
                    self.tape.extend_from_slice(&i.to_le_bytes());
                } else {
                    self.tape.push(F64);
                    self.tape
                        .extend_from_slice(&n.as_f64()?.to_bits().to_le_bytes());
                }
            }
            Value::String(s) => self.string(s)?,
            Value::Array(items) => {
                self.tape.push(SEQ);
                self.count(items.len())?;
                for item in items {
                    self.value(item)?;
                }
            }
            Value::Object(map) => {
                self.tape.push(MAP);
                self.count(map.len())?;
                for (k, item) in map {
                    self.string(k)?;
                    self.value(item)?;
                }
            }
        }
        Some(())
    }

    fn count(&mut self, n: usize) -> Option<()> {
        self.tape
            .extend_from_slice(&u32::try_from(n).ok()?.to_le_bytes());
        Some(())
    }

    fn string(&mut self, s: &str) -> Option<()> {
        let offset = match self.at.get(s) {
            Some(&o) => o,
            None => {
                let o = u32::try_from(self.strings.len()).ok()?;
                self.strings.push_str(s);
                self.at.insert(s.to_owned(), o);
                o
            }
        };
        self.tape.push(STR);
        self.tape.extend_from_slice(&offset.to_le_bytes());
        self.count(s.len())
    }
}
