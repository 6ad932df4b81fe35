#!/usr/bin/env bash
# Corpus benchmark: builds turntag, generates reproducible corpora, and
# prints throughput (MB/s, turns/s), the ratios of the project's targets and
# the peak RSS of whole runs, measured with /usr/bin/time -v.
#
#   scripts/bench.sh [SIZE_MB...]      default: 20 100
#
# Environment: SEED (default 1), NER_MB (MB of each corpus for the default
# mode and the prose reference, default 2), OUT (folder for corpora and
# logs, default /tmp/turntag-bench), FULL_NER=1 to also run the default
# mode over the whole of each corpus (slow: about 0.3 MB/s per core).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(20 100)
seed=${SEED:-1}
ner_mb=${NER_MB:-2}
out=${OUT:-/tmp/turntag-bench}
mkdir -p "$out"
go build -o "$out/turntag" ./cmd/turntag
bin="$out/turntag"

rss() { # peak RSS in MB of a command, from /usr/bin/time -v
  /usr/bin/time -v "$@" 2>"$out/time.log" >/dev/null || { cat "$out/time.log" >&2; return 1; }
  awk '/Maximum resident set size/ {printf "%.0f MB", $6/1024}' "$out/time.log"
}

echo "== start-up: lexicon and model loaded, first row out"
first=testdata/transcripts/nato-press-conference-2023-11-28.txt
/usr/bin/time -f "%e s wall, %M kB peak" "$bin" tag -q "$first" 2>&1 >/dev/null | tail -1

for mb in "${sizes[@]}"; do
  corpus="$out/corpus-${mb}mb-seed${seed}"
  echo "== corpus of ${mb} MB (seed ${seed}): $corpus"
  "$bin" bench --corpus "$corpus" --size "$mb" --seed "$seed" --ner-size "$ner_mb"
  echo "-- peak RSS of whole runs over the corpus"
  echo "tag --ner off -j 2: $(rss "$bin" tag -q --ner off -j 2 -o "$out/turns.csv" "$corpus")"
  if [ "${FULL_NER:-0}" = 1 ]; then
    echo "tag (default, NER on) -j 2: $(rss "$bin" tag -q -j 2 -o "$out/turns.csv" "$corpus")"
  fi
done
