//! Round trip: parse(render(record)) gives back the record's fields, for the fixture
//! records and for a drafted 2027 plan, through DOCX and Markdown.

use std::path::{Path, PathBuf};

use kehoach::draft::{draft, load_data};
use kehoach::plan::record::Section;
use kehoach::plan::{ParseOptions, PlanRecord, parse_path};
use kehoach::render::{OutputKind, render};
use kehoach::text::upper_first;

/// The heading tree as (label, title) pairs, in reading order.
fn headings(sections: &[Section]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for s in sections {
        out.push((s.label.clone(), s.title.clone()));
        out.extend(headings(&s.children));
    }
    out
}

/// True when some section text is abridged with "…".
fn abridged(sections: &[Section]) -> bool {
    sections
        .iter()
        .any(|s| s.text.contains('…') || abridged(&s.children))
}

/// Renders `record` as `kind`, parses it back and compares the fields that the document carries.
fn assert_round_trip(record: &PlanRecord, kind: OutputKind, name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let ext = match kind {
        OutputKind::Docx => "docx",
        OutputKind::Markdown => "md",
        OutputKind::Html => "html",
    };
    let path = dir.path().join(format!("{name}.{ext}"));
    std::fs::write(&path, render(record, kind).unwrap()).unwrap();
    let back = parse_path(&path, &ParseOptions::default()).unwrap();
    let what = format!("{name} through {ext}");
    assert_eq!(back.number, record.number, "{what}: number");
    assert_eq!(back.symbol, record.symbol, "{what}: symbol");
    assert_eq!(back.issuer.name, record.issuer.name, "{what}: issuer");
    assert_eq!(back.place, record.place, "{what}: place");
    assert_eq!(back.date, record.date, "{what}: date");
    // The trích yếu is printed with a capital first letter, whatever the record's case.
    let printed_title = record.title.as_deref().map(upper_first);
    assert_eq!(back.title, printed_title, "{what}: title");
    assert_eq!(back.year, record.year, "{what}: year");
    assert_eq!(back.legal_bases, record.legal_bases, "{what}: legal bases");
    assert_eq!(
        headings(&back.sections),
        headings(&record.sections),
        "{what}: headings"
    );
    assert_eq!(back.recipients, record.recipients, "{what}: recipients");
    assert_eq!(back.signature, record.signature, "{what}: signature");
    // Products and targets come from the body text; an expected record that abridges it ("…")
    // cannot give them all back.
    if abridged(&record.sections) {
        return;
    }
    let names = |r: &PlanRecord| {
        r.products
            .iter()
            .map(|p| p.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&back), names(record), "{what}: products");
    let targets = |r: &PlanRecord| {
        r.targets
            .iter()
            .map(|t| (t.quantity, t.stars, t.year))
            .collect::<Vec<_>>()
    };
    assert_eq!(targets(&back), targets(record), "{what}: targets");
}

fn fixture_records() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("fixtures/records")
        .expect("fixtures/records")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn fixture_records_round_trip() {
    let paths = fixture_records();
    assert!(
        paths.len() >= 5,
        "the five seed fixtures and the parser's own"
    );
    for path in paths {
        let record: PlanRecord =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        assert_round_trip(&record, OutputKind::Markdown, &name);
        assert_round_trip(&record, OutputKind::Docx, &name);
    }
}

#[test]
fn drafted_2027_plan_round_trips() {
    let source = parse_path(
        Path::new("fixtures/plans/000.txt"),
        &ParseOptions::default(),
    )
    .unwrap();
    let data = load_data(Path::new("examples/data-2027.toml")).unwrap();
    let drafted = draft(&source, 2027, Some((&data, "examples/data-2027.toml"))).unwrap();
    assert_round_trip(&drafted, OutputKind::Markdown, "draft-2027");
    assert_round_trip(&drafted, OutputKind::Docx, "draft-2027");
}
