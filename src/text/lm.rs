//! The syllable language model: an interpolated Kneser-Ney 4-gram model over
//! lower-case syllables, built from clean Vietnamese text, saved in a compact
//! binary file and embedded in the binary (built from the project's `corpus/`).
//!
//! Words that are not Vietnamese syllables (numbers, acronyms, foreign words)
//! all count as one word, [`OTHER`]; punctuation is not a word. Each line
//! starts with three [`START`] words and ends with [`LINE_END`], so the model learns which
//! words end a paragraph or a table cell; a line wrapped mid-sentence is read on from the line
//! before, as restoration reads it ([`continues`]). The model file also keeps the parts of
//! acronyms and document symbols written with Đ ("QĐ", "HĐND", "BGDĐT") seen in the text, so
//! restoration can put Đ back where OCR or plain typing lost it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::syllable::{is_word_char, strip_marks};
use super::words::{Written, continues, is_acronym_shape, line_words};

/// Id of the line-start word.
pub const START: u32 = 0;
/// Id of the end of a line, as a word the model predicts: the line-start word, which no
/// history is otherwise followed by.
pub const LINE_END: u32 = START;
/// Id shared by every word that is not a Vietnamese syllable.
pub const OTHER: u32 = 1;
/// Id of a syllable the model never saw.
pub const UNKNOWN: u32 = 2;

/// Whether `w`, after a history ending in `last`, goes on a run of other words ("26/12/1991
/// QĐ-UBND"): such a run is one word, in training and in restoration alike.
pub fn continues_run(last: u32, w: u32) -> bool {
    w == OTHER && last == OTHER
}

/// The history after `history` and then `w` (unchanged when `w` goes on a run of other words).
pub fn history_with(history: [u32; HISTORY], w: u32) -> [u32; HISTORY] {
    let [_, u, v] = history;
    if continues_run(v, w) {
        history
    } else {
        [u, v, w]
    }
}
const RESERVED: [&str; 3] = ["<s>", "<o>", "<unk>"];
const MAGIC: &[u8; 6] = b"KHLM3\n";
/// The previous format: the same without case counts (still read; case then says nothing).
const MAGIC_V2: &[u8; 6] = b"KHLM2\n";
/// Weight of the share of title-case writings over all words, in the estimate for one word
/// (a word seen a few times is not trusted to be a name).
const CASE_PRIOR: f64 = 4.0;
/// Words of history the model conditions on (a 4-gram model).
pub const HISTORY: usize = 3;
const ID_BITS: u32 = 16;
const MAX_VOCAB: usize = 1 << ID_BITS;

/// The one-syllable names of administrative units. They stand in the same places in
/// administrative text ("trên địa bàn xã", "UBND phường", "cấp huyện"), so every 4-gram that
/// ends in one of them is also counted ending in each of the others: a ward's plan is read with
/// what the communes' plans taught. What follows each differs ("quận 5", "xã Vĩnh Tuy"), so a
/// 4-gram with a unit before its last word is counted as it is.
const ADMIN_UNITS: [&str; 5] = ["xã", "phường", "huyện", "quận", "tỉnh"];

/// How a document's count of one 4-gram adds to the model's: raised to this power, rounded up.
/// A phrase one document repeats ("thời hiệu khởi kiện" in the Civil Code) says more about that
/// document than about the language, and an n-gram seen in many documents counts more than one
/// seen as often in one (measured in `docs/restore-history.md`, session 15).
const DOCUMENT_POWER: f64 = 0.5;

/// A multiplicative hasher for the model's integer keys (std's SipHash is needlessly slow here).
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        // A product's low bits come from its factors' low bits only: fold the high ones in.
        self.0 ^ (self.0 >> 32)
    }
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time; the last few padded with zeros (a word's bytes have none).
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut eight = [0; 8];
            eight.copy_from_slice(word);
            self.write_u64(u64::from_le_bytes(eight));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut eight = [0; 8];
            eight[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(eight));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
}

/// A hash map keyed by packed word ids.
pub type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// Packs word ids (up to four) into one key, the last id in the lowest bits.
pub(crate) fn pack(ids: &[u32]) -> u64 {
    ids.iter()
        .fold(0u64, |key, &id| (key << ID_BITS) | u64::from(id))
}

/// The four ids of a packed 4-gram key, oldest first.
fn unpack4(key: u64) -> [u32; 4] {
    let mask = (1u64 << ID_BITS) - 1;
    [3, 2, 1, 0].map(|i| ((key >> (i * ID_BITS)) & mask) as u32)
}

/// Error reading a model file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes are not a model file of this version.
    #[error("not a kehoach language model file (bad header)")]
    BadHeader,
    /// The file ends early or holds an impossible value.
    #[error("damaged language model file: {0}")]
    Damaged(&'static str),
}

/// N-gram counts gathered from clean text; [`NgramCounts::build`] turns them into a model.
#[derive(Default)]
pub struct NgramCounts {
    vocab: Vec<String>,
    index: HashMap<String, u32>,
    fourgrams: IdMap<u64, u32>,
    symbol_parts: HashMap<String, u32>,
    /// How often each run of capitals with a D but no Đ was seen ("DN", "GD"): the plain
    /// spelling a Đ-part must be commoner than to be learned.
    plain_parts: HashMap<String, u32>,
    /// The ids of [`ADMIN_UNITS`].
    units: Vec<u32>,
    /// How often each word was seen (unit variants not included).
    seen: Vec<u64>,
    /// Per word: how often it was written in title case and in lower case after another word
    /// of its line ([`CaseCounts`]).
    cases: Vec<CaseCounts>,
}

/// How often a word was written in title case ("Quận 1", "Nguyễn") and in lower case ("quan
/// hệ") after another word of its line, where case tells names from common words.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct CaseCounts {
    /// Title-case writings.
    pub title: u32,
    /// Lower-case writings.
    pub lower: u32,
}

impl NgramCounts {
    /// Empty counts.
    pub fn new() -> NgramCounts {
        let mut counts = NgramCounts::default();
        for word in RESERVED {
            counts.intern(word);
        }
        counts.units = ADMIN_UNITS.iter().map(|w| counts.intern(w)).collect();
        counts
    }

    /// Counts one 4-gram, and its variants ending in each other administrative unit where it
    /// ends in one written as a common word (`common`: in lower case, not in a name or a list
    /// of places).
    fn count(&mut self, gram: [u32; 4], common: bool) {
        *self.fourgrams.entry(pack(&gram)).or_default() += 1;
        self.seen[gram[3] as usize] += 1;
        if !common || !self.units.contains(&gram[3]) {
            return;
        }
        for &unit in self.units.iter().filter(|&&u| u != gram[3]) {
            let mut variant = gram;
            variant[3] = unit;
            *self.fourgrams.entry(pack(&variant)).or_default() += 1;
        }
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.index.get(word) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.push(word.to_string());
        self.seen.push(0);
        self.cases.push(CaseCounts::default());
        self.index.insert(word.to_string(), id);
        id
    }

    /// Counts the 4-grams of every line of `text`, one document (each 4-gram's count in it
    /// damped, see `DOCUMENT_POWER`), and the Đ-parts of its document symbols.
    pub fn add_text(&mut self, text: &str) {
        let before = std::mem::take(&mut self.fourgrams);
        self.count_lines(text);
        let document = std::mem::replace(&mut self.fourgrams, before);
        for (key, c) in document {
            let damped = f64::from(c).powf(DOCUMENT_POWER).ceil() as u32;
            *self.fourgrams.entry(key).or_default() += damped;
        }
    }

    /// Counts the 4-grams of every line of `text` as they are, into `fourgrams`. A line that
    /// goes on with the sentence of the line before ([`continues`]: text wrapped at a page's
    /// width) is counted after that line's words, as restoration reads it, and that line's end
    /// is not a line's end.
    fn count_lines(&mut self, text: &str) {
        // The line before and the history its words left, while its end waits on this line.
        let mut open: Option<(&str, [u32; HISTORY])> = None;
        for line in text.lines() {
            let history = match open.take() {
                Some((before, history)) if continues(before, line) => history,
                Some((_, history)) => {
                    self.count_line_end(history);
                    [START; HISTORY]
                }
                None => [START; HISTORY],
            };
            if line.contains('\t') {
                // Table cells (between tabs) are separate texts, as restoration reads them.
                for cell in line.split('\t') {
                    let history = self.count_words(cell, [START; HISTORY]);
                    self.count_line_end(history);
                }
            } else {
                open = Some((line, self.count_words(line, history)));
            }
        }
        if let Some((_, history)) = open {
            self.count_line_end(history);
        }
    }

    /// Counts the 4-grams of the words of `text` read after `history`, their case, and the
    /// capital runs of its document symbols; returns the history its last words leave.
    fn count_words(&mut self, text: &str, mut history: [u32; HISTORY]) -> [u32; HISTORY] {
        // Whether a word came before in the sentence: a line's first one is capitalised anyway.
        let mut after_word = history != [START; HISTORY];
        for (word, written) in line_words(text) {
            let lower = written == Written::Lower;
            let w = match word {
                Some(key) if self.vocab.len() < MAX_VOCAB => self.intern(&key),
                Some(_) => UNKNOWN,
                None => OTHER,
            };
            if w != OTHER && w != UNKNOWN {
                let cases = &mut self.cases[w as usize];
                match written {
                    Written::Title if after_word => cases.title += 1,
                    Written::Lower if after_word => cases.lower += 1,
                    _ => {}
                }
                after_word = true;
            }
            // A run of other words ("26/12/1991", "QĐ-UBND") is one word, as restoration reads it.
            if continues_run(history[HISTORY - 1], w) {
                continue;
            }
            let [t, u, v] = history;
            self.count([t, u, v, w], lower);
            history = [u, v, w];
        }
        for part in capital_runs(text) {
            let counts = if part.contains('Đ') {
                &mut self.symbol_parts
            } else {
                &mut self.plain_parts
            };
            *counts.entry(part.to_string()).or_default() += 1;
        }
        history
    }

    /// Counts a line's end after `history`, unless no word came before it.
    fn count_line_end(&mut self, history: [u32; HISTORY]) {
        if history != [START; HISTORY] {
            let [t, u, v] = history;
            self.count([t, u, v, LINE_END], false);
        }
    }

    /// Puts back pruned 4-grams until the first three words of every kept 4-gram end a kept
    /// one, as they do in unpruned counts (where each 4-gram follows the one before it in the
    /// text, back to the start of a line). Scoring relies on it: a history's longer contexts
    /// are looked up only when the n-gram ending in its last word was seen.
    fn close_prefixes(&self, kept: &mut IdMap<u64, u32>) {
        const TRIGRAM: u64 = (1 << (3 * ID_BITS)) - 1;
        let line_start = pack(&[START; HISTORY]);
        // For each three words, the most frequent 4-gram ending in them.
        let mut ending: IdMap<u64, (u64, u32)> = IdMap::default();
        for (&key, &c) in &self.fourgrams {
            let best = ending.entry(key & TRIGRAM).or_insert((key, c));
            if (c, key) > (best.1, best.0) {
                *best = (key, c);
            }
        }
        let mut ends: IdMap<u64, ()> = kept.keys().map(|&k| (k & TRIGRAM, ())).collect();
        let mut todo: Vec<u64> = kept.keys().copied().collect();
        while let Some(key) = todo.pop() {
            let prefix = key >> ID_BITS;
            if prefix == line_start || ends.contains_key(&prefix) {
                continue;
            }
            if let Some(&(before, c)) = ending.get(&prefix) {
                kept.insert(before, c);
                ends.insert(prefix, ());
                todo.push(before);
            }
        }
    }

    /// The model; 4-grams seen fewer than `min_count` times are dropped to keep it small, except
    /// those the kept ones need before them (see `NgramCounts::close_prefixes`).
    pub fn build(&self, min_count: u32) -> LanguageModel {
        let mut kept: IdMap<u64, u32> = self
            .fourgrams
            .iter()
            .filter(|&(_, &c)| c >= min_count.max(1))
            .map(|(&k, &c)| (k, c))
            .collect();
        if kept.len() < self.fourgrams.len() {
            self.close_prefixes(&mut kept);
        }
        let mut fourgrams: Vec<(u64, u32)> = kept.into_iter().collect();
        fourgrams.sort_unstable();
        let parts = learned_symbol_parts(&self.symbol_parts, &self.plain_parts);
        LanguageModel::from_counts(self.vocab.clone(), &fourgrams, parts, self.cases.clone())
    }

    /// The syllables seen, with how often, most frequent first.
    pub fn syllable_counts(&self) -> Vec<(String, u64)> {
        let mut list: Vec<(String, u64)> = self
            .vocab
            .iter()
            .zip(self.seen.iter().copied())
            .skip(RESERVED.len())
            .filter(|(w, c)| *c > 0 && !is_acronym_shape(w))
            .map(|(w, c)| (w.clone(), c))
            .collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        list
    }
}

/// Upper-case runs with a Đ or a D: acronyms and parts of document symbols ("148/QĐ-TTg"
/// gives "QĐ", "DN" is "doanh nghiệp").
fn capital_runs(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !is_word_char(c)).filter(|part| {
        part.contains(['Đ', 'D'])
            && part.chars().count() >= 2
            && part.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
    })
}

/// Keeps the Đ-parts seen at least twice that are commoner than their other spellings, with Đ
/// elsewhere or with D ("ĐT" is kept, "ĐN" is not where "DN" is commoner).
fn learned_symbol_parts(
    counts: &HashMap<String, u32>,
    plain: &HashMap<String, u32>,
) -> Vec<String> {
    let mut best: HashMap<String, (&str, u32)> = HashMap::new();
    for (part, &n) in counts {
        let plain = strip_marks(part);
        let entry = best.entry(plain).or_insert((part, 0));
        // Equal counts go to the first spelling in order, so that a build never depends on
        // hash order.
        if (n, std::cmp::Reverse(part.as_str())) > (entry.1, std::cmp::Reverse(entry.0)) {
            *entry = (part, n);
        }
    }
    let mut parts: Vec<String> = best
        .into_iter()
        .filter(|(stripped, (_, n))| *n >= 2 && *n > plain.get(stripped).copied().unwrap_or(0))
        .map(|(_, (p, _))| p.to_string())
        .collect();
    parts.sort();
    parts
}

/// A 4-gram language model over syllables, ready to score.
pub struct LanguageModel {
    vocab: Vec<String>,
    index: HashMap<String, u32>,
    fourgram_counts: Vec<(u64, u32)>,
    unigram: Vec<f32>,
    /// Per word: the log backoff weight of the bigrams after it.
    bigram_backoff: Vec<f32>,
    /// Per word: where the bigrams after it are in `bigram`.
    bigram_after: Vec<(u32, u32)>,
    /// Bigrams: the second word and log P, sorted by first word, then second.
    bigram: Vec<(u32, f32)>,
    trigram: Order,
    fourgram: Order,
    symbol_parts: Vec<String>,
    /// Per word: how it was written after another word of its line (empty in older files).
    cases: Vec<CaseCounts>,
    /// Per word: −ln P(title case | the word) and −ln P(lower case | the word).
    case_costs: Vec<(f32, f32)>,
    /// Whether the model's text taught it where lines end (models built before [`LINE_END`]
    /// was counted did not).
    ends_learned: bool,
}

/// Per word, the costs of seeing it written in title case and in lower case: its own share
/// of title-case writings, drawn towards the share over all words when it was seen rarely.
/// An administrative unit ([`ADMIN_UNITS`]) is the exception: it takes title case only as the
/// head of a name ("Quận Ba Đình"), so how often text capitalises it says how many names the
/// text lists (a list of places capitalises every one), not what it is. Written in small
/// letters ("các quận, huyện", "quận 12") it costs nothing.
fn case_costs(vocab: &[String], cases: &[CaseCounts]) -> Vec<(f32, f32)> {
    let (title, all) = cases.iter().fold((0u64, 0u64), |(t, a), c| {
        (
            t + u64::from(c.title),
            a + u64::from(c.title) + u64::from(c.lower),
        )
    });
    let share = (title as f64 + 1.0) / (all as f64 + 2.0);
    cases
        .iter()
        .zip(vocab)
        .map(|(c, word)| {
            let p = (f64::from(c.title) + CASE_PRIOR * share)
                / (f64::from(c.title) + f64::from(c.lower) + CASE_PRIOR);
            let lower = if ADMIN_UNITS.contains(&word.as_str()) {
                0.0
            } else {
                -((1.0 - p).ln()) as f32
            };
            (-(p.ln()) as f32, lower)
        })
        .collect()
}

/// The n-grams of one order above two that follow one context: the context's log backoff
/// weight and where its n-grams are in the order's list.
#[derive(Clone, Copy)]
struct Span {
    backoff: f32,
    start: u32,
    end: u32,
}

/// One order of the model (trigrams or 4-grams), laid out so that the words following a
/// context are side by side: one look-up finds a history, and its followers are then
/// searched in a few adjacent cache lines rather than in a table of millions.
#[derive(Default)]
struct Order {
    /// Per packed context (its two or three words): its span.
    contexts: IdMap<u64, Span>,
    /// Per n-gram, sorted by context, then by last word: the last word and log P.
    followers: Vec<(u32, f32)>,
}

impl Order {
    /// An order from its n-grams (packed key, log P) and each context's log backoff weight.
    fn new(mut grams: Vec<(u64, f32)>, backoff: impl Fn(u64) -> f32) -> Order {
        grams.sort_unstable_by_key(|&(key, _)| key);
        let mask = (1u64 << ID_BITS) - 1;
        let mut order = Order {
            contexts: IdMap::default(),
            followers: Vec::with_capacity(grams.len()),
        };
        for (key, p) in grams {
            let at = order.followers.len() as u32;
            order
                .contexts
                .entry(key >> ID_BITS)
                .and_modify(|span| span.end = at + 1)
                .or_insert_with(|| Span {
                    backoff: backoff(key >> ID_BITS),
                    start: at,
                    end: at + 1,
                });
            order.followers.push(((key & mask) as u32, p));
        }
        order
    }

    /// The followers of a context and its backoff weight, if the context was ever followed.
    fn after(&self, context: u64) -> Option<(f32, &[(u32, f32)])> {
        let span = self.contexts.get(&context)?;
        Some((
            span.backoff,
            &self.followers[span.start as usize..span.end as usize],
        ))
    }
}

/// log P of `w` among a context's followers, if it is one of them.
fn find(followers: &[(u32, f32)], w: u32) -> Option<f32> {
    followers
        .binary_search_by_key(&w, |&(word, _)| word)
        .ok()
        .map(|i| followers[i].1)
}

/// Modified Kneser-Ney discounts (Chen and Goodman) for n-grams seen once, twice and three or
/// more times, from the counts of counts n1..n4.
#[derive(Clone, Copy)]
struct Discounts([f64; 3]);

impl Discounts {
    fn estimate<'a>(counts: impl Iterator<Item = &'a u32>) -> Discounts {
        let mut n = [0f64; 5];
        for &c in counts {
            if (1..=4).contains(&c) {
                n[c as usize] += 1.0;
            }
        }
        if n[1] == 0.0 || n[2] == 0.0 || n[3] == 0.0 {
            return Discounts([0.5, 1.0, 1.5]);
        }
        let y = n[1] / (n[1] + 2.0 * n[2]);
        let d = |k: usize| (k as f64 - (k + 1) as f64 * y * n[k + 1] / n[k]).clamp(0.05, k as f64);
        Discounts([d(1), d(2), d(3)])
    }

    /// The discount taken from a count.
    fn of(self, count: u32) -> f64 {
        match count {
            0 => 0.0,
            1 => self.0[0],
            2 => self.0[1],
            _ => self.0[2],
        }
    }
}

/// What a context was followed by: the total count, and how many distinct words it was
/// followed by once, twice, and three or more times.
#[derive(Default, Clone, Copy)]
struct Followers {
    total: u32,
    by_count: [u32; 3],
}

impl Followers {
    fn add(&mut self, count: u32) {
        self.total += count;
        self.by_count[(count.min(3) - 1) as usize] += 1;
    }

    /// The probability mass the discounts move to the lower level.
    fn backoff_mass(self, d: Discounts) -> f64 {
        if self.total == 0 {
            return 1.0;
        }
        let moved: f64 = (0..3).map(|i| d.0[i] * f64::from(self.by_count[i])).sum();
        moved / f64::from(self.total)
    }
}

impl LanguageModel {
    /// The model from its vocabulary and sorted 4-gram counts (interpolated Kneser-Ney).
    fn from_counts(
        vocab: Vec<String>,
        fourgrams: &[(u64, u32)],
        symbol_parts: Vec<String>,
        cases: Vec<CaseCounts>,
    ) -> LanguageModel {
        let v = vocab.len();
        // 4-gram level: raw counts; per context, what followed it.
        // Each lower level counts continuations: N1+(· x w), the distinct words seen before x w.
        let mut ctx4: IdMap<u64, Followers> = IdMap::default();
        let mut cont3: IdMap<u64, u32> = IdMap::default();
        for &(key, c) in fourgrams {
            let [a, b, x, w] = unpack4(key);
            ctx4.entry(pack(&[a, b, x])).or_default().add(c);
            *cont3.entry(pack(&[b, x, w])).or_default() += 1;
        }
        let mut ctx3: IdMap<u64, Followers> = IdMap::default();
        let mut cont2: IdMap<u64, u32> = IdMap::default();
        for (&key, &c) in &cont3 {
            let [_, b, x, w] = unpack4(key);
            ctx3.entry(pack(&[b, x])).or_default().add(c);
            *cont2.entry(pack(&[x, w])).or_default() += 1;
        }
        let mut ctx2 = vec![Followers::default(); v];
        let mut cont1 = vec![0u32; v];
        for (&key, &c) in &cont2 {
            let [_, _, x, w] = unpack4(key);
            ctx2[x as usize].add(c);
            cont1[w as usize] += 1;
        }
        let d4 = Discounts::estimate(fourgrams.iter().map(|(_, c)| c));
        let d3 = Discounts::estimate(cont3.values());
        let d2 = Discounts::estimate(cont2.values());
        let d1 = Discounts::estimate(cont1.iter());
        let total1: f64 = cont1.iter().map(|&c| f64::from(c)).sum::<f64>().max(1.0);
        let moved1: f64 = cont1.iter().map(|&c| d1.of(c)).sum();
        let uniform = 1.0 / (v as f64 + 1.0);
        let p1: Vec<f64> = cont1
            .iter()
            .map(|&c| (f64::from(c) - d1.of(c)).max(0.0) / total1 + moved1 / total1 * uniform)
            .collect();
        let unigram: Vec<f32> = p1
            .iter()
            .enumerate()
            .map(|(i, &p)| {
                let p = if i == UNKNOWN as usize {
                    moved1 / total1 * uniform
                } else {
                    p
                };
                p.max(1e-12).ln() as f32
            })
            .collect();
        // Interpolated probability at one level: discounted count plus the backed-off mass.
        let interpolate = |c: u32, ctx: Followers, d: Discounts, lower: f64| -> f64 {
            if ctx.total == 0 {
                return lower;
            }
            (f64::from(c) - d.of(c)).max(0.0) / f64::from(ctx.total) + ctx.backoff_mass(d) * lower
        };
        let p2 = |x: u32, w: u32| -> f64 {
            let c = cont2.get(&pack(&[x, w])).copied().unwrap_or(0);
            interpolate(c, ctx2[x as usize], d2, p1[w as usize])
        };
        let p3 = |b: u32, x: u32, w: u32| -> f64 {
            let c = cont3.get(&pack(&[b, x, w])).copied().unwrap_or(0);
            let ctx = ctx3.get(&pack(&[b, x])).copied().unwrap_or_default();
            interpolate(c, ctx, d3, p2(x, w))
        };
        let bigram_backoff: Vec<f32> = ctx2
            .iter()
            .map(|&ctx| ctx.backoff_mass(d2).ln() as f32)
            .collect();
        let mut bigrams: Vec<(u64, f32)> = cont2
            .keys()
            .map(|&key| {
                let [_, _, x, w] = unpack4(key);
                (key, p2(x, w).ln() as f32)
            })
            .collect();
        bigrams.sort_unstable_by_key(|&(key, _)| key);
        let mut bigram_after = vec![(0u32, 0u32); v];
        let mut bigram = Vec::with_capacity(bigrams.len());
        for (key, p) in bigrams {
            let [_, _, x, w] = unpack4(key);
            let at = bigram.len() as u32;
            let span = &mut bigram_after[x as usize];
            if span.1 == 0 {
                span.0 = at;
            }
            span.1 = at + 1;
            bigram.push((w, p));
        }
        let trigram = Order::new(
            cont3
                .keys()
                .map(|&key| {
                    let [_, b, x, w] = unpack4(key);
                    (key, p3(b, x, w).ln() as f32)
                })
                .collect(),
            |context| ctx3[&context].backoff_mass(d3).ln() as f32,
        );
        let fourgram = Order::new(
            fourgrams
                .iter()
                .map(|&(key, c)| {
                    let [a, b, x, w] = unpack4(key);
                    let ctx = ctx4[&pack(&[a, b, x])];
                    (key, interpolate(c, ctx, d4, p3(b, x, w)).ln() as f32)
                })
                .collect(),
            |context| ctx4[&context].backoff_mass(d4).ln() as f32,
        );
        let index = vocab
            .iter()
            .enumerate()
            .map(|(i, w)| (w.clone(), i as u32))
            .collect();
        let case_costs = case_costs(&vocab, &cases);
        let ends_learned = cont1[LINE_END as usize] > 0;
        LanguageModel {
            vocab,
            index,
            fourgram_counts: fourgrams.to_vec(),
            unigram,
            bigram_backoff,
            bigram_after,
            bigram,
            trigram,
            fourgram,
            symbol_parts,
            cases,
            case_costs,
            ends_learned,
        }
    }

    /// Builds a model from clean texts (4-grams seen fewer than `min_count` times are dropped).
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>, min_count: u32) -> Self {
        let mut counts = NgramCounts::new();
        for text in texts {
            counts.add_text(text);
        }
        counts.build(min_count)
    }

    /// The counts this model was built from, to add more text to ([`NgramCounts::add_text`])
    /// and build an adapted model: its 4-grams, its words' case counts, and its Đ symbol parts
    /// (each as if seen twice, the fewest a part needs to be kept).
    pub fn counts(&self) -> NgramCounts {
        let mut seen = vec![0u64; self.vocab.len()];
        for &(key, c) in &self.fourgram_counts {
            seen[unpack4(key)[3] as usize] += u64::from(c);
        }
        let mut cases = self.cases.clone();
        cases.resize(self.vocab.len(), CaseCounts::default());
        let mut counts = NgramCounts {
            vocab: self.vocab.clone(),
            index: self.index.clone(),
            fourgrams: self.fourgram_counts.iter().copied().collect(),
            symbol_parts: self.symbol_parts.iter().map(|p| (p.clone(), 2)).collect(),
            plain_parts: HashMap::new(),
            units: Vec::new(),
            seen,
            cases,
        };
        counts.units = ADMIN_UNITS.iter().map(|w| counts.intern(w)).collect();
        counts
    }

    /// The default model, built from the project's `corpus/text/` and `corpus/public/` and embedded in the binary.
    pub fn embedded() -> &'static LanguageModel {
        static MODEL: OnceLock<LanguageModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            LanguageModel::from_bytes(include_bytes!("../../corpus/model.bin"))
                .expect("the embedded corpus/model.bin is a valid model (rebuild it with `kehoach model build`)")
        })
    }

    /// The id of a syllable key ([`syllable_key`](super::words::syllable_key)), or [`UNKNOWN`].
    pub fn id(&self, key: &str) -> u32 {
        self.index.get(key).copied().unwrap_or(UNKNOWN)
    }

    /// Number of words in the vocabulary (reserved words included).
    pub fn vocab_len(&self) -> usize {
        self.vocab.len()
    }

    /// The words in the vocabulary: syllable keys and acronyms.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.vocab[RESERVED.len()..].iter().map(String::as_str)
    }

    /// Acronyms and symbol parts written with Đ that the training text showed ("QĐ", "HĐND").
    pub fn symbol_parts(&self) -> &[String] {
        &self.symbol_parts
    }

    /// Natural log of P(w | history), the history oldest word first.
    pub fn log_prob(&self, history: [u32; HISTORY], w: u32) -> f32 {
        self.context(history).log_prob(w)
    }

    /// −ln P(a word is written so | the word), for a word after another of its line: what its
    /// case says about it ("Quận 5" is a district, "quan hệ" is not). Zero for other writings
    /// and for models without case counts.
    pub fn case_cost(&self, id: u32, written: Written) -> f32 {
        match (self.case_costs.get(id as usize), written) {
            (Some(&(title, _)), Written::Title) => title,
            (Some(&(_, lower)), Written::Lower) => lower,
            _ => 0.0,
        }
    }

    /// The history a line's words leave behind, counted as training counts them (a run of
    /// other words is one word; a line of fewer than three words keeps the line's start).
    pub fn history_after(&self, line: &str) -> [u32; HISTORY] {
        let mut history = [START; HISTORY];
        let mut filled = 0;
        // Read from the line's end, as far back as the history reaches.
        for (key, _) in line_words(line).rev() {
            let w = key.map_or(OTHER, |k| self.id(&k));
            if filled > 0 && continues_run(history[HISTORY - filled], w) {
                continue;
            }
            filled += 1;
            history[HISTORY - filled] = w;
            if filled == HISTORY {
                break;
            }
        }
        history
    }

    /// Natural log of P(the line ends | its last word is `last`), from the bigrams alone: which
    /// words end a paragraph or a cell holds across kinds of text better than which phrases do
    /// (scored after the whole history, the embedded model read the second-to-last word of
    /// the development text worse by more than it read the last one better: "quận 12" ending
    /// a cell became "quân 12"). `None` when the model never learned where lines end.
    pub fn log_prob_line_end(&self, last: u32) -> Option<f32> {
        self.ends_learned.then(|| {
            self.context_matched([START, START, last], 1)
                .log_prob(LINE_END)
        })
    }

    /// A history looked up once, to score many next words quickly.
    pub fn context(&self, history: [u32; HISTORY]) -> Context<'_> {
        self.context_matched(history, HISTORY + 1)
    }

    /// [`LanguageModel::context`] for a history whose last word scored with an n-gram of
    /// `matched` words ([`Context::log_prob_matched`]): the history's longer contexts, which
    /// were never seen unless that n-gram was, are not looked up in vain.
    pub fn context_matched(&self, history: [u32; HISTORY], matched: usize) -> Context<'_> {
        let [t, u, v] = history;
        // "u v" was followed by a word only if the bigram "u v" was seen, and "t u v" only
        // if the trigram was.
        let three = (matched >= 2)
            .then(|| self.trigram.after(pack(&[u, v])))
            .flatten();
        let four = (matched >= 3 && three.is_some())
            .then(|| self.fourgram.after(pack(&[t, u, v])))
            .flatten();
        let (start, end) = self.bigram_after[v as usize];
        Context {
            model: self,
            last: v,
            two: &self.bigram[start as usize..end as usize],
            backoff4: four.map_or(0.0, |f| f.0),
            backoff3: three.map_or(0.0, |f| f.0),
            four: four.map_or(&[], |f| f.1),
            three: three.map_or(&[], |f| f.1),
        }
    }

    /// The model as bytes: header, vocabulary, Đ symbol parts, delta-coded sorted 4-gram
    /// counts, then per word its case counts.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        put_varint(&mut out, self.vocab.len() as u64);
        for w in &self.vocab {
            put_varint(&mut out, w.len() as u64);
            out.extend_from_slice(w.as_bytes());
        }
        put_varint(&mut out, self.symbol_parts.len() as u64);
        for p in &self.symbol_parts {
            put_varint(&mut out, p.len() as u64);
            out.extend_from_slice(p.as_bytes());
        }
        put_varint(&mut out, self.fourgram_counts.len() as u64);
        let mut last = 0u64;
        for &(key, c) in &self.fourgram_counts {
            put_varint(&mut out, key - last);
            put_varint(&mut out, u64::from(c));
            last = key;
        }
        for c in &self.cases {
            put_varint(&mut out, u64::from(c.title));
            put_varint(&mut out, u64::from(c.lower));
        }
        out
    }

    /// Reads a model written by [`LanguageModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<LanguageModel, ModelError> {
        let (rest, with_cases) = match bytes.strip_prefix(MAGIC) {
            Some(rest) => (rest, true),
            None => (
                bytes.strip_prefix(MAGIC_V2).ok_or(ModelError::BadHeader)?,
                false,
            ),
        };
        let mut r = Reader(rest);
        let n = r.count(MAX_VOCAB)?;
        if n < RESERVED.len() {
            return Err(ModelError::Damaged("vocabulary too small"));
        }
        let vocab = (0..n).map(|_| r.string()).collect::<Result<Vec<_>, _>>()?;
        let n_parts = r.count(1 << 16)?;
        let parts = (0..n_parts)
            .map(|_| r.string())
            .collect::<Result<Vec<_>, _>>()?;
        let n_grams = r.count(1 << 28)?;
        let mut fourgrams = Vec::with_capacity(n_grams.min(1 << 20));
        let mut key = 0u64;
        for _ in 0..n_grams {
            key = key
                .checked_add(r.varint()?)
                .ok_or(ModelError::Damaged("key overflow"))?;
            let c = u32::try_from(r.varint()?).map_err(|_| ModelError::Damaged("count"))?;
            if unpack4(key).iter().any(|&id| id as usize >= n) {
                return Err(ModelError::Damaged("word id out of range"));
            }
            fourgrams.push((key, c));
        }
        let mut cases = Vec::new();
        if with_cases {
            for _ in 0..n {
                let mut count =
                    || u32::try_from(r.varint()?).map_err(|_| ModelError::Damaged("case count"));
                cases.push(CaseCounts {
                    title: count()?,
                    lower: count()?,
                });
            }
        }
        Ok(LanguageModel::from_counts(vocab, &fourgrams, parts, cases))
    }
}

/// A history looked up once: what followed it at each order, to score the next word.
pub struct Context<'m> {
    model: &'m LanguageModel,
    /// The history's last word.
    last: u32,
    backoff4: f32,
    backoff3: f32,
    /// The words that followed the whole history, with log P (empty if none ever did).
    four: &'m [(u32, f32)],
    /// The words that followed its last two words.
    three: &'m [(u32, f32)],
    /// The words that followed its last word.
    two: &'m [(u32, f32)],
}

impl Context<'_> {
    /// Natural log of P(w | this history).
    pub fn log_prob(&self, w: u32) -> f32 {
        self.log_prob_matched(w).0
    }

    /// Natural log of P(w | this history), and the length of the longest n-gram ending in w
    /// that the model has seen (1 when w never followed the history's last word).
    pub fn log_prob_matched(&self, w: u32) -> (f32, usize) {
        let m = self.model;
        // A word that never followed the last word never ended a longer n-gram after it either.
        let Some(bigram) = find(self.two, w) else {
            let p = self.backoff4
                + self.backoff3
                + m.bigram_backoff[self.last as usize]
                + m.unigram[w as usize];
            return (p, 1);
        };
        if let Some(p) = find(self.four, w) {
            return (p, 4);
        }
        if let Some(p) = find(self.three, w) {
            return (self.backoff4 + p, 3);
        }
        (self.backoff4 + self.backoff3 + bigram, 2)
    }
}

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// A cursor over model bytes.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let (&b, rest) = self
                .0
                .split_first()
                .ok_or(ModelError::Damaged("file ends early"))?;
            self.0 = rest;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(ModelError::Damaged("number too long"))
    }

    fn count(&mut self, max: usize) -> Result<usize, ModelError> {
        let n = self.varint()?;
        usize::try_from(n)
            .ok()
            .filter(|&n| n <= max)
            .ok_or(ModelError::Damaged("count too large"))
    }

    fn string(&mut self) -> Result<String, ModelError> {
        let len = self.count(1 << 16)?;
        if len > self.0.len() {
            return Err(ModelError::Damaged("file ends early"));
        }
        let (s, rest) = self.0.split_at(len);
        self.0 = rest;
        String::from_utf8(s.to_vec()).map_err(|_| ModelError::Damaged("word is not UTF-8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> LanguageModel {
        LanguageModel::from_texts(
            [
                "Cộng hòa xã hội chủ nghĩa Việt Nam\nỦy ban nhân dân tỉnh, số 12/QĐ-UBND",
                "Ủy ban nhân dân huyện\nQuyết định 5/QĐ-TTg của Ủy ban nhân dân",
            ],
            1,
        )
    }

    #[test]
    fn a_model_rebuilt_from_its_counts_scores_alike_and_learns_more() {
        let model = small();
        let rebuilt = model.counts().build(1);
        let ids = |m: &LanguageModel, words: &[&str]| -> Vec<u32> {
            words.iter().map(|w| m.id(w)).collect()
        };
        let line = ["ủy", "ban", "nhân", "dân", "tỉnh"];
        let score = |m: &LanguageModel| {
            let mut h = [START; HISTORY];
            ids(m, &line).iter().fold(0.0, |total, &w| {
                let p = m.log_prob(h, w);
                h = [h[1], h[2], w];
                total + p
            })
        };
        assert!((score(&model) - score(&rebuilt)).abs() < 1e-4);
        assert_eq!(rebuilt.symbol_parts(), model.symbol_parts());
        // More text: a new word, and the old ones' counts kept.
        let mut counts = model.counts();
        counts.add_text("Ủy ban nhân dân phường Yên Hòa");
        let adapted = counts.build(1);
        assert_ne!(adapted.id("yên"), UNKNOWN);
        assert_eq!(model.id("yên"), UNKNOWN);
        assert!(adapted.log_prob([START; HISTORY], adapted.id("ủy")) > -2.0);
    }

    #[test]
    fn pruned_models_keep_what_their_n_grams_follow() {
        // "ủy ban nhân dân" is seen twice, each time after another word: its 4-grams before
        // it are seen once.
        let text = "thường trực ủy ban nhân dân ban hành kế hoạch\n\
                    đảng ủy ban nhân dân ban hành kế hoạch năm nay";
        let full = LanguageModel::from_texts([text], 1);
        let pruned = LanguageModel::from_texts([text], 2);
        assert!(pruned.fourgram_counts.len() < full.fourgram_counts.len());
        let trigram = (1u64 << (3 * ID_BITS)) - 1;
        let ends: Vec<u64> = pruned
            .fourgram_counts
            .iter()
            .map(|(k, _)| k & trigram)
            .collect();
        for &(key, _) in &pruned.fourgram_counts {
            let history = key >> ID_BITS;
            assert!(
                history == pack(&[START; HISTORY]) || ends.contains(&history),
                "{:?} kept, but nothing ending in its first three words",
                unpack4(key)
            );
        }
        // Scoring a word after a history reached word by word gives the full look-up's answer.
        let ids: Vec<u32> = "đảng ủy ban nhân dân ban hành kế hoạch năm nay"
            .split(' ')
            .map(|w| pruned.id(w))
            .collect();
        let mut history = [START; HISTORY];
        let mut matched = HISTORY + 1;
        for &w in &ids {
            let (p, m) = pruned.context_matched(history, matched).log_prob_matched(w);
            assert_eq!(p, pruned.log_prob(history, w));
            history = [history[1], history[2], w];
            matched = m;
        }
    }

    #[test]
    fn the_history_after_a_line_is_its_last_words_a_run_of_other_words_one() {
        let lm = small();
        let [ban, hanh, so] = ["ban", "hành", "số"].map(|w| lm.id(w));
        assert_eq!(lm.history_after(""), [START; HISTORY]);
        assert_eq!(lm.history_after("ban"), [START, START, ban]);
        assert_eq!(
            lm.history_after("ban hành 26/12/1991 QĐ-UBND"),
            [ban, hanh, OTHER]
        );
        assert_eq!(lm.history_after("số 1 2 3"), [START, so, OTHER]);
        // The same as reading the whole line word by word, as training does.
        for line in [
            "Ủy ban nhân dân tỉnh, số 12/QĐ-UBND",
            "12 13 ban 14 15 hành",
            "Quyết định 5/QĐ-TTg của Ủy ban nhân dân huyện Yên Hòa",
            "x",
            "1 2",
        ] {
            let forward = line_words(line).fold([START; HISTORY], |history, (key, _)| {
                history_with(history, key.map_or(OTHER, |k| lm.id(&k)))
            });
            assert_eq!(lm.history_after(line), forward, "{line}");
        }
    }

    #[test]
    fn seen_continuation_beats_unseen() {
        let lm = small();
        let (ban, nhan, dan, nam) = (lm.id("ban"), lm.id("nhân"), lm.id("dân"), lm.id("nam"));
        let uy = lm.id("ủy");
        assert!(lm.log_prob([uy, ban, nhan], dan) > lm.log_prob([uy, ban, nhan], nam));
        assert!(lm.log_prob([START; HISTORY], uy) > lm.log_prob([START; HISTORY], dan));
    }

    #[test]
    fn administrative_units_share_their_contexts() {
        let lm = LanguageModel::from_texts(
            [
                "kế hoạch trên địa bàn xã\nngân sách địa phương\nphương án, phương thức, phương tiện\nđa phương, song phương, đơn phương",
                "Phường Phúc Xá, Quận Ba Đình\nủy ban nhân dân phường",
            ],
            1,
        );
        let history = [lm.id("trên"), lm.id("địa"), lm.id("bàn")];
        // "địa bàn phường" was never written, but "địa bàn xã" was.
        assert!(lm.log_prob(history, lm.id("phường")) > lm.log_prob(history, lm.id("phương")));
        // Place names (capitalised) are not multiplied: "Quận Phúc Xá" is not made up.
        let place = [START, START, lm.id("quận")];
        assert!(
            lm.log_prob(place, lm.id("phúc"))
                < lm.log_prob([START, START, lm.id("phường")], lm.id("phúc"))
        );
    }

    #[test]
    fn probabilities_sum_to_one() {
        let lm = small();
        for history in [
            [START; HISTORY],
            [lm.id("ủy"), lm.id("ban"), lm.id("nhân")],
            [START, lm.id("ban"), lm.id("nhân")],
            [OTHER, OTHER, UNKNOWN],
        ] {
            let total: f64 = (0..lm.vocab_len() as u32)
                .map(|w| f64::from(lm.log_prob(history, w)).exp())
                .sum();
            // Some mass is kept for words the model never saw.
            assert!(
                (0.95..=1.01).contains(&total),
                "context {history:?}: {total}"
            );
        }
    }

    #[test]
    fn the_words_that_end_lines_are_learned() {
        // "phụ" ends cells ("khối phụ"), "phù" goes on ("phù hợp").
        let text = "36 phòng học và khối phụ\nphù hợp với quy hoạch\nnhà làm việc và khối phụ\n\
                    phù hợp với điều kiện\nkhối phụ";
        let lm = LanguageModel::from_texts([text], 1);
        let end = |w: &str| lm.log_prob_line_end(lm.id(w)).expect("line ends learned");
        assert!(end("phụ") > end("phù") + 1.0);
        assert!(end("phụ") > end("khối") + 1.0);
        // A model whose counts hold no line ends (built before they were counted) says nothing.
        let without: Vec<(u64, u32)> = lm
            .fourgram_counts
            .iter()
            .filter(|&&(key, _)| unpack4(key)[3] != LINE_END)
            .copied()
            .collect();
        let old = LanguageModel::from_counts(lm.vocab.clone(), &without, Vec::new(), Vec::new());
        assert_eq!(old.log_prob_line_end(old.id("phụ")), None);
    }

    #[test]
    fn a_d_part_is_learned_only_when_commoner_than_its_plain_spelling() {
        // "ĐN" (Đà Nẵng) twice, "DN" (doanh nghiệp) three times; "QĐ" twice, "QD" never.
        let text = "Quyết định 12/QĐ-UBND về ĐN\nQuyết định 13/QĐ-UBND về ĐN\n\
                    hỗ trợ DN\nhỗ trợ DN\nhỗ trợ DN";
        let lm = LanguageModel::from_texts([text], 1);
        assert_eq!(lm.symbol_parts(), ["QĐ".to_string()]);
    }

    #[test]
    fn bytes_round_trip_and_damage_is_an_error() {
        let lm = small();
        let bytes = lm.to_bytes();
        let back = LanguageModel::from_bytes(&bytes).unwrap();
        assert_eq!(back.vocab, lm.vocab);
        assert_eq!(back.symbol_parts(), ["QĐ".to_string()]);
        let history = [lm.id("ủy"), lm.id("ban"), lm.id("nhân")];
        assert_eq!(
            back.log_prob(history, lm.id("dân")),
            lm.log_prob(history, lm.id("dân"))
        );
        assert_eq!(back.cases, lm.cases);
        assert!(LanguageModel::from_bytes(&bytes[..bytes.len() - 3]).is_err());
        assert!(LanguageModel::from_bytes(b"garbage").is_err());
    }

    #[test]
    fn a_line_wrapped_mid_sentence_is_counted_after_the_line_before() {
        // "đầu | tư" and "phát | triển" are words a page's width cut; "Điều 2." starts anew.
        let lm = LanguageModel::from_texts(
            ["Tăng cường thu hút đầu\ntư và phát\ntriển kinh tế\nĐiều 2. Tổ chức"],
            1,
        );
        let [dau, tu, phat, trien, te, dieu] =
            ["đầu", "tư", "phát", "triển", "tế", "điều"].map(|w| lm.id(w));
        let matched = |history: [u32; HISTORY], w| lm.context(history).log_prob_matched(w).1;
        // The wrapped line's first word followed the line before's last words...
        assert_eq!(matched([lm.id("thu"), lm.id("hút"), dau], tu), 4);
        assert_eq!(matched([tu, lm.id("và"), phat], trien), 4);
        // ...so neither starts a line, and the lines they go on from do not end there.
        assert_eq!(matched([START; HISTORY], tu), 1);
        assert_eq!(matched([START; HISTORY], trien), 1);
        assert!(lm.log_prob_line_end(dau) < lm.log_prob_line_end(te));
        assert!(lm.log_prob_line_end(phat) < lm.log_prob_line_end(te));
        // A line that starts in capitals, or after a sentence's end, starts anew.
        assert_eq!(matched([START; HISTORY], dieu), 4);
    }

    #[test]
    fn case_tells_names_from_common_words() {
        let lm = LanguageModel::from_texts(
            ["Ủy ban nhân dân Quận 1 và Quận 5, Quận Bình Thạnh.\n\
                 quan hệ với cơ quan, quan tâm đến quan điểm\n\
                 Quan hệ đối tác"],
            1,
        );
        let (quan, quan_district) = (lm.id("quan"), lm.id("quận"));
        // Mid-line title case is what districts are written in; the first word of a line says nothing.
        assert_eq!(
            lm.cases[quan_district as usize],
            CaseCounts { title: 3, lower: 0 }
        );
        assert_eq!(lm.cases[quan as usize], CaseCounts { title: 0, lower: 3 });
        assert!(lm.case_cost(quan_district, Written::Title) < lm.case_cost(quan, Written::Title));
        // A word seen only in names costs more in small letters than a common word; an
        // administrative unit costs nothing ("các quận, huyện"), whatever lists of names say.
        let thanh = lm.id("thạnh");
        assert!(lm.case_cost(quan, Written::Lower) < lm.case_cost(thanh, Written::Lower));
        assert_eq!(lm.case_cost(quan_district, Written::Lower), 0.0);
        assert_eq!(lm.case_cost(quan, Written::Other), 0.0);
        // A file of the previous format (no case counts) still loads; case then says nothing.
        let mut old = lm.to_bytes();
        let cases_len: usize = lm.cases.len() * 2;
        old.truncate(old.len() - cases_len);
        old[..MAGIC_V2.len()].copy_from_slice(MAGIC_V2);
        let back = LanguageModel::from_bytes(&old).unwrap();
        assert_eq!(back.case_cost(quan_district, Written::Title), 0.0);
    }
}
