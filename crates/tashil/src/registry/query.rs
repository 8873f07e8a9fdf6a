//! Scoped queries over `units`. Every select starts from [`scoped`], which takes the
//! [`UnitScope`] only the access module can make.

use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, Select};

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

pub fn filtered(scope: &UnitScope, f: &UnitFilter) -> Select<unit::Entity> {
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
    if let Some(text) = &f.q {
        let mut all = Condition::all();
        for t in query_terms(text) {
            let sub = Query::select()
                .column("unit_id")
                .from("unit_terms")
                .and_where(Expr::col("term").gte(t.clone()))
                .and_where(Expr::col("term").lt(prefix_upper_bound(&t)))
                .to_owned();
            all = all.add(unit::Column::Id.in_subquery(sub));
        }
        q = q.filter(all);
    }
    q
}
