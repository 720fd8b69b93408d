//! PhoneBlock community blocklist adapter.
//!
//! Request: `GET {url}/phoneblock/api/num/{00number}` (number in the `00…`
//! form) with HTTP Basic auth (user + password) or a bearer token, see
//! [`PhoneBlockAuth`]. If `url` already ends in `/phoneblock`, that segment is
//! not doubled.
//!
//! The answer is PhoneBlock's `PhoneInfo` object: `phone`, `votes`, `rating`
//! (`A_LEGITIMATE`, `B_MISSED`, `C_PING`, `D_POLL`, `E_ADVERTISING`,
//! `F_GAMBLE`, `G_FRAUD`), `votesWildcard`, `whiteListed`, `archived`,
//! `dateAdded`, `lastUpdate`. Unknown fields are ignored.
//!
//! `votes` are PhoneBlock's votes (reports), reported as `votes`, never as comments.
//!
//! Verdict, one rating to one verdict and one label ([`Rating::verdict`],
//! [`Rating::label`]):
//!
//! | rating | label | verdict |
//! | --- | --- | --- |
//! | `A_LEGITIMATE` | legitimate | `legitimate` |
//! | `B_MISSED` | missed call, unclear | `suspicious` |
//! | `C_PING` | ping call | `spam` |
//! | `D_POLL` | poll | `suspicious` |
//! | `E_ADVERTISING` | advertising | `suspicious` (unwanted, not fraud) |
//! | `F_GAMBLE` | gambling or prize notification | `spam` |
//! | `G_FRAUD` | fraud | `spam` |
//!
//! A `spam` rating needs at least [`SPAM_VOTES`] blocking votes (the larger of
//! `votes` and `votesWildcard`); with fewer it is `suspicious`. Besides:
//! `whiteListed` → `legitimate`; `archived` (no reports for a long time) →
//! `neutral`; votes without a rating → `suspicious`; no votes → `unknown`.
//!
//! Risk = min(100, votes × 100 / (2 × [`SPAM_VOTES`])), 0 for `legitimate`.

use crate::error::{BadAnswer, SourceProblem};
use crate::http::{HttpClient, RequestHeader};
use crate::number::E164;
use crate::redact::Redactor;
use crate::reputation::{clean_text, Reputation, ReputationVerdict};
use crate::request::Request;
use crate::secret::Secret;
use crate::sources::json_text::{loose_u64, outermost_object};
use crate::sources::tellows::join_path;
use crate::sources::{Answer, BoxFuture, Source, SourceKind};
use reqwest::header::AUTHORIZATION;
use reqwest::Url;
use serde_json::Value;

/// Votes from which PhoneBlock numbers count as spam (PhoneBlock's own
/// blocklist default minimum is in this range).
pub const SPAM_VOTES: u64 = 4;

/// How to authenticate at PhoneBlock.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum PhoneBlockAuth {
    /// HTTP Basic with the account's user name and password (or API token as password).
    Basic {
        /// The user name (login).
        user: Secret,
        /// The password.
        password: Secret,
    },
    /// `Authorization: Bearer <token>`.
    Bearer(Secret),
}

impl PhoneBlockAuth {
    /// The raw credentials (the header carries them encoded).
    fn secrets(&self) -> Vec<&Secret> {
        match self {
            PhoneBlockAuth::Basic { password, .. } => vec![password],
            PhoneBlockAuth::Bearer(token) => vec![token],
        }
    }

    fn header_value(&self) -> Secret {
        match self {
            PhoneBlockAuth::Basic { user, password } => {
                let raw = format!("{}:{}", user.expose(), password.expose());
                Secret::new(format!("Basic {}", base64(raw.as_bytes())))
            }
            PhoneBlockAuth::Bearer(token) => Secret::new(format!("Bearer {}", token.expose())),
        }
    }
}

/// A PhoneBlock rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rating {
    /// `A_LEGITIMATE`: a regular, wanted call.
    Legitimate,
    /// `B_MISSED`: negatively rated without a call type.
    Missed,
    /// `C_PING`: the caller hung up at once.
    Ping,
    /// `D_POLL`: a poll.
    Poll,
    /// `E_ADVERTISING`: advertising or unwanted sales.
    Advertising,
    /// `F_GAMBLE`: gambling or prize notification.
    Gamble,
    /// `G_FRAUD`: fraud.
    Fraud,
}

impl Rating {
    /// Parses PhoneBlock's enum name (`"G_FRAUD"`); the short form (`"FRAUD"`)
    /// and lowercase are accepted too.
    pub fn from_name(name: &str) -> Option<Rating> {
        let upper = name.trim().to_ascii_uppercase();
        let key = match upper.split_once('_') {
            Some((letter, rest)) if letter.len() == 1 => rest,
            _ => upper.as_str(),
        };
        Some(match key {
            "LEGITIMATE" => Rating::Legitimate,
            "MISSED" => Rating::Missed,
            "PING" => Rating::Ping,
            "POLL" => Rating::Poll,
            "ADVERTISING" => Rating::Advertising,
            "GAMBLE" => Rating::Gamble,
            "FRAUD" => Rating::Fraud,
            _ => return None,
        })
    }

    /// Every rating PhoneBlock has (`db.proto`), in its order.
    pub const ALL: [Rating; 7] = [
        Rating::Legitimate,
        Rating::Missed,
        Rating::Ping,
        Rating::Poll,
        Rating::Advertising,
        Rating::Gamble,
        Rating::Fraud,
    ];

    /// A label for people (`"fraud"`, `"advertising"`, …), one per rating.
    pub fn label(self) -> &'static str {
        match self {
            Rating::Legitimate => "legitimate",
            Rating::Missed => "missed call, unclear",
            Rating::Ping => "ping call",
            Rating::Poll => "poll",
            Rating::Advertising => "advertising",
            Rating::Gamble => "gambling or prize notification",
            Rating::Fraud => "fraud",
        }
    }

    /// The verdict this rating stands for when enough people voted: fraud,
    /// gambling and ping calls are `spam` (scams and cost traps); advertising,
    /// polls and unclear missed calls are unwanted but not fraud: `suspicious`.
    pub fn verdict(self) -> ReputationVerdict {
        match self {
            Rating::Legitimate => ReputationVerdict::Legitimate,
            Rating::Ping | Rating::Gamble | Rating::Fraud => ReputationVerdict::Spam,
            Rating::Missed | Rating::Poll | Rating::Advertising => ReputationVerdict::Suspicious,
        }
    }
}

/// A configured PhoneBlock source.
#[derive(Debug, Clone)]
pub struct PhoneBlock {
    name: String,
    base: Url,
    auth: PhoneBlockAuth,
    prefixes: Vec<String>,
}

impl PhoneBlock {
    /// A PhoneBlock source asking `base` (e.g. `https://phoneblock.net`).
    /// `prefixes` limits it to numbers starting with one of them; empty = all.
    pub fn new(
        name: impl Into<String>,
        base: Url,
        auth: PhoneBlockAuth,
        prefixes: Vec<String>,
    ) -> PhoneBlock {
        PhoneBlock {
            name: name.into(),
            base,
            auth,
            prefixes,
        }
    }

    fn url_for(&self, number: &E164) -> Result<Url, SourceProblem> {
        let already = self
            .base
            .path_segments()
            .and_then(|mut s| s.rfind(|seg| !seg.is_empty()))
            .is_some_and(|last| last == "phoneblock");
        let number = number.zero_zero();
        if already {
            join_path(&self.base, &["api", "num", &number])
        } else {
            join_path(&self.base, &["phoneblock", "api", "num", &number])
        }
    }
}

impl Source for PhoneBlock {
    fn name(&self) -> &str {
        &self.name
    }

    fn kind(&self) -> SourceKind {
        SourceKind::Phoneblock
    }

    fn applies_to(&self, e164: &str) -> bool {
        super::serves(&self.prefixes, e164)
    }

    fn query<'a>(
        &'a self,
        e164: &'a str,
        client: &'a HttpClient,
    ) -> BoxFuture<'a, Result<Answer, SourceProblem>> {
        Box::pin(async move {
            let number = E164::parse(e164)?;
            let url = self.url_for(&number)?;
            let authorization = RequestHeader {
                name: AUTHORIZATION,
                value: self.auth.header_value(),
            };
            Request::new(number, url)
                .with_headers([authorization])
                .with_secrets(self.auth.secrets())
                .send(client, parse_response)
                .await
                .map(Answer::Found)
        })
    }
}

/// Parses a PhoneBlock `PhoneInfo` answer into a [`Reputation`]; every text has
/// passed `redactor` (use [`Redactor::none`] outside a request).
pub fn parse_response(body: &[u8], redactor: &Redactor) -> Result<Reputation, BadAnswer> {
    let root = outermost_object(body, redactor)?;
    // Some deployments wrap it as in the web search result (`{"info": {...}}`).
    let info = match root.get("info") {
        Some(inner) if inner.is_object() => inner,
        _ => &root,
    };
    let votes = info.get("votes").and_then(loose_u64);
    let wildcard = info.get("votesWildcard").and_then(loose_u64);
    let rating = match info.get("rating") {
        None | Some(Value::Null) => None,
        Some(Value::String(name)) => {
            Some(
                Rating::from_name(name).ok_or_else(|| BadAnswer::UnknownValue {
                    field: "rating".into(),
                    value: redactor.excerpt(name.as_bytes()).unwrap_or_default(),
                })?,
            )
        }
        Some(_) => {
            return Err(BadAnswer::Invalid {
                field: "rating".into(),
            })
        }
    };
    if votes.is_none() && rating.is_none() && info.get("whiteListed").is_none() {
        return Err(BadAnswer::Missing {
            field: "votes".into(),
        });
    }
    let white = flag(info, "whiteListed");
    let archived = flag(info, "archived");
    let blocking_votes = votes.unwrap_or(0).max(wildcard.unwrap_or(0));
    let verdict = verdict_for(rating, blocking_votes, white, archived);

    let mut rep = Reputation::new(verdict);
    rep.votes = votes;
    rep.risk = Some(match verdict {
        ReputationVerdict::Legitimate => 0,
        _ => {
            let scaled = blocking_votes.saturating_mul(100) / (2 * SPAM_VOTES);
            u8::try_from(scaled.min(100)).unwrap_or(100)
        }
    });
    if let Some(r) = rating {
        rep.labels.push(r.label().to_string());
    }
    let mut summary = format!("PhoneBlock: {} votes", votes.unwrap_or(0));
    if wildcard.is_some_and(|w| Some(w) != votes) {
        summary.push_str(&format!(" ({blocking_votes} incl. neighbouring numbers)"));
    }
    if let Some(r) = rating {
        summary.push_str(&format!(", rated {}", r.label()));
    }
    if white {
        summary.push_str(", on the allow list");
    }
    if archived {
        summary.push_str(", archived (no recent reports)");
    }
    summary.push_str(&format!(" ({})", verdict.as_str()));
    rep.summary = clean_text(&summary).unwrap_or_default();
    Ok(rep)
}

/// The verdict for a PhoneBlock answer (see the module docs).
pub fn verdict_for(
    rating: Option<Rating>,
    blocking_votes: u64,
    white: bool,
    archived: bool,
) -> ReputationVerdict {
    if white || rating == Some(Rating::Legitimate) {
        return ReputationVerdict::Legitimate;
    }
    if archived {
        return ReputationVerdict::Neutral;
    }
    if blocking_votes == 0 {
        return ReputationVerdict::Unknown;
    }
    match rating.map(Rating::verdict) {
        Some(ReputationVerdict::Spam) if blocking_votes >= SPAM_VOTES => ReputationVerdict::Spam,
        _ => ReputationVerdict::Suspicious,
    }
}

fn flag(info: &Value, key: &str) -> bool {
    match info.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

/// Standard base64 (with padding) for the Basic auth header.
fn base64(input: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let symbols = chunk.len() + 1;
        for i in 0..4 {
            if i < symbols {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &[u8]) -> Result<Reputation, BadAnswer> {
        parse_response(body, &Redactor::none())
    }

    #[test]
    fn fraud_with_votes_is_spam() {
        let body = br#"{"phone":"004930123456","votes":7,"rating":"G_FRAUD","votesWildcard":7,"whiteListed":false,"archived":false,"dateAdded":1700000000000,"lastUpdate":1710000000000}"#;
        let rep = parse(body).expect("parses");
        assert_eq!(rep.verdict, ReputationVerdict::Spam);
        assert_eq!(rep.votes, Some(7));
        assert_eq!(rep.risk, Some(87));
        assert_eq!(rep.labels, vec!["fraud"]);
        assert!(rep.summary.contains("7 votes"));
    }

    #[test]
    fn verdicts() {
        let v = |b: &str| parse(b.as_bytes()).map(|r| r.verdict);
        assert_eq!(
            v(r#"{"votes":2,"rating":"E_ADVERTISING"}"#),
            Ok(ReputationVerdict::Suspicious)
        );
        assert_eq!(
            v(r#"{"votes":50,"rating":"E_ADVERTISING"}"#),
            Ok(ReputationVerdict::Suspicious),
            "advertising is unwanted, not fraud"
        );
        assert_eq!(
            v(r#"{"votes":2,"rating":"G_FRAUD"}"#),
            Ok(ReputationVerdict::Suspicious),
            "too few votes for spam"
        );
        assert_eq!(
            v(r#"{"votes":5}"#),
            Ok(ReputationVerdict::Suspicious),
            "votes, no rating"
        );
        assert_eq!(
            v(r#"{"votes":0,"votesWildcard":5,"rating":"C_PING"}"#),
            Ok(ReputationVerdict::Spam)
        );
        assert_eq!(
            v(r#"{"votes":9,"rating":"A_LEGITIMATE"}"#),
            Ok(ReputationVerdict::Legitimate)
        );
        assert_eq!(
            v(r#"{"votes":0,"whiteListed":true}"#),
            Ok(ReputationVerdict::Legitimate)
        );
        assert_eq!(
            v(r#"{"votes":12,"rating":"B_MISSED","archived":true}"#),
            Ok(ReputationVerdict::Neutral)
        );
        assert_eq!(
            v(r#"{"phone":"0049301","votes":0}"#),
            Ok(ReputationVerdict::Unknown)
        );
        assert_eq!(
            v(r#"{"info":{"votes":"6","rating":"F_GAMBLE"}}"#),
            Ok(ReputationVerdict::Spam)
        );
    }

    #[test]
    fn every_rating_maps_to_one_verdict_and_one_label() {
        let names = [
            "A_LEGITIMATE",
            "B_MISSED",
            "C_PING",
            "D_POLL",
            "E_ADVERTISING",
            "F_GAMBLE",
            "G_FRAUD",
        ];
        let expected = [
            ("legitimate", ReputationVerdict::Legitimate),
            ("missed call, unclear", ReputationVerdict::Suspicious),
            ("ping call", ReputationVerdict::Spam),
            ("poll", ReputationVerdict::Suspicious),
            ("advertising", ReputationVerdict::Suspicious),
            ("gambling or prize notification", ReputationVerdict::Spam),
            ("fraud", ReputationVerdict::Spam),
        ];
        for ((name, rating), (label, verdict)) in names.iter().zip(Rating::ALL).zip(expected) {
            assert_eq!(Rating::from_name(name), Some(rating));
            let body = format!(r#"{{"votes":{SPAM_VOTES},"rating":"{name}"}}"#);
            let rep = parse(body.as_bytes()).expect("parses");
            assert_eq!(rep.verdict, verdict, "{name}");
            assert_eq!(rep.labels, vec![label], "{name}");
            assert_eq!(rep.votes, Some(SPAM_VOTES), "votes stay votes");
            assert_eq!(rep.comments, None, "votes are not comments");
        }
        let labels: std::collections::HashSet<_> = Rating::ALL.map(Rating::label).into();
        assert_eq!(labels.len(), Rating::ALL.len(), "labels are distinct");
    }

    #[test]
    fn rejects_bad_answers() {
        assert!(matches!(
            parse(b"<html>login</html>"),
            Err(BadAnswer::NoJson { .. })
        ));
        assert_eq!(
            parse(br#"{"votes":1,"rating":"Z_WHAT"}"#),
            Err(BadAnswer::UnknownValue {
                field: "rating".into(),
                value: "Z_WHAT".into()
            })
        );
        assert_eq!(
            parse(br#"{"rating":5}"#),
            Err(BadAnswer::Invalid {
                field: "rating".into()
            })
        );
        assert_eq!(
            parse(br#"{"phone":"1"}"#),
            Err(BadAnswer::Missing {
                field: "votes".into()
            })
        );
    }

    #[test]
    fn rating_names() {
        assert_eq!(Rating::from_name("G_FRAUD"), Some(Rating::Fraud));
        assert_eq!(Rating::from_name("fraud"), Some(Rating::Fraud));
        assert_eq!(Rating::from_name("D_POLL"), Some(Rating::Poll));
        assert_eq!(Rating::from_name("X"), None);
    }

    #[test]
    fn auth_and_url() {
        assert_eq!(
            base64(b"Aladdin:open sesame"),
            "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
        assert_eq!(base64(b"ab"), "YWI=");
        let auth = PhoneBlockAuth::Basic {
            user: Secret::new("u"),
            password: Secret::new("p"),
        };
        assert_eq!(auth.header_value().expose(), "Basic dTpw");
        let n = E164::parse("+4930123456").expect("number");
        let a = PhoneBlock::new(
            "p",
            Url::parse("https://phoneblock.net").expect("url"),
            auth.clone(),
            vec![],
        );
        assert_eq!(
            a.url_for(&n).expect("url").as_str(),
            "https://phoneblock.net/phoneblock/api/num/004930123456"
        );
        let b = PhoneBlock::new(
            "p",
            Url::parse("https://x.example/phoneblock/").expect("url"),
            auth,
            vec![],
        );
        assert_eq!(
            b.url_for(&n).expect("url").as_str(),
            "https://x.example/phoneblock/api/num/004930123456"
        );
        assert!(!format!("{b:?}").contains("dTpw"));
    }
}
