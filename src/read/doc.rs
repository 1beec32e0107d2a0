//! Word 97-2003 (.doc) reader: the main text of a binary Word document.
//!
//! A .doc file is an OLE2 compound file. Its `WordDocument` stream starts
//! with the File Information Block (FIB), which gives the length of the
//! main text (`ccpText`) and where the piece table (`Clx`) lies in the table
//! stream (`0Table` or `1Table`). Each piece of text is stored either as
//! 8-bit Windows-1252 bytes ("compressed") or as UTF-16 ([MS-DOC] 2.4.1).
//!
//! Legacy Vietnamese fonts (.VnTime, VNI-Times) are 8-bit fonts, so their
//! text comes out as Windows-1252 characters. Runs whose font is set
//! directly (sprmCRgFtc0 in the character property pages) are decoded by
//! that font, as the RTF reader does: TCVN3 for .Vn* fonts (in capitals for
//! the ...H ones), VNI for VNI-* fonts. The rest (text in the style's font)
//! is decoded as the legacy encoding that reads best, paragraph by paragraph
//! (see [`crate::text::encoding::detect::choose_by_paragraph`]); characters
//! outside Windows-1252 are Unicode already. Paragraph marks end lines, cell marks
//! become tabs, field codes are dropped and their results kept. Footnotes,
//! endnotes and text boxes follow the main text; headers and comments are
//! left out.

use std::io::{Cursor, Read};

use crate::text::Encoding;
use crate::text::encoding::codepage::{cp1252_byte, cp1252_char};
use crate::text::encoding::detect::{Piece, choose_by_paragraph, pieces_of};
use crate::text::encoding::fonts::FontCoding;

/// One character of a story, with the legacy font it is set in, if known.
type Tagged = (char, Option<FontCoding>);

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
    let fonts = fib
        .table_range(&table, Fib::STTBF_FFN)
        .map(font_codings)
        .unwrap_or_default();
    let runs = fib
        .table_range(&table, Fib::PLCF_BTE_CHPX)
        .map(|plcf| font_runs(&word, plcf))
        .unwrap_or_default();
    let font_at = |pos: usize| {
        let i = runs.partition_point(|r| r.0 <= pos);
        let (_, end, ftc) = *runs.get(i.checked_sub(1)?)?;
        (pos < end).then(|| fonts.get(usize::from(ftc)).copied().flatten())?
    };
    let mut cleaned: Vec<Tagged> = Vec::new();
    for story in fib.stories() {
        let text = story_text(&word, &pieces, story)?;
        if cleaned.last().is_some_and(|&(c, _)| c != '\n') {
            cleaned.push(('\n', None));
        }
        let tagged: Vec<Tagged> = text.into_iter().map(|(c, pos)| (c, font_at(pos))).collect();
        cleaned.extend(clean(&tagged));
    }
    Ok(decode_tagged(&cleaned))
}

/// Decodes tagged text: runs in a known legacy font by that font, the rest by statistics.
fn decode_tagged(text: &[Tagged]) -> (String, Encoding) {
    let mut pieces: Vec<Piece> = Vec::new();
    for run in text.chunk_by(|a, b| a.1 == b.1) {
        let chars: String = run.iter().map(|&(c, _)| c).collect();
        let Some(coding) = run[0].1 else {
            pieces.extend(pieces_of(&chars));
            continue;
        };
        let mut bytes = Vec::new();
        for c in chars.chars() {
            match cp1252_byte(c) {
                Some(b) => bytes.push(b),
                None => {
                    pieces.push(Piece::Font(std::mem::take(&mut bytes), coding));
                    pieces.push(Piece::Text(c.to_string()));
                }
            }
        }
        pieces.push(Piece::Font(bytes, coding));
    }
    let (encoding, decoded) = choose_by_paragraph(&pieces);
    (decoded, encoding)
}

/// The legacy coding of each font in the font table (SttbfFfn), `None` for
/// fonts that are not legacy Vietnamese ones.
fn font_codings(sttb: &[u8]) -> Vec<Option<FontCoding>> {
    let mut codings = Vec::new();
    let Ok(mut count) = u16_at(sttb, 0) else {
        return codings;
    };
    let mut at = 4;
    if count == 0xFFFF {
        count = u16_at(sttb, 2).unwrap_or(0);
        at = 6;
    }
    for _ in 0..count {
        let Some(ffn) = sttb
            .get(at)
            .and_then(|&len| sttb.get(at..at + usize::from(len) + 1))
        else {
            break;
        };
        at += ffn.len();
        // FFN: cbFfnM1, flags, wWeight, chs, ixchSzAlt, panose[10], fs[24], then the UTF-16 name.
        let charset = ffn.get(4).map(|&c| i32::from(c));
        let units = ffn.get(40..).unwrap_or(&[]).chunks_exact(2);
        let name: String = char::decode_utf16(
            units
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .take_while(|&u| u != 0),
        )
        .map(|c| c.unwrap_or('\u{fffd}'))
        .collect();
        let coding = FontCoding::of_font(&name, charset, FontCoding::Cp1252);
        codings
            .push(matches!(coding, FontCoding::Tcvn3 { .. } | FontCoding::Vni).then_some(coding));
    }
    codings
}

/// Character runs with a font set directly, as (first byte, end byte, font
/// number) in the WordDocument stream, sorted; read from the CHPX pages the
/// bin table (PlcfBteChpx) points to.
fn font_runs(word: &[u8], plcf: &[u8]) -> Vec<(usize, usize, u16)> {
    let mut runs = Vec::new();
    let n = plcf.len().saturating_sub(4) / 8;
    for i in 0..n {
        let Ok(pn) = u32_at(plcf, 4 * (n + 1) + 4 * i) else {
            break;
        };
        let start = (pn & 0x003F_FFFF) * 512;
        let Some(page) = word.get(start..start + 512) else {
            continue;
        };
        let crun = usize::from(page[511]);
        for j in 0..crun {
            let (Ok(fc_start), Ok(fc_end)) = (u32_at(page, 4 * j), u32_at(page, 4 * (j + 1)))
            else {
                break;
            };
            let offset = page
                .get(4 * (crun + 1) + j)
                .map_or(0, |&b| 2 * usize::from(b));
            if offset == 0 {
                continue;
            }
            let Some(grpprl) = page
                .get(offset)
                .and_then(|&cb| page.get(offset + 1..offset + 1 + usize::from(cb)))
            else {
                continue;
            };
            if let Some(ftc) = font_sprm(grpprl) {
                runs.push((fc_start, fc_end, ftc));
            }
        }
    }
    runs.sort_unstable();
    runs
}

/// The font a list of character properties sets (sprmCRgFtc0), if any.
fn font_sprm(grpprl: &[u8]) -> Option<u16> {
    const SPRM_C_RG_FTC0: u16 = 0x4A4F;
    let mut font = None;
    let mut at = 0;
    while let Ok(sprm) = u16_at(grpprl, at) {
        at += 2;
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => 1 + usize::from(*grpprl.get(at)?),
        };
        if sprm == SPRM_C_RG_FTC0 {
            font = u16_at(grpprl, at).ok();
        }
        at += size;
    }
    font
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
    /// Offset of FibRgFcLcb97 in the WordDocument stream, and the stream itself's length there.
    fc_lcb: Vec<(usize, usize)>,
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
        let fc_lcb = (0..=Fib::CLX)
            .map(|i| {
                Ok((
                    u32_at(word, rg_fc_lcb + 8 * i)?,
                    u32_at(word, rg_fc_lcb + 8 * i + 4)?,
                ))
            })
            .collect::<Result<Vec<_>, String>>()?;
        let (fc_clx, lcb_clx) = fc_lcb[Fib::CLX];
        Ok(Fib {
            table_stream,
            ccp,
            fc_clx,
            lcb_clx,
            fc_lcb,
        })
    }

    /// FibRgFcLcb97 index of PlcfBteChpx, the character-property bin table.
    const PLCF_BTE_CHPX: usize = 12;
    /// FibRgFcLcb97 index of SttbfFfn, the font table.
    const STTBF_FFN: usize = 15;
    /// FibRgFcLcb97 index of the Clx (the piece table).
    const CLX: usize = 33;

    /// The bytes of the table-stream structure at FibRgFcLcb97 index `i`, if it is there.
    fn table_range<'t>(&self, table: &'t [u8], i: usize) -> Option<&'t [u8]> {
        let (fc, lcb) = *self.fc_lcb.get(i)?;
        (lcb > 0)
            .then(|| table.get(fc..fc.checked_add(lcb)?))
            .flatten()
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

/// The characters of one story (a range of CPs), Word's control characters
/// included, each with its byte position in the WordDocument stream.
fn story_text(
    word: &[u8],
    pieces: &[TextPiece],
    story: std::ops::Range<usize>,
) -> Result<Vec<(char, usize)>, String> {
    let mut text = Vec::new();
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
                    .enumerate()
                    .map(|(i, &b)| (cp1252_char(b), from + i)),
            );
        } else {
            let units: Vec<u16> = data
                .chunks_exact(2)
                .map(|p| u16::from_le_bytes([p[0], p[1]]))
                .collect();
            let mut i = 0;
            while i < units.len() {
                let (c, used) = match char::decode_utf16(units[i..].iter().copied()).next() {
                    Some(Ok(c)) => (c, c.len_utf16()),
                    _ => ('\u{fffd}', 1),
                };
                text.push((c, from + 2 * i));
                i += used;
            }
        }
    }
    Ok(text)
}

/// Replaces Word's control characters: paragraph and line marks become line
/// ends, cell marks tabs; field codes go, field results stay; anchors for
/// pictures, notes and comments go.
fn clean(text: &[Tagged]) -> Vec<Tagged> {
    let mut out = Vec::with_capacity(text.len());
    // For each open field: true while still in its code (before the separator).
    let mut fields: Vec<bool> = Vec::new();
    for &(c, font) in text {
        let mut push = |c: char| out.push((c, font));
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
            '\r' | '\u{0B}' | '\u{0C}' => push('\n'),
            '\u{07}' | '\t' => push('\t'),
            '\u{1E}' => push('-'),
            _ if c.is_control() => {}
            _ => push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn untagged(text: &str) -> Vec<Tagged> {
        text.chars().map(|c| (c, None)).collect()
    }

    fn chars(tagged: &[Tagged]) -> String {
        tagged.iter().map(|t| t.0).collect()
    }

    #[test]
    fn control_characters_and_fields() {
        let raw = "A\u{7}B\u{7}\u{7}\rx\u{13} HYPERLINK \"u\" \u{14}link\u{15} y\u{1}\u{1F}z\u{1E}w\u{0B}";
        assert_eq!(chars(&clean(&untagged(raw))), "A\tB\t\t\nxlink yz-w\n");
        let nested = "a\u{13}PAGE\u{13}X\u{14}1\u{15}\u{14}2\u{15}b";
        assert_eq!(chars(&clean(&untagged(nested))), "a2b");
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
        let story = |range| story_text(&word, &pieces, range).unwrap();
        assert_eq!(
            story(0..5),
            vec![
                ('V', 0x100),
                ('Ö', 0x101),
                ('t', 0x102),
                ('ệ', 0x200),
                (' ', 0x202)
            ]
        );
        let middle: String = story(1..4).iter().map(|t| t.0).collect();
        assert_eq!(middle, "Ötệ");
    }

    #[test]
    fn font_properties_are_read_from_sprms() {
        // sprmCFBold (1-byte operand), sprmCHps (2 bytes), sprmCRgFtc0 = font 5.
        let grpprl = [
            0x35, 0x08, 0x01, 0x43, 0x4A, 0x1A, 0x00, 0x4F, 0x4A, 0x05, 0x00,
        ];
        assert_eq!(font_sprm(&grpprl), Some(5));
        assert_eq!(font_sprm(&grpprl[..7]), None);
        assert_eq!(font_sprm(&[0x4F]), None);
    }

    #[test]
    fn font_table_names_the_legacy_fonts() {
        let mut sttb = vec![3, 0, 0, 0];
        for name in ["Times New Roman", ".VnTimeH", "VNI-Times"] {
            let mut ffn = vec![0u8; 40];
            ffn.extend(name.encode_utf16().chain([0]).flat_map(u16::to_le_bytes));
            ffn[0] = u8::try_from(ffn.len() - 1).unwrap();
            sttb.extend(ffn);
        }
        assert_eq!(
            font_codings(&sttb),
            vec![
                None,
                Some(FontCoding::Tcvn3 { upper: true }),
                Some(FontCoding::Vni)
            ]
        );
    }

    #[test]
    fn runs_in_legacy_fonts_are_decoded_by_their_font() {
        let upper = Some(FontCoding::Tcvn3 { upper: true });
        let vni = Some(FontCoding::Vni);
        let mut text: Vec<Tagged> = "c\u{e9}ng h\u{df}a\n".chars().map(|c| (c, upper)).collect();
        text.extend("Tie\u{e1}ng Vie\u{e4}t\n".chars().map(|c| (c, vni)));
        text.extend(untagged(
            "S\u{e8} 12, ng\u{b5}y 5 th\u{b8}ng 3 n\u{a8}m 2004\n",
        ));
        let (decoded, encoding) = decode_tagged(&text);
        assert_eq!(
            decoded,
            "CỘNG HÒA\nTiếng Việt\nSố 12, ngày 5 tháng 3 năm 2004\n"
        );
        assert_eq!(encoding, Encoding::Tcvn3);
    }

    #[test]
    fn other_files_are_refused() {
        assert!(read(b"not a compound file").is_err());
    }
}
