//! A calendar date without time zone, just enough for validity windows.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use super::error::{DateProblem, ListError};

/// A proleptic Gregorian calendar date, years 0000–9999, written `YYYY-MM-DD`.
///
/// Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The civil (proleptic Gregorian, UTC) date `days` after 1970-01-01, for hosts that
    /// read a clock (the core reads none). `None` outside the years 0–9999.
    pub fn from_unix_days(days: i64) -> Option<Self> {
        // Howard Hinnant's days_from_civil, inverted.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        let year = u16::try_from(year).ok().filter(|y| *y <= 9999)?;
        Date::new(year, month as u8, day as u8).ok()
    }

    /// Builds a date, checking that the day exists in that month and year.
    pub fn new(year: u16, month: u8, day: u8) -> Result<Self, ListError> {
        let invalid = |reason| ListError::InvalidDate {
            text: format!("{year:04}-{month:02}-{day:02}"),
            reason,
        };
        if year > 9999 {
            return Err(invalid(DateProblem::YearTooLarge));
        }
        if !(1..=12).contains(&month) {
            return Err(invalid(DateProblem::MonthOutOfRange));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(invalid(DateProblem::DayOutOfRange));
        }
        Ok(Self { year, month, day })
    }

    /// Parses an ISO date `YYYY-MM-DD` or a German one, `DD.MM.YYYY` (day and month may
    /// have one digit: `1.12.2026`). Surrounding whitespace is ignored.
    pub fn parse(text: &str) -> Result<Self, ListError> {
        let trimmed = text.trim();
        let invalid = |reason| ListError::InvalidDate {
            text: trimmed.chars().take(40).collect(),
            reason,
        };
        let (year, month, day) = if trimmed.contains('.') {
            let mut parts = trimmed.splitn(3, '.').map(str::as_bytes);
            let (day, month, year) = (parts.next(), parts.next(), parts.next());
            let (Some(day), Some(month), Some(year)) = (day, month, year) else {
                return Err(invalid(DateProblem::NotGerman));
            };
            let short = |part: &[u8]| (1..=2).contains(&part.len());
            if !short(day) || !short(month) || year.len() != 4 {
                return Err(invalid(DateProblem::NotGerman));
            }
            (year, month, day)
        } else {
            let bytes = trimmed.as_bytes();
            if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
                return Err(invalid(DateProblem::NotIsoOrGerman));
            }
            (&bytes[0..4], &bytes[5..7], &bytes[8..10])
        };
        let year = parse_digits(year).ok_or_else(|| invalid(DateProblem::YearNotDigits))?;
        let month = parse_digits(month).ok_or_else(|| invalid(DateProblem::MonthNotNumber))?;
        let day = parse_digits(day).ok_or_else(|| invalid(DateProblem::DayNotNumber))?;
        // Each part has at most 4 digits, so the narrowing casts cannot truncate.
        Self::new(year, month as u8, day as u8).map_err(|error| match error {
            ListError::InvalidDate { reason, .. } => invalid(reason),
            other => other,
        })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }
}

fn parse_digits(bytes: &[u8]) -> Option<u16> {
    bytes.iter().try_fold(0u16, |value, &byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + u16::from(byte - b'0'))
    })
}

fn is_leap_year(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = ListError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_displays_iso_dates() {
        let date = Date::parse(" 2026-10-01 ").expect("valid date");
        assert_eq!((date.year(), date.month(), date.day()), (2026, 10, 1));
        assert_eq!(date.to_string(), "2026-10-01");
    }

    #[test]
    fn parses_german_dates() {
        let expected = Date::new(2026, 11, 26).expect("valid");
        assert_eq!(Date::parse("26.11.2026").expect("German"), expected);
        assert_eq!(
            Date::parse(" 1.2.2026 ").expect("short"),
            Date::new(2026, 2, 1).expect("valid")
        );
        for bad in [
            "26.11.26",
            "26.11",
            "2026.11.26",
            "31.02.2026",
            "26..2026",
            "a.b.cdef",
            "26.11.2026.1",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad} must be rejected");
        }
    }

    #[test]
    fn knows_leap_years() {
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
        assert!(Date::parse("2026-02-29").is_err());
    }

    #[test]
    fn rejects_malformed_dates_with_reason() {
        for (text, reason) in [
            ("2026-1-01", DateProblem::NotIsoOrGerman),
            ("2026-13-01", DateProblem::MonthOutOfRange),
            ("2026-04-31", DateProblem::DayOutOfRange),
            ("2026-00-10", DateProblem::MonthOutOfRange),
            ("20x6-01-01", DateProblem::YearNotDigits),
            ("01.10.26", DateProblem::NotGerman),
            ("2026-10-01T00", DateProblem::NotIsoOrGerman),
        ] {
            match Date::parse(text) {
                Err(ListError::InvalidDate { reason: got, .. }) => {
                    assert_eq!(got, reason, "{text}")
                }
                other => panic!("{text}: expected InvalidDate, got {other:?}"),
            }
        }
    }

    #[test]
    fn orders_chronologically() {
        let earlier = Date::parse("2026-09-30").expect("valid");
        let later = Date::parse("2026-10-01").expect("valid");
        assert!(earlier < later);
    }

    #[test]
    fn multibyte_text_does_not_panic() {
        assert!(Date::parse("2026-1€-01").is_err());
        assert!(Date::parse("ääääää").is_err());
    }
}

#[cfg(test)]
mod unix_days_tests {
    use super::Date;

    #[test]
    fn unix_days_map_to_civil_dates() {
        let d = |y, m, day| Some(Date::new(y, m, day).unwrap());
        assert_eq!(Date::from_unix_days(0), d(1970, 1, 1));
        assert_eq!(Date::from_unix_days(-1), d(1969, 12, 31));
        assert_eq!(Date::from_unix_days(11_016), d(2000, 2, 29));
        assert_eq!(Date::from_unix_days(20_785), d(2026, 11, 28));
        assert_eq!(Date::from_unix_days(i64::MAX), None);
        assert_eq!(Date::from_unix_days(-800_000), None);
    }
}
