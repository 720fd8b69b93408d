//! What `--config` and the list flags add to a lookup, read by `numrep-config` (the
//! reader the widget and the desk share): unknown keys are errors with file, line and
//! a hint, list files are size-checked before they are read, and bad list rows are
//! reported on stderr in the run's language, never dropped silently.

use std::path::Path;

use numrep::Lang;
use numrep_config::{Config, Lists};

use crate::args::LookupArgs;

/// What `--config` and the list flags add to a lookup.
pub struct Setup {
    /// The run's language: `--lang`, else the config's `lang`, else the locale.
    pub lang: Lang,
    /// The loaded lists.
    pub lists: Lists,
    /// The online sources' config, when `--online` was given.
    pub online: Option<numrep_online::Config>,
}

/// Reads the config file and list files; errors are usage errors (exit 2). `env`
/// reads environment variables (the locale, for the language).
pub fn load(args: &LookupArgs, env: impl Fn(&str) -> Option<String>) -> Result<Setup, String> {
    let config = match &args.config {
        Some(path) => Config::load(path).map_err(|e| e.message(args.language(None, &env)))?,
        None => Config::empty(),
    };
    let lang = args.language(config.lang(), env);
    let online = match args.online {
        false => None,
        true if !config.online().sources.is_empty() => Some(config.online().clone()),
        true => {
            return Err(
                "--online needs --config with at least one [[sources]] entry; \
                 nothing is sent anywhere unless a source is configured"
                    .to_string(),
            )
        }
    };
    let overrides = [&args.own_numbers, &args.blocklist, &args.allowlist]
        .map(|flag| flag.as_deref().map(Path::to_path_buf));
    let lists = config
        .load_lists(&overrides, args.region, lang, |problem| {
            eprintln!("numrep: {problem}")
        })
        .map_err(|e| e.message(lang).to_string())?;
    Ok(Setup {
        lang,
        lists,
        online,
    })
}
