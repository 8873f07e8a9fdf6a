//! Applications per second (issue 16: "applications taken from creation through every step to
//! issue via the API, target ≥ 1,000 per second on SQLite, as a ratio to /healthz in the same
//! run"). `bench/applications.sh` starts the real server on demo data and runs this against it.
//!
//! ```sh
//! # fill: the demo (its unit, the Qazvin office and the standard-mark licence delegated to it)
//! cargo bench -p tashil --bench applications -- fill --data-dir D [--database-url URL]
//! # run: N clients hit /healthz for S seconds, then N clients each apply and pass every step
//! # to issue, again and again, for S seconds; then /healthz once more
//! cargo bench -p tashil --bench applications -- run --data-dir D [--database-url URL] --url http://127.0.0.1:P
//! ```
//!
//! `BENCH_CLIENTS` (default 16), `BENCH_SECONDS` (default 10), `BENCH_UNITS` (the demo's units,
//! default the demo's own). Every application must end issued with a licence: any other answer
//! counts as an error and makes the run fail, so a smoke run on a debug build checks the path.

mod common;
use common::{arg, env_u64};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};
use tashil::config::StorageConfig;

fn ms(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

async fn fill(storage: &StorageConfig) -> Result<()> {
    let db = tashil::cli::open(storage).await?;
    let mut scale = tashil::demo::Scale::default();
    scale.total_units = env_u64("BENCH_UNITS", scale.total_units);
    let started = Instant::now();
    tashil::demo::ensure(&db, scale).await?;
    println!(
        "demo ({} units, {} standards): {:.1} s",
        scale.total_units,
        scale.standards,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn token(db: &sea_orm::DatabaseConnection, email: &str) -> Result<String> {
    let id = tashil::identity::user_id_by_email(db, email)
        .await?
        .with_context(|| format!("demo login {email}"))?;
    Ok(tashil::identity::create_api_token(db, "bench", id, "bench").await?)
}

struct Tokens {
    unit: String,
    officer: String,
    inspector: String,
}

/// What one client saw: latencies per request kind, applications issued, errors.
#[derive(Default)]
struct Tally {
    by_kind: BTreeMap<&'static str, Vec<Duration>>,
    issued: u64,
    errors: u64,
    first_error: Option<String>,
}

impl Tally {
    fn fail(&mut self, what: String) {
        self.errors += 1;
        self.first_error.get_or_insert(what);
    }

    fn merge(&mut self, other: Tally) {
        for (k, v) in other.by_kind {
            self.by_kind.entry(k).or_default().extend(v);
        }
        self.issued += other.issued;
        self.errors += other.errors;
        if self.first_error.is_none() {
            self.first_error = other.first_error;
        }
    }

    fn requests(&self) -> usize {
        self.by_kind.values().map(Vec::len).sum()
    }
}

async fn post(
    c: &reqwest::Client,
    url: &str,
    token: &str,
    body: &Value,
) -> Result<(u16, Value, Duration)> {
    let s = Instant::now();
    let r = c.post(url).bearer_auth(token).json(body).send().await?;
    let status = r.status().as_u16();
    let text = r.text().await?;
    let took = s.elapsed();
    Ok((
        status,
        serde_json::from_str(&text).unwrap_or(Value::Null),
        took,
    ))
}

/// One application from creation to issue; `None` when it got there.
async fn one_application(
    c: &reqwest::Client,
    base: &str,
    t: &Tokens,
    apply_body: &Value,
    tally: &mut Tally,
) -> Result<Option<String>> {
    let (s, mut v, took) = post(
        c,
        &format!("{base}/api/v1/applications"),
        &t.unit,
        apply_body,
    )
    .await?;
    tally.by_kind.entry("apply").or_default().push(took);
    if s != 201 {
        return Ok(Some(format!("apply: {s} {v}")));
    }
    let id = v["id"].as_i64().context("application id")?;
    let moves = format!("{base}/api/v1/applications/{id}/moves");
    // Five steps at most; a bound guards against a server that never finishes.
    for _ in 0..20 {
        match v["status"].as_str() {
            Some("issued") => {
                if v["licence"]["number"].as_str().is_none() {
                    return Ok(Some(format!("issued without a licence: {v}")));
                }
                tally.issued += 1;
                return Ok(None);
            }
            Some("in_progress") => {}
            other => return Ok(Some(format!("application {id} ended {other:?}"))),
        }
        let at = v["step_index"].as_i64().context("step_index")?;
        let step = v["steps"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["index"].as_i64() == Some(at)))
            .context("the open step")?;
        let (who, kind) = match step["actor"].as_str() {
            Some("inspector") => (&t.inspector, "pass (inspector)"),
            _ if step["kind"].as_str() == Some("issue") => (&t.officer, "pass (issue)"),
            _ => (&t.officer, "pass (officer)"),
        };
        let (s, next, took) = post(c, &moves, who, &json!({"move": "pass", "step": at})).await?;
        tally.by_kind.entry(kind).or_default().push(took);
        if s != 200 {
            return Ok(Some(format!("{kind} step {at}: {s} {next}")));
        }
        v = next;
    }
    Ok(Some(format!("application {id} never issued")))
}

/// `clients` tasks each running `work` (which stops itself at its deadline); the merged
/// tallies and the wall time.
async fn for_a_while<F, Fut>(clients: u64, work: F) -> (Tally, Duration)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Tally> + Send + 'static,
{
    let started = Instant::now();
    let handles: Vec<_> = (0..clients).map(|_| tokio::spawn(work())).collect();
    let mut all = Tally::default();
    for h in handles {
        match h.await {
            Ok(t) => all.merge(t),
            Err(e) => all.fail(format!("client task: {e}")),
        }
    }
    (all, started.elapsed())
}

async fn healthz(base: &str, clients: u64, secs: u64) -> (Tally, Duration) {
    let url = Arc::new(format!("{base}/healthz"));
    let until = Instant::now() + Duration::from_secs(secs);
    for_a_while(clients, || {
        let url = url.clone();
        async move {
            let c = reqwest::Client::new();
            let mut t = Tally::default();
            while Instant::now() < until {
                let s = Instant::now();
                match c.get(url.as_str()).send().await {
                    Ok(r) if r.status().is_success() => {
                        let _ = r.bytes().await;
                        t.by_kind.entry("/healthz").or_default().push(s.elapsed());
                    }
                    Ok(r) => t.fail(format!("/healthz: {}", r.status())),
                    Err(e) => t.fail(format!("/healthz: {e}")),
                }
            }
            t
        }
    })
    .await
}

/// A product of the demo unit covered by a mandatory standard, read from one of the demo's
/// own applications (so the bench applies for what the catalogue accepts).
async fn demo_product(base: &str, unit: &str) -> Result<Value> {
    let c = reqwest::Client::new();
    let list: Value = c
        .get(format!("{base}/api/v1/applications"))
        .bearer_auth(unit)
        .send()
        .await?
        .json()
        .await?;
    let id = list
        .as_array()
        .and_then(|a| a.first())
        .and_then(|a| a["id"].as_i64())
        .context("the demo unit has no application: run fill first")?;
    let v: Value = c
        .get(format!("{base}/api/v1/applications/{id}"))
        .bearer_auth(unit)
        .send()
        .await?
        .json()
        .await?;
    let p = &v["products"][0];
    Ok(json!({
        "permit_type": v["permit_type"],
        "products": [{"product": p["product"], "brand": p["brand"], "hs_code": p["hs_code"]}],
    }))
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split(' ').take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

async fn run(storage: &StorageConfig, base: &str) -> Result<()> {
    let clients = env_u64("BENCH_CLIENTS", 16).max(1);
    let secs = env_u64("BENCH_SECONDS", 10).max(1);
    let db = tashil::db::connect(storage).await?;
    let tokens = Arc::new(Tokens {
        unit: token(&db, "unit@demo.tashil.ir").await?,
        officer: token(&db, "qazvin@demo.tashil.ir").await?,
        inspector: token(&db, "inspector@demo.tashil.ir").await?,
    });
    drop(db);
    let apply_body = Arc::new(demo_product(base, &tokens.unit).await?);
    println!("{clients} clients, {secs} s per phase; applying with {apply_body}");

    let load_before = load();
    let (h1, h1_wall) = healthz(base, clients, secs).await;

    let until = Instant::now() + Duration::from_secs(secs);
    let base_arc = Arc::new(base.to_owned());
    let (apps, apps_wall) = for_a_while(clients, || {
        let (tokens, body, base) = (tokens.clone(), apply_body.clone(), base_arc.clone());
        async move {
            let c = reqwest::Client::new();
            let mut t = Tally::default();
            while Instant::now() < until {
                match one_application(&c, &base, &tokens, &body, &mut t).await {
                    Ok(None) => {}
                    Ok(Some(e)) => t.fail(e),
                    Err(e) => t.fail(format!("{e:#}")),
                }
            }
            t
        }
    })
    .await;
    let load_apps = load();
    let (h2, h2_wall) = healthz(base, clients, secs).await;

    let per_s = |n: usize, wall: Duration| n as f64 / wall.as_secs_f64();
    let healthz_rps = (per_s(h1.requests(), h1_wall) + per_s(h2.requests(), h2_wall)) / 2.0;
    let apps_rps = per_s(apps.requests(), apps_wall);
    let issued_per_s = apps.issued as f64 / apps_wall.as_secs_f64();
    let steps = if apps.issued > 0 {
        apps.requests() as f64 / apps.issued as f64
    } else {
        0.0
    };
    println!();
    println!("load average: before {load_before}, after the applications {load_apps}");
    println!(
        "applications issued: {} in {:.1} s = **{issued_per_s:.1}/s** ({steps:.1} requests each), \
         {apps_rps:.0} req/s; errors {}",
        apps.issued,
        apps_wall.as_secs_f64(),
        apps.errors
    );
    println!(
        "/healthz: {:.0} req/s before, {:.0} after; applications' req/s ÷ /healthz req/s = {:.3}",
        per_s(h1.requests(), h1_wall),
        per_s(h2.requests(), h2_wall),
        apps_rps / healthz_rps
    );
    println!();
    println!("| request | n | req/s | p50 ms | p99 ms |");
    println!("|---|---|---|---|---|");
    let mut rows: Vec<(&str, Vec<Duration>, Duration)> = Vec::new();
    for (_, v) in h1.by_kind {
        rows.push(("/healthz (before)", v, h1_wall));
    }
    for (k, v) in apps.by_kind {
        rows.push((k, v, apps_wall));
    }
    for (_, v) in h2.by_kind {
        rows.push(("/healthz (after)", v, h2_wall));
    }
    for (k, mut v, wall) in rows {
        v.sort();
        println!(
            "| {k} | {} | {:.0} | {:.2} | {:.2} |",
            v.len(),
            per_s(v.len(), wall),
            ms(&v, 0.5),
            ms(&v, 0.99)
        );
    }
    let errors = h1.errors + apps.errors + h2.errors;
    if errors > 0 {
        let first = [h1.first_error, apps.first_error, h2.first_error]
            .into_iter()
            .flatten()
            .next()
            .unwrap_or_default();
        bail!("{errors} errors; the first: {first}");
    }
    if apps.issued == 0 {
        bail!("no application was issued");
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let storage = StorageConfig::new(
        arg(&args, "--data-dir").context("--data-dir")?,
        arg(&args, "--database-url"),
    );
    match args.get(1).map(String::as_str) {
        Some("fill") => fill(&storage).await,
        Some("run") => {
            let url = arg(&args, "--url").context("--url")?;
            run(&storage, url.trim_end_matches('/')).await
        }
        _ => bail!("usage: applications fill|run --data-dir D [--database-url URL] [--url U]"),
    }
}
