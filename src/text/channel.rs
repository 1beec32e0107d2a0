//! The channel model: how likely a damaged word is, given the syllable that was written.
//!
//! Two kinds of damage are modelled. Typing without accents (or a partial loss
//! of marks) only ever removes marks, so an observed word that the syllable
//! covers letter for letter ("tieng", "tiéng" for "tiếng") costs nothing. OCR
//! damage is a weighted edit distance whose letter confusions (ư→w, ô→6,
//! đ→d, l→1, ...) are learned from line-aligned (clean, OCR) pairs and kept in
//! `corpus/channel.tsv` (rebuilt with `kehoach model channel`), with what short
//! numbers on the OCR side stood for ("14" for "là", "16" for "lỗ") and what words OCR
//! made of whole words stood for ("chile" for "chức", "ville" for "việc").

use crate::text::syllable::is_letter;
use std::collections::HashMap;
use std::fmt::Write as _;

use super::lm::IdMap;
use super::syllable::{Syllable, Tone, base_letter, split_tone};
use super::words::split_word;

/// Stands for "no letter" in the confusion table: a deletion or an insertion.
const NOTHING: char = '\0';
/// Smoothing mass given to confusions never seen in training.
const UNSEEN: f64 = 0.02;
/// Count given to a substitution never seen in training (against the clean letter's total).
const UNSEEN_SUBSTITUTION: f64 = 0.3;
/// Letters an unseen observed character is spread over when smoothing.
const ALPHABET: f64 = 60.0;

fn pair_key(clean: char, observed: char) -> u64 {
    (u64::from(clean) << 32) | u64::from(observed)
}

/// Counts of letter confusions from aligned (clean, damaged) pairs.
#[derive(Default)]
pub struct ConfusionCounts {
    pairs: HashMap<(char, char), u64>,
    /// A clean letter read as two characters ("ư" as "}r", "ủ" as "ti", "m" as "rn").
    splits: HashMap<(char, [char; 2]), u64>,
    /// What a short number on the OCR side stood for: (the number, the clean word in lower case,
    /// which is the number itself when it was one).
    numbers: HashMap<(String, String), u64>,
    /// What a word on the OCR side stood for, next to a word read closely: (the OCR word, the
    /// clean word, both in lower case).
    whole_words: HashMap<(String, String), u64>,
    /// How often each clean word was seen where whole words are counted.
    clean_seen: HashMap<String, u64>,
    words: u64,
}

/// First field of a table line that says what a short number stood for.
const NUMBER_ROW: &str = "number";

/// First field of a table line that says what an OCR word stood for.
const WORD_ROW: &str = "word";

/// Fewest pairs an OCR word must have been seen in for what it stood for to be trusted.
const MIN_WORD_PAIRS: u64 = 5;
/// Fewest sightings of a clean word an OCR word stood for, for the table to keep it (rarer
/// ones are alignment accidents).
const MIN_WORD_READING: u64 = 2;

/// Fewest pairs a short number must have been seen in for what it stood for to be trusted.
const MIN_NUMBER_PAIRS: f64 = 20.0;
/// Fewest sightings of a word a short number stood for (rarer ones are alignment accidents or
/// one document's habit: "1" for "ở" twice, against 296 times a number).
const MIN_NUMBER_READING: f64 = 3.0;

/// A number of one or two digits: OCR writes such a number for a short word ("14" for "là").
fn is_short_number(word: &str) -> bool {
    (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// Fewest sightings for a letter read as two characters to enter the table (rarer ones are
/// alignment accidents more often than OCR habits).
const MIN_SPLIT_COUNT: u64 = 2;

/// The words of a line, lower case, without the punctuation around them.
fn cores(line: &str) -> Vec<String> {
    line.split_whitespace()
        .map(|chunk| split_word(chunk).1.to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// An (n+1)×(m+1) edit-distance table with its first row and column filled at `gap` per step.
fn edit_table(n: usize, m: usize, gap: f64) -> Vec<Vec<f64>> {
    let mut d = vec![vec![0f64; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i as f64 * gap;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j as f64 * gap;
    }
    d
}

/// Edit distance between two character sequences, with a per-pair substitution cost.
fn align<F: Fn(char, char) -> f64>(a: &[char], b: &[char], sub: F) -> Vec<(char, char)> {
    let (n, m) = (a.len(), b.len());
    let mut d = edit_table(n, m, 1.0);
    for i in 1..=n {
        for j in 1..=m {
            d[i][j] = (d[i - 1][j - 1] + sub(a[i - 1], b[j - 1]))
                .min(d[i - 1][j] + 1.0)
                .min(d[i][j - 1] + 1.0);
        }
    }
    let mut ops = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        if i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + sub(a[i - 1], b[j - 1]) {
            ops.push((a[i - 1], b[j - 1]));
            (i, j) = (i - 1, j - 1);
        } else if i > 0 && d[i][j] == d[i - 1][j] + 1.0 {
            ops.push((a[i - 1], NOTHING));
            i -= 1;
        } else {
            ops.push((NOTHING, b[j - 1]));
            j -= 1;
        }
    }
    ops.reverse();
    ops
}

fn letter_distance(a: char, b: char) -> f64 {
    if a == b {
        0.0
    } else if base_letter(a) == base_letter(b) {
        0.4
    } else {
        1.0
    }
}

/// Distance of the words on each side of a pair counted however unlike its words are.
const ANCHOR: f64 = 0.34;

/// Normalized edit distance between a clean word (marks stripped) and a damaged one.
fn word_distance(clean: &str, damaged: &str) -> f64 {
    let a: Vec<char> = clean.chars().collect();
    let b: Vec<char> = damaged.chars().collect();
    let cost: f64 = align(&a, &b, letter_distance)
        .iter()
        .map(|&(x, y)| {
            if x == NOTHING || y == NOTHING {
                1.0
            } else {
                letter_distance(x, y)
            }
        })
        .sum();
    cost / a.len().max(b.len()).max(1) as f64
}

impl ConfusionCounts {
    /// Empty counts.
    pub fn new() -> ConfusionCounts {
        ConfusionCounts::default()
    }

    /// Aligns one (clean, damaged) line pair word by word and counts the letter confusions
    /// of every pair of words where the clean word is a Vietnamese syllable.
    pub fn add_pair(&mut self, clean: &str, damaged: &str) {
        let a = cores(clean);
        let b = cores(damaged);
        let (n, m) = (a.len(), b.len());
        if n == 0 || m == 0 || n > 400 || m > 400 {
            return;
        }
        const GAP: f64 = 0.7;
        let mut d = edit_table(n, m, GAP);
        let dist = |i: usize, j: usize| word_distance(&a[i], &b[j]);
        for i in 1..=n {
            for j in 1..=m {
                d[i][j] = (d[i - 1][j - 1] + dist(i - 1, j - 1))
                    .min(d[i - 1][j] + GAP)
                    .min(d[i][j - 1] + GAP);
            }
        }
        // The word pairs of the alignment (clean index, damaged index, distance), last first.
        let mut matched = Vec::new();
        let (mut i, mut j) = (n, m);
        while i > 0 && j > 0 {
            let s = dist(i - 1, j - 1);
            if d[i][j] == d[i - 1][j - 1] + s {
                matched.push((i - 1, j - 1, s));
                (i, j) = (i - 1, j - 1);
            } else if d[i][j] == d[i - 1][j] + GAP {
                i -= 1;
            } else {
                j -= 1;
            }
        }
        matched.reverse();
        // A pair is counted when its words are alike, or when it sits between two pairs that
        // match closely: a short word read as wholly other characters ("là" as "14", "ở" as
        // "6") is still that word when its neighbours are plainly theirs.
        let close = |k: Option<usize>, at: (usize, usize)| {
            k.and_then(|k| matched.get(k))
                .is_some_and(|&(ci, di, s)| s <= ANCHOR && (ci, di) == at)
        };
        for (k, &(ci, di, s)) in matched.iter().enumerate() {
            let after_close = ci > 0 && di > 0 && close(k.checked_sub(1), (ci - 1, di - 1));
            let before_close = close(Some(k + 1), (ci + 1, di + 1));
            let anchored =
                after_close && before_close && a[ci].chars().count() == b[di].chars().count();
            // A word next to one read closely is what the clean word was read as, however
            // unlike it: OCR's dictionary puts whole words for words ("chile" for "chức"), and
            // digits for short words ("16" for "lỗ").
            if (after_close || before_close)
                && (is_short_number(&b[di]) || b[di].chars().any(is_letter))
                && Syllable::is_valid(&a[ci])
            {
                *self
                    .whole_words
                    .entry((b[di].clone(), a[ci].clone()))
                    .or_default() += 1;
                *self.clean_seen.entry(a[ci].clone()).or_default() += 1;
            }
            // (A number read right counts only where a word read for it would: between
            // neighbours read closely.)
            if is_short_number(&b[di]) && anchored && (a[ci] == b[di] || Syllable::is_valid(&a[ci]))
            {
                *self
                    .numbers
                    .entry((b[di].clone(), a[ci].clone()))
                    .or_default() += 1;
            }
            if (s <= 0.67 || anchored) && Syllable::is_valid(&a[ci]) {
                self.add_word(&a[ci], &b[di]);
            }
        }
    }

    fn add_word(&mut self, clean: &str, damaged: &str) {
        let a: Vec<char> = clean.chars().collect();
        let b: Vec<char> = damaged.chars().collect();
        let ops = align(&a, &b, letter_distance);
        for &op in &ops {
            *self.pairs.entry(op).or_default() += 1;
        }
        // A letter misread as one character next to an inserted one was read as the two (a
        // letter read right is not: the insertion belongs to its neighbour).
        for (k, &(c, o)) in ops.iter().enumerate() {
            if c == NOTHING || o == NOTHING || c == o {
                continue;
            }
            let inserted = |k: Option<usize>| {
                k.and_then(|k| ops.get(k))
                    .and_then(|&(c2, o2)| (c2 == NOTHING).then_some(o2))
            };
            if let Some(after) = inserted(Some(k + 1)) {
                *self.splits.entry((c, [o, after])).or_default() += 1;
            }
            if let Some(before) = inserted(k.checked_sub(1)) {
                *self.splits.entry((c, [before, o])).or_default() += 1;
            }
        }
        self.words += 1;
    }

    /// Number of word pairs counted.
    pub fn words(&self) -> u64 {
        self.words
    }

    /// The table as TSV lines `clean<TAB>observed<TAB>count` (an empty field is no letter; two
    /// observed characters are one letter read as two), then what short numbers stood for, as
    /// lines `number<TAB>the number<TAB>the clean word<TAB>count`.
    pub fn to_tsv(&self) -> String {
        let mut rows: Vec<(&(char, char), &u64)> = self.pairs.iter().collect();
        rows.sort();
        let mut out = String::from("# clean\tobserved\tcount (empty: no letter)\n");
        let show = |c: char| {
            if c == NOTHING {
                String::new()
            } else {
                c.to_string()
            }
        };
        for ((c, o), n) in rows {
            let _ = writeln!(out, "{}\t{}\t{n}", show(*c), show(*o));
        }
        let mut splits: Vec<(&(char, [char; 2]), &u64)> = self
            .splits
            .iter()
            .filter(|(_, n)| **n >= MIN_SPLIT_COUNT)
            .collect();
        splits.sort();
        for ((c, [o1, o2]), n) in splits {
            let _ = writeln!(out, "{c}\t{o1}{o2}\t{n}");
        }
        let mut numbers: Vec<(&(String, String), &u64)> = self.numbers.iter().collect();
        numbers.sort();
        for ((number, clean), n) in numbers {
            let _ = writeln!(out, "{NUMBER_ROW}\t{number}\t{clean}\t{n}");
        }
        self.write_whole_words(&mut out);
        out
    }

    /// Lines "word<TAB>OCR word<TAB>clean word<TAB>count<TAB>sightings of the clean word" for
    /// every OCR word seen often enough, one for each word it stood for often enough that the
    /// letter confusions do not explain (not itself, nor the word with marks lost).
    fn write_whole_words(&self, out: &mut String) {
        let mut seen: HashMap<&str, u64> = HashMap::new();
        for ((word, _), &n) in &self.whole_words {
            *seen.entry(word).or_default() += n;
        }
        let mut rows: Vec<(&(String, String), &u64)> = self
            .whole_words
            .iter()
            .filter(|((word, clean), n)| {
                **n >= MIN_WORD_READING
                    && seen[word.as_str()] >= MIN_WORD_PAIRS
                    && clean != word
                    && !marks_lost(
                        &word.chars().collect::<Vec<_>>(),
                        &clean.chars().collect::<Vec<_>>(),
                    )
            })
            .collect();
        rows.sort();
        for ((word, clean), n) in rows {
            let total = self.clean_seen.get(clean).copied().unwrap_or(*n);
            let _ = writeln!(out, "{WORD_ROW}\t{word}\t{clean}\t{n}\t{total}");
        }
    }
}

/// Error reading a confusion table.
#[derive(Debug, thiserror::Error)]
#[error("confusion table line {line}: {problem}")]
pub struct ChannelError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub problem: &'static str,
}

/// Letter confusion costs (negative log probabilities) learned from aligned pairs.
pub struct Channel {
    costs: IdMap<u64, f32>,
    /// Costs of a clean letter read as two characters, by clean letter and the two.
    split_costs: HashMap<(char, [char; 2]), f32>,
    unseen: IdMap<char, f32>,
    insert_unseen: f32,
    /// For each observed character, the plain letters it stood for (`None`: nothing), most
    /// often first.
    stands_for: IdMap<char, Vec<Option<char>>>,
    /// For each short number seen often enough, what it stood for (itself, or a word), with
    /// the cost of each.
    numbers: HashMap<String, Vec<(String, f32)>>,
    /// For each OCR word seen often enough, the words it stood for that its letters do not
    /// explain ("chile" for "chức"), with the cost of each.
    whole_words: HashMap<String, Vec<(String, f32)>>,
}

impl Channel {
    /// The confusion table learned from the training documents' OCR pairs, embedded in the binary.
    pub fn embedded() -> &'static Channel {
        use std::sync::OnceLock;
        static CHANNEL: OnceLock<Channel> = OnceLock::new();
        CHANNEL.get_or_init(|| {
            Channel::from_tsv(include_str!("../../corpus/channel.tsv")).expect(
                "the embedded corpus/channel.tsv is valid (rebuild with `kehoach model channel`)",
            )
        })
    }

    /// Reads a table written by [`ConfusionCounts::to_tsv`].
    pub fn from_tsv(text: &str) -> Result<Channel, ChannelError> {
        let mut counts: HashMap<(char, char), f64> = HashMap::new();
        let mut splits: HashMap<(char, [char; 2]), f64> = HashMap::new();
        let mut numbers: HashMap<String, Vec<(String, f64)>> = HashMap::new();
        let mut whole_words: HashMap<String, Vec<(String, f32)>> = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let err = |problem| ChannelError {
                line: i + 1,
                problem,
            };
            let count = |field: &str| -> Result<f64, ChannelError> {
                field
                    .trim()
                    .parse()
                    .map_err(|_| err("the count is not a number"))
            };
            let row_after = |name: &str| {
                let rest = line.strip_prefix(name)?.strip_prefix('\t')?;
                Some(rest.split('\t').collect::<Vec<&str>>())
            };
            if let Some(row) = row_after(NUMBER_ROW) {
                let [number, clean, n] = row[..] else {
                    return Err(err("a number line needs four fields"));
                };
                numbers
                    .entry(number.to_string())
                    .or_default()
                    .push((clean.to_string(), count(n)?));
                continue;
            }
            if let Some(row) = row_after(WORD_ROW) {
                let [word, clean, n, clean_seen] = row[..] else {
                    return Err(err("a word line needs five fields"));
                };
                // P(OCR word | clean word), as the letter confusions price a reading.
                let p = (count(n)? + 0.5) / (count(clean_seen)? + 1.0);
                whole_words
                    .entry(word.to_string())
                    .or_default()
                    .push((clean.to_string(), -(p.min(1.0).ln()) as f32));
                continue;
            }
            let mut fields = line.split('\t');
            let letter = |field: Option<&str>| -> Result<char, ChannelError> {
                let field = field.ok_or(err("needs three fields"))?;
                let mut chars = field.chars();
                match (chars.next(), chars.next()) {
                    (None, _) => Ok(NOTHING),
                    (Some(c), None) => Ok(c),
                    _ => Err(err("a letter field holds more than one character")),
                }
            };
            let c = letter(fields.next())?;
            let observed = fields.next().ok_or(err("needs three fields"))?;
            let n: f64 = fields
                .next()
                .and_then(|f| f.trim().parse().ok())
                .ok_or(err("the count is not a number"))?;
            let mut chars = observed.chars();
            match (chars.next(), chars.next(), chars.next()) {
                (Some(o1), Some(o2), None) if c != NOTHING => {
                    *splits.entry((c, [o1, o2])).or_default() += n;
                }
                _ => *counts.entry((c, letter(Some(observed))?)).or_default() += n,
            }
        }
        let mut channel = Channel::from_counts(&counts, &splits);
        channel.numbers = numbers
            .into_iter()
            .filter_map(|(number, seen)| {
                let total: f64 = seen.iter().map(|(_, n)| n).sum();
                // Half a sighting more for each reading, and for one never seen.
                let smoothed = total + 0.5 * (seen.len() + 1) as f64;
                (total >= MIN_NUMBER_PAIRS).then(|| {
                    let costs = seen
                        .into_iter()
                        .filter(|(clean, n)| *clean == number || *n >= MIN_NUMBER_READING)
                        .map(|(clean, n)| (clean, -((n + 0.5) / smoothed).ln() as f32))
                        .collect();
                    (number, costs)
                })
            })
            .collect();
        channel.whole_words = whole_words;
        Ok(channel)
    }

    fn from_counts(
        counts: &HashMap<(char, char), f64>,
        splits: &HashMap<(char, [char; 2]), f64>,
    ) -> Channel {
        let mut per_clean: HashMap<char, f64> = HashMap::new();
        for (&(c, _), &n) in counts {
            *per_clean.entry(c).or_default() += n;
        }
        let letters: f64 = per_clean
            .iter()
            .filter(|(c, _)| **c != NOTHING)
            .map(|(_, n)| n)
            .sum::<f64>()
            .max(1.0);
        let mut costs = IdMap::default();
        for (&(c, o), &n) in counts {
            let p = if c == NOTHING {
                n / letters
            } else {
                (n + UNSEEN / ALPHABET) / (per_clean[&c] + UNSEEN)
            };
            costs.insert(pair_key(c, o), -(p.ln()) as f32);
        }
        let split_costs = splits
            .iter()
            .filter_map(|(&(c, pair), &n)| {
                let total = per_clean.get(&c)?;
                Some(((c, pair), -((n / (total + UNSEEN)).ln()) as f32))
            })
            .collect();
        let unseen = per_clean
            .iter()
            .map(|(&c, &total)| (c, -(UNSEEN_SUBSTITUTION / (total + 1.0)).ln() as f32))
            .collect();
        let insert_unseen = -((0.5 / letters).ln()) as f32;
        // For each observed character, the plain letters it stood for, most often first.
        let mut by_base: HashMap<(char, Option<char>), f64> = HashMap::new();
        for (&(c, o), &n) in counts {
            if o != NOTHING {
                let base = (c != NOTHING).then(|| base_letter(c));
                *by_base.entry((o, base)).or_default() += n;
            }
        }
        let mut bases: Vec<((char, Option<char>), f64)> = by_base.into_iter().collect();
        bases.sort_by(|(a, n), (b, m)| a.0.cmp(&b.0).then(m.total_cmp(n)).then(a.1.cmp(&b.1)));
        let mut stands_for: IdMap<char, Vec<Option<char>>> = IdMap::default();
        for ((o, base), _) in bases {
            stands_for.entry(o).or_default().push(base);
        }
        Channel {
            costs,
            split_costs,
            unseen,
            insert_unseen,
            stands_for,
            numbers: HashMap::new(),
            whole_words: HashMap::new(),
        }
    }

    fn sub_cost(&self, clean: char, observed: char) -> f32 {
        if let Some(&c) = self.costs.get(&pair_key(clean, observed)) {
            return c;
        }
        if clean == NOTHING {
            return self.insert_unseen;
        }
        let unseen = self
            .unseen
            .get(&clean)
            .copied()
            .unwrap_or(self.insert_unseen);
        if observed != NOTHING && base_letter(clean) == base_letter(observed) {
            // A letter read with other marks than it has, never seen so: likelier than a wrong letter.
            unseen * 0.6
        } else {
            unseen
        }
    }

    /// The cost of a clean letter read as two observed characters; infinite if never seen so.
    fn split_cost(&self, clean: char, observed: [char; 2]) -> f32 {
        self.split_costs
            .get(&(clean, observed))
            .copied()
            .unwrap_or(f32::INFINITY)
    }

    /// The plain letter an observed character most often stands for (`None`: usually noise).
    pub fn fold(&self, observed: char) -> Option<char> {
        match self.stands_for.get(&observed) {
            Some(bases) => bases.first().copied().flatten(),
            None if is_letter(observed) => Some(base_letter(observed).to_ascii_lowercase()),
            None => None,
        }
    }

    /// Every plain letter an observed character stood for in the pairs, most often first ("&"
    /// for the "ấ" of words, and for the word "ở").
    pub fn letters_behind(&self, observed: char) -> impl Iterator<Item = char> + '_ {
        self.stands_for
            .get(&observed)
            .into_iter()
            .flatten()
            .filter_map(|&base| base)
    }

    /// What a short number stood for in the pairs, with the cost of each reading (−ln P): the
    /// number itself, or a word ("14" for "là"); `None` for a number seen too seldom.
    pub fn number_readings(&self, number: &str) -> Option<&[(String, f32)]> {
        self.numbers.get(number).map(Vec::as_slice)
    }

    /// What an OCR word (lower case) stood for in the pairs, where its letters do not say so,
    /// with the cost of each reading (−ln P(the OCR word | the reading)): "chức" for "chile";
    /// empty for a word not in the table.
    pub fn whole_word_readings(&self, word: &str) -> &[(String, f32)] {
        self.whole_words.get(word).map_or(&[], Vec::as_slice)
    }

    /// The channel's costs for one observed word (lower case), ready to score many syllables.
    pub fn observe(&self, observed: &[char]) -> ObservedWord<'_> {
        ObservedWord {
            channel: self,
            insert: observed
                .iter()
                .map(|&o| self.sub_cost(NOTHING, o))
                .collect(),
            observed: observed.to_vec(),
            rows: Vec::new(),
            row_of: IdMap::default(),
            // The row of no clean letters: every observed character inserted.
            table: vec![
                std::iter::once(0.0)
                    .chain(observed.iter().scan(0.0, |sum, &o| {
                        *sum += self.sub_cost(NOTHING, o);
                        Some(*sum)
                    }))
                    .collect(),
            ],
            done: Vec::new(),
        }
    }
}

/// One observed word with the confusion costs of each clean letter met so far.
pub struct ObservedWord<'c> {
    channel: &'c Channel,
    observed: Vec<char>,
    /// Cost of each observed character being an insertion.
    insert: Vec<f32>,
    /// Per clean letter met, one after another in one buffer, [`ObservedWord::stride`] costs
    /// each: its deletion cost, its cost of being read as each observed character, then as
    /// each two observed characters in a row (the pair ending at the second, third, ...).
    rows: Vec<f32>,
    /// Where each clean letter's row is in `rows`.
    row_of: IdMap<char, usize>,
    /// The edit table of the last clean word scored, one row per clean letter after the row of
    /// no letters; kept so that the next word reuses the rows of the letters they share.
    table: Vec<Vec<f32>>,
    /// The clean letters whose rows in `table` are valid.
    done: Vec<char>,
}

impl ObservedWord<'_> {
    /// −ln P(observed | clean) under OCR damage: the cheapest alignment of the two, lower case.
    pub fn cost(&mut self, clean: &[char]) -> f32 {
        self.cost_within(clean, f32::INFINITY)
            .unwrap_or(f32::INFINITY)
    }

    /// [`ObservedWord::cost`], or `None` as soon as it is sure to exceed `limit` (costs are
    /// never negative, so no row of the edit table is cheaper than the one before). Words
    /// scored in sorted order share the rows of their common first letters.
    pub fn cost_within(&mut self, clean: &[char], limit: f32) -> Option<f32> {
        let shared = self
            .done
            .iter()
            .zip(clean)
            .take_while(|(a, b)| a == b)
            .count();
        self.done.truncate(shared);
        let stride = self.stride();
        for (j, &c) in clean.iter().enumerate().skip(shared) {
            let row = self.row_for(c);
            if self.table.len() < j + 2 {
                self.table.push(vec![0.0; self.observed.len() + 1]);
            }
            let (above, below) = self.table.split_at_mut(j + 1);
            let (prev, cur) = (&above[j], &mut below[0]);
            let n = self.observed.len();
            let costs = &self.rows[row..row + stride];
            cur[0] = prev[0] + costs[0];
            let mut cheapest = cur[0];
            for (i, &insert) in self.insert.iter().enumerate() {
                cur[i + 1] = (prev[i] + costs[i + 1])
                    .min(cur[i] + insert)
                    .min(prev[i + 1] + costs[0]);
                // The letter read as observed characters i-1 and i.
                if i > 0 {
                    cur[i + 1] = cur[i + 1].min(prev[i - 1] + costs[n + i]);
                }
                cheapest = cheapest.min(cur[i + 1]);
            }
            self.done.push(c);
            if cheapest > limit {
                return None;
            }
        }
        Some(self.table[clean.len()][self.observed.len()])
    }

    /// How many costs a clean letter's row holds.
    fn stride(&self) -> usize {
        let n = self.observed.len();
        1 + n + n.saturating_sub(1)
    }

    /// Where a clean letter's costs start in `rows`, made when the letter is first met.
    fn row_for(&mut self, c: char) -> usize {
        if let Some(&row) = self.row_of.get(&c) {
            return row;
        }
        let start = self.rows.len();
        let observed = &self.observed;
        let costs = std::iter::once(NOTHING)
            .chain(observed.iter().copied())
            .map(|o| self.channel.sub_cost(c, o))
            .chain(
                observed
                    .windows(2)
                    .map(|two| self.channel.split_cost(c, [two[0], two[1]])),
            );
        self.rows.extend(costs);
        self.row_of.insert(c, start);
        start
    }
}

/// True when `observed` is `clean` with some of its marks left off, letter for letter, lower case
/// ("tieng", "tiéng" and "tiêng" are all "tiếng" with marks lost).
pub fn marks_lost(observed: &[char], clean: &[char]) -> bool {
    observed.len() == clean.len()
        && observed.iter().zip(clean).all(|(&o, &c)| {
            if o == c {
                return true;
            }
            let (o_letter, o_tone) = split_tone(o);
            let (c_letter, c_tone) = split_tone(c);
            (o_tone == Tone::Level || o_tone == c_tone)
                && (o_letter == c_letter
                    || (o_letter == base_letter(c_letter) && o_letter.is_ascii()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn lost_marks_are_recognized() {
        assert!(marks_lost(&chars("tieng"), &chars("tiếng")));
        assert!(marks_lost(&chars("tiéng"), &chars("tiếng")));
        assert!(marks_lost(&chars("dong"), &chars("đồng")));
        assert!(!marks_lost(&chars("tiêng"), &chars("tiếp")));
        assert!(!marks_lost(&chars("tìeng"), &chars("tiếng")));
    }

    #[test]
    fn learned_confusions_make_damage_cheap() {
        let mut counts = ConfusionCounts::new();
        for _ in 0..20 {
            counts.add_pair(
                "Tổ chức thực hiện chương trình",
                "T6 chirc thwe hién chwong trinh",
            );
            counts.add_pair("đường lối của Đảng", "duong 16i cia Dang");
        }
        let channel = Channel::from_tsv(&counts.to_tsv()).unwrap();
        let cost = |o: &str, c: &str| channel.observe(&chars(o)).cost(&chars(c));
        assert!(cost("t6", "tổ") < cost("t6", "tơ"));
        assert!(cost("chwong", "chương") < cost("chwong", "chong"));
        assert!(cost("duong", "đường") < cost("duong", "mường"));
        assert_eq!(channel.fold('6'), Some('o'));
    }

    #[test]
    fn what_short_numbers_stood_for_is_learned() {
        let mut counts = ConfusionCounts::new();
        for _ in 0..15 {
            counts.add_pair("nhưng tối thiểu là hai năm", "nhung toi thieu 14 hai nam");
        }
        for _ in 0..10 {
            counts.add_pair(
                "trong thời hạn 14 ngày làm việc",
                "trong thoi han 14 ngay lam viec",
            );
        }
        for _ in 0..3 {
            counts.add_pair("gồm 16 thành viên", "gom 16 thanh vien");
        }
        let table = counts.to_tsv();
        assert!(table.contains("number\t14\tlà\t15\n"), "{table}");
        assert!(table.contains("number\t14\t14\t10\n"), "{table}");
        let channel = Channel::from_tsv(&table).unwrap();
        let cost = |reading: &str| {
            let readings = channel.number_readings("14").unwrap();
            readings.iter().find(|(r, _)| r == reading).map(|(_, c)| *c)
        };
        assert!(cost("là").unwrap() < cost("14").unwrap());
        // Three sightings are too few to say what "16" stands for.
        assert!(channel.number_readings("16").is_none());
        assert!(Channel::from_tsv("number\t14\tlà\n").is_err());
    }

    #[test]
    fn what_whole_words_stood_for_is_learned_next_to_words_read_closely() {
        let mut counts = ConfusionCounts::new();
        for _ in 0..12 {
            counts.add_pair("chế độ công chức dự bị", "che do cong chile du bi");
        }
        for _ in 0..8 {
            counts.add_pair("các công chức khác", "cac cong chuc khac");
        }
        // Read with its marks lost, which the letters explain: not a whole-word reading.
        for _ in 0..20 {
            counts.add_pair("theo quy định", "theo quy dinh");
        }
        // Seen too seldom to be trusted.
        for _ in 0..4 {
            counts.add_pair("nhà nước trả", "nha nile tra");
        }
        let table = counts.to_tsv();
        assert!(table.contains("word\tchile\tchức\t12\t20\n"), "{table}");
        assert!(!table.contains("word\tdinh\t"), "{table}");
        assert!(!table.contains("word\tnile\t"), "{table}");
        let channel = Channel::from_tsv(&table).unwrap();
        let readings = channel.whole_word_readings("chile");
        assert_eq!(readings.len(), 1);
        let (reading, cost) = &readings[0];
        assert_eq!(reading, "chức");
        // P("chile" | "chức") = (12 + 0.5) / (20 + 1).
        assert!((cost + (12.5f32 / 21.0).ln()).abs() < 1e-4, "{cost}");
        assert!(channel.whole_word_readings("nile").is_empty());
        assert!(Channel::from_tsv("word\tchile\tchức\t12\n").is_err());
    }

    #[test]
    fn a_symbol_stands_for_every_letter_it_was_read_for() {
        let channel = Channel::from_tsv("ấ\t&\t4\nở\t&\t3\nà\t&\t1\n\t&\t2\n").unwrap();
        // "&" stood for "ấ" and "à" five times, for "ở" three and for nothing twice.
        assert_eq!(channel.fold('&'), Some('a'));
        assert_eq!(channel.letters_behind('&').collect::<Vec<_>>(), ['a', 'o']);
        assert_eq!(channel.letters_behind('#').count(), 0);
    }

    #[test]
    fn a_letter_read_as_two_characters_is_learned() {
        let mut counts = ConfusionCounts::new();
        for _ in 0..20 {
            counts.add_pair("của các thứ", "ctia cac thir");
        }
        let table = counts.to_tsv();
        assert!(table.contains("ủ\tti\t20\n"), "{table}");
        assert!(table.contains("ứ\tir\t20\n"), "{table}");
        // A letter read right next to an insertion is not read as two ("c" is not "ct").
        assert!(!table.contains("c\tct\t"), "{table}");
        let one_to_one: String = table
            .lines()
            .filter(|l| l.split('\t').nth(1).is_none_or(|o| o.chars().count() < 2))
            .map(|l| format!("{l}\n"))
            .collect();
        let with = Channel::from_tsv(&table).unwrap();
        let without = Channel::from_tsv(&one_to_one).unwrap();
        let cost = |channel: &Channel| channel.observe(&chars("ctia")).cost(&chars("của"));
        assert!(cost(&with) < cost(&without) - 1.0);
    }

    #[test]
    fn a_short_word_read_as_other_characters_counts_between_words_read_right() {
        let mut counts = ConfusionCounts::new();
        counts.add_pair("tối thiểu là hai năm", "tối thiểu 14 hai năm");
        // At the end of a line, with no word after it to vouch for it, it does not count.
        counts.add_pair("thời hạn là", "thời hạn 16");
        let table = counts.to_tsv();
        assert!(
            table.contains("l\t1\t1\n") && table.contains("à\t4\t1\n"),
            "{table}"
        );
        assert!(!table.contains("à\t6"), "{table}");
    }

    #[test]
    fn bad_table_lines_are_errors() {
        assert!(Channel::from_tsv("a\tb\tx\n").is_err());
        assert!(Channel::from_tsv("ab\tb\t1\n").is_err());
        assert!(Channel::from_tsv("a\tbcd\t1\n").is_err());
        assert!(Channel::from_tsv("\tbc\t1\n").is_err());
        assert!(Channel::from_tsv("a\n").is_err());
    }
}
