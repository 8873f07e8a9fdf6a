//! HTML pages of the deregulation register: report a redundant or costly rule, the board's
//! review, decision and publication, and the public list of published decisions.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;

use super::model::{
    Decision, DecisionDraft, PublicRegulation, RegulationDraft, RegulationFilter,
    RegulationSummary, RegulationView,
};
use super::service::{self as dereg, DeregulationError};
use crate::access::Actor;
use crate::access::deregulation as rules;
use crate::web::AppState;
use crate::web::OnRecord;
use crate::web::forms::{FormErrors, Opt, options};
use crate::web::record::{PageResult, RecordPage, settle, show};
use crate::web::{AppError, Authed, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/regulations", get(list).post(report))
        .route("/regulations/{id}", get(show::<DetailPage>))
        .route("/regulations/{id}/review", post(review))
        .route("/regulations/{id}/decide", post(decide))
        .route("/regulations/{id}/publish", post(publish))
        .route("/provinces/{code}/regulations", get(public_list))
}

#[derive(Template, WebTemplate)]
#[template(path = "facilitation/regulations.html")]
struct ListPage {
    page: PageCtx,
    items: Vec<RegulationSummary>,
    can_report: bool,
    d: RegulationDraft,
    errors: FormErrors,
}

fn can_report(actor: &Actor) -> bool {
    rules::authorize_report(actor).is_ok()
}

async fn render_list(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    d: RegulationDraft,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let items = dereg::list(&s.db, actor, &RegulationFilter::default()).await?;
    crate::web::html(
        status,
        ListPage {
            page: PageCtx::new(ctx),
            items,
            can_report: can_report(actor),
            d,
            errors,
        },
    )
}

async fn list(State(s): State<AppState>, Authed(ctx, actor): Authed) -> Result<Response, AppError> {
    render_list(
        &s,
        &ctx,
        &actor,
        RegulationDraft::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn report(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(d): Form<RegulationDraft>,
) -> Result<Response, AppError> {
    match dereg::report(&s.db, &actor, &d, s.clock.now()).await {
        Ok(r) => Ok(Redirect::to(&format!("/regulations/{}", r.id)).into_response()),
        Err(DeregulationError::Invalid(errs)) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            render_list(
                &s,
                &ctx,
                &actor,
                d,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "facilitation/regulation.html")]
struct DetailPage {
    page: PageCtx,
    r: RegulationView,
    cost: String,
    hours: String,
    is_board: bool,
    decisions: Vec<Opt>,
    errors: FormErrors,
}

fn money(page: &PageCtx, v: Option<i64>) -> String {
    v.map(|x| page.num(&x.unsigned_abs())).unwrap_or_default()
}

impl RecordPage for DetailPage {
    const BASE: &str = "/regulations";

    async fn render(rec: &OnRecord, errors: FormErrors, status: StatusCode) -> PageResult {
        let &OnRecord(ref s, ref ctx, ref actor, id) = rec;
        let page = PageCtx::new(ctx);
        let r = dereg::get(&s.db, actor, id).await?;
        let decisions = options(
            [Decision::Remove, Decision::Amend, Decision::Keep]
                .iter()
                .map(|d| (d.as_str().to_string(), page.regulation_decision(d.as_str())))
                .collect::<Vec<_>>(),
            r.summary.decision.map(|d| d.as_str()).unwrap_or(""),
        );
        crate::web::html(
            status,
            DetailPage {
                cost: money(&page, r.annual_cost),
                hours: money(&page, r.hours_lost.map(i64::from)),
                is_board: rules::authorize_board(actor, &r.summary.province).is_ok(),
                decisions,
                errors,
                page,
                r,
            },
        )
    }
}

async fn review(OnRecord(s, ctx, actor, id): OnRecord) -> Result<Response, AppError> {
    let r = dereg::review(&s.db, &actor, id, s.clock.now()).await;
    settle::<DetailPage, _, _>(OnRecord(s, ctx, actor, id), "form", r).await
}

async fn decide(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(d): Form<DecisionDraft>,
) -> Result<Response, AppError> {
    let r = dereg::decide(&s.db, &actor, id, &d, s.clock.now()).await;
    settle::<DetailPage, _, _>(OnRecord(s, ctx, actor, id), "form", r).await
}

async fn publish(OnRecord(s, ctx, actor, id): OnRecord) -> Result<Response, AppError> {
    let r = dereg::publish(&s.db, &actor, id, s.clock.now()).await;
    settle::<DetailPage, _, _>(OnRecord(s, ctx, actor, id), "form", r).await
}

/// A published decision as the public page shows it.
pub struct PublicLine {
    pub r: PublicRegulation,
    pub cost: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "facilitation/regulations_public.html")]
struct PublicPage {
    page: PageCtx,
    province_name: String,
    items: Vec<PublicLine>,
}

async fn public_list(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let items = super::public::published(&s.db, &code, None).await?;
    let page = PageCtx::new(&ctx);
    Ok(PublicPage {
        province_name: page.province_name(&code),
        items: items
            .into_iter()
            .map(|r| PublicLine {
                cost: money(&page, r.annual_cost),
                r,
            })
            .collect(),
        page,
    }
    .into_response())
}
