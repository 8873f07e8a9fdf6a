//! Use cases of the catalogue: create, edit, move through the lifecycle and mark mandatory
//! (the national body), read (everyone; drafts only the body). Each write checks
//! `access::standards`, runs in one transaction with its audit entry and its outbox row.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use serde::Serialize;
use serde_json::json;

use super::entity::{clause, product_scope, standard};
use super::lists::{self, MandatoryIn};
use super::model::{FieldError, StandardDraft, Status, ValidStandard, designation, today_for};
use super::store::NewStandard;
use crate::access::standards as rules;
use crate::access::{Actor, Denied};
use crate::audit::{self, Change};
use crate::db::rows::in_order;
use crate::kernel::clock::local_date;
use crate::search::outbox;

#[derive(Debug, thiserror::Error)]
pub enum StandardsError {
    #[error(transparent)]
    Denied(#[from] Denied),
    #[error("standard not found")]
    NotFound,
    #[error("invalid standard")]
    Invalid(Vec<FieldError>),
    #[error("changed by someone else")]
    Conflict,
    #[error("a standard with this designation exists")]
    Duplicate,
    #[error("transition not allowed")]
    BadTransition,
    #[error("the public enquiry is closed")]
    EnquiryClosed,
    /// This node's index failed (a fault of the node, not of the request).
    #[error("search index: {0}")]
    Search(String),
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl StandardsError {
    pub fn code(&self) -> &'static str {
        match self {
            StandardsError::Denied(d) => d.code(),
            StandardsError::NotFound => "not_found",
            StandardsError::Invalid(_) => "validation_failed",
            StandardsError::Conflict => "edit_conflict",
            StandardsError::Duplicate => "duplicate_standard",
            StandardsError::BadTransition => "transition_not_allowed",
            StandardsError::EnquiryClosed => "enquiry_closed",
            StandardsError::Db(_) | StandardsError::Search(_) => "internal",
        }
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StandardRef {
    pub id: i64,
    pub designation: String,
    pub title_fa: String,
    pub title_en: String,
    pub title_vi: String,
}

impl From<&standard::Model> for StandardRef {
    fn from(m: &standard::Model) -> Self {
        StandardRef {
            id: m.id,
            designation: designation(&m.body, &m.number, year_of(m)),
            title_fa: m.title_fa.clone(),
            title_en: m.title_en.clone(),
            title_vi: m.title_vi.clone(),
        }
    }
}

impl StandardRef {
    pub fn title(&self, lang: &tashil_text::Lang) -> &str {
        crate::kernel::display_name(*lang, &self.title_fa, &self.title_en, &self.title_vi)
    }
}

fn year_of(m: &standard::Model) -> Option<i32> {
    (m.year > 0).then_some(m.year)
}

/// A product the standard covers, as answered.
pub type ProductScopeView = super::model::ValidProductScope;

/// A clause with its limits, as answered.
pub type ClauseView = super::model::ValidClause;

impl From<product_scope::Model> for ProductScopeView {
    fn from(p: product_scope::Model) -> Self {
        ProductScopeView {
            hs_prefix: p.hs_prefix,
            product: p.product,
        }
    }
}

impl From<clause::Model> for ClauseView {
    fn from(c: clause::Model) -> Self {
        ClauseView {
            number: c.number,
            parameter_fa: c.parameter_fa,
            parameter_en: c.parameter_en,
            parameter_vi: c.parameter_vi,
            test_method: c.test_method,
            unit: c.unit,
            min: c.min_value,
            max: c.max_value,
            allowed: c
                .allowed
                .split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }
}

impl ClauseView {
    pub fn parameter(&self, lang: &tashil_text::Lang) -> &str {
        crate::kernel::display_name(
            *lang,
            &self.parameter_fa,
            &self.parameter_en,
            &self.parameter_vi,
        )
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StandardView {
    pub id: i64,
    pub body: String,
    pub number: String,
    pub year: Option<i32>,
    pub edition: i32,
    pub designation: String,
    pub title_fa: String,
    pub title_en: String,
    pub title_vi: String,
    pub scope_fa: String,
    pub scope_en: String,
    pub scope_vi: String,
    pub ics: Vec<String>,
    pub status: Status,
    pub replaced_by: Option<StandardRef>,
    /// Withdrawn standards this one replaced.
    pub replaces: Vec<StandardRef>,
    /// On some country's mandatory list (the detail is `mandatory_in`).
    pub mandatory: bool,
    /// The earliest day of its lists.
    pub mandatory_from: Option<NaiveDate>,
    /// The countries whose mandatory list it stands on, each from its day.
    pub mandatory_in: Vec<MandatoryIn>,
    pub enquiry_deadline: Option<NaiveDate>,
    pub enquiry_open: bool,
    pub products: Vec<ProductScopeView>,
    pub clauses: Vec<ClauseView>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// A country's list as a standard's page shows it.
pub struct CountryListing {
    pub code: &'static str,
    /// The message naming the country.
    pub key: &'static str,
    /// `Some(from)` when the standard stands on the list.
    pub from: Option<Option<NaiveDate>>,
}

impl StandardView {
    /// Every country's list, in order, with this standard's place on it.
    pub fn lists(&self) -> Vec<CountryListing> {
        lists::COUNTRIES
            .iter()
            .map(|&code| CountryListing {
                code,
                key: match code {
                    "VN" => "calendar-country-vn",
                    _ => "calendar-country-ir",
                },
                from: self
                    .mandatory_in
                    .iter()
                    .find(|m| m.country == code)
                    .map(|m| m.from),
            })
            .collect()
    }

    pub fn edition_u64(&self) -> u64 {
        self.edition.max(0) as u64
    }

    pub fn title(&self, lang: &tashil_text::Lang) -> &str {
        crate::kernel::display_name(*lang, &self.title_fa, &self.title_en, &self.title_vi)
    }
    pub fn scope(&self, lang: &tashil_text::Lang) -> &str {
        crate::kernel::display_name(*lang, &self.scope_fa, &self.scope_en, &self.scope_vi)
    }
}

/// Whether the public enquiry on `m` is open at `now`: until its deadline day has ended on its
/// body's clock.
pub fn enquiry_open(m: &standard::Model, now: DateTime<Utc>) -> bool {
    m.status == Status::Enquiry.as_str()
        && m.enquiry_deadline
            .is_some_and(|d| today_for(&m.body, now) <= d)
}

pub(super) fn status_of(m: &standard::Model) -> Result<Status, DbErr> {
    crate::kernel::stored("standard status", &m.status, Status::parse)
}

/// The standard as `actor` may see it: drafts are the body's own working papers.
pub(super) async fn visible<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    id: i64,
) -> Result<standard::Model, StandardsError> {
    let m = standard::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(StandardsError::NotFound)?;
    if status_of(&m)? == Status::Draft && !rules::sees_drafts(actor) {
        return Err(StandardsError::NotFound);
    }
    Ok(m)
}

/// Standard `id` as read at `now` (whether its enquiry is still open).
pub async fn get(
    db: &DatabaseConnection,
    actor: Option<&Actor>,
    id: i64,
    now: DateTime<Utc>,
) -> Result<StandardView, StandardsError> {
    let m = visible(db, actor, id).await?;
    view(db, m, now).await
}

async fn view<C: ConnectionTrait>(
    db: &C,
    m: standard::Model,
    now: DateTime<Utc>,
) -> Result<StandardView, StandardsError> {
    let products = in_order(
        db,
        product_scope::Column::StandardId.eq(m.id),
        product_scope::Column::Id,
    )
    .await?;
    let clauses = in_order(
        db,
        clause::Column::StandardId.eq(m.id),
        clause::Column::Position,
    )
    .await?;
    let replaced_by = match m.replaced_by {
        Some(r) => standard::Entity::find_by_id(r)
            .one(db)
            .await?
            .map(|r| StandardRef::from(&r)),
        None => None,
    };
    let replaces = standard::Entity::find()
        .filter(standard::Column::ReplacedBy.eq(m.id))
        .order_by_asc(standard::Column::Id)
        .all(db)
        .await?
        .iter()
        .map(StandardRef::from)
        .collect();
    Ok(StandardView {
        id: m.id,
        designation: designation(&m.body, &m.number, year_of(&m)),
        year: year_of(&m),
        enquiry_open: enquiry_open(&m, now),
        status: status_of(&m)?,
        ics: m.ics.split_whitespace().map(str::to_owned).collect(),
        body: m.body,
        number: m.number,
        edition: m.edition,
        title_fa: m.title_fa,
        title_en: m.title_en,
        title_vi: m.title_vi,
        scope_fa: m.scope_fa,
        scope_en: m.scope_en,
        scope_vi: m.scope_vi,
        replaced_by,
        replaces,
        mandatory: m.mandatory,
        mandatory_from: m.mandatory_from,
        mandatory_in: lists::of(db, m.id).await?,
        enquiry_deadline: m.enquiry_deadline,
        products,
        clauses,
        updated_at: m.updated_at,
        version: m.version,
    })
}

/// What the audit log keeps of a standard.
fn snapshot(m: &standard::Model) -> serde_json::Value {
    json!({
        "body": m.body, "number": m.number, "year": m.year, "edition": m.edition,
        "title_fa": m.title_fa, "title_en": m.title_en, "title_vi": m.title_vi,
        "ics": m.ics, "status": m.status, "replaced_by": m.replaced_by,
        "mandatory": m.mandatory, "mandatory_from": m.mandatory_from,
        "enquiry_deadline": m.enquiry_deadline, "version": m.version,
    })
}

fn invalid(field: &str, code: &'static str) -> StandardsError {
    StandardsError::Invalid(vec![FieldError::new(field, code)])
}

pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    draft: &StandardDraft,
    now: DateTime<Utc>,
) -> Result<i64, StandardsError> {
    rules::authorize_manage(actor)?;
    let v = draft.validate().map_err(StandardsError::Invalid)?;
    let txn = crate::db::begin_write(db).await?;
    let ids = super::store::insert(&txn, &[super::store::NewStandard::draft(v)], now)
        .await
        .map_err(dup)?;
    let id = ids[0];
    let m = standard::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(StandardsError::NotFound)?;
    commit_change(txn, actor, "standard.create", None, &m).await?;
    Ok(id)
}

/// Audits a write to a standard, queues it for the search index and commits: every write
/// ends here, so neither the log nor the index can miss one.
async fn commit_change(
    txn: crate::db::WriteTx,
    actor: &Actor,
    action: &str,
    before: Option<&standard::Model>,
    after: &standard::Model,
) -> Result<(), StandardsError> {
    let mut change = Change::by(actor, action, "standard", after.id).after(snapshot(after));
    if let Some(b) = before {
        change = change.before(snapshot(b));
    }
    audit::record(&txn, change).await?;
    outbox::enqueue(&txn, outbox::STANDARD, &[after.id]).await?;
    txn.commit().await?;
    Ok(())
}

/// A unique-index violation on (body, number, year) is the user's duplicate, not a fault;
/// recognised by its kind, whatever the backend's message says.
fn dup(e: DbErr) -> StandardsError {
    match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => StandardsError::Duplicate,
        _ => StandardsError::Db(e),
    }
}

pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    version: i32,
    draft: &StandardDraft,
    now: DateTime<Utc>,
) -> Result<(), StandardsError> {
    rules::authorize_manage(actor)?;
    let v = draft.validate().map_err(StandardsError::Invalid)?;
    let txn = crate::db::begin_write(db).await?;
    let before = standard::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(StandardsError::NotFound)?;
    if before.version != version {
        return Err(StandardsError::Conflict);
    }
    if status_of(&before)? == Status::Withdrawn {
        return Err(StandardsError::BadTransition);
    }
    super::store::update(&txn, id, version, &v, now)
        .await
        .map_err(dup)?;
    let after = standard::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(StandardsError::NotFound)?;
    commit_change(txn, actor, "standard.update", Some(&before), &after).await
}

// A lifecycle move and what it needs: an enquiry deadline, or what replaces a withdrawn
// standard. The API takes it as it is (`TransitionBody` in its document); a doc comment here
// would become that schema's description.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[schema(as = TransitionBody)]
pub struct Transition {
    /// Target status.
    pub to: Option<Status>,
    /// Last day of the public enquiry (with `to: enquiry`).
    pub enquiry_deadline: Option<NaiveDate>,
    /// The standard that replaces this one (with `to: withdrawn`).
    pub replaced_by: Option<i64>,
    /// Close the public enquiry now, keeping the status.
    #[serde(default)]
    pub close_enquiry: bool,
}

/// Moves standard `id` through its lifecycle at `now` (days on its body's clock).
pub async fn transition(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    t: &Transition,
    now: DateTime<Utc>,
) -> Result<(), StandardsError> {
    rules::authorize_manage(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let before = standard::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(StandardsError::NotFound)?;
    let from = status_of(&before)?;
    let mut am: standard::ActiveModel = before.clone().into();
    let today = today_for(&before.body, now);
    if t.close_enquiry {
        if !enquiry_open(&before, now) {
            return Err(StandardsError::EnquiryClosed);
        }
        am.enquiry_deadline = Set(today.pred_opt());
    } else {
        let to = t.to.ok_or_else(|| invalid("to", "required"))?;
        if !from.can_move_to(to) {
            return Err(StandardsError::BadTransition);
        }
        match to {
            Status::Enquiry => {
                let d = t
                    .enquiry_deadline
                    .ok_or_else(|| invalid("enquiry_deadline", "required"))?;
                if d < today {
                    return Err(invalid("enquiry_deadline", "date_in_past"));
                }
                let d = crate::kernel::plausible_date(d)
                    .map_err(|_| invalid("enquiry_deadline", "date_out_of_range"))?;
                am.enquiry_deadline = Set(Some(d));
            }
            Status::Withdrawn => {
                if let Some(r) = t.replaced_by {
                    let new = standard::Entity::find_by_id(r)
                        .one(&txn)
                        .await?
                        .filter(|n| n.id != id && status_of(n).is_ok_and(|s| s.in_force()))
                        .ok_or_else(|| invalid("replaced_by", "invalid_replacement"))?;
                    am.replaced_by = Set(Some(new.id));
                }
                // A withdrawn standard binds no one.
                lists::clear(&txn, id).await?;
                lists::summarise(&mut am, &[]);
            }
            _ => {}
        }
        am.status = Set(to.as_str().to_string());
    }
    am.updated_at = Set(now);
    am.version = Set(before.version + 1);
    let after = standard::Entity::update(am).exec(&txn).await?;
    let action = if t.close_enquiry {
        "standard.close_enquiry"
    } else {
        "standard.transition"
    };
    commit_change(txn, actor, action, Some(&before), &after).await
}

/// Puts a standard in force on `country`'s mandatory list from `from` (by default, the day of
/// `now` on that country's clock), or takes it off. With no country: on, the lists of its
/// body's country (an international standard: both); off, every list.
pub async fn set_mandatory(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    mandatory: bool,
    from: Option<NaiveDate>,
    country: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), StandardsError> {
    rules::authorize_manage(actor)?;
    if let Some(d) = from {
        crate::kernel::plausible_date(d).map_err(|_| invalid("from", "date_out_of_range"))?;
    }
    let named = match country.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Some(lists::known(c).ok_or_else(|| invalid("country", "invalid_choice"))?),
        None => None,
    };
    let txn = crate::db::begin_write(db).await?;
    let before = standard::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(StandardsError::NotFound)?;
    if mandatory && !status_of(&before)?.in_force() {
        return Err(StandardsError::BadTransition);
    }
    let countries: &[&str] = match (&named, mandatory) {
        (Some(c), _) => std::slice::from_ref(c),
        (None, true) => lists::default_countries(&before.body),
        (None, false) => &lists::COUNTRIES,
    };
    let was = lists::of(&txn, id).await?;
    for c in countries {
        let day = mandatory.then(|| Some(from.unwrap_or_else(|| local_date(c, now))));
        lists::set(&txn, id, c, day).await?;
    }
    let now_in = lists::of(&txn, id).await?;
    let mut am: standard::ActiveModel = before.clone().into();
    lists::summarise(&mut am, &now_in);
    am.updated_at = Set(now);
    am.version = Set(before.version + 1);
    let after = standard::Entity::update(am).exec(&txn).await?;
    let mut b = snapshot(&before);
    b["mandatory_in"] = json!(was);
    let mut a = snapshot(&after);
    a["mandatory_in"] = json!(now_in);
    audit::record(
        &txn,
        Change::by(actor, "standard.mandatory", "standard", id)
            .before(b)
            .after(a),
    )
    .await?;
    outbox::enqueue(&txn, outbox::STANDARD, &[id]).await?;
    txn.commit().await?;
    Ok(())
}

/// For the edit form.
pub fn to_draft(v: &StandardView) -> StandardDraft {
    use super::model::{ClauseDraft, ProductScopeDraft};
    StandardDraft {
        body: v.body.clone(),
        number: v.number.clone(),
        year: v.year.map(|y| y.to_string()).unwrap_or_default(),
        edition: v.edition.to_string(),
        title_fa: v.title_fa.clone(),
        title_en: v.title_en.clone(),
        title_vi: v.title_vi.clone(),
        scope_fa: v.scope_fa.clone(),
        scope_en: v.scope_en.clone(),
        scope_vi: v.scope_vi.clone(),
        ics: v.ics.join(" "),
        products: v
            .products
            .iter()
            .map(|p| ProductScopeDraft {
                hs_code: p.hs_prefix.clone(),
                product: p.product.clone(),
            })
            .collect(),
        clauses: v.clauses.iter().map(ClauseDraft::from).collect(),
    }
}

/// A stored clause as a form or a sheet holds it (so it reads back unchanged).
impl From<&ClauseView> for super::model::ClauseDraft {
    fn from(c: &ClauseView) -> Self {
        let num = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
        super::model::ClauseDraft {
            number: c.number.clone(),
            parameter_fa: c.parameter_fa.clone(),
            parameter_en: c.parameter_en.clone(),
            parameter_vi: c.parameter_vi.clone(),
            test_method: c.test_method.clone(),
            unit: c.unit.clone(),
            min: num(c.min),
            max: num(c.max),
            allowed: c.allowed.join("|"),
        }
    }
}

/// Writes the demo catalogue in one transaction through the store the import uses, and
/// queues every standard for the index; `replaced` pairs positions in `items` (the replaced
/// one, its replacement). Returns the ids in the order of `items`.
pub async fn insert_demo(
    db: &DatabaseConnection,
    items: &[NewStandard],
    replaced: &[(usize, usize)],
    now: DateTime<Utc>,
) -> Result<Vec<i64>, DbErr> {
    let txn = crate::db::begin_write(db).await?;
    let mut ids = Vec::with_capacity(items.len());
    for chunk in items.chunks(5_000) {
        ids.extend(super::store::insert(&txn, chunk, now).await?);
    }
    let pairs: Vec<(i64, i64)> = replaced
        .iter()
        .map(|(old, new)| (ids[*old], ids[*new]))
        .collect();
    super::store::set_replaced_by(&txn, &pairs).await?;
    outbox::enqueue(&txn, outbox::STANDARD, &ids).await?;
    txn.commit().await?;
    Ok(ids)
}

pub(crate) fn valid_snapshot(v: &ValidStandard) -> serde_json::Value {
    json!({
        "body": v.body.as_str(), "number": v.number, "year": v.year, "edition": v.edition,
        "title_fa": v.title_fa, "title_en": v.title_en, "title_vi": v.title_vi,
        "ics": v.ics.join(" "),
    })
}
