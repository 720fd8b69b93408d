#!/usr/bin/env bash
# Where the code of the offline wasm module goes, by function: builds the module as
# `make wasm` does but keeps the function names (into target/wasm-named/, so www/pkg/
# stays untouched), then lists the largest functions and totals for the groups that
# size work has looked at (sort routines, float formatting, serde_json, Unicode case,
# numrep-json).
# The gzip size printed is of the same build without names (within 0.3 KB of
# `make wasm`'s). Companion of scripts/table_sizes.py (the data); BENCHMARKS.md cites it.
#
# Usage: scripts/wasm_code_sizes.sh [TOP]   (TOP largest functions, default 40)
# Needs what `make wasm` needs, plus twiggy (`cargo install twiggy`).
set -euo pipefail
cd "$(dirname "$0")/.."
top=${1:-40}
command -v twiggy >/dev/null || { echo "twiggy not found: cargo install twiggy" >&2; exit 2; }
out=target/wasm-named
flags=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
    --enable-mutable-globals --enable-reference-types --enable-multivalue)
CARGO_TARGET_DIR=$out CARGO_PROFILE_RELEASE_OPT_LEVEL=z CARGO_PROFILE_RELEASE_LTO=true \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 CARGO_PROFILE_RELEASE_PANIC=abort \
    CARGO_PROFILE_RELEASE_DEBUG=0 CARGO_PROFILE_RELEASE_STRIP=false \
    cargo build -q -p numrep-wasm --target wasm32-unknown-unknown --release
built=$out/wasm32-unknown-unknown/release/numrep_wasm.wasm
wasm-bindgen --keep-debug --target web --out-dir "$out/named" "$built"
wasm-opt -Oz --debuginfo "${flags[@]}" "$out/named/numrep_wasm_bg.wasm" -o "$out/named.wasm"
wasm-bindgen --target web --out-dir "$out/plain" "$built"
wasm-opt -Oz "${flags[@]}" "$out/plain/numrep_wasm_bg.wasm" -o "$out/plain.wasm"
echo "offline module without names: $(wc -c <"$out/plain.wasm") bytes raw," \
    "$(gzip -9 -c "$out/plain.wasm" | wc -c) bytes gzip -9"
twiggy top -n 100000 -f csv "$out/named.wasm" >"$out/functions.csv"
python3 - "$out/functions.csv" "$top" <<'PY'
import csv, re, sys
rows = [r for r in csv.DictReader(open(sys.argv[1]))
        if not r["Name"].startswith(("data", "custom", '"'))]
size = lambda rs: sum(int(r["ShallowSize"]) for r in rs)
print(f"code: {size(rows):,} bytes in {len(rows)} functions")
groups = {
    "sort routines": r"slice::sort",
    "float formatting": r"flt2dec|<f64 as|<f32 as|float",
    "serde_json": r"serde_json",
    "Unicode case": r"to_lowercase|to_uppercase|unicode::conversions",
    "numrep_json": r"numrep_json",
}
for name, pattern in groups.items():
    found = [r for r in rows if re.search(pattern, r["Name"])]
    print(f"  {name:18} {size(found):>8,} bytes in {len(found)} functions")
print(f"largest {sys.argv[2]}:")
for r in rows[: int(sys.argv[2])]:
    print(f"  {int(r['ShallowSize']):>8,}  {re.sub(r'::h[0-9a-f]{16}', '', r['Name'])[:110]}")
PY
