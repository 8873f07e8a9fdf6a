//! Scoped queries over `units`. Every select starts from [`scoped`], which takes the
//! [`UnitScope`] only the access module can make.

use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
    QueryTrait, Select,
};

use super::entity::unit;
use super::service::UnitFilter;
use super::terms::query_terms;
use crate::access::units::{Reach, UnitScope};
use crate::db::dialect::prefix_upper_bound;

pub fn scoped(scope: &UnitScope) -> Select<unit::Entity> {
    let q = unit::Entity::find();
    match scope.reach() {
        Reach::All => q,
        Reach::Province(p) => q.filter(unit::Column::ProvinceCode.eq(p.as_str())),
        Reach::Organisation(o) => q.filter(unit::Column::OrganisationId.eq(*o)),
    }
}

/// Words matched by more units than this drive the query from the units side (an ordered scan
/// that checks each unit's words) instead of from the word's list of units.
const RARE: u64 = 5_000;

/// How many units have a word starting with `term`, counted up to `cap + 1`.
async fn term_frequency<C: ConnectionTrait>(db: &C, term: &str, cap: u64) -> Result<u64, DbErr> {
    let inner = Query::select()
        .expr(Expr::val(1))
        .from("unit_terms")
        .and_where(Expr::col("term").gte(term))
        .and_where(Expr::col("term").lt(prefix_upper_bound(term)))
        .limit(cap + 1)
        .to_owned();
    count_rows(db, inner).await
}

/// `COUNT(*)` over the rows of `inner` (which carries its own limit).
async fn count_rows<C: ConnectionTrait>(
    db: &C,
    inner: sea_orm::sea_query::SelectStatement,
) -> Result<u64, DbErr> {
    let stmt = Query::select()
        .expr_as(Expr::cust("COUNT(*)"), "n")
        .from_subquery(inner, "counted")
        .to_owned();
    let row = db.query_one(&stmt).await?;
    Ok(row
        .map(|r| r.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or(0) as u64)
}

/// The units of `scope` that match `f`. A text query is planned by how common its words
/// are: the rarest word, if rare enough, selects candidate units through the terms' primary
/// key; every other word is checked per unit through `(unit_id, term)`.
pub async fn filtered<C: ConnectionTrait>(
    db: &C,
    scope: &UnitScope,
    f: &UnitFilter,
) -> Result<Select<unit::Entity>, DbErr> {
    let mut q = scoped(scope);
    if let Some(p) = &f.province {
        q = q.filter(unit::Column::ProvinceCode.eq(p.as_str()));
    }
    if let Some(s) = f.status {
        q = q.filter(unit::Column::Status.eq(s.as_str()));
    }
    if let Some(s) = &f.section {
        q = q.filter(unit::Column::IsicSection.eq(s.as_str()));
    }
    if let Some(s) = f.size {
        q = q.filter(unit::Column::SizeClass.eq(s.as_str()));
    }
    if let Some(k) = f.knowledge_based {
        q = q.filter(unit::Column::KnowledgeBased.eq(k));
    }
    let Some(text) = &f.q else { return Ok(q) };
    let mut words = vec![];
    for t in query_terms(text) {
        words.push((term_frequency(db, &t, RARE).await?, t));
    }
    words.sort();
    let mut all = Condition::all();
    for (i, (n, t)) in words.into_iter().enumerate() {
        if n == 0 {
            // A word no unit has: nothing matches, and the database need not look.
            return Ok(q.filter(Expr::val(1).eq(0)));
        }
        let range = |sel: &mut sea_orm::sea_query::SelectStatement| {
            sel.and_where(Expr::col(("unit_terms", "term")).gte(t.clone()))
                .and_where(Expr::col(("unit_terms", "term")).lt(prefix_upper_bound(&t)));
        };
        if i == 0 && n <= RARE {
            let mut sub = Query::select()
                .column("unit_id")
                .from("unit_terms")
                .to_owned();
            range(&mut sub);
            all = all.add(unit::Column::Id.in_subquery(sub));
        } else {
            let mut sub = Query::select()
                .expr(Expr::val(1))
                .from("unit_terms")
                .and_where(
                    Expr::col(("unit_terms", "unit_id")).equals((unit::Entity, unit::Column::Id)),
                )
                .to_owned();
            range(&mut sub);
            all = all.add(Expr::exists(sub));
        }
    }
    Ok(q.filter(all))
}

/// `COUNT(*)` of at most `cap + 1` rows of `select`.
pub async fn capped_count<C: ConnectionTrait>(
    db: &C,
    select: &Select<unit::Entity>,
    cap: u64,
) -> Result<u64, DbErr> {
    let inner = select
        .clone()
        .select_only()
        .column(unit::Column::Id)
        .limit(cap + 1)
        .into_query();
    count_rows(db, inner).await
}
