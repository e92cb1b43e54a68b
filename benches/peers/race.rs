//! `leverage`'s side of the peer race (`benches/peers/compare.py`): loads one graph once, times
//! each kernel a few times, and prints one JSON object with the median times and (optionally)
//! writes every measure's values for the agreement check.
//!
//! ```text
//! cargo run --release --example race -- GRAPH [--repeat R] [--measures a,b,c]
//!     [--values DIR] [--from ID --to ID] [--k K] [--threshold T] [--max-iterations N]
//! ```
//!
//! Measures: the centrality names (`betweenness`, `pagerank`, ...), `paths`, and `blocs`
//! (Leiden, [`leverage::analysis::blocs::blocs`] with its defaults but `threshold` 0: iterate
//! until nothing moves, as igraph's `n_iterations=-1`; seed 1) or `louvain` (the same with
//! Louvain); `--threshold T` and `--max-iterations N` change those two settings. For blocs the
//! values file holds the modularity and each actor's bloc.
//!
//! `GRAPH` is loaded with [`leverage::io::load`], the same loader as `leverage --graph`: a
//! `.csv` ties table once the CSV importer is in the library, native JSON otherwise (the output
//! says which was loaded). The load time (file to validated graph) and the build time (graph to
//! the CSR [`Network`]) are reported apart from compute times. Thread count: rayon's, so set
//! `RAYON_NUM_THREADS`.

// An example binary: its functions need no public docs.
#![allow(missing_docs)]

use std::path::PathBuf;
use std::time::Instant;

use leverage::analysis::blocs::{blocs, BlocsParams, Method};
use leverage::analysis::centrality::{compute, CentralityParams, Measure};
use leverage::analysis::network::Network;
use leverage::analysis::paths::k_best_paths;
use leverage::io::{load, GraphSource};
use leverage::model::{Distance, InfluenceGraph, StrengthRule};

/// The allocator of the `leverage` binary, so that the race times what users run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Args {
    graph: PathBuf,
    repeat: usize,
    measures: Vec<String>,
    values: Option<PathBuf>,
    from: String,
    to: String,
    k: usize,
    /// Blocs: `threshold` and `max_iterations` of [`BlocsParams`].
    threshold: f64,
    max_iterations: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mut a = Args {
        graph: PathBuf::new(),
        repeat: 3,
        measures: [
            "betweenness",
            "closeness",
            "harmonic",
            "pagerank",
            "eigenvector",
            "katz",
        ]
        .map(String::from)
        .to_vec(),
        values: None,
        from: "n1".into(),
        to: "n0".into(),
        k: 10,
        threshold: 0.0,
        max_iterations: BlocsParams::default().max_iterations,
    };
    let mut graph = None;
    while let Some(arg) = it.next() {
        let mut val = || it.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--repeat" => a.repeat = val()?.parse().map_err(|e| format!("--repeat: {e}"))?,
            "--measures" => {
                a.measures = val()?
                    .split(',')
                    .filter(|m| !m.is_empty())
                    .map(String::from)
                    .collect();
            }
            "--values" => a.values = Some(PathBuf::from(val()?)),
            "--from" => a.from = val()?,
            "--to" => a.to = val()?,
            "--k" => a.k = val()?.parse().map_err(|e| format!("--k: {e}"))?,
            "--threshold" => {
                a.threshold = val()?.parse().map_err(|e| format!("--threshold: {e}"))?;
            }
            "--max-iterations" => {
                a.max_iterations = val()?
                    .parse()
                    .map_err(|e| format!("--max-iterations: {e}"))?;
            }
            _ if graph.is_none() => graph = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    a.graph = graph.ok_or("usage: race GRAPH [--repeat R] [--measures a,b] [--values DIR]")?;
    Ok(a)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Loads `path`; if a `.csv` is not understood (no CSV importer in this build), falls back to
/// the `.json` next to it and says so.
fn load_graph(path: &std::path::Path) -> Result<(InfluenceGraph, String, PathBuf), String> {
    match load(&GraphSource::File(path.to_path_buf())) {
        Ok(g) => Ok((g, ext(path), path.to_path_buf())),
        Err(e) if ext(path) == "csv" => {
            let json = path.with_extension("json");
            eprintln!(
                "race: this build cannot load `{}` ({e}); timing `{}` instead",
                path.display(),
                json.display()
            );
            load(&GraphSource::File(json.clone()))
                .map(|g| (g, "json".to_owned(), json))
                .map_err(|e| e.to_string())
        }
        Err(e) => Err(e.to_string()),
    }
}

fn ext(p: &std::path::Path) -> String {
    p.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn main() -> Result<(), String> {
    let args = parse_args()?;
    let t = Instant::now();
    let (graph, format, loaded) = load_graph(&args.graph)?;
    let load_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let net = Network::new(&graph, &StrengthRule::default());
    let build_s = t.elapsed().as_secs_f64();

    let params = CentralityParams::default();
    let id = |v: usize| graph.actor(net.node(v)).id.to_string();
    let mut out = serde_json::Map::new();
    out.insert("graph".into(), loaded.display().to_string().into());
    out.insert("format".into(), format.into());
    out.insert("actors".into(), net.node_count().into());
    out.insert("ties".into(), net.edge_count().into());
    out.insert("threads".into(), rayon::current_num_threads().into());
    out.insert("load_s".into(), load_s.into());
    out.insert("build_s".into(), build_s.into());
    let mut times = serde_json::Map::new();
    let mut used = serde_json::Map::new();
    for name in &args.measures {
        if name == "paths" {
            let pos = |s: &str| {
                graph
                    .node_of(s)
                    .and_then(|n| net.position(n))
                    .ok_or(format!("no actor `{s}`"))
            };
            let (f, to) = (pos(&args.from)?, pos(&args.to)?);
            let mut ts = Vec::new();
            let mut found = Vec::new();
            for _ in 0..args.repeat {
                let t = Instant::now();
                found = k_best_paths(&net, f, to, args.k, Distance::Log, None, &[]);
                ts.push(t.elapsed().as_secs_f64());
            }
            times.insert("paths".into(), median(ts).into());
            if let Some(dir) = &args.values {
                let rows: Vec<serde_json::Value> = found
                    .iter()
                    .map(|p| {
                        serde_json::json!({
                            "nodes": p.nodes.iter().map(|&v| id(v)).collect::<Vec<_>>(),
                            "cost": p.cost,
                        })
                    })
                    .collect();
                write(dir, "paths", &serde_json::Value::Array(rows))?;
            }
            continue;
        }
        if name == "blocs" || name == "louvain" {
            let mut p = BlocsParams::default();
            p.method = if name == "blocs" {
                Method::Leiden
            } else {
                Method::Louvain
            };
            p.threshold = args.threshold;
            p.max_iterations = args.max_iterations;
            let mut ts = Vec::new();
            let mut found = None;
            for _ in 0..args.repeat {
                let t = Instant::now();
                found = Some(blocs(&net, &p).map_err(|e| e.to_string())?);
                ts.push(t.elapsed().as_secs_f64());
            }
            times.insert(name.clone(), median(ts).into());
            if let Some(b) = found {
                used.insert(
                    name.clone(),
                    serde_json::json!({
                        "method": b.method.name(),
                        "seed": b.seed,
                        "resolution": b.resolution,
                        "threshold": p.threshold,
                        "modularity": b.modularity,
                        "blocs": b.communities.len(),
                        "iterations": b.iterations,
                    }),
                );
                if let Some(dir) = &args.values {
                    let membership: serde_json::Map<String, serde_json::Value> = b
                        .membership
                        .iter()
                        .enumerate()
                        .map(|(v, &c)| (id(v), c.into()))
                        .collect();
                    let doc = serde_json::json!({
                        "modularity": b.modularity,
                        "membership": membership,
                    });
                    write(dir, name, &doc)?;
                }
            }
            continue;
        }
        let m = Measure::ALL
            .iter()
            .copied()
            .find(|m| m.name() == name)
            .ok_or(format!("unknown measure `{name}`"))?;
        let mut ts = Vec::new();
        let mut values = Vec::new();
        for _ in 0..args.repeat {
            let t = Instant::now();
            let scores = compute(&net, m, &params).map_err(|e| e.to_string())?;
            ts.push(t.elapsed().as_secs_f64());
            values = scores.values;
            used.insert(
                name.clone(),
                serde_json::to_value(&scores.params).unwrap_or_default(),
            );
        }
        times.insert(name.clone(), median(ts).into());
        if let Some(dir) = &args.values {
            let map: serde_json::Map<String, serde_json::Value> = values
                .iter()
                .enumerate()
                .map(|(v, &x)| (id(v), x.into()))
                .collect();
            write(dir, name, &serde_json::Value::Object(map))?;
        }
    }
    out.insert("compute_s".into(), times.into());
    out.insert("params".into(), used.into());
    println!("{}", serde_json::Value::Object(out));
    Ok(())
}

fn write(dir: &std::path::Path, name: &str, v: &serde_json::Value) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let path = dir.join(format!("leverage_{name}.json"));
    std::fs::write(&path, v.to_string()).map_err(|e| format!("{}: {e}", path.display()))
}
