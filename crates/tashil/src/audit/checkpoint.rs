//! Signed checkpoints of the chain head, kept in `audit_checkpoints` (outside the audited
//! tables) and published, so that outside parties can keep them as Certificate Transparency's
//! signed tree heads are kept: a later truncation or rewrite of the log no longer matches a
//! checkpoint someone else holds (ADR 0005).

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, SecondsFormat, Utc};
use ed25519_dalek::{Signature, VerifyingKey};
use sea_orm::{ConnectionTrait, DbErr, FromQueryResult, SqlErr, Statement};
use serde::{Deserialize, Serialize};

use super::chain::GENESIS;
use super::key::{AuditKey, key_id};
use super::verify::{Finding, verify_from};
use crate::db::settings::statement;

/// How often the periodic job signs the head when it moved.
pub const CHECKPOINT_EVERY: Duration = Duration::from_secs(3600);

/// Checkpoints per page of the public list.
pub const PER_PAGE: u64 = 100;

/// Names the format of the signed text, so a later format cannot be confused with this one.
const MESSAGE_PREFIX: &str = "tashil-audit-checkpoint/v1";

/// One signed statement: "the log's entry `seq` has hash `head_hash` and is its `entries`-th".
#[derive(
    Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema, FromQueryResult,
)]
pub struct Checkpoint {
    pub id: i64,
    /// The `audit_log` id of the head entry.
    pub seq: i64,
    /// That entry's hash (hex SHA-256).
    pub head_hash: String,
    /// Entries in the log up to and including the head.
    pub entries: i64,
    /// When it was signed, RFC 3339 in UTC, exactly as signed.
    pub created_at: String,
    /// First 16 hex digits of the SHA-256 of the public key.
    pub key_id: String,
    /// Ed25519 public key, base64url without padding.
    pub public_key: String,
    /// Ed25519 signature of the message (see `message`), base64url without padding.
    pub signature: String,
}

#[derive(Debug, thiserror::Error)]
pub enum CheckpointError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("bad TASHIL_AUDIT_KEY: {0}")]
    Key(&'static str),
    #[error(
        "the audit log no longer holds checkpoint {id} (entry {seq}): not signing over a rewritten log"
    )]
    Diverged { id: i64, seq: i64 },
    #[error("the audit log is broken ({0:?}): not signing over it")]
    Broken(Finding),
}

/// Why a checkpoint's signature does not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadSignature {
    /// The public key or signature is not well-formed.
    Malformed,
    /// `key_id` is not the id of the carried public key.
    KeyIdMismatch,
    /// The signature does not verify over the checkpoint's fields.
    Invalid,
}

impl Checkpoint {
    /// The exact bytes signed: the format name, then seq, head hash, entries and time, one
    /// per line, no trailing newline.
    pub fn message(&self) -> String {
        format!(
            "{MESSAGE_PREFIX}\n{}\n{}\n{}\n{}",
            self.seq, self.head_hash, self.entries, self.created_at
        )
    }

    /// Checks the signature with the key the checkpoint carries (strict verification: no
    /// malleable signatures, no weak keys).
    pub fn check_signature(&self) -> Result<(), BadSignature> {
        let pk: [u8; 32] = decode(&self.public_key).ok_or(BadSignature::Malformed)?;
        let sig: [u8; 64] = decode(&self.signature).ok_or(BadSignature::Malformed)?;
        let pk = VerifyingKey::from_bytes(&pk).map_err(|_| BadSignature::Malformed)?;
        if key_id(&pk) != self.key_id {
            return Err(BadSignature::KeyIdMismatch);
        }
        pk.verify_strict(self.message().as_bytes(), &Signature::from_bytes(&sig))
            .map_err(|_| BadSignature::Invalid)
    }
}

fn decode<const N: usize>(text: &str) -> Option<[u8; N]> {
    URL_SAFE_NO_PAD.decode(text).ok()?.try_into().ok()
}

const COLUMNS: &str = "id, seq, head_hash, entries, created_at, key_id, public_key, signature";

/// The newest checkpoint, if any.
pub async fn latest(db: &impl ConnectionTrait) -> Result<Option<Checkpoint>, DbErr> {
    let backend = db.get_database_backend();
    db.query_one_raw(Statement::from_string(
        backend,
        format!("SELECT {COLUMNS} FROM audit_checkpoints ORDER BY seq DESC LIMIT 1"),
    ))
    .await?
    .map(|r| Checkpoint::from_query_result(&r, ""))
    .transpose()
}

/// One page (1-based) of checkpoints, newest first. Any page number is answered: past the end
/// (up to `u64::MAX`) the page is empty.
pub async fn page(db: &impl ConnectionTrait, page: u64) -> Result<Vec<Checkpoint>, DbErr> {
    let offset = page.max(1).saturating_sub(1).saturating_mul(PER_PAGE);
    // SQLite and PostgreSQL take a signed 64-bit OFFSET.
    let Ok(offset) = i64::try_from(offset) else {
        return Ok(vec![]);
    };
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(statement(
            backend,
            &format!("SELECT {COLUMNS} FROM audit_checkpoints ORDER BY seq DESC LIMIT ? OFFSET ?"),
            [(PER_PAGE as i64).into(), offset.into()],
        ))
        .await?;
    rows.iter()
        .map(|r| Checkpoint::from_query_result(r, ""))
        .collect()
}

/// Signs the current head if it moved since the last checkpoint; `None` when it did not (or
/// the log is empty, or another node signed the same head at the same moment). Before
/// signing it checks that the log still holds the last checkpoint and that every entry since
/// links onto it, so a checkpoint never vouches for a log already tampered with.
pub async fn checkpoint(db: &impl ConnectionTrait) -> Result<Option<Checkpoint>, CheckpointError> {
    let key = AuditKey::load(db).await?;
    let last = latest(db).await?;
    let (from_id, from_hash, from_entries) = match &last {
        Some(c) => {
            if hash_of(db, c.seq).await?.as_deref() != Some(c.head_hash.as_str()) {
                return Err(CheckpointError::Diverged {
                    id: c.id,
                    seq: c.seq,
                });
            }
            (c.seq, c.head_hash.clone(), c.entries)
        }
        None => (0, GENESIS.to_string(), 0),
    };
    let walked = verify_from(db, from_id, &from_hash).await?;
    if let Some(f) = walked.finding {
        return Err(CheckpointError::Broken(f));
    }
    if walked.entries == 0 {
        return Ok(None);
    }
    let mut cp = Checkpoint {
        id: 0,
        seq: walked.head_id,
        head_hash: walked.head,
        entries: from_entries.saturating_add(i64::try_from(walked.entries).unwrap_or(i64::MAX)),
        created_at: Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
        key_id: key.id().to_string(),
        public_key: key.public_key(),
        signature: String::new(),
    };
    cp.signature = key.sign(cp.message().as_bytes());
    let backend = db.get_database_backend();
    let inserted = db
        .query_one_raw(statement(backend, "INSERT INTO audit_checkpoints (seq, head_hash, entries, created_at, key_id, public_key, signature) \
                 VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", [
                cp.seq.into(),
                cp.head_hash.clone().into(),
                cp.entries.into(),
                cp.created_at.clone().into(),
                cp.key_id.clone().into(),
                cp.public_key.clone().into(),
                cp.signature.clone().into(),
            ]))
        .await;
    match inserted {
        Ok(Some(row)) => {
            cp.id = row.try_get("", "id")?;
            Ok(Some(cp))
        }
        Ok(None) => Err(DbErr::Custom("insert returned no id".into()).into()),
        // Another node signed this very head first: its row stands.
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// What the periodic job does: a checkpoint when the last is older than `every` (or there is
/// none) and the head moved.
pub async fn checkpoint_if_due(
    db: &impl ConnectionTrait,
    every: Duration,
) -> Result<Option<Checkpoint>, CheckpointError> {
    if let Some(c) = latest(db).await? {
        let every = chrono::Duration::from_std(every).unwrap_or(chrono::Duration::MAX);
        // A time in the future (another node's clock ahead) counts as recent.
        let recent = DateTime::parse_from_rfc3339(&c.created_at)
            .is_ok_and(|t| Utc::now().signed_duration_since(t) < every);
        if recent {
            return Ok(None);
        }
    }
    checkpoint(db).await
}

/// The stored hash of entry `id`, if it exists.
pub(super) async fn hash_of(db: &impl ConnectionTrait, id: i64) -> Result<Option<String>, DbErr> {
    let backend = db.get_database_backend();
    db.query_one_raw(statement(
        backend,
        "SELECT hash FROM audit_log WHERE id = ?",
        [id.into()],
    ))
    .await?
    .map(|r| r.try_get::<String>("", "hash"))
    .transpose()
}
