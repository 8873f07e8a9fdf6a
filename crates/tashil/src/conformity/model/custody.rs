//! A sample's chain of custody (ISO/IEC 17025 §7.4): every hand-over names who gave the
//! sample, who received it, when, and whether the seal was intact. A chain is sound only when
//! each giver is the last receiver and time never runs backwards; a broken seal or a gap is
//! flagged on the sample's and the request's pages, never silently accepted.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::kernel::FieldError;

/// One hand-over as recorded: the parties are named as the lab records them (a person, or an
/// organisation's desk), compared after trimming and case folding.
#[derive(Debug, Clone, PartialEq)]
pub struct HandOver {
    pub giver: String,
    pub receiver: String,
    pub at: DateTime<Utc>,
    pub seal_intact: bool,
}

/// What is wrong at the `index`th hand-over (0-based, in the order recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CustodyFlag {
    /// The seal was found broken.
    BrokenSeal { index: usize },
    /// The giver is not whoever last received the sample: someone held it unrecorded.
    Gap { index: usize },
    /// Handed over before the previous hand-over (or before the sample was taken).
    TimeBackwards { index: usize },
}

fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The flags of a chain starting when `taker` took the sample at `taken_at`, the hand-overs
/// in the order recorded.
pub fn flags(taker: &str, taken_at: DateTime<Utc>, chain: &[HandOver]) -> Vec<CustodyFlag> {
    let mut out = vec![];
    let (mut holder, mut since) = (taker, taken_at);
    for (index, h) in chain.iter().enumerate() {
        if !same(&h.giver, holder) {
            out.push(CustodyFlag::Gap { index });
        }
        if h.at < since {
            out.push(CustodyFlag::TimeBackwards { index });
        }
        if !h.seal_intact {
            out.push(CustodyFlag::BrokenSeal { index });
        }
        holder = &h.receiver;
        since = since.max(h.at);
    }
    out
}

/// A moment typed as a person reads it on their office's clock (`2026-12-07T09:30`, from a
/// date-time field, or with a space), in any digits, within the calendars' span.
pub fn local_moment(field: &str, raw: &str, errs: &mut Vec<FieldError>) -> Option<NaiveDateTime> {
    let t = tashil_text::to_ascii_digits(raw.trim());
    if t.is_empty() {
        errs.push(FieldError::new(field, "required"));
        return None;
    }
    let parsed = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&t, f).ok());
    match parsed {
        Some(m) if crate::kernel::plausible_date(m.date()).is_ok() => Some(m),
        Some(_) => {
            errs.push(FieldError::new(field, "date_out_of_range"));
            None
        }
        None => {
            errs.push(FieldError::new(field, "invalid_date"));
            None
        }
    }
}

/// A sample as recorded for a request (form or API).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SampleDraft {
    #[serde(default)]
    pub taken_by: String,
    #[serde(default)]
    pub taken_where: String,
    /// On the requester's office's clock: `2026-12-07T09:30`.
    #[serde(default)]
    pub taken_at: String,
    /// The numbers of the seals put on it, as printed on them.
    #[serde(default)]
    pub seal_numbers: String,
    /// How much, with its unit ("3 bags of 50 kg").
    #[serde(default)]
    pub quantity: String,
    #[serde(default)]
    pub condition_on_receipt: String,
    #[serde(default)]
    pub storage: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidSample {
    pub taken_by: String,
    pub taken_where: String,
    pub taken_at: NaiveDateTime,
    pub seal_numbers: String,
    pub quantity: String,
    pub condition_on_receipt: String,
    pub storage: String,
}

impl SampleDraft {
    pub fn validate(&self) -> Result<ValidSample, Vec<FieldError>> {
        use crate::kernel::{capped, required};
        let mut errs = vec![];
        let taken_by = required("taken_by", &self.taken_by, 200, &mut errs);
        let taken_where = required("taken_where", &self.taken_where, 300, &mut errs);
        let taken_at = local_moment("taken_at", &self.taken_at, &mut errs);
        let seal_numbers = required("seal_numbers", &self.seal_numbers, 200, &mut errs);
        let quantity = required("quantity", &self.quantity, 100, &mut errs);
        let condition_on_receipt = capped(
            "condition_on_receipt",
            &self.condition_on_receipt,
            1_000,
            &mut errs,
        );
        let storage = capped("storage", &self.storage, 200, &mut errs);
        match taken_at {
            Some(taken_at) if errs.is_empty() => Ok(ValidSample {
                taken_by,
                taken_where,
                taken_at,
                seal_numbers,
                quantity,
                condition_on_receipt,
                storage,
            }),
            _ => Err(errs),
        }
    }
}

/// One hand-over as its parties sign it (form or API).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct HandOverDraft {
    #[serde(default)]
    pub giver: String,
    #[serde(default)]
    pub receiver: String,
    /// On the recording office's clock: `2026-12-07T11:00`.
    #[serde(default)]
    pub handed_at: String,
    /// `true` (or `on`, as a checkbox sends it) when the seal was found intact.
    #[serde(default)]
    pub seal_intact: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidHandOver {
    pub giver: String,
    pub receiver: String,
    pub handed_at: NaiveDateTime,
    pub seal_intact: bool,
}

impl HandOverDraft {
    pub fn validate(&self) -> Result<ValidHandOver, Vec<FieldError>> {
        let mut errs = vec![];
        let giver = crate::kernel::required("giver", &self.giver, 200, &mut errs);
        let receiver = crate::kernel::required("receiver", &self.receiver, 200, &mut errs);
        let handed_at = local_moment("handed_at", &self.handed_at, &mut errs);
        let seal_intact = matches!(self.seal_intact.trim(), "true" | "on" | "yes" | "1");
        match handed_at {
            Some(handed_at) if errs.is_empty() => Ok(ValidHandOver {
                giver,
                receiver,
                handed_at,
                seal_intact,
            }),
            _ => Err(errs),
        }
    }
}

/// A correction of a recorded sample's condition on receipt and storage, with why (form or
/// API). A field left out keeps its value; the form sends both, prefilled.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SampleAmendmentDraft {
    #[serde(default)]
    pub condition_on_receipt: Option<String>,
    #[serde(default)]
    pub storage: Option<String>,
    /// Why the record was wrong (kept with the amendment).
    #[serde(default)]
    pub reason: String,
}

/// An amendment as it will be kept: each value before and after, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidAmendment {
    pub condition_before: String,
    pub condition_after: String,
    pub storage_before: String,
    pub storage_after: String,
    pub reason: String,
}

impl SampleAmendmentDraft {
    /// Against the values as they stand: an amendment that changes nothing is refused
    /// (`sample_unchanged` on the condition's field), so the history holds only changes.
    pub fn validate(
        &self,
        condition: &str,
        storage: &str,
    ) -> Result<ValidAmendment, Vec<FieldError>> {
        use crate::kernel::{capped, required};
        let mut errs = vec![];
        let condition_after = match &self.condition_on_receipt {
            Some(c) => capped("condition_on_receipt", c, 1_000, &mut errs),
            None => condition.to_owned(),
        };
        let storage_after = match &self.storage {
            Some(s) => capped("storage", s, 200, &mut errs),
            None => storage.to_owned(),
        };
        let reason = required("reason", &self.reason, 1_000, &mut errs);
        if errs.is_empty() && condition_after == condition && storage_after == storage {
            errs.push(FieldError::new("condition_on_receipt", "sample_unchanged"));
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(ValidAmendment {
            condition_before: condition.to_owned(),
            condition_after,
            storage_before: storage.to_owned(),
            storage_after,
            reason,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn hand(giver: &str, receiver: &str, when: &str, seal: bool) -> HandOver {
        HandOver {
            giver: giver.into(),
            receiver: receiver.into(),
            at: at(when),
            seal_intact: seal,
        }
    }

    #[test]
    fn a_sample_and_a_hand_over_name_each_wrong_field() {
        let errs = SampleDraft {
            taken_at: "۱۴۰۵-۰۹-۱۶".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        let got: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            got,
            [
                ("taken_by", "required"),
                ("taken_where", "required"),
                ("taken_at", "invalid_date"),
                ("seal_numbers", "required"),
                ("quantity", "required"),
            ]
        );
        let h = HandOverDraft {
            giver: "A".into(),
            receiver: "B".into(),
            handed_at: "۲۰۲۶-۱۲-۰۷T۰۹:۳۰".into(),
            seal_intact: "on".into(),
        }
        .validate()
        .unwrap();
        assert!(h.seal_intact);
        assert_eq!(h.handed_at.to_string(), "2026-12-07 09:30:00");
        let far = HandOverDraft {
            handed_at: "3026-12-07T09:30".into(),
            ..HandOverDraft::default()
        };
        let codes: Vec<_> = far.validate().unwrap_err().iter().map(|e| e.code).collect();
        assert_eq!(codes, ["required", "required", "date_out_of_range"]);
    }

    #[test]
    fn an_unbroken_chain_has_no_flags() {
        let chain = [
            hand("Inspector Rahimi", "Courier", "2026-12-01T08:00:00Z", true),
            hand(" courier ", "Lab reception", "2026-12-01T12:00:00Z", true),
            hand("Lab reception", "Analyst", "2026-12-01T12:00:00Z", true),
        ];
        assert!(flags("inspector rahimi", at("2026-12-01T07:30:00Z"), &chain).is_empty());
        assert!(flags("Inspector Rahimi", at("2026-12-01T07:30:00Z"), &[]).is_empty());
    }

    #[test]
    fn a_giver_who_did_not_hold_the_sample_is_a_gap() {
        let chain = [
            hand("Inspector Rahimi", "Courier", "2026-12-01T08:00:00Z", true),
            hand("Driver", "Lab reception", "2026-12-01T12:00:00Z", true),
        ];
        assert_eq!(
            flags("Inspector Rahimi", at("2026-12-01T07:30:00Z"), &chain),
            [CustodyFlag::Gap { index: 1 }]
        );
        // The first hand-over must come from whoever took the sample.
        assert_eq!(
            flags("Someone else", at("2026-12-01T07:30:00Z"), &chain[..1]),
            [CustodyFlag::Gap { index: 0 }]
        );
    }

    #[test]
    fn time_running_backwards_and_a_broken_seal_are_flagged() {
        let chain = [
            hand("A", "B", "2026-12-01T08:00:00Z", true),
            hand("B", "C", "2026-12-01T07:59:59Z", false),
            hand("C", "D", "2026-12-01T07:59:59Z", true),
        ];
        assert_eq!(
            flags("A", at("2026-12-01T08:00:00Z"), &chain),
            [
                CustodyFlag::TimeBackwards { index: 1 },
                CustodyFlag::BrokenSeal { index: 1 },
                // Still before the latest instant already recorded.
                CustodyFlag::TimeBackwards { index: 2 },
            ]
        );
        assert_eq!(
            flags("A", at("2026-12-02T00:00:00Z"), &chain[..1]),
            [CustodyFlag::TimeBackwards { index: 0 }],
            "handed over before it was taken"
        );
    }

    #[test]
    fn an_amendment_keeps_both_values_and_changes_something() {
        let d = SampleAmendmentDraft {
            condition_on_receipt: Some(" Bag torn at one corner ".into()),
            storage: None,
            reason: "Misread on receipt".into(),
        };
        let v = d.validate("Intact", "Shelf B2").unwrap();
        assert_eq!(v.condition_before, "Intact");
        assert_eq!(v.condition_after, "Bag torn at one corner");
        assert_eq!(
            (v.storage_before.as_str(), v.storage_after.as_str()),
            ("Shelf B2", "Shelf B2")
        );
        let same = SampleAmendmentDraft {
            condition_on_receipt: Some("Intact".into()),
            storage: Some("Shelf B2".into()),
            reason: "x".into(),
        };
        let codes: Vec<_> = same
            .validate("Intact", "Shelf B2")
            .unwrap_err()
            .iter()
            .map(|e| (e.field.clone(), e.code))
            .collect();
        assert_eq!(
            codes,
            [("condition_on_receipt".to_string(), "sample_unchanged")]
        );
        let no_reason = SampleAmendmentDraft {
            storage: Some("Fridge 2".into()),
            ..Default::default()
        };
        let codes: Vec<_> = no_reason
            .validate("", "")
            .unwrap_err()
            .iter()
            .map(|e| e.code)
            .collect();
        assert_eq!(codes, ["required"]);
    }
}
