//! Word 97-2003 (.doc) reader: the main text of a binary Word document.
//!
//! A .doc file is an OLE2 compound file. Its `WordDocument` stream starts
//! with the File Information Block (FIB), which gives the length of the
//! main text (`ccpText`) and where the piece table (`Clx`) lies in the table
//! stream (`0Table` or `1Table`). Each piece of text is stored either as
//! 8-bit Windows-1252 bytes ("compressed") or as UTF-16 ([MS-DOC] 2.4.1).
//!
//! Legacy Vietnamese fonts (.VnTime, VNI-Times) are 8-bit fonts, so their
//! text comes out as Windows-1252 characters: those stretches are decoded
//! as the legacy encoding that reads best, paragraph by paragraph (see
//! [`crate::text::encoding::detect::choose_by_paragraph`]); characters outside
//! Windows-1252 are Unicode already. Paragraph marks end lines, cell marks
//! become tabs, field codes are dropped and their results kept. Footnotes,
//! endnotes and text boxes follow the main text; headers and comments are
//! left out.

use std::io::{Cursor, Read};

use crate::text::Encoding;
use crate::text::encoding::detect::choose_by_paragraph;

/// Extracts the main text of a Word 97-2003 document and the encoding its text was in.
pub fn read(bytes: &[u8]) -> Result<(String, Encoding), String> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| format!("not an OLE2 compound file ({e})"))?;
    let word = read_stream(&mut file, "WordDocument")?;
    let fib = Fib::parse(&word)?;
    let table = read_stream(&mut file, fib.table_stream)?;
    let clx_end = fib.fc_clx.checked_add(fib.lcb_clx);
    let clx = clx_end
        .and_then(|end| table.get(fib.fc_clx..end))
        .ok_or("the piece table lies outside the table stream")?;
    let pieces = piece_table(clx)?;
    let mut cleaned = String::new();
    for story in fib.stories() {
        let text = story_text(&word, &pieces, story)?;
        if !cleaned.is_empty() && !cleaned.ends_with('\n') {
            cleaned.push('\n');
        }
        cleaned.push_str(&clean(&text));
    }
    let (encoding, decoded) = choose_by_paragraph(&cleaned);
    Ok((decoded, encoding))
}

fn read_stream<F: Read + std::io::Seek>(
    file: &mut cfb::CompoundFile<F>,
    name: &str,
) -> Result<Vec<u8>, String> {
    let mut stream = file
        .open_stream(name)
        .map_err(|_| format!("no {name} stream (not a Word 97-2003 document)"))?;
    let mut data = Vec::new();
    stream
        .read_to_end(&mut data)
        .map_err(|e| format!("cannot read the {name} stream: {e}"))?;
    Ok(data)
}

fn u16_at(data: &[u8], at: usize) -> Result<u16, String> {
    data.get(at..at + 2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
        .ok_or_else(|| format!("truncated at byte {at}"))
}

fn u32_at(data: &[u8], at: usize) -> Result<usize, String> {
    data.get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or_else(|| format!("truncated at byte {at}"))
}

/// The parts of the File Information Block this reader needs.
struct Fib {
    table_stream: &'static str,
    /// Character counts of the stories, in CP order: main text, footnotes,
    /// headers, macros, comments, endnotes, text boxes, header text boxes (FibRgLw97).
    ccp: [usize; 8],
    fc_clx: usize,
    lcb_clx: usize,
}

impl Fib {
    fn parse(word: &[u8]) -> Result<Fib, String> {
        if u16_at(word, 0)? != 0xA5EC {
            return Err("the WordDocument stream has no Word signature".to_string());
        }
        let n_fib = u16_at(word, 2)?;
        if n_fib < 0xC1 {
            return Err(format!(
                "Word 6/95 format (nFib {n_fib}) is not supported, only Word 97-2003"
            ));
        }
        let flags = u16_at(word, 0x0A)?;
        if flags & 0x0100 != 0 {
            return Err("the document is encrypted".to_string());
        }
        let table_stream = if flags & 0x0200 != 0 {
            "1Table"
        } else {
            "0Table"
        };
        // FibBase (32 bytes), csw + FibRgW97, cslw + FibRgLw97, cbRgFcLcb + FibRgFcLcb.
        let csw = usize::from(u16_at(word, 32)?);
        let rg_lw = 34 + 2 * csw + 2;
        let cslw = usize::from(u16_at(word, rg_lw - 2)?);
        let mut ccp = [0; 8];
        for (i, count) in ccp.iter_mut().enumerate() {
            *count = u32_at(word, rg_lw + 12 + 4 * i)?;
        }
        let rg_fc_lcb = rg_lw + 4 * cslw + 2;
        // fcClx is the 34th fc/lcb pair of FibRgFcLcb97.
        let fc_clx = u32_at(word, rg_fc_lcb + 33 * 8)?;
        let lcb_clx = u32_at(word, rg_fc_lcb + 33 * 8 + 4)?;
        Ok(Fib {
            table_stream,
            ccp,
            fc_clx,
            lcb_clx,
        })
    }

    /// The CP ranges of the stories kept: main text, footnotes, endnotes and
    /// text boxes (headers, macros and comments are left out).
    fn stories(&self) -> [std::ops::Range<usize>; 4] {
        let start = |i: usize| {
            self.ccp[..i]
                .iter()
                .fold(0usize, |a, &n| a.saturating_add(n))
        };
        let range = |i: usize| start(i)..start(i).saturating_add(self.ccp[i]);
        [range(0), range(1), range(5), range(6)]
    }
}

/// One piece of the piece table: character positions and where their text is stored.
struct TextPiece {
    cp_start: usize,
    cp_end: usize,
    /// Byte offset in the WordDocument stream.
    offset: usize,
    /// 8-bit (Windows-1252) rather than UTF-16.
    compressed: bool,
}

/// Reads the piece table out of the Clx (skipping its property modifiers).
fn piece_table(clx: &[u8]) -> Result<Vec<TextPiece>, String> {
    let mut at = 0;
    while clx.get(at) == Some(&0x01) {
        at += 3 + usize::from(u16_at(clx, at + 1)?);
    }
    if clx.get(at) != Some(&0x02) {
        return Err("no piece table in the Clx".to_string());
    }
    let lcb = u32_at(clx, at + 1)?;
    let plc = clx
        .get(at + 5..at + 5 + lcb)
        .ok_or("the piece table is truncated")?;
    if lcb < 4 || (lcb - 4) % 12 != 0 {
        return Err(format!("a piece table of {lcb} bytes is malformed"));
    }
    let n = (lcb - 4) / 12;
    (0..n)
        .map(|i| {
            let fc = u32_at(plc, 4 * (n + 1) + 8 * i + 2)?;
            let compressed = fc & 0x4000_0000 != 0;
            let fc = fc & 0x3FFF_FFFF;
            Ok(TextPiece {
                cp_start: u32_at(plc, 4 * i)?,
                cp_end: u32_at(plc, 4 * (i + 1))?,
                offset: if compressed { fc / 2 } else { fc },
                compressed,
            })
        })
        .collect()
}

/// The characters of one story (a range of CPs), Word's control characters included.
fn story_text(
    word: &[u8],
    pieces: &[TextPiece],
    story: std::ops::Range<usize>,
) -> Result<String, String> {
    let mut text = String::new();
    for piece in pieces {
        let start = piece.cp_start.max(story.start);
        let end = piece.cp_end.min(story.end);
        if start >= end {
            continue;
        }
        let width = if piece.compressed { 1 } else { 2 };
        let from = piece.offset + (start - piece.cp_start) * width;
        let data = word
            .get(from..from + (end - start) * width)
            .ok_or("a text piece lies outside the WordDocument stream")?;
        if piece.compressed {
            // Compressed pieces hold Windows-1252 bytes; keep them as those characters.
            text.extend(
                data.iter()
                    .map(|&b| crate::text::encoding::codepage::cp1252_char(b)),
            );
        } else {
            let units = data
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]));
            text.extend(char::decode_utf16(units).map(|c| c.unwrap_or('\u{fffd}')));
        }
    }
    Ok(text)
}

/// Replaces Word's control characters: paragraph and line marks become line
/// ends, cell marks tabs; field codes go, field results stay; anchors for
/// pictures, notes and comments go.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // For each open field: true while still in its code (before the separator).
    let mut fields: Vec<bool> = Vec::new();
    for c in text.chars() {
        match c {
            '\u{13}' => fields.push(true),
            '\u{14}' => {
                if let Some(code) = fields.last_mut() {
                    *code = false;
                }
            }
            '\u{15}' => {
                fields.pop();
            }
            _ if fields.iter().any(|&code| code) => {}
            '\r' | '\u{0B}' | '\u{0C}' => out.push('\n'),
            '\u{07}' => out.push('\t'),
            '\u{1E}' => out.push('-'),
            '\t' => out.push('\t'),
            _ if c.is_control() => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_fields() {
        let raw = "A\u{7}B\u{7}\u{7}\rx\u{13} HYPERLINK \"u\" \u{14}link\u{15} y\u{1}\u{1F}z\u{1E}w\u{0B}";
        assert_eq!(clean(raw), "A\tB\t\t\nxlink yz-w\n");
        let nested = "a\u{13}PAGE\u{13}X\u{14}1\u{15}\u{14}2\u{15}b";
        assert_eq!(clean(nested), "a2b");
    }

    #[test]
    fn piece_table_reads_compressed_and_unicode_pieces() {
        // One property modifier, then two pieces: 3 compressed chars at byte 0x100, 2 UTF-16 at 0x200.
        let mut clx = vec![0x01, 0x02, 0x00, 0xAA, 0xBB, 0x02];
        let mut plc = Vec::new();
        for cp in [0u32, 3, 5] {
            plc.extend(cp.to_le_bytes());
        }
        for fc in [0x4000_0000u32 | 0x200, 0x200] {
            plc.extend([0, 0]);
            plc.extend(fc.to_le_bytes());
            plc.extend([0, 0]);
        }
        clx.extend(u32::try_from(plc.len()).unwrap().to_le_bytes());
        clx.extend(plc);
        let pieces = piece_table(&clx).unwrap();
        assert_eq!(pieces.len(), 2);
        assert!(pieces[0].compressed && !pieces[1].compressed);
        let mut word = vec![0u8; 0x300];
        word[0x100..0x103].copy_from_slice(b"V\xd6t");
        word[0x200..0x204].copy_from_slice(&[0xC7, 0x1E, 0x20, 0x00]);
        assert_eq!(story_text(&word, &pieces, 0..5).unwrap(), "VÖtệ ");
        assert_eq!(story_text(&word, &pieces, 0..4).unwrap(), "VÖtệ");
        assert_eq!(story_text(&word, &pieces, 1..4).unwrap(), "Ötệ");
    }

    #[test]
    fn other_files_are_refused() {
        assert!(read(b"not a compound file").is_err());
    }
}
