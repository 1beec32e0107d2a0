//! Puts the children of WordprocessingML property elements in the order the schema
//! (ECMA-376) prescribes. docx-rs writes some of them out of order (`w:sz` before
//! `w:b`, `w:rPr` first in `w:pPr`, `w:headerReference` after `w:pgSz`), which
//! LibreOffice accepts but Word may "repair".

use std::io::{Cursor, Read, Write};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

/// The schema order of the children of each property element we write.
const ORDERS: &[(&str, &[&str])] = &[
    (
        "w:style",
        &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:hidden",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference",
            "w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
    ),
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:ins",
            "w:del",
            "w:moveFrom",
            "w:moveTo",
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
        ],
    ),
    (
        "w:pBdr",
        &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:between",
            "w:bar",
        ],
    ),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
        ],
    ),
    (
        "w:tblBorders",
        &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:insideH",
            "w:insideV",
        ],
    ),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
        ],
    ),
    (
        "w:tcBorders",
        &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:insideH",
            "w:insideV",
            "w:tl2br",
            "w:tr2bl",
        ],
    ),
];

/// The schema order of `parent`'s children, if we know it.
pub fn child_order(parent: &str) -> Option<&'static [&'static str]> {
    ORDERS.iter().find(|(p, _)| *p == parent).map(|(_, o)| *o)
}

/// An XML node: an element with its children, or any other event kept as it was.
enum Node {
    Element {
        start: BytesStart<'static>,
        children: Vec<Node>,
        empty: bool,
    },
    Other(Event<'static>),
}

impl Node {
    fn name(&self) -> Option<String> {
        match self {
            Node::Element { start, .. } => Some(start.name().as_ref().to_string()),
            Node::Other(_) => None,
        }
    }
}

/// Reorders the children of property elements in one XML part.
pub fn canonical_part(xml: &[u8]) -> Result<Vec<u8>, quick_xml::Error> {
    let mut reader = Reader::from_reader(xml);
    let mut stack: Vec<(BytesStart<'static>, Vec<Node>)> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf)?.into_owned();
        buf.clear();
        let node = match event {
            Event::Eof => break,
            Event::Start(start) => {
                stack.push((start, Vec::new()));
                continue;
            }
            Event::End(_) => {
                let Some((start, mut children)) = stack.pop() else {
                    continue;
                };
                let name = start.name().as_ref().to_string();
                if let Some(order) = child_order(&name) {
                    sort_children(&mut children, order);
                }
                Node::Element {
                    start,
                    children,
                    empty: false,
                }
            }
            Event::Empty(start) => Node::Element {
                start: without_stray_attributes(start),
                children: Vec::new(),
                empty: true,
            },
            other => Node::Other(other),
        };
        match stack.last_mut() {
            Some((_, children)) => children.push(node),
            None => top.push(node),
        }
    }
    let mut writer = Writer::new(Vec::with_capacity(xml.len()));
    for node in &top {
        write_node(&mut writer, node)?;
    }
    Ok(writer.into_inner())
}

/// Drops attributes the schema does not allow where docx-rs writes them (`w:type` on `w:gridCol`).
fn without_stray_attributes(start: BytesStart<'static>) -> BytesStart<'static> {
    if start.name().as_ref() != "w:gridCol" {
        return start;
    }
    let mut clean = BytesStart::new("w:gridCol");
    for attribute in start.attributes().flatten() {
        if attribute.key.as_ref() != "w:type" {
            clean.push_attribute(attribute);
        }
    }
    clean
}

/// Stable sort by schema rank; left alone when a child is not an element or not in the list.
fn sort_children(children: &mut [Node], order: &[&str]) {
    let rank = |node: &Node| {
        node.name()
            .and_then(|name| order.iter().position(|o| *o == name))
    };
    if children.iter().all(|c| rank(c).is_some()) {
        children.sort_by_key(|c| rank(c).unwrap_or(usize::MAX));
    }
}

fn write_node(writer: &mut Writer<Vec<u8>>, node: &Node) -> Result<(), quick_xml::Error> {
    match node {
        Node::Element {
            start, empty: true, ..
        } => writer.write_event(Event::Empty(start.borrow()))?,
        Node::Element {
            start, children, ..
        } => {
            writer.write_event(Event::Start(start.borrow()))?;
            for child in children {
                write_node(writer, child)?;
            }
            writer.write_event(Event::End(start.to_end()))?;
        }
        Node::Other(event) => writer.write_event(event.borrow())?,
    }
    Ok(())
}

/// Rewrites a .docx package with its WordprocessingML parts in schema order.
pub fn canonical_package(docx: &[u8]) -> Result<Vec<u8>, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).map_err(|e| e.to_string())?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(docx.len())));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(|e| e.to_string())?;
        let name = file.name().map_err(|e| e.to_string())?.into_owned();
        let mut bytes = Vec::with_capacity(file.size() as usize);
        file.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        let is_word_part = name.starts_with("word/") && name.ends_with(".xml");
        if is_word_part {
            bytes = canonical_part(&bytes).map_err(|e| format!("{name}: {e}"))?;
        }
        out.start_file(name, options).map_err(|e| e.to_string())?;
        out.write_all(&bytes).map_err(|e| e.to_string())?;
    }
    let cursor = out.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_properties_in_schema_order() {
        let xml = br#"<w:r><w:rPr><w:sz w:val="28" /><w:b /><w:rFonts w:ascii="Times New Roman" /></w:rPr><w:t xml:space="preserve">a &amp; b</w:t></w:r>"#;
        let out = String::from_utf8(canonical_part(xml).unwrap()).unwrap();
        assert_eq!(
            out,
            r#"<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" /><w:b /><w:sz w:val="28" /></w:rPr><w:t xml:space="preserve">a &amp; b</w:t></w:r>"#
        );
    }

    #[test]
    fn grid_columns_lose_the_type_attribute() {
        let xml = br#"<w:tblGrid><w:gridCol w:w="3402" w:type="dxa" /></w:tblGrid>"#;
        let out = String::from_utf8(canonical_part(xml).unwrap()).unwrap();
        assert_eq!(out, r#"<w:tblGrid><w:gridCol w:w="3402"/></w:tblGrid>"#);
    }

    #[test]
    fn unknown_children_leave_the_order_alone() {
        let xml = br#"<w:rPr><w:sz /><w:mystery /><w:b /></w:rPr>"#;
        let out = canonical_part(xml).unwrap();
        assert_eq!(out, xml);
    }
}
