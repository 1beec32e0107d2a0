//! Restoration speed: garbled OCR text (fixture 003, and a batch of OCR'd documents), unaccented
//! text, and clean text passing through. Every iteration that restores starts with a new
//! restorer, so no iteration reuses the readings an earlier one made.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use kehoach::text::Restorer;
use kehoach::text::channel::Channel;
use kehoach::text::lm::LanguageModel;
use kehoach::text::syllable::strip_marks;

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("fixtures/plans/{name}")).expect("fixture present")
}

/// The OCR side of the shared corpus's OCR pairs, one text per document (empty when
/// `../shared` is not there).
fn ocr_documents() -> Vec<String> {
    let Ok(dir) = std::fs::read_dir("../shared/corpus/ocr-pairs") else {
        return Vec::new();
    };
    let mut paths: Vec<_> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|tsv| {
            tsv.lines()
                .filter_map(|l| l.split('\t').nth(1))
                .flat_map(|l| [l, "\n"])
                .collect()
        })
        .collect()
}

fn fresh() -> Restorer<'static> {
    Restorer::new(LanguageModel::embedded(), Channel::embedded())
}

fn bench(c: &mut Criterion) {
    let clean: String = ["000.txt", "001.txt", "002.txt", "004.txt"]
        .iter()
        .map(|n| read(n))
        .collect();
    let garbled = read("003.txt");
    let unaccented = strip_marks(&clean);
    let mut group = c.benchmark_group("restore");
    group.sample_size(10);
    // Clean lines never reach the readings, so one restorer serves every iteration.
    group.throughput(Throughput::Bytes(clean.len() as u64));
    group.bench_function("clean-pass-through", |b| {
        let restorer = Restorer::embedded();
        b.iter(|| restorer.restore_text(&clean).1)
    });
    for (name, text) in [("ocr-garbled", &garbled), ("unaccented", &unaccented)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter_batched_ref(
                fresh,
                |restorer| restorer.restore_text(text).1,
                BatchSize::PerIteration,
            )
        });
    }
    // A batch: each document restored on its own, as `normalize` and `parse` read files.
    let documents = ocr_documents();
    if !documents.is_empty() {
        let bytes: usize = documents.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("ocr-batch", |b| {
            b.iter_batched_ref(
                fresh,
                |restorer| {
                    documents
                        .iter()
                        .map(|d| restorer.restore_text(d).1)
                        .sum::<usize>()
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
