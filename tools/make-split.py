#!/usr/bin/env python3
"""Rebuild corpus/split.txt: the document-level train/held-out split of ../shared/corpus/admin-1995-2009/.

A document is held out when the MD5 of its file stem, read as a number, is 0
modulo 5 (about one document in five). The choice looks at the name only, never
at the content. Each line of split.txt is "train STEM" or "heldout STEM".

Usage (from the repository root): tools/make-split.py
"""
import hashlib, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
ADMIN = ROOT.parent / "shared" / "corpus" / "admin-1995-2009"

stems = sorted(p.stem for p in ADMIN.glob("*.txt"))
with open(ROOT / "corpus" / "split.txt", "w", encoding="utf-8") as out:
    for stem in stems:
        held = int(hashlib.md5(stem.encode()).hexdigest(), 16) % 5 == 0
        out.write(f"{'heldout' if held else 'train'} {stem}\n")
