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


def load_phonenumbers(version: str = PHONENUMBERS_VERSION):
    """The ``phonenumbers`` module of ``version`` (default: the pinned one), installed on
    first use into PYREF, or for another version into ``target/pyref-<version>``.  One
    version per process: Python imports a module once."""
    target = PYREF if version == PHONENUMBERS_VERSION else PYREF.with_name(f"pyref-{version}")
    dist_info = target / f"phonenumbers-{version}.dist-info"
    if not dist_info.is_dir():
        print(f"installing phonenumbers=={version} into {target}", file=sys.stderr)
        target.mkdir(parents=True, exist_ok=True)
        installed = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--root-user-action=ignore", "--no-deps", "--upgrade", "--target", str(target),
             f"phonenumbers=={version}"],
        )
        if installed.returncode != 0:
            sys.exit(f"could not install phonenumbers=={version} (pip's message above): "
                     "is it a release on PyPI, and is PyPI reachable?")
    if str(target) not in sys.path:
        sys.path.insert(0, str(target))
    pn = importlib.import_module("phonenumbers")
    if not pn.__file__ or not Path(pn.__file__).resolve().is_relative_to(target.resolve()):
        sys.exit(f"phonenumbers was imported from {pn.__file__}, expected it under {target}")
    if pn.__version__ != version:
        sys.exit(f"phonenumbers {pn.__version__} found in {target}, need {version}")
    return pn


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """UTF-8, LF, csv-module quoting, header first: byte-identical for identical rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {path.relative_to(REPO)}: {len(rows)} rows")
