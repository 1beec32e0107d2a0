#!/usr/bin/env python3
"""How well `normalize --restore --review` lists the words restoration got wrong.

Usage: tools/eval-review.py GOLD INPUT RESTORED REVIEW.csv

GOLD, INPUT and RESTORED are line-aligned (the clean text, the damaged text given to
`kehoach normalize --restore --review REVIEW.csv`, and its output). Words are compared as the
scorer compares them (runs of letters and digits, case folded) in lines where the three have
as many words. For each margin up to the review list's (2 nats), prints how many words the
list holds below it, how many of the restored text's wrong words they are, and how many of
them are wrong.
"""
import csv
import re
import sys

WORD = re.compile(r"\w+")


def main():
    gold, given, restored, review = sys.argv[1:5]
    read = lambda p: open(p, encoding="utf-8").read().split("\n")
    gold, given, restored = read(gold), read(given), read(restored)
    listed = {}  # (line index, word index) -> margin
    with open(review, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            line, column = int(row["line"]) - 1, int(row["column"]) - 1
            if line >= len(given):
                continue
            for i, m in enumerate(WORD.finditer(given[line])):
                if m.start() <= column < m.end() or m.start() >= column:
                    listed[(line, i)] = min(float(row["margin"]), listed.get((line, i), 99.0))
                    break
    words = wrong = 0
    rows = []
    for n, (g, d, r) in enumerate(zip(gold, given, restored)):
        tg, td, tr = WORD.findall(g), WORD.findall(d), WORD.findall(r)
        if not len(tg) == len(td) == len(tr):
            continue
        for i, (a, b) in enumerate(zip(tg, tr)):
            bad = a.lower() != b.lower()
            words += 1
            wrong += bad
            rows.append((listed.get((n, i), 99.0), bad))
    print(f"{words} words compared, {wrong} restored wrong")
    print("| listed below | words listed | share of words | wrong words caught | listed words that are wrong |")
    print("|---:|---:|---:|---:|---:|")
    for margin in (0.5, 1.0, 1.5, 2.0):
        hits = [bad for m, bad in rows if m < margin]
        caught = sum(hits)
        print(
            f"| {margin} nats | {len(hits)} | {100 * len(hits) / max(1, words):.1f}% "
            f"| {caught} ({100 * caught / max(1, wrong):.1f}%) "
            f"| {100 * caught / max(1, len(hits)):.1f}% |"
        )


if __name__ == "__main__":
    main()
