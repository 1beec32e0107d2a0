//! `kehoach schema`: prints the JSON Schema of the plan record.

use std::io::Write;
use std::process::ExitCode;

/// Arguments of `kehoach schema` (none).
#[derive(clap::Args)]
pub struct Args {}

/// Runs `kehoach schema`.
pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    let text = serde_json::to_string_pretty(&kehoach::plan::schema::schema())?;
    writeln!(std::io::stdout(), "{text}")?;
    Ok(ExitCode::SUCCESS)
}
