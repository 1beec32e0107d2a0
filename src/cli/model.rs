//! `kehoach model`: build the restoration models (language model, confusion table, syllable list).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use kehoach::batch::{walk_inputs, would_overwrite, would_overwrite_input, write_atomic};
use kehoach::read::read_path;
use kehoach::text::channel::ConfusionCounts;
use kehoach::text::lm::{LanguageModel, NgramCounts};
use kehoach::text::{EncodingChoice, normalize};

/// Arguments of `kehoach model`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Train the syllable language model from folders or files of clean Vietnamese text.
    Build {
        /// Folders or files of clean text (txt, md, docx, rtf; any encoding).
        #[arg(required = true)]
        corpus: Vec<PathBuf>,
        /// The model file to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Drop 4-grams seen fewer times than this (a smaller model).
        #[arg(long, default_value_t = 1)]
        min_count: u32,
        /// Add the corpus to what a model learned: `default` (the embedded model) or a model
        /// file; without it the model learns from the corpus alone.
        #[arg(long, value_name = "MODEL")]
        base: Option<String>,
    },
    /// Learn the OCR confusion table from TSV files of line pairs "clean<TAB>ocr".
    Channel {
        /// TSV files of aligned pairs.
        #[arg(required = true)]
        pairs: Vec<PathBuf>,
        /// The table to write.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// List the syllables attested in clean text, with counts (the restoration inventory).
    Syllables {
        /// Folders or files of clean text.
        #[arg(required = true)]
        corpus: Vec<PathBuf>,
        /// The list to write.
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// Counts n-grams of every file under `paths`, normalized the way `kehoach normalize` does, on
/// top of `counts`; fails before reading when `output` is one of those files.
fn count_corpus(
    paths: &[PathBuf],
    output: &Path,
    mut counts: NgramCounts,
) -> anyhow::Result<(NgramCounts, usize)> {
    let (files, errors) = walk_inputs(paths, None);
    if let Some((path, reason)) = errors.first() {
        bail!("{}: {reason}", path.display());
    }
    if would_overwrite_input(output, &files) {
        bail!("{}: the output would overwrite an input", output.display());
    }
    if files.is_empty() {
        bail!("no files found in the corpus paths given");
    }
    for file in &files {
        let text = match read_path(&file.path, EncodingChoice::Auto) {
            Ok(doc) => doc.text,
            Err(err) => {
                eprintln!("skipped: {err}");
                continue;
            }
        };
        counts.add_text(&normalize(&text, &Default::default()));
    }
    Ok((counts, files.len()))
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    write_atomic(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

/// Runs `kehoach model`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.action {
        Action::Build {
            corpus,
            output,
            min_count,
            base,
        } => {
            let start = match base.as_deref() {
                None => NgramCounts::new(),
                Some("default") => LanguageModel::embedded().counts(),
                Some(path) => super::read_model(Path::new(path))?.counts(),
            };
            let (counts, n) = count_corpus(&corpus, &output, start)?;
            let model = counts.build(min_count);
            let bytes = model.to_bytes();
            write(&output, &bytes)?;
            eprintln!(
                "model: {n} files, {} words, {} bytes written to {}",
                model.vocab_len(),
                bytes.len(),
                output.display()
            );
        }
        Action::Channel { pairs, output } => {
            if would_overwrite(&output, pairs.iter().map(PathBuf::as_path)) {
                bail!("{}: the output would overwrite an input", output.display());
            }
            let mut counts = ConfusionCounts::new();
            for path in &pairs {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                for (i, line) in text.lines().enumerate() {
                    let Some((clean, damaged)) = line.split_once('\t') else {
                        bail!("{}:{}: not a clean<TAB>ocr pair", path.display(), i + 1);
                    };
                    counts.add_pair(clean, damaged);
                }
            }
            write(&output, counts.to_tsv().as_bytes())?;
            eprintln!(
                "channel: {} word pairs from {} files, written to {}",
                counts.words(),
                pairs.len(),
                output.display()
            );
        }
        Action::Syllables { corpus, output } => {
            let (counts, n) = count_corpus(&corpus, &output, NgramCounts::new())?;
            let mut text = String::from("# syllable\tcount (kehoach model syllables)\n");
            let list = counts.syllable_counts();
            for (syllable, count) in &list {
                text.push_str(&format!("{syllable}\t{count}\n"));
            }
            write(&output, text.as_bytes())?;
            eprintln!(
                "syllables: {} from {n} files, written to {}",
                list.len(),
                output.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
