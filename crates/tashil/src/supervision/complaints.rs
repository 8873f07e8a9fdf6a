//! Complaints (issue 21, item 7): anyone files one about a product or a unit (anonymous
//! allowed, a few an hour from one client address, counted in the database by a keyed hash
//! of the address so every node shares the count and no address is stored); it goes to the
//! province of the unit (or the one chosen); the complainant follows it by a code shown once;
//! the province's officers and inspectors move it through its states with a public reply and
//! an internal note, audited, and the complainant is mailed (if an email was given) through
//! the outbox. The complainant's identity is read by nobody: no view below carries it.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use sha2::Sha256;

use super::complaint_entity::{complaint, event, file};
use super::error::SupervisionError;
use super::model::complaint::{
    ComplaintDraft, ComplaintState, MAX_TEXT, code_digest, new_code, normalise_code,
};
use crate::access::Actor;
use crate::access::complaints as rules;
use crate::audit::{self, Change};
use crate::i18n::{I18n, Lang};
use crate::identity::{RateLimit, rate_limited};
use crate::kernel::{FieldError, save_at_version};
use crate::mail::{MailKind, Recipient};
use crate::registry::lookup;

/// Complaints one client address may file in an hour, on all nodes together (ADR 0029): more
/// than a person has to tell in an hour, few enough that nobody floods an office.
pub const FILE_LIMIT: RateLimit = RateLimit::new("complaint_file", 5, 3600);
/// Follow-up lookups one client address may make in an hour: a code has 60 random bits, and
/// this bounds the guessing anyway.
pub const TRACK_LIMIT: RateLimit = RateLimit::new("complaint_track", 30, 3600);
/// Rows per page of an office's list.
pub const PAGE: u64 = 50;

/// The office's reply, to a complainant who left an email.
pub const COMPLAINT_UPDATE: MailKind = MailKind::new("complaint_update");
/// Every message supervision sends.
pub const MAIL_KINDS: [MailKind; 1] = [COMPLAINT_UPDATE];

/// The error codes complaints and clinics add (each has an `err-…` message in every language).
pub const ERROR_CODES: &[&str] = &[
    "slot_full",
    "invalid_email",
    "invalid_phone",
    "unknown_producer",
    "too_many_complaint_files",
];

/// The failures of filing and following: the desk's, or too many from one address.
#[derive(Debug)]
pub enum PublicError {
    Desk(SupervisionError),
    /// Past the limit: the seconds until the address may try again.
    SlowDown(u64),
}

impl From<SupervisionError> for PublicError {
    fn from(e: SupervisionError) -> Self {
        PublicError::Desk(e)
    }
}

impl From<DbErr> for PublicError {
    fn from(e: DbErr) -> Self {
        PublicError::Desk(e.into())
    }
}

impl From<PublicError> for crate::web::AppError {
    fn from(e: PublicError) -> Self {
        match e {
            PublicError::Desk(d) => d.into(),
            PublicError::SlowDown(_) => crate::web::AppError::TooManyRequests,
        }
    }
}

/// The key a client address is counted under: HMAC-SHA256 with the installation's secret
/// (the same on every node), so the count is shared and the address itself never stored.
pub fn client_key(secret: &[u8], address: &std::net::IpAddr) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(b"tashil-complaint-client:");
    mac.update(address.to_canonical().to_string().as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// A photo sent with a complaint, as received.
pub struct Photo {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What the complainant is given once: the code to follow the complaint by.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Filed {
    /// Shown once and never again: only its digest is kept.
    pub code: String,
    pub state: ComplaintState,
}

/// A unit a complainant may mean (the complaint form's lookup): name and province only.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitChoice {
    pub id: i64,
    /// fa, en, vi.
    pub names: [String; 3],
    pub province: String,
}

impl UnitChoice {
    pub fn name(&self, lang: &Lang) -> &str {
        let [fa, en, vi] = &self.names;
        crate::kernel::display_name(*lang, fa, en, vi)
    }
}

/// Units the complaint form offers for `term` (name or national ID).
pub async fn unit_choices(
    db: &DatabaseConnection,
    term: &str,
) -> Result<Vec<UnitChoice>, SupervisionError> {
    Ok(lookup::for_complaint(db, term, 10)
        .await?
        .into_iter()
        .map(|u| UnitChoice {
            id: u.id,
            names: u.names,
            province: u.province,
        })
        .collect())
}

/// Files a complaint from `client` (its [`client_key`]), in `lang`, with `photos`.
pub async fn file(
    db: &DatabaseConnection,
    draft: &ComplaintDraft,
    photos: Vec<Photo>,
    client: &str,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Filed, PublicError> {
    let mut v = draft.validate().map_err(SupervisionError::Invalid);
    let mut checked = vec![];
    for p in photos.iter().filter(|p| !p.bytes.is_empty()) {
        match crate::kernel::upload::check(&p.name, &p.bytes) {
            Ok(f) => checked.push((f, &p.bytes)),
            Err(e) => push_err(&mut v, e),
        }
    }
    if let Some(e) = super::complaint_files::too_many(checked.len()) {
        push_err(&mut v, e);
    }
    let mut v = v?;
    let province = match v.unit_id {
        Some(id) => {
            let u = lookup::holder(db, id).await?;
            match u {
                Some(u) => u.province,
                None => {
                    return Err(SupervisionError::Invalid(vec![FieldError::new(
                        "unit_id",
                        "unknown_producer",
                    )])
                    .into());
                }
            }
        }
        None => {
            let p = v.province.clone().unwrap_or_default();
            if tashil_reference::province(&p).is_none() {
                return Err(SupervisionError::Invalid(vec![FieldError::new(
                    "province",
                    "invalid_choice",
                )])
                .into());
            }
            p
        }
    };
    if v.unit_id.is_some() {
        v.unit_text = None;
    }
    if let Some(wait) = rate_limited(db, &FILE_LIMIT, client).await? {
        return Err(PublicError::SlowDown(wait));
    }
    let code = new_code();
    let txn = crate::db::begin_write(db).await?;
    let c = complaint::ActiveModel {
        unit_id: Set(v.unit_id),
        unit_text: Set(v.unit_text),
        province_code: Set(province.clone()),
        product: Set(v.product),
        brand: Set(v.brand),
        bought_at: Set(v.bought_at),
        account: Set(v.account),
        state: Set(ComplaintState::Received.as_str().to_owned()),
        unfounded: Set(false),
        public_reply: Set(None),
        code_hash: Set(code_digest(&code)),
        contact_name: Set(v.contact_name),
        contact_email: Set(v.contact_email),
        contact_phone: Set(v.contact_phone),
        lang: Set(lang.code().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    event::ActiveModel {
        complaint_id: Set(c.id),
        state: Set(c.state.clone()),
        public_reply: Set(None),
        internal_note: Set(None),
        by_user: Set(None),
        at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for (f, bytes) in checked {
        file::ActiveModel {
            complaint_id: Set(c.id),
            file_name: Set(f.name),
            content_type: Set(f.content_type.to_owned()),
            size: Set(f.size),
            sha256: Set(f.sha256),
            content: Set(bytes.clone()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    // Who filed is not recorded, not even a signed-in user: the audit keeps what and where.
    audit::record(
        &txn,
        Change::system("public", "complaint.file", "supervision_complaint", c.id)
            .after(json!({"province": province, "unit_id": c.unit_id, "product": c.product})),
    )
    .await?;
    txn.commit().await?;
    Ok(Filed {
        code,
        state: ComplaintState::Received,
    })
}

fn push_err<T>(r: &mut Result<T, SupervisionError>, e: FieldError) {
    match r {
        Err(SupervisionError::Invalid(errs)) => errs.push(e),
        _ => *r = Err(SupervisionError::Invalid(vec![e])),
    }
}

/// One step of a complaint as its complainant sees it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PublicStep {
    pub state: ComplaintState,
    pub public_reply: Option<String>,
    pub at: DateTime<Utc>,
}

/// A complaint as its code shows it: what it was about, where it stands, the replies.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Tracked {
    pub product: String,
    pub brand: String,
    pub state: ComplaintState,
    pub filed_at: DateTime<Utc>,
    pub steps: Vec<PublicStep>,
}

fn state_of(s: &str) -> Result<ComplaintState, DbErr> {
    crate::kernel::stored("state", s, ComplaintState::parse)
}

/// The complaint whose code was typed; a wrong code reads as not found.
pub async fn track(
    db: &DatabaseConnection,
    typed: &str,
    client: &str,
) -> Result<Tracked, PublicError> {
    if let Some(wait) = rate_limited(db, &TRACK_LIMIT, client).await? {
        return Err(PublicError::SlowDown(wait));
    }
    let code = normalise_code(typed).ok_or(SupervisionError::NotFound)?;
    let c = complaint::Entity::find()
        .filter(complaint::Column::CodeHash.eq(code_digest(&code)))
        .one(db)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    let steps = events_of(db, c.id)
        .await?
        .into_iter()
        .map(|e| {
            Ok(PublicStep {
                state: state_of(&e.state)?,
                public_reply: e.public_reply,
                at: e.at,
            })
        })
        .collect::<Result<Vec<_>, DbErr>>()?;
    Ok(Tracked {
        product: c.product,
        brand: c.brand,
        state: state_of(&c.state)?,
        filed_at: c.created_at,
        steps,
    })
}

async fn events_of<C: ConnectionTrait>(db: &C, id: i64) -> Result<Vec<event::Model>, DbErr> {
    event::Entity::find()
        .filter(event::Column::ComplaintId.eq(id))
        .order_by_asc(event::Column::Id)
        .all(db)
        .await
}

/// A complaint in an office's list. Never the complainant's identity.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ComplaintRow {
    pub id: i64,
    pub province: String,
    pub unit_id: Option<i64>,
    /// The registered unit's names (fa, en, vi), or the unit as typed.
    pub unit_names: Option<[String; 3]>,
    pub unit_text: Option<String>,
    pub product: String,
    pub brand: String,
    pub state: ComplaintState,
    pub unfounded: bool,
    pub filed_at: DateTime<Utc>,
}

impl ComplaintRow {
    /// The unit as the page names it (empty when none was named).
    pub fn unit_label(&self, lang: &Lang) -> String {
        match (&self.unit_names, &self.unit_text) {
            (Some([fa, en, vi]), _) => crate::kernel::display_name(*lang, fa, en, vi).to_owned(),
            (None, Some(t)) => t.clone(),
            _ => String::new(),
        }
    }
}

/// A step of a complaint as the office sees it (its internal note too).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OfficeStep {
    pub state: ComplaintState,
    pub public_reply: Option<String>,
    pub internal_note: Option<String>,
    pub at: DateTime<Utc>,
}

/// A photo's name and size (the bytes are downloaded apart).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PhotoInfo {
    pub id: i64,
    pub file_name: String,
    pub size: i64,
}

/// A complaint as its province's office reads it. Never the complainant's identity: whether
/// a reply reaches the complainant by mail is all it says of them.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ComplaintView {
    #[serde(flatten)]
    pub row: ComplaintRow,
    pub bought_at: String,
    pub account: String,
    pub public_reply: Option<String>,
    /// Whether the complainant left an email the office's replies are mailed to.
    pub replies_by_mail: bool,
    pub steps: Vec<OfficeStep>,
    pub photos: Vec<PhotoInfo>,
    pub version: i32,
}

fn row_of(c: &complaint::Model, names: &HashMap<i64, [String; 3]>) -> Result<ComplaintRow, DbErr> {
    Ok(ComplaintRow {
        id: c.id,
        province: c.province_code.clone(),
        unit_id: c.unit_id,
        unit_names: c.unit_id.and_then(|u| names.get(&u).cloned()),
        unit_text: c.unit_text.clone(),
        product: c.product.clone(),
        brand: c.brand.clone(),
        state: state_of(&c.state)?,
        unfounded: c.unfounded,
        filed_at: c.created_at,
    })
}

async fn unit_names(
    db: &DatabaseConnection,
    ids: impl Iterator<Item = i64>,
) -> Result<HashMap<i64, [String; 3]>, DbErr> {
    let mut out = HashMap::new();
    for id in ids {
        if let std::collections::hash_map::Entry::Vacant(e) = out.entry(id)
            && let Some(u) = lookup::holder(db, id).await?
        {
            e.insert(u.names);
        }
    }
    Ok(out)
}

/// The complaints in reach (the province's, or all for the national body), newest first.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    page: Option<u64>,
) -> Result<Vec<ComplaintRow>, SupervisionError> {
    let scope = rules::complaint_scope(actor)?;
    let paging = crate::kernel::Paging::fixed(page, PAGE);
    let mut q = complaint::Entity::find();
    if let Some(p) = scope.province() {
        q = q.filter(complaint::Column::ProvinceCode.eq(p));
    }
    let rows = q
        .order_by_desc(complaint::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await?;
    let names = unit_names(db, rows.iter().filter_map(|r| r.unit_id)).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        out.push(row_of(r, &names)?);
    }
    Ok(out)
}

async fn load<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
) -> Result<complaint::Model, SupervisionError> {
    let scope = rules::complaint_scope(actor)?;
    complaint::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|c| scope.covers(&c.province_code))
        .ok_or(SupervisionError::NotFound)
}

/// Complaint `id` for its province's office; another province's reads as absent.
pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
) -> Result<ComplaintView, SupervisionError> {
    let c = load(db, actor, id).await?;
    let names = unit_names(db, c.unit_id.into_iter()).await?;
    let steps = events_of(db, id)
        .await?
        .into_iter()
        .map(|e| {
            Ok(OfficeStep {
                state: state_of(&e.state)?,
                public_reply: e.public_reply,
                internal_note: e.internal_note,
                at: e.at,
            })
        })
        .collect::<Result<Vec<_>, DbErr>>()?;
    let photos = file::Entity::find()
        .select_only()
        .columns([file::Column::Id, file::Column::FileName, file::Column::Size])
        .filter(file::Column::ComplaintId.eq(id))
        .order_by_asc(file::Column::Id)
        .into_tuple::<(i64, String, i64)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(id, file_name, size)| PhotoInfo {
            id,
            file_name,
            size,
        })
        .collect();
    Ok(ComplaintView {
        row: row_of(&c, &names)?,
        bought_at: c.bought_at,
        account: c.account,
        public_reply: c.public_reply,
        replies_by_mail: c.contact_email.is_some(),
        steps,
        photos,
        version: c.version,
    })
}

/// A photo of complaint `id`, for its province's office: name, type, bytes.
pub async fn photo(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    photo_id: i64,
) -> Result<(String, String, Vec<u8>), SupervisionError> {
    load(db, actor, id).await?;
    let f = file::Entity::find_by_id(photo_id)
        .filter(file::Column::ComplaintId.eq(id))
        .one(db)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    Ok((f.file_name, f.content_type, f.content))
}

/// The office's move of a complaint: the state it goes to (or stays in), the reply the
/// complainant reads, the note only the office reads; `unfounded` when closing one that
/// proved groundless (it then counts in no risk score).
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct ComplaintMove {
    pub version: i32,
    pub state: ComplaintState,
    #[serde(default)]
    pub public_reply: String,
    #[serde(default)]
    pub internal_note: String,
    #[serde(default)]
    pub unfounded: bool,
}

fn long_text(field: &str, raw: &str) -> Result<Option<String>, FieldError> {
    let v = raw.trim();
    if v.chars().count() > MAX_TEXT {
        return Err(FieldError::new(field, "too_long"));
    }
    Ok((!v.is_empty()).then(|| v.to_owned()))
}

/// Moves complaint `id` as `m` says, audited; a stale `version` is a conflict. The
/// complainant is mailed if they left an email.
pub async fn advance(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    m: &ComplaintMove,
    now: DateTime<Utc>,
) -> Result<ComplaintView, SupervisionError> {
    let grant = rules::authorize_handle(actor)?;
    let mut errs = vec![];
    let reply = long_text("public_reply", &m.public_reply).unwrap_or_else(|e| {
        errs.push(e);
        None
    });
    let note = long_text("internal_note", &m.internal_note).unwrap_or_else(|e| {
        errs.push(e);
        None
    });
    if m.unfounded && m.state != ComplaintState::Closed {
        errs.push(FieldError::new("unfounded", "invalid_choice"));
    }
    if !errs.is_empty() {
        return Err(SupervisionError::Invalid(errs));
    }
    let txn = crate::db::begin_write(db).await?;
    let c = load(&txn, actor, id).await?;
    if c.province_code != grant.province() {
        return Err(SupervisionError::NotFound);
    }
    let from = state_of(&c.state)?;
    if !from.may_move_to(m.state) {
        return Err(SupervisionError::Invalid(vec![FieldError::new(
            "state",
            "transition_not_allowed",
        )]));
    }
    let update = complaint::Entity::update_many()
        .col_expr(complaint::Column::State, Expr::value(m.state.as_str()))
        .col_expr(complaint::Column::Unfounded, Expr::value(m.unfounded))
        .col_expr(
            complaint::Column::PublicReply,
            Expr::value(reply.clone().or(c.public_reply.clone())),
        )
        .col_expr(complaint::Column::UpdatedAt, Expr::value(now))
        .filter(complaint::Column::Id.eq(id));
    save_at_version(&txn, update, complaint::Column::Version, m.version).await?;
    event::ActiveModel {
        complaint_id: Set(id),
        state: Set(m.state.as_str().to_owned()),
        public_reply: Set(reply.clone()),
        internal_note: Set(note.clone()),
        by_user: Set(Some(actor.user_id())),
        at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Change::by(actor, "complaint.advance", "supervision_complaint", id)
            .before(json!({"state": c.state, "version": c.version}))
            .after(json!({"state": m.state.as_str(), "unfounded": m.unfounded,
                "public_reply": reply, "internal_note": note})),
    )
    .await?;
    if let Some(email) = &c.contact_email {
        let lang = Lang::parse(&c.lang).unwrap_or(Lang::Fa);
        let state = I18n::get().t(
            lang,
            &format!("complaint-state-{}", m.state.as_str().replace('_', "-")),
        );
        crate::mail::queue(
            &txn,
            &[Recipient {
                email: email.clone(),
                lang: lang.code().to_owned(),
            }],
            COMPLAINT_UPDATE,
            &json!({"product": c.product, "state": state,
                "reply": reply.unwrap_or_default()}),
        )
        .await?;
    }
    txn.commit().await?;
    get(db, actor, id).await
}

/// Complaints about each unit of `province` (all with `None`) filed since `since`, leaving
/// out those closed as unfounded: the risk score's `complaints` factor.
pub async fn counts_by_unit<C: ConnectionTrait>(
    db: &C,
    province: Option<&str>,
    since: DateTime<Utc>,
) -> Result<HashMap<i64, u32>, DbErr> {
    let mut q = complaint::Entity::find()
        .select_only()
        .column(complaint::Column::UnitId)
        .column_as(complaint::Column::Id.count(), "n")
        .filter(complaint::Column::UnitId.is_not_null())
        .filter(complaint::Column::Unfounded.eq(false))
        .filter(complaint::Column::CreatedAt.gte(since))
        .group_by(complaint::Column::UnitId);
    if let Some(p) = province {
        q = q.filter(complaint::Column::ProvinceCode.eq(p));
    }
    Ok(q.into_tuple::<(i64, i64)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(u, n)| (u, n as u32))
        .collect())
}

/// How far back complaints count in a risk score.
pub fn complaint_window(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::days(365)
}
