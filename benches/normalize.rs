//! Throughput of `normalize` (decoding and restoration excluded), in bytes per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
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
    group.finish();
}

criterion_group!(benches, bench_normalize);
criterion_main!(benches);
