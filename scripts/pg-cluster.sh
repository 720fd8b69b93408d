#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks, on 127.0.0.1 only.
#
#   scripts/pg-cluster.sh start DIR [PORT]   initdb into DIR, start, print the URL
#   scripts/pg-cluster.sh stop DIR           stop it and delete DIR
#
# Uses the newest server under /usr/lib/postgresql (Debian's `postgresql` package;
# scripts/setup.sh installs it). initdb refuses to run as root, so as root the
# cluster belongs to the `postgres` user.
set -euo pipefail

bin_dir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
        echo "pg-cluster: no PostgreSQL server under /usr/lib/postgresql (run scripts/setup.sh)" >&2
        exit 1
    fi
    echo "$dir"
}

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    dir=${2:?usage: pg-cluster.sh start DIR [PORT]}
    port=${3:-55432}
    bin=$(bin_dir)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale >"$dir/initdb.log"
    # fsync and synchronous_commit stay on: the tests and the benchmark measure
    # durable commits. Sockets go into DIR, TCP only on loopback.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
stop)
    dir=${2:?usage: pg-cluster.sh stop DIR}
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: pg-cluster.sh start DIR [PORT] | stop DIR" >&2
    exit 2
    ;;
esac
