//! A lab's (or a certification or inspection body's) accreditation: who accredited it, under
//! which certificate, from when until when, and whether it stands (ISO/IEC 17011 §7.11: an
//! accreditation body may suspend or withdraw it). Only an active accreditation valid on the
//! day lets a lab be offered for a test.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::kernel::FieldError;

/// Where an accreditation stands, as its body last said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AccreditationStatus {
    Active,
    /// For a time: the lab may not be offered until the body lifts it.
    Suspended,
    /// For good.
    Withdrawn,
}

impl AccreditationStatus {
    pub const ALL: &'static [AccreditationStatus] = &[
        AccreditationStatus::Active,
        AccreditationStatus::Suspended,
        AccreditationStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccreditationStatus::Active => "active",
            AccreditationStatus::Suspended => "suspended",
            AccreditationStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<AccreditationStatus> {
        Self::ALL.iter().copied().find(|x| x.as_str() == s.trim())
    }
}

/// Whether an accreditation of `status` valid from `from` until `until` (both days included)
/// stands on `day`.
pub fn in_force(
    status: AccreditationStatus,
    from: NaiveDate,
    until: NaiveDate,
    day: NaiveDate,
) -> bool {
    status == AccreditationStatus::Active && from <= day && day <= until
}

/// An accreditation as the national body enters it (form, API or a spreadsheet's row): every
/// field a string, dates ISO or Solar Hijri in any digits.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AccreditationDraft {
    /// The organisation (a lab, or a certification or inspection body) accredited.
    #[serde(default)]
    pub lab_org_id: String,
    /// Who accredited it (NACI, BoA, …).
    #[serde(default)]
    pub accreditation_body: String,
    #[serde(default)]
    pub certificate_number: String,
    #[serde(default)]
    pub valid_from: String,
    #[serde(default)]
    pub valid_until: String,
    /// `active` when left empty.
    #[serde(default)]
    pub status: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidAccreditation {
    pub lab_org_id: i64,
    pub accreditation_body: String,
    pub certificate_number: String,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    pub status: AccreditationStatus,
}

/// A day typed as ISO or Solar Hijri, required, within the calendars' span.
pub(crate) fn day(field: &str, raw: &str, errs: &mut Vec<FieldError>) -> Option<NaiveDate> {
    if raw.trim().is_empty() {
        errs.push(FieldError::new(field, "required"));
        return None;
    }
    match tashil_text::parse_date(raw.trim()) {
        Ok(d) if crate::kernel::plausible_date(d).is_ok() => Some(d),
        Ok(_) => {
            errs.push(FieldError::new(field, "date_out_of_range"));
            None
        }
        Err(_) => {
            errs.push(FieldError::new(field, "invalid_date"));
            None
        }
    }
}

/// A record's id typed in any digits, required.
pub(crate) fn id(field: &str, raw: &str, errs: &mut Vec<FieldError>) -> Option<i64> {
    if raw.trim().is_empty() {
        errs.push(FieldError::new(field, "required"));
        return None;
    }
    let v = crate::kernel::optional_number(field, raw, i64::MAX, errs);
    if v == Some(0) {
        errs.push(FieldError::new(field, "invalid_number"));
        return None;
    }
    v
}

impl AccreditationDraft {
    pub fn validate(&self) -> Result<ValidAccreditation, Vec<FieldError>> {
        let mut errs = vec![];
        let lab_org_id = id("lab_org_id", &self.lab_org_id, &mut errs);
        let accreditation_body = crate::kernel::required(
            "accreditation_body",
            &self.accreditation_body,
            100,
            &mut errs,
        );
        let certificate_number = crate::kernel::required(
            "certificate_number",
            &self.certificate_number,
            100,
            &mut errs,
        );
        let valid_from = day("valid_from", &self.valid_from, &mut errs);
        let valid_until = day("valid_until", &self.valid_until, &mut errs);
        let status = match self.status.trim() {
            "" => Some(AccreditationStatus::Active),
            s => AccreditationStatus::parse(s).or_else(|| {
                errs.push(FieldError::new("status", "invalid_choice"));
                None
            }),
        };
        if let (Some(f), Some(u)) = (valid_from, valid_until)
            && u < f
        {
            errs.push(FieldError::new("valid_until", "before_valid_from"));
        }
        match (lab_org_id, valid_from, valid_until, status) {
            (Some(lab_org_id), Some(valid_from), Some(valid_until), Some(status))
                if errs.is_empty() =>
            {
                Ok(ValidAccreditation {
                    lab_org_id,
                    accreditation_body,
                    certificate_number,
                    valid_from,
                    valid_until,
                    status,
                })
            }
            _ => Err(errs),
        }
    }
}

/// A change of an accreditation's status (the body suspended, reinstated or withdrew it).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StatusDraft {
    /// `active`, `suspended` or `withdrawn`.
    #[serde(default)]
    pub status: String,
}

impl StatusDraft {
    pub fn validate(&self) -> Result<AccreditationStatus, Vec<FieldError>> {
        AccreditationStatus::parse(&self.status)
            .ok_or_else(|| vec![FieldError::new("status", "invalid_choice")])
    }
}

/// Whether an accreditation may move from `from` to `to`: a withdrawal is final.
pub fn may_move(from: AccreditationStatus, to: AccreditationStatus) -> bool {
    from != AccreditationStatus::Withdrawn && from != to
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn an_accreditation_stands_only_when_active_and_within_its_days() {
        let (f, u) = (d("2026-01-01"), d("2027-12-31"));
        let active = AccreditationStatus::Active;
        assert!(in_force(active, f, u, f));
        assert!(in_force(active, f, u, u));
        assert!(!in_force(active, f, u, d("2025-12-31")));
        assert!(!in_force(active, f, u, d("2028-01-01")));
        assert!(!in_force(
            AccreditationStatus::Suspended,
            f,
            u,
            d("2026-06-01")
        ));
        assert!(!in_force(
            AccreditationStatus::Withdrawn,
            f,
            u,
            d("2026-06-01")
        ));
    }

    #[test]
    fn every_field_is_named_when_wrong() {
        let errs = AccreditationDraft {
            valid_from: "2026-13-40".into(),
            valid_until: "1900-01-01".into(),
            status: "dormant".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        let got: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            got,
            [
                ("lab_org_id", "required"),
                ("accreditation_body", "required"),
                ("certificate_number", "required"),
                ("valid_from", "invalid_date"),
                ("valid_until", "date_out_of_range"),
                ("status", "invalid_choice"),
            ]
        );
    }

    #[test]
    fn validity_may_not_end_before_it_starts_and_solar_hijri_days_are_read() {
        let draft = AccreditationDraft {
            lab_org_id: "۷".into(),
            accreditation_body: "NACI".into(),
            certificate_number: "L-0123".into(),
            valid_from: "۱۴۰۵/۰۱/۰۱".into(),
            valid_until: "2026-03-20".into(),
            status: String::new(),
        };
        let errs = draft.validate().unwrap_err();
        assert_eq!(errs[0].field, "valid_until");
        assert_eq!(errs[0].code, "before_valid_from");
        let ok = AccreditationDraft {
            valid_until: "2028-03-20".into(),
            ..draft
        }
        .validate()
        .unwrap();
        assert_eq!(ok.lab_org_id, 7);
        assert_eq!(ok.valid_from, d("2026-03-21"));
        assert_eq!(ok.status, AccreditationStatus::Active);
    }

    #[test]
    fn a_withdrawal_is_final() {
        use AccreditationStatus::*;
        assert!(may_move(Active, Suspended));
        assert!(may_move(Suspended, Active));
        assert!(may_move(Suspended, Withdrawn));
        assert!(!may_move(Withdrawn, Active));
        assert!(!may_move(Active, Active));
    }
}
