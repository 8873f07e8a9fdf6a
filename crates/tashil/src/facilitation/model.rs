//! The rules of the facilitation desk (seeds 002, 003): what an obstacle case is, how it
//! moves from report to resolution, and what a binding resolution must say. No HTTP, no SQL.

use serde::{Deserialize, Serialize};

pub use crate::kernel::FieldError;

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $s),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|x| x.as_str() == s.trim())
            }
        }
    };
}

string_enum!(
    /// What kind of obstacle (seed 002: "bank financing, tax, social security and
    /// infrastructure problems").
    Category {
        BankFinancing => "bank_financing",
        Tax => "tax",
        SocialSecurity => "social_security",
        Power => "power",
        Gas => "gas",
        Water => "water",
        Land => "land",
        Permits => "permits",
        CustomsTrade => "customs_trade",
        RawMaterials => "raw_materials",
        Labour => "labour",
        Other => "other",
    }
);

string_enum!(
    /// Where a case stands. `Merged` and `Closed` are final.
    CaseStatus {
        Reported => "reported",
        NeedsInfo => "needs_info",
        Routed => "routed",
        OnAgenda => "on_agenda",
        Escalated => "escalated",
        Resolving => "resolving",
        Resolved => "resolved",
        Closed => "closed",
        Merged => "merged",
    }
);

string_enum!(
    /// A resolution's state as the responsible agency reports it.
    ResolutionStatus {
        Open => "open",
        InProgress => "in_progress",
        Done => "done",
        Cancelled => "cancelled",
    }
);

string_enum!(
    /// Configurable bodies: the provincial working group and its technical committee,
    /// councils, headquarters (East Azerbaijan's "production leap" HQ), the deregulation board.
    BodyKind {
        WorkingGroup => "working_group",
        TechnicalCommittee => "technical_committee",
        Council => "council",
        Headquarters => "headquarters",
        DeregulationBoard => "deregulation_board",
    }
);

impl CaseStatus {
    /// Still waiting for someone to act.
    pub fn is_open(self) -> bool {
        !matches!(self, CaseStatus::Closed | CaseStatus::Merged)
    }

    /// States in which the committee may close the case with a reason: while it triages,
    /// and also when it waits on an agenda or on a reporter who does not answer (the use
    /// case also refuses while a resolution is open: the secretariat withdraws it first).
    pub fn can_close(self) -> bool {
        self.can_triage() || matches!(self, CaseStatus::OnAgenda | CaseStatus::Resolved)
    }

    /// States in which the technical committee may still triage the case.
    pub fn can_triage(self) -> bool {
        matches!(
            self,
            CaseStatus::Reported
                | CaseStatus::NeedsInfo
                | CaseStatus::Routed
                | CaseStatus::Escalated
        )
    }
}

/// A case as reported (form or API): every field a string.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CaseDraft {
    pub category: String,
    pub title: String,
    pub description: String,
    /// Money at stake, in the country's currency (rial, đồng), any digit script.
    #[serde(default)]
    pub amount_at_stake: String,
    #[serde(default)]
    pub jobs_at_risk: String,
    /// National IDs of the registered units concerned, when the chamber of commerce, an
    /// association or the office reports for one or several of them (a unit names itself).
    #[serde(default)]
    pub units: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidCase {
    pub category: Category,
    pub title: String,
    pub description: String,
    pub amount_at_stake: Option<i64>,
    pub jobs_at_risk: Option<i32>,
}

/// A note on a case's timeline, a reason, an answer or evidence: a few paragraphs.
pub const MAX_NOTE: usize = 5_000;

/// Free text of a desk form in its stored form; `required` when empty, `too_long` past `max`.
pub fn text(field: &str, raw: &str, max: usize) -> Result<String, super::FacilitationError> {
    crate::kernel::bounded(field, raw, max).map_err(|e| super::FacilitationError::Invalid(vec![e]))
}

/// As [`text`], where an empty value is allowed.
pub fn optional_text(
    field: &str,
    raw: &str,
    max: usize,
) -> Result<String, super::FacilitationError> {
    crate::kernel::bounded_optional(field, raw, max)
        .map_err(|e| super::FacilitationError::Invalid(vec![e]))
}

impl CaseDraft {
    pub fn validate(&self) -> Result<ValidCase, Vec<FieldError>> {
        let mut errs = vec![];
        let category = Category::parse(&self.category);
        if category.is_none() {
            errs.push(FieldError::new(
                "category",
                if self.category.trim().is_empty() {
                    "required"
                } else {
                    "invalid_choice"
                },
            ));
        }
        let title = crate::kernel::required("title", &self.title, 200, &mut errs);
        let description =
            crate::kernel::required("description", &self.description, 20_000, &mut errs);
        let amount = crate::kernel::optional_number(
            "amount_at_stake",
            &self.amount_at_stake,
            i64::MAX / 4,
            &mut errs,
        );
        let jobs = crate::kernel::optional_number(
            "jobs_at_risk",
            &self.jobs_at_risk,
            1_000_000,
            &mut errs,
        );
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(ValidCase {
            category: category.expect("checked"),
            title,
            description,
            amount_at_stake: amount,
            jobs_at_risk: jobs.map(|j| j as i32),
        })
    }
}

/// A resolution as recorded in a meeting, or a routing by the technical committee.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ResolutionDraft {
    /// The case it answers, if any (a resolution may also answer a general agenda item).
    #[serde(default)]
    pub case_id: Option<i64>,
    /// The agency (organisation) bound to act.
    pub agency_org_id: Option<i64>,
    pub action: String,
    /// Deadline in working days of the office's country.
    pub working_days: String,
    /// How completion is proven ("the bank's letter granting the loan").
    #[serde(default)]
    pub proof: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidResolution {
    pub case_id: Option<i64>,
    pub agency_org_id: i64,
    pub action: String,
    pub working_days: u32,
    pub proof: String,
}

impl ResolutionDraft {
    pub fn validate(&self) -> Result<ValidResolution, Vec<FieldError>> {
        let mut errs = vec![];
        if self.agency_org_id.is_none() {
            errs.push(FieldError::new("agency_org_id", "required"));
        }
        let action = crate::kernel::bounded("action", &self.action, 2_000).unwrap_or_else(|e| {
            errs.push(e);
            String::new()
        });
        let days = match tashil_text::digits::parse_i64(&self.working_days) {
            Some(d) if (1..=365).contains(&d) => d as u32,
            _ => {
                errs.push(FieldError::new(
                    "working_days",
                    if self.working_days.trim().is_empty() {
                        "required"
                    } else {
                        "invalid_working_days"
                    },
                ));
                0
            }
        };
        let proof = crate::kernel::bounded("proof", &self.proof, 1_000).unwrap_or_else(|e| {
            errs.push(e);
            String::new()
        });
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(ValidResolution {
            case_id: self.case_id,
            agency_org_id: self.agency_org_id.expect("checked"),
            action,
            working_days: days,
            proof,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_in_persian_digits_is_read() {
        let v = CaseDraft {
            category: "bank_financing".into(),
            title: "تأمین سرمایه در گردش".into(),
            description: "بانک وام مصوب را پرداخت نمی‌کند".into(),
            amount_at_stake: "۵٬۰۰۰٬۰۰۰٬۰۰۰".into(),
            jobs_at_risk: "۴۵".into(),
            units: vec![],
        }
        .validate()
        .unwrap();
        assert_eq!(v.amount_at_stake, Some(5_000_000_000));
        assert_eq!(v.jobs_at_risk, Some(45));
    }

    #[test]
    fn every_bad_field_is_named() {
        let errs = CaseDraft {
            category: "weather".into(),
            jobs_at_risk: "-3".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["category", "title", "description", "jobs_at_risk"]);
        let errs = ResolutionDraft::default().validate().unwrap_err();
        assert_eq!(errs.len(), 4);
    }
}
