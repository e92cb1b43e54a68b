//! Places in input files: file name, line:column, and a JSON path; and a scanner that finds the
//! line:column of a JSON path in a document's text.

use std::fmt;

/// A place in an input: the file, and where known the line, column and structural path
/// (`ties[3].channels.trade.value` in JSON, `row 4, column weight` in CSV).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// The file as the user named it (`graphs/eu.json`, `<stdin>`, `<bundled ...>`).
    pub file: String,
    /// 1-based line, if known.
    pub line: Option<usize>,
    /// 1-based column (in characters), if known.
    pub column: Option<usize>,
    /// The structural path inside the document, if known.
    pub path: Option<String>,
}

impl Location {
    /// A location naming only a file.
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: file.into(),
            ..Location::default()
        }
    }

    /// This location with a line and column.
    #[must_use]
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// This location with a structural path.
    #[must_use]
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        if let Some(path) = &self.path {
            if !path.is_empty() {
                write!(f, " ({path})")?;
            }
        }
        Ok(())
    }
}

/// The 1-based line and column (in characters) of byte offset `offset` in `text`.
///
/// Time O(offset).
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before
        .get(line_start..)
        .map_or(1, |s| s.chars().count() + 1);
    (line, column)
}

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathStep {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// Renders steps as `ties[3].channels.trade`.
pub fn render_path(steps: &[PathStep]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            PathStep::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            PathStep::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// Finds the byte offset of the value at `steps` in the JSON document `text`.
///
/// The document must be syntactically valid JSON (it is only called after parsing succeeded);
/// on anything unexpected it returns `None` rather than panicking. Time O(len(text)).
pub fn locate_json(text: &str, steps: &[PathStep]) -> Option<usize> {
    let mut s = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    s.skip_ws();
    for step in steps {
        match step {
            PathStep::Key(key) => {
                s.eat(b'{')?;
                loop {
                    s.skip_ws();
                    if s.peek()? == b'}' {
                        return None;
                    }
                    let k = s.string()?;
                    s.skip_ws();
                    s.eat(b':')?;
                    s.skip_ws();
                    if &k == key {
                        break;
                    }
                    s.skip_value()?;
                    s.skip_ws();
                    if s.peek()? == b',' {
                        s.pos += 1;
                    }
                }
            }
            PathStep::Index(index) => {
                s.eat(b'[')?;
                for _ in 0..*index {
                    s.skip_ws();
                    s.skip_value()?;
                    s.skip_ws();
                    s.eat(b',')?;
                }
                s.skip_ws();
            }
        }
    }
    Some(s.pos)
}

/// The byte offset of every element of the array at `steps` in the JSON document `text`, in one
/// pass: placing each of n elements with [`locate_json`] would read the document n times.
///
/// `None` if `steps` does not lead to an array. Time O(len(text)).
pub(crate) fn locate_json_elements(text: &str, steps: &[PathStep]) -> Option<Vec<usize>> {
    let start = locate_json(text, steps)?;
    let mut s = Scanner {
        bytes: text.as_bytes(),
        pos: start,
    };
    s.eat(b'[')?;
    let mut out = Vec::new();
    loop {
        s.skip_ws();
        if s.peek()? == b']' {
            return Some(out);
        }
        out.push(s.pos);
        s.skip_value()?;
        s.skip_ws();
        if s.peek()? == b',' {
            s.pos += 1;
        }
    }
}

/// [`line_column`] of each of `offsets` (ascending), in one pass over `text`.
///
/// Time O(len(text) + offsets).
pub(crate) fn line_columns(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let (mut line, mut pos) = (1usize, 0usize);
    let mut column = 1usize;
    let mut out = Vec::with_capacity(offsets.len());
    for &off in offsets {
        let off = off.min(text.len());
        if off < pos {
            out.push(line_column(text, off));
            continue;
        }
        let piece = text.get(pos..off).unwrap_or("");
        for ch in piece.chars() {
            if ch == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        pos = off;
        out.push((line, column));
    }
    out
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        if self.peek()? == b {
            self.pos += 1;
            Some(())
        } else {
            None
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// Reads a string and returns it decoded (escapes other than `\"` and `\\` are kept raw,
    /// which is enough to compare keys).
    fn string(&mut self) -> Option<String> {
        self.eat(b'"')?;
        let mut out = Vec::new();
        loop {
            let b = self.peek()?;
            self.pos += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let e = self.peek()?;
                    self.pos += 1;
                    match e {
                        b'"' | b'\\' | b'/' => out.push(e),
                        _ => {
                            out.push(b'\\');
                            out.push(e);
                        }
                    }
                }
                _ => out.push(b),
            }
        }
        String::from_utf8(out).ok()
    }

    /// Skips one value, iteratively (no recursion, so deep nesting cannot overflow the stack).
    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.skip_ws();
            match self.peek()? {
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                    continue;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.pos += 1;
                }
                b'"' => {
                    self.string()?;
                }
                b',' | b':' => {
                    self.pos += 1;
                    continue;
                }
                _ => {
                    while let Some(b) = self.peek() {
                        if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                            break;
                        }
                        self.pos += 1;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
#[path = "tests/location_tests.rs"]
mod tests;
