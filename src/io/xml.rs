//! Reading XML safely, shared by the GraphML and GEXF importers: a walk over the elements with
//! quick-xml that refuses a `<!DOCTYPE>` (so no entity is ever expanded or fetched: entity bombs
//! and external entities cannot work), rejects unknown entities, names the place of every
//! problem (file:line:column) and notices a file cut short.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::location::{line_column, Location};
use crate::error::{Error, Result};

/// Line starts of a text, for line:column lookups in O(log lines) (an XML file has thousands
/// of places to record; rescanning the text for each would be quadratic).
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// The line index of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub(crate) fn at(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }
}

/// An error at byte `offset` of `text`, with its line:column.
pub(crate) fn problem(text: &str, file: &str, offset: usize, msg: String, hint: &str) -> Error {
    let (l, c) = line_column(text, offset);
    Error::invalid(Location::file(file).at(l, c), msg, Some(hint.to_owned()))
}

/// The value of the attribute `name` (by local name) of a start tag, unescaped.
fn attr(e: &BytesStart<'_>, name: &[u8]) -> std::result::Result<Option<String>, String> {
    for a in e.attributes() {
        let a = a.map_err(|err| err.to_string())?;
        if a.key.local_name().as_ref() == name {
            return a
                .unescape_value()
                .map(|v| Some(v.into_owned()))
                .map_err(|err| err.to_string());
        }
    }
    Ok(None)
}

/// [`attr`] for the start tag `e` at byte `offset`, with a placed error for a malformed value.
pub(crate) fn attr_at(
    text: &str,
    file: &str,
    offset: usize,
    e: &BytesStart<'_>,
    name: &[u8],
) -> Result<Option<String>> {
    attr(e, name).map_err(|m| {
        problem(
            text,
            file,
            offset,
            format!("bad attribute: {m}"),
            "fix the attribute's quoting and entities",
        )
    })
}

/// A required attribute of the start tag `e` at byte `offset`; `element` names the element in
/// the error (``an `<edge>` ``).
pub(crate) fn required(
    text: &str,
    file: &str,
    offset: usize,
    e: &BytesStart<'_>,
    name: &str,
    element: &str,
    hint: &str,
) -> Result<String> {
    attr_at(text, file, offset, e, name.as_bytes())?.ok_or_else(|| {
        problem(
            text,
            file,
            offset,
            format!("{element} has no `{name}`"),
            hint,
        )
    })
}

/// The `id` of the `<node>` at byte `offset`.
pub(crate) fn node_id(text: &str, file: &str, offset: usize, e: &BytesStart<'_>) -> Result<String> {
    required(
        text,
        file,
        offset,
        e,
        "id",
        "a `<node>`",
        "give every node an id",
    )
}

/// The `source` and `target` of the `<edge>` at byte `offset`.
pub(crate) fn edge_ends(
    text: &str,
    file: &str,
    offset: usize,
    e: &BytesStart<'_>,
) -> Result<(String, String)> {
    let hint = "give every edge a source and a target";
    Ok((
        required(text, file, offset, e, "source", "an `<edge>`", hint)?,
        required(text, file, offset, e, "target", "an `<edge>`", hint)?,
    ))
}

/// The byte offset of the attribute `name` in the start tag at `tag` (a well-formed tag, as
/// quick-xml has read it); `tag` itself if the attribute is not found.
pub(crate) fn attr_offset(text: &str, tag: usize, name: &str) -> usize {
    let b = text.as_bytes();
    let mut i = tag + 1;
    // The element's name.
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= b.len() || b[i] == b'>' || b[i] == b'/' {
            return tag;
        }
        let at = i;
        while i < b.len() && b[i] != b'=' && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let key = &text[at..i];
        let local = key.rsplit(':').next().unwrap_or(key);
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'=') {
            i += 1;
        }
        let Some(&quote) = b.get(i) else {
            return tag;
        };
        if quote != b'"' && quote != b'\'' {
            return tag;
        }
        i += 1;
        while i < b.len() && b[i] != quote {
            i += 1;
        }
        i += 1;
        if local == name {
            return at;
        }
    }
}

/// What the walk meets, in document order.
pub(crate) enum Xml<'x> {
    /// An element opens at byte `offset` under `parent` (`None` for the root). An empty element
    /// (`<a/>`) opens, then closes at once.
    Open {
        /// Its local name (without a namespace prefix).
        name: &'x str,
        /// The local name of the enclosing element.
        parent: Option<&'x str>,
        /// The start tag, for its attributes.
        tag: &'x BytesStart<'x>,
        /// Where the tag starts.
        offset: usize,
    },
    /// An element closes.
    Close {
        /// Its local name.
        name: &'x str,
    },
    /// Text (entities resolved), or the content of a CDATA section.
    Text {
        /// The text.
        text: &'x str,
        /// Whether it was a CDATA section.
        cdata: bool,
    },
    /// A processing instruction `<?target content?>` at byte `offset`.
    Pi {
        /// Its target.
        target: &'x str,
        /// Its content, after the target and the white space that follows it.
        content: &'x str,
        /// Where it starts.
        offset: usize,
    },
}

/// Walks the XML document `text` (named `file` in messages, of format `format`, whose root
/// element is `root`), calling `on` for each element, text and processing instruction.
///
/// # Errors
/// [`Error::Invalid`] with line:column for XML that is not well-formed, a `<!DOCTYPE>`, an
/// unknown entity, a file that ends inside an element, and whatever `on` returns.
pub(crate) fn walk(
    text: &str,
    file: &str,
    format: &str,
    root: &str,
    mut on: impl FnMut(Xml<'_>) -> Result<()>,
) -> Result<()> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<String> = Vec::new();
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event();
        let start = text
            .get(before..)
            .and_then(|s| s.find('<'))
            .map_or(before, |i| before + i);
        let bad = |msg: String, hint: &str| problem(text, file, start, msg, hint);
        let event = match event {
            Ok(e) => e,
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(before);
                return Err(problem(
                    text,
                    file,
                    at,
                    format!("the file is not well-formed XML: {e}"),
                    "fix the XML at that place (an unclosed tag, a stray `&` or `<`?)",
                ));
            }
        };
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                on(Xml::Open {
                    name: &name,
                    parent: stack.last().map(String::as_str),
                    tag: e,
                    offset: start,
                })?;
                if matches!(event, Event::Empty(_)) {
                    on(Xml::Close { name: &name })?;
                } else {
                    stack.push(name);
                }
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                stack.pop();
                on(Xml::Close { name: &name })?;
            }
            Event::Text(t) => {
                let s = t.unescape().map_err(|e| {
                    bad(
                        format!("bad text: {e}"),
                        "only the XML entities `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and character references are allowed",
                    )
                })?;
                on(Xml::Text {
                    text: &s,
                    cdata: false,
                })?;
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(t);
                on(Xml::Text {
                    text: &s,
                    cdata: true,
                })?;
            }
            Event::PI(p) => {
                let target = String::from_utf8_lossy(p.target());
                let content = String::from_utf8_lossy(p.content());
                on(Xml::Pi {
                    target: &target,
                    content: content.trim_start(),
                    offset: start,
                })?;
            }
            Event::DocType(_) => {
                return Err(bad(
                    "the file has a `<!DOCTYPE>`, which leverage refuses".into(),
                    &format!("remove the DOCTYPE declaration: {format} needs none, and leverage never expands entities or fetches external ones"),
                ))
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(problem(
            text,
            file,
            text.len(),
            format!("the file ends inside `<{open}>`: it is cut short"),
            &format!(
                "check that the file was fully written; every element must be closed (`</{root}>` last)"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
#[path = "tests/xml_tests.rs"]
mod tests;
