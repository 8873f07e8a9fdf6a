//! The published decisions of a province, for anyone: the rule, its source and cost, and what
//! the board decided; never who reported it, nor the reporter's own account.

use sea_orm::DatabaseConnection;

use super::model::PublicRegulation;
use super::query;
use super::service::{DeregulationError, PAGE, decision_of};
use crate::access::deregulation as rules;

/// The published decisions of `province`, latest first, 50 a page.
pub async fn published(
    db: &DatabaseConnection,
    province: &str,
    page: Option<u64>,
) -> Result<Vec<PublicRegulation>, DeregulationError> {
    if tashil_reference::province(province).is_none() {
        return Err(DeregulationError::NotFound);
    }
    let paging = crate::kernel::Paging::fixed(page, PAGE);
    Ok(
        query::published_in(db, &rules::public_scope(), province, paging)
            .await?
            .into_iter()
            .filter_map(|m| {
                Some(PublicRegulation {
                    decision: decision_of(&m)?,
                    decision_text: m.decision_text.unwrap_or_default(),
                    number: m.number,
                    province: m.province_code,
                    rule_title: m.rule_title,
                    source: m.source,
                    issuing_agency: m.issuing_agency,
                    annual_cost: m.annual_cost,
                    hours_lost: m.hours_lost,
                    decided_at: m.decided_at,
                    published_at: m.published_at,
                })
            })
            .collect(),
    )
}
