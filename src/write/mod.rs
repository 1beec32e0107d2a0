//! Writers: plan records into tables (CSV, XLSX, JSON Lines), one row per target; and the
//! review list of restored words ([`review`]).
//!
//! Rows are built from records ([`TargetRow`], [`ProductRow`], [`PlanRow`]) and
//! streamed into a [`TableWriter`] as records arrive; only the small
//! [`Summary`] (totals per level and star rating) grows with the run.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::plan::PlanRecord;
use crate::plan::record::Period;

pub mod csv;
pub mod jsonl;
pub mod review;
pub mod xlsx;

/// Why a table could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Writing to the output failed.
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] ::csv::Error),
    /// The workbook writer failed.
    #[error("cannot write XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// A row could not be turned into JSON.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// The table formats `kehoach targets` writes, chosen by the output's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// Comma-separated values, UTF-8 with a byte-order mark (for Excel).
    Csv,
    /// An Excel workbook with Targets, Products, Plans, Summary and Errors sheets.
    Xlsx,
    /// One JSON object per line, one line per target.
    Jsonl,
}

impl TableFormat {
    /// The format for an output path's extension, or `None` when it is not one we write.
    pub fn from_path(path: &Path) -> Option<TableFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(TableFormat::Csv),
            "xlsx" => Some(TableFormat::Xlsx),
            "jsonl" | "ndjson" => Some(TableFormat::Jsonl),
            _ => None,
        }
    }
}

/// One target (chỉ tiêu) of one plan: a row of the Targets table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetRow {
    /// The plan file the target was read from.
    pub source: String,
    /// The issuing body's full name.
    pub issuer: Option<String>,
    /// The issuer's administrative level (xa, phuong, huyen, ...).
    pub level: Option<String>,
    /// The commune, ward, district or province name.
    pub locality: Option<String>,
    /// The year the plan is for.
    pub plan_year: Option<i32>,
    /// Labels of the headings the target sits under ("II.2").
    pub section: Option<String>,
    /// The sentence stating the target.
    pub target: String,
    /// How many.
    pub quantity: Option<f64>,
    /// Of what ("sản phẩm").
    pub unit: Option<String>,
    /// Star rating asked for.
    pub stars: Option<u8>,
    /// True for "ít nhất", "trở lên", "trên".
    pub at_least: bool,
    /// The year the target is due.
    pub due_year: Option<i32>,
    /// The span it is due in ("2027-2030").
    pub due_period: Option<String>,
}

/// The Targets table's column names, in order.
pub const TARGET_COLUMNS: [&str; 13] = [
    "source",
    "issuer",
    "level",
    "locality",
    "plan_year",
    "section",
    "target",
    "quantity",
    "unit",
    "stars",
    "at_least",
    "due_year",
    "due_period",
];

impl TargetRow {
    /// The record's targets as rows, in the order the plan states them.
    pub fn from_record(record: &PlanRecord) -> Vec<TargetRow> {
        record
            .targets
            .iter()
            .map(|target| TargetRow {
                source: record.source.path.clone(),
                issuer: record.issuer.name.clone(),
                level: record.issuer.level.clone(),
                locality: record.issuer.locality.clone(),
                plan_year: record.year,
                section: target.section.clone(),
                target: target.text.clone(),
                quantity: target.quantity,
                unit: target.unit.clone(),
                stars: target.stars,
                at_least: target.at_least,
                due_year: target.year,
                due_period: target.period.as_ref().map(period_text),
            })
            .collect()
    }

    /// The row as text cells in [`TARGET_COLUMNS`] order (empty for a missing value).
    pub fn cells(&self) -> [String; 13] {
        [
            self.source.clone(),
            opt(&self.issuer),
            opt(&self.level),
            opt(&self.locality),
            opt_num(self.plan_year),
            opt(&self.section),
            self.target.clone(),
            self.quantity.map(number_text).unwrap_or_default(),
            opt(&self.unit),
            opt_num(self.stars),
            self.at_least.to_string(),
            opt_num(self.due_year),
            opt(&self.due_period),
        ]
    }
}

/// One named product of one plan: a row of the Products sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProductRow {
    /// The plan file.
    pub source: String,
    /// The commune, ward, district or province name.
    pub locality: Option<String>,
    /// Product name.
    pub name: String,
    /// Packaging ("hộp 5kg").
    pub packaging: Option<String>,
    /// Producer.
    pub owner: Option<String>,
    /// Where the producer is.
    pub address: Option<String>,
    /// Star rating.
    pub stars: Option<u8>,
    /// certified | planned | upgrade.
    pub status: Option<String>,
}

/// The Products sheet's column names, in order.
pub const PRODUCT_COLUMNS: [&str; 8] = [
    "source",
    "locality",
    "name",
    "packaging",
    "owner",
    "address",
    "stars",
    "status",
];

impl ProductRow {
    /// The record's products as rows, in the order the plan names them.
    pub fn from_record(record: &PlanRecord) -> Vec<ProductRow> {
        record
            .products
            .iter()
            .map(|product| ProductRow {
                source: record.source.path.clone(),
                locality: record.issuer.locality.clone(),
                name: product.name.clone(),
                packaging: product.packaging.clone(),
                owner: product.owner.clone(),
                address: product.address.clone(),
                stars: product.stars,
                status: product.status.clone(),
            })
            .collect()
    }
}

/// One plan: a row of the Plans sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanRow {
    /// The plan file.
    pub source: String,
    /// txt | md | docx | rtf.
    pub format: String,
    /// The encoding the text was found in.
    pub encoding: String,
    /// Lines whose diacritics were restored (OCR or unaccented text).
    pub restored_lines: usize,
    /// Số và ký hiệu.
    pub number: Option<String>,
    /// The issuing body's full name.
    pub issuer: Option<String>,
    /// The issuer's administrative level.
    pub level: Option<String>,
    /// The commune, ward, district or province name.
    pub locality: Option<String>,
    /// The year the plan is for.
    pub plan_year: Option<i32>,
    /// "OCOP" or none.
    pub programme: Option<String>,
    /// How many targets the plan states.
    pub targets: usize,
    /// How many products it names.
    pub products: usize,
    /// Its budget total in million VND.
    pub budget_million_vnd: Option<f64>,
    /// How many things the parser could not place.
    pub warnings: usize,
}

/// The Plans sheet's column names, in order.
pub const PLAN_COLUMNS: [&str; 14] = [
    "source",
    "format",
    "encoding",
    "restored_lines",
    "number",
    "issuer",
    "level",
    "locality",
    "plan_year",
    "programme",
    "targets",
    "products",
    "budget_million_vnd",
    "warnings",
];

impl PlanRow {
    /// The record's one row.
    pub fn from_record(record: &PlanRecord) -> PlanRow {
        PlanRow {
            source: record.source.path.clone(),
            format: record.source.format.clone(),
            encoding: record.source.encoding.clone(),
            restored_lines: record.source.restored_lines,
            number: record.number.clone(),
            issuer: record.issuer.name.clone(),
            level: record.issuer.level.clone(),
            locality: record.issuer.locality.clone(),
            plan_year: record.year,
            programme: record.programme.clone(),
            targets: record.targets.len(),
            products: record.products.len(),
            budget_million_vnd: record.budget.total_million_vnd,
            warnings: record.warnings.len(),
        }
    }
}

/// Totals for one (level, star rating, unit) group of targets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StarTotal {
    /// Plans with at least one target in the group.
    pub plans: usize,
    /// Targets in the group.
    pub targets: usize,
    /// Sum of the targets' quantities (targets without one add nothing).
    pub quantity: f64,
}

/// Totals for one administrative level.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LevelTotal {
    /// Plans issued at this level.
    pub plans: usize,
    /// Targets in those plans.
    pub targets: usize,
    /// Sum of their budget totals, million VND.
    pub budget_million_vnd: f64,
    /// Plans that state a budget total.
    pub plans_with_budget: usize,
}

/// Run-wide totals per level and star rating, built as records stream past.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Keyed by level ("" when unknown).
    pub levels: BTreeMap<String, LevelTotal>,
    /// Keyed by (level, stars, unit); stars `None` for targets without a rating.
    pub stars: BTreeMap<(String, Option<u8>, String), StarTotal>,
}

impl Summary {
    /// Adds one plan's targets and budget to the totals.
    pub fn add(&mut self, record: &PlanRecord) {
        let level = record.issuer.level.clone().unwrap_or_default();
        let total = self.levels.entry(level.clone()).or_default();
        total.plans += 1;
        total.targets += record.targets.len();
        if let Some(budget) = record.budget.total_million_vnd {
            total.budget_million_vnd += budget;
            total.plans_with_budget += 1;
        }
        let mut seen = Vec::new();
        for target in &record.targets {
            let key = (
                level.clone(),
                target.stars,
                target.unit.clone().unwrap_or_default(),
            );
            let group = self.stars.entry(key.clone()).or_default();
            if !seen.contains(&key) {
                group.plans += 1;
                seen.push(key);
            }
            group.targets += 1;
            group.quantity += target.quantity.unwrap_or(0.0);
        }
    }
}

/// A table being written, one plan at a time, in the order plans are given.
pub trait TableWriter {
    /// Adds one plan's rows.
    fn add_plan(&mut self, record: &PlanRecord) -> Result<(), WriteError>;
    /// Notes a file that was refused, with the reason.
    fn add_refused(&mut self, path: &str, reason: &str) -> Result<(), WriteError>;
    /// Finishes the table (totals, sheet layout) and flushes it.
    fn finish(self: Box<Self>) -> Result<(), WriteError>;
}

/// Where target rows stream to, one at a time (CSV or JSON Lines).
pub trait RowSink {
    /// Writes one row.
    fn write_row(&mut self, row: &TargetRow) -> Result<(), WriteError>;
    /// Flushes what is buffered.
    fn flush(&mut self) -> Result<(), WriteError>;
}

/// The Targets table streamed row by row into a sink, the refused files into an errors CSV beside it.
pub struct StreamedTargets<S: RowSink, W: Write> {
    rows: S,
    errors: Option<csv::ErrorsCsv<W>>,
}

impl<S: RowSink, W: Write> StreamedTargets<S, W> {
    /// Streams rows into `rows` and, if given, refused files into `errors`.
    pub fn new(rows: S, errors: Option<W>) -> Result<Self, WriteError> {
        let errors = errors.map(csv::ErrorsCsv::new).transpose()?;
        Ok(StreamedTargets { rows, errors })
    }
}

impl<S: RowSink, W: Write> TableWriter for StreamedTargets<S, W> {
    fn add_plan(&mut self, record: &PlanRecord) -> Result<(), WriteError> {
        for row in TargetRow::from_record(record) {
            self.rows.write_row(&row)?;
        }
        Ok(())
    }

    fn add_refused(&mut self, path: &str, reason: &str) -> Result<(), WriteError> {
        if let Some(errors) = &mut self.errors {
            errors.add(path, reason)?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), WriteError> {
        self.rows.flush()?;
        if let Some(errors) = self.errors {
            errors.finish()?;
        }
        Ok(())
    }
}

/// Opens the writer for `format` over `out`; `errors` receives refused files for the
/// formats that keep them outside the table (CSV and JSON Lines; XLSX has an Errors sheet).
pub fn table_writer<'a, W: Write + Send + 'a>(
    format: TableFormat,
    out: W,
    errors: Option<W>,
) -> Result<Box<dyn TableWriter + 'a>, WriteError> {
    Ok(match format {
        TableFormat::Csv => Box::new(StreamedTargets::new(csv::CsvRows::new(out)?, errors)?),
        TableFormat::Jsonl => Box::new(StreamedTargets::new(jsonl::JsonRows::new(out), errors)?),
        TableFormat::Xlsx => Box::new(xlsx::XlsxTables::new(out)?),
    })
}

/// A period as "from-to".
pub fn period_text(period: &Period) -> String {
    format!("{}-{}", period.from, period.to)
}

/// A number as plain text: whole numbers without a decimal point ("4", "61000.5").
pub fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

fn opt(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn opt_num<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::plan::record::{Issuer, Product, Source, Target};

    /// A record built by hand: a commune plan with two targets and one product.
    pub(crate) fn sample_record(path: &str, commune: &str, budget: Option<f64>) -> PlanRecord {
        let mut record = crate::plan::parse_text(
            "",
            Source {
                path: path.to_string(),
                format: "txt".to_string(),
                encoding: "utf-8".to_string(),
                restored_lines: 0,
            },
        );
        record.warnings.clear();
        record.issuer = Issuer {
            name: Some(format!("Ủy ban nhân dân xã {commune}")),
            level: Some("xa".to_string()),
            locality: Some(commune.to_string()),
        };
        record.year = Some(2026);
        record.programme = Some("OCOP".to_string());
        record.budget.total_million_vnd = budget;
        record.targets = vec![
            Target {
                text: "Phấn đấu có ít nhất 04 sản phẩm đạt OCOP từ 03 sao trở lên.".to_string(),
                section: Some("II.1".to_string()),
                quantity: Some(4.0),
                unit: Some("sản phẩm".to_string()),
                stars: Some(3),
                at_least: true,
                year: Some(2026),
                period: None,
            },
            Target {
                text: "Phát triển mới 2,5 điểm bán, \"thí điểm\" giai đoạn 2027-2030.".to_string(),
                section: Some("II.2".to_string()),
                quantity: Some(2.5),
                unit: Some("điểm".to_string()),
                stars: None,
                at_least: false,
                year: None,
                period: Some(Period {
                    from: 2027,
                    to: 2030,
                }),
            },
        ];
        record.products = vec![Product {
            name: "Cam sành Hà Giang".to_string(),
            packaging: Some("hộp 5kg".to_string()),
            owner: Some("HTX Anh Tài".to_string()),
            address: Some("thôn Vĩnh Chính".to_string()),
            stars: Some(3),
            status: Some("certified".to_string()),
        }];
        record
    }

    #[test]
    fn target_rows_carry_plan_and_target_fields() {
        let rows = TargetRow::from_record(&sample_record("a/x.txt", "Vĩnh Tuy", None));
        assert_eq!(rows.len(), 2);
        let cells = rows[0].cells();
        assert_eq!(cells[0], "a/x.txt");
        assert_eq!(cells[1], "Ủy ban nhân dân xã Vĩnh Tuy");
        assert_eq!(cells[7], "4");
        assert_eq!(cells[9], "3");
        assert_eq!(cells[10], "true");
        assert_eq!(rows[1].cells()[7], "2.5");
        assert_eq!(rows[1].cells()[12], "2027-2030");
        assert_eq!(rows[1].cells()[11], "");
    }

    #[test]
    fn summary_groups_by_level_stars_and_unit() {
        let mut summary = Summary::default();
        summary.add(&sample_record("a.txt", "A", Some(100.0)));
        summary.add(&sample_record("b.txt", "B", None));
        let xa = &summary.levels["xa"];
        assert_eq!((xa.plans, xa.targets, xa.plans_with_budget), (2, 4, 1));
        assert_eq!(xa.budget_million_vnd, 100.0);
        let three = &summary.stars[&("xa".to_string(), Some(3), "sản phẩm".to_string())];
        assert_eq!((three.plans, three.targets, three.quantity), (2, 2, 8.0));
    }

    #[test]
    fn formats_follow_extensions() {
        assert_eq!(
            TableFormat::from_path(Path::new("o/T.XLSX")),
            Some(TableFormat::Xlsx)
        );
        assert_eq!(
            TableFormat::from_path(Path::new("t.jsonl")),
            Some(TableFormat::Jsonl)
        );
        assert_eq!(TableFormat::from_path(Path::new("t.txt")), None);
    }
}
