//! RTF reader: the text of an RTF file, legacy font encodings included.
//!
//! Pre-Unicode Vietnamese documents were written in ordinary 8-bit fonts
//! whose glyphs sit on the Windows-1252 byte positions: TCVN3 (.VnTime,
//! .VnArial...; the names ending in H are upper-case fonts) and VNI
//! (VNI-Times...). The bytes of an RTF file mean nothing without the font
//! they are set in, so this reader follows the font of every run: runs in
//! .Vn* fonts are decoded as TCVN3, VNI-* fonts as VNI, fonts with the
//! Vietnamese charset (163) or a document code page of 1258 as Windows-1258.
//! Runs in other fonts, and paragraphs whose font plainly lies, are decoded
//! as what reads best, paragraph by paragraph (Windows-1252 unless a legacy
//! encoding reads plainly better). `\uN` characters are taken as they are.
//!
//! Paragraphs (`\par`, `\line`, `\sect`, `\page`) and table rows (`\row`)
//! end lines; tabs and table cells (`\cell`) become tabs. List numbers
//! (`\pntext`, `\listtext`: "1.", "a)") are kept, as they carry a plan's
//! structure. Footnotes and endnotes go after the body. Destinations that hold no body text (font and
//! colour tables, style sheet, document info, pictures, headers and footers,
//! and every `\*` group) are skipped.

use std::collections::HashMap;

use crate::text::Encoding;
use crate::text::encoding::codepage;
use crate::text::encoding::detect::{Piece, choose_by_paragraph};
use crate::text::encoding::fonts::FontCoding;

/// Control words whose group holds no body text.
const SKIPPED_DESTINATIONS: [&str; 22] = [
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "fldinst",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "filetbl",
    "xmlnstbl",
    "themedata",
    "datastore",
];

/// Group state RTF scopes with braces.
#[derive(Debug, Clone, Copy)]
struct GroupState {
    /// The current font number.
    font: Option<i32>,
    /// How many fallback characters follow a `\uN`.
    unicode_skip: usize,
    /// Inside a destination whose text is dropped.
    skip: bool,
    /// Inside the font table.
    font_table: bool,
    /// Inside a footnote or endnote (its text goes after the body).
    note: bool,
}

/// A font-table entry being read.
#[derive(Debug, Default)]
struct FontEntry {
    number: Option<i32>,
    charset: Option<i32>,
    name: Vec<u8>,
}

/// The reader: text so far, the run of bytes waiting for its font, and the fonts.
struct Reader {
    /// The body's text so far, in pieces to decode (see [`choose_by_paragraph`]).
    body: Vec<Piece>,
    /// Footnote and endnote text, put after the body.
    notes: Vec<Piece>,
    run: Vec<u8>,
    run_coding: FontCoding,
    /// Whether the pending run belongs to a note.
    run_note: bool,
    ansi: FontCoding,
    default_font: Option<i32>,
    fonts: HashMap<i32, (String, Option<i32>)>,
    entry: FontEntry,
    /// Fallback characters still to drop after a `\uN`.
    pending_skip: usize,
}

impl Reader {
    fn coding(&self, font: Option<i32>) -> FontCoding {
        font.or(self.default_font)
            .and_then(|f| self.fonts.get(&f))
            .map_or(self.ansi, |(name, charset)| {
                FontCoding::of_font(name, *charset, self.ansi)
            })
    }

    fn flush(&mut self) {
        if self.run.is_empty() {
            return;
        }
        let run = std::mem::take(&mut self.run);
        let piece = match self.run_coding {
            // Text in an ordinary font: its encoding is left to the statistics.
            FontCoding::Cp1252 => Piece::Bytes(run),
            coding => Piece::Font(run, coding),
        };
        self.target(self.run_note).push(piece);
    }

    /// Where text goes: the body or the notes.
    fn target(&mut self, note: bool) -> &mut Vec<Piece> {
        if note {
            &mut self.notes
        } else {
            &mut self.body
        }
    }

    /// A text byte in the current font (or into the font name being read).
    fn byte(&mut self, state: &GroupState, byte: u8) {
        if self.pending_skip > 0 {
            self.pending_skip -= 1;
            return;
        }
        if state.skip {
            return;
        }
        if state.font_table {
            if byte == b';' {
                self.end_font_entry();
            } else {
                self.entry.name.push(byte);
            }
            return;
        }
        let coding = self.coding(state.font);
        if coding != self.run_coding || state.note != self.run_note {
            self.flush();
            self.run_coding = coding;
            self.run_note = state.note;
        }
        self.run.push(byte);
    }

    /// A character that needs no decoding.
    fn char(&mut self, state: &GroupState, c: char) {
        if state.skip || state.font_table {
            return;
        }
        self.flush();
        let target = self.target(state.note);
        match target.last_mut() {
            Some(Piece::Text(text)) => text.push(c),
            _ => target.push(Piece::Text(c.to_string())),
        }
    }

    fn end_font_entry(&mut self) {
        let entry = std::mem::take(&mut self.entry);
        if let Some(number) = entry.number {
            let name = codepage::cp1252(&entry.name).trim().to_string();
            self.fonts.insert(number, (name, entry.charset));
        }
    }
}

/// Extracts the text of an RTF document and the encoding its text was in.
///
/// The encoding is the legacy one that most of the text was decoded in
/// (TCVN3, VNI or Windows-1258); a document with none is reported as UTF-8,
/// since its text came through as Unicode or plain Windows-1252.
pub fn read(bytes: &[u8]) -> Result<(String, Encoding), String> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    if !bytes[start..].starts_with(b"{\\rtf") {
        return Err("does not start with {\\rtf".to_string());
    }
    let mut reader = Reader {
        body: Vec::new(),
        notes: Vec::new(),
        run: Vec::new(),
        run_coding: FontCoding::Cp1252,
        run_note: false,
        ansi: FontCoding::Cp1252,
        default_font: None,
        fonts: HashMap::new(),
        entry: FontEntry::default(),
        pending_skip: 0,
    };
    let mut stack: Vec<GroupState> = Vec::new();
    let mut state = GroupState {
        font: None,
        unicode_skip: 1,
        skip: false,
        font_table: false,
        note: false,
    };
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        match b {
            b'{' => stack.push(state),
            b'}' => {
                if state.font_table && !state.skip && !reader.entry.name.is_empty() {
                    reader.end_font_entry();
                }
                reader.pending_skip = 0;
                state = stack
                    .pop()
                    .ok_or_else(|| format!("unbalanced '}}' at byte {}", i - 1))?;
            }
            b'\r' | b'\n' => {}
            b'\t' => reader.char(&state, '\t'),
            b'\\' => i = control(bytes, i, &mut state, &mut reader)?,
            _ => reader.byte(&state, b),
        }
        if stack.is_empty() && b == b'}' {
            break;
        }
    }
    if !stack.is_empty() {
        return Err(format!("{} groups left open at the end", stack.len()));
    }
    reader.flush();
    let mut pieces = reader.body;
    if !reader.notes.is_empty() {
        let line_ended = matches!(pieces.last(), Some(Piece::Text(t)) if t.ends_with('\n'));
        if !line_ended {
            pieces.push(Piece::Text("\n".to_string()));
        }
        pieces.extend(reader.notes);
    }
    let (encoding, text) = choose_by_paragraph(&pieces);
    Ok((text, encoding))
}

/// Reads the control word or symbol after a backslash at `i`; returns where reading goes on.
fn control(
    bytes: &[u8],
    mut i: usize,
    state: &mut GroupState,
    reader: &mut Reader,
) -> Result<usize, String> {
    let Some(&first) = bytes.get(i) else {
        return Ok(i);
    };
    if !first.is_ascii_alphabetic() {
        i += 1;
        match first {
            b'\'' => {
                let hex = bytes
                    .get(i..i + 2)
                    .and_then(|h| std::str::from_utf8(h).ok());
                let value = hex.and_then(|h| u8::from_str_radix(h, 16).ok());
                let value = value.ok_or_else(|| format!("bad \\' escape at byte {}", i - 2))?;
                reader.byte(state, value);
                return Ok(i + 2);
            }
            b'*' => state.skip = true,
            b'~' => reader.char(state, '\u{a0}'),
            b'_' => reader.char(state, '-'),
            b'\r' | b'\n' => reader.char(state, '\n'),
            b'\\' | b'{' | b'}' => reader.byte(state, first),
            // \- optional hyphen, \: index subentry, \| formula: no text.
            _ => {}
        }
        return Ok(i);
    }
    let word_start = i;
    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
        i += 1;
    }
    let word = std::str::from_utf8(&bytes[word_start..i]).unwrap_or("");
    let number_start = i;
    if bytes.get(i) == Some(&b'-') {
        i += 1;
    }
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    let param: Option<i32> = std::str::from_utf8(&bytes[number_start..i])
        .ok()
        .and_then(|s| s.parse().ok());
    if bytes.get(i) == Some(&b' ') {
        i += 1;
    }
    match word {
        "bin" => {
            let skip = usize::try_from(param.unwrap_or(0)).unwrap_or(0);
            i = i.saturating_add(skip).min(bytes.len());
        }
        "fonttbl" => state.font_table = true,
        "footnote" => state.note = true,
        "f" if state.font_table => {
            reader.entry = FontEntry {
                number: param,
                ..FontEntry::default()
            }
        }
        "fcharset" if state.font_table => reader.entry.charset = param,
        "f" => state.font = param,
        "deff" => reader.default_font = param,
        "plain" => state.font = None,
        "ansicpg" => {
            reader.ansi = if param == Some(1258) {
                FontCoding::Cp1258
            } else {
                FontCoding::Cp1252
            }
        }
        "uc" => state.unicode_skip = usize::try_from(param.unwrap_or(1)).unwrap_or(1),
        "u" => {
            let code = param.unwrap_or(0);
            let code = if code < 0 { code + 65536 } else { code };
            let c = u32::try_from(code)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or('\u{fffd}');
            reader.char(state, c);
            if !state.skip && !state.font_table {
                reader.pending_skip = state.unicode_skip;
            }
        }
        "par" | "line" | "sect" | "page" | "row" => reader.char(state, '\n'),
        "tab" | "cell" => reader.char(state, '\t'),
        "emdash" => reader.char(state, '—'),
        "endash" => reader.char(state, '–'),
        "bullet" => reader.char(state, '•'),
        "lquote" => reader.char(state, '‘'),
        "rquote" => reader.char(state, '’'),
        "ldblquote" => reader.char(state, '“'),
        "rdblquote" => reader.char(state, '”'),
        "emspace" | "enspace" | "qmspace" => reader.char(state, ' '),
        _ if SKIPPED_DESTINATIONS.contains(&word) => state.skip = true,
        _ => {}
    }
    Ok(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}{\f1\fswiss\fcharset0\fprq2{\*\panose 020b7200000000000000}.VnTime;}{\f2\fswiss\fcharset0 .VnTimeH;}{\f3\fnil\fcharset0 VNI-Times;}{\f4\fnil\fcharset163 Arial;}}{\colortbl;\red0\green0\blue0;}{\info{\title B\'e9 T\'b5i}}";

    fn rtf(body: &str) -> Vec<u8> {
        format!("{HEAD}{body}}}").into_bytes()
    }

    #[test]
    fn tcvn3_runs_follow_their_font() {
        let (text, enc) = read(&rtf(r"\pard\f1 Ti\'d5ng Vi\'d6t, n\'ad\'edc\par }")).unwrap();
        assert_eq!(text, "Tiếng Việt, nước\n");
        assert_eq!(enc, Encoding::Tcvn3);
    }

    #[test]
    fn upper_case_font_raises_case() {
        let body = r"\pard\plain\f2 c\'e9ng h\'dfa x\'b7 h\'e9i\par \f1 \'a7\'e9c l\'cbp\par";
        let (text, _) = read(&rtf(body)).unwrap();
        assert_eq!(text, "CỘNG HÒA XÃ HỘI\nĐộc lập\n");
    }

    #[test]
    fn soft_hyphen_is_u_horn_in_tcvn3_and_optional_hyphen_is_dropped() {
        let body = r"{\f1 th\'ab\-ng t\'ad}{\f0  x\'ad y}";
        let (text, _) = read(&rtf(body)).unwrap();
        assert_eq!(text, "thông tư x\u{ad} y");
    }

    #[test]
    fn vni_and_cp1258_fonts() {
        let body = r"{\f3 Tie\'e1ng Vie\'e4t}\par{\f4 Vi\'ea\'f2t}";
        let (text, enc) = read(&rtf(body)).unwrap();
        assert_eq!(text, "Tiếng Việt\nViệt");
        assert_eq!(enc, Encoding::Vni);
    }

    #[test]
    fn unicode_escapes_skip_their_fallback() {
        let body = r"{\f0\uc1\u7871?p \u-4064? ok\uc2\u273\'3f\'3fa}";
        let (text, enc) = read(&rtf(body)).unwrap();
        assert_eq!(text, "ếp \u{f020} ok\u{111}a");
        assert_eq!(enc, Encoding::Utf8);
    }

    #[test]
    fn tables_tabs_and_destinations() {
        let body = r"{\header {\f1 Trang}}\trowd\intbl A\cell B\cell\row {\*\fldinst HYPERLINK x}{\fldrslt link}\tab end{\pict\bin3 }}}}";
        let (text, _) = read(&rtf(body)).unwrap();
        assert_eq!(text, "A\tB\t\nlink\tend");
    }

    #[test]
    fn footnotes_go_after_the_body() {
        let body = r"\f1 Ngh\'de {\super\chftn}{\footnote \pard\plain\f1 {\super\chftn} Ch\'ad\'acng tr\'d7nh OCOP.}\'ae\'denh s\'e8 98\par";
        let (text, _) = read(&rtf(body)).unwrap();
        assert_eq!(text, "Nghị định số 98\n Chương trình OCOP.");
    }

    #[test]
    fn legacy_text_in_an_ordinary_font_is_detected() {
        let body = r"\f0 K\'d5 ho\'b9ch th\'f9c hi\'d6n ch\'ad\'acng tr\'d7nh m\'e7i x\'b7 m\'e9t s\'b6n ph\'c8m\par";
        let (text, enc) = read(&rtf(body)).unwrap();
        assert_eq!(
            text,
            "Kế hoạch thực hiện chương trình mỗi xã một sản phẩm\n"
        );
        assert_eq!(enc, Encoding::Tcvn3);
    }

    #[test]
    fn list_numbers_are_kept() {
        let body = r"{\pntext\pard\plain\f1 a)\tab}\pard\plain\f1 M\'f4c ti\'aau\par";
        let (text, _) = read(&rtf(body)).unwrap();
        assert_eq!(text, "a)\tMục tiêu\n");
    }

    #[test]
    fn broken_rtf_is_refused() {
        assert!(read(b"hello").is_err());
        assert!(read(br"{\rtf1 {unclosed").is_err());
        assert!(read(br"{\rtf1 bad \'zz}").is_err());
        assert!(read(br"{\rtf1 x}}").is_ok());
    }
}
