//! An advice as stored (m0046) and as the model knows it, both ways, and the escalation
//! thresholds in force for a province: its own row, else its country's, else the defaults.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use super::entity::{advice, thresholds};
use super::model::advice::{Advice, Answer, EscalationReason, Points, State, Trigger};
use super::model::escalation::Thresholds;

/// The model of a stored advice; `None` if a stored value no longer parses (a row written
/// by a later version), which callers treat as a fault.
pub(crate) fn to_model(row: &advice::Model) -> Option<Advice> {
    let trigger: Trigger = serde_json::from_str(&row.trigger).ok()?;
    let findings: Vec<Points> = serde_json::from_str(&row.findings).ok()?;
    if findings.is_empty() {
        return None;
    }
    let answer = match (&row.cause, &row.action, row.answered_on) {
        (Some(cause), Some(action), Some(on)) => Some(Answer {
            cause: cause.clone(),
            action: action.clone(),
            on,
        }),
        _ => None,
    };
    let escalated = match (row.escalated_on, row.escalation_reason.as_deref()) {
        (Some(on), Some("unanswered")) => Some((on, EscalationReason::Unanswered)),
        (Some(on), Some("persisting")) => Some((on, EscalationReason::Persisting)),
        (None, None) => None,
        _ => return None,
    };
    Some(Advice {
        characteristic: row.characteristic_id,
        trigger,
        state: State::parse(&row.state)?,
        opened_on: row.opened_on,
        findings,
        acknowledged_on: row.acknowledged_on,
        answer,
        closed_on: row.closed_on,
        escalated,
    })
}

/// The columns an advice's model sets (the row's ids, who answered and the bookkeeping
/// columns are the writer's).
pub(crate) struct AdviceColumns {
    pub code: String,
    pub trigger: String,
    pub state: String,
    pub findings: String,
    pub first_point: i64,
    pub last_point: i64,
    pub escalation_reason: Option<String>,
}

pub(crate) fn columns_of(a: &Advice) -> AdviceColumns {
    let point = |p: u64| i64::try_from(p).unwrap_or(i64::MAX);
    AdviceColumns {
        code: a.trigger.code().to_owned(),
        trigger: serde_json::to_string(&a.trigger).expect("a trigger serialises"),
        state: a.state.as_str().to_owned(),
        findings: serde_json::to_string(&a.findings).expect("points serialise"),
        first_point: point(a.first_point()),
        last_point: point(a.last_point()),
        escalation_reason: a.escalated.map(|(_, r)| r.as_str().to_owned()),
    }
}

/// The thresholds in force for `province` (`IR-28`): the province's row, else its
/// country's (`IR`), else [`Thresholds::default`].
pub(crate) async fn thresholds_for<C: ConnectionTrait>(
    db: &C,
    province: &str,
) -> Result<Thresholds, DbErr> {
    let country = province.get(..2).unwrap_or(province);
    let rows = thresholds::Entity::find()
        .filter(thresholds::Column::Scope.is_in([province, country]))
        .all(db)
        .await?;
    let pick = rows
        .iter()
        .find(|r| r.scope == province)
        .or_else(|| rows.iter().find(|r| r.scope == country));
    Ok(pick.map_or_else(Thresholds::default, |r| Thresholds {
        answer_working_days: u32::try_from(r.answer_working_days).unwrap_or(1),
        persisting_subgroups: u64::try_from(r.persisting_subgroups).unwrap_or(1),
    }))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::quality::model::advice::Chart;

    fn row_of(a: &Advice) -> advice::Model {
        let c = columns_of(a);
        let now = chrono::Utc::now();
        advice::Model {
            id: 1,
            characteristic_id: a.characteristic,
            unit_id: 2,
            province_code: "IR-28".into(),
            code: c.code,
            trigger: c.trigger,
            state: c.state,
            opened_on: a.opened_on,
            acknowledged_on: a.acknowledged_on,
            answered_on: a.answer.as_ref().map(|x| x.on),
            closed_on: a.closed_on,
            cause: a.answer.as_ref().map(|x| x.cause.clone()),
            action: a.answer.as_ref().map(|x| x.action.clone()),
            answered_by: None,
            findings: c.findings,
            first_point: c.first_point,
            last_point: c.last_point,
            escalated_on: a.escalated.map(|e| e.0),
            escalation_reason: c.escalation_reason,
            created_at: now,
            updated_at: now,
            version: 1,
        }
    }

    #[test]
    fn an_advice_reads_back_as_it_was_written() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let mut a = Advice::open(
            7,
            Trigger::Violation {
                chart: Chart::Primary,
                rule: tashil_spc::Rule::BeyondLimits,
            },
            Points { first: 4, point: 4 },
            day(1),
        );
        assert_eq!(to_model(&row_of(&a)), Some(a.clone()));
        a.attach(Points {
            first: 9,
            point: 12,
        })
        .unwrap();
        a.answer(Answer {
            cause: "ابزار کالیبره نبود".into(),
            action: "کالیبراسیون".into(),
            on: day(3),
        })
        .unwrap();
        a.escalate(day(5), EscalationReason::Persisting).unwrap();
        let back = to_model(&row_of(&a)).unwrap();
        assert_eq!(back, a);
        assert_eq!(row_of(&a).last_point, 12);
    }
}
