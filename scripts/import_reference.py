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
  data/world/regions.csv              every region (ISO 3166 alpha-2)
  data/world/shared_code_prefixes.csv national-number prefix -> region for
                                      calling codes shared by several regions
  data/world/libphonenumber/*.csv     the full metadata per territory: number types,
                                      dialling prefixes, formats, short numbers and
                                      the metadata version (scripts/world_metadata.py)

Do not edit those files by hand; rerun ``python3 scripts/import_reference.py``.
Python 3.11, stdlib + phonenumbers only.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

try:  # Python 3.11+: the regex parser lives in re._parser
    import re._parser as sre_parse
    import re._constants as sre_c
except ImportError:  # pragma: no cover - older Pythons
    import sre_parse  # type: ignore
    import sre_constants as sre_c  # type: ignore

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

def region_names(locale_data, region):
    en = locale_name(locale_data, region, "en")
    de = locale_name(locale_data, region, "de")
    if not en and region in MISSING_LOCALE_NAMES:
        en, de = MISSING_LOCALE_NAMES[region]
        return en, de, True
    return en, de, False


def main_region(pn, code: int, regions: tuple) -> str:
    for r in regions:
        md = pn.PhoneMetadata.metadata_for_region(r)
        if md is not None and md.main_country_for_code:
            return r
    return regions[0]


def ordered_regions(pn, code: int, regions: tuple) -> list:
    """Main region first, then the others in libphonenumber's order."""
    main = main_region(pn, code, regions)
    return [main] + [r for r in regions if r != main]


def import_country_codes(pn, locale_data) -> None:
    from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE

    meta_src = f"libphonenumber PhoneNumberMetadata.xml + locale.py names ({PKG})"
    rows = []
    kinds = Counter()
    for code in sorted(COUNTRY_CODE_TO_REGION_CODE):
        regions = COUNTRY_CODE_TO_REGION_CODE[code]
        if tuple(regions) == ("001",):
            en, de = INTERNATIONAL_NETWORK_NAMES[code]
            rows.append([str(code), "", "", en, de, "international_network", ITU_SOURCE])
            kinds["international_network"] += 1
            continue
        if "001" in regions:
            sys.exit(f"calling code {code} mixes 001 with regions {regions}")
        order = ordered_regions(pn, code, regions)
        en, de, cldr = region_names(locale_data, order[0])
        src = meta_src + ("; " + CLDR_SOURCE if cldr else "")
        rows.append([str(code), " ".join(order), order[0], en, de, "geographic", src])
        kinds["geographic"] += 1
    missing = set(INTERNATIONAL_NETWORK_NAMES) - set(COUNTRY_CODE_TO_REGION_CODE)
    if missing:
        print(f"  WARNING: ITU names for codes libphonenumber does not know: {sorted(missing)}")
    write_csv(REPO / "data/world/country_codes.csv",
              ["code", "regions", "main_region", "name_en", "name_de", "kind", "source"], rows)
    print(f"  {kinds['geographic']} geographic, {kinds['international_network']} international networks")


PLAIN_DIGITS = re.compile(r"\d+")


def international_prefix(md) -> tuple[str, str]:
    """The digits to dial before a calling code, and which rule gave them.

    Rule 1: the metadata's internationalPrefix when it is plain digits ('00', '011').
    Rule 2: otherwise (it is a pattern such as '0(?:0|1[0-9])') the metadata's
            preferredInternationalPrefix, when that is plain digits.
    Rule 3: otherwise '00' (ITU-T E.164 recommended international prefix);
            an approximation - see the list printed by the script."""
    ip, pref = md.international_prefix, md.preferred_international_prefix
    if ip and PLAIN_DIGITS.fullmatch(ip):
        return ip, "plain"
    if pref and PLAIN_DIGITS.fullmatch(pref):
        return pref, "preferred"
    return "00", "default-00"


def import_regions(pn, locale_data) -> None:
    from phonenumbers.phonenumberutil import SUPPORTED_REGIONS

    src = f"libphonenumber PhoneNumberMetadata.xml + locale.py names ({PKG})"
    rows = []
    rules = Counter()
    defaulted = []
    for region in sorted(SUPPORTED_REGIONS):
        md = pn.PhoneMetadata.metadata_for_region(region)
        ip, rule = international_prefix(md)
        rules[rule] += 1
        if rule == "default-00":
            defaulted.append(f"{region}:{md.international_prefix}")
        en, de, cldr = region_names(locale_data, region)
        rows.append([region, str(md.country_code), md.national_prefix or "", ip, en, de,
                     src + ("; " + CLDR_SOURCE if cldr else "")])
    write_csv(REPO / "data/world/regions.csv",
              ["region", "code", "national_prefix", "international_prefix", "name_en", "name_de", "source"],
              rows)
    print(f"  international_prefix rules: plain digits {rules['plain']}, "
          f"preferred_international_prefix {rules['preferred']}, default 00 {rules['default-00']}")
    if defaulted:
        print("  defaulted to 00 (metadata pattern):", " ".join(defaulted))


# --------------------------------------------------------------------------
# 4. Shared calling codes: national-number prefix -> region
# --------------------------------------------------------------------------
#
# libphonenumber decides the region of a number with a shared calling code by
# walking the code's regions in metadata order: a region with leadingDigits
# wins when re.match(leadingDigits, nsn) succeeds; a region without
# leadingDigits wins when the number matches one of its number-type patterns
# (fixed line, mobile, toll free, ...).  We reproduce that decision per
# national-number PREFIX: a prefix is assigned to a region once the first
# region that could still claim numbers under it is certain to (leadingDigits
# matched) or is the only one left.  Otherwise the prefix is split into its ten
# children (up to MAX_DEPTH digits).  Siblings that all resolve to the same
# region (or to nobody) are merged into the parent, so the output is minimal.
# For prefix tests against full-number patterns we need "can this digit string
# still be completed to a match?", which `re` cannot answer, so the patterns are
# compiled into a small NFA over the digits 0-9 (from the stdlib regex parser).

MAX_DEPTH = 8
TYPE_DESCS = ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number",
              "pager", "uan", "voicemail", "fixed_line", "mobile")


class DigitNFA:
    """Thompson NFA over the digits for the regex subset used by libphonenumber."""

    def __init__(self, pattern: str):
        self.eps: list[list[int]] = []
        self.trans: list[list[tuple[frozenset, int]]] = []
        self.start = self._new()
        self.accept = self._seq(sre_parse.parse(pattern), self.start)
        self._closure_cache: dict = {}

    def _new(self) -> int:
        self.eps.append([])
        self.trans.append([])
        return len(self.eps) - 1

    def _charset(self, items) -> frozenset:
        chars, negate = set(), False
        for op, av in items:
            if op is sre_c.NEGATE:
                negate = True
            elif op is sre_c.LITERAL:
                chars.add(chr(av))
            elif op is sre_c.RANGE:
                chars.update(chr(c) for c in range(av[0], av[1] + 1))
            elif op is sre_c.CATEGORY and av is sre_c.CATEGORY_DIGIT:
                chars.update(DIGITS)
            else:
                raise ValueError(f"unsupported class item {op} {av}")
        chars &= set(DIGITS)
        return frozenset(set(DIGITS) - chars if negate else chars)

    def _seq(self, items, s: int) -> int:
        for item in items:
            s = self._item(item, s)
        return s

    def _edge(self, s: int, chars: frozenset) -> int:
        t = self._new()
        self.trans[s].append((chars, t))
        return t

    def _item(self, item, s: int) -> int:
        op, av = item
        if op is sre_c.LITERAL:
            return self._edge(s, frozenset(chr(av)) & frozenset(DIGITS))
        if op is sre_c.NOT_LITERAL:
            return self._edge(s, frozenset(DIGITS) - {chr(av)})
        if op is sre_c.ANY:
            return self._edge(s, frozenset(DIGITS))
        if op is sre_c.IN:
            return self._edge(s, self._charset(av))
        if op is sre_c.SUBPATTERN:
            return self._seq(av[-1], s)
        if op is sre_c.BRANCH:
            end = self._new()
            for alt in av[1]:
                self.eps[self._seq(alt, s)].append(end)
            return end
        if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            cur = s
            for _ in range(lo):
                cur = self._seq(sub, cur)
            if hi is sre_c.MAXREPEAT:
                loop = self._new()
                self.eps[cur].append(loop)
                self.eps[self._seq(sub, loop)].append(loop)
                return loop
            end = self._new()
            self.eps[cur].append(end)
            for _ in range(hi - lo):
                cur = self._seq(sub, cur)
                self.eps[cur].append(end)
            return end
        raise ValueError(f"unsupported regex construct {op} {av}")

    def closure(self, states) -> frozenset:
        key = frozenset(states)
        hit = self._closure_cache.get(key)
        if hit is not None:
            return hit
        seen, stack = set(key), list(key)
        while stack:
            for t in self.eps[stack.pop()]:
                if t not in seen:
                    seen.add(t)
                    stack.append(t)
        res = frozenset(seen)
        self._closure_cache[key] = res
        return res

    def initial(self) -> frozenset:
        return self.closure([self.start])

    def step(self, states: frozenset, ch: str) -> frozenset:
        return self.closure([t for s in states for chars, t in self.trans[s] if ch in chars])


class Claimant:
    """One region of a shared code, as libphonenumber's region resolution sees it."""

    def __init__(self, region: str, md):
        self.region = region
        self.leading_digits = md.leading_digits
        if self.leading_digits is not None:
            self.nfa = DigitNFA(self.leading_digits)
            self.rule = "leadingDigits"
        else:
            pats = [getattr(md, d).national_number_pattern for d in TYPE_DESCS
                    if getattr(md, d) is not None and getattr(md, d).national_number_pattern]
            self.nfa = DigitNFA("|".join(f"(?:{p})" for p in pats))
            self.rule = "number patterns"

    # State: True = leadingDigits already matched (claims everything below);
    # frozenset = NFA states after the prefix (empty = cannot claim).
    def initial(self):
        states = self.nfa.initial()
        if self.leading_digits is not None and self.nfa.accept in states:
            return True
        return states

    def step(self, state, ch):
        if state is True:
            return True
        nxt = self.nfa.step(state, ch)
        if self.leading_digits is not None and self.nfa.accept in nxt:
            return True  # re.match(leadingDigits, prefix) succeeds from here on
        return nxt


def resolve_shared_code(claimants: list[Claimant], max_depth: int):
    """Return a tree: a region code / None (uniform below this prefix) or a dict digit -> subtree."""
    memo: dict = {}

    def resolve(states: tuple, depth: int):
        key = (states, depth)
        if key in memo:
            return memo[key]
        live = [i for i, st in enumerate(states) if st is True or st]
        if not live:
            res = None
        elif states[live[0]] is True or len(live) == 1 or depth == max_depth:
            res = claimants[live[0]].region
        else:
            children = {d: resolve(tuple(c.step(st, d) for c, st in zip(claimants, states)), depth + 1)
                        for d in DIGITS}
            owners = {v for v in children.values() if not isinstance(v, dict)}
            if all(not isinstance(v, dict) for v in children.values()) and len(owners - {None}) <= 1:
                res = next(iter(owners - {None}), None)
            else:
                res = children
        memo[key] = res
        return res

    return resolve(tuple(c.initial() for c in claimants), 0)


def flatten(tree, prefix=""):
    if isinstance(tree, dict):
        for d in DIGITS:
            yield from flatten(tree[d], prefix + d)
    elif tree is not None:
        yield prefix, tree


def import_shared_prefixes(pn) -> None:
    from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE

    rows = []
    print("  code  main  rows  regions (rows each; rule)")
    for code in sorted(COUNTRY_CODE_TO_REGION_CODE):
        regions = COUNTRY_CODE_TO_REGION_CODE[code]
        if len(regions) < 2 or "001" in regions:
            continue
        # Resolution order is libphonenumber's own (the metadata list order).
        claimants = [Claimant(r, pn.PhoneMetadata.metadata_for_region(r)) for r in regions]
        by_region = {c.region: c for c in claimants}
        main = main_region(pn, code, regions)
        tree = resolve_shared_code(claimants, MAX_DEPTH)
        if not isinstance(tree, dict):
            tree = {d: tree for d in DIGITS}  # never emit an empty prefix
        per = Counter()
        code_rows = []
        for prefix, region in flatten(tree):
            if region == main:
                continue
            per[region] += 1
            code_rows.append([str(code), prefix, region,
                              f"libphonenumber PhoneNumberMetadata.xml {region} "
                              f"{by_region[region].rule} ({PKG})"])
        rows.extend(code_rows)
        desc = ", ".join(f"{r} {per[r]} ({by_region[r].rule})" for r in regions if r != main)
        print(f"  {code:>4}  {main}  {len(code_rows):4d}  {desc}")
    write_csv(REPO / "data/world/shared_code_prefixes.csv", ["code", "prefix", "region", "source"], rows)


def main() -> None:
    pn = load_phonenumbers()
    from phonenumbers.geodata.locale import LOCALE_DATA

    print(f"phonenumbers {pn.__version__} from {Path(pn.__file__).parent}")
    import_area_codes(pn)
    import_country_codes(pn, LOCALE_DATA)
    import_regions(pn, LOCALE_DATA)
    import_shared_prefixes(pn)
    import_world_metadata(pn)


if __name__ == "__main__":
    main()
