//! The figures of conformity assessment (issue 19, item 7), free of HTTP and SQL: each lab's
//! turnaround, and the failure rates of each clause per product category and province.
//!
//! - **Turnaround** of a request: the working days, on the calendar of the lab's province
//!   (its country's holidays and the province's closures), from the day the lab *accepted*
//!   the request to the day the *first* revision of its report was released, both on the
//!   lab's province's clock: the days in (accepted, released], so a report released on the
//!   day of acceptance took 0. Acceptance, not sending: the lab cannot start before it has
//!   said yes, and a request waiting for an answer is the lab's queue, not its testing time.
//!   A correction (a later revision) does not move it.
//! - **On time**: the turnaround is at most the lab's quote kept with the request
//!   (`quoted_days`, the slowest clause's turnaround in its scope).
//! - **Median and 90th percentile**: nearest rank, as licensing's lead times: the `p`-th
//!   percentile of `n` sorted values is the value at rank ⌈p·n/100⌉ (from 1), so the median
//!   of an even count is the lower of the two middle values, and p90 of fewer than ten
//!   values is the largest.
//! - **Failure rate** of a cell (product category × province × standard × clause): the
//!   results of the latest released revision of each request that failed, over all judged
//!   there (pass, fail and inconclusive: an inconclusive result is judged, and not a
//!   failure).
//! - **Publishing a cell**: only when results from at least [`MIN_REQUESTERS`] different
//!   requesting organisations were judged in it; the public figures leave the others out
//!   and say how many cells and results they left out.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;
use tashil_text::workdays::WorkCalendar;

use super::verdict::Verdict;

/// The fewest requesting organisations whose results a cell must hold before the public
/// sees it (so that no unit is singled out by a rate).
pub const MIN_REQUESTERS: usize = 3;

/// The nearest-rank `p`-th percentile (0 < p ≤ 100) of `sorted` (ascending): the value at
/// rank ⌈p·n/100⌉; `None` for no values.
pub fn percentile(sorted: &[i64], p: u8) -> Option<i64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let rank = (n * usize::from(p)).div_ceil(100).max(1);
    sorted.get(rank.min(n) - 1).copied()
}

/// Working days on `cal` in (`accepted`, `released`]; 0 when released on or before the day
/// of acceptance.
pub fn turnaround_days(cal: &WorkCalendar, accepted: NaiveDate, released: NaiveDate) -> i64 {
    cal.working_days_between(accepted, released).max(0)
}

/// One request's turnaround and the quote it is held to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Turnaround {
    pub days: i64,
    pub quoted_days: i32,
}

/// A lab's turnaround over its requests.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TurnaroundFigures {
    /// Requests whose first report was released in the period.
    pub requests: u64,
    /// Nearest-rank median of their working days.
    pub median_days: Option<i64>,
    /// Nearest-rank 90th percentile.
    pub p90_days: Option<i64>,
    /// Those released within the quoted turnaround.
    pub on_time: u64,
    /// `on_time / requests`, absent without requests.
    pub on_time_share: Option<f64>,
}

impl TurnaroundFigures {
    pub fn of(items: &[Turnaround]) -> TurnaroundFigures {
        let mut days: Vec<i64> = items.iter().map(|t| t.days).collect();
        days.sort_unstable();
        let on_time = items
            .iter()
            .filter(|t| t.days <= i64::from(t.quoted_days))
            .count() as u64;
        let requests = items.len() as u64;
        TurnaroundFigures {
            requests,
            median_days: percentile(&days, 50),
            p90_days: percentile(&days, 90),
            on_time,
            on_time_share: (requests > 0).then(|| on_time as f64 / requests as f64),
        }
    }
}

/// Where a result counts: the standard's product category (its first ICS field), the
/// requesting province, the standard and the clause.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellKey {
    pub category: String,
    pub province: String,
    pub designation: String,
    pub clause: String,
}

/// One judged clause of a request's latest released revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    pub key: CellKey,
    pub requester_org_id: i64,
    pub request_id: i64,
    pub verdict: Verdict,
}

/// A cell's counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub key: CellKey,
    pub judged: u64,
    pub failed: u64,
    pub inconclusive: u64,
    /// The requesting organisations whose results it holds.
    pub requesters: BTreeSet<i64>,
    /// The requests that failed there, as (requesting organisation, request), by request
    /// (the national body's view links them).
    pub failed_requests: Vec<(i64, i64)>,
}

impl Cell {
    /// `failed / judged`; absent when nothing was judged.
    pub fn failure_rate(&self) -> Option<f64> {
        (self.judged > 0).then(|| self.failed as f64 / self.judged as f64)
    }

    /// Whether the public may see it ([`MIN_REQUESTERS`]).
    pub fn publishable(&self) -> bool {
        self.requesters.len() >= MIN_REQUESTERS
    }
}

/// The cells of `items`, in key order (category, province, standard, clause).
pub fn cells(items: impl IntoIterator<Item = Judged>) -> Vec<Cell> {
    let mut out: BTreeMap<CellKey, Cell> = BTreeMap::new();
    for j in items {
        let c = out.entry(j.key.clone()).or_insert_with(|| Cell {
            key: j.key.clone(),
            judged: 0,
            failed: 0,
            inconclusive: 0,
            requesters: BTreeSet::new(),
            failed_requests: vec![],
        });
        c.judged += 1;
        c.requesters.insert(j.requester_org_id);
        match j.verdict {
            Verdict::Fail => {
                c.failed += 1;
                c.failed_requests.push((j.requester_org_id, j.request_id));
            }
            Verdict::Inconclusive => c.inconclusive += 1,
            Verdict::Pass => {}
        }
    }
    out.into_values()
        .map(|mut c| {
            c.failed_requests
                .sort_unstable_by_key(|&(_, request)| request);
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(days: i64, quoted_days: i32) -> Turnaround {
        Turnaround { days, quoted_days }
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        assert_eq!(percentile(&[], 50), None);
        // One value: every percentile is it.
        assert_eq!(percentile(&[7], 50), Some(7));
        assert_eq!(percentile(&[7], 90), Some(7));
        // Odd count 5: median rank ⌈2.5⌉ = 3 → 4; p90 rank ⌈4.5⌉ = 5 → 9.
        assert_eq!(percentile(&[1, 2, 4, 8, 9], 50), Some(4));
        assert_eq!(percentile(&[1, 2, 4, 8, 9], 90), Some(9));
        // Even count 4: median rank ⌈2⌉ = 2 → the lower middle, 3; p90 rank ⌈3.6⌉ = 4 → 10.
        assert_eq!(percentile(&[1, 3, 5, 10], 50), Some(3));
        assert_eq!(percentile(&[1, 3, 5, 10], 90), Some(10));
        // Ten values 1..=10: p90 rank 9 → 9 (not the largest).
        let ten: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&ten, 90), Some(9));
        assert_eq!(percentile(&ten, 100), Some(10));
        // Ties: [2, 2, 2, 5]: median rank 2 → 2; p90 rank 4 → 5.
        assert_eq!(percentile(&[2, 2, 2, 5], 50), Some(2));
        assert_eq!(percentile(&[2, 2, 2, 5], 90), Some(5));
    }

    #[test]
    fn a_labs_turnaround_median_p90_and_share_on_time() {
        // Days 3, 9, 5, 5 quoted 5 each: sorted 3 5 5 9; median rank 2 → 5; p90 rank 4 → 9;
        // on time 3 (3, 5, 5 ≤ 5; 9 late), share 0.75.
        let f = TurnaroundFigures::of(&[t(3, 5), t(9, 5), t(5, 5), t(5, 5)]);
        assert_eq!(f.requests, 4);
        assert_eq!(f.median_days, Some(5));
        assert_eq!(f.p90_days, Some(9));
        assert_eq!(f.on_time, 3);
        assert_eq!(f.on_time_share, Some(0.75));
        // One request, late: 8 > 7.
        let one = TurnaroundFigures::of(&[t(8, 7)]);
        assert_eq!(
            (one.median_days, one.p90_days, one.on_time_share),
            (Some(8), Some(8), Some(0.0))
        );
        // None: no figures, no share.
        let none = TurnaroundFigures::of(&[]);
        assert_eq!(
            (none.requests, none.median_days, none.on_time_share),
            (0, None, None)
        );
    }

    #[test]
    fn turnaround_counts_the_working_days_after_acceptance_up_to_release() {
        let iran = WorkCalendar::iran();
        // Accepted Tuesday 1 Dec 2026, released Saturday 5 Dec: Wed 2, Thu 3, (Fri 4 the
        // weekend), Sat 5 → 3.
        assert_eq!(turnaround_days(&iran, d(2026, 12, 1), d(2026, 12, 5)), 3);
        // Across a holiday: Tue 22 Dec → Sat 26 Dec: (Wed 23 Imam Ali's birthday), Thu 24,
        // (Fri 25), Sat 26 → 2.
        assert_eq!(turnaround_days(&iran, d(2026, 12, 22), d(2026, 12, 26)), 2);
        // Released the day it was accepted: 0; a release dated before acceptance: 0.
        assert_eq!(turnaround_days(&iran, d(2026, 12, 1), d(2026, 12, 1)), 0);
        assert_eq!(turnaround_days(&iran, d(2026, 12, 5), d(2026, 12, 1)), 0);
        // Vietnam: Friday 4 Dec → Monday 7 Dec is one working day (Sat, Sun off).
        let vn = WorkCalendar::vietnam();
        assert_eq!(turnaround_days(&vn, d(2026, 12, 4), d(2026, 12, 7)), 1);
    }

    fn j(cat: &str, clause: &str, org: i64, req: i64, v: Verdict) -> Judged {
        Judged {
            key: CellKey {
                category: cat.into(),
                province: "IR-26".into(),
                designation: "INSO 389".into(),
                clause: clause.into(),
            },
            requester_org_id: org,
            request_id: req,
            verdict: v,
        }
    }

    #[test]
    fn cells_count_judged_failed_inconclusive_and_requesters() {
        use Verdict::*;
        let c = cells([
            j("91", "5.2", 1, 10, Fail),
            j("91", "5.1", 1, 10, Pass),
            j("91", "5.2", 2, 11, Pass),
            j("91", "5.2", 3, 12, Inconclusive),
            j("91", "5.2", 3, 13, Fail),
            j("67", "5.1", 1, 14, Pass),
        ]);
        let keys: Vec<(&str, &str)> = c
            .iter()
            .map(|c| (c.key.category.as_str(), c.key.clause.as_str()))
            .collect();
        assert_eq!(keys, [("67", "5.1"), ("91", "5.1"), ("91", "5.2")]);
        let five_two = &c[2];
        // 4 judged, 2 failed, 1 inconclusive: rate 2/4 = 0.5; organisations 1, 2, 3.
        assert_eq!(
            (five_two.judged, five_two.failed, five_two.inconclusive),
            (4, 2, 1)
        );
        assert_eq!(five_two.failure_rate(), Some(0.5));
        assert_eq!(five_two.failed_requests, [(1, 10), (3, 13)]);
        assert!(five_two.publishable());
        // One organisation's results alone are never public, whatever their number.
        assert!(!c[1].publishable());
        assert_eq!(c[1].failure_rate(), Some(0.0));
        assert!(cells([]).is_empty());
    }
}
