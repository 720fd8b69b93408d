//! [`Request`]: one GET a source sends about one number, and the redaction of
//! whatever comes back. Every adapter, built in or not, asks its service this way.

use crate::error::{BadAnswer, SourceProblem};
use crate::http::{parse_url, HttpClient, RequestHeader};
use crate::number::E164;
use crate::redact::Redactor;
use crate::reputation::Reputation;
use crate::secret::Secret;
use crate::url_policy::check_url;
use reqwest::Url;
use std::fmt;

/// One GET request a [`Source`](crate::Source) sends about one number.
///
/// It remembers what it carries: the number in every form, each header value (and
/// the token after `Basic ` or `Bearer `), every query value, the path segments that
/// hold digits, and the credentials it sends in an encoded form
/// ([`Request::secret`]). [`Request::send`] removes all of that from the parsed
/// answer and from any problem, so a service that echoes the request back leaks
/// nothing into a report. The client's rules apply as to the built-in adapters:
/// https only (plain http to loopback hosts), no redirects, a capped body.
///
/// A source written outside this crate:
///
/// ```no_run
/// use numrep_online::{
///     Answer, BadAnswer, BoxFuture, HttpClient, Redactor, Reputation, Request, Secret,
///     Source, SourceKind, SourceProblem, ReputationVerdict,
/// };
///
/// struct Complaints {
///     token: Secret,
/// }
///
/// /// `{"complaints": 3}` → a verdict; service texts would pass `redactor.text`.
/// fn parse(body: &[u8], _redactor: &Redactor) -> Result<Reputation, BadAnswer> {
///     let count = std::str::from_utf8(body)
///         .ok()
///         .and_then(|text| text.trim().strip_prefix("{\"complaints\": "))
///         .and_then(|rest| rest.strip_suffix('}'))
///         .and_then(|n| n.parse::<u64>().ok())
///         .ok_or(BadAnswer::Missing { field: "complaints".into() })?;
///     let verdict = if count > 0 { ReputationVerdict::Suspicious } else { ReputationVerdict::Unknown };
///     let mut reputation = Reputation::new(verdict);
///     reputation.votes = Some(count);
///     Ok(reputation)
/// }
///
/// impl Source for Complaints {
///     fn name(&self) -> &str {
///         "complaints"
///     }
///
///     fn kind(&self) -> SourceKind {
///         SourceKind::Custom
///     }
///
///     fn query<'a>(
///         &'a self,
///         e164: &'a str,
///         client: &'a HttpClient,
///     ) -> BoxFuture<'a, Result<Answer, SourceProblem>> {
///         Box::pin(async move {
///             let url = format!("https://complaints.example/v1/numbers/{e164}");
///             let request = Request::get(e164, &url)?
///                 .header("authorization", &format!("Bearer {}", self.token.expose()))?;
///             request.send(client, parse).await.map(Answer::Found)
///         })
///     }
/// }
/// ```
///
/// Its `Debug` output shows the number masked, the URL's origin and the header
/// names only: no path, query or header value (they carry the number and keys).
#[derive(Clone)]
pub struct Request {
    /// The number asked about.
    pub(crate) number: E164,
    /// Where the request goes; path and query may carry the number and keys.
    pub(crate) url: Url,
    /// The headers sent, values marked as sensitive.
    pub(crate) headers: Vec<RequestHeader>,
    /// Credentials sent in an encoded form.
    pub(crate) secrets: Vec<Secret>,
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|h| h.name.as_str()).collect();
        f.debug_struct("Request")
            .field("number", &self.number.masked())
            .field("origin", &self.url.origin().ascii_serialization())
            .field("headers", &names)
            .field("secrets", &self.secrets.len())
            .finish()
    }
}

impl Request {
    /// A GET of `url` about `e164`, the number as [`Source::query`](crate::Source::query)
    /// gets it (`"+4930123456"`).
    ///
    /// # Errors
    ///
    /// [`SourceProblem::InvalidNumber`] when `e164` is no E.164 number;
    /// [`SourceProblem::InsecureUrl`] when `url` is no URL or one the client may not
    /// ask: https only (plain http to loopback hosts), no credentials in the URL.
    pub fn get(e164: &str, url: &str) -> Result<Request, SourceProblem> {
        let url = parse_url(url)?;
        check_url(&url).map_err(|_| SourceProblem::InsecureUrl)?;
        Ok(Request::new(E164::parse(e164)?, url))
    }

    /// A GET of `url` about `number`, carrying nothing else yet.
    pub(crate) fn new(number: E164, url: Url) -> Request {
        Request {
            number,
            url,
            headers: Vec::new(),
            secrets: Vec::new(),
        }
    }

    /// The request with one more header. Its value is sent marked as sensitive and
    /// removed from the answer like every other part of the request.
    ///
    /// # Errors
    ///
    /// [`SourceProblem::BadCredential`] (without a variable name) when `name` or
    /// `value` holds characters HTTP does not allow in a header.
    pub fn header(self, name: &str, value: &str) -> Result<Request, SourceProblem> {
        let header = RequestHeader::checked(name, Secret::new(value))?;
        Ok(self.with_headers([header]))
    }

    /// The request with more headers, already checked.
    #[must_use]
    pub(crate) fn with_headers(
        mut self,
        headers: impl IntoIterator<Item = RequestHeader>,
    ) -> Request {
        self.headers.extend(headers);
        self
    }

    /// The request, remembering a credential it sends in an encoded form (the
    /// password inside a `Basic` header, a key sent as its hash), so that an echo of
    /// the raw credential is removed from the answer too.
    #[must_use]
    pub fn secret(self, raw: &Secret) -> Request {
        self.with_secrets([raw])
    }

    /// [`Request::secret`] for several credentials.
    #[must_use]
    pub(crate) fn with_secrets<'a>(mut self, raw: impl IntoIterator<Item = &'a Secret>) -> Request {
        self.secrets.extend(raw.into_iter().cloned());
        self
    }

    /// The redactor [`Request::send`] hands to the parser: it removes from a text
    /// everything this request carried. Also for testing a parser without a server.
    pub fn redactor(&self) -> Redactor {
        Redactor::for_request(&self.number, &self.url, &self.headers, &self.secrets)
    }

    /// Sends the request through `client`, and `parse`s the body of a 2xx answer
    /// with the request's [`Redactor`]. What `parse` returns is redacted once more
    /// (its texts, and counts or scores whose digits hold the number or a
    /// credential), so a text `parse` forgot to redact cannot leak; `parse` should
    /// still redact service texts itself, before cutting them to length, so that no
    /// cut-off part of a secret is left.
    ///
    /// # Errors
    ///
    /// Every [`SourceProblem`] of the exchange (timeouts are the engine's), and
    /// [`SourceProblem::Parse`] with what `parse` returned; service-given texts in
    /// them are redacted.
    pub async fn send<F>(self, client: &HttpClient, parse: F) -> Result<Reputation, SourceProblem>
    where
        F: FnOnce(&[u8], &Redactor) -> Result<Reputation, BadAnswer>,
    {
        let redactor = self.redactor();
        let body = client
            .get(&self.url, &self.headers)
            .await
            .map_err(|problem| redactor.problem(problem))?;
        match parse(&body, &redactor) {
            Ok(reputation) => Ok(redactor.reputation(reputation)),
            Err(bad) => Err(redactor.problem(SourceProblem::Parse(bad))),
        }
    }
}
