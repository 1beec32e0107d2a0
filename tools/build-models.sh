#!/bin/sh
# Rebuild the restoration data embedded in the binary, from training text only:
#   corpus/syllables.txt  attested syllables: corpus/text/, corpus/public/ plus the training documents
#                         of ../shared/corpus/admin-1995-2009 (a word list, no text)
#   corpus/channel.tsv    OCR letter confusions, learned from ../shared/corpus/ocr-pairs/
#                         of the training documents only (corpus/split.txt)
#   corpus/model.bin      the default language model, from the project's corpus/text/ and corpus/public/ only
# Then the binary must be rebuilt (cargo build) to embed the new files.
# Usage (from the repository root): tools/build-models.sh [KEHOACH]
set -eu
kehoach=${1:-target/release/kehoach}
shared=../shared/corpus
train=$(awk '$1 == "train" {print $2}' corpus/split.txt)
texts=""; pairs=""
for stem in $train; do
    texts="$texts $shared/admin-1995-2009/$stem.txt"
    [ -f "$shared/ocr-pairs/$stem.tsv" ] && pairs="$pairs $shared/ocr-pairs/$stem.tsv"
done
"$kehoach" model syllables corpus/text corpus/public $texts -o corpus/syllables.txt
"$kehoach" model channel $pairs -o corpus/channel.tsv
"$kehoach" model build corpus/text corpus/public -o corpus/model.bin
