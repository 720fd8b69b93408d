//! Starting the server: settings from the config, refusals that keep a
//! misconfigured desk from starting, and the listener.

use std::future::Future;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use numrep::Checker;
use numrep_desk::{
    Clock, CustomerHasher, DeskConfig, Intake, Rule, ServerConfig, Store, SystemClock,
};
use tokio::net::TcpListener;

use crate::auth::{TokenError, Tokens};
use crate::recorder::Recorder;
use crate::routes::{self, AppState};
use crate::webhook::Webhook;
use crate::{metrics, retention};

/// Everything the server runs with.
pub struct Settings {
    /// `[server]` of the config.
    pub server: ServerConfig,
    /// The alert rules.
    pub rules: Vec<Rule>,
    /// Number parsing, vendors, customer-ref hashing.
    pub intake: Intake,
    /// Bearer tokens.
    pub tokens: Tokens,
    /// Where "now" comes from.
    pub clock: Arc<dyn Clock>,
    /// Run the hourly retention purge (off in tests with a manual clock).
    pub retention: bool,
}

/// The server configuration and the number of alert rules; not the tokens (their
/// hashes), the intake or the clock.
impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("server", &self.server)
            .field("rules", &self.rules.len())
            .field("retention", &self.retention)
            .finish_non_exhaustive()
    }
}

impl Settings {
    /// Settings from the desk's config: the customer-ref secret and the tokens
    /// are read from the environment variables the config names.
    pub fn from_config(config: &DeskConfig, checker: Checker) -> Result<Settings, ServerError> {
        let env = |name: &str| std::env::var(name).ok();
        let hasher = CustomerHasher::from_env(&config.server.customer_secret_env)
            .map_err(|e| ServerError::Secret(e.to_string()))?;
        Ok(Settings {
            server: config.server.clone(),
            rules: config.rules().map_err(ServerError::Config)?,
            intake: Intake::new(checker, hasher),
            tokens: Tokens::from_config(&config.server.tokens, env)?,
            clock: Arc::new(SystemClock),
            retention: true,
        })
    }
}

/// Why the server did not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// A non-loopback address without tokens would open the desk to the network.
    #[error(
        "refusing to listen on {0} without tokens: configure [[server.tokens]] \
         or listen on 127.0.0.1"
    )]
    OpenWithoutTokens(SocketAddr),
    /// The customer-ref secret is missing or too short.
    #[error("{0}")]
    Secret(String),
    /// A token could not be read.
    #[error(transparent)]
    Token(#[from] TokenError),
    /// A config value is wrong.
    #[error("config: {0}")]
    Config(String),
    /// The address could not be bound.
    #[error("cannot listen on {0}: {1}")]
    Bind(SocketAddr, std::io::Error),
    /// `www_dir` (`--www`) is not a directory: the console would be a 404.
    #[error("www_dir {0}: not a directory (the agent console, e.g. --www www)")]
    NoWwwDir(PathBuf),
}

/// The widget's WebAssembly module inside the console directory (built by `make wasm`).
const WIDGET_MODULE: &str = "pkg/numrep_wasm_bg.wasm";

/// Checks the console directory before it is served: it must exist; without the
/// widget's module the console cannot check numbers, which is worth a warning.
fn check_www(dir: &Path) -> Result<(), ServerError> {
    if !dir.is_dir() {
        return Err(ServerError::NoWwwDir(dir.to_path_buf()));
    }
    if !dir.join(WIDGET_MODULE).is_file() {
        tracing::warn!(
            "{} is missing: the console's widget cannot load until `make wasm` builds it",
            dir.join(WIDGET_MODULE).display()
        );
    }
    Ok(())
}

/// A bound, not yet serving desk.
pub struct DeskServer {
    listener: TcpListener,
    router: axum::Router,
    addr: SocketAddr,
}

impl std::fmt::Debug for DeskServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeskServer")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl DeskServer {
    /// Checks the settings, starts the writer (and retention) and binds the
    /// listener; call [`DeskServer::run`] to serve.
    pub async fn bind(
        settings: Settings,
        store: Arc<dyn Store>,
    ) -> Result<DeskServer, ServerError> {
        let listen = settings.server.listen;
        if !listen.ip().is_loopback() && settings.tokens.is_empty() {
            return Err(ServerError::OpenWithoutTokens(listen));
        }
        if let Some(dir) = &settings.server.www_dir {
            check_www(dir)?;
        }
        let webhook = settings
            .server
            .alert_webhook
            .as_deref()
            .map(Webhook::new)
            .transpose()
            .map_err(ServerError::Config)?;
        let cors = routes::cors(&settings.server.cors_origins).map_err(ServerError::Config)?;
        let rules: Arc<[Rule]> = settings.rules.into();
        let recorder = Recorder::spawn(store.clone(), rules.clone(), webhook);
        if settings.retention {
            retention::spawn(
                store.clone(),
                settings.clock.clone(),
                settings.server.retention_days,
            );
        }
        metrics::handle();
        let state = Arc::new(AppState {
            store,
            recorder,
            intake: settings.intake,
            tokens: settings.tokens,
            clock: settings.clock,
        });
        let router = routes::router(state, cors, settings.server.www_dir.as_deref());
        let listener = TcpListener::bind(listen)
            .await
            .map_err(|e| ServerError::Bind(listen, e))?;
        let addr = listener
            .local_addr()
            .map_err(|e| ServerError::Bind(listen, e))?;
        for rule in rules.iter() {
            tracing::info!("alert rule {}", rule.describe());
        }
        Ok(DeskServer {
            listener,
            router,
            addr,
        })
    }

    /// The address actually bound (port 0 → the chosen port).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until `shutdown` completes; requests in flight are finished first.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        tracing::info!(address = %self.addr, "complaint desk listening");
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown)
            .await
    }
}

/// Completes on Ctrl-C or SIGTERM (what `numrep serve` stops on).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}
