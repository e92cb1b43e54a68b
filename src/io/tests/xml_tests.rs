//! Unit tests of `src/io/xml.rs`.

use super::*;

#[test]
fn line_index_matches_line_column() {
    let text = "ab\ncdé\n\nxyz";
    let lines = Lines::new(text);
    for off in 0..=text.len() {
        if text.is_char_boundary(off) {
            assert_eq!(lines.at(off), line_column(text, off), "{off}");
        }
    }
}

#[test]
fn attribute_offsets() {
    let text = r#"<a><edge id="e0" source='A' target="B" weight = "0.5" viz:w="1"/></a>"#;
    let tag = text.find("<edge").unwrap();
    assert_eq!(
        attr_offset(text, tag, "weight"),
        text.find("weight").unwrap()
    );
    assert_eq!(
        attr_offset(text, tag, "source"),
        text.find("source").unwrap()
    );
    assert_eq!(attr_offset(text, tag, "w"), text.find("viz:w").unwrap());
    assert_eq!(attr_offset(text, tag, "label"), tag);
    // A value holding `>` and the other quote does not end the tag.
    let text = r#"<node label="a>b'c" id="X">"#;
    assert_eq!(attr_offset(text, 0, "id"), text.find("id=").unwrap());
}

/// Every event of `text`, as a line of text each.
fn events(text: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    walk(text, "t.xml", "Test", "r", |e| {
        out.push(match e {
            Xml::Open {
                name,
                parent,
                offset,
                ..
            } => format!("open {name} in {parent:?} at {offset}"),
            Xml::Close { name } => format!("close {name}"),
            Xml::Text { text, cdata } => format!("text {text:?} {cdata}"),
            Xml::Pi {
                target, content, ..
            } => format!("pi {target} {content}"),
        });
        Ok(())
    })?;
    Ok(out)
}

#[test]
fn walk_reports_elements_text_and_instructions() {
    let e = events(
        "<?xml version=\"1.0\"?>\n<?app {\"a\": 1}?><r><a x=\"1\"/>t&amp;u<![CDATA[<c>]]></r>",
    )
    .unwrap();
    assert_eq!(
        e,
        [
            "text \"\\n\" false",
            "pi app {\"a\": 1}",
            "open r in None at 38",
            "open a in Some(\"r\") at 41",
            "close a",
            "text \"t&u\" false",
            "text \"<c>\" true",
            "close r",
        ]
    );
}

#[test]
fn walk_refuses_doctype_truncation_and_unknown_entities() {
    let e = events("<?xml version=\"1.0\"?>\n<!DOCTYPE r>\n<r/>")
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("t.xml:2:1: the file has a `<!DOCTYPE>`"),
        "{e}"
    );
    assert!(e.contains("Test needs none"), "{e}");
    let e = events("<r>\n<a>").unwrap_err().to_string();
    assert!(
        e.starts_with("t.xml:2:4: the file ends inside `<a>`: it is cut short"),
        "{e}"
    );
    assert!(e.contains("`</r>` last"), "{e}");
    let e = events("<r>&bomb;</r>").unwrap_err().to_string();
    assert!(e.contains("bad text"), "{e}");
    let e = events("<r><a></b></r>").unwrap_err().to_string();
    assert!(e.contains("not well-formed"), "{e}");
}
