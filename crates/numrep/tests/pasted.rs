//! Text pasted from e-mails and tickets (issue 7 §3): labels, notes, German extension
//! words, invisible marks, the vanity rule and the errors for ambiguous text.
//!
//! Single inputs with German answers are golden rows (`tests/golden/de.csv`,
//! `errors.csv`); this file holds what the golden files cannot say: other regions, the
//! German messages, error positions through invisible marks, and the property that any
//! number wrapped in a label, a note and marks reads as the bare number.

use numrep::{parse, Lang, ParseError, PhoneNumber, Region};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn de(text: &str) -> Result<PhoneNumber, ParseError> {
    parse(text, Region::germany())
}

/// E.164 plus `;ext=` of a parsed number.
fn written(number: &PhoneNumber) -> String {
    match number.extension() {
        Some(ext) => format!("{number};ext={ext}"),
        None => number.to_string(),
    }
}

#[test]
fn vanity_numbers_in_other_regions() {
    let us = Region::from_code("US").expect("US");
    for text in ["1-800-FLOWERS", "+1 800 FLOWERS", "Phone: 1-800-FLOWERS"] {
        let number = parse(text, us).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(number.to_string(), "+18003569377", "{text:?}");
    }
    let at = Region::from_code("AT").expect("AT");
    assert_eq!(
        parse("Tel.: 0800 FLOWERS", at).map(|n| n.to_string()),
        Ok("+438003569377".to_owned())
    );
}

#[test]
fn words_after_a_complete_number_are_never_digits() {
    // Before issue 7 these became +49301234567329 and +4930123456786.
    assert_eq!(
        de("030 1234567 Fax").map(|n| n.to_string()),
        de("030 1234567").map(|n| n.to_string())
    );
    assert_eq!(
        de("030 1234567 FAXE").map_err(|e| e.code()),
        Err("unknown_word")
    );
    assert_eq!(
        de("030 1234567 TUN").map_err(|e| e.code()),
        Err("unknown_word")
    );
}

#[test]
fn positions_count_the_invisible_marks_the_user_pasted() {
    let error = de("\u{202A}Tel.: \u{200E}030 123ABC45\u{202C}").expect_err("letters");
    assert_eq!(
        error,
        ParseError::LettersInNumber {
            letters: "ABC".into(),
            position: 15
        }
    );
    let error = de("\u{200E}\u{200E}030 12a").expect_err("stray letter");
    assert_eq!(
        error,
        ParseError::InvalidCharacter {
            ch: 'a',
            position: 8
        }
    );
}

#[test]
fn errors_name_what_was_found_in_both_languages() {
    let cases = [
        (
            "Tel. 030 1234567, Fax 030 1234568",
            "several_numbers",
            "after \", Fax\" at position 23",
            "nach „, Fax“ beginnt an Stelle 23 eine zweite",
        ),
        (
            "030 1234567 Kundendienst",
            "unknown_word",
            "the word \"Kundendienst\" at position 13",
            "das Wort „Kundendienst“ an Stelle 13",
        ),
        (
            "030 123ABC45",
            "letters_in_number",
            "the letters \"ABC\" at position 8",
            "die Buchstaben „ABC“ an Stelle 8",
        ),
    ];
    for (text, code, english, german) in cases {
        let error = de(text).expect_err(text);
        assert_eq!(error.code(), code, "{text:?}");
        let (en, de_text) = (error.message(Lang::En), error.message(Lang::De));
        assert!(en.contains(english), "{text:?}: {en}");
        assert!(de_text.contains(german), "{text:?}: {de_text}");
        // No part of a number is repeated (privacy): no run of 3 digits.
        for message in [&en, &de_text] {
            let longest = message
                .split(|c: char| !c.is_ascii_digit())
                .map(str::len)
                .max()
                .unwrap_or(0);
            assert!(longest < 3 || message.contains("0800"), "{message}");
        }
    }
}

#[test]
fn long_words_are_cut_in_messages() {
    let text = format!("030 1234567 {}", "Wort".repeat(20));
    match de(&text) {
        Err(ParseError::UnknownWord { word, .. }) => {
            assert_eq!(word.chars().count(), 33);
            assert!(word.ends_with('…'));
        }
        other => panic!("{other:?}"),
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
            "/proptest-regressions/pasted.txt"
        )))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn wrapped_numbers_read_as_the_bare_number(
        bare in bare_number(),
        label in label(),
        note in note(),
        marks in prop::collection::vec(any::<(prop::sample::Index, prop::sample::Index)>(), 0..6),
    ) {
        let expected = de(&bare);
        prop_assert!(expected.is_ok(), "{bare:?}: {expected:?}");
        let expected = written(&expected.expect("checked"));
        let text = with_marks(&format!("{label}{bare}{note}"), &marks);
        let got = de(&text).map(|n| written(&n));
        prop_assert_eq!(got, Ok(expected), "{:?}", text);
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
