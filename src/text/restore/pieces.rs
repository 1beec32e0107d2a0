//! How a line is cut into pieces (words, numbers, symbols, fixed text) and judged: clean,
//! noise, another language, or damaged.

use super::{Damage, OCR_LETTER_SYMBOLS};
use crate::text::lm::{IdHasher, IdMap};
use crate::text::syllable::{Syllable, is_letter, is_word_char};
use crate::text::words::{
    GLUE, SEPARATORS, Written, glued_label, has_vowel, is_acronym_shape, is_list_bullet, is_symbol,
    is_url_or_email, split_word, syllable_key, unglue,
};
use std::hash::BuildHasherDefault;

/// Words longer than this (in characters) are never syllables or damaged syllables.
const MAX_WORD: usize = 14;

/// What a whitespace-separated chunk of a line is.
pub(super) enum Chunk<'a> {
    /// Left exactly as written (numbers, URLs, acronyms, noise without letters).
    Fixed(&'a str),
    /// A document symbol: only its Đ-parts may change.
    Symbol(&'a str),
    /// A word to decode: punctuation before, the word, punctuation after.
    Word(&'a str, &'a str, &'a str),
    /// A number of one or two digits, or a lone symbol of [`OCR_LETTER_SYMBOLS`] (punctuation
    /// before, the token, punctuation after): in OCR output, possibly a damaged word ("6" for
    /// "ở", "16" for "lộ", "14" for "là", "&" for "ở").
    Number(&'a str, &'a str, &'a str),
}

impl Chunk<'_> {
    /// Whether the piece is a word in title case ("Nguyen", "Xã").
    pub(super) fn is_title_word(&self) -> bool {
        matches!(self, Chunk::Word(_, w, _) if Written::of(w) == Written::Title)
    }

    /// The piece's text, with the punctuation around a word or number.
    fn parts(&self) -> [&str; 3] {
        match *self {
            Chunk::Fixed(text) | Chunk::Symbol(text) => [text, "", ""],
            Chunk::Word(before, token, after) | Chunk::Number(before, token, after) => {
                [before, token, after]
            }
        }
    }

    /// Whether the piece is punctuation alone ("-", "–", "/", "…"): no word to the model, which
    /// counted none in training ([`line_words`](crate::text::words::line_words)).
    pub(super) fn is_punctuation(&self) -> bool {
        matches!(self, Chunk::Fixed(text) if !text.chars().any(is_word_char))
    }

    /// Whether the piece is a list item's bullet ("-" before "Tổ chức …"), which the model
    /// reads as an other word when it stands first in its line.
    pub(super) fn is_list_bullet(&self) -> bool {
        matches!(self, Chunk::Fixed(text) if is_list_bullet(text))
    }

    /// Whether the piece has a character of noise in it or around it ("~?tI", "{").
    pub(super) fn has_odd(&self) -> bool {
        self.parts().iter().any(|part| part.chars().any(is_odd))
    }
}

/// What a word is, for deciding whether its line is damaged.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum WordKind {
    /// A valid syllable with at least one mark or đ.
    Marked,
    /// A valid syllable without marks.
    Plain,
    /// Not a syllable.
    Invalid,
    /// Not a syllable as written, but the letters of one whose marks were lost ("luat" for
    /// "luật": a stop coda needs a tone mark).
    Unmarked,
    /// An acronym to leave alone.
    Acronym,
}

pub(super) fn word_kind(word: &str, acronym: bool) -> WordKind {
    if acronym {
        WordKind::Acronym
    } else if !Syllable::is_valid(word) {
        WordKind::Invalid
    } else if word.is_ascii() {
        WordKind::Plain
    } else {
        WordKind::Marked
    }
}

/// Common English words that are not the letters of any Vietnamese syllable: two of them make a
/// line English ("All files were copied from public repositories"). None is OCR's reading of a
/// Vietnamese word: in the 40,058 OCR lines of the shared pairs, the lines with two of them are
/// English titles.
const ENGLISH_WORDS: [&str; 41] = [
    "all", "also", "and", "any", "are", "as", "been", "by", "did", "does", "for", "from", "has",
    "have", "her", "his", "into", "is", "its", "of", "or", "other", "our", "shall", "she",
    "should", "some", "such", "their", "them", "there", "these", "they", "this", "those", "under",
    "was", "were", "which", "with", "would",
];

/// Common English words that are also a syllable's letters ("the" is "thẻ" typed without marks,
/// "than" is "thân", "that" is "thất"): no sign of English on their own, but English at the
/// edge of an English run ("… is worth more than the").
const ENGLISH_SYLLABLE_WORDS: [&str; 12] = [
    "a", "an", "at", "but", "in", "it", "not", "on", "than", "that", "the", "to",
];

/// English words of [`ENGLISH_WORDS`] that make a line English.
const ENGLISH_LINE_WORDS: usize = 2;

/// Whether a word is one of the common English words of [`ENGLISH_WORDS`], in any case.
pub(super) fn is_english_word(word: &str) -> bool {
    is_one_of(&ENGLISH_WORDS, word)
}

/// Whether a word is one of `list`, in any case.
fn is_one_of(list: &[&str], word: &str) -> bool {
    list.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// Leaves the English run of a line as written (its words made fixed pieces): from its first
/// common English word to its last, and on over the pieces around that are neither a
/// syllable's letters nor a word with other than ASCII letters in it, or are English words
/// that are a syllable's letters ([`ENGLISH_SYLLABLE_WORDS`]). In "Roger H. Gordon,
/// "Government as a monopolist in the market: the case of China”, thang 4/1999", all but
/// "thang 4/1999", which is then read.
pub(super) fn keep_english_run<'l>(
    line: &'l str,
    chunks: &mut [(usize, Chunk<'l>)],
    kinds: &IdMap<u64, WordKind>,
) {
    let kind = |chunk: &Chunk| match chunk {
        Chunk::Word(_, w, _) => kinds.get(&word_hash(w)).copied(),
        _ => None,
    };
    let english = |chunk: &Chunk| {
        matches!(chunk, Chunk::Word(_, w, _) if is_english_word(w))
            && kind(chunk) == Some(WordKind::Invalid)
    };
    // (English words are ASCII letters; "H6i" and "thảo" are Vietnamese, damaged or not.)
    let vietnamese = |chunk: &Chunk| {
        matches!(chunk, Chunk::Word(_, w, _) if !w.bytes().all(|b| b.is_ascii_alphabetic()))
            || matches!(
                kind(chunk),
                Some(WordKind::Marked | WordKind::Plain | WordKind::Unmarked)
            )
    };
    let (Some(mut from), Some(mut to)) = (
        chunks.iter().position(|(_, c)| english(c)),
        chunks.iter().rposition(|(_, c)| english(c)),
    ) else {
        return;
    };
    let goes_on = |chunk: &Chunk| {
        !vietnamese(chunk)
            || matches!(chunk, Chunk::Word(_, w, _)
                if is_one_of(&ENGLISH_SYLLABLE_WORDS, w))
    };
    while from > 0 && goes_on(&chunks[from - 1].1) {
        from -= 1;
    }
    while to + 1 < chunks.len() && goes_on(&chunks[to + 1].1) {
        to += 1;
    }
    for (offset, chunk) in &mut chunks[from..=to] {
        if let Chunk::Word(pre, w, post) = *chunk {
            *chunk = Chunk::Fixed(&line[*offset..*offset + pre.len() + w.len() + post.len()]);
        }
    }
}

/// How the marks of a line's words look: the signal for "is this line damaged?".
/// Words a line of clean text needs to be read as typed without marks.
const TYPED_LINE_WORDS: usize = 3;
/// A line of at least this many words...
const FOREIGN_LINE_WORDS: usize = 4;
/// ...of which this many tenths are no syllable's letters is in another language, left as written.
const FOREIGN_SHARE_TENTHS: usize = 8;

#[derive(Default)]
pub(super) struct LineShape {
    /// Valid syllables with at least one mark or đ.
    pub(super) marked: usize,
    /// Valid syllables without any mark.
    plain: usize,
    /// Words that are not syllables (and not acronyms, numbers or symbols).
    invalid: usize,
    /// Of those, the words that are no syllable's letters either: OCR damage, not lost marks.
    pub(super) broken: usize,
    /// Of the broken words, those of two letters or more and nothing else (not a unit such as
    /// "m" or "220V").
    broken_long: usize,
    /// Of the invalid words, those that carry a mark all the same ("nhiém" for "nhiệm"): a
    /// mark misread, which typing without marks never makes.
    pub(super) misread: usize,
    /// Of the invalid words, the common English ones ([`ENGLISH_WORDS`]).
    english: usize,
}

impl LineShape {
    /// Counts one word of the given kind.
    pub(super) fn add_word(&mut self, word: &str, kind: WordKind) {
        if matches!(kind, WordKind::Invalid | WordKind::Unmarked) && !word.is_ascii() {
            self.misread += 1;
        }
        if kind == WordKind::Invalid && word.chars().nth(1).is_some() && word.chars().all(is_letter)
        {
            self.broken_long += 1;
            self.english += usize::from(is_english_word(word));
        }
        self.add(kind);
    }

    fn add(&mut self, kind: WordKind) {
        match kind {
            WordKind::Marked => self.marked += 1,
            WordKind::Plain => self.plain += 1,
            WordKind::Invalid => {
                self.invalid += 1;
                self.broken += 1;
            }
            WordKind::Unmarked => self.invalid += 1,
            WordKind::Acronym => {}
        }
    }

    pub(super) fn merge(&mut self, other: &LineShape) {
        self.marked += other.marked;
        self.plain += other.plain;
        self.invalid += other.invalid;
        self.broken += other.broken;
        self.broken_long += other.broken_long;
        self.misread += other.misread;
        self.english += other.english;
    }

    pub(super) fn words(&self) -> usize {
        self.marked + self.plain + self.invalid
    }

    /// Another language: most words are no syllable's letters, and few are a syllable's ("This
    /// plan is posted online"; not "Gạch ốp, lát (Ceramic, Granit, Cotto, Terrazo)").
    pub(super) fn is_foreign(&self) -> bool {
        self.broken_long >= FOREIGN_LINE_WORDS
            && self.broken_long * 10 >= self.words() * FOREIGN_SHARE_TENTHS
            && self.syllable_letters() * 4 <= self.words()
    }

    /// A line with English in it: two common English words or more ([`keep_english_run`]).
    pub(super) fn is_english(&self) -> bool {
        self.english >= ENGLISH_LINE_WORDS
    }

    /// Words that are a syllable's letters, with or without the right marks.
    fn syllable_letters(&self) -> usize {
        self.words() - self.broken
    }

    /// Whether a line is left as written in a document with this damage: a clean line; in
    /// typed text, a line in another language; in clean text, any line but one typed without
    /// marks.
    pub(super) fn left_as_written(&self, damage: Damage) -> bool {
        self.is_clean()
            || damage != Damage::Ocr && self.is_foreign()
            || damage == Damage::Clean && !self.typed_without_marks()
    }

    /// A line typed without marks: no mark, three words or more, three in four of them a
    /// syllable's letters without marks, and one at least that cannot be right so ("Danh sach
    /// cac xa", where "sach" and "cac" need a tone; not "Ban thanh tra", which needs none).
    fn typed_without_marks(&self) -> bool {
        let letters = self.syllable_letters();
        self.marked == 0
            && self.invalid > self.broken
            && letters >= TYPED_LINE_WORDS
            && letters * 4 >= self.words() * 3
    }

    /// Clean Vietnamese: marks on a normal share of syllables and (almost) no broken words.
    pub(super) fn is_clean(&self) -> bool {
        let total = self.words();
        total == 0
            || (self.invalid == 0 && self.marked * 10 >= total * 3)
            || (self.marked * 2 >= total && self.invalid * 5 <= total)
    }
}

/// Classifies one piece of a line: a whitespace-separated chunk or a part of one between separators.
pub(super) fn classify(chunk: &str) -> Chunk<'_> {
    // The common case first: a chunk of letters only is a word (or a lone capital, a label).
    let mut letters = 0;
    if chunk.chars().all(|c| {
        letters += 1;
        is_letter(c)
    }) {
        let label = letters == 1 && chunk.chars().all(char::is_uppercase);
        return if letters > MAX_WORD || label {
            Chunk::Fixed(chunk)
        } else {
            Chunk::Word("", chunk, "")
        };
    }
    if is_url_or_email(chunk) {
        return Chunk::Fixed(chunk);
    }
    if is_symbol(chunk) {
        return Chunk::Symbol(chunk);
    }
    if let Some(rest) = chunk.strip_prefix(OCR_LETTER_SYMBOLS)
        && rest.chars().all(|c| matches!(c, ',' | '.' | ';' | ':'))
    {
        return Chunk::Number("", &chunk[..chunk.len() - rest.len()], rest);
    }
    let (pre, word, post) = split_word(chunk);
    let letters = word.chars().filter(|c| is_letter(*c)).count();
    let single_upper = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    // A lone letter before ")" or "." marks a list item ("a)", "b."); a lone capital is a label.
    let list_mark = word.chars().count() == 1 && (post.starts_with(')') || post.starts_with('.'));
    // (A number before a unit sign is a number: "6%", "30°".)
    let unit = post.starts_with(['%', '‰', '°']);
    let short_number =
        !word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit());
    if short_number && !list_mark && !unit {
        return Chunk::Number(pre, word, post);
    }
    // (A word of MAX_WORD bytes or fewer has no more characters than that.)
    let too_long = word.len() > MAX_WORD && longest_part(word) > MAX_WORD;
    if letters == 0 || too_long || single_upper || list_mark {
        return Chunk::Fixed(chunk);
    }
    Chunk::Word(pre, word, post)
}

/// In OCR output, a lone consonant set apart by [`classify`] as a label may be a syllable
/// whose vowels OCR lost, as a lone small consonant is read ("hợp tác x" for "xã"): a capital
/// between spaces ("B Công Thương" for "Bộ"), and after the line's first piece a small one
/// followed by a closing bracket, which OCR put for the vowel ("đầu t) nước ngoài" for "tư";
/// in the training documents' OCR pairs 40 of 41 such pieces mid-line were words, and all 144
/// at a line's start list labels). They become words to read (a label stays one where the
/// model likes it better, "khu B"). Returns whether any did.
pub(super) fn read_lone_letters(chunks: &mut [(usize, Chunk)]) -> bool {
    let mut any = false;
    for (n, (_, chunk)) in chunks.iter_mut().enumerate() {
        let Chunk::Fixed(c) = *chunk else {
            continue;
        };
        let letter_len = c.chars().next().map_or(0, char::len_utf8);
        let (letter, rest) = c.split_at(letter_len);
        let consonant = letter.chars().all(is_letter) && !letter.is_empty() && !has_vowel(letter);
        let capital = rest.is_empty() && letter.chars().all(char::is_uppercase);
        let bracketed = n > 0 && rest.starts_with(')') && letter.chars().all(char::is_lowercase);
        if consonant && (capital || bracketed) {
            *chunk = Chunk::Word("", letter, rest);
            any = true;
        }
    }
    any
}

/// The length in characters of a word, or of its longest part between [`SEPARATORS`] and
/// [`GLUE`] when every part is letters only or digits only: "đồng/người/tháng" is three
/// words, each short enough to read, but a long run of odd symbols and letters mixed with
/// digits is noise ("vtA,$wqC>F|Z", "cLr|kxX!Q4WZVJ5RX").
fn longest_part(word: &str) -> usize {
    let parts = word.split(|c| SEPARATORS.contains(&c) || GLUE.contains(&c));
    let plain =
        |part: &str| part.chars().all(is_letter) || part.chars().all(|c| c.is_ascii_digit());
    if !parts.clone().all(plain) {
        return word.chars().count();
    }
    parts.map(|part| part.chars().count()).max().unwrap_or(0)
}

/// The pieces of a line with their byte offsets: URLs and symbols whole, other chunks cut at
/// separators and at glue between letters.
pub(super) fn pieces(line: &str) -> Vec<(usize, Chunk<'_>)> {
    let offset = |piece: &str| piece.as_ptr() as usize - line.as_ptr() as usize;
    let mut out = Vec::new();
    for (n, mut chunk) in line.split_whitespace().enumerate() {
        // A label glued to the line's first word is a piece of its own ("V.CHE"); so is a
        // number glued by its dot to a word anywhere ("Điều 5.Trách", "năm 2025.Trong").
        let number = chunk.starts_with(|c: char| c.is_ascii_digit());
        if let Some(end) = glued_label(chunk).filter(|_| n == 0 || number) {
            out.push((offset(chunk), Chunk::Fixed(&chunk[..end])));
            chunk = &chunk[end..];
        }
        match classify(chunk) {
            Chunk::Word(..) if has_separator_or_glue(chunk) => {
                let parts = chunk.split(SEPARATORS).filter(|p| !p.is_empty());
                out.extend(parts.flat_map(unglue).map(|p| (offset(p), classify(p))));
            }
            whole => out.push((offset(chunk), whole)),
        }
    }
    out
}

/// Separators OCR writes for a marked vowel it cannot read ("s(n" for "sản", "thi?c" for
/// "thức", "nhl)p" for "nhập"): see [`join_vowel_signs`].
const OCR_VOWEL_SIGNS: [char; 5] = ['(', ')', '[', ']', '?'];

/// In OCR output: the pieces with each two words that a run of [`OCR_VOWEL_SIGNS`] alone parts
/// made one word again where the letters on one side of the run are a part broken off a
/// syllable (no vowel, three letters at most, in small letters unless a lone letter): OCR's
/// reading of a marked vowel, not two words. In the training documents' OCR pairs all 27 such
/// chunks were one word ("s(n", "ng(li", "st?c"); chunks whose letters on both sides have a
/// vowel are two ("thi(Phan", "sé(cac"), and so are chunks parted by other separators ("H/DAN",
/// "b/c"). Typing makes no such runs: typed text keeps its pieces ("d(i)", "f(x)").
pub(super) fn join_vowel_signs<'l>(
    line: &'l str,
    chunks: Vec<(usize, Chunk<'l>)>,
) -> Vec<(usize, Chunk<'l>)> {
    // (Most lines have no such sign: they keep their pieces as they are.)
    if !line.contains(OCR_VOWEL_SIGNS) {
        return chunks;
    }
    let offset = |piece: &str| piece.as_ptr() as usize - line.as_ptr() as usize;
    let broken_off = |letters: &str| {
        let n = letters.chars().count();
        (1..=3).contains(&n)
            && !has_vowel(letters)
            && (n == 1 || !letters.chars().any(char::is_uppercase))
    };
    let mut out: Vec<(usize, Chunk<'l>)> = Vec::with_capacity(chunks.len());
    for (at, chunk) in chunks {
        if let (Some((_, Chunk::Word(_, left, _))), Chunk::Word(_, right, post)) =
            (out.last(), &chunk)
        {
            let (left_at, right_at) = (offset(left), offset(right));
            let between = &line[left_at + left.len()..right_at];
            // (The letters right beside the run: a word joined before may hold signs.)
            let after_sign = left
                .char_indices()
                .rfind(|&(_, c)| !is_letter(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let left_letters = &left[after_sign..];
            let right_letters = &right[..right.find(|c| !is_letter(c)).unwrap_or(right.len())];
            if !between.is_empty()
                && between.chars().all(|c| OCR_VOWEL_SIGNS.contains(&c))
                && !left_letters.is_empty()
                && !right_letters.is_empty()
                && (broken_off(left_letters) || broken_off(right_letters))
                && let Some((_, Chunk::Word(pre, ..))) = out.pop()
            {
                let word = &line[left_at..right_at + right.len()];
                out.push((left_at - pre.len(), Chunk::Word(pre, word, post)));
                continue;
            }
        }
        out.push((at, chunk));
    }
    out
}

/// The pieces with each word that `cut` finds two syllables in (the byte where the second
/// starts) cut there into two words, which the line keeps together as written ("naogiai" read
/// "nào" and "giai", written "nàogiai").
pub(super) fn split_merged<'l>(
    line: &'l str,
    chunks: Vec<(usize, Chunk<'l>)>,
    cut: impl Fn(&str) -> Option<usize>,
) -> Vec<(usize, Chunk<'l>)> {
    let offset = |piece: &str| piece.as_ptr() as usize - line.as_ptr() as usize;
    let mut out = Vec::with_capacity(chunks.len());
    for (at, chunk) in chunks {
        match chunk {
            Chunk::Word(pre, word, post) if let Some(cut) = cut(word) => {
                out.push((at, Chunk::Word(pre, &word[..cut], "")));
                out.push((offset(&word[cut..]), Chunk::Word("", &word[cut..], post)));
            }
            other => out.push((at, other)),
        }
    }
    out
}

/// The ASCII characters among [`SEPARATORS`] and [`GLUE`], by byte.
const ASCII_SPLITS: [bool; 128] = {
    let mut table = [false; 128];
    let mut i = 0;
    while i < SEPARATORS.len() + GLUE.len() {
        let c = if i < SEPARATORS.len() {
            SEPARATORS[i]
        } else {
            GLUE[i - SEPARATORS.len()]
        } as usize;
        if c < 128 {
            table[c] = true;
        }
        i += 1;
    }
    table
};

/// Whether a chunk holds a [`SEPARATORS`] or [`GLUE`] character (bytes first: the non-ASCII
/// ones are all three bytes long and start with 0xE2, which no Vietnamese letter does).
fn has_separator_or_glue(chunk: &str) -> bool {
    let mut non_ascii_punctuation = false;
    for b in chunk.bytes() {
        if b < 0x80 {
            if ASCII_SPLITS[usize::from(b)] {
                return true;
            }
        } else {
            non_ascii_punctuation |= b == 0xE2;
        }
    }
    non_ascii_punctuation && (chunk.contains(SEPARATORS) || chunk.contains(GLUE))
}

/// A line of mostly odd symbols (not letters, digits, punctuation or table rules) is noise, not
/// words. Markdown's bold marks around words ("**KẾ HOẠCH**") are not counted.
pub(super) fn looks_like_noise(line: &str) -> bool {
    let (odd, total) = odd_characters(line);
    odd * 5 > total
}

/// A line with more than one odd character in ten, and at least three, short of noise
/// ([`looks_like_noise`]): where a short word with no clean word beside it is a fragment of the
/// noise, not a word. (One or two odd characters are OCR's slips or an acronym's "&" in a short
/// line: "BỘ KH&CN".)
pub(super) fn looks_half_noise(line: &str) -> bool {
    let (odd, total) = odd_characters(line);
    odd >= 3 && odd * 10 > total
}

/// How many of a line's characters are odd ([`is_odd`]), and how many it has (spaces and
/// Markdown's bold marks around words ("**KẾ HOẠCH**") not counted).
fn odd_characters(line: &str) -> (usize, usize) {
    let chunks = line
        .split_whitespace()
        .map(|chunk| chunk.trim_start_matches("**").trim_end_matches("**"));
    chunks.flat_map(str::chars).fold((0, 0), |(odd, total), c| {
        (odd + usize::from(is_odd(c)), total + 1)
    })
}

/// True for a character that is neither a letter, a digit, ordinary punctuation nor a table
/// rule: what noise is made of ("~", "{", "¢", "^").
fn is_odd(c: char) -> bool {
    !(is_word_char(c) || ".,;:()-–—\"“”'’/%|…".contains(c))
}

/// The first `bytes` of a text (at a character boundary): enough to judge a whole document.
pub(super) fn head(text: &str, bytes: usize) -> &str {
    let mut end = text.len().min(bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// How much of a document [`needs_restoration`] judges at once, at most (whole lines).
const JUDGED_PART: usize = 16 * 1024;
/// Words a part after the first needs to be judged at all (the first: [`JUDGED_FIRST_WORDS`]).
const JUDGED_PART_WORDS: usize = 100;
/// Words a document's first part needs to be judged.
const JUDGED_FIRST_WORDS: usize = 5;

/// True when a document, or a part of it (an OCR'd appendix after typed pages), looks
/// OCR-garbled or typed without accents: a cheap test on each `JUDGED_PART` of its lines.
pub fn needs_restoration(text: &str) -> bool {
    let mut rest = text;
    let mut least_words = JUDGED_FIRST_WORDS;
    while !rest.is_empty() {
        let mut part = head(rest, JUDGED_PART);
        if part.len() < rest.len()
            && let Some(end) = part.rfind('\n')
        {
            part = &part[..=end];
        }
        rest = &rest[part.len()..];
        let mut shape = LineShape::default();
        for (_, piece) in pieces(part) {
            if let Chunk::Word(_, word, _) = piece {
                shape.add(word_kind(word, is_acronym_shape(word)));
            }
        }
        let total = shape.words();
        if total >= least_words
            && (shape.marked * 10 < total * 3 || shape.invalid * 100 > total * 15)
        {
            return true;
        }
        least_words = JUDGED_PART_WORDS;
    }
    false
}

/// True when nearly all of a line's letters are capitals (an OCR'd heading: "KINH PHi THUC HIEN").
pub(super) fn mostly_capitals(line: &str) -> bool {
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in line.chars().filter(|c| is_letter(*c)) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    letters >= 6 && upper * 10 >= letters * 9
}

/// The syllable key of the word a line ends on, when it is a word in small letters with no
/// punctuation after it (its sentence may go on in the next line).
pub(super) fn last_small_word(line: &str) -> Option<String> {
    let last = line.split_whitespace().next_back()?;
    let small = last.chars().next().is_some_and(char::is_lowercase);
    (small && last.chars().all(is_letter))
        .then(|| syllable_key(last))
        .flatten()
}

/// Where `part` starts in `text`, when it is a slice of it.
pub(super) fn offset_within(text: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (start + part.len() <= text.len() && text.is_char_boundary(start)).then_some(start)
}

/// The memo's key for a short number's readings (apart from any word's).
pub(super) fn number_hash(digits: &str) -> u64 {
    word_hash(digits) ^ 0x9e37_79b9_7f4a_7c15
}

pub(super) fn word_hash(word: &str) -> u64 {
    use std::hash::BuildHasher;
    BuildHasherDefault::<IdHasher>::default().hash_one(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_are_classified() {
        assert!(matches!(classify("148/QD-TTg"), Chunk::Symbol(_)));
        assert!(is_acronym_shape("UBND") && is_acronym_shape("HĐND") && is_acronym_shape("TTr"));
        assert!(!is_acronym_shape("HOẠCH") && !is_acronym_shape("Ocop"));
        assert!(!is_acronym_shape("THU'C"));
        assert!(matches!(classify("2026"), Chunk::Fixed(_)));
        assert!(matches!(classify("16,"), Chunk::Number("", "16", ",")));
        assert!(matches!(classify("6%"), Chunk::Fixed(_)));
        assert!(matches!(classify("6."), Chunk::Fixed(_)));
        assert!(matches!(classify("26/01/2026"), Chunk::Symbol(_)));
        assert!(matches!(classify("tan/nam"), Chunk::Word(..)));
        // Rates are words; so are slashed words longer together than a word can be, but not
        // noise.
        assert!(matches!(classify("USD/thung,"), Chunk::Word(..)));
        assert!(matches!(classify("dong/nguoi/thang"), Chunk::Word(..)));
        assert!(matches!(classify("ngay……thang…nam"), Chunk::Word(..)));
        assert!(matches!(classify("cLr|kxX!Q4WZVJ5RX"), Chunk::Fixed(_)));
        assert!(matches!(classify("vtA,$wqC>F|Z51rJ{"), Chunk::Fixed(_)));
        assert!(matches!(classify("b/c"), Chunk::Symbol(_)));
        assert!(matches!(classify("https://x.vn/a"), Chunk::Fixed(_)));
        assert!(matches!(classify("(OCOP)"), Chunk::Word("(", "OCOP", ")")));
        assert!(matches!(classify("---*---"), Chunk::Fixed(_)));
        assert!(matches!(classify("“Kinh"), Chunk::Word("“", "Kinh", "")));
        assert!(matches!(classify("T6"), Chunk::Word("", "T6", "")));
        // A list dash glued to the first word ("-T6 chirc") is no symbol; one with a slash is.
        assert!(matches!(classify("-T6"), Chunk::Word("-", "T6", "")));
        assert!(matches!(classify("-148/QD-TTg"), Chunk::Symbol(_)));
        assert!(matches!(classify("QD-UBND"), Chunk::Symbol(_)));
        assert!(matches!(classify("nu@éc"), Chunk::Word(..)));
        assert!(matches!(classify("so.ocop@gmail.com"), Chunk::Fixed(_)));
    }

    #[test]
    fn a_vowel_read_as_a_bracket_stays_inside_its_word_in_ocr_output() {
        let words = |line: &'static str| -> Vec<&'static str> {
            join_vowel_signs(line, pieces(line))
                .into_iter()
                .map(|(at, chunk)| match chunk {
                    Chunk::Word(pre, w, _) => {
                        assert_eq!(&line[at + pre.len()..at + pre.len() + w.len()], w);
                        w
                    }
                    _ => "-",
                })
                .collect()
        };
        // Next to letters without a vowel, a bracket or question mark is the vowel OCR missed.
        assert_eq!(words("s(n xuất"), ["s(n", "xuất"]);
        assert_eq!(words("của ng(li, dân"), ["của", "ng(li", "dân"]);
        assert_eq!(words("thi?c hiện"), ["thi?c", "hiện"]);
        assert_eq!(words("(nhl)p khẩu"), ["nhl)p", "khẩu"]);
        assert_eq!(words("t(x)q chức"), ["t(x)q", "chức"]);
        // The letters beside the run are those after a sign of several bytes in the word.
        assert_eq!(words("s¢n(c"), ["s¢n(c"]);
        assert_eq!(words("tr¢(c"), ["tr¢", "c"]);
        // Between two parts with vowels, or parted by other separators, they are two words.
        assert_eq!(words("thi(Phan"), ["thi", "Phan"]);
        assert_eq!(words("(OCOP) và"), ["OCOP", "và"]);
        assert_eq!(words("tan/nam"), ["tan", "nam"]);
        assert_eq!(words("a, b"), ["a", "b"]);
        assert_eq!(words("TCT(HC"), ["TCT", "HC"]);
    }

    #[test]
    fn symbol_soup_is_noise_but_ocr_slips_are_not() {
        assert!(looks_like_noise(
            "!qX@%I*mO#E3}&vt$6&Ku#M+4UUO#NOq@4{L>dt?J+NfL"
        ));
        assert!(!looks_like_noise(
            "thuc I}ién có hiệu quả nhóm tiêu chí “Kinh tế và tổ"
        ));
    }
}
