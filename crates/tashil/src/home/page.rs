//! `/`: the public home for visitors; for a signed-in actor, the list of what waits for it.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use fluent_bundle::FluentValue;

use crate::i18n::I18n;
use crate::kernel::{Urgency, Waiting, most_urgent_first};
use crate::web::AppState;
use crate::web::{AppError, Ctx, PageCtx};

pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(home))
}

#[derive(Template, WebTemplate)]
#[template(path = "home/public.html")]
struct PublicHome {
    page: PageCtx,
    provinces: Vec<(String, String)>,
}

/// An item as the reader reads it: the sentence (count in the reader's digits, date in the
/// reader's calendar), its link, and its urgency as a word, not only a colour.
struct Line {
    text: String,
    href: String,
    urgency: &'static str,
    label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "home/waiting.html")]
struct WaitingHome {
    page: PageCtx,
    items: Vec<Line>,
}

fn label(page: &PageCtx, u: Urgency) -> String {
    match u {
        Urgency::Overdue => page.t("urgency-overdue"),
        Urgency::DueSoon => page.t("urgency-due-soon"),
        Urgency::ToDo => page.t("urgency-to-do"),
    }
}

fn line(page: &PageCtx, w: Waiting) -> Line {
    let mut args = vec![("count", FluentValue::from(w.count as f64))];
    if let Some(d) = &w.date {
        args.push(("date", FluentValue::from(page.day(d))));
    }
    Line {
        text: I18n::get().t_args(page.lang, w.key, &args),
        href: w.href,
        urgency: w.urgency.as_str(),
        label: label(page, w.urgency),
    }
}

async fn home(State(s): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let page = PageCtx::new(&ctx);
    let Some(actor) = &ctx.actor else {
        let provinces = crate::demo::PROVINCES
            .iter()
            .map(|c| (c.to_string(), page.province_name(c)))
            .collect();
        return Ok(PublicHome { page, provinces }.into_response());
    };
    let mut items = (s.waiting)(&s.db, actor, s.clock.now()).await?;
    most_urgent_first(&mut items);
    let items = items.into_iter().map(|w| line(&page, w)).collect();
    Ok(WaitingHome { page, items }.into_response())
}
