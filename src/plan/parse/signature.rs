//! The end of a plan: nơi nhận (recipients) and the signature block, in either order or interleaved.

use crate::plan::record::Signature;
use crate::text::syllable::is_letter;

use super::{is_rule_line, is_upper_line, re};

/// What the lines after the body hold.
#[derive(Debug, Default)]
pub struct Tail {
    /// Recipients, one per entry.
    pub recipients: Vec<String>,
    /// The signature block.
    pub signature: Signature,
    /// Lines that were neither, one by one.
    pub warnings: Vec<String>,
    /// What follows the signature and is not read as text (an appendix), if anything.
    pub appendix: Option<Appendix>,
}

/// Lines after the signature that are not read as text, usually an appendix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Appendix {
    /// How many lines.
    pub lines: usize,
    /// The first of them.
    pub first: String,
}

/// How many unplaced lines after the body are reported one by one.
const MAX_UNPLACED: usize = 10;

/// The markers that open a signature block: "TM.", "KT.", ... with their dot; written with a
/// slash ("T/M", as Party documents write it; "KT/", as some old ones do) the dot may be left out.
const MARKER: &str = r"(?:TM|KT|TL|TUQ|Q)\.|(?:T/M|K/T|T/L)\.?|(?:TM|KT|TL)/";

/// True when a line opens the signature block ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/M
/// ĐẢNG ỦY").
pub fn is_signature_marker(line: &str) -> bool {
    re!(&format!(r"^(?:{MARKER})\s*\p{{Lu}}")).is_match(line)
}

/// True when a line opens the recipients list.
pub fn is_recipients_heading(line: &str) -> bool {
    re!(r"(?i)^nơi nhận\s*:?").is_match(line)
}

/// Reads recipients and signature from the lines after the body.
pub fn parse_tail(lines: &[String]) -> Tail {
    let mut tail = Tail::default();
    let mut signature_parts: Vec<String> = Vec::new();
    let mut in_recipients = false;
    let mut name_found = false;
    let mut unplaced = 0usize;
    for line in lines.iter().flat_map(|l| split_columns(l)) {
        let line = line.trim();
        let appendix = re!(r"^(?:PHỤ LỤC|Phụ lục|BIỂU|Biểu mẫu|DANH MỤC)\b").is_match(line)
            && (!signature_parts.is_empty() || !tail.recipients.is_empty());
        name_found |= appendix;
        if name_found {
            let appendix = tail.appendix.get_or_insert_with(|| Appendix {
                lines: 0,
                first: line.to_string(),
            });
            appendix.lines += 1;
            continue;
        }
        if let Some(m) = re!(r"(?i)^nơi nhận\s*:?\s*").find(line) {
            in_recipients = true;
            let rest = line[m.end()..].trim();
            if !rest.is_empty() {
                push_recipient(&mut tail, rest);
            }
            continue;
        }
        // Notes where the signature stands: "(Đã ký)", "(Ký, đóng dấu)", "(Chữ ký số)", "Ký tên".
        // (Also after a stray bracket, "[ (Đã ký)"; and the page-number fields that text taken
        // from old Word files keeps, "PAGE  7", and lines of rule characters, "* *", "-".)
        if re!(r"(?i)^[\[\s]*\((?:đã ký|ký|chữ ký)|^(?:đã ký|ký tên|ký,? ghi rõ)").is_match(line)
            || re!(r"^\[.*\]$").is_match(line)
            || re!(r"^PAGE(?:\s+\d+)?$").is_match(line)
            || is_rule_line(line)
        {
            continue;
        }
        // (A marker opens the signature even right after a recipient: "tm. chính phủ".)
        if let Some(line) = marker_line_in_small_letters(line).filter(|_| !is_upper_line(line)) {
            signature_parts.push(line);
            continue;
        }
        if let Some(item) = re!(r"^[-–+•]\s*").find(line).filter(|_| in_recipients) {
            push_recipient(&mut tail, &line[item.end()..]);
            continue;
        }
        if in_recipients
            && let Some(last) = tail.recipients.last_mut()
            && line.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit() || c == '(')
        {
            last.push(' ');
            last.push_str(line);
            continue;
        }
        if is_upper_line(line) {
            signature_parts.push(line.to_string());
            continue;
        }
        if let Some(line) = role_line_in_small_letters(line) {
            signature_parts.push(line);
            continue;
        }
        if is_signature_marker(line) {
            signature_parts.push(line.to_string());
            continue;
        }
        if in_recipients
            && let Some(last) = tail.recipients.last_mut()
            && (line.starts_with(|c: char| c.is_lowercase() || c == '(')
                || !last.ends_with([';', '.']))
            && (!is_person_name(line) || signature_parts.is_empty())
        {
            last.push(' ');
            last.push_str(line);
            continue;
        }
        if is_person_name(line) && !signature_parts.is_empty() {
            signature_parts.push(line.to_string());
            name_found = true;
            continue;
        }
        unplaced += 1;
        if unplaced <= MAX_UNPLACED {
            tail.warnings
                .push(format!("line after the body not placed: {line:?}"));
        }
    }
    if unplaced > MAX_UNPLACED {
        tail.warnings.push(format!(
            "and {} more lines after the body not placed",
            unplaced - MAX_UNPLACED
        ));
    }
    for recipient in &mut tail.recipients {
        *recipient = clean_recipient(recipient);
    }
    let notes: Vec<usize> = tail
        .recipients
        .iter()
        .enumerate()
        .filter(|(_, r)| r.starts_with('(') && r.ends_with(')'))
        .map(|(i, _)| i)
        .collect();
    for i in notes.into_iter().rev() {
        let note = tail.recipients.remove(i);
        tail.warnings.push(format!(
            "recipients: a note on a line of its own, not placed: {note:?}"
        ));
    }
    let junk: Vec<String> = tail
        .recipients
        .iter()
        .filter(|r| !r.chars().any(is_letter))
        .cloned()
        .collect();
    for item in junk {
        tail.warnings.push(format!(
            "recipients: an entry with no words, not placed: {item:?}"
        ));
    }
    tail.recipients.retain(|r| r.chars().any(is_letter));
    tail.signature = parse_signature(&signature_parts);
    tail
}

/// Splits a line where a second column was read onto it: at a signature marker
/// ("- UBND tỉnh; KT. CHỦ TỊCH") or at an upper-case title after "; " ("...; PHÓ CHỦ TỊCH").
fn split_columns(line: &str) -> Vec<&str> {
    let marker = re!(&format!(r"\s((?:{MARKER})\s*\p{{Lu}})")).find(line);
    if let Some(m) = marker.filter(|m| m.start() > 0) {
        let at = m.start() + 1;
        return vec![&line[..at], &line[at..]];
    }
    if let Some(m) = re!(r";\s+((?:\p{Lu}+\s+)+\p{Lu}+)$").find(line) {
        let at = m.start() + 1;
        return vec![&line[..at], &line[at..]];
    }
    vec![line]
}

/// A signature line whose capitals an old conversion lost, wholly or in part, in the capitals
/// Decree 30 prints it in: a marker and a body or a role ("tm. chính phủ", "TM. Chính phủ", "KT.
/// thủ tướng"). `None` for any other line.
fn marker_line_in_small_letters(line: &str) -> Option<String> {
    in_capitals(
        re!(&format!(r"(?i)^(?:{MARKER})\s*\p{{L}}[\p{{L}} ]*$")),
        line,
    )
}

/// The same for a role alone or with its body ("Phó thủ tướng", "thủ tướng chính phủ").
fn role_line_in_small_letters(line: &str) -> Option<String> {
    in_capitals(re!(&format!(r"(?i)^(?:{ROLES})\b[\p{{L}} ]*$")), line)
}

/// `line` in capitals when it has the `form` of a signature line and six words at most.
fn in_capitals(form: &regex::Regex, line: &str) -> Option<String> {
    (form.is_match(line) && line.split_whitespace().count() <= 6).then(|| line.to_uppercase())
}

fn push_recipient(tail: &mut Tail, text: &str) {
    tail.recipients.push(text.trim().to_string());
}

/// "Sở Nông nghiệp và Môi trường;" → "Sở Nông nghiệp và Môi trường".
fn clean_recipient(text: &str) -> String {
    super::layout::collapse_spaces(text.trim().trim_end_matches([';', ',', '.', ' ']))
}

/// True when a line is a person's name: two to six capitalised syllables, nothing else (a
/// Roman numeral is a part's number, as in "Phần I", never a name's word).
pub fn is_person_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_lowercase() && is_letter(c))
                && !w.chars().all(|c| "IVXLCDM".contains(c))
        })
}

/// Role words that begin a signer's title inside a merged line.
const ROLES: &str = r"THỦ TƯỚNG|PHÓ THỦ TƯỚNG|PHÓ CHỦ TỊCH|CHỦ TỊCH|PHÓ GIÁM ĐỐC|GIÁM ĐỐC|PHÓ TRƯỞNG BAN|TRƯỞNG BAN|PHÓ TRƯỞNG ĐOÀN|TRƯỞNG ĐOÀN|PHÓ CHÁNH VĂN PHÒNG|CHÁNH VĂN PHÒNG|PHÓ TRƯỞNG PHÒNG|TRƯỞNG PHÒNG|BÍ THƯ|PHÓ BÍ THƯ|THỦ TRƯỞNG|CỤC TRƯỞNG|CHI CỤC TRƯỞNG|BỘ TRƯỞNG|THỨ TRƯỞNG|CHỦ NHIỆM|THỐNG ĐỐC";

/// Reads the signature block from its lines (which may be merged into one).
pub fn parse_signature(parts: &[String]) -> Signature {
    let mut signature = Signature::default();
    let joined = parts.join(" ");
    // Separate the name (mixed case) from the upper-case titles.
    let mut upper_words = Vec::new();
    let mut name_words = Vec::new();
    for word in joined.split_whitespace() {
        let is_upper = word
            .chars()
            .filter(|c| is_letter(*c))
            .all(char::is_uppercase);
        if is_upper && name_words.is_empty() {
            upper_words.push(word);
        } else {
            name_words.push(word);
        }
    }
    if !name_words.is_empty() {
        signature.name = Some(name_words.join(" "));
    }
    let upper = upper_words.join(" ");
    // Cut at markers (TM. KT. ...) and at role words.
    let marker = re!(&format!(r"(?:^|\s)({MARKER})\s*"));
    let mut segments: Vec<(Option<String>, String)> = Vec::new();
    let mut last = 0;
    let mut current_marker: Option<String> = None;
    for caps in marker.captures_iter(&upper) {
        let m = caps.get(0).map_or(0..0, |m| m.range());
        let text = upper[last..m.start].trim();
        if !text.is_empty() || current_marker.is_some() {
            segments.push((current_marker.take(), text.to_string()));
        }
        current_marker = Some(caps[1].to_string());
        last = m.end;
    }
    segments.push((current_marker, upper[last..].trim().to_string()));
    let mut titles: Vec<String> = Vec::new();
    for (marker, text) in segments {
        if text.is_empty() {
            continue;
        }
        match marker.as_deref() {
            Some(m) if matches!(m.trim_end_matches('.'), "TM" | "T/M") => {
                // "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH": the authority, then a title.
                let (authority, rest) = split_role(&text);
                signature.authority = Some(format!("{m} {authority}"));
                titles.extend(rest);
            }
            Some(m) => {
                // "KT. CHỦ TỊCH PHÓ CHỦ TỊCH": the capacity, then the title.
                let (capacity, rest) = split_after_first_role(&text);
                signature.capacity = Some(format!("{m} {capacity}"));
                titles.extend(rest);
            }
            None => titles.push(text),
        }
    }
    signature.title = titles.into_iter().find(|t| !t.is_empty());
    signature
}

/// "ỦY BAN NHÂN DÂN CHỦ TỊCH" → ("ỦY BAN NHÂN DÂN", Some("CHỦ TỊCH")).
fn split_role(text: &str) -> (String, Option<String>) {
    match re!(&format!(r"\s((?:{ROLES})(?:\s.*)?)$")).captures(text) {
        Some(c) => (
            text[..c.get(0).map_or(0, |m| m.start())].trim().to_string(),
            Some(c[1].to_string()),
        ),
        None => (text.to_string(), None),
    }
}

/// "CHỦ TỊCH PHÓ CHỦ TỊCH" → ("CHỦ TỊCH", Some("PHÓ CHỦ TỊCH")).
fn split_after_first_role(text: &str) -> (String, Option<String>) {
    let roles = re!(&format!(r"(?:{ROLES})"));
    let mut found = roles.find_iter(text);
    match (found.next(), found.next()) {
        (Some(_), Some(second)) => (
            text[..second.start()].trim().to_string(),
            Some(text[second.start()..].trim().to_string()),
        ),
        _ => (text.to_string(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn a_part_number_is_no_name() {
        assert!(is_person_name("Trần Đức Thịnh"));
        assert!(is_person_name("Y Ngông Niê"));
        assert!(!is_person_name("Phần I"));
        assert!(!is_person_name("Mục IV"));
        assert!(!is_person_name("Chương II"));
    }

    #[test]
    fn a_signature_whose_capitals_an_old_conversion_lost_is_read_in_capitals() {
        // As old Word files of the Government's decrees and a province's decision give them,
        // with the page-number fields their text kept, and a rule and a stray bracket.
        let tail = parse_tail(&lines(
            "* *\nNơi nhận:\n- Văn phòng Chính phủ;\n- Lưu: VT.\ntm. chính phủ\nKT. thủ tướng\nPhó thủ tướng\n[ (Đã ký)\nNguyễn Tấn Dũng\nPAGE\nPAGE  7",
        ));
        assert_eq!(tail.signature.authority.as_deref(), Some("TM. CHÍNH PHỦ"));
        assert_eq!(tail.signature.capacity.as_deref(), Some("KT. THỦ TƯỚNG"));
        assert_eq!(tail.signature.title.as_deref(), Some("PHÓ THỦ TƯỚNG"));
        assert_eq!(tail.signature.name.as_deref(), Some("Nguyễn Tấn Dũng"));
        assert!(tail.warnings.is_empty(), "{:?}", tail.warnings);
        let tail = parse_tail(&lines(
            "KT/BỘ TRƯỞNG BỘ TÀI CHÍNH\nThứ trưởng\nTrương Chí Trung",
        ));
        assert_eq!(
            tail.signature.capacity.as_deref(),
            Some("KT/ BỘ TRƯỞNG BỘ TÀI CHÍNH")
        );
        assert_eq!(tail.signature.title.as_deref(), Some("THỨ TRƯỞNG"));
        assert_eq!(tail.signature.name.as_deref(), Some("Trương Chí Trung"));
        // A line with more than a role and its body is no signature line.
        for line in [
            "Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành",
            "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố",
            "Giám đốc doanh nghiệp (ký tên, đóng dấu) và kế toán trưởng",
        ] {
            assert_eq!(role_line_in_small_letters(line), None, "{line}");
            assert_eq!(marker_line_in_small_letters(line), None, "{line}");
        }
    }

    #[test]
    fn recipients_then_signature() {
        let tail = parse_tail(&lines(
            "Nơi nhận:\n- Sở A;\n- Các phòng, ban,\nUBMTTQ xã và các cơ quan\ncó liên quan;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Đức Thịnh",
        ));
        assert_eq!(
            tail.recipients,
            vec![
                "Sở A",
                "Các phòng, ban, UBMTTQ xã và các cơ quan có liên quan",
                "Lưu: VT"
            ]
        );
        assert_eq!(
            tail.signature.authority.as_deref(),
            Some("TM. ỦY BAN NHÂN DÂN")
        );
        assert_eq!(tail.signature.capacity.as_deref(), Some("KT. CHỦ TỊCH"));
        assert_eq!(tail.signature.title.as_deref(), Some("PHÓ CHỦ TỊCH"));
        assert_eq!(tail.signature.name.as_deref(), Some("Trần Đức Thịnh"));
    }

    #[test]
    fn notes_where_the_signature_stands_are_no_recipients() {
        for note in ["(Ký, đóng dấu)", "(ĐÃ KÝ)", "(Chữ ký số)", "Đã ký"] {
            let tail = parse_tail(&lines(&format!(
                "Nơi nhận:\n- Sở A;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n{note}\nTrần Thị Bình"
            )));
            assert_eq!(tail.recipients, ["Sở A", "Lưu: VT"], "{note}");
            assert_eq!(tail.signature.name.as_deref(), Some("Trần Thị Bình"));
            assert!(tail.warnings.is_empty(), "{note}: {:?}", tail.warnings);
        }
    }

    #[test]
    fn merged_signature_line() {
        let s = parse_signature(&[
            "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Huỳnh Minh Tuấn".to_string(),
        ]);
        assert_eq!(s.authority.as_deref(), Some("TM. ỦY BAN NHÂN DÂN"));
        assert_eq!(s.capacity.as_deref(), Some("KT. CHỦ TỊCH"));
        assert_eq!(s.title.as_deref(), Some("PHÓ CHỦ TỊCH"));
        assert_eq!(s.name.as_deref(), Some("Huỳnh Minh Tuấn"));
    }
}
