//! The `tashil` command line: each subcommand a small function in its own file.

mod admin;
mod audit;
mod catalogue;
mod credentials;
mod data;
mod mail;
mod serve;
mod supervision;
mod verify;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::StorageConfig;

#[derive(Parser)]
#[command(
    name = "tashil",
    version,
    about = "Tashil: quality infrastructure and production facilitation for standards bodies, provincial offices and producers."
)]
pub struct Cli {
    /// Directory for the embedded SQLite database and other data.
    #[arg(long, global = true, env = "TASHIL_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,
    /// PostgreSQL URL (postgres://…); without it Tashil uses SQLite in --data-dir.
    #[arg(long, global = true, env = "TASHIL_DATABASE_URL")]
    pub database_url: Option<String>,
    /// Log format: text or json.
    #[arg(long, global = true, default_value = "text")]
    pub log_format: String,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Start the web server and API.
    Serve(serve::ServeArgs),
    /// Bring the database schema up to date.
    Migrate,
    /// Generate deterministic demo data (provinces, users, units).
    Demo(data::DemoArgs),
    /// Import records from a CSV or XLSX file (all or nothing).
    Import {
        #[command(subcommand)]
        what: data::ImportWhat,
    },
    /// Export records to a CSV or XLSX file.
    Export {
        #[command(subcommand)]
        what: data::ExportWhat,
    },
    /// Manage users.
    User {
        #[command(subcommand)]
        action: admin::UserAction,
    },
    /// Issue API tokens for machine clients.
    Token {
        #[command(subcommand)]
        action: admin::TokenAction,
    },
    /// Check the audit trail; sign a checkpoint of its head.
    Audit {
        #[command(subcommand)]
        action: audit::AuditAction,
    },
    /// Manage this node's search index.
    Search {
        #[command(subcommand)]
        action: catalogue::SearchAction,
    },
    /// The email outbox: status, and a test message.
    Mail {
        #[command(subcommand)]
        action: mail::MailAction,
    },
    /// The issuer keys of verifiable credentials.
    Credentials {
        #[command(subcommand)]
        action: credentials::CredentialsAction,
    },
    /// Check a verifiable credential offline: its proof against DID documents given as files,
    /// its validity dates, and its status when the status lists are given as files too.
    /// Exits non-zero when it is not valid.
    Verify(verify::VerifyArgs),
    /// Supervision: recompute the risk scores.
    Supervision {
        #[command(subcommand)]
        action: supervision::SupervisionAction,
    },
    /// Write a consistent copy of the live SQLite database to a file.
    Backup {
        /// Destination file (must not exist).
        out: PathBuf,
    },
}

impl Cli {
    pub fn storage(&self) -> StorageConfig {
        StorageConfig::new(self.data_dir.clone(), self.database_url.clone())
    }
}

pub fn init_tracing(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,sqlx=warn,sea_orm=warn,tower_http=warn".into());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(&cli.log_format);
    // A server lives long and idles; batch commands keep the allocator's growing thresholds,
    // which suit their bursts of large buffers.
    if matches!(cli.command, Command::Serve(_)) {
        crate::memory::tune();
    }
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cannot start runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(dispatch(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    let storage = cli.storage();
    match cli.command {
        Command::Serve(args) => serve::run(storage, args).await,
        Command::Migrate => {
            let db = crate::db::connect(&storage).await?;
            crate::db::migrate(&db).await?;
            eprintln!("schema up to date");
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo(args) => data::demo(storage, args).await,
        Command::Import { what } => data::import(storage, what).await,
        Command::Export { what } => data::export(storage, what).await,
        Command::User { action } => admin::user(storage, action).await,
        Command::Token { action } => admin::token(storage, action).await,
        Command::Audit { action } => audit::audit(storage, action).await,
        Command::Search { action } => catalogue::search(storage, action).await,
        Command::Mail { action } => mail::mail(storage, action).await,
        Command::Credentials { action } => credentials::credentials(storage, action).await,
        Command::Verify(args) => verify::run(args),
        Command::Backup { out } => admin::backup(storage, out).await,
        Command::Supervision { action } => supervision::supervision(storage, action).await,
    }
}

/// Opens the database and brings its schema up to date: every command starts here.
pub async fn open(storage: &StorageConfig) -> anyhow::Result<sea_orm::DatabaseConnection> {
    let db = crate::db::connect(storage).await?;
    crate::db::migrate(&db).await?;
    Ok(db)
}

/// Prints an import's warnings and errors (located as in the spreadsheet) and its outcome;
/// `what` names the rows imported ("units", "standards").
fn print_import_report(
    lang: crate::i18n::Lang,
    report: &crate::kernel::import::ImportReport,
    what: &str,
    started: std::time::Instant,
) -> ExitCode {
    use crate::web::import_page::report_lines;
    let line = |l: &crate::web::import_page::ReportLine| match l.file_level {
        true => l.message.clone(),
        false => format!("row {} {}: {}", l.row, l.column, l.message),
    };
    for w in report_lines(lang, &report.warnings) {
        eprintln!("warning: {}", line(&w));
    }
    if !report.ok() {
        for e in report_lines(lang, &report.errors) {
            eprintln!("error: {}", line(&e));
        }
        eprintln!("nothing imported ({} errors)", report.errors.len());
        return ExitCode::FAILURE;
    }
    eprintln!(
        "imported {} {what} in {:.2} s",
        report.imported,
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}

/// The file to import and the name the importer reports it under (as a browser upload is).
fn read_import_file(file: &std::path::Path) -> std::io::Result<(String, Vec<u8>)> {
    let bytes = std::fs::read(file)?;
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("upload")
        .to_string();
    Ok((name, bytes))
}
