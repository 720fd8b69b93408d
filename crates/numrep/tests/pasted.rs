//! Text pasted from e-mails and tickets (issue 7 §3): labels, notes, German extension
//! words, invisible marks, the vanity rule and the errors for ambiguous text.
//!
//! Single inputs with German answers are golden rows (`tests/golden/de.csv`,
//! `errors.csv`); this file holds what the golden files cannot say: other regions, the
//! German messages, error positions through invisible marks. The properties (any number
//! wrapped in a label, a note and marks reads as the bare number) are in `properties.rs`.

use numrep::{parse, Lang, ParseError, PhoneNumber, Region};

fn de(text: &str) -> Result<PhoneNumber, ParseError> {
    parse(text, Region::DE)
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
        let (en, de_text) = (
            error.message(Lang::En).to_string(),
            error.message(Lang::De).to_string(),
        );
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

#[test]
fn quotes_copied_with_a_number_are_dropped() {
    for text in [
        "„030 1234567“",
        "\"030 1234567\"",
        "'030 1234567'",
        "«030 1234567»",
        "“030 1234567”.",
        "'+49 30 1234567",
        "<+49 30 1234567>",
        "Tel.: „030 1234567“",
        "＂030 1234567＂",
    ] {
        assert_eq!(
            de(text).map(|n| n.to_string()),
            Ok("+49301234567".to_owned()),
            "{text:?}"
        );
    }
    // Inside the number a quotation mark is still a character out of place, named at
    // its position in what was pasted.
    assert_eq!(
        de("„030 12\"34567“"),
        Err(ParseError::InvalidCharacter {
            ch: '"',
            position: 7
        })
    );
}
