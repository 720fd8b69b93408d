//! Portable time: `Instant` and `sleep` that work on native and in browsers
//! (wasm32) without tying the library to one async runtime.

use std::time::Duration;

pub use web_time::Instant;

/// A future that completes after `duration` (tokio-free: `futures-timer` uses
/// its own timer thread on native and `setTimeout` on wasm32).
pub async fn sleep(duration: Duration) {
    futures_timer::Delay::new(duration).await;
}

/// Milliseconds since `start`, saturating.
pub fn elapsed_ms(start: Instant) -> u64 {
    u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX)
}
