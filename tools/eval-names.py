#!/usr/bin/env python3
"""How well persons' names typed without marks are restored.

The lines of the shared corpus's *training* documents (corpus/split.txt; never a held-out one)
that hold a name: one of the 16 commonest surnames followed by two words in title case
("Ông Nguyễn Văn Thành, Viện ..."). Their marks are stripped, `kehoach normalize --restore`
restores them (with the embedded model, which learned from none of these documents), and each
name's words (the surname and up to three words in title case after it) are compared with the
gold, as is every syllable of the lines (score-restore.py).

Usage (from the repository root, after cargo build --release):
    tools/eval-names.py [KEHOACH]     (default target/release/kehoach)
"""
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

SURNAMES = ("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý").split()
NAMED = re.compile(r"\b(?:%s) [A-ZĐ]\w+ [A-ZĐ]\w+" % "|".join(SURNAMES))
SHARED = Path("../shared/corpus/admin-1995-2009")


def title_word(word):
    core = word.strip(",.;:()")
    return core[:1].isupper() and core[1:].islower() and core.isalpha()


def main():
    kehoach = sys.argv[1] if len(sys.argv) > 1 else "target/release/kehoach"
    train = [l.split()[1] for l in open("corpus/split.txt", encoding="utf-8")
             if l.startswith("train")]
    gold = [line.rstrip("\n")
            for stem in train
            for line in open(SHARED / f"{stem}.txt", encoding="utf-8")
            if NAMED.search(line) and len(line) < 300]
    with tempfile.TemporaryDirectory() as work:
        (Path(work) / "gold.txt").write_text("\n".join(gold) + "\n", encoding="utf-8")
        plain = subprocess.run(["python3", "tools/strip-marks.py", str(Path(work) / "gold.txt")],
                               capture_output=True, text=True, check=True).stdout
        (Path(work) / "names.txt").write_text(plain, encoding="utf-8")
        restored = subprocess.run([kehoach, "normalize", "--restore", str(Path(work) / "names.txt")],
                                  capture_output=True, text=True, check=True).stdout.split("\n")
        (Path(work) / "restored.txt").write_text("\n".join(restored), encoding="utf-8")
        print(f"{len(gold)} lines with a name: ", end="", flush=True)
        subprocess.run(["python3", "../shared/tools/score-restore.py",
                        str(Path(work) / "gold.txt"), str(Path(work) / "restored.txt")], check=True)
    words = wrong = 0
    errors = Counter()
    for g, r in zip(gold, restored):
        gw, rw = g.split(), r.split()
        if len(gw) != len(rw):
            continue
        i = 0
        while i < len(gw):
            if gw[i] not in SURNAMES or i + 1 >= len(gw) or not title_word(gw[i + 1]):
                i += 1
                continue
            j = i
            while j < len(gw) and j - i < 4 and title_word(gw[j]):
                words += 1
                if gw[j].strip(",.;:()") != rw[j].strip(",.;:()"):
                    wrong += 1
                    errors[(gw[j].strip(",.;:()"), rw[j].strip(",.;:()"))] += 1
                j += 1
            i = max(j, i + 1)
    print(f"name words: {words}, wrong: {wrong} ({wrong / max(words, 1):.1%})")
    print("commonest:", ", ".join(f"{g} → {r} ×{n}" for (g, r), n in errors.most_common(8)))


if __name__ == "__main__":
    main()
