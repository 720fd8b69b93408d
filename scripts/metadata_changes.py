#!/usr/bin/env python3
"""What a libphonenumber metadata update changes, before numrep takes it.

Asks the oracle of another ``phonenumbers`` release every question of the committed
conformance fixture (tests/golden/conformance_numbers.csv and conformance_short.csv,
answered by the pinned release) and lists every answer that release gives
differently: validity, type, region, formats, short-number cost and emergency flags.
An update is then a reviewed change (which numbers change their answer, and is each
change right?) instead of a silent one; after the review, bump PHONENUMBERS_VERSION in
scripts/pinned_phonenumbers.py and run `make data`.

With the pinned release (the default) every answer must come out as committed: the
fixture is what the oracle says, not edited by hand. `make test` runs it so.

Usage: python3 scripts/metadata_changes.py [VERSION] [--show N]
Exit status: 0 when no answer differs, 1 when some do, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conformance_fixture import OUT, Oracle  # noqa: E402
from pinned_phonenumbers import PHONENUMBERS_VERSION, load_phonenumbers  # noqa: E402

# Columns that say who asked what (not answers), per fixture: region, input, origin.
QUESTION = {
    "conformance_numbers.csv": ("default_region", "input", "origin"),
    "conformance_short.csv": ("region", "input", "origin"),
}


def committed(name: str) -> list[dict[str, str]]:
    with (OUT / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def answers_now(oracle: Oracle, name: str, row: dict[str, str]) -> list[str]:
    if name == "conformance_numbers.csv":
        return oracle.number_row(row["input"], row["default_region"], row["origin"])
    return oracle.short_row(row["input"], row["region"], row["origin"])


def changes(oracle: Oracle, name: str) -> tuple[int, list[tuple[dict, str, str, str]]]:
    """(rows asked, [(row, column, committed answer, answer now)])."""
    rows = committed(name)
    found = []
    for row in rows:
        now = dict(zip(row.keys(), answers_now(oracle, name, row)))
        for column, was in row.items():
            if column not in QUESTION[name] and now[column] != was:
                found.append((row, column, was, now[column]))
    return len(rows), found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("version", nargs="?", default=PHONENUMBERS_VERSION,
                    help=f"phonenumbers release to ask (default: the pinned {PHONENUMBERS_VERSION})")
    ap.add_argument("--show", type=int, default=40, metavar="N",
                    help="list at most N changed answers per fixture (default 40)")
    args = ap.parse_args()
    pn = load_phonenumbers(args.version)
    import phonenumbers.shortnumberinfo  # noqa: F401  (used by Oracle.short_row)

    oracle = Oracle(pn)
    total = 0
    print(f"answers changed: fixture (phonenumbers {PHONENUMBERS_VERSION}) → "
          f"phonenumbers {args.version}")
    for name in QUESTION:
        asked, found = changes(oracle, name)
        total += len(found)
        rows = len({id(row) for row, *_ in found})
        print(f"\n{name}: {asked} rows asked, {rows} with a changed answer "
              f"({len(found)} answers)")
        by_column = Counter(column for _, column, _, _ in found)
        for column, count in by_column.most_common():
            print(f"  {column:22} {count:6} changed")
        region, text = QUESTION[name][:2]
        by_region = Counter(row[region] for row, *_ in found)
        if by_region:
            print("  by region: " + ", ".join(f"{r} {n}" for r, n in by_region.most_common()))
        for row, column, was, now in found[: args.show]:
            print(f"  {row[region]} {row[text]}: {column} {was or '(empty)'} → {now or '(empty)'}"
                  f"  [{row['origin']}]")
        if len(found) > args.show:
            print(f"  … and {len(found) - args.show} more (--show N)")
    if total and args.version == PHONENUMBERS_VERSION:
        print("\nthe committed fixture is not what the pinned oracle answers: "
              "run `python3 scripts/conformance_fixture.py`, never edit it by hand",
              file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
