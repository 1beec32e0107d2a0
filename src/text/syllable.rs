//! The Vietnamese syllable: onset + (medial) + nucleus + (coda) + tone.
//!
//! Every validity check, tone placement, de-accenting and restoration
//! candidate in the program comes from this model. A written syllable is
//! parsed into its parts ([`Syllable::parse`]) and spelled back
//! ([`Syllable::spell`]) with the tone mark where the chosen [`ToneStyle`]
//! puts it.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// One of the six Vietnamese tones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tone {
    /// ngang: no mark.
    Level,
    /// huyền: grave accent.
    Grave,
    /// sắc: acute accent.
    Acute,
    /// hỏi: hook above.
    Hook,
    /// ngã: tilde.
    Tilde,
    /// nặng: dot below.
    Dot,
}

impl Tone {
    /// All six tones, in the order of the vowel table columns.
    pub const ALL: [Tone; 6] = [
        Tone::Level,
        Tone::Grave,
        Tone::Acute,
        Tone::Hook,
        Tone::Tilde,
        Tone::Dot,
    ];

    fn index(self) -> usize {
        self as usize
    }
}

/// Where the tone mark goes in open syllables with oa, oe, uy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ToneStyle {
    /// "hòa", "khỏe", "thủy", "Ủy": as Decree 30/2020 forms print (the default).
    #[default]
    Classic,
    /// "hoà", "khoẻ", "thuỷ", "Uỷ": the mark on the main vowel (Decision 1989/QĐ-BGDĐT).
    Modern,
}

/// Each vowel letter (with its own circumflex, breve or horn) and its six toned forms.
const VOWEL_TABLE: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];

/// Splits a lower-case letter into its toneless letter and its tone.
pub fn split_tone(c: char) -> (char, Tone) {
    if c.is_ascii() {
        return (c, Tone::Level);
    }
    static TONED: OnceLock<FnvMap<char, (char, Tone)>> = OnceLock::new();
    let table = TONED.get_or_init(|| {
        VOWEL_TABLE
            .iter()
            .flat_map(|row| row.iter().zip(Tone::ALL).map(|(&c, t)| (c, (row[0], t))))
            .collect()
    });
    table.get(&c).copied().unwrap_or((c, Tone::Level))
}

/// True when a word's tone mark, if it has one, can sit on one letter only, so that no style
/// places it elsewhere: the word has no mark, or one vowel letter, or the mark is on its only
/// vowel with a circumflex, breve or horn ("việc"; not "được", which has two). Only the others
/// ("hòa", "thủy", "của") need parsing to be spelled in a style.
pub fn mark_has_one_place(word: &str) -> bool {
    let (mut vowels, mut hats) = (0, 0);
    let mut mark_on_hat = None;
    for c in word.chars() {
        let (letter, tone) = if c.is_ascii() {
            (c.to_ascii_lowercase(), Tone::Level)
        } else {
            match split_tone(c) {
                (_, Tone::Level) if c.is_uppercase() => {
                    split_tone(c.to_lowercase().next().unwrap_or(c))
                }
                found => found,
            }
        };
        let hat = matches!(letter, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư');
        if hat || matches!(letter, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
            vowels += 1;
            hats += usize::from(hat);
        }
        if tone != Tone::Level {
            mark_on_hat = Some(hat);
        }
    }
    match mark_on_hat {
        None => true,
        Some(on_hat) => vowels <= 1 || (on_hat && hats == 1),
    }
}

/// Puts a tone on a lower-case toneless vowel letter (other letters are returned as they are).
pub fn with_tone(c: char, tone: Tone) -> char {
    VOWEL_TABLE
        .iter()
        .find(|row| row[0] == c)
        .map_or(c, |row| row[tone.index()])
}

/// The plain ASCII letter under a Vietnamese letter: "ấ" → 'a', "đ" → 'd'.
pub fn base_letter(c: char) -> char {
    let lower: char = c.to_lowercase().next().unwrap_or(c);
    let (toneless, _) = split_tone(lower);
    let plain = match toneless {
        'ă' | 'â' => 'a',
        'ê' => 'e',
        'ô' | 'ơ' => 'o',
        'ư' => 'u',
        'đ' => 'd',
        other => other,
    };
    if c.is_uppercase() {
        plain.to_ascii_uppercase()
    } else {
        plain
    }
}

/// True for letters of any script, answered without a table look-up for Latin ones.
///
/// `is_letter` searches Unicode tables for every non-ASCII char; Vietnamese
/// text is full of them, and all of Latin-1, Latin Extended-A/B and Latin Extended
/// Additional (U+1E00-U+1EFF) are letters but for "×" and "÷".
pub fn is_letter(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0x24F => c != '×' && c != '÷',
        0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric` with the fast letter test of [`is_letter`] (Vietnamese letters skip the Unicode tables).
pub fn is_word_char(c: char) -> bool {
    is_letter(c) || c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric())
}

/// True for the letters Vietnamese spelling uses (any case, any mark).
pub fn is_vietnamese_letter(c: char) -> bool {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let (toneless, _) = split_tone(lower);
    matches!(
        toneless,
        'a'..='z' | 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư' | 'đ'
    )
}

/// Removes every tone mark and letter diacritic: "Việt Nam" → "Viet Nam".
pub fn strip_marks(text: &str) -> String {
    text.chars()
        .map(|c| {
            if is_vietnamese_letter(c) {
                base_letter(c)
            } else {
                c
            }
        })
        .collect()
}

/// Whether two words have the same letters, marks and case aside ("Duong", "đường").
pub fn same_letters(a: &str, b: &str) -> bool {
    let plain = |c: char| base_letter(c).to_ascii_lowercase();
    a.chars().map(plain).eq(b.chars().map(plain))
}

/// Written onsets, longest first so that "ngh" is tried before "ng" and "n".
const ONSETS: [&str; 27] = [
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// A rhyme: medial glide, nucleus and coda, all toneless and lower case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rhyme {
    medial: &'static str,
    nucleus: &'static str,
    coda: &'static str,
}

/// The rhymes of standard Vietnamese spelling, written "medial|nucleus|coda".
///
/// Diphthongs are written as their nucleus: iê/yê/ia/ya, uô/ua, ươ/ưa.
const RHYMES: &str = "\
|a| |a|c |a|ch |a|i |a|m |a|n |a|ng |a|nh |a|o |a|p |a|t |a|u |a|y \
|ă|c |ă|m |ă|n |ă|ng |ă|p |ă|t \
|â|c |â|m |â|n |â|ng |â|p |â|t |â|u |â|y \
|e| |e|c |e|m |e|n |e|ng |e|o |e|p |e|t \
|ê| |ê|ch |ê|m |ê|n |ê|nh |ê|p |ê|t |ê|u \
|i| |i|a |i|ch |i|m |i|n |i|nh |i|p |i|t |i|u \
|iê|c |iê|m |iê|n |iê|ng |iê|p |iê|t |iê|u |ia| \
|y| |yê|m |yê|n |yê|ng |yê|t |yê|u \
|o| |o|c |o|i |o|m |o|n |o|ng |o|p |o|t |oo|c |oo|ng \
|ô| |ô|c |ô|i |ô|m |ô|n |ô|ng |ô|p |ô|t \
|ơ| |ơ|i |ơ|m |ơ|n |ơ|p |ơ|t \
|u| |u|c |u|i |u|m |u|n |u|ng |u|p |u|t \
|uô|c |uô|i |uô|m |uô|n |uô|ng |uô|t |ua| \
|ư| |ư|c |ư|i |ư|m |ư|n |ư|ng |ư|t |ư|u \
|ươ|c |ươ|i |ươ|m |ươ|n |ươ|ng |ươ|p |ươ|t |ươ|u |ưa| \
o|a| o|a|c o|a|ch o|a|i o|a|m o|a|n o|a|ng o|a|nh o|a|o o|a|p o|a|t o|a|y \
o|ă|c o|ă|m o|ă|n o|ă|ng o|ă|t \
o|e| o|e|n o|e|o o|e|t \
u|â|n u|â|ng u|â|t u|â|y \
u|ê| u|ê|ch u|ê|nh \
u|ơ| u|y| u|y|ch u|y|n u|y|nh u|y|p u|y|t u|y|u u|ya| u|yê|n u|yê|t \
";

/// FNV-1a: a fast hash for the short keys of the syllable tables (no untrusted-key concerns).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = self.0;
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// A hash map with the FNV hasher.
type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The rhyme table, keyed by the rhyme's written form ("oan", "ương").
fn rhymes() -> &'static FnvMap<String, Rhyme> {
    static TABLE: OnceLock<FnvMap<String, Rhyme>> = OnceLock::new();
    TABLE.get_or_init(|| {
        RHYMES
            .split_whitespace()
            .map(|entry| {
                let mut parts = entry.split('|');
                let medial = parts.next().unwrap_or("");
                let nucleus = parts.next().unwrap_or("");
                let coda = parts.next().unwrap_or("");
                (
                    format!("{medial}{nucleus}{coda}"),
                    Rhyme {
                        medial,
                        nucleus,
                        coda,
                    },
                )
            })
            .collect()
    })
}

fn find_rhyme(text: &str) -> Option<Rhyme> {
    rhymes().get(text).copied()
}

/// A parsed Vietnamese syllable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable {
    /// The onset consonant(s), "" for none (lower case, as written: "ngh", "qu", "gi").
    pub onset: &'static str,
    /// The medial glide as written, "o", "u" or "".
    pub medial: &'static str,
    /// The nucleus as written without tone: "a", "iê", "ươ", "ưa", ...
    pub nucleus: &'static str,
    /// The coda as written: "ng", "t", "i", "o", "" ...
    pub coda: &'static str,
    /// The tone.
    pub tone: Tone,
    /// Which letters were upper case, by position in the written form (bit i = letter i).
    pub upper: u32,
}

impl Syllable {
    /// Parses one written syllable (any case, any tone placement); `None` if it is not Vietnamese.
    pub fn parse(word: &str) -> Option<Syllable> {
        // At most 8 letters of at most 2 bytes each (toneless Vietnamese letters): no allocation.
        let mut buffer = [0u8; 32];
        let mut len = 0;
        let mut upper = 0u32;
        let mut tone = Tone::Level;
        for (i, c) in word.chars().enumerate() {
            if i >= 8 {
                return None;
            }
            let lower = if c.is_ascii_lowercase() {
                c
            } else if c.is_uppercase() {
                upper |= 1 << i;
                c.to_lowercase().next()?
            } else {
                c
            };
            let (toneless, t) = split_tone(lower);
            if t != Tone::Level {
                if tone != Tone::Level {
                    return None;
                }
                tone = t;
            }
            if toneless.len_utf8() > 2 {
                return None;
            }
            len += toneless.encode_utf8(&mut buffer[len..]).len();
        }
        let letters = std::str::from_utf8(&buffer[..len]).ok()?;
        let (onset, rhyme) = split_onset(letters)?;
        let checked = matches!(rhyme.coda, "p" | "t" | "c" | "ch");
        if checked && !matches!(tone, Tone::Acute | Tone::Dot) {
            return None;
        }
        Some(Syllable {
            onset,
            medial: rhyme.medial,
            nucleus: rhyme.nucleus,
            coda: rhyme.coda,
            tone,
            upper,
        })
    }

    /// True when `word` is a well-formed Vietnamese syllable.
    pub fn is_valid(word: &str) -> bool {
        Syllable::parse(word).is_some()
    }

    /// The syllable written out with its tone mark placed in `style`, keeping the original case.
    pub fn spell(&self, style: ToneStyle) -> String {
        let letters: Vec<char> = self
            .onset
            .chars()
            .chain(self.medial.chars())
            .chain(self.nucleus.chars())
            .chain(self.coda.chars())
            .collect();
        let mark_at = self.onset.chars().count() + self.mark_offset(style);
        letters
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let c = if i == mark_at {
                    with_tone(c, self.tone)
                } else {
                    c
                };
                if self.upper & (1 << i) != 0 {
                    c.to_uppercase().next().unwrap_or(c)
                } else {
                    c
                }
            })
            .collect()
    }

    /// Offset of the marked letter inside medial + nucleus.
    fn mark_offset(&self, style: ToneStyle) -> usize {
        let medial = self.medial.chars().count();
        let nucleus: Vec<char> = self.nucleus.chars().collect();
        let open = self.coda.is_empty();
        if nucleus.len() == 2 {
            // iê yê uô ươ take the mark on their second letter; open ia ya ua ưa on the first;
            // "oo" (xoong) on the second.
            let second = !open || nucleus[1] == 'o';
            return medial + usize::from(second);
        }
        // Classic style puts the mark on the medial of open oa, oe, uy (not after q).
        if style == ToneStyle::Classic && open && medial == 1 && self.onset != "qu" {
            let plain_nucleus = matches!(nucleus[0], 'a' | 'e' | 'y');
            if plain_nucleus {
                return 0;
            }
        }
        medial
    }

    /// The syllable without tone and letter marks, lower case: "Việt" → "viet".
    pub fn plain_key(&self) -> String {
        strip_marks(&self.spell(ToneStyle::Modern)).to_lowercase()
    }

    /// The other spelling of h, k, l, m, qu, s or t and a lone vowel i or y, in small letters:
    /// "kỳ" for "kì", "lí" for "lý", "tỷ" for "tỉ", "qui" for "quy" (Vietnamese writes these
    /// either way; word lists and writers take one or the other). `None` for any other
    /// syllable: "thi", "chi", "vi" are never written with y.
    pub fn i_y_respelled(&self) -> Option<String> {
        let lone = self.medial.is_empty() && self.coda.is_empty();
        let other = match self.nucleus {
            "i" => 'y',
            "y" => 'i',
            _ => return None,
        };
        if !lone || !matches!(self.onset, "h" | "k" | "l" | "m" | "qu" | "s" | "t") {
            return None;
        }
        let mut respelled = self.onset.to_string();
        respelled.push(with_tone(other, self.tone));
        Some(respelled)
    }
}

impl fmt::Display for Syllable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.spell(ToneStyle::Classic))
    }
}

/// Splits toneless lower-case letters into a written onset and a rhyme.
fn split_onset(letters: &str) -> Option<(&'static str, Rhyme)> {
    let first = letters.as_bytes().first().copied();
    for &onset in ONSETS.iter() {
        // Most onsets differ at the first byte: skipped without comparing the rest.
        if onset.as_bytes().first().copied() != first {
            continue;
        }
        let Some(rest) = letters.strip_prefix(onset) else {
            continue;
        };
        match onset {
            // "gi" is the onset when a rhyme follows ("giá", "giường"); else g + i-rhyme ("gì", "gìn").
            "gi" => {
                if let Some(r) = find_rhyme(rest).filter(|r| r.medial.is_empty()) {
                    return Some(("gi", r));
                }
                continue;
            }
            // After "qu" the u is the medial: qu + a, qu + ân, qu + y, qu + yên, qu + ôc.
            "qu" => {
                let with_glide = |glide: char| {
                    let mut buffer = [0u8; 32];
                    let rest = rest.as_bytes();
                    (rest.len() < buffer.len()).then_some(())?;
                    buffer[0] = glide as u8;
                    buffer[1..=rest.len()].copy_from_slice(rest);
                    find_rhyme(std::str::from_utf8(&buffer[..=rest.len()]).ok()?)
                };
                let rhyme = with_glide('o')
                    .or_else(|| with_glide('u'))
                    .filter(|r| !r.medial.is_empty())
                    .map(|r| Rhyme { medial: "", ..r })
                    .or_else(|| find_rhyme(rest).filter(|r| r.medial.is_empty()))?;
                return Some(("qu", rhyme));
            }
            _ => {}
        }
        let rhyme = find_rhyme(rest)?;
        return spelling_allows(onset, rhyme).then_some((onset, rhyme));
    }
    // Without an onset, iê is written yê ("yên").
    find_rhyme(letters)
        .filter(|r| r.nucleus != "iê")
        .map(|r| ("", r))
}

/// Spelling rules that tie onsets to the vowel after them (c/k/q, g/gh, ng/ngh).
fn spelling_allows(onset: &str, rhyme: Rhyme) -> bool {
    let first = rhyme
        .medial
        .chars()
        .next()
        .or_else(|| rhyme.nucleus.chars().next())
        .unwrap_or('a');
    let front = matches!(first, 'i' | 'e' | 'ê' | 'y');
    match onset {
        "k" | "gh" | "ngh" => front && rhyme.medial.is_empty(),
        "c" | "ng" => !front || !rhyme.medial.is_empty(),
        "g" => !matches!(first, 'e' | 'ê') || !rhyme.medial.is_empty(),
        _ => {
            !(rhyme.nucleus.starts_with('y') && rhyme.medial.is_empty() && rhyme.nucleus.len() > 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_the_same_letters_marks_and_case_aside() {
        for (a, b) in [
            ("Duong", "đường"),
            ("BA", "bà"),
            ("ong", "Ông"),
            ("xa", "xã"),
        ] {
            assert!(same_letters(a, b), "{a} {b}");
        }
        for (a, b) in [("duong", "đường phố"), ("ba", "bán"), ("tho", "hồ")] {
            assert!(!same_letters(a, b), "{a} {b}");
        }
    }

    #[test]
    fn a_consonant_and_a_lone_i_or_y_is_spelled_either_way() {
        let respelled = |w: &str| Syllable::parse(w).and_then(|s| s.i_y_respelled());
        for (a, b) in [
            ("kì", "kỳ"),
            ("lí", "lý"),
            ("tỉ", "tỷ"),
            ("mĩ", "mỹ"),
            ("qui", "quy"),
        ] {
            assert_eq!(respelled(a).as_deref(), Some(b));
            assert_eq!(respelled(b).as_deref(), Some(a));
        }
        // Not a lone vowel after one of those consonants: another vowel, a glide, a coda, no
        // consonant, or a consonant always written with i.
        for word in [
            "thủy", "tuy", "kìm", "ý", "gì", "kia", "tai", "thi", "chỉ", "vì",
        ] {
            assert_eq!(respelled(word), None, "{word}");
        }
    }

    #[test]
    fn a_mark_with_one_place_is_where_both_styles_put_it() {
        // Every syllable of the inventory, with its mark put on each of its vowels in turn (the
        // right place and the wrong ones), in small letters, title case and capitals.
        let mut checked = 0;
        for line in include_str!("../../corpus/syllables.txt").lines() {
            let Some(syllable) = line.split('\t').next().filter(|s| !s.starts_with('#')) else {
                continue;
            };
            let letters: Vec<(char, Tone)> = syllable.chars().map(split_tone).collect();
            let Some(tone) = letters.iter().map(|l| l.1).find(|&t| t != Tone::Level) else {
                continue;
            };
            for at in 0..letters.len() {
                if with_tone(letters[at].0, tone) == letters[at].0 {
                    continue;
                }
                let placed: String = letters
                    .iter()
                    .enumerate()
                    .map(|(i, &(c, _))| if i == at { with_tone(c, tone) } else { c })
                    .collect();
                for word in [
                    placed.clone(),
                    crate::text::upper_first(&placed),
                    placed.to_uppercase(),
                ] {
                    if !mark_has_one_place(&word) {
                        continue;
                    }
                    for style in [ToneStyle::Classic, ToneStyle::Modern] {
                        if let Some(parsed) = Syllable::parse(&word) {
                            assert_eq!(parsed.spell(style), word, "{style:?}");
                        }
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 5000, "only {checked} spellings checked");
        // Those that do have a choice are sent to be parsed.
        for word in ["hoà", "hòa", "thuỷ", "Ủy", "của", "được", "người"] {
            assert!(!mark_has_one_place(word), "{word}");
        }
    }

    #[test]
    fn every_toned_vowel_splits_into_its_letter_and_tone() {
        for row in &VOWEL_TABLE {
            for (&toned, tone) in row.iter().zip(Tone::ALL) {
                assert_eq!(split_tone(toned), (row[0], tone), "{toned}");
            }
        }
        assert_eq!(split_tone('đ'), ('đ', Tone::Level));
        assert_eq!(split_tone('ñ'), ('ñ', Tone::Level));
        assert_eq!(
            split_tone('Ạ'),
            ('Ạ', Tone::Level),
            "upper case is not split"
        );
    }

    fn respell(word: &str, style: ToneStyle) -> String {
        Syllable::parse(word)
            .unwrap_or_else(|| panic!("{word} should parse"))
            .spell(style)
    }

    #[test]
    fn word_chars_agree_with_unicode() {
        for c in (0..0x2200u32).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn classic_and_modern_placement() {
        for (classic, modern) in [
            ("hòa", "hoà"),
            ("thủy", "thuỷ"),
            ("Ủy", "Uỷ"),
            ("khỏe", "khoẻ"),
            ("hóa", "hoá"),
        ] {
            assert_eq!(respell(modern, ToneStyle::Classic), classic);
            assert_eq!(respell(classic, ToneStyle::Modern), modern);
        }
    }

    #[test]
    fn placement_outside_oa_oe_uy_is_shared() {
        for word in [
            "quý",
            "quả",
            "mía",
            "múa",
            "mưa",
            "tiến",
            "muốn",
            "người",
            "hoàn",
            "thuyền",
            "giá",
            "giường",
            "gì",
            "gìn",
            "khuỷu",
            "xoong",
            "thuở",
            "quốc",
            "nghiêng",
            "Việt",
            "ĐỒNG",
            "yến",
            "uyển",
            "oải",
            "khuya",
        ] {
            assert_eq!(respell(word, ToneStyle::Classic), word, "classic {word}");
            assert_eq!(respell(word, ToneStyle::Modern), word, "modern {word}");
        }
    }

    #[test]
    fn misplaced_mark_is_moved() {
        assert_eq!(respell("tíên", ToneStyle::Classic), "tiến");
        assert_eq!(respell("ngừơi", ToneStyle::Classic), "người");
    }

    #[test]
    fn rejects_non_vietnamese() {
        for word in [
            "ghoa", "OCOP", "HTX", "kiss", "xyz", "hàt", "ka", "ngi", "tiếngg", "iên", "tyên",
        ] {
            assert!(!Syllable::is_valid(word), "{word} should not parse");
        }
        assert!(Syllable::is_valid("cát"));
    }

    #[test]
    fn is_letter_agrees_with_unicode() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn strips_marks() {
        assert_eq!(
            strip_marks("Cộng hòa xã hội chủ nghĩa Việt Nam"),
            "Cong hoa xa hoi chu nghia Viet Nam"
        );
        assert_eq!(strip_marks("ĐƯỜNG"), "DUONG");
    }
}
