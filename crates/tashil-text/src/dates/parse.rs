//! Tolerant parsing of dates typed by users or found in imported files.

use chrono::NaiveDate;

use super::{DateError, from_solar_hijri};
use crate::clean::is_invisible;
use crate::digits::to_ascii_digits;

/// Four-digit years read as Solar Hijri: 1200–1499 AP is 1821–2121 CE, which
/// covers every founding, licence and birth date Tashil records.
const SOLAR_HIJRI_YEARS: std::ops::RangeInclusive<i32> = 1200..=1499;
/// Four-digit years read as Gregorian. The two ranges are far apart, so a year
/// alone tells the calendar and no hint is needed.
const GREGORIAN_YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// Parses a date typed by a user or read from a file, in any digit script.
///
/// Accepted shapes, with `/`, `-` or `.` as the (single, consistent) separator:
/// - year first, `YYYY/M/D`: ISO `2023-09-19`, `2023/09/19`; Solar Hijri
///   `۱۴۰۲/۰۶/۲۸`, `1402-06-28`, `1402/6/28`;
/// - year last, `D/M/YYYY`: Vietnamese `19/09/2023`, `19-09-2023`.
///
/// The calendar comes from the four-digit year alone: 1200–1499 is Solar Hijri,
/// 1800–2200 Gregorian; anything else, and two-digit years (`19/09/23`), is
/// [`DateError::YearOutOfRange`] rather than a guess.
///
/// A year-last date is always day-first: `01/02/2023` is 1 February 2023, as
/// Vietnam and Iran write it (month-first is a US convention no user here has).
///
/// Invisible bidi marks anywhere and whitespace around are ignored, and so is a
/// time of day after a space or `T` (`2023-09-19 00:00:00`, as spreadsheets
/// export dates). The day must exist in its calendar: `1402/12/30` and
/// `2023-02-29` are [`DateError::NoSuchDay`], while `1403/12/30` is 2025-03-20.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let visible: String = s.chars().filter(|&c| !is_invisible(c)).collect();
    let ascii = to_ascii_digits(&visible);
    let text = ascii.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    // The separator may be a wide space (a no-break space between date and time).
    let (date, time) = match text
        .char_indices()
        .find(|&(_, c)| c == 'T' || c.is_whitespace())
    {
        Some((i, c)) => (&text[..i], text[i + c.len_utf8()..].trim()),
        None => (text, ""),
    };
    if !time.is_empty() && !is_time(time) {
        return Err(DateError::Unrecognised);
    }
    let (year, month, day) = fields(date)?;
    if SOLAR_HIJRI_YEARS.contains(&year) {
        from_solar_hijri(year, month, day).ok_or(DateError::NoSuchDay)
    } else if GREGORIAN_YEARS.contains(&year) {
        NaiveDate::from_ymd_opt(year, month.into(), day.into()).ok_or(DateError::NoSuchDay)
    } else {
        Err(DateError::YearOutOfRange(year))
    }
}

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`: only checked for shape, then ignored.
fn is_time(s: &str) -> bool {
    s.contains(':')
        && s.chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
}

/// Splits `date` into (year, month, day) by digit-count pattern.
fn fields(date: &str) -> Result<(i32, u8, u8), DateError> {
    let sep = date
        .chars()
        .find(|c| !c.is_ascii_digit())
        .ok_or(DateError::Unrecognised)?;
    if !matches!(sep, '/' | '-' | '.') {
        return Err(DateError::Unrecognised);
    }
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, c] = parts[..] else {
        return Err(DateError::Unrecognised);
    };
    if [a, b, c]
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|x| x.is_ascii_digit()))
    {
        return Err(DateError::Unrecognised);
    }
    let short = |p: &str| p.len() <= 2;
    let (y, m, d) = match (a.len(), c.len()) {
        (4, _) if short(b) && short(c) => (a, b, c),
        (_, 4) if short(a) && short(b) => (c, b, a),
        (_, 1..=2) if short(a) && short(b) => {
            return Err(DateError::YearOutOfRange(c.parse().unwrap_or(0)));
        }
        _ => return Err(DateError::Unrecognised),
    };
    let num = |p: &str| p.parse::<u8>().map_err(|_| DateError::Unrecognised);
    let year = y.parse::<i32>().map_err(|_| DateError::Unrecognised)?;
    Ok((year, num(m)?, num(d)?))
}
