//! A credential row without a licence: one the VC API's issue signed with a status entry
//! (ADR 0016). Its id is its index in the status lists, as a licence's is, so both share the
//! table; `purposes` names the lists its entries are on, `issued_by` the administrator who
//! asked and `vc_id` the credential's own `id`, by which `POST /credentials/status` finds it.
//! m0039's `issuer` is carried over. A licence's row keeps its licence, and the unique index
//! on `licence_id` still forbids two rows for one licence (both backends let several rows
//! have none).

use sea_orm_migration::prelude::*;

/// SQLite changes no column's nullability in place: the table is copied, ids kept (the
/// sequence follows the rename), and its indexes made again.
const SQLITE: &[&str] = &[
    "CREATE TABLE \"credentials_new\" ( \"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \
     \"licence_id\" integer NULL, \"code\" varchar(16) NOT NULL UNIQUE, \
     \"suspended\" boolean NOT NULL, \"revoked\" boolean NOT NULL, \"di_rdfc\" text NULL, \
     \"di_jcs\" text NULL, \"vc_jwt\" text NULL, \"key_id\" integer NULL, \
     \"signed_at\" timestamp_with_timezone_text NULL, \
     \"created_at\" timestamp_with_timezone_text NOT NULL, \
     \"issuer\" varchar(32) NOT NULL DEFAULT 'national', \"purposes\" varchar(32) NULL, \
     \"issued_by\" integer NULL, \"vc_id\" text NULL, \
     FOREIGN KEY (\"licence_id\") REFERENCES \"licences\" (\"id\") ON DELETE CASCADE, \
     FOREIGN KEY (\"key_id\") REFERENCES \"credential_issuer_keys\" (\"id\"), \
     FOREIGN KEY (\"issued_by\") REFERENCES \"users\" (\"id\") )",
    "INSERT INTO credentials_new (id, licence_id, code, suspended, revoked, di_rdfc, di_jcs, \
     vc_jwt, key_id, signed_at, created_at, issuer) SELECT id, licence_id, code, suspended, \
     revoked, di_rdfc, di_jcs, vc_jwt, key_id, signed_at, created_at, issuer FROM credentials \
     ORDER BY id",
    "DROP TABLE credentials",
    "ALTER TABLE credentials_new RENAME TO credentials",
    "CREATE UNIQUE INDEX \"ux_credentials_licence\" ON \"credentials\" (\"licence_id\")",
    "CREATE INDEX \"ix_credentials_vc_id\" ON \"credentials\" (\"vc_id\")",
];

const POSTGRES: &[&str] = &[
    "ALTER TABLE credentials ALTER COLUMN licence_id DROP NOT NULL",
    "ALTER TABLE credentials ADD COLUMN purposes varchar(32) NULL",
    "ALTER TABLE credentials ADD COLUMN issued_by bigint NULL \
     CONSTRAINT credentials_issued_by_fkey REFERENCES users (id)",
    "ALTER TABLE credentials ADD COLUMN vc_id text NULL",
    "CREATE INDEX ix_credentials_vc_id ON credentials (vc_id)",
];

/// Back to licences' rows only: the others go (their bits with them).
const SQLITE_DOWN: &[&str] = &[
    "DELETE FROM credentials WHERE licence_id IS NULL",
    "CREATE TABLE \"credentials_old\" ( \"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \
     \"licence_id\" integer NOT NULL, \"code\" varchar(16) NOT NULL UNIQUE, \
     \"suspended\" boolean NOT NULL, \"revoked\" boolean NOT NULL, \"di_rdfc\" text NULL, \
     \"di_jcs\" text NULL, \"vc_jwt\" text NULL, \"key_id\" integer NULL, \
     \"signed_at\" timestamp_with_timezone_text NULL, \
     \"created_at\" timestamp_with_timezone_text NOT NULL, \
     \"issuer\" varchar(32) NOT NULL DEFAULT 'national', \
     FOREIGN KEY (\"licence_id\") REFERENCES \"licences\" (\"id\") ON DELETE CASCADE, \
     FOREIGN KEY (\"key_id\") REFERENCES \"credential_issuer_keys\" (\"id\") )",
    "INSERT INTO credentials_old SELECT id, licence_id, code, suspended, revoked, di_rdfc, \
     di_jcs, vc_jwt, key_id, signed_at, created_at, issuer FROM credentials ORDER BY id",
    "DROP TABLE credentials",
    "ALTER TABLE credentials_old RENAME TO credentials",
    "CREATE UNIQUE INDEX \"ux_credentials_licence\" ON \"credentials\" (\"licence_id\")",
];

const POSTGRES_DOWN: &[&str] = &[
    "DELETE FROM credentials WHERE licence_id IS NULL",
    "DROP INDEX ix_credentials_vc_id",
    "ALTER TABLE credentials DROP COLUMN vc_id",
    "ALTER TABLE credentials DROP COLUMN issued_by",
    "ALTER TABLE credentials DROP COLUMN purposes",
    "ALTER TABLE credentials ALTER COLUMN licence_id SET NOT NULL",
];

pub(super) async fn up(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    super::columns::run_per_backend(m, SQLITE, POSTGRES).await
}

pub(super) async fn down(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    super::columns::run_per_backend(m, SQLITE_DOWN, POSTGRES_DOWN).await
}
