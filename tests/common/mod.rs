//! Shared helpers of the export and tool tests: a hermetic `leverage` command and generated graphs.
#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;

/// `leverage` with a clean environment.
pub fn leverage() -> Command {
    let mut c = Command::cargo_bin("leverage").expect("the binary is built");
    c.env_remove("NO_COLOR");
    c
}

/// Runs `leverage ARGS` and returns stdout, failing the test with stderr if it fails.
pub fn run(args: &[&str]) -> String {
    let out = leverage().args(args).output().expect("leverage runs");
    assert!(
        out.status.success(),
        "leverage {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs `leverage ARGS`, expecting failure; returns stderr.
pub fn fail(args: &[&str]) -> String {
    let out = leverage().args(args).output().expect("leverage runs");
    assert!(!out.status.success(), "leverage {args:?} succeeded");
    String::from_utf8(out.stderr).expect("UTF-8 output")
}

/// A small deterministic generator (an LCG), so the generated graphs need no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn share(&mut self) -> f64 {
        // Values with many digits, to test exact float round trips.
        (self.next() % 1_000_000) as f64 / 1_000_003.0
    }
}

/// A generated graph in the native format with every feature the exports must carry: actors
/// with and without coordinates and receptiveness, attributes of every type (strings, booleans,
/// integers, floats, arrays, mixed types, a name colliding with a fixed column, a name with a
/// space), markup characters, tabs and newlines in text, groups with names, leads and notes, ties
/// with and without ranges and notes, and a channel named `weight`.
pub fn generated(seed: u64, n: usize) -> serde_json::Value {
    use serde_json::json;
    let mut r = Lcg(seed);
    let ids: Vec<String> = (0..n).map(|i| format!("Actor-{i}")).collect();
    let mut actors = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let mut a =
            json!({"id": id, "name": format!("Name {i} & <\"{}\"> Türkiye\t", r.below(100))});
        if i % 4 != 3 {
            a["lat"] = json!(r.share() * 120.0 - 60.0);
            a["lon"] = json!(r.share() * 340.0 - 170.0);
        }
        if i % 3 == 0 {
            let v = r.share();
            a["receptiveness"] = json!({"value": v, "range": [v * 0.5, (v + 1.0) / 2.0], "source": "generated <test>", "year": 2024});
        } else if i % 3 == 1 {
            a["receptiveness"] = json!({"value": r.share(), "source": "generated", "year": 2023});
        }
        if i % 5 == 0 {
            a["note"] = json!(format!("line one\nline two & more {i}"));
        }
        let mut attrs = serde_json::Map::new();
        attrs.insert("capital city".into(), json!(format!("City {i}")));
        attrs.insert("member".into(), json!(i % 2 == 0));
        attrs.insert("count".into(), json!(i * 7));
        attrs.insert("share".into(), json!(r.share()));
        if i % 2 == 0 {
            attrs.insert("tags".into(), json!(["a", i, true]));
        }
        attrs.insert(
            "mixed".into(),
            if i % 2 == 0 { json!("text") } else { json!(i) },
        );
        attrs.insert("name".into(), json!(format!("alias {i}")));
        a["attributes"] = serde_json::Value::Object(attrs);
        actors.push(a);
    }
    let mut ties = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let channels = ["trade", "energy", "weight", "security"];
    for _ in 0..n * 3 {
        let f = r.below(n as u64) as usize;
        let t = r.below(n as u64) as usize;
        if f == t || !seen.insert((f, t)) {
            continue;
        }
        let mut chans = serde_json::Map::new();
        for (k, c) in channels.iter().enumerate() {
            if k == 0 || r.below(3) == 0 {
                let v = r.share();
                let mut fig = json!({"value": v, "source": format!("source {k} \"quoted\""), "year": 2000 + r.below(25)});
                if r.below(2) == 0 {
                    fig["range"] = json!([v / 2.0, v + (1.0 - v) / 3.0]);
                }
                chans.insert((*c).into(), fig);
            }
        }
        let mut tie = json!({"from": ids[f], "to": ids[t], "channels": chans});
        if r.below(4) == 0 {
            tie["note"] = json!("a note <with> markup & a\ttab");
        }
        ties.push(tie);
    }
    json!({
        "version": 1,
        "meta": {"title": format!("Generated {seed} & <co>"), "date": "2024-12-31",
                 "description": "generated for round trips", "notes": ["one", "two \"quoted\""]},
        "actors": actors,
        "groups": [
            {"id": "first", "name": "First group", "members": [ids[0], ids[1]], "lead": ids[1], "note": "a note"},
            {"id": "second", "members": [ids[2]]}
        ],
        "ties": ties,
    })
}

/// Writes `value` as pretty JSON to `path`.
pub fn write_json(path: &Path, value: &serde_json::Value) {
    std::fs::write(path, serde_json::to_string_pretty(value).unwrap()).unwrap();
}
