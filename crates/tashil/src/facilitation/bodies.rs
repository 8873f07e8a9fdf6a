//! The bodies that meet on cases: working groups, technical committees, councils,
//! headquarters and deregulation boards of a province (or of the nation), with their members'
//! seats (an agency's, or a private-sector one such as the chamber of commerce).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbErr, QueryOrder, Set};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::FacilitationError;
use super::entity::{body, pairs};
use super::model::BodyKind;
use crate::access::Actor;
use crate::access::facilitation as rules;
use crate::audit;
use crate::audit::Change;
use crate::db::settings::statement;

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct BodyDraft {
    pub kind: BodyKind,
    pub name_fa: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub name_vi: String,
    /// Member organisations and their seat: `agency` or `private` (chamber, associations).
    #[serde(default)]
    pub members: Vec<(i64, String)>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BodyView {
    pub id: i64,
    pub province: Option<String>,
    pub kind: BodyKind,
    pub name_fa: String,
    pub name_en: String,
    pub name_vi: String,
}

pub(super) fn body_view(b: body::Model) -> Result<BodyView, DbErr> {
    Ok(BodyView {
        id: b.id,
        kind: crate::kernel::stored("body kind", &b.kind, BodyKind::parse)?,
        province: b.province_code,
        name_fa: b.name_fa,
        name_en: b.name_en,
        name_vi: b.name_vi,
    })
}

/// Creates a body of the actor's province (a national one for the national administrator).
pub async fn create_body(
    db: &DatabaseConnection,
    actor: &Actor,
    d: &BodyDraft,
    now: DateTime<Utc>,
) -> Result<i64, FacilitationError> {
    let province = rules::secretariat_scope(actor)?
        .province()
        .map(str::to_owned);
    let name = |field, raw| super::model::optional_text(field, raw, 200);
    let (name_fa, name_en, name_vi) = (
        name("name_fa", &d.name_fa)?,
        name("name_en", &d.name_en)?,
        name("name_vi", &d.name_vi)?,
    );
    if name_fa.is_empty() && name_en.is_empty() && name_vi.is_empty() {
        return Err(FacilitationError::invalid("name_fa", "required"));
    }
    let txn = crate::db::begin_write(db).await?;
    let m = body::ActiveModel {
        province_code: Set(province),
        kind: Set(d.kind.as_str().to_string()),
        name_fa: Set(name_fa),
        name_en: Set(name_en),
        name_vi: Set(name_vi),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for (org, seat) in &d.members {
        check_member(&txn, actor, m.province_code.as_deref(), *org).await?;
        put_member(&txn, m.id, *org, Seat::parse(seat)).await?;
    }
    audit::record(
        &txn,
        Change::by(actor, "body.create", "facilitation_body", m.id)
            .after(json!({"kind": m.kind, "name_fa": m.name_fa, "members": d.members})),
    )
    .await?;
    txn.commit().await?;
    Ok(m.id)
}

/// Bodies the actor keeps the secretariat of.
pub async fn bodies(
    db: &DatabaseConnection,
    actor: &Actor,
) -> Result<Vec<BodyView>, FacilitationError> {
    let Ok(scope) = rules::secretariat_scope(actor) else {
        return Ok(vec![]);
    };
    Ok(super::query::kept_bodies(&scope)
        .order_by_asc(body::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(body_view)
        .collect::<Result<_, _>>()?)
}

/// A member's seat: an agency bound by resolutions, or a private-sector seat (the chamber of
/// commerce, an association) that also proposes agenda items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seat {
    Agency,
    Private,
}

impl Seat {
    pub fn parse(s: &str) -> Seat {
        if s.trim() == "private" {
            Seat::Private
        } else {
            Seat::Agency
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Seat::Agency => "agency",
            Seat::Private => "private",
        }
    }
}

/// Only an agency of the body's province (any, for a national body) sits on it.
async fn check_member<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    province: Option<&str>,
    org: i64,
) -> Result<(), FacilitationError> {
    let desk = rules::Desk::of_body(province);
    super::naming::nameable(db, actor, desk, org, "members", "invalid_member").await?;
    Ok(())
}

async fn put_member<C: ConnectionTrait>(
    db: &C,
    body_id: i64,
    org: i64,
    seat: Seat,
) -> Result<(), DbErr> {
    let b = db.get_database_backend();
    remove_member(db, body_id, org).await?;
    db.execute_raw(statement(
        b,
        &format!(
            "INSERT INTO {} (body_id, organisation_id, seat) VALUES (?, ?, ?)",
            pairs::BODY_MEMBERS
        ),
        [body_id.into(), org.into(), seat.as_str().into()],
    ))
    .await?;
    Ok(())
}

async fn remove_member<C: ConnectionTrait>(db: &C, body_id: i64, org: i64) -> Result<u64, DbErr> {
    let b = db.get_database_backend();
    Ok(db
        .execute_raw(statement(
            b,
            &format!(
                "DELETE FROM {} WHERE body_id = ? AND organisation_id = ?",
                pairs::BODY_MEMBERS
            ),
            [body_id.into(), org.into()],
        ))
        .await?
        .rows_affected())
}

/// Seats `org` on a body, or changes its seat; `None` takes it off. Past meetings keep
/// their attendance.
pub async fn set_member(
    db: &DatabaseConnection,
    actor: &Actor,
    body_id: i64,
    org: i64,
    seat: Option<Seat>,
) -> Result<(), FacilitationError> {
    let txn = crate::db::begin_write(db).await?;
    let bd = super::query::kept_body(&txn, &super::meetings::secretariat(actor)?, body_id).await?;
    match seat {
        Some(seat) => {
            check_member(&txn, actor, bd.province_code.as_deref(), org).await?;
            put_member(&txn, body_id, org, seat).await?;
        }
        None => {
            if remove_member(&txn, body_id, org).await? == 0 {
                return Err(FacilitationError::NotFound);
            }
        }
    }
    audit::record(
        &txn,
        Change::by(actor, "body.member", "facilitation_body", body_id)
            .after(json!({"organisation_id": org, "seat": seat.map(Seat::as_str)})),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The organisations seated on `body_id`, in order.
pub(super) async fn member_organisations<C: ConnectionTrait>(
    db: &C,
    body_id: i64,
) -> Result<Vec<i64>, DbErr> {
    let seats = members_of(db, &[body_id]).await?.remove(&body_id);
    Ok(seats.into_iter().flatten().map(|(org, _)| org).collect())
}

/// The members of each of `body_ids`: (organisation, seat), in organisation order.
pub async fn members_of<C: ConnectionTrait>(
    db: &C,
    body_ids: &[i64],
) -> Result<std::collections::BTreeMap<i64, Vec<(i64, Seat)>>, DbErr> {
    let mut out = std::collections::BTreeMap::new();
    if body_ids.is_empty() {
        return Ok(out);
    }
    let b = db.get_database_backend();
    let marks = vec!["?"; body_ids.len()].join(", ");
    let rows = db
        .query_all_raw(statement(
            b,
            &format!(
                "SELECT body_id, organisation_id, seat FROM {} WHERE body_id IN ({marks}) \
                     ORDER BY body_id, organisation_id",
                pairs::BODY_MEMBERS
            ),
            body_ids.iter().map(|id| (*id).into()),
        ))
        .await?;
    for r in rows {
        out.entry(r.try_get::<i64>("", "body_id")?)
            .or_insert_with(Vec::new)
            .push((
                r.try_get("", "organisation_id")?,
                Seat::parse(&r.try_get::<String>("", "seat")?),
            ));
    }
    Ok(out)
}
