//! A plan's reporting periods: from its start, one every `frequency` months of its reckoning,
//! the last cut at the plan's end. Months are added to the start each time (not period after
//! period), so a plan starting on the 31st keeps the 31st where a month has one.

use chrono::{Days, Months, NaiveDate};
use tashil_text::dates::{from_solar_hijri, to_solar_hijri};

use super::kpi::{KpiPlan, Reckoning};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub index: u32,
    pub starts: NaiveDate,
    pub ends: NaiveDate,
    /// The last day its report is on time.
    pub due: NaiveDate,
}

fn add_months(reckoning: Reckoning, day: NaiveDate, months: u32) -> Option<NaiveDate> {
    match reckoning {
        Reckoning::Gregorian => day.checked_add_months(Months::new(months)),
        Reckoning::SolarHijri => {
            let (y, m, d) = to_solar_hijri(day);
            let m0 = i64::from(m) - 1 + i64::from(months);
            let year = i32::try_from(i64::from(y) + m0.div_euclid(12)).ok()?;
            let month = u8::try_from(m0.rem_euclid(12) + 1).ok()?;
            // Months 7 to 11 have 30 days, Esfand 29 (30 in a leap year): a day past the
            // month's end falls on its last day.
            (0..3).find_map(|back| from_solar_hijri(year, month, d.checked_sub(back)?))
        }
    }
}

/// The plan's periods in order; empty for a plan whose end is not after its start.
pub fn periods(plan: &KpiPlan) -> Vec<Period> {
    let step = plan.frequency.months();
    let mut out = vec![];
    let mut starts = plan.starts;
    let mut index = 0u32;
    while starts <= plan.ends && plan.ends > plan.starts {
        let Some(next) = add_months(plan.reckoning, plan.starts, step * (index + 1)) else {
            break;
        };
        let ends = next.pred_opt().unwrap_or(next).min(plan.ends);
        let due = ends
            .checked_add_days(Days::new(u64::from(plan.grace_days)))
            .unwrap_or(ends);
        out.push(Period {
            index,
            starts,
            ends,
            due,
        });
        starts = next;
        index += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programmes::model::kpi::{Direction, Frequency};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn plan(
        frequency: Frequency,
        reckoning: Reckoning,
        starts: NaiveDate,
        ends: NaiveDate,
    ) -> KpiPlan {
        KpiPlan {
            baseline: 0.0,
            target: 100.0,
            direction: Direction::HigherIsBetter,
            frequency,
            starts,
            ends,
            reckoning,
            grace_days: 10,
        }
    }

    #[test]
    fn solar_hijri_months_follow_the_persian_calendar() {
        // 1 Farvardin 1405 = 21 March 2026; 29 Esfand 1405 = 20 March 2027.
        let p = plan(
            Frequency::Monthly,
            Reckoning::SolarHijri,
            d(2026, 3, 21),
            d(2027, 3, 20),
        );
        let ps = periods(&p);
        assert_eq!(ps.len(), 12);
        // Farvardin has 31 days, Mehr 30, Esfand 29 in 1405.
        assert_eq!((ps[0].starts, ps[0].ends), (d(2026, 3, 21), d(2026, 4, 20)));
        assert_eq!(ps[1].starts, d(2026, 4, 21));
        assert_eq!(to_solar_hijri(ps[6].starts), (1405, 7, 1));
        assert_eq!(to_solar_hijri(ps[6].ends), (1405, 7, 30));
        assert_eq!(ps[11].ends, d(2027, 3, 20));
        assert_eq!(ps[0].due, d(2026, 4, 30));
        let q = plan(
            Frequency::Quarterly,
            Reckoning::SolarHijri,
            d(2026, 3, 21),
            d(2027, 3, 20),
        );
        let qs = periods(&q);
        assert_eq!(qs.len(), 4);
        assert_eq!(to_solar_hijri(qs[1].starts), (1405, 4, 1));
    }

    #[test]
    fn gregorian_quarters_and_a_last_period_cut_at_the_end() {
        let p = plan(
            Frequency::Quarterly,
            Reckoning::Gregorian,
            d(2026, 1, 1),
            d(2026, 8, 15),
        );
        let ps = periods(&p);
        assert_eq!(ps.len(), 3);
        assert_eq!(ps[1].ends, d(2026, 6, 30));
        assert_eq!((ps[2].starts, ps[2].ends), (d(2026, 7, 1), d(2026, 8, 15)));
    }

    #[test]
    fn a_start_on_the_last_day_of_a_long_month_keeps_it_where_it_can() {
        let p = plan(
            Frequency::Monthly,
            Reckoning::Gregorian,
            d(2026, 1, 31),
            d(2026, 5, 30),
        );
        let starts: Vec<_> = periods(&p).iter().map(|x| x.starts).collect();
        assert_eq!(
            starts,
            [
                d(2026, 1, 31),
                d(2026, 2, 28),
                d(2026, 3, 31),
                d(2026, 4, 30)
            ]
        );
        // 31 Shahrivar (end of the first half) plus a month: Mehr has 30 days.
        let s = plan(
            Frequency::Monthly,
            Reckoning::SolarHijri,
            from_solar_hijri(1405, 6, 31).unwrap(),
            from_solar_hijri(1405, 12, 29).unwrap(),
        );
        assert_eq!(to_solar_hijri(periods(&s)[1].starts), (1405, 7, 30));
    }

    #[test]
    fn a_year_from_a_leap_esfand_30_ends_on_the_next_esfand_29() {
        // 1403 is a leap year; 1404 is not.
        let starts = from_solar_hijri(1403, 12, 30).unwrap();
        let p = plan(
            Frequency::Yearly,
            Reckoning::SolarHijri,
            starts,
            d(2027, 1, 1),
        );
        let ps = periods(&p);
        assert_eq!(to_solar_hijri(ps[1].starts), (1404, 12, 29));
        assert_eq!(to_solar_hijri(ps[0].ends), (1404, 12, 28));
    }

    #[test]
    fn a_plan_ending_before_it_starts_has_no_period() {
        let p = plan(
            Frequency::Yearly,
            Reckoning::Gregorian,
            d(2026, 1, 1),
            d(2025, 1, 1),
        );
        assert!(periods(&p).is_empty());
    }
}
