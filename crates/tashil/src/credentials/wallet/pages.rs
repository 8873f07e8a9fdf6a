//! The licence page's "take it into my wallet": a form (with its CSRF token) that makes an
//! offer and shows it as a QR code and a link; the transaction code goes by email only.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::post;

use super::service::{self, OFFER_LIFETIME_MINUTES};
use crate::credentials::issuer::Issuer;
use crate::web::{AppError, AppState, OnRecord, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/applications/{id}/wallet-offer", post(offer))
}

#[derive(Template, WebTemplate)]
#[template(path = "credentials/wallet_offer.html")]
struct OfferPage {
    page: PageCtx,
    application: i64,
    uri: String,
    qr: String,
    minutes: String,
}

async fn offer(OnRecord(s, ctx, actor, id): OnRecord) -> Result<Response, AppError> {
    let issuer = Issuer::of(&s)?;
    let made = service::offer(&issuer, &actor, id, ctx.lang, s.clock.now()).await?;
    Ok(OfferPage {
        page: PageCtx::new(&ctx),
        application: id,
        qr: crate::credentials::qr::svg(&made.uri),
        uri: made.uri,
        minutes: OFFER_LIFETIME_MINUTES.to_string(),
    }
    .into_response())
}
