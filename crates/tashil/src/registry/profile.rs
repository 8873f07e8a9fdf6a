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

use super::tallies::{self, Tally};
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

fn rank_of(counts: &HashMap<&str, u64>, province: &str) -> u64 {
    let mine = counts.get(province).copied().unwrap_or(0);
    1 + counts.values().filter(|n| **n > mine).count() as u64
}

/// The profile of `province` against the other provinces of its country, from the counts
/// the registry keeps on every write (never from the units themselves: this page is public).
pub async fn compute<C: ConnectionTrait>(db: &C, province: &str) -> Result<Option<Profile>, DbErr> {
    let Some(p) = tashil_reference::province(province) else {
        return Ok(None);
    };
    let counts = tallies::of_country(db, p.country.code()).await?;
    Ok(Some(from_tallies(province, &counts)))
}

/// The profile of `province` from its country's counts. Divisions and ranks count active
/// units: idle and closed units do not make a province lead.
pub fn from_tallies(province: &str, counts: &[Tally]) -> Profile {
    let mut per_division: BTreeMap<&str, HashMap<&str, u64>> = BTreeMap::new();
    let mut kb: HashMap<&str, u64> = HashMap::new();
    let mut by_status = BTreeMap::new();
    let mut by_size = BTreeMap::new();
    let mut by_section = BTreeMap::new();
    for t in counts {
        let p = t.province.as_str();
        match t.facet.as_str() {
            "division" => {
                per_division
                    .entry(t.bucket.as_str())
                    .or_default()
                    .insert(p, t.units);
            }
            "kb" => {
                kb.insert(p, t.units);
            }
            facet if p == province => {
                let map = match facet {
                    "status" => &mut by_status,
                    "size" => &mut by_size,
                    "section" => &mut by_section,
                    _ => continue,
                };
                map.insert(t.bucket.clone(), t.units);
            }
            _ => {}
        }
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
    Profile {
        province: province.to_string(),
        total: by_status.values().sum(),
        by_status,
        by_size,
        by_section,
        knowledge_based: kb.get(province).copied().unwrap_or(0),
        knowledge_based_rank: rank_of(&kb, province),
        divisions,
        leads,
    }
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
    let counts = tallies::active_per_province(&s.db).await?;
    let page = PageCtx::new(&ctx);
    let provinces = counts
        .into_iter()
        .map(|t| {
            (
                t.province.clone(),
                page.province_name(&t.province),
                page.num(&t.units),
            )
        })
        .collect();
    Ok(IndexPage { page, provinces }.into_response())
}
