//! Log lines of the desk: one subscriber on stderr; numbers appear only masked
//! (`+49405…`), customer refs never.

pub use numrep_online::mask;

/// Installs a stderr subscriber at `info` (or `RUST_LOG`); a no-op when one is set.
pub fn init() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}
