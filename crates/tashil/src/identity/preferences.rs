//! The signed-in user's preferences page: national staff choose the time zone their days
//! (today, overdue, the day of an entry) are counted in; provincial staff see their office's.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;

use super::IdentityError;
use crate::access::Actor;
use crate::web::AppState;
use crate::web::forms::FormErrors;
use crate::web::{AppError, Authed, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/preferences", get(show).post(save))
}

#[derive(Template, WebTemplate)]
#[template(path = "identity/preferences.html")]
struct PreferencesPage {
    page: PageCtx,
    /// The zone the actor's days are counted in now.
    zone: String,
    /// National staff choose it; provincial staff follow their office.
    may_choose: bool,
    /// Every zone name of the IANA database, offered as the field is typed.
    zones: Vec<&'static str>,
    /// The form's value when it was refused.
    typed: String,
    saved: bool,
    errors: FormErrors,
}

fn render(
    ctx: &Ctx,
    actor: &Actor,
    typed: String,
    saved: bool,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let zone = actor.time_zone().name().to_string();
    crate::web::html(
        status,
        PreferencesPage {
            page: PageCtx::new(ctx),
            typed: if typed.is_empty() {
                zone.clone()
            } else {
                typed
            },
            zone,
            may_choose: actor.province().is_none(),
            zones: chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect(),
            saved,
            errors,
        },
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Shown {
    saved: Option<String>,
}

async fn show(Authed(ctx, actor): Authed, Query(q): Query<Shown>) -> Result<Response, AppError> {
    render(
        &ctx,
        &actor,
        String::new(),
        q.saved.is_some(),
        FormErrors::default(),
        StatusCode::OK,
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PreferencesForm {
    time_zone: String,
}

async fn save(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(f): Form<PreferencesForm>,
) -> Result<Response, AppError> {
    match super::set_time_zone(&s.db, &actor, &f.time_zone).await {
        Ok(()) => Ok(Redirect::to("/preferences?saved=1").into_response()),
        Err(IdentityError::Invalid(code)) => {
            let msg = crate::web::error_render::message(ctx.lang, code);
            render(
                &ctx,
                &actor,
                f.time_zone,
                false,
                FormErrors::single("time_zone", msg),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(e) => Err(AppError::internal(e)),
    }
}
