//! Render a plan record as Markdown, HTML or DOCX in the layout of Decree 30/2020/NĐ-CP.
//!
//! The Markdown templates (tera, in `templates/`, embedded) hold the wording:
//! one per issuer level, all extending `plan-base.md`. Their `body` block
//! (legal bases, intro, sections, closing) is the body text of every output:
//! HTML gets it through pulldown-cmark inside `plan.html`, DOCX gets it by
//! walking the same Markdown, and lays out the header, title and signature
//! from the record itself.

use crate::text::words::END_MARK;
use crate::text::{lower_first, upper_first};
use std::borrow::Cow;
use std::path::Path;

use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, Value};

use crate::plan::record::{LegalBasis, PlanRecord, Section};

pub mod docx;
pub mod html;
pub mod markdown;
pub mod ooxml;

/// The kinds of document `render` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputKind {
    /// Markdown text.
    Markdown,
    /// A standalone HTML page.
    Html,
    /// A Word document.
    Docx,
}

impl OutputKind {
    /// The output kind for a file name's extension (.md, .markdown, .html, .htm, .docx).
    pub fn from_path(path: &Path) -> Option<OutputKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(OutputKind::Markdown),
            "html" | "htm" => Some(OutputKind::Html),
            "docx" => Some(OutputKind::Docx),
            _ => None,
        }
    }
}

/// The administrative level of the issuing body, which picks the default template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Xã, phường, thị trấn.
    Commune,
    /// Huyện, thị xã, thành phố thuộc tỉnh.
    District,
    /// Tỉnh, thành phố trực thuộc trung ương.
    Province,
}

impl Level {
    /// The level named by a record's `issuer.level` value.
    pub fn from_code(code: &str) -> Option<Level> {
        match code {
            "xa" | "phuong" | "thi_tran" => Some(Level::Commune),
            "huyen" | "thi_xa" | "thanh_pho_thuoc_tinh" => Some(Level::District),
            "tinh" | "thanh_pho_tw" => Some(Level::Province),
            _ => None,
        }
    }

    /// The level of a record's issuer: `issuer.level`, else the unit named in `issuer.name`;
    /// none for a body of no one level ("Đoàn Kiểm tra ...", "Ban Chỉ đạo ..."). A level code
    /// that names no level is an error.
    pub fn of_record(record: &PlanRecord) -> Result<Option<Level>, RenderError> {
        if let Some(code) = record.issuer.level.as_deref() {
            return Level::from_code(code).map(Some).ok_or_else(|| RenderError::Record {
                field: "issuer.level".to_string(),
                message: format!(
                    "unknown level {code:?} (xa, phuong, thi_tran, huyen, thi_xa, thanh_pho_thuoc_tinh, tinh, thanh_pho_tw)"
                ),
            });
        }
        Ok(record
            .issuer
            .name
            .as_deref()
            .and_then(Level::from_issuer_name))
    }

    /// The level of the unit an issuer's name ends with ("Ủy ban nhân dân xã Vĩnh Tuy" → commune).
    fn from_issuer_name(name: &str) -> Option<Level> {
        let lower = name.to_lowercase();
        let unit = issuer_unit_start(&lower).map(|at| &lower[at..])?;
        let starts = |words: &[&str]| words.iter().any(|w| unit.starts_with(w));
        if starts(&["xã ", "phường ", "thị trấn "]) {
            Some(Level::Commune)
        } else if starts(&["huyện ", "quận ", "thị xã "]) {
            Some(Level::District)
        } else if starts(&["tỉnh ", "thành phố "]) {
            // "thành phố" may also be a provincial city; issuer.level tells them apart.
            Some(Level::Province)
        } else {
            None
        }
    }

    /// The name of the default Markdown template for this level.
    pub fn template_name(self) -> &'static str {
        match self {
            Level::Commune => "plan-xa.md",
            Level::District => "plan-huyen.md",
            Level::Province => "plan-tinh.md",
        }
    }
}

/// The templates built into the binary: (name, source).
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    (
        "plan-base.md",
        include_str!("../../templates/plan-base.md.tera"),
    ),
    (
        "plan-xa.md",
        include_str!("../../templates/plan-xa.md.tera"),
    ),
    (
        "plan-huyen.md",
        include_str!("../../templates/plan-huyen.md.tera"),
    ),
    (
        "plan-tinh.md",
        include_str!("../../templates/plan-tinh.md.tera"),
    ),
    ("plan.html", include_str!("../../templates/plan.html.tera")),
];

/// The source of a built-in template by name ("plan-xa.md"; a trailing ".tera" is accepted).
pub fn default_template(name: &str) -> Option<&'static str> {
    let name = name.strip_suffix(".tera").unwrap_or(name);
    DEFAULT_TEMPLATES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, source)| *source)
}

/// Why a record could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template does not parse, or failed while rendering.
    #[error("template {template}: {message}")]
    Template {
        /// The template's name.
        template: String,
        /// What went wrong, with the place in the template.
        message: String,
    },
    /// A template or the DOCX layout uses a field the record does not have.
    #[error(
        "{place} needs `{field}`, which the plan record does not have (set it in the record, or in the data file of `draft`)"
    )]
    MissingField {
        /// Where it is needed: "template plan-xa.md, line 12" or "the DOCX layout".
        place: String,
        /// The record field, as a path ("signature.name").
        field: String,
    },
    /// A record field has a value the renderer cannot use.
    #[error("{field}: {message}")]
    Record {
        /// The record field, as a path.
        field: String,
        /// What is wrong with it.
        message: String,
    },
    /// The DOCX package could not be written.
    #[error("cannot write the DOCX package: {0}")]
    Docx(String),
}

/// A template given by the user in place of a default one.
#[derive(Debug, Clone)]
pub struct UserTemplate {
    /// Its name, used in messages and to tell Markdown from HTML (".html" or ".html.tera" → HTML).
    pub name: String,
    /// Its tera source.
    pub source: String,
}

impl UserTemplate {
    /// Reads a template file.
    pub fn from_file(path: &Path) -> std::io::Result<UserTemplate> {
        let source = std::fs::read_to_string(path)?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Ok(UserTemplate { name, source })
    }

    /// True when the template makes the HTML page (rather than the Markdown text).
    pub fn is_html(&self) -> bool {
        let name = self.name.strip_suffix(".tera").unwrap_or(&self.name);
        name.ends_with(".html") || name.ends_with(".htm")
    }
}

/// The set of templates a render uses: the defaults, plus a user's own.
pub struct Renderer {
    tera: Tera,
    user_markdown: Option<String>,
    user_html: Option<String>,
    user_source: Option<(String, String)>,
}

impl Renderer {
    /// A renderer with the built-in templates only.
    pub fn new() -> Renderer {
        Renderer::with_template(None).expect("the built-in templates parse")
    }

    /// A renderer that uses `template` (if any) in place of the default of its kind.
    pub fn with_template(template: Option<&UserTemplate>) -> Result<Renderer, RenderError> {
        let mut tera = Tera::new();
        register_filters(&mut tera);
        tera.add_raw_templates(DEFAULT_TEMPLATES.iter().copied())
            .map_err(|err| template_error("built-in templates", &err))?;
        let mut renderer = Renderer {
            tera,
            user_markdown: None,
            user_html: None,
            user_source: None,
        };
        if let Some(template) = template {
            // Without ".tera", so that tera escapes HTML in an .html.tera template.
            let name = format!(
                "user:{}",
                template
                    .name
                    .strip_suffix(".tera")
                    .unwrap_or(&template.name)
            );
            renderer
                .tera
                .add_raw_template(&name, &template.source)
                .map_err(|err| template_error(&template.name, &err))?;
            renderer.user_source = Some((name.clone(), template.source.clone()));
            if template.is_html() {
                renderer.user_html = Some(name);
            } else {
                renderer.user_markdown = Some(name);
            }
        }
        Ok(renderer)
    }

    /// Renders `record` as a document of the given kind, as the bytes of the file.
    pub fn render(&self, record: &PlanRecord, kind: OutputKind) -> Result<Vec<u8>, RenderError> {
        let printable = printable(record);
        let record = printable.as_ref().unwrap_or(record);
        let titled = with_capital_title(record);
        let record = titled.as_ref().unwrap_or(record);
        match kind {
            OutputKind::Markdown => markdown::render(self, record).map(String::into_bytes),
            OutputKind::Html => html::render(self, record).map(String::into_bytes),
            OutputKind::Docx => docx::render(self, record),
        }
    }

    /// The name of the Markdown template to use for `record`: the user's, the one of its
    /// issuer's level, or the base template (whose closing paragraph names no one below the
    /// issuer) for an issuer of no one level.
    fn markdown_template(&self, record: &PlanRecord) -> Result<String, RenderError> {
        match &self.user_markdown {
            Some(name) => Ok(name.clone()),
            None => Ok(Level::of_record(record)?
                .map_or("plan-base.md", Level::template_name)
                .to_string()),
        }
    }

    /// The name of the HTML template.
    fn html_template(&self) -> &str {
        self.user_html.as_deref().unwrap_or("plan.html")
    }

    /// Renders a whole template with the record's context.
    fn render_template(&self, name: &str, context: &Context) -> Result<String, RenderError> {
        self.tera
            .render(name, context)
            .map_err(|err| self.render_error(name, &err))
    }

    /// Renders one block of a template (the Markdown `body` for HTML and DOCX).
    fn render_block(
        &self,
        name: &str,
        block: &str,
        context: &Context,
    ) -> Result<String, RenderError> {
        self.tera
            .render_block(name, block, context)
            .map_err(|err| self.render_error(name, &err))
    }

    /// The source of a template by its tera name.
    fn source_of(&self, name: &str) -> Option<&str> {
        match &self.user_source {
            Some((user, source)) if user == name => Some(source),
            _ => DEFAULT_TEMPLATES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, source)| *source),
        }
    }

    /// A tera error as a [`RenderError`]: a missing record field gets its own message.
    fn render_error(&self, template: &str, err: &tera::Error) -> RenderError {
        let shown = template.strip_prefix("user:").unwrap_or(template);
        if let tera::ErrorKind::RenderingError(report) = err.kind() {
            let undefined = report.message().contains("undefined")
                || report.message().contains("is not defined");
            // The field the expression ends with, or the one a filter was given
            // ("record.issuer.name | issuer_lines").
            let span = &report.span().range;
            let field = self.source_of(report.filename()).and_then(|source| {
                path_ending_at(source, span.end)
                    .and_then(record_path)
                    .or_else(|| {
                        source
                            .get(span.start..)
                            .filter(|rest| rest.starts_with("record."))
                            .and_then(record_path)
                    })
            });
            if undefined && let Some(field) = field {
                return RenderError::MissingField {
                    place: format!(
                        "template {}, line {}",
                        report_name(report.filename(), shown),
                        report.span().start_line
                    ),
                    field,
                };
            }
        }
        template_error(shown, err)
    }
}

impl Default for Renderer {
    fn default() -> Self {
        Renderer::new()
    }
}

/// Renders `record` with the default templates.
pub fn render(record: &PlanRecord, kind: OutputKind) -> Result<Vec<u8>, RenderError> {
    Renderer::new().render(record, kind)
}

/// The record with its title starting with a capital, when it does not: a trích yếu starts
/// with one, as Decree 30 sets it, whatever the source wrote ("thực hiện Nghị quyết ..." under
/// a Party body's KẾ HOẠCH).
fn with_capital_title(record: &PlanRecord) -> Option<PlanRecord> {
    let title = record.title.as_deref()?;
    let capital = upper_first(title);
    (capital != title).then(|| PlanRecord {
        title: Some(capital),
        ..record.clone()
    })
}

/// The record with the control characters of its text taken out, when it has any: no
/// document holds them, and a Word document whose XML has one does not open. (`kehoach
/// normalize` takes them out of what it reads; a record or a data file written by hand may
/// still have them.) A line, page or paragraph break inside a field is a space.
fn printable(record: &PlanRecord) -> Option<PlanRecord> {
    /// A character no document text holds: C0 and C1 controls (but tab and newline), the
    /// non-characters U+FFFE and U+FFFF, and the separators that only a break stands for.
    fn is_control(c: char) -> bool {
        (c.is_control() && c != '\t' && c != '\n')
            || matches!(c, '\u{FFFE}' | '\u{FFFF}' | '\u{2028}' | '\u{2029}')
    }
    let without_controls = |text: &str| {
        text.contains(is_control).then(|| {
            text.chars()
                .filter_map(|c| match c {
                    '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some(' '),
                    c if is_control(c) => None,
                    c => Some(c),
                })
                .collect()
        })
    };
    let mut value = serde_json::to_value(record).ok()?;
    edit_strings(&mut value, &without_controls)
        .then(|| serde_json::from_value(value).ok())
        .flatten()
}

/// Rewrites every string in `value` that `edit` changes (`Some`); true when one was.
fn edit_strings(value: &mut serde_json::Value, edit: &dyn Fn(&str) -> Option<String>) -> bool {
    match value {
        serde_json::Value::String(text) => edit(text).map(|new| *text = new).is_some(),
        serde_json::Value::Array(items) => items
            .iter_mut()
            .fold(false, |changed, item| edit_strings(item, edit) | changed),
        serde_json::Value::Object(fields) => fields
            .values_mut()
            .fold(false, |changed, item| edit_strings(item, edit) | changed),
        _ => false,
    }
}

/// One heading of the section tree, flattened for templates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionView {
    /// Depth in the tree (0 for "I.").
    pub depth: usize,
    /// The label with its punctuation: "I.", "1.", "1.1.", "a)".
    pub marker: String,
    /// Heading text ("" when the item has none, e.g. "1. Tiếp tục ...").
    pub title: String,
    /// True for lettered points ("a)"), which are not bold.
    pub point: bool,
    /// True when the title is a sentence rather than a heading ("1. Tiếp tục duy trì ... gồm"):
    /// only its marker is bold, and it gets back its closing punctuation.
    pub sentence: bool,
    /// The punctuation a sentence title ends with: ":" before a list, "." otherwise, "" if it has one.
    pub end: String,
    /// The paragraphs of text under the heading.
    pub paragraphs: Vec<String>,
}

/// A heading longer than this many words is a sentence (headings are short phrases).
const SENTENCE_WORDS: usize = 20;

/// Flattens a section tree into reading order.
pub fn section_views(sections: &[Section]) -> Vec<SectionView> {
    fn walk(sections: &[Section], depth: usize, out: &mut Vec<SectionView>) {
        for section in sections {
            let label = section.label.trim();
            let point = !label.is_empty() && label.chars().all(char::is_lowercase);
            let marker = if label.is_empty() {
                String::new()
            } else if point {
                format!("{label})")
            } else {
                format!("{}.", label.trim_end_matches('.'))
            };
            let title = section.title.trim().to_string();
            let paragraphs = paragraphs(&section.text);
            let sentence = title.split_whitespace().count() > SENTENCE_WORDS
                || title.ends_with(['.', ':', ';']);
            let end = if title.ends_with(['.', ':', ';', '?', '!']) {
                ""
            } else if paragraphs
                .first()
                .is_some_and(|p| p.starts_with("- ") || p.starts_with("+ "))
            {
                ":"
            } else {
                "."
            };
            out.push(SectionView {
                depth,
                marker,
                title,
                point,
                sentence,
                end: end.to_string(),
                paragraphs,
            });
            walk(&section.children, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(sections, 0, &mut out);
    out
}

/// Splits a text field into paragraphs: one per non-empty line.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

/// True when the record's own text already ends the body with "./.".
fn has_closing(record: &PlanRecord) -> bool {
    fn last_text(sections: &[Section]) -> Option<&str> {
        let last = sections.last()?;
        last_text(&last.children).or(Some(last.text.as_str()))
    }
    last_text(&record.sections).is_some_and(|text| text.trim_end().ends_with(END_MARK))
}

/// What a template writes: Markdown (the plan templates, whose text also makes the HTML and
/// DOCX bodies) or HTML (the page around it, which tera escapes itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Markup {
    /// The record's text is escaped for Markdown ([`escape_markdown`]).
    Markdown,
    /// The record's text is given as it is.
    Html,
}

/// The tera context for a record: `record` (nulls removed), `sections`, `has_closing`; in
/// Markdown, with the record's text escaped so that it prints as written.
fn context(record: &PlanRecord, markup: Markup) -> Context {
    let mut value = serde_json::to_value(record).expect("a record serializes");
    strip_nulls(&mut value);
    let mut sections =
        serde_json::to_value(section_views(&record.sections)).expect("section views serialize");
    if markup == Markup::Markdown {
        let escape = |text: &str| match escape_markdown(text) {
            Cow::Owned(escaped) => Some(escaped),
            Cow::Borrowed(_) => None,
        };
        edit_strings(&mut value, &escape);
        edit_strings(&mut sections, &escape);
    }
    let mut context = Context::new();
    context.insert("record", &value);
    context.insert("sections", &sections);
    context.insert("has_closing", &has_closing(record));
    context
}

/// Text as Markdown that prints it as written: a backslash before each character that would
/// start emphasis, a link, code, a table cell or an HTML tag ("(*) theo mẫu 2*3", "ngày
/// __/__/2027", "[xem](javascript:...)"), and before a "#" that starts the text. List dashes
/// and numbers are left as they are: the templates set items so on purpose.
fn escape_markdown(text: &str) -> Cow<'_, str> {
    const SPECIAL: &[char] = &['\\', '*', '_', '[', ']', '`', '~', '|', '<', '>'];
    if !text.contains(SPECIAL) && !text.starts_with('#') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        if SPECIAL.contains(&c) || (i == 0 && c == '#') {
            out.push('\\');
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// Removes null fields, so that a template using one fails instead of printing nothing.
fn strip_nulls(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(strip_nulls);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}

/// The template name for messages ("user:x.md" → "x.md").
fn report_name(filename: &str, fallback: &str) -> String {
    let name = filename.strip_prefix("user:").unwrap_or(filename);
    if name.is_empty() {
        fallback.to_string()
    } else {
        name.to_string()
    }
}

/// The dotted path that ends at byte `end` of a template source ("record.signature.name").
fn path_ending_at(source: &str, end: usize) -> Option<&str> {
    let head = source.get(..end)?;
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '.'))
        .map_or(0, |(at, c)| at + c.len_utf8());
    Some(&head[start..])
}

/// The record field path in a template expression ("record.signature.name | upper" → "signature.name").
fn record_path(expression: &str) -> Option<String> {
    let at = expression.find("record.")?;
    let path: String = expression[at + "record.".len()..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
        .collect();
    let path = path.trim_end_matches('.');
    (!path.is_empty()).then(|| path.to_string())
}

/// Any other tera error, with tera's report of where it happened.
fn template_error(template: &str, err: &tera::Error) -> RenderError {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    RenderError::Template {
        template: template
            .strip_prefix("user:")
            .unwrap_or(template)
            .to_string(),
        message,
    }
}

/// The non-breaking spaces left for a blank day or month, to be written in by hand.
const BLANK: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";

/// The day of a date line: two digits ("05"), or a blank to fill in.
pub fn day_text(day: Option<u32>) -> String {
    day.map_or_else(|| BLANK.to_string(), |d| format!("{d:02}"))
}

/// The month of a date line: months 1 and 2 get a leading zero ("01"), others none; or a blank.
pub fn month_text(month: Option<u32>) -> String {
    match month {
        Some(m @ 1..=2) => format!("{m:02}"),
        Some(m) => m.to_string(),
        None => BLANK.to_string(),
    }
}

/// The year of a date line, or a blank.
pub fn year_text(year: Option<i32>) -> String {
    year.map_or_else(|| BLANK.to_string(), |y| y.to_string())
}

/// The issuer's name as header lines in upper case: "ỦY BAN NHÂN DÂN", "XÃ VĨNH TUY".
pub fn issuer_lines(name: &str) -> Vec<String> {
    let name = name.trim();
    let lower = name.to_lowercase();
    match issuer_unit_start(&lower) {
        Some(at) if at > 0 => vec![
            name[..at].trim().to_uppercase(),
            name[at..].trim().to_uppercase(),
        ],
        _ => vec![name.to_uppercase()],
    }
}

/// Byte offset of the administrative unit in a lower-case issuer name ("... xã Vĩnh Tuy").
fn issuer_unit_start(lower: &str) -> Option<usize> {
    const BODY: &str = "ủy ban nhân dân ";
    const BODY_MODERN: &str = "uỷ ban nhân dân ";
    let rest_at = if lower.starts_with(BODY) {
        BODY.len()
    } else if lower.starts_with(BODY_MODERN) {
        BODY_MODERN.len()
    } else {
        return None;
    };
    Some(rest_at)
}

/// A cited document as the sentence that cites it ("Căn cứ Quyết định số ... ngày ... của ...").
pub fn basis_sentence(basis: &LegalBasis) -> String {
    let kind = basis.kind.as_deref().unwrap_or("").trim();
    let kind_lower = kind.to_lowercase();
    // Normative acts are "căn cứ"; letters and other documents asking for action are "thực hiện".
    let mut out = if matches!(kind_lower.as_str(), "văn bản" | "công văn") {
        format!("Thực hiện {kind_lower}")
    } else if kind.is_empty() {
        "Căn cứ".to_string()
    } else {
        format!("Căn cứ {kind}")
    };
    if let Some(number) = basis.number.as_deref() {
        out.push_str(&format!(" số {number}"));
    }
    if let Some(date) = basis.date.as_deref() {
        out.push_str(&format!(" ngày {}", iso_to_vietnamese_date(date)));
    }
    if let Some(issuer) = basis.issuer.as_deref() {
        out.push_str(&format!(" của {issuer}"));
    }
    if let Some(subject) = basis.subject.as_deref() {
        out.push(' ');
        out.push_str(subject.trim().trim_end_matches([';', '.', ',']));
    }
    out
}

/// "2023-02-24" → "24/02/2023" (other shapes are kept as they are).
fn iso_to_vietnamese_date(date: &str) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => format!("{d}/{m}/{y}"),
        [y, m] if y.len() == 4 => format!("{m}/{y}"),
        _ => date.to_string(),
    }
}

/// An optional number from a template value (undefined or none → None).
fn optional_u32(value: &Value) -> Option<u32> {
    value.as_i64().and_then(|n| u32::try_from(n).ok())
}

/// Registers the filters the templates use.
fn register_filters(tera: &mut Tera) {
    tera.register_filter("issuer_lines", |name: &str, _: Kwargs, _: &State| {
        issuer_lines(name)
    });
    tera.register_filter("doc_day", |day: &Value, _: Kwargs, _: &State| {
        day_text(optional_u32(day))
    });
    tera.register_filter("doc_month", |month: &Value, _: Kwargs, _: &State| {
        month_text(optional_u32(month))
    });
    tera.register_filter("doc_year", |year: &Value, _: Kwargs, _: &State| {
        year_text(year.as_i64().and_then(|y| i32::try_from(y).ok()))
    });
    tera.register_filter("lower_first", |text: &str, _: Kwargs, _: &State| {
        lower_first(text)
    });
    tera.register_filter(
        "basis_sentence",
        |basis: &Value, _: Kwargs, _: &State| -> tera::TeraResult<String> {
            let json =
                serde_json::to_value(basis).map_err(|err| tera::Error::message(err.to_string()))?;
            let basis: LegalBasis = serde_json::from_value(json)
                .map_err(|err| tera::Error::message(format!("not a legal basis: {err}")))?;
            Ok(basis_sentence(&basis))
        },
    );
    tera.register_filter("markdown", |text: &str, _: Kwargs, _: &State| {
        Value::safe_string(&html::markdown_to_html(text))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuer_lines_split_body_and_unit() {
        assert_eq!(
            issuer_lines("Ủy ban nhân dân xã Vĩnh Tuy"),
            ["ỦY BAN NHÂN DÂN", "XÃ VĨNH TUY"]
        );
        assert_eq!(issuer_lines("Sở Nông nghiệp"), ["SỞ NÔNG NGHIỆP"]);
    }

    #[test]
    fn dates_follow_the_decree() {
        assert_eq!(day_text(Some(5)), "05");
        assert_eq!(month_text(Some(1)), "01");
        assert_eq!(month_text(Some(3)), "3");
        assert_eq!(month_text(Some(12)), "12");
        assert!(day_text(None).chars().all(|c| c == '\u{a0}'));
    }

    #[test]
    fn levels_from_codes_and_names() {
        assert_eq!(Level::from_code("phuong"), Some(Level::Commune));
        assert_eq!(Level::from_code("thi_xa"), Some(Level::District));
        assert_eq!(
            Level::from_issuer_name("Ủy ban nhân dân tỉnh Tuyên Quang"),
            Some(Level::Province)
        );
        assert_eq!(
            Level::from_issuer_name("Ủy ban nhân dân huyện Mèo Vạc"),
            Some(Level::District)
        );
    }

    #[test]
    fn basis_sentence_reads_like_the_plans() {
        let basis = LegalBasis {
            kind: Some("Quyết định".into()),
            number: Some("148/QĐ-TTg".into()),
            date: Some("2023-02-24".into()),
            issuer: Some("Thủ tướng Chính phủ".into()),
            subject: Some("ban hành Bộ tiêu chí;".into()),
        };
        assert_eq!(
            basis_sentence(&basis),
            "Căn cứ Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ ban hành Bộ tiêu chí"
        );
    }

    #[test]
    fn sections_flatten_with_markers() {
        let sections = vec![Section {
            label: "I".into(),
            title: "MỤC TIÊU".into(),
            text: String::new(),
            children: vec![Section {
                label: "a".into(),
                title: String::new(),
                text: "Một\n\nHai".into(),
                children: vec![],
            }],
        }];
        let views = section_views(&sections);
        assert_eq!(views[0].marker, "I.");
        assert!(!views[0].point);
        assert_eq!(views[1].marker, "a)");
        assert!(views[1].point);
        assert_eq!(views[1].paragraphs, ["Một", "Hai"]);
    }

    #[test]
    fn lower_first_keeps_acronyms() {
        assert_eq!(lower_first("Triển khai"), "triển khai");
        assert_eq!(lower_first("OCOP năm 2026"), "OCOP năm 2026");
    }
}
