#!/bin/sh
# Evaluate `kehoach normalize --restore --adapt`: a batch where some documents are already
# clean teaches the model before the damaged ones are restored.
# The held-out documents of corpus/split.txt, in name order, are dealt alternately into two
# halves: the first half goes into the batch as clean text, the second as damaged text (marks
# stripped, or the OCR side of ../shared/corpus/ocr-pairs/), one file per document. The damaged
# half is scored against its gold with and without --adapt (embedded model); no document is
# both taught and scored.
# Usage (from the repository root, after cargo build --release):
#   tools/eval-adapt.sh [WORKDIR]      (default /tmp/kehoach-adapt)
set -eu
export LC_ALL=C
work=${1:-/tmp/kehoach-adapt}
kehoach=target/release/kehoach
shared=../shared/corpus
score="python3 ../shared/tools/score-restore.py"
rm -rf "$work"
mkdir -p "$work/plain" "$work/ocr"
heldout=$(awk '$1 == "heldout" {print $2}' corpus/split.txt | sort)
clean_controls() {
    python3 -c "import sys,re; t=open(sys.argv[1],encoding='utf-8').read(); open(sys.argv[2],'w',encoding='utf-8').write(re.sub(r'[\x00-\x08\x0b\x0c\x0e-\x1f]', ' ', t))" "$1" "$2"
}
: > "$work/plain.gold"
: > "$work/ocr.gold"
taught=0; scored=0; i=0
for stem in $heldout; do
    i=$((i + 1))
    if [ $((i % 2)) -eq 1 ]; then
        # Clean: goes into both batches as it is.
        clean_controls "$shared/admin-1995-2009/$stem.txt" "$work/plain/$stem.txt"
        cp "$work/plain/$stem.txt" "$work/ocr/$stem.txt"
        taught=$((taught + 1))
    else
        clean_controls "$shared/admin-1995-2009/$stem.txt" "$work/gold-$stem.txt"
        cat "$work/gold-$stem.txt" >> "$work/plain.gold"
        python3 tools/strip-marks.py "$work/gold-$stem.txt" > "$work/plain/damaged-$stem.txt"
        if [ -f "$shared/ocr-pairs/$stem.tsv" ]; then
            cut -f1 "$shared/ocr-pairs/$stem.tsv" >> "$work/ocr.gold"
            cut -f2 "$shared/ocr-pairs/$stem.tsv" > "$work/ocr/damaged-$stem.txt"
        fi
        scored=$((scored + 1))
    fi
done
echo "held-out documents: $taught clean in the batch, $scored damaged and scored"
for kind in plain ocr; do
    for mode in alone adapted; do
        flag=""
        [ $mode = adapted ] && flag="--adapt"
        "$kehoach" normalize --restore $flag "$work/$kind" -o "$work/$kind-$mode" 2> "$work/$kind-$mode.log"
        cat "$work/$kind-$mode"/damaged-*.txt > "$work/$kind-$mode.txt"
        printf '%-5s %-8s ' $kind $mode
        $score "$work/$kind.gold" "$work/$kind-$mode.txt"
    done
done
grep -h "^adapt:" "$work"/*-adapted.log
