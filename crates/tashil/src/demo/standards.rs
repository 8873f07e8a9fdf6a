//! The demo catalogue: the reference crate's deterministic standards (real well-known ones
//! first, then generated ones across INSO, TCVN, QCVN, ISO, IEC and Codex), stored through
//! the catalogue's own validation, with enquiries open and closed and stakeholder comments.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::DatabaseConnection;
use tashil_reference::standards::{DemoStandard, demo_catalogue};

use crate::standards::{ClauseDraft, NewStandard, ProductScopeDraft, StandardDraft, Status};

pub const DEFAULT_STANDARDS: u64 = 3_000;

fn draft(d: &DemoStandard) -> StandardDraft {
    let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    StandardDraft {
        // Joint ISO/IEC standards are filed under ISO in the reference data.
        body: if d.designation().starts_with("ISO/IEC") {
            "ISO/IEC".to_string()
        } else {
            d.body.as_str().to_string()
        },
        number: d.number.clone(),
        year: d.year.to_string(),
        edition: d.edition.to_string(),
        title_fa: d.title_fa.clone(),
        title_en: d.title_en.clone(),
        title_vi: d.title_vi.clone(),
        scope_fa: d.scope_fa.clone(),
        scope_en: d.scope_en.clone(),
        scope_vi: d.scope_vi.clone(),
        ics: d.ics.join(" "),
        products: d
            .hs_prefixes
            .iter()
            .map(|hs| ProductScopeDraft {
                hs_code: hs.to_string(),
                product: d
                    .products
                    .iter()
                    .find(|p| {
                        tashil_reference::products::product(p).is_some_and(|r| r.hs.starts_with(hs))
                    })
                    .map(|p| p.to_string())
                    .unwrap_or_default(),
            })
            .collect(),
        // Descriptive clauses (labelling text, packaging) carry no measurable requirement.
        clauses: d
            .clauses
            .iter()
            .filter(|c| c.min.is_some() || c.max.is_some() || !c.allowed.is_empty())
            .map(|c| ClauseDraft {
                number: c.number.clone(),
                parameter_fa: c.parameter_fa.clone(),
                parameter_en: c.parameter_en.clone(),
                parameter_vi: c.parameter_vi.clone(),
                test_method: c.test_method.clone(),
                unit: c.unit.to_string(),
                min: num(c.min),
                max: num(c.max),
                allowed: c.allowed.join("|"),
            })
            .collect(),
    }
}

fn status(d: &DemoStandard) -> Status {
    Status::parse(d.status.as_str()).unwrap_or(Status::Published)
}

/// A standard in force with measurable clauses: what the demo's labs are accredited for.
pub struct Tested {
    pub id: i64,
    /// Its body's country (`IR`, `VN`).
    pub country: &'static str,
    pub clauses: Vec<String>,
    /// Some clause takes a measured value with its unit (not only one of listed values).
    pub measured: bool,
}

/// Writes `count` standards; returns those in force with measurable clauses.
pub async fn create(db: &DatabaseConnection, count: u64, seed: u64) -> anyhow::Result<Vec<Tested>> {
    let catalogue = demo_catalogue(count as usize, seed);
    let now = Utc::now();
    // The demo's enquiries and mandatory dates are laid out around Tehran's today.
    let today = crate::kernel::clock::local_date("IR", now);
    let mut items = Vec::with_capacity(catalogue.len());
    // Index in `catalogue` of each stored item, to resolve `replaced_by`.
    let mut source = Vec::with_capacity(catalogue.len());
    let mut enquiry_n = 0i64;
    for (i, d) in catalogue.iter().enumerate() {
        let v = match draft(d).validate() {
            Ok(v) => v,
            Err(errs) => {
                tracing::warn!(number = %d.number, ?errs, "demo standard skipped");
                continue;
            }
        };
        let st = status(d);
        // Enquiries alternate between open (closing in the coming weeks) and just closed.
        let enquiry_deadline = (st == Status::Enquiry).then(|| {
            enquiry_n += 1;
            if enquiry_n % 2 == 1 {
                today + Duration::days(10 + enquiry_n % 30)
            } else {
                today - Duration::days(1 + enquiry_n % 20)
            }
        });
        let mandatory = d.mandatory && st.in_force();
        items.push(NewStandard {
            v,
            status: st,
            mandatory,
            mandatory_from: mandatory.then(|| {
                d.mandatory_from
                    .and_then(|(y, m, dd)| NaiveDate::from_ymd_opt(y, m, dd))
                    .unwrap_or(today)
                    .min(today)
            }),
            // Its body's country's list: INSO standards on Iran's, QCVN regulations on
            // Vietnam's (`standards::lists`).
            mandatory_in: Vec::new(),
            enquiry_deadline,
        });
        source.push(i);
    }
    // Position in `items` of each catalogue entry stored, to resolve `replaced_by`.
    let mut item_of = vec![None; catalogue.len()];
    for (k, i) in source.iter().enumerate() {
        item_of[*i] = Some(k);
    }
    let replaced: Vec<(usize, usize)> = source
        .iter()
        .enumerate()
        .filter_map(|(k, i)| Some((k, item_of[catalogue[*i].replaced_by?]?)))
        .collect();
    let ids = crate::standards::insert_demo(db, &items, &replaced, now).await?;
    let enquiries: Vec<(i64, bool)> = items
        .iter()
        .zip(ids.iter())
        .filter(|(n, _)| n.status == Status::Enquiry)
        .map(|(n, id)| (*id, n.enquiry_deadline.is_some_and(|d| d >= today)))
        .take(6)
        .collect();
    comments(db, &enquiries, now).await?;
    Ok(items
        .iter()
        .zip(ids.iter())
        .filter(|(n, _)| n.status.in_force() && !n.v.clauses.is_empty())
        .map(|(n, id)| Tested {
            id: *id,
            country: if crate::standards::VIETNAMESE_BODIES.contains(&n.v.body.as_str()) {
                "VN"
            } else {
                "IR"
            },
            clauses: n.v.clauses.iter().map(|c| c.number.clone()).collect(),
            measured: n.v.clauses.iter().any(|c| c.allowed.is_empty()),
        })
        .collect())
}

/// Stakeholder comments on a few drafts in enquiry, answered by the committee where the
/// enquiry has closed.
async fn comments(
    db: &DatabaseConnection,
    enquiries: &[(i64, bool)],
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let find = |email| super::people::actor_by_email(db, email);
    let (Some(unit), Some(lab), Some(admin)) = (
        find("unit@demo.tashil.ir").await?,
        find("lab@demo.tashil.ir").await?,
        find("admin@demo.tashil.ir").await?,
    ) else {
        return Ok(());
    };
    let txn = crate::db::begin_write(db).await?;
    for (k, (id, open)) in enquiries.iter().enumerate() {
        for (who, body, proposal) in [
            (
                &unit,
                "حد بالای رطوبت برای واحدهای کوچک بدون خشک‌کن صنعتی دست‌نیافتنی است؛ دورهٔ گذار شش‌ماهه پیشنهاد می‌شود.",
                "افزودن دورهٔ گذار شش‌ماهه",
            ),
            (
                &lab,
                "روش آزمون بند ۵ به تجهیزاتی نیاز دارد که در آزمایشگاه‌های همکار استان نیست؛ روش جایگزین ISO ذکر شود.",
                "پذیرش روش آزمون جایگزین",
            ),
        ] {
            let m = crate::standards::seed_comment(
                &txn,
                *id,
                who.organisation_id(),
                who.user_id(),
                if k % 2 == 0 { "5.1" } else { "" },
                body,
                proposal,
                now,
            )
            .await?;
            if !open {
                crate::standards::seed_response(
                    &txn,
                    m,
                    admin.user_id(),
                    "partly_accepted",
                    "دورهٔ گذار سه‌ماهه در متن نهایی آمد.",
                    now,
                )
                .await?;
            }
        }
    }
    txn.commit().await?;
    Ok(())
}
