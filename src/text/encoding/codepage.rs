//! The Windows single-byte code pages met in Vietnamese files: 1252 (Western) and 1258 (Vietnamese).
//!
//! Both tables follow the code page definitions Microsoft publishes
//! (bestfit1252.txt, bestfit1258.txt): bytes below 0x80 are ASCII, and
//! 0xA0..=0xFF are Latin-1 except where Windows-1258 puts Vietnamese letters
//! and combining tone marks. Bytes a code page leaves undefined decode to the
//! C1 control of the same number, as Windows' own converter does.

use unicode_normalization::UnicodeNormalization;

/// Windows-1252 at 0x80..=0x9F (undefined positions hold their C1 control).
const CP1252_C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// One byte in Windows-1252.
pub fn cp1252_char(byte: u8) -> char {
    match byte {
        0x80..=0x9F => CP1252_C1[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// Decodes Windows-1252 bytes.
pub fn cp1252(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| cp1252_char(b)).collect()
}

/// One byte in Windows-1258: a letter, a symbol or a combining tone mark.
fn cp1258_char(byte: u8) -> char {
    match byte {
        // Windows-1258 leaves out the four caron letters of 1252.
        0x8A | 0x8E | 0x9A | 0x9E => char::from(byte),
        0xC3 => 'Ă',
        0xCC => '\u{300}',
        0xD0 => 'Đ',
        0xD2 => '\u{309}',
        0xD5 => 'Ơ',
        0xDD => 'Ư',
        0xDE => '\u{303}',
        0xE3 => 'ă',
        0xEC => '\u{301}',
        0xF0 => 'đ',
        0xF2 => '\u{323}',
        0xF5 => 'ơ',
        0xFD => 'ư',
        0xFE => '₫',
        _ => cp1252_char(byte),
    }
}

/// Decodes Windows-1258 bytes and composes base letters with their tone marks (NFC).
pub fn cp1258(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| cp1258_char(b)).nfc().collect()
}

/// The Windows-1252 byte of a character, if the code page has it.
pub fn cp1252_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        0..=0x7F | 0xA0..=0xFF => u8::try_from(u32::from(c)).ok(),
        _ => CP1252_C1
            .iter()
            .position(|&x| x == c)
            .and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cp1252_maps_the_c1_area_to_typography() {
        assert_eq!(cp1252(b"\x93OCOP\x94 \x96 \x85"), "“OCOP” – …");
        assert_eq!(cp1252(b"caf\xe9"), "café");
    }

    #[test]
    fn cp1252_bytes_round_trip() {
        for b in 0..=255u8 {
            assert_eq!(cp1252_byte(cp1252_char(b)), Some(b));
        }
        assert_eq!(cp1252_byte('ệ'), None);
    }

    #[test]
    fn cp1258_composes_tone_marks() {
        // "Việt Nam" as Windows-1258 writes it: ê, then the dot below as a combining mark.
        assert_eq!(cp1258(b"Vi\xea\xf2t Nam"), "Việt Nam");
        // "Thủ tướng": u + hook above; ươ precomposed, acute combining.
        assert_eq!(cp1258(b"Thu\xd2 t\xfd\xf5\xecng"), "Thủ tướng");
        assert_eq!(cp1258(b"\xd0\xf4\xecc"), "Đốc");
        assert_eq!(cp1258(b"50.000\xfe"), "50.000₫");
    }
}
