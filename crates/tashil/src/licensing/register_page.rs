//! The public register of licences, `/licences`: search by holder name or national ID,
//! licence number, product or brand (any script or spelling), filter by status, page on.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::model::Tri;
use super::register_view::{LicenceEntry, RegisterQuery};
use crate::web::{AppError, AppState, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/licences", get(page))
}

#[derive(Template, WebTemplate)]
#[template(path = "licensing/register.html")]
struct RegisterPageView {
    page: PageCtx,
    q: String,
    status: String,
    entries: Vec<LicenceEntry>,
    total: u64,
    capped: bool,
    next: Option<i64>,
    errors: Vec<String>,
}

impl RegisterPageView {
    fn tri<'a>(&self, t: &'a Tri) -> &'a str {
        t.in_lang(self.page.lang_code())
    }

    fn status_label(&self, e: &LicenceEntry) -> String {
        self.page
            .t(&format!("lic-licence-status-{}", e.status.as_str()))
    }

    fn day(&self, d: &chrono::NaiveDate) -> String {
        self.page.day(d)
    }
}

const STATUSES: [&str; 4] = ["active", "suspended", "revoked", "expired"];

async fn page(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(f): Query<RegisterQuery>,
) -> Result<Response, AppError> {
    let page = PageCtx::new(&ctx);
    let status = f
        .status
        .clone()
        .filter(|st| STATUSES.contains(&st.as_str()))
        .unwrap_or_default();
    let query = RegisterQuery {
        q: f.q.clone(),
        status: Some(status.clone()).filter(|s| !s.is_empty()),
        after: f.after,
    };
    let q = f.q.unwrap_or_default();
    let (entries, total, capped, next, errors) = match super::register::search(&s.db, &query).await
    {
        Ok(r) => (r.entries, r.total, r.total_capped, r.next, Vec::new()),
        Err(super::LicensingError::Invalid(errs)) => {
            let msgs = errs
                .iter()
                .map(|e| crate::web::error_render::message(ctx.lang, e.code))
                .collect();
            (Vec::new(), 0, false, None, msgs)
        }
        Err(e) => return Err(e.into()),
    };
    Ok(RegisterPageView {
        page,
        q,
        status,
        entries,
        total,
        capped,
        next,
        errors,
    }
    .into_response())
}
