//! Plans per second per core on clean text: `cargo bench --bench parse`.
//!
//! `parse_text` is the parser alone on normalized text; `parse_path` adds
//! reading, decoding and normalization, as `kehoach parse` does per file.
//! Target: ≥ 500 plans/s per core on clean text (criterion prints elem/s).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use kehoach::plan::record::Source;
use kehoach::plan::{ParseOptions, parse_path, parse_text};
use kehoach::text::{NormalizeOptions, normalize};

/// The clean (not OCR-garbled) fixture plans.
fn clean_plans() -> Vec<PathBuf> {
    [
        "000.txt",
        "001.txt",
        "002.txt",
        "004.txt",
        "005-district-budget.txt",
        "007-pdf-wrapped.txt",
        "008-points.txt",
        "009-blank-number.md",
    ]
    .iter()
    .map(|name| PathBuf::from("fixtures/plans").join(name))
    .collect()
}

fn bench_parse(c: &mut Criterion) {
    let plans: Vec<(String, String)> = clean_plans()
        .iter()
        .map(|path| {
            let raw = std::fs::read_to_string(path).expect("fixture");
            let format = path.extension().unwrap().to_string_lossy().into_owned();
            (normalize(&raw, &NormalizeOptions::default()), format)
        })
        .collect();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Elements(plans.len() as u64));
    group.bench_function("parse_text, 8 clean plans", |b| {
        b.iter(|| {
            for (text, format) in &plans {
                let source = Source {
                    path: String::new(),
                    format: format.clone(),
                    encoding: "utf-8".into(),
                    restored_lines: 0,
                };
                black_box(parse_text(black_box(text), source));
            }
        })
    });
    let paths = clean_plans();
    group.bench_function("parse_path, 8 clean plans", |b| {
        b.iter(|| {
            for path in &paths {
                black_box(parse_path(path, &ParseOptions::default()).expect("parses"));
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_parse
}
criterion_main!(benches);
