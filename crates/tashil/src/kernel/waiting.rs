//! What waits for an actor, as every context tells it to the home page: a message, a link and
//! how urgent it is. The home page sorts and renders these without knowing any context.

use chrono::NaiveDate;

/// Days ahead within which a deadline is "due soon" (a working week and its weekend).
pub const DUE_SOON_DAYS: i64 = 7;

/// How soon an item needs its actor. Ordered most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Urgency {
    /// Its deadline has passed.
    Overdue,
    /// Its deadline (or the day it happens) is within [`DUE_SOON_DAYS`].
    DueSoon,
    /// Waiting for the actor, with no deadline near.
    ToDo,
}

impl Urgency {
    /// The stable name templates and styles use.
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::Overdue => "overdue",
            Urgency::DueSoon => "due-soon",
            Urgency::ToDo => "to-do",
        }
    }

    /// The urgency of something due on `due`, seen on `today`.
    pub fn of_due(due: NaiveDate, today: NaiveDate) -> Urgency {
        if due < today {
            Urgency::Overdue
        } else if (due - today).num_days() <= DUE_SOON_DAYS {
            Urgency::DueSoon
        } else {
            Urgency::ToDo
        }
    }
}

/// One line of an actor's home page: `key` is a message taking `$count` and, when `date` is
/// set, `$date` (the earliest deadline, or the day of a meeting).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub key: &'static str,
    pub count: u64,
    pub date: Option<NaiveDate>,
    pub href: String,
    pub urgency: Urgency,
}

impl Waiting {
    pub fn new(key: &'static str, count: u64, href: impl Into<String>, urgency: Urgency) -> Self {
        Waiting {
            key,
            count,
            date: None,
            href: href.into(),
            urgency,
        }
    }

    /// The same item, due on (or happening on) `date`.
    pub fn on(mut self, date: NaiveDate) -> Self {
        self.date = Some(date);
        self
    }
}

/// Most urgent first; among equals the earliest date, dated before undated; otherwise the
/// order the contexts gave (the sort is stable, so a context ranks its own items).
pub fn most_urgent_first(items: &mut [Waiting]) {
    items.sort_by_key(|w| (w.urgency, w.date.is_none(), w.date));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_deadline_is_overdue_the_day_after_and_due_soon_a_week_before() {
        let today = day("2026-12-06");
        assert_eq!(Urgency::of_due(day("2026-12-05"), today), Urgency::Overdue);
        assert_eq!(Urgency::of_due(today, today), Urgency::DueSoon);
        assert_eq!(Urgency::of_due(day("2026-12-13"), today), Urgency::DueSoon);
        assert_eq!(Urgency::of_due(day("2026-12-14"), today), Urgency::ToDo);
    }

    #[test]
    fn the_most_urgent_and_earliest_come_first_and_ties_keep_their_order() {
        let w = |k, u| Waiting::new(k, 1, "/", u);
        let mut items = vec![
            w("a", Urgency::ToDo),
            w("b", Urgency::ToDo).on(day("2026-12-20")),
            w("c", Urgency::Overdue).on(day("2026-12-01")),
            w("d", Urgency::ToDo),
            w("e", Urgency::Overdue).on(day("2026-11-01")),
            w("f", Urgency::DueSoon),
        ];
        most_urgent_first(&mut items);
        let keys: Vec<_> = items.iter().map(|w| w.key).collect();
        assert_eq!(keys, ["e", "c", "f", "b", "a", "d"]);
    }
}
