//! kehoach: read, normalize, parse, draft and render Vietnamese administrative plans (KẾ HOẠCH).
//!
//! Stages, each a module: [`read`] (files → text), [`text`] (decoding,
//! normalization, syllables), [`plan`] (record and parser), [`draft`]
//! (roll a plan forward), [`render`] (Markdown, HTML, DOCX), [`write`](mod@write)
//! (JSON, CSV, XLSX), [`batch`] (walk, parallel map, report).

#![warn(missing_docs)]

pub mod batch;
pub mod draft;
pub mod plan;
pub mod read;
pub mod render;
pub mod text;
pub mod write;
