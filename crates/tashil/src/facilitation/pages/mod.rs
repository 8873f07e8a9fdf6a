//! HTML pages of the facilitation desk: `cases` (report, track, the committee's queue and
//! triage), `meetings` (bodies, meetings, agendas, resolutions), `followup` (an agency's
//! resolutions and the public page of each province). Handlers are thin: parse, call the
//! use case, render.

mod cases;
mod followup;
mod meetings;

use axum::Router;

use super::cases::ResolutionView;
use super::model::Category;
use crate::access::{Actor, OrganisationKind};
use crate::web::AppState;
use crate::web::forms::{Opt, options};
use crate::web::{AppError, PageCtx};

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

pub(super) use crate::web::desk_outcome::outcome;
