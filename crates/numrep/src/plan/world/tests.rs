//! The world tables against known answers of libphonenumber (phonenumbers 9.0.43), and
//! every compiled automaton against the `regex` crate on samples of every pattern.

use std::collections::HashMap;

use regex::Regex;
use regex_syntax::hir::{Class, Hir, HirKind};

use super::short::ShortNumber;
use super::tables::{FORMAT_PATTERNS, FORMAT_RULES, TERRITORIES};
use super::test_data::read_csv;
use super::*;

fn nsn(s: &str) -> &[u8] {
    s.as_bytes()
}

#[test]
fn metadata_version_is_the_pinned_release() {
    assert_eq!(METADATA_VERSION, "9.0.43");
}

#[test]
fn number_types_as_libphonenumber_gives_them() {
    use Category::*;
    for (region, number, want) in [
        ("DE", "30123456", Some(FixedLine)),
        ("DE", "3012345", Some(FixedLine)),
        ("DE", "15123456789", Some(Mobile)),
        ("DE", "9001234567", Some(PremiumRate)),
        ("US", "2015550123", Some(FixedLineOrMobile)),
        ("GB", "7400123456", Some(Mobile)),
        ("GB", "7012345678", Some(PersonalNumber)),
        ("CH", "900123456", Some(PremiumRate)),
        ("AT", "9001234567", Some(PremiumRate)),
        ("GB", "740012345", None),
        ("US", "1015550123", None),
    ] {
        let t = territory(region).unwrap();
        assert_eq!(t.number_type(nsn(number)), want, "{region} {number}");
    }
}

#[test]
fn lengths_as_libphonenumber_checks_them() {
    let de = territory("DE").unwrap();
    assert_eq!(de.length_check(b"30123456"), LengthCheck::Possible);
    assert_eq!(de.length_check(b"123"), LengthCheck::PossibleLocalOnly);
    assert_eq!(de.length_check(b"1"), LengthCheck::TooShort);
    assert_eq!(de.length_check(b"1234567890123456"), LengthCheck::TooLong);
    let gb = territory("GB").unwrap();
    assert_eq!(gb.length_check(b"12345678"), LengthCheck::PossibleLocalOnly);
    let us = territory("US").unwrap();
    assert_eq!(us.length_check(b"23456789"), LengthCheck::TooShort);
    let au = territory("AU").unwrap();
    assert_eq!(au.length_check(b"23333333333"), LengthCheck::InvalidLength);
}

#[test]
fn shared_calling_codes_resolve_to_their_region() {
    for (code, number, want) in [
        (1, "4165550123", Some("CA")),
        (1, "8765550123", Some("JM")),
        (1, "8095550123", Some("DO")),
        (1, "3101234", Some("CA")),
        (1, "2015550123", Some("US")),
        (1, "1234567890", None),
        (7, "7011234567", Some("KZ")),
        (7, "9123456789", Some("RU")),
        (44, "1624123456", Some("IM")),
        (44, "1534123456", Some("JE")),
        (44, "2079460958", Some("GB")),
        (44, "1481123456", None),
        (262, "269601234", Some("YT")),
        (262, "262161234", Some("RE")),
        (590, "590271234", Some("BL")),
        (599, "7151234", Some("BQ")),
        (599, "94151234", Some("CW")),
        (49, "30123456", Some("DE")),
        (800, "12345678", Some("001")),
    ] {
        let got = region_for_number(code, nsn(number)).map(|t| t.region);
        assert_eq!(got, want, "+{code} {number}");
    }
}

#[test]
fn formats_as_libphonenumber_writes_them() {
    for (code, number, e164, international, national, rfc) in [
        (
            44,
            "2079460958",
            "+442079460958",
            "+44 20 7946 0958",
            "020 7946 0958",
            "tel:+44-20-7946-0958",
        ),
        (
            49,
            "30123456",
            "+4930123456",
            "+49 30 123456",
            "030 123456",
            "tel:+49-30-123456",
        ),
        (
            1,
            "2015550123",
            "+12015550123",
            "+1 201-555-0123",
            "(201) 555-0123",
            "tel:+1-201-555-0123",
        ),
        (
            49,
            "15123456789",
            "+4915123456789",
            "+49 1512 3456789",
            "01512 3456789",
            "tel:+49-1512-3456789",
        ),
        (
            54,
            "91123456789",
            "+5491123456789",
            "+54 9 11 2345-6789",
            "011 15-2345-6789",
            "tel:+54-9-11-2345-6789",
        ),
        (
            7,
            "9123456789",
            "+79123456789",
            "+7 912 345-67-89",
            "8 (912) 345-67-89",
            "tel:+7-912-345-67-89",
        ),
        (
            800,
            "12345678",
            "+80012345678",
            "+800 1234 5678",
            "1234 5678",
            "tel:+800-1234-5678",
        ),
        (
            49,
            "4651123450",
            "+494651123450",
            "+49 4651 123450",
            "04651 123450",
            "tel:+49-4651-123450",
        ),
    ] {
        let f = |mode| format(code, nsn(number), mode).unwrap().to_string();
        assert_eq!(f(FormatMode::E164), e164);
        assert_eq!(f(FormatMode::International), international);
        assert_eq!(f(FormatMode::National), national);
        assert_eq!(f(FormatMode::Rfc3966), rfc);
    }
    assert!(format(999, b"123", FormatMode::International).is_none());
}

#[test]
fn short_numbers_as_libphonenumber_knows_them() {
    use ShortCost::*;
    // region, digits, possible, valid, cost, emergency, connects, carrier, sms
    for (region, digits, possible, valid, cost, emergency, connects, carrier, sms) in [
        ("GB", "999", true, true, TollFree, true, true, false, false),
        ("US", "911", true, true, TollFree, true, true, false, false),
        ("AU", "000", true, true, TollFree, true, true, false, false),
        ("DE", "112", true, true, TollFree, true, true, false, false),
        ("DE", "110", true, true, TollFree, true, true, false, false),
        ("US", "9110", true, true, Unknown, false, true, true, false),
        (
            "BR", "1900", true, false, Unknown, false, false, false, false,
        ),
        (
            "DE", "116116", true, true, TollFree, false, false, false, false,
        ),
        (
            "FR",
            "3615",
            true,
            true,
            PremiumRate,
            false,
            false,
            false,
            false,
        ),
    ] {
        let t = territory(region).unwrap();
        let got = t.short_number(digits.as_bytes()).unwrap();
        let want = ShortNumber {
            possible,
            valid,
            cost,
            emergency,
            carrier_specific: carrier,
            sms_service: sms,
        };
        assert_eq!(got, want, "{region} {digits}");
        assert_eq!(
            t.connects_to_emergency(digits.as_bytes()),
            Some(connects),
            "{region} {digits}"
        );
    }
    assert!(territories_for_code(800)
        .next()
        .unwrap()
        .short_number(b"112")
        .is_none());
}

#[test]
fn international_prefixes_as_dialled() {
    for (region, dialled, want) in [
        ("DE", "0049301234", Some(2)),
        ("US", "011493012", Some(3)),
        ("AU", "0011493012", Some(4)),
        ("BR", "0015493012", Some(4)),
        // Brazil's international prefix includes a carrier code: 00 alone is none.
        ("BR", "00493012", None),
        ("SG", "001493012", Some(3)),
        ("KE", "000493012", Some(3)),
        ("DE", "49301234", None),
    ] {
        let t = territory(region).unwrap();
        assert_eq!(
            t.international_prefix_len(dialled.as_bytes()),
            want,
            "{region} {dialled}"
        );
    }
}

#[test]
fn national_prefixes_stripped_as_libphonenumber_strips_them() {
    // region, national input, result (None = nothing stripped), carrier code
    for (region, input, want, carrier) in [
        ("AR", "0111512345678", Some("91112345678"), None),
        ("AR", "01112345678", Some("1112345678"), None),
        ("BR", "0151112345678", Some("1112345678"), Some("15")),
        ("BR", "01511123456789", Some("11123456789"), Some("15")),
        ("BR", "1112345678", None, None),
        ("US", "12015550123", Some("2015550123"), None),
        ("US", "2015550123", None, None),
        ("AG", "4621234", Some("2684621234"), None),
        ("AG", "12684621234", Some("2684621234"), None),
        ("GB", "02079460958", Some("2079460958"), None),
        ("JP", "0312345678", Some("312345678"), None),
        ("KR", "0821012345678", Some("1012345678"), Some("82")),
        ("CO", "0460112345678", Some("460112345678"), None),
        ("MX", "0445512345678", None, None),
        ("GA", "011123456", Some("11123456"), None),
        ("DE", "030123456", Some("30123456"), None),
        ("IT", "0612345678", None, None),
        ("RU", "84951234567", Some("4951234567"), None),
    ] {
        let got = territory(region)
            .unwrap()
            .strip_national_prefix(input.as_bytes());
        let digits = got
            .as_ref()
            .map(|s| std::str::from_utf8(s.digits()).unwrap());
        assert_eq!(digits, want, "{region} {input}");
        let got_carrier = got.and_then(|s| s.carrier).map(|(a, b)| &input[a..b]);
        assert_eq!(got_carrier, carrier, "{region} {input} carrier");
    }
}

// ---------------------------------------------------------------------------------
// Every automaton against the `regex` crate.

fn data(file: &str) -> Vec<HashMap<String, String>> {
    read_csv(&format!("data/world/libphonenumber/{file}"))
}

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// A random string of the pattern's language (digits only), from `regex_syntax`'s HIR.
fn sample(hir: &Hir, rng: &mut Rng, out: &mut String) {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(lit) => out.push_str(std::str::from_utf8(&lit.0).unwrap()),
        HirKind::Class(Class::Unicode(c)) => {
            let digits: Vec<char> = c
                .ranges()
                .iter()
                .flat_map(|r| r.start()..=r.end())
                .filter(char::is_ascii_digit)
                .collect();
            out.push(digits[rng.below(digits.len())]);
        }
        HirKind::Class(Class::Bytes(c)) => {
            let digits: Vec<u8> = c
                .ranges()
                .iter()
                .flat_map(|r| r.start()..=r.end())
                .filter(u8::is_ascii_digit)
                .collect();
            out.push(char::from(digits[rng.below(digits.len())]));
        }
        HirKind::Repetition(rep) => {
            let max = rep.max.unwrap_or(rep.min + 3);
            let n = rep.min + rng.below((max - rep.min + 1) as usize) as u32;
            for _ in 0..n {
                sample(&rep.sub, rng, out);
            }
        }
        HirKind::Capture(cap) => sample(&cap.sub, rng, out),
        HirKind::Concat(parts) => parts.iter().for_each(|p| sample(p, rng, out)),
        HirKind::Alternation(alts) => sample(&alts[rng.below(alts.len())], rng, out),
    }
}

/// Accepted strings of `pattern` and their near misses: a digit more, a digit less, each
/// position changed, every other first digit.
fn candidates(pattern: &str, rng: &mut Rng, out: &mut Vec<String>) {
    let hir = regex_syntax::parse(pattern).unwrap();
    for _ in 0..4 {
        let mut s = String::new();
        sample(&hir, rng, &mut s);
        let digits: Vec<u8> = s.bytes().collect();
        out.push(s.clone());
        out.push(format!("{s}{}", rng.below(10)));
        if !s.is_empty() {
            out.push(s[..s.len() - 1].to_string());
        }
        for i in 0..digits.len() {
            let mut m = digits.clone();
            m[i] = b'0' + ((m[i] - b'0') + 1 + rng.below(9) as u8) % 10;
            out.push(String::from_utf8(m).unwrap());
        }
        for d in b'0'..=b'9' {
            if let Some(&first) = digits.first() {
                if first != d {
                    let mut m = digits.clone();
                    m[0] = d;
                    out.push(String::from_utf8(m).unwrap());
                }
            }
        }
    }
}

/// A pattern as the `regex` crate matches it: whole input, or leftmost-first from the
/// start (`re.match`), compiled on first use.
struct Oracle {
    pattern: String,
    full: std::cell::OnceCell<Regex>,
    prefix: std::cell::OnceCell<Regex>,
}

impl Oracle {
    fn new(pattern: &str) -> Oracle {
        Oracle {
            pattern: pattern.to_string(),
            full: std::cell::OnceCell::new(),
            prefix: std::cell::OnceCell::new(),
        }
    }

    fn full(&self) -> &Regex {
        self.full
            .get_or_init(|| Regex::new(&format!("^(?:{})$", self.pattern)).unwrap())
    }

    fn prefix(&self) -> &Regex {
        self.prefix
            .get_or_init(|| Regex::new(&format!("^(?:{})", self.pattern)).unwrap())
    }
}

fn compiled(region: &str, code: &str) -> &'static Territory {
    let code: u16 = code.parse().unwrap();
    TERRITORIES
        .iter()
        .find(|t| t.region == region && t.code == code)
        .unwrap()
}

#[test]
fn every_automaton_agrees_with_the_regex_crate() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut by_territory: HashMap<(String, String), Vec<HashMap<String, String>>> = HashMap::new();
    for row in data("number_types.csv") {
        by_territory
            .entry((row["region"].clone(), row["code"].clone()))
            .or_default()
            .push(row);
    }
    let mut formats: HashMap<(String, String), Vec<HashMap<String, String>>> = HashMap::new();
    for row in data("formats.csv") {
        formats
            .entry((row["region"].clone(), row["code"].clone()))
            .or_default()
            .push(row);
    }
    let mut shorts: HashMap<String, Vec<HashMap<String, String>>> = HashMap::new();
    for row in data("short_numbers.csv") {
        shorts.entry(row["region"].clone()).or_default().push(row);
    }
    let (mut checked, mut patterns, mut wrong) = (0usize, 0usize, Vec::new());
    for t in data("territories.csv") {
        let key = (t["region"].clone(), t["code"].clone());
        let territory = compiled(&t["region"], &t["code"]);
        let types = by_territory.remove(&key).unwrap_or_default();
        let short = if t["region"] == "001" {
            Vec::new()
        } else {
            shorts.remove(&t["region"]).unwrap_or_default()
        };
        let fmts = formats.remove(&key).unwrap_or_default();
        let mut inputs = Vec::new();
        let mut all_patterns: Vec<&str> = types
            .iter()
            .chain(&short)
            .map(|r| r["pattern"].as_str())
            .collect();
        for f in &fmts {
            all_patterns.push(&f["pattern"]);
            all_patterns.extend(f["leading_digits"].split_whitespace());
        }
        for p in [
            &t["leading_digits"],
            &t["international_prefix"],
            &t["national_prefix_for_parsing"],
        ] {
            if !p.is_empty() {
                all_patterns.push(p);
            }
        }
        for p in &all_patterns {
            candidates(p, &mut rng, &mut inputs);
        }
        patterns += all_patterns.len();
        // Nationally written numbers: a prefix-for-parsing sample before a number.
        if !t["national_prefix_for_parsing"].is_empty() {
            let mut prefixes = Vec::new();
            candidates(&t["national_prefix_for_parsing"], &mut rng, &mut prefixes);
            let numbers: Vec<String> = inputs.iter().step_by(7).take(40).cloned().collect();
            for p in prefixes.iter().take(12) {
                inputs.extend(numbers.iter().map(|n| format!("{p}{n}")));
            }
        }
        inputs.sort();
        inputs.dedup();
        let general = types
            .iter()
            .find(|r| r["type"] == "general")
            .map(|r| Oracle::new(&r["pattern"]));
        let type_oracles: Vec<(usize, Oracle)> = types
            .iter()
            .filter_map(|r| {
                NUMBER_TYPES
                    .iter()
                    .position(|n| n.as_str() == r["type"])
                    .map(|i| (i, Oracle::new(&r["pattern"])))
            })
            .collect();
        let short_oracles: Vec<(usize, Oracle)> = short
            .iter()
            .map(|r| {
                (
                    bits::SHORT_TYPES
                        .iter()
                        .position(|n| *n == r["type"])
                        .unwrap(),
                    Oracle::new(&r["pattern"]),
                )
            })
            .collect();
        let leading = (!t["leading_digits"].is_empty()).then(|| Oracle::new(&t["leading_digits"]));
        let npfp = (!t["national_prefix_for_parsing"].is_empty())
            .then(|| Oracle::new(&t["national_prefix_for_parsing"]));
        let idd = (!t["international_prefix"].is_empty())
            .then(|| Oracle::new(&t["international_prefix"]));
        let rules: Vec<(&HashMap<String, String>, u16)> = {
            let (mut n, mut i) = (0, 0);
            fmts.iter()
                .map(|f| {
                    let id = if f["list"] == "national" {
                        n += 1;
                        territory.national_formats[n - 1]
                    } else {
                        i += 1;
                        territory.international_formats.unwrap()[i - 1]
                    };
                    (f, id)
                })
                .collect()
        };
        let rule_oracles: Vec<(Oracle, Option<Oracle>, u16)> = rules
            .iter()
            .map(|(f, id)| {
                (
                    Oracle::new(&f["pattern"]),
                    f["leading_digits"]
                        .split_whitespace()
                        .last()
                        .map(Oracle::new),
                    *id,
                )
            })
            .collect();
        for x in &inputs {
            let b = x.as_bytes();
            checked += 1;
            let g = general.as_ref().is_some_and(|o| o.full().is_match(x));
            let want: u16 = type_oracles
                .iter()
                .filter(|(_, o)| g && o.full().is_match(x))
                .fold(0, |a, (i, _)| a | 1 << i);
            let got = AUTOMATA.full(territory.types, b);
            if got != want {
                wrong.push(format!("{key:?} types {x}: {got:#b} want {want:#b}"));
            }
            if territory.short != NOTHING {
                // The general description is folded into `short_code` (bit 5), then
                // dropped; by prefix only the unfolded types are compared.
                let matching = |prefix: bool| -> u16 {
                    short_oracles
                        .iter()
                        .filter(|(_, o)| {
                            if prefix {
                                o.prefix().is_match(x)
                            } else {
                                o.full().is_match(x)
                            }
                        })
                        .fold(0, |a, (i, _)| a | 1 << i)
                };
                let full = matching(false);
                let want = if full & 1 == 0 {
                    full & !(1 << 5)
                } else {
                    full
                } & !1;
                let got = AUTOMATA.full(territory.short, b);
                let unfolded = !(1u16 | 1 << 5);
                let want_prefix = matching(true) & unfolded;
                let got_prefix = AUTOMATA.prefixes(territory.short, b) & unfolded;
                if got != want || got_prefix != want_prefix {
                    wrong.push(format!("{key:?} short {x}: {got:#b}/{got_prefix:#b} want {want:#b}/{want_prefix:#b}"));
                }
            }
            if let Some(o) = &leading {
                if territory.matches_leading_digits(b) != o.prefix().is_match(x) {
                    wrong.push(format!("{key:?} leading digits {x}"));
                }
            }
            if let Some(o) = &npfp {
                let want = o.prefix().captures(x).map(|c| {
                    let groups: Vec<Option<(usize, usize)>> = c
                        .iter()
                        .skip(1)
                        .map(|m| m.map(|m| (m.start(), m.end())))
                        .collect();
                    (c.get(0).map_or(0, |m| m.end()), groups)
                });
                // The raw matcher: `national_prefix_match` also refuses empty input, as
                // libphonenumber does before it matches.
                let got = prefix::match_prefix(territory.national_prefix_for_parsing, b)
                    .map(|m| (m.end, m.groups[..m.group_count].to_vec()));
                if got != want {
                    wrong.push(format!(
                        "{key:?} national prefix {x}: {got:?} want {want:?}"
                    ));
                }
            }
            if let Some(o) = &idd {
                let want = o.prefix().find(x).map(|m| m.end());
                if territory.international_prefix_len(b) != want {
                    wrong.push(format!("{key:?} international prefix {x}: want {want:?}"));
                }
            }
            for (pattern, lead, id) in &rule_oracles {
                let rule = &FORMAT_RULES[usize::from(*id)];
                let want_lead = lead.as_ref().is_none_or(|o| o.prefix().is_match(x));
                let got_lead = rule.leading_digits == NOTHING
                    || AUTOMATA.prefixes(rule.leading_digits, b) != 0;
                let want_split = pattern.full().captures(x).map(|c| {
                    c.iter()
                        .skip(1)
                        .map(|m| m.map_or((0, 0), |m| (m.start(), m.end())))
                        .collect::<Vec<_>>()
                });
                let got_split = format::split(rule.pattern, b).map(|s| {
                    s[..FORMAT_PATTERNS[usize::from(rule.pattern)].groups.len() / 2].to_vec()
                });
                if want_lead != got_lead || want_split != got_split {
                    wrong.push(format!("{key:?} format rule {id} {x}: lead {got_lead} split {got_split:?}, want {want_lead} {want_split:?}"));
                }
            }
        }
    }
    println!("{checked} inputs checked against {patterns} patterns");
    assert!(
        wrong.is_empty(),
        "{} disagreements, first: {:#?}",
        wrong.len(),
        &wrong[..wrong.len().min(20)]
    );
    assert!(checked > 100_000, "too few inputs: {checked}");
}
