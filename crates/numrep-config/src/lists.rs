//! How list files are found and read for a region: the same in every frontend.

#[cfg(not(target_arch = "wasm32"))]
use std::path::{Path, PathBuf};

#[cfg(not(target_arch = "wasm32"))]
use numrep::lists::{
    load_own_numbers, load_rules, ListError, ListFormat, ListKind, Loaded, OwnNumberRegistry,
    RuleList,
};
use numrep::lists::{CountryCode, LoadOptions, PatternOptions};
#[cfg(not(target_arch = "wasm32"))]
use numrep::{Checker, Options};
use numrep::{Lang, Region};

#[cfg(not(target_arch = "wasm32"))]
use crate::config::Config;

/// The list files a configuration can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListFile {
    /// `own_numbers`: our call centers' registered numbers.
    OwnNumbers = 0,
    /// `blocklist`.
    Blocklist = 1,
    /// `allowlist`.
    Allowlist = 2,
}

impl ListFile {
    /// Every list, in loading order.
    pub const ALL: [ListFile; 3] = [
        ListFile::OwnNumbers,
        ListFile::Blocklist,
        ListFile::Allowlist,
    ];

    /// The configuration key.
    pub fn key(self) -> &'static str {
        match self {
            ListFile::OwnNumbers => "own_numbers",
            ListFile::Blocklist => "blocklist",
            ListFile::Allowlist => "allowlist",
        }
    }
}

/// Loading options for lists read with `region` as the home region (numbers written
/// in national form, `030 123456`, belong to its calling code), problems in `lang`.
pub fn list_options(region: Region, lang: Lang) -> LoadOptions {
    let patterns = match CountryCode::new(region.country_code()) {
        Ok(code) => PatternOptions::new().default_country_code(code),
        Err(_) => PatternOptions::new(),
    };
    LoadOptions::new().patterns(patterns).lang(lang)
}

/// The lists a configuration (and the command line) names, loaded.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Default)]
pub struct Lists {
    own: Vec<OwnNumberRegistry>,
    rules: Vec<RuleList>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Lists {
    /// True when an own-number register is loaded.
    pub fn has_register(&self) -> bool {
        !self.own.is_empty()
    }

    /// The tables plus these lists, reading numbers with `options`.
    pub fn checker(self, options: Options) -> Checker {
        let checker = self
            .own
            .into_iter()
            .fold(Checker::new(options), Checker::with_own_numbers);
        self.rules.into_iter().fold(checker, Checker::with_rules)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Config {
    /// Loads the configured list files (each replaced by the path in `overrides`, if
    /// given: the CLI's `--own-numbers`, `--blocklist`, `--allowlist`) for `region`.
    /// Every left-out row is handed to `problem` as a line in `lang`; an unreadable
    /// file is an error.
    pub fn load_lists(
        &self,
        overrides: &[Option<PathBuf>; 3],
        region: Region,
        lang: Lang,
        mut problem: impl FnMut(String),
    ) -> Result<Lists, ListError> {
        let options = list_options(region, lang);
        let mut lists = Lists::default();
        for list in ListFile::ALL {
            let Some(path) = overrides[list as usize]
                .clone()
                .or_else(|| self.list_path(list))
            else {
                continue;
            };
            let (text, format) = list_text(&path, &options)?;
            let file = path.display().to_string();
            match list {
                ListFile::OwnNumbers => {
                    let loaded = load_own_numbers(&text, &file, format, &options)?;
                    report(&loaded, lang, &mut problem);
                    lists.own.push(loaded.list);
                }
                ListFile::Blocklist | ListFile::Allowlist => {
                    let kind = if list == ListFile::Blocklist {
                        ListKind::Block
                    } else {
                        ListKind::Allow
                    };
                    let loaded = load_rules(&text, &file, kind, format, &options)?;
                    report(&loaded, lang, &mut problem);
                    lists.rules.push(loaded.list);
                }
            }
        }
        Ok(lists)
    }
}

/// The text of a list file and its format (from the extension), read within the
/// size limit of `options`.
#[cfg(not(target_arch = "wasm32"))]
fn list_text(path: &Path, options: &LoadOptions) -> Result<(String, ListFormat), ListError> {
    let format = ListFormat::from_file_name(&path.display().to_string())?;
    Ok((crate::file::read_text(path, options.text_limit())?, format))
}

/// Hands each left-out row (and the count of unlisted ones) to `problem`.
#[cfg(not(target_arch = "wasm32"))]
fn report<L>(loaded: &Loaded<L>, lang: Lang, problem: &mut impl FnMut(String)) {
    for row in &loaded.problems {
        problem(row.message(lang).to_string());
    }
    if let Some(note) = loaded.unlisted_note(lang) {
        problem(note.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_forms_follow_the_region() {
        let code = |region: &str| {
            let region = Region::from_code(region).expect("region");
            list_options(region, Lang::En)
                .pattern_options()
                .national_country_code()
                .map(|c| c.value())
        };
        assert_eq!(code("DE"), Some(49));
        assert_eq!(code("AT"), Some(43));
        assert_eq!(code("US"), Some(1));
    }

    #[test]
    #[cfg(feature = "toml")]
    fn the_example_lists_load_with_their_problems_in_the_language() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/examples/numrep.toml");
        let config = Config::load(&path).expect("example config");
        let mut problems = Vec::new();
        let lists = config
            .load_lists(&[None, None, None], Region::default(), Lang::De, |p| {
                problems.push(p)
            })
            .expect("example lists");
        assert!(lists.has_register());
        assert!(problems.is_empty(), "{problems:?}");
        let dir = std::env::temp_dir().join(format!("numrep-config-lists-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let bad = dir.join("block.csv");
        std::fs::write(&bad, "pattern,category\n+49 30 12a4,typo\n").expect("write");
        let overrides = [None, Some(bad), None];
        config
            .load_lists(&overrides, Region::default(), Lang::De, |p| {
                problems.push(p)
            })
            .expect("a bad row is not a bad file");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("block.csv"), "{problems:?}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
