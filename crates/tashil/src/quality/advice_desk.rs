//! The advice desk's writes that no one asks for by hand: a batch's findings turned into advice
//! in the batch's own transaction (one advice per problem, later findings attached; a new one
//! mails the unit's users, an attached finding does not), an advice escalated at once when its
//! problem persists, and the daily job that escalates advice left unanswered past its day
//! (claimed by a conditional update at the version read, so two nodes never escalate or mail
//! one twice). Dates are local dates of the unit's province.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde_json::json;
use tashil_spc::Rule;
use tashil_text::Lang;
use tashil_text::workdays::WorkCalendar;

use super::advice_row::{columns_of, thresholds_for, to_model};
use super::entity::{advice, characteristic, subgroup, violation};
use super::error::QualityError;
use super::model::advice::{
    Advice, CapabilityIndex, Chart, EscalationReason, Points, State, Trigger, capability_finding,
    record,
};
use super::model::escalation::{Thresholds, answer_due, decide};
use crate::access::Actor;
use crate::audit::{self, Change};
use crate::i18n::I18n;
use crate::identity::recipients;
use crate::kernel::clock::local_date;
use crate::mail::{self, MailKind, Recipient};

/// A new advice, to the unit's users: the rule, the points and the suggested check.
pub const QUALITY_ADVICE: MailKind = MailKind::new("quality_advice");
/// An advice reached the province's quality queue, to its provincial officers.
pub const QUALITY_ADVICE_ESCALATED: MailKind = MailKind::new("quality_advice_escalated");

/// Every message the advice desk sends.
pub const KINDS: [MailKind; 2] = [QUALITY_ADVICE, QUALITY_ADVICE_ESCALATED];

/// Advice looked at per pass of the job: the rest wait for the next tick.
const BATCH: u64 = 500;

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
    touched: Vec<(&characteristic::Model, Vec<DateTime<Utc>>)>,
    now: DateTime<Utc>,
) -> Result<(), QualityError> {
    let mut calendar: Option<(Thresholds, WorkCalendar)> = None;
    for (m, instants) in touched {
        let found = findings_at(txn, m, &instants).await?;
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

/// The violations at `instants` (the batch's new subgroups) and the capability below target,
/// as findings at their positions in the series, in the order of the series.
async fn findings_at<C: ConnectionTrait>(
    txn: &C,
    m: &characteristic::Model,
    instants: &[DateTime<Utc>],
) -> Result<Vec<(Trigger, Points)>, QualityError> {
    let mut rows: Vec<violation::Model> = vec![];
    for chunk in instants.chunks(500) {
        rows.extend(
            violation::Entity::find()
                .filter(violation::Column::CharacteristicId.eq(m.id))
                .filter(violation::Column::MeasuredAt.is_in(chunk.iter().copied()))
                .all(txn)
                .await?,
        );
    }
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
                let done = advice::Entity::update_many()
                    .set(advice::ActiveModel {
                        findings: Set(c.findings.clone()),
                        last_point: Set(c.last_point),
                        escalated_on: Set(a.escalated.map(|e| e.0)),
                        escalation_reason: Set(c.escalation_reason.clone()),
                        updated_at: Set(now),
                        version: Set(row.version + 1),
                        ..Default::default()
                    })
                    .filter(advice::Column::Id.eq(row.id))
                    .filter(advice::Column::Version.eq(row.version))
                    .exec(txn)
                    .await?;
                if done.rows_affected != 1 {
                    return Err(QualityError::Conflict);
                }
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

/// The words of a trigger in `lang`: what fired (the rule and its chart, or the index against
/// the target).
pub(super) fn trigger_text(lang: Lang, t: &Trigger) -> String {
    let i18n = I18n::get();
    match t {
        Trigger::Violation { chart, rule } => {
            let panel = match chart {
                Chart::Primary => "quality-panel-primary",
                Chart::Dispersion => "quality-panel-secondary",
            };
            format!(
                "{} — {}",
                i18n.t(
                    lang,
                    &format!("quality-rule-{}", rule.code().replace('_', "-"))
                ),
                i18n.t(lang, panel)
            )
        }
        Trigger::Capability {
            estimate, target, ..
        } => {
            let digits = |x: f64| tashil_text::digits::localize_digits(&format!("{x:.2}"), lang);
            i18n.t_args(
                lang,
                &format!("quality-advice-trigger-{}", t.code().replace('_', "-")),
                &[
                    ("estimate", digits(*estimate).into()),
                    ("target", digits(*target).into()),
                ],
            )
        }
    }
}

/// The points of an advice as words: `12` or `6–11`, each finding once, in digits of `lang`.
pub(super) fn points_text(lang: Lang, findings: &[Points]) -> String {
    let text = findings
        .iter()
        .map(|p| {
            if p.first == p.point {
                (p.point + 1).to_string()
            } else {
                format!("{}–{}", p.first + 1, p.point + 1)
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    tashil_text::digits::localize_digits(&text, lang)
}

fn lang_of(r: &Recipient) -> Lang {
    Lang::parse(&r.lang).unwrap_or(Lang::Fa)
}

/// Queues one message per recipient, its words in the recipient's language.
async fn queue_each<C: ConnectionTrait>(
    txn: &C,
    to: &[Recipient],
    kind: MailKind,
    args: impl Fn(Lang) -> serde_json::Value,
) -> Result<(), QualityError> {
    for r in to {
        mail::queue(txn, std::slice::from_ref(r), kind, &args(lang_of(r))).await?;
    }
    Ok(())
}

async fn mail_new<C: ConnectionTrait>(
    txn: &C,
    id: i64,
    m: &characteristic::Model,
    a: &Advice,
    th: &Thresholds,
    cal: &WorkCalendar,
) -> Result<(), QualityError> {
    let Some(org) = crate::registry::lookup::holder(txn, m.unit_id)
        .await?
        .and_then(|u| u.organisation_id)
    else {
        return Ok(());
    };
    let to = recipients::of_organisation(txn, org).await?;
    let due = answer_due(th, cal, a).map(|d| d.date.to_string());
    queue_each(txn, &to, QUALITY_ADVICE, |lang| {
        json!({
            "characteristic": m.code,
            "name": m.name,
            "trigger": trigger_text(lang, &a.trigger),
            "points": points_text(lang, &a.findings),
            "check": I18n::get().t(lang, &a.trigger.suggested_check_key()),
            "deadline": due,
            "path": format!("/quality/advice/{id}"),
        })
    })
    .await
}

/// The audit entry and the province's message of an escalation (`actor` when a batch caused
/// it, `None` for the job).
async fn escalated_audit_and_mail<C: ConnectionTrait>(
    txn: &C,
    actor: Option<&Actor>,
    id: i64,
    m: &characteristic::Model,
    a: &Advice,
    reason: EscalationReason,
) -> Result<(), QualityError> {
    let change = match actor {
        Some(actor) => Change::by(actor, "quality.advice.escalate", "quality_advice", id),
        None => Change::system("job", "quality.advice.escalate", "quality_advice", id),
    };
    audit::record(
        txn,
        change.after(json!({"reason": reason.as_str(), "escalated_on": a.escalated.map(|e| e.0)})),
    )
    .await?;
    let unit = crate::registry::lookup::holder(txn, m.unit_id).await?;
    let to = recipients::secretariat(txn, &m.province_code).await?;
    queue_each(txn, &to, QUALITY_ADVICE_ESCALATED, |lang| {
        let name = unit
            .as_ref()
            .map(|u| u.names[lang_index(lang)].clone())
            .unwrap_or_default();
        json!({
            "unit": name,
            "characteristic": m.code,
            "name": m.name,
            "trigger": trigger_text(lang, &a.trigger),
            "reason": I18n::get().t(lang, &format!("quality-advice-reason-{}", reason.as_str())),
            "path": format!("/quality/advice/{id}"),
        })
    })
    .await
}

/// The index of a language in a three-name array (fa, vi, en), falling back as names do.
fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Fa => 0,
        Lang::Vi => 1,
        Lang::En => 2,
    }
}

/// Escalates the advice left unanswered past its day (each decided on its province's day
/// with that province's thresholds and calendar); returns how many this node escalated.
pub async fn escalate_due(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<u64, QualityError> {
    // An advice escalates at the earliest two calendar days after it opened (one working
    // day to answer, then the next): younger ones never fill a batch.
    let latest = ["IR", "VN"]
        .map(|c| local_date(c, now))
        .into_iter()
        .max()
        .unwrap_or(now.date_naive());
    let horizon = latest.pred_opt().unwrap_or(latest);
    let rows = advice::Entity::find()
        .filter(advice::Column::EscalatedOn.is_null())
        .filter(advice::Column::State.is_in([State::Open.as_str(), State::Acknowledged.as_str()]))
        .filter(advice::Column::OpenedOn.lt(horizon))
        .order_by_asc(advice::Column::OpenedOn)
        .order_by_asc(advice::Column::Id)
        .limit(BATCH)
        .all(db)
        .await?;
    let mut by_province: HashMap<String, (Thresholds, WorkCalendar)> = HashMap::new();
    let mut done = 0;
    for row in rows {
        if !by_province.contains_key(&row.province_code) {
            let th = thresholds_for(db, &row.province_code).await?;
            let cal = office_calendar(db, &row.province_code).await?;
            by_province.insert(row.province_code.clone(), (th, cal));
        }
        let (th, cal) = &by_province[&row.province_code];
        let today: NaiveDate = local_date(&row.province_code, now);
        let Some(mut a) = to_model(&row) else {
            continue;
        };
        if decide(th, cal, &a, today, a.subgroups_since()) != Some(EscalationReason::Unanswered) {
            continue;
        }
        if a.escalate(today, EscalationReason::Unanswered).is_err() {
            continue;
        }
        let tx = crate::db::begin_write(db).await?;
        // Claimed at the version read: another node (or the unit answering) got there first.
        let claimed = advice::Entity::update_many()
            .col_expr(advice::Column::EscalatedOn, Expr::value(Some(today)))
            .col_expr(
                advice::Column::EscalationReason,
                Expr::value(Some(EscalationReason::Unanswered.as_str())),
            )
            .col_expr(advice::Column::UpdatedAt, Expr::value(now))
            .col_expr(advice::Column::Version, Expr::value(row.version + 1))
            .filter(advice::Column::Id.eq(row.id))
            .filter(advice::Column::Version.eq(row.version))
            .filter(advice::Column::EscalatedOn.is_null())
            .exec(&tx)
            .await?;
        if claimed.rows_affected != 1 {
            tx.rollback().await?;
            continue;
        }
        let Some(m) = characteristic::Entity::find_by_id(row.characteristic_id)
            .one(&tx)
            .await?
        else {
            tx.rollback().await?;
            continue;
        };
        escalated_audit_and_mail(&tx, None, row.id, &m, &a, EscalationReason::Unanswered).await?;
        tx.commit().await?;
        done += 1;
    }
    Ok(done)
}

pub(super) fn job(db: &DatabaseConnection, now: DateTime<Utc>) -> crate::jobs::JobRun<'_> {
    Box::pin(async move { Ok(escalate_due(db, now).await? as usize) })
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

    #[test]
    fn points_are_counted_from_one_in_the_readers_digits() {
        let f = [
            Points { first: 4, point: 4 },
            Points {
                first: 6,
                point: 11,
            },
        ];
        assert_eq!(points_text(Lang::En, &f), "5, 7–12");
        assert_eq!(points_text(Lang::Fa, &f[..1]), "۵");
    }

    #[test]
    fn every_trigger_has_its_words_and_its_check_in_every_language() {
        let i18n = I18n::get();
        let mut triggers: Vec<Trigger> = Rule::ALL
            .into_iter()
            .map(|rule| Trigger::Violation {
                chart: Chart::Primary,
                rule,
            })
            .collect();
        for index in [
            CapabilityIndex::Cp,
            CapabilityIndex::Cpk,
            CapabilityIndex::Pp,
            CapabilityIndex::Ppk,
        ] {
            triggers.push(Trigger::Capability {
                index,
                estimate: 0.9,
                target: 1.33,
            });
        }
        for lang in Lang::ALL {
            for t in &triggers {
                assert!(i18n.has(lang, &t.suggested_check_key()), "{lang:?} {t:?}");
                let words = trigger_text(lang, t);
                assert!(!words.contains("quality-"), "{lang:?} {words}");
            }
            for r in ["unanswered", "persisting"] {
                assert!(i18n.has(lang, &format!("quality-advice-reason-{r}")));
            }
        }
    }
}
