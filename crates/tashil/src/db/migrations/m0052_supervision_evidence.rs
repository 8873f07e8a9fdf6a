//! Evidence of inspections: photos and documents attached to a checklist answer or a finding
//! by the inspector, or to a CAPA by the unit, kept in the database so every node serves them.
//! One table names its owner by kind and id; the inspection and its province are kept beside
//! it, so a read is scoped as the inspection's is. Also the link from an inspection to the
//! market samples its inspector sent to a lab (conformity's test requests).

use sea_orm_migration::{prelude::*, schema::*};

use super::columns::{TableColumns, create, created_at, drop_tables, ix, province, ux, with_id};

const EVIDENCE: &str = "supervision_evidence";
const SAMPLES: &str = "supervision_inspection_samples";

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let evidence = with_id(EVIDENCE)
        .owned_by("inspection_id", "supervision_inspections")
        .col(province())
        // item (a checklist answer), finding (the inspector's), capa (the unit's answer).
        .col(string("owner_kind"))
        .col(big_integer("owner_id"))
        .cols([string("file_name"), string("content_type")])
        .cols([big_integer("size"), string("sha256"), blob("content")])
        .refers("uploaded_by", "users")
        .col(created_at())
        .to_owned();
    create(
        m,
        evidence,
        &[ix(
            "ix_supervision_evidence_owner",
            &["inspection_id", "owner_kind", "owner_id"],
        )],
    )
    .await?;
    let samples = with_id(SAMPLES)
        .owned_by("inspection_id", "supervision_inspections")
        .col(province())
        .refers("request_id", "test_requests")
        .refers("sent_by", "users")
        .col(created_at())
        .to_owned();
    create(
        m,
        samples,
        &[
            ux("ux_supervision_inspection_samples", &["request_id"]),
            ix("ix_supervision_inspection_samples", &["inspection_id"]),
        ],
    )
    .await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    drop_tables(m, &[SAMPLES, EVIDENCE]).await
}
