//! The heading tree: I. / 1. / 1.1. / a), with the paragraphs under each heading.

use crate::plan::record::Section;
use crate::text::roman;

use super::re;

/// A heading with what it holds, before it becomes a [`Section`].
#[derive(Debug, Clone, Default)]
pub struct Node {
    /// "I", "1", "1.1", "a".
    pub label: String,
    /// 0 Roman, 1 "1.", 2 "1.1.", 3 "1.1.1.", 4 "a)".
    pub rank: u8,
    /// Heading text (before a ":" that starts its body).
    pub title: String,
    /// The whole heading line after its label.
    pub line: String,
    /// Paragraphs under the heading, before any sub-heading.
    pub paragraphs: Vec<String>,
    /// Sub-headings.
    pub children: Vec<Node>,
}

impl Node {
    /// The record's view of this node.
    pub fn to_section(&self) -> Section {
        Section {
            label: self.label.clone(),
            title: self.title.clone(),
            text: self.paragraphs.join("\n"),
            children: self.children.iter().map(Node::to_section).collect(),
        }
    }

    /// True when the heading line also holds the node's first paragraph (the text after its
    /// ":", as in "Thời gian: Quý IV").
    pub fn line_holds_first_paragraph(&self) -> bool {
        self.line.trim_end_matches([':', '.', ';', ' ']) != self.title
    }

    /// Visits this node and every node below it, each with the path of nodes down to it.
    pub fn walk<'a>(&'a self, path: &mut Vec<&'a Node>, visit: &mut dyn FnMut(&[&'a Node])) {
        path.push(self);
        visit(path);
        for child in &self.children {
            child.walk(path, visit);
        }
        path.pop();
    }
}

/// Specks OCR reads before a line's first word ("_ 8. Xây dựng"): never a heading's start,
/// nor a list's bullet (that is "-", "+" or "•").
const OCR_SPECKS: [char; 5] = ['_', '~', '`', '‘', '\''];

/// A heading line split into label, rank and content.
pub fn heading(line: &str) -> Option<(String, u8, String)> {
    // A speck is apart from a label ("_ 8."), or glued to a label of two levels ("~3.3."),
    // which a sentence does not start with.
    let line = match line.strip_prefix(OCR_SPECKS) {
        Some(rest) if rest.starts_with(' ') => rest.trim_start(),
        Some(rest) if re!(r"^\d{1,2}\.\d").is_match(rest) => rest,
        _ => line,
    };
    if let Some(c) = re!(r"^([IVXL]{1,5})\s*\.\s*(\S.*)$").captures(line) {
        return Some((c[1].to_string(), 0, c[2].to_string()));
    }
    // OCR reads I as 1 or l ("I11. KINH PHÍ"): a Roman label before an upper-case heading.
    if let Some(c) = re!(r"^([IVXL1l]{2,5})\s*\.\s+(\p{Lu}{2,}\s.*)$").captures(line)
        && c[1].contains(['I', 'V', 'X'])
    {
        return Some((c[1].replace(['1', 'l'], "I"), 0, c[2].to_string()));
    }
    if let Some(c) = re!(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\s*[./)]?\s+(\S.*)$").captures(line) {
        let label = c[1].to_string();
        // "1.1 xx" needs no final dot, but "1 xx" does (a bare number starts a sentence).
        let has_dot =
            label.contains('.') || line[label.len()..].trim_start().starts_with(['.', ')']);
        if !has_dot {
            return None;
        }
        let rank = 1 + label.matches('.').count() as u8;
        return Some((label, rank.min(3), c[2].to_string()));
    }
    // Points: "a)", or "a." before a space ("a. Thu thập tài liệu").
    if let Some(c) = re!(r"^([a-zđ])(?:\)\s*|\.\s+)(\S.*)$").captures(line) {
        return Some((c[1].to_string(), 4, c[2].to_string()));
    }
    None
}

/// Splits heading content at a ": " that starts its body ("Thời gian: Quý IV" → title, text).
pub fn split_title(content: &str) -> (String, Option<String>) {
    let content = content.trim();
    if let Some(at) = content.find(':') {
        let title = content[..at].trim();
        let rest = content[at + 1..].trim();
        if title.chars().count() <= 100 && !title.is_empty() {
            return (
                title.to_string(),
                (!rest.is_empty()).then(|| rest.to_string()),
            );
        }
    }
    (content.to_string(), None)
}

/// Builds the heading tree from the body lines; lines before the first heading are returned apart.
pub fn build_tree(lines: &[String]) -> (Vec<String>, Vec<Node>, Vec<String>) {
    let mut lead = Vec::new();
    let mut roots: Vec<Node> = Vec::new();
    let mut stack: Vec<Node> = Vec::new();
    let mut warnings = Vec::new();
    let mut last_roman: Option<u32> = None;
    for line in lines {
        let Some((label, rank, content)) = heading(line) else {
            match stack.last_mut() {
                Some(node) => node.paragraphs.push(line.clone()),
                None => lead.push(line.clone()),
            }
            continue;
        };
        if rank == 0 {
            let value = roman_value(&label);
            if let (Some(prev), Some(now)) = (last_roman, value)
                && now != prev + 1
            {
                warnings.push(format!(
                    "heading {label}. follows {}: Roman numerals repeated or out of order",
                    roman(prev)
                ));
            }
            last_roman = value.or(last_roman);
        }
        let label = match misread_sibling(&label, rank, &stack) {
            Some((mended, previous)) => {
                warnings.push(format!(
                    "heading {label}. read as {mended}.: it follows {previous}. (a digit misread)"
                ));
                mended
            }
            None => label,
        };
        while stack.last().is_some_and(|top| top.rank >= rank) {
            close(&mut stack, &mut roots);
        }
        let (title, text) = split_title(&content);
        stack.push(Node {
            label,
            rank,
            title: title.trim_end_matches([':', '.', ';']).trim().to_string(),
            line: content.clone(),
            paragraphs: text.into_iter().collect(),
            children: Vec::new(),
        });
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    (lead, roots, warnings)
}

/// The label a numbered sub-heading must have had when OCR misread a digit of its parent's
/// number, and the label of the sibling it follows: "3.3" right after "5.2" is "5.3" (the same
/// depth, the next number, another parent). Only a label that breaks a numbering its previous
/// sibling kept is mended.
fn misread_sibling<'a>(label: &str, rank: u8, stack: &'a [Node]) -> Option<(String, &'a str)> {
    if rank < 2 {
        return None;
    }
    let previous = stack.iter().rev().find(|n| n.rank <= rank)?;
    let parent = stack.iter().rev().find(|n| n.rank < rank)?;
    if previous.rank != rank {
        return None;
    }
    let (before, number) = label.rsplit_once('.')?;
    let (previous_before, previous_number) = previous.label.rsplit_once('.')?;
    let follows = number.parse::<u32>().ok()? == previous_number.parse::<u32>().ok()? + 1;
    (follows && before != previous_before && previous_before == parent.label).then(|| {
        (
            format!("{previous_before}.{number}"),
            previous.label.as_str(),
        )
    })
}

/// Pops the innermost open heading into its parent (or the roots).
fn close(stack: &mut Vec<Node>, roots: &mut Vec<Node>) {
    if let Some(node) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => parent.children.push(node),
            None => roots.push(node),
        }
    }
}

/// The value of a Roman numeral (I to L).
fn roman_value(label: &str) -> Option<u32> {
    let mut total = 0i32;
    let values: Vec<i32> = label
        .chars()
        .map(|c| match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            _ => 0,
        })
        .collect();
    for (i, &v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|&next| next > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    u32::try_from(total).ok().filter(|&v| v > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn tree_with_repeated_roman_numerals() {
        let (lead, roots, warnings) = build_tree(&lines(
            "Mở đầu.\nI. MỤC TIÊU\n1. Mục đích\nNội dung.\n1.1. Con\na) Điểm a\n- gạch\nIII. NỘI DUNG\nII. KINH PHÍ\n2. Thời gian: Quý IV năm 2026.",
        ));
        assert_eq!(lead, vec!["Mở đầu."]);
        assert_eq!(roots.len(), 3);
        assert_eq!(roots[0].children[0].children[0].children[0].label, "a");
        assert_eq!(roots[0].children[0].paragraphs, vec!["Nội dung."]);
        assert_eq!(roots[2].children[0].title, "Thời gian");
        assert_eq!(roots[2].children[0].paragraphs, vec!["Quý IV năm 2026."]);
        assert_eq!(warnings.len(), 2);
    }

    #[test]
    fn headings_and_non_headings() {
        assert_eq!(heading("1.1 Tuyên truyền").unwrap().1, 2);
        assert!(heading("2026 là năm").is_none());
        assert!(heading("- Nội dung").is_none());
        assert_eq!(heading("IV. TỔ CHỨC").unwrap().0, "IV");
        assert_eq!(heading("_ 8. Xây dựng điểm").unwrap().0, "8");
        assert!(heading("_8. Xây dựng").is_none() && heading("- 8. Xây dựng").is_none());
        assert_eq!(heading("~3.3. Thuê chuyên gia").unwrap().0, "3.3");
        // Points are "a)" or, as real plan 23 writes them, "a." before a space.
        assert_eq!(
            heading("a. Thu thập tài liệu"),
            Some(("a".to_string(), 4, "Thu thập tài liệu".to_string()))
        );
        assert_eq!(heading("đ) Hỗ trợ").unwrap().0, "đ");
        assert!(heading("a.b tên tệp").is_none());
    }

    #[test]
    fn a_misread_digit_in_a_label_is_mended_by_the_numbering() {
        let (_, roots, warnings) = build_tree(&lines(
            "5. Truy xuất\n5.1. Duy trì\n5.2. Sử dụng\n~3.3. Thuê chuyên gia\n6. Tiêu chuẩn\n6.1. Áp dụng\n7.2. Hỗ trợ",
        ));
        let labels: Vec<&str> = roots[0].children.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["5.1", "5.2", "5.3"]);
        assert_eq!(roots[0].children[2].title, "Thuê chuyên gia");
        assert!(warnings[0].contains("3.3. read as 5.3."), "{warnings:?}");
        // "7.2" after "6.1" is the next number under another parent: mended too; a first
        // child or a number that does not follow is left as written.
        assert_eq!(roots[1].children[1].label, "6.2");
        let (_, roots, _) = build_tree(&lines("5. A\n4.1. B\n5.1. C\n3.5. D"));
        let labels: Vec<&str> = roots[0].children.iter().map(|n| n.label.as_str()).collect();
        assert_eq!(labels, ["4.1", "5.1", "3.5"]);
    }
}
