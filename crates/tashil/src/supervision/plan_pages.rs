//! Inspection plans on pages: the plans in reach with the office's capacity and the planner's
//! proposal (the provincial officer's forms), and one plan's outlook and units, which the
//! officer edits (add by national id, remove) and approves while it is a draft.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

use super::error::SupervisionError;
use super::plans::{self, CapacityDraft, DRAFT, PlanEdit, PlanView, ProposalDraft};
use super::scores;
use crate::access::{Actor, supervision as rules};
use crate::kernel::FieldError;
use crate::web::forms::FormErrors;
use crate::web::{AppError, AppState, Authed, Ctx, PageCtx};

/// Units of a plan shown per page.
const UNITS_PER_PAGE: usize = 100;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervision/plans", get(list).post(propose))
        .route("/supervision/plans/capacity", post(capacity))
        .route("/supervision/plans/{id}", get(detail))
        .route("/supervision/plans/{id}/units", post(add))
        .route("/supervision/plans/{id}/remove", post(remove))
        .route("/supervision/plans/{id}/approve", post(approve))
}

struct PlanRow {
    id: i64,
    period: String,
    province: String,
    status: String,
    units: String,
    coverage: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/plans.html")]
struct ListPage {
    page: PageCtx,
    rows: Vec<PlanRow>,
    can_plan: bool,
    typed: HashMap<String, String>,
    errors: FormErrors,
}

impl ListPage {
    fn typed(&self, name: &str, default: &str) -> String {
        self.typed
            .get(name)
            .cloned()
            .unwrap_or_else(|| default.to_owned())
    }
}

async fn list_page(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    typed: HashMap<String, String>,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let views = plans::list(&s.db, actor).await?;
    let page = PageCtx::new(ctx);
    let rows = views
        .into_iter()
        .map(|v| PlanRow {
            id: v.id,
            status: page.t(&format!("supervision-plan-status-{}", v.status)),
            province: page.province_name(&v.province),
            units: page.digits(&v.units.len().to_string()),
            coverage: page.percent(v.outlook.coverage, 1),
            period: page.digits(&v.period),
        })
        .collect();
    crate::web::html(
        status,
        ListPage {
            rows,
            can_plan: rules::authorize_plan(actor).is_ok(),
            typed,
            errors,
            page,
        },
    )
}

async fn list(State(s): State<AppState>, Authed(ctx, actor): Authed) -> Result<Response, AppError> {
    list_page(
        &s,
        &ctx,
        &actor,
        HashMap::new(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// A number typed on a form (Persian or Arabic digits, a decimal comma), or a field error.
fn number(form: &HashMap<String, String>, field: &str) -> Result<f64, FieldError> {
    let raw = form.get(field).map(|v| v.trim()).unwrap_or_default();
    if raw.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    tashil_text::digits::to_ascii_digits(raw)
        .replace(['٫', ','], ".")
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or_else(|| FieldError::new(field, "invalid"))
}

/// Shows the list again with the form's errors (422), or the error as the page of its kind.
async fn refused(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    form: HashMap<String, String>,
    e: SupervisionError,
) -> Result<Response, AppError> {
    match e {
        SupervisionError::Invalid(errs) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            list_page(
                s,
                ctx,
                actor,
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        e => Err(e.into()),
    }
}

async fn capacity(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    rules::authorize_plan(&actor).map_err(SupervisionError::from)?;
    let fields = (
        number(&form, "inspector_days"),
        number(&form, "days_per_inspection"),
    );
    let result = match fields {
        (Ok(inspector_days), Ok(days_per_inspection)) => {
            let d = CapacityDraft {
                period: tashil_text::digits::to_ascii_digits(
                    form.get("period").map(|p| p.trim()).unwrap_or_default(),
                ),
                inspector_days,
                days_per_inspection,
            };
            plans::set_capacity(&s.db, &actor, &d, s.clock.now()).await
        }
        (a, b) => Err(SupervisionError::Invalid(
            [a.err(), b.err()].into_iter().flatten().collect(),
        )),
    };
    match result {
        Ok(()) => Ok(Redirect::to("/supervision/plans").into_response()),
        Err(e) => refused(&s, &ctx, &actor, form, e).await,
    }
}

async fn propose(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    rules::authorize_plan(&actor).map_err(SupervisionError::from)?;
    let share = number(&form, "random_share").map(|p| p / 100.0);
    let seed = tashil_text::digits::to_ascii_digits(
        form.get("seed").map(|v| v.trim()).unwrap_or_default(),
    );
    let seed = if seed.is_empty() {
        Ok(0)
    } else {
        seed.parse::<u64>()
            .map_err(|_| FieldError::new("seed", "invalid"))
    };
    let result = match (share, seed) {
        (Ok(random_share), Ok(seed)) => {
            let d = ProposalDraft {
                period: tashil_text::digits::to_ascii_digits(
                    form.get("plan_period")
                        .map(|p| p.trim())
                        .unwrap_or_default(),
                ),
                random_share,
                seed,
            };
            plans::propose(&s.db, &actor, &d, s.clock.now())
                .await
                .map_err(|e| match e {
                    // The proposal's period field is `plan_period` on this page.
                    SupervisionError::Invalid(errs) => SupervisionError::Invalid(
                        errs.into_iter()
                            .map(|e| match e.field.as_str() {
                                "period" => FieldError::new("plan_period", e.code),
                                _ => e,
                            })
                            .collect(),
                    ),
                    e => e,
                })
        }
        (a, b) => Err(SupervisionError::Invalid(
            [a.err(), b.err()].into_iter().flatten().collect(),
        )),
    };
    match result {
        Ok(v) => Ok(Redirect::to(&format!("/supervision/plans/{}", v.id)).into_response()),
        Err(e) => refused(&s, &ctx, &actor, form, e).await,
    }
}

struct UnitRow {
    rank: String,
    unit_id: i64,
    name: String,
    national_id: String,
    score: String,
    reason: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/plan.html")]
struct PlanPage {
    page: PageCtx,
    v: PlanView,
    title: String,
    status: String,
    facts: Vec<(String, String)>,
    units: Vec<UnitRow>,
    page_no: usize,
    has_next: bool,
    editable: bool,
    typed_unit: String,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
struct PageQuery {
    page: Option<u64>,
}

#[allow(clippy::too_many_arguments)]
async fn plan_page(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    id: i64,
    page_no: Option<u64>,
    typed_unit: String,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let v = plans::get(&s.db, actor, id).await?;
    let page = PageCtx::new(ctx);
    let paging = crate::kernel::Paging::fixed(page_no, UNITS_PER_PAGE as u64);
    let start = (paging.offset() as usize).min(v.units.len());
    let shown = &v.units[start..(start + UNITS_PER_PAGE).min(v.units.len())];
    let ids: Vec<i64> = shown.iter().map(|u| u.unit_id).collect();
    let mut names = scores::names(&s.db, actor, &ids).await?;
    let units = shown
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let named = names.remove(&u.unit_id);
            UnitRow {
                rank: page.digits(&(start + i + 1).to_string()),
                unit_id: u.unit_id,
                name: named.as_ref().map_or_else(String::new, |n| {
                    let [fa, en, vi] = &n.names;
                    crate::kernel::display_name(page.lang, fa, en, vi).to_owned()
                }),
                national_id: named.map(|n| n.national_id).unwrap_or_default(),
                score: page.digits(&format!("{:.2}", u.score)),
                reason: page.t(&format!("supervision-plan-reason-{}", u.reason.as_str())),
            }
        })
        .collect();
    let o = &v.outlook;
    let facts = vec![
        (
            "supervision-plan-capacity",
            page.digits(&format!("{}", v.capacity_days)),
        ),
        (
            "supervision-plan-days-each",
            page.digits(&format!("{}", v.days_per_inspection)),
        ),
        (
            "supervision-plan-inspections",
            page.digits(&o.inspections.to_string()),
        ),
        (
            "supervision-plan-units-in-province",
            page.digits(&o.units.to_string()),
        ),
        ("supervision-plan-coverage", page.percent(o.coverage, 1)),
        (
            "supervision-plan-risk-covered",
            page.percent(o.risk_covered, 1),
        ),
        (
            "supervision-plan-reduction",
            page.digits(&format!("{:.1}", o.expected_reduction)),
        ),
        (
            "supervision-plan-random-share",
            page.percent(v.random_share, 0),
        ),
        ("supervision-plan-seed", page.digits(&v.seed.to_string())),
    ]
    .into_iter()
    .map(|(k, x)| (page.t(k), x))
    .collect();
    crate::web::html(
        status,
        PlanPage {
            title: format!(
                "{} · {}",
                page.province_name(&v.province),
                page.digits(&v.period)
            ),
            status: page.t(&format!("supervision-plan-status-{}", v.status)),
            editable: v.status == DRAFT
                && rules::authorize_plan(actor).is_ok_and(|g| g.province() == v.province),
            page_no: paging.page() as usize,
            has_next: start + UNITS_PER_PAGE < v.units.len(),
            facts,
            units,
            typed_unit,
            errors,
            page,
            v,
        },
    )
}

async fn detail(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    plan_page(
        &s,
        &ctx,
        &actor,
        id,
        q.page,
        String::new(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

fn back(id: i64) -> Response {
    Redirect::to(&format!("/supervision/plans/{id}")).into_response()
}

/// Adds the unit whose national id is typed; a unit not scored in the plan's province reads
/// as unknown, as it does not exist for the officer.
async fn add(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let typed = form.get("unit").map(|u| u.trim()).unwrap_or_default();
    let national_id = tashil_text::digits::to_ascii_digits(typed);
    let v = plans::get(&s.db, &actor, id).await?;
    let country = v.province.split('-').next().unwrap_or_default();
    let unit = crate::registry::lookup::by_national_ids(&s.db, country, &[national_id])
        .await
        .map_err(SupervisionError::from)?
        .into_values()
        .next()
        .map(|(unit, _)| unit);
    let result = match unit {
        None if typed.is_empty() => Err(FieldError::new("unit", "required")),
        None => Err(FieldError::new("unit", "unknown_unit")),
        Some(unit) => {
            match plans::edit(&s.db, &actor, id, PlanEdit::Add(unit), s.clock.now()).await {
                Ok(_) => Ok(()),
                Err(SupervisionError::NotFound) => Err(FieldError::new("unit", "unknown_unit")),
                Err(SupervisionError::Invalid(mut errs)) if !errs.is_empty() => {
                    let e = errs.remove(0);
                    Err(FieldError::new("unit", e.code))
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    match result {
        Ok(()) => Ok(back(id)),
        Err(e) => {
            let errors = FormErrors::from_fields(ctx.lang, &[e]);
            plan_page(
                &s,
                &ctx,
                &actor,
                id,
                None,
                typed.to_owned(),
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
struct RemoveForm {
    unit_id: i64,
}

async fn remove(
    State(s): State<AppState>,
    Authed(_ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(f): Form<RemoveForm>,
) -> Result<Response, AppError> {
    plans::edit(
        &s.db,
        &actor,
        id,
        PlanEdit::Remove(f.unit_id),
        s.clock.now(),
    )
    .await?;
    Ok(back(id))
}

async fn approve(
    State(s): State<AppState>,
    Authed(_ctx, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    plans::approve(&s.db, &actor, id, s.clock.now()).await?;
    Ok(back(id))
}
