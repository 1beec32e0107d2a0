//! The beam search over a line's readings, scored by the language model and the channel.

use super::{Candidate, OCR_PRIOR, Restorer};
use crate::text::lm::{HISTORY, IdMap, continues_run, pack};

/// How much a candidate's channel cost weighs against the language model.
const CHANNEL_WEIGHT: f32 = 1.0;
/// Hypotheses the beam search keeps at least (the best ones)...
const BEAM: usize = 4;
/// ...and at most, when more score within [`BEAM_MARGIN`] of the best: a word whose readings
/// are close calls keeps more of them alive, a clear one costs no more than before.
const BEAM_MAX: usize = 20;
/// How far below the best hypothesis (in nats) others are kept beyond the first [`BEAM`].
const BEAM_MARGIN: f32 = 7.0;
/// Cost (in nats) of a reading that does not go on a word of the word list with the reading
/// before it ([`Lexicon::pairs_with`](crate::text::lexicon::Lexicon::pairs_with),
/// [`Lexicon::one_word`](crate::text::lexicon::Lexicon::one_word)): "nâng cấp đô thị", not
/// "đó thì". (Every reading of a line but those pays it; charged as a cost rather than given as
/// a bonus, so that no hypothesis's score ever rises and the beam's bounds hold.)
pub(super) const NO_WORD_COST: f32 = 3.0;

/// The key under which hypotheses are one state: the last words of `history` that the model can
/// still use, given that its last word ended a seen n-gram of `matched` words (Heafield's state
/// minimisation, as in KenLM): after "u v c" with "u v c" never seen, what follows is scored
/// from "v c" at most, so hypotheses differing only in "u" are one. The length is in the top
/// bits, so that a shorter state never meets a longer one that starts with START words.
pub(super) fn lm_state(history: [u32; HISTORY], matched: usize) -> u64 {
    let kept = matched.clamp(1, HISTORY);
    pack(&history[HISTORY - kept..]) | (kept as u64) << 60
}

impl Restorer<'_> {
    /// Beam search over the lattice: the readings with the best model plus channel score,
    /// read after the history `start`, and that score (a log probability, less the costs);
    /// `ocr_prior` replaces [`OCR_PRIOR`] in the cost of OCR readings. When the lattice
    /// `ends_line` (a paragraph or a cell ends with it), the score counts the line's end after
    /// its last word ([`LanguageModel::log_prob_line_end`](crate::text::lm::LanguageModel::log_prob_line_end)). (Candidates are pruned
    /// with [`OCR_PRIOR`] in both kinds of document: pruning with the OCR documents' lower
    /// prior keeps many more candidates, for OCR decoding about 1.7 times slower and 0.01-0.03
    /// points better.)
    pub(super) fn decode(
        &self,
        lattice: &[&[Candidate]],
        start: [u32; HISTORY],
        ocr_prior: f32,
        ends_line: bool,
    ) -> (Vec<Candidate>, f32) {
        let cost = |c: &Candidate| {
            CHANNEL_WEIGHT * (c.cost + if c.ocr { ocr_prior - OCR_PRIOR } else { 0.0 })
        };
        #[derive(Clone, Copy)]
        struct Hyp {
            history: [u32; HISTORY],
            /// The longest n-gram the model saw ending in the history's last word.
            matched: usize,
            /// Whether the last word was read as going on a listed word ([`NO_WORD_COST`]).
            joined: bool,
            score: f32,
            trail: usize,
        }
        // Back-pointers: (previous trail, candidate chosen).
        let mut trails: Vec<(usize, Candidate)> = Vec::new();
        let mut beam = vec![Hyp {
            history: start,
            matched: HISTORY + 1,
            joined: false,
            score: 0.0,
            trail: usize::MAX,
        }];
        let mut next: Vec<Hyp> = Vec::new();
        let mut states: IdMap<u64, usize> = IdMap::default();
        let mut scores: Vec<f32> = Vec::new();
        // Hypotheses best first, ties kept in the order they were made.
        let order = |a: &Hyp, b: &Hyp| b.score.total_cmp(&a.score).then(a.trail.cmp(&b.trail));
        for cands in lattice {
            next.clear();
            states.clear();
            // Once BEAM states are made, an expansion scoring below both the worst of the best
            // BEAM and the margin under the best cannot enter the beam, nor one below the worst
            // of the best BEAM_MAX; a model score is never positive, so `h.score - cost` bounds it.
            let mut floor = f32::NEG_INFINITY;
            let mut floor_made_at = 0;
            // Per last word of the beam's hypotheses: which readings make a listed word with it.
            let mut pairs: Vec<(u32, u64)> = Vec::with_capacity(BEAM);
            for h in &beam {
                if h.score < floor {
                    break;
                }
                let context = self.lm.context_matched(h.history, h.matched);
                let last = h.history[HISTORY - 1];
                let paired = match pairs.iter().find(|p| p.0 == last) {
                    Some(&(_, mask)) => mask,
                    None => {
                        let mask = self.lexicon.pairs_with(last, cands.iter().map(|c| c.id));
                        pairs.push((last, mask));
                        mask
                    }
                };
                for (i, c) in cands.iter().enumerate() {
                    let bound = h.score - cost(c);
                    if bound < floor {
                        continue;
                    }
                    // A run of other words is one word to the model (as in training).
                    let (score, history, matched, joined) = if continues_run(last, c.id) {
                        (bound - NO_WORD_COST, h.history, h.matched, false)
                    } else {
                        let (lm, matched) = context.log_prob_matched(c.id);
                        let [_, u, v] = h.history;
                        // A syllable goes on one listed word at most: after one that went on a
                        // word, the next goes on it only if the three make one longer word
                        // ("ban kiểm soát"), so "truyền thống" and "thông dịch" cannot both
                        // count in "truyền thông dịch".
                        let word = i < 64
                            && paired >> i & 1 == 1
                            && (!h.joined || self.lexicon.one_word([u, v, c.id]));
                        let no_word = if word { 0.0 } else { NO_WORD_COST };
                        (bound + lm - no_word, [u, v, c.id], matched, word)
                    };
                    if score < floor {
                        continue;
                    }
                    // Hypotheses are one state when the model scores what follows them alike
                    // ([`lm_state`]); the better keeps its own. One whose last word went on a
                    // listed word keeps its three words, which the next word's test reads.
                    let state = lm_state(history, if joined { HISTORY } else { matched });
                    match states.get(&state).map(|&i| &mut next[i]) {
                        Some(n) if n.score >= score => {}
                        Some(n) => {
                            trails.push((h.trail, *c));
                            *n = Hyp {
                                history,
                                matched,
                                joined,
                                score,
                                trail: trails.len() - 1,
                            };
                        }
                        None => {
                            trails.push((h.trail, *c));
                            states.insert(state, next.len());
                            next.push(Hyp {
                                history,
                                matched,
                                joined,
                                score,
                                trail: trails.len() - 1,
                            });
                        }
                    }
                }
                // The floor is raised once the states have grown by another beam's worth.
                if next.len() >= floor_made_at + BEAM {
                    floor_made_at = next.len();
                    scores.clear();
                    scores.extend(next.iter().map(|n| n.score));
                    scores.sort_unstable_by(|a, b| b.total_cmp(a));
                    floor = scores[BEAM - 1].min(scores[0] - BEAM_MARGIN);
                    if let Some(&last) = scores.get(BEAM_MAX - 1) {
                        floor = floor.max(last);
                    }
                }
            }
            // The best BEAM hypotheses and those within the margin of the best, up to BEAM_MAX,
            // best first.
            if next.len() > BEAM_MAX {
                next.select_nth_unstable_by(BEAM_MAX, order);
                next.truncate(BEAM_MAX);
            }
            next.sort_unstable_by(order);
            if let Some(best) = next.first().map(|n| n.score) {
                let close = next.partition_point(|n| n.score >= best - BEAM_MARGIN);
                next.truncate(close.max(BEAM));
            }
            std::mem::swap(&mut beam, &mut next);
        }
        if ends_line {
            for h in &mut beam {
                h.score += self
                    .lm
                    .log_prob_line_end(h.history[HISTORY - 1])
                    .unwrap_or(0.0);
            }
            beam.sort_unstable_by(order);
        }
        let mut path = Vec::with_capacity(lattice.len());
        let score = beam.first().map_or(f32::NEG_INFINITY, |h| h.score);
        let mut t = beam.first().map_or(usize::MAX, |h| h.trail);
        while t != usize::MAX {
            let (prev, c) = trails[t];
            path.push(c);
            t = prev;
        }
        path.reverse();
        (path, score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lm::{LanguageModel, START};

    #[test]
    fn a_line_that_ends_is_read_with_the_words_that_end_lines() {
        // "phù" is the likelier word after "khối" here, but "phụ" is the one that ends a line.
        let texts = [
            "xây dựng khối phù hợp với quy hoạch",
            "một khối phù hợp với điều kiện",
            "các khối phù hợp với quy định",
            "phòng học và khối phụ",
        ];
        let lm = LanguageModel::from_texts(texts, 1);
        let channel = crate::text::channel::Channel::embedded();
        let restorer = Restorer::new(&lm, channel);
        // Readings of "khoi phu" typed without marks, each at no cost.
        let readings = |words: &[&str]| -> Vec<Candidate> {
            let reading = |w: &&str| Candidate {
                syllable: restorer.inventory.index_of(w),
                id: lm.id(w),
                cost: 0.0,
                ocr: false,
            };
            words.iter().map(reading).collect()
        };
        let [khoi, phu] = [
            readings(&["khối", "khôi"]),
            readings(&["phù", "phụ", "phú"]),
        ];
        let lattice: Vec<&[Candidate]> = vec![&khoi, &phu];
        let read = |ends_line| {
            let (path, _) = restorer.decode(&lattice, [START; HISTORY], OCR_PRIOR, ends_line);
            let last = path[1].syllable.expect("a syllable");
            restorer.inventory.syllables[last as usize].0.clone()
        };
        assert_eq!(read(false), "phù");
        assert_eq!(read(true), "phụ");
    }

    #[test]
    fn hypotheses_of_one_state_are_scored_alike_by_the_model() {
        let lm = LanguageModel::embedded();
        let text = "Ủy ban nhân dân xã ban hành kế hoạch thực hiện Chương trình mỗi xã một sản \
                    phẩm năm 2026 trên địa bàn huyện theo quy định hiện hành của pháp luật";
        let ids: Vec<u32> = text.split(' ').map(|w| lm.id(&w.to_lowercase())).collect();
        let others = ["của", "và", "đất", "quốc", "lúa", "khoáng"].map(|w| lm.id(w));
        // The length of the longest seen n-gram that ends a history, after the word before it.
        let matched = |before: u32, [t, u, v]: [u32; HISTORY]| {
            lm.context([before, t, u]).log_prob_matched(v).1
        };
        let mut compared = (0, 0);
        for w in ids.windows(4) {
            let (before, history) = (w[0], [w[1], w[2], w[3]]);
            let m = matched(before, history);
            for &other in &others {
                // The words a state leaves out, swapped for another word, change no score; one
                // word more, when it changes a score, changes the state.
                for (left_out, same) in [
                    (HISTORY - m.min(HISTORY), true),
                    (HISTORY + 1 - m.min(HISTORY), false),
                ] {
                    let mut swapped = history;
                    for word in swapped.iter_mut().take(left_out) {
                        *word = other;
                    }
                    if swapped == history || matched(before, swapped) != m {
                        continue;
                    }
                    let alike = ids
                        .iter()
                        .chain(&others)
                        .all(|&next| lm.log_prob(swapped, next) == lm.log_prob(history, next));
                    let one_state = lm_state(swapped, m) == lm_state(history, m);
                    if same {
                        assert!(
                            alike && one_state,
                            "{history:?} and {swapped:?}, matched {m}"
                        );
                        compared.0 += 1;
                    } else if !alike {
                        assert!(!one_state, "{history:?} and {swapped:?} made one state");
                        compared.1 += 1;
                    }
                }
            }
        }
        assert!(
            compared.0 > 20 && compared.1 > 20,
            "only {compared:?} histories compared"
        );
        // A state keeps as many words as the model can use, and says how many.
        let [a, b, c] = [ids[0], ids[1], ids[2]];
        assert_ne!(lm_state([a, b, c], 3), lm_state([START, b, c], 3));
        assert_ne!(lm_state([START, b, c], 3), lm_state([a, b, c], 2));
        assert_eq!(lm_state([a, b, c], 4), lm_state([a, b, c], 3));
    }
}
