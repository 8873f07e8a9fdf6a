//! The catalogue's list: search with facets that toggle in the query, and suggestions as the
//! reader types.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::access::standards as rules;
use crate::standards::api::ApiSearchQuery;
use crate::standards::filters::ListFilters;
use crate::standards::search::{self, FacetCount, SearchPage, Suggestion};
use crate::web::AppState;
use crate::web::{AppError, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/standards", get(list))
        .route("/standards/suggest", get(suggest))
}

/// A facet value as a link that toggles it in the current query.
pub struct FacetLink {
    pub label: String,
    pub count: u64,
    pub href: String,
    pub selected: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "standards/list.html")]
struct ListPage {
    page: PageCtx,
    q: String,
    result: SearchPage,
    query: String,
    bodies: Vec<FacetLink>,
    statuses: Vec<FacetLink>,
    mandatory: Vec<FacetLink>,
    ics: Vec<FacetLink>,
    can_manage: bool,
}

impl ListFilters {
    fn api(&self) -> ApiSearchQuery {
        ApiSearchQuery {
            q: Some(self.q.clone()),
            body: Some(self.body.clone()),
            status: Some(self.status.clone()),
            ics: Some(self.ics.clone()),
            mandatory: self.mandatory(),
            page: tashil_text::digits::parse_i64(&self.page).map(|p| p.max(1) as u64),
            per_page: Some(20),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, String)> {
        [
            ("q", &self.q),
            ("body", &self.body),
            ("status", &self.status),
            ("ics", &self.ics),
            ("mandatory", &self.mandatory),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k, v.clone()))
        .collect()
    }

    fn query_with(&self, key: &str, value: &str) -> String {
        let mut pairs: Vec<(&str, String)> = self
            .pairs()
            .into_iter()
            .filter(|(k, _)| *k != key)
            .collect();
        if !value.is_empty() {
            pairs.push((key, value.to_string()));
        }
        serde_html_form::to_string(&pairs).unwrap_or_default()
    }
}

fn facet_links(
    f: &ListFilters,
    key: &str,
    current: &str,
    counts: &[FacetCount],
    label: impl Fn(&str) -> String,
) -> Vec<FacetLink> {
    counts
        .iter()
        .map(|c| {
            let selected = c.value == current;
            FacetLink {
                label: label(&c.value),
                count: c.count,
                href: format!(
                    "/standards?{}",
                    f.query_with(key, if selected { "" } else { &c.value })
                ),
                selected,
            }
        })
        .collect()
}

async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(f): Query<ListFilters>,
) -> Result<Response, AppError> {
    let result = search::search(
        &s.db,
        &s.catalogue,
        ctx.actor.as_ref(),
        ctx.lang,
        &f.api().params(),
    )
    .await?;
    let page = PageCtx::new(&ctx);
    let lang = page.lang.code();
    let mandatory_current = match f.mandatory.as_str() {
        "yes" => "true",
        "no" => "false",
        other => other,
    };
    let mandatory_counts: Vec<_> = result
        .facets
        .mandatory
        .iter()
        .map(|c| FacetCount {
            value: if c.value == "true" {
                "yes".into()
            } else {
                "no".into()
            },
            count: c.count,
        })
        .collect();
    Ok(ListPage {
        bodies: facet_links(&f, "body", &f.body, &result.facets.body, |v| {
            page.body_label(v)
        }),
        statuses: facet_links(&f, "status", &f.status, &result.facets.status, |v| {
            page.standard_status(v)
        }),
        mandatory: facet_links(
            &f,
            "mandatory",
            if mandatory_current == "true" {
                "yes"
            } else if mandatory_current == "false" {
                "no"
            } else {
                ""
            },
            &mandatory_counts,
            |v| {
                page.t(if v == "yes" {
                    "mandatory-yes"
                } else {
                    "mandatory-no"
                })
            },
        ),
        ics: facet_links(&f, "ics", &f.ics, &result.facets.ics, |v| {
            let name = tashil_reference::ics::ics(v)
                .map(|e| e.name(lang))
                .unwrap_or("");
            format!("{} {}", page.digits(v), name)
        }),
        can_manage: ctx
            .actor
            .as_ref()
            .is_some_and(|a| rules::authorize_manage(a).is_ok()),
        query: serde_html_form::to_string(f.pairs()).unwrap_or_default(),
        q: f.q.clone(),
        page,
        result,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "standards/suggest.html")]
struct SuggestFragment {
    items: Vec<Suggestion>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SuggestQuery {
    q: String,
}

async fn suggest(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<SuggestQuery>,
) -> Result<Response, AppError> {
    let items = if q.q.trim().is_empty() {
        vec![]
    } else {
        search::suggest(&s.db, &s.catalogue, ctx.actor.as_ref(), ctx.lang, &q.q).await?
    };
    Ok(SuggestFragment { items }.into_response())
}
