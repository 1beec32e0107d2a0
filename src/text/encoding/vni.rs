//! VNI-Windows: the encoding of the VNI-Times fonts.
//!
//! A Vietnamese letter is written as its base letter followed by one mark
//! byte (or one shape-and-tone byte), all from the Windows-1252 upper half as
//! the VNI keyboard and fonts define them: "Tieáng Vieät" is "Tiếng Việt".
//! A few letters have a byte of their own: đ ñ, ư ö, ơ ô, ỉ æ, ĩ ó, ị ò
//! (ì and í are themselves), each with its upper-case twin.

use super::codepage::cp1252;
use crate::text::syllable::{Tone, with_tone};

/// The vowel shape a mark byte adds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Circumflex,
    Breve,
}

/// What a mark byte (as its Windows-1252 character) adds to the letter before it.
fn mark(c: char) -> Option<(Option<Shape>, Tone)> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    Some(match lower {
        'ø' => (None, Tone::Grave),
        'ù' => (None, Tone::Acute),
        'û' => (None, Tone::Hook),
        'õ' => (None, Tone::Tilde),
        'ï' => (None, Tone::Dot),
        'â' => (Some(Shape::Circumflex), Tone::Level),
        'à' => (Some(Shape::Circumflex), Tone::Grave),
        'á' => (Some(Shape::Circumflex), Tone::Acute),
        'å' => (Some(Shape::Circumflex), Tone::Hook),
        'ã' => (Some(Shape::Circumflex), Tone::Tilde),
        'ä' => (Some(Shape::Circumflex), Tone::Dot),
        'ê' => (Some(Shape::Breve), Tone::Level),
        'è' => (Some(Shape::Breve), Tone::Grave),
        'é' => (Some(Shape::Breve), Tone::Acute),
        'ú' => (Some(Shape::Breve), Tone::Hook),
        'ü' => (Some(Shape::Breve), Tone::Tilde),
        'ë' => (Some(Shape::Breve), Tone::Dot),
        _ => return None,
    })
}

/// The letters VNI gives a byte of their own (lower case).
fn own_letter(lower: char) -> Option<char> {
    Some(match lower {
        'ñ' => 'đ',
        'ö' => 'ư',
        'ô' => 'ơ',
        'æ' => 'ỉ',
        'ó' => 'ĩ',
        'ò' => 'ị',
        _ => return None,
    })
}

/// The letter a shape makes of a base vowel, if it can take it.
fn shaped(base: char, shape: Shape) -> Option<char> {
    match (base, shape) {
        ('a', Shape::Circumflex) => Some('â'),
        ('e', Shape::Circumflex) => Some('ê'),
        ('o', Shape::Circumflex) => Some('ô'),
        ('a', Shape::Breve) => Some('ă'),
        _ => None,
    }
}

/// Decodes VNI-Windows bytes.
pub fn decode(bytes: &[u8]) -> String {
    let chars: Vec<char> = cp1252(bytes).chars().collect();
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        let upper = c.is_uppercase();
        let lower = c.to_lowercase().next().unwrap_or(c);
        let mut letter = own_letter(lower).unwrap_or(lower);
        if matches!(letter, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ư' | 'ơ') {
            let mut toned = false;
            if let Some((Some(shape), tone)) = chars.get(i).copied().and_then(mark)
                && let Some(s) = shaped(letter, shape)
            {
                letter = with_tone(s, tone);
                toned = tone != Tone::Level;
                i += 1;
            }
            if !toned && let Some((None, tone)) = chars.get(i).copied().and_then(mark) {
                letter = with_tone(letter, tone);
                i += 1;
            }
        }
        if upper {
            out.extend(letter.to_uppercase());
        } else {
            out.push(letter);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base_plus_marks() {
        assert_eq!(decode(b"Tie\xe1ng Vie\xe4t"), "Tiếng Việt");
        assert_eq!(decode(b"n\xf6\xf4\xf9c"), "nước");
        assert_eq!(decode(b"ng\xf6\xf4\xf8i"), "người");
        assert_eq!(decode(b"U\xfby ban nha\xe2n da\xe2n"), "Ủy ban nhân dân");
        assert_eq!(
            decode(b"\xd1o\xe4c la\xe4p - T\xf6\xef do - Ha\xefnh phu\xf9c"),
            "Độc lập - Tự do - Hạnh phúc"
        );
    }

    #[test]
    fn breve_and_its_tones() {
        assert_eq!(decode(b"na\xeam"), "năm");
        assert_eq!(decode(b"ba\xe9t \xf1\xf6\xf4\xefc"), "bắt được");
        assert_eq!(decode(b"ma\xebc ca\xfa"), "mặc cẳ");
        assert_eq!(decode(b"\xf1a\xfc"), "đẵ");
    }

    #[test]
    fn i_letters_have_their_own_bytes() {
        assert_eq!(
            decode(b"ch\xecnh ch\xednh ch\xe6nh ngh\xf3a v\xf2"),
            "chình chính chỉnh nghĩa vị"
        );
    }

    #[test]
    fn upper_case_forms() {
        assert_eq!(decode(b"VIE\xc4T NAM"), "VIỆT NAM");
        assert_eq!(decode(b"\xd1\xd6\xd4\xd8NG"), "ĐƯỜNG");
        assert_eq!(decode(b"TH\xd4\xd9 \xd2"), "THỚ Ị");
    }

    #[test]
    fn stray_marks_stay_as_they_are() {
        assert_eq!(decode(b"Vi\xeat"), "Vi\u{ea}t");
        assert_eq!(decode(b"12\xb0C"), "12°C");
    }
}
