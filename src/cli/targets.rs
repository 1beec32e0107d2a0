//! `kehoach targets`: every plan under the inputs into one table of targets.

use std::path::PathBuf;
use std::process::ExitCode;

use kehoach::batch::targets::{TargetsOptions, run_targets};

use super::ModelArgs;

/// Arguments of `kehoach targets`.
#[derive(clap::Args)]
pub struct Args {
    /// Plan files and folders (.txt, .md, .docx, .rtf; any encoding).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The table to write: .csv (UTF-8 with BOM), .xlsx (workbook) or .jsonl.
    #[arg(short, long)]
    output: PathBuf,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// First let the plans that are already clean Vietnamese teach the restoration model (their
    /// names, products and phrases), then the damaged ones, restored with it, teach it the lines
    /// it was sure of; then restore and parse the damaged ones with that model.
    #[arg(long)]
    adapt: bool,
    /// The models to restore garbled or unaccented plans with.
    #[command(flatten)]
    models: ModelArgs,
    /// Also write to FILE (CSV) the words restoration was least sure of in the plans it
    /// restored, for a person to check (as `normalize --review` lists them). Restoring takes
    /// several times as long.
    #[arg(long, value_name = "FILE")]
    review: Option<PathBuf>,
}

/// Runs `kehoach targets`: exit 0 when every file was read, 1 when some were refused.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let models = args.models.load()?;
    let options = TargetsOptions {
        threads: args.jobs.map(usize::from),
        adapt: args.adapt,
        model: models.given_lm(),
        channel: models.given_channel(),
        review: args.review.clone(),
        ..TargetsOptions::default()
    };
    let summary = run_targets(&args.paths, &args.output, &options)?;
    for (path, reason) in &summary.refused {
        eprintln!("refused: {}: {reason}", path.display());
    }
    if let Some((clean, restored)) = summary.taught_by {
        eprintln!(
            "adapt: the restoration model learned from {clean} clean plan(s), then from the \
             lines restored with confidence of {restored} damaged one(s)"
        );
    }
    if let (Some((doubts, plans)), Some(path)) = (summary.doubts, &args.review) {
        eprintln!(
            "review: {doubts} restored words to check in {plans} restored file(s), listed in {}",
            path.display()
        );
    }
    let listed = match &summary.errors_file {
        Some(path) => format!("listed in {}", path.display()),
        None => "listed in the Errors sheet".to_string(),
    };
    eprintln!(
        "targets: {} plans read, {} targets found, {} plans restored from OCR, {} files refused ({listed}){}; wrote {}",
        summary.plans_read,
        summary.targets_found,
        summary.plans_restored,
        summary.refused.len(),
        if summary.skipped > 0 {
            format!(", {} files of other types skipped", summary.skipped)
        } else {
            String::new()
        },
        args.output.display(),
    );
    Ok(if summary.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
