//! What "today" is: the local calendar date of the machine numrep runs on.
//!
//! Registration windows are calendar days in the place the calls are made; a call at
//! 00:30 in Berlin on 1 January belongs to 1 January, not to 31 December (UTC). The
//! widget uses the browser's local date for the same reason.

use numrep::lists::Date;

/// Days from 0001-01-01 (day 1 in chrono's count) to 1970-01-01.
const UNIX_EPOCH_FROM_CE: i64 = 719_163;

/// Today in the machine's local time zone (`TZ`, else the system's; UTC without one).
pub fn today() -> Date {
    use chrono::Datelike;
    let days = i64::from(chrono::Local::now().date_naive().num_days_from_ce()) - UNIX_EPOCH_FROM_CE;
    Date::from_unix_days(days)
        .or_else(|| Date::from_unix_days(0))
        .expect("1970-01-01 is a valid date")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_the_local_date() {
        use chrono::Datelike;
        let local = chrono::Local::now().date_naive();
        let date = today();
        // Unless the test runs across midnight, both read the same day.
        if chrono::Local::now().date_naive() == local {
            assert_eq!(
                (
                    i32::from(date.year()),
                    u32::from(date.month()),
                    u32::from(date.day())
                ),
                (local.year(), local.month(), local.day())
            );
        }
    }
}
