//! `leverage brief` and `leverage explain` (#14).

use crate::common::{fails, json, leverage};

/// Stdout of a successful run.
fn run(args: &[&str]) -> String {
    let out = leverage().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "leverage {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A share in percent with one decimal, two significant digits below 0.1% (written here
/// independently of the program's formatter).
fn pct(x: f64) -> String {
    let p = x * 100.0;
    if p != 0.0 && p.abs() < 0.1 {
        let mag = p.abs().log10().floor() as i32;
        let d = usize::try_from((1 - mag).max(0)).unwrap();
        format!("{p:.d$}%")
    } else {
        format!("{p:.1}%")
    }
}

/// `x` with three significant digits.
fn sig3(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    let mag = x.abs().log10().floor() as i32;
    let d = usize::try_from((2 - mag).max(0)).unwrap();
    format!("{x:.d$}")
}

/// `n` with thousands separated by commas.
fn grouped(n: u64) -> String {
    let d = n.to_string();
    let mut out = String::new();
    for (i, c) in d.chars().enumerate() {
        if i > 0 && (d.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Number tokens of `text`: digits with `,` and `.` inside and an optional `%`, not glued to a
/// letter (`EU27`, `ES-11`) on their left.
fn numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let glued = i > 0 && (chars[i - 1].is_alphabetic() || chars[i - 1] == '-');
        if chars[i].is_ascii_digit() && !glued {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || ((chars[i] == '.' || chars[i] == ',')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            if chars.get(i) == Some(&'%') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else {
            i += 1;
        }
    }
    out
}

/// Every way the note may print a value of the briefing: each number as an integer, grouped,
/// in percent, in thousandths; each array's length; and every number inside a string (a
/// figure's source, a citation, a date), which the note may quote.
fn renderings(v: &serde_json::Value, out: &mut std::collections::HashSet<String>) {
    match v {
        serde_json::Value::Number(n) => {
            let x = n.as_f64().unwrap();
            if x.fract() == 0.0 && x >= 0.0 {
                out.insert(format!("{x:.0}"));
                out.insert(grouped(x as u64));
            }
            out.insert(pct(x));
            out.insert(sig3(x * 1000.0));
        }
        serde_json::Value::String(s) => {
            for t in numbers(s) {
                out.insert(t.trim_end_matches('%').to_owned());
                out.insert(t);
            }
            for part in s.split(|c: char| !c.is_ascii_digit()) {
                if !part.is_empty() {
                    out.insert(part.to_owned());
                }
            }
        }
        serde_json::Value::Array(a) => {
            out.insert(a.len().to_string());
            for x in a {
                renderings(x, out);
            }
        }
        serde_json::Value::Object(o) => {
            for x in o.values() {
                renderings(x, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_number_of_the_note_comes_from_the_briefing() {
    // See: #14. Nothing in the note is typed in by hand: each number is a value of
    // `--format json brief` (same question, same seed) in the table's units.
    let args = ["brief", "--samples", "300"];
    let note = run(&args);
    let b = json(&["--format", "json", "brief", "--samples", "300"]);
    let mut allowed = std::collections::HashSet::new();
    renderings(&b, &mut allowed);
    allowed.insert(env!("CARGO_PKG_VERSION").to_owned());
    for part in env!("CARGO_PKG_VERSION").split('.') {
        allowed.insert(part.to_owned());
    }
    let stray: Vec<String> = numbers(&note)
        .into_iter()
        .filter(|t| !allowed.contains(t))
        .collect();
    assert!(
        stray.is_empty(),
        "numbers not in the briefing: {stray:?}\n{note}"
    );
    // And the headline numbers are the right ones: each top partner's rank, name and score in
    // thousandths, and its P(top k).
    let k = b["robustness"]["top_k"].as_u64().unwrap() as usize;
    for p in b["partners"].as_array().unwrap().iter().take(k) {
        let row = &p["partner"];
        let heading = format!(
            "### {}. {}: score {}",
            row["rank"],
            row["name"].as_str().unwrap(),
            sig3(row["score"].as_f64().unwrap() * 1000.0)
        );
        assert!(note.contains(&heading), "{heading} missing");
        let p_top = pct(p["spread"]["p_top_k"].as_f64().unwrap());
        assert!(
            note.contains(&format!("in the top {k} in {p_top}")),
            "{p_top}"
        );
    }
    // A partner that already sanctions Russia is never presented as one to approach.
    for x in b["left_out"].as_array().unwrap() {
        if x["reason"] == "pressing" {
            let name = x["name"].as_str().unwrap();
            assert!(!note.contains(&format!(". {name}: score")), "{name}");
        }
    }
}

#[test]
fn the_note_is_written_to_a_file_and_is_about_two_pages() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("note.md");
    run(&["brief", "--samples", "100", "-o", p.to_str().unwrap()]);
    let note = std::fs::read_to_string(&p).unwrap();
    assert!(note.starts_with("# Whom to approach to press Russia"));
    for section in [
        "## The question",
        "## The answer",
        "## How sure",
        "## Data caveats",
    ] {
        assert!(note.contains(section), "{section}");
    }
    // Two pages of A4 hold about 1,000-1,600 words of a note with bullets.
    let words = note.split_whitespace().count();
    assert!((500..1700).contains(&words), "{words} words");
    // The trade fact of the issue's example, from the data: Türkiye is Russia's #3 trade
    // partner with 8.0% of its 2023 trade (RIA Novosti's compilation).
    assert!(
        note.contains("Russia's #3 trade partner, 8.0% of its 2023 goods trade (RIA Novosti)"),
        "{note}"
    );
}

#[test]
fn explain_resolves_names_and_says_why_a_state_is_no_partner() {
    let t = run(&["explain", "türkiye", "--samples", "100"]);
    assert!(t.starts_with("Türkiye (TUR): #1 of "), "{t}");
    assert!(t.contains("best path DEU → TUR → RUS"), "{t}");
    assert!(t.contains("stance towards Russia:"), "{t}");
    let usa = run(&["explain", "USA", "--samples", "100"]);
    assert!(
        usa.contains("USA already presses RUS: on its 'unfriendly' list (Order No. 430-r"),
        "{usa}"
    );
    let e = fails(&["explain", "Narnia"], 2);
    assert!(e.contains("unknown actor or group `Narnia`"), "{e}");
}

#[test]
fn explain_json_is_the_partner_of_the_briefing() {
    let j = json(&["--format", "json", "explain", "IND", "--samples", "100"]);
    let b = json(&["--format", "json", "brief", "--samples", "100"]);
    let ind = b["partners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["partner"]["id"] == "IND")
        .unwrap();
    assert_eq!(j["partner"], *ind);
    assert_eq!(j["robustness"]["samples"], 100);
    let usa = json(&[
        "--format",
        "json",
        "explain",
        "united states",
        "--samples",
        "100",
    ]);
    assert_eq!(usa["left_out"]["reason"], "pressing");
    assert_eq!(usa["left_out"]["evidence"]["value"], 1.0);
    assert!(usa.get("partner").is_none());
}
