//! What a licence application's test step reads of conformity assessment: for each test
//! request sent for the application (purpose `application`), its latest released report's
//! verdict and the clauses that failed or were inconclusive. Licensing reads it through this
//! function only, never the tables; the caller has already read the application in its scope.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use super::entity::{report, request};
use super::model::request::Purpose;
use super::model::verdict::Verdict;
use super::results::RELEASED;

/// One request's latest released report for an application. Its clauses are every clause the
/// request asked: a report is released only with each answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ApplicationTests {
    pub request_id: i64,
    pub revision: i32,
    pub verdict: Verdict,
    pub failed: Vec<String>,
    pub inconclusive: Vec<String>,
}

/// The released reports of application `application_id`'s test requests, a request's latest
/// revision each, the oldest request first; empty while none is released.
pub async fn application_tests<C: ConnectionTrait>(
    db: &C,
    application_id: i64,
) -> Result<Vec<ApplicationTests>, DbErr> {
    let ids: Vec<i64> = request::Entity::find()
        .filter(request::Column::ApplicationId.eq(application_id))
        .filter(request::Column::Purpose.eq(Purpose::Application.as_str()))
        .order_by_asc(request::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut latest: HashMap<i64, report::Model> = HashMap::new();
    for r in report::Entity::find()
        .filter(report::Column::RequestId.is_in(ids.iter().copied()))
        .filter(report::Column::Status.eq(RELEASED))
        .all(db)
        .await?
    {
        if latest
            .get(&r.request_id)
            .is_none_or(|l| l.revision < r.revision)
        {
            latest.insert(r.request_id, r);
        }
    }
    let report_ids: Vec<i64> = latest.values().map(|r| r.id).collect();
    let results = super::query::results_of(db, &report_ids).await?;
    let mut out = vec![];
    for id in ids {
        let Some(r) = latest.remove(&id) else {
            continue;
        };
        let stored = r.verdict.as_deref().unwrap_or_default();
        let verdict = crate::kernel::stored("report verdict", stored, Verdict::parse)?;
        let of = |v: Verdict| -> Result<Vec<String>, DbErr> {
            let mut c = vec![];
            for x in results.iter().filter(|x| x.report_id == r.id) {
                if crate::kernel::stored("verdict", &x.verdict, Verdict::parse)? == v {
                    c.push(x.clause_number.clone());
                }
            }
            c.sort();
            Ok(c)
        };
        let failed = of(Verdict::Fail)?;
        let inconclusive = of(Verdict::Inconclusive)?;
        out.push(ApplicationTests {
            request_id: id,
            revision: r.revision,
            verdict,
            failed,
            inconclusive,
        });
    }
    Ok(out)
}
