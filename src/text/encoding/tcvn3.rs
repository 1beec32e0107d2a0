//! TCVN3 (ABC, TCVN 5712:1993 VN3): the one-byte encoding of the .VnTime fonts.
//!
//! The table is the VN3 one of TCVN 5712:1993; its lower-case letters agree
//! with glibc iconv's TCVN5712-1 (checked byte by byte). VN3 has only seven
//! upper-case letters of its own (Ă Â Ê Ô Ơ Ư Đ at 0xA1..=0xA7): capitals
//! with tone marks were typed as lower-case bytes in an upper-case font
//! (.VnTimeH), so case comes from the font when it is known. Bytes VN3 leaves
//! free decode as Windows-1252, which is what the .VnTime fonts draw there
//! (Word writes its curly quotes and dashes into them).

use super::codepage::cp1252_char;
use crate::text::syllable::is_letter;

/// The TCVN3 letter at a byte, `None` where VN3 has no letter.
fn letter(byte: u8) -> Option<char> {
    Some(match byte {
        0xA1 => 'Ă',
        0xA2 => 'Â',
        0xA3 => 'Ê',
        0xA4 => 'Ô',
        0xA5 => 'Ơ',
        0xA6 => 'Ư',
        0xA7 => 'Đ',
        0xA8 => 'ă',
        0xA9 => 'â',
        0xAA => 'ê',
        0xAB => 'ô',
        0xAC => 'ơ',
        0xAD => 'ư',
        0xAE => 'đ',
        0xB5 => 'à',
        0xB6 => 'ả',
        0xB7 => 'ã',
        0xB8 => 'á',
        0xB9 => 'ạ',
        0xBB => 'ằ',
        0xBC => 'ẳ',
        0xBD => 'ẵ',
        0xBE => 'ắ',
        0xC6 => 'ặ',
        0xC7 => 'ầ',
        0xC8 => 'ẩ',
        0xC9 => 'ẫ',
        0xCA => 'ấ',
        0xCB => 'ậ',
        0xCC => 'è',
        0xCE => 'ẻ',
        0xCF => 'ẽ',
        0xD0 => 'é',
        0xD1 => 'ẹ',
        0xD2 => 'ề',
        0xD3 => 'ể',
        0xD4 => 'ễ',
        0xD5 => 'ế',
        0xD6 => 'ệ',
        0xD7 => 'ì',
        0xD8 => 'ỉ',
        0xDC => 'ĩ',
        0xDD => 'í',
        0xDE => 'ị',
        0xDF => 'ò',
        0xE1 => 'ỏ',
        0xE2 => 'õ',
        0xE3 => 'ó',
        0xE4 => 'ọ',
        0xE5 => 'ồ',
        0xE6 => 'ổ',
        0xE7 => 'ỗ',
        0xE8 => 'ố',
        0xE9 => 'ộ',
        0xEA => 'ờ',
        0xEB => 'ở',
        0xEC => 'ỡ',
        0xED => 'ớ',
        0xEE => 'ợ',
        0xEF => 'ù',
        0xF1 => 'ủ',
        0xF2 => 'ũ',
        0xF3 => 'ú',
        0xF4 => 'ụ',
        0xF5 => 'ừ',
        0xF6 => 'ử',
        0xF7 => 'ữ',
        0xF8 => 'ứ',
        0xF9 => 'ự',
        0xFA => 'ỳ',
        0xFB => 'ỷ',
        0xFC => 'ỹ',
        0xFD => 'ý',
        0xFE => 'ỵ',
        _ => return None,
    })
}

/// One TCVN3 byte as a character.
fn byte_char(byte: u8) -> char {
    letter(byte).unwrap_or_else(|| cp1252_char(byte))
}

/// Decodes TCVN3 bytes; `upper_font` says they were set in an upper-case font (.VnTimeH).
///
/// Without the font, a word whose plain letters are all capitals ("VIÖT")
/// is taken to be a capitalized word and its accented letters are raised too.
pub fn decode(bytes: &[u8], upper_font: bool) -> String {
    let text: String = bytes.iter().map(|&b| byte_char(b)).collect();
    if upper_font {
        text.to_uppercase()
    } else {
        raise_capital_words(&text)
    }
}

/// Upper-cases the words typed in capitals: no ASCII lower-case letter, and
/// an ASCII capital past the first letter ("UBND", "ủY" → "ỦY"; "Số" stays).
fn raise_capital_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_letter(c) {
            word.push(c);
            continue;
        }
        let capital_inside = word.chars().skip(1).any(|c| c.is_ascii_uppercase());
        let ascii_lower = word.chars().any(|c| c.is_ascii_lowercase());
        if capital_inside && !ascii_lower {
            out.push_str(&word.to_uppercase());
        } else {
            out.push_str(&word);
        }
        word.clear();
        out.push(c);
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_lower_case_letters() {
        assert_eq!(decode(b"Ti\xd5ng Vi\xd6t", false), "Tiếng Việt");
        assert_eq!(decode(b"n\xad\xedc", false), "nước");
        assert_eq!(
            decode(b"\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c", false),
            "Độc lập - Tự do - Hạnh phúc"
        );
        assert_eq!(
            decode(b"ng\xb5y 18 th\xb8ng 1 n\xa8m 2001", false),
            "ngày 18 tháng 1 năm 2001"
        );
    }

    #[test]
    fn upper_font_raises_every_letter() {
        assert_eq!(decode(b"\xf1y ban nh\xa9n d\xa9n", true), "ỦY BAN NHÂN DÂN");
        assert_eq!(
            decode(b"c\xe9ng h\xdfa x\xb7 h\xe9i", true),
            "CỘNG HÒA XÃ HỘI"
        );
    }

    #[test]
    fn capital_words_are_raised_without_the_font() {
        assert_eq!(decode(b"UBND T\xd8NH", false), "UBND TỈNH");
        assert_eq!(decode(b"C\xe9NG H\xdfA", false), "CỘNG HÒA");
        assert_eq!(decode(b"S\xe8 08", false), "Số 08");
        assert_eq!(
            decode(b"\xf1Y BAN NH\xa2N D\xa2N", false),
            "ỦY BAN NHÂN DÂN"
        );
        assert_eq!(decode(b"\xa7\xe9c", false), "Độc");
    }

    #[test]
    fn free_bytes_are_windows_1252() {
        assert_eq!(
            decode(b"\x93K\xd5 ho\xb9ch\x94 \x96 x", false),
            "“Kế hoạch” – x"
        );
    }
}
