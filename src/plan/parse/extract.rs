//! What the heading tree says: targets, products, budget, assignments, schedule.

use std::borrow::Cow;

use crate::plan::record::{Assignment, Budget, BudgetLine, Period, Product, ScheduleStep, Target};
use crate::text::syllable::is_letter;
use crate::text::{lower_first, upper_first};

use super::re;
use super::sections::Node;

/// Upper-cased title of a node, for matching section names.
fn upper_title(node: &Node) -> String {
    node.title.to_uppercase()
}

/// "giai đoạn 2027-2030", "2026 - 2030" → the span.
pub fn find_period(text: &str) -> Option<Period> {
    let caps = re!(r"(\d{4})\s*[-–]\s*(\d{4})").captures(text)?;
    let from: i32 = caps[1].parse().ok()?;
    let to: i32 = caps[2].parse().ok()?;
    (from < to && to - from <= 30).then_some(Period { from, to })
}

/// "năm 2026" not inside a span or a "đến năm": the single year a text is about.
pub fn find_year(text: &str) -> Option<i32> {
    re!(r"(?i)\bnăm\s+(\d{4})\b")
        .captures_iter(text)
        .filter(|c| {
            let start = c.get(0).map_or(0, |m| m.start());
            let end = c.get(0).map_or(0, |m| m.end());
            !re!(r"^\s*[-–]\s*\d{4}").is_match(&text[end..])
                && !re!(r"(?i)(?:đến|tới)(?:\s+hết)?\s*$").is_match(&text[..start])
        })
        .filter_map(|c| c[1].parse().ok())
        .next()
}

/// Parses a Vietnamese number: "61.000,0" → 61000.0, "04" → 4.0, "1,5" → 1.5.
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned = text.trim();
    let value = if cleaned.contains(',') {
        cleaned.replace('.', "").replace(',', ".")
    } else if re!(r"^\d{1,3}(?:\.\d{3})+$").is_match(cleaned) {
        cleaned.replace('.', "")
    } else {
        cleaned.to_string()
    };
    value.parse().ok()
}

/// Units a target counts, longest first: what plans count (products, households, classes),
/// land and goods (ha, tấn), energy (MWh before MW), money and jobs.
const UNITS: &str = r"%|MWh|kWh|MW|kW|GW|khu công nghiệp|cụm công nghiệp|KCN|CCN|tỷ đồng|triệu đồng|USD|lao động|việc làm|sản phẩm|chủ thể|cơ sở|hợp tác xã|HTX|tổ hợp tác|doanh nghiệp|điểm|lớp|hộ|người|lượt|cán bộ|thủ tục|văn bản|hồ sơ|mô hình|làng nghề|dự án|xã|phường|thôn|đơn vị|cơ quan|cuộc|hội nghị|ha|tấn|km|công trình|trường|nhiệm vụ|đợt|cửa hàng|sự kiện";

/// Reads the targets from the sentences under goal headings and "phấn đấu" sentences anywhere.
pub fn targets(
    roots: &[Node],
    plan_year: Option<i32>,
    plan_period: Option<&Period>,
) -> Vec<Target> {
    let mut out = Vec::new();
    for root in roots {
        let mut path = Vec::new();
        root.walk(&mut path, &mut |nodes| {
            let node = nodes[nodes.len() - 1];
            let labels: Vec<&str> = nodes.iter().map(|n| n.label.as_str()).collect();
            let in_goals = nodes
                .iter()
                .any(|n| re!(r"MỤC TIÊU|CHỈ TIÊU|MỤC ĐÍCH").is_match(&upper_title(n)));
            let heading_year = nodes.iter().rev().find_map(|n| {
                re!(r"(?i)đến (?:hết )?năm\s+(\d{4})")
                    .captures(&n.title)
                    .and_then(|c| c[1].parse().ok())
            });
            let mut texts: Vec<&str> = Vec::new();
            let mut paragraphs = node.paragraphs.iter();
            if nodes.len() > 1 {
                texts.push(&node.line);
                // (Its first paragraph is then read already.)
                if node.line_holds_first_paragraph() {
                    paragraphs.next();
                }
            }
            texts.extend(paragraphs.map(String::as_str));
            for text in texts {
                // Cheap tests first: a target needs a digit, and outside goal sections an aim word.
                let may_aim = ["đấu", "ĐẤU", "tiêu", "TIÊU"]
                    .iter()
                    .any(|w| text.contains(w));
                if !text.bytes().any(|b| b.is_ascii_digit()) || !(in_goals || may_aim) {
                    continue;
                }
                // A breakdown ("..., trong đó 5 sản phẩm đạt 4 sao") is due when its whole is, and
                // a second thing ("... 03 hợp tác xã và 10 tổ hợp tác") when the first is.
                let mut first_year = None;
                for (sentence_aims, goes_on, clause) in clauses(text) {
                    if !(in_goals || sentence_aims) {
                        continue;
                    }
                    let default_year = goes_on
                        .then_some(first_year)
                        .flatten()
                        .or(heading_year)
                        .or(plan_year);
                    if let Some(target) =
                        target_from(clause, &labels.join("."), default_year, plan_period)
                    {
                        first_year = target.year;
                        out.push(target);
                    }
                }
            }
        });
    }
    out
}

/// Splits a paragraph into sentences, and sentences into clauses at ";", ", trong đó",
/// ", riêng" ("đến năm 2030 đạt 50% ..., riêng năm 2025 ... 20%") and "và" before a number;
/// each clause comes with whether its sentence states an aim ("phấn đấu", "chỉ tiêu") and
/// whether it goes on from the clause before it (a breakdown after "trong đó", or a second
/// thing after "và"), whose time it shares.
fn clauses(text: &str) -> Vec<(bool, bool, &str)> {
    let mut sentences = Vec::new();
    let mut from = 0;
    for m in re!(r"\.\s+[\p{Lu}\d]").find_iter(text) {
        // The capital or number that starts the next sentence stays with it.
        let end = m.end() - m.as_str().chars().last().map_or(0, char::len_utf8);
        sentences.push(&text[from..m.start()]);
        from = end;
    }
    sentences.push(&text[from..]);
    let mut out = Vec::new();
    for sentence in sentences {
        let aims = re!(r"(?i)phấn đấu|phần đấu|chỉ tiêu").is_match(sentence);
        // (Not inside brackets: "(gồm 166 dự án thủy điện; 02 dự án điện gió)" is one breakdown.)
        let mut from = 0;
        let mut goes_on = false;
        // (And at "và" before a number: "thành lập mới 03 hợp tác xã và 10 tổ hợp tác" commits
        // to two things; not in a list of numbers, "mục 16 và 17".) A clause after "trong đó"
        // or "và" goes on from the one before it.
        let cuts = re!(r";\s+|,?\s+trong đó\s+|,\s+riêng\s+|\s+và\s+")
            .find_iter(sentence)
            .filter_map(|cut| {
                let before = &sentence[..cut.start()];
                let and = cut.as_str().trim() == "và";
                let two_things = sentence[cut.end()..].starts_with(|c: char| c.is_ascii_digit())
                    && !before.ends_with(|c: char| c.is_ascii_digit());
                ((!and || two_things) && before.matches('(').count() <= before.matches(')').count())
                    .then(|| {
                        (
                            cut.start(),
                            cut.end(),
                            and || cut.as_str().contains("trong đó"),
                        )
                    })
            })
            .chain([(sentence.len(), sentence.len(), false)]);
        for (start, end, next_goes_on) in cuts {
            let clause = sentence[from..start].trim();
            if !clause.is_empty() {
                out.push((aims, goes_on, clause));
            }
            from = end;
            goes_on = next_goes_on;
        }
    }
    out
}

/// Reads a target from one clause, when it states a quantity with a unit.
fn target_from(
    clause: &str,
    section: &str,
    default_year: Option<i32>,
    plan_period: Option<&Period>,
) -> Option<Target> {
    if !clause.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // What a bracket adds is a breakdown or an aside ("(gồm 40 dự án thủy điện, ..."), even
    // when the clause ends before the bracket closes; the quantity is the one outside it.
    let outside_parens = re!(r"\([^)]*(?:\)|$)").replace_all(clause, " ");
    // A quantity or a range ("60-70%", read as at least its first number), then a unit, perhaps
    // per something ("12%/năm").
    let units = re!(&format!(
        r"(?:^|[\s(])(?P<n>\d+(?:[.,]\d+)*)(?:\s*[-–]\s*(?P<upto>\d+(?:[.,]\d+)*))?(?:/\d+)?\s*(?P<unit>(?i:{UNITS}))(?:\s|$|[,.;:)/])"
    ));
    // A number (or a range, "30 - 45 trạm") before any other noun counts it ("đấu giá từ 05 mỏ
    // khoáng sản"), when no unit above does: not a number that names a year, a day, an article
    // or a document ("Chỉ thị
    // 11 của ..."), nor one before a span of time, a word that is no noun, or stars (a field
    // of their own).
    let counted = || {
        re!(r"(?:^|[\s(])(?P<n>\d+(?:[.,]\d+)*)(?:\s*[-–]\s*(?P<upto>\d+(?:[.,]\d+)*))?\s+(?P<unit>\p{Ll}+)(?:\s|$|[,.;:)])")
            .captures_iter(&outside_parens)
            .find(|c| {
                let number = &c["n"];
                let before = outside_parens[..c.name("n").map_or(0, |m| m.start())].trim_end();
                let year = number.len() == 4 && (number.starts_with("19") || number.starts_with("20"));
                // "gấp 30 lần": a multiple is a quantity, though "lần" alone counts occasions.
                let multiple = &c["unit"] == "lần" && re!(r"(?i)\bgấp$").is_match(before);
                !year
                    && !re!(r"(?i)(?:năm|ngày|tháng|quý|số|điều|khoản|điểm|mục|phụ lục|giai đoạn|chỉ thị|nghị quyết|quyết định|nghị định|thông tư|kế hoạch|công văn|văn bản|luật|chương trình|đề án|[-–])$")
                        .is_match(before)
                    && (multiple
                        || !re!(r"^(?:năm|tháng|ngày|quý|tuần|giờ|phút|lần|sao|và|của|các|những|được|là|có|tại|theo|trong|với|cho|về|từ|đến|trở|hoặc|trên|dưới)$")
                            .is_match(&c["unit"]))
            })
    };
    let (caps, counted_noun) = match units.captures(&outside_parens) {
        Some(caps) => (caps, false),
        None => (counted()?, true),
    };
    let quantity = parse_number(&caps["n"])?;
    let range = caps.name("upto").is_some();
    let unit = if counted_noun {
        counted_unit(&outside_parens, caps.name("unit")?)
    } else {
        caps["unit"].to_string()
    };
    let stars = re!(r"lên\s+(?:hạng\s+)?(\d)\s*sao")
        .captures(clause)
        .or_else(|| re!(r"(\d)\s*sao").captures(clause))
        .and_then(|c| c[1].parse().ok());
    // "trên", "hơn" and "trở lên" qualify the number they stand by: "đạt trên 70%", "05 mỏ ...
    // trở lên", but not "dân số từ 15 tuổi trở lên ... đạt 95%".
    let at = caps.name("n").map_or(0, |m| m.start());
    let at_least = range
        || re!(r"(?i)ít\s+nhất|tối thiểu|không dưới|≥").is_match(clause)
        || re!(r"(?i)\b(?:trên|hơn)\s*$").is_match(&outside_parens[..at])
        || re!(r"(?i)trở lên").is_match(&outside_parens[at..]);
    let clause_period = find_period(clause);
    // "đến năm 2030", "trong năm 2026", and a clause that starts with its year ("năm 2025 ...").
    let year = re!(r"(?i)(?:(?:đến|trong|hết)\s+(?:hết\s+)?|^)năm\s+(\d{4})")
        .captures(clause)
        .and_then(|c| c[1].parse().ok())
        .or(if clause_period.is_some() {
            None
        } else {
            default_year
        });
    let text_period =
        clause_period.or_else(|| year.is_none().then(|| plan_period.cloned()).flatten());
    Some(Target {
        text: re!(r"^[-–+•]\s*")
            .replace(clause, "")
            .trim_end_matches(['.', ';', ','])
            .to_string(),
        section: (!section.is_empty()).then(|| section.to_string()),
        quantity: Some(quantity),
        unit: Some(unit),
        stars,
        at_least,
        year,
        period: text_period,
    })
}

/// The noun a number counts, when no known unit followed it: its first word, or the listed
/// word of two or three syllables it starts ("2 kỹ sư", not "2 kỹ"; "3 học viên").
fn counted_unit(text: &str, first: regex::Match) -> String {
    // The next two words, up to a punctuation mark.
    let mut after: Vec<&str> = Vec::new();
    for word in text[first.end()..].split_whitespace().take(2) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty() || !bare.chars().all(char::is_lowercase) {
            break;
        }
        after.push(bare);
        if bare.len() < word.len() {
            break;
        }
    }
    (1..=after.len())
        .rev()
        .map(|n| format!("{} {}", first.as_str(), after[..n].join(" ")))
        .find(|word| crate::text::lexicon::is_listed_word(word))
        .unwrap_or_else(|| first.as_str().to_string())
}

/// Reads named products: "Sản phẩm X (hộp 5kg) của Y – thôn Z" items and "N sản phẩm (X, Y) ... N sao".
pub fn products(roots: &[Node]) -> Vec<Product> {
    let mut out = Vec::new();
    for root in roots {
        let mut path = Vec::new();
        root.walk(&mut path, &mut |nodes| {
            let node = nodes[nodes.len() - 1];
            let mut lead_in: Option<&str> = Some(node.line.as_str());
            for paragraph in &node.paragraphs {
                let item = re!(r"^[-–+•]\s*").replace(paragraph, "");
                // "Nâng hạng sản phẩm Gạo nếp cái hoa vàng của HTX ...": one product, named
                // (a capitalised word that is no acronym: not "sản phẩm OCOP") with its owner.
                if let Some(caps) = re!(r"^(?:Nâng hạng|Nâng cấp|Hoàn thiện|Phát triển|Đánh giá(?:,? phân hạng)?|Công nhận|Duy trì)\s+sản phẩm\s+(\p{Lu}\p{Ll}.*\sc[ủu]a\s.*)$")
                    .captures(&item)
                {
                    out.extend(product_item(&caps[1], &item));
                    continue;
                }
                if item.starts_with("Sản phẩm ") {
                    let context = lead_in.unwrap_or("");
                    for part in
                        re!(r";\s*(?:Sản phẩm\s)").split(item.trim_start_matches("Sản phẩm "))
                    {
                        out.extend(product_item(part, context));
                    }
                    // Items after the first share the owner named last, when theirs is missing.
                    share_owner(&mut out);
                    continue;
                }
                lead_in = Some(paragraph.as_str());
                out.extend(listed_products(paragraph));
            }
            if node.paragraphs.is_empty() || !node.line.is_empty() {
                out.extend(listed_products(&node.line));
            }
        });
    }
    out
}

/// One "X (pack) của Y – address" item (or "..., thôn Z": an address after a comma starts with
/// the kind of place).
fn product_item(part: &str, context: &str) -> Option<Product> {
    let part = part.trim().trim_end_matches(['.', ';', ',']);
    let caps = re!(
        r"^(.+?)(?:\s*\(([^)]*)\))?(?:\s+của\s+(.+?))?(?:\s+[–-]\s+([^,;]+)|,\s*((?:thôn|bản|xóm|ấp|tổ dân phố|khu phố|tổ|khu|xã|phường|thị trấn)\s[^,;]+))?(?:[,;].*)?$"
    )
    .captures(part)?;
    let name = caps[1].trim().to_string();
    if name.is_empty() {
        return None;
    }
    let stars = re!(r"(\d)\s*sao")
        .captures(part)
        .or_else(|| re!(r"(\d)\s*sao").captures(context))
        .and_then(|c| c[1].parse().ok());
    Some(Product {
        name,
        packaging: caps.get(2).map(|m| lower_first(m.as_str().trim())),
        // (Not the stars said after it: "của HTX Phú Lộc từ 3 sao lên 4 sao".)
        owner: caps.get(3).map(|m| {
            re!(r"\s+(?:(?:dự kiến|phấn đấu)\s+)?(?:từ|lên|đạt)\s+(?:hạng\s+)?\d\s*sao.*$")
                .replace(m.as_str().trim(), "")
                .into_owned()
        }),
        address: caps
            .get(4)
            .or(caps.get(5))
            .map(|m| m.as_str().trim().to_string()),
        stars,
        status: status_of(part).or_else(|| status_of(context)),
    })
}

/// Items that named no owner take the owner of the item that follows them in the same line.
fn share_owner(products: &mut [Product]) {
    let mut next_owner: Option<(String, Option<String>)> = None;
    for product in products.iter_mut().rev() {
        match &product.owner {
            Some(owner) => next_owner = Some((owner.clone(), product.address.clone())),
            None => {
                if let Some((owner, address)) = &next_owner {
                    product.owner = Some(owner.clone());
                    product.address = address.clone();
                }
            }
        }
    }
}

/// "hoàn thiện hồ sơ 02 sản phẩm (Diệp thanh trà, Trà xanh) OCOP 3 sao ... nâng hạng": named in parentheses.
fn listed_products(text: &str) -> Vec<Product> {
    let mut out = Vec::new();
    if !text.contains("sản phẩm") {
        return out;
    }
    for caps in re!(r"\d+\s+sản phẩm\s*\(([^)]+)\)([^;(]*)").captures_iter(text) {
        let names = &caps[1];
        let after = &caps[2];
        if names.contains("sao") || names.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let whole = caps.get(0).map_or("", |m| m.as_str());
        let stars = re!(r"(\d)\s*sao")
            .captures(after)
            .and_then(|c| c[1].parse().ok());
        for name in names.split(',') {
            let name = name.trim();
            if !name.is_empty() && name.chars().next().is_some_and(char::is_uppercase) {
                out.push(Product {
                    name: name.to_string(),
                    packaging: None,
                    owner: None,
                    address: None,
                    stars,
                    status: status_of(whole),
                });
            }
        }
    }
    out
}

/// certified / upgrade / planned, from the words around a product.
fn status_of(context: &str) -> Option<String> {
    let lower = context.to_lowercase();
    let status = if re!(r"đã được (?:công nhận|chứng nhận)|được công nhận đạt").is_match(&lower)
    {
        "certified"
    } else if lower.contains("nâng hạng") || lower.contains("nâng sao") {
        "upgrade"
    } else if re!(r"công nhận|chứng nhận|đã đạt|được xếp hạng").is_match(&lower)
    {
        "certified"
    } else if re!(r"phát triển mới|dự kiến|đăng ký|xây dựng mới|tiềm năng").is_match(&lower)
    {
        "planned"
    } else {
        return None;
    };
    Some(status.to_string())
}

/// Reads the budget: the section about kinh phí, its total, lines and sources.
pub fn budget(roots: &[Node]) -> Budget {
    let mut budget = Budget::default();
    let Some(section) = roots
        .iter()
        .find(|n| re!(r"KINH PHÍ|NGUỒN VỐN|DỰ TOÁN").is_match(&upper_title(n)))
        .or_else(|| roots.iter().find_map(budget_heading_within))
    else {
        return budget;
    };
    let unit_in_section = {
        let mut all = String::new();
        let mut path = Vec::new();
        section.walk(&mut path, &mut |nodes| {
            let n = nodes[nodes.len() - 1];
            all.push_str(&n.line);
            all.push('\n');
            all.push_str(&n.paragraphs.join("\n"));
        });
        if all.contains("tỷ đồng") && !all.contains("triệu đồng") {
            1000.0
        } else {
            1.0
        }
    };
    let mut previous_label: Option<String> = None;
    let source_child = section
        .children
        .iter()
        .find(|c| is_heading_like(c) && re!(r"(?i)^nguồn").is_match(&c.title));
    let mut path = Vec::new();
    section.walk(&mut path, &mut |nodes| {
        let node = nodes[nodes.len() - 1];
        let under_sources =
            source_child.is_none_or(|c| nodes.get(1).is_some_and(|n| std::ptr::eq(*n, c)));
        for item in items_of(node, nodes.len() == 1) {
            let text = re!(r"^[-–+•]\s*").replace(&item, "").trim().to_string();
            if text.contains(" | ") {
                // A table row: its label cell and its last amount cell.
                if let Some(line) = table_row_line(&text, unit_in_section) {
                    if re!(r"(?i)^tổng|^cộng").is_match(&line.label) {
                        budget.total_million_vnd = budget.total_million_vnd.or(line.million_vnd);
                    } else {
                        budget.lines.push(line);
                    }
                }
                continue;
            }
            if let Some(caps) = amount().captures(&text) {
                let value = million_vnd(&caps);
                let before = text[..caps.get(0).map_or(0, |m| m.start())].trim();
                // "Tổng kinh phí ...", or the plan's money with no part named: "Kinh phí: 1,5 tỷ
                // đồng", "Kinh phí thực hiện Kế hoạch: ...".
                let whole = re!(r"(?i)^(?:kinh phí|cộng)(?:\s+(?:thực hiện|dự kiến))?(?:\s+kế hoạch)?\s*:?$")
                    .is_match(before);
                if re!(r"(?i)^tổng").is_match(&text) || whole {
                    budget.total_million_vnd = budget.total_million_vnd.or(value);
                    budget.lines.extend(parts_named(&text));
                } else {
                    budget.lines.push(BudgetLine {
                        label: before.trim_end_matches([':', ' ']).to_string(),
                        million_vnd: value,
                    });
                }
                continue;
            }
            // A table cell holding only an amount, after a cell with its label.
            if re!(r"^\d{1,3}(?:\.\d{3})*(?:,\d+)?$").is_match(&text)
                && let Some(label) = previous_label.take()
            {
                let value = parse_number(&text).map(|v| v * unit_in_section);
                if re!(r"(?i)^tổng").is_match(&label) {
                    budget.total_million_vnd = value;
                } else {
                    budget.lines.push(BudgetLine {
                        label,
                        million_vnd: value,
                    });
                }
                continue;
            }
            previous_label = Some(text.clone());
            // (An agency's duty about money, "Sở Tài chính chủ trì ... bố trí kinh phí", names
            // no source unless it says where the money comes from.)
            let duty = starts_with_agency(&text)
                && split_agency(&text).1.is_some()
                && !re!(r"(?i)nguồn|vốn").is_match(&text);
            let is_source = re!(r"(?i)ngân sách|nguồn|vốn|kinh phí|xã hội hóa|huy động")
                .is_match(&text)
                && !text.ends_with(':')
                && !text.starts_with('(')
                && !duty;
            let listed = source_child.is_some() && !text.ends_with(':') && !text.starts_with('(');
            if under_sources && (is_source || listed) {
                // "Nguồn kinh phí thực hiện: từ nguồn Ngân sách phường" names the source after its label.
                let named = re!(r"(?i)^(?:nguồn\s+)?(?:kinh phí|vốn)(?:\s+thực hiện)?\s*:\s*(?:từ\s+)?(?:nguồn\s+)?(.+)$")
                    .captures(&text)
                    .map_or(text.as_str(), |c| c.get(1).map_or("", |m| m.as_str()));
                budget
                    .sources
                    .push(named.trim_end_matches(['.', ';', ',']).to_string());
            }
        }
    });
    budget
}

/// The first heading below a part of the plan that is about money alone: "2. Kinh phí thực hiện"
/// under "III. TỔ CHỨC THỰC HIỆN", "6. Bảo đảm kinh phí", "4.1. Nguồn vốn". (A heading's
/// words only: a duty that mentions money, "a) Thẩm định dự toán kinh phí thực hiện ...", is
/// not one.)
fn budget_heading_within(node: &Node) -> Option<&Node> {
    node.children.iter().find_map(|child| {
        let about_money = re!(
            r"(?i)^(?:(?:bảo đảm|đảm bảo|bố trí|huy động)\s+)?(?:nguồn\s+)?(?:kinh phí|vốn|dự toán(?:\s+kinh phí)?)(?:\s+(?:thực hiện|dự kiến))?(?:\s+(?:kế hoạch|chương trình|đề án))?(?:\s+này)?$"
        )
        .is_match(child.title.trim_end_matches([':', '.', ' ']));
        if about_money && is_heading_like(child) {
            Some(child)
        } else {
            budget_heading_within(child)
        }
    })
}

/// An amount of money and its unit ("1.250,5 triệu đồng", "2,5 tỷ đồng").
fn amount() -> &'static regex::Regex {
    re!(r"(\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d+(?:,\d+)?)\s*(triệu đồng|tỷ đồng|đồng)")
}

/// An [`amount`] in millions of đồng.
fn million_vnd(caps: &regex::Captures) -> Option<f64> {
    let value = parse_number(&caps[1])?;
    Some(match &caps[2] {
        "tỷ đồng" => value * 1000.0,
        "đồng" => value / 1_000_000.0,
        _ => value,
    })
}

/// The parts a total's sentence names after "trong đó", as budget lines: "..., trong đó: ngân
/// sách xã 300 triệu đồng, vốn đối ứng 550 triệu đồng".
fn parts_named(text: &str) -> Vec<BudgetLine> {
    let Some(start) = re!(r"(?i)\btrong đó\s*:?").find(text).map(|m| m.end()) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let mut from = start;
    for part in amount().captures_iter(&text[start..]) {
        let Some(m) = part.get(0) else { continue };
        let label = text[from..start + m.start()]
            .trim_matches(|c: char| c.is_whitespace() || ",;:".contains(c))
            .trim_start_matches("và ");
        from = start + m.end();
        if label.chars().any(char::is_alphabetic) {
            lines.push(BudgetLine {
                label: upper_first(label),
                million_vnd: million_vnd(&part),
            });
        }
    }
    lines
}

/// Reads a budget table row ("1 | Ngân sách tỉnh | 1.000,0"): the first cell with letters, the last amount.
fn table_row_line(row: &str, unit: f64) -> Option<BudgetLine> {
    let cells: Vec<&str> = row.split(" | ").map(str::trim).collect();
    let amount = cells
        .iter()
        .rev()
        .find(|c| re!(r"^\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^\d+(?:,\d+)?$").is_match(c))
        .and_then(|c| parse_number(c))?;
    let label = cells.iter().find(|c| c.chars().any(is_letter))?;
    Some(BudgetLine {
        label: (*label).to_string(),
        million_vnd: Some(amount * unit),
    })
}

/// True when a node is a short heading over its own text ("Nguồn kinh phí thực hiện").
fn is_heading_like(node: &Node) -> bool {
    node.title.chars().count() <= 60
        && node.line.trim_end_matches([':', '.', ';', ' ']) == node.title
        && !(node.paragraphs.is_empty() && node.children.is_empty())
}

/// The items a node contributes: its heading line when it is an item itself, then its paragraphs.
fn items_of(node: &Node, is_root: bool) -> Vec<String> {
    if is_root || is_heading_like(node) {
        return node.paragraphs.clone();
    }
    let mut items = vec![node.line.clone()];
    items.extend(
        node.paragraphs
            .iter()
            .skip(usize::from(node.line_holds_first_paragraph()))
            .cloned(),
    );
    items
}

/// Words that begin the name of an agency, or of a person given work ("Ông. Hoàng Văn Thuân
/// - Trưởng đoàn").
const AGENCY_WORDS: &str = "Sở|Phòng|Ban|Ủy ban|Uỷ ban|UBND|UB|Trung tâm|Văn phòng|Đài|Báo|Công an|Bộ Chỉ huy|Bộ chỉ huy|Bộ Tư lệnh|Hội|Hiệp hội|Liên minh|Công ty|Tổng công ty|Ngân hàng|Các|Cơ quan|Đoàn|Chi cục|Kho bạc|Thanh tra|Hợp tác xã|Doanh nghiệp|Trường|Bệnh viện|Thủ trưởng|Chủ tịch|Công chức|Trưởng|Tổ công tác|Tổ giúp việc|Cục|Ủy ban Mặt trận|Mặt trận|Đảng ủy|Huyện|Xã|Phường|Tỉnh|Thành phố|Cảnh sát|Bảo hiểm|Điện lực|Viễn thông|Bưu điện|Giám đốc|Thuế|Cục Thuế|Viện|Tòa án|Toà án|Liên đoàn|Hải quan|Kiểm toán|Ông|Bà|Đồng chí";

/// Words that start a sentence with an agency's first word but name no agency ("Trường hợp",
/// "Ban hành", "Báo cáo", "Hội nghị").
const NOT_AGENCY: &str = r"^(?:Trường hợp|Ban hành|Báo cáo|Hội nghị|Hội thảo|Hội thi)\b";

/// "Thuế" names the tax office before the place it serves ("Thuế tỉnh", "Thuế cơ sở 3", "Thuế
/// Đồng Nai"), not before a common word ("Thuế thu nhập doanh nghiệp …"): a small letter after
/// it names no office unless it starts one of [`TAX_OFFICE`]'s places.
const TAX_NOT_OFFICE: &str = r"^Thuế\s+\p{Ll}";
/// The places a tax office is named for in small letters.
const TAX_OFFICE: &str = r"^Thuế\s+(?:tỉnh|thành phố|cơ sở|khu vực)\b";

/// Words by which a plan gives work to an agency, asks it or encourages it: "Giao phòng Quản
/// lý ...", "Đề nghị Ủy ban MTTQ xã ...", "Khuyến khích Liên đoàn Lao động tỉnh ...", "Yêu cầu
/// các sở, ban, ngành ...".
const ASKING: &str = "Đề nghị|Khuyến khích|Yêu cầu|Giao";

/// True when a text starts with an agency's name, or with one of the [`ASKING`] words and one
/// (where the name may start with a small letter: "Giao phòng Quản lý Công nghiệp ...").
pub(super) fn starts_with_agency(text: &str) -> bool {
    re!(&format!(
        r"^(?:(?:{ASKING})\s+(?i:{AGENCY_WORDS})|(?:{AGENCY_WORDS}))\b"
    ))
    .is_match(text)
        && !re!(NOT_AGENCY).is_match(text)
        && (!re!(TAX_NOT_OFFICE).is_match(text) || re!(TAX_OFFICE).is_match(text))
}

/// Reads who does what from the sections about tổ chức thực hiện, phân công or trách nhiệm.
pub fn assignments(roots: &[Node]) -> Vec<Assignment> {
    let mut out = Vec::new();
    for section in roots
        .iter()
        .filter(|n| re!(r"TỔ CHỨC THỰC HIỆN|PHÂN CÔNG|TRÁCH NHIỆM").is_match(&upper_title(n)))
    {
        collect_agencies(section, &mut out);
    }
    out
}

fn collect_agencies(node: &Node, out: &mut Vec<Assignment>) {
    for paragraph in &node.paragraphs {
        // "- Sở Tài chính: chủ trì ..." or "Các sở, ngành căn cứ ..." inside the text.
        let item = re!(r"^[-–+•]\s*").replace(paragraph, "");
        let by_colon = item.find(':').and_then(|at| {
            let agency = item[..at].trim();
            (agency.chars().count() <= 120 && starts_with_agency(agency))
                .then(|| (agency.to_string(), item[at + 1..].trim().to_string()))
        });
        let found = by_colon.or_else(|| agency_and_duty(&item));
        if let Some((agency, duty)) = found {
            out.push(Assignment {
                agency: agency_name(&agency),
                duties: vec![duty],
            });
        }
    }
    for child in &node.children {
        // A heading names the agency ("b) Công an tỉnh"), or is a sentence that starts with
        // it ("1. Sở Nội vụ chịu trách nhiệm ..."), perhaps after its grounds.
        // "6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh": the heading's title
        // stops at the colon, and the agencies asked come after it.
        let asked = re!(&format!(r"^(?:{ASKING})\s*:\s*(\S.*)$"))
            .captures(&child.line)
            .map(|c| format!("Đề nghị {}", &c[1]));
        // The agencies are then no duty, though they stand where the heading's text does.
        let skip = usize::from(asked.is_some() && child.line_holds_first_paragraph());
        let title = asked.map_or_else(|| without_grounds(&child.title), Cow::Owned);
        if !starts_with_agency(&title) {
            collect_agencies(child, out);
            continue;
        }
        let mut items: Vec<String> = child
            .paragraphs
            .iter()
            .skip(skip)
            .map(|p| re!(r"^[-–+•]\s*").replace(p, "").trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        items.extend(child.children.iter().map(|grandchild| {
            let mut item = grandchild.line.clone();
            for p in &grandchild.paragraphs {
                item.push(' ');
                item.push_str(p);
            }
            item
        }));
        let (agency, first_duty) = match split_agency(&title) {
            // "2. Các Sở, ngành chủ trì, quản lý, tham gia thực hiện các dự án" over the
            // duties of those bodies: a heading with no stop that names a class of bodies by
            // what they do, its duties under it.
            (_, Some(_)) if names_a_class(child, &title, &items) => (title.into_owned(), None),
            (agency, Some(duty)) => (agency, Some(duty)),
            (title, None) if title.chars().count() <= 200 => (title, None),
            _ => {
                collect_agencies(child, out);
                continue;
            }
        };
        let agency = agency_name(&agency);
        // An item that opens with another body and what it does is that body's work ("10. Các
        // sở, ban, ngành nghiên cứu ...", then "- Công an tỉnh tham mưu ..."); the others are
        // duties of the heading's body.
        let mut duties: Vec<String> = first_duty.into_iter().collect();
        let mut others = Vec::new();
        for item in items {
            match other_agency(&item, &agency) {
                Some(assignment) => others.push(assignment),
                None => duties.push(item),
            }
        }
        if !duties.is_empty() {
            out.push(Assignment { agency, duties });
        }
        out.extend(others);
    }
}

/// True when a heading with no stop names a class of bodies ("Các ...") by what they do, and
/// every item under it is a duty rather than another body's work.
fn names_a_class(node: &Node, title: &str, items: &[String]) -> bool {
    re!(r"^(?i:các)\s").is_match(title)
        && !node.line.trim_end().ends_with(['.', ':', ';'])
        && !items.is_empty()
        && items.iter().all(|item| !starts_with_agency(item))
}

/// The assignment an item makes when it opens with a named body other than `agency` and says
/// what that body does ("Công an tỉnh tham mưu triển khai ..."). A class of bodies ("Các doanh
/// nghiệp ...", "Cơ quan thường trực ...") or a body's head ("Chủ tịch Ủy ban nhân dân các xã")
/// under a heading is the heading's own body at work, not another one.
fn other_agency(item: &str, agency: &str) -> Option<Assignment> {
    let class_or_head = re!(
        r"^(?i:các|những|cơ quan|đơn vị|doanh nghiệp|hợp tác xã|chủ tịch|giám đốc|thủ trưởng|trưởng|phó|công chức|cán bộ|tổ)\s"
    );
    if class_or_head.is_match(item) {
        return None;
    }
    let (name, duty) = agency_and_duty(item)?;
    let name = agency_name(&name);
    (compared(&name) != compared(agency)).then_some(Assignment {
        agency: name,
        duties: vec![duty],
    })
}

/// A sentence's agency and duty, when it starts with an agency and goes on with what it does:
/// "Sở Nội vụ chủ trì ..." → ("Sở Nội vụ", "chủ trì ...").
fn agency_and_duty(text: &str) -> Option<(String, String)> {
    if !starts_with_agency(text) {
        return None;
    }
    let (agency, duty) = split_agency(text);
    Some((agency, duty?))
}

/// Adds assignments read elsewhere (a task table) to those of the text: an agency already
/// there (the same name, whatever its case, spacing or "UBND" for "Ủy ban nhân dân") gets the
/// duties it lacks, at its first entry; another agency gets an entry of its own, at the end.
pub fn merge_assignments(into: &mut Vec<Assignment>, more: Vec<Assignment>) {
    use std::collections::{HashMap, HashSet};
    let mut entries: HashMap<String, usize> = HashMap::new();
    for (at, assignment) in into.iter().enumerate() {
        entries.entry(compared(&assignment.agency)).or_insert(at);
    }
    // The duties each entry has, filled when a merge first reaches it.
    let mut duties: HashMap<usize, HashSet<String>> = HashMap::new();
    for assignment in more {
        let at = *entries
            .entry(compared(&assignment.agency))
            .or_insert_with(|| {
                into.push(Assignment {
                    agency: assignment.agency.clone(),
                    duties: Vec::new(),
                });
                into.len() - 1
            });
        let entry = &mut into[at];
        let has = duties
            .entry(at)
            .or_insert_with(|| entry.duties.iter().map(|d| compared(d)).collect());
        for duty in assignment.duties {
            if has.insert(compared(&duty)) {
                entry.duties.push(duty);
            }
        }
    }
}

/// Adds steps read elsewhere (a task table) after those of the text, each task and time once;
/// returns how many were added.
pub fn merge_schedule(into: &mut Vec<ScheduleStep>, more: Vec<ScheduleStep>) -> usize {
    let mut seen: std::collections::HashSet<(String, String)> = into
        .iter()
        .map(|s| (s.task.clone(), s.when.clone()))
        .collect();
    let before = into.len();
    for step in more {
        if seen.insert((step.task.clone(), step.when.clone())) {
            into.push(step);
        }
    }
    into.len() - before
}

/// Abbreviations in agency names, written out (lower case) for comparing names.
const AGENCY_ABBREVIATIONS: &[(&str, &str)] = &[
    ("ubnd", "ủy ban nhân dân"),
    ("hđnd", "hội đồng nhân dân"),
    ("mttq", "mặt trận tổ quốc"),
    ("kh&cn", "khoa học và công nghệ"),
    ("khcn", "khoa học và công nghệ"),
    ("gd&đt", "giáo dục và đào tạo"),
    ("gdđt", "giáo dục và đào tạo"),
    ("nn&mt", "nông nghiệp và môi trường"),
    ("nn&ptnt", "nông nghiệp và phát triển nông thôn"),
    ("tn&mt", "tài nguyên và môi trường"),
    ("tt&tt", "thông tin và truyền thông"),
    ("vh,tt&dl", "văn hóa, thể thao và du lịch"),
    ("vhtt&dl", "văn hóa, thể thao và du lịch"),
    ("lđ-tb&xh", "lao động - thương binh và xã hội"),
    ("lđtb&xh", "lao động - thương binh và xã hội"),
];

/// An agency's name or a duty as compared: lower case, abbreviations written out ("UBND",
/// "KH&CN"), only its words (no punctuation: "Ngân hàng Nhà nước - Chi nhánh" is "Ngân hàng
/// Nhà nước Chi nhánh", a duty is the same with or without its full stop), single spaces.
fn compared(name: &str) -> String {
    let lower = name.to_lowercase().replace("uỷ", "ủy");
    let mut words = String::new();
    for token in lower.split_whitespace() {
        let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
        let token = AGENCY_ABBREVIATIONS
            .iter()
            .find(|(short, _)| *short == bare)
            .map_or(token, |(_, long)| long);
        words.push_str(token);
        words.push(' ');
    }
    words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A sentence from its subject on, when it opens with its grounds and the subject is an
/// agency: "Căn cứ Kế hoạch này, các sở, ngành xây dựng ..." → "Các sở, ngành xây dựng ...".
pub(super) fn without_grounds(text: &str) -> Cow<'_, str> {
    re!(r"^(?:Căn cứ|Trên cơ sở)[^,;:]*,\s+(\S.*)$")
        .captures(text)
        .map(|c| upper_first(&c[1]))
        .filter(|rest| starts_with_agency(rest))
        .map_or(Cow::Borrowed(text), Cow::Owned)
}

/// "Sở Nội vụ chịu trách nhiệm theo dõi ..." → ("Sở Nội vụ", Some("chịu trách nhiệm theo dõi ...")).
fn split_agency(text: &str) -> (String, Option<String>) {
    let verbs = re!(
        r"\s(?:là|chịu trách nhiệm|có trách nhiệm|nghiên cứu|chủ trì|chủ động|phối hợp|tham mưu|thực hiện|triển khai|tổ chức|hướng dẫn|căn cứ|theo dõi|xây dựng|chỉ đạo|bố trí|rà soát|khẩn trương|tăng cường|quán triệt|nghiêm túc|kịp thời|đẩy mạnh|tiên phong|dẫn dắt|phát huy|bảo đảm|đảm bảo|mở rộng|mở thêm|đề xuất|hỗ trợ|đôn đốc|cung cấp|ưu tiên|tập trung|thường xuyên|tích cực)\b"
    );
    // "các tổ chức chính trị - xã hội" names an agency: a verb after "các", "và" is not one,
    // nor one after "giao" ("các cơ quan được giao chủ trì"), nor a domain after "lĩnh vực"
    // ("doanh nghiệp trong lĩnh vực xây dựng"). "Tổ chức" beside "cơ quan" or "cá nhân", or
    // before "có liên quan", is the noun ("các cơ quan, tổ chức có liên quan").
    // Nor the work a body was given, when its name says it: "Cơ quan, đơn vị được giao nhiệm
    // vụ theo dõi, kiểm tra, đôn đốc tại Phụ lục ... thường xuyên kiểm tra ..." (the verbs
    // listed right after "được giao nhiệm vụ").
    let noun_before = re!(
        r"(?:\bcác|\bnhững|\bvà|\bgiao|\bgiao nhiệm vụ(?:\s+\p{L}+(?:\s\p{L}+)?,)*|\blĩnh vực|\bcơ quan,)$"
    );
    let organisations = re!(r"^\s*(?:có liên quan|liên quan|,\s*cá nhân|và cá nhân)");
    let verb = verbs.find_iter(text).find(|m| {
        let noun = noun_before.is_match(text[..m.start()].trim_end())
            || (m.as_str().trim() == "tổ chức" && organisations.is_match(&text[m.end()..]));
        !noun
    });
    match verb {
        Some(m) if text[..m.start()].split_whitespace().count() >= 2 => (
            text[..m.start()].trim().trim_end_matches(',').to_string(),
            Some(text[m.start()..].trim().to_string()),
        ),
        _ => (text.to_string(), None),
    }
}

/// "Đề nghị Ủy ban MTTQ xã" → "Ủy ban MTTQ xã"; "Giao phòng Quản lý" → "Phòng Quản lý".
pub(super) fn agency_name(title: &str) -> String {
    let title = title.trim();
    let name = re!(&format!(r"^(?:{ASKING})\s+"))
        .find(title)
        .map_or(title, |asking| &title[asking.end()..])
        .trim_end_matches([':', '.', ';']);
    upper_first(name)
}

/// Reads dated steps: "Thời gian (thực hiện|hoàn thành): ..." under a heading, or "Thời hạn:
/// ...", "Tiến độ thực hiện: ...".
pub fn schedule(roots: &[Node]) -> Vec<ScheduleStep> {
    let mut out = Vec::new();
    let time = re!(&format!(
        r"(?i)^(?:[-–+•]\s*)?(thời gian|thời hạn|tiến độ)(?:\s+(?:{TASK_WORK}))?\s*:\s*(.+)$"
    ));
    for root in roots {
        let mut parents: Vec<&Node> = Vec::new();
        walk_with_parents(root, &mut parents, &mut |node, parents| {
            // Under a heading "Thời gian ..." the step is what the heading names ("Thời gian
            // kiểm tra": the inspection), or else the parent's task.
            let about_time = re!(r"(?i)^thời gian").is_match(&node.title);
            let task = match parents.last() {
                Some(parent) if about_time => {
                    timed_activity(&node.title).unwrap_or_else(|| parent.title.clone())
                }
                _ => node.title.clone(),
            };
            let mut found = false;
            for paragraph in &node.paragraphs {
                if let Some(caps) = time.captures(paragraph)
                    && is_a_time(&caps[1], &caps[2])
                {
                    found = true;
                    out.push(ScheduleStep {
                        task: task.clone(),
                        when: first_clause(&caps[2]),
                    });
                } else {
                    let dated = deadlines(paragraph);
                    found |= about_time && !dated.is_empty();
                    out.extend(dated);
                }
            }
            // (A sentence that gave its own dated steps is not the heading's time as well.)
            if about_time
                && !found
                && !parents.is_empty()
                && let Some(first) = node.paragraphs.first()
            {
                out.push(ScheduleStep {
                    task,
                    when: first_clause(first),
                });
            }
        });
    }
    // A step the plan states twice (as an aim and as a task) is one step.
    let mut seen = std::collections::HashSet::new();
    out.retain(|step| seen.insert((step.task.clone(), step.when.clone())));
    out
}

/// What "Thời gian" is the time of when it dates the task it stands under: "Thời gian thực
/// hiện", "Thời gian hoàn thành".
const TASK_WORK: &str = "thực hiện|hoàn thành|tổ chức|triển khai";

/// The activity a heading "Thời gian ..." names, when it names one: "Thời gian kiểm tra" →
/// "Kiểm tra", "Thời gian gửi hồ sơ khen thưởng" → "Gửi hồ sơ khen thưởng"; `None` for the
/// time of the parent's task ("Thời gian thực hiện", "Thời gian") and for headings that name
/// more than a time ("Thời gian, địa điểm", "Thời gian và tiến độ thực hiện").
fn timed_activity(title: &str) -> Option<String> {
    let activity = re!(r"(?i)^thời gian\s+(.+)$")
        .captures(title.trim_end_matches([':', '.', ' ']))?
        .get(1)?
        .as_str();
    let generic = re!(&format!(r"(?i)^(?:{TASK_WORK})(?:\s+kế hoạch)?$"));
    (!generic.is_match(activity) && !re!(r"(?i),|\bvà\b").is_match(activity))
        .then(|| upper_first(activity))
}

/// True when the value after "Thời hạn:" or "Tiến độ:" (`word`) names a time (a number, a
/// date, a month, a quarter, "thường xuyên", "hằng năm"), as such a line in a plan does; the
/// words also name other terms ("Thời hạn: ngắn hạn, trung hạn, dài hạn" of a loan). A value
/// after "Thời gian:" is a time whatever it says.
fn is_a_time(word: &str, value: &str) -> bool {
    word.to_lowercase() == "thời gian"
        || re!(r"(?i)\d|\b(?:ngày|tuần|tháng|quý|năm|thường xuyên|hằng|hàng)\b").is_match(value)
}

/// Deadlines stated in a sentence: "Tổng hợp, báo cáo kết quả trước ngày 15/12/2025" is the
/// step "Tổng hợp, báo cáo kết quả", due "Trước ngày 15/12/2025" (also "trước ngày 18 hằng
/// tháng", and a quarter or a month of a year: "trong quý II năm 2026", "trong tháng 6/2026",
/// with the "xong" that may come before it: "... xong trong quý II năm 2026"); the task is
/// the clause before the deadline (after a ";"), without a leading "thời gian", and has three
/// words at least. A deadline in parentheses qualifies another phrase and is not read.
fn deadlines(text: &str) -> Vec<ScheduleStep> {
    let deadline = re!(
        r"(?i)\s((?:xong\s+)?(?:trước ngày\s+\d{1,2}(?:/\d{1,2}(?:/\d{4})?)?(?:\s+(?:hằng|hàng)\s+(?:năm|tháng|quý))?|trong\s+quý\s+[IV]{1,3}(?:\s*[-–,]\s*[IV]{1,3})*(?:\s+năm\s+\d{4}|/\d{4})|trong\s+tháng\s+\d{1,2}(?:/\d{4}|\s+năm\s+\d{4})))"
    );
    let mut out = Vec::new();
    let mut from = 0;
    for caps in deadline.captures_iter(text) {
        let (Some(whole), Some(when)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let before = &text[from..whole.start()];
        from = whole.end();
        let clause = before.rsplit([';', '.']).next().unwrap_or(before);
        let task = re!(r"(?i)^[-–+•\s]*(?:thời gian\s+)?")
            .replace(clause, "")
            .trim_matches(|c: char| c.is_whitespace() || c == '*' || c == ',')
            .to_string();
        // ("định kỳ trước ngày ..." names its task after the deadline: not read.)
        let words = task.split_whitespace().count();
        if words < 3 || task.ends_with('(') || task.chars().count() > 200 {
            continue;
        }
        out.push(ScheduleStep {
            task: upper_first(&task),
            when: upper_first(when.as_str()),
        });
    }
    out
}

fn walk_with_parents<'a>(
    node: &'a Node,
    parents: &mut Vec<&'a Node>,
    visit: &mut dyn FnMut(&'a Node, &[&'a Node]),
) {
    visit(node, parents);
    parents.push(node);
    for child in &node.children {
        walk_with_parents(child, parents, visit);
    }
    parents.pop();
}

/// "Trong quý II năm 2026; giai đoạn ..." → "Trong quý II năm 2026".
fn first_clause(text: &str) -> String {
    text.split(';')
        .next()
        .unwrap_or(text)
        .trim()
        .trim_end_matches(['.', ','])
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_heading_names_its_activity_unless_it_is_the_parents() {
        assert_eq!(
            timed_activity("Thời gian kiểm tra").as_deref(),
            Some("Kiểm tra")
        );
        assert_eq!(
            timed_activity("Thời gian gửi hồ sơ khen thưởng:").as_deref(),
            Some("Gửi hồ sơ khen thưởng")
        );
        for parents in [
            "Thời gian thực hiện",
            "Thời gian",
            "Thời gian hoàn thành",
            "Thời gian, địa điểm",
            "Thời gian và tiến độ thực hiện",
        ] {
            assert_eq!(timed_activity(parents), None, "{parents}");
        }
    }

    /// The heading tree of a plan's body lines.
    fn tree(text: &str) -> Vec<Node> {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        super::super::sections::build_tree(&lines).1
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("61.000,0"), Some(61000.0));
        assert_eq!(parse_number("04"), Some(4.0));
        assert_eq!(parse_number("1.200"), Some(1200.0));
        assert_eq!(parse_number("9.620,5"), Some(9620.5));
    }

    /// Asserts the quantity, unit and at-least of each target found in a plan's text (of 2026).
    fn assert_quantities(text: &str, expected: &[(f64, &str, bool)]) {
        let found: Vec<(f64, String, bool)> = targets(&tree(text), Some(2026), None)
            .into_iter()
            .map(|t| {
                (
                    t.quantity.unwrap_or(-1.0),
                    t.unit.unwrap_or_default(),
                    t.at_least,
                )
            })
            .collect();
        let expected: Vec<(f64, String, bool)> = expected
            .iter()
            .map(|&(q, u, a)| (q, u.to_string(), a))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn a_range_before_a_counted_noun_is_at_least_its_first_number() {
        assert_quantities(
            "I. MỤC TIÊU\n- Bố trí tại mỗi phòng 3 - 5 máy tính.\n- Giai đoạn 2026 - 2030 có \
             12 xã đạt chuẩn.",
            &[(3.0, "máy tính", true), (12.0, "xã", false)],
        );
    }

    #[test]
    fn a_breakdown_or_a_second_thing_is_due_when_the_first_is() {
        let years: Vec<(f64, Option<i32>)> = targets(
            &tree(
                "I. MỤC TIÊU\n- Đến năm 2030, có 20 sản phẩm OCOP được công nhận, trong đó 5 sản \
                 phẩm đạt 4 sao.\n- Phấn đấu có thêm 05 sản phẩm đạt 3 sao; riêng xã A có 02 \
                 sản phẩm.\n- Đến năm 2028, thành lập mới 03 hợp tác xã và 10 tổ hợp tác theo \
                 mục 16 và 17.",
            ),
            Some(2026),
            None,
        )
        .into_iter()
        .map(|t| (t.quantity.unwrap_or(-1.0), t.year))
        .collect();
        assert_eq!(
            years,
            [
                (20.0, Some(2030)),
                (5.0, Some(2030)),
                (5.0, Some(2026)),
                (2.0, Some(2026)),
                (3.0, Some(2028)),
                (10.0, Some(2028))
            ]
        );
    }

    #[test]
    fn a_target_counts_what_plans_count_and_not_the_breakdown_after_it() {
        // A range is at least its first number; a number before any noun counts it; a number
        // after the name of a document is none.
        assert_quantities(
            "II. MỤC TIÊU\n\
             - Phấn đấu bổ sung 1.250,5 MW công suất điện (gồm 40 dự án thủy điện\n\
             - Thu ngân sách trên địa bàn đạt ít nhất 3.400 tỷ đồng.\n\
             - Giải quyết việc làm cho 12.000 lao động mỗi năm.\n\
             - Nâng tổng công suất lên 900 MW (gồm 12 dự án thủy điện; 03 dự án điện gió).\n\
             - Giá trị sản xuất tăng bình quân 9,5%/năm.\n\
             - Tỷ lệ lấp đầy các cụm công nghiệp đạt 60-70%.\n\
             - Mỗi năm đấu giá từ 03 mỏ đá trở lên.\n\
             - Hoàn thành các nhiệm vụ của Chỉ thị 11 của Tỉnh ủy.",
            &[
                (1250.5, "MW", false),
                (3400.0, "tỷ đồng", true),
                (12000.0, "lao động", false),
                (900.0, "MW", false),
                (9.5, "%", false),
                (60.0, "%", true),
                (3.0, "mỏ", true),
            ],
        );
        // A counted noun of two or three syllables is one unit when the word list has it.
        assert_quantities(
            "II. MỤC TIÊU\n\
             - Bố trí ít nhất 2 kỹ sư tin học.\n\
             - Đào tạo 30 học viên.\n\
             - Phát triển 01 sàn giao dịch dữ liệu.",
            &[
                (2.0, "kỹ sư", true),
                (30.0, "học viên", false),
                (1.0, "sàn", false),
            ],
        );
    }

    #[test]
    fn a_multiple_is_a_quantity_and_at_least_qualifies_the_number_it_stands_by() {
        // "02 lần" counts occasions, not a target of its own; a sentence may start with its
        // quantity ("... đúng hạn. 100% hồ sơ ...").
        assert_quantities(
            "II. MỤC TIÊU\n\
             - Tổng giá trị giao dịch không dùng tiền mặt gấp 30 lần GRDP.\n\
             - Tổ chức 02 lần tập huấn trong năm.\n\
             - Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản ngân hàng đạt 95%.\n\
             - Tỷ lệ người dân trên 15 tuổi có chữ ký số đạt 60%.\n\
             - Tỷ lệ doanh nghiệp dùng hóa đơn điện tử đạt trên 70%.\n\
             - Tuyên truyền tại 100% nhà trường và trên 70% người lao động.\n\
             - Tối thiểu 98% hồ sơ được giải quyết đúng hạn. 100% hồ sơ trễ hẹn được xin lỗi.",
            &[
                (30.0, "lần", false),
                (95.0, "%", false),
                (60.0, "%", false),
                (70.0, "%", true),
                (100.0, "%", false),
                (98.0, "%", true),
                (100.0, "%", false),
            ],
        );
    }

    #[test]
    fn agencies_from_headings_and_from_sentences() {
        let found = assignments(&tree(
            "III. NỘI DUNG VÀ PHÂN CÔNG NHIỆM VỤ\n1. Tuyên truyền\n\
             a) Công an tỉnh\n- Tổ chức tuyên truyền.\nIV. TỔ CHỨC THỰC HIỆN\n\
             1. Giao phòng Quản lý công nghiệp tổ chức huấn luyện cho các đối tượng.\n\
             2. Sở Nội vụ là cơ quan thường trực, theo dõi việc thực hiện Kế hoạch.\n\
             3. Báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 15/12.",
        ));
        let agencies: Vec<&str> = found.iter().map(|a| a.agency.as_str()).collect();
        assert_eq!(
            agencies,
            ["Công an tỉnh", "Phòng Quản lý công nghiệp", "Sở Nội vụ"]
        );
        assert_eq!(
            found[2].duties[0],
            "là cơ quan thường trực, theo dõi việc thực hiện Kế hoạch"
        );
        // Agencies asked after a colon: the heading's title is "Đề nghị" alone.
        let asked = assignments(&tree(
            "IV. TỔ CHỨC THỰC HIỆN\n6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Công ty Điện lực\n\
             a) Tuyên truyền, vận động hội viên.\nb) Phối hợp đánh giá hiện trạng.",
        ));
        assert_eq!(asked.len(), 1);
        assert_eq!(
            asked[0].agency,
            "Hiệp hội Doanh nghiệp tỉnh, Công ty Điện lực"
        );
        assert_eq!(asked[0].duties.len(), 2);
    }

    #[test]
    fn bodies_encouraged_named_by_their_work_or_by_their_class_and_items_of_other_bodies() {
        let found = assignments(&tree(
            "IV. TỔ CHỨC THỰC HIỆN\n\
             1. Khuyến khích Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh xây dựng kế hoạch hành động.\n\
             2. Các Sở, ngành chủ trì, quản lý, tham gia thực hiện các dự án thuộc Chương trình\n\
             - Phê duyệt kế hoạch giám sát.\n- Báo cáo kết quả thực hiện.\n\
             3. Các sở, ban, ngành nghiên cứu, ban hành các quy định thuộc Chương trình\n\
             - Công an tỉnh tham mưu triển khai Dự án 1.\n\
             - Đề nghị Bộ Tư lệnh Vùng Cảnh sát biển 3 tham mưu triển khai Tiểu dự án 2.\n\
             - Các doanh nghiệp viễn thông ưu tiên bố trí nguồn lực.\n\
             4. Ủy ban nhân dân các xã\n- Xây dựng kế hoạch.\n\
             - Chủ tịch Ủy ban nhân dân các xã chịu trách nhiệm trước pháp luật.\n\
             5. Cơ quan, đơn vị được giao nhiệm vụ theo dõi, kiểm tra, đôn đốc tại Phụ lục \
             thường xuyên kiểm tra, hướng dẫn các đơn vị.",
        ));
        let agencies: Vec<(&str, usize)> = found
            .iter()
            .map(|a| (a.agency.as_str(), a.duties.len()))
            .collect();
        assert_eq!(
            agencies,
            [
                ("Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh", 1),
                (
                    "Các Sở, ngành chủ trì, quản lý, tham gia thực hiện các dự án thuộc Chương trình",
                    2
                ),
                // The class of bodies under it is the heading's own at work.
                ("Các sở, ban, ngành", 2),
                ("Công an tỉnh", 1),
                ("Bộ Tư lệnh Vùng Cảnh sát biển 3", 1),
                // A body's head is the body.
                ("Ủy ban nhân dân các xã", 2),
                (
                    "Cơ quan, đơn vị được giao nhiệm vụ theo dõi, kiểm tra, đôn đốc tại Phụ lục",
                    1
                ),
            ]
        );
        assert_eq!(found[3].duties[0], "tham mưu triển khai Dự án 1.");
        assert_eq!(
            found[6].duties[0],
            "thường xuyên kiểm tra, hướng dẫn các đơn vị"
        );
    }

    #[test]
    fn an_agency_named_with_a_domain_or_with_organisations_is_not_cut_at_them() {
        let (agency, duty) = split_agency(
            "Các sở, ngành, UBND các xã và các cơ quan, tổ chức có liên quan căn cứ Kế hoạch \
             này xây dựng kế hoạch của đơn vị",
        );
        assert_eq!(
            agency,
            "Các sở, ngành, UBND các xã và các cơ quan, tổ chức có liên quan"
        );
        assert_eq!(
            duty.as_deref(),
            Some("căn cứ Kế hoạch này xây dựng kế hoạch của đơn vị")
        );
        // "lĩnh vực xây dựng" names a domain: a heading that is a name only has no duty in it.
        let (agency, duty) =
            split_agency("Các doanh nghiệp hoạt động trong lĩnh vực xây dựng, giao thông");
        assert_eq!(
            agency,
            "Các doanh nghiệp hoạt động trong lĩnh vực xây dựng, giao thông"
        );
        assert_eq!(duty, None);
        // The verb after a list of agencies is still the verb.
        let (agency, _) = split_agency("Các sở, ngành tổ chức tuyên truyền Kế hoạch");
        assert_eq!(agency, "Các sở, ngành");
        let (agency, duty) =
            split_agency("Các hợp tác xã, doanh nghiệp tiên phong, dẫn dắt việc liên kết");
        assert_eq!(agency, "Các hợp tác xã, doanh nghiệp");
        assert_eq!(duty.as_deref(), Some("tiên phong, dẫn dắt việc liên kết"));
    }

    #[test]
    fn the_word_for_tax_names_an_office_only_before_its_place() {
        for office in [
            "Thuế tỉnh chủ trì",
            "Thuế thành phố Hà Nội phối hợp",
            "Thuế cơ sở 3 hướng dẫn",
            "Thuế Đồng Nai: triển khai",
            "Cục Thuế tỉnh",
        ] {
            assert!(starts_with_agency(office), "{office}");
        }
        for duty in [
            "Thuế thu nhập doanh nghiệp được miễn",
            "Thuế chuyên gia tư vấn, tổ chức thực hiện",
        ] {
            assert!(!starts_with_agency(duty), "{duty}");
        }
    }

    #[test]
    fn merged_assignments_join_the_same_agency() {
        let entry = |agency: &str, duties: &[&str]| Assignment {
            agency: agency.to_string(),
            duties: duties.iter().map(|d| d.to_string()).collect(),
        };
        let mut into = vec![
            entry("Ủy ban nhân dân các xã, phường", &["Tuyên truyền"]),
            entry("Sở Nội vụ", &["Theo dõi"]),
            entry("Sở Khoa học và Công nghệ", &[]),
        ];
        merge_assignments(
            &mut into,
            vec![
                entry("UBND các  xã, phường", &["Rà soát", "Tuyên truyền"]),
                entry("Sở Y tế", &["Khám"]),
                entry("Sở Y tế", &["Khám", "Báo cáo"]),
                entry("sở Nội vụ.", &["Tổng hợp", "Theo dõi."]),
                entry("Sở KH&CN", &["Chuyển đổi số"]),
            ],
        );
        let read: Vec<(&str, Vec<&str>)> = into
            .iter()
            .map(|a| {
                (
                    a.agency.as_str(),
                    a.duties.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (
                    "Ủy ban nhân dân các xã, phường",
                    vec!["Tuyên truyền", "Rà soát"]
                ),
                ("Sở Nội vụ", vec!["Theo dõi", "Tổng hợp"]),
                ("Sở Khoa học và Công nghệ", vec!["Chuyển đổi số"]),
                ("Sở Y tế", vec!["Khám", "Báo cáo"]),
            ]
        );
    }

    #[test]
    fn targets_once_each_with_their_own_years() {
        let roots = tree(
            "II. CHỈ TIÊU\n\
             a) Đến hết năm 2025: Có ≥ 30% doanh nghiệp ứng dụng công nghệ số.\n\
             - Phấn đấu đến năm 2030 đạt ít nhất 50% số xã không có ma túy, riêng năm 2025 \
             phấn đấu xây dựng được 20% xã không có ma túy.",
        );
        let found = targets(&roots, Some(2026), None);
        let quantities: Vec<f64> = found.iter().filter_map(|t| t.quantity).collect();
        assert_eq!(quantities, [30.0, 50.0, 20.0]);
        let years: Vec<Option<i32>> = found.iter().map(|t| t.year).collect();
        assert_eq!(years, [Some(2025), Some(2030), Some(2025)]);
        let at_least: Vec<bool> = found.iter().map(|t| t.at_least).collect();
        assert_eq!(at_least, [true, true, false]);
    }

    #[test]
    fn deadlines_in_sentences() {
        let read = |text: &str| -> Vec<(String, String)> {
            deadlines(text)
                .into_iter()
                .map(|s| (s.task, s.when))
                .collect()
        };
        assert_eq!(
            read("- Chủ trì tham mưu; tổng hợp, báo cáo kết quả trước ngày 15/12/2025."),
            [(
                "Tổng hợp, báo cáo kết quả".to_string(),
                "Trước ngày 15/12/2025".to_string()
            )]
        );
        assert_eq!(
            read("Tham mưu tổ chức thực hiện; thời gian hoàn thành hồ sơ trước ngày 30/6/2026.")[0]
                .0,
            "Hoàn thành hồ sơ"
        );
        assert_eq!(
            read("Các phòng báo cáo kết quả trước ngày 18 hằng tháng.")[0].1,
            "Trước ngày 18 hằng tháng"
        );
        // In parentheses, or with no task before it: no step.
        assert!(read("Các Sở báo cáo định kỳ hàng năm (trước ngày 10/12) về tỉnh.").is_empty());
        assert!(read("Định kỳ trước ngày 01/6 báo cáo kết quả.").is_empty());
        // A quarter or a month of a year, with the "xong" before it.
        assert_eq!(
            read("Tổ chức quán triệt Nghị quyết trong quý II năm 2026."),
            [(
                "Tổ chức quán triệt Nghị quyết".to_string(),
                "Trong quý II năm 2026".to_string()
            )]
        );
        assert_eq!(
            read("- Xử lý dứt điểm các điểm khai thác trái phép xong trong tháng 6/2026;")[0],
            (
                "Xử lý dứt điểm các điểm khai thác trái phép".to_string(),
                "Xong trong tháng 6/2026".to_string()
            )
        );
        // A year alone is no deadline ("trong năm 2026" qualifies most aims of a plan).
        assert!(read("Phấn đấu trong năm 2026 có thêm 02 sản phẩm OCOP.").is_empty());
        // A step stated twice is one step.
        let twice = schedule(&tree(
            "II. NHIỆM VỤ\na) Mục tiêu\n- Đưa Trung tâm IOC vào hoạt động trong quý I năm 2026.\n\
             b) Nhiệm vụ\n- Đưa Trung tâm IOC vào hoạt động trong quý I năm 2026.",
        ));
        assert_eq!(twice.len(), 1);
    }

    #[test]
    fn a_term_or_progress_line_dates_its_heading_s_task_when_it_names_a_time() {
        let steps: Vec<(String, String)> = schedule(&tree(
            "II. NHIỆM VỤ\n1. Rà soát danh mục sản phẩm\n- Thời hạn hoàn thành: trước ngày 30/6/2026.\n\
             2. Tổ chức hội chợ OCOP\n- Tiến độ thực hiện: quý III năm 2026.\n\
             3. Hỗ trợ vốn vay\n- Thời hạn: ngắn hạn, trung hạn, dài hạn.",
        ))
        .into_iter()
        .map(|s| (s.task, s.when))
        .collect();
        assert_eq!(
            steps,
            [
                (
                    "Rà soát danh mục sản phẩm".to_string(),
                    "trước ngày 30/6/2026".to_string()
                ),
                (
                    "Tổ chức hội chợ OCOP".to_string(),
                    "quý III năm 2026".to_string()
                ),
            ]
        );
    }

    #[test]
    fn target_sentence() {
        let t = target_from(
            "Phần đầu có ít nhất 04 sản phẩm được Thành phố đánh giá, phân hạng sản phẩm OCOP từ 03 sao trở lên",
            "I.1",
            Some(2026),
            None,
        )
        .unwrap();
        assert_eq!(t.quantity, Some(4.0));
        assert_eq!(t.unit.as_deref(), Some("sản phẩm"));
        assert_eq!(t.stars, Some(3));
        assert!(t.at_least);
        assert_eq!(t.year, Some(2026));
    }

    #[test]
    fn a_total_with_its_parts_in_one_sentence_and_the_money_of_the_whole_plan() {
        let lines = |b: &Budget| -> Vec<(String, Option<f64>)> {
            b.lines
                .iter()
                .map(|l| (l.label.clone(), l.million_vnd))
                .collect()
        };
        let b = budget(&tree(
            "II. KINH PHÍ\nTổng kinh phí dự kiến là 850 triệu đồng, trong đó: ngân sách xã 300 \
             triệu đồng, vốn đối ứng 550,5 triệu đồng.",
        ));
        assert_eq!(b.total_million_vnd, Some(850.0));
        assert_eq!(
            lines(&b),
            [
                ("Ngân sách xã".to_string(), Some(300.0)),
                ("Vốn đối ứng".to_string(), Some(550.5))
            ]
        );
        let b = budget(&tree("II. KINH PHÍ\n- Kinh phí: 1,5 tỷ đồng."));
        assert_eq!((b.total_million_vnd, b.lines.len()), (Some(1500.0), 0));
        // A part of the money is a line, not the total.
        let b = budget(&tree("II. KINH PHÍ\n- Kinh phí sự nghiệp: 200 triệu đồng."));
        assert_eq!((b.total_million_vnd, b.lines.len()), (None, 1));
    }

    #[test]
    fn product_line() {
        let p = product_item(
            "Cam sành Hà Giang (hộp 5kg) của HTX Anh Tài – thôn Vĩnh Chính;",
            "được công nhận đạt OCOP 3 sao",
        )
        .unwrap();
        assert_eq!(p.name, "Cam sành Hà Giang");
        assert_eq!(p.packaging.as_deref(), Some("hộp 5kg"));
        assert_eq!(p.owner.as_deref(), Some("HTX Anh Tài"));
        assert_eq!(p.address.as_deref(), Some("thôn Vĩnh Chính"));
        assert_eq!(p.stars, Some(3));
        assert_eq!(p.status.as_deref(), Some("certified"));
        // An address after a comma, when it starts with the kind of place.
        let p = product_item(
            "Trà shan tuyết (hộp 200 gram) của Cơ sở chè Độ Khoa, thôn Độ Khoa, phấn đấu đạt 4 sao.",
            "",
        )
        .unwrap();
        assert_eq!(p.owner.as_deref(), Some("Cơ sở chè Độ Khoa"));
        assert_eq!(p.address.as_deref(), Some("thôn Độ Khoa"));
        assert_eq!(p.stars, Some(4));
        // A product named after the work on it, the stars after its owner.
        let found = products(&tree(
            "I. MỤC TIÊU\n- Nâng hạng sản phẩm Gạo nếp cái hoa vàng của HTX Phú Lộc từ 3 sao lên 4 sao.\n\
             - Nâng hạng sản phẩm OCOP của các chủ thể.",
        ));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "Gạo nếp cái hoa vàng");
        assert_eq!(found[0].owner.as_deref(), Some("HTX Phú Lộc"));
        assert_eq!(found[0].status.as_deref(), Some("upgrade"));
    }
}
