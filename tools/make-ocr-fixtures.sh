#!/usr/bin/env bash
# Rebuilds fixtures/ocr/: generated plans printed to page images and read back by
# Tesseract (../shared/tools/ocr-sim.py), so the test corpus has OCR-garbled plans
# without running Tesseract in `cargo test`.
#
# Needs: apt-get install tesseract-ocr tesseract-ocr-eng fonts-liberation fonts-dejavu
#        fonts-freefont-ttf fonts-croscore; pip install pillow.
# Usage: tools/make-ocr-fixtures.sh [COUNT]   (default 6 plans)
#
# Output: fixtures/ocr/ocr-NN.txt (the OCR text, one drawn line per line, a blank
# line after each paragraph) and fixtures/ocr/truth.jsonl (what the generator wrote
# into each plan before it was printed: issuer, year, budget, targets).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-6}
sim=../shared/tools/ocr-sim.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo run --quiet --example gen_batch -- "$count" "$work/plans" --clean --seed 2026 --truth "$work/truth.jsonl"
rm -f fixtures/ocr/ocr-*.txt
: > fixtures/ocr/truth.jsonl
i=0
while IFS= read -r line; do
  file=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["file"])' "$line")
  name=$(printf 'ocr-%02d.txt' "$i")
  python3 "$sim" --seed "$i" "$work/plans/$file" > "$work/pairs.tsv"
  python3 - "$work/plans/$file" "$work/pairs.tsv" "fixtures/ocr/$name" <<'PY'
import sys
plan, pairs, out = sys.argv[1:]
paras = [" ".join(p.split()) for p in open(plan, encoding="utf-8").read().split("\n") if p.strip()]
rows = [l.rstrip("\n").split("\t", 1) for l in open(pairs, encoding="utf-8")]
lines, k = [], 0
for para in paras:
    done = []
    while k < len(rows) and " ".join(done) != para:
        clean, ocr = rows[k] + [""] * (2 - len(rows[k]))
        done.append(clean)
        lines.append(ocr)
        k += 1
    lines.append("")
open(out, "w", encoding="utf-8").write("\n".join(lines))
PY
  python3 -c 'import json,sys; t=json.loads(sys.argv[1]); t["file"]=sys.argv[2]; t["kind"]="ocr"; print(json.dumps(t, ensure_ascii=False))' "$line" "$name" >> fixtures/ocr/truth.jsonl
  echo "fixtures/ocr/$name from $file" >&2
  i=$((i + 1))
done < "$work/truth.jsonl"
