//! Reading the conformity figures (`/labs/figures`, `GET /api/v1/labs/figures`): each lab's
//! turnaround, and the failure rates of each clause per product category and province,
//! over the requests whose report was first released in a period (`model::figures` says
//! how each figure is counted).
//!
//! - A request is in the period when its first revision was released on a day from `from`
//!   to `to` on its lab's province's clock; its results are those of its *latest released*
//!   revision (a correction replaces what it corrects; a request counts once).
//! - A request's province is the requester's (where the product is made or sold); the lab's
//!   province gives the calendar of its turnaround. The province filter selects requests, so
//!   it narrows both tables.
//! - The product category is the ICS field (two digits) of the standard's first ICS code, as
//!   the catalogue keeps it; a standard without one counts under an empty category.
//! - Who sees what is `access::conformity::FiguresScope`: the full table, with the units
//!   whose results failed linked to their requests, when the reader's reach covers the whole
//!   answer (the national administrator; a province's officers with that province chosen);
//!   otherwise the public aggregates, which never name a unit nor carry an id of one, and
//!   leave out every cell of fewer than `MIN_REQUESTERS` requesting organisations (counted
//!   in `withheld_cells` and `withheld_results`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Days, NaiveDate, Utc};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};

use super::model::figures::{
    CellKey, Judged, MIN_REQUESTERS, Turnaround, TurnaroundFigures, cells, turnaround_days,
};
use super::model::verdict::Verdict;
use super::view::OrgName;
use crate::access::Actor;
use crate::access::conformity::figures_scope;
use crate::kernel::clock::local_date;
use crate::kernel::{FieldError, Paging};
use crate::web::AppError;

/// Cells on one page of the table.
pub const PER_PAGE: u64 = 50;
/// The longest period one request reads (ten years).
pub const MAX_SPAN_DAYS: i64 = 3660;
/// The default period: this many days up to today.
pub const DEFAULT_DAYS: u64 = 365;

#[derive(Debug, Default, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FiguresQuery {
    /// First day of the period (`2026-01-01`, or Solar Hijri `1405/01/01`, any digits); a
    /// year before `to` when absent.
    #[serde(default)]
    pub from: Option<String>,
    /// Last day of the period; today (UTC) when absent.
    #[serde(default)]
    pub to: Option<String>,
    /// One lab (its organisation id); every lab when absent.
    #[serde(default)]
    pub lab: Option<String>,
    /// The requests of one province (`IR-26`); every province when absent.
    #[serde(default)]
    pub province: Option<String>,
    /// The page of the clause table, from 1 (any number: past the end is empty).
    #[serde(default)]
    pub page: Option<String>,
}

/// The query checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub lab: Option<i64>,
    pub province: Option<String>,
    pub page: u64,
}

fn blank(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn day(field: &str, raw: &str, errs: &mut Vec<FieldError>) -> Option<NaiveDate> {
    match tashil_text::parse_date(raw) {
        Ok(d) if crate::kernel::plausible_date(d).is_ok() => Some(d),
        Ok(_) | Err(tashil_text::dates::DateError::YearOutOfRange(_)) => {
            errs.push(FieldError::new(field, "date_out_of_range"));
            None
        }
        Err(_) => {
            errs.push(FieldError::new(field, "invalid_date"));
            None
        }
    }
}

impl FiguresQuery {
    /// The filter asked for, as of `today`, or every field at fault named.
    pub fn check(&self, today: NaiveDate) -> Result<Filter, Vec<FieldError>> {
        let mut errs = vec![];
        let to = match blank(&self.to) {
            Some(raw) => day("to", raw, &mut errs),
            None => Some(today),
        };
        let from = match blank(&self.from) {
            Some(raw) => day("from", raw, &mut errs),
            None => to.and_then(|t| t.checked_sub_days(Days::new(DEFAULT_DAYS))),
        };
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                errs.push(FieldError::new("to", "before_from"));
            } else if (t - f).num_days() > MAX_SPAN_DAYS {
                errs.push(FieldError::new("to", "span_too_long"));
            }
        }
        let digits = |s: &str| tashil_text::to_ascii_digits(s);
        let lab = match blank(&self.lab) {
            Some(raw) => match digits(raw).parse::<i64>() {
                Ok(n) if n > 0 => Some(n),
                _ => {
                    errs.push(FieldError::new("lab", "invalid_number"));
                    None
                }
            },
            None => None,
        };
        let province = match blank(&self.province) {
            Some(raw) => {
                let code = raw.to_ascii_uppercase();
                if tashil_reference::province(&code).is_none() {
                    errs.push(FieldError::new("province", "unknown_province"));
                }
                Some(code)
            }
            None => None,
        };
        let page = match blank(&self.page) {
            Some(raw) => {
                let d = digits(raw);
                if !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) {
                    // More digits than a u64 holds is a page past any end.
                    d.parse::<u64>().unwrap_or(u64::MAX)
                } else {
                    errs.push(FieldError::new("page", "invalid_number"));
                    1
                }
            }
            None => 1,
        };
        match (from, to) {
            (Some(from), Some(to)) if errs.is_empty() => Ok(Filter {
                from,
                to,
                lab,
                province,
                page,
            }),
            _ => Err(errs),
        }
    }
}

/// Whether the answer names units (`full`) or is the public aggregate (`public`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = FiguresDetail)]
pub enum Detail {
    Public,
    Full,
}

/// One lab's turnaround.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LabFigures {
    pub lab_org_id: i64,
    pub lab: OrgName,
    /// The lab's province, whose working days count its turnaround.
    pub province: String,
    #[serde(flatten)]
    pub figures: TurnaroundFigures,
}

/// A unit whose result failed in a cell, and the request (the full table only).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FailedUnit {
    pub organisation_id: i64,
    pub name: OrgName,
    pub request_id: i64,
}

/// One cell: a clause of a standard, for a product category and a province.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ClauseFigures {
    /// The ICS field (`91`), empty when the standard has no ICS code.
    pub category: String,
    pub category_name: OrgName,
    pub province: String,
    pub standard_id: i64,
    pub designation: String,
    pub clause: String,
    /// What the clause measures, in three languages.
    pub parameter: OrgName,
    pub judged: u64,
    pub failed: u64,
    pub inconclusive: u64,
    /// `failed / judged`.
    pub failure_rate: Option<f64>,
    /// The units whose result failed here; only in the full table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failed_units: Option<Vec<FailedUnit>>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
#[schema(as = ConformityFigures)]
pub struct Figures {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub lab: Option<i64>,
    pub province: Option<String>,
    pub detail: Detail,
    /// The fewest requesting organisations a public cell holds.
    pub min_requesters: u64,
    /// Every lab with a report first released in the period, by name.
    pub labs: Vec<LabFigures>,
    /// All labs' requests together.
    pub total: TurnaroundFigures,
    /// This page of the cells, by category, province, standard and clause.
    pub clauses: Vec<ClauseFigures>,
    pub page: u64,
    pub per_page: u64,
    /// Cells in the answer (over every page).
    pub cells: u64,
    /// Cells left out of the public answer (too few organisations), and their results.
    pub withheld_cells: u64,
    pub withheld_results: u64,
}

/// A standard as the figures read it: its category and each clause's parameter.
struct StandardFacts {
    category: String,
    parameters: HashMap<String, OrgName>,
}

async fn standard_facts(
    db: &DatabaseConnection,
    id: i64,
    now: DateTime<Utc>,
) -> Result<StandardFacts, AppError> {
    match crate::standards::get(db, None, id, now).await {
        Ok(s) => Ok(StandardFacts {
            category: s
                .ics
                .first()
                .and_then(|c| c.get(..2))
                .unwrap_or_default()
                .to_owned(),
            parameters: s
                .clauses
                .iter()
                .map(|c| {
                    (
                        c.number.clone(),
                        OrgName {
                            fa: c.parameter_fa.clone(),
                            en: c.parameter_en.clone(),
                            vi: c.parameter_vi.clone(),
                        },
                    )
                })
                .collect(),
        }),
        // A standard the public may no longer read still counts, unnamed.
        Err(crate::standards::StandardsError::NotFound) => Ok(StandardFacts {
            category: String::new(),
            parameters: HashMap::new(),
        }),
        Err(crate::standards::StandardsError::Db(e)) => Err(e.into()),
        Err(e) => Err(AppError::internal(e)),
    }
}

fn category_name(code: &str) -> OrgName {
    match tashil_reference::ics::ics(code) {
        Some(e) => OrgName {
            fa: e.name_fa.into(),
            en: e.name_en.into(),
            vi: e.name_vi.into(),
        },
        None => OrgName::default(),
    }
}

/// The figures `q` asks for, as `actor` (or anyone) may read them, as of `now`. A query at
/// fault is a 400 naming each field.
pub async fn figures(
    db: &DatabaseConnection,
    actor: Option<&Actor>,
    q: &FiguresQuery,
    now: DateTime<Utc>,
) -> Result<Figures, AppError> {
    let f = q
        .check(now.date_naive())
        .map_err(|e| AppError::Malformed("invalid_query", e))?;
    let detail = if figures_scope(actor).full_for(f.province.as_deref()) {
        Detail::Full
    } else {
        Detail::Public
    };
    // Every instant whose day on some clock (UTC−12 … UTC+14) may fall in the period; each
    // is then kept only if its day on its lab's province's clock does.
    let start = f.from.and_time(chrono::NaiveTime::MIN).and_utc() - chrono::Duration::days(1);
    let end = f.to.and_time(chrono::NaiveTime::MIN).and_utc() + chrono::Duration::days(2);
    let firsts = super::query::first_releases(db, start, end, f.lab, f.province.as_deref()).await?;
    let ids: Vec<i64> = firsts.iter().map(|r| r.request_id).collect();
    let requests = super::query::requests_for_figures(db, &ids).await?;
    let mut labs: Vec<i64> = firsts.iter().map(|r| r.lab_org_id).collect();
    labs.sort_unstable();
    labs.dedup();
    let lab_provinces = super::query::lab_provinces(db, &labs).await?;
    let cals = crate::calendar::calendars(db).await?;

    let mut turnarounds: BTreeMap<i64, Vec<Turnaround>> = BTreeMap::new();
    let mut counted: Vec<i64> = vec![];
    for r in &firsts {
        let (Some(req), Some(released)) = (requests.get(&r.request_id), r.released_at) else {
            continue;
        };
        let lab_province = lab_provinces
            .get(&r.lab_org_id)
            .cloned()
            .unwrap_or_else(|| req.province_code.clone());
        let released_day = local_date(&lab_province, released);
        if released_day < f.from || released_day > f.to {
            continue;
        }
        counted.push(req.id);
        let accepted = req.answered_at.unwrap_or(req.created_at);
        let country = lab_province.get(..2).unwrap_or_default();
        let cal = cals.office(country, &lab_province);
        turnarounds
            .entry(r.lab_org_id)
            .or_default()
            .push(Turnaround {
                days: turnaround_days(&cal, local_date(&lab_province, accepted), released_day),
                quoted_days: req.quoted_days,
            });
    }

    let latest = super::query::latest_released(db, &counted).await?;
    let report_ids: Vec<i64> = latest.values().map(|r| r.id).collect();
    let request_of: HashMap<i64, i64> = latest.values().map(|r| (r.id, r.request_id)).collect();
    let results = super::query::results_of(db, &report_ids).await?;
    let mut standards: BTreeMap<i64, StandardFacts> = BTreeMap::new();
    for id in counted
        .iter()
        .filter_map(|id| requests.get(id))
        .map(|r| r.standard_id)
        .collect::<BTreeSet<i64>>()
    {
        standards.insert(id, standard_facts(db, id, now).await?);
    }
    let mut judged = vec![];
    for res in results {
        let Some(req) = request_of
            .get(&res.report_id)
            .and_then(|id| requests.get(id))
        else {
            continue;
        };
        let verdict = crate::kernel::stored("verdict", &res.verdict, Verdict::parse)?;
        judged.push(Judged {
            key: CellKey {
                category: standards
                    .get(&req.standard_id)
                    .map(|s| s.category.clone())
                    .unwrap_or_default(),
                province: req.province_code.clone(),
                designation: req.designation.clone(),
                clause: res.clause_number,
            },
            requester_org_id: req.requester_org_id,
            request_id: req.id,
            verdict,
        });
    }
    let standard_of: HashMap<String, i64> = counted
        .iter()
        .filter_map(|id| requests.get(id))
        .map(|r| (r.designation.clone(), r.standard_id))
        .collect();

    let all = cells(judged);
    let (shown, withheld): (Vec<_>, Vec<_>) = all
        .into_iter()
        .partition(|c| detail == Detail::Full || c.publishable());
    let paging = Paging::fixed(Some(f.page), PER_PAGE);
    let page_cells: Vec<_> = shown
        .iter()
        .skip(usize::try_from(paging.offset()).unwrap_or(usize::MAX))
        .take(PER_PAGE as usize)
        .collect();

    let mut orgs: Vec<i64> = labs.clone();
    if detail == Detail::Full {
        orgs.extend(
            page_cells
                .iter()
                .flat_map(|c| c.failed_requests.iter().map(|(o, _)| *o)),
        );
    }
    let names = crate::identity::organisation_names(db, orgs).await?;

    let mut lab_rows: Vec<LabFigures> = turnarounds
        .iter()
        .map(|(lab, items)| LabFigures {
            lab_org_id: *lab,
            lab: OrgName::of(&names, *lab),
            province: lab_provinces.get(lab).cloned().unwrap_or_default(),
            figures: TurnaroundFigures::of(items),
        })
        .collect();
    lab_rows.sort_by(|a, b| {
        a.lab
            .en
            .cmp(&b.lab.en)
            .then(a.lab_org_id.cmp(&b.lab_org_id))
    });
    let every: Vec<Turnaround> = turnarounds.values().flatten().copied().collect();

    let clauses = page_cells
        .into_iter()
        .map(|c| {
            let standard_id = standard_of.get(&c.key.designation).copied().unwrap_or(0);
            ClauseFigures {
                category_name: category_name(&c.key.category),
                category: c.key.category.clone(),
                province: c.key.province.clone(),
                standard_id,
                designation: c.key.designation.clone(),
                parameter: standards
                    .get(&standard_id)
                    .and_then(|s| s.parameters.get(&c.key.clause))
                    .cloned()
                    .unwrap_or_default(),
                clause: c.key.clause.clone(),
                judged: c.judged,
                failed: c.failed,
                inconclusive: c.inconclusive,
                failure_rate: c.failure_rate(),
                failed_units: (detail == Detail::Full).then(|| {
                    c.failed_requests
                        .iter()
                        .map(|(org, request_id)| FailedUnit {
                            organisation_id: *org,
                            name: OrgName::of(&names, *org),
                            request_id: *request_id,
                        })
                        .collect()
                }),
            }
        })
        .collect();
    Ok(Figures {
        from: f.from,
        to: f.to,
        lab: f.lab,
        province: f.province,
        detail,
        min_requesters: MIN_REQUESTERS as u64,
        labs: lab_rows,
        total: TurnaroundFigures::of(&every),
        clauses,
        page: paging.page(),
        per_page: PER_PAGE,
        cells: shown.len() as u64,
        withheld_cells: withheld.len() as u64,
        withheld_results: withheld.iter().map(|c| c.judged).sum(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(from: &str, to: &str) -> FiguresQuery {
        FiguresQuery {
            from: Some(from.into()),
            to: Some(to.into()),
            ..Default::default()
        }
    }

    fn fields(r: Result<Filter, Vec<FieldError>>) -> Vec<(String, &'static str)> {
        r.unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn a_query_is_checked_field_by_field() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let f = FiguresQuery::default().check(today).unwrap();
        assert_eq!((f.from.to_string(), f.to), ("2025-12-07".into(), today));
        // Solar Hijri with Persian digits: 1 Azar 1405 is 22 November 2026.
        let f = q("۱۴۰۵/۰۹/۰۱", "2026-12-07").check(today).unwrap();
        assert_eq!(f.from.to_string(), "2026-11-22");
        assert_eq!(
            fields(q("3026-01-01", "2026-01-01").check(today)),
            [("from".into(), "date_out_of_range")]
        );
        assert_eq!(
            fields(q("2026-02-30", "2026-01-01").check(today)),
            [("from".into(), "invalid_date")]
        );
        assert_eq!(
            fields(q("2026-06-01", "2026-01-01").check(today)),
            [("to".into(), "before_from")]
        );
        assert_eq!(
            fields(q("1990-01-01", "2026-01-01").check(today)),
            [("to".into(), "span_too_long")]
        );
        let bad = FiguresQuery {
            lab: Some("x".into()),
            province: Some("IR-99".into()),
            page: Some("-1".into()),
            ..Default::default()
        };
        assert_eq!(
            fields(bad.check(today)),
            [
                ("lab".into(), "invalid_number"),
                ("province".into(), "unknown_province"),
                ("page".into(), "invalid_number")
            ]
        );
        let huge = FiguresQuery {
            page: Some("99999999999999999999999".into()),
            province: Some("ir-26".into()),
            ..Default::default()
        };
        let f = huge.check(today).unwrap();
        assert_eq!((f.page, f.province.as_deref()), (u64::MAX, Some("IR-26")));
    }
}
