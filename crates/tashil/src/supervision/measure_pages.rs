//! HTML pages of the ladder: a unit's measures with the ladder and its legal bases, the form
//! that takes one (the province's officer; an inspector, the advisory rungs) and the second
//! officer's approval or refusal of an imminent-danger measure.

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
use super::measures::{self, AWAITING, MeasureDraft, MeasureView};
use super::model::ladder::Rung;
use crate::access::{Actor, supervision as rules};
use crate::web::forms::{FormErrors, Opt, options};
use crate::web::{AppError, AppState, Authed, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/supervision/units/{unit_id}/measures",
            get(page).post(take),
        )
        .route("/supervision/measures/{id}/decision", post(decide))
}

#[derive(Deserialize, Default)]
struct PageQuery {
    page: Option<u64>,
}

/// A measure as a row of the page.
struct Row {
    id: i64,
    rung: String,
    date: String,
    legal_basis: String,
    reason: String,
    finding: String,
    justification: String,
    status: String,
    decidable: bool,
}

/// A rung as the ladder's list shows it.
struct RungRow {
    name: String,
    legal_basis: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/measures.html")]
struct MeasuresPage {
    page: PageCtx,
    unit_id: i64,
    rows: Vec<Row>,
    ladder: Vec<RungRow>,
    can_take: bool,
    rungs: Vec<Opt>,
    typed: HashMap<String, String>,
    errors: FormErrors,
}

impl MeasuresPage {
    fn typed(&self, k: &str) -> String {
        self.typed.get(k).cloned().unwrap_or_default()
    }
}

fn rung_name(ladder: &[Rung], key: &str, lang: &str) -> String {
    ladder
        .iter()
        .find(|r| r.key == key)
        .map_or_else(|| key.to_owned(), |r| r.name(lang).to_owned())
}

#[allow(clippy::too_many_arguments)]
async fn render(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    unit_id: i64,
    page_no: Option<u64>,
    typed: HashMap<String, String>,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let items: Vec<MeasureView> = measures::history(&s.db, actor, unit_id, page_no).await?;
    let ladder = measures::ladder(&s.db)
        .await
        .map_err(SupervisionError::from)?;
    let page = PageCtx::new(ctx);
    let lang = page.lang_code();
    let approver = rules::authorize_approval(actor).is_ok();
    let grant = rules::authorize_measure(actor).ok();
    let rows = items
        .into_iter()
        .map(|m| Row {
            id: m.id,
            rung: rung_name(&ladder, &m.rung, lang),
            date: page.date(&m.created_at),
            legal_basis: m.legal_basis,
            reason: m.reason,
            finding: m.finding.unwrap_or_default(),
            justification: m.justification.unwrap_or_default(),
            status: page.t(&format!(
                "supervision-measure-status-{}",
                m.status.replace('_', "-")
            )),
            decidable: m.status == AWAITING && approver && m.proposed_by != actor.user_id(),
        })
        .collect();
    let rungs = options(
        ladder
            .iter()
            .filter(|r| {
                grant
                    .as_ref()
                    .is_some_and(|g| g.beyond_advice() || r.advisory())
            })
            .map(|r| (r.key.clone(), r.name(lang).to_owned())),
        typed.get("rung").map_or("", String::as_str),
    );
    crate::web::html(
        status,
        MeasuresPage {
            unit_id,
            rows,
            ladder: ladder
                .iter()
                .map(|r| RungRow {
                    name: r.name(lang).to_owned(),
                    legal_basis: r.legal_basis.clone(),
                })
                .collect(),
            can_take: grant.is_some(),
            rungs,
            typed,
            errors,
            page,
        },
    )
}

async fn page(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(unit_id): Path<i64>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    render(
        &s,
        &ctx,
        &actor,
        unit_id,
        q.page,
        HashMap::new(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

fn draft_of(f: &HashMap<String, String>) -> Result<MeasureDraft, SupervisionError> {
    let text = |k: &str| f.get(k).cloned().unwrap_or_default();
    let opt = |k: &str| f.get(k).filter(|v| !v.trim().is_empty()).cloned();
    let licence_id = match opt("licence_id") {
        None => None,
        Some(v) => Some(
            tashil_text::digits::to_ascii_digits(v.trim())
                .parse::<i64>()
                .map_err(|_| SupervisionError::invalid("licence_id", "invalid_number"))?,
        ),
    };
    Ok(MeasureDraft {
        rung: text("rung"),
        reason: text("reason"),
        licence_id,
        inspection_ref: opt("inspection_ref"),
        finding: opt("finding"),
        imminent: f.get("imminent").is_some_and(|v| v == "on" || v == "true"),
        justification: opt("justification"),
    })
}

async fn take(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(unit_id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let result = match draft_of(&form) {
        Ok(d) => measures::take(&s.db, &actor, unit_id, &d, s.clock.now()).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => {
            Ok(Redirect::to(&format!("/supervision/units/{unit_id}/measures")).into_response())
        }
        Err(SupervisionError::Invalid(errs)) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            render(
                &s,
                &ctx,
                &actor,
                unit_id,
                None,
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn decide(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let approve = form.get("decision").is_some_and(|d| d == "approve");
    let m = measures::decide(&s.db, &actor, id, approve, s.clock.now()).await?;
    Ok(Redirect::to(&format!("/supervision/units/{}/measures", m.unit_id)).into_response())
}
