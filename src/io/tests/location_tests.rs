//! Unit tests of `src/io/location.rs`.

use super::*;

#[test]
fn line_column_counts_characters() {
    let text = "ab\ncdé\nxyz";
    assert_eq!(line_column(text, 0), (1, 1));
    assert_eq!(line_column(text, 3), (2, 1));
    // 'x' is after "ab\n" (3) + "cdé\n" (5 bytes) = byte 8
    assert_eq!(line_column(text, 8), (3, 1));
    assert_eq!(line_column(text, 9), (3, 2));
}

#[test]
fn locates_nested_values() {
    let text = "{\n  \"a\": [1, {\"b\": 2}],\n  \"c\": {\"d\": [true, \"x\\\"y\", 7]}\n}";
    let at = |steps: &[PathStep]| {
        let off = locate_json(text, steps).unwrap();
        line_column(text, off)
    };
    assert_eq!(
        at(&[
            PathStep::Key("a".into()),
            PathStep::Index(1),
            PathStep::Key("b".into())
        ]),
        (2, 18)
    );
    assert_eq!(
        at(&[
            PathStep::Key("c".into()),
            PathStep::Key("d".into()),
            PathStep::Index(2)
        ]),
        (3, 29)
    );
    assert_eq!(locate_json(text, &[PathStep::Key("zz".into())]), None);
}

#[test]
fn renders_paths() {
    let p = [
        PathStep::Key("ties".into()),
        PathStep::Index(3),
        PathStep::Key("channels".into()),
    ];
    assert_eq!(render_path(&p), "ties[3].channels");
}

/// The locator as it was before the one-pass walk (#16), kept as the oracle: one scan from the
/// start of the text per path, decoding every key into a `String`.
fn reference_locate(text: &str, steps: &[PathStep]) -> Option<usize> {
    struct S<'a> {
        b: &'a [u8],
        pos: usize,
    }
    impl S<'_> {
        fn peek(&self) -> Option<u8> {
            self.b.get(self.pos).copied()
        }
        fn eat(&mut self, c: u8) -> Option<()> {
            (self.peek()? == c).then(|| self.pos += 1)
        }
        fn ws(&mut self) {
            while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
                self.pos += 1;
            }
        }
        fn string(&mut self) -> Option<String> {
            self.eat(b'"')?;
            let mut out = Vec::new();
            loop {
                let c = self.peek()?;
                self.pos += 1;
                match c {
                    b'"' => break,
                    b'\\' => {
                        let e = self.peek()?;
                        self.pos += 1;
                        match e {
                            b'"' | b'\\' | b'/' => out.push(e),
                            _ => out.extend([b'\\', e]),
                        }
                    }
                    _ => out.push(c),
                }
            }
            String::from_utf8(out).ok()
        }
        fn skip(&mut self) -> Option<()> {
            let mut depth = 0usize;
            loop {
                self.ws();
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
                        while let Some(c) = self.peek() {
                            if matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
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
    let mut s = S {
        b: text.as_bytes(),
        pos: 0,
    };
    s.ws();
    for step in steps {
        match step {
            PathStep::Key(key) => {
                s.eat(b'{')?;
                loop {
                    s.ws();
                    if s.peek()? == b'}' {
                        return None;
                    }
                    let k = s.string()?;
                    s.ws();
                    s.eat(b':')?;
                    s.ws();
                    if &k == key {
                        break;
                    }
                    s.skip()?;
                    s.ws();
                    if s.peek()? == b',' {
                        s.pos += 1;
                    }
                }
            }
            PathStep::Index(index) => {
                s.eat(b'[')?;
                for _ in 0..*index {
                    s.ws();
                    s.skip()?;
                    s.ws();
                    s.eat(b',')?;
                }
                s.ws();
            }
        }
    }
    Some(s.pos)
}

/// Every path of a JSON value, in document order (serde_json keeps the order of keys here).
fn all_paths(v: &serde_json::Value, at: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    out.push(at.clone());
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                at.push(PathStep::Key(k.clone()));
                all_paths(x, at, out);
                at.pop();
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(PathStep::Index(i));
                all_paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// A hand-made document with many places: nesting, escaped quotes and backslashes in keys and
/// strings, a `\u` escape in a key (which the locator does not decode, so it finds nothing
/// there, before and after), characters of two and four bytes, empty containers, blank lines,
/// tabs and CRLF, keys that are prefixes of one another.
const MANY: &str = "{\r\n  \"version\": 2,\n\t\"meta\": {\"title\": \"Türkiye \\\"🦀\\\" \\\\\", \"date\": \"x\"},\n\n  \"actors\": [\n    {\"id\": \"AUT\", \"name\": \"Österreich\", \"lat\": -1.5e3},\n    {\"id\": \"a\\\"b\", \"name\": \"]}[{,:\"},\n    {\"id\": \"é\", \"attributes\": {\"k\": [[], {}, [1, [2, {\"deep\": null}]]], \"k2\": true}}\n  ],\n  \"ties\": [{\"from\": \"AUT\", \"to\": \"zz\", \"channels\": {\"trade\": {\"value\": 1.7, \"source\": \"\", \"year\": 3000}, \"tr\": {}}},\n           {\"from\": \"a\\\\\", \"to\": \"\\u00e9\", \"channels\": {}},\n{\"a\\\"key\": 1, \"a\\\\key\": 2, \"\\u00e9\": 3, \"a/b\": 4, \"a\\/c\": 5}],\n  \"empty\": [], \"obj\": {}, \"groups\": [{\"id\": \"g\", \"members\": [\"AUT\", \"x\", \"AUT\"]}]\n}\n";

// See: #16
#[test]
fn one_pass_places_equal_those_found_one_by_one() {
    let v: serde_json::Value = serde_json::from_str(MANY).unwrap();
    let mut paths = Vec::new();
    all_paths(&v, &mut Vec::new(), &mut paths);
    // Paths that are not in the document, or lead through a scalar or past an array's end.
    let missing = |s: &str| -> Vec<PathStep> {
        s.split('.')
            .filter(|p| !p.is_empty())
            .map(|p| match p.parse() {
                Ok(i) => PathStep::Index(i),
                Err(_) => PathStep::Key(p.to_owned()),
            })
            .collect()
    };
    for s in [
        "nope",
        "ties.5",
        "ties.0.from.x",
        "meta.0",
        "actors.x",
        "empty.0",
        "empty.0.a",
        "obj.a",
        "actors.2.attributes.k.0.0",
        "ties.0.channels.trade.value.year",
    ] {
        paths.push(missing(s));
    }
    // Repeated and out of order, as problems come.
    paths.push(paths[7].clone());
    paths.reverse();
    paths.push(paths[3].clone());
    let wanted: Vec<&[PathStep]> = paths.iter().map(Vec::as_slice).collect();
    let all = locate_json_all(MANY, &wanted);
    let mut found = 0;
    for (steps, got) in wanted.iter().zip(&all) {
        let expected = reference_locate(MANY, steps);
        assert_eq!(*got, expected, "{}", render_path(steps));
        assert_eq!(locate_json(MANY, steps), expected, "{}", render_path(steps));
        found += usize::from(expected.is_some());
    }
    assert!(found > 50, "{found} of {} paths found", paths.len());
    // Line and column of every place at once, as one at a time.
    let offsets: Vec<usize> = all.iter().flatten().copied().collect();
    let at_once = line_columns(MANY, &offsets);
    for (off, lc) in offsets.iter().zip(&at_once) {
        assert_eq!(*lc, line_column(MANY, *off), "offset {off}");
    }
    // By hand: the CRLF ends line 1 once (its `\r` is the line's second character); `ties[1]`
    // opens line 11 after 11 spaces, so its `from` value is at column 21; `k2`'s value is the
    // 79th character of line 8 (`é` counts once); `date` follows a title holding `ü`, `🦀` (four
    // bytes) and escapes; the key written `a\"key` opens line 12. The key escaped as `\u00e9` is
    // not found.
    let at = |s: &str| {
        let off = locate_json_all(MANY, &[&missing(s)])[0]?;
        Some(line_column(MANY, off))
    };
    assert_eq!(at(""), Some((1, 1)));
    assert_eq!(at("version"), Some((2, 14)));
    assert_eq!(at("ties.1.from"), Some((11, 21)));
    assert_eq!(at("actors.2.attributes.k2"), Some((8, 79)));
    assert_eq!(at("meta.date"), Some((3, 48)));
    assert_eq!(at("ties.2.a\"key"), Some((12, 12)));
    assert_eq!(at("ties.2.é"), None);
    // Every place of a large document in one call: the one-pass walk on 2,000 elements.
    let big = format!(
        "{{\"xs\": [{}]}}",
        (0..2000)
            .map(|i| format!("{{\"n\": {i}, \"s\": \"{}\"}}", "é\\\"".repeat(i % 5)))
            .collect::<Vec<_>>()
            .join(",\n ")
    );
    let paths: Vec<Vec<PathStep>> = (0..2000)
        .rev()
        .step_by(7)
        .map(|i| missing(&format!("xs.{i}.s")))
        .collect();
    let wanted: Vec<&[PathStep]> = paths.iter().map(Vec::as_slice).collect();
    for (steps, got) in wanted.iter().zip(locate_json_all(&big, &wanted)) {
        assert_eq!(got, reference_locate(&big, steps), "{}", render_path(steps));
    }
}
