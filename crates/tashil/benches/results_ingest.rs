//! Bulk ingest of lab results through the lab API against a raw batched insert of the same
//! rows into the same database in the same run (issue 19: 100,000 results with verdicts,
//! target ≥ 0.5 as time(raw) ÷ time(API)).
//!
//! ```sh
//! cargo bench -p tashil --bench results_ingest -- [--rows 100000] [--runs 1] \
//!     [--postgres postgres://postgres@127.0.0.1:5432/test]
//! # smoke (a debug build is enough): cargo bench -p tashil --bench results_ingest -- --rows 1000
//! ```
//!
//! Each run takes a fresh, migrated database (a SQLite file, or a PostgreSQL database made for
//! the run; PostgreSQL when `--postgres`, `TASHIL_BENCH_POSTGRES_URL` or
//! `TASHIL_TEST_POSTGRES_URL` names a server) holding a small demo (its accredited lab, its
//! standards), then accepted requests to that lab, each asking every clause of the standard
//! the lab covers with the most measurable clauses, enough for the rows. Then:
//! 1. **API**: the rows as JSON calls of 20,000 (`MAX_RESULT_ROWS`), each read and entered by
//!    `conformity::push_results`, the path of `POST /api/v1/lab/results` after the HTTP
//!    layer: every row checked against its request, the lab's accreditation and the clause,
//!    judged, and written with each request's report opened and audited.
//! 2. **raw**: the rows the API wrote, read back, deleted, and inserted again with multi-row
//!    INSERTs (`db::bulk`) in one transaction: the least a store of them costs.

mod common;
use common::fresh::Fresh;

use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use chrono::{DateTime, NaiveDate, Utc};
use common::arg;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement, Value};
use tashil::access::Channel;
use tashil::conformity::{
    MAX_RESULT_ROWS, PushBody, ResultDraft, ResultPush, STORED_RESULT_COLUMNS, TestRequestDraft,
};

const REQUEST_COLUMNS: &str = "province_code, requester_org_id, requester_user_id, purpose, application_id, standard_id, designation, lab_org_id, quoted_days, note, decision_rule, status, decline_reason, answered_by, answered_at, created_at, updated_at, version";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rows: usize = arg(&args, "--rows").map_or(Ok(100_000), |r| r.parse())?;
    let runs: usize = arg(&args, "--runs").map_or(Ok(1), |r| r.parse())?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    println!("{rows} results, {runs} run(s) per backend\n");
    println!(
        "| backend | run | requests × clauses | API (push_results) | results/s | raw batched insert | raw ÷ API |"
    );
    println!("|---|---|---|---|---|---|---|");
    for pg in common::backends(&args) {
        for run in 1..=runs {
            rt.block_on(measure(pg.as_deref(), rows, run))?;
        }
    }
    Ok(())
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

async fn measure(pg: Option<&str>, rows: usize, run: usize) -> Result<()> {
    let label = if pg.is_some() { "PostgreSQL" } else { "SQLite" };
    let fresh = Fresh::new(pg).await?;
    let db = &fresh.db;
    let now = Utc::now();
    let started = Instant::now();
    let scale = tashil::demo::Scale {
        total_units: 100,
        standards: 30,
        seed: 1402,
    };
    tashil::demo::ensure(db, scale).await?;
    let (requests, clauses) = requests(db, rows, now).await?;
    eprintln!(
        "{label}: demo and {} accepted requests × {} clauses in {:.1} s",
        requests.len(),
        clauses.len(),
        started.elapsed().as_secs_f64()
    );
    let drafts: Vec<ResultDraft> = requests
        .iter()
        .flat_map(|r| {
            clauses.iter().map(move |c| ResultDraft {
                request_id: r.to_string(),
                lab_result_id: format!("B-{r}-{}", c.clause),
                ..c.clone()
            })
        })
        .take(rows)
        .collect();
    let bodies: Vec<Vec<u8>> = drafts
        .chunks(MAX_RESULT_ROWS)
        .map(|c| {
            serde_json::to_vec(&ResultPush {
                results: c.to_vec(),
            })
        })
        .collect::<Result<_, _>>()?;
    let lab = tashil::identity::actor_by_email(db, "lab@demo.tashil.ir", Channel::Api)
        .await?
        .context("the demo's lab user")?;

    // The demo's own reports hold a few results: counted out, so the rows compared are the
    // push's alone.
    db.execute_unprepared("DELETE FROM test_results").await?;

    // What reading the JSON alone costs, for the figures' breakdown.
    let started = Instant::now();
    for b in &bodies {
        std::hint::black_box(serde_json::from_slice::<ResultPush>(b)?);
    }
    let parse = started.elapsed();

    let started = Instant::now();
    let mut verdicts = std::collections::BTreeMap::<&str, usize>::new();
    for b in &bodies {
        let out = tashil::conformity::push_results(db, &lab, PushBody::Json(b), now)
            .await
            .map_err(|e| anyhow::anyhow!("the push was refused: {e:?}"))?;
        for o in out {
            if o.written != tashil::conformity::Written::Created {
                bail!("row {} was {:?}", o.row, o.written);
            }
            *verdicts.entry(o.verdict.as_str()).or_default() += 1;
        }
    }
    let api = started.elapsed();

    let stored = read_back(db).await?;
    if stored.len() != drafts.len() {
        bail!("{} rows stored of {}", stored.len(), drafts.len());
    }
    db.execute_unprepared("DELETE FROM test_results").await?;
    let started = Instant::now();
    let txn = tashil::db::begin_write(db).await?;
    tashil::db::bulk::insert(&txn, "test_results", &STORED_RESULT_COLUMNS, stored, None).await?;
    txn.commit().await?;
    let raw = started.elapsed();
    println!(
        "| {label} | {run} | {} × {} | {} | {:.0} | {} | **{:.2}** |",
        requests.len(),
        clauses.len(),
        secs(api),
        drafts.len() as f64 / api.as_secs_f64(),
        secs(raw),
        raw.as_secs_f64() / api.as_secs_f64()
    );
    eprintln!(
        "{label}: verdicts {verdicts:?}; reading the JSON alone {:.2} s",
        parse.as_secs_f64()
    );
    fresh.drop_it().await
}

/// Accepted requests to the demo's partner lab for the standard it covers with the most
/// clauses, enough for `rows` results (one made by the use cases, the others copied from it
/// in SQL); their ids and one result for each clause.
async fn requests(
    db: &DatabaseConnection,
    rows: usize,
    now: DateTime<Utc>,
) -> Result<(Vec<i64>, Vec<ResultDraft>)> {
    let actor = |email: &'static str| async move {
        tashil::identity::actor_by_email(db, email, Channel::Demo)
            .await?
            .with_context(|| email.to_string())
    };
    let (admin, unit, lab) = (
        actor("admin@demo.tashil.ir").await?,
        actor("unit@demo.tashil.ir").await?,
        actor("lab@demo.tashil.ir").await?,
    );
    let backend = db.get_database_backend();
    let sql = format!(
        "SELECT e.standard_id AS standard_id, COUNT(*) AS n FROM lab_scope_entries e \
         JOIN lab_accreditations a ON a.id = e.accreditation_id \
         WHERE a.lab_org_id = {} AND a.status = 'active' \
         GROUP BY e.standard_id ORDER BY n DESC, e.standard_id LIMIT 1",
        lab.organisation_id()
    );
    let row = db
        .query_one_raw(Statement::from_string(backend, sql))
        .await?
        .context("a standard the demo lab covers")?;
    let standard: i64 = row.try_get("", "standard_id")?;
    let s = tashil::standards::get(db, Some(&admin), standard, now)
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let clauses: Vec<ResultDraft> = s
        .clauses
        .iter()
        .filter(|c| c.min.is_some() || c.max.is_some() || !c.allowed.is_empty())
        .map(|c| match c.allowed.first() {
            Some(a) => ResultDraft {
                clause: c.number.clone(),
                category: a.clone(),
                method: c.test_method.clone(),
                ..Default::default()
            },
            None => {
                let v = c.min.or(c.max).unwrap_or(1.0).abs().max(0.01) * 1.02;
                ResultDraft {
                    clause: c.number.clone(),
                    value: format!("{v:.4}"),
                    unit: c.unit.clone(),
                    uncertainty: format!("{:.4}", v * 0.01),
                    coverage: "2".into(),
                    method: c.test_method.clone(),
                    ..Default::default()
                }
            }
        })
        .collect();
    if clauses.is_empty() {
        bail!("standard {standard} has no measurable clause");
    }
    let first = tashil::conformity::send(
        db,
        &unit,
        &TestRequestDraft {
            standard_id: standard.to_string(),
            clauses: clauses.iter().map(|c| c.clause.clone()).collect(),
            lab_org_id: lab.organisation_id().to_string(),
            ..Default::default()
        },
        now,
    )
    .await
    .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    tashil::conformity::accept(db, &lab, first.id, now)
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let more = rows.div_ceil(clauses.len()).saturating_sub(1);
    if more > 0 {
        db.execute_unprepared(&format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {more}) \
             INSERT INTO test_requests ({REQUEST_COLUMNS}) SELECT {REQUEST_COLUMNS} \
             FROM test_requests, n WHERE test_requests.id = {}",
            first.id
        ))
        .await?;
        db.execute_unprepared(&format!(
            "INSERT INTO test_request_clauses (request_id, clause_number) \
             SELECT r.id, c.clause_number FROM test_requests r \
             JOIN test_request_clauses c ON c.request_id = {0} WHERE r.id > {0}",
            first.id
        ))
        .await?;
    }
    let ids = db
        .query_all_raw(Statement::from_string(
            backend,
            format!(
                "SELECT id FROM test_requests WHERE id >= {} ORDER BY id",
                first.id
            ),
        ))
        .await?
        .into_iter()
        .map(|r| r.try_get::<i64>("", "id"))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((ids, clauses))
}

/// Every stored result, as values to insert again.
async fn read_back(db: &DatabaseConnection) -> Result<Vec<Vec<Value>>> {
    let sql = format!(
        "SELECT {} FROM test_results ORDER BY id",
        STORED_RESULT_COLUMNS.join(", ")
    );
    let mut out = vec![];
    for r in db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?
    {
        let text = |c: &str| -> Result<Value> { Ok(r.try_get::<Option<String>>("", c)?.into()) };
        let num = |c: &str| -> Result<Value> { Ok(r.try_get::<Option<f64>>("", c)?.into()) };
        out.push(vec![
            r.try_get::<i64>("", "report_id")?.into(),
            r.try_get::<String>("", "clause_number")?.into(),
            text("lab_result_id")?,
            num("value")?,
            text("unit")?,
            num("uncertainty")?,
            num("coverage")?,
            text("category")?,
            num("judged_value")?,
            num("judged_uncertainty")?,
            text("judged_unit")?,
            r.try_get::<String>("", "verdict")?.into(),
            r.try_get::<String>("", "method")?.into(),
            r.try_get::<Option<i64>>("", "instrument_id")?.into(),
            r.try_get::<NaiveDate>("", "measured_on")?.into(),
            r.try_get::<i64>("", "entered_by")?.into(),
            r.try_get::<DateTime<Utc>>("", "created_at")?.into(),
        ]);
    }
    Ok(out)
}
