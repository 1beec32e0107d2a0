//! `kehoach draft`: last year's plan plus a data file in, next year's plan out.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use kehoach::draft::{draft, load_data};
use kehoach::plan::{ParseOptions, PlanRecord, parse_path};

use super::render::{refuse_overwrite, write_document};

/// Arguments of `kehoach draft`.
#[derive(clap::Args)]
pub struct Args {
    /// Last year's plan: a record (.json) or a plan document (.txt, .md, .docx) to parse first.
    #[arg(long = "from")]
    from: PathBuf,
    /// The year of the new plan.
    #[arg(long)]
    year: i32,
    /// A data file (TOML or JSON) with the record fields to set: products, targets, budget, signer, ...
    #[arg(long)]
    data: Option<PathBuf>,
    /// The file to write: .docx, .md, .html, or .json for the drafted record itself (repeat for several).
    #[arg(short, long, required = true)]
    output: Vec<PathBuf>,
    /// A template of your own in place of the default (see `kehoach template show`).
    #[arg(long)]
    template: Option<PathBuf>,
}

/// Runs `kehoach draft`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let is_json = |p: &PathBuf| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    };
    let source: PlanRecord = if is_json(&args.from) {
        let text = std::fs::read_to_string(&args.from)
            .with_context(|| format!("{}: cannot read", args.from.display()))?;
        serde_json::from_str(&text)
            .with_context(|| format!("{}: not a plan record", args.from.display()))?
    } else {
        parse_path(&args.from, &ParseOptions::default())?
    };
    let data = args.data.as_deref().map(load_data).transpose()?;
    let origin = args.data.as_ref().map(|p| p.display().to_string());
    let drafted = draft(&source, args.year, data.as_ref().zip(origin.as_deref()))
        .with_context(|| format!("drafting from {}", args.from.display()))?;
    let mut inputs = vec![args.from.as_path()];
    inputs.extend(args.data.as_deref());
    for output in &args.output {
        if is_json(output) {
            refuse_overwrite(output, &inputs)?;
            let json = serde_json::to_string_pretty(&drafted)? + "\n";
            kehoach::batch::write_atomic(output, json.as_bytes())
                .with_context(|| format!("{}: cannot write", output.display()))?;
            eprintln!("wrote {}", output.display());
        } else {
            write_document(&drafted, output, args.template.as_deref(), &inputs)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
