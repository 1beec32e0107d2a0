//! Markdown and HTML rendering of a hand-written plan record.

use kehoach::plan::PlanRecord;
use kehoach::render::{OutputKind, RenderError, Renderer, UserTemplate, render};

fn record() -> PlanRecord {
    serde_json::from_str(include_str!("data/plan-xa.json")).unwrap()
}

fn markdown(record: &PlanRecord) -> String {
    String::from_utf8(render(record, OutputKind::Markdown).unwrap()).unwrap()
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!(markdown(&record()));
}

#[test]
fn the_record_text_prints_as_written_not_as_markdown() {
    // A footnote mark, a product of numbers, blanks to fill in and a link in a plan's text:
    // none of them is emphasis or a link in any output.
    let written = "năm 2027 (*) theo mẫu 2*3*4, hạn ngày __/__/2027 [xem](javascript:alert(1))";
    let mut record = record();
    record.title = Some(written.to_string());
    let html = String::from_utf8(render(&record, OutputKind::Html).unwrap()).unwrap();
    for markup in ["(<em>", "<strong>/", "href=\"javascript"] {
        assert!(!html.contains(markup), "{markup} in {html}");
    }
    assert!(html.contains("(*) theo mẫu 2*3*4, hạn ngày __/__/2027 [xem](javascript:alert(1))"));
    let docx = render(&record, OutputKind::Docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let runs: String = xml
        .split("<w:t")
        .skip(1)
        .filter_map(|part| part.split_once('>').map(|(_, rest)| rest))
        .map(|rest| rest.split("</w:t>").next().unwrap_or(""))
        .collect();
    assert!(runs.contains("hạn ngày __/__/2027 [xem]"), "{runs}");
    // The Markdown output escapes them, so that it shows the same text.
    assert!(markdown(&record).contains("(\\*) theo mẫu 2\\*3\\*4"));
}

#[test]
fn a_title_written_in_small_letters_starts_with_a_capital_as_decree_30_sets_it() {
    // A Party body's plan writes its title "thực hiện Nghị quyết ..." under KẾ HOẠCH.
    let mut record = record();
    record.title = Some("thực hiện Nghị quyết số 08-NQ/HU về phát triển sản phẩm OCOP".to_string());
    let md = markdown(&record);
    assert!(md.contains("**Thực hiện Nghị quyết số 08-NQ/HU"), "{md}");
    assert!(
        md.contains("ban hành Kế hoạch thực hiện Nghị quyết số 08-NQ/HU"),
        "{md}"
    );
    let html = String::from_utf8(render(&record, OutputKind::Html).unwrap()).unwrap();
    assert!(
        html.contains(r#"<p class="subject">Thực hiện Nghị quyết"#),
        "{html}"
    );
    let docx = render(&record, OutputKind::Docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains(">Thực hiện Nghị quyết số 08-NQ/HU"), "{xml}");
}

#[test]
fn html_has_header_table_and_body() {
    let html = String::from_utf8(render(&record(), OutputKind::Html).unwrap()).unwrap();
    assert!(html.contains("<table class=\"header\">"));
    assert!(html.contains("<strong>I. MỤC ĐÍCH, YÊU CẦU</strong>"));
    assert!(
        html.contains("<li>"),
        "section lines starting with \"- \" are list items"
    );
    assert!(html.contains("Phan Quang Hưng"));
    assert!(!html.contains("**"), "all Markdown is turned into HTML");
}

#[test]
fn missing_signer_is_an_error_naming_the_field() {
    let mut record = record();
    record.signature.name = None;
    let err = render(&record, OutputKind::Markdown).unwrap_err();
    assert!(
        matches!(err, RenderError::MissingField { ref field, .. } if field == "signature.name"),
        "{err}"
    );
    let err = render(&record, OutputKind::Docx).unwrap_err();
    assert!(err.to_string().contains("signature.name"), "{err}");
    // A field a filter is given ("record.issuer.name | issuer_lines") is named too.
    let mut record = self::record();
    record.issuer.name = None;
    let err = render(&record, OutputKind::Markdown).unwrap_err();
    assert!(
        matches!(err, RenderError::MissingField { ref field, .. } if field == "issuer.name"),
        "{err}"
    );
}

#[test]
fn template_syntax_error_is_reported_with_its_name() {
    let template = UserTemplate {
        name: "mine.md.tera".to_string(),
        source: "{% for x in record.recipients %}{{ x }".to_string(),
    };
    let err = Renderer::with_template(Some(&template))
        .err()
        .expect("a syntax error");
    let message = err.to_string();
    assert!(message.contains("mine.md.tera"), "{message}");
}

#[test]
fn user_template_field_missing_names_the_field() {
    let template = UserTemplate {
        name: "mine.md.tera".to_string(),
        source: "{{ record.title }}\n{{ record.issuer.nickname }}\n".to_string(),
    };
    let renderer = Renderer::with_template(Some(&template)).unwrap();
    let err = renderer
        .render(&record(), OutputKind::Markdown)
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("issuer.nickname") && message.contains("line 2"),
        "{message}"
    );
}

#[test]
fn blank_number_and_day_leave_room_to_fill_in() {
    let mut record = record();
    record.number = None;
    record.date.day = None;
    let text = markdown(&record);
    assert!(text.contains("Số:       /KH-UBND"), "{text}");
    assert!(text.contains("ngày \u{a0}"), "{text}");
}

#[test]
fn the_issuer_level_picks_the_template() {
    let mut record = record();
    record.issuer.name = Some("Ủy ban nhân dân tỉnh Tuyên Quang".to_string());
    record.issuer.level = Some("tinh".to_string());
    let text = markdown(&record);
    assert!(
        text.starts_with("**ỦY BAN NHÂN DÂN**\n\n**TỈNH TUYÊN QUANG**"),
        "{text}"
    );
    assert!(text.contains("Yêu cầu các sở, ban, ngành"));
    record.issuer.name = Some("Ủy ban nhân dân huyện Mèo Vạc".to_string());
    record.issuer.level = None;
    assert!(markdown(&record).contains("các xã, thị trấn"));
    record.issuer.level = Some("ấp".to_string());
    let err = render(&record, OutputKind::Markdown).unwrap_err();
    assert!(err.to_string().contains("issuer.level"), "{err}");
    // A body of no one level (an inspection team) gets the base template's closing, which
    // names no one below the issuer.
    record.issuer.name = Some("Đoàn Kiểm tra theo Quyết định số 1050/QĐ-SCT".to_string());
    record.issuer.level = None;
    let text = markdown(&record);
    assert!(
        text.contains("của Đoàn Kiểm tra theo Quyết định số 1050/QĐ-SCT./."),
        "{text}"
    );
    for closing in [
        "Yêu cầu các sở, ban, ngành",
        "Ủy ban nhân dân các xã, thị trấn căn cứ",
        "các thôn, tổ dân phố trên địa bàn",
    ] {
        assert!(!text.contains(closing), "{closing}");
    }
    assert!(render(&record, OutputKind::Docx).is_ok());
}

#[test]
fn place_and_date_line_follows_the_record() {
    let mut record = record();
    record.place = None;
    let err = render(&record, OutputKind::Markdown).unwrap_err();
    assert!(err.to_string().contains("`place`"), "{err}");
    assert!(
        render(&record, OutputKind::Docx)
            .unwrap_err()
            .to_string()
            .contains("`place`")
    );
    // A plan whose source had no place and date line renders without one.
    record.date = Default::default();
    let text = markdown(&record);
    assert!(!text.contains(", ngày"), "{text}");
    render(&record, OutputKind::Docx).unwrap();
}

#[test]
fn long_sentence_items_keep_their_punctuation() {
    let mut record = record();
    record.sections[1].children[0].title =
        "Tiếp tục duy trì thứ hạng sao đối với các sản phẩm đã được chứng nhận sản phẩm OCOP giai đoạn 2023-2025, gồm".into();
    record.sections[1].children[0].text = "- Cam sành Hà Giang.".into();
    let text = markdown(&record);
    assert!(
        text.contains("**1.** Tiếp tục duy trì thứ hạng sao đối với các sản phẩm đã được chứng nhận sản phẩm OCOP giai đoạn 2023-2025, gồm:\n\n- Cam sành Hà Giang."),
        "{text}"
    );
}

#[test]
fn a_user_html_template_escapes_record_text() {
    let mut record = record();
    record.title = Some("Kế hoạch <b>thử</b>".to_string());
    let template = UserTemplate {
        name: "page.html.tera".to_string(),
        source: "<h1>{{ record.title }}</h1>{{ body | safe }}".to_string(),
    };
    let renderer = Renderer::with_template(Some(&template)).unwrap();
    let html = String::from_utf8(renderer.render(&record, OutputKind::Html).unwrap()).unwrap();
    assert!(
        html.starts_with("<h1>Kế hoạch &lt;b&gt;thử&lt;/b&gt;</h1>"),
        "{html}"
    );
}
