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

use super::super::FacilitationError;
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
    resolutions_result(&s, &ctx, &actor, "progress", r, |f| format!("{f}-{id}")).await
}

/// Back to the resolutions, or their page again with the errors of the form `form` (whose
/// fields `field` names as the page shows them: each resolution has its own forms).
async fn resolutions_result(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    form: &str,
    r: Result<(), FacilitationError>,
    field: impl Fn(&str) -> String,
) -> Result<Response, AppError> {
    super::outcome(ctx, "/resolutions", form, r, field, |errors, status| {
        render_resolutions(s, ctx, actor, errors, status)
    })
    .await
}

async fn cancel(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<NoteForm>,
) -> Result<Response, AppError> {
    let r = followup::cancel_resolution(&s.db, &actor, id, &f.note, s.clock.now()).await;
    resolutions_result(&s, &ctx, &actor, "cancel", r, |_| format!("cancel-{id}")).await
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
    let none = <[String; 3]>::default;
    let total = case_figures(st.received, st.solved, st.median_days);
    let mut rows = vec![csv_line(t("fac-csv-total"), String::new(), total, none())];
    for c in &st.by_category {
        let category = t(&format!(
            "category-{}",
            c.category.as_str().replace('_', "-")
        ));
        let figures = case_figures(c.received, c.solved, c.median_days);
        rows.push(csv_line(t("fac-csv-category"), category, figures, none()));
    }
    for a in &st.by_agency {
        let figures = [a.assigned, a.done, a.overdue].map(|n| n.to_string());
        let name = a.name(&ctx.lang).to_string();
        rows.push(csv_line(t("fac-csv-agency"), name, none(), figures));
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

/// Received, solved and the median days of a row of cases.
fn case_figures(
    received: impl ToString,
    solved: impl ToString,
    median: Option<impl ToString>,
) -> [String; 3] {
    [
        received.to_string(),
        solved.to_string(),
        median.map(|d| d.to_string()).unwrap_or_default(),
    ]
}

/// A line of the public CSV: its kind and name, the figures of its cases, then of the
/// resolutions bound on an agency (blank where a line has none).
fn csv_line(
    kind: String,
    name: String,
    cases: [String; 3],
    resolutions: [String; 3],
) -> Vec<String> {
    let mut line = vec![kind, name];
    line.extend(cases);
    line.extend(resolutions);
    line
}
