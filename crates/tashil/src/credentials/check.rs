//! Verifying a credential as the VC API's `POST /credentials/verify` does: the proof (any of
//! the three forms, by did:key or by the did:web document of one of this installation's
//! issuers, national or provincial; no DID is ever fetched), the validity dates at the node's
//! clock, and the status bits of lists this installation publishes, read from the database
//! they are built from (a list counts only for a credential of its own issuer).

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use tashil_credentials::did::Resolver;
use tashil_credentials::{PresentationChallenge, StatusPurpose, verify};

use super::entity::credential;
use super::error::CredentialError;
use super::issuer::Issuer;
use super::status::{LIST_SIZE, list_url};
use crate::kernel::Stamped;
use sea_orm::EntityTrait;

/// This installation's issuers (`national`, then each province that has its own, in code
/// order) and a resolver of their did:web documents.
struct Known {
    ids: Vec<String>,
    resolver: Resolver,
}

/// What [`known`] read, by (stamp token, public URL): turning a province's issuer on and
/// making or rotating a key each write a new stamp, so one query tells a node it still stands.
static KNOWN: Stamped<(String, String), Known> = Stamped::new(4);

/// The issuers and their resolver, as the stamp in force has them.
async fn known<'a>(
    national: &Issuer<'a>,
    now: DateTime<Utc>,
) -> Result<(Vec<Issuer<'a>>, Arc<Known>), CredentialError> {
    let token = super::status::token(national.db, now).await?;
    let known = KNOWN
        .get_or_build((token, national.root.clone()), || async {
            let mut ids = vec![super::keys::NATIONAL.to_owned()];
            ids.extend(super::provinces::all(national.db).await?);
            let mut resolver = Resolver::new();
            for id in &ids {
                resolver =
                    resolver.with_document(super::keys::document(&national.named(id)?).await?);
            }
            Ok::<_, CredentialError>(Known { ids, resolver })
        })
        .await?;
    let issuers = known
        .ids
        .iter()
        .map(|id| national.named(id))
        .collect::<Result<_, _>>()?;
    Ok((issuers, known))
}

/// A failed or doubtful check, with a stable code.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Problem {
    pub code: String,
    pub message: String,
}

impl Problem {
    fn new(code: &str, message: impl Into<String>) -> Self {
        Problem {
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

/// What the VC API answers: whether it verified, the checks that passed, then warnings and
/// errors.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct Verification {
    /// No check failed (`errors` is empty).
    pub verified: bool,
    pub checks: Vec<String>,
    pub warnings: Vec<Problem>,
    pub errors: Vec<Problem>,
}

fn instant(credential: &Value, field: &str) -> Result<Option<DateTime<Utc>>, Problem> {
    match credential.get(field) {
        None => Ok(None),
        Some(Value::String(s)) => DateTime::parse_from_rfc3339(s)
            .map(|t| Some(t.with_timezone(&Utc)))
            .map_err(|_| Problem::new("invalid_date", format!("{field} is not a date-time"))),
        Some(_) => Err(Problem::new(
            "invalid_date",
            format!("{field} is not a string"),
        )),
    }
}

/// Checks `presented` (a credential with a proof, or a `vc+jwt` string) at `now`.
pub async fn verify_credential(
    issuer: &Issuer<'_>,
    presented: &Value,
    now: DateTime<Utc>,
) -> Result<Verification, CredentialError> {
    let mut out = Verification::default();
    let (issuers, known) = known(issuer, now).await?;
    // An EnvelopedVerifiableCredential (VC 2.0 §4.13.1) is checked as the vc+jwt it carries.
    let enveloped = tashil_credentials::shape::enveloped_jwt(presented).map(Value::String);
    let presented = enveloped.as_ref().unwrap_or(presented);
    let verified = match verify(presented, &known.resolver, issuer.contexts) {
        Ok(v) => v,
        Err(rejection) => {
            out.errors
                .push(Problem::new(rejection.code(), rejection.to_string()));
            return Ok(out);
        }
    };
    out.checks.push("proof".into());
    dates_and_status(&issuers, &verified, now, &mut out).await?;
    out.verified = out.errors.is_empty();
    Ok(out)
}

/// The checks after the proof: the validity dates at `now`, then the status bits.
async fn dates_and_status(
    issuers: &[Issuer<'_>],
    verified: &tashil_credentials::Verified,
    now: DateTime<Utc>,
    out: &mut Verification,
) -> Result<(), CredentialError> {
    let c = &verified.credential;
    match instant(c, "validFrom") {
        Ok(Some(from)) if now < from => out
            .errors
            .push(Problem::new("not_yet_valid", format!("valid from {from}"))),
        Ok(_) => out.checks.push("validFrom".into()),
        Err(p) => out.errors.push(p),
    }
    match instant(c, "validUntil") {
        Ok(Some(until)) if now > until => out
            .errors
            .push(Problem::new("expired", format!("valid until {until}"))),
        Ok(_) => out.checks.push("validUntil".into()),
        Err(p) => out.errors.push(p),
    }
    status(issuers, verified, out).await
}

/// Each `credentialStatus` entry on a list of this installation: its bit, from the database.
/// The list must be the credential's own issuer's: a list speaks only for the credentials of
/// whoever signed it (ADR 0019).
async fn status(
    issuers: &[Issuer<'_>],
    verified: &tashil_credentials::Verified,
    out: &mut Verification,
) -> Result<(), CredentialError> {
    let c = &verified.credential;
    let entries = match &c["credentialStatus"] {
        Value::Null => return Ok(()),
        Value::Array(list) => list.clone(),
        one => vec![one.clone()],
    };
    let mut checked = true;
    for e in entries {
        let purpose = e["statusPurpose"]
            .as_str()
            .and_then(StatusPurpose::from_name);
        let index = e["statusListIndex"]
            .as_str()
            .and_then(|i| i.parse::<i64>().ok());
        let url = e["statusListCredential"].as_str().unwrap_or_default();
        let (Some(purpose), Some(index)) = (purpose, index) else {
            out.errors.push(Problem::new(
                "status_entry_malformed",
                "a credentialStatus entry is malformed",
            ));
            checked = false;
            continue;
        };
        let number = url
            .rsplit_once('/')
            .and_then(|(_, n)| n.parse::<i64>().ok());
        let list = number.and_then(|n| {
            issuers
                .iter()
                .find(|i| list_url(&i.root, purpose, n) == url)
                .map(|i| (i, n))
        });
        let Some((lister, list)) = list.filter(|_| index < LIST_SIZE) else {
            out.warnings.push(Problem::new(
                "status_not_checked",
                format!("{url} is not a status list of this installation"),
            ));
            checked = false;
            continue;
        };
        if lister.did != verified.issuer {
            out.errors.push(Problem::new(
                "status_list_of_another_issuer",
                format!("{url} is {}'s, not the credential's issuer's", lister.did),
            ));
            checked = false;
            continue;
        }
        let row = match list
            .checked_mul(LIST_SIZE)
            .and_then(|n| n.checked_add(index))
        {
            Some(id) => credential::Entity::find_by_id(id).one(lister.db).await?,
            None => None,
        };
        let set = row
            .filter(|r| r.issuer == lister.id)
            .is_some_and(|r| match purpose {
                StatusPurpose::Revocation => r.revoked,
                StatusPurpose::Suspension => r.suspended,
            });
        if set {
            let code = match purpose {
                StatusPurpose::Revocation => "revoked",
                StatusPurpose::Suspension => "suspended",
            };
            out.errors.push(Problem::new(
                code,
                format!(
                    "the issuer lists this credential as under {}",
                    purpose.name()
                ),
            ));
            checked = false;
        }
    }
    if checked {
        out.checks.push("credentialStatus".into());
    }
    Ok(())
}

/// What the VC API answers for a presentation: its own checks, then each credential's.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PresentationVerification {
    /// The presentation's checks held and every credential in it verified.
    pub verified: bool,
    pub checks: Vec<String>,
    pub warnings: Vec<Problem>,
    pub errors: Vec<Problem>,
    /// Each credential's verification, in the presentation's order.
    pub credential_results: Vec<Verification>,
}

/// Checks presentation `presented`: its shape, its own proof if any (answering `asked`), then
/// every credential in it as [`verify_credential`] does.
pub async fn verify_presentation(
    issuer: &Issuer<'_>,
    presented: &Value,
    asked: &PresentationChallenge<'_>,
    now: DateTime<Utc>,
) -> Result<PresentationVerification, CredentialError> {
    let mut out = PresentationVerification::default();
    let (_, known) = known(issuer, now).await?;
    let verified = match tashil_credentials::verify_presentation(
        presented,
        asked,
        &known.resolver,
        issuer.contexts,
    ) {
        Ok(v) => v,
        Err(rejection) => {
            out.errors
                .push(Problem::new(rejection.code(), rejection.to_string()));
            return Ok(out);
        }
    };
    match verified.verification_method {
        Some(_) => out.checks.push("proof".into()),
        None => out.warnings.push(Problem::new(
            "presentation_unsigned",
            "the presentation carries no proof of its holder",
        )),
    }
    for (i, c) in verified.credentials.iter().enumerate() {
        let result = verify_credential(issuer, c, now).await?;
        if !result.verified {
            out.errors.push(Problem::new(
                "credential_not_verified",
                format!("verifiableCredential[{i}] did not verify"),
            ));
        }
        out.credential_results.push(result);
    }
    if out.errors.is_empty() {
        out.checks.push("verifiableCredential".into());
    }
    out.verified = out.errors.is_empty();
    Ok(out)
}
