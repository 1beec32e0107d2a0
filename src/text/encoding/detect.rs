//! `--encoding auto`: choosing an encoding by how Vietnamese each decoding reads.
//!
//! Every candidate decoding is scored on its words: how many are valid
//! Vietnamese syllables, how many of those carry Vietnamese letters, and how
//! many words with non-ASCII letters are not syllables (the sign of a wrong
//! decoding: "Bé Tµi chÝnh" is TCVN3 read as Windows-1252). UTF-8 is kept
//! unless another reading of the same text is plainly better.

use crate::text::syllable::is_letter;
use std::collections::HashMap;

use super::fonts::FontCoding;
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
        // A text says its few thousand syllables over and over: each is parsed once. (The
        // standard hasher: the words are the input's, and a weak hash could be made to collide.)
        let mut valid: HashMap<&str, bool> = HashMap::new();
        for word in text
            .split(|c: char| !is_letter(c))
            .filter(|w| !w.is_empty())
        {
            score.words += 1;
            let marked = !word.is_ascii();
            if *valid
                .entry(word)
                .or_insert_with(|| Syllable::is_valid(word))
            {
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

    /// True when the text reads as Vietnamese with hardly a broken word (one in fifty at most):
    /// mojibake breaks words by the dozen, so such text needs no rival reading.
    pub fn reads_well(&self) -> bool {
        self.is_vietnamese() && self.broken * 50 <= self.words
    }

    /// True when the text reads as written Vietnamese: marks on at least three words in ten, as
    /// a decoded legacy text has. (OCR output that lost most of its marks does not, however
    /// its few "é" and "¢" would read in a legacy encoding.)
    pub fn is_marked_vietnamese(&self) -> bool {
        self.is_vietnamese() && self.marked * 10 >= self.words * 3
    }
}

/// A candidate decoding.
struct Candidate {
    encoding: Encoding,
    /// Whether bytes in named fonts were decoded by their font (else in `encoding`).
    fonts_trusted: bool,
    text: String,
    score: Score,
}

impl Candidate {
    fn new(encoding: Encoding, text: String) -> Candidate {
        let score = Score::of(&text);
        Candidate {
            encoding,
            fonts_trusted: true,
            text,
            score,
        }
    }

    /// A candidate that read the bytes of named fonts in `encoding` too.
    fn ignoring_fonts(encoding: Encoding, text: String) -> Candidate {
        Candidate {
            fonts_trusted: false,
            ..Candidate::new(encoding, text)
        }
    }
}

/// The legacy single-byte decodings of some bytes, in order of preference on a tie.
fn legacy_candidates(bytes: &[u8]) -> Vec<Candidate> {
    [Encoding::Tcvn3, Encoding::Vni, Encoding::Cp1258]
        .into_iter()
        .map(|e| Candidate::new(e, decode_pieces(&[Piece::Bytes(bytes.to_vec())], e)))
        .collect()
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

/// A stretch of a document's text: bytes in an 8-bit font encoding not yet
/// known, bytes set in a font the document names, or characters that are
/// Unicode already.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Bytes as the font draws them (Windows-1252 positions).
    Bytes(Vec<u8>),
    /// Bytes set in a named legacy font: decoded by it unless the paragraph
    /// plainly reads better otherwise (fonts can be wrong).
    Font(Vec<u8>, FontCoding),
    /// Characters outside Windows-1252, taken as they are.
    Text(String),
}

impl Piece {
    /// True for bytes outside ASCII, whose meaning depends on the encoding.
    fn has_high_bytes(&self) -> bool {
        match self {
            Piece::Bytes(b) | Piece::Font(b, _) => !b.is_ascii(),
            Piece::Text(_) => false,
        }
    }
}

/// Cuts text into pieces: runs of Windows-1252 characters become their bytes, the rest stays text.
pub fn pieces_of(text: &str) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    for c in text.chars() {
        match (codepage::cp1252_byte(c), pieces.last_mut()) {
            (Some(b), Some(Piece::Bytes(bytes))) => bytes.push(b),
            (Some(b), _) => pieces.push(Piece::Bytes(vec![b])),
            (None, Some(Piece::Text(t))) => t.push(c),
            (None, _) => pieces.push(Piece::Text(c.to_string())),
        }
    }
    pieces
}

/// Decodes pieces, their bytes in `encoding` (Windows-1252 for UTF-8 and the
/// others) and the bytes set in named fonts by their font.
pub fn decode_pieces(pieces: &[Piece], encoding: Encoding) -> String {
    decode_with(pieces, encoding, true)
}

/// Decodes pieces; with `trust_fonts` false, bytes in named fonts are read in `encoding` too.
fn decode_with(pieces: &[Piece], encoding: Encoding, trust_fonts: bool) -> String {
    let free = |bytes: &[u8]| match encoding {
        Encoding::Tcvn3 => tcvn3::decode(bytes, false),
        Encoding::Vni => vni::decode(bytes),
        Encoding::Cp1258 => codepage::cp1258(bytes),
        _ => codepage::cp1252(bytes),
    };
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.clone(),
            Piece::Bytes(bytes) => free(bytes),
            Piece::Font(bytes, coding) if trust_fonts => coding.decode(bytes),
            Piece::Font(bytes, _) => free(bytes),
        })
        .collect()
}

/// Chooses how to read a document's pieces: its bytes as Windows-1252 (the
/// text is Unicode, reported as UTF-8) unless a legacy encoding reads plainly
/// better, as when TCVN3 or VNI bytes were stored as Windows-1252 characters.
pub fn choose_for_pieces(pieces: &[Piece]) -> (Encoding, String) {
    let unicode = Candidate::new(Encoding::Utf8, decode_pieces(pieces, Encoding::Utf8));
    choose_against(unicode, pieces)
}

/// [`choose_for_pieces`] with the pieces' Unicode reading already made and scored.
fn choose_against(unicode: Candidate, pieces: &[Piece]) -> (Encoding, String) {
    let has_high_bytes = !unicode.score.reads_well()
        && pieces
            .iter()
            .any(|p| matches!(p, Piece::Bytes(_)) && p.has_high_bytes());
    let others: Vec<Candidate> = if has_high_bytes {
        [Encoding::Tcvn3, Encoding::Vni, Encoding::Cp1258]
            .into_iter()
            .map(|e| Candidate::new(e, decode_pieces(pieces, e)))
            .collect()
    } else {
        Vec::new()
    };
    let chosen = prefer_unless_plainly_worse(unicode, others);
    (chosen.encoding, chosen.text)
}

/// Like [`choose_for_pieces`] for a whole document, but each paragraph
/// (line) may take another encoding when it plainly reads better in it, as in
/// documents pasted together from TCVN3 and VNI sources. The encoding
/// returned is the one most words were decoded in.
pub fn choose_by_paragraph(pieces: &[Piece]) -> (Encoding, String) {
    let (document, _) = choose_for_pieces(pieces);
    let mut out = String::new();
    // Non-ASCII bytes decoded in each encoding, to name the dominant one.
    let mut decoded_in: HashMap<Encoding, usize> = HashMap::new();
    for line in lines_of(pieces) {
        let first = Candidate::new(document, decode_pieces(&line, document));
        let chosen = if line.iter().any(Piece::has_high_bytes) {
            let fonts = line.iter().any(|p| matches!(p, Piece::Font(..)));
            let mut others = Vec::new();
            for e in [
                Encoding::Utf8,
                Encoding::Tcvn3,
                Encoding::Vni,
                Encoding::Cp1258,
            ] {
                if e != document {
                    others.push(Candidate::new(e, decode_with(&line, e, true)));
                }
                if fonts {
                    others.push(Candidate::ignoring_fonts(e, decode_with(&line, e, false)));
                }
            }
            prefer_unless_plainly_worse(first, others)
        } else {
            first
        };
        for piece in &line {
            let (bytes, encoding) = match piece {
                Piece::Bytes(b) => (b, chosen.encoding),
                Piece::Font(b, coding) if chosen.fonts_trusted => {
                    (b, coding.encoding().unwrap_or(Encoding::Utf8))
                }
                Piece::Font(b, _) => (b, chosen.encoding),
                Piece::Text(_) => continue,
            };
            *decoded_in.entry(encoding).or_default() +=
                bytes.iter().filter(|b| !b.is_ascii()).count();
        }
        out.push_str(&chosen.text);
    }
    let dominant = decoded_in
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .max_by_key(|&(e, n)| (n, e == document, std::cmp::Reverse(e)))
        .map_or(document, |(e, _)| e);
    (dominant, out)
}

/// Splits pieces into lines, each ending after its "\n".
fn lines_of(pieces: &[Piece]) -> Vec<Vec<Piece>> {
    let mut lines: Vec<Vec<Piece>> = vec![Vec::new()];
    for piece in pieces {
        let parts: Vec<Piece> = match piece {
            Piece::Bytes(bytes) => bytes
                .split_inclusive(|&b| b == b'\n')
                .map(|part| Piece::Bytes(part.to_vec()))
                .collect(),
            Piece::Font(bytes, coding) => bytes
                .split_inclusive(|&b| b == b'\n')
                .map(|part| Piece::Font(part.to_vec(), *coding))
                .collect(),
            Piece::Text(text) => text
                .split_inclusive('\n')
                .map(|part| Piece::Text(part.to_string()))
                .collect(),
        };
        for part in parts {
            let ends_line = match &part {
                Piece::Bytes(b) | Piece::Font(b, _) => b.ends_with(b"\n"),
                Piece::Text(t) => t.ends_with('\n'),
            };
            if let Some(line) = lines.last_mut() {
                line.push(part);
            }
            if ends_line {
                lines.push(Vec::new());
            }
        }
    }
    lines
}

/// Keeps `first` unless the best of `others` reads as Vietnamese and scores
/// better by a clear margin (a twentieth of the words, at least 3).
fn prefer_unless_plainly_worse(first: Candidate, others: Vec<Candidate>) -> Candidate {
    let margin = i64::try_from(first.score.words / 20)
        .unwrap_or(i64::MAX)
        .max(3);
    match best(others) {
        Some(other)
            if other.score.is_marked_vietnamese()
                && other.score.value() > first.score.value() + margin =>
        {
            other
        }
        _ => first,
    }
}

/// Chooses how to read valid UTF-8 text: as it is, as VIQR (when it is
/// ASCII), or as the legacy encoding it is mojibake of (TCVN3 or VNI bytes
/// once read as Windows-1252 and saved as UTF-8).
pub fn choose_for_utf8(text: &str) -> (Encoding, String) {
    if text.is_ascii() {
        let utf8 = Candidate::new(Encoding::Utf8, text.to_string());
        let viqr = Candidate::new(Encoding::Viqr, viqr::decode(text));
        // VIQR text marks most of its words; a few converted words ("I'm") are not VIQR.
        let mostly_marked = 4 * viqr.score.marked >= viqr.score.words;
        let others = if mostly_marked {
            vec![viqr]
        } else {
            Vec::new()
        };
        let chosen = prefer_unless_plainly_worse(utf8, others);
        (chosen.encoding, chosen.text)
    } else {
        // The pieces' Unicode reading is the text itself (every Windows-1252 character is its
        // own byte): text that reads well is taken without cutting it in pieces at all.
        let unicode = Candidate::new(Encoding::Utf8, text.to_string());
        if unicode.score.reads_well() {
            (Encoding::Utf8, unicode.text)
        } else {
            choose_against(unicode, &pieces_of(text))
        }
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
        let english = "I'm told the plan was approved, and I'm sure the committee met; I'm glad it did, as the rest of the work can now go ahead.";
        assert_eq!(choose_for_utf8(english).0, Encoding::Utf8);
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
        // OCR output that lost most marks: its few "é" would read as TCVN3 "ộ", but it is
        // no legacy text (a decoded one has marks on most words).
        let ocr = "Ha nili, ngay 8 thang 12 nam 1998\nThong ti\nhing din bi sung mit sf dilm tli \
                   Théng t] 60 TC/CDKT, ngay 01/09/1997 cla BU Tai chinh vi céng tac ki toan, \
                   killm toan diji vii céc doanh nghil)p, tl chic c6é vin diu";
        assert_eq!(choose_for_utf8(ocr).0, Encoding::Utf8);
    }

    #[test]
    fn paragraphs_may_differ_from_the_document() {
        let tcvn3 =
            "K\u{d5} ho\u{b9}ch th\u{f9}c hi\u{d6}n ch\u{ad}\u{ac}ng tr\u{d7}nh x\u{b7} h\u{e9}i\n";
        let vni = "Mu\u{ef}c lu\u{ef}c\n";
        let (enc, text) = choose_by_paragraph(&pieces_of(&format!("{tcvn3}{tcvn3}{vni}")));
        assert_eq!(enc, Encoding::Tcvn3);
        assert_eq!(
            text,
            "Kế hoạch thực hiện chương trình xã hội\nKế hoạch thực hiện chương trình xã hội\nMục lục\n"
        );
    }

    #[test]
    fn named_fonts_decide_unless_they_plainly_lie() {
        let upper = FontCoding::Tcvn3 { upper: true };
        let pieces = vec![
            Piece::Font(b"c\xe9ng h\xdfa x\xb7 h\xe9i\n".to_vec(), upper),
            // VNI bytes in a font named as TCVN3.
            Piece::Font(
                b"Ta\xefi mo\xe3i Ban, tuy\xf8 theo nhie\xe4m vu\xef\n".to_vec(),
                upper,
            ),
            Piece::Bytes(b"K\xd5 ho\xb9ch\n".to_vec()),
        ];
        let (_, text) = choose_by_paragraph(&pieces);
        assert_eq!(
            text,
            "CỘNG HÒA XÃ HỘI\nTại mỗi Ban, tuỳ theo nhiệm vụ\nKế hoạch\n"
        );
    }

    #[test]
    fn pieces_keep_unicode_and_redecode_bytes() {
        let pieces = pieces_of("Vi\u{d6}t \u{2192} x");
        assert_eq!(
            pieces,
            vec![
                Piece::Bytes(b"Vi\xd6t ".to_vec()),
                Piece::Text("\u{2192}".to_string()),
                Piece::Bytes(b" x".to_vec())
            ]
        );
        assert_eq!(decode_pieces(&pieces, Encoding::Tcvn3), "Việt \u{2192} x");
        // Partly mojibake: TCVN3 bytes stored as 1252 characters, next to a real arrow.
        let mojibake =
            "B\u{e9} T\u{b5}i ch\u{dd}nh \u{2192} th\u{ab}ng t\u{ad} h\u{ad}\u{ed}ng d\u{c9}n";
        let (enc, text) = choose_for_pieces(&pieces_of(mojibake));
        assert_eq!(
            (enc, text.as_str()),
            (Encoding::Tcvn3, "Bộ Tài chính \u{2192} thông tư hướng dẫn")
        );
    }
}
