//! The public lead-time page, `/lead-times`: a year of months in the country's calendar for
//! a permit type (or all) and a province (or the whole country), as a table, a chart of the
//! median working days, and the same figures as CSV.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use super::lead_time_read::{self as read, LeadTimeQuery};
use super::model::lead_time::{Figures, month_of};
use crate::kernel::clock;
use crate::web::chart::{Bar, bars};
use crate::web::{AppError, AppState, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/lead-times", get(page))
}

#[derive(Deserialize, Default)]
struct PageQuery {
    #[serde(default)]
    permit_type: String,
    #[serde(default)]
    province: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    year: Option<i32>,
}

/// One row of the table, every figure already written for the reader.
struct Row {
    label: String,
    received: String,
    issued: String,
    rejected: String,
    median: String,
    p90: String,
    on_time: String,
    silence: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "licensing/lead_times.html")]
struct LeadTimesPage {
    page: PageCtx,
    country: String,
    types: Vec<(String, String)>,
    provinces: Vec<(String, String)>,
    years: Vec<(i32, String)>,
    sel_type: String,
    sel_province: String,
    sel_year: i32,
    rows: Vec<Row>,
    total: Option<Row>,
    bars: Vec<Bar>,
    cls: &'static str,
    csv_url: String,
    errors: Vec<String>,
}

/// The month's name and year as the reader reads them (the country's calendar).
fn month_label(page: &PageCtx, country: &str, month: i32) -> String {
    let cal = if country == "IR" { "sh" } else { "g" };
    let name = page.t(&format!("month-{cal}-{}", month % 100));
    format!("{name} {}", page.digits(&(month / 100).to_string()))
}

fn row(page: &PageCtx, label: String, f: &Figures) -> Row {
    let n = |v: i64| page.num(&(v.max(0) as u64));
    let days = |d: Option<i32>| d.map_or_else(|| "—".into(), |d| n(d.into()));
    let pct = |s: Option<f64>| {
        s.map_or_else(
            || "—".into(),
            |s| {
                page.t1(
                    "lic-percent",
                    "value",
                    page.digits(&format!("{:.0}", s * 100.0)),
                )
            },
        )
    };
    Row {
        label,
        received: n(f.counts.received),
        issued: n(f.counts.issued),
        rejected: n(f.counts.rejected),
        median: days(f.median_days),
        p90: days(f.p90_days),
        on_time: pct(f.on_time_share),
        silence: pct(f.silence_share),
    }
}

async fn page(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let page = PageCtx::new(&ctx);
    let lang = page.lang_code();
    let all_types = super::permit_types::list(&s.db).await?;
    let chosen = all_types.iter().find(|t| t.code == q.permit_type);
    let country = match (chosen, q.province.get(..2)) {
        (Some(t), _) => t.country.clone(),
        (None, Some(c)) if matches!(c, "IR" | "VN") => c.to_owned(),
        _ if matches!(q.country.as_str(), "IR" | "VN") => q.country.clone(),
        _ if lang == "vi" => "VN".into(),
        _ => "IR".into(),
    };
    let now = s.clock.now();
    let this_month = month_of(&country, clock::local_date(&country, now));
    let this_year = this_month / 100;
    let year = q
        .year
        .filter(|y| (this_year - 20..=this_year).contains(y))
        .unwrap_or(this_year);
    // Only codes of the lists are asked for (and go into the CSV link).
    let sel_type = chosen.map(|t| t.code.clone()).unwrap_or_default();
    let sel_province = tashil_reference::province(&q.province)
        .filter(|p| p.country.code() == country)
        .map(|p| p.code.to_owned())
        .unwrap_or_default();
    let query = LeadTimeQuery {
        permit_type: Some(sel_type.clone()),
        province: Some(sel_province.clone()),
        country: Some(country.clone()),
        from: Some(year * 100 + 1),
        to: Some((year * 100 + 12).min(this_month)),
    };
    let (rows, total, chart, errors) = match read::figures(&s.db, &query, now).await {
        Ok(f) => {
            let rows: Vec<Row> = f
                .months
                .iter()
                .map(|m| row(&page, month_label(&page, &country, m.month.unwrap_or(0)), m))
                .collect();
            let chart = f
                .months
                .iter()
                .map(|m| {
                    let label = month_label(&page, &country, m.month.unwrap_or(0));
                    (label, m.median_days.unwrap_or(0).max(0) as u64)
                })
                .collect();
            let total = row(&page, page.t("lic-lead-total"), &f.total);
            (rows, Some(total), chart, Vec::new())
        }
        Err(super::LicensingError::Invalid(errs)) => {
            let msgs = errs
                .iter()
                .map(|e| {
                    let field = match e.field.as_str() {
                        "permit_type" => "lic-field-permit-type",
                        "province" => "lic-field-province",
                        "country" => "lic-field-country",
                        _ => "lic-field-year",
                    };
                    let msg = crate::web::error_render::message(ctx.lang, e.code);
                    format!("{}: {msg}", page.t(field))
                })
                .collect();
            (Vec::new(), None, Vec::new(), msgs)
        }
        Err(e) => return Err(e.into()),
    };
    let types = all_types
        .iter()
        .filter(|t| t.country == country)
        .map(|t| (t.code.clone(), t.name.in_lang(lang).to_owned()))
        .collect();
    let provinces = tashil_reference::Country::from_code(&country)
        .map(|c| {
            tashil_reference::provinces_of(c)
                .map(|p| (p.code.to_owned(), p.name(lang).to_owned()))
                .collect()
        })
        .unwrap_or_default();
    let years = (this_year - 4..=this_year)
        .rev()
        .map(|y| (y, page.digits(&y.to_string())))
        .collect();
    let csv_url = format!(
        "/api/v1/lead-times.csv?country={country}&permit_type={sel_type}&province={sel_province}&from={}&to={}",
        year * 100 + 1,
        (year * 100 + 12).min(this_month),
    );
    Ok(LeadTimesPage {
        bars: bars(&page, chart),
        page,
        country,
        types,
        provinces,
        years,
        sel_type,
        sel_province,
        sel_year: year,
        rows,
        total,
        cls: "bar",
        csv_url,
        errors,
    }
    .into_response())
}
