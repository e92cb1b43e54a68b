//! `leverage build`: a graph file from published datasets (BACI, IMF, SIPRI, UN votes, FBIC).

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;

use super::{print, usage, Context};
use leverage::datasets::build::{build, read_sources, BuildParams, Sources};
use leverage::datasets::Dataset;
use leverage::datasets::{
    baci::BaciParams, fbic::FbicParams, sipri::SipriParams, votes::VotesParams,
};

/// Build a graph file from published datasets, in the files their publishers distribute
///
/// Every figure gets its basis (official; SIPRI and FBIC published) and a citation of the
/// dataset's release; several years become yearly series; `meta.build` records every file read
/// (SHA-256, rows, versions, unmatched names) and the priority. docs/DATA.md describes each
/// dataset: where to download it, its licence and credit line, the columns read, the traps.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage build --baci BACI_HS92_Y2021_V202301.csv --baci-codes country_codes_V202301.csv -o t.json\n  leverage build --imf DOT_02-24-2023_timeSeries.csv --sipri trade-register.csv -o graph.json\n  leverage build --votes UN_VOTING_DATA_RAW_WITH_TAGS.csv --imf imts.csv -o graph.json\n  leverage build --imf imts.csv --fbic fbic.csv --priority fbic,imf -o graph.json"
)]
pub struct BuildArgs {
    /// CEPII BACI year file (`t,i,j,k,v,q`); repeat for several years
    #[arg(long, value_name = "FILE")]
    baci: Vec<PathBuf>,
    /// BACI's `country_codes_V<release>.csv` (BACI's own codes, never ISO numeric); one per
    /// release of the `--baci` files
    #[arg(long, value_name = "FILE")]
    baci_codes: Vec<PathBuf>,
    /// HS6 codes of the `dual_use` channel: a CSV with a column `hs6` (default: the 50 codes of
    /// the G7/EU Common High Priority List)
    #[arg(long, value_name = "FILE")]
    chpl: Option<PathBuf>,
    /// Leave out BACI figures below this share (0 keeps all; 0.001 shrinks a world file a lot)
    #[arg(long, value_name = "SHARE", default_value_t = 0.0, value_parser = parse_share)]
    min_share: f64,
    /// IMF trade file: the DOTS bulk CSV (wide, IMF area codes) or IMTS SDMX-CSV (long, ISO3)
    #[arg(long, value_name = "FILE")]
    imf: Vec<PathBuf>,
    /// SIPRI Arms Transfers Database trade register (CSV export)
    #[arg(long, value_name = "FILE")]
    sipri: Vec<PathBuf>,
    /// SIPRI delivery years summed into one figure of the window's last year, e.g.
    /// `2020-2024`; repeat for a series (default: the file's last five years)
    #[arg(long, value_name = "Y0-Y1", value_parser = parse_window)]
    sipri_window: Vec<(i32, i32)>,
    /// UN General Assembly votes: UN Digital Library voting data, its scraper's wide CSV, or
    /// Voeten's long file (COW codes)
    #[arg(long, value_name = "FILE")]
    votes: Vec<PathBuf>,
    /// The target of the stance the votes give
    #[arg(long, value_name = "ISO3", default_value = "RUS")]
    votes_target: String,
    /// Resolutions to score, by symbol or its beginning (comma-separated)
    #[arg(
        long,
        value_name = "LIST",
        value_delimiter = ',',
        default_value = "A/RES/ES-11/,A/RES/68/262"
    )]
    votes_resolutions: Vec<String>,
    /// FBIC dyad-year CSV
    #[arg(long, value_name = "FILE")]
    fbic: Vec<PathBuf>,
    /// FBIC columns to make channels of (comma-separated, values in [0, 1])
    #[arg(
        long,
        value_name = "LIST",
        value_delimiter = ',',
        default_value = "economicdependence,securitydependence"
    )]
    fbic_components: Vec<String>,
    /// Which dataset wins when two give the same figure (comma-separated, first wins; the
    /// others follow in the default order baci,imf,sipri,votes,fbic)
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_dataset)]
    priority: Vec<Dataset>,
    /// The graph's title
    #[arg(long)]
    title: Option<String>,
    /// The graph's date, YYYY-MM-DD (default: 31 December of the latest year read)
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// Where to write the graph (`-` for standard output)
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

fn parse_share(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if (0.0..1.0).contains(&v) => Ok(v),
        _ => Err(format!("`{s}` is not a share in [0, 1)")),
    }
}

fn parse_window(s: &str) -> Result<(i32, i32), String> {
    let bad = || format!("`{s}` is not a window of years like `2020-2024`");
    let (a, b) = s.split_once('-').ok_or_else(bad)?;
    let (a, b): (i32, i32) = (
        a.trim().parse().map_err(|_| bad())?,
        b.trim().parse().map_err(|_| bad())?,
    );
    if a > b || !(1950..=2100).contains(&a) || !(1950..=2100).contains(&b) {
        return Err(bad());
    }
    Ok((a, b))
}

fn parse_dataset(s: &str) -> Result<Dataset, String> {
    s.parse()
}

pub fn exec(args: BuildArgs, _ctx: &Context) -> anyhow::Result<()> {
    let sources = Sources {
        baci: args.baci,
        baci_codes: args.baci_codes,
        chpl: args.chpl,
        baci_params: BaciParams {
            min_share: args.min_share,
        },
        imf: args.imf,
        sipri: args.sipri,
        sipri_params: SipriParams {
            windows: args.sipri_window,
        },
        votes: args.votes,
        votes_params: VotesParams {
            target: args.votes_target,
            resolutions: args.votes_resolutions,
        },
        fbic: args.fbic,
        fbic_params: FbicParams {
            components: args.fbic_components,
        },
    };
    if sources.files().is_empty() {
        return Err(usage(
            "no dataset to read: give at least one of `--baci`, `--imf`, `--sipri`, `--votes`, `--fbic`".into(),
        ));
    }
    let to_stdout = args.output.as_os_str() == "-";
    if !to_stdout {
        for input in sources.files() {
            if super::same_file(&args.output, input) {
                return Err(usage(format!(
                    "`-o {}` is one of the input files; write the graph to another file",
                    args.output.display()
                )));
            }
        }
    }
    let inputs = super::with_progress("reading the datasets", || read_sources(&sources))?;
    let mut params = BuildParams {
        priority: args.priority,
        command: Some(std::env::args().skip(1).collect::<Vec<_>>().join(" ")),
        ..BuildParams::default()
    };
    if let Some(t) = args.title {
        params.title = t;
    }
    params.date = args.date;
    let built = super::with_progress("building the graph", || build(inputs, &params))?;
    let graph = built.check()?;
    for w in &built.warnings {
        eprintln!("warning: {w}");
    }
    if to_stdout {
        let mut out = std::io::stdout().lock();
        return built.write(&mut out).context("writing to standard output");
    }
    let summary = leverage::report::build::render(&graph, &args.output.display().to_string());
    drop(graph);
    leverage::io::atomic::write_with(&args.output, |w| built.write(w))
        .with_context(|| format!("writing the graph to `{}`", args.output.display()))?;
    print(&summary)
}
