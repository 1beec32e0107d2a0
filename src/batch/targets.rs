//! The `targets` job: parse every plan under the inputs and tabulate their targets.
//!
//! Files are walked, sorted by path, parsed in parallel chunks and written in
//! path order, so the same inputs always give the same table, whichever thread
//! finishes first. A file that cannot be parsed is refused with its reason and
//! the batch goes on. The table and its errors file are written under temporary
//! names and renamed only when the run is complete.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use super::{
    AtomicFile, InputFile, map_in_order, progress_bar, walk_inputs, would_overwrite_input,
};
use crate::batch::adapt::adapt_model;
use crate::plan::{ParseOptions, PlanRecord, parse_path_reviewed};
use crate::text::channel::Channel;
use crate::text::lm::LanguageModel;
use crate::text::restore::Reviewed;
use crate::text::{Restorer, RestorerRef};
use crate::write::review::write_review;
use crate::write::{TableFormat, WriteError, table_writer};

/// Extensions of the files taken from folders (a file named directly is always tried).
pub const PLAN_EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "docx", "rtf"];

/// How a `targets` run is done.
#[derive(Clone, Default)]
pub struct TargetsOptions<'m> {
    /// How each plan is read.
    pub parse: ParseOptions,
    /// Worker threads (all cores when `None`).
    pub threads: Option<usize>,
    /// Let the plans that are already clean Vietnamese, and then the lines of the damaged ones
    /// restored with confidence, teach the restoration model before the damaged ones are
    /// restored ([`adapt_model`]).
    pub adapt: bool,
    /// The language model to restore garbled or unaccented plans with (the embedded one when
    /// `None`).
    pub model: Option<&'m LanguageModel>,
    /// The OCR channel to restore them with (the embedded one when `None`).
    pub channel: Option<&'m Channel>,
    /// Where to list the words restoration was least sure of in the plans it restored (CSV,
    /// as `normalize --review` lists them), if anywhere.
    pub review: Option<PathBuf>,
}

/// What a `targets` run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSummary {
    /// Plans parsed and tabulated.
    pub plans_read: usize,
    /// Target rows written.
    pub targets_found: usize,
    /// Plans with at least one line restored (OCR-garbled or unaccented text).
    pub plans_restored: usize,
    /// Files in folders skipped because their extension is not a plan format.
    pub skipped: usize,
    /// Files and folders refused, each with the reason, in path order.
    pub refused: Vec<(PathBuf, String)>,
    /// Where refused files are listed: the errors CSV, or `None` for XLSX (its Errors sheet).
    pub errors_file: Option<PathBuf>,
    /// With [`TargetsOptions::adapt`]: how many clean plans taught the model, and how many
    /// damaged ones then taught it their lines restored with confidence.
    pub taught_by: Option<(usize, usize)>,
    /// With [`TargetsOptions::review`]: how many restored words it lists, from how many plans.
    pub doubts: Option<(usize, usize)>,
}

/// Why a `targets` run could not be done at all (refused files are not errors).
#[derive(Debug, thiserror::Error)]
pub enum TargetsError {
    /// The output's extension names no table format.
    #[error("{0}: unknown output format (use .csv, .xlsx or .jsonl)")]
    UnknownFormat(PathBuf),
    /// Writing the output would destroy an input.
    #[error("{0}: output would overwrite an input")]
    OverwritesInput(PathBuf),
    /// The worker threads could not be started.
    #[error("cannot start worker threads: {0}")]
    Threads(#[from] rayon::ThreadPoolBuildError),
    /// An output file could not be created or written.
    #[error("{path}: {source}")]
    Output {
        /// The output file.
        path: PathBuf,
        /// What went wrong.
        source: WriteError,
    },
}

/// Where the errors table of a CSV or JSON Lines output goes: `<stem>.errors.csv` beside it.
pub fn errors_path(output: &Path) -> PathBuf {
    let stem = output
        .file_stem()
        .map_or_else(Default::default, |s| s.to_string_lossy().into_owned());
    output.with_file_name(format!("{stem}.errors.csv"))
}

/// The plan files under `paths`, sorted by path, with the number of other files skipped.
pub fn plan_files(paths: &[PathBuf]) -> (Vec<InputFile>, usize, Vec<(PathBuf, String)>) {
    let (mut files, walk_errors) = walk_inputs(paths, None);
    let before = files.len();
    files.retain(|file| paths.contains(&file.path) || is_plan_file(&file.path));
    let skipped = before - files.len();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    (files, skipped, walk_errors)
}

fn is_plan_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PLAN_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Parses every plan under `paths` and writes their targets to `output`.
pub fn run_targets(
    paths: &[PathBuf],
    output: &Path,
    options: &TargetsOptions,
) -> Result<RunSummary, TargetsError> {
    let format =
        TableFormat::from_path(output).ok_or_else(|| TargetsError::UnknownFormat(output.into()))?;
    let (files, skipped, walk_errors) = plan_files(paths);
    let errors_file = (format != TableFormat::Xlsx).then(|| errors_path(output));
    let outputs = [
        Some(output),
        errors_file.as_deref(),
        options.review.as_deref(),
    ];
    for out in outputs.into_iter().flatten() {
        if would_overwrite_input(out, &files) {
            return Err(TargetsError::OverwritesInput(out.to_path_buf()));
        }
    }
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(threads) = options.threads {
        builder = builder.num_threads(threads);
    }
    let pool = builder.build()?;
    let chunk = pool.current_num_threads() * 32;
    let adapted = options.adapt.then(|| {
        let base = options.model.unwrap_or_else(|| LanguageModel::embedded());
        let channel = options.channel.unwrap_or_else(|| Channel::embedded());
        pool.install(|| adapt_model(base, channel, &files, options.parse.encoding))
    });
    let lm = adapted.as_ref().map(|a| &a.model).or(options.model);
    let own_restorer = Restorer::for_models(lm, options.channel);
    let restorer = RestorerRef::of(own_restorer.as_ref());

    let output_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source: WriteError| TargetsError::Output { path, source }
    };
    let mut table = AtomicFile::create(output).map_err(|e| output_error(output)(e.into()))?;
    let create = |path: &Option<PathBuf>| match path {
        Some(path) => AtomicFile::create(path)
            .map(Some)
            .map_err(|e| output_error(path)(e.into())),
        None => Ok(None),
    };
    let mut errors = create(&errors_file)?;
    let mut review = create(&options.review)?;
    let mut reviews: Vec<(String, Reviewed)> = Vec::new();

    let mut summary = RunSummary {
        skipped,
        errors_file: errors_file.clone(),
        taught_by: adapted.as_ref().map(|a| (a.clean_files, a.restored_files)),
        ..RunSummary::default()
    };
    let progress = progress_bar(files.len() as u64, "targets");
    {
        let mut writer =
            table_writer(format, &mut table, errors.as_mut()).map_err(output_error(output))?;
        for (path, reason) in walk_errors {
            writer
                .add_refused(&path.display().to_string(), &reason)
                .map_err(output_error(output))?;
            summary.refused.push((path, reason));
        }
        map_in_order(
            &pool,
            &files,
            chunk,
            |file| {
                let result = parse_guarded(&file.path, &options.parse, restorer, review.is_some());
                progress.inc(1);
                result
            },
            |file, result| {
                match result {
                    Ok((record, reviewed)) => {
                        if let Some(reviewed) = reviewed {
                            reviews.push((file.path.display().to_string(), reviewed));
                        }
                        summary.plans_read += 1;
                        summary.targets_found += record.targets.len();
                        if record.source.restored_lines > 0 {
                            summary.plans_restored += 1;
                        }
                        writer.add_plan(&record)?;
                    }
                    Err(reason) => {
                        writer.add_refused(&file.path.display().to_string(), &reason)?;
                        summary.refused.push((file.path.clone(), reason));
                    }
                }
                Ok(())
            },
        )
        .map_err(output_error(output))?;
        writer.finish().map_err(output_error(output))?;
    }
    progress.finish_and_clear();
    if let (Some(mut list), Some(path)) = (review.take(), &options.review) {
        let listed = reviews.iter().map(|(f, r)| (f.as_str(), r));
        write_review(&mut list, listed).map_err(output_error(path))?;
        list.commit().map_err(|e| output_error(path)(e.into()))?;
        let doubts = Reviewed::count(reviews.iter().map(|(_, r)| r));
        summary.doubts = Some((doubts, reviews.len()));
    }
    if let (Some(errors), Some(path)) = (errors, &errors_file) {
        errors.commit().map_err(|e| output_error(path)(e.into()))?;
    }
    table.commit().map_err(|e| output_error(output)(e.into()))?;
    Ok(summary)
}

/// Parses one plan (with what its restoration left in doubt, when `review` is set); a parse
/// error or a parser panic becomes the reason the file is refused.
fn parse_guarded(
    path: &Path,
    options: &ParseOptions,
    restorer: RestorerRef,
    review: bool,
) -> Result<(PlanRecord, Option<Reviewed>), String> {
    match catch_unwind(AssertUnwindSafe(|| {
        parse_path_reviewed(path, options, restorer, review)
    })) {
        Ok(Ok(parsed)) => Ok(parsed),
        Ok(Err(err)) => Err(err.reason()),
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("unknown cause");
            Err(format!("the parser failed on this file: {message}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn errors_file_sits_beside_the_output() {
        assert_eq!(
            errors_path(Path::new("out/t.csv")),
            PathBuf::from("out/t.errors.csv")
        );
    }

    #[test]
    fn folders_give_plan_files_only_and_named_files_always() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b")).unwrap();
        for name in ["b/2.txt", "a.md", "b/1.DOCX", "notes.pdf", "x.dat"] {
            fs::write(root.join(name), "x").unwrap();
        }
        let (files, skipped, errors) = plan_files(&[root.join("x.dat"), root.to_path_buf()]);
        let names: Vec<_> = files
            .iter()
            .map(|f| f.path.strip_prefix(root).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            names,
            ["a.md", "b/1.DOCX", "b/2.txt", "x.dat"].map(PathBuf::from)
        );
        assert_eq!(skipped, 1, "notes.pdf; x.dat was named directly");
        assert!(errors.is_empty());
    }

    #[test]
    fn refused_files_are_listed_and_the_rest_tabulated() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in");
        fs::create_dir_all(&input).unwrap();
        fs::write(input.join("1.txt"), "KẾ HOẠCH\n").unwrap();
        fs::write(input.join("2.txt"), b"\x00\x01\x02junk").unwrap();
        fs::write(input.join("3.md"), "KẾ HOẠCH\n").unwrap();
        let out = dir.path().join("t.csv");
        let summary = run_targets(
            &[input.clone(), dir.path().join("missing")],
            &out,
            &TargetsOptions {
                threads: Some(2),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(summary.plans_read, 2);
        assert_eq!(summary.refused.len(), 2);
        assert_eq!(summary.refused[0].0, dir.path().join("missing"));
        assert_eq!(summary.refused[1].0, input.join("2.txt"));
        assert!(
            summary.refused[1].1.contains("binary"),
            "{:?}",
            summary.refused
        );
        assert!(out.exists());
        let errors = fs::read_to_string(errors_path(&out)).unwrap();
        assert!(errors.contains("2.txt"));
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".part"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn output_over_an_input_is_refused_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let plan = dir.path().join("plan.txt");
        fs::write(&plan, "KẾ HOẠCH\n").unwrap();
        let out = dir.path().join("x.csv");
        fs::write(&out, "keep").unwrap();
        let err = run_targets(&[plan, out.clone()], &out, &TargetsOptions::default());
        assert!(matches!(err, Err(TargetsError::OverwritesInput(_))));
        assert_eq!(fs::read_to_string(&out).unwrap(), "keep");
    }
}
