//! What a characteristic's control chart draws: its latest subgroups (at most
//! [`CHART_MAX`]) plotted against the limits in force and checked by its rules, as the
//! monitor checks them. The page turns it into SVG (`tashil_spc::svg`) in its language.

use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;

use super::entity::characteristic;
use super::error::QualityError;
use super::model::characteristic::{rule_set, secondary_rules};

/// The most subgroups one chart draws (the latest); older ones stay in the record.
pub const CHART_MAX: u64 = 10_000;

/// A chart ready to draw: the evaluation of the latest subgroups and when each was measured.
pub struct ChartSeries {
    pub evaluation: tashil_spc::Evaluation,
    pub kind: tashil_spc::ChartKind,
    pub measured_at: Vec<DateTime<Utc>>,
    pub lower_spec: Option<f64>,
    pub upper_spec: Option<f64>,
    /// The characteristic's province's time zone (the times under the axis are local).
    pub zone: chrono_tz::Tz,
}

/// The chart of characteristic `m` against `frozen`, the limits in force (the caller has
/// read both, within the actor's scope).
pub(super) async fn series<C: ConnectionTrait>(
    db: &C,
    m: &characteristic::Model,
    frozen: tashil_spc::FrozenLimits,
) -> Result<ChartSeries, QualityError> {
    let mut rows = super::query::recent_subgroups(db, m.id, CHART_MAX).await?;
    rows.reverse();
    let mut measured_at = Vec::with_capacity(rows.len());
    let mut subgroups = Vec::with_capacity(rows.len());
    for r in &rows {
        let s: tashil_spc::Subgroup =
            crate::kernel::stored("subgroup", &r.data, |s| serde_json::from_str(s).ok())?;
        measured_at.push(r.measured_at);
        subgroups.push(s);
    }
    let evaluation =
        tashil_spc::evaluate(&frozen, &rule_set(&m.rules), &secondary_rules(), &subgroups)
            .map_err(|e| {
                QualityError::Db(sea_orm::DbErr::Custom(format!(
                    "characteristic {}'s stored subgroups do not plot: {}",
                    m.id,
                    e.code()
                )))
            })?;
    Ok(ChartSeries {
        evaluation,
        kind: frozen.kind(),
        measured_at,
        lower_spec: m.lower_spec,
        upper_spec: m.upper_spec,
        zone: crate::kernel::clock::zone(&m.province_code),
    })
}
