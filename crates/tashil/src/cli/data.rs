use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use crate::config::StorageConfig;
use crate::i18n::Lang;
use crate::kernel::import::Progress;
use crate::registry::{Importer, import_units};

#[derive(Args)]
pub struct DemoArgs {
    /// Total number of production units across the demo provinces (the default matches
    /// docs/domain.md: 4,000 in Qazvin and the other provinces in proportion).
    #[arg(long)]
    pub units: Option<u64>,
    /// Number of standards in the demo catalogue (default 3,000).
    #[arg(long)]
    pub standards: Option<u64>,
    /// Seed of the deterministic generator.
    #[arg(long, default_value_t = 1402)]
    pub seed: u64,
}

pub async fn demo(storage: StorageConfig, args: DemoArgs) -> anyhow::Result<ExitCode> {
    let db = super::open(&storage).await?;
    let scale = crate::demo::Scale {
        total_units: args
            .units
            .unwrap_or(crate::demo::Scale::default().total_units),
        standards: args
            .standards
            .unwrap_or(crate::demo::Scale::default().standards),
        seed: args.seed,
    };
    let started = std::time::Instant::now();
    if crate::demo::ensure(&db, scale).await? {
        eprintln!(
            "demo data generated in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        println!("{}", crate::demo::logins_text());
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("the database already has data; demo generation skipped");
        Ok(ExitCode::SUCCESS)
    }
}

#[derive(Subcommand)]
pub enum ImportWhat {
    /// Production units from CSV or XLSX.
    Units {
        file: PathBuf,
        /// Text encoding of a CSV that is not UTF-8 (e.g. windows-1256).
        #[arg(long)]
        encoding: Option<String>,
        /// Language of the error report.
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Standards from CSV, XLSX (one per row) or JSON (with clauses).
    Standards {
        file: PathBuf,
        /// Text encoding of a CSV that is not UTF-8 (e.g. windows-1256).
        #[arg(long)]
        encoding: Option<String>,
        /// Language of the error report.
        #[arg(long, default_value = "en")]
        lang: String,
    },
}

#[derive(Subcommand)]
pub enum ExportWhat {
    /// Production units to CSV or XLSX (by the file's extension).
    Units {
        file: PathBuf,
        /// Only this province (code).
        #[arg(long)]
        province: Option<String>,
        /// Language of headers and labels.
        #[arg(long, default_value = "fa")]
        lang: String,
    },
    /// The whole standards catalogue to JSON (with clauses), CSV or XLSX (by the extension).
    Standards {
        file: PathBuf,
        /// Language of headers and labels (CSV and XLSX).
        #[arg(long, default_value = "fa")]
        lang: String,
    },
}

struct Bar(ProgressBar);

impl Progress for Bar {
    fn stage(&self, name: &'static str, total: u64) {
        self.0.set_position(0);
        self.0.set_length(total);
        self.0.set_message(name);
    }
    fn advance(&self, n: u64) {
        self.0.inc(n);
    }
}

pub async fn import(storage: StorageConfig, what: ImportWhat) -> anyhow::Result<ExitCode> {
    let (file, encoding, lang) = match what {
        ImportWhat::Units {
            file,
            encoding,
            lang,
        } => (file, encoding, lang),
        ImportWhat::Standards {
            file,
            encoding,
            lang,
        } => return super::catalogue::import(storage, file, encoding, lang).await,
    };
    let lang = Lang::parse(&lang).unwrap_or(Lang::En);
    let db = super::open(&storage).await?;
    let (name, bytes) = super::read_import_file(&file)?;
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg:>9} [{bar:40}] {pos}/{len} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = std::time::Instant::now();
    let opts = tashil_sheets::ReadOptions {
        encoding,
        ..Default::default()
    };
    let report = import_units(
        &db,
        Importer::Operator,
        &name,
        &bytes,
        &opts,
        &Bar(bar.clone()),
    )
    .await?;
    bar.finish_and_clear();
    Ok(super::print_import_report(lang, &report, "units", started))
}

pub async fn export(storage: StorageConfig, what: ExportWhat) -> anyhow::Result<ExitCode> {
    let (file, province, lang) = match what {
        ExportWhat::Units {
            file,
            province,
            lang,
        } => (file, province, lang),
        ExportWhat::Standards { file, lang } => {
            return super::catalogue::export(storage, file, lang).await;
        }
    };
    let lang = Lang::parse(&lang).unwrap_or(Lang::Fa);
    let db = super::open(&storage).await?;
    let operator = crate::identity::operator();
    let province = province.unwrap_or_default();
    let (headers, rows) = crate::registry::export_rows(&db, &operator, &province, lang)
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let is_xlsx = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let body = if is_xlsx {
        let rows: Vec<Vec<tashil_sheets::ExportCell>> = rows
            .into_iter()
            .map(|r| r.into_iter().map(tashil_sheets::ExportCell::Text).collect())
            .collect();
        tashil_sheets::write_xlsx("units", &headers, &rows, lang.is_rtl())
            .map_err(|e| anyhow::anyhow!("{e:?}"))?
    } else {
        tashil_sheets::write_csv(&headers, &rows)
    };
    std::fs::write(&file, body)?;
    eprintln!("wrote {}", file.display());
    Ok(ExitCode::SUCCESS)
}
