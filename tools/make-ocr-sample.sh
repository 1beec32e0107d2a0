#!/bin/sh
# Make OCR-garbled pairs from documents of ../shared/corpus/admin-1995-2009/ with
# ../shared/tools/ocr-sim.py: OUTDIR/ocr-seed-SEED.tsv. A sample is used, the first whole
# paragraphs (up to about 5,000 characters) of each document, kept in OUTDIR/sample/, so that
# a run takes minutes, not hours. Needs Tesseract (see ocr-sim.py's header).
# Usage: tools/make-ocr-sample.sh OUTDIR SEED STEM...
set -eu
out=${1:?usage: tools/make-ocr-sample.sh OUTDIR SEED STEM...}
seed=${2:?usage: tools/make-ocr-sample.sh OUTDIR SEED STEM...}
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
admin="$root/../shared/corpus/admin-1995-2009"
rm -rf "$out/sample"
mkdir -p "$out/sample"
for stem in "$@"; do
    awk 'BEGIN {n = 0} { if (n + length($0) > 5000 && n > 0) exit; print; n += length($0) + 1 }' \
        "$admin/$stem.txt" > "$out/sample/$stem.txt"
done
python3 "$root/../shared/tools/ocr-sim.py" --seed "$seed" "$out"/sample/*.txt > "$out/ocr-seed-$seed.tsv"
