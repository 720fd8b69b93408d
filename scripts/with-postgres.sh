#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: exports NUMREP_TEST_PG_URL and
# NUMREP_TEST_PG_REQUIRED=1 (so PostgreSQL tests fail instead of skipping), and stops
# and deletes the cluster afterwards, whatever the command's outcome.
#
#   scripts/with-postgres.sh cargo test -p numrep-desk-postgres
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/numrep-pg.XXXXXX)
port=${NUMREP_TEST_PG_PORT:-$((40000 + RANDOM % 20000))}
trap 'bash "$here/pg-cluster.sh" stop "$dir"' EXIT
url=$(bash "$here/pg-cluster.sh" start "$dir" "$port")
echo "with-postgres: throwaway cluster at $url (data in $dir)" >&2
NUMREP_TEST_PG_URL=$url NUMREP_TEST_PG_REQUIRED=1 "$@"
