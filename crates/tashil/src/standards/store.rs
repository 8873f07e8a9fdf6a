//! Writes of standards and their children, in batches: one standard from a form and 200k
//! from the demo generator or an import take the same path.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set, Value};

use super::entity::{clause, product_scope, standard};
use super::model::{Status, ValidStandard};
use crate::db::bulk;

/// A standard to insert, with the state the body gives it.
pub struct NewStandard {
    pub v: ValidStandard,
    pub status: Status,
    pub mandatory: bool,
    pub mandatory_from: Option<NaiveDate>,
    /// The countries whose lists it stands on when mandatory, each from `mandatory_from`;
    /// empty: its body's country's (`lists::default_countries`).
    pub mandatory_in: Vec<&'static str>,
    pub enquiry_deadline: Option<NaiveDate>,
}

impl NewStandard {
    pub fn draft(v: ValidStandard) -> Self {
        NewStandard {
            v,
            status: Status::Draft,
            mandatory: false,
            mandatory_from: None,
            mandatory_in: Vec::new(),
            enquiry_deadline: None,
        }
    }
}

const COLUMNS: [&str; 19] = [
    "body",
    "number",
    "year",
    "edition",
    "title_fa",
    "title_en",
    "title_vi",
    "scope_fa",
    "scope_en",
    "scope_vi",
    "ics",
    "status",
    "replaced_by",
    "mandatory",
    "mandatory_from",
    "enquiry_deadline",
    "created_at",
    "updated_at",
    "version",
];

fn row(n: &NewStandard, now: DateTime<Utc>) -> Vec<Value> {
    let v = &n.v;
    vec![
        v.body.as_str().into(),
        v.number.clone().into(),
        v.year.unwrap_or(0).into(),
        v.edition.into(),
        v.title_fa.clone().into(),
        v.title_en.clone().into(),
        v.title_vi.clone().into(),
        v.scope_fa.clone().into(),
        v.scope_en.clone().into(),
        v.scope_vi.clone().into(),
        v.ics.join(" ").into(),
        n.status.as_str().into(),
        Option::<i64>::None.into(),
        n.mandatory.into(),
        n.mandatory_from.into(),
        n.enquiry_deadline.into(),
        now.into(),
        now.into(),
        1i32.into(),
    ]
}

/// Inserts standards with their products and clauses; returns their ids in input order.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    items: &[NewStandard],
    now: DateTime<Utc>,
) -> Result<Vec<i64>, DbErr> {
    let rows = bulk::insert(
        db,
        "standards",
        &COLUMNS,
        items.iter().map(|n| row(n, now)).collect(),
        Some("id, body, number, year"),
    )
    .await?;
    // RETURNING order is not promised: match rows back by their designation.
    let mut by_key = std::collections::HashMap::with_capacity(rows.len());
    for r in rows {
        let key = (
            r.try_get::<String>("", "body")?,
            r.try_get::<String>("", "number")?,
            r.try_get::<i32>("", "year")?,
        );
        by_key.insert(key, r.try_get::<i64>("", "id")?);
    }
    let mut ids = Vec::with_capacity(items.len());
    for n in items {
        let key = (
            n.v.body.as_str().to_string(),
            n.v.number.clone(),
            n.v.year.unwrap_or(0),
        );
        ids.push(
            by_key
                .remove(&key)
                .ok_or_else(|| DbErr::Custom("inserted standard not returned".into()))?,
        );
    }
    let pairs: Vec<(i64, &ValidStandard)> = ids
        .iter()
        .copied()
        .zip(items.iter().map(|n| &n.v))
        .collect();
    insert_children(db, &pairs).await?;
    let listed = ids
        .iter()
        .zip(items)
        .filter(|(_, n)| n.mandatory)
        .flat_map(|(id, n)| {
            let countries = match n.mandatory_in.as_slice() {
                [] => super::lists::default_countries(n.v.body.as_str()),
                named => named,
            };
            countries
                .iter()
                .map(move |c| (*id, *c, n.mandatory_from))
                .collect::<Vec<_>>()
        })
        .collect();
    super::lists::insert_many(db, listed).await?;
    Ok(ids)
}

async fn insert_children<C: ConnectionTrait>(
    db: &C,
    items: &[(i64, &ValidStandard)],
) -> Result<(), DbErr> {
    let products = items
        .iter()
        .flat_map(|(id, v)| {
            v.products.iter().map(move |p| {
                vec![
                    (*id).into(),
                    p.hs_prefix.clone().into(),
                    p.product.clone().into(),
                ]
            })
        })
        .collect();
    bulk::insert(
        db,
        "standard_products",
        &["standard_id", "hs_prefix", "product"],
        products,
        None,
    )
    .await?;
    let clauses = items
        .iter()
        .flat_map(|(id, v)| {
            v.clauses.iter().enumerate().map(move |(i, c)| {
                vec![
                    (*id).into(),
                    (i as i32).into(),
                    c.number.clone().into(),
                    c.parameter_fa.clone().into(),
                    c.parameter_en.clone().into(),
                    c.parameter_vi.clone().into(),
                    c.test_method.clone().into(),
                    c.unit.clone().into(),
                    c.min.into(),
                    c.max.into(),
                    c.allowed.join("|").into(),
                ]
            })
        })
        .collect();
    bulk::insert(
        db,
        "standard_clauses",
        &[
            "standard_id",
            "position",
            "number",
            "parameter_fa",
            "parameter_en",
            "parameter_vi",
            "test_method",
            "unit",
            "min_value",
            "max_value",
            "allowed",
        ],
        clauses,
        None,
    )
    .await?;
    Ok(())
}

/// Writes the descriptive fields of `v` over standard `id`, replacing products and clauses.
pub async fn update<C: ConnectionTrait>(
    db: &C,
    id: i64,
    version: i32,
    v: &ValidStandard,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    standard::Entity::update(standard::ActiveModel {
        id: Set(id),
        body: Set(v.body.as_str().to_string()),
        number: Set(v.number.clone()),
        year: Set(v.year.unwrap_or(0)),
        edition: Set(v.edition),
        title_fa: Set(v.title_fa.clone()),
        title_en: Set(v.title_en.clone()),
        title_vi: Set(v.title_vi.clone()),
        scope_fa: Set(v.scope_fa.clone()),
        scope_en: Set(v.scope_en.clone()),
        scope_vi: Set(v.scope_vi.clone()),
        ics: Set(v.ics.join(" ")),
        updated_at: Set(now),
        version: Set(version + 1),
        ..Default::default()
    })
    .exec(db)
    .await?;
    product_scope::Entity::delete_many()
        .filter(product_scope::Column::StandardId.eq(id))
        .exec(db)
        .await?;
    clause::Entity::delete_many()
        .filter(clause::Column::StandardId.eq(id))
        .exec(db)
        .await?;
    insert_children(db, &[(id, v)]).await
}

/// Points withdrawn standards at their replacements (`(withdrawn, replacement)`).
pub async fn set_replaced_by<C: ConnectionTrait>(
    db: &C,
    pairs: &[(i64, i64)],
) -> Result<(), DbErr> {
    for (old, new) in pairs {
        standard::Entity::update_many()
            .col_expr(
                standard::Column::ReplacedBy,
                sea_orm::sea_query::Expr::val(*new),
            )
            .filter(standard::Column::Id.eq(*old))
            .exec(db)
            .await?;
    }
    Ok(())
}
