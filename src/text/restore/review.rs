//! Words read with doubt: those whose next best reading scores close to the chosen one.

use super::case::{CaseSetting, with_case_of};
use super::pieces::Chunk;
use super::{Candidate, Memo, Restorer};
use crate::text::lm::{HISTORY, history_with};
use crate::text::{NormalizeOptions, normalize};

/// A restored word is listed for review ([`Restorer::restore_reviewed`]) when the best reading
/// of its line that reads it otherwise scores less than this many nats below the chosen one.
pub const REVIEW_MARGIN: f32 = 2.0;

/// Which restored words [`Restorer::restore_reviewed`] looks for.
#[derive(Clone, Copy, Debug)]
pub struct ReviewOptions {
    /// A word is in doubt when the best line with another reading of it scores less than this
    /// many nats below the chosen one.
    pub margin: f32,
    /// Only the first word in doubt of each line: enough to tell the lines in doubt from the
    /// others, and faster.
    pub first_per_line: bool,
}

impl Default for ReviewOptions {
    fn default() -> Self {
        ReviewOptions {
            margin: REVIEW_MARGIN,
            first_per_line: false,
        }
    }
}

/// Words on each side of a word that are read again to weigh its other readings (the whole
/// line, when it is shorter): what lies further off hardly depends on the word, and a long
/// line costs time in proportion to its length, not to its square.
const REVIEW_SPAN: usize = 10;

/// A text as restored, with the words restored in it with doubt: what a review list shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reviewed {
    /// The restored text, line for line as the text it was restored from.
    pub restored: String,
    /// The restored words whose next best reading came close, in the order of the text.
    pub doubts: Vec<Doubt>,
}

impl Reviewed {
    /// The review of `restored` with its `doubts` spelled as `options` spell the text around
    /// them (tone placement), so that the list shows the words as the output has them.
    pub fn respelled(restored: String, doubts: Vec<Doubt>, options: &NormalizeOptions) -> Reviewed {
        Reviewed {
            restored,
            doubts: doubts.into_iter().map(|d| d.respelled(options)).collect(),
        }
    }

    /// How many words, over several reviewed texts, are in doubt.
    pub fn count<'a>(reviews: impl IntoIterator<Item = &'a Reviewed>) -> usize {
        reviews.into_iter().map(|r| r.doubts.len()).sum()
    }
}

/// A restored word that the restorer was not sure of: another reading of it scored close.
#[derive(Clone, Debug, PartialEq)]
pub struct Doubt {
    /// Line of the text (1-based).
    pub line: usize,
    /// Where the word starts in its line (1-based, in characters).
    pub column: usize,
    /// The word as written.
    pub written: String,
    /// Its reading in the restored text.
    pub restored: String,
    /// The reading that came next best.
    pub alternative: String,
    /// How much less likely the best reading with the alternative is, in nats (ln of the ratio).
    pub margin: f32,
}

impl Doubt {
    /// The doubt with its column counted in `original`, its line as written before normalizing
    /// (`normalized` is that line as restored from): normalizing spaces and punctuation moves
    /// the words after them (", ," becomes ",,"). The word is found as the same occurrence of
    /// its letters in both; where the two lines do not hold it equally often (normalizing
    /// changed the word itself), the column stays as counted in `normalized`.
    pub fn placed_in(self, original: &str, normalized: &str) -> Doubt {
        let written = self.written.as_str();
        let occurrences =
            |line: &str| -> Vec<usize> { line.match_indices(written).map(|(at, _)| at).collect() };
        let (before, after) = (occurrences(original), occurrences(normalized));
        let at = normalized
            .char_indices()
            .nth(self.column - 1)
            .map_or(normalized.len(), |(at, _)| at);
        let column = match after.iter().position(|&start| start == at) {
            Some(k) if before.len() == after.len() => original[..before[k]].chars().count() + 1,
            _ => self.column,
        };
        Doubt { column, ..self }
    }

    /// `doubts`, counted in the lines of `normalized`, each placed in its line of `original`,
    /// the text it was normalized from line for line ([`Doubt::placed_in`]); as they are when
    /// the two do not have as many lines.
    pub fn placed_in_lines(doubts: Vec<Doubt>, original: &str, normalized: &str) -> Vec<Doubt> {
        let originals: Vec<&str> = original.split('\n').collect();
        let lines: Vec<&str> = normalized.split('\n').collect();
        doubts
            .into_iter()
            .map(
                |d| match (originals.get(d.line - 1), lines.get(d.line - 1)) {
                    (Some(original), Some(line)) if originals.len() == lines.len() => {
                        d.placed_in(original, line)
                    }
                    _ => d,
                },
            )
            .collect()
    }

    /// The doubt with its readings spelled as `options` spell the text around them (tone
    /// placement), so that a review list shows the words as the output has them.
    fn respelled(self, options: &NormalizeOptions) -> Doubt {
        Doubt {
            restored: normalize(&self.restored, options),
            alternative: normalize(&self.alternative, options),
            ..self
        }
    }
}

/// How [`Restorer::close_calls`] searches a decoded window: after which history, with which
/// cost of OCR readings, whether the line ends with the window, over how many of its words
/// (the rest are the line after's), and for which doubts.
#[derive(Clone, Copy)]
pub(super) struct CloseCallSearch {
    pub(super) start: [u32; HISTORY],
    pub(super) ocr_prior: f32,
    pub(super) ends_line: bool,
    pub(super) words: usize,
    pub(super) options: ReviewOptions,
}

/// A word read with doubt, found by [`Restorer::close_calls`].
#[derive(Clone, Copy)]
pub(super) struct CloseCall {
    /// Its position in the line's lattice.
    pub(super) at: usize,
    /// The reading that came next best.
    pub(super) alternative: Candidate,
    /// How much less the best line with that reading scores, in nats.
    pub(super) margin: f32,
}

impl Restorer<'_> {
    /// The words among the first `search.words` of a decoded window, read as `path`, whose
    /// next best reading makes a line scoring less than the review's margin below `score`, the
    /// chosen path's (the first of them only, if the review asks for one per line). Each
    /// word's is found by searching again without the word's chosen reading, over the
    /// [`REVIEW_SPAN`] words on each side of it (read after the chosen words before them).
    pub(super) fn close_calls(
        &self,
        window: &[&[Candidate]],
        path: &[Candidate],
        score: f32,
        search: CloseCallSearch,
    ) -> Vec<CloseCall> {
        let CloseCallSearch {
            start,
            ocr_prior,
            ends_line,
            words,
            options,
        } = search;
        let mut close = Vec::new();
        for (i, chosen) in path.iter().enumerate().take(words) {
            if options.first_per_line && !close.is_empty() {
                break;
            }
            let others: Vec<Candidate> = window[i]
                .iter()
                .filter(|c| c.syllable != chosen.syllable)
                .copied()
                .collect();
            if others.is_empty() {
                continue;
            }
            let from = i.saturating_sub(REVIEW_SPAN);
            let to = (i + REVIEW_SPAN + 1).min(window.len());
            let history = path[..from]
                .iter()
                .fold(start, |h, c| history_with(h, c.id));
            let ends_line = ends_line && to == window.len();
            let best = if (from, to) == (0, window.len()) {
                score
            } else {
                self.decode(&window[from..to], history, ocr_prior, ends_line)
                    .1
            };
            let mut without = window[from..to].to_vec();
            without[i - from] = &others;
            let (other_path, other_score) = self.decode(&without, history, ocr_prior, ends_line);
            let margin = best - other_score;
            if let Some(&alternative) = other_path.get(i - from).filter(|_| margin < options.margin)
            {
                close.push(CloseCall {
                    at: i,
                    alternative,
                    margin: margin.max(0.0),
                });
            }
        }
        close
    }

    /// A close call about a piece of a line (a table cell of the memo's line) read as
    /// `chosen`, as a [`Doubt`]: where the word is, and both readings spelled in its case;
    /// `None` when both read alike.
    pub(super) fn doubt(
        &self,
        line: &str,
        chunks: &[(usize, Chunk)],
        chosen: Candidate,
        close: CloseCall,
        memo: &Memo,
    ) -> Option<Doubt> {
        let (offset, chunk) = chunks.get(close.at)?;
        let (written, at) = match chunk {
            Chunk::Word(pre, w, _) | Chunk::Number(pre, w, _) => (*w, offset + pre.len()),
            Chunk::Fixed(_) | Chunk::Symbol(_) => return None,
        };
        let spell = |c: Candidate| match c.syllable {
            Some(s) => with_case_of(
                &self.inventory.syllables[s as usize].0,
                written,
                CaseSetting::default(),
            ),
            None => written.to_string(),
        };
        let (restored, alternative) = (spell(chosen), spell(close.alternative));
        if restored == alternative {
            return None;
        }
        let byte = (line.as_ptr() as usize).checked_sub(memo.line_start)? + at;
        let column = memo.line_text.get(..byte)?.chars().count() + 1;
        Some(Doubt {
            line: memo.line,
            column,
            written: written.to_string(),
            restored,
            alternative,
            margin: close.margin,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_doubt_is_placed_where_its_line_as_written_has_it() {
        let doubt = |column: usize, written: &str| Doubt {
            line: 1,
            column,
            written: written.to_string(),
            restored: String::new(),
            alternative: String::new(),
            margin: 0.5,
        };
        let placed = |d: Doubt, original: &str, normalized: &str| d.placed_in(original, normalized);
        // Spaces taken out before the word: the second "du" of the line as written.
        let (original, normalized) = ("du hop , , du  an", "du hop,, du  an");
        assert_eq!(placed(doubt(10, "du"), original, normalized).column, 12);
        assert_eq!(placed(doubt(1, "du"), original, normalized).column, 1);
        // A word normalizing changed ("hoà" is written "hòa") keeps the column counted.
        assert_eq!(
            placed(doubt(5, "hòa"), "ke hoà , , hoà", "ke hòa,, hòa").column,
            5
        );
    }
}
