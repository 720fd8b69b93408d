//! numrep vs Google libphonenumber on a deterministic sample of German numbers.
//!
//! `tests/golden/libphonenumber_de.csv` is written by
//! `scripts/golden_from_libphonenumber.py` (PyPI `phonenumbers` 9.0.43): every 25th area
//! code, one number per mobile block, one per service/reserve range of `data/de/ranges.csv`
//! and libphonenumber's example number of every DE number type, each with libphonenumber's
//! `number_type` and `is_valid`.
//!
//! A row agrees when numrep's validity (`valid` or not) equals `is_valid` and, for valid
//! numbers, numrep's category maps to libphonenumber's number type. Rows that disagree must
//! be covered by [`KNOWN_DIFFERENCES`], an explicit list of justified differences (numrep
//! follows the German fact sheet where libphonenumber is older or coarser); any other
//! disagreement fails the test. An allow-list entry that matches no disagreement fails
//! the test too, so the list cannot rot. The agreement rate is printed.

use std::path::PathBuf;

use numrep::{classify, parse, Region};

/// A justified difference: numbers starting with `prefix` (E.164 digits without `+`)
/// may disagree with libphonenumber for `reason`.
struct Difference {
    prefix: &'static str,
    reason: &'static str,
}

/// Known, justified differences, most specific prefix first.
const KNOWN_DIFFERENCES: &[Difference] = &[
    // Fact sheet §1 (032): libphonenumber files 032 as FIXED_LINE; numrep calls it `voip`
    // (national subscriber numbers, not tied to a place).
    Difference {
        prefix: "4932",
        reason: "032 is voip in numrep, FIXED_LINE in libphonenumber",
    },
    // Fact sheet §1 (0137): mass traffic / televoting is its own category in numrep;
    // libphonenumber calls 01371–01376 SHARED_COST and 01377–01379 PREMIUM_RATE.
    Difference {
        prefix: "49137",
        reason: "0137 is mass_traffic in numrep",
    },
    // Fact sheet §1 (0181): international VPNs, up to 14 digits; libphonenumber has none.
    Difference {
        prefix: "49181",
        reason: "0181 international VPN is closed_user_group in numrep",
    },
    // Fact sheet §1 (0182–0189): closed user groups of 11 digits (not reachable by third
    // parties since 2014); libphonenumber calls them UAN and accepts 13 digits
    // (its example 0185 00123456 is too long for numrep).
    Difference {
        prefix: "4918",
        reason: "0182–0189 are closed_user_group (11 digits) in numrep, UAN in libphonenumber",
    },
    // Fact sheet §2: since 01.12.2024 the digit after 0900 is a tariff code 0–9;
    // libphonenumber still accepts only the old content codes 1, 3 and 5.
    Difference {
        prefix: "49900",
        reason: "0900-0…9 tariff digits since 01.12.2024; libphonenumber knows only 1/3/5",
    },
    // Fact sheet §1 (0310, 0311): carrier test numbers of 3 digits; libphonenumber has none.
    Difference {
        prefix: "4931",
        reason: "0310/0311 test numbers are valid in numrep",
    },
    // Fact sheet §1 (0191–0194): online dial-in numbers (019xyz); libphonenumber has none.
    Difference {
        prefix: "4919",
        reason: "0191–0194 online services are valid in numrep",
    },
    // Fact sheet §1 short codes: 115 is reachable as (0)115 from abroad.
    Difference {
        prefix: "49115",
        reason: "+49 115 is the public authority line",
    },
    // Fact sheet §4: numrep knows the assigned 015 blocks; libphonenumber accepts whole
    // 0150x/0155x/0156x/0158x decades, including blocks nobody was assigned.
    Difference {
        prefix: "49150",
        reason: "unassigned 0150x block (fact sheet §4)",
    },
    Difference {
        prefix: "49155",
        reason: "unassigned 0155x block (fact sheet §4)",
    },
    Difference {
        prefix: "49156",
        reason: "unassigned 0156x block (fact sheet §4)",
    },
    Difference {
        prefix: "49158",
        reason: "unassigned 0158x block (fact sheet §4)",
    },
    // Fact sheet §1 (015: voicemail infixes make 12–13) names voicemail only for 015;
    // numrep has no voicemail ranges yet, so libphonenumber's 017x voicemail example is
    // too long for numrep (known gap, reported to the core).
    Difference {
        prefix: "4917799",
        reason: "017x voicemail (12–13 digits) not modelled by numrep",
    },
];

/// numrep category name → libphonenumber `PhoneNumberType` names it corresponds to.
fn lpn_types(category: &str) -> &'static [&'static str] {
    match category {
        "fixed_line" => &["FIXED_LINE", "FIXED_LINE_OR_MOBILE"],
        "mobile" => &["MOBILE", "FIXED_LINE_OR_MOBILE"],
        "fixed_line_or_mobile" => &["FIXED_LINE_OR_MOBILE"],
        "toll_free" => &["TOLL_FREE"],
        "premium_rate" => &["PREMIUM_RATE"],
        "shared_cost" => &["SHARED_COST"],
        "personal_number" => &["PERSONAL_NUMBER"],
        "voip" => &["VOIP"],
        "pager" => &["PAGER"],
        "uan" => &["UAN"],
        "voicemail" => &["VOICEMAIL"],
        _ => &[],
    }
}

#[test]
fn agrees_with_libphonenumber_except_known_differences() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/libphonenumber_de.csv");
    let mut reader = csv::Reader::from_path(&path)
        .expect("libphonenumber_de.csv (run scripts/golden_from_libphonenumber.py)");
    assert_eq!(
        reader.headers().expect("header").iter().collect::<Vec<_>>(),
        ["e164", "sample", "number_type", "is_valid", "is_possible"]
    );
    let mut total = 0usize;
    let mut agree = 0usize;
    let mut allowed = vec![0usize; KNOWN_DIFFERENCES.len()];
    let mut failures = Vec::new();
    for record in reader.records() {
        let record = record.expect("row");
        let line = record.position().map_or(0, |p| p.line());
        let (e164, sample, lpn_type, lpn_valid) =
            (&record[0], &record[1], &record[2], &record[3] == "true");
        total += 1;
        let number = match parse(e164, Region::DE) {
            Ok(n) => n,
            Err(e) => {
                failures.push(format!(
                    "line {line}: {e164} ({sample}): numrep cannot parse it: {e}"
                ));
                continue;
            }
        };
        assert_eq!(
            number.e164().as_deref(),
            Some(e164),
            "line {line}: E.164 round trip"
        );
        let c = classify(&number);
        let ours_valid = c.is_valid();
        let category = c.category().as_str();
        let same =
            ours_valid == lpn_valid && (!ours_valid || lpn_types(category).contains(&lpn_type));
        if same {
            agree += 1;
            continue;
        }
        let digits = &e164[1..];
        match KNOWN_DIFFERENCES.iter().position(|d| digits.starts_with(d.prefix)) {
            Some(i) => allowed[i] += 1,
            None => failures.push(format!(
                "line {line}: {e164} ({sample}): libphonenumber {lpn_type} valid={lpn_valid}, numrep {category} {}",
                c.validity().as_str()
            )),
        }
    }
    assert!(total >= 300, "only {total} rows in {}", path.display());
    let rate = 100.0 * agree as f64 / total as f64;
    println!("agreement with libphonenumber: {agree}/{total} = {rate:.1}%");
    for (d, n) in KNOWN_DIFFERENCES.iter().zip(&allowed) {
        println!(
            "  allowed difference +{} ({}): {n} row(s)",
            d.prefix, d.reason
        );
    }
    let unused: Vec<_> = KNOWN_DIFFERENCES
        .iter()
        .zip(&allowed)
        .filter(|(_, &n)| n == 0)
        .map(|(d, _)| d.prefix)
        .collect();
    for f in &failures {
        eprintln!("  FAIL {f}");
    }
    assert!(
        failures.is_empty(),
        "{} unexplained disagreements with libphonenumber",
        failures.len()
    );
    assert!(
        unused.is_empty(),
        "allow-list entries that match no disagreement: {unused:?}"
    );
}
