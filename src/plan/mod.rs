//! Plans: the record type and the parser that fills it from text.

use std::path::Path;

use crate::read::{ReadError, read_path};
use crate::text::{EncodingChoice, NormalizeOptions, normalize};

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
/// Garbled (OCR-damaged) or unaccented text is detected here; this is where
/// diacritic restoration is applied before parsing, with the count of
/// restored lines going to `source.restored_lines`.
pub fn parse_path(path: &Path, options: &ParseOptions) -> Result<PlanRecord, ParseError> {
    let doc = read_path(path, options.encoding)?;
    let text = normalize(&doc.text, &NormalizeOptions::default());
    let source = record::Source {
        path: path.display().to_string(),
        format: doc.format.name().to_string(),
        encoding: doc.encoding.name().to_string(),
        restored_lines: 0,
    };
    // Diacritic restoration (kehoach::text::restore, being built on its own branch) belongs
    // here, between normalization and parsing: when `needs_restoration(&text)`, parse the
    // text `Restorer::embedded().restore_text(&text)` returns and put its count of restored
    // lines into `source.restored_lines`. Until then garbled text is only reported (below).
    let mut record = parse_text(&text, source);
    let unknown = parse::unknown_word_share(&text);
    let unaccented = parse::unaccented_share(&text);
    if unknown > GARBLED_SHARE || unaccented > UNACCENTED_SHARE {
        record.warnings.push(format!(
            "the text looks garbled or unaccented ({:.0}% unknown words, {:.0}% unaccented): \
             diacritic restoration is not available in this build, fields may be wrong",
            unknown * 100.0,
            unaccented * 100.0
        ));
    }
    Ok(record)
}

/// Parses normalized plan text into a record (`source.format` "md" reads it as Markdown).
pub fn parse_text(text: &str, source: record::Source) -> PlanRecord {
    let flow = if source.format == "md" {
        parse::Flow::Markdown
    } else {
        parse::Flow::Paragraphs
    };
    let parsed = parse::parse(text, flow);
    PlanRecord {
        schema_version: record::SCHEMA_VERSION,
        source,
        doc_type: parsed.doc_type,
        number: parsed.number,
        symbol: parsed.symbol,
        issuer: parsed.issuer,
        place: parsed.place,
        date: parsed.date,
        title: parsed.title,
        programme: parsed.programme,
        year: parsed.year,
        period: parsed.period,
        legal_bases: parsed.legal_bases,
        sections: parsed.sections,
        targets: parsed.targets,
        products: parsed.products,
        budget: parsed.budget,
        assignments: parsed.assignments,
        schedule: parsed.schedule,
        recipients: parsed.recipients,
        signature: parsed.signature,
        warnings: parsed.warnings,
    }
}
