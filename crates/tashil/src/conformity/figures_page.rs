//! The public figures page, `/labs/figures`: each lab's turnaround (a table and a chart of
//! its median and 90th percentile) and the failure rates by clause (a table and a chart),
//! for a period, a lab and a province; the full table with the units for those whose reach
//! covers it (`figures.rs`).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;

use super::figures::{self, Detail, Figures, FiguresQuery, PER_PAGE};
use crate::access::OrganisationKind;
use crate::web::chart::{Bar, bars};
use crate::web::forms::{Opt, options};
use crate::web::{AppError, AppState, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/labs/figures", get(page))
}

/// A lab's row, every figure written for the reader.
struct LabRow {
    name: String,
    province: String,
    requests: String,
    median: String,
    p90: String,
    on_time: String,
}

struct UnitLink {
    name: String,
    request_id: i64,
}

struct ClauseRow {
    category: String,
    province: String,
    standard_id: i64,
    designation: String,
    clause: String,
    parameter: String,
    judged: String,
    failed: String,
    inconclusive: String,
    rate: String,
    units: Option<Vec<UnitLink>>,
}

#[derive(Template, WebTemplate)]
#[template(path = "conformity/figures.html")]
struct FiguresPage {
    page: PageCtx,
    from: String,
    to: String,
    labs: Vec<Opt>,
    provinces: Vec<Opt>,
    errors: Vec<String>,
    period: String,
    full: bool,
    withheld: String,
    lab_rows: Vec<LabRow>,
    total: Option<LabRow>,
    lab_bars: Vec<Bar>,
    clause_rows: Vec<ClauseRow>,
    rate_bars: Vec<Bar>,
    page_no: u64,
    has_prev: bool,
    has_next: bool,
    /// The filter as a query string, without the page.
    query: String,
    /// An officer reading the public figures: the query of their province's full table,
    /// and its name (both empty otherwise).
    own_link: String,
    own_name: String,
}

fn pct(page: &PageCtx, s: Option<f64>) -> String {
    s.map_or_else(|| "—".into(), |s| page.percent(s, 0))
}

fn lab_row(
    page: &PageCtx,
    name: String,
    province: String,
    f: &super::model::figures::TurnaroundFigures,
) -> LabRow {
    let days = |d: Option<i64>| d.map_or_else(|| "—".into(), |d| page.num(&(d.max(0) as u64)));
    LabRow {
        name,
        province,
        requests: page.num(&f.requests),
        median: days(f.median_days),
        p90: days(f.p90_days),
        on_time: pct(page, f.on_time_share),
    }
}

async fn lab_options(s: &AppState, page: &PageCtx, selected: &str) -> Result<Vec<Opt>, AppError> {
    let mut items = vec![(String::new(), page.t("labs-fig-all-labs"))];
    for kind in [OrganisationKind::Lab, OrganisationKind::CertificationBody] {
        for (id, [fa, en, vi]) in crate::identity::organisations_of(&s.db, kind, None).await? {
            items.push((
                id.to_string(),
                crate::kernel::display_name(page.lang, &fa, &en, &vi).to_string(),
            ));
        }
    }
    Ok(options(items, selected))
}

fn province_options(page: &PageCtx, selected: &str) -> Vec<Opt> {
    let mut items = vec![(String::new(), page.t("labs-any-province"))];
    items.extend(
        tashil_reference::provinces::PROVINCES
            .iter()
            .map(|p| (p.code.to_string(), p.name(page.lang_code()).to_string())),
    );
    options(items, selected)
}

fn filled(
    page: &PageCtx,
    f: &Figures,
) -> (Vec<LabRow>, LabRow, Vec<Bar>, Vec<ClauseRow>, Vec<Bar>) {
    let lang = page.lang;
    let lab_rows: Vec<LabRow> = f
        .labs
        .iter()
        .map(|l| {
            lab_row(
                page,
                l.lab.name(&lang).to_owned(),
                page.province_name(&l.province),
                &l.figures,
            )
        })
        .collect();
    let total = lab_row(page, page.t("labs-fig-all-labs"), String::new(), &f.total);
    let mut series = vec![];
    for l in &f.labs {
        let name = l.lab.name(&lang);
        series.push((
            page.t1("labs-fig-bar-median", "lab", name),
            l.figures.median_days.unwrap_or(0).max(0) as u64,
        ));
        series.push((
            page.t1("labs-fig-bar-p90", "lab", name),
            l.figures.p90_days.unwrap_or(0).max(0) as u64,
        ));
    }
    let lab_bars = bars(page, series);
    let clause_rows = f
        .clauses
        .iter()
        .map(|c| ClauseRow {
            category: if c.category.is_empty() {
                page.t("labs-fig-no-category")
            } else {
                format!(
                    "{} {}",
                    page.digits(&c.category),
                    c.category_name.name(&lang)
                )
            },
            province: page.province_name(&c.province),
            standard_id: c.standard_id,
            designation: page.digits(&c.designation),
            clause: page.digits(&c.clause),
            parameter: c.parameter.name(&lang).to_owned(),
            judged: page.num(&c.judged),
            failed: page.num(&c.failed),
            inconclusive: page.num(&c.inconclusive),
            rate: pct(page, c.failure_rate),
            units: c.failed_units.as_ref().map(|us| {
                us.iter()
                    .map(|u| UnitLink {
                        name: u.name.name(&lang).to_owned(),
                        request_id: u.request_id,
                    })
                    .collect()
            }),
        })
        .collect();
    // The chart: the page's cells by failure rate, the highest first (at most twelve).
    let mut rated: Vec<_> = f
        .clauses
        .iter()
        .filter_map(|c| c.failure_rate.map(|r| (c, r)))
        .collect();
    rated.sort_by(|a, b| b.1.total_cmp(&a.1));
    let rate_bars = rated
        .into_iter()
        .take(12)
        .map(|(c, r)| {
            let full = format!(
                "{} {} · {}",
                page.digits(&c.designation),
                page.digits(&c.clause),
                page.province_name(&c.province)
            );
            Bar {
                label: if full.chars().count() > 30 {
                    full.chars().take(28).chain(['…']).collect()
                } else {
                    full.clone()
                },
                full,
                value_text: pct(page, Some(r)),
                percent: (r * 100.0).round().clamp(0.0, 100.0) as u64,
            }
        })
        .collect();
    (lab_rows, total, lab_bars, clause_rows, rate_bars)
}

async fn page(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<FiguresQuery>,
) -> Result<Response, AppError> {
    let page = PageCtx::new(&ctx);
    let now = s.clock.now();
    let answer = figures::figures(&s.db, ctx.actor.as_ref(), &q, now).await;
    let keep = |v: &Option<String>| v.clone().unwrap_or_default();
    let (lab, province) = (keep(&q.lab), keep(&q.province));
    let mut tpl = FiguresPage {
        from: keep(&q.from),
        to: keep(&q.to),
        labs: lab_options(&s, &page, &lab).await?,
        provinces: province_options(&page, &province.to_ascii_uppercase()),
        errors: vec![],
        period: String::new(),
        full: false,
        withheld: String::new(),
        lab_rows: vec![],
        total: None,
        lab_bars: vec![],
        clause_rows: vec![],
        rate_bars: vec![],
        page_no: 1,
        has_prev: false,
        has_next: false,
        query: String::new(),
        own_link: String::new(),
        own_name: String::new(),
        page,
    };
    let status = match answer {
        Ok(f) => {
            let page = &tpl.page;
            // The period in the reader's calendar and digits, as the form shows it back.
            tpl.from = tashil_text::dates::format_date_short(f.from, page.lang);
            tpl.to = tashil_text::dates::format_date_short(f.to, page.lang);
            tpl.period = page.t2(
                "labs-fig-period",
                "from",
                &page.day(&f.from),
                "to",
                &page.day(&f.to),
            );
            tpl.full = f.detail == Detail::Full;
            tpl.withheld = page.t2(
                "labs-fig-withheld",
                "cells",
                &page.num(&f.withheld_cells),
                "results",
                &page.num(&f.withheld_results),
            );
            let (lab_rows, total, lab_bars, clause_rows, rate_bars) = filled(page, &f);
            tpl.lab_rows = lab_rows;
            tpl.total = (f.total.requests > 0).then_some(total);
            tpl.lab_bars = lab_bars;
            tpl.clause_rows = clause_rows;
            tpl.rate_bars = rate_bars;
            tpl.page_no = f.page;
            tpl.has_prev = f.page > 1;
            tpl.has_next = f.page.saturating_mul(PER_PAGE) < f.cells;
            tpl.query = serde_html_form::to_string([
                ("from", f.from.to_string()),
                ("to", f.to.to_string()),
                ("lab", lab.clone()),
                ("province", f.province.clone().unwrap_or_default()),
            ])
            .unwrap_or_default();
            if !tpl.full
                && let Some(a) = ctx.actor.as_ref()
                && let Some(p) = a.province()
                && crate::access::conformity::figures_scope(Some(a)).full_for(Some(p))
            {
                let link = serde_html_form::to_string([
                    ("from", f.from.to_string()),
                    ("to", f.to.to_string()),
                    ("province", p.to_owned()),
                ])
                .unwrap_or_default();
                tpl.own_name = page.province_name(p);
                tpl.own_link = link;
            }
            StatusCode::OK
        }
        Err(AppError::Malformed(_, errs)) => {
            tpl.errors = errs
                .iter()
                .map(|e| {
                    format!(
                        "{}: {}",
                        crate::web::error_render::field_label(ctx.lang, &e.field),
                        crate::web::error_render::message(ctx.lang, e.code)
                    )
                })
                .collect();
            StatusCode::BAD_REQUEST
        }
        Err(e) => return Err(e),
    };
    crate::web::html(status, tpl)
}
