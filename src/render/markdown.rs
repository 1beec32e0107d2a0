//! Markdown output: the level's template rendered with the record.

use crate::plan::record::PlanRecord;

use super::{Markup, RenderError, Renderer, context};

/// The whole plan as Markdown.
pub fn render(renderer: &Renderer, record: &PlanRecord) -> Result<String, RenderError> {
    let name = renderer.markdown_template(record)?;
    let text = renderer.render_template(&name, &context(record, Markup::Markdown))?;
    Ok(tidy(&text))
}

/// The body of the plan (legal bases, intro, sections, closing) as Markdown.
pub fn render_body(renderer: &Renderer, record: &PlanRecord) -> Result<String, RenderError> {
    let name = renderer.markdown_template(record)?;
    let text = renderer.render_block(&name, "body", &context(record, Markup::Markdown))?;
    Ok(tidy(&text))
}

/// Trims trailing spaces, collapses runs of blank lines, ends with one newline.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim_end_matches([' ', '\t']);
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_collapses_blank_lines() {
        assert_eq!(tidy("\n\na  \n\n\n\nb\n\n"), "a\n\nb\n");
    }
}
