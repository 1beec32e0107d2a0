//! Drafting next year's plan: rolling the year, applying data files, refusing bad input.

use std::path::Path;

use kehoach::draft::{DraftError, apply_data, draft, load_data, roll_forward};
use kehoach::plan::PlanRecord;

fn record() -> PlanRecord {
    serde_json::from_str(include_str!("data/plan-xa.json")).unwrap()
}

fn data(toml: &str) -> serde_json::Value {
    let value: toml::Value = toml::from_str(toml).unwrap();
    serde_json::to_value(value).unwrap()
}

#[test]
fn rolls_the_plan_year_but_not_cited_documents() {
    let source = record();
    let next = roll_forward(&source, 2027).unwrap();
    assert_eq!(next.year, Some(2027));
    assert_eq!(next.date.year, Some(2027));
    assert_eq!(
        (next.date.day, next.date.month, next.number.as_deref()),
        (None, None, None)
    );
    assert!(next.title.as_deref().unwrap().ends_with("năm 2027"));
    // Cited documents keep their dates and subjects, even "năm 2026" in a subject.
    assert_eq!(next.legal_bases[..2], source.legal_bases[..]);
    // Last year's plan is now cited.
    let cited = next.legal_bases.last().unwrap();
    assert_eq!(cited.number.as_deref(), Some("45/KH-UBND"));
    assert_eq!(cited.date.as_deref(), Some("2026-02-07"));
    assert!(cited.subject.as_deref().unwrap().ends_with("năm 2026"));
    // The period 2026-2030 still holds 2027, so it stays.
    assert_eq!(next.period, source.period);
    assert_eq!(next.targets[0].year, Some(2027));
    assert!(next.targets[0].text.contains("năm 2027"));
    // Certified products are the starting point.
    assert_eq!(next.products, source.products);
}

#[test]
fn a_period_the_year_has_left_moves_on() {
    let mut source = record();
    source.period = Some(kehoach::plan::record::Period {
        from: 2021,
        to: 2025,
    });
    source.sections[0].children[1].text = "Bám sát giai đoạn 2021-2025.".into();
    source.year = Some(2025);
    let next = roll_forward(&source, 2026).unwrap();
    let period = next.period.unwrap();
    assert_eq!((period.from, period.to), (2026, 2030));
    assert_eq!(
        next.sections[0].children[1].text,
        "Bám sát giai đoạn 2026-2030."
    );
}

#[test]
fn a_year_before_the_source_is_refused() {
    let err = roll_forward(&record(), 2025).unwrap_err();
    assert!(matches!(
        err,
        DraftError::YearBeforeSource {
            year: 2025,
            source_year: 2026
        }
    ));
    assert!(err.to_string().contains("2025") && err.to_string().contains("2026"));
}

#[test]
fn example_data_file_applies() {
    let data = load_data(Path::new("examples/data-2027.toml")).unwrap();
    let next = draft(&record(), 2027, Some((&data, "examples/data-2027.toml"))).unwrap();
    assert_eq!(next.number.as_deref(), Some("12/KH-UBND"));
    assert_eq!((next.date.day, next.date.month), (Some(15), Some(1)));
    // Two products added to last year's two; the upgrade keeps its own entry.
    assert_eq!(next.products.len(), 4);
    assert_eq!(next.budget.lines.len(), 2);
    assert_eq!(next.budget.total_million_vnd, Some(250.0));
    assert_eq!(next.assignments.len(), 3);
    // What was added is written into the sections the document shows.
    let goals = &next.sections[1];
    assert!(
        goals
            .children
            .last()
            .unwrap()
            .text
            .contains("Mật ong bạc hà Vĩnh Tuy")
    );
    let budget = &next.sections[3];
    assert!(budget.text.contains("250,0 triệu đồng"));
    let organisation = &next.sections[4];
    assert_eq!(
        organisation.children.last().unwrap().title,
        "Trung tâm Dịch vụ công"
    );
}

#[test]
fn same_product_name_and_status_replaces_it() {
    let same =
        data("[[products]]\nname = \"Cam sành Hà Giang\"\nstars = 4\nstatus = \"certified\"\n");
    let next = apply_data(&record(), &same, "d.toml").unwrap();
    assert_eq!(next.products.len(), 2);
    assert_eq!(next.products[0].stars, Some(4));
    // A certified product planned for an upgrade is listed twice, as the plan text says.
    let upgrade =
        data("[[products]]\nname = \"Cam sành Hà Giang\"\nstars = 4\nstatus = \"upgrade\"\n");
    let next = apply_data(&record(), &upgrade, "d.toml").unwrap();
    assert_eq!(next.products.len(), 3);
    assert_eq!(next.products[0].stars, Some(3));
}

#[test]
fn unknown_field_is_named() {
    let err = apply_data(&record(), &data("[issuer]\nnam = \"x\"\n"), "d.toml").unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("d.toml") && message.contains("issuer.nam"),
        "{message}"
    );
    let err = apply_data(&record(), &data("colour = \"red\"\n"), "d.toml").unwrap_err();
    assert!(err.to_string().contains("`colour`"), "{err}");
    let err = apply_data(
        &record(),
        &data("[[products]]\nname = \"x\"\nstar = 3\n"),
        "d.toml",
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("products") && err.to_string().contains("star"),
        "{err}"
    );
}

#[test]
fn wrong_type_is_named() {
    let err = apply_data(&record(), &data("year = \"2027\"\n"), "d.toml").unwrap_err();
    assert!(err.to_string().contains("`year`"), "{err}");
    let err = apply_data(
        &record(),
        &data("[[products]]\nname = \"x\"\nstars = \"ba\"\n"),
        "d.toml",
    )
    .unwrap_err();
    let message = err.to_string();
    assert!(message.contains("products[0].stars"), "{message}");
    let err = apply_data(&record(), &data("signature = \"Hưng\"\n"), "d.toml").unwrap_err();
    assert!(
        err.to_string().contains("`signature`") && err.to_string().contains("expected a table"),
        "{err}"
    );
}

#[test]
fn values_no_plan_can_hold_are_named() {
    // (data, field named, what the message says)
    let cases = [
        ("[date]\nday = 40\n", "date.day", "no day 40"),
        (
            "[date]\nday = 29\nmonth = 2\nyear = 2027\n",
            "date.day",
            "month 2 of 2027",
        ),
        ("[date]\nmonth = 13\n", "date.month", "no month 13"),
        ("year = 20277\n", "`year`", "20277"),
        (
            "[[products]]\nname = \"Mật ong\"\nstars = 9\n",
            "products[0].stars",
            "1 to 5",
        ),
        (
            "[[targets]]\ntext = \"x\"\nat_least = false\nquantity = -5.0\n",
            "targets[0].quantity",
            "-5",
        ),
        (
            "[[targets]]\ntext = \"x\"\nat_least = false\nyear = 1\n",
            "targets[0].year",
            "year 1",
        ),
        (
            "[[targets]]\ntext = \"x\"\nat_least = false\nperiod = { from = 2030, to = 2026 }\n",
            "targets[0].period",
            "before it starts",
        ),
        (
            "[budget]\ntotal_million_vnd = -1.0\n",
            "budget.total_million_vnd",
            "-1",
        ),
        (
            "[[budget.lines]]\nlabel = \"x\"\nmillion_vnd = -2.5\n",
            "budget.lines[0].million_vnd",
            "-2.5",
        ),
    ];
    for (toml, field, says) in cases {
        let err = apply_data(&record(), &data(toml), "d.toml").unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("d.toml") && message.contains(field) && message.contains(says),
            "{toml}: {message}"
        );
    }
    // The bounds themselves are values a plan can hold; a leap year has its 29 February.
    let fine = "year = 2028\n[date]\nday = 29\nmonth = 2\nyear = 2028\n\
                [[products]]\nname = \"Mật ong\"\nstars = 5\n";
    assert!(apply_data(&record(), &data(fine), "d.toml").is_ok());
    // nan is no amount, and JSON would have dropped it without a word.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nan.toml");
    std::fs::write(
        &path,
        "[[targets]]\ntext = \"x\"\nat_least = false\nquantity = nan\n",
    )
    .unwrap();
    let err = load_data(&path).unwrap_err().to_string();
    assert!(
        err.contains("nan.toml") && err.contains("targets[0].quantity"),
        "{err}"
    );
}

#[test]
fn bad_data_file_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(&path, "year = \n").unwrap();
    let err = load_data(&path).unwrap_err();
    assert!(
        err.to_string().contains("bad.toml") && err.to_string().contains("TOML"),
        "{err}"
    );
}

#[test]
fn drafted_plan_markdown_snapshot() {
    let data = load_data(Path::new("examples/data-2027.toml")).unwrap();
    let next = draft(&record(), 2027, Some((&data, "examples/data-2027.toml"))).unwrap();
    let markdown = kehoach::render::render(&next, kehoach::render::OutputKind::Markdown).unwrap();
    insta::assert_snapshot!(String::from_utf8(markdown).unwrap());
}
