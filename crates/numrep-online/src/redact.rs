//! Keeps what a request carried out of what a report says.
//!
//! A service (or anything pretending to be one) may echo the request back: the
//! number, the query string with an API key, the `Authorization` header. A
//! [`Redactor`] is built from one request and removes all of that from every
//! text taken from its answer, before anything is cut to length. On top of that,
//! [`Redactor::excerpt`] (for error texts) drops whole tokens that look like URLs, paths or
//! query strings and masks long digit runs, so an error text holds no URL, query,
//! key or full number even when the service invented them.

use crate::http::RequestHeader;
use crate::number::E164;
use crate::reputation::{is_invisible, Reputation};
use crate::secret::Secret;
use numrep::{BadAnswer, SourceProblem};
use reqwest::Url;
use serde_json::Value;

/// What replaces a removed secret.
const MASK: &str = "***";
/// What replaces a dropped token or a masked digit run.
const ELLIPSIS: &str = "…";
/// Shorter texts are not treated as secrets (`json=1` would mangle every `1`).
const MIN_SECRET_CHARS: usize = 4;
/// Digit runs this long or longer are masked in excerpts (phone numbers, keys).
const MAX_DIGIT_RUN: usize = 5;
/// Trailing digits of the asked number that count as "the number" on their own
/// (catches national forms such as `030 123456`).
const NUMBER_TAIL_DIGITS: usize = 6;
/// Longest excerpt of a body kept in an error text, in characters ([`Redactor::excerpt`]).
pub const EXCERPT_CHARS: usize = 60;

/// Removes everything one request carried (number, credentials, query values)
/// from texts taken from its answer. A parser gets its request's redactor
/// ([`Request::redactor`](crate::Request::redactor)); outside a request,
/// [`Redactor::none`].
#[derive(Debug, Clone, Default)]
pub struct Redactor {
    secrets: Vec<String>,
}

impl Redactor {
    /// A redactor that knows no secrets (only the generic masks of [`Redactor::excerpt`] apply).
    pub fn none() -> Redactor {
        Redactor::default()
    }

    /// A redactor for one request: the number in every form, every header value
    /// (and the token after `Basic `/`Bearer `), every query value, every path
    /// segment holding digits, and `extra` (raw credentials the request sent in
    /// an encoded form, e.g. the password inside a Basic header).
    pub(crate) fn for_request(
        number: &E164,
        url: &Url,
        headers: &[RequestHeader],
        extra: &[Secret],
    ) -> Redactor {
        let mut redactor = Redactor::none();
        let digits = number.digits();
        redactor.add(digits);
        redactor.add(&digits[digits.len().saturating_sub(NUMBER_TAIL_DIGITS)..]);
        for header in headers {
            let value = header.value.expose();
            redactor.add(value);
            if let Some((_, token)) = value.split_once(' ') {
                redactor.add(token);
            }
        }
        for (_, value) in url.query_pairs() {
            redactor.add(&value);
        }
        for raw in url.query().unwrap_or("").split('&') {
            if let Some((_, value)) = raw.split_once('=') {
                redactor.add(value);
            }
        }
        for segment in url.path_segments().into_iter().flatten() {
            if segment.bytes().any(|b| b.is_ascii_digit()) {
                redactor.add(segment);
            }
        }
        for secret in extra {
            redactor.add(secret.expose());
        }
        // Longest first, so a secret that contains another is removed whole.
        redactor.secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        redactor.secrets.dedup();
        redactor
    }

    fn add(&mut self, secret: &str) {
        let secret = secret.trim();
        // Also without base64 padding, which an echo may drop.
        for form in [secret, secret.trim_end_matches('=')] {
            if form.chars().count() >= MIN_SECRET_CHARS {
                self.secrets.push(form.to_string());
            }
        }
    }

    /// `text` with every known secret replaced by `***` (ASCII case ignored).
    /// Control characters (but whitespace) and invisible characters go first, so
    /// a secret split by them is still found and cannot reappear when they are
    /// removed later.
    pub fn text(&self, text: &str) -> String {
        let mut out: String = text
            .chars()
            .filter(|c| (!c.is_control() || c.is_whitespace()) && !is_invisible(*c))
            .collect();
        for secret in &self.secrets {
            out = replace_ignoring_ascii_case(&out, secret, MASK);
        }
        out
    }

    /// Whether `form` (a number as written) holds a secret.
    fn holds_secret(&self, form: &str) -> bool {
        self.secrets
            .iter()
            .any(|secret| form.contains(secret.as_str()))
    }

    /// `rep` with every text redacted, and every count or score whose digits hold
    /// a secret dropped: a second pass over what a parser returned.
    pub(crate) fn reputation(&self, mut rep: Reputation) -> Reputation {
        if self.secrets.is_empty() {
            return rep;
        }
        let texts = rep.labels.iter_mut().chain(&mut rep.caller_names);
        for text in texts.chain(&mut rep.location) {
            *text = self.text(text);
        }
        rep.summary = self.text(&rep.summary);
        for count in [&mut rep.comments, &mut rep.searches, &mut rep.votes] {
            if count.is_some_and(|n| self.holds_secret(&n.to_string())) {
                *count = None;
            }
        }
        if rep.score.is_some_and(|s| self.holds_secret(&s.to_string())) {
            rep.score = None;
        }
        rep
    }

    /// Redacts every string inside a JSON value, in place; a number whose digits
    /// hold a secret (the asked number sent back as a "count") becomes `null`.
    pub(crate) fn value(&self, value: &mut Value) {
        if self.secrets.is_empty() {
            return;
        }
        match value {
            Value::String(s) => *s = self.text(s),
            Value::Number(n) => {
                // As JSON writes it and as a summary would print it.
                let forms = [
                    n.to_string(),
                    n.as_f64().map(|f| f.to_string()).unwrap_or_default(),
                ];
                if forms.iter().any(|form| self.holds_secret(form)) {
                    *value = Value::Null;
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.value(v)),
            Value::Object(map) => map.values_mut().for_each(|v| self.value(v)),
            _ => {}
        }
    }

    /// A problem with its service-given texts (redirect host, excerpt, unknown
    /// value) redacted.
    pub(crate) fn problem(&self, problem: SourceProblem) -> SourceProblem {
        match problem {
            SourceProblem::Redirect { status, host } => SourceProblem::Redirect {
                status,
                host: host.and_then(|h| self.excerpt(h.as_bytes())),
            },
            SourceProblem::Parse(BadAnswer::NoJson { excerpt: text }) => {
                SourceProblem::Parse(BadAnswer::NoJson {
                    excerpt: text.and_then(|t| self.excerpt(t.as_bytes())),
                })
            }
            SourceProblem::Parse(BadAnswer::UnknownValue { field, value }) => {
                SourceProblem::Parse(BadAnswer::UnknownValue {
                    field,
                    value: self
                        .excerpt(value.as_bytes())
                        .unwrap_or_else(|| ELLIPSIS.into()),
                })
            }
            other => other,
        }
    }

    /// A short excerpt of service-given `bytes` that is safe in an error text: known
    /// secrets removed, tokens that look like URLs, paths, query strings or keys
    /// dropped, runs of five or more digits masked, control characters removed, at
    /// most [`EXCERPT_CHARS`] characters. `None` when nothing readable is left.
    pub fn excerpt(&self, bytes: &[u8]) -> Option<String> {
        let text = self.text(&String::from_utf8_lossy(bytes));
        let mut words: Vec<String> = Vec::new();
        for token in text.split_whitespace() {
            let word = if looks_like_address(token) || looks_like_key(token) {
                ELLIPSIS.to_string()
            } else {
                mask_digit_runs(token)
            };
            if !(word == ELLIPSIS && words.last().is_some_and(|w| w == ELLIPSIS)) {
                words.push(word);
            }
        }
        let joined = words.join(" ");
        let clean: String = joined
            .chars()
            .filter(|c| !c.is_control())
            .take(EXCERPT_CHARS)
            .collect();
        let clean = clean.trim();
        (!clean.is_empty() && clean != ELLIPSIS).then(|| clean.to_string())
    }
}

/// Whether a whitespace-free token looks like a URL, a path, a query string or a
/// header-style credential (`key=value`, `/a/b`, `x://…`, `?q`).
pub(crate) fn looks_like_address(token: &str) -> bool {
    token.contains("://")
        || token.contains('=')
        || (token.starts_with('/') && token.len() > 1)
        || token.find('?').is_some_and(|i| {
            i + 1 < token.len() && token[i + 1..].chars().any(char::is_alphanumeric)
        })
}

/// Whether a token holds something that looks like a key, token or hash: a run
/// of 16 or more letters, digits, `-`, `_`, `+` or `/` with both letters and digits.
fn looks_like_key(token: &str) -> bool {
    token
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '/')))
        .any(|part| {
            part.len() >= 16
                && part.bytes().any(|b| b.is_ascii_digit())
                && part.bytes().any(|b| b.is_ascii_alphabetic())
        })
}

/// Replaces each run of [`MAX_DIGIT_RUN`] or more ASCII digits by `…`.
fn mask_digit_runs(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= MAX_DIGIT_RUN {
            out.push_str(ELLIPSIS);
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in token.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// `haystack` with every occurrence of `needle` (ASCII case ignored) replaced.
fn replace_ignoring_ascii_case(haystack: &str, needle: &str, with: &str) -> String {
    if needle.is_empty() {
        return haystack.to_string();
    }
    // ASCII lowercasing keeps byte lengths and char boundaries, so positions in
    // the lowered text are positions in the original.
    let lower_hay = haystack.to_ascii_lowercase();
    let lower_needle = needle.to_ascii_lowercase();
    let mut out = String::with_capacity(haystack.len());
    let mut last = 0;
    for (start, _) in lower_hay.match_indices(&lower_needle) {
        if start < last {
            continue;
        }
        out.push_str(&haystack[last..start]);
        out.push_str(with);
        last = start + needle.len();
    }
    out.push_str(&haystack[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderName;

    fn redactor() -> Redactor {
        let number = E164::parse("+4930123456").expect("number");
        let url = Url::parse(
            "http://127.0.0.1:9/basic/num/004930123456?json=1&partner=4711&apikey=s%C3%A9cret-key",
        )
        .expect("url");
        let headers = [RequestHeader {
            name: HeaderName::from_static("authorization"),
            value: Secret::new("Bearer tok3n-value"),
        }];
        Redactor::for_request(&number, &url, &headers, &[Secret::new("hunter22")])
    }

    #[test]
    fn removes_everything_the_request_carried() {
        let r = redactor();
        let echo = "GET /basic/num/004930123456?json=1&partner=4711&apikey=s%C3%A9cret-key \
                    Authorization: BEARER TOK3N-VALUE séCRET-KEY hunter22 030 123456 +4930123456";
        let out = r.text(echo);
        for leaked in [
            "4930123456",
            "123456",
            "4711",
            "s%C3%A9cret-key",
            "sécret-key",
            "TOK3N",
            "hunter22",
        ] {
            assert!(!out.contains(leaked), "{leaked} in {out}");
        }
        assert!(out.contains("json=1"), "short values stay: {out}");
    }

    #[test]
    fn excerpts_hold_no_address_query_or_number() {
        let text = "Partner Data not correct GET /basic/num/***?json=1 https://x.example/a?b=c \
                    call 01761234567 now x-auth-token: 9f86d081884c7d659a2feaa0c55ad015";
        let out = Redactor::none()
            .excerpt(text.as_bytes())
            .expect("something left");
        assert_eq!(
            out,
            "Partner Data not correct GET … call … now x-auth-token: …"
        );
        for leaked in ["/basic", "json=1", "https", "b=c", "01761234567", "884"] {
            assert!(!out.contains(leaked), "{leaked} in {out}");
        }
        assert!(out.chars().count() <= EXCERPT_CHARS);
        assert_eq!(Redactor::none().excerpt(b"  \x07 "), None);
        assert_eq!(Redactor::none().excerpt(b"/only/a/path"), None);
    }

    #[test]
    fn json_strings_are_redacted_before_anything_is_cut() {
        let r = redactor();
        let mut value = serde_json::json!({"a": ["x hunter22 y", {"b": "HUNTER22"}], "n": 5, "c": 4930123456_u64});
        r.value(&mut value);
        assert_eq!(
            value,
            serde_json::json!({"a": ["x *** y", {"b": "***"}], "n": 5, "c": null})
        );
    }

    #[test]
    fn a_secret_split_by_invisible_characters_is_still_found() {
        let r = redactor();
        assert_eq!(r.text("hun\u{200B}ter\u{0007}22!"), "***!");
        let rep = crate::sources::tellows::parse_response(
            "{\"tellows\":{\"score\":8,\"location\":\"hun\\u200bter22\"}}".as_bytes(),
            &r,
        )
        .expect("parses");
        assert_eq!(rep.location.as_deref(), Some("***"));
    }

    #[test]
    fn problems_are_redacted() {
        let r = redactor();
        let p = r.problem(SourceProblem::Redirect {
            status: Some(302),
            host: Some("hunter22.4930123456.evil.example".into()),
        });
        assert_eq!(
            p,
            SourceProblem::Redirect {
                status: Some(302),
                host: Some("***.***.evil.example".into())
            }
        );
    }

    #[test]
    fn case_insensitive_replacement_keeps_other_text() {
        assert_eq!(replace_ignoring_ascii_case("aXbxc", "x", "-"), "a-b-c");
        assert_eq!(
            replace_ignoring_ascii_case("Grüße KEY", "key", "*"),
            "Grüße *"
        );
        assert_eq!(mask_digit_runs("a1234b12345c"), "a1234b…c");
    }
}
