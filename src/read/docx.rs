//! DOCX reader: paragraphs, tables and text boxes of a Word file, in order.
//!
//! Conventions of the text it returns:
//! - one paragraph per line; a line break (`w:br`, `w:cr`) inside a paragraph
//!   also ends the line, a tab (`w:tab`) becomes "\t";
//! - tables come out row by row, each cell's paragraphs on their own lines
//!   and an empty line after every cell, so the header table of a plan
//!   (issuer | national motto, number | place and date) gives the issuer
//!   lines, a blank, the motto lines, a blank, the number, a blank, the date;
//!   the tables are also kept as they are ([`Table`]: rows of cells on the
//!   grid of columns, with merged cells (`w:gridSpan`, `w:vMerge`) and the
//!   tables nested in a cell), down to [`MAX_TABLE_DEPTH`] tables deep (a
//!   table nested deeper only gives its text, to the cell that holds it);
//! - a text box (`w:txbxContent`) comes out where it is anchored, before the
//!   rest of the paragraph that holds it; of an `mc:AlternateContent` only the
//!   `mc:Choice` branch is read (the `mc:Fallback` repeats the same text);
//! - deleted revisions and field codes are left out;
//! - a paragraph Word numbers with a list (`w:numPr`, its own or its style's) starts with the
//!   label Word draws ("1.", "a)", "II.", "-"; [`super::numbering`]), which is not in its text.
//!
//! Runs in legacy fonts are decoded: .VnTime-family fonts as TCVN3 (the
//! upper-case ".VnTimeH" family raises every letter), VNI-family fonts as VNI;
//! the document's encoding is then reported as the legacy one most runs used.
//!
//! A DOCX is a zip archive: input that is not one, an archive with too many
//! entries, or a `word/document.xml` larger than [`MAX_XML_BYTES`] once
//! inflated (a zip bomb) is refused with a message saying so, as is XML that
//! is not well formed; a `word/document.xml` that ends before its body does
//! (cut short) is read up to the cut, with a warning saying so.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::numbering::{Numbering, ParagraphNumbering};
use super::table::{Cell, Row, Table};
use crate::text::Encoding;
use crate::text::encoding::{codepage, tcvn3, vni};

/// Largest inflated `word/document.xml` accepted (bytes).
pub const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;
/// Most entries a DOCX archive may have.
pub const MAX_ENTRIES: usize = 10_000;
/// Largest compression ratio accepted for `word/document.xml`.
pub const MAX_RATIO: u64 = 200;
/// How many tables deep (a table in a cell of a table ...) the structure is kept.
pub const MAX_TABLE_DEPTH: usize = 8;
/// Most grid columns one cell is taken to span (Word allows 63 columns).
const MAX_SPAN: usize = 1000;

/// What a DOCX document gives: its text, one paragraph per line, the encoding its runs were in,
/// its tables, and the damage read past.
#[derive(Debug)]
pub struct DocxText {
    /// The text, one paragraph per line.
    pub text: String,
    /// Unicode, or the legacy encoding most runs were set in.
    pub encoding: Encoding,
    /// The top-level tables, as rows of cells.
    pub tables: Vec<Table>,
    /// Damage the file has that the text was read past, each said in a sentence.
    pub warnings: Vec<String>,
}

/// Extracts the text of a DOCX document, one paragraph per line, and its tables.
pub fn read(bytes: &[u8]) -> Result<DocxText, String> {
    let mut archive = open_archive(bytes)?;
    let xml = entry_xml(&mut archive, "word/document.xml")?
        .ok_or_else(|| "no word/document.xml in the archive".to_string())?;
    // (Numbering that cannot be read leaves the labels out, not the document.)
    let mut part = |name| entry_xml(&mut archive, name).ok().flatten();
    let numbering = Numbering::new(
        part("word/numbering.xml").as_deref(),
        part("word/styles.xml").as_deref(),
    );
    xml_to_text(&xml, numbering)
}

/// A legacy Vietnamese font family a run can be set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LegacyFont {
    /// .VnTime, .VnArial ... (TCVN3), lower case.
    Tcvn3,
    /// .VnTimeH, .VnArialH ... (TCVN3), the upper-case fonts.
    Tcvn3Upper,
    /// VNI-Times, VNI-Helve ...
    Vni,
}

impl LegacyFont {
    /// The legacy family of a font name, if it is one.
    fn of(name: &str) -> Option<LegacyFont> {
        let lower = name.to_ascii_lowercase();
        if lower.starts_with(".vn") {
            Some(if lower.ends_with('h') {
                LegacyFont::Tcvn3Upper
            } else {
                LegacyFont::Tcvn3
            })
        } else if lower.starts_with("vni-") || lower.starts_with("vni ") {
            Some(LegacyFont::Vni)
        } else {
            None
        }
    }

    /// Decodes a run's text, stored as the font's bytes read through Windows-1252.
    fn decode(self, text: &str) -> String {
        let bytes: Option<Vec<u8>> = text
            .chars()
            .map(|c| codepage::cp1252_byte(c).or_else(|| u8::try_from(u32::from(c)).ok()))
            .collect();
        match (bytes, self) {
            (Some(b), LegacyFont::Tcvn3) => tcvn3::decode(&b, false),
            (Some(b), LegacyFont::Tcvn3Upper) => tcvn3::decode(&b, true),
            (Some(b), LegacyFont::Vni) => vni::decode(&b),
            (None, _) => text.to_string(),
        }
    }
}

/// Opens a DOCX archive, refusing what is not one.
fn open_archive(bytes: &[u8]) -> Result<zip::ZipArchive<Cursor<&[u8]>>, String> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err("an old binary Word (.doc) file, not DOCX; save it as .docx".to_string());
    }
    if !bytes.starts_with(b"PK") {
        return Err("not a zip archive (a DOCX file is one)".to_string());
    }
    let archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable zip archive: {e}"))?;
    if archive.len() > MAX_ENTRIES {
        return Err(format!(
            "{} entries in the archive, more than the {MAX_ENTRIES} a Word file has",
            archive.len()
        ));
    }
    Ok(archive)
}

/// Inflates one XML part of the archive (`None` when it has no such part), within the size
/// limits.
fn entry_xml(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let mut entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("cannot open {name}: {e}")),
    };
    let declared = entry.size();
    let compressed = entry.compressed_size().max(1);
    if declared > MAX_XML_BYTES || declared / compressed > MAX_RATIO {
        return Err(format!(
            "{name} would inflate to {declared} bytes from {compressed} (zip bomb?)"
        ));
    }
    let mut data = Vec::with_capacity(declared as usize);
    (&mut entry)
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut data)
        .map_err(|e| format!("cannot inflate {name}: {e}"))?;
    if data.len() as u64 > MAX_XML_BYTES || data.len() as u64 != declared {
        return Err(format!(
            "{name} inflates to {} bytes but declares {declared} (zip bomb?)",
            data.len()
        ));
    }
    String::from_utf8(data)
        .map(Some)
        .map_err(|_| format!("{name} is not UTF-8"))
}

/// Where the walker is in the XML.
#[derive(Default)]
struct Walker {
    /// Finished lines.
    lines: Vec<String>,
    /// Open paragraphs, innermost last (a text box opens one inside another).
    paragraphs: Vec<OpenParagraph>,
    /// The document's lists, to label numbered paragraphs.
    numbering: Numbering,
    /// The numbering asked for by the paragraph properties being read (`Some` inside `w:pPr`).
    properties: Option<ParagraphNumbering>,
    /// Depth inside an element whose content is skipped (0 when reading).
    skip_depth: usize,
    /// Inside `w:t`.
    in_text: bool,
    /// The legacy font of the current run, if any.
    run_font: Option<LegacyFont>,
    /// Runs decoded from TCVN3 and from VNI.
    legacy_runs: (usize, usize),
    /// Tables being read, innermost last.
    open_tables: Vec<OpenTable>,
    /// How many tables deeper than [`MAX_TABLE_DEPTH`] are open (read as text only).
    untracked_tables: usize,
    /// Finished top-level tables.
    tables: Vec<Table>,
}

/// A paragraph being read.
#[derive(Default)]
struct OpenParagraph {
    /// Its text since its last line break.
    text: String,
    /// The label Word numbers it with, until its first line is out.
    label: Option<String>,
}

/// A table being read: what it has so far, and its open row and cell.
#[derive(Default)]
struct OpenTable {
    /// Finished rows.
    table: Table,
    /// The open row and the grid column its next cell starts at.
    row: Option<(Row, usize)>,
    /// The open cell and its lines so far.
    cell: Option<(Cell, Vec<String>)>,
}

impl OpenTable {
    /// Opens a row (closing one left open).
    fn start_row(&mut self) {
        self.end_row();
        self.row = Some((Row::default(), 0));
    }

    /// Closes the open row, if any.
    fn end_row(&mut self) {
        self.end_cell();
        if let Some((row, _)) = self.row.take() {
            self.table.rows.push(row);
        }
    }

    /// Skips grid columns at the start of the open row (`w:gridBefore`).
    fn skip_columns(&mut self, columns: usize) {
        if let Some((_, next)) = &mut self.row {
            *next = next.saturating_add(columns.min(MAX_SPAN));
        }
    }

    /// Opens a cell at the open row's next grid column (opening a row if none is open).
    fn start_cell(&mut self) {
        self.end_cell();
        if self.row.is_none() {
            self.row = Some((Row::default(), 0));
        }
        let column = self.row.as_ref().map_or(0, |(_, next)| *next);
        self.cell = Some((Cell::new(String::new(), column), Vec::new()));
    }

    /// Closes the open cell into the open row, its text the cell's non-blank lines.
    fn end_cell(&mut self) {
        let Some((mut cell, lines)) = self.cell.take() else {
            return;
        };
        let lines: Vec<String> = lines.into_iter().filter(|l| !l.trim().is_empty()).collect();
        cell.text = lines.join("\n");
        if let Some((row, next)) = &mut self.row {
            *next = cell.column.saturating_add(cell.span);
            row.cells.push(cell);
        }
    }

    /// Closes what is open and gives the table.
    fn finish(mut self) -> Table {
        self.end_row();
        self.table
    }
}

/// The values of an element's attributes named (without namespace) one of `keys`, in order.
fn attribute_values<'e>(
    element: &'e quick_xml::events::BytesStart,
    keys: &'e [&str],
) -> impl Iterator<Item = String> + 'e {
    element.attributes().flatten().filter_map(|a| {
        let name = a.key.local_name();
        let name: &str = name.as_ref();
        keys.contains(&name)
            .then(|| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
            .flatten()
            .map(|v| v.into_owned())
    })
}

/// The value of an element's `w:val` attribute.
fn val_of(element: &quick_xml::events::BytesStart) -> Option<String> {
    attribute_of(element, "val")
}

/// An element's attribute named `key` (without namespace).
pub(super) fn attribute_of(element: &quick_xml::events::BytesStart, key: &str) -> Option<String> {
    attribute_values(element, &[key]).next()
}

/// An element's attribute named `key` (without namespace), read as a number.
pub(super) fn number_of<T: std::str::FromStr>(
    element: &quick_xml::events::BytesStart,
    key: &str,
) -> Option<T> {
    attribute_of(element, key)?.trim().parse().ok()
}

impl Walker {
    fn push_text(&mut self, text: &str) {
        if self.in_text
            && self.skip_depth == 0
            && let Some(current) = self.paragraphs.last_mut().map(|p| &mut p.text)
        {
            match self.run_font {
                Some(font) => {
                    current.push_str(&font.decode(text));
                    if font == LegacyFont::Vni {
                        self.legacy_runs.1 += 1;
                    } else {
                        self.legacy_runs.0 += 1;
                    }
                }
                None => current.push_str(text),
            }
        }
    }

    fn end_line(&mut self) {
        if let Some(current) = self.paragraphs.last_mut() {
            let line = first_line_labelled(current);
            self.push_line(line);
        }
    }

    /// Reads an element of the paragraph properties being read (`w:pStyle`, `w:ilvl`,
    /// `w:numId`).
    fn paragraph_property(&mut self, name: &str, element: &quick_xml::events::BytesStart) {
        let Some(properties) = &mut self.properties else {
            return;
        };
        match name {
            "pStyle" => properties.style = val_of(element),
            "ilvl" => properties.level = number_of(element, "val"),
            "numId" => properties.num_id = number_of(element, "val"),
            _ => {}
        }
    }

    /// Ends the paragraph properties: the paragraph gets the label of its numbering, if any.
    fn end_properties(&mut self) {
        if let Some(properties) = self.properties.take()
            && let Some(paragraph) = self.paragraphs.last_mut()
        {
            paragraph.label = self.numbering.label(&properties);
        }
    }

    /// Adds a finished line to the text, and to the cell it is in.
    fn push_line(&mut self, line: String) {
        if let Some((_, lines)) = self.open_tables.last_mut().and_then(|t| t.cell.as_mut()) {
            lines.push(line.clone());
        }
        self.lines.push(line);
    }

    /// Applies a table element's start (or an empty element) to the tables being read.
    fn table_element(&mut self, name: &str, element: &quick_xml::events::BytesStart) {
        if name == "tbl" {
            if self.open_tables.len() < MAX_TABLE_DEPTH {
                self.open_tables.push(OpenTable::default());
            } else {
                self.untracked_tables += 1;
            }
            return;
        }
        if self.untracked_tables > 0 {
            return;
        }
        let Some(table) = self.open_tables.last_mut() else {
            return;
        };
        let number = || number_of::<usize>(element, "val");
        match name {
            "tr" => table.start_row(),
            "tc" => table.start_cell(),
            "gridBefore" => table.skip_columns(number().unwrap_or(0)),
            "gridSpan" => {
                if let Some((cell, _)) = &mut table.cell {
                    cell.span = number().unwrap_or(1).clamp(1, MAX_SPAN);
                }
            }
            "vMerge" => {
                if let Some((cell, _)) = &mut table.cell {
                    cell.continues_above = val_of(element).is_none_or(|v| v != "restart");
                }
            }
            _ => {}
        }
    }

    /// Applies a table element's end to the tables being read.
    fn end_table_element(&mut self, name: &str) {
        if name == "tbl" && self.untracked_tables > 0 {
            self.untracked_tables -= 1;
            return;
        }
        if self.untracked_tables > 0 {
            return;
        }
        match name {
            "tbl" => {
                let Some(open) = self.open_tables.pop() else {
                    return;
                };
                let table = open.finish();
                match self.open_tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    Some((cell, _)) => cell.tables.push(table),
                    None => self.tables.push(table),
                }
            }
            "tr" => {
                if let Some(t) = self.open_tables.last_mut() {
                    t.end_row();
                }
            }
            "tc" => {
                if let Some(t) = self.open_tables.last_mut() {
                    t.end_cell();
                }
            }
            _ => {}
        }
    }
}

/// The paragraph's text so far as a line, after its label when it is its first line and has
/// text (an empty numbered paragraph still counts, as in Word, but gives no lone label).
fn first_line_labelled(paragraph: &mut OpenParagraph) -> String {
    let text = std::mem::take(&mut paragraph.text);
    match paragraph.label.take() {
        Some(label) if !text.trim().is_empty() => format!("{label} {}", text.trim_start()),
        _ => text,
    }
}

/// The legacy font named by a `w:rFonts` element (its ascii or hAnsi font).
fn run_font_of(element: &quick_xml::events::BytesStart) -> Option<LegacyFont> {
    attribute_values(element, &["ascii", "hAnsi"]).find_map(|v| LegacyFont::of(&v))
}

/// Walks `word/document.xml` and collects its text and tables (see the module notes), with
/// the labels of its numbered paragraphs.
fn xml_to_text(xml: &str, numbering: Numbering) -> Result<DocxText, String> {
    let mut reader = Reader::from_str(xml);
    let mut walker = Walker {
        numbering,
        ..Walker::default()
    };
    // (An archive cut short, or a part written by a tool that stopped, ends before its body.)
    let mut body_ended = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("broken word/document.xml: {e}"))?;
        match event {
            Event::Start(start) => {
                let name = start.local_name();
                let name = name.as_ref();
                if walker.skip_depth > 0 {
                    walker.skip_depth += 1;
                    continue;
                }
                match name {
                    "Fallback" | "delText" | "instrText" | "tabs" | "pPrChange" => {
                        walker.skip_depth = 1;
                    }
                    "p" => walker.paragraphs.push(OpenParagraph::default()),
                    "pPr" => walker.properties = Some(ParagraphNumbering::default()),
                    "pStyle" | "ilvl" | "numId" => walker.paragraph_property(name, &start),
                    "t" => walker.in_text = true,
                    "r" => walker.run_font = None,
                    "rFonts" => walker.run_font = run_font_of(&start),
                    "tbl" | "tr" | "tc" | "gridBefore" | "gridSpan" | "vMerge" => {
                        walker.table_element(name, &start);
                    }
                    _ => {}
                }
            }
            Event::Empty(empty) => {
                if walker.skip_depth > 0 {
                    continue;
                }
                match empty.local_name().as_ref() {
                    // A non-breaking hyphen is a hyphen Word keeps on one line with its
                    // neighbours, as in "KH-UBND" (an optional one, `softHyphen`, shows nothing).
                    name @ ("tab" | "noBreakHyphen") => {
                        if let Some(p) = walker.paragraphs.last_mut() {
                            p.text.push(if name == "tab" { '\t' } else { '-' });
                        }
                    }
                    name @ ("pStyle" | "ilvl" | "numId") => walker.paragraph_property(name, &empty),
                    "br" | "cr" => walker.end_line(),
                    "p" => walker.push_line(String::new()),
                    "rFonts" => walker.run_font = run_font_of(&empty),
                    name @ ("gridBefore" | "gridSpan" | "vMerge") => {
                        walker.table_element(name, &empty);
                    }
                    _ => {}
                }
            }
            Event::End(end) => {
                if walker.skip_depth > 0 {
                    walker.skip_depth -= 1;
                    continue;
                }
                match end.local_name().as_ref() {
                    "body" => body_ended = true,
                    "t" => walker.in_text = false,
                    "r" => walker.run_font = None,
                    "pPr" => walker.end_properties(),
                    "p" => {
                        if let Some(mut paragraph) = walker.paragraphs.pop() {
                            walker.push_line(first_line_labelled(&mut paragraph));
                        }
                    }
                    "tc" => {
                        walker.end_table_element("tc");
                        walker.lines.push(String::new());
                    }
                    name @ ("tbl" | "tr") => walker.end_table_element(name),
                    _ => {}
                }
            }
            Event::Text(text) => walker.push_text(&text.xml10_content()),
            Event::CData(data) => walker.push_text(&data.xml10_content()),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&reference)
                        .unwrap_or_default()
                        .to_string(),
                };
                walker.push_text(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut out = walker.lines.join("\n");
    out.push('\n');
    let encoding = match walker.legacy_runs {
        (0, 0) => Encoding::Utf8,
        (tcvn3_runs, vni_runs) if tcvn3_runs >= vni_runs => Encoding::Tcvn3,
        _ => Encoding::Vni,
    };
    while let Some(open) = walker.open_tables.pop() {
        // (A table left open by a truncated document: what it has is kept.)
        walker.tables.push(open.finish());
    }
    let warnings = if body_ended {
        Vec::new()
    } else {
        vec![
            "word/document.xml is cut short (it ends before the document's body does): \
             only the text before the cut is read"
                .to_string(),
        ]
    };
    Ok(DocxText {
        text: out,
        encoding,
        tables: walker.tables,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn body(inner: &str) -> String {
        format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{inner}</w:body></w:document>"#)
    }

    #[test]
    fn paragraphs_tables_tabs_breaks() {
        let xml = body(
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ỦY BAN NHÂN DÂN</w:t></w:r></w:p><w:p><w:r><w:t>XÃ A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>CỘNG HÒA</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>a</w:t><w:tab/><w:t xml:space="preserve">b &amp; c</w:t><w:br/><w:t>d</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            xml_to_text(&xml, Numbering::default()).unwrap().text,
            "ỦY BAN NHÂN DÂN\nXÃ A\n\nCỘNG HÒA\n\na\tb & c\nd\n"
        );
    }

    #[test]
    fn hyphens_fields_revisions_and_wrappers_read_as_word_shows_them() {
        // A symbol typed with Word's non-breaking hyphen; an optional hyphen; a simple field's
        // and a complex field's results (not their codes); an insertion kept and a deletion
        // left out; text inside a content control, a hyperlink and a smart tag.
        let xml = body(
            r#"<w:p><w:r><w:t>Số: 12/KH</w:t><w:noBreakHyphen/><w:t>UBND; mã</w:t><w:softHyphen/><w:t>số</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">năm </w:t></w:r><w:fldSimple w:instr=" DATE "><w:r><w:t>2027</w:t></w:r></w:fldSimple><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve">, trang 2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p><w:p><w:ins w:id="1"><w:r><w:t>giữ</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>bỏ</w:delText></w:r></w:del></w:p><w:sdt><w:sdtContent><w:p><w:hyperlink><w:r><w:t>KẾ </w:t></w:r></w:hyperlink><w:smartTag><w:r><w:t>HOẠCH</w:t></w:r></w:smartTag></w:p></w:sdtContent></w:sdt>"#,
        );
        assert_eq!(
            xml_to_text(&xml, Numbering::default()).unwrap().text,
            "Số: 12/KH-UBND; mãsố\nnăm 2027, trang 2\ngiữ\nKẾ HOẠCH\n"
        );
    }

    #[test]
    fn text_box_choice_only() {
        let xml = body(
            r#"<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Số: /KH</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            xml_to_text(&xml, Numbering::default()).unwrap().text,
            "DỰ THẢO\nSố: /KH\n"
        );
    }

    #[test]
    fn legacy_font_runs_are_decoded() {
        // TCVN3 bytes as Word stores them: each byte read through Windows-1252.
        let tcvn3_text: String = b"Ti\xd5ng Vi\xd6t n\xad\xedc"
            .iter()
            .map(|&b| codepage::cp1252_char(b))
            .collect();
        let upper: String = b"\xf1y ban nh\xa9n d\xa9n"
            .iter()
            .map(|&b| codepage::cp1252_char(b))
            .collect();
        let xml = body(&format!(
            r#"<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr><w:t xml:space="preserve">{tcvn3_text}</w:t></w:r><w:r><w:t> ok</w:t></w:r></w:p><w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTimeH"/></w:rPr><w:t>{upper}</w:t></w:r></w:p>"#
        ));
        let DocxText { text, encoding, .. } = xml_to_text(&xml, Numbering::default()).unwrap();
        assert_eq!(text, "Tiếng Việt nước ok\nỦY BAN NHÂN DÂN\n");
        assert_eq!(encoding, Encoding::Tcvn3);
    }

    /// A DOCX archive holding one `word/document.xml`.
    fn docx_with(xml: &str) -> Vec<u8> {
        docx_with_parts(&[("word/document.xml", xml)])
    }

    /// A DOCX archive holding these parts.
    fn docx_with_parts(parts: &[(&str, &str)]) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, xml) in parts {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(xml.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn numbered_paragraphs_get_the_labels_word_draws() {
        let numbering = format!(
            r#"<w:numbering {W}><w:abstractNum w:abstractNumId="5">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
            </w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="5"/></w:num></w:numbering>"#
        );
        let p = |level: u32, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="9"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let xml = body(&format!(
            "{}{}{}<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"9\"/></w:numPr></w:pPr></w:p>{}\
             <w:p><w:pPr><w:pPrChange><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"9\"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Không đánh số</w:t></w:r></w:p>\
             <w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"9\"/></w:numPr></w:pPr><w:r><w:t>Dòng một</w:t><w:br/><w:t>dòng hai</w:t></w:r></w:p>",
            p(0, "Mục tiêu"),
            p(1, "Chỉ tiêu"),
            p(1, "Nhiệm vụ"),
            p(0, "Tổ chức thực hiện"),
        ));
        let parts = [
            ("word/document.xml", xml.as_str()),
            ("word/numbering.xml", numbering.as_str()),
        ];
        let text = read(&docx_with_parts(&parts)).unwrap().text;
        // The empty numbered paragraph takes "2." but shows no lone label; a numbering only in
        // a revision's old properties is none; a label goes before the first line only.
        assert_eq!(
            text,
            "1. Mục tiêu\na) Chỉ tiêu\nb) Nhiệm vụ\n\n3. Tổ chức thực hiện\nKhông đánh số\n\
             4. Dòng một\ndòng hai\n"
        );
        // Without numbering.xml the paragraphs are as written.
        let plain = read(&docx_with(&xml)).unwrap().text;
        assert!(plain.starts_with("Mục tiêu\nChỉ tiêu\n"));
        // A numbering.xml that would inflate like a zip bomb is not read: the document still is.
        let bomb = format!("{numbering}{}", " ".repeat(4 * 1024 * 1024));
        let parts = [
            ("word/document.xml", xml.as_str()),
            ("word/numbering.xml", bomb.as_str()),
        ];
        let text = read(&docx_with_parts(&parts)).unwrap().text;
        assert_eq!(text, plain);
    }

    /// A cell: its properties and its paragraphs.
    fn tc(properties: &str, paragraphs: &[&str]) -> String {
        let body: String = paragraphs
            .iter()
            .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
            .collect();
        format!("<w:tc><w:tcPr>{properties}</w:tcPr>{body}</w:tc>")
    }

    #[test]
    fn tables_keep_rows_merged_cells_and_nested_tables() {
        let nested = format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            tc("", &["x"]),
            tc("", &["y"])
        );
        let xml = body(&format!(
            "<w:p><w:r><w:t>Trước</w:t></w:r></w:p><w:tbl><w:tblGrid/>\
             <w:tr>{}{}{}</w:tr>\
             <w:tr>{}<w:tc><w:p><w:r><w:t>Việc A</w:t></w:r></w:p>{nested}<w:p><w:r><w:t>tiếp</w:t></w:r></w:p></w:tc>{}{}</w:tr>\
             <w:tr>{}{}{}</w:tr>\
             <w:tr><w:trPr><w:gridBefore w:val=\"2\"/></w:trPr>{}</w:tr>\
             </w:tbl>",
            tc("", &["STT"]),
            tc("", &["Nhiệm vụ"]),
            tc(r#"<w:gridSpan w:val="2"/>"#, &["Thời gian"]),
            tc(r#"<w:vMerge w:val="restart"/>"#, &["1"]),
            tc("", &["Quý I"]),
            tc("", &["Quý II"]),
            tc("<w:vMerge/>", &[]),
            tc("", &["Việc B", "", "dòng hai"]),
            tc(r#"<w:gridSpan w:val="2"/>"#, &["Cả năm"]),
            tc("", &["Ghi chú"]),
        ));
        let DocxText { text, tables, .. } = read(&docx_with(&xml)).unwrap();
        // The text is as it always was: the nested table's cells inside the outer cell's lines.
        assert!(
            text.starts_with(
                "Trước\nSTT\n\nNhiệm vụ\n\nThời gian\n\n1\n\nViệc A\nx\n\ny\n\ntiếp\n\n"
            )
        );
        assert_eq!(tables.len(), 1);
        let table = &tables[0];
        assert_eq!(table.rows.len(), 4);
        assert_eq!(table.width(), 4);
        let header = &table.rows[0].cells;
        assert_eq!((header[2].column, header[2].span), (2, 2));
        assert_eq!(table.text_at(0, 3), "Thời gian");
        // The outer cell's text leaves the nested table out; the table is kept in the cell.
        let task = &table.rows[1].cells[1];
        assert_eq!(task.text, "Việc A\ntiếp");
        assert_eq!(task.tables.len(), 1);
        assert_eq!(task.tables[0].text_at(0, 1), "y");
        assert_eq!(table.with_nested().len(), 2);
        // Merged down: the lower cell continues the one above and reads as it.
        assert!(table.rows[2].cells[0].continues_above);
        assert!(!table.rows[1].cells[0].continues_above);
        assert_eq!(table.text_at(2, 0), "1");
        assert_eq!(table.rows[2].cells[1].text, "Việc B\ndòng hai");
        assert_eq!(table.text_at(2, 3), "Cả năm");
        // w:gridBefore: the row's first cell starts further right.
        assert_eq!(table.rows[3].cells[0].column, 2);
        assert_eq!(table.text_at(3, 0), "");
        assert_eq!(table.text_at(3, 2), "Ghi chú");
    }

    #[test]
    fn broken_or_deep_tables_do_not_panic() {
        // Rows and cells outside their parents, a span too wide, a table left open.
        let xml = body(
            r#"<w:tbl><w:tc><w:tcPr><w:gridSpan w:val="99999999999999999999"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tr></w:tbl><w:tr/><w:tc/>"#,
        );
        let tables = xml_to_text(&xml, Numbering::default()).unwrap().tables;
        assert_eq!(tables[0].text_at(0, 0), "a");
        assert_eq!(tables[0].text_at(1, 0), "a");
        // Tables nested far deeper than kept: their text goes to the deepest cell kept.
        let depth = 200;
        let mut inner = "<w:p><w:r><w:t>sâu</w:t></w:r></w:p>".to_string();
        for _ in 0..depth {
            inner = format!("<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>");
        }
        let DocxText { text, tables, .. } =
            xml_to_text(&body(&inner), Numbering::default()).unwrap();
        assert!(text.starts_with("sâu\n"));
        let mut table = &tables[0];
        for _ in 1..MAX_TABLE_DEPTH {
            table = &table.rows[0].cells[0].tables[0];
        }
        assert_eq!(table.text_at(0, 0), "sâu");
        assert!(table.rows[0].cells[0].tables.is_empty());
    }

    #[test]
    fn refuses_non_zip_and_doc() {
        assert!(read(b"hello").unwrap_err().contains("not a zip"));
        assert!(
            read(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0])
                .unwrap_err()
                .contains(".doc")
        );
        assert!(read(b"PK\x03\x04garbage").is_err());
    }
}
