//! Normalization of decoded text: NFC, stray spaces, punctuation spacing,
//! consistent tone placement and (on request) unwrapping of hard-wrapped lines.

use crate::text::syllable::is_letter;
use std::sync::OnceLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use super::syllable::{Syllable, ToneStyle, mark_has_one_place};

/// What [`normalize`] does beyond the always-on clean-up.
#[derive(Debug, Clone, Copy, Default)]
pub struct NormalizeOptions {
    /// Where tone marks go in oa, oe, uy syllables.
    pub tone: ToneStyle,
    /// Join hard-wrapped lines back into paragraphs.
    pub unwrap: bool,
}

/// Normalizes text: NFC, spaces, punctuation, tone placement, and line structure.
///
/// Lines end in "\n" whatever they ended in before; without `unwrap` the
/// output has exactly as many lines as the input.
pub fn normalize(text: &str, options: &NormalizeOptions) -> String {
    let cleaned = clean_characters(text);
    let lines: Vec<String> = split_lines(&cleaned)
        .map(|line| normalize_line(line, options.tone))
        .collect();
    if options.unwrap {
        unwrap_lines(&lines)
    } else {
        let mut out = lines.join("\n");
        if cleaned.ends_with('\n') {
            out.push('\n');
        }
        out
    }
}

/// Splits text into lines, accepting "\n", "\r\n" and a lone "\r" as line ends.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let body = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix('\n'))
        .or_else(|| text.strip_suffix('\r'))
        .unwrap_or(text);
    let mut parts: Vec<&str> = Vec::new();
    if !text.is_empty() {
        let mut rest = body;
        while let Some(i) = rest.find(['\n', '\r']) {
            parts.push(&rest[..i]);
            let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
            rest = &rest[i + skip..];
        }
        parts.push(rest);
    }
    parts.into_iter()
}

/// Removes invisible characters and control marks, turns exotic spaces into plain ones, spells
/// out typographic ligatures and composes to NFC.
/// A page break (form feed) at a line's start, as pdftotext writes one, goes: it is not a line
/// of the text, so the lines stay as many as the input's.
fn clean_characters(text: &str) -> String {
    let mut line_start = true;
    let mut visible = String::with_capacity(text.len());
    for c in text.chars() {
        let breaks = matches!(c, '\n' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}');
        let at_line_start = std::mem::replace(&mut line_start, breaks);
        match c {
            '\u{0C}' if at_line_start => {}
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                visible.push(' ');
            }
            '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}' => visible.push('\n'),
            // Word's non-breaking hyphen, as its plain-text export writes it.
            '\u{1E}' => visible.push('-'),
            // Word's other marks in plain text (its optional hyphen 0x1F, footnote separators
            // 0x03 and 0x04, the cell mark 0x07) and the DOS end-of-file mark are not text.
            '\u{01}'..='\u{08}' | '\u{0E}'..='\u{1D}' | '\u{1F}' => {}
            // Typographic ligatures (PDF extractions, OCR) are their letters: "ﬁ" is "fi".
            '\u{FB00}'..='\u{FB06}' => visible.extend(std::iter::once(c).nfkc()),
            c => visible.push(c),
        }
    }
    let mut composed: String = if unicode_normalization::is_nfc_quick(visible.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        visible
    } else {
        visible.nfc().collect()
    };
    if !composed.ends_with('\n') && text.ends_with(['\n', '\r']) {
        composed.push('\n');
    }
    composed
}

/// Removes the spaces OCR and careless typing put inside punctuation: "a , b", "( x )", "x ."
///
/// A run of spaces goes when it sits between a word and one of , ; : ! ? ) ]
/// or a single full stop that ends a sentence, or just inside "(" and "[".
/// Ellipses ("ngày ... tháng") and the closing "./." stay as they are.
fn tighten_punctuation(line: &str) -> String {
    let bytes = line.as_bytes();
    let is_space = |b: u8| b == b' ' || b == b'\t';
    let mut out = String::with_capacity(line.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !is_space(bytes[i]) {
            i += 1;
            continue;
        }
        let end = bytes[i..]
            .iter()
            .position(|&b| !is_space(b))
            .map_or(bytes.len(), |n| i + n);
        // Every byte around a space run is at a char boundary, and the marks we look at are ASCII.
        let before = line[..i].chars().next_back();
        let after = &bytes[end..bytes.len().min(end + 2)];
        if before.is_some() && !space_belongs(before, after) {
            out.push_str(&line[copied..i]);
            copied = end;
        }
        i = end;
    }
    out.push_str(&line[copied..]);
    out
}

/// True when a space between `before` and the text `after` is right (see [`tighten_punctuation`]).
fn space_belongs(before: Option<char>, after: &[u8]) -> bool {
    let closes = match after.first() {
        Some(b',' | b';' | b':' | b'!' | b'?' | b')' | b']') => true,
        Some(b'.') => after.get(1).is_none_or(|&n| n == b' ' || n == b'\t'),
        _ => false,
    };
    match before {
        Some('(' | '[') => after.is_empty(),
        _ => !closes,
    }
}

/// Normalizes one line: trailing space, OCR spacing around punctuation, tone placement.
pub fn normalize_line(line: &str, tone: ToneStyle) -> String {
    let trimmed = line.trim_end();
    respell_words(&tighten_punctuation(trimmed), tone)
}

/// Re-spells every Vietnamese syllable in `text` with the tone mark where `tone` puts it.
pub fn respell_words(text: &str, tone: ToneStyle) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_letter(c) {
            word_start.get_or_insert(i);
        } else {
            if let Some(start) = word_start.take() {
                push_respelled(&mut out, &text[start..i], tone);
            }
            out.push(c);
        }
    }
    if let Some(start) = word_start {
        push_respelled(&mut out, &text[start..], tone);
    }
    out
}

fn push_respelled(out: &mut String, word: &str, tone: ToneStyle) {
    // Only a tone mark can sit in the wrong place, and only where it has a choice of letters.
    if mark_has_one_place(word) {
        out.push_str(word);
        return;
    }
    match Syllable::parse(word) {
        Some(syllable) => out.push_str(&syllable.spell(tone)),
        None => out.push_str(word),
    }
}

fn block_start() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)^(?:
                [IVXLC]+\.\s                # I. II. ...
              | \d+(?:\.\d+)*\.(?:\s|$)     # 1.  1.1.
              | \d+\.\d+(?:\.\d+)*\s        # 1.1 without final dot
              | [a-zđ][).]\s                # a) b), a. b.
              | [-–—+•*]\s                  # list items
              | [|\#>]                      # Markdown tables, headings, quotes
              | (?:Căn\ cứ|Nơi\ nhận|Phụ\ lục|Biểu|Số:|Kính\ gửi)
            )",
        )
        .expect("valid regex")
    })
}

fn heading_label() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.|\d+(?:\.\d+)+|[a-zđ][).])\s")
            .expect("valid regex")
    })
}

/// True when a line's letters are all upper case, at least two of them (a title, a heading, a signature line).
pub fn is_upper_case_line(line: &str) -> bool {
    let mut letters = 0;
    for c in line.chars().filter(|c| is_letter(*c)) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// True when a line starts a new block: a heading, a list item, a caps line, a standard opener.
fn starts_block(line: &str) -> bool {
    block_start().is_match(line) || is_upper_case_line(line)
}

/// True when a line closes its paragraph: it ends a sentence or clause, or is a caps line.
fn closes_paragraph(line: &str) -> bool {
    line.ends_with(['.', ';', ':', '!', '?']) || is_upper_case_line(line)
}

/// True when `next` continues the paragraph `current` rather than starting a new one.
///
/// A heading ("1. Mục đích") is continued only by a line that cannot start a
/// sentence (lower case, a digit, punctuation), since its body starts with a capital; a
/// labelled item whose line ends in a comma is no heading ("a) Giấy chứng nhận ... VLNCN,"
/// goes on with "PCCN, ATLĐ ...").
fn continues(current: &str, next: &str) -> bool {
    if closes_paragraph(current) || starts_block(next) {
        return false;
    }
    !(starts_sentence(next) && heading_label().is_match(current) && !current.ends_with(','))
}

/// True when the text has a blank line after every wrapped line, as some PDF extractions give:
/// at least a quarter of its blank lines (and 3) stand inside a sentence, after a line that
/// does not close its paragraph and before one in small letters. (Fixture 001 has 359 of 562;
/// single-spaced plans, their Markdown and OCR text, 0 to 15 in a hundred.) Unwrapped text has
/// none, so unwrapping it again changes nothing.
fn is_double_spaced(lines: &[String]) -> bool {
    let (mut gaps, mut inside) = (0, 0);
    let mut before: Option<&str> = None;
    let mut after_blank = false;
    for line in lines.iter().map(|l| l.trim()) {
        if line.is_empty() {
            after_blank = true;
            continue;
        }
        if let (Some(previous), true) = (before, after_blank) {
            gaps += 1;
            let lower = line.chars().next().is_some_and(char::is_lowercase);
            inside += usize::from(lower && !closes_paragraph(previous));
        }
        before = Some(line);
        after_blank = false;
    }
    inside >= 3 && inside * 4 >= gaps
}

/// True when a line ends on a word that never ends a sentence or a title: a preposition,
/// conjunction or plural marker waiting for its noun ("... theo bộ tiêu chí của", blank line,
/// "Trung ương ban hành ...").
fn wants_more(line: &str) -> bool {
    const WAITING: [&str; 24] = [
        "của", "và", "các", "những", "theo", "về", "cho", "với", "tại", "trong", "để", "từ", "đến",
        "trên", "dưới", "như", "hoặc", "nhằm", "gồm", "bằng", "qua", "vào", "là", "mà",
    ];
    line.rsplit(' ')
        .next()
        .is_some_and(|w| WAITING.contains(&w))
}

/// True when a line starts with a capital letter, as a sentence does.
fn starts_sentence(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_uppercase)
}

/// True when a line is a page number as pdftotext writes one: one to three digits alone,
/// centred (indented by 10 spaces or more) or between blank lines.
fn is_page_number(line: &str, blank_around: bool) -> bool {
    let text = line.trim();
    let indent = line.len() - line.trim_start().len();
    (1..=3).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_digit())
        && (indent >= 10 || blank_around)
}

/// Joins hard-wrapped lines into paragraphs; headings, list items and caps lines stay apart,
/// and page numbers go.
///
/// In double-spaced text ([`is_double_spaced`]) the decision to join two lines looks only at
/// their text; elsewhere a blank line before a capital also ends a paragraph ("... tỉnh Lào
/// Cai", a title's last line, then a blank, then "Thực hiện ..."), while one before a small
/// letter, or after a word that waits for more ([`wants_more`]), is a gap inside a sentence,
/// as OCR and page breaks leave them. A blank line that stands where a paragraph ends is kept,
/// once.
fn unwrap_lines(lines: &[String]) -> String {
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.trim().is_empty());
    let double_spaced = is_double_spaced(lines);
    let mut out = String::new();
    let mut paragraph: Option<String> = None;
    let mut blank_pending = false;
    for (i, line) in lines.iter().enumerate() {
        let text = line.trim();
        if text.is_empty() {
            blank_pending = true;
            continue;
        }
        let between_blanks = i > 0 && blank(i - 1) && blank(i + 1);
        if is_page_number(line, between_blanks) {
            continue;
        }
        match paragraph.as_mut() {
            Some(current)
                if continues(current, text)
                    && (double_spaced
                        || !blank_pending
                        || !starts_sentence(text)
                        || wants_more(current)) =>
            {
                let head = &text.as_bytes()[..text.len().min(2)];
                if space_belongs(current.chars().last(), head) {
                    current.push(' ');
                }
                current.push_str(text);
            }
            _ => {
                if let Some(done) = paragraph.take() {
                    out.push_str(&done);
                    out.push('\n');
                    if blank_pending {
                        out.push('\n');
                    }
                }
                paragraph = Some(text.to_string());
            }
        }
        blank_pending = false;
    }
    if let Some(done) = paragraph {
        out.push_str(&done);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(text: &str) -> String {
        normalize(text, &NormalizeOptions::default())
    }

    #[test]
    fn composes_nfc_and_removes_invisibles() {
        let decomposed = "Vie\u{0323}\u{0302}t\u{200B} Nam\u{00A0}2026";
        assert_eq!(norm(decomposed), "Việt Nam 2026");
    }

    #[test]
    fn spells_out_typographic_ligatures() {
        // pdftotext and OCR write "fi" and "ffl" as one character.
        assert_eq!(
            norm("con\u{FB01}rm o\u{FB04}ine \u{FB06}"),
            "confirm offline st"
        );
    }

    #[test]
    fn fixes_spacing_before_punctuation() {
        assert_eq!(
            norm("sản phẩm , dịch vụ ; ( OCOP ) ."),
            "sản phẩm, dịch vụ; (OCOP)."
        );
        assert_eq!(norm("ngày ... tháng ... năm"), "ngày ... tháng ... năm");
        assert_eq!(norm("thực hiện ./."), "thực hiện ./.");
    }

    #[test]
    fn tone_styles() {
        let modern = NormalizeOptions {
            tone: ToneStyle::Modern,
            unwrap: false,
        };
        assert_eq!(
            norm("Uỷ ban hoà giải, thuỷ lợi"),
            "Ủy ban hòa giải, thủy lợi"
        );
        assert_eq!(normalize("Ủy ban hòa giải", &modern), "Uỷ ban hoà giải");
        assert_eq!(norm("OCOP HTX UBND quý"), "OCOP HTX UBND quý");
    }

    #[test]
    fn marks_word_leaves_in_plain_text_go() {
        // An optional hyphen typed inside a word, footnote separators on lines of their own, a
        // non-breaking hyphen and the DOS end-of-file mark, as in text saved from Word.
        assert_eq!(
            norm("Nhà nư\x1fớc\n\x03\n\x04\nQuyết định số 12\x1eQĐ\n\x1a"),
            "Nhà nước\n\n\nQuyết định số 12-QĐ\n"
        );
        assert_eq!(norm("a\tb\n"), "a\tb\n");
    }

    #[test]
    fn keeps_line_count() {
        let text = "a\r\nb\rc\n\nd\n";
        assert_eq!(norm(text), "a\nb\nc\n\nd\n");
        // A page break at a line's start (pdftotext) is no line; one inside a line breaks it.
        assert_eq!(
            norm("\x0ctrang một\n\x0ctrang hai\n\x0c"),
            "trang một\ntrang hai\n"
        );
        assert_eq!(norm("dòng một\x0cdòng hai\n"), "dòng một\ndòng hai\n");
    }

    #[test]
    fn unwraps_pdf_lines_but_keeps_headings() {
        let text = "Căn cứ Nghị quyết số 129/2020/QH14 của Quốc hội về \n\nviệc cho phép tiếp tục;\n\nI. MỤC ĐÍCH, YÊU CẦU \n\n1. Mục đích \n\nTriển khai Chương \n\ntrình OCOP.\n- Một;\n- Hai,\nba.\n";
        assert_unwraps_to(
            text,
            "Căn cứ Nghị quyết số 129/2020/QH14 của Quốc hội về việc cho phép tiếp tục;\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nTriển khai Chương trình OCOP.\n- Một;\n- Hai, ba.\n",
        );
    }

    /// `text` unwrapped is `expected`, and unwrapping that again changes nothing.
    fn assert_unwraps_to(text: &str, expected: &str) {
        let options = NormalizeOptions {
            unwrap: true,
            ..Default::default()
        };
        let out = normalize(text, &options);
        assert_eq!(out, expected);
        assert_eq!(normalize(&out, &options), out);
    }

    #[test]
    fn unwraps_single_spaced_pdf_text_at_its_blank_lines_and_labels() {
        // pdftotext of a single-spaced page (real plan 23): a title's last line, a blank line,
        // then the body; items "a."; a labelled item that runs on after a comma; a centred
        // page number; blank lines left inside a sentence, before a small letter or after "của".
        let text = "Kiểm tra việc chấp hành Quy định pháp luật trong sử dụng và bảo quản vật\n\
                    liệu nổ công nghiệp trên địa bàn tỉnh Lào Cai\n\
                    \n\
                    Thực hiện Quyết định số 1050/QĐ-SCT của Giám đốc Sở Công Thương tỉnh Lào Cai.\n\
                    3.5. Phương thức kiểm tra\n\
                    a. Thu thập tài liệu, báo cáo của đơn vị cung cấp;\n\
                    a) Giấy chứng nhận huấn luyện kỹ thuật an toàn VLNCN,\n\
                    PCCN, ATLĐ của những người có liên quan;\n\
                    \x20                                        2\n\
                    \n\
                    Hồ sơ thiết kế kho bảo quản, tổng hợp danh sách các chủ thể tham gia đánh giá, phân\n\
                    \n\
                    hạng sản phẩm theo bộ tiêu chí của\n\
                    \n\
                    Trung ương.\n";
        assert_unwraps_to(
            text,
            "Kiểm tra việc chấp hành Quy định pháp luật trong sử dụng và bảo quản vật liệu nổ công \
             nghiệp trên địa bàn tỉnh Lào Cai\n\n\
             Thực hiện Quyết định số 1050/QĐ-SCT của Giám đốc Sở Công Thương tỉnh Lào Cai.\n\
             3.5. Phương thức kiểm tra\n\
             a. Thu thập tài liệu, báo cáo của đơn vị cung cấp;\n\
             a) Giấy chứng nhận huấn luyện kỹ thuật an toàn VLNCN, PCCN, ATLĐ của những người có \
             liên quan;\n\n\
             Hồ sơ thiết kế kho bảo quản, tổng hợp danh sách các chủ thể tham gia đánh giá, phân \
             hạng sản phẩm theo bộ tiêu chí của Trung ương.\n",
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text made of Vietnamese syllables in both tone styles, punctuation, odd spaces and line breaks.
    fn plan_like_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "Uỷ",
            "hoà",
            "thuỷ",
            "khoẻ",
            "Ủy",
            "hòa",
            "ban",
            "nhân",
            "dân",
            "OCOP",
            "2026",
            " ",
            "  ",
            " , ",
            ".",
            " .",
            "./.",
            "...",
            ";",
            ":",
            "(",
            ")",
            "( ",
            " )",
            "\n",
            "\r\n",
            "\n\n",
            "- ",
            "I. ",
            "1. ",
            "a) ",
            "\u{00A0}",
            "\u{200B}",
            "e\u{0301}",
            "Căn cứ ",
            "KẾ HOẠCH",
            "\t",
            "ngày",
            "tháng",
            "Nơi nhận:",
            "quý",
            "x",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn normalize_is_idempotent(text in plan_like_text(), unwrap in any::<bool>(), modern in any::<bool>()) {
            let options = NormalizeOptions {
                tone: if modern { ToneStyle::Modern } else { ToneStyle::Classic },
                unwrap,
            };
            let once = normalize(&text, &options);
            prop_assert_eq!(normalize(&once, &options), once.clone());
        }

        #[test]
        fn line_count_is_kept_without_unwrap(text in plan_like_text()) {
            let out = normalize(&text, &NormalizeOptions::default());
            let count = |s: &str| s.split(['\n', '\r']).count() - s.matches("\r\n").count();
            prop_assert_eq!(count(&out), count(&text));
        }

        #[test]
        fn arbitrary_text_never_panics_and_is_nfc(text in any::<String>()) {
            let out = normalize(&text, &NormalizeOptions { unwrap: true, ..Default::default() });
            prop_assert!(unicode_normalization::is_nfc(&out));
        }
    }
}
