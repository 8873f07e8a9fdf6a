//! Searching the catalogue: the node's index answers which standards match (after it has
//! applied every committed change), the database supplies what a result row shows.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde::Serialize;
use tashil_search::{SearchRequest, Snippet};

use super::entity::standard;
use super::model::{Status, designation};
use super::service::StandardsError;
use crate::access::Actor;
use crate::access::standards as rules;
use crate::search::Catalogue;

#[derive(Debug, Clone, Default)]
pub struct SearchParams {
    pub q: String,
    pub body: Option<String>,
    pub status: Option<Status>,
    pub ics: Option<String>,
    pub mandatory: Option<bool>,
    pub page: u64,
    pub per_page: u64,
}

/// A piece of highlighted text: `hit` marks the words that matched.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Fragment {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SearchHit {
    pub id: i64,
    pub designation: String,
    pub status: Status,
    pub mandatory: bool,
    pub ics: Vec<String>,
    /// The title in the asked language, with the matched words marked.
    pub title: Vec<Fragment>,
    /// A passage of the scope with matched words, when the scope matched.
    pub scope: Vec<Fragment>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FacetCount {
    pub value: String,
    pub count: u64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SearchFacets {
    pub body: Vec<FacetCount>,
    pub status: Vec<FacetCount>,
    pub mandatory: Vec<FacetCount>,
    pub ics: Vec<FacetCount>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SearchPage {
    pub total: u64,
    pub page: u64,
    pub per_page: u64,
    pub hits: Vec<SearchHit>,
    pub facets: SearchFacets,
}

impl SearchPage {
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }
}

fn fragments(s: &Snippet) -> Vec<Fragment> {
    s.fragments
        .iter()
        .map(|(text, hit)| Fragment {
            text: text.clone(),
            hit: *hit,
        })
        .collect()
}

/// The scope snippet's fragments, keeping only the lines with a match: the indexed scope holds
/// the Persian, English and Vietnamese texts on separate lines, and a passage that runs from
/// one language into the next reads badly.
fn scope_fragments(s: &Snippet) -> Vec<Fragment> {
    let mut lines: Vec<Vec<Fragment>> = vec![vec![]];
    for (text, hit) in &s.fragments {
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push(vec![]);
            }
            if !part.is_empty() {
                lines.last_mut().expect("one line").push(Fragment {
                    text: part.to_string(),
                    hit: *hit,
                });
            }
        }
    }
    let with_hits: Vec<Vec<Fragment>> = lines
        .into_iter()
        .filter(|l| l.iter().any(|f| f.hit))
        .collect();
    let mut out = vec![];
    for (i, line) in with_hits.into_iter().enumerate() {
        if i > 0 {
            out.push(Fragment {
                text: " … ".into(),
                hit: false,
            });
        }
        out.extend(line);
    }
    out
}

fn counts<T: ToString>(v: &[(T, u64)]) -> Vec<FacetCount> {
    v.iter()
        .map(|(value, count)| FacetCount {
            value: value.to_string(),
            count: *count,
        })
        .collect()
}

/// Runs an index call off the async workers: a search holds a core for milliseconds.
async fn blocking<T: Send + 'static, E: std::fmt::Display + Send + 'static>(
    catalogue: &Catalogue,
    f: impl FnOnce(&tashil_search::StandardsIndex) -> Result<T, E> + Send + 'static,
) -> Result<T, StandardsError> {
    let index = catalogue.index();
    tokio::task::spawn_blocking(move || f(&index))
        .await
        .map_err(|e| StandardsError::Search(e.to_string()))?
        .map_err(|e| StandardsError::Search(e.to_string()))
}

/// Deep pages of a text search are not worth their cost; the filters narrow instead.
const MAX_OFFSET: u64 = 10_000;

pub async fn search(
    db: &DatabaseConnection,
    catalogue: &Catalogue,
    actor: Option<&Actor>,
    lang: tashil_text::Lang,
    p: &SearchParams,
) -> Result<SearchPage, StandardsError> {
    catalogue
        .catch_up(db)
        .await
        .map_err(|e| StandardsError::Db(sea_orm::DbErr::Custom(e.to_string())))?;
    let per_page = p.per_page.clamp(1, 100);
    let page = p.page.max(1).min(MAX_OFFSET / per_page + 1);
    let drafts_hidden = !rules::sees_drafts(actor);
    if drafts_hidden && p.status == Some(Status::Draft) {
        return Ok(SearchPage {
            total: 0,
            page,
            per_page,
            hits: vec![],
            facets: SearchFacets {
                body: vec![],
                status: vec![],
                mandatory: vec![],
                ics: vec![],
            },
        });
    }
    let req = SearchRequest {
        q: p.q.clone(),
        lang: lang.code().to_string(),
        body: p.body.clone(),
        status: p.status.map(|s| s.as_str().to_string()),
        exclude_status: drafts_hidden.then(|| Status::Draft.as_str().to_string()),
        ics: p.ics.clone(),
        mandatory: p.mandatory,
        offset: ((page - 1) * per_page) as usize,
        limit: per_page as usize,
    };
    let found = blocking(catalogue, move |index| index.search(&req)).await?;
    let ids: Vec<i64> = found.hits.iter().map(|h| h.id).collect();
    let rows = standard::Entity::find()
        .filter(standard::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    let mut hits = vec![];
    for h in &found.hits {
        // A hit deleted since the index last caught up is left out.
        let Some(m) = rows.iter().find(|m| m.id == h.id) else {
            continue;
        };
        hits.push(SearchHit {
            id: m.id,
            designation: designation(&m.body, &m.number, (m.year > 0).then_some(m.year)),
            status: super::service::status_of(m)?,
            mandatory: m.mandatory,
            ics: m.ics.split_whitespace().map(str::to_owned).collect(),
            title: fragments(&h.title_snippet),
            scope: h
                .scope_snippet
                .as_ref()
                .map(scope_fragments)
                .unwrap_or_default(),
        });
    }
    Ok(SearchPage {
        total: found.total as u64,
        page,
        per_page,
        hits,
        facets: SearchFacets {
            body: counts(&found.facets.body),
            status: counts(&found.facets.status),
            mandatory: counts(&found.facets.mandatory),
            ics: counts(&found.facets.ics_field),
        },
    })
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Suggestion {
    pub id: i64,
    pub designation: String,
    pub title: String,
}

/// Search-as-you-type: a few standards whose title or designation starts like `prefix`.
pub async fn suggest(
    db: &DatabaseConnection,
    catalogue: &Catalogue,
    actor: Option<&Actor>,
    lang: tashil_text::Lang,
    prefix: &str,
) -> Result<Vec<Suggestion>, StandardsError> {
    catalogue
        .catch_up(db)
        .await
        .map_err(|e| StandardsError::Db(sea_orm::DbErr::Custom(e.to_string())))?;
    let prefix = prefix.to_string();
    let found = blocking(catalogue, move |index| {
        index.suggest(&prefix, lang.code(), 8)
    })
    .await?;
    let hide = !rules::sees_drafts(actor);
    Ok(found
        .into_iter()
        .filter(|s| !(hide && s.status == Status::Draft.as_str()))
        .map(|s| Suggestion {
            id: s.id,
            designation: s.designation,
            title: s.title,
        })
        .collect())
}
