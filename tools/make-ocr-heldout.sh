#!/bin/sh
# Make OCR-garbled evaluation pairs from the held-out documents (corpus/split.txt)
# with ../shared/tools/ocr-sim.py, one TSV per seed: OUT/ocr-seed-N.tsv.
# A sample is used: the first whole paragraphs (up to about 5,000 characters) of
# each held-out document, so that a run takes minutes, not hours.
# Usage: tools/make-ocr-heldout.sh OUTDIR [SEED...]   (default seeds: 1 2 3)
set -eu
out=${1:?usage: tools/make-ocr-heldout.sh OUTDIR [SEED...]}
shift
seeds=${*:-1 2 3}
root=$(cd "$(dirname "$0")/.." && pwd)
admin="$root/../shared/corpus/admin-1995-2009"
mkdir -p "$out/sample"
for stem in $(awk '$1 == "heldout" {print $2}' "$root/corpus/split.txt"); do
    awk 'BEGIN {n = 0} { if (n + length($0) > 5000 && n > 0) exit; print; n += length($0) + 1 }' \
        "$admin/$stem.txt" > "$out/sample/$stem.txt"
done
for seed in $seeds; do
    python3 "$root/../shared/tools/ocr-sim.py" --seed "$seed" "$out"/sample/*.txt > "$out/ocr-seed-$seed.tsv"
done
