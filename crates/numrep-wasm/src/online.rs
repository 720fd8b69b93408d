//! Online reputation sources over the browser's `fetch` (cargo feature `online`).
//!
//! Each configured source gets an engine of its own, all started together under the
//! same deadline, so the host page hears about each source the moment it answers
//! instead of when the slowest one does.

use std::collections::HashMap;
use std::rc::Rc;

use futures_util::stream::{FuturesUnordered, StreamExt};
use numrep::{SourceEvidence, SourceProblem};
use numrep_online::{Config, Engine};
use wasm_bindgen::prelude::*;

use crate::checker::NumrepChecker;
use crate::context::today;
use crate::convert::{js_error, report_to_js, to_js};

#[wasm_bindgen(typescript_custom_section)]
const TS_ONLINE_TYPES: &'static str = r#"
/**
 * The online part of a numrep config (the CLI's TOML as JSON). Other top-level keys,
 * such as list-file paths, are ignored.
 */
export interface NumrepOnlineConfig {
  deadline_ms?: number;
  max_body_bytes?: number;
  cache?: { max_entries?: number; ttl_secs?: number };
  backoff?: { failures?: number; base_ms?: number; max_ms?: number };
  sources?: Array<{ name: string; kind: "tellows" | "phoneblock" | "http_json"; url: string; [key: string]: unknown }>;
  [key: string]: unknown;
}
"#;

/// The configured sources, one engine each (in configuration order).
#[derive(Default)]
pub(crate) struct Sources {
    engines: Vec<(String, Rc<Engine>)>,
}

#[wasm_bindgen]
impl NumrepChecker {
    /// Configures the online sources from a config object (the CLI's TOML config as
    /// JSON). Credentials named by `*_env` keys are read from `env`, a plain object of
    /// strings, since a browser has no environment. Replaces earlier sources and
    /// returns their names. Throws an `Error` with `code` `config` when the config is
    /// invalid (unknown kind or key, disallowed URL, duplicate name, …). A credential
    /// missing from `env` is not an error here: that source reports `config_error`
    /// on every check and the others are still asked.
    #[wasm_bindgen(js_name = configureOnline)]
    pub fn configure_online(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "NumrepOnlineConfig")] config: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Record<string, string> | undefined")] env: JsValue,
    ) -> Result<Vec<String>, JsValue> {
        let bad = |message: String| js_error("config", &message);
        let config: Config =
            serde_wasm_bindgen::from_value(config).map_err(|e| bad(e.to_string()))?;
        config.validate().map_err(|e| bad(e.to_string()))?;
        let env: HashMap<String, String> = if env.is_undefined() || env.is_null() {
            HashMap::new()
        } else {
            serde_wasm_bindgen::from_value(env).map_err(|e| bad(format!("env: {e}")))?
        };
        let engines = config
            .sources
            .iter()
            .map(|source| {
                let mut single = config.clone();
                single.sources = vec![source.clone()];
                Engine::from_config_with_env(&single, |var| env.get(var).cloned())
                    .map(|engine| (source.name.clone(), Rc::new(engine)))
                    .map_err(|e| bad(e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        self.online = Sources { engines };
        Ok(self.source_names())
    }

    /// The names of the configured online sources, in report order.
    #[wasm_bindgen(js_name = sourceNames)]
    pub fn source_names(&self) -> Vec<String> {
        self.online
            .engines
            .iter()
            .map(|(name, _)| name.clone())
            .collect()
    }

    /// Checks one input like `check`, then asks every configured source in parallel
    /// under the configured deadline and resolves to the report with `sources` filled in
    /// and the risk re-weighed. `onSource`, if given, is called with each source's
    /// `NumrepSourceEvidence` as soon as that source has answered, failed or timed out.
    /// Numbers without an E.164 form (short codes, bad input) are not sent anywhere.
    #[wasm_bindgen(js_name = checkOnline, unchecked_return_type = "Promise<NumrepReport>")]
    pub fn check_online(
        &self,
        input: String,
        #[wasm_bindgen(
            js_name = onSource,
            unchecked_param_type = "((source: NumrepSourceEvidence) => void) | undefined"
        )]
        on_source: Option<js_sys::Function>,
    ) -> Result<js_sys::Promise, JsValue> {
        let checker = Rc::clone(&self.checker);
        let engines: Vec<Rc<Engine>> = self
            .online
            .engines
            .iter()
            .map(|(_, engine)| Rc::clone(engine))
            .collect();
        let today = today()?;
        let lang = self.checker.options().language();
        Ok(wasm_bindgen_futures::future_to_promise(async move {
            let offline = checker.check(&input, today);
            let e164 = match (offline.number().and_then(|n| n.e164()), engines.is_empty()) {
                (Some(e164), false) => e164,
                _ => return Ok(report_to_js(&offline)),
            };
            let mut pending: FuturesUnordered<_> = engines
                .iter()
                .enumerate()
                .map(|(index, engine)| {
                    let e164 = e164.as_str();
                    async move { (index, engine.lookup(e164).await) }
                })
                .collect();
            let mut answers: Vec<Option<SourceEvidence>> = vec![None; engines.len()];
            while let Some((index, result)) = pending.next().await {
                let found = match result {
                    Ok(reports) => reports.first().map(|r| r.to_evidence()),
                    Err(problem) => Some(failed(&engines[index], problem)),
                };
                if let (Some(callback), Some(found)) = (&on_source, &found) {
                    // A failing callback must not cost the agent the answer.
                    let _ = callback.call1(&JsValue::NULL, &to_js(&found.json(lang))?);
                }
                answers[index] = found;
            }
            let sources = answers.into_iter().flatten().collect();
            Ok(report_to_js(
                &checker.check_with_sources(&input, today, sources),
            ))
        }))
    }
}

/// The evidence for a source whose engine refused the number outright.
fn failed(engine: &Engine, problem: SourceProblem) -> SourceEvidence {
    let name = engine.source_names().first().map_or("", |name| *name);
    SourceEvidence::unanswered(name, "", problem)
}
