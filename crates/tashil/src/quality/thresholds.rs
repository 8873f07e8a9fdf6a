//! The escalation thresholds as data: a country's default (`IR`, `VN`) and a province's own
//! (`IR-28`), set by the national administrator, each change checked by field
//! (`Thresholds::validate`) and audited with what it replaced.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::entity::thresholds;
use super::error::QualityError;
use super::model::escalation::Thresholds;
use crate::access::Actor;
use crate::access::quality as rules;
use crate::audit::{self, Change};
use crate::kernel::FieldError;
use crate::kernel::save_at_version;

/// Thresholds as typed or sent: numbers, or text of digits in any script.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ThresholdsDraft {
    /// Working days the unit has to answer (1 to 60).
    #[schema(value_type = String)]
    pub answer_working_days: serde_json::Value,
    /// Subgroups after the opening one at which a persisting problem escalates (1 to 1000).
    #[schema(value_type = String)]
    pub persisting_subgroups: serde_json::Value,
    /// The version read, if any: someone else's change first answers 409.
    pub version: Option<i32>,
}

/// A scope's thresholds as stored (or the defaults, `version` 0, where none is).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ThresholdsView {
    /// A country (`IR`, `VN`) or a province (`IR-28`).
    pub scope: String,
    pub answer_working_days: u32,
    pub persisting_subgroups: u64,
    pub version: i32,
    pub updated_at: Option<DateTime<Utc>>,
}

fn number(field: &str, v: &serde_json::Value, errs: &mut Vec<FieldError>) -> Option<i64> {
    let text = match v {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => tashil_text::digits::to_ascii_digits(s.trim()),
        serde_json::Value::Null => String::new(),
        _ => {
            errs.push(FieldError::new(field, "invalid_number"));
            return None;
        }
    };
    if text.is_empty() {
        errs.push(FieldError::new(field, "required"));
        return None;
    }
    match text.parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => {
            errs.push(FieldError::new(field, "invalid_number"));
            None
        }
    }
}

/// The draft as thresholds, each problem named by its field.
pub(super) fn checked(d: &ThresholdsDraft) -> Result<Thresholds, Vec<FieldError>> {
    let mut errs = vec![];
    let days = number("answer_working_days", &d.answer_working_days, &mut errs);
    let subgroups = number("persisting_subgroups", &d.persisting_subgroups, &mut errs);
    // Out of the type's range is out of range too (0 is, and fails `validate`); a field that
    // did not read as a number is checked as 1, its own error already named.
    let th = Thresholds {
        answer_working_days: days.map_or(1, |n| u32::try_from(n).unwrap_or(0)),
        persisting_subgroups: subgroups.map_or(1, |n| u64::try_from(n).unwrap_or(0)),
    };
    // The model's `value_out_of_range` is worded for the clause units of conformity: here it
    // names the thresholds' own bounds.
    if let Err(range) = th.validate() {
        errs.extend(
            range
                .into_iter()
                .map(|e| FieldError::new(e.field, "threshold_out_of_range")),
        );
    }
    if !errs.is_empty() {
        errs.sort_by_key(|e| e.field != "answer_working_days");
        return Err(errs);
    }
    Ok(th)
}

/// Whether `scope` names a country or a province of one.
pub(super) fn known_scope(scope: &str) -> bool {
    matches!(scope, "IR" | "VN") || tashil_reference::provinces::province(scope).is_some()
}

fn view(r: thresholds::Model) -> ThresholdsView {
    ThresholdsView {
        scope: r.scope,
        answer_working_days: u32::try_from(r.answer_working_days).unwrap_or(0),
        persisting_subgroups: u64::try_from(r.persisting_subgroups).unwrap_or(0),
        version: r.version,
        updated_at: Some(r.updated_at),
    }
}

/// Every scope's row: the two countries first (their defaults when none is stored), then each
/// province that set its own.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
) -> Result<Vec<ThresholdsView>, QualityError> {
    rules::authorize_thresholds(actor)?;
    let rows = thresholds::Entity::find()
        .order_by_asc(thresholds::Column::Scope)
        .all(db)
        .await?;
    let mut out = vec![];
    for country in ["IR", "VN"] {
        out.push(match rows.iter().find(|r| r.scope == country) {
            Some(r) => view(r.clone()),
            None => {
                let d = Thresholds::default();
                ThresholdsView {
                    scope: country.into(),
                    answer_working_days: d.answer_working_days,
                    persisting_subgroups: d.persisting_subgroups,
                    version: 0,
                    updated_at: None,
                }
            }
        });
    }
    out.extend(rows.into_iter().filter(|r| r.scope.len() > 2).map(view));
    Ok(out)
}

/// Sets `scope`'s thresholds (a new row, or the row at the version read).
pub async fn set(
    db: &DatabaseConnection,
    actor: &Actor,
    scope: &str,
    d: &ThresholdsDraft,
    now: DateTime<Utc>,
) -> Result<ThresholdsView, QualityError> {
    rules::authorize_thresholds(actor)?;
    let scope = scope.trim().to_uppercase();
    if !known_scope(&scope) {
        return Err(QualityError::invalid("scope", "unknown_province"));
    }
    let th = checked(d).map_err(QualityError::Invalid)?;
    let txn = crate::db::begin_write(db).await?;
    let existing = thresholds::Entity::find()
        .filter(thresholds::Column::Scope.eq(scope.as_str()))
        .one(&txn)
        .await?;
    let before = existing.as_ref().map(|r| {
        json!({"answer_working_days": r.answer_working_days,
            "persisting_subgroups": r.persisting_subgroups, "version": r.version})
    });
    let row = match existing {
        Some(r) => {
            if d.version.is_some_and(|v| v != r.version) {
                return Err(QualityError::Conflict);
            }
            let update = thresholds::Entity::update_many()
                .set(thresholds::ActiveModel {
                    answer_working_days: Set(th.answer_working_days as i32),
                    persisting_subgroups: Set(th.persisting_subgroups as i64),
                    updated_by: Set(actor.user_id()),
                    updated_at: Set(now),
                    ..Default::default()
                })
                .filter(thresholds::Column::Id.eq(r.id));
            save_at_version(&txn, update, thresholds::Column::Version, r.version).await?;
            thresholds::Entity::find_by_id(r.id)
                .one(&txn)
                .await?
                .ok_or(QualityError::Conflict)?
        }
        None => {
            if d.version.is_some_and(|v| v != 0) {
                return Err(QualityError::Conflict);
            }
            thresholds::ActiveModel {
                scope: Set(scope.clone()),
                answer_working_days: Set(th.answer_working_days as i32),
                persisting_subgroups: Set(th.persisting_subgroups as i64),
                updated_by: Set(actor.user_id()),
                created_at: Set(now),
                updated_at: Set(now),
                version: Set(1),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    audit::record(
        &txn,
        Change::by(
            actor,
            "quality.thresholds.set",
            "quality_thresholds",
            row.id,
        )
        .before(before.unwrap_or(serde_json::Value::Null))
        .after(
            json!({"scope": scope, "answer_working_days": th.answer_working_days,
                "persisting_subgroups": th.persisting_subgroups, "version": row.version}),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(view(row))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn draft(days: serde_json::Value, subgroups: serde_json::Value) -> ThresholdsDraft {
        ThresholdsDraft {
            answer_working_days: days,
            persisting_subgroups: subgroups,
            version: None,
        }
    }

    #[test]
    fn thresholds_are_read_in_any_digits_and_checked_by_field() {
        assert_eq!(
            checked(&draft(json!("۷"), json!(12))).unwrap(),
            Thresholds {
                answer_working_days: 7,
                persisting_subgroups: 12
            }
        );
        let errs = checked(&draft(json!(""), json!("x"))).unwrap_err();
        let got: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            got,
            [
                ("answer_working_days", "required"),
                ("persisting_subgroups", "invalid_number")
            ]
        );
        let errs = checked(&draft(json!(0), json!(-3))).unwrap_err();
        let got: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            got,
            [
                ("answer_working_days", "threshold_out_of_range"),
                ("persisting_subgroups", "threshold_out_of_range")
            ]
        );
        assert!(checked(&draft(json!(61), json!(1000))).is_err());
        assert!(known_scope("IR") && known_scope("IR-28") && !known_scope("IR-99"));
    }
}
