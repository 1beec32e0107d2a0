//! Adapting the restoration model to a batch: the files that are already clean Vietnamese
//! teach it their local names, products and phrases before the damaged ones are restored.

use std::path::Path;

use rayon::prelude::*;

use crate::read::read_path;
use crate::text::lm::LanguageModel;
use crate::text::{EncodingChoice, NormalizeOptions, needs_restoration, normalize};

/// A model adapted to a batch, and what taught it.
pub struct Adapted {
    /// `base` with the clean files' counts added.
    pub model: LanguageModel,
    /// Files that read as clean Vietnamese and were counted.
    pub clean_files: usize,
    /// Their size in bytes (as normalized text).
    pub bytes: usize,
}

impl Adapted {
    /// One line for the user: how many of the batch's `inputs` taught the model.
    pub fn summary(&self, inputs: usize) -> String {
        format!(
            "adapt: {} of {inputs} inputs are clean Vietnamese ({} bytes); the model learned from them",
            self.clean_files, self.bytes
        )
    }
}

/// The model `base` taught by the files among `paths` that read as clean Vietnamese (no
/// restoration needed); files that cannot be read are skipped here (the batch reports them
/// when it reads them for its own work).
pub fn adapt_model(base: &LanguageModel, paths: &[&Path], encoding: EncodingChoice) -> Adapted {
    let as_read = NormalizeOptions::default();
    let clean: Vec<String> = paths
        .par_iter()
        .filter_map(|path| read_path(path, encoding).ok())
        .map(|doc| normalize(&doc.text, &as_read))
        .filter(|text| !text.trim().is_empty() && !needs_restoration(text))
        .collect();
    let mut counts = base.counts();
    for text in &clean {
        counts.add_text(text);
    }
    Adapted {
        model: counts.build(1),
        clean_files: clean.len(),
        bytes: clean.iter().map(String::len).sum(),
    }
}
