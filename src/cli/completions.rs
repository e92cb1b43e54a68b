//! `leverage completions SHELL` and `leverage man`: shell completions and the manual page,
//! generated from the command line's own definition (clap_complete, clap_mangen).

use clap::{Args, CommandFactory};

use super::{print_bytes, Cli};

/// Print shell completions for bash, zsh, fish, elvish or PowerShell
///
/// Install them, e.g. for bash: `leverage completions bash > ~/.local/share/bash-completion/completions/leverage`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leverage completions bash\n  leverage completions zsh\n  leverage completions fish"
)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Print the manual page (roff), e.g. `leverage man > leverage.1 && man ./leverage.1`
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leverage man\n  leverage man > leverage.1")]
pub struct ManArgs {}

pub fn completions(args: CompletionsArgs) -> anyhow::Result<()> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "leverage", &mut out);
    print_bytes(&out)
}

pub fn man(_args: ManArgs) -> anyhow::Result<()> {
    let cmd = Cli::command();
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut out)?;
    // One section per subcommand, so that `man` documents every command and its options.
    for sub in Cli::command().get_subcommands() {
        if sub.is_hide_set() {
            continue;
        }
        let page = clap_mangen::Man::new(sub.clone());
        out.extend_from_slice(
            format!(".SH \"LEVERAGE {}\"\n", sub.get_name().to_uppercase()).as_bytes(),
        );
        page.render_description_section(&mut out)?;
        page.render_options_section(&mut out)?;
    }
    print_bytes(&out)
}
