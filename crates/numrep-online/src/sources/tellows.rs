//! tellows partner API adapter.
//!
//! Request: `GET {url}/basic/num/{00number}?json=1`, the number in the `00…`
//! international form (no `+` to encode). Authentication, chosen by
//! [`TellowsAuth`]:
//! - `md5_header` (default): header `X-Auth-Token: md5(api key)`; the key never
//!   appears in the URL. `partner=…` is added to the query when configured.
//! - `md5_query`: `apikeyMd5=md5(api key)` (and `partner=…`) in the query.
//! - `query`: `partner=…&apikey=…` in the query (the plain key in the URL;
//!   only for accounts that accept nothing else).
//!
//! Answer quirks handled by [`parse_response`]: served as `text/html`; warning
//! text (e.g. `Partner Data not correct`) before or after the JSON; `score` as
//! number or string; `callerTypes.caller` as list or single object;
//! `callerNames` as string, list or object.
//!
//! Verdict from the tellows score (1 good … 9 dangerous):
//! - 0 comments and a score below 7: `unknown` — no reports. tellows gives every
//!   number it knows nothing about a neutral score (usually 5); without a single
//!   user comment the score is no finding, neither "trustworthy" nor "neutral";
//! - 7–9: `spam` when the number has at least 2 comments or no comment count
//!   is given; `suspicious` with fewer than 2 comments (one angry user is not
//!   enough, as tellows clients do);
//! - 6: `suspicious`;
//! - 4–5: `neutral`;
//! - 1–3: `legitimate`.
//!
//! Risk = (score − 1) / 8 × 100; none when the verdict is `unknown`. Caller types
//! with a count of 0 are not reports and are left out.

use crate::error::{BadAnswer, SourceProblem};
use crate::http::{HttpClient, RequestHeader};
use crate::number::E164;
use crate::redact::Redactor;
use crate::reputation::{clean_text, normalize_risk, push_clean, Reputation, ReputationVerdict};
use crate::request::Request;
use crate::secret::Secret;
use crate::sources::json_text::{loose_f64, loose_string, loose_u64, outermost_object};
use crate::sources::{Answer, BoxFuture, Source, SourceKind};
use md5::{Digest, Md5};
use reqwest::header::HeaderName;
use reqwest::Url;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// How the tellows API key is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TellowsAuth {
    /// Header `X-Auth-Token: md5(key)` (default; nothing secret in the URL).
    #[default]
    Md5Header,
    /// Query `apikeyMd5=md5(key)`.
    Md5Query,
    /// Query `apikey=key` (plain key in the URL).
    Query,
}

/// A configured tellows source.
#[derive(Debug, Clone)]
pub struct Tellows {
    name: String,
    base: Url,
    partner: Option<Secret>,
    api_key: Secret,
    auth: TellowsAuth,
    prefixes: Vec<String>,
}

impl Tellows {
    /// A tellows source asking `base` (e.g. `https://www.tellows.de`).
    /// `prefixes` limits it to numbers starting with one of them (`"+49"`);
    /// empty means all numbers.
    pub fn new(
        name: impl Into<String>,
        base: Url,
        partner: Option<Secret>,
        api_key: Secret,
        auth: TellowsAuth,
        prefixes: Vec<String>,
    ) -> Tellows {
        Tellows {
            name: name.into(),
            base,
            partner,
            api_key,
            auth,
            prefixes,
        }
    }

    /// The request for `number`.
    fn request(&self, number: E164) -> Result<Request, SourceProblem> {
        let mut url = join_path(&self.base, &["basic", "num", &number.zero_zero()])?;
        let mut headers = Vec::new();
        let key_md5 = md5_hex(self.api_key.expose());
        {
            let mut query = url.query_pairs_mut();
            query.append_pair("json", "1");
            if let Some(partner) = &self.partner {
                query.append_pair("partner", partner.expose());
            }
            match self.auth {
                TellowsAuth::Md5Header => headers.push(RequestHeader {
                    name: HeaderName::from_static("x-auth-token"),
                    value: Secret::new(key_md5),
                }),
                TellowsAuth::Md5Query => {
                    query.append_pair("apikeyMd5", &key_md5);
                }
                TellowsAuth::Query => {
                    query.append_pair("apikey", self.api_key.expose());
                }
            }
        }
        let secrets = std::iter::once(&self.api_key).chain(self.partner.as_ref());
        Ok(Request::new(number, url)
            .with_headers(headers)
            .with_secrets(secrets))
    }
}

impl Source for Tellows {
    fn name(&self) -> &str {
        &self.name
    }

    fn kind(&self) -> SourceKind {
        SourceKind::Tellows
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
            let request = self.request(E164::parse(e164)?)?;
            request
                .send(client, parse_response)
                .await
                .map(Answer::Found)
        })
    }
}

/// Appends path segments to a base URL (keeping the base's own path).
pub(crate) fn join_path(base: &Url, segments: &[&str]) -> Result<Url, SourceProblem> {
    let mut url = base.clone();
    url.path_segments_mut()
        .map_err(|()| SourceProblem::InsecureUrl)?
        .pop_if_empty()
        .extend(segments);
    Ok(url)
}

/// Lowercase hex MD5 of `text`, as tellows expects for `apikeyMd5`.
pub fn md5_hex(text: &str) -> String {
    let digest = Md5::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Parses a tellows JSON answer (quirks included) into a [`Reputation`]; every
/// text has passed `redactor` (use [`Redactor::none`] outside a request).
pub fn parse_response(body: &[u8], redactor: &Redactor) -> Result<Reputation, BadAnswer> {
    let root = outermost_object(body, redactor)?;
    let data = root.get("tellows").unwrap_or(&root);
    if !data.is_object() {
        return Err(BadAnswer::Invalid {
            field: "tellows".into(),
        });
    }
    let score = data.get("score").ok_or_else(|| BadAnswer::Missing {
        field: "score".into(),
    })?;
    let score = loose_f64(score)
        .filter(|s| (1.0..=9.0).contains(s))
        .ok_or_else(|| BadAnswer::Invalid {
            field: "score".into(),
        })?;
    let comments = data.get("comments").and_then(loose_u64);
    let searches = data.get("searches").and_then(loose_u64);

    let verdict = verdict_for(score, comments);
    let mut rep = Reputation::new(verdict);
    rep.score = Some(score);
    rep.risk = (verdict != ReputationVerdict::Unknown)
        .then(|| normalize_risk(score, 1.0, 9.0))
        .flatten();
    rep.comments = comments;
    rep.searches = searches;
    rep.location = data
        .get("location")
        .and_then(loose_string)
        .and_then(|s| clean_text(&s));
    if let Some(callers) = data.get("callerTypes").and_then(|c| c.get("caller")) {
        for caller in as_list(callers) {
            if caller.get("count").and_then(loose_u64) == Some(0) {
                continue;
            }
            let name = caller.get("name").unwrap_or(caller);
            if let Some(name) = loose_string(name) {
                push_clean(&mut rep.labels, &name);
            }
        }
    }
    if let Some(names) = data.get("callerNames") {
        collect_strings(names, &mut rep.caller_names, 0);
    }
    rep.summary = summary(&rep);
    Ok(rep)
}

/// The verdict for a tellows score (see the module docs).
pub fn verdict_for(score: f64, comments: Option<u64>) -> ReputationVerdict {
    let rounded = score.round();
    if comments == Some(0) && rounded < 7.0 {
        ReputationVerdict::Unknown
    } else if rounded >= 7.0 {
        if comments.is_none_or(|c| c >= 2) {
            ReputationVerdict::Spam
        } else {
            ReputationVerdict::Suspicious
        }
    } else if rounded >= 6.0 {
        ReputationVerdict::Suspicious
    } else if rounded >= 4.0 {
        ReputationVerdict::Neutral
    } else {
        ReputationVerdict::Legitimate
    }
}

/// A JSON value as a list: arrays as they are, anything else as one element.
fn as_list(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

/// Collects strings from a string, list or object (values), to a small depth.
fn collect_strings(value: &Value, out: &mut Vec<String>, depth: usize) {
    if depth > 3 {
        return;
    }
    match value {
        Value::String(s) => push_clean(out, s),
        Value::Array(items) => items
            .iter()
            .for_each(|v| collect_strings(v, out, depth + 1)),
        Value::Object(map) => map
            .values()
            .for_each(|v| collect_strings(v, out, depth + 1)),
        _ => {}
    }
}

fn summary(rep: &Reputation) -> String {
    let score = rep.score.map(|s| s.to_string()).unwrap_or_default();
    let mut text = if rep.verdict == ReputationVerdict::Unknown {
        format!("tellows: no reports (score {score}/9)")
    } else {
        format!("tellows score {score}/9 ({})", rep.verdict.as_str())
    };
    if let Some(c) = rep.comments {
        text.push_str(&format!(", {c} comments"));
    }
    if let Some(s) = rep.searches {
        text.push_str(&format!(", {s} searches"));
    }
    if !rep.labels.is_empty() {
        text.push_str(&format!("; {}", rep.labels.join(", ")));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &[u8]) -> Result<Reputation, BadAnswer> {
        parse_response(body, &Redactor::none())
    }

    const CLEAN: &str = r#"{"tellows":{"number":"004930123456","normalizedNumber":"+4930123456","score":8,"searches":"340","comments":12,"location":"Berlin","callerTypes":{"caller":[{"name":"Telemarketer","count":5},{"name":"Cost trap","count":2}]},"callerNames":["Foo GmbH","Bar"]}}"#;

    #[test]
    fn parses_clean_answer() {
        let rep = parse(CLEAN.as_bytes()).expect("parses");
        assert_eq!(rep.verdict, ReputationVerdict::Spam);
        assert_eq!(rep.score, Some(8.0));
        assert_eq!(rep.risk, Some(88));
        assert_eq!(rep.comments, Some(12));
        assert_eq!(rep.searches, Some(340));
        assert_eq!(rep.location.as_deref(), Some("Berlin"));
        assert_eq!(rep.labels, vec!["Telemarketer", "Cost trap"]);
        assert_eq!(rep.caller_names, vec!["Foo GmbH", "Bar"]);
        assert!(rep.summary.contains("tellows score 8/9 (spam)"));
    }

    #[test]
    fn handles_warning_text_and_string_score() {
        let body = format!(
            "Partner Data not correct<br>\n{}\nPartner Data not correct",
            r#"{"tellows":{"score":"2","comments":"4","callerTypes":{"caller":{"name":"Company"}},"callerNames":"Acme"}}"#
        );
        let rep = parse(body.as_bytes()).expect("parses");
        assert_eq!(rep.verdict, ReputationVerdict::Legitimate);
        assert_eq!(rep.labels, vec!["Company"]);
        assert_eq!(rep.caller_names, vec!["Acme"]);
    }

    #[test]
    fn caller_names_as_object() {
        let body =
            r#"{"tellows":{"score":5,"comments":3,"callerNames":{"caller":["A","B"],"x":"C"}}}"#;
        let rep = parse(body.as_bytes()).expect("parses");
        assert_eq!(rep.verdict, ReputationVerdict::Neutral);
        assert_eq!(rep.caller_names.len(), 3);
    }

    #[test]
    fn thresholds() {
        assert_eq!(verdict_for(9.0, Some(1)), ReputationVerdict::Suspicious);
        assert_eq!(verdict_for(9.0, Some(0)), ReputationVerdict::Suspicious);
        assert_eq!(verdict_for(7.0, None), ReputationVerdict::Spam);
        assert_eq!(verdict_for(6.0, Some(1)), ReputationVerdict::Suspicious);
        assert_eq!(verdict_for(5.0, Some(3)), ReputationVerdict::Neutral);
        assert_eq!(verdict_for(5.0, None), ReputationVerdict::Neutral);
        assert_eq!(verdict_for(3.0, Some(10)), ReputationVerdict::Legitimate);
    }

    #[test]
    fn no_comments_means_no_reports_not_trustworthy() {
        for score in [1.0, 2.0, 3.0, 4.0, 5.0, 6.0] {
            assert_eq!(
                verdict_for(score, Some(0)),
                ReputationVerdict::Unknown,
                "{score}"
            );
        }
        let body = br#"{"tellows":{"score":"5","comments":"0","searches":"17","callerTypes":{"caller":[{"name":"Trustworthy number","count":"0"}]}}}"#;
        let rep = parse(body).expect("parses");
        assert_eq!(rep.verdict, ReputationVerdict::Unknown);
        assert_eq!(rep.risk, None, "no reports, no risk figure");
        assert!(
            rep.labels.is_empty(),
            "a caller type nobody picked: {rep:?}"
        );
        assert_eq!(
            rep.summary,
            "tellows: no reports (score 5/9), 0 comments, 17 searches"
        );
    }

    #[test]
    fn rejects_bad_answers() {
        assert_eq!(
            parse(b"Partner Data not correct"),
            Err(BadAnswer::NoJson {
                excerpt: Some("Partner Data not correct".into())
            })
        );
        let invalid = |field: &str| {
            Err(BadAnswer::Invalid {
                field: field.into(),
            })
        };
        assert_eq!(parse(b"{\"tellows\":{\"score\":\"x\"}}"), invalid("score"));
        assert_eq!(parse(b"{\"tellows\":{\"score\":42}}"), invalid("score"));
        assert_eq!(parse(b"{\"tellows\":[1]}"), invalid("tellows"));
        assert_eq!(
            parse(b"{\"tellows\":{\"comments\":1}}"),
            Err(BadAnswer::Missing {
                field: "score".into()
            })
        );
        assert_eq!(parse(b"{\"tellows\":{\"score\":"), Err(BadAnswer::Unclosed));
    }

    #[test]
    fn markup_stays_text() {
        let body = r#"{"tellows":{"score":8,"location":"<script>\u0007x</script>"}}"#;
        let rep = parse(body.as_bytes()).expect("parses");
        assert_eq!(rep.location.as_deref(), Some("<script>x</script>"));
    }

    #[test]
    fn md5_and_request() {
        assert_eq!(md5_hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
        let base = Url::parse("https://www.tellows.de/").expect("url");
        let n = E164::parse("+4930123456").expect("number");
        let t = Tellows::new(
            "t",
            base.clone(),
            Some(Secret::new("p1")),
            Secret::new("abc"),
            TellowsAuth::Md5Header,
            vec![],
        );
        let request = t.request(n.clone()).expect("request");
        assert_eq!(
            request.url.as_str(),
            "https://www.tellows.de/basic/num/004930123456?json=1&partner=p1"
        );
        assert_eq!(
            request.headers[0].value.expose(),
            "900150983cd24fb0d6963f7d28e17f72"
        );
        assert_eq!(request.secrets.len(), 2, "key and partner");
        let t = Tellows::new(
            "t",
            base,
            None,
            Secret::new("abc"),
            TellowsAuth::Md5Query,
            vec![],
        );
        let request = t.request(n.clone()).expect("request");
        assert!(request
            .url
            .as_str()
            .ends_with("?json=1&apikeyMd5=900150983cd24fb0d6963f7d28e17f72"));
        assert!(request.headers.is_empty());
        assert!(!format!("{t:?}").contains("abc\""));
    }
}
