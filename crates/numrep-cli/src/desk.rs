//! `numrep serve` (the complaint desk) and `numrep complaints import|stats`
//! against the same database. The desk's keys of the config file are read by
//! `numrep_desk::DeskConfig` from the text numrep-config read and checked; the lists
//! (own numbers, block/allow) by the same loader as `numrep lookup`.

use std::fs::File;
use std::io::{self, BufReader, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Subcommand, ValueEnum};
use numrep::{Checker, Options, Region};
use numrep_desk::import::{self, ImportFormat};
use numrep_desk::{
    format_timestamp, parse_window, Clock, DeskConfig, GroupBy, NewComplaint, Outcome, Rule, Store,
    SystemClock,
};
use numrep_desk_server::{open_store, DeskServer, Settings, DEFAULT_DATABASE_URL};

/// Exit status for usage errors (as `numrep lookup`).
const USAGE: u8 = 2;

/// Complaints per transaction when importing.
const IMPORT_BATCH: usize = 1000;

/// Where the desk's data lives and what it reads.
#[derive(Debug, Clone, Args)]
pub struct DeskArgs {
    /// Database: `sqlite://FILE` (created if missing) or `postgres://…`; default:
    /// `[server] database_url` of the config, else `sqlite://numrep-desk.db`.
    #[arg(long, value_name = "URL")]
    pub db: Option<String>,

    /// Config file (TOML): the lookup's lists plus `[server]` and `[[alerts]]`.
    #[arg(long, short, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Region (ISO 3166 alpha-2) for numbers written in national form.
    #[arg(long, short, default_value = "DE", value_name = "CODE")]
    pub region: String,
}

/// Arguments of `numrep serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub desk: DeskArgs,

    /// Address to listen on; default: `[server] listen`, else 127.0.0.1:8080.
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<SocketAddr>,

    /// Directory served at `/` (the agent console); default: `[server] www_dir`.
    #[arg(long, value_name = "DIR")]
    pub www: Option<PathBuf>,
}

/// `numrep complaints …`.
#[derive(Debug, Args)]
pub struct ComplaintsArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: ComplaintsCommand,
}

/// The subcommands of `numrep complaints`.
#[derive(Debug, Subcommand)]
pub enum ComplaintsCommand {
    /// Import complaints from a ticket system: CSV (header: number, category,
    /// received_at, region, claimed_company, customer_ref, note, call_time) or JSON
    /// lines with the same fields. Importing a file twice counts it once.
    Import(ImportArgs),
    /// Complaints per number, range or vendor over a period, most first.
    Stats(StatsArgs),
}

/// Arguments of `numrep complaints import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file (`-`: standard input, with --format).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// File format; default: from the file name (.csv, .jsonl, .ndjson, .json).
    #[arg(long, value_enum)]
    pub format: Option<ImportFormatArg>,

    #[command(flatten)]
    pub desk: DeskArgs,
}

/// `--format` of the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormatArg {
    /// CSV with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// Arguments of `numrep complaints stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// What to count by.
    #[arg(long, value_enum, default_value_t = ByArg::Number)]
    pub by: ByArg,

    /// The period back from now (`48h`, `7d`, `90m`).
    #[arg(long, default_value = "48h", value_parser = parse_window)]
    pub since: i64,

    /// Rows at most.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub limit: u32,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = StatsFormat::Text)]
    pub format: StatsFormat,

    #[command(flatten)]
    pub desk: DeskArgs,
}

/// `--by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    /// Per E.164 number.
    Number,
    /// Per range (the number without its last two digits).
    Range,
    /// Per vendor of our registered numbers.
    Vendor,
}

impl From<ByArg> for GroupBy {
    fn from(by: ByArg) -> GroupBy {
        match by {
            ByArg::Number => GroupBy::Number,
            ByArg::Range => GroupBy::Range,
            ByArg::Vendor => GroupBy::Vendor,
        }
    }
}

/// Output format of `stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// Aligned text.
    Text,
    /// CSV with a header.
    Csv,
    /// One JSON object per row.
    Json,
}

/// A failure: the message, and whether it is a usage error (exit 2) or not (1).
struct Failure(String, u8);

fn usage(message: impl std::fmt::Display) -> Failure {
    Failure(message.to_string(), USAGE)
}

/// What the config file and flags give the desk.
struct Loaded {
    config: DeskConfig,
    checker: Checker,
    db: String,
}

impl DeskArgs {
    /// Reads the config (through numrep-config, like `numrep lookup`: unknown keys are
    /// errors, lists size-checked) and decides the database URL.
    fn load(&self) -> Result<Loaded, Failure> {
        let config = match &self.config {
            Some(path) => numrep_config::Config::load(path).map_err(usage)?,
            None => numrep_config::Config::empty(),
        };
        let desk = DeskConfig::from_toml(config.text())
            .map_err(|e| usage(format!("{}: {e}", config.file())))?;
        let region = Region::from_code(&self.region).map_err(usage)?;
        let lang = config.lang().unwrap_or_default();
        let lists = config
            .load_lists(&[None, None, None], region, lang, |problem| {
                eprintln!("numrep: {problem}")
            })
            .map_err(|e| usage(e.message(lang)))?;
        let checker = lists.checker(Options::new().region(region).lang(lang));
        let db = self
            .db
            .clone()
            .or_else(|| desk.server.database_url.clone())
            .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
        Ok(Loaded {
            config: desk,
            checker,
            db,
        })
    }
}

/// A runtime for the desk's async store and server.
fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure(format!("cannot start the runtime: {e}"), 1))
}

fn finish(result: Result<ExitCode, Failure>) -> ExitCode {
    result.unwrap_or_else(|Failure(message, code)| {
        eprintln!("numrep: {message}");
        ExitCode::from(code)
    })
}

/// `numrep serve`.
pub fn serve(args: &ServeArgs) -> ExitCode {
    finish(serve_inner(args))
}

fn serve_inner(args: &ServeArgs) -> Result<ExitCode, Failure> {
    let Loaded {
        mut config,
        checker,
        db,
    } = args.desk.load()?;
    if let Some(listen) = args.listen {
        config.server.listen = listen;
    }
    if let Some(www) = &args.www {
        config.server.www_dir = Some(www.clone());
    }
    let settings = Settings::from_config(&config, checker).map_err(usage)?;
    numrep_desk_server::logging::init();
    runtime()?.block_on(async {
        let store = open_store(&db).await.map_err(usage)?;
        let server = DeskServer::bind(settings, store).await.map_err(usage)?;
        let mut out = io::stdout();
        let _ = writeln!(
            out,
            "numrep serve: listening on http://{}",
            server.local_addr()
        );
        let _ = out.flush();
        server
            .run(numrep_desk_server::shutdown_signal())
            .await
            .map_err(|e| Failure(format!("server stopped: {e}"), 1))?;
        Ok(ExitCode::SUCCESS)
    })
}

/// `numrep complaints …`.
pub fn complaints(args: &ComplaintsArgs) -> ExitCode {
    finish(match &args.command {
        ComplaintsCommand::Import(a) => import_file(a),
        ComplaintsCommand::Stats(a) => stats(a),
    })
}

fn import_file(args: &ImportArgs) -> Result<ExitCode, Failure> {
    let Loaded {
        config,
        checker,
        db,
    } = args.desk.load()?;
    let settings = Settings::from_config(&config, checker).map_err(usage)?;
    let format = match args.format {
        Some(ImportFormatArg::Csv) => ImportFormat::Csv,
        Some(ImportFormatArg::Jsonl) => ImportFormat::JsonLines,
        None => {
            ImportFormat::from_file_name(&args.file.display().to_string()).ok_or_else(|| {
                usage(
                    "cannot tell the format from the file name: use --format csv or --format jsonl",
                )
            })?
        }
    };
    let reader: Box<dyn io::BufRead> = if args.file == Path::new("-") {
        Box::new(BufReader::new(io::stdin()))
    } else {
        let file = File::open(&args.file)
            .map_err(|e| usage(format!("cannot read {}: {e}", args.file.display())))?;
        Box::new(BufReader::with_capacity(256 * 1024, file))
    };
    let rules = settings.rules;
    let intake = settings.intake;
    runtime()?.block_on(async {
        let store = open_store(&db).await.map_err(usage)?;
        let mut tally = Tally::default();
        let mut batch: Vec<NewComplaint> = Vec::with_capacity(IMPORT_BATCH);
        for row in import::rows(reader, format) {
            let row = match row {
                Ok(row) => row,
                Err(e) => {
                    tally.skip(&e.to_string());
                    continue;
                }
            };
            match intake.validate(row.input, row.received_at, None) {
                Ok(mut complaint) => {
                    // The same row imported again is a retry, not a new complaint.
                    complaint.idempotency_key = Some(format!(
                        "import:{}:{}",
                        complaint.received_at,
                        complaint.request_hash()
                    ));
                    batch.push(complaint);
                }
                Err(e) => tally.skip(&format!("line {}: {}: {}", row.line, e.code, e.message)),
            }
            if batch.len() == IMPORT_BATCH {
                tally.record(&*store, &mut batch, &rules).await?;
            }
        }
        tally.record(&*store, &mut batch, &rules).await?;
        eprintln!(
            "numrep: imported {} complaints ({} were there already), skipped {} rows, raised {} alerts",
            tally.stored, tally.replayed, tally.skipped, tally.alerts
        );
        Ok(if tally.skipped > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    })
}

/// What an import did.
#[derive(Default)]
struct Tally {
    stored: u64,
    replayed: u64,
    skipped: u64,
    alerts: u64,
}

impl Tally {
    fn skip(&mut self, why: &str) {
        self.skipped += 1;
        if self.skipped <= 100 {
            eprintln!("numrep: skipped {why}");
        } else if self.skipped == 101 {
            eprintln!("numrep: … further skipped rows are only counted");
        }
    }

    /// Stores the batch in time order (rules are evaluated at its latest time).
    async fn record(
        &mut self,
        store: &dyn Store,
        batch: &mut Vec<NewComplaint>,
        rules: &[Rule],
    ) -> Result<(), Failure> {
        if batch.is_empty() {
            return Ok(());
        }
        batch.sort_by_key(|c| c.received_at);
        let outcomes = store
            .record(batch, rules)
            .await
            .map_err(|e| Failure(format!("import stopped: {e}"), 1))?;
        for outcome in outcomes {
            if let Outcome::Recorded(r) = outcome {
                if r.replayed {
                    self.replayed += 1;
                } else {
                    self.stored += 1;
                }
                self.alerts += r.alerts.len() as u64;
            }
        }
        batch.clear();
        Ok(())
    }
}

fn stats(args: &StatsArgs) -> Result<ExitCode, Failure> {
    let Loaded { db, .. } = args.desk.load()?;
    let now = SystemClock.now();
    let rows = runtime()?.block_on(async {
        let store: Arc<dyn Store> = open_store(&db).await.map_err(usage)?;
        store
            .top_keys(args.by.into(), now - args.since, args.limit)
            .await
            .map_err(|e| Failure(e.to_string(), 1))
    })?;
    let by = GroupBy::from(args.by).as_str();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let written = match args.format {
        StatsFormat::Json => rows.iter().try_for_each(|r| {
            let mut value = serde_json::to_value(r).unwrap_or_default();
            value["group_by"] = by.into();
            writeln!(out, "{value}")
        }),
        StatsFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut out);
            let header = [by, "complaints", "customers", "first_at", "last_at"];
            let result = csv.write_record(header).and_then(|()| {
                rows.iter().try_for_each(|r| {
                    csv.write_record([
                        r.key.clone(),
                        r.count.to_string(),
                        r.customers.to_string(),
                        format_timestamp(r.first_at),
                        format_timestamp(r.last_at),
                    ])
                })
            });
            result.map_err(io::Error::other).and_then(|()| csv.flush())
        }
        StatsFormat::Text => {
            let width = rows
                .iter()
                .map(|r| r.key.chars().count())
                .max()
                .unwrap_or(0)
                .max(by.len());
            let mut result = writeln!(
                out,
                "{by:<width$}  complaints  customers  first                 last"
            );
            for r in &rows {
                result = result.and_then(|()| {
                    writeln!(
                        out,
                        "{:<width$}  {:>10}  {:>9}  {}  {}",
                        r.key,
                        r.count,
                        r.customers,
                        format_timestamp(r.first_at),
                        format_timestamp(r.last_at)
                    )
                });
            }
            result
        }
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure(format!("cannot write output: {e}"), 1)),
    }
}
