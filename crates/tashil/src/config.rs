//! Where Tashil keeps its data and which database it talks to.

use std::path::{Path, PathBuf};

/// How the process reaches its database. SQLite is the default (one province, one process);
/// PostgreSQL is the production database shared by several identical processes.
#[derive(Clone, Debug)]
pub struct StorageConfig {
    pub data_dir: PathBuf,
    pub database_url: Option<String>,
}

impl StorageConfig {
    pub fn new(data_dir: impl Into<PathBuf>, database_url: Option<String>) -> Self {
        Self {
            data_dir: data_dir.into(),
            database_url: database_url.filter(|u| !u.trim().is_empty()),
        }
    }

    pub fn sqlite_path(&self) -> PathBuf {
        self.data_dir.join("tashil.db")
    }

    /// The URL sea-orm connects to: the explicit one, else the embedded SQLite file.
    pub fn url(&self) -> String {
        match &self.database_url {
            Some(u) => u.clone(),
            None => format!("sqlite://{}?mode=rwc", path_for_url(&self.sqlite_path())),
        }
    }

    pub fn is_sqlite(&self) -> bool {
        self.url().starts_with("sqlite:")
    }
}

fn path_for_url(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}
