//! What the public register and a licence's office answer with: a licence as anyone may read
//! it (number, holder, products and brands, standards, validity, status; nothing personal),
//! and what an office sends to suspend, revoke or lift one.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::model::{LicenceStatus, Tri};

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CoveredProduct {
    pub product: String,
    pub brand: String,
    /// The mandatory standard it was licensed against (its designation).
    pub standard: Option<String>,
}

/// A licence in the public register.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LicenceEntry {
    pub id: i64,
    pub number: String,
    /// The holding unit's names as the licence states them.
    pub holder: Tri,
    pub province: String,
    pub permit_type: String,
    pub products: Vec<CoveredProduct>,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    pub status: LicenceStatus,
    /// Why it is suspended or revoked, and under which provision (public, as the decision is).
    pub status_reason: Option<String>,
    pub legal_basis: Option<String>,
}

/// One page of the register, newest first.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RegisterPage {
    pub entries: Vec<LicenceEntry>,
    /// Matches counted up to a cap (1,000; one page when every word is common);
    /// `total_capped` says there are more.
    pub total: u64,
    pub total_capped: bool,
    /// Pass as `after` for the next page (none on the last).
    pub next: Option<i64>,
}

#[derive(Debug, Default, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegisterQuery {
    /// Holder name or national ID, licence number, product or brand (any script or spelling).
    pub q: Option<String>,
    /// active, suspended, revoked, expired
    pub status: Option<String>,
    /// The `next` of the previous page.
    pub after: Option<i64>,
}

/// An office's decision on a licence.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LicenceActionInput {
    /// suspend, revoke, lift
    pub action: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub legal_basis: String,
}
