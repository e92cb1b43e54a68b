//! The briefing page in a real browser (#14): Debian's Chromium, headless, driven through the
//! DevTools protocol by `tests/tools/browser_check.js` (puppeteer-core from
//! `target/tools/node_modules`, pointed at the installed Chromium; it never downloads one).
//!
//! The page must load with no console error and no network request, hold every partner of the
//! briefing in its table and cards, highlight a partner's path and open its card on a click,
//! show a tie's figures on hover, filter by basis and channel, and sort. Screenshots (and a PDF
//! of the print view) are kept in `target/browser/` for a person to look at.
//!
//! Without Chromium, node or puppeteer-core the test prints `skipped: ...` and passes, except
//! under `CI=true` (`.ci/run` installs them), where it fails.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::run;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn chromium() -> Option<PathBuf> {
    let p = std::env::var_os("CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    p.is_file().then_some(p)
}

fn node() -> bool {
    Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Reports a missing tool: a visible skip locally, a failure under CI=true.
fn missing(what: &str) {
    assert!(
        std::env::var("CI").map_or(true, |v| v != "true"),
        "{what} is missing, and CI=true requires it"
    );
    println!("skipped: {what}");
}

#[test]
fn the_briefing_page_works_in_chromium() {
    let modules = repo().join("target/tools/node_modules");
    let Some(chromium) = chromium() else {
        return missing("Chromium (apt-get install chromium)");
    };
    if !node() {
        return missing("node");
    }
    if !modules.join("puppeteer-core").is_dir() {
        return missing(
            "puppeteer-core in target/tools (PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix target/tools puppeteer-core)",
        );
    }
    let out = repo().join("target/browser");
    std::fs::create_dir_all(&out).unwrap();
    let page = out.join("brief.html");
    run(&["export", "--samples", "300", "-o", page.to_str().unwrap()]);
    let size = std::fs::metadata(&page).unwrap().len();
    // See: #14. Under 1 MB for the bundled graph.
    assert!(size < 1_000_000, "the page is {size} bytes");
    // What the page must show, from the briefing as JSON (same question and seed).
    let b: serde_json::Value = serde_json::from_str(&run(&[
        "--format",
        "json",
        "brief",
        "--samples",
        "300",
        "--no-what-if",
    ]))
    .unwrap();
    let partners: Vec<String> = b["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["partner"]["id"].as_str().unwrap().to_owned())
        .collect();
    let mut paths = serde_json::Map::new();
    for p in b["partners"].as_array().unwrap() {
        let ids: Vec<&str> = p["partner"]["path"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap())
            .collect();
        let ties: Vec<String> = ids
            .windows(2)
            .map(|w| format!("{}>{}", w[0], w[1]))
            .collect();
        paths.insert(p["partner"]["id"].as_str().unwrap().to_owned(), ties.into());
    }
    let expected = out.join("expected.json");
    std::fs::write(
        &expected,
        serde_json::json!({ "partners": partners, "paths": paths }).to_string(),
    )
    .unwrap();
    let o = Command::new("node")
        .arg(repo().join("tests/tools/browser_check.js"))
        .arg(&modules)
        .arg(&chromium)
        .arg(page.canonicalize().unwrap())
        .arg(&out)
        .arg(&expected)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "browser check failed: {stdout}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    println!(
        "chromium: {stdout}page: {size} bytes; screenshots in {}",
        out.display()
    );
    assert!(out.join("brief.png").is_file() && out.join("brief-map.png").is_file());
}
