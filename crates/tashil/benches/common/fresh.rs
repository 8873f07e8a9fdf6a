//! A fresh, migrated database for one measured run: SQLite in a temporary folder, or a new
//! database on a PostgreSQL server, dropped after the run.

use anyhow::Result;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use tashil::config::StorageConfig;

pub struct Fresh {
    pub db: DatabaseConnection,
    pub storage: StorageConfig,
    _dir: tempfile::TempDir,
    pg: Option<(String, String)>,
}

impl Fresh {
    /// On SQLite, or (with `admin`, a server's URL) on a new PostgreSQL database.
    pub async fn new(admin: Option<&str>) -> Result<Fresh> {
        let dir = tempfile::tempdir()?;
        let (url, pg) = match admin {
            None => (None, None),
            Some(admin) => {
                let name = format!("tashil_bench_{}", uuid::Uuid::new_v4().simple());
                let conn = sea_orm::Database::connect(admin).await?;
                conn.execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await?;
                conn.close().await.ok();
                (
                    Some(with_db_name(admin, &name)),
                    Some((admin.to_string(), name)),
                )
            }
        };
        let storage = StorageConfig::new(dir.path().join("data"), url);
        let db = tashil::cli::open(&storage).await?;
        Ok(Fresh {
            db,
            storage,
            _dir: dir,
            pg,
        })
    }

    pub fn label(&self) -> &'static str {
        if self.pg.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    }

    pub async fn drop_it(self) -> Result<()> {
        self.db.close().await.ok();
        if let Some((admin, name)) = self.pg {
            let conn = sea_orm::Database::connect(&admin).await?;
            conn.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}"))
                .await?;
        }
        Ok(())
    }
}

/// `url` naming database `name` instead of its own.
fn with_db_name(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let stem = match base.rfind('/') {
        Some(i) if i > base.find("//").map_or(0, |d| d + 1) => &base[..i],
        _ => base,
    };
    match query {
        Some(q) => format!("{stem}/{name}?{q}"),
        None => format!("{stem}/{name}"),
    }
}
