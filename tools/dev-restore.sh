#!/bin/sh
# Development scores for the restorer, for tuning without touching the held-out documents.
# The development set is the training documents of corpus/split.txt whose MD5(stem) is 1 mod 5
# (about one in four of them); the development model is trained on the other training documents
# plus corpus/text and corpus/public, and the OCR channel is learned from the other training
# documents' pairs. Held-out documents (MD5 ≡ 0) are never read here.
#   1. development text with marks stripped: embedded model, development model; the same text in
#      the i spelling ("kì", "lí", "công ti"; tools/respell-i.py), as a writer of it types;
#      the same text typed with the input method off, in Telex and VNI keys (tools/type-keys.py),
#      and in Telex by a writer who leaves the keys of one word in ten out (--forget 0.1)
#   2. ../shared/corpus/ocr-pairs/ of the development documents (first LINES lines): both models
#   3. when Tesseract is installed: fresh ocr-sim.py pages (seed 11, made once and kept in
#      WORKDIR) of the first 5 kB of each development document, as the held-out seeds are made
# Usage (from the repository root, after cargo build --release):
#   tools/dev-restore.sh [WORKDIR] [LINES]     (defaults /tmp/kehoach-dev, 3000)
set -eu
work=${1:-/tmp/kehoach-dev}
lines=${2:-3000}
kehoach=target/release/kehoach
shared=../shared/corpus
score="python3 ../shared/tools/score-restore.py"
mkdir -p "$work"
dev=$(python3 tools/dev-split.py dev)
rest=""; rest_pairs=""
for stem in $(python3 tools/dev-split.py rest); do
    rest="$rest $shared/admin-1995-2009/$stem.txt"
    [ -f "$shared/ocr-pairs/$stem.tsv" ] && rest_pairs="$rest_pairs $shared/ocr-pairs/$stem.tsv"
done
: > "$work/gold.txt"
: > "$work/pairs.tsv"
for stem in $dev; do
    cat "$shared/admin-1995-2009/$stem.txt" >> "$work/gold.txt"
    [ -f "$shared/ocr-pairs/$stem.tsv" ] && cat "$shared/ocr-pairs/$stem.tsv" >> "$work/pairs.tsv"
done
python3 -c "import sys,re; t=open(sys.argv[1],encoding='utf-8').read(); open(sys.argv[1],'w',encoding='utf-8').write(re.sub(r'[\x00-\x08\x0b\x0c\x0e-\x1e]', ' ', t.replace('\x1f', '')))" "$work/gold.txt"
python3 tools/strip-marks.py "$work/gold.txt" > "$work/plain.txt"
python3 tools/respell-i.py "$work/gold.txt" > "$work/gold.i.txt"
python3 tools/strip-marks.py "$work/gold.i.txt" > "$work/plain.i.txt"
python3 tools/type-keys.py telex "$work/gold.txt" > "$work/telex.txt"
python3 tools/type-keys.py vni "$work/gold.txt" > "$work/vni.txt"
python3 tools/type-keys.py --forget 0.1 telex "$work/gold.txt" > "$work/telex-forget.txt"
head -n "$lines" "$work/pairs.tsv" | cut -f1 > "$work/ocr.gold"
head -n "$lines" "$work/pairs.tsv" | cut -f2 > "$work/ocr.txt"
# (Kept between runs, rebuilt when the binary, which may count text differently, is newer.)
[ "$work/dev-model.bin" -nt "$kehoach" ] || "$kehoach" model build corpus/text corpus/public $rest -o "$work/dev-model.bin"
"$kehoach" model channel $rest_pairs -o "$work/dev-channel.tsv"
for model in embedded dev; do
    flag="--channel $work/dev-channel.tsv"
    [ $model = dev ] && flag="$flag --model $work/dev-model.bin"
    "$kehoach" normalize --restore $flag "$work/plain.txt" > "$work/plain.$model.txt"
    "$kehoach" normalize --restore $flag "$work/ocr.txt" > "$work/ocr.$model.txt"
    printf '%-9s unaccented: ' $model; $score "$work/gold.txt" "$work/plain.$model.txt"
    "$kehoach" normalize --restore $flag "$work/plain.i.txt" > "$work/plain.i.$model.txt"
    printf '%-9s unaccented, i spelling: ' $model; $score "$work/gold.i.txt" "$work/plain.i.$model.txt"
    printf '%-9s OCR:        ' $model; $score "$work/ocr.gold" "$work/ocr.$model.txt"
    for keys in telex vni telex-forget; do
        "$kehoach" normalize --restore $flag "$work/$keys.txt" > "$work/$keys.$model.txt"
        printf '%-9s %-12s keys: ' $model $keys; $score "$work/gold.txt" "$work/$keys.$model.txt"
    done
done
if command -v tesseract > /dev/null; then
    [ -s "$work/sim/ocr-seed-11.tsv" ] || tools/make-ocr-sample.sh "$work/sim" 11 $dev
    cut -f1 "$work/sim/ocr-seed-11.tsv" > "$work/sim.gold"
    cut -f2 "$work/sim/ocr-seed-11.tsv" > "$work/sim.txt"
    for model in embedded dev; do
        flag="--channel $work/dev-channel.tsv"
        [ $model = dev ] && flag="$flag --model $work/dev-model.bin"
        "$kehoach" normalize --restore $flag "$work/sim.txt" > "$work/sim.$model.txt"
        printf '%-9s OCR seed 11: ' $model; $score "$work/sim.gold" "$work/sim.$model.txt"
    done
fi
