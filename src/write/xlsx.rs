//! XLSX: a workbook with Targets, Products, Plans, Summary and Errors sheets.
//!
//! Targets, Products and Plans are "constant memory" sheets: their rows go to
//! temporary files as they are written, so a long run does not hold them in
//! memory. Summary (totals) and Errors (refused files) are small and are filled
//! at the end. Every sheet has its header row frozen and filters on.

use std::io::Write;

use rust_xlsxwriter::{Format, Workbook, Worksheet};

use super::{
    PLAN_COLUMNS, PRODUCT_COLUMNS, PlanRow, ProductRow, Summary, TARGET_COLUMNS, TableWriter,
    TargetRow, WriteError,
};
use crate::plan::PlanRecord;

/// Sheet names, in workbook order.
pub const SHEETS: [&str; 5] = ["Targets", "Products", "Plans", "Summary", "Errors"];

const TARGETS: usize = 0;
const PRODUCTS: usize = 1;
const PLANS: usize = 2;
const SUMMARY: usize = 3;
const ERRORS: usize = 4;

/// The Summary sheet's first table: totals per level and star rating.
pub const SUMMARY_STAR_COLUMNS: [&str; 6] = [
    "level",
    "stars",
    "unit",
    "plans",
    "targets",
    "total_quantity",
];

/// The Summary sheet's second table (after one blank row): totals per level.
pub const SUMMARY_LEVEL_COLUMNS: [&str; 5] = [
    "level",
    "plans",
    "targets",
    "plans_with_budget",
    "budget_million_vnd",
];

/// One cell's value.
enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    Bool(bool),
    Empty,
}

fn text(value: &Option<String>) -> Cell<'_> {
    value.as_deref().map_or(Cell::Empty, Cell::Text)
}

fn number<T: Into<f64>>(value: Option<T>) -> Cell<'static> {
    value.map_or(Cell::Empty, |v| Cell::Number(v.into()))
}

fn count(value: usize) -> Cell<'static> {
    Cell::Number(value as f64)
}

/// The workbook being written; it is saved to `out` by [`TableWriter::finish`].
pub struct XlsxTables<W: Write + Send> {
    workbook: Workbook,
    out: W,
    next_row: [u32; 3],
    refused: Vec<(String, String)>,
    summary: Summary,
}

impl<W: Write + Send> XlsxTables<W> {
    /// Creates the workbook with its sheets and header rows.
    pub fn new(out: W) -> Result<Self, WriteError> {
        let mut workbook = Workbook::new();
        let bold = Format::new().set_bold();
        for (index, name) in SHEETS.iter().enumerate() {
            let sheet = if index <= PLANS {
                workbook.add_worksheet_with_constant_memory()?
            } else {
                workbook.add_worksheet()
            };
            sheet.set_name(*name)?;
            sheet.set_freeze_panes(1, 0)?;
            let header: &[&str] = match index {
                TARGETS => &TARGET_COLUMNS,
                PRODUCTS => &PRODUCT_COLUMNS,
                PLANS => &PLAN_COLUMNS,
                SUMMARY => &SUMMARY_STAR_COLUMNS,
                _ => &["file", "reason"],
            };
            for (col, title) in header.iter().enumerate() {
                sheet.write_string_with_format(0, col as u16, *title, &bold)?;
            }
        }
        Ok(XlsxTables {
            workbook,
            out,
            next_row: [1; 3],
            refused: Vec::new(),
            summary: Summary::default(),
        })
    }

    fn append(&mut self, sheet: usize, cells: &[Cell]) -> Result<(), WriteError> {
        let row = self.next_row[sheet];
        write_cells(self.workbook.worksheet_from_index(sheet)?, row, cells)?;
        self.next_row[sheet] += 1;
        Ok(())
    }
}

fn write_cells(sheet: &mut Worksheet, row: u32, cells: &[Cell]) -> Result<(), WriteError> {
    for (col, cell) in cells.iter().enumerate() {
        let col = col as u16;
        match cell {
            Cell::Text(value) => sheet.write_string(row, col, *value)?,
            Cell::Number(value) => sheet.write_number(row, col, *value)?,
            Cell::Bool(value) => sheet.write_boolean(row, col, *value)?,
            Cell::Empty => continue,
        };
    }
    Ok(())
}

fn target_cells(row: &TargetRow) -> Vec<Cell<'_>> {
    vec![
        Cell::Text(&row.source),
        text(&row.issuer),
        text(&row.level),
        text(&row.locality),
        number(row.plan_year),
        text(&row.section),
        Cell::Text(&row.target),
        number(row.quantity),
        text(&row.unit),
        number(row.stars),
        Cell::Bool(row.at_least),
        number(row.due_year),
        text(&row.due_period),
    ]
}

fn product_cells(row: &ProductRow) -> Vec<Cell<'_>> {
    vec![
        Cell::Text(&row.source),
        text(&row.locality),
        Cell::Text(&row.name),
        text(&row.packaging),
        text(&row.owner),
        text(&row.address),
        number(row.stars),
        text(&row.status),
    ]
}

fn plan_cells(row: &PlanRow) -> Vec<Cell<'_>> {
    vec![
        Cell::Text(&row.source),
        Cell::Text(&row.format),
        Cell::Text(&row.encoding),
        count(row.restored_lines),
        text(&row.number),
        text(&row.issuer),
        text(&row.level),
        text(&row.locality),
        number(row.plan_year),
        text(&row.programme),
        count(row.targets),
        count(row.products),
        number(row.budget_million_vnd),
        count(row.warnings),
    ]
}

impl<W: Write + Send> TableWriter for XlsxTables<W> {
    fn add_plan(&mut self, record: &PlanRecord) -> Result<(), WriteError> {
        for row in TargetRow::from_record(record) {
            self.append(TARGETS, &target_cells(&row))?;
        }
        for row in ProductRow::from_record(record) {
            self.append(PRODUCTS, &product_cells(&row))?;
        }
        self.append(PLANS, &plan_cells(&PlanRow::from_record(record)))?;
        self.summary.add(record);
        Ok(())
    }

    fn add_refused(&mut self, path: &str, reason: &str) -> Result<(), WriteError> {
        self.refused.push((path.to_string(), reason.to_string()));
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), WriteError> {
        let widths: [(usize, usize); 3] = [
            (TARGETS, TARGET_COLUMNS.len()),
            (PRODUCTS, PRODUCT_COLUMNS.len()),
            (PLANS, PLAN_COLUMNS.len()),
        ];
        for (sheet, columns) in widths {
            let last = self.next_row[sheet] - 1;
            self.workbook.worksheet_from_index(sheet)?.autofilter(
                0,
                0,
                last,
                columns as u16 - 1,
            )?;
        }

        let summary = std::mem::take(&mut self.summary);
        let bold = Format::new().set_bold();
        let sheet = self.workbook.worksheet_from_index(SUMMARY)?;
        let mut row = 1;
        for ((level, stars, unit), total) in &summary.stars {
            let cells = [
                Cell::Text(level),
                number(*stars),
                Cell::Text(unit),
                count(total.plans),
                count(total.targets),
                Cell::Number(total.quantity),
            ];
            write_cells(sheet, row, &cells)?;
            row += 1;
        }
        sheet.autofilter(0, 0, row - 1, SUMMARY_STAR_COLUMNS.len() as u16 - 1)?;
        row += 1;
        for (col, title) in SUMMARY_LEVEL_COLUMNS.iter().enumerate() {
            sheet.write_string_with_format(row, col as u16, *title, &bold)?;
        }
        for (level, total) in &summary.levels {
            row += 1;
            let cells = [
                Cell::Text(level),
                count(total.plans),
                count(total.targets),
                count(total.plans_with_budget),
                Cell::Number(total.budget_million_vnd),
            ];
            write_cells(sheet, row, &cells)?;
        }

        let sheet = self.workbook.worksheet_from_index(ERRORS)?;
        for (index, (path, reason)) in self.refused.iter().enumerate() {
            let row = index as u32 + 1;
            write_cells(sheet, row, &[Cell::Text(path), Cell::Text(reason)])?;
        }
        sheet.autofilter(0, 0, self.refused.len() as u32, 1)?;

        self.workbook.save_to_writer(&mut self.out)?;
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::tests::sample_record;
    use crate::write::{TableFormat, table_writer};
    use calamine::{Data, Reader, Xlsx};

    fn open(bytes: Vec<u8>) -> Xlsx<std::io::Cursor<Vec<u8>>> {
        Xlsx::new(std::io::Cursor::new(bytes)).unwrap()
    }

    #[test]
    fn workbook_has_all_sheets_with_typed_cells() {
        let mut out = Vec::new();
        {
            let mut writer = table_writer(TableFormat::Xlsx, &mut out, None).unwrap();
            writer
                .add_plan(&sample_record("p/1.txt", "Vĩnh Tuy", Some(61000.5)))
                .unwrap();
            writer.add_refused("p/2.docx", "truncated").unwrap();
            writer
                .add_plan(&sample_record("p/3.txt", "Ô Diên", Some(100.0)))
                .unwrap();
            writer.finish().unwrap();
        }
        let mut book = open(out);
        assert_eq!(book.sheet_names(), SHEETS.to_vec());

        let targets = book.worksheet_range("Targets").unwrap();
        assert_eq!(targets.height(), 5);
        assert_eq!(targets.get((0, 6)), Some(&Data::String("target".into())));
        assert_eq!(targets.get((3, 3)), Some(&Data::String("Ô Diên".into())));
        assert_eq!(targets.get((1, 7)), Some(&Data::Float(4.0)));
        assert_eq!(targets.get((1, 9)), Some(&Data::Float(3.0)));
        assert_eq!(targets.get((1, 10)), Some(&Data::Bool(true)));
        assert_eq!(targets.get((2, 9)), Some(&Data::Empty));
        assert_eq!(
            targets.get((2, 12)),
            Some(&Data::String("2027-2030".into()))
        );

        let plans = book.worksheet_range("Plans").unwrap();
        assert_eq!(plans.height(), 3);
        assert_eq!(plans.get((1, 12)), Some(&Data::Float(61000.5)));
        assert_eq!(plans.get((2, 10)), Some(&Data::Float(2.0)));

        let products = book.worksheet_range("Products").unwrap();
        assert_eq!(products.height(), 3);
        assert_eq!(
            products.get((2, 2)),
            Some(&Data::String("Cam sành Hà Giang".into()))
        );

        let summary = book.worksheet_range("Summary").unwrap();
        // Star table: (xa, none, điểm) then (xa, 3, sản phẩm); blank row; level table.
        assert_eq!(summary.get((1, 1)), Some(&Data::Empty));
        assert_eq!(summary.get((2, 1)), Some(&Data::Float(3.0)));
        assert_eq!(summary.get((2, 3)), Some(&Data::Float(2.0)));
        assert_eq!(summary.get((2, 5)), Some(&Data::Float(8.0)));
        assert_eq!(summary.get((4, 0)), Some(&Data::String("level".into())));
        assert_eq!(summary.get((5, 4)), Some(&Data::Float(61100.5)));

        let errors = book.worksheet_range("Errors").unwrap();
        assert_eq!(errors.get((1, 0)), Some(&Data::String("p/2.docx".into())));
        assert_eq!(errors.get((1, 1)), Some(&Data::String("truncated".into())));
    }
}
