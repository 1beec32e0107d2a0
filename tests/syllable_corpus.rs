//! The syllable model against real administrative text: every Vietnamese word it meets must parse,
//! and tone placement must round-trip.

use std::collections::BTreeMap;
use std::path::Path;

use kehoach::text::syllable::{Syllable, ToneStyle, strip_marks};

/// True for words with a vowel letter (acronyms such as "QĐ", "HĐND" have none).
fn has_vowel(word: &str) -> bool {
    strip_marks(word)
        .chars()
        .any(|c| "aeiouyAEIOUY".contains(c))
}

/// Words in the clean corpus that carry a Vietnamese mark and a vowel (so are surely meant as syllables).
fn marked_words() -> Option<BTreeMap<String, usize>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/admin-1995-2009");
    let entries = std::fs::read_dir(&dir).ok()?;
    let mut counts = BTreeMap::new();
    for entry in entries.flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for word in text.split(|c: char| !c.is_alphabetic()) {
            if has_vowel(word) && strip_marks(word) != word {
                *counts.entry(word.to_string()).or_insert(0) += 1;
            }
        }
    }
    Some(counts)
}

#[test]
fn marked_words_of_the_admin_corpus_parse_and_round_trip() {
    let Some(counts) = marked_words() else {
        eprintln!("skipped: ../shared/corpus/admin-1995-2009 is not there");
        return;
    };
    let total: usize = counts.values().sum();
    let mut rejected: Vec<(&String, &usize)> = counts
        .iter()
        .filter(|(word, _)| Syllable::parse(word).is_none())
        .collect();
    rejected.sort_by(|a, b| b.1.cmp(a.1));
    let rejected_tokens: usize = rejected.iter().map(|(_, n)| **n).sum();
    let share = rejected_tokens as f64 / total as f64;
    eprintln!(
        "{total} marked tokens, {} rejected ({:.3}%); most frequent: {:?}",
        rejected_tokens,
        share * 100.0,
        &rejected[..rejected.len().min(20)]
    );
    // Real text holds typos and legacy-conversion debris, but far under 0.5% of tokens.
    assert!(share < 0.005, "too many real words rejected");

    for word in counts.keys() {
        if let Some(syllable) = Syllable::parse(word) {
            let classic = syllable.spell(ToneStyle::Classic);
            let modern = syllable.spell(ToneStyle::Modern);
            let back = Syllable::parse(&modern).expect("modern spelling parses");
            assert_eq!(back.spell(ToneStyle::Classic), classic, "{word}");
            assert_eq!(strip_marks(&classic), strip_marks(word), "{word}");
        }
    }
}
