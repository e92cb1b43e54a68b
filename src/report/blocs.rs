//! `leverage blocs`: the blocs the ties form, with modularity and how they were found.

use super::suggest::wrap;
use super::{csv_string, OutputFormat};
use crate::analysis::bloc_groups::NamedBlocs;
use crate::model::InfluenceGraph;

/// Renders blocs; `graph` gives the actors' names for CSV.
pub fn render(b: &NamedBlocs, graph: &InfluenceGraph, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => super::json(&super::wire::blocs::BlocsJson::new(b)),
        OutputFormat::Csv => csv_string(
            &["id", "name", "bloc", "group"],
            b.blocs.iter().flat_map(|x| {
                x.members.iter().map(move |m| {
                    vec![
                        m.to_string(),
                        graph
                            .actor_by_id(m.as_str())
                            .map_or_else(String::new, |a| a.name.clone()),
                        x.bloc.to_string(),
                        x.id.clone(),
                    ]
                })
            }),
        ),
        OutputFormat::Table => table(b),
    }
}

fn table(b: &NamedBlocs) -> String {
    let mut out = String::new();
    let seed = if b.default_parameters {
        format!("seed {} (the default; `--seed S` for another)", b.seed)
    } else {
        format!("seed {}", b.seed)
    };
    let runs = if b.restarts == 1 {
        "1 run".to_owned()
    } else {
        format!("the best of {} runs", b.restarts)
    };
    let stop = if b.converged {
        format!("converged after {} iterations", b.iterations)
    } else {
        format!(
            "stopped at the cap of {} iterations, not converged",
            b.iterations
        )
    };
    out.push_str(&wrap(
        &format!(
            "Blocs: {}, {seed}, resolution {}, {runs}, {stop}. {} blocs, modularity {:.4} on the \
             ties made undirected (directed, Leicht-Newman: {:.4}).",
            b.method,
            b.resolution,
            b.blocs.len(),
            b.modularity,
            b.directed_modularity
        ),
        100,
    ));
    out.push_str("\n\n");
    for x in &b.blocs {
        let like = x.resembles.as_ref().map_or(String::new(), |r| {
            format!(
                "; most like {}: {} of its {}",
                r.group, r.shared, r.group_size
            )
        });
        let ids: Vec<String> = x.members.iter().map(ToString::to_string).collect();
        let line = format!(
            "{} ({} actors{like}): {}",
            x.id,
            x.members.len(),
            ids.join(" ")
        );
        for (i, l) in wrap(&line, 96).lines().enumerate() {
            if i > 0 {
                out.push_str("    ");
            }
            out.push_str(l);
            out.push('\n');
        }
    }
    out.push('\n');
    let usage = if b.default_parameters {
        "Use them as groups anywhere a group is accepted with the global option `--with-blocs`, \
         e.g. `leverage --with-blocs suggest --candidates bloc-2`; `leverage export --with blocs` \
         adds each actor's bloc number as a node attribute."
            .to_owned()
    } else {
        "`--with-blocs` and `export --with blocs` use the blocs of the default parameters \
         (leiden, seed 1, resolution 1, one run), not these."
            .to_owned()
    };
    out.push_str(&wrap(
        &format!(
            "A bloc is a set of actors whose ties run among themselves more than chance predicts, \
             whoever holds the leverage; blocs are numbered largest first. {usage}"
        ),
        100,
    ));
    out.push('\n');
    out
}
