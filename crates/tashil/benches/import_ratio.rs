//! The unit import against a plain batched INSERT of the same rows, on the same backend, in
//! the same run (issue 15, item 5: the import within 2× of the raw insert).
//!
//! ```sh
//! # a workbook as an office would send it, from a demo database: every import column
//! # (products, QC managers), Persian headers, plus address, phone and email columns
//! cargo bench -p tashil --bench import_ratio -- --make-workbook DATA/tashil.db units.xlsx
//! # the measurement, on SQLite and (with --postgres) on PostgreSQL
//! cargo bench -p tashil --bench import_ratio -- --file units.xlsx \
//!     [--postgres postgres://postgres@127.0.0.1:5432/test] [--runs 3]
//! ```
//!
//! Each run takes fresh, migrated databases (SQLite files in one temporary folder, or
//! PostgreSQL databases created for the run and dropped after it):
//! 1. **import**: `registry::import_units` as the CLI runs it, from the file's bytes
//!    in memory: read, check every row, check the IDs against the register, write in
//!    batches, audit, commit.
//! 2. **raw, units + children**: the units, products and QC managers the import created,
//!    read back from its database, inserted with multi-row INSERTs (`db::bulk`, the
//!    statements the store uses) in one transaction: what is minimally needed.
//! 3. **raw, every table**: the same plus the search terms: every row the import writes.
//!
//! The runs alternate which goes first. Medians and ratios are printed as Markdown.

mod common;
use common::fresh::Fresh;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, Value};
use tashil::config::StorageConfig;
use tashil::db::bulk;
use tashil::i18n::{I18n, Lang};
use tashil::kernel::import::NoProgress;
use tashil::registry::{Column, Importer, header_label, import_units};

const UNIT_COLUMNS: [&str; 17] = [
    "id",
    "country",
    "national_id",
    "name_fa",
    "name_en",
    "name_vi",
    "province_code",
    "city",
    "isic_class",
    "isic_section",
    "size_class",
    "knowledge_based",
    "status",
    "created_at",
    "updated_at",
    "version",
    "organisation_id",
];

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1).cloned())
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    if let Some(i) = args.iter().position(|a| a == "--make-workbook") {
        let (Some(db), Some(out)) = (args.get(i + 1), args.get(i + 2)) else {
            bail!("--make-workbook DEMO.db OUT.xlsx");
        };
        return rt.block_on(make_workbook(PathBuf::from(db), PathBuf::from(out)));
    }
    let file = PathBuf::from(value("--file").context("--file WORKBOOK.xlsx")?);
    let runs: usize = value("--runs").map_or(Ok(3), |r| r.parse())?;
    let postgres = value("--postgres").or_else(|| std::env::var("TASHIL_BENCH_POSTGRES_URL").ok());
    let bytes = std::fs::read(&file).with_context(|| file.display().to_string())?;
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("units.xlsx")
        .to_string();
    println!(
        "file: {} ({:.1} MB), {runs} runs per backend\n",
        file.display(),
        bytes.len() as f64 / 1e6
    );
    println!(
        "| backend | run | import | raw: units + products + QC | raw: + search terms | import ÷ raw (minimal) | import ÷ raw (every table) |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut backends = vec![Backend::Sqlite];
    if let Some(url) = postgres.filter(|u| !u.is_empty()) {
        backends.push(Backend::Postgres(url));
    }
    for backend in backends {
        rt.block_on(measure(&backend, &name, &bytes, runs))?;
    }
    Ok(())
}

enum Backend {
    Sqlite,
    Postgres(String),
}

impl Backend {
    fn label(&self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres(_) => "PostgreSQL",
        }
    }

    fn admin(&self) -> Option<&str> {
        match self {
            Backend::Sqlite => None,
            Backend::Postgres(url) => Some(url),
        }
    }
}

/// The rows an import wrote, as values to insert again.
struct Rows {
    units: Vec<Vec<Value>>,
    products: Vec<Vec<Value>>,
    managers: Vec<Vec<Value>>,
    terms: Vec<Vec<Value>>,
}

async fn measure(backend: &Backend, name: &str, bytes: &[u8], runs: usize) -> Result<()> {
    let mut rows: Option<Rows> = None;
    let (mut imports, mut minimal, mut every) = (vec![], vec![], vec![]);
    for run in 1..=runs {
        // Odd runs import first; even runs insert first (from the rows of an earlier run).
        let import_first = run % 2 == 1 || rows.is_none();
        let mut times = [Duration::ZERO; 3];
        for step in 0..2 {
            if (step == 0) == import_first {
                let fresh = Fresh::new(backend.admin()).await?;
                let started = Instant::now();
                let report = import_units(
                    &fresh.db,
                    Importer::Operator,
                    name,
                    bytes,
                    &tashil_sheets::ReadOptions::default(),
                    &NoProgress,
                )
                .await?;
                times[0] = started.elapsed();
                if !report.ok() {
                    bail!(
                        "the import was refused: {:?}",
                        &report.errors[..report.errors.len().min(5)]
                    );
                }
                if rows.is_none() {
                    rows = Some(read_back(&fresh.db).await?);
                }
                fresh.drop_it().await?;
            } else {
                let rows = rows.as_ref().context("rows")?;
                times[1] = raw_insert(backend, rows, false).await?;
                times[2] = raw_insert(backend, rows, true).await?;
            }
        }
        println!(
            "| {} | {run} | {} | {} | {} | {:.2} | {:.2} |",
            backend.label(),
            secs(times[0]),
            secs(times[1]),
            secs(times[2]),
            ratio(times[0], times[1]),
            ratio(times[0], times[2]),
        );
        imports.push(times[0]);
        minimal.push(times[1]);
        every.push(times[2]);
    }
    let (i, m, e) = (median(imports), median(minimal), median(every));
    println!(
        "| **{}** | median | **{}** | {} | {} | **{:.2}** | **{:.2}** |",
        backend.label(),
        secs(i),
        secs(m),
        secs(e),
        ratio(i, m),
        ratio(i, e),
    );
    if let Some(r) = &rows {
        eprintln!(
            "{}: {} units, {} products, {} QC managers, {} search terms",
            backend.label(),
            r.units.len(),
            r.products.len(),
            r.managers.len(),
            r.terms.len()
        );
    }
    Ok(())
}

/// Inserts `rows` into a fresh database in one transaction; the time from BEGIN to COMMIT.
async fn raw_insert(backend: &Backend, rows: &Rows, terms: bool) -> Result<Duration> {
    let fresh = Fresh::new(backend.admin()).await?;
    let started = Instant::now();
    let txn = tashil::db::begin_write(&fresh.db).await?;
    bulk::insert(&txn, "units", &UNIT_COLUMNS, rows.units.clone(), None).await?;
    let product_columns = ["unit_id", "name", "hs_code"];
    bulk::insert(
        &txn,
        "unit_products",
        &product_columns,
        rows.products.clone(),
        None,
    )
    .await?;
    let manager_columns = ["unit_id", "full_name", "national_code"];
    bulk::insert(
        &txn,
        "unit_qc_managers",
        &manager_columns,
        rows.managers.clone(),
        None,
    )
    .await?;
    if terms {
        bulk::insert(
            &txn,
            "unit_terms",
            &["province_code", "term", "unit_id"],
            rows.terms.clone(),
            None,
        )
        .await?;
    }
    txn.commit().await?;
    let took = started.elapsed();
    fresh.drop_it().await?;
    Ok(took)
}

async fn read_back(db: &DatabaseConnection) -> Result<Rows> {
    let all = |sql: &str| db.query_all_raw(Statement::from_string(db.get_database_backend(), sql));
    let mut units = Vec::new();
    let sql = format!("SELECT {} FROM units ORDER BY id", UNIT_COLUMNS.join(", "));
    for r in all(&sql).await? {
        let text = |c: &str| -> Result<Value> { Ok(r.try_get::<String>("", c)?.into()) };
        let at = |c: &str| -> Result<Value> {
            Ok(r.try_get::<chrono::DateTime<chrono::Utc>>("", c)?.into())
        };
        units.push(vec![
            r.try_get::<i64>("", "id")?.into(),
            text("country")?,
            text("national_id")?,
            text("name_fa")?,
            text("name_en")?,
            text("name_vi")?,
            text("province_code")?,
            text("city")?,
            text("isic_class")?,
            text("isic_section")?,
            text("size_class")?,
            r.try_get::<bool>("", "knowledge_based")?.into(),
            text("status")?,
            at("created_at")?,
            at("updated_at")?,
            r.try_get::<i32>("", "version")?.into(),
            r.try_get::<Option<i64>>("", "organisation_id")?.into(),
        ]);
    }
    let pairs = |sql: &'static str, a: &'static str, b: &'static str| async move {
        let mut out = Vec::new();
        for r in all(sql).await? {
            out.push(vec![
                r.try_get::<i64>("", "unit_id")?.into(),
                r.try_get::<String>("", a)?.into(),
                r.try_get::<String>("", b)?.into(),
            ]);
        }
        Ok::<_, anyhow::Error>(out)
    };
    let products = pairs(
        "SELECT unit_id, name, hs_code FROM unit_products ORDER BY id",
        "name",
        "hs_code",
    )
    .await?;
    let managers = pairs(
        "SELECT unit_id, full_name, national_code FROM unit_qc_managers ORDER BY id",
        "full_name",
        "national_code",
    )
    .await?;
    let mut terms = Vec::new();
    // In the table's key order, as the store writes them.
    let sql = "SELECT province_code, term, unit_id FROM unit_terms ORDER BY 1, 2, 3";
    for r in all(sql).await? {
        terms.push(vec![
            r.try_get::<String>("", "province_code")?.into(),
            r.try_get::<String>("", "term")?.into(),
            r.try_get::<i64>("", "unit_id")?.into(),
        ]);
    }
    Ok(Rows {
        units,
        products,
        managers,
        terms,
    })
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Writes every unit of a demo database as a provincial office would send it: Persian
/// headers, every import column (the first product, a QC manager for each unit: the demo's
/// own where it has one), and columns the import does not know (address, phone, email).
async fn make_workbook(db_path: PathBuf, out: PathBuf) -> Result<()> {
    let storage = StorageConfig::new(
        db_path.parent().context("database folder")?.to_path_buf(),
        None,
    );
    let db = tashil::db::connect(&storage).await?;
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT u.id, u.national_id, u.name_fa, u.name_en, u.name_vi, u.province_code, u.city, \
             u.isic_class, u.size_class, u.knowledge_based, u.status, \
             (SELECT name FROM unit_products p WHERE p.unit_id = u.id ORDER BY p.id LIMIT 1) AS product, \
             (SELECT hs_code FROM unit_products p WHERE p.unit_id = u.id ORDER BY p.id LIMIT 1) AS hs, \
             (SELECT full_name FROM unit_qc_managers q WHERE q.unit_id = u.id ORDER BY q.id LIMIT 1) AS qc_name, \
             (SELECT national_code FROM unit_qc_managers q WHERE q.unit_id = u.id ORDER BY q.id LIMIT 1) AS qc_code \
             FROM units u ORDER BY u.id",
        ))
        .await?;
    let i18n = I18n::get();
    let lang = Lang::Fa;
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_right_to_left(true);
    let mut headers: Vec<String> = Column::ALL.iter().map(|c| header_label(*c, lang)).collect();
    headers.extend(["نشانی", "تلفن", "پست الکترونیک"].map(String::from));
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, h)?;
    }
    // QC managers of the demo, lent round-robin to units of the same country without one.
    let mut lent: [Vec<(String, String)>; 2] = [vec![], vec![]];
    for r in &rows {
        let country = usize::from(r.try_get::<String>("", "province_code")?.starts_with("VN"));
        if let (Some(n), Some(c)) = (
            r.try_get::<Option<String>>("", "qc_name")?,
            r.try_get::<Option<String>>("", "qc_code")?,
        ) {
            lent[country].push((n, c));
        }
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        let text = |c: &str| r.try_get::<String>("", c).unwrap_or_default();
        let province = text("province_code");
        let country = usize::from(province.starts_with("VN"));
        let (qc_name, qc_code) = match (
            r.try_get::<Option<String>>("", "qc_name")?,
            r.try_get::<Option<String>>("", "qc_code")?,
        ) {
            (Some(n), Some(c)) => (n, c),
            _ if !lent[country].is_empty() => lent[country][i % lent[country].len()].clone(),
            _ => (String::new(), String::new()),
        };
        let city = text("city");
        let (address, phone) = if country == 0 {
            (
                format!(
                    "{city}، خیابان {}، کوچه {}، پلاک {}، کد پستی {:010}",
                    ["امام خمینی", "آزادی", "طالقانی", "شهید بهشتی", "ولیعصر"][i % 5],
                    i % 37 + 1,
                    i % 211 + 1,
                    3_413_000_000u64 + (i as u64 * 7_919) % 600_000_000
                ),
                format!("028-{:08}", 33_000_000 + i),
            )
        } else {
            (
                format!(
                    "Số {}, đường {}, {city}",
                    i % 211 + 1,
                    ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ"][i % 3]
                ),
                format!("0228 {:07}", 3_000_000 + i),
            )
        };
        let values = [
            text("national_id"),
            text("name_fa"),
            text("name_en"),
            text("name_vi"),
            tashil_reference::province(&province)
                .map(|p| p.name(lang.code()).to_string())
                .unwrap_or(province),
            city,
            text("isic_class"),
            i18n.t(lang, &format!("size-{}", text("size_class"))),
            i18n.t(
                lang,
                if r.try_get::<bool>("", "knowledge_based")? {
                    "yes"
                } else {
                    "no"
                },
            ),
            i18n.t(lang, &format!("status-{}", text("status"))),
            r.try_get::<Option<String>>("", "product")?
                .unwrap_or_default(),
            r.try_get::<Option<String>>("", "hs")?.unwrap_or_default(),
            qc_name,
            qc_code,
            address,
            phone,
            format!("info{}@unit{}.example", i % 7, text("national_id")),
        ];
        for (c, v) in values.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(row, c as u16, v)?;
            }
        }
    }
    workbook.save(&out)?;
    let size = std::fs::metadata(&out)?.len();
    eprintln!(
        "{} rows written to {} ({:.1} MB)",
        rows.len(),
        out.display(),
        size as f64 / 1e6
    );
    Ok(())
}
