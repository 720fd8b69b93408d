#!/usr/bin/env bash
# Measures the complaint desk on loopback (figures go to BENCHMARKS.md):
#   1. sustained complaint posts against SQLite, 2. the same against PostgreSQL
#   (a throwaway cluster), 3. number lookups with stats with 1,000,000 complaints
#   stored (SQLite, seeded straight into the database first).
# Each load runs twice: closed loop (every connection sends as fast as answers
# come: the ceiling) and open loop at a fixed offered rate (latency from each
# request's scheduled time: what a client sees at that rate).
# Usage: scripts/bench-desk.sh [SECONDS] [SQLITE_RATE] [PG_RATE] [LOOKUP_RATE]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
sqlite_rate=${2:-2000}
pg_rate=${3:-5000}
lookup_rate=${4:-1000}
post_conns=64
lookup_conns=16
target=${CARGO_TARGET_DIR:-target}
cargo build -q --release -p numrep-cli -p numrep-desk-server --example desk_load
cargo build -q --release -p numrep-cli --bin numrep
numrep=$target/release/numrep
load=$target/release/examples/desk_load
work=$(mktemp -d /tmp/numrep-bench.XXXXXX)
pgdir=$(mktemp -d /tmp/numrep-bench-pg.XXXXXX)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
    bash scripts/pg-cluster.sh stop "$pgdir" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export NUMREP_DESK_SECRET=bench-secret-0123456789abcdef0123456789
export RUST_LOG=warn

# Starts `numrep serve --db $1` on a free port; sets $server and $url.
runs=0
start() {
    runs=$((runs + 1))
    out="$work/serve-$runs.out"   # a new file per run: no stale address from the last
    : >"$out"
    "$numrep" serve --db "$1" --listen 127.0.0.1:0 >"$out" 2>"$work/serve-$runs.err" &
    server=$!
    for _ in $(seq 100); do
        url=$(sed -n 's/^numrep serve: listening on //p' "$out")
        [ -n "$url" ] && return 0
        sleep 0.1
    done
    cat "$work/serve-$runs.err" >&2
    exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=; }

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== 1. posts, SQLite (WAL, synchronous=FULL)"
start "sqlite://$work/posts.db"
"$load" post "$url" "$post_conns" "$seconds"
"$load" post "$url" "$post_conns" "$seconds" "$sqlite_rate"
stop

echo "== 2. posts, PostgreSQL 15 (synchronous_commit=on)"
pg=$(bash scripts/pg-cluster.sh start "$pgdir" $((40000 + RANDOM % 20000)))
start "$pg"
"$load" post "$url" "$post_conns" "$seconds"
"$load" post "$url" "$post_conns" "$seconds" "$pg_rate"
stop

echo "== 3. lookups with stats, 1,000,000 complaints stored (SQLite)"
# DESK_BENCH_MILLION_DB keeps the seeded file for later runs (seeding takes minutes).
million=${DESK_BENCH_MILLION_DB:-$work/million.db}
[ -f "$million" ] || "$load" seed "sqlite://$million" 1000000
start "sqlite://$million"
"$load" lookup "$url" "$lookup_conns" "$seconds"
"$load" lookup "$url" "$lookup_conns" "$seconds" "$lookup_rate"
stop
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
