//! `leverage roles`: Gould-Fernandez brokerage roles over blocs.

use clap::Args;

use super::{print, Context};
use leverage::analysis::brokerage_roles::{brokerage_roles, RolesParams};
use leverage::report;

/// Who relays leverage between which blocs: Gould-Fernandez brokerage roles
///
/// Counts, for each actor v, the chains u -> v -> w (u holds leverage over v, v over w) with no
/// direct tie u -> w, by the blocs of u, v and w. Blocs: the target alone; every other actor in
/// the first `--partition` group it belongs to; the rest each a bloc of their own. Roles:
/// coordinator (all in one bloc), itinerant (u and w in one bloc, v outside), representative
/// (u and v in one bloc, w outside: v carries its bloc's leverage out), gatekeeper (v and w in
/// one bloc, u outside: v lets leverage into its bloc), liaison (three blocs). With the defaults a
/// partner between an EU member and Russia is a liaison.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage roles\n  leverage roles --target CHN --partition EU,NATO --top 10\n  leverage --format csv roles"
)]
pub struct RolesArgs {
    /// The target actor, a bloc of its own [default: RUS]
    #[arg(long)]
    target: Option<String>,
    /// Groups forming the blocs, in priority order (comma-separated); with the default, groups
    /// missing from the graph are skipped
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "EU,BRICS,CentralAsia,Mercosur"
    )]
    partition: Vec<String>,
    /// How many actors to show, most chains first (0: all; at most 500,000)
    #[arg(long, default_value_t = 0, value_parser = super::ranges::count_of_actors)]
    top: usize,
}

pub fn exec(args: RolesArgs, ctx: &Context) -> anyhow::Result<()> {
    let format = ctx.output("roles")?;
    let graph = ctx.load()?;
    let r = leverage::model::Resolver::new(&graph);
    let target = match &args.target {
        Some(name) => graph.actor(r.actor(name, "--target: ")?).id.clone(),
        None => match r.actor("RUS", "") {
            Ok(n) => graph.actor(n).id.clone(),
            Err(_) => return Err(super::usage(
                "the default target, `RUS`, is not in this graph; name one with `--target ACTOR`"
                    .into(),
            )),
        },
    };
    // Group names in any case, as everywhere; the library takes group ids.
    let partition = args
        .partition
        .iter()
        .map(|name| {
            graph
                .groups()
                .find(|g| g.id.eq_ignore_ascii_case(name.trim()))
                .map_or_else(|| name.trim().to_owned(), |g| g.id.clone())
        })
        .collect();
    let params = RolesParams {
        target,
        partition,
        strength: ctx.strength.clone(),
    };
    let mut result = brokerage_roles(&graph, &params)?;
    if args.top > 0 {
        result.actors.truncate(args.top);
    }
    print(&report::roles::render(&result, format))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;
    use leverage::analysis::brokerage_roles::default_partition;

    #[derive(Parser)]
    struct Probe {
        #[command(flatten)]
        args: RolesArgs,
    }

    #[test]
    fn clap_default_is_the_library_default() {
        // The library skips missing groups only for its default list, so the two must agree.
        let p = Probe::parse_from(["roles"]);
        assert_eq!(p.args.partition, default_partition());
    }
}
