//! What the context answers: accreditations with their scope, the public directory's lines,
//! the labs offered for a request, and test requests.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::model::accreditation::AccreditationStatus;
use super::model::instrument::DueState;
use super::model::request::{Purpose, RequestStatus};

/// An organisation's name in the three languages.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct OrgName {
    pub fa: String,
    pub en: String,
    pub vi: String,
}

impl OrgName {
    pub fn of(names: &std::collections::HashMap<i64, [String; 3]>, id: i64) -> OrgName {
        names
            .get(&id)
            .map(|[fa, en, vi]| OrgName {
                fa: fa.clone(),
                en: en.clone(),
                vi: vi.clone(),
            })
            .unwrap_or_default()
    }

    pub fn name(&self, lang: &tashil_text::Lang) -> &str {
        crate::kernel::display_name(*lang, &self.fa, &self.en, &self.vi)
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ScopeEntryView {
    pub id: i64,
    pub standard_id: i64,
    pub designation: String,
    pub clause: String,
    pub test_method: String,
    /// Quoted from the sample's receipt to the report, in working days.
    pub turnaround_days: i32,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AccreditationView {
    pub id: i64,
    pub lab_org_id: i64,
    pub lab: OrgName,
    pub province: String,
    pub accreditation_body: String,
    pub certificate_number: String,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    pub status: AccreditationStatus,
    /// Active and valid today on the lab's province's clock.
    pub in_force: bool,
    pub scope: Vec<ScopeEntryView>,
    pub version: i32,
}

/// A lab with an accreditation in force, as anyone reads it, with the scope entries that
/// match the search.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DirectoryLine {
    pub accreditation_id: i64,
    pub lab_org_id: i64,
    pub lab: OrgName,
    pub province: String,
    pub accreditation_body: String,
    pub certificate_number: String,
    pub valid_until: NaiveDate,
    pub entries: Vec<ScopeEntryView>,
}

/// A lab offered for a request: what it covers of the clauses asked, what it does not, and
/// its quoted turnaround in working days.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OfferView {
    pub lab_org_id: i64,
    pub lab: OrgName,
    pub covered: Vec<String>,
    pub missing: Vec<String>,
    pub turnaround_days: i32,
    /// Covers every clause asked: the request may go to it.
    pub covers_all: bool,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TestRequestView {
    pub id: i64,
    pub province: String,
    pub purpose: Purpose,
    pub application_id: Option<i64>,
    pub standard_id: i64,
    pub designation: String,
    pub clauses: Vec<String>,
    pub lab_org_id: i64,
    pub lab: OrgName,
    pub requester_org_id: i64,
    pub requester: OrgName,
    pub quoted_days: i32,
    pub decision_rule: super::model::verdict::DecisionRule,
    pub note: String,
    pub status: RequestStatus,
    pub decline_reason: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub version: i32,
}

impl AccreditationView {
    /// Its status's message key.
    pub fn status_key(&self) -> String {
        format!("accreditation-status-{}", self.status.as_str())
    }
}

impl OfferView {
    pub fn days(&self) -> u64 {
        self.turnaround_days.unsigned_abs().into()
    }
}

impl TestRequestView {
    pub fn status_key(&self) -> String {
        format!("test-request-status-{}", self.status.as_str())
    }

    pub fn purpose_key(&self) -> String {
        format!("test-request-purpose-{}", self.purpose.as_str())
    }
}

/// A lab's instrument with where its calibration stands on the lab's day.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InstrumentView {
    pub id: i64,
    pub lab_org_id: i64,
    pub lab: OrgName,
    pub code: String,
    pub name: String,
    pub serial_number: String,
    /// The latest calibration's due date (in calibration that day included); none before
    /// the first calibration.
    pub calibration_due: Option<NaiveDate>,
    pub due_state: DueState,
    pub version: i32,
}

impl InstrumentView {
    pub fn due_key(&self) -> String {
        self.due_state.key()
    }

    /// Whether the list marks it (overdue, due soon or never calibrated).
    pub fn flagged(&self) -> bool {
        self.due_state != DueState::InCalibration
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CalibrationView {
    pub id: i64,
    pub calibrated_by: String,
    pub certificate_number: String,
    pub calibrated_on: NaiveDate,
    pub due_on: NaiveDate,
}

/// An instrument with its calibrations, the latest due first.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct InstrumentDetail {
    #[serde(flatten)]
    pub instrument: InstrumentView,
    pub calibrations: Vec<CalibrationView>,
}
