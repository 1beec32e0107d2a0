//! Numbers spelled out in words ("hai mươi mốt triệu đồng", "mười lăm"): where the language
//! model has read a word as a number's, the grammar of numbers fixes the words around it that
//! the model leaves to chance. Tens after a digit are "mươi", not "mười" ("hai mươi"); after
//! "mươi", one is "mốt", four may be "tư", five is "lăm" ("hai mươi mốt", "ba mươi lăm"); after
//! "mười", one is "một" and five "lăm" ("mười một", "mười lăm"); after a number, "ty" is the
//! scale "tỷ" in typed text. Only words written without marks are read so: a writer's marks
//! stay.

use super::inventory::Inventory;
use super::pieces::Chunk;
use super::{Candidate, Restorer};

/// The digits two to nine as a number's tens are read after them ("hai mươi", "chín mươi").
const DIGITS: [&str; 8] = ["hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
/// Digits whose letters without marks are no other word before tens the model read ("hai", not
/// "hải"; "năm", not "Nậm"; but "sau mười năm", after ten years, and "chín muồi", ripe, are the
/// model's to tell).
const SURE_DIGITS: [(&str, &str); 5] = [
    ("hai", "hai"),
    ("bon", "bốn"),
    ("nam", "năm"),
    ("bay", "bảy"),
    ("tam", "tám"),
];
/// The units after "mươi", by their letters without marks.
const AFTER_TENS: [(&str, &str); 11] = [
    ("mot", "mốt"),
    ("hai", "hai"),
    ("ba", "ba"),
    ("bon", "bốn"),
    ("tu", "tư"),
    ("lam", "lăm"),
    ("nham", "nhăm"),
    ("sau", "sáu"),
    ("bay", "bảy"),
    ("tam", "tám"),
    ("chin", "chín"),
];
/// The units after "mười", by their letters without marks.
const AFTER_TEN: [(&str, &str); 9] = [
    ("mot", "một"),
    ("hai", "hai"),
    ("ba", "ba"),
    ("bon", "bốn"),
    ("lam", "lăm"),
    ("sau", "sáu"),
    ("bay", "bảy"),
    ("tam", "tám"),
    ("chin", "chín"),
];
/// Words of a number after which "ty" typed without marks is the scale "tỷ" ("tư" is a
/// number's only after "mươi": "vật tư tự chế").
const NUMBER_WORDS: [&str; 15] = [
    "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mươi", "mốt", "lăm",
    "nhăm", "trăm",
];

impl Restorer<'_> {
    /// `best`, the readings of a line's `chunks`, with the words of the numbers spelled out in
    /// it read as the grammar of numbers has them (see the module's notes). In OCR output
    /// (`ocr`), "ty" after a number is left to the model: it is as often a damaged "tự".
    pub(super) fn read_numbers(
        &self,
        line: &str,
        chunks: &[(usize, Chunk)],
        best: &mut [Candidate],
        ocr: bool,
    ) {
        let inventory = &self.inventory;
        // Whether piece i is a word written as `letters` (small ASCII letters): without marks.
        let written = |i: usize, letters: &str| matches!(chunks.get(i), Some((_, Chunk::Word(_, w, _))) if w.eq_ignore_ascii_case(letters));
        // Whether piece i and the one after it are two words with only spaces between.
        let joined = |i: usize| match (chunks.get(i), chunks.get(i + 1)) {
            (Some((at, Chunk::Word(pre, w, post))), Some((next, Chunk::Word(next_pre, ..)))) => {
                post.is_empty()
                    && next_pre.is_empty()
                    && line
                        .get(at + pre.len() + w.len()..*next)
                        .is_some_and(|between| between.trim().is_empty())
            }
            _ => false,
        };
        for i in 0..best.len().min(chunks.len()) {
            let Some(here) = syllable_at(inventory, best, i) else {
                continue;
            };
            // A digit and the tens after it.
            let sure_digit = SURE_DIGITS.iter().find(|(letters, _)| written(i, letters));
            if (DIGITS.contains(&here) || sure_digit.is_some())
                && joined(i)
                && written(i + 1, "muoi")
                && matches!(syllable_at(inventory, best, i + 1), Some("mười" | "mươi"))
            {
                if let Some(&(_, digit)) = sure_digit {
                    set(inventory, best, i, digit);
                }
                set(inventory, best, i + 1, "mươi");
                continue;
            }
            // The unit after the tens, or after ten.
            let units: &[(&str, &str)] = match here {
                "mươi" => &AFTER_TENS,
                "mười" => &AFTER_TEN,
                _ => &[],
            };
            if joined(i)
                && let Some(&(_, unit)) = units.iter().find(|(letters, _)| written(i + 1, letters))
            {
                set(inventory, best, i + 1, unit);
                continue;
            }
            // The scale after a number.
            if !ocr && NUMBER_WORDS.contains(&here) && joined(i) && written(i + 1, "ty") {
                set(inventory, best, i + 1, "tỷ");
            }
        }
    }
}

/// The syllable piece `i` is read as, if any.
fn syllable_at<'i>(inventory: &'i Inventory, best: &[Candidate], i: usize) -> Option<&'i str> {
    let index = best.get(i)?.syllable?;
    Some(inventory.syllables[index as usize].0.as_str())
}

/// Reads piece `i` as `syllable` (a syllable of the inventory).
fn set(inventory: &Inventory, best: &mut [Candidate], i: usize, syllable: &str) {
    if let (Some(index), Some(reading)) = (inventory.index_of(syllable), best.get_mut(i)) {
        reading.syllable = Some(index);
        reading.id = inventory.syllables[index as usize].2;
    }
}
