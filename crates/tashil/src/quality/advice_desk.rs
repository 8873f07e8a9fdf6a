//! The advice desk's writes that no one asks for by hand: a batch's findings turned into advice
//! in the batch's own transaction (one advice per problem, later findings attached; a new one
//! mails the unit's users, an attached finding does not) and an advice escalated at once when
//! its problem persists. The daily job is `advice_escalation.rs`, the mails `advice_mail.rs`.
//! Dates are local dates of the unit's province.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde_json::json;
use tashil_spc::Rule;
use tashil_text::workdays::WorkCalendar;

use super::advice_mail::{escalated_audit_and_mail, mail_new};
use super::advice_row::{columns_of, thresholds_for, to_model};
use super::entity::{advice, characteristic, subgroup, violation};
use super::error::QualityError;
use super::model::advice::{
    Advice, CapabilityIndex, Chart, Points, State, Trigger, capability_finding, record,
};
use super::model::escalation::{Thresholds, decide};
use crate::access::Actor;
use crate::audit::{self, Change};
use crate::kernel::clock::local_date;
use crate::kernel::save_at_version;

fn internal(e: impl ToString) -> QualityError {
    QualityError::Db(sea_orm::DbErr::Custom(e.to_string()))
}

/// The calendar of the unit's province's office (its country's working days and closures).
pub(super) async fn office_calendar<C: ConnectionTrait>(
    db: &C,
    province: &str,
) -> Result<WorkCalendar, QualityError> {
    let cals = crate::calendar::calendars(db).await?;
    Ok(cals.office(province.get(..2).unwrap_or(province), province))
}

/// A stored violation as the model's finding (`None` for a code this version does not know).
pub(super) fn finding_of(
    chart: &str,
    rule: &str,
    point: u64,
    points: i32,
) -> Option<(Trigger, Points)> {
    let chart = match chart {
        "primary" => Chart::Primary,
        "secondary" => Chart::Dispersion,
        _ => return None,
    };
    let rule = Rule::ALL.into_iter().find(|r| r.code() == rule)?;
    let span = u64::try_from(points.max(1)).unwrap_or(1);
    Some((
        Trigger::Violation { chart, rule },
        Points {
            first: point.saturating_sub(span - 1),
            point,
        },
    ))
}

/// Turns what a batch found on each characteristic it touched (`touched`: the characteristic
/// and the instants of its new subgroups) into advice, in the batch's transaction.
pub(super) async fn raise<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    touched: Vec<(&characteristic::Model, Vec<violation::Model>)>,
    now: DateTime<Utc>,
) -> Result<(), QualityError> {
    let mut calendar: Option<(Thresholds, WorkCalendar)> = None;
    for (m, violations) in touched {
        let found = findings_at(txn, m, violations).await?;
        if found.is_empty() {
            continue;
        }
        let (th, cal) = match &calendar {
            Some(c) => c.clone(),
            None => {
                let c = (
                    thresholds_for(txn, &m.province_code).await?,
                    office_calendar(txn, &m.province_code).await?,
                );
                calendar = Some(c.clone());
                c
            }
        };
        place_findings(txn, actor, m, found, &th, &cal, now).await?;
    }
    Ok(())
}

/// The violations at the batch's new subgroups (`rows`, as the ingest read them back) and the
/// capability below target, as findings at their positions in the series, in its order.
async fn findings_at<C: ConnectionTrait>(
    txn: &C,
    m: &characteristic::Model,
    rows: Vec<violation::Model>,
) -> Result<Vec<(Trigger, Points)>, QualityError> {
    let mut out = vec![];
    if let Some(from) = rows.iter().map(|v| v.measured_at).min() {
        // Positions: how many subgroups come before the earliest, then those from it on.
        let before = subgroup::Entity::find()
            .filter(subgroup::Column::CharacteristicId.eq(m.id))
            .filter(subgroup::Column::MeasuredAt.lt(from))
            .count(txn)
            .await?;
        let after: Vec<DateTime<Utc>> = subgroup::Entity::find()
            .select_only()
            .column(subgroup::Column::MeasuredAt)
            .filter(subgroup::Column::CharacteristicId.eq(m.id))
            .filter(subgroup::Column::MeasuredAt.gte(from))
            .order_by_asc(subgroup::Column::MeasuredAt)
            .into_tuple()
            .all(txn)
            .await?;
        let position: HashMap<DateTime<Utc>, u64> = after
            .into_iter()
            .enumerate()
            .map(|(i, t)| (t, before + i as u64))
            .collect();
        for v in &rows {
            if let Some(p) = position.get(&v.measured_at)
                && let Some(f) = finding_of(&v.chart, &v.rule, *p, v.points)
            {
                out.push(f);
            }
        }
    }
    out.sort_by_key(|(_, p)| *p);
    if let Some(f) = capability_now(txn, m).await? {
        out.push(f);
    }
    Ok(out)
}

/// Cpk against the unit's target, at the latest subgroup, when the characteristic has a target,
/// a specification and limits.
async fn capability_now<C: ConnectionTrait>(
    txn: &C,
    m: &characteristic::Model,
) -> Result<Option<(Trigger, Points)>, QualityError> {
    let Some(target) = m.capability_target else {
        return Ok(None);
    };
    if m.lower_spec.is_none() && m.upper_spec.is_none() {
        return Ok(None);
    }
    let Some(stored) = super::query::monitor_of(txn, m.id).await? else {
        return Ok(None);
    };
    let Ok(monitor) = serde_json::from_str::<tashil_spc::Monitor>(&stored.state) else {
        return Ok(None);
    };
    let Ok(spec) = tashil_spc::Specification::new(m.lower_spec, m.upper_spec) else {
        return Ok(None);
    };
    let Ok(cap) = monitor.capability(&spec, 0.95) else {
        return Ok(None);
    };
    let Some(last) = (monitor.len() as u64).checked_sub(1) else {
        return Ok(None);
    };
    Ok(
        capability_finding(CapabilityIndex::Cpk, cap.cpk.estimate, target).map(|t| {
            (
                t,
                Points {
                    first: last,
                    point: last,
                },
            )
        }),
    )
}

/// The advice of characteristic `m` not closed yet, rows and models in the same order.
async fn open_advice<C: ConnectionTrait>(
    txn: &C,
    characteristic_id: i64,
) -> Result<(Vec<advice::Model>, Vec<Advice>), QualityError> {
    let rows = advice::Entity::find()
        .filter(advice::Column::CharacteristicId.eq(characteristic_id))
        .filter(advice::Column::State.ne(State::Closed.as_str()))
        .order_by_asc(advice::Column::Id)
        .all(txn)
        .await?;
    let models = rows
        .iter()
        .map(|r| to_model(r).ok_or_else(|| internal(format!("advice {} unreadable", r.id))))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((rows, models))
}

async fn place_findings<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    m: &characteristic::Model,
    found: Vec<(Trigger, Points)>,
    th: &Thresholds,
    cal: &WorkCalendar,
    now: DateTime<Utc>,
) -> Result<(), QualityError> {
    let today = local_date(&m.province_code, now);
    let (rows, mut advices) = open_advice(txn, m.id).await?;
    let before = advices.clone();
    for (trigger, points) in found {
        record(&mut advices, m.id, trigger, points, today);
    }
    for (i, a) in advices.iter_mut().enumerate() {
        let changed = before.get(i) != Some(&*a);
        if !changed {
            continue;
        }
        let escalated = match decide(th, cal, a, today, a.subgroups_since()) {
            Some(reason) => a.escalate(today, reason).ok().map(|_| reason),
            None => None,
        };
        let c = columns_of(a);
        match rows.get(i) {
            Some(row) => {
                let update = advice::Entity::update_many()
                    .set(advice::ActiveModel {
                        findings: Set(c.findings.clone()),
                        last_point: Set(c.last_point),
                        escalated_on: Set(a.escalated.map(|e| e.0)),
                        escalation_reason: Set(c.escalation_reason.clone()),
                        updated_at: Set(now),
                        ..Default::default()
                    })
                    .filter(advice::Column::Id.eq(row.id));
                save_at_version(txn, update, advice::Column::Version, row.version).await?;
                audit::record(
                    txn,
                    Change::by(actor, "quality.advice.attach", "quality_advice", row.id)
                        .before(json!({"findings": row.findings}))
                        .after(json!({"findings": c.findings})),
                )
                .await?;
                if let Some(reason) = escalated {
                    escalated_audit_and_mail(txn, Some(actor), row.id, m, a, reason).await?;
                }
            }
            None => {
                let row = advice::ActiveModel {
                    characteristic_id: Set(m.id),
                    unit_id: Set(m.unit_id),
                    province_code: Set(m.province_code.clone()),
                    code: Set(c.code.clone()),
                    trigger: Set(c.trigger.clone()),
                    state: Set(c.state.clone()),
                    opened_on: Set(a.opened_on),
                    findings: Set(c.findings.clone()),
                    first_point: Set(c.first_point),
                    last_point: Set(c.last_point),
                    escalated_on: Set(a.escalated.map(|e| e.0)),
                    escalation_reason: Set(c.escalation_reason.clone()),
                    created_at: Set(now),
                    updated_at: Set(now),
                    version: Set(1),
                    ..Default::default()
                }
                .insert(txn)
                .await?;
                audit::record(
                    txn,
                    Change::by(actor, "quality.advice.open", "quality_advice", row.id)
                        .after(json!({"characteristic_id": m.id, "trigger": c.trigger,
                            "findings": c.findings, "opened_on": a.opened_on})),
                )
                .await?;
                mail_new(txn, row.id, m, a, th, cal).await?;
                if let Some(reason) = escalated {
                    escalated_audit_and_mail(txn, Some(actor), row.id, m, a, reason).await?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_violation_names_its_window_in_the_series() {
        let (t, p) = finding_of("primary", "six_trending", 20, 6).unwrap();
        assert_eq!(
            t,
            Trigger::Violation {
                chart: Chart::Primary,
                rule: Rule::SixTrending
            }
        );
        assert_eq!(
            p,
            Points {
                first: 15,
                point: 20
            }
        );
        let (t, p) = finding_of("secondary", "beyond_limits", 3, 1).unwrap();
        assert_eq!(t.code(), "beyond_limits");
        assert_eq!((p.first, p.point), (3, 3));
        // A window longer than the series so far starts at its first subgroup.
        assert_eq!(
            finding_of("primary", "nine_on_one_side", 2, 9)
                .unwrap()
                .1
                .first,
            0
        );
        assert!(finding_of("third", "beyond_limits", 3, 1).is_none());
        assert!(finding_of("primary", "no_such_rule", 3, 1).is_none());
    }
}
