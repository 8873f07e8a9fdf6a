//! Use cases of a request's sample and its chain of custody: record the sample, record each
//! hand-over, amend its condition on receipt and storage (the lab's, while its report is
//! unreleased; each amendment kept with the values before and after), and read all of it with
//! the chain's flags (a gap, time running backwards, a broken seal) for whoever may read the
//! request.

use chrono::{DateTime, NaiveDateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;
use serde_json::json;

use super::entity::{custody_entry, report, request, sample, sample_amendment};
use super::error::{AmendError, ConformityError};
use super::model::custody::{
    CustodyFlag, HandOver, HandOverDraft, SampleAmendmentDraft, SampleDraft, flags,
};
use super::results::RELEASED;
use crate::access::Actor;
use crate::access::conformity as rules;
use crate::audit::{self, Change};
use crate::kernel::clock::zone;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct HandOverView {
    pub giver: String,
    pub receiver: String,
    pub handed_at: DateTime<Utc>,
    pub seal_intact: bool,
}

/// One amendment of a sample's record: each value before and after, who amended it, when,
/// and why.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SampleAmendmentView {
    pub amended_at: DateTime<Utc>,
    /// The name of who amended it.
    pub amended_by: Option<String>,
    pub condition_before: String,
    pub condition_after: String,
    pub storage_before: String,
    pub storage_after: String,
    pub reason: String,
}

/// A request's sample, its chain of custody in the order recorded, and what is wrong with it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SampleView {
    pub code: String,
    pub taken_by: String,
    pub taken_where: String,
    pub taken_at: DateTime<Utc>,
    pub seal_numbers: String,
    pub quantity: String,
    pub condition_on_receipt: String,
    pub storage: String,
    /// The amendments of its condition on receipt and storage, oldest first: the values
    /// recorded at receipt are the first one's `…_before`.
    pub amendments: Vec<SampleAmendmentView>,
    pub chain: Vec<HandOverView>,
    pub flags: Vec<CustodyFlag>,
}

impl SampleView {
    /// The flags of hand-over `index`, as message keys.
    pub fn flag_keys(&self, index: &usize) -> Vec<&'static str> {
        self.flags
            .iter()
            .filter_map(|f| match *f {
                CustodyFlag::Gap { index: i } if i == *index => Some("custody-flag-gap"),
                CustodyFlag::TimeBackwards { index: i } if i == *index => {
                    Some("custody-flag-time-backwards")
                }
                CustodyFlag::BrokenSeal { index: i } if i == *index => {
                    Some("custody-flag-broken-seal")
                }
                _ => None,
            })
            .collect()
    }
}

/// `at` on `province`'s office's clock, as the instant it names (the earlier of an hour the
/// clocks go back through; none skipped in Iran or Vietnam today).
fn instant(province: &str, at: NaiveDateTime) -> DateTime<Utc> {
    at.and_local_timezone(zone(province))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| at.and_utc())
}

/// Request `id` as the actor may read it, with the leave to record its sample.
async fn held<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
) -> Result<request::Model, ConformityError> {
    let scope = rules::request_scope(actor)?;
    let r = super::query::request(db, &scope, id)
        .await?
        .ok_or(ConformityError::NotFound)?;
    rules::authorize_custody(actor, r.requester_org_id, r.lab_org_id, &r.province_code)?;
    Ok(r)
}

async fn sample_row<C: ConnectionTrait>(
    db: &C,
    request_id: i64,
) -> Result<Option<sample::Model>, ConformityError> {
    Ok(sample::Entity::find()
        .filter(sample::Column::RequestId.eq(request_id))
        .one(db)
        .await?)
}

/// Records the sample of request `id` (once: a second is a conflict); its code is the
/// request's number on the label.
pub async fn record_sample(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    draft: &SampleDraft,
    now: DateTime<Utc>,
) -> Result<Option<SampleView>, ConformityError> {
    // Out of reach answers 404 whatever was sent.
    held(db, actor, id).await?;
    let v = draft.validate().map_err(ConformityError::Invalid)?;
    let txn = crate::db::begin_write(db).await?;
    let r = held(&txn, actor, id).await?;
    if sample_row(&txn, id).await?.is_some() {
        return Err(ConformityError::Conflict);
    }
    let m = sample::ActiveModel {
        request_id: Set(id),
        code: Set(format!("S-{}-{id:06}", r.province_code)),
        taken_by: Set(v.taken_by),
        taken_where: Set(v.taken_where),
        taken_at: Set(instant(&r.province_code, v.taken_at)),
        seal_numbers: Set(v.seal_numbers),
        quantity: Set(v.quantity),
        condition_on_receipt: Set(v.condition_on_receipt),
        storage: Set(v.storage),
        recorded_by: Set(actor.user_id()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Change::by(actor, "sample.record", "test_request", id).after(json!({
            "code": m.code, "taken_by": m.taken_by, "taken_where": m.taken_where,
            "taken_at": m.taken_at, "seal_numbers": m.seal_numbers, "quantity": m.quantity,
            "condition_on_receipt": m.condition_on_receipt, "storage": m.storage,
        })),
    )
    .await?;
    txn.commit().await?;
    get(db, actor, id).await
}

/// Records one hand-over of request `id`'s sample, as its parties signed it.
pub async fn hand_over(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    draft: &HandOverDraft,
    now: DateTime<Utc>,
) -> Result<Option<SampleView>, ConformityError> {
    held(db, actor, id).await?;
    let v = draft.validate().map_err(ConformityError::Invalid)?;
    let txn = crate::db::begin_write(db).await?;
    let r = held(&txn, actor, id).await?;
    let Some(s) = sample_row(&txn, id).await? else {
        return Err(ConformityError::Conflict);
    };
    let m = custody_entry::ActiveModel {
        sample_id: Set(s.id),
        giver: Set(v.giver),
        receiver: Set(v.receiver),
        handed_at: Set(instant(&r.province_code, v.handed_at)),
        seal_intact: Set(v.seal_intact),
        recorded_by: Set(actor.user_id()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Change::by(actor, "sample.hand_over", "test_request", id).after(json!({
            "sample": s.code, "giver": m.giver, "receiver": m.receiver,
            "handed_at": m.handed_at, "seal_intact": m.seal_intact,
        })),
    )
    .await?;
    txn.commit().await?;
    get(db, actor, id).await
}

/// Request `id`'s sample with its chain and flags, if recorded; `NotFound` out of reach.
pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
) -> Result<Option<SampleView>, ConformityError> {
    let scope = rules::request_scope(actor)?;
    super::query::request(db, &scope, id)
        .await?
        .ok_or(ConformityError::NotFound)?;
    let Some(s) = sample_row(db, id).await? else {
        return Ok(None);
    };
    let chain: Vec<HandOver> = custody_entry::Entity::find()
        .filter(custody_entry::Column::SampleId.eq(s.id))
        .order_by_asc(custody_entry::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| HandOver {
            giver: c.giver,
            receiver: c.receiver,
            at: c.handed_at,
            seal_intact: c.seal_intact,
        })
        .collect();
    let rows = sample_amendment::Entity::find()
        .filter(sample_amendment::Column::SampleId.eq(s.id))
        .order_by_asc(sample_amendment::Column::Id)
        .all(db)
        .await?;
    let names =
        crate::identity::user_names(db, rows.iter().map(|a| a.amended_by).collect()).await?;
    let amendments = rows
        .into_iter()
        .map(|a| SampleAmendmentView {
            amended_at: a.created_at,
            amended_by: names.get(&a.amended_by).cloned(),
            condition_before: a.condition_before,
            condition_after: a.condition_after,
            storage_before: a.storage_before,
            storage_after: a.storage_after,
            reason: a.reason,
        })
        .collect();
    Ok(Some(SampleView {
        amendments,
        flags: flags(&s.taken_by, s.taken_at, &chain),
        chain: chain
            .into_iter()
            .map(|h| HandOverView {
                giver: h.giver,
                receiver: h.receiver,
                handed_at: h.at,
                seal_intact: h.seal_intact,
            })
            .collect(),
        code: s.code,
        taken_by: s.taken_by,
        taken_where: s.taken_where,
        taken_at: s.taken_at,
        seal_numbers: s.seal_numbers,
        quantity: s.quantity,
        condition_on_receipt: s.condition_on_receipt,
        storage: s.storage,
    }))
}

/// Whether request `id` has a released report: its sample's record then stands as reported.
async fn released<C: ConnectionTrait>(db: &C, id: i64) -> Result<bool, ConformityError> {
    Ok(report::Entity::find()
        .filter(report::Column::RequestId.eq(id))
        .filter(report::Column::Status.eq(RELEASED))
        .one(db)
        .await?
        .is_some())
}

/// Whether the actor may amend request `id`'s sample now: its lab's user, a sample recorded,
/// no report released.
pub(super) async fn amendable(
    db: &DatabaseConnection,
    actor: &Actor,
    r: &super::view::TestRequestView,
    recorded: bool,
) -> Result<bool, ConformityError> {
    Ok(recorded
        && rules::authorize_sample_amendment(actor, r.lab_org_id).is_ok()
        && !released(db, r.id).await?)
}

/// Amends the condition on receipt and storage of request `id`'s sample, keeping the values
/// it replaces; only the addressed lab's users, and only while no revision of the request's
/// report is released (then `sample_report_released`, 409). No sample yet is 404.
pub async fn amend(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    draft: &SampleAmendmentDraft,
    now: DateTime<Utc>,
) -> Result<Option<SampleView>, AmendError> {
    let scope = rules::request_scope(actor).map_err(ConformityError::from)?;
    let txn = crate::db::begin_write(db).await?;
    let r = super::query::request(&txn, &scope, id)
        .await?
        .ok_or(ConformityError::NotFound)?;
    rules::authorize_sample_amendment(actor, r.lab_org_id).map_err(ConformityError::from)?;
    let s = sample_row(&txn, id)
        .await?
        .ok_or(ConformityError::NotFound)?;
    if released(&txn, id).await? {
        return Err(AmendError::Conflict);
    }
    let v = draft
        .validate(&s.condition_on_receipt, &s.storage)
        .map_err(AmendError::Invalid)?;
    sample_amendment::ActiveModel {
        sample_id: Set(s.id),
        condition_before: Set(v.condition_before.clone()),
        condition_after: Set(v.condition_after.clone()),
        storage_before: Set(v.storage_before.clone()),
        storage_after: Set(v.storage_after.clone()),
        reason: Set(v.reason.clone()),
        amended_by: Set(actor.user_id()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let code = s.code.clone();
    let mut m: sample::ActiveModel = s.into();
    m.condition_on_receipt = Set(v.condition_after.clone());
    m.storage = Set(v.storage_after.clone());
    m.update(&txn).await?;
    audit::record(
        &txn,
        Change::by(actor, "sample.amend", "test_request", id)
            .before(json!({
                "sample": code, "condition_on_receipt": v.condition_before,
                "storage": v.storage_before,
            }))
            .after(json!({
                "sample": code, "condition_on_receipt": v.condition_after,
                "storage": v.storage_after, "reason": v.reason,
            })),
    )
    .await?;
    txn.commit().await?;
    Ok(get(db, actor, id).await?)
}
