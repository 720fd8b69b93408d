//! Building an [`Engine`] from a [`Config`]: validation with clear errors,
//! credentials read from the environment (or a caller-given lookup).

use crate::backoff::BackoffPolicy;
use crate::config::{Config, SourceConfig, MAX_TIMEOUT_MS};
use crate::engine::{Engine, EngineOptions};
use crate::error::ConfigError;
use crate::http::HttpClient;
use crate::secret::Secret;
use crate::sources::http_json::{HeaderAuth, HttpJson, NationalForm, PLACEHOLDERS};
use crate::sources::phoneblock::{PhoneBlock, PhoneBlockAuth};
use crate::sources::tellows::Tellows;
use crate::sources::{Source, SourceKind};
use crate::url_policy::check_url;
use reqwest::header::HeaderName;
use reqwest::Url;
use std::collections::HashSet;
use std::time::Duration;

/// Keys each kind may use besides the common ones.
fn allowed_keys(kind: SourceKind) -> &'static [&'static str] {
    match kind {
        SourceKind::Tellows => &["partner", "partner_env", "api_key_env", "auth_mode"],
        SourceKind::Phoneblock => &["user_env", "password_env", "token_env"],
        SourceKind::HttpJson => &[
            "header_name",
            "header_env",
            "header_prefix",
            "country_code",
            "trunk_prefix",
            "mapping",
        ],
    }
}

impl Engine {
    /// Builds an engine from `config`, reading credentials from the process
    /// environment.
    pub fn from_config(config: &Config) -> Result<Engine, ConfigError> {
        Engine::from_config_with_env(config, |var| std::env::var(var).ok())
    }

    /// Builds an engine from `config`, reading the credential variables it
    /// names through `env` (e.g. a map handed over by a browser host).
    pub fn from_config_with_env(
        config: &Config,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Engine, ConfigError> {
        let global = |reason: String| ConfigError::Invalid {
            source_name: "(global)".into(),
            reason,
        };
        if !(1..=MAX_TIMEOUT_MS).contains(&config.deadline_ms) {
            return Err(global(format!(
                "`deadline_ms` must be 1..={MAX_TIMEOUT_MS}"
            )));
        }
        if config.max_body_bytes < 1024 {
            return Err(global("`max_body_bytes` must be at least 1024".into()));
        }
        if config.backoff.base_ms > config.backoff.max_ms {
            return Err(global(
                "`backoff.base_ms` must not exceed `backoff.max_ms`".into(),
            ));
        }
        let client = HttpClient::with_max_body(config.max_body_bytes)
            .map_err(|e| ConfigError::Client(e.message))?;
        let options = EngineOptions {
            deadline: Duration::from_millis(config.deadline_ms),
            cache_entries: config.cache.max_entries,
            cache_ttl: Duration::from_secs(config.cache.ttl_secs),
            backoff: BackoffPolicy {
                failures: config.backoff.failures,
                base: Duration::from_millis(config.backoff.base_ms),
                max: Duration::from_millis(config.backoff.max_ms),
            },
        };
        let mut engine = Engine::new(client, options);
        let mut names = HashSet::new();
        for sc in &config.sources {
            let source = build_source(sc, &env)?;
            if !names.insert(sc.name.clone()) {
                return Err(invalid(sc, "duplicate source name".into()));
            }
            engine.add_source(source, Duration::from_millis(sc.timeout_ms));
        }
        Ok(engine)
    }
}

fn invalid(sc: &SourceConfig, reason: String) -> ConfigError {
    ConfigError::Invalid {
        source_name: sc.name.clone(),
        reason,
    }
}

fn build_source(
    sc: &SourceConfig,
    env: &impl Fn(&str) -> Option<String>,
) -> Result<Box<dyn Source>, ConfigError> {
    if sc.name.trim().is_empty() {
        return Err(invalid(sc, "`name` must not be empty".into()));
    }
    let kind = SourceKind::from_name(&sc.kind).ok_or_else(|| ConfigError::UnknownKind {
        source_name: sc.name.clone(),
        kind: sc.kind.clone(),
    })?;
    if let Some(key) = sc
        .set_keys()
        .into_iter()
        .find(|k| !allowed_keys(kind).contains(k))
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
    let secret = |var: &Option<String>, what: &str| -> Result<Secret, ConfigError> {
        let var = var.as_deref().ok_or_else(|| {
            invalid(
                sc,
                format!("`{what}` is required for kind {}", kind.as_str()),
            )
        })?;
        read_env(sc, env, var)
    };
    let prefixes = sc.prefixes.clone();
    Ok(match kind {
        SourceKind::Tellows => {
            let base = base_url(sc)?;
            let api_key = secret(&sc.api_key_env, "api_key_env")?;
            let partner = match (&sc.partner, &sc.partner_env) {
                (Some(_), Some(_)) => {
                    return Err(invalid(
                        sc,
                        "give `partner` or `partner_env`, not both".into(),
                    ))
                }
                (Some(p), None) => Some(Secret::new(p.clone())),
                (None, Some(var)) => Some(read_env(sc, env, var)?),
                (None, None) => None,
            };
            Box::new(Tellows::new(
                &sc.name,
                base,
                partner,
                api_key,
                sc.auth_mode.unwrap_or_default(),
                prefixes,
            ))
        }
        SourceKind::Phoneblock => {
            let base = base_url(sc)?;
            let auth = match (&sc.user_env, &sc.password_env, &sc.token_env) {
                (Some(_), Some(_), None) => PhoneBlockAuth::Basic {
                    user: secret(&sc.user_env, "user_env")?,
                    password: secret(&sc.password_env, "password_env")?,
                },
                (None, None, Some(_)) => {
                    PhoneBlockAuth::Bearer(secret(&sc.token_env, "token_env")?)
                }
                _ => {
                    return Err(invalid(
                        sc,
                        "phoneblock needs `user_env` + `password_env`, or `token_env` alone".into(),
                    ))
                }
            };
            Box::new(PhoneBlock::new(&sc.name, base, auth, prefixes))
        }
        SourceKind::HttpJson => build_http_json(sc, env, prefixes)?,
    })
}

fn build_http_json(
    sc: &SourceConfig,
    env: &impl Fn(&str) -> Option<String>,
    prefixes: Vec<String>,
) -> Result<Box<dyn Source>, ConfigError> {
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
    {
        return Err(invalid(
            sc,
            "`[sources.mapping]` needs at least one pointer".into(),
        ));
    }
    mapping.validate().map_err(|r| invalid(sc, r))?;
    let auth = match (&sc.header_name, &sc.header_env) {
        (Some(name), Some(var)) => {
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                invalid(
                    sc,
                    format!("`header_name` `{name}` is not a valid header name"),
                )
            })?;
            let value = read_env(sc, env, var)?;
            let prefix = sc.header_prefix.as_deref().unwrap_or("");
            Some(HeaderAuth {
                name,
                value: Secret::new(format!("{prefix}{}", value.expose())),
            })
        }
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
    Ok(Box::new(HttpJson::new(
        &sc.name, &sc.url, national, auth, mapping, prefixes,
    )))
}

fn base_url(sc: &SourceConfig) -> Result<Url, ConfigError> {
    let url = checked_url(sc, &sc.url)?;
    if url.query().is_some() || url.fragment().is_some() {
        return Err(ConfigError::BadUrl {
            source_name: sc.name.clone(),
            reason: "base URL must not have a query or fragment".into(),
        });
    }
    Ok(url)
}

fn checked_url(sc: &SourceConfig, text: &str) -> Result<Url, ConfigError> {
    let bad = |reason: String| ConfigError::BadUrl {
        source_name: sc.name.clone(),
        reason,
    };
    let url = Url::parse(text).map_err(|e| bad(e.to_string()))?;
    check_url(&url).map_err(bad)?;
    Ok(url)
}

fn read_env(
    sc: &SourceConfig,
    env: &impl Fn(&str) -> Option<String>,
    var: &str,
) -> Result<Secret, ConfigError> {
    match env(var) {
        Some(value) if !value.trim().is_empty() => Ok(Secret::new(value.trim().to_string())),
        _ => Err(ConfigError::MissingEnv {
            source_name: sc.name.clone(),
            var: var.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(var: &str) -> Option<String> {
        matches!(var, "KEY" | "USER" | "PASS").then(|| "value".to_string())
    }

    fn build(toml: &str) -> Result<Engine, ConfigError> {
        Engine::from_config_with_env(&Config::from_toml(toml)?, env)
    }

    #[test]
    fn builds_all_kinds() {
        let engine = build(
            r#"
            [[sources]]
            name = "t"
            kind = "tellows"
            url = "https://www.tellows.de"
            api_key_env = "KEY"
            partner = "42"
            [[sources]]
            name = "p"
            kind = "phoneblock"
            url = "http://127.0.0.1:9/"
            user_env = "USER"
            password_env = "PASS"
            [[sources]]
            name = "h"
            kind = "http_json"
            url = "http://localhost:9/n/{national}"
            country_code = "49"
            header_name = "X-Api-Key"
            header_env = "KEY"
            [sources.mapping]
            score_pointer = "/score"
            "#,
        )
        .expect("valid");
        assert_eq!(engine.source_names(), vec!["t", "p", "h"]);
        assert!(!format!("{engine:?}").contains("value"));
    }

    #[test]
    fn clear_errors() {
        let src = |body: &str| format!("[[sources]]\nname = \"s\"\n{body}");
        let cases: [(&str, &str); 9] = [
            ("kind = \"foo\"\nurl = \"https://x\"", "unknown kind `foo`"),
            ("kind = \"tellows\"\nurl = \"https://x\"\napi_key_env = \"NOPE\"", "`NOPE` is not set"),
            ("kind = \"tellows\"\nurl = \"http://example.com\"\napi_key_env = \"KEY\"", "loopback"),
            ("kind = \"tellows\"\nurl = \"https://x\"", "`api_key_env` is required"),
            ("kind = \"tellows\"\nurl = \"https://x\"\napi_key_env = \"KEY\"\ntoken_env = \"KEY\"", "`token_env` is not used by kind tellows"),
            ("kind = \"phoneblock\"\nurl = \"https://x\"\nuser_env = \"USER\"", "needs `user_env` + `password_env`"),
            ("kind = \"http_json\"\nurl = \"https://x/\"", "must contain one of"),
            ("kind = \"http_json\"\nurl = \"https://x/{national}\"\n[sources.mapping]\nscore_pointer = \"/s\"", "needs `country_code`"),
            ("kind = \"tellows\"\nurl = \"https://x\"\napi_key_env = \"KEY\"\ntimeout_ms = 0", "timeout_ms"),
        ];
        for (body, expected) in cases {
            let err = build(&src(body)).expect_err(body).to_string();
            assert!(err.contains(expected), "{err} should contain {expected}");
            assert!(err.contains("`s`"), "{err} names the source");
        }
        let dup =
            "[[sources]]\nname='a'\nkind='tellows'\nurl='https://x'\napi_key_env='KEY'\n".repeat(2);
        assert!(build(&dup)
            .expect_err("dup")
            .to_string()
            .contains("duplicate"));
        assert!(build("deadline_ms = 0").is_err());
    }
}
