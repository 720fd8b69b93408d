//! Command-line arguments: what the user may type, parsed with clap.

use std::sync::LazyLock;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

use numrep::lists::Date;
use numrep::{Lang, Region};

/// `numrep <version> (data <fingerprint>, libphonenumber <release>, BNetzA <state>)`,
/// shown by `--version`: which tables answer.
static VERSION: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{} (data {}, libphonenumber {}, BNetzA {})",
        env!("CARGO_PKG_VERSION"),
        numrep::DATA_FINGERPRINT,
        numrep::METADATA_VERSION,
        numrep::BNETZA_SNAPSHOT,
    )
});

const LOOKUP_EXAMPLES: &str = "\
Examples:
  numrep lookup \"+49 900 5123456\"
  numrep lookup 030123456 0171-1234567 110
  numrep lookup --format json < numbers.txt
  numrep lookup --format csv --lang de - < complaints.txt > out.csv
  numrep lookup --config numrep.toml --date 2026-11-26 \"040 5555 0123\"
  numrep lookup --config numrep.toml --online --format json \"+49 30 1234567\"

Input: numbers as arguments, or one number per line on standard input when no
number (or `-`) is given. Lines may end in CRLF; a UTF-8 byte-order mark on the
first line is ignored; a line that is not UTF-8 or longer than 4096 bytes becomes
an error row.

Output: `text` (the default, also when piped) shows a labelled block for one
number and one aligned line per number otherwise; `json` writes one JSON object
per input line (NDJSON); `csv` writes a header and one row per input;
`csv-excel` writes CSV that German Excel opens in columns (BOM, `;`, numbers as
text). Cells that would start a spreadsheet formula are prefixed with `'`.

Language: --lang, else the config's `lang`, else LC_ALL/LANG, else English.

Exit status: 0 when every input parsed, 1 when some did not (all are still
printed) or reading or writing failed (e.g. a full disk), 2 on usage errors.
A reader that goes away (`numrep … | head`) ends quietly with 0.";

/// Phone-number reputation lookup, offline: kind of line, tariff, place,
/// caller-ID plausibility and risk with reasons.
#[derive(Debug, Parser)]
#[command(name = "numrep", version = VERSION.as_str(), propagate_version = true)]
#[command(after_help = "Run `numrep lookup --help` for examples.")]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Look up phone numbers given as arguments or read from standard input.
    #[command(after_help = LOOKUP_EXAMPLES)]
    Lookup(LookupArgs),
    /// Run the complaint desk: HTTP API (and agent console) over SQLite or PostgreSQL.
    Serve(crate::desk::ServeArgs),
    /// Import complaints or count them per number, range or vendor.
    Complaints(crate::desk::ComplaintsArgs),
}

/// Arguments of `numrep lookup`.
#[derive(Debug, clap::Args)]
pub struct LookupArgs {
    /// Numbers in any written form; none or `-` reads one number per line from stdin.
    #[arg(value_name = "NUMBER")]
    pub numbers: Vec<String>,

    /// Region (ISO 3166 alpha-2) for numbers written in national form.
    #[arg(long, short, default_value = "DE", value_parser = parse_region)]
    pub region: Region,

    /// Language of every text (labels, reasons, advice, CSV titles); default: the
    /// config's `lang`, else LC_ALL/LANG (de_DE… → de), else en.
    #[arg(long, short, value_enum)]
    pub lang: Option<LangArg>,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Worker threads for a stdin batch (default: one per CPU core, at most 8).
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,

    /// Config file (TOML): list files (`own_numbers`, `blocklist`, `allowlist`) and
    /// online `[[sources]]`; see `data/examples/numrep.toml`.
    #[arg(long, short, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Also ask the online sources of the config (nothing is sent without this flag).
    #[arg(long)]
    pub online: bool,

    /// Our call centers' registered numbers (CSV or JSON); overrides the config.
    #[arg(long, value_name = "FILE")]
    pub own_numbers: Option<PathBuf>,

    /// Block list (CSV or JSON); overrides the config.
    #[arg(long, value_name = "FILE")]
    pub blocklist: Option<PathBuf>,

    /// Allow list (CSV or JSON; overrules block entries); overrides the config.
    #[arg(long, value_name = "FILE")]
    pub allowlist: Option<PathBuf>,

    /// Day of the calls (YYYY-MM-DD or DD.MM.YYYY) for own-number validity windows;
    /// default: today (UTC).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<Date>,

    /// When to colour the risk level in text output (`auto`: stdout is a terminal
    /// and NO_COLOR is unset).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

impl LookupArgs {
    /// The numbers to read from stdin instead of the arguments: true for no
    /// arguments or a single `-`.
    pub fn reads_stdin(&self) -> bool {
        self.numbers.is_empty() || (self.numbers.len() == 1 && self.numbers[0] == "-")
    }
}

/// Output format of `lookup`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable, aligned text.
    Text,
    /// One JSON object per input line (NDJSON).
    Json,
    /// A header and one row per input (`,`, snake_case column names).
    Csv,
    /// CSV that German Excel opens in columns: UTF-8 BOM, `;`, titles in the
    /// language, numbers kept as text.
    CsvExcel,
}

/// Language of human-readable texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// German.
    De,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::De => Lang::De,
            LangArg::En => Lang::En,
        }
    }
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When stdout is a terminal and NO_COLOR is unset or empty.
    Auto,
    /// Always, even into a pipe.
    Always,
    /// Never.
    Never,
}

impl LookupArgs {
    /// The language: `--lang`, else the config's, else the locale environment
    /// (`LC_ALL`, then `LANG`), else English.
    pub fn language(&self, config: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
        self.lang
            .map(Lang::from)
            .or(config)
            .or_else(|| locale_lang(env))
            .unwrap_or(Lang::En)
    }
}

/// German or English from `LC_ALL`/`LANG` (`de_DE.UTF-8` → German); `None` when unset.
fn locale_lang(env: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    let locale = ["LC_ALL", "LANG"]
        .into_iter()
        .filter_map(&env)
        .find(|v| !v.is_empty())?;
    let language = locale.split(['_', '-', '.', '@']).next().unwrap_or("");
    Some(if language.eq_ignore_ascii_case("de") {
        Lang::De
    } else {
        Lang::En
    })
}

/// Clap value parser for `--region`: the core's region table, with its message.
fn parse_region(code: &str) -> Result<Region, String> {
    Region::from_code(code).map_err(|e| e.to_string())
}

/// `--date`: an ISO date.
fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn defaults() {
        let cli = Cli::try_parse_from(["numrep", "lookup"]).expect("parses");
        let Command::Lookup(args) = cli.command else {
            panic!("lookup")
        };
        assert_eq!(args.region.code(), "DE");
        assert_eq!(args.format, Format::Text);
        assert_eq!(args.lang, None);
        assert!(args.reads_stdin());
    }

    #[test]
    fn dash_reads_stdin_but_numbers_do_not() {
        let cli = Cli::try_parse_from(["numrep", "lookup", "-"]).expect("parses");
        let Command::Lookup(args) = cli.command else {
            panic!("lookup")
        };
        assert!(args.reads_stdin());
        let cli = Cli::try_parse_from(["numrep", "lookup", "110"]).expect("parses");
        let Command::Lookup(args) = cli.command else {
            panic!("lookup")
        };
        assert!(!args.reads_stdin());
    }

    #[test]
    fn language_comes_from_flag_then_config_then_locale() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        let parse = |args: &[&str]| {
            let Command::Lookup(args) = Cli::try_parse_from(args).expect("parses").command else {
                panic!("a lookup command");
            };
            args
        };
        let plain = parse(&["numrep", "lookup"]);
        assert_eq!(plain.language(None, env(&[])), Lang::En);
        assert_eq!(
            plain.language(None, env(&[("LANG", "de_DE.UTF-8")])),
            Lang::De
        );
        assert_eq!(
            plain.language(
                None,
                env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "de_DE.UTF-8")])
            ),
            Lang::En
        );
        assert_eq!(
            plain.language(None, env(&[("LC_ALL", ""), ("LANG", "de")])),
            Lang::De
        );
        assert_eq!(
            plain.language(Some(Lang::De), env(&[("LANG", "en_GB")])),
            Lang::De
        );
        let flag = parse(&["numrep", "lookup", "--lang", "en"]);
        assert_eq!(
            flag.language(Some(Lang::De), env(&[("LANG", "de_DE")])),
            Lang::En
        );
    }

    #[test]
    fn german_dates_are_accepted() {
        let Command::Lookup(args) =
            Cli::try_parse_from(["numrep", "lookup", "--date", "26.11.2026"])
                .expect("parses")
                .command
        else {
            panic!("a lookup command");
        };
        assert_eq!(args.date, Date::new(2026, 11, 26).ok());
    }

    #[test]
    fn unknown_region_is_a_usage_error() {
        let err = Cli::try_parse_from(["numrep", "lookup", "--region", "XX"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().contains("XX"));
    }
}
