//! Vietnamese typed with the input method switched off: the keys of Telex or of VNI typing left
//! in the text as they were pressed.
//!
//! - Telex: "aa" â, "aw" ă, "ee" ê, "oo" ô, "ow" ơ, "uw" or a lone "w" ư, "uow" ươ, "dd" đ; the
//!   tone keys s (sắc), f (huyền), r (hỏi), x (ngã), j (nặng) after the first vowel, mostly at
//!   the word's end ("Vieejt Nam", "truwowngf", "thuwjc"); z takes a tone off.
//! - VNI typing: digits after the letters, 1-5 the tones (sắc, huyền, hỏi, ngã, nặng), 6 the
//!   circumflex, 7 the horn, 8 the breve, 9 the stroke of đ, 0 takes a tone off ("Vie65t Nam",
//!   "tru7o7ng2", "d9a5t").
//!
//! A word is converted only when it holds keys and the result is a valid Vietnamese syllable,
//! so words that are already syllables stay as they are. A line is converted only when such
//! words are many in it and words that are neither syllables nor codes are few, so English
//! ("this is" would be "thí í") does not pass; in a document whose lines are typed so, one
//! such word is enough ("Chuwowng" alone as a heading). The restorer never reads OCR output so:
//! its "j", "w" and digits are misread marks.

use super::names::PlaceNames;
use super::pieces::is_english_word;
use crate::text::syllable::{Syllable, Tone, ToneStyle, is_word_char, with_tone};
use crate::text::upper_first;

/// The two ways of typing with keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keys {
    /// Telex ("Vieejt").
    Telex,
    /// VNI typing ("Vie65t").
    Vni,
}

/// The tone a Telex key stands for after a vowel.
fn telex_tone(key: char) -> Option<Tone> {
    Some(match key {
        's' => Tone::Acute,
        'f' => Tone::Grave,
        'r' => Tone::Hook,
        'x' => Tone::Tilde,
        'j' => Tone::Dot,
        _ => return None,
    })
}

/// The tone a VNI digit stands for.
fn vni_tone(key: char) -> Option<Tone> {
    Some(match key {
        '1' => Tone::Acute,
        '2' => Tone::Grave,
        '3' => Tone::Hook,
        '4' => Tone::Tilde,
        '5' => Tone::Dot,
        _ => return None,
    })
}

/// A plain vowel letter.
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// One word typed in Telex (ASCII letters, small), as its letters without tone and the tone.
fn telex_letters(word: &[char]) -> Option<(String, Tone)> {
    let first_vowel = word.iter().position(|&c| is_vowel(c))?;
    let mut tone = Tone::Level;
    let mut rest = String::with_capacity(word.len() + 2);
    for (at, &c) in word.iter().enumerate() {
        match telex_tone(c) {
            // A tone key after the first vowel ("s" before it is an onset: "sao", "xa", "tre").
            Some(key) if at > first_vowel => {
                if tone != Tone::Level {
                    return None;
                }
                tone = key;
            }
            _ if c == 'z' && at > first_vowel => tone = Tone::Level,
            _ => rest.push(c),
        }
    }
    if let Some(after) = rest.strip_prefix("dd") {
        rest = format!("đ{after}");
    }
    // The u of the onset "qu" takes no horn ("quowis" is "quới").
    let onset_qu = rest.starts_with("qu");
    if onset_qu {
        rest.replace_range(..2, "");
    }
    // A vowel typed three times is the vowel twice, its mark undone: "booong" is "boong"
    // (held in capitals until the marks are placed; the word is in small letters).
    for (keys, twice) in [("aaa", "AA"), ("eee", "EE"), ("ooo", "OO")] {
        if rest.contains(keys) {
            rest = rest.replace(keys, twice);
        }
    }
    for (keys, letter) in [
        ("uwow", "ươ"),
        ("uow", "ươ"),
        ("aa", "â"),
        ("ee", "ê"),
        ("oo", "ô"),
        ("aw", "ă"),
        ("ow", "ơ"),
        ("uw", "ư"),
        ("w", "ư"),
    ] {
        if rest.contains(keys) {
            rest = rest.replace(keys, letter);
        }
    }
    if rest.contains(char::is_uppercase) {
        rest = rest.to_lowercase();
    }
    if onset_qu {
        rest.insert_str(0, "qu");
    }
    Some((rest, tone))
}

/// Gives the last of `wanted` among `letters` its `shaped` letter; `None` when there is none.
fn shape_last(letters: &mut [char], wanted: &[char], shaped: fn(char) -> char) -> Option<()> {
    let at = letters.iter().rposition(|c| wanted.contains(c))?;
    letters[at] = shaped(letters[at]);
    Some(())
}

/// One word typed with VNI digits (ASCII letters and digits, small), as its letters without
/// tone and the tone.
fn vni_letters(word: &[char]) -> Option<(String, Tone)> {
    let mut letters: Vec<char> = word
        .iter()
        .copied()
        .filter(char::is_ascii_alphabetic)
        .collect();
    let mut tone = Tone::Level;
    for &key in word.iter().filter(|c| c.is_ascii_digit()) {
        match key {
            '6' => shape_last(&mut letters, &['a', 'e', 'o'], |c| match c {
                'a' => 'â',
                'e' => 'ê',
                _ => 'ô',
            })?,
            '7' => {
                // "uo7" is "ươ": both take the horn (a second 7, "u7o7", finds them done);
                // else an o takes it ("co7"), else the first u ("cu7u" is "cưu"); never the u
                // of the onset "qu" ("quo7i1" is "quới").
                let from = if letters.starts_with(&['q', 'u']) {
                    2
                } else {
                    0
                };
                let vowels = &mut letters[from..];
                if vowels.iter().any(|&c| c == 'ư' || c == 'ơ') {
                    continue;
                }
                if let Some(at) = vowels.windows(2).position(|pair| pair == ['u', 'o']) {
                    vowels[at] = 'ư';
                    vowels[at + 1] = 'ơ';
                } else if let Some(at) = vowels.iter().position(|&c| c == 'o') {
                    vowels[at] = 'ơ';
                } else {
                    let at = vowels.iter().position(|&c| c == 'u')?;
                    vowels[at] = 'ư';
                }
            }
            '8' => shape_last(&mut letters, &['a'], |_| 'ă')?,
            '9' => {
                let at = letters.iter().position(|&c| c == 'd')?;
                letters[at] = 'đ';
            }
            '0' => tone = Tone::Level,
            digit => {
                if tone != Tone::Level {
                    return None;
                }
                tone = vni_tone(digit)?;
            }
        }
    }
    Some((letters.into_iter().collect(), tone))
}

/// Converts one word typed with `keys` (in a document typed so when `keyboard`); `None` when
/// it holds no key or does not make a valid syllable. The word's capitals are kept: a first
/// capital, or every letter in capitals.
fn convert(word: &str, keys: Keys, keyboard: bool) -> Option<String> {
    let letters = word.chars().filter(char::is_ascii_alphabetic).count();
    // A capital and digits is a code ("A1", "B52"), not a typed word, but in a document typed
    // with VNI keys ("O6 Die6n", "Y1 kie61n").
    if keys == Keys::Vni
        && !keyboard
        && letters == 1
        && word.starts_with(|c: char| c.is_ascii_uppercase())
    {
        return None;
    }
    // Roman numerals ("IX", "XIV") are no keys.
    if letters > 1
        && word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'))
    {
        return None;
    }
    let lower: Vec<char> = word.to_ascii_lowercase().chars().collect();
    // The letter đ alone, a list's label ("đ)").
    if matches!(
        (keys, lower.as_slice()),
        (Keys::Telex, ['d', 'd']) | (Keys::Vni, ['d', '9'])
    ) {
        return Some(if word.starts_with('D') { "Đ" } else { "đ" }.to_string());
    }
    let (letters_typed, tone) = match keys {
        Keys::Telex => telex_letters(&lower)?,
        Keys::Vni => vni_letters(&lower)?,
    };
    // The tone goes on the first vowel: the syllable is parsed with its mark anywhere, then
    // spelled with it where it belongs.
    let mut toned = false;
    let toned_letters: String = letters_typed
        .chars()
        .map(|c| {
            let marked = with_tone(c, tone);
            if toned || marked == c {
                return c;
            }
            toned = true;
            marked
        })
        .collect();
    let spelled = match Syllable::parse(&toned_letters) {
        Some(syllable) => syllable.spell(ToneStyle::Classic),
        // A word of a place name that is no syllable, typed with its keys as a name is, with a
        // capital ("DDawks Lawks" is "Đắk Lắk").
        None if word.starts_with(|c: char| c.is_ascii_uppercase())
            && PlaceNames::embedded().has_word(&toned_letters) =>
        {
            toned_letters
        }
        None => return None,
    };
    if spelled.eq_ignore_ascii_case(word) {
        return None;
    }
    let capitals = word.chars().filter(char::is_ascii_uppercase).count();
    Some(if capitals > 1 && capitals == letters {
        spelled.to_uppercase()
    } else if word.starts_with(|c: char| c.is_ascii_uppercase()) {
        upper_first(&spelled)
    } else {
        spelled
    })
}

/// Whether a word is a syllable's letters with its marks left out, as a writer who typed no key
/// for it left them: some syllable, its vowels given their circumflex, breve or horn and its d
/// the stroke of đ, with or without a tone, is spelled so ("viet", "nguoi", "duoc", "dat").
fn syllable_letters(word: &str) -> bool {
    /// What a letter may stand for once its marks are left out.
    fn forms(c: char) -> &'static [char] {
        match c {
            'a' => &['a', 'â', 'ă'],
            'e' => &['e', 'ê'],
            'o' => &['o', 'ô', 'ơ'],
            'u' => &['u', 'ư'],
            'd' => &['d', 'đ'],
            _ => &[],
        }
    }
    let letters: Vec<char> = word.chars().map(|c| c.to_ascii_lowercase()).collect();
    // (A syllable has at most eight letters: at most three vowels and a d to mark.)
    if letters.len() > 8 {
        return false;
    }
    let marked: Vec<usize> = (0..letters.len())
        .filter(|&i| !forms(letters[i]).is_empty())
        .collect();
    let Some(first_vowel) = letters.iter().position(|&c| is_vowel(c)) else {
        return false;
    };
    let mut choice = vec![0usize; marked.len()];
    let mut spelled = String::with_capacity(2 * letters.len() + 2);
    loop {
        let mut written = letters.clone();
        for (&at, &k) in marked.iter().zip(&choice) {
            written[at] = forms(letters[at])[k];
        }
        for tone in [Tone::Level, Tone::Acute] {
            spelled.clear();
            for (i, &c) in written.iter().enumerate() {
                spelled.push(if i == first_vowel {
                    with_tone(c, tone)
                } else {
                    c
                });
            }
            if Syllable::is_valid(&spelled) {
                return true;
            }
        }
        // The next choice of forms, the last letter's changing first.
        let Some(at) = (0..marked.len())
            .rev()
            .find(|&j| choice[j] + 1 < forms(letters[marked[j]]).len())
        else {
            return false;
        };
        choice[at] += 1;
        choice[at + 1..].fill(0);
    }
}

/// A line with its typed words converted, and what its words were.
#[derive(Default)]
struct Converted {
    /// The line, its typed words converted.
    line: TypedLine,
    /// Words converted from their keys.
    typed: usize,
    /// Words with marks typed (Unicode letters).
    marked: usize,
    /// Words that are neither syllables nor codes, numbers or acronyms (English, noise).
    others: usize,
    /// Tokens between spaces with letters or digits in them ("148/QĐ-TTg" is one).
    tokens: usize,
}

impl Converted {
    /// Whether the line is typed with keys: two words or more, a third of its tokens at least,
    /// no fewer than the words with marks typed, and four for every word that is no syllable;
    /// in a document typed so, one word, no fewer than the words with marks typed, and one for
    /// every word that is no syllable. (A table row of codes, "UT1-2004", or OCR's "ee | ree"
    /// in a line with marks, is not.)
    fn is_typed(&self, keyboard: bool) -> bool {
        if keyboard {
            return self.typed >= 1 && self.typed >= self.marked && self.others <= self.typed;
        }
        self.typed >= 2
            && self.typed * 3 >= self.tokens
            && self.typed >= self.marked
            && self.others * 4 <= self.typed
    }
}

/// Converts the words of `line` typed with `keys` (in a document typed so when `keyboard`).
/// A word is letters (and digits) after a space, an opening mark (Markdown's "*" and "_"
/// too), a table's "|", a form's dotted blank ("ngày......thangs"), or a dash or slash after a word in small letters or a converted word ("taans/nawm",
/// "te61-xa4"); after a digit, a capital, a sign or an operator its letters are part of a
/// number, a code or a formula ("3a", "148/QD-TTg", "x2+y2") and stay, but for the Đ typed in
/// them ("QDD", "QD9").
fn convert_line(line: &str, keys: Keys, keyboard: bool) -> Converted {
    let mut converted = Converted {
        line: TypedLine {
            text: String::with_capacity(line.len() + line.len() / 4),
            words: Vec::new(),
        },
        ..Converted::default()
    };
    let mut rest = line;
    // The two characters before the word.
    let mut previous = [' ', ' '];
    // Whether the word before was converted ("te61-xa4": the dash follows a key).
    let mut last_typed = false;
    while let Some(start) = rest.find(is_word_char) {
        let (before, from) = rest.split_at(start);
        converted.line.text.push_str(before);
        for c in before.chars() {
            previous = [previous[1], c];
        }
        let end = from.find(|c: char| !is_word_char(c)).unwrap_or(from.len());
        let (word, after) = from.split_at(end);
        converted.line.words.push((
            converted.line.text.len(),
            line.len() - from.len(),
            word.len(),
        ));
        rest = after;
        let [joined_to, sign] = previous;
        let starts = sign.is_whitespace()
            || matches!(
                sign,
                '(' | '[' | '"' | '\'' | '“' | '‘' | '*' | '_' | '|' | '…'
            )
            || sign == '.' && joined_to == '.';
        let joined = matches!(sign, '-' | '/' | '–')
            && (joined_to.is_whitespace() || joined_to.is_lowercase() || last_typed);
        last_typed = false;
        let mut tail = word.chars().rev();
        let last = tail.next().unwrap_or(' ');
        previous = [tail.next().unwrap_or(previous[1]), last];
        converted.tokens += usize::from(starts);
        let typed_word = (starts || joined)
            && word.starts_with(|c: char| c.is_ascii_alphabetic())
            && word.chars().all(|c| c.is_ascii_alphanumeric());
        // Common English words ("is", "of", "this") are keys that make syllables ("í", "ò",
        // "thí"): they are English, but in a document typed with keys.
        let english = typed_word && !keyboard && is_english_word(word);
        if let Some(typed) = (typed_word && !english)
            .then(|| convert(word, keys, keyboard))
            .flatten()
        {
            converted.typed += 1;
            converted.line.text.push_str(&typed);
            last_typed = true;
            continue;
        }
        let acronym = word.chars().nth(1).is_some() && word.chars().all(char::is_uppercase);
        if english {
            converted.others += 1;
        } else if word.is_ascii() && !typed_word
            || acronym
            || word.contains(|c: char| c.is_ascii_digit())
        {
            // A number, a code or part of one, or an acronym ("3a", "ISO9001", "UBND"), with
            // its Đ ("QDD-UBND", "QD9-UBND").
            let stroke = match keys {
                Keys::Telex => "DD",
                Keys::Vni => "D9",
            };
            if word.chars().any(|c| c.is_ascii_lowercase()) || !word.contains(stroke) {
                converted.line.text.push_str(word);
            } else {
                converted.line.text.push_str(&word.replace(stroke, "Đ"));
                // (In a document typed with keys, such a code is one more sign of them.)
                converted.typed += usize::from(keyboard);
            }
            continue;
        } else if !word.is_ascii() && Syllable::is_valid(word) {
            converted.marked += 1;
        } else if word.len() == 1 || syllable_letters(word) {
            // Letters without keys: a syllable typed with none, or whose keys were left out;
            // a letter alone, a label or an abbreviation ("b/c").
        } else {
            converted.others += 1;
        }
        converted.line.text.push_str(word);
    }
    converted.line.text.push_str(rest);
    converted
}

/// Whether a word of ASCII letters and digits has what no syllable's letters have but typing
/// keys leave: f, j, w or z; s, r or x after a vowel (a tone key, not an onset); a digit after
/// a letter; a vowel or d typed twice ("aa", "dd").
fn has_key_letters(word: &[u8]) -> bool {
    let mut vowel_before = false;
    let mut last = 0u8;
    for &b in word {
        let c = b.to_ascii_lowercase();
        let key = matches!(c, b'f' | b'j' | b'w' | b'z')
            || (vowel_before && matches!(c, b's' | b'r' | b'x' | b'0'..=b'9'))
            || (c == last && matches!(c, b'a' | b'e' | b'o' | b'd'));
        if key {
            return true;
        }
        vowel_before |= is_vowel(c as char);
        last = c;
    }
    false
}

/// Whether `line` has at least `least` words with key letters ([`has_key_letters`]): a quick
/// look, before any word is converted.
fn has_key_words(line: &str, least: usize) -> bool {
    line.as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|word| has_key_letters(word))
        .nth(least - 1)
        .is_some()
}

/// A line typed with keys, as the letters its keys make.
#[derive(Default)]
pub(super) struct TypedLine {
    /// The line with its typed words converted.
    pub(super) text: String,
    /// Per word: where it starts in `text`, where it starts in the line as typed, and its
    /// length there.
    words: Vec<(usize, usize, usize)>,
}

impl TypedLine {
    /// The word of the line as typed (`typed`) that the word at `byte` of [`TypedLine::text`]
    /// was converted from, and where it starts in `typed`.
    pub(super) fn typed_word_at<'t>(&self, typed: &'t str, byte: usize) -> (usize, &'t str) {
        let at = self.words.partition_point(|&(start, _, _)| start <= byte);
        let Some(&(_, start, len)) = at.checked_sub(1).and_then(|i| self.words.get(i)) else {
            return (0, "");
        };
        (start, typed.get(start..start + len).unwrap_or(""))
    }
}

/// `line` with the words typed in Telex or VNI keys converted, when the line is typed so
/// ([`Converted::is_typed`], `keyboard` when its document is); of the two, the one that
/// converts more words.
pub(super) fn typed_with_keys(line: &str, keyboard: bool) -> Option<TypedLine> {
    if !has_key_words(line, if keyboard { 1 } else { 2 }) {
        return None;
    }
    [Keys::Telex, Keys::Vni]
        .into_iter()
        .map(|keys| convert_line(line, keys, keyboard))
        .filter(|converted| converted.is_typed(keyboard))
        .max_by_key(|converted| converted.typed)
        .map(|converted| converted.line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(line: &str) -> String {
        typed_with_keys(line, false).map_or_else(|| line.to_string(), |typed| typed.text)
    }

    #[test]
    fn telex_keys_become_letters_and_tones() {
        assert_eq!(
            typed("Kees hoajch thuwcj hieenj Chuwowng trinhf mooix xax mootj sanr phaamr"),
            "Kế hoạch thực hiện Chương trình mỗi xã một sản phẩm"
        );
        assert_eq!(
            typed("DDoocj laapj - Tuwj do - Hanhj phucs"),
            "Độc lập - Tự do - Hạnh phúc"
        );
        assert_eq!(typed("UBND XAX, nuwowcs, thuwjc"), "UBND XÃ, nước, thực");
        // A tone key before the last letters, and "uow" for "ươ".
        assert_eq!(typed("truowngf, ddieefu"), "trường, điều");
        // The letter đ as a label; Roman numerals.
        assert_eq!(typed("dd) Phaanf IX: toor chuwcs"), "đ) Phần IX: tổ chức");
        // The words of place names that are no syllables, typed with a capital as names are.
        assert_eq!(
            typed("Tinhr DDawks Lawks, huyeenj Kroong Buks"),
            "Tỉnh Đắk Lắk, huyện Krông Búk"
        );
        assert_eq!(convert("DDawks", Keys::Telex, true).as_deref(), Some("Đắk"));
        assert_eq!(convert("ddawks", Keys::Telex, true), None);
        // A vowel typed three times is the vowel twice: "oo" is a nucleus ("xoong", "boong").
        assert_eq!(typed("cais xooong, booong tauf"), "cái xoong, boong tàu");
    }

    #[test]
    fn vni_digits_become_letters_and_tones() {
        assert_eq!(
            typed("Ke61 hoa5ch thu75c hie65n chu7o7ng tri2nh mo64i xa4 mo65t sa3n pha63m"),
            "Kế hoạch thực hiện chương trình mỗi xã một sản phẩm"
        );
        assert_eq!(typed("D9o65c la65p, d9ie62u ha2nh"), "Độc lập, điều hành");
        assert_eq!(typed("tru7o72ng, na8m ho5c"), "trường, năm học");
        assert_eq!(
            typed("nghie6n cu7u1, lu7u tru74, co7 ho65i"),
            "nghiên cứu, lưu trữ, cơ hội"
        );
        assert_eq!(
            typed("kinh te61-xa4 ho65i, d9) ta1c"),
            "kinh tế-xã hội, đ) tác"
        );
    }

    #[test]
    fn numbers_codes_and_words_without_keys_stay_in_a_typed_line() {
        assert_eq!(
            typed(
                "Quyeets ddinhj soos 148/QD-TTg ngayf 24/02/2023 cuar Thur tuowngs, va OCOP x2+y2"
            ),
            "Quyết định số 148/QD-TTg ngày 24/02/2023 của Thủ tướng, va OCOP x2+y2"
        );
        assert_eq!(
            typed("Ca1c xa4 co1 A1 va2 B52, 148/QD-TTg"),
            "Các xã có A1 và B52, 148/QD-TTg"
        );
        // Đ typed in a code or an acronym; words joined by a slash or a dash.
        assert_eq!(
            typed("Quyeets ddinhj 148/QDD-TTg cuar BCDD, 100 taans/nawm, kinh tees-xax hooij"),
            "Quyết định 148/QĐ-TTg của BCĐ, 100 tấn/năm, kinh tế-xã hội"
        );
        assert_eq!(typed("Quye61t d9i5nh 148/QD9-TTg"), "Quyết định 148/QĐ-TTg");
        // A Markdown table's cells, and a form's dotted blanks.
        assert_eq!(
            typed("| Nooij dung | Thowif gian |"),
            "| Nội dung | Thời gian |"
        );
        assert_eq!(
            typed("ngayf......thangs......nawm 2026"),
            "ngày......tháng......năm 2026"
        );
        // In a document typed so, a line of codes with one typed word.
        assert_eq!(
            typed_with_keys("Soos 214+SDD/QDD-BTC 12/2001", true).map(|typed| typed.text),
            Some("Số 214+SĐ/QĐ-BTC 12/2001".to_string())
        );
    }

    #[test]
    fn words_typed_without_their_keys_are_syllables_letters_not_other_words() {
        // The letters of syllables whose marks were left out, whichever letters take them.
        for word in [
            "hien", "nguoi", "duoc", "dat", "viet", "luat", "quyet", "nuoc", "Truong", "a",
        ] {
            assert!(syllable_letters(word), "{word}");
        }
        for word in ["this", "system", "test", "xyz", "khong1", "nguoiw"] {
            assert!(!syllable_letters(word), "{word}");
        }
        // So a short line with such words is read as typed: "nguoi" (người) no longer counts
        // against it as a foreign word.
        assert_eq!(typed("nguoi dan dduowcj huowngr"), "nguoi dan được hưởng");
    }

    /// A syllable as a writer types it with the input method off: each letter's keys, and the
    /// tone key at the word's end or right after its last vowel.
    fn typed_syllable(syllable: &str, keys: Keys, tone_at_end: bool) -> String {
        let (mut out, mut tone, mut after_vowel) = (String::new(), Tone::Level, 0);
        for c in syllable.chars() {
            let (letter, t) = crate::text::syllable::split_tone(c);
            if t != Tone::Level {
                tone = t;
            }
            let typed = match (keys, letter) {
                (Keys::Telex, 'â') => "aa",
                (Keys::Telex, 'ê') => "ee",
                (Keys::Telex, 'ô') => "oo",
                (Keys::Telex, 'ă') => "aw",
                (Keys::Telex, 'ơ') => "ow",
                (Keys::Telex, 'ư') => "uw",
                (Keys::Telex, 'đ') => "dd",
                (Keys::Vni, 'â') => "a6",
                (Keys::Vni, 'ê') => "e6",
                (Keys::Vni, 'ô') => "o6",
                (Keys::Vni, 'ă') => "a8",
                (Keys::Vni, 'ơ') => "o7",
                (Keys::Vni, 'ư') => "u7",
                (Keys::Vni, 'đ') => "d9",
                _ => {
                    out.push(letter);
                    if is_vowel(letter) {
                        after_vowel = out.len();
                    }
                    continue;
                }
            };
            out.push_str(typed);
            after_vowel = out.len();
        }
        let key = match (keys, tone) {
            (_, Tone::Level) => return out,
            (Keys::Telex, Tone::Acute) => 's',
            (Keys::Telex, Tone::Grave) => 'f',
            (Keys::Telex, Tone::Hook) => 'r',
            (Keys::Telex, Tone::Tilde) => 'x',
            (Keys::Telex, Tone::Dot) => 'j',
            (Keys::Vni, Tone::Acute) => '1',
            (Keys::Vni, Tone::Grave) => '2',
            (Keys::Vni, Tone::Hook) => '3',
            (Keys::Vni, Tone::Tilde) => '4',
            (Keys::Vni, Tone::Dot) => '5',
        };
        out.insert(if tone_at_end { out.len() } else { after_vowel }, key);
        out
    }

    #[test]
    fn every_syllable_of_the_inventory_typed_either_way_converts_back() {
        let mut failed = Vec::new();
        let syllables = include_str!("../../../corpus/syllables.txt");
        for syllable in syllables.lines().filter_map(|l| l.split('\t').next()) {
            let Some(parsed) = Syllable::parse(syllable) else {
                continue;
            };
            let classic = parsed.spell(ToneStyle::Classic);
            for keys in [Keys::Telex, Keys::Vni] {
                for at_end in [true, false] {
                    let mut typed = typed_syllable(&classic, keys, at_end);
                    // "oo", as in "boong", is "ô" to Telex: its writer types "booong".
                    if keys == Keys::Telex && parsed.nucleus == "oo" {
                        typed = typed.replacen("oo", "ooo", 1);
                    }
                    let back = convert(&typed, keys, true).unwrap_or_else(|| typed.clone());
                    if back != classic {
                        failed.push(format!("{classic} typed {typed} read {back}"));
                    }
                }
            }
        }
        assert!(
            failed.is_empty(),
            "{} failed: {:?}",
            failed.len(),
            &failed[..failed.len().min(40)]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Any line, read strictly or as part of a file typed with keys, converts without a
        /// panic into one line that keeps every character that is no ASCII letter or digit.
        #[test]
        fn any_line_converts_whole(
            line in r"([A-Za-z0-9]{1,8}|[qQ][uU][a-z0-9]{0,5}|[àáạảãâầấêềếôồốơờớưừứđĐ]{1,3}|[ ./|*_(\-–…+:]){0,30}",
            keyboard in proptest::prelude::any::<bool>(),
        ) {
            if let Some(typed) = typed_with_keys(&line, keyboard) {
                let typed = typed.text;
                let others = |s: &str| {
                    s.chars()
                        .filter(|c| !c.is_ascii_alphanumeric() && !crate::text::syllable::is_letter(*c))
                        .collect::<String>()
                };
                proptest::prop_assert_eq!(others(&typed), others(&line));
            }
        }
    }

    #[test]
    fn a_converted_word_knows_the_word_it_was_typed_as() {
        let line = "- Thuwcj hieenj ke hoachj (OCOP)";
        let typed = typed_with_keys(line, false).expect("typed");
        assert_eq!(typed.text, "- Thực hiện ke hoạch (OCOP)");
        let at = |word: &str| typed.text.find(word).unwrap_or(usize::MAX);
        assert_eq!(typed.typed_word_at(line, at("hiện")), (9, "hieenj"));
        assert_eq!(typed.typed_word_at(line, at("hoạch")), (19, "hoachj"));
        assert_eq!(typed.typed_word_at(line, at("ke")), (16, "ke"));
        assert_eq!(typed.typed_word_at(line, at("OCOP")), (27, "OCOP"));
    }

    #[test]
    fn lines_not_typed_with_keys_stay() {
        for line in [
            // English: "this is a test of" would make syllables, "system" makes none.
            "This is a test of the system",
            "Smart City, Internet of Things",
            // Text without marks, and clean text with a word that looks typed.
            "ke hoach thuc hien chuong trinh xoong",
            "Kế hoạch thực hiện Chương trình, xoong",
            // OCR output: digits and letters for marks; a row of codes.
            "tỉnh 2005 T1/2004 T1/2005 T1-2005/ UT1-2004 U1T-2005/ KH2005",
            "Sinh ngày......... ee | ree Dân tộc:..",
            "T6 chirc thwe hién Chwong trinh Mdi xa mét sain pham",
            "- Phan ddu 100% can bd quan ]}'/ Chuong 7trinh OCOP d}rqc dao tao, tap",
        ] {
            assert!(typed_with_keys(line, false).is_none(), "{line}");
        }
    }
}
