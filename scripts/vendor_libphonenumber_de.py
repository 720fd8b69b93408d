#!/usr/bin/env python3
"""Vendor libphonenumber's German range table into data/reference/libphonenumber-de/.

The table (`resources/metadata/49/ranges.csv` of Google libphonenumber, release v9.0.35,
Apache-2.0) is the canonical source of German area-code boundaries (`Area Code Length`);
no package registry ships it, so it is copied once, unchanged, from a local copy of the
release and pinned by SHA-256 here.  `scripts/import_reference.py` reads the vendored copy.

    python3 scripts/vendor_libphonenumber_de.py [SOURCE_DIR]

SOURCE_DIR defaults to ../shared/reference/libphonenumber-de (beside the repository).
The copy is refused when a file's SHA-256 differs from the pinned one, so a different
release cannot slip in unnoticed: update the pins (and NOTICE) deliberately.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET = REPO / "data" / "reference" / "libphonenumber-de"
RELEASE = "v9.0.35"
PINNED = {
    "ranges.csv": "f7d4255ac96200b2b8ec719c4f27b7dd9ba78574653d689111aa48eb130b4726",
    "LICENSE": "a6cba85bc92e0cff7a450b1d873c0eaa2e9fc96bf472df0247a26bec77bf3ff9",
}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def verify(directory: Path) -> list[str]:
    """Names of the pinned files in `directory` that are missing or differ."""
    bad = []
    for name, digest in PINNED.items():
        path = directory / name
        if not path.is_file() or sha256(path.read_bytes()) != digest:
            bad.append(name)
    return bad


def main() -> None:
    default = REPO.parent / "shared" / "reference" / "libphonenumber-de"
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    bad = verify(source)
    if bad:
        sys.exit(f"{source}: {', '.join(bad)} missing or not the pinned {RELEASE} files")
    TARGET.mkdir(parents=True, exist_ok=True)
    for name in PINNED:
        (TARGET / name).write_bytes((source / name).read_bytes())
        print(f"vendored {name} ({RELEASE}) into {TARGET.relative_to(REPO)}")


if __name__ == "__main__":
    main()
