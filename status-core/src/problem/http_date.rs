//! Reading an HTTP-date (RFC 9110, Section 5.6.7): the IMF-fixdate servers send, and the two
//! obsolete formats recipients must still accept.
//!
//! ```text
//! IMF-fixdate  = Sun, 06 Nov 1994 08:49:37 GMT
//! rfc850-date  = Sunday, 06-Nov-94 08:49:37 GMT
//! asctime-date = Sun Nov  6 08:49:37 1994
//! ```

use super::MONTHS;

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const LONG_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Seconds since the Unix epoch of an HTTP-date in any of the three formats, read `now`
/// seconds after the epoch (for a two-digit year); `None` for anything else, an impossible date
/// (31 Feb) or one before 1970. The day name is checked to be a day name, not against the date,
/// as recipients need not.
pub(crate) fn parse(text: &str, now: u64) -> Option<u64> {
    let (day, rest) = text.split_once(' ')?;
    if let Some(day) = day.strip_suffix(',') {
        return if DAYS.contains(&day) {
            imf_fixdate(rest)
        } else if LONG_DAYS.contains(&day) {
            rfc850_date(rest, now)
        } else {
            None
        };
    }
    DAYS.contains(&day).then(|| asctime_date(rest))?
}

/// `06 Nov 1994 08:49:37 GMT`.
fn imf_fixdate(text: &str) -> Option<u64> {
    let mut parts = text.split(' ');
    let day = digits(parts.next()?, 2)?;
    let month = month(parts.next()?)?;
    let year = digits(parts.next()?, 4)?;
    let time = time(parts.next()?)?;
    (parts.next()? == "GMT" && parts.next().is_none()).then_some(())?;
    seconds(year, month, day, time)
}

/// `06-Nov-94 08:49:37 GMT`: a two-digit year is the one of those last digits within 50 years
/// of `now`'s, one more than 50 years ahead being the most recent past one (RFC 9110, Section
/// 5.6.7).
fn rfc850_date(text: &str, now: u64) -> Option<u64> {
    let mut parts = text.split(' ');
    let mut date = parts.next()?.split('-');
    let day = digits(date.next()?, 2)?;
    let month = month(date.next()?)?;
    let year = digits(date.next()?, 2)?;
    date.next().is_none().then_some(())?;
    let (this_year, _, _) = super::civil_from_days(now / 86_400);
    let year = this_year / 100 * 100 + year;
    // Within (now - 50, now + 50]: a later one is the most recent past such year.
    let year = match year {
        year if year > this_year + 50 => year - 100,
        year if year + 50 <= this_year => year + 100,
        year => year,
    };
    let time = time(parts.next()?)?;
    (parts.next()? == "GMT" && parts.next().is_none()).then_some(())?;
    seconds(year, month, day, time)
}

/// `Nov  6 08:49:37 1994`: the day padded with a space.
fn asctime_date(text: &str) -> Option<u64> {
    let month = month(text.get(..3)?)?;
    let rest = text.get(3..)?.strip_prefix(' ')?;
    let (day, rest) = (rest.get(..2)?, rest.get(2..)?);
    let day = digits(day.strip_prefix(' ').unwrap_or(day), day.trim_start().len())?;
    let mut parts = rest.strip_prefix(' ')?.split(' ');
    let time = time(parts.next()?)?;
    let year = digits(parts.next()?, 4)?;
    parts.next().is_none().then_some(())?;
    seconds(year, month, day, time)
}

/// Exactly `count` ASCII digits.
fn digits(text: &str, count: usize) -> Option<u64> {
    let all_digits = text.len() == count && text.bytes().all(|b| b.is_ascii_digit());
    all_digits.then(|| text.parse().ok())?
}

/// `Jan`..`Dec` as 1..=12.
fn month(text: &str) -> Option<u64> {
    let index = MONTHS.iter().position(|&month| month == text)?;
    Some(index as u64 + 1)
}

/// `08:49:37` as seconds into the day (a leap second, `:60`, is the next second).
fn time(text: &str) -> Option<u64> {
    let mut parts = text.split(':');
    let hour = digits(parts.next()?, 2)?;
    let minute = digits(parts.next()?, 2)?;
    let second = digits(parts.next()?, 2)?;
    let valid = parts.next().is_none() && hour < 24 && minute < 60 && second <= 60;
    valid.then_some(hour * 3600 + minute * 60 + second)
}

/// Seconds since the epoch of a date and a time of day; `None` for an impossible date or one
/// before 1970.
fn seconds(year: u64, month: u64, day: u64, time: u64) -> Option<u64> {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days_in_month = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if year < 1970 || day == 0 || day > days_in_month {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + time)
}

/// Days since 1970-01-01 of a date on or after it (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: u64, month: u64, day: u64) -> u64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year / 400;
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use alloc::string::ToString;

    use super::parse as parse_at;

    /// 2026-12-05T00:00:00Z.
    const NOW: u64 = 1_796_428_800;

    fn parse(text: &str) -> Option<u64> {
        parse_at(text, NOW)
    }
    use crate::problem::HttpDate;

    #[test]
    fn the_three_formats_read_the_same_date() {
        for text in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(parse(text), Some(784_111_777), "{text}");
        }
        assert_eq!(parse("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(parse("Thu Jan  1 00:00:00 1970"), Some(0));
        assert_eq!(parse("Tue, 29 Feb 2000 23:59:59 GMT"), Some(951_868_799));
        // Two-digit years: of this century, unless more than 50 years ahead.
        assert_eq!(parse("Friday, 31-Dec-69 23:59:59 GMT"), Some(3_155_759_999));
        assert_eq!(
            parse("Tuesday, 31-Dec-76 23:59:59 GMT"),
            Some(3_376_684_799)
        );
        assert_eq!(parse("Saturday, 01-Jan-77 00:00:00 GMT"), Some(220_924_800));
        // In 2159, `00` is 2200 (41 years ahead), not 2100.
        let later = 5_994_604_800;
        assert_eq!(
            parse_at("Wednesday, 01-Jan-00 00:00:00 GMT", later),
            Some(7_258_118_400)
        );
        assert_eq!(parse("Wed Dec 31 23:59:59 2036"), Some(2_114_380_799));
        assert_eq!(parse("Fri Nov 15 12:00:00 2024"), Some(1_731_672_000));
        // Leap years: every fourth, but not every hundredth, but every four hundredth.
        assert_eq!(parse("Tue, 29 Feb 2000 00:00:00 GMT"), Some(951_782_400));
        assert_eq!(parse("Tue, 29 Feb 2400 00:00:00 GMT"), Some(13_574_563_200));
        assert_eq!(parse("Sun, 29 Feb 2004 00:00:00 GMT"), Some(1_078_012_800));
        assert_eq!(parse("Sun, 30 Apr 2000 00:00:00 GMT"), Some(957_052_800));
    }

    #[test]
    fn what_a_server_sends_reads_back() {
        for seconds in [
            0,
            59,
            86_399,
            951_782_400,
            1_700_000_000,
            4_102_444_800,
            253_402_300_799,
        ] {
            let sent = HttpDate::since_epoch(Some(core::time::Duration::from_secs(seconds)));
            assert_eq!(parse(&sent.to_string()), Some(seconds), "{sent}");
        }
    }

    #[test]
    fn anything_else_is_refused() {
        for text in [
            "",
            "Sun, 06 Nov 1994 08:49:37",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 06 nov 1994 08:49:37 GMT",
            "Sun, 31 Feb 1994 08:49:37 GMT",
            "Sun, 29 Feb 1900 08:49:37 GMT",
            "Thu, 29 Feb 2001 00:00:00 GMT",
            "Mon, 29 Feb 2100 00:00:00 GMT",
            "Mon, 31 Apr 2000 00:00:00 GMT",
            "Mon, 31 Jun 2000 00:00:00 GMT",
            "Mon, 31 Sep 2000 00:00:00 GMT",
            "Mon, 31 Nov 2000 00:00:00 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT x",
            "Sun, 06 Nov 1969 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:60:00 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT x",
            "Sunday, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06-Nov-94 08:49:37 GMT",
            "Sunday, 06-Nov-1994 08:49:37 GMT",
            "Sun Nov 06 08:49:37 1994 GMT",
            "Sun Nov 6 08:49:37 1994",
            "Xyz, 06 Nov 1994 08:49:37 GMT",
            "Sun, 00 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 8:49:37 GMT",
            "Sun, 06 Nov +994 08:49:37 GMT",
            "120",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }
}
