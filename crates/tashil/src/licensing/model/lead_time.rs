//! Lead-time figures (issue 16, "public side"): what a month's counts and its histogram of
//! working days say — the median and 90th percentile, the on-time index, the share decided
//! by silence. Months are those of the country's own calendar: Solar Hijri in Iran,
//! Gregorian in Vietnam, so a province's figures match its official statistics.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// `yyyymm` of `date` in the calendar of `country_or_province`.
pub fn month_of(country_or_province: &str, date: NaiveDate) -> i32 {
    if country_or_province.starts_with("IR") {
        let (y, m, _) = tashil_text::dates::to_solar_hijri(date);
        y * 100 + i32::from(m)
    } else {
        date.year() * 100 + date.month() as i32
    }
}

/// The month after `month` (`yyyymm`).
pub fn next_month(month: i32) -> i32 {
    if month % 100 >= 12 {
        (month / 100 + 1) * 100 + 1
    } else {
        month + 1
    }
}

/// Whether `month` is a `yyyymm` of the years a country's figures can hold.
pub fn plausible_month(country: &str, month: i32) -> bool {
    let (y, m) = (month / 100, month % 100);
    let years = if country == "IR" {
        1300..=1500
    } else {
        1900..=2200
    };
    years.contains(&y) && (1..=12).contains(&m)
}

/// Months from `from` to `to`, both included.
pub fn months_between(from: i32, to: i32) -> i64 {
    i64::from(to / 100 - from / 100) * 12 + i64::from(to % 100 - from % 100) + 1
}

/// The counts kept per permit type, province and month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Counts {
    pub received: i64,
    pub issued: i64,
    pub rejected: i64,
    pub withdrawn: i64,
    /// Decisions (issued or rejected) whose every step was answered by its deadline.
    pub on_time: i64,
    /// Issues that came by silence past a consent step's deadline.
    pub by_silence: i64,
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.received += o.received;
        self.issued += o.issued;
        self.rejected += o.rejected;
        self.withdrawn += o.withdrawn;
        self.on_time += o.on_time;
        self.by_silence += o.by_silence;
    }

    pub fn decided(&self) -> i64 {
        self.issued + self.rejected
    }
}

/// How many decisions took each number of working days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Histogram(BTreeMap<i32, i64>);

impl Histogram {
    pub fn add(&mut self, days: i32, count: i64) {
        *self.0.entry(days).or_default() += count;
    }

    pub fn merge(&mut self, other: &Histogram) {
        for (d, c) in &other.0 {
            self.add(*d, *c);
        }
    }

    /// The nearest-rank `p`-th percentile (0 < p ≤ 100): the least number of days that at
    /// least p% of the decisions took no more than. `None` without decisions.
    pub fn percentile(&self, p: u8) -> Option<i32> {
        let total: i64 = self.0.values().filter(|c| **c > 0).sum();
        if total <= 0 {
            return None;
        }
        let rank = ((total * i64::from(p) + 99) / 100).max(1);
        let mut seen = 0;
        for (days, count) in &self.0 {
            seen += (*count).max(0);
            if seen >= rank {
                return Some(*days);
            }
        }
        self.0.keys().next_back().copied()
    }
}

/// One row of the figures: a month, or the whole span.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Figures {
    /// `yyyymm` in the country's calendar; absent on the total.
    pub month: Option<i32>,
    #[serde(flatten)]
    pub counts: Counts,
    /// Median working days from application to decision.
    pub median_days: Option<i32>,
    /// 90th percentile of the same.
    pub p90_days: Option<i32>,
    /// Share (0–1) of decisions answered on time at every step.
    pub on_time_share: Option<f64>,
    /// Share (0–1) of decisions made by silence.
    pub silence_share: Option<f64>,
}

fn share(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

impl Figures {
    pub fn of(month: Option<i32>, counts: Counts, days: &Histogram) -> Figures {
        Figures {
            month,
            counts,
            median_days: days.percentile(50),
            p90_days: days.percentile(90),
            on_time_share: share(counts.on_time, counts.decided()),
            silence_share: share(counts.by_silence, counts.decided()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn months_are_the_countrys_own() {
        // 6 December 2026 is 15 Azar 1405; 20 March 2026 is the last day of 1404.
        assert_eq!(month_of("IR-26", d("2026-12-06")), 140509);
        assert_eq!(month_of("IR", d("2026-03-20")), 140412);
        assert_eq!(month_of("IR", d("2026-03-21")), 140501);
        assert_eq!(month_of("VN-37", d("2026-12-06")), 202612);
        assert_eq!(next_month(140412), 140501);
        assert_eq!(next_month(202611), 202612);
        assert_eq!(months_between(140410, 140503), 6);
        assert!(plausible_month("IR", 140509));
        assert!(!plausible_month("IR", 202612));
        assert!(!plausible_month("VN", 202613));
        assert!(!plausible_month("VN", 140509));
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        let mut h = Histogram::default();
        assert_eq!(h.percentile(50), None);
        for (days, n) in [(3, 5), (10, 4), (40, 1)] {
            h.add(days, n);
        }
        // Ten decisions: the 5th is 3 days, the 9th 10 days.
        assert_eq!(h.percentile(50), Some(3));
        assert_eq!(h.percentile(90), Some(10));
        assert_eq!(h.percentile(100), Some(40));
        let mut more = Histogram::default();
        more.add(40, 10);
        h.merge(&more);
        assert_eq!(h.percentile(50), Some(40));
        // A bucket taken back to zero counts for nothing.
        let mut z = Histogram::default();
        z.add(7, 1);
        z.add(7, -1);
        assert_eq!(z.percentile(50), None);
    }

    #[test]
    fn shares_need_decisions() {
        let c = Counts {
            received: 4,
            issued: 3,
            rejected: 1,
            on_time: 3,
            by_silence: 1,
            ..Default::default()
        };
        let f = Figures::of(Some(140509), c, &Histogram::default());
        assert_eq!(f.on_time_share, Some(0.75));
        assert_eq!(f.silence_share, Some(0.25));
        let none = Figures::of(None, Counts::default(), &Histogram::default());
        assert_eq!(none.on_time_share, None);
    }
}
