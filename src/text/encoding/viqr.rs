//! VIQR (RFC 1456): Vietnamese typed in ASCII, each mark after its letter.
//!
//! Shapes: `^` circumflex (â ê ô), `(` breve (ă), `+` horn (ơ ư), `dd` đ.
//! Tones: `'` sắc, `` ` `` huyền, `?` hỏi, `~` ngã, `.` nặng. A backslash
//! makes the next mark a literal character. A word is converted only when
//! the result is a valid Vietnamese syllable, so English and punctuation
//! ("it's", "e.g.", "www.gov.vn") come through unchanged; short upper-case
//! abbreviations take Đ for DD ("QDD" → "QĐ"); a `.` or `?` that
//! ends a word before a sentence boundary is read as punctuation when the
//! word is a syllable without it ("ddi." → "đi.").

use crate::text::syllable::is_letter;
use crate::text::syllable::{Syllable, Tone, with_tone};

/// True for the ASCII characters VIQR uses as marks.
fn is_mark(c: char) -> bool {
    matches!(c, '\'' | '`' | '?' | '~' | '.' | '^' | '(' | '+')
}

/// The tone a mark stands for, if it is a tone mark.
fn tone_of(mark: char) -> Option<Tone> {
    Some(match mark {
        '\'' => Tone::Acute,
        '`' => Tone::Grave,
        '?' => Tone::Hook,
        '~' => Tone::Tilde,
        '.' => Tone::Dot,
        _ => return None,
    })
}

/// The letter a shape mark makes of a lower-case base letter.
fn shaped(base: char, mark: char) -> Option<char> {
    Some(match (base, mark) {
        ('a', '^') => 'â',
        ('e', '^') => 'ê',
        ('o', '^') => 'ô',
        ('a', '(') => 'ă',
        ('o', '+') => 'ơ',
        ('u', '+') => 'ư',
        _ => return None,
    })
}

/// Converts one word (ASCII letters with marks); `None` if the marks do not
/// make a valid syllable. A word without marks is returned as it is.
fn convert(word: &[char]) -> Option<String> {
    if !word.iter().any(|&c| is_mark(c)) && !starts_with_dd(word) {
        let plain: String = word.iter().collect();
        return Some(abbreviation(&plain).unwrap_or(plain));
    }
    let mut out = String::new();
    let mut rest = word;
    if starts_with_dd(word) {
        out.push(if word[0].is_ascii_uppercase() {
            'Đ'
        } else {
            'đ'
        });
        rest = &word[2..];
    }
    let mut toned = false;
    let mut i = 0;
    while i < rest.len() {
        let letter = rest[i];
        if !letter.is_ascii_alphabetic() {
            return None;
        }
        i += 1;
        let upper = letter.is_ascii_uppercase();
        let mut lower = letter.to_ascii_lowercase();
        let mut shape_done = false;
        while let Some(&m) = rest.get(i).filter(|&&m| is_mark(m)) {
            if let Some(tone) = tone_of(m) {
                if toned
                    || !matches!(
                        lower,
                        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
                    )
                {
                    return None;
                }
                toned = true;
                lower = with_tone(lower, tone);
            } else {
                if shape_done {
                    return None;
                }
                shape_done = true;
                let (plain, tone) = crate::text::syllable::split_tone(lower);
                lower = with_tone(shaped(plain, m)?, tone);
            }
            i += 1;
        }
        if upper {
            out.extend(lower.to_uppercase());
        } else {
            out.push(lower);
        }
    }
    Syllable::is_valid(&out).then_some(out)
}

/// An upper-case abbreviation with "DD" in it, written with Đ: "QDD" → "QĐ", "HDDND" → "HĐND".
fn abbreviation(word: &str) -> Option<String> {
    let is_abbreviation = word.len() <= 6 && word.chars().all(|c| c.is_ascii_uppercase());
    (is_abbreviation && word.contains("DD")).then(|| word.replace("DD", "Đ"))
}

/// True when a word begins with VIQR's "dd" (any case).
fn starts_with_dd(word: &[char]) -> bool {
    word.len() >= 2 && word[0].eq_ignore_ascii_case(&'d') && word[1].eq_ignore_ascii_case(&'d')
}

/// True when what follows position `at` ends a sentence: the end, a line
/// break, a capital after spaces, or punctuation right away.
fn sentence_ends_at(chars: &[char], at: usize) -> bool {
    match chars.get(at) {
        None => true,
        Some(&c) if c == ' ' || c == '\t' => {
            let next = chars[at..].iter().find(|&&c| c != ' ' && c != '\t');
            next.is_none_or(|&c| c == '\n' || c == '\r' || c.is_uppercase())
        }
        Some(&c) => !c.is_alphanumeric(),
    }
}

/// True when an upper-case word (not a Roman numeral) is followed by another upper-case word:
/// inside a line of capitals ("THI. TRA^'N") a final "." is a mark, not a full stop.
fn inside_capitals(word: &[char], chars: &[char], end: usize) -> bool {
    let letters: Vec<char> = word
        .iter()
        .copied()
        .filter(char::is_ascii_alphabetic)
        .collect();
    let capitals = letters.iter().all(char::is_ascii_uppercase);
    let roman = letters.iter().all(|c| "IVXLC".contains(*c));
    let next: Vec<char> = chars[end..]
        .iter()
        .skip_while(|c| **c == ' ' || **c == '\t')
        .take_while(|c| is_letter(**c))
        .copied()
        .collect();
    capitals && !roman && next.len() >= 2 && next.iter().all(|c| c.is_uppercase())
}

/// Decodes VIQR text into Unicode; what is not VIQR stays as it is.
pub fn decode(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\'
            && let Some(&next) = chars.get(i + 1).filter(|&&n| is_mark(n) || n == '\\')
        {
            out.push(next);
            i += 2;
            continue;
        }
        let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
        if !(c.is_ascii_alphabetic() && starts_word) {
            out.push(c);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len()
            && (chars[end].is_ascii_alphabetic()
                || (is_mark(chars[end]) && !chars[end - 1].is_whitespace()))
        {
            end += 1;
        }
        if chars.get(end).is_some_and(|c| c.is_alphanumeric()) {
            // Part of a longer word (digits or other letters): not VIQR.
            out.extend(&chars[i..end]);
            i = end;
            continue;
        }
        let word = &chars[i..end];
        let last = word[word.len() - 1];
        let without_last = (matches!(last, '.' | '?') && word.len() > 1)
            .then(|| convert(&word[..word.len() - 1]))
            .flatten();
        let converted = match (convert(word), without_last) {
            (Some(_), Some(shorter))
                if sentence_ends_at(&chars, end) && !inside_capitals(word, &chars, end) =>
            {
                format!("{shorter}{last}")
            }
            (Some(full), _) => full,
            (None, Some(shorter)) => format!("{shorter}{last}"),
            (None, None) => word.iter().collect(),
        };
        out.push_str(&converted);
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_marked_words() {
        assert_eq!(decode("Tie^'ng Vie^.t"), "Tiếng Việt");
        assert_eq!(decode("nu+o+'c"), "nước");
        assert_eq!(decode("U?y ban nha^n da^n"), "Ủy ban nhân dân");
        assert_eq!(
            decode("DDo^.c la^.p - Tu+. do - Ha.nh phu'c"),
            "Độc lập - Tự do - Hạnh phúc"
        );
        assert_eq!(decode("na(m 2001, ddi.a"), "năm 2001, địa");
        assert_eq!(
            decode("919/QDD-TTg, HDDND, NDD-CP, ADDRESS"),
            "919/QĐ-TTg, HĐND, NĐ-CP, ADDRESS"
        );
    }

    #[test]
    fn sentence_final_marks_are_punctuation() {
        assert_eq!(decode("Anh ddi. Em o+? dda^y"), "Anh đi. Em ở đây");
        assert_eq!(decode("Anh ddi dda^u?"), "Anh đi đâu?");
        assert_eq!(decode("ba. ca"), "bạ ca");
        assert_eq!(decode("Ha` No^.i."), "Hà Nội.");
        assert_eq!(decode("UBND THI. TRA^'N A"), "UBND THỊ TRẤN A");
        assert_eq!(decode("II. MU.C TIE^U"), "II. MỤC TIÊU");
    }

    #[test]
    fn english_and_escapes_survive() {
        assert_eq!(
            decode("it's e.g. www.gov.vn (a+b) don't"),
            "it's e.g. www.gov.vn (a+b) don't"
        );
        assert_eq!(decode("ddi\\. A\\^"), "đi. A^");
        assert_eq!(decode("ISO9001 x2+y2"), "ISO9001 x2+y2");
    }
}
