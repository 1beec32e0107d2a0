#!/usr/bin/env python3
"""Writes Vietnamese text as it comes out typed with the input method switched off: the keys of
Telex ("Kees hoajch") or of VNI typing ("Ke61 hoa5ch"), to measure how `kehoach normalize
--restore` reads such text back (tools/eval-restore.sh, tools/dev-restore.sh).

Writers differ in where they press the keys, so each word draws its habit (seeded): the tone
key at the word's end (seven words in ten) or right after its vowel; Telex "ươ" as "uow" or
"uwow"; a VNI shape digit right after its letter or at the word's end (right after it in a
word in capitals, an acronym: "D9TXD"). Letters are kept in
their case ("Đ" is "DD" in a word in capitals, "Dd" in a word with a first capital).

With --forget P, a writer who leaves out keys: each word with a mark is typed, with
chance P, with no keys at all (as typed without marks).

Usage: tools/type-keys.py telex|vni [--seed N] [--forget P] FILE > OUT
"""
import argparse
import random
import re
import sys
import unicodedata

TONES = {"\u0301": ("s", "1"), "\u0300": ("f", "2"), "\u0309": ("r", "3"),
         "\u0303": ("x", "4"), "\u0323": ("j", "5")}
SHAPES = {"\u0302": ("", "6"), "\u0306": ("w", "8"), "\u031b": ("w", "7")}


def letters_of(word):
    """Each letter as (base letter, shape mark or None), and the word's tone mark or None."""
    out, tone = [], None
    for c in word:
        base, *marks = unicodedata.normalize("NFD", c)
        shape = None
        if base in "đĐ":
            base, shape = ("d" if base == "đ" else "D"), "stroke"
        for m in marks:
            if m in TONES:
                tone = m
            elif m in SHAPES:
                shape = m
        out.append((base, shape))
    return out, tone


def telex(word, rng):
    letters, tone = letters_of(word)
    upper = word.isupper() and len(word) > 1
    keys, vowel_end = [], None
    i = 0
    while i < len(letters):
        base, shape = letters[i]
        low = base.lower()
        if shape == "stroke":
            keys.append(base + ("D" if upper else "d"))
        elif shape == "\u0302":
            keys.append(base + (low.upper() if upper else low))
        elif shape == "\u0306":
            keys.append(base + ("W" if upper else "w"))
        elif shape == "\u031b":
            nxt = letters[i + 1] if i + 1 < len(letters) else None
            if low == "u" and nxt and nxt[0].lower() == "o" and nxt[1] == "\u031b" and rng.random() < 0.5:
                keys.append(base + nxt[0] + ("W" if upper else "w"))  # "uow"
                i += 1
            else:
                keys.append(base + ("W" if upper else "w"))
        else:
            keys.append(base)
        if low in "aeiouy":
            vowel_end = len(keys)
        i += 1
    if tone:
        key = TONES[tone][0].upper() if upper else TONES[tone][0]
        at = len(keys) if rng.random() < 0.7 or vowel_end is None else vowel_end
        keys.insert(at, key)
    return "".join(keys)


def vni(word, rng):
    letters, tone = letters_of(word)
    keys, shapes_at_end, vowel_end = [], [], None
    for base, shape in letters:
        digit = {"stroke": "9", "\u0302": "6", "\u0306": "8", "\u031b": "7"}.get(shape)
        keys.append(base)
        if digit:
            if rng.random() < 0.5 or (word.isupper() and len(word) > 1):
                keys.append(digit)
            else:
                shapes_at_end.append(digit)
        if base.lower() in "aeiouy":
            vowel_end = len(keys)
    # "ươ" typed once ("uo7") when both horns went to the end.
    if shapes_at_end.count("7") == 2:
        shapes_at_end.remove("7")
    keys += shapes_at_end
    if tone:
        at = len(keys) if rng.random() < 0.7 or vowel_end is None else vowel_end
        keys.insert(at, TONES[tone][1])
    return "".join(keys)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("keys", choices=["telex", "vni"])
    parser.add_argument("file")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--forget", type=float, default=0.0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    typer = telex if args.keys == "telex" else vni
    text = unicodedata.normalize("NFC", open(args.file, encoding="utf-8").read())

    def typed(m):
        word = m.group(0)
        if word.isascii():
            return word
        if args.forget and rng.random() < args.forget:
            plain = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
            return "".join(c for c in plain if not unicodedata.combining(c))
        return typer(word, rng)

    sys.stdout.write(re.sub(r"[^\W\d_]+", typed, text))


if __name__ == "__main__":
    main()
