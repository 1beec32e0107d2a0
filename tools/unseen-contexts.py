#!/usr/bin/env python3
"""Whether restoration's errors sit in contexts its model's text never showed.

Usage: tools/unseen-contexts.py GOLD RESTORED    (from the repository root; development files
of tools/dev-restore.sh, restored with its development model)

For each word of GOLD (words compared in lines where GOLD and RESTORED have as many), the
three-word window around it with marks stripped is looked up in the development model's
training text (corpus/text, corpus/public and the training documents of corpus/split.txt that
are not development documents), marks stripped the same way. Prints, for the words whose
window that text holds at least twice and for the others, how many were restored right and
wrong.
"""
import collections
import glob
import hashlib
import re
import sys
import unicodedata

WORD = re.compile(r"\w+")


def plain(word):
    word = unicodedata.normalize("NFD", word.lower())
    word = "".join(c for c in word if unicodedata.category(c) != "Mn")
    return word.replace("đ", "d")


def windows(words):
    keys = [plain(w) for w in words]
    pad = lambda i: keys[i] if 0 <= i < len(keys) else "#"
    return [(pad(i - 1), keys[i], pad(i + 1)) for i in range(len(keys))]


def main():
    files = glob.glob("corpus/text/*") + glob.glob("corpus/public/*.txt")
    for line in open("corpus/split.txt", encoding="utf-8"):
        part = line.split()
        if len(part) == 2 and part[0] == "train":
            if int(hashlib.md5(part[1].encode()).hexdigest(), 16) % 5 != 1:
                files.append(f"../shared/corpus/admin-1995-2009/{part[1]}.txt")
    seen = collections.Counter()
    for name in files:
        for line in open(name, encoding="utf-8"):
            seen.update(windows(WORD.findall(unicodedata.normalize("NFC", line))))
    gold = open(sys.argv[1], encoding="utf-8").read().split("\n")
    restored = open(sys.argv[2], encoding="utf-8").read().split("\n")
    counts = collections.Counter()
    for g, r in zip(gold, restored):
        tg, tr = WORD.findall(g), WORD.findall(r)
        if len(tg) != len(tr):
            continue
        for key, a, b in zip(windows(tg), tg, tr):
            counts[(seen[key] >= 2, a.lower() == b.lower())] += 1
    for known in (True, False):
        right, wrong = counts[(known, True)], counts[(known, False)]
        what = "seen at least twice" if known else "seen once or never"
        print(f"window {what}: {right + wrong} words, {right} right, {wrong} wrong")


if __name__ == "__main__":
    main()
