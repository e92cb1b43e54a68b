//! `leverage` used as a library, without the command line: load a graph, ask the outreach
//! question, explain the first partner, check how sure the answer is, and export the graph with
//! the answer attached.
//!
//! Run: `cargo run --example library [GRAPH.json]` (default: the bundled graph). It writes
//! `target/example-outreach.graphml`.

use std::path::PathBuf;

use leverage::analysis::robustness::{robustness, structural, RobustnessParams};
use leverage::analysis::suggest::{suggest, SuggestParams};
use leverage::export::annotate::attach_suggestion;
use leverage::export::{to_bytes, AnnotatedGraph, ExportFormat};
use leverage::io::{load, GraphSource};
use leverage::model::{ActorId, BasisSet};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let source = match std::env::args().nth(1) {
        Some(p) => GraphSource::File(PathBuf::from(p)),
        None => GraphSource::Bundled,
    };
    let graph = load(&source)?;

    // The letter's question: the fifteen signatories pressing Russia, EU members and Ukraine
    // left out (and, by the model, every state that already sanctions Russia).
    let question = SuggestParams::outreach_letter(&graph)?;
    let ranking = suggest(&graph, &question)?;
    println!("top partners:");
    for p in ranking.partners.iter().take(5) {
        println!(
            "  {} {:<22} score {:.4}  reach {:.3}  headroom {:.3}  movability {}  judgement {}",
            p.rank,
            p.name,
            p.score,
            p.reach,
            p.headroom,
            p.movability.map_or("?".into(), |m| format!("{m:.2}")),
            p.judgement_share
                .map_or("?".into(), |j| format!("{:.0}%", j * 100.0)),
        );
    }

    // Why the first one: its best path, tie by tie, each channel with its basis and source.
    if let Some(first) = ranking.partners.first() {
        println!("\nwhy {}:", first.name);
        for leg in &first.legs {
            for tie in &leg.ties {
                let top = &tie.channels[0];
                println!(
                    "  {} -> {}: {} {:.3} ({}, {}: {})",
                    tie.from, tie.to, top.channel, top.value, top.year, top.basis, top.source
                );
            }
        }
    }

    // How sure: the data's ranges, and the model's own choices.
    let mut p = RobustnessParams::new(question.clone(), 500, 1);
    p.top_k = 3;
    println!("\nsampling: {}", robustness(&graph, &p, None)?.verdict);
    println!("structure: {}", structural(&graph, &question, 3)?.verdict);

    // The same question on checked figures only (no judgement).
    let (checked, dropped) = graph.with_bases("official,published,derived".parse::<BasisSet>()?);
    let r = suggest(&checked, &question)?;
    println!(
        "\nwithout the {} judgement figures, the first partner is {}",
        dropped.figures_dropped + dropped.signals_dropped,
        r.partners
            .first()
            .map_or_else(|| "none".to_owned(), |p| p.name.clone())
    );

    // Another question: Germany alone pressing Russia.
    let germany = SuggestParams::new(vec![ActorId::from("DEU")], ActorId::from("RUS"));
    if let Ok(r) = suggest(&graph, &germany) {
        if let Some(p) = r.partners.first() {
            println!("Germany alone would start with {}", p.name);
        }
    }

    // Export the graph for Gephi or NetworkX, with the answer attached and its paths
    // highlighted.
    let mut annotated = AnnotatedGraph::new(&graph);
    attach_suggestion(&mut annotated, &ranking, "signatories", 5, true);
    let bytes = to_bytes(&annotated, ExportFormat::Graphml)?;
    let out = PathBuf::from("target/example-outreach.graphml");
    std::fs::create_dir_all("target")?;
    leverage::io::atomic::write(&out, &bytes)?;
    println!("\nwrote {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}
