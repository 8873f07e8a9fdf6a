//! The public register of licences at scale (issue 16: a search p95 ≤ 20 ms at 1M licences),
//! with `/healthz` measured beside it in the same run. `bench/licensing.sh` runs it twice per
//! backend: once to fill, once against the started server.
//!
//! ```sh
//! # fill: demo units, then N licences with their words
//! cargo bench -p tashil --bench licence_register -- fill --data-dir D [--database-url URL] --licences N
//! # measure: sequential requests over one keep-alive connection, and the search in-process
//! cargo bench -p tashil --bench licence_register -- measure --data-dir D [--database-url URL] --url http://127.0.0.1:P
//! ```
//!
//! `BENCH_RUNS` sets the timed requests per query (default 300), `BENCH_UNITS` the demo's
//! units (default 20,000). Prints a Markdown table.

mod common;
use common::{arg, env_u64};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use tashil::config::StorageConfig;
use tashil::licensing::{RegisterQuery, search_register};

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn row(name: &str, mut t: Vec<Duration>, matches: &str) -> String {
    t.sort();
    format!(
        "| {name} | {matches} | {:.2} | {:.2} | {:.2} |",
        percentile(&t, 0.5),
        percentile(&t, 0.95),
        percentile(&t, 0.99)
    )
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn fill(storage: &StorageConfig, n: u64) -> Result<()> {
    let db = common::demo_and_register(storage, n).await?;
    let started = Instant::now();
    let rows = tashil::licensing::fill_lead_times(&db, n)
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    println!(
        "lead-time figures of {n} decisions, {rows} rows: {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn measure(storage: &StorageConfig, url: &str) -> Result<()> {
    let db = tashil::db::connect(storage).await?;
    let runs = env_u64("BENCH_RUNS", 300) as usize;
    let first = search_register(&db, &RegisterQuery::default())
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let Some(some) = first.entries.get(3) else {
        bail!("the register is empty: fill it first");
    };
    // A holder of some licence (not every unit holds one).
    let mut persian_id = String::new();
    for id in 1..1000 {
        let Some(u) = tashil::registry::lookup::holder(&db, id).await? else {
            continue;
        };
        let f = RegisterQuery {
            q: Some(u.national_id.clone()),
            ..Default::default()
        };
        let found = search_register(&db, &f)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        if found.total > 0 {
            persian_id =
                tashil_text::digits::localize_digits(&u.national_id, tashil_text::Lang::Fa);
            break;
        }
    }
    let queries: Vec<(&str, String)> = vec![
        ("no words (newest first)", String::new()),
        ("holder word «شرکت»", "شرکت".into()),
        ("brand «کاله»", "کاله".into()),
        ("product «سیمان»", "سیمان".into()),
        ("Arabic forms «كاشي»", "كاشي".into()),
        ("two words «شیر کاله»", "شیر کاله".into()),
        ("Vietnamese unaccented «xi mang»", "xi mang".into()),
        ("licence number", some.number.clone()),
        ("licence number, no dashes", some.number.replace('-', "")),
        ("national ID in Persian digits", persian_id),
        ("no match «zzzq»", "zzzq".into()),
    ];
    let client = reqwest::Client::new();
    let mut out = vec![
        "| request | matches | p50 ms | p95 ms | p99 ms |".to_owned(),
        "|---|---|---|---|---|".to_owned(),
    ];
    let timed = |path: String| {
        let client = client.clone();
        let full = format!("{url}{path}");
        async move {
            let mut t = Vec::with_capacity(runs);
            let mut body = serde_json::Value::Null;
            for i in 0..runs + 20 {
                let s = Instant::now();
                let r = client.get(&full).send().await?;
                let ok = r.status().is_success();
                let text = r.text().await?;
                if !ok {
                    bail!("{full}: {text}");
                }
                if i >= 20 {
                    t.push(s.elapsed());
                } else if i == 0 {
                    body = serde_json::from_str(&text).unwrap_or_default();
                }
            }
            Ok::<_, anyhow::Error>((t, body))
        }
    };
    let (t, _) = timed("/healthz".into()).await?;
    out.push(row("`/healthz`", t, "—"));
    for (name, q) in &queries {
        let path = if q.is_empty() {
            "/api/v1/licences".to_owned()
        } else {
            format!("/api/v1/licences?q={}", enc(q))
        };
        let (t, body) = timed(path).await?;
        let matches = match (&body["total"], body["total_capped"].as_bool()) {
            (n, Some(true)) => format!("> {n}"),
            (n, _) => n.to_string(),
        };
        out.push(row(&format!("HTTP {name}"), t, &matches));
    }
    // The lead-time figures: the API for the whole country and for one province, and the page.
    let lead: [(&str, &str); 4] = [
        (
            "lead times, whole country, a year (API)",
            "/api/v1/lead-times?country=IR",
        ),
        (
            "lead times, Qazvin, a year (API)",
            "/api/v1/lead-times?country=IR&province=IR-26",
        ),
        (
            "lead times, whole country, ten years (API)",
            "/api/v1/lead-times?country=IR&from=139601&to=140512",
        ),
        ("lead-time page, fa", "/lead-times?lang=fa"),
    ];
    for (name, path) in lead {
        let (t, _) = timed(path.to_owned()).await?;
        out.push(row(&format!("HTTP {name}"), t, ""));
    }
    let q = tashil::licensing::LeadTimeQuery {
        country: Some("IR".into()),
        ..Default::default()
    };
    let mut t = Vec::with_capacity(runs);
    for _ in 0..runs {
        let s = Instant::now();
        tashil::licensing::lead_time_figures(&db, &q, chrono::Utc::now())
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        t.push(s.elapsed());
    }
    out.push(row("in-process lead times, whole country, a year", t, ""));
    for (name, q) in &queries {
        let f = RegisterQuery {
            q: (!q.is_empty()).then(|| q.clone()),
            ..Default::default()
        };
        let mut t = Vec::with_capacity(runs);
        for _ in 0..runs {
            let s = Instant::now();
            search_register(&db, &f)
                .await
                .map_err(|e| anyhow::anyhow!("{e:?}"))?;
            t.push(s.elapsed());
        }
        out.push(row(&format!("in-process {name}"), t, ""));
    }
    println!("{}", out.join("\n"));
    Ok(())
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
        let url = arg(&args, "--url").context("--url of the started server")?;
        measure(&storage, &url).await
    } else {
        bail!("fill or measure (see the file's header)")
    }
}
