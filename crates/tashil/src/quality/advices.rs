//! The advice desk's use cases: the unit's advice (from the day it opens) and the province's
//! quality queue (escalated advice only: before that an advice is absent, 404, for the
//! office), one advice with what its page says in advance, and the unit's acknowledgement,
//! answer and closing, or the office's closing once escalated. Each move is written at the
//! version read (a race answers 409) and audited in its transaction.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Select, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::advice_row::{thresholds_for, to_model};
use super::entity::{advice, characteristic};
use super::error::QualityError;
use super::model::advice::{Advice, AnswerDraft, State, Trigger};
use super::model::escalation::outlook;
use crate::access::Actor;
use crate::access::quality::{self as rules, QualityReach, QualityScope};
use crate::audit::{self, Change};
use crate::kernel::Paging;
use crate::kernel::clock::local_date;
use crate::kernel::save_at_version;

/// Advice a page of a list shows.
pub(super) const PAGE: u64 = 50;

/// The scoped select every read of advice starts from: the unit's own; the office's (a
/// province's, or the national body's) escalated ones only.
fn scoped(scope: &QualityScope) -> Select<advice::Entity> {
    let q = advice::Entity::find();
    match scope.reach() {
        QualityReach::All => q.filter(advice::Column::EscalatedOn.is_not_null()),
        QualityReach::Province(p) => q
            .filter(advice::Column::ProvinceCode.eq(p.as_str()))
            .filter(advice::Column::EscalatedOn.is_not_null()),
        QualityReach::Organisation(o) => q.filter(
            advice::Column::UnitId.in_subquery(crate::registry::lookup::units_of_organisation(*o)),
        ),
    }
}

/// A list's filter: a state (`open`, `acknowledged`, `answered`, `closed`; anything else is
/// every state) and a page.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct AdviceFilter {
    pub state: Option<String>,
    pub page: Option<u64>,
}

/// Subgroups an advice names (positions in the series, from 0).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PointsView {
    pub first: u64,
    pub point: u64,
}

/// What the page says in advance.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OutlookView {
    /// Answer by this day (the unit's province's) to be on time.
    pub answer_due: Option<NaiveDate>,
    /// The year's official calendar is not known yet: a holiday may still move the day.
    pub provisional: bool,
    /// Unanswered, it goes to the provincial office on this day.
    pub escalates_on: Option<NaiveDate>,
    /// Found again at this subgroup (position in the series) or later, it goes at once.
    pub escalates_at_subgroup: Option<u64>,
}

/// One event of an advice's history.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EventView {
    pub on: NaiveDate,
    /// opened, acknowledged, answered, escalated, closed.
    pub event: String,
}

/// An advice as its readers see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AdviceView {
    pub id: i64,
    pub characteristic_id: i64,
    pub characteristic_code: String,
    pub characteristic_name: String,
    pub unit_id: i64,
    pub province_code: String,
    /// The trigger's stable code: a rule's (`beyond_limits`, …) or `capability_cpk`, ….
    pub code: String,
    /// violation or capability.
    pub kind: String,
    /// primary or dispersion (a violation).
    pub chart: Option<String>,
    /// The capability's estimate and the unit's target.
    pub estimate: Option<f64>,
    pub target: Option<f64>,
    pub state: String,
    pub opened_on: NaiveDate,
    pub acknowledged_on: Option<NaiveDate>,
    pub answered_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub cause: Option<String>,
    pub action: Option<String>,
    /// The finding that opened it, then each one attached.
    pub findings: Vec<PointsView>,
    pub escalated_on: Option<NaiveDate>,
    /// unanswered or persisting.
    pub escalation_reason: Option<String>,
    /// The message key of the check suggested to the unit.
    pub suggested_check: String,
    pub outlook: OutlookView,
    pub history: Vec<EventView>,
    pub version: i32,
    #[serde(skip)]
    pub(super) trigger: Option<Trigger>,
}

/// A page of advice.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AdviceList {
    pub items: Vec<AdviceView>,
    pub page: u64,
    pub has_next: bool,
}

fn internal(e: impl ToString) -> QualityError {
    QualityError::Db(sea_orm::DbErr::Custom(e.to_string()))
}

fn model_of(row: &advice::Model) -> Result<Advice, QualityError> {
    to_model(row).ok_or_else(|| internal(format!("advice {} unreadable", row.id)))
}

fn history(a: &Advice) -> Vec<EventView> {
    let mut out: Vec<EventView> = [
        Some((a.opened_on, "opened")),
        a.acknowledged_on.map(|d| (d, "acknowledged")),
        a.answer.as_ref().map(|x| (x.on, "answered")),
        a.escalated.map(|(d, _)| (d, "escalated")),
        a.closed_on.map(|d| (d, "closed")),
    ]
    .into_iter()
    .flatten()
    .map(|(on, e)| EventView {
        on,
        event: e.to_string(),
    })
    .collect();
    // Stable: on one day, in the order above.
    out.sort_by_key(|e| e.on);
    out
}

async fn views<C: ConnectionTrait>(
    db: &C,
    rows: Vec<advice::Model>,
) -> Result<Vec<AdviceView>, QualityError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.characteristic_id).collect();
    let chars: std::collections::HashMap<i64, characteristic::Model> =
        characteristic::Entity::find()
            .filter(characteristic::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
    let mut provinces = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let a = model_of(&row)?;
        if !provinces.contains_key(&row.province_code) {
            let th = thresholds_for(db, &row.province_code).await?;
            let cal = super::advice_desk::office_calendar(db, &row.province_code).await?;
            provinces.insert(row.province_code.clone(), (th, cal));
        }
        let (th, cal) = &provinces[&row.province_code];
        let o = outlook(th, cal, &a);
        let c = chars.get(&row.characteristic_id);
        let (kind, chart, estimate, target) = match &a.trigger {
            Trigger::Violation { chart, .. } => (
                "violation",
                Some(
                    match chart {
                        super::model::advice::Chart::Primary => "primary",
                        super::model::advice::Chart::Dispersion => "dispersion",
                    }
                    .to_string(),
                ),
                None,
                None,
            ),
            Trigger::Capability {
                estimate, target, ..
            } => ("capability", None, Some(*estimate), Some(*target)),
        };
        out.push(AdviceView {
            id: row.id,
            characteristic_id: row.characteristic_id,
            characteristic_code: c.map(|c| c.code.clone()).unwrap_or_default(),
            characteristic_name: c.map(|c| c.name.clone()).unwrap_or_default(),
            unit_id: row.unit_id,
            province_code: row.province_code.clone(),
            code: row.code.clone(),
            kind: kind.into(),
            chart,
            estimate,
            target,
            state: row.state.clone(),
            opened_on: row.opened_on,
            acknowledged_on: row.acknowledged_on,
            answered_on: row.answered_on,
            closed_on: row.closed_on,
            cause: row.cause.clone(),
            action: row.action.clone(),
            findings: a
                .findings
                .iter()
                .map(|p| PointsView {
                    first: p.first,
                    point: p.point,
                })
                .collect(),
            escalated_on: row.escalated_on,
            escalation_reason: row.escalation_reason.clone(),
            suggested_check: a.trigger.suggested_check_key(),
            outlook: OutlookView {
                answer_due: o.answer_due.map(|d| d.date),
                provisional: o.answer_due.is_some_and(|d| d.provisional)
                    || o.escalates_on.is_some_and(|d| d.provisional),
                escalates_on: o.escalates_on.map(|d| d.date),
                escalates_at_subgroup: o.escalates_at_subgroup,
            },
            history: history(&a),
            version: row.version,
            trigger: Some(a.trigger),
        });
    }
    Ok(out)
}

async fn page_of(
    db: &DatabaseConnection,
    q: Select<advice::Entity>,
    f: &AdviceFilter,
    newest_escalated_first: bool,
) -> Result<AdviceList, QualityError> {
    let paging = Paging::fixed(f.page, PAGE);
    let mut q = q;
    if let Some(s) = f.state.as_deref().and_then(State::parse) {
        q = q.filter(advice::Column::State.eq(s.as_str()));
    }
    if newest_escalated_first {
        q = q.order_by_desc(advice::Column::EscalatedOn);
    }
    let mut rows = q
        .order_by_desc(advice::Column::Id)
        .offset(paging.offset())
        .limit(PAGE + 1)
        .all(db)
        .await?;
    let has_next = rows.len() as u64 > PAGE;
    rows.truncate(PAGE as usize);
    Ok(AdviceList {
        items: views(db, rows).await?,
        page: paging.page(),
        has_next,
    })
}

/// The advice the actor reads: its unit's (every state), or for the office the escalated.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    f: &AdviceFilter,
) -> Result<AdviceList, QualityError> {
    let scope = rules::scope(actor)?;
    let office = rules::reads_as_office(&scope);
    page_of(db, scoped(&scope), f, office).await
}

/// The province's quality queue: its escalated advice (all provinces' for the national
/// body), the latest escalated first. Not a unit's page (403).
pub async fn queue(
    db: &DatabaseConnection,
    actor: &Actor,
    f: &AdviceFilter,
) -> Result<AdviceList, QualityError> {
    if !rules::works_on_queue(actor) {
        return Err(crate::access::Denied::Forbidden.into());
    }
    let scope = rules::scope(actor)?;
    page_of(db, scoped(&scope), f, true).await
}

/// The advice of a characteristic not closed yet, as the actor may read them.
pub async fn of_characteristic(
    db: &DatabaseConnection,
    actor: &Actor,
    characteristic_id: i64,
) -> Result<Vec<AdviceView>, QualityError> {
    let scope = rules::scope(actor)?;
    let rows = scoped(&scope)
        .filter(advice::Column::CharacteristicId.eq(characteristic_id))
        .filter(advice::Column::State.ne(State::Closed.as_str()))
        .order_by_desc(advice::Column::Id)
        .limit(PAGE)
        .all(db)
        .await?;
    views(db, rows).await
}

async fn read<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
) -> Result<advice::Model, QualityError> {
    let scope = rules::scope(actor)?;
    scoped(&scope)
        .filter(advice::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(QualityError::NotFound)
}

/// Advice `id`, if the actor may read it (else absent: 404).
pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
) -> Result<AdviceView, QualityError> {
    let row = read(db, actor, id).await?;
    Ok(views(db, vec![row]).await?.remove(0))
}

/// A move on an advice, as the unit or the office asks it.
#[derive(Debug, Clone)]
pub enum Move {
    Acknowledge,
    Answer(AnswerDraft),
    Close,
}

impl Move {
    fn action(&self) -> &'static str {
        match self {
            Move::Acknowledge => "quality.advice.acknowledge",
            Move::Answer(_) => "quality.advice.answer",
            Move::Close => "quality.advice.close",
        }
    }
}

/// Applies `mv` to advice `id`, read at `version` when given (someone else's change first:
/// 409). Acknowledge and answer: the unit's users. Close: the unit's users once answered and
/// not escalated; the province's officers (or the national body) once escalated.
pub async fn act(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    version: Option<i32>,
    mv: Move,
    now: DateTime<Utc>,
) -> Result<AdviceView, QualityError> {
    let txn = crate::db::begin_write(db).await?;
    let row = read(&txn, actor, id).await?;
    let by_unit = rules::authorize_manage(actor).is_ok();
    if !by_unit {
        let grant = rules::authorize_office(actor)?;
        if !matches!(mv, Move::Close) || !grant.covers(&row.province_code) {
            return Err(crate::access::Denied::Forbidden.into());
        }
    }
    if version.is_some_and(|v| v != row.version) {
        return Err(QualityError::Conflict);
    }
    let today = local_date(&row.province_code, now);
    let mut a = model_of(&row)?;
    let before = json!({"state": row.state, "version": row.version});
    let refused = |_| QualityError::Conflict;
    match &mv {
        Move::Acknowledge => a.acknowledge(today).map_err(refused)?,
        Move::Answer(d) => {
            let answer = d.validate(today).map_err(QualityError::Invalid)?;
            a.answer(answer).map_err(refused)?
        }
        Move::Close => {
            // Once escalated, the office decides when it is over.
            if by_unit && a.escalated.is_some() {
                return Err(QualityError::Conflict);
            }
            a.close(today).map_err(refused)?
        }
    }
    let answered_by = match mv {
        Move::Answer(_) => Some(actor.user_id()),
        _ => row.answered_by,
    };
    let update = advice::Entity::update_many()
        .set(advice::ActiveModel {
            state: Set(a.state.as_str().to_owned()),
            acknowledged_on: Set(a.acknowledged_on),
            answered_on: Set(a.answer.as_ref().map(|x| x.on)),
            cause: Set(a.answer.as_ref().map(|x| x.cause.clone())),
            action: Set(a.answer.as_ref().map(|x| x.action.clone())),
            answered_by: Set(answered_by),
            closed_on: Set(a.closed_on),
            updated_at: Set(now),
            ..Default::default()
        })
        .filter(advice::Column::Id.eq(row.id));
    save_at_version(&txn, update, advice::Column::Version, row.version).await?;
    audit::record(
        &txn,
        Change::by(actor, mv.action(), "quality_advice", row.id)
            .before(before)
            .after(json!({
                "state": a.state.as_str(), "version": row.version + 1,
                "cause": a.answer.as_ref().map(|x| &x.cause),
                "action": a.answer.as_ref().map(|x| &x.action),
            })),
    )
    .await?;
    let row = read(&txn, actor, id).await?;
    let out = views(&txn, vec![row]).await?.remove(0);
    txn.commit().await?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quality::model::advice::{Answer, EscalationReason, Points};

    #[test]
    fn the_history_follows_the_days_in_the_order_of_the_moves() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
        let mut a = Advice::open(
            1,
            Trigger::Violation {
                chart: super::super::model::advice::Chart::Primary,
                rule: tashil_spc::Rule::BeyondLimits,
            },
            Points { first: 3, point: 3 },
            d(1),
        );
        a.escalate(d(9), EscalationReason::Unanswered).unwrap();
        a.answer(Answer {
            cause: "c".into(),
            action: "a".into(),
            on: d(9),
        })
        .unwrap();
        let h: Vec<(u32, String)> = history(&a)
            .into_iter()
            .map(|e| (chrono::Datelike::day(&e.on), e.event))
            .collect();
        assert_eq!(
            h,
            vec![
                (1, "opened".into()),
                (9, "acknowledged".into()),
                (9, "answered".into()),
                (9, "escalated".into()),
            ]
        );
    }
}
