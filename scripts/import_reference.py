#!/usr/bin/env python3
"""Generate the reference tables in data/ from Google libphonenumber's metadata.

Source: the PyPI package ``phonenumbers`` (David Drysdale's Python port of
libphonenumber, Apache-2.0), pinned to exactly PHONENUMBERS_VERSION in
``scripts/pinned_phonenumbers.py``.  The package is installed into ``<repo>/target/pyref`` (git-ignored) with
``pip install --target`` if it is not already there; the system site-packages
are never touched.

Outputs (UTF-8, LF, comma-separated, csv-module quoting, header row first,
sorted, byte-identical between runs):

  data/de/area_codes.csv              German area codes (ONKz) with place names, from
                                      the vendored libphonenumber range table
  data/world/country_codes.csv        every country calling code
  data/world/regions.csv              every region (ISO 3166 alpha-2) with its names
  data/world/libphonenumber/*.csv     the full metadata per territory: number types,
                                      dialling prefixes, formats, short numbers and
                                      the metadata version (scripts/world_metadata.py)

Do not edit those files by hand; rerun ``python3 scripts/import_reference.py``.
Python 3.11, stdlib + phonenumbers only.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

from pinned_phonenumbers import (  # noqa: F401  (re-exported for the other scripts)
    PHONENUMBERS_VERSION, PKG, PYREF, REPO, load_phonenumbers, write_csv)
from world_metadata import import_world_metadata

DIGITS = "0123456789"

# German area codes: libphonenumber's own range table (resources/metadata/49/ranges.csv,
# release v9.0.35), vendored unchanged by scripts/vendor_libphonenumber_de.py.
DE_RANGES = REPO / "data" / "reference" / "libphonenumber-de" / "ranges.csv"
DE_RANGES_SRC = "libphonenumber metadata/49/ranges.csv v9.0.35 (data/reference/libphonenumber-de)"
# Area codes by length in that table (5,202).  The fact sheet's 4/87/3,882/1,234
# (/work/shared/facts/de-numbering-plan.md §3) counted geocoding prefixes, which are not
# all area codes: the import prints the difference (465, 760, 6215, 6216, 62195, 62196,
# 62199 are geocoding prefixes only; 4651 Sylt and 7602 Oberried are the real codes).
EXPECTED_DE_AREA_CODES = {2: 4, 3: 85, 4: 3882, 5: 1231}


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------

def locale_name(locale_data: dict, region: str, lang: str) -> str:
    """Country name from phonenumbers/geodata/locale.py.

    That table stores '*xx' for "same as language xx"; follow the references."""
    names = locale_data.get(region)
    if not names:
        return ""
    seen = set()
    value = names.get(lang, "")
    while value.startswith("*") and value not in seen:
        seen.add(value)
        value = names.get(value[1:], "")
    return value


# Regions that libphonenumber's locale table (generated from java.util.Locale)
# has no name for.  Names from Unicode CLDR (territory display names, en/de).
MISSING_LOCALE_NAMES = {
    "AC": ("Ascension Island", "Ascension"),
    "TA": ("Tristan da Cunha", "Tristan da Cunha"),
    "XK": ("Kosovo", "Kosovo"),
}
CLDR_SOURCE = "Unicode CLDR territory names (libphonenumber locale table has none)"

# Non-geographic calling codes (libphonenumber region "001").  Meaning per the
# ITU-T E.164 assignments (List of ITU-T Recommendation E.164 assigned country
# codes, Annex to ITU Operational Bulletin): 800 UIFN, 808 UISCN, 870 Inmarsat
# SNAC, 878 UPT, 881 GMSS, 882/883 International Networks, 888 OCHA, 979 IPRN.
INTERNATIONAL_NETWORK_NAMES = {
    800: ("International Freephone Service", "Internationale Freephone-Nummer"),
    808: ("International Shared Cost Service", "Internationaler Shared-Cost-Dienst"),
    870: ("Inmarsat Single Network Access Code", "Inmarsat (Satellitenfunk)"),
    878: ("Universal Personal Telecommunications", "Universelle persönliche Telekommunikation (UPT)"),
    881: ("Global Mobile Satellite System", "Globales mobiles Satellitensystem (GMSS)"),
    882: ("International Networks", "Internationale Netze"),
    883: ("International Networks", "Internationale Netze"),
    888: ("OCHA humanitarian telecommunications", "Humanitäre Telekommunikation (UN-OCHA)"),
    979: ("International Premium Rate Service", "Internationaler Premium-Rate-Dienst"),
}
ITU_SOURCE = "ITU-T E.164 assigned country codes; code list from libphonenumber PhoneNumberMetadata.xml"


# --------------------------------------------------------------------------
# 1. German area codes
# --------------------------------------------------------------------------
#
# Every FIXED_LINE row of the range table with an `Area Code Length` and a place name
# names its area code: the first `Area Code Length` digits of its prefix.  A prefix may
# go on past the area code with character classes (`621[56]` Ludwigshafen inside area
# code 621 Mannheim); those deeper prefixes are kept where their place differs from the
# area code's, so that place names stay as precise as the table while `group_len` is the
# real area-code length.

def read_range_table(path: Path = DE_RANGES) -> list[dict]:
    """Rows of libphonenumber's `;`-separated, space-padded range table."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter=";", skipinitialspace=True)
        header = [h.strip() for h in next(reader)]
        rows = []
        for cols in reader:
            cols = [c.strip() for c in cols] + [""] * (len(header) - len(cols))
            rows.append(dict(zip(header, cols)))
    return rows


def expand_prefix(pattern: str) -> list[str]:
    """Digit strings of a range-table prefix (`621[0-478]`, `152x55`: x = any digit)."""
    out = [""]
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch.isdigit():
            choices = ch
        elif ch == "x":
            choices = DIGITS
        elif ch == "[":
            end = pattern.index("]", i)
            body, choices = pattern[i + 1:end], ""
            j = 0
            while j < len(body):
                if j + 2 < len(body) and body[j + 1] == "-":
                    choices += "".join(str(d) for d in range(int(body[j]), int(body[j + 2]) + 1))
                    j += 3
                else:
                    choices += body[j]
                    j += 1
            i = end
        else:
            raise ValueError(f"range table prefix {pattern!r}: unexpected {ch!r}")
        out = [o + c for o in out for c in choices]
        i += 1
    return out


def range_table_area_codes(rows: list[dict]) -> tuple[dict, list[str]]:
    """area code -> {expanded prefix: place}, and the rows skipped (no place name)."""
    codes: dict[str, dict[str, str]] = {}
    skipped = []
    for row in rows:
        acl = row["Area Code Length"]
        if not acl:
            continue
        prefix, place = row["Prefix"], row["Geocode:de"]
        if row["Type"] != "FIXED_LINE":
            sys.exit(f"range table: area code on a {row['Type']} row {prefix}")
        if not place:
            skipped.append(prefix)
            continue
        code = prefix[: int(acl)]
        if not code.isdigit() or len(code) != int(acl):
            sys.exit(f"range table: prefix {prefix} has no plain {acl}-digit area code")
        for digits in expand_prefix(prefix):
            known = codes.setdefault(code, {}).get(digits)
            if known is not None and known != place:
                sys.exit(f"range table: {digits} is both {known} and {place}")
            codes[code][digits] = place
    return codes, skipped


def place_rows(code: str, places: dict[str, str]) -> list[tuple[str, str]]:
    """The fewest (prefix, place) rows under `code` that give every prefix its place.

    A node takes the place most of its children have (ties: the smallest); a child is
    written out only where its place differs from its parent's."""
    def place_of(prefix: str):
        if prefix in places:
            return places[prefix]
        children = [place_of(prefix + d) for d in DIGITS] if any(
            p.startswith(prefix) for p in places) else []
        counts = Counter(c for c in children if c is not None)
        return min(counts, key=lambda name: (-counts[name], name)) if counts else None

    out = []

    def walk(prefix: str, inherited) -> None:
        here = place_of(prefix)
        if here is not None and here != inherited:
            out.append((prefix, here))
            inherited = here
        if prefix not in places:
            for d in DIGITS:
                if any(p.startswith(prefix + d) for p in places):
                    walk(prefix + d, inherited)

    walk(code, None)
    return out


def import_area_codes(pn) -> None:
    from phonenumbers.geodata import GEOCODE_DATA

    codes, skipped = range_table_area_codes(read_range_table())
    rows = []
    for code in sorted(codes):
        for prefix, place in place_rows(code, codes[code]):
            rows.append([prefix, code, place, DE_RANGES_SRC])
    rows.sort()
    write_csv(REPO / "data/de/area_codes.csv", ["prefix", "area_code", "place", "source"], rows)

    by_len = Counter(len(c) for c in codes)
    print("  area codes by length (range table / expected):")
    ok = True
    for n in sorted(set(by_len) | set(EXPECTED_DE_AREA_CODES)):
        exp = EXPECTED_DE_AREA_CODES.get(n, 0)
        ok &= by_len[n] == exp
        print(f"    {n} digits: {by_len[n]:5d} / {exp:5d}  {'ok' if by_len[n] == exp else 'MISMATCH'}")
    print(f"    total: {len(codes)}; rows with a place below the area code: {len(rows) - len(codes)};"
          f" skipped (area code length but no place): {' '.join(skipped) or 'none'}")
    # Cross-check with the geocoding prefixes of the pinned package (the old source).
    geo = {k[2:] for k in GEOCODE_DATA if k.startswith("49") and k[2:3] in set("23456789")}
    only_geo = sorted(geo - set(codes) - {r[0] for r in rows})
    only_ranges = sorted(set(codes) - geo)
    print(f"    geocoding prefixes ({PKG}) that are no area code: {' '.join(only_geo) or 'none'}")
    print(f"    area codes without their own geocoding prefix: {' '.join(only_ranges) or 'none'}")
    if not ok:
        sys.exit("area-code counts differ from the expected ones: check the range table")


# --------------------------------------------------------------------------
# 2. Country calling codes, 3. regions
# --------------------------------------------------------------------------

# java.util.Locale's English names, as libphonenumber ships them, capitalise every
# word ("Isle Of Man", "Saint Kitts And Nevis"); agents read these names, so the
# small words inside a name are written as English writes them (CLDR does the same).
SMALL_WORDS = {"Of": "of", "And": "and", "The": "the"}


def english_case(name: str) -> str:
    """``name`` with "Of", "And", "The" in lower case after its first word."""
    first, *rest = name.split(" ")
    return " ".join([first] + [SMALL_WORDS.get(w, w) for w in rest])


CASE_NOTE = "English name with Of/And/The in lower case"


def region_names(locale_data, region):
    """English and German name of ``region`` and the notes its source column needs."""
    en = locale_name(locale_data, region, "en")
    de = locale_name(locale_data, region, "de")
    if not en and region in MISSING_LOCALE_NAMES:
        en, de = MISSING_LOCALE_NAMES[region]
        return en, de, [CLDR_SOURCE]
    cased = english_case(en)
    return cased, de, [CASE_NOTE] if cased != en else []


def import_country_codes(pn, locale_data) -> None:
    """One row per calling code: the regions sharing it in the order libphonenumber tries
    them (main region first), its name (the main region's, or the ITU-T meaning of an
    international network) and kind."""
    from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE

    meta_src = f"libphonenumber PhoneNumberMetadata.xml + locale.py names ({PKG})"
    rows = []
    kinds = Counter()
    for code in sorted(COUNTRY_CODE_TO_REGION_CODE):
        regions = COUNTRY_CODE_TO_REGION_CODE[code]
        if tuple(regions) == ("001",):
            en, de = INTERNATIONAL_NETWORK_NAMES[code]
            rows.append([str(code), "", en, de, "international_network", ITU_SOURCE])
            kinds["international_network"] += 1
            continue
        if "001" in regions:
            sys.exit(f"calling code {code} mixes 001 with regions {regions}")
        main = next((r for r in regions
                     if pn.PhoneMetadata.metadata_for_region(r).main_country_for_code), regions[0])
        order = [main] + [r for r in regions if r != main]
        en, de, notes = region_names(locale_data, main)
        src = "; ".join([meta_src] + notes)
        rows.append([str(code), " ".join(order), en, de, "geographic", src])
        kinds["geographic"] += 1
    missing = set(INTERNATIONAL_NETWORK_NAMES) - set(COUNTRY_CODE_TO_REGION_CODE)
    if missing:
        print(f"  WARNING: ITU names for codes libphonenumber does not know: {sorted(missing)}")
    write_csv(REPO / "data/world/country_codes.csv",
              ["code", "regions", "name_en", "name_de", "kind", "source"], rows)
    print(f"  {kinds['geographic']} geographic, {kinds['international_network']} international networks")


def import_regions(pn, locale_data) -> None:
    """One row per region: its calling code and its names in English and German. The
    dialling facts (prefixes, number plan, formats) are in data/world/libphonenumber/."""
    from phonenumbers.phonenumberutil import SUPPORTED_REGIONS

    src = f"libphonenumber PhoneNumberMetadata.xml + locale.py names ({PKG})"
    rows = []
    for region in sorted(SUPPORTED_REGIONS):
        md = pn.PhoneMetadata.metadata_for_region(region)
        en, de, notes = region_names(locale_data, region)
        rows.append([region, str(md.country_code), en, de, "; ".join([src] + notes)])
    write_csv(REPO / "data/world/regions.csv", ["region", "code", "name_en", "name_de", "source"], rows)


def main() -> None:
    pn = load_phonenumbers()
    from phonenumbers.geodata.locale import LOCALE_DATA

    print(f"phonenumbers {pn.__version__} from {Path(pn.__file__).parent}")
    import_area_codes(pn)
    import_country_codes(pn, LOCALE_DATA)
    import_regions(pn, LOCALE_DATA)
    import_world_metadata(pn)


if __name__ == "__main__":
    main()
