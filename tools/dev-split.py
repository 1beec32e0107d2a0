#!/usr/bin/env python3
"""The development split of the shared corpus's training documents (corpus/split.txt): a
training document is a development document when MD5(stem) is 1 mod 5; the others ("rest") are
what the development model learns from. Held-out documents are never listed.

Usage (from the repository root): tools/dev-split.py dev|rest   (stems, one a line, in
corpus/split.txt's order)
"""
import hashlib
import sys

if len(sys.argv) != 2 or sys.argv[1] not in ("dev", "rest"):
    sys.exit(__doc__)
want_dev = sys.argv[1] == "dev"
for line in open("corpus/split.txt", encoding="utf-8"):
    kind, _, stem = line.strip().partition(" ")
    if kind == "train" and (int(hashlib.md5(stem.encode()).hexdigest(), 16) % 5 == 1) == want_dev:
        print(stem)
