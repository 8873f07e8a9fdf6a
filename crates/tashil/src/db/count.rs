//! Counting the rows of a select without loading them (the registry's and the licence
//! register's capped counts share it).

use sea_orm::sea_query::{Expr, Query, SelectStatement};
use sea_orm::{ConnectionTrait, DbErr};

/// `COUNT(*)` over the rows of `inner` (which carries its own limit).
pub async fn count_rows<C: ConnectionTrait>(db: &C, inner: SelectStatement) -> Result<u64, DbErr> {
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
