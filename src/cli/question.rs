//! The question every partner analysis (`suggest`, `assign`, `compare`) answers: which sources
//! press which target, which partners may be suggested, and how long a leverage path may be.

use clap::Args;

use super::{hop_limit, Context};
use leverage::analysis::suggest::SuggestParams;

/// Who presses whom, shared by `suggest`, `assign` and `compare`.
#[derive(Debug, Args)]
pub struct QuestionArgs {
    /// Sources (the messengers): a group or an actor (id or name, any case)
    #[arg(long, default_value = "signatories")]
    pub from: String,
    /// The actor to press
    #[arg(long, default_value = "RUS")]
    pub target: String,
    /// Never suggest these actors or groups (comma-separated; `--exclude ''` to allow all)
    #[arg(long, value_delimiter = ',', default_value = "EU,UKR")]
    pub exclude: Vec<String>,
    /// Longest leverage path, in ties (0: no limit)
    #[arg(long, default_value_t = 4)]
    pub max_hops: usize,
}

impl QuestionArgs {
    /// The library parameters for this question, with the global emphasis and distance.
    pub fn params(self, ctx: &Context) -> SuggestParams {
        SuggestParams {
            from: self.from,
            target: self.target,
            exclude: self
                .exclude
                .into_iter()
                .filter(|x| !x.trim().is_empty())
                .collect(),
            distance: ctx.distance,
            max_hops: hop_limit(self.max_hops),
            emphasis: ctx.emphasis.clone(),
            ..SuggestParams::default()
        }
    }
}
