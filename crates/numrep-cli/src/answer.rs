//! One input → one report: the tables, our lists and (with `--online`) the sources.

use numrep::lists::Date;
use numrep::{Checker, Report};
use numrep_online::Engine;

/// Answers inputs; shared by the argument path and the batch workers.
pub struct Answerer {
    checker: Checker,
    today: Date,
    online: Option<Online>,
}

/// The online sources and the runtime their HTTP client needs.
struct Online {
    engine: Engine,
    runtime: tokio::runtime::Runtime,
}

impl Answerer {
    /// An answerer for `today` (the day the calls were made; `--date`, else the
    /// machine's local date).
    pub fn new(
        checker: Checker,
        today: Option<Date>,
        online: Option<numrep_online::Config>,
    ) -> Result<Answerer, String> {
        let online = match online {
            Some(config) => {
                let engine = Engine::from_config(&config).map_err(|e| e.to_string())?;
                let runtime = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .enable_all()
                    .build()
                    .map_err(|e| format!("cannot start the HTTP runtime: {e}"))?;
                Some(Online { engine, runtime })
            }
            None => None,
        };
        Ok(Answerer {
            checker,
            today: today.unwrap_or_else(numrep_config::today),
            online,
        })
    }

    /// How inputs are read and described.
    pub fn options(&self) -> &numrep::Options {
        self.checker.options()
    }

    /// The report for one input.
    pub fn answer(&self, input: &str) -> Report {
        let Some(online) = &self.online else {
            return self.checker.check(input, self.today);
        };
        let options = self.checker.options();
        let e164 = numrep::parse(input, options.home_region())
            .ok()
            .and_then(|n| n.e164());
        let evidence = match e164 {
            Some(e164) => online
                .runtime
                .block_on(online.engine.lookup(&e164))
                .map(|reports| reports.iter().map(|r| r.to_evidence()).collect())
                .unwrap_or_default(),
            None => Vec::new(),
        };
        self.checker.check_with_sources(input, self.today, evidence)
    }
}
