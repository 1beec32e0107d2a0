//! The DOCX follows Decree 30/2020/NĐ-CP: checked in word/document.xml and the header parts.

use std::io::Read;

use kehoach::plan::PlanRecord;
use kehoach::render::{OutputKind, render};
use regex::Regex;

/// Renders the hand-written record and returns the named parts of the package.
fn parts(names: &[&str]) -> Vec<String> {
    let record: PlanRecord = serde_json::from_str(include_str!("data/plan-xa.json")).unwrap();
    parts_of(&record, names)
}

/// Renders `record` and returns the named parts of the package.
fn parts_of(record: &PlanRecord, names: &[&str]) -> Vec<String> {
    let bytes = render(record, OutputKind::Docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    names
        .iter()
        .map(|name| {
            let mut text = String::new();
            zip.by_name(name)
                .unwrap_or_else(|_| panic!("{name} is in the package"))
                .read_to_string(&mut text)
                .unwrap();
            text
        })
        .collect()
}

fn document() -> String {
    parts(&["word/document.xml"]).remove(0)
}

#[test]
fn control_characters_of_a_record_do_not_reach_the_xml() {
    // XML 1.0 has no NUL, bell or unit separator: a document.xml with one does not open.
    let mut record: PlanRecord = serde_json::from_str(include_str!("data/plan-xa.json")).unwrap();
    let title = record.title.clone().unwrap();
    record.title = Some(format!("{title}\u{0} \u{7}lần\u{1f} thử\u{b}"));
    record.recipients.push("Phòng\u{c}Thử nghiệm".to_string());
    let xml = parts_of(&record, &["word/document.xml"]).remove(0);
    let bad: Vec<char> = xml
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
    assert!(
        xml.contains("Phòng Thử nghiệm"),
        "a page break in a field is a space"
    );
    assert!(xml.contains("lần thử"));
}

/// The value of attribute `attr` in the first `tag` element.
fn attr(xml: &str, tag: &str, attr: &str) -> i64 {
    let re = Regex::new(&format!(r#"<{tag}\b[^>]*\b{attr}="(-?\d+)""#)).unwrap();
    re.captures(xml)
        .unwrap_or_else(|| panic!("{tag} with {attr}"))[1]
        .parse()
        .unwrap()
}

/// Millimetres in twips.
fn mm(v: f64) -> i64 {
    (v * 1440.0 / 25.4).round() as i64
}

#[test]
fn page_is_a4_with_decree_margins() {
    let xml = document();
    assert_eq!(attr(&xml, "w:pgSz", "w:w"), 11906);
    assert_eq!(attr(&xml, "w:pgSz", "w:h"), 16838);
    let within = |v: i64, lo: f64, hi: f64| (mm(lo) - 1..=mm(hi) + 1).contains(&v);
    assert!(within(attr(&xml, "w:pgMar", "w:top"), 20.0, 25.0));
    assert!(within(attr(&xml, "w:pgMar", "w:bottom"), 20.0, 25.0));
    assert!(within(attr(&xml, "w:pgMar", "w:left"), 30.0, 35.0));
    assert!(within(attr(&xml, "w:pgMar", "w:right"), 15.0, 20.0));
}

#[test]
fn every_run_is_times_new_roman() {
    let xml = document();
    let fonts = Regex::new(r#"<w:rFonts [^>]*w:ascii="([^"]+)""#).unwrap();
    let found: Vec<_> = fonts
        .captures_iter(&xml)
        .map(|c| c[1].to_string())
        .collect();
    assert!(found.len() > 20);
    assert!(found.iter().all(|f| f == "Times New Roman"), "{found:?}");
}

/// The run properties of the run whose text is exactly `text`.
fn run_props<'a>(xml: &'a str, text: &str) -> &'a str {
    let at = xml
        .find(&format!(">{text}</w:t>"))
        .unwrap_or_else(|| panic!("a run with {text:?}"));
    let start = xml[..at].rfind("<w:r>").expect("run start");
    &xml[start..at]
}

fn size_of(props: &str) -> i64 {
    attr(props, "w:sz", "w:val")
}

#[test]
fn header_sizes_and_styles() {
    let xml = document();
    let issuer = run_props(&xml, "ỦY BAN NHÂN DÂN");
    assert!((24..=26).contains(&size_of(issuer)) && issuer.contains("<w:b />"));
    let nation = run_props(&xml, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert!((24..=26).contains(&size_of(nation)) && nation.contains("<w:b />"));
    let motto = run_props(&xml, "Độc lập - Tự do - Hạnh phúc");
    assert!((26..=28).contains(&size_of(motto)) && motto.contains("<w:b />"));
    assert_eq!(size_of(run_props(&xml, "Số: 45/KH-UBND")), 26);
    let date = run_props(&xml, "Vĩnh Tuy, ngày 07 tháng 02 năm 2026");
    assert!((26..=28).contains(&size_of(date)) && date.contains("<w:i />"));
    let kind = run_props(&xml, "KẾ HOẠCH");
    assert!((26..=28).contains(&size_of(kind)) && kind.contains("<w:b />"));
    let recipients = run_props(&xml, "Nơi nhận:");
    assert_eq!(size_of(recipients), 24);
    assert!(recipients.contains("<w:b />") && recipients.contains("<w:i />"));
    assert_eq!(size_of(run_props(&xml, "- Lưu: VT.")), 22);
    assert!(run_props(&xml, "Phan Quang Hưng").contains("<w:b />"));
}

#[test]
fn header_and_signature_tables_have_no_borders() {
    let xml = document();
    let tables: Vec<&str> = xml.split("<w:tbl>").skip(1).collect();
    assert_eq!(tables.len(), 2, "header and signature tables");
    let border =
        Regex::new(r#"<w:(top|left|bottom|right|insideH|insideV) [^>]*w:val="([a-z]+)""#).unwrap();
    for table in tables {
        let props = &table[..table.find("</w:tblPr>").unwrap()];
        let vals: Vec<_> = border
            .captures_iter(props)
            .map(|c| c[2].to_string())
            .collect();
        assert_eq!(vals.len(), 6, "{props}");
        assert!(vals.iter().all(|v| v == "nil" || v == "none"), "{vals:?}");
    }
}

#[test]
fn body_is_justified_indented_and_spaced() {
    let xml = document();
    let body_start = xml.find("Căn cứ Quyết định").unwrap();
    let paragraph = Regex::new(r"<w:p\b[^>]*>(?s:.*?)</w:p>").unwrap();
    let body: Vec<&str> = paragraph
        .find_iter(&xml[xml[..body_start].rfind("<w:p ").unwrap()..])
        .map(|m| m.as_str())
        .take_while(|p| !p.contains("<w:tbl>"))
        .take(20)
        .collect();
    assert!(body.len() >= 10);
    for p in body {
        assert!(p.contains(r#"<w:jc w:val="both" />"#), "{p}");
        let indent = attr(p, "w:ind", "w:firstLine");
        assert!((567..=720).contains(&indent), "first line indent {indent}");
        assert!(attr(p, "w:spacing", "w:after") >= 120);
        let sz = attr(p, "w:sz", "w:val");
        assert!((26..=28).contains(&sz));
    }
}

#[test]
fn page_numbers_from_page_two() {
    let xml = document();
    assert!(xml.contains("<w:titlePg"), "a different first page");
    let default = Regex::new(r#"<w:headerReference w:type="default" r:id="[^"]+""#).unwrap();
    assert!(default.is_match(&xml));
    let headers = parts(&["word/header1.xml", "word/header2.xml"]);
    let with_page: Vec<_> = headers.iter().filter(|h| h.contains("PAGE")).collect();
    assert_eq!(
        with_page.len(),
        1,
        "one header has the page number, the first page's has none"
    );
    assert!(with_page[0].contains(r#"<w:jc w:val="center" />"#));
}

#[test]
fn property_children_are_in_schema_order() {
    use quick_xml::Reader;
    use quick_xml::events::Event;
    let mut checked = 0;
    let names = [
        "word/document.xml",
        "word/header1.xml",
        "word/header2.xml",
        "word/styles.xml",
    ];
    for part in parts(&names) {
        let mut reader = Reader::from_str(&part);
        // For each open element: its name and the rank of its last child seen.
        let mut stack: Vec<(String, Option<usize>)> = Vec::new();
        loop {
            let event = reader.read_event().unwrap();
            let (name, opens) = match &event {
                Event::Start(e) => (e.name().as_ref().to_string(), true),
                Event::Empty(e) => (e.name().as_ref().to_string(), false),
                Event::End(_) => {
                    stack.pop();
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            if let Some((parent, last)) = stack.last_mut()
                && let Some(order) = kehoach::render::ooxml::child_order(parent)
            {
                let rank = order.iter().position(|o| *o == name);
                let rank = rank.unwrap_or_else(|| panic!("{name} is not a child of {parent}"));
                assert!(
                    last.is_none_or(|l| l <= rank),
                    "{name} out of order in {parent}"
                );
                *last = Some(rank);
                checked += 1;
            }
            if opens {
                stack.push((name, None));
            }
        }
    }
    assert!(checked > 100);
}
