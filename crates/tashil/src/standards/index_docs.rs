//! What the search index holds of a standard: built from the database rows, never from a
//! request, so every node indexes the same text.

use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};
use tashil_search::StandardDoc;

use super::entity::standard;
use super::model::designation;

fn doc(m: standard::Model) -> StandardDoc {
    let year = (m.year > 0).then_some(m.year);
    StandardDoc {
        id: m.id,
        designation: designation(&m.body, &m.number, year),
        body: m.body,
        number: m.number,
        year: year.map(|y| y as u16),
        title_fa: m.title_fa,
        title_en: m.title_en,
        title_vi: m.title_vi,
        scope: [m.scope_fa, m.scope_en, m.scope_vi]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        ics: m.ics.split_whitespace().map(str::to_owned).collect(),
        status: m.status,
        mandatory: m.mandatory,
    }
}

/// The documents of `ids` that still exist.
pub async fn index_docs_of(
    db: &DatabaseConnection,
    ids: &[i64],
) -> Result<Vec<StandardDoc>, DbErr> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let rows = standard::Entity::find()
            .filter(standard::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?;
        out.extend(rows.into_iter().map(doc));
    }
    Ok(out)
}

/// Every standard, read in pages of the primary key.
pub async fn all_index_docs(db: &DatabaseConnection) -> Result<Vec<StandardDoc>, DbErr> {
    let mut out = vec![];
    let mut walk = super::walk::Walk::new(5_000);
    while let Some(rows) = walk.next(db).await? {
        out.extend(rows.into_iter().map(doc));
    }
    Ok(out)
}
