//! Builds fixtures/plans/006-header-table.docx, a real Word file whose header and signature are tables.
//!
//! Run: `cargo run --example make_docx_fixture` (writes the file; the expected record
//! fixtures/records/006-header-table.json was written by reading the text below).

use docx_rs::{BreakType, Docx, Paragraph, Run, Table, TableCell, TableRow};

/// A paragraph of one run.
fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

/// A bold paragraph of one run.
fn bold(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text).bold())
}

/// A table cell holding the given paragraphs.
fn cell(paragraphs: Vec<Paragraph>) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new(), |c, p| c.add_paragraph(p))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let header = Table::new(vec![
        TableRow::new(vec![
            cell(vec![
                para("ỦY BAN NHÂN DÂN"),
                bold("XÃ TÂN LẬP"),
                para("-------"),
            ]),
            cell(vec![
                bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                bold("Độc lập - Tự do - Hạnh phúc"),
                para("---------------"),
            ]),
        ]),
        TableRow::new(vec![
            cell(vec![para("Số: 12/KH-UBND")]),
            cell(vec![para("Tân Lập, ngày 15 tháng 01 năm 2026")]),
        ]),
    ]);
    let title = Paragraph::new().add_run(
        Run::new()
            .add_text("Chuyển đổi số trên địa bàn xã Tân Lập")
            .add_break(BreakType::TextWrapping)
            .add_text("năm 2026"),
    );
    let body = [
        "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030;",
        "Thực hiện Kế hoạch số 210/KH-UBND ngày 25/12/2025 của Ủy ban nhân dân tỉnh Phú Thọ về chuyển đổi số năm 2026; Ủy ban nhân dân xã Tân Lập ban hành Kế hoạch chuyển đổi số năm 2026 như sau:",
        "I. MỤC TIÊU",
        "1. Phấn đấu 100% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trên môi trường điện tử.",
        "2. Có ít nhất 80% hộ gia đình sử dụng dịch vụ công trực tuyến trong năm 2026.",
        "II. NHIỆM VỤ",
        "1. Phát triển hạ tầng số",
        "- Rà soát, nâng cấp đường truyền internet tại trụ sở Ủy ban nhân dân xã.",
        "- Thời gian thực hiện: Quý I năm 2026.",
        "2. Phát triển công dân số",
        "- Tổ chức 03 lớp tập huấn kỹ năng số cho người dân.",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng HĐND và UBND xã",
        "- Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch.",
        "- Tổng hợp, báo cáo kết quả định kỳ 6 tháng, năm.",
        "2. Trung tâm Phục vụ hành chính công xã",
        "- Hướng dẫn người dân nộp hồ sơ trực tuyến.",
    ];
    let signature = Table::new(vec![TableRow::new(vec![
        cell(vec![
            bold("Nơi nhận:"),
            para("- UBND tỉnh (b/c);"),
            para("- Sở Khoa học và Công nghệ;"),
            para("- Lưu: VT."),
        ]),
        cell(vec![
            bold("TM. ỦY BAN NHÂN DÂN"),
            bold("CHỦ TỊCH"),
            para(""),
            bold("Nguyễn Văn An"),
        ]),
    ])]);
    let mut docx = Docx::new()
        .add_table(header)
        .add_paragraph(bold("KẾ HOẠCH"))
        .add_paragraph(title);
    for line in body {
        docx = docx.add_paragraph(para(line));
    }
    let path = "fixtures/plans/006-header-table.docx";
    let file = std::fs::File::create(path)?;
    docx.add_table(signature).build().pack(file)?;
    println!("wrote {path}");
    Ok(())
}
