#!/usr/bin/env bash
# Instructions and (simulated) mispredicted branches per input of numrep's parse +
# classify over the classify bench's corpora, counted by valgrind's cachegrind: exact
# and repeatable where wall-clock times on a shared VM are not (BENCHMARKS.md).
#
# Usage: scripts/parse_cost.sh [german|world ...]   (default: both)
# Each corpus runs twice (R and 2R rounds); the difference is the loop alone, without
# start-up and corpus building. Needs valgrind (Debian package).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=10
cargo build -q --release -p numrep --example corpus_loop
bin=${CARGO_TARGET_DIR:-target}/release/examples/corpus_loop

# Prints "instructions mispredicts" of one run.
count() {
    valgrind --tool=cachegrind --cache-sim=no --branch-sim=yes \
        --cachegrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 |
        awk '/ I +refs:/ { gsub(",", "", $4); i = $4 }
             / Mispredicts:/ { gsub(",", "", $3); m = $3 }
             END { print i, m }'
}

for corpus in "${@:-german world}"; do
    for c in $corpus; do
        read -r i1 m1 < <(count "$c" "$rounds")
        read -r i2 m2 < <(count "$c" $((2 * rounds)))
        inputs=$((rounds * 1000))
        awk -v c="$c" -v i=$((i2 - i1)) -v m=$((m2 - m1)) -v n="$inputs" 'BEGIN {
            printf "%s: %.0f instructions, %.1f mispredicted branches per input\n", c, i / n, m / n }'
    done
done
