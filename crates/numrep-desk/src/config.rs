//! The desk's part of `numrep.toml`: a `[server]` table and `[[alerts]]` rules.
//! Other keys of the file (lists, online sources) belong to the lookup and are
//! ignored here; inside `[server]` and `[[alerts]]` unknown keys are errors.
//!
//! ```toml
//! [server]
//! listen = "127.0.0.1:8080"
//! database_url = "sqlite://numrep-desk.db"
//! retention_days = 180
//! customer_secret_env = "NUMREP_DESK_SECRET"
//! cors_origins = ["https://console.example.com"]
//! alert_webhook = "https://alerts.example.com/hook"
//! [[server.tokens]]
//! name = "agent console"
//! role = "agent"
//! token_env = "NUMREP_AGENT_TOKEN"
//!
//! [[alerts]]
//! group_by = "number"
//! window = "48h"
//! min_complaints = 5
//! min_customers = 3
//! ```
//!
//! Without `[[alerts]]` the shipped rules apply ([`Rule::defaults`]); with them,
//! exactly the listed ones.
//!
//! The structs are `#[non_exhaustive]` (a new key is no breaking change): read them
//! with [`DeskConfig::from_toml`], or start from `DeskConfig::default()` /
//! `ServerConfig::default()` and assign fields; a token is [`TokenConfig::new`]. Alert
//! rules made in code are [`Rule`]s; [`RuleConfig`] is only what the file says.

use std::net::SocketAddr;

use serde::Deserialize;

use crate::keys::GroupBy;
use crate::rules::{Rule, RuleKind, DEFAULT_MIN_RATE_PER_DAY};
use crate::time::parse_window;

/// The desk's keys of the config file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct DeskConfig {
    /// `[server]`.
    #[serde(default)]
    pub server: ServerConfig,
    /// `[[alerts]]`; `None` means the shipped rules.
    #[serde(default)]
    pub alerts: Option<Vec<RuleConfig>>,
}

/// `[server]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ServerConfig {
    /// Where to listen (default `127.0.0.1:8080`).
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    /// `sqlite://FILE` or `postgres://…` (the `--db` flag overrides it).
    #[serde(default)]
    pub database_url: Option<String>,
    /// Bearer tokens; none means no authentication (allowed on loopback only).
    #[serde(default)]
    pub tokens: Vec<TokenConfig>,
    /// Origins of agent consoles allowed to call the API from a browser.
    #[serde(default)]
    pub cors_origins: Vec<String>,
    /// Complaints older than this are deleted (default 180).
    #[serde(default = "default_retention_days")]
    pub retention_days: u32,
    /// The environment variable holding the customer-ref secret.
    #[serde(default = "default_secret_env")]
    pub customer_secret_env: String,
    /// Where each new alert is posted as JSON.
    #[serde(default)]
    pub alert_webhook: Option<String>,
    /// A directory served at `/` (the agent console), if any.
    #[serde(default)]
    pub www_dir: Option<std::path::PathBuf>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            listen: default_listen(),
            database_url: None,
            tokens: Vec::new(),
            cors_origins: Vec::new(),
            retention_days: default_retention_days(),
            customer_secret_env: default_secret_env(),
            alert_webhook: None,
            www_dir: None,
        }
    }
}

/// `[[server.tokens]]`: a bearer token, named, with a role, read from the environment.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TokenConfig {
    /// Who holds it (shown in logs instead of the token).
    pub name: String,
    /// What it may do.
    pub role: Role,
    /// The environment variable holding the token.
    pub token_env: String,
}

impl TokenConfig {
    /// A token named `name` with `role`, read from the environment variable `token_env`.
    pub fn new(name: impl Into<String>, role: Role, token_env: impl Into<String>) -> Self {
        TokenConfig {
            name: name.into(),
            role,
            token_env: token_env.into(),
        }
    }
}

/// What a token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Role {
    /// Record complaints, look up numbers, read alerts.
    Agent,
    /// Everything, plus listing, deleting, erasure and export.
    Admin,
}

/// `[[alerts]]`: one rule.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RuleConfig {
    /// Name shown in alerts (default `<group_by>_<type>`, numbered when repeated).
    #[serde(default)]
    pub name: Option<String>,
    /// `threshold` (default) or `surprise`.
    #[serde(default, rename = "type")]
    pub kind: RuleType,
    /// `number`, `range` or `vendor`.
    pub group_by: GroupBy,
    /// Default `48h`.
    #[serde(default = "default_window")]
    pub window: String,
    /// Complaints needed in the window.
    pub min_complaints: u64,
    /// Distinct customers needed (threshold rules; default 0).
    #[serde(default)]
    pub min_customers: u64,
    /// Baseline period before the window (surprise rules; default `28d`).
    #[serde(default)]
    pub baseline: Option<String>,
    /// Probability below which a count is a surprise (default 1e-6).
    #[serde(default)]
    pub max_p: Option<f64>,
    /// Floor of the baseline rate per day (default 0.5).
    #[serde(default)]
    pub min_rate_per_day: Option<f64>,
}

/// The kind of a configured rule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RuleType {
    /// Count (and distinct customers) at or above a threshold.
    #[default]
    Threshold,
    /// Improbable against the key's own baseline.
    Surprise,
}

impl DeskConfig {
    /// Reads the desk's keys from the config file's text.
    pub fn from_toml(text: &str) -> Result<DeskConfig, String> {
        toml::from_str(text).map_err(|e| e.message().to_string())
    }

    /// The alert rules: the configured ones, or the shipped defaults.
    pub fn rules(&self) -> Result<Vec<Rule>, String> {
        let Some(configured) = &self.alerts else {
            return Ok(Rule::defaults());
        };
        let mut rules: Vec<Rule> = Vec::with_capacity(configured.len());
        for (i, c) in configured.iter().enumerate() {
            let rule = c
                .to_rule()
                .map_err(|e| format!("[[alerts]] #{}: {e}", i + 1))?;
            rules.push(rule);
        }
        number_repeated_names(&mut rules, configured);
        let mut names: Vec<&str> = rules.iter().map(|r| r.name.as_str()).collect();
        names.sort_unstable();
        if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
            return Err(format!("[[alerts]]: the name {:?} is used twice", w[0]));
        }
        Ok(rules)
    }
}

impl RuleConfig {
    fn to_rule(&self) -> Result<Rule, String> {
        let window = parse_window(&self.window)?;
        if self.min_complaints == 0 {
            return Err("min_complaints must be at least 1".into());
        }
        let kind = match self.kind {
            RuleType::Threshold => {
                if self.baseline.is_some()
                    || self.max_p.is_some()
                    || self.min_rate_per_day.is_some()
                {
                    return Err(
                        "baseline, max_p and min_rate_per_day belong to type = \"surprise\"".into(),
                    );
                }
                RuleKind::Threshold {
                    min_complaints: self.min_complaints,
                    min_customers: self.min_customers,
                }
            }
            RuleType::Surprise => {
                if self.min_customers > 0 {
                    return Err("min_customers belongs to threshold rules".into());
                }
                let max_p = self.max_p.unwrap_or(1e-6);
                if !(max_p > 0.0 && max_p < 1.0) {
                    return Err(format!("max_p must lie between 0 and 1, not {max_p}"));
                }
                let min_rate_per_day = self.min_rate_per_day.unwrap_or(DEFAULT_MIN_RATE_PER_DAY);
                if !(min_rate_per_day > 0.0 && min_rate_per_day.is_finite()) {
                    return Err("min_rate_per_day must be above 0".into());
                }
                RuleKind::Surprise {
                    baseline: parse_window(self.baseline.as_deref().unwrap_or("28d"))?,
                    max_p,
                    min_complaints: self.min_complaints,
                    min_rate_per_day,
                }
            }
        };
        let kind_name = match self.kind {
            RuleType::Threshold => "burst",
            RuleType::Surprise => "surprise",
        };
        Ok(Rule {
            name: self
                .name
                .clone()
                .unwrap_or_else(|| format!("{}_{kind_name}", self.group_by.as_str())),
            group_by: self.group_by,
            window,
            kind,
        })
    }
}

/// Unnamed rules sharing a default name get `_2`, `_3` … in order.
fn number_repeated_names(rules: &mut [Rule], configured: &[RuleConfig]) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (rule, c) in rules.iter_mut().zip(configured) {
        if c.name.is_some() {
            continue;
        }
        let n = seen.entry(rule.name.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            rule.name = format!("{}_{}", rule.name, n);
        }
    }
}

fn default_listen() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 8080))
}

fn default_retention_days() -> u32 {
    180
}

fn default_secret_env() -> String {
    "NUMREP_DESK_SECRET".to_string()
}

fn default_window() -> String {
    "48h".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{DAY, HOUR};

    #[test]
    fn empty_file_gives_defaults() {
        let c = DeskConfig::from_toml("own_numbers = \"own.csv\"\n[[sources]]\nname = \"x\"\n")
            .unwrap();
        assert_eq!(c.server, ServerConfig::default());
        assert_eq!(c.server.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.server.retention_days, 180);
        assert_eq!(c.rules().unwrap(), Rule::defaults());
    }

    #[test]
    fn full_server_table_and_rules() {
        let text = r#"
            [server]
            listen = "0.0.0.0:9000"
            retention_days = 30
            cors_origins = ["https://console.example.com"]
            alert_webhook = "http://127.0.0.1:9999/hook"
            [[server.tokens]]
            name = "console"
            role = "agent"
            token_env = "T1"
            [[server.tokens]]
            name = "ops"
            role = "admin"
            token_env = "T2"

            [[alerts]]
            group_by = "number"
            window = "24h"
            min_complaints = 3
            min_customers = 2
            [[alerts]]
            group_by = "number"
            min_complaints = 7
            [[alerts]]
            type = "surprise"
            group_by = "vendor"
            min_complaints = 5
            baseline = "14d"
            max_p = 1e-9
        "#;
        let c = DeskConfig::from_toml(text).unwrap();
        assert_eq!(c.server.tokens.len(), 2);
        assert_eq!(c.server.tokens[1].role, Role::Admin);
        let rules = c.rules().unwrap();
        assert_eq!(rules[0].name, "number_burst");
        assert_eq!(rules[0].window, 24 * HOUR);
        assert_eq!(rules[1].name, "number_burst_2");
        assert_eq!(rules[1].window, 48 * HOUR);
        assert_eq!(rules[2].name, "vendor_surprise");
        assert_eq!(rules[2].baseline(), Some(14 * DAY));
    }

    #[test]
    fn mistakes_are_reported() {
        let bad = [
            ("[server]\nlisten = \"nowhere\"\n", "invalid socket address"),
            ("[server]\nport = 8080\n", "unknown field `port`"),
            (
                "[[server.tokens]]\nname = \"a\"\nrole = \"root\"\ntoken_env = \"T\"\n",
                "unknown variant `root`",
            ),
        ];
        for (text, want) in bad {
            let err = DeskConfig::from_toml(text).unwrap_err();
            assert!(err.contains(want), "{text}: {err}");
        }
        let rule_errors = [
            ("group_by = \"number\"\nmin_complaints = 0\n", "at least 1"),
            ("group_by = \"range\"\nmin_complaints = 2\nwindow = \"forever\"\n", "not a duration"),
            ("group_by = \"range\"\nmin_complaints = 2\nmax_p = 0.1\n", "belong to type"),
            ("type = \"surprise\"\ngroup_by = \"range\"\nmin_complaints = 2\nmax_p = 2.0\n", "between 0 and 1"),
            ("name = \"a\"\ngroup_by = \"range\"\nmin_complaints = 2\n[[alerts]]\nname = \"a\"\ngroup_by = \"number\"\nmin_complaints = 1\n", "used twice"),
        ];
        for (body, want) in rule_errors {
            let c = DeskConfig::from_toml(&format!("[[alerts]]\n{body}")).unwrap();
            let err = c.rules().unwrap_err();
            assert!(err.contains(want), "{body}: {err}");
        }
    }
}
