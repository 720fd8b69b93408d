//! Property tests for the parser and the classifier.
//!
//! - `parse` never panics, on any string: arbitrary Unicode, long strings (past the
//!   256-character cap), and phone-like text built from the characters and words the
//!   parser knows (labels, notes, extension words, invisible marks);
//!   errors always carry a stable code and a message.
//! - `classify` never panics on any parsed number, and every accessor works.
//! - For every successful parse of a full number, `parse(e164)` gives the same number
//!   (E.164 round trip) and formatting is stable (`Display` of the re-parsed number is the
//!   same text); the E.164 text is `+` and at most 15 + 2 digits.
//! - For German numbers, the national form `0` + national number parses to the same number.
//! - Numbers of every region (national forms, international prefixes, short numbers)
//!   round-trip the same way, and serde writes and reads back the same `PhoneNumber`;
//!   `FromStr` is `parse` with Germany as the default region.
//! - Pasted text (issue 7 §3): any bare number wrapped in quotes, a label, a note and
//!   invisible marks at random places reads as the bare number; two labelled numbers are
//!   an error.
//!
//! Failing cases are kept in `proptest-regressions/` (committed).

use numrep::{classify, parse, Mode, ParseError, PhoneNumber, Region};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn regions() -> impl Strategy<Value = Region> {
    prop::sample::select(vec![
        "DE", "AT", "CH", "US", "GB", "FR", "IT", "TN", "RU", "BR",
    ])
    .prop_map(|r| Region::from_code(r).expect("known region"))
}

/// Text built from the characters that mean something to the parser.
fn phone_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "0",
        "1",
        "2",
        "3",
        "4",
        "5",
        "9",
        "00",
        "0049",
        "+",
        "+49",
        "+1",
        "(0)",
        "(",
        ")",
        " ",
        "-",
        "/",
        ".",
        "\u{a0}",
        "\t",
        "x",
        "ext.",
        ";ext=",
        "tel:",
        ";phone-context=+49",
        "FLOWERS",
        "\u{ff10}",
        "\u{ff15}",
        "\u{0663}",
        "\u{ff0b}",
        "a",
        "#",
        "*",
        "\u{200b}",
        "ext",
        "=",
        ";",
        // Pasted text (issue 7 §3): labels, notes, German extension words, marks.
        "Tel.: ",
        "Tel. ",
        "T: ",
        "Mobil ",
        "Fax",
        " (Büro)",
        " (Mo-Fr)",
        "Zentrale",
        " Durchwahl ",
        "Dw. ",
        "App.",
        " oder ",
        ", ",
        ":",
        "|",
        "[",
        "]",
        "Kundendienst",
        "\u{200e}",
        "\u{200f}",
        "\u{202a}",
        "\u{202e}",
        "\u{2066}",
        "\u{2069}",
        "\u{feff}",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

/// Written forms of (mostly) German numbers.
fn german_like() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["+49", "0049", "0", "+49 (0)", "+49 0", "tel:+49"]),
        "[1-9][0-9]{1,15}",
    )
        .prop_map(|(p, d)| format!("{p}{d}"))
}

fn exercise(number: &PhoneNumber) {
    let c = classify(number);
    let _ = (
        c.category().as_str(),
        c.validity().as_str(),
        c.caller_id(),
        c.is_valid(),
        c.cost(),
    );
    let _ = (
        c.place(),
        c.operator(),
        c.tariff(),
        c.range(),
        c.region(),
        c.country_name(numrep::Lang::De),
    );
    let _ = (
        number.to_string(),
        number.e164(),
        number.extension(),
        number.e164_digits(),
    );
    // The international forms keep every digit, in order (the national form may not:
    // Argentina writes mobile numbers with 15 instead of 9).
    let e164: String = number.e164_digits().as_str().into();
    let whole = if number.is_short_code() {
        number.national_number()
    } else {
        &e164
    };
    let extension = number.extension().unwrap_or_default();
    for mode in [Mode::E164, Mode::International, Mode::Rfc3966] {
        let text = number.format(mode).to_string();
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        // Short codes are written as the bare code in every mode.
        let ext = if mode == Mode::Rfc3966 && !number.is_short_code() {
            extension
        } else {
            ""
        };
        assert_eq!(
            digits,
            format!("{whole}{ext}"),
            "{mode:?} {text:?} of {number}"
        );
    }
}

/// Round-trip checks for one parsed number.
fn check_round_trips(input: &str, number: &PhoneNumber) -> Result<(), TestCaseError> {
    if number.is_short_code() {
        prop_assert!(number.e164().is_none());
        return Ok(());
    }
    let e164 = number.e164().expect("full numbers have an E.164 form");
    prop_assert!(e164.starts_with('+') && e164[1..].bytes().all(|b| b.is_ascii_digit()));
    prop_assert!(e164.len() <= 1 + 3 + 17, "{e164} is too long");
    // E.164 is independent of the default region.
    for region in ["DE", "US", "GB"] {
        let again = parse(&e164, Region::from_code(region).expect("region"));
        prop_assert!(
            again.is_ok(),
            "{input:?} → {e164} does not parse: {again:?}"
        );
        let again = again.expect("checked");
        prop_assert_eq!(
            again.country_code(),
            number.country_code(),
            "{:?} → {}",
            input,
            e164
        );
        prop_assert_eq!(
            again.national_number(),
            number.national_number(),
            "{:?} → {}",
            input,
            e164
        );
        prop_assert!(!again.is_short_code());
        prop_assert_eq!(
            again.to_string(),
            e164.clone(),
            "formatting is not stable for {:?}",
            input
        );
    }
    if number.country_code() == 49 {
        let national = format!("0{}", number.national_number());
        let again = parse(&national, Region::DE);
        prop_assert!(
            again.is_ok(),
            "{input:?} → {national} does not parse: {again:?}"
        );
        let again = again.expect("checked");
        prop_assert_eq!(again.country_code(), 49, "{:?} → {}", input, national);
        prop_assert_eq!(
            again.national_number(),
            number.national_number(),
            "{:?} → {}",
            input,
            national
        );
    }
    Ok(())
}

fn check_any(input: &str, region: Region) -> Result<(), TestCaseError> {
    match parse(input, region) {
        Ok(number) => {
            exercise(&number);
            check_round_trips(input, &number)?;
        }
        Err(e) => {
            prop_assert!(!e.code().is_empty());
            prop_assert!(!e.to_string().is_empty());
        }
    }
    Ok(())
}

fn de(text: &str) -> Result<PhoneNumber, ParseError> {
    parse(text, Region::DE)
}

/// E.164 plus `;ext=` of a parsed number.
fn written(number: &PhoneNumber) -> String {
    match number.extension() {
        Some(ext) => format!("{number};ext={ext}"),
        None => number.to_string(),
    }
}

/// Bare numbers in the written forms an agent meets (no letters but vanity words).
fn bare_number() -> impl Strategy<Value = String> {
    let forms = prop::sample::select(vec![
        "0{a} {s}",
        "+49 {a} {s}",
        "0049 {a}-{s}",
        "(0{a}) {s}",
        "+49 (0){a} / {s}",
        "0{a}/{s}",
        "0{a} {s} x12",
        "0{a} {s} Durchwahl 89",
        "0{a} {s} Dw. 7",
        "+49 {a} {s} ext. 3",
        "0800 FLOWERS",
        "+1 800 FLOWERS",
        "0800 TAXI123",
        "110",
        "116 116",
        "+44 20 {s}",
        "+216 71 {s}",
        "０３０ １２３４５６７",
    ]);
    let area = prop::sample::select(vec!["30", "89", "171", "1511", "33056", "800", "9005"]);
    (forms, area, "[1-9][0-9]{4,7}")
        .prop_map(|(form, a, s)| form.replace("{a}", a).replace("{s}", &s))
}

/// Digits written as people of any region write them: national forms, the region's
/// short numbers, `+` and international prefixes, an extension.
fn any_region_input() -> impl Strategy<Value = (String, Region)> {
    let regions: Vec<Region> = Region::all().collect();
    let start = prop::sample::select(vec![
        "", "", "0", "+", "00", "011", "0011", "1", "+1 ", "8", "(0", "tel:+",
    ]);
    let end = prop::sample::select(vec!["", "", " x12", ";ext=7"]);
    let short = prop::sample::select(vec!["112", "911", "999", "000", "110", "116000"]);
    (
        prop::sample::select(regions),
        start,
        "[0-9]{1,14}",
        end,
        short,
        any::<bool>(),
    )
        .prop_map(|(region, start, digits, end, short, is_short)| {
            let input = if is_short {
                short.to_string()
            } else {
                format!("{start}{digits}{end}")
            };
            (input, region)
        })
}

fn label() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "",
        "Tel.: ",
        "Tel. ",
        "Tel: ",
        "TEL ",
        "tel.:",
        "Telefon: ",
        "Telefonnummer: ",
        "Rufnummer: ",
        "Tel.-Nr. ",
        "Tel.-Nr.: ",
        "Mobil: ",
        "Mobile: ",
        "Mob.: ",
        "Handy: ",
        "Fax: ",
        "Fon: ",
        "T: ",
        "M: ",
        "F: ",
        "T ",
        "Phone: ",
        "Phone no. ",
        "Tel./Fax: ",
        "Telefon (mobil): ",
        "Kundenservice Mo-Fr: ",
        "Kontakt: Tel. ",
    ])
}

/// Quotation marks (or brackets) around everything copied.
fn quotes() -> impl Strategy<Value = (&'static str, &'static str)> {
    prop::sample::select(vec![
        ("", ""),
        ("„", "“"),
        ("\"", "\""),
        ("'", "'"),
        ("«", "»"),
        ("‚", "‘"),
        ("<", ">"),
        (" „", "“. "),
    ])
}

fn note() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "",
        " (Mo-Fr)",
        " (Büro)",
        " (Mo–Fr 9–17 Uhr)",
        " [privat]",
        " Zentrale",
        " - Zentrale",
        ", Büro",
        " Fax",
        " privat",
        " (Büro) Zentrale",
        ".",
    ])
}

const MARKS: [char; 15] = [
    '\u{200B}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{FEFF}', '\u{200E}', '\u{202C}',
];

/// `text` with `marks` put in at the given places (any character boundary).
fn with_marks(text: &str, marks: &[(prop::sample::Index, prop::sample::Index)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (place, mark) in marks {
        chars.insert(place.index(chars.len() + 1), MARKS[mark.index(MARKS.len())]);
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/proptest-regressions/properties.txt"
        )))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn never_panics_on_arbitrary_unicode(input in any::<String>(), region in regions()) {
        check_any(&input, region)?;
    }

    #[test]
    fn never_panics_on_long_strings(input in prop::collection::vec(any::<char>(), 200..600)
        .prop_map(|v| v.into_iter().collect::<String>()), region in regions()) {
        check_any(&input, region)?;
    }

    #[test]
    fn phone_like_text_round_trips(input in phone_like(), region in regions()) {
        check_any(&input, region)?;
    }

    /// Full numbers of one calling code sort as their national digits sort as text.
    #[test]
    fn numbers_sort_as_their_digits(a in "[1-9][0-9]{1,13}", b in "[1-9][0-9]{1,13}") {
        let number = |digits: &str| -> PhoneNumber { format!("+49{digits}").parse().expect("parses") };
        prop_assert_eq!(number(&a).cmp(&number(&b)), a.cmp(&b));
    }

    #[test]
    fn german_numbers_round_trip(input in german_like()) {
        let number = parse(&input, Region::DE);
        prop_assert!(number.is_ok(), "{input:?}: {number:?}");
        let number = number.expect("checked");
        exercise(&number);
        check_round_trips(&input, &number)?;
    }

    #[test]
    fn wrapped_numbers_read_as_the_bare_number(
        bare in bare_number(),
        label in label(),
        note in note(),
        (open, close) in quotes(),
        marks in prop::collection::vec(any::<(prop::sample::Index, prop::sample::Index)>(), 0..6),
    ) {
        let expected = de(&bare);
        prop_assert!(expected.is_ok(), "{bare:?}: {expected:?}");
        let expected = written(&expected.expect("checked"));
        let text = with_marks(&format!("{open}{label}{bare}{note}{close}"), &marks);
        let got = de(&text).map(|n| written(&n));
        prop_assert_eq!(got, Ok(expected), "{:?}", text);
    }

    #[test]
    fn every_region_round_trips_and_serde_keeps_the_number(
        (input, region) in any_region_input(),
    ) {
        let Ok(number) = parse(&input, region) else {
            return Ok(());
        };
        exercise(&number);
        check_round_trips(&input, &number)?;
        let json = serde_json::to_string(&number).expect("serializes");
        let back: Result<PhoneNumber, _> = serde_json::from_str(&json);
        prop_assert_eq!(back.ok(), Some(number), "{:?} [{}] as {}", input, region, json);
        // `FromStr` reads with Germany as the default region.
        prop_assert_eq!(input.parse::<PhoneNumber>().ok(), parse(&input, Region::DE).ok());
    }

    #[test]
    fn two_labelled_numbers_are_an_error(
        first in bare_number(),
        second in bare_number(),
        join in prop::sample::select(
            vec![", Fax ", " Fax: ", " oder ", " | M: ", "; ", " / Mobil "],
        ),
    ) {
        let text = format!("Tel.: {first}{join}{second}");
        let got = de(&text);
        let code = got.as_ref().map_err(|e| e.code());
        prop_assert_eq!(code, Err("several_numbers"), "{:?}: {:?}", text, got);
    }
}

/// Inputs that once broke a property (kept as plain tests, independent of proptest's seed).
#[test]
fn known_tricky_inputs() {
    for input in [
        "+49 0 30 123456",
        "tel:+49;ext=1",
        "0049(0)30 123",
        "+49 (0)(0)30 1",
        "0 0 4 9 3 0 1 2",
    ] {
        if let Ok(n) = parse(input, Region::DE) {
            exercise(&n);
        }
    }
}

/// Regression: `00490049` used to parse to `+49049` (national `049`), whose E.164 form
/// re-parsed to `+4949`. No German national number starts with 0, so a second zero
/// after +49 is an `invalid_national_number` error; Austria and Switzerland follow
/// libphonenumber (the written zero goes only when what is left is long enough), which
/// round-trips as well.
#[test]
fn second_written_trunk_zero_round_trips() {
    for input in ["00490049", "+49 0030 123456", "+49 00 1511 1234567", "000"] {
        let error = parse(input, Region::DE).expect_err(input);
        assert_eq!(error.code(), "invalid_national_number", "{input:?}");
    }
    // Found by the cargo-fuzz target `parse` (fuzz/fuzz_targets/parse.rs).
    for input in ["+4] (.3003)( 0 ", "+41 0044 123456", "+43 0 1 234567"] {
        let number = parse(input, Region::DE).expect(input);
        let again = parse(&number.to_string(), Region::DE).expect(input);
        assert_eq!(again, number, "{input:?}");
    }
}
