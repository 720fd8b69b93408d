//! Building an [`Engine`] from a [`Config`]: the config is validated
//! ([`Config::validate`]); then each source's credentials are read from the
//! environment (or a caller-given lookup). A credential that is missing or
//! unusable does not stop the build: that source is put in as
//! [`Unconfigured`] and reports `config_error` on every lookup.

use crate::backoff::BackoffPolicy;
use crate::config::{Config, HeaderPlan, Partner, PhoneBlockLogin, SourcePlan, Target};
use crate::engine::{Engine, EngineOptions};
use crate::error::{ConfigError, SourceProblem};
use crate::http::HttpClient;
use crate::secret::Secret;
use crate::sources::http_json::{HeaderAuth, HttpJson};
use crate::sources::phoneblock::{PhoneBlock, PhoneBlockAuth};
use crate::sources::tellows::Tellows;
use crate::sources::{Source, Unconfigured};
use reqwest::header::HeaderValue;
use std::time::Duration;

impl Engine {
    /// Builds an engine from `config`, reading credentials from the process
    /// environment. Fails only for a config that is wrong in itself; a
    /// credential variable that is not set makes that one source report
    /// `config_error`.
    pub fn from_config(config: &Config) -> Result<Engine, ConfigError> {
        Engine::from_config_with_env(config, |var| std::env::var(var).ok())
    }

    /// Builds an engine from `config`, reading the credential variables it
    /// names through `env` (e.g. a map handed over by a browser host).
    pub fn from_config_with_env(
        config: &Config,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Engine, ConfigError> {
        let plans = config.plans()?;
        let client = HttpClient::with_max_body(config.max_body_bytes)?;
        let backoff = BackoffPolicy::new()
            .failures(config.backoff.failures)
            .pauses(
                Duration::from_millis(config.backoff.base_ms),
                Duration::from_millis(config.backoff.max_ms),
            );
        let options = EngineOptions::new()
            .deadline(Duration::from_millis(config.deadline_ms))
            .cache(
                config.cache.max_entries,
                Duration::from_secs(config.cache.ttl_secs),
            )
            .backoff(backoff);
        let mut engine = Engine::new(client, options);
        for plan in plans {
            let source = build_source(&plan, &env).unwrap_or_else(|problem| {
                Box::new(Unconfigured::new(&plan.name, plan.target.kind(), problem))
            });
            engine.add_source(source, plan.timeout);
        }
        Ok(engine)
    }
}

fn build_source(
    plan: &SourcePlan,
    env: &impl Fn(&str) -> Option<String>,
) -> Result<Box<dyn Source>, SourceProblem> {
    let prefixes = plan.prefixes.clone();
    Ok(match &plan.target {
        Target::Tellows {
            base,
            api_key_env,
            partner,
            auth,
        } => {
            let api_key = read_env(env, api_key_env)?;
            let partner = match partner {
                Some(Partner::Literal(p)) => Some(Secret::new(p.clone())),
                Some(Partner::Env(var)) => Some(read_env(env, var)?),
                None => None,
            };
            Box::new(Tellows::new(
                &plan.name,
                base.clone(),
                partner,
                api_key,
                *auth,
                prefixes,
            ))
        }
        Target::Phoneblock { base, auth } => {
            let auth = match auth {
                PhoneBlockLogin::Basic {
                    user_env,
                    password_env,
                } => PhoneBlockAuth::Basic {
                    user: read_env(env, user_env)?,
                    password: read_env(env, password_env)?,
                },
                PhoneBlockLogin::Bearer { token_env } => {
                    PhoneBlockAuth::Bearer(header_safe(read_env(env, token_env)?, token_env)?)
                }
            };
            Box::new(PhoneBlock::new(&plan.name, base.clone(), auth, prefixes))
        }
        Target::HttpJson {
            template,
            national,
            header,
            mapping,
        } => {
            let auth = match header {
                Some(HeaderPlan {
                    name,
                    env: var,
                    prefix,
                }) => {
                    let value = read_env(env, var)?;
                    let value = Secret::new(format!("{prefix}{}", value.expose()));
                    // The name was checked with the configuration, the value here with
                    // its variable's name for the message.
                    Some(HeaderAuth::new(name.as_str(), header_safe(value, var)?)?)
                }
                None => None,
            };
            Box::new(HttpJson::new(
                &plan.name,
                template,
                national.clone(),
                auth,
                mapping.clone(),
                prefixes,
            ))
        }
    })
}

/// The trimmed value of `var`; a missing or empty variable is a problem naming it.
fn read_env(env: &impl Fn(&str) -> Option<String>, var: &str) -> Result<Secret, SourceProblem> {
    match env(var) {
        Some(value) if !value.trim().is_empty() => Ok(Secret::new(value.trim().to_string())),
        _ => Err(SourceProblem::MissingCredential {
            var: var.to_string(),
        }),
    }
}

/// `value` if HTTP allows it in a header, else a problem naming `var`.
fn header_safe(value: Secret, var: &str) -> Result<Secret, SourceProblem> {
    if HeaderValue::from_str(value.expose()).is_ok() {
        Ok(value)
    } else {
        Err(SourceProblem::BadCredential {
            var: Some(var.to_string()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(var: &str) -> Option<String> {
        match var {
            "KEY" | "USER" | "PASS" => Some("value".to_string()),
            "BROKEN" => Some("line\nbreak".to_string()),
            _ => None,
        }
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
    fn a_missing_or_broken_credential_does_not_stop_the_build() {
        let engine = build(
            "[[sources]]\nname='t'\nkind='tellows'\nurl='https://x'\napi_key_env='NOPE'\n\
             [[sources]]\nname='p'\nkind='phoneblock'\nurl='https://x'\ntoken_env='BROKEN'\n",
        )
        .expect("builds");
        assert_eq!(engine.source_names(), vec!["t", "p"]);
    }

    #[test]
    fn clear_errors() {
        let src = |body: &str| format!("[[sources]]\nname = \"s\"\n{body}");
        let cases: [(&str, &str); 9] = [
            ("kind = \"foo\"\nurl = \"https://x\"", "unknown kind `foo`"),
            ("kind = \"tellows\"\nurl = \"https://x\"\napi_key_env = \"my key!\"", "names an environment variable"),
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
            assert!(err.starts_with("line 2: "), "{err} names the line");
            assert!(!err.contains("my key!"), "{err} quotes no credential");
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
