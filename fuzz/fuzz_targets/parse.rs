//! Fuzzes the phone-number parser and the classifier: any UTF-8 text, read with several
//! default regions, must parse or fail with an error (never panic), and every parsed full
//! number must survive the E.164 round trip (`parse(e164)` gives the same number, and
//! formatting is stable) and serde (short codes with their region). German numbers must
//! also survive the national round trip (`0` + national number).
//!
//! Pasted text (issue 7 §3): the first three bytes pick a label, a note and an invisible
//! mark; when the rest is a plain written number (digits, blanks, `+ - / ( ) .`) that
//! parses, the same number wrapped in that label and note, with the mark put in at every
//! character boundary of one choice, must parse to the same number and extension.

#![no_main]

use libfuzzer_sys::fuzz_target;
use numrep::{classify, parse, Mode, PhoneNumber, Region};

const REGIONS: [&str; 10] = ["DE", "AT", "US", "GB", "IT", "TN", "AU", "AR", "BR", "JP"];

const LABELS: [&str; 16] = [
    "", "Tel.: ", "Tel. ", "Tel: ", "TEL ", "Telefon: ", "Tel.-Nr. ", "Mobil: ", "Handy: ",
    "Fax: ", "T: ", "M ", "Phone: ", "Mob.: ", "Tel./Fax: ", "Kontakt: Tel. ",
];
const NOTES: [&str; 12] = [
    "", " (Mo-Fr)", " (Büro)", " Zentrale", " - Zentrale", " Fax", ", privat", " [privat]",
    " (Mo–Fr 9–17 Uhr)", " (Büro) Zentrale", ".", " Durchwahl 89",
];
const MARKS: [char; 13] = [
    '\u{200B}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}',
    '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{FEFF}',
];

/// Checks that a plain number wrapped in a label, a note and marks reads as itself.
fn check_wrapped(choice: &[u8], text: &str) {
    let plain = text
        .chars()
        .all(|c| c.is_ascii_digit() || " +-/().".contains(c));
    if !plain || !text.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    let shown = |n: numrep::PhoneNumber| format!("{n};ext={:?}", n.extension());
    let Ok(bare) = parse(text, Region::DE).map(shown) else {
        return;
    };
    let label = LABELS[usize::from(choice[0]) % LABELS.len()];
    let note = NOTES[usize::from(choice[1]) % NOTES.len()];
    // Plain text has no extension; the note `Durchwahl 89` adds one.
    let expected = if note.contains("Durchwahl") {
        bare.replace(";ext=None", ";ext=Some(\"89\")")
    } else {
        bare
    };
    let mark = MARKS[usize::from(choice[2]) % MARKS.len()];
    let wrapped = format!("{label}{text}{note}");
    let every_second = usize::from(choice[2]) % 2 == 0;
    let marked: String = wrapped
        .chars()
        .enumerate()
        .flat_map(|(i, c)| {
            let put = every_second == (i % 2 == 0);
            [put.then_some(mark), Some(c)].into_iter().flatten()
        })
        .collect();
    // The length cap counts every character the user pasted, marks included.
    let short_enough = |s: &String| s.chars().count() <= numrep::MAX_INPUT_CHARS;
    for input in [&wrapped, &marked].into_iter().filter(|s| short_enough(s)) {
        let got = parse(input, Region::DE).map(shown);
        assert_eq!(got.as_ref(), Ok(&expected), "{text:?} wrapped as {input:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let (Some(choice), Some(rest)) = (data.get(..3), text.get(3..)) {
        check_wrapped(choice, rest);
    }
    for code in REGIONS {
        let region = Region::from_code(code).expect("known region");
        let number = match parse(text, region) {
            Ok(number) => number,
            Err(e) => {
                assert!(!e.code().is_empty() && !e.to_string().is_empty());
                continue;
            }
        };
        let c = classify(&number);
        let _ = (
            c.category().as_str(),
            c.validity().as_str(),
            c.caller_id(),
            c.cost(),
        );
        let _ = (
            c.place(),
            c.operator(),
            c.tariff(),
            c.range(),
            c.region(),
        );
        for mode in [Mode::International, Mode::National, Mode::Rfc3966] {
            let _ = number.format(mode).to_string();
        }
        // serde keeps the number (short codes with their region).
        let stored = serde_json::to_string(&number).expect("serializes");
        let back: PhoneNumber = serde_json::from_str(&stored)
            .unwrap_or_else(|e| panic!("{text:?} → {stored} does not read back: {e}"));
        assert_eq!(back, number, "{text:?} → {stored}");
        let Some(e164) = number.e164() else {
            assert!(number.is_short_code());
            continue;
        };
        assert!(
            e164.len() <= 21 && e164[1..].bytes().all(|b| b.is_ascii_digit()),
            "{e164}"
        );
        for again_region in [region, Region::DE] {
            let again = parse(&e164, again_region)
                .unwrap_or_else(|e| panic!("{text:?} → {e164} does not parse: {e}"));
            assert_eq!(
                again.country_code(),
                number.country_code(),
                "{text:?} → {e164}"
            );
            assert_eq!(
                again.national_number(),
                number.national_number(),
                "{text:?} → {e164}"
            );
            assert_eq!(again.to_string(), e164, "{text:?}: formatting not stable");
            let _ = classify(&again);
        }
        if number.country_code() == 49 {
            let national = format!("0{}", number.national_number());
            let again = parse(&national, Region::DE)
                .unwrap_or_else(|e| panic!("{text:?} → {national} does not parse: {e}"));
            assert_eq!(
                again.national_number(),
                number.national_number(),
                "{text:?} → {national}"
            );
        }
    }
});
