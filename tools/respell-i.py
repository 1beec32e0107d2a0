#!/usr/bin/env python3
"""Write a text in the i spelling: a syllable of h, k, l, m, qu, s or t and a lone y (any tone)
takes i instead ("kỳ" → "kì", "lý" → "lí", "Công ty" → "Công ti", "quy" → "qui"), as text typed
by a writer of the modern school spelling has it. "uy" ("thủy", "tuy") is a vowel of its own
and stays. Used by tools/dev-restore.sh and tools/eval-restore.sh for their rows of text typed
in that spelling.

Usage: tools/respell-i.py FILE > OUT
"""
import re
import sys
import unicodedata

# Combining tone marks, and the small i that carries each.
I_WITH_TONE = {"": "i", "\u0300": "ì", "\u0301": "í", "\u0303": "ĩ", "\u0309": "ỉ", "\u0323": "ị"}
ONSETS = ("qu", "h", "k", "l", "m", "s", "t")


def respell(match):
    word = match.group(0)
    letters = unicodedata.normalize("NFD", word)
    tone = "".join(c for c in letters if c in I_WITH_TONE and c)
    base = "".join(c for c in letters if c not in I_WITH_TONE or not c)
    if base.lower() not in {onset + "y" for onset in ONSETS}:
        return word
    i = I_WITH_TONE[tone]
    return base[:-1] + (i.upper() if base[-1].isupper() else i)


def main():
    text = unicodedata.normalize("NFC", open(sys.argv[1], encoding="utf-8").read())
    sys.stdout.write(re.sub(r"[^\W\d_]+", respell, text))


if __name__ == "__main__":
    main()
