//! DOCX reader: paragraphs, tables and text boxes of a Word file, in order.
//!
//! Conventions of the text it returns:
//! - one paragraph per line; a line break (`w:br`, `w:cr`) inside a paragraph
//!   also ends the line, a tab (`w:tab`) becomes "\t";
//! - tables come out row by row, each cell's paragraphs on their own lines
//!   and an empty line after every cell, so the header table of a plan
//!   (issuer | national motto, number | place and date) gives the issuer
//!   lines, a blank, the motto lines, a blank, the number, a blank, the date;
//! - a text box (`w:txbxContent`) comes out where it is anchored, before the
//!   rest of the paragraph that holds it; of an `mc:AlternateContent` only the
//!   `mc:Choice` branch is read (the `mc:Fallback` repeats the same text);
//! - deleted revisions and field codes are left out.
//!
//! Runs in legacy fonts (.VnTime, VNI-Times) are returned as they are stored.
//!
//! A DOCX is a zip archive: input that is not one, an archive with too many
//! entries, or a `word/document.xml` larger than [`MAX_XML_BYTES`] once
//! inflated (a zip bomb) is refused with a message saying so.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::text::Encoding;

/// Largest inflated `word/document.xml` accepted (bytes).
pub const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;
/// Most entries a DOCX archive may have.
pub const MAX_ENTRIES: usize = 10_000;
/// Largest compression ratio accepted for `word/document.xml`.
pub const MAX_RATIO: u64 = 200;

/// Extracts the text of a DOCX document, one paragraph per line.
pub fn read(bytes: &[u8]) -> Result<(String, Encoding), String> {
    let xml = document_xml(bytes)?;
    Ok((xml_to_text(&xml)?, Encoding::Utf8))
}

/// Opens the archive and inflates `word/document.xml`, within the size limits.
fn document_xml(bytes: &[u8]) -> Result<String, String> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err("an old binary Word (.doc) file, not DOCX; save it as .docx".to_string());
    }
    if !bytes.starts_with(b"PK") {
        return Err("not a zip archive (a DOCX file is one)".to_string());
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable zip archive: {e}"))?;
    if archive.len() > MAX_ENTRIES {
        return Err(format!(
            "{} entries in the archive, more than the {MAX_ENTRIES} a Word file has",
            archive.len()
        ));
    }
    let mut entry = archive
        .by_name("word/document.xml")
        .map_err(|_| "no word/document.xml in the archive".to_string())?;
    let declared = entry.size();
    let compressed = entry.compressed_size().max(1);
    if declared > MAX_XML_BYTES || declared / compressed > MAX_RATIO {
        return Err(format!(
            "word/document.xml would inflate to {declared} bytes from {compressed} (zip bomb?)"
        ));
    }
    let mut data = Vec::with_capacity(declared as usize);
    (&mut entry)
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut data)
        .map_err(|e| format!("cannot inflate word/document.xml: {e}"))?;
    if data.len() as u64 > MAX_XML_BYTES || data.len() as u64 != declared {
        return Err(format!(
            "word/document.xml inflates to {} bytes but declares {declared} (zip bomb?)",
            data.len()
        ));
    }
    String::from_utf8(data).map_err(|_| "word/document.xml is not UTF-8".to_string())
}

/// Where the walker is in the XML.
#[derive(Default)]
struct Walker {
    /// Finished lines.
    lines: Vec<String>,
    /// Open paragraphs, innermost last (a text box opens one inside another).
    paragraphs: Vec<String>,
    /// Depth inside an element whose content is skipped (0 when reading).
    skip_depth: usize,
    /// Inside `w:t`.
    in_text: bool,
}

impl Walker {
    fn push_text(&mut self, text: &str) {
        if self.in_text
            && self.skip_depth == 0
            && let Some(current) = self.paragraphs.last_mut()
        {
            current.push_str(text);
        }
    }

    fn end_line(&mut self) {
        if let Some(current) = self.paragraphs.last_mut() {
            let line = std::mem::take(current);
            self.lines.push(line);
        }
    }
}

/// Walks `word/document.xml` and collects its text (see the module notes).
fn xml_to_text(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut walker = Walker::default();
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
                    "Fallback" | "delText" | "instrText" | "tabs" => walker.skip_depth = 1,
                    "p" => walker.paragraphs.push(String::new()),
                    "t" => walker.in_text = true,
                    _ => {}
                }
            }
            Event::Empty(empty) => {
                if walker.skip_depth > 0 {
                    continue;
                }
                match empty.local_name().as_ref() {
                    "tab" if walker.paragraphs.last().is_some() => {
                        if let Some(p) = walker.paragraphs.last_mut() {
                            p.push('\t');
                        }
                    }
                    "br" | "cr" => walker.end_line(),
                    "p" => walker.lines.push(String::new()),
                    _ => {}
                }
            }
            Event::End(end) => {
                if walker.skip_depth > 0 {
                    walker.skip_depth -= 1;
                    continue;
                }
                match end.local_name().as_ref() {
                    "t" => walker.in_text = false,
                    "p" => {
                        if let Some(line) = walker.paragraphs.pop() {
                            walker.lines.push(line);
                        }
                    }
                    "tc" => walker.lines.push(String::new()),
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
    Ok(out)
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
            xml_to_text(&xml).unwrap(),
            "ỦY BAN NHÂN DÂN\nXÃ A\n\nCỘNG HÒA\n\na\tb & c\nd\n"
        );
    }

    #[test]
    fn text_box_choice_only() {
        let xml = body(
            r#"<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Số: /KH</w:t></w:r></w:p>"#,
        );
        assert_eq!(xml_to_text(&xml).unwrap(), "DỰ THẢO\nSố: /KH\n");
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
