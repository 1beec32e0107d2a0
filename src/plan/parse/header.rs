//! The header block: issuer, number and symbol, place and date, document type, title.

use crate::plan::record::{DocDate, Issuer};
use crate::text::syllable::is_letter;
use crate::text::upper_first;

use super::{is_rule_line, is_upper_line, re, title_case};

/// What the lines above the document type say.
#[derive(Debug, Default)]
pub struct Header {
    /// The issuing body.
    pub issuer: Issuer,
    /// Number and symbol, None when blank.
    pub number: Option<String>,
    /// Symbol alone.
    pub symbol: Option<String>,
    /// Place of the date line.
    pub place: Option<String>,
    /// Date of issue.
    pub date: DocDate,
    /// Notes for the record's warnings.
    pub warnings: Vec<String>,
}

/// Document type names (tên loại) recognised on a line of their own: the administrative
/// documents of Decree 30/2020/NĐ-CP, Article 7 (all but the công văn, which has no type line),
/// and the legal documents that share their header (luật, pháp lệnh, nghị định, thông tư). A
/// name that starts a longer one comes after it.
const DOC_TYPES: [&str; 34] = [
    "KẾ HOẠCH",
    "QUYẾT ĐỊNH",
    "BÁO CÁO",
    "TỜ TRÌNH",
    "THÔNG BÁO",
    "CHƯƠNG TRÌNH",
    "ĐỀ ÁN",
    "HƯỚNG DẪN",
    "NGHỊ QUYẾT",
    "NGHỊ ĐỊNH",
    "CHỈ THỊ",
    "CÔNG ĐIỆN",
    "PHƯƠNG ÁN",
    "QUY CHẾ",
    "QUY ĐỊNH",
    "THÔNG CÁO",
    "DỰ ÁN",
    "BIÊN BẢN",
    "HỢP ĐỒNG",
    "BẢN GHI NHỚ",
    "BẢN THỎA THUẬN",
    "GIẤY ỦY QUYỀN",
    "GIẤY MỜI",
    "GIẤY GIỚI THIỆU",
    "GIẤY NGHỈ PHÉP",
    "PHIẾU GỬI",
    "PHIẾU CHUYỂN",
    "PHIẾU BÁO",
    "THƯ CÔNG",
    "BỘ LUẬT",
    "LUẬT",
    "PHÁP LỆNH",
    "THÔNG TƯ LIÊN TỊCH",
    "THÔNG TƯ",
];

/// The document type line found among the first lines.
#[derive(Debug, PartialEq)]
pub struct TypeLine {
    /// Its index among the lines.
    pub at: usize,
    /// The index of its last line: `at`, or the line after it for a type written over two
    /// lines ("THÔNG TƯ" over "LIÊN TỊCH BỘ TÀI CHÍNH - ...").
    pub last: usize,
    /// The type, in capitals.
    pub doc_type: String,
    /// Title text written on the same line ("KẾ HOẠCH Triển khai ...").
    pub title: Option<String>,
    /// The issuer named after the type, as older documents write it ("QUYẾT ĐỊNH CỦA BỘ
    /// TRƯỞNG BỘ TÀI CHÍNH"): no field of the record holds it.
    pub named_issuer: Option<String>,
}

/// Finds the document type line among the first lines: a type name alone on its line or
/// followed by the issuer or the title, but not by a number ("Luật số: 18/2003/QH11").
pub fn find_doc_type(lines: &[String]) -> Option<TypeLine> {
    lines.iter().take(60).enumerate().find_map(|(at, line)| {
        let upper = line.to_uppercase();
        let found = |doc_type: &str, title: Option<&str>, named_issuer: Option<&str>| TypeLine {
            at,
            last: at,
            doc_type: doc_type.to_string(),
            title: title.map(str::to_string),
            named_issuer: named_issuer.map(str::to_string),
        };
        DOC_TYPES.iter().find_map(|t| {
            let rest = upper.strip_prefix(t)?;
            let tail = line[t.len()..].trim_start();
            // "Luật số: 18/2003/QH11" is a law's number line (also when the number was set
            // apart on a line of its own).
            let number = re!(r"(?i)^số\s*[:\d]");
            let next = lines.get(at + 1).map_or("", String::as_str);
            if number.is_match(tail) || (rest.is_empty() && number.is_match(next)) {
                return None;
            }
            if rest.is_empty() {
                // A joint circular's type as gazettes set it: "THÔNG TƯ", then "LIÊN TỊCH"
                // and the ministries that issue it, in capitals (or with the capitals an old
                // conversion lost: "Liên tịch Bộ Tài chính - Công nghiệp - Tổng cục Hải quan").
                let joint = re!(r"(?i)^liên tịch(\s.*)?$")
                    .captures(next)
                    .map(|caps| caps.get(1).map_or("", |m| m.as_str()))
                    .filter(|more| {
                        *t == "THÔNG TƯ"
                            && (is_upper_line(next)
                                || is_authority_in_small_letters(more.trim(), false))
                    })
                    .map(|more| TypeLine {
                        last: at + 1,
                        ..found(
                            "THÔNG TƯ LIÊN TỊCH",
                            None,
                            Some(more.trim()).filter(|m| !m.is_empty()),
                        )
                    });
                return Some(joint.unwrap_or_else(|| found(t, None, None)));
            }
            // "QUYẾT ĐỊNH CỦA BỘ TRƯỞNG ...", a line in capitals, or one whose capitals an old
            // conversion lost ("nghị định của chính phủ").
            if rest.starts_with(" CỦA ")
                && (is_upper_line(line) || names_authority_only(tail, next))
            {
                return Some(found(t, None, Some(tail)));
            }
            // "KẾ HOẠCH Triển khai ..." merged with the title: the rest must start a mixed-case word.
            let mixed = tail
                .split_whitespace()
                .next()
                .is_some_and(|w| w.chars().skip(1).any(char::is_lowercase));
            (rest.starts_with(' ') && mixed).then(|| found(t, Some(tail), None))
        })
    })
}

/// The first words of an issuing authority's name, or of its head's title, in small letters:
/// what a line whose capitals an old conversion lost starts with ("chính phủ", "bộ tài chính",
/// "bộ trưởng bộ tài chính", "ủy ban nhân dân tỉnh ...").
const AUTHORITIES: &str = "chính phủ|thủ tướng|bộ trưởng|bộ|ủy ban|uỷ ban|ubnd|hội đồng|chủ tịch|tổng cục|cục|sở|thống đốc|ngân hàng nhà nước|kiểm toán nhà nước|tòa án|toà án|viện kiểm sát|ban";

/// True when the words after a type ("của chính phủ", "của ủY BAN NHÂN DÂN THÀNH PHỐ cần thơ")
/// name an authority and nothing more: a gazette's heading goes on with the number and date
/// ("của Chính phủ số 114/2003/NĐ-CP ngày ...", on this line or at the start of the `next`),
/// and a name that runs on to the next line ends in "-" or ",".
fn names_authority_only(tail: &str, next: &str) -> bool {
    re!(&format!(r"(?i)^của\s+(?:{AUTHORITIES})\b")).is_match(tail)
        && !tail.contains(|c: char| c.is_ascii_digit())
        && !tail.ends_with(['-', ','])
        && !re!(r"(?i)^số\s*\d").is_match(next)
}

/// True when a header line names an authority whose capitals an old conversion lost, wholly or
/// in part ("Chính phủ", "chính phủ", "Bộ tài chính", "ủy ban nhân dân tỉnh an giang"): an
/// authority's first word, or after such a line (`after_issuer`) the level of a place ("tỉnh
/// an giang"); then words only (a joint body's " - " allowed), ten words at most. Decree 30 prints
/// the issuer in capitals, and so it is read.
fn is_authority_in_small_letters(line: &str, after_issuer: bool) -> bool {
    let authority = re!(&format!(
        r"(?i)^(?:{AUTHORITIES})\b[\p{{L}} ]*(?:\s-\s[\p{{L}} ]+)*$"
    ));
    let place = re!(r"(?i)^(?:tỉnh|thành phố|huyện|quận|thị xã|thị trấn|xã|phường)\s[\p{L} ]+$");
    (authority.is_match(line) || (after_issuer && place.is_match(line)))
        && line.split_whitespace().filter(|w| *w != "-").count() <= 10
}

/// True when a line is (part of) the national motto, or the Party's name that stands in its
/// place on a Party body's documents ("ĐẢNG CỘNG SẢN VIỆT NAM").
fn motto_start(line: &str) -> Option<usize> {
    re!(r"(?i)cộng h(?:òa|oà)|(?:xã\s+)?hội chủ nghĩa|chủ nghĩa việt nam|độc lập\s*[-–]|hạnh phúc|đảng cộng sản việt nam")
        .find(line)
        .map(|m| m.start())
}

/// Parses the header lines (those above the document type).
pub fn parse_header(lines: &[String]) -> Header {
    let mut header = Header::default();
    let mut issuer_lines: Vec<String> = Vec::new();
    for line in lines {
        let mut line = line.as_str();
        if let Some(at) = motto_start(line) {
            line = line[..at].trim();
        }
        // Rules, and the star under a Party body's name.
        if is_rule_line(line) {
            continue;
        }
        if re!(r"(?i)^d[ựu]\s*th[ảa]o\b").is_match(line) {
            header
                .warnings
                .push("the header is marked DỰ THẢO: a draft".to_string());
            continue;
        }
        let mut rest = line;
        // "Vĩnh Tuy, ngày 15 tháng 01 năm 2026", or in figures: "ngày 15/01/2026"; the place
        // may be abbreviated ("TP. Hồ Chí Minh"), in two parts ("Phan Rang - Tháp Chàm") or
        // written with a hyphen as older documents do ("Hà-Nội").
        let date = re!(r"(?:^|\s)((?:T[Pp]\.\s*)?\p{Lu}\p{Ll}*(?:-\p{Lu}\p{Ll}*)*\.?(?:\s+(?:\p{L}\p{Ll}*|\d{1,2}|[-–]\s+\p{Lu}\p{Ll}*)){0,4})\s*,\s*ngày\b(?:(.*?)\btháng\b(.*?)\bnăm\s*(\d{4})|\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*([/.-])\s*(\d{4}))")
            .captures(rest)
            // One separator throughout ("15/01/2026").
            .filter(|caps| caps.get(6).map(|m| m.as_str()) == caps.get(8).map(|m| m.as_str()));
        if let Some(caps) = &date {
            let part = |words: usize, figures: usize| caps.get(words).or(caps.get(figures));
            header.place = Some(caps[1].to_string());
            header.date = DocDate {
                day: part(2, 5).and_then(|m| first_number(m.as_str())),
                month: part(3, 7).and_then(|m| first_number(m.as_str())),
                year: part(4, 9).and_then(|m| m.as_str().parse().ok()),
            };
            rest = &rest[..caps.get(0).map_or(0, |m| m.start())];
        }
        // "Số: 45/KH-UBND", or at a line's start without its colon: "Số 45/KH-UBND" (not "...
        // theo Quyết định số 30/2020/NĐ-CP", a citation, nor "SỐ 1050/QĐ-SCT" in the capitals
        // of an issuer's name: "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT").
        if let Some(caps) =
            re!(r"(?i:\bsố\s*:\s*(.*)$)|^\s*Số\s+([\d…._ ]*/.*|\d+-\p{Lu}+/.*)$").captures(rest)
        {
            let given = caps.get(1).or(caps.get(2)).map_or("", |m| m.as_str());
            let (number, symbol) = number_and_symbol(given.trim());
            header.number = number;
            header.symbol = symbol;
            rest = &rest[..caps.get(0).map_or(0, |m| m.start())];
        }
        let rest = rest.trim();
        if !rest.is_empty() && is_upper_line(rest) {
            issuer_lines.push(rest.to_string());
        } else if is_authority_in_small_letters(rest, !issuer_lines.is_empty()) {
            issuer_lines.push(rest.to_uppercase());
        } else if !rest.is_empty() && date.is_none() {
            header
                .warnings
                .push(format!("header line not understood: {rest:?}"));
        }
    }
    header.issuer = issuer_from_lines(&issuer_lines);
    header
}

/// What a gazette (Công báo), and many documents before Decree 110/2004, set under the type
/// instead of a header: "của Chính phủ số 94/1998/NĐ-CP ngày 17 tháng 11 năm 1998" before the
/// title.
#[derive(Debug, PartialEq)]
pub struct GazetteHeading {
    /// The issuer named ("Chính phủ"), if it is.
    pub issuer: Option<String>,
    /// Number and symbol, when the number reads as one.
    pub number: Option<String>,
    /// Symbol alone.
    pub symbol: Option<String>,
    /// Date of issue.
    pub date: DocDate,
    /// The title after them.
    pub title: String,
}

/// Reads a gazette's heading from the start of a title ([`GazetteHeading`]).
pub fn gazette_heading(title: &str) -> Option<GazetteHeading> {
    let caps = re!(
        r"(?i)^(?:của\s+(.+?)\s+)?số\s*:?\s*([\d/][^\s,]*(?:\s+/[^\s,]*)*)\s*,?\s+ngày\s+(\d{1,2})\s*(?:tháng\s*(\d{1,2})\s*năm\s*(\d{4})|[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))\b[\s,.:;-]*(.*)$"
    )
    .captures(title)?;
    let number = |i: usize| caps.get(i).and_then(|m| m.as_str().parse().ok());
    let (number_text, symbol) = number_and_symbol(&caps[2]);
    Some(GazetteHeading {
        issuer: caps.get(1).map(|m| m.as_str().to_string()),
        number: number_text,
        symbol,
        date: DocDate {
            day: number(3),
            month: number(4).or_else(|| number(6)),
            year: caps
                .get(5)
                .or(caps.get(7))
                .and_then(|m| m.as_str().parse().ok()),
        },
        title: upper_first(caps[8].trim()),
    })
}

/// The issuer a document names after its type or in a gazette's heading ("CỦA BỘ TRƯỞNG BỘ
/// TÀI CHÍNH", "của Thủ tướng Chính phủ"): a minister issues in the name of the ministry, whose
/// name heads such documents.
pub fn named_issuer(named: &str) -> Issuer {
    let name = re!(r"(?i)^(?:của\s+)?(?:bộ\s+trưởng\s+(?:các\s+)?)?").replace(named.trim(), "");
    if is_upper_line(&name) {
        return issuer_from_lines(&[name.into_owned()]);
    }
    let (level, locality) =
        level_and_locality(&name).map_or((None, None), |(l, n)| (Some(l), Some(n)));
    Issuer {
        name: Some(upper_first(&name)),
        level,
        locality,
    }
}

/// True when a line names the enacting authority of a document from `issuer`: the issuer
/// itself ("CHÍNH PHỦ" for "Chính phủ"), or its head ("BỘ TRƯỞNG BỘ TÀI CHÍNH" for "Bộ Tài
/// chính").
pub fn is_enacting_authority(line: &str, issuer: &str) -> bool {
    let line = line.trim().to_lowercase();
    let issuer = issuer.trim().to_lowercase();
    let head = re!(r"^(?:bộ trưởng|chủ tịch|thủ trưởng)\s+").replace(&line, "");
    line == issuer || head == issuer
}

/// The number a date part starts with, or None when it is blank ("ngày    tháng", "ngày …/3").
fn first_number(text: &str) -> Option<u32> {
    re!(r"^\s*(\d{1,4})\b")
        .captures(text)
        .and_then(|c| c[1].parse().ok())
        .filter(|&n| n > 0)
}

/// Splits "103/KH-UBND" into number and symbol; "/KH-UBND" or "…/KH-UBND" has no number. A
/// symbol keeps its small letters ("QĐ-TTg"). Numbers before 1997 joined the symbol with a
/// hyphen or a space ("1141-TC/QĐ/CĐKT", "27-CT/TW").
pub fn number_and_symbol(text: &str) -> (Option<String>, Option<String>) {
    let Some(caps) = re!(
        r"^([0-9]*)\s*((?:/[0-9]{4})?)\s*[.…_\s]*/\s*([\p{Lu}Đ][\p{L}0-9./&-]*(?:\s*-\s*[\p{Lu}Đ0-9][\p{L}0-9]*)*)"
    )
    .captures(text) else {
        let old = re!(r"^([0-9]+)\s*-?\s*(\p{Lu}[\p{Lu}Đ]*/[\p{Lu}Đ][\p{L}0-9/-]*)");
        return old.captures(text).map_or((None, None), |caps| {
            let symbol = caps[2].trim_end_matches(['/', '-']).to_string();
            (Some(format!("{}-{symbol}", &caps[1])), Some(symbol))
        });
    };
    let symbol: String = caps[3]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_end_matches(['.', '-'])
        .to_string();
    let number = (!caps[1].is_empty()).then(|| format!("{}{}/{symbol}", &caps[1], &caps[2]));
    (number, Some(symbol))
}

/// Body types that start the name of an issuing body on a header line.
const BODY_START: &str = r"^(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|SỞ|PHÒNG|BAN|ĐOÀN|VĂN PHÒNG|TRUNG TÂM|CHI CỤC|TỔNG CỤC|CỤC|BỘ|CÔNG AN|THANH TRA|ĐẢNG ỦY|ĐẢNG ỦY|LIÊN ĐOÀN|HỘI|BQL)\b";

/// Kinds of body named in more than one word, as they are written (mostly with their later
/// words small): "Chi cục Thuế", "Văn phòng Điều phối ...", "Hội đồng nhân dân tỉnh", "Bộ Chỉ
/// huy Quân sự" (Decree 30, Appendix II: the kind of body and the first word of its field
/// take a capital).
const BODY_KINDS: [&str; 16] = [
    "Hội đồng nhân dân",
    "Ngân hàng",
    "Kiểm toán",
    "Ủy ban",
    "Uỷ ban",
    "Bộ Chỉ huy",
    "Liên đoàn",
    "Đoàn đại biểu",
    "Chi cục",
    "Tổng cục",
    "Văn phòng",
    "Trung tâm",
    "Công an",
    "Thanh tra",
    "Đảng ủy",
    "Hội đồng",
];

/// Builds the issuer from the upper-case header lines: "ỦY BAN NHÂN DÂN / TỈNH A", or a parent and a body.
pub fn issuer_from_lines(lines: &[String]) -> Issuer {
    if lines.is_empty() {
        return Issuer::default();
    }
    let body_start = lines
        .iter()
        .rposition(|l| re!(BODY_START).is_match(l))
        .unwrap_or(0);
    let body = lines[body_start..].join(" ");
    let parent = lines[..body_start].join(" ");
    let (level, locality) = level_and_locality(&body)
        .or_else(|| level_and_locality(&parent))
        .map_or((None, None), |(l, n)| (Some(l), Some(n)));
    // A body named after its place without the level's word ("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP
    // BÀ RỊA – VŨNG TÀU") writes the place as a name.
    let mut name = body_name(&body);
    if let Some(place) = &locality {
        let count = place.chars().count();
        let at = name
            .char_indices()
            .rev()
            .nth(count.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        let ends_with_place = count > 0
            && name[at..].to_lowercase() == place.to_lowercase()
            && (at == 0 || name[..at].ends_with(' '));
        if ends_with_place {
            name.replace_range(at.., place);
        }
    }
    Issuer {
        name: Some(name),
        level,
        locality,
    }
}

/// The level words of Vietnamese administrative units, longest first, with their record codes.
const LEVELS: [(&str, &str); 9] = [
    ("THỊ TRẤN", "thi_tran"),
    ("THỊ XÃ", "thi_xa"),
    ("THÀNH PHỐ", "thanh_pho"),
    ("TP.", "thanh_pho"),
    ("TỈNH", "tinh"),
    ("HUYỆN", "huyen"),
    ("QUẬN", "huyen"),
    ("XÃ", "xa"),
    ("PHƯỜNG", "phuong"),
];

/// The five cities under the central government (thành phố trực thuộc trung ương) and Huế.
const CENTRAL_CITIES: [&str; 6] = [
    "Hà Nội",
    "Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
];

/// Finds "TỈNH LÂM ĐỒNG" (or "xã Vĩnh Tuy") in a name: the level code and the locality.
pub fn level_and_locality(name: &str) -> Option<(String, String)> {
    let upper = name.to_uppercase();
    for (word, code) in LEVELS {
        let mut from = 0;
        while let Some(at) = upper[from..].find(word).map(|i| i + from) {
            from = at + word.len();
            let before_ok = at == 0 || upper[..at].ends_with(' ');
            let rest = name[at + word.len()..].trim();
            let rest = party_committee(rest).map_or(rest, |(_, locality)| locality);
            let after_ok = name[at + word.len()..].starts_with(' ') || word.ends_with('.');
            if !(before_ok && after_ok) || rest.is_empty() || names_society(word, &name[..at], rest)
            {
                continue;
            }
            // The locality: the capitalised words that follow, a name in two parts joined by a
            // dash included ("BÀ RỊA - VŨNG TÀU"); a part of a place's name has four words at
            // most, which bounds a name in capitals that runs on into another body's.
            let named = |w: &str| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
            };
            let all: Vec<&str> = rest.split_whitespace().collect();
            let mut end = 0;
            let mut part = 0;
            while end < all.len() {
                if named(all[end]) && (part < 4 || end == 0) {
                    end += 1;
                    part += 1;
                } else if part > 0
                    && ["-", "–"].contains(&all[end])
                    && all.get(end + 1).is_some_and(|w| named(w))
                    && !re!(BODY_START).is_match(&all[end + 1..].join(" ").to_uppercase())
                {
                    end += 2;
                    part = 1;
                } else {
                    break;
                }
            }
            let words = &all[..end];
            if words.is_empty() {
                continue;
            }
            let locality = title_case(&words.join(" "));
            let code = if code == "thanh_pho" {
                if CENTRAL_CITIES.contains(&locality.as_str()) {
                    "thanh_pho_tw"
                } else {
                    "thanh_pho_thuoc_tinh"
                }
            } else {
                code
            };
            return Some((code.to_string(), locality));
        }
    }
    None
}

/// True when the level word "XÃ" is the first half of "xã hội" (society: "BỘ LAO ĐỘNG -
/// THƯƠNG BINH VÀ XÃ HỘI", "SỞ ... VÀ XÃ HỘI TỈNH A"), which names no commune: after "và", or
/// with no name after "hội" but a level's ("XÃ HỘI AN" is the commune Hội An). `before` and
/// `rest` are what precede and follow the word.
fn names_society(word: &str, before: &str, rest: &str) -> bool {
    let Some(after) = re!(r"(?i)^\s*hội\b(.*)$")
        .captures(rest)
        .and_then(|c| c.get(1))
    else {
        return false;
    };
    let after = after.as_str().trim().to_uppercase();
    word == "XÃ"
        && (re!(r"(?i)\bvà\s*$").is_match(before)
            || after.is_empty()
            || LEVELS.iter().any(|(level, _)| after.starts_with(level)))
}

/// The committee named after a level and the locality after it: "ỦY" of the Party ("HUYỆN ỦY
/// BẢO YÊN", "Tỉnh ủy Lào Cai") or "ĐOÀN" of the Youth Union ("TỈNH ĐOÀN LÂM ĐỒNG"), each
/// the committee of the unit named before it, as written in a sentence ("ủy", "Đoàn"); None
/// when the name is no such committee.
fn party_committee(after_level: &str) -> Option<(&'static str, &str)> {
    let (first, rest) = after_level.split_once(' ')?;
    let committee = match first {
        "ỦY" | "UỶ" | "ủy" | "uỷ" => "ủy",
        "ĐOÀN" | "Đoàn" => "Đoàn",
        _ => return None,
    };
    Some((committee, rest.trim_start()))
}

/// Writes an upper-case body name the way a sentence writes it: "Ủy ban nhân dân tỉnh Lâm Đồng".
fn body_name(body: &str) -> String {
    let expanded = re!(r"^(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|Uỷ ban nhân dân)\b")
        .replace(body, "Ủy ban nhân dân")
        .into_owned();
    // "BQL" is a Ban quản lý (management board), written out as UBND is.
    let expanded = re!(r"^BQL\b")
        .replace(&expanded, "BAN QUẢN LÝ")
        .into_owned();
    let rest = expanded.trim_start_matches("Ủy ban nhân dân");
    if !rest.trim().is_empty() && !is_upper_line(rest) {
        return expanded;
    }
    // The level word with a space on each side; index p in `padded` is p - 1 in `expanded`,
    // so the word itself starts at p in `expanded`.
    let padded = format!(" {expanded} ");
    let level = LEVELS
        .iter()
        .filter_map(|(word, _)| padded.find(&format!(" {word} ")).map(|at| (at, *word)))
        .filter(|&(at, word)| !names_society(word, &padded[..at], &padded[at + word.len() + 1..]))
        .min();
    let (head, tail) = match level {
        Some((at, word)) => (
            expanded[..at].trim(),
            Some((word, expanded[at + word.len()..].trim())),
        ),
        None => (expanded.as_str(), None),
    };
    let head = if head == "Ủy ban nhân dân" || head.is_empty() {
        head.to_string()
    } else {
        sentence_case(head)
    };
    match tail {
        Some((word, locality)) => {
            // "Thành phố Hồ Chí Minh" is the city's whole name, written so even after another
            // word (Decree 30, Appendix II; its Appendix I dates a form "Thành phố Hồ Chí Minh,
            // ngày ...").
            let word = if title_case(locality) == "Hồ Chí Minh"
                && ["TP.", "THÀNH PHỐ"].contains(&word)
            {
                "Thành phố".to_string()
            } else if word == "TP." {
                "thành phố".to_string()
            } else {
                word.to_lowercase()
            };
            let name = match party_committee(locality) {
                Some((committee, locality)) => {
                    format!("{head} {word} {committee} {}", title_case(locality))
                }
                None => format!("{head} {word} {}", title_case(locality)),
            };
            let name = name.trim_end().to_string();
            // A bare unit ("PHƯỜNG YÊN HÒA") starts with a capital.
            if head.is_empty() {
                upper_first(name.trim_start())
            } else {
                name
            }
        }
        None => head,
    }
}

/// "SỞ CÔNG THƯƠNG" → "Sở Công thương", "CHI CỤC THUẾ" → "Chi cục Thuế": the kind of body
/// and the first word after it capitalised, abbreviations kept.
fn sentence_case(text: &str) -> String {
    // Bodies that issue together, joined by " - " ("BỘ TÀI CHÍNH - CÔNG NGHIỆP - TỔNG CỤC HẢI
    // QUAN"), are each written as their own name.
    let parts: Vec<&str> = text.split(" - ").collect();
    if parts[1..].iter().any(|p| re!(BODY_START).is_match(p)) {
        return parts
            .iter()
            .map(|p| body_sentence_case(p))
            .collect::<Vec<_>>()
            .join(" - ");
    }
    body_sentence_case(text)
}

/// [`sentence_case`] for the name of one body.
fn body_sentence_case(text: &str) -> String {
    // How many words name the kind of body, and how they are written: the field's first word
    // comes after them.
    let written = BODY_KINDS.iter().find(|k| {
        text.strip_prefix(k.to_uppercase().as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    });
    let kind = written.map_or(usize::from(re!(BODY_START).is_match(text)), |k| {
        k.split(' ').count()
    });
    let kind_words: Vec<&str> = written.map_or(Vec::new(), |k| k.split(' ').collect());
    let cased = text
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let abbreviation = w.chars().count() <= 4
                && w.chars().all(|c| c.is_uppercase() || !is_letter(c))
                && !is_word(w);
            if let Some(written) = kind_words.get(i) {
                written.to_string()
            } else if abbreviation || w.chars().any(|c| c.is_ascii_digit() || c == '/') {
                w.to_string()
            } else if i == 0 || (i == kind && kind > 0) || (i > 1 && after_separator(text, i)) {
                title_case(w)
            } else {
                w.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    // Proper names keep their capitals wherever they stand in a body's name ("Ngân hàng Nhà
    // nước Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam", "Đoàn đại biểu Quốc hội").
    let names = re!(&format!(r"(?i)\b(?:{})\b", PROPER_NAMES.join("|")));
    names
        .replace_all(&cased, |caps: &regex::Captures| {
            let found = caps[0].to_lowercase();
            PROPER_NAMES
                .iter()
                .find(|name| name.to_lowercase() == found)
                .map_or(found, |name| name.to_string())
        })
        .into_owned()
}

/// Names written with their capitals inside a body's name, whatever the words around them.
const PROPER_NAMES: [&str; 5] = ["Việt Nam", "Tổ quốc", "Quốc hội", "Hồ Chí Minh", "Cộng sản"];

/// True when the i-th word follows "và", "," or "-" that joins two fields of a name
/// ("Nông nghiệp và Môi trường", "Văn hóa, Thể thao và Du lịch").
fn after_separator(text: &str, i: usize) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let previous = words[i - 1];
    previous.eq_ignore_ascii_case("và")
        || previous == "VÀ"
        || previous == "-"
        || previous.ends_with(',')
}

/// True when `word` spells a Vietnamese syllable (so it is a word, not an abbreviation).
fn is_vietnamese_word(word: &str) -> bool {
    crate::text::Syllable::parse(&word.to_lowercase()).is_some()
}

/// True when a header word is a Vietnamese word, perhaps with its punctuation ("HÓA,"); a
/// letter with punctuation ("I.", "A)") is a label, not a word.
fn is_word(token: &str) -> bool {
    let letters = token.trim_matches(|c| !is_letter(c));
    if letters.len() == token.len() {
        is_vietnamese_word(token)
    } else {
        letters.chars().count() > 1 && is_vietnamese_word(letters)
    }
}

/// Finds the issuer in the preamble when the plan has no header: "Ủy ban nhân dân xã A ban hành ...".
pub fn issuer_from_sentence(text: &str) -> Option<Issuer> {
    let caps = re!(r"(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(thị trấn|thị xã|thành phố|xã|phường|huyện|quận|tỉnh)\s+((?:\p{Lu}[\p{L}]*\s+)+)(?:ban hành|xây dựng|lập|triển khai)")
        .captures(text)?;
    let level_word = caps[1].to_uppercase();
    let (level, locality) = level_and_locality(&format!("{level_word} {}", caps[2].trim()))?;
    Some(Issuer {
        name: Some(format!("Ủy ban nhân dân {} {locality}", &caps[1])),
        level: Some(level),
        locality: Some(locality),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    /// A whole date.
    fn on(day: u32, month: u32, year: i32) -> DocDate {
        DocDate {
            day: Some(day),
            month: Some(month),
            year: Some(year),
        }
    }

    #[test]
    fn type_lines_of_decree_30_and_of_older_documents() {
        let found = |text: &str| {
            find_doc_type(&lines(text)).map(|t| (t.at, t.doc_type, t.title, t.named_issuer))
        };
        // A joint circular as gazettes set it: the type over two lines, the ministries after.
        let joint = find_doc_type(&lines(
            "THÔNG TƯ\nLIÊN TỊCH BỘ TÀI CHÍNH - CÔNG NGHIỆP\nVề việc bổ sung",
        ))
        .unwrap();
        assert_eq!(
            (joint.at, joint.last, joint.doc_type.as_str()),
            (0, 1, "THÔNG TƯ LIÊN TỊCH")
        );
        assert_eq!(
            joint.named_issuer.as_deref(),
            Some("BỘ TÀI CHÍNH - CÔNG NGHIỆP")
        );
        assert_eq!(
            found("THÔNG TƯ\nLIÊN TỊCH").map(|f| f.1),
            Some("THÔNG TƯ LIÊN TỊCH".to_string())
        );
        // An issuer after the type whose capitals an old conversion lost is still the issuer;
        // a gazette's heading with the number, or a name that runs on, is not.
        assert_eq!(
            found("nghị định của chính phủ\nSửa đổi một số điều").map(|f| f.3),
            Some(Some("của chính phủ".to_string()))
        );
        assert_eq!(
            found("QUYẾT ĐỊNH của ủY BAN NHÂN DÂN THÀNH PHỐ cần thơ\nV/v ban hành").map(|f| f.3),
            Some(Some("của ủY BAN NHÂN DÂN THÀNH PHỐ cần thơ".to_string()))
        );
        for text in [
            "NGHỊ ĐỊNH của Chính phủ số 114/2003/NĐ-CP ngày 10/10/2003",
            "Thông tư liên tịch của Bộ Tài chính - Công nghiệp -\nTổng cục Hải quan số 176",
            "QUYẾT ĐỊNH của Thủ tướng Chính phủ\nsố 115/2004/QĐ-TTg ngày 25 tháng 6 năm 2004",
        ] {
            assert_eq!(found(text).and_then(|f| f.3), None, "{text}");
        }
        // A title that starts with the words is not the type's second line.
        assert_eq!(
            found("THÔNG TƯ\nLiên tịch hướng dẫn").map(|f| f.1),
            Some("THÔNG TƯ".to_string())
        );
        // A Thông tư whose title starts "Hướng dẫn": the type is the line above it.
        assert_eq!(
            found("BỘ TÀI CHÍNH\nSố: 120/2002/TT-BTC\nTHÔNG TƯ\nHướng dẫn thi hành Nghị định"),
            Some((2, "THÔNG TƯ".to_string(), None, None))
        );
        // The issuer named after the type, as before 2004.
        assert_eq!(
            found("Số: 12/2001/QĐ-BTC\nQUYẾT ĐỊNH CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH\nVề việc ban hành"),
            Some((
                1,
                "QUYẾT ĐỊNH".to_string(),
                None,
                Some("CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH".to_string())
            ))
        );
        // A law's number line is not its type line.
        for header in [
            "QUỐC HỘI\nLuật số: 18/2003/QH11",
            "QUỐC HỘI\nLuật\nsố: 18/2003/QH11",
        ] {
            let at = header.lines().count();
            assert_eq!(
                found(&format!("{header}\nLUẬT\nHỢP TÁC XÃ")),
                Some((at, "LUẬT".to_string(), None, None))
            );
        }
        // Every type of Decree 30's Article 7 that has a type line.
        for t in [
            "QUY ĐỊNH",
            "GIẤY MỜI",
            "BIÊN BẢN",
            "THÔNG TƯ LIÊN TỊCH",
            "KẾ HOẠCH",
        ] {
            assert_eq!(found(t).map(|f| f.1), Some(t.to_string()));
        }
        // A heading in capitals that starts with a type name is not one.
        assert_eq!(found("QUY ĐỊNH CHUNG"), None);
    }

    #[test]
    fn an_issuer_whose_capitals_an_old_conversion_lost() {
        for (header, issuer) in [
            ("Bộ tài chính\nSố: 120/2002/TT-BTC", "Bộ Tài chính"),
            ("chính phủ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Chính phủ"),
            (
                "ủy ban nhân dân\ntỉnh an giang\nSố: 522/2002/QĐ-UB",
                "Ủy ban nhân dân tỉnh An Giang",
            ),
        ] {
            let h = parse_header(&lines(header));
            assert_eq!(h.issuer.name.as_deref(), Some(issuer), "{header}");
            assert!(h.warnings.is_empty(), "{:?}", h.warnings);
        }
        // A joint circular's second type line, in small letters.
        let joint = find_doc_type(&lines(
            "Thông tư\nLiên tịch Bộ Tài chính - Công nghiệp - Tổng cục Hải quan\nSố 120/2000/TTLT-BTC-BCN-TCHQ ngày 25 tháng 12 năm 2000",
        ))
        .unwrap();
        assert_eq!(joint.doc_type, "THÔNG TƯ LIÊN TỊCH");
        assert_eq!(
            joint.named_issuer.as_deref(),
            Some("Bộ Tài chính - Công nghiệp - Tổng cục Hải quan")
        );
        // A line of prose in the header is not an issuer.
        let h = parse_header(&lines(
            "Bộ Tài chính giao chỉ tiêu cho các đơn vị, năm 2009",
        ));
        assert_eq!(h.issuer.name, None);
    }

    #[test]
    fn two_column_header() {
        let h = parse_header(&lines(
            "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: /KH-UBND\nLâm Đồng, ngày tháng 3 năm 2026",
        ));
        assert_eq!(
            h.issuer.name.as_deref(),
            Some("Ủy ban nhân dân tỉnh Lâm Đồng")
        );
        assert_eq!(h.issuer.level.as_deref(), Some("tinh"));
        assert_eq!(h.number, None);
        assert_eq!(h.symbol.as_deref(), Some("KH-UBND"));
        assert_eq!(h.place.as_deref(), Some("Lâm Đồng"));
        assert_eq!(
            h.date,
            DocDate {
                day: None,
                month: Some(3),
                year: Some(2026)
            }
        );
    }

    #[test]
    fn merged_header_lines() {
        let h = parse_header(&lines(
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nPHƯỜNG YÊN HÒA Độc lập - Tự do - Hạnh phúc\nSố: 103 /KH-UBND Yên Hòa, ngày 13 tháng 3 năm 2026",
        ));
        assert_eq!(
            h.issuer.name.as_deref(),
            Some("Ủy ban nhân dân phường Yên Hòa")
        );
        assert_eq!(h.number.as_deref(), Some("103/KH-UBND"));
        assert_eq!(h.place.as_deref(), Some("Yên Hòa"));
    }

    #[test]
    fn department_under_province() {
        let i = issuer_from_lines(&lines("UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG"));
        assert_eq!(i.name.as_deref(), Some("Sở Công thương"));
        assert_eq!(i.locality.as_deref(), Some("Lào Cai"));
        assert_eq!(i.level.as_deref(), Some("tinh"));
    }

    #[test]
    fn issuer_in_a_sentence() {
        let i = issuer_from_sentence("UBND xã Sính Phình xây dựng kế hoạch").unwrap();
        assert_eq!(i.name.as_deref(), Some("Ủy ban nhân dân xã Sính Phình"));
        assert_eq!(i.level.as_deref(), Some("xa"));
    }

    #[test]
    fn numbers_and_symbols_of_every_period() {
        let split = |text: &str| number_and_symbol(text);
        let both = |n: &str, s: &str| (Some(n.to_string()), Some(s.to_string()));
        assert_eq!(split("148/QĐ-TTg"), both("148/QĐ-TTg", "QĐ-TTg"));
        assert_eq!(split("94 /1998/NĐ-CP"), both("94/1998/NĐ-CP", "NĐ-CP"));
        assert_eq!(split("/KH-UBND"), (None, Some("KH-UBND".to_string())));
        // Before 1997 the number was joined to the symbol with a hyphen.
        assert_eq!(
            split("1141-TC/QĐ/CĐKT"),
            both("1141-TC/QĐ/CĐKT", "TC/QĐ/CĐKT")
        );
        assert_eq!(split("27-CT/TW"), both("27-CT/TW", "CT/TW"));
        assert_eq!(split("12 ngày"), (None, None));
    }

    #[test]
    fn a_gazette_heading_gives_issuer_number_and_date() {
        let heading = gazette_heading(
            "của Chính phủ Số 94 /1998/NĐ-CP ngày 17 tháng 11 năm 1998 Quy định chi tiết thi hành",
        )
        .unwrap();
        assert_eq!(heading.issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(heading.number.as_deref(), Some("94/1998/NĐ-CP"));
        assert_eq!(heading.date, on(17, 11, 1998));
        assert_eq!(heading.title, "Quy định chi tiết thi hành");
        let short =
            gazette_heading("SỐ 120/2000/TTLT-BTC NGÀY 25/12/2000 VỀ VIỆC BỔ SUNG").unwrap();
        assert_eq!(
            (short.issuer, short.symbol.as_deref(), short.date.month),
            (None, Some("TTLT-BTC"), Some(12))
        );
        assert_eq!(short.title, "VỀ VIỆC BỔ SUNG");
        // A title that cites another document, or starts with the word "số", is not a heading.
        assert_eq!(
            gazette_heading("Số hóa hồ sơ, tài liệu từ ngày 01/01/2026"),
            None
        );
        assert_eq!(
            gazette_heading("Hướng dẫn thi hành Nghị định số 54/CP ngày 28/08/1993"),
            None
        );
        // The authority line under a decree's title is no part of it.
        assert!(is_enacting_authority("CHÍNH PHỦ", "Chính phủ"));
        assert!(is_enacting_authority(
            "BỘ TRƯỞNG BỘ TÀI CHÍNH",
            "Bộ Tài chính"
        ));
        assert!(!is_enacting_authority("NĂM 2026", "Chính phủ"));
        assert!(!is_enacting_authority(
            "TRÊN ĐỊA BÀN XÃ VĨNH TUY",
            "Ủy ban nhân dân xã Vĩnh Tuy"
        ));
        // Issuers as such headings name them.
        let name = |named: &str| named_issuer(named).name.unwrap();
        assert_eq!(name("CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH"), "Bộ Tài chính");
        assert_eq!(name("của Thủ tướng Chính phủ"), "Thủ tướng Chính phủ");
        assert_eq!(name("CỦA CHÍNH PHỦ"), "Chính phủ");
    }

    #[test]
    fn a_date_in_figures_and_a_number_without_its_colon() {
        let h = parse_header(&lines(
            "ỦY BAN NHÂN DÂN\nXÃ VĨNH TUY\nSố 45/KH-UBND\nVĩnh Tuy, ngày 15/01/2026",
        ));
        assert_eq!(h.number.as_deref(), Some("45/KH-UBND"));
        assert_eq!(h.place.as_deref(), Some("Vĩnh Tuy"));
        assert_eq!(h.date, on(15, 1, 2026));
        let h = parse_header(&lines("Số    /KH-UBND\nHà Nội, ngày 5-3-2026"));
        assert_eq!((h.number, h.symbol.as_deref()), (None, Some("KH-UBND")));
        assert_eq!((h.date.day, h.date.month), (Some(5), Some(3)));
        // A number that is no date stays out of it.
        let h = parse_header(&lines("Hà Nội, ngày 15/01 2026"));
        assert_eq!(h.date.year, None);
    }

    #[test]
    fn a_place_abbreviated_in_two_parts_or_hyphenated() {
        for (line, place) in [
            (
                "TP. Hồ Chí Minh, ngày 18 tháng 11 năm 2025",
                "TP. Hồ Chí Minh",
            ),
            (
                "Phan Rang - Tháp Chàm, ngày 05 tháng 01 năm 2026",
                "Phan Rang - Tháp Chàm",
            ),
            (
                "Bà Rịa - Vũng Tàu, ngày 5 tháng 1 năm 2026",
                "Bà Rịa - Vũng Tàu",
            ),
            ("Hà-Nội, ngày 8 tháng 3 năm 2001", "Hà-Nội"),
            ("Số: 12/KH-UBND Lâm Đồng, ngày 01/02/2026", "Lâm Đồng"),
        ] {
            let h = parse_header(&lines(line));
            assert_eq!(h.place.as_deref(), Some(place), "{line}");
            assert!(h.date.year.is_some(), "{line}");
            assert!(h.warnings.is_empty(), "{line}: {:?}", h.warnings);
        }
    }

    #[test]
    fn a_place_written_with_small_letters_as_older_documents_do() {
        let h = parse_header(&lines(
            "BỘ TÀI CHÍNH\nSố: 12/2001/QĐ-BTC\nHà nội, ngày 13 tháng 3 năm 2001",
        ));
        assert_eq!(h.place.as_deref(), Some("Hà nội"));
        assert_eq!(h.date.year, Some(2001));
        assert_eq!(h.symbol.as_deref(), Some("QĐ-BTC"));
    }

    #[test]
    fn society_is_no_commune() {
        assert_eq!(
            level_and_locality("Sở Lao động - Thương binh và Xã hội tỉnh Lâm Đồng"),
            Some(("tinh".to_string(), "Lâm Đồng".to_string()))
        );
        assert_eq!(
            level_and_locality("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
            None
        );
        assert_eq!(
            level_and_locality("ỦY BAN NHÂN DÂN XÃ HỘI AN"),
            Some(("xa".to_string(), "Hội An".to_string()))
        );
    }

    #[test]
    fn a_place_in_two_parts_and_a_body_named_after_its_place() {
        assert_eq!(
            level_and_locality("UBND TỈNH BÀ RỊA - VŨNG TÀU"),
            Some(("tinh".to_string(), "Bà Rịa - Vũng Tàu".to_string()))
        );
        assert_eq!(
            level_and_locality("Tỉnh Đoàn Lâm Đồng"),
            Some(("tinh".to_string(), "Lâm Đồng".to_string()))
        );
        let issuer = issuer_from_lines(&[
            "UBND TỈNH BÀ RỊA – VŨNG TÀU".to_string(),
            "BQL CÁC KHU CÔNG NGHIỆP BÀ RỊA – VŨNG TÀU".to_string(),
        ]);
        assert_eq!(
            issuer.name.as_deref(),
            Some("Ban Quản lý các khu công nghiệp Bà Rịa – Vũng Tàu")
        );
        assert_eq!(issuer.locality.as_deref(), Some("Bà Rịa – Vũng Tàu"));
    }

    #[test]
    fn bodies_named_in_two_words_are_written_as_decree_30_writes_them() {
        let name = |body: &str| issuer_from_lines(&[body.to_string()]).name.unwrap();
        for (body, written) in [
            ("CHI CỤC THUẾ KHU VỰC X", "Chi cục Thuế khu vực X"),
            ("TỔNG CỤC HẢI QUAN", "Tổng cục Hải quan"),
            (
                "VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI",
                "Văn phòng Điều phối nông thôn mới",
            ),
            ("TRUNG TÂM XÚC TIẾN ĐẦU TƯ", "Trung tâm Xúc tiến đầu tư"),
            ("CÔNG AN TỈNH LÂM ĐỒNG", "Công an tỉnh Lâm Đồng"),
            (
                "HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG",
                "Hội đồng nhân dân tỉnh Lâm Đồng",
            ),
            ("THANH TRA SỞ", "Thanh tra Sở"),
            ("ĐẢNG ỦY XÃ VĨNH TUY", "Đảng ủy xã Vĩnh Tuy"),
            ("NGÂN HÀNG NHÀ NƯỚC VIỆT NAM", "Ngân hàng Nhà nước Việt Nam"),
            ("KIỂM TOÁN NHÀ NƯỚC", "Kiểm toán Nhà nước"),
            // "Xã hội" (society) is no commune; "XÃ HỘI AN" is one.
            (
                "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
                "Bộ Lao động - Thương binh và Xã hội",
            ),
            ("ỦY BAN NHÂN DÂN XÃ HỘI AN", "Ủy ban nhân dân xã Hội An"),
            (
                "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH LÂM ĐỒNG",
                "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lâm Đồng",
            ),
            ("BỘ CHỈ HUY QUÂN SỰ TỈNH", "Bộ Chỉ huy Quân sự tỉnh"),
            (
                "LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐỒNG NAI",
                "Liên đoàn Lao động tỉnh Đồng Nai",
            ),
            ("HỘI NÔNG DÂN TỈNH ĐẮK LẮK", "Hội Nông dân tỉnh Đắk Lắk"),
            (
                "ĐOÀN ĐẠI BIỂU QUỐC HỘI TỈNH LÂM ĐỒNG",
                "Đoàn đại biểu Quốc hội tỉnh Lâm Đồng",
            ),
            ("TỈNH ĐOÀN LÂM ĐỒNG", "Tỉnh Đoàn Lâm Đồng"),
            (
                "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
                "Ủy ban nhân dân Thành phố Hồ Chí Minh",
            ),
            (
                "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU",
                "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu",
            ),
            // Bodies that issue together: each its own name.
            (
                "BỘ TÀI CHÍNH - CÔNG NGHIỆP - TỔNG CỤC HẢI QUAN",
                "Bộ Tài chính - Công nghiệp - Tổng cục Hải quan",
            ),
            // One-word kinds, as before.
            (
                "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
                "Sở Nông nghiệp và Môi trường",
            ),
            (
                "BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP",
                "Ban Quản lý các khu công nghiệp",
            ),
            ("PHÒNG KINH TẾ", "Phòng Kinh tế"),
            // A word with its comma is still a word, not an abbreviation.
            (
                "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
                "Sở Văn hóa, Thể thao và Du lịch",
            ),
            // Party committees: the unit's level word, then "ủy".
            ("HUYỆN ỦY BẢO YÊN", "Huyện ủy Bảo Yên"),
        ] {
            assert_eq!(name(body), written, "{body}");
        }
        let committee = issuer_from_lines(&["TỈNH ỦY LÀO CAI".to_string()]);
        assert_eq!(
            (committee.level.as_deref(), committee.locality.as_deref()),
            (Some("tinh"), Some("Lào Cai"))
        );
    }
}
