//! The review list of `normalize --restore --review`: the restored words the restorer was least
//! sure of, one per row, as CSV (UTF-8 with a byte-order mark, for Excel), for a person to check.

use std::io::Write;

use super::WriteError;
use super::csv::{BOM, inert};
use crate::text::restore::Reviewed;

/// The columns of the review list.
pub const REVIEW_COLUMNS: [&str; 8] = [
    "file",
    "line",
    "column",
    "written",
    "restored",
    "alternative",
    "margin",
    "restored line",
];

/// Characters of the restored line shown on each side of the word's column, at most.
const CONTEXT_CHARS: usize = 80;

/// Writes the review list of restored documents (each named as the user named its file): header
/// row, then per file each doubt with the restored line it is in (tabs shown as spaces; in a
/// long line, the `CONTEXT_CHARS` characters on each side of the word's column, the cuts
/// marked "…"), the margin in nats with two decimals.
pub fn write_review<'a>(
    mut out: impl Write,
    files: impl IntoIterator<Item = (&'a str, &'a Reviewed)>,
) -> Result<(), WriteError> {
    out.write_all(BOM)?;
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(REVIEW_COLUMNS)?;
    for (file, reviewed) in files {
        let lines: Vec<&str> = reviewed.restored.lines().collect();
        for doubt in &reviewed.doubts {
            let context = lines
                .get(doubt.line.wrapping_sub(1))
                .map_or(String::new(), |line| context(line, doubt.column));
            writer.write_record([
                inert(file).as_bytes(),
                doubt.line.to_string().as_bytes(),
                doubt.column.to_string().as_bytes(),
                inert(&doubt.written).as_bytes(),
                inert(&doubt.restored).as_bytes(),
                inert(&doubt.alternative).as_bytes(),
                format!("{:.2}", doubt.margin).as_bytes(),
                inert(&context).as_bytes(),
            ])?;
        }
    }
    writer.flush()?;
    Ok(())
}

/// The part of a restored line shown beside a word at `column` (1-based, characters).
fn context(line: &str, column: usize) -> String {
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let at = column.saturating_sub(1).min(chars.len());
    let from = at.saturating_sub(CONTEXT_CHARS);
    let to = (at + CONTEXT_CHARS).min(chars.len());
    let mut shown = String::new();
    if from > 0 {
        shown.push('…');
    }
    shown.extend(&chars[from..to]);
    if to < chars.len() {
        shown.push('…');
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::restore::Doubt;

    #[test]
    fn each_doubt_is_a_row_with_its_restored_line() {
        let doubts = [Doubt {
            line: 2,
            column: 5,
            written: "chi".into(),
            restored: "chỉ".into(),
            alternative: "chi".into(),
            margin: 1.234,
        }];
        let reviewed = Reviewed {
            restored: "Kế hoạch\nTổ chỉ\tgiải thưởng\n".to_string(),
            doubts: doubts.to_vec(),
        };
        let mut out = Vec::new();
        write_review(&mut out, [("kh.txt", &reviewed)]).unwrap();
        let text = String::from_utf8(out).unwrap();
        let text = text.strip_prefix('\u{feff}').unwrap();
        assert_eq!(
            text,
            "file,line,column,written,restored,alternative,margin,restored line\n\
             kh.txt,2,5,chi,chỉ,chi,1.23,Tổ chỉ giải thưởng\n"
        );
    }

    #[test]
    fn a_long_line_is_shown_around_the_word() {
        let line = format!("{}chỉ{}", "a".repeat(500), "b".repeat(500));
        let shown = context(&line, 501);
        assert_eq!(shown, format!("…{}chỉ{}…", "a".repeat(80), "b".repeat(77)));
        assert_eq!(context("Tổ chỉ", 4), "Tổ chỉ");
    }
}
