//! The report on a request's page: what its readers see (the results and verdicts, the
//! revisions), and for the addressed lab's users the results form (one row per clause asked),
//! the release button and the correction by a new revision, each posted back to the page.

use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use axum_extra::extract::Form;

use super::ConformityError;
use super::model::request::RequestStatus;
use super::model::result::ResultDraft;
use super::report_view::{self, AskedClause, ParameterName, RequestReport, ResultView};
use super::request_pages::{RequestPage, render_with};
use super::view::TestRequestView;
use crate::access::Actor;
use crate::access::conformity as rules;
use crate::kernel::FieldError;
use crate::web::forms::FormErrors;
use crate::web::record::{PageResult, settle};
use crate::web::{AppError, AppState, OnRecord};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/test-requests/{id}/results", post(enter))
        .route("/test-requests/{id}/report/release", post(release))
        .route("/test-requests/{id}/report/revisions", post(revise))
}

/// One row of the results form: a clause asked, and what is (or was just) typed for it.
pub struct FormRow {
    pub clause: String,
    pub parameter: ParameterName,
    /// The clause's allowed values: the row asks for one of them instead of a value.
    pub allowed: Vec<String>,
    pub d: ResultDraft,
}

/// What the request page shows of its report, and which of the lab's forms it offers.
pub struct ReportPart {
    pub report: RequestReport,
    /// The results form's rows; empty when the actor may not enter results.
    pub rows: Vec<FormRow>,
    pub can_release: bool,
    pub can_revise: bool,
}

fn text(x: Option<f64>) -> String {
    x.map(|x| format!("{x}")).unwrap_or_default()
}

/// The row as stored, to be corrected on the form.
fn draft_of(r: &ResultView) -> ResultDraft {
    ResultDraft {
        clause: r.clause.clone(),
        value: text(r.value),
        unit: r.unit.clone().unwrap_or_default(),
        uncertainty: text(r.uncertainty),
        coverage: text(r.coverage),
        category: r.category.clone().unwrap_or_default(),
        method: r.method.clone(),
        instrument: r.instrument.clone().unwrap_or_default(),
        measured_on: r.measured_on.to_string(),
        ..Default::default()
    }
}

fn blank(c: &AskedClause) -> ResultDraft {
    ResultDraft {
        clause: c.number.clone(),
        unit: c.unit.clone(),
        ..Default::default()
    }
}

/// The report of request `r` as `actor` reads it, with the lab's forms where it may use them;
/// `posted` refills the results form after a refusal.
pub(super) async fn part(
    s: &AppState,
    actor: &Actor,
    r: &TestRequestView,
    posted: Option<Vec<ResultDraft>>,
) -> Result<ReportPart, ConformityError> {
    let now = s.clock.now();
    let report = report_view::get(&s.db, actor, r.id, now).await?;
    let lab = rules::authorize_results(actor).is_ok_and(|g| g.lab_org_id() == r.lab_org_id);
    let released = report.latest.as_ref().is_some_and(|l| l.released());
    let mut rows = vec![];
    if lab && r.status == RequestStatus::Accepted && !released {
        let asked = report_view::asked(&s.db, actor, r.standard_id, &r.clauses, now).await?;
        let stored: &[ResultView] = report.latest.as_ref().map_or(&[], |l| &l.results);
        for (i, c) in asked.into_iter().enumerate() {
            let d = match &posted {
                Some(p) => p.get(i).cloned().unwrap_or_else(|| blank(&c)),
                None => stored
                    .iter()
                    .find(|x| x.clause == c.number)
                    .map(draft_of)
                    .unwrap_or_else(|| blank(&c)),
            };
            rows.push(FormRow {
                clause: c.number,
                parameter: c.parameter,
                allowed: c.allowed,
                d,
            });
        }
    }
    Ok(ReportPart {
        can_release: lab
            && report
                .latest
                .as_ref()
                .is_some_and(|l| !l.released() && !l.results.is_empty()),
        can_revise: lab && released,
        rows,
        report,
    })
}

/// The results form as posted: one value of each field a row, in the rows' order.
#[derive(serde::Deserialize, Default)]
struct Posted {
    #[serde(default)]
    clause: Vec<String>,
    #[serde(default)]
    value: Vec<String>,
    #[serde(default)]
    unit: Vec<String>,
    #[serde(default)]
    uncertainty: Vec<String>,
    #[serde(default)]
    coverage: Vec<String>,
    #[serde(default)]
    category: Vec<String>,
    #[serde(default)]
    method: Vec<String>,
    #[serde(default)]
    instrument: Vec<String>,
    #[serde(default)]
    measured_on: Vec<String>,
}

impl Posted {
    fn rows(&self) -> Vec<ResultDraft> {
        let at = |v: &Vec<String>, i: usize| v.get(i).cloned().unwrap_or_default();
        (0..self.clause.len())
            .map(|i| ResultDraft {
                clause: at(&self.clause, i),
                value: at(&self.value, i),
                unit: at(&self.unit, i),
                uncertainty: at(&self.uncertainty, i),
                coverage: at(&self.coverage, i),
                category: at(&self.category, i),
                method: at(&self.method, i),
                instrument: at(&self.instrument, i),
                measured_on: at(&self.measured_on, i),
                ..Default::default()
            })
            .collect()
    }
}

/// `results[k].field` of the rows sent as the form's row `kept[k]`.
fn on_form(e: FieldError, kept: &[usize]) -> FieldError {
    let renamed = e
        .field
        .strip_prefix("results[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(k, tail)| {
            let row = kept.get(k.parse::<usize>().ok()?)?;
            Some(format!("results[{row}]{tail}"))
        });
    match renamed {
        Some(field) => FieldError { field, ..e },
        None => e,
    }
}

/// Rows left wholly empty are not sent (a clause may be measured later).
async fn enter(rec: OnRecord, Form(p): Form<Posted>) -> PageResult {
    let OnRecord(ref s, ref ctx, ref actor, id) = rec;
    // Out of reach answers 404 whatever was sent.
    report_view::get(&s.db, actor, id, s.clock.now()).await?;
    let all = p.rows();
    let kept: Vec<usize> = (0..all.len())
        .filter(|&i| !(all[i].value.trim().is_empty() && all[i].category.trim().is_empty()))
        .collect();
    let sent: Vec<ResultDraft> = kept.iter().map(|&i| all[i].clone()).collect();
    match super::results::enter(&s.db, actor, Some(id), &sent, s.clock.now()).await {
        Err(ConformityError::Invalid(errs)) => {
            let errs: Vec<FieldError> = errs.into_iter().map(|e| on_form(e, &kept)).collect();
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            render_with(&rec, errors, StatusCode::UNPROCESSABLE_ENTITY, Some(all)).await
        }
        r => settle::<RequestPage, _, _>(rec, "results", r).await,
    }
}

/// A refusal of the whole report, with the clauses it names (those missing or no longer
/// covered) after its message.
fn whole(rec: &OnRecord, errs: &[FieldError]) -> FormErrors {
    let lang = rec.1.lang;
    let text: Vec<String> = errs
        .iter()
        .map(|e| {
            let m = crate::web::error_render::message(lang, e.code);
            match e.detail.as_deref() {
                Some(d) if !d.is_empty() => format!("{m} ({d})"),
                _ => m,
            }
        })
        .collect();
    FormErrors::single("report", text.join(" "))
}

async fn release(rec: OnRecord) -> Result<Response, AppError> {
    let OnRecord(ref s, _, ref actor, id) = rec;
    match super::reports::release(&s.db, actor, id, s.clock.now()).await {
        Err(ConformityError::Invalid(errs)) => {
            let errors = whole(&rec, &errs);
            render_with(&rec, errors, StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        r => settle::<RequestPage, _, _>(rec, "report", r).await,
    }
}

#[derive(serde::Deserialize, Default)]
struct Revision {
    #[serde(default)]
    supersedes: String,
    #[serde(default)]
    reason: String,
}

async fn revise(rec: OnRecord, Form(f): Form<Revision>) -> Result<Response, AppError> {
    let OnRecord(ref s, ref ctx, ref actor, id) = rec;
    let supersedes = f.supersedes.trim().parse::<u32>().unwrap_or_default();
    match super::reports::revise(&s.db, actor, id, supersedes, &f.reason, s.clock.now()).await {
        Err(ConformityError::Invalid(errs)) => {
            let (form, fields): (Vec<_>, Vec<_>) =
                errs.into_iter().partition(|e| e.field == "form");
            let errors = if form.is_empty() {
                // The decline form's own `reason` is not on this page once accepted, but the
                // names are kept apart all the same.
                let fields: Vec<FieldError> = fields
                    .into_iter()
                    .map(|e| FieldError {
                        field: format!("revision_{}", e.field),
                        ..e
                    })
                    .collect();
                FormErrors::from_fields(ctx.lang, &fields)
            } else {
                whole(&rec, &form)
            };
            render_with(&rec, errors, StatusCode::UNPROCESSABLE_ENTITY, None).await
        }
        r => settle::<RequestPage, _, _>(rec, "report", r).await,
    }
}
