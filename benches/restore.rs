//! Restoration speed: garbled OCR text (fixture 003), unaccented text, and clean text passing through.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kehoach::text::Restorer;
use kehoach::text::syllable::strip_marks;

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("fixtures/plans/{name}")).expect("fixture present")
}

fn bench(c: &mut Criterion) {
    let restorer = Restorer::embedded();
    let clean: String = ["000.txt", "001.txt", "002.txt", "004.txt"]
        .iter()
        .map(|n| read(n))
        .collect();
    let garbled = read("003.txt");
    let unaccented = strip_marks(&clean);
    let mut group = c.benchmark_group("restore");
    group.sample_size(10);
    for (name, text) in [
        ("ocr-garbled", &garbled),
        ("unaccented", &unaccented),
        ("clean-pass-through", &clean),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| restorer.restore_text(text)));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
