//! The issuers' keys (ADR 0015; a province's too, ADR 0019): Ed25519, in the database, each seed sealed under
//! `TASHIL_CREDENTIAL_KEY`. The first is made at first use, once across nodes (a lock, and a
//! unique generation per issuer behind it); a rotation adds the next generation, which signs
//! from then on, and every generation stays in the DID document so credentials signed before
//! still verify.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use serde_json::json;
use tashil_credentials::{DidDocument, KeyPair, PublicKey};

use super::entity::issuer_key;
use super::error::{CredentialError, KEY_MISMATCH, KEY_MISSING};
use super::issuer::Issuer;
use crate::audit::{self, Change};
use crate::db::dialect;
use crate::kernel::sealing::SealingKey;

/// The national body's issuer; a province's is named by its code.
pub const NATIONAL: &str = "national";
/// Serialises the making of issuer keys across nodes (arbitrary, fixed).
const KEY_LOCK: i64 = 0x7461_7368_696c_0018;

/// The method of generation `g` within the issuer's DID document.
pub fn fragment(generation: i32) -> String {
    format!("key-{generation}")
}

/// A key that may sign now, and which generation it is.
pub struct Signer {
    pub id: i64,
    pub generation: i32,
    pub key: KeyPair,
}

/// What a sealed seed is bound to: its method within its issuer's document (the national
/// body's as before provinces issued, so its sealed seeds still open).
fn bound_to(issuer: &str, generation: i32) -> String {
    if issuer == NATIONAL {
        fragment(generation)
    } else {
        format!("{issuer}#{}", fragment(generation))
    }
}

fn open(row: &issuer_key::Model, sealing: &SealingKey) -> Result<Signer, CredentialError> {
    let seed = sealing
        .open(
            &row.sealed_seed,
            bound_to(&row.issuer, row.generation).as_bytes(),
        )
        .and_then(|s| <[u8; 32]>::try_from(s).ok())
        .ok_or(CredentialError::CannotIssue(KEY_MISMATCH))?;
    let key = KeyPair::from_secret_bytes(&seed);
    if key.public().to_multibase() != row.public_key {
        return Err(CredentialError::CannotIssue(KEY_MISMATCH));
    }
    Ok(Signer {
        id: row.id,
        generation: row.generation,
        key,
    })
}

async fn newest<C: ConnectionTrait>(
    db: &C,
    issuer: &str,
) -> Result<Option<issuer_key::Model>, CredentialError> {
    Ok(issuer_key::Entity::find()
        .filter(issuer_key::Column::Issuer.eq(issuer))
        .order_by_desc(issuer_key::Column::Generation)
        .one(db)
        .await?)
}

/// Seals a fresh key as generation `generation`, in the caller's transaction.
async fn add<C: ConnectionTrait>(
    tx: &C,
    issuer: &str,
    sealing: &SealingKey,
    generation: i32,
    now: DateTime<Utc>,
) -> Result<issuer_key::Model, CredentialError> {
    let key = KeyPair::generate().map_err(|e| CredentialError::Unsignable(e.to_string()))?;
    let row =
        issuer_key::ActiveModel {
            issuer: Set(issuer.into()),
            generation: Set(generation),
            public_key: Set(key.public().to_multibase()),
            sealed_seed: Set(
                sealing.seal(&key.secret_bytes(), bound_to(issuer, generation).as_bytes())
            ),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(tx)
        .await?;
    let action = if generation == 1 {
        "credentials.key_created"
    } else {
        "credentials.key_rotated"
    };
    audit::record(
        tx,
        Change::system("system", action, "credential_issuer_key", row.id).after(
            json!({"issuer": issuer, "generation": generation, "public_key": row.public_key}),
        ),
    )
    .await?;
    Ok(row)
}

/// The key that signs now for `issuer`: the newest generation, made at first use.
pub async fn signer(issuer: &Issuer<'_>, now: DateTime<Utc>) -> Result<Signer, CredentialError> {
    let (db, id) = (issuer.db, issuer.id.as_str());
    let sealing = issuer
        .sealing
        .ok_or(CredentialError::CannotIssue(KEY_MISSING))?;
    if let Some(row) = newest(db, id).await? {
        return open(&row, sealing);
    }
    let tx = crate::db::begin_write(db).await?;
    dialect::lock_chain(&tx, KEY_LOCK).await?;
    // Another node may have made it while this one waited for the lock.
    let row = match newest(&tx, id).await? {
        Some(row) => row,
        None => {
            let row = add(&tx, id, sealing, 1, now).await?;
            // A new key in the issuer's DID document: verifiers keep those under the stamp.
            super::status::stamp(&tx, now).await?;
            row
        }
    };
    tx.commit().await?;
    open(&row, sealing)
}

/// Adds the national body's next generation, which signs from now on; returns it.
pub async fn rotate(
    db: &DatabaseConnection,
    sealing: &SealingKey,
    now: DateTime<Utc>,
) -> Result<Signer, CredentialError> {
    rotate_issuer(db, NATIONAL, sealing, now).await
}

/// Adds province `code`'s next generation (a configured provincial issuer only).
pub async fn rotate_provincial(
    db: &DatabaseConnection,
    code: &str,
    sealing: &SealingKey,
    now: DateTime<Utc>,
) -> Result<Signer, CredentialError> {
    if !super::provinces::configured(db, code).await? {
        return Err(CredentialError::NotFound);
    }
    rotate_issuer(db, code, sealing, now).await
}

/// Adds `issuer`'s next generation. Its status lists are signed again with it (a new stamp).
async fn rotate_issuer(
    db: &DatabaseConnection,
    issuer: &str,
    sealing: &SealingKey,
    now: DateTime<Utc>,
) -> Result<Signer, CredentialError> {
    let tx = crate::db::begin_write(db).await?;
    dialect::lock_chain(&tx, KEY_LOCK).await?;
    let generation = match newest(&tx, issuer).await? {
        // A key the environment cannot open is not rotated out by a node that holds another.
        Some(row) => open(&row, sealing)?.generation + 1,
        None => 1,
    };
    let row = add(&tx, issuer, sealing, generation, now).await?;
    super::status::stamp(&tx, now).await?;
    tx.commit().await?;
    open(&row, sealing)
}

/// `issuer`'s DID document: every generation, oldest first, each an assertion method.
pub async fn document(issuer: &Issuer<'_>) -> Result<DidDocument, CredentialError> {
    let did = issuer.did.as_str();
    let rows = issuer_key::Entity::find()
        .filter(issuer_key::Column::Issuer.eq(&issuer.id))
        .order_by_asc(issuer_key::Column::Generation)
        .all(issuer.db)
        .await?;
    let mut doc = DidDocument::new(did);
    for row in rows {
        let key = PublicKey::from_multibase(&row.public_key)
            .map_err(|e| CredentialError::Unsignable(format!("stored issuer key: {e}")))?;
        doc.add_key(&fragment(row.generation), &key)
            .map_err(|e| CredentialError::Unsignable(e.to_string()))?;
    }
    Ok(doc)
}
