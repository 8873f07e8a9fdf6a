//! Consulting clinics (issue 21, item 6): the national body or a province's officer offers
//! sessions with the standards body's experts or contracted consultants; a unit's user books
//! a seat for its unit (one seat per unit a session, taken by one conditional UPDATE so two
//! nodes cannot overbook) or cancels before the session; afterwards the office records the
//! expert's outcome (attended with the advice given, or no-show). Attended sessions lower the
//! unit's risk score (the `clinics` factor).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::complaint_entity::{booking, slot};
use super::error::SupervisionError;
use super::model::clinic::{BookingState, SlotDraft, may_cancel, may_record};
use super::model::complaint::MAX_TEXT;
use crate::access::Actor;
use crate::access::complaints as rules;
use crate::audit::{self, Change};
use crate::kernel::{FieldError, save_at_version};
use crate::registry::lookup;

/// Sessions a page lists.
pub const PAGE: u64 = 50;

/// A booking as the office and the unit see it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct BookingView {
    pub id: i64,
    pub unit_id: i64,
    /// fa, en, vi.
    pub unit_names: [String; 3],
    pub state: BookingState,
    pub advice: Option<String>,
    pub version: i32,
}

impl BookingView {
    pub fn unit_name(&self, lang: &crate::i18n::Lang) -> &str {
        let [fa, en, vi] = &self.unit_names;
        crate::kernel::display_name(*lang, fa, en, vi)
    }
}

/// A session, with the bookings the reader may see (all for the office; a unit's own).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SlotView {
    pub id: i64,
    pub province: String,
    pub starts_at: DateTime<Utc>,
    pub minutes: i32,
    pub topic: String,
    pub expert_name: String,
    pub capacity: i32,
    pub booked: i32,
    pub bookings: Vec<BookingView>,
}

impl SlotView {
    pub fn seats_left(&self) -> i32 {
        Ord::max(self.capacity - self.booked, 0)
    }
}

/// Who reads the sessions: the office (its province, or all) or a unit (its own province's,
/// with its own bookings).
enum Reader {
    Office(Option<String>),
    Unit { unit: i64, province: String },
}

async fn reader(db: &DatabaseConnection, actor: &Actor) -> Result<Reader, SupervisionError> {
    if let Ok(s) = rules::complaint_scope(actor) {
        return Ok(Reader::Office(s.province().map(str::to_owned)));
    }
    let g = rules::authorize_book(actor)?;
    let u = lookup::unit_ref_of_organisation(db, g.organisation())
        .await?
        .ok_or(crate::access::Denied::Forbidden)?;
    Ok(Reader::Unit {
        unit: u.id,
        province: u.province,
    })
}

async fn views(
    db: &DatabaseConnection,
    slots: Vec<slot::Model>,
    only_unit: Option<i64>,
) -> Result<Vec<SlotView>, DbErr> {
    let ids: Vec<i64> = slots.iter().map(|s| s.id).collect();
    let mut q = booking::Entity::find()
        .filter(booking::Column::SlotId.is_in(ids))
        .order_by_asc(booking::Column::Id);
    if let Some(u) = only_unit {
        q = q.filter(booking::Column::UnitId.eq(u));
    }
    let bookings = q.all(db).await?;
    let mut names: HashMap<i64, [String; 3]> = HashMap::new();
    for b in &bookings {
        if !names.contains_key(&b.unit_id)
            && let Some(u) = lookup::holder(db, b.unit_id).await?
        {
            names.insert(b.unit_id, u.names);
        }
    }
    let mut by_slot: HashMap<i64, Vec<BookingView>> = HashMap::new();
    for b in bookings {
        by_slot.entry(b.slot_id).or_default().push(BookingView {
            id: b.id,
            unit_id: b.unit_id,
            unit_names: names.get(&b.unit_id).cloned().unwrap_or_default(),
            state: crate::kernel::stored("state", &b.state, BookingState::parse)?,
            advice: b.advice,
            version: b.version,
        });
    }
    Ok(slots
        .into_iter()
        .map(|s| SlotView {
            bookings: by_slot.remove(&s.id).unwrap_or_default(),
            id: s.id,
            province: s.province_code,
            starts_at: s.starts_at,
            minutes: s.minutes,
            topic: s.topic,
            expert_name: s.expert_name,
            capacity: s.capacity,
            booked: s.booked,
        })
        .collect())
}

/// The sessions in reach, latest first: the office's province's (all for the national body),
/// or a unit's province's with its own bookings.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    page: Option<u64>,
) -> Result<Vec<SlotView>, SupervisionError> {
    let r = reader(db, actor).await?;
    let paging = crate::kernel::Paging::fixed(page, PAGE);
    let (province, only_unit) = match &r {
        Reader::Office(p) => (p.clone(), None),
        Reader::Unit { unit, province } => (Some(province.clone()), Some(*unit)),
    };
    let mut q = slot::Entity::find();
    if let Some(p) = province {
        q = q.filter(slot::Column::ProvinceCode.eq(p));
    }
    let slots = q
        .order_by_desc(slot::Column::StartsAt)
        .order_by_desc(slot::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await?;
    Ok(views(db, slots, only_unit).await?)
}

/// Offers a session (in the officer's province, or the one the national body names).
pub async fn offer(
    db: &DatabaseConnection,
    actor: &Actor,
    d: &SlotDraft,
    now: DateTime<Utc>,
) -> Result<SlotView, SupervisionError> {
    let g = rules::authorize_clinics(actor)?;
    let mut errs = d.validate(now).err().unwrap_or_default();
    let province = match g.province() {
        Some(p) => p.to_owned(),
        None => d.province.trim().to_owned(),
    };
    if tashil_reference::province(&province).is_none() {
        errs.push(FieldError::new("province", "invalid_choice"));
    }
    if !errs.is_empty() {
        return Err(SupervisionError::Invalid(errs));
    }
    let txn = crate::db::begin_write(db).await?;
    let s = slot::ActiveModel {
        province_code: Set(province),
        starts_at: Set(d.starts_at),
        minutes: Set(d.minutes),
        topic: Set(d.topic.trim().to_owned()),
        expert_name: Set(d.expert_name.trim().to_owned()),
        capacity: Set(d.capacity),
        booked: Set(0),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Change::by(actor, "clinic.offer", "supervision_clinic_slot", s.id).after(json!({
            "province": s.province_code, "starts_at": s.starts_at, "minutes": s.minutes,
            "topic": s.topic, "expert_name": s.expert_name, "capacity": s.capacity})),
    )
    .await?;
    txn.commit().await?;
    Ok(views(db, vec![s], None).await?.remove(0))
}

/// Books a seat on session `id` for the actor's unit. Full is `slot_full` (on `slot`); a
/// unit already booked is `duplicate_entry`; a session of another province reads as absent.
pub async fn book(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<SlotView, SupervisionError> {
    let Reader::Unit { unit, province } = reader(db, actor).await? else {
        return Err(crate::access::Denied::Forbidden.into());
    };
    let txn = crate::db::begin_write(db).await?;
    let s = slot::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|s| s.province_code == province)
        .ok_or(SupervisionError::NotFound)?;
    if s.starts_at <= now {
        return Err(SupervisionError::Invalid(vec![FieldError::new(
            "slot",
            "date_in_past",
        )]));
    }
    let existing = booking::Entity::find()
        .filter(booking::Column::SlotId.eq(id))
        .filter(booking::Column::UnitId.eq(unit))
        .one(&txn)
        .await?;
    let held = match &existing {
        Some(b) => crate::kernel::stored("state", &b.state, BookingState::parse)?.holds_seat(),
        None => false,
    };
    if held {
        return Err(SupervisionError::Invalid(vec![FieldError::new(
            "slot",
            "duplicate_entry",
        )]));
    }
    // The seat: one UPDATE that succeeds only while a seat is left, whichever node asks.
    take_seat(&txn, id).await?;
    let b = match existing {
        Some(b) => {
            let update = booking::Entity::update_many()
                .col_expr(booking::Column::State, Expr::value("booked"))
                .col_expr(booking::Column::BookedBy, Expr::value(actor.user_id()))
                .col_expr(booking::Column::UpdatedAt, Expr::value(now))
                .filter(booking::Column::Id.eq(b.id));
            save_at_version(&txn, update, booking::Column::Version, b.version).await?;
            b.id
        }
        None => {
            booking::ActiveModel {
                slot_id: Set(id),
                unit_id: Set(unit),
                booked_by: Set(actor.user_id()),
                state: Set("booked".into()),
                advice: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                version: Set(1),
                ..Default::default()
            }
            .insert(&txn)
            .await?
            .id
        }
    };
    audit::record(
        &txn,
        Change::by(actor, "clinic.book", "supervision_clinic_booking", b)
            .after(json!({"slot_id": id, "unit_id": unit})),
    )
    .await?;
    txn.commit().await?;
    one(db, id, Some(unit)).await
}

async fn take_seat<C: ConnectionTrait>(db: &C, id: i64) -> Result<(), SupervisionError> {
    let done = slot::Entity::update_many()
        .col_expr(slot::Column::Booked, Expr::col(slot::Column::Booked).add(1))
        .filter(slot::Column::Id.eq(id))
        .filter(Expr::col(slot::Column::Booked).lt(Expr::col(slot::Column::Capacity)))
        .exec(db)
        .await?;
    if done.rows_affected != 1 {
        return Err(SupervisionError::Invalid(vec![FieldError::new(
            "slot",
            "slot_full",
        )]));
    }
    Ok(())
}

async fn one(
    db: &DatabaseConnection,
    id: i64,
    only_unit: Option<i64>,
) -> Result<SlotView, SupervisionError> {
    let s = slot::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    Ok(views(db, vec![s], only_unit).await?.remove(0))
}

async fn booking_in_reach<C: ConnectionTrait>(
    db: &C,
    id: i64,
    slot_ok: impl Fn(&slot::Model) -> bool,
    booking_ok: impl Fn(&booking::Model) -> bool,
) -> Result<(booking::Model, slot::Model), SupervisionError> {
    let b = booking::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|b| booking_ok(b))
        .ok_or(SupervisionError::NotFound)?;
    let s = slot::Entity::find_by_id(b.slot_id)
        .one(db)
        .await?
        .filter(|s| slot_ok(s))
        .ok_or(SupervisionError::NotFound)?;
    Ok((b, s))
}

/// Cancels booking `id` of the actor's unit before its session, freeing the seat.
pub async fn cancel(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<SlotView, SupervisionError> {
    let Reader::Unit { unit, .. } = reader(db, actor).await? else {
        return Err(crate::access::Denied::Forbidden.into());
    };
    let txn = crate::db::begin_write(db).await?;
    let (b, s) = booking_in_reach(&txn, id, |_| true, |b| b.unit_id == unit).await?;
    let from = crate::kernel::stored("state", &b.state, BookingState::parse)?;
    if !may_cancel(from, s.starts_at, now) {
        return Err(SupervisionError::Invalid(vec![FieldError::new(
            "state",
            "transition_not_allowed",
        )]));
    }
    set_state(&txn, &b, BookingState::Cancelled, None, now).await?;
    slot::Entity::update_many()
        .col_expr(slot::Column::Booked, Expr::col(slot::Column::Booked).sub(1))
        .filter(slot::Column::Id.eq(s.id))
        .filter(slot::Column::Booked.gt(0))
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        Change::by(actor, "clinic.cancel", "supervision_clinic_booking", id)
            .after(json!({"slot_id": s.id, "unit_id": unit})),
    )
    .await?;
    txn.commit().await?;
    one(db, s.id, Some(unit)).await
}

async fn set_state<C: ConnectionTrait>(
    db: &C,
    b: &booking::Model,
    to: BookingState,
    advice: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), SupervisionError> {
    let update = booking::Entity::update_many()
        .col_expr(booking::Column::State, Expr::value(to.as_str()))
        .col_expr(booking::Column::Advice, Expr::value(advice))
        .col_expr(booking::Column::UpdatedAt, Expr::value(now))
        .filter(booking::Column::Id.eq(b.id));
    Ok(save_at_version(db, update, booking::Column::Version, b.version).await?)
}

/// The expert's outcome of a booking, as the office records it.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct Outcome {
    pub version: i32,
    /// attended or no_show.
    pub state: BookingState,
    #[serde(default)]
    pub advice: String,
}

/// Records the outcome of booking `id` after its session, audited.
pub async fn record(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    o: &Outcome,
    now: DateTime<Utc>,
) -> Result<SlotView, SupervisionError> {
    let g = rules::authorize_clinics(actor)?;
    let advice = o.advice.trim();
    if advice.chars().count() > MAX_TEXT {
        return Err(SupervisionError::Invalid(vec![FieldError::new(
            "advice", "too_long",
        )]));
    }
    let txn = crate::db::begin_write(db).await?;
    let (b, s) = booking_in_reach(&txn, id, |s| g.covers(&s.province_code), |_| true).await?;
    if b.version != o.version {
        return Err(SupervisionError::Conflict);
    }
    let from = crate::kernel::stored("state", &b.state, BookingState::parse)?;
    if !may_record(from, o.state, s.starts_at, now) {
        return Err(SupervisionError::Invalid(vec![FieldError::new(
            "state",
            "transition_not_allowed",
        )]));
    }
    let advice = (!advice.is_empty()).then(|| advice.to_owned());
    set_state(&txn, &b, o.state, advice.clone(), now).await?;
    audit::record(
        &txn,
        Change::by(actor, "clinic.outcome", "supervision_clinic_booking", id)
            .before(json!({"state": b.state}))
            .after(json!({"state": o.state.as_str(), "advice": advice})),
    )
    .await?;
    txn.commit().await?;
    one(db, s.id, None).await
}

/// Sessions each unit of `province` (all with `None`) attended: the risk score's `clinics`.
pub async fn attended_by_unit<C: ConnectionTrait>(
    db: &C,
    province: Option<&str>,
) -> Result<HashMap<i64, u32>, DbErr> {
    let mut q = booking::Entity::find()
        .select_only()
        .column(booking::Column::UnitId)
        .column_as(booking::Column::Id.count(), "n")
        .filter(booking::Column::State.eq(BookingState::Attended.as_str()))
        .group_by(booking::Column::UnitId);
    if let Some(p) = province {
        q = q.filter(
            booking::Column::SlotId.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(slot::Column::Id)
                    .from(slot::Entity)
                    .and_where(slot::Column::ProvinceCode.eq(p))
                    .to_owned(),
            ),
        );
    }
    Ok(q.into_tuple::<(i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(u, n)| (u, n as u32))
        .collect())
}
