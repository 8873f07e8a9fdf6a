//! The use cases of wallet issuance: offer a licence (only its unit's own user), redeem the
//! codes for an access token (one conditional UPDATE: one redemption however many nodes are
//! asked), give and take back nonces, issue the credential bound to the key a proof shows.
//! Every secret is stored as its SHA-256 digest; the transaction code travels only by email.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tashil_credentials::key_proof::{ProofFailure, verify_key_proof};

use super::entity::{nonce, offer};
use super::metadata::{self, PRE_AUTHORIZED_GRANT, WalletFormat};
use crate::access::{Actor, Denied, Role};
use crate::audit::{self, Change};
use crate::credentials::error::CredentialError;
use crate::credentials::issuer::Issuer;
use crate::credentials::licence::{Form, for_holder};
use crate::credentials::reader::{ReadError, ScopedLicence, ScopedReader};
use crate::i18n::{I18n, Lang};
use crate::identity::{RateLimit, rate_limited};
use crate::licensing::LicensingError;
use crate::mail::MailKind;

/// How long an offer's codes may be redeemed.
pub const OFFER_LIFETIME_MINUTES: i64 = 10;
/// How long an access token is good for.
pub const TOKEN_LIFETIME_SECONDS: i64 = 600;
/// How long a nonce is good for.
pub const NONCE_LIFETIME_SECONDS: i64 = 300;
/// Wrong transaction codes an offer survives; the next kills it.
pub const TX_ATTEMPTS: i32 = 5;
/// Digits of a transaction code.
pub const TX_CODE_LENGTH: usize = 6;

/// Nonces one client address may ask for in a minute, on all nodes together. A wallet asks
/// one per credential it takes (two for both formats, a few more after a failed proof): 60 a
/// minute is far past any wallet, or a few dozen behind one carrier's NAT address, and bounds
/// the rows anyone can make this endpoint write (ADR 0017).
pub const NONCE_LIMIT: RateLimit = RateLimit::new("wallet_nonce", 60, 60);
/// Token requests one client address may make in a minute, on all nodes together. A wallet
/// redeems an offer once (after a mistyped transaction code or two): 30 a minute is far past
/// it, and bounds the conditional UPDATEs anyone can ask for (ADR 0017).
pub const TOKEN_LIMIT: RateLimit = RateLimit::new("wallet_token", 30, 60);

/// The transaction code of an offer, to its user.
pub const WALLET_OFFER: MailKind = MailKind::new("wallet_offer");
/// Every message wallet issuance sends.
pub const MAIL_KINDS: [MailKind; 1] = [WALLET_OFFER];

#[derive(Debug, thiserror::Error)]
pub enum WalletError {
    #[error(transparent)]
    Denied(#[from] Denied),
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Licensing(#[from] LicensingError),
    /// An OAuth / OpenID4VCI error: its code (`invalid_grant`, `invalid_proof`…) and why.
    #[error("{0}: {1}")]
    Refused(&'static str, String),
    /// No access token, or not one this issuer gave (or gave long ago).
    #[error("invalid access token")]
    InvalidToken,
    /// Past [`NONCE_LIMIT`] or [`TOKEN_LIMIT`] from this client address: the seconds until
    /// it may call again.
    #[error("too many requests: wait {0} s")]
    SlowDown(u64),
    #[error(transparent)]
    Credential(#[from] CredentialError),
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl From<ReadError> for WalletError {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::Denied(d) => WalletError::Denied(d),
            ReadError::NotFound => WalletError::NotFound,
            ReadError::Db(e) => WalletError::Db(e),
        }
    }
}

fn refused(code: &'static str, why: impl Into<String>) -> WalletError {
    WalletError::Refused(code, why.into())
}

/// Counts a call from `client` against `limit`, or refuses it (`SlowDown`).
async fn within(
    db: &impl ConnectionTrait,
    limit: &RateLimit,
    client: &str,
) -> Result<(), WalletError> {
    match rate_limited(db, limit, client).await? {
        Some(wait) => Err(WalletError::SlowDown(wait)),
        None => Ok(()),
    }
}

fn secret() -> String {
    URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>())
}

fn digest(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// The transaction code's digest, bound to its offer's code.
fn tx_digest(code: &str, tx_code: &str) -> String {
    digest(&format!("{code}:{tx_code}"))
}

fn tx_code() -> String {
    (0..TX_CODE_LENGTH)
        .map(|_| char::from(b'0' + rand::random_range(0..10u8)))
        .collect()
}

/// An offer made: what the wallet is given to open (the transaction code went by mail).
pub struct Offer {
    pub uri: String,
}

/// Offers application `application_id`'s licence to `actor`'s wallet: only a unit's user who
/// may read the application (its own unit); the transaction code is mailed to them.
pub async fn offer(
    issuer: &Issuer<'_>,
    actor: &Actor,
    application_id: i64,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Offer, WalletError> {
    let licence = ScopedReader::new(issuer.db, actor)
        .licence_of_application(application_id)
        .await?;
    if actor.role() != Role::UnitUser {
        return Err(Denied::Forbidden.into());
    }
    let ScopedLicence {
        id: licence_id,
        number,
    } = licence.ok_or(WalletError::NotFound)?;
    let code = secret();
    let tx = tx_code();
    let expires_at = now + Duration::minutes(OFFER_LIFETIME_MINUTES);
    let db = crate::db::begin_write(issuer.db).await?;
    let made = offer::ActiveModel {
        licence_id: Set(licence_id),
        user_id: Set(actor.user_id()),
        code_hash: Set(digest(&code)),
        tx_code_hash: Set(tx_digest(&code, &tx)),
        tx_attempts: Set(0),
        expires_at: Set(expires_at),
        redeemed_at: Set(None),
        token_hash: Set(None),
        token_expires_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&db)
    .await?;
    let to = crate::identity::recipients::of_user(&db, actor.user_id()).await?;
    let args = json!({"number": number, "code": tx, "minutes": OFFER_LIFETIME_MINUTES});
    crate::mail::queue(&db, &to, WALLET_OFFER, &args).await?;
    audit::record(
        &db,
        Change::by(actor, "credentials.wallet_offered", "licence", licence_id)
            .after(json!({"offer": made.id, "expires_at": expires_at})),
    )
    .await?;
    db.commit().await?;
    let description = I18n::get().t(lang, "cred-wallet-tx-code-description");
    let body = json!({
        "credential_issuer": issuer.base,
        "credential_configuration_ids": [metadata::JWT_CONFIGURATION, metadata::LDP_CONFIGURATION],
        "grants": {PRE_AUTHORIZED_GRANT: {
            "pre-authorized_code": code,
            "tx_code": {"input_mode": "numeric", "length": TX_CODE_LENGTH, "description": description},
        }},
    });
    let uri = format!(
        "openid-credential-offer://?credential_offer={}",
        crate::credentials::dcc::urlencode(&body.to_string())
    );
    Ok(Offer { uri })
}

/// An access token given.
pub struct Token {
    pub access_token: String,
    pub expires_in: i64,
}

/// Trades a pre-authorized code and its transaction code for an access token, once; at most
/// [`TOKEN_LIMIT`] tries from one client address.
pub async fn redeem(
    db: &sea_orm::DatabaseConnection,
    code: &str,
    tx_code: &str,
    client: &str,
    now: DateTime<Utc>,
) -> Result<Token, WalletError> {
    within(db, &TOKEN_LIMIT, client).await?;
    let token = secret();
    let code_hash = digest(code);
    let open = || {
        offer::Entity::update_many()
            .filter(offer::Column::CodeHash.eq(code_hash.clone()))
            .filter(offer::Column::RedeemedAt.is_null())
            .filter(offer::Column::ExpiresAt.gt(now))
            .filter(offer::Column::TxAttempts.lt(TX_ATTEMPTS))
    };
    let tx = crate::db::begin_write(db).await?;
    let redeemed = open()
        .col_expr(offer::Column::RedeemedAt, Expr::value(now))
        .col_expr(offer::Column::TokenHash, Expr::value(digest(&token)))
        .col_expr(
            offer::Column::TokenExpiresAt,
            Expr::value(now + Duration::seconds(TOKEN_LIFETIME_SECONDS)),
        )
        .filter(offer::Column::TxCodeHash.eq(tx_digest(code, tx_code)))
        .exec(&tx)
        .await?;
    if redeemed.rows_affected != 1 {
        // A wrong transaction code counts against the offer (an unknown, used or expired code
        // changes nothing); the answer is the same either way.
        open()
            .col_expr(
                offer::Column::TxAttempts,
                Expr::col(offer::Column::TxAttempts).add(Expr::val(1)),
            )
            .exec(&tx)
            .await?;
        tx.commit().await?;
        return Err(refused(
            "invalid_grant",
            "the pre-authorized code or the transaction code is not valid",
        ));
    }
    let id = offer::Entity::find()
        .filter(offer::Column::CodeHash.eq(code_hash.clone()))
        .one(&tx)
        .await?
        .map(|o| o.id)
        .unwrap_or_default();
    audit::record(
        &tx,
        Change::system(
            "wallet",
            "credentials.wallet_offer_redeemed",
            "credential_offer",
            id,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(Token {
        access_token: token,
        expires_in: TOKEN_LIFETIME_SECONDS,
    })
}

/// A new nonce for a key proof (the expired ones swept away meanwhile); at most
/// [`NONCE_LIMIT`] for one client address.
pub async fn new_nonce(
    db: &sea_orm::DatabaseConnection,
    client: &str,
    now: DateTime<Utc>,
) -> Result<String, WalletError> {
    within(db, &NONCE_LIMIT, client).await?;
    nonce::Entity::delete_many()
        .filter(nonce::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    let n = secret();
    nonce::ActiveModel {
        nonce: Set(n.clone()),
        expires_at: Set(now + Duration::seconds(NONCE_LIFETIME_SECONDS)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(n)
}

/// Takes nonce `n` back: true if it was given, unexpired and not taken before.
async fn take_nonce<C: ConnectionTrait>(
    db: &C,
    n: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let gone = nonce::Entity::delete_many()
        .filter(nonce::Column::Nonce.eq(n))
        .filter(nonce::Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    Ok(gone.rows_affected == 1)
}

/// The offer an access token was given for.
async fn offer_of_token(
    db: &sea_orm::DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<offer::Model, WalletError> {
    offer::Entity::find()
        .filter(offer::Column::TokenHash.eq(digest(token)))
        .filter(offer::Column::TokenExpiresAt.gt(now))
        .one(db)
        .await?
        .ok_or(WalletError::InvalidToken)
}

/// The configuration and key proofs a credential request names (1.0's `proofs.jwt`, or the
/// drafts' single `proof`).
fn request_of(body: &Value) -> Result<(WalletFormat, String), WalletError> {
    let id = body["credential_configuration_id"]
        .as_str()
        .ok_or_else(|| {
            refused(
                "invalid_credential_request",
                "no credential_configuration_id",
            )
        })?;
    let format = WalletFormat::of_configuration(id).ok_or_else(|| {
        refused(
            "unknown_credential_configuration",
            format!("{id} is not offered"),
        )
    })?;
    let jwts: Vec<&str> = match (&body["proofs"], &body["proof"]) {
        (Value::Object(p), Value::Null) => p
            .get("jwt")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default(),
        (Value::Null, Value::Object(p)) if p.get("proof_type") == Some(&json!("jwt")) => {
            p.get("jwt").and_then(Value::as_str).into_iter().collect()
        }
        _ => vec![],
    };
    match jwts.as_slice() {
        [one] => Ok((format, (*one).to_owned())),
        [] => Err(refused("invalid_proof", "no jwt key proof")),
        _ => Err(refused(
            "invalid_proof",
            "one key proof per request: no batch issuance",
        )),
    }
}

fn proof_refused(f: ProofFailure) -> WalletError {
    match f {
        ProofFailure::NoNonce => refused("invalid_nonce", f.to_string()),
        other => refused("invalid_proof", other.to_string()),
    }
}

/// Issues the licence of access token `token`'s offer as `body` asks, bound to the key its
/// proof shows; the credential response (1.0 §8.3).
pub async fn issue(
    issuer: &Issuer<'_>,
    token: &str,
    body: &Value,
    now: DateTime<Utc>,
) -> Result<Value, WalletError> {
    let o = offer_of_token(issuer.db, token, now).await?;
    let (format, jwt) = request_of(body)?;
    let proof = verify_key_proof(&jwt, issuer.base, now.timestamp()).map_err(proof_refused)?;
    if !take_nonce(issuer.db, &proof.nonce, now).await? {
        return Err(refused(
            "invalid_nonce",
            "the nonce is not one given, or was used, or expired",
        ));
    }
    let form = match format {
        WalletFormat::JwtVcJson => Form::Jwt,
        WalletFormat::LdpVc => Form::DiRdfc,
    };
    let credential = for_holder(issuer, o.licence_id, &proof.holder, form, now).await?;
    let tx = crate::db::begin_write(issuer.db).await?;
    audit::record(
        &tx,
        Change::system("wallet", "credentials.wallet_issued", "licence", o.licence_id).after(
            json!({"offer": o.id, "holder": proof.holder, "format": body["credential_configuration_id"]}),
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(json!({"credentials": [{"credential": credential}]}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_names_one_proof_in_either_shape() {
        let new = json!({"credential_configuration_id": metadata::JWT_CONFIGURATION, "proofs": {"jwt": ["a.b.c"]}});
        assert_eq!(request_of(&new).unwrap().1, "a.b.c");
        let old = json!({"credential_configuration_id": metadata::LDP_CONFIGURATION, "proof": {"proof_type": "jwt", "jwt": "a.b.c"}});
        assert_eq!(request_of(&old).unwrap().0, WalletFormat::LdpVc);
        let unknown = json!({"credential_configuration_id": "x", "proofs": {"jwt": ["a.b.c"]}});
        assert!(matches!(
            request_of(&unknown),
            Err(WalletError::Refused("unknown_credential_configuration", _))
        ));
        let none = json!({"credential_configuration_id": metadata::JWT_CONFIGURATION});
        assert!(matches!(
            request_of(&none),
            Err(WalletError::Refused("invalid_proof", _))
        ));
    }

    #[test]
    fn a_transaction_code_is_six_digits() {
        let t = tx_code();
        assert_eq!(t.len(), TX_CODE_LENGTH);
        assert!(t.bytes().all(|b| b.is_ascii_digit()));
    }
}
