//! When an advice reaches the provincial office's quality queue: left unanswered past a
//! number of working days, or its problem still found a number of subgroups after the one
//! that opened it. The thresholds are data ([`Thresholds`], stored as JSON with defaults);
//! the page says in advance when an advice will escalate ([`outlook`]).
//!
//! Working days are the office's (`docs/domain.md`, "Calendars and working days"): the
//! caller passes the calendar licensing counts its step deadlines in,
//! `calendar::Calendars::office(country, province)` for the unit's province — a
//! [`WorkCalendar`], pure.
//!
//! Counting, as for a licence step: the day the advice opened is not counted; the unit
//! answers on time up to and including the N-th working day after it ([`answer_due`]);
//! unanswered, the advice escalates on the next working day after that
//! ([`escalates_on`]), never on a weekend or holiday. Acknowledging does not stop the
//! clock: only an answer (cause and action) does. An answered advice still escalates if
//! its problem persists: the action did not work.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tashil_text::workdays::WorkCalendar;

use super::advice::{Advice, EscalationReason};
use crate::kernel::FieldError;

/// The escalation thresholds of a province (or the national default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Thresholds {
    /// Working days the unit has to answer, after the day the advice opened.
    pub answer_working_days: u32,
    /// How many subgroups after the one that opened the advice its problem may still be
    /// found before the advice escalates (found again at that many or more: escalates).
    pub persisting_subgroups: u64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            answer_working_days: 5,
            persisting_subgroups: 10,
        }
    }
}

/// The bounds a threshold is checked against.
pub const MAX_ANSWER_WORKING_DAYS: u32 = 60;
pub const MAX_PERSISTING_SUBGROUPS: u64 = 1000;

impl Thresholds {
    /// Each at least 1 and at most its maximum, each error naming its field.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errs = Vec::new();
        if !(1..=MAX_ANSWER_WORKING_DAYS).contains(&self.answer_working_days) {
            errs.push(FieldError::new("answer_working_days", "value_out_of_range"));
        }
        if !(1..=MAX_PERSISTING_SUBGROUPS).contains(&self.persisting_subgroups) {
            errs.push(FieldError::new(
                "persisting_subgroups",
                "value_out_of_range",
            ));
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }
}

/// A date counted in working days, and whether the official calendar of its year is known
/// yet (if not, a lunar holiday may still move it: the page says so).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CountedDate {
    pub date: NaiveDate,
    pub provisional: bool,
}

fn counted(cal: &WorkCalendar, start: NaiveDate, days: u32) -> Option<CountedDate> {
    let date = cal.checked_add_working_days(start, days)?;
    Some(CountedDate {
        date,
        provisional: !cal.covered(date),
    })
}

/// The last day the unit may answer on time: the N-th working day after the advice opened.
pub fn answer_due(th: &Thresholds, cal: &WorkCalendar, advice: &Advice) -> Option<CountedDate> {
    counted(cal, advice.opened_on, th.answer_working_days)
}

/// Whether the advice was answered on time (`None` while unanswered).
pub fn answered_on_time(th: &Thresholds, cal: &WorkCalendar, advice: &Advice) -> Option<bool> {
    let answered = advice.answer.as_ref()?.on;
    Some(answer_due(th, cal, advice).is_none_or(|due| answered <= due.date))
}

/// "Escalates on `date` unless answered": the first working day after [`answer_due`];
/// `None` once it is answered, closed or escalated.
pub fn escalates_on(th: &Thresholds, cal: &WorkCalendar, advice: &Advice) -> Option<CountedDate> {
    if advice.is_answered() || advice.is_closed() || advice.escalated.is_some() {
        return None;
    }
    counted(
        cal,
        advice.opened_on,
        th.answer_working_days.checked_add(1)?,
    )
}

/// "Escalates if the problem is still found at subgroup `k`" (position in the series);
/// `None` once closed or escalated.
pub fn escalates_at_subgroup(th: &Thresholds, advice: &Advice) -> Option<u64> {
    if advice.is_closed() || advice.escalated.is_some() {
        return None;
    }
    advice.first_point().checked_add(th.persisting_subgroups)
}

/// What the page tells the unit (and the office) in advance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Outlook {
    /// Answer by this day to be on time.
    pub answer_due: Option<CountedDate>,
    /// Unanswered, it escalates on this day.
    pub escalates_on: Option<CountedDate>,
    /// It escalates if its problem is found again at this subgroup (position in the
    /// series) or later.
    pub escalates_at_subgroup: Option<u64>,
}

pub fn outlook(th: &Thresholds, cal: &WorkCalendar, advice: &Advice) -> Outlook {
    Outlook {
        answer_due: answer_due(th, cal, advice),
        escalates_on: escalates_on(th, cal, advice),
        escalates_at_subgroup: escalates_at_subgroup(th, advice),
    }
}

/// Whether the advice escalates `today` (local date of the unit's province), given
/// `subgroups_since`: how many subgroups after the one that opened it its problem was
/// still found (normally [`Advice::subgroups_since`]). Unanswered takes precedence when
/// both hold. An advice escalates once: `None` when closed or already escalated.
pub fn decide(
    th: &Thresholds,
    cal: &WorkCalendar,
    advice: &Advice,
    today: NaiveDate,
    subgroups_since: u64,
) -> Option<EscalationReason> {
    if advice.is_closed() || advice.escalated.is_some() {
        return None;
    }
    if escalates_on(th, cal, advice).is_some_and(|d| today >= d.date) {
        return Some(EscalationReason::Unanswered);
    }
    (subgroups_since >= th.persisting_subgroups).then_some(EscalationReason::Persisting)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quality::model::advice::{AnswerDraft, Chart, Points, Trigger};
    use tashil_spc::Rule;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn th(days: u32, subgroups: u64) -> Thresholds {
        Thresholds {
            answer_working_days: days,
            persisting_subgroups: subgroups,
        }
    }

    fn advice(opened: NaiveDate, at: u64) -> Advice {
        Advice::open(
            3,
            Trigger::Violation {
                chart: Chart::Primary,
                rule: Rule::BeyondLimits,
            },
            Points {
                first: at,
                point: at,
            },
            opened,
        )
    }

    fn answered(mut a: Advice, on: NaiveDate) -> Advice {
        let answer = AnswerDraft {
            cause: "c".into(),
            action: "a".into(),
        }
        .validate(on)
        .unwrap();
        a.answer(answer).unwrap();
        a
    }

    /// The week of 21 December 2026 in Iran: Wed 23 is a holiday (13 Rajab 1448, the
    /// Birthday of Imam Ali), Fri 25 the weekend.
    #[test]
    fn the_calendar_of_the_examples() {
        let iran = WorkCalendar::iran();
        let working: Vec<bool> = (21..=28)
            .map(|day| iran.is_working_day(d(2026, 12, day)))
            .collect();
        assert_eq!(
            working,
            [true, true, false, true, false, true, true, true],
            "Mon 21 … Mon 28"
        );
        assert!(iran.holiday(d(2026, 12, 23)).is_some());
    }

    #[test]
    fn exactly_n_working_days_across_a_holiday_and_the_weekend_is_on_time() {
        let cal = WorkCalendar::iran();
        let t = th(3, 10);
        // Opened Mon 21: Tue 22 (1), Wed 23 holiday, Thu 24 (2), Fri 25 weekend, Sat 26 (3).
        let a = advice(d(2026, 12, 21), 40);
        let due = answer_due(&t, &cal, &a).unwrap();
        assert_eq!(due.date, d(2026, 12, 26));
        assert!(!due.provisional);
        assert_eq!(escalates_on(&t, &cal, &a).unwrap().date, d(2026, 12, 27));
        // On the N-th working day: not yet; the next working day: escalates.
        assert_eq!(decide(&t, &cal, &a, d(2026, 12, 26), 0), None);
        assert_eq!(
            decide(&t, &cal, &a, d(2026, 12, 27), 0),
            Some(EscalationReason::Unanswered)
        );
        assert_eq!(
            decide(&t, &cal, &a, d(2027, 1, 30), 0),
            Some(EscalationReason::Unanswered)
        );
        // Answered on the last day: on time, and never escalates for want of an answer.
        let on_time = answered(a.clone(), d(2026, 12, 26));
        assert_eq!(answered_on_time(&t, &cal, &on_time), Some(true));
        assert_eq!(escalates_on(&t, &cal, &on_time), None);
        assert_eq!(decide(&t, &cal, &on_time, d(2027, 1, 30), 0), None);
        let late = answered(a.clone(), d(2026, 12, 27));
        assert_eq!(answered_on_time(&t, &cal, &late), Some(false));
        assert_eq!(answered_on_time(&t, &cal, &a), None);
    }

    #[test]
    fn a_weekend_or_holiday_after_the_due_day_delays_the_escalation_to_the_next_working_day() {
        let cal = WorkCalendar::iran();
        let t = th(1, 10);
        // Opened Tue 22: due Thu 24 (Wed 23 is a holiday); Fri 25 off; escalates Sat 26.
        let a = advice(d(2026, 12, 22), 1);
        assert_eq!(answer_due(&t, &cal, &a).unwrap().date, d(2026, 12, 24));
        assert_eq!(escalates_on(&t, &cal, &a).unwrap().date, d(2026, 12, 26));
        assert_eq!(decide(&t, &cal, &a, d(2026, 12, 25), 0), None);
        assert_eq!(
            decide(&t, &cal, &a, d(2026, 12, 26), 0),
            Some(EscalationReason::Unanswered)
        );
        // Opened on the holiday itself: the count starts the next day.
        let a = advice(d(2026, 12, 23), 1);
        assert_eq!(answer_due(&t, &cal, &a).unwrap().date, d(2026, 12, 24));
    }

    #[test]
    fn the_province_calendar_counts_thursdays_and_closures() {
        let t = th(3, 10);
        let a = advice(d(2026, 12, 21), 1);
        // Offices closed on Thursdays too: Tue 22 (1), Sat 26 (2), Sun 27 (3).
        let thursday_off = WorkCalendar::iran_thursday_off();
        assert_eq!(
            answer_due(&t, &thursday_off, &a).unwrap().date,
            d(2026, 12, 27)
        );
        assert_eq!(
            escalates_on(&t, &thursday_off, &a).unwrap().date,
            d(2026, 12, 28)
        );
        // A provincial closure on Sat 26 moves the day by one.
        let closed = WorkCalendar::iran().with_closures([d(2026, 12, 26)]);
        assert_eq!(answer_due(&t, &closed, &a).unwrap().date, d(2026, 12, 27));
    }

    #[test]
    fn past_the_official_tables_the_date_is_provisional() {
        let cal = WorkCalendar::iran();
        // 1406 begins on 2027-03-21; the compiled table ends with 1405.
        let a = advice(d(2027, 3, 28), 1);
        let due = answer_due(&Thresholds::default(), &cal, &a).unwrap();
        assert!(due.provisional, "{due:?}");
    }

    #[test]
    fn persisting_m_minus_one_subgroups_is_not_enough_m_is() {
        let cal = WorkCalendar::iran();
        let t = th(5, 4);
        let mut a = advice(d(2026, 12, 21), 100);
        let today = d(2026, 12, 22);
        assert_eq!(escalates_at_subgroup(&t, &a), Some(104));
        assert_eq!(outlook(&t, &cal, &a).escalates_at_subgroup, Some(104));
        a.attach(Points {
            first: 103,
            point: 103,
        })
        .unwrap();
        assert_eq!(a.subgroups_since(), 3);
        assert_eq!(decide(&t, &cal, &a, today, a.subgroups_since()), None);
        a.attach(Points {
            first: 97,
            point: 104,
        })
        .unwrap();
        assert_eq!(a.subgroups_since(), 4);
        assert_eq!(
            decide(&t, &cal, &a, today, a.subgroups_since()),
            Some(EscalationReason::Persisting)
        );
        // Answered does not stop it: the action did not work.
        let a = answered(a, today);
        assert_eq!(
            decide(&t, &cal, &a, today, 4),
            Some(EscalationReason::Persisting)
        );
    }

    #[test]
    fn both_reasons_unanswered_first_and_only_once() {
        let cal = WorkCalendar::iran();
        let t = th(3, 4);
        let mut a = advice(d(2026, 12, 21), 100);
        let late = d(2026, 12, 27);
        assert_eq!(
            decide(&t, &cal, &a, late, 9),
            Some(EscalationReason::Unanswered)
        );
        a.escalate(late, EscalationReason::Unanswered).unwrap();
        assert_eq!(decide(&t, &cal, &a, late, 9), None);
        let o = outlook(&t, &cal, &a);
        assert_eq!((o.escalates_on, o.escalates_at_subgroup), (None, None));
        assert!(o.answer_due.is_some());
        // Closed: never.
        let mut b = answered(advice(d(2026, 12, 21), 1), d(2026, 12, 22));
        b.close(d(2026, 12, 22)).unwrap();
        assert_eq!(decide(&t, &cal, &b, late, 99), None);
    }

    #[test]
    fn thresholds_are_data_with_defaults_and_bounds() {
        let t: Thresholds = serde_json::from_str("{}").unwrap();
        assert_eq!(t, Thresholds::default());
        let t: Thresholds = serde_json::from_str(r#"{"persisting_subgroups": 7}"#).unwrap();
        assert_eq!(t, th(5, 7));
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"answer_working_days":5,"persisting_subgroups":7}"#
        );
        assert!(t.validate().is_ok());
        let errs = th(0, MAX_PERSISTING_SUBGROUPS + 1).validate().unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            fields,
            [
                ("answer_working_days", "value_out_of_range"),
                ("persisting_subgroups", "value_out_of_range")
            ]
        );
        assert!(th(MAX_ANSWER_WORKING_DAYS, 1).validate().is_ok());
        assert!(th(MAX_ANSWER_WORKING_DAYS + 1, 1).validate().is_err());
    }
}
