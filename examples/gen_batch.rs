//! Writes a batch of generated commune plans for tests and benchmarks.
//!
//! Usage: cargo run --release --example gen_batch -- N OUT [--clean] [--seed S] [--truth FILE]
//!
//! N plans go under OUT (in folders of 100); `--clean` writes plain UTF-8 text
//! plans only (the benchmark's input), otherwise the varied mix of the
//! integration test (wrapped, Markdown, DOCX, UTF-16, OCR-garbled, 2% corrupt).
//! `--truth FILE` writes what each plan states, one JSON object per line.

#[path = "../tests/support/generator.rs"]
mod generator;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut mix = generator::Mix::VARIED;
    let mut seed = 1;
    let mut truth_file = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--clean" => mix = generator::Mix::CLEAN,
            "--seed" => match args.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => return usage("--seed needs a number"),
            },
            "--truth" => match args.next() {
                Some(path) => truth_file = Some(PathBuf::from(path)),
                None => return usage("--truth needs a file"),
            },
            _ => positional.push(arg),
        }
    }
    let [count, out] = positional.as_slice() else {
        return usage("need N and OUT");
    };
    let Ok(count) = count.parse::<usize>() else {
        return usage("N must be a number");
    };
    let out = PathBuf::from(out);
    let truths = match generator::generate(&out, count, seed, mix) {
        Ok(truths) => truths,
        Err(err) => {
            eprintln!("gen_batch: {}: {err}", out.display());
            return ExitCode::FAILURE;
        }
    };
    if let Some(path) = truth_file
        && let Err(err) = generator::write_truth(&path, &truths)
    {
        eprintln!("gen_batch: {}: {err}", path.display());
        return ExitCode::FAILURE;
    }
    eprintln!("gen_batch: wrote {count} plans under {}", out.display());
    ExitCode::SUCCESS
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("gen_batch: {problem}\nusage: gen_batch N OUT [--clean] [--seed S] [--truth FILE]");
    ExitCode::from(2)
}
