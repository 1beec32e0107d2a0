//! The plan record: what `kehoach parse` prints for one KẾ HOẠCH (see docs/plan-record.md).

use serde::{Deserialize, Serialize};

/// The record's schema version; bump it when a field changes name or shape.
pub const SCHEMA_VERSION: u32 = 1;

/// One parsed plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRecord {
    /// The schema version of this record.
    pub schema_version: u32,
    /// Where the text came from and what was done to it.
    pub source: Source,
    /// Tên loại, upper case ("KẾ HOẠCH").
    pub doc_type: Option<String>,
    /// Số và ký hiệu ("103/KH-UBND"); null when the number is left blank.
    pub number: Option<String>,
    /// Ký hiệu alone ("KH-UBND"), also when the number is blank.
    pub symbol: Option<String>,
    /// The issuing body.
    pub issuer: Issuer,
    /// Địa danh of the date line.
    pub place: Option<String>,
    /// Date of issue; any part may be blank.
    pub date: DocDate,
    /// Trích yếu: what the plan is about.
    pub title: Option<String>,
    /// "OCOP" when the plan is about the OCOP programme, else null.
    pub programme: Option<String>,
    /// The year the plan is for.
    pub year: Option<i32>,
    /// A multi-year span the plan covers or orients to.
    pub period: Option<Period>,
    /// Căn cứ / "Thực hiện văn bản ..." references, in order.
    pub legal_bases: Vec<LegalBasis>,
    /// The heading tree.
    pub sections: Vec<Section>,
    /// Every quantified goal found in the plan.
    pub targets: Vec<Target>,
    /// Named products with a star rating.
    pub products: Vec<Product>,
    /// Budget totals, lines and sources.
    pub budget: Budget,
    /// Who does what (tổ chức thực hiện).
    pub assignments: Vec<Assignment>,
    /// Dated steps.
    pub schedule: Vec<ScheduleStep>,
    /// Nơi nhận, one per entry.
    pub recipients: Vec<String>,
    /// The signature block.
    pub signature: Signature,
    /// What the parser saw but could not place.
    pub warnings: Vec<String>,
}

impl PlanRecord {
    /// The record of a text from `source` before anything is read from it: every field empty.
    pub fn new(source: Source) -> PlanRecord {
        PlanRecord {
            schema_version: SCHEMA_VERSION,
            source,
            ..PlanRecord::default()
        }
    }
}

/// Where a record's text came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Path of the input file.
    pub path: String,
    /// txt | md | docx | rtf | json.
    pub format: String,
    /// utf-8 | utf-16le | utf-16be | tcvn3 | vni | viqr | cp1258.
    pub encoding: String,
    /// Lines whose diacritics were restored (0 for clean text).
    pub restored_lines: usize,
}

/// The issuing body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    /// Full name, "UBND" expanded ("Ủy ban nhân dân phường Yên Hòa").
    pub name: Option<String>,
    /// xa | phuong | thi_tran | huyen | thi_xa | thanh_pho_thuoc_tinh | tinh | thanh_pho_tw.
    pub level: Option<String>,
    /// The commune/ward/district/province name.
    pub locality: Option<String>,
}

/// A date whose parts may each be blank.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocDate {
    /// Day of month.
    pub day: Option<u32>,
    /// Month.
    pub month: Option<u32>,
    /// Year.
    pub year: Option<i32>,
}

/// A span of years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First year.
    pub from: i32,
    /// Last year.
    pub to: i32,
}

/// A cited document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalBasis {
    /// Kind of document ("Nghị quyết", "Quyết định", "Văn bản", ...).
    pub kind: Option<String>,
    /// Number and symbol ("148/QĐ-TTg").
    pub number: Option<String>,
    /// ISO date "YYYY-MM-DD".
    pub date: Option<String>,
    /// Issuing body.
    pub issuer: Option<String>,
    /// What it is about.
    pub subject: Option<String>,
}

/// One heading with the text under it and its sub-headings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// "I", "1", "1.1", "a".
    pub label: String,
    /// Heading text.
    pub title: String,
    /// Body text directly under the heading.
    pub text: String,
    /// Sub-headings.
    pub children: Vec<Section>,
}

/// A quantified goal (chỉ tiêu).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The sentence stating it.
    pub text: String,
    /// Labels of the enclosing headings joined with ".".
    pub section: Option<String>,
    /// How many.
    pub quantity: Option<f64>,
    /// Of what ("sản phẩm").
    pub unit: Option<String>,
    /// Star rating, if any.
    pub stars: Option<u8>,
    /// "ít nhất", "trở lên", "trên".
    pub at_least: bool,
    /// Due year.
    pub year: Option<i32>,
    /// Due period.
    pub period: Option<Period>,
}

/// A named product.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
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

/// Budget of the plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Total in million VND.
    pub total_million_vnd: Option<f64>,
    /// Budget lines.
    pub lines: Vec<BudgetLine>,
    /// Funding sources named.
    pub sources: Vec<String>,
}

/// One budget line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    /// What the money is for or where it comes from.
    pub label: String,
    /// Amount in million VND.
    pub million_vnd: Option<f64>,
}

/// What one agency is to do.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// The agency.
    pub agency: String,
    /// Its duties, one per item.
    pub duties: Vec<String>,
}

/// A dated step.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleStep {
    /// What is done.
    pub task: String,
    /// When ("Trong quý II-IV năm 2026").
    pub when: String,
}

/// The signature block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// "TM. ỦY BAN NHÂN DÂN".
    pub authority: Option<String>,
    /// "KT. CHỦ TỊCH".
    pub capacity: Option<String>,
    /// "PHÓ CHỦ TỊCH".
    pub title: Option<String>,
    /// The signer's name.
    pub name: Option<String>,
}
