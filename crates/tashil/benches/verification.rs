//! Verification at national scale (issue 18): the public check URL of a licence's credential
//! (`/v/{code}.json`, what a phone scanning a standard mark asks) in requests per second with
//! many clients, beside `/healthz` in the same run; and credential verifications per second
//! on one core in each proof form, beside raw Ed25519 verification of the same signed bytes.
//!
//! `bench/verification.sh` runs it; by hand:
//!   verification fill --data-dir D [--database-url U] --licences N
//!   verification measure --data-dir D [--database-url U] --url http://127.0.0.1:PORT
//! Environment: BENCH_UNITS (demo units, 20,000), BENCH_CLIENTS (32), BENCH_SECONDS (10),
//! BENCH_CODES (codes asked for, drawn at random, 20,000).

mod common;
use common::{arg, env_u64};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use base64::Engine;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::Value;
use tashil::config::StorageConfig;
use tashil_credentials::{Contexts, DidDocument, Resolver};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    ms(sorted[((sorted.len() - 1) as f64 * p).round() as usize])
}

/// The register of `n` licences (as the licence-register bench fills it), each with its
/// credential row: the public code a QR code carries. Signing waits for the first request
/// of each form, as in the product.
async fn fill(storage: &StorageConfig, n: u64) -> Result<()> {
    let db = common::demo_and_register(storage, n).await?;
    let started = Instant::now();
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT id, status FROM licences WHERE id NOT IN (SELECT licence_id FROM credentials) ORDER BY id",
        ))
        .await?;
    let now = chrono::Utc::now();
    for chunk in rows.chunks(10_000) {
        let tx = tashil::db::begin_write(&db).await?;
        for r in chunk {
            let id: i64 = r.try_get("", "id")?;
            let status: String = r.try_get("", "status")?;
            // Decided nationally: the national issuer's lists, as the register's licences are.
            let office = tashil::access::licensing::NATIONAL;
            tashil::credentials::allocate(&tx, id, &status, office, now).await?;
        }
        tx.commit().await?;
    }
    println!(
        "{} credential rows: {:.1} s",
        rows.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `clients` loops asking `paths` in turn for `seconds`: answers per second, p50/p99 (ms).
async fn load(url: &str, paths: Arc<Vec<String>>, clients: usize, seconds: u64) -> Result<String> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .build()?;
    // A second of warm-up, not counted.
    let until = Instant::now() + Duration::from_secs(1);
    let mut n = 0;
    while Instant::now() < until {
        client
            .get(format!("{url}{}", paths[n % paths.len()]))
            .send()
            .await?
            .bytes()
            .await?;
        n += 1;
    }
    let began = Instant::now();
    let until = began + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (client, paths, url) = (client.clone(), paths.clone(), url.to_owned());
        tasks.push(tokio::spawn(async move {
            let mut times = Vec::new();
            let mut i = c * 7919;
            while Instant::now() < until {
                let s = Instant::now();
                let r = client
                    .get(format!("{url}{}", paths[i % paths.len()]))
                    .send()
                    .await?;
                let ok = r.status().is_success();
                r.bytes().await?;
                if !ok {
                    bail!("{}: not a success", paths[i % paths.len()]);
                }
                times.push(s.elapsed());
                i += 1;
            }
            Ok::<_, anyhow::Error>(times)
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await??);
    }
    let took = began.elapsed().as_secs_f64();
    all.sort();
    Ok(format!(
        "{:.0} | {:.2} | {:.2}",
        all.len() as f64 / took,
        percentile(&all, 0.5),
        percentile(&all, 0.99)
    ))
}

/// Verifications of `credential` per second on this thread, for about two seconds.
fn per_second(mut one: impl FnMut() -> bool) -> Result<f64> {
    let began = Instant::now();
    let mut n = 0u64;
    while began.elapsed() < Duration::from_secs(2) {
        if !one() {
            bail!("a verification failed");
        }
        n += 1;
    }
    Ok(n as f64 / began.elapsed().as_secs_f64())
}

async fn measure(storage: &StorageConfig, url: &str) -> Result<()> {
    let db = tashil::db::connect(storage).await?;
    let clients = env_u64("BENCH_CLIENTS", 32) as usize;
    let seconds = env_u64("BENCH_SECONDS", 10);
    let asked = env_u64("BENCH_CODES", 20_000);
    let codes = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            format!(
                "SELECT c.code, l.number FROM credentials c JOIN licences l ON l.id = c.licence_id ORDER BY RANDOM() LIMIT {asked}"
            ),
        ))
        .await?;
    if codes.is_empty() {
        bail!("no credentials: fill first");
    }
    let total: i64 = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM credentials",
        ))
        .await?
        .context("count")?
        .try_get("", "n")?;
    let checks: Vec<String> = codes
        .iter()
        .map(|r| {
            r.try_get::<String>("", "code")
                .map(|c| format!("/v/{c}.json"))
        })
        .collect::<Result<_, _>>()?;
    let number: String = codes[0].try_get("", "number")?;
    println!(
        "{total} credentials; {} codes asked at random; {clients} clients, {seconds} s each",
        checks.len()
    );
    println!(
        "load average: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    println!();
    println!("| request | answers/s | p50 ms | p99 ms |");
    println!("|---|---|---|---|");
    let health = load(url, Arc::new(vec!["/healthz".to_owned()]), clients, seconds).await?;
    println!("| `/healthz` | {health} |");
    let pages: Vec<String> = checks
        .iter()
        .map(|c| c.trim_end_matches(".json").to_owned())
        .collect();
    let checks = Arc::new(checks);
    let check = load(url, checks.clone(), clients, seconds).await?;
    println!("| `/v/{{code}}.json`, a random licence each time | {check} |");
    // The same codes again: a node keeps what the check read under the status stamp, so
    // the first pass pays for each code's first reading and this one does not.
    let again = load(url, checks, clients, seconds).await?;
    println!("| `/v/{{code}}.json` again, the same codes | {again} |");
    let page = load(url, Arc::new(pages), clients, seconds).await?;
    println!("| `/v/{{code}}` (the HTML page), the same codes | {page} |");
    let rate = |row: &str| row.split(" | ").next().and_then(|v| v.parse::<f64>().ok());
    if let (Some(c), Some(a), Some(h)) = (rate(&check), rate(&again), rate(&health)) {
        println!(
            "\nratio of the check URL to `/healthz`: {:.2} (first pass), {:.2} (again)",
            c / h,
            a / h
        );
    }

    // One core: each proof form of one licence's credential, as the server signs it. The
    // issuer's key is made at the first signature, so the DID document is read after.
    let http = reqwest::Client::new();
    let mut forms = Vec::new();
    for form in ["jwt", "di-jcs", "di-rdfc"] {
        let r = http
            .get(format!(
                "{url}/api/v1/licences/{number}/credential?form={form}"
            ))
            .send()
            .await?;
        if !r.status().is_success() {
            bail!("credential {number} {form}: {}", r.status());
        }
        let text = r.text().await?;
        let presented: Value = if form == "jwt" {
            Value::String(text.trim().to_owned())
        } else {
            serde_json::from_str(&text)?
        };
        forms.push((form, presented));
    }
    let did: Value = http
        .get(format!("{url}/.well-known/did.json"))
        .send()
        .await?
        .json()
        .await?;
    let resolver = Resolver::new()
        .with_document(DidDocument::from_json(&did).map_err(|e| anyhow::anyhow!("did.json: {e}"))?);
    let contexts = Contexts::bundled();
    let raw_rate = raw_ed25519(&forms[0].1, &resolver)?;
    println!();
    println!("| one core | verifications/s | against raw Ed25519 of the same bytes |");
    println!("|---|---|---|");
    for (form, presented) in &forms {
        let rate = per_second(|| {
            tashil_credentials::verify::verify(presented, &resolver, &contexts).is_ok()
        })?;
        println!("| {form} | {rate:.0} | {:.3} |", rate / raw_rate);
    }
    println!("| raw Ed25519 (the vc+jwt's signing input) | {raw_rate:.0} | 1 |");
    Ok(())
}

/// Raw Ed25519 verifications per second of the vc+jwt's own signature over its own signing
/// input, with the issuer's key: the floor under any proof form.
fn raw_ed25519(jwt: &Value, resolver: &Resolver) -> Result<f64> {
    use tashil_credentials::ResolveKey;
    let token = jwt.as_str().context("the jwt form first")?;
    let (input, signature) = token.rsplit_once('.').context("a JWT")?;
    let signature = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(signature)?;
    let header: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(input.split('.').next().unwrap_or_default())?,
    )?;
    let kid = header["kid"].as_str().context("kid")?;
    let key = resolver
        .assertion_key(kid)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    per_second(|| key.verify(input.as_bytes(), &signature))
}

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let storage = StorageConfig::new(
        arg(&args, "--data-dir").unwrap_or_else(|| "./data".into()),
        arg(&args, "--database-url"),
    );
    if args.iter().any(|a| a == "fill") {
        let n = arg(&args, "--licences")
            .map(|v| v.parse())
            .transpose()?
            .unwrap_or(1_000_000);
        fill(&storage, n).await
    } else if args.iter().any(|a| a == "measure") {
        let url = arg(&args, "--url").context("--url")?;
        measure(&storage, &url).await
    } else {
        // `cargo bench` runs every bench binary with `--bench`: nothing to do without a server.
        println!("verification: use bench/verification.sh (fill, then measure)");
        Ok(())
    }
}
