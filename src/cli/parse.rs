//! `kehoach parse`: plan files in, plan records out (pretty JSON for one file, JSON Lines for several).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use rayon::prelude::*;

use kehoach::batch::adapt::adapt_model;
use kehoach::batch::{walk_inputs, would_overwrite_input, write_atomic};
use kehoach::plan::{ParseOptions, PlanRecord, parse_path_reviewed};
use kehoach::text::restore::Reviewed;
use kehoach::text::{Restorer, RestorerRef};

use super::{JobsArg, RestoreArgs, write_review_list};

/// Arguments of `kehoach parse`.
#[derive(clap::Args)]
pub struct Args {
    /// Plan files (.txt, .md, .docx) or folders of them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// File to write the record(s) to instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    jobs: JobsArg,
    #[command(flatten)]
    restore: RestoreArgs,
}

/// Runs `kehoach parse`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    args.jobs.apply()?;
    let (files, walk_errors) = walk_inputs(&args.paths, args.output.as_deref());
    for out in args.output.iter().chain(&args.restore.review) {
        if would_overwrite_input(out, &files) {
            bail!("{}: the output would overwrite an input", out.display());
        }
    }
    let single = files.len() == 1
        && walk_errors.is_empty()
        && args.paths.len() == 1
        && args.paths[0].is_file();
    let options = ParseOptions::default();
    let models = args.restore.models.load()?;
    let adapted = args.restore.adapt.then(|| {
        let adapted = adapt_model(models.lm(), models.channel(), &files, options.encoding);
        eprintln!("{}", adapted.summary(files.len()));
        adapted.model
    });
    let own_restorer = Restorer::for_models(
        adapted.as_ref().or(models.given_lm()),
        models.given_channel(),
    );
    let restorer = RestorerRef::of(own_restorer.as_ref());
    let reviewing = args.restore.review.is_some();
    type Parsed = Result<(PlanRecord, Option<Reviewed>), String>;
    let results: Vec<(PathBuf, Parsed)> = files
        .par_iter()
        .map(|input| {
            let result = parse_path_reviewed(&input.path, &options, restorer, reviewing)
                .map_err(|e| e.to_string());
            (input.path.clone(), result)
        })
        .collect();
    let mut reviews: Vec<(String, Reviewed)> = Vec::new();
    let mut out = String::new();
    let mut refused = walk_errors.len();
    for (path, reason) in &walk_errors {
        eprintln!("refused: {}: {reason}", path.display());
    }
    for (path, result) in results {
        match result {
            Ok((record, review)) => {
                if let Some(review) = review {
                    reviews.push((path.display().to_string(), review));
                }
                if single {
                    out.push_str(&serde_json::to_string_pretty(&record)?);
                } else {
                    out.push_str(&serde_json::to_string(&record)?);
                }
                out.push('\n');
            }
            Err(reason) => {
                refused += 1;
                eprintln!("refused: {}", with_path(&reason, &path));
            }
        }
    }
    if let Some(path) = &args.restore.review {
        write_review_list(path, &reviews)?;
    }
    match &args.output {
        Some(path) => write_atomic(path, out.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => std::io::stdout().write_all(out.as_bytes())?,
    }
    Ok(if refused == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Makes sure a message names the file it is about.
fn with_path(reason: &str, path: &Path) -> String {
    let name = path.display().to_string();
    if reason.starts_with(&name) {
        reason.to_string()
    } else {
        format!("{name}: {reason}")
    }
}
