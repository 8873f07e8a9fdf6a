//! The public verification page of a credential, `/v/{code}` (what its QR code opens): valid,
//! suspended, revoked or expired, the holder, products, standards and validity in the reader's
//! language; `/v/{code}.json` or `Accept: application/json` gives the same as JSON.

use askama::Template;
use askama_web::WebTemplate;
use axum::Json;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDate;
use serde::Serialize;

use super::dcc::verification_url;
use crate::licensing::{LicenceEntry, Tri};
use crate::web::{AppError, AppState, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/v/{code}", get(show)).route(
        "/licences/{number}/certificate.pdf",
        get(super::certificate::pdf),
    )
}

/// How a credential stands today.
pub fn standing(entry: &LicenceEntry, today: NaiveDate) -> &'static str {
    match entry.status.as_str() {
        "active" if entry.valid_until < today => "expired",
        "active" => "valid",
        other => other_standing(other),
    }
}

fn other_standing(status: &str) -> &'static str {
    match status {
        "suspended" => "suspended",
        "revoked" => "revoked",
        _ => "expired",
    }
}

/// The JSON form of the page.
#[derive(Debug, Serialize)]
struct Standing {
    code: String,
    /// `valid`, `suspended`, `revoked`, `expired`.
    status: &'static str,
    number: String,
    holder: Tri,
    products: Vec<crate::licensing::CoveredProduct>,
    standards: Vec<String>,
    valid_from: NaiveDate,
    valid_until: NaiveDate,
    /// Where the credential itself is (add `?form=di-jcs` or `?form=jwt` for the others).
    credential: String,
    /// The DID that signs it: the national body's, or its province's own (ADR 0019).
    issuer: String,
    /// `national`, or the code of the province whose office signs it.
    #[serde(skip)]
    issuer_of: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "credentials/verify.html")]
struct VerifyPage {
    page: PageCtx,
    s: Standing,
    qr: String,
    url: String,
}

impl VerifyPage {
    fn holder(&self) -> &str {
        let own = self.s.holder.in_lang(self.page.lang_code());
        if own.trim().is_empty() {
            [&self.s.holder.en, &self.s.holder.fa, &self.s.holder.vi]
                .into_iter()
                .find(|n| !n.is_empty())
                .map(String::as_str)
                .unwrap_or("")
        } else {
            own
        }
    }

    /// The issuer's name in the reader's language.
    fn issuer_name(&self) -> String {
        super::issuer::display_name(&self.s.issuer_of, self.page.lang)
    }

    fn status_text(&self) -> String {
        self.page.t(&format!("cred-status-{}", self.s.status))
    }

    fn day(&self, d: &NaiveDate) -> String {
        self.page.day(d)
    }
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

async fn show(
    State(s): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let (code, json) = match code.strip_suffix(".json") {
        Some(c) => (c.to_owned(), true),
        None => (code, wants_json(&headers)),
    };
    // A VC API credential has no page: only a licence's is shown.
    let c = super::answers::checked(&s.db, &code, s.clock.now())
        .await?
        .ok_or(AppError::NotFound)?;
    let entry = &c.entry;
    let today = crate::kernel::clock::local_date(&entry.province, s.clock.now());
    let mut standards: Vec<String> = entry
        .products
        .iter()
        .filter_map(|p| p.standard.clone())
        .filter(|st| !st.is_empty())
        .collect();
    standards.sort();
    standards.dedup();
    let issuer = super::issuer::Issuer::of(&s)?.named(&c.issuer)?;
    let standing = Standing {
        issuer: issuer.did,
        issuer_of: c.issuer.clone(),
        status: standing(entry, today),
        credential: format!(
            "{}/api/v1/licences/{}/credential",
            s.public_url, entry.number
        ),
        code,
        number: entry.number.clone(),
        holder: entry.holder.clone(),
        products: entry.products.clone(),
        standards,
        valid_from: entry.valid_from,
        valid_until: entry.valid_until,
    };
    if json {
        return Ok(Json(standing).into_response());
    }
    let url = verification_url(&s.public_url, &standing.code);
    Ok(VerifyPage {
        page: PageCtx::new(&ctx),
        qr: super::qr::svg(&url),
        url,
        s: standing,
    }
    .into_response())
}
