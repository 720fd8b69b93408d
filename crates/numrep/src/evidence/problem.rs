//! Why asking a source gave no answer: a stable code plus the values its sentence
//! needs, rendered in German or English by [`SourceProblem::message`].
//!
//! Nothing in here holds a URL, a query string, a credential or a full number: the
//! only texts that came from a service (an answer's excerpt, an unknown value, a
//! redirect's host) are scrubbed by `numrep-online` before they get here.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::evidence::SourceStatus;
use crate::lang::Lang;

/// Which limit a timeout hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeLimit {
    /// The source's own `timeout_ms`.
    Source,
    /// The overall deadline of the lookup.
    Deadline,
}

/// Where a network failure happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NetworkStage {
    /// Resolving the host, connecting, or the TLS handshake.
    Connect,
    /// Sending the request.
    Send,
    /// Receiving the answer.
    Receive,
}

/// Why a source is paused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PauseReason {
    /// It failed several times in a row (circuit breaker).
    Failures,
    /// It asked us to wait (`Retry-After`).
    RetryAfter,
}

/// What is wrong with a service's answer body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "detail", rename_all = "snake_case")]
#[non_exhaustive]
pub enum BadAnswer {
    /// The body holds no JSON object at all.
    NoJson {
        /// The start of the body, scrubbed (no digit runs, URLs, queries or credentials).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        excerpt: Option<String>,
    },
    /// The JSON does not parse.
    Malformed {
        /// Line of the first error (1-based).
        line: usize,
        /// Column of the first error (1-based).
        column: usize,
    },
    /// A JSON object is opened but never closed.
    Unclosed,
    /// A field the adapter needs is missing.
    Missing {
        /// The field's name in the service's answer.
        field: String,
    },
    /// A field has a value of the wrong type or out of range.
    Invalid {
        /// The field's name in the service's answer.
        field: String,
    },
    /// A field holds a value this adapter does not know.
    UnknownValue {
        /// The field's name in the service's answer.
        field: String,
        /// The value, scrubbed like an excerpt.
        value: String,
    },
}

/// Why asking one source gave no answer. The JSON form is `{"code": …, "message": …}`
/// plus the values below (see [`SourceProblem::json`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[non_exhaustive]
pub enum SourceProblem {
    /// No answer within the source's timeout or the overall deadline.
    Timeout {
        /// The limit in milliseconds.
        timeout_ms: u64,
        /// Which limit it was.
        limit: TimeLimit,
    },
    /// The body was longer than the cap.
    BodyTooLarge {
        /// The cap in KiB.
        max_kib: u64,
    },
    /// The service answered with a redirect (never followed).
    Redirect {
        /// The redirect's HTTP status (none when the browser followed it).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        status: Option<u16>,
        /// The target host, scrubbed; none when unknown.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        host: Option<String>,
    },
    /// The service answered with an error status.
    HttpStatus {
        /// The HTTP status.
        status: u16,
        /// Seconds the service asked us to wait (`Retry-After`, e.g. with 503).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        retry_after_s: Option<u64>,
    },
    /// The service refused the credentials (HTTP 401/403).
    Auth {
        /// The HTTP status.
        status: u16,
    },
    /// The service asked us to slow down (HTTP 429).
    RateLimited {
        /// Seconds the service asked us to wait (`Retry-After`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        retry_after_s: Option<u64>,
    },
    /// Connecting, sending or receiving failed.
    Network {
        /// Where it failed.
        stage: NetworkStage,
    },
    /// The body could not be understood.
    Parse(BadAnswer),
    /// The request URL is not allowed (plain http to a non-loopback host, …).
    InsecureUrl,
    /// The source does not cover this number (prefixes, country); not asked.
    NotApplicable,
    /// The source is paused; not asked.
    Backoff {
        /// Seconds until it is asked again.
        retry_in_s: u64,
        /// Why it is paused.
        reason: PauseReason,
    },
    /// The number is not an E.164 string.
    InvalidNumber,
    /// The environment variable holding a credential is not set (or empty).
    MissingCredential {
        /// The variable's name (never its value).
        var: String,
    },
    /// A credential holds characters HTTP does not allow in a header.
    BadCredential {
        /// The variable's name (never its value), when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        var: Option<String>,
    },
}

impl SourceProblem {
    /// The stable snake_case code (`timeout`, `http_status`, `missing_credential`, …).
    pub fn code(&self) -> &'static str {
        match self {
            SourceProblem::Timeout { .. } => "timeout",
            SourceProblem::BodyTooLarge { .. } => "body_too_large",
            SourceProblem::Redirect { .. } => "redirect",
            SourceProblem::HttpStatus { .. } => "http_status",
            SourceProblem::Auth { .. } => "auth",
            SourceProblem::RateLimited { .. } => "rate_limited",
            SourceProblem::Network { .. } => "network",
            SourceProblem::Parse(_) => "parse",
            SourceProblem::InsecureUrl => "insecure_url",
            SourceProblem::NotApplicable => "not_applicable",
            SourceProblem::Backoff { .. } => "backoff",
            SourceProblem::InvalidNumber => "invalid_number",
            SourceProblem::MissingCredential { .. } => "missing_credential",
            SourceProblem::BadCredential { .. } => "bad_credential",
        }
    }

    /// How a lookup that ended with this problem is reported.
    pub fn status(&self) -> SourceStatus {
        match self {
            SourceProblem::Timeout { .. } => SourceStatus::Timeout,
            SourceProblem::NotApplicable | SourceProblem::Backoff { .. } => SourceStatus::Skipped,
            SourceProblem::MissingCredential { .. } | SourceProblem::BadCredential { .. } => {
                SourceStatus::ConfigError
            }
            _ => SourceStatus::Error,
        }
    }

    /// Seconds the service asked us to wait before the next request, if it said so.
    pub fn retry_after_s(&self) -> Option<u64> {
        match self {
            SourceProblem::HttpStatus { retry_after_s, .. }
            | SourceProblem::RateLimited { retry_after_s } => *retry_after_s,
            _ => None,
        }
    }

    /// This problem as JSON: `code`, `message` in `lang`, and the values above.
    pub fn json(&self, lang: Lang) -> impl Serialize + '_ {
        ProblemJson {
            problem: self,
            message: self.message(lang),
        }
    }

    /// The sentence for people, in German or English. Every text of a source problem
    /// is here, in this one function.
    pub fn message(&self, lang: Lang) -> String {
        let de = lang == Lang::De;
        let pick = |de_text: String, en_text: String| if de { de_text } else { en_text };
        let wait = |retry_after_s: Option<u64>| {
            retry_after_s.map_or((String::new(), String::new()), |s| {
                (
                    format!("; der Dienst bittet, {s} s zu warten"),
                    format!("; the service asks to wait {s} s"),
                )
            })
        };
        match self {
            SourceProblem::Timeout { timeout_ms, limit } => {
                let (de_limit, en_limit) = match limit {
                    TimeLimit::Source => ("Zeitlimit der Quelle", "source timeout"),
                    TimeLimit::Deadline => ("Gesamtfrist der Abfrage", "overall deadline"),
                };
                pick(
                    format!("keine Antwort binnen {timeout_ms} ms ({de_limit})"),
                    format!("no answer within {timeout_ms} ms ({en_limit})"),
                )
            }
            SourceProblem::BodyTooLarge { max_kib } => pick(
                format!("Antwort größer als {max_kib} KiB, abgelehnt"),
                format!("answer larger than {max_kib} KiB, refused"),
            ),
            SourceProblem::Redirect { status, host } => {
                let status = status.map_or(String::new(), |s| format!("HTTP {s}: "));
                pick(
                    format!(
                        "{status}Weiterleitung nach {} abgelehnt (Weiterleitungen werden nie verfolgt)",
                        host.as_deref().unwrap_or("unbekanntes Ziel")
                    ),
                    format!(
                        "{status}redirect to {} refused (redirects are never followed)",
                        host.as_deref().unwrap_or("an unknown host")
                    ),
                )
            }
            SourceProblem::HttpStatus {
                status,
                retry_after_s,
            } => {
                let wait = wait(*retry_after_s);
                pick(
                    format!("HTTP-Status {status} vom Dienst{}", wait.0),
                    format!("HTTP status {status} from the service{}", wait.1),
                )
            }
            SourceProblem::Auth { status } => pick(
                format!("Zugang verweigert (HTTP {status}): Zugangsdaten prüfen"),
                format!("access refused (HTTP {status}): check the credentials"),
            ),
            SourceProblem::RateLimited { retry_after_s } => {
                let wait = wait(*retry_after_s);
                pick(
                    format!("zu viele Anfragen (HTTP 429){}", wait.0),
                    format!("too many requests (HTTP 429){}", wait.1),
                )
            }
            SourceProblem::Network { stage } => {
                let (de_text, en_text) = match stage {
                    NetworkStage::Connect => ("Verbindung fehlgeschlagen", "connection failed"),
                    NetworkStage::Send => (
                        "Senden der Anfrage fehlgeschlagen",
                        "sending the request failed",
                    ),
                    NetworkStage::Receive => (
                        "Lesen der Antwort fehlgeschlagen",
                        "reading the answer failed",
                    ),
                };
                pick(de_text.into(), en_text.into())
            }
            SourceProblem::Parse(bad) => {
                let (de_detail, en_detail) = match bad {
                    BadAnswer::NoJson { excerpt } => {
                        let quoted = excerpt
                            .as_deref()
                            .map_or((String::new(), String::new()), |e| {
                                (format!(" („{e}“)"), format!(" (\"{e}\")"))
                            });
                        (
                            format!("kein JSON{}", quoted.0),
                            format!("no JSON{}", quoted.1),
                        )
                    }
                    BadAnswer::Malformed { line, column } => (
                        format!("fehlerhaftes JSON in Zeile {line}, Spalte {column}"),
                        format!("malformed JSON at line {line}, column {column}"),
                    ),
                    BadAnswer::Unclosed => (
                        "JSON-Objekt nicht abgeschlossen".to_string(),
                        "JSON object not closed".to_string(),
                    ),
                    BadAnswer::Missing { field } => {
                        (format!("`{field}` fehlt"), format!("`{field}` is missing"))
                    }
                    BadAnswer::Invalid { field } => (
                        format!("`{field}` hat einen unbrauchbaren Wert"),
                        format!("`{field}` has an unusable value"),
                    ),
                    BadAnswer::UnknownValue { field, value } => (
                        format!("unbekannter Wert `{value}` in `{field}`"),
                        format!("unknown value `{value}` in `{field}`"),
                    ),
                };
                pick(
                    format!("Antwort nicht verständlich: {de_detail}"),
                    format!("answer not understood: {en_detail}"),
                )
            }
            SourceProblem::InsecureUrl => pick(
                "Anfrage-Adresse nicht erlaubt (nur https; http nur an diesen Rechner)".into(),
                "request address not allowed (https only; plain http only to this machine)".into(),
            ),
            SourceProblem::NotApplicable => pick(
                "diese Quelle deckt die Nummer nicht ab".into(),
                "this source does not cover the number".into(),
            ),
            SourceProblem::Backoff { retry_in_s, reason } => match reason {
                PauseReason::Failures => pick(
                    format!(
                        "nach wiederholten Fehlern pausiert; nächster Versuch in {retry_in_s} s"
                    ),
                    format!("paused after repeated failures; next try in {retry_in_s} s"),
                ),
                PauseReason::RetryAfter => pick(
                    format!("pausiert, wie vom Dienst erbeten; nächster Versuch in {retry_in_s} s"),
                    format!("paused as the service asked; next try in {retry_in_s} s"),
                ),
            },
            SourceProblem::InvalidNumber => pick(
                "keine Nummer im E.164-Format".into(),
                "not a number in E.164 form".into(),
            ),
            SourceProblem::MissingCredential { var } => pick(
                format!("Umgebungsvariable {var} ist nicht gesetzt; Quelle nicht gefragt"),
                format!("environment variable {var} is not set; source not asked"),
            ),
            SourceProblem::BadCredential { var } => {
                let var = var.as_deref().unwrap_or("?");
                pick(
                    format!("der Zugangswert aus {var} enthält in HTTP unzulässige Zeichen; Quelle nicht gefragt"),
                    format!("the credential from {var} holds characters HTTP does not allow; source not asked"),
                )
            }
        }
    }
}

/// English, for logs and `?` in `Box<dyn Error>` code.
impl fmt::Display for SourceProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SourceProblem {}

/// `{"code": …, <values>, "message": …}`.
#[derive(Serialize)]
struct ProblemJson<'a> {
    #[serde(flatten)]
    problem: &'a SourceProblem,
    message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<SourceProblem> {
        vec![
            SourceProblem::Timeout {
                timeout_ms: 1200,
                limit: TimeLimit::Source,
            },
            SourceProblem::Timeout {
                timeout_ms: 1500,
                limit: TimeLimit::Deadline,
            },
            SourceProblem::BodyTooLarge { max_kib: 256 },
            SourceProblem::Redirect {
                status: Some(302),
                host: Some("evil.example".into()),
            },
            SourceProblem::Redirect {
                status: None,
                host: None,
            },
            SourceProblem::HttpStatus {
                status: 503,
                retry_after_s: Some(120),
            },
            SourceProblem::Auth { status: 401 },
            SourceProblem::RateLimited {
                retry_after_s: None,
            },
            SourceProblem::Network {
                stage: NetworkStage::Connect,
            },
            SourceProblem::Parse(BadAnswer::NoJson {
                excerpt: Some("Partner Data not correct".into()),
            }),
            SourceProblem::Parse(BadAnswer::Malformed { line: 1, column: 9 }),
            SourceProblem::Parse(BadAnswer::Unclosed),
            SourceProblem::Parse(BadAnswer::Missing {
                field: "score".into(),
            }),
            SourceProblem::Parse(BadAnswer::Invalid {
                field: "score".into(),
            }),
            SourceProblem::Parse(BadAnswer::UnknownValue {
                field: "rating".into(),
                value: "Z_WHAT".into(),
            }),
            SourceProblem::InsecureUrl,
            SourceProblem::NotApplicable,
            SourceProblem::Backoff {
                retry_in_s: 30,
                reason: PauseReason::Failures,
            },
            SourceProblem::Backoff {
                retry_in_s: 30,
                reason: PauseReason::RetryAfter,
            },
            SourceProblem::InvalidNumber,
            SourceProblem::MissingCredential {
                var: "TELLOWS_API_KEY".into(),
            },
            SourceProblem::BadCredential { var: None },
        ]
    }

    #[test]
    fn the_timeout_reads_as_the_issue_asks() {
        let p = &all()[0];
        assert_eq!(
            p.message(Lang::De),
            "keine Antwort binnen 1200 ms (Zeitlimit der Quelle)"
        );
        assert_eq!(
            p.message(Lang::En),
            "no answer within 1200 ms (source timeout)"
        );
        assert_eq!(p.to_string(), p.message(Lang::En));
    }

    #[test]
    fn every_problem_has_two_different_sentences_and_keeps_its_values() {
        for p in all() {
            let (de, en) = (p.message(Lang::De), p.message(Lang::En));
            assert!(!de.is_empty() && !en.is_empty(), "{p:?}");
            assert_ne!(de, en, "{p:?} has no German text");
            let json = serde_json::to_value(p.json(Lang::De)).expect("serializes");
            assert_eq!(json["code"], p.code(), "{json}");
            assert_eq!(json["message"], de.as_str());
            // The values round-trip; `message` is ignored when read back.
            let back: SourceProblem = serde_json::from_value(json).expect("reads back");
            assert_eq!(back, p);
        }
    }

    #[test]
    fn json_carries_the_values_a_machine_needs() {
        let json = serde_json::to_value(all()[0].json(Lang::En)).expect("serializes");
        assert_eq!(
            json,
            serde_json::json!({"code": "timeout", "timeout_ms": 1200, "limit": "source",
                "message": "no answer within 1200 ms (source timeout)"})
        );
        let parse = SourceProblem::Parse(BadAnswer::Missing {
            field: "score".into(),
        });
        let json = serde_json::to_value(parse.json(Lang::En)).expect("serializes");
        assert_eq!(json["code"], "parse");
        assert_eq!(json["detail"], "missing");
        assert_eq!(json["field"], "score");
    }

    #[test]
    fn statuses() {
        let status = |p: SourceProblem| p.status();
        assert_eq!(status(all()[0].clone()), SourceStatus::Timeout);
        assert_eq!(status(SourceProblem::NotApplicable), SourceStatus::Skipped);
        assert_eq!(
            status(SourceProblem::MissingCredential { var: "X".into() }),
            SourceStatus::ConfigError
        );
        assert_eq!(status(SourceProblem::InsecureUrl), SourceStatus::Error);
        assert_eq!(all()[5].retry_after_s(), Some(120));
    }
}
