//! Bearer tokens from the config (`[[server.tokens]]`, each read from the
//! environment variable it names). Tokens are kept only as SHA-256 digests and
//! compared in constant time, every configured token every time.

use axum::http::HeaderMap;
use numrep_desk::{Role, TokenConfig};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The shortest accepted token, in bytes.
pub const MIN_TOKEN_BYTES: usize = 16;

/// Why the tokens cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TokenError {
    /// The environment variable is unset or empty.
    #[error("token {name:?}: the environment variable {env} is not set")]
    Missing {
        /// The token's name.
        name: String,
        /// The variable.
        env: String,
    },
    /// Too short to resist guessing.
    #[error("token {name:?}: the value in {env} has fewer than {MIN_TOKEN_BYTES} bytes")]
    TooShort {
        /// The token's name.
        name: String,
        /// The variable.
        env: String,
    },
    /// Two entries hold the same token.
    #[error("tokens {0:?} and {1:?} have the same value")]
    Duplicate(String, String),
}

/// Who a request is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The token's name (`open` without authentication).
    pub name: String,
    /// What it may do.
    pub role: Role,
}

/// Why a request is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// No or an unknown token (401).
    Unauthenticated,
    /// A known token without the role (403).
    Forbidden,
}

/// The configured tokens.
#[derive(Clone, Default)]
pub struct Tokens {
    entries: Vec<(String, Role, [u8; 32])>,
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.entries.iter().map(|(n, _, _)| n.as_str()).collect();
        f.debug_struct("Tokens").field("names", &names).finish()
    }
}

impl Tokens {
    /// Reads each token from its environment variable through `env`.
    pub fn from_config(
        configs: &[TokenConfig],
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Tokens, TokenError> {
        let mut entries: Vec<(String, Role, [u8; 32])> = Vec::with_capacity(configs.len());
        for c in configs {
            let value =
                env(&c.token_env)
                    .filter(|v| !v.is_empty())
                    .ok_or_else(|| TokenError::Missing {
                        name: c.name.clone(),
                        env: c.token_env.clone(),
                    })?;
            if value.len() < MIN_TOKEN_BYTES {
                return Err(TokenError::TooShort {
                    name: c.name.clone(),
                    env: c.token_env.clone(),
                });
            }
            let digest: [u8; 32] = Sha256::digest(value.as_bytes()).into();
            if let Some((other, _, _)) = entries.iter().find(|(_, _, d)| *d == digest) {
                return Err(TokenError::Duplicate(other.clone(), c.name.clone()));
            }
            entries.push((c.name.clone(), c.role, digest));
        }
        Ok(Tokens { entries })
    }

    /// True when no token is configured (every request is admin; loopback only).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Checks a request's `Authorization: Bearer …` for `needed`.
    pub fn check(&self, headers: &HeaderMap, needed: Role) -> Result<Caller, Denied> {
        if self.entries.is_empty() {
            return Ok(Caller {
                name: "open".into(),
                role: Role::Admin,
            });
        }
        let presented = headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or(Denied::Unauthenticated)?;
        let digest: [u8; 32] = Sha256::digest(presented.as_bytes()).into();
        let mut found: Option<&(String, Role, [u8; 32])> = None;
        for entry in &self.entries {
            if bool::from(entry.2.ct_eq(&digest)) {
                found = Some(entry);
            }
        }
        let (name, role, _) = found.ok_or(Denied::Unauthenticated)?;
        if *role < needed {
            return Err(Denied::Forbidden);
        }
        Ok(Caller {
            name: name.clone(),
            role: *role,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn tokens() -> Tokens {
        let configs = [
            TokenConfig::new("console", Role::Agent, "A"),
            TokenConfig::new("ops", Role::Admin, "B"),
        ];
        Tokens::from_config(&configs, |name| {
            Some(format!("{name}-token-0123456789abcdef"))
        })
        .unwrap()
    }

    fn bearer(token: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            axum::http::header::AUTHORIZATION,
            HeaderValue::from_str(&format!("Bearer {token}")).unwrap(),
        );
        h
    }

    #[test]
    fn roles_and_refusals() {
        let t = tokens();
        let agent = bearer("A-token-0123456789abcdef");
        let admin = bearer("B-token-0123456789abcdef");
        assert_eq!(t.check(&agent, Role::Agent).unwrap().name, "console");
        assert_eq!(t.check(&agent, Role::Admin), Err(Denied::Forbidden));
        assert_eq!(t.check(&admin, Role::Admin).unwrap().role, Role::Admin);
        assert_eq!(t.check(&admin, Role::Agent).unwrap().name, "ops");
        assert_eq!(
            t.check(&HeaderMap::new(), Role::Agent),
            Err(Denied::Unauthenticated)
        );
        assert_eq!(
            t.check(&bearer("A-token-0123456789abcdeX"), Role::Agent),
            Err(Denied::Unauthenticated)
        );
        let mut basic = HeaderMap::new();
        basic.insert(
            axum::http::header::AUTHORIZATION,
            HeaderValue::from_static("Basic eDp5"),
        );
        assert_eq!(t.check(&basic, Role::Agent), Err(Denied::Unauthenticated));
    }

    #[test]
    fn no_tokens_means_open() {
        let open = Tokens::default();
        assert!(open.is_empty());
        assert_eq!(
            open.check(&HeaderMap::new(), Role::Admin).unwrap().role,
            Role::Admin
        );
    }

    #[test]
    fn bad_token_configs() {
        let c = |env: &str| TokenConfig::new(env, Role::Agent, env);
        let missing = Tokens::from_config(&[c("X")], |_| None).unwrap_err();
        assert!(matches!(missing, TokenError::Missing { .. }));
        let short = Tokens::from_config(&[c("X")], |_| Some("short".into())).unwrap_err();
        assert!(matches!(short, TokenError::TooShort { .. }));
        let same = Tokens::from_config(&[c("X"), c("Y")], |_| Some("same-value-0123456789".into()));
        assert!(matches!(same, Err(TokenError::Duplicate(..))));
    }
}
