//! An agency's (or the secretariat's) resolutions, and the public page of a province with its
//! figures as CSV.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

use super::super::followup::{self, Progress};
use super::super::public::{self, PublicStats};
use super::cases::NoteForm;
use super::{ResolutionLine, resolution_lines};
use crate::access::Actor;
use crate::web::AppState;
use crate::web::OnRecord;
use crate::web::forms::FormErrors;
use crate::web::{AppError, Authed, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/resolutions", get(resolutions_page))
        .route("/resolutions/{id}/progress", post(progress))
        .route("/resolutions/{id}/cancel", post(cancel))
        .route("/provinces/{code}/facilitation", get(public_page))
        .route("/provinces/{code}/facilitation/export.csv", get(public_csv))
}

#[derive(Template, WebTemplate)]
#[template(path = "facilitation/resolutions.html")]
struct ResolutionsPage {
    page: PageCtx,
    resolutions: Vec<ResolutionLine>,
    is_agency: bool,
    errors: FormErrors,
}

async fn render_resolutions(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let rs = followup::list(&s.db, actor, false, s.clock.now()).await?;
    let page = PageCtx::new(ctx);
    crate::web::html(
        status,
        ResolutionsPage {
            resolutions: resolution_lines(s, &page.lang, rs).await?,
            is_agency: crate::access::facilitation::is_bound_agency(actor),
            errors,
            page,
        },
    )
}

async fn resolutions_page(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
) -> Result<Response, AppError> {
    render_resolutions(&s, &ctx, &actor, FormErrors::default(), StatusCode::OK).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ProgressForm {
    note: String,
    evidence: String,
    done: Option<String>,
}

async fn progress(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<ProgressForm>,
) -> Result<Response, AppError> {
    let p = Progress {
        note: f.note,
        evidence: f.evidence,
        done: f.done.is_some(),
    };
    let r = followup::report_progress(&s.db, &actor, id, &p, s.clock.now()).await;
    let field = |f: &str| format!("{f}-{id}");
    super::outcome(
        &ctx,
        "/resolutions",
        "progress",
        r,
        field,
        |errors, status| render_resolutions(&s, &ctx, &actor, errors, status),
    )
    .await
}

async fn cancel(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<NoteForm>,
) -> Result<Response, AppError> {
    let r = followup::cancel_resolution(&s.db, &actor, id, &f.note, s.clock.now()).await;
    let field = |_: &str| format!("cancel-{id}");
    super::outcome(
        &ctx,
        "/resolutions",
        "cancel",
        r,
        field,
        |errors, status| render_resolutions(&s, &ctx, &actor, errors, status),
    )
    .await
}

/// An agency's row on the public page.
pub struct AgencyLine {
    pub name: String,
    pub assigned: u64,
    pub done: u64,
    pub overdue: u64,
}

#[derive(Template, WebTemplate)]
#[template(path = "facilitation/public.html")]
struct PublicPage {
    page: PageCtx,
    st: PublicStats,
    province_name: String,
    agencies: Vec<AgencyLine>,
}

async fn public_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let st = public::stats(&s.db, &code, s.clock.now()).await?;
    let page = PageCtx::new(&ctx);
    Ok(PublicPage {
        province_name: page.province_name(&code),
        agencies: st
            .by_agency
            .iter()
            .map(|a| AgencyLine {
                name: a.name(&page.lang).to_string(),
                assigned: a.assigned,
                done: a.done,
                overdue: a.overdue,
            })
            .collect(),
        st,
        page,
    }
    .into_response())
}

/// The public figures as CSV, one row per category and per agency.
async fn public_csv(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let st = public::stats(&s.db, &code, s.clock.now()).await?;
    let i18n = crate::i18n::I18n::get();
    let t = |k: &str| i18n.t(ctx.lang, k);
    let headers = vec![
        t("fac-csv-kind"),
        t("fac-csv-name"),
        t("fac-received"),
        t("fac-solved"),
        t("fac-median-days"),
        t("fac-assigned"),
        t("fac-done"),
        t("fac-overdue"),
    ];
    let mut rows = vec![vec![
        t("fac-csv-total"),
        String::new(),
        st.received.to_string(),
        st.solved.to_string(),
        st.median_days.map(|d| d.to_string()).unwrap_or_default(),
        String::new(),
        String::new(),
        String::new(),
    ]];
    for c in &st.by_category {
        rows.push(vec![
            t("fac-csv-category"),
            t(&format!(
                "category-{}",
                c.category.as_str().replace('_', "-")
            )),
            c.received.to_string(),
            c.solved.to_string(),
            c.median_days.map(|d| d.to_string()).unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    for a in &st.by_agency {
        rows.push(vec![
            t("fac-csv-agency"),
            a.name(&ctx.lang).to_string(),
            String::new(),
            String::new(),
            String::new(),
            a.assigned.to_string(),
            a.done.to_string(),
            a.overdue.to_string(),
        ]);
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"facilitation-{code}.csv\""),
            ),
        ],
        tashil_sheets::write_csv(&headers, &rows),
    )
        .into_response())
}
