//! Text from input files made safe for a terminal: control characters are shown, not obeyed.

use std::borrow::Cow;

/// Whether `c` is shown escaped: the C0 controls (U+0000 to U+001F, with tab, CR and LF), DEL,
/// the C1 controls (U+0080 to U+009F, with the one-byte CSI U+009B), and the bidirectional
/// embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069), which reorder the
/// rest of a line.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control character written visibly, as Rust's `escape_debug` writes it:
/// `\u{1b}`, `\0`, `\n`, `\r`, `\t`, `\u{9b}`, `\u{202e}`. A name, source or title from an input
/// file can then neither move the cursor, clear the screen, set the window title nor forge a line
/// when a table or an error message prints it. Every other character, a backslash included, is
/// left as it is, and text without such characters is borrowed, not copied.
///
/// For people only: machine formats (JSON, CSV, the exports) keep the exact text.
///
/// ```
/// use leverage::report::terminal_safe;
/// assert_eq!(terminal_safe("Turkey"), "Turkey");
/// assert_eq!(terminal_safe("a\u{1b}[2J\0b\n"), r"a\u{1b}[2J\0b\n");
/// ```
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // See: #16
    #[test]
    fn controls_are_shown_and_the_rest_kept() {
        assert!(matches!(
            terminal_safe("Türkiye → RUS \\ ok"),
            Cow::Borrowed(_)
        ));
        assert_eq!(terminal_safe("\u{1b}]0;title\u{7}"), r"\u{1b}]0;title\u{7}");
        assert_eq!(terminal_safe("a\rb\tc\0"), r"a\rb\tc\0");
        assert_eq!(terminal_safe("\u{9b}2J\u{7f}"), r"\u{9b}2J\u{7f}");
        assert_eq!(terminal_safe("abc\u{202e}fed"), r"abc\u{202e}fed");
        for c in (0..=0x9f_u32).filter_map(char::from_u32) {
            let shown = terminal_safe(&c.to_string()).into_owned();
            assert!(!shown.chars().any(char::is_control), "{c:?} -> {shown:?}");
        }
    }
}
