//! The VC API's issue (`POST /credentials/issue`): a credential the caller wrote, refused unless
//! it has the shape VC Data Model 2.0 asks, names this installation as its issuer and uses only
//! bundled contexts and defined terms; then signed by the national issuer key with the
//! cryptosuite asked (`eddsa-rdfc-2022` unless told), and the signing audited. When the
//! request asks for a status (`options.credentialStatus`), a slot on the issuer's status list
//! of each purpose asked is taken and its entry added before signing (`vc_status`).

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tashil_credentials::{Cryptosuite, ProofOptions};

use super::error::CredentialError;
use super::issuer::Issuer;
use crate::access::credentials::authorize_issue;
use crate::access::{Actor, Denied};
use crate::audit::{self, Change};
use crate::kernel::FieldError;

/// Codes an issue may be refused with besides the shape's ([`tashil_credentials::shape::CODES`]).
pub const CODES: &[&str] = &[
    ISSUER_NOT_OURS,
    ALREADY_SIGNED,
    CRYPTOSUITE_UNSUPPORTED,
    JSONLD_REFUSED,
];
const ISSUER_NOT_OURS: &str = "vc_issuer_not_ours";
const ALREADY_SIGNED: &str = "vc_already_signed";
const CRYPTOSUITE_UNSUPPORTED: &str = "vc_cryptosuite_unsupported";
const JSONLD_REFUSED: &str = "vc_jsonld_refused";

#[derive(Debug, thiserror::Error)]
pub enum IssueError {
    #[error(transparent)]
    Denied(#[from] Denied),
    /// What was given cannot be signed: the member at fault, why, and the detail.
    #[error("{code}: {detail}")]
    Refused {
        field: String,
        code: &'static str,
        detail: String,
    },
    #[error(transparent)]
    Credential(#[from] CredentialError),
}

impl From<super::vc_status::Refusal> for IssueError {
    fn from(r: super::vc_status::Refusal) -> Self {
        IssueError::Refused {
            field: r.field,
            code: r.code,
            detail: r.detail,
        }
    }
}

impl IssueError {
    fn refused(field: impl Into<String>, code: &'static str, detail: impl Into<String>) -> Self {
        IssueError::Refused {
            field: field.into(),
            code,
            detail: detail.into(),
        }
    }

    /// The refusal as a field error (member paths under `credential` or `options`).
    pub fn field_error(field: &str, code: &'static str, detail: &str) -> FieldError {
        FieldError::new(field, code).with_detail(detail)
    }
}

/// The cryptosuite `options` name (`options.cryptosuite`), `eddsa-rdfc-2022` when none.
fn cryptosuite(options: &Value) -> Result<Cryptosuite, IssueError> {
    match options.get("cryptosuite") {
        None | Some(Value::Null) => Ok(Cryptosuite::EddsaRdfc2022),
        Some(Value::String(name)) => Cryptosuite::from_name(name).ok_or_else(|| {
            IssueError::refused(
                "options.cryptosuite",
                CRYPTOSUITE_UNSUPPORTED,
                format!("{name} is not eddsa-rdfc-2022 or eddsa-jcs-2022"),
            )
        }),
        Some(other) => Err(IssueError::refused(
            "options.cryptosuite",
            CRYPTOSUITE_UNSUPPORTED,
            other.to_string(),
        )),
    }
}

/// Signs `credential` for `actor` with the national issuer key; returns it with its proof.
pub async fn issue(
    issuer: &Issuer<'_>,
    actor: &Actor,
    credential: &Value,
    options: &Value,
    now: DateTime<Utc>,
) -> Result<Value, IssueError> {
    authorize_issue(actor)?;
    let named = tashil_credentials::shape::credential(credential).map_err(|e| {
        let field = if e.field.is_empty() {
            "credential".to_owned()
        } else {
            format!("credential.{}", e.field)
        };
        IssueError::refused(field, e.code, e.message)
    })?;
    if named != issuer.did {
        return Err(IssueError::refused(
            "credential.issuer",
            ISSUER_NOT_OURS,
            format!("this installation issues as {}", issuer.did),
        ));
    }
    if credential.get("proof").is_some() {
        return Err(IssueError::refused(
            "credential.proof",
            ALREADY_SIGNED,
            "the credential already carries a proof",
        ));
    }
    let suite = cryptosuite(options)?;
    let purposes = super::vc_status::asked(options)?;
    if !purposes.is_empty() && credential.get("credentialStatus").is_some() {
        return Err(IssueError::refused(
            "credential.credentialStatus",
            super::vc_status::STATUS_PRESENT,
            "the issuer adds the status entry asked in options.credentialStatus",
        ));
    }
    // Whatever the suite, every term must be defined by a bundled context (ADR 0015): what a
    // reader is shown is what an RDF signature covers.
    let contexts = issuer.contexts;
    Cryptosuite::EddsaRdfc2022
        .canonicalize(credential, contexts)
        .map_err(|e| {
            IssueError::refused("credential", JSONLD_REFUSED, format!("{}: {e}", e.code()))
        })?;

    let signer = super::keys::signer(issuer, now).await?;
    let method = issuer.method(signer.generation);
    let id = credential["id"].as_str().unwrap_or_default().to_owned();
    let tx = crate::db::begin_write(issuer.db)
        .await
        .map_err(CredentialError::from)?;
    // The slot is taken in the transaction that audits the signing: a refused signature
    // leaves no row behind.
    let mut credential = credential.clone();
    let mut slot = None;
    if !purposes.is_empty() {
        let vc_id = Some(id.as_str()).filter(|i| !i.is_empty());
        let (row, status) =
            super::vc_status::allocate(&tx, issuer, actor, vc_id, &purposes, now).await?;
        credential["credentialStatus"] = status;
        slot = Some(row);
    }
    let signed = tashil_credentials::integrity::add_proof(
        suite,
        &credential,
        &signer.key,
        &ProofOptions::assertion(&method, now),
        contexts,
    )
    .map_err(|e| IssueError::refused("credential", JSONLD_REFUSED, format!("{}: {e}", e.code())))?;

    // The audit keeps what identifies the signed credential, not its claims.
    let digest = hex::encode(Sha256::digest(signed.to_string().as_bytes()));
    // A credential without an id is named in the log by its digest.
    let entity_id = if id.is_empty() {
        format!("sha256:{digest}")
    } else {
        id.clone()
    };
    audit::record(
        &tx,
        Change::by(actor, "credentials.issued", "credential", entity_id).after(json!({
            "id": id,
            "type": credential["type"],
            "cryptosuite": suite.name(),
            "verification_method": method,
            "sha256": digest,
            "status_slot": slot,
            "status_purposes": purposes.iter().map(|p| p.name()).collect::<Vec<_>>(),
        })),
    )
    .await
    .map_err(CredentialError::from)?;
    tx.commit().await.map_err(CredentialError::from)?;
    Ok(signed)
}
