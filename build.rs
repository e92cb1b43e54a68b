//! Build script: writes two copies of the bundled graph into `OUT_DIR`, for
//! `src/io/embedded.rs`. The pretty-printed file in `graphs/` stays the one people read and edit.
//! - `eu-outreach-2025.min.json`, without its layout whitespace: the text that error messages
//!   quote and place.
//! - `eu-outreach-2025.tape` and `eu-outreach-2025.strings`, the same JSON values as a tape
//!   (`src/io/tape/`): what the program reads, without lexing JSON.

use std::path::Path;

/// The tape writer, shared with the reader's tests.
#[path = "src/io/tape/encode.rs"]
mod encode;

fn main() {
    let source = "graphs/eu-outreach-2025.json";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = match std::fs::read_to_string(source) {
        Ok(t) => t,
        Err(e) => panic!("build.rs: cannot read `{source}`: {e}"),
    };
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let target = Path::new(&out).join("eu-outreach-2025.min.json");
    if let Err(e) = std::fs::write(&target, compact(&text)) {
        panic!("build.rs: cannot write `{}`: {e}", target.display());
    }
    // The values as the program's JSON reader reads them (same features: key order kept,
    // floats read exactly), re-encoded.
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => panic!("build.rs: `{source}` is not valid JSON: {e}"),
    };
    let Some(written) = encode::encode(&value) else {
        panic!("build.rs: `{source}` is too large for a tape (4 GiB of strings)");
    };
    for (name, bytes) in [
        ("eu-outreach-2025.tape", &written.tape[..]),
        ("eu-outreach-2025.strings", written.strings.as_bytes()),
    ] {
        let target = Path::new(&out).join(name);
        if let Err(e) = std::fs::write(&target, bytes) {
            panic!("build.rs: cannot write `{}`: {e}", target.display());
        }
    }
    println!("cargo:rerun-if-changed=src/io/tape/encode.rs");
}

/// `text` without the whitespace between JSON tokens; strings (escapes included) are kept
/// byte for byte.
fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            out.push(c);
        }
    }
    out
}
