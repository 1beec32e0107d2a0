//! The word list: Vietnamese words of two or more syllables (`corpus/words.txt`, from a public
//! word list; see `corpus/public-sources.md`). Restoration reads two neighbouring readings that
//! make one of these words together as likelier than two that do not: "nâng cấp đô thị", not
//! "đó thì". The n-gram model learns this only for the words its text happened to contain.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use super::lm::{IdHasher, LanguageModel, UNKNOWN, pack};
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

    /// Which of the readings `ids` make a listed word with `last` (after it): bit i for the
    /// i-th reading (readings after the 64th never do).
    pub fn pairs_with(&self, last: u32, ids: impl Iterator<Item = u32>) -> u64 {
        let (start, end) = self.after.get(last as usize).copied().unwrap_or((0, 0));
        let next = &self.next[start as usize..end as usize];
        ids.take(64)
            .enumerate()
            .filter(|&(_, id)| next.binary_search(&id).is_ok())
            .fold(0, |mask, (i, _)| mask | 1 << i)
    }

    /// Whether three syllables are neighbours in one listed word ("ban kiểm soát").
    pub fn one_word(&self, three: [u32; 3]) -> bool {
        self.triples.contains(&pack(&three))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_that_make_a_listed_word_are_marked() {
        let lm = LanguageModel::from_texts(["ban kiểm soát truyền thống đô thị đó thì"], 1);
        let lexicon = Lexicon::from_words("ban kiểm soát\ntruyền thống\nđô thị\n", &lm);
        let id = |w: &str| lm.id(w);
        let readings = || ["thì", "thị", "soát"].into_iter().map(id);
        assert_eq!(lexicon.pairs_with(id("đô"), readings()), 0b010);
        assert_eq!(lexicon.pairs_with(id("đó"), readings()), 0);
        assert_eq!(lexicon.pairs_with(id("kiểm"), readings()), 0b100);
        assert!(lexicon.one_word([id("ban"), id("kiểm"), id("soát")]));
        assert!(!lexicon.one_word([id("truyền"), id("thống"), id("đô")]));
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
            assert_eq!(lexicon.pairs_with(id(a), [id(b)].into_iter()), 1, "{a} {b}");
        }
        assert_eq!(lexicon.pairs_with(id("đó"), [id("thì")].into_iter()), 0);
    }
}
