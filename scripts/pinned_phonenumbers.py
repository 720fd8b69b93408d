"""The pinned libphonenumber metadata every importer and fixture script uses.

Source: the PyPI package ``phonenumbers`` (David Drysdale's Python port of
libphonenumber, Apache-2.0; its version is the libphonenumber release whose metadata
it ships), pinned to exactly PHONENUMBERS_VERSION.  It is installed into
``<repo>/target/pyref`` (git-ignored) with ``pip install --target`` when missing; the
system site-packages are never touched.
"""

from __future__ import annotations

import csv
import importlib
import subprocess
import sys
from pathlib import Path

PHONENUMBERS_VERSION = "9.0.43"
REPO = Path(__file__).resolve().parent.parent
PYREF = REPO / "target" / "pyref"
PKG = f"PyPI phonenumbers {PHONENUMBERS_VERSION}"


def load_phonenumbers():
    """The pinned ``phonenumbers`` module (installed on first use)."""
    dist_info = PYREF / f"phonenumbers-{PHONENUMBERS_VERSION}.dist-info"
    if not dist_info.is_dir():
        print(f"installing phonenumbers=={PHONENUMBERS_VERSION} into {PYREF}", file=sys.stderr)
        PYREF.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--no-deps", "--upgrade", "--target", str(PYREF),
             f"phonenumbers=={PHONENUMBERS_VERSION}"],
            check=True,
        )
    if str(PYREF) not in sys.path:
        sys.path.insert(0, str(PYREF))
    pn = importlib.import_module("phonenumbers")
    if not pn.__file__ or not Path(pn.__file__).resolve().is_relative_to(PYREF.resolve()):
        sys.exit(f"phonenumbers was imported from {pn.__file__}, expected it under {PYREF}")
    if pn.__version__ != PHONENUMBERS_VERSION:
        sys.exit(f"phonenumbers {pn.__version__} found in {PYREF}, need {PHONENUMBERS_VERSION}")
    return pn


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """UTF-8, LF, csv-module quoting, header first: byte-identical for identical rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {path.relative_to(REPO)}: {len(rows)} rows")
