//! The library's layers (README "Architecture", the crate page in `src/lib.rs`): every path into
//! another top-level module (`crate::io::...`, `super::super::model::...`) in the library's code
//! under `src/` points down, never up or sideways.
//!
//! Test code (`#[cfg(test)]` items, and the files they include) may use any module to build its
//! fixtures; it is not part of the library's dependency graph and is skipped.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module of the library and the modules it may use. Every module may use
/// `error`, the crate's error type (see [`ERROR_USES`]).
const LAYERS: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("exchange", &["model"]),
    ("io", &["model", "exchange"]),
    ("geo", &["model", "io"]),
    ("generate", &["model", "io"]),
    ("datasets", &["model", "io"]),
    ("scenario", &["model", "io"]),
    ("analysis", &["model", "io", "scenario"]),
    ("report", &["model", "io", "analysis", "scenario"]),
    // The page and the map quote the note's sections and format numbers as the tables do.
    (
        "export",
        &["model", "io", "exchange", "geo", "analysis", "report"],
    ),
];

/// What `error` itself may use: the place of a problem (`io::location::Location`), which every
/// error carries, and the model's own rule errors (`model::ModelError`), which `Error::Model`
/// wraps.
const ERROR_USES: &[&str] = &["io", "model"];

/// The modules of the binary: nothing in the library may name them.
const BINARY: &[&str] = &["cli", "main"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// `text` with comments, string and character literals blanked out (replaced by spaces, so that
/// braces and paths inside them do not count), lines kept.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let blank = |c: u8| if c == b'\n' { b'\n' } else { b' ' };
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                out.push(b' ');
                i += 1;
            }
        } else if rest.starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    out.extend(b"  ");
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    out.extend(b"  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(b[i]));
                    i += 1;
                }
            }
        } else if (rest.starts_with(b"r#") || rest.starts_with(b"r\""))
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'))
        {
            // A raw string: r"..." or r#"..."#.
            let hashes = rest[1..].iter().take_while(|&&c| c == b'#').count();
            if rest.get(1 + hashes) != Some(&b'"') {
                out.push(b[i]);
                i += 1;
                continue;
            }
            let mut close = vec![b'"'];
            close.extend(std::iter::repeat_n(b'#', hashes));
            let start = i + 2 + hashes;
            let end = b[start..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(b.len(), |p| start + p + close.len());
            out.extend(b[i..end].iter().map(|&c| blank(c)));
            i = end;
        } else if b[i] == b'"' {
            out.push(b' ');
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' && i + 1 < b.len() {
                    out.push(b' ');
                    i += 1;
                }
                out.push(blank(b[i]));
                i += 1;
            }
            out.push(b' ');
            i += 1;
        } else if b[i] == b'\'' {
            // A character literal ('x', '\n', '\u{1b}'), not a lifetime ('a).
            let lit = if rest.get(1) == Some(&b'\\') {
                rest.iter().skip(2).position(|&c| c == b'\'').map(|p| p + 3)
            } else if rest.get(2) == Some(&b'\'') {
                Some(3)
            } else {
                // A multi-byte character.
                let ch = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                (rest.get(1 + ch) == Some(&b'\'')).then_some(ch + 2)
            };
            match lit {
                Some(n) => {
                    out.extend(std::iter::repeat_n(b' ', n));
                    i += n;
                }
                None => {
                    out.push(b'\'');
                    i += 1;
                }
            }
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The end of the item that starts at `from`: after its matching `}` if a `{` comes before
/// any `;`, else after the `;`.
fn item_end(code: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < code.len() && code[i] != b'{' && code[i] != b';' {
        i += 1;
    }
    if i >= code.len() || code[i] == b';' {
        return (i + 1).min(code.len());
    }
    let mut depth = 0usize;
    while i < code.len() {
        match code[i] {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    code.len()
}

/// `code` without its `#[cfg(test)]` items, and the files those items include (`mod x;`, with
/// or without `#[path = "..."]`), relative to `file`'s folder.
fn without_tests(code: &str, raw: &str, file: &Path) -> (String, Vec<PathBuf>) {
    let b = code.as_bytes();
    let mut out = String::with_capacity(code.len());
    let mut includes = Vec::new();
    let mut i = 0;
    while let Some(p) = code[i..].find("#[cfg(test)]") {
        let at = i + p;
        out.push_str(&code[i..at]);
        let end = item_end(b, at + "#[cfg(test)]".len());
        let item = &code[at..end];
        if let Some(m) = item.trim_end().strip_suffix(';') {
            if let Some(name) = m.split_whitespace().last() {
                // The `#[path]` attribute's string is blanked in `code`; read it from `raw`.
                let path = raw[at..end]
                    .split("#[path = \"")
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                    .map(str::to_owned);
                let dir = file.parent().expect("a file has a folder");
                includes.push(match path {
                    Some(p) => dir.join(p),
                    None => dir.join(format!("{name}.rs")),
                });
            }
        }
        out.extend(std::iter::repeat_n(' ', end - at));
        i = end;
    }
    out.push_str(&code[i..]);
    (out, includes)
}

/// The module path of a library file: `src/io/csv.rs` -> `[io, csv]`, `src/io/mod.rs` -> `[io]`.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src()).expect("a file under src/");
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|l| l == "mod") {
        parts.pop();
    }
    parts
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Parses a use tree at `code[*i..]` (after `crate::`), adding each full path to `out`.
fn use_tree(code: &[u8], i: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let skip_ws = |i: &mut usize| {
        while *i < code.len() && code[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    let mut path = prefix.to_vec();
    loop {
        skip_ws(i);
        if *i < code.len() && code[*i] == b'{' {
            *i += 1;
            loop {
                skip_ws(i);
                if *i >= code.len() || code[*i] == b'}' {
                    *i += 1;
                    return;
                }
                use_tree(code, i, &path, out);
                skip_ws(i);
                if *i < code.len() && code[*i] == b',' {
                    *i += 1;
                }
            }
        }
        let start = *i;
        while *i < code.len() && (is_ident(code[*i]) || code[*i] == b'*') {
            *i += 1;
        }
        let seg = String::from_utf8_lossy(&code[start..*i]).into_owned();
        if seg.is_empty() {
            out.push(path);
            return;
        }
        if seg != "self" {
            path.push(seg);
        }
        skip_ws(i);
        if code[*i..].starts_with(b"::") {
            *i += 2;
            continue;
        }
        out.push(path);
        return;
    }
}

/// Every path into the crate in `code` (a file of module `module`), resolved from the crate
/// root: `crate::a::b`, and `super::...` chains that climb to the root.
fn crate_paths(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let boundary = i == 0 || !(is_ident(b[i - 1]) || b[i - 1] == b':');
        if boundary && b[i..].starts_with(b"crate::") {
            let mut j = i + "crate::".len();
            use_tree(b, &mut j, &[], &mut out);
            i = j;
        } else if boundary && b[i..].starts_with(b"super::") {
            let mut j = i;
            let mut up = 0;
            while b[j..].starts_with(b"super::") {
                up += 1;
                j += "super::".len();
            }
            if up >= module.len() {
                // Climbs past this file's top module: a path from the crate root.
                use_tree(b, &mut j, &[], &mut out);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The library's uses of other top modules: (file, line of the use, top module of the file,
/// path used).
fn uses() -> Vec<(PathBuf, String, Vec<String>)> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut test_files: BTreeSet<PathBuf> = BTreeSet::new();
    let mut parsed = Vec::new();
    for f in &files {
        let raw = std::fs::read_to_string(f).expect("a source file is UTF-8");
        let code = code_only(&raw);
        assert_eq!(
            code.len(),
            raw.len(),
            "{}: blanking keeps offsets",
            f.display()
        );
        let (code, includes) = without_tests(&code, &raw, f);
        test_files.extend(includes.into_iter().map(|p| normalise(&p)));
        parsed.push((f.clone(), code));
    }
    let mut out = Vec::new();
    for (f, code) in parsed {
        let module = module_of(&f);
        let top = module.first().cloned().unwrap_or_default();
        if test_files.contains(&normalise(&f)) || BINARY.contains(&top.as_str()) || top == "lib" {
            continue;
        }
        for path in crate_paths(&code, &module) {
            out.push((f.clone(), top.clone(), path));
        }
    }
    out
}

fn normalise(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn no_module_imports_upwards() {
    let allowed: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut wrong = BTreeSet::new();
    let mut seen_tops = BTreeSet::new();
    let uses = uses();
    for (file, top, path) in &uses {
        let Some(first) = path.first() else { continue };
        // `crate::Error` and `crate::Result` are the root's re-exports of `error`.
        let target = match first.as_str() {
            "Error" | "Result" => "error",
            other => other,
        };
        seen_tops.insert(top.clone());
        if target == top {
            continue;
        }
        let ok = if BINARY.contains(&target) {
            false
        } else if top == "error" {
            ERROR_USES.contains(&target)
        } else if target == "error" {
            true
        } else {
            allowed
                .get(top.as_str())
                .unwrap_or_else(|| {
                    panic!(
                        "{}: module `{top}` is in no layer; add it to LAYERS",
                        file.display()
                    )
                })
                .contains(&target)
        };
        if !ok {
            wrong.insert(format!(
                "{}: `{top}` uses `crate::{}`",
                file.strip_prefix(src()).unwrap_or(file).display(),
                path.join("::")
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up or sideways (README \"Architecture\"):\n{}",
        wrong.into_iter().collect::<Vec<_>>().join("\n")
    );
    // The scan found the code it checks (a broken parser would pass vacuously).
    for (top, _) in LAYERS {
        if *top != "model" {
            assert!(
                seen_tops.contains(*top),
                "no use of another module found in `{top}`"
            );
        }
    }
    assert!(uses.len() > 100, "only {} uses found", uses.len());
}

#[test]
fn export_names_analysis_types_never_functions() {
    // Presentation does not compute: exporters take results (`PartnerRanking`,
    // `CentralityTable`) that the caller computed, so every item they name from `analysis` is a
    // type.
    let mut wrong = Vec::new();
    for (file, top, path) in uses() {
        if top == "export" && path.first().is_some_and(|p| p == "analysis") {
            let leaf = path.last().map_or("", String::as_str);
            if !leaf.starts_with(|c: char| c.is_ascii_uppercase()) {
                wrong.push(format!(
                    "{}: crate::{}",
                    file.strip_prefix(src()).unwrap_or(&file).display(),
                    path.join("::")
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "export/ names analysis functions or modules:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_scanner_reads_paths_as_rust_does() {
    let code = code_only(
        r##"use crate::io::{json::{self, TieDoc}, location::Location};
// use crate::cli::Nothing;
let s = "crate::report::x"; let r = r#"crate::report::y"#; let c = '{';
fn f() { super::super::analysis::suggest::suggest(); crate::Error::Usage; }
#[cfg(test)]
mod tests { use crate::export::Thing; fn g() { let _ = "}"; } }
#[cfg(test)]
#[path = "tests/x_tests.rs"]
mod tests2;
use crate::model::Tie;
"##,
    );
    let dir = src().join("io");
    let (code, includes) = without_tests(
        &code,
        r##"use crate::io::{json::{self, TieDoc}, location::Location};
// use crate::cli::Nothing;
let s = "crate::report::x"; let r = r#"crate::report::y"#; let c = '{';
fn f() { super::super::analysis::suggest::suggest(); crate::Error::Usage; }
#[cfg(test)]
mod tests { use crate::export::Thing; fn g() { let _ = "}"; } }
#[cfg(test)]
#[path = "tests/x_tests.rs"]
mod tests2;
use crate::model::Tie;
"##,
        &dir.join("csv.rs"),
    );
    assert_eq!(includes, vec![dir.join("tests/x_tests.rs")]);
    let paths: Vec<String> = crate_paths(&code, &["io".into(), "csv".into()])
        .into_iter()
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(
        paths,
        [
            "io::json",
            "io::json::TieDoc",
            "io::location::Location",
            "analysis::suggest::suggest",
            "Error::Usage",
            "model::Tie"
        ]
    );
}
