//! Time as the desk stores it: integer milliseconds since the Unix epoch (UTC), the
//! same on SQLite and PostgreSQL. Windows are written like `48h`, `7d`, `90m`.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Millis = i64;

/// One hour in milliseconds.
pub const HOUR: Millis = 3_600_000;

/// One day in milliseconds.
pub const DAY: Millis = 24 * HOUR;

/// The longest window or baseline a rule may use (a year).
const MAX_WINDOW: Millis = 366 * DAY;

/// Where "now" comes from (the system clock; a settable one in tests).
pub trait Clock: Send + Sync {
    /// The current time.
    fn now(&self) -> Millis;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Millis {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
    }
}

/// A clock that only moves when told to (tests, imports).
#[derive(Debug, Default)]
pub struct ManualClock(AtomicI64);

impl ManualClock {
    /// A clock standing at `now`.
    pub fn new(now: Millis) -> ManualClock {
        ManualClock(AtomicI64::new(now))
    }

    /// Sets the time.
    pub fn set(&self, now: Millis) {
        self.0.store(now, Ordering::SeqCst);
    }

    /// Moves the time forward by `by`.
    pub fn advance(&self, by: Millis) {
        self.0.fetch_add(by, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Millis {
        self.0.load(Ordering::SeqCst)
    }
}

/// The UTC day `at` falls on (own-number registrations are valid per day).
pub fn day_of(at: Millis) -> numrep::lists::Date {
    numrep::lists::Date::from_unix_days(at.div_euclid(DAY))
        .or_else(|| numrep::lists::Date::from_unix_days(0))
        .expect("1970-01-01 is a valid date")
}

/// Reads a window such as `48h`, `7d`, `90m` or `2days` (1 s to 366 d).
pub fn parse_window(text: &str) -> Result<Millis, String> {
    let d: Duration = humantime::parse_duration(text.trim())
        .map_err(|e| format!("{text:?} is not a duration like 48h or 7d: {e}"))?;
    let ms = i64::try_from(d.as_millis()).unwrap_or(i64::MAX);
    if ms < 1000 {
        return Err(format!("{text:?} is shorter than one second"));
    }
    if ms > MAX_WINDOW {
        return Err(format!("{text:?} is longer than 366 days"));
    }
    Ok(ms)
}

/// Writes a window in its largest whole unit (`172800000` → `48h`, `604800000` → `7d`).
pub fn format_window(ms: Millis) -> String {
    // Days only from a week on, so "48h" stays "48h" as people write it.
    if ms % DAY == 0 && ms >= 7 * DAY {
        format!("{}d", ms / DAY)
    } else if ms % HOUR == 0 {
        format!("{}h", ms / HOUR)
    } else if ms % 60_000 == 0 {
        format!("{}m", ms / 60_000)
    } else {
        format!("{}s", ms / 1000)
    }
}

/// Writes epoch milliseconds as RFC 3339 UTC to the second (`2026-11-18T04:26:40Z`).
pub fn format_timestamp(at: Millis) -> String {
    let time = UNIX_EPOCH + Duration::from_millis(u64::try_from(at).unwrap_or(0));
    humantime::format_rfc3339_seconds(time).to_string()
}

/// Reads a timestamp: integer epoch milliseconds, or RFC 3339
/// (`2026-11-26T10:15:00Z`, `2026-11-26T10:15:00.5+01:00`).
pub fn parse_timestamp(text: &str) -> Result<Millis, String> {
    let text = text.trim();
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        return text
            .parse::<i64>()
            .map_err(|_| format!("{text:?} is too large for epoch milliseconds"));
    }
    let time = humantime::parse_rfc3339_weak(text)
        .or_else(|_| humantime::parse_rfc3339(text))
        .or_else(|_| parse_offset_time(text))
        .map_err(|_| {
            format!("{text:?} is neither epoch milliseconds nor an RFC 3339 time (2026-11-26T10:15:00Z)")
        })?;
    let ms = time
        .duration_since(UNIX_EPOCH)
        .map_err(|_| format!("{text:?} lies before 1970"))?
        .as_millis();
    i64::try_from(ms).map_err(|_| format!("{text:?} lies too far in the future"))
}

/// RFC 3339 with a numeric offset (`+01:00`), which humantime does not read:
/// the UTC part parsed by humantime, the offset applied here.
fn parse_offset_time(text: &str) -> Result<SystemTime, ()> {
    let split = text.len().checked_sub(6).ok_or(())?;
    if !text.is_char_boundary(split) || !text.is_ascii() {
        return Err(());
    }
    let (local, offset) = text.split_at(split);
    let bytes = offset.as_bytes();
    let sign = match bytes[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return Err(()),
    };
    if bytes[3] != b':' || !local.contains('T') {
        return Err(());
    }
    let hours: u64 = offset[1..3].parse().map_err(|_| ())?;
    let minutes: u64 = offset[4..6].parse().map_err(|_| ())?;
    if hours > 23 || minutes > 59 {
        return Err(());
    }
    let utc_as_local = humantime::parse_rfc3339_weak(local).map_err(|_| ())?;
    let shift = Duration::from_secs(hours * 3600 + minutes * 60);
    if sign > 0 {
        utc_as_local.checked_sub(shift).ok_or(())
    } else {
        utc_as_local.checked_add(shift).ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn windows() {
        assert_eq!(parse_window("48h"), Ok(48 * HOUR));
        assert_eq!(parse_window("7d"), Ok(7 * DAY));
        assert_eq!(parse_window("90m"), Ok(90 * 60_000));
        assert!(parse_window("0s").is_err());
        assert!(parse_window("400d").is_err());
        assert!(parse_window("soon").is_err());
        assert_eq!(format_window(48 * HOUR), "48h");
        assert_eq!(format_window(28 * DAY), "28d");
        assert_eq!(format_window(90 * 60_000), "90m");
        assert_eq!(format_window(1500), "1s");
    }

    #[test]
    fn timestamps() {
        assert_eq!(parse_timestamp("1764152100000"), Ok(1_764_152_100_000));
        assert_eq!(
            parse_timestamp("2025-11-26T10:15:00Z"),
            Ok(1_764_152_100_000)
        );
        assert_eq!(
            parse_timestamp("2025-11-26T11:15:00+01:00"),
            Ok(1_764_152_100_000)
        );
        assert_eq!(
            parse_timestamp("2025-11-26T09:15:00-01:00"),
            Ok(1_764_152_100_000)
        );
        assert_eq!(
            parse_timestamp("2025-11-26 10:15:00"),
            Ok(1_764_152_100_000)
        );
        for bad in [
            "",
            "yesterday",
            "2025-13-01T00:00:00Z",
            "99999999999999999999",
            "-5",
        ] {
            assert!(parse_timestamp(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn manual_clock_moves_only_when_told() {
        let clock = ManualClock::new(1000);
        assert_eq!(clock.now(), 1000);
        clock.advance(500);
        assert_eq!(clock.now(), 1500);
        clock.set(7);
        assert_eq!(clock.now(), 7);
    }

    proptest! {
        #[test]
        fn timestamp_parser_never_panics(text in "\\PC{0,40}") {
            let _ = parse_timestamp(&text);
            let _ = parse_window(&text);
        }
    }
}
