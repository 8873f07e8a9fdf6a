//! One migration set for SQLite and PostgreSQL. Each migration is a file named for what it
//! adds, holding its `up` and `down`; `columns` holds what they share. CI runs them all on
//! both backends.

mod columns;
mod m0001_foundation;
mod m0002_registry;
mod m0003_standards;
mod m0004_facilitation;
mod m0005_deregulation;
mod m0006_case_attachments;
mod m0007_case_units;
mod m0008_mail_outbox;
mod m0009_audit_checkpoints;
mod m0010_user_time_zone;
mod m0011_unit_counts;
mod m0012_unit_terms_by_province;
mod m0020_licensing;
mod m0030_working_calendar;
mod m0032_licence_register;
mod m0033_lead_times;
mod m0034_application_documents;
mod m0035_mandatory_by_country;
mod m0036_credentials;
mod m0037_list_indexes;
mod m0038_wallet_offers;
mod m0039_provincial_issuers;
mod m0040_credentials_without_licence;
mod m0041_conformity;
mod m0042_test_reports;
mod m0043_quality;
mod m0045_sample_amendments;
mod m0046_quality_advice;
mod m0047_quality_capability_days;
mod m0048_supervision;
mod m0049_supervision_inspections;
mod m0050_supervision_measures;
mod m0051_supervision_complaints;
mod m0052_supervision_evidence;

pub use m0035_mandatory_by_country::backfill as backfill_mandatory_lists;

use sea_orm_migration::prelude::*;

pub struct Migrator;

/// A migration file's `up` and `down` as the migrator takes them, named for the file (the
/// name an installation records: never rename a file).
macro_rules! migration {
    ($file:ident) => {{
        struct File;
        impl MigrationName for File {
            fn name(&self) -> &str {
                stringify!($file)
            }
        }
        #[async_trait::async_trait]
        impl MigrationTrait for File {
            async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
                $file::up(m).await
            }
            async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
                $file::down(m).await
            }
        }
        Box::new(File) as Box<dyn MigrationTrait>
    }};
}

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            migration!(m0001_foundation),
            migration!(m0002_registry),
            migration!(m0003_standards),
            migration!(m0004_facilitation),
            migration!(m0005_deregulation),
            migration!(m0006_case_attachments),
            migration!(m0007_case_units),
            migration!(m0008_mail_outbox),
            migration!(m0009_audit_checkpoints),
            migration!(m0010_user_time_zone),
            migration!(m0011_unit_counts),
            migration!(m0012_unit_terms_by_province),
            migration!(m0020_licensing),
            migration!(m0030_working_calendar),
            migration!(m0032_licence_register),
            migration!(m0033_lead_times),
            migration!(m0034_application_documents),
            migration!(m0035_mandatory_by_country),
            migration!(m0036_credentials),
            migration!(m0037_list_indexes),
            migration!(m0038_wallet_offers),
            migration!(m0039_provincial_issuers),
            migration!(m0040_credentials_without_licence),
            migration!(m0041_conformity),
            migration!(m0042_test_reports),
            migration!(m0043_quality),
            migration!(m0045_sample_amendments),
            migration!(m0046_quality_advice),
            migration!(m0047_quality_capability_days),
            migration!(m0048_supervision),
            migration!(m0049_supervision_inspections),
            migration!(m0050_supervision_measures),
            migration!(m0051_supervision_complaints),
            migration!(m0052_supervision_evidence),
        ]
    }
}

/// `C` collation on PostgreSQL so prefix ranges over normalised terms compare bytes, as
/// SQLite's default BINARY collation does.
pub(crate) fn bytewise(backend: sea_orm::DbBackend, col: &mut ColumnDef) -> &mut ColumnDef {
    if backend == sea_orm::DbBackend::Postgres {
        col.extra("COLLATE \"C\"");
    }
    col
}

#[cfg(test)]
mod tests {
    use sea_orm_migration::prelude::*;

    /// An installation records each migration by name: a renamed one would run again.
    #[test]
    fn every_migration_keeps_its_name() {
        let names: Vec<String> = super::Migrator::migrations()
            .iter()
            .map(|m| m.name().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "m0001_foundation",
                "m0002_registry",
                "m0003_standards",
                "m0004_facilitation",
                "m0005_deregulation",
                "m0006_case_attachments",
                "m0007_case_units",
                "m0008_mail_outbox",
                "m0009_audit_checkpoints",
                "m0010_user_time_zone",
                "m0011_unit_counts",
                "m0012_unit_terms_by_province",
                "m0020_licensing",
                "m0030_working_calendar",
                "m0032_licence_register",
                "m0033_lead_times",
                "m0034_application_documents",
                "m0035_mandatory_by_country",
                "m0036_credentials",
                "m0037_list_indexes",
                "m0038_wallet_offers",
                "m0039_provincial_issuers",
                "m0040_credentials_without_licence",
                "m0041_conformity",
                "m0042_test_reports",
                "m0043_quality",
                "m0045_sample_amendments",
                "m0046_quality_advice",
                "m0047_quality_capability_days",
                "m0048_supervision",
                "m0049_supervision_inspections",
                "m0050_supervision_measures",
                "m0051_supervision_complaints",
                "m0052_supervision_evidence",
            ]
        );
    }
}
