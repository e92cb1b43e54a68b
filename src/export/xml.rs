//! Shared XML writing for GraphML and GEXF: escaping that is safe for XML 1.0.

/// Escapes text for an XML 1.0 attribute value or text node: `& < > " '` become entities, tab,
/// newline and carriage return become character references (so attribute values keep them), and
/// characters XML 1.0 forbids (other C0 controls, U+FFFE, U+FFFF) are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether `s` is an XML NMTOKEN made of ASCII name characters (letters, digits, `.`, `-`, `_`,
/// `:`), as GraphML requires for node ids and key ids.
pub fn is_nmtoken(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b':'))
}

/// Turns any string into an NMTOKEN: characters outside the ASCII name set become `_`.
pub fn nmtoken(s: &str) -> String {
    if is_nmtoken(s) {
        return s.to_owned();
    }
    let t: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if t.is_empty() {
        "_".to_owned()
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_drops_controls() {
        assert_eq!(
            escape("a<b & \"c\"\u{1}\n"),
            "a&lt;b &amp; &quot;c&quot;&#10;"
        );
        assert_eq!(escape("Türkiye"), "Türkiye");
    }

    #[test]
    fn nmtokens() {
        assert!(is_nmtoken("ch_trade"));
        assert!(!is_nmtoken("a b"));
        assert_eq!(nmtoken("a b/c"), "a_b_c");
    }
}
