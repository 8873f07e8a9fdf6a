//! A licence after issue: an office of its province or the national body suspends, revokes or
//! lifts it, stating why and under which provision; a job expires it after its last valid day
//! in its province's calendar. Each change is written under the licence's version with an event
//! (the fast track reads a unit's suspensions from the events) and an audit entry.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde_json::json;

use super::entity::{licence, licence_event};
use super::error::LicensingError;
use super::model::lifecycle::expires;
use super::model::{Grounds, LicenceMove, LicenceStatus};
use super::register;
use super::register_view::{LicenceActionInput, LicenceEntry};
use crate::access::Actor;
use crate::access::licensing as rules;
use crate::audit::{self, Change};
use crate::kernel::{clock, stored};

/// Licences expired per pass: the rest wait for the next tick.
const BATCH: u64 = 500;

fn status_of(l: &licence::Model) -> Result<LicenceStatus, sea_orm::DbErr> {
    stored("licence status", &l.status, LicenceStatus::parse)
}

fn parse(input: &LicenceActionInput) -> Result<LicenceMove, LicensingError> {
    let grounds = || Grounds::new(&input.reason, &input.legal_basis);
    Ok(match input.action.as_str() {
        "suspend" => LicenceMove::Suspend(grounds()?),
        "revoke" => LicenceMove::Revoke(grounds()?),
        "lift" => LicenceMove::Lift,
        _ => return Err(LicensingError::invalid("action", "invalid_choice")),
    })
}

/// Moves licence `l` from `from` to `to` unless another node or person changed it first.
#[allow(clippy::too_many_arguments)]
async fn write<C: ConnectionTrait>(
    tx: &C,
    l: &licence::Model,
    to: LicenceStatus,
    kind: &str,
    grounds: Option<&Grounds>,
    actor: Option<&Actor>,
    now: DateTime<Utc>,
) -> Result<bool, LicensingError> {
    let mut upd = licence::Entity::update_many()
        .col_expr(licence::Column::Status, Expr::value(to.as_str()))
        .col_expr(licence::Column::UpdatedAt, Expr::value(now))
        .col_expr(licence::Column::Version, Expr::value(l.version + 1));
    // A lift keeps the grounds of the suspension on record in its event, not on the licence.
    if grounds.is_some() || kind == "lifted" {
        upd = upd
            .col_expr(
                licence::Column::StatusReason,
                Expr::value(grounds.map(|g| g.reason.clone())),
            )
            .col_expr(
                licence::Column::LegalBasis,
                Expr::value(grounds.map(|g| g.legal_basis.clone())),
            );
    }
    let res = upd
        .filter(licence::Column::Id.eq(l.id))
        .filter(licence::Column::Version.eq(l.version))
        .exec(tx)
        .await?;
    if res.rows_affected != 1 {
        return Ok(false);
    }
    licence_event::ActiveModel {
        licence_id: Set(l.id),
        unit_id: Set(l.unit_id),
        kind: Set(kind.to_owned()),
        reason: Set(grounds.map(|g| g.reason.clone())),
        legal_basis: Set(grounds.map(|g| g.legal_basis.clone())),
        actor_user_id: Set(actor.map(Actor::user_id)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    crate::credentials::licence_status_changed(tx, l.id, to.as_str(), now).await?;
    let action = format!("licence.{kind}");
    let change = match actor {
        Some(a) => Change::by(a, &action, "licence", l.id),
        None => Change::system("job", &action, "licence", l.id),
    };
    audit::record(
        tx,
        change
            .before(json!({"status": &l.status, "number": &l.number}))
            .after(json!({"status": to.as_str(), "grounds": grounds})),
    )
    .await?;
    Ok(true)
}

/// An office's decision on licence `id`.
pub async fn act(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    input: &LicenceActionInput,
    now: DateTime<Utc>,
) -> Result<LicenceEntry, LicensingError> {
    let tx = crate::db::begin_write(db).await?;
    let l = licence::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or(LicensingError::NotFound)?;
    rules::authorize_licence_action(actor, &l.province_code)?;
    let mv = parse(input)?;
    let today = clock::local_date(&l.province_code, now);
    let to = mv
        .apply(status_of(&l)?, l.valid_until, today)
        .map_err(|r| LicensingError::Conflict(r.code()))?;
    if !write(&tx, &l, to, mv.event(), mv.grounds(), Some(actor), now).await? {
        return Err(LicensingError::Conflict(super::error::LICENCE_CHANGED));
    }
    tx.commit().await?;
    register::get(db, id).await
}

/// Expires every licence whose last valid day is behind it at `now` in its province's
/// calendar; returns how many this node expired (two nodes expire each licence once).
pub async fn expire(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<u64, LicensingError> {
    let mut done = 0;
    for country in ["IR", "VN"] {
        let today = clock::local_date(country, now);
        let due = licence::Entity::find()
            .filter(
                licence::Column::Status.is_in(LicenceStatus::EXPIRING.iter().map(|s| s.as_str())),
            )
            .filter(licence::Column::ValidUntil.lt(today))
            .filter(licence::Column::ProvinceCode.starts_with(format!("{country}-")))
            .order_by_asc(licence::Column::ValidUntil)
            .limit(BATCH)
            .all(db)
            .await?;
        for l in due {
            if !expires(status_of(&l)?, l.valid_until, today) {
                continue;
            }
            let tx = crate::db::begin_write(db).await?;
            if write(&tx, &l, LicenceStatus::Expired, "expired", None, None, now).await? {
                tx.commit().await?;
                done += 1;
            }
        }
    }
    Ok(done)
}

pub(super) fn expire_job(db: &DatabaseConnection, now: DateTime<Utc>) -> crate::jobs::JobRun<'_> {
    Box::pin(async move { Ok(expire(db, now).await? as usize) })
}

/// What supervision's ladder does to a licence (issue 21).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sanction {
    Suspend,
    Revoke,
}

/// Supervision's measure on a licence: suspends or revokes licence `id` of unit `unit_id`
/// on `reason` under `legal_basis`, in the caller's transaction `tx` (the measure and the
/// licence's change commit together or not at all). A licence of another unit, or out of the
/// actor's reach, is absent; a move its status forbids is a conflict naming why. The event,
/// the credential's status bit and the audit entry are written as `act` writes them.
#[allow(clippy::too_many_arguments)]
pub async fn sanction<C: ConnectionTrait>(
    tx: &C,
    actor: &Actor,
    id: i64,
    unit_id: i64,
    what: Sanction,
    reason: &str,
    legal_basis: &str,
    now: DateTime<Utc>,
) -> Result<(), LicensingError> {
    let l = licence::Entity::find_by_id(id)
        .filter(licence::Column::UnitId.eq(unit_id))
        .one(tx)
        .await?
        .ok_or(LicensingError::NotFound)?;
    rules::authorize_licence_action(actor, &l.province_code)
        .map_err(|_| LicensingError::NotFound)?;
    let grounds = Grounds::new(reason, legal_basis).map_err(LicensingError::Invalid)?;
    let mv = match what {
        Sanction::Suspend => LicenceMove::Suspend(grounds),
        Sanction::Revoke => LicenceMove::Revoke(grounds),
    };
    let today = clock::local_date(&l.province_code, now);
    let to = mv
        .apply(status_of(&l)?, l.valid_until, today)
        .map_err(|r| LicensingError::Conflict(r.code()))?;
    if !write(tx, &l, to, mv.event(), mv.grounds(), Some(actor), now).await? {
        return Err(LicensingError::Conflict(super::error::LICENCE_CHANGED));
    }
    Ok(())
}
