//! A source whose settings cannot work on this machine (a credential's variable is
//! not set): it answers every lookup at once with its problem, which the engine
//! reports as `config_error` without asking anyone.

use crate::error::SourceProblem;
use crate::http::HttpClient;
use crate::sources::{Answer, BoxFuture, Source, SourceKind};

/// A configured source that cannot be asked, and why.
#[derive(Debug, Clone)]
pub(crate) struct Unconfigured {
    name: String,
    kind: SourceKind,
    problem: SourceProblem,
}

impl Unconfigured {
    /// A stand-in for source `name` of `kind` that always reports `problem`.
    pub(crate) fn new(name: &str, kind: SourceKind, problem: SourceProblem) -> Unconfigured {
        Unconfigured {
            name: name.to_string(),
            kind,
            problem,
        }
    }
}

impl Source for Unconfigured {
    fn name(&self) -> &str {
        &self.name
    }

    fn kind(&self) -> SourceKind {
        self.kind
    }

    fn query<'a>(
        &'a self,
        _e164: &'a str,
        _client: &'a HttpClient,
    ) -> BoxFuture<'a, Result<Answer, SourceProblem>> {
        Box::pin(std::future::ready(Err(self.problem.clone())))
    }
}
