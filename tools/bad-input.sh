#!/bin/sh
# Bad input for `kehoach normalize --restore`: pure noise, 10,000-character lines, mixed scripts,
# and 12 MB of text typed without marks on one line (a file with no line breaks).
# Prints, for each case, the time taken, the peak memory (with GNU time), the line counts in
# and out, and how many lines restoration changed (against plain `kehoach normalize`, which also
# fixes spacing).
# Usage (from the repository root, after cargo build --release): tools/bad-input.sh [WORKDIR]
set -eu
work=${1:-/tmp/kehoach-bad-input}
kehoach=target/release/kehoach
mkdir -p "$work"
python3 - "$work" <<'PY'
import random, sys
work = sys.argv[1]
rng = random.Random(7)
noise = "~|¢€}{@#$%^&*_=+<>?!;:,.0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
with open(f"{work}/noise.txt", "w") as f:
    for _ in range(2000):
        f.write("".join(rng.choice(noise + "    ") for _ in range(rng.randint(5, 120))) + "\n")
with open(f"{work}/long-lines.txt", "w") as f:
    words = "chuong trinh moi xa mot san pham nam 2026 tren dia ban T6 chirc thwe hién".split()
    for _ in range(20):
        line = ""
        while len(line) < 10000:
            line += rng.choice(words) + " "
        f.write(line[:10000] + "\n")
    for _ in range(5):
        f.write("".join(rng.choice(noise) for _ in range(10000)) + "\n")
import unicodedata
plans = " ".join(open(f"fixtures/plans/{n}.txt").read() for n in ("000", "001", "002", "004"))
plain = "".join(c for c in unicodedata.normalize("NFD", " ".join(plans.split()))
                if unicodedata.category(c) != "Mn").replace("đ", "d").replace("Đ", "D")
with open(f"{work}/one-line.txt", "w") as f:
    f.write(((plain + " ") * (12_000_000 // len(plain) + 1))[:12_000_000].rstrip() + "\n")
with open(f"{work}/mixed.txt", "w") as f:
    for _ in range(500):
        f.write("Ke hoach 計画 план خطة nam 2026 Πρόγραμμα OCOP – Chuong trinh مرحبا 你好 mỗi xã\n")
PY
for case in noise long-lines mixed one-line; do
    start=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f %M -o "$work/$case.kb" "$kehoach" normalize --restore -j 1 "$work/$case.txt" > "$work/$case.out"
    else
        "$kehoach" normalize --restore -j 1 "$work/$case.txt" > "$work/$case.out"
        echo '?' > "$work/$case.kb"
    fi
    end=$(date +%s.%N)
    # Restoration's changes only: compare with plain normalization (which fixes spacing).
    "$kehoach" normalize "$work/$case.txt" > "$work/$case.norm"
    changed=$(paste -d'\n' "$work/$case.norm" "$work/$case.out" | awk 'NR % 2 == 1 {a = $0} NR % 2 == 0 && a != $0 {n++} END {print n + 0}')
    printf '%s: %s bytes, %s s, peak %s kB, lines in %s out %s, lines changed %s\n' "$case" \
        "$(wc -c < "$work/$case.txt")" "$(echo "$end - $start" | bc)" "$(cat "$work/$case.kb")" \
        "$(wc -l < "$work/$case.txt")" "$(wc -l < "$work/$case.out")" "$changed"
done
