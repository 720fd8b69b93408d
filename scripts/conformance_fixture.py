#!/usr/bin/env python3
"""Write the libphonenumber conformance fixture: tests/golden/conformance_numbers.csv and
tests/golden/conformance_short.csv, with the answers of the pinned oracle (PyPI
``phonenumbers``, the version scripts/pinned_phonenumbers.py pins).

Numbers (every territory: 245 regions and the 9 non-geographic calling codes):
  * the metadata's example number of every number type;
  * numbers drawn from every type's pattern (SAMPLES_PER_TYPE each, deterministic);
  * mutations of each: a digit more, a digit less, a changed leading digit;
  * written forms of each example and of the first drawn number: E.164 (``+49 30…``),
    international format, national format (with trunk prefix), the bare national
    number (without trunk prefix), and the region's own international prefix before
    the calling code (``0011 49 30…`` from AU-style regions: the region's preferred
    prefix, or the first one its pattern allows). Mutations are written in E.164 only.
  Columns: input, default_region (what the oracle parsed with), origin (how the row was
  made), then the oracle's answers: parsed (``ok`` or the parse error), country_code,
  national_number (national significant number), valid, type (PhoneNumberType name),
  region (region_code_for_number, ``001`` for non-geographic), possible (is_possible),
  e164, international, national.

Named examples (NAMED_NUMBERS, NAMED_SHORT): the forms issue 8 names (AE 800…, IN/AU
1800…, IL 1-800…, BR (11) 2345-6789, AR 15 mobile, MX, CA 310, KZ, GG, YT, AU 0011 and
KE 000 international prefixes, SG/KR/BR carrier forms, phone-context, +41 900, AT
0900, UK 070; 999/GB, 911/US, 000/AU, 112), with origin "issue 8 example: …".

Short numbers (every region with short-number metadata): the example and drawn
numbers of every short-number type and their mutations, dialled in that region.
  Columns: region, input, origin, national_number (as the oracle parsed the dialled
  digits), possible, valid (…_for_region), cost (ShortNumberCost name), emergency
  (is_emergency_number), connects_to_emergency, carrier_specific, sms_service.

Deterministic: fixed seeds per territory and type, sorted output, byte-identical
between runs.  Run: python3 scripts/conformance_fixture.py
"""

from __future__ import annotations

import random
import re
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pinned_phonenumbers import REPO, load_phonenumbers, write_csv  # noqa: E402
from world_metadata import NUMBER_TYPES, SHORT_TYPES  # noqa: E402

try:  # Python 3.11+: the regex parser lives in re._parser
    import re._parser as sre_parse
    import re._constants as sre_c
except ImportError:  # pragma: no cover - older Pythons
    import sre_parse  # type: ignore
    import sre_constants as sre_c  # type: ignore

OUT = REPO / "tests" / "golden"

# Written forms issue 8 names, with the region they are dialled in.
NAMED_NUMBERS = [
    ("800 123456", "AE", "AE toll-free without trunk prefix"),
    ("1800 123 4567", "IN", "IN toll-free 1800"),
    ("1800 123 456", "AU", "AU toll-free 1800"),
    ("1-800-123-456", "IL", "IL toll-free 1-800"),
    ("(11) 2345-6789", "BR", "BR area code in brackets, no trunk prefix"),
    ("011 15-2345-6789", "AR", "AR mobile written with 15 (national prefix transform)"),
    ("55 1234 5678", "MX", "MX national number"),
    ("+52 1 55 1234 5678", "MX", "MX old mobile 1 after the calling code"),
    ("310-2255", "CA", "CA 310 service number"),
    ("+1 310 2255", "DE", "CA 310 service number in +1 (shared calling code)"),
    ("+7 701 123 4567", "DE", "KZ in +7 (shared calling code)"),
    ("+44 1481 256789", "DE", "GG in +44 (shared calling code)"),
    ("+262 269 61 23 45", "DE", "YT in +262 (shared calling code)"),
    ("+41 900 123 456", "DE", "CH premium rate"),
    ("0900 123456", "AT", "AT premium rate"),
    ("070 1234 5678", "GB", "UK 070 personal number"),
    ("0011 49 30 123456", "AU", "AU international prefix 0011"),
    ("000 49 30 123456", "KE", "KE international prefix 000"),
    ("0015 49 30 123456", "BR", "BR carrier international prefix 0015"),
    ("00700 49 30 1234567", "KR", "KR carrier international prefix 00700"),
    ("001 49 30 1234567", "SG", "SG international prefix 001"),
    ("tel:2079460958;phone-context=+44", "US", "tel: URI with phone-context"),
]
# Short numbers issue 8 names, with the region they are dialled in.
NAMED_SHORT = [
    ("999", "GB", "GB emergency 999"),
    ("911", "US", "US emergency 911"),
    ("000", "AU", "AU emergency 000"),
    ("112", "GB", "112 in GB"),
    ("112", "FR", "112 in FR"),
    ("112", "AT", "112 in AT"),
    ("112", "US", "112 in US"),
]
SAMPLES_PER_TYPE = 2
NON_GEO = "001"


def draw(pattern: str, rng: random.Random) -> str:
    """A random string of the pattern's language (libphonenumber's digit dialect)."""
    out: list[str] = []

    def walk(items) -> None:
        for op, av in items:
            if op is sre_c.LITERAL:
                out.append(chr(av))
            elif op is sre_c.IN:
                digits = []
                for o, a in av:
                    if o is sre_c.LITERAL:
                        digits.append(chr(a))
                    elif o is sre_c.RANGE:
                        digits.extend(chr(c) for c in range(a[0], a[1] + 1))
                    elif o is sre_c.CATEGORY:
                        digits.extend("0123456789")
                out.append(rng.choice(sorted(d for d in digits if d.isdigit())))
            elif op is sre_c.SUBPATTERN:
                walk(av[-1])
            elif op is sre_c.BRANCH:
                walk(rng.choice(av[1]))
            elif op is sre_c.MAX_REPEAT:
                lo, hi, sub = av
                for _ in range(rng.randint(lo, min(hi, lo + 20))):
                    walk(sub)
            elif op is sre_c.AT:
                pass
            else:
                raise ValueError(f"{pattern}: unsupported {op}")

    walk(sre_parse.parse(pattern))
    return "".join(out)


def mutations(nsn: str) -> list[tuple[str, str]]:
    out = [("a digit more", nsn + "5")]
    if len(nsn) > 1:
        out.append(("a digit less", nsn[:-1]))
    out.append(("leading digit changed", str((int(nsn[0]) + 1) % 10) + nsn[1:]))
    return out


def seed(*parts) -> random.Random:
    return random.Random(zlib.crc32("/".join(str(p) for p in parts).encode()))


class Oracle:
    def __init__(self, pn):
        self.pn = pn
        self.type_names = {getattr(pn.PhoneNumberType, n): n for n in dir(pn.PhoneNumberType)
                           if n.isupper() and isinstance(getattr(pn.PhoneNumberType, n), int)}
        self.cost_names = {getattr(pn.ShortNumberCost, n): n for n in dir(pn.ShortNumberCost)
                           if n.isupper() and isinstance(getattr(pn.ShortNumberCost, n), int)}

    def number_row(self, text: str, region: str, origin: str) -> list[str]:
        pn = self.pn
        parse_region = None if region == NON_GEO else region
        try:
            n = pn.parse(text, parse_region)
        except pn.NumberParseException as e:
            return [text, region, origin, f"error:{e.error_type}"] + [""] * 9
        f = pn.PhoneNumberFormat
        return [
            text, region, origin, "ok", str(n.country_code), pn.national_significant_number(n),
            str(pn.is_valid_number(n)).lower(), self.type_names[pn.number_type(n)],
            pn.region_code_for_number(n) or "", str(pn.is_possible_number(n)).lower(),
            pn.format_number(n, f.E164), pn.format_number(n, f.INTERNATIONAL),
            pn.format_number(n, f.NATIONAL),
        ]

    def short_row(self, text: str, region: str, origin: str) -> list[str]:
        pn, sni = self.pn, self.pn.shortnumberinfo
        try:
            n = pn.parse(text, region)
        except pn.NumberParseException as e:
            return [region, text, origin, f"error:{e.error_type}"] + [""] * 7
        flag = lambda b: str(bool(b)).lower()  # noqa: E731
        return [
            region, text, origin, pn.national_significant_number(n),
            flag(sni.is_possible_short_number_for_region(n, region)),
            flag(sni.is_valid_short_number_for_region(n, region)),
            self.cost_names[sni.expected_cost_for_region(n, region)],
            flag(sni.is_emergency_number(text, region)),
            flag(sni.connects_to_emergency_number(text, region)),
            flag(sni.is_carrier_specific_for_region(n, region)),
            flag(sni.is_sms_service_for_region(n, region)),
        ]


def idd_for(md) -> str:
    """The digits a caller in this region dials before a calling code."""
    pref = md.preferred_international_prefix
    if pref and re.fullmatch(r"\d+", pref):
        return pref
    ip = md.international_prefix
    if not ip:
        return ""
    if re.fullmatch(r"\d+", ip):
        return ip
    rng = seed("idd", md.id)
    for _ in range(50):  # a string of the pattern the pattern itself picks first
        s = draw(ip, rng)
        m = re.match(ip, s)
        if m and m.end() == len(s):
            return s
    return ""


def written_forms(oracle: Oracle, region: str, code: int, nsn: str, md) -> list[tuple[str, str]]:
    pn = oracle.pn
    forms = [("E.164", f"+{code} {nsn}")]
    try:
        n = pn.parse(f"+{code}{nsn}", None)
    except pn.NumberParseException:
        return forms
    f = pn.PhoneNumberFormat
    forms.append(("international format", pn.format_number(n, f.INTERNATIONAL)))
    if region != NON_GEO:
        forms.append(("national format", pn.format_number(n, f.NATIONAL)))
        forms.append(("national number without trunk prefix", nsn))
        idd = idd_for(md)
        if idd:
            forms.append((f"own international prefix {idd}", f"{idd} {code} {nsn}"))
    return forms


def number_rows(oracle: Oracle) -> list[list[str]]:
    pn = oracle.pn
    from phonenumbers.phonenumberutil import COUNTRY_CODES_FOR_NON_GEO_REGIONS, SUPPORTED_REGIONS

    territories = [(r, pn.country_code_for_region(r), pn.PhoneMetadata.metadata_for_region(r))
                   for r in sorted(SUPPORTED_REGIONS)]
    territories += [(NON_GEO, c, pn.PhoneMetadata.metadata_for_nongeo_region(c))
                    for c in sorted(COUNTRY_CODES_FOR_NON_GEO_REGIONS)]
    rows = {}

    def add(text: str, region: str, origin: str) -> None:
        key = (text, region)
        if key not in rows:
            rows[key] = oracle.number_row(text, region, origin)

    for region, code, md in territories:
        for attr, name in NUMBER_TYPES:
            desc = getattr(md, attr)
            if name in ("general", "no_international_dialling") or desc is None \
                    or not desc.national_number_pattern:
                continue
            numbers = []
            if desc.example_number:
                numbers.append((f"{region} example {name}", desc.example_number))
            rng = seed(region, code, name)
            for i in range(SAMPLES_PER_TYPE):
                numbers.append((f"{region} drawn {name}", draw(desc.national_number_pattern, rng)))
            for k, (origin, nsn) in enumerate(numbers):
                if k < 2:
                    for form, text in written_forms(oracle, region, code, nsn, md):
                        add(text, region, f"{origin}, {form}")
                else:
                    add(f"+{code} {nsn}", region, origin)
                for what, mutated in mutations(nsn):
                    add(f"+{code} {mutated}", region, f"{origin}, {what}")
    for text, region, what in NAMED_NUMBERS:
        rows[(text, region)] = oracle.number_row(text, region, f"issue 8 example: {what}")
    return sorted(rows.values(), key=lambda r: (r[1], r[0]))


def short_rows(oracle: Oracle) -> list[list[str]]:
    pn = oracle.pn
    from phonenumbers.shortnumberinfo import SUPPORTED_SHORT_REGIONS

    rows = {}
    for region in sorted(SUPPORTED_SHORT_REGIONS):
        md = pn.PhoneMetadata.short_metadata_for_region(region)
        for attr, name in SHORT_TYPES:
            desc = getattr(md, attr)
            if name == "general" or desc is None or not desc.national_number_pattern:
                continue
            numbers = [desc.example_number] if desc.example_number else []
            rng = seed("short", region, name)
            numbers += [draw(desc.national_number_pattern, rng) for _ in range(SAMPLES_PER_TYPE)]
            for nsn in numbers:
                for what, text in [("", nsn)] + mutations(nsn):
                    origin = f"{region} {name}" + (f", {what}" if what else "")
                    if (region, text) not in rows:
                        rows[(region, text)] = oracle.short_row(text, region, origin)
    for text, region, what in NAMED_SHORT:
        rows[(region, text)] = oracle.short_row(text, region, f"issue 8 example: {what}")
    return sorted(rows.values(), key=lambda r: (r[0], r[1]))


def main() -> None:
    pn = load_phonenumbers()
    import phonenumbers.shortnumberinfo  # noqa: F401  (attribute access below)

    oracle = Oracle(pn)
    write_csv(OUT / "conformance_numbers.csv",
              ["input", "default_region", "origin", "parsed", "country_code", "national_number",
               "valid", "type", "region", "possible", "e164", "international", "national"],
              number_rows(oracle))
    write_csv(OUT / "conformance_short.csv",
              ["region", "input", "origin", "national_number", "possible", "valid", "cost",
               "emergency", "connects_to_emergency", "carrier_specific", "sms_service"],
              short_rows(oracle))


if __name__ == "__main__":
    main()
