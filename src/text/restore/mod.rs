//! Restoration of Vietnamese diacritics in OCR-garbled or unaccented text.
//!
//! A noisy-channel decoder: every word of a damaged line gets candidate
//! syllables from the attested syllable inventory (those whose marks could
//! have been lost, and those the learned OCR confusions could have turned into
//! the word), each with its channel cost ([`Channel`]); a beam search over the
//! line picks the sequence that the 4-gram language model ([`LanguageModel`])
//! and the channel together like best. Keeping a word as it was written is
//! always a candidate, so noise stays noise. Numbers, dates, URLs, e-mail
//! addresses, acronyms and document symbols are never changed, except that Đ
//! is put back in symbol parts the model learned ("QD" → "QĐ").
//!
//! A line goes through the submodules in turn: `pieces` cuts it into words, numbers and
//! symbols and judges it (clean, noise, another language, damaged), and `keys` reads a line
//! typed with the input method off as the letters its keys make; `readings` gives each
//! word its candidates from the syllable `inventory`; `decode` searches the line; `write`
//! writes the chosen readings back in the written words' `case`. `review` finds the words
//! read with doubt, when asked.

mod case;
mod decode;
mod inventory;
mod keys;
mod names;
mod numbers;
mod pieces;
mod readings;
mod review;
mod write;

use crate::text::syllable::is_letter;
use crate::text::words::{continues, ends_sentence, list_label};
use names::PlaceNames;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use super::channel::Channel;
use super::lexicon::Lexicon;
use super::lm::{HISTORY, IdMap, LanguageModel, OTHER, START};
use super::syllable::strip_marks;
use case::{middle_of_name, name_starts, personal_titles, place_word};
use inventory::Inventory;
pub use pieces::needs_restoration;
use pieces::{
    Chunk, LineShape, WordKind, head, join_vowel_signs, keep_english_run, last_small_word,
    looks_half_noise, looks_like_noise, mostly_capitals, number_hash, offset_within, pieces,
    read_lone_letters, split_merged, word_hash,
};
use readings::{ReadingCache, Readings};
use review::{CloseCall, CloseCallSearch};
pub use review::{Doubt, REVIEW_MARGIN, ReviewOptions, Reviewed};
use write::LineFacts;

/// Cost (in nats) of reading a word as OCR damage rather than as lost marks, in a document
/// typed without marks.
const OCR_PRIOR: f32 = 2.0;
/// The same cost in a document read by OCR, where OCR damage is what happened to it.
const OCR_PRIOR_GARBLED: f32 = 0.0;
/// Symbols OCR writes alone for a word of one letter: in the training documents' OCR pairs, a
/// lone "&" is "ở" (83 times) or another word (5) more often than "&" (60), and a lone "¥" is
/// "ý", "ỹ" or "ừ" all 49 times. In OCR lines they are read as a short number is.
const OCR_LETTER_SYMBOLS: [char; 2] = ['&', '¥'];
/// Set in the memo key of the readings of a word in capitals read as a damaged syllable, so
/// that they are kept apart from its readings as an acronym.
const CAPITALS_READ: u64 = 1 << 63;
/// Cost (in nats) of reading a word typed without keys, in a line typed with keys, as anything
/// but itself: its writer typed keys for the words around it.
const KEYS_LEFT_OUT: f32 = 6.0;
/// Words decoded together at most; a longer line is decoded in windows of this many.
const MAX_LINE_WORDS: usize = 400;
/// Bytes of a line read at once at most: a line over twice as long (a file with no line
/// breaks) is read in pieces of about this many, cut at spaces, each after the one before, so
/// that the memory a line takes stays bounded whatever its length.
const MAX_LINE_BYTES: usize = 16 * 1024;
/// Bytes of a document, from its first damaged line on, on which its damage is judged OCR's or
/// typing's (a typed plan may have an OCR'd appendix far down).
const OCR_JUDGED_ON: usize = 8 * 1024;

/// One reading of a word: a syllable (by inventory index) or the word kept as written.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    /// Index into the inventory, or `None` to keep the word.
    syllable: Option<u32>,
    /// Language-model id of the reading.
    id: u32,
    /// Channel cost: −ln P(written word | reading), with [`OCR_PRIOR`] for an OCR reading.
    cost: f32,
    /// Whether the reading takes the word for OCR damage.
    ocr: bool,
}

/// Per-document memory of what words are and what they could be.
#[derive(Default)]
struct Memo {
    kinds: IdMap<u64, WordKind>,
    /// Readings of the document's words, as its kind (OCR or typed) reads them.
    readings: IdMap<u64, Arc<Readings>>,
    /// What the document's damage is; judged when the first damaged line comes.
    damage: Option<Damage>,
    /// Whether the document is typed with the input method off (judged with its damage): then
    /// a line with one word typed with keys is read as typed so.
    keyboard: bool,
    /// The line being restored (1-based), for the doubts' places.
    line: usize,
    /// Where that line starts in memory (its cells are parts of it), when doubts are collected.
    line_start: usize,
    /// That line's text, when doubts are collected.
    line_text: String,
    /// Which words in doubt to collect, if any.
    review: Option<ReviewOptions>,
    /// The words read with doubt, as collected.
    doubts: Vec<Doubt>,
}

/// What a document's damaged lines are, judged once per document ([`Restorer::judge_damage`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Damage {
    /// OCR output: every damaged line is read as OCR damage.
    Ocr,
    /// Text typed without marks: damaged lines are read for the marks they lost.
    Typed,
    /// Text typed with its marks: its odd lines are names, codes and labels ("Xã Ka Đô", "Sở
    /// KH&CN", "DA", "5a"), left as written; only a line typed without marks is read, as
    /// [`Damage::Typed`] text is.
    Clean,
}

/// Which restorer reads a document's damaged lines: the embedded one, made on first use (a batch
/// of clean documents never loads its model), or one of the caller's.
#[derive(Clone, Copy)]
pub enum RestorerRef<'a> {
    /// [`Restorer::embedded`].
    Embedded,
    /// A restorer of the caller's (another model, or one adapted to a batch).
    Own(&'a Restorer<'a>),
}

impl<'a> RestorerRef<'a> {
    /// The restorer a caller's own one or none (`None`: the embedded one).
    pub fn of(own: Option<&'a Restorer<'a>>) -> RestorerRef<'a> {
        own.map_or(RestorerRef::Embedded, RestorerRef::Own)
    }

    /// The restorer, the embedded one made now if it was not yet.
    pub fn get(self) -> &'a Restorer<'a> {
        match self {
            RestorerRef::Embedded => Restorer::embedded(),
            RestorerRef::Own(restorer) => restorer,
        }
    }
}

/// Restores Vietnamese text with a language model and a channel model.
pub struct Restorer<'m> {
    lm: &'m LanguageModel,
    channel: &'m Channel,
    inventory: Inventory,
    /// Symbol parts written with Đ, by their stripped form ("QD" → "QĐ").
    symbol_parts: HashMap<String, String>,
    /// Readings made for earlier documents.
    cache: Mutex<ReadingCache>,
    /// The words of two or more syllables that neighbouring readings may make together.
    lexicon: Lexicon,
    /// Acronyms read with the word list (see [`Lexicon::spell_acronym`]), and how.
    acronyms: Mutex<HashMap<String, Option<String>>>,
    /// The words the word list writes as one token, without marks ("tivi", "dola"): never
    /// read as two syllables whose space was lost.
    single_words: HashSet<String>,
}

impl<'m> Restorer<'m> {
    /// A restorer from a language model and a channel; the inventory is `corpus/syllables.txt` plus the model's syllables.
    pub fn new(lm: &'m LanguageModel, channel: &'m Channel) -> Restorer<'m> {
        let inventory = Inventory::new(include_str!("../../../corpus/syllables.txt"), lm);
        let symbol_parts = lm
            .symbol_parts()
            .iter()
            .map(|p| (strip_marks(p), p.clone()))
            .collect();
        Restorer {
            lm,
            channel,
            inventory,
            symbol_parts,
            cache: Mutex::default(),
            lexicon: Lexicon::new(lm),
            acronyms: Mutex::default(),
            single_words: include_str!("../../../corpus/single-words.txt")
                .lines()
                .map(strip_marks)
                .collect(),
        }
    }

    /// The restorer with the embedded model and channel.
    pub fn embedded() -> &'static Restorer<'static> {
        static RESTORER: OnceLock<Restorer<'static>> = OnceLock::new();
        RESTORER.get_or_init(|| Restorer::new(LanguageModel::embedded(), Channel::embedded()))
    }

    /// A new restorer for a model and a channel of the caller's (`None`: the embedded one), or
    /// `None` when both are the embedded ones: their restorer ([`Restorer::embedded`]) is made
    /// once per process, on first use ([`RestorerRef::Embedded`]).
    pub fn for_models(
        lm: Option<&'m LanguageModel>,
        channel: Option<&'m Channel>,
    ) -> Option<Restorer<'m>> {
        if lm.is_none() && channel.is_none() {
            return None;
        }
        Some(Restorer::new(
            lm.unwrap_or_else(|| LanguageModel::embedded()),
            channel.unwrap_or_else(|| Channel::embedded()),
        ))
    }

    /// Restores one line; a line that is already clean Vietnamese comes back unchanged.
    pub fn restore_line(&self, line: &str) -> String {
        self.restore_with_memo(line, line, Around::default(), &mut Memo::default())
            .into_owned()
    }

    /// Restores every damaged line of a text; returns the text (same lines) and how many lines changed.
    pub fn restore_text(&self, text: &str) -> (String, usize) {
        self.restore_within(text, text)
    }

    /// [`Restorer::restore_text`], and when `review` is set, the words it restored with doubt
    /// ([`Restorer::restore_reviewed`] with the default options; the same text, several times
    /// slower).
    pub fn restore_text_reviewing(
        &self,
        text: &str,
        review: bool,
    ) -> (String, usize, Option<Vec<Doubt>>) {
        if review {
            let (restored, changed, doubts) =
                self.restore_reviewed(text, text, ReviewOptions::default());
            (restored, changed, Some(doubts))
        } else {
            let (restored, changed) = self.restore_text(text);
            (restored, changed, None)
        }
    }

    /// [`Restorer::restore_text`] for a part of a document (a table cell): whether its damage
    /// is OCR's or typing's is judged on the whole `document`, as for the document's lines.
    pub fn restore_within(&self, text: &str, document: &str) -> (String, usize) {
        self.restore_lines(text, document, &mut Memo::default())
    }

    /// [`Restorer::restore_within`], with the restored words it was least sure of, for a person
    /// to check: those whose next best reading scored less than `options.margin` below (line
    /// numbers count the lines of `text`). Finding them takes another search per word of a
    /// damaged line, several times the time of restoring alone.
    pub fn restore_reviewed(
        &self,
        text: &str,
        document: &str,
        options: ReviewOptions,
    ) -> (String, usize, Vec<Doubt>) {
        let mut memo = Memo {
            review: Some(options),
            ..Memo::default()
        };
        let (out, changed) = self.restore_lines(text, document, &mut memo);
        (out, changed, memo.doubts)
    }

    /// Restores the lines of `text` (see [`Restorer::restore_within`]) with one memo.
    fn restore_lines(&self, text: &str, document: &str, memo: &mut Memo) -> (String, usize) {
        let mut out = String::with_capacity(text.len() + text.len() / 4);
        let mut changed = 0;
        // Where the line before this one starts in `out`.
        let mut before = 0;
        // The letter of the last list label ("c)") at a line's start.
        let mut last_label = None;
        let mut lines = text.split_inclusive('\n').peekable();
        while let Some(piece) = lines.next() {
            let body = piece.trim_end_matches(['\n', '\r']);
            memo.line += 1;
            if memo.review.is_some() {
                memo.line_start = body.as_ptr() as usize;
                body.clone_into(&mut memo.line_text);
            }
            let lines_around = Around {
                before: out[before..].trim_end_matches(['\n', '\r']),
                after: lines
                    .peek()
                    .map_or("", |next| next.trim_end_matches(['\n', '\r'])),
            };
            let mut restored = self.restore_with_memo(body, document, lines_around, memo);
            // Vietnamese lists run a), b), c), d), đ), e): a "d)" after a "d)" lost its mark.
            let label = list_label(&restored);
            if label == Some('d') && last_label == Some('d') {
                restored = Cow::Owned(restored.replacen("d)", "đ)", 1));
                last_label = Some('đ');
            } else if label.is_some() {
                last_label = label;
            }
            if let Cow::Owned(new) = &restored
                && new != body
            {
                changed += 1;
            }
            before = out.len();
            out.push_str(&restored);
            out.push_str(&piece[body.len()..]);
        }
        (out, changed)
    }

    /// The shape of a line's pieces, and per piece the word's hash when it is a word (acronyms
    /// included); word kinds are remembered in `kinds`.
    fn shape_of(
        &self,
        chunks: &[(usize, Chunk)],
        kinds: &mut IdMap<u64, WordKind>,
    ) -> (LineShape, Vec<Option<u64>>) {
        let mut shape = LineShape::default();
        let hashes = chunks
            .iter()
            .map(|(_, chunk)| match chunk {
                Chunk::Word(_, word, _) => {
                    let h = word_hash(word);
                    let kind = *kinds.entry(h).or_insert_with(|| self.word_kind(word, h));
                    shape.add_word(word, kind);
                    Some(h)
                }
                _ => None,
            })
            .collect();
        (shape, hashes)
    }

    /// What the damage of a document's text from its first damaged line on is (judged on the
    /// first [`OCR_JUDGED_ON`] bytes of it). Clean, when most words there are in clean lines.
    /// Else OCR output, when its damaged lines have marks left on some words (on syllables, or
    /// misread on words that are none) or many words that are no syllable's letters; text
    /// typed without marks has neither.
    /// Lines typed with the input method off are judged as the letters their keys make, and
    /// tell nothing of OCR (their marks were typed). The text is typed so ([`Memo::keyboard`])
    /// when two such lines or more are half of its lines that are not clean as written, at
    /// least; its damage is then typing's, or none when most of its words are in clean lines
    /// once their keys are read.
    fn judge_damage(&self, text: &str, kinds: &mut IdMap<u64, WordKind>) -> (Damage, bool) {
        let (mut damaged, mut typed_damaged) = (LineShape::default(), LineShape::default());
        let mut all_words = 0;
        let (mut typed_lines, mut odd_lines) = (0, 0);
        for line in head(text, OCR_JUDGED_ON).lines() {
            let typed = keys::typed_with_keys(line, false);
            let (shape, _) = self.shape_of(
                &pieces(typed.as_ref().map_or(line, |typed| typed.text.as_str())),
                kinds,
            );
            all_words += shape.words();
            if typed.is_some() || !shape.is_clean() {
                odd_lines += 1;
            }
            if typed.is_some() {
                typed_lines += 1;
                if !shape.is_clean() {
                    typed_damaged.merge(&shape);
                }
            } else if !shape.is_clean() && !shape.is_foreign() && !shape.is_english() {
                damaged.merge(&shape);
            }
        }
        let keyboard = typed_lines >= 2 && typed_lines * 2 >= odd_lines;
        if keyboard {
            damaged.merge(&typed_damaged);
        }
        let words = damaged.words();
        let damage = if words * 2 < all_words {
            Damage::Clean
        } else if keyboard {
            Damage::Typed
        } else if (damaged.marked + damaged.misread) * 20 >= words || damaged.broken * 10 >= words {
            Damage::Ocr
        } else {
            Damage::Typed
        };
        (damage, keyboard)
    }

    /// The damage of the document `line` is part of, judged from this line on when it was not
    /// yet (a table cell, read apart, is judged from the document's start).
    fn document_damage(&self, line: &str, document: &str, memo: &mut Memo) -> Damage {
        if let Some(known) = memo.damage {
            return known;
        }
        let from = offset_within(document, line).unwrap_or(0);
        let (damage, keyboard) = self.judge_damage(&document[from..], &mut memo.kinds);
        memo.damage = Some(damage);
        memo.keyboard = keyboard;
        damage
    }

    /// Table cells (parts between tabs) are restored each on its own, as the model learned them.
    /// `around` holds the lines before and after this one.
    fn restore_with_memo<'l>(
        &self,
        line: &'l str,
        document: &str,
        around: Around,
        memo: &mut Memo,
    ) -> Cow<'l, str> {
        if !line.contains('\t') {
            return self.restore_cell(line, document, around, memo);
        }
        let cells: Vec<Cow<str>> = line
            .split('\t')
            .map(|cell| self.restore_cell(cell, document, Around::default(), memo))
            .collect();
        if cells.iter().all(|c| matches!(c, Cow::Borrowed(_))) {
            return Cow::Borrowed(line);
        }
        Cow::Owned(cells.join("\t"))
    }

    /// Restores one line or table cell (borrowed back unchanged when clean, noise or empty).
    /// The words of the line before (whose sentence this line continues) are the history the
    /// line's first words are read after; the first word of the line after (which continues
    /// this line's sentence) is read with its last words, and then left to its own line.
    fn restore_cell<'l>(
        &self,
        line: &'l str,
        document: &str,
        around: Around,
        memo: &mut Memo,
    ) -> Cow<'l, str> {
        if line.len() > 2 * MAX_LINE_BYTES {
            return Cow::Owned(self.restore_long_cell(line, document, around, memo));
        }
        // Clean lines, the common case, are known by their shape; noise is left as it is.
        let mut chunks = pieces(line);
        let (mut shape, mut hashes) = self.shape_of(&chunks, &mut memo.kinds);
        if shape.is_english() {
            keep_english_run(line, &mut chunks, &memo.kinds);
            (shape, hashes) = self.shape_of(&chunks, &mut memo.kinds);
        }
        // A line typed with the input method off is read as the letters its keys make (which
        // have every mark the writer typed, so the line is then clean, or a line typed without
        // some marks; words in capitals are keys too). OCR output is not typed: its "j" and
        // "6" are misread marks.
        // (Typed words are no syllables, and typed in capitals they are acronyms to the line's
        // shape: a clean line with words is not typed. A line with one typed word is read so
        // in a document typed so: its damage, judged now if it was not yet, says whether it is.)
        if memo.damage != Some(Damage::Ocr)
            && (!shape.is_clean() || shape.words() == 0)
            && let Some(lenient) = keys::typed_with_keys(line, true)
            && self.document_damage(line, document, memo) != Damage::Ocr
            && let Some(typed) = if memo.keyboard {
                Some(lenient)
            } else {
                keys::typed_with_keys(line, false)
            }
        {
            return Cow::Owned(self.restore_typed_cell(line, &typed, document, around, memo));
        }
        if shape.is_clean() || looks_like_noise(line) {
            return Cow::Borrowed(line);
        }
        let mut facts = self.facts_after(around.before);
        let around = around.sharing_sentence_with(line);
        let damage = self.document_damage(line, document, memo);
        if shape.left_as_written(damage) {
            return Cow::Borrowed(line);
        }
        let ocr_document = damage == Damage::Ocr;
        if ocr_document {
            let before = chunks.len();
            let letters_read = read_lone_letters(&mut chunks);
            chunks = join_vowel_signs(line, chunks);
            if letters_read || chunks.len() < before {
                (_, hashes) = self.shape_of(&chunks, &mut memo.kinds);
            }
        }
        // Typed text may lose the space between two syllables ("naogiai"); OCR output is read
        // word by word (its odd words are damage).
        if !ocr_document {
            let before = chunks.len();
            // (Each word's kind is known from the line's shape: only words that are no
            // syllable's letters may be two.)
            let kinds = &memo.kinds;
            chunks = split_merged(line, chunks, |word| {
                let kind = *kinds.get(&word_hash(word))?;
                self.merged_cut(word, kind)
            });
            if chunks.len() > before {
                (_, hashes) = self.shape_of(&chunks, &mut memo.kinds);
            }
        }
        let words = LineWords {
            chunks: &chunks,
            hashes: &hashes,
            kept: None,
        };
        let (best, place_names) = self.read_line(line, words, around, damage, memo);
        facts.ocr_document = ocr_document;
        facts.place_names = place_names;
        Cow::Owned(self.write_line(line, &chunks, &best, facts, memo))
    }

    /// What the line before says of writing out this one: the syllable in small letters it
    /// ends on with nothing after it (a hard-wrapped sentence may go on in this line), and
    /// whether a bracket it opened is still open ("(theo ... / ...)").
    fn facts_after(&self, before: &str) -> LineFacts {
        LineFacts {
            ocr_document: false,
            small_word_before: last_small_word(before).map(|key| self.lm.id(&key)),
            open_before: before.matches('(').count() > before.matches(')').count(),
            place_names: false,
        }
    }

    /// In a file typed with keys, a line that reads clean once its keys are read may still hold
    /// words typed with none ("thuc", "cua"): those alone are read, in their line (at
    /// [`KEYS_LEFT_OUT`] for any reading but themselves), every other word kept as written.
    fn read_keyless_words(&self, text: &str, around: Around, memo: &mut Memo) -> Option<String> {
        let mut chunks = pieces(text);
        let (_, hashes) = self.shape_of(&chunks, &mut memo.kinds);
        let mut kept = Vec::with_capacity(chunks.len());
        for ((offset, chunk), hash) in chunks.iter_mut().zip(&hashes) {
            let kind = hash.and_then(|h| memo.kinds.get(&h)).copied();
            let keyless = matches!(chunk, Chunk::Word(_, w, _) if w.is_ascii())
                && matches!(kind, Some(WordKind::Unmarked | WordKind::Plain));
            kept.push(!keyless);
            // Acronyms and symbols stay as typed: their Đ was typed with its keys, if any.
            let whole = match *chunk {
                Chunk::Word(pre, w, post) if kind == Some(WordKind::Acronym) => {
                    pre.len() + w.len() + post.len()
                }
                Chunk::Symbol(symbol) => symbol.len(),
                _ => continue,
            };
            *chunk = Chunk::Fixed(&text[*offset..*offset + whole]);
        }
        if kept.iter().all(|&k| k) {
            return None;
        }
        let mut facts = self.facts_after(around.before);
        let around = around.sharing_sentence_with(text);
        let words = LineWords {
            chunks: &chunks,
            hashes: &hashes,
            kept: Some(&kept),
        };
        let best;
        (best, facts.place_names) = self.read_line(text, words, around, Damage::Typed, memo);
        Some(self.write_line(text, &chunks, &best, facts, memo))
    }

    /// Restores a line or cell typed with keys as the letters they make (in a file typed so,
    /// then its words typed without keys: [`Restorer::read_keyless_words`]); the words in
    /// doubt found in it are placed where the words they were typed as are, and written so.
    fn restore_typed_cell(
        &self,
        line: &str,
        typed: &keys::TypedLine,
        document: &str,
        around: Around,
        memo: &mut Memo,
    ) -> String {
        // The doubts of the converted text are found with it as their line, then moved.
        let first_doubt = memo.doubts.len();
        let line_start = memo.line_start;
        let line_text = memo
            .review
            .is_some()
            .then(|| std::mem::replace(&mut memo.line_text, typed.text.clone()));
        memo.line_start = typed.text.as_ptr() as usize;
        let restored = self.restore_cell(&typed.text, document, around, memo);
        let keyless = memo.keyboard && restored == typed.text;
        let restored = keyless
            .then(|| self.read_keyless_words(&typed.text, around, memo))
            .flatten()
            .unwrap_or_else(|| restored.into_owned());
        memo.line_start = line_start;
        let Some(line_text) = line_text else {
            return restored;
        };
        memo.line_text = line_text;
        let cell_at = (line.as_ptr() as usize).checked_sub(line_start);
        let found: Vec<Doubt> = memo.doubts.drain(first_doubt..).collect();
        for mut doubt in found {
            let byte = typed
                .text
                .char_indices()
                .nth(doubt.column - 1)
                .map_or(typed.text.len(), |(at, _)| at);
            let (word_at, word) = typed.typed_word_at(line, byte);
            let Some(column) = cell_at
                .and_then(|at| memo.line_text.get(..at + word_at))
                .map(|before| before.chars().count() + 1)
            else {
                continue;
            };
            doubt.column = column;
            word.clone_into(&mut doubt.written);
            memo.doubts.push(doubt);
        }
        restored
    }

    /// Restores a line longer than twice [`MAX_LINE_BYTES`] piece by piece: each piece is read
    /// after the one before as restored, and with the first words of the one after.
    fn restore_long_cell(
        &self,
        line: &str,
        document: &str,
        around: Around,
        memo: &mut Memo,
    ) -> String {
        let mut out = String::with_capacity(line.len() + line.len() / 4);
        let mut previous: Option<String> = None;
        let mut rest = line;
        while !rest.is_empty() {
            let (piece, after) = rest.split_at(piece_end(rest));
            let next = if after.is_empty() {
                around.after
            } else {
                &after[..piece_end(after)]
            };
            let before = previous.as_deref().unwrap_or(around.before);
            let restored = self
                .restore_cell(
                    piece,
                    document,
                    Around {
                        before,
                        after: next,
                    },
                    memo,
                )
                .into_owned();
            out.push_str(&restored);
            previous = Some(restored);
            rest = after;
        }
        out
    }

    /// The likeliest reading of each piece of a damaged line (its words' readings made and kept
    /// in the memo), decoded with the line's neighbours where they share its sentence; and
    /// whether the line holds place names, kept as written ([`PlaceNames::runs`]).
    fn read_line(
        &self,
        line: &str,
        words: LineWords,
        around: Around,
        damage: Damage,
        memo: &mut Memo,
    ) -> (Vec<Candidate>, bool) {
        let LineWords {
            chunks,
            hashes,
            kept: keyless,
        } = words;
        let ocr_document = damage == Damage::Ocr;
        // Decode the words; fixed chunks, acronyms and symbols are "other" words for the model.
        // Lines are read as OCR damage or as typing without marks as their document is. In OCR
        // output, a short number between words may be a damaged word ("6" for "ở"): it is read
        // with the syllables its digits could be, as any damaged word is.
        let caps_line = mostly_capitals(line);
        // Per piece, the key of its readings in the memo: the word's hash, but another key for
        // a word in capitals read as a damaged syllable ([`Restorer::may_be_damaged_capitals`]).
        let keys: Vec<Option<u64>> = chunks
            .iter()
            .zip(hashes)
            .map(|((_, chunk), hash)| {
                let h = (*hash)?;
                let damaged_capitals = ocr_document
                    && caps_line
                    && memo.kinds[&h] == WordKind::Acronym
                    && matches!(chunk, Chunk::Word(_, w, _) if self.may_be_damaged_capitals(w));
                Some(if damaged_capitals {
                    h ^ CAPITALS_READ
                } else {
                    h
                })
            })
            .collect();
        // The words of a place name the model reads as other words ("Dak Lak", "Krong Buk") are
        // kept as written, and written out as the list of places spells them.
        let names = PlaceNames::embedded().runs(line);
        let in_name: Vec<bool> = chunks
            .iter()
            .map(|(offset, chunk)| match chunk {
                Chunk::Word(pre, w, _) => {
                    let at = offset + pre.len();
                    names
                        .iter()
                        .any(|run| run.span.0 <= at && at + w.len() <= run.span.1)
                }
                _ => false,
            })
            .collect();
        let is_kept = |i: usize| {
            in_name[i]
                || keyless
                    .and_then(|kept| kept.get(i))
                    .copied()
                    .unwrap_or(false)
        };
        // A word kept as written is read as itself, the model's word in its line (a place
        // name's, an other word).
        let as_written: Vec<[Candidate; 1]> = if keyless.is_some() || !names.is_empty() {
            chunks
        } else {
            &[]
        }
        .iter()
        .zip(&in_name)
        .map(|((_, chunk), &name)| {
            let id = match chunk {
                Chunk::Word(_, w, _) if !name => self.lm.id(&w.to_lowercase()),
                _ => OTHER,
            };
            [Candidate {
                id,
                ..OTHER_WORD[0]
            }]
        })
        .collect();
        for (i, ((_, chunk), (hash, key))) in
            chunks.iter().zip(hashes.iter().zip(&keys)).enumerate()
        {
            match (chunk, hash, key) {
                (Chunk::Word(..), _, _) if is_kept(i) => {}
                (Chunk::Word(_, w, _), Some(h), Some(key)) if !memo.readings.contains_key(key) => {
                    let kind = match memo.kinds[h] {
                        WordKind::Acronym if key != h => WordKind::Invalid,
                        kind => kind,
                    };
                    let readings = self.readings_of(w, *key, kind, ocr_document);
                    memo.readings.insert(*key, readings);
                }
                (Chunk::Number(_, digits, _), _, _) if ocr_document => {
                    let h = number_hash(digits);
                    memo.readings
                        .entry(h)
                        .or_insert_with(|| self.number_readings(digits, h));
                }
                _ => {}
            }
        }
        let ocr_prior = if ocr_document {
            OCR_PRIOR_GARBLED
        } else {
            OCR_PRIOR
        };
        // A line of three or four words and nothing else, each in title case, is a person's
        // name ("Nguyễn Văn An", a signer): its first word's capital says so as much as the
        // others'.
        let name_line = line.trim().chars().all(|c| is_letter(c) || c == ' ')
            && (3..=4).contains(&chunks.len())
            && chunks.iter().all(|(_, c)| c.is_title_word());
        // A word's case, after another word of its line, says whether it is a name (the first
        // word and a line of capitals say nothing).
        let mut after_word = !around.before.is_empty();
        // A lone capital kept as written (a label, "khu A"; "Sở Y tế") is the model's syllable
        // where it is one, as the model's text counted it. (Few lines have one: no allocation.)
        let lone_letters: Vec<(usize, [Candidate; 1])> = chunks
            .iter()
            .enumerate()
            .filter_map(|(i, &(at, ref chunk))| {
                let Chunk::Fixed(piece) = chunk else {
                    return None;
                };
                let id = self.lone_letter_id(line, at, piece)?;
                Some((
                    i,
                    [Candidate {
                        id,
                        ..OTHER_WORD[0]
                    }],
                ))
            })
            .collect();
        let look_ahead = self.look_ahead(around.after, damage, memo);
        let mut lattice: Vec<&[Candidate]> = chunks
            .iter()
            .zip(&keys)
            .enumerate()
            .map(|(i, ((_, chunk), key))| {
                if is_kept(i) {
                    return &as_written[i][..];
                }
                let Some(h) = key else {
                    return match chunk {
                        Chunk::Number(_, digits, _) if ocr_document => {
                            &memo.readings[&number_hash(digits)].plain[..]
                        }
                        _ => lone_letters
                            .iter()
                            .find(|(j, _)| *j == i)
                            .map_or(&OTHER_WORD[..], |(_, letter)| &letter[..]),
                    };
                };
                let first = !std::mem::replace(&mut after_word, true);
                let readings = &memo.readings[h];
                match &readings.cased {
                    Some(cased) if (!first || name_line) && !caps_line => &cased[..],
                    _ => &readings.plain[..],
                }
            })
            .collect();
        // In a line typed with keys, a word typed with none is more likely right as it is than
        // missing its keys: any other reading costs [`KEYS_LEFT_OUT`] more.
        let keys_left_out: Vec<(usize, Vec<Candidate>)> = keyless
            .map(|_| {
                chunks
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| !is_kept(i))
                    .filter_map(|(i, (_, chunk))| {
                        let Chunk::Word(_, word, _) = chunk else {
                            return None;
                        };
                        let written = word.to_lowercase();
                        let priced = lattice[i]
                            .iter()
                            .map(|&c| match c.syllable {
                                Some(s) if self.inventory.syllables[s as usize].0 != written => {
                                    Candidate {
                                        cost: c.cost + KEYS_LEFT_OUT,
                                        ..c
                                    }
                                }
                                _ => c,
                            })
                            .collect();
                        Some((i, priced))
                    })
                    .collect()
            })
            .unwrap_or_default();
        for (i, readings) in &keys_left_out {
            lattice[*i] = readings;
        }
        keep_noise_fragments(line, chunks, &mut lattice);
        lattice.extend(look_ahead.iter().map(|word| word.readings(memo)));
        // The first word of a name mid-line is read as a surname where it can be one.
        let starts: Vec<usize> = name_starts(line, chunks).collect();
        let surnamed: Vec<(usize, Vec<Candidate>)> = name_line
            .then_some(0)
            .into_iter()
            .chain(starts.iter().copied())
            .filter_map(|i| {
                // (Mid-line names start after the line's first word.)
                let alone = match chunks[i].1 {
                    Chunk::Word(_, word, _) if i == 0 => Some(word),
                    _ => None,
                };
                Some((i, self.as_surname(lattice[i], alone)?))
            })
            .collect();
        // A person's title before a name that starts with a surname is read as one ("Ba
        // Nguyen Thi Lan": "Bà", not "Bá"; "Ba Vi Son Tay" has no surname).
        let titled: Vec<(usize, Vec<Candidate>)> = personal_titles(line, chunks)
            .filter(|&i| surnamed.iter().any(|&(s, _)| s == i + 1))
            .filter_map(|i| Some((i, self.as_personal_title(lattice[i])?)))
            .collect();
        // The word after a surname, in a name of three words or more, is read as a middle name
        // where it can be one.
        let middles: Vec<(usize, Vec<Candidate>)> = surnamed
            .iter()
            .filter_map(|&(i, _)| middle_of_name(line, chunks, i))
            .filter_map(|i| Some((i, self.as_middle_name(lattice[i], name_line && i == 1)?)))
            .collect();
        // "duong", "quan", "huyen", "tinh", "xa" before a name are the street or the unit of
        // that name.
        let streets: Vec<(usize, Vec<Candidate>)> = starts
            .iter()
            .map(|i| i - 1)
            .filter_map(|i| Some((i, place_word(line, chunks, i)?)))
            .filter_map(|(i, spelled)| Some((i, self.as_place_word(lattice[i], spelled)?)))
            .collect();
        for (i, readings) in surnamed
            .iter()
            .chain(&titled)
            .chain(&middles)
            .chain(&streets)
        {
            lattice[*i] = readings;
        }
        // The pieces the model reads: not punctuation alone ("Độc lập - Tự do"), which training
        // never counted as a word and which is kept as written, but a list bullet standing
        // first, an other word to training as to this search.
        let heard: Vec<usize> = (0..lattice.len())
            .filter(|&i| match chunks.get(i) {
                Some((_, chunk)) if chunk.is_punctuation() => i == 0 && chunk.is_list_bullet(),
                _ => true,
            })
            .collect();
        let lattice: Vec<&[Candidate]> = heard.iter().map(|&i| lattice[i]).collect();
        let words_here = heard.iter().filter(|&&i| i < chunks.len()).count();
        // Very long lines are decoded in windows, so memory and time stay linear.
        let mut start = self.lm.history_after(around.before);
        let mut best = Vec::with_capacity(lattice.len());
        let mut doubts = Vec::new();
        // The line's end is scored where a paragraph or a cell ends: no line after shares its
        // sentence, and, in OCR output (wrapped at a page's width), a sentence ends with it.
        let ends_line = look_ahead.is_empty() && (!ocr_document || ends_sentence(line));
        let windows = lattice.len().div_ceil(MAX_LINE_WORDS);
        for (k, window) in lattice.chunks(MAX_LINE_WORDS).enumerate() {
            let ends_line = ends_line && k + 1 == windows;
            let (path, score) = self.decode(window, start, ocr_prior, ends_line);
            // (Under first_per_line, a line with a doubt already needs no more.)
            let in_doubt =
                || !doubts.is_empty() || memo.doubts.last().is_some_and(|d| d.line == memo.line);
            if let Some(options) = memo.review
                && !(options.first_per_line && in_doubt())
            {
                // (Not the words of the line after, read with this line's last ones.)
                let here = words_here.saturating_sub(best.len());
                let search = CloseCallSearch {
                    start,
                    ocr_prior,
                    ends_line,
                    words: here,
                    options,
                };
                let close = self.close_calls(window, &path, score, search);
                let offset = best.len();
                doubts.extend(close.into_iter().map(|c| CloseCall {
                    at: heard[offset + c.at],
                    ..c
                }));
            }
            best.extend(path);
            start = [START; HISTORY];
        }
        // Each piece's reading, punctuation alone kept as written.
        let mut read = vec![OTHER_WORD[0]; chunks.len()];
        for (&i, reading) in heard.iter().zip(best) {
            if let Some(piece) = read.get_mut(i) {
                *piece = reading;
            }
        }
        let mut best = read;
        self.read_numbers(line, chunks, &mut best, ocr_document);
        // (Doubts about the line after's first words, read with this line, are that line's.)
        for close in doubts {
            if let Some(&chosen) = best.get(close.at)
                && let Some(doubt) = self.doubt(line, chunks, chosen, close, memo)
            {
                memo.doubts.push(doubt);
            }
        }
        (best, !names.is_empty())
    }

    /// The first [`LOOK_AHEAD`] words of the line after, to read this line's last words with: as
    /// written when that line is clean, else with their readings (made now, kept in the memo
    /// for when that line's turn comes).
    fn look_ahead(&self, after: &str, damage: Damage, memo: &mut Memo) -> Vec<Ahead> {
        if after.is_empty() || looks_like_noise(after) {
            return Vec::new();
        }
        // (The next line's words as its keys make them, when it is typed with keys.)
        let typed = (damage != Damage::Ocr)
            .then(|| keys::typed_with_keys(after, memo.keyboard))
            .flatten();
        let chunks = pieces(typed.as_ref().map_or(after, |typed| typed.text.as_str()));
        let (shape, hashes) = self.shape_of(&chunks, &mut memo.kinds);
        let mut ahead = Vec::new();
        for ((_, chunk), hash) in chunks.iter().zip(&hashes).take(LOOK_AHEAD) {
            let (Chunk::Word(_, word, _), Some(h)) = (chunk, hash) else {
                break;
            };
            if shape.left_as_written(damage) {
                ahead.push(Ahead::Written(Candidate {
                    syllable: None,
                    id: self.lm.history_after(word)[HISTORY - 1],
                    cost: 0.0,
                    ocr: false,
                }));
                continue;
            }
            if !memo.readings.contains_key(h) {
                let readings = self.readings_of(word, *h, memo.kinds[h], damage == Damage::Ocr);
                memo.readings.insert(*h, readings);
            }
            ahead.push(Ahead::Read(*h));
        }
        ahead
    }

    /// The model's id of a piece kept as written, at byte `at` of `line`, that is a lone capital
    /// (with a comma, colon or semicolon after it at most) followed by a space or the line's end,
    /// when that letter is a syllable ("Sở Y tế", "khu A"); `None` for any other piece, list
    /// marks ("a)", "B.") and a capital glued to what follows ("E-mail") among them.
    fn lone_letter_id(&self, line: &str, at: usize, piece: &str) -> Option<u32> {
        let spaced = line
            .get(at + piece.len()..)
            .is_none_or(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace));
        let letter = piece.trim_end_matches([',', ';', ':']);
        let mut chars = letter.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if spaced && c.is_uppercase() => {
                crate::text::words::syllable_key(letter).map(|key| self.lm.id(&key))
            }
            _ => None,
        }
    }
}

/// A line's pieces as read: each piece, its word's hash (for a word), and, in a line typed with
/// keys whose words typed without any are read alone, which pieces are kept as written.
#[derive(Clone, Copy)]
struct LineWords<'c, 'l> {
    chunks: &'c [(usize, Chunk<'l>)],
    hashes: &'c [Option<u64>],
    kept: Option<&'c [bool]>,
}

/// The reading of a piece the model sees as one "other" word, kept as written.
const OTHER_WORD: [Candidate; 1] = [Candidate {
    syllable: None,
    id: OTHER,
    cost: 0.0,
    ocr: false,
}];

/// In a line half made of noise ([`looks_half_noise`]), a word of three letters or fewer with no
/// clean word beside it (one without odd characters, not in mixed case, that a syllable reads)
/// is a fragment of the noise ("~?tI", "{ s"): it is kept as written, not read as a syllable.
fn keep_noise_fragments(line: &str, chunks: &[(usize, Chunk)], lattice: &mut [&[Candidate]]) {
    let clean_word = |j: usize, lattice: &[&[Candidate]]| {
        matches!(chunks[j].1, Chunk::Word(_, w, _) if !mixed_case(w))
            && !chunks[j].1.has_odd()
            && lattice[j].iter().any(|c| c.syllable.is_some())
    };
    let fragments: Vec<usize> = (0..chunks.len())
        .filter(|&i| {
            matches!(chunks[i].1, Chunk::Word(_, word, _) if word.chars().count() <= 3)
                && !(i > 0 && clean_word(i - 1, lattice))
                && !(i + 1 < chunks.len() && clean_word(i + 1, lattice))
        })
        .collect();
    // (The line is measured only when it has such a word.)
    if fragments.is_empty() || !looks_half_noise(line) {
        return;
    }
    for i in fragments {
        lattice[i] = match lattice[i].iter().find(|c| c.syllable.is_none()) {
            Some(kept) => std::slice::from_ref(kept),
            None => &OTHER_WORD[..],
        };
    }
}

/// True for a word with a capital after its first letter and a small letter anywhere, or with
/// no capital first ("rhPN", "kDY", "PaGSJ"): not how a word is written (though OCR writes
/// real words so too, "cOng").
fn mixed_case(word: &str) -> bool {
    let mut letters = word.chars();
    let first_capital = letters.next().is_some_and(char::is_uppercase);
    let (capital, small) = letters.fold((false, false), |(capital, small), c| {
        (capital || c.is_uppercase(), small || c.is_lowercase())
    });
    capital && (small || !first_capital)
}

/// Where the first piece of a long line ends: after the last space within [`MAX_LINE_BYTES`]
/// (at that many bytes when there is none), or at the end of a text up to twice as long.
fn piece_end(text: &str) -> usize {
    if text.len() <= 2 * MAX_LINE_BYTES {
        return text.len();
    }
    let mut end = MAX_LINE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].rfind(' ').map_or(end, |space| space + 1)
}

/// The lines next to a line: the line before as restored, the line after as written.
#[derive(Clone, Copy, Default)]
struct Around<'a> {
    /// The line before.
    before: &'a str,
    /// The line after.
    after: &'a str,
}

impl<'a> Around<'a> {
    /// Of the lines next to `line`, those that share its sentence (the others made empty).
    fn sharing_sentence_with(self, line: &str) -> Around<'a> {
        Around {
            before: if continues(self.before, line) {
                self.before
            } else {
                ""
            },
            after: if continues(line, self.after) {
                self.after
            } else {
                ""
            },
        }
    }
}

/// How many words of the line after are read with a line's last words.
const LOOK_AHEAD: usize = 1;

/// A word of the line after, read with a line's last words.
enum Ahead {
    /// A word of a clean line: as written.
    Written(Candidate),
    /// A word of a damaged line: its readings in the memo, by the word's hash.
    Read(u64),
}

impl Ahead {
    /// The word's candidates.
    fn readings<'m>(&'m self, memo: &'m Memo) -> &'m [Candidate] {
        match self {
            Ahead::Written(c) => std::slice::from_ref(c),
            Ahead::Read(h) => {
                let readings = &memo.readings[h];
                readings.cased.as_deref().unwrap_or(&readings.plain)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::write::without_mark_symbols;
    use super::*;

    #[test]
    fn a_lone_capital_that_is_a_syllable_is_the_models_word_in_its_line() {
        // "Y" of "Sở Y tế" is kept as written, but the model reads it as the syllable it
        // counted, not as an "other" word: "tế" after it, not "tệ".
        let restorer = Restorer::embedded();
        assert_eq!(restorer.restore_line("8. So Y te"), "8. Sở Y tế");
        assert_eq!(
            restorer.restore_line("Giao So Y te chu tri"),
            "Giao Sở Y tế chủ trì"
        );
        // A label stays one, and list marks are not read as syllables.
        assert_eq!(
            restorer.restore_line("khu A, khu B va khu C cua cong ty"),
            "khu A, khu B và khu C của công ty"
        );
        assert_eq!(restorer.lone_letter_id("a) x", 0, "a)"), None);
        assert_eq!(restorer.lone_letter_id("B", 0, "B"), None);
        assert!(restorer.lone_letter_id("Y, x", 0, "Y,").is_some());
        assert_eq!(restorer.lone_letter_id("E-mail", 0, "E"), None);
    }

    #[test]
    fn punctuation_standing_alone_is_read_as_training_counted_it() {
        // "tỉnh" comes only after "cấp" and a list's bullet; "tinh" after many words, so it is
        // the likelier word after any other. (Both end every line they are in.)
        let lm = LanguageModel::from_texts(
            [
                "cấp tỉnh\ncấp tỉnh\ncấp tỉnh\n- tỉnh\n- tỉnh",
                "thần tinh\ngọn tinh\nrất tinh\nthật tinh\nđã tinh\nvà tinh",
            ],
            1,
        );
        let restorer = Restorer::new(&lm, Channel::embedded());
        assert_eq!(restorer.restore_line("cap tinh"), "cấp tỉnh");
        // The dash between them is read through, as training counted "cấp - tỉnh".
        assert_eq!(restorer.restore_line("cap - tinh"), "cấp - tỉnh");
        assert_eq!(restorer.restore_line("cap / tinh"), "cấp / tỉnh");
        // A list's bullet standing first is an other word to both: "tinh" starts lines, "tỉnh"
        // list items.
        let lm = LanguageModel::from_texts(
            ["- tỉnh\n- tỉnh\n- tỉnh", "tinh thần\ntinh gọn\ntinh thần"],
            1,
        );
        let restorer = Restorer::new(&lm, Channel::embedded());
        assert_eq!(restorer.restore_line("- tinh"), "- tỉnh");
        assert_eq!(restorer.restore_line("tinh"), "tinh");
    }

    #[test]
    fn a_line_longer_than_a_piece_is_read_whole_in_pieces_cut_at_spaces() {
        let restorer = Restorer::embedded();
        let sentence = "Uy ban nhan dan xa ban hanh ke hoach thuc hien chuong trinh nam 2026.";
        let restored = restorer.restore_line(sentence);
        assert_eq!(
            restored,
            "Ủy ban nhân dân xã ban hành kế hoạch thực hiện chương trình năm 2026."
        );
        // Some 290 kB on one line: nine pieces, each read after the one before.
        let times = 4000;
        let line = vec![sentence; times].join(" ");
        assert!(line.len() > 8 * MAX_LINE_BYTES);
        let read = restorer.restore_line(&line);
        let (got, want): (Vec<&str>, Vec<&str>) = (
            read.split(' ').collect(),
            restored.split(' ').cycle().take(times * 15).collect(),
        );
        assert_eq!(got.len(), want.len(), "words lost or added at the cuts");
        let wrong = got.iter().zip(&want).filter(|(g, w)| g != w).count();
        assert!(wrong * 1000 < got.len(), "{wrong} words read otherwise");
        // A piece ends after a space, within MAX_LINE_BYTES, on a character's boundary.
        let text = "đ".repeat(MAX_LINE_BYTES * 2);
        let end = piece_end(&text);
        assert!(end <= MAX_LINE_BYTES && text.is_char_boundary(end));
        assert_eq!(
            piece_end(&line),
            line[..MAX_LINE_BYTES].rfind(' ').unwrap() + 1
        );
        assert_eq!(piece_end("ngắn"), "ngắn".len());
    }

    #[test]
    fn a_line_in_another_language_is_left_as_written_in_typed_text() {
        let restorer = Restorer::new(LanguageModel::embedded(), Channel::embedded());
        let english = "This plan is posted online at the provincial website for public comments.";
        let text = format!("Ke hoach to chuc thuc hien chuong trinh OCOP\n{english}\n");
        let (restored, changed) = restorer.restore_text(&text);
        assert_eq!(changed, 1, "{restored}");
        assert_eq!(
            restored,
            format!("Kế hoạch tổ chức thực hiện chương trình OCOP\n{english}\n")
        );
        // Foreign names in a Vietnamese line leave the line to be read.
        let names = "nen bang gach Ceramic, Granite, Porcelain, Terrazzo";
        let (restored, _) = restorer.restore_text(names);
        assert_eq!(
            restored,
            "nền bằng gạch Ceramic, Granite, Porcelain, Terrazzo"
        );
    }

    #[test]
    fn the_first_word_of_a_name_mid_line_is_read_as_a_surname() {
        let restorer = Restorer::new(LanguageModel::embedded(), Channel::embedded());
        let starts = |line: &str| name_starts(line, &pieces(line)).collect::<Vec<_>>();
        // After a title, after small letters; not at a line's start, not across a comma.
        assert_eq!(starts("Truong doan KS Nguyen Quang Dung"), [3]);
        assert_eq!(starts("Dang Cong San lanh dao"), Vec::<usize>::new());
        assert_eq!(starts("Dang Cong san Viet Nam"), [3]);
        assert_eq!(starts("chu truong cua Dang, Nha nuoc"), Vec::<usize>::new());
        let typed = "Ke hoach to chuc thuc hien chuong trinh moi xa mot san pham nam 2026\n\
                     Giao ong Nguyen Van Hung phu trach chung\n\
                     Xay dung duong Le Loi va duong Tran Phu trong nam 2026";
        let (restored, _) = restorer.restore_text(typed);
        let lines: Vec<&str> = restored.lines().collect();
        assert!(lines[1].starts_with("Giao ông Nguyễn "), "{restored}");
        assert!(
            lines[2].contains("đường Lê Lợi") && lines[2].contains("đường Trần Phú"),
            "{restored}"
        );
    }

    #[test]
    fn a_persons_title_before_a_name_is_read_as_one_and_the_name_starts_with_a_surname() {
        let restorer = Restorer::new(LanguageModel::embedded(), Channel::embedded());
        let titles = |line: &str| personal_titles(line, &pieces(line)).collect::<Vec<_>>();
        let starts = |line: &str| name_starts(line, &pieces(line)).collect::<Vec<_>>();
        let list = "Ong Le Quang Hung, Ba Tran Thi Mai";
        assert_eq!(titles(list), [0, 4]);
        assert_eq!(starts(list), [1, 5]);
        // Inside a name, after a place's type, before a comma: no title.
        for line in [
            "Tran Ba Nguyen Hung",
            "quan Ba Dinh Ha Noi",
            "Ba, Nguyen Van An",
        ] {
            assert!(titles(line).is_empty(), "{line}");
        }
        let typed = "Ke hoach to chuc thuc hien chuong trinh moi xa mot san pham nam 2026\n\
                     Ba Pham Thanh Ha, pho truong phong phu trach\n\
                     Ong Nguyen Hai Nam, Giam doc Ban quan ly du an\n\
                     Lam viec tai Ha Noi, Ba Vi Son Tay";
        let (restored, _) = restorer.restore_text(typed);
        let lines: Vec<&str> = restored.lines().collect();
        assert!(lines[1].starts_with("Bà Phạm Thanh Hà, "), "{restored}");
        assert!(lines[2].starts_with("Ông Nguyễn Hải Nam, "), "{restored}");
        // "Vì" is no surname: "Ba Vì" is a place.
        assert!(lines[3].ends_with("Ba Vì Sơn Tây"), "{restored}");
    }

    #[test]
    fn a_name_alone_on_its_line_starts_with_a_surname_and_a_middle_name_where_it_can() {
        let restorer = Restorer::new(LanguageModel::embedded(), Channel::embedded());
        let typed = "Ke hoach to chuc thuc hien chuong trinh moi xa mot san pham nam 2026\n\
                     CHU TICH\n\
                     Do Thi Mai Anh\n\
                     Vu Van Nam\n\
                     Giao ong Le Van Luong va ba Nguyen Thi Hien phu trach";
        let (restored, _) = restorer.restore_text(typed);
        let lines: Vec<&str> = restored.lines().collect();
        // "đô thị" is a common pair, but a line of a name alone starts with a surname.
        assert_eq!(lines[2], "Đỗ Thị Mai Anh", "{restored}");
        // The word after the surname is a middle name where it can be one, though "Vân Nam"
        // and "Vạn Lương" are names the model knows; a title in small letters is one too.
        assert_eq!(lines[3], "Vũ Văn Nam", "{restored}");
        assert!(
            lines[4].starts_with("Giao ông Lê Văn Lương và bà Nguyễn Thị Hi"),
            "{restored}"
        );
        // "duong" before a name is a street, "đường" (a law's "cấp dưỡng", alimony, is the
        // likelier pair after "cấp"), but "bồi dưỡng" stays.
        let typed = "Ke hoach to chuc thuc hien chuong trinh moi xa mot san pham nam 2026\n\
                     Nang cap duong Ly Chieu Hoang, nang cap duong Giai Phong va boi duong Dang \
                     vien moi\n\
                     Ban Quan ly du an dau tu xay dung quan Thu Duc va Hoc vien Luc quan Da Lat";
        let (restored, _) = restorer.restore_text(typed);
        assert!(
            restored.contains("Nâng cấp đường Lý Chi")
                && restored.contains(", nâng cấp đường Giải Phóng")
                && restored.contains("xây dựng quận Thủ Đức")
                && restored.contains("Lục quân Đà Lạt")
                && restored.contains("và bồi dưỡng Đảng viên mới"),
            "{restored}"
        );
        // Only a surname that is the word as written is preferred so strongly: an OCR reading
        // "Hồ" of "Tho" (its "T" read as noise) is not.
        let reading = |syllable: &str, cost: f32| Candidate {
            syllable: Some(restorer.inventory.index_of(syllable).expect("a syllable")),
            id: restorer.lm.id(syllable),
            cost,
            ocr: true,
        };
        let costs = |written: &str, readings: &[Candidate]| -> Vec<f32> {
            let preferred = restorer
                .as_surname(readings, Some(written))
                .expect("a surname");
            preferred.iter().map(|c| c.cost).collect()
        };
        assert_eq!(
            costs("Do", &[reading("đô", 0.0), reading("đỗ", 0.5)]),
            [8.0, 0.5]
        );
        assert_eq!(
            costs("Tho", &[reading("thổ", 0.0), reading("hồ", 3.0)]),
            [4.0, 3.0]
        );
    }

    #[test]
    fn two_syllables_typed_without_their_space_are_read_and_kept_together() {
        let restorer = Restorer::new(LanguageModel::embedded(), Channel::embedded());
        let cut = |word: &str| restorer.merged_cut(word, restorer.word_kind(word, word_hash(word)));
        assert_eq!(cut("duocquyet"), Some(4));
        // Cut in two places: where the likelier two syllables are ("thực hiện", not "thu chiến").
        assert_eq!(cut("thuchien"), Some(4));
        // A syllable's letters, a typo's doubled letter, a loanword written as one, a name, and
        // two syllables the model never saw together ("logo" is no "lộ gỡ").
        for whole in ["nghien", "daau", "tivi", "vali", "China", "ab", "logo"] {
            assert_eq!(cut(whole), None, "{whole}");
        }
        let typed = "Ke hoach to chuc thuc hien chuong trinh moi xa mot san pham nam 2026\n\
                     Cac phong ban phoi hop thuchien cac noi dung cua ke hoach\n\
                     Uy ban nhan dan xa bao cao ket qua thuc hien truoc ngay 15 hang thang";
        let (restored, _) = restorer.restore_text(typed);
        assert_eq!(
            restored.lines().nth(1),
            Some("Các phòng ban phối hợp thựchiện các nội dung của kế hoạch")
        );
        // OCR output is read word by word.
        let ocr = "Cac phong ban phdi hop thuchién cac ndi dung cua ké hoach";
        let (restored, _) = restorer.restore_text(ocr);
        assert!(restored.contains("thuchi"), "{restored}");
    }

    #[test]
    fn odd_lines_of_a_clean_document_are_left_but_a_line_typed_without_marks_is_read() {
        let restorer = Restorer::new(LanguageModel::embedded(), Channel::embedded());
        let clean = [
            "Ủy ban nhân dân xã tổ chức thực hiện kế hoạch năm 2026 trên địa bàn toàn xã.",
            "Các thôn, tổ dân phố phối hợp với các ban, ngành đoàn thể triển khai thực hiện.",
            "Phòng Kinh tế hướng dẫn các hợp tác xã xây dựng phương án sản xuất kinh doanh.",
            "Các chủ thể hoàn thiện hồ sơ đăng ký đánh giá, phân hạng sản phẩm theo quy định.",
            "Văn phòng tổng hợp, báo cáo kết quả về Ủy ban nhân dân xã trước ngày 25.",
        ];
        // A place name that is no syllable as written, acronyms, a label, a typist's initials,
        // and words that need no mark.
        let odd = [
            "Xã Ka Đơn",
            "Sở KH&CN",
            "DA",
            "10a",
            "Lưu: VT, KTHT. Thg.",
            "Ban thanh tra",
        ];
        let slip = "Cac thon to chuc hop dan de trien khai ke hoach";
        let mut text = String::new();
        for (c, o) in clean.iter().cycle().zip(odd) {
            text.push_str(&format!("{c}\n{o}\n"));
        }
        text.push_str(&format!("{slip}\n"));
        let (restored, changed) = restorer.restore_text(&text);
        assert_eq!(changed, 1, "{restored}");
        assert!(restored.contains("Các thôn tổ chức"), "{restored}");
        assert!(odd.iter().all(|o| restored.lines().any(|l| l == *o)));
    }

    #[test]
    fn documents_share_readings_but_not_across_kinds() {
        let fresh = || Restorer::new(LanguageModel::embedded(), Channel::embedded());
        // The same words in a document typed without marks and in an OCR document, where
        // "nt" is an abbreviation in the first and could be a damaged word in the second.
        let typed = "Kinh phi thuc hien ke hoach nam nay do ngan sach cap theo quy dinh hien hanh\n\
                     Uy ban nhan dan cac xa, phuong to chuc thuc hien va bao cao ket qua dung han\n\
                     Chi phi van chuyen nt, chi phi boc xep nt\n";
        let ocr = "Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa\n\
                   Chi phi van chuyen nt, chi phi boc xep nt\n";
        let alone = (fresh().restore_text(typed).0, fresh().restore_text(ocr).0);
        let shared = fresh();
        let ocr_first = shared.restore_text(ocr).0;
        let typed_after = shared.restore_text(typed).0;
        assert_eq!((typed_after, ocr_first), alone);
        assert!(shared.cache.lock().is_ok_and(|c| c.held > 0));
    }

    #[test]
    fn a_part_of_a_document_is_read_as_its_document_is() {
        let restorer = Restorer::new(LanguageModel::embedded(), Channel::embedded());
        let cell = "Can bo 6 cac xa phuong deu tham gia day du";
        // Typed without marks, "6" is a number; in an OCR document it may be "ở".
        let ocr =
            format!("Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa\n{cell}\n");
        let (alone, _) = restorer.restore_text(cell);
        let (within, _) = restorer.restore_within(cell, &ocr);
        assert_eq!(alone, "Cán bộ 6 các xã phường đều tham gia đầy đủ");
        assert_eq!(within, "Cán bộ ở các xã phường đều tham gia đầy đủ");
        assert_eq!(
            restorer.restore_text(&ocr).0.lines().nth(1),
            Some(within.as_str())
        );
    }

    /// `lines` restored by the embedded model after a first line of OCR output (which makes the
    /// document read as OCR's), without that line.
    fn restored_as_ocr(lines: &str) -> Vec<String> {
        let restorer = Restorer::new(LanguageModel::embedded(), Channel::embedded());
        let text =
            format!("Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa\n{lines}");
        let (restored, _) = restorer.restore_text(&text);
        restored.lines().skip(1).map(str::to_string).collect()
    }

    #[test]
    fn acronyms_joined_by_an_ampersand_stay_acronyms_in_ocr_output() {
        // "KH&CN" was read "Khẩn", and the word after it "trương" for "trong".
        let restored = restored_as_ocr(
            "Thanh tuu KH&CN trong 5 ndm gan nhat\nSé KH&DT va Sé NN&PTNT hudng dan",
        );
        assert_eq!(restored[0], "Thành tựu KH&CN trong 5 năm gần nhất");
        assert!(
            restored[1].contains("KH&ĐT") && restored[1].contains("NN&PTNT"),
            "{restored:?}"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Any text of OCR-like pieces (capitals alone, letters before brackets, words in
        /// capitals, symbols, digits), read as OCR output or as typing, comes back with as many
        /// lines and without a panic.
        #[test]
        fn damaged_text_of_any_shape_keeps_its_lines(
            body in r"([A-Za-zĐđ]{1,3}[)\]}]?|[A-Z]{2,6}|[a-zàáạảãâầấêềếôồốơờớưừứđ]{1,6}|[0-9]{1,4}[:.,)]?|[|!?¢&¥(\[]| ){0,40}(\n([A-Za-zĐđ]{1,3}[)\]}]?|[A-Z]{2,6}|[a-zàáạảãâầấêềếôồốơờớưừứđ]{1,6}|[0-9]{1,4}[:.,)]?|[|!?¢&¥(\[]| ){0,40}){0,5}",
            ocr in proptest::prelude::any::<bool>(),
        ) {
            let first = if ocr {
                "Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa"
            } else {
                "Ke hoach to chuc thuc hien Chuong trinh OCOP cua hop tac xa"
            };
            let text = format!("{first}\n{body}");
            let (restored, _) = Restorer::embedded().restore_text(&text);
            proptest::prop_assert_eq!(restored.lines().count(), text.lines().count());
        }
    }

    #[test]
    fn a_lone_symbol_ocr_wrote_for_a_word_of_one_letter_is_read_as_one() {
        let lines = restored_as_ocr(
            "thi trudng lao dong & Viet Nam\n\
             vé tam quan trong, ¥ nghia cua Chuong trinh\n\
             gui S& NN & PTNT\n",
        );
        assert_eq!(lines[0], "thị trường lao động ở Việt Nam");
        assert_eq!(lines[1], "về tầm quan trọng, ý nghĩa của Chương trình");
        // Between acronyms the model reads "&" as written.
        assert!(lines[2].ends_with("NN & PTNT"), "{}", lines[2]);
    }

    #[test]
    fn a_lone_capital_in_ocr_output_is_a_word_that_lost_its_vowel_or_a_label() {
        let lines = restored_as_ocr(
            "theo Quyét dinh cua B Cong Thuong\n\
             xay dung thuy loi khu B xa Binh Loi\n",
        );
        assert_eq!(lines[0], "theo Quyết định của Bộ Công Thương");
        assert_eq!(lines[1], "xây dựng thủy lợi khu B xã Bình Lợi");
        // Typed text without marks has no lost vowels: a lone capital there is a label.
        let restorer = Restorer::new(LanguageModel::embedded(), Channel::embedded());
        let typed = "Ke hoach to chuc thuc hien Chuong trinh OCOP cua hop tac xa\n\
                     theo Quyet dinh cua B Cong Thuong\n";
        let (restored, _) = restorer.restore_text(typed);
        assert_eq!(
            restored.lines().nth(1),
            Some("theo Quyết định của B Công Thương")
        );
    }

    #[test]
    fn a_letter_before_a_bracket_mid_line_is_a_word_whose_vowel_ocr_read_as_the_bracket() {
        let lines = restored_as_ocr(
            "cac t] chirc kinh té va dau t) nudc ngoai\n\
             b) Xay dung ké hoach cua xa\n",
        );
        assert_eq!(lines[0], "các tổ chức kinh tế và đầu tư nước ngoài");
        // At a line's start, it is a list's label.
        assert!(lines[1].starts_with("b) Xây dựng"), "{}", lines[1]);
    }

    #[test]
    fn a_word_in_capitals_is_read_as_damage_only_in_a_line_of_capitals() {
        let lines = restored_as_ocr(
            "UBND HUYIN CIN GIO\n\
             GIA NHAP WTO VA ODA\n\
             \n\
             nguén hé tro phat trién chinh thirc (ODA) cua huyén\n",
        );
        assert_eq!(lines[0], "UBND HUYỆN CẦN GIỜ");
        // Acronyms stay acronyms where no reading makes a much likelier line.
        assert_eq!(lines[1], "GIA NHẬP WTO VÀ ODA");
        assert!(lines[3].contains("(ODA)"), "{}", lines[3]);
    }

    #[test]
    fn what_a_short_number_stood_for_in_the_pairs_prices_its_readings() {
        let table = include_str!("../../../corpus/channel.tsv");
        let letters: String = table
            .lines()
            .filter(|l| !l.starts_with("number\t"))
            .flat_map(|l| [l, "\n"])
            .collect();
        let with_numbers = format!("{letters}number\t14\tlà\t95\nnumber\t14\t14\t5\n");
        let read = |tsv: &str| {
            let channel = Channel::from_tsv(tsv).unwrap();
            let restorer = Restorer::new(LanguageModel::embedded(), &channel);
            let ocr = "Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa\n\
                       san pham chu luc 14 rau an toan\n";
            restorer
                .restore_text(ocr)
                .0
                .lines()
                .nth(1)
                .unwrap()
                .to_string()
        };
        assert_eq!(read(&letters), "sản phẩm chủ lực 14 rau an toàn");
        assert_eq!(read(&with_numbers), "sản phẩm chủ lực là rau an toàn");
    }

    #[test]
    fn ocr_lines_after_many_clean_ones_are_read_as_ocr() {
        let restorer = Restorer::new(LanguageModel::embedded(), Channel::embedded());
        let clean = "Cộng hòa xã hội chủ nghĩa Việt Nam, Độc lập - Tự do - Hạnh phúc\n".repeat(200);
        assert!(clean.len() > 2 * OCR_JUDGED_ON);
        let ocr = "Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa\n\
                   Can bo 6 cac xa phuong deu tham gia day du\n";
        let (restored, changed) = restorer.restore_text(&format!("{clean}{ocr}"));
        assert_eq!(changed, 2);
        assert_eq!(
            restored.lines().last(),
            Some("Cán bộ ở các xã phường đều tham gia đầy đủ")
        );
    }

    #[test]
    fn marks_misread_on_words_that_are_no_syllable_say_ocr() {
        let restorer = Restorer::new(LanguageModel::embedded(), Channel::embedded());
        // No word is a syllable with marks, and none is broken beyond its letters: only the
        // marks on "trién", "nhiém", "lién" and "hién", which no typist without marks writes.
        let form = "Trién khai nhiém vu trong tam nam 2026\n\
                    Cac phong ban lién quan phoi hop thuc hién\n\
                    Tong hop ket qua bao cao UBND phuong\n";
        let typed = strip_marks(form);
        assert_eq!(
            restorer.judge_damage(form, &mut IdMap::default()).0,
            Damage::Ocr
        );
        assert_eq!(
            restorer.judge_damage(&typed, &mut IdMap::default()).0,
            Damage::Typed
        );
    }

    #[test]
    fn symbols_ocr_wrote_for_a_mark_are_dropped_but_brackets_and_questions_stay() {
        let drop = |line: &'static str, word: &str| {
            let at = line.find(word).unwrap() + word.len();
            let end = line[at..].find(' ').map_or(line.len(), |e| at + e);
            without_mark_symbols(line, &line[at..end], at, false).to_string()
        };
        assert_eq!(drop("công chức sử? dụng đất", "sử"), "");
        assert_eq!(drop("trong nghiệp) bao gồm", "nghiệp"), "");
        assert_eq!(drop("tuyên truyền}, về", "truyền"), "},");
        assert_eq!(drop("thông tin (theo kế hoạch) về", "hoạch"), ")");
        assert_eq!(drop("hay không? (cho dù", "không"), "?");
        assert_eq!(drop("cải cách? Nói một", "cách"), "?");
        assert_eq!(drop("lợi!!!Khổ", "lợi"), "!!!Khổ");
        assert_eq!(drop("gọi là ‘nông thôn mới’ và", "mới"), "’");
        assert_eq!(drop("mục [ghi chú] của", "chú"), "]");
        let at = "kế hoạch".len();
        assert_eq!(without_mark_symbols("kế hoạch) về", ")", at, true), ")");
    }

    #[test]
    fn signs_ocr_glued_before_a_word_go_in_ocr_output_only() {
        let restorer = Restorer::embedded();
        let scanned = "T6 chirc thwe hién Chwong trinh Mdi xa mét sain pham ctia hgp tac xa\n";
        let page = format!(
            "{}cac chu thé ¢6 san pham va ‘cong tac tuyén truyén\n",
            scanned.repeat(3)
        );
        let (out, _) = restorer.restore_text(&page);
        let last = out.lines().last().unwrap();
        assert_eq!(last, "các chủ thể có sản phẩm và công tác tuyên truyền");
        // In text typed without marks, a quotation mark is one.
        let (typed, _) = restorer.restore_text("goi la ‘nong thon moi’ cua cac dia phuong");
        assert!(typed.contains("‘nông thôn mới’"), "{typed}");
    }

    #[test]
    fn an_em_dash_standing_alone_in_ocr_output_is_the_en_dash_ocr_misread() {
        assert_eq!(
            restored_as_ocr("cac buéc chuan bi — nhung can lam tét"),
            ["các bước chuẩn bị – nhưng cần làm tốt"]
        );
        // Glued to a word it is no dash between words; in typed text it is the writer's own.
        assert_eq!(
            restored_as_ocr("ngay 15—20 thang nay"),
            ["ngày 15—20 tháng này"]
        );
        let (typed, _) = Restorer::embedded().restore_text("cac buoc chuan bi — nhung can lam tot");
        assert_eq!(typed, "các bước chuẩn bị — nhưng cần làm tốt");
    }

    #[test]
    fn damaged_documents_are_detected() {
        assert!(needs_restoration(
            "Cong hoa xa hoi chu nghia Viet Nam\nDoc lap - Tu do - Hanh phuc\n"
        ));
        assert!(needs_restoration(
            "T6 chirc thwe hién Chwong trinh Mdi xa mét sain pham"
        ));
        assert!(!needs_restoration(
            "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n"
        ));
        // Typed pages, then an appendix from a scan: the appendix is judged on its own.
        let typed = "Ủy ban nhân dân xã ban hành kế hoạch thực hiện Chương trình OCOP năm nay.\n";
        let scanned = "T6 chirc thwe hién Chwong trinh Mdi xa mét sain pham ctia hgp tac xa\n";
        let appendix = scanned.repeat(40);
        assert!(!needs_restoration(&typed.repeat(1000)));
        assert!(needs_restoration(&(typed.repeat(1000) + &appendix)));
        // A few damaged lines at the end are too few to judge a part by.
        assert!(!needs_restoration(&(typed.repeat(1000) + scanned)));
    }
}
