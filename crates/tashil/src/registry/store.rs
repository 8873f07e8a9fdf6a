//! Writes of units and their children, in batches: one unit from a form and 100k from an
//! import take the same path.

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};

use super::entity::{product, qc_manager, term, unit};
use super::model::ValidUnit;
use super::terms::unit_terms;

/// Rows per multi-row INSERT: well under SQLite's 32,766 bound parameters and PostgreSQL's
/// 65,535 for every table here.
const CHUNK: usize = 500;

fn active(v: &ValidUnit) -> unit::ActiveModel {
    let now = v.registered_at.unwrap_or_else(Utc::now);
    unit::ActiveModel {
        organisation_id: Set(None),
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
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    }
}

/// Inserts new units with their products, QC managers and search terms; returns their ids in
/// input order.
pub async fn insert_units<C: ConnectionTrait>(
    db: &C,
    units: &[ValidUnit],
) -> Result<Vec<i64>, DbErr> {
    let mut ids = Vec::with_capacity(units.len());
    for chunk in units.chunks(CHUNK) {
        let inserted = unit::Entity::insert_many(chunk.iter().map(active))
            .exec_with_returning(db)
            .await?;
        // RETURNING order is not promised: match rows back by their natural key.
        let by_key: std::collections::HashMap<(String, String), i64> = inserted
            .into_iter()
            .map(|m| ((m.country, m.national_id), m.id))
            .collect();
        for v in chunk {
            let id = by_key
                .get(&(v.country.code().to_string(), v.national_id.clone()))
                .copied()
                .ok_or_else(|| DbErr::Custom("inserted unit not returned".into()))?;
            ids.push(id);
        }
    }
    let pairs: Vec<(i64, &ValidUnit)> = ids.iter().copied().zip(units.iter()).collect();
    insert_children(db, &pairs).await?;
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
    insert_children(db, &[(id, v)]).await
}

async fn insert_children<C: ConnectionTrait>(
    db: &C,
    units: &[(i64, &ValidUnit)],
) -> Result<(), DbErr> {
    let products: Vec<product::ActiveModel> = units
        .iter()
        .flat_map(|(id, v)| {
            v.products
                .iter()
                .map(move |(name, hs)| product::ActiveModel {
                    unit_id: Set(*id),
                    name: Set(name.clone()),
                    hs_code: Set(hs.clone()),
                    ..Default::default()
                })
        })
        .collect();
    for c in products.chunks(CHUNK) {
        product::Entity::insert_many(c.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    let managers: Vec<qc_manager::ActiveModel> = units
        .iter()
        .flat_map(|(id, v)| {
            v.qc_managers
                .iter()
                .map(move |(name, code)| qc_manager::ActiveModel {
                    unit_id: Set(*id),
                    full_name: Set(name.clone()),
                    national_code: Set(code.clone()),
                    ..Default::default()
                })
        })
        .collect();
    for c in managers.chunks(CHUNK) {
        qc_manager::Entity::insert_many(c.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    let terms: Vec<term::ActiveModel> = units
        .iter()
        .flat_map(|(id, v)| {
            unit_terms(&[&v.name_fa, &v.name_en, &v.name_vi], &v.national_id)
                .into_iter()
                .map(move |t| term::ActiveModel {
                    term: Set(t),
                    unit_id: Set(*id),
                })
        })
        .collect();
    for c in terms.chunks(CHUNK) {
        term::Entity::insert_many(c.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Writes the scalar fields of `v` over unit `id`, bumping its version.
pub async fn update_unit<C: ConnectionTrait>(
    db: &C,
    id: i64,
    version: i32,
    v: &ValidUnit,
) -> Result<(), DbErr> {
    let mut m = active(v);
    m.id = Set(id);
    m.updated_at = Set(Utc::now());
    m.created_at = sea_orm::ActiveValue::NotSet;
    m.organisation_id = sea_orm::ActiveValue::NotSet;
    m.version = Set(version + 1);
    unit::Entity::update(m).exec(db).await?;
    Ok(())
}
