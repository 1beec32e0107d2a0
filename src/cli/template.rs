//! `kehoach template`: list the built-in templates or print one to copy and edit.

use std::process::ExitCode;

use anyhow::bail;

use kehoach::render::{DEFAULT_TEMPLATES, default_template};

/// Arguments of `kehoach template`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// List the built-in templates.
    List,
    /// Print a built-in template (e.g. plan-xa.md, plan.html).
    Show {
        /// The template's name.
        name: String,
    },
}

/// Runs `kehoach template`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.action {
        Action::List => {
            for (name, _) in DEFAULT_TEMPLATES {
                println!("{name}");
            }
        }
        Action::Show { name } => match default_template(&name) {
            Some(source) => print!("{source}"),
            None => {
                let names: Vec<&str> = DEFAULT_TEMPLATES.iter().map(|(n, _)| *n).collect();
                bail!(
                    "no built-in template {name:?} (there are: {})",
                    names.join(", ")
                )
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}
