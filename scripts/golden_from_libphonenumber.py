#!/usr/bin/env python3
"""Write tests/golden/libphonenumber_de.csv: libphonenumber's answer for a sample of German numbers.

The reference is Google libphonenumber as shipped in the PyPI package ``phonenumbers``,
pinned (and installed into ``<repo>/target/pyref``) by ``scripts/import_reference.py``;
this script imports that script's ``load_phonenumbers`` so both use the same version.

Deterministic sample (no randomness, sorted inputs from data/):
  * every 25th German area code of data/de/area_codes.csv, as a full number
    (NSN 10 for 2-digit codes, 11 otherwise: the fact sheet's "new allocations" length);
  * one number in every mobile block of data/de/mobile_blocks.csv (NSN 11 in 015,
    10 in 016x/017x, 11 in 0176);
  * one number of the shortest allowed length in every range of data/de/ranges.csv
    that is not geographic (service ranges, reserve ranges, ...);
  * libphonenumber's own example number for every number type it has for DE.

Columns: e164, sample (which rule above produced the row), number_type
(libphonenumber's PhoneNumberType name, e.g. FIXED_LINE), is_valid, is_possible.
crates/numrep/tests/libphonenumber_agreement.rs compares numrep against this file.

Run: python3 scripts/golden_from_libphonenumber.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_reference import REPO, load_phonenumbers, PHONENUMBERS_VERSION  # noqa: E402

OUT = REPO / "tests" / "golden" / "libphonenumber_de.csv"
AREA_CODE_STEP = 25
FILL = "2345678901234"


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def filled(prefix: str, length: int) -> str:
    """prefix followed by filler digits up to `length` digits (at least the prefix)."""
    return prefix + FILL[: max(0, length - len(prefix))]


def samples() -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    areas = read_rows(REPO / "data/de/area_codes.csv")
    for row in areas[::AREA_CODE_STEP]:
        code = row["prefix"]
        out.append((filled(code, 10 if len(code) == 2 else 11), f"area code {code}"))
    for row in read_rows(REPO / "data/de/mobile_blocks.csv"):
        block = row["prefix"]
        length = 11 if block.startswith("15") or block == "176" else 10
        out.append((filled(block, length), f"mobile block {block}"))
    for row in read_rows(REPO / "data/de/ranges.csv"):
        prefix = row["prefix"]
        if len(prefix) < 2 or prefix[0] in "2456789" and not prefix.startswith(("700", "701", "800", "900")):
            continue
        out.append((filled(prefix, max(int(row["min_len"]), len(prefix))), f"range {prefix}"))
    return out


def main() -> None:
    pn = load_phonenumbers()
    type_names = {
        getattr(pn.PhoneNumberType, name): name
        for name in dir(pn.PhoneNumberType)
        if name.isupper() and isinstance(getattr(pn.PhoneNumberType, name), int)
    }
    rows: dict[str, list[str]] = {}

    def add(nsn: str, sample: str) -> None:
        e164 = f"+49{nsn}"
        if e164 in rows:
            return
        n = pn.parse(e164, None)
        rows[e164] = [
            e164,
            sample,
            type_names[pn.number_type(n)],
            str(pn.is_valid_number(n)).lower(),
            str(pn.is_possible_number(n)).lower(),
        ]

    for nsn, sample in samples():
        add(nsn, sample)
    for number_type, name in sorted(type_names.items()):
        example = pn.example_number_for_type("DE", number_type)
        if example is not None:
            add(pn.national_significant_number(example), f"libphonenumber example {name}")

    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["e164", "sample", "number_type", "is_valid", "is_possible"])
        w.writerows(rows.values())
    print(f"wrote {OUT.relative_to(REPO)}: {len(rows)} rows (phonenumbers {PHONENUMBERS_VERSION})")


if __name__ == "__main__":
    main()
