//! The scenario parser on arbitrary bytes, then every parsed scenario applied to the five-actor
//! fixture. Never a panic; an applied scenario leaves a graph that writes back and reloads.
#![no_main]

use std::sync::OnceLock;

use leverage::model::InfluenceGraph;
use libfuzzer_sys::fuzz_target;

fn five() -> &'static InfluenceGraph {
    static FIVE: OnceLock<InfluenceGraph> = OnceLock::new();
    FIVE.get_or_init(|| {
        leverage::io::json::parse(include_str!("../../tests/fixtures/five.json"), "five.json")
            .expect("the fixture is valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = leverage::io::decode(data, "fuzz-scenario.json") else {
        return;
    };
    let Ok(scenario) = leverage::scenario::parse(text, "fuzz-scenario.json") else {
        return;
    };
    let Ok((graph, _)) = leverage::scenario::apply_all(five(), &[scenario]) else {
        return;
    };
    let written = leverage::io::json::to_string(&graph);
    // A scenario may create what the file format refuses (it is checked edit by edit, not as a
    // whole file); what matters here is that writing and reading never panic.
    let _ = leverage::io::json::parse(&written, "after-scenario.json");
});
