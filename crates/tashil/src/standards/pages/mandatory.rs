//! The mandatory list: which standards bind a product (by HS code), and the units of a
//! province under them.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::standards::mandatory::{self, MandatoryMatch, ProvinceMandatory};
use crate::standards::service::StandardsError;
use crate::web::AppState;
use crate::web::forms::{Opt, options};
use crate::web::{AppError, Authed, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/mandatory", get(mandatory_lookup))
        .route("/provinces/{code}/mandatory", get(province_mandatory))
}

#[derive(Template, WebTemplate)]
#[template(path = "standards/mandatory.html")]
struct MandatoryPage {
    page: PageCtx,
    hs: String,
    products: Vec<Opt>,
    countries: Vec<Opt>,
    asked: bool,
    error: String,
    matches: Vec<MandatoryMatch>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MandatoryQuery {
    hs: String,
    product: String,
    /// One country's list (`IR`, `VN`), or every country's ("").
    country: String,
}

async fn mandatory_lookup(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<MandatoryQuery>,
) -> Result<Response, AppError> {
    let page = PageCtx::new(&ctx);
    let lang = page.lang.code();
    let hs = if q.hs.trim().is_empty() {
        tashil_reference::products::product(q.product.trim())
            .map(|p| p.hs.to_string())
            .unwrap_or_default()
    } else {
        q.hs.clone()
    };
    let asked = !hs.trim().is_empty();
    let (matches, error, status) = if asked {
        let country = Some(q.country.trim()).filter(|c| !c.is_empty());
        match mandatory::for_hs(&s.db, &hs, country, s.clock.now()).await {
            Ok(m) => (m, String::new(), StatusCode::OK),
            Err(StandardsError::Invalid(errs)) => (
                vec![],
                crate::web::error_render::message(ctx.lang, errs[0].code),
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            Err(e) => return Err(e.into()),
        }
    } else {
        (vec![], String::new(), StatusCode::OK)
    };
    let mut choices = vec![(String::new(), page.t("choose"))];
    choices.extend(tashil_reference::products::PRODUCTS.iter().map(|p| {
        (
            p.code.to_string(),
            format!("{} ({})", p.name(lang), p.hs_dotted()),
        )
    }));
    let mut countries = vec![(String::new(), page.t("mandatory-every-country"))];
    countries.extend(
        crate::standards::lists::COUNTRIES
            .iter()
            .map(|c| (c.to_string(), page.t(&country_key(c)))),
    );
    crate::web::html(
        status,
        MandatoryPage {
            countries: options(countries, q.country.trim()),
            products: options(choices, q.product.trim()),
            hs: q.hs.clone(),
            asked,
            error,
            matches,
            page,
        },
    )
}

/// The message naming a country (`calendar-country-ir`).
pub(crate) fn country_key(code: &str) -> String {
    format!("calendar-country-{}", code.to_lowercase())
}

#[derive(Template, WebTemplate)]
#[template(path = "standards/province_mandatory.html")]
struct ProvinceMandatoryPage {
    page: PageCtx,
    r: ProvinceMandatory,
    page_no: u64,
    pages: u64,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PageParam {
    page: String,
}

const PROVINCE_ROWS: u64 = 100;

async fn province_mandatory(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(code): Path<String>,
    Query(p): Query<PageParam>,
) -> Result<Response, AppError> {
    if tashil_reference::province(&code).is_none() {
        return Err(AppError::NotFound);
    }
    let page_no = tashil_text::digits::parse_i64(&p.page)
        .filter(|p| *p > 0)
        .unwrap_or(1) as u64;
    let r =
        mandatory::in_province(&s.db, &actor, &code, page_no, PROVINCE_ROWS, s.clock.now()).await?;
    Ok(ProvinceMandatoryPage {
        pages: r.total.div_ceil(PROVINCE_ROWS).max(1),
        page: PageCtx::new(&ctx),
        r,
        page_no,
    }
    .into_response())
}
