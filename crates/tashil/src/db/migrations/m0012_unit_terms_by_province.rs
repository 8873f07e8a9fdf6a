//! A unit's search terms keyed by its province first, `(province_code, term, unit_id)`: a
//! provincial officer's search reads only its province's terms, and national staff read one
//! range per province (ADR 0014). The terms are copied over with their unit's province.

use sea_orm_migration::prelude::*;

const SQLITE: &[&str] = &[
    "CREATE TABLE unit_terms_by_province (province_code TEXT NOT NULL, term TEXT NOT NULL, \
     unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE, \
     PRIMARY KEY (province_code, term, unit_id)) WITHOUT ROWID",
    "INSERT INTO unit_terms_by_province (province_code, term, unit_id) \
     SELECT u.province_code, t.term, t.unit_id FROM unit_terms t JOIN units u ON u.id = t.unit_id \
     ORDER BY 1, 2, 3",
    "DROP TABLE unit_terms",
    "ALTER TABLE unit_terms_by_province RENAME TO unit_terms",
    "CREATE INDEX ix_unit_terms_unit ON unit_terms (unit_id, term)",
];

const POSTGRES: &[&str] = &[
    "CREATE TABLE unit_terms_by_province (province_code varchar NOT NULL, \
     term varchar COLLATE \"C\" NOT NULL, \
     unit_id bigint NOT NULL CONSTRAINT unit_terms_unit_id_fkey REFERENCES units (id) \
     ON DELETE CASCADE)",
    "INSERT INTO unit_terms_by_province (province_code, term, unit_id) \
     SELECT u.province_code, t.term, t.unit_id FROM unit_terms t JOIN units u ON u.id = t.unit_id \
     ORDER BY 1, 2, 3",
    "DROP TABLE unit_terms",
    "ALTER TABLE unit_terms_by_province RENAME TO unit_terms",
    // Indexes built after the copy: one sort each instead of a B-tree grown row by row.
    "ALTER TABLE unit_terms ADD CONSTRAINT unit_terms_pkey PRIMARY KEY (province_code, term, unit_id)",
    "CREATE INDEX ix_unit_terms_unit ON unit_terms (unit_id, term)",
];

/// Back to `(term, unit_id)`, as m0002 made it.
const SQLITE_DOWN: &[&str] = &[
    "CREATE TABLE unit_terms_by_term (term TEXT NOT NULL, unit_id INTEGER NOT NULL \
     REFERENCES units (id) ON DELETE CASCADE, PRIMARY KEY (term, unit_id)) WITHOUT ROWID",
    "INSERT INTO unit_terms_by_term (term, unit_id) SELECT term, unit_id FROM unit_terms ORDER BY 1, 2",
    "DROP TABLE unit_terms",
    "ALTER TABLE unit_terms_by_term RENAME TO unit_terms",
    "CREATE INDEX ix_unit_terms_unit ON unit_terms (unit_id, term)",
];

const POSTGRES_DOWN: &[&str] = &[
    "ALTER TABLE unit_terms DROP CONSTRAINT unit_terms_pkey",
    "ALTER TABLE unit_terms DROP COLUMN province_code",
    "ALTER TABLE unit_terms ADD CONSTRAINT unit_terms_pkey PRIMARY KEY (term, unit_id)",
];

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    super::columns::run_per_backend(m, SQLITE, POSTGRES).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    super::columns::run_per_backend(m, SQLITE_DOWN, POSTGRES_DOWN).await
}
