//! The config file (`--config numrep.toml`) and the list files it or the flags name.
//!
//! ```toml
//! own_numbers = "own_numbers.csv"   # paths are relative to the config file
//! blocklist = "blocklist.csv"
//! allowlist = "allowlist.json"
//! deadline_ms = 1500                # online sources, see numrep-online's config docs
//! [[sources]]
//! name = "tellows"
//! kind = "tellows"
//! ...
//! ```
//!
//! Bad list rows are reported on stderr with file, line and reason, never dropped
//! silently; a missing or unreadable file is an error.

use std::path::{Path, PathBuf};

use numrep::lists::{
    load_own_numbers, load_rules, CountryCode, ListFormat, ListKind, LoadOptions,
    OwnNumberRegistry, PatternOptions, RuleList,
};
use numrep::{Checker, Lang, Options};
use serde::Deserialize;

use crate::args::LookupArgs;

/// The keys of the config file that the CLI reads itself (the rest are numrep-online's).
#[derive(Debug, Default, Deserialize)]
struct ListPaths {
    own_numbers: Option<PathBuf>,
    blocklist: Option<PathBuf>,
    allowlist: Option<PathBuf>,
    lang: Option<String>,
}

/// What `--config` and the list flags add to a lookup.
pub struct Setup {
    /// The config's language, if it names one.
    pub lang: Option<Lang>,
    own: Vec<OwnNumberRegistry>,
    rules: Vec<RuleList>,
    /// The online sources' config, when `--online` was given.
    pub online: Option<numrep_online::Config>,
}

impl Setup {
    /// True when an own-number register is loaded.
    pub fn has_register(&self) -> bool {
        !self.own.is_empty()
    }

    /// The tables plus the loaded lists, reading numbers with `options`.
    pub fn checker(self, options: Options) -> Checker {
        let checker = self
            .own
            .into_iter()
            .fold(Checker::new(options), Checker::with_own_numbers);
        self.rules.into_iter().fold(checker, Checker::with_rules)
    }
}

/// Reads the config file and list files; errors are usage errors (exit 2).
pub fn load(args: &LookupArgs) -> Result<Setup, String> {
    let (paths, online_config, base) = match &args.config {
        Some(path) => {
            let text = read(path)?;
            let paths: ListPaths = toml::from_str(&text)
                .map_err(|e| format!("{}: {}", path.display(), e.message()))?;
            let online = numrep_online::Config::from_toml(&text)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
            (paths, Some(online), base)
        }
        None => (ListPaths::default(), None, PathBuf::new()),
    };
    let online = match (args.online, online_config) {
        (false, _) => None,
        (true, Some(config)) if !config.sources.is_empty() => Some(config),
        (true, _) => {
            return Err(
                "--online needs --config with at least one [[sources]] entry; \
                 nothing is sent anywhere unless a source is configured"
                    .to_string(),
            )
        }
    };
    let lang = match paths.lang.as_deref() {
        None => None,
        Some(name) => Some(name.parse::<Lang>().map_err(|e| {
            let file = args.config.as_deref().map(Path::display);
            format!(
                "{}: lang: {e}",
                file.map_or_else(String::new, |f| f.to_string())
            )
        })?),
    };
    let list_options = LoadOptions {
        pattern: PatternOptions {
            default_country_code: CountryCode::new(args.region.country_code()).ok(),
        },
        ..LoadOptions::default()
    };
    let (mut own_lists, mut rule_lists) = (Vec::new(), Vec::new());
    let own = args
        .own_numbers
        .clone()
        .or(paths.own_numbers.map(|p| base.join(p)));
    if let Some(path) = own {
        let (text, format) = list_text(&path)?;
        let loaded = load_own_numbers(&text, &display(&path), format, &list_options)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        report_problems(&loaded.problems, loaded.unlisted_problems);
        own_lists.push(loaded.list);
    }
    let rule_files: [(ListKind, Option<PathBuf>); 2] = [
        (
            ListKind::Block,
            args.blocklist
                .clone()
                .or(paths.blocklist.map(|p| base.join(p))),
        ),
        (
            ListKind::Allow,
            args.allowlist
                .clone()
                .or(paths.allowlist.map(|p| base.join(p))),
        ),
    ];
    for (kind, path) in rule_files {
        let Some(path) = path else { continue };
        let (text, format) = list_text(&path)?;
        let loaded = load_rules(&text, &display(&path), kind, format, &list_options)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        report_problems(&loaded.problems, loaded.unlisted_problems);
        rule_lists.push(loaded.list);
    }
    Ok(Setup {
        lang,
        own: own_lists,
        rules: rule_lists,
        online,
    })
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn list_text(path: &Path) -> Result<(String, ListFormat), String> {
    let format = ListFormat::from_file_name(&display(path)).map_err(|e| e.to_string())?;
    Ok((read(path)?, format))
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

fn report_problems(problems: &[numrep::lists::RowProblem], unlisted: usize) {
    for problem in problems {
        eprintln!("numrep: skipped list row: {problem}");
    }
    if unlisted > 0 {
        eprintln!("numrep: … and {unlisted} more skipped list rows");
    }
}
