//! The public list of non-compliant products (issue 21, item 8; Safety Gate style): each
//! province's office records an entry (product, brand, an optional photo, the risk type, the
//! measure taken and its date) and publishes it; anyone reads the published entries, found
//! however their letters are typed (`tashil_text::search_tokens`: Arabic and Persian letter
//! forms, ZWNJ, digits), a page at a time, and as CSV.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::Expr,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::entity::listed_product as up;
use super::error::SupervisionError;
use crate::access::{Actor, supervision as rules};
use crate::audit::{self, Change};
use crate::kernel::{FieldError, Paging};

/// The risk types an entry names (labels: `supervision-risk-…`).
pub const RISK_TYPES: &[&str] = &[
    "chemical",
    "electrical",
    "injury",
    "fire",
    "microbiological",
    "choking",
    "other",
];

/// Entries a page.
pub const PAGE: u64 = 25;

/// An entry as typed (the photo comes beside it, from the page's upload).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct UnsafeDraft {
    pub product: String,
    pub brand: String,
    pub risk_type: String,
    /// The measure taken (withdrawal, recall, sale banned…).
    pub measure: String,
    /// The day it was taken (YYYY-MM-DD).
    pub measured_on: Option<NaiveDate>,
    #[serde(default)]
    pub published: bool,
}

/// An entry as the list shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnsafeEntry {
    pub id: i64,
    pub province: String,
    pub product: String,
    pub brand: String,
    pub risk_type: String,
    pub measure: String,
    pub measured_on: NaiveDate,
    pub has_photo: bool,
    pub published: bool,
}

fn entry(m: up::Model) -> UnsafeEntry {
    UnsafeEntry {
        id: m.id,
        province: m.province_code,
        product: m.product,
        brand: m.brand,
        risk_type: m.risk_type,
        measure: m.measure,
        measured_on: m.measured_on,
        has_photo: m.photo.is_some(),
        published: m.published,
    }
}

/// The search words of an entry, space-delimited at both ends for word-prefix matching.
fn terms(product: &str, brand: &str) -> String {
    format!(
        " {} ",
        tashil_text::search_tokens(&format!("{product} {brand}")).join(" ")
    )
}

/// Records an entry of the officer's province (published at once if `d.published`),
/// audited.
pub async fn create(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    d: &UnsafeDraft,
    photo: Option<(String, Vec<u8>)>,
    now: DateTime<Utc>,
) -> Result<UnsafeEntry, SupervisionError> {
    let province = rules::authorize_unsafe(actor)?;
    let mut errs = Vec::new();
    let product = crate::kernel::required("product", &d.product, 200, &mut errs);
    let brand = crate::kernel::required("brand", &d.brand, 200, &mut errs);
    let measure = crate::kernel::required("measure", &d.measure, 2000, &mut errs);
    if !RISK_TYPES.contains(&d.risk_type.as_str()) {
        errs.push(FieldError::new("risk_type", "invalid_choice"));
    }
    if d.measured_on.is_none() {
        errs.push(FieldError::new("measured_on", "required"));
    }
    let photo = match photo.filter(|(_, b)| !b.is_empty()) {
        None => None,
        Some((name, bytes)) => match crate::kernel::upload::check(&name, &bytes) {
            Ok(f) if f.content_type.starts_with("image/") => Some((f.content_type, bytes)),
            Ok(_) => {
                errs.push(FieldError::new("file", "unsupported_attachment"));
                None
            }
            Err(e) => {
                errs.push(e);
                None
            }
        },
    };
    if !errs.is_empty() {
        return Err(SupervisionError::Invalid(errs));
    }
    let txn = crate::db::begin_write(db).await?;
    let id = up::Entity::insert(up::ActiveModel {
        province_code: Set(province),
        terms: Set(terms(&product, &brand)),
        product: Set(product),
        brand: Set(brand),
        photo_type: Set(photo.as_ref().map(|(t, _)| (*t).to_owned())),
        photo: Set(photo.map(|(_, b)| b)),
        risk_type: Set(d.risk_type.clone()),
        measure: Set(measure),
        measured_on: Set(d.measured_on.unwrap_or_default()),
        published: Set(d.published),
        created_by: Set(actor.user_id()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    })
    .exec(&txn)
    .await?
    .last_insert_id;
    let e = entry(
        up::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or(SupervisionError::NotFound)?,
    );
    audit::record(
        &txn,
        Change::by(
            actor,
            "supervision.unsafe.create",
            "supervision_unsafe_product",
            id,
        )
        .after(json!(e)),
    )
    .await?;
    txn.commit().await?;
    Ok(e)
}

/// Publishes (or withdraws from the list) entry `id` of the officer's province, audited.
pub async fn publish(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: i64,
    published: bool,
    now: DateTime<Utc>,
) -> Result<UnsafeEntry, SupervisionError> {
    let province = rules::authorize_unsafe(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let m = up::Entity::find_by_id(id)
        .filter(up::Column::ProvinceCode.eq(&province))
        .one(&txn)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    up::Entity::update_many()
        .col_expr(up::Column::Published, Expr::value(published))
        .col_expr(up::Column::UpdatedAt, Expr::value(now))
        .col_expr(up::Column::Version, Expr::value(m.version + 1))
        .filter(up::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        Change::by(
            actor,
            "supervision.unsafe.publish",
            "supervision_unsafe_product",
            id,
        )
        .before(json!({"published": m.published}))
        .after(json!({"published": published})),
    )
    .await?;
    txn.commit().await?;
    Ok(UnsafeEntry {
        published,
        ..entry(m)
    })
}

/// The published entries matching `q` (every word a word's beginning), latest first; a
/// page past the end is empty.
pub async fn public(
    db: &sea_orm::DatabaseConnection,
    q: &str,
    page: Option<u64>,
    per_page: u64,
) -> Result<Vec<UnsafeEntry>, SupervisionError> {
    let mut s = up::Entity::find()
        .filter(up::Column::Published.eq(true))
        .select_only()
        .columns([
            up::Column::Id,
            up::Column::ProvinceCode,
            up::Column::Product,
            up::Column::Brand,
            up::Column::RiskType,
            up::Column::Measure,
            up::Column::MeasuredOn,
            up::Column::Published,
            up::Column::PhotoType,
        ]);
    for t in tashil_text::search_tokens(q).into_iter().take(8) {
        s = s.filter(up::Column::Terms.contains(format!(" {t}")));
    }
    let paging = Paging::fixed(page, per_page);
    let rows: Vec<PublicRow> = s
        .order_by_desc(up::Column::MeasuredOn)
        .order_by_desc(up::Column::Id)
        .offset(paging.offset())
        .limit(paging.limit())
        .into_model()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| UnsafeEntry {
            id: r.id,
            province: r.province_code,
            product: r.product,
            brand: r.brand,
            risk_type: r.risk_type,
            measure: r.measure,
            measured_on: r.measured_on,
            has_photo: r.photo_type.is_some(),
            published: r.published,
        })
        .collect())
}

#[derive(sea_orm::FromQueryResult)]
struct PublicRow {
    id: i64,
    province_code: String,
    product: String,
    brand: String,
    risk_type: String,
    measure: String,
    measured_on: NaiveDate,
    published: bool,
    photo_type: Option<String>,
}

/// The officer's province's entries, published or not, latest first.
pub async fn office(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    page: Option<u64>,
) -> Result<Vec<UnsafeEntry>, SupervisionError> {
    let province = rules::authorize_unsafe(actor)?;
    let paging = Paging::fixed(page, PAGE);
    Ok(up::Entity::find()
        .filter(up::Column::ProvinceCode.eq(province))
        .order_by_desc(up::Column::Id)
        .offset(paging.offset())
        .limit(paging.limit())
        .all(db)
        .await?
        .into_iter()
        .map(entry)
        .collect())
}

/// A published entry's photo and its type.
pub async fn photo(
    db: &sea_orm::DatabaseConnection,
    id: i64,
) -> Result<(String, Vec<u8>), SupervisionError> {
    up::Entity::find_by_id(id)
        .filter(up::Column::Published.eq(true))
        .one(db)
        .await?
        .and_then(|m| Some((m.photo_type?, m.photo?)))
        .ok_or(SupervisionError::NotFound)
}

/// The entries as CSV (a header row, then one row each).
pub fn to_csv(rows: &[UnsafeEntry]) -> Vec<u8> {
    let headers: Vec<String> = [
        "product",
        "brand",
        "risk_type",
        "measure",
        "measured_on",
        "province",
    ]
    .map(str::to_owned)
    .to_vec();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|e| {
            vec![
                e.product.clone(),
                e.brand.clone(),
                e.risk_type.clone(),
                e.measure.clone(),
                e.measured_on.to_string(),
                e.province.clone(),
            ]
        })
        .collect();
    tashil_sheets::write_csv(&headers, &rows)
}
