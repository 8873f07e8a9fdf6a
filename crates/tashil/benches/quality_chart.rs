//! A characteristic's page with its control chart of 10,000 subgroups, through the real server
//! (issue 20: target p95 ≤ 100 ms): the unit's QC manager signed in, asking the page again and
//! again, one request at a time, as a browser does.
//!
//! ```sh
//! cargo bench -p tashil --bench quality_chart -- [--subgroups 10000] [--requests 300] \
//!     [--postgres postgres://postgres@127.0.0.1:5432/test]
//! # smoke (a debug build is enough): cargo bench -p tashil --bench quality_chart -- --subgroups 500 --requests 20
//! ```
//!
//! Each backend takes a fresh, migrated database with a small demo, one X̄-R characteristic of
//! the demo's unit with limits from its baseline and the subgroups of a process in control
//! (`common::quality`) ingested in batches of 5,000; then the server on a random port of this
//! process, a sign-in through the login form, ten requests to warm up and the timed ones.
//! Every answer must be 200 with the chart's SVG in it, or the run fails.

mod common;

use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use chrono::{SubsecRound, Utc};
use common::arg;
use common::fresh::Fresh;
use common::quality::{self, BASELINE, row};
use tashil::quality::SubgroupInput;
use tashil::web::AppState;

const BATCH: usize = 5_000;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let subgroups: usize = arg(&args, "--subgroups").map_or(Ok(10_000), |r| r.parse())?;
    let requests: usize = arg(&args, "--requests").map_or(Ok(300), |r| r.parse())?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    println!("a chart of {subgroups} subgroups, {requests} requests one at a time\n");
    println!("| backend | page size | p50 | p95 | p99 | max | requests/s |");
    println!("|---|---|---|---|---|---|---|");
    for pg in common::backends(&args) {
        rt.block_on(measure(pg.as_deref(), subgroups, requests))?;
    }
    Ok(())
}

fn ms(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

async fn measure(pg: Option<&str>, subgroups: usize, requests: usize) -> Result<()> {
    let fresh = Fresh::new(pg).await?;
    let db = &fresh.db;
    let now = Utc::now().trunc_subsecs(0);
    let started = Instant::now();
    let unit = quality::unit_user(db).await?;
    let first = now - chrono::Duration::minutes(subgroups as i64 + BASELINE + 5);
    let id = quality::characteristics(db, &unit, 1, first, now).await?[0];
    let minute = |i: i64| first + chrono::Duration::minutes(i);
    let all: Vec<SubgroupInput> = (0..subgroups as i64)
        .map(|i| row(0, (i + BASELINE + 1) as usize, minute(BASELINE + 1 + i)))
        .collect();
    for (b, chunk) in all.chunks(BATCH).enumerate() {
        let lines: Vec<usize> = (0..chunk.len()).collect();
        tashil::quality::ingest(db, &unit, &format!("chart-{b}"), chunk, &lines, now)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    }
    eprintln!(
        "{}: demo and {subgroups} subgroups in {:.1} s",
        fresh.label(),
        started.elapsed().as_secs_f64()
    );

    let state = AppState::new(db.clone(), &fresh.storage.data_dir, None, false).await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(tashil::app::serve(listener, state, async {
        stopped.await.ok();
    }));
    let client = sign_in(&base).await?;
    let page = format!("{base}/quality/{id}");
    let mut size = 0;
    let mut times = Vec::with_capacity(requests);
    for i in 0..requests + 10 {
        let t = Instant::now();
        let res = client.get(&page).send().await?;
        let status = res.status();
        let body = res.text().await?;
        let took = t.elapsed();
        if status != 200 || !body.contains("<svg") {
            bail!("{page}: {status}, chart {}", body.contains("<svg"));
        }
        size = body.len();
        if i >= 10 {
            times.push(took);
        }
    }
    let total: Duration = times.iter().sum();
    times.sort_unstable();
    println!(
        "| {} | {:.0} kB | {:.1} ms | **{:.1} ms** | {:.1} ms | {:.1} ms | {:.1} |",
        fresh.label(),
        size as f64 / 1000.0,
        ms(&times, 0.5),
        ms(&times, 0.95),
        ms(&times, 0.99),
        ms(&times, 1.0),
        times.len() as f64 / total.as_secs_f64()
    );
    stop.send(()).ok();
    server.await??;
    fresh.drop_it().await
}

/// A browser-like client signed in as the demo's unit user through the login form.
async fn sign_in(base: &str) -> Result<reqwest::Client> {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let form = client
        .get(format!("{base}/login"))
        .send()
        .await?
        .text()
        .await?;
    let marker = "name=\"_csrf\" value=\"";
    let at = form.find(marker).context("the login form's CSRF token")? + marker.len();
    let csrf = form[at..].split('"').next().unwrap_or_default();
    let res = client
        .post(format!("{base}/login"))
        .form(&[
            ("_csrf", csrf),
            ("email", "unit@demo.tashil.ir"),
            ("password", tashil::demo::DEMO_PASSWORD),
            ("next", "/"),
        ])
        .send()
        .await?;
    if res.status() != 303 {
        bail!("sign-in answered {}", res.status());
    }
    Ok(client)
}
