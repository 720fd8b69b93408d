#!/usr/bin/env python3
"""Where the bytes of the offline wasm module are: raw and gzip -9 sizes of the compiled
tables (read from crates/numrep/src/plan/generated.rs, packed as the binary stores them)
and of each section of a .wasm file.

    python3 scripts/table_sizes.py [www/pkg/numrep_wasm_bg.wasm]

Used for the size figures in BENCHMARKS.md ("WASM module and widget").
"""
import gzip
import re
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "crates/numrep/src/plan/generated.rs"
SECTIONS = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
            6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def numbers(text: str) -> list[int]:
    return [int(x) for x in re.findall(r"\d+", text)]


def tables() -> list[tuple[str, bytes]]:
    src = GENERATED.read_text(encoding="utf-8")
    national = src[src.index("const DE_NATIONAL_TABLE"):]
    field = lambda name: numbers(re.search(name + r": &\[(.*?)\]", national, re.S).group(1))
    starts, records, places = field("starts"), field("records"), field("places")
    text = re.search(r'PLACE_TEXT: &str = "(.*?)";', src, re.S).group(1).encode()
    ends = numbers(re.search(r"PLACE_ENDS: \[u32; \d+\] = \[(.*?)\];", src, re.S).group(1))
    return [
        (f"interval starts ({len(starts)} × u32)", struct.pack(f"<{len(starts)}I", *starts)),
        (f"interval records ({len(records)} × u16)", struct.pack(f"<{len(records)}H", *records)),
        (f"interval places ({len(places)} × u16)", struct.pack(f"<{len(places)}H", *places)),
        ("place names (one text)", text),
        (f"place end offsets ({len(ends)} × u32)", struct.pack(f"<{len(ends)}I", *ends)),
    ]


def leb128(data: bytes, pos: int) -> tuple[int, int]:
    value, shift = 0, 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def wasm_sections(path: Path) -> list[tuple[str, bytes]]:
    data = path.read_bytes()
    if data[:4] != b"\0asm":
        sys.exit(f"{path}: not a wasm module")
    pos, out = 8, []
    while pos < len(data):
        kind = data[pos]
        size, pos = leb128(data, pos + 1)
        out.append((f"section {SECTIONS.get(kind, kind)}", data[pos:pos + size]))
        pos += size
    return out


def report(title: str, rows: list[tuple[str, bytes]]) -> None:
    print(f"{title}\n{'what':44} {'raw':>10} {'gzip -9':>10}")
    for name, blob in rows:
        print(f"{name:44} {len(blob):>10,} {gz(blob):>10,}")
    everything = b"".join(blob for _, blob in rows)
    print(f"{'all of the above, gzipped together':44} {len(everything):>10,} {gz(everything):>10,}\n")


if __name__ == "__main__":
    report("Compiled tables (generated.rs)", tables())
    if len(sys.argv) > 1:
        report(f"Sections of {sys.argv[1]}", wasm_sections(Path(sys.argv[1])))
