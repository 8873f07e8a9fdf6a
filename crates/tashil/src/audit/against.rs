//! Checks the log against a checkpoint kept elsewhere: is its head still there, with the same
//! hash and the same number of entries up to it? The plain chain walk cannot tell a log cut
//! short or rewritten and re-hashed from an honest one; a checkpoint can.

use sea_orm::{ConnectionTrait, DbErr, Statement};

use super::checkpoint::{BadSignature, Checkpoint, hash_of};
use crate::db::settings::statement;

/// How the log stands against one checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    Holds,
    /// Refused: the signature does not hold over the checkpoint's fields.
    BadSignature(BadSignature),
    /// Refused: a valid signature, but by another key than this installation's.
    ForeignKey,
    /// The log ends before the checkpoint's head; `ends_at` is its newest id (0 when empty).
    Truncated {
        ends_at: i64,
    },
    /// The head entry is gone though later entries exist.
    HeadGone,
    /// The head entry is there with another hash.
    HashDiffers {
        now: String,
    },
    /// The head entry is there, but a different number of entries leads up to it.
    CountDiffers {
        now: i64,
    },
}

impl Standing {
    pub fn holds(&self) -> bool {
        *self == Standing::Holds
    }
}

/// `installation_key_id`: the key this installation signs with; a checkpoint signed by any
/// other key is refused, so a forged key pair cannot vouch for a rewritten log.
pub async fn check(
    db: &impl ConnectionTrait,
    cp: &Checkpoint,
    installation_key_id: &str,
) -> Result<Standing, DbErr> {
    if let Err(bad) = cp.check_signature() {
        return Ok(Standing::BadSignature(bad));
    }
    if cp.key_id != installation_key_id {
        return Ok(Standing::ForeignKey);
    }
    let Some(now) = hash_of(db, cp.seq).await? else {
        let ends_at = newest_id(db).await?;
        return Ok(if ends_at < cp.seq {
            Standing::Truncated { ends_at }
        } else {
            Standing::HeadGone
        });
    };
    if now != cp.head_hash {
        return Ok(Standing::HashDiffers { now });
    }
    let count = entries_up_to(db, cp.seq).await?;
    if count != cp.entries {
        return Ok(Standing::CountDiffers { now: count });
    }
    Ok(Standing::Holds)
}

async fn newest_id(db: &impl ConnectionTrait) -> Result<i64, DbErr> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT COALESCE(MAX(id), 0) AS n FROM audit_log",
        ))
        .await?;
    Ok(row
        .map(|r| r.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or(0))
}

async fn entries_up_to(db: &impl ConnectionTrait, seq: i64) -> Result<i64, DbErr> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(statement(
            backend,
            "SELECT COUNT(*) AS n FROM audit_log WHERE id <= ?",
            [seq.into()],
        ))
        .await?;
    Ok(row
        .map(|r| r.try_get::<i64>("", "n"))
        .transpose()?
        .unwrap_or(0))
}
