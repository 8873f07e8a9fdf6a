//! Writes of units and their children, in batches: one unit from a form and 100k from an
//! import take the same path.

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set, Value};

use super::entity::{product, qc_manager, term, unit};
use super::model::ValidUnit;
use super::tallies::{self, Counted};
use super::terms::unit_terms;
use crate::db::bulk;

const UNIT_COLUMNS: [&str; 16] = [
    "country",
    "national_id",
    "name_fa",
    "name_en",
    "name_vi",
    "province_code",
    "city",
    "isic_class",
    "isic_section",
    "size_class",
    "knowledge_based",
    "status",
    "created_at",
    "updated_at",
    "version",
    "organisation_id",
];

fn unit_row(v: &ValidUnit) -> Vec<Value> {
    let at = v.registered_at.unwrap_or_else(Utc::now);
    vec![
        v.country.code().into(),
        v.national_id.clone().into(),
        v.name_fa.clone().into(),
        v.name_en.clone().into(),
        v.name_vi.clone().into(),
        v.province.code.into(),
        v.city.clone().into(),
        v.isic_class.clone().into(),
        v.isic_section.clone().into(),
        v.size_class.as_str().into(),
        v.knowledge_based.into(),
        v.status.as_str().into(),
        at.into(),
        at.into(),
        1i32.into(),
        Option::<i64>::None.into(),
    ]
}

/// Inserts new units with their products, QC managers and search terms; returns their ids in
/// input order.
pub async fn insert_units<C: ConnectionTrait>(
    db: &C,
    units: &[ValidUnit],
) -> Result<Vec<i64>, DbErr> {
    let started = std::time::Instant::now();
    // Folding every name into search terms is CPU work: do it on another core while the
    // database inserts the units.
    let names: Vec<[String; 4]> = units
        .iter()
        .map(|v| {
            [
                v.name_fa.clone(),
                v.name_en.clone(),
                v.name_vi.clone(),
                v.national_id.clone(),
            ]
        })
        .collect();
    let terms = tokio::task::spawn_blocking(move || {
        names
            .iter()
            .map(|[fa, en, vi, id]| unit_terms(&[fa, en, vi], id))
            .collect::<Vec<_>>()
    });
    let rows = bulk::insert(
        db,
        "units",
        &UNIT_COLUMNS,
        units.iter().map(unit_row).collect(),
        Some("id, country, national_id"),
    )
    .await?;
    // RETURNING order is not promised: match rows back by their natural key.
    let mut by_key = std::collections::HashMap::with_capacity(rows.len());
    for r in rows {
        let id: i64 = r.try_get("", "id")?;
        let country: String = r.try_get("", "country")?;
        let national_id: String = r.try_get("", "national_id")?;
        by_key.insert((country, national_id), id);
    }
    let mut ids = Vec::with_capacity(units.len());
    for v in units {
        let id = by_key
            .remove(&(v.country.code().to_string(), v.national_id.clone()))
            .ok_or_else(|| DbErr::Custom("inserted unit not returned".into()))?;
        ids.push(id);
    }
    let units_done = started.elapsed();
    let pairs: Vec<(i64, &ValidUnit)> = ids.iter().copied().zip(units.iter()).collect();
    let terms = terms
        .await
        .map_err(|e| DbErr::Custom(format!("term folding failed: {e}")))?;
    insert_children(db, &pairs, terms).await?;
    tallies::apply(db, units.iter().map(|v| (Counted::of_valid(v), 1))).await?;
    tracing::debug!(
        units = ids.len(),
        units_ms = units_done.as_millis() as u64,
        children_ms = (started.elapsed() - units_done).as_millis() as u64,
        "units stored"
    );
    Ok(ids)
}

/// Replaces a unit's products, QC managers and terms with those of `v`.
pub async fn replace_children<C: ConnectionTrait>(
    db: &C,
    id: i64,
    v: &ValidUnit,
) -> Result<(), DbErr> {
    product::Entity::delete_many()
        .filter(product::Column::UnitId.eq(id))
        .exec(db)
        .await?;
    qc_manager::Entity::delete_many()
        .filter(qc_manager::Column::UnitId.eq(id))
        .exec(db)
        .await?;
    term::Entity::delete_many()
        .filter(term::Column::UnitId.eq(id))
        .exec(db)
        .await?;
    let terms = vec![unit_terms(
        &[&v.name_fa, &v.name_en, &v.name_vi],
        &v.national_id,
    )];
    insert_children(db, &[(id, v)], terms).await
}

/// `terms[i]` are the search terms of `units[i]`.
async fn insert_children<C: ConnectionTrait>(
    db: &C,
    units: &[(i64, &ValidUnit)],
    terms: Vec<std::collections::BTreeSet<String>>,
) -> Result<(), DbErr> {
    let products = units
        .iter()
        .flat_map(|(id, v)| {
            v.products
                .iter()
                .map(move |(name, hs)| vec![(*id).into(), name.clone().into(), hs.clone().into()])
        })
        .collect();
    bulk::insert(
        db,
        "unit_products",
        &["unit_id", "name", "hs_code"],
        products,
        None,
    )
    .await?;
    let managers = units
        .iter()
        .flat_map(|(id, v)| {
            v.qc_managers.iter().map(move |(name, code)| {
                vec![(*id).into(), name.clone().into(), code.clone().into()]
            })
        })
        .collect();
    bulk::insert(
        db,
        "unit_qc_managers",
        &["unit_id", "full_name", "national_code"],
        managers,
        None,
    )
    .await?;
    let mut terms: Vec<(&str, String, i64)> = units
        .iter()
        .zip(terms)
        .flat_map(|((id, v), words)| words.into_iter().map(move |t| (v.province.code, t, *id)))
        .collect();
    // In key order, each B-tree page is written once per batch rather than once per row.
    terms.sort_unstable();
    let terms = terms
        .into_iter()
        .map(|(p, t, id)| vec![p.into(), t.into(), id.into()])
        .collect();
    let t = std::time::Instant::now();
    bulk::insert(
        db,
        "unit_terms",
        &["province_code", "term", "unit_id"],
        terms,
        None,
    )
    .await?;
    tracing::debug!(terms_ms = t.elapsed().as_millis() as u64, "terms stored");
    Ok(())
}

/// Writes the scalar fields of `v` over unit `id`, bumping its version.
pub async fn update_unit<C: ConnectionTrait>(
    db: &C,
    id: i64,
    version: i32,
    v: &ValidUnit,
) -> Result<(), DbErr> {
    let before = unit::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("unit {id}")))?;
    tallies::apply(
        db,
        [(Counted::of_row(&before), -1), (Counted::of_valid(v), 1)],
    )
    .await?;
    unit::Entity::update(unit::ActiveModel {
        id: Set(id),
        country: Set(v.country.code().to_string()),
        national_id: Set(v.national_id.clone()),
        name_fa: Set(v.name_fa.clone()),
        name_en: Set(v.name_en.clone()),
        name_vi: Set(v.name_vi.clone()),
        province_code: Set(v.province.code.to_string()),
        city: Set(v.city.clone()),
        isic_class: Set(v.isic_class.clone()),
        isic_section: Set(v.isic_section.clone()),
        size_class: Set(v.size_class.as_str().to_string()),
        knowledge_based: Set(v.knowledge_based),
        status: Set(v.status.as_str().to_string()),
        updated_at: Set(Utc::now()),
        version: Set(version + 1),
        ..Default::default()
    })
    .exec(db)
    .await?;
    Ok(())
}
