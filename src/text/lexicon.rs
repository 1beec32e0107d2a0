//! The word list: Vietnamese words of two or more syllables (`corpus/words.txt`, from a public
//! word list; see `corpus/public-sources.md`). Restoration reads two neighbouring readings that
//! make one of these words together as likelier than two that do not: "nâng cấp đô thị", not
//! "đó thì". The n-gram model learns this only for the words its text happened to contain.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use super::lm::{HISTORY, IdHasher, LanguageModel, UNKNOWN, pack};
use super::syllable::is_word_char;
use super::words::syllable_key;

/// A set of packed model ids.
type IdSet = HashSet<u64, BuildHasherDefault<IdHasher>>;

/// The listed words as runs of a language model's syllable ids.
pub struct Lexicon {
    /// Per syllable id: where the syllables that follow it in a listed word are in `next`.
    after: Vec<(u32, u32)>,
    /// The second syllables of every two neighbouring syllables of a listed word ("đô thị";
    /// "ban kiểm" and "kiểm soát"), sorted by first syllable, then second.
    next: Vec<u32>,
    /// Every three neighbouring syllables of a listed word ("ban kiểm soát").
    triples: IdSet,
}

/// What may go on a listed word after one history ([`Lexicon::after`]).
pub struct WordsAfter<'l> {
    lexicon: &'l Lexicon,
    /// The history's last two syllables.
    last: [u32; 2],
    /// The syllables that make a listed word with the last one, sorted.
    next: &'l [u32],
}

impl WordsAfter<'_> {
    /// Whether `w` goes on a listed word after this history: it makes a word with the last
    /// syllable, and that one did not already end a word of its own (`joined`: it was read as
    /// going on a word) unless all three are one longer word. Each syllable thus belongs to one
    /// word at most: "truyền thống" and "thông dịch" cannot both count in "truyền thông dịch".
    pub fn goes_on(&self, joined: bool, w: u32) -> bool {
        let [u, v] = self.last;
        self.next.binary_search(&w).is_ok()
            && (!joined || self.lexicon.triples.contains(&pack(&[u, v, w])))
    }
}

impl Lexicon {
    /// The embedded word list, in the ids of `lm`; runs with a syllable the model never saw are
    /// left out, since the model cannot score that syllable anyway.
    pub fn new(lm: &LanguageModel) -> Lexicon {
        Lexicon::from_words(include_str!("../../corpus/words.txt"), lm)
    }

    /// A lexicon of `words` (one word a line) in the ids of `lm`.
    pub fn from_words(words: &str, lm: &LanguageModel) -> Lexicon {
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut triples = IdSet::default();
        for word in words.lines() {
            // The list is in small letters, mostly in the model's spelling already: a syllable
            // is respelled (classic tone placement) only when the model does not know it as written.
            let ids: Vec<u32> = word
                .split(|c: char| !is_word_char(c))
                .filter(|part| !part.is_empty())
                .map(|part| match lm.id(part) {
                    UNKNOWN => syllable_key(part).map_or(UNKNOWN, |key| lm.id(&key)),
                    id => id,
                })
                .collect();
            let known = |run: &&[u32]| run.iter().all(|&id| id > UNKNOWN);
            pairs.extend(ids.windows(2).filter(known).map(|p| (p[0], p[1])));
            triples.extend(ids.windows(3).filter(known).map(pack));
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut after = vec![(0, 0); lm.vocab_len()];
        for (at, &(first, _)) in (0u32..).zip(&pairs) {
            let span = &mut after[first as usize];
            if span.1 == 0 {
                span.0 = at;
            }
            span.1 = at + 1;
        }
        Lexicon {
            after,
            next: pairs.into_iter().map(|(_, second)| second).collect(),
            triples,
        }
    }

    /// What may go on a listed word after `history` (oldest first).
    pub fn after(&self, history: [u32; HISTORY]) -> WordsAfter<'_> {
        let [_, u, v] = history;
        let (start, end) = self.after.get(v as usize).copied().unwrap_or((0, 0));
        WordsAfter {
            lexicon: self,
            last: [u, v],
            next: &self.next[start as usize..end as usize],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lm::START;

    #[test]
    fn a_syllable_goes_on_one_word_at_most() {
        let lm =
            LanguageModel::from_texts(["ban kiểm soát truyền thống thông dịch đô thị đó thì"], 1);
        let words = "ban kiểm soát\ntruyền thống\ntruyền thông\nthông dịch\nđô thị\n";
        let lexicon = Lexicon::from_words(words, &lm);
        let id = |w: &str| lm.id(w);
        let after = |u: &str, v: &str| [START, id(u), id(v)];
        assert!(lexicon.after(after("nâng", "đô")).goes_on(false, id("thị")));
        assert!(!lexicon.after(after("nâng", "đó")).goes_on(false, id("thì")));
        // "kiểm" went on "ban": "soát" goes on the same word of three.
        assert!(
            lexicon
                .after(after("ban", "kiểm"))
                .goes_on(true, id("soát"))
        );
        // "thông" went on "truyền" ("truyền thông"): "dịch" cannot make a second word with it.
        assert!(
            !lexicon
                .after(after("truyền", "thông"))
                .goes_on(true, id("dịch"))
        );
        assert!(
            lexicon
                .after(after("truyền", "thông"))
                .goes_on(false, id("dịch"))
        );
    }

    #[test]
    fn the_embedded_list_knows_common_administrative_words() {
        let lm = LanguageModel::embedded();
        let lexicon = Lexicon::new(lm);
        let id = |w: &str| lm.id(w);
        for (a, b) in [
            ("đô", "thị"),
            ("kiểm", "soát"),
            ("tuyển", "dụng"),
            ("ủy", "ban"),
        ] {
            assert!(
                lexicon.after([START, START, id(a)]).goes_on(false, id(b)),
                "{a} {b}"
            );
        }
        assert!(
            !lexicon
                .after([START, START, id("đó")])
                .goes_on(false, id("thì"))
        );
    }
}
