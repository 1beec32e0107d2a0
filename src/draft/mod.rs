//! Draft next year's plan: roll a record forward to a new year, then apply a data file.
//!
//! Rolling changes what the plan says about its own year ("năm 2026" in the
//! title, sections, targets and schedule) and leaves cited documents alone
//! (legal bases, full dates "ngày 31 tháng 12 năm 2025", numeric dates and
//! document numbers). Last year's plan becomes a legal basis of the new one.
//! The data file (TOML or JSON, the record's own field names) then sets any
//! field; new products, targets, budget lines and assignments are also written
//! into the matching sections so that the rendered text says what the record says.

use crate::text::roman;
use std::path::Path;

use regex::Regex;
use serde_json::Value;

use crate::plan::check::{budget_line_wrong, product_wrong, target_wrong, whole_values_wrong};
use crate::plan::record::{
    Assignment, BudgetLine, LegalBasis, PlanRecord, Product, Section, Target,
};

/// Why a plan could not be drafted.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    /// The source plan says nothing of its year, so nothing can be rolled.
    #[error("the source plan has no year (neither `year` nor `date.year`); set `year` in it")]
    NoSourceYear,
    /// The new year is before the source plan's.
    #[error("year {year} is before the source plan's year {source_year}")]
    YearBeforeSource {
        /// The year asked for.
        year: i32,
        /// The source plan's year.
        source_year: i32,
    },
    /// The data file could not be read or parsed.
    #[error("{path}: {message}")]
    DataFile {
        /// The data file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A field of the data file is unknown or has the wrong type.
    #[error("{path}: field `{field}`: {message}")]
    DataField {
        /// The data file.
        path: String,
        /// The field path (`products[2].stars`).
        field: String,
        /// What is wrong.
        message: String,
    },
}

/// The year a record is for: `year`, else the year of its date.
pub fn plan_year(record: &PlanRecord) -> Option<i32> {
    record.year.or(record.date.year)
}

/// Rolls a plan forward to `year`: its own year references, period, date and number.
pub fn roll_forward(record: &PlanRecord, year: i32) -> Result<PlanRecord, DraftError> {
    let source_year = plan_year(record).ok_or(DraftError::NoSourceYear)?;
    if year < source_year {
        return Err(DraftError::YearBeforeSource { year, source_year });
    }
    let shift = year - source_year;
    let mut next = record.clone();
    let mut roll = YearRoller::new(source_year, year);
    if let Some(period) = &mut next.period
        && year > period.to
    {
        let length = period.to - period.from + 1;
        let old = format!("{}-{}", period.from, period.to);
        period.from = period.to + 1;
        period.to = period.from + length - 1;
        roll.period = Some((old, format!("{}-{}", period.from, period.to)));
    }
    next.year = Some(year);
    next.number = None;
    next.date.day = None;
    next.date.month = None;
    next.date.year = record.date.year.map(|y| y + shift);
    next.title = next.title.as_deref().map(|t| roll.text(t));
    roll_sections(&mut next.sections, &roll);
    let moved = renumber(&mut next.sections);
    for target in &mut next.targets {
        if let Some(section) = &target.section
            && let Some((_, new)) = moved.iter().find(|(old, _)| old == section)
        {
            target.section = Some(new.clone());
        }
    }
    for target in &mut next.targets {
        target.text = roll.text(&target.text);
        if target.year == Some(source_year) {
            target.year = Some(year);
        }
    }
    for step in &mut next.schedule {
        step.task = roll.text(&step.task);
        step.when = roll.text(&step.when);
    }
    for assignment in &mut next.assignments {
        for duty in &mut assignment.duties {
            *duty = roll.text(duty);
        }
    }
    for line in &mut next.budget.lines {
        line.label = roll.text(&line.label);
    }
    if shift > 0 {
        next.legal_bases.push(source_as_basis(record));
    }
    next.warnings.clear();
    next.source.restored_lines = 0;
    Ok(next)
}

/// Last year's plan as a cited document of the new one.
fn source_as_basis(record: &PlanRecord) -> LegalBasis {
    let date = match (record.date.year, record.date.month, record.date.day) {
        (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
        _ => None,
    };
    LegalBasis {
        kind: Some("Kế hoạch".to_string()),
        number: record.number.clone(),
        date,
        issuer: record.issuer.name.clone(),
        subject: record.title.as_deref().map(crate::text::lower_first),
    }
}

/// Rewrites a plan's references to its own year.
struct YearRoller {
    from: i32,
    to: i32,
    period: Option<(String, String)>,
    year: Regex,
}

impl YearRoller {
    fn new(from: i32, to: i32) -> YearRoller {
        // "năm 2026" and "Năm 2026", with what stands before it to tell a full date apart.
        let year = Regex::new(r"(?i)(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+)?(năm\s+)(\d{4})\b")
            .expect("the year pattern compiles");
        YearRoller {
            from,
            to,
            period: None,
            year,
        }
    }

    /// The text with "năm FROM" as "năm TO" (not inside full dates) and the old period as the new.
    fn text(&self, text: &str) -> String {
        let from = self.from.to_string();
        let rolled = self.year.replace_all(text, |caps: &regex::Captures| {
            let whole = &caps[0];
            if caps.get(1).is_some() || caps[3] != from {
                whole.to_string()
            } else {
                format!("{}{}", &caps[2], self.to)
            }
        });
        match &self.period {
            Some((old, new)) => rolled.replace(old.as_str(), new),
            None => rolled.into_owned(),
        }
    }
}

fn roll_sections(sections: &mut [Section], roll: &YearRoller) {
    for section in sections {
        section.title = roll.text(&section.title);
        section.text = roll.text(&section.text);
        roll_sections(&mut section.children, roll);
    }
}

/// The Vietnamese alphabet order of lettered points ("a)", "b)", ..., "đ)", ...).
const POINT_LETTERS: &[&str] = &[
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// Numbers the heading tree in sequence (I, II, III; 1, 2, 3; a, b, c, d, đ) where a plan
/// repeated or skipped a label, upper-cases Roman headings, and returns the label paths
/// that changed, (old, new), each for the first heading that had the old path.
fn renumber(sections: &mut [Section]) -> Vec<(String, String)> {
    fn walk(
        sections: &mut [Section],
        old_prefix: &str,
        new_prefix: &str,
        moved: &mut Vec<(String, String)>,
    ) {
        let (mut romans, mut numbers, mut letters) = (0usize, 0u32, 0usize);
        for section in sections {
            let old = section.label.clone();
            if is_roman(&old) {
                romans += 1;
                section.label = roman(u32::try_from(romans).unwrap_or(u32::MAX));
                section.title = section.title.to_uppercase();
            } else if old.parse::<u32>().is_ok() {
                numbers += 1;
                section.label = numbers.to_string();
            } else if let Some(letter) = POINT_LETTERS.get(letters)
                && POINT_LETTERS.contains(&old.as_str())
            {
                letters += 1;
                section.label = (*letter).to_string();
            }
            let join = |prefix: &str, label: &str| {
                if prefix.is_empty() {
                    label.to_string()
                } else {
                    format!("{prefix}.{label}")
                }
            };
            let (old_path, new_path) = (join(old_prefix, &old), join(new_prefix, &section.label));
            // A label path names the first heading that had it; later repeats keep no mapping.
            if !moved.iter().any(|(o, _)| *o == old_path) {
                moved.push((old_path.clone(), new_path.clone()));
            }
            walk(&mut section.children, &old_path, &new_path, moved);
        }
    }
    let mut moved = Vec::new();
    walk(sections, "", "", &mut moved);
    moved.retain(|(old, new)| old != new);
    moved
}

/// True for a Roman numeral label ("IV").
fn is_roman(label: &str) -> bool {
    !label.is_empty() && label.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// Reads a data file: TOML (.toml) or JSON (anything else), as a JSON value.
pub fn load_data(path: &Path) -> Result<Value, DraftError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|err| DraftError::DataFile {
        path: shown.clone(),
        message: format!("cannot read: {err}"),
    })?;
    let is_toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if is_toml {
        let value: toml::Value = toml::from_str(&text).map_err(|err| DraftError::DataFile {
            path: shown.clone(),
            message: format!("not valid TOML: {err}"),
        })?;
        // JSON has no nan or inf: they would become null, a value left out, without a word.
        if let Some(field) = not_a_number(&value, String::new()) {
            return Err(DraftError::DataField {
                path: shown,
                field,
                message: "nan and inf are not amounts".to_string(),
            });
        }
        serde_json::to_value(value).map_err(|err| DraftError::DataFile {
            path: shown,
            message: err.to_string(),
        })
    } else {
        serde_json::from_str(&text).map_err(|err| DraftError::DataFile {
            path: shown,
            message: format!("not valid JSON: {err}"),
        })
    }
}

/// The field path of the first float in `value` that is nan or infinite.
fn not_a_number(value: &toml::Value, path: String) -> Option<String> {
    match value {
        toml::Value::Float(f) if !f.is_finite() => Some(path),
        toml::Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| not_a_number(item, format!("{path}[{i}]"))),
        toml::Value::Table(table) => table.iter().find_map(|(key, item)| {
            let field = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            not_a_number(item, field)
        }),
        _ => None,
    }
}

/// Applies a data file to a record: objects merge field by field, lists of products,
/// targets, budget lines and assignments add to last year's (or replace the item of the
/// same name; for products, of the same name and status),
/// other values replace. `origin` names the data file in errors.
pub fn apply_data(
    record: &PlanRecord,
    data: &Value,
    origin: &str,
) -> Result<PlanRecord, DraftError> {
    let field_error = |field: String, message: String| DraftError::DataField {
        path: origin.to_string(),
        field,
        message,
    };
    let Value::Object(data) = data else {
        return Err(field_error(
            "(top level)".to_string(),
            "the data must be a table of record fields".to_string(),
        ));
    };
    let lists = [
        ("products", data.get("products")),
        ("targets", data.get("targets")),
        ("assignments", data.get("assignments")),
        (
            "budget.lines",
            data.get("budget").and_then(|b| b.get("lines")),
        ),
    ];
    for (key, items) in lists {
        let Some(Value::Array(items)) = items else {
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            let checked = match key {
                "products" => check_item::<Product>(item, product_wrong),
                "targets" => check_item::<Target>(item, target_wrong),
                "assignments" => check_item::<Assignment>(item, |_| None),
                _ => check_item::<BudgetLine>(item, budget_line_wrong),
            };
            checked.map_err(|(path, message)| {
                let field = if path.is_empty() || path == "." {
                    format!("{key}[{i}]")
                } else {
                    format!("{key}[{i}].{path}")
                };
                field_error(field, message)
            })?;
        }
    }
    let mut merged = serde_json::to_value(record).expect("a record serializes");
    check_and_merge(&mut merged, &Value::Object(data.clone()), "", &field_error)?;
    let mut next: PlanRecord = serde_path_to_error::deserialize(merged).map_err(|err| {
        let field = err.path().to_string();
        field_error(field, err.into_inner().to_string())
    })?;
    for (key, wrong) in whole_values_wrong(&next) {
        if let (true, Some((field, message))) = (data.contains_key(key), wrong) {
            return Err(field_error(field, message));
        }
    }
    let original_products = record.products.clone();
    // A product may be both certified (last year's stars) and planned for an upgrade.
    next.products = merge_by(&record.products, &next.products, |p: &Product| {
        (p.name.clone(), p.status.clone())
    });
    next.assignments = merge_by(&record.assignments, &next.assignments, |a: &Assignment| {
        a.agency.clone()
    });
    next.budget.lines = merge_by(
        &record.budget.lines,
        &next.budget.lines,
        |l: &BudgetLine| l.label.clone(),
    );
    next.targets = merge_by(&record.targets, &next.targets, |t: &Target| t.text.clone());
    if !data.contains_key("sections") {
        write_into_sections(&mut next, &original_products, record, data);
    }
    Ok(next)
}

/// Checks one item of a data file's list against its record type, then its values with
/// `wrong` (which names a field and says what is wrong with it): (field path, message).
fn check_item<T: serde::de::DeserializeOwned>(
    item: &Value,
    wrong: impl Fn(&T) -> Option<(String, String)>,
) -> Result<(), (String, String)> {
    let typed = serde_path_to_error::deserialize::<_, T>(item.clone())
        .map_err(|err| (err.path().to_string(), err.into_inner().to_string()))?;
    wrong(&typed).map_or(Ok(()), Err)
}

/// Keys whose lists add to the record's rather than replace it.
const ADDITIVE_LISTS: &[&str] = &["products", "targets", "assignments", "budget.lines"];

/// Merges `data` into `target`, refusing unknown fields and values of the wrong kind.
fn check_and_merge(
    target: &mut Value,
    data: &Value,
    path: &str,
    error: &dyn Fn(String, String) -> DraftError,
) -> Result<(), DraftError> {
    let (Value::Object(target), Value::Object(data)) = (target, data) else {
        return Ok(());
    };
    for (key, value) in data {
        let field = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        let Some(slot) = target.get_mut(key) else {
            let known: Vec<&str> = target.keys().map(String::as_str).collect();
            return Err(error(
                field,
                format!("unknown field (known here: {})", known.join(", ")),
            ));
        };
        let structured = slot.is_object() || slot.is_array();
        if structured && kind(slot) != kind(value) {
            return Err(error(
                field,
                format!("expected a {}, found a {}", kind(slot), kind(value)),
            ));
        }
        match (&mut *slot, value) {
            (Value::Object(_), Value::Object(_)) => check_and_merge(slot, value, &field, error)?,
            (Value::Array(existing), Value::Array(items))
                if ADDITIVE_LISTS.contains(&field.as_str()) =>
            {
                // Kept whole here; merged by name after typing, so new items are checked too.
                existing.extend(items.iter().cloned());
            }
            _ => *slot = value.clone(),
        }
    }
    Ok(())
}

/// A JSON value's kind, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "table",
    }
}

/// `merged` holds `old` followed by new items; an item whose key is already there replaces it.
fn merge_by<T: Clone, K: PartialEq>(old: &[T], merged: &[T], key: impl Fn(&T) -> K) -> Vec<T> {
    let mut out: Vec<T> = merged[..old.len().min(merged.len())].to_vec();
    for item in &merged[old.len().min(merged.len())..] {
        match out.iter().position(|have| key(have) == key(item)) {
            Some(at) => out[at] = item.clone(),
            None => out.push(item.clone()),
        }
    }
    out
}

/// Writes what the data file added into the sections the document shows.
fn write_into_sections(
    next: &mut PlanRecord,
    old_products: &[Product],
    old: &PlanRecord,
    data: &serde_json::Map<String, Value>,
) {
    let year = next.year.unwrap_or_default();
    if data.contains_key("products") || data.contains_key("targets") {
        let mut lines = Vec::new();
        for target in next.targets.iter().filter(|t| !old.targets.contains(t)) {
            lines.push(target.text.clone());
        }
        let new_products: Vec<&Product> = next
            .products
            .iter()
            .filter(|p| !old_products.contains(p) && p.status.as_deref() != Some("certified"))
            .collect();
        if !new_products.is_empty() {
            // No count here: the count is a target's, and the targets say it.
            lines.push(format!(
                "Các sản phẩm dự kiến tham gia đánh giá, phân hạng sản phẩm OCOP năm {year}:"
            ));
            for (i, product) in new_products.iter().enumerate() {
                let end = if i + 1 == new_products.len() {
                    "."
                } else {
                    ";"
                };
                lines.push(format!("- {}{end}", describe_product(product)));
            }
        }
        append_to_section(
            &mut next.sections,
            &["MỤC TIÊU"],
            &format!("Mục tiêu cụ thể năm {year}"),
            &lines,
        );
    }
    if data
        .get("budget")
        .is_some_and(|b| b.get("lines").is_some() || b.get("total_million_vnd").is_some())
    {
        let mut lines = Vec::new();
        if let Some(total) = next.budget.total_million_vnd {
            lines.push(format!(
                "Tổng kinh phí dự kiến là {} triệu đồng, gồm:",
                vn_number(total)
            ));
        }
        let count = next.budget.lines.len();
        for (i, line) in next.budget.lines.iter().enumerate() {
            let end = if i + 1 == count { "." } else { ";" };
            match line.million_vnd {
                Some(amount) => lines.push(format!(
                    "- {}: {} triệu đồng{end}",
                    line.label,
                    vn_number(amount)
                )),
                None => lines.push(format!("- {}{end}", line.label)),
            }
        }
        append_to_section(
            &mut next.sections,
            &["KINH PHÍ"],
            &format!("Dự toán kinh phí năm {year}"),
            &lines,
        );
    }
    if data.contains_key("assignments") {
        for assignment in next
            .assignments
            .iter()
            .filter(|a| !old.assignments.contains(a))
        {
            write_assignment(&mut next.sections, assignment);
        }
    }
}

/// "Cam sành (hộp 5kg) của HTX Anh Tài, thôn Vĩnh Chính, dự kiến đạt 3 sao".
fn describe_product(product: &Product) -> String {
    let mut text = format!("Sản phẩm {}", product.name);
    if let Some(packaging) = &product.packaging {
        text.push_str(&format!(" ({packaging})"));
    }
    if let Some(owner) = &product.owner {
        text.push_str(&format!(" của {owner}"));
    }
    if let Some(address) = &product.address {
        text.push_str(&format!(" - {address}"));
    }
    match (product.stars, product.status.as_deref()) {
        (Some(stars), Some("upgrade")) => text.push_str(&format!(", nâng hạng lên {stars} sao")),
        (Some(stars), _) => text.push_str(&format!(", dự kiến đạt {stars} sao")),
        _ => {}
    }
    text
}

/// A number the Vietnamese way: "." for thousands, "," for decimals ("61.000,0").
fn vn_number(value: f64) -> String {
    let fixed = format!("{value:.1}");
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, "0"));
    let digits: Vec<char> = int.chars().collect();
    let mut grouped = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) && *c != '-' && digits[i - 1] != '-' {
            grouped.push('.');
        }
        grouped.push(*c);
    }
    format!("{grouped},{frac}")
}

/// Appends paragraphs to the top-level section whose title contains one of `titles`:
/// to its text, or as a new numbered item headed `heading` when it has items.
fn append_to_section(sections: &mut [Section], titles: &[&str], heading: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    let found = sections.iter_mut().find(|s| {
        let upper = s.title.to_uppercase();
        titles.iter().any(|t| upper.contains(t))
    });
    let Some(section) = found else {
        return;
    };
    let text = lines.join("\n");
    if section.children.is_empty() {
        let own = section.text.trim_end();
        section.text = if own.is_empty() {
            text
        } else {
            format!("{own}\n{text}")
        };
    } else {
        let label = next_label(&section.children);
        section.children.push(Section {
            label,
            title: heading.to_string(),
            text,
            children: vec![],
        });
    }
}

/// The label after the last numbered child ("3" after "1", "2").
fn next_label(children: &[Section]) -> String {
    let last = children
        .iter()
        .filter_map(|c| c.label.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    (last + 1).to_string()
}

/// Writes an assignment under "TỔ CHỨC THỰC HIỆN": replaces its agency's item or adds one.
fn write_assignment(sections: &mut [Section], assignment: &Assignment) {
    let Some(section) = sections
        .iter_mut()
        .find(|s| s.title.to_uppercase().contains("TỔ CHỨC THỰC HIỆN"))
    else {
        return;
    };
    let text = assignment.duties.join("\n");
    if let Some(item) = section
        .children
        .iter_mut()
        .find(|c| c.title.trim() == assignment.agency.trim())
    {
        item.text = text;
        return;
    }
    let label = next_label(&section.children);
    section.children.push(Section {
        label,
        title: assignment.agency.clone(),
        text,
        children: vec![],
    });
}

/// Rolls `record` forward to `year` and applies `data` (if any) from `origin`.
pub fn draft(
    record: &PlanRecord,
    year: i32,
    data: Option<(&Value, &str)>,
) -> Result<PlanRecord, DraftError> {
    let rolled = roll_forward(record, year)?;
    match data {
        Some((data, origin)) => apply_data(&rolled, data, origin),
        None => Ok(rolled),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rolls_the_plan_year_not_full_dates() {
        let roll = YearRoller::new(2026, 2027);
        assert_eq!(
            roll.text("Kế hoạch năm 2026; văn bản ngày 31 tháng 12 năm 2026; Năm 2026 và năm 2025; 31/12/2026"),
            "Kế hoạch năm 2027; văn bản ngày 31 tháng 12 năm 2026; Năm 2027 và năm 2025; 31/12/2026"
        );
        assert_eq!(
            roll.text("trong tháng 4 năm 2026"),
            "trong tháng 4 năm 2027"
        );
    }

    #[test]
    fn renumbers_repeated_romans_and_points() {
        let section = |label: &str, title: &str, children: Vec<Section>| Section {
            label: label.into(),
            title: title.into(),
            text: String::new(),
            children,
        };
        let mut sections = vec![
            section("I", "Mục đích", vec![]),
            section("II", "MỤC TIÊU", vec![]),
            section(
                "II",
                "NGUỒN KINH PHÍ",
                vec![section("1", "", vec![]), section("3", "", vec![])],
            ),
            section(
                "III",
                "TỔ CHỨC",
                vec![section("a", "", vec![]), section("c", "", vec![])],
            ),
        ];
        let moved = renumber(&mut sections);
        let labels: Vec<&str> = sections.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["I", "II", "III", "IV"]);
        assert_eq!(sections[0].title, "MỤC ĐÍCH");
        assert_eq!(sections[2].children[1].label, "2");
        assert_eq!(sections[3].children[1].label, "b");
        assert!(moved.contains(&("III".to_string(), "IV".to_string())));
        // The first "II" keeps its label, so "II" maps to nothing new.
        assert!(!moved.iter().any(|(old, _)| old == "II"));
        assert_eq!(roman(14), "XIV");
    }

    #[test]
    fn vietnamese_numbers() {
        assert_eq!(vn_number(61000.0), "61.000,0");
        assert_eq!(vn_number(150.5), "150,5");
    }

    #[test]
    fn merge_replaces_by_key_and_appends_new() {
        let merged = merge_by(&[1, 2], &[1, 2, 2, 3], |x| *x);
        assert_eq!(merged, [1, 2, 3]);
    }
}
