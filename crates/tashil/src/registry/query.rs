//! Scoped queries over `units`. Every select starts from [`scoped`], which takes the
//! [`UnitScope`] only the access module can make; a name search reads the terms of the
//! scope's provinces only ([`search_ids`]).

use sea_orm::sea_query::{Expr, ExprTrait, Order, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait, Select,
};

use super::entity::unit;
use super::service::UnitFilter;
use super::terms::query_terms;
use crate::access::units::{Reach, UnitScope};
use crate::db::count::count_rows;
use crate::db::dialect::prefix_upper_bound;

pub fn scoped(scope: &UnitScope) -> Select<unit::Entity> {
    scoped_as(scope, province_is)
}

/// [`scoped`], with the province's condition written by `province`.
fn scoped_as(scope: &UnitScope, province: fn(&str) -> Condition) -> Select<unit::Entity> {
    let q = unit::Entity::find();
    match scope.reach() {
        Reach::All => q,
        Reach::Province(p) => q.filter(province(p.as_str())),
        Reach::Organisation(o) => q.filter(unit::Column::OrganisationId.eq(*o)),
    }
}

/// The units of province `p`: the equality every count and lookup uses.
fn province_is(p: &str) -> Condition {
    Condition::all().add(unit::Column::ProvinceCode.eq(p))
}

/// The same units as a range. PostgreSQL drops a sort key an equality fixes, so with
/// `province_code = p` the order `(province_code, id)` became `id` alone and it walked the
/// primary key through every other province's units (698 ms for a page at a million units,
/// one province's units in one block of ids); with the range it walks
/// `ix_units_province_id` (0.35 ms). Only for ordered pages: a count by province and status
/// needs the equality to seek `ix_units_province_status` (8 ms, 218 ms as a range on SQLite).
fn province_range(p: &str) -> Condition {
    Condition::all()
        .add(unit::Column::ProvinceCode.gte(p))
        .add(unit::Column::ProvinceCode.lte(p))
}

/// The units of `scope` matching `f` (text aside), newest first. With one province fixed,
/// ordered by `(province_code, id)` over a range on the province (see [`province_range`]):
/// the same order, which the database takes from `ix_units_province_id`, where by `id` alone
/// it may walk every unit from the newest down when a province's units lie in one block of
/// ids (as after a province's import), 600 ms at a million units.
pub fn newest_first(scope: &UnitScope, f: &UnitFilter) -> Select<unit::Entity> {
    let q = scoped_as(scope, province_range).filter(unit_filters_as(f, province_range));
    let one_province = matches!(scope.reach(), Reach::Province(_)) || f.province.is_some();
    let q = if one_province {
        q.order_by_desc(unit::Column::ProvinceCode)
    } else {
        q
    };
    q.order_by_desc(unit::Column::Id)
}

/// The list's filters other than the text query, on `units`.
pub fn unit_filters(f: &UnitFilter) -> Condition {
    unit_filters_as(f, province_is)
}

fn unit_filters_as(f: &UnitFilter, province: fn(&str) -> Condition) -> Condition {
    let mut c = Condition::all();
    if let Some(p) = &f.province {
        c = c.add(province(p.as_str()));
    }
    if let Some(s) = f.status {
        c = c.add(unit::Column::Status.eq(s.as_str()));
    }
    if let Some(s) = &f.section {
        c = c.add(unit::Column::IsicSection.eq(s.as_str()));
    }
    if let Some(s) = f.size {
        c = c.add(unit::Column::SizeClass.eq(s.as_str()));
    }
    if let Some(k) = f.knowledge_based {
        c = c.add(unit::Column::KnowledgeBased.eq(k));
    }
    c
}

/// The units of `scope` that match `f`, text included: each query word must prefix-match a
/// term of the unit. For exports, which walk every match; the list pages through
/// [`search_ids`].
pub fn filtered(scope: &UnitScope, f: &UnitFilter) -> Select<unit::Entity> {
    let mut q = scoped(scope).filter(unit_filters(f));
    if let Some(text) = &f.q {
        for word in query_terms(text) {
            q = q.filter(word_of_unit(&word, (unit::Entity, unit::Column::Id)));
        }
    }
    q
}

/// The terms of `scope` (and of the filter's province) a search reads: `None` when the
/// scope is one unit, whose words are checked on the unit itself.
fn term_provinces(scope: &UnitScope, f: &UnitFilter) -> Option<Vec<String>> {
    let own = match scope.reach() {
        Reach::Organisation(_) => return None,
        Reach::Province(p) => Some(p.as_str()),
        Reach::All => None,
    };
    Some(match (own, f.province.as_deref()) {
        (Some(p), Some(asked)) if p != asked => vec![],
        (Some(p), _) | (None, Some(p)) => vec![p.to_string()],
        // National staff: every province's terms, one index range each.
        (None, None) => tashil_reference::PROVINCES
            .iter()
            .map(|p| p.code.to_string())
            .collect(),
    })
}

/// Term rows of `provinces` starting with `word`.
fn word_range(alias: &'static str, provinces: &[String], word: &str) -> Condition {
    Condition::all()
        .add(Expr::col((alias, "province_code")).is_in(provinces.iter().cloned()))
        .add(Expr::col((alias, "term")).gte(word))
        .add(Expr::col((alias, "term")).lt(prefix_upper_bound(word)))
}

/// The term rows of `provinces` starting with `word`, as `t`.
fn term_rows(provinces: &[String], word: &str) -> SelectStatement {
    Query::select()
        .from_as("unit_terms", "t")
        .cond_where(word_range("t", provinces, word))
        .to_owned()
}

/// "The unit `id` has a term starting with `word`", through the `(unit_id, term)` index, one
/// probe per unit. The OFFSET keeps PostgreSQL from turning the EXISTS into a semi-join,
/// which reads the word's term rows of the whole country to walk a province's newest units
/// (206 ms for «سیمان» at a million units, against 0.5 ms probing unit by unit); SQLite
/// needs a LIMIT beside it.
fn word_of_unit(word: &str, id: impl sea_orm::sea_query::IntoColumnRef) -> Expr {
    Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from_as("unit_terms", "x")
            .and_where(Expr::col(("x", "unit_id")).equals(id))
            .and_where(Expr::col(("x", "term")).gte(word))
            .and_where(Expr::col(("x", "term")).lt(prefix_upper_bound(word)))
            .limit(1)
            .offset(0)
            .to_owned(),
    )
}

/// A word whose terms in the scope number more than this is "common": the search walks the
/// scope's units from the newest and checks each, since matches come often enough; a rarer
/// word's own list of units is read whole and sorted. Both cost the same, about 10 ms, at
/// this size for a province of 250,000 units (docs/benchmarks.md, "National scale").
const COMMON: u64 = 20_000;

/// A one-word search of a page this deep or less, for a word past a tenth of [`COMMON`],
/// walks from the newest unit for its page and counts apart; a deeper page is taken from
/// the word's whole list, as a rarer word's is.
const SHORT_PAGE: u64 = 100;

/// How many term rows of `provinces` start with `word`, counted up to `cap + 1`.
async fn frequency<C: ConnectionTrait>(
    db: &C,
    provinces: &[String],
    word: &str,
    cap: u64,
) -> Result<u64, DbErr> {
    let inner = term_rows(provinces, word)
        .expr(Expr::val(1))
        .limit(cap + 1)
        .to_owned();
    count_rows(db, inner).await
}

/// What a name search finds: the newest matches a page needs, and how many match in all,
/// counted up to a cap + 1.
#[derive(Debug, Default, PartialEq)]
pub struct Matches {
    /// Newest first.
    pub ids: Vec<i64>,
    pub total: u64,
}

impl Matches {
    /// From every match up to the count's cap, newest first: the newest `page` of them.
    fn from_newest(mut all: Vec<i64>, page: u64) -> Self {
        let total = all.len() as u64;
        all.truncate(page as usize);
        Matches { ids: all, total }
    }
}

/// The newest `page` units of `scope` matching `f` and its text `text`, and how many match,
/// counted up to `cap + 1`.
pub async fn search_ids<C: ConnectionTrait>(
    db: &C,
    scope: &UnitScope,
    f: &UnitFilter,
    text: &str,
    page: u64,
    cap: u64,
) -> Result<Matches, DbErr> {
    planned_search(db, scope, f, text, page, cap, COMMON).await
}

/// [`search_ids`] with the line between rare and common words at `common` term rows.
async fn planned_search<C: ConnectionTrait>(
    db: &C,
    scope: &UnitScope,
    f: &UnitFilter,
    text: &str,
    page: u64,
    cap: u64,
    common: u64,
) -> Result<Matches, DbErr> {
    let words = query_terms(text);
    let want = Want { page, cap, common };
    if !matches!(scope.reach(), Reach::All) || f.province.is_some() {
        return planned_in(db, scope, f, &words, want).await;
    }
    // National staff: each province's newest matches, planned for that province, then
    // merged. One walk over every unit from the newest crosses whole provinces where a word
    // is rare or absent, since a province's units lie in one block of ids (after an import
    // or the demo): 256 ms for «سیمان» at a million units, past 113,000 Vietnamese units.
    let mut all = Matches::default();
    for p in tashil_reference::PROVINCES {
        let one = UnitFilter {
            province: Some(p.code.to_string()),
            ..f.clone()
        };
        let m = planned_in(db, scope, &one, &words, want).await?;
        all.ids.extend(m.ids);
        all.total += m.total;
    }
    all.ids.sort_unstable_by(|a, b| b.cmp(a));
    all.ids.truncate(page as usize);
    all.total = std::cmp::min(all.total, cap + 1);
    Ok(all)
}

/// What a search asks for: the newest `page` matches, a count up to `cap + 1`, and where a
/// word becomes common.
#[derive(Clone, Copy)]
struct Want {
    page: u64,
    cap: u64,
    common: u64,
}

/// [`planned_search`] within one province, or within a scope narrower than one, for the
/// query's `words` ([`query_terms`]).
async fn planned_in<C: ConnectionTrait>(
    db: &C,
    scope: &UnitScope,
    f: &UnitFilter,
    words: &[String],
    want: Want,
) -> Result<Matches, DbErr> {
    let every = std::cmp::max(want.page, want.cap + 1);
    let Some(provinces) = term_provinces(scope, f) else {
        let all = units_side(db, scope, f, words, every).await?;
        return Ok(Matches::from_newest(all, want.page));
    };
    if provinces.is_empty() {
        return Ok(Matches::default());
    }
    let mut ranked = vec![];
    for w in words.iter().cloned() {
        let n = frequency(db, &provinces, &w, want.common).await?;
        if n == 0 {
            // A word no unit in scope has: nothing matches, and the database need not look.
            return Ok(Matches::default());
        }
        ranked.push((n, w));
    }
    ranked.sort();
    let Some(rarest) = ranked.first().map(|(n, _)| *n) else {
        // No word left once normalised (only controls or marks): every unit in scope matches.
        let all = units_side(db, scope, f, &[], every).await?;
        return Ok(Matches::from_newest(all, want.page));
    };
    if ranked.len() == 1 && only_province(f) && rarest > want.common / 10 && want.page <= SHORT_PAGE
    {
        // One word in many units (one in a hundred or more of a large province): the page is
        // a short walk from the newest unit, and the count reads the word's own term rows
        // only as far as the cap. Reading all its rows to sort them (or walking to the cap's
        // match) took 10 ms at the median for «سیمان» in Qazvin at a million units, p99 32.
        let ids = units_side(db, scope, f, words, want.page).await?;
        let total = units_with(db, &provinces, &ranked[0].1, want.cap).await?;
        return Ok(Matches { ids, total });
    }
    if rarest > want.common {
        let words: Vec<String> = ranked.into_iter().map(|(_, w)| w).collect();
        let all = units_side(db, scope, f, &words, every).await?;
        return Ok(Matches::from_newest(all, want.page));
    }
    // The rarest word's units, each checked for the other words: a rare one through its own
    // list (a hash or sorted set of a few thousand ids), a common one unit by unit.
    let mut q = term_rows(&provinces, &ranked[0].1)
        .distinct()
        .expr_as(Expr::col(("t", "unit_id")), "unit_id")
        .to_owned();
    for (n, w) in &ranked[1..] {
        if *n <= want.common {
            let list = Query::select()
                .column(("y", "unit_id"))
                .from_as("unit_terms", "y")
                .cond_where(word_range("y", &provinces, w))
                .to_owned();
            q.and_where(Expr::col(("t", "unit_id")).in_subquery(list));
        } else {
            q.and_where(word_of_unit(w, ("t", "unit_id")));
        }
    }
    let filters = unit_filters(f);
    if !filters.is_empty() {
        q.inner_join(
            unit::Entity,
            Expr::col((unit::Entity, unit::Column::Id)).equals(("t", "unit_id")),
        )
        .cond_where(filters);
    }
    // Sorted outside, on an expression no index gives: ordered by `unit_id` itself,
    // PostgreSQL may walk the whole `(unit_id, term)` index from the top instead (1.2 s for a
    // common word at a million units).
    let newest = Query::select()
        .column("unit_id")
        .from_subquery(q, "matched")
        .order_by_expr(Expr::cust("-unit_id"), Order::Asc)
        .limit(every)
        .to_owned();
    Ok(Matches::from_newest(ids(db, newest).await?, want.page))
}

/// No filter but the province: a unit's term rows carry its province, so they alone answer.
fn only_province(f: &UnitFilter) -> bool {
    unit_filters(&UnitFilter {
        province: None,
        ..f.clone()
    })
    .is_empty()
}

/// How many units of `provinces` have a term starting with `word`, counted up to `cap + 1`.
/// A unit's name may hold the word twice («سیمان» and «سیمانی»), so units are told apart; but
/// PostgreSQL reads every row of a `DISTINCT … LIMIT` before the limit (38 ms for «شرکت» in
/// Qazvin at a million units), so the first `2 × (cap + 1)` rows are counted first, and only
/// when they hold too few units to decide is the word's whole range read.
async fn units_with<C: ConnectionTrait>(
    db: &C,
    provinces: &[String],
    word: &str,
    cap: u64,
) -> Result<u64, DbErr> {
    let sample = 2 * (cap + 1);
    let rows = term_rows(provinces, word)
        .column(("t", "unit_id"))
        .limit(sample)
        .to_owned();
    let stmt = Query::select()
        .expr_as(Expr::cust("COUNT(*)"), "n")
        .expr_as(Expr::cust("COUNT(DISTINCT unit_id)"), "units")
        .from_subquery(rows, "sampled")
        .to_owned();
    let (n, units) = match db.query_one(&stmt).await? {
        Some(r) => (r.try_get::<i64>("", "n")?, r.try_get::<i64>("", "units")?),
        None => (0, 0),
    };
    let (n, units) = (n as u64, units as u64);
    if n < sample || units > cap {
        return Ok(std::cmp::min(units, cap + 1));
    }
    let all = term_rows(provinces, word)
        .distinct()
        .column(("t", "unit_id"))
        .limit(cap + 1)
        .to_owned();
    count_rows(db, all).await
}

/// Walks the scope's units from the newest, checking each for every word.
async fn units_side<C: ConnectionTrait>(
    db: &C,
    scope: &UnitScope,
    f: &UnitFilter,
    words: &[String],
    want: u64,
) -> Result<Vec<i64>, DbErr> {
    let mut q = newest_first(scope, f);
    for w in words {
        q = q.filter(word_of_unit(w, (unit::Entity, unit::Column::Id)));
    }
    let stmt = q
        .select_only()
        .column(unit::Column::Id)
        .limit(want)
        .into_query();
    ids(db, stmt).await
}

async fn ids<C: ConnectionTrait>(db: &C, stmt: SelectStatement) -> Result<Vec<i64>, DbErr> {
    db.query_all(&stmt)
        .await?
        .into_iter()
        .map(|r| r.try_get_by_index::<i64>(0))
        .collect()
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

#[cfg(test)]
#[path = "query_plans_test.rs"]
mod plans_test;
