//! The syllable language model: an interpolated Kneser-Ney trigram model over
//! lower-case syllables, built from clean Vietnamese text, saved in a compact
//! binary file and embedded in the binary (built from the project's `corpus/`).
//!
//! Words that are not Vietnamese syllables (numbers, acronyms, foreign words)
//! all count as one word, [`OTHER`]; punctuation is not a word. Each line
//! starts with two [`START`] words. The model file also keeps the parts of
//! acronyms and document symbols written with Đ ("QĐ", "HĐND", "BGDĐT") seen in the text, so
//! restoration can put Đ back where OCR or plain typing lost it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::syllable::{is_word_char, strip_marks};
use super::words::{is_acronym_shape, line_words};

/// Id of the line-start word.
pub const START: u32 = 0;
/// Id shared by every word that is not a Vietnamese syllable.
pub const OTHER: u32 = 1;
/// Id of a syllable the model never saw.
pub const UNKNOWN: u32 = 2;
const RESERVED: [&str; 3] = ["<s>", "<o>", "<unk>"];
const MAGIC: &[u8; 6] = b"KHLM1\n";
const ID_BITS: u32 = 21;
const MAX_VOCAB: usize = 1 << ID_BITS;

/// A multiplicative hasher for the model's integer keys (std's SipHash is needlessly slow here).
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
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

fn pack2(a: u32, b: u32) -> u64 {
    (u64::from(a) << ID_BITS) | u64::from(b)
}

fn pack3(a: u32, b: u32, c: u32) -> u64 {
    (u64::from(a) << (2 * ID_BITS)) | pack2(b, c)
}

fn unpack3(key: u64) -> (u32, u32, u32) {
    let mask = (1u64 << ID_BITS) - 1;
    (
        (key >> (2 * ID_BITS)) as u32,
        ((key >> ID_BITS) & mask) as u32,
        (key & mask) as u32,
    )
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
    trigrams: IdMap<u64, u32>,
    symbol_parts: HashMap<String, u32>,
}

impl NgramCounts {
    /// Empty counts.
    pub fn new() -> NgramCounts {
        let mut counts = NgramCounts::default();
        for word in RESERVED {
            counts.intern(word);
        }
        counts
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.index.get(word) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.push(word.to_string());
        self.index.insert(word.to_string(), id);
        id
    }

    /// Counts the trigrams of every line of `text` and the Đ-parts of its document symbols.
    pub fn add_text(&mut self, text: &str) {
        // Table cells (between tabs) are separate texts, as restoration reads them.
        for line in text.lines().flat_map(|line| line.split('\t')) {
            let (mut u, mut v) = (START, START);
            for word in line_words(line) {
                let w = match word {
                    Some(key) if self.vocab.len() < MAX_VOCAB => self.intern(&key),
                    Some(_) => UNKNOWN,
                    None => OTHER,
                };
                // A run of other words ("26/12/1991", "QĐ-UBND") is one word, as restoration reads it.
                if w == OTHER && v == OTHER {
                    continue;
                }
                *self.trigrams.entry(pack3(u, v, w)).or_default() += 1;
                (u, v) = (v, w);
            }
            for part in symbol_parts(line) {
                *self.symbol_parts.entry(part.to_string()).or_default() += 1;
            }
        }
    }

    /// The model; trigrams seen fewer than `min_count` times are dropped to keep it small.
    pub fn build(&self, min_count: u32) -> LanguageModel {
        let trigrams: Vec<(u64, u32)> = {
            let mut t: Vec<(u64, u32)> = self
                .trigrams
                .iter()
                .filter(|&(_, &c)| c >= min_count.max(1))
                .map(|(&k, &c)| (k, c))
                .collect();
            t.sort_unstable();
            t
        };
        let parts = learned_symbol_parts(&self.symbol_parts);
        LanguageModel::from_counts(self.vocab.clone(), &trigrams, parts)
    }

    /// The syllables seen, with how often, most frequent first.
    pub fn syllable_counts(&self) -> Vec<(String, u64)> {
        let mut counts = vec![0u64; self.vocab.len()];
        for (&key, &c) in &self.trigrams {
            counts[unpack3(key).2 as usize] += u64::from(c);
        }
        let mut list: Vec<(String, u64)> = self
            .vocab
            .iter()
            .zip(counts)
            .skip(RESERVED.len())
            .filter(|(w, c)| *c > 0 && !is_acronym_shape(w))
            .map(|(w, c)| (w.clone(), c))
            .collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        list
    }
}

/// Upper-case runs containing Đ: acronyms and parts of document symbols ("148/QĐ-TTg" gives "QĐ").
fn symbol_parts(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !is_word_char(c)).filter(|part| {
        part.contains('Đ')
            && part.chars().count() >= 2
            && part.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
    })
}

/// Keeps the Đ-parts seen at least twice whose stripped form is not itself more common.
fn learned_symbol_parts(counts: &HashMap<String, u32>) -> Vec<String> {
    let mut best: HashMap<String, (&str, u32)> = HashMap::new();
    for (part, &n) in counts {
        let plain = strip_marks(part);
        let entry = best.entry(plain).or_insert((part, 0));
        if n > entry.1 {
            *entry = (part, n);
        }
    }
    let mut parts: Vec<String> = best
        .into_values()
        .filter(|&(_, n)| n >= 2)
        .map(|(p, _)| p.to_string())
        .collect();
    parts.sort();
    parts
}

/// A trigram language model over syllables, ready to score.
pub struct LanguageModel {
    vocab: Vec<String>,
    index: HashMap<String, u32>,
    trigram_counts: Vec<(u64, u32)>,
    unigram: Vec<f32>,
    bigram_backoff: Vec<f32>,
    bigram: IdMap<u64, f32>,
    trigram: IdMap<u64, f32>,
    trigram_backoff: IdMap<u64, f32>,
    symbol_parts: Vec<String>,
}

/// Kneser-Ney discount from counts of counts: n1 / (n1 + 2 n2).
fn discount<'a>(counts: impl Iterator<Item = &'a u32>) -> f64 {
    let (mut n1, mut n2) = (0f64, 0f64);
    for &c in counts {
        match c {
            1 => n1 += 1.0,
            2 => n2 += 1.0,
            _ => {}
        }
    }
    if n1 + n2 == 0.0 {
        0.5
    } else {
        (n1 / (n1 + 2.0 * n2)).clamp(0.1, 0.95)
    }
}

impl LanguageModel {
    /// The model from its vocabulary and sorted trigram counts (interpolated Kneser-Ney).
    fn from_counts(
        vocab: Vec<String>,
        trigrams: &[(u64, u32)],
        symbol_parts: Vec<String>,
    ) -> LanguageModel {
        let v = vocab.len();
        // Trigram level: raw counts. Context totals and distinct continuations.
        let mut ctx3: IdMap<u64, (u32, u32)> = IdMap::default();
        // Bigram level: continuation counts N1+(. v w).
        let mut cont2: IdMap<u64, u32> = IdMap::default();
        for &(key, c) in trigrams {
            let (a, b, w) = unpack3(key);
            let e = ctx3.entry(pack2(a, b)).or_default();
            e.0 += c;
            e.1 += 1;
            *cont2.entry(pack2(b, w)).or_default() += 1;
        }
        let d3 = discount(trigrams.iter().map(|(_, c)| c));
        let d2 = discount(cont2.values());
        // Bigram contexts: sum of continuation counts and distinct followers; unigram continuations.
        let mut ctx2 = vec![(0u32, 0u32); v];
        let mut cont1 = vec![0u32; v];
        for (&key, &c) in &cont2 {
            let (_, b, w) = unpack3(key);
            ctx2[b as usize].0 += c;
            ctx2[b as usize].1 += 1;
            cont1[w as usize] += 1;
        }
        let total1: f64 = cont1.iter().map(|&c| f64::from(c)).sum::<f64>().max(1.0);
        let d1 = discount(cont1.iter());
        let seen_types = cont1.iter().filter(|&&c| c > 0).count() as f64;
        let uniform = 1.0 / (v as f64 + 1.0);
        let p1: Vec<f64> = cont1
            .iter()
            .map(|&c| (f64::from(c) - d1).max(0.0) / total1 + d1 * seen_types / total1 * uniform)
            .collect();
        let unigram: Vec<f32> = p1
            .iter()
            .enumerate()
            .map(|(i, &p)| {
                let p = if i == UNKNOWN as usize {
                    d1 * seen_types / total1 * uniform
                } else {
                    p
                };
                p.max(1e-12).ln() as f32
            })
            .collect();
        let bigram_backoff: Vec<f32> = ctx2
            .iter()
            .map(|&(total, distinct)| {
                if total == 0 {
                    0.0
                } else {
                    (d2 * f64::from(distinct) / f64::from(total)).ln() as f32
                }
            })
            .collect();
        let p2 = |b: u32, w: u32, c: u32| -> f64 {
            let (total, distinct) = ctx2[b as usize];
            let lower = p1[w as usize];
            if total == 0 {
                return lower;
            }
            let t = f64::from(total);
            (f64::from(c) - d2).max(0.0) / t + d2 * f64::from(distinct) / t * lower
        };
        let bigram: IdMap<u64, f32> = cont2
            .iter()
            .map(|(&key, &c)| {
                let (_, b, w) = unpack3(key);
                (key, p2(b, w, c).ln() as f32)
            })
            .collect();
        let trigram: IdMap<u64, f32> = trigrams
            .iter()
            .map(|&(key, c)| {
                let (a, b, w) = unpack3(key);
                let (total, distinct) = ctx3[&pack2(a, b)];
                let t = f64::from(total);
                let lower = cont2.get(&pack2(b, w)).map_or_else(
                    || p1[w as usize] * f64::from(bigram_backoff[b as usize]).exp(),
                    |&c2| p2(b, w, c2),
                );
                let p = (f64::from(c) - d3).max(0.0) / t + d3 * f64::from(distinct) / t * lower;
                (key, p.ln() as f32)
            })
            .collect();
        let trigram_backoff: IdMap<u64, f32> = ctx3
            .iter()
            .map(|(&key, &(total, distinct))| {
                (
                    key,
                    (d3 * f64::from(distinct) / f64::from(total)).ln() as f32,
                )
            })
            .collect();
        let index = vocab
            .iter()
            .enumerate()
            .map(|(i, w)| (w.clone(), i as u32))
            .collect();
        LanguageModel {
            vocab,
            index,
            trigram_counts: trigrams.to_vec(),
            unigram,
            bigram_backoff,
            bigram,
            trigram,
            trigram_backoff,
            symbol_parts,
        }
    }

    /// Builds a model from clean texts (trigrams seen fewer than `min_count` times are dropped).
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>, min_count: u32) -> Self {
        let mut counts = NgramCounts::new();
        for text in texts {
            counts.add_text(text);
        }
        counts.build(min_count)
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

    /// Natural log of P(w | u v).
    pub fn log_prob(&self, u: u32, v: u32, w: u32) -> f32 {
        if let Some(&p) = self.trigram.get(&pack3(u, v, w)) {
            return p;
        }
        let backoff3 = self
            .trigram_backoff
            .get(&pack2(u, v))
            .copied()
            .unwrap_or(0.0);
        if let Some(&p) = self.bigram.get(&pack2(v, w)) {
            return backoff3 + p;
        }
        backoff3 + self.bigram_backoff[v as usize] + self.unigram[w as usize]
    }

    /// The model as bytes: header, vocabulary, Đ symbol parts, delta-coded sorted trigram counts.
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
        put_varint(&mut out, self.trigram_counts.len() as u64);
        let mut last = 0u64;
        for &(key, c) in &self.trigram_counts {
            put_varint(&mut out, key - last);
            put_varint(&mut out, u64::from(c));
            last = key;
        }
        out
    }

    /// Reads a model written by [`LanguageModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<LanguageModel, ModelError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(ModelError::BadHeader)?;
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
        let n_tri = r.count(1 << 28)?;
        let mut trigrams = Vec::with_capacity(n_tri.min(1 << 20));
        let mut key = 0u64;
        for _ in 0..n_tri {
            key = key
                .checked_add(r.varint()?)
                .ok_or(ModelError::Damaged("key overflow"))?;
            let c = u32::try_from(r.varint()?).map_err(|_| ModelError::Damaged("count"))?;
            let (a, b, w) = unpack3(key);
            if [a, b, w].iter().any(|&id| id as usize >= n) || key >> (3 * ID_BITS) != 0 {
                return Err(ModelError::Damaged("word id out of range"));
            }
            trigrams.push((key, c));
        }
        Ok(LanguageModel::from_counts(vocab, &trigrams, parts))
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
    fn seen_continuation_beats_unseen() {
        let lm = small();
        let (ban, nhan, dan, nam) = (lm.id("ban"), lm.id("nhân"), lm.id("dân"), lm.id("nam"));
        assert!(lm.log_prob(ban, nhan, dan) > lm.log_prob(ban, nhan, nam));
        assert!(lm.log_prob(START, START, lm.id("ủy")) > lm.log_prob(START, START, dan));
    }

    #[test]
    fn probabilities_sum_to_one() {
        let lm = small();
        for (u, v) in [
            (START, START),
            (lm.id("ban"), lm.id("nhân")),
            (OTHER, UNKNOWN),
        ] {
            let total: f64 = (0..lm.vocab_len() as u32)
                .map(|w| f64::from(lm.log_prob(u, v, w)).exp())
                .sum();
            assert!((0.9..=1.01).contains(&total), "context {u} {v}: {total}");
        }
    }

    #[test]
    fn bytes_round_trip_and_damage_is_an_error() {
        let lm = small();
        let bytes = lm.to_bytes();
        let back = LanguageModel::from_bytes(&bytes).unwrap();
        assert_eq!(back.vocab, lm.vocab);
        assert_eq!(back.symbol_parts(), ["QĐ".to_string()]);
        let (a, b, c) = (lm.id("ban"), lm.id("nhân"), lm.id("dân"));
        assert_eq!(back.log_prob(a, b, c), lm.log_prob(a, b, c));
        assert!(LanguageModel::from_bytes(&bytes[..bytes.len() - 3]).is_err());
        assert!(LanguageModel::from_bytes(b"garbage").is_err());
    }
}
