//! `kehoach normalize`: files or stdin in, normalized UTF-8 out.

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use rayon::prelude::*;

use kehoach::batch::adapt::adapt_model;
use kehoach::batch::{InputFile, walk_inputs, would_overwrite_input, write_atomic};
use kehoach::read::{Document, Format, ReadError, read_bytes, read_path};
use kehoach::text::restore::{Doubt, Reviewed};
use kehoach::text::{Encoding, EncodingChoice, NormalizeOptions, Restorer, ToneStyle, normalize};

use super::{JobsArg, ModelArgs, counted};

/// Arguments of `kehoach normalize`.
#[derive(clap::Args)]
pub struct Args {
    /// Files or folders to normalize; none reads stdin and writes stdout.
    paths: Vec<PathBuf>,
    /// Folder to write normalized copies into, mirroring the input tree.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Input encoding: auto, utf-8, utf-16le, utf-16be, tcvn3, vni, viqr, cp1258.
    #[arg(long, default_value = "auto", value_parser = parse_encoding)]
    encoding: EncodingChoice,
    /// Tone-mark placement: classic ("hòa", "thủy") or modern ("hoà", "thuỷ").
    #[arg(long, default_value = "classic", value_parser = parse_tone)]
    tone: ToneStyle,
    /// Join hard-wrapped lines into paragraphs (headings and list items stay apart).
    #[arg(long)]
    unwrap: bool,
    /// Restore diacritics in lines that are OCR-garbled or typed without accents.
    #[arg(long)]
    restore: bool,
    #[command(flatten)]
    jobs: JobsArg,
    /// With --restore: the models to restore with.
    #[command(flatten)]
    models: ModelArgs,
    /// With --restore: first let the inputs that are already clean Vietnamese teach the model
    /// (their names, terms and phrases), then the damaged ones, restored with it, teach it the
    /// lines it was sure of; then restore the damaged ones with that model.
    #[arg(long, requires = "restore")]
    adapt: bool,
    /// With --restore: also write to FILE (CSV) the restored words it was least sure of, for a
    /// person to check: file, line and column of the word in the input, the word as written, as
    /// restored, its next best reading, and how much less likely that is (in nats, ln of the
    /// ratio: under 2). Several times slower.
    #[arg(long, value_name = "FILE", requires = "restore")]
    review: Option<PathBuf>,
}

fn parse_encoding(name: &str) -> Result<EncodingChoice, String> {
    if name.eq_ignore_ascii_case("auto") {
        return Ok(EncodingChoice::Auto);
    }
    Encoding::from_name(name)
        .map(EncodingChoice::Fixed)
        .ok_or_else(|| format!("unknown encoding {name:?}"))
}

fn parse_tone(name: &str) -> Result<ToneStyle, String> {
    match name {
        "classic" => Ok(ToneStyle::Classic),
        "modern" => Ok(ToneStyle::Modern),
        _ => Err(format!("unknown tone style {name:?} (classic or modern)")),
    }
}

/// What happened to one file.
struct FileOutcome {
    encoding: Encoding,
    lines_changed: usize,
    warning: Option<String>,
    /// Under --review: the restored text (lines as in the input) and its doubts.
    review: Option<Reviewed>,
}

/// A document normalized: the text to write, and under --review what to list.
struct Normalized {
    text: String,
    review: Option<Reviewed>,
}

/// Runs `kehoach normalize`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let options = NormalizeOptions {
        tone: args.tone,
        unwrap: args.unwrap,
    };
    if args.models.given() && !args.restore {
        bail!("--model and --channel are for --restore");
    }
    args.jobs.apply()?;
    // (The models are only loaded for --restore: plain normalizing needs none.)
    let models = args.models.load()?;
    if args.paths.is_empty() {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("reading stdin")?;
        let doc = read_bytes(Path::new("<stdin>"), &bytes, args.encoding);
        // One document: if it is clean, it has nothing to restore, so there is nothing to adapt.
        let restorer = args
            .restore
            .then(|| Restorer::new(models.lm(), models.channel()));
        let reviewing = restorer.as_ref().filter(|_| args.review.is_some());
        let (code, review) = write_to_stdout(doc, |text| {
            normalize_restoring(text, &options, restorer.as_ref(), reviewing.is_some())
        })?;
        write_review_list(args.review.as_deref(), [("<stdin>".to_string(), review)])?;
        return Ok(code);
    }
    let (files, walk_errors) = walk_inputs(&args.paths, args.output.as_deref());
    if let Some(review) = &args.review
        && would_overwrite_input(review, &files)
    {
        bail!(
            "the review list {} would overwrite an input",
            review.display()
        );
    }
    let reviewing = args.review.is_some();
    let adapted = (args.restore && args.adapt).then(|| {
        let adapted = adapt_model(models.lm(), models.channel(), &files, args.encoding);
        eprintln!("{}", adapted.summary(files.len()));
        adapted.model
    });
    let restorer = args.restore.then(|| {
        Restorer::new(
            adapted.as_ref().unwrap_or_else(|| models.lm()),
            models.channel(),
        )
    });
    let Some(out_dir) = args.output.as_deref() else {
        if let [single] = args.paths.as_slice()
            && single.is_file()
        {
            let (code, review) = write_to_stdout(read_path(single, args.encoding), |text| {
                normalize_restoring(text, &options, restorer.as_ref(), reviewing)
            })?;
            write_review_list(
                args.review.as_deref(),
                [(single.display().to_string(), review)],
            )?;
            return Ok(code);
        }
        bail!("several inputs or a folder need -o OUT, the folder to write into");
    };
    let targets = output_targets(&files, out_dir);
    let outcomes: Vec<(PathBuf, Result<FileOutcome, String>)> = files
        .par_iter()
        .zip(&targets)
        .map(|(input, target)| {
            let result = target.as_ref().map_err(Clone::clone).and_then(|target| {
                let restorer = restorer.as_ref();
                normalize_file(input, target, args.encoding, &options, restorer, reviewing)
            });
            (input.path.clone(), result)
        })
        .collect();

    let mut encodings: BTreeMap<Encoding, usize> = BTreeMap::new();
    let mut lines_changed = 0;
    let mut refused: Vec<(PathBuf, String)> = walk_errors;
    let mut read = 0;
    let mut reviews = Vec::new();
    for (path, outcome) in outcomes {
        match outcome {
            Ok(mut done) => {
                reviews.push((path.display().to_string(), done.review.take()));
                read += 1;
                *encodings.entry(done.encoding).or_default() += 1;
                lines_changed += done.lines_changed;
                if let Some(warning) = done.warning {
                    eprintln!("warning: {}: {warning}", path.display());
                }
            }
            Err(reason) => refused.push((path, reason)),
        }
    }
    for (path, reason) in &refused {
        eprintln!("refused: {}: {reason}", path.display());
    }
    write_review_list(args.review.as_deref(), reviews)?;
    let found: Vec<String> = encodings.iter().map(|(e, n)| format!("{e} {n}")).collect();
    eprintln!(
        "normalize: {} read, encodings: {}; {} changed; {} refused",
        counted(read, "file"),
        if found.is_empty() {
            "none".to_string()
        } else {
            found.join(", ")
        },
        counted(lines_changed, "line"),
        refused.len()
    );
    Ok(if refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Writes one normalized document to stdout, or reports it refused (exit code 1); gives back
/// what --review lists of it.
fn write_to_stdout(
    doc: Result<Document, ReadError>,
    normalize: impl Fn(&str) -> Normalized,
) -> std::io::Result<(ExitCode, Option<Reviewed>)> {
    match doc {
        Ok(doc) => {
            let normalized = normalize(&doc.text);
            std::io::stdout().write_all(normalized.text.as_bytes())?;
            Ok((ExitCode::SUCCESS, normalized.review))
        }
        Err(error) => {
            eprintln!("refused: {error}");
            Ok((ExitCode::from(1), None))
        }
    }
}

/// Writes the review list to `path` (whole or not at all), when one was asked for: the files
/// in input order, each with the words of it read with doubt.
fn write_review_list(
    path: Option<&Path>,
    reviews: impl IntoIterator<Item = (String, Option<Reviewed>)>,
) -> anyhow::Result<()> {
    let Some(path) = path else {
        return Ok(());
    };
    let reviews: Vec<(String, Reviewed)> = reviews
        .into_iter()
        .filter_map(|(file, review)| review.map(|r| (file, r)))
        .collect();
    super::write_review_list(path, &reviews)
}

/// Where each input's text goes under `out_dir`: its path relative to the folder it was found
/// in, Word and RTF files as .txt. Two inputs whose outputs would be one file (same-named files
/// in two folders given, or "kh.docx" beside "kh.txt"): the first in input order keeps it, the
/// later ones are refused with the reason, so no output overwrites another (nor an input).
fn output_targets(files: &[InputFile], out_dir: &Path) -> Vec<Result<PathBuf, String>> {
    let mut first_of: HashMap<PathBuf, &Path> = HashMap::new();
    files
        .iter()
        .map(|input| {
            let mut target = out_dir.join(&input.relative);
            if matches!(
                Format::from_path(&input.path),
                Format::Rtf | Format::Docx | Format::Doc
            ) {
                target.set_extension("txt");
            }
            // Windows and macOS file names are one file whatever their case.
            let key = if cfg!(any(windows, target_os = "macos")) {
                PathBuf::from(target.to_string_lossy().to_lowercase())
            } else {
                target.clone()
            };
            if would_overwrite_input(&target, files) {
                return Err(format!(
                    "output {} would overwrite an input",
                    target.display()
                ));
            }
            match first_of.get(&key) {
                Some(first) => Err(format!(
                    "its output {} is already that of {} (give the folder above both, \
                     so that their folders are kept under the output)",
                    target.display(),
                    first.display()
                )),
                None => {
                    first_of.insert(key, &input.path);
                    Ok(target)
                }
            }
        })
        .collect()
}

/// Reads, normalizes and writes one file to `target`; the error is the reason it was refused.
fn normalize_file(
    input: &InputFile,
    target: &Path,
    encoding: EncodingChoice,
    options: &NormalizeOptions,
    restorer: Option<&Restorer>,
    reviewing: bool,
) -> Result<FileOutcome, String> {
    let doc = read_path(&input.path, encoding).map_err(|e| e.reason())?;
    let Normalized {
        text: normalized,
        review,
    } = normalize_restoring(&doc.text, options, restorer, reviewing);
    let lines_changed = if options.unwrap {
        0
    } else {
        doc.text
            .lines()
            .zip(normalized.lines())
            .filter(|(a, b)| a != b)
            .count()
    };
    write_atomic(target, normalized.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    let mut warnings = doc.warnings;
    if doc.text.trim().is_empty() {
        warnings.push("empty file".to_string());
    }
    let warning = (!warnings.is_empty()).then(|| warnings.join("; "));
    Ok(FileOutcome {
        encoding: doc.encoding,
        lines_changed,
        warning,
        review,
    })
}

/// Normalizes text, first restoring its damaged lines when a restorer is given (before any
/// unwrapping), and when `reviewing`, keeping the words it restored with doubt.
fn normalize_restoring(
    text: &str,
    options: &NormalizeOptions,
    restorer: Option<&Restorer>,
    reviewing: bool,
) -> Normalized {
    let Some(restorer) = restorer else {
        return Normalized {
            text: normalize(text, options),
            review: None,
        };
    };
    let lines_kept = NormalizeOptions {
        unwrap: false,
        ..*options
    };
    let input = normalize(text, &lines_kept);
    let (restored, _, doubts) = restorer.restore_text_reviewing(&input, reviewing);
    // Each word in doubt placed in its line as the file has it.
    let doubts = doubts.map(|doubts| Doubt::placed_in_lines(doubts, text, &input));
    // Normalizing is idempotent: text that restoration left as it was is normalized already.
    let text = if !options.unwrap && restored == input {
        input
    } else {
        normalize(&restored, options)
    };
    // What the review shows is spelled as the output is (tone placement), line for line.
    let review = doubts.map(|doubts| {
        let restored = if options.unwrap {
            normalize(&restored, &lines_kept)
        } else {
            text.clone()
        };
        Reviewed::respelled(restored, doubts, &lines_kept)
    });
    Normalized { text, review }
}
