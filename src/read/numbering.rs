//! Word's automatic numbering: the labels ("1.", "a)", "II.", "-") that Word draws before a
//! numbered paragraph and that are not in the paragraph's text.
//!
//! A paragraph is numbered by its own `w:numPr` (list instance `w:numId`, level `w:ilvl`) or by
//! its style's (`word/styles.xml`, through `w:basedOn`). A list instance (`w:num`) points to an
//! abstract list (`w:abstractNum` in `word/numbering.xml`) whose levels say where counting
//! starts, in what format and with what text around the number ("%1.", "%1.%2.", "%1)").
//! Instances of one abstract list count on from each other, as Word does, unless an instance
//! restarts a level (`w:startOverride`); a level's counting restarts under each new item of a
//! level above it.

use std::collections::{HashMap, HashSet};

use quick_xml::Reader;
use quick_xml::events::Event;

use super::docx::{attribute_of, number_of};
use crate::text::roman;

/// Levels of a Word list.
const LEVELS: usize = 9;
/// Most `w:basedOn` links followed from a style.
const MAX_STYLE_CHAIN: usize = 16;

/// How a level writes its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// 1, 2, 3.
    Decimal,
    /// 01, 02, ..., 10.
    DecimalZero,
    /// a, b, ..., z, aa.
    LowerLetter,
    /// A, B, ..., Z, AA.
    UpperLetter,
    /// i, ii, iii.
    LowerRoman,
    /// I, II, III.
    UpperRoman,
    /// The level's text is a bullet symbol.
    Bullet,
    /// No number.
    Nothing,
}

impl Format {
    /// The format named by a `w:numFmt` value (formats for other scripts count in decimal).
    fn of(name: &str) -> Format {
        match name {
            "decimalZero" => Format::DecimalZero,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "bullet" => Format::Bullet,
            "none" => Format::Nothing,
            _ => Format::Decimal,
        }
    }

    /// `n` written in this format.
    fn write(self, n: u32) -> String {
        match self {
            Format::Decimal | Format::Bullet => n.to_string(),
            Format::DecimalZero => format!("{n:02}"),
            Format::LowerLetter => letters(n),
            Format::UpperLetter => letters(n).to_uppercase(),
            Format::LowerRoman => roman(n).to_lowercase(),
            Format::UpperRoman => roman(n),
            Format::Nothing => String::new(),
        }
    }
}

/// Word's letter numbering: a..z, then aa..zz, and so on (0 is written as a number).
fn letters(n: u32) -> String {
    if n == 0 {
        return "0".to_string();
    }
    let letter = char::from(b'a' + ((n - 1) % 26) as u8);
    let times = ((n - 1) / 26 + 1).min(100) as usize;
    std::iter::repeat_n(letter, times).collect()
}

/// One level of an abstract list.
#[derive(Debug, Clone)]
struct Level {
    /// The first number.
    start: u32,
    /// How the number is written.
    format: Format,
    /// The label's text, "%1" to "%9" standing for the numbers of the levels.
    text: String,
    /// Every level's number written in decimal (`w:isLgl`: "1.1", not "I.a").
    legal: bool,
    /// The paragraph style this level is for (`w:pStyle`), if any.
    style: Option<String>,
}

impl Default for Level {
    fn default() -> Level {
        Level {
            start: 1,
            format: Format::Decimal,
            text: String::new(),
            legal: false,
            style: None,
        }
    }
}

/// A list instance: its abstract list and the levels it restarts.
#[derive(Debug, Clone, Default)]
struct Instance {
    abstract_id: u32,
    /// Levels restarted at a number of their own (`w:startOverride`).
    restarts: Vec<(usize, u32)>,
}

/// A paragraph style's numbering and the style it is based on.
#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<u32>,
    level: Option<usize>,
}

/// The numbering a paragraph asks for, as its `w:pPr` says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParagraphNumbering {
    /// `w:pStyle`.
    pub style: Option<String>,
    /// `w:numPr/w:numId` (0 takes the style's numbering away).
    pub num_id: Option<u32>,
    /// `w:numPr/w:ilvl`.
    pub level: Option<usize>,
}

/// The lists of one document and where their counting stands.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<u32, Vec<Level>>,
    instances: HashMap<u32, Instance>,
    styles: HashMap<String, Style>,
    /// Per abstract list, the last number given at each level (`None`: not yet, or restarted).
    counts: HashMap<u32, [Option<u32>; LEVELS]>,
    /// The instances already used (their restarts apply once, at their first paragraph).
    used: HashSet<u32>,
}

impl Numbering {
    /// The lists of `word/numbering.xml` and the numbered styles of `word/styles.xml` (either
    /// may be missing; what cannot be read is left out, so its paragraphs get no label).
    pub fn new(numbering_xml: Option<&str>, styles_xml: Option<&str>) -> Numbering {
        let mut numbering = Numbering::default();
        if let Some(xml) = numbering_xml {
            numbering.read_lists(xml);
        }
        if let Some(xml) = styles_xml {
            numbering.read_styles(xml);
        }
        numbering
    }

    /// Reads the abstract lists and the list instances.
    fn read_lists(&mut self, xml: &str) {
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<u32> = None;
        let mut level: Option<usize> = None;
        let mut instance: Option<(u32, Instance)> = None;
        let mut override_level: Option<usize> = None;
        loop {
            let (element, is_start) = match reader.read_event() {
                Ok(Event::Start(e)) => (e, true),
                Ok(Event::Empty(e)) => (e, false),
                Ok(Event::End(e)) => {
                    match e.local_name().as_ref() {
                        "abstractNum" => abstract_id = None,
                        "lvl" => level = None,
                        "num" => {
                            if let Some((id, done)) = instance.take() {
                                self.instances.insert(id, done);
                            }
                        }
                        "lvlOverride" => override_level = None,
                        _ => {}
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            let this_level = match (abstract_id, level) {
                (Some(id), Some(l)) => self.abstracts.get_mut(&id).and_then(|ls| ls.get_mut(l)),
                _ => None,
            };
            match element.local_name().as_ref() {
                "abstractNum" if is_start => abstract_id = number_of(&element, "abstractNumId"),
                "lvl" if abstract_id.is_some() => {
                    level = number_of::<usize>(&element, "ilvl").filter(|&l| l < LEVELS);
                    if let (Some(id), Some(l)) = (abstract_id, level) {
                        let levels = self.abstracts.entry(id).or_default();
                        if levels.len() <= l {
                            levels.resize(l + 1, Level::default());
                        }
                    }
                }
                "start" => {
                    if let Some(lvl) = this_level {
                        lvl.start = number_of(&element, "val").unwrap_or(1);
                    }
                }
                "numFmt" => {
                    if let Some(lvl) = this_level {
                        lvl.format = Format::of(&attribute_of(&element, "val").unwrap_or_default());
                    }
                }
                "lvlText" => {
                    if let Some(lvl) = this_level {
                        lvl.text = attribute_of(&element, "val").unwrap_or_default();
                    }
                }
                "isLgl" => {
                    if let Some(lvl) = this_level {
                        lvl.legal = attribute_of(&element, "val").is_none_or(|v| v != "0");
                    }
                }
                "pStyle" => {
                    if let Some(lvl) = this_level {
                        lvl.style = attribute_of(&element, "val");
                    }
                }
                "num" if is_start => {
                    instance = number_of(&element, "numId").map(|id| (id, Instance::default()));
                }
                "abstractNumId" => {
                    if let Some((_, inst)) = &mut instance {
                        inst.abstract_id = number_of(&element, "val").unwrap_or(u32::MAX);
                    }
                }
                "lvlOverride" => {
                    override_level = number_of::<usize>(&element, "ilvl").filter(|&l| l < LEVELS);
                }
                "startOverride" => {
                    if let (Some((_, inst)), Some(l), Some(start)) =
                        (&mut instance, override_level, number_of(&element, "val"))
                    {
                        inst.restarts.push((l, start));
                    }
                }
                _ => {}
            }
        }
    }

    /// Reads the paragraph styles' numbering and what each is based on.
    fn read_styles(&mut self, xml: &str) {
        let mut reader = Reader::from_str(xml);
        let mut style: Option<(String, Style)> = None;
        loop {
            let (element, is_start) = match reader.read_event() {
                Ok(Event::Start(e)) => (e, true),
                Ok(Event::Empty(e)) => (e, false),
                Ok(Event::End(e)) => {
                    if e.local_name().as_ref() == "style"
                        && let Some((id, done)) = style.take()
                    {
                        self.styles.insert(id, done);
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            match (element.local_name().as_ref(), &mut style) {
                ("style", _) if is_start => {
                    style = attribute_of(&element, "styleId").map(|id| (id, Style::default()));
                }
                ("basedOn", Some((_, s))) => s.based_on = attribute_of(&element, "val"),
                ("numId", Some((_, s))) => s.num_id = number_of(&element, "val"),
                ("ilvl", Some((_, s))) => s.level = number_of(&element, "val"),
                _ => {}
            }
        }
    }

    /// The list instance and level of a paragraph, from its own numbering or its style's.
    fn resolve(&self, paragraph: &ParagraphNumbering) -> Option<(u32, usize)> {
        let mut num_id = paragraph.num_id;
        let mut level = paragraph.level;
        let mut style = paragraph.style.clone();
        let mut numbered_style = None;
        for _ in 0..MAX_STYLE_CHAIN {
            let Some(s) = style.as_ref().and_then(|id| self.styles.get(id)) else {
                break;
            };
            if num_id.is_none() && s.num_id.is_some() {
                num_id = s.num_id;
                numbered_style = style.clone();
            }
            if level.is_none() && num_id == s.num_id {
                level = s.level;
            }
            style = s.based_on.clone();
        }
        let num_id = num_id.filter(|&id| id != 0)?;
        let instance = self.instances.get(&num_id)?;
        let levels = self.abstracts.get(&instance.abstract_id)?;
        // A style numbered without a level takes the level that names it.
        let level = level.or_else(|| {
            levels
                .iter()
                .position(|l| l.style.is_some() && l.style == numbered_style)
        });
        Some((num_id, level.unwrap_or(0).min(LEVELS - 1)))
    }

    /// The label Word draws before the next paragraph numbered so, counting it; `None` for a
    /// paragraph that is not numbered or whose level writes nothing.
    pub fn label(&mut self, paragraph: &ParagraphNumbering) -> Option<String> {
        let (num_id, level) = self.resolve(paragraph)?;
        let instance = &self.instances[&num_id];
        let levels = &self.abstracts[&instance.abstract_id];
        let this = levels.get(level)?;
        let counts = self.counts.entry(instance.abstract_id).or_default();
        if self.used.insert(num_id) {
            for &(l, start) in &instance.restarts {
                counts[l] = start.checked_sub(1);
            }
        }
        let next = counts[level].map_or(this.start, |n| n.saturating_add(1));
        counts[level] = Some(next);
        for deeper in counts.iter_mut().skip(level + 1) {
            *deeper = None;
        }
        if this.format == Format::Bullet {
            return bullet(&this.text);
        }
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10));
            match digit {
                Some(d @ 1..=9) if c == '%' => {
                    chars.next();
                    let l = d as usize - 1;
                    let (start, format) = levels
                        .get(l)
                        .map_or((1, Format::Decimal), |lvl| (lvl.start, lvl.format));
                    let n = counts[l].unwrap_or(start);
                    let format = if this.legal && format != Format::Nothing {
                        Format::Decimal
                    } else {
                        format
                    };
                    label.push_str(&format.write(n));
                }
                _ => label.push(c),
            }
        }
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(label)
    }
}

/// The text a bullet level draws, as plain text: dashes and pluses as they are (also the Symbol
/// font's, stored in the private-use area), any other symbol as "•".
fn bullet(text: &str) -> Option<String> {
    let symbol = text.trim().chars().next()?;
    let plain = match symbol {
        '-' | '–' | '—' | '\u{F02D}' => '-',
        '+' | '\u{F02B}' => '+',
        _ => '•',
    };
    Some(plain.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
          <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="1">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF02D;"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="2">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="%1."/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="3"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
      </w:numbering>"#;

    const STYLES: &str = r#"<w:styles xmlns:w="w">
        <w:style w:type="paragraph" w:styleId="Heading2"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading2"/></w:style>
      </w:styles>"#;

    fn numbered(num_id: u32, level: usize) -> ParagraphNumbering {
        ParagraphNumbering {
            style: None,
            num_id: Some(num_id),
            level: Some(level),
        }
    }

    #[test]
    fn labels_count_by_level_and_restart_under_a_new_item_above() {
        let mut n = Numbering::new(Some(NUMBERING), None);
        let labels: Vec<Option<String>> = [(1, 0), (1, 1), (1, 2), (1, 2), (1, 3), (1, 3), (1, 1)]
            .iter()
            .chain(&[(1, 0), (1, 1), (1, 3)])
            .map(|&(id, l)| n.label(&numbered(id, l)))
            .collect();
        let expected = [
            "I.", "1.", "1.1.", "1.2.", "a)", "b)", "2.", "II.", "1.", "a)",
        ];
        assert_eq!(labels, expected.map(|l| Some(l.to_string())));
    }

    #[test]
    fn instances_of_one_list_count_on_unless_they_restart() {
        let mut n = Numbering::new(Some(NUMBERING), None);
        for _ in 0..3 {
            n.label(&numbered(1, 3));
        }
        // Instance 3 restarts level 4 at 1; instance 1 then counts on from there.
        assert_eq!(n.label(&numbered(3, 3)).as_deref(), Some("a)"));
        assert_eq!(n.label(&numbered(3, 3)).as_deref(), Some("b)"));
        assert_eq!(n.label(&numbered(1, 3)).as_deref(), Some("c)"));
    }

    #[test]
    fn bullets_styles_and_paragraphs_without_numbering() {
        let mut n = Numbering::new(Some(NUMBERING), Some(STYLES));
        assert_eq!(n.label(&numbered(2, 0)).as_deref(), Some("-"));
        // A style numbered through its base, the level taken from the list's w:pStyle.
        let heading = ParagraphNumbering {
            style: Some("MyHeading".to_string()),
            ..ParagraphNumbering::default()
        };
        assert_eq!(n.label(&heading).as_deref(), Some("1."));
        assert_eq!(n.label(&heading).as_deref(), Some("2."));
        // numId 0 takes the style's numbering away; unknown lists and no numbering give none.
        let unnumbered = ParagraphNumbering {
            num_id: Some(0),
            ..heading.clone()
        };
        assert_eq!(n.label(&unnumbered), None);
        assert_eq!(n.label(&numbered(99, 0)), None);
        assert_eq!(n.label(&ParagraphNumbering::default()), None);
        assert_eq!(Numbering::new(None, None).label(&numbered(1, 0)), None);
    }

    #[test]
    fn numbers_in_each_format() {
        assert_eq!(roman(1994), "MCMXCIV");
        assert_eq!(letters(27), "aa");
        assert_eq!(Format::DecimalZero.write(7), "07");
        assert_eq!(Format::LowerRoman.write(4), "iv");
        assert_eq!(Format::of("vietnameseCounting"), Format::Decimal);
        // Broken XML gives what was read before the break, and no panic.
        let mut n = Numbering::new(Some("<w:numbering><w:num w:numId=\"1\">"), Some("<"));
        assert_eq!(n.label(&numbered(1, 0)), None);
    }
}
