//! Adapting the restoration model to a batch: the files that are already clean Vietnamese
//! teach it their local names, products and phrases; then the damaged files, restored with
//! that model, teach it the lines it restored with confidence, before they are restored again.

use rayon::prelude::*;

use crate::batch::InputFile;
use crate::read::read_path;
use crate::text::channel::Channel;
use crate::text::lm::{LanguageModel, NgramCounts};
use crate::text::restore::ReviewOptions;
use crate::text::{EncodingChoice, NormalizeOptions, Restorer, needs_restoration, normalize};

/// A model adapted to a batch, and what taught it.
pub struct Adapted {
    /// `base` with the clean files' counts and the damaged files' confident lines added.
    pub model: LanguageModel,
    /// Files that read as clean Vietnamese and were counted.
    pub clean_files: usize,
    /// Their size in bytes (as normalized text).
    pub bytes: usize,
    /// Damaged files whose lines restored with confidence were counted.
    pub restored_files: usize,
    /// The size of those lines in bytes.
    pub restored_bytes: usize,
}

impl Adapted {
    /// One line for the user: how many of the batch's `inputs` taught the model.
    pub fn summary(&self, inputs: usize) -> String {
        format!(
            "adapt: {} clean inputs of {inputs} taught the model ({} bytes), then the lines \
             restored with confidence of {} damaged ones ({} bytes)",
            self.clean_files, self.bytes, self.restored_files, self.restored_bytes
        )
    }
}

/// A restored line teaches the model only if no word of it had another reading whose best
/// line scored less than this many nats below the chosen one (measured in
/// `docs/restore-eval.md`): the lines a restorer is sure of are mostly right, and teach the
/// batch's own words, while the doubtful ones would teach its mistakes.
pub const CONFIDENT_MARGIN: f32 = 1.0;

/// Text taught at most (bytes, clean files and confident lines together): enough for any
/// batch of plans, and it bounds the memory the counts take (the rest of the batch is still
/// restored and parsed).
pub const MAX_TEACHING_BYTES: usize = 64 << 20;

/// Files read (and, in the second step, restored) at once while teaching.
const FILES_AT_ONCE: usize = 64;

/// The model `base` taught by the batch `inputs`, in path order, up to
/// [`MAX_TEACHING_BYTES`] in all: first by the files that read as clean Vietnamese (no
/// restoration needed); then, with that model and `channel`, the damaged files are restored,
/// and each one's lines restored with confidence ([`CONFIDENT_MARGIN`]) are taught as a
/// document of its own. Files that cannot be read are skipped here (the batch reports them
/// when it reads them for its own work).
pub fn adapt_model(
    base: &LanguageModel,
    channel: &Channel,
    inputs: &[InputFile],
    encoding: EncodingChoice,
) -> Adapted {
    let mut counts = base.counts();
    let mut budget = MAX_TEACHING_BYTES;
    let inputs: Vec<&InputFile> = inputs.iter().collect();
    let clean = teach(&mut counts, &mut budget, &inputs, encoding, |text| {
        (!needs_restoration(&text)).then_some(text)
    });
    let taught_by_clean = counts.build(1);
    let restorer = Restorer::new(&taught_by_clean, channel);
    // The files that taught nothing as clean text: the damaged ones (read again, one group
    // at a time, so that memory stays bounded).
    let restored = teach(&mut counts, &mut budget, &clean.left, encoding, |text| {
        needs_restoration(&text).then(|| confident_lines(&restorer, &text))
    });
    Adapted {
        model: counts.build(1),
        clean_files: clean.files,
        bytes: clean.bytes,
        restored_files: restored.files,
        restored_bytes: restored.bytes,
    }
}

/// What [`teach`] did: how many files taught and how many bytes, and the files that taught
/// nothing.
struct Taught<'a> {
    files: usize,
    bytes: usize,
    left: Vec<&'a InputFile>,
}

/// Adds to `counts`, as one document each, the text `lesson` draws from each of `inputs`
/// (read and normalized; `None`: nothing), while `budget` (bytes) lasts; the files not taught
/// from, those the budget did not reach included, are left.
fn teach<'a>(
    counts: &mut NgramCounts,
    budget: &mut usize,
    inputs: &[&'a InputFile],
    encoding: EncodingChoice,
    lesson: impl Fn(String) -> Option<String> + Sync,
) -> Taught<'a> {
    let as_read = NormalizeOptions::default();
    let mut taught = Taught {
        files: 0,
        bytes: 0,
        left: Vec::new(),
    };
    for (g, group) in inputs.chunks(FILES_AT_ONCE).enumerate() {
        let lessons: Vec<Option<String>> = group
            .par_iter()
            .map(|input| {
                let text = normalize(&read_path(&input.path, encoding).ok()?.text, &as_read);
                (!text.trim().is_empty())
                    .then(|| lesson(text))
                    .flatten()
                    .filter(|lesson| !lesson.is_empty())
            })
            .collect();
        for (i, (&input, lesson)) in group.iter().zip(lessons).enumerate() {
            let Some(text) = lesson else {
                taught.left.push(input);
                continue;
            };
            if text.len() > *budget {
                taught.left.extend(&inputs[g * FILES_AT_ONCE + i..]);
                return taught;
            }
            counts.add_text(&text);
            *budget -= text.len();
            taught.files += 1;
            taught.bytes += text.len();
        }
    }
    taught
}

/// The lines of a damaged text as `restorer` restores them, but those with a word it was not
/// sure of (another reading within [`CONFIDENT_MARGIN`]).
fn confident_lines(restorer: &Restorer, text: &str) -> String {
    let doubts_wanted = ReviewOptions {
        margin: CONFIDENT_MARGIN,
        first_per_line: true,
    };
    let (restored, _, doubts) = restorer.restore_reviewed(text, text, doubts_wanted);
    let doubtful: std::collections::HashSet<usize> = doubts.iter().map(|d| d.line).collect();
    let mut lines = String::new();
    for (n, line) in restored.lines().enumerate() {
        if !doubtful.contains(&(n + 1)) && !line.trim().is_empty() {
            lines.push_str(line);
            lines.push('\n');
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_files_teach_and_damaged_ones_teach_only_the_lines_restored_with_confidence() {
        // A model that knows "nhân dân đóng góp" in one reading only, and has seen "phường
        // chi" (the ward spends) as often as "phường chỉ" (the ward only).
        let base = LanguageModel::from_texts(
            [
                "nhân dân đóng góp\nỦy ban nhân dân phường chi\nỦy ban nhân dân phường chỉ",
                "nhân dân đóng góp\nỦy ban nhân dân phường chi\nỦy ban nhân dân phường chỉ",
            ],
            1,
        );
        let dir = tempfile::tempdir().unwrap();
        let clean = "Ủy ban nhân dân phường Yên Hòa\n";
        std::fs::write(dir.path().join("a-clean.txt"), clean).unwrap();
        std::fs::write(
            dir.path().join("b-typed.txt"),
            "nhan dan dong gop\nUy ban nhan dan phuong chi\n",
        )
        .unwrap();
        let inputs: Vec<InputFile> = ["a-clean.txt", "b-typed.txt"]
            .iter()
            .map(|name| InputFile {
                path: dir.path().join(name),
                relative: name.into(),
            })
            .collect();
        let adapted = adapt_model(&base, Channel::embedded(), &inputs, EncodingChoice::Auto);
        assert_eq!((adapted.clean_files, adapted.bytes), (1, clean.len()));
        // The second line's "chi" is a close call: only the first line teaches.
        assert_eq!(adapted.restored_files, 1);
        assert_eq!(adapted.restored_bytes, "nhân dân đóng góp\n".len());
        // The clean file's name is now known after "phường".
        let after = |lm: &LanguageModel| {
            lm.log_prob([lm.id("dân"), lm.id("phường"), lm.id("yên")], lm.id("hòa"))
        };
        assert!(after(&adapted.model) > after(&base));
    }
}
