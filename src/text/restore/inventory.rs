//! The syllables restoration may produce, indexed for finding those near a written word.

use super::pieces::word_hash;
use crate::text::lm::{IdHasher, IdMap, LanguageModel};
use crate::text::syllable::{Syllable, ToneStyle, strip_marks};
use crate::text::upper_first;
use crate::text::words::syllable_key;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

/// Most edits between a damaged word (read through the channel's folding) and a syllable's plain form.
const MAX_EDITS: usize = 3;

/// The syllables restoration may produce, from `corpus/syllables.txt` and the model's vocabulary.
pub(super) struct Inventory {
    /// Each syllable: lower-case classic spelling, its letters and its model id.
    pub(super) syllables: Vec<(String, Vec<char>, u32)>,
    /// Per syllable, the letters of its modern spelling where the tone mark sits elsewhere
    /// ("hoá" for "hóa"): a printed page may use either, and OCR misreads the marked letter.
    pub(super) modern_letters: Vec<Option<Vec<char>>>,
    /// Syllable indexes by plain key ("tiếng" under "tieng").
    pub(super) by_plain: HashMap<String, Vec<u32>>,
    /// Plain keys (their indexes) by the hash of every form with up to [`MAX_EDITS`] letters
    /// deleted, for near misses, apart by how many letters were deleted (a key within d edits
    /// of a word shares with it a form that takes at most d deletions from each). A hash
    /// collision only adds a key that the edit check drops.
    deletions: [IdMap<u64, Vec<u32>>; MAX_EDITS + 1],
    /// The plain keys' letters and their syllables, indexed by the numbers in `deletions`.
    pub(super) plains: Vec<(Vec<char>, Vec<u32>)>,
    /// By plain key, the syllables known only in their other spelling with i or y ("kì", where
    /// the texts write "kỳ"; [`Syllable::i_y_respelled`]), scored as that spelling: readings of
    /// typed words, whose writer chose the letter. (Not of OCR words: OCR gives back a printed
    /// page's letters, and the page most likely spells as the texts do.)
    pub(super) respelled: HashMap<String, Vec<u32>>,
    /// Per syllable, the model id typed text reads it with: that of its commoner spelling with
    /// i or y ("kỳ" for "kì", "tỷ" for "tỉ": the texts write these mostly with y, and a writer
    /// who chose i means the same word), its own for any other syllable.
    pub(super) typed_ids: Vec<u32>,
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
    pub(super) fn new(listed: &str, lm: &LanguageModel) -> Inventory {
        // Each syllable's index, by its key.
        let mut seen: HashMap<String, u32> = HashMap::new();
        let mut syllables = Vec::new();
        let listed_words = listed
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next());
        for word in listed_words.chain(lm.words()) {
            let Some(key) = syllable_key(word) else {
                continue;
            };
            if let Entry::Vacant(slot) = seen.entry(key.clone()) {
                slot.insert(syllables.len() as u32);
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
        // Each syllable's other spelling with i or y: where the texts have both, typed text
        // reads both as the commoner (the listed syllables come commonest first, before the
        // model's other words); where they have one, the other is added, read as that one.
        let mut typed_ids: Vec<u32> = syllables.iter().map(|s| s.2).collect();
        let mut respelled: HashMap<String, Vec<u32>> = HashMap::new();
        for at in 0..syllables.len() {
            let Some(other) = Syllable::parse(&syllables[at].0).and_then(|s| s.i_y_respelled())
            else {
                continue;
            };
            match seen.get(&other) {
                Some(&commoner) if (commoner as usize) < at => {
                    typed_ids[at] = syllables[commoner as usize].2;
                }
                Some(_) => {}
                None => {
                    let index = syllables.len() as u32;
                    let id = syllables[at].2;
                    seen.insert(other.clone(), index);
                    respelled
                        .entry(strip_marks(&other))
                        .or_default()
                        .push(index);
                    syllables.push((other.clone(), other.chars().collect(), id));
                    typed_ids.push(id);
                }
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
            respelled,
            typed_ids,
            spellings,
        }
    }

    /// True when a syllable (any case, either tone placement; `hash` its [`word_hash`]) is one
    /// of the inventory's.
    pub(super) fn attested(&self, word: &str, hash: u64) -> bool {
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
    pub(super) fn index_of(&self, syllable: &str) -> Option<u32> {
        self.by_plain
            .get(&strip_marks(syllable))?
            .iter()
            .copied()
            .find(|&i| self.syllables[i as usize].0 == syllable)
    }

    /// Plain keys within a few edits of `word` (found through shared deletions), nearest first.
    pub(super) fn near(&self, word: &[char]) -> Vec<u32> {
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
