//! Every standard, read in pages of the primary key: the whole catalogue (200k rows) never sits
//! in one query, and an id once passed is never read twice.

use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::entity::standard;

pub(crate) struct Walk {
    after: i64,
    size: u64,
}

impl Walk {
    pub(crate) fn new(size: u64) -> Self {
        Walk { after: 0, size }
    }

    /// The next page, or `None` once every standard was read.
    pub(crate) async fn next<C: ConnectionTrait>(
        &mut self,
        db: &C,
    ) -> Result<Option<Vec<standard::Model>>, DbErr> {
        let rows = standard::Entity::find()
            .filter(standard::Column::Id.gt(self.after))
            .order_by_asc(standard::Column::Id)
            .limit(self.size)
            .all(db)
            .await?;
        let Some(last) = rows.last() else {
            return Ok(None);
        };
        self.after = last.id;
        Ok(Some(rows))
    }
}
