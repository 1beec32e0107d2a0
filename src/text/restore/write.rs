//! Writing a decoded line back: each reading in the written word's case, with its punctuation.

use super::case::{CaseSetting, in_capitals, small_letter_read_large, with_case_of};
use super::names::PlaceNames;
use super::pieces::{Chunk, WordKind, mostly_capitals, word_hash};
use super::{Candidate, Memo, Restorer};
use crate::text::syllable::is_letter;
use crate::text::words::{GLUE, Written, syllable_key};

/// Symbols OCR writes for a mark just after a word ("sử?" for "sử", "nghiệp)", "truyền}",
/// "tư’"): in the training documents' OCR pairs, 93-100% of each of them, glued to a word of
/// two or more letters with a space and another word after them in the line, stand for nothing
/// in the clean text (but a ")" closing a "(" opened before it is a bracket, and so is most of
/// one followed by "," or "."; a "?" before a capital ends a sentence as often as not). In OCR
/// lines they are dropped after such a word read as a syllable.
const OCR_MARK_SYMBOLS: [char; 6] = [')', '?', ']', '}', '!', '’'];
/// Symbols OCR writes glued before a word: a speck ("‘cong" for "công") or its misreading of
/// the word's first letter ("$6" for "Số", "¢6" for "có", where the digit is read as the whole
/// syllable). In the training documents' OCR pairs, none of the 59 words written after one of
/// them has it in the clean text. In OCR lines they are dropped before a word read as another
/// syllable than its letters spell (a word read as written, as in noise, keeps them).
const OCR_LEADING_SIGNS: [char; 3] = ['‘', '$', '¢'];
/// The em dash OCR reads for the en dash that stands between words ([`EN_DASH`]): in the
/// training documents' OCR pairs, 87 of the 88 em dashes standing alone are an en dash in the
/// clean text, which never has an em dash standing alone. In OCR lines it is written as one.
const OCR_EM_DASH: &str = "—";
/// The dash between words of Vietnamese administrative text (" – ").
const EN_DASH: &str = "–";
/// −ln P(title case | a word) above which the word is nearly always written small after
/// another word of its line (not the start of a name, as "Công" in "Công ty" is).
const SMALL_WORD_TITLE_COST: f32 = 3.0;

/// What a damaged line's neighbours and document say about writing it out.
#[derive(Clone, Copy)]
pub(super) struct LineFacts {
    /// The document reads as OCR output.
    pub(super) ocr_document: bool,
    /// The model id of the syllable in small letters the line before ends on, if any (a
    /// wrapped sentence may go on in this line).
    pub(super) small_word_before: Option<u32>,
    /// A bracket opened in the line before is still open.
    pub(super) open_before: bool,
    /// The line holds place names kept as written ([`PlaceNames::runs`]), to be written as the
    /// list of places spells them.
    pub(super) place_names: bool,
}

/// `text`, which starts at byte `at` of `line` right after a word read as a syllable, without
/// the [`OCR_MARK_SYMBOLS`] it starts with when they are OCR's misreading of a mark: a space
/// and more of the line follow them, a closer (")", "]", "}", "’") closes nothing opened before
/// it in the line (nor, for ")", in the line before: `open_before`), and a "?" or "!" is
/// followed by a small letter (before a capital or a bracket it may end a sentence: "... hay
/// không? (cho dù", "cải cách? Nói").
pub(super) fn without_mark_symbols<'l>(
    line: &'l str,
    text: &'l str,
    at: usize,
    open_before: bool,
) -> &'l str {
    const PAIRS: [(char, char); 4] = [('(', ')'), ('[', ']'), ('{', '}'), ('‘', '’')];
    let symbols = text.len() - text.trim_start_matches(OCR_MARK_SYMBOLS).len();
    if symbols == 0 {
        return text;
    }
    let after = &line[at + symbols..];
    let spaced = after.starts_with(char::is_whitespace);
    let goes_on = after.trim_start().starts_with(char::is_lowercase);
    let ends_sentence = text.starts_with(['?', '!']) && !goes_on;
    let before = &line[..at];
    let closes = PAIRS.iter().any(|&(open, close)| {
        text.starts_with(close)
            && ((open == '(' && open_before)
                || before.matches(open).count() > before.matches(close).count())
    });
    if !spaced || ends_sentence || closes {
        text
    } else {
        &text[symbols..]
    }
}

/// The punctuation before a word read as a syllable, without the [`OCR_LEADING_SIGNS`] glued
/// to the word when `drop` says so.
fn without_leading_signs(pre: &str, drop: bool) -> &str {
    if drop {
        pre.trim_end_matches(OCR_LEADING_SIGNS)
    } else {
        pre
    }
}

impl Restorer<'_> {
    /// The line written again with its chosen readings: each syllable in the case the written
    /// word shows, symbols with their Đ, and what lies between the pieces kept (but OCR glue
    /// between two syllables is a space, and symbols OCR wrote for a mark are dropped).
    pub(super) fn write_line<'l>(
        &self,
        line: &'l str,
        chunks: &[(usize, Chunk<'l>)],
        best: &[Candidate],
        facts: LineFacts,
        memo: &Memo,
    ) -> String {
        let LineFacts {
            ocr_document,
            small_word_before,
            open_before,
            place_names,
        } = facts;
        let caps_line = mostly_capitals(line);
        let written_in_capitals = |i: usize| {
            chunks.get(i).is_some_and(|(_, chunk)| match chunk {
                Chunk::Fixed(c) | Chunk::Symbol(c) | Chunk::Word(_, c, _) => in_capitals(c),
                Chunk::Number(..) => false,
            })
        };
        let capitals_beside =
            |i: usize| (i > 0 && written_in_capitals(i - 1)) || written_in_capitals(i + 1);
        // Whether word i goes on a listed word after a word read as a syllable and written in
        // small letters, with nothing but a space between them.
        let goes_on_small = |i: usize| {
            let Some(this) = best.get(i) else {
                return false;
            };
            let before = match i.checked_sub(1) {
                None => small_word_before,
                Some(b) => {
                    let small_before = matches!(
                        &chunks[b].1,
                        Chunk::Word(_, w, "") if w.chars().next().is_some_and(char::is_lowercase)
                    );
                    best.get(b)
                        .filter(|before| small_before && before.syllable.is_some())
                        .map(|before| before.id)
                }
            };
            let close = matches!(&chunks[i].1, Chunk::Word("", ..));
            before.is_some_and(|before| {
                close
                    && this.syllable.is_some()
                    && self.lm.case_cost(this.id, Written::Title) > SMALL_WORD_TITLE_COST
                    && self.lexicon.pairs_with(before, std::iter::once(this.id)) == 1
            })
        };
        // Whether the last piece was a word of two or more letters read as a syllable, or a
        // lone letter read as a longer one, with nothing after it.
        let mut after_long_syllable = false;
        let mut out = String::with_capacity(line.len() + 16);
        let mut last = 0;
        // Whether the last piece was read as a syllable: OCR glue between two syllables is a space.
        let mut after_syllable = false;
        // Whether the last piece was a word written in small letters.
        let mut after_small = false;
        // Whether a word came before in the line (a list's label does not count).
        let mut seen_word = false;
        for (i, (offset, chunk)) in chunks.iter().enumerate() {
            let mid_line = seen_word;
            seen_word |= matches!(chunk, Chunk::Word(..));
            let gap = &line[last..*offset];
            let syllable_here = matches!(chunk, Chunk::Word(..))
                && best.get(i).is_some_and(|c| c.syllable.is_some());
            // (Before a capital, a dot more likely ends a sentence: it stays.)
            let glue = gap.chars().count() == 1
                && gap.starts_with(GLUE)
                && !line[*offset..].starts_with(char::is_uppercase);
            // So is a hyphen between two words in small letters: OCR read one for a space four
            // times in five ("cơ sở-hạ tầng"; in the training pairs, 406 such hyphens on the OCR
            // side against 81 in the clean text, "kinh tế-xã hội").
            let small_here =
                matches!(chunk, Chunk::Word(_, w, _) if w.starts_with(char::is_lowercase));
            let hyphen = gap == "-" && after_small && small_here;
            after_small = small_here;
            if ocr_document && (glue || hyphen) && after_syllable && syllable_here {
                out.push(' ');
            } else if ocr_document && after_long_syllable {
                out.push_str(without_mark_symbols(line, gap, last, open_before));
            } else {
                out.push_str(gap);
            }
            after_long_syllable = false;
            after_syllable = syllable_here;
            let written: &str = match chunk {
                Chunk::Fixed(c) if ocr_document && *c == OCR_EM_DASH => EN_DASH,
                Chunk::Fixed(c) => c,
                Chunk::Number(pre, digits, post) => {
                    let whole = pre.len() + digits.len() + post.len();
                    match best.get(i).and_then(|c| c.syllable) {
                        Some(s) => {
                            out.push_str(without_leading_signs(pre, ocr_document));
                            out.push_str(&self.inventory.syllables[s as usize].0);
                            out.push_str(post);
                            last = offset + whole;
                            continue;
                        }
                        None => &line[*offset..offset + whole],
                    }
                }
                Chunk::Symbol(c) => {
                    out.push_str(&self.restore_symbol(c));
                    last = offset + c.len();
                    continue;
                }
                Chunk::Word(pre, w, post)
                    if memo.kinds.get(&word_hash(w)) == Some(&WordKind::Acronym)
                        && best.get(i).is_none_or(|c| c.syllable.is_none()) =>
                {
                    out.push_str(pre);
                    out.push_str(&self.restore_symbol(w));
                    out.push_str(post);
                    last = offset + pre.len() + w.len() + post.len();
                    continue;
                }
                Chunk::Word(pre, w, post) => {
                    let chosen = best.get(i).and_then(|c| c.syllable);
                    match chosen {
                        Some(s) => {
                            let letters = w.chars().filter(|&c| is_letter(c)).count();
                            let long_word = letters >= 2;
                            let syllable = &self.inventory.syllables[s as usize].0;
                            // A lone letter read as a longer syllable: a bracket after it may
                            // be what OCR put for its vowel ("t)" for "tư").
                            let vowel_lost = letters == 1 && syllable.chars().count() > 1;
                            after_long_syllable = (long_word || vowel_lost) && post.is_empty();
                            let read_otherwise = syllable_key(w).as_deref() != Some(syllable);
                            out.push_str(without_leading_signs(
                                pre,
                                ocr_document && read_otherwise,
                            ));
                            let at = CaseSetting {
                                caps_line,
                                ocr: ocr_document,
                                mid_line,
                                caps_beside: capitals_beside(i),
                                // (Asked only of a word written with a capital.)
                                goes_on_small: w.starts_with(char::is_uppercase)
                                    && goes_on_small(i),
                            };
                            if syllable_key(w).as_deref() == Some(syllable.as_str())
                                && !small_letter_read_large(w, at)
                            {
                                out.push_str(w);
                            } else {
                                out.push_str(&with_case_of(syllable, w, at));
                            }
                            if ocr_document && (long_word || vowel_lost) && i + 1 < chunks.len() {
                                let at = offset + pre.len() + w.len();
                                out.push_str(without_mark_symbols(line, post, at, open_before));
                            } else {
                                out.push_str(post);
                            }
                            last = offset + pre.len() + w.len() + post.len();
                            continue;
                        }
                        None => &line[*offset..offset + pre.len() + w.len() + post.len()],
                    }
                }
            };
            out.push_str(written);
            last = offset + written.len();
        }
        out.push_str(&line[last..]);
        // Place names the model reads as other words, put back as the list of places has them.
        if !place_names {
            return out;
        }
        PlaceNames::embedded().spell_in(&out).unwrap_or(out)
    }
}
