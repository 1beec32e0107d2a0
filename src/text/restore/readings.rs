//! The readings of a written word: the syllables its marks or OCR damage could have come from,
//! each with its channel cost, kept in a cache that the documents of a batch share.

use super::decode::NO_WORD_COST;
use super::pieces::{WordKind, word_kind};
use super::{Candidate, OCR_LETTER_SYMBOLS, OCR_PRIOR, Restorer};
use crate::text::channel::marks_lost;
use crate::text::lm::{HISTORY, IdMap, OTHER, START, UNKNOWN};
use crate::text::syllable::{Syllable, is_letter, is_word_char, strip_marks};
use crate::text::words::{Written, has_vowel, is_acronym_shape};
use std::sync::{Arc, PoisonError};

/// Cost of keeping a word that is not a syllable as it was written, in a document read by OCR.
const KEEP_COST: f32 = 13.0;
/// The same in a document typed without marks, where such a word is more often a name or a
/// foreign word than damage.
const KEEP_COST_TYPED: f32 = 12.0;
/// Cost of keeping a lone consonant in a document read by OCR, which may be a syllable whose
/// vowels OCR lost ("hợp tác x" for "xã") or a label ("điểm b").
const KEEP_COST_LETTER: f32 = 9.0;
/// The same for a lone capital consonant, more often a label ("khu B", "Chương X") than a
/// small one is.
const KEEP_COST_CAPITAL: f32 = 3.0;
/// Cost of keeping a word in capitals that the model never saw, read in a line of capitals of
/// a document read by OCR ([`Restorer::may_be_damaged_capitals`]): a damaged syllable
/// ("HUYIN" for "HUYỆN") or an acronym ("WTO", "ODA").
const KEEP_COST_CAPITALS: f32 = 12.0;
/// Extra cost per letter of a kept non-syllable word.
const KEEP_PER_LETTER: f32 = 1.0;
/// Candidates kept per word.
const MAX_CANDIDATES: usize = 30;
/// Cost of keeping a short number in OCR output as written: the model scores all other words
/// (numbers, acronyms, symbols) as one, and one number is about a twentieth of them; its
/// readings as damaged words cost what the channel says.
const NUMBER_KEEP_COST: f32 = 3.0;
/// Candidates costing this much more than a word's cheapest reading are dropped.
const CANDIDATE_MARGIN: f32 = 10.0;
/// Acronyms whose reading a restorer keeps at most (then it starts again).
const MAX_ACRONYMS: usize = 100_000;

/// A word's readings, cheapest first, and the same with what its case says added
/// ([`Restorer::with_case_costs`]) for a word after the first of its line (`None` where case
/// says nothing).
pub(super) struct Readings {
    pub(super) plain: Vec<Candidate>,
    pub(super) cased: Option<Vec<Candidate>>,
}

/// Readings already made, shared by the documents a restorer reads (a batch of plans repeats
/// most of its words): by word hash, for typed documents and for OCR documents.
#[derive(Default)]
pub(super) struct ReadingCache {
    by_kind: [IdMap<u64, Arc<Readings>>; 2],
    /// Candidates held, to bound the memory.
    pub(super) held: usize,
}

/// Candidates the shared cache holds at most (about 50 MB); past it, it starts again empty.
const CACHE_CANDIDATES: usize = 3_000_000;

impl ReadingCache {
    fn get(&self, ocr: bool, hash: u64) -> Option<Arc<Readings>> {
        self.by_kind[usize::from(ocr)].get(&hash).cloned()
    }

    fn put(&mut self, ocr: bool, hash: u64, readings: &Arc<Readings>) {
        let size = readings.plain.len() + readings.cased.as_ref().map_or(0, Vec::len);
        if self.held + size > CACHE_CANDIDATES {
            *self = ReadingCache::default();
        }
        self.held += size;
        self.by_kind[usize::from(ocr)].insert(hash, Arc::clone(readings));
    }
}

/// Keeps syllable `s` among the readings `found` as OCR damage at `cost`, unless it is there
/// already at a cost as low.
fn offer_ocr_reading(found: &mut IdMap<u32, (f32, bool)>, s: u32, cost: f32) {
    let entry = found.entry(s).or_insert((f32::INFINITY, true));
    if cost < entry.0 {
        *entry = (cost, true);
    }
}

impl Restorer<'_> {
    /// Where a word typed without its space between two syllables splits ("naogiai" → "nao" +
    /// "giai"): a word of four small letters or more, none doubled (a doubled letter is a typo:
    /// "daau"), that is no syllable's letters (its `kind` is [`WordKind::Invalid`]) nor a word
    /// the word list writes as one token ("tivi", "vali"), cut where it makes two syllables'
    /// letters that the model saw one after the other, or that make a listed word (a loanword
    /// rarely does: "logo" is not "lộ gỡ"); where it can be cut in two places ("thuc|hien",
    /// "thu|chien"), where the likelier two are (bigram log P, a listed word priced as the
    /// decoder prices it, [`NO_WORD_COST`]).
    pub(super) fn merged_cut(&self, word: &str, kind: WordKind) -> Option<usize> {
        let syllables = |part: &str| self.inventory.by_plain.get(&strip_marks(part));
        let doubled = word.chars().zip(word.chars().skip(1)).any(|(a, b)| a == b);
        if kind != WordKind::Invalid
            || word.len() < 4
            || doubled
            || !word.chars().all(|c| is_letter(c) && c.is_lowercase())
            || self.single_words.contains(&strip_marks(word))
        {
            return None;
        }
        let id = |s: u32| self.inventory.syllables[s as usize].2;
        // The best score of two syllables the model saw together or the list makes a word of.
        let likeliest = |firsts: &[u32], seconds: &[u32]| {
            let mut best: Option<f32> = None;
            for &first in firsts {
                let after = self.lm.context_matched([START, START, id(first)], 1);
                let listed = self
                    .lexicon
                    .pairs_with(id(first), seconds.iter().map(|&s| id(s)));
                for (k, &second) in seconds.iter().enumerate() {
                    let (log_p, matched) = after.log_prob_matched(id(second));
                    let word = k < 64 && listed >> k & 1 == 1;
                    if matched >= 2 || word {
                        let score = log_p + if word { NO_WORD_COST } else { 0.0 };
                        best = Some(best.map_or(score, |b| b.max(score)));
                    }
                }
            }
            best
        };
        word.char_indices()
            .skip(1)
            .filter_map(|(i, _)| {
                let score = likeliest(syllables(&word[..i])?, syllables(&word[i..])?)?;
                Some((score, i))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, i)| i)
    }

    /// What a word is, telling lost marks ("luat") from other non-syllables ("chirc"); a
    /// marked syllable no text has ("Quéc", "tén") is damage as well (`hash`: its [`word_hash`](super::pieces::word_hash)).
    pub(super) fn word_kind(&self, word: &str, hash: u64) -> WordKind {
        match word_kind(word, self.is_acronym(word)) {
            WordKind::Marked if !self.inventory.attested(word, hash) => WordKind::Unmarked,
            WordKind::Invalid
                if word.chars().all(is_letter)
                    && self
                        .inventory
                        .by_plain
                        .contains_key(&strip_marks(&word.to_lowercase())) =>
            {
                WordKind::Unmarked
            }
            kind => kind,
        }
    }

    /// An acronym to leave alone: upper case, not a syllable, and not a syllable with marks lost.
    fn is_acronym(&self, word: &str) -> bool {
        is_acronym_shape(word)
            && !self
                .inventory
                .by_plain
                .contains_key(&strip_marks(&word.to_lowercase()))
    }

    /// Whether a word taken for an acronym may be a damaged syllable when it stands in a line
    /// of capitals of an OCR document ("UBND HUYIN CIN GIỜ" for "HUYỆN CẦN"): the model never
    /// saw it, and it has three letters or more, a vowel among them. (Among small letters, a
    /// word in capitals is an acronym by convention: "(CIF)", "(ODA)".)
    pub(super) fn may_be_damaged_capitals(&self, word: &str) -> bool {
        self.lm.id(word) == UNKNOWN
            && word.chars().filter(|c| is_letter(*c)).count() >= 3
            && has_vowel(word)
    }

    /// An acronym's one reading: itself, a word of the model when the model has seen it.
    fn acronym(&self, word: &str) -> Candidate {
        let id = match self.lm.id(word) {
            UNKNOWN => OTHER,
            id => id,
        };
        Candidate {
            syllable: None,
            id,
            cost: 0.0,
            ocr: false,
        }
    }

    /// Puts Đ back in the parts of a document symbol that the model saw written with it.
    pub(super) fn restore_symbol(&self, chunk: &str) -> String {
        let mut out = String::with_capacity(chunk.len() + 4);
        let mut part = String::new();
        let flush = |part: &mut String, out: &mut String| {
            let capitals = !part.is_empty() && part.chars().all(|c| c.is_ascii_uppercase());
            match self.symbol_parts.get(part.as_str()) {
                Some(with_d) if capitals => out.push_str(with_d),
                _ if capitals => out.push_str(&self.spell_acronym(part)),
                _ => out.push_str(part),
            }
            part.clear();
        };
        for c in chunk.chars() {
            if is_word_char(c) {
                part.push(c);
            } else {
                flush(&mut part, &mut out);
                out.push(c);
            }
        }
        flush(&mut part, &mut out);
        out
    }

    /// An acronym the model never saw, with Đ put back where the words it likeliest stands for
    /// have it (read once per restorer).
    fn spell_acronym(&self, acronym: &str) -> String {
        let known = || self.acronyms.lock().unwrap_or_else(PoisonError::into_inner);
        let seen = known().get(acronym).cloned();
        let spelled = match seen {
            Some(spelled) => spelled,
            None => {
                let spelled = self.lexicon.spell_acronym(acronym, self.lm);
                let mut known = known();
                if known.len() >= MAX_ACRONYMS {
                    known.clear();
                }
                known.insert(acronym.to_string(), spelled.clone());
                spelled
            }
        };
        spelled.unwrap_or_else(|| acronym.to_string())
    }

    /// A word's readings in a document of its kind: from the shared cache, or made and put there.
    pub(super) fn readings_of(
        &self,
        word: &str,
        hash: u64,
        kind: WordKind,
        ocr: bool,
    ) -> Arc<Readings> {
        self.cached(ocr, hash, || self.make_readings(word, kind, ocr))
    }

    /// The readings under `hash` in the shared cache, made by `make` and put there if missing.
    fn cached(&self, ocr: bool, hash: u64, make: impl FnOnce() -> Readings) -> Arc<Readings> {
        let cache = || self.cache.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = cache().get(ocr, hash) {
            return known;
        }
        let readings = Arc::new(make());
        cache().put(ocr, hash, &readings);
        readings
    }

    /// A word's readings, made: its candidates and the same with what its case says.
    fn make_readings(&self, word: &str, kind: WordKind, ocr: bool) -> Readings {
        // In OCR output, a mixed-case abbreviation the model never saw is more likely a word
        // with a damaged letter ("NGi" for "Nội", "HGi" for "Hội"): it is read, and kept if
        // nothing fits. (All-capital ones are not: "USD", "WTO", "THPT".)
        let acronym = kind == WordKind::Acronym
            && !(ocr && word.chars().any(char::is_lowercase) && self.lm.id(word) == UNKNOWN);
        let plain = if acronym {
            vec![self.acronym(word)]
        } else {
            self.candidates(word, ocr)
        };
        let cased = self.with_case_costs(&plain, Written::of(word));
        Readings { plain, cased }
    }

    /// A short number's readings in an OCR document: the number itself (at [`NUMBER_KEEP_COST`]),
    /// and the syllables OCR could have read as its digits (shared between documents).
    pub(super) fn number_readings(&self, digits: &str, hash: u64) -> Arc<Readings> {
        self.cached(true, hash, || {
            let chars: Vec<char> = digits.chars().collect();
            let mut found = IdMap::default();
            self.add_ocr_readings(&chars, &mut found);
            // What the number stood for in the training pairs, where it was seen often enough,
            // prices its readings better than its digits' letters do ("14" was "là" 68 times
            // and 14 itself 34).
            let mut keep_cost = NUMBER_KEEP_COST;
            for (reading, cost) in self.channel.number_readings(digits).unwrap_or_default() {
                if reading == digits {
                    keep_cost = *cost;
                } else if let Some(i) = self.inventory.index_of(reading) {
                    offer_ocr_reading(&mut found, i, OCR_PRIOR + cost);
                }
            }
            self.add_whole_word_readings(digits, &mut found);
            let keep = Candidate {
                syllable: None,
                id: OTHER,
                cost: keep_cost,
                ocr: false,
            };
            let plain = std::iter::once(keep)
                .chain(self.ranked(found, true))
                .collect();
            Readings { plain, cased: None }
        })
    }

    /// The readings of an OCR word (lower case) made of another whole word: what it stood for
    /// in the training pairs where its letters do not say so ("chile" for "chức").
    fn add_whole_word_readings(&self, written: &str, found: &mut IdMap<u32, (f32, bool)>) {
        for (reading, cost) in self.channel.whole_word_readings(written) {
            if let Some(i) = self.inventory.index_of(reading) {
                offer_ocr_reading(found, i, OCR_PRIOR + cost);
            }
        }
    }

    /// Adds the syllables whose plain form is near the written word (lower case) read through
    /// the OCR confusions, each at its cheapest channel cost, to `found` (per syllable: cost,
    /// and whether that reading is OCR damage); none cost more than the margin above the cheapest.
    fn add_ocr_readings(&self, lower: &[char], found: &mut IdMap<u32, (f32, bool)>) {
        let inv = &self.inventory;
        let folded: Vec<char> = lower.iter().filter_map(|&c| self.channel.fold(c)).collect();
        if folded.is_empty() {
            return;
        }
        // A lone symbol is read as every letter it stood for, each a word of its own ("&" is
        // "ở" alone, though mostly an "ấ" within words). (Not a lone digit: "1" is a number far
        // more often than the "ở" it once stood for.)
        let keys: Vec<u32> = match lower {
            [one] if OCR_LETTER_SYMBOLS.contains(one) => {
                let mut keys: Vec<u32> = self
                    .channel
                    .letters_behind(*one)
                    .flat_map(|letter| inv.near(&[letter]))
                    .collect();
                keys.sort_unstable();
                keys.dedup();
                keys
            }
            _ => inv.near(&folded),
        };
        let mut observed = self.channel.observe(lower);
        let mut cheapest = found.values().map(|c| c.0).fold(f32::INFINITY, f32::min);
        for key in keys {
            for &s in &inv.plains[key as usize].1 {
                let limit = cheapest + CANDIDATE_MARGIN - OCR_PRIOR;
                let classic = observed.cost_within(&inv.syllables[s as usize].1, limit);
                let modern = inv.modern_letters[s as usize]
                    .as_ref()
                    .and_then(|letters| observed.cost_within(letters, limit));
                let Some(cost) = classic.into_iter().chain(modern).reduce(f32::min) else {
                    continue;
                };
                let cost = OCR_PRIOR + cost;
                cheapest = cheapest.min(cost);
                offer_ocr_reading(found, s, cost);
            }
        }
    }

    /// Readings found, as candidates: the [`MAX_CANDIDATES`] likeliest (channel cost and how
    /// likely each is to start a line), cheapest first, none costing more than
    /// [`CANDIDATE_MARGIN`] above the cheapest of them; in an OCR document (`ocr_document`) each
    /// spelled as the model spells it, in typed text as the word its commoner spelling is
    /// ([`Inventory::typed_ids`](super::inventory::Inventory::typed_ids)).
    fn ranked(&self, found: IdMap<u32, (f32, bool)>, ocr_document: bool) -> Vec<Candidate> {
        let inv = &self.inventory;
        let list: Vec<Candidate> = found
            .into_iter()
            .map(|(s, (cost, ocr))| Candidate {
                syllable: Some(s),
                id: if ocr_document {
                    inv.syllables[s as usize].2
                } else {
                    inv.typed_ids[s as usize]
                },
                cost,
                ocr,
            })
            .collect();
        let line_start = self.lm.context([START; HISTORY]);
        let mut ranked: Vec<(f32, Candidate)> = list
            .into_iter()
            .map(|c| (c.cost - 0.3 * line_start.log_prob(c.id).max(-20.0), c))
            .collect();
        // Ties broken by inventory order, so that the output never depends on hash order.
        let order = |a: &(f32, Candidate), b: &(f32, Candidate)| {
            a.0.total_cmp(&b.0).then(a.1.syllable.cmp(&b.1.syllable))
        };
        if ranked.len() > MAX_CANDIDATES {
            ranked.select_nth_unstable_by(MAX_CANDIDATES, order);
            ranked.truncate(MAX_CANDIDATES);
        }
        ranked.sort_unstable_by(order);
        let cheapest = ranked
            .iter()
            .map(|r| r.1.cost)
            .fold(f32::INFINITY, f32::min);
        ranked
            .into_iter()
            .map(|(_, c)| c)
            .filter(|c| c.cost <= cheapest + CANDIDATE_MARGIN)
            .collect()
    }

    /// The readings of one written word, cheapest first, always including "keep it as written";
    /// OCR damage is considered when `ocr` is set or when no syllable fits by lost marks alone.
    fn candidates(&self, word: &str, ocr: bool) -> Vec<Candidate> {
        let lowered = word.to_lowercase();
        let lower: Vec<char> = lowered.chars().collect();
        let letters_only = lower.iter().all(|c| is_letter(*c));
        let inv = &self.inventory;
        // Per syllable: its cheapest channel cost, and whether that reading is OCR damage.
        let mut found: IdMap<u32, (f32, bool)> = IdMap::default();
        // Marks lost: same plain letters, every written mark kept by the syllable.
        if letters_only {
            let plain = strip_marks(&lower.iter().collect::<String>());
            let respelled = (!ocr).then(|| inv.respelled.get(&plain)).flatten();
            for &s in inv
                .by_plain
                .get(&plain)
                .into_iter()
                .chain(respelled)
                .flatten()
            {
                if marks_lost(&lower, &inv.syllables[s as usize].1) {
                    found.insert(s, (0.0, false));
                }
            }
        }
        // In typed text, a word without a vowel is an abbreviation ("nt", "tp"), not a mistyped
        // syllable, and nor is one with a digit or a dot in it ("A1", "3a", "a.Tuyen"): a
        // keyboard does not put those for letters, as OCR does. A typed word that is no
        // syllable is read as a typo only with a letter doubled ("ttheo", "neen"): other such
        // words are names and foreign words more often than slips ("Hmong", "trà shan tuyết"
        // were read "Hương", "san"). In OCR output, a lone consonant may be a syllable whose
        // vowels OCR lost ("hợp tác x"); a lone vowel is read by its marks only.
        let doubled = lower.windows(2).any(|pair| pair[0] == pair[1]);
        let typo = found.is_empty() && has_vowel(word) && letters_only && doubled;
        if (ocr || typo) && (lower.len() >= 2 || (ocr && !has_vowel(word))) {
            self.add_ocr_readings(&lower, &mut found);
        }
        if ocr {
            self.add_whole_word_readings(&lowered, &mut found);
        }
        let mut list = self.ranked(found, ocr);
        if !Syllable::is_valid(word) {
            list.push(Candidate {
                syllable: None,
                id: OTHER,
                cost: match (ocr, lower.len()) {
                    (true, 1) if word.starts_with(char::is_uppercase) => KEEP_COST_CAPITAL,
                    (true, 1) => KEEP_COST_LETTER,
                    (true, _) if self.is_acronym(word) && !word.chars().any(char::is_lowercase) => {
                        KEEP_COST_CAPITALS
                    }
                    (true, _) => KEEP_COST + KEEP_PER_LETTER * lower.len() as f32,
                    (false, _) => KEEP_COST_TYPED + KEEP_PER_LETTER * lower.len() as f32,
                },
                ocr: false,
            });
        }
        list
    }
}
