#!/bin/sh
# What an archive of one's own documents gives, alone and added to the default model
# (`kehoach model build --base default`): the archive is the first N (10, then all) of the
# development model's training documents (the training documents of corpus/split.txt whose
# MD5(stem) is not 1 mod 5); scored on tools/dev-restore.sh's development rows (text without
# marks, OCR pairs), never on held-out documents.
# Usage (from the repository root, after cargo build --release and tools/dev-restore.sh):
#   tools/eval-base.sh [WORKDIR]     (default /tmp/kehoach-dev, as tools/dev-restore.sh)
set -eu
work=${1:-/tmp/kehoach-dev}
kehoach=target/release/kehoach
shared=../shared/corpus
score="python3 ../shared/tools/score-restore.py"
[ -f "$work/plain.txt" ] && [ -f "$work/dev-channel.tsv" ] || { echo "run tools/dev-restore.sh $work first" >&2; exit 1; }
archive=$(python3 tools/dev-split.py rest | sed "s|.*|$shared/admin-1995-2009/&.txt|")
rows() {
    for text in plain ocr; do
        gold="$work/gold.txt"
        [ $text = ocr ] && gold="$work/ocr.gold"
        "$kehoach" normalize --restore --channel "$work/dev-channel.tsv" "$@" "$work/$text.txt" > "$work/base-eval.out"
        printf '  %-5s ' $text; $score "$gold" "$work/base-eval.out"
    done
}
echo "default model alone"; rows
for n in 10 all; do
    files=$archive
    [ $n = all ] || files=$(echo $archive | tr ' ' '\n' | head -n $n | tr '\n' ' ')
    bytes=$(cat $files | wc -c)
    "$kehoach" model build $files -o "$work/archive-alone.bin" 2>/dev/null
    "$kehoach" model build --base default $files -o "$work/archive-on-default.bin" 2>/dev/null
    echo "archive of $n documents ($bytes bytes) alone"; rows --model "$work/archive-alone.bin"
    echo "archive of $n documents on the default model (--base default)"; rows --model "$work/archive-on-default.bin"
done
