//! Validation that needs neither network nor environment: every setting is
//! checked and each source turned into a [`SourcePlan`] — everything needed to
//! build it except the credentials' values, which only the engine reads.

use super::keys::kind_keys;
use super::suggest::did_you_mean;
use super::{Config, SourceConfig, MAX_TIMEOUT_MS};
use crate::error::ConfigError;
use crate::sources::http_json::{Mapping, NationalForm, PLACEHOLDERS};
use crate::sources::tellows::TellowsAuth;
use crate::sources::SourceKind;
use crate::url_policy::check_url;
use reqwest::header::HeaderName;
use reqwest::Url;
use std::collections::HashSet;
use std::time::Duration;

/// A source's checked settings.
#[derive(Debug, Clone)]
pub(crate) struct SourcePlan {
    pub name: String,
    pub timeout: Duration,
    pub prefixes: Vec<String>,
    pub target: Target,
}

/// What to ask and how to authenticate, per kind.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    Tellows {
        base: Url,
        api_key_env: String,
        partner: Option<Partner>,
        auth: TellowsAuth,
    },
    Phoneblock {
        base: Url,
        auth: PhoneBlockLogin,
    },
    HttpJson {
        template: String,
        national: Option<NationalForm>,
        header: Option<HeaderPlan>,
        mapping: Mapping,
    },
}

impl Target {
    /// The adapter kind.
    pub fn kind(&self) -> SourceKind {
        match self {
            Target::Tellows { .. } => SourceKind::Tellows,
            Target::Phoneblock { .. } => SourceKind::Phoneblock,
            Target::HttpJson { .. } => SourceKind::HttpJson,
        }
    }
}

/// The tellows partner id: written in the file, or named by a variable.
#[derive(Debug, Clone)]
pub(crate) enum Partner {
    Literal(String),
    Env(String),
}

/// The variables holding PhoneBlock's credentials.
#[derive(Debug, Clone)]
pub(crate) enum PhoneBlockLogin {
    Basic {
        user_env: String,
        password_env: String,
    },
    Bearer {
        token_env: String,
    },
}

/// An http_json source's auth header: its name, the variable with its value, a prefix.
#[derive(Debug, Clone)]
pub(crate) struct HeaderPlan {
    pub name: HeaderName,
    pub env: String,
    pub prefix: String,
}

impl Config {
    /// Checks every setting without touching the network or the environment:
    /// deadlines, body cap, backoff, and per source its name (unique), kind, keys,
    /// timeout, prefixes, URL (https, or http to loopback only), credential
    /// variable names and mapping. [`Config::from_toml`] always runs it, so a bad
    /// source config is reported even when the sources are not asked.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.plans().map(|_| ())
    }

    /// The checked plan of every source, in order.
    pub(crate) fn plans(&self) -> Result<Vec<SourcePlan>, ConfigError> {
        let global = |reason: String| ConfigError::Invalid {
            source_name: "(global)".into(),
            line: None,
            reason,
        };
        if !(1..=MAX_TIMEOUT_MS).contains(&self.deadline_ms) {
            return Err(global(format!(
                "`deadline_ms` must be 1..={MAX_TIMEOUT_MS}"
            )));
        }
        if self.max_body_bytes < 1024 {
            return Err(global("`max_body_bytes` must be at least 1024".into()));
        }
        if self.backoff.base_ms > self.backoff.max_ms {
            return Err(global(
                "`backoff.base_ms` must not exceed `backoff.max_ms`".into(),
            ));
        }
        let mut names = HashSet::new();
        let mut plans = Vec::with_capacity(self.sources.len());
        for sc in &self.sources {
            let plan = plan(sc)?;
            if !names.insert(sc.name.as_str()) {
                return Err(invalid(sc, "duplicate source name".into()));
            }
            plans.push(plan);
        }
        Ok(plans)
    }
}

fn invalid(sc: &SourceConfig, reason: String) -> ConfigError {
    ConfigError::Invalid {
        source_name: sc.name.clone(),
        line: sc.line,
        reason,
    }
}

fn bad_url(sc: &SourceConfig, reason: String) -> ConfigError {
    ConfigError::BadUrl {
        source_name: sc.name.clone(),
        line: sc.line,
        reason,
    }
}

/// The `kind` of `sc` names no adapter a configuration can build.
fn unknown_kind(sc: &SourceConfig) -> ConfigError {
    ConfigError::UnknownKind {
        source_name: sc.name.clone(),
        kind: sc.kind.clone(),
        line: sc.line,
        hint: did_you_mean(&sc.kind, &SourceKind::ALL.map(SourceKind::as_str)).map(str::to_string),
    }
}

fn plan(sc: &SourceConfig) -> Result<SourcePlan, ConfigError> {
    if sc.name.trim().is_empty() {
        return Err(invalid(sc, "`name` must not be empty".into()));
    }
    let kind = SourceKind::from_name(&sc.kind).ok_or_else(|| unknown_kind(sc))?;
    if let Some(key) = sc
        .set_keys()
        .into_iter()
        .find(|k| !kind_keys(kind).contains(k))
    {
        return Err(invalid(
            sc,
            format!("`{key}` is not used by kind {}", kind.as_str()),
        ));
    }
    if !(1..=MAX_TIMEOUT_MS).contains(&sc.timeout_ms) {
        return Err(invalid(
            sc,
            format!("`timeout_ms` must be 1..={MAX_TIMEOUT_MS}"),
        ));
    }
    for p in &sc.prefixes {
        let digits = p.strip_prefix('+').unwrap_or("");
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid(
                sc,
                format!("prefix `{p}` must be `+` followed by digits"),
            ));
        }
    }
    let target = match kind {
        SourceKind::Tellows => Target::Tellows {
            base: base_url(sc)?,
            api_key_env: required_var(sc, &sc.api_key_env, "api_key_env", kind)?,
            partner: match (&sc.partner, &sc.partner_env) {
                (Some(_), Some(_)) => {
                    return Err(invalid(
                        sc,
                        "give `partner` or `partner_env`, not both".into(),
                    ))
                }
                (Some(p), None) => Some(Partner::Literal(p.clone())),
                (None, Some(var)) => Some(Partner::Env(var_name(sc, var, "partner_env")?)),
                (None, None) => None,
            },
            auth: sc.auth_mode.unwrap_or_default(),
        },
        SourceKind::Phoneblock => Target::Phoneblock {
            base: base_url(sc)?,
            auth: match (&sc.user_env, &sc.password_env, &sc.token_env) {
                (Some(user), Some(password), None) => PhoneBlockLogin::Basic {
                    user_env: var_name(sc, user, "user_env")?,
                    password_env: var_name(sc, password, "password_env")?,
                },
                (None, None, Some(token)) => PhoneBlockLogin::Bearer {
                    token_env: var_name(sc, token, "token_env")?,
                },
                _ => {
                    return Err(invalid(
                        sc,
                        "phoneblock needs `user_env` + `password_env`, or `token_env` alone".into(),
                    ))
                }
            },
        },
        SourceKind::HttpJson => http_json_target(sc)?,
        // `from_name` never names it: a custom source is added in code.
        SourceKind::Custom => return Err(unknown_kind(sc)),
    };
    Ok(SourcePlan {
        name: sc.name.clone(),
        timeout: Duration::from_millis(sc.timeout_ms),
        prefixes: sc.prefixes.clone(),
        target,
    })
}

fn http_json_target(sc: &SourceConfig) -> Result<Target, ConfigError> {
    if !PLACEHOLDERS.iter().any(|p| sc.url.contains(p)) {
        return Err(invalid(
            sc,
            format!("`url` must contain one of {}", PLACEHOLDERS.join(", ")),
        ));
    }
    // Check the URL with a sample number put in.
    let sample = PLACEHOLDERS
        .iter()
        .fold(sc.url.clone(), |acc, p| acc.replace(p, "4930123456"));
    checked_url(sc, &sample)?;
    let mapping = sc.mapping.clone().unwrap_or_default();
    if mapping.score_pointer.is_none()
        && mapping.label_pointer.is_none()
        && mapping.comments_pointer.is_none()
        && mapping.votes_pointer.is_none()
    {
        return Err(invalid(
            sc,
            "`[sources.mapping]` needs at least one pointer".into(),
        ));
    }
    mapping.validate().map_err(|r| invalid(sc, r))?;
    let header = match (&sc.header_name, &sc.header_env) {
        (Some(name), Some(var)) => Some(HeaderPlan {
            name: HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                invalid(
                    sc,
                    format!("`header_name` `{name}` is not a valid header name"),
                )
            })?,
            env: var_name(sc, var, "header_env")?,
            prefix: sc.header_prefix.clone().unwrap_or_default(),
        }),
        (None, None) if sc.header_prefix.is_none() => None,
        _ => {
            return Err(invalid(
                sc,
                "`header_name` and `header_env` go together".into(),
            ))
        }
    };
    let national = match &sc.country_code {
        Some(cc) => {
            if cc.is_empty() || cc.len() > 3 || !cc.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid(
                    sc,
                    "`country_code` must be 1–3 digits without +".into(),
                ));
            }
            let trunk = sc.trunk_prefix.clone().unwrap_or_else(|| "0".into());
            if !trunk.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid(sc, "`trunk_prefix` must be digits".into()));
            }
            Some(NationalForm {
                country_code: cc.clone(),
                trunk_prefix: trunk,
            })
        }
        None if sc.url.contains("{national}") => {
            return Err(invalid(sc, "`{national}` needs `country_code`".into()));
        }
        None => None,
    };
    Ok(Target::HttpJson {
        template: sc.url.clone(),
        national,
        header,
        mapping,
    })
}

/// A credential variable that the kind requires.
fn required_var(
    sc: &SourceConfig,
    var: &Option<String>,
    key: &str,
    kind: SourceKind,
) -> Result<String, ConfigError> {
    match var {
        Some(var) => var_name(sc, var, key),
        None => Err(invalid(
            sc,
            format!("`{key}` is required for kind {}", kind.as_str()),
        )),
    }
}

/// An environment variable's name: letters, digits and `_`, not starting with a digit.
fn var_name(sc: &SourceConfig, var: &str, key: &str) -> Result<String, ConfigError> {
    let valid = var.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && var.bytes().next().is_some_and(|b| !b.is_ascii_digit());
    if valid {
        Ok(var.to_string())
    } else {
        Err(invalid(
            sc,
            format!(
                "`{key}` names an environment variable (letters, digits, `_`); \
                 the credential itself never goes into the file"
            ),
        ))
    }
}

fn base_url(sc: &SourceConfig) -> Result<Url, ConfigError> {
    let url = checked_url(sc, &sc.url)?;
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad_url(
            sc,
            "base URL must not have a query or fragment".into(),
        ));
    }
    if url.cannot_be_a_base() {
        return Err(bad_url(sc, "base URL cannot take a path".into()));
    }
    Ok(url)
}

fn checked_url(sc: &SourceConfig, text: &str) -> Result<Url, ConfigError> {
    let url = Url::parse(text).map_err(|e| bad_url(sc, e.to_string()))?;
    check_url(&url).map_err(|why| bad_url(sc, why))?;
    Ok(url)
}
