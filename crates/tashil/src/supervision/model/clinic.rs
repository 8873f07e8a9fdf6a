//! Consulting clinics, free of HTTP and SQL: a session offered by an expert (when, how long,
//! on what, how many units it seats) and a unit's booking on it, whose outcome the expert
//! gives after the session (attended, with the advice given, or no-show).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::kernel::FieldError;

/// The most units one session seats.
pub const MAX_CAPACITY: i32 = 200;
/// The longest session, in minutes (a working day).
pub const MAX_MINUTES: i32 = 480;

/// A session as its creator sends it.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct SlotDraft {
    pub starts_at: DateTime<Utc>,
    pub minutes: i32,
    pub topic: String,
    pub expert_name: String,
    pub capacity: i32,
    /// The province (the national body's; an office's own is its province).
    #[serde(default)]
    pub province: String,
}

impl SlotDraft {
    /// Checks each field: in the future, a sensible length and capacity, a topic and expert.
    pub fn validate(&self, now: DateTime<Utc>) -> Result<(), Vec<FieldError>> {
        let mut errs = vec![];
        if self.starts_at <= now {
            errs.push(FieldError::new("starts_at", "date_in_past"));
        }
        if !(1..=MAX_MINUTES).contains(&self.minutes) {
            errs.push(FieldError::new("minutes", "out_of_range"));
        }
        if !(1..=MAX_CAPACITY).contains(&self.capacity) {
            errs.push(FieldError::new("capacity", "out_of_range"));
        }
        for (field, v) in [("topic", &self.topic), ("expert_name", &self.expert_name)] {
            if v.trim().is_empty() {
                errs.push(FieldError::new(field, "required"));
            } else if v.chars().count() > super::complaint::MAX_SHORT {
                errs.push(FieldError::new(field, "too_long"));
            }
        }
        if errs.is_empty() { Ok(()) } else { Err(errs) }
    }
}

/// Where a booking stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BookingState {
    Booked,
    Cancelled,
    Attended,
    NoShow,
}

impl BookingState {
    pub const ALL: [BookingState; 4] = [
        BookingState::Booked,
        BookingState::Cancelled,
        BookingState::Attended,
        BookingState::NoShow,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BookingState::Booked => "booked",
            BookingState::Cancelled => "cancelled",
            BookingState::Attended => "attended",
            BookingState::NoShow => "no_show",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether it holds a seat.
    pub fn holds_seat(self) -> bool {
        !matches!(self, BookingState::Cancelled)
    }
}

/// Whether a booking in `from` may be cancelled at `now` (before the session starts only).
pub fn may_cancel(from: BookingState, starts_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    from == BookingState::Booked && now < starts_at
}

/// Whether an outcome `to` may be recorded on a booking in `from` at `now`: once the session
/// has started, attended or no-show, and corrected while it is one of those.
pub fn may_record(
    from: BookingState,
    to: BookingState,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    matches!(to, BookingState::Attended | BookingState::NoShow)
        && from != BookingState::Cancelled
        && now >= starts_at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn a_session_is_in_the_future_with_seats_and_a_topic() {
        let now = at("2026-12-07T08:00:00Z");
        let mut d = SlotDraft {
            starts_at: at("2026-12-10T06:00:00Z"),
            minutes: 90,
            topic: "HACCP".into(),
            expert_name: "دکتر رضایی".into(),
            capacity: 5,
            province: String::new(),
        };
        assert!(d.validate(now).is_ok());
        d.starts_at = at("2026-12-01T06:00:00Z");
        d.capacity = 0;
        d.topic = " ".into();
        let e = d.validate(now).unwrap_err();
        let f: Vec<_> = e.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(f, ["starts_at", "capacity", "topic"]);
    }

    #[test]
    fn cancel_before_and_record_after_the_session() {
        let starts = at("2026-12-10T06:00:00Z");
        let before = at("2026-12-09T06:00:00Z");
        let after = at("2026-12-10T08:00:00Z");
        assert!(may_cancel(BookingState::Booked, starts, before));
        assert!(!may_cancel(BookingState::Booked, starts, after));
        assert!(!may_record(
            BookingState::Booked,
            BookingState::Attended,
            starts,
            before
        ));
        assert!(may_record(
            BookingState::Booked,
            BookingState::Attended,
            starts,
            after
        ));
        assert!(may_record(
            BookingState::Attended,
            BookingState::NoShow,
            starts,
            after
        ));
        assert!(!may_record(
            BookingState::Cancelled,
            BookingState::Attended,
            starts,
            after
        ));
        assert!(!may_record(
            BookingState::Booked,
            BookingState::Booked,
            starts,
            after
        ));
        assert!(!BookingState::Cancelled.holds_seat());
    }
}
