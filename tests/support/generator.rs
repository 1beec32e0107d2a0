//! Test corpus generator: a realistic batch of commune OCOP plans built from the
//! fixture plans, with the truth each plan states recorded beside it.
//!
//! Each plan takes its narrative (purpose, activities, organisation) from one of
//! the clean fixture plans (fixtures/plans/000, 002, 004), with the commune
//! name, the level and the years substituted; template paragraphs that state
//! figures of their own are left out, so the only quantified goals in a plan
//! are the targets the generator writes (and records). Its header, targets
//! section, budget and signature are generated. Variants: hard-wrapped text,
//! Markdown, Word (.docx), UTF-16, OCR-garbled text (from fixtures/ocr/, made
//! once by tools/make-ocr-fixtures.sh) and corrupt files.

use std::fs;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

/// The clean fixture plans the narrative comes from, with the commune each names.
const TEMPLATES: [(&str, &str); 3] = [
    (include_str!("../../fixtures/plans/000.txt"), "Vĩnh Tuy"),
    (include_str!("../../fixtures/plans/002.txt"), "Ô Diên"),
    (include_str!("../../fixtures/plans/004.txt"), "Sính Phình"),
];

/// The year the templates are written for; generated years replace it.
const TEMPLATE_YEAR: i32 = 2026;

/// Syllables commune names are made of.
const NAME_SYLLABLES: [&str; 40] = [
    "An",
    "Bình",
    "Hòa",
    "Phú",
    "Tân",
    "Minh",
    "Thành",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Xuân",
    "Thủy",
    "Hưng",
    "Long",
    "Phước",
    "Vĩnh",
    "Yên",
    "Quang",
    "Trung",
    "Lạc",
    "Thịnh",
    "Hải",
    "Sơn",
    "Lâm",
    "Cẩm",
    "Mỹ",
    "Thạnh",
    "Đức",
    "Nghĩa",
    "Tiến",
    "Hợp",
    "Khánh",
    "Lộc",
    "Phong",
    "Quý",
    "Thái",
    "Thượng",
    "Hạ",
    "Điền",
];

/// Signers' names.
const SIGNERS: [&str; 6] = [
    "Nguyễn Văn Hùng",
    "Trần Thị Thủy",
    "Lê Quang Dũng",
    "Phạm Minh Tuấn",
    "Hoàng Thị Hòa",
    "Vũ Quang Dương",
];

/// The provincial body that rates products, as plans name it.
const RATERS: [&str; 3] = ["Thành phố", "UBND tỉnh", "Hội đồng đánh giá cấp tỉnh"];

/// The kinds of files in a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Plain UTF-8 text, one paragraph per line.
    Clean,
    /// UTF-8 text hard-wrapped at 60 to 90 characters, as text pulled from a PDF.
    Wrapped,
    /// Markdown with heading marks.
    Markdown,
    /// A Word document.
    Docx,
    /// UTF-16LE text with a byte-order mark.
    Utf16,
    /// VIQR (RFC 1456): Vietnamese in ASCII, marks typed after the letters.
    Viqr,
    /// OCR-garbled text of a generated plan (diacritics and letters misread).
    Ocr,
    /// A broken file that must be refused.
    Corrupt,
}

/// One target as the generator wrote it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetTruth {
    /// The sentence.
    pub text: String,
    /// How many.
    pub quantity: f64,
    /// The counted noun the sentence uses ("sản phẩm", "điểm", "chủ thể").
    pub unit: String,
    /// Star rating asked for.
    pub stars: Option<u8>,
    /// "ít nhất", "trở lên", "trên".
    pub at_least: bool,
    /// Due year.
    pub year: Option<i32>,
    /// Due span (from, to).
    pub period: Option<(i32, i32)>,
}

/// What one generated file states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanTruth {
    /// The file, relative to the batch folder.
    pub file: PathBuf,
    /// How it was written.
    pub kind: Kind,
    /// The issuer's full name ("Ủy ban nhân dân xã Tân Phú"); none for corrupt files.
    pub issuer: Option<String>,
    /// xa | phuong | thi_tran.
    pub level: Option<String>,
    /// The commune or ward name.
    pub locality: Option<String>,
    /// The plan year.
    pub year: Option<i32>,
    /// The budget total in million VND.
    pub budget_million_vnd: Option<f64>,
    /// The targets in order.
    pub targets: Vec<TargetTruth>,
}

/// What share of a batch is of each kind.
#[derive(Debug, Clone, Copy)]
pub struct Mix {
    /// Hard-wrapped text, in percent.
    pub wrapped: u64,
    /// Markdown, in percent.
    pub markdown: u64,
    /// Word documents, in percent.
    pub docx: u64,
    /// UTF-16 text, in percent.
    pub utf16: u64,
    /// VIQR text, in percent.
    pub viqr: u64,
    /// OCR-garbled text, in percent.
    pub ocr: u64,
    /// Corrupt files, in percent.
    pub corrupt: u64,
}

impl Mix {
    /// The mixed batch the integration test uses: every variant, 2% corrupt.
    pub const VARIED: Mix = Mix {
        wrapped: 20,
        markdown: 10,
        docx: 10,
        utf16: 3,
        viqr: 3,
        ocr: 3,
        corrupt: 2,
    };
    /// Clean text plans only (for benchmarks).
    #[allow(dead_code, reason = "used by examples/gen_batch.rs, not by the tests")]
    pub const CLEAN: Mix = Mix {
        wrapped: 0,
        markdown: 0,
        docx: 0,
        utf16: 0,
        viqr: 0,
        ocr: 0,
        corrupt: 0,
    };

    fn kind(&self, roll: u64) -> Kind {
        let shares = [
            (Kind::Corrupt, self.corrupt),
            (Kind::Ocr, self.ocr),
            (Kind::Utf16, self.utf16),
            (Kind::Viqr, self.viqr),
            (Kind::Docx, self.docx),
            (Kind::Markdown, self.markdown),
            (Kind::Wrapped, self.wrapped),
        ];
        let mut edge = 0;
        for (kind, share) in shares {
            edge += share;
            if roll < edge {
                return kind;
            }
        }
        Kind::Clean
    }
}

/// A small deterministic random source (SplitMix64), so a seed always gives the same batch.
pub struct Rng(u64);

impl Rng {
    /// A source started from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// A plan as paragraphs, with headings marked, before it is written in some format.
struct Draft {
    /// (is heading, text) per paragraph.
    paragraphs: Vec<(bool, String)>,
}

impl Draft {
    fn text(&self) -> String {
        let mut out = String::from("\n");
        for (_, para) in &self.paragraphs {
            out.push_str(para);
            out.push_str("\n\n");
        }
        out
    }

    fn wrapped(&self, rng: &mut Rng) -> String {
        let width = 60 + rng.below(31) as usize;
        let mut out = String::from("\n");
        for (_, para) in &self.paragraphs {
            let mut line = String::new();
            for word in para.split(' ') {
                if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                    out.push_str(&line);
                    out.push('\n');
                    line.clear();
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            out.push_str(&line);
            out.push_str("\n\n");
        }
        out
    }

    fn markdown(&self) -> String {
        let mut out = String::new();
        for (heading, para) in &self.paragraphs {
            if *heading && para == "KẾ HOẠCH" {
                out.push_str("# KẾ HOẠCH\n\n");
            } else if *heading {
                let is_top = para.split('.').next().is_some_and(|label| {
                    !label.is_empty() && label.chars().all(|c| "IVX".contains(c))
                });
                out.push_str(if is_top { "## " } else { "### " });
                out.push_str(para);
                out.push_str("\n\n");
            } else {
                out.push_str(para);
                out.push_str("\n\n");
            }
        }
        out
    }

    fn docx(&self) -> Vec<u8> {
        use docx_rs::{Docx, Paragraph, Run};
        let mut doc = Docx::new();
        for (heading, para) in &self.paragraphs {
            let mut run = Run::new().add_text(para.as_str());
            if *heading {
                run = run.bold();
            }
            doc = doc.add_paragraph(Paragraph::new().add_run(run));
        }
        let mut bytes = Cursor::new(Vec::new());
        doc.build()
            .pack(&mut bytes)
            .expect("packing a docx in memory");
        bytes.into_inner()
    }
}

/// The level of a generated issuer: (record name, word in text, word in upper case).
const LEVELS: [(&str, &str, &str); 3] = [
    ("xa", "xã", "XÃ"),
    ("phuong", "phường", "PHƯỜNG"),
    ("thi_tran", "thị trấn", "THỊ TRẤN"),
];

static SUBHEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+(?:\.\d+)*\.\s+\S").unwrap());

/// Template sections kept, by a word of their title, and the title they get.
const KEPT_SECTIONS: [(&str, &str); 3] = [
    ("MỤC ĐÍCH", "MỤC ĐÍCH, YÊU CẦU"),
    ("NỘI DUNG", "NỘI DUNG THỰC HIỆN"),
    ("TỔ CHỨC", "TỔ CHỨC THỰC HIỆN"),
];

/// A template's top-level sections: (title, body paragraphs without figures of their own).
fn template_sections(text: &str) -> Sections {
    let heading = Regex::new(r"^(?:[IVX]+)\.\s+(\p{Lu}.*)$").unwrap();
    let mut sections: Sections = Vec::new();
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if para.starts_with("Nơi nhận") {
            break;
        }
        if let Some(caps) = heading.captures(para) {
            sections.push((caps[1].to_string(), Vec::new()));
        } else if let Some((_, body)) = sections.last_mut()
            && !states_figures(para)
        {
            body.push(para.to_string());
        }
    }
    sections
}

/// The templates cut into sections, once: (sections, the commune the template names).
/// A template's sections: (title, body paragraphs).
type Sections = Vec<(String, Vec<String>)>;

static SECTIONS: LazyLock<Vec<(Sections, &'static str)>> = LazyLock::new(|| {
    TEMPLATES
        .iter()
        .map(|(text, place)| (template_sections(text), *place))
        .collect()
});

static YEARS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b20(2[3-9]|3[0-5])\b").unwrap());

/// True when a paragraph states figures beyond labels, document numbers, dates and years.
fn states_figures(para: &str) -> bool {
    let label = Regex::new(r"^(?:\d+(?:\.\d+)*\.|[a-zđ]\)|-)\s*").unwrap();
    let noise = Regex::new(
        r"\d+/[\p{L}\d.\-]*\p{L}[\p{L}\d.\-]*|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}|\b(?:19|20)\d{2}\b",
    )
    .unwrap();
    let stripped = label.replace(para, "");
    noise
        .replace_all(&stripped, "")
        .chars()
        .any(|c| c.is_ascii_digit())
}

/// Rewrites a template paragraph for another commune, level and year.
fn adapt(para: &str, from: &str, to: &str, level_word: &str, year: i32) -> String {
    let text = YEARS.replace_all(para, |caps: &regex::Captures| {
        let old: i32 = caps[0].parse().unwrap();
        (old - TEMPLATE_YEAR + year).to_string()
    });
    let mut text = text.replace(&format!("xã {from}"), &format!("{level_word} {to}"));
    text = text.replace(from, to);
    for phrase in [
        "UBND xã",
        "Ủy ban nhân dân xã",
        "địa bàn xã",
        "Phòng Kinh tế xã",
    ] {
        let replaced = phrase.replace("xã", level_word);
        text = text.replace(phrase, &replaced);
    }
    text
}

/// Writes a number the Vietnamese way: "." between thousands, "," before decimals.
pub fn vietnamese_number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    if fraction.is_empty() {
        grouped
    } else {
        format!("{grouped},{fraction}")
    }
}

/// A count as plans write it: sometimes zero-padded ("04").
fn count_text(rng: &mut Rng, n: u32) -> String {
    if n < 10 && rng.below(2) == 0 {
        format!("0{n}")
    } else {
        n.to_string()
    }
}

/// Writes the targets of a plan for `year`: one to four for the year, maybe one for the period after.
fn targets(rng: &mut Rng, year: i32, place: &str) -> (Vec<TargetTruth>, Vec<TargetTruth>) {
    let mut yearly = Vec::new();
    let count = 1 + rng.below(4);
    let mut forms: Vec<u64> = (0..4).collect();
    for _ in 0..count {
        let form = forms.remove(rng.below(forms.len() as u64) as usize);
        let n = 1 + rng.below(12) as u32;
        let stars = 3 + rng.below(3) as u8;
        let qty = count_text(rng, n);
        let star_text = count_text(rng, stars as u32);
        let target = match form {
            0 => TargetTruth {
                text: format!(
                    "Phấn đấu năm {year} có ít nhất {qty} sản phẩm được {} đánh giá, phân hạng sản phẩm OCOP từ {star_text} sao trở lên.",
                    rng.pick(&RATERS)
                ),
                quantity: n as f64,
                unit: "sản phẩm".into(),
                stars: Some(stars),
                at_least: true,
                year: Some(year),
                period: None,
            },
            1 => TargetTruth {
                text: format!(
                    "Phát triển mới {qty} sản phẩm tham gia đánh giá, phân hạng sản phẩm OCOP đạt {star_text} sao trong năm {year}."
                ),
                quantity: n as f64,
                unit: "sản phẩm".into(),
                stars: Some(stars),
                at_least: false,
                year: Some(year),
                period: None,
            },
            2 => TargetTruth {
                text: format!(
                    "Xây dựng {qty} điểm giới thiệu và bán sản phẩm OCOP trên địa bàn {place} trong năm {year}."
                ),
                quantity: n as f64,
                unit: "điểm".into(),
                stars: None,
                at_least: false,
                year: Some(year),
                period: None,
            },
            _ => TargetTruth {
                text: format!(
                    "Phấn đấu có trên {qty} chủ thể tham gia Chương trình OCOP trong năm {year}."
                ),
                quantity: n as f64,
                unit: "chủ thể".into(),
                stars: None,
                at_least: true,
                year: Some(year),
                period: None,
            },
        };
        yearly.push(target);
    }
    let mut later = Vec::new();
    if rng.below(2) == 0 {
        let n = 2 + rng.below(15) as u32;
        let stars = 3 + rng.below(2) as u8;
        let (from, to) = (year + 1, year + 4);
        later.push(TargetTruth {
            text: format!(
                "Giai đoạn {from}-{to}, phấn đấu có thêm ít nhất {} sản phẩm đạt chứng nhận OCOP từ {} sao trở lên.",
                count_text(rng, n),
                count_text(rng, stars as u32)
            ),
            quantity: n as f64,
            unit: "sản phẩm".into(),
            stars: Some(stars),
            at_least: true,
            year: None,
            period: Some((from, to)),
        });
    }
    (yearly, later)
}

/// Builds one plan's draft and truth.
fn plan(rng: &mut Rng, index: usize, file: PathBuf, kind: Kind) -> (Draft, PlanTruth) {
    let (sections, template_place) = rng.pick(&SECTIONS);
    let template_place = *template_place;
    let (level, level_word, level_upper) = *rng.pick(&LEVELS);
    let name = format!(
        "{} {}",
        rng.pick(&NAME_SYLLABLES),
        rng.pick(&NAME_SYLLABLES)
    );
    let year = 2024 + rng.below(4) as i32;
    let place = format!("{level_word} {name}");
    let issuer = format!("Ủy ban nhân dân {place}");
    let mut paragraphs: Vec<(bool, String)> = vec![
        (false, "ỦY BAN NHÂN DÂN".into()),
        (false, format!("{level_upper} {}", name.to_uppercase())),
        (false, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".into()),
        (false, "Độc lập - Tự do - Hạnh phúc".into()),
        (false, format!("Số: {}/KH-UBND", 10 + index % 290)),
        (
            false,
            format!(
                "{name}, ngày {} tháng {} năm {}",
                1 + rng.below(28),
                1 + rng.below(3),
                year
            ),
        ),
        (true, "KẾ HOẠCH".into()),
        (
            false,
            format!(
                "Triển khai thực hiện Chương trình Mỗi xã một sản phẩm (OCOP) năm {year} trên địa bàn {place}"
            ),
        ),
    ];
    let adapt = |p: &str| adapt(p, template_place, &name, level_word, year);
    let body = |word: &str| -> Vec<String> {
        sections
            .iter()
            .find(|(title, _)| title.contains(word))
            .map(|(_, body)| body.iter().map(|p| adapt(p)).collect())
            .unwrap_or_default()
    };
    let push_section =
        |paragraphs: &mut Vec<(bool, String)>, heading: String, body: Vec<String>| {
            paragraphs.push((true, heading));
            for para in body {
                let is_heading = SUBHEADING.is_match(&para) && para.chars().count() < 120;
                paragraphs.push((is_heading, para));
            }
        };
    let (yearly, later) = targets(rng, year, &place);
    push_section(
        &mut paragraphs,
        format!("I. {}", KEPT_SECTIONS[0].1),
        body(KEPT_SECTIONS[0].0),
    );
    paragraphs.push((true, "II. MỤC TIÊU".into()));
    paragraphs.push((true, format!("1. Mục tiêu năm {year}")));
    paragraphs.extend(yearly.iter().map(|t| (false, format!("- {}", t.text))));
    if !later.is_empty() {
        paragraphs.push((
            true,
            format!("2. Định hướng giai đoạn {}-{}", year + 1, year + 4),
        ));
        paragraphs.extend(later.iter().map(|t| (false, format!("- {}", t.text))));
    }
    push_section(
        &mut paragraphs,
        format!("III. {}", KEPT_SECTIONS[1].1),
        body(KEPT_SECTIONS[1].0),
    );
    let state = 50 + rng.below(2000);
    let own = 10 + rng.below(500);
    let tenths = rng.below(10);
    let state = state as f64 + tenths as f64 / 10.0;
    let total = state + own as f64;
    paragraphs.push((true, "IV. KINH PHÍ THỰC HIỆN".into()));
    paragraphs.push((
        false,
        format!(
            "Tổng kinh phí thực hiện Kế hoạch: {} triệu đồng, trong đó:",
            vietnamese_number(total, 1)
        ),
    ));
    paragraphs.push((
        false,
        format!(
            "- Ngân sách nhà nước: {} triệu đồng;",
            vietnamese_number(state, 1)
        ),
    ));
    paragraphs.push((
        false,
        format!(
            "- Vốn đối ứng của các chủ thể OCOP và nguồn vốn hợp pháp khác: {} triệu đồng.",
            vietnamese_number(own as f64, 1)
        ),
    ));
    push_section(
        &mut paragraphs,
        format!("V. {}", KEPT_SECTIONS[2].1),
        body(KEPT_SECTIONS[2].0),
    );
    paragraphs.push((false, "Nơi nhận:".into()));
    paragraphs.push((false, "- Sở Nông nghiệp và Môi trường;".into()));
    paragraphs.push((false, "- Lưu: VT.".into()));
    paragraphs.push((false, "TM. ỦY BAN NHÂN DÂN".into()));
    paragraphs.push((false, "CHỦ TỊCH".into()));
    paragraphs.push((false, rng.pick(&SIGNERS).to_string()));
    let truth = PlanTruth {
        file,
        kind,
        issuer: Some(issuer),
        level: Some(level.to_string()),
        locality: Some(name),
        year: Some(year),
        budget_million_vnd: Some(total),
        targets: yearly.into_iter().chain(later).collect(),
    };
    (Draft { paragraphs }, truth)
}

/// Writes NFC text in VIQR: each letter's shape mark (`^`, `(`, `+`) then its tone
/// mark after it, `dd` for đ, a backslash before a literal mark that follows a
/// letter, and ASCII for typographic punctuation (dashes, curly quotes).
fn viqr(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut after_letter = false;
    for c in text.chars() {
        match c {
            'đ' => out.push_str("dd"),
            'Đ' => out.push_str("DD"),
            _ if c.is_alphabetic() => {
                let mut parts = c.nfd();
                out.extend(parts.next());
                let (mut shape, mut tone) = (None, None);
                for mark in parts {
                    match mark {
                        '\u{302}' => shape = Some('^'),
                        '\u{306}' => shape = Some('('),
                        '\u{31b}' => shape = Some('+'),
                        '\u{301}' => tone = Some('\''),
                        '\u{300}' => tone = Some('`'),
                        '\u{309}' => tone = Some('?'),
                        '\u{303}' => tone = Some('~'),
                        '\u{323}' => tone = Some('.'),
                        _ => {}
                    }
                }
                out.extend(shape);
                out.extend(tone);
            }
            _ => {
                if after_letter && "'`?~.^(+\\".contains(c) {
                    out.push('\\');
                }
                // VIQR text is ASCII: typographic punctuation becomes its ASCII form.
                match c {
                    '–' | '—' => out.push('-'),
                    '“' | '”' => out.push('"'),
                    '‘' | '’' => out.push('\''),
                    '…' => out.push_str("..."),
                    _ => out.push(c),
                }
            }
        }
        after_letter = c.is_alphabetic();
    }
    out
}

/// Bytes of a broken file, and the extension it pretends to have.
fn corrupt(rng: &mut Rng, index: usize) -> (Vec<u8>, &'static str) {
    match index % 3 {
        0 => {
            // A Word file cut off in the middle, as by an interrupted upload.
            let (draft, _) = plan(rng, index, PathBuf::new(), Kind::Docx);
            let mut bytes = draft.docx();
            bytes.truncate(bytes.len() / 2);
            (bytes, "docx")
        }
        1 => {
            // Binary junk named as text.
            let bytes = (0..4096).map(|_| rng.next() as u8).collect();
            (bytes, "txt")
        }
        _ => {
            // An image saved under a Markdown name.
            let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
            bytes.extend((0..2048).map(|_| rng.next() as u8));
            (bytes, "md")
        }
    }
}

/// The OCR-garbled plans in fixtures/ocr/ with their truth (see tools/make-ocr-fixtures.sh).
pub fn ocr_fixtures() -> Vec<(String, PlanTruth)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ocr");
    let Ok(truths) = fs::read_to_string(dir.join("truth.jsonl")) else {
        return Vec::new();
    };
    truths
        .lines()
        .map(|line| {
            let truth: PlanTruth = serde_json::from_str(line).expect("fixtures/ocr/truth.jsonl");
            let text = fs::read_to_string(dir.join(&truth.file)).expect("OCR fixture text");
            (text, truth)
        })
        .collect()
}

/// Writes `count` plans under `dir` (in folders of 100) and returns what each states, in file order.
pub fn generate(dir: &Path, count: usize, seed: u64, mix: Mix) -> std::io::Result<Vec<PlanTruth>> {
    let mut rng = Rng::new(seed);
    let ocr = if mix.ocr > 0 {
        ocr_fixtures()
    } else {
        Vec::new()
    };
    let mut truths = Vec::with_capacity(count);
    for index in 0..count {
        let mut kind = mix.kind(rng.below(100));
        if kind == Kind::Ocr && ocr.is_empty() {
            kind = Kind::Clean;
        }
        let folder = PathBuf::from(format!("cum-{:02}", index / 100));
        let stem = format!("ke-hoach-{index:05}");
        let (bytes, truth) = match kind {
            Kind::Corrupt => {
                let (bytes, ext) = corrupt(&mut rng, index);
                let file = folder.join(format!("{stem}.{ext}"));
                let truth = PlanTruth {
                    file,
                    kind,
                    issuer: None,
                    level: None,
                    locality: None,
                    year: None,
                    budget_million_vnd: None,
                    targets: Vec::new(),
                };
                (bytes, truth)
            }
            Kind::Ocr => {
                let (text, truth) = &ocr[rng.below(ocr.len() as u64) as usize];
                let file = folder.join(format!("{stem}.txt"));
                (
                    text.clone().into_bytes(),
                    PlanTruth {
                        file,
                        kind,
                        ..truth.clone()
                    },
                )
            }
            _ => {
                let ext = match kind {
                    Kind::Markdown => "md",
                    Kind::Docx => "docx",
                    _ => "txt",
                };
                let file = folder.join(format!("{stem}.{ext}"));
                let (draft, truth) = plan(&mut rng, index, file, kind);
                let bytes = match kind {
                    Kind::Wrapped => draft.wrapped(&mut rng).into_bytes(),
                    Kind::Markdown => draft.markdown().into_bytes(),
                    Kind::Docx => draft.docx(),
                    Kind::Viqr => viqr(&draft.text()).into_bytes(),
                    Kind::Utf16 => {
                        let mut bytes = vec![0xff, 0xfe];
                        bytes.extend(draft.text().encode_utf16().flat_map(u16::to_le_bytes));
                        bytes
                    }
                    _ => draft.text().into_bytes(),
                };
                (bytes, truth)
            }
        };
        let path = dir.join(&truth.file);
        fs::create_dir_all(path.parent().unwrap_or(dir))?;
        fs::File::create(&path)?.write_all(&bytes)?;
        truths.push(truth);
    }
    Ok(truths)
}

/// Writes the truths as JSON Lines, one plan per line.
#[allow(dead_code, reason = "used by examples/gen_batch.rs, not by every test")]
pub fn write_truth(path: &Path, truths: &[PlanTruth]) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(fs::File::create(path)?);
    for truth in truths {
        serde_json::to_writer(&mut out, truth)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
