//! Portable time: an `Instant` that works on native and in browsers (wasm32).

pub use web_time::Instant;

/// Milliseconds since `start`, saturating.
pub fn elapsed_ms(start: Instant) -> u64 {
    u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX)
}
