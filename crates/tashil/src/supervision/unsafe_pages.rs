//! HTML pages of the public list of non-compliant products: the list itself (public, with
//! search, paging and a CSV link), each entry's photo, and the provincial office's page that
//! records entries (with an optional photo) and publishes or withdraws them.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

use super::error::SupervisionError;
use super::unsafe_products::{self as unsafe_list, PAGE, RISK_TYPES, UnsafeDraft, UnsafeEntry};
use crate::access::supervision as rules;
use crate::web::forms::{FormErrors, Opt, options};
use crate::web::upload_limit::limited;
use crate::web::{AppError, AppState, Authed, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervision/unsafe", get(public))
        .route("/supervision/unsafe/{id}/photo", get(photo))
        .route(
            "/supervision/unsafe/manage",
            get(manage).merge(limited(post(create), crate::kernel::upload::MAX_BYTES)),
        )
        .route("/supervision/unsafe/{id}/publish", post(publish))
        .route("/supervision/figures", get(figures))
}

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    q: String,
    page: Option<u64>,
}

/// An entry as a row of the list.
struct Row {
    id: i64,
    product: String,
    brand: String,
    risk: String,
    measure: String,
    date: String,
    province: String,
    has_photo: bool,
    published: bool,
}

fn rows(page: &PageCtx, items: Vec<UnsafeEntry>) -> Vec<Row> {
    items
        .into_iter()
        .map(|e| Row {
            id: e.id,
            risk: page.t(&format!("supervision-risk-{}", e.risk_type)),
            date: page.day(&e.measured_on),
            province: page.province_name(&e.province),
            product: e.product,
            brand: e.brand,
            measure: e.measure,
            has_photo: e.has_photo,
            published: e.published,
        })
        .collect()
}

/// `s` as a query value.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/unsafe.html")]
struct PublicPage {
    page: PageCtx,
    q: String,
    rows: Vec<Row>,
    page_no: u64,
    has_next: bool,
    csv_url: String,
    may_manage: bool,
}

async fn public(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> Result<Response, AppError> {
    let items = unsafe_list::public(&s.db, &q.q, q.page, PAGE).await?;
    let page = PageCtx::new(&ctx);
    let enc = encode(&q.q);
    crate::web::html(
        StatusCode::OK,
        PublicPage {
            has_next: items.len() as u64 == PAGE,
            rows: rows(&page, items),
            page_no: q.page.unwrap_or(1).max(1),
            csv_url: format!("/api/v1/supervision/unsafe/csv?q={enc}"),
            may_manage: ctx
                .actor
                .as_ref()
                .is_some_and(|a| rules::authorize_unsafe(a).is_ok()),
            q: q.q,
            page,
        },
    )
}

async fn photo(State(s): State<AppState>, Path(id): Path<i64>) -> Result<Response, AppError> {
    let (content_type, bytes) = unsafe_list::photo(&s.db, id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            (header::CACHE_CONTROL, "public, max-age=3600".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/unsafe_manage.html")]
struct ManagePage {
    page: PageCtx,
    rows: Vec<Row>,
    risks: Vec<Opt>,
    typed: HashMap<String, String>,
    errors: FormErrors,
}

impl ManagePage {
    fn typed(&self, k: &str) -> String {
        self.typed.get(k).cloned().unwrap_or_default()
    }
}

async fn render_manage(
    s: &AppState,
    ctx: &Ctx,
    actor: &crate::access::Actor,
    typed: HashMap<String, String>,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let items = unsafe_list::office(&s.db, actor, None).await?;
    let page = PageCtx::new(ctx);
    let risks = options(
        RISK_TYPES
            .iter()
            .map(|r| ((*r).to_owned(), page.t(&format!("supervision-risk-{r}")))),
        typed.get("risk_type").map_or("", String::as_str),
    );
    crate::web::html(
        status,
        ManagePage {
            rows: rows(&page, items),
            risks,
            typed,
            errors,
            page,
        },
    )
}

async fn manage(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
) -> Result<Response, AppError> {
    render_manage(
        &s,
        &ctx,
        &actor,
        HashMap::new(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn create(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    multipart: Multipart,
) -> Result<Response, AppError> {
    rules::authorize_unsafe(&actor).map_err(SupervisionError::from)?;
    let up = crate::web::files::read_upload(multipart).await?;
    let f = |k: &str| up.field(k).to_owned();
    let measured_on = tashil_text::digits::to_ascii_digits(up.field("measured_on").trim());
    let d = UnsafeDraft {
        product: f("product"),
        brand: f("brand"),
        risk_type: f("risk_type"),
        measure: f("measure"),
        measured_on: measured_on.parse().ok(),
        published: up.field("published") == "on",
    };
    let typed = up.fields.clone();
    match unsafe_list::create(&s.db, &actor, &d, up.file, s.clock.now()).await {
        Ok(_) => Ok(Redirect::to("/supervision/unsafe/manage").into_response()),
        Err(SupervisionError::Invalid(errs)) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            render_manage(
                &s,
                &ctx,
                &actor,
                typed,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn publish(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path(id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let on = form.get("published").is_some_and(|v| v == "true");
    unsafe_list::publish(&s.db, &actor, id, on, s.clock.now()).await?;
    Ok(Redirect::to("/supervision/unsafe/manage").into_response())
}

#[derive(Deserialize, Default)]
struct FiguresQuery {
    #[serde(default)]
    country: String,
    #[serde(default)]
    province: String,
}

/// A year of the figures' table.
struct YearRow {
    year: String,
    inspections: String,
    by_rung: Vec<String>,
    share: String,
}

/// A column of the chart, as the template draws it.
struct ColumnView {
    x: u32,
    label_x: u32,
    advice_y: u32,
    advice_h: u32,
    coercive_h: u32,
    year: String,
    title: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/figures.html")]
struct FiguresPage {
    page: PageCtx,
    country: String,
    provinces: Vec<Opt>,
    rungs: Vec<String>,
    rows: Vec<YearRow>,
    columns: Vec<ColumnView>,
    width: u32,
    height: u32,
}

async fn figures(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<FiguresQuery>,
) -> Result<Response, AppError> {
    use super::model::figures::{HEIGHT, WIDTH, columns};
    let page = PageCtx::new(&ctx);
    let lang = page.lang_code();
    let country = match (q.province.get(..2), q.country.as_str()) {
        (Some(c), _) if matches!(c, "IR" | "VN") => c.to_owned(),
        (_, c) if matches!(c, "IR" | "VN") => c.to_owned(),
        _ if lang == "vi" => "VN".into(),
        _ => "IR".into(),
    };
    let province = tashil_reference::province(&q.province)
        .filter(|_| q.province.starts_with(&country))
        .map(|_| q.province.as_str());
    let years = super::figures::figures(&s.db, &country, province).await?;
    let ladder = super::measures::ladder(&s.db)
        .await
        .map_err(SupervisionError::from)?;
    let pct = |x: Option<f64>| {
        x.map_or_else(
            || "—".to_owned(),
            |x| {
                page.t1(
                    "lic-percent",
                    "value",
                    page.digits(&format!("{:.0}", x * 100.0)),
                )
            },
        )
    };
    let rows = years
        .iter()
        .map(|y| YearRow {
            year: page.digits(&y.year.to_string()),
            inspections: y
                .inspections
                .map_or_else(|| page.t("supervision-no-data"), |n| page.num(&n)),
            by_rung: y.by_rung.iter().map(|n| page.num(n)).collect(),
            share: pct(y.advice_share),
        })
        .collect();
    let cols = columns(&years, page.is_rtl())
        .into_iter()
        .map(|c| ColumnView {
            label_x: c.x + 14,
            title: format!("{}: {}", page.digits(&c.year.to_string()), pct(c.share)),
            year: page.digits(&c.year.to_string()),
            x: c.x,
            advice_y: c.advice_y,
            advice_h: c.advice_h,
            coercive_h: c.coercive_h,
        })
        .collect();
    let provinces = tashil_reference::Country::from_code(&country)
        .map(|k| {
            tashil_reference::provinces_of(k)
                .map(|p| (p.code.to_owned(), p.name(lang).to_owned()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    crate::web::html(
        StatusCode::OK,
        FiguresPage {
            provinces: options(
                std::iter::once((String::new(), page.t("supervision-figures-all")))
                    .chain(provinces),
                province.unwrap_or(""),
            ),
            rungs: ladder.iter().map(|r| r.name(lang).to_owned()).collect(),
            rows,
            columns: cols,
            width: WIDTH,
            height: HEIGHT,
            country,
            page,
        },
    )
}
