//! One module per subcommand: argument parsing and wiring, no logic of its own.

pub mod draft;
pub mod model;
pub mod normalize;
pub mod parse;
pub mod render;
pub mod schema;
pub mod targets;
pub mod template;

use std::path::{Path, PathBuf};

use anyhow::Context;

use kehoach::batch::write_atomic;
use kehoach::text::channel::Channel;
use kehoach::text::lm::LanguageModel;
use kehoach::text::restore::Reviewed;
use kehoach::write::review::write_review;

/// `--model` and `--channel`: the models restoration reads with, when not the embedded ones.
#[derive(clap::Args)]
pub struct ModelArgs {
    /// Language model for restoring garbled or unaccented text (built with `kehoach model
    /// build`, e.g. from an archive of one's own plans); default: the embedded one.
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// OCR confusion table for restoring garbled text (built with `kehoach model channel`);
    /// default: the embedded one.
    #[arg(long, value_name = "FILE")]
    channel: Option<PathBuf>,
}

/// `-j/--jobs`: how many worker threads a batch runs on.
#[derive(clap::Args)]
pub struct JobsArg {
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
}

impl JobsArg {
    /// The number of threads asked for, if any.
    pub fn threads(&self) -> Option<usize> {
        self.jobs.map(usize::from)
    }

    /// Makes this process's batch work run on the threads asked for (all cores if none).
    pub fn apply(&self) -> anyhow::Result<()> {
        if let Some(threads) = self.threads() {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build_global()
                .context("cannot start worker threads")?;
        }
        Ok(())
    }
}

/// `--adapt`, `--model`, `--channel` and `--review`: how `parse` and `targets` restore garbled
/// or unaccented plans.
#[derive(clap::Args)]
pub struct RestoreArgs {
    /// First let the plans that are already clean Vietnamese teach the restoration model (their
    /// names, products and phrases), then the damaged ones, restored with it, teach it the lines
    /// it was sure of; then restore and parse the damaged ones with that model.
    #[arg(long)]
    pub adapt: bool,
    /// The models to restore garbled or unaccented plans with.
    #[command(flatten)]
    pub models: ModelArgs,
    /// Also write to FILE (CSV) the words restoration was least sure of in the plans it
    /// restored, for a person to check: file, line and column of the word in the plan's text,
    /// the word as written, as restored, its next best reading and how much less likely that is
    /// (in nats). Restoring takes several times as long.
    #[arg(long, value_name = "FILE")]
    pub review: Option<PathBuf>,
}

/// A language model read from its file; an error names the file that cannot be read or is no
/// model.
pub fn read_model(path: &Path) -> anyhow::Result<LanguageModel> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    LanguageModel::from_bytes(&bytes).with_context(|| path.display().to_string())
}

/// The models [`ModelArgs`] named, read from their files (`None`: the embedded one).
pub struct Models {
    lm: Option<LanguageModel>,
    channel: Option<Channel>,
}

impl ModelArgs {
    /// Whether a model or a channel file was named.
    pub fn given(&self) -> bool {
        self.model.is_some() || self.channel.is_some()
    }

    /// Reads the files named; an error names the file that cannot be read or is no model.
    pub fn load(&self) -> anyhow::Result<Models> {
        let lm = self.model.as_deref().map(read_model).transpose()?;
        let channel = match &self.channel {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                Some(Channel::from_tsv(&text).with_context(|| path.display().to_string())?)
            }
            None => None,
        };
        Ok(Models { lm, channel })
    }
}

impl Models {
    /// The language model read, or the embedded one (loaded now if it was not yet).
    pub fn lm(&self) -> &LanguageModel {
        self.lm
            .as_ref()
            .unwrap_or_else(|| LanguageModel::embedded())
    }

    /// The channel read, or the embedded one.
    pub fn channel(&self) -> &Channel {
        self.channel.as_ref().unwrap_or_else(|| Channel::embedded())
    }

    /// The language model read, if one was named.
    pub fn given_lm(&self) -> Option<&LanguageModel> {
        self.lm.as_ref()
    }

    /// The channel read, if one was named.
    pub fn given_channel(&self) -> Option<&Channel> {
        self.channel.as_ref()
    }
}

/// Writes the review list of restored files (`--review FILE`) whole, or not at all, and says on
/// stderr how many words it lists.
pub fn write_review_list(path: &Path, reviews: &[(String, Reviewed)]) -> anyhow::Result<()> {
    let mut bytes = Vec::new();
    write_review(&mut bytes, reviews.iter().map(|(f, r)| (f.as_str(), r)))?;
    write_atomic(path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
    say_review(
        Reviewed::count(reviews.iter().map(|(_, r)| r)),
        reviews.len(),
        path,
    );
    Ok(())
}

/// Says on stderr how many restored words a review list holds, from how many files, and where.
pub fn say_review(words: usize, files: usize, path: &Path) {
    eprintln!(
        "review: {} to check in {}, listed in {}",
        counted(words, "restored word"),
        counted(files, "restored file"),
        path.display()
    );
}

/// A count and its noun, in the plural unless the count is one: "1 plan", "2 plans", "0 files".
pub fn counted(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
