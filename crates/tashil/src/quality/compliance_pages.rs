//! The compliance summary's pages (issue 20, item 5), what replaces the monthly paper
//! report: `/quality/compliance`, a row per unit in reach and the four shares of each month
//! of the reader's calendar (the national body filters by province; twelve months by
//! default), the same as CSV, and a unit's page month by month with the characteristics and
//! advice behind each figure.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;

use super::compliance::{
    self, Compliance, ComplianceMonth, ComplianceQuery, UnitCompliance, UnitComplianceDetail,
};
use super::model::compliance::Month;
use crate::access::Actor;
use crate::access::quality::{self as rules, QualityReach};
use crate::kernel::clock;
use crate::web::import_page::attachment;
use crate::web::{AppError, AppState, Authed, OnRecord, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/quality/compliance", get(summary))
        .route("/quality/compliance.csv", get(csv))
        .route("/quality/compliance/{id}", get(unit))
}

/// The country a national reader reads by default: the one their language suggests.
pub(super) fn default_country(page_lang: crate::i18n::Lang) -> &'static str {
    if page_lang == crate::i18n::Lang::Vi {
        "VN"
    } else {
        "IR"
    }
}

/// A month as the reader reads it: its name in the country's calendar and its year.
fn month_label(page: &PageCtx, country: &str, yyyymm: i32) -> String {
    let cal = if country == "IR" { "sh" } else { "g" };
    let name = page.t(&format!("month-{cal}-{}", yyyymm % 100));
    format!("{name} {}", page.digits(&(yyyymm / 100).to_string()))
}

/// A share as a percentage in the reader's digits; blank where nothing counts.
fn percent(page: &PageCtx, share: Option<f64>) -> String {
    share.map_or_else(String::new, |s| page.percent(s, 0))
}

/// One month's four shares, written for the reader.
struct Cell {
    in_control: String,
    capable: String,
    both: String,
    on_time: String,
}

impl Cell {
    fn of(page: &PageCtx, m: &ComplianceMonth) -> Cell {
        Cell {
            in_control: percent(page, m.in_control_share),
            capable: percent(page, m.capable_share),
            both: percent(page, m.in_control_and_capable_share),
            on_time: percent(page, m.on_time_share),
        }
    }
}

struct UnitRow {
    id: i64,
    name: String,
    national_id: String,
    province: String,
    cells: Vec<Cell>,
}

fn province_name(page: &PageCtx, code: &str) -> String {
    tashil_reference::province(code)
        .map(|p| p.name(page.lang_code()).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

/// The months a reader picks from: the last three years of the country's calendar.
fn month_choices(
    page: &PageCtx,
    country: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<(i32, String)> {
    let this = Month::of(country, clock::local_date(country, now));
    (0..compliance::MAX_MONTHS as u32)
        .map(|n| {
            let m = this.back(n).yyyymm();
            (m, month_label(page, country, m))
        })
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "quality/compliance.html")]
struct SummaryPage {
    page: PageCtx,
    country: String,
    /// The national body: filters by province.
    national: bool,
    provinces: Vec<(String, String)>,
    sel_province: String,
    choices: Vec<(i32, String)>,
    from: i32,
    to: i32,
    months: Vec<String>,
    rows: Vec<UnitRow>,
    /// The query the page was read with (country, province and span), for links.
    query: String,
    page_no: u64,
    has_next: bool,
}

fn link_query(c: &Compliance) -> String {
    format!(
        "country={}&province={}&from={}&to={}",
        c.country,
        c.province.as_deref().unwrap_or_default(),
        c.from,
        c.to
    )
}

fn national(actor: &Actor) -> bool {
    rules::scope(actor).is_ok_and(|s| *s.reach() == QualityReach::All)
}

async fn summary(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(q): Query<ComplianceQuery>,
) -> Result<Response, AppError> {
    let page = PageCtx::new(&ctx);
    let now = s.clock.now();
    let c = compliance::summary(&s.db, &actor, &q, default_country(page.lang), now).await?;
    let provinces = tashil_reference::Country::from_code(&c.country)
        .map(|k| {
            tashil_reference::provinces_of(k)
                .map(|p| (p.code.to_owned(), p.name(page.lang_code()).to_owned()))
                .collect()
        })
        .unwrap_or_default();
    let rows = c
        .units
        .iter()
        .map(|u| UnitRow {
            id: u.unit_id,
            name: u.unit_name(&page.lang).to_owned(),
            national_id: page.digits(&u.national_id),
            province: province_name(&page, &u.province_code),
            cells: u.months.iter().map(|m| Cell::of(&page, m)).collect(),
        })
        .collect();
    crate::web::html(
        StatusCode::OK,
        SummaryPage {
            national: national(&actor),
            provinces,
            sel_province: c.province.clone().unwrap_or_default(),
            choices: month_choices(&page, &c.country, now),
            from: c.from,
            to: c.to,
            months: c
                .months
                .iter()
                .map(|m| month_label(&page, &c.country, *m))
                .collect(),
            rows,
            query: link_query(&c),
            page_no: c.page,
            has_next: c.has_next,
            country: c.country,
            page,
        },
    )
}

/// The most units one CSV holds (200 pages).
const CSV_PAGES: u64 = 200;

/// Every unit in reach over the span, a line per unit and month: the paper report's rows.
async fn csv(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(mut q): Query<ComplianceQuery>,
) -> Result<Response, AppError> {
    let page = PageCtx::new(&ctx);
    let now = s.clock.now();
    let headers: Vec<String> = [
        "national-id",
        "unit",
        "province",
        "month",
        "characteristics",
        "reporting",
        "in-control",
        "assessed",
        "capable",
        "both",
        "advice-due",
        "advice-on-time",
        "in-control-share",
        "capable-share",
        "both-share",
        "on-time-share",
    ]
    .iter()
    .map(|k| page.t(&format!("quality-compliance-csv-{k}")))
    .collect();
    let share = |s: Option<f64>| s.map_or_else(String::new, |s| format!("{:.1}", s * 100.0));
    let mut rows: Vec<Vec<String>> = vec![];
    for n in 1..=CSV_PAGES {
        q.page = Some(n);
        let c = compliance::summary(&s.db, &actor, &q, default_country(page.lang), now).await?;
        for u in &c.units {
            for m in &u.months {
                rows.push(vec![
                    u.national_id.clone(),
                    u.unit_name(&page.lang).to_owned(),
                    u.province_code.clone(),
                    format!("{}-{:02}", m.month / 100, m.month % 100),
                    m.characteristics.to_string(),
                    m.reporting.to_string(),
                    m.in_control.to_string(),
                    m.capability_assessed.to_string(),
                    m.capable.to_string(),
                    m.in_control_and_capable.to_string(),
                    m.advice_due.to_string(),
                    m.advice_on_time.to_string(),
                    share(m.in_control_share),
                    share(m.capable_share),
                    share(m.in_control_and_capable_share),
                    share(m.on_time_share),
                ]);
            }
        }
        if !c.has_next {
            break;
        }
    }
    let body = tashil_sheets::write_csv(&headers, &rows);
    Ok(attachment(
        "text/csv; charset=utf-8",
        "quality-compliance.csv",
        body,
    ))
}

/// A month of the unit's table.
struct MonthRow {
    label: String,
    characteristics: String,
    reporting: String,
    cell: Cell,
    advice: String,
}

/// A characteristic's month behind the figures.
struct CharRow {
    month: String,
    id: i64,
    code: String,
    name: String,
    subgroups: String,
    violations: String,
    in_control: String,
    capability: String,
    target: String,
    capable: String,
}

struct AdviceRow {
    month: String,
    code: String,
    trigger: String,
    opened_on: String,
    due: String,
    answered_on: String,
    on_time: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "quality/compliance_unit.html")]
struct UnitPage {
    page: PageCtx,
    id: i64,
    name: String,
    national_id: String,
    province: String,
    choices: Vec<(i32, String)>,
    from: i32,
    to: i32,
    months: Vec<MonthRow>,
    characteristics: Vec<CharRow>,
    advice: Vec<AdviceRow>,
}

/// The message key naming an advice's trigger.
fn trigger_key(code: &str) -> String {
    if code.starts_with("capability_") {
        format!("quality-compliance-{}", code.replace('_', "-"))
    } else {
        format!("quality-rule-{}", code.replace('_', "-"))
    }
}

fn unit_page(
    page: PageCtx,
    d: UnitComplianceDetail,
    now: chrono::DateTime<chrono::Utc>,
) -> UnitPage {
    let country = d.country.clone();
    let label = |m: i32| month_label(&page, &country, m);
    let n = |v: u32| page.num(&u64::from(v));
    let figure = |x: Option<f64>| {
        x.map(|x| page.digits(&super::view::figure(x)))
            .unwrap_or_default()
    };
    let u: &UnitCompliance = &d.unit;
    let months = u
        .months
        .iter()
        .map(|m| MonthRow {
            label: label(m.month),
            characteristics: n(m.characteristics),
            reporting: n(m.reporting),
            cell: Cell::of(&page, m),
            advice: if m.advice_due == 0 {
                String::new()
            } else {
                page.t1(
                    "quality-compliance-of",
                    "pos",
                    format!("{} / {}", n(m.advice_on_time), n(m.advice_due)),
                )
            },
        })
        .collect();
    let codes: std::collections::HashMap<i64, String> = d
        .characteristics
        .iter()
        .map(|c| (c.characteristic_id, c.code.clone()))
        .collect();
    let characteristics = d
        .characteristics
        .iter()
        .map(|c| CharRow {
            month: label(c.month),
            id: c.characteristic_id,
            code: c.code.clone(),
            name: c.name.clone(),
            subgroups: n(c.subgroups),
            violations: n(c.violations),
            in_control: if c.reporting {
                page.yes_no(&c.in_control)
            } else {
                String::new()
            },
            capability: figure(c.capability),
            target: figure(c.capability.and(c.target)),
            capable: match (c.reporting, c.capable) {
                (true, Some(b)) => page.yes_no(&b),
                _ => String::new(),
            },
        })
        .collect();
    let advice = d
        .advice
        .iter()
        .map(|a| AdviceRow {
            month: label(a.month),
            code: codes.get(&a.characteristic_id).cloned().unwrap_or_default(),
            trigger: page.t(&trigger_key(&a.code)),
            opened_on: page.day(&a.opened_on),
            due: page.day(&a.due),
            answered_on: a.answered_on.map(|d| page.day(&d)).unwrap_or_default(),
            on_time: page.yes_no(&a.on_time),
        })
        .collect();
    UnitPage {
        id: u.unit_id,
        name: u.unit_name(&page.lang).to_owned(),
        national_id: page.digits(&u.national_id),
        province: province_name(&page, &u.province_code),
        choices: month_choices(&page, &country, now),
        from: d.from,
        to: d.to,
        months,
        characteristics,
        advice,
        page,
    }
}

async fn unit(
    OnRecord(s, ctx, actor, id): OnRecord,
    Query(q): Query<ComplianceQuery>,
) -> Result<Response, AppError> {
    let now = s.clock.now();
    let d = compliance::unit(&s.db, &actor, id, &q, now).await?;
    crate::web::html(StatusCode::OK, unit_page(PageCtx::new(&ctx), d, now))
}
