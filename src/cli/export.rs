//! `leverage export`: write the graph for visualisation tools.

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::builder::TypedValueParser as _;
use clap::{Args, ValueEnum};

use super::question::resolve_question;
use super::{print_bytes, usage, warn, Context, Format};
use leverage::analysis::briefing::{briefing, BriefingParams, DEFAULT_SAMPLES};
use leverage::analysis::centrality::{centrality_table, CentralityParams, Measure};
use leverage::analysis::suggest::{suggest, SuggestParams};
use leverage::exchange::files::{graph_path, nodes_path};
use leverage::export::annotate::{attach_briefing, attach_centrality, attach_suggestion};
use leverage::export::csv::{CsvExporter, CsvTables};
use leverage::export::html::HtmlExporter;
use leverage::export::svg::SvgExporter;
use leverage::export::{exporter_bytes, AnnotatedGraph, ExportFormat, Exporter};

/// Write the graph for visualisation tools, or draw it as an SVG map
///
/// Formats: graphml (NetworkX, igraph, Gephi, yEd, Cytoscape), gexf (Gephi, laid out as a map),
/// dot (Graphviz; `neato -n` draws a map), cytoscape (Cytoscape.js), node-link (NetworkX, D3),
/// csv (Gephi spreadsheets: FILE.csv holds the ties, FILE.nodes.csv the actors, FILE.graph.json
/// the metadata, citations and groups), svg (a map drawn
/// by leverage), json (native). Edges carry `weight` (the strength under `--channels`) and `dist`
/// (the `--distance` cost); the best leverage paths of the top suggested partners are
/// highlighted. docs/EXPORTS.md documents every format.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage export -o world.graphml\n  leverage export -o world.gexf --with suggest,centrality\n  leverage export -o world.dot && neato -n -Tpng world.dot -o world.png\n  leverage export -o map.svg --highlight 5\n  leverage export --format csv -o world.csv   # world.csv + world.nodes.csv + world.graph.json"
)]
pub struct ExportArgs {
    /// Output file (`-` for standard output, the default); the format follows its extension
    /// when `--format` is not given
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// How many suggested partners' leverage paths to highlight (0: none; at most 500,000)
    #[arg(long, default_value_t = 5, value_parser = super::ranges::count_of_actors)]
    highlight: usize,
    /// Analysis results to attach to actors: `suggest` (score, rank, reach, pull, brokerage),
    /// `centrality` (strength_in, strength_out, betweenness, pagerank, influence), `blocs`
    /// (`bloc`: the actor's bloc number, as `leverage blocs` numbers them)
    #[arg(long, value_enum, value_delimiter = ',', value_name = "LIST")]
    with: Vec<WithArg>,
    /// The node value that sizes actors in GEXF, Cytoscape and SVG (default: `score` with
    /// `--with suggest` or in SVG, else `strength_out`)
    #[arg(long, value_name = "NAME")]
    size_by: Option<String>,
    /// Sources of the suggestion that is highlighted (a group or an actor) [default:
    /// signatories]
    #[arg(long)]
    from: Option<String>,
    /// Target of the suggestion that is highlighted [default: RUS]
    #[arg(long)]
    target: Option<String>,
    /// SVG: draw at most this many ties besides the highlighted paths, the strongest first (0
    /// to 5,000,000)
    #[arg(long, default_value_t = SvgExporter::default().max_ties, value_parser = super::ranges::count_of_ties)]
    max_ties: usize,
    /// SVG: the title (default: the graph's title)
    #[arg(long)]
    title: Option<String>,
    /// CSV: write text cells exactly, without the `'` that keeps a spreadsheet from running a
    /// cell starting with `=`, `+`, `-`, `@`, tab or CR as a formula (docs/EXPORTS.md)
    #[arg(long)]
    csv_raw: bool,
    /// HTML, SVG: samples of the robustness run whose rank intervals the map and page show
    /// (HTML default 2000; SVG: none unless given)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=100_000).map(|x| x as usize))]
    samples: Option<usize>,
    /// HTML, SVG: seed of the robustness run
    #[arg(long, default_value_t = leverage::analysis::briefing::DEFAULT_SEED)]
    seed: u64,
    /// HTML: how many partners the page covers (table, cards)
    #[arg(long, default_value_t = leverage::analysis::briefing::DEFAULT_PARTNERS, value_parser = clap::value_parser!(u64).range(1..=1000).map(|x| x as usize))]
    partners: usize,
    /// HTML: scenario files whose effect the cards show (repeatable; default: the shipped ones)
    #[arg(long, value_name = "FILE")]
    what_if: Vec<PathBuf>,
}

/// `--with` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum WithArg {
    /// partner suggestion scores
    Suggest,
    /// every centrality measure
    Centrality,
    /// each actor's bloc number (`leverage blocs` at its defaults; 1 is the largest)
    Blocs,
}

fn format_of(ctx: &Context, out: Option<&Path>) -> anyhow::Result<ExportFormat> {
    Ok(match (ctx.format, out) {
        (Some(Format::Json), _) => ExportFormat::Json,
        (Some(Format::Graphml), _) => ExportFormat::Graphml,
        (Some(Format::Dot), _) => ExportFormat::Dot,
        (Some(Format::Gexf), _) => ExportFormat::Gexf,
        (Some(Format::Cytoscape), _) => ExportFormat::Cytoscape,
        (Some(Format::NodeLink), _) => ExportFormat::NodeLink,
        (Some(Format::Csv), _) => ExportFormat::Csv,
        (Some(Format::Svg), _) => ExportFormat::Svg,
        (Some(Format::Html), _) => ExportFormat::Html,
        (Some(Format::Kumu), _) => ExportFormat::Kumu,
        (Some(Format::D3), _) => ExportFormat::D3,
        (Some(Format::Table), _) => {
            return Err(usage("`export` writes graph files, not `table`; use json, graphml, gexf, dot, cytoscape, node-link, d3, kumu, csv, svg or html".into()))
        }
        (None, Some(p)) => ExportFormat::from_extension(p).ok_or_else(|| {
            usage(format!(
                "cannot tell the format from `{}`: give `--format graphml|gexf|dot|cytoscape|node-link|d3|kumu|csv|svg|html|json`",
                p.display()
            ))
        })?,
        (None, None) => ExportFormat::Json,
    })
}

pub fn exec(args: ExportArgs, ctx: &Context) -> anyhow::Result<()> {
    let out = args.output.clone().filter(|p| p.as_os_str() != "-");
    let format = format_of(ctx, out.as_deref())?;
    if args.csv_raw && format != ExportFormat::Csv {
        return Err(usage(format!(
            "`--csv-raw` applies to `--format csv`, not `{}`",
            format.name()
        )));
    }
    let mut targets: Vec<PathBuf> = out.iter().cloned().collect();
    if let (ExportFormat::Csv, Some(p)) = (format, &out) {
        targets.push(nodes_path(p));
        targets.push(graph_path(p));
    }
    for t in &targets {
        ctx.refuse_input_as_output(t)?;
    }
    let graph = ctx.load()?;
    let mut g = AnnotatedGraph::new(&graph);
    g.strength = ctx.strength.clone();
    g.distance = ctx.distance;
    g.size_by = args.size_by.clone();
    let briefed =
        format == ExportFormat::Html || (format == ExportFormat::Svg && args.samples.is_some());
    let mut brief = None;
    if briefed {
        let (sources, target, exclude) =
            resolve_question(&graph, args.from.as_deref(), args.target.as_deref(), None)?;
        let mut params = SuggestParams::new(sources, target);
        params.exclude = exclude;
        params.strength = ctx.strength.clone();
        params.distance = ctx.distance;
        let name = args.from.clone().unwrap_or_else(|| "signatories".into());
        let mut bp = BriefingParams::new(params, &name);
        bp.partners = Some(args.partners);
        bp.samples = args.samples.unwrap_or(DEFAULT_SAMPLES);
        bp.seed = args.seed;
        bp.scenarios = if format == ExportFormat::Html {
            super::brief::what_if(&args.what_if, false)?
        } else {
            Vec::new()
        };
        let b = briefing(&graph, &bp)?;
        attach_briefing(&mut g, &b, args.highlight.min(args.partners));
        brief = Some(b);
    }
    let want_scores = args.with.contains(&WithArg::Suggest);
    let explicit = args.from.is_some() || args.target.is_some();
    if !briefed && (want_scores || explicit || args.highlight > 0 || format == ExportFormat::Svg) {
        let question = resolve_question(&graph, args.from.as_deref(), args.target.as_deref(), None);
        match question {
            Ok((sources, target, exclude)) => {
                // The whole ranking (no `top`), without the judgement share's extra runs.
                let mut params = SuggestParams::new(sources, target);
                params.exclude = exclude;
                params.strength = ctx.strength.clone();
                params.distance = ctx.distance;
                params.top = None;
                params.judgement_share = false;
                let ranking = suggest(&graph, &params)?;
                let scores = want_scores || format == ExportFormat::Svg;
                let name = args.from.clone().unwrap_or_else(|| "signatories".into());
                attach_suggestion(&mut g, &ranking, &name, args.highlight, scores);
            }
            // Names the user gave, and `--with suggest`, must resolve.
            Err(e) if want_scores || explicit => return Err(e),
            // The default question does not fit this graph: export without highlights, and
            // say so.
            Err(e) => super::note(&format!("nothing highlighted: {e:#}")),
        }
    }
    if args.with.contains(&WithArg::Centrality) {
        let cp = CentralityParams {
            strength: ctx.strength.clone(),
            distance: ctx.distance,
            ..CentralityParams::default()
        };
        let table = centrality_table(&graph, Measure::ALL, &cp)?;
        for (measure, why) in &table.failed {
            warn(&format!("{measure} left out of the export: {why}"), None);
        }
        attach_centrality(&mut g, &table);
    }
    if args.with.contains(&WithArg::Blocs) {
        let found = leverage::analysis::bloc_groups::named_blocs(
            &graph,
            &ctx.strength,
            &leverage::analysis::blocs::BlocsParams::default(),
        )?;
        let mut col = indexmap::IndexMap::new();
        for b in &found.blocs {
            for m in &b.members {
                if let Some(n) = graph.node(m) {
                    #[allow(clippy::cast_precision_loss)]
                    col.insert(n, b.bloc as f64);
                }
            }
        }
        g.node_values.insert("bloc".to_owned(), col);
    }
    if let Some(name) = &args.size_by {
        if !g.node_values.contains_key(name) {
            let known: Vec<&str> = g.node_values.keys().map(String::as_str).collect();
            return Err(usage(format!(
                "`--size-by {name}` names no attached value (attached: {}); add `--with suggest` or `--with centrality`",
                if known.is_empty() { "none".to_owned() } else { known.join(", ") }
            )));
        }
    }
    let svg = SvgExporter {
        max_ties: args.max_ties,
        title: args.title.clone(),
        ..SvgExporter::default()
    };
    let exporter: Box<dyn Exporter> = match (format, &brief) {
        (ExportFormat::Html, Some(b)) => Box::new(HtmlExporter {
            briefing: b,
            map: svg,
        }),
        (ExportFormat::Svg, _) => Box::new(svg),
        (ExportFormat::Csv, _) => Box::new(CsvExporter {
            tables: CsvTables::Both,
            raw: args.csv_raw,
        }),
        (f, _) => f.exporter(),
    };
    match out {
        None => print_bytes(&exporter_bytes(&g, exporter.as_ref())?),
        Some(path) if format == ExportFormat::Csv => {
            // All three files or none: the ties without their actors or their graph file would
            // reload differently.
            let mut batch = leverage::io::atomic::Batch::new();
            for (p, tables) in [
                (path.clone(), CsvTables::Edges),
                (nodes_path(&path), CsvTables::Nodes),
                (graph_path(&path), CsvTables::Graph),
            ] {
                batch
                    .add(&p, |w| {
                        let raw = args.csv_raw;
                        CsvExporter { tables, raw }.write(&g, w)
                    })
                    .with_context(|| format!("exporting csv to `{}`", p.display()))?;
            }
            batch
                .commit()
                .with_context(|| format!("exporting csv to `{}`", path.display()))
        }
        Some(path) => leverage::io::atomic::write_with(&path, |w| exporter.write(&g, w))
            .with_context(|| format!("exporting {} to `{}`", format.name(), path.display())),
    }
}
