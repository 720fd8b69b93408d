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
//! Bad list rows are reported on stderr with file, line and reason, in the run's
//! language, never dropped silently; a missing or unreadable file is an error.
//! Files are checked before they are read: only regular files up to the size limit
//! (lists: [`LoadOptions::max_text_bytes`], the config: [`MAX_CONFIG_BYTES`]), read
//! through a bounded reader, so a huge file, `/dev/zero`, a pipe or a directory named
//! by mistake is refused instead of filling memory or blocking.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use numrep::lists::{
    load_own_numbers, load_rules, CountryCode, ListError, ListFormat, ListKind, LoadOptions,
    Loaded, OwnNumberRegistry, PatternOptions, RuleList,
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

/// The largest config file read, in bytes.
pub const MAX_CONFIG_BYTES: usize = 1024 * 1024;

/// What `--config` and the list flags add to a lookup.
pub struct Setup {
    /// The run's language: `--lang`, else the config's `lang`, else the locale.
    pub lang: Lang,
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

/// Reads the config file and list files; errors are usage errors (exit 2). `env`
/// reads environment variables (the locale, for the language).
pub fn load(args: &LookupArgs, env: impl Fn(&str) -> Option<String>) -> Result<Setup, String> {
    let (paths, online_config, base) = match &args.config {
        Some(path) => {
            let text = read(path, MAX_CONFIG_BYTES)
                .map_err(|e| e.message(args.language(None, &env)).to_string())?;
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
    let config_lang = match paths.lang.as_deref() {
        None => None,
        Some(name) => Some(name.parse::<Lang>().map_err(|e| {
            let file = args.config.as_deref().map(Path::display);
            format!(
                "{}: lang: {e}",
                file.map_or_else(String::new, |f| f.to_string())
            )
        })?),
    };
    let lang = args.language(config_lang, env);
    let list_options = LoadOptions {
        pattern: PatternOptions {
            default_country_code: CountryCode::new(args.region.info().code).ok(),
        },
        lang,
        ..LoadOptions::default()
    };
    let list_error = |e: ListError| e.message(lang).to_string();
    let (mut own_lists, mut rule_lists) = (Vec::new(), Vec::new());
    let own = args
        .own_numbers
        .clone()
        .or(paths.own_numbers.map(|p| base.join(p)));
    if let Some(path) = own {
        let (text, format) = list_text(&path, &list_options).map_err(list_error)?;
        let loaded =
            load_own_numbers(&text, &display(&path), format, &list_options).map_err(list_error)?;
        report_problems(&loaded, lang);
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
        let (text, format) = list_text(&path, &list_options).map_err(list_error)?;
        let loaded =
            load_rules(&text, &display(&path), kind, format, &list_options).map_err(list_error)?;
        report_problems(&loaded, lang);
        rule_lists.push(loaded.list);
    }
    Ok(Setup {
        lang,
        own: own_lists,
        rules: rule_lists,
        online,
    })
}

/// Reads a regular file of at most `max` bytes as UTF-8 text.
///
/// The path's metadata is checked before the file is opened (opening a pipe would
/// block), the opened file's again (the path may have changed in between), and the
/// reading stops after `max + 1` bytes whatever size the file claims (`/proc` files
/// claim 0).
fn read(path: &Path, max: usize) -> Result<String, ListError> {
    let file = display(path);
    let failed = |e: io::Error| match e.kind() {
        io::ErrorKind::NotFound => ListError::NotFound { file: file.clone() },
        _ => ListError::Unreadable {
            file: file.clone(),
            reason: e.to_string(),
        },
    };
    check_size(&fs::metadata(path).map_err(failed)?, &file, max)?;
    let opened = File::open(path).map_err(failed)?;
    let metadata = opened.metadata().map_err(failed)?;
    check_size(&metadata, &file, max)?;
    let expected = usize::try_from(metadata.len()).unwrap_or(max).min(max);
    let mut bytes = Vec::with_capacity(expected);
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    opened.take(limit).read_to_end(&mut bytes).map_err(failed)?;
    if bytes.len() > max {
        return Err(ListError::TextTooLarge {
            file,
            len: bytes.len(),
            max,
        });
    }
    String::from_utf8(bytes).map_err(|e| ListError::NotUtf8 {
        file,
        offset: e.utf8_error().valid_up_to(),
    })
}

/// A regular file no larger than `max` bytes.
fn check_size(metadata: &Metadata, file: &str, max: usize) -> Result<(), ListError> {
    if !metadata.is_file() {
        return Err(ListError::NotAFile {
            file: file.to_string(),
        });
    }
    match usize::try_from(metadata.len()) {
        Ok(len) if len <= max => Ok(()),
        len => Err(ListError::TextTooLarge {
            file: file.to_string(),
            len: len.unwrap_or(usize::MAX),
            max,
        }),
    }
}

/// The text of a list file and its format (from the extension), read within the
/// size limit of `options`.
fn list_text(path: &Path, options: &LoadOptions) -> Result<(String, ListFormat), ListError> {
    let format = ListFormat::from_file_name(&display(path))?;
    Ok((read(path, options.max_text_bytes)?, format))
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

/// Prints each left-out row (and the count of unlisted ones) on stderr in `lang`.
fn report_problems<L>(loaded: &Loaded<L>, lang: Lang) {
    for problem in &loaded.problems {
        eprintln!("numrep: {}", problem.message(lang));
    }
    if let Some(note) = loaded.unlisted_note(lang) {
        eprintln!("numrep: {note}");
    }
}
