//! The provincial industrial profile ("industrial ID card of the province"): units by ISIC
//! section and division, size and knowledge-based status, and the province's national rank
//! in each division ("Alborz leads in 15 categories"). Aggregates only, so it is public.

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sea_orm::{ConnectionTrait, DbErr};
use serde::Serialize;

use crate::db::settings::statement;
use crate::web::AppState;
use crate::web::chart::{Bar, bars};
use crate::web::{AppError, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/provinces", get(index))
        .route("/provinces/{code}", get(page))
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DivisionRow {
    pub division: String,
    pub section: String,
    pub units: u64,
    /// 1 = the most units of any province of the country in this division.
    pub rank: u64,
    pub provinces_ranked: u64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Profile {
    pub province: String,
    pub total: u64,
    pub by_status: BTreeMap<String, u64>,
    pub by_size: BTreeMap<String, u64>,
    pub by_section: BTreeMap<String, u64>,
    pub knowledge_based: u64,
    pub knowledge_based_rank: u64,
    pub divisions: Vec<DivisionRow>,
    /// Divisions in which this province has more active units than any other.
    pub leads: u64,
}

/// Rows of `(province, key, count)` from `sql`, whose `?` placeholders take `values`.
async fn grouped<C: ConnectionTrait>(
    db: &C,
    sql: &str,
    values: Vec<sea_orm::Value>,
) -> Result<Vec<(String, String, u64)>, DbErr> {
    let backend = db.get_database_backend();
    let rows = db.query_all_raw(statement(backend, sql, values)).await?;
    rows.into_iter()
        .map(|r| {
            Ok((
                r.try_get::<String>("", "p")?,
                r.try_get::<String>("", "k")?,
                r.try_get::<i64>("", "n")? as u64,
            ))
        })
        .collect()
}

fn rank_of(counts: &HashMap<&str, u64>, province: &str) -> u64 {
    let mine = counts.get(province).copied().unwrap_or(0);
    1 + counts.values().filter(|n| **n > mine).count() as u64
}

/// Computes the profile of `province` against the other provinces of its country. Counts
/// are of active units: idle and closed units do not make a province lead.
pub async fn compute<C: ConnectionTrait>(db: &C, province: &str) -> Result<Option<Profile>, DbErr> {
    let Some(p) = tashil_reference::province(province) else {
        return Ok(None);
    };
    let country = p.country.code();
    let by_division = grouped(
        db,
        "SELECT province_code AS p, substr(isic_class, 1, 2) AS k, COUNT(*) AS n FROM units \
         WHERE status = 'active' AND country = ? GROUP BY province_code, substr(isic_class, 1, 2)",
        vec![country.into()],
    )
    .await?;
    let mine = |sql: &'static str| grouped(db, sql, vec![province.into()]);
    let status_rows = mine("SELECT province_code AS p, status AS k, COUNT(*) AS n FROM units WHERE province_code = ? GROUP BY province_code, status").await?;
    let size_rows = mine("SELECT province_code AS p, size_class AS k, COUNT(*) AS n FROM units WHERE province_code = ? AND status = 'active' GROUP BY province_code, size_class").await?;
    let section_rows = mine("SELECT province_code AS p, isic_section AS k, COUNT(*) AS n FROM units WHERE province_code = ? AND status = 'active' GROUP BY province_code, isic_section").await?;
    let kb_rows = grouped(
        db,
        "SELECT province_code AS p, 'kb' AS k, COUNT(*) AS n FROM units \
         WHERE status = 'active' AND knowledge_based = ? AND country = ? GROUP BY province_code",
        vec![true.into(), country.into()],
    )
    .await?;

    let mut per_division: BTreeMap<&str, HashMap<&str, u64>> = BTreeMap::new();
    for (p, d, n) in &by_division {
        per_division
            .entry(d.as_str())
            .or_default()
            .insert(p.as_str(), *n);
    }
    let mut divisions = vec![];
    let mut leads = 0;
    for (d, counts) in &per_division {
        let units = counts.get(province).copied().unwrap_or(0);
        if units == 0 {
            continue;
        }
        let rank = rank_of(counts, province);
        if rank == 1 {
            leads += 1;
        }
        divisions.push(DivisionRow {
            division: d.to_string(),
            section: tashil_reference::isic::division(d)
                .map(|x| x.section.to_string())
                .unwrap_or_default(),
            units,
            rank,
            provinces_ranked: counts.len() as u64,
        });
    }
    divisions.sort_by(|a, b| b.units.cmp(&a.units).then(a.division.cmp(&b.division)));
    let kb: HashMap<&str, u64> = kb_rows.iter().map(|(p, _, n)| (p.as_str(), *n)).collect();
    let to_map = |rows: Vec<(String, String, u64)>| {
        rows.into_iter()
            .map(|(_, k, n)| (k, n))
            .collect::<BTreeMap<_, _>>()
    };
    let by_status = to_map(status_rows);
    Ok(Some(Profile {
        province: province.to_string(),
        total: by_status.values().sum(),
        by_status,
        by_size: to_map(size_rows),
        by_section: to_map(section_rows),
        knowledge_based: kb.get(province).copied().unwrap_or(0),
        knowledge_based_rank: rank_of(&kb, province),
        divisions,
        leads,
    }))
}

#[derive(Template, WebTemplate)]
#[template(path = "registry/profile.html")]
struct ProfilePage {
    page: PageCtx,
    name: String,
    p: Profile,
    sections: Vec<Bar>,
    sizes: Vec<Bar>,
    divisions: Vec<(String, String, String, String)>,
}

async fn page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let p = compute(&s.db, &code).await?.ok_or(AppError::NotFound)?;
    let page = PageCtx::new(&ctx);
    let lang = page.lang.code();
    let mut section_items: Vec<(String, u64)> = p
        .by_section
        .iter()
        .map(|(k, v)| {
            let name = k
                .chars()
                .next()
                .and_then(tashil_reference::isic::section)
                .map(|s| s.name(lang))
                .unwrap_or(k);
            (format!("{k} · {name}"), *v)
        })
        .collect();
    section_items.sort_by_key(|b| std::cmp::Reverse(b.1));
    let sizes = ["micro", "small", "medium", "large"]
        .iter()
        .map(|k| {
            (
                page.t(&format!("size-{k}")),
                p.by_size.get(*k).copied().unwrap_or(0),
            )
        })
        .collect();
    let divisions = p
        .divisions
        .iter()
        .map(|d| {
            (
                page.digits(&d.division),
                tashil_reference::isic::division(&d.division)
                    .map(|x| x.name(lang).to_string())
                    .unwrap_or_default(),
                page.num(&d.units),
                page.t1(
                    "profile-rank-of",
                    "rank",
                    format!("{}/{}", page.num(&d.rank), page.num(&d.provinces_ranked)),
                ),
            )
        })
        .collect();
    Ok(ProfilePage {
        name: page.province_name(&code),
        sections: bars(&page, section_items),
        sizes: bars(&page, sizes),
        divisions,
        page,
        p,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "registry/provinces.html")]
struct IndexPage {
    page: PageCtx,
    provinces: Vec<(String, String, String)>,
}

async fn index(State(s): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let counts = grouped(
        &s.db,
        "SELECT province_code AS p, 'n' AS k, COUNT(*) AS n FROM units WHERE status = 'active' GROUP BY province_code",
        vec![],
    )
    .await?;
    let page = PageCtx::new(&ctx);
    let provinces = counts
        .into_iter()
        .map(|(p, _, n)| (p.clone(), page.province_name(&p), page.num(&n)))
        .collect();
    Ok(IndexPage { page, provinces }.into_response())
}
