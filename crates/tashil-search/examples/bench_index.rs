//! Builds an index of synthetic standards and times searches and suggestions.
//!
//! ```sh
//! cargo run --release -p tashil-search --example bench_index -- [docs] [queries]
//! ```
//!
//! Defaults: 200 000 standards, 1 000 queries of each kind. The text is generated
//! (Persian, English and Vietnamese words with a skewed frequency), deterministic
//! from a fixed seed, so runs compare.

use std::time::{Duration, Instant};

use tashil_search::{SearchRequest, StandardDoc, StandardsIndex};

/// A small deterministic generator (xorshift), to avoid a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed towards 0, like word frequencies.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64) * u.powi(3)) as usize
    }
}

fn vocabulary(syllables: &[&str], n: usize, rng: &mut Rng) -> Vec<String> {
    let mut words = std::collections::BTreeSet::new();
    while words.len() < n {
        let len = 2 + rng.below(2);
        let w: String = (0..len)
            .map(|_| syllables[rng.below(syllables.len())])
            .collect();
        words.insert(w);
    }
    let mut v: Vec<String> = words.into_iter().collect();
    // Shuffle so that frequency does not follow the alphabet.
    for i in (1..v.len()).rev() {
        v.swap(i, rng.below(i + 1));
    }
    v
}

struct Corpus {
    fa: Vec<String>,
    en: Vec<String>,
    vi: Vec<String>,
}

impl Corpus {
    fn new(rng: &mut Rng) -> Corpus {
        let fa_syl = [
            "کار", "ست", "اند", "رد", "می", "نی", "سا", "زی", "تو", "لید", "فر", "آو", "ری", "آب",
            "بر", "ق", "گا", "ز", "سو", "خت", "ایم", "نی", "کی", "فی", "ت", "مو", "اد", "شی",
            "میا", "یی", "دا", "رو", "پز", "شک", "ه", "ها", "ی", "تر", "بن", "یان", "دان", "ش",
        ];
        let en_syl = [
            "ma", "te", "ri", "al", "con", "struc", "tion", "sa", "fe", "ty", "wa", "ter", "qual",
            "i", "ty", "me", "thod", "test", "ing", "el", "ec", "tric", "food", "stan", "dard",
            "pro", "duct", "ve", "hi", "cle", "ap", "pli", "ance", "steel", "pipe", "oil",
        ];
        let vi_syl = [
            "tiêu",
            "chuẩn",
            "chất",
            "lượng",
            "nước",
            "điện",
            "thực",
            "phẩm",
            "an",
            "toàn",
            "thiết",
            "bị",
            "phương",
            "pháp",
            "thử",
            "xây",
            "dựng",
            "vật",
            "liệu",
            "sản",
            "xuất",
            "kỹ",
            "thuật",
            "quốc",
            "gia",
            "đo",
            "lường",
            "hóa",
            "học",
            "môi",
            "trường",
            "ống",
            "thép",
            "dầu",
            "khí",
            "gỗ",
            "giấy",
            "nhựa",
            "kính",
            "bê",
            "tông",
        ];
        let vi: Vec<String> = {
            let mut v = vec![];
            for a in vi_syl {
                for b in vi_syl.iter().take(12) {
                    v.push(format!("{a} {b}"));
                }
            }
            v
        };
        Corpus {
            fa: vocabulary(&fa_syl, 6000, rng),
            en: vocabulary(&en_syl, 6000, rng),
            vi,
        }
    }

    fn words(&self, list: &[String], n: usize, rng: &mut Rng) -> String {
        (0..n)
            .map(|_| list[rng.zipf(list.len())].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

const BODIES: [(&str, usize); 6] = [
    ("INSO", 35),
    ("TCVN", 25),
    ("QCVN", 5),
    ("ISO", 20),
    ("IEC", 10),
    ("CODEX", 5),
];
const STATUSES: [(&str, usize); 5] = [
    ("published", 70),
    ("withdrawn", 15),
    ("draft", 5),
    ("enquiry", 5),
    ("amended", 5),
];

fn pick<'a>(table: &[(&'a str, usize)], rng: &mut Rng) -> &'a str {
    let mut r = rng.below(100);
    for &(v, w) in table {
        if r < w {
            return v;
        }
        r -= w;
    }
    table[0].0
}

fn make_doc(id: i64, c: &Corpus, rng: &mut Rng) -> StandardDoc {
    let body = pick(&BODIES, rng);
    let n = 1 + rng.below(30_000);
    let year = 1990 + rng.below(35) as u16;
    let number = match body {
        "QCVN" => format!("{:02}:{year}/BYT", n % 100),
        "CODEX" => format!("CXS {}", n % 400),
        _ if rng.below(4) == 0 => format!("{n}-{}", 1 + rng.below(9)),
        _ => n.to_string(),
    };
    let ics = (0..1 + rng.below(2))
        .map(|_| {
            format!(
                "{:02}.{:03}.{:02}",
                1 + rng.below(97),
                10 * rng.below(30),
                rng.below(90)
            )
        })
        .collect();
    let designation = if body == "CODEX" {
        format!("{number}-{year}")
    } else {
        format!("{body} {number}:{year}")
    };
    StandardDoc {
        id,
        body: body.into(),
        designation,
        number,
        year: Some(year),
        title_fa: c.words(&c.fa, 4 + rng.below(7), rng),
        title_en: c.words(&c.en, 4 + rng.below(7), rng),
        title_vi: c.words(&c.vi, 2 + rng.below(4), rng),
        scope: format!(
            "{} {} {}",
            c.words(&c.fa, 20 + rng.below(30), rng),
            c.words(&c.en, 10 + rng.below(20), rng),
            c.words(&c.vi, 5 + rng.below(10), rng)
        ),
        ics,
        status: pick(&STATUSES, rng).into(),
        mandatory: rng.below(5) == 0,
    }
}

fn strip_marks(s: &str) -> String {
    // Enough for a benchmark: the folding itself is tested elsewhere.
    tashil_search::variants::variants(s)
        .into_iter()
        .find(|(k, _)| *k == tashil_search::variants::VariantKind::NoDiacritics)
        .map_or_else(|| s.to_owned(), |(_, v)| v)
}

fn queries(c: &Corpus, n: usize, rng: &mut Rng) -> Vec<SearchRequest> {
    let mut out = vec![];
    for i in 0..n {
        let mut req = SearchRequest::default();
        req.q = match i % 10 {
            0 | 1 => c.words(&c.fa, 1, rng),
            2 => c.words(&c.fa, 2, rng),
            3 => c.words(&c.en, 2, rng),
            4 => {
                // Typing: the last word cut short.
                let w = c.words(&c.fa, 2, rng);
                let cut: String = w.chars().take(w.chars().count() - 2).collect();
                cut
            }
            5 => strip_marks(&c.words(&c.vi, 1, rng)),
            6 => match rng.below(4) {
                0 => format!("ISIRI {}", 1 + rng.below(30_000)),
                1 => format!("استاندارد ملی {}", 1 + rng.below(30_000)),
                2 => format!("tcvn{}", 1 + rng.below(30_000)),
                _ => format!("ISO {}:2015", 1 + rng.below(30_000)),
            },
            7 => (1 + rng.below(30_000)).to_string(),
            8 => {
                req.body = Some("INSO".into());
                req.status = Some("published".into());
                c.words(&c.fa, 1, rng)
            }
            _ => {
                req.ics = Some(format!("{:02}", 1 + rng.below(97)));
                if rng.below(2) == 0 {
                    String::new()
                } else {
                    c.words(&c.en, 1, rng)
                }
            }
        };
        out.push(req);
    }
    out
}

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort_unstable();
    let pct = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    let total: Duration = times.iter().sum();
    println!(
        "{name:<28} n={:<5} mean={:>7.2?} p50={:>7.2?} p95={:>7.2?} p99={:>7.2?} max={:>7.2?}",
        times.len(),
        total / times.len() as u32,
        pct(0.50),
        pct(0.95),
        pct(0.99),
        times[times.len() - 1]
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n_docs = args.first().and_then(|a| a.parse().ok()).unwrap_or(200_000);
    let n_queries = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1_000);
    // A third argument keeps the index in that directory and reuses it next time.
    let temp = tempfile::tempdir()?;
    let dir = args
        .get(2)
        .map_or_else(|| temp.path().to_owned(), std::path::PathBuf::from);
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let corpus = Corpus::new(&mut rng);
    let index = StandardsIndex::open_or_create(&dir)?;

    let started = Instant::now();
    let docs: Vec<StandardDoc> = (1..=n_docs as i64)
        .map(|id| make_doc(id, &corpus, &mut rng))
        .collect();
    let generated = started.elapsed();
    if index.num_docs() != n_docs as u64 {
        let started = Instant::now();
        index.rebuild(docs.into_iter(), 1)?;
        println!(
            "{n_docs} docs: generated in {generated:.2?}, rebuilt (indexed + merged) in {:.2?}",
            started.elapsed()
        );
    }
    let size: u64 = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!("index size on disk: {:.1} MiB", size as f64 / 1048576.0);

    let started = Instant::now();
    let updates: Vec<StandardDoc> = (1..=100)
        .map(|id| make_doc(id, &corpus, &mut rng))
        .collect();
    for (i, d) in updates.chunks(10).enumerate() {
        index.upsert(d, 2 + i as i64)?;
    }
    println!(
        "10 upserts of 10 docs (commit + reload each): {:.2?}",
        started.elapsed()
    );

    let mut reqs = queries(&corpus, n_queries, &mut rng);
    // A fourth argument keeps only the queries of that kind (0–9), for profiling.
    if let Some(kind) = args.get(3).and_then(|a| a.parse::<usize>().ok()) {
        reqs = reqs.into_iter().skip(kind).step_by(10).collect();
    }
    // Warm the page cache and the lazily opened structures once.
    for r in reqs.iter().take(50) {
        index.search(r)?;
    }
    let mut all = vec![];
    let mut by_kind: Vec<Vec<Duration>> = vec![vec![]; 10];
    let mut hits = 0usize;
    for (i, r) in reqs.iter().enumerate() {
        let t = Instant::now();
        let res = index.search(r)?;
        let e = t.elapsed();
        hits += res.total;
        all.push(e);
        by_kind[i % 10].push(e);
    }
    report("search (all kinds)", all);
    let names = [
        "1 Persian word",
        "1 Persian word (2)",
        "2 Persian words",
        "2 English words",
        "typing (prefix)",
        "Vietnamese no diacritics",
        "designation",
        "bare number",
        "word + body/status filter",
        "ICS filter, browse or word",
    ];
    for (name, times) in names.iter().zip(by_kind) {
        report(name, times);
    }
    println!("mean matches per search: {}", hits / reqs.len().max(1));

    let mut sugg = vec![];
    for r in reqs.iter().filter(|r| !r.q.is_empty()) {
        let prefix: String = r.q.chars().take(r.q.chars().count().max(3) - 1).collect();
        let t = Instant::now();
        index.suggest(&prefix, "fa", 8)?;
        sugg.push(t.elapsed());
    }
    report("suggest", sugg);

    // Two threads at once, as on the 2-core server.
    let started = Instant::now();
    std::thread::scope(|s| {
        for half in reqs.chunks(reqs.len().div_ceil(2)) {
            let index = &index;
            s.spawn(move || {
                for r in half {
                    index.search(r).expect("search");
                }
            });
        }
    });
    let elapsed = started.elapsed();
    println!(
        "2 threads: {} searches in {elapsed:.2?} ({:.0}/s)",
        reqs.len(),
        reqs.len() as f64 / elapsed.as_secs_f64()
    );
    Ok(())
}
