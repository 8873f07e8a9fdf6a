//! Process-independent settings kept in the database, such as the secret that signs CSRF
//! tokens: every instance behind a load balancer must agree on it.

use rand::RngCore;
use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement};

async fn get(db: &impl ConnectionTrait, key: &str) -> Result<Option<String>, DbErr> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            param_sql(backend, "SELECT value FROM settings WHERE key = ?"),
            [key.into()],
        ))
        .await?;
    row.map(|r| r.try_get::<String>("", "value")).transpose()
}

/// Returns the value for `key`, creating it with `make` if absent; when two processes race,
/// the first insert wins and both read it back.
pub async fn get_or_create(
    db: &impl ConnectionTrait,
    key: &str,
    make: impl FnOnce() -> String,
) -> Result<String, DbErr> {
    if let Some(v) = get(db, key).await? {
        return Ok(v);
    }
    let backend = db.get_database_backend();
    db.execute_raw(Statement::from_sql_and_values(
        backend,
        param_sql(
            backend,
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
        ),
        [key.into(), make().into()],
    ))
    .await?;
    get(db, key)
        .await?
        .ok_or_else(|| DbErr::Custom(format!("setting {key} vanished")))
}

/// A fresh random secret, hex-encoded.
pub fn random_secret() -> String {
    let mut b = [0u8; 32];
    rand::rng().fill_bytes(&mut b);
    hex::encode(b)
}

/// A raw statement written once with `?` placeholders, for either backend.
pub fn statement(
    backend: DbBackend,
    sql: &str,
    values: impl IntoIterator<Item = sea_orm::Value>,
) -> sea_orm::Statement {
    sea_orm::Statement::from_sql_and_values(backend, param_sql(backend, sql), values)
}

/// Rewrites `?` placeholders to `$n` for PostgreSQL, so raw statements are written once.
pub fn param_sql(backend: DbBackend, sql: &str) -> String {
    if backend != DbBackend::Postgres {
        return sql.to_string();
    }
    let mut out = String::with_capacity(sql.len() + 8);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push('$');
            out.push_str(&n.to_string());
        } else {
            out.push(c);
        }
    }
    out
}
