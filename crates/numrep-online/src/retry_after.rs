//! Reading a `Retry-After` header (RFC 9110 §10.2.3): either delay-seconds
//! (`120`) or an HTTP-date in any of the three forms a recipient must accept
//! (`Sun, 06 Nov 1994 08:49:37 GMT`, `Sunday, 06-Nov-94 08:49:37 GMT`,
//! `Sun Nov  6 08:49:37 1994`). The engine caps what it honours; this module only
//! reads.

use numrep::lists::Date;
use std::time::Duration;
use web_time::{SystemTime, UNIX_EPOCH};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// How long a `Retry-After` value asks to wait, counted from now (by the clock).
/// `None` when the value is neither delay-seconds nor an HTTP-date.
pub fn wait_from_now(value: &str) -> Option<Duration> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    seconds_to_wait(value, now).map(Duration::from_secs)
}

/// Seconds a `Retry-After` value asks to wait when the Unix time is `now_unix`:
/// delay-seconds as given (saturating at `u64::MAX`), an HTTP-date as the time left
/// until it (0 when it has passed). `None` for anything else.
pub fn seconds_to_wait(value: &str, now_unix: u64) -> Option<u64> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(value.parse::<u64>().unwrap_or(u64::MAX));
    }
    http_date(value).map(|at| at.saturating_sub(now_unix))
}

/// An HTTP-date as Unix seconds.
fn http_date(value: &str) -> Option<u64> {
    if let Some((_weekday, rest)) = value.split_once(", ") {
        let words: Vec<&str> = rest.split(' ').collect();
        match words.as_slice() {
            // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
            [day, month, year, time, "GMT"] if year.len() == 4 => {
                civil(number(day)?, month, number(year)?, time)
            }
            // rfc850-date: Sunday, 06-Nov-94 08:49:37 GMT
            [date, time, "GMT"] => {
                let fields: Vec<&str> = date.split('-').collect();
                let [day, month, yy] = fields.as_slice() else {
                    return None;
                };
                if yy.len() != 2 {
                    return None;
                }
                // Two-digit years: 70–99 are 19xx, 00–69 are 20xx.
                let yy = number(yy)?;
                let year = if yy >= 70 { 1900 + yy } else { 2000 + yy };
                civil(number(day)?, month, year, time)
            }
            _ => None,
        }
    } else {
        // asctime-date: Sun Nov  6 08:49:37 1994
        let words: Vec<&str> = value.split_whitespace().collect();
        match words.as_slice() {
            [_weekday, month, day, time, year] if year.len() == 4 => {
                civil(number(day)?, month, number(year)?, time)
            }
            _ => None,
        }
    }
}

/// Unix seconds for a calendar date and `HH:MM:SS` (UTC); `None` if invalid or
/// before 1970.
fn civil(day: u64, month: &str, year: u64, time: &str) -> Option<u64> {
    let month = MONTHS.iter().position(|m| *m == month)? + 1;
    let date = Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
    .ok()
    .filter(|date| date.year() >= 1970)?;
    let mut hms = time.split(':');
    let (h, m, s) = (hms.next()?, hms.next()?, hms.next()?);
    if hms.next().is_some() || [h, m, s].iter().any(|p| p.len() != 2) {
        return None;
    }
    let (h, m, s) = (number(h)?, number(m)?, number(s)?);
    if h > 23 || m > 59 || s > 60 {
        return None;
    }
    Some(days_since_epoch(date) * 86_400 + h * 3600 + m * 60 + s)
}

/// A short run of ASCII digits as a number.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Days from 1970-01-01 to `date` (Howard Hinnant's days_from_civil; the date is
/// not before 1970).
fn days_since_epoch(date: Date) -> u64 {
    let (month, day) = (i64::from(date.month()), i64::from(date.day()));
    let year = i64::from(date.year()) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    u64::try_from(era * 146_097 + day_of_era - 719_468).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 1994-11-06 08:49:37 UTC, the RFC's example.
    const RFC_EXAMPLE: u64 = 784_111_777;

    #[test]
    fn delay_seconds() {
        assert_eq!(seconds_to_wait("120", 0), Some(120));
        assert_eq!(seconds_to_wait(" 0 ", 5), Some(0));
        assert_eq!(
            seconds_to_wait("99999999999999999999999999", 0),
            Some(u64::MAX)
        );
        assert_eq!(seconds_to_wait("-5", 0), None);
        assert_eq!(seconds_to_wait("1.5", 0), None);
        assert_eq!(seconds_to_wait("", 0), None);
    }

    #[test]
    fn all_three_date_forms() {
        let now = RFC_EXAMPLE - 90;
        for form in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(seconds_to_wait(form, now), Some(90), "{form}");
        }
        assert_eq!(
            seconds_to_wait("Sun, 06 Nov 1994 08:49:37 GMT", RFC_EXAMPLE + 10),
            Some(0),
            "a date in the past means now"
        );
        assert_eq!(seconds_to_wait("Thu, 01 Jan 1970 00:00:00 GMT", 0), Some(0));
        assert_eq!(
            seconds_to_wait("Tue, 29 Feb 2028 00:00:00 GMT", 0),
            Some(1_835_395_200)
        );
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in [
            "Sun, 06 Nov 1994 08:49:37 CET",
            "Sun, 31 Feb 1994 08:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1969 08:49:37 GMT",
            "Sun, 06 Nov 1994 8:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT extra",
            "Sunday, 06-Nov-1994 08:49:37 GMT",
            "soon",
            ", , ,",
        ] {
            assert_eq!(seconds_to_wait(bad, 0), None, "{bad}");
        }
    }

    #[test]
    fn the_clock_reads_a_far_date_as_a_long_wait() {
        let wait = wait_from_now("Fri, 31 Dec 9999 23:59:59 GMT").expect("a date");
        assert!(wait > Duration::from_secs(86_400 * 365 * 7000));
    }
}
