//! `leverage roles`: Gould-Fernandez brokerage roles.

use super::table::{Align, Table};
use super::{csv_string, json, OutputFormat};
use crate::analysis::brokerage_roles::BrokerageRoles;

/// Renders Gould-Fernandez brokerage roles: JSON is [`BrokerageRoles`]; CSV has one row per
/// actor (`rank,id,name,class,coordinator,itinerant,representative,gatekeeper,liaison,total`).
pub fn render(r: &BrokerageRoles, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(&RolesJson::new(r)),
        OutputFormat::Csv => csv_string(
            &[
                "rank",
                "id",
                "name",
                "class",
                "coordinator",
                "itinerant",
                "representative",
                "gatekeeper",
                "liaison",
                "total",
            ],
            r.actors.iter().map(|a| {
                vec![
                    a.rank.to_string(),
                    a.id.clone(),
                    a.name.clone(),
                    a.class.clone(),
                    a.coordinator.to_string(),
                    a.itinerant.to_string(),
                    a.representative.to_string(),
                    a.gatekeeper.to_string(),
                    a.liaison.to_string(),
                    a.total.to_string(),
                ]
            }),
        ),
        OutputFormat::Table => {
            let mut out = format!(
                "Brokerage roles (Gould-Fernandez): chains u → v → w without a tie u → w, by bloc\n\
                 blocs: {} alone, then {}, every other actor alone\n\n",
                r.target,
                if r.partition.is_empty() {
                    "no group".to_owned()
                } else {
                    r.partition.join(", ")
                }
            );
            let mut t = Table::new(&[
                ("#", Align::Right),
                ("actor", Align::Left),
                ("bloc", Align::Left),
                ("coord.", Align::Right),
                ("itin.", Align::Right),
                ("repr.", Align::Right),
                ("gatek.", Align::Right),
                ("liaison", Align::Right),
                ("total", Align::Right),
            ]);
            for a in &r.actors {
                t.row(vec![
                    a.rank.to_string(),
                    format!("{} {}", a.id, a.name),
                    a.class.clone(),
                    a.coordinator.to_string(),
                    a.itinerant.to_string(),
                    a.representative.to_string(),
                    a.gatekeeper.to_string(),
                    a.liaison.to_string(),
                    a.total.to_string(),
                ]);
            }
            out.push_str(&t.render());
            out.push_str(
                "\ncoordinator: u, v, w in one bloc; itinerant: u, w in one bloc, v outside;\n\
                 representative: v carries its own bloc's leverage out; gatekeeper: v lets leverage\n\
                 into its bloc; liaison: three blocs. Ties count whatever their strength.\n",
            );
            out
        }
    }
}

/// `roles --format json` (docs/JSON.md).
#[derive(Debug, serde::Serialize)]
struct RolesJson<'a> {
    version: u32,
    target: &'a str,
    partition: &'a [String],
    actors: Vec<ActorJson<'a>>,
}

impl<'a> RolesJson<'a> {
    fn new(r: &'a BrokerageRoles) -> Self {
        RolesJson {
            version: super::wire::JSON_VERSION,
            target: &r.target,
            partition: &r.partition,
            actors: r.actors.iter().map(ActorJson::new).collect(),
        }
    }
}

#[derive(Debug, serde::Serialize)]
struct ActorJson<'a> {
    rank: usize,
    id: &'a str,
    name: &'a str,
    class: &'a str,
    coordinator: u64,
    itinerant: u64,
    representative: u64,
    gatekeeper: u64,
    liaison: u64,
    total: u64,
}

impl<'a> ActorJson<'a> {
    fn new(a: &'a crate::analysis::brokerage_roles::ActorRoles) -> Self {
        ActorJson {
            rank: a.rank,
            id: &a.id,
            name: &a.name,
            class: &a.class,
            coordinator: a.coordinator,
            itinerant: a.itinerant,
            representative: a.representative,
            gatekeeper: a.gatekeeper,
            liaison: a.liaison,
            total: a.total,
        }
    }
}
