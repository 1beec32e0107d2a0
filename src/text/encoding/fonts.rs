//! Legacy fonts: which encoding the bytes set in a font are in.
//!
//! Pre-Unicode Vietnamese text was set in 8-bit fonts drawn on the
//! Windows-1252 byte positions: the TCVN3 fonts are named .VnTime,
//! .VnArial... (".VnTimeH", ending in H, are the upper-case ones; also
//! VnTimeH(Ds), VNSTCVN3) and the VNI fonts VNI-Times, VNI-Helve, VNSVNI2...
//! Other fonts follow their charset (163 is Vietnamese, Windows-1258) or the
//! document's ANSI code page.

use super::{Encoding, codepage, tcvn3, vni};

/// How the bytes of one font are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FontCoding {
    /// TCVN3 (.VnTime and kin).
    Tcvn3 {
        /// True for the upper-case fonts (.VnTimeH), whose lower-case bytes print as capitals.
        upper: bool,
    },
    /// VNI-Windows.
    Vni,
    /// Windows-1258.
    Cp1258,
    /// Windows-1252 (the default ANSI code page).
    Cp1252,
}

impl FontCoding {
    /// The coding a font's name and charset call for; `ansi` is the document's default.
    pub fn of_font(name: &str, charset: Option<i32>, ansi: FontCoding) -> FontCoding {
        let lower = name.trim().to_lowercase();
        if lower.starts_with(".vn") {
            FontCoding::Tcvn3 {
                upper: is_upper_case_font(name),
            }
        } else if lower.contains("vni") {
            FontCoding::Vni
        } else if lower.starts_with("vn") || lower.contains("tcvn3") {
            FontCoding::Tcvn3 {
                upper: is_upper_case_font(name),
            }
        } else {
            match charset {
                Some(163) => FontCoding::Cp1258,
                Some(0) | None => ansi,
                Some(_) => FontCoding::Cp1252,
            }
        }
    }

    /// The legacy encoding this coding stands for, if it is one.
    pub fn encoding(self) -> Option<Encoding> {
        match self {
            FontCoding::Tcvn3 { .. } => Some(Encoding::Tcvn3),
            FontCoding::Vni => Some(Encoding::Vni),
            FontCoding::Cp1258 => Some(Encoding::Cp1258),
            FontCoding::Cp1252 => None,
        }
    }

    /// Decodes bytes set in this font.
    pub fn decode(self, bytes: &[u8]) -> String {
        match self {
            FontCoding::Tcvn3 { upper } => tcvn3::decode(bytes, upper),
            FontCoding::Vni => vni::decode(bytes),
            FontCoding::Cp1258 => codepage::cp1258(bytes),
            FontCoding::Cp1252 => codepage::cp1252(bytes),
        }
    }
}

/// True for the upper-case TCVN3 fonts: the name, less any script suffix
/// (" Tur", " CE") or bracketed note ("(Ds)"), ends in H: ".VnTimeH",
/// ".VnCentury SchoolbookH", ".VnTimeH Tur".
fn is_upper_case_font(name: &str) -> bool {
    const SCRIPT_SUFFIXES: [&str; 6] = [" Tur", " CE", " Cyr", " Greek", " Baltic", " Vietnamese"];
    let mut base = name.trim();
    if let Some(open) = base.rfind('(')
        && base.ends_with(')')
    {
        base = base[..open].trim_end();
    }
    for suffix in SCRIPT_SUFFIXES {
        base = base.strip_suffix(suffix).unwrap_or(base).trim_end();
    }
    base.ends_with('H')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_names() {
        assert!(is_upper_case_font(".VnTimeH"));
        assert!(is_upper_case_font(".VnTimeH Tur"));
        assert!(is_upper_case_font(".VnCentury SchoolbookH"));
        assert!(is_upper_case_font("VnTimeH(Ds)"));
        assert!(!is_upper_case_font(".VnTime"));
        assert!(!is_upper_case_font(".VnBahamasB"));
    }

    #[test]
    fn codings_of_fonts() {
        let ansi = FontCoding::Cp1252;
        assert_eq!(
            FontCoding::of_font(".VnTimeH", Some(0), ansi),
            FontCoding::Tcvn3 { upper: true }
        );
        assert_eq!(
            FontCoding::of_font("VNI-Times", None, ansi),
            FontCoding::Vni
        );
        assert_eq!(
            FontCoding::of_font("Arial", Some(163), ansi),
            FontCoding::Cp1258
        );
        assert_eq!(FontCoding::of_font("Arial", Some(0), ansi), ansi);
        assert_eq!(
            FontCoding::Tcvn3 { upper: false }.encoding(),
            Some(Encoding::Tcvn3)
        );
    }
}
