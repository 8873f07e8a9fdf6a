//! The public register of licences: each licence's words in `licence_terms` (written when it
//! is issued), searched by byte-wise prefix ranges as the registry searches units (ADR 0001),
//! planned by how common each word is, counted up to a cap, paged by key. Built for a million
//! licences (ADR 0009, `docs/benchmarks.md`).

use sea_orm::sea_query::{Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait, Select, Value,
};

use super::entity::{licence, permit_type};
use super::error::LicensingError;
use super::model::{LicenceStatus, Tri};
use super::register_terms::{Stated, licence_terms, query_terms};
use super::register_view::{CoveredProduct, LicenceEntry, RegisterPage, RegisterQuery};
use crate::db::count::count_rows;
use crate::db::dialect::prefix_upper_bound;
use crate::kernel::stored;

pub const PAGE: u64 = 20;
/// Matches counted at most; a page says "more than" beyond.
pub const COUNT_CAP: u64 = 1000;
/// A word matched by more licences than this drives the query from the licences' side (newest
/// first, checking each one's words) instead of from the word's list of licences.
const RARE: u64 = 2_000;

#[derive(serde::Deserialize)]
struct Covered {
    product: String,
    #[serde(default)]
    brand: String,
    standard: Option<String>,
}

fn covered(l: &licence::Model) -> Result<Vec<Covered>, LicensingError> {
    Ok(serde_json::from_str(&l.covers)?)
}

/// Writes licence `l`'s holder and words, in the caller's transaction (at issue).
pub(super) async fn index<C: ConnectionTrait>(
    tx: &C,
    l: &licence::Model,
) -> Result<(), LicensingError> {
    let unit = crate::registry::lookup::holder(tx, l.unit_id)
        .await?
        .ok_or(LicensingError::NotFound)?;
    let [fa, en, vi] = &unit.names;
    licence::Entity::update_many()
        .col_expr(licence::Column::HolderFa, Expr::value(fa.as_str()))
        .col_expr(licence::Column::HolderEn, Expr::value(en.as_str()))
        .col_expr(licence::Column::HolderVi, Expr::value(vi.as_str()))
        .filter(licence::Column::Id.eq(l.id))
        .exec(tx)
        .await?;
    let covers = covered(l)?;
    let terms = licence_terms(&Stated {
        number: &l.number,
        holder: [fa, en, vi],
        national_id: &unit.national_id,
        products: covers
            .iter()
            .flat_map(|c| [c.product.as_str(), c.brand.as_str()])
            .collect(),
    });
    let rows: Vec<Vec<Value>> = terms
        .into_iter()
        .map(|t| vec![t.into(), l.id.into()])
        .collect();
    crate::db::bulk::insert(tx, "licence_terms", &["term", "licence_id"], rows, None).await?;
    Ok(())
}

fn range(sel: &mut SelectStatement, t: &str) {
    sel.and_where(Expr::col(("licence_terms", "term")).gte(t))
        .and_where(Expr::col(("licence_terms", "term")).lt(prefix_upper_bound(t)));
}

/// How many licences have a word starting with `term`, counted up to `cap + 1`.
async fn frequency<C: ConnectionTrait>(db: &C, term: &str, cap: u64) -> Result<u64, DbErr> {
    let mut inner = Query::select()
        .expr(Expr::val(1))
        .from("licence_terms")
        .limit(cap + 1)
        .to_owned();
    range(&mut inner, term);
    count_rows(db, inner).await
}

/// How a search found its licences.
enum Plan {
    /// No word matches: nothing to read.
    Nothing,
    /// From a rare word's licences, or from the status alone: counted up to `COUNT_CAP`.
    Narrow(Select<licence::Entity>),
    /// Every word is common: licences are read newest first, checking each one's words, so a
    /// count costs as many rows as it counts; it stops one past the page.
    Scan(Select<licence::Entity>),
}

/// The licences with a word starting with `term` (a rare one: at most `RARE` rows).
async fn candidates<C: ConnectionTrait>(db: &C, term: &str) -> Result<Vec<i64>, DbErr> {
    let mut sel = Query::select()
        .column("licence_id")
        .from("licence_terms")
        .limit(RARE)
        .to_owned();
    range(&mut sel, term);
    let mut ids = db
        .query_all(&sel)
        .await?
        .iter()
        .map(|r| r.try_get::<i64>("", "licence_id"))
        .collect::<Result<Vec<_>, _>>()?;
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// The licences matching `f`'s words and status (no paging).
async fn matching<C: ConnectionTrait>(db: &C, f: &RegisterQuery) -> Result<Plan, LicensingError> {
    let mut q = licence::Entity::find();
    if let Some(st) = f.status.as_deref().filter(|s| !s.is_empty()) {
        let st = LicenceStatus::parse(st)
            .ok_or_else(|| LicensingError::invalid("status", "invalid_choice"))?;
        q = q.filter(licence::Column::Status.eq(st.as_str()));
    }
    let Some(text) = f.q.as_deref().filter(|t| !t.trim().is_empty()) else {
        return Ok(Plan::Narrow(q));
    };
    if text.chars().count() > 200 {
        return Err(LicensingError::invalid("q", "too_long"));
    }
    let mut words = vec![];
    for t in query_terms(text) {
        words.push((frequency(db, &t, RARE).await?, t));
    }
    words.sort();
    let narrow = words.first().is_some_and(|(n, _)| *n <= RARE);
    let mut all = Condition::all();
    for (i, (n, t)) in words.into_iter().enumerate() {
        if n == 0 {
            return Ok(Plan::Nothing);
        }
        if i == 0 && n <= RARE {
            // The rare word's licences are read first and named to the main query: as a
            // subquery, PostgreSQL cannot tell that the range is narrow and may instead walk
            // every licence probing its words.
            all = all.add(licence::Column::Id.is_in(candidates(db, &t).await?));
        } else {
            let mut sub = Query::select()
                .expr(Expr::val(1))
                .from("licence_terms")
                .and_where(
                    Expr::col(("licence_terms", "licence_id"))
                        .equals((licence::Entity, licence::Column::Id)),
                )
                .to_owned();
            range(&mut sub, &t);
            all = all.add(Expr::exists(sub));
        }
    }
    let q = q.filter(all);
    Ok(if narrow {
        Plan::Narrow(q)
    } else {
        Plan::Scan(q)
    })
}

fn entry(l: licence::Model, types: &[(i64, String)]) -> Result<LicenceEntry, LicensingError> {
    let products = covered(&l)?
        .into_iter()
        .map(|c| CoveredProduct {
            product: c.product,
            brand: c.brand,
            standard: c.standard,
        })
        .collect();
    Ok(LicenceEntry {
        id: l.id,
        status: stored("licence status", &l.status, LicenceStatus::parse)?,
        permit_type: types
            .iter()
            .find(|(id, _)| *id == l.permit_type_id)
            .map(|(_, c)| c.clone())
            .unwrap_or_default(),
        holder: Tri {
            fa: l.holder_fa,
            vi: l.holder_vi,
            en: l.holder_en,
        },
        number: l.number,
        province: l.province_code,
        products,
        valid_from: l.valid_from,
        valid_until: l.valid_until,
        status_reason: l.status_reason,
        legal_basis: l.legal_basis,
    })
}

/// One page of the register for `f`: anyone may read it.
pub async fn search<C: ConnectionTrait>(
    db: &C,
    f: &RegisterQuery,
) -> Result<RegisterPage, LicensingError> {
    let (q, cap) = match matching(db, f).await? {
        Plan::Nothing => {
            return Ok(RegisterPage {
                entries: vec![],
                total: 0,
                total_capped: false,
                next: None,
            });
        }
        Plan::Narrow(q) => (q, COUNT_CAP),
        Plan::Scan(q) => (q, PAGE),
    };
    let counted = q
        .clone()
        .select_only()
        .column(licence::Column::Id)
        .limit(cap + 1)
        .into_query();
    let total = count_rows(db, counted).await?;
    let mut page = q;
    if let Some(after) = f.after {
        page = page.filter(licence::Column::Id.lt(after));
    }
    let mut rows = page
        .order_by_desc(licence::Column::Id)
        .limit(PAGE + 1)
        .all(db)
        .await?;
    let next = (rows.len() as u64 > PAGE).then(|| {
        rows.truncate(PAGE as usize);
        rows.last().map(|l| l.id)
    });
    let types: Vec<(i64, String)> = permit_type::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.code))
        .collect();
    Ok(RegisterPage {
        entries: rows
            .into_iter()
            .map(|l| entry(l, &types))
            .collect::<Result<_, _>>()?,
        total: std::cmp::min(total, cap),
        total_capped: total > cap,
        next: next.flatten(),
    })
}

/// One licence of the register.
pub async fn get<C: ConnectionTrait>(db: &C, id: i64) -> Result<LicenceEntry, LicensingError> {
    let l = licence::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(LicensingError::NotFound)?;
    let types: Vec<(i64, String)> = permit_type::Entity::find()
        .filter(permit_type::Column::Id.eq(l.permit_type_id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.code))
        .collect();
    entry(l, &types)
}
