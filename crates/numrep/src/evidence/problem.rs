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
use crate::text::{Arg, Msg, Opt};

/// Which limit a timeout hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TimeLimit {
    /// The source's own `timeout_ms`.
    Source,
    /// The overall deadline of the lookup.
    Deadline,
}

/// Where a network failure happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
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
#[non_exhaustive]
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
            message: self.message(lang).to_string(),
        }
    }

    /// The sentence for people, from the message catalogue, rendered when displayed.
    pub fn message(&self, lang: Lang) -> ProblemText<'_> {
        ProblemText {
            problem: self,
            lang,
        }
    }
}

/// A source problem's sentence in a language ([`SourceProblem::message`]).
#[derive(Clone, Copy, Debug)]
pub struct ProblemText<'a> {
    problem: &'a SourceProblem,
    lang: Lang,
}

impl fmt::Display for ProblemText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = self.lang;
        let say =
            |f: &mut fmt::Formatter<'_>, msg: Msg, args: &[Arg<'_>]| msg.with(lang, args).fmt(f);
        match self.problem {
            SourceProblem::Timeout { timeout_ms, limit } => {
                let limit = match limit {
                    TimeLimit::Source => Msg::ProblemLimitSource,
                    TimeLimit::Deadline => Msg::ProblemLimitDeadline,
                };
                say(
                    f,
                    Msg::ProblemTimeout,
                    &[("ms", timeout_ms), ("limit", &limit.text(lang))],
                )
            }
            SourceProblem::BodyTooLarge { max_kib } => {
                say(f, Msg::ProblemBodyTooLarge, &[("kib", max_kib)])
            }
            SourceProblem::Redirect { status, host } => {
                let status_args: [Arg<'_>; 1] = [("status", status.as_ref().unwrap_or(&0))];
                let status_text =
                    status.map(|_| Msg::ProblemRedirectStatus.with(lang, &status_args));
                let host: &dyn fmt::Display = match host {
                    Some(host) => host,
                    None => &Msg::ProblemUnknownHost.text(lang),
                };
                say(
                    f,
                    Msg::ProblemRedirect,
                    &[
                        ("status", &Opt("", status_text.as_ref(), "")),
                        ("host", host),
                    ],
                )
            }
            SourceProblem::HttpStatus {
                status,
                retry_after_s,
            } => say(
                f,
                Msg::ProblemHttpStatus,
                &[("status", status), ("wait", &Wait(*retry_after_s, lang))],
            ),
            SourceProblem::Auth { status } => say(f, Msg::ProblemAuth, &[("status", status)]),
            SourceProblem::RateLimited { retry_after_s } => say(
                f,
                Msg::ProblemRateLimited,
                &[("wait", &Wait(*retry_after_s, lang))],
            ),
            SourceProblem::Network { stage } => f.write_str(
                match stage {
                    NetworkStage::Connect => Msg::ProblemNetworkConnect,
                    NetworkStage::Send => Msg::ProblemNetworkSend,
                    NetworkStage::Receive => Msg::ProblemNetworkReceive,
                }
                .text(lang),
            ),
            SourceProblem::Parse(bad) => {
                let detail = BadAnswerText(bad, lang);
                say(f, Msg::ProblemParse, &[("detail", &detail)])
            }
            SourceProblem::InsecureUrl => f.write_str(Msg::ProblemInsecureUrl.text(lang)),
            SourceProblem::NotApplicable => f.write_str(Msg::ProblemNotApplicable.text(lang)),
            SourceProblem::Backoff { retry_in_s, reason } => {
                let msg = match reason {
                    PauseReason::Failures => Msg::ProblemBackoffFailures,
                    PauseReason::RetryAfter => Msg::ProblemBackoffRetryAfter,
                };
                say(f, msg, &[("s", retry_in_s)])
            }
            SourceProblem::InvalidNumber => f.write_str(Msg::ProblemInvalidNumber.text(lang)),
            SourceProblem::MissingCredential { var } => {
                say(f, Msg::ProblemMissingCredential, &[("var", var)])
            }
            SourceProblem::BadCredential { var } => say(
                f,
                Msg::ProblemBadCredential,
                &[("var", &var.as_deref().unwrap_or("?"))],
            ),
        }
    }
}

/// `; the service asks to wait 120 s`, or nothing.
struct Wait(Option<u64>, Lang);

impl fmt::Display for Wait {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(s) => Msg::ProblemWait.with(self.1, &[("s", &s)]).fmt(f),
            None => Ok(()),
        }
    }
}

/// What is wrong with an answer body, in a language.
struct BadAnswerText<'a>(&'a BadAnswer, Lang);

impl fmt::Display for BadAnswerText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lang = self.1;
        match self.0 {
            BadAnswer::NoJson { excerpt } => {
                let excerpt_args: [Arg<'_>; 1] = [("excerpt", &excerpt.as_deref().unwrap_or(""))];
                let quoted = excerpt
                    .as_ref()
                    .map(|_| Msg::ProblemExcerpt.with(lang, &excerpt_args));
                Msg::ProblemNoJson
                    .with(lang, &[("excerpt", &Opt("", quoted.as_ref(), ""))])
                    .fmt(f)
            }
            BadAnswer::Malformed { line, column } => Msg::ProblemMalformed
                .with(lang, &[("line", line), ("column", column)])
                .fmt(f),
            BadAnswer::Unclosed => f.write_str(Msg::ProblemUnclosed.text(lang)),
            BadAnswer::Missing { field } => Msg::ProblemMissingField
                .with(lang, &[("field", field)])
                .fmt(f),
            BadAnswer::Invalid { field } => Msg::ProblemInvalidField
                .with(lang, &[("field", field)])
                .fmt(f),
            BadAnswer::UnknownValue { field, value } => Msg::ProblemUnknownValue
                .with(lang, &[("field", field), ("value", value)])
                .fmt(f),
        }
    }
}

/// English, for logs and `?` in `Box<dyn Error>` code.
impl fmt::Display for SourceProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.message(Lang::En).fmt(f)
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
            p.message(Lang::De).to_string(),
            "keine Antwort binnen 1200 ms (Zeitlimit der Quelle)"
        );
        assert_eq!(
            p.message(Lang::En).to_string(),
            "no answer within 1200 ms (source timeout)"
        );
        assert_eq!(p.to_string(), p.message(Lang::En).to_string());
    }

    #[test]
    fn every_problem_has_two_different_sentences_and_keeps_its_values() {
        for p in all() {
            let (de, en) = (
                p.message(Lang::De).to_string(),
                p.message(Lang::En).to_string(),
            );
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
