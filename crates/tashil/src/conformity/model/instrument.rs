//! A lab's measuring instruments and their calibrations (ISO/IEC 17025 §6.4, §6.5): an
//! instrument is in calibration until the latest certificate's due date, that day included;
//! its users are reminded 30 days before and once it is overdue, once per due date.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::accreditation::day;
use super::result::MAX_ID;
use crate::kernel::FieldError;

/// How many days before its due date an instrument is "due soon" (and its users reminded).
pub const DUE_SOON_DAYS: u64 = 30;
const MAX_TEXT: usize = 200;

/// An instrument as a lab's user registers it (form or API): every field a string.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct InstrumentDraft {
    /// The lab's own code for it, as results name it (`CTM-9`).
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub serial_number: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidInstrument {
    pub code: String,
    pub name: String,
    pub serial_number: String,
}

impl InstrumentDraft {
    pub fn validate(&self) -> Result<ValidInstrument, Vec<FieldError>> {
        let mut errs = vec![];
        // Stored as a result names it (`model::result` caps it the same way), its digits in
        // ASCII: a Persian page shows `CTM-۰۱` and a Persian keyboard types it so.
        let code = tashil_text::digits::to_ascii_digits(&crate::kernel::required(
            "code", &self.code, MAX_ID, &mut errs,
        ));
        let name = crate::kernel::required("name", &self.name, MAX_TEXT, &mut errs);
        let serial_number =
            crate::kernel::capped("serial_number", &self.serial_number, MAX_ID, &mut errs);
        if errs.is_empty() {
            Ok(ValidInstrument {
                code,
                name,
                serial_number,
            })
        } else {
            Err(errs)
        }
    }
}

/// A calibration certificate as recorded: dates ISO or Solar Hijri in any digits.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CalibrationDraft {
    /// The calibration laboratory that issued the certificate.
    #[serde(default)]
    pub calibrated_by: String,
    #[serde(default)]
    pub certificate_number: String,
    #[serde(default)]
    pub calibrated_on: String,
    /// The day the next calibration is due (the instrument counts as calibrated that day).
    #[serde(default)]
    pub due_on: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidCalibration {
    pub calibrated_by: String,
    pub certificate_number: String,
    pub calibrated_on: NaiveDate,
    pub due_on: NaiveDate,
}

impl CalibrationDraft {
    /// Checked against `today` on the lab's clock: a calibration is not recorded ahead of time.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidCalibration, Vec<FieldError>> {
        let mut errs = vec![];
        let calibrated_by =
            crate::kernel::required("calibrated_by", &self.calibrated_by, MAX_TEXT, &mut errs);
        let certificate_number = crate::kernel::required(
            "certificate_number",
            &self.certificate_number,
            MAX_ID,
            &mut errs,
        );
        let calibrated_on = day("calibrated_on", &self.calibrated_on, &mut errs);
        let due_on = day("due_on", &self.due_on, &mut errs);
        if calibrated_on.is_some_and(|d| d > today) {
            errs.push(FieldError::new("calibrated_on", "date_in_future"));
        }
        if let (Some(c), Some(d)) = (calibrated_on, due_on)
            && d < c
        {
            errs.push(FieldError::new("due_on", "due_before_calibration"));
        }
        match (calibrated_on, due_on) {
            (Some(calibrated_on), Some(due_on)) if errs.is_empty() => Ok(ValidCalibration {
                calibrated_by,
                certificate_number,
                calibrated_on,
                due_on,
            }),
            _ => Err(errs),
        }
    }
}

/// Where an instrument stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DueState {
    /// No calibration recorded: results on it are refused.
    Uncalibrated,
    /// Past its due date: results measured now are refused.
    Overdue,
    /// Due within [`DUE_SOON_DAYS`].
    DueSoon,
    InCalibration,
}

impl DueState {
    pub fn as_str(self) -> &'static str {
        match self {
            DueState::Uncalibrated => "uncalibrated",
            DueState::Overdue => "overdue",
            DueState::DueSoon => "due_soon",
            DueState::InCalibration => "in_calibration",
        }
    }

    /// Its message key (`instrument-due-…`).
    pub fn key(self) -> String {
        format!("instrument-due-{}", self.as_str().replace('_', "-"))
    }
}

fn soon_from(due: NaiveDate) -> NaiveDate {
    due.checked_sub_days(Days::new(DUE_SOON_DAYS))
        .unwrap_or(due)
}

fn day_after(due: NaiveDate) -> NaiveDate {
    due.checked_add_days(Days::new(1)).unwrap_or(due)
}

pub fn due_state(due: Option<NaiveDate>, today: NaiveDate) -> DueState {
    match due {
        None => DueState::Uncalibrated,
        Some(d) if today > d => DueState::Overdue,
        Some(d) if today >= soon_from(d) => DueState::DueSoon,
        Some(_) => DueState::InCalibration,
    }
}

/// A reminder to send, and the day it is sent for (what `reminded_for_due` keeps).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    /// Due within 30 days: kept as the due date itself.
    DueSoon(NaiveDate),
    /// Overdue: kept as the day after the due date (the first day out of calibration), so
    /// both reminders of one due date fit the one column and each is sent once.
    Overdue(NaiveDate),
}

impl Reminder {
    pub fn marker(self) -> NaiveDate {
        match self {
            Reminder::DueSoon(d) | Reminder::Overdue(d) => d,
        }
    }
}

/// The reminder due on `today` for an instrument due on `due`, the last one having been sent
/// for `reminded`. A later calibration moves the due date on, and so the reminders start again;
/// an instrument first seen overdue gets only the overdue one.
pub fn reminder_due(
    due: Option<NaiveDate>,
    reminded: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<Reminder> {
    let due = due?;
    let r = match due_state(Some(due), today) {
        DueState::Overdue => Reminder::Overdue(day_after(due)),
        DueState::DueSoon => Reminder::DueSoon(due),
        DueState::Uncalibrated | DueState::InCalibration => return None,
    };
    reminded.is_none_or(|m| m < r.marker()).then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn codes(e: Vec<FieldError>) -> Vec<(String, &'static str)> {
        e.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn an_instrument_needs_a_code_and_a_name() {
        let e = InstrumentDraft::default().validate().unwrap_err();
        assert_eq!(
            codes(e),
            [("code".into(), "required"), ("name".into(), "required")]
        );
        let v = InstrumentDraft {
            code: " CTM-9 ".into(),
            name: "Compression tester".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!((v.code.as_str(), v.serial_number.as_str()), ("CTM-9", ""));
        let fa = InstrumentDraft {
            code: "CTM-۰۱".into(),
            name: "Compression tester".into(),
            ..Default::default()
        };
        assert_eq!(fa.validate().unwrap().code, "CTM-01");
    }

    #[test]
    fn a_calibration_is_due_on_or_after_the_day_it_was_made_in_either_calendar() {
        let today = d("2026-12-07");
        let draft = |on: &str, due: &str| CalibrationDraft {
            calibrated_by: "INSO metrology".into(),
            certificate_number: "C-1".into(),
            calibrated_on: on.into(),
            due_on: due.into(),
        };
        let v = draft("۱۴۰۵/۰۹/۱۶", "2027-12-07").validate(today).unwrap();
        assert_eq!((v.calibrated_on, v.due_on), (today, d("2027-12-07")));
        assert!(draft("2026-12-07", "2026-12-07").validate(today).is_ok());
        let e = draft("2026-12-07", "2026-12-06")
            .validate(today)
            .unwrap_err();
        assert_eq!(codes(e), [("due_on".into(), "due_before_calibration")]);
        let e = draft("2026-12-08", "2027-12-08")
            .validate(today)
            .unwrap_err();
        assert_eq!(codes(e), [("calibrated_on".into(), "date_in_future")]);
        let e = draft("yesterday", "2200-01-01")
            .validate(today)
            .unwrap_err();
        assert_eq!(
            codes(e),
            [
                ("calibrated_on".into(), "invalid_date"),
                ("due_on".into(), "date_out_of_range")
            ]
        );
    }

    #[test]
    fn due_states_around_the_due_date() {
        let due = Some(d("2027-01-06"));
        assert_eq!(due_state(None, d("2026-12-07")), DueState::Uncalibrated);
        assert_eq!(due_state(due, d("2026-12-06")), DueState::InCalibration);
        assert_eq!(due_state(due, d("2026-12-07")), DueState::DueSoon);
        assert_eq!(due_state(due, d("2027-01-06")), DueState::DueSoon);
        assert_eq!(due_state(due, d("2027-01-07")), DueState::Overdue);
    }

    #[test]
    fn each_reminder_of_a_due_date_is_sent_once() {
        let due = Some(d("2027-01-06"));
        assert_eq!(reminder_due(due, None, d("2026-12-06")), None);
        let soon = reminder_due(due, None, d("2026-12-07"));
        assert_eq!(soon, Some(Reminder::DueSoon(d("2027-01-06"))));
        let sent = soon.map(Reminder::marker);
        assert_eq!(reminder_due(due, sent, d("2027-01-06")), None);
        let late = reminder_due(due, sent, d("2027-01-07"));
        assert_eq!(late, Some(Reminder::Overdue(d("2027-01-07"))));
        assert_eq!(
            reminder_due(due, late.map(Reminder::marker), d("2027-03-01")),
            None
        );
        // Recalibrated: the next due date is reminded again.
        let next = Some(d("2028-01-06"));
        assert_eq!(
            reminder_due(next, late.map(Reminder::marker), d("2027-12-10")),
            Some(Reminder::DueSoon(d("2028-01-06")))
        );
        // First seen overdue: the overdue reminder only.
        assert_eq!(
            reminder_due(due, None, d("2027-02-01")),
            Some(Reminder::Overdue(d("2027-01-07")))
        );
    }
}
