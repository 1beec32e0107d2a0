#!/bin/sh
# Make OCR-garbled evaluation pairs from the held-out documents (corpus/split.txt)
# with ../shared/tools/ocr-sim.py, one TSV per seed: OUT/ocr-seed-N.tsv
# (tools/make-ocr-sample.sh: the first ~5,000 characters of each document).
# Usage: tools/make-ocr-heldout.sh OUTDIR [SEED...]   (default seeds: 1 2 3)
set -eu
out=${1:?usage: tools/make-ocr-heldout.sh OUTDIR [SEED...]}
shift
seeds=${*:-1 2 3}
root=$(cd "$(dirname "$0")/.." && pwd)
heldout=$(awk '$1 == "heldout" {print $2}' "$root/corpus/split.txt")
for seed in $seeds; do
    "$root/tools/make-ocr-sample.sh" "$out" "$seed" $heldout
done
