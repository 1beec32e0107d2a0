//! From normalized text to logical lines: markup stripped, columns split, wrapped lines joined.
//!
//! What comes in is one of: a Word file read cell by cell (one paragraph a
//! line), plain text with one paragraph a line, plain text hard-wrapped by a
//! PDF extractor (often with a blank line after every line), or Markdown
//! (paragraphs soft-wrapped and separated by blank lines, tables as `|`).
//! What goes out is one logical line per paragraph, heading, list item or
//! header-table cell, trimmed, with single spaces.

use super::{is_upper_line, re};

/// How the text's lines relate to its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// One paragraph per line (Word files, most plain text).
    Paragraphs,
    /// Markdown: consecutive lines form a paragraph; blank lines separate.
    Markdown,
}

/// One raw piece of text before joining, or a hard break between pieces.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(String),
    Break,
}

/// Splits, cleans and joins the text into logical lines.
pub fn logical_lines(text: &str, flow: Flow) -> Vec<String> {
    let pieces = pieces(text, flow);
    let texts: Vec<&str> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Text(t) => Some(t.as_str()),
            Piece::Break => None,
        })
        .collect();
    let width = wrap_width(&texts);
    let mut out: Vec<String> = Vec::new();
    let mut joinable = false;
    // Length of the last physical line joined into the current logical line.
    let mut last_len = 0;
    for piece in pieces {
        match piece {
            Piece::Break => joinable = false,
            // A page number on its own line in hard-wrapped (PDF) text.
            Piece::Text(line)
                if width > 0 && line.len() <= 3 && line.bytes().all(|b| b.is_ascii_digit()) => {}
            Piece::Text(line) => {
                let join = joinable
                    && out
                        .last()
                        .is_some_and(|prev| continues(prev, last_len, &line, flow, width));
                last_len = line.chars().count();
                match (join, out.last_mut()) {
                    (true, Some(prev)) => {
                        prev.push(' ');
                        prev.push_str(&line);
                    }
                    _ => out.push(line),
                }
                joinable = true;
            }
        }
    }
    out
}

/// Cleans every raw line and cuts it into pieces; blank lines become breaks in Markdown.
fn pieces(text: &str, flow: Flow) -> Vec<Piece> {
    let mut out = Vec::new();
    for raw in text.lines() {
        let line = strip_markup(raw);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if flow == Flow::Markdown {
                out.push(Piece::Break);
            }
            continue;
        }
        if trimmed.starts_with('|') || trimmed.ends_with('|') {
            // A Markdown table: a lone "|" separates cells; a row keeps its cells on one line.
            out.push(Piece::Break);
            let cells: Vec<&str> = trimmed
                .split('|')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            if cells.iter().all(|c| c.chars().all(|ch| "-: ".contains(ch))) {
                continue;
            }
            if !cells.is_empty() {
                out.push(Piece::Text(collapse_spaces(&cells.join(" | "))));
                out.push(Piece::Break);
            }
            continue;
        }
        // Columns laid out with runs of spaces or tabs (pdftotext, typed headers);
        // the blanks left for a number or a day ("Số:     /KH", "ngày    tháng") are not columns.
        if !trimmed.contains("   ") && !trimmed.contains('\t') {
            out.push(Piece::Text(collapse_spaces(trimmed)));
            continue;
        }
        let blanks = re!(r"(Số\s*:|ngày|tháng)\s{3,}").replace_all(trimmed, "$1 ");
        let blanks = re!(r"\s{3,}(/|tháng\b|năm\b)").replace_all(&blanks, " $1");
        let mut first = true;
        for column in re!(r"\t+|\s{3,}").split(&blanks) {
            let column = collapse_spaces(column.trim());
            if column.is_empty() {
                continue;
            }
            if !first {
                out.push(Piece::Break);
            }
            out.push(Piece::Text(column));
            first = false;
        }
    }
    out
}

/// Removes Markdown emphasis, heading marks and quote marks; keeps list bullets.
pub(super) fn strip_markup(line: &str) -> String {
    let mut s = line.trim_start();
    while let Some(rest) = s.strip_prefix('#').or_else(|| s.strip_prefix('>')) {
        s = rest.trim_start();
    }
    if !s.contains(['*', '_', '\\']) {
        return s.to_string();
    }
    let bullet = s.starts_with("* ") || s.starts_with("+ ");
    let body = if bullet { &s[2..] } else { s };
    // Markdown escapes ("1\\." for a numbered heading that is not a list).
    let unescaped = if body.contains('\\') {
        re!(r"\\([\\`*_{}\[\]()#+\-.!|])").replace_all(body, "$1")
    } else {
        std::borrow::Cow::Borrowed(body)
    };
    let cleaned: String = unescaped
        .replace("**", "")
        .replace("__", "")
        .chars()
        .filter(|&c| c != '*')
        .collect();
    if bullet {
        format!("- {cleaned}")
    } else {
        cleaned
    }
}

/// Collapses runs of white space into one space (and trims the ends).
pub fn collapse_spaces(text: &str) -> String {
    let text = text.trim();
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// The width hard-wrapped text was wrapped at, or 0 when the text is not hard-wrapped.
///
/// Text counts as hard-wrapped when at least four lines, and a tenth of all
/// lines, run on into a line that starts in lower case; the width is then
/// the length that nine lines in ten stay within.
fn wrap_width(lines: &[&str]) -> usize {
    let runs_on = lines
        .windows(2)
        .filter(|w| !ends_clause(w[0]) && starts_lower(w[1]))
        .count();
    if lines.len() < 10 || runs_on < 4 || runs_on * 10 < lines.len() {
        return 0;
    }
    let mut lengths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    lengths.sort_unstable();
    lengths[lengths.len() * 9 / 10]
}

/// True when a line ends a sentence or clause.
fn ends_clause(line: &str) -> bool {
    line.trim_end_matches(['"', '”', ')', '*', ' '])
        .ends_with(['.', ';', ':', '!', '?'])
        || line.ends_with(')') && line.starts_with('(')
}

/// True when a line starts with a lower-case letter (a word cut by wrapping).
fn starts_lower(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_lowercase)
}

/// True when a line opens a block of its own: heading, list item, standard opener.
pub fn starts_block(line: &str) -> bool {
    re!(r"^(?:[IVXLC]+[./]\s|\d{1,2}(?:\.\d{1,2})*[./)]\s|\d{1,2}(?:\.\d{1,2})+\s|[a-zđ][).]\s|[-–+•]\s?|Căn cứ|Thực hiện|Nơi nhận|Kính gửi|Số\s*:|(?:TM|KT|TL|TUQ|Q|T/M)\.\s)")
        .is_match(line)
}

/// True when `next` carries on the paragraph that `prev` began (`last_len`: its last physical line).
fn continues(prev: &str, last_len: usize, next: &str, flow: Flow, width: usize) -> bool {
    if re!(r"^(?:[IVXLC]+\.|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ][).])$").is_match(prev) {
        // A bare label ("I.") whose heading text went onto the next line.
        return true;
    }
    if starts_block(next) {
        return false;
    }
    if is_upper_line(prev) || is_upper_line(next) {
        // Markdown wraps upper-case headings and titles too; plain text keeps them apart.
        return flow == Flow::Markdown && is_upper_line(prev) && is_upper_line(next);
    }
    if ends_clause(prev) {
        // A clause cut after ";" or "," still runs on into a lower-case word.
        return prev.ends_with([';', ',']) && starts_lower(next);
    }
    if flow == Flow::Markdown {
        return true;
    }
    let next_starts_word = next
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    if next_starts_word {
        return true;
    }
    // A heading's wrapped tail is short; a full-width line after it starts its body.
    let heading = re!(r"^(?:[IVXLC]+\.|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][).])\s").is_match(prev);
    width > 0 && last_len * 10 >= width * 7 && !(heading && next.chars().count() * 10 >= width * 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_wrapped_lines_but_not_headings() {
        let text = "I. MỤC ĐÍCH\n\n1. Mục đích\n\nTriển khai Chương\n\ntrình OCOP.\n- Một;\n\
                    3.5. Phương thức kiểm tra\na. Thu thập tài liệu;\n";
        assert_eq!(
            logical_lines(text, Flow::Paragraphs),
            vec![
                "I. MỤC ĐÍCH",
                "1. Mục đích",
                "Triển khai Chương trình OCOP.",
                "- Một;",
                "3.5. Phương thức kiểm tra",
                "a. Thu thập tài liệu;"
            ]
        );
    }

    #[test]
    fn markdown_cells_and_emphasis() {
        let text = "|\n**ỦY BAN NHÂN\nDÂN**\nTỈNH A\n|\n*A, ngày 01\ntháng 2 năm 2025*\n|\n\n**KẾ HOẠCH**\n";
        assert_eq!(
            logical_lines(text, Flow::Markdown),
            vec![
                "ỦY BAN NHÂN DÂN TỈNH A",
                "A, ngày 01 tháng 2 năm 2025",
                "KẾ HOẠCH"
            ]
        );
    }

    #[test]
    fn splits_columns() {
        assert_eq!(
            logical_lines("SỞ A        CỘNG HÒA\n", Flow::Paragraphs),
            vec!["SỞ A", "CỘNG HÒA"]
        );
    }
}
