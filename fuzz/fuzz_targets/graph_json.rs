//! The native JSON graph loader on arbitrary bytes: decode (UTF-8, BOM) then parse and validate.
//! Never a panic; an accepted graph writes back and reloads to the same graph.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = leverage::io::decode(data, "fuzz.json") else {
        return;
    };
    let Ok(graph) = leverage::io::json::parse(text, "fuzz.json") else {
        return;
    };
    let written = leverage::io::json::to_string(&graph);
    let again = leverage::io::json::parse(&written, "written.json")
        .expect("a graph the loader accepted writes back to a file it accepts");
    assert_eq!(
        leverage::io::json::to_string(&again),
        written,
        "write, read, write is the identity"
    );
});
