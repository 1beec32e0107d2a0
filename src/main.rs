//! The `kehoach` command line: wires the library's stages together.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cli;

/// Vietnamese administrative plans (KẾ HOẠCH): normalize, parse, tabulate, draft.
#[derive(Parser)]
#[command(name = "kehoach", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Normalize Vietnamese text: decode any encoding, NFC, tone placement, spacing.
    Normalize(cli::normalize::Args),
    /// Tabulate the targets of many plans: one row per target, as CSV, XLSX or JSON Lines.
    Targets(cli::targets::Args),
    /// Render a plan record as .docx, .md or .html in the Decree 30 layout.
    Render(cli::render::Args),
    /// Draft next year's plan from last year's and a data file.
    Draft(cli::draft::Args),
    /// List the built-in templates or print one to copy and edit.
    Template(cli::template::Args),
    /// Build the restoration models: language model, OCR confusion table, syllable list.
    Model(cli::model::Args),
    /// Parse plans (.txt, .md, .docx) into plan records: JSON for one file, JSON Lines for several.
    Parse(cli::parse::Args),
    /// Print the JSON Schema of the plan record.
    Schema(cli::schema::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Normalize(args) => cli::normalize::run(args),
        Command::Targets(args) => cli::targets::run(args),
        Command::Render(args) => cli::render::run(args),
        Command::Draft(args) => cli::draft::run(args),
        Command::Template(args) => cli::template::run(args),
        Command::Model(args) => cli::model::run(args),
        Command::Parse(args) => cli::parse::run(args),
        Command::Schema(args) => cli::schema::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("kehoach: error: {}", message(&err));
            ExitCode::from(2)
        }
    }
}

/// An error with its causes, each said once: a cause whose words its error already gives
/// ("out.csv: cannot write: Is a directory" over "Is a directory") is not repeated.
fn message(err: &anyhow::Error) -> String {
    let mut message = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !message.contains(&cause) {
            message.push_str(": ");
            message.push_str(&cause);
        }
    }
    message
}
