//! HTML pages of the facilitation desk: `cases` (report, track, the committee's queue and
//! triage), `meetings` (bodies, meetings, agendas, resolutions), `followup` (an agency's
//! resolutions and the public page of each province). Handlers are thin: parse, call the
//! use case, render.

mod cases;
mod followup;
mod meetings;

use axum::Router;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::FacilitationError;
use super::cases::ResolutionView;
use super::model::Category;
use crate::access::{Actor, OrganisationKind};
use crate::web::AppState;
use crate::web::forms::{FormErrors, Opt, options};
use crate::web::{AppError, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .merge(cases::routes())
        .merge(meetings::routes())
        .merge(followup::routes())
}

pub(super) fn names(lang: &tashil_text::Lang, n: &[String; 3]) -> String {
    crate::kernel::display_name(*lang, &n[0], &n[1], &n[2]).to_string()
}

pub(super) fn category_options(page: &PageCtx, selected: &str) -> Vec<Opt> {
    let mut v = vec![(String::new(), page.t("choose"))];
    v.extend(
        Category::ALL
            .iter()
            .map(|c| (c.as_str().to_string(), page.category_label(c.as_str()))),
    );
    options(v, selected)
}

/// Agencies of the actor's province (all for the national level), to bind by a resolution.
pub(super) async fn agency_options(
    s: &AppState,
    page: &PageCtx,
    actor: &Actor,
) -> Result<Vec<Opt>, AppError> {
    // The agencies a secretariat may bind: its province's (any, for the national one).
    let scope = crate::access::facilitation::secretariat_scope(actor).ok();
    let province = match &scope {
        Some(s) => s.province(),
        None => actor.province(),
    };
    let orgs = crate::identity::organisations_of(&s.db, OrganisationKind::Agency, province).await?;
    let mut v = vec![(String::new(), page.t("choose"))];
    v.extend(
        orgs.iter()
            .map(|(id, n)| (id.to_string(), names(&page.lang, n))),
    );
    Ok(options(v, ""))
}

/// A resolution line as pages show it: the agency's name and the deadline in the page's calendar.
pub struct ResolutionLine {
    pub r: ResolutionView,
    pub agency: String,
}

pub(super) async fn resolution_lines(
    s: &AppState,
    lang: &tashil_text::Lang,
    rs: Vec<ResolutionView>,
) -> Result<Vec<ResolutionLine>, AppError> {
    let n =
        crate::identity::organisation_names(&s.db, rs.iter().map(|r| r.agency_org_id).collect())
            .await?;
    Ok(rs
        .into_iter()
        .map(|r| ResolutionLine {
            agency: n
                .get(&r.agency_org_id)
                .map(|x| names(lang, x))
                .unwrap_or_default(),
            r,
        })
        .collect())
}

/// What a form posted from a page leads to: on to `to` when done; otherwise the page again
/// (`again`), with the errors beside their fields (422), or the state conflict shown on
/// `form` (409). `field` names an error's field as the page shows it (a form repeated per
/// record prefixes its id).
pub(super) async fn outcome<Again, Fut>(
    ctx: &Ctx,
    to: &str,
    form: &str,
    r: Result<(), FacilitationError>,
    field: impl Fn(&str) -> String,
    again: Again,
) -> Result<Response, AppError>
where
    Again: FnOnce(FormErrors, StatusCode) -> Fut,
    Fut: std::future::Future<Output = Result<Response, AppError>>,
{
    match r {
        Ok(()) => Ok(Redirect::to(to).into_response()),
        Err(FacilitationError::Invalid(errs)) => {
            let errs: Vec<_> = errs
                .into_iter()
                .map(|e| super::model::FieldError::new(field(&e.field), e.code))
                .collect();
            again(
                FormErrors::from_fields(ctx.lang, &errs),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(FacilitationError::BadState) => {
            let msg = crate::web::error_render::message(ctx.lang, "case_state_conflict");
            again(FormErrors::single(form, msg), StatusCode::CONFLICT).await
        }
        Err(e) => Err(e.into()),
    }
}
