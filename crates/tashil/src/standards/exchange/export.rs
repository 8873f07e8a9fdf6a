//! Which standards an export holds (the list's query and filters, drafts only for the body)
//! and their records read back with products and clauses, so an export imports back.

use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::StandardRecord;
use crate::access::standards as rules;
use crate::standards::entity::standard;
use crate::standards::filters::ListFilters;
use crate::standards::model::{ProductScopeDraft, StandardDraft, Status};
use crate::web::AppState;
use crate::web::{AppError, Ctx};

/// The standards to export, in id order: by the index for a text query (its first 10,000
/// hits), by the database for filters alone (all of them).
pub(super) async fn selected(
    s: &AppState,
    ctx: &Ctx,
    q: &ListFilters,
) -> Result<Vec<StandardRecord>, AppError> {
    let hides_drafts = !rules::sees_drafts(ctx.actor.as_ref());
    let mandatory = q.mandatory();
    let mut ids: Option<Vec<i64>> = None;
    if !q.q.trim().is_empty() {
        let mut all = vec![];
        for page in 1..=100 {
            let r = crate::standards::search::search(
                &s.db,
                &s.catalogue,
                ctx.actor.as_ref(),
                ctx.lang,
                &crate::standards::search::SearchParams {
                    q: q.q.clone(),
                    body: (!q.body.is_empty()).then(|| q.body.to_uppercase()),
                    status: Status::parse(&q.status),
                    ics: (!q.ics.is_empty()).then(|| q.ics.clone()),
                    mandatory,
                    page,
                    per_page: 100,
                },
            )
            .await?;
            let n = r.hits.len();
            all.extend(r.hits.into_iter().map(|h| h.id));
            if n < 100 {
                break;
            }
        }
        all.sort_unstable();
        ids = Some(all);
    }
    let mut out = vec![];
    let mut after = 0i64;
    loop {
        let mut sel = standard::Entity::find().filter(standard::Column::Id.gt(after));
        if let Some(ids) = &ids {
            let chunk: Vec<i64> = ids
                .iter()
                .copied()
                .filter(|i| *i > after)
                .take(1000)
                .collect();
            if chunk.is_empty() {
                break;
            }
            sel = sel.filter(standard::Column::Id.is_in(chunk));
        } else {
            if !q.body.is_empty() {
                sel = sel.filter(standard::Column::Body.eq(q.body.to_uppercase()));
            }
            if let Some(st) = Status::parse(&q.status) {
                sel = sel.filter(standard::Column::Status.eq(st.as_str()));
            }
            if let Some(m) = mandatory {
                sel = sel.filter(standard::Column::Mandatory.eq(m));
            }
            if !q.ics.is_empty() {
                sel = sel.filter(standard::Column::Ics.contains(q.ics.trim()));
            }
        }
        if hides_drafts {
            sel = sel.filter(standard::Column::Status.ne(Status::Draft.as_str()));
        }
        let rows = sel
            .order_by_asc(standard::Column::Id)
            .limit(1000)
            .all(&s.db)
            .await?;
        let Some(last) = rows.last() else { break };
        after = last.id;
        out.extend(records_of(&s.db, rows).await?);
    }
    Ok(out)
}

/// Records of a page of standards, their products and clauses read in two queries.
async fn records_of(
    db: &DatabaseConnection,
    rows: Vec<standard::Model>,
) -> Result<Vec<StandardRecord>, DbErr> {
    use crate::standards::entity::{clause, product_scope};
    use crate::standards::model::ClauseDraft;
    let ids: Vec<i64> = rows.iter().map(|m| m.id).collect();
    let mut products: std::collections::HashMap<i64, Vec<ProductScopeDraft>> = Default::default();
    for p in product_scope::Entity::find()
        .filter(product_scope::Column::StandardId.is_in(ids.clone()))
        .order_by_asc(product_scope::Column::Id)
        .all(db)
        .await?
    {
        products
            .entry(p.standard_id)
            .or_default()
            .push(ProductScopeDraft {
                hs_code: p.hs_prefix,
                product: p.product,
            });
    }
    let mut lists = crate::standards::lists::countries_of(db, &ids).await?;
    let mut clauses: std::collections::HashMap<i64, Vec<ClauseDraft>> = Default::default();
    for c in clause::Entity::find()
        .filter(clause::Column::StandardId.is_in(ids))
        .order_by_asc(clause::Column::StandardId)
        .order_by_asc(clause::Column::Position)
        .all(db)
        .await?
    {
        let standard = c.standard_id;
        let view = crate::standards::service::ClauseView::from(c);
        clauses
            .entry(standard)
            .or_default()
            .push(ClauseDraft::from(&view));
    }
    Ok(rows
        .into_iter()
        .map(|m| StandardRecord {
            draft: StandardDraft {
                body: m.body,
                number: m.number,
                year: if m.year > 0 {
                    m.year.to_string()
                } else {
                    String::new()
                },
                edition: m.edition.to_string(),
                title_fa: m.title_fa,
                title_en: m.title_en,
                title_vi: m.title_vi,
                scope_fa: m.scope_fa,
                scope_en: m.scope_en,
                scope_vi: m.scope_vi,
                ics: m.ics,
                products: products.remove(&m.id).unwrap_or_default(),
                clauses: clauses.remove(&m.id).unwrap_or_default(),
            },
            status: m.status,
            mandatory: m.mandatory,
            mandatory_from: m.mandatory_from.map(|d| d.to_string()),
            mandatory_in: lists.remove(&m.id).unwrap_or_default(),
            enquiry_deadline: m.enquiry_deadline.map(|d| d.to_string()),
        })
        .collect())
}

/// For the CLI: every standard, as JSON records.
pub async fn all_records(db: &DatabaseConnection) -> Result<Vec<StandardRecord>, DbErr> {
    let mut out = vec![];
    let mut walk = crate::standards::walk::Walk::new(1000);
    while let Some(rows) = walk.next(db).await? {
        out.extend(records_of(db, rows).await?);
    }
    Ok(out)
}
