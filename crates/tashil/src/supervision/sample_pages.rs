//! The inspector's market sample, on pages: from the open inspection's page, a standard and
//! its clauses, then one of the labs conformity offers for them (all clauses covered, in
//! force today), sent as a market sample and linked to the inspection.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;

use super::error::SupervisionError;
use super::samples;
use crate::access::Actor;
use crate::conformity::{ConformityError, OfferView, TestRequestDraft};
use crate::web::forms::FormErrors;
use crate::web::{AppError, AppState, Authed, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/supervision/inspections/{id}/samples", get(new).post(send))
}

/// The form's fields: the standard and clauses (first step), then the lab and the rest.
#[derive(Deserialize, Default)]
struct Posted {
    #[serde(default)]
    standard_id: String,
    #[serde(default)]
    clauses: String,
    #[serde(default)]
    lab_org_id: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    decision_rule: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/sample_new.html")]
struct NewPage {
    page: PageCtx,
    inspection_id: i64,
    p: Posted,
    /// The labs offered, once a standard and clauses are given.
    offers: Option<Vec<OfferView>>,
    errors: FormErrors,
}

async fn render(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    id: i64,
    p: Posted,
    mut errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    samples::sender_of(&s.db, actor, id).await?;
    let mut offers = None;
    if !p.standard_id.trim().is_empty() && !p.clauses.trim().is_empty() {
        let typed = tashil_text::digits::to_ascii_digits(p.standard_id.trim());
        let found = match typed.parse::<i64>() {
            Ok(standard) => {
                crate::conformity::offers(
                    &s.db,
                    actor,
                    standard,
                    std::slice::from_ref(&p.clauses),
                    s.clock.now(),
                )
                .await
            }
            Err(_) => Err(ConformityError::invalid("standard_id", "invalid_number")),
        };
        match found {
            Ok(o) => offers = Some(o),
            Err(ConformityError::Invalid(errs)) => {
                if errors.is_empty() {
                    errors = FormErrors::from_fields(ctx.lang, &errs);
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    crate::web::html(
        status,
        NewPage {
            page: PageCtx::new(ctx),
            inspection_id: id,
            p,
            offers,
            errors,
        },
    )
}

async fn new(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Query(p): Query<Posted>,
) -> Result<Response, AppError> {
    render(
        &s,
        &ctx,
        &actor,
        id,
        p,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn send(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(p): Form<Posted>,
) -> Result<Response, AppError> {
    let d = TestRequestDraft {
        standard_id: p.standard_id.clone(),
        clauses: vec![p.clauses.clone()],
        lab_org_id: p.lab_org_id.clone(),
        note: p.note.clone(),
        decision_rule: p.decision_rule.clone(),
        ..Default::default()
    };
    match samples::send(&s.db, &actor, id, &d, s.clock.now()).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/supervision/inspections/{id}#samples")).into_response())
        }
        Err(SupervisionError::Invalid(errs)) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            render(
                &s,
                &ctx,
                &actor,
                id,
                p,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
