//! Legal bases: "Căn cứ ...", "Thực hiện văn bản số ..." references, several to a sentence.

use crate::plan::record::LegalBasis;

use super::re;

/// Kinds of cited documents, as they open a reference.
const KINDS: &str = r"Phương án|Quy chế phối hợp|Quy chế|Nghị quyết|Quyết định|Văn bản|Công văn|Kế hoạch|Chỉ thị|Thông tư liên tịch|Thông tư|Nghị định|Luật|Bộ luật|Pháp lệnh|Hiến pháp|Chương trình hành động|Chương trình|Hướng dẫn|Thông báo|Đề án|Kết luận|Quy định|Công điện|Tờ trình|Báo cáo";

/// True when a paragraph of the preamble cites documents ("Căn cứ", "Thực hiện", "Theo").
pub fn is_basis_paragraph(line: &str) -> bool {
    re!(r"^(?:Căn cứ|Tiếp tục thực hiện|Thực hiện|Theo|Triển khai|Thi hành)\s").is_match(line)
        && opens_reference(opener_stripped(line))
}

/// True when text opens a reference: "Quyết định số 1/...", "văn bản số 2/...", "số 3/...", "Luật Đất đai".
fn opens_reference(text: &str) -> bool {
    re!(&format!(r"^(?i:{KINDS})\s+số\s*\d|^số\s*\d")).is_match(text)
        || (starts_with_kind(text)
            && (re!(r"ngày\s*\d|\bsố\s*\d|/[A-ZĐ]").is_match(text)
                || re!(r"^(?:Luật|Bộ luật|Pháp lệnh|Hiến pháp|Nghị quyết)\s").is_match(text)))
}

/// The paragraph without its opener ("Căn cứ", "Thực hiện", ...).
fn opener_stripped(line: &str) -> &str {
    let stripped =
        re!(r"^(?:(?:Căn cứ|Tiếp tục thực hiện|Thực hiện|Theo|Triển khai|Thi hành)\s+)+")
            .replace(line, "");
    &line[line.len() - stripped.len()..]
}

/// True when text opens with a document kind written with its capital ("Quyết định", "Luật").
fn starts_with_kind(text: &str) -> bool {
    re!(&format!(r"^(?:{KINDS})\b")).is_match(text)
}

/// Splits a basis paragraph into its references; text that is not a reference is returned apart.
pub fn parse_bases(line: &str) -> (Vec<LegalBasis>, Option<String>) {
    let mut body = opener_stripped(line);
    // The plan's own sentence after the references: ", UBND tỉnh A ban hành Kế hoạch ...".
    let mut own: Option<String> = None;
    if let Some(m) = re!(r"[,;]\s+(?:Chủ tịch\s+)?(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Sở|Ban|Phòng|Đoàn)\b[^,;]*?\s(?:ban hành|xây dựng|lập)\s").find(body) {
        own = Some(body[m.start() + 1..].trim().to_string());
        body = &body[..m.start()];
    }
    let mut bases = Vec::new();
    let mut rest: Option<String> = own;
    let mut clauses: Vec<String> = Vec::new();
    for part in split_clauses(body) {
        let part = part.trim();
        let unopened = opener_stripped(part);
        if opens_reference(unopened) {
            clauses.push(unopened.to_string());
        } else if clauses.is_empty() {
            clauses.push(part.to_string());
        } else if let Some(last) = clauses
            .last_mut()
            .filter(|_| part.starts_with(char::is_lowercase))
        {
            // "...; quy định chi tiết ..." goes on with the reference before it.
            last.push_str("; ");
            last.push_str(part);
        } else if !part.is_empty() {
            // Not a reference: the preamble's own sentence ("UBND xã A ban hành ...").
            let text = rest.get_or_insert_with(String::new);
            if !text.is_empty() {
                text.push_str("; ");
            }
            text.push_str(part);
        }
    }
    let mut last_kind: Option<String> = None;
    for clause in clauses {
        let basis = parse_reference(&clause, last_kind.as_deref());
        last_kind = basis.kind.clone();
        bases.push(basis);
    }
    (bases, rest)
}

/// Cuts a paragraph at ";", where one reference ends and the next begins.
fn split_clauses(body: &str) -> impl Iterator<Item = &str> {
    body.split(';').filter(|c| !c.trim().is_empty())
}

/// Parses one reference: kind, number, date, issuer, subject.
fn parse_reference(clause: &str, previous_kind: Option<&str>) -> LegalBasis {
    let clause = clause.trim().trim_end_matches(['.', ',', ';']).trim();
    let kind_re = re!(&format!(r"^(?:{KINDS})\b|^(?i:{KINDS})\s+số"));
    let (kind, after_kind) = match kind_re.find(clause) {
        Some(m) => {
            let kind = m
                .as_str()
                .trim_end_matches("số")
                .trim_end_matches(char::is_whitespace);
            let after = &clause[m.start() + kind.len()..];
            (Some(capitalise(kind)), after.trim_start())
        }
        None => (previous_kind.map(str::to_string), clause),
    };
    let mut rest = after_kind;
    let mut number = None;
    if let Some(caps) =
        re!(r"^(?:số\s*)*([0-9][0-9A-Za-zĐđ./\-]*/[0-9A-Za-zĐđ./\-]*[0-9A-Za-zĐđ])").captures(rest)
    {
        number = Some(caps[1].to_string());
        rest = rest[caps.get(0).map_or(0, |m| m.end())..].trim_start();
    }
    // "Luật Điện lực số 61/2024/QH15": the number after the name.
    let mut named_rest = String::new();
    if number.is_none()
        && let Some(caps) =
            re!(r"^([^,;]*?)\s+số\s+([0-9][0-9A-Za-zĐđ./\-]*/[0-9A-Za-zĐđ./\-]*[0-9A-Za-zĐđ])")
                .captures(rest)
        && !re!(r"\s(?:của|về)\s").is_match(&caps[1])
    {
        number = Some(caps[2].to_string());
        named_rest = format!(
            "{}{}",
            &caps[1],
            &rest[caps.get(0).map_or(0, |m| m.end())..]
        );
    }
    if !named_rest.is_empty() {
        rest = &named_rest;
    }
    let mut date = None;
    let date_re = re!(r"ngày\s*(\d{1,2})\s*(?:/|-|tháng)\s*(\d{1,2})\s*(?:/|-|năm)\s*(\d{4})");
    if let Some(caps) = date_re.captures(rest) {
        date = iso_date(&caps[1], &caps[2], &caps[3]);
    }
    let without_date = date_re.replace(rest, "");
    let text = without_date.trim();
    let mut issuer = None;
    let mut subject_text = text.to_string();
    if let Some(caps) = re!(r"(?:^|\s)của\s+(.+?)(?:\s+(?i:về|ban hành|phê duyệt|sửa đổi|hướng dẫn|quy định|thực hiện|triển khai)\b|,|$)")
        .captures(text)
    {
        let who = caps[1].trim();
        issuer = Some(who.to_string());
        let end = caps.get(1).map_or(0, |m| m.end());
        let before = text[..caps.get(0).map_or(0, |m| m.start())].trim();
        subject_text = format!("{before} {}", text[end..].trim())
            .trim()
            .to_string();
    }
    let subject_text = subject_text.trim().trim_start_matches(',').trim();
    let subject = (!subject_text.is_empty()).then(|| subject_text.to_string());
    LegalBasis {
        kind,
        number,
        date,
        issuer,
        subject,
    }
}

/// "24", "2", "2021" → "2021-02-24"; None for an impossible date.
fn iso_date(day: &str, month: &str, year: &str) -> Option<String> {
    let d: u32 = day.parse().ok()?;
    let m: u32 = month.parse().ok()?;
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then(|| format!("{year}-{m:02}-{d:02}"))
}

/// "quyết định" → "Quyết định".
fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_references_in_one_sentence() {
        let (bases, rest) = parse_bases(
            "Căn cứ Nghị quyết số 129/2020/QH14 ngày 13/11/2020 của Quốc hội về việc cho phép tiếp tục; Văn bản số 1100/BNN-VPĐP ngày 24/2/2021 của Bộ Nông nghiệp và Phát triển nông thôn về việc tiếp tục thực hiện;",
        );
        assert_eq!(rest, None);
        assert_eq!(bases.len(), 2);
        assert_eq!(bases[0].kind.as_deref(), Some("Nghị quyết"));
        assert_eq!(bases[0].number.as_deref(), Some("129/2020/QH14"));
        assert_eq!(bases[0].date.as_deref(), Some("2020-11-13"));
        assert_eq!(bases[0].issuer.as_deref(), Some("Quốc hội"));
        assert_eq!(
            bases[0].subject.as_deref(),
            Some("về việc cho phép tiếp tục")
        );
        assert_eq!(bases[1].date.as_deref(), Some("2021-02-24"));
    }

    #[test]
    fn preamble_sentence_is_kept_apart() {
        let (bases, rest) = parse_bases(
            "Thực hiện Văn bản số 4256/SNNMT-VPĐPNTM ngày 10/7/2025 của Sở Nông nghiệp và Môi trường về việc tiếp tục; Ủy ban nhân dân xã Ô Diên xây dựng Kế hoạch như sau:",
        );
        assert_eq!(bases.len(), 1);
        assert!(rest.unwrap().starts_with("Ủy ban nhân dân xã Ô Diên"));
    }

    #[test]
    fn number_after_the_name_and_clauses_that_go_on() {
        let (bases, _) = parse_bases("Căn cứ Luật Điện lực số 61/2024/QH15 ngày 30/11/2024;");
        assert_eq!(bases[0].number.as_deref(), Some("61/2024/QH15"));
        assert_eq!(bases[0].subject.as_deref(), Some("Điện lực"));
        let (bases, _) = parse_bases(
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ về phân cấp; quy định chi tiết một số điều;",
        );
        assert_eq!(bases.len(), 1);
        assert!(!is_basis_paragraph(
            "Căn cứ chức năng, nhiệm vụ được giao, Sở A xây dựng Kế hoạch số 1 như sau:"
        ));
    }

    #[test]
    fn law_without_number_and_long_date() {
        let (bases, _) =
            parse_bases("Căn cứ Luật Tổ chức Chính quyền địa phương ngày 16 tháng 6 năm 2025;");
        assert_eq!(bases[0].kind.as_deref(), Some("Luật"));
        assert_eq!(bases[0].date.as_deref(), Some("2025-06-16"));
        assert_eq!(
            bases[0].subject.as_deref(),
            Some("Tổ chức Chính quyền địa phương")
        );
    }
}
