//! The ground floor: Vietnamese text. Decoding, normalization and the syllable model.

pub mod channel;
pub mod encoding;
pub mod lexicon;
pub mod lm;
pub mod normalize;
pub mod restore;
pub mod syllable;
pub mod words;

pub use encoding::{DecodeError, Decoded, Encoding, EncodingChoice, decode};
pub use normalize::{NormalizeOptions, normalize};
pub use restore::{Restorer, RestorerRef, needs_restoration};
pub use syllable::{Syllable, Tone, ToneStyle};

/// Upper-cases the first letter ("phường Yên Hòa" → "Phường Yên Hòa").
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Lower-cases the first letter ("Triển khai ..." → "triển khai ...") unless the first word is an acronym.
pub fn lower_first(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or("");
    let acronym = first_word.chars().filter(|c| c.is_uppercase()).count() > 1;
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if !acronym => first.to_lowercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// A number in Roman numerals, in capitals ("XIV"), as plans number their parts and Word its
/// lists; 0 and numbers past 3999 in decimal.
pub fn roman(n: u32) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    const PARTS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut left = n;
    let mut out = String::new();
    for (value, numeral) in PARTS {
        while left >= value {
            out.push_str(numeral);
            left -= value;
        }
    }
    out
}
