//! What a CSV cell's text means, for the writer and the reader alike: the `'` that keeps a
//! spreadsheet from running a cell as a formula ([`neutralise`], [`unneutralise`]), and the
//! value an attribute cell is read as ([`attribute_value`]).
//!
//! **Formulas.** A text cell that a spreadsheet would run as a formula, one starting with `=`,
//! `+`, `-`, `@`, a tab or a carriage return, gets a leading `'` (the OWASP advice), and so does
//! one that already starts with `'`s followed by such a character, so that the reader, which
//! removes one leading `'` before such a character, gives back the exact text.
//!
//! **Attributes.** A cell is read as `true`/`false` (any case), a JSON number, a JSON array, a
//! JSON string (`"12"` is the text `12`), else as its text; an empty cell holds nothing. The
//! writer writes an attribute whose plain text would read back as another value as JSON text,
//! so every attribute value (a string, number, boolean or flat array, docs/FORMAT.md) reads back
//! as itself.

use std::borrow::Cow;

use serde_json::Value;

/// Whether a spreadsheet would take a cell starting with `c` for a formula.
pub fn starts_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// Whether `cell` gets the leading `'` of [`neutralise`]: it starts with a formula character,
/// possibly after leading `'`s.
pub fn needs_quote(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .chars()
        .next()
        .is_some_and(starts_formula)
}

/// `cell` with a leading `'` if a spreadsheet would run it as a formula (or it would read back
/// without one of its own leading `'`s); see the module doc. [`unneutralise`] undoes it.
///
/// ```
/// use leverage::exchange::cells::neutralise;
/// assert_eq!(neutralise("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(neutralise("'=1"), "''=1");
/// assert_eq!(neutralise("Turkey"), "Turkey");
/// ```
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if needs_quote(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Removes the `'` that [`neutralise`] added: one leading `'` before a formula character (after
/// any further `'`s).
///
/// ```
/// use leverage::exchange::cells::unneutralise;
/// assert_eq!(unneutralise("''=1"), "'=1");
/// assert_eq!(unneutralise("'Turkey"), "'Turkey");
/// ```
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest,
        _ => cell,
    }
}

/// The value an attribute cell holding `cell` is read as (after trimming and removing a
/// neutralised formula's `'`, as the reader does); `None` for an empty cell.
///
/// ```
/// use leverage::exchange::cells::attribute_value;
/// use serde_json::json;
/// assert_eq!(attribute_value(" 12 "), Some(json!(12)));
/// assert_eq!(attribute_value("\"12\""), Some(json!("12")));
/// assert_eq!(attribute_value("TRUE"), Some(json!(true)));
/// assert_eq!(attribute_value("[1, \"a\"]"), Some(json!([1, "a"])));
/// assert_eq!(attribute_value(""), None);
/// ```
pub fn attribute_value(cell: &str) -> Option<Value> {
    infer(unneutralise(cell.trim_ascii()))
}

/// The value of a trimmed, unneutralised attribute cell `s`.
pub(crate) fn infer(s: &str) -> Option<Value> {
    if s.is_empty() {
        return None;
    }
    if s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false") {
        return Some(Value::Bool(s.eq_ignore_ascii_case("true")));
    }
    if s.starts_with('[') {
        if let Ok(v @ Value::Array(_)) = serde_json::from_str::<Value>(s) {
            return Some(v);
        }
    }
    if s.starts_with('"') {
        if let Ok(v @ Value::String(_)) = serde_json::from_str::<Value>(s) {
            return Some(v);
        }
    }
    if let Ok(v @ Value::Number(_)) = serde_json::from_str::<Value>(s) {
        return Some(v);
    }
    Some(Value::String(s.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    // See: #16
    #[test]
    fn unneutralise_undoes_neutralise() {
        for cell in [
            "=1", "+1", "-1", "@a", "\tx", "\rx", "'=1", "''-1", "'", "''", "'a", "a=", "", "x",
        ] {
            let written = neutralise(cell);
            assert!(
                !written.starts_with(starts_formula),
                "{cell:?} -> {written:?}"
            );
            assert_eq!(unneutralise(&written), cell, "{cell:?}");
        }
    }
}
