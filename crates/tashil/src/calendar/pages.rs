//! The administrator's calendar page: the table years in force and the closures, the
//! exports, and the upload of a calendar file (all or nothing, each problem by row).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;

use super::service::{self, LoadReport};
use crate::access::Actor;
use crate::web::AppState;
use crate::web::import_page::{self, ReportLine, attachment};
use crate::web::upload_limit::{MAX_IMPORT_FILE, limited};
use crate::web::{AppError, Authed, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/calendar",
            get(page).merge(limited(axum::routing::post(upload), MAX_IMPORT_FILE)),
        )
        .route("/calendar/export.csv", get(export_csv))
        .route("/calendar/export.json", get(export_json))
}

/// A table year as listed.
struct YearLine {
    country: String,
    year: String,
    source: String,
    days_off: u64,
    worked: u64,
}

/// A declared closure as listed.
struct ClosureLine {
    day: String,
    place: String,
    reason: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "calendar/index.html")]
struct CalendarPage {
    page: PageCtx,
    years: Vec<YearLine>,
    closures: Vec<ClosureLine>,
    /// After a load: the years replaced and the deadlines moved.
    loaded: Option<(String, u64)>,
    errors: Vec<ReportLine>,
}

async fn render(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    outcome: Option<&LoadReport>,
) -> Result<Response, AppError> {
    let page = PageCtx::new(ctx);
    let mut years = vec![];
    let mut closures = vec![];
    for y in service::overview(&s.db, actor).await? {
        let country = page.t(&format!("calendar-country-{}", y.country.to_lowercase()));
        for c in &y.closures {
            let place = match tashil_reference::provinces::province(&c.province) {
                Some(p) => p.name(ctx.lang.code()).to_string(),
                None => country.clone(),
            };
            closures.push(ClosureLine {
                day: page.day(&c.date),
                place,
                reason: crate::kernel::display_name(
                    ctx.lang,
                    &c.reason_fa,
                    &c.reason_en,
                    &c.reason_vi,
                )
                .to_string(),
            });
        }
        years.push(YearLine {
            country,
            year: page.digits(&y.year.to_string()),
            source: page.t(&format!("calendar-source-{}", y.source)),
            days_off: y.days_off as u64,
            worked: y.worked as u64,
        });
    }
    let status = match outcome {
        Some(o) if !o.report.ok() => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::OK,
    };
    crate::web::html(
        status,
        CalendarPage {
            years,
            closures,
            loaded: outcome
                .filter(|o| o.report.ok())
                .map(|o| (page.digits(&o.years.join(", ")), o.deadlines_moved as u64)),
            errors: outcome
                .map(|o| import_page::report_lines(ctx.lang, &o.report.errors))
                .unwrap_or_default(),
            page,
        },
    )
}

async fn page(State(s): State<AppState>, Authed(ctx, actor): Authed) -> Result<Response, AppError> {
    render(&s, &ctx, &actor, None).await
}

async fn upload(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    multipart: Multipart,
) -> Result<Response, AppError> {
    crate::access::calendar::authorize_manage(&actor)?;
    let outcome = match import_page::read_upload(multipart).await?.into_parts() {
        Some((name, bytes, opts)) => {
            service::load(&s.db, &actor, &name, &bytes, &opts, s.clock.now()).await?
        }
        None => LoadReport {
            report: import_page::no_file(),
            ..Default::default()
        },
    };
    render(&s, &ctx, &actor, Some(&outcome)).await
}

async fn export_csv(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
) -> Result<Response, AppError> {
    let rows: Vec<Vec<String>> = service::export(&s.db, &actor)
        .await?
        .into_iter()
        .map(|r| {
            vec![
                r.country,
                r.date,
                r.kind,
                r.holiday,
                r.province,
                r.reason_fa,
                r.reason_vi,
                r.reason_en,
            ]
        })
        .collect();
    let headers: Vec<String> = super::model::COLUMNS
        .iter()
        .map(|c| c.to_string())
        .collect();
    Ok(attachment(
        "text/csv; charset=utf-8",
        "calendar.csv",
        tashil_sheets::write_csv(&headers, &rows),
    ))
}

async fn export_json(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
) -> Result<Response, AppError> {
    let rows = service::export(&s.db, &actor).await?;
    let body = serde_json::to_vec_pretty(&rows).map_err(AppError::internal)?;
    Ok(attachment("application/json", "calendar.json", body))
}
