#!/usr/bin/env python3
"""Where the bytes of the offline wasm module are: raw and gzip -9 sizes of the compiled
tables (read from crates/numrep/src/plan/generated.rs and plan/world/tables.rs, packed as
a wasm32 binary stores them: integers at their width, a `&str` or slice as an 8-byte
pointer and length plus its bytes) and of each section of a .wasm file.

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
WORLD = ROOT / "crates/numrep/src/plan/world/tables.rs"
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
    starts, records, buckets = field("starts"), field("records"), field("buckets")
    bases, offsets = field("place_bases"), field("place_offsets")
    text = re.search(r'PLACE_TEXT: &str = "(.*?)";', src, re.S).group(1).encode()
    lengths = numbers(re.search(r"PLACE_LENGTHS: \[u8; \d+\] = \[(.*?)\];", src, re.S).group(1))
    name_starts = numbers(re.search(r"PLACE_STARTS: \[u32; \d+\] = \[(.*?)\];", src, re.S).group(1))
    return [
        (f"interval starts in bucket ({len(starts)} × u32)", struct.pack(f"<{len(starts)}I", *starts)),
        (f"bucket bounds ({len(buckets)} × u16)", struct.pack(f"<{len(buckets)}H", *buckets)),
        (f"interval records ({len(records)} × u16)", struct.pack(f"<{len(records)}H", *records)),
        (f"place run bases ({len(bases)} × u16)", struct.pack(f"<{len(bases)}H", *bases)),
        (f"interval place offsets ({len(offsets)} × u8)", bytes(offsets)),
        ("place names (one text)", text),
        (f"place name lengths ({len(lengths)} × u8)", bytes(lengths)),
        (f"place name group starts ({len(name_starts)} × u32)", struct.pack(f"<{len(name_starts)}I", *name_starts)),
    ]


def static_body(src: str, name: str) -> tuple[int, str]:
    """Element count and text of `static NAME: [T; N] = [ ... ];`."""
    m = re.search(r"static " + name + r": \[[^;]*; (\d+)\] = \[(.*?)\n\];", src, re.S)
    return int(m.group(1)), m.group(2)


def strings(text: str) -> list[bytes]:
    return [s.encode().decode("unicode_escape").encode() for s in re.findall(r'"((?:[^"\\]|\\.)*)"', text)]


def packed_refs(text: str) -> bytes:
    """Bytes behind the references of struct literals: string texts and slice items."""
    out = b"".join(strings(text))
    for items in re.findall(r"&\[([^\]]*)\]", text):
        if '"' not in items:  # string slices are counted with the strings
            values = numbers(items)
            width = "H" if max(values, default=0) <= 0xFFFF else "I"  # u16 or u32 items
            out += struct.pack(f"<{len(values)}{width}", *values)
    return out


def world_tables() -> list[tuple[str, bytes]]:
    src = WORLD.read_text(encoding="utf-8")
    rows = []
    for name, fmt in (("NODES", "B"), ("TAIL_BYTES", "B"), ("TAIL_STARTS", "H"), ("ACCEPT_SETS", "H")):
        count, body = static_body(src, name)
        values = numbers(body)
        rows.append((f"world {name.lower()} ({count} × {'u8' if fmt == 'B' else 'u16'})",
                     struct.pack(f"<{len(values)}{fmt}", *values)))
    # Struct tables: the numbers of each literal as u32 (a close upper bound of the
    # struct's fields), plus 8 bytes per reference and the referenced bytes.
    for name in ("TERRITORIES", "CODE_TERRITORIES", "FORMAT_RULES", "FORMAT_PATTERNS", "TEMPLATES",
                 "PREFIX_MATCHERS", "MATCHER_STATES", "MATCHER_EDGES"):
        count, body = static_body(src, name)
        refs = len(re.findall(r'"|&\[', body)) // 1
        plain = re.sub(r'"((?:[^"\\]|\\.)*)"|&\[[^\]]*\]', " ", body)
        scalars = numbers(plain) + [1 for _ in re.findall(r"\b(true|false|None)\b", plain)]
        blob = struct.pack(f"<{len(scalars)}I", *scalars) + bytes(8 * refs) + packed_refs(body)
        rows.append((f"world {name.lower()} ({count})", blob))
    return rows


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
    report("World tables (world/tables.rs)", world_tables())
    if len(sys.argv) > 1:
        report(f"Sections of {sys.argv[1]}", wasm_sections(Path(sys.argv[1])))
