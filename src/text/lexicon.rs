//! The word list: Vietnamese words of two or more syllables (`corpus/words.txt`, from a public
//! word list; see `corpus/public-sources.md`). Restoration reads two neighbouring readings that
//! make one of these words together as likelier than two that do not: "nâng cấp đô thị", not
//! "đó thì". The n-gram model learns this only for the words its text happened to contain.
//! The same words tell which D of an acronym is a Đ: "DTXD" spells "đầu tư xây dựng", "ĐTXD".

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use super::lm::{HISTORY, IdHasher, LanguageModel, START, UNKNOWN, pack};
use super::syllable::{Syllable, base_letter, is_word_char};
use super::words::syllable_key;

/// A set of packed model ids.
type IdSet = HashSet<u64, BuildHasherDefault<IdHasher>>;

/// True when `word` (small letters, syllables apart, either tone placement, i or y) is one of
/// the listed words: "kỹ sư", "hợp tác xã", "học viên", "kỳ thi".
pub fn is_listed_word(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| include_str!("../../corpus/words.txt").lines().collect());
    with_i_y_respelled(word).any(|spelling| {
        words.contains(spelling.as_ref())
            || words.contains(
                super::normalize::respell_words(&spelling, super::ToneStyle::Modern).as_str(),
            )
    })
}

/// The listed words as runs of a language model's syllable ids.
pub struct Lexicon {
    /// Every two neighbouring syllables of a listed word ("đô thị"; "ban kiểm" and "kiểm soát"):
    /// per first syllable's id, where its second syllables are in [`Lexicon::seconds`].
    pairs_after: Vec<(u32, u32)>,
    /// The second syllables of the pairs, sorted by first syllable, then by id: a word's are
    /// side by side, so that one look-up in a short run answers for all the readings of the
    /// next word.
    seconds: Vec<u32>,
    /// Every three neighbouring syllables of a listed word ("ban kiểm soát").
    triples: IdSet,
    /// The listed words of two or three syllables by their initials in capitals, Đ kept
    /// ("ĐT": "đầu tư", "đô thị"; "XD": "xây dựng"), for reading acronyms.
    by_initials: HashMap<String, Vec<Vec<u32>>>,
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
        let mut by_initials: HashMap<String, Vec<Vec<u32>>> = HashMap::new();
        for word in words.lines().flat_map(with_i_y_respelled) {
            // The list is in small letters, mostly in the model's spelling already: a syllable
            // is respelled (classic tone placement) only when the model does not know it as written.
            let parts: Vec<&str> = word
                .split(|c: char| !is_word_char(c))
                .filter(|part| !part.is_empty())
                .collect();
            let ids: Vec<u32> = parts
                .iter()
                .map(|&part| match lm.id(part) {
                    UNKNOWN => syllable_key(part).map_or(UNKNOWN, |key| lm.id(&key)),
                    id => id,
                })
                .collect();
            let known = |run: &&[u32]| run.iter().all(|&id| id > UNKNOWN);
            if (2..=3).contains(&ids.len()) && known(&ids.as_slice()) {
                let initials: String = parts.iter().filter_map(|part| initial(part)).collect();
                by_initials.entry(initials).or_default().push(ids.clone());
            }
            pairs.extend(ids.windows(2).filter(known).map(|pair| (pair[0], pair[1])));
            triples.extend(ids.windows(3).filter(known).map(pack));
        }
        // An acronym is read among the likeliest words of each run of initials only.
        for words in by_initials.values_mut() {
            let mut scored: Vec<(f32, Vec<u32>)> = words
                .drain(..)
                .map(|word| (read_after(lm, [START; HISTORY], &word).0, word))
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0));
            words.extend(scored.into_iter().take(WORDS_PER_INITIALS).map(|(_, w)| w));
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut pairs_after = vec![(0, 0); lm.vocab_len()];
        for (at, &(first, _)) in pairs.iter().enumerate() {
            let span = &mut pairs_after[first as usize];
            if span.1 == 0 {
                span.0 = at as u32;
            }
            span.1 = at as u32 + 1;
        }
        Lexicon {
            pairs_after,
            seconds: pairs.into_iter().map(|(_, second)| second).collect(),
            triples,
            by_initials,
        }
    }

    /// Which of the readings `ids` make a listed word with `last` (after it): bit i for the
    /// i-th reading (readings after the 64th never do).
    pub fn pairs_with(&self, last: u32, ids: impl Iterator<Item = u32>) -> u64 {
        let Some(&(start, end)) = self.pairs_after.get(last as usize) else {
            return 0;
        };
        let seconds = &self.seconds[start as usize..end as usize];
        if seconds.is_empty() {
            return 0;
        }
        ids.take(64)
            .enumerate()
            .filter(|(_, id)| seconds.binary_search(id).is_ok())
            .fold(0, |mask, (i, _)| mask | 1 << i)
    }

    /// An acronym written without Đ ("DTXD") with Đ put back where the likeliest run of listed
    /// words whose initials it spells has it ("đầu tư xây dựng": "ĐTXD"); `None` when no run of
    /// listed words of two or three syllables spells all of it, or none needs a Đ.
    pub fn spell_acronym(&self, acronym: &str, lm: &LanguageModel) -> Option<String> {
        /// Readings kept per position of the acronym.
        const KEPT: usize = 8;
        let letters: Vec<char> = acronym.chars().collect();
        if !(2..=9).contains(&letters.len()) || !letters.contains(&'D') {
            return None;
        }
        // Per position: the best readings of the letters before it (score, history, spelling).
        let mut best: Vec<Vec<(f32, [u32; HISTORY], String)>> = vec![Vec::new(); letters.len() + 1];
        best[0].push((0.0, [START; HISTORY], String::new()));
        for at in 0..letters.len() {
            let here = std::mem::take(&mut best[at]);
            for len in 2..=3.min(letters.len() - at) {
                for spelling in with_d_or_dd(&letters[at..at + len]) {
                    let Some(words) = self.by_initials.get(&spelling) else {
                        continue;
                    };
                    for (score, history, before) in &here {
                        for word in words {
                            let (p, history) = read_after(lm, *history, word);
                            best[at + len].push((
                                score + p,
                                history,
                                format!("{before}{spelling}"),
                            ));
                        }
                    }
                }
                let next = &mut best[at + len];
                next.sort_by(|a, b| b.0.total_cmp(&a.0));
                next.truncate(KEPT);
            }
        }
        let (_, _, spelled) = best[letters.len()].first()?;
        (spelled != acronym).then(|| spelled.clone())
    }

    /// Whether three syllables are neighbours in one listed word ("ban kiểm soát").
    pub fn one_word(&self, three: [u32; 3]) -> bool {
        self.triples.contains(&pack(&three))
    }
}

/// Words of one run of initials that an acronym is read among (the likeliest on their own).
const WORDS_PER_INITIALS: usize = 16;

/// Natural log of the probability of a word's syllables after `history`, and the history
/// they leave.
fn read_after(
    lm: &LanguageModel,
    mut history: [u32; HISTORY],
    word: &[u32],
) -> (f32, [u32; HISTORY]) {
    let mut p = 0.0;
    for &w in word {
        p += lm.log_prob(history, w);
        history = [history[1], history[2], w];
    }
    (p, history)
}

/// A listed word as written, and, when a syllable of it may be written with i or y
/// ([`Syllable::i_y_respelled`]), the word with every such syllable spelled the other way
/// ("kì thi" and "kỳ thi"): the list has some words in one spelling only.
fn with_i_y_respelled(word: &str) -> impl Iterator<Item = Cow<'_, str>> {
    // (Most words have no such syllable: they are passed on without a copy.)
    let respelled = |part: &str| {
        let last = part.chars().last().map(base_letter);
        matches!(last, Some('i' | 'y'))
            .then(|| Syllable::parse(part)?.i_y_respelled())
            .flatten()
    };
    let other = word
        .split(' ')
        .any(|part| respelled(part).is_some())
        .then(|| {
            word.split(' ')
                .map(|part| respelled(part).unwrap_or_else(|| part.to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        });
    std::iter::once(Cow::Borrowed(word)).chain(other.map(Cow::Owned))
}

/// A syllable's initial in capitals, Đ kept ("đầu" gives 'Đ', "ủy" gives 'U').
fn initial(syllable: &str) -> Option<char> {
    let first = syllable.chars().next()?;
    if first == 'đ' || first == 'Đ' {
        return Some('Đ');
    }
    Some(base_letter(first).to_ascii_uppercase())
}

/// Every spelling of `letters` with each D left or written Đ.
fn with_d_or_dd(letters: &[char]) -> Vec<String> {
    let mut spellings = vec![String::new()];
    for &c in letters {
        let options: &[char] = if c == 'D' { &['D', 'Đ'] } else { &[c] };
        spellings = spellings
            .iter()
            .flat_map(|s| options.iter().map(move |&o| format!("{s}{o}")))
            .collect();
    }
    spellings
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
    fn a_word_listed_with_i_is_listed_with_y_too() {
        let lm = LanguageModel::from_texts(["kỳ thi kì thi lý do lí do thủy lợi thủi"], 1);
        let lexicon = Lexicon::from_words("kì thi\nlý do\nthủy lợi\n", &lm);
        let id = |w: &str| lm.id(w);
        for (a, b) in [("kì", "thi"), ("kỳ", "thi"), ("lý", "do"), ("lí", "do")] {
            assert_eq!(lexicon.pairs_with(id(a), [id(b)].into_iter()), 1, "{a} {b}");
        }
        // "uy" is a vowel of its own: "thủy" has no spelling with i.
        assert_eq!(lexicon.pairs_with(id("thủi"), [id("lợi")].into_iter()), 0);
        // The embedded list has "cực kì" and "kì thi" only with i.
        assert!(is_listed_word("cực kỳ") && is_listed_word("kỳ thi"));
        assert!(!is_listed_word("kỳ thì"));
    }

    #[test]
    fn an_acronym_takes_its_d_from_the_words_it_stands_for() {
        let text = "ban quản lý dự án đầu tư xây dựng\nđầu tư xây dựng công trình\n\
                    lập dự toán xây dựng\nxác định dự toán\n";
        let lm = LanguageModel::from_texts([text], 1);
        let words = "đầu tư\nxây dựng\nxác định\ndự toán\ndự án\nquản lý\n";
        let lexicon = Lexicon::from_words(words, &lm);
        // "đầu tư xây dựng" is likelier than "dự toán xây dựng" or "đầu tư xác định".
        assert_eq!(lexicon.spell_acronym("DTXD", &lm).as_deref(), Some("ĐTXD"));
        assert_eq!(lexicon.spell_acronym("QLDA", &lm), None);
        // No run of listed words spells "XYD"; "UBND" has no D to choose.
        assert_eq!(lexicon.spell_acronym("XYD", &lm), None);
        assert_eq!(lexicon.spell_acronym("UBN", &lm), None);
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
