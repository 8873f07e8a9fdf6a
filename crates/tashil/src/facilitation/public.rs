//! Public accountability (seed 002: service must be transparent): per province, without
//! personal or commercial data, how many obstacles were received and solved, solved inside the
//! province or after escalation, the median days to resolution, by category and by agency, and
//! the resolutions each agency has let pass their deadline.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde::Serialize;

use super::FacilitationError;
use super::entity::{case, resolution};
use super::followup::is_overdue;
use super::model::{CaseStatus, Category, ResolutionStatus};

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CategoryRow {
    pub category: Category,
    pub received: u64,
    pub solved: u64,
    pub median_days: Option<f64>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AgencyRow {
    pub agency_org_id: i64,
    pub name_fa: String,
    pub name_en: String,
    pub name_vi: String,
    pub assigned: u64,
    pub done: u64,
    pub overdue: u64,
}

impl AgencyRow {
    pub fn name(&self, lang: &tashil_text::Lang) -> &str {
        crate::kernel::display_name(*lang, &self.name_fa, &self.name_en, &self.name_vi)
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PublicStats {
    pub province: String,
    /// Cases reported, duplicates merged into another case not counted.
    pub received: u64,
    pub open: u64,
    /// Closed as solved (confirmed by the reporter, or closed solved by the committee).
    pub solved: u64,
    pub solved_in_province: u64,
    pub solved_after_escalation: u64,
    /// Median calendar days from report to closing, over solved cases.
    pub median_days: Option<f64>,
    pub by_category: Vec<CategoryRow>,
    pub by_agency: Vec<AgencyRow>,
}

/// One case as the statistics see it.
pub struct CaseFacts {
    pub category: Category,
    pub status: CaseStatus,
    pub escalated: bool,
    pub solved: bool,
    pub created_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

pub fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let m = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    Some((m * 10.0).round() / 10.0)
}

fn days(c: &CaseFacts) -> Option<f64> {
    let closed = c.closed_at?;
    Some((closed - c.created_at).num_seconds() as f64 / 86_400.0)
}

/// The case figures, pure: the page and its test share this.
pub fn case_figures(province: &str, cases: &[CaseFacts]) -> PublicStats {
    let counted: Vec<&CaseFacts> = cases
        .iter()
        .filter(|c| c.status != CaseStatus::Merged)
        .collect();
    let solved: Vec<&&CaseFacts> = counted
        .iter()
        .filter(|c| c.solved && c.status == CaseStatus::Closed)
        .collect();
    let mut by_category = vec![];
    for cat in Category::ALL {
        let received = counted.iter().filter(|c| c.category == *cat).count() as u64;
        if received == 0 {
            continue;
        }
        let s: Vec<f64> = solved
            .iter()
            .filter(|c| c.category == *cat)
            .filter_map(|c| days(c))
            .collect();
        by_category.push(CategoryRow {
            category: *cat,
            received,
            solved: solved.iter().filter(|c| c.category == *cat).count() as u64,
            median_days: median(s),
        });
    }
    PublicStats {
        province: province.to_string(),
        received: counted.len() as u64,
        open: counted.iter().filter(|c| c.status.is_open()).count() as u64,
        solved: solved.len() as u64,
        solved_in_province: solved.iter().filter(|c| !c.escalated).count() as u64,
        solved_after_escalation: solved.iter().filter(|c| c.escalated).count() as u64,
        median_days: median(solved.iter().filter_map(|c| days(c)).collect()),
        by_category,
        by_agency: vec![],
    }
}

/// The public figures of `province` as they stand at `now`.
pub async fn stats(
    db: &DatabaseConnection,
    province: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<PublicStats, FacilitationError> {
    if tashil_reference::province(province).is_none() {
        return Err(FacilitationError::NotFound);
    }
    let facts: Vec<CaseFacts> = case::Entity::find()
        .filter(case::Column::ProvinceCode.eq(province))
        .all(db)
        .await?
        .iter()
        .map(|c| {
            Ok(CaseFacts {
                category: super::cases::category_of(c)?,
                status: super::cases::status_of(c)?,
                escalated: c.escalated,
                solved: c.solved,
                created_at: c.created_at,
                closed_at: c.closed_at,
            })
        })
        .collect::<Result<_, sea_orm::DbErr>>()?;
    let mut out = case_figures(province, &facts);
    let mut agencies: BTreeMap<i64, (u64, u64, u64)> = BTreeMap::new();
    for r in resolution::Entity::find()
        .filter(resolution::Column::ProvinceCode.eq(province))
        .all(db)
        .await?
    {
        let status = super::followup::status_of(&r)?;
        if status == ResolutionStatus::Cancelled {
            continue;
        }
        let e = agencies.entry(r.agency_org_id).or_default();
        e.0 += 1;
        if status == ResolutionStatus::Done {
            e.1 += 1;
        }
        if is_overdue(status, r.deadline, super::followup::country_of(&r), now) {
            e.2 += 1;
        }
    }
    let names = crate::identity::organisation_names(db, agencies.keys().copied().collect()).await?;
    out.by_agency = agencies
        .into_iter()
        .map(|(id, (assigned, done, overdue))| {
            let [fa, en, vi] = names.get(&id).cloned().unwrap_or_default();
            AgencyRow {
                agency_org_id: id,
                name_fa: fa,
                name_en: en,
                name_vi: vi,
                assigned,
                done,
                overdue,
            }
        })
        .collect();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_of_odd_and_even_counts() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }
}
