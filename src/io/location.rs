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
                    let found = s.key_is(key)?;
                    s.skip_ws();
                    s.eat(b':')?;
                    s.skip_ws();
                    if found {
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

/// [`line_column`] of each of `offsets` (in any order), in one pass over `text`.
///
/// Time O(len(text) + k log k) for k offsets.
pub(crate) fn line_columns(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![(1, 1); offsets.len()];
    // `line` and `column` are those of byte `pos`, a character boundary.
    let (mut pos, mut line, mut column) = (0usize, 1usize, 1usize);
    for i in order {
        let off = offsets[i].min(text.len());
        if !text.is_char_boundary(off) {
            out[i] = line_column(text, off);
            continue;
        }
        let mut piece = bytes.get(pos..off).unwrap_or_default();
        if let Some(last) = memchr::memrchr(b'\n', piece) {
            line += memchr::memchr_iter(b'\n', piece).count();
            column = 1;
            piece = piece.get(last + 1..).unwrap_or_default();
        }
        // Characters are counted by their first bytes (UTF-8 continuation bytes are 10xxxxxx).
        column += piece.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        pos = off;
        out[i] = (line, column);
    }
    out
}

/// The byte offset of the value at each of `wanted` in the JSON document `text`, all found in
/// one walk over the text; `out[i]` is what [`locate_json`] gives for `wanted[i]`.
///
/// Only the values on the way to a wanted path are entered; every other value is skipped without
/// decoding its strings, and the walk stops once every path is found. Placing n problems one by
/// one with [`locate_json`] would read the document up to n times.
///
/// Time O(len(text) + steps of `wanted`) (plus a sort of each object's wanted keys).
pub(crate) fn locate_json_all(text: &str, wanted: &[&[PathStep]]) -> Vec<Option<usize>> {
    let mut trie = Trie::default();
    for (i, steps) in wanted.iter().enumerate() {
        trie.insert(steps, i);
    }
    trie.sort();
    let mut out = vec![None; wanted.len()];
    let mut s = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    s.skip_ws();
    let mut left = wanted.len();
    // A walk that stops early (`None`) leaves the paths it did not reach unfound, as
    // `locate_json` does for each of them.
    let _ = trie.walk(0, &mut s, &mut out, &mut left);
    out
}

/// The wanted paths as a tree: node 0 is the document, each node's children are the next steps
/// of the paths through it, and `here` lists the paths that end at it.
#[derive(Default)]
struct Trie<'w> {
    nodes: Vec<TrieNode<'w>>,
}

#[derive(Default)]
struct TrieNode<'w> {
    here: Vec<usize>,
    /// Children by key, sorted by key after [`Trie::sort`].
    keys: Vec<(&'w str, usize)>,
    /// Children by index, sorted by index after [`Trie::sort`].
    indices: Vec<(usize, usize)>,
    /// Paths ending at this node or below it.
    below: usize,
}

impl<'w> Trie<'w> {
    fn insert(&mut self, steps: &'w [PathStep], id: usize) {
        if self.nodes.is_empty() {
            self.nodes.push(TrieNode::default());
        }
        let mut at = 0;
        self.nodes[at].below += 1;
        for step in steps {
            let found = match step {
                PathStep::Key(k) => self.nodes[at]
                    .keys
                    .iter()
                    .find(|(x, _)| *x == k.as_str())
                    .map(|&(_, c)| c),
                PathStep::Index(i) => self.nodes[at]
                    .indices
                    .iter()
                    .find(|(x, _)| x == i)
                    .map(|&(_, c)| c),
            };
            let child = found.unwrap_or_else(|| {
                let c = self.nodes.len();
                self.nodes.push(TrieNode::default());
                match step {
                    PathStep::Key(k) => self.nodes[at].keys.push((k.as_str(), c)),
                    PathStep::Index(i) => self.nodes[at].indices.push((*i, c)),
                }
                c
            });
            at = child;
            self.nodes[at].below += 1;
        }
        self.nodes[at].here.push(id);
    }

    fn sort(&mut self) {
        for n in &mut self.nodes {
            n.keys.sort_unstable_by(|a, b| a.0.cmp(b.0));
            n.indices.sort_unstable();
        }
    }

    /// Records the place of the value at the scanner (the value of `node`), then walks into it
    /// for the children; leaves the scanner after the value. `left` counts the paths not yet
    /// found. The recursion is as deep as the longest wanted path, not as the document.
    fn walk(
        &self,
        node: usize,
        s: &mut Scanner<'_>,
        out: &mut [Option<usize>],
        left: &mut usize,
    ) -> Option<()> {
        let n = self.nodes.get(node)?;
        for &id in &n.here {
            out[id] = Some(s.pos);
            *left -= 1;
        }
        if n.keys.is_empty() && n.indices.is_empty() {
            return if *left == 0 { Some(()) } else { s.skip_value() };
        }
        match s.peek()? {
            b'{' if !n.keys.is_empty() => {
                s.pos += 1;
                // The first entry of a key counts, as for `locate_json`.
                let mut done = vec![false; n.keys.len()];
                loop {
                    s.skip_ws();
                    if s.peek()? == b'}' {
                        s.pos += 1;
                        return Some(());
                    }
                    let key = s.raw_string()?;
                    s.skip_ws();
                    s.eat(b':')?;
                    s.skip_ws();
                    let child = n
                        .keys
                        .binary_search_by(|(k, _)| key_cmp(key, k).reverse())
                        .ok()
                        .filter(|&c| !done[c]);
                    match child {
                        Some(c) => {
                            done[c] = true;
                            self.walk(n.keys[c].1, s, out, left)?;
                        }
                        None => s.skip_value()?,
                    }
                    if *left == 0 {
                        return Some(());
                    }
                    s.skip_ws();
                    if s.peek()? == b',' {
                        s.pos += 1;
                    }
                }
            }
            b'[' if !n.indices.is_empty() => {
                s.pos += 1;
                let mut next = 0;
                let mut index = 0usize;
                loop {
                    s.skip_ws();
                    if s.peek()? == b']' {
                        // `locate_json` places index 0 of an empty array at its `]`.
                        if index == 0 && n.indices.first().is_some_and(|&(i, _)| i == 0) {
                            self.mark(n.indices[0].1, s.pos, out, left);
                        }
                        s.pos += 1;
                        return Some(());
                    }
                    match n.indices.get(next) {
                        Some(&(i, c)) if i == index => {
                            next += 1;
                            self.walk(c, s, out, left)?;
                        }
                        _ => s.skip_value()?,
                    }
                    if *left == 0 {
                        return Some(());
                    }
                    index += 1;
                    s.skip_ws();
                    if s.peek()? == b',' {
                        s.pos += 1;
                    }
                }
            }
            _ => s.skip_value(),
        }
    }

    /// Places the paths ending at `node` at `pos` (the `]` of an empty array, where nothing can
    /// be below).
    fn mark(&self, node: usize, pos: usize, out: &mut [Option<usize>], left: &mut usize) {
        if let Some(n) = self.nodes.get(node) {
            for &id in &n.here {
                out[id] = Some(pos);
                *left -= 1;
            }
        }
    }
}

/// Compares a key as written between quotes in the document (`raw`, escapes undone as
/// [`Unescaped`] undoes them) with a wanted key, without allocating.
fn key_cmp(raw: &[u8], wanted: &str) -> std::cmp::Ordering {
    let mut d = Unescaped { raw, pos: 0 };
    let mut w = wanted.bytes();
    loop {
        match (d.next(), w.next()) {
            (None, None) => return std::cmp::Ordering::Equal,
            (None, Some(_)) => return std::cmp::Ordering::Less,
            (Some(_), None) => return std::cmp::Ordering::Greater,
            (Some(a), Some(b)) if a != b => return a.cmp(&b),
            _ => {}
        }
    }
}

/// The bytes of a raw string body with `\"`, `\\` and `\/` undone, other escapes kept as written.
struct Unescaped<'a> {
    raw: &'a [u8],
    pos: usize,
}

impl Iterator for Unescaped<'_> {
    type Item = u8;
    fn next(&mut self) -> Option<u8> {
        let b = *self.raw.get(self.pos)?;
        self.pos += 1;
        if b == b'\\' {
            if let Some(&e @ (b'"' | b'\\' | b'/')) = self.raw.get(self.pos) {
                self.pos += 1;
                return Some(e);
            }
        }
        Some(b)
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Scanner<'a> {
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

    /// Reads a string and returns its body as written, escapes included: no copy, and no UTF-8
    /// check (the text is a `&str`, and the quotes are ASCII).
    fn raw_string(&mut self) -> Option<&'a [u8]> {
        self.eat(b'"')?;
        let start = self.pos;
        loop {
            let rest = self.bytes.get(self.pos..)?;
            let at = memchr::memchr2(b'"', b'\\', rest)?;
            self.pos += at + 1;
            if rest[at] == b'"' {
                return self.bytes.get(start..self.pos - 1);
            }
            // An escape: skip the escaped byte too (`\"` does not end the string).
            self.bytes.get(self.pos)?;
            self.pos += 1;
        }
    }

    /// Whether the string at the scanner, with escapes undone as [`Unescaped`] undoes them, is
    /// `key`.
    fn key_is(&mut self, key: &str) -> Option<bool> {
        let raw = self.raw_string()?;
        Some(key_cmp(raw, key).is_eq())
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
                    self.raw_string()?;
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
