//! The schema the migrations make, snapshotted per backend (`tests/it/snapshots/`): a change
//! to a migration or to the helpers migrations share shows as a diff, and a refactoring of
//! them must leave both snapshots as they are. A new migration: run the tests with
//! `INSTA_UPDATE=always` on SQLite and on PostgreSQL, read the diff, commit both snapshots.

use sea_orm::{ConnectionTrait, DbBackend, Statement};

use crate::helpers::TestApp;

/// Every row of `sql`, its columns joined by ` | `, one line each.
async fn lines(app: &TestApp, sql: &str) -> Vec<String> {
    let b = app.db.get_database_backend();
    let rows = app
        .db
        .query_all_raw(Statement::from_string(b, sql))
        .await
        .expect(sql);
    rows.iter()
        .map(|r| {
            let mut cols = vec![];
            let mut i = 0;
            while let Ok(v) = r.try_get_by_index::<Option<String>>(i) {
                cols.push(v.unwrap_or_else(|| "NULL".into()));
                i += 1;
            }
            cols.join(" | ")
        })
        .collect()
}

/// Tables with their columns, keys and indexes, in a stable order, and the migrations applied.
async fn schema(app: &TestApp) -> String {
    let queries: &[&str] = match app.db.get_database_backend() {
        DbBackend::Sqlite => &[
            "SELECT type, name, tbl_name, sql FROM sqlite_master \
             WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
            "SELECT version FROM seaql_migrations ORDER BY version",
        ],
        _ => &[
            "SELECT table_name::text, ordinal_position::text AS pos, column_name::text, \
             data_type::text, character_maximum_length::text, is_nullable::text, \
             column_default::text, is_identity::text, identity_generation::text, \
             collation_name::text FROM information_schema.columns \
             WHERE table_schema = 'public' ORDER BY table_name, ordinal_position",
            "SELECT conrelid::regclass::text, conname::text, pg_get_constraintdef(oid) \
             FROM pg_constraint WHERE connamespace = 'public'::regnamespace \
             ORDER BY conrelid::regclass::text, conname",
            "SELECT tablename::text, indexname::text, indexdef FROM pg_indexes \
             WHERE schemaname = 'public' ORDER BY tablename, indexname",
            "SELECT version FROM seaql_migrations ORDER BY version",
        ],
    };
    let mut out = vec![];
    for q in queries {
        out.extend(lines(app, q).await);
        out.push(String::new());
    }
    out.join("\n")
}

#[tokio::test]
async fn the_migrations_make_the_schema_they_always_made() {
    let app = TestApp::spawn().await;
    let name = match app.db.get_database_backend() {
        DbBackend::Sqlite => "schema_sqlite",
        _ => "schema_postgres",
    };
    insta::assert_snapshot!(name, schema(&app).await);
}
