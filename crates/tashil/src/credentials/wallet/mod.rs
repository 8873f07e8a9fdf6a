//! Wallet issuance over OpenID for Verifiable Credential Issuance 1.0 (ADR 0017): a unit's
//! user offers its licence to its own wallet (a pre-authorized code in a QR code, a
//! transaction code by email); the wallet reads the metadata, trades the codes for an access
//! token, asks a nonce, proves its key and receives the licence's credential bound to it.

mod api;
mod entity;
pub mod metadata;
mod pages;
mod service;

use axum::Router;
use utoipa_axum::router::OpenApiRouter;

use crate::web::AppState;

pub(super) fn routes() -> Router<AppState> {
    pages::routes()
}

pub(super) fn api() -> OpenApiRouter<AppState> {
    api::api()
}

pub use service::MAIL_KINDS;
