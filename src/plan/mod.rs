//! Plans: the record type and the parser that fills it from text.

use std::path::Path;

use crate::read::{ReadError, read_path};
use crate::text::{EncodingChoice, NormalizeOptions, normalize};

pub mod record;

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

/// Reads, normalizes and parses one plan file into a record.
pub fn parse_path(path: &Path, options: &ParseOptions) -> Result<PlanRecord, ParseError> {
    let doc = read_path(path, options.encoding)?;
    let text = normalize(&doc.text, &NormalizeOptions::default());
    let source = record::Source {
        path: path.display().to_string(),
        format: doc.format.name().to_string(),
        encoding: doc.encoding.name().to_string(),
        restored_lines: 0,
    };
    Ok(parse_text(&text, source))
}

/// Parses normalized plan text into a record.
pub fn parse_text(_text: &str, source: record::Source) -> PlanRecord {
    PlanRecord {
        schema_version: record::SCHEMA_VERSION,
        source,
        doc_type: None,
        number: None,
        symbol: None,
        issuer: Default::default(),
        place: None,
        date: Default::default(),
        title: None,
        programme: None,
        year: None,
        period: None,
        legal_bases: vec![],
        sections: vec![],
        targets: vec![],
        products: vec![],
        budget: Default::default(),
        assignments: vec![],
        schedule: vec![],
        recipients: vec![],
        signature: Default::default(),
        warnings: vec!["the parser is not built yet".to_string()],
    }
}
