//! Shared by the response-parser fuzz targets: what a parser returns is sane, and
//! nothing the request carried (the number, the key) comes back in a result or in
//! a problem's text, whatever the body holds.

use numrep::{BadAnswer, Lang, SourceProblem};
use numrep_online::internals::{MAX_LIST_ENTRIES, MAX_TEXT_CHARS};
use numrep_online::{Redactor, Reputation, Request, EXCERPT_CHARS};

/// The key the fuzzed "request" carried (in the query and, hashed, in a header).
pub const KEY: &str = "fuzzSecretKey-9f3a";
/// What must never come back.
const SECRETS: [&str; 3] = [KEY, "4930123456", "123456"];

/// A redactor for a request that carried the number +4930123456 and [`KEY`].
pub fn redactor() -> Redactor {
    let url = format!("https://x.example/basic/num/004930123456?json=1&apikey={KEY}");
    Request::get("+4930123456", &url)
        .and_then(|request| request.header("authorization", &format!("Bearer {KEY}")))
        .expect("a valid request")
        .redactor()
}

fn assert_no_secret(text: &str) {
    let lower = text.to_ascii_lowercase();
    for secret in SECRETS {
        assert!(
            !lower.contains(&secret.to_ascii_lowercase()),
            "{secret} in {text}"
        );
    }
}

/// Checks a parser's result.
pub fn check(result: Result<Reputation, BadAnswer>) {
    match result {
        Ok(rep) => {
            assert!(rep.risk.is_none_or(|r| r <= 100));
            assert!(rep.labels.len() <= MAX_LIST_ENTRIES);
            assert!(rep.caller_names.len() <= MAX_LIST_ENTRIES);
            for text in rep
                .labels
                .iter()
                .chain(&rep.caller_names)
                .chain(&rep.location)
            {
                assert!(!text.is_empty() && text.chars().count() <= MAX_TEXT_CHARS);
                assert!(!text.chars().any(char::is_control));
                assert!(!text.contains("://"), "{text}");
            }
            assert!(!rep.summary.chars().any(char::is_control));
            assert_no_secret(&format!("{rep:?}"));
        }
        Err(bad) => {
            if let BadAnswer::NoJson { excerpt: Some(e) } = &bad {
                assert!(e.chars().count() <= EXCERPT_CHARS);
            }
            let problem = SourceProblem::Parse(bad);
            for text in [
                format!("{problem:?}"),
                problem.message(Lang::De).to_string(),
                problem.message(Lang::En).to_string(),
            ] {
                assert!(!text.chars().any(char::is_control), "{text}");
                assert!(!text.contains("://"), "{text}");
                assert_no_secret(&text);
            }
        }
    }
}
