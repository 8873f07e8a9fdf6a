//! Use cases of the registry: list, read, create and edit units as an actor. Each one asks
//! `access::units` first, writes in one transaction and records the change in the audit log.

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use serde::Serialize;
use serde_json::json;

use super::entity::{product, qc_manager, unit};
use super::model::{FieldError, SizeClass, UnitDraft, UnitStatus, ValidUnit};
use super::{query, store};
use crate::access::Actor;
use crate::access::units::{self as rules, EditRights};
use crate::audit::{self, Change};
use crate::db::rows::in_order;

/// The registry's units (the conflict code when someone else changed a unit first).
#[derive(Debug)]
pub struct Units;

impl crate::kernel::StateConflict for Units {
    const CODE: &'static str = "edit_conflict";
}

pub type RegistryError = crate::kernel::DeskError<Units>;

/// What the list can be narrowed by. `page` is 1-based.
#[derive(Debug, Clone, Default)]
pub struct UnitFilter {
    pub q: Option<String>,
    pub province: Option<String>,
    pub status: Option<UnitStatus>,
    pub section: Option<String>,
    pub size: Option<SizeClass>,
    pub knowledge_based: Option<bool>,
    pub page: u64,
    pub per_page: u64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitSummary {
    pub id: i64,
    pub national_id: String,
    pub name_fa: String,
    pub name_en: String,
    pub name_vi: String,
    pub province: String,
    pub city: String,
    pub isic_class: String,
    pub size_class: String,
    pub knowledge_based: bool,
    pub status: String,
    pub updated_at: DateTime<Utc>,
}

impl UnitSummary {
    /// The name in `lang`, falling back to the province's own language.
    pub fn name(&self, lang: &tashil_text::Lang) -> &str {
        display_name(*lang, &self.name_fa, &self.name_en, &self.name_vi)
    }
}

pub use crate::kernel::display_name;

impl From<unit::Model> for UnitSummary {
    fn from(m: unit::Model) -> Self {
        UnitSummary {
            id: m.id,
            national_id: m.national_id,
            name_fa: m.name_fa,
            name_en: m.name_en,
            name_vi: m.name_vi,
            province: m.province_code,
            city: m.city,
            isic_class: m.isic_class,
            size_class: m.size_class,
            knowledge_based: m.knowledge_based,
            status: m.status,
            updated_at: m.updated_at,
        }
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ProductView {
    pub name: String,
    pub hs_code: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct QcManagerView {
    pub full_name: String,
    pub national_code: String,
}

impl From<product::Model> for ProductView {
    fn from(p: product::Model) -> Self {
        ProductView {
            name: p.name,
            hs_code: p.hs_code,
        }
    }
}

impl From<qc_manager::Model> for QcManagerView {
    fn from(q: qc_manager::Model) -> Self {
        QcManagerView {
            full_name: q.full_name,
            national_code: q.national_code,
        }
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitDetail {
    #[serde(flatten)]
    pub summary: UnitSummary,
    pub country: String,
    pub isic_section: String,
    pub created_at: DateTime<Utc>,
    pub version: i32,
    pub products: Vec<ProductView>,
    pub qc_managers: Vec<QcManagerView>,
    /// Whether the asking actor may edit it, and how much.
    #[serde(skip)]
    pub edit: Option<EditRights>,
}

impl UnitDetail {
    /// The unit as an editable draft (for the edit form).
    pub fn to_draft(&self) -> UnitDraft {
        UnitDraft {
            national_id: self.summary.national_id.clone(),
            name_fa: self.summary.name_fa.clone(),
            name_en: self.summary.name_en.clone(),
            name_vi: self.summary.name_vi.clone(),
            province: self.summary.province.clone(),
            city: self.summary.city.clone(),
            isic_class: self.summary.isic_class.clone(),
            size_class: self.summary.size_class.clone(),
            knowledge_based: self.summary.knowledge_based,
            status: self.summary.status.clone(),
            products: self
                .products
                .iter()
                .map(|p| super::ProductDraft {
                    name: p.name.clone(),
                    hs_code: p.hs_code.clone(),
                })
                .collect(),
            qc_managers: self
                .qc_managers
                .iter()
                .map(|q| super::QcManagerDraft {
                    full_name: q.full_name.clone(),
                    national_code: q.national_code.clone(),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitPage {
    pub items: Vec<UnitSummary>,
    pub page: u64,
    pub per_page: u64,
    /// Matching units, counted up to [`COUNT_CAP`] + 1; see `total_is_capped`.
    pub total: u64,
    pub total_is_capped: bool,
}

impl UnitPage {
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }
}

pub const MAX_PER_PAGE: u64 = 200;

/// Counting stops here: "10,000+ units" says enough, and counting every match of a broad
/// search over 100k units would cost more than the page itself.
pub const COUNT_CAP: u64 = 10_000;
pub const SEARCH_COUNT_CAP: u64 = 1_000;

pub async fn list<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    filter: &UnitFilter,
) -> Result<UnitPage, RegistryError> {
    let scope = rules::read_scope(actor)?;
    let paging = crate::kernel::Paging::new(
        Some(filter.page),
        Some(filter.per_page),
        MAX_PER_PAGE,
        MAX_PER_PAGE,
    );
    let (page, per_page) = (paging.page(), paging.per_page());
    let Some(text) = &filter.q else {
        let base = query::scoped(&scope).filter(query::unit_filters(filter));
        let total = query::capped_count(db, &base, COUNT_CAP).await?;
        let items = query::newest_first(&scope, filter)
            .offset(paging.offset())
            .limit(paging.limit())
            .all(db)
            .await?
            .into_iter()
            .map(UnitSummary::from)
            .collect();
        return Ok(UnitPage {
            items,
            page,
            per_page,
            total_is_capped: total > COUNT_CAP,
            total: total.min(COUNT_CAP),
        });
    };
    // A text search over many units is counted only so far: past that, the user refines.
    // The newest matches down to the page's end are found; the page is a slice of them.
    let found = query::search_ids(
        db,
        &scope,
        filter,
        text,
        paging.offset() + paging.limit(),
        SEARCH_COUNT_CAP,
    )
    .await?;
    let total = found.total;
    let on_page: Vec<i64> = found
        .ids
        .into_iter()
        .skip(paging.offset() as usize)
        .take(paging.limit() as usize)
        .collect();
    let items = query::scoped(&scope)
        .filter(unit::Column::Id.is_in(on_page))
        .order_by_desc(unit::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(UnitSummary::from)
        .collect();
    Ok(UnitPage {
        items,
        page,
        per_page,
        total_is_capped: total > SEARCH_COUNT_CAP,
        total: total.min(SEARCH_COUNT_CAP),
    })
}

/// Every unit matching `filter`, in batches, for exports (no page limit).
pub async fn for_each_matching<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    filter: &UnitFilter,
    mut f: impl FnMut(UnitSummary),
) -> Result<(), RegistryError> {
    let scope = rules::read_scope(actor)?;
    let mut after = i64::MIN;
    loop {
        let batch = query::filtered(&scope, filter)
            .filter(unit::Column::Id.gt(after))
            .order_by_asc(unit::Column::Id)
            .limit(2000)
            .all(db)
            .await?;
        let Some(last) = batch.last() else { break };
        after = last.id;
        batch.into_iter().map(UnitSummary::from).for_each(&mut f);
    }
    Ok(())
}

async fn find_scoped<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
) -> Result<unit::Model, RegistryError> {
    let scope = rules::read_scope(actor)?;
    // Out of scope reads as absent: a Qazvin officer learns nothing about Alborz's units.
    query::scoped(&scope)
        .filter(unit::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(RegistryError::NotFound)
}

pub async fn get<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
) -> Result<UnitDetail, RegistryError> {
    let m = find_scoped(db, actor, id).await?;
    let edit = rules::authorize_edit(actor, &m.province_code, m.organisation_id).ok();
    let products = in_order(db, product::Column::UnitId.eq(id), product::Column::Id).await?;
    let qc_managers = in_order(
        db,
        qc_manager::Column::UnitId.eq(id),
        qc_manager::Column::Id,
    )
    .await?;
    Ok(UnitDetail {
        country: m.country.clone(),
        isic_section: m.isic_section.clone(),
        created_at: m.created_at,
        version: m.version,
        summary: UnitSummary::from(m),
        products,
        qc_managers,
        edit,
    })
}

/// The audited form of a unit: every stored field, in its normal form.
pub(crate) fn snapshot_json(v: &ValidUnit) -> serde_json::Value {
    json!({
        "country": v.country.code(),
        "national_id": v.national_id,
        "name_fa": v.name_fa,
        "name_en": v.name_en,
        "name_vi": v.name_vi,
        "province": v.province.code,
        "city": v.city,
        "isic_class": v.isic_class,
        "size_class": v.size_class.as_str(),
        "knowledge_based": v.knowledge_based,
        "status": v.status.as_str(),
        "products": v.products,
        "qc_managers": v.qc_managers,
    })
}

/// Fails with a field error when another unit already has this national ID. Only who may
/// read that unit learns that it exists and where; anyone else hears that the ID cannot be
/// registered, so a province cannot probe another's register.
async fn check_unique<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    v: &ValidUnit,
    except: Option<i64>,
) -> Result<(), RegistryError> {
    let mut q = unit::Entity::find()
        .filter(unit::Column::Country.eq(v.country.code()))
        .filter(unit::Column::NationalId.eq(v.national_id.as_str()));
    if let Some(id) = except {
        q = q.filter(unit::Column::Id.ne(id));
    }
    if let Some(existing) = q.one(db).await? {
        let seen = rules::read_scope(actor)
            .is_ok_and(|s| s.covers(&existing.province_code, existing.organisation_id));
        return Err(RegistryError::Invalid(vec![duplicate_id_error(
            "national_id",
            seen,
            &existing.province_code,
            existing.id,
        )]));
    }
    Ok(())
}

/// The error for a national ID already registered as unit `id` of `province`: named, with
/// where it is, only for one who may see that unit.
pub(crate) fn duplicate_id_error(field: &str, seen: bool, province: &str, id: i64) -> FieldError {
    if seen {
        FieldError::new(field, "duplicate_national_id").with_detail(format!("{province} #{id}"))
    } else {
        FieldError::new(field, "national_id_unavailable")
    }
}

pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    draft: &UnitDraft,
) -> Result<i64, RegistryError> {
    let v = draft.validate().map_err(RegistryError::Invalid)?;
    rules::authorize_create(actor, v.province.code)?;
    let txn = crate::db::begin_write(db).await?;
    check_unique(&txn, actor, &v, None).await?;
    let id = store::insert_units(&txn, std::slice::from_ref(&v)).await?[0];
    audit::record(
        &txn,
        Change::by(actor, "unit.create", "unit", id).after(snapshot_json(&v)),
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// Edits unit `id`. `expected_version` is the version the editor saw: a stale form is
/// refused rather than silently overwriting someone else's change.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    draft: &UnitDraft,
    expected_version: Option<i32>,
) -> Result<(), RegistryError> {
    let txn = crate::db::begin_write(db).await?;
    let current = find_scoped(&txn, actor, id).await?;
    let rights = rules::authorize_edit(actor, &current.province_code, current.organisation_id)?;
    let before = get(&txn, actor, id).await?;
    let mut draft = draft.clone();
    if rights == EditRights::Descriptive {
        // What a unit may not change about itself stays as the authorities recorded it.
        draft.national_id = current.national_id.clone();
        draft.province = current.province_code.clone();
        draft.status = current.status.clone();
        draft.knowledge_based = current.knowledge_based;
    }
    let v = draft.validate().map_err(RegistryError::Invalid)?;
    if v.province.code != current.province_code {
        rules::authorize_create(actor, v.province.code)?;
    }
    if expected_version.is_some_and(|ev| ev != current.version) {
        return Err(RegistryError::Conflict);
    }
    check_unique(&txn, actor, &v, Some(id)).await?;
    store::update_unit(&txn, id, current.version, &v).await?;
    store::replace_children(&txn, id, &v).await?;
    audit::record(
        &txn,
        Change::by(actor, "unit.update", "unit", id)
            .before(json!(before))
            .after(snapshot_json(&v)),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Gives unit `id` its own organisation, so that organisation's users act as the unit.
pub async fn attach_organisation<C: ConnectionTrait>(
    db: &C,
    id: i64,
    organisation_id: i64,
) -> Result<(), RegistryError> {
    let before = unit::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(RegistryError::NotFound)?;
    unit::Entity::update_many()
        .col_expr(
            unit::Column::OrganisationId,
            sea_orm::sea_query::Expr::value(organisation_id),
        )
        .filter(unit::Column::Id.eq(id))
        .exec(db)
        .await?;
    audit::record(
        db,
        Change::system("system", "unit.attach_organisation", "unit", id)
            .before(json!({"organisation_id": before.organisation_id}))
            .after(json!({"organisation_id": organisation_id})),
    )
    .await?;
    Ok(())
}

/// Inserts generated demo units, audited as done by "demo".
pub async fn insert_demo(
    db: &DatabaseConnection,
    units: Vec<ValidUnit>,
) -> Result<Vec<i64>, RegistryError> {
    let txn = crate::db::begin_write(db).await?;
    let ids = store::insert_units(&txn, &units).await?;
    let changes = ids
        .iter()
        .zip(units.iter())
        .map(|(id, v)| Change::system("demo", "unit.create", "unit", id).after(snapshot_json(v)))
        .collect();
    audit::record_many(&txn, changes).await?;
    txn.commit().await?;
    Ok(ids)
}
