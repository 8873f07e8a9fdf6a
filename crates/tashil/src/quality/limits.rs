//! Control limits: the unit picks a phase-I baseline (the subgroups measured between two
//! instants), `tashil_spc::FrozenLimits::estimate` computes them, and they are stored as a
//! new version (the earlier ones kept, no longer current). The characteristic's monitor is
//! then replayed once over its whole history against them (ADR 0023); afterwards each
//! arriving subgroup updates it incrementally (`ingest.rs`).

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use tashil_spc::{FrozenLimits, Monitor, Rule, Subgroup};

use super::entity::{characteristic, limits, monitor, subgroup, violation};
use super::error::QualityError;
use super::model::characteristic::{parse_chart, rule_set, secondary_rules};
use super::model::subgroup::parse_instant;
use super::view::CharacteristicDetail;
use crate::access::Actor;
use crate::audit::{self, Change};
use crate::kernel::FieldError;
use crate::kernel::save_at_version;

/// The baseline a unit picks: the subgroups measured from `from` to `to`, both included
/// (RFC 3339, or the unit's local date and time).
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct LimitsDraft {
    pub from: String,
    pub to: String,
}

/// A rule that fired, as stored.
pub(super) struct Found {
    pub measured_at: DateTime<Utc>,
    pub chart: &'static str,
    pub rule: Rule,
    pub points: usize,
}

pub(super) fn found(
    v: &tashil_spc::Violation,
    chart: &'static str,
    at: impl Fn(usize) -> Option<DateTime<Utc>>,
) -> Option<Found> {
    Some(Found {
        measured_at: at(v.point)?,
        chart,
        rule: v.rule,
        points: v.point - v.first + 1,
    })
}

pub(super) const VIOLATION_COLUMNS: [&str; 7] = [
    "characteristic_id",
    "measured_at",
    "chart",
    "rule",
    "points",
    "limits_version",
    "created_at",
];

/// Writes `found` in multi-row statements.
pub(super) async fn store_violations<C: ConnectionTrait>(
    txn: &C,
    characteristic_id: i64,
    limits_version: i32,
    found: &[Found],
    now: DateTime<Utc>,
) -> Result<(), QualityError> {
    if found.is_empty() {
        return Ok(());
    }
    let rows = found
        .iter()
        .map(|f| {
            vec![
                characteristic_id.into(),
                f.measured_at.into(),
                f.chart.into(),
                f.rule.code().into(),
                (f.points as i32).into(),
                limits_version.into(),
                now.into(),
            ]
        })
        .collect();
    crate::db::bulk::insert(txn, "quality_violations", &VIOLATION_COLUMNS, rows, None).await?;
    Ok(())
}

pub(super) fn parse_subgroup(s: &subgroup::Model) -> Result<Subgroup, QualityError> {
    Ok(crate::kernel::stored("subgroup", &s.data, |d| {
        serde_json::from_str(d).ok()
    })?)
}

pub(super) fn parse_limits(l: &limits::Model) -> Result<FrozenLimits, QualityError> {
    Ok(crate::kernel::stored("limits", &l.limits, |d| {
        serde_json::from_str(d).ok()
    })?)
}

/// Brings characteristic `m`'s monitor and violations up to date with its whole history
/// against the limits in force (after new limits, other rules, or a subgroup too late for an
/// incremental insert). O(history), in the caller's transaction.
pub(super) async fn replay<C: ConnectionTrait>(
    txn: &C,
    m: &characteristic::Model,
    now: DateTime<Utc>,
) -> Result<(), QualityError> {
    let Some(l) = super::query::current_limits(txn, m.id).await? else {
        return Ok(());
    };
    let frozen = parse_limits(&l)?;
    let rows = super::query::all_subgroups(txn, m.id).await?;
    let history = rows
        .iter()
        .map(parse_subgroup)
        .collect::<Result<Vec<_>, _>>()?;
    let rules = rule_set(&m.rules);
    let eval = tashil_spc::evaluate(&frozen, &rules, &secondary_rules(), &history)
        .map_err(|e| QualityError::Db(sea_orm::DbErr::Custom(e.to_string())))?;
    let state = Monitor::replay(frozen, rules, secondary_rules(), &history)
        .map_err(|e| QualityError::Db(sea_orm::DbErr::Custom(e.to_string())))?;
    let at = |i: usize| rows.get(i).map(|r| r.measured_at);
    let mut all: Vec<Found> = eval
        .violations
        .iter()
        .filter_map(|v| found(v, "primary", at))
        .collect();
    all.extend(
        eval.secondary_violations
            .iter()
            .filter_map(|v| found(v, "secondary", at)),
    );
    violation::Entity::delete_many()
        .filter(violation::Column::CharacteristicId.eq(m.id))
        .exec(txn)
        .await?;
    store_violations(txn, m.id, l.version, &all, now).await?;
    save_monitor(txn, m.id, l.version, &state, None, now).await
}

/// Stores a monitor's state. `read` is the version it was read at (`None`: replace whatever
/// is there); a write that lost the race to another is a conflict.
pub(super) async fn save_monitor<C: ConnectionTrait>(
    txn: &C,
    characteristic_id: i64,
    limits_version: i32,
    state: &Monitor,
    read: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), QualityError> {
    let text = serde_json::to_string(state)
        .map_err(|e| QualityError::Db(sea_orm::DbErr::Custom(e.to_string())))?;
    let existing = super::query::monitor_of(txn, characteristic_id).await?;
    match (existing, read) {
        (None, _) => {
            monitor::ActiveModel {
                characteristic_id: Set(characteristic_id),
                limits_version: Set(limits_version),
                state: Set(text),
                subgroups: Set(state.len() as i32),
                updated_at: Set(now),
                version: Set(1),
                ..Default::default()
            }
            .insert(txn)
            .await?;
        }
        (Some(e), read) => {
            let expected = read.unwrap_or(e.version);
            let update = monitor::Entity::update_many()
                .set(monitor::ActiveModel {
                    limits_version: Set(limits_version),
                    state: Set(text),
                    subgroups: Set(state.len() as i32),
                    updated_at: Set(now),
                    ..Default::default()
                })
                .filter(monitor::Column::Id.eq(e.id));
            save_at_version(txn, update, monitor::Column::Version, expected).await?;
        }
    }
    Ok(())
}

/// Computes limits from the baseline the actor picks and stores them as a new version of
/// characteristic `id`'s (its own unit's), then replays its monitor once.
pub async fn set(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: i64,
    draft: &LimitsDraft,
    now: DateTime<Utc>,
) -> Result<CharacteristicDetail, QualityError> {
    let txn = crate::db::begin_write(db).await?;
    let m = super::characteristics::managed(&txn, actor, id).await?;
    let zone = crate::kernel::clock::zone(&m.province_code);
    let mut errs = vec![];
    let mut instant = |field: &str, raw: &str| match raw.trim() {
        "" => {
            errs.push(FieldError::new(field, "required"));
            None
        }
        raw => parse_instant(raw, zone).or_else(|| {
            errs.push(FieldError::new(field, "invalid_date"));
            None
        }),
    };
    let from = instant("from", &draft.from);
    let to = instant("to", &draft.to);
    let (Some(from), Some(to)) = (from, to) else {
        return Err(QualityError::Invalid(errs));
    };
    if from > to {
        return Err(QualityError::invalid("to", "baseline_order"));
    }
    let rows = super::query::subgroups_between(&txn, m.id, from, to).await?;
    if rows.is_empty() {
        return Err(QualityError::invalid("baseline", "baseline_empty"));
    }
    let baseline = rows
        .iter()
        .map(parse_subgroup)
        .collect::<Result<Vec<_>, _>>()?;
    let chart = crate::kernel::stored("chart_kind", &m.chart_kind, parse_chart)?;
    let frozen = FrozenLimits::estimate(chart, &baseline)?;
    let version = limits::Entity::find()
        .filter(limits::Column::CharacteristicId.eq(m.id))
        .order_by_desc(limits::Column::Version)
        .one(&txn)
        .await?
        .map_or(1, |l| l.version + 1);
    limits::Entity::update_many()
        .set(limits::ActiveModel {
            current: Set(false),
            ..Default::default()
        })
        .filter(limits::Column::CharacteristicId.eq(m.id))
        .exec(&txn)
        .await?;
    let stored = serde_json::to_string(&frozen)
        .map_err(|e| QualityError::Db(sea_orm::DbErr::Custom(e.to_string())))?;
    let l = audit::insert(
        &txn,
        limits::ActiveModel {
            characteristic_id: Set(m.id),
            version: Set(version),
            current: Set(true),
            baseline_from: Set(from),
            baseline_to: Set(to),
            baseline_subgroups: Set(rows.len() as i32),
            limits: Set(stored),
            set_by: Set(actor.user_id()),
            created_at: Set(now),
            ..Default::default()
        },
        |l| {
            Change::by(actor, "quality.limits.set", "quality_characteristic", m.id).after(json!({
                "version": l.version, "baseline_from": l.baseline_from,
                "baseline_to": l.baseline_to, "baseline_subgroups": l.baseline_subgroups,
                "limits": frozen,
            }))
        },
    )
    .await?;
    let _ = l;
    replay(&txn, &m, now).await?;
    super::capability_days::record(&txn, &[&m], now).await?;
    let out = super::characteristics::detail(&txn, m).await?;
    txn.commit().await?;
    Ok(out)
}
