//! Readers: input files (txt, md, rtf, docx, doc) into decoded text, and the tables of Word
//! and Markdown files as rows of cells ([`Table`]).

use std::path::{Path, PathBuf};

use crate::text::{DecodeError, Encoding, EncodingChoice, decode};

pub mod doc;
pub mod docx;
pub mod markdown;
pub mod numbering;
pub mod rtf;
pub mod table;

pub use table::{Cell, Row, Table};

/// The kind of file a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text.
    Txt,
    /// Markdown.
    Md,
    /// Rich Text Format (often legacy-encoded).
    Rtf,
    /// Word 2007+ document.
    Docx,
    /// Word 97-2003 binary document (often legacy-encoded).
    Doc,
}

impl Format {
    /// Every format a plan is read from.
    pub const ALL: [Format; 5] = [
        Format::Txt,
        Format::Md,
        Format::Rtf,
        Format::Docx,
        Format::Doc,
    ];

    /// Guesses the format from a file's extension (plain text when unknown).
    pub fn from_path(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown") => Format::Md,
            Some("rtf") => Format::Rtf,
            Some("docx") => Format::Docx,
            Some("doc") => Format::Doc,
            _ => Format::Txt,
        }
    }

    /// The name used in records ("txt", "md", "rtf", "docx", "doc").
    pub fn name(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Rtf => "rtf",
            Format::Docx => "docx",
            Format::Doc => "doc",
        }
    }
}

/// A document's text as read from a file, before normalization.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it was read from.
    pub path: PathBuf,
    /// The file's format.
    pub format: Format,
    /// The encoding its text was found in.
    pub encoding: Encoding,
    /// The text, one paragraph or line per line.
    pub text: String,
    /// Its tables as rows of cells (DOCX and Markdown; their text is in `text` too).
    pub tables: Vec<Table>,
    /// Damage the file has that the reader read past ("cut short"), each said in a sentence.
    pub warnings: Vec<String>,
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{path}: cannot read: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        error: std::io::Error,
    },
    /// The bytes are not text in any encoding we know.
    #[error("{path}: {error}")]
    Decode {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        error: DecodeError,
    },
    /// The file claims a format but its content is broken.
    #[error("{path}: not a valid {format} file: {reason}")]
    Malformed {
        /// The file.
        path: PathBuf,
        /// The format it claimed.
        format: &'static str,
        /// What was wrong.
        reason: String,
    },
}

impl ReadError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ReadError::Io { path, .. }
            | ReadError::Decode { path, .. }
            | ReadError::Malformed { path, .. } => path,
        }
    }

    /// The message without the file name, for reports that name the file in a column of their own.
    pub fn reason(&self) -> String {
        let message = self.to_string();
        let prefix = format!("{}: ", self.path().display());
        message
            .strip_prefix(&prefix)
            .map_or_else(|| message.clone(), str::to_string)
    }
}

/// Reads a file from disk into a [`Document`], choosing the reader by extension.
pub fn read_path(path: &Path, encoding: EncodingChoice) -> Result<Document, ReadError> {
    let bytes = std::fs::read(path).map_err(|error| ReadError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    read_bytes(path, &bytes, encoding)
}

/// Reads a document from bytes already in memory; `path` names it in messages and records.
pub fn read_bytes(
    path: &Path,
    bytes: &[u8],
    encoding: EncodingChoice,
) -> Result<Document, ReadError> {
    let format = Format::from_path(path);
    let mut tables = Vec::new();
    let mut warnings = Vec::new();
    let (text, encoding) = match format {
        Format::Txt | Format::Md => {
            let decoded = decode(bytes, encoding).map_err(|error| ReadError::Decode {
                path: path.to_path_buf(),
                error,
            })?;
            if format == Format::Md {
                tables = markdown::tables(&decoded.text);
            }
            (decoded.text, decoded.encoding)
        }
        Format::Rtf => rtf::read(bytes).map_err(|reason| ReadError::Malformed {
            path: path.to_path_buf(),
            format: "RTF",
            reason,
        })?,
        Format::Docx => {
            let read = docx::read(bytes).map_err(|reason| ReadError::Malformed {
                path: path.to_path_buf(),
                format: "DOCX",
                reason,
            })?;
            tables = read.tables;
            warnings = read.warnings;
            (read.text, read.encoding)
        }
        Format::Doc => doc::read(bytes).map_err(|reason| ReadError::Malformed {
            path: path.to_path_buf(),
            format: "Word 97-2003",
            reason,
        })?,
    };
    Ok(Document {
        path: path.to_path_buf(),
        format,
        encoding,
        text,
        tables,
        warnings,
    })
}
