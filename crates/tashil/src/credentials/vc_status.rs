//! Status for credentials the VC API issues (ADR 0016): a slot on the issuer's status lists
//! when the issue request asks for one (`options.credentialStatus`), and `POST
//! /credentials/status` to set or clear its bit. Such a credential gets a row of `credentials`
//! without a licence (m0040), whose id is its index, as a licence's is. A licence's bits
//! follow the licence (`status::licence_status_changed`) and are not changed from here.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::{Value, json};
use tashil_credentials::StatusPurpose;
use tashil_credentials::status_credential::status_entry;

use super::entity::credential;
use super::error::CredentialError;
use super::issuer::Issuer;
use super::status::{LIST_SIZE, list_url, position};
use crate::access::credentials::authorize_issue;
use crate::access::{Actor, Denied};
use crate::audit::{self, Change};

/// The entry type asked is not `BitstringStatusListEntry`.
pub const STATUS_TYPE_UNSUPPORTED: &str = "vc_status_type_unsupported";
/// The purpose asked is not `revocation` or `suspension`.
pub const STATUS_PURPOSE_UNSUPPORTED: &str = "vc_status_purpose_unsupported";
/// The credential given to issue already names a status.
pub const STATUS_PRESENT: &str = "vc_status_present";
/// The credential named has no slot for the purpose asked.
pub const STATUS_PURPOSE_ABSENT: &str = "credential_status_purpose_absent";
/// The credential named is a licence's: its status follows the licence.
pub const FOLLOWS_LICENCE: &str = "credential_status_follows_licence";

/// Codes a status request or a status asked at issue may be refused with.
pub const CODES: &[&str] = &[
    STATUS_TYPE_UNSUPPORTED,
    STATUS_PURPOSE_UNSUPPORTED,
    STATUS_PRESENT,
    STATUS_PURPOSE_ABSENT,
    FOLLOWS_LICENCE,
];

/// Why a status was not given or changed: the member at fault, its code and the detail.
#[derive(Debug)]
pub struct Refusal {
    pub field: String,
    pub code: &'static str,
    pub detail: String,
}

fn refusal(field: &str, code: &'static str, detail: impl Into<String>) -> Refusal {
    Refusal {
        field: field.to_owned(),
        code,
        detail: detail.into(),
    }
}

/// A purpose by name, refused (at `field`) unless it is one this installation keeps a list of.
pub fn purpose(field: &str, name: Option<&str>) -> Result<StatusPurpose, Refusal> {
    name.and_then(StatusPurpose::from_name).ok_or_else(|| {
        refusal(
            field,
            STATUS_PURPOSE_UNSUPPORTED,
            "statusPurpose must be revocation or suspension",
        )
    })
}

/// The purposes `options.credentialStatus` asks for (one entry or several), none when absent.
pub fn asked(options: &Value) -> Result<Vec<StatusPurpose>, Refusal> {
    let field = "options.credentialStatus";
    let entries = match options.get("credentialStatus") {
        None | Some(Value::Null) => return Ok(vec![]),
        Some(Value::Array(a)) => a.clone(),
        Some(one) => vec![one.clone()],
    };
    let mut out = vec![];
    for e in &entries {
        if e["type"].as_str() != Some("BitstringStatusListEntry") {
            return Err(refusal(
                field,
                STATUS_TYPE_UNSUPPORTED,
                "only BitstringStatusListEntry is offered",
            ));
        }
        let p = purpose(
            &format!("{field}.statusPurpose"),
            e["statusPurpose"].as_str(),
        )?;
        if !out.contains(&p) {
            out.push(p);
        }
    }
    Ok(out)
}

/// Makes the row of a credential the VC API issues with `purposes`, in the caller's
/// transaction, and returns its `credentialStatus` (one entry, or one per purpose).
pub async fn allocate<C: ConnectionTrait>(
    tx: &C,
    issuer: &Issuer<'_>,
    actor: &Actor,
    vc_id: Option<&str>,
    purposes: &[StatusPurpose],
    now: DateTime<Utc>,
) -> Result<(i64, Value), CredentialError> {
    let names: Vec<&str> = purposes.iter().map(|p| p.name()).collect();
    let row = credential::ActiveModel {
        licence_id: Set(None),
        code: Set(super::licence::new_code()),
        suspended: Set(false),
        revoked: Set(false),
        di_rdfc: Set(None),
        di_jcs: Set(None),
        vc_jwt: Set(None),
        key_id: Set(None),
        signed_at: Set(None),
        created_at: Set(now),
        purposes: Set(Some(names.join(","))),
        issued_by: Set(Some(actor.user_id())),
        vc_id: Set(vc_id.map(str::to_owned)),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    let (list, index) = position(row.id);
    let mut entries: Vec<Value> = purposes
        .iter()
        .map(|p| status_entry(&list_url(issuer.base, *p, list), *p, index))
        .collect();
    let status = if entries.len() == 1 {
        entries.remove(0)
    } else {
        Value::Array(entries)
    };
    Ok((row.id, status))
}

#[derive(Debug, thiserror::Error)]
pub enum StatusError {
    #[error(transparent)]
    Denied(#[from] Denied),
    #[error("{}: {}", .0.code, .0.detail)]
    Refused(Refusal),
    /// A licence's credential: its status follows the licence.
    #[error("a licence's credential")]
    FollowsLicence,
    #[error(transparent)]
    Credential(#[from] CredentialError),
}

impl From<Refusal> for StatusError {
    fn from(r: Refusal) -> Self {
        StatusError::Refused(r)
    }
}

impl From<sea_orm::DbErr> for StatusError {
    fn from(e: sea_orm::DbErr) -> Self {
        StatusError::Credential(e.into())
    }
}

/// Which credential a status request names: by its `id`, or the credential itself.
pub enum Named<'a> {
    Id(&'a str),
    Credential(&'a Value),
}

/// The row id a credential's entry for `purpose` points at, if it points at one of our lists.
fn slot(issuer: &Issuer<'_>, credential: &Value, purpose: StatusPurpose) -> Option<i64> {
    let entries = match &credential["credentialStatus"] {
        Value::Array(a) => a.clone(),
        Value::Object(_) => vec![credential["credentialStatus"].clone()],
        _ => vec![],
    };
    let entry = entries
        .iter()
        .find(|e| e["statusPurpose"].as_str() == Some(purpose.name()))?;
    let prefix = format!(
        "{}/",
        list_url(issuer.base, purpose, 0).trim_end_matches("/0")
    );
    let list: i64 = entry["statusListCredential"]
        .as_str()?
        .strip_prefix(&prefix)?
        .parse()
        .ok()?;
    let index: i64 = entry["statusListIndex"].as_str()?.parse().ok()?;
    (0..LIST_SIZE)
        .contains(&index)
        .then(|| list.checked_mul(LIST_SIZE)?.checked_add(index))
        .flatten()
}

/// Sets (`status` true) or clears the `purpose` bit of the VC API credential `named`, for
/// `actor`; a new stamp has every node rebuild the list, and the change is audited.
pub async fn set_status(
    issuer: &Issuer<'_>,
    actor: &Actor,
    named: Named<'_>,
    purpose: StatusPurpose,
    status: bool,
    now: DateTime<Utc>,
) -> Result<(), StatusError> {
    authorize_issue(actor)?;
    let row = match named {
        Named::Id(id) => {
            credential::Entity::find()
                .filter(credential::Column::VcId.eq(id))
                .order_by_desc(credential::Column::Id)
                .one(issuer.db)
                .await?
        }
        Named::Credential(c) => match slot(issuer, c, purpose) {
            Some(id) => credential::Entity::find_by_id(id).one(issuer.db).await?,
            None => None,
        },
    }
    .ok_or(CredentialError::NotFound)?;
    if row.licence_id.is_some() {
        return Err(StatusError::FollowsLicence);
    }
    let on = row
        .purposes
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .any(|p| p == purpose.name());
    if !on {
        return Err(refusal(
            "statusPurpose",
            STATUS_PURPOSE_ABSENT,
            format!("the credential has no {} entry", purpose.name()),
        )
        .into());
    }
    let column = match purpose {
        StatusPurpose::Revocation => credential::Column::Revoked,
        StatusPurpose::Suspension => credential::Column::Suspended,
    };
    let was = match purpose {
        StatusPurpose::Revocation => row.revoked,
        StatusPurpose::Suspension => row.suspended,
    };
    let tx = crate::db::begin_write(issuer.db).await?;
    let changed = credential::Entity::update_many()
        .col_expr(column, Expr::value(status))
        .filter(credential::Column::Id.eq(row.id))
        .filter(column.ne(status))
        .exec(&tx)
        .await?;
    if changed.rows_affected > 0 {
        super::status::stamp(&tx, now).await?;
    }
    audit::record(
        &tx,
        Change::by(actor, "credentials.status_set", "credential", row.id)
            .before(json!({"purpose": purpose.name(), "status": was}))
            .after(json!({"purpose": purpose.name(), "status": status, "id": row.vc_id})),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
