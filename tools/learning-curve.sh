#!/bin/sh
# How the development score of text typed without marks moves with the amount of in-domain
# training text: the development model (corpus/text, corpus/public and the training documents
# of corpus/split.txt that are not development documents) built with 0, 25, 50, 75 and 100% of
# those documents, in name order, each scored on the development text (marks stripped).
# Run tools/dev-restore.sh first (it makes WORKDIR's development text and channel).
# Usage (from the repository root, after cargo build --release):
#   tools/learning-curve.sh [WORKDIR]      (default /tmp/kehoach-dev)
set -eu
work=${1:-/tmp/kehoach-dev}
kehoach=target/release/kehoach
rest=$(python3 tools/dev-split.py rest | sed 's|.*|../shared/corpus/admin-1995-2009/&.txt|')
n=$(echo $rest | wc -w)
for share in 0 25 50 75 100; do
    k=$((n * share / 100))
    files=$(echo $rest | tr ' ' '\n' | head -n $k | tr '\n' ' ')
    bytes=$(cat $files /dev/null | wc -c)
    "$kehoach" model build corpus/text corpus/public $files -o "$work/curve-model.bin" > /dev/null 2>&1
    "$kehoach" normalize --restore --channel "$work/dev-channel.tsv" --model "$work/curve-model.bin" \
        "$work/plain.txt" > "$work/plain.curve.txt"
    printf '%3s%% (%s documents, %s bytes): ' $share $k $bytes
    python3 ../shared/tools/score-restore.py "$work/gold.txt" "$work/plain.curve.txt"
done
