//! Compares every field of the parser's record with the expected records in fixtures/records/.
//!
//! The expected records were written by reading the plans. Rules of comparison:
//! - every field is compared; lists must have the same length, element by element;
//! - a string holding " … " is an abridged quotation: the parsed string must
//!   start with the part before the first " … ", end with the part after the
//!   last, and contain the parts between, in order (so long section texts and
//!   duties can be checked without copying whole pages);
//! - `warnings`: each expected warning must be part of a different parsed
//!   warning, and there must be no more parsed warnings than expected ones.
//!
//! A record shape that does not match the schema fails before any comparison
//! (the expected files are read as `PlanRecord`, and checked against `kehoach schema`).

use std::path::{Path, PathBuf};

use serde_json::Value;

use kehoach::plan::{ParseOptions, PlanRecord, parse_path};

const ELLIPSIS: &str = " … ";

/// Where each record's plan is: the file in fixtures/plans with the same stem.
fn plan_for(record: &Path) -> PathBuf {
    let stem = record.file_stem().unwrap().to_str().unwrap();
    for ext in ["txt", "md", "docx"] {
        let path = PathBuf::from(format!("fixtures/plans/{stem}.{ext}"));
        if path.exists() {
            return path;
        }
    }
    panic!("no plan for {}", record.display());
}

/// True when `actual` fits the abridged quotation `expected`.
fn quotation_fits(expected: &str, actual: &str) -> bool {
    if !expected.contains(ELLIPSIS) {
        return expected == actual;
    }
    let parts: Vec<&str> = expected.split(ELLIPSIS).collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !actual.starts_with(first)
        || !actual.ends_with(last)
        || actual.len() < first.len() + last.len()
    {
        return false;
    }
    let mut rest = &actual[first.len()..actual.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(at) => rest = &rest[at + middle.len()..],
            None => return false,
        }
    }
    true
}

/// Compares two JSON values; counts compared leaves and collects differences with their paths.
fn compare(
    path: &str,
    expected: &Value,
    actual: &Value,
    leaves: &mut usize,
    diffs: &mut Vec<String>,
) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                let child = format!("{path}.{key}");
                match a.get(key) {
                    Some(other) if key == "warnings" => {
                        compare_warnings(&child, value, other, leaves, diffs)
                    }
                    Some(other) => compare(&child, value, other, leaves, diffs),
                    None => diffs.push(format!("{child}: missing")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                *leaves += 1;
                diffs.push(format!(
                    "{path}: {} items expected, {} parsed\n    expected: {}\n    parsed:   {}",
                    e.len(),
                    a.len(),
                    short(expected),
                    short(actual)
                ));
                return;
            }
            for (i, (x, y)) in e.iter().zip(a).enumerate() {
                compare(&format!("{path}[{i}]"), x, y, leaves, diffs);
            }
        }
        (Value::String(e), Value::String(a)) => {
            *leaves += 1;
            if !quotation_fits(e, a) {
                diffs.push(format!("{path}:\n    expected: {e:?}\n    parsed:   {a:?}"));
            }
        }
        (Value::Number(e), Value::Number(a)) => {
            *leaves += 1;
            if (e.as_f64().unwrap() - a.as_f64().unwrap()).abs() > 1e-9 {
                diffs.push(format!("{path}: expected {e}, parsed {a}"));
            }
        }
        _ => {
            *leaves += 1;
            if expected != actual {
                diffs.push(format!(
                    "{path}: expected {}, parsed {}",
                    short(expected),
                    short(actual)
                ));
            }
        }
    }
}

fn compare_warnings(
    path: &str,
    expected: &Value,
    actual: &Value,
    leaves: &mut usize,
    diffs: &mut Vec<String>,
) {
    let wanted: Vec<&str> = expected
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let mut got: Vec<&str> = actual
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    *leaves += 1;
    let mut missing = Vec::new();
    for w in &wanted {
        match got.iter().position(|g| g.contains(w)) {
            Some(i) => {
                got.remove(i);
            }
            None => missing.push(*w),
        }
    }
    if !missing.is_empty() || !got.is_empty() {
        diffs.push(format!(
            "{path}: expected but not found {missing:?}; not expected {got:?}"
        ));
    }
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 300 {
        format!("{}…", text.chars().take(300).collect::<String>())
    } else {
        text
    }
}

/// Parses the plan of one expected record and returns (compared leaves, differences).
fn check(record_path: &Path) -> (usize, Vec<String>) {
    let expected = expected_record(record_path);
    let parsed = parse_path(&plan_for(record_path), &ParseOptions::default()).unwrap();
    compare_records(&expected, &parsed)
}

fn expected_record(record_path: &Path) -> PlanRecord {
    let text = std::fs::read_to_string(record_path).unwrap();
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{}: not a plan record: {e}", record_path.display()))
}

fn compare_records(expected: &PlanRecord, parsed: &PlanRecord) -> (usize, Vec<String>) {
    let expected = serde_json::to_value(expected).unwrap();
    let parsed = serde_json::to_value(parsed).unwrap();
    let mut leaves = 0;
    let mut diffs = Vec::new();
    compare("", &expected, &parsed, &mut leaves, &mut diffs);
    (leaves, diffs)
}

fn records() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("fixtures/records")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
}

/// Records whose plan needs diacritic restoration, compared in their own (ignored) test.
const NEEDS_RESTORATION: [&str; 1] = ["003"];

#[test]
fn every_field_of_every_fixture_record() {
    let mut failed = Vec::new();
    let mut total_leaves = 0;
    let mut total_diffs = 0;
    for record in records() {
        let stem = record.file_stem().unwrap().to_str().unwrap().to_string();
        if NEEDS_RESTORATION.contains(&stem.as_str()) {
            continue;
        }
        let (leaves, diffs) = check(&record);
        total_leaves += leaves;
        total_diffs += diffs.len();
        eprintln!(
            "{stem}: {}/{leaves} fields match",
            leaves - diffs.len().min(leaves)
        );
        if !diffs.is_empty() {
            failed.push(format!(
                "{stem}:\n  {}",
                diffs
                    .iter()
                    .take(12)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n  ")
            ));
        }
    }
    eprintln!(
        "all: {}/{total_leaves} fields match",
        total_leaves - total_diffs.min(total_leaves)
    );
    assert!(failed.is_empty(), "records differ:\n{}", failed.join("\n"));
}

/// Parses fixture 003 through restoration: (compared fields, differences).
fn check_003() -> (usize, Vec<String>) {
    // How many lines restoration touches depends on the restorer: only "some" is expected.
    let record = Path::new("fixtures/records/003.json");
    let mut expected = expected_record(record);
    let parsed = parse_path(&plan_for(record), &ParseOptions::default()).unwrap();
    assert!(parsed.source.restored_lines > 0, "003 was not restored");
    expected.source.restored_lines = parsed.source.restored_lines;
    let (leaves, diffs) = compare_records(&expected, &parsed);
    eprintln!(
        "003: {}/{leaves} fields match",
        leaves - diffs.len().min(leaves)
    );
    (leaves, diffs)
}

#[test]
#[ignore = "restoration is wired; the restored text still differs (chi/chỉ, thị hiếu/thời hiệu, OCR noise)"]
fn fixture_003_through_restoration() {
    let (_, diffs) = check_003();
    assert!(diffs.is_empty(), "003 differs:\n  {}", diffs.join("\n  "));
}

/// Parses the fixture plan of `stem` typed without marks (its text with every mark stripped),
/// through restoration: (compared fields, differences from the record of its clean text).
fn check_typed_without_marks(stem: &str) -> (usize, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let record = PathBuf::from(format!("fixtures/records/{stem}.json"));
    let plan = plan_for(&record);
    let clean = std::fs::read_to_string(&plan).unwrap();
    let typed = dir.path().join(plan.file_name().unwrap());
    std::fs::write(&typed, kehoach::text::syllable::strip_marks(&clean)).unwrap();
    let parsed = parse_path(&typed, &ParseOptions::default()).unwrap();
    assert!(parsed.source.restored_lines > 0, "{stem} was not restored");
    let mut expected = expected_record(&record);
    expected.source = parsed.source.clone();
    compare_records(&expected, &parsed)
}

/// Plans typed without marks (the fixtures' text with every mark stripped) parse to the records
/// of their clean text, through restoration: their headings, targets and signer ("Do Thi Mai
/// Anh", a name alone on its line, is "Đỗ Thị Mai Anh", though "đô thị" is a common pair).
/// (Neither plan is text the embedded model learned from.)
#[test]
fn plans_typed_without_marks_parse_to_the_records_of_their_clean_text() {
    for stem in ["007-pdf-wrapped", "008-points"] {
        let (leaves, diffs) = check_typed_without_marks(stem);
        assert!(leaves > 40, "{stem}: only {leaves} fields");
        assert!(
            diffs.is_empty(),
            "{stem} differs:\n  {}",
            diffs.join("\n  ")
        );
    }
}

/// The other plans of text the embedded model never learned from, typed without marks, keep the
/// fields restoration already gets right. What is still wrong (2026-11-25): OCOP products'
/// names ("Mật ong" read "Mặt ông", "Miến dong" "Miễn đồng", "Chè" "Chế"), "chai 500ml"
/// "chải", "Phấn đấu có" "Phân đầu có", "Tháng 9" after a colon "Thắng 9", and the names
/// "Phìn Ủng", "Vàng Seo Sử", "Lù Văn Sinh".
#[test]
fn plans_typed_without_marks_keep_what_restoration_gets_right() {
    for (stem, right_at_least, of) in [
        ("005-district-budget", 132, 142),
        ("009-blank-number", 72, 77),
        ("010-party-committee", 80, 83),
    ] {
        let (leaves, diffs) = check_typed_without_marks(stem);
        let right = leaves - diffs.len().min(leaves);
        assert_eq!(leaves, of, "{stem}: the record's fields changed");
        assert!(
            right >= right_at_least,
            "{stem}: {right}/{leaves} fields match, fewer than {right_at_least}:\n  {}",
            diffs.join("\n  ")
        );
    }
}

/// Until 003 parses in full, what it already gets right must not slip back.
#[test]
fn fixture_003_keeps_what_restoration_gets_right() {
    const FIELDS_RIGHT_AT_LEAST: usize = 135;
    let (leaves, diffs) = check_003();
    let right = leaves - diffs.len().min(leaves);
    assert!(
        right >= FIELDS_RIGHT_AT_LEAST,
        "003: {right}/{leaves} fields match, fewer than {FIELDS_RIGHT_AT_LEAST}:\n  {}",
        diffs.join("\n  ")
    );
}

/// A minimal JSON Schema check (type, const, enum, minimum, maximum, required, properties, additionalProperties, items, $ref, anyOf, pattern).
fn validate(schema: &Value, root: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        return validate(&root["$defs"][name], root, value, path, errors);
    }
    if let Some(options) = schema.get("anyOf").and_then(Value::as_array) {
        let fits = options.iter().any(|o| {
            let mut e = Vec::new();
            validate(o, root, value, path, &mut e);
            e.is_empty()
        });
        if !fits {
            errors.push(format!("{path}: fits none of anyOf"));
        }
        return;
    }
    if let Some(c) = schema.get("const")
        && c != value
    {
        errors.push(format!("{path}: not {c}"));
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array)
        && !options.contains(value)
    {
        errors.push(format!("{path}: {value} not in enum"));
    }
    if let Some(kind) = schema.get("type") {
        let kinds: Vec<&str> = match kind {
            Value::String(k) => vec![k.as_str()],
            Value::Array(ks) => ks.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let actual = match value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        if !kinds
            .iter()
            .any(|k| *k == actual || (*k == "number" && actual == "integer"))
        {
            errors.push(format!("{path}: {actual} is not {kinds:?}"));
        }
    }
    if let Some(n) = value.as_f64() {
        let below = schema
            .get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n < m);
        let above = schema
            .get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n > m);
        if below || above {
            errors.push(format!("{path}: {n} out of range"));
        }
    }
    if let (Some(pattern), Some(text)) = (
        schema.get("pattern").and_then(Value::as_str),
        value.as_str(),
    ) && !regex::Regex::new(pattern).unwrap().is_match(text)
    {
        errors.push(format!("{path}: {text:?} does not match {pattern}"));
    }
    if let Value::Object(map) = value {
        for name in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !map.contains_key(name.as_str().unwrap()) {
                errors.push(format!("{path}: missing {name}"));
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (key, child) in map {
            match properties.and_then(|p| p.get(key)) {
                Some(s) => validate(s, root, child, &format!("{path}.{key}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: unexpected {key}"))
                }
                None => {}
            }
        }
    }
    if let (Value::Array(items), Some(item_schema)) = (value, schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            validate(item_schema, root, item, &format!("{path}[{i}]"), errors);
        }
    }
}

#[test]
fn expected_and_parsed_records_fit_the_schema() {
    let schema = kehoach::plan::schema::schema();
    for record in records() {
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
        let parsed =
            serde_json::to_value(parse_path(&plan_for(&record), &ParseOptions::default()).unwrap())
                .unwrap();
        for value in [&expected, &parsed] {
            let mut errors = Vec::new();
            validate(&schema, &schema, value, "", &mut errors);
            assert!(errors.is_empty(), "{}: {errors:?}", record.display());
        }
    }
}

#[test]
fn records_of_every_input_format_fit_the_schema() {
    // A record of a Word 97 file once said "doc", which the schema did not list. One file of
    // each format: fixtures (.txt, .docx, .md) and legacy originals (.doc, .rtf).
    let schema = kehoach::plan::schema::schema();
    let legacy = Path::new("../shared/corpus/legacy-encoded/tcvn3");
    let mut inputs = vec![
        PathBuf::from("fixtures/plans/000.txt"),
        PathBuf::from("fixtures/plans/006-header-table.docx"),
        PathBuf::from("fixtures/plans/009-blank-number.md"),
    ];
    inputs.extend(
        ["2002-0112qd.doc", "2003-A30.rtf"]
            .iter()
            .map(|name| legacy.join(name))
            .filter(|path| path.exists()),
    );
    let mut formats = Vec::new();
    for input in &inputs {
        let record = parse_path(input, &ParseOptions::default()).unwrap();
        formats.push(record.source.format.clone());
        let mut errors = Vec::new();
        validate(
            &schema,
            &schema,
            &serde_json::to_value(&record).unwrap(),
            "",
            &mut errors,
        );
        assert!(errors.is_empty(), "{}: {errors:?}", input.display());
    }
    if legacy.is_dir() {
        assert_eq!(formats, ["txt", "docx", "md", "doc", "rtf"]);
    }
}

#[test]
fn schema_check_rejects_a_bad_record() {
    let schema = kehoach::plan::schema::schema();
    let mut bad: Value =
        serde_json::from_str(&std::fs::read_to_string("fixtures/records/000.json").unwrap())
            .unwrap();
    bad["issuer"]["level"] = Value::String("village".into());
    bad["date"]["month"] = Value::from(13);
    let mut errors = Vec::new();
    validate(&schema, &schema, &bad, "", &mut errors);
    assert_eq!(errors.len(), 2, "{errors:?}");
}

#[test]
fn abridged_quotations() {
    assert!(quotation_fits("a … c", "a b c"));
    assert!(quotation_fits("a … b … d", "a x b y d"));
    assert!(!quotation_fits("a … b … d", "a x y d"));
    assert!(!quotation_fits("a … c", "a b"));
    assert!(quotation_fits("exact", "exact"));
    assert!(!quotation_fits("exact", "exact too"));
}
