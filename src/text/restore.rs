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

use crate::text::syllable::{is_letter, is_word_char};
use crate::text::upper_first;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use super::channel::{Channel, marks_lost};
use super::lexicon::Lexicon;
use super::lm::{HISTORY, IdHasher, IdMap, LanguageModel, OTHER, START, UNKNOWN, pack};
use super::syllable::{Syllable, ToneStyle, base_letter, strip_marks};
use super::words::{
    GLUE, SEPARATORS, Written, glued_label, has_vowel, is_acronym_shape, is_symbol,
    is_url_or_email, split_word, syllable_key, unglue,
};

/// Cost (in nats) of reading a word as OCR damage rather than as lost marks, in a document
/// typed without marks.
const OCR_PRIOR: f32 = 2.0;
/// The same cost in a document read by OCR, where OCR damage is what happened to it.
const OCR_PRIOR_GARBLED: f32 = 0.0;
/// Cost of keeping a word that is not a syllable as it was written, in a document read by OCR.
const KEEP_COST: f32 = 13.0;
/// The same in a document typed without marks, where such a word is more often a name or a
/// foreign word than damage.
const KEEP_COST_TYPED: f32 = 12.0;
/// Cost of keeping a lone consonant in a document read by OCR, which may be a syllable whose
/// vowels OCR lost ("hợp tác x" for "xã") or a label ("điểm b").
const KEEP_COST_LETTER: f32 = 9.0;
/// The same for a lone capital consonant, more often a label ("khu B", "Chương X") than a
/// small one is.
const KEEP_COST_CAPITAL: f32 = 3.0;
/// Extra cost per letter of a kept non-syllable word.
const KEEP_PER_LETTER: f32 = 1.0;
/// How much a candidate's channel cost weighs against the language model.
const CHANNEL_WEIGHT: f32 = 1.0;
/// Candidates kept per word.
const MAX_CANDIDATES: usize = 30;
/// Cost of keeping a short number in OCR output as written: the model scores all other words
/// (numbers, acronyms, symbols) as one, and one number is about a twentieth of them; its
/// readings as damaged words cost what the channel says.
const NUMBER_KEEP_COST: f32 = 3.0;
/// Candidates costing this much more than a word's cheapest reading are dropped.
const CANDIDATE_MARGIN: f32 = 10.0;
/// Hypotheses the beam search keeps at least (the best ones)...
const BEAM: usize = 4;
/// ...and at most, when more score within [`BEAM_MARGIN`] of the best: a word whose readings
/// are close calls keeps more of them alive, a clear one costs no more than before.
const BEAM_MAX: usize = 20;
/// How far below the best hypothesis (in nats) others are kept beyond the first [`BEAM`].
const BEAM_MARGIN: f32 = 7.0;
/// Weight of what a word written with a capital after another word says
/// ([`LanguageModel::case_cost`]) against the other costs: a capital mid-line is the writer's
/// choice, strong evidence of a name.
const CASE_WEIGHT_TITLE: f32 = 0.75;
/// The same for a word written in small letters: the default writing (text typed without
/// marks often skips capitals too), weaker evidence that a word is no name.
const CASE_WEIGHT_LOWER: f32 = 0.25;
/// Words longer than this (in characters) are never syllables or damaged syllables.
const MAX_WORD: usize = 14;
/// Most edits between a damaged word (read through the channel's folding) and a syllable's plain form.
const MAX_EDITS: usize = 3;
/// Symbols OCR writes for a mark just after a word ("sử?" for "sử", "nghiệp)", "truyền}",
/// "tư’"): in the training documents' OCR pairs, 93-100% of each of them, glued to a word of
/// two or more letters with a space and another word after them in the line, stand for nothing
/// in the clean text (but a ")" closing a "(" opened before it is a bracket, and so is most of
/// one followed by "," or "."; a "?" before a capital ends a sentence as often as not). In OCR
/// lines they are dropped after such a word read as a syllable.
const OCR_MARK_SYMBOLS: [char; 6] = [')', '?', ']', '}', '!', '’'];
/// Symbols OCR writes alone for a word of one letter: in the training documents' OCR pairs, a
/// lone "&" is "ở" (83 times) or another word (5) more often than "&" (60), and a lone "¥" is
/// "ý", "ỹ" or "ừ" all 49 times. In OCR lines they are read as a short number is.
const OCR_LETTER_SYMBOLS: [char; 2] = ['&', '¥'];
/// Cost (in nats) of a reading that does not go on a word of the word list with the reading
/// before it ([`Lexicon::pairs_with`], [`Lexicon::one_word`]): "nâng cấp đô thị", not "đó thì". (Every reading of a
/// line but those pays it; charged as a cost rather than given as a bonus, so that no
/// hypothesis's score ever rises and the beam's bounds hold.)
const NO_WORD_COST: f32 = 2.5;
/// −ln P(title case | a word) above which the word is nearly always written small after
/// another word of its line (not the start of a name, as "Công" in "Công ty" is).
const SMALL_WORD_TITLE_COST: f32 = 3.0;
/// Acronyms whose reading a restorer keeps at most (then it starts again).
const MAX_ACRONYMS: usize = 100_000;
/// Words decoded together at most; a longer line is decoded in windows of this many.
const MAX_LINE_WORDS: usize = 400;
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
/// Bytes of a document, from its first damaged line on, on which its damage is judged OCR's or
/// typing's (a typed plan may have an OCR'd appendix far down).
const OCR_JUDGED_ON: usize = 8 * 1024;
/// Words a line of clean text needs to be read as typed without marks.
const TYPED_LINE_WORDS: usize = 3;
/// A line of at least this many words...
const FOREIGN_LINE_WORDS: usize = 4;
/// ...of which this many tenths are no syllable's letters is in another language, left as written.
const FOREIGN_SHARE_TENTHS: usize = 8;

/// The syllables restoration may produce, from `corpus/syllables.txt` and the model's vocabulary.
struct Inventory {
    /// Each syllable: lower-case classic spelling, its letters and its model id.
    syllables: Vec<(String, Vec<char>, u32)>,
    /// Per syllable, the letters of its modern spelling where the tone mark sits elsewhere
    /// ("hoá" for "hóa"): a printed page may use either, and OCR misreads the marked letter.
    modern_letters: Vec<Option<Vec<char>>>,
    /// Syllable indexes by plain key ("tiếng" under "tieng").
    by_plain: HashMap<String, Vec<u32>>,
    /// Plain keys (their indexes) by the hash of every form with up to [`MAX_EDITS`] letters
    /// deleted, for near misses, apart by how many letters were deleted (a key within d edits
    /// of a word shares with it a form that takes at most d deletions from each). A hash
    /// collision only adds a key that the edit check drops.
    deletions: [IdMap<u64, Vec<u32>>; MAX_EDITS + 1],
    /// The plain keys' letters and their syllables, indexed by the numbers in `deletions`.
    plains: Vec<(Vec<char>, Vec<u32>)>,
    /// The [`word_hash`] of every syllable as written in small letters and in title case, with
    /// classic and modern tone placement ("hòa", "hoà", "Hòa", "Hoà").
    spellings: HashSet<u64, BuildHasherDefault<IdHasher>>,
}

/// Hashes of every form of `word` with up to `depth` letters deleted (at least one letter
/// left), each with how many letters were deleted.
fn deletion_hashes(word: &[char], depth: usize, out: &mut Vec<(u64, usize)>) {
    use std::hash::{BuildHasher, Hasher};
    /// Deletes letters at positions from `from` on, each later than the last one deleted.
    fn walk(
        word: &[char],
        gone: &mut Vec<usize>,
        from: usize,
        depth: usize,
        out: &mut Vec<(u64, usize)>,
    ) {
        let mut hasher = BuildHasherDefault::<IdHasher>::default().build_hasher();
        for (i, &c) in word.iter().enumerate() {
            if !gone.contains(&i) {
                hasher.write_u32(u32::from(c));
            }
        }
        out.push((hasher.finish(), gone.len()));
        if gone.len() == depth || word.len() - gone.len() <= 1 {
            return;
        }
        for i in from..word.len() {
            gone.push(i);
            walk(word, gone, i + 1, depth, out);
            gone.pop();
        }
    }
    walk(word, &mut Vec::with_capacity(depth), 0, depth, out);
}

impl Inventory {
    fn new(listed: &str, lm: &LanguageModel) -> Inventory {
        let mut seen: HashMap<String, ()> = HashMap::new();
        let mut syllables = Vec::new();
        let listed_words = listed
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next());
        for word in listed_words.chain(lm.words()) {
            let Some(key) = syllable_key(word) else {
                continue;
            };
            if seen.insert(key.clone(), ()).is_none() {
                let id = lm.id(&key);
                syllables.push((key.clone(), key.chars().collect(), id));
            }
        }
        let mut by_plain: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, (key, _, _)) in syllables.iter().enumerate() {
            by_plain.entry(strip_marks(key)).or_default().push(i as u32);
        }
        let mut plain_keys: Vec<&String> = by_plain.keys().collect();
        plain_keys.sort();
        let plains: Vec<(Vec<char>, Vec<u32>)> = plain_keys
            .into_iter()
            .map(|key| (key.chars().collect(), by_plain[key].clone()))
            .collect();
        let mut deletion_index: [IdMap<u64, Vec<u32>>; MAX_EDITS + 1] = Default::default();
        let mut forms = Vec::new();
        for (i, (letters, _)) in plains.iter().enumerate() {
            forms.clear();
            deletion_hashes(letters, MAX_EDITS, &mut forms);
            forms.sort_unstable();
            forms.dedup();
            for &(form, deleted) in &forms {
                deletion_index[deleted]
                    .entry(form)
                    .or_default()
                    .push(i as u32);
            }
        }
        // The modern spelling of each syllable where it differs ("hoá" for "hóa").
        let modern: Vec<Option<String>> = syllables
            .iter()
            .map(|(key, _, _)| {
                Syllable::parse(key)
                    .map(|s| s.spell(ToneStyle::Modern))
                    .filter(|modern| modern != key)
            })
            .collect();
        let mut spellings = HashSet::default();
        for ((key, _, _), modern) in syllables.iter().zip(&modern) {
            for form in std::iter::once(key).chain(modern) {
                spellings.insert(word_hash(&upper_first(form)));
                spellings.insert(word_hash(form));
            }
        }
        let modern_letters = modern
            .into_iter()
            .map(|m| m.map(|m| m.chars().collect()))
            .collect();
        Inventory {
            syllables,
            modern_letters,
            by_plain,
            deletions: deletion_index,
            plains,
            spellings,
        }
    }

    /// True when a syllable (any case, either tone placement; `hash` its [`word_hash`]) is one
    /// of the inventory's.
    fn attested(&self, word: &str, hash: u64) -> bool {
        if self.spellings.contains(&hash) {
            return true;
        }
        // Small-letter and title-case writings are all in `spellings`; others are looked up
        // by their key.
        let mut rest = word.chars().skip(1);
        rest.any(char::is_uppercase)
            && syllable_key(word).is_some_and(|key| self.spellings.contains(&word_hash(&key)))
    }

    /// The index of a syllable as spelled (small letters, classic tone placement).
    fn index_of(&self, syllable: &str) -> Option<u32> {
        self.by_plain
            .get(&strip_marks(syllable))?
            .iter()
            .copied()
            .find(|&i| self.syllables[i as usize].0 == syllable)
    }

    /// Plain keys within a few edits of `word` (found through shared deletions), nearest first.
    fn near(&self, word: &[char]) -> Vec<u32> {
        let depth = match word.len() {
            0..=2 => 1,
            3..=4 => 2,
            _ => MAX_EDITS,
        };
        let mut forms = Vec::new();
        deletion_hashes(word, depth, &mut forms);
        forms.sort_unstable();
        forms.dedup();
        // Only keys' forms with at most `depth` deletions can meet the word's within `depth`.
        let mut keys: Vec<u32> = forms
            .iter()
            .flat_map(|(form, _)| {
                self.deletions[..=depth]
                    .iter()
                    .filter_map(move |index| index.get(form))
            })
            .flatten()
            .copied()
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let mut near: Vec<(usize, u32)> = keys
            .into_iter()
            .map(|k| {
                (
                    edit_distance_within(&self.plains[k as usize].0, word, depth),
                    k,
                )
            })
            .filter(|&(distance, _)| distance <= depth)
            .collect();
        // The nearest first (their cost bounds the others'), then in spelling order (shared
        // first letters share the channel's work).
        near.sort_unstable_by_key(|&(distance, k)| (distance.min(2), k));
        near.into_iter().map(|(_, k)| k).collect()
    }
}

/// The edit distance between `a` and `b` when it is at most `limit`, else `limit + 1` (the
/// rows stop as soon as none of their cells is within the limit).
fn edit_distance_within(a: &[char], b: &[char], limit: usize) -> usize {
    /// Longest word compared on the stack (longer ones are never within reach of a syllable).
    const MAX: usize = 31;
    if a.len().abs_diff(b.len()) > limit || a.len() > MAX || b.len() > MAX {
        return limit + 1;
    }
    let mut prev = [0u8; MAX + 1];
    let mut cur = [0u8; MAX + 1];
    for (j, cell) in (0u8..).zip(prev.iter_mut().take(b.len() + 1)) {
        *cell = j;
    }
    for (i, &x) in (1u8..).zip(a) {
        cur[0] = i;
        let mut least = i;
        for (j, &y) in b.iter().enumerate() {
            let cell = (prev[j] + u8::from(x != y))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
            cur[j + 1] = cell;
            least = least.min(cell);
        }
        if usize::from(least) > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    usize::from(prev[b.len()]).min(limit + 1)
}

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

/// What a whitespace-separated chunk of a line is.
enum Chunk<'a> {
    /// Left exactly as written (numbers, URLs, acronyms, noise without letters).
    Fixed(&'a str),
    /// A document symbol: only its Đ-parts may change.
    Symbol(&'a str),
    /// A word to decode: punctuation before, the word, punctuation after.
    Word(&'a str, &'a str, &'a str),
    /// A number of one or two digits, or a lone symbol of [`OCR_LETTER_SYMBOLS`] (punctuation
    /// before, the token, punctuation after): in OCR output, possibly a damaged word ("6" for
    /// "ở", "16" for "lộ", "14" for "là", "&" for "ở").
    Number(&'a str, &'a str, &'a str),
}

/// What a word is, for deciding whether its line is damaged.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordKind {
    /// A valid syllable with at least one mark or đ.
    Marked,
    /// A valid syllable without marks.
    Plain,
    /// Not a syllable.
    Invalid,
    /// Not a syllable as written, but the letters of one whose marks were lost ("luat" for
    /// "luật": a stop coda needs a tone mark).
    Unmarked,
    /// An acronym to leave alone.
    Acronym,
}

fn word_kind(word: &str, acronym: bool) -> WordKind {
    if acronym {
        WordKind::Acronym
    } else if !Syllable::is_valid(word) {
        WordKind::Invalid
    } else if word.is_ascii() {
        WordKind::Plain
    } else {
        WordKind::Marked
    }
}

/// A word's readings, cheapest first, and the same with what its case says added
/// ([`Restorer::with_case_costs`]) for a word after the first of its line (`None` where case
/// says nothing).
struct Readings {
    plain: Vec<Candidate>,
    cased: Option<Vec<Candidate>>,
}

/// Readings already made, shared by the documents a restorer reads (a batch of plans repeats
/// most of its words): by word hash, for typed documents and for OCR documents.
#[derive(Default)]
struct ReadingCache {
    by_kind: [IdMap<u64, Arc<Readings>>; 2],
    /// Candidates held, to bound the memory.
    held: usize,
}

/// Candidates the shared cache holds at most (about 50 MB); past it, it starts again empty.
const CACHE_CANDIDATES: usize = 3_000_000;

impl ReadingCache {
    fn get(&self, ocr: bool, hash: u64) -> Option<Arc<Readings>> {
        self.by_kind[usize::from(ocr)].get(&hash).cloned()
    }

    fn put(&mut self, ocr: bool, hash: u64, readings: &Arc<Readings>) {
        let size = readings.plain.len() + readings.cased.as_ref().map_or(0, Vec::len);
        if self.held + size > CACHE_CANDIDATES {
            *self = ReadingCache::default();
        }
        self.held += size;
        self.by_kind[usize::from(ocr)].insert(hash, Arc::clone(readings));
    }
}

/// Per-document memory of what words are and what they could be.
#[derive(Default)]
struct Memo {
    kinds: IdMap<u64, WordKind>,
    /// Readings of the document's words, as its kind (OCR or typed) reads them.
    readings: IdMap<u64, Arc<Readings>>,
    /// What the document's damage is; judged when the first damaged line comes.
    damage: Option<Damage>,
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

/// Common English words that are not the letters of any Vietnamese syllable: two of them make a
/// line English ("All files were copied from public repositories"). None is OCR's reading of a
/// Vietnamese word: in the 40,058 OCR lines of the shared pairs, the lines with two of them are
/// English titles.
const ENGLISH_WORDS: [&str; 41] = [
    "all", "also", "and", "any", "are", "as", "been", "by", "did", "does", "for", "from", "has",
    "have", "her", "his", "into", "is", "its", "of", "or", "other", "our", "shall", "she",
    "should", "some", "such", "their", "them", "there", "these", "they", "this", "those", "under",
    "was", "were", "which", "with", "would",
];

/// Common English words that are also a syllable's letters ("the" is "thẻ" typed without marks,
/// "than" is "thân", "that" is "thất"): no sign of English on their own, but English at the
/// edge of an English run ("… is worth more than the").
const ENGLISH_SYLLABLE_WORDS: [&str; 12] = [
    "a", "an", "at", "but", "in", "it", "not", "on", "than", "that", "the", "to",
];

/// English words of [`ENGLISH_WORDS`] that make a line English.
const ENGLISH_LINE_WORDS: usize = 2;

/// Whether a word is one of `list`, in any case.
fn is_one_of(list: &[&str], word: &str) -> bool {
    list.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// Leaves the English run of a line as written (its words made fixed pieces): from its first
/// common English word to its last, and on over the pieces around that are neither a
/// syllable's letters nor a word with other than ASCII letters in it, or are English words
/// that are a syllable's letters ([`ENGLISH_SYLLABLE_WORDS`]). In "Roger H. Gordon,
/// "Government as a monopolist in the market: the case of China”, thang 4/1999", all but
/// "thang 4/1999", which is then read.
fn keep_english_run<'l>(
    line: &'l str,
    chunks: &mut [(usize, Chunk<'l>)],
    kinds: &IdMap<u64, WordKind>,
) {
    let kind = |chunk: &Chunk| match chunk {
        Chunk::Word(_, w, _) => kinds.get(&word_hash(w)).copied(),
        _ => None,
    };
    let english = |chunk: &Chunk| {
        matches!(chunk, Chunk::Word(_, w, _) if is_one_of(&ENGLISH_WORDS, w))
            && kind(chunk) == Some(WordKind::Invalid)
    };
    // (English words are ASCII letters; "H6i" and "thảo" are Vietnamese, damaged or not.)
    let vietnamese = |chunk: &Chunk| {
        matches!(chunk, Chunk::Word(_, w, _) if !w.bytes().all(|b| b.is_ascii_alphabetic()))
            || matches!(
                kind(chunk),
                Some(WordKind::Marked | WordKind::Plain | WordKind::Unmarked)
            )
    };
    let (Some(mut from), Some(mut to)) = (
        chunks.iter().position(|(_, c)| english(c)),
        chunks.iter().rposition(|(_, c)| english(c)),
    ) else {
        return;
    };
    let goes_on = |chunk: &Chunk| {
        !vietnamese(chunk)
            || matches!(chunk, Chunk::Word(_, w, _)
                if is_one_of(&ENGLISH_SYLLABLE_WORDS, w))
    };
    while from > 0 && goes_on(&chunks[from - 1].1) {
        from -= 1;
    }
    while to + 1 < chunks.len() && goes_on(&chunks[to + 1].1) {
        to += 1;
    }
    for (offset, chunk) in &mut chunks[from..=to] {
        if let Chunk::Word(pre, w, post) = *chunk {
            *chunk = Chunk::Fixed(&line[*offset..*offset + pre.len() + w.len() + post.len()]);
        }
    }
}

/// How the marks of a line's words look: the signal for "is this line damaged?".
#[derive(Default)]
struct LineShape {
    /// Valid syllables with at least one mark or đ.
    marked: usize,
    /// Valid syllables without any mark.
    plain: usize,
    /// Words that are not syllables (and not acronyms, numbers or symbols).
    invalid: usize,
    /// Of those, the words that are no syllable's letters either: OCR damage, not lost marks.
    broken: usize,
    /// Of the broken words, those of two letters or more and nothing else (not a unit such as
    /// "m" or "220V").
    broken_long: usize,
    /// Of the invalid words, those that carry a mark all the same ("nhiém" for "nhiệm"): a
    /// mark misread, which typing without marks never makes.
    misread: usize,
    /// Of the invalid words, the common English ones ([`ENGLISH_WORDS`]).
    english: usize,
}

impl LineShape {
    /// Counts one word of the given kind.
    fn add_word(&mut self, word: &str, kind: WordKind) {
        if matches!(kind, WordKind::Invalid | WordKind::Unmarked) && !word.is_ascii() {
            self.misread += 1;
        }
        if kind == WordKind::Invalid && word.chars().nth(1).is_some() && word.chars().all(is_letter)
        {
            self.broken_long += 1;
            self.english += usize::from(is_one_of(&ENGLISH_WORDS, word));
        }
        self.add(kind);
    }

    fn add(&mut self, kind: WordKind) {
        match kind {
            WordKind::Marked => self.marked += 1,
            WordKind::Plain => self.plain += 1,
            WordKind::Invalid => {
                self.invalid += 1;
                self.broken += 1;
            }
            WordKind::Unmarked => self.invalid += 1,
            WordKind::Acronym => {}
        }
    }

    fn merge(&mut self, other: &LineShape) {
        self.marked += other.marked;
        self.plain += other.plain;
        self.invalid += other.invalid;
        self.broken += other.broken;
        self.broken_long += other.broken_long;
        self.misread += other.misread;
        self.english += other.english;
    }

    fn words(&self) -> usize {
        self.marked + self.plain + self.invalid
    }

    /// Another language: most words are no syllable's letters, and few are a syllable's ("This
    /// plan is posted online"; not "Gạch ốp, lát (Ceramic, Granit, Cotto, Terrazo)").
    fn is_foreign(&self) -> bool {
        self.broken_long >= FOREIGN_LINE_WORDS
            && self.broken_long * 10 >= self.words() * FOREIGN_SHARE_TENTHS
            && self.syllable_letters() * 4 <= self.words()
    }

    /// A line with English in it: two common English words or more ([`keep_english_run`]).
    fn is_english(&self) -> bool {
        self.english >= ENGLISH_LINE_WORDS
    }

    /// Words that are a syllable's letters, with or without the right marks.
    fn syllable_letters(&self) -> usize {
        self.words() - self.broken
    }

    /// Whether a line is left as written in a document with this damage: a clean line; in
    /// typed text, a line in another language; in clean text, any line but one typed without
    /// marks.
    fn left_as_written(&self, damage: Damage) -> bool {
        self.is_clean()
            || damage != Damage::Ocr && self.is_foreign()
            || damage == Damage::Clean && !self.typed_without_marks()
    }

    /// A line typed without marks: no mark, three words or more, three in four of them a
    /// syllable's letters without marks, and one at least that cannot be right so ("Danh sach
    /// cac xa", where "sach" and "cac" need a tone; not "Ban thanh tra", which needs none).
    fn typed_without_marks(&self) -> bool {
        let letters = self.syllable_letters();
        self.marked == 0
            && self.invalid > self.broken
            && letters >= TYPED_LINE_WORDS
            && letters * 4 >= self.words() * 3
    }

    /// Clean Vietnamese: marks on a normal share of syllables and (almost) no broken words.
    fn is_clean(&self) -> bool {
        let total = self.words();
        total == 0
            || (self.invalid == 0 && self.marked * 10 >= total * 3)
            || (self.marked * 2 >= total && self.invalid * 5 <= total)
    }
}

/// Classifies one piece of a line: a whitespace-separated chunk or a part of one between separators.
fn classify(chunk: &str) -> Chunk<'_> {
    // The common case first: a chunk of letters only is a word (or a lone capital, a label).
    let mut letters = 0;
    if chunk.chars().all(|c| {
        letters += 1;
        is_letter(c)
    }) {
        let label = letters == 1 && chunk.chars().all(char::is_uppercase);
        return if letters > MAX_WORD || label {
            Chunk::Fixed(chunk)
        } else {
            Chunk::Word("", chunk, "")
        };
    }
    if is_url_or_email(chunk) {
        return Chunk::Fixed(chunk);
    }
    if is_symbol(chunk) {
        return Chunk::Symbol(chunk);
    }
    if let Some(rest) = chunk.strip_prefix(OCR_LETTER_SYMBOLS)
        && rest.chars().all(|c| matches!(c, ',' | '.' | ';' | ':'))
    {
        return Chunk::Number("", &chunk[..chunk.len() - rest.len()], rest);
    }
    let (pre, word, post) = split_word(chunk);
    let letters = word.chars().filter(|c| is_letter(*c)).count();
    let single_upper = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    // A lone letter before ")" or "." marks a list item ("a)", "b."); a lone capital is a label.
    let list_mark = word.chars().count() == 1 && (post.starts_with(')') || post.starts_with('.'));
    // (A number before a unit sign is a number: "6%", "30°".)
    let unit = post.starts_with(['%', '‰', '°']);
    let short_number =
        !word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit());
    if short_number && !list_mark && !unit {
        return Chunk::Number(pre, word, post);
    }
    // (A word of MAX_WORD bytes or fewer has no more characters than that.)
    let too_long = word.len() > MAX_WORD && longest_part(word) > MAX_WORD;
    if letters == 0 || too_long || single_upper || list_mark {
        return Chunk::Fixed(chunk);
    }
    Chunk::Word(pre, word, post)
}

/// In OCR output, a lone capital consonant between spaces may be a syllable whose vowels OCR
/// lost ("B Công Thương" for "Bộ"), as a small one may ("hợp tác x"): such pieces, set apart
/// as labels by [`classify`], become words to read (a label stays one where the model likes it
/// better, "khu B"). Returns whether any did.
fn read_lone_capitals(chunks: &mut [(usize, Chunk)]) -> bool {
    let mut any = false;
    for (_, chunk) in chunks.iter_mut() {
        if let Chunk::Fixed(c) = *chunk
            && c.chars().count() == 1
            && c.chars().all(|l| l.is_uppercase() && is_letter(l))
            && !has_vowel(c)
        {
            *chunk = Chunk::Word("", c, "");
            any = true;
        }
    }
    any
}

/// The length in characters of a word, or of its longest part between [`SEPARATORS`] and
/// [`GLUE`] when every part is letters only or digits only: "đồng/người/tháng" is three
/// words, each short enough to read, but a long run of odd symbols and letters mixed with
/// digits is noise ("vtA,$wqC>F|Z", "cLr|kxX!Q4WZVJ5RX").
fn longest_part(word: &str) -> usize {
    let parts = word.split(|c| SEPARATORS.contains(&c) || GLUE.contains(&c));
    let plain =
        |part: &str| part.chars().all(is_letter) || part.chars().all(|c| c.is_ascii_digit());
    if !parts.clone().all(plain) {
        return word.chars().count();
    }
    parts.map(|part| part.chars().count()).max().unwrap_or(0)
}

/// The pieces of a line with their byte offsets: URLs and symbols whole, other chunks cut at
/// separators and at glue between letters.
fn pieces(line: &str) -> Vec<(usize, Chunk<'_>)> {
    let offset = |piece: &str| piece.as_ptr() as usize - line.as_ptr() as usize;
    let mut out = Vec::new();
    for (n, mut chunk) in line.split_whitespace().enumerate() {
        // A label glued to the line's first word is a piece of its own ("V.CHE"); so is a
        // number glued by its dot to a word anywhere ("Điều 5.Trách", "năm 2025.Trong").
        let number = chunk.starts_with(|c: char| c.is_ascii_digit());
        if let Some(end) = glued_label(chunk).filter(|_| n == 0 || number) {
            out.push((offset(chunk), Chunk::Fixed(&chunk[..end])));
            chunk = &chunk[end..];
        }
        match classify(chunk) {
            Chunk::Word(..) if has_separator_or_glue(chunk) => {
                let parts = chunk.split(SEPARATORS).filter(|p| !p.is_empty());
                out.extend(parts.flat_map(unglue).map(|p| (offset(p), classify(p))));
            }
            whole => out.push((offset(chunk), whole)),
        }
    }
    out
}

/// The ASCII characters among [`SEPARATORS`] and [`GLUE`], by byte.
const ASCII_SPLITS: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < SEPARATORS.len() + GLUE.len() {
        let c = if i < SEPARATORS.len() {
            SEPARATORS[i]
        } else {
            GLUE[i - SEPARATORS.len()]
        } as usize;
        if c < 128 {
            table[c] = true;
        }
        i += 1;
    }
    table
};

/// Whether a chunk holds a [`SEPARATORS`] or [`GLUE`] character (bytes first: the non-ASCII
/// ones are all three bytes long and start with 0xE2, which no Vietnamese letter does).
fn has_separator_or_glue(chunk: &str) -> bool {
    let mut non_ascii_punctuation = false;
    for b in chunk.bytes() {
        if b < 0x80 {
            if ASCII_SPLITS[usize::from(b)] {
                return true;
            }
        } else {
            non_ascii_punctuation |= b == 0xE2;
        }
    }
    non_ascii_punctuation && (chunk.contains(SEPARATORS) || chunk.contains(GLUE))
}

/// A line of mostly odd symbols (not letters, digits, punctuation or table rules) is noise, not
/// words. Markdown's bold marks around words ("**KẾ HOẠCH**") are not counted.
fn looks_like_noise(line: &str) -> bool {
    let (mut odd, mut total) = (0usize, 0usize);
    let chunks = line
        .split_whitespace()
        .map(|chunk| chunk.trim_start_matches("**").trim_end_matches("**"));
    for c in chunks.flat_map(str::chars) {
        total += 1;
        let ordinary = is_word_char(c) || ".,;:()-–—\"“”'’/%|…".contains(c);
        odd += usize::from(!ordinary);
    }
    odd * 5 > total
}

/// The first `bytes` of a text (at a character boundary): enough to judge a whole document.
fn head(text: &str, bytes: usize) -> &str {
    let mut end = text.len().min(bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// How much of a document [`needs_restoration`] judges at once, at most (whole lines).
const JUDGED_PART: usize = 16 * 1024;
/// Words a part after the first needs to be judged at all (the first: [`JUDGED_FIRST_WORDS`]).
const JUDGED_PART_WORDS: usize = 100;
/// Words a document's first part needs to be judged.
const JUDGED_FIRST_WORDS: usize = 5;

/// True when a document, or a part of it (an OCR'd appendix after typed pages), looks
/// OCR-garbled or typed without accents: a cheap test on each [`JUDGED_PART`] of its lines.
pub fn needs_restoration(text: &str) -> bool {
    let mut rest = text;
    let mut least_words = JUDGED_FIRST_WORDS;
    while !rest.is_empty() {
        let mut part = head(rest, JUDGED_PART);
        if part.len() < rest.len()
            && let Some(end) = part.rfind('\n')
        {
            part = &part[..=end];
        }
        rest = &rest[part.len()..];
        let mut shape = LineShape::default();
        for (_, piece) in pieces(part) {
            if let Chunk::Word(_, word, _) = piece {
                shape.add(word_kind(word, is_acronym_shape(word)));
            }
        }
        let total = shape.words();
        if total >= least_words
            && (shape.marked * 10 < total * 3 || shape.invalid * 100 > total * 15)
        {
            return true;
        }
        least_words = JUDGED_PART_WORDS;
    }
    false
}

/// True when nearly all of a line's letters are capitals (an OCR'd heading: "KINH PHi THUC HIEN").
fn mostly_capitals(line: &str) -> bool {
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in line.chars().filter(|c| is_letter(*c)) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    letters >= 6 && upper * 10 >= letters * 9
}

/// What a damaged line's neighbours and document say about writing it out.
#[derive(Clone, Copy)]
struct LineFacts {
    /// The document reads as OCR output.
    ocr_document: bool,
    /// The model id of the syllable in small letters the line before ends on, if any (a
    /// wrapped sentence may go on in this line).
    small_word_before: Option<u32>,
    /// A bracket opened in the line before is still open.
    open_before: bool,
}

/// Where a word stands, for writing its reading in the case the written word shows.
#[derive(Clone, Copy, Default)]
struct CaseSetting {
    /// The line is (nearly) all capitals.
    caps_line: bool,
    /// The document reads as OCR output.
    ocr: bool,
    /// A word of the line came before this one.
    mid_line: bool,
    /// The word before or after is written in capitals too ("UBND XA", "BO TAI").
    caps_beside: bool,
    /// The word goes on a listed word after a word in small letters ("sản Xuất"): its capital,
    /// in OCR output, is a small letter read too large.
    goes_on_small: bool,
}

/// Whether a word's capital is OCR's reading of a small letter: in OCR output, the second
/// syllable of a listed word after one in small letters ("sản Xuất"), with a first letter
/// whose capital looks like its small letter (C, O, S, V, W, X, Z, marks aside), or with
/// capitals and small letters mixed after it ("sản XUAt"), a case no word is written in.
fn small_letter_read_large(written: &str, at: CaseSetting) -> bool {
    let mut letters = written.chars().filter(|c| is_letter(*c));
    let look_alike = letters
        .next()
        .is_some_and(|c| matches!(base_letter(c), 'C' | 'O' | 'S' | 'V' | 'W' | 'X' | 'Z'));
    let (small, capitals) = letters.fold((0, 0), |(small, capitals), c| {
        (
            small + usize::from(c.is_lowercase()),
            capitals + usize::from(c.is_uppercase()),
        )
    });
    let case_read_large = (look_alike && capitals == 0) || (small > 0 && capitals > 0);
    at.ocr && at.goes_on_small && !at.caps_line && case_read_large
}

/// True when a piece of a line has two letters or more, all capitals ("UBND", "XA").
fn in_capitals(piece: &str) -> bool {
    let mut letters = 0;
    piece.chars().filter(|c| is_letter(*c)).all(|c| {
        letters += 1;
        c.is_uppercase()
    }) && letters >= 2
}

/// Writes `syllable` (lower case) with the case pattern of the `written` word; in a line of
/// capitals, a word that starts with a capital is written in capitals. In OCR output, a capital
/// can be a misread small letter: a word in capitals alone in a line of small letters is a
/// small marked vowel read as a capital ("BO Tai chinh" for "Bộ Tài chính"), and mid-line, an
/// "I" or "J" read for an "l" is a small letter ("Igi" for "lợi", "Jap" for "lập").
fn with_case_of(syllable: &str, written: &str, at: CaseSetting) -> String {
    if small_letter_read_large(written, at) {
        return syllable.to_string();
    }
    let letters: Vec<char> = written.chars().filter(|c| is_letter(*c)).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    let starts_upper = written.chars().next().is_some_and(char::is_uppercase);
    let misread_capital = at.ocr
        && at.mid_line
        && !at.caps_line
        && matches!(letters.first(), Some('I' | 'J'))
        && syllable.starts_with('l');
    let lone_capitals = at.ocr && !at.caps_line && !at.caps_beside;
    if ((letters.len() >= 2 && upper == letters.len()) && !lone_capitals)
        || (at.caps_line && starts_upper)
    {
        syllable.to_uppercase()
    } else if (starts_upper || (letters.len() == 1 && upper == 1)) && !misread_capital {
        upper_first(syllable)
    } else {
        syllable.to_string()
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
}

impl<'m> Restorer<'m> {
    /// A restorer from a language model and a channel; the inventory is `corpus/syllables.txt` plus the model's syllables.
    pub fn new(lm: &'m LanguageModel, channel: &'m Channel) -> Restorer<'m> {
        let inventory = Inventory::new(include_str!("../../corpus/syllables.txt"), lm);
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
        }
    }

    /// The restorer with the embedded model and channel.
    pub fn embedded() -> &'static Restorer<'static> {
        static RESTORER: OnceLock<Restorer<'static>> = OnceLock::new();
        RESTORER.get_or_init(|| Restorer::new(LanguageModel::embedded(), Channel::embedded()))
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
    fn judge_damage(&self, text: &str, kinds: &mut IdMap<u64, WordKind>) -> Damage {
        let mut damaged = LineShape::default();
        let mut all_words = 0;
        for line in head(text, OCR_JUDGED_ON).lines() {
            let (shape, _) = self.shape_of(&pieces(line), kinds);
            all_words += shape.words();
            if !shape.is_clean() && !shape.is_foreign() && !shape.is_english() {
                damaged.merge(&shape);
            }
        }
        let words = damaged.words();
        if words * 2 < all_words {
            Damage::Clean
        } else if (damaged.marked + damaged.misread) * 20 >= words || damaged.broken * 10 >= words {
            Damage::Ocr
        } else {
            Damage::Typed
        }
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
        // Clean lines, the common case, are known by their shape; noise is left as it is.
        let mut chunks = pieces(line);
        let (mut shape, mut hashes) = self.shape_of(&chunks, &mut memo.kinds);
        if shape.is_english() {
            keep_english_run(line, &mut chunks, &memo.kinds);
            (shape, hashes) = self.shape_of(&chunks, &mut memo.kinds);
        }
        if shape.is_clean() || looks_like_noise(line) {
            return Cow::Borrowed(line);
        }
        // The word the line before ends on, when it is a syllable in small letters with
        // nothing after it: a hard-wrapped sentence may go on in this line.
        let small_word_before = last_small_word(around.before).map(|key| self.lm.id(&key));
        // Whether a bracket opened in the line before is still open ("(theo ... / ...)").
        let open_before = around.before.matches('(').count() > around.before.matches(')').count();
        let around = around.sharing_sentence_with(line);
        let damage = match memo.damage {
            Some(known) => known,
            None => {
                // From this line on, where the line is part of the document's text (a table
                // cell, read apart, is judged from the document's start).
                let from = offset_within(document, line).unwrap_or(0);
                let judged = self.judge_damage(&document[from..], &mut memo.kinds);
                memo.damage = Some(judged);
                judged
            }
        };
        if shape.left_as_written(damage) {
            return Cow::Borrowed(line);
        }
        let ocr_document = damage == Damage::Ocr;
        if ocr_document && read_lone_capitals(&mut chunks) {
            (_, hashes) = self.shape_of(&chunks, &mut memo.kinds);
        }
        let best = self.read_line(line, &chunks, &hashes, around, damage, memo);
        let facts = LineFacts {
            ocr_document,
            small_word_before,
            open_before,
        };
        Cow::Owned(self.write_line(line, &chunks, &best, facts, memo))
    }

    /// The likeliest reading of each piece of a damaged line (its words' readings made and kept
    /// in the memo), decoded with the line's neighbours where they share its sentence.
    fn read_line(
        &self,
        line: &str,
        chunks: &[(usize, Chunk)],
        hashes: &[Option<u64>],
        around: Around,
        damage: Damage,
        memo: &mut Memo,
    ) -> Vec<Candidate> {
        let ocr_document = damage == Damage::Ocr;
        // Decode the words; fixed chunks, acronyms and symbols are "other" words for the model.
        // Lines are read as OCR damage or as typing without marks as their document is. In OCR
        // output, a short number between words may be a damaged word ("6" for "ở"): it is read
        // with the syllables its digits could be, as any damaged word is.
        for ((_, chunk), hash) in chunks.iter().zip(hashes) {
            match (chunk, hash) {
                (Chunk::Word(_, w, _), Some(h)) if !memo.readings.contains_key(h) => {
                    let readings = self.readings_of(w, *h, memo.kinds[h], ocr_document);
                    memo.readings.insert(*h, readings);
                }
                (Chunk::Number(_, digits, _), _) if ocr_document => {
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
        const OTHER_WORD: [Candidate; 1] = [Candidate {
            syllable: None,
            id: OTHER,
            cost: 0.0,
            ocr: false,
        }];
        let caps_line = mostly_capitals(line);
        // A line of three or four words and nothing else, each in title case, is a person's
        // name ("Nguyễn Văn An", a signer): its first word's capital says so as much as the
        // others'.
        let name_line = line.trim().chars().all(|c| is_letter(c) || c == ' ')
            && (3..=4).contains(&chunks.len())
            && chunks.iter().all(
                |(_, c)| matches!(c, Chunk::Word(_, w, _) if Written::of(w) == Written::Title),
            );
        // A word's case, after another word of its line, says whether it is a name (the first
        // word and a line of capitals say nothing).
        let mut after_word = !around.before.is_empty();
        let look_ahead = self.look_ahead(around.after, damage, memo);
        let mut lattice: Vec<&[Candidate]> = chunks
            .iter()
            .zip(hashes)
            .map(|((_, chunk), hash)| {
                let Some(h) = hash else {
                    return match chunk {
                        Chunk::Number(_, digits, _) if ocr_document => {
                            &memo.readings[&number_hash(digits)].plain[..]
                        }
                        _ => &OTHER_WORD[..],
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
        lattice.extend(look_ahead.iter().map(|word| word.readings(memo)));
        // Very long lines are decoded in windows, so memory and time stay linear.
        let mut start = self.lm.history_after(around.before);
        let mut best = Vec::with_capacity(lattice.len());
        let mut doubts = Vec::new();
        for window in lattice.chunks(MAX_LINE_WORDS) {
            let (path, score) = self.decode(window, start, ocr_prior);
            // (Under first_per_line, a line with a doubt already needs no more.)
            let in_doubt =
                || !doubts.is_empty() || memo.doubts.last().is_some_and(|d| d.line == memo.line);
            if let Some(options) = memo.review
                && !(options.first_per_line && in_doubt())
            {
                // (Not the words of the line after, read with this line's last ones.)
                let here = chunks.len().saturating_sub(best.len());
                let search = CloseCallSearch {
                    start,
                    ocr_prior,
                    words: here,
                    options,
                };
                let close = self.close_calls(window, &path, score, search);
                let offset = best.len();
                doubts.extend(close.into_iter().map(|c| CloseCall {
                    at: offset + c.at,
                    ..c
                }));
            }
            best.extend(path);
            start = [START; HISTORY];
        }
        best.truncate(chunks.len());
        // (Doubts about the line after's first words, read with this line, are that line's.)
        for close in doubts {
            if let Some(&chosen) = best.get(close.at)
                && let Some(doubt) = self.doubt(line, chunks, chosen, close, memo)
            {
                memo.doubts.push(doubt);
            }
        }
        best
    }

    /// The words among the first `search.words` of a decoded window, read as `path`, whose
    /// next best reading makes a line scoring less than the review's margin below `score`, the
    /// chosen path's (the first of them only, if the review asks for one per line). Each
    /// word's is found by searching again without the word's chosen reading, over the
    /// [`REVIEW_SPAN`] words on each side of it (read after the chosen words before them).
    fn close_calls(
        &self,
        window: &[&[Candidate]],
        path: &[Candidate],
        score: f32,
        search: CloseCallSearch,
    ) -> Vec<CloseCall> {
        let CloseCallSearch {
            start,
            ocr_prior,
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
            let history = history_along(start, &path[..from]);
            let best = if (from, to) == (0, window.len()) {
                score
            } else {
                self.decode(&window[from..to], history, ocr_prior).1
            };
            let mut without = window[from..to].to_vec();
            without[i - from] = &others;
            let (other_path, other_score) = self.decode(&without, history, ocr_prior);
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
    fn doubt(
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

    /// The line written again with its chosen readings: each syllable in the case the written
    /// word shows, symbols with their Đ, and what lies between the pieces kept (but OCR glue
    /// between two syllables is a space, and symbols OCR wrote for a mark are dropped).
    fn write_line<'l>(
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
        // Whether the last piece was a word of two or more letters read as a syllable, with
        // nothing after it.
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
                Chunk::Fixed(c) => c,
                Chunk::Number(pre, digits, post) => {
                    let whole = pre.len() + digits.len() + post.len();
                    match best.get(i).and_then(|c| c.syllable) {
                        Some(s) => {
                            out.push_str(pre);
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
                            let long_word = w.chars().filter(|&c| is_letter(c)).count() >= 2;
                            after_long_syllable = long_word && post.is_empty();
                            let syllable = &self.inventory.syllables[s as usize].0;
                            out.push_str(pre);
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
                            if ocr_document && long_word && i + 1 < chunks.len() {
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
        out
    }

    /// The readings of a word with what its case says added to their costs (the likeliest
    /// reading for the case costs nothing more); `None` when case says nothing.
    fn with_case_costs(&self, readings: &[Candidate], written: Written) -> Option<Vec<Candidate>> {
        if written == Written::Other || readings.iter().filter(|c| c.syllable.is_some()).count() < 2
        {
            return None;
        }
        let weight = if written == Written::Lower {
            CASE_WEIGHT_LOWER
        } else {
            CASE_WEIGHT_TITLE
        };
        let case_cost = |c: &Candidate| weight * self.lm.case_cost(c.id, written);
        let least = readings
            .iter()
            .filter(|c| c.syllable.is_some())
            .map(case_cost)
            .fold(f32::INFINITY, f32::min);
        Some(
            readings
                .iter()
                .map(|c| Candidate {
                    cost: c.cost
                        + if c.syllable.is_some() {
                            case_cost(c) - least
                        } else {
                            0.0
                        },
                    ..*c
                })
                .collect(),
        )
    }

    /// What a word is, telling lost marks ("luat") from other non-syllables ("chirc"); a
    /// marked syllable no text has ("Quéc", "tén") is damage as well (`hash`: its [`word_hash`]).
    fn word_kind(&self, word: &str, hash: u64) -> WordKind {
        match word_kind(word, self.is_acronym(word)) {
            WordKind::Marked if !self.inventory.attested(word, hash) => WordKind::Unmarked,
            WordKind::Invalid
                if word.chars().all(is_letter)
                    && self
                        .inventory
                        .by_plain
                        .contains_key(&strip_marks(&word.to_lowercase())) =>
            {
                WordKind::Unmarked
            }
            kind => kind,
        }
    }

    /// An acronym to leave alone: upper case, not a syllable, and not a syllable with marks lost.
    fn is_acronym(&self, word: &str) -> bool {
        is_acronym_shape(word)
            && !self
                .inventory
                .by_plain
                .contains_key(&strip_marks(&word.to_lowercase()))
    }

    /// An acronym's one reading: itself, a word of the model when the model has seen it.
    fn acronym(&self, word: &str) -> Candidate {
        let id = match self.lm.id(word) {
            UNKNOWN => OTHER,
            id => id,
        };
        Candidate {
            syllable: None,
            id,
            cost: 0.0,
            ocr: false,
        }
    }

    /// Puts Đ back in the parts of a document symbol that the model saw written with it.
    fn restore_symbol(&self, chunk: &str) -> String {
        let mut out = String::with_capacity(chunk.len() + 4);
        let mut part = String::new();
        let flush = |part: &mut String, out: &mut String| {
            let capitals = !part.is_empty() && part.chars().all(|c| c.is_ascii_uppercase());
            match self.symbol_parts.get(part.as_str()) {
                Some(with_d) if capitals => out.push_str(with_d),
                _ if capitals => out.push_str(&self.spell_acronym(part)),
                _ => out.push_str(part),
            }
            part.clear();
        };
        for c in chunk.chars() {
            if is_word_char(c) {
                part.push(c);
            } else {
                flush(&mut part, &mut out);
                out.push(c);
            }
        }
        flush(&mut part, &mut out);
        out
    }

    /// An acronym the model never saw, with Đ put back where the words it likeliest stands for
    /// have it (read once per restorer).
    fn spell_acronym(&self, acronym: &str) -> String {
        let known = || self.acronyms.lock().unwrap_or_else(PoisonError::into_inner);
        let seen = known().get(acronym).cloned();
        let spelled = match seen {
            Some(spelled) => spelled,
            None => {
                let spelled = self.lexicon.spell_acronym(acronym, self.lm);
                let mut known = known();
                if known.len() >= MAX_ACRONYMS {
                    known.clear();
                }
                known.insert(acronym.to_string(), spelled.clone());
                spelled
            }
        };
        spelled.unwrap_or_else(|| acronym.to_string())
    }

    /// A word's readings in a document of its kind: from the shared cache, or made and put there.
    fn readings_of(&self, word: &str, hash: u64, kind: WordKind, ocr: bool) -> Arc<Readings> {
        self.cached(ocr, hash, || self.make_readings(word, kind, ocr))
    }

    /// The readings under `hash` in the shared cache, made by `make` and put there if missing.
    fn cached(&self, ocr: bool, hash: u64, make: impl FnOnce() -> Readings) -> Arc<Readings> {
        let cache = || self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = cache().get(ocr, hash) {
            return known;
        }
        let readings = Arc::new(make());
        cache().put(ocr, hash, &readings);
        readings
    }

    /// A word's readings, made: its candidates and the same with what its case says.
    fn make_readings(&self, word: &str, kind: WordKind, ocr: bool) -> Readings {
        // In OCR output, a mixed-case abbreviation the model never saw is more likely a word
        // with a damaged letter ("NGi" for "Nội", "HGi" for "Hội"): it is read, and kept if
        // nothing fits. (All-capital ones are not: "USD", "WTO", "THPT".)
        let acronym = kind == WordKind::Acronym
            && !(ocr && word.chars().any(char::is_lowercase) && self.lm.id(word) == UNKNOWN);
        let plain = if acronym {
            vec![self.acronym(word)]
        } else {
            self.candidates(word, ocr)
        };
        let cased = self.with_case_costs(&plain, Written::of(word));
        Readings { plain, cased }
    }

    /// A short number's readings in an OCR document: the number itself (at [`NUMBER_KEEP_COST`]),
    /// and the syllables OCR could have read as its digits (shared between documents).
    fn number_readings(&self, digits: &str, hash: u64) -> Arc<Readings> {
        self.cached(true, hash, || {
            let chars: Vec<char> = digits.chars().collect();
            let mut found = IdMap::default();
            self.add_ocr_readings(&chars, &mut found);
            // What the number stood for in the training pairs, where it was seen often enough,
            // prices its readings better than its digits' letters do ("14" was "là" 68 times
            // and 14 itself 34).
            let mut keep_cost = NUMBER_KEEP_COST;
            for (reading, cost) in self.channel.number_readings(digits).unwrap_or_default() {
                if reading == digits {
                    keep_cost = *cost;
                } else if let Some(i) = self.inventory.index_of(reading) {
                    offer_ocr_reading(&mut found, i, OCR_PRIOR + cost);
                }
            }
            self.add_whole_word_readings(digits, &mut found);
            let keep = Candidate {
                syllable: None,
                id: OTHER,
                cost: keep_cost,
                ocr: false,
            };
            let plain = std::iter::once(keep).chain(self.ranked(found)).collect();
            Readings { plain, cased: None }
        })
    }

    /// The readings of an OCR word (lower case) made of another whole word: what it stood for
    /// in the training pairs where its letters do not say so ("chile" for "chức").
    fn add_whole_word_readings(&self, written: &str, found: &mut IdMap<u32, (f32, bool)>) {
        for (reading, cost) in self.channel.whole_word_readings(written) {
            if let Some(i) = self.inventory.index_of(reading) {
                offer_ocr_reading(found, i, OCR_PRIOR + cost);
            }
        }
    }

    /// Adds the syllables whose plain form is near the written word (lower case) read through
    /// the OCR confusions, each at its cheapest channel cost, to `found` (per syllable: cost,
    /// and whether that reading is OCR damage); none cost more than the margin above the cheapest.
    fn add_ocr_readings(&self, lower: &[char], found: &mut IdMap<u32, (f32, bool)>) {
        let inv = &self.inventory;
        let folded: Vec<char> = lower.iter().filter_map(|&c| self.channel.fold(c)).collect();
        if folded.is_empty() {
            return;
        }
        // A lone symbol is read as every letter it stood for, each a word of its own ("&" is
        // "ở" alone, though mostly an "ấ" within words). (Not a lone digit: "1" is a number far
        // more often than the "ở" it once stood for.)
        let keys: Vec<u32> = match lower {
            [one] if OCR_LETTER_SYMBOLS.contains(one) => {
                let mut keys: Vec<u32> = self
                    .channel
                    .letters_behind(*one)
                    .flat_map(|letter| inv.near(&[letter]))
                    .collect();
                keys.sort_unstable();
                keys.dedup();
                keys
            }
            _ => inv.near(&folded),
        };
        let mut observed = self.channel.observe(lower);
        let mut cheapest = found.values().map(|c| c.0).fold(f32::INFINITY, f32::min);
        for key in keys {
            for &s in &inv.plains[key as usize].1 {
                let limit = cheapest + CANDIDATE_MARGIN - OCR_PRIOR;
                let classic = observed.cost_within(&inv.syllables[s as usize].1, limit);
                let modern = inv.modern_letters[s as usize]
                    .as_ref()
                    .and_then(|letters| observed.cost_within(letters, limit));
                let Some(cost) = classic.into_iter().chain(modern).reduce(f32::min) else {
                    continue;
                };
                let cost = OCR_PRIOR + cost;
                cheapest = cheapest.min(cost);
                offer_ocr_reading(found, s, cost);
            }
        }
    }

    /// Readings found, as candidates: the [`MAX_CANDIDATES`] likeliest (channel cost and how
    /// likely each is to start a line), cheapest first, none costing more than
    /// [`CANDIDATE_MARGIN`] above the cheapest of them.
    fn ranked(&self, found: IdMap<u32, (f32, bool)>) -> Vec<Candidate> {
        let inv = &self.inventory;
        let list: Vec<Candidate> = found
            .into_iter()
            .map(|(s, (cost, ocr))| Candidate {
                syllable: Some(s),
                id: inv.syllables[s as usize].2,
                cost,
                ocr,
            })
            .collect();
        let line_start = self.lm.context([START; HISTORY]);
        let mut ranked: Vec<(f32, Candidate)> = list
            .into_iter()
            .map(|c| (c.cost - 0.3 * line_start.log_prob(c.id).max(-20.0), c))
            .collect();
        // Ties broken by inventory order, so that the output never depends on hash order.
        let order = |a: &(f32, Candidate), b: &(f32, Candidate)| {
            a.0.total_cmp(&b.0).then(a.1.syllable.cmp(&b.1.syllable))
        };
        if ranked.len() > MAX_CANDIDATES {
            ranked.select_nth_unstable_by(MAX_CANDIDATES, order);
            ranked.truncate(MAX_CANDIDATES);
        }
        ranked.sort_unstable_by(order);
        let cheapest = ranked
            .iter()
            .map(|r| r.1.cost)
            .fold(f32::INFINITY, f32::min);
        ranked
            .into_iter()
            .map(|(_, c)| c)
            .filter(|c| c.cost <= cheapest + CANDIDATE_MARGIN)
            .collect()
    }

    /// The readings of one written word, cheapest first, always including "keep it as written";
    /// OCR damage is considered when `ocr` is set or when no syllable fits by lost marks alone.
    fn candidates(&self, word: &str, ocr: bool) -> Vec<Candidate> {
        let lowered = word.to_lowercase();
        let lower: Vec<char> = lowered.chars().collect();
        let letters_only = lower.iter().all(|c| is_letter(*c));
        let inv = &self.inventory;
        // Per syllable: its cheapest channel cost, and whether that reading is OCR damage.
        let mut found: IdMap<u32, (f32, bool)> = IdMap::default();
        // Marks lost: same plain letters, every written mark kept by the syllable.
        if letters_only {
            let plain = strip_marks(&lower.iter().collect::<String>());
            for &s in inv.by_plain.get(&plain).into_iter().flatten() {
                if marks_lost(&lower, &inv.syllables[s as usize].1) {
                    found.insert(s, (0.0, false));
                }
            }
        }
        // In typed text, a word without a vowel is an abbreviation ("nt", "tp"), not a mistyped
        // syllable, and nor is one with a digit or a dot in it ("A1", "3a", "a.Tuyen"): a
        // keyboard does not put those for letters, as OCR does. A typed word that is no
        // syllable is read as a typo only with a letter doubled ("ttheo", "neen"): other such
        // words are names and foreign words more often than slips ("Hmong", "trà shan tuyết"
        // were read "Hương", "san"). In OCR output, a lone consonant may be a syllable whose
        // vowels OCR lost ("hợp tác x"); a lone vowel is read by its marks only.
        let doubled = lower.windows(2).any(|pair| pair[0] == pair[1]);
        let typo = found.is_empty() && has_vowel(word) && letters_only && doubled;
        if (ocr || typo) && (lower.len() >= 2 || (ocr && !has_vowel(word))) {
            self.add_ocr_readings(&lower, &mut found);
        }
        if ocr {
            self.add_whole_word_readings(&lowered, &mut found);
        }
        let mut list = self.ranked(found);
        if !Syllable::is_valid(word) {
            list.push(Candidate {
                syllable: None,
                id: OTHER,
                cost: match (ocr, lower.len()) {
                    (true, 1) if word.starts_with(char::is_uppercase) => KEEP_COST_CAPITAL,
                    (true, 1) => KEEP_COST_LETTER,
                    (true, _) => KEEP_COST + KEEP_PER_LETTER * lower.len() as f32,
                    (false, _) => KEEP_COST_TYPED + KEEP_PER_LETTER * lower.len() as f32,
                },
                ocr: false,
            });
        }
        list
    }

    /// The first [`LOOK_AHEAD`] words of the line after, to read this line's last words with: as
    /// written when that line is clean, else with their readings (made now, kept in the memo
    /// for when that line's turn comes).
    fn look_ahead(&self, after: &str, damage: Damage, memo: &mut Memo) -> Vec<Ahead> {
        if after.is_empty() || looks_like_noise(after) {
            return Vec::new();
        }
        let chunks = pieces(after);
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

    /// Beam search over the lattice: the readings with the best model plus channel score,
    /// read after the history `start`, and that score (a log probability, less the costs);
    /// `ocr_prior` replaces [`OCR_PRIOR`] in the cost of OCR readings. (Candidates are pruned
    /// with [`OCR_PRIOR`] in both kinds of document: pruning with the OCR documents' lower
    /// prior keeps many more candidates, for OCR decoding about 1.7 times slower and 0.01-0.03
    /// points better.)
    fn decode(
        &self,
        lattice: &[&[Candidate]],
        start: [u32; HISTORY],
        ocr_prior: f32,
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
                    let (score, history, matched, joined) = if c.id == OTHER && last == OTHER {
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
            // best first (ties kept in the order they were made).
            let order = |a: &Hyp, b: &Hyp| b.score.total_cmp(&a.score).then(a.trail.cmp(&b.trail));
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

/// How [`Restorer::close_calls`] searches a decoded window: after which history, with which
/// cost of OCR readings, over how many of its words (the rest are the line after's), and for
/// which doubts.
#[derive(Clone, Copy)]
struct CloseCallSearch {
    start: [u32; HISTORY],
    ocr_prior: f32,
    words: usize,
    options: ReviewOptions,
}

/// A word read with doubt, found by [`Restorer::close_calls`].
#[derive(Clone, Copy)]
struct CloseCall {
    /// Its position in the line's lattice.
    at: usize,
    /// The reading that came next best.
    alternative: Candidate,
    /// How much less the best line with that reading scores, in nats.
    margin: f32,
}

/// The history the words of `path` leave after `start`, as decoding keeps it (a run of other
/// words is one word).
fn history_along(start: [u32; HISTORY], path: &[Candidate]) -> [u32; HISTORY] {
    path.iter().fold(start, |[t, u, v], c| {
        if c.id == OTHER && v == OTHER {
            [t, u, v]
        } else {
            [u, v, c.id]
        }
    })
}

/// The key under which hypotheses are one state: the last words of `history` that the model can
/// still use, given that its last word ended a seen n-gram of `matched` words (Heafield's state
/// minimisation, as in KenLM): after "u v c" with "u v c" never seen, what follows is scored
/// from "v c" at most, so hypotheses differing only in "u" are one. The length is in the top
/// bits, so that a shorter state never meets a longer one that starts with START words.
fn lm_state(history: [u32; HISTORY], matched: usize) -> u64 {
    let kept = matched.clamp(1, HISTORY);
    pack(&history[HISTORY - kept..]) | (kept as u64) << 60
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

/// The letter of the list label a line starts with ("d) Tổ chức …" gives 'd').
fn list_label(line: &str) -> Option<char> {
    let mut chars = line.trim_start().chars();
    let letter = chars.next().filter(|&c| c.is_lowercase() && is_letter(c))?;
    (chars.next() == Some(')')).then_some(letter)
}

/// Whether `line` continues the sentence of `before` (text wrapped at a page's width): the
/// line before ends without a mark that closes a sentence or a clause, and this one starts
/// with a small letter; a table row (cells between tabs) shares no sentence with a line.
fn continues(before: &str, line: &str) -> bool {
    if before.contains('\t') || line.contains('\t') {
        return false;
    }
    let ends_open = before
        .trim_end()
        .chars()
        .last()
        .is_some_and(|c| !matches!(c, '.' | '!' | '?' | ':' | ';'));
    ends_open
        && line
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// The syllable key of the word a line ends on, when it is a word in small letters with no
/// punctuation after it (its sentence may go on in the next line).
fn last_small_word(line: &str) -> Option<String> {
    let last = line.split_whitespace().next_back()?;
    let small = last.chars().next().is_some_and(char::is_lowercase);
    (small && last.chars().all(is_letter))
        .then(|| syllable_key(last))
        .flatten()
}

/// `text`, which starts at byte `at` of `line` right after a word read as a syllable, without
/// the [`OCR_MARK_SYMBOLS`] it starts with when they are OCR's misreading of a mark: a space
/// and more of the line follow them, a closer (")", "]", "}", "’") closes nothing opened before
/// it in the line (nor, for ")", in the line before: `open_before`), and a "?" or "!" is
/// followed by a small letter (before a capital or a bracket it may end a sentence: "... hay
/// không? (cho dù", "cải cách? Nói").
fn without_mark_symbols<'l>(line: &'l str, text: &'l str, at: usize, open_before: bool) -> &'l str {
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

/// Keeps syllable `s` among the readings `found` as OCR damage at `cost`, unless it is there
/// already at a cost as low.
fn offer_ocr_reading(found: &mut IdMap<u32, (f32, bool)>, s: u32, cost: f32) {
    let entry = found.entry(s).or_insert((f32::INFINITY, true));
    if cost < entry.0 {
        *entry = (cost, true);
    }
}

/// Where `part` starts in `text`, when it is a slice of it.
fn offset_within(text: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (start + part.len() <= text.len() && text.is_char_boundary(start)).then_some(start)
}

/// The memo's key for a short number's readings (apart from any word's).
fn number_hash(digits: &str) -> u64 {
    word_hash(digits) ^ 0x9e37_79b9_7f4a_7c15
}

fn word_hash(word: &str) -> u64 {
    use std::hash::BuildHasher;
    BuildHasherDefault::<IdHasher>::default().hash_one(word)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_lone_symbol_ocr_wrote_for_a_word_of_one_letter_is_read_as_one() {
        let restorer = Restorer::new(LanguageModel::embedded(), Channel::embedded());
        let ocr = "Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa\n\
                   thi trudng lao dong & Viet Nam\n\
                   vé tam quan trong, ¥ nghia cua Chuong trinh\n\
                   gui S& NN & PTNT\n";
        let (restored, _) = restorer.restore_text(ocr);
        let lines: Vec<&str> = restored.lines().collect();
        assert_eq!(lines[1], "thị trường lao động ở Việt Nam");
        assert_eq!(lines[2], "về tầm quan trọng, ý nghĩa của Chương trình");
        // Between acronyms the model reads "&" as written.
        assert!(lines[3].ends_with("NN & PTNT"), "{}", lines[3]);
    }

    #[test]
    fn a_lone_capital_in_ocr_output_is_a_word_that_lost_its_vowel_or_a_label() {
        let restorer = Restorer::new(LanguageModel::embedded(), Channel::embedded());
        let ocr = "Ké hoach t6 chirc thwe hién Chuong trinh OCOP ctia hgp tac xa\n\
                   theo Quyét dinh cua B Cong Thuong\n\
                   xay dung thuy loi khu B xa Binh Loi\n";
        let (restored, _) = restorer.restore_text(ocr);
        let lines: Vec<&str> = restored.lines().collect();
        assert_eq!(lines[1], "theo Quyết định của Bộ Công Thương");
        assert_eq!(lines[2], "xây dựng thủy lợi khu B xã Bình Lợi");
        // Typed text without marks has no lost vowels: a lone capital there is a label.
        let typed = "Ke hoach to chuc thuc hien Chuong trinh OCOP cua hop tac xa\n\
                     theo Quyet dinh cua B Cong Thuong\n";
        let (restored, _) = restorer.restore_text(typed);
        assert_eq!(
            restored.lines().nth(1),
            Some("theo Quyết định của B Công Thương")
        );
    }

    #[test]
    fn what_a_short_number_stood_for_in_the_pairs_prices_its_readings() {
        let table = include_str!("../../corpus/channel.tsv");
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
            restorer.judge_damage(form, &mut IdMap::default()),
            Damage::Ocr
        );
        assert_eq!(
            restorer.judge_damage(&typed, &mut IdMap::default()),
            Damage::Typed
        );
    }

    #[test]
    fn a_line_continues_an_open_sentence_that_it_starts_in_small_letters() {
        assert!(continues("triển khai thực hiện đảm", "bao dung yeu cau"));
        assert!(continues("các cấp ủy,", "  đảng, chính quyền"));
        assert!(!continues("mục tiêu đề ra.", "bao dung"));
        assert!(!continues("như sau:", "a) Tổ chức"));
        assert!(!continues("I. MỤC ĐÍCH, YÊU CẦU", "Nhằm thực hiện"));
        assert!(!continues("", "bao dung"));
        assert!(!continues("Sở Nội vụ\tchủ trì", "phối hợp"));
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
    fn chunks_are_classified() {
        assert!(matches!(classify("148/QD-TTg"), Chunk::Symbol(_)));
        assert!(is_acronym_shape("UBND") && is_acronym_shape("HĐND") && is_acronym_shape("TTr"));
        assert!(!is_acronym_shape("HOẠCH") && !is_acronym_shape("Ocop"));
        assert!(!is_acronym_shape("THU'C"));
        assert!(matches!(classify("2026"), Chunk::Fixed(_)));
        assert!(matches!(classify("16,"), Chunk::Number("", "16", ",")));
        assert!(matches!(classify("6%"), Chunk::Fixed(_)));
        assert!(matches!(classify("6."), Chunk::Fixed(_)));
        assert!(matches!(classify("26/01/2026"), Chunk::Symbol(_)));
        assert!(matches!(classify("tan/nam"), Chunk::Word(..)));
        // Rates are words; so are slashed words longer together than a word can be, but not
        // noise.
        assert!(matches!(classify("USD/thung,"), Chunk::Word(..)));
        assert!(matches!(classify("dong/nguoi/thang"), Chunk::Word(..)));
        assert!(matches!(classify("ngay……thang…nam"), Chunk::Word(..)));
        assert!(matches!(classify("cLr|kxX!Q4WZVJ5RX"), Chunk::Fixed(_)));
        assert!(matches!(classify("vtA,$wqC>F|Z51rJ{"), Chunk::Fixed(_)));
        assert!(matches!(classify("b/c"), Chunk::Symbol(_)));
        assert!(matches!(classify("https://x.vn/a"), Chunk::Fixed(_)));
        assert!(matches!(classify("(OCOP)"), Chunk::Word("(", "OCOP", ")")));
        assert!(matches!(classify("---*---"), Chunk::Fixed(_)));
        assert!(matches!(classify("“Kinh"), Chunk::Word("“", "Kinh", "")));
        assert!(matches!(classify("T6"), Chunk::Word("", "T6", "")));
        // A list dash glued to the first word ("-T6 chirc") is no symbol; one with a slash is.
        assert!(matches!(classify("-T6"), Chunk::Word("-", "T6", "")));
        assert!(matches!(classify("-148/QD-TTg"), Chunk::Symbol(_)));
        assert!(matches!(classify("QD-UBND"), Chunk::Symbol(_)));
        assert!(matches!(classify("nu@éc"), Chunk::Word(..)));
        assert!(matches!(classify("so.ocop@gmail.com"), Chunk::Fixed(_)));
    }

    #[test]
    fn symbol_soup_is_noise_but_ocr_slips_are_not() {
        assert!(looks_like_noise(
            "!qX@%I*mO#E3}&vt$6&Ku#M+4UUO#NOq@4{L>dt?J+NfL"
        ));
        assert!(!looks_like_noise(
            "thuc I}ién có hiệu quả nhóm tiêu chí “Kinh tế và tổ"
        ));
    }

    #[test]
    fn case_follows_the_written_word() {
        let plain = CaseSetting::default();
        let caps_line = CaseSetting {
            caps_line: true,
            ..plain
        };
        assert_eq!(with_case_of("tổ", "T6", plain), "Tổ");
        assert_eq!(with_case_of("hoạch", "HOACH", plain), "HOẠCH");
        assert_eq!(with_case_of("đường", "duong", plain), "đường");
        assert_eq!(with_case_of("phí", "PHi", caps_line), "PHÍ");
        // OCR: capitals that were small letters.
        let ocr_mid = CaseSetting {
            ocr: true,
            mid_line: true,
            ..plain
        };
        assert_eq!(with_case_of("bộ", "BO", ocr_mid), "Bộ");
        let beside = CaseSetting {
            caps_beside: true,
            ..ocr_mid
        };
        assert_eq!(with_case_of("xã", "XA", beside), "XÃ");
        assert_eq!(with_case_of("lợi", "Igi", ocr_mid), "lợi");
        assert_eq!(with_case_of("lợi", "Loi", ocr_mid), "Lợi");
        // A look-alike capital going on a listed word after a small word ("sản Xuất").
        let in_word = CaseSetting {
            goes_on_small: true,
            ..ocr_mid
        };
        assert_eq!(with_case_of("xuất", "Xuét", in_word), "xuất");
        assert_eq!(with_case_of("bộ", "Bo", in_word), "Bộ");
        assert_eq!(with_case_of("xuất", "Xuét", ocr_mid), "Xuất");
        assert_eq!(with_case_of("xuất", "XUAt", in_word), "xuất");
        assert_eq!(with_case_of("xuất", "XUAT", in_word), "Xuất");
        assert_eq!(
            with_case_of("lợi", "Igi", CaseSetting { ocr: true, ..plain }),
            "Lợi"
        );
        assert!(mostly_capitals("III. KINH PHi THU'C HIEN") && !mostly_capitals("Kinh phí"));
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
