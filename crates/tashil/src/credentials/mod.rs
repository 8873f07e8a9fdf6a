//! Verifiable credentials: each licence a W3C credential in the UNTP Digital Conformity
//! Credential shape, signed by the national body's did:web keys, or a province's own for the
//! licences its office decides (ADR 0019), sealed in the database, in
//! three forms, its status in published Bitstring Status Lists, checked at a public URL.

mod answers;
mod api;
mod certificate;
mod check;
mod dcc;
mod dia;
mod entity;
mod error;
mod identity;
mod issue;
mod issuer;
mod issuers_page;
mod keys;
mod licence;
mod pages;
mod print;
mod provinces;
mod qr;
mod reader;
mod status;
mod vc_status;
mod wallet;

use std::sync::LazyLock;

use tashil_credentials::Contexts;
use utoipa_axum::router::OpenApiRouter;

use crate::web::AppState;

pub use check::{PresentationVerification, Problem, Verification};
pub use error::{CredentialError, ERROR_CODES};
pub use issue::CODES as ISSUE_CODES;
pub use issuer::did_for;
pub use keys::{rotate as rotate_key, rotate_provincial as rotate_provincial_key};
pub use licence::allocate;
pub use provinces::{IssuersError, enable as enable_provincial_issuer};
/// A URL as an inline SVG QR code (the sample labels of `conformity` print one too).
pub use qr::svg as qr_svg;
pub use status::licence_status_changed;
pub use vc_status::CODES as STATUS_CODES;
pub use wallet::MAIL_KINDS;

/// The DID document, the status lists, the credentials and their public page, the verifier,
/// and wallet issuance (OpenID4VCI).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::from(
        pages::routes()
            .merge(wallet::routes())
            .merge(issuers_page::routes()),
    )
    .merge(api::api())
    .merge(wallet::api())
}

/// The bundled JSON-LD contexts, with the W3C examples context when `w3c_examples` (a node
/// running the W3C test suites), each set parsed once per process.
fn contexts(w3c_examples: bool) -> &'static Contexts {
    static BUNDLED: LazyLock<Contexts> = LazyLock::new(Contexts::bundled);
    static WITH_EXAMPLES: LazyLock<Contexts> =
        LazyLock::new(|| Contexts::bundled().with_w3c_examples());
    if w3c_examples {
        &WITH_EXAMPLES
    } else {
        &BUNDLED
    }
}

/// The public verification URL of licence `licence_id`'s credential (its row made now for a
/// licence issued before credentials were), and its QR code as inline SVG.
pub async fn verification(
    state: &AppState,
    licence_id: i64,
) -> Result<(String, String), CredentialError> {
    let issuer = issuer::Issuer::of(state)?;
    let c = licence::row(&issuer, licence_id, state.clock.now()).await?;
    let url = dcc::verification_url(&state.public_url, &c.code);
    let svg = qr::svg(&url);
    Ok((url, svg))
}
