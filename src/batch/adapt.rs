//! Adapting the restoration model to a batch: the files that are already clean Vietnamese
//! teach it their local names, products and phrases before the damaged ones are restored.

use rayon::prelude::*;

use crate::batch::InputFile;
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
            "adapt: {} clean inputs of {inputs} taught the model ({} bytes)",
            self.clean_files, self.bytes
        )
    }
}

/// Clean text taught at most (bytes): enough for any batch of plans, and it bounds the
/// memory the counts take (the rest of the batch is still restored and parsed).
pub const MAX_TEACHING_BYTES: usize = 64 << 20;

/// Files read at once while looking for clean ones.
const FILES_AT_ONCE: usize = 64;

/// The model `base` taught by the files among `inputs` that read as clean Vietnamese (no
/// restoration needed), in path order, up to [`MAX_TEACHING_BYTES`]; files that cannot be read
/// are skipped here (the batch reports them when it reads them for its own work).
pub fn adapt_model(
    base: &LanguageModel,
    inputs: &[InputFile],
    encoding: EncodingChoice,
) -> Adapted {
    let as_read = NormalizeOptions::default();
    let mut counts = base.counts();
    let (mut clean_files, mut bytes) = (0, 0);
    'batch: for group in inputs.chunks(FILES_AT_ONCE) {
        let clean: Vec<String> = group
            .par_iter()
            .filter_map(|input| read_path(&input.path, encoding).ok())
            .map(|doc| normalize(&doc.text, &as_read))
            .filter(|text| !text.trim().is_empty() && !needs_restoration(text))
            .collect();
        for text in clean {
            if bytes + text.len() > MAX_TEACHING_BYTES {
                break 'batch;
            }
            counts.add_text(&text);
            clean_files += 1;
            bytes += text.len();
        }
    }
    Adapted {
        model: counts.build(1),
        clean_files,
        bytes,
    }
}
