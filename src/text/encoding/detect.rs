//! `--encoding auto`: choosing an encoding by how Vietnamese each decoding reads.
//!
//! Every candidate decoding is scored on its words: how many are valid
//! Vietnamese syllables, how many of those carry Vietnamese letters, and how
//! many words with non-ASCII letters are not syllables (the sign of a wrong
//! decoding: "Bé Tµi chÝnh" is TCVN3 read as Windows-1252). UTF-8 is kept
//! unless another reading of the same text is plainly better.

use super::{Encoding, codepage, tcvn3, viqr, vni};
use crate::text::syllable::Syllable;

/// How Vietnamese a decoded text reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    /// Words (runs of letters).
    pub words: usize,
    /// Words that are valid Vietnamese syllables.
    pub syllables: usize,
    /// Valid syllables with a letter outside ASCII (a mark, đ, ư...).
    pub marked: usize,
    /// Words with a letter outside ASCII that are not valid syllables.
    pub broken: usize,
}

impl Score {
    /// Scores a text.
    pub fn of(text: &str) -> Score {
        let mut score = Score::default();
        for word in text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            score.words += 1;
            let marked = !word.is_ascii();
            if Syllable::is_valid(word) {
                score.syllables += 1;
                score.marked += usize::from(marked);
            } else {
                score.broken += usize::from(marked);
            }
        }
        score
    }

    /// One number to compare decodings of the same bytes by: higher reads better.
    pub fn value(&self) -> i64 {
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX / 4);
        2 * count(self.marked) + count(self.syllables) - 2 * count(self.broken)
    }

    /// True when the text reads as Vietnamese at all: marked syllables outnumber broken words.
    pub fn is_vietnamese(&self) -> bool {
        self.marked > 0 && self.marked > self.broken
    }
}

/// A candidate decoding.
struct Candidate {
    encoding: Encoding,
    text: String,
    score: Score,
}

impl Candidate {
    fn new(encoding: Encoding, text: String) -> Candidate {
        let score = Score::of(&text);
        Candidate {
            encoding,
            text,
            score,
        }
    }
}

/// The legacy single-byte decodings of some bytes, in order of preference on a tie.
fn legacy_candidates(bytes: &[u8]) -> Vec<Candidate> {
    vec![
        Candidate::new(Encoding::Tcvn3, tcvn3::decode(bytes, false)),
        Candidate::new(Encoding::Vni, vni::decode(bytes)),
        Candidate::new(Encoding::Cp1258, codepage::cp1258(bytes)),
    ]
}

/// The best-scoring candidate (the first one on a tie).
fn best(candidates: Vec<Candidate>) -> Option<Candidate> {
    candidates.into_iter().reduce(|best, c| {
        if c.score.value() > best.score.value() {
            c
        } else {
            best
        }
    })
}

/// Chooses how to read valid UTF-8 text: as it is, as VIQR (when it is
/// ASCII), or as a legacy encoding it is mojibake of (when every character
/// is a Windows-1252 one, as when TCVN3 bytes were once read as 1252).
pub fn choose_for_utf8(text: &str) -> (Encoding, String) {
    let utf8 = Candidate::new(Encoding::Utf8, text.to_string());
    let others = if text.is_ascii() {
        vec![Candidate::new(Encoding::Viqr, viqr::decode(text))]
    } else if let Some(bytes) = text
        .chars()
        .map(codepage::cp1252_byte)
        .collect::<Option<Vec<u8>>>()
    {
        legacy_candidates(&bytes)
    } else {
        Vec::new()
    };
    let margin = i64::try_from(utf8.score.words / 20)
        .unwrap_or(i64::MAX)
        .max(3);
    match best(others) {
        Some(other)
            if other.score.is_vietnamese() && other.score.value() > utf8.score.value() + margin =>
        {
            (other.encoding, other.text)
        }
        _ => (Encoding::Utf8, utf8.text),
    }
}

/// Chooses the legacy encoding of bytes that are not UTF-8; `None` if none reads as Vietnamese.
pub fn choose_legacy(bytes: &[u8]) -> Option<(Encoding, String)> {
    best(legacy_candidates(bytes))
        .filter(|c| c.score.is_vietnamese())
        .map(|c| (c.encoding, c.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_count_syllables_and_broken_words() {
        let s = Score::of("Bộ Tài chính, OCOP 2024");
        assert_eq!((s.words, s.syllables, s.marked, s.broken), (4, 3, 3, 0));
        let s = Score::of("Bé Tµi chÝnh");
        assert_eq!((s.syllables, s.marked, s.broken), (1, 1, 2));
    }

    #[test]
    fn legacy_bytes_are_told_apart() {
        let tcvn3 = b"K\xd5 ho\xb9ch th\xf9c hi\xd6n ch\xad\xacng tr\xd7nh m\xe9t x\xb7 m\xe9t s\xb6n ph\xc8m";
        assert_eq!(choose_legacy(tcvn3).map(|c| c.0), Some(Encoding::Tcvn3));
        let vni = b"Ke\xe1 hoa\xefch th\xf6\xefc hie\xe4n ch\xf6\xf4ng tr\xecnh mo\xe4t xa\xf5 mo\xe4t sa\xfbn pha\xe5m";
        assert_eq!(choose_legacy(vni).map(|c| c.0), Some(Encoding::Vni));
        let cp1258 = b"K\xea\xec hoa\xf2ch th\xfd\xf2c hi\xea\xf2n ch\xfd\xf5ng tri\xccnh m\xf4\xf2t xa\xde m\xf4\xf2t sa\xd2n ph\xe2\xd2m";
        assert_eq!(choose_legacy(cp1258).map(|c| c.0), Some(Encoding::Cp1258));
    }

    #[test]
    fn latin_text_is_not_vietnamese() {
        assert_eq!(
            choose_legacy(b"\xc0 la fa\xe7on fran\xe7aise, tr\xe8s \xe9l\xe9gante"),
            None
        );
    }

    #[test]
    fn utf8_is_kept_unless_plainly_mojibake() {
        let (enc, _) = choose_for_utf8("Kế hoạch thực hiện chương trình mỗi xã một sản phẩm");
        assert_eq!(enc, Encoding::Utf8);
        let (enc, _) = choose_for_utf8("The plan was approved in 2024 by the committee.");
        assert_eq!(enc, Encoding::Utf8);
        let (enc, text) =
            choose_for_utf8("KÕ ho¹ch thùc hiÖn ch\u{AD}¬ng tr×nh mçi x· mét s¶n phÈm");
        assert_eq!(
            (enc, text.as_str()),
            (
                Encoding::Tcvn3,
                "Kế hoạch thực hiện chương trình mỗi xã một sản phẩm"
            )
        );
        let (enc, text) = choose_for_utf8(
            "Ke^' hoa.ch thu+.c hie^.n chu+o+ng tri`nh mo^~i xa~ mo^.t sa?n pha^?m",
        );
        assert_eq!(
            (enc, text.as_str()),
            (
                Encoding::Viqr,
                "Kế hoạch thực hiện chương trình mỗi xã một sản phẩm"
            )
        );
    }
}
