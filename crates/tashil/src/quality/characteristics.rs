//! Use cases of a unit's characteristics: its own users define, change and remove them; the
//! unit, its province's office and inspectors and the national body read them, each with its
//! limits, capability, latest subgroups and violations.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde_json::json;

use super::entity::{characteristic, subgroup, violation};
use super::error::QualityError;
use super::model::characteristic::{CharacteristicDraft, Kind, ValidCharacteristic, chart_code};
use super::view::{
    CapabilityView, CharacteristicDetail, CharacteristicView, LimitsView, PointView, ViolationView,
};
use crate::access::Actor;
use crate::access::quality as rules;
use crate::audit::{self, Change};
use crate::kernel::Paging;

pub(super) const PAGE: u64 = 100;

/// How many of the latest subgroups and violations a characteristic's page shows.
pub(super) const RECENT: u64 = 50;

/// The unit an actor's organisation acts for, with its province and national ID.
pub(super) async fn own_unit<C: ConnectionTrait>(
    db: &C,
    grant: &rules::QualityGrant,
) -> Result<crate::registry::lookup::UnitRef, QualityError> {
    crate::registry::lookup::unit_ref_of_organisation(db, grant.organisation_id())
        .await?
        .ok_or_else(|| QualityError::invalid("unit", "not_a_unit"))
}

async fn names<C: ConnectionTrait>(
    db: &C,
    units: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, [String; 3]>, QualityError> {
    let mut out = HashMap::new();
    for u in units {
        if out.contains_key(&u) {
            continue;
        }
        let n = crate::registry::lookup::holder(db, u)
            .await?
            .map(|r| r.names)
            .unwrap_or_default();
        out.insert(u, n);
    }
    Ok(out)
}

pub(super) async fn views<C: ConnectionTrait>(
    db: &C,
    rows: Vec<characteristic::Model>,
) -> Result<Vec<CharacteristicView>, QualityError> {
    let units: Vec<i64> = rows.iter().map(|m| m.unit_id).collect();
    let names = names(db, units).await?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let n = names.get(&m.unit_id).cloned().unwrap_or_default();
            CharacteristicView::of(m, n)
        })
        .collect())
}

fn snapshot(m: &characteristic::Model) -> serde_json::Value {
    json!({
        "unit_id": m.unit_id, "code": m.code, "product_line": m.product_line, "name": m.name,
        "kind": m.kind, "chart_kind": m.chart_kind, "uom": m.uom, "target": m.target,
        "lower_spec": m.lower_spec, "upper_spec": m.upper_spec, "standard_id": m.standard_id,
        "clause_number": m.clause_number, "subgroup_size": m.subgroup_size,
        "frequency": m.frequency, "rules": m.rules, "capability_target": m.capability_target,
        "version": m.version,
    })
}

/// The characteristics in the actor's reach, by unit and code.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    page: Option<u64>,
) -> Result<Vec<CharacteristicView>, QualityError> {
    let scope = rules::scope(actor)?;
    let paging = Paging::fixed(page, PAGE);
    let rows = super::query::characteristics(&scope)
        .order_by_asc(characteristic::Column::UnitId)
        .order_by_asc(characteristic::Column::Code)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await?;
    views(db, rows).await
}

/// A draft checked, with its clause's unit and limits read from the catalogue.
async fn checked(
    db: &DatabaseConnection,
    actor: &Actor,
    draft: &CharacteristicDraft,
    now: DateTime<Utc>,
) -> Result<ValidCharacteristic, QualityError> {
    let v = draft.validate().map_err(QualityError::Invalid)?;
    let v = match v.clause.clone() {
        None => v.finish(),
        Some((standard, number)) => {
            let s = crate::standards::get(db, Some(actor), standard, now).await?;
            let Some(c) = s.clauses.iter().find(|c| c.number == number) else {
                return Err(QualityError::invalid("clause", "unknown_clause"));
            };
            v.with_clause(&c.unit, c.min, c.max)
        }
    };
    v.map_err(QualityError::Invalid)
}

/// Defines a characteristic of the actor's unit; its code is the unit's own, once.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    draft: &CharacteristicDraft,
    now: DateTime<Utc>,
) -> Result<CharacteristicView, QualityError> {
    let grant = rules::authorize_manage(actor)?;
    let unit = own_unit(db, &grant).await?;
    let v = checked(db, actor, draft, now).await?;
    let txn = crate::db::begin_write(db).await?;
    if taken(&txn, unit.id, &v.code, None).await? {
        return Err(QualityError::invalid("code", "duplicate_characteristic"));
    }
    let (standard_id, clause_number) = v.clause.clone().unzip();
    let m = audit::insert(
        &txn,
        characteristic::ActiveModel {
            unit_id: Set(unit.id),
            province_code: Set(unit.province.clone()),
            code: Set(v.code.clone()),
            product_line: Set(v.product_line.clone()),
            name: Set(v.name.clone()),
            kind: Set(Kind::of(v.chart).as_str().into()),
            chart_kind: Set(chart_code(v.chart).into()),
            uom: Set(v.uom.clone()),
            target: Set(v.target),
            lower_spec: Set(v.lower_spec),
            upper_spec: Set(v.upper_spec),
            standard_id: Set(standard_id),
            clause_number: Set(clause_number),
            subgroup_size: Set(v.subgroup_size),
            frequency: Set(v.frequency.clone()),
            rules: Set(v.stored_rules()),
            capability_target: Set(Some(v.capability_target)),
            created_by: Set(actor.user_id()),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            ..Default::default()
        },
        |m| {
            Change::by(
                actor,
                "quality.characteristic.create",
                "quality_characteristic",
                m.id,
            )
            .after(snapshot(m))
        },
    )
    .await?;
    txn.commit().await?;
    Ok(views(db, vec![m]).await?.remove(0))
}

async fn taken<C: ConnectionTrait>(
    db: &C,
    unit: i64,
    code: &str,
    except: Option<i64>,
) -> Result<bool, QualityError> {
    let mut q = characteristic::Entity::find()
        .filter(characteristic::Column::UnitId.eq(unit))
        .filter(characteristic::Column::Code.eq(code));
    if let Some(id) = except {
        q = q.filter(characteristic::Column::Id.ne(id));
    }
    Ok(q.one(db).await?.is_some())
}

/// The characteristic `id` the actor may change: its own unit's.
pub(super) async fn managed<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
) -> Result<characteristic::Model, QualityError> {
    let scope = rules::scope(actor)?;
    let m = super::query::characteristic(db, &scope, id)
        .await?
        .ok_or(QualityError::NotFound)?;
    rules::authorize_manage(actor)?;
    Ok(m)
}

/// Changes a characteristic (named at the version it was read). Its chart and subgroup size
/// stay while it has limits: a new chart is a new characteristic.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    draft: &CharacteristicDraft,
    now: DateTime<Utc>,
) -> Result<CharacteristicView, QualityError> {
    let version: i32 = draft
        .version
        .trim()
        .parse()
        .map_err(|_| QualityError::invalid("version", "required"))?;
    let v = checked(db, actor, draft, now).await?;
    let txn = crate::db::begin_write(db).await?;
    let m = managed(&txn, actor, id).await?;
    if m.version != version {
        return Err(QualityError::Conflict);
    }
    if taken(&txn, m.unit_id, &v.code, Some(m.id)).await? {
        return Err(QualityError::invalid("code", "duplicate_characteristic"));
    }
    let has_limits = super::query::current_limits(&txn, m.id).await?.is_some();
    if has_limits && (chart_code(v.chart) != m.chart_kind || v.subgroup_size != m.subgroup_size) {
        return Err(QualityError::invalid(
            "chart_kind",
            "quality_state_conflict",
        ));
    }
    let before = snapshot(&m);
    let (standard_id, clause_number) = v.clause.clone().unzip();
    let rules_changed = v.stored_rules() != m.rules;
    let mut a: characteristic::ActiveModel = m.clone().into();
    a.code = Set(v.code.clone());
    a.product_line = Set(v.product_line.clone());
    a.name = Set(v.name.clone());
    a.kind = Set(Kind::of(v.chart).as_str().into());
    a.chart_kind = Set(chart_code(v.chart).into());
    a.uom = Set(v.uom.clone());
    a.target = Set(v.target);
    a.lower_spec = Set(v.lower_spec);
    a.upper_spec = Set(v.upper_spec);
    a.standard_id = Set(standard_id);
    a.clause_number = Set(clause_number);
    a.subgroup_size = Set(v.subgroup_size);
    a.frequency = Set(v.frequency.clone());
    a.rules = Set(v.stored_rules());
    a.capability_target = Set(Some(v.capability_target));
    a.updated_at = Set(now);
    a.version = Set(m.version + 1);
    let after = a.update(&txn).await?;
    audit::record(
        &txn,
        Change::by(
            actor,
            "quality.characteristic.update",
            "quality_characteristic",
            m.id,
        )
        .before(before)
        .after(snapshot(&after)),
    )
    .await?;
    if rules_changed && has_limits {
        // Other rules: the stored state and violations are those of the old ones.
        super::limits::replay(&txn, &after, now).await?;
    }
    txn.commit().await?;
    Ok(views(db, vec![after]).await?.remove(0))
}

/// Removes a characteristic that has no subgroups yet.
pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: i64) -> Result<(), QualityError> {
    let txn = crate::db::begin_write(db).await?;
    let m = managed(&txn, actor, id).await?;
    if super::query::count_subgroups(&txn, m.id).await? > 0 {
        return Err(QualityError::Conflict);
    }
    let before = snapshot(&m);
    characteristic::Entity::delete_by_id(m.id)
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        Change::by(
            actor,
            "quality.characteristic.delete",
            "quality_characteristic",
            m.id,
        )
        .before(before),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Characteristic `id` with its limits, capability, latest subgroups and violations.
pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
) -> Result<CharacteristicDetail, QualityError> {
    let scope = rules::scope(actor)?;
    let m = super::query::characteristic(db, &scope, id)
        .await?
        .ok_or(QualityError::NotFound)?;
    detail(db, m).await
}

/// Characteristic `id` and its chart (`None` before its limits are set), each row read once.
pub(super) async fn with_chart(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
) -> Result<(CharacteristicDetail, Option<super::chart::ChartSeries>), QualityError> {
    let scope = rules::scope(actor)?;
    let m = super::query::characteristic(db, &scope, id)
        .await?
        .ok_or(QualityError::NotFound)?;
    let (detail, frozen) = detail_and_limits(db, m.clone()).await?;
    let chart = match frozen {
        Some(f) => Some(super::chart::series(db, &m, f).await?),
        None => None,
    };
    Ok((detail, chart))
}

pub(super) async fn detail<C: ConnectionTrait>(
    db: &C,
    m: characteristic::Model,
) -> Result<CharacteristicDetail, QualityError> {
    Ok(detail_and_limits(db, m).await?.0)
}

/// The detail and the limits in force it was read against.
async fn detail_and_limits<C: ConnectionTrait>(
    db: &C,
    m: characteristic::Model,
) -> Result<(CharacteristicDetail, Option<tashil_spc::FrozenLimits>), QualityError> {
    let history = super::query::limits_history(db, m.id).await?;
    let current = history.iter().find(|l| l.current).cloned();
    let frozen: Option<tashil_spc::FrozenLimits> = current
        .as_ref()
        .map(|l| crate::kernel::stored("limits", &l.limits, |s| serde_json::from_str(s).ok()))
        .transpose()?;
    let capability = match (&frozen, m.lower_spec, m.upper_spec) {
        (Some(_), lower, upper) if lower.is_some() || upper.is_some() => {
            let monitor = super::query::monitor_of(db, m.id).await?;
            monitor
                .and_then(|s| serde_json::from_str::<tashil_spc::Monitor>(&s.state).ok())
                .and_then(|mon| {
                    let spec = tashil_spc::Specification::new(lower, upper).ok()?;
                    mon.capability(&spec, 0.95).ok()
                })
                .map(|c| {
                    CapabilityView::of(
                        c,
                        m.capability_target
                            .unwrap_or(super::model::characteristic::DEFAULT_CAPABILITY_TARGET),
                    )
                })
        }
        _ => None,
    };
    let subgroups = super::query::count_subgroups(db, m.id).await?;
    // One more than shown: an I-MR chart's first moving range needs its predecessor.
    let mut rows = super::query::recent_subgroups(db, m.id, RECENT + 1).await?;
    rows.reverse();
    let violations: Vec<violation::Model> =
        super::query::recent_violations(db, m.id, RECENT).await?;
    let zone = crate::kernel::clock::zone(&m.province_code);
    let recent = points(zone, &rows, frozen.as_ref(), &violations);
    let characteristic = views(db, vec![m]).await?.remove(0);
    let detail = CharacteristicDetail {
        characteristic,
        limits: current.map(LimitsView::of),
        history: history.into_iter().map(LimitsView::of).collect(),
        capability,
        subgroups,
        recent,
        violations: violations.into_iter().map(ViolationView::of).collect(),
    };
    Ok((detail, frozen))
}

/// The subgroups `rows` (in time order) plotted against `frozen`, the latest first and
/// without the first when one more than [`RECENT`] was read.
fn points(
    zone: chrono_tz::Tz,
    rows: &[subgroup::Model],
    frozen: Option<&tashil_spc::FrozenLimits>,
    violations: &[violation::Model],
) -> Vec<PointView> {
    let parsed: Vec<Option<tashil_spc::Subgroup>> = rows
        .iter()
        .map(|r| serde_json::from_str(&r.data).ok())
        .collect();
    let mut out: Vec<PointView> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let plotted = match (frozen, &parsed[i]) {
                (Some(f), Some(s)) => {
                    let prev = i.checked_sub(1).and_then(|k| parsed[k].as_ref());
                    f.plot(i, s, prev).ok()
                }
                _ => None,
            };
            PointView {
                measured_at: r.measured_at,
                data: serde_json::from_str(&r.data).unwrap_or_default(),
                value: plotted.map(|p| p.primary.value),
                lcl: plotted.map(|p| p.primary.lcl),
                ucl: plotted.map(|p| p.primary.ucl),
                secondary: plotted.and_then(|p| p.secondary.map(|s| s.value)),
                local_time: r
                    .measured_at
                    .with_timezone(&zone)
                    .format("%H:%M")
                    .to_string(),
                rules: violations
                    .iter()
                    .filter(|v| v.measured_at == r.measured_at)
                    .map(|v| v.rule.clone())
                    .collect(),
            }
        })
        .collect();
    if out.len() as u64 > RECENT {
        out.remove(0);
    }
    out.reverse();
    out
}
