//! DOCX output in the layout of Decree 30/2020/NĐ-CP, Appendix I (form 1.4).
//!
//! The header, title and signature block are laid out from the record; the
//! body is the Markdown `body` block of the template, walked with pulldown-cmark.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BorderType, Docx, Header, LineSpacing, LineSpacingType, PageMargin, PageNum,
    Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts,
    SpecialIndentType, Table, TableCell, TableLayoutType, TableRow, WidthType,
};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::plan::record::PlanRecord;

use super::{
    RenderError, Renderer, day_text, issuer_lines, markdown, month_text, ooxml, year_text,
};

/// A4 width in twips (210 mm).
pub const PAGE_WIDTH: u32 = 11906;
/// A4 height in twips (297 mm).
pub const PAGE_HEIGHT: u32 = 16838;
/// Top margin: 25 mm.
pub const MARGIN_TOP: i32 = 1417;
/// Bottom margin: 20 mm.
pub const MARGIN_BOTTOM: i32 = 1134;
/// Left margin: 35 mm.
pub const MARGIN_LEFT: i32 = 1984;
/// Right margin: 20 mm.
pub const MARGIN_RIGHT: i32 = 1134;
/// First-line indent of body paragraphs: 1.25 cm.
pub const FIRST_LINE_INDENT: i32 = 709;
/// Space after a body paragraph: 6 pt.
pub const SPACE_AFTER: u32 = 120;
/// The font the decree prescribes.
pub const FONT: &str = "Times New Roman";

/// Width of the text between the margins, in twips.
const TEXT_WIDTH: usize = (PAGE_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize;
/// Header table: issuer column (60 mm) and the national name column (100 mm, as the decree's).
const HEADER_LEFT: usize = 3402;
/// The national name column: 100 mm, so "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" fits on one line.
const HEADER_RIGHT: usize = 5669;
/// The header table is wider than the text; it starts this far into the left margin (5 mm).
const HEADER_INDENT: i32 = -283;
/// Signature table: recipients column (about 60 mm) and the signer column.
const SIGNATURE_LEFT: usize = 3402;

/// Font sizes in half-points.
mod size {
    /// 11 pt: recipients.
    pub const RECIPIENT: usize = 22;
    /// 12 pt: "Nơi nhận:".
    pub const RECIPIENTS_HEADING: usize = 24;
    /// 13 pt: issuer, national name, number.
    pub const HEADER: usize = 26;
    /// 14 pt: motto, date line, title, body, signature.
    pub const BODY: usize = 28;
}

/// Renders the record as the bytes of a .docx file.
pub fn render(renderer: &Renderer, record: &PlanRecord) -> Result<Vec<u8>, RenderError> {
    let body = markdown::render_body(renderer, record)?;
    let layout = Layout::of(record)?;
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(709)
                .footer(709),
        )
        .default_fonts(fonts())
        .default_size(size::BODY)
        .header(page_number_header())
        .first_header(Header::new())
        .title_pg()
        .add_table(layout.header_table())
        .add_paragraph(
            centered(vec![text_run("KẾ HOẠCH", size::BODY).bold()])
                .line_spacing(LineSpacing::new().before(240).after(0)),
        )
        .add_paragraph(centered(vec![text_run(&layout.title, size::BODY).bold()]))
        .add_paragraph(
            rule(TEXT_WIDTH, TEXT_WIDTH / 5).line_spacing(LineSpacing::new().after(240)),
        );
    for paragraph in body_paragraphs(&body) {
        docx = docx.add_paragraph(paragraph);
    }
    docx = docx
        .add_paragraph(Paragraph::new().size(size::BODY))
        .add_table(layout.signature_table());
    let mut bytes = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|err| RenderError::Docx(err.to_string()))?;
    ooxml::canonical_package(&bytes.into_inner()).map_err(RenderError::Docx)
}

/// The pieces of the header and signature, taken from the record.
struct Layout {
    issuer: Vec<String>,
    number: String,
    place_date: String,
    title: String,
    recipients: Vec<String>,
    signer_lines: Vec<String>,
    signer_name: String,
}

impl Layout {
    /// Collects the layout's pieces; a piece the record lacks is an error naming its field.
    fn of(record: &PlanRecord) -> Result<Layout, RenderError> {
        let need = |value: Option<&String>, field: &str| {
            value.cloned().ok_or_else(|| RenderError::MissingField {
                place: "the DOCX layout".to_string(),
                field: field.to_string(),
            })
        };
        let issuer = issuer_lines(&need(record.issuer.name.as_ref(), "issuer.name")?);
        // A blank number is left for the clerk to fill in when the plan is issued.
        let blank = "\u{a0}".repeat(6);
        let number = match (&record.number, &record.symbol) {
            (Some(number), _) => format!("Số: {number}"),
            (None, Some(symbol)) => format!("Số: {blank}/{symbol}"),
            (None, None) => format!("Số: {blank}"),
        };
        // The place and date line: left out when the plan has neither (as its source had none);
        // a date without its place is an error, blank day and month are left to fill in.
        let place_date = if record.place.is_some() || record.date.year.is_some() {
            format!(
                "{}, ngày {} tháng {} năm {}",
                need(record.place.as_ref(), "place")?,
                day_text(record.date.day),
                month_text(record.date.month),
                year_text(record.date.year),
            )
        } else {
            String::new()
        };
        let signature = &record.signature;
        let signer_lines = [&signature.authority, &signature.capacity, &signature.title]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        Ok(Layout {
            issuer,
            number,
            place_date,
            title: need(record.title.as_ref(), "title")?,
            recipients: record.recipients.clone(),
            signer_lines,
            signer_name: need(signature.name.as_ref(), "signature.name")?,
        })
    }

    /// The borderless two-column header: issuer and number | national name, motto and date.
    fn header_table(&self) -> Table {
        let right = HEADER_RIGHT;
        let mut issuer_cell = TableCell::new().width(HEADER_LEFT, WidthType::Dxa);
        for line in &self.issuer {
            issuer_cell = issuer_cell.add_paragraph(
                centered(vec![text_run(line, size::HEADER).bold()]).line_spacing(tight()),
            );
        }
        let issuer_width = estimated_width(self.issuer.iter().map(String::as_str), size::HEADER);
        issuer_cell = issuer_cell.add_paragraph(rule(HEADER_LEFT, issuer_width * 2 / 5));
        let motto = "Độc lập - Tự do - Hạnh phúc";
        let nation_cell = TableCell::new()
            .width(right, WidthType::Dxa)
            .add_paragraph(
                centered(vec![
                    text_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size::HEADER).bold(),
                ])
                .line_spacing(tight()),
            )
            .add_paragraph(centered(vec![text_run(motto, size::BODY).bold()]).line_spacing(tight()))
            .add_paragraph(rule(right, estimated_width([motto], size::BODY)));
        let number_cell = TableCell::new()
            .width(HEADER_LEFT, WidthType::Dxa)
            .add_paragraph(
                centered(vec![text_run(&self.number, size::HEADER)]).line_spacing(tight()),
            );
        let date_cell = TableCell::new().width(right, WidthType::Dxa).add_paragraph(
            centered(vec![text_run(&self.place_date, size::BODY).italic()]).line_spacing(tight()),
        );
        borderless(
            vec![
                TableRow::new(vec![issuer_cell, nation_cell]),
                TableRow::new(vec![number_cell, date_cell]),
            ],
            &[HEADER_LEFT, right],
        )
        .indent(HEADER_INDENT)
    }

    /// The borderless two-column closing: "Nơi nhận:" and its list | the signer.
    fn signature_table(&self) -> Table {
        let right = TEXT_WIDTH - SIGNATURE_LEFT;
        let mut recipients = TableCell::new()
            .width(SIGNATURE_LEFT, WidthType::Dxa)
            .add_paragraph(
                Paragraph::new()
                    .add_run(
                        text_run("Nơi nhận:", size::RECIPIENTS_HEADING)
                            .bold()
                            .italic(),
                    )
                    .line_spacing(tight()),
            );
        let count = self.recipients.len();
        for (i, recipient) in self.recipients.iter().enumerate() {
            let end = if i + 1 == count { "." } else { ";" };
            recipients = recipients.add_paragraph(
                Paragraph::new()
                    .add_run(text_run(&format!("- {recipient}{end}"), size::RECIPIENT))
                    .line_spacing(tight()),
            );
        }
        let mut signer = TableCell::new().width(right, WidthType::Dxa);
        for line in &self.signer_lines {
            signer = signer.add_paragraph(
                centered(vec![text_run(line, size::BODY).bold()]).line_spacing(tight()),
            );
        }
        for _ in 0..4 {
            signer = signer.add_paragraph(Paragraph::new().size(size::BODY).line_spacing(tight()));
        }
        signer = signer.add_paragraph(
            centered(vec![text_run(&self.signer_name, size::BODY).bold()]).line_spacing(tight()),
        );
        // The signature block stays on one page.
        borderless(
            vec![TableRow::new(vec![recipients, signer]).cant_split()],
            &[SIGNATURE_LEFT, right],
        )
    }
}

/// Times New Roman for every script.
fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// A run of text in the decree's font at `half_points`.
fn text_run(text: &str, half_points: usize) -> Run {
    Run::new().add_text(text).fonts(fonts()).size(half_points)
}

/// A centred paragraph of runs.
fn centered(runs: Vec<Run>) -> Paragraph {
    runs.into_iter().fold(
        Paragraph::new().align(AlignmentType::Center),
        Paragraph::add_run,
    )
}

/// Single spacing with nothing between lines (header and signature cells).
fn tight() -> LineSpacing {
    LineSpacing::new()
        .before(0)
        .after(0)
        .line(240)
        .line_rule(LineSpacingType::Auto)
}

/// A short solid rule: an empty paragraph `length` wide, centred in `width`, with a bottom border.
fn rule(width: usize, length: usize) -> Paragraph {
    let side = (width.saturating_sub(length) / 2) as i32;
    let mut paragraph = Paragraph::new()
        .size(4)
        .indent(Some(side), None, Some(side), None)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(80)
                .line_rule(LineSpacingType::Exact),
        );
    paragraph.property = paragraph.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6)
                .space(1)
                .color("000000"),
        ),
    );
    paragraph
}

/// A rough width in twips of the longest of `lines` in bold Times New Roman at `half_points`.
fn estimated_width<'a>(lines: impl IntoIterator<Item = &'a str>, half_points: usize) -> usize {
    // An average Times New Roman letter, bold, is about half an em wide.
    let longest = lines
        .into_iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    longest * half_points * 10 / 2 * 11 / 10
}

/// A fixed-layout table of the given column widths with every border off.
fn borderless(rows: Vec<TableRow>, columns: &[usize]) -> Table {
    Table::new(rows)
        .set_grid(columns.to_vec())
        .width(columns.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .clear_all_border()
}

/// The header of pages 2 onwards: the page number, centred (page 1 has an empty first-page header).
fn page_number_header() -> Header {
    Header::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .fonts(fonts())
            .size(size::BODY)
            .add_page_num(PageNum::new()),
    )
}

/// A body paragraph: justified, first line indented, 6 pt after.
fn body_paragraph() -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(FIRST_LINE_INDENT)),
            None,
            None,
        )
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(SPACE_AFTER)
                .line(276)
                .line_rule(LineSpacingType::Auto),
        )
}

/// Walks the Markdown body into DOCX paragraphs: bold and italic kept, list items as "- " lines.
pub fn body_paragraphs(markdown: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current: Option<Paragraph> = None;
    let mut bold = 0usize;
    let mut italic = 0usize;
    let mut lists = 0usize;
    let flush = |current: &mut Option<Paragraph>, out: &mut Vec<Paragraph>| {
        if let Some(paragraph) = current.take() {
            out.push(paragraph);
        }
    };
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        match event {
            Event::Start(Tag::Paragraph) => {
                let item_open =
                    current.as_ref().is_some_and(|p| p.children.len() == 1) && lists > 0;
                if !item_open {
                    flush(&mut current, &mut out);
                    current = Some(body_paragraph());
                }
            }
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut current, &mut out);
                current = Some(centered(vec![]).keep_next(true));
                bold += 1;
            }
            Event::End(TagEnd::Heading(_)) => {
                bold = bold.saturating_sub(1);
                flush(&mut current, &mut out);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) => flush(&mut current, &mut out),
            Event::Start(Tag::List(_)) => lists += 1,
            Event::End(TagEnd::List(_)) => lists = lists.saturating_sub(1),
            Event::Start(Tag::Item) => {
                flush(&mut current, &mut out);
                // The item's marker as written ("-", "+", "3.", "2)"), not renumbered.
                let marker = markdown[range]
                    .split_whitespace()
                    .next()
                    .map_or_else(|| "-".to_string(), str::to_string);
                let marker = format!("{marker} ");
                current = Some(body_paragraph().add_run(text_run(&marker, size::BODY)));
            }
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                let mut run = text_run(&text, size::BODY);
                if bold > 0 {
                    run = run.bold();
                }
                if italic > 0 {
                    run = run.italic();
                }
                let paragraph = current.take().unwrap_or_else(body_paragraph);
                current = Some(paragraph.add_run(run));
            }
            Event::SoftBreak => {
                let paragraph = current.take().unwrap_or_else(body_paragraph);
                current = Some(paragraph.add_run(text_run(" ", size::BODY)));
            }
            Event::HardBreak => {
                let paragraph = current.take().unwrap_or_else(body_paragraph);
                current =
                    Some(paragraph.add_run(Run::new().add_break(docx_rs::BreakType::TextWrapping)));
            }
            _ => {}
        }
    }
    flush(&mut current, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_keeps_paragraphs_and_items() {
        let paragraphs =
            body_paragraphs("**I. MỤC TIÊU**\n\nMột câu.\n\n- Hai;\n- Ba.\n\n+ Bốn;\n\n3) Năm.\n");
        let texts: Vec<String> = paragraphs.iter().map(|p| p.raw_text()).collect();
        assert_eq!(
            texts,
            [
                "I. MỤC TIÊU",
                "Một câu.",
                "- Hai;",
                "- Ba.",
                "+ Bốn;",
                "3) Năm."
            ]
        );
    }
}
