//! HTML pages of a lab's instruments: the list (due dates, overdue and due-soon marks) with the
//! form that registers one, and one instrument with its calibration history and the form that
//! records a certificate.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;

use super::instruments;
use super::model::instrument::{CalibrationDraft, InstrumentDraft};
use super::view::{InstrumentDetail, InstrumentView};
use crate::access::Actor;
use crate::access::conformity as rules;
use crate::web::forms::FormErrors;
use crate::web::record::{PageResult, RecordPage, settle, show};
use crate::web::{AppError, AppState, Authed, Ctx, OnRecord, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/instruments", get(list).post(register))
        .route("/instruments/{id}", get(show::<InstrumentPage>))
        .route("/instruments/{id}/calibrations", post(calibrate))
}

#[derive(Template, WebTemplate)]
#[template(path = "conformity/instruments.html")]
struct ListPage {
    page: PageCtx,
    items: Vec<InstrumentView>,
    page_no: u64,
    has_next: bool,
    can_register: bool,
    d: InstrumentDraft,
    errors: FormErrors,
}

#[derive(serde::Deserialize, Default)]
struct PageQuery {
    page: Option<u64>,
}

async fn render_list(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    page_no: Option<u64>,
    d: InstrumentDraft,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let items = instruments::list(&s.db, actor, page_no, s.clock.now()).await?;
    crate::web::html(
        status,
        ListPage {
            page_no: page_no.unwrap_or(1).max(1),
            has_next: items.len() as u64 == instruments::PAGE,
            can_register: rules::authorize_instruments(actor).is_ok(),
            items,
            d,
            errors,
            page: PageCtx::new(ctx),
        },
    )
}

async fn list(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(p): Query<PageQuery>,
) -> Result<Response, AppError> {
    render_list(
        &s,
        &ctx,
        &actor,
        p.page,
        InstrumentDraft::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn register(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(d): Form<InstrumentDraft>,
) -> Result<Response, AppError> {
    match instruments::register(&s.db, &actor, &d, s.clock.now()).await {
        Ok(v) => Ok(Redirect::to(&format!("/instruments/{}", v.id)).into_response()),
        Err(super::ConformityError::Invalid(errs)) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            render_list(
                &s,
                &ctx,
                &actor,
                None,
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
#[template(path = "conformity/instrument.html")]
struct InstrumentPage {
    page: PageCtx,
    i: InstrumentDetail,
    can_calibrate: bool,
    errors: FormErrors,
}

impl RecordPage for InstrumentPage {
    const BASE: &str = "/instruments";

    async fn render(rec: &OnRecord, errors: FormErrors, status: StatusCode) -> PageResult {
        let &OnRecord(ref s, ref ctx, ref actor, id) = rec;
        let i = instruments::get(&s.db, actor, id, s.clock.now()).await?;
        let can_calibrate = rules::authorize_instruments(actor)
            .is_ok_and(|g| g.lab_org_id() == i.instrument.lab_org_id);
        crate::web::html(
            status,
            InstrumentPage {
                page: PageCtx::new(ctx),
                can_calibrate,
                errors,
                i,
            },
        )
    }
}

async fn calibrate(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(d): Form<CalibrationDraft>,
) -> Result<Response, AppError> {
    let r = instruments::calibrate(&s.db, &actor, id, &d, s.clock.now()).await;
    settle::<InstrumentPage, _, _>(OnRecord(s, ctx, actor, id), "calibration", r).await
}
