//! The 23 real documents in ../shared/real-docs: every one parses without a panic, and the
//! plans among them (04-23; 01-03 are Decree 30 forms) give the header, legal bases,
//! sections, recipients and signature that a reader sees in them.
//!
//! The expectations below were written by reading each document (its header table or
//! header lines, its Roman-numeral headings, its "Nơi nhận" list and its signature block).

use std::path::{Path, PathBuf};

use kehoach::plan::record::Section;
use kehoach::plan::{ParseOptions, PlanRecord, parse_path};

const REAL_DOCS: &str = "../shared/real-docs";

/// What a reader sees in one plan.
struct Expected {
    /// File name prefix ("04_").
    file: &'static str,
    /// Issuer name, compared without case (upper-case header names have no single right casing).
    issuer: &'static str,
    level: Option<&'static str>,
    locality: Option<&'static str>,
    /// None where the number is left blank ("Số:      /KH-UBND").
    number: Option<&'static str>,
    symbol: &'static str,
    date: (Option<u32>, Option<u32>, i32),
    /// Labels of the top-level headings, in order.
    sections: &'static [&'static str],
    recipients: usize,
    /// authority, capacity, title, name.
    signature: (
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    ),
}

const ROMAN_5: &[&str] = &["I", "II", "III", "IV", "V"];
const ROMAN_6: &[&str] = &["I", "II", "III", "IV", "V", "VI"];
const ROMAN_4: &[&str] = &["I", "II", "III", "IV"];
const ROMAN_3: &[&str] = &["I", "II", "III"];
const UBND: Option<&str> = Some("TM. ỦY BAN NHÂN DÂN");
const KT_CT: Option<&str> = Some("KT. CHỦ TỊCH");
const PCT: Option<&str> = Some("PHÓ CHỦ TỊCH");
const KT_GD: Option<&str> = Some("KT. GIÁM ĐỐC");
const PGD: Option<&str> = Some("PHÓ GIÁM ĐỐC");

fn lam_dong(
    file: &'static str,
    month: Option<u32>,
    year: i32,
    sections: &'static [&'static str],
    recipients: usize,
) -> Expected {
    Expected {
        file,
        issuer: "Ủy ban nhân dân tỉnh Lâm Đồng",
        level: Some("tinh"),
        locality: Some("Lâm Đồng"),
        number: None,
        symbol: "KH-UBND",
        date: (None, month, year),
        sections,
        recipients,
        signature: (None, KT_CT, PCT, Some("Nguyễn Ngọc Phúc")),
    }
}

fn sct_lao_cai(
    file: &'static str,
    month: Option<u32>,
    sections: &'static [&'static str],
    recipients: usize,
    signature: (
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    ),
) -> Expected {
    Expected {
        file,
        issuer: "Sở Công Thương",
        level: Some("tinh"),
        locality: Some("Lào Cai"),
        number: None,
        symbol: "KH-SCT",
        date: (None, month, 2026),
        sections,
        recipients,
        signature,
    }
}

#[allow(clippy::too_many_arguments)]
fn city_or_province(
    file: &'static str,
    issuer: &'static str,
    level: &'static str,
    locality: &'static str,
    number: &'static str,
    date: (u32, u32, i32),
    sections: &'static [&'static str],
    recipients: usize,
    signature: (
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    ),
) -> Expected {
    Expected {
        file,
        issuer,
        level: Some(level),
        locality: Some(locality),
        number: Some(number),
        symbol: "KH-UBND",
        date: (Some(date.0), Some(date.1), date.2),
        sections,
        recipients,
        signature,
    }
}

fn expectations() -> Vec<Expected> {
    vec![
        Expected {
            file: "04_",
            issuer: "Ủy ban nhân dân tỉnh Lào Cai",
            level: Some("tinh"),
            locality: Some("Lào Cai"),
            number: None,
            symbol: "KH-UBND",
            date: (None, None, 2026),
            sections: ROMAN_5,
            recipients: 11,
            signature: (UBND, KT_CT, PCT, Some("Nguyễn Thành Sinh")),
        },
        sct_lao_cai(
            "05_",
            Some(4),
            ROMAN_6,
            6,
            (None, KT_GD, PGD, Some("Trịnh Văn Thành")),
        ),
        sct_lao_cai(
            "06_",
            Some(4),
            ROMAN_3,
            2,
            (None, KT_GD, PGD, Some("Hoàng Văn Thuân")),
        ),
        sct_lao_cai(
            "07_",
            Some(6),
            ROMAN_3,
            2,
            (None, KT_GD, PGD, Some("Hoàng Văn Thuân")),
        ),
        sct_lao_cai(
            "08_",
            None,
            ROMAN_3,
            3,
            (None, None, Some("GIÁM ĐỐC"), Some("Hoàng Chí Hiền")),
        ),
        city_or_province(
            "09_",
            "Ủy ban nhân dân tỉnh Đồng Tháp",
            "tinh",
            "Đồng Tháp",
            "617/KH-UBND",
            (1, 12, 2025),
            ROMAN_4,
            5,
            (UBND, KT_CT, PCT, Some("Huỳnh Minh Tuấn")),
        ),
        city_or_province(
            "10_",
            "Ủy ban nhân dân tỉnh Đồng Tháp",
            "tinh",
            "Đồng Tháp",
            "597/KH-UBND",
            (27, 11, 2025),
            ROMAN_5,
            7,
            (UBND, KT_CT, PCT, Some("Nguyễn Thành Diệu")),
        ),
        city_or_province(
            "11_",
            "Ủy ban nhân dân tỉnh Đồng Nai",
            "tinh",
            "Đồng Nai",
            "179/KH-UBND",
            (18, 11, 2025),
            ROMAN_6,
            11,
            (UBND, None, Some("CHỦ TỊCH"), Some("Võ Tấn Đức")),
        ),
        city_or_province(
            "12_",
            "Ủy ban nhân dân thành phố Cần Thơ",
            "thanh_pho_tw",
            "Cần Thơ",
            "160/KH-UBND",
            (19, 11, 2025),
            ROMAN_6,
            9,
            (UBND, KT_CT, PCT, Some("Trần Chí Hùng")),
        ),
        city_or_province(
            "13_",
            "Ủy ban nhân dân thành phố Hà Nội",
            "thanh_pho_tw",
            "Hà Nội",
            "308/KH-UBND",
            (17, 11, 2025),
            ROMAN_3,
            9,
            (UBND, KT_CT, PCT, Some("Trương Việt Dũng")),
        ),
        city_or_province(
            "14_",
            // As the plan writes it ("Ủy ban nhân dân Thành phố ban hành Kế hoạch"), and as
            // Decree 30 writes the city's whole name.
            "Ủy ban nhân dân Thành phố Hồ Chí Minh",
            "thanh_pho_tw",
            "Hồ Chí Minh",
            "172/KH-UBND",
            (18, 11, 2025),
            ROMAN_4,
            9,
            (None, KT_CT, PCT, Some("Trần Thị Diệu Thúy")),
        ),
        city_or_province(
            "15_",
            "Ủy ban nhân dân tỉnh Đắk Lắk",
            "tinh",
            "Đắk Lắk",
            "0129/KH-UBND",
            (21, 11, 2025),
            &["I", "II", "III", "IV", "IV"],
            17,
            (None, KT_CT, PCT, Some("Hồ Thị Nguyên Thảo")),
        ),
        lam_dong("16_", Some(3), 2026, ROMAN_3, 13),
        lam_dong("17_", Some(12), 2025, &["I", "II"], 13),
        lam_dong("18_", Some(1), 2026, ROMAN_4, 10),
        lam_dong(
            "19_",
            None,
            2026,
            &["I", "II", "III", "IV", "V", "VI", "VII"],
            11,
        ),
        Expected {
            signature: (None, KT_CT, PCT, Some("Nguyễn Minh")),
            ..lam_dong("20_", Some(10), 2025, ROMAN_4, 9)
        },
        lam_dong("21_", None, 2026, ROMAN_6, 5),
        // The draft: "DỰ THẢO" in the header, no signer yet.
        Expected {
            signature: (None, None, Some("CHỦ TỊCH"), None),
            ..lam_dong("22_", Some(1), 2026, ROMAN_6, 6)
        },
        Expected {
            file: "23_",
            issuer: "Đoàn kiểm tra theo quyết định số 1050/QĐ-SCT",
            level: None,
            locality: None,
            number: Some("1105/KH-ĐKT"),
            symbol: "KH-ĐKT",
            date: (Some(10), Some(3), 2026),
            sections: &["1", "2", "3", "4", "5", "6"],
            recipients: 5,
            signature: (
                Some("T/M. ĐOÀN KIỂM TRA"),
                None,
                Some("TRƯỞNG ĐOÀN"),
                Some("Hoàng Văn Thuân"),
            ),
        },
    ]
}

fn real_docs() -> Option<Vec<PathBuf>> {
    let dir = Path::new(REAL_DOCS);
    if !dir.is_dir() {
        eprintln!("skipped: {REAL_DOCS} is not here");
        return None;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_str().unwrap().as_bytes()[0].is_ascii_digit())
        .collect();
    files.sort();
    Some(files)
}

#[test]
fn every_real_document_parses_without_a_panic() {
    let Some(files) = real_docs() else { return };
    assert_eq!(files.len(), 23);
    for file in files {
        let record = parse_path(&file, &ParseOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert_eq!(record.schema_version, 1);
    }
}

/// Checks one plan; returns the names of the fields that differ.
fn differences(expected: &Expected, record: &PlanRecord) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |field: &str, ok: bool, got: String| {
        if !ok {
            out.push(format!("{field}: got {got}"));
        }
    };
    let name = record.issuer.name.clone().unwrap_or_default();
    check(
        "issuer.name",
        name.to_lowercase() == expected.issuer.to_lowercase(),
        name,
    );
    check(
        "issuer.level",
        record.issuer.level.as_deref() == expected.level,
        format!("{:?}", record.issuer.level),
    );
    check(
        "issuer.locality",
        record.issuer.locality.as_deref() == expected.locality,
        format!("{:?}", record.issuer.locality),
    );
    check(
        "number",
        record.number.as_deref() == expected.number,
        format!("{:?}", record.number),
    );
    check(
        "symbol",
        record.symbol.as_deref() == Some(expected.symbol),
        format!("{:?}", record.symbol),
    );
    let date = (record.date.day, record.date.month, record.date.year);
    check(
        "date",
        date == (expected.date.0, expected.date.1, Some(expected.date.2)),
        format!("{date:?}"),
    );
    check(
        "doc_type",
        record.doc_type.as_deref() == Some("KẾ HOẠCH"),
        format!("{:?}", record.doc_type),
    );
    check(
        "title",
        record
            .title
            .as_ref()
            .is_some_and(|t| t.chars().count() > 20),
        format!("{:?}", record.title),
    );
    check("legal_bases", !record.legal_bases.is_empty(), "none".into());
    let labels: Vec<&str> = record.sections.iter().map(|s| s.label.as_str()).collect();
    check(
        "sections",
        labels == expected.sections,
        format!("{labels:?}"),
    );
    check(
        "recipients",
        record.recipients.len() == expected.recipients,
        format!("{:?}", record.recipients),
    );
    let signature = (
        record.signature.authority.as_deref(),
        record.signature.capacity.as_deref(),
        record.signature.title.as_deref(),
        record.signature.name.as_deref(),
    );
    check(
        "signature",
        signature == expected.signature,
        format!("{signature:?}"),
    );
    out
}

/// The record of the real document whose file name starts with `prefix`.
fn parsed(files: &[PathBuf], prefix: &str) -> PlanRecord {
    let file = files
        .iter()
        .find(|f| f.file_name().unwrap().to_str().unwrap().starts_with(prefix))
        .unwrap_or_else(|| panic!("no file {prefix}"));
    parse_path(file, &ParseOptions::default()).unwrap()
}

#[test]
fn real_plans_give_what_a_reader_sees() {
    let Some(files) = real_docs() else { return };
    let mut failures = Vec::new();
    let mut fields = 0;
    let mut wrong = 0;
    for expected in expectations() {
        let record = parsed(&files, expected.file);
        let diffs = differences(&expected, &record);
        fields += 12;
        wrong += diffs.len();
        if !diffs.is_empty() {
            failures.push(format!("{}: {}", expected.file, diffs.join("; ")));
        }
    }
    eprintln!(
        "real plans: {}/{fields} checked fields right",
        fields - wrong
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn real_plans_give_their_title_headings_and_recipients_as_written() {
    let Some(files) = real_docs() else { return };
    /// What a reader sees in one real plan, as written down in `tests/data/real-plans-read.json`
    /// (its "notes" say how each ambiguity was read).
    #[derive(serde::Deserialize)]
    struct ReadPlan {
        title: String,
        sections: Vec<(String, String)>,
        recipients: Vec<String>,
        /// A note printed under the title, which the record reports in warnings.
        #[serde(default)]
        note_under_title: Option<String>,
    }
    #[derive(serde::Deserialize)]
    struct Read {
        plans: std::collections::BTreeMap<String, ReadPlan>,
    }
    let read: Read =
        serde_json::from_str(include_str!("data/real-plans-read.json")).expect("valid JSON");
    assert_eq!(read.plans.len(), 20);
    let mut failures = Vec::new();
    let mut compared = 0;
    for (prefix, expected) in &read.plans {
        let record = parsed(&files, prefix);
        let mut check = |field: &str, ok: bool, got: String| {
            compared += 1;
            if !ok {
                failures.push(format!("{prefix} {field}: got {got}"));
            }
        };
        check(
            "title",
            record.title.as_deref() == Some(expected.title.as_str()),
            format!("{:?}", record.title),
        );
        let headings: Vec<(String, String)> = record
            .sections
            .iter()
            .map(|s| (s.label.clone(), s.title.clone()))
            .collect();
        check(
            "sections",
            headings == expected.sections,
            format!("{headings:?}"),
        );
        check(
            "recipients",
            record.recipients == expected.recipients,
            format!("{:?}", record.recipients),
        );
        if let Some(note) = &expected.note_under_title {
            check(
                "note under the title in warnings",
                record.warnings.iter().any(|w| w.contains(note.as_str())),
                format!("{:?}", record.warnings),
            );
        }
    }
    eprintln!(
        "real plans: {}/{compared} titles, heading lists and recipient lists as written",
        compared - failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn real_plans_give_each_legal_basis_with_its_kind_number_and_date() {
    let Some(files) = real_docs() else { return };
    // Read from each plan's "Căn cứ ..." / "Thực hiện ..." paragraphs, in order; several
    // documents in one paragraph are several bases ("...; Nghị định số 146/2025/NĐ-CP ...").
    // A law cited by name has no number; a document cited without its date has none.
    type Basis<'a> = (&'a str, Option<&'a str>, Option<&'a str>);
    let expected: &[(&str, &[Basis])] = &[
        (
            "05_",
            &[
                ("Nghị quyết", Some("35-NQ/TU"), Some("2025-12-29")),
                ("Kế hoạch", Some("42-KH/ĐU"), Some("2026-02-11")),
                ("Kế hoạch", Some("113/KH-UBND"), Some("2026-03-18")),
                ("Quyết định", Some("525/QĐ-UBND"), Some("2026-02-25")),
                ("Nghị định", Some("35/2022/NĐ-CP"), Some("2022-05-28")),
                ("Nghị định", Some("32/2024/NĐ-CP"), Some("2024-03-15")),
                ("Luật", Some("61/2024/QH15"), Some("2024-11-30")),
                ("Luật", Some("71/2025/QH15"), Some("2025-06-14")),
                ("Quyết định", Some("786/QĐ-TTg"), Some("2025-04-15")),
            ],
        ),
        (
            "06_",
            &[
                ("Luật", None, Some("2024-08-26")),
                ("Nghị định", Some("181/2024/NĐ-CP"), Some("2024-12-31")),
                ("Nghị định", Some("146/2025/NĐ-CP"), Some("2025-06-12")),
                ("Quyết định", Some("1883/QĐ-UBND"), Some("2025-11-06")),
                ("Quyết định", Some("05/2025/QĐ-UBND"), Some("2025-07-01")),
                ("Quyết định", Some("2797/QĐ-SCT"), Some("2025-11-28")),
                ("Quyết định", Some("564/QĐ-SCT"), Some("2026-01-31")),
            ],
        ),
        (
            "13_",
            &[
                ("Nghị quyết", Some("214/NQ-CP"), Some("2025-07-23")),
                ("Nghị định", Some("278/2025/NĐ-CP"), Some("2025-10-22")),
                ("Quyết định", Some("142/QĐ-TTg"), None),
                ("Quyết định", Some("1229/QĐ-UBND"), Some("2025-02-28")),
            ],
        ),
        (
            "16_",
            &[
                ("Nghị quyết", Some("76/NQ-CP"), Some("2021-07-15")),
                ("Chỉ thị", Some("23/CT-TTg"), Some("2021-09-02")),
                ("Quyết định", Some("282/QĐ-TTg"), Some("2026-02-12")),
            ],
        ),
        (
            "17_",
            &[
                ("Nghị quyết", Some("202/2025/QH15"), Some("2025-06-12")),
                ("Nghị quyết", Some("76/NQ-CP"), Some("2021-07-15")),
                ("Chỉ thị", Some("23/CT-TTg"), Some("2021-09-02")),
            ],
        ),
        (
            "18_",
            &[("Nghị quyết", Some("76/NQ-CP"), Some("2021-07-15"))],
        ),
        (
            "19_",
            &[
                ("Luật", None, Some("2022-06-15")),
                ("Nghị quyết", Some("76/NQ-CP"), Some("2021-07-15")),
                ("Nghị định", Some("152/2025/NĐ-CP"), Some("2025-06-14")),
                ("Quyết định", Some("58/QĐ-UBND"), Some("2026-01-08")),
                ("Kế hoạch", Some("9669/KH-UBND"), Some("2025-12-24")),
            ],
        ),
        (
            "20_",
            &[("Quyết định", Some("7619/QĐ-BCA"), Some("2025-09-08"))],
        ),
        (
            "21_",
            &[("Kế hoạch", Some("9669/KH-UBND"), Some("2025-12-24"))],
        ),
        (
            "23_",
            &[("Quyết định", Some("1050/QĐ-SCT"), Some("2026-03-06"))],
        ),
    ];
    for &(prefix, bases) in expected {
        let record = parsed(&files, prefix);
        let read: Vec<Basis> = record
            .legal_bases
            .iter()
            .map(|b| {
                (
                    b.kind.as_deref().unwrap_or(""),
                    b.number.as_deref(),
                    b.date.as_deref(),
                )
            })
            .collect();
        assert_eq!(read, bases, "{prefix}");
    }
}

#[test]
fn points_labelled_a_dot_are_points() {
    // Plan 23 (a pdftotext extraction) labels the ways of inspecting "a." to "d." under
    // "3.5. Phương thức kiểm tra", as the reader sees four points there.
    let Some(files) = real_docs() else { return };
    let record = parsed(&files, "23_");
    let three = record.sections.iter().find(|s| s.label == "3").unwrap();
    let methods = three.children.iter().find(|s| s.label == "3.5").unwrap();
    assert_eq!(methods.title, "Phương thức kiểm tra");
    let labels: Vec<&str> = methods.children.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["a", "b", "c", "d"]);
    assert!(
        methods.children[0]
            .title
            .starts_with("Thu thập tài liệu, báo cáo")
    );
}

#[test]
fn the_draft_is_reported_as_a_draft() {
    let Some(files) = real_docs() else { return };
    let draft = files
        .iter()
        .find(|f| f.to_string_lossy().contains("DU-THAO"))
        .unwrap();
    let record = parse_path(draft, &ParseOptions::default()).unwrap();
    assert!(record.warnings.iter().any(|w| w.contains("DỰ THẢO")));
    assert_eq!(record.number, None);
}

#[test]
fn decree_forms_are_not_taken_for_plans() {
    let Some(files) = real_docs() else { return };
    for prefix in ["02_", "03_"] {
        let record = parsed(&files, prefix);
        assert_ne!(record.doc_type.as_deref(), Some("KẾ HOẠCH"), "{prefix}");
    }
}

/// The agencies each plan gives work to, in order, as a reader finds them under "TỔ CHỨC THỰC
/// HIỆN" (or "PHÂN CÔNG NHIỆM VỤ"): headings that name an agency ("2. Sở Nông nghiệp và Môi
/// trường", "b) Công an tỉnh") and items that start with one ("1. Sở Nội vụ chịu trách nhiệm
/// ...", "Giao phòng Quản lý Công nghiệp ...", or a person: "4.1. Ông. Hoàng Văn Thuân -
/// Trưởng đoàn: Phụ trách chung ..."). A parsed name may add a parenthesis ("Sở Nội
/// vụ (Cơ quan Thường trực ...)"). Plan 19's first item names its agencies after its grounds
/// ("Căn cứ nội dung Kế hoạch này và điều kiện thực tế, các sở, ban, ngành, ... xây dựng ...").
const ASSIGNED: &[(&str, &[&str])] = &[
    (
        "04_",
        &[
            "Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường",
            "Sở Nông nghiệp và Môi trường",
            "Sở Công Thương",
            "Sở Xây dựng",
            "Sở Tài chính",
            "Sở Nội vụ",
            "Sở Khoa học và Công nghệ",
            "Thanh tra tỉnh",
            "Thuế tỉnh",
            "Công an tỉnh",
            "Bộ Chỉ huy Quân sự tỉnh",
            "Ủy ban nhân dân các xã, phường",
            // From the appendix's task table ("Sở, ngành chủ trì tham mưu"): the lead cells
            // "Các Sở, ban, ngành; UBND các xã, phường" (task 1) and "Các Sở, ban, ngành và
            // UBND các xã, phường" (task 13); the other leads are agencies named above.
            "Các Sở, ban, ngành",
            "Các Sở, ban, ngành và UBND các xã, phường",
        ],
    ),
    // 05: six numbered items "N. Agency: duties" under "V. TỔ CHỨC THỰC HIỆN".
    (
        "05_",
        &[
            "Phòng Quản lý Công nghiệp",
            "Phòng Quản lý Năng lượng",
            "Phòng Quản lý Thương mại",
            "Phòng Kế hoạch - Tổng hợp",
            "Văn phòng Sở",
            "Chi cục Quản lý thị trường",
        ],
    ),
    // 06 and 07: then the team's members, from the appendix "PHÂN CÔNG NHIỆM VỤ CỦA TỔ CÔNG
    // TÁC ..." ("Nhiệm vụ thực hiện | Người thực hiện", one name a line), in the order they
    // first appear.
    (
        "06_",
        &[
            "Phòng Quản lý Công nghiệp",
            "Đỗ Mạnh Cường",
            "Vũ Việt Linh",
            "Nguyễn Thị Loan",
        ],
    ),
    (
        "07_",
        &[
            "Phòng Quản lý công nghiệp",
            "Vũ Việt Linh",
            "Nguyễn Thị Loan",
            "Đỗ Mạnh Cường",
        ],
    ),
    // 08: four headings, their duties as paragraphs under them (7, 6, 3 and 2 of them).
    (
        "08_",
        &[
            "Phòng Quản lý công nghiệp",
            "Phòng Quản lý Năng lượng",
            "Phòng Quản lý Thương mại",
            "Chi cục Quản lý thị trường",
        ],
    ),
    // 09: seven headings, the sixth "Đề nghị: Hiệp hội ..." (the agencies after the colon,
    // their duties its points a) to c)); then the appendix's task table, whose lead for
    // commending businesses is "Sở Nội vụ".
    (
        "09_",
        &[
            "Sở Khoa học và Công nghệ",
            "Sở Tài chính",
            "Sở Công Thương",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Ủy ban nhân dân các xã, phường",
            "Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh, Liên minh Hợp tác xã Tỉnh",
            "Các sở, ban, ngành tỉnh, Ủy ban nhân dân các xã, phường",
            "Sở Nội vụ",
        ],
    ),
    // 10: seven headings, the last a name over three lines whose "lĩnh vực xây dựng" is no verb.
    (
        "10_",
        &[
            "Sở Xây dựng",
            "Sở Khoa học và Công nghệ",
            "Sở Tài chính",
            "Sở Nông nghiệp và Môi trường",
            "Công an Tỉnh",
            "Ủy ban nhân dân cấp xã",
            "Các doanh nghiệp hoạt động trong lĩnh vực xây dựng, giao thông, vận tải, logistics và công nghệ thông tin trên địa bàn Tỉnh",
        ],
    ),
    // 13: two items that are sentences; the second's subject ends in "các cơ quan, tổ chức có
    // liên quan", before its verb "căn cứ".
    (
        "13_",
        &[
            "Sở Khoa học và Công nghệ",
            "Các Sở, ban, ngành, UBND xã, phường và các cơ quan, tổ chức có liên quan",
        ],
    ),
    (
        "14_",
        &[
            "Sở Nội vụ",
            "Các cơ quan, đơn vị được giao chủ trì",
            "Thủ trưởng các sở, ban, ngành và Ủy ban nhân dân phường, xã, đặc khu",
        ],
    ),
    // 15: fourteen items "N. Agency: duties" (three asked with "Đề nghị"; the fifteenth is a
    // rule for every force, no agency), then the closing paragraph "Các cơ quan, đơn vị, địa
    // phương căn cứ chức năng, nhiệm vụ được giao, khẩn trương phối hợp triển khai ...". The
    // ninth name is as the plan types it ("tính" for "tỉnh").
    (
        "15_",
        &[
            "Sở Công Thương",
            "Sở Nông nghiệp và Môi trường",
            "Sở Y tế",
            "Sở Xây dựng",
            "Sở Khoa học và Công nghệ",
            "Sở Tài chính",
            "Công an tỉnh",
            "Bộ Chỉ huy Quân sự tỉnh",
            "Báo và Phát thanh - Truyền hình Đắk Lắk, Sở Văn hóa, Thể thao và Du lịch, Cổng Thông tin điện tử tính và hệ thống truyền thanh cơ sở",
            "UBND các xã, phường",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội",
            "Công ty Điện lực Đắk Lắk",
            "Các doanh nghiệp viễn thông (VNPT, Viettel, MobiFone và doanh nghiệp khác)",
            "Doanh nghiệp, cộng đồng, tổ chức, cá nhân",
            "Các cơ quan, đơn vị, địa phương",
        ],
    ),
    (
        "19_",
        &[
            "Các sở, ban, ngành, các cơ quan Trung ương đóng trên địa bàn, UBND các xã, phường, đặc khu",
            "Sở Nội vụ",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Báo và Đài Phát thanh, Truyền hình Lâm Đồng",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        ],
    ),
    (
        "20_",
        &[
            "Các sở, ban, ngành, địa phương",
            "Công an tỉnh",
            "Công an tỉnh và các sở, ban, ngành, địa phương",
            "Các sở, ban, ngành, địa phương",
            "Công an tỉnh",
            "Bộ Chỉ huy quân sự tỉnh",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Giáo dục và Đào tạo",
            "Sở Nông nghiệp và Môi trường, Sở Dân tộc và Tôn giáo",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh, Hội Cựu chiến binh tỉnh, Tỉnh đoàn",
            "Công an tỉnh",
            "Sở Y tế",
            "Sở Nội vụ",
            "Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh",
            "Sở Tài chính",
            "Ngân hàng Nhà nước khu vực X",
            "Công an tỉnh và các địa phương",
            "Bộ Chỉ huy quân sự tỉnh",
            "Viện Kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao",
            "Chi cục Hải quan khu vực XIII",
            "Công an tỉnh",
            "Sở Công Thương",
            "Sở Y tế",
            "Sở Nông nghiệp và Môi trường",
            "Chi cục Hải quan khu vực XIII",
            "Các sở, ban, ngành, địa phương",
            "Sở Tài chính",
            "Các sở, ban, ngành, địa phương",
            // "10. Các sở, ban, ngành nghiên cứu, ban hành ...", then one Dự án each for the
            // bodies its items name ("- Công an tỉnh tham mưu triển khai ... Dự án 1").
            "Các sở, ban, ngành",
            "Công an tỉnh",
            "Bộ Chỉ huy quân sự tỉnh",
            "Bộ Tư lệnh Vùng Cảnh sát biển 3",
            "Sở Y tế",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Giáo dục và Đào tạo",
            "Liên đoàn Lao động tỉnh",
            "Sở Tư pháp",
            "Ủy ban nhân dân các địa phương",
            "Các sở, ban, ngành, đoàn thể và Ủy ban nhân dân các xã, phường, đặc khu",
            "Công an tỉnh",
        ],
    ),
    // 11: numbered items "N. Agency: duties" or "N. Agency does ...", three of them "Khuyến
    // khích" bodies, one unnumbered ("Hội, hiệp hội ..."), the closing "Yêu cầu ..." to all;
    // then the appendix table's "Đơn vị thực hiện" not named above.
    (
        "11_",
        &[
            "Sở Khoa học và Công nghệ",
            "Sở Tài chính",
            "Sở Nông nghiệp và Môi trường",
            "Sở Y tế",
            "Sở Giáo dục và Đào tạo",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Công Thương",
            "Ngân hàng nhà nước Việt Nam - Chi nhánh Khu vực II",
            "Công an tỉnh",
            "Bộ Chỉ huy Quân sự tỉnh",
            "Sở Nội vụ",
            "Sở Ngoại vụ",
            "Sở Xây dựng",
            "Các sở, ban ngành, cơ quan thuộc tỉnh",
            "Báo và Phát thanh, Truyền hình Đồng Nai",
            "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Đồng Nai",
            "Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh, Liên minh Hợp tác xã",
            "Mặt trận Tổ quốc Việt Nam tỉnh Đồng Nai và các tổ chức chính trị - xã hội",
            "Hội, hiệp hội xã hội nghề nghiệp",
            "Các doanh nghiệp công nghệ số",
            "Các doanh nghiệp nhà nước, Tổng Công ty",
            "Các cơ sở đào tạo đại học ở các lĩnh vực ngành, nghề",
            "Các sở, ban, ngành, đoàn thể tỉnh; UBND các phường, xã; các đơn vị liên quan",
            "Sở Tư pháp",
            "Ban Quản lý các Khu công nghiệp, khu kinh tế",
            "Các cơ quan quản lý các lĩnh vực trọng điểm tại điểm d, khoản 1, mục III",
            "Sở Giáo dục và Đào tạo, Sở Văn hóa Thể thao và Du lịch",
            "Các Trường Đại học, Cao đẳng trên địa bàn tỉnh",
            "Thuế Đồng Nai",
            "Các trường: Đại học, Cao đẳng, Trung cấp trên địa bàn tỉnh",
            "Bảo hiểm xã hội tỉnh",
            "UBND các phường xã",
        ],
    ),
    // 12: a heading that names a class of bodies by what they do, with their duties under it.
    (
        "12_",
        &[
            "Sở Nông nghiệp và Môi trường",
            "Các Sở, ngành chủ trì, quản lý, tham gia thực hiện các dự án, tiểu dự án, nội dung thành phần thuộc Chương trình",
            "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
            "Ủy ban nhân dân cấp xã",
        ],
    ),
    // 16 and 17: the text's bodies, one of them named by the work it was given; then the
    // appendix table's "Chủ trì thực hiện" cells, split at ";" (the cells "Theo phân công tại
    // Quyết định ..." name none). 16's "Các cơ quan, đơn vị, địa phương căn cứ ..." ends the
    // text with "./." in "2. Kinh phí thực hiện", as 17's does with "b)".
    (
        "16_",
        &[
            "Các sở, ban, ngành và Ủy ban nhân dân các xã, phường, đặc khu",
            "Cơ quan, đơn vị được giao nhiệm vụ theo dõi, kiểm tra, đôn đốc tại Phụ lục kèm theo Kế hoạch này",
            "Sở Nội vụ",
            "Các cơ quan, đơn vị, địa phương",
            "Sở Tư pháp",
            "UBND các xã, phường, đặc khu",
            "Các sở, ban, ngành",
            "Các sở, ban, ngành, địa phương",
            "Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh",
            "Thanh tra tỉnh",
            "Văn phòng UBND tỉnh",
            "Cơ quan thuế, các đơn vị cấp tỉnh và các địa phương",
            "Các cơ quan, đơn vị trực tiếp sử dụng ngân sách nhà nước",
            "Sở Tài chính",
            "Sở Khoa học và Công nghệ",
            "Các sở, ban, ngành và địa phương",
            "Văn phòng UBND tỉnh (Trung tâm Thông tin)",
            "Công an tỉnh",
        ],
    ),
    (
        "17_",
        &[
            "Các sở, ban, ngành và Ủy ban nhân dân các xã, phường, đặc khu",
            "Cơ quan, đơn vị được giao nhiệm vụ theo dõi, kiểm tra, đôn đốc tại Phụ lục kèm theo Kế hoạch này",
            "Sở Nội vụ",
            "Các cơ quan, đơn vị, địa phương",
            "Sở Tư pháp",
            "UBND các xã, phường, đặc khu",
            "Các sở, ban, ngành",
            "Các sở, ban, ngành, địa phương",
            "Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh",
            "Thanh tra tỉnh",
            "Văn phòng UBND tỉnh",
            "Các địa phương, các cơ quan có nguồn thu nộp ngân sách nhà nước",
            "Các cơ quan, đơn vị trực tiếp sử dụng ngân sách nhà nước",
            "Sở Tài chính",
            "Sở Khoa học và Công nghệ",
            "Các sở, ban, ngành và địa phương",
            "Công an tỉnh",
        ],
    ),
    // 18: eight numbered bodies, then the leaders of the dialogue table ("Trách nhiệm thực
    // hiện": "Lãnh đạo Sở Công Thương", ...).
    (
        "18_",
        &[
            "Sở Nội vụ",
            "Văn phòng UBND tỉnh",
            "Sở Khoa học và Công nghệ",
            "Sở Tư pháp",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Báo và Phát Thanh, Truyền hình tỉnh",
            "Sở Tài chính",
            "Các sở, ban, ngành; UBND các xã, phường, đặc khu; các cơ quan, đơn vị có liên quan",
            "Lãnh đạo Sở Công Thương",
            "Lãnh đạo Sở Giáo dục và Đào tạo",
            "Lãnh đạo Công an tỉnh",
            "Lãnh đạo Sở Y tế",
            "Lãnh đạo Sở Tài chính",
            "Lãnh đạo Sở Nông nghiệp và Môi trường",
            "Lãnh đạo Sở Khoa học và Công nghệ",
            "Lãnh đạo Sở Văn hóa, Thể thao và Du lịch",
            "Lãnh đạo Sở Xây dựng",
            "Lãnh đạo Sở Tư pháp",
            "Lãnh đạo Ban Quản lý các khu công nghiệp",
            "Lãnh đạo UBND phường Xuân Hương - Đà Lạt",
            "Lãnh đạo UBND xã Đức Trọng",
            "Lãnh đạo UBND xã Đơn Dương",
            "Lãnh đạo UBND Phường 3 Bảo Lộc",
            "Lãnh đạo UBND xã Đinh Văn Lâm Hà",
            "Lãnh đạo UBND phường Lâm Viên - Đà Lạt",
            "Lãnh đạo UBND xã Bảo Lâm 1",
            "Lãnh đạo UBND Phường 1 Bảo Lộc",
            "Lãnh đạo UBND phường Cam Ly - Đà Lạt",
            "Lãnh đạo UBND xã Hòa Ninh",
        ],
    ),
    ("21_", &["Sở Nội vụ", "Các cơ quan, đơn vị được kiểm tra"]),
    // 22, the draft of 21: the same two headings.
    ("22_", &["Sở Nội vụ", "Các cơ quan, đơn vị được kiểm tra"]),
    // An inspection team: the members are given the work.
    (
        "23_",
        &[
            "Ông. Hoàng Văn Thuân - Trưởng đoàn",
            "Ông. Đỗ Mạnh Cường - Phó Trưởng đoàn",
            "Ông. Vũ Việt Linh - Thư ký đoàn",
            "Ông. Bùi Việt Cường - Thành viên",
        ],
    ),
];

#[test]
fn numbered_headings_of_a_word_file_keep_the_numbers_word_draws() {
    let Some(files) = real_docs() else { return };
    // 17 numbers its headings with Word's lists ("1." to "7." under "I. MỤC TIÊU, NHIỆM VỤ",
    // "a)" to "c)" and "a)" "b)" under "II"), not in the paragraphs' text.
    let record = parsed(&files, "17_");
    let outline = |section: &Section| -> Vec<(String, String)> {
        section
            .children
            .iter()
            .map(|c| (c.label.clone(), c.title.clone()))
            .collect()
    };
    let first: Vec<(String, String)> = outline(&record.sections[0]);
    let expected = [
        ("1", "Cải cách thể chế"),
        ("2", "Cải cách thủ tục hành chính"),
        ("3", "Cải cách tổ chức bộ máy hành chính nhà nước"),
        ("4", "Cải cách chế độ công vụ"),
        ("5", "Cải cách tài chính công"),
        (
            "6",
            "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
        ),
        ("7", "Công tác chỉ đạo, điều hành"),
    ];
    assert_eq!(first, expected.map(|(l, t)| (l.to_string(), t.to_string())));
    let second = &record.sections[1];
    let labels: Vec<Vec<String>> = second
        .children
        .iter()
        .map(|c| outline(c).into_iter().map(|(l, _)| l).collect())
        .collect();
    assert_eq!(labels, [vec!["a", "b", "c"], vec!["a", "b"]]);
    // Its targets sit under the numbered headings ("I.2.a": the aims of the second reform).
    assert!(
        record
            .targets
            .iter()
            .any(|t| t.section.as_deref() == Some("I.2.a"))
    );
}

#[test]
fn real_plans_give_their_assignments_by_agency() {
    let Some(files) = real_docs() else { return };
    let mut failures = Vec::new();
    for (prefix, agencies) in ASSIGNED {
        let record = parsed(&files, prefix);
        let got: Vec<&str> = record
            .assignments
            .iter()
            .map(|a| a.agency.as_str())
            .collect();
        let fits = |(e, g): (&&str, &&str)| g == e || g.starts_with(&format!("{e} ("));
        if got.len() != agencies.len() || !agencies.iter().zip(&got).all(fits) {
            failures.push(format!(
                "{prefix}\n  expected {agencies:?}\n  parsed   {got:?}"
            ));
        }
        assert!(
            record.assignments.iter().all(|a| !a.duties.is_empty()),
            "{prefix}: an agency without duties"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every agency a real plan gives work to has a duty: a name with none means a sentence was cut
/// in the wrong place, or not cut at its verb.
#[test]
fn every_agency_of_every_real_plan_has_a_duty() {
    let Some(files) = real_docs() else { return };
    let mut without = Vec::new();
    for file in &files[3..] {
        let record = parse_path(file, &ParseOptions::default()).unwrap();
        for a in record.assignments.iter().filter(|a| a.duties.is_empty()) {
            without.push(format!("{}: {}", file.display(), a.agency));
        }
    }
    assert!(without.is_empty(), "{}", without.join("\n"));
}

/// Quantity, unit, at-least and due year of a record's targets (those of one section, if given).
fn quantities<'r>(record: &'r PlanRecord, section: Option<&str>) -> Vec<(f64, &'r str, bool, i32)> {
    record
        .targets
        .iter()
        .filter(|t| section.is_none() || t.section.as_deref() == section)
        .map(|t| {
            let unit = t.unit.as_deref().unwrap_or("");
            (
                t.quantity.unwrap_or(-1.0),
                unit,
                t.at_least,
                t.year.unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn real_plans_give_their_targets_with_quantity_and_year() {
    let Some(files) = real_docs() else { return };
    // 09, "1. Mục tiêu cụ thể": "a) Đến hết năm 2025: Có ≥ 30% DNNVV, HTX, HKD ..." to
    // "đ) Đến hết năm 2045: 100% ...".
    let record = parsed(&files, "09_");
    let read: Vec<(Option<f64>, Option<i32>, bool)> = record
        .targets
        .iter()
        .map(|t| (t.quantity, t.year, t.at_least))
        .collect();
    assert_eq!(
        read,
        [
            (Some(30.0), Some(2025), true),
            (Some(60.0), Some(2030), true),
            (Some(85.0), Some(2035), true),
            (Some(95.0), Some(2040), true),
            (Some(100.0), Some(2045), false),
        ]
    );
    // 20, "II. CHỈ TIÊU CHỦ YẾU THỰC HIỆN ĐẾN NĂM 2030": each percentage a clause states, by
    // 2030 except "riêng năm 2025 ... ít nhất 20%"; two lines commit to two things each ("100%
    // các điểm ... và 100% diện tích ...", "Trên 80% số trạm y tế ... và 100% cơ sở ...").
    let record = parsed(&files, "20_");
    let read: Vec<(f64, i32)> = record
        .targets
        .iter()
        .filter(|t| t.section.as_deref() == Some("II"))
        .map(|t| (t.quantity.unwrap_or(-1.0), t.year.unwrap_or(0)))
        .collect();
    let mut expected = vec![(50.0, 2030), (20.0, 2025)];
    expected.extend(
        [
            100.0, 100.0, 80.0, 3.0, 3.0, 5.0, 80.0, 100.0, 100.0, 70.0, 80.0, 100.0, 100.0, 90.0,
        ]
        .map(|q| (q, 2030)),
    );
    assert_eq!(read, expected);
    // 05, "2. Các chỉ tiêu cụ thể đến năm 2030": every line a target, by 2030; "60-70%" is at
    // least 60%; the capacity line's bracket ("gồm 166 dự án thủy điện; 02 dự án ...") is its
    // breakdown, not targets of its own.
    let record = parsed(&files, "05_");
    assert_eq!(
        quantities(&record, Some("II.2")),
        [
            (12.0, "%", false, 2030),
            (5.0, "Khu công nghiệp", false, 2030),
            (80.0, "%", true, 2030),
            (15.0, "Cụm công nghiệp", false, 2030),
            (60.0, "%", true, 2030),
            (2000.0, "ha", true, 2030),
            (100.0, "%", false, 2030),
            (1.0, "Khu công nghiệp", false, 2030),
            (2989.5, "MW", false, 2030),
            (99.86, "%", false, 2030),
        ]
    );
    // 11, "II. MỤC TIÊU": 6 general aims, the 9 the list under "10 mục tiêu" gives, and 14 for
    // the digital society, all by 2030. "gấp 30 lần GRDP" is a multiple; "dân số từ 15 tuổi trở
    // lên ... đạt 95%" is not "at least" (the age is).
    let record = parsed(&files, "11_");
    let read = quantities(&record, None);
    let mut expected = vec![
        (30.0, "%", true, 2030),
        (20.0, "%", true, 2030),
        (20.0, "%", true, 2030),
        (30.0, "lần", false, 2030),
        (1.0, "sàn", true, 2030),
        (10.0, "doanh nghiệp", true, 2030),
    ];
    let percentages = [
        (90.0, true),
        (70.0, true),
        (100.0, false),
        (20.0, true),
        (50.0, true),
        (70.0, true),
        (70.0, true),
        (70.0, true),
        (50.0, true),
        (95.0, true),
        (95.0, false),
        (70.0, true),
        (80.0, true),
        (100.0, false),
        (80.0, true),
        (80.0, true),
        (80.0, true),
        (100.0, false),
        (100.0, false),
        (100.0, false),
        (100.0, false),
        (95.0, true),
        (100.0, false),
    ];
    expected.extend(percentages.map(|(q, at_least)| (q, "%", at_least, 2030)));
    assert_eq!(read, expected);
    // 16, "2. Cải cách thủ tục hành chính", "a) Mục tiêu": one target per sentence with a
    // quantity, also where an item holds two or three sentences ("... (trừ ... Nghị định số
    // 118/2025/NĐ-CP của Chính phủ). 100% thủ tục hành chính liên thông ..."), over the plan's
    // period 2026-2030.
    let record = parsed(&files, "16_");
    let aims: Vec<_> = record
        .targets
        .iter()
        .filter(|t| t.section.as_deref() == Some("II.2.a"))
        .collect();
    let read: Vec<(f64, bool)> = aims
        .iter()
        .map(|t| (t.quantity.unwrap_or(-1.0), t.at_least))
        .collect();
    let mut expected = vec![(100.0, false); 6];
    expected.extend([(98.0, true), (100.0, false), (100.0, false)]);
    assert_eq!(read, expected);
    assert!(aims.iter().all(
        |t| t.year.is_none() && t.period.as_ref().map(|p| (p.from, p.to)) == Some((2026, 2030))
    ));
    // 04: its one aim with a number, "Phấn đấu ... đấu giá từ 05 mỏ khoáng sản ... trở lên".
    let record = parsed(&files, "04_");
    let read: Vec<(Option<f64>, Option<&str>, bool)> = record
        .targets
        .iter()
        .map(|t| (t.quantity, t.unit.as_deref(), t.at_least))
        .collect();
    assert_eq!(read, [(Some(5.0), Some("mỏ"), true)]);
}

#[test]
fn real_plans_name_their_funding_sources_not_duties_about_money() {
    let Some(files) = real_docs() else { return };
    // 14, "III. KINH PHÍ THỰC HIỆN": item 1 names the source; items 2 and 3 are duties
    // ("Sở Tài chính chủ trì ... bố trí kinh phí", "Các cơ quan được phân công ... lập dự toán").
    // 21, "VI. KINH PHÍ": one sentence, the last of the body, ending in "./.".
    for (prefix, source) in [
        (
            "14_",
            "Kinh phí bảo đảm thực hiện Kế hoạch này được bố trí từ nguồn ngân sách nhà nước",
        ),
        (
            "21_",
            "Kinh phí phục vụ cho công tác kiểm tra sử dụng trong dự toán",
        ),
    ] {
        let sources = parsed(&files, prefix).budget.sources;
        assert!(
            sources.len() == 1 && sources[0].starts_with(source),
            "{prefix}: {sources:?}"
        );
    }
}

/// What a reader finds in a plan's task table: some of its rows as (task, when), the task
/// without its final full stop; some (agency, task) pairs from its lead column, the agency as
/// the record names it (an agency the text names already keeps the text's name: "UBND các xã,
/// phường" in the table is the text's "Ủy ban nhân dân các xã, phường"); and how many rows
/// with a time it has (rows repeating another's task and time counted once).
struct TaskTable {
    file: &'static str,
    steps: &'static [(&'static str, &'static str)],
    leads: &'static [(&'static str, &'static str)],
    dated_rows: usize,
    /// The dated steps the plan's text gives that its table does not (task, time), as read.
    text_steps: &'static [(&'static str, &'static str)],
}

const TASK_TABLES: &[TaskTable] = &[
    // 04, "Phụ lục": "TT | Tên nhiệm vụ | Sở, ngành chủ trì tham mưu | Đơn vị phối hợp thực
    // hiện | Thời gian thực hiện | Ghi chú", a row numbering the columns "(1) ... (5)", then
    // tasks 1 to 14.
    TaskTable {
        file: "04_",
        steps: &[
            (
                "Xử lý nghiêm và xử lý dứt điểm các hành vi khai thác khoáng sản bằng tàu cuốc trên sông, suối, hồ",
                "Xong trong Quý II/2026",
            ),
            (
                "Thực hiện rà soát việc lập, thẩm định, phê duyệt thiết kế mỏ theo quy định và tổ chức kiểm tra, giám sát việc tuân thủ thiết kế mỏ đã được phê duyệt theo quy định",
                "Thường xuyên",
            ),
        ],
        leads: &[
            (
                "Thuế tỉnh",
                "Kiểm tra, đối chiếu khối lượng khoáng sản kê khai, nộp thuế, phí của các đơn vị khai thác khoáng sản và đôn đốc các đơn vị khai thác thực hiện đầy đủ nghĩa vụ tài chính theo quy định pháp luật",
            ),
            // "Sở Công Thương; Sở Xây dựng": both lead task 6.
            (
                "Sở Công Thương",
                "Thực hiện rà soát việc lập, thẩm định, phê duyệt thiết kế mỏ theo quy định và tổ chức kiểm tra, giám sát việc tuân thủ thiết kế mỏ đã được phê duyệt theo quy định",
            ),
            (
                "Sở Xây dựng",
                "Thực hiện rà soát việc lập, thẩm định, phê duyệt thiết kế mỏ theo quy định và tổ chức kiểm tra, giám sát việc tuân thủ thiết kế mỏ đã được phê duyệt theo quy định",
            ),
            (
                "Ủy ban nhân dân các xã, phường",
                "Tăng cường công tác quản lý, bảo vệ khoáng sản chưa khai thác; quản lý, bảo vệ khoáng sản tại khu vực dự trữ quốc gia",
            ),
        ],
        dated_rows: 14,
        // "... kịp thời phát hiện, xử lý nghiêm và xử lý dứt điểm các hành vi khai thác
        // khoáng sản bằng tàu cuốc trên sông, suối, hồ xong trong quý II năm 2026." (I.4)
        text_steps: &[(
            "Kịp thời phát hiện, xử lý nghiêm và xử lý dứt điểm các hành vi khai thác khoáng sản bằng tàu cuốc trên sông, suối, hồ",
            "Xong trong quý II năm 2026",
        )],
    },
    // 16, "Phụ lục": "STT | Nhiệm vụ | Sản phẩm | Thời gian hoàn thành | Chủ trì thực hiện |
    // Phối hợp thực hiện | Theo dõi, kiểm tra, đôn đốc", groups I to VII, 59 dated rows. Task
    // VII.2 spans two rows (merged down), the second with its own time and lead; so does VII.3,
    // but with the same time in both rows: one step.
    TaskTable {
        file: "16_",
        steps: &[
            (
                "Hoàn thành và đưa Trung tâm IOC vào hoạt động",
                "Trong quý I năm 2026",
            ),
            (
                "Tham mưu ban hành Kế hoạch kiểm tra công tác cải cách hành chính trên địa bàn tỉnh hằng năm",
                "Ban hành kế hoạch trong tháng 01 hằng năm và tổ chức thực hiện",
            ),
            (
                "Tham mưu ban hành Kế hoạch kiểm tra công tác cải cách hành chính trên địa bàn tỉnh hằng năm",
                "Ban hành kế hoạch trong tháng 01 hằng năm; tổ chức kiểm tra chậm nhất trong tháng 6 hằng năm và báo cáo kết quả khắc phục các tồn tại, hạn chế phát hiện qua kiểm tra chậm nhất trong tháng 8 hằng năm",
            ),
        ],
        leads: &[
            (
                "Văn phòng UBND tỉnh (Trung tâm Thông tin)",
                "Hoàn thành và đưa Trung tâm IOC vào hoạt động",
            ),
            (
                "Thanh tra tỉnh",
                "Tổ chức thanh tra trách nhiệm thực hiện nhiệm vụ công vụ của cán bộ, công chức, viên chức trong việc thực hiện các quy định của pháp luật về việc tiếp nhận và giải quyết thủ tục hành chính",
            ),
            (
                "Sở Nội vụ",
                "Tham mưu ban hành Kế hoạch kiểm tra công tác cải cách hành chính trên địa bàn tỉnh hằng năm",
            ),
            // The lower row of the merged task VII.2.
            (
                "Các cơ quan, đơn vị, địa phương",
                "Tham mưu ban hành Kế hoạch kiểm tra công tác cải cách hành chính trên địa bàn tỉnh hằng năm",
            ),
        ],
        dated_rows: 58,
        text_steps: &[],
    },
    // 17, the same form for the year 2026: groups I to VII, 52 dated rows, tasks VII.2 and
    // VII.3 merged down as in 16 (VII.3 one step).
    TaskTable {
        file: "17_",
        steps: &[
            (
                "Định kỳ thực hiện việc công bố danh mục văn bản quy phạm pháp luật hết hiệu lực, tạm ngưng hiệu lực theo thẩm quyền",
                "Trước ngày 31/01 năm liền kề",
            ),
            (
                "Tham mưu UBND tỉnh triển khai ứng dụng AI, tờ rơi, tờ gấp, infographic trong công tác phổ biến, giáo dục pháp luật trên địa bàn tỉnh",
                "Trong năm 2026",
            ),
            (
                "Xây dựng và tổ chức thực hiện Kế hoạch cải cách hành chính năm 2026 của cơ quan, đơn vị, địa phương",
                "Ban hành kế hoạch chậm nhất là ngày 15/01/2026 và tổ chức thực hiện",
            ),
        ],
        leads: &[
            (
                "Công an tỉnh",
                "Giao Công an tỉnh tham mưu UBND tỉnh triển khai ứng dụng AI trong công tác giám sát an ninh mạng",
            ),
            // "Sở Tư pháp; UBND các xã, phường, đặc khu".
            (
                "UBND các xã, phường, đặc khu",
                "Định kỳ thực hiện việc công bố danh mục văn bản quy phạm pháp luật hết hiệu lực, tạm ngưng hiệu lực theo thẩm quyền",
            ),
            (
                "Sở Tư pháp",
                "Định kỳ thực hiện việc công bố danh mục văn bản quy phạm pháp luật hết hiệu lực, tạm ngưng hiệu lực theo thẩm quyền",
            ),
        ],
        dated_rows: 51,
        // "- Hoàn thành và đưa Trung tâm IOC vào hoạt động trong quý I năm 2026." (16 says
        // it too, twice, and its table has the same task and time: one step there.)
        text_steps: &[(
            "Hoàn thành và đưa Trung tâm IOC vào hoạt động",
            "Trong quý I năm 2026",
        )],
    },
    // 18, two tables "TT | Nội dung | Trách nhiệm thực hiện | Thời gian (Năm 2026)": the
    // leaders of a department (11 rows), then of a commune or ward (10 rows), answer questions
    // on the radio one evening each month.
    TaskTable {
        file: "18_",
        steps: &[
            (
                "Giải đáp những vướng mắc, kiến nghị về công tác CCHC và các vấn đề mà người dân, doanh nghiệp đang rất quan tâm thuộc thẩm quyền giải quyết của Sở Giáo dục và Đào tạo",
                "Từ 20 giờ 15 phút - 20 giờ 45 phút ngày 13 tháng 3",
            ),
            (
                "Giải đáp những vướng mắc, kiến nghị về công tác CCHC và các vấn đề mà người dân, doanh nghiệp đang rất quan tâm thuộc thẩm quyền giải quyết của UBND xã Hòa Ninh",
                "Từ 20 giờ 15 phút - 20 giờ 45 phút ngày 25 tháng 12",
            ),
        ],
        leads: &[
            // "Lãnh đạo" and the department's name on two lines of the cell.
            (
                "Lãnh đạo Sở Giáo dục và Đào tạo",
                "Giải đáp những vướng mắc, kiến nghị về công tác CCHC và các vấn đề mà người dân, doanh nghiệp đang rất quan tâm thuộc thẩm quyền giải quyết của Sở Giáo dục và Đào tạo",
            ),
            (
                "Lãnh đạo UBND xã Hòa Ninh",
                "Giải đáp những vướng mắc, kiến nghị về công tác CCHC và các vấn đề mà người dân, doanh nghiệp đang rất quan tâm thuộc thẩm quyền giải quyết của UBND xã Hòa Ninh",
            ),
        ],
        dated_rows: 21,
        text_steps: &[],
    },
    // 09 (Markdown), "PHỤ LỤC DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM": "STT | Tên nhiệm vụ | Cơ quan
    // chủ trì | Cơ quan phối hợp | Thời gian hoàn thành", tasks 1 to 11 in groups I to IV; "Sở
    // KH&CN" is the "Sở Khoa học và Công nghệ" of the text.
    TaskTable {
        file: "09_",
        steps: &[(
            "Xây dựng Bộ tiêu chí đánh giá mức độ chuyển đổi số doanh nghiệp",
            "Quí IV-2025",
        )],
        leads: &[
            (
                "Sở Khoa học và Công nghệ",
                "Xây dựng Bộ tiêu chí đánh giá mức độ chuyển đổi số doanh nghiệp",
            ),
            (
                "Sở Nội vụ",
                "Biểu dương, tôn vinh, khen thưởng, khích lệ, động viên kịp thời bằng nhiều hình thức đa dạng cho các doanh nghiệp, tổ chức, cá nhân có thành tích trong chuyển đổi số",
            ),
        ],
        dated_rows: 11,
        text_steps: &[],
    },
    // 11 (Markdown), "PHỤ LỤC": "STT | Nhiệm vụ, giải pháp | Đơn vị thực hiện | Đơn vị phối
    // hợp | Thời gian thực hiện | Sản phẩm đầu ra", 94 tasks in groups A to C; under part B
    // each group repeats the header without its STT cell, over rows that have it ("1.1 | Xây
    // dựng ... | Sở Nông nghiệp và Môi trường | ...").
    TaskTable {
        file: "11_",
        steps: &[(
            "Triển khai Nền tảng dữ liệu số nông nghiệp; Nền tảng số kết nối người nông dân với chuyên gia nông nghiệp; Nền tảng truy xuất nguồn gốc nông sản",
            "2026 - 2030",
        )],
        leads: &[(
            "Sở Nông nghiệp và Môi trường",
            "Xây dựng và tổ chức triển khai Kế hoạch phát triển kinh tế số và xã hội số trong lĩnh vực nông nghiệp, nông thôn",
        )],
        dated_rows: 94,
        text_steps: &[],
    },
];

#[test]
fn real_plans_give_the_steps_and_agencies_of_their_task_tables() {
    let Some(files) = real_docs() else { return };
    let mut failures = Vec::new();
    for expected in TASK_TABLES {
        let record = parsed(&files, expected.file);
        let steps = expected.dated_rows + expected.text_steps.len();
        if record.schedule.len() != steps {
            failures.push(format!(
                "{}: {} steps, expected {steps}",
                expected.file,
                record.schedule.len(),
            ));
        }
        for (task, when) in expected.steps.iter().chain(expected.text_steps) {
            if !record
                .schedule
                .iter()
                .any(|s| s.task == *task && s.when == *when)
            {
                failures.push(format!("{}: no step {task:?} at {when:?}", expected.file));
            }
        }
        for (agency, duty) in expected.leads {
            let entries: Vec<_> = record
                .assignments
                .iter()
                .filter(|a| a.agency == *agency)
                .collect();
            if entries.len() != 1 || !entries[0].duties.iter().any(|d| d == duty) {
                failures.push(format!(
                    "{}: {agency:?} ({} entries) without the duty {duty:?}",
                    expected.file,
                    entries.len()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn task_table_rows_that_name_no_agency_are_reported() {
    let Some(files) = real_docs() else { return };
    // 16, tasks II.5, III.3 and VI.8: one cell over the lead and partner columns, "Theo phân
    // công tại Quyết định số 1441/QĐ-UBND ..." (resp. "Phương án số 7178/PA-UBND", "Quyết định
    // số 1737/QĐ-UBND"): dated steps, but no agency.
    let record = parsed(&files, "16_");
    for document in ["1441/QĐ-UBND", "7178/PA-UBND", "1737/QĐ-UBND"] {
        assert!(
            record
                .warnings
                .iter()
                .any(|w| w.contains("names no agency") && w.contains(document)),
            "{document}: {:?}",
            record.warnings
        );
        assert!(
            record
                .schedule
                .iter()
                .any(|s| s.when.starts_with("Theo các mốc thời gian") && s.when.contains(document))
        );
    }
}

#[test]
fn an_appendix_left_as_text_says_whether_its_task_tables_were_read() {
    let Some(files) = real_docs() else { return };
    // 16 ends with "PHỤ LỤC ... NHIỆM VỤ" (a task table, read); 21 with "Phụ lục I", an
    // inspection schedule by unit inspected, which has no task column.
    let appendix_warning = |prefix: &str| {
        parsed(&files, prefix)
            .warnings
            .into_iter()
            .find(|w| w.contains("after the signature"))
            .unwrap_or_default()
    };
    let read = appendix_warning("16_");
    assert!(read.contains("\"PHỤ LỤC\"") && read.contains("task tables were read"));
    let not_read = appendix_warning("21_");
    assert!(not_read.contains("\"Phụ lục I\"") && !not_read.contains("task tables"));
}

#[test]
fn a_team_table_gives_each_member_the_tasks_in_their_rows() {
    let Some(files) = real_docs() else { return };
    // 06's appendix: Nguyễn Thị Loan is named under four of its nine tasks.
    let record = parsed(&files, "06_");
    let loan = record
        .assignments
        .iter()
        .find(|a| a.agency == "Nguyễn Thị Loan")
        .map(|a| a.duties.clone())
        .unwrap_or_default();
    assert_eq!(
        loan,
        [
            "Rà soát việc đáp ứng các điều kiện của học viên",
            "Tổ chức kiểm tra",
            "Rà soát vào điểm",
            "Rà soát chứng chỉ trước khi trình",
        ]
    );
}

#[test]
fn a_money_heading_inside_another_part_gives_the_budget_sources() {
    let Some(files) = real_docs() else { return };
    // 16 and 17, under "III./II. TỔ CHỨC THỰC HIỆN": "2. Kinh phí thực hiện", then "Kinh phí
    // thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước theo phân cấp ngân sách nhà
    // nước hiện hành." and an agencies' duty ("Các cơ quan, đơn vị, địa phương căn cứ ...").
    for prefix in ["16_", "17_"] {
        assert_eq!(
            parsed(&files, prefix).budget.sources,
            [
                "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước theo phân cấp ngân sách nhà nước hiện hành"
            ],
            "{prefix}"
        );
    }
    // 11, under "V. NHIỆM VỤ, GIẢI PHÁP": "6. Bảo đảm kinh phí", "a) Kinh phí thực hiện Kế
    // hoạch này bao gồm: Ngân sách nhà nước; nguồn đầu tư của doanh nghiệp, ...".
    let sources = parsed(&files, "11_").budget.sources;
    assert!(
        sources.first().is_some_and(|s| s.starts_with(
            "Kinh phí thực hiện Kế hoạch này bao gồm: Ngân sách nhà nước; nguồn đầu tư của doanh nghiệp"
        )),
        "{sources:?}"
    );
    // 09's "a) Thẩm định dự toán kinh phí thực hiện nhiệm vụ Kế hoạch, ..." is a duty of Sở Tài
    // chính, not a heading about money.
    assert!(parsed(&files, "09_").budget.sources.is_empty());
}

#[test]
fn a_time_heading_dates_the_activity_it_names() {
    let Some(files) = real_docs() else { return };
    let steps = |prefix| -> Vec<(String, String)> {
        parsed(&files, prefix)
            .schedule
            .into_iter()
            .map(|s| (s.task, s.when))
            .collect()
    };
    // 06, "II. NỘI DUNG": "1. Thời gian kiểm tra: 13h30’ ngày 29/4/2026 (Thứ Tư)."
    assert_eq!(
        steps("06_"),
        [("Kiểm tra".into(), "13h30’ ngày 29/4/2026 (Thứ Tư)".into())]
    );
    // 19: "1. Thời gian thi đua" / "Phong trào thi đua trong năm 2026 và tính đến hết ngày
    // 31/12/2026."; "3.4. Thời gian gửi hồ sơ khen thưởng:" / "Các cơ quan, ... gửi về Sở Nội
    // vụ trước ngày 15/02/2027 để tổng hợp, ...": that sentence's own deadline, once.
    assert_eq!(
        steps("19_"),
        [
            (
                "Thi đua".into(),
                "Phong trào thi đua trong năm 2026 và tính đến hết ngày 31/12/2026".into()
            ),
            (
                "Các cơ quan, đơn vị, địa phương căn cứ nội dung Kế hoạch, tiêu chuẩn khen thưởng, chủ động rà soát và lập hồ sơ đề nghị Chủ tịch UBND tỉnh tặng Bằng khen gửi về Sở Nội vụ".into(),
                "Trước ngày 15/02/2027".into()
            ),
        ]
    );
}
