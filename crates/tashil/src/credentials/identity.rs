//! A registered unit's Digital Identity Anchor, for those who may read the unit (its own
//! staff, the officers of its province, the national body): signed on each request by the
//! national issuer key, in the form asked, and valid for a year from then.

use chrono::{DateTime, Timelike, Utc};
use serde_json::Value;
use tashil_credentials::jwt::sign_vc_jwt;
use tashil_credentials::{Cryptosuite, ProofOptions};

use super::dcc::IssuerRef;
use super::error::CredentialError;
use super::issuer::Issuer;
use super::licence::Form;
use super::reader::{ReadError, ScopedReader};
use crate::access::{Actor, Denied};
use crate::registry::UnitStatus;

#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error(transparent)]
    Denied(#[from] Denied),
    /// A closed unit is no longer anchored.
    #[error("the unit is closed")]
    Closed,
    #[error(transparent)]
    Credential(#[from] CredentialError),
}

impl From<ReadError> for IdentityError {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::Denied(d) => IdentityError::Denied(d),
            ReadError::NotFound => IdentityError::Credential(CredentialError::NotFound),
            ReadError::Db(e) => IdentityError::Credential(e.into()),
        }
    }
}

/// The code a closed unit's anchor is refused with.
pub const UNIT_CLOSED: &str = "unit_closed";

/// Unit `unit_id`'s anchor in `form`, signed now.
pub async fn identity_credential(
    issuer: &Issuer<'_>,
    actor: &Actor,
    unit_id: i64,
    form: Form,
    now: DateTime<Utc>,
) -> Result<Value, IdentityError> {
    let unit = ScopedReader::new(issuer.db, actor).unit(unit_id).await?;
    if UnitStatus::parse(&unit.status) == Some(UnitStatus::Closed) {
        return Err(IdentityError::Closed);
    }
    let now = now.with_nanosecond(0).unwrap_or(now);
    let signer = super::keys::signer(issuer, now).await?;
    let lang = if unit.country == "VN" {
        crate::i18n::Lang::Vi
    } else {
        crate::i18n::Lang::Fa
    };
    let i18n = crate::i18n::I18n::get();
    let name = i18n.t(lang, "cred-issuer-name");
    let register = i18n.t(lang, "cred-register-name");
    let who = IssuerRef {
        base: issuer.base,
        did: &issuer.did,
        name: &name,
    };
    let id = format!("urn:uuid:{}", uuid::Uuid::new_v4());
    let unsigned = super::dia::identity_credential(&who, &unit, &register, &id, now);
    let method = issuer.method(signer.generation);
    let unsignable = |e: String| IdentityError::Credential(CredentialError::Unsignable(e));
    let prove = |suite| {
        tashil_credentials::integrity::add_proof(
            suite,
            &unsigned,
            &signer.key,
            &ProofOptions::assertion(&method, now),
            issuer.contexts,
        )
        .map_err(|e| unsignable(format!("{}: {e}", e.code())))
    };
    match form {
        Form::DiRdfc => prove(Cryptosuite::EddsaRdfc2022),
        Form::DiJcs => prove(Cryptosuite::EddsaJcs2022),
        Form::Jwt => sign_vc_jwt(&unsigned, &signer.key, &method)
            .map(Value::String)
            .map_err(|e| unsignable(e.to_string())),
    }
}
