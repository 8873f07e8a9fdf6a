//! The public tracking pages: `/track` asks for a code, `/track/{code}` shows where the
//! application stands (the same nothing-personal view as the API's).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;

use super::model::{StepOutcome, Tri};
use super::view::TrackView;
use crate::web::{AppError, AppState, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/track", get(ask))
        .route("/track/{code}", get(show))
}

#[derive(Template, WebTemplate)]
#[template(path = "licensing/track_ask.html")]
struct AskPage {
    page: PageCtx,
}

#[derive(Deserialize, Default)]
struct CodeQuery {
    #[serde(default)]
    code: String,
}

/// The codes are ASCII letters, digits and hyphens; anything else cannot name an application.
fn clean(code: &str) -> Option<String> {
    let code = tashil_text::digits::to_ascii_digits(code.trim()).to_ascii_uppercase();
    (!code.is_empty()
        && code.len() <= 20
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    .then_some(code)
}

async fn ask(ctx: Ctx, Query(q): Query<CodeQuery>) -> Response {
    match clean(&q.code) {
        Some(code) => Redirect::to(&format!("/track/{code}")).into_response(),
        None => AskPage {
            page: PageCtx::new(&ctx),
        }
        .into_response(),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "licensing/track.html")]
struct TrackPage {
    page: PageCtx,
    t: TrackView,
}

impl TrackPage {
    fn status_key(&self) -> String {
        format!("lic-status-{}", self.t.status.as_str())
    }

    fn outcome_key(&self, o: &StepOutcome) -> String {
        format!("lic-outcome-{}", o.as_str())
    }

    fn tri<'a>(&self, t: &'a Tri) -> &'a str {
        t.in_lang(self.page.lang_code())
    }
}

async fn show(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let code = clean(&code).ok_or(AppError::NotFound)?;
    let t = super::read::track(&s.db, &code).await?;
    Ok(TrackPage {
        page: PageCtx::new(&ctx),
        t,
    }
    .into_response())
}
