//! Case: what a written word's case says about its readings, and how a reading is written back.

use super::names::ends_place_type;
use super::pieces::Chunk;
use super::{Candidate, Restorer};
use crate::text::syllable::{base_letter, is_letter, same_letters};
use crate::text::upper_first;
use crate::text::words::Written;

/// Weight of what a word written with a capital after another word says
/// ([`LanguageModel::case_cost`](crate::text::lm::LanguageModel::case_cost)) against the other
/// costs: a capital mid-line is the writer's choice, strong evidence of a name.
const CASE_WEIGHT_TITLE: f32 = 0.75;
/// The same for a word written in small letters: the default writing (text typed without
/// marks often skips capitals too), weaker evidence that a word is no name.
const CASE_WEIGHT_LOWER: f32 = 0.25;

/// The commonest Vietnamese surnames, borne by about nine people in ten: a name's first word is
/// most likely one of them ("KS Nguyen Quang Dung" is "Nguyễn", not "Nguyên"; "duong Le Loi"
/// is "Lê", not "Lễ").
const SURNAMES: [&str; 16] = [
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
    "hồ", "ngô", "dương", "lý",
];
/// The commonest middle names, by far: "Văn" for men and "Thị" for women, after the surname
/// (in the names of the shared corpus's training documents, "Van" after a surname is "Văn" 32
/// times of 33, "Thi" "Thị" 7 of 7).
const MIDDLE_NAMES: [&str; 2] = ["văn", "thị"];

/// Cost of a reading that is no surname for the first word of a name, where another reading is
/// one ([`name_starts`]).
const NOT_SURNAME_COST: f32 = 4.0;

/// [`NOT_SURNAME_COST`] for the first word of a line that is a name alone, where a surname is the
/// word as written, marks aside: the line says "a person" more surely than a name mid-line does.
const NAME_LINE_SURNAME_COST: f32 = 8.0;

/// Whether piece `i` of a line is a word followed by only spaces and then another word.
fn spaced(line: &str, chunks: &[(usize, Chunk)], i: usize) -> bool {
    let (at, chunk) = &chunks[i];
    let Chunk::Word(pre, word, post) = chunk else {
        return false;
    };
    let end = at + pre.len() + word.len() + post.len();
    post.is_empty()
        && matches!(chunks.get(i + 1), Some((_, Chunk::Word("", _, _))))
        && line
            .get(end..chunks[i + 1].0)
            .is_some_and(|between| between.chars().all(char::is_whitespace))
}

/// Whether piece `i` is "ông" or "Bà", in any case ([`PERSONAL_TITLES`]), no part of a name
/// itself (right after a word in title case, or after the type of a place: "quận Ba Đình"),
/// with only spaces after it. (After a comma it may start the next person of a list.)
fn is_personal_title(line: &str, chunks: &[(usize, Chunk)], i: usize) -> bool {
    let after_name_or_place = || {
        i.checked_sub(1).is_some_and(|b| match chunks[b].1 {
            Chunk::Word(_, word, _) => {
                (chunks[b].1.is_title_word() && spaced(line, chunks, b)) || ends_place_type(word)
            }
            _ => false,
        })
    };
    matches!(chunks[i].1, Chunk::Word(_, word, _)
        if PERSONAL_TITLES.iter().any(|t| same_letters(word, t)))
        && spaced(line, chunks, i)
        && !after_name_or_place()
}

/// The pieces of a line that start a name mid-line: a word in title case after a piece that is
/// not one (a word in small letters, a title such as "KS" or "TS", a number) or after a
/// person's title ("Ông", "Bà": [`personal_titles`]), and before another word in title case,
/// with no punctuation between the two ("của Đảng, Nhà nước" is no name). (At a line's start
/// every word has a capital: "Dang Cong san" is no name.)
pub(super) fn name_starts<'a>(
    line: &'a str,
    chunks: &'a [(usize, Chunk<'a>)],
) -> impl Iterator<Item = usize> + 'a {
    (1..chunks.len().saturating_sub(1)).filter(move |&i| {
        chunks[i].1.is_title_word()
            && chunks[i + 1].1.is_title_word()
            && spaced(line, chunks, i)
            && (!chunks[i - 1].1.is_title_word() || is_personal_title(line, chunks, i - 1))
    })
}

/// The pieces of a line that are a person's title before a name: "ong" or "Ba", in any case,
/// before two words in title case ("Ba Nguyen Thi Lan" is "Bà Nguyễn Thị Lan").
pub(super) fn personal_titles<'a>(
    line: &'a str,
    chunks: &'a [(usize, Chunk<'a>)],
) -> impl Iterator<Item = usize> + 'a {
    (0..chunks.len().saturating_sub(2)).filter(move |&i| {
        chunks[i + 1].1.is_title_word()
            && chunks[i + 2].1.is_title_word()
            && spaced(line, chunks, i + 1)
            && is_personal_title(line, chunks, i)
    })
}

/// The word after a name's first word (piece `start`) that is the middle of a name of three
/// words or more: the next two pieces are words in title case, with spaces between.
pub(super) fn middle_of_name(line: &str, chunks: &[(usize, Chunk)], start: usize) -> Option<usize> {
    let middle = start + 1;
    (chunks.len() > middle + 1
        && chunks[middle].1.is_title_word()
        && chunks[middle + 1].1.is_title_word()
        && spaced(line, chunks, start)
        && spaced(line, chunks, middle))
    .then_some(middle)
}

/// The words a place's name follows: a street and the administrative units ("duong" is
/// "đường", not "dưỡng"; "quan" is "quận", not "quản").
const PLACE_WORDS: [&str; 5] = ["đường", "quận", "huyện", "tỉnh", "xã"];

/// The spelling of piece `i` when it is one of [`PLACE_WORDS`], written in small letters, marks
/// aside, with only spaces after it and no word in title case before it. ("phuong" is not one:
/// "địa phương", "đơn phương" go on before names as often as "phường" does.)
pub(super) fn place_word(line: &str, chunks: &[(usize, Chunk)], i: usize) -> Option<&'static str> {
    let Chunk::Word(_, word, _) = chunks[i].1 else {
        return None;
    };
    // (After a word in title case it is part of a name: "Học viện Lục quân Đà Lạt".)
    let after_name = i > 0 && chunks[i - 1].1.is_title_word();
    if after_name
        || !word.chars().next().is_some_and(char::is_lowercase)
        || !spaced(line, chunks, i)
    {
        return None;
    }
    PLACE_WORDS
        .into_iter()
        .find(|spelled| same_letters(word, spelled))
}

/// The titles before a person's name: "ông" and "bà" ("Ông Nguyễn Văn An", "giao bà Trần Thị
/// Lan").
const PERSONAL_TITLES: [&str; 2] = ["ông", "bà"];

/// Where a word stands, for writing its reading in the case the written word shows.
#[derive(Clone, Copy, Default)]
pub(super) struct CaseSetting {
    /// The line is (nearly) all capitals.
    pub(super) caps_line: bool,
    /// The document reads as OCR output.
    pub(super) ocr: bool,
    /// A word of the line came before this one.
    pub(super) mid_line: bool,
    /// The word before or after is written in capitals too ("UBND XA", "BO TAI").
    pub(super) caps_beside: bool,
    /// The word goes on a listed word after a word in small letters ("sản Xuất"): its capital,
    /// in OCR output, is a small letter read too large.
    pub(super) goes_on_small: bool,
}

/// Whether a word's capital is OCR's reading of a small letter: in OCR output, the second
/// syllable of a listed word after one in small letters ("sản Xuất"), with a first letter
/// whose capital looks like its small letter (C, O, S, V, W, X, Z, marks aside), or with
/// capitals and small letters mixed after it ("sản XUAt"), a case no word is written in.
pub(super) fn small_letter_read_large(written: &str, at: CaseSetting) -> bool {
    let mut letters = written.chars().filter(|c| is_letter(*c));
    let look_alike = letters
        .next()
        .is_some_and(|c| matches!(base_letter(c), 'C' | 'O' | 'S' | 'V' | 'W' | 'X' | 'Z'));
    let (small, capitals) = letters.fold((0, 0), |(small, capitals), c| {
        (
            small + usize::from(c.is_lowercase()),
            capitals + usize::from(c.is_uppercase()),
        )
    });
    let case_read_large = (look_alike && capitals == 0) || (small > 0 && capitals > 0);
    at.ocr && at.goes_on_small && !at.caps_line && case_read_large
}

/// True when a piece of a line has two letters or more, all capitals ("UBND", "XA").
pub(super) fn in_capitals(piece: &str) -> bool {
    let mut letters = 0;
    piece.chars().filter(|c| is_letter(*c)).all(|c| {
        letters += 1;
        c.is_uppercase()
    }) && letters >= 2
}

/// Writes `syllable` (lower case) with the case pattern of the `written` word; in a line of
/// capitals, a word that starts with a capital is written in capitals. In OCR output, a capital
/// can be a misread small letter: a word in capitals alone in a line of small letters is a
/// small marked vowel read as a capital ("BO Tai chinh" for "Bộ Tài chính"), and mid-line, an
/// "I" or "J" read for another letter is a small letter ("Igi" for "lợi", "Jap" for "lập",
/// "Ju" for "ưu").
pub(super) fn with_case_of(syllable: &str, written: &str, at: CaseSetting) -> String {
    if small_letter_read_large(written, at) {
        return syllable.to_string();
    }
    let letters: Vec<char> = written.chars().filter(|c| is_letter(*c)).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    let starts_upper = written.chars().next().is_some_and(char::is_uppercase);
    // (No syllable starts with "j"; one read from "I" but starting with another letter was a
    // small letter read as "I": "l", or a marked vowel, "ưu" written "Ju", "ổn" written "In".)
    let starts_with_i = syllable
        .chars()
        .next()
        .is_some_and(|c| base_letter(c) == 'i');
    let misread_capital = at.ocr
        && at.mid_line
        && !at.caps_line
        && match letters.first() {
            Some('I') => !starts_with_i,
            Some('J') => true,
            _ => false,
        };
    let lone_capitals = at.ocr && !at.caps_line && !at.caps_beside;
    if ((letters.len() >= 2 && upper == letters.len()) && !lone_capitals)
        || (at.caps_line && starts_upper)
    {
        syllable.to_uppercase()
    } else if (starts_upper || (letters.len() == 1 && upper == 1)) && !misread_capital {
        upper_first(syllable)
    } else {
        syllable.to_string()
    }
}

impl Restorer<'_> {
    /// The readings of a name's first word with [`NOT_SURNAME_COST`] added to those that are no
    /// surname; `None` when none is one. In a line that is a name alone (`written` is its first
    /// word), a surname that is the word as written, marks aside, is preferred by
    /// [`NAME_LINE_SURNAME_COST`] ("Do Thi Mai Anh", a signer, is "Đỗ Thị Mai Anh", though "đô
    /// thị" is a common pair).
    pub(super) fn as_surname(
        &self,
        readings: &[Candidate],
        written: Option<&str>,
    ) -> Option<Vec<Candidate>> {
        let as_written = written.is_some_and(|word| SURNAMES.iter().any(|s| same_letters(word, s)));
        let cost = if as_written {
            NAME_LINE_SURNAME_COST
        } else {
            NOT_SURNAME_COST
        };
        self.preferring(readings, &SURNAMES, cost)
    }

    /// The readings with `cost` added to those that are none of `syllables`; `None` when none
    /// is one.
    fn preferring(
        &self,
        readings: &[Candidate],
        syllables: &[&str],
        cost: f32,
    ) -> Option<Vec<Candidate>> {
        let listed = |c: &Candidate| {
            c.syllable.is_some_and(|s| {
                syllables.contains(&self.inventory.syllables[s as usize].0.as_str())
            })
        };
        readings.iter().any(listed).then(|| {
            readings
                .iter()
                .map(|c| Candidate {
                    cost: c.cost + if listed(c) { 0.0 } else { cost },
                    ..*c
                })
                .collect()
        })
    }

    /// The readings of the middle word of a name with [`NOT_SURNAME_COST`] added to those that
    /// are no [`MIDDLE_NAMES`] ("Do Van Hung" is "Đỗ Văn Hưng", not "Vạn"), or
    /// [`NAME_LINE_SURNAME_COST`] in a line that is a name `alone`; `None` when none is one.
    pub(super) fn as_middle_name(
        &self,
        readings: &[Candidate],
        alone: bool,
    ) -> Option<Vec<Candidate>> {
        let cost = if alone {
            NAME_LINE_SURNAME_COST
        } else {
            NOT_SURNAME_COST
        };
        self.preferring(readings, &MIDDLE_NAMES, cost)
    }

    /// The readings of a street's or unit's word before a name ([`place_word`]) with
    /// [`NOT_SURNAME_COST`] added to those that are not `spelled` ("nang cap duong Le Van Luong"
    /// is "nâng cấp đường", not "cấp dưỡng", a law's word; "xay dung quan Thu Duc" is "quận",
    /// not "quản"); `None` when none is.
    pub(super) fn as_place_word(
        &self,
        readings: &[Candidate],
        spelled: &str,
    ) -> Option<Vec<Candidate>> {
        self.preferring(readings, &[spelled], NOT_SURNAME_COST)
    }

    /// The readings of a person's title before a name with [`NOT_SURNAME_COST`] added to those
    /// that are no title ("Bá", "Bả" for "Bà"); `None` when none is one.
    pub(super) fn as_personal_title(&self, readings: &[Candidate]) -> Option<Vec<Candidate>> {
        self.preferring(readings, &PERSONAL_TITLES, NOT_SURNAME_COST)
    }

    /// The readings of a word with what its case says added to their costs (the likeliest
    /// reading for the case costs nothing more); `None` when case says nothing.
    pub(super) fn with_case_costs(
        &self,
        readings: &[Candidate],
        written: Written,
    ) -> Option<Vec<Candidate>> {
        if written == Written::Other || readings.iter().filter(|c| c.syllable.is_some()).count() < 2
        {
            return None;
        }
        let weight = if written == Written::Lower {
            CASE_WEIGHT_LOWER
        } else {
            CASE_WEIGHT_TITLE
        };
        let case_cost = |c: &Candidate| weight * self.lm.case_cost(c.id, written);
        let least = readings
            .iter()
            .filter(|c| c.syllable.is_some())
            .map(case_cost)
            .fold(f32::INFINITY, f32::min);
        Some(
            readings
                .iter()
                .map(|c| Candidate {
                    cost: c.cost
                        + if c.syllable.is_some() {
                            case_cost(c) - least
                        } else {
                            0.0
                        },
                    ..*c
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::restore::pieces::mostly_capitals;

    #[test]
    fn case_follows_the_written_word() {
        let plain = CaseSetting::default();
        let caps_line = CaseSetting {
            caps_line: true,
            ..plain
        };
        assert_eq!(with_case_of("tổ", "T6", plain), "Tổ");
        assert_eq!(with_case_of("hoạch", "HOACH", plain), "HOẠCH");
        assert_eq!(with_case_of("đường", "duong", plain), "đường");
        assert_eq!(with_case_of("phí", "PHi", caps_line), "PHÍ");
        // OCR: capitals that were small letters.
        let ocr_mid = CaseSetting {
            ocr: true,
            mid_line: true,
            ..plain
        };
        assert_eq!(with_case_of("bộ", "BO", ocr_mid), "Bộ");
        let beside = CaseSetting {
            caps_beside: true,
            ..ocr_mid
        };
        assert_eq!(with_case_of("xã", "XA", beside), "XÃ");
        assert_eq!(with_case_of("lợi", "Igi", ocr_mid), "lợi");
        assert_eq!(with_case_of("lợi", "Loi", ocr_mid), "Lợi");
        // "I" and "J" read for other small letters; a syllable that starts with "i" keeps it.
        assert_eq!(with_case_of("ưu", "Ju", ocr_mid), "ưu");
        assert_eq!(with_case_of("hiện", "I}ién", ocr_mid), "hiện");
        assert_eq!(with_case_of("ích", "Ich", ocr_mid), "Ích");
        // A look-alike capital going on a listed word after a small word ("sản Xuất").
        let in_word = CaseSetting {
            goes_on_small: true,
            ..ocr_mid
        };
        assert_eq!(with_case_of("xuất", "Xuét", in_word), "xuất");
        assert_eq!(with_case_of("bộ", "Bo", in_word), "Bộ");
        assert_eq!(with_case_of("xuất", "Xuét", ocr_mid), "Xuất");
        assert_eq!(with_case_of("xuất", "XUAt", in_word), "xuất");
        assert_eq!(with_case_of("xuất", "XUAT", in_word), "Xuất");
        assert_eq!(
            with_case_of("lợi", "Igi", CaseSetting { ocr: true, ..plain }),
            "Lợi"
        );
        assert!(mostly_capitals("III. KINH PHi THU'C HIEN") && !mostly_capitals("Kinh phí"));
    }
}
