"""libphonenumber's metadata for every territory as CSV tables in data/world/libphonenumber/.

Called by scripts/import_reference.py (``make data``) with the pinned ``phonenumbers``
module.  One row per fact, every row with its source; sorted, byte-identical between runs.
A territory is a region (ISO 3166 alpha-2, plus AC/TA/XK) or, for the non-geographic
calling codes (+800, +808, +870, +878, +881, +882, +883, +888, +979), libphonenumber's
region ``001`` together with the calling code.

  version.csv        the metadata version (libphonenumber release shipped by the package)
  territories.csv    dialling facts: international prefix (a pattern), preferred
                     international prefix, national prefix, national prefix for parsing and
                     its transform rule, main country for the code, leading digits, ...
  number_types.csv   per territory and number type: pattern, possible lengths, local-only
                     lengths, example number (type ``general`` = the general description)
  formats.csv        format rules in metadata order (national list, then the international
                     list where a territory has one of its own)
  short_numbers.csv  ShortNumberMetadata per region and short-number type

Patterns are copied verbatim (libphonenumber's regex dialect); numrep-gen compiles them
into automata, so nothing parses a regex at run time.
"""

from __future__ import annotations

from pathlib import Path

from pinned_phonenumbers import PKG, REPO, write_csv

OUT = REPO / "data" / "world" / "libphonenumber"
NON_GEO = "001"
META_SRC = f"libphonenumber PhoneNumberMetadata.xml ({PKG})"
SHORT_SRC = f"libphonenumber ShortNumberMetadata.xml ({PKG})"

# PhoneMetadata attribute -> type name in the tables (metadata order).
NUMBER_TYPES = [
    ("general_desc", "general"),
    ("fixed_line", "fixed_line"),
    ("mobile", "mobile"),
    ("toll_free", "toll_free"),
    ("premium_rate", "premium_rate"),
    ("shared_cost", "shared_cost"),
    ("personal_number", "personal_number"),
    ("voip", "voip"),
    ("pager", "pager"),
    ("uan", "uan"),
    ("voicemail", "voicemail"),
    ("no_international_dialling", "no_international_dialling"),
]
SHORT_TYPES = [
    ("general_desc", "general"),
    ("toll_free", "toll_free"),
    ("standard_rate", "standard_rate"),
    ("premium_rate", "premium_rate"),
    ("emergency", "emergency"),
    ("short_code", "short_code"),
    ("carrier_specific", "carrier_specific"),
    ("sms_services", "sms_services"),
]


def text(value) -> str:
    return "" if value is None else str(value)


def flag(value) -> str:
    return "yes" if value else "no"


def lengths(values) -> str:
    """Space-separated lengths; libphonenumber's (-1,) ("no numbers of this type") is empty."""
    return " ".join(str(n) for n in (values or ()) if n >= 0)


def territories(pn) -> list[tuple[str, int, object]]:
    """(region, calling code, metadata) for every territory, sorted by region then code."""
    from phonenumbers.phonenumberutil import COUNTRY_CODES_FOR_NON_GEO_REGIONS, SUPPORTED_REGIONS

    out = [(r, pn.PhoneMetadata.metadata_for_region(r)) for r in sorted(SUPPORTED_REGIONS)]
    rows = [(r, md.country_code, md) for r, md in out]
    for code in sorted(COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        rows.append((NON_GEO, code, pn.PhoneMetadata.metadata_for_nongeo_region(code)))
    return sorted(rows, key=lambda t: (t[0], t[1]))


def territory_rows(items) -> list[list[str]]:
    rows = []
    for region, code, md in items:
        rows.append([
            region, str(code), flag(md.main_country_for_code), text(md.leading_digits),
            text(md.international_prefix), text(md.preferred_international_prefix),
            text(md.national_prefix), text(md.national_prefix_for_parsing),
            text(md.national_prefix_transform_rule), text(md.preferred_extn_prefix),
            flag(md.same_mobile_and_fixed_line_pattern), flag(md.mobile_number_portable_region),
            META_SRC,
        ])
    return rows


def desc_rows(region: str, code: str, md, types, source: str) -> list[list[str]]:
    rows = []
    for attr, name in types:
        desc = getattr(md, attr)
        if desc is None or not desc.national_number_pattern:
            continue
        rows.append([region, code, name, desc.national_number_pattern,
                     lengths(desc.possible_length), lengths(desc.possible_length_local_only),
                     text(desc.example_number), source])
    return rows


def format_rows(region: str, code: int, md) -> list[list[str]]:
    rows = []
    for list_name, formats in (("national", md.number_format), ("international", md.intl_number_format)):
        for index, f in enumerate(formats):
            optional = f.national_prefix_optional_when_formatting
            rows.append([
                region, str(code), list_name, str(index), f.pattern, f.format,
                " ".join(f.leading_digits_pattern), text(f.national_prefix_formatting_rule),
                "" if optional is None else flag(optional),
                text(f.domestic_carrier_code_formatting_rule), META_SRC,
            ])
    return rows


def import_world_metadata(pn) -> None:
    from phonenumbers.shortnumberinfo import SUPPORTED_SHORT_REGIONS

    items = territories(pn)
    write_csv(OUT / "version.csv", ["library", "version", "source"],
              [["libphonenumber", pn.__version__,
                f"{PKG} (its version is the libphonenumber release whose metadata it ships)"]])
    write_csv(OUT / "territories.csv",
              ["region", "code", "main_country_for_code", "leading_digits", "international_prefix",
               "preferred_international_prefix", "national_prefix", "national_prefix_for_parsing",
               "national_prefix_transform_rule", "preferred_extn_prefix",
               "same_mobile_and_fixed_line_pattern", "mobile_number_portable_region", "source"],
              territory_rows(items))
    desc_header = ["region", "code", "type", "pattern", "possible_lengths", "local_only_lengths",
                   "example", "source"]
    write_csv(OUT / "number_types.csv", desc_header,
              [row for region, code, md in items
               for row in desc_rows(region, str(code), md, NUMBER_TYPES, META_SRC)])
    write_csv(OUT / "formats.csv",
              ["region", "code", "list", "index", "pattern", "format", "leading_digits",
               "national_prefix_formatting_rule", "national_prefix_optional_when_formatting",
               "domestic_carrier_code_formatting_rule", "source"],
              [row for region, code, md in items for row in format_rows(region, code, md)])
    short_rows = []
    for region in sorted(SUPPORTED_SHORT_REGIONS):
        md = pn.PhoneMetadata.short_metadata_for_region(region)
        short_rows.extend(desc_rows(region, "", md, SHORT_TYPES, SHORT_SRC))
    # Short numbers are regional only: no calling-code column, no local-only lengths.
    write_csv(OUT / "short_numbers.csv",
              ["region", "type", "pattern", "possible_lengths", "example", "source"],
              [r[:1] + r[2:5] + r[6:] for r in short_rows])
