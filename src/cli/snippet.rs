//! The source line under a located problem, with a caret under its column, drawn by
//! annotate-snippets the way rustc draws its errors:
//!
//! ```text
//! error: graph.json:7:17: `ties[0].channels.trade.value` is `1.7`, but weights are shares in [0, 1]
//!    |
//!  7 |       "value": 1.7,
//!    |                ^
//!   hint: weights are shares in [0, 1]: ...
//! ```
//!
//! Only the first few problems of a file get their line, and only a regular file the user named
//! is read again (not standard input, the bundled graph or a file over [`MAX_FILE`]). The line is
//! cut to a window around the column and made safe for a terminal before it is drawn.

use std::collections::HashMap;
use std::io::BufRead;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use leverage::error::Problem;
use leverage::report::terminal_safe;

/// How many problems of one message get their source line.
const MAX_EXCERPTS: usize = 5;
/// Files larger than this are not read again for their lines.
const MAX_FILE: u64 = 64 * 1024 * 1024;
/// Characters shown on each side of the column.
const HALF_WINDOW: usize = 50;

/// The excerpt to print under each problem of `problems` (`None` where there is none), in order.
pub(crate) fn excerpts(problems: &[Problem], color: bool) -> Vec<Option<String>> {
    let mut wanted: HashMap<&str, Vec<usize>> = HashMap::new();
    for p in problems.iter().take(MAX_EXCERPTS) {
        if let (Some(line), Some(_)) = (p.at.line, p.at.column) {
            if readable(&p.at.file) {
                wanted.entry(p.at.file.as_str()).or_default().push(line);
            }
        }
    }
    let lines: HashMap<&str, HashMap<usize, String>> = wanted
        .into_iter()
        .filter_map(|(file, numbers)| Some((file, read_lines(file, &numbers)?)))
        .collect();
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    problems
        .iter()
        .enumerate()
        .map(|(k, p)| {
            if k >= MAX_EXCERPTS {
                return None;
            }
            let (line, column) = (p.at.line?, p.at.column?);
            let text = lines.get(p.at.file.as_str())?.get(&line)?;
            Some(draw(&renderer, text, line, column))
        })
        .collect()
}

/// Whether `file` names a file on disk that may be read again (not `<stdin>`, `<bundled ...>`,
/// a FIFO or a device, nor a very large file).
fn readable(file: &str) -> bool {
    !file.starts_with('<')
        && std::fs::metadata(file).is_ok_and(|m| m.is_file() && m.len() <= MAX_FILE)
}

/// Lines `numbers` (1-based) of `file`, without their line ends; `None` if it cannot be read.
fn read_lines(file: &str, numbers: &[usize]) -> Option<HashMap<usize, String>> {
    let last = numbers.iter().copied().max()?;
    let reader = std::io::BufReader::new(std::fs::File::open(file).ok()?);
    let mut out = HashMap::new();
    for (i, line) in reader.split(b'\n').enumerate().take(last) {
        let number = i + 1;
        let bytes = line.ok()?;
        if numbers.contains(&number) {
            let text = String::from_utf8_lossy(&bytes);
            out.insert(number, text.trim_end_matches('\r').to_owned());
        }
    }
    Some(out)
}

/// `text` (line `line`) cut to a window around character `column` (1-based), with a caret
/// under that character.
fn draw(renderer: &Renderer, text: &str, line: usize, column: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let start = at.saturating_sub(HALF_WINDOW);
    let end = (at + HALF_WINDOW).min(chars.len());
    let piece =
        |a: usize, b: usize| terminal_safe(&chars[a..b].iter().collect::<String>()).into_owned();
    let mut shown = String::new();
    if start > 0 {
        shown.push_str("...");
    }
    shown.push_str(&piece(start, at));
    let caret_from = shown.len();
    shown.push_str(&piece(at, (at + 1).min(end)));
    let caret_to = shown.len().max(caret_from);
    shown.push_str(&piece((at + 1).min(end), end));
    if end < chars.len() {
        shown.push_str("...");
    }
    let report = [Group::with_level(Level::ERROR).element(
        Snippet::source(shown.as_str())
            .line_start(line)
            .annotation(AnnotationKind::Primary.span(caret_from..caret_to)),
    )];
    renderer.render(&report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use leverage::io::location::Location;

    fn problem(file: &str, line: usize, column: usize) -> Problem {
        Problem::new(Location::file(file).at(line, column), "m".to_owned(), None)
    }

    #[test]
    fn caret_sits_under_the_column() {
        let dir = tempfile::tempdir().unwrap(); // ok: test
        let f = dir.path().join("g.json");
        std::fs::write(&f, "{\r\n  \"value\": 1.7,\r\n}\r\n").unwrap(); // ok: test
        let name = f.to_str().unwrap(); // ok: test
        let out = excerpts(&[problem(name, 2, 12)], false);
        let text = out[0].as_deref().unwrap(); // ok: test
        let lines: Vec<&str> = text.lines().collect();
        let src = lines.iter().find(|l| l.contains("\"value\"")).unwrap(); // ok: test
        let caret = lines.iter().find(|l| l.contains('^')).unwrap(); // ok: test
        assert!(src.trim_start().starts_with('2'), "{text}");
        // The caret is under `1`, the 12th character of the line.
        let one = src.find("1.7").unwrap(); // ok: test
        assert_eq!(caret.find('^').unwrap(), one, "{text}"); // ok: test
        assert!(!text.contains('\r'));
    }

    #[test]
    fn control_characters_are_shown_escaped_and_long_lines_cut() {
        let dir = tempfile::tempdir().unwrap(); // ok: test
        let f = dir.path().join("g.csv");
        let long = format!("{}\u{1b}[31mX{}", "a".repeat(300), "b".repeat(300));
        std::fs::write(&f, &long).unwrap(); // ok: test
        let name = f.to_str().unwrap(); // ok: test
        let out = excerpts(&[problem(name, 1, 301)], false);
        let text = out[0].as_deref().unwrap(); // ok: test
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("..."), "{text}");
        assert!(text.len() < 400, "{text}");
        let lines: Vec<&str> = text.lines().collect();
        let src = lines.iter().find(|l| l.contains("\\u{1b}")).unwrap(); // ok: test
        let caret = lines.iter().find(|l| l.contains('^')).unwrap(); // ok: test
        assert_eq!(
            caret.find('^').unwrap(),     // ok: test
            src.find("\\u{1b}").unwrap(), // ok: test
            "{text}"
        );
    }

    #[test]
    fn no_excerpt_without_a_readable_file_or_a_place() {
        let dir = tempfile::tempdir().unwrap(); // ok: test
        let f = dir.path().join("g.json");
        std::fs::write(&f, "{}\n").unwrap(); // ok: test
        let name = f.to_str().unwrap(); // ok: test
        let unplaced = Problem::new(Location::file(name), "m".to_owned(), None);
        let out = excerpts(
            &[
                problem("<stdin>", 1, 1),
                unplaced,
                problem(name, 9, 1),
                problem(dir.path().to_str().unwrap(), 1, 1), // ok: test
            ],
            false,
        );
        assert_eq!(out, vec![None, None, None, None]);
    }
}
