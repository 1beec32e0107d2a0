//! CSV: the Targets table as UTF-8 with a byte-order mark, so Excel shows Vietnamese right.

use std::borrow::Cow;
use std::io::Write;

use super::{RowSink, TARGET_COLUMNS, TargetRow, WriteError};

/// The UTF-8 byte-order mark Excel needs to read a CSV file as UTF-8.
pub const BOM: &[u8] = "\u{feff}".as_bytes();

/// The errors table (refused files and why), written beside CSV and JSON Lines outputs.
pub struct ErrorsCsv<W: Write> {
    writer: ::csv::Writer<W>,
}

impl<W: Write> ErrorsCsv<W> {
    /// Starts the errors table: byte-order mark and header row.
    pub fn new(mut out: W) -> Result<Self, WriteError> {
        out.write_all(BOM)?;
        let mut writer = ::csv::Writer::from_writer(out);
        writer.write_record(["file", "reason"])?;
        Ok(ErrorsCsv { writer })
    }

    /// Adds one refused file.
    pub fn add(&mut self, path: &str, reason: &str) -> Result<(), WriteError> {
        self.writer
            .write_record([inert(path).as_bytes(), inert(reason).as_bytes()])?;
        Ok(())
    }

    /// Flushes the table.
    pub fn finish(mut self) -> Result<(), WriteError> {
        self.writer.flush()?;
        Ok(())
    }
}

/// A cell as Excel reads it from a CSV file: one that starts with "=", "+", "-" or "@" (or a tab
/// or carriage return) would be run as a formula there, so it gets a leading apostrophe and
/// stays text. A received plan's words are data, never a formula (OWASP's advice on CSV
/// injection); the JSON Lines and XLSX outputs need no such mark. (The review list is CSV
/// for Excel too.)
pub(super) fn inert(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Target rows as CSV: byte-order mark, header row, then one record per row.
pub struct CsvRows<W: Write>(::csv::Writer<W>);

impl<W: Write> CsvRows<W> {
    /// Starts the table: byte-order mark and header row.
    pub fn new(mut out: W) -> Result<Self, WriteError> {
        out.write_all(BOM)?;
        let mut writer = ::csv::Writer::from_writer(out);
        writer.write_record(TARGET_COLUMNS)?;
        Ok(CsvRows(writer))
    }
}

impl<W: Write> RowSink for CsvRows<W> {
    fn write_row(&mut self, row: &TargetRow) -> Result<(), WriteError> {
        let cells = row.cells();
        let cells: Vec<Cow<str>> = cells.iter().map(|cell| inert(cell)).collect();
        self.0
            .write_record(cells.iter().map(|cell| cell.as_bytes()))?;
        Ok(())
    }

    fn flush(&mut self) -> Result<(), WriteError> {
        self.0.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::tests::sample_record;
    use crate::write::{TableFormat, table_writer};

    #[test]
    fn csv_has_bom_header_and_one_row_per_target() {
        let mut out = Vec::new();
        let mut errors = Vec::new();
        {
            let mut writer = table_writer(TableFormat::Csv, &mut out, Some(&mut errors)).unwrap();
            writer
                .add_plan(&sample_record("a/1.txt", "Vĩnh Tuy", None))
                .unwrap();
            writer.add_refused("a/2.docx", "not a zip, file").unwrap();
            writer
                .add_plan(&sample_record("a/3.txt", "Ô Diên", Some(5.0)))
                .unwrap();
            writer.finish().unwrap();
        }
        assert!(out.starts_with(BOM));
        let mut reader = ::csv::Reader::from_reader(&out[BOM.len()..]);
        assert_eq!(reader.headers().unwrap(), TARGET_COLUMNS.as_slice());
        let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(&rows[2][0], "a/3.txt");
        assert_eq!(&rows[2][3], "Ô Diên");
        assert_eq!(
            &rows[1][6],
            "Phát triển mới 2,5 điểm bán, \"thí điểm\" giai đoạn 2027-2030."
        );
        assert_eq!(&rows[1][7], "2.5");

        assert!(errors.starts_with(BOM));
        let mut reader = ::csv::Reader::from_reader(&errors[BOM.len()..]);
        let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1);
        assert_eq!(&rows[0][0], "a/2.docx");
        assert_eq!(&rows[0][1], "not a zip, file");
    }

    #[test]
    fn a_cell_excel_would_run_as_a_formula_stays_text() {
        let mut record = sample_record("=cmd|' /C calc'!A0.txt", "Vĩnh Tuy", None);
        record.targets[0].text = "=HYPERLINK(\"http://x\",\"Phấn đấu 4 sản phẩm\")".to_string();
        record.targets[1].text = "-5 điểm bán".to_string();
        let mut out = Vec::new();
        {
            let mut writer = table_writer(TableFormat::Csv, &mut out, None).unwrap();
            writer.add_plan(&record).unwrap();
            writer.finish().unwrap();
        }
        let mut reader = ::csv::Reader::from_reader(&out[BOM.len()..]);
        let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(&rows[0][0], "'=cmd|' /C calc'!A0.txt");
        assert_eq!(
            &rows[0][6],
            "'=HYPERLINK(\"http://x\",\"Phấn đấu 4 sản phẩm\")"
        );
        assert_eq!(&rows[1][6], "'-5 điểm bán");
        // Ordinary cells are as they were: numbers, names, a period with its dash inside.
        assert_eq!(&rows[0][3], "Vĩnh Tuy");
        assert_eq!(&rows[1][12], "2027-2030");
        assert_eq!(inert("2027-2030"), "2027-2030");
    }
}
