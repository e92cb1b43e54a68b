//! `leverage actors`: every actor, its groups and its stance.

use super::table::{Align, Table};
use super::{csv_string, json, OutputFormat};
use crate::analysis::info::ActorList;

/// Renders the actors listing.
pub fn render(r: &ActorList, format: OutputFormat) -> String {
    let signals = |s: &std::collections::BTreeMap<String, f64>| {
        s.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match format {
        OutputFormat::Json => json(&super::wire::actors::ActorsJson::new(r)),
        OutputFormat::Csv => csv_string(
            &[
                "id", "name", "groups", "stance", "signals", "ties_out", "ties_in",
            ],
            r.actors.iter().map(|a| {
                vec![
                    a.id.clone(),
                    a.name.clone(),
                    a.groups.join(";"),
                    a.stance.to_string(),
                    signals(&a.signals),
                    a.ties_out.to_string(),
                    a.ties_in.to_string(),
                ]
            }),
        ),
        OutputFormat::Table => {
            let stance = match &r.target {
                Some(t) => format!("stance to {t}"),
                None => "stance".to_owned(),
            };
            let mut t = Table::new(&[
                ("id", Align::Left),
                ("name", Align::Left),
                ("groups", Align::Left),
                (stance.as_str(), Align::Left),
                ("out", Align::Right),
                ("in", Align::Right),
            ]);
            for a in &r.actors {
                t.row(vec![
                    a.id.clone(),
                    a.name.clone(),
                    a.groups.join(" "),
                    a.stance.to_string(),
                    a.ties_out.to_string(),
                    a.ties_in.to_string(),
                ]);
            }
            let mut out = t.render();
            out.push_str(&format!(
                "\n{} actors. out/in: ties the actor holds / depends on. `--format json` gives every stance signal.\n",
                r.actors.len()
            ));
            out
        }
    }
}
