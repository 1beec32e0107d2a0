//! The plan parser: normalized text in, the parts of a [`PlanRecord`] out.
//!
//! Stages: [`layout`] turns the text into logical lines; the document type
//! line ("KẾ HOẠCH") splits the header ([`header`]) from the title and the
//! preamble, whose "Căn cứ" paragraphs give the legal bases ([`legal`]);
//! headings build the section tree ([`sections`]) up to the closing
//! paragraph, "Nơi nhận" or the signature ([`signature`]); the tree is then
//! read for targets, products, budget, assignments and schedule ([`extract`]). The task
//! tables of the plan ([`task_table`]) add their schedule steps and assignments to those.

pub mod extract;
pub mod header;
pub mod layout;
pub mod legal;
pub mod sections;
pub mod signature;
pub mod task_table;

use std::borrow::Cow;

use crate::plan::record::{PlanRecord, Source};
use crate::read::Table;
use crate::text::lower_first;
use crate::text::syllable::is_letter;
use crate::text::words::END_MARK;

pub use layout::Flow;

/// A regular expression compiled once per call site.
macro_rules! re {
    ($pattern:expr) => {{
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        RE.get_or_init(|| $crate::plan::parse::compile($pattern))
    }};
}
pub(crate) use re;

/// Compiles one of the parser's own patterns (they are constants, so they are valid).
pub(crate) fn compile(pattern: &str) -> regex::Regex {
    regex::Regex::new(pattern).expect("valid regex")
}

pub use crate::text::normalize::is_upper_case_line as is_upper_line;

/// True when a line is a rule or other layout with nothing to read ("-----", "* *", "…", "|"),
/// or empty.
pub fn is_rule_line(line: &str) -> bool {
    line.chars().all(|c| "-_=–—.…*| ".contains(c))
}

/// "LÂM ĐỒNG" → "Lâm Đồng": every word capitalised.
pub fn title_case(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses the normalized text of one plan, with its tables (their text is in `text` too), into
/// the record of the text from `source`.
pub fn parse(text: &str, flow: Flow, tables: &[Table], source: Source) -> PlanRecord {
    let lines = layout::logical_lines(text, flow);
    let mut out = PlanRecord::new(source);
    if lines.is_empty() {
        out.warnings.push("the document is empty".to_string());
        return out;
    }
    let mut title_lines: Vec<String> = Vec::new();
    // Issuers named after the type rather than in the header ("QUYẾT ĐỊNH CỦA BỘ TRƯỞNG ...").
    let mut named_issuers: Vec<String> = Vec::new();
    let body_from = match header::find_doc_type(&lines) {
        Some(header::TypeLine {
            at,
            last,
            doc_type,
            title: title_rest,
            named_issuer,
        }) => {
            let head = header::parse_header(&lines[..at]);
            out.doc_type = Some(doc_type);
            named_issuers.extend(named_issuer);
            out.issuer = head.issuer;
            out.number = head.number;
            out.symbol = head.symbol;
            out.place = head.place;
            out.date = head.date;
            out.warnings.extend(head.warnings);
            title_lines.extend(title_rest);
            let mut next = last + 1;
            while let Some(line) = lines.get(next) {
                if !is_title_line(line, title_lines.is_empty()) || title_lines.len() >= 5 {
                    break;
                }
                title_lines.push(line.clone());
                next += 1;
            }
            // A note under the title ("(Ban hành kèm theo ...)") or a rule line.
            while let Some(line) = lines.get(next) {
                if is_rule_line(line) {
                    next += 1;
                } else if line.starts_with('(') && line.ends_with(')') {
                    out.warnings
                        .push(format!("note under the title not placed: {line:?}"));
                    next += 1;
                } else {
                    break;
                }
            }
            next
        }
        None => {
            out.warnings.push(
                "no document type line (KẾ HOẠCH, ...) found: not a plan, or its header is missing"
                    .to_string(),
            );
            0
        }
    };
    let mut title = title_lines.join(" ");
    // An issuer named after the type that runs on ("LIÊN TỊCH BỘ TÀI CHÍNH - CÔNG NGHIỆP -")
    // ends at a gazette's number on the next line ("TỔNG CỤC HẢI QUAN SỐ 176/1998/TTLT ...").
    if let Some(named) = named_issuers.last_mut()
        && named.trim_end().ends_with(['-', ','])
        && let Some(caps) = re!(r"(?i)^(.+?)\s+(số\b.*)$").captures(&title)
        && header::gazette_heading(&caps[2]).is_some()
    {
        named.push(' ');
        named.push_str(&caps[1]);
        title = caps[2].to_string();
    }
    // A gazette's heading gives number and date under the type, not in the header.
    if out.number.is_none()
        && out.date.year.is_none()
        && let Some(gazette) = header::gazette_heading(&title)
    {
        out.number = gazette.number;
        out.symbol = gazette.symbol;
        out.date = gazette.date;
        named_issuers.extend(gazette.issuer);
        title = gazette.title;
    }
    // (An issuer named again after the type, as the header names it, is no news.)
    for named in named_issuers {
        let issuer = header::named_issuer(&named);
        if out.issuer.name.is_none() {
            out.issuer = issuer;
        } else if issuer.name.map(|n| n.to_lowercase())
            != out.issuer.name.as_ref().map(|n| n.to_lowercase())
        {
            out.warnings.push(format!(
                "issuer named after the type, not placed: {named:?}"
            ));
        }
    }
    if out.doc_type.is_some() && out.date.year.is_none() {
        out.warnings.push("no place and date line".to_string());
    }
    // A legal document names its enacting authority on the line after its title ("CHÍNH PHỦ",
    // "BỘ TRƯỞNG BỘ TÀI CHÍNH", before "Căn cứ ..."): no part of the title.
    if let (Some(last), Some(issuer)) = (title_lines.last(), &out.issuer.name)
        && title_lines.len() > 1
        && header::is_enacting_authority(last, issuer)
        && let Some(kept) = title.strip_suffix(last.as_str())
    {
        title = kept.trim_end().to_string();
    }
    if !title.is_empty() {
        out.title = Some(title);
    }
    let rest = &lines[body_from..];
    let body_end = rest
        .iter()
        .position(|l| {
            signature::is_recipients_heading(l)
                || signature::is_signature_marker(l)
                || l.ends_with(END_MARK)
                || l.starts_with("Trên đây là")
        })
        .unwrap_or(rest.len());
    // The closing formula ("Trên đây là Kế hoạch ...") ends the body. A last line ending in
    // "./." is still part of it (with a plain full stop) when it is an item, or the text right
    // under a heading, or one more paragraph of plain text under a heading that names no
    // agency ("2. Kinh phí thực hiện"); after a list ("- ...") or the text of an agency's item,
    // it is the plan's closing word to all, which no heading holds.
    let mut body = Cow::Borrowed(&rest[..body_end]);
    let tail_from = match rest.get(body_end) {
        Some(l) if l.starts_with("Trên đây là") => body_end + 1,
        Some(l) if l.ends_with(END_MARK) => {
            let under_heading = body.last().is_some_and(|p| sections::heading(p).is_some());
            let last_heading = body.iter().rev().find_map(|p| sections::heading(p));
            let after_paragraph = body.last().is_some_and(|p| !re!(r"^[-–+•]").is_match(p));
            let under_other = after_paragraph
                && last_heading.is_some_and(|(_, _, title)| {
                    !extract::starts_with_agency(&extract::without_grounds(&title))
                });
            if sections::heading(l).is_some() || under_heading || under_other {
                body.to_mut().push(l.trim_end_matches("/.").to_string());
            } else {
                out.warnings.push(format!(
                    "closing paragraph after the last item, not placed: {:?}",
                    l.chars().take(80).collect::<String>()
                ));
            }
            body_end + 1
        }
        _ => body_end,
    };
    let (preamble, roots, tree_warnings) = sections::build_tree(&body);
    out.warnings.extend(tree_warnings);
    read_preamble(&preamble, &mut out);
    let tail = signature::parse_tail(&rest[tail_from.min(rest.len())..]);
    out.recipients = tail.recipients;
    out.signature = tail.signature;
    out.warnings.extend(tail.warnings);
    let appendix = tail.appendix;
    if out.doc_type.is_some() && out.recipients.is_empty() && out.signature == Default::default() {
        out.warnings
            .push("no recipients and no signature: the plan ends early (truncated?)".to_string());
    }
    // A header naming only the unit ("PHƯỜNG YÊN HÒA") under a People's Committee signature.
    if let (Some(name), Some(authority)) = (&out.issuer.name, &out.signature.authority)
        && out.issuer.locality.is_some()
        && re!(r"^(?:Xã|Phường|Thị trấn|Huyện|Quận|Thị xã|Thành phố|Tỉnh)\s").is_match(name)
        && authority.contains("ỦY BAN NHÂN DÂN")
    {
        out.issuer.name = Some(format!("Ủy ban nhân dân {}", lower_first(name)));
    }
    if out.issuer.name.is_none() {
        let sentence = preamble
            .iter()
            .chain(out.title.iter())
            .find_map(|l| header::issuer_from_sentence(l));
        if let Some(issuer) = sentence {
            out.warnings.push(
                "no issuer in the header: taken from the preamble's own sentence".to_string(),
            );
            out.issuer = issuer;
        }
    }
    let about = format!(
        "{} {}",
        out.title.as_deref().unwrap_or(""),
        preamble.join(" ")
    );
    if re!(r"(?i)\bOCOP\b|mỗi xã một sản phẩm").is_match(&about) {
        out.programme = Some("OCOP".to_string());
    }
    if let Some(title) = &out.title {
        out.year = extract::find_year(title);
        out.period = extract::find_period(title);
    }
    out.targets = extract::targets(&roots, out.year, out.period.as_ref());
    out.products = extract::products(&roots);
    out.budget = extract::budget(&roots);
    out.assignments = extract::assignments(&roots);
    out.schedule = extract::schedule(&roots);
    let tabled = task_table::read_task_tables(tables, flow);
    extract::merge_assignments(&mut out.assignments, tabled.assignments);
    let from_tables = extract::merge_schedule(&mut out.schedule, tabled.schedule);
    if let Some(appendix) = appendix {
        let tables_read = match from_tables {
            0 => String::new(),
            steps => format!("; the plan's task tables were read ({steps} steps)"),
        };
        out.warnings.push(format!(
            "{} lines after the signature not parsed as text (appendix?), starting {:?}{tables_read}",
            appendix.lines, appendix.first
        ));
    }
    out.warnings.extend(tabled.warnings);
    out.sections = roots.iter().map(sections::Node::to_section).collect();
    if out.doc_type.is_some() && out.sections.is_empty() {
        out.warnings
            .push("no headings (I., 1., a)) found in the body".to_string());
    }
    out
}

/// True when a line after the document type continues the title (trích yếu).
fn is_title_line(line: &str, first: bool) -> bool {
    if first {
        return !line.starts_with("Căn cứ") && sections::heading(line).is_none();
    }
    !(legal::is_basis_paragraph(line)
        || sections::heading(line).is_some()
        || layout::starts_block(line)
        || is_rule_line(line)
        || line.starts_with('(')
        || line.ends_with(':')
        || re!(r"(?:ban hành|xây dựng)\s+(?:Kế hoạch|kế hoạch)").is_match(line))
}

/// Reads the legal bases of the preamble; its other sentences are the plan's own words.
fn read_preamble(preamble: &[String], out: &mut PlanRecord) {
    for line in preamble {
        if legal::is_basis_paragraph(line) {
            let (bases, _rest) = legal::parse_bases(line);
            out.legal_bases.extend(bases);
        }
    }
}

/// How many words the text-quality shares look at (a sample is enough to tell).
const QUALITY_SAMPLE: usize = 3000;

/// Share of the words of a text that are not Vietnamese syllables (OCR damage, legacy bytes),
/// over its first `QUALITY_SAMPLE` words.
pub fn unknown_word_share(text: &str) -> f64 {
    let mut words = 0usize;
    let mut unknown = 0usize;
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(QUALITY_SAMPLE)
    {
        if word.is_empty() || word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()) {
            continue;
        }
        words += 1;
        if crate::text::Syllable::parse(&word.to_lowercase()).is_none() {
            unknown += 1;
        }
    }
    if words == 0 {
        0.0
    } else {
        unknown as f64 / words as f64
    }
}

/// Share of the syllables of a text written without any diacritic (unaccented Vietnamese),
/// over its first `QUALITY_SAMPLE` words.
pub fn unaccented_share(text: &str) -> f64 {
    let mut words = 0usize;
    let mut plain = 0usize;
    for word in text
        .split(|c: char| !is_letter(c))
        .filter(|w| !w.is_empty())
        .take(QUALITY_SAMPLE)
    {
        if word.chars().count() < 2 {
            continue;
        }
        words += 1;
        if word.is_ascii() {
            plain += 1;
        }
    }
    if words == 0 {
        0.0
    } else {
        plain as f64 / words as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(body: &str) -> PlanRecord {
        let text = format!(
            "ỦY BAN NHÂN DÂN XÃ AN BÌNH\nSố: 12/KH-UBND\nAn Bình, ngày 5 tháng 3 năm 2026\n\
             KẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n{body}\nNơi nhận:\n- Như trên;\n\
             - Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn An\n"
        );
        parse(&text, Flow::Paragraphs, &[], Source::default())
    }

    fn closing_left_out(record: &PlanRecord) -> bool {
        record
            .warnings
            .iter()
            .any(|w| w.starts_with("closing paragraph"))
    }

    #[test]
    fn a_joint_issuer_that_runs_on_ends_at_the_gazette_s_number() {
        let record = parse(
            "THÔNG TƯ\nLIÊN TỊCH BỘ TÀI CHÍNH - CÔNG NGHIỆP -\n\
             TỔNG CỤC HẢI QUAN SỐ 176/1998/TTLT-BTC-BCN-TCHQ NGÀY 25 THÁNG 12 NĂM 1998 \
             HƯỚNG DẪN THỰC HIỆN CHÍNH SÁCH THUẾ\nCăn cứ Luật Thuế xuất khẩu, thuế nhập khẩu;\n\
             1. Đối tượng áp dụng\nCác doanh nghiệp sản xuất.",
            Flow::Paragraphs,
            &[],
            Source::default(),
        );
        assert_eq!(record.doc_type.as_deref(), Some("THÔNG TƯ LIÊN TỊCH"));
        assert_eq!(
            record.issuer.name.as_deref(),
            Some("Bộ Tài chính - Công nghiệp - Tổng cục Hải quan")
        );
        assert_eq!(record.number.as_deref(), Some("176/1998/TTLT-BTC-BCN-TCHQ"));
        assert_eq!(record.date.year, Some(1998));
        assert_eq!(
            record.title.as_deref(),
            Some("HƯỚNG DẪN THỰC HIỆN CHÍNH SÁCH THUẾ")
        );
    }

    #[test]
    fn a_last_paragraph_is_its_section_s_unless_it_closes_a_list_or_an_agency_s_item() {
        // One more paragraph of the budget's plain text: the agencies it names get the work.
        let record = parsed(
            "I. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì theo dõi việc thực hiện.\n\
             2. Kinh phí thực hiện\nKinh phí được bố trí từ ngân sách nhà nước.\n\
             Các cơ quan, đơn vị căn cứ nhiệm vụ được giao, đề xuất bố trí kinh phí./.",
        );
        assert!(!closing_left_out(&record), "{:?}", record.warnings);
        let agencies: Vec<&str> = record
            .assignments
            .iter()
            .map(|a| a.agency.as_str())
            .collect();
        assert_eq!(agencies, ["Sở Nội vụ", "Các cơ quan, đơn vị"]);
        // After an agency's item, or after a list, it is the closing word to all.
        for body in [
            "I. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\nChủ trì theo dõi việc thực hiện.\n\
             Đề nghị các cơ quan, đơn vị nghiêm túc thực hiện./.",
            "I. CHẾ ĐỘ BÁO CÁO\n- Các sở báo cáo trước ngày 10/12.\n\
             Ủy ban nhân dân xã yêu cầu các cơ quan nghiêm túc thực hiện./.",
        ] {
            let record = parsed(body);
            assert!(closing_left_out(&record), "{body}");
        }
    }
}
