//! What other contexts may read of the registry, without its tables: the unit a unit user acts
//! for, units by national ID, the units of a case as an actor may see them, and the
//! organisations acting for units. Reads on behalf of an actor start from its `UnitScope`.

use std::collections::BTreeMap;

use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use super::entity::unit;
use crate::access::units::UnitScope;

/// A unit as another context shows it.
#[derive(Debug, Clone)]
pub struct UnitRef {
    pub id: i64,
    pub national_id: String,
    pub names: [String; 3],
    pub province: String,
    pub organisation_id: Option<i64>,
}

impl From<unit::Model> for UnitRef {
    fn from(u: unit::Model) -> Self {
        UnitRef {
            id: u.id,
            national_id: u.national_id,
            names: [u.name_fa, u.name_en, u.name_vi],
            province: u.province_code,
            organisation_id: u.organisation_id,
        }
    }
}

/// The unit organisation `org` acts for (a unit user's own).
pub async fn unit_of_organisation<C: ConnectionTrait>(
    db: &C,
    org: i64,
) -> Result<Option<i64>, DbErr> {
    Ok(unit_ref_of_organisation(db, org).await?.map(|u| u.id))
}

/// [`unit_of_organisation`], as another context shows it.
pub async fn unit_ref_of_organisation<C: ConnectionTrait>(
    db: &C,
    org: i64,
) -> Result<Option<UnitRef>, DbErr> {
    Ok(unit::Entity::find()
        .filter(unit::Column::OrganisationId.eq(org))
        .order_by_asc(unit::Column::Id)
        .one(db)
        .await?
        .map(UnitRef::from))
}

/// `SELECT id` of the units organisation `org` acts for, as a subquery for another context's
/// select.
pub fn units_of_organisation(org: i64) -> SelectStatement {
    Query::select()
        .column(unit::Column::Id)
        .from(unit::Entity)
        .and_where(unit::Column::OrganisationId.eq(org))
        .to_owned()
}

/// The units registered under `national_ids` (already normalised) in `country`: national ID →
/// (unit id, province).
pub async fn by_national_ids<C: ConnectionTrait>(
    db: &C,
    country: &str,
    national_ids: &[String],
) -> Result<BTreeMap<String, (i64, String)>, DbErr> {
    let mut out = BTreeMap::new();
    for chunk in national_ids.chunks(500) {
        for u in unit::Entity::find()
            .filter(unit::Column::Country.eq(country))
            .filter(unit::Column::NationalId.is_in(chunk.iter().cloned()))
            .all(db)
            .await?
        {
            out.insert(u.national_id, (u.id, u.province_code));
        }
    }
    Ok(out)
}

/// Units `ids` that `scope` may read, by id.
pub async fn visible<C: ConnectionTrait>(
    db: &C,
    scope: &UnitScope,
    ids: &[i64],
) -> Result<Vec<UnitRef>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    Ok(super::query::scoped(scope)
        .filter(unit::Column::Id.is_in(ids.iter().copied()))
        .order_by_asc(unit::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(UnitRef::from)
        .collect())
}

/// The organisations acting for units `ids` (a unit's own staff), for a context that tells
/// them of something (the desk tells the units a case names of its closing).
pub async fn organisations_of_units<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<Vec<i64>, DbErr> {
    let mut orgs: Vec<i64> = unit::Entity::find()
        .filter(unit::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|u| u.organisation_id)
        .collect();
    orgs.sort_unstable();
    orgs.dedup();
    Ok(orgs)
}

/// Unit `id` as a document issued to it names it (a licence's holder): read for the system,
/// not on behalf of an actor.
pub async fn holder<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<UnitRef>, DbErr> {
    Ok(unit::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(UnitRef::from))
}

/// A unit's register entry as a credential about it states it (its Digital Identity Anchor).
#[derive(Debug, Clone)]
pub struct UnitIdentity {
    pub id: i64,
    pub national_id: String,
    /// fa, en, vi.
    pub names: [String; 3],
    pub province: String,
    /// ISO 3166-1 alpha-2 (IR, VN).
    pub country: String,
    pub status: String,
    pub registered_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// Unit `id`'s register entry, if `scope` reaches it (out of reach reads as absent).
pub async fn identity<C: ConnectionTrait>(
    db: &C,
    scope: &UnitScope,
    id: i64,
) -> Result<Option<UnitIdentity>, DbErr> {
    Ok(super::query::scoped(scope)
        .filter(unit::Column::Id.eq(id))
        .one(db)
        .await?
        .map(|u| UnitIdentity {
            id: u.id,
            national_id: u.national_id,
            names: [u.name_fa, u.name_en, u.name_vi],
            province: u.province_code,
            country: u.country,
            status: u.status,
            registered_at: u.created_at,
            updated_at: u.updated_at,
        }))
}

/// A unit as supervision scores it: its id, province and organisation, and its products' HS
/// codes (no names: a recompute of every unit reads only what a score needs).
#[derive(Debug, Clone)]
pub struct ScoredUnit {
    pub id: i64,
    pub province: String,
    pub organisation_id: Option<i64>,
    pub hs_codes: Vec<String>,
}

/// The units of `province` (all with `None`) with their products' HS codes, by id: read for
/// the system (supervision's recompute), not on behalf of an actor.
pub async fn units_with_products<C: ConnectionTrait>(
    db: &C,
    province: Option<&str>,
) -> Result<Vec<ScoredUnit>, DbErr> {
    use super::entity::product;
    use sea_orm::QuerySelect;
    let mut q = unit::Entity::find()
        .select_only()
        .columns([
            unit::Column::Id,
            unit::Column::ProvinceCode,
            unit::Column::OrganisationId,
        ])
        .order_by_asc(unit::Column::Id);
    if let Some(p) = province {
        q = q.filter(unit::Column::ProvinceCode.eq(p));
    }
    let units: Vec<(i64, String, Option<i64>)> = q.into_tuple().all(db).await?;
    let mut codes: std::collections::HashMap<i64, Vec<String>> =
        std::collections::HashMap::with_capacity(units.len());
    let mut products = product::Entity::find()
        .select_only()
        .columns([product::Column::UnitId, product::Column::HsCode]);
    if let Some(p) = province {
        products = products.filter(
            product::Column::UnitId.in_subquery(
                Query::select()
                    .column(unit::Column::Id)
                    .from(unit::Entity)
                    .and_where(unit::Column::ProvinceCode.eq(p))
                    .to_owned(),
            ),
        );
    }
    let rows: Vec<(i64, String)> = products.into_tuple().all(db).await?;
    for (unit_id, hs_code) in rows {
        codes.entry(unit_id).or_default().push(hs_code);
    }
    Ok(units
        .into_iter()
        .map(|(id, province, organisation_id)| ScoredUnit {
            hs_codes: codes.remove(&id).unwrap_or_default(),
            id,
            province,
            organisation_id,
        })
        .collect())
}

/// Units a complainant may mean by `term` (no actor: anyone may complain): the unit whose
/// national ID it is, else up to `limit` whose name holds it (3 characters at least). Only
/// names and provinces leave through the complaint form.
pub async fn for_complaint<C: ConnectionTrait>(
    db: &C,
    term: &str,
    limit: u64,
) -> Result<Vec<UnitRef>, DbErr> {
    use sea_orm::{Condition, QuerySelect};
    let term = term.trim();
    if term.chars().count() < 3 {
        return Ok(vec![]);
    }
    let by_id = unit::Entity::find()
        .filter(unit::Column::NationalId.eq(term))
        .all(db)
        .await?;
    if !by_id.is_empty() {
        return Ok(by_id.into_iter().map(UnitRef::from).collect());
    }
    Ok(unit::Entity::find()
        .filter(
            Condition::any()
                .add(unit::Column::NameFa.contains(term))
                .add(unit::Column::NameEn.contains(term))
                .add(unit::Column::NameVi.contains(term)),
        )
        .order_by_asc(unit::Column::Id)
        .limit(limit)
        .all(db)
        .await?
        .into_iter()
        .map(UnitRef::from)
        .collect())
}

/// The HS codes of unit `id`'s products: read for the system (an inspection's checklist).
pub async fn hs_codes_of<C: ConnectionTrait>(db: &C, id: i64) -> Result<Vec<String>, DbErr> {
    use super::entity::product;
    Ok(product::Entity::find()
        .filter(product::Column::UnitId.eq(id))
        .order_by_asc(product::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.hs_code)
        .collect())
}
