#!/usr/bin/env bash
# Instructions and (simulated) mispredicted branches per input of numrep's parse +
# classify over the classify bench's corpora, counted by valgrind's cachegrind: exact
# and repeatable where wall-clock times on a shared VM are not (BENCHMARKS.md).
#
# Usage: scripts/parse_cost.sh [german|world ...]   (default: both)
#        scripts/parse_cost.sh one REGION TEXT       (one input, e.g. one DE "110")
# With LOOKUP=1 each input costs its full report (numrep::lookup) instead; with JSON=1
# the report and its JSON line as the CLI writes it (Report::write_json).
# Each corpus runs twice (R and 2R rounds); the difference is the loop alone, without
# start-up and corpus building. Needs valgrind (Debian package).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=10
cargo build -q --release -p numrep --example corpus_loop
bin=${CARGO_TARGET_DIR:-target}/release/examples/corpus_loop

mode=()
[ "${LOOKUP:-0}" = 1 ] && mode=(--lookup)
[ "${JSON:-0}" = 1 ] && mode=(--json)

# Prints "instructions mispredicts" of one run of corpus_loop with arguments "$@".
count() {
    valgrind --tool=cachegrind --cache-sim=no --branch-sim=yes \
        --cachegrind-out-file=/dev/null "$bin" "${mode[@]}" "$@" 2>&1 |
        awk '/ I +refs:/ { gsub(",", "", $4); i = $4 }
             / Mispredicts:/ { gsub(",", "", $3); m = $3 }
             END { print i, m }'
}

# Per input of corpus_loop's arguments "$1" .. (rounds appended): R and 2R rounds.
per_input() {
    local name=$1 inputs=$2
    shift 2
    read -r i1 m1 < <(count "$@" "$rounds")
    read -r i2 m2 < <(count "$@" $((2 * rounds)))
    awk -v c="$name" -v i=$((i2 - i1)) -v m=$((m2 - m1)) -v n="$inputs" 'BEGIN {
        printf "%s: %.0f instructions, %.1f mispredicted branches per input\n", c, i / n, m / n }'
}

if [ "${1:-}" = one ]; then
    [ $# -eq 3 ] || { echo "usage: $0 one REGION TEXT" >&2; exit 2; }
    rounds=10000
    "$bin" "${mode[@]}" one "$2" "$3" 1 >/dev/null # a bad region stops here, with its message
    per_input "$2 '$3'" "$rounds" one "$2" "$3"
    exit
fi
for c in ${@:-german world}; do
    per_input "$c" $((rounds * 1000)) "$c"
done
