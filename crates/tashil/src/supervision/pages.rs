//! HTML pages of supervision: the units in reach ranked by risk, one unit's score explained
//! factor by factor, and the national body's editor of the weights and hazard classes.

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

use super::draft::{CAP_FIELD, weights_of};
use super::error::SupervisionError;
use super::hazards;
use super::model::risk::{Factor, Line, Weights};
use super::scores::{self, PAGE};
use super::view::{Explanation, RiskRow};
use super::weights::{self, WeightsInForce};
use crate::access::supervision as rules;
use crate::web::forms::FormErrors;
use crate::web::{AppError, AppState, Authed, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervision/risk", get(list))
        .route("/supervision/risk/{unit_id}", get(detail))
        .route("/supervision/weights", get(weights_form).post(set_weights))
        .route("/supervision/hazards", post(set_hazards))
}

#[derive(Deserialize, Default)]
struct PageQuery {
    page: Option<u64>,
}

/// A number as the page writes it (Persian digits on a Persian page).
fn figure(page: &PageCtx, x: f64) -> String {
    page.digits(&format!("{}", (x * 1000.0).round() / 1000.0))
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/list.html")]
struct ListPage {
    page: PageCtx,
    items: Vec<RiskRow>,
    page_no: u64,
    has_next: bool,
    can_weigh: bool,
}

impl ListPage {
    fn figure(&self, x: &f64) -> String {
        figure(&self.page, *x)
    }
}

async fn list(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(p): Query<PageQuery>,
) -> Result<Response, AppError> {
    let items = scores::ranked(&s.db, &actor, p.page).await?;
    crate::web::html(
        StatusCode::OK,
        ListPage {
            page_no: p.page.unwrap_or(1).max(1),
            has_next: items.len() as u64 == PAGE,
            can_weigh: rules::authorize_weights(&actor).is_ok(),
            items,
            page: PageCtx::new(&ctx),
        },
    )
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/detail.html")]
struct DetailPage {
    page: PageCtx,
    e: Explanation,
}

impl DetailPage {
    fn figure(&self, x: &f64) -> String {
        figure(&self.page, *x)
    }

    fn factor_name(&self, l: &Line) -> String {
        self.page.t(&format!(
            "supervision-factor-{}",
            l.factor.key().replace('_', "-")
        ))
    }
}

async fn detail(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(unit_id): Path<i64>,
) -> Result<Response, AppError> {
    let e = scores::explain(&s.db, &actor, unit_id).await?;
    crate::web::html(
        StatusCode::OK,
        DetailPage {
            e,
            page: PageCtx::new(&ctx),
        },
    )
}

/// One field of the weights form.
struct WeightField {
    name: &'static str,
    label: String,
    value: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/weights.html")]
struct WeightsPage {
    page: PageCtx,
    version: i32,
    fields: Vec<WeightField>,
    hazards_csv: String,
    errors: FormErrors,
}

fn fields(
    page: &PageCtx,
    w: &Weights,
    typed: Option<&HashMap<String, String>>,
) -> Vec<WeightField> {
    let key = |f: &str| format!("supervision-factor-{}", f.replace('_', "-"));
    let mut out: Vec<WeightField> = Factor::ALL
        .iter()
        .map(|f| WeightField {
            name: f.key(),
            label: page.t(&key(f.key())),
            value: String::new(),
        })
        .collect();
    out.push(WeightField {
        name: CAP_FIELD,
        label: page.t("supervision-cap-years"),
        value: String::new(),
    });
    for f in &mut out {
        f.value = match typed.and_then(|t| t.get(f.name)) {
            Some(v) => v.clone(),
            None => {
                let v = Factor::ALL
                    .iter()
                    .find(|x| x.key() == f.name)
                    .map_or(w.since_inspection_cap_years, |x| w.of(*x));
                format!("{v}")
            }
        };
    }
    out
}

async fn weights_page(
    s: &AppState,
    ctx: &Ctx,
    actor: &crate::access::Actor,
    typed: Option<&HashMap<String, String>>,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    rules::authorize_weights(actor).map_err(SupervisionError::from)?;
    let WeightsInForce { version, weights } = weights::current(&s.db, actor).await?;
    let rows = hazards::rows(&s.db).await.map_err(SupervisionError::from)?;
    let page = PageCtx::new(ctx);
    crate::web::html(
        status,
        WeightsPage {
            fields: fields(&page, &weights, typed),
            version,
            hazards_csv: typed
                .and_then(|t| t.get("csv").cloned())
                .unwrap_or_else(|| hazards::to_csv(&rows)),
            errors,
            page,
        },
    )
}

async fn weights_form(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
) -> Result<Response, AppError> {
    weights_page(
        &s,
        &ctx,
        &actor,
        None,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn set_weights(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    rules::authorize_weights(&actor).map_err(SupervisionError::from)?;
    let result = match weights_of(&form) {
        Ok((w, version)) => weights::set(&s.db, &actor, w, version, s.clock.now()).await,
        Err(errs) => Err(SupervisionError::Invalid(errs)),
    };
    match result {
        Ok(_) => Ok(Redirect::to("/supervision/weights").into_response()),
        Err(SupervisionError::Invalid(errs)) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            weights_page(
                &s,
                &ctx,
                &actor,
                Some(&form),
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn set_hazards(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let csv = form.get("csv").cloned().unwrap_or_default();
    match hazards::replace(&s.db, &actor, &csv, s.clock.now()).await {
        Ok(_) => Ok(Redirect::to("/supervision/weights").into_response()),
        Err(SupervisionError::Invalid(errs)) => {
            // The CSV's errors name their line (`line.3.class`): shown on the text area,
            // each with the line it is on.
            let page = PageCtx::new(&ctx);
            let text = errs
                .iter()
                .map(|e| {
                    let msg = page.t(&format!("err-{}", e.code.replace('_', "-")));
                    match e.field.strip_prefix("line.") {
                        Some(at) => format!("{}: {msg}", page.digits(at)),
                        None => msg,
                    }
                })
                .collect::<Vec<_>>()
                .join(" · ");
            let errors = FormErrors::single("csv", text);
            weights_page(
                &s,
                &ctx,
                &actor,
                Some(&form),
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
