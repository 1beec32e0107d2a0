#!/bin/sh
# Evaluate `kehoach normalize --restore` on held-out documents (corpus/split.txt);
# the numbers go into docs/restore-eval.md.
#   1. held-out admin text with marks stripped, embedded model (built from corpus/text and corpus/public only)
#   2. the same, with a model trained on the training documents of ../shared/corpus
#      (built here, on the fly, never committed); rows 1-2 again for the text in the i spelling
#      ("kì", "lí", "công ti"; tools/respell-i.py), as a writer of that spelling types it
#   3. held-out text through OCR: ../shared/corpus/ocr-pairs/ of the held-out documents,
#      and fresh ocr-sim.py pages with seeds 1 2 3 (tools/make-ocr-heldout.sh; needs tesseract)
#   4. rows 1-3 for the unaccented text and the shared OCR pairs again, each document restored
#      alone, as a user's batch reads files (whether a document reads as OCR output is judged
#      per document)
#   5. held-out text typed with the input method off, in Telex and in VNI keys
#      (tools/type-keys.py), and in Telex with the keys of one word in ten left out
#      (--forget 0.1), each document restored alone, both models
# Usage (from the repository root, after cargo build --release):
#   tools/eval-restore.sh [WORKDIR]      (default /tmp/kehoach-eval; OCR pages are reused if there)
set -eu
work=${1:-/tmp/kehoach-eval}
kehoach=target/release/kehoach
shared=../shared/corpus
score="python3 ../shared/tools/score-restore.py"
mkdir -p "$work"
heldout=$(awk '$1 == "heldout" {print $2}' corpus/split.txt)
train=$(awk '$1 == "train" {print $2}' corpus/split.txt)

# Each held-out document: its text (gold), the same with marks stripped, and its OCR pairs.
mkdir -p "$work/docs"
: > "$work/gold.txt"
for stem in $heldout; do
    # A few transcripts keep Word's marks: its optional hyphen (0x1F, inside words: "nư\x1fớc" is
    # "nước") goes, as `kehoach normalize` drops it; the footnote separators become spaces.
    python3 -c "import sys,re; t=open(sys.argv[1],encoding='utf-8').read(); sys.stdout.write(re.sub(r'[\x00-\x08\x0b\x0c\x0e-\x1e]', ' ', t.replace('\x1f', '')))" \
        "$shared/admin-1995-2009/$stem.txt" > "$work/docs/$stem.gold"
    python3 tools/strip-marks.py "$work/docs/$stem.gold" > "$work/docs/$stem.plain"
    cat "$work/docs/$stem.gold" >> "$work/gold.txt"
    [ -f "$shared/ocr-pairs/$stem.tsv" ] && cut -f2 "$shared/ocr-pairs/$stem.tsv" > "$work/docs/$stem.ocr"
done
python3 tools/strip-marks.py "$work/gold.txt" > "$work/plain.txt"
python3 tools/respell-i.py "$work/gold.txt" > "$work/gold.i.txt"
python3 tools/strip-marks.py "$work/gold.i.txt" > "$work/plain.i.txt"

texts=""
for stem in $train; do texts="$texts $shared/admin-1995-2009/$stem.txt"; done
"$kehoach" model build corpus/text corpus/public $texts -o "$work/shared-model.bin"

# The text as written (y spelling: "kỳ", "lý"), then in the i spelling ("kì", "lí").
for spelling in "" .i; do
    text="unaccented held-out text"
    [ -n "$spelling" ] && text="$text in the i spelling (tools/respell-i.py)"
    echo "== $text, embedded model"
    "$kehoach" normalize --restore "$work/plain$spelling.txt" > "$work/plain$spelling.embedded.txt"
    $score "$work/gold$spelling.txt" "$work/plain$spelling.embedded.txt"
    echo "== $text, model trained on the shared corpus (training documents)"
    "$kehoach" normalize --restore --model "$work/shared-model.bin" "$work/plain$spelling.txt" \
        > "$work/plain$spelling.shared.txt"
    $score "$work/gold$spelling.txt" "$work/plain$spelling.shared.txt"
done

ocr_eval() { # NAME TSV
    cut -f1 "$2" > "$work/$1.gold"
    cut -f2 "$2" > "$work/$1.ocr"
    "$kehoach" normalize --restore "$work/$1.ocr" > "$work/$1.embedded"
    "$kehoach" normalize --restore --model "$work/shared-model.bin" "$work/$1.ocr" > "$work/$1.shared"
    echo "== OCR $1: input as read by Tesseract"
    $score "$work/$1.gold" "$work/$1.ocr"
    echo "== OCR $1: restored, embedded model"
    $score "$work/$1.gold" "$work/$1.embedded"
    echo "== OCR $1: restored, shared-corpus model"
    $score "$work/$1.gold" "$work/$1.shared"
}
: > "$work/pairs-heldout.tsv"
for stem in $heldout; do
    [ -f "$shared/ocr-pairs/$stem.tsv" ] && cat "$shared/ocr-pairs/$stem.tsv" >> "$work/pairs-heldout.tsv"
done
ocr_eval shared-pairs "$work/pairs-heldout.tsv"
for seed in 1 2 3; do
    [ -s "$work/ocr/ocr-seed-$seed.tsv" ] || tools/make-ocr-heldout.sh "$work/ocr" "$seed"
    ocr_eval "seed-$seed" "$work/ocr/ocr-seed-$seed.tsv"
done

# Each document restored alone: KIND (plain or ocr) and NAME of the model, then its flags.
restore_each() {
    kind=$1; name=$2; shift 2
    for stem in $heldout; do
        [ -f "$work/docs/$stem.$kind" ] && "$kehoach" normalize --restore "$@" "$work/docs/$stem.$kind"
    done > "$work/each.$kind.$name"
}
restore_each plain embedded
restore_each plain shared --model "$work/shared-model.bin"
restore_each ocr embedded
restore_each ocr shared --model "$work/shared-model.bin"
echo "== each document alone: unaccented, embedded model"
$score "$work/gold.txt" "$work/each.plain.embedded"
echo "== each document alone: unaccented, shared-corpus model"
$score "$work/gold.txt" "$work/each.plain.shared"
echo "== each document alone: OCR shared pairs, embedded model"
$score "$work/shared-pairs.gold" "$work/each.ocr.embedded"
echo "== each document alone: OCR shared pairs, shared-corpus model"
$score "$work/shared-pairs.gold" "$work/each.ocr.shared"

# Each document typed with the input method off (Telex, VNI keys), restored alone.
for keys in telex vni telex-forget; do
    for stem in $heldout; do
        case $keys in
            telex-forget) python3 tools/type-keys.py --forget 0.1 telex "$work/docs/$stem.gold" ;;
            *) python3 tools/type-keys.py "$keys" "$work/docs/$stem.gold" ;;
        esac > "$work/docs/$stem.$keys"
    done
    restore_each "$keys" embedded
    restore_each "$keys" shared --model "$work/shared-model.bin"
    echo "== each document alone: typed in $keys keys, embedded model"
    $score "$work/gold.txt" "$work/each.$keys.embedded"
    echo "== each document alone: typed in $keys keys, shared-corpus model"
    $score "$work/gold.txt" "$work/each.$keys.shared"
done
