//! The rows of a record's parts (a unit's products, a standard's clauses, a case's events)
//! as its view shows them: one query, one order, each row made into its view by `From`.

use sea_orm::sea_query::IntoCondition;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

/// The rows of `order`'s table that `condition` picks, ascending by `order`, each as a `V`.
pub async fn in_order<Col, V>(
    db: &impl ConnectionTrait,
    condition: impl IntoCondition,
    order: Col,
) -> Result<Vec<V>, DbErr>
where
    Col: ColumnTrait,
    Col::EntityName: EntityTrait,
    V: From<<Col::EntityName as EntityTrait>::Model>,
{
    Ok(<Col::EntityName as EntityTrait>::find()
        .filter(condition)
        .order_by_asc(order)
        .all(db)
        .await?
        .into_iter()
        .map(V::from)
        .collect())
}
