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
