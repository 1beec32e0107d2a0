//! Decoding bytes into text: UTF-8, UTF-16 and the legacy Vietnamese encodings.

use std::fmt;

pub mod codepage;
pub mod detect;
pub mod fonts;
pub mod tcvn3;
pub mod viqr;
pub mod vni;

/// A character encoding the decoder knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 little-endian (with a byte-order mark).
    Utf16Le,
    /// UTF-16 big-endian (with a byte-order mark).
    Utf16Be,
    /// TCVN3 (ABC), the .VnTime fonts.
    Tcvn3,
    /// VNI-Windows, the VNI-Times fonts.
    Vni,
    /// VIQR: marks typed as ASCII after the letter.
    Viqr,
    /// Windows-1258: bases plus combining tone marks.
    Cp1258,
}

impl Encoding {
    /// Every encoding, in the order auto-detection prefers them on a tie.
    pub const ALL: [Encoding; 7] = [
        Encoding::Utf8,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viqr,
        Encoding::Cp1258,
    ];

    /// The name used on the command line and in records ("utf-8", "tcvn3", ...).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Viqr => "viqr",
            Encoding::Cp1258 => "cp1258",
        }
    }

    /// Looks an encoding up by its name (case-insensitive, a few aliases accepted).
    pub fn from_name(name: &str) -> Option<Encoding> {
        let lower = name.to_ascii_lowercase().replace('_', "-");
        Some(match lower.as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "utf-16le" | "utf16le" => Encoding::Utf16Le,
            "utf-16be" | "utf16be" => Encoding::Utf16Be,
            "tcvn3" | "abc" | "tcvn" => Encoding::Tcvn3,
            "vni" | "vni-windows" => Encoding::Vni,
            "viqr" => Encoding::Viqr,
            "cp1258" | "windows-1258" => Encoding::Cp1258,
            _ => return None,
        })
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which encoding to decode with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EncodingChoice {
    /// Detect it from the bytes.
    #[default]
    Auto,
    /// Use this one.
    Fixed(Encoding),
}

/// Text decoded from bytes, with the encoding that was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text (not yet normalized).
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: Encoding,
}

/// Why bytes could not be decoded as text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes hold control characters or NULs that text does not have.
    #[error("not a text file (binary data at byte {offset})")]
    Binary {
        /// Where the first binary byte is.
        offset: usize,
    },
    /// The bytes are not valid in the encoding asked for.
    #[error("not valid {encoding} (at byte {offset})")]
    Invalid {
        /// The encoding asked for.
        encoding: Encoding,
        /// Where decoding failed.
        offset: usize,
    },
    /// Auto-detection found neither UTF-8 nor Vietnamese in a legacy encoding.
    #[error(
        "not UTF-8 (invalid byte at {offset}) and not Vietnamese text in TCVN3, VNI or Windows-1258"
    )]
    Unrecognized {
        /// The first byte that is not UTF-8.
        offset: usize,
    },
}

/// Decodes bytes into text with the chosen encoding, detecting it when asked to.
pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Result<Decoded, DecodeError> {
    if let Some(decoded) = decode_with_bom(bytes)? {
        return Ok(decoded);
    }
    let encoding = match choice {
        EncodingChoice::Fixed(encoding) => encoding,
        EncodingChoice::Auto => return detect_and_decode(bytes),
    };
    let text = match encoding {
        Encoding::Utf8 => utf8(bytes)?.to_string(),
        Encoding::Utf16Le => decode_utf16(bytes, u16::from_le_bytes, encoding)?,
        Encoding::Utf16Be => decode_utf16(bytes, u16::from_be_bytes, encoding)?,
        Encoding::Tcvn3 => tcvn3::decode(bytes, false),
        Encoding::Vni => vni::decode(bytes),
        Encoding::Viqr => viqr::decode(utf8(bytes).map_err(|_| DecodeError::Invalid {
            encoding,
            offset: bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0),
        })?),
        Encoding::Cp1258 => codepage::cp1258(bytes),
    };
    Ok(Decoded { text, encoding })
}

/// Bytes as UTF-8 text, or where they stop being UTF-8.
fn utf8(bytes: &[u8]) -> Result<&str, DecodeError> {
    std::str::from_utf8(bytes).map_err(|e| DecodeError::Invalid {
        encoding: Encoding::Utf8,
        offset: e.valid_up_to(),
    })
}

/// `--encoding auto` without a byte-order mark: refuses binary data, then
/// weighs UTF-8 against the legacy encodings (see [`detect`]).
fn detect_and_decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(offset) = binary_offset(bytes) {
        return Err(DecodeError::Binary { offset });
    }
    let (encoding, text) = match std::str::from_utf8(bytes) {
        Ok(text) => detect::choose_for_utf8(text),
        Err(e) => detect::choose_legacy(bytes).ok_or(DecodeError::Unrecognized {
            offset: e.valid_up_to(),
        })?,
    };
    Ok(Decoded { text, encoding })
}

/// Decodes text that starts with a byte-order mark; `None` when there is none.
fn decode_with_bom(bytes: &[u8]) -> Result<Option<Decoded>, DecodeError> {
    let (encoding, body) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (Encoding::Utf8, rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (Encoding::Utf16Le, rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (Encoding::Utf16Be, rest)
    } else {
        return Ok(None);
    };
    let decoded = decode(body, EncodingChoice::Fixed(encoding));
    decoded.map(Some).map_err(|e| match e {
        DecodeError::Invalid { encoding, offset } => DecodeError::Invalid {
            encoding,
            offset: offset + bytes.len() - body.len(),
        },
        other => other,
    })
}

fn decode_utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    encoding: Encoding,
) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::Invalid {
            encoding,
            offset: bytes.len() - 1,
        });
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    for (i, c) in char::decode_utf16(units).enumerate() {
        text.push(c.map_err(|_| DecodeError::Invalid {
            encoding,
            offset: i * 2,
        })?);
    }
    Ok(text)
}

/// Where binary data starts: the first control byte (a C0 control other than the line and
/// page breaks and tabs) of bytes that hold a NUL or more than one control byte in
/// [`CONTROLS_PER_BINARY_BYTE`]. Text saved from Word keeps a few of its own marks (optional
/// hyphens, footnote separators: 10 of the 96 documents of the shared corpus), which
/// [`normalize`](crate::text::normalize) removes; a file is not refused for them.
fn binary_offset(bytes: &[u8]) -> Option<usize> {
    let is_control = |b: u8| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0B | 0x0C);
    let first = bytes.iter().position(|&b| is_control(b))?;
    let controls = bytes[first..].iter().filter(|&&b| is_control(b)).count();
    let binary = bytes[first..].contains(&0)
        || (controls >= MIN_BINARY_CONTROLS && controls * CONTROLS_PER_BINARY_BYTE > bytes.len());
    binary.then_some(first)
}

/// More than one control byte in this many makes data binary (random bytes have one in eight;
/// the Word marks left in real text, one in a thousand or fewer, one in fifty in a text that
/// marks every "ư")...
const CONTROLS_PER_BINARY_BYTE: usize = 20;
/// ...once there are at least this many of them, so that one stray mark in a short file is not
/// taken for binary data.
const MIN_BINARY_CONTROLS: usize = 8;
