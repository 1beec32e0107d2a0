//! Plans: the record type and the parser that fills it from text.

use std::path::Path;

use crate::read::{ReadError, Table, markdown, read_path};
use crate::text::restore::{Doubt, Reviewed};
use crate::text::{EncodingChoice, NormalizeOptions, RestorerRef, needs_restoration, normalize};

pub mod check;
pub mod parse;
pub mod record;
pub mod schema;

pub use record::PlanRecord;

/// How a plan file is read before it is parsed.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// Input encoding (auto-detected by default).
    pub encoding: EncodingChoice,
}

/// Why a plan could not be parsed at all (a plan that parses badly gets warnings instead).
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// The file could not be read or decoded.
    #[error(transparent)]
    Read(#[from] ReadError),
}

impl ParseError {
    /// The message without the file name, for reports that name the file on their own.
    pub fn reason(&self) -> String {
        match self {
            ParseError::Read(error) => error.reason(),
        }
    }
}

/// Share of unknown words above which a text is reported as garbled.
const GARBLED_SHARE: f64 = 0.2;
/// Share of unaccented syllables above which a text is reported as unaccented.
const UNACCENTED_SHARE: f64 = 0.8;

/// Reads, normalizes and parses one plan file into a record.
///
/// A garbled (OCR-damaged) or unaccented text has its diacritics restored
/// before parsing (kehoach::text::restore); `source.restored_lines` says how
/// many lines that changed. Text still garbled after that gets a warning.
pub fn parse_path(path: &Path, options: &ParseOptions) -> Result<PlanRecord, ParseError> {
    parse_path_restoring(path, options, RestorerRef::Embedded)
}

/// [`parse_path`] with a restorer of one's own (another model, or one adapted to a batch).
pub fn parse_path_restoring(
    path: &Path,
    options: &ParseOptions,
    restorer: RestorerRef,
) -> Result<PlanRecord, ParseError> {
    parse_path_reviewed(path, options, restorer, false).map(|(record, _)| record)
}

/// [`parse_path_restoring`], and when `review` is set and the plan's text was restored, what
/// that left in doubt (the words of the text; table cells are restored as the text is, and
/// their words are the text's too).
pub fn parse_path_reviewed(
    path: &Path,
    options: &ParseOptions,
    restorer: RestorerRef,
    review: bool,
) -> Result<(PlanRecord, Option<Reviewed>), ParseError> {
    let doc = read_path(path, options.encoding)?;
    let normalized = normalize(&doc.text, &NormalizeOptions::default());
    let restore = needs_restoration(&normalized);
    // (The restorer, and for the embedded one its model, is only made for a damaged plan.)
    let restorer = || restorer.get();
    // The tables' cells get what the text got, judged as the whole document is.
    let mut tables = doc.tables;
    for table in &mut tables {
        table.map_text(&mut |cell| {
            let clean = normalize(cell, &NormalizeOptions::default());
            if restore {
                normalize(
                    &restorer().restore_within(&clean, &normalized).0,
                    &NormalizeOptions::default(),
                )
            } else {
                clean
            }
        });
    }
    let (text, restored_lines, reviewed) = if restore {
        let (restored, changed, doubts) = restorer().restore_text_reviewing(&normalized, review);
        let text = normalize(&restored, &NormalizeOptions::default());
        // What the review shows is spelled as the text the parser read (tone placement), each
        // word placed in its line as the plan's text has it before normalizing.
        let reviewed = doubts.map(|doubts| {
            let doubts = Doubt::placed_in_lines(doubts, &doc.text, &normalized);
            Reviewed::respelled(text.clone(), doubts, &NormalizeOptions::default())
        });
        (text, changed, reviewed)
    } else {
        (normalized, 0, None)
    };
    let source = record::Source {
        path: path.display().to_string(),
        format: doc.format.name().to_string(),
        encoding: doc.encoding.name().to_string(),
        restored_lines,
    };
    let mut record = parse_document(&text, &tables, source);
    // What the reader read past comes first: it explains what the parser then missed.
    record.warnings.splice(0..0, doc.warnings);
    let unknown = parse::unknown_word_share(&text);
    let unaccented = parse::unaccented_share(&text);
    if unknown > GARBLED_SHARE || unaccented > UNACCENTED_SHARE {
        record.warnings.push(format!(
            "the text looks garbled or unaccented ({:.0}% unknown words, {:.0}% unaccented{}): \
             fields may be wrong",
            unknown * 100.0,
            unaccented * 100.0,
            if restored_lines > 0 {
                ", after restoration"
            } else {
                ""
            }
        ));
    }
    Ok((record, reviewed))
}

/// Parses normalized plan text into a record (`source.format` "md" reads it as Markdown, with
/// the tables written in it).
pub fn parse_text(text: &str, source: record::Source) -> PlanRecord {
    let tables = if source.format == "md" {
        markdown::tables(text)
    } else {
        Vec::new()
    };
    parse_document(text, &tables, source)
}

/// Parses normalized plan text and its tables, normalized too (as a reader found them; their
/// text is in `text` as well), into a record.
pub fn parse_document(text: &str, tables: &[Table], source: record::Source) -> PlanRecord {
    let flow = if source.format == "md" {
        parse::Flow::Markdown
    } else {
        parse::Flow::Paragraphs
    };
    parse::parse(text, flow, tables, source)
}
