//! `NumrepChecker` (tables plus our lists) and the free `lookup` function.

use std::rc::Rc;

use numrep::lists::{
    load_own_numbers, load_rules, ListError, ListFormat, ListKind, LoadOptions, Loaded, RowProblem,
};
use numrep::{Checker, Lang, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::context::{options, today};
use crate::convert::{js_error, report_to_js, to_js};

/// What loading one list file gave (`ListLoadResult` in TypeScript).
#[derive(Serialize)]
struct ListLoad<'a> {
    file: &'a str,
    kind: &'static str,
    entries: usize,
    problems: &'a [RowProblem],
    unlisted_problems: usize,
}

impl<'a> ListLoad<'a> {
    fn new<L>(file: &'a str, kind: &'static str, entries: usize, loaded: &'a Loaded<L>) -> Self {
        ListLoad {
            file,
            kind,
            entries,
            problems: &loaded.problems,
            unlisted_problems: loaded.unlisted_problems,
        }
    }
}

/// Checks numbers against the compiled tables and the lists loaded into it.
///
/// Build one per page (lists loaded once), then call `check` per number; it keeps no
/// state between checks.
#[wasm_bindgen]
pub struct NumrepChecker {
    // Shared with running online checks, which outlive a `&self` borrow.
    pub(crate) checker: Rc<Checker>,
    #[cfg(feature = "online")]
    pub(crate) online: crate::online::Sources,
}

#[wasm_bindgen]
impl NumrepChecker {
    /// A checker without lists. `region` is the ISO 3166 code for numbers written in
    /// national form (default `"DE"`); `lang` is `"de"` or `"en"` (default) for texts.
    /// Throws an `Error` with `code` `unknown_region` or `unknown_lang`.
    #[wasm_bindgen(constructor)]
    pub fn new(region: Option<String>, lang: Option<String>) -> Result<NumrepChecker, JsValue> {
        Ok(NumrepChecker {
            checker: Rc::new(Checker::new(options(region, lang)?)),
            #[cfg(feature = "online")]
            online: crate::online::Sources::default(),
        })
    }

    /// The region code numbers are read for (e.g. `"DE"`).
    #[wasm_bindgen(getter)]
    pub fn region(&self) -> String {
        self.checker.options().home_region().code().to_string()
    }

    /// The language of texts (`"de"` or `"en"`).
    #[wasm_bindgen(getter)]
    pub fn lang(&self) -> String {
        self.checker
            .options()
            .language()
            .pick("de", "en")
            .to_string()
    }

    /// Loads an own-number registry (our call centers' caller IDs) from CSV or JSON text;
    /// the format comes from `fileName`'s extension. Returns the rows that were left out.
    /// Throws an `Error` with the list error's `code` when the file cannot be read at all.
    #[wasm_bindgen(js_name = loadOwnNumbers, unchecked_return_type = "ListLoadResult")]
    pub fn load_own_numbers(
        &mut self,
        text: &str,
        #[wasm_bindgen(js_name = fileName)] file_name: &str,
    ) -> Result<JsValue, JsValue> {
        let options = self.load_options();
        let loaded = list_result(
            ListFormat::from_file_name(file_name)
                .and_then(|format| load_own_numbers(text, file_name, format, &options)),
            options.language(),
        )?;
        let result = to_js(&ListLoad::new(
            file_name,
            "own_numbers",
            loaded.list.len(),
            &loaded,
        ))?;
        self.update(|checker| checker.with_own_numbers(loaded.list));
        Ok(result)
    }

    /// Loads a blocklist (numbers and patterns with `#`/`*`) from CSV or JSON text.
    /// Returns the rows that were left out; throws like `loadOwnNumbers`.
    #[wasm_bindgen(js_name = loadBlocklist, unchecked_return_type = "ListLoadResult")]
    pub fn load_blocklist(
        &mut self,
        text: &str,
        #[wasm_bindgen(js_name = fileName)] file_name: &str,
    ) -> Result<JsValue, JsValue> {
        self.load_rule_list(text, file_name, ListKind::Block)
    }

    /// Loads an allowlist (entries that overrule block entries and range rules).
    /// Returns the rows that were left out; throws like `loadOwnNumbers`.
    #[wasm_bindgen(js_name = loadAllowlist, unchecked_return_type = "ListLoadResult")]
    pub fn load_allowlist(
        &mut self,
        text: &str,
        #[wasm_bindgen(js_name = fileName)] file_name: &str,
    ) -> Result<JsValue, JsValue> {
        self.load_rule_list(text, file_name, ListKind::Allow)
    }

    /// Checks one input (any written form, `tel:` links included) against the tables and
    /// the loaded lists, with today's local date for registration windows. Input that is
    /// not a phone number gives `ok: false` and `error: {code, message}`, not an exception.
    #[wasm_bindgen(unchecked_return_type = "NumrepReport")]
    pub fn check(&self, input: &str) -> Result<JsValue, JsValue> {
        Ok(report_to_js(&self.checker.check(input, today()?)))
    }
}

impl NumrepChecker {
    /// Loading options: the same as the CLI's and the desk's (numrep-config): national
    /// forms read for the checker's region, problems in its language.
    fn load_options(&self) -> LoadOptions {
        let options = self.checker.options();
        numrep_config::list_options(options.home_region(), options.language())
    }

    fn load_rule_list(
        &mut self,
        text: &str,
        file_name: &str,
        kind: ListKind,
    ) -> Result<JsValue, JsValue> {
        let options = self.load_options();
        let loaded = list_result(
            ListFormat::from_file_name(file_name)
                .and_then(|format| load_rules(text, file_name, kind, format, &options)),
            options.language(),
        )?;
        let name = match kind {
            ListKind::Block => "blocklist",
            ListKind::Allow => "allowlist",
        };
        let result = to_js(&ListLoad::new(file_name, name, loaded.list.len(), &loaded))?;
        self.update(|checker| checker.with_rules(loaded.list));
        Ok(result)
    }

    /// Replaces the checker (cloned only while an online check still holds the old one).
    fn update(&mut self, change: impl FnOnce(Checker) -> Checker) {
        let checker = Rc::make_mut(&mut self.checker);
        *checker = change(std::mem::take(checker));
    }
}

fn list_result<L>(result: Result<Loaded<L>, ListError>, lang: Lang) -> Result<Loaded<L>, JsValue> {
    result.map_err(|e| js_error(e.code(), &e.message(lang).to_string()))
}

/// Looks up one input against the tables only (no lists): what kind of line, where,
/// tariff, caller-ID plausibility, risk with reasons and advice. `region` defaults to
/// `"DE"`, `lang` to `"en"`; throws an `Error` with `code` `unknown_region` or
/// `unknown_lang`. Bad input gives `ok: false` with `error: {code, message}`.
#[wasm_bindgen(unchecked_return_type = "NumrepReport")]
pub fn lookup(
    input: &str,
    region: Option<String>,
    lang: Option<String>,
) -> Result<JsValue, JsValue> {
    let options: Options = options(region, lang)?;
    Ok(report_to_js(&numrep::lookup(input, &options)))
}

/// The words the widget shows around a report, from the core's message catalogue:
/// `labels` (`{caller_id: "Anruferkennung", …}`), `severity` and `risk` words, in
/// `lang` (`"de"` or `"en"`, default English). Throws an `Error` with `code`
/// `unknown_lang` for another language.
#[wasm_bindgen(unchecked_return_type = "NumrepTexts")]
pub fn texts(lang: Option<String>) -> Result<JsValue, JsValue> {
    let lang = options(None, lang)?.language();
    let labels = Words(
        numrep::Label::ALL
            .iter()
            .map(|label| (label.name(), label.text(lang)))
            .collect(),
    );
    let severity = Words(
        [
            numrep::Severity::Info,
            numrep::Severity::Warning,
            numrep::Severity::Danger,
        ]
        .iter()
        .map(|s| (s.as_str(), s.text(lang)))
        .collect(),
    );
    let risk = Words(
        [numrep::Risk::Low, numrep::Risk::Medium, numrep::Risk::High]
            .iter()
            .map(|r| (r.as_str(), r.text(lang)))
            .collect(),
    );
    #[derive(Serialize)]
    struct Texts<'a> {
        labels: Words<'a>,
        severity: Words<'a>,
        risk: Words<'a>,
    }
    to_js(&Texts {
        labels,
        severity,
        risk,
    })
}

/// Name → text pairs that cross as one JSON object, in catalogue order (a map sorted
/// by name would cost the module a sort routine per map, for nothing: the widget
/// looks the words up by name).
struct Words<'a>(Vec<(&'a str, &'a str)>);

impl Serialize for Words<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().copied())
    }
}

/// Checks the widget's configuration (JSON text, the same keys as `numrep.toml`) with
/// the reader the CLI and the desk use; throws an `Error` whose `code` starts with
/// `config_` and whose message names the file, the line and the key meant
/// (`unknown key "blocklst" (did you mean "blocklist"?)`).
#[wasm_bindgen(js_name = checkConfig)]
pub fn check_config(
    text: &str,
    #[wasm_bindgen(js_name = fileName)] file_name: &str,
) -> Result<(), JsValue> {
    numrep_config::Config::from_json(text, file_name)
        .map(|_| ())
        .map_err(|e| js_error(e.code(), &e.to_string()))
}
