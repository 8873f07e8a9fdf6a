//! Evidence of an inspection: photos and documents the inspector attaches to a checklist
//! answer or a finding while the inspection is open, and the unit to its CAPA answer (so the
//! inspector can close a finding "from evidence"). Kept in the database, so every node serves
//! them; kind and size checked by `kernel::upload`; read by whoever reads the inspection
//! (another province's: 404), never public; each upload audited.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::Serialize;
use serde_json::json;

use super::error::SupervisionError;
use super::evidence_entity::evidence;
use super::inspection_entity::{finding, inspection, item};
use super::inspections::reached;
use super::model::capa::{Severity, Status as FindingStatus};
use super::model::inspection::Status;
use crate::access::Actor;
use crate::access::supervision as rules;
use crate::audit::{self, Change};
use crate::kernel::FieldError;
use crate::web::forms::FormErrors;

/// Files one answer, finding or CAPA may hold: enough photos of a line, bounded so a record
/// stays readable (and the database's share of it small).
pub const MAX_PER_OWNER: u64 = 20;

/// The error codes evidence adds (each has an `err-…` message in every language).
pub const ERROR_CODES: &[&str] = &["too_many_files"];

/// What a file is evidence of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// A checklist answer (the inspector's).
    Item(i64),
    /// A finding (the inspector's).
    Finding(i64),
    /// The unit's CAPA answer to a finding.
    Capa(i64),
}

impl Owner {
    pub fn kind(self) -> &'static str {
        match self {
            Owner::Item(_) => "item",
            Owner::Finding(_) => "finding",
            Owner::Capa(_) => "capa",
        }
    }

    pub fn id(self) -> i64 {
        match self {
            Owner::Item(id) | Owner::Finding(id) | Owner::Capa(id) => id,
        }
    }
}

/// A file of evidence, without its content.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct EvidenceInfo {
    pub id: i64,
    pub inspection_id: i64,
    /// item, finding or capa.
    pub owner_kind: String,
    /// The checklist item's id (item) or the finding's (finding, capa).
    pub owner_id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    pub created_at: DateTime<Utc>,
}

/// The inspection `owner` belongs to, if the actor may attach to it: the inspector of its
/// province while it is in progress (answers, findings), the unit's user while a finding
/// that owes a CAPA is not closed. Out of reach: 404, in reach but not the actor's to
/// attach: 403, at the wrong moment: 409.
async fn owner_inspection<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    owner: Owner,
) -> Result<inspection::Model, SupervisionError> {
    let scope = rules::inspection_scope(actor)?;
    let inspection_id = match owner {
        Owner::Item(id) => item::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|i| i.inspection_id),
        Owner::Finding(id) | Owner::Capa(id) => finding::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|f| f.inspection_id),
    }
    .ok_or(SupervisionError::NotFound)?;
    let m = reached(db, &scope, inspection_id).await?;
    match owner {
        Owner::Item(_) | Owner::Finding(_) => {
            let g = rules::authorize_inspect(actor)?;
            if g.province() != m.province_code {
                return Err(SupervisionError::NotFound);
            }
            if m.status != Status::InProgress.as_str() {
                return Err(SupervisionError::Conflict);
            }
        }
        Owner::Capa(id) => {
            rules::authorize_unit(actor)?;
            let f = finding::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or(SupervisionError::NotFound)?;
            if !capa_open(&f.severity, &f.status) {
                return Err(SupervisionError::Conflict);
            }
        }
    }
    Ok(m)
}

/// A finding that owes (or owed) a CAPA and is not closed: its evidence may still come.
fn capa_open(severity: &str, status: &str) -> bool {
    Severity::parse(severity).is_some_and(|s| s.needs_capa())
        && FindingStatus::parse(status).is_some_and(|s| s != FindingStatus::Closed)
}

/// Attaches the file `file_name` (`bytes`) to `owner`; `within`, when given, is the
/// inspection the caller's address names (another one: 404).
pub async fn attach(
    db: &DatabaseConnection,
    actor: &Actor,
    within: Option<i64>,
    owner: Owner,
    file_name: &str,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> Result<EvidenceInfo, SupervisionError> {
    let txn = crate::db::begin_write(db).await?;
    let m = owner_inspection(&txn, actor, owner).await?;
    if within.is_some_and(|w| w != m.id) {
        return Err(SupervisionError::NotFound);
    }
    let file = crate::kernel::upload::check(file_name, bytes)
        .map_err(|e| SupervisionError::Invalid(vec![e]))?;
    let held = evidence::Entity::find()
        .filter(evidence::Column::InspectionId.eq(m.id))
        .filter(evidence::Column::OwnerKind.eq(owner.kind()))
        .filter(evidence::Column::OwnerId.eq(owner.id()))
        .count(&txn)
        .await?;
    if held >= MAX_PER_OWNER {
        return Err(SupervisionError::Invalid(vec![FieldError::new(
            crate::kernel::upload::FIELD,
            "too_many_files",
        )]));
    }
    let e = evidence::ActiveModel {
        inspection_id: Set(m.id),
        province_code: Set(m.province_code.clone()),
        owner_kind: Set(owner.kind().to_owned()),
        owner_id: Set(owner.id()),
        file_name: Set(file.name),
        content_type: Set(file.content_type.to_owned()),
        size: Set(file.size),
        sha256: Set(file.sha256.clone()),
        content: Set(bytes.to_vec()),
        uploaded_by: Set(actor.user_id()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Change::by(
            actor,
            "supervision.evidence.add",
            "supervision_evidence",
            e.id,
        )
        .after(json!({
            "inspection_id": m.id, "owner_kind": owner.kind(), "owner_id": owner.id(),
            "file_name": e.file_name, "size": e.size, "sha256": file.sha256,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(info(&e))
}

fn info(e: &evidence::Model) -> EvidenceInfo {
    EvidenceInfo {
        id: e.id,
        inspection_id: e.inspection_id,
        owner_kind: e.owner_kind.clone(),
        owner_id: e.owner_id,
        file_name: e.file_name.clone(),
        content_type: e.content_type.clone(),
        size: e.size,
        created_at: e.created_at,
    }
}

type Row = (i64, i64, String, i64, String, String, i64, DateTime<Utc>);

/// The evidence of inspection `id`, oldest first, for whoever reads the inspection.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
) -> Result<Vec<EvidenceInfo>, SupervisionError> {
    let scope = rules::inspection_scope(actor)?;
    reached(db, &scope, id).await?;
    of_inspection(db, id).await
}

async fn of_inspection<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<Vec<EvidenceInfo>, SupervisionError> {
    use evidence::Column as C;
    let rows: Vec<Row> = evidence::Entity::find()
        .select_only()
        .columns([
            C::Id,
            C::InspectionId,
            C::OwnerKind,
            C::OwnerId,
            C::FileName,
            C::ContentType,
            C::Size,
            C::CreatedAt,
        ])
        .filter(C::InspectionId.eq(id))
        .order_by_asc(C::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, inspection_id, owner_kind, owner_id, file_name, content_type, size, at)| {
                EvidenceInfo {
                    id,
                    inspection_id,
                    owner_kind,
                    owner_id,
                    file_name,
                    content_type,
                    size,
                    created_at: at,
                }
            },
        )
        .collect())
}

/// File `id`'s name, type and bytes, for whoever reads its inspection; `within`, when given,
/// is the inspection the caller's address names.
pub async fn download(
    db: &DatabaseConnection,
    actor: &Actor,
    within: Option<i64>,
    id: i64,
) -> Result<(String, String, Vec<u8>), SupervisionError> {
    let scope = rules::inspection_scope(actor)?;
    let e = evidence::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(SupervisionError::NotFound)?;
    if within.is_some_and(|w| w != e.inspection_id) {
        return Err(SupervisionError::NotFound);
    }
    reached(db, &scope, e.inspection_id).await?;
    Ok((e.file_name, e.content_type, e.content))
}

/// What the inspection page shows of its evidence: the files, and where the reader may add.
pub struct Shelf {
    inspection_id: i64,
    files: Vec<EvidenceInfo>,
    /// The inspector of the province, the inspection in progress.
    inspector_may: bool,
    /// The unit's user: the findings whose CAPA may still take evidence.
    capa_open: Vec<i64>,
    /// The market samples sent from it that the reader reads, with their verdicts.
    pub samples: Vec<super::samples::InspectionSample>,
}

/// The files of one answer, finding or CAPA on the page, and the form to add one.
pub struct Slot<'a> {
    pub kind: &'static str,
    pub owner: i64,
    /// The message key naming what the files are evidence of.
    pub title: String,
    pub files: Vec<&'a EvidenceInfo>,
    /// The upload form's address, if the reader may add.
    pub action: Option<String>,
    pub error: String,
}

impl Shelf {
    /// The inspector may send a market sample (the same moment as adding evidence).
    pub fn may_send(&self) -> bool {
        self.inspector_may
    }

    /// The slots of `kind` ("item", or "finding" with its CAPA's) for `owner`.
    pub fn slots(&self, kind: &str, owner: &i64, errors: &FormErrors) -> Vec<Slot<'_>> {
        let kinds: &[&'static str] = if kind == "item" {
            &["item"]
        } else {
            &["finding", "capa"]
        };
        kinds
            .iter()
            .map(|&k| {
                let may = match k {
                    "capa" => self.capa_open.contains(owner),
                    _ => self.inspector_may,
                };
                let base = format!("/supervision/inspections/{}", self.inspection_id);
                let action = may.then(|| match k {
                    "item" => format!("{base}/items/{owner}/evidence"),
                    "finding" => format!("{base}/findings/{owner}/evidence"),
                    _ => format!("{base}/findings/{owner}/capa/evidence"),
                });
                Slot {
                    kind: k,
                    owner: *owner,
                    title: format!("supervision-evidence-{k}"),
                    files: self
                        .files
                        .iter()
                        .filter(|f| f.owner_kind == k && f.owner_id == *owner)
                        .collect(),
                    action,
                    error: errors.get(&format!("evidence-{k}-{owner}.file")),
                }
            })
            .collect()
    }
}

/// The shelf of inspection `v` for `actor`, who reads it already.
pub(super) async fn shelf(
    db: &DatabaseConnection,
    actor: &Actor,
    v: &super::InspectionView,
    now: DateTime<Utc>,
) -> Result<Shelf, SupervisionError> {
    let id = v.row.id;
    let inspector_may = rules::authorize_inspect(actor)
        .is_ok_and(|g| g.province() == v.row.province)
        && v.row.status == Status::InProgress;
    let capa_open = if rules::authorize_unit(actor).is_ok() {
        v.findings
            .iter()
            .filter(|f| f.severity.needs_capa() && f.status != FindingStatus::Closed)
            .map(|f| f.id)
            .collect()
    } else {
        vec![]
    };
    Ok(Shelf {
        inspection_id: id,
        files: of_inspection(db, id).await?,
        inspector_may,
        capa_open,
        samples: super::samples::of_inspection(db, actor, id, now).await?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_capa_owed_and_not_closed_takes_the_units_evidence() {
        assert!(capa_open("major", "open"));
        assert!(capa_open("critical", "capa_submitted"));
        assert!(capa_open("major", "returned"));
        assert!(!capa_open("major", "closed"));
        assert!(!capa_open("minor", "open"));
        assert!(!capa_open("nonsense", "open"));
    }
}
