//! The JS API in a real browser (headless Chromium via `wasm-bindgen-test-runner`):
//! `make test-wasm`.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use numrep_wasm::{bench, bench_corpus, lookup, NumrepChecker};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const OWN_CSV: &str = "\
# own numbers
pattern,vendor,campaign,valid_from,valid_to,contact,note
+49 40 5555 0200,Callcenter Nord GmbH,Kundenrückgewinnung,2020-01-01,,vm@example.com,Main caller ID
not a number,Broken Row GmbH,,,,,
";

/// `value[key]`, walking a dotted path of keys.
fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        Reflect::get(&v, &JsValue::from_str(key)).expect("property access")
    })
}

fn string(value: &JsValue, path: &str) -> Option<String> {
    get(value, path).as_string()
}

#[wasm_bindgen_test]
fn premium_number_is_high_risk_and_no_caller_id() {
    let report = lookup("+49 900 5123456", Some("DE".into()), Some("en".into())).unwrap();
    assert_eq!(get(&report, "ok").as_bool(), Some(true));
    assert_eq!(string(&report, "category").as_deref(), Some("premium_rate"));
    assert_eq!(string(&report, "e164").as_deref(), Some("+499005123456"));
    assert_eq!(string(&report, "risk").as_deref(), Some("high"));
    assert_eq!(get(&report, "caller_id_allowed").as_bool(), Some(false));
    assert!(
        get(&report, "tariff").is_object(),
        "premium numbers carry a tariff"
    );
    let reasons = Array::from(&get(&report, "reasons"));
    assert!(reasons.length() > 0);
    // Plain objects (json_compatible), not Maps: JSON.stringify sees every field.
    let json = String::from(js_sys::JSON::stringify(&report).unwrap());
    assert!(json.contains("\"category\":\"premium_rate\""), "{json}");
    assert!(json.contains("\"own_number\":null"), "{json}");
}

#[wasm_bindgen_test]
fn bad_input_reports_the_cli_error_code() {
    let report = lookup("030 12a4567", None, None).unwrap();
    assert_eq!(get(&report, "ok").as_bool(), Some(false));
    assert_eq!(
        string(&report, "error.code").as_deref(),
        Some("invalid_character")
    );
    assert!(get(&report, "risk").is_null());
    let empty = lookup("   ", None, None).unwrap();
    assert_eq!(string(&empty, "error.code").as_deref(), Some("empty"));
}

#[wasm_bindgen_test]
fn bad_arguments_throw_errors_with_a_code() {
    let error = lookup("030 1234567", Some("XX".into()), None).unwrap_err();
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(string(&error, "code").as_deref(), Some("unknown_region"));
    let error = NumrepChecker::new(None, Some("fr".into())).err().unwrap();
    assert_eq!(string(&error, "code").as_deref(), Some("unknown_lang"));
    let mut checker = NumrepChecker::new(None, None).unwrap();
    let error = checker.load_blocklist("x", "list.xlsx").unwrap_err();
    assert_eq!(string(&error, "code").as_deref(), Some("unknown_format"));
}

#[wasm_bindgen_test]
fn list_loading_reports_the_bad_row() {
    let mut checker = NumrepChecker::new(Some("DE".into()), Some("de".into())).unwrap();
    let result = checker.load_own_numbers(OWN_CSV, "own.csv").unwrap();
    assert_eq!(get(&result, "entries").as_f64(), Some(1.0));
    assert_eq!(string(&result, "kind").as_deref(), Some("own_numbers"));
    let problems = Array::from(&get(&result, "problems"));
    assert_eq!(problems.length(), 1);
    let problem = problems.get(0);
    assert_eq!(string(&problem, "file").as_deref(), Some("own.csv"));
    assert_eq!(get(&problem, "line").as_f64(), Some(4.0));
    assert!(string(&problem, "code").is_some_and(|c| !c.is_empty()));
    assert!(string(&problem, "message").is_some_and(|m| !m.is_empty()));
}

#[wasm_bindgen_test]
fn own_number_and_block_rules_apply() {
    let mut checker = NumrepChecker::new(None, Some("en".into())).unwrap();
    checker.load_own_numbers(OWN_CSV, "own.csv").unwrap();
    checker
        .load_blocklist(
            "pattern,category,note\n+216*,ping_call,Wangiri\n",
            "block.csv",
        )
        .unwrap();
    checker
        .load_allowlist(
            r#"[{"pattern": "0900 5 555 0100", "note": "our partner hotline"}]"#,
            "allow.json",
        )
        .unwrap();
    assert_eq!(checker.region(), "DE");
    assert_eq!(checker.lang(), "en");

    let own = checker.check("tel:+49-40-5555-0200").unwrap();
    assert_eq!(
        string(&own, "own_number.vendor").as_deref(),
        Some("Callcenter Nord GmbH")
    );
    assert_eq!(
        string(&own, "own_number.campaign").as_deref(),
        Some("Kundenrückgewinnung")
    );
    assert_eq!(get(&own, "own_number.in_window").as_bool(), Some(true));

    let wangiri = checker.check("+216 20 123 456").unwrap();
    assert_eq!(
        string(&wangiri, "list.decision").as_deref(),
        Some("blocked")
    );
    assert_eq!(string(&wangiri, "risk").as_deref(), Some("high"));

    let allowed = checker.check("0900 5 555 0100").unwrap();
    assert_eq!(
        string(&allowed, "list.decision").as_deref(),
        Some("allowed")
    );

    let stranger = checker.check("030 1234567").unwrap();
    assert!(get(&stranger, "own_number").is_null());
    assert_eq!(string(&stranger, "place").as_deref(), Some("Berlin"));
}

#[wasm_bindgen_test]
fn bench_classifies_the_whole_corpus() {
    let corpus = bench_corpus();
    assert!(corpus.len() >= 20);
    assert_eq!(bench(3), (corpus.len() * 3) as f64);
}

#[wasm_bindgen_test]
fn texts_come_from_the_core_catalogue() {
    let de = numrep_wasm::texts(Some("de".into())).unwrap();
    assert_eq!(
        string(&de, "labels.caller_id").as_deref(),
        Some("Anruferkennung")
    );
    assert_eq!(
        string(&de, "labels.validity").as_deref(),
        Some("Gültigkeit")
    );
    assert_eq!(string(&de, "severity.danger").as_deref(), Some("Gefahr"));
    assert_eq!(string(&de, "risk.high").as_deref(), Some("hoch"));
    let report = lookup("+49 900 5123456", None, Some("de".into())).unwrap();
    assert_eq!(string(&report, "validity_text").as_deref(), Some("gültig"));
    assert!(string(&report, "caller_id_text").is_some_and(|t| t.starts_with("VERBOTEN")));
    assert!(numrep_wasm::texts(Some("fr".into())).is_err());
}

#[wasm_bindgen_test]
fn a_misspelt_config_key_is_an_error_naming_line_and_key() {
    assert!(numrep_wasm::check_config(r#"{"own_numbers": "own.csv"}"#, "config.json").is_ok());
    let err = numrep_wasm::check_config("{\n  \"blocklst\": \"b.csv\"\n}", "config.json")
        .expect_err("typo");
    assert_eq!(string(&err, "code").as_deref(), Some("config_unknown_key"));
    assert_eq!(
        string(&err, "message").as_deref(),
        Some("config.json line 2: unknown key `blocklst` (did you mean `blocklist`?)")
    );
}
