//! Bad input: nothing panics; a record with warnings or a clear error naming the file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;

use kehoach::plan::record::Source;
use kehoach::plan::{ParseError, ParseOptions, parse_path, parse_text};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn source(format: &str) -> Source {
    Source {
        path: "test".into(),
        format: format.into(),
        encoding: "utf-8".into(),
        restored_lines: 0,
    }
}

#[test]
fn a_document_that_is_not_a_plan_gets_a_warning() {
    let record = parse_text(
        "Hôm nay trời đẹp. Chúng tôi đi chợ mua rau và cá.\nBuổi chiều về nhà nấu cơm.\n",
        source("txt"),
    );
    assert_eq!(record.doc_type, None);
    assert!(
        record
            .warnings
            .iter()
            .any(|w| w.contains("no document type"))
    );
    assert!(record.sections.is_empty());
}

#[test]
fn a_truncated_plan_keeps_what_it_has_and_says_so() {
    let full = std::fs::read_to_string("fixtures/plans/000.txt").unwrap();
    let cut = &full[..full.find("III. NỘI DUNG THỰC HIỆN").unwrap()];
    let record = parse_text(cut, source("txt"));
    assert_eq!(record.doc_type.as_deref(), Some("KẾ HOẠCH"));
    assert_eq!(record.sections.len(), 2);
    assert!(record.recipients.is_empty());
    assert!(record.warnings.iter().any(|w| w.contains("truncated")));
}

#[test]
fn an_empty_file_gives_an_empty_record_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.txt", b"");
    let record = parse_path(&path, &ParseOptions::default()).unwrap();
    assert!(record.warnings.iter().any(|w| w.contains("empty")));
    assert_eq!(record.title, None);
}

#[test]
fn a_docx_that_is_not_a_zip_is_refused_with_the_file_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "fake.docx",
        b"this is plain text, not a Word file",
    );
    let err = parse_path(&path, &ParseOptions::default()).unwrap_err();
    let message = err.to_string();
    assert!(matches!(err, ParseError::Read(_)));
    assert!(message.contains("fake.docx"), "{message}");
    assert!(message.contains("not a zip"), "{message}");
}

#[test]
fn a_zip_bomb_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.docx");
    let file = std::fs::File::create(&path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).unwrap();
    let block = vec![b' '; 1 << 20];
    for _ in 0..8 {
        zip.write_all(&block).unwrap();
    }
    zip.finish().unwrap();
    let err = parse_path(&path, &ParseOptions::default()).unwrap_err();
    assert!(err.to_string().contains("zip bomb"), "{err}");
}

#[test]
fn a_zip_without_a_document_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    zip.start_file("hello.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"hi").unwrap();
    zip.finish().unwrap();
    let err = parse_path(&path, &ParseOptions::default()).unwrap_err();
    assert!(err.to_string().contains("word/document.xml"), "{err}");
}

/// The fixture Word plan with its `word/document.xml` made by `damage` (the other parts as
/// they are), written as `name`.
fn docx_with_damaged_document(dir: &Path, name: &str, damage: fn(&str) -> String) -> PathBuf {
    let bytes = std::fs::read("fixtures/plans/006-header-table.docx").unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let path = dir.join(name);
    let mut out = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).unwrap();
        let part_name = part.name().unwrap().to_string();
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut part, &mut text).unwrap();
        if part_name == "word/document.xml" {
            text = damage(std::str::from_utf8(&text).unwrap()).into_bytes();
        }
        out.start_file(part_name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&text).unwrap();
    }
    out.finish().unwrap();
    path
}

#[test]
fn a_docx_cut_short_keeps_its_text_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // The document's XML cut off in the middle of the body, after the header and the title.
    let path = docx_with_damaged_document(dir.path(), "cut.docx", |xml| {
        let mut at = xml.find("</w:body>").unwrap() / 2;
        while !xml.is_char_boundary(at) {
            at -= 1;
        }
        xml[..at].to_string()
    });
    let record = parse_path(&path, &ParseOptions::default()).unwrap();
    assert_eq!(record.number.as_deref(), Some("12/KH-UBND"));
    assert!(record.title.is_some());
    assert!(
        record.warnings[0].contains("word/document.xml is cut short"),
        "{:?}",
        record.warnings
    );
    // The whole file says nothing of the kind.
    let whole = parse_path(
        Path::new("fixtures/plans/006-header-table.docx"),
        &ParseOptions::default(),
    )
    .unwrap();
    assert!(!whole.warnings.iter().any(|w| w.contains("cut short")));
}

#[test]
fn a_docx_with_broken_xml_or_a_cut_archive_is_refused_with_the_problem_named() {
    let dir = tempfile::tempdir().unwrap();
    // A closing tag with no element to close, as a broken tool leaves.
    let stray = docx_with_damaged_document(dir.path(), "stray.docx", |xml| {
        let at = xml.find("<w:p ").or_else(|| xml.find("<w:p>")).unwrap();
        format!("{}</w:tc>{}", &xml[..at], &xml[at..])
    });
    let err = parse_path(&stray, &ParseOptions::default()).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("stray.docx"), "{message}");
    assert!(message.contains("broken word/document.xml"), "{message}");
    // The archive itself cut short: its directory at the end is gone.
    let whole = std::fs::read("fixtures/plans/006-header-table.docx").unwrap();
    let short = write(dir.path(), "short.docx", &whole[..whole.len() / 2]);
    let err = parse_path(&short, &ParseOptions::default()).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("short.docx"), "{message}");
    assert!(message.contains("not a readable zip archive"), "{message}");
}

#[test]
fn ragged_empty_and_huge_task_tables_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let cell = |text: &str| format!("<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>");
    let row = |cells: &[&str]| {
        let cells: String = cells.iter().map(|c| cell(c)).collect();
        format!("<w:tr>{cells}</w:tr>")
    };
    let mut tables = String::new();
    // An empty header; a header alone; ragged rows; a row wider than its header.
    tables.push_str(&format!(
        "<w:tbl>{}{}</w:tbl>",
        row(&["", ""]),
        row(&["1", "Việc"])
    ));
    tables.push_str(&format!(
        "<w:tbl>{}</w:tbl>",
        row(&["STT", "Nhiệm vụ", "Thời gian"])
    ));
    let mut huge = row(&["STT", "Nhiệm vụ", "Thời gian", "Cơ quan chủ trì"]);
    huge.push_str(&row(&["1"]));
    huge.push_str(&row(&[
        "2",
        "Việc hai",
        "Quý I",
        "Sở Nội vụ",
        "thừa",
        "thừa",
    ]));
    huge.push_str("<w:tr></w:tr>");
    for i in 0..5000 {
        let task = format!("Báo cáo {i}");
        huge.push_str(&row(&[
            &i.to_string(),
            &task,
            "Hằng tháng",
            "Theo quy định",
        ]));
    }
    tables.push_str(&format!("<w:tbl>{huge}</w:tbl>"));
    let xml = format!(
        r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>{tables}</w:body></w:document>"#
    );
    let path = dir.path().join("tables.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
    let record = parse_path(&path, &ParseOptions::default()).unwrap();
    // Task 2 and the 5000 reports (their time read, their lead not an agency) are steps.
    assert_eq!(record.schedule.len(), 5001);
    assert_eq!(record.schedule[0].task, "Việc hai");
    assert!(record.assignments.iter().any(|a| a.agency == "Sở Nội vụ"));
    assert!(
        record
            .warnings
            .iter()
            .any(|w| w.contains("more rows not read"))
    );
}

#[test]
fn the_command_writes_json_lines_and_names_refused_files() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "KẾ HOẠCH\nThử nghiệm\nI. MỤC TIÊU\n".as_bytes(),
    );
    write(dir.path(), "b.docx", b"not a zip");
    let out = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .arg("parse")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1);
    let record: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(record["doc_type"], "KẾ HOẠCH");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("b.docx") && stderr.contains("not a zip"),
        "{stderr}"
    );
}

#[test]
fn adapt_lets_the_clean_plans_of_a_batch_teach_restoration() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "ỦY BAN NHÂN DÂN XÃ SUỐI GIÀNG\n\nKẾ HOẠCH\nPhát triển sản phẩm chè Shan tuyết Suối Giàng năm 2026\n\n\
         I. MỤC TIÊU\n- Hợp tác xã Nậm Búng trồng chè Shan tuyết Suối Giàng trên diện tích 30 ha.\n"
            .as_bytes(),
    );
    write(
        dir.path(),
        "b.txt",
        "UY BAN NHAN DAN XA SUOI GIANG\n\nKE HOACH\nPhat trien san pham che Shan tuyet Suoi Giang nam 2027\n\n\
         I. MUC TIEU\n- Ho tro hop tac xa Nam Bung nang hang san pham che Shan tuyet Suoi Giang len 4 sao.\n"
            .as_bytes(),
    );
    let title_of_b = |adapt: bool| -> String {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kehoach"));
        command.arg("parse").arg(dir.path());
        if adapt {
            command.arg("--adapt");
        }
        let out = command.output().unwrap();
        assert!(out.status.success());
        let stdout = String::from_utf8(out.stdout).unwrap();
        let record: serde_json::Value =
            serde_json::from_str(stdout.lines().nth(1).unwrap()).unwrap();
        assert_eq!(
            record["source"]["path"]
                .as_str()
                .map(|p| p.ends_with("b.txt")),
            Some(true)
        );
        record["title"].as_str().unwrap_or_default().to_string()
    };
    assert_eq!(
        title_of_b(true),
        "Phát triển sản phẩm chè Shan tuyết Suối Giàng năm 2027"
    );
    // The embedded model alone does not know the product.
    assert_ne!(
        title_of_b(false),
        "Phát triển sản phẩm chè Shan tuyết Suối Giàng năm 2027"
    );
}

#[test]
fn the_command_prints_pretty_json_for_one_file_and_writes_out_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out.json");
    let status = Command::new(env!("CARGO_BIN_EXE_kehoach"))
        .args(["parse", "fixtures/plans/002.txt", "-o"])
        .arg(&out_path)
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(&out_path).unwrap();
    assert!(text.starts_with("{\n"));
    let record: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(record["signature"]["name"], "Bùi Thị Thu Hằng");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any text, however broken, parses into a record without a panic.
    #[test]
    fn parse_text_never_panics(text in r"(?s)[ \n\t|*#:;.,()\-–/0-9a-zA-ZđĐàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵIVX…“”]{0,400}") {
        let _ = parse_text(&text, source("txt"));
        let _ = parse_text(&text, source("md"));
    }

    /// Plan-shaped fragments in any order parse without a panic.
    #[test]
    fn plan_fragments_in_any_order(parts in proptest::collection::vec(prop_oneof![
        Just("KẾ HOẠCH"), Just("Số: /KH-UBND"), Just("Số: 12/KH-"), Just("I. MỤC TIÊU"), Just("1."), Just("a)"),
        Just("1.1. Thời gian: Quý IV năm 2026"), Just("Nơi nhận:"), Just("- Lưu: VT."), Just("TM. ỦY BAN NHÂN DÂN"),
        Just("KT."), Just("Căn cứ Quyết định số 1/QĐ-TTg ngày 31/02/2026 của"), Just("Tổng kinh phí: 1.000,0 triệu đồng"),
        Just("| 1 | Ngân sách | 5 |"), Just("Phấn đấu 100% ; trong đó"), Just("Sản phẩm ( của – "), Just("IV. TỔ CHỨC THỰC HIỆN"),
        Just(""), Just("   "), Just("Nguyễn Văn A"), Just("PHƯỜNG"), Just(", ngày tháng năm 2026"),
        Just("| STT | Nhiệm vụ | Thời gian | Chủ trì | Người thực hiện |"), Just("|---|---|---|---|---|"),
        Just("| 1 | Kiểm tra | Quý I | Sở Nội vụ; UBND xã | Nguyễn Văn A |"), Just("| I | NHÓM MỘT |"),
        Just("| | | Tháng 6 |"), Just("| Nội dung | Chủ trì |"), Just("|"),
    ], 0..40)) {
        let text = parts.join("\n");
        let _ = parse_text(&text, source("txt"));
        let _ = parse_text(&text, source("md"));
    }
}
