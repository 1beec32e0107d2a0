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
        let lm = match &self.model {
            Some(path) => {
                let bytes = std::fs::read(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                Some(
                    LanguageModel::from_bytes(&bytes)
                        .with_context(|| path.display().to_string())?,
                )
            }
            None => None,
        };
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
    let words = Reviewed::count(reviews.iter().map(|(_, r)| r));
    eprintln!(
        "review: {words} restored words to check in {} restored file(s), listed in {}",
        reviews.len(),
        path.display()
    );
    Ok(())
}
