//! [`Config`]: the parsed configuration.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use numrep::{Lang, Region};
use numrep_json::{Field, Reader, SyntaxError};
#[cfg(feature = "toml")]
use toml::de::{DeTable, DeValue};

use crate::error::ConfigError;
use crate::keys;
#[cfg(feature = "toml")]
use crate::keys::line_of;
use crate::lists::ListFile;

/// A top-level member of a JSON configuration: key, line, value.
type Member<'a> = (Cow<'a, str>, usize, Field<'a>);

/// The top-level members of a JSON document, or `None` when the document is valid
/// JSON but no object.
fn json_members(text: &str) -> Result<Option<Vec<Member<'_>>>, SyntaxError> {
    let mut reader = Reader::new(text);
    if reader.peek() != Some(b'{') {
        reader.skip_value(0)?;
        return reader.end().map(|()| None);
    }
    let mut members = Vec::new();
    reader.object(|reader, key, line| {
        members.push((key, line, reader.field(1)?));
        Ok::<_, SyntaxError>(())
    })?;
    reader.end().map(|()| Some(members))
}

/// The keys this crate reads itself; the others belong to numrep-online and the desk.
#[derive(Debug, Default)]
struct Shared {
    lang: Option<String>,
    region: Option<String>,
    own_numbers: Option<String>,
    blocklist: Option<String>,
    allowlist: Option<String>,
}

/// What a file has under one of the [`Shared`] keys.
enum Found<'a> {
    /// The key is missing (or JSON `null`).
    Nothing,
    /// A string.
    Text(&'a str),
    /// Another kind of value (a number, a table, …).
    Other,
}

impl Shared {
    /// Reads each key through `found`, the same way for TOML and JSON: every key is
    /// an optional string. Read by hand rather than by serde's derive, whose type
    /// errors would bring float formatting (~18 KB of code) into the widget's module.
    fn read<'a>(
        file: &str,
        found: impl Fn(&'static str) -> Found<'a>,
    ) -> Result<Shared, ConfigError> {
        let text = |key: &'static str| match found(key) {
            Found::Nothing => Ok(None),
            Found::Text(text) => Ok(Some(text.to_string())),
            Found::Other => Err(ConfigError::Value {
                file: file.to_string(),
                key,
                message: "expected a string".to_string(),
            }),
        };
        Ok(Shared {
            lang: text("lang")?,
            region: text("region")?,
            own_numbers: text("own_numbers")?,
            blocklist: text("blocklist")?,
            allowlist: text("allowlist")?,
        })
    }
}

/// A configuration read from `numrep.toml` (or the widget's `config.json`).
#[derive(Debug, Clone)]
pub struct Config {
    file: String,
    base: Option<PathBuf>,
    lang: Option<Lang>,
    region: Option<Region>,
    lists: [Option<String>; 3],
    #[cfg(feature = "online")]
    online: numrep_online::Config,
    text: String,
}

impl Config {
    /// No configuration: no lists, no sources, every default.
    pub fn empty() -> Config {
        Config {
            file: String::new(),
            base: None,
            lang: None,
            region: None,
            lists: [None, None, None],
            #[cfg(feature = "online")]
            online: numrep_online::Config::default(),
            text: String::new(),
        }
    }

    /// Reads a TOML configuration; `file` names it in errors. List paths are taken
    /// relative to the current directory (see [`Config::load`] for a file's own
    /// directory).
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str, file: &str) -> Result<Config, ConfigError> {
        let syntax = |e: toml::de::Error| ConfigError::Syntax {
            file: file.to_string(),
            line: e.span().map(|span| line_of(text, span.start)),
            message: e.message().trim().to_string(),
        };
        let doc = DeTable::parse(text).map_err(syntax)?;
        keys::check(
            doc.get_ref().iter().map(|(key, _)| {
                (
                    key.get_ref().as_ref(),
                    Some(line_of(text, key.span().start)),
                )
            }),
            file,
        )?;
        let shared = Shared::read(file, |key| {
            match doc.get_ref().get(key).map(|v| v.get_ref()) {
                None => Found::Nothing,
                Some(DeValue::String(text)) => Found::Text(text),
                Some(_) => Found::Other,
            }
        })?;
        let config = Config::build(shared, text, file)?;
        #[cfg(feature = "online")]
        let config = Config {
            online: numrep_online::Config::from_toml(text).map_err(|error| {
                ConfigError::Online {
                    file: file.to_string(),
                    error,
                }
            })?,
            ..config
        };
        Ok(config)
    }

    /// Reads the widget's JSON configuration (the same keys as the TOML file).
    pub fn from_json(text: &str, file: &str) -> Result<Config, ConfigError> {
        let syntax = |line: usize, message: String| ConfigError::Syntax {
            file: file.to_string(),
            line: Some(line),
            message,
        };
        let members = json_members(text).map_err(|e| syntax(e.line, e.problem.to_string()))?;
        let Some(members) = members else {
            return Err(syntax(1, "the configuration must be a JSON object".into()));
        };
        keys::check(
            members
                .iter()
                .map(|(key, line, _)| (key.as_ref(), Some(*line))),
            file,
        )?;
        // Every key is a known one now, so a repeat shows within the first few.
        for (i, (key, line, _)) in members.iter().enumerate() {
            if members[..i].iter().any(|(earlier, ..)| earlier == key) {
                return Err(syntax(*line, format!("the key \"{key}\" is given twice")));
            }
        }
        let shared = Shared::read(file, |key| {
            match members
                .iter()
                .find(|(k, ..)| k == key)
                .map(|(.., value)| value)
            {
                None | Some(Field::Null) => Found::Nothing,
                Some(Field::Text(text)) => Found::Text(text),
                Some(Field::Other) => Found::Other,
            }
        })?;
        let config = Config::build(shared, text, file)?;
        #[cfg(feature = "online")]
        let config = {
            let online: numrep_online::Config =
                serde_json::from_str(text).map_err(|e| syntax(e.line(), e.to_string()))?;
            online.validate().map_err(|error| ConfigError::Online {
                file: file.to_string(),
                error,
            })?;
            Config { online, ..config }
        };
        Ok(config)
    }

    /// Reads a TOML configuration file (size-checked); list paths in it are relative
    /// to its directory.
    #[cfg(all(feature = "toml", not(target_arch = "wasm32")))]
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let file = path.display().to_string();
        let text =
            crate::file::read_text(path, crate::file::MAX_CONFIG_BYTES).map_err(|error| {
                ConfigError::Read {
                    file: file.clone(),
                    error,
                }
            })?;
        let mut config = Config::from_toml(&text, &file)?;
        config.base = Some(path.parent().map(Path::to_path_buf).unwrap_or_default());
        Ok(config)
    }

    fn build(shared: Shared, text: &str, file: &str) -> Result<Config, ConfigError> {
        let value = |key: &'static str, message: String| ConfigError::Value {
            file: file.to_string(),
            key,
            message,
        };
        let lang = shared
            .lang
            .as_deref()
            .map(str::parse::<Lang>)
            .transpose()
            .map_err(|e| value("lang", e))?;
        let region = shared
            .region
            .as_deref()
            .map(Region::from_code)
            .transpose()
            .map_err(|e| value("region", e.to_string()))?;
        Ok(Config {
            file: file.to_string(),
            base: None,
            lang,
            region,
            lists: [shared.own_numbers, shared.blocklist, shared.allowlist],
            #[cfg(feature = "online")]
            online: numrep_online::Config::default(),
            text: text.to_string(),
        })
    }

    /// The file it was read from (empty for [`Config::empty`]).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The configured language, if any. Frontends decide in this order: their own
    /// flag or attribute, this, the environment (`LC_ALL`, `LANG`; the browser's page
    /// language), English.
    pub fn lang(&self) -> Option<Lang> {
        self.lang
    }

    /// The configured region, if any (frontends default to [`Region::default`], DE).
    pub fn region(&self) -> Option<Region> {
        self.region
    }

    /// A list file as written in the configuration (a path or, in the widget, a URL
    /// relative to the configuration).
    pub fn list(&self, list: ListFile) -> Option<&str> {
        self.lists[list as usize].as_deref()
    }

    /// A list file's path, relative to the configuration file's directory.
    pub fn list_path(&self, list: ListFile) -> Option<PathBuf> {
        Some(self.resolve(Path::new(self.list(list)?)))
    }

    /// A path written in the configuration (a list, the desk's `www_dir`), taken
    /// relative to the configuration file's directory, as every path in it is.
    pub fn resolve(&self, written: &Path) -> PathBuf {
        match &self.base {
            Some(base) => base.join(written),
            None => written.to_path_buf(),
        }
    }

    /// True when an own-number register is configured.
    pub fn has_register(&self) -> bool {
        self.list(ListFile::OwnNumbers).is_some()
    }

    /// The online sources' part (validated; nothing is sent unless a frontend asks).
    #[cfg(feature = "online")]
    pub fn online(&self) -> &numrep_online::Config {
        &self.online
    }

    /// The whole text, for sections a frontend reads itself (the desk's `[server]`
    /// and `[[alerts]]`).
    pub fn text(&self) -> &str {
        &self.text
    }
}

#[cfg(all(test, feature = "toml", feature = "online"))]
mod tests {
    use super::*;

    #[test]
    fn the_example_config_reads() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/examples/numrep.toml");
        let config = Config::load(&path).expect("the example is valid");
        assert!(config.has_register());
        let own = config.list_path(ListFile::OwnNumbers).expect("own numbers");
        assert!(
            own.ends_with("data/examples/own_numbers.csv"),
            "{}",
            own.display()
        );
        assert!(own.exists());
        assert_eq!(config.online().sources.len(), 3);
    }

    #[test]
    fn top_level_typos_are_errors_with_line_and_hint() {
        for (text, expected) in [
            (
                "own_number = \"a.csv\"\n",
                "f.toml line 1: unknown key `own_number` (did you mean `own_numbers`?)",
            ),
            (
                "lang = \"de\"\nblocklst = \"b.csv\"\n",
                "f.toml line 2: unknown key `blocklst` (did you mean `blocklist`?)",
            ),
            (
                "[servr]\nlisten = \"127.0.0.1:1\"\n",
                "f.toml line 1: unknown key `servr` (did you mean `server`?)",
            ),
        ] {
            let err = Config::from_toml(text, "f.toml").expect_err(text);
            assert_eq!(err.to_string(), expected);
            assert_eq!(err.code(), "config_unknown_key");
        }
    }

    #[test]
    fn values_and_sections_are_checked() {
        let err = Config::from_toml("lang = \"fr\"\n", "f.toml").expect_err("fr");
        assert!(err.to_string().starts_with("f.toml: lang: "), "{err}");
        let err = Config::from_toml("region = \"XX\"\n", "f.toml").expect_err("XX");
        assert!(err.to_string().contains("region"), "{err}");
        // The online part is validated on every read, --online or not.
        let err = Config::from_toml("[cache]\nmax_entires = 3\n", "f.toml").expect_err("cache");
        assert!(err.to_string().contains("max_entries"), "{err}");
        for (text, file) in [("lang = 5\n", "f.toml"), ("{\"lang\": 5.5}", "c.json")] {
            let err = match file {
                "f.toml" => Config::from_toml(text, file),
                _ => Config::from_json(text, file),
            }
            .expect_err(text);
            assert_eq!(err.to_string(), format!("{file}: lang: expected a string"));
        }
        let ok = Config::from_toml("region = \"at\"\nlang = \"de\"\n", "f.toml").expect("valid");
        assert_eq!(ok.region().map(|r| r.code()), Some("AT"));
        assert_eq!(ok.lang(), Some(Lang::De));
        assert!(!ok.has_register());
    }

    #[test]
    fn json_uses_the_same_keys() {
        let config = Config::from_json(
            r#"{"own_numbers": "lists/own.csv", "lang": "de", "sources": []}"#,
            "config.json",
        )
        .expect("valid");
        assert_eq!(config.list(ListFile::OwnNumbers), Some("lists/own.csv"));
        let err =
            Config::from_json("{\n  \"blocklst\": \"b.csv\"\n}", "config.json").expect_err("typo");
        assert_eq!(
            err.to_string(),
            "config.json line 2: unknown key `blocklst` (did you mean `blocklist`?)"
        );
        assert!(Config::from_json("[1]", "c.json").is_err());
        assert!(Config::from_json("{", "c.json").is_err());
    }

    /// A JSON file's problems name the line they are on and never its text.
    #[test]
    fn json_problems_say_where() {
        for (text, expected) in [
            (
                "{\n \"lang\": \"de\",\n \"lang\": \"en\"\n}",
                "c.json line 3: the key \"lang\" is given twice",
            ),
            (
                "{\n \"lang\": \"de\"\n \"region\": \"AT\"}",
                "c.json line 3: expected `,` or `}`",
            ),
            (
                "[1]",
                "c.json line 1: the configuration must be a JSON object",
            ),
            ("[1", "c.json line 1: the text ends inside a value"),
            ("{\"lang\": 2}", "c.json: lang: expected a string"),
            (
                "{\n\n \"blocklst\": \"{\\\"blocklist\\\": 1}\"}",
                "c.json line 3: unknown key `blocklst` (did you mean `blocklist`?)",
            ),
        ] {
            let error = Config::from_json(text, "c.json").expect_err(text);
            assert_eq!(error.to_string(), expected, "{text}");
        }
    }
}
