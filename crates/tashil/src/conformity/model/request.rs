//! A test request: a unit (for itself or for its licence application's test step) or an
//! inspector (for a market sample) asks one lab for tests against chosen clauses of one
//! standard. The lab accepts or declines it, with its reason.
//!
//! ```text
//! sent ──accept──▶ accepted
//!   └───decline──▶ declined (with a reason)
//! ```

use serde::{Deserialize, Serialize};

use super::verdict::DecisionRule;
use crate::kernel::FieldError;

/// Why the tests are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = TestRequestPurpose)]
pub enum Purpose {
    /// A unit tests its own product.
    OwnUnit,
    /// The test step of a licence application.
    Application,
    /// A sample an inspector took on the market.
    MarketSample,
}

impl Purpose {
    pub const ALL: &'static [Purpose] = &[
        Purpose::OwnUnit,
        Purpose::Application,
        Purpose::MarketSample,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::OwnUnit => "own_unit",
            Purpose::Application => "application",
            Purpose::MarketSample => "market_sample",
        }
    }

    pub fn parse(s: &str) -> Option<Purpose> {
        Self::ALL.iter().copied().find(|x| x.as_str() == s.trim())
    }
}

/// Where a request stands. `Accepted` and `Declined` are the lab's answers, final here (the
/// sample and the results follow an accepted one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = TestRequestStatus)]
pub enum RequestStatus {
    Sent,
    Accepted,
    Declined,
}

impl RequestStatus {
    pub const ALL: &'static [RequestStatus] = &[
        RequestStatus::Sent,
        RequestStatus::Accepted,
        RequestStatus::Declined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Sent => "sent",
            RequestStatus::Accepted => "accepted",
            RequestStatus::Declined => "declined",
        }
    }

    pub fn parse(s: &str) -> Option<RequestStatus> {
        Self::ALL.iter().copied().find(|x| x.as_str() == s.trim())
    }
}

/// The most clauses one request may ask (a standard's clauses, with room).
pub const MAX_CLAUSES: usize = 200;

/// A request as the requester sends it (form or API).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TestRequestDraft {
    /// The catalogue standard whose clauses are asked.
    #[serde(default)]
    pub standard_id: String,
    /// The clauses asked (`5.1`, `5.2`; one entry may list several, comma-separated).
    #[serde(default)]
    pub clauses: Vec<String>,
    /// The lab chosen among those offered.
    #[serde(default)]
    pub lab_org_id: String,
    /// `own_unit`, `application` or `market_sample`; by the requester's role when empty.
    #[serde(default)]
    pub purpose: String,
    /// The licence application whose test step asks (purpose `application`).
    #[serde(default)]
    pub application_id: String,
    /// What the lab should know (the product, its batch, where the sample is).
    #[serde(default)]
    pub note: String,
    /// How the uncertainty counts in the verdicts: `simple_acceptance` (when empty) or
    /// `guard_banded`.
    #[serde(default)]
    pub decision_rule: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidTestRequest {
    pub standard_id: i64,
    pub clauses: Vec<String>,
    pub lab_org_id: i64,
    pub purpose: Option<Purpose>,
    pub application_id: Option<i64>,
    pub note: String,
    pub decision_rule: DecisionRule,
}

impl TestRequestDraft {
    pub fn validate(&self) -> Result<ValidTestRequest, Vec<FieldError>> {
        use super::accreditation::id;
        let mut errs = vec![];
        let standard_id = id("standard_id", &self.standard_id, &mut errs);
        let clauses = super::scope::clause_list(&self.clauses);
        if clauses.is_empty() {
            errs.push(FieldError::new("clauses", "required"));
        } else if clauses.len() > MAX_CLAUSES || clauses.iter().any(|c| c.chars().count() > 40) {
            errs.push(FieldError::new("clauses", "too_long"));
        }
        let lab_org_id = id("lab_org_id", &self.lab_org_id, &mut errs);
        let purpose = match self.purpose.trim() {
            "" => None,
            p => Purpose::parse(p).or_else(|| {
                errs.push(FieldError::new("purpose", "invalid_choice"));
                None
            }),
        };
        let application_id = if self.application_id.trim().is_empty() {
            None
        } else {
            id("application_id", &self.application_id, &mut errs)
        };
        if application_id.is_some() && purpose != Some(Purpose::Application) {
            errs.push(FieldError::new("application_id", "not_for_purpose"));
        }
        let note = crate::kernel::capped("note", &self.note, 2_000, &mut errs);
        let decision_rule = match self.decision_rule.trim() {
            "" => DecisionRule::SimpleAcceptance,
            r => DecisionRule::parse(r).unwrap_or_else(|| {
                errs.push(FieldError::new("decision_rule", "invalid_choice"));
                DecisionRule::SimpleAcceptance
            }),
        };
        match (standard_id, lab_org_id) {
            (Some(standard_id), Some(lab_org_id)) if errs.is_empty() => Ok(ValidTestRequest {
                standard_id,
                clauses,
                lab_org_id,
                purpose,
                application_id,
                note,
                decision_rule,
            }),
            _ => Err(errs),
        }
    }
}

/// A lab's refusal of a request, with its reason (out of capacity, the sample's kind…).
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DeclineDraft {
    #[serde(default)]
    pub reason: String,
}

impl DeclineDraft {
    pub fn validate(&self) -> Result<String, Vec<FieldError>> {
        crate::kernel::bounded("reason", &self.reason, 2_000).map_err(|e| vec![e])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_names_each_wrong_field() {
        let errs = TestRequestDraft {
            purpose: "curiosity".into(),
            application_id: "12".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        let got: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            got,
            [
                ("standard_id", "required"),
                ("clauses", "required"),
                ("lab_org_id", "required"),
                ("purpose", "invalid_choice"),
                ("application_id", "not_for_purpose"),
            ]
        );
    }

    #[test]
    fn an_application_request_carries_its_application() {
        let v = TestRequestDraft {
            standard_id: "3".into(),
            clauses: vec!["5.1, 5.2".into()],
            lab_org_id: "۹".into(),
            purpose: "application".into(),
            application_id: "41".into(),
            note: String::new(),
            decision_rule: "guard_banded".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(v.clauses, ["5.1", "5.2"]);
        assert_eq!(v.lab_org_id, 9);
        assert_eq!(v.application_id, Some(41));
        assert_eq!(v.decision_rule, DecisionRule::GuardBanded);
    }

    #[test]
    fn a_decline_needs_its_reason() {
        assert_eq!(
            DeclineDraft::default().validate().unwrap_err()[0].code,
            "required"
        );
    }
}
