//! A request's report as its readers see it: the latest revision with each clause's result,
//! as reported and as judged in the clause's unit, and its verdict; and the revisions it
//! replaced. Read through the request's scope, so a report out of reach is absent; a draft
//! only by the lab that prepares it.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::DatabaseConnection;
use serde::Serialize;

use super::entity::{report, result};
use super::error::ConformityError;
use super::model::verdict::{Verdict, report_verdict};
use super::results::RELEASED;
use crate::access::Actor;
use crate::access::conformity as rules;
use crate::kernel::stored;

/// Where a revision stands: taking results, or released (immutable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    Draft,
    Released,
}

impl ReportStatus {
    /// Its name in `locales/*/conformity.ftl`.
    pub fn key(&self) -> &'static str {
        match self {
            ReportStatus::Draft => "report-status-draft",
            ReportStatus::Released => "report-status-released",
        }
    }
}

/// A clause's parameter as the catalogue names it.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct ParameterName {
    pub fa: String,
    pub en: String,
    pub vi: String,
}

impl ParameterName {
    pub fn name(&self, lang: &tashil_text::Lang) -> &str {
        crate::kernel::display_name(*lang, &self.fa, &self.en, &self.vi)
    }
}

/// One clause's result.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ResultView {
    pub clause: String,
    pub parameter: ParameterName,
    /// As reported (a measured value), or `None` for a category.
    pub value: Option<f64>,
    pub unit: Option<String>,
    /// The expanded uncertainty U, in the reported unit.
    pub uncertainty: Option<f64>,
    /// The coverage factor k.
    pub coverage: Option<f64>,
    /// The value found, for a clause with allowed values.
    pub category: Option<String>,
    /// As judged: the value and uncertainty in the clause's unit.
    pub judged_value: Option<f64>,
    pub judged_uncertainty: Option<f64>,
    pub judged_unit: Option<String>,
    pub method: String,
    /// The lab's code of the instrument.
    pub instrument: Option<String>,
    pub measured_on: NaiveDate,
    pub verdict: Verdict,
}

/// A number as a result states it (`45`, `3.1`, `0.000015`): never in E notation.
fn number(x: f64) -> String {
    format!("{x}")
}

/// "45 MPa ± 1 (k = 2)", the unit by its symbol.
fn quantity(value: f64, unit: &str, uncertainty: Option<f64>, coverage: Option<f64>) -> String {
    let symbol = tashil_reference::uom::uom(unit).map_or(unit, |u| u.symbol);
    let mut s = format!("{} {symbol}", number(value));
    if let Some(u) = uncertainty {
        s.push_str(&format!(" ± {}", number(u)));
        if let Some(k) = coverage {
            s.push_str(&format!(" (k = {})", number(k)));
        }
    }
    s
}

impl ResultView {
    /// The result as reported.
    pub fn reported(&self) -> String {
        match (&self.category, self.value, &self.unit) {
            (Some(c), _, _) => c.clone(),
            (None, Some(v), Some(u)) => quantity(v, u, self.uncertainty, self.coverage),
            _ => String::new(),
        }
    }

    /// The result in the clause's unit, when it was converted to judge it.
    pub fn judged(&self) -> String {
        match (self.judged_value, &self.judged_unit) {
            (Some(v), Some(u)) if self.unit.as_ref() != Some(u) => {
                quantity(v, u, self.judged_uncertainty, None)
            }
            _ => String::new(),
        }
    }
}

/// One revision of a request's report.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReportView {
    pub revision: i32,
    pub status: ReportStatus,
    /// Over its clauses: fail if any fails, else inconclusive if any is, else pass. A draft's
    /// is provisional; `None` before any result.
    pub verdict: Option<Verdict>,
    pub failing: Vec<String>,
    pub inconclusive: Vec<String>,
    pub released_at: Option<DateTime<Utc>>,
    /// The name of who released it.
    pub released_by: Option<String>,
    /// Why this revision corrects the one it replaces (empty on the first).
    pub reason: String,
    /// The revision it replaces.
    pub supersedes: Option<i32>,
    pub results: Vec<ResultView>,
}

impl ReportView {
    pub fn released(&self) -> bool {
        self.status == ReportStatus::Released
    }
}

/// A request's report: its latest revision in full and the earlier ones without results,
/// latest first. `latest` is `None` until the lab enters a result.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RequestReport {
    pub latest: Option<ReportView>,
    pub earlier: Vec<ReportView>,
}

/// A clause the request asks, as a results form shows it.
#[derive(Debug, Clone)]
pub struct AskedClause {
    pub number: String,
    pub parameter: ParameterName,
    /// The clause's unit (prefilled on the form); empty for a clause with allowed values.
    pub unit: String,
    pub allowed: Vec<String>,
}

/// Request `request_id`'s report for whoever may read the request (`NotFound` otherwise).
pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    request_id: i64,
    now: DateTime<Utc>,
) -> Result<RequestReport, ConformityError> {
    let scope = rules::request_scope(actor)?;
    let req = super::query::request(db, &scope, request_id)
        .await?
        .ok_or(ConformityError::NotFound)?;
    // Results are the lab's until a second person has released them (ISO/IEC 17025 §7.8.1):
    // every other reader sees released revisions only, and the one in force while a
    // correction is under way.
    let lab_reads = rules::authorize_results(actor).is_ok_and(|g| g.lab_org_id() == req.lab_org_id);
    let reports: Vec<report::Model> = super::query::reports_of(db, request_id)
        .await?
        .into_iter()
        .filter(|r| lab_reads || r.status == RELEASED)
        .collect();
    let Some(last) = reports.last() else {
        return Ok(RequestReport {
            latest: None,
            earlier: vec![],
        });
    };
    let results = super::query::results_of(db, &[last.id]).await?;
    let names =
        crate::identity::user_names(db, reports.iter().filter_map(|r| r.released_by).collect())
            .await?;
    let by_id: HashMap<i64, i32> = reports.iter().map(|r| (r.id, r.revision)).collect();
    let parameters: HashMap<String, ParameterName> = asked(db, actor, req.standard_id, &[], now)
        .await?
        .into_iter()
        .map(|c| (c.number, c.parameter))
        .collect();
    let instruments = instrument_codes(db, &results).await?;
    let mut views = vec![];
    for r in &reports {
        let rows = if r.id == last.id { &results[..] } else { &[] };
        views.push(view(r, rows, &names, &by_id, &parameters, &instruments)?);
    }
    let latest = views.pop();
    views.reverse();
    Ok(RequestReport {
        latest,
        earlier: views,
    })
}

async fn instrument_codes(
    db: &DatabaseConnection,
    results: &[result::Model],
) -> Result<HashMap<i64, String>, ConformityError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let ids: Vec<i64> = results.iter().filter_map(|r| r.instrument_id).collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(super::entity::instrument::Entity::find()
        .filter(super::entity::instrument::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|i| (i.id, i.code))
        .collect())
}

fn view(
    r: &report::Model,
    results: &[result::Model],
    names: &HashMap<i64, String>,
    by_id: &HashMap<i64, i32>,
    parameters: &HashMap<String, ParameterName>,
    instruments: &HashMap<i64, String>,
) -> Result<ReportView, ConformityError> {
    let mut rows = vec![];
    for m in results {
        rows.push(ResultView {
            verdict: stored("verdict", &m.verdict, Verdict::parse)?,
            parameter: parameters
                .get(&m.clause_number)
                .cloned()
                .unwrap_or_default(),
            clause: m.clause_number.clone(),
            value: m.value,
            unit: m.unit.clone(),
            uncertainty: m.uncertainty,
            coverage: m.coverage,
            category: m.category.clone(),
            judged_value: m.judged_value,
            judged_uncertainty: m.judged_uncertainty,
            judged_unit: m.judged_unit.clone(),
            method: m.method.clone(),
            instrument: m.instrument_id.and_then(|i| instruments.get(&i).cloned()),
            measured_on: m.measured_on,
        });
    }
    let released = r.status == RELEASED;
    let judged = report_verdict(rows.iter().map(|x| (x.clause.as_str(), x.verdict)));
    let verdict = match (&r.verdict, &judged) {
        (Some(v), _) => Some(stored("report verdict", v, Verdict::parse)?),
        (None, Some(j)) if !released => Some(j.verdict),
        _ => None,
    };
    let (failing, inconclusive) = judged
        .map(|j| (j.failed, j.inconclusive))
        .unwrap_or_default();
    Ok(ReportView {
        revision: r.revision,
        status: if released {
            ReportStatus::Released
        } else {
            ReportStatus::Draft
        },
        verdict,
        failing,
        inconclusive,
        released_at: r.released_at,
        released_by: r.released_by.and_then(|u| names.get(&u).cloned()),
        reason: r.reason.clone(),
        supersedes: r.supersedes_id.and_then(|i| by_id.get(&i).copied()),
        results: rows,
    })
}

/// The clauses of standard `standard_id` among `numbers` (all of them when empty), in the
/// catalogue's order, with their parameter and unit.
pub(super) async fn asked(
    db: &DatabaseConnection,
    actor: &Actor,
    standard_id: i64,
    numbers: &[String],
    now: DateTime<Utc>,
) -> Result<Vec<AskedClause>, ConformityError> {
    let s = crate::standards::get(db, Some(actor), standard_id, now).await?;
    Ok(s.clauses
        .into_iter()
        .filter(|c| numbers.is_empty() || numbers.contains(&c.number))
        .map(|c| AskedClause {
            unit: if c.allowed.is_empty() {
                c.unit
            } else {
                String::new()
            },
            parameter: ParameterName {
                fa: c.parameter_fa,
                en: c.parameter_en,
                vi: c.parameter_vi,
            },
            number: c.number,
            allowed: c.allowed,
        })
        .collect())
}
