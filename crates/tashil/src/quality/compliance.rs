//! Each unit's compliance summary month by month (issue 20, item 5), read from the store
//! for the pure model (`model::compliance`): per unit and month of the country's calendar,
//! each characteristic's subgroups and rule violations in the month's bounds (its first
//! and last instants on the province's clock, counted by the database and nothing more),
//! its capability at the month's end (the last day written by `capability_days`) against
//! its target, and its advice decided that month (due as `escalation` counts it in the
//! office's calendar). Units are those of the characteristics in the actor's reach
//! (`access::quality`): a unit out of reach reads as absent.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde::{Deserialize, Serialize};

use super::entity::{advice, capability_day, characteristic, subgroup, violation};
use super::error::QualityError;
use super::model::characteristic::DEFAULT_CAPABILITY_TARGET;
use super::model::compliance::{AdviceOutcome, CharacteristicMonth, Month, MonthSummary, monthly};
use super::model::escalation::Thresholds;
use crate::access::Actor;
use crate::access::quality::{self as rules, QualityReach};
use crate::kernel::{FieldError, Paging, clock};

/// Units a page.
pub const UNITS_PAGE: u64 = 50;

/// The longest span one request reads (three years of months).
pub const MAX_MONTHS: usize = 36;

/// The longest an advice's answer can be due after it opened (60 working days, ADR 0026,
/// with every holiday of a year between).
const LONGEST_DUE_DAYS: i64 = 130;

#[derive(Debug, Default, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplianceQuery {
    /// `IR` or `VN`: whose units, in whose calendar (the national body; the others read
    /// their own province's country). Iran by default.
    #[serde(default)]
    pub country: Option<String>,
    /// A province code (`IR-26`): its units only.
    #[serde(default)]
    pub province: Option<String>,
    /// First month, `yyyymm` in the country's calendar (Farvardin 1405 is `140501`);
    /// eleven months before `to` when absent.
    #[serde(default)]
    pub from: Option<i32>,
    /// Last month, `yyyymm`; this month when absent.
    #[serde(default)]
    pub to: Option<i32>,
    /// Page of units (50 a page), from 1.
    #[serde(default)]
    pub page: Option<u64>,
}

/// One unit's month, with its shares (absent where nothing counts: no subgroups, no
/// capability, no advice decided).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ComplianceMonth {
    /// `yyyymm` in the country's calendar.
    pub month: i32,
    pub characteristics: u32,
    /// With at least one subgroup that month.
    pub reporting: u32,
    pub in_control: u32,
    /// Reporting, with a capability index and a target.
    pub capability_assessed: u32,
    pub capable: u32,
    pub in_control_and_capable: u32,
    /// Advice whose answer was due that month and is decided (answered, or its day passed).
    pub advice_due: u32,
    pub advice_on_time: u32,
    pub in_control_share: Option<f64>,
    pub capable_share: Option<f64>,
    pub in_control_and_capable_share: Option<f64>,
    pub on_time_share: Option<f64>,
}

impl ComplianceMonth {
    fn of(month: Month, s: &MonthSummary) -> ComplianceMonth {
        ComplianceMonth {
            month: month.yyyymm(),
            characteristics: s.characteristics,
            reporting: s.reporting,
            in_control: s.in_control,
            capability_assessed: s.capability_assessed,
            capable: s.capable,
            in_control_and_capable: s.in_control_and_capable,
            advice_due: s.advice_due,
            advice_on_time: s.advice_on_time,
            in_control_share: s.in_control_share(),
            capable_share: s.capable_share(),
            in_control_and_capable_share: s.in_control_and_capable_share(),
            on_time_share: s.on_time_share(),
        }
    }
}

/// A unit's row: one entry per month of the span, oldest first.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitCompliance {
    pub unit_id: i64,
    pub national_id: String,
    /// The unit's names (fa, en, vi).
    pub unit_names: [String; 3],
    pub province_code: String,
    pub months: Vec<ComplianceMonth>,
}

impl UnitCompliance {
    pub fn unit_name(&self, lang: &crate::i18n::Lang) -> &str {
        let [fa, en, vi] = &self.unit_names;
        crate::kernel::display_name(*lang, fa, en, vi)
    }
}

/// The summary of the units in reach.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Compliance {
    pub country: String,
    pub province: Option<String>,
    pub from: i32,
    pub to: i32,
    /// The months of the span, `yyyymm`, oldest first.
    pub months: Vec<i32>,
    pub page: u64,
    pub has_next: bool,
    pub units: Vec<UnitCompliance>,
}

/// A characteristic over a month, behind a unit's figures.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CharacteristicMonthView {
    pub characteristic_id: i64,
    pub code: String,
    pub name: String,
    pub month: i32,
    pub subgroups: u32,
    pub violations: u32,
    /// Cpk at the month's end, and the unit's target for it.
    pub capability: Option<f64>,
    pub target: Option<f64>,
    pub reporting: bool,
    pub in_control: bool,
    /// Absent without an index or a target.
    pub capable: Option<bool>,
}

/// An advice counted in a month's on-time share.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AdviceLine {
    pub characteristic_id: i64,
    /// The trigger's code (`beyond_limits`, `capability_cpk`…).
    pub code: String,
    pub month: i32,
    pub opened_on: NaiveDate,
    pub due: NaiveDate,
    pub answered_on: Option<NaiveDate>,
    pub on_time: bool,
}

/// One unit month by month, with the characteristics and advice behind each figure.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitComplianceDetail {
    pub country: String,
    pub from: i32,
    pub to: i32,
    pub months: Vec<i32>,
    pub unit: UnitCompliance,
    pub characteristics: Vec<CharacteristicMonthView>,
    pub advice: Vec<AdviceLine>,
}

/// The span asked for, checked.
struct Span {
    country: String,
    months: Vec<Month>,
}

fn blank(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn span(country: &str, q: &ComplianceQuery, now: DateTime<Utc>) -> Result<Span, QualityError> {
    let this = Month::of(country, clock::local_date(country, now));
    let years = if country == "IR" {
        1300..=1500
    } else {
        1900..=2200
    };
    let month = |field: &str, n: Option<i32>, default: Month| match n {
        None => Ok(default),
        Some(n) => Month::from_yyyymm(n)
            .filter(|m| years.contains(&m.year))
            .ok_or_else(|| FieldError::new(field, "out_of_range")),
    };
    let to = month("to", q.to, this);
    let from = to
        .as_ref()
        .map(|to| to.back(11))
        .unwrap_or_else(|_| this.back(11));
    let from = month("from", q.from, from);
    let (from, to) = match (from, to) {
        (Ok(f), Ok(t)) => (f, t),
        (f, t) => {
            return Err(QualityError::Invalid(
                [f.err(), t.err()].into_iter().flatten().collect(),
            ));
        }
    };
    let months = from.through(to);
    if months.is_empty() || months.len() > MAX_MONTHS {
        return Err(QualityError::invalid("to", "out_of_range"));
    }
    Ok(Span {
        country: country.to_owned(),
        months,
    })
}

/// The first instant of `day` on the clock of `country`, in UTC.
fn start_of(country: &str, day: NaiveDate) -> DateTime<Utc> {
    let tz = clock::zone(country);
    let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    tz.from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&midnight))
}

impl Span {
    /// Each month's first day, and the day after the last month.
    fn days(&self) -> Result<Vec<NaiveDate>, QualityError> {
        let last = self.months.last().copied().map(Month::next);
        self.months
            .iter()
            .copied()
            .chain(last)
            .map(|m| {
                m.first_day(&self.country)
                    .ok_or_else(|| QualityError::invalid("to", "out_of_range"))
            })
            .collect()
    }

    fn month_of(&self, day: NaiveDate) -> Month {
        Month::of(&self.country, day)
    }
}

/// How many rows of each characteristic in `ids` fall in `[from, to)`, counted by the
/// database.
async fn counted<C: ConnectionTrait, E: EntityTrait>(
    db: &C,
    ids: &[i64],
    cid: E::Column,
    at: E::Column,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<HashMap<i64, u32>, DbErr>
where
    E::Column: ColumnTrait,
{
    let mut out = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(i64, i64)> = E::find()
            .select_only()
            .column(cid)
            .column_as(cid.count(), "n")
            .filter(cid.is_in(chunk.iter().copied()))
            .filter(at.gte(from))
            .filter(at.lt(to))
            .group_by(cid)
            .into_tuple()
            .all(db)
            .await?;
        out.extend(
            rows.into_iter()
                .map(|(c, n)| (c, u32::try_from(n).unwrap_or(u32::MAX))),
        );
    }
    Ok(out)
}

/// What the model is fed for `chars` over `span`, with the advice behind the on-time share.
struct Gathered {
    rows: Vec<CharacteristicMonth>,
    outcomes: Vec<AdviceOutcome>,
    advice: Vec<AdviceLine>,
    today: NaiveDate,
}

async fn gather<C: ConnectionTrait>(
    db: &C,
    span: &Span,
    chars: &[characteristic::Model],
    now: DateTime<Utc>,
) -> Result<Gathered, QualityError> {
    let country = span.country.as_str();
    let days = span.days()?;
    let ids: Vec<i64> = chars.iter().map(|c| c.id).collect();
    let mut rows = vec![];
    // The capability at each month's end: the last day written in the month.
    let mut cpk: HashMap<(i64, Month), Option<f64>> = HashMap::new();
    for chunk in ids.chunks(500) {
        for d in capability_day::Entity::find()
            .filter(capability_day::Column::CharacteristicId.is_in(chunk.iter().copied()))
            .filter(capability_day::Column::Day.gte(days[0]))
            .filter(capability_day::Column::Day.lt(days[days.len() - 1]))
            .order_by_asc(capability_day::Column::Day)
            .all(db)
            .await?
        {
            cpk.insert((d.characteristic_id, span.month_of(d.day)), d.cpk);
        }
    }
    for (i, month) in span.months.iter().enumerate() {
        let (from, to) = (start_of(country, days[i]), start_of(country, days[i + 1]));
        let subgroups = counted::<_, subgroup::Entity>(
            db,
            &ids,
            subgroup::Column::CharacteristicId,
            subgroup::Column::MeasuredAt,
            from,
            to,
        )
        .await?;
        let violations = counted::<_, violation::Entity>(
            db,
            &ids,
            violation::Column::CharacteristicId,
            violation::Column::MeasuredAt,
            from,
            to,
        )
        .await?;
        // A characteristic defined after the month is not the month's, unless the unit sent
        // subgroups measured in it (a history brought in).
        for c in chars
            .iter()
            .filter(|c| c.created_at < to || subgroups.contains_key(&c.id))
        {
            let capability = cpk.get(&(c.id, *month)).copied().flatten();
            rows.push(CharacteristicMonth {
                unit: c.unit_id,
                characteristic: c.id,
                month: *month,
                subgroups: subgroups.get(&c.id).copied().unwrap_or(0),
                violations: violations.get(&c.id).copied().unwrap_or(0),
                capability,
                target: Some(c.capability_target.unwrap_or(DEFAULT_CAPABILITY_TARGET)),
            });
        }
    }
    let mut units: Vec<i64> = chars.iter().map(|c| c.unit_id).collect();
    units.sort_unstable();
    units.dedup();
    let cals = crate::calendar::calendars(db).await?;
    let mut thresholds: HashMap<String, Thresholds> = HashMap::new();
    let mut outcomes = vec![];
    let mut advice = vec![];
    let earliest = days[0] - chrono::Duration::days(LONGEST_DUE_DAYS);
    let first = span.months[0];
    let last = span.months[span.months.len() - 1];
    let today = clock::local_date(country, now);
    for chunk in units.chunks(500) {
        for row in advice::Entity::find()
            .filter(advice::Column::UnitId.is_in(chunk.iter().copied()))
            .filter(advice::Column::OpenedOn.gte(earliest))
            .filter(advice::Column::OpenedOn.lt(days[days.len() - 1]))
            .order_by_asc(advice::Column::Id)
            .all(db)
            .await?
        {
            let a = super::advice_row::to_model(&row).ok_or_else(|| {
                DbErr::Custom(format!("unreadable advice {} in the database", row.id))
            })?;
            let th = match thresholds.get(&row.province_code) {
                Some(t) => *t,
                None => {
                    let t = super::advice_row::thresholds_for(db, &row.province_code).await?;
                    thresholds.insert(row.province_code.clone(), t);
                    t
                }
            };
            let cal = cals.office(country, &row.province_code);
            let Some(o) = AdviceOutcome::of(row.unit_id, &a, &th, &cal) else {
                continue;
            };
            let month = span.month_of(o.due);
            let decided = o.answered_on.is_some() || o.due < today;
            if month < first || month > last || !decided {
                continue;
            }
            advice.push(AdviceLine {
                characteristic_id: row.characteristic_id,
                code: row.code.clone(),
                month: month.yyyymm(),
                opened_on: row.opened_on,
                due: o.due,
                answered_on: o.answered_on,
                on_time: o.answered_on.is_some_and(|on| on <= o.due),
            });
            outcomes.push(o);
        }
    }
    Ok(Gathered {
        rows,
        outcomes,
        advice,
        today,
    })
}

/// Each unit's row over the span, blank months included.
fn unit_rows(
    span: &Span,
    g: &Gathered,
    units: &[crate::registry::lookup::UnitRef],
) -> Vec<UnitCompliance> {
    let summaries: BTreeMap<(i64, Month), MonthSummary> = monthly(
        &g.rows,
        &g.outcomes,
        &|d| Month::of(&span.country, d),
        g.today,
    )
    .into_iter()
    .filter_map(|s| Some(((s.unit, s.month?), s)))
    .collect();
    units
        .iter()
        .map(|u| UnitCompliance {
            unit_id: u.id,
            national_id: u.national_id.clone(),
            unit_names: u.names.clone(),
            province_code: u.province.clone(),
            months: span
                .months
                .iter()
                .map(|m| {
                    let s = summaries.get(&(u.id, *m)).copied().unwrap_or_default();
                    ComplianceMonth::of(*m, &s)
                })
                .collect(),
        })
        .collect()
}

async fn unit_refs<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<Vec<crate::registry::lookup::UnitRef>, QualityError> {
    let mut out = vec![];
    for id in ids {
        if let Some(u) = crate::registry::lookup::holder(db, *id).await? {
            out.push(u);
        }
    }
    Ok(out)
}

/// The summary of the units in the actor's reach: the national body's of `country` (or of
/// `default_country`, the reader's), a province's office and inspectors' of their own
/// province, a unit's own.
pub async fn summary<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    q: &ComplianceQuery,
    default_country: &str,
    now: DateTime<Utc>,
) -> Result<Compliance, QualityError> {
    let scope = rules::scope(actor)?;
    let asked = blank(&q.province).map(str::to_ascii_uppercase);
    let (country, province) = match scope.reach() {
        QualityReach::All => {
            let country = match (blank(&q.country), &asked) {
                (Some(c), _) => c.to_ascii_uppercase(),
                (None, Some(p)) => p.get(..2).unwrap_or_default().to_owned(),
                (None, None) => default_country.to_owned(),
            };
            if !matches!(country.as_str(), "IR" | "VN") {
                return Err(QualityError::invalid("country", "invalid_choice"));
            }
            if let Some(p) = &asked
                && tashil_reference::province(p).is_none_or(|r| r.country.code() != country)
            {
                return Err(QualityError::invalid("province", "unknown_province"));
            }
            (country, asked)
        }
        // Another province reads as absent.
        QualityReach::Province(own) => {
            if asked.as_ref().is_some_and(|p| p != own) {
                return Err(QualityError::NotFound);
            }
            (
                own.get(..2).unwrap_or_default().to_owned(),
                Some(own.clone()),
            )
        }
        QualityReach::Organisation(_) => {
            let own = super::query::characteristics(&scope)
                .select_only()
                .column(characteristic::Column::ProvinceCode)
                .into_tuple::<String>()
                .one(db)
                .await?;
            let country = own
                .as_deref()
                .and_then(|p| p.get(..2))
                .unwrap_or(default_country)
                .to_owned();
            (country, None)
        }
    };
    let span = span(&country, q, now)?;
    let paging = Paging::fixed(q.page, UNITS_PAGE);
    let mut units = super::query::characteristics(&scope)
        .filter(characteristic::Column::ProvinceCode.starts_with(format!("{country}-")));
    if let Some(p) = &province {
        units = units.filter(characteristic::Column::ProvinceCode.eq(p.as_str()));
    }
    let mut ids: Vec<i64> = units
        .select_only()
        .column(characteristic::Column::UnitId)
        .distinct()
        .order_by_asc(characteristic::Column::UnitId)
        .limit(paging.limit() + 1)
        .offset(paging.offset())
        .into_tuple::<i64>()
        .all(db)
        .await?;
    let has_next = ids.len() as u64 > paging.limit();
    ids.truncate(paging.limit() as usize);
    let mut chars = vec![];
    for chunk in ids.chunks(500) {
        chars.extend(
            super::query::characteristics(&scope)
                .filter(characteristic::Column::UnitId.is_in(chunk.iter().copied()))
                .order_by_asc(characteristic::Column::UnitId)
                .order_by_asc(characteristic::Column::Code)
                .all(db)
                .await?,
        );
    }
    let g = gather(db, &span, &chars, now).await?;
    let refs = unit_refs(db, &ids).await?;
    Ok(Compliance {
        units: unit_rows(&span, &g, &refs),
        country: span.country.clone(),
        province,
        from: span.months[0].yyyymm(),
        to: span.months[span.months.len() - 1].yyyymm(),
        months: span.months.iter().map(|m| m.yyyymm()).collect(),
        page: paging.page(),
        has_next,
    })
}

/// Unit `unit` month by month, if its characteristics are in the actor's reach; its
/// country's calendar whatever the query's `country`.
pub async fn unit<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    unit: i64,
    q: &ComplianceQuery,
    now: DateTime<Utc>,
) -> Result<UnitComplianceDetail, QualityError> {
    let scope = rules::scope(actor)?;
    let chars = super::query::characteristics(&scope)
        .filter(characteristic::Column::UnitId.eq(unit))
        .order_by_asc(characteristic::Column::Code)
        .all(db)
        .await?;
    let Some(first) = chars.first() else {
        return Err(QualityError::NotFound);
    };
    let country = first.province_code.get(..2).unwrap_or_default().to_owned();
    let span = span(&country, q, now)?;
    let g = gather(db, &span, &chars, now).await?;
    let refs = unit_refs(db, &[unit]).await?;
    let Some(row) = unit_rows(&span, &g, &refs).into_iter().next() else {
        return Err(QualityError::NotFound);
    };
    let by_id: HashMap<i64, &characteristic::Model> = chars.iter().map(|c| (c.id, c)).collect();
    let characteristics = g
        .rows
        .iter()
        .map(|r| {
            let c = by_id[&r.characteristic];
            CharacteristicMonthView {
                characteristic_id: c.id,
                code: c.code.clone(),
                name: c.name.clone(),
                month: r.month.yyyymm(),
                subgroups: r.subgroups,
                violations: r.violations,
                capability: r.capability,
                target: r.target,
                reporting: r.reporting(),
                in_control: r.in_control(),
                capable: r.capable(),
            }
        })
        .collect();
    Ok(UnitComplianceDetail {
        country: span.country.clone(),
        from: span.months[0].yyyymm(),
        to: span.months[span.months.len() - 1].yyyymm(),
        months: span.months.iter().map(|m| m.yyyymm()).collect(),
        unit: row,
        characteristics,
        advice: g.advice,
    })
}
