//! Documents on an application: the unit (or the office) uploads a file naming which of the
//! permit type's documents it is, or `other`; kind and size checked by `kernel::upload`, as
//! case attachments are; kept in the database so every node serves them. Read only by the
//! unit and the office(s) deciding the application, never on the public tracking page.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    FromQueryResult, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde_json::json;

use super::entity::document;
use super::error::LicensingError;
use super::exchange::{side, still_open};
use super::view::DocumentView;
use super::{permit_types, read};
use crate::access::Actor;
use crate::access::licensing::Side;
use crate::audit::{self, Change};
use crate::kernel::{FieldError, upload};

/// The form field and API part naming which document a file is.
pub const FIELD: &str = "document";

/// Uploads `bytes` as document `code` of application `id`.
pub async fn upload(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    code: &str,
    file_name: &str,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> Result<DocumentView, LicensingError> {
    // The file is checked (and hashed) before the write lock is taken.
    let file = upload::check(file_name, bytes);
    let tx = crate::db::begin_write(db).await?;
    let a = read::scoped(&tx, actor, id).await?;
    let from = side(&tx, actor, &a).await?;
    still_open(&a)?;
    let (_, def) = permit_types::version(&tx, a.version_id).await?;
    let code = code.trim();
    let mut errs: Vec<FieldError> = Vec::new();
    if code.is_empty() {
        errs.push(FieldError::new(FIELD, "required"));
    } else if !def.names_document(code) {
        errs.push(FieldError::new(FIELD, "unknown_document"));
    }
    let file = match file {
        Ok(f) if errs.is_empty() => f,
        Ok(_) => return Err(LicensingError::Invalid(errs)),
        Err(e) => {
            errs.push(e);
            return Err(LicensingError::Invalid(errs));
        }
    };
    let m = document::ActiveModel {
        application_id: Set(a.id),
        document: Set(code.to_owned()),
        file_name: Set(file.name),
        content_type: Set(file.content_type.to_owned()),
        size: Set(file.size),
        sha256: Set(file.sha256),
        content: Set(bytes.to_vec()),
        uploaded_by: Set(actor.user_id()),
        from_applicant: Set(from == Side::Applicant),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    audit::record(
        &tx,
        Change::by(actor, "application.document", "application_document", m.id).after(json!({
            "application_id": a.id,
            "document": &m.document,
            "file_name": &m.file_name,
            "size": m.size,
            "sha256": &m.sha256,
            "from_applicant": m.from_applicant,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(view(Row {
        id: m.id,
        document: m.document,
        file_name: m.file_name,
        content_type: m.content_type,
        size: m.size,
        sha256: m.sha256,
        from_applicant: m.from_applicant,
        created_at: m.created_at,
    }))
}

/// A document without its bytes.
#[derive(FromQueryResult)]
struct Row {
    id: i64,
    document: String,
    file_name: String,
    content_type: String,
    size: i64,
    sha256: String,
    from_applicant: bool,
    created_at: DateTime<Utc>,
}

fn view(r: Row) -> DocumentView {
    DocumentView {
        id: r.id,
        document: r.document,
        file_name: r.file_name,
        content_type: r.content_type,
        size: r.size,
        sha256: r.sha256,
        from_applicant: r.from_applicant,
        created_at: r.created_at,
    }
}

/// The documents of application `id` (its reader checked by the caller), oldest first.
pub(super) async fn list<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<Vec<DocumentView>, LicensingError> {
    use document::Column as C;
    let rows = document::Entity::find()
        .select_only()
        .columns([
            C::Id,
            C::Document,
            C::FileName,
            C::ContentType,
            C::Size,
            C::Sha256,
            C::FromApplicant,
            C::CreatedAt,
        ])
        .filter(C::ApplicationId.eq(id))
        .order_by_asc(C::Id)
        .into_model::<Row>()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(view).collect())
}

/// One document's name, type and bytes, for the unit and the office(s) deciding it.
pub async fn download(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    doc_id: i64,
) -> Result<(String, String, Vec<u8>), LicensingError> {
    let a = read::scoped(db, actor, id).await?;
    side(db, actor, &a).await?;
    let d = document::Entity::find_by_id(doc_id)
        .filter(document::Column::ApplicationId.eq(a.id))
        .one(db)
        .await?
        .ok_or(LicensingError::NotFound)?;
    Ok((d.file_name, d.content_type, d.content))
}
