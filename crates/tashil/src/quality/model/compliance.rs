//! Each unit's compliance summary month by month (issue 20, item 5), replacing the monthly
//! paper report: the share of its characteristics in control, capable, and both, and the
//! share of its advice answered on time.
//!
//! Months are the caller's (the Solar Hijri month in Iran, as the paper report was; the
//! Gregorian one in Vietnam): each characteristic's month comes in already summed, and the
//! month of an advice is the month of its answer's due day, through `month_of`.
//!
//! - A characteristic is *reporting* in a month with at least one subgroup, *in control*
//!   when reporting with no rule violation among that month's subgroups, *capable* when its
//!   capability index (at the month's end) reaches the unit's target; shares of in control
//!   are over the reporting ones, of capable over those with an index and a target.
//! - An advice counts in the month of its due day once it is decided: answered (on time if
//!   on or before the due day), or its due day passed unanswered (late). One due after
//!   `today` and unanswered is not counted yet.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use tashil_text::workdays::WorkCalendar;

use super::advice::Advice;
use super::escalation::{Thresholds, answer_due};

/// A month of the caller's calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Month {
    pub year: i32,
    pub month: u8,
}

impl Month {
    /// The month of `date` in the calendar of `country_or_province`: Solar Hijri in Iran,
    /// Gregorian elsewhere.
    pub fn of(country_or_province: &str, date: NaiveDate) -> Month {
        if country_or_province.starts_with("IR") {
            let (year, month, _) = tashil_text::dates::to_solar_hijri(date);
            Month { year, month }
        } else {
            Month {
                year: date.year(),
                month: date.month() as u8,
            }
        }
    }

    /// `yyyymm` (Farvardin 1405 is `140501`), as queries and links name a month.
    pub fn from_yyyymm(n: i32) -> Option<Month> {
        let month = u8::try_from(n.rem_euclid(100)).ok()?;
        (n > 0 && (1..=12).contains(&month)).then_some(Month {
            year: n / 100,
            month,
        })
    }

    pub fn yyyymm(self) -> i32 {
        self.year * 100 + i32::from(self.month)
    }

    pub fn next(self) -> Month {
        if self.month >= 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                month: self.month + 1,
                ..self
            }
        }
    }

    /// `n` months before.
    pub fn back(self, n: u32) -> Month {
        let i = self.year * 12 + i32::from(self.month) - 1 - n as i32;
        Month {
            year: i.div_euclid(12),
            month: (i.rem_euclid(12) + 1) as u8,
        }
    }

    /// Its first day in the calendar of `country_or_province`; `None` out of the dates a
    /// calendar converts.
    pub fn first_day(self, country_or_province: &str) -> Option<NaiveDate> {
        if country_or_province.starts_with("IR") {
            tashil_text::dates::from_solar_hijri(self.year, self.month, 1)
        } else {
            NaiveDate::from_ymd_opt(self.year, u32::from(self.month), 1)
        }
    }

    /// The months from `self` to `last`, both included.
    pub fn through(self, last: Month) -> Vec<Month> {
        let mut out = vec![];
        let mut m = self;
        while m <= last {
            out.push(m);
            m = m.next();
        }
        out
    }
}

/// One characteristic over one month, as the store sums it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CharacteristicMonth {
    pub unit: i64,
    pub characteristic: i64,
    pub month: Month,
    pub subgroups: u32,
    /// Rule violations among the month's subgroups (both charts).
    pub violations: u32,
    /// The capability index the unit's target is set on, at the month's end.
    pub capability: Option<f64>,
    pub target: Option<f64>,
}

impl CharacteristicMonth {
    pub fn reporting(&self) -> bool {
        self.subgroups > 0
    }

    pub fn in_control(&self) -> bool {
        self.reporting() && self.violations == 0
    }

    /// `None` without a finite index and target.
    pub fn capable(&self) -> Option<bool> {
        let (c, t) = (self.capability?, self.target?);
        (c.is_finite() && t.is_finite()).then_some(c >= t)
    }
}

/// An advice's due day and answer, for the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdviceOutcome {
    pub unit: i64,
    pub due: NaiveDate,
    pub answered_on: Option<NaiveDate>,
}

impl AdviceOutcome {
    /// The outcome of `advice` of `unit`, due as `escalation::answer_due` counts it in the
    /// calendar of the unit's province; `None` past the calendar's span.
    pub fn of(
        unit: i64,
        advice: &Advice,
        th: &Thresholds,
        cal: &WorkCalendar,
    ) -> Option<AdviceOutcome> {
        Some(AdviceOutcome {
            unit,
            due: answer_due(th, cal, advice)?.date,
            answered_on: advice.answer.as_ref().map(|a| a.on),
        })
    }
}

/// One unit's month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct MonthSummary {
    pub unit: i64,
    pub month: Option<Month>,
    pub characteristics: u32,
    pub reporting: u32,
    pub in_control: u32,
    pub capability_assessed: u32,
    pub capable: u32,
    pub in_control_and_capable: u32,
    pub advice_due: u32,
    pub advice_on_time: u32,
}

fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

impl MonthSummary {
    /// In control, of the characteristics reporting.
    pub fn in_control_share(&self) -> Option<f64> {
        share(self.in_control, self.reporting)
    }

    /// Capable, of those with an index and a target.
    pub fn capable_share(&self) -> Option<f64> {
        share(self.capable, self.capability_assessed)
    }

    /// In control and capable, of those reporting with an index and a target.
    pub fn in_control_and_capable_share(&self) -> Option<f64> {
        share(self.in_control_and_capable, self.capability_assessed)
    }

    /// Answered on time, of the advice decided that month.
    pub fn on_time_share(&self) -> Option<f64> {
        share(self.advice_on_time, self.advice_due)
    }
}

fn slot(
    out: &mut BTreeMap<(i64, Month), MonthSummary>,
    unit: i64,
    month: Month,
) -> &mut MonthSummary {
    out.entry((unit, month)).or_insert_with(|| MonthSummary {
        unit,
        month: Some(month),
        ..MonthSummary::default()
    })
}

/// The summaries, one per unit and month that has a characteristic row or a decided advice,
/// ordered by unit then month.
pub fn monthly(
    characteristics: &[CharacteristicMonth],
    advice: &[AdviceOutcome],
    month_of: &dyn Fn(NaiveDate) -> Month,
    today: NaiveDate,
) -> Vec<MonthSummary> {
    let mut out: BTreeMap<(i64, Month), MonthSummary> = BTreeMap::new();
    for c in characteristics {
        let s = slot(&mut out, c.unit, c.month);
        s.characteristics += 1;
        s.reporting += u32::from(c.reporting());
        s.in_control += u32::from(c.in_control());
        if c.reporting()
            && let Some(capable) = c.capable()
        {
            s.capability_assessed += 1;
            s.capable += u32::from(capable);
            s.in_control_and_capable += u32::from(capable && c.in_control());
        }
    }
    for a in advice {
        let on_time = match a.answered_on {
            Some(on) => on <= a.due,
            None if a.due < today => false,
            None => continue,
        };
        let s = slot(&mut out, a.unit, month_of(a.due));
        s.advice_due += 1;
        s.advice_on_time += u32::from(on_time);
    }
    out.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quality::model::advice::{AnswerDraft, Chart, Points, Trigger};
    use tashil_spc::Rule;
    use tashil_text::dates::to_solar_hijri;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn solar(date: NaiveDate) -> Month {
        let (year, month, _) = to_solar_hijri(date);
        Month { year, month }
    }

    fn row(
        unit: i64,
        characteristic: i64,
        month: u8,
        subgroups: u32,
        violations: u32,
        cpk: Option<f64>,
    ) -> CharacteristicMonth {
        CharacteristicMonth {
            unit,
            characteristic,
            month: Month { year: 1405, month },
            subgroups,
            violations,
            capability: cpk,
            target: Some(1.33),
        }
    }

    fn outcome(unit: i64, due: NaiveDate, answered_on: Option<NaiveDate>) -> AdviceOutcome {
        AdviceOutcome {
            unit,
            due,
            answered_on,
        }
    }

    #[test]
    fn shares_of_characteristics_in_control_and_capable() {
        let rows = [
            row(1, 10, 9, 30, 0, Some(1.5)),   // in control, capable
            row(1, 11, 9, 30, 2, Some(1.4)),   // out of control, capable
            row(1, 12, 9, 30, 0, Some(1.1)),   // in control, not capable
            row(1, 13, 9, 30, 0, None),        // in control, no index
            row(1, 14, 9, 0, 0, Some(2.0)),    // not reporting
            row(1, 10, 10, 25, 1, Some(1.33)), // next month: exactly the target is capable
            row(2, 20, 9, 5, 0, Some(f64::NAN)),
        ];
        let s = monthly(&rows, &[], &solar, d(2027, 1, 1));
        assert_eq!(s.len(), 3);
        let azar = s[0];
        assert_eq!(
            (azar.unit, azar.month),
            (
                1,
                Some(Month {
                    year: 1405,
                    month: 9
                })
            )
        );
        assert_eq!(
            (
                azar.characteristics,
                azar.reporting,
                azar.in_control,
                azar.capability_assessed,
                azar.capable,
                azar.in_control_and_capable
            ),
            (5, 4, 3, 3, 2, 1)
        );
        assert_eq!(azar.in_control_share(), Some(0.75));
        assert_eq!(azar.capable_share(), Some(2.0 / 3.0));
        assert_eq!(azar.in_control_and_capable_share(), Some(1.0 / 3.0));
        assert_eq!(azar.on_time_share(), None);
        let dey = s[1];
        assert_eq!(
            (dey.in_control, dey.capable, dey.in_control_and_capable),
            (0, 1, 0)
        );
        let other = s[2];
        assert_eq!(
            (other.unit, other.capability_assessed, other.capable_share()),
            (2, 0, None)
        );
        assert_eq!(other.in_control_share(), Some(1.0));
    }

    #[test]
    fn advice_counts_in_the_month_of_its_due_day_once_decided() {
        // 30 Azar 1405 = 2026-12-21; 1 Dey 1405 = 2026-12-22.
        assert_eq!(
            solar(d(2026, 12, 21)),
            Month {
                year: 1405,
                month: 9
            }
        );
        assert_eq!(
            solar(d(2026, 12, 22)),
            Month {
                year: 1405,
                month: 10
            }
        );
        let today = d(2026, 12, 28);
        let advice = [
            outcome(1, d(2026, 12, 21), Some(d(2026, 12, 21))), // Azar, on the due day: on time
            outcome(1, d(2026, 12, 21), Some(d(2026, 12, 22))), // Azar, a day late
            outcome(1, d(2026, 12, 22), None),                  // Dey, due passed: late
            outcome(1, d(2026, 12, 28), None),                  // due today: not decided yet
            outcome(1, d(2027, 1, 5), Some(d(2026, 12, 23))),   // answered early: on time
        ];
        let s = monthly(&[], &advice, &solar, today);
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].advice_due, s[0].advice_on_time), (2, 1));
        assert_eq!(s[0].on_time_share(), Some(0.5));
        assert_eq!((s[1].advice_due, s[1].advice_on_time), (2, 1));
        assert_eq!(s[1].characteristics, 0);
        assert_eq!(s[1].in_control_share(), None);
    }

    #[test]
    fn an_outcome_is_due_as_escalation_counts_it() {
        let mut a = Advice::open(
            10,
            Trigger::Violation {
                chart: Chart::Primary,
                rule: Rule::BeyondLimits,
            },
            Points { first: 4, point: 4 },
            d(2026, 12, 21),
        );
        let th = Thresholds {
            answer_working_days: 3,
            persisting_subgroups: 10,
        };
        let cal = WorkCalendar::iran();
        let o = AdviceOutcome::of(1, &a, &th, &cal).unwrap();
        assert_eq!((o.due, o.answered_on), (d(2026, 12, 26), None));
        a.answer(
            AnswerDraft {
                cause: "c".into(),
                action: "a".into(),
            }
            .validate(d(2026, 12, 24))
            .unwrap(),
        )
        .unwrap();
        let o = AdviceOutcome::of(1, &a, &th, &cal).unwrap();
        assert_eq!(o.answered_on, Some(d(2026, 12, 24)));
        let s = monthly(&[], &[o], &solar, d(2026, 12, 24));
        assert_eq!(
            (s[0].advice_due, s[0].advice_on_time, s[0].month),
            (
                1,
                1,
                Some(Month {
                    year: 1405,
                    month: 10
                })
            )
        );
    }

    #[test]
    fn months_of_both_calendars() {
        // 1 Farvardin 1405 = 2026-03-21; 29 Esfand 1404 the day before.
        assert_eq!(Month::of("IR-26", d(2026, 3, 21)).yyyymm(), 140501);
        assert_eq!(Month::of("IR", d(2026, 3, 20)).yyyymm(), 140412);
        assert_eq!(Month::of("VN-01", d(2026, 3, 20)).yyyymm(), 202603);
        let esfand = Month::from_yyyymm(140412).unwrap();
        assert_eq!(esfand.next().yyyymm(), 140501);
        assert_eq!(esfand.first_day("IR"), Some(d(2026, 2, 20)));
        assert_eq!(esfand.next().first_day("IR"), Some(d(2026, 3, 21)));
        assert_eq!(esfand.next().back(12).yyyymm(), 140401);
        assert_eq!(Month::from_yyyymm(140413), None);
        assert_eq!(Month::from_yyyymm(-140401), None);
        assert_eq!(esfand.through(Month::from_yyyymm(140502).unwrap()).len(), 3);
        assert!(
            Month::from_yyyymm(140501)
                .unwrap()
                .through(esfand)
                .is_empty()
        );
    }
}
