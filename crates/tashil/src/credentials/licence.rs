//! A licence's credential: a row made when the licence is issued (its code and its index in
//! the status lists: the row's id, so two issues never share one), signed in its three forms
//! by the first node asked for it that holds the key, and stored, so every node serves the
//! bytes that node signed.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use serde_json::Value;
use tashil_credentials::jwt::sign_vc_jwt;
use tashil_credentials::{Cryptosuite, ProofOptions};

use super::dcc::{IssuerRef, licence_credential};
use super::entity::credential;
use super::error::CredentialError;
use super::issuer::Issuer;
use super::keys::NATIONAL;

/// The three forms a credential is served in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Data Integrity, `eddsa-rdfc-2022` (the default).
    DiRdfc,
    /// Data Integrity, `eddsa-jcs-2022`.
    DiJcs,
    /// `vc+jwt`.
    Jwt,
}

impl Form {
    pub fn parse(s: &str) -> Option<Form> {
        match s {
            "di-rdfc" => Some(Form::DiRdfc),
            "di-jcs" => Some(Form::DiJcs),
            "jwt" => Some(Form::Jwt),
            _ => None,
        }
    }
}

/// Letters of a public code: no 0/O, 1/I/L, so a code read aloud or typed is not mistaken.
const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LEN: usize = 10;

pub(super) fn new_code() -> String {
    (0..CODE_LEN)
        .map(|_| CODE_ALPHABET[rand::random_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

/// Makes licence `licence_id`'s credential row (unsigned) in the caller's transaction. Its
/// issuer is the office that took the issuing decision (`office`: a province's code, or
/// licensing's national body) when that province has its own issuer, else the national body
/// (ADR 0019); it is fixed here, with the status lists the credential is in.
pub async fn allocate<C: ConnectionTrait>(
    tx: &C,
    licence_id: i64,
    status: &str,
    office: &str,
    now: DateTime<Utc>,
) -> Result<credential::Model, DbErr> {
    let (suspended, revoked) = super::status::flags(status);
    let issuer = if office != crate::access::licensing::NATIONAL
        && super::provinces::configured(tx, office).await?
    {
        office.to_owned()
    } else {
        NATIONAL.to_owned()
    };
    credential::ActiveModel {
        issuer: Set(issuer),
        licence_id: Set(Some(licence_id)),
        code: Set(new_code()),
        suspended: Set(suspended),
        revoked: Set(revoked),
        di_rdfc: Set(None),
        di_jcs: Set(None),
        vc_jwt: Set(None),
        key_id: Set(None),
        signed_at: Set(None),
        created_at: Set(now),
        purposes: Set(None),
        issued_by: Set(None),
        vc_id: Set(None),
        ..Default::default()
    }
    .insert(tx)
    .await
}

async fn of_licence<C: ConnectionTrait>(
    db: &C,
    licence_id: i64,
) -> Result<Option<credential::Model>, DbErr> {
    credential::Entity::find()
        .filter(credential::Column::LicenceId.eq(licence_id))
        .one(db)
        .await
}

/// The credential row of licence `licence_id`, made now for a licence issued before
/// credentials were.
pub async fn row(
    issuer: &Issuer<'_>,
    licence_id: i64,
    now: DateTime<Utc>,
) -> Result<credential::Model, CredentialError> {
    if let Some(c) = of_licence(issuer.db, licence_id).await? {
        return Ok(c);
    }
    let facts = crate::licensing::licence_facts(issuer.db, licence_id).await?;
    let tx = crate::db::begin_write(issuer.db).await?;
    // A row another node made meanwhile wins (the unique licence index stands behind this).
    let made = match of_licence(&tx, licence_id).await? {
        Some(c) => c,
        // Issued before credentials were: the national body's, as every credential then.
        None => {
            let national = crate::access::licensing::NATIONAL;
            allocate(&tx, licence_id, facts.entry.status.as_str(), national, now).await?
        }
    };
    tx.commit().await?;
    Ok(made)
}

/// Who issues licence `licence_id`'s credential (`national` or a province's code).
pub async fn issuer_of(
    issuer: &Issuer<'_>,
    licence_id: i64,
    now: DateTime<Utc>,
) -> Result<String, CredentialError> {
    Ok(row(issuer, licence_id, now).await?.issuer)
}

/// The credential with public code `code`.
pub async fn by_code<C: ConnectionTrait>(
    db: &C,
    code: &str,
) -> Result<Option<credential::Model>, DbErr> {
    credential::Entity::find()
        .filter(credential::Column::Code.eq(code))
        .one(db)
        .await
}

/// The issuer's name, in the language of the licence's country.
fn issuer_name(issuer: &Issuer<'_>, province: &str) -> String {
    let lang = if province.starts_with("VN") {
        crate::i18n::Lang::Vi
    } else {
        crate::i18n::Lang::Fa
    };
    super::issuer::display_name(&issuer.id, lang)
}

/// Licence `licence_id`'s credential in `form`, signed now if no node has signed it yet.
pub async fn signed(
    issuer: &Issuer<'_>,
    licence_id: i64,
    form: Form,
    now: DateTime<Utc>,
) -> Result<Value, CredentialError> {
    let mut c = row(issuer, licence_id, now).await?;
    if c.di_rdfc.is_none() {
        c = sign(&issuer.named(&c.issuer)?, c, now).await?;
    }
    let text = match form {
        Form::DiRdfc => c.di_rdfc,
        Form::DiJcs => c.di_jcs,
        Form::Jwt => return c.vc_jwt.map(Value::String).ok_or(CredentialError::NotFound),
    };
    let text = text.ok_or(CredentialError::NotFound)?;
    serde_json::from_str(&text).map_err(|e| CredentialError::Unsignable(e.to_string()))
}

/// Builds and signs `c` in every form; the first node to store its forms wins.
async fn sign(
    issuer: &Issuer<'_>,
    c: credential::Model,
    now: DateTime<Utc>,
) -> Result<credential::Model, CredentialError> {
    let signer = super::keys::signer(issuer, now).await?;
    let unsigned = unsigned(issuer, &c).await?;
    let method = issuer.method(signer.generation);
    let prove = |suite| prove(issuer, &unsigned, &signer.key, &method, suite, now);
    let rdfc = prove(Cryptosuite::EddsaRdfc2022)?.to_string();
    let jcs = prove(Cryptosuite::EddsaJcs2022)?.to_string();
    let jwt = sign_vc_jwt(&unsigned, &signer.key, &method)
        .map_err(|e| CredentialError::Unsignable(e.to_string()))?;
    credential::Entity::update_many()
        .col_expr(credential::Column::DiRdfc, Expr::value(rdfc))
        .col_expr(credential::Column::DiJcs, Expr::value(jcs))
        .col_expr(credential::Column::VcJwt, Expr::value(jwt))
        .col_expr(credential::Column::KeyId, Expr::value(signer.id))
        .col_expr(credential::Column::SignedAt, Expr::value(now))
        .filter(credential::Column::Id.eq(c.id))
        .filter(credential::Column::DiRdfc.is_null())
        .exec(issuer.db)
        .await?;
    credential::Entity::find_by_id(c.id)
        .one(issuer.db)
        .await?
        .ok_or(CredentialError::NotFound)
}

/// Credential row `c` as its unsigned credential, issued by `issuer` (its own).
async fn unsigned(issuer: &Issuer<'_>, c: &credential::Model) -> Result<Value, CredentialError> {
    let licence = c.licence_id.ok_or(CredentialError::NotFound)?;
    let facts = crate::licensing::licence_facts(issuer.db, licence).await?;
    let name = issuer_name(issuer, &facts.entry.province);
    let who = IssuerRef {
        base: issuer.base,
        did: &issuer.did,
        name: &name,
    };
    Ok(licence_credential(
        &who,
        &facts,
        &c.code,
        super::status::entries(&issuer.root, c.id),
    ))
}

fn prove(
    issuer: &Issuer<'_>,
    unsigned: &Value,
    key: &tashil_credentials::KeyPair,
    method: &str,
    suite: Cryptosuite,
    now: DateTime<Utc>,
) -> Result<Value, CredentialError> {
    let options = ProofOptions::assertion(method, now);
    tashil_credentials::integrity::add_proof(suite, unsigned, key, &options, issuer.contexts)
        .map_err(|e| CredentialError::Unsignable(format!("{}: {e}", e.code())))
}

/// Licence `licence_id`'s credential bound to the wallet holder `holder` (a DID, made the
/// credential subject's id: ADR 0017), signed now in `form` (`DiRdfc` or `Jwt`); not stored,
/// each wallet's copy is its own.
pub async fn for_holder(
    issuer: &Issuer<'_>,
    licence_id: i64,
    holder: &str,
    form: Form,
    now: DateTime<Utc>,
) -> Result<Value, CredentialError> {
    let c = row(issuer, licence_id, now).await?;
    let issuer = &issuer.named(&c.issuer)?;
    let signer = super::keys::signer(issuer, now).await?;
    let mut unsigned = unsigned(issuer, &c).await?;
    unsigned["credentialSubject"]["id"] = Value::String(holder.to_owned());
    let method = issuer.method(signer.generation);
    match form {
        Form::Jwt => sign_vc_jwt(&unsigned, &signer.key, &method)
            .map(Value::String)
            .map_err(|e| CredentialError::Unsignable(e.to_string())),
        Form::DiRdfc => prove(
            issuer,
            &unsigned,
            &signer.key,
            &method,
            Cryptosuite::EddsaRdfc2022,
            now,
        ),
        Form::DiJcs => prove(
            issuer,
            &unsigned,
            &signer.key,
            &method,
            Cryptosuite::EddsaJcs2022,
            now,
        ),
    }
}
