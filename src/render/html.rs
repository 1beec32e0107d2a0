//! HTML output: the Markdown body through pulldown-cmark, inside the page template.

use pulldown_cmark::{Options, Parser, html::push_html};

use crate::plan::record::PlanRecord;

use super::{RenderError, Renderer, context, markdown};

/// The whole plan as a standalone HTML page.
pub fn render(renderer: &Renderer, record: &PlanRecord) -> Result<String, RenderError> {
    let body = markdown_to_html(&markdown::render_body(renderer, record)?);
    let mut context = context(record);
    context.insert("body", &body);
    renderer.render_template(renderer.html_template(), &context)
}

/// Markdown text as an HTML fragment.
pub fn markdown_to_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 5 / 4);
    push_html(&mut out, Parser::new_ext(text, Options::ENABLE_TABLES));
    out
}
