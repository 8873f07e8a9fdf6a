//! The issuers as a node knows them: the national body's did:web, named by the installation's
//! public URL (`TASHIL_PUBLIC_URL`), and each configured province's (ADR 0019), the same host
//! with the path `provinces/{code}`; the database and, when it may issue, the key that opens
//! the issuer keys.

use sea_orm::DatabaseConnection;
use tashil_credentials::Contexts;
use tashil_credentials::did::did_web;

use super::error::CredentialError;
use super::keys::NATIONAL;
use crate::kernel::sealing::SealingKey;
use crate::web::AppState;

pub struct Issuer<'a> {
    pub db: &'a DatabaseConnection,
    /// The installation's public URL, without a trailing slash: where `/v/{code}` is.
    pub base: &'a str,
    /// `national`, or a province's code: the `issuer` of its keys and credentials.
    pub id: String,
    /// Where this issuer's DID document and status lists are: `base`, or
    /// `base/provinces/{code}` (did:web's path rule: the DID's path is the URL's).
    pub root: String,
    pub did: String,
    pub sealing: Option<&'a SealingKey>,
    /// The JSON-LD contexts this node reads credentials with.
    pub contexts: &'static Contexts,
}

impl<'a> Issuer<'a> {
    /// The national body.
    pub fn of(state: &'a AppState) -> Result<Self, CredentialError> {
        Ok(Issuer {
            db: &state.db,
            base: &state.public_url,
            id: NATIONAL.to_owned(),
            root: state.public_url.to_string(),
            did: did_for(&state.public_url)?,
            sealing: state.credential_key.as_deref(),
            contexts: super::contexts(state.w3c_examples_context),
        })
    }

    /// The issuer named `id` (`national` or a province's code) on the same node. Whether a
    /// province is configured is the caller's to ask (`provinces::configured`).
    pub fn named(&self, id: &str) -> Result<Issuer<'a>, CredentialError> {
        if id == NATIONAL {
            return Ok(Issuer {
                id: NATIONAL.to_owned(),
                root: self.base.to_owned(),
                did: did_for(self.base)?,
                ..*self
            });
        }
        let root = province_root(self.base, id);
        Ok(Issuer {
            id: id.to_owned(),
            did: did_for(&root)?,
            root,
            ..*self
        })
    }

    /// The verification method of key generation `generation`.
    pub fn method(&self, generation: i32) -> String {
        format!("{}#{}", self.did, super::keys::fragment(generation))
    }
}

/// Issuer `id`'s name in `lang`: the national body, or the provincial office named with its
/// province. A name in data, on a page and on the certificate alike, so without Fluent's
/// bidi isolation marks (it is one phrase, not a sentence around a foreign name).
pub fn display_name(id: &str, lang: crate::i18n::Lang) -> String {
    let i18n = crate::i18n::I18n::get();
    match tashil_reference::province(id) {
        Some(p) => i18n
            .t_args(
                lang,
                "cred-provincial-issuer-name",
                &[("province", p.name(lang.code()).into())],
            )
            .replace(['\u{2068}', '\u{2069}'], ""),
        None => i18n.t(lang, "cred-issuer-name"),
    }
}

/// Where province `code`'s issuer lives under the public URL `base`.
pub fn province_root(base: &str, code: &str) -> String {
    format!("{base}/provinces/{code}")
}

/// did:web of a public URL: its host (a port percent-encoded) and its path's segments.
pub fn did_for(base: &str) -> Result<String, CredentialError> {
    let rest = base.split_once("://").map(|(_, rest)| rest).unwrap_or(base);
    let mut parts = rest.split('/').filter(|p| !p.is_empty());
    let host = parts.next().unwrap_or_default();
    let path: Vec<&str> = parts.collect();
    did_web(host, &path).map_err(|e| CredentialError::Unsignable(format!("TASHIL_PUBLIC_URL: {e}")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_public_url_names_the_did() {
        assert_eq!(
            super::did_for("https://tashil.example").unwrap(),
            "did:web:tashil.example"
        );
        assert_eq!(
            super::did_for("http://127.0.0.1:8080/").unwrap(),
            "did:web:127.0.0.1%3A8080"
        );
    }

    #[test]
    fn a_province_is_a_path_under_the_host() {
        let root = super::province_root("https://tashil.example", "IR-26");
        assert_eq!(
            super::did_for(&root).unwrap(),
            "did:web:tashil.example:provinces:IR-26"
        );
    }
}
