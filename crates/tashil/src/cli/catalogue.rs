//! `tashil import standards`, `tashil export standards` and `tashil search reindex`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

use crate::config::StorageConfig;
use crate::i18n::Lang;

#[derive(Subcommand)]
pub enum SearchAction {
    /// Rebuild this node's index of the standards catalogue from the database.
    Reindex,
}

pub async fn search(storage: StorageConfig, action: SearchAction) -> anyhow::Result<ExitCode> {
    let SearchAction::Reindex = action;
    let db = super::open(&storage).await?;
    let started = std::time::Instant::now();
    let catalogue = crate::search::Catalogue::open(&storage.data_dir)?;
    catalogue.rebuild(&db).await?;
    let size = dir_size(&storage.data_dir.join("search"));
    eprintln!(
        "search index rebuilt in {:.2} s ({:.1} MB)",
        started.elapsed().as_secs_f64(),
        size as f64 / 1e6
    );
    Ok(ExitCode::SUCCESS)
}

fn dir_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

pub async fn import(
    storage: StorageConfig,
    file: PathBuf,
    encoding: Option<String>,
    lang: String,
) -> anyhow::Result<ExitCode> {
    let lang = Lang::parse(&lang).unwrap_or(Lang::En);
    let db = super::open(&storage).await?;
    let (name, bytes) = super::read_import_file(&file)?;
    let started = std::time::Instant::now();
    let opts = tashil_sheets::ReadOptions {
        encoding,
        ..Default::default()
    };
    let report = crate::standards::import(&db, None, &name, &bytes, &opts, chrono::Utc::now())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(super::print_import_report(
        lang,
        &report,
        "standards",
        started,
    ))
}

pub async fn export(
    storage: StorageConfig,
    file: PathBuf,
    lang: String,
) -> anyhow::Result<ExitCode> {
    let lang = Lang::parse(&lang).unwrap_or(Lang::Fa);
    let db = super::open(&storage).await?;
    let records = crate::standards::all_records(&db).await?;
    let format = crate::standards::ExportFormat::of_file(&file);
    let body = crate::standards::export_file(&records, format, lang)?;
    std::fs::write(&file, body)?;
    eprintln!("wrote {} standards to {}", records.len(), file.display());
    Ok(ExitCode::SUCCESS)
}
