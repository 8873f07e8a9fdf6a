//! What licensing answers with: permit types, applications and their steps, and the public
//! tracking page (no personal data).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::model::{
    Applied, PermitDefinition, Rejection, Status, StepActor, StepKind, StepOutcome, Tri,
};

/// A permit type as the national body defines it (its current or a named version).
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PermitTypeInput {
    /// Stable, lowercase (`standard-mark-new`).
    pub code: String,
    /// `IR` or `VN`.
    pub country: String,
    pub name: Tri,
    pub definition: PermitDefinition,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PermitTypeView {
    pub code: String,
    pub country: String,
    pub name: Tri,
    pub version: i32,
    pub active: bool,
    pub definition: PermitDefinition,
}

/// Who decides a step of a permit type in a province.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decider {
    National,
    Province,
}

impl Decider {
    pub fn as_str(self) -> &'static str {
        match self {
            Decider::National => "national",
            Decider::Province => "province",
        }
    }

    pub fn parse(s: &str) -> Option<Decider> {
        [Decider::National, Decider::Province]
            .into_iter()
            .find(|d| d.as_str() == s)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DelegationInput {
    pub province: String,
    pub step: String,
    pub decider: Decider,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DelegationView {
    pub step: String,
    pub step_name: Tri,
    pub decider: Decider,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ProductInput {
    pub product: String,
    #[serde(default)]
    pub brand: String,
    pub hs_code: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ApplicationInput {
    /// The permit type's code.
    pub permit_type: String,
    pub products: Vec<ProductInput>,
    /// A first message to the office (optional).
    #[serde(default)]
    pub message: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[schema(as = ApplicationProduct)]
pub struct ProductView {
    pub product: String,
    pub brand: String,
    pub hs_code: String,
    /// The mandatory standard that covers it, if any (its designation).
    pub standard: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StepView {
    pub index: i32,
    pub code: String,
    pub name: Tri,
    pub kind: StepKind,
    pub actor: StepActor,
    /// A province's code, or `NATIONAL`.
    pub deciding_office: Option<String>,
    pub deadline_days: Option<i32>,
    pub silence_is_consent: bool,
    /// The fast track passes over this step.
    pub fast_tracked: bool,
    pub started_at: Option<DateTime<Utc>>,
    pub due_on: Option<NaiveDate>,
    pub due_provisional: bool,
    pub ended_at: Option<DateTime<Utc>>,
    /// `None` while open or not reached.
    pub outcome: Option<StepOutcome>,
    pub working_days: Option<i32>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CitedCondition {
    pub number: u16,
    pub text: Tri,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RejectionView {
    pub conditions: Vec<CitedCondition>,
    pub explanation: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MessageView {
    /// From the applicant, or from the office.
    pub from_applicant: bool,
    pub body: String,
    pub at: DateTime<Utc>,
}

/// A document uploaded to an application; its bytes are downloaded apart.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DocumentView {
    pub id: i64,
    /// Which of the permit type's documents it is (its code), or `other`.
    pub document: String,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    /// Uploaded by the applicant, or by the office.
    pub from_applicant: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LicenceRef {
    pub number: String,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    pub status: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApplicationSummary {
    pub id: i64,
    pub tracking_code: String,
    pub unit_id: i64,
    pub unit_names: [String; 3],
    pub province: String,
    pub permit_type: String,
    pub status: Status,
    pub step_index: i32,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApplicationView {
    #[serde(flatten)]
    pub summary: ApplicationSummary,
    pub permit_name: Tri,
    pub permit_version: i32,
    pub products: Vec<ProductView>,
    pub steps: Vec<StepView>,
    pub fast_track: Option<Applied>,
    pub rejection: Option<RejectionView>,
    pub appealed_once: bool,
    pub appeal_reason: Option<String>,
    pub decided_by_silence: bool,
    pub decided_at: Option<DateTime<Utc>>,
    pub licence: Option<LicenceRef>,
    pub messages: Vec<MessageView>,
    /// The moves the reader may make now.
    pub may: Vec<&'static str>,
    /// Its documents, for the unit and the office(s) deciding it (empty for other readers).
    pub documents: Vec<DocumentView>,
    /// The codes of the required documents not uploaded yet (for the same readers).
    pub missing_documents: Vec<String>,
    /// Whether the reader may upload documents and write messages now.
    pub may_exchange: bool,
    /// The released lab reports of its test requests (conformity), one per request.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lab_tests: Vec<crate::conformity::ApplicationTests>,
}

/// A move on an application. `step` is the index of the step the actor is looking at, so a
/// move made on a stale page is refused instead of acting on the next step.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MoveInput {
    /// pass, reject, withdraw, appeal, reopen, uphold
    #[serde(rename = "move")]
    pub kind: String,
    pub step: Option<i32>,
    #[serde(default)]
    pub conditions: Vec<u16>,
    #[serde(default)]
    pub explanation: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct MessageInput {
    pub body: String,
}

/// The public tracking page of an application: where it stands and when, nothing personal.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TrackView {
    pub tracking_code: String,
    pub permit_name: Tri,
    pub province: String,
    pub status: Status,
    pub steps: Vec<TrackStep>,
    pub submitted_on: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decided_by_silence: bool,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TrackStep {
    pub name: Tri,
    pub started_at: Option<DateTime<Utc>>,
    pub due_on: Option<NaiveDate>,
    pub ended_at: Option<DateTime<Utc>>,
    pub outcome: Option<StepOutcome>,
}

pub(super) fn rejection_view(def: &PermitDefinition, r: &Rejection) -> RejectionView {
    RejectionView {
        conditions: r
            .conditions
            .iter()
            .filter_map(|n| def.condition(*n))
            .map(|c| CitedCondition {
                number: c.number,
                text: c.text.clone(),
            })
            .collect(),
        explanation: r.explanation.clone(),
    }
}
