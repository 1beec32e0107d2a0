//! `kehoach targets`: every plan under the inputs into one table of targets.

use std::path::PathBuf;
use std::process::ExitCode;

use kehoach::batch::targets::{TargetsOptions, run_targets};

use super::{JobsArg, RestoreArgs, counted, say_review};

/// Arguments of `kehoach targets`.
#[derive(clap::Args)]
pub struct Args {
    /// Plan files and folders (.txt, .md, .docx, .rtf; any encoding).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The table to write: .csv (UTF-8 with BOM), .xlsx (workbook) or .jsonl.
    #[arg(short, long)]
    output: PathBuf,
    #[command(flatten)]
    jobs: JobsArg,
    #[command(flatten)]
    restore: RestoreArgs,
}

/// Runs `kehoach targets`: exit 0 when every file was read, 1 when some were refused.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let models = args.restore.models.load()?;
    let options = TargetsOptions {
        threads: args.jobs.threads(),
        adapt: args.restore.adapt,
        model: models.given_lm(),
        channel: models.given_channel(),
        review: args.restore.review.clone(),
        ..TargetsOptions::default()
    };
    let summary = run_targets(&args.paths, &args.output, &options)?;
    for (path, reason) in &summary.refused {
        eprintln!("refused: {}: {reason}", path.display());
    }
    if let Some((clean, restored)) = summary.taught_by {
        eprintln!(
            "adapt: the restoration model learned from {}, then from the lines restored with \
             confidence of {}",
            counted(clean, "clean plan"),
            counted(restored, "damaged one"),
        );
    }
    if let (Some((doubts, plans)), Some(path)) = (summary.doubts, &args.restore.review) {
        say_review(doubts, plans, path);
    }
    let listed = match &summary.errors_file {
        Some(path) => format!("listed in {}", path.display()),
        None => "listed in the Errors sheet".to_string(),
    };
    eprintln!(
        "targets: {} read, {} found, {} restored from OCR, {} refused ({listed}){}; wrote {}",
        counted(summary.plans_read, "plan"),
        counted(summary.targets_found, "target"),
        counted(summary.plans_restored, "plan"),
        counted(summary.refused.len(), "file"),
        if summary.skipped > 0 {
            format!(
                ", {} of other types skipped",
                counted(summary.skipped, "file")
            )
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
