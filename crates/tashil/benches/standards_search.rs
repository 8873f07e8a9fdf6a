//! Standards search at scale: Tashil over HTTP against the SQLite FTS5 table a developer
//! would reach for instead, on the same rows, in the same run (issue 4's acceptance).
//!
//! `bench/standards.sh` generates the data, builds Tashil's index, starts the server and
//! runs this program:
//!
//! ```sh
//! cargo bench -p tashil --bench standards_search -- \
//!     --db DATA/tashil.db --url http://127.0.0.1:18090 --out bench/out
//! ```
//!
//! (or `STANDARDS_DB`, `TASHIL_URL`, `BENCH_OUT`; `BENCH_CANONICAL` sets the number of
//! canonical queries, `BENCH_SEED` the seed, `BENCH_CONCURRENT_SECS` the length of the
//! concurrent run, 0 to skip it). The app's database is only read.
//!
//! 1. Queries: canonical ones drawn from the rows with a fixed seed (Persian title words
//!    that carry a ZWNJ and others, English and Vietnamese words, designations, bare
//!    numbers), each with its orthography variants (`tashil_search::variants`) and, for
//!    designations, the other ways people write them («ISIRI 389», «استاندارد ملی ۳۸۹»).
//! 2. Tashil: `GET /api/v1/standards?q=…&per_page=100` as an anonymous user (drafts
//!    hidden), one warm-up pass, then one timed request per query over one keep-alive
//!    connection; then a fixed-length run with N concurrent clients.
//! 3. FTS5: the visible (non-draft) rows copied into a separate file, `fts5(designation,
//!    title_fa, title_en, title_vi, scope, tokenize = 'unicode61 remove_diacritics 2')`;
//!    each query becomes `"w1" AND "w2"*`, run in-process (no HTTP: a lower bound for a
//!    served FTS5) as `ORDER BY rank LIMIT 100` and as `count(*)`.
//! 4. Recall of each variant, per engine against the same engine's canonical query: the
//!    share of the canonical top 100 found in the variant's top 1,000.
//!
//! Prints a Markdown report and writes it to `OUT/standards_search.md`, with every
//! query's figures in `OUT/standards_queries.tsv`.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, OpenFlags};
use serde::Deserialize;
use tashil_search::variants::{VariantKind, variants};

const ZWNJ: char = '\u{200C}';
/// Results per request, the API's maximum.
const PER_PAGE: usize = 100;
/// How deep a variant's results are read to find the canonical top 100.
const RECALL_DEPTH: usize = 1_000;
/// p99 target of issue 4 for a search over HTTP.
const TARGET_P99_MS: f64 = 15.0;

// ---------------------------------------------------------------------------------------
// Settings

struct Settings {
    db: PathBuf,
    url: String,
    out: PathBuf,
    canonical: usize,
    seed: u64,
    concurrent_secs: u64,
    concurrency: usize,
}

fn settings() -> Result<Settings> {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let mut s = Settings {
        db: env("STANDARDS_DB").map(PathBuf::from).unwrap_or_default(),
        url: env("TASHIL_URL").unwrap_or_default(),
        out: env("BENCH_OUT")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("bench/out")),
        canonical: env("BENCH_CANONICAL")
            .map(|v| v.parse())
            .transpose()?
            .unwrap_or(400),
        seed: env("BENCH_SEED")
            .map(|v| v.parse())
            .transpose()?
            .unwrap_or(1405),
        concurrent_secs: env("BENCH_CONCURRENT_SECS")
            .map(|v| v.parse())
            .transpose()?
            .unwrap_or(10),
        concurrency: env("BENCH_CONCURRENCY")
            .map(|v| v.parse())
            .transpose()?
            .unwrap_or(16),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--db" => s.db = PathBuf::from(value()?),
            "--url" => s.url = value()?,
            "--out" => s.out = PathBuf::from(value()?),
            "--canonical" => s.canonical = value()?.parse()?,
            "--seed" => s.seed = value()?.parse()?,
            "--concurrent-secs" => s.concurrent_secs = value()?.parse()?,
            "--concurrency" => s.concurrency = value()?.parse()?,
            // Cargo passes `--bench` to every bench target.
            "--bench" => {}
            other => bail!("unknown argument {other}"),
        }
    }
    if s.db.as_os_str().is_empty() || s.url.is_empty() {
        bail!("usage: standards_search --db DATA_DIR/tashil.db --url http://HOST:PORT [--out DIR]");
    }
    s.url = s.url.trim_end_matches('/').to_string();
    Ok(s)
}

// ---------------------------------------------------------------------------------------
// Data and queries

/// SplitMix64: a fixed, dependency-free sequence for a given seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Row {
    id: i64,
    body: String,
    number: String,
    title_fa: String,
    title_en: String,
    title_vi: String,
}

fn load_rows(db: &Path) -> Result<Vec<Row>> {
    let conn = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .with_context(|| format!("open {}", db.display()))?;
    let mut stmt = conn.prepare(
        "SELECT id, body, number, title_fa, title_en, title_vi FROM standards \
         WHERE status <> 'draft' ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Row {
                id: r.get(0)?,
                body: r.get(1)?,
                number: r.get(2)?,
                title_fa: r.get(3)?,
                title_en: r.get(4)?,
                title_vi: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// What a canonical query was drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Kind {
    FaZwnj,
    Fa,
    En,
    Vi,
    Designation,
    Number,
}

impl Kind {
    const ALL: [Kind; 6] = [
        Kind::FaZwnj,
        Kind::Fa,
        Kind::En,
        Kind::Vi,
        Kind::Designation,
        Kind::Number,
    ];

    fn label(self) -> &'static str {
        match self {
            Kind::FaZwnj => "Persian words with a ZWNJ",
            Kind::Fa => "Persian words",
            Kind::En => "English words",
            Kind::Vi => "Vietnamese words",
            Kind::Designation => "designation",
            Kind::Number => "bare number",
        }
    }

    /// Share of the canonical queries, in thousandths.
    fn share(self) -> usize {
        match self {
            Kind::FaZwnj => 250,
            Kind::Fa => 150,
            Kind::En => 150,
            Kind::Vi => 200,
            Kind::Designation => 175,
            Kind::Number => 75,
        }
    }
}

/// How a variant differs from its canonical query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Variant {
    Orthography(usize),
    /// «ISIRI 389», «استاندارد ملی ۳۸۹», «tcvn5699-1», «ایزو ۹۰۰۱»…
    DesignationRespelled,
}

const VARIANT_KINDS: [VariantKind; 10] = [
    VariantKind::ZwnjRemoved,
    VariantKind::ZwnjAsSpace,
    VariantKind::ZwnjInserted,
    VariantKind::ArabicLetters,
    VariantKind::PersianDigits,
    VariantKind::ArabicIndicDigits,
    VariantKind::AsciiDigits,
    VariantKind::NoDiacritics,
    VariantKind::Decomposed,
    VariantKind::Mixed,
];

impl Variant {
    fn of(kind: VariantKind) -> Variant {
        Variant::Orthography(
            VARIANT_KINDS
                .iter()
                .position(|k| *k == kind)
                .expect("listed"),
        )
    }

    fn label(self) -> &'static str {
        match self {
            Variant::Orthography(i) => match VARIANT_KINDS[i] {
                VariantKind::ZwnjRemoved => "ZWNJ removed («ویژگیها»)",
                VariantKind::ZwnjAsSpace => "ZWNJ as a space («ویژگی ها»)",
                VariantKind::ZwnjInserted => "ZWNJ inserted",
                VariantKind::ArabicLetters => "Arabic ي ك",
                VariantKind::PersianDigits => "Persian digits ۰–۹",
                VariantKind::ArabicIndicDigits => "Arabic-Indic digits ٠–٩",
                VariantKind::AsciiDigits => "ASCII digits",
                VariantKind::NoDiacritics => "Vietnamese without diacritics",
                VariantKind::Decomposed => "decomposed (NFD)",
                VariantKind::Mixed => "mixed (no ZWNJ, ي ك, ٠–٩)",
            },
            Variant::DesignationRespelled => "designation respelled",
        }
    }
}

#[derive(Debug, Clone)]
struct Query {
    text: String,
    kind: Kind,
    /// `None` for a canonical query.
    variant: Option<Variant>,
    /// Index of the canonical query (itself for a canonical one).
    canonical: usize,
    /// The standard the canonical query was drawn from.
    source: i64,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || c == ZWNJ
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}')
}

/// The words of a title, in order (punctuation dropped, ZWNJ kept inside words).
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !is_word_char(c))
        .map(|w| w.trim_matches(ZWNJ))
        .filter(|w| !w.is_empty())
        .collect()
}

/// `len` consecutive words of `text` satisfying `ok`, or `None`.
fn window(rng: &mut Rng, text: &str, len: usize, ok: impl Fn(&[&str]) -> bool) -> Option<String> {
    let w = words(text);
    if w.len() < len {
        return None;
    }
    let start = rng.below(w.len() - len + 1);
    let picked = &w[start..start + len];
    // A lone short word («و», «of», «và») is not a search anyone makes.
    if picked.iter().any(|x| x.chars().count() < 2)
        || (len == 1 && picked[0].chars().count() < 4)
        || !ok(picked)
    {
        return None;
    }
    Some(picked.join(" "))
}

fn persian_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x06F0 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The canonical designation query («INSO 389», «TCVN 5699-1», «ISO 9001»).
fn designation_query(r: &Row) -> String {
    format!("{} {}", r.body, r.number)
}

/// Other ways people write the designation of `r`.
fn respellings(r: &Row) -> Vec<String> {
    let n = &r.number;
    match r.body.as_str() {
        "INSO" => vec![
            format!("ISIRI {n}"),
            format!("استاندارد ملی {}", persian_digits(n)),
            format!("inso{n}"),
        ],
        "TCVN" | "QCVN" => vec![
            format!("{}{n}", r.body.to_lowercase()),
            format!("{} {}", r.body.to_lowercase(), n.replace('-', " ")),
        ],
        "ISO" => vec![format!("iso{n}"), format!("ایزو {}", persian_digits(n))],
        "IEC" => vec![format!("iec{n}")],
        "ISO/IEC" => vec![format!("ISO IEC {n}"), format!("iso/iec{n}")],
        // Codex standards are also cited «CODEX STAN 192» and «CXS 192».
        "CODEX" if n.bytes().all(|b| b.is_ascii_digit()) => {
            vec![format!("CODEX STAN {n}"), format!("CXS {n}")]
        }
        _ => vec![],
    }
}

fn build_queries(rows: &[Row], canonical: usize, seed: u64) -> Vec<Query> {
    let mut rng = Rng(seed);
    let mut out: Vec<Query> = vec![];
    let mut seen: HashSet<String> = HashSet::new();
    let persian = |c: char| matches!(c, '\u{0600}'..='\u{06FF}');
    let lens = |rng: &mut Rng| [1, 1, 2, 2, 2, 3][rng.below(6)];
    for kind in Kind::ALL {
        let want = (canonical * kind.share()).div_ceil(1000);
        let mut made = 0;
        let mut tries = 0;
        while made < want && tries < want * 2_000 {
            tries += 1;
            let r = &rows[rng.below(rows.len())];
            let len = lens(&mut rng);
            let text = match kind {
                Kind::FaZwnj => window(&mut rng, &r.title_fa, len, |w| {
                    w.iter().any(|x| x.contains(ZWNJ))
                }),
                Kind::Fa => window(&mut rng, &r.title_fa, len, |w| {
                    w.iter()
                        .all(|x| !x.contains(ZWNJ) && x.chars().all(persian))
                }),
                Kind::En => window(&mut rng, &r.title_en, len, |w| {
                    w.iter().all(|x| x.chars().all(|c| c.is_ascii_alphabetic()))
                }),
                Kind::Vi => window(&mut rng, &r.title_vi, len, |w| {
                    w.iter().any(|x| !x.is_ascii())
                        && w.iter().all(|x| x.chars().all(char::is_alphabetic))
                }),
                Kind::Designation => Some(designation_query(r)),
                Kind::Number => (r.number.len() >= 2
                    && r.number.bytes().all(|b| b.is_ascii_digit()))
                .then(|| r.number.clone()),
            };
            let Some(text) = text else { continue };
            // Spread designations over the bodies.
            if kind == Kind::Designation {
                let bodies = ["INSO", "TCVN", "QCVN", "ISO", "IEC", "ISO/IEC", "CODEX"];
                if r.body != bodies[made % bodies.len()] && tries % 200 != 0 {
                    continue;
                }
            }
            if !seen.insert(text.clone()) {
                continue;
            }
            made += 1;
            let at = out.len();
            let mut push = |text: String, variant: Option<Variant>| {
                out.push(Query {
                    text,
                    kind,
                    variant,
                    canonical: at,
                    source: r.id,
                });
            };
            push(text.clone(), None);
            for (vk, v) in variants(&text) {
                push(v, Some(Variant::of(vk)));
            }
            if kind == Kind::Designation {
                for v in respellings(r) {
                    if v != text {
                        push(v, Some(Variant::DesignationRespelled));
                    }
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Measurements

#[derive(Debug, Clone, Default)]
struct Outcome {
    /// Milliseconds of the timed request (Tashil) or of the top-100 query (FTS5).
    ms: f64,
    /// Milliseconds of `count(*)` (FTS5 only).
    count_ms: f64,
    total: u64,
    /// Ids of the first page, in rank order.
    top: Vec<i64>,
    /// Recall against the canonical top 100 (variants with a non-empty canonical).
    recall: Option<f64>,
    error: bool,
}

#[derive(Deserialize)]
struct ApiPage {
    total: u64,
    hits: Vec<ApiHit>,
}

#[derive(Deserialize)]
struct ApiHit {
    id: i64,
}

fn api_url(base: &str, q: &str, page: usize) -> Result<reqwest::Url> {
    Ok(reqwest::Url::parse_with_params(
        &format!("{base}/api/v1/standards"),
        &[
            ("q", q),
            ("per_page", &PER_PAGE.to_string()),
            ("page", &page.to_string()),
        ],
    )?)
}

async fn fetch(client: &reqwest::Client, url: reqwest::Url) -> Result<(f64, ApiPage)> {
    let started = Instant::now();
    let res = client.get(url).send().await?;
    let status = res.status();
    let body = res.bytes().await?;
    let ms = started.elapsed().as_secs_f64() * 1e3;
    if !status.is_success() {
        bail!("HTTP {status}: {}", String::from_utf8_lossy(&body));
    }
    Ok((ms, serde_json::from_slice(&body)?))
}

async fn run_tashil(s: &Settings, queries: &[Query]) -> Result<Vec<Outcome>> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(1)
        .timeout(Duration::from_secs(30))
        .build()?;
    let urls: Vec<reqwest::Url> = queries
        .iter()
        .map(|q| api_url(&s.url, &q.text, 1))
        .collect::<Result<_>>()?;
    eprintln!("tashil: warm-up pass over {} queries", urls.len());
    for u in &urls {
        fetch(&client, u.clone()).await?;
    }
    eprintln!("tashil: timed pass");
    let mut out = Vec::with_capacity(queries.len());
    for u in &urls {
        let (ms, page) = fetch(&client, u.clone()).await?;
        out.push(Outcome {
            ms,
            total: page.total,
            top: page.hits.iter().map(|h| h.id).collect(),
            ..Outcome::default()
        });
    }
    eprintln!("tashil: recall (reading deeper pages where needed)");
    for (i, q) in queries.iter().enumerate() {
        if q.variant.is_none() || out[q.canonical].top.is_empty() {
            continue;
        }
        let truth: HashSet<i64> = out[q.canonical].top.iter().copied().collect();
        let mut found: HashSet<i64> = out[i].top.iter().copied().collect();
        let mut page = 2;
        while !truth.is_subset(&found)
            && (page - 1) * PER_PAGE < (out[i].total as usize).min(RECALL_DEPTH)
        {
            let (_, p) = fetch(&client, api_url(&s.url, &q.text, page)?).await?;
            if p.hits.is_empty() {
                break;
            }
            found.extend(p.hits.iter().map(|h| h.id));
            page += 1;
        }
        out[i].recall = Some(truth.intersection(&found).count() as f64 / truth.len() as f64);
    }
    Ok(out)
}

struct Concurrent {
    clients: usize,
    secs: f64,
    requests: usize,
    errors: usize,
    latencies: Vec<f64>,
}

/// `clients` tasks, each cycling through the queries from its own offset, for `secs`.
async fn run_concurrent(
    s: &Settings,
    queries: &[Query],
    clients: usize,
    secs: u64,
) -> Result<Concurrent> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .timeout(Duration::from_secs(30))
        .build()?;
    let urls: std::sync::Arc<Vec<reqwest::Url>> = std::sync::Arc::new(
        queries
            .iter()
            .map(|q| api_url(&s.url, &q.text, 1))
            .collect::<Result<_>>()?,
    );
    let deadline = Instant::now() + Duration::from_secs(secs);
    let started = Instant::now();
    let mut tasks = vec![];
    for c in 0..clients {
        let client = client.clone();
        let urls = urls.clone();
        tasks.push(tokio::spawn(async move {
            let mut lat = vec![];
            let mut errors = 0;
            let mut i = c * urls.len() / clients;
            while Instant::now() < deadline {
                let t = Instant::now();
                let ok = match client.get(urls[i % urls.len()].clone()).send().await {
                    Ok(r) => r.status().is_success() && r.bytes().await.is_ok(),
                    Err(_) => false,
                };
                if ok {
                    lat.push(t.elapsed().as_secs_f64() * 1e3);
                } else {
                    errors += 1;
                }
                i += 1;
            }
            (lat, errors)
        }));
    }
    let mut latencies = vec![];
    let mut errors = 0;
    for t in tasks {
        let (l, e) = t.await?;
        latencies.extend(l);
        errors += e;
    }
    Ok(Concurrent {
        clients,
        secs: started.elapsed().as_secs_f64(),
        requests: latencies.len(),
        errors,
        latencies,
    })
}

struct Fts5Build {
    rows: u64,
    insert_secs: f64,
    optimize_secs: f64,
    bytes: u64,
    sqlite_version: String,
}

fn fts5_path(out: &Path) -> PathBuf {
    out.join("fts5_baseline.db")
}

/// Copies the visible rows into a new file with an FTS5 table, the way a developer would.
fn build_fts5(s: &Settings) -> Result<Fts5Build> {
    let path = fts5_path(&s.out);
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let mut p = path.clone().into_os_string();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    let conn = Connection::open_with_flags(
        &path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let sqlite_version: String = conn.query_row("SELECT sqlite_version()", [], |r| r.get(0))?;
    let app = std::fs::canonicalize(&s.db)?;
    let uri = format!(
        "file:{}?mode=ro",
        app.display()
            .to_string()
            .replace('%', "%25")
            .replace('?', "%3f")
            .replace('#', "%23")
    );
    conn.execute("ATTACH DATABASE ?1 AS app", [uri])?;
    conn.execute_batch(
        "CREATE VIRTUAL TABLE standards_fts USING fts5(
             designation, title_fa, title_en, title_vi, scope,
             tokenize = 'unicode61 remove_diacritics 2'
         );",
    )
    .context("FTS5 is not available in this SQLite build")?;
    let started = Instant::now();
    conn.execute_batch("BEGIN")?;
    // The designation as the app prints it (standards::model::designation).
    let rows = conn.execute(
        "INSERT INTO standards_fts (rowid, designation, title_fa, title_en, title_vi, scope)
         SELECT id,
                body || ' ' || number ||
                    CASE WHEN year > 0 AND instr(number, ':') = 0 THEN ':' || year ELSE '' END,
                title_fa, title_en, title_vi,
                scope_fa || char(10) || scope_en || char(10) || scope_vi
         FROM app.standards WHERE status <> 'draft'",
        [],
    )? as u64;
    conn.execute_batch("COMMIT")?;
    let insert_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    conn.execute_batch("INSERT INTO standards_fts(standards_fts) VALUES ('optimize')")?;
    let optimize_secs = started.elapsed().as_secs_f64();
    conn.execute_batch("DETACH DATABASE app; VACUUM;")?;
    drop(conn);
    let bytes = std::fs::metadata(&path)?.len();
    Ok(Fts5Build {
        rows,
        insert_secs,
        optimize_secs,
        bytes,
        sqlite_version,
    })
}

/// The MATCH expression a developer writes for what the user typed: each
/// whitespace-separated word quoted, all AND-ed, the last one a prefix.
fn fts5_match(q: &str) -> Option<String> {
    let words: Vec<String> = q
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if words.is_empty() {
        return None;
    }
    Some(format!("{}*", words.join(" AND ")))
}

fn run_fts5(s: &Settings, queries: &[Query]) -> Result<Vec<Outcome>> {
    let conn = Connection::open_with_flags(
        fts5_path(&s.out),
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let top_sql = "SELECT rowid, designation, title_fa FROM standards_fts \
                   WHERE standards_fts MATCH ?1 ORDER BY rank LIMIT ?2";
    let count_sql = "SELECT count(*) FROM standards_fts WHERE standards_fts MATCH ?1";
    let top = |m: &str, limit: usize| -> rusqlite::Result<Vec<i64>> {
        let mut st = conn.prepare_cached(top_sql)?;
        let mut rows = st.query(rusqlite::params![m, limit as i64])?;
        let mut ids = vec![];
        while let Some(r) = rows.next()? {
            ids.push(r.get(0)?);
            // Read what a result row shows, as the app does.
            let _: String = r.get(1)?;
            let _: String = r.get(2)?;
        }
        Ok(ids)
    };
    let count = |m: &str| -> rusqlite::Result<u64> {
        conn.prepare_cached(count_sql)?
            .query_row([m], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
    };
    let once = |q: &Query| -> Outcome {
        let Some(m) = fts5_match(&q.text) else {
            return Outcome::default();
        };
        let t = Instant::now();
        let ids = top(&m, PER_PAGE);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let total = count(&m);
        let count_ms = t.elapsed().as_secs_f64() * 1e3;
        match (ids, total) {
            (Ok(top), Ok(total)) => Outcome {
                ms,
                count_ms,
                total,
                top,
                ..Outcome::default()
            },
            _ => Outcome {
                ms,
                count_ms,
                error: true,
                ..Outcome::default()
            },
        }
    };
    eprintln!("fts5: warm-up pass");
    for q in queries {
        once(q);
    }
    eprintln!("fts5: timed pass");
    let mut out: Vec<Outcome> = queries.iter().map(once).collect();
    for (i, q) in queries.iter().enumerate() {
        if q.variant.is_none() || out[q.canonical].top.is_empty() {
            continue;
        }
        let truth: HashSet<i64> = out[q.canonical].top.iter().copied().collect();
        let found: HashSet<i64> = match fts5_match(&q.text) {
            Some(m) if out[i].total > PER_PAGE as u64 => top(&m, RECALL_DEPTH)
                .unwrap_or_default()
                .into_iter()
                .collect(),
            _ => out[i].top.iter().copied().collect(),
        };
        out[i].recall = Some(truth.intersection(&found).count() as f64 / truth.len() as f64);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Report

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn sorted(mut v: Vec<f64>) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    v
}

fn ms(v: f64) -> String {
    if v.is_nan() {
        "—".into()
    } else if v < 10.0 {
        format!("{v:.2} ms")
    } else {
        format!("{v:.1} ms")
    }
}

fn pct(v: f64) -> String {
    if v.is_nan() {
        "—".into()
    } else {
        format!("{:.1}%", v * 100.0)
    }
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

struct Group {
    label: String,
    members: Vec<usize>,
}

fn groups(queries: &[Query]) -> Vec<Group> {
    let mut out = vec![];
    for kind in Kind::ALL {
        let members: Vec<usize> = (0..queries.len())
            .filter(|&i| queries[i].kind == kind && queries[i].variant.is_none())
            .collect();
        out.push(Group {
            label: format!("canonical: {}", kind.label()),
            members,
        });
    }
    let mut variants: Vec<Variant> = queries.iter().filter_map(|q| q.variant).collect();
    variants.sort();
    variants.dedup();
    for v in variants {
        out.push(Group {
            label: format!("variant: {}", v.label()),
            members: (0..queries.len())
                .filter(|&i| queries[i].variant == Some(v))
                .collect(),
        });
    }
    out.push(Group {
        label: "**all canonical**".into(),
        members: (0..queries.len())
            .filter(|&i| queries[i].variant.is_none())
            .collect(),
    });
    out.push(Group {
        label: "**all queries**".into(),
        members: (0..queries.len()).collect(),
    });
    out
}

struct Report<'a> {
    s: &'a Settings,
    rows: usize,
    queries: &'a [Query],
    tashil: &'a [Outcome],
    fts5: &'a [Outcome],
    build: &'a Fts5Build,
    concurrent: Option<&'a Concurrent>,
}

impl Report<'_> {
    fn render(&self) -> String {
        let mut md = String::new();
        let q = self.queries;
        let canonical = q.iter().filter(|x| x.variant.is_none()).count();
        let _ = writeln!(
            md,
            "### Queries\n\n{} queries: {} canonical ones drawn from {} visible (non-draft) \
             standards with seed {}, and {} orthography variants and respellings of them. \
             Tashil: `GET /api/v1/standards?q=…&per_page=100`, anonymous, one keep-alive \
             connection, one warm-up pass then one timed request each (full body read). \
             FTS5: in-process through rusqlite (SQLite {}), no HTTP, so a lower bound for a \
             served FTS5.\n",
            q.len(),
            canonical,
            self.rows,
            self.s.seed,
            q.len() - canonical,
            self.build.sqlite_version
        );

        let _ = writeln!(md, "### Latency, sequential (1 connection)\n");
        let _ = writeln!(
            md,
            "FTS5 \"top 100\" is `… MATCH ?1 ORDER BY rank LIMIT 100` reading the rows' \
             designation and title; \"count\" is `SELECT count(*) … MATCH ?1`. Tashil's one \
             request returns both (the total, 100 hits with highlighted titles and facet \
             counts). Target: Tashil p99 ≤ {TARGET_P99_MS} ms.\n"
        );
        let _ = writeln!(
            md,
            "| queries | n | Tashil p50 | p95 | p99 | max | FTS5 top 100 p50 | p99 | FTS5 count p50 | p99 | FTS5 top 100 + count p99 |"
        );
        let _ = writeln!(md, "|---|---|---|---|---|---|---|---|---|---|---|");
        for g in groups(q) {
            if g.members.is_empty() {
                continue;
            }
            let t = sorted(g.members.iter().map(|&i| self.tashil[i].ms).collect());
            let f = sorted(g.members.iter().map(|&i| self.fts5[i].ms).collect());
            let c = sorted(g.members.iter().map(|&i| self.fts5[i].count_ms).collect());
            let fc = sorted(
                g.members
                    .iter()
                    .map(|&i| self.fts5[i].ms + self.fts5[i].count_ms)
                    .collect(),
            );
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                g.label,
                g.members.len(),
                ms(percentile(&t, 50.0)),
                ms(percentile(&t, 95.0)),
                ms(percentile(&t, 99.0)),
                ms(percentile(&t, 100.0)),
                ms(percentile(&f, 50.0)),
                ms(percentile(&f, 99.0)),
                ms(percentile(&c, 50.0)),
                ms(percentile(&c, 99.0)),
                ms(percentile(&fc, 99.0)),
            );
        }
        let all = sorted(self.tashil.iter().map(|o| o.ms).collect());
        let p99 = percentile(&all, 99.0);
        let _ = writeln!(
            md,
            "\nTashil p99 over all {} queries: **{}** — target ≤ {TARGET_P99_MS} ms {}.\n",
            q.len(),
            ms(p99),
            if p99 <= TARGET_P99_MS {
                "met"
            } else {
                "**not met**"
            }
        );

        if let Some(c) = self.concurrent {
            let l = sorted(c.latencies.clone());
            let _ = writeln!(
                md,
                "### Tashil with {} concurrent clients\n\n{} requests in {:.1} s over all \
                 queries in turn: **{:.0} req/s**, p50 {}, p99 {}, max {}, {} errors.\n",
                c.clients,
                c.requests,
                c.secs,
                c.requests as f64 / c.secs,
                ms(percentile(&l, 50.0)),
                ms(percentile(&l, 99.0)),
                ms(percentile(&l, 100.0)),
                c.errors
            );
        }

        let _ = writeln!(
            md,
            "### FTS5 baseline build\n\n`CREATE VIRTUAL TABLE standards_fts USING \
             fts5(designation, title_fa, title_en, title_vi, scope, tokenize = 'unicode61 \
             remove_diacritics 2')`, filled with one `INSERT … SELECT` of the {} visible rows \
             from the app's database (attached read-only) in one transaction: **{:.1} s**; \
             `optimize` {:.1} s more; file after `VACUUM`: **{}**.\n",
            self.build.rows,
            self.build.insert_secs,
            self.build.optimize_secs,
            mib(self.build.bytes)
        );

        let _ = writeln!(
            md,
            "### Recall on orthography variants\n\nPer engine, against that engine's own \
             result for the canonical query: *recall* is the share of the canonical top 100 \
             found in the variant's top {RECALL_DEPTH}; *same total* the share of variants \
             whose total equals the canonical one; *source* how many variants still have the \
             standard the canonical query was drawn from in their top 100, of those whose \
             canonical query had it there; *empty* the variants that found nothing although \
             the canonical query found something. Variants whose canonical query found \
             nothing on that engine are left out of its figures.\n"
        );
        let _ = writeln!(
            md,
            "| variant | of | n | Tashil recall | same total | source | empty | FTS5 recall | same total | source | empty |"
        );
        let _ = writeln!(md, "|---|---|---|---|---|---|---|---|---|---|---|");
        let mut keys: Vec<(Variant, Kind)> = q
            .iter()
            .filter_map(|x| Some((x.variant?, x.kind)))
            .collect();
        keys.sort();
        keys.dedup();
        let mut rows: Vec<(String, String, Vec<usize>)> = keys
            .iter()
            .map(|&(v, k)| {
                (
                    v.label().to_string(),
                    k.label().to_string(),
                    (0..q.len())
                        .filter(|&i| q[i].variant == Some(v) && q[i].kind == k)
                        .collect(),
                )
            })
            .collect();
        rows.push((
            "**all variants**".into(),
            String::new(),
            (0..q.len()).filter(|&i| q[i].variant.is_some()).collect(),
        ));
        for (variant, of, members) in rows {
            let side = |o: &[Outcome]| {
                let judged: Vec<usize> = members
                    .iter()
                    .copied()
                    .filter(|&i| o[i].recall.is_some())
                    .collect();
                let recall = judged
                    .iter()
                    .map(|&i| o[i].recall.unwrap_or(0.0))
                    .sum::<f64>()
                    / judged.len() as f64;
                let same = judged
                    .iter()
                    .filter(|&&i| o[i].total == o[q[i].canonical].total)
                    .count() as f64
                    / judged.len() as f64;
                let has_source = |i: usize| o[i].top.contains(&q[i].source);
                let source_judged: Vec<usize> = judged
                    .iter()
                    .copied()
                    .filter(|&i| has_source(q[i].canonical))
                    .collect();
                let kept = source_judged.iter().filter(|&&i| has_source(i)).count();
                let empty = judged.iter().filter(|&&i| o[i].total == 0).count();
                (
                    pct(recall),
                    pct(same),
                    format!("{kept}/{}", source_judged.len()),
                    empty,
                )
            };
            let (tr, ts, tk, te) = side(self.tashil);
            let (fr, fs, fk, fe) = side(self.fts5);
            let _ = writeln!(
                md,
                "| {variant} | {of} | {} | {tr} | {ts} | {tk} | {te} | {fr} | {fs} | {fk} | {fe} |",
                members.len()
            );
        }

        let _ = writeln!(
            md,
            "\n### Canonical queries: did they find the standard they were drawn from?\n\n\
             Rank of the source standard in each engine's first 100 (median total in \
             brackets).\n"
        );
        let _ = writeln!(
            md,
            "| canonical | n | Tashil top 1 | top 10 | top 100 | (median total) | FTS5 top 1 | top 10 | top 100 | (median total) |"
        );
        let _ = writeln!(md, "|---|---|---|---|---|---|---|---|---|---|");
        let mut kinds: Vec<(String, Vec<usize>)> = Kind::ALL
            .iter()
            .map(|k| {
                (
                    k.label().to_string(),
                    (0..q.len())
                        .filter(|&i| q[i].kind == *k && q[i].variant.is_none())
                        .collect(),
                )
            })
            .collect();
        kinds.push((
            "**all**".into(),
            (0..q.len()).filter(|&i| q[i].variant.is_none()).collect(),
        ));
        for (label, members) in kinds {
            if members.is_empty() {
                continue;
            }
            let side = |o: &[Outcome]| {
                let rank = |i: usize| o[i].top.iter().position(|id| *id == q[i].source);
                let within = |k: usize| {
                    members
                        .iter()
                        .filter(|&&i| rank(i).is_some_and(|r| r < k))
                        .count()
                };
                let mut totals: Vec<u64> = members.iter().map(|&i| o[i].total).collect();
                totals.sort_unstable();
                (within(1), within(10), within(100), totals[totals.len() / 2])
            };
            let t = side(self.tashil);
            let f = side(self.fts5);
            let _ = writeln!(
                md,
                "| {label} | {} | {} | {} | {} | ({}) | {} | {} | {} | ({}) |",
                members.len(),
                t.0,
                t.1,
                t.2,
                t.3,
                f.0,
                f.1,
                f.2,
                f.3
            );
        }

        let _ = writeln!(md, "\n### Slowest Tashil queries (timed pass)\n");
        let _ = writeln!(
            md,
            "| query | kind | total | Tashil | FTS5 top 100 + count |"
        );
        let _ = writeln!(md, "|---|---|---|---|---|");
        let mut by_ms: Vec<usize> = (0..q.len()).collect();
        by_ms.sort_by(|&a, &b| self.tashil[b].ms.total_cmp(&self.tashil[a].ms));
        for &i in by_ms.iter().take(10) {
            let _ = writeln!(
                md,
                "| «{}» | {} | {} | {} | {} |",
                cell(&q[i].text),
                q[i].variant.map_or(q[i].kind.label(), Variant::label),
                self.tashil[i].total,
                ms(self.tashil[i].ms),
                ms(self.fts5[i].ms + self.fts5[i].count_ms)
            );
        }
        let _ = writeln!(md, "\n### Slowest FTS5 queries (top 100 + count)\n");
        let _ = writeln!(md, "| query | kind | total | FTS5 | Tashil |");
        let _ = writeln!(md, "|---|---|---|---|---|");
        by_ms.sort_by(|&a, &b| {
            (self.fts5[b].ms + self.fts5[b].count_ms)
                .total_cmp(&(self.fts5[a].ms + self.fts5[a].count_ms))
        });
        for &i in by_ms.iter().take(5) {
            let _ = writeln!(
                md,
                "| «{}» | {} | {} | {} | {} |",
                cell(&q[i].text),
                q[i].variant.map_or(q[i].kind.label(), Variant::label),
                self.fts5[i].total,
                ms(self.fts5[i].ms + self.fts5[i].count_ms),
                ms(self.tashil[i].ms)
            );
        }
        let errors = self.fts5.iter().filter(|o| o.error).count();
        if errors > 0 {
            let _ = writeln!(
                md,
                "\n{errors} FTS5 queries failed to parse and count as empty."
            );
        }
        md
    }

    fn tsv(&self) -> String {
        let mut t = String::from(
            "query\tkind\tvariant\tcanonical\tsource\ttashil_ms\ttashil_total\ttashil_recall\tfts5_top_ms\tfts5_count_ms\tfts5_total\tfts5_recall\n",
        );
        let r = |v: Option<f64>| v.map_or(String::new(), |x| format!("{x:.3}"));
        for (i, q) in self.queries.iter().enumerate() {
            let (a, b) = (&self.tashil[i], &self.fts5[i]);
            let _ = writeln!(
                t,
                "{}\t{}\t{}\t{}\t{}\t{:.3}\t{}\t{}\t{:.3}\t{:.3}\t{}\t{}",
                q.text.replace(['\t', '\n'], " "),
                q.kind.label(),
                q.variant.map_or("", Variant::label),
                self.queries[q.canonical].text,
                q.source,
                a.ms,
                a.total,
                r(a.recall),
                b.ms,
                b.count_ms,
                b.total,
                r(b.recall)
            );
        }
        t
    }
}

fn main() -> Result<()> {
    let s = settings()?;
    std::fs::create_dir_all(&s.out)?;
    let rows = load_rows(&s.db)?;
    if rows.is_empty() {
        bail!("no visible standards in {}", s.db.display());
    }
    let queries = build_queries(&rows, s.canonical, s.seed);
    eprintln!(
        "{} visible standards; {} queries ({} canonical)",
        rows.len(),
        queries.len(),
        queries.iter().filter(|q| q.variant.is_none()).count()
    );
    let row_count = rows.len();
    drop(rows);

    eprintln!("fts5: building the baseline table");
    let build = build_fts5(&s)?;
    eprintln!(
        "fts5: {} rows in {:.1} s, {}",
        build.rows,
        build.insert_secs,
        mib(build.bytes)
    );

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let tashil = rt.block_on(run_tashil(&s, &queries))?;
    let fts5 = run_fts5(&s, &queries)?;
    let concurrent = if s.concurrent_secs > 0 {
        eprintln!(
            "tashil: {} concurrent clients for {} s",
            s.concurrency, s.concurrent_secs
        );
        Some(rt.block_on(run_concurrent(
            &s,
            &queries,
            s.concurrency,
            s.concurrent_secs,
        ))?)
    } else {
        None
    };

    let report = Report {
        s: &s,
        rows: row_count,
        queries: &queries,
        tashil: &tashil,
        fts5: &fts5,
        build: &build,
        concurrent: concurrent.as_ref(),
    };
    let md = report.render();
    print!("{md}");
    std::fs::write(s.out.join("standards_search.md"), &md)?;
    std::fs::write(s.out.join("standards_queries.tsv"), report.tsv())?;
    eprintln!(
        "wrote {} and {}",
        s.out.join("standards_search.md").display(),
        s.out.join("standards_queries.tsv").display()
    );
    Ok(())
}
