//! The shared corpus's legacy-encoded documents, converted and compared with
//! their Unicode transcripts syllable by syllable.
//!
//! Every `../shared/corpus/legacy-encoded/{tcvn3,vni}/*.{rtf,doc}` with a
//! transcript of the same stem in `../shared/corpus/admin-1995-2009/` is read
//! through `kehoach::read` with `--encoding auto`'s choice. Both texts are cut into
//! words (runs of letters), the two word sequences are aligned (longest
//! common subsequence, Myers' O(ND) algorithm), and the share of transcript
//! words the conversion reproduces is printed per file, per encoding and in
//! total. Words are compared case-blind: the transcripts keep the letters
//! of upper-case fonts (.VnTimeH) in the case they were typed, while the
//! reader raises them as the font prints them; the exact-case share is
//! printed too. The .doc transcripts also hold page headers and field codes
//! ("PAGE", "EMBED PBrush"), which the reader leaves out on purpose: the
//! few files below 99% miss only those. Skipped with a message when
//! ../shared is absent.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use kehoach::read::read_path;
use kehoach::text::EncodingChoice;

/// The lowest case-blind share of transcript words the conversion must reproduce, over all files.
const TOTAL_FLOOR: f64 = 0.995;
/// The lowest share for any one file.
const FILE_FLOOR: f64 = 0.975;

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    dir.is_dir().then_some(dir)
}

/// The words of a text: runs of letters.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Words as numbers, the same number for the same word (after `fold`).
fn intern(words: &[&str], fold: fn(&str) -> String, table: &mut HashMap<String, u32>) -> Vec<u32> {
    words
        .iter()
        .map(|w| {
            let next = u32::try_from(table.len()).expect("fewer than 2^32 words");
            *table.entry(fold(w)).or_insert(next)
        })
        .collect()
}

/// Length of the longest common subsequence of two sequences (Myers' greedy edit-distance walk).
fn common_length(a: &[u32], b: &[u32]) -> usize {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = n + m;
    // furthest[k + max + 1]: the furthest x reached on diagonal k = x - y.
    let mut furthest = vec![0isize; 2 * max as usize + 3];
    let at = |k: isize| (k + max + 1) as usize;
    for d in 0..=max {
        for k in (-d..=d).step_by(2) {
            let mut x = if k == -d || (k != d && furthest[at(k - 1)] < furthest[at(k + 1)]) {
                furthest[at(k + 1)]
            } else {
                furthest[at(k - 1)] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            furthest[at(k)] = x;
            if x >= n && y >= m {
                return ((n + m - d) / 2) as usize;
            }
        }
    }
    0
}

#[test]
fn myers_agrees_with_the_table_method() {
    fn table(a: &[u32], b: &[u32]) -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for &x in a {
            let mut diagonal = 0;
            for (j, &y) in b.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = if x == y { diagonal + 1 } else { up.max(row[j]) };
                diagonal = up;
            }
        }
        row[b.len()]
    }
    let mut seed = 7u64;
    for _ in 0..300 {
        let mut next = |len: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % len
        };
        let (la, lb) = (next(12) as usize, next(12) as usize);
        let a: Vec<u32> = (0..la).map(|_| next(4) as u32).collect();
        let b: Vec<u32> = (0..lb).map(|_| next(4) as u32).collect();
        assert_eq!(common_length(&a, &b), table(&a, &b), "{a:?} {b:?}");
    }
}

/// Matched and total transcript words, case-blind and exact.
#[derive(Default, Clone, Copy)]
struct Tally {
    words: usize,
    converted: usize,
    matched: usize,
    matched_exact: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.words += other.words;
        self.converted += other.converted;
        self.matched += other.matched;
        self.matched_exact += other.matched_exact;
    }

    fn share(&self) -> f64 {
        self.matched as f64 / self.words.max(1) as f64
    }

    fn exact_share(&self) -> f64 {
        self.matched_exact as f64 / self.words.max(1) as f64
    }
}

fn compare(converted: &str, transcript: &str) -> Tally {
    let (ours, theirs) = (words(converted), words(transcript));
    let mut blind = HashMap::new();
    let mut exact = HashMap::new();
    let lower: fn(&str) -> String = str::to_lowercase;
    let same: fn(&str) -> String = str::to_string;
    Tally {
        words: theirs.len(),
        converted: ours.len(),
        matched: common_length(
            &intern(&ours, lower, &mut blind),
            &intern(&theirs, lower, &mut blind),
        ),
        matched_exact: common_length(
            &intern(&ours, same, &mut exact),
            &intern(&theirs, same, &mut exact),
        ),
    }
}

#[test]
fn alignment_counts_common_words() {
    let t = compare("Bộ Tài chính hướng dẫn", "Bộ tài chính đã hướng dẫn thêm");
    assert_eq!((t.words, t.matched, t.matched_exact), (7, 5, 4));
    assert_eq!(compare("", "a b").matched, 0);
    assert_eq!(compare("a b", "").words, 0);
}

#[test]
fn legacy_documents_match_transcripts() {
    let Some(corpus) = corpus() else {
        eprintln!("skipped: ../shared/corpus is not there");
        return;
    };
    let mut total = Tally::default();
    let mut failures = Vec::new();
    for encoding in ["tcvn3", "vni"] {
        let dir = corpus.join("legacy-encoded").join(encoding);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "rtf" | "doc"))
        });
        files.sort();
        let mut by_encoding = Tally::default();
        for file in files {
            let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            let transcript_path = corpus.join("admin-1995-2009").join(format!("{stem}.txt"));
            let Ok(transcript) = std::fs::read_to_string(&transcript_path) else {
                continue;
            };
            let doc = read_path(&file, EncodingChoice::Auto)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let tally = compare(&doc.text, &transcript);
            println!(
                "{encoding} {stem}.{}: {} words ({} converted), {:.2}% matched ({:.2}% exact case), read as {}",
                file.extension().and_then(|e| e.to_str()).unwrap_or(""),
                tally.words,
                tally.converted,
                100.0 * tally.share(),
                100.0 * tally.exact_share(),
                doc.encoding
            );
            if tally.share() < FILE_FLOOR {
                failures.push(format!("{stem}: {:.2}%", 100.0 * tally.share()));
            }
            by_encoding.add(tally);
        }
        if by_encoding.words > 0 {
            println!(
                "{encoding} total: {} words, {:.2}% matched ({:.2}% exact case)",
                by_encoding.words,
                100.0 * by_encoding.share(),
                100.0 * by_encoding.exact_share()
            );
        } else {
            println!("{encoding}: no .rtf or .doc file with a transcript");
        }
        total.add(by_encoding);
    }
    println!(
        "all: {} words, {:.2}% matched ({:.2}% exact case)",
        total.words,
        100.0 * total.share(),
        100.0 * total.exact_share()
    );
    assert!(
        total.words > 0,
        "no legacy file with a transcript was found"
    );
    assert!(
        failures.is_empty(),
        "files below {FILE_FLOOR}: {failures:?}"
    );
    assert!(
        total.share() >= TOTAL_FLOOR,
        "total share {:.4} below {TOTAL_FLOOR}",
        total.share()
    );
}

#[test]
fn damaged_legacy_files_are_refused_without_panicking() {
    let Some(corpus) = corpus() else {
        eprintln!("skipped: ../shared/corpus is not there");
        return;
    };
    let dir = corpus.join("legacy-encoded");
    for name in ["tcvn3/2003-A06.rtf", "vni/2009-download.doc"] {
        let path = dir.join(name);
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let named = Path::new(name);
        for cut in (0..bytes.len()).step_by(bytes.len() / 97 + 1) {
            // Truncated, and with a run of bytes overwritten: an error or some text, never a panic.
            let _ = kehoach::read::read_bytes(named, &bytes[..cut], EncodingChoice::Auto);
            let mut damaged = bytes.clone();
            for b in damaged.iter_mut().skip(cut).take(64) {
                *b = b.wrapping_mul(31).wrapping_add(7);
            }
            let _ = kehoach::read::read_bytes(named, &damaged, EncodingChoice::Auto);
        }
    }
}

/// Gazette headings of legacy originals, as read from the documents: the type, then "CỦA
/// <issuer> SỐ <number> NGÀY <date>" and the title, with no header above them.
#[test]
fn gazette_headings_of_legacy_documents_give_issuer_number_and_date() {
    let Some(corpus) = corpus() else {
        eprintln!("skipped: ../shared/corpus is not there");
        return;
    };
    let cases = [
        (
            "tcvn3/2003-A16.rtf",
            "THÔNG TƯ",
            Some("Bộ Tài chính"),
            "172/1998/TT/BTC",
            (22, 12, 1998),
            "HƯỚNG DẪN THI HÀNH NGHỊ ĐỊNH SỐ 54/CP NGÀY 28/08/1993",
        ),
        (
            "tcvn3/2004-NghiDinh29_1998.doc",
            "NGHỊ ĐỊNH",
            Some("Chính phủ"),
            "29/1998/NĐ-CP",
            (11, 5, 1998),
            // The whole title: "CHÍNH PHỦ" under it names the enacting authority.
            "VỀ VIỆC BAN HÀNH QUY CHẾ THỰC HIỆN DÂN CHỦ Ở XÃ",
        ),
        // A joint circular: "THÔNG TƯ" over "LIÊN TỊCH BỘ TÀI CHÍNH - CÔNG NGHIỆP - ...".
        (
            "tcvn3/2003-A37.rtf",
            "THÔNG TƯ LIÊN TỊCH",
            None,
            "120/2000/TTLT-BTC-BCN-TCHQ",
            (25, 12, 2000),
            "VỀ VIỆC BỔ SUNG, SỬA ĐỔI CHÍNH SÁCH THUẾ",
        ),
    ];
    for (name, doc_type, issuer, number, (day, month, year), title) in cases {
        let path = corpus.join("legacy-encoded").join(name);
        if !path.is_file() {
            continue;
        }
        let record = kehoach::plan::parse_path(&path, &Default::default()).unwrap();
        assert_eq!(record.doc_type.as_deref(), Some(doc_type), "{name}");
        if let Some(issuer) = issuer {
            assert_eq!(record.issuer.name.as_deref(), Some(issuer), "{name}");
        }
        assert_eq!(record.number.as_deref(), Some(number), "{name}");
        assert_eq!(
            (record.date.day, record.date.month, record.date.year),
            (Some(day), Some(month), Some(year)),
            "{name}"
        );
        let parsed_title = record.title.unwrap_or_default();
        assert!(parsed_title.starts_with(title), "{name}: {parsed_title}");
        assert!(
            !parsed_title.ends_with("CHÍNH PHỦ"),
            "{name}: {parsed_title}"
        );
    }
}
