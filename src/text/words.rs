//! How a line of Vietnamese text splits into words: the one tokenization shared by the
//! language model (training), the OCR channel (learning confusions) and restoration (decoding).

use super::syllable::{Syllable, base_letter, is_letter, is_word_char};
use regex::Regex;
use std::sync::OnceLock;

/// Whether `line` continues the sentence of `before` (text wrapped at a page's width): the
/// line before ends without a mark that closes a sentence or a clause, and this one starts
/// with a small letter that is not a list label ("a) …"); a table row (cells between tabs)
/// shares no sentence with a line.
pub fn continues(before: &str, line: &str) -> bool {
    if before.contains('\t') || line.contains('\t') || list_label(line).is_some() {
        return false;
    }
    let ends_open = !before.trim_end().is_empty() && !ends_sentence(before);
    ends_open
        && line
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// The letter of the list label a line starts with ("d) Tổ chức …" gives 'd').
pub fn list_label(line: &str) -> Option<char> {
    let mut chars = line.trim_start().chars();
    let letter = chars.next().filter(|&c| c.is_lowercase() && is_letter(c))?;
    (chars.next() == Some(')')).then_some(letter)
}

/// Whether `line` ends with a mark that closes a sentence or a clause (". ! ? : ;").
pub fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', ':', ';'])
}

/// Symbols OCR writes for a letter or a mark ("s@" for "sở", "t€" for "tế", "c¢" for "cơ"):
/// after a word's last letter they still belong to the word.
const OCR_MARKS: [char; 8] = ['@', '&', '¢', '€', '¥', '£', '®', '§'];

/// True when `c`, just after `last` (the word's last letter or digit), is OCR damage of the word:
/// one of [`OCR_MARKS`], or an apostrophe after o or u, which stands for the horn ("co’" for "cơ").
fn is_ocr_mark(last: char, c: char) -> bool {
    OCR_MARKS.contains(&c) || (matches!(c, '’' | '\'') && matches!(last, 'o' | 'u' | 'O' | 'U'))
}

/// Splits a chunk into its leading punctuation, its word and its trailing punctuation;
/// OCR marks right after the last letter stay with the word.
pub fn split_word(chunk: &str) -> (&str, &str, &str) {
    let start = chunk.find(|c: char| is_word_char(c)).unwrap_or(chunk.len());
    let Some((last_at, last)) = chunk.char_indices().rev().find(|(_, c)| is_word_char(*c)) else {
        return (&chunk[..start], "", &chunk[start..]);
    };
    let mut end = last_at + last.len_utf8();
    for c in chunk[end..].chars() {
        if !is_ocr_mark(last, c) {
            break;
        }
        end += c.len_utf8();
    }
    (&chunk[..start], &chunk[start..end], &chunk[end..])
}

/// A word of two or more letters, upper case or starting with two capitals, that is not a
/// Vietnamese syllable ("UBND", "HĐND", "TTr"), or two such joined by "&" ("KH&CN",
/// "NN&PTNT", "GD&ĐT": each side two letters or more, where OCR's "&" for a marked vowel,
/// "T&N" for "TẤN", has one).
pub fn is_acronym_shape(word: &str) -> bool {
    if let Some((left, right)) = word.split_once('&') {
        let capitals = |part: &str| {
            part.chars().filter(|c| is_letter(*c)).count() >= 2
                && part.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        };
        return capitals(left) && capitals(right);
    }
    let upper = |c: &char| c.is_uppercase() || c.is_ascii_digit();
    word.chars().filter(|c| is_letter(*c)).count() >= 2
        && (word.chars().all(|c| upper(&c))
            || (word.chars().take(2).all(char::is_uppercase) && word.chars().all(is_word_char)))
        && !Syllable::is_valid(word)
}

/// A URL, a domain name or an e-mail address.
pub fn is_url_or_email(chunk: &str) -> bool {
    // Each kind has a dot, an "@" or a ":" (most chunks have none: one pass over the bytes).
    if !chunk.bytes().any(|b| matches!(b, b'.' | b'@' | b':')) {
        return false;
    }
    // An e-mail address has a dot after its "@" ("a@b.vn"); OCR also reads "ơ" as "@" ("nu@éc").
    let email = chunk
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
    chunk.contains("://") || chunk.starts_with("www.") || email || is_domain(chunk)
}

/// Top-level domains that end a web address written without "www." ("tiki.vn", "shopee.vn").
const DOMAINS: [&str; 8] = ["vn", "com", "net", "org", "gov", "edu", "info", "biz"];

/// A domain name: ASCII parts joined by dots, the last one a common top-level domain.
fn is_domain(chunk: &str) -> bool {
    let name = chunk.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    name.is_ascii()
        && name
            .rsplit_once('.')
            .is_some_and(|(host, tld)| !host.is_empty() && DOMAINS.contains(&tld))
}

/// The mark that closes the text of an administrative document ("… các nội dung trên./.").
pub const END_MARK: &str = "./.";

/// A document symbol or a number with a slash ("148/QĐ-TTg", "26/01/2026", "b/c"); words
/// joined by a slash ("tấn/năm", "Hành chính/Văn phòng") are words, not a symbol, and so is a
/// rate ending in a word in small letters ("USD/tấn", "m3/ngày").
/// A hyphen at a chunk's start is a list item's dash glued to its first word ("-Tổ chức"),
/// not a symbol's ("-148/QĐ-TTg" is one only for its slash).
pub fn is_symbol(chunk: &str) -> bool {
    if !chunk.contains(['/', '-']) {
        return false;
    }
    if chunk.starts_with('-') && !chunk.contains('/') {
        return false;
    }
    // Punctuation around, the closing mark included ("trên./."), is not part of a symbol.
    let core = chunk.trim_matches(|c: char| !is_word_char(c));
    if let Some((_, last)) = core.rsplit_once('/') {
        // A word: two letters or more, in small letters after the first.
        let word = |part: &str| {
            part.chars().count() >= 2
                && part.chars().all(is_letter)
                && part.chars().skip(1).all(char::is_lowercase)
        };
        let rate = word(last) && last.chars().all(char::is_lowercase);
        return !rate && !core.split('/').all(word);
    }
    chunk.contains('-') && {
        let first = chunk
            .split(|c: char| !is_word_char(c))
            .find(|p| !p.is_empty())
            .unwrap_or("");
        first.chars().count() >= 2
            && first
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit())
    }
}

/// Characters that separate words even without a space ("giá|thuế", "tre,trúc", "do-Hạnh", "tấn/năm").
pub const SEPARATORS: [char; 16] = [
    '|', ',', ';', ':', '(', ')', '[', ']', '"', '“', '”', '…', '!', '?', '-', '/',
];

/// Characters OCR reads for the space between two words ("hgp.tac", "ctia’xa", "tién_ma"):
/// standing between two letters, they separate words (but an apostrophe after o or u is a
/// lost horn: "thu'c" is "thực").
pub const GLUE: [char; 4] = ['.', '_', '’', '\''];

/// The parts of a chunk between runs of [`GLUE`] characters that stand between two pieces that
/// could be words ("ctia.xa" → "ctia", "xa"; "huyện....tỉnh" → "huyện", "tỉnh"); a chunk
/// without such glue is its one part. Next to a lone letter or letters without a vowel, glue
/// is a mark OCR broke off ("d’ai" for "đại", "lgé't" for "kết", "Xuf’lt" for "Xuất") or an
/// abbreviation's dot ("v.v", "Q.Ba", "TP.HCM").
pub fn unglue(chunk: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    // The byte where the current run of glue began, when it follows a letter.
    let mut run: Option<usize> = None;
    let mut before: Option<char> = None;
    for (at, c) in chunk.char_indices() {
        // An apostrophe after o or u is the horn OCR lost ("thu'c" for "thực"), not glue.
        let horn = before.is_some_and(|b| is_ocr_mark(b, c));
        if GLUE.contains(&c) && !horn {
            if run.is_none() && before.is_some_and(is_letter) {
                run = Some(at);
            }
        } else {
            if let Some(run_at) = run.filter(|_| is_letter(c))
                && (could_be_word(&chunk[start..run_at])
                    || (c.is_uppercase() && abbreviation_with_dot(&chunk[start..at])))
                && could_be_word(word_after(&chunk[at..]))
            {
                parts.push(&chunk[start..run_at]);
                start = at;
            }
            run = None;
        }
        before = Some(c);
    }
    parts.push(&chunk[start..]);
    parts
}

/// The length in bytes of a heading label glued by its dot to the word after it, at the start
/// of a chunk: a Roman numeral ("V.CHẾ ĐỘ", "II.NỘI DUNG"), a number ("1.Mục", "2.3.Tổ") or
/// a small letter ("a.Tuyên"; not "v.v"), its dot, then a word. Typing and OCR both drop the
/// space after a label's dot.
pub fn glued_label(chunk: &str) -> Option<usize> {
    static LABEL: OnceLock<Regex> = OnceLock::new();
    if !chunk.contains('.') {
        return None;
    }
    // (A year ends a sentence the same way: "năm 2025.Trong đó".)
    let label = LABEL.get_or_init(|| {
        Regex::new(r"^(?:[IVXL]{1,6}|\d{1,3}(?:\.\d{1,3})*|\d{4}|\p{Ll})\.")
            .expect("the label pattern is valid")
    });
    let end = label.find(chunk)?.end();
    could_be_word(word_after(&chunk[end..])).then_some(end)
}

/// Whether a piece is an abbreviation in capitals with its dot ("TP.", "Q.", "TS."): a name
/// after it is a word of its own ("TP.Cần Thơ", "TS.Nguyễn").
fn abbreviation_with_dot(piece: &str) -> bool {
    piece.strip_suffix('.').is_some_and(|letters| {
        !letters.is_empty() && letters.chars().all(char::is_uppercase) && !has_vowel(letters)
    })
}

/// Whether a piece of a chunk could be a word of its own: two letters or more, one of them a
/// vowel (every Vietnamese syllable has one).
fn could_be_word(piece: &str) -> bool {
    piece.chars().filter(|c| is_letter(*c)).count() >= 2 && has_vowel(piece)
}

/// Whether a word has a vowel letter, as every Vietnamese syllable has.
pub fn has_vowel(word: &str) -> bool {
    word.chars()
        .any(|c| "aeiouy".contains(base_letter(c).to_ascii_lowercase()))
}

/// The letters at the start of a piece, up to the next glue.
fn word_after(piece: &str) -> &str {
    piece.split(GLUE).next().unwrap_or("")
}

/// How a word is written: its case says whether it is a common word, part of a name or a
/// heading.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Written {
    /// All lower case ("xã").
    Lower,
    /// A capital, then lower case ("Xã", "Nguyễn").
    Title,
    /// Anything else: all capitals, digits, symbols ("UBND", "XÃ", "39/KH").
    Other,
}

impl Written {
    /// How `word` is written.
    pub fn of(word: &str) -> Written {
        let mut chars = word.chars();
        match chars.next() {
            Some(c) if c.is_lowercase() => Written::Lower,
            Some(c) if c.is_uppercase() && chars.all(|c| !c.is_uppercase()) => Written::Title,
            _ => Written::Other,
        }
    }
}

/// Whether a chunk is a list item's bullet ("- Tổ chức …", "+ Rà soát …"), when it stands first
/// in its line.
pub fn is_list_bullet(chunk: &str) -> bool {
    matches!(chunk, "-" | "–" | "—" | "+" | "•" | "*" | "·")
}

/// The words of one line of clean text as the language model sees them: a syllable's key
/// (lower case, classic tone placement), an acronym as written ("UBND", "HĐND"), or `None`
/// for any other word (numbers, document symbols, URLs, foreign words, and a list bullet
/// standing first, as a list item's number is); each with how it was written. Punctuation
/// is no word.
pub fn line_words(line: &str) -> impl DoubleEndedIterator<Item = (Option<String>, Written)> + '_ {
    let bullet = line.split_whitespace().next().is_some_and(is_list_bullet);
    let bullet = bullet.then_some((None, Written::Other));
    bullet
        .into_iter()
        .chain(line.split_whitespace().flat_map(|chunk| {
            let whole = is_url_or_email(chunk) || is_symbol(chunk);
            let parts: Vec<&str> = if whole {
                vec![chunk]
            } else {
                chunk
                    .split(|c: char| !is_word_char(c))
                    .filter(|w| !w.is_empty())
                    .collect()
            };
            parts.into_iter().map(move |part| {
                let written = Written::of(part);
                let key = if whole {
                    None
                } else if let Some(key) = syllable_key(part) {
                    Some(key)
                } else {
                    is_acronym_shape(part).then(|| part.to_string())
                };
                (key, written)
            })
        }))
}

/// The model's spelling of a word: the syllable lower case, classic tone placement; `None` if not a syllable.
pub fn syllable_key(word: &str) -> Option<String> {
    Syllable::parse(word).map(|s| s.spell(super::syllable::ToneStyle::Classic).to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_may_join_two_by_an_ampersand() {
        for word in ["UBND", "HĐND", "TTr", "KH&CN", "NN&PTNT", "GD&ĐT", "TN&MT"] {
            assert!(is_acronym_shape(word), "{word}");
        }
        // OCR's "&" for a marked vowel ("T&N" for "TẤN"), and words.
        for word in ["T&N", "KH&", "&CN", "Kh&cn", "KH&CN&", "Sở", "X"] {
            assert!(!is_acronym_shape(word), "{word}");
        }
    }

    #[test]
    fn ocr_marks_stay_with_their_word() {
        assert_eq!(split_word("“s@,"), ("“", "s@", ","));
        assert_eq!(split_word("co’)"), ("", "co’", ")"));
        assert_eq!(split_word("(tin’"), ("(", "tin", "’"));
        assert_eq!(split_word("..."), ("...", "", ""));
    }

    #[test]
    fn symbols_have_their_slash_inside_not_in_the_closing_mark() {
        for chunk in [
            "148/QĐ-TTg",
            "148/QĐ-TTg./.",
            "26/01/2026",
            "v/v",
            "KH-UBND",
        ] {
            assert!(is_symbol(chunk), "{chunk}");
        }
        for chunk in [
            "trên./.",
            "tấn/năm",
            "./.",
            "-Tổ",
            "USD/tấn,",
            "m3/ngày",
            "1.000đ/kg",
            "chính/Văn",
            "(Vượt/",
            "trì/",
            "Xã/Phường",
        ] {
            assert!(!is_symbol(chunk), "{chunk}");
        }
    }

    #[test]
    fn a_label_glued_to_a_word_is_found() {
        assert_eq!(glued_label("V.CHE"), Some(2));
        assert_eq!(glued_label("II.NỘI"), Some(3));
        assert_eq!(glued_label("1.Mục"), Some(2));
        assert_eq!(glued_label("2.3.Tổ"), Some(4));
        assert_eq!(glued_label("đ.Báo"), Some(3));
        assert_eq!(glued_label("2025.Trong"), Some(5));
        // Not labels: abbreviations, a number, a date, a word.
        for chunk in [
            "TP.HCM",
            "1.5",
            "26/01/2026.",
            "Q.Ba",
            "xã.",
            "V.",
            "v.v",
            "V.v",
            "1.000đ",
        ] {
            assert_eq!(glued_label(chunk), None, "{chunk}");
        }
    }

    #[test]
    fn glue_between_letters_separates_words() {
        assert_eq!(unglue("ctia.xa"), ["ctia", "xa"]);
        assert_eq!(unglue("ctia’xa_ma"), ["ctia", "xa", "ma"]);
        assert_eq!(unglue("Xuf’lt"), ["Xuf’lt"]);
        assert_eq!(unglue("huyện....tỉnh"), ["huyện", "tỉnh"]);
        assert_eq!(unglue("TP.Can"), ["TP", "Can"]);
        assert_eq!(unglue("Q.Ba"), ["Q", "Ba"]);
        for chunk in ["TP.HCM", "v.v", "TT.HĐND", "Tp.Ha"] {
            assert_eq!(unglue(chunk), [chunk], "{chunk}");
        }
        assert_eq!(unglue("cac._nghia"), ["cac", "nghia"]);
        // Not between two letters: a list mark, a number, an abbreviation's last dot, a horn.
        assert_eq!(unglue("a."), ["a."]);
        assert_eq!(unglue("1.000"), ["1.000"]);
        assert_eq!(unglue("co’"), ["co’"]);
        assert_eq!(unglue("THU'C"), ["THU'C"]);
        assert_eq!(unglue("d’ai"), ["d’ai"]);
        assert_eq!(unglue("lgé't"), ["lgé't"]);
        assert_eq!(unglue("v.v"), ["v.v"]);
        assert!(is_url_or_email("Shopee.vn,") && is_url_or_email("tiki.vn"));
        assert!(!is_url_or_email("hgp.tac") && !is_url_or_email("vn."));
        assert_eq!(unglue("1.Nguyên"), ["1.Nguyên"]);
    }

    #[test]
    fn the_model_sees_syllables_acronyms_and_other_words() {
        let words: Vec<(Option<String>, Written)> =
            line_words("Theo Kế hoạch số 39/KH-UBND của UBND Phường, xem https://x.vn Hello")
                .collect();
        let shown: Vec<&str> = words
            .iter()
            .map(|w| w.0.as_deref().unwrap_or("·"))
            .collect();
        let written: Vec<Written> = words.iter().map(|w| w.1).collect();
        use Written::{Lower, Other, Title};
        assert_eq!(
            written[..7],
            [Title, Title, Lower, Lower, Other, Lower, Other]
        );
        assert_eq!(
            shown,
            [
                "theo",
                "kế",
                "hoạch",
                "số",
                "·",
                "của",
                "UBND",
                "phường",
                "xem",
                "·",
                "·"
            ]
        );
    }

    #[test]
    fn a_bullet_standing_first_is_an_other_word_and_other_punctuation_no_word() {
        let keys = |line| -> Vec<Option<String>> { line_words(line).map(|(k, _)| k).collect() };
        let syllables = |words: &[&str]| -> Vec<Option<String>> {
            words.iter().map(|w| Some(w.to_string())).collect()
        };
        let mut bullet_first = vec![None];
        bullet_first.extend(syllables(&["độc", "lập", "tự", "do"]));
        assert_eq!(keys("- Độc lập - Tự do"), bullet_first);
        assert_eq!(
            keys("Độc lập - Tự do"),
            syllables(&["độc", "lập", "tự", "do"])
        );
        assert_eq!(
            keys("+ Rà soát …"),
            [None, Some("rà".into()), Some("soát".into())]
        );
        assert_eq!(keys("-Rà soát"), syllables(&["rà", "soát"]));
    }

    #[test]
    fn a_line_continues_an_open_sentence_that_it_starts_in_small_letters() {
        assert!(continues("triển khai thực hiện đảm", "bao dung yeu cau"));
        assert!(continues("các cấp ủy,", "  đảng, chính quyền"));
        assert!(!continues("mục tiêu đề ra.", "bao dung"));
        assert!(!continues("như sau:", "a) Tổ chức"));
        assert!(!continues("các nội dung sau", "a) Tổ chức"));
        assert!(!continues("I. MỤC ĐÍCH, YÊU CẦU", "Nhằm thực hiện"));
        assert!(!continues("", "bao dung"));
        assert!(!continues("Sở Nội vụ\tchủ trì", "phối hợp"));
    }
}
