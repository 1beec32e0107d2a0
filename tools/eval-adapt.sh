#!/bin/sh
# Evaluate `kehoach normalize --restore --adapt`: the batch teaches the model before its damaged
# documents are restored (first its clean documents, then the lines of its damaged ones that
# restoration is sure of), against restoring each document with the embedded model alone.
# Two batches of the held-out documents of corpus/split.txt (name order), one file each:
#   half: dealt alternately, the first half clean as they are, the second damaged (marks
#         stripped, or the OCR side of ../shared/corpus/ocr-pairs/); no document is both
#         taught as clean text and scored;
#   all:  every document damaged (nothing clean to learn from: only the damaged ones teach).
# The damaged documents are scored against their gold.
# Usage (from the repository root, after cargo build --release):
#   tools/eval-adapt.sh [WORKDIR]      (default /tmp/kehoach-adapt)
#   MODEL=FILE tools/eval-adapt.sh     the same with another model than the embedded one, such as
#                                      the shared-corpus model tools/eval-restore.sh builds
#                                      (WORKDIR/shared-model.bin)
set -eu
export LC_ALL=C
work=${1:-/tmp/kehoach-adapt}
kehoach=target/release/kehoach
shared=../shared/corpus
score="python3 ../shared/tools/score-restore.py"
rm -rf "$work"
heldout=$(awk '$1 == "heldout" {print $2}' corpus/split.txt | sort)
clean_controls() {
    python3 -c "import sys,re; t=open(sys.argv[1],encoding='utf-8').read(); open(sys.argv[2],'w',encoding='utf-8').write(re.sub(r'[\x00-\x08\x0b\x0c\x0e-\x1e]', ' ', t.replace('\x1f', '')))" "$1" "$2"
}
for layout in half all; do
    dir="$work/$layout"
    mkdir -p "$dir/plain" "$dir/ocr"
    : > "$dir/plain.gold"
    : > "$dir/ocr.gold"
    taught=0; scored=0; i=0
    for stem in $heldout; do
        i=$((i + 1))
        if [ $layout = half ] && [ $((i % 2)) -eq 1 ]; then
            # Clean: goes into both batches as it is.
            clean_controls "$shared/admin-1995-2009/$stem.txt" "$dir/plain/$stem.txt"
            cp "$dir/plain/$stem.txt" "$dir/ocr/$stem.txt"
            taught=$((taught + 1))
        else
            clean_controls "$shared/admin-1995-2009/$stem.txt" "$dir/gold-$stem.txt"
            cat "$dir/gold-$stem.txt" >> "$dir/plain.gold"
            python3 tools/strip-marks.py "$dir/gold-$stem.txt" > "$dir/plain/damaged-$stem.txt"
            if [ -f "$shared/ocr-pairs/$stem.tsv" ]; then
                cut -f1 "$shared/ocr-pairs/$stem.tsv" >> "$dir/ocr.gold"
                cut -f2 "$shared/ocr-pairs/$stem.tsv" > "$dir/ocr/damaged-$stem.txt"
            fi
            scored=$((scored + 1))
        fi
    done
    echo "batch $layout: $taught held-out documents clean, $scored damaged and scored"
    for kind in plain ocr; do
        for mode in alone adapted; do
            flag=""
            [ $mode = adapted ] && flag="--adapt"
            "$kehoach" normalize --restore ${MODEL:+--model "$MODEL"} $flag "$dir/$kind" -o "$dir/$kind-$mode" 2> "$dir/$kind-$mode.log"
            cat "$dir/$kind-$mode"/damaged-*.txt > "$dir/$kind-$mode.txt"
            printf '%-4s %-5s %-8s ' $layout $kind $mode
            $score "$dir/$kind.gold" "$dir/$kind-$mode.txt"
        done
    done
    grep -h "^adapt:" "$dir"/*-adapted.log
done
