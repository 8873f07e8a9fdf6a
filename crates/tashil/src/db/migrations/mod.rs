//! One migration set for SQLite and PostgreSQL. Each migration is a file named for what it
//! adds; CI runs them all on both backends.

mod m0001_foundation;
mod m0002_registry;
mod m0003_standards;
mod m0004_facilitation;
mod m0005_deregulation;
mod m0006_case_attachments;
mod m0007_case_units;
mod m0008_mail_outbox;
mod m0009_audit_checkpoints;
mod m0010_working_calendar;

use sea_orm_migration::prelude::*;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_foundation::Migration),
            Box::new(m0002_registry::Migration),
            Box::new(m0003_standards::Migration),
            Box::new(m0004_facilitation::Migration),
            Box::new(m0005_deregulation::Migration),
            Box::new(m0006_case_attachments::Migration),
            Box::new(m0007_case_units::Migration),
            Box::new(m0008_mail_outbox::Migration),
            Box::new(m0009_audit_checkpoints::Migration),
            Box::new(m0010_working_calendar::Migration),
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
