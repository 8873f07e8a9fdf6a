//! Bitstring Status Lists (W3C Bitstring Status List v1.0): one list per issuer and purpose
//! (`revocation`, `suspension`), a credential's bit at its id in both of its issuer's (a
//! status list credential is signed by the credential's issuer: ADR 0019). Suspending, lifting or
//! revoking a licence flips its bits and writes a new stamp in the same transaction; a list
//! is built from the database, signed with the stamp's time (so every node holding the key
//! signs the same bytes) and kept per node under the stamp's token (`kernel::Stamped`, as the
//! working calendar is): one query tells a node whether what it built is still right.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use tashil_credentials::status_credential::{status_entry, status_list_credential};
use tashil_credentials::status_list::MIN_ENTRIES;
use tashil_credentials::{Cryptosuite, ProofOptions, StatusList, StatusPurpose};

use super::entity::{credential, stamp};
use super::error::CredentialError;
use super::issuer::Issuer;
use crate::kernel::Stamped;

/// Entries per list: the minimum the Recommendation allows, so a list is 16 KiB before gzip.
pub const LIST_SIZE: i64 = MIN_ENTRIES as i64;

pub const PURPOSES: [StatusPurpose; 2] = [StatusPurpose::Revocation, StatusPurpose::Suspension];

/// Which list and which bit of it hold credential `id`.
pub fn position(id: i64) -> (i64, usize) {
    (id / LIST_SIZE, (id % LIST_SIZE) as usize)
}

/// Where list `list` of `purpose` is published under an issuer's `root`.
pub fn list_url(root: &str, purpose: StatusPurpose, list: i64) -> String {
    format!("{root}/credentials/status/{}/{list}", purpose.name())
}

/// The `credentialStatus` entries of credential `id` of the issuer at `root`: one per purpose.
pub fn entries(root: &str, id: i64) -> serde_json::Value {
    let (list, index) = position(id);
    serde_json::Value::Array(
        PURPOSES
            .iter()
            .map(|p| status_entry(&list_url(root, *p, list), *p, index))
            .collect(),
    )
}

/// Records that the status lists changed, in the caller's transaction.
pub(super) async fn stamp<C: ConnectionTrait>(tx: &C, now: DateTime<Utc>) -> Result<(), DbErr> {
    stamp::ActiveModel {
        token: Set(uuid::Uuid::new_v4().to_string()),
        stamped_at: Set(now),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    Ok(())
}

/// Licence `licence_id` now stands at `status` (`active`, `suspended`, `revoked`, `expired`):
/// its credential's bits follow, in the caller's transaction. Expiry sets no bit (the
/// credential's `validUntil` says it). Every change of status writes a new stamp, bits or
/// not: the public check's answers are kept under it too (`answers.rs`), and say `expired`.
pub async fn licence_status_changed<C: ConnectionTrait>(
    tx: &C,
    licence_id: i64,
    status: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let (suspended, revoked) = flags(status);
    credential::Entity::update_many()
        .col_expr(credential::Column::Suspended, Expr::value(suspended))
        .col_expr(credential::Column::Revoked, Expr::value(revoked))
        .filter(credential::Column::LicenceId.eq(licence_id))
        .filter(
            sea_orm::Condition::any()
                .add(credential::Column::Suspended.ne(suspended))
                .add(credential::Column::Revoked.ne(revoked)),
        )
        .exec(tx)
        .await?;
    stamp(tx, now).await
}

/// The bits of a licence at `status`: (suspended, revoked).
pub fn flags(status: &str) -> (bool, bool) {
    (status == "suspended", status == "revoked")
}

/// The token of the stamp in force (made at first use): what a node keeps built from the
/// status lists, the licences' standing and the issuers is right while it is the same.
pub(super) async fn token(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<String, CredentialError> {
    Ok(current(db, now).await?.token)
}

/// The stamp in force, made at first use.
async fn current(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<stamp::Model, CredentialError> {
    let last = || {
        stamp::Entity::find()
            .order_by_desc(stamp::Column::Id)
            .one(db)
    };
    if let Some(s) = last().await? {
        return Ok(s);
    }
    stamp(db, now).await?;
    last().await?.ok_or(CredentialError::NotFound)
}

/// The bits of `issuer`'s list `list` for `purpose`, from the database.
pub async fn bits<C: ConnectionTrait>(
    db: &C,
    issuer: &str,
    purpose: StatusPurpose,
    list: i64,
) -> Result<StatusList, CredentialError> {
    let column = match purpose {
        StatusPurpose::Revocation => credential::Column::Revoked,
        StatusPurpose::Suspension => credential::Column::Suspended,
    };
    let ids: Vec<i64> = credential::Entity::find()
        .select_only()
        .column(credential::Column::Id)
        .filter(column.eq(true))
        .filter(credential::Column::Issuer.eq(issuer))
        .filter(credential::Column::Id.gte(list * LIST_SIZE))
        .filter(credential::Column::Id.lt((list + 1) * LIST_SIZE))
        .into_tuple()
        .all(db)
        .await?;
    let mut bits = StatusList::new(LIST_SIZE as usize);
    for id in ids {
        bits.set(position(id).1, true)
            .map_err(|e| CredentialError::Unsignable(e.to_string()))?;
    }
    Ok(bits)
}

/// Lists built before, by (issuer's root URL, stamp token, key generation, purpose, list)
/// (`kernel::Stamped`); a process keeps 32 (a few per issuer, purpose and database).
type Key = (String, String, i32, StatusPurpose, i64);
static BUILT: Stamped<Key, String> = Stamped::new(32);

/// The signed BitstringStatusListCredential of `purpose`'s list `list`, as JSON text.
pub async fn list_credential(
    issuer: &Issuer<'_>,
    purpose: StatusPurpose,
    list: i64,
    now: DateTime<Utc>,
) -> Result<Arc<String>, CredentialError> {
    let signer = super::keys::signer(issuer, now).await?;
    let stamp = current(issuer.db, now).await?;
    let key: Key = (
        issuer.root.clone(),
        stamp.token.clone(),
        signer.generation,
        purpose,
        list,
    );
    BUILT
        .get_or_build(key, || async {
            // Only lists that hold one of the issuer's credentials are built (and signed): any
            // other number is unknown.
            let last: Option<i64> = credential::Entity::find()
                .filter(credential::Column::Issuer.eq(&issuer.id))
                .select_only()
                .column_as(credential::Column::Id.max(), "last")
                .into_tuple::<Option<i64>>()
                .one(issuer.db)
                .await?
                .flatten();
            if list > last.map_or(0, |id| position(id).0) {
                return Err(CredentialError::NotFound);
            }
            let bits = bits(issuer.db, &issuer.id, purpose, list).await?;
            let url = list_url(&issuer.root, purpose, list);
            let unsigned =
                status_list_credential(&url, &issuer.did, purpose, &bits, stamp.stamped_at);
            let options =
                ProofOptions::assertion(issuer.method(signer.generation), stamp.stamped_at);
            let signed = tashil_credentials::integrity::add_proof(
                Cryptosuite::EddsaRdfc2022,
                &unsigned,
                &signer.key,
                &options,
                issuer.contexts,
            )
            .map_err(|e| CredentialError::Unsignable(e.to_string()))?;
            Ok(signed.to_string())
        })
        .await
}
