//! Fuzzes the phone-number parser and the classifier: any UTF-8 text, read with several
//! default regions, must parse or fail with an error (never panic), and every parsed full
//! number must survive the E.164 round trip (`parse(e164)` gives the same number, and
//! formatting is stable). German numbers must also survive the national round trip
//! (`0` + national number).

#![no_main]

use libfuzzer_sys::fuzz_target;
use numrep::{classify, parse, Region};

const REGIONS: [&str; 6] = ["DE", "AT", "US", "GB", "IT", "TN"];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
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
            c.category.as_str(),
            c.validity.as_str(),
            c.caller_id_allowed(),
        );
        let _ = (
            c.place(),
            c.operator(),
            c.tariff(),
            c.range(),
            c.group_len(),
        );
        let Some(e164) = number.e164() else {
            assert!(number.is_short_code());
            continue;
        };
        assert!(
            e164.len() <= 21 && e164[1..].bytes().all(|b| b.is_ascii_digit()),
            "{e164}"
        );
        for again_region in [region, Region::germany()] {
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
            let again = parse(&national, Region::germany())
                .unwrap_or_else(|e| panic!("{text:?} → {national} does not parse: {e}"));
            assert_eq!(
                again.national_number(),
                number.national_number(),
                "{text:?} → {national}"
            );
        }
    }
});
