//! Throughput of `normalize` (decoding and restoration excluded), and of decoding and
//! normalizing together as `kehoach normalize` reads a UTF-8 file, in bytes per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kehoach::text::encoding::{EncodingChoice, decode};
use kehoach::text::{NormalizeOptions, ToneStyle, normalize};

fn fixture_text() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/plans");
    ["000", "001", "002", "004"]
        .iter()
        .map(|stem| std::fs::read_to_string(format!("{dir}/{stem}.txt")).expect("fixture plan"))
        .collect::<Vec<_>>()
        .concat()
}

fn bench_normalize(c: &mut Criterion) {
    let text = fixture_text().repeat(8);
    let mut group = c.benchmark_group("normalize");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for (name, options) in [
        ("classic", NormalizeOptions::default()),
        (
            "modern",
            NormalizeOptions {
                tone: ToneStyle::Modern,
                unwrap: false,
            },
        ),
        (
            "unwrap",
            NormalizeOptions {
                unwrap: true,
                ..Default::default()
            },
        ),
    ] {
        group.bench_function(name, |b| b.iter(|| normalize(&text, &options)));
    }
    // The bytes of a file: the encoding is detected (text that reads as Vietnamese Unicode is
    // not tried as mojibake of a legacy encoding), then the text is normalized.
    group.bench_function("decoded-and-normalized", |b| {
        b.iter(|| {
            let decoded = decode(text.as_bytes(), EncodingChoice::Auto).expect("UTF-8 text");
            normalize(&decoded.text, &NormalizeOptions::default())
        })
    });
    group.finish();
}

criterion_group!(benches, bench_normalize);
criterion_main!(benches);
