//! HTML output: the Markdown body through pulldown-cmark, inside the page template.

use pulldown_cmark::{Event, Options, Parser, html::push_html};

use crate::plan::record::PlanRecord;

use super::{Markup, RenderError, Renderer, context, markdown};

/// The whole plan as a standalone HTML page.
pub fn render(renderer: &Renderer, record: &PlanRecord) -> Result<String, RenderError> {
    let body = markdown_to_html(&markdown::render_body(renderer, record)?);
    let mut context = context(record, Markup::Html);
    context.insert("body", &body);
    renderer.render_template(renderer.html_template(), &context)
}

/// Markdown text as an HTML fragment; HTML written in the text is shown as text, not passed on.
pub fn markdown_to_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 5 / 4);
    let events = Parser::new_ext(text, Options::ENABLE_TABLES).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_in_the_text_is_escaped() {
        let html = markdown_to_html("Diện tích <script>x</script> và **đậm**");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("<strong>đậm</strong>"));
    }
}
