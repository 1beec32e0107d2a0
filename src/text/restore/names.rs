//! Place names whose words are not standard Vietnamese syllables ("Đắk Lắk", "Krông Búk",
//! "Ngọk Tụ"): the language model reads such a word as an "other" word and the inventory holds
//! no syllable for it, so a line typed without marks kept "Dak Lak". In a restored line, a run
//! of capitalised words spelling such a name without its marks is written as the official list
//! of places spells it.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crate::text::lm::IdHasher;
use crate::text::syllable::{Syllable, base_letter, is_letter, is_vietnamese_letter, same_letters};

/// Every province, district and commune of Viet Nam with its type, one place per line
/// ("Xã Ea Kar, Huyện Ea Kar, Tỉnh Đắk Lắk"); source and licence in `corpus/public-sources.md`.
const PLACES: &str = include_str!("../../../corpus/public/place-names.txt");

/// The last words of the types a place's name follows, without marks: a name of one word is
/// read only after one of them ("huyện Lak").
const TYPE_ENDS: [&str; 7] = ["pho", "tran", "xa", "phuong", "huyen", "quan", "tinh"];

/// Whether a word, with or without marks, in any case, ends the type of a place ("xã", "Huyện",
/// "thành phố"), which the place's name follows.
pub(super) fn ends_place_type(word: &str) -> bool {
    TYPE_ENDS.iter().any(|end| same_letters(word, end))
}

/// The types a place's name follows in the list, longest first.
const PLACE_TYPES: [&str; 8] = [
    "Thành phố ",
    "Thị trấn ",
    "Thị xã ",
    "Phường ",
    "Huyện ",
    "Quận ",
    "Tỉnh ",
    "Xã ",
];

/// Place names with a word of no standard syllable, by their words without marks.
pub(super) struct PlaceNames {
    /// By the name's words without marks, in small letters: the name.
    by_plain: HashMap<String, Name, BuildHasherDefault<IdHasher>>,
    /// Words in the longest name.
    longest: usize,
    /// The first words of the names, without marks, in small letters.
    firsts: HashSet<String, BuildHasherDefault<IdHasher>>,
    /// The names' words of no standard syllable, as listed, in small letters ("đắk", "krông").
    words: HashSet<String, BuildHasherDefault<IdHasher>>,
}

/// A place name of the list.
struct Name {
    /// As the list spells it; `None` when the list spells it two ways as often ("Đắk Pék",
    /// "Đăk Pek"), and a line's spelling is then kept.
    spelled: Option<String>,
    /// Per word, whether it is no standard syllable ([`unusual`]).
    unusual: Vec<bool>,
}

/// A place name found in a line: where it is, and how the list spells it there.
pub(super) struct NameRun<'n> {
    /// Where it starts and ends in the line (bytes).
    pub(super) span: (usize, usize),
    name: &'n Name,
}

/// A word without its marks and in small letters, đ as d: what it is typed as without marks.
fn plain(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    plain_into(word, &mut out);
    out
}

/// [`plain`], written at the end of `out`.
fn plain_into(word: &str, out: &mut String) {
    for c in word.chars() {
        let base = if is_vietnamese_letter(c) {
            base_letter(c)
        } else {
            c
        };
        out.extend(base.to_lowercase());
    }
}

/// Whether a word of a name is a word of no standard syllable ("Lắk", "Krông", "M'gar"), not a
/// letter or capitals standing for a part ("Tân Hiệp B", "Hải Châu II", "NT Mộc Châu").
fn unusual(word: &str) -> bool {
    word.chars().count() > 1 && word.chars().any(char::is_lowercase) && !Syllable::is_valid(word)
}

/// Whether a character belongs to a name's word: a letter or an apostrophe ("Cư M'gar").
fn in_word(c: char) -> bool {
    is_letter(c) || matches!(c, '\'' | '’')
}

impl PlaceNames {
    /// The names of the embedded list of places.
    pub(super) fn embedded() -> &'static PlaceNames {
        static NAMES: OnceLock<PlaceNames> = OnceLock::new();
        NAMES.get_or_init(|| PlaceNames::from_list(PLACES))
    }

    /// The names of a list of places (one per line, each with the places it lies in after
    /// ", ") with a word of no standard syllable. Where two names are one without their marks
    /// ("Đắk Long", "Đăk Long"), the list's commoner spelling is the name's.
    fn from_list(list: &str) -> PlaceNames {
        // How often the list names each place (a district in each of its communes' lines too).
        let mut counts: HashMap<&str, usize, BuildHasherDefault<IdHasher>> = HashMap::default();
        for part in list.lines().flat_map(|line| line.split(", ")) {
            let part = part.trim();
            if let Some(name) = PLACE_TYPES.iter().find_map(|kind| part.strip_prefix(kind)) {
                *counts.entry(name).or_default() += 1;
            }
        }
        let mut spellings: HashMap<String, Vec<(usize, &str)>> = HashMap::new();
        for (&name, &count) in &counts {
            let words: Vec<&str> = name.split(' ').collect();
            let well_formed = words
                .iter()
                .all(|w| !w.is_empty() && w.chars().all(in_word));
            if !well_formed || !words.iter().any(|w| unusual(w)) {
                continue;
            }
            spellings
                .entry(plain(name))
                .or_default()
                .push((count, name));
        }
        let by_plain: HashMap<String, Name, BuildHasherDefault<IdHasher>> = spellings
            .into_iter()
            .map(|(key, mut names)| {
                names.sort_unstable_by(|a, b| b.cmp(a));
                let tied = names.get(1).is_some_and(|second| second.0 == names[0].0);
                let name = Name {
                    spelled: (!tied).then(|| names[0].1.to_string()),
                    unusual: names[0].1.split(' ').map(unusual).collect(),
                };
                (key, name)
            })
            .collect();
        let longest = by_plain
            .keys()
            .map(|key| key.split(' ').count())
            .max()
            .unwrap_or(0);
        let firsts = by_plain
            .keys()
            .filter_map(|key| key.split(' ').next())
            .map(str::to_string)
            .collect();
        let words = by_plain
            .values()
            .filter_map(|name| name.spelled.as_deref())
            .flat_map(|spelled| spelled.split(' '))
            .filter(|word| unusual(word))
            .map(str::to_lowercase)
            .collect();
        PlaceNames {
            by_plain,
            longest,
            firsts,
            words,
        }
    }

    /// Whether `word` (in small letters, with its marks) is a word of no standard syllable in a
    /// place name of the list ("đắk", "krông").
    pub(super) fn has_word(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// The place names of the list in `line`: runs of words each starting with a capital, as
    /// a name's do, that spell a name without its marks or with some, their words of no
    /// syllable written without marks or as listed (a writer's "Đăk" for the list's "Đắk" is
    /// no slip); a name of one word, or whose first word is one letter, only after its place's
    /// type ("huyện Lak", "xã A Ting").
    pub(super) fn runs<'n>(&'n self, line: &str) -> Vec<NameRun<'n>> {
        // The line's words: where each starts and ends.
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut start = None;
        for (at, c) in line.char_indices().chain([(line.len(), ' ')]) {
            match (start, in_word(c)) {
                (None, true) => start = Some(at),
                (Some(from), false) => {
                    words.push((from, at));
                    start = None;
                }
                _ => {}
            }
        }
        let capitalised =
            |&(from, to): &(usize, usize)| line[from..to].starts_with(char::is_uppercase);
        let mut runs = Vec::new();
        let mut first = String::new();
        let mut i = 0;
        while i < words.len() {
            let (from, to) = words[i];
            first.clear();
            if capitalised(&words[i]) {
                plain_into(&line[from..to], &mut first);
            }
            if !self.firsts.contains(first.as_str()) {
                i += 1;
                continue;
            }
            let found = (1..=self.longest.min(words.len() - i)).rev().find_map(|n| {
                let run = &words[i..i + n];
                let spaced = run.windows(2).all(|w| &line[w[0].1..w[1].0] == " ");
                if !spaced || !run.iter().all(capitalised) {
                    return None;
                }
                let span = (run[0].0, run[n - 1].1);
                let name = self.by_plain.get(&plain(&line[span.0..span.1]))?;
                let as_listed = |listed: &str, word: &str| {
                    let lower = word.to_lowercase();
                    plain(word) == lower || lower == listed.to_lowercase()
                };
                let written_so = match &name.spelled {
                    Some(spelled) => run.iter().zip(spelled.split(' ')).zip(&name.unusual).all(
                        |((&(from, to), listed), &odd)| !odd || as_listed(listed, &line[from..to]),
                    ),
                    None => true,
                };
                // (A letter before a word is as often a list's label: "A Tổng thu" read as "A
                // Ting" is no "xã A Ting".)
                let label_first = line[run[0].0..run[0].1].chars().count() == 1;
                let after_type = (n > 1 && !label_first)
                    || i.checked_sub(1).is_some_and(|b| {
                        let (from, to) = words[b];
                        ends_place_type(&line[from..to]) && &line[to..span.0] == " "
                    });
                (written_so && after_type).then_some((n, NameRun { span, name }))
            });
            match found {
                Some((n, run)) => {
                    runs.push(run);
                    i += n;
                }
                None => i += 1,
            }
        }
        runs
    }

    /// `line` with each place name of the list in it ([`PlaceNames::runs`]) written as the
    /// list spells it (in capitals where the line has it in capitals); `None` when none is
    /// written otherwise.
    pub(super) fn spell_in(&self, line: &str) -> Option<String> {
        let mut out = String::new();
        let mut written = 0;
        for run in self.runs(line) {
            let (from, to) = run.span;
            let Some(spelled) = &run.name.spelled else {
                continue;
            };
            let text = &line[from..to];
            let in_capitals = !text.contains(char::is_lowercase);
            let spelled = if in_capitals {
                spelled.to_uppercase()
            } else {
                spelled.clone()
            };
            if spelled != text {
                out.push_str(&line[written..from]);
                out.push_str(&spelled);
                written = to;
            }
        }
        if out.is_empty() {
            return None;
        }
        out.push_str(&line[written..]);
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_no_standard_syllables_are_spelled_as_the_list_spells_them() {
        let names = PlaceNames::embedded();
        let spell = |line: &str| names.spell_in(line).unwrap_or_else(|| line.to_string());
        assert_eq!(
            spell("Ủy ban nhân dân tỉnh Dak Lak ban hành"),
            "Ủy ban nhân dân tỉnh Đắk Lắk ban hành"
        );
        assert_eq!(
            spell("huyện Krong Buk và huyện Krông Pac, tỉnh Dak Nông"),
            "huyện Krông Búk và huyện Krông Pắc, tỉnh Đắk Nông"
        );
        assert_eq!(spell("UBND TỈNH DAK LAK"), "UBND TỈNH ĐẮK LẮK");
        // Names of standard syllables are the model's to read; a name written right, words in
        // small letters, and words that only start like a name stay.
        // A name of one word, or starting with a letter, after its place's type.
        assert_eq!(
            spell("huyện Lak, xã Pro, xã A Dok"),
            "huyện Lắk, xã Pró, xã A Dơk"
        );
        assert_eq!(spell("A Dok, B Pro"), "A Dok, B Pro");
        for line in [
            "tỉnh Lam Dong, huyện Bao Lam, xã Tan Hiep B",
            "tỉnh Đắk Lắk, xã Đăk Long",
            "dak lak",
            "Dak Lakk, Dak-Lak, Lak, Office Pro",
        ] {
            assert_eq!(spell(line), line);
        }
    }

    #[test]
    fn names_spelled_two_ways_keep_the_commoner_and_a_tie_keeps_the_line_s_spelling() {
        let list = "Xã Đắk Long, Huyện A\nXã Đắk Long, Huyện B\nXã Đăk Long, Huyện C\n\
                    Xã Đắk Pék, Huyện D\nXã Đăk Pek, Huyện E\nXã Ea Kar, Huyện Ea Kar";
        let names = PlaceNames::from_list(list);
        let spelled = |key: &str| names.by_plain.get(key).map(|n| n.spelled.as_deref());
        assert_eq!(spelled("dak long"), Some(Some("Đắk Long")));
        assert_eq!(spelled("dak pek"), Some(None));
        // A name with nothing to put back is a name still, which restoration leaves as it is.
        assert_eq!(spelled("ea kar"), Some(Some("Ea Kar")));
        assert_eq!(names.longest, 2);
    }
}
