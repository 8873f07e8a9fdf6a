//! What supervision's pages and API show: a unit's place in the ranking, and its score
//! explained factor by factor.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::model::risk::{Line, Score};
use crate::registry::lookup::UnitRef;

/// One unit of the ranking.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RiskRow {
    pub unit_id: i64,
    pub national_id: String,
    /// fa, en, vi.
    pub unit_names: [String; 3],
    pub province: String,
    pub total: f64,
    pub computed_at: DateTime<Utc>,
}

impl RiskRow {
    pub(super) fn new(u: UnitRef, total: f64, computed_at: DateTime<Utc>) -> Self {
        RiskRow {
            unit_id: u.id,
            national_id: u.national_id,
            unit_names: u.names,
            province: u.province,
            total,
            computed_at,
        }
    }

    pub fn unit_name(&self, lang: &crate::i18n::Lang) -> &str {
        let [fa, en, vi] = &self.unit_names;
        crate::kernel::display_name(*lang, fa, en, vi)
    }
}

/// A unit's score, each factor's value, weight and contribution.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Explanation {
    #[serde(flatten)]
    pub unit: RiskRow,
    pub lines: Vec<Line>,
    /// The weights' version it was scored with (0: the defaults).
    pub weights_version: i32,
}

impl Explanation {
    pub(super) fn new(
        u: UnitRef,
        score: Score,
        weights_version: i32,
        computed_at: DateTime<Utc>,
    ) -> Self {
        Explanation {
            unit: RiskRow::new(u, score.total, computed_at),
            lines: score.lines,
            weights_version,
        }
    }
}
