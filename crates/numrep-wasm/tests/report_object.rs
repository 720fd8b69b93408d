//! The report object `lookup` and `check` build from a record equals, property for
//! property, what `JSON.parse` of the CLI's JSON (`Report::write_json`, the oracle)
//! gives: same keys, order and values, so `JSON.stringify` of both is the same text.
//! `make test-wasm` (headless Chromium).

#![cfg(target_arch = "wasm32")]

use numrep::lists::{load_own_numbers, load_rules, Date, ListFormat, ListKind};
use numrep::{Checker, Lang, Options, Region, Report};
use numrep_wasm::{lookup, NumrepChecker};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const OWN_CSV: &str = "\
pattern,vendor,campaign,valid_from,valid_to,contact,note
+49 40 5555 0200,Callcenter Nord GmbH,Kundenrückgewinnung,2020-01-01,,vm@example.com,\"Main \"\"caller\"\" ID\"
+49 40 5555 03##,Süd \\ Partner AG,Winteraktion 2026,2020-01-01,2020-12-31,,old range
";
const BLOCK_CSV: &str =
    "pattern,category,note\n+216*,ping_call,Wangiri\n+49 900 5*,premium,\"teuer, \"\"sehr\"\"\"\n";
const ALLOW_JSON: &str = r#"[{"pattern": "0900 5 555 0100", "note": "our partner hotline"}]"#;

/// German, foreign, short, vanity, extensions, `tel:` links and rejected inputs, with
/// quotes, backslashes, control characters, non-Latin text and an input long enough to
/// take the decoder's long path.
fn corpus() -> Vec<String> {
    let mut inputs: Vec<String> = [
        "+49 30 1234567",
        "030 1234567",
        "+49 (0)89 12345678",
        "Tel.: 030 / 123 456 78 (Büro)",
        "+49 151 23456789",
        "0176/12345678",
        "+49 900 5123456",
        "0900 5 555 0100",
        "0180 2 123456",
        "0800 3569377",
        "0800 FLOWERS",
        "0137 1234567",
        "+49 30 1234567 ext. 12",
        "tel:+49-40-5555-0200",
        "+49 40 5555 0377",
        "11833",
        "110",
        "112",
        "116116",
        "999",
        "911",
        "+216 20 123 456",
        "00261 20 1234567",
        "tel:+1-202-555-0143",
        "+1 212 555 0100",
        "(212) 555-0100",
        "+44 20 7946 0958",
        "020 7946 0958",
        "+33 1 23 45 67 89",
        "+41 900 123 456",
        "(11) 2345-6789",
        "011 15 2345-6789",
        "+86 138 0013 8000",
        "+7 495 123-45-67",
        "+800 1234 5678",
        "+882 16 1234 5678",
        "030 1234-56",
        "030 12a4567",
        "not a number",
        "+999 123",
        "",
        "   ",
        "\"quoted\" \\ back\tslash\n",
        "\u{1}\u{1f}030 1234567",
        "☎ 030 1234567 😀",
        "电话 +86 10 1234 5678",
        "+49 30 1234567; +49 40 7654321",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    inputs.push(format!("030 {}", "1234567890".repeat(80)));
    inputs.push("x".repeat(700));
    inputs
}

/// `JSON.stringify` of a JS value.
fn stringify(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .map(String::from)
        .unwrap_or_else(|_| "<not serializable>".into())
}

/// What the JSON path gives: `JSON.stringify(JSON.parse(report.write_json()))`.
fn oracle(report: &Report) -> String {
    let mut json = Vec::new();
    report.write_json(&mut json);
    let text = String::from_utf8(json).expect("UTF-8 JSON");
    stringify(&js_sys::JSON::parse(&text).expect("JSON the browser parses"))
}

/// Today in the browser's local time zone, as `NumrepChecker::check` takes it.
fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as u16,
        (now.get_month() + 1) as u8,
        now.get_date() as u8,
    )
    .expect("a real date")
}

#[wasm_bindgen_test]
fn lookup_objects_equal_the_json_reports() {
    for (region, lang) in [("DE", "en"), ("DE", "de"), ("GB", "en"), ("US", "de")] {
        let options = Options::new()
            .region(Region::from_code(region).expect("region"))
            .lang(lang.parse::<Lang>().expect("lang"));
        // Twice: the second round names the sentences by id.
        for _ in 0..2 {
            for input in corpus() {
                let object = lookup(&input, Some(region.into()), Some(lang.into())).unwrap();
                assert_eq!(
                    stringify(&object),
                    oracle(&numrep::lookup(&input, &options)),
                    "{region} {lang} {input:?}"
                );
            }
        }
    }
}

#[wasm_bindgen_test]
fn checked_objects_equal_the_json_reports_with_lists() {
    for lang in ["de", "en"] {
        let mut checker = NumrepChecker::new(Some("DE".into()), Some(lang.into())).unwrap();
        checker.load_own_numbers(OWN_CSV, "own.csv").unwrap();
        checker.load_blocklist(BLOCK_CSV, "block.csv").unwrap();
        checker.load_allowlist(ALLOW_JSON, "allow.json").unwrap();

        let lang: Lang = lang.parse().expect("lang");
        let options = numrep_config::list_options(Region::DE, lang);
        let own = load_own_numbers(OWN_CSV, "own.csv", ListFormat::Csv, &options).unwrap();
        let block = load_rules(
            BLOCK_CSV,
            "block.csv",
            ListKind::Block,
            ListFormat::Csv,
            &options,
        )
        .unwrap();
        let allow = load_rules(
            ALLOW_JSON,
            "allow.json",
            ListKind::Allow,
            ListFormat::Json,
            &options,
        )
        .unwrap();
        let oracle_checker = Checker::new(Options::new().region(Region::DE).lang(lang))
            .with_own_numbers(own.list)
            .with_rules(block.list)
            .with_rules(allow.list);

        for input in corpus() {
            let object = checker.check(&input).unwrap();
            assert_eq!(
                stringify(&object),
                oracle(&oracle_checker.check(&input, today())),
                "{lang:?} {input:?}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn reports_are_read_right_after_the_memory_grew() {
    let before = lookup("+49 900 5123456", None, None).unwrap();
    // Growing the memory detaches the buffer js/report.js holds views of.
    let pages = core::arch::wasm32::memory_size(0);
    let grown = vec![1u8; 64 << 20];
    assert!(core::arch::wasm32::memory_size(0) > pages);
    let after = lookup("+49 900 5123456", None, None).unwrap();
    assert_eq!(stringify(&after), stringify(&before));
    drop(grown);
}

#[wasm_bindgen_test]
fn the_object_is_a_plain_object_with_own_data_properties() {
    let object = lookup("+49 900 5123456", None, None).unwrap();
    let plain = js_sys::Object::new();
    assert_eq!(
        JsValue::from(js_sys::Object::get_prototype_of(&object)),
        JsValue::from(js_sys::Object::get_prototype_of(&plain)),
    );
    let object: js_sys::Object = object.unchecked_into();
    let keys = js_sys::Object::keys(&object);
    assert_eq!(keys.length(), 35);
    for key in keys.iter() {
        let descriptor = js_sys::Object::get_own_property_descriptor(&object, &key);
        assert!(
            js_sys::Reflect::has(&descriptor, &"value".into()).unwrap_or(false),
            "{key:?} is not a data property"
        );
    }
}
