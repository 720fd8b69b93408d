//! The TOML configuration: global settings and a `[[sources]]` list.
//!
//! Secrets are never written in the file: every credential is named by the
//! environment variable that holds it (`*_env` keys). Where there is no
//! process environment (a browser), pass a lookup function to
//! [`crate::Engine::from_config_with_env`].
//!
//! ```toml
//! deadline_ms = 1500          # overall deadline for one lookup (default 1500)
//! max_body_bytes = 262144     # cap on a response body (default 256 KiB)
//!
//! [cache]
//! max_entries = 10000         # answers kept (source × number); 0 disables (default 10000)
//! ttl_secs = 3600             # how long an answer is reused (default 3600)
//!
//! [backoff]
//! failures = 3                # consecutive failures before pausing a source; 0 disables (default 3)
//! base_ms = 30000             # first pause, doubled per further failure (default 30000)
//! max_ms = 600000             # longest pause (default 600000)
//!
//! [[sources]]
//! name = "tellows"            # unique, shown in reports (required)
//! kind = "tellows"            # tellows | phoneblock | http_json (required)
//! url = "https://www.tellows.de"   # base URL; http only to loopback (required)
//! timeout_ms = 1200           # this source's own timeout (default 1000, 1..=60000)
//! prefixes = ["+49"]          # only ask for numbers starting so (default: all)
//! partner = "12345"           # tellows: partner id (not secret) …
//! partner_env = "TELLOWS_PARTNER"  # … or the variable holding it
//! api_key_env = "TELLOWS_API_KEY"  # tellows: variable holding the API key (required)
//! auth_mode = "md5_header"    # tellows: md5_header (default) | md5_query | query
//!
//! [[sources]]
//! name = "phoneblock"
//! kind = "phoneblock"
//! url = "https://phoneblock.net"
//! user_env = "PHONEBLOCK_USER"         # Basic auth user …
//! password_env = "PHONEBLOCK_PASSWORD" # … and password, or:
//! # token_env = "PHONEBLOCK_TOKEN"     # bearer token
//!
//! [[sources]]
//! name = "complaints"
//! kind = "http_json"
//! url = "https://complaints.example.com/api/v1/numbers/{e164}"  # template, see sources::http_json
//! header_name = "Authorization"        # auth header (optional) …
//! header_env = "COMPLAINTS_TOKEN"      # … its value's variable …
//! header_prefix = "Bearer "            # … and a prefix put before it (optional)
//! country_code = "49"                  # for {national} (optional)
//! trunk_prefix = "0"                   # for {national} (default "0")
//! [sources.mapping]
//! score_pointer = "/data/score"        # RFC 6901 JSON pointers
//! label_pointer = "/data/category"
//! comments_pointer = "/data/complaints"
//! votes_pointer = "/data/reports"
//! score_min = 0                        # the score's scale (default 0–100)
//! score_max = 100
//! spam_at = 70                         # thresholds (defaults 70 / 40 / none)
//! suspicious_at = 40
//! legitimate_at = 10
//! ```
//!
//! [`Config::from_toml`] checks everything that needs neither network nor
//! environment ([`Config::validate`]) before it returns, so a broken source
//! config is an error even when the sources are not asked. Unknown keys inside
//! `[[sources]]`, `[sources.mapping]`, `[cache]` and `[backoff]` are errors with
//! their line and a "did you mean" hint; unknown top-level keys are ignored, so
//! this can live in a larger file (e.g. next to the CLI's list-file paths).
//! A credential variable that is not set is *not* a config error: that source
//! reports `config_error` at lookup time and the others are still asked.

mod check;
mod keys;
pub mod suggest;

pub(crate) use check::{HeaderPlan, Partner, PhoneBlockLogin, SourcePlan, Target};

use crate::error::ConfigError;
use crate::sources::http_json::Mapping;
use crate::sources::tellows::TellowsAuth;
use serde::{Deserialize, Serialize};
use toml::de::DeTable;

/// Default overall deadline in milliseconds.
pub const DEFAULT_DEADLINE_MS: u64 = 1500;
/// Default per-source timeout in milliseconds.
pub const DEFAULT_TIMEOUT_MS: u64 = 1000;
/// Longest per-source timeout or deadline accepted, in milliseconds.
pub const MAX_TIMEOUT_MS: u64 = 60_000;

/// The whole online configuration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Config {
    /// Overall deadline for one lookup, in milliseconds.
    #[serde(default = "default_deadline")]
    pub deadline_ms: u64,
    /// Cap on a response body, in bytes.
    #[serde(default = "default_max_body")]
    pub max_body_bytes: usize,
    /// Answer cache settings.
    #[serde(default)]
    pub cache: CacheConfig,
    /// Circuit-breaker settings.
    #[serde(default)]
    pub backoff: BackoffConfig,
    /// The sources to ask, in report order.
    #[serde(default)]
    pub sources: Vec<SourceConfig>,
}

/// `[cache]`: answer cache settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CacheConfig {
    /// Most answers kept (source × number); 0 disables the cache.
    #[serde(default = "default_cache_entries")]
    pub max_entries: usize,
    /// Seconds an answer is reused; 0 disables the cache.
    #[serde(default = "default_ttl")]
    pub ttl_secs: u64,
}

/// `[backoff]`: circuit-breaker settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct BackoffConfig {
    /// Consecutive failures before a source is paused; 0 disables backoff.
    #[serde(default = "default_failures")]
    pub failures: u32,
    /// First pause in milliseconds; doubled per further failure.
    #[serde(default = "default_base_ms")]
    pub base_ms: u64,
    /// Longest pause in milliseconds.
    #[serde(default = "default_max_ms")]
    pub max_ms: u64,
}

/// One `[[sources]]` entry. Kind-specific keys are optional here and checked
/// by [`Config::validate`] against the `kind`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SourceConfig {
    /// Unique name shown in reports.
    pub name: String,
    /// `tellows`, `phoneblock` or `http_json`.
    pub kind: String,
    /// Base URL (tellows, phoneblock) or URL template (http_json).
    pub url: String,
    /// This source's timeout in milliseconds.
    #[serde(default = "default_timeout")]
    pub timeout_ms: u64,
    /// Only numbers starting with one of these E.164 prefixes are asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prefixes: Vec<String>,
    /// tellows: partner id (not a secret).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<String>,
    /// tellows: variable holding the partner id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_env: Option<String>,
    /// tellows: variable holding the API key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key_env: Option<String>,
    /// tellows: how the key is sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_mode: Option<TellowsAuth>,
    /// phoneblock: variable holding the Basic-auth user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_env: Option<String>,
    /// phoneblock: variable holding the Basic-auth password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password_env: Option<String>,
    /// phoneblock: variable holding a bearer token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_env: Option<String>,
    /// http_json: auth header name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_name: Option<String>,
    /// http_json: variable holding the auth header's value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_env: Option<String>,
    /// http_json: text put before the variable's value (e.g. `"Bearer "`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_prefix: Option<String>,
    /// http_json: country calling code for `{national}` (e.g. `"49"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// http_json: trunk prefix for `{national}` (default `"0"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trunk_prefix: Option<String>,
    /// http_json: where to find score, label and counts in the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mapping: Option<Mapping>,
    /// The 1-based line where this entry starts, when read by [`Config::from_toml`]
    /// (for error messages; not a config key).
    #[serde(skip)]
    pub line: Option<usize>,
}

impl SourceConfig {
    /// The kind-specific keys that are set, by name.
    pub(crate) fn set_keys(&self) -> Vec<&'static str> {
        let mut keys = Vec::new();
        let mut note = |name: &'static str, set: bool| {
            if set {
                keys.push(name);
            }
        };
        note("partner", self.partner.is_some());
        note("partner_env", self.partner_env.is_some());
        note("api_key_env", self.api_key_env.is_some());
        note("auth_mode", self.auth_mode.is_some());
        note("user_env", self.user_env.is_some());
        note("password_env", self.password_env.is_some());
        note("token_env", self.token_env.is_some());
        note("header_name", self.header_name.is_some());
        note("header_env", self.header_env.is_some());
        note("header_prefix", self.header_prefix.is_some());
        note("country_code", self.country_code.is_some());
        note("trunk_prefix", self.trunk_prefix.is_some());
        note("mapping", self.mapping.is_some());
        keys
    }
}

impl Config {
    /// Parses a TOML text and validates it ([`Config::validate`]). Errors name
    /// the line; they never quote the line's text (it may hold a credential).
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let syntax = |e: toml::de::Error| ConfigError::Syntax {
            line: e.span().map(|span| keys::line_of(text, span.start)),
            message: e.message().trim().to_string(),
        };
        let doc = DeTable::parse(text).map_err(syntax)?;
        keys::check_unknown_keys(doc.get_ref(), text)?;
        let mut config: Config = toml::from_str(text).map_err(syntax)?;
        for (source, line) in config
            .sources
            .iter_mut()
            .zip(keys::source_lines(doc.get_ref(), text))
        {
            source.line = line;
        }
        config.validate()?;
        Ok(config)
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            deadline_ms: DEFAULT_DEADLINE_MS,
            max_body_bytes: default_max_body(),
            cache: CacheConfig::default(),
            backoff: BackoffConfig::default(),
            sources: Vec::new(),
        }
    }
}

impl Default for CacheConfig {
    fn default() -> Self {
        CacheConfig {
            max_entries: default_cache_entries(),
            ttl_secs: default_ttl(),
        }
    }
}

impl Default for BackoffConfig {
    fn default() -> Self {
        BackoffConfig {
            failures: default_failures(),
            base_ms: default_base_ms(),
            max_ms: default_max_ms(),
        }
    }
}

fn default_deadline() -> u64 {
    DEFAULT_DEADLINE_MS
}
fn default_timeout() -> u64 {
    DEFAULT_TIMEOUT_MS
}
fn default_max_body() -> usize {
    crate::http::DEFAULT_MAX_BODY
}
fn default_cache_entries() -> usize {
    10_000
}
fn default_ttl() -> u64 {
    3600
}
fn default_failures() -> u32 {
    3
}
fn default_base_ms() -> u64 {
    30_000
}
fn default_max_ms() -> u64 {
    600_000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_sources() {
        let cfg = Config::from_toml(
            r#"
            own_numbers = "lists/own.csv"
            [[sources]]
            name = "t"
            kind = "tellows"
            url = "https://www.tellows.de"
            api_key_env = "K"
            "#,
        )
        .expect("parses");
        assert_eq!(cfg.deadline_ms, DEFAULT_DEADLINE_MS);
        assert_eq!(cfg.cache.max_entries, 10_000);
        assert_eq!(cfg.sources[0].timeout_ms, DEFAULT_TIMEOUT_MS);
        assert_eq!(cfg.sources[0].set_keys(), vec!["api_key_env"]);
    }

    #[test]
    fn unknown_keys_name_their_line_and_a_hint_but_never_the_value() {
        let text = "deadline_ms = 900\n\n[[sources]]\nname = 't'\nkind = 'tellows'\nurl = 'https://x'\napi_key = 'hunter2'\n";
        let err = Config::from_toml(text).expect_err("unknown key");
        assert_eq!(
            err.to_string(),
            "line 7: source `t`: unknown key `api_key` (did you mean `api_key_env`?)"
        );
        let text = "[cache]\nmax_entires = 5\n";
        assert_eq!(
            Config::from_toml(text).expect_err("typo").to_string(),
            "line 2: [cache]: unknown key `max_entires` (did you mean `max_entries`?)"
        );
        let text = "[[sources]]\nname='c'\nkind='http_json'\nurl='https://x/{e164}'\n[sources.mapping]\nscore_pointr='/s'\n";
        assert_eq!(
            Config::from_toml(text).expect_err("typo").to_string(),
            "line 6: source `c` [sources.mapping]: unknown key `score_pointr` (did you mean `score_pointer`?)"
        );
    }

    #[test]
    fn syntax_errors_name_the_line_without_quoting_it() {
        let text = "[[sources]]\nname = 't'\nkind = \"tellows\nurl = 'hunter2'\n";
        let err = Config::from_toml(text).expect_err("unbalanced quote");
        assert_eq!(err.line(), Some(3), "{err}");
        assert!(!err.to_string().contains("hunter2"), "{err}");
        let err = Config::from_toml("[[sources]]\nname='t'\nkind='tellows'\nurl='https://x'\napi_key_env='K'\ntimeout_ms='fast'\n")
            .expect_err("wrong type");
        assert_eq!(err.line(), Some(6), "{err}");
    }

    #[test]
    fn validation_runs_on_every_parse_and_names_the_source_line() {
        let text =
            "own_numbers = 'x.csv'\n[[sources]]\nname = 't'\nkind = 'telows'\nurl = 'https://x'\n";
        let err = Config::from_toml(text).expect_err("unknown kind");
        assert_eq!(
            err.to_string(),
            "line 3: source `t`: unknown kind `telows` (did you mean `tellows`?) (expected tellows, phoneblock or http_json)"
        );
        let err = Config::from_toml(
            "[[sources]]\nname='t'\nkind='tellows'\nurl='http://example.com'\napi_key_env='K'\n",
        )
        .expect_err("plain http");
        assert!(err.to_string().contains("loopback"), "{err}");
        assert!(Config::from_toml("deadline_ms = 0").is_err());
    }

    #[test]
    fn key_lists_match_the_structs() {
        let full = SourceConfig {
            partner: Some(String::new()),
            partner_env: Some(String::new()),
            api_key_env: Some(String::new()),
            auth_mode: Some(TellowsAuth::Md5Header),
            user_env: Some(String::new()),
            password_env: Some(String::new()),
            token_env: Some(String::new()),
            header_name: Some(String::new()),
            header_env: Some(String::new()),
            header_prefix: Some(String::new()),
            country_code: Some(String::new()),
            trunk_prefix: Some(String::new()),
            mapping: Some(Mapping {
                legitimate_at: Some(1.0),
                score_pointer: Some(String::new()),
                label_pointer: Some(String::new()),
                comments_pointer: Some(String::new()),
                votes_pointer: Some(String::new()),
                ..Mapping::default()
            }),
            prefixes: vec!["+49".into()],
            ..SourceConfig::default()
        };
        let keys_of = |value: toml::Value| -> Vec<String> {
            let mut keys: Vec<String> =
                value.as_table().expect("a table").keys().cloned().collect();
            keys.sort();
            keys
        };
        let sorted = |list: Vec<&str>| -> Vec<String> {
            let mut list: Vec<String> = list.into_iter().map(str::to_string).collect();
            list.sort();
            list
        };
        let all_source_keys = keys::COMMON_KEYS
            .iter()
            .copied()
            .chain(
                crate::sources::SourceKind::ALL
                    .iter()
                    .flat_map(|k| keys::kind_keys(*k).iter().copied()),
            )
            .collect();
        assert_eq!(
            keys_of(toml::Value::try_from(&full).expect("serializes")),
            sorted(all_source_keys)
        );
        assert_eq!(
            keys_of(toml::Value::try_from(full.mapping.as_ref()).expect("serializes")),
            sorted(keys::MAPPING_KEYS.to_vec())
        );
        assert_eq!(
            keys_of(toml::Value::try_from(CacheConfig::default()).expect("serializes")),
            sorted(keys::CACHE_KEYS.to_vec())
        );
        assert_eq!(
            keys_of(toml::Value::try_from(BackoffConfig::default()).expect("serializes")),
            sorted(keys::BACKOFF_KEYS.to_vec())
        );
    }
}
