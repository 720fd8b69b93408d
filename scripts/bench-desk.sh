#!/usr/bin/env bash
# Measures the complaint desk on loopback (figures go to BENCHMARKS.md):
#   1. sustained complaint posts against SQLite, 2. the same against PostgreSQL
#   (a throwaway cluster), 3. number lookups with stats with 1,000,000 complaints
#   stored (SQLite, seeded straight into the database first).
# Usage: scripts/bench-desk.sh [SECONDS] [POST_CONNECTIONS] [LOOKUP_CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
post_conns=${2:-64}
lookup_conns=${3:-16}
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
start() {
    "$numrep" serve --db "$1" --listen 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.err" &
    server=$!
    for _ in $(seq 100); do
        url=$(sed -n 's/^numrep serve: listening on //p' "$work/serve.out")
        [ -n "$url" ] && return 0
        sleep 0.1
    done
    cat "$work/serve.err" >&2
    exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=; }

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== 1. posts, SQLite (WAL, synchronous=FULL)"
start "sqlite://$work/posts.db"
"$load" post "$url" "$post_conns" "$seconds"
stop

echo "== 2. posts, PostgreSQL 15 (synchronous_commit=on)"
pg=$(bash scripts/pg-cluster.sh start "$pgdir" $((40000 + RANDOM % 20000)))
start "$pg"
"$load" post "$url" "$post_conns" "$seconds"
stop

echo "== 3. lookups with stats, 1,000,000 complaints stored (SQLite)"
"$load" seed "sqlite://$work/million.db" 1000000
start "sqlite://$work/million.db"
"$load" lookup "$url" "$lookup_conns" "$seconds"
stop
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
