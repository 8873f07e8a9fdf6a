//! Entering results: a lab's users (on a request's page) and its LIMS (the bulk API) send
//! results by clause; each is checked, judged against its clause under the request's decision
//! rule and written to the request's open report, or refused with the row and field named.
//! All or nothing: one refused row writes none. Sent again, a result already stored is
//! left as it is, so a push can be repeated safely.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseConnection, Set, Value};
use serde::Serialize;
use serde_json::json;

use super::entity::{report, request, result};
use super::error::ConformityError;
use super::model::limit::Requirement;
use super::model::measure::Measured;
use super::model::request::RequestStatus;
use super::model::result::{MAX_ROWS, ResultDraft, ValidResult};
use super::model::verdict::{DecisionRule, Judgement, Verdict, judge};
use crate::access::Actor;
use crate::access::conformity as rules;
use crate::audit::{self, Change};
use crate::kernel::FieldError;
use crate::kernel::clock::local_date;

/// A report still taking results, and one released (immutable).
pub(super) const DRAFT: &str = "draft";
pub(super) const RELEASED: &str = "released";

/// What became of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Written {
    Created,
    Updated,
    /// The same result was already stored (a push sent again).
    Unchanged,
}

/// One row's verdict, in the order sent.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RowOutcome {
    pub row: usize,
    pub request_id: i64,
    pub clause: String,
    pub verdict: Verdict,
    pub written: Written,
}

/// A row that passed every check, judged.
struct Judged {
    row: usize,
    request: i64,
    valid: ValidResult,
    judgement: Judgement,
    instrument_id: Option<i64>,
    measured_on: NaiveDate,
}

fn row_error(row: usize, field: &str, code: &'static str) -> FieldError {
    FieldError::new(format!("results[{row}].{field}"), code)
}

/// Enters `rows` for the requests of the actor's lab: those of request `request_id` when a
/// page sends them (a row naming another is refused), each row's own otherwise.
pub async fn enter(
    db: &DatabaseConnection,
    actor: &Actor,
    request_id: Option<i64>,
    rows: &[ResultDraft],
    now: DateTime<Utc>,
) -> Result<Vec<RowOutcome>, ConformityError> {
    let grant = rules::authorize_results(actor)?;
    if rows.is_empty() {
        return Err(ConformityError::invalid("results", "required"));
    }
    if rows.len() > MAX_ROWS {
        return Err(ConformityError::invalid("results", "too_long"));
    }
    let mut errs = vec![];
    let mut valid = vec![];
    for (row, d) in rows.iter().enumerate() {
        match d.validate(&format!("results[{row}].")) {
            Ok(v) => match (request_id, v.request_id) {
                (Some(page), Some(own)) if page != own => {
                    errs.push(row_error(row, "request_id", "other_request"))
                }
                (Some(id), _) | (None, Some(id)) => valid.push((row, id, v)),
                (None, None) => errs.push(row_error(row, "request_id", "required")),
            },
            Err(e) => errs.extend(e),
        }
    }
    let scope = rules::request_scope(actor)?;
    let ids: Vec<i64> = {
        let set: HashSet<i64> = valid.iter().map(|(_, id, _)| *id).collect();
        set.into_iter().collect()
    };
    let requests = super::query::requests_in(db, &scope, &ids).await?;
    let judged = judge_rows(
        db,
        actor,
        grant.lab_org_id(),
        &requests,
        valid,
        now,
        &mut errs,
    )
    .await?;
    if !errs.is_empty() {
        return Err(ConformityError::Invalid(errs));
    }
    let txn = crate::db::begin_write(db).await?;
    let outcomes = write(&txn, actor, grant.lab_org_id(), &requests, judged, now)
        .await
        .map_err(raced)?;
    match outcomes {
        Ok(out) => {
            txn.commit().await?;
            Ok(out)
        }
        Err(errs) => {
            txn.rollback().await?;
            Err(ConformityError::Invalid(errs))
        }
    }
}

/// Checks each row against its request (in reach, accepted, asking the clause), the lab's
/// accreditation in force for the clause, the clause's requirement, and the instrument's
/// calibration on the day measured; judges those that pass.
async fn judge_rows(
    db: &DatabaseConnection,
    actor: &Actor,
    lab: i64,
    requests: &HashMap<i64, request::Model>,
    valid: Vec<(usize, i64, ValidResult)>,
    now: DateTime<Utc>,
    errs: &mut Vec<FieldError>,
) -> Result<Vec<Judged>, ConformityError> {
    let ids: Vec<i64> = requests.keys().copied().collect();
    let mut asked: HashMap<i64, HashSet<String>> = HashMap::new();
    for c in super::query::clauses_of(db, &ids).await? {
        asked
            .entry(c.request_id)
            .or_default()
            .insert(c.clause_number);
    }
    // Per standard: the clauses the lab is accredited for today, and each clause's
    // requirement as the catalogue states it.
    let mut covered: HashMap<i64, HashSet<String>> = HashMap::new();
    let mut required: HashMap<i64, HashMap<String, Result<Requirement, &'static str>>> =
        HashMap::new();
    for r in requests.values() {
        if covered.contains_key(&r.standard_id) {
            continue;
        }
        let wanted: Vec<String> = requests
            .values()
            .filter(|o| o.standard_id == r.standard_id)
            .flat_map(|o| asked.get(&o.id).into_iter().flatten().cloned())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let country = r.province_code.get(..2).unwrap_or_default();
        let day = local_date(&r.province_code, now);
        let rows = super::query::covering(db, country, r.standard_id, &wanted, day, |a| {
            a.lab_org_id == lab && super::labs::stands(a, now)
        })
        .await?;
        covered.insert(r.standard_id, rows.into_iter().map(|c| c.clause).collect());
        let s = crate::standards::get(db, Some(actor), r.standard_id, now).await?;
        let reqs = s
            .clauses
            .iter()
            .map(|c| {
                let req =
                    Requirement::of_clause(&c.unit, c.min, c.max, &c.allowed).map_err(|e| e.code());
                (c.number.clone(), req)
            })
            .collect();
        required.insert(r.standard_id, reqs);
    }
    let codes: Vec<String> = valid
        .iter()
        .filter_map(|(_, _, v)| v.instrument.clone())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let instruments = super::query::instruments_by_code(db, lab, &codes).await?;
    let mut seen: HashSet<(i64, String)> = HashSet::new();
    let mut days: HashMap<&str, NaiveDate> = HashMap::new();
    let mut out = vec![];
    for (row, id, v) in valid {
        let Some(r) = requests.get(&id) else {
            errs.push(row_error(row, "request_id", "unknown_request"));
            continue;
        };
        if r.status != RequestStatus::Accepted.as_str() {
            errs.push(row_error(row, "request_id", "request_not_accepted"));
            continue;
        }
        if !asked.get(&id).is_some_and(|a| a.contains(&v.clause)) {
            errs.push(row_error(row, "clause", "clause_not_requested"));
            continue;
        }
        if !seen.insert((id, v.clause.clone())) {
            errs.push(row_error(row, "clause", "duplicate_row"));
            continue;
        }
        if !covered
            .get(&r.standard_id)
            .is_some_and(|c| c.contains(&v.clause))
        {
            errs.push(row_error(row, "clause", "clause_not_covered"));
            continue;
        }
        let today = *days
            .entry(r.province_code.as_str())
            .or_insert_with(|| local_date(&r.province_code, now));
        let measured_on = v.measured_on.unwrap_or(today);
        if measured_on > today {
            errs.push(row_error(row, "measured_on", "date_in_future"));
            continue;
        }
        let instrument_id = match &v.instrument {
            None => None,
            Some(code) => match instruments.get(code) {
                None => {
                    errs.push(row_error(row, "instrument", "unknown_instrument"));
                    continue;
                }
                // Calibrated until its due date, that day included.
                Some(i) if i.calibration_due.is_none_or(|due| measured_on > due) => {
                    errs.push(row_error(row, "instrument", "instrument_overdue"));
                    continue;
                }
                Some(i) => Some(i.id),
            },
        };
        let requirement = required.get(&r.standard_id).and_then(|m| m.get(&v.clause));
        let requirement = match requirement {
            Some(Ok(req)) => req,
            Some(Err(code)) => {
                errs.push(row_error(row, "clause", code));
                continue;
            }
            None => {
                errs.push(row_error(row, "clause", "unknown_clause"));
                continue;
            }
        };
        let rule = crate::kernel::stored("decision rule", &r.decision_rule, DecisionRule::parse)?;
        match judge(requirement, &v.measured, rule) {
            Ok(judgement) => out.push(Judged {
                row,
                request: id,
                valid: v,
                judgement,
                instrument_id,
                measured_on,
            }),
            Err(e) => {
                let field = match e.code() {
                    "unit_inconvertible" | "value_out_of_range" => "unit",
                    "uncertainty_required" => "uncertainty",
                    "category_expected" => "value",
                    _ => "category",
                };
                let mut fe = row_error(row, field, e.code());
                if let super::model::verdict::JudgeError::UnitInconvertible { from, to } = &e {
                    fe = fe.with_detail(format!("{from} → {to}"));
                }
                errs.push(fe);
            }
        }
    }
    Ok(out)
}

/// What a judged row stores beside its keys: the measured value or category and the value
/// judged in the clause's unit. Read once by both the single-row and the multi-row writes.
struct Stored {
    value: Option<f64>,
    unit: Option<String>,
    uncertainty: Option<f64>,
    coverage: Option<f64>,
    category: Option<String>,
    judged_value: Option<f64>,
    judged_uncertainty: Option<f64>,
    judged_unit: Option<String>,
}

impl Stored {
    fn of(j: &Judged) -> Stored {
        let judged = j.judgement.in_clause_unit;
        let (judged_value, judged_uncertainty, judged_unit) = (
            judged.map(|m| m.value()),
            judged.and_then(|m| m.uncertainty()),
            judged.map(|m| m.unit().to_string()),
        );
        match &j.valid.measured {
            Measured::Quantity(m) => Stored {
                value: Some(m.value()),
                unit: Some(m.unit().to_string()),
                uncertainty: m.uncertainty(),
                coverage: Some(m.coverage()),
                category: None,
                judged_value,
                judged_uncertainty,
                judged_unit,
            },
            Measured::Category(c) => Stored {
                value: None,
                unit: None,
                uncertainty: None,
                coverage: None,
                category: Some(c.text().to_string()),
                judged_value,
                judged_uncertainty,
                judged_unit,
            },
        }
    }
}

/// The row as it would be stored in report `report_id`.
fn row_model(j: &Judged, report_id: i64, by: i64, now: DateTime<Utc>) -> result::ActiveModel {
    let s = Stored::of(j);
    result::ActiveModel {
        report_id: Set(report_id),
        clause_number: Set(j.valid.clause.clone()),
        lab_result_id: Set(j.valid.lab_result_id.clone()),
        value: Set(s.value),
        unit: Set(s.unit),
        uncertainty: Set(s.uncertainty),
        coverage: Set(s.coverage),
        category: Set(s.category),
        judged_value: Set(s.judged_value),
        judged_uncertainty: Set(s.judged_uncertainty),
        judged_unit: Set(s.judged_unit),
        verdict: Set(j.judgement.verdict.as_str().to_string()),
        method: Set(j.valid.method.clone()),
        instrument_id: Set(j.instrument_id),
        measured_on: Set(j.measured_on),
        entered_by: Set(by),
        created_at: Set(now),
        ..Default::default()
    }
}

/// Columns of a stored result, in the order of [`row_values`] (the ingest bench's raw insert
/// writes the same).
pub const STORED_RESULT_COLUMNS: [&str; 17] = [
    "report_id",
    "clause_number",
    "lab_result_id",
    "value",
    "unit",
    "uncertainty",
    "coverage",
    "category",
    "judged_value",
    "judged_uncertainty",
    "judged_unit",
    "verdict",
    "method",
    "instrument_id",
    "measured_on",
    "entered_by",
    "created_at",
];

/// The row as inserted into report `report_id`: the values of [`row_model`], for the
/// multi-row inserts of a push (`db::bulk`).
fn row_values(j: &Judged, report_id: i64, by: i64, now: DateTime<Utc>) -> Vec<Value> {
    let s = Stored::of(j);
    vec![
        report_id.into(),
        j.valid.clause.clone().into(),
        j.valid.lab_result_id.clone().into(),
        s.value.into(),
        s.unit.into(),
        s.uncertainty.into(),
        s.coverage.into(),
        s.category.into(),
        s.judged_value.into(),
        s.judged_uncertainty.into(),
        s.judged_unit.into(),
        j.judgement.verdict.as_str().into(),
        j.valid.method.clone().into(),
        j.instrument_id.into(),
        j.measured_on.into(),
        by.into(),
        now.into(),
    ]
}

/// Whether `stored` already says what `j` says (a result sent again).
fn same(stored: &result::Model, j: &Judged) -> bool {
    let (value, unit, uncertainty, coverage, category) = match &j.valid.measured {
        Measured::Quantity(m) => (
            Some(m.value()),
            Some(m.unit()),
            m.uncertainty(),
            Some(m.coverage()),
            None,
        ),
        Measured::Category(c) => (None, None, None, None, Some(c.text())),
    };
    stored.value == value
        && stored.unit.as_deref() == unit
        && stored.uncertainty == uncertainty
        && stored.coverage == coverage
        && stored.category.as_deref() == category
        && stored.method == j.valid.method
        && stored.instrument_id == j.instrument_id
        && stored.measured_on == j.measured_on
        && (j.valid.lab_result_id.is_none() || stored.lab_result_id == j.valid.lab_result_id)
}

/// Writes the judged rows to each request's open report (opening revision 1 where there is
/// none): refused rows come back as errors, nothing written.
async fn write<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    lab: i64,
    requests: &HashMap<i64, request::Model>,
    judged: Vec<Judged>,
    now: DateTime<Utc>,
) -> Result<Result<Vec<RowOutcome>, Vec<FieldError>>, ConformityError> {
    let ids: Vec<i64> = judged
        .iter()
        .map(|j| j.request)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let mut latest = super::query::latest_reports(txn, &ids).await?;
    let report_ids: Vec<i64> = latest.values().map(|r| r.id).collect();
    let mut stored: HashMap<(i64, String), result::Model> = HashMap::new();
    let mut by_lab_id: HashMap<(i64, String), String> = HashMap::new();
    for m in super::query::results_of(txn, &report_ids).await? {
        if let Some(l) = &m.lab_result_id {
            by_lab_id.insert((m.report_id, l.clone()), m.clause_number.clone());
        }
        stored.insert((m.report_id, m.clause_number.clone()), m);
    }
    let mut errs = vec![];
    let mut outcomes = vec![];
    let mut inserts: Vec<(usize, &Judged)> = vec![];
    let mut updates: Vec<(&Judged, i64)> = vec![];
    for j in &judged {
        let r = latest.get(&j.request);
        let before = r.and_then(|r| stored.get(&(r.id, j.valid.clause.clone())));
        if let (Some(r), Some(l)) = (r, &j.valid.lab_result_id)
            && by_lab_id
                .get(&(r.id, l.clone()))
                .is_some_and(|c| *c != j.valid.clause)
        {
            errs.push(row_error(j.row, "lab_result_id", "lab_result_id_reused"));
            continue;
        }
        let written = match (r, before) {
            (_, Some(b)) if same(b, j) => Written::Unchanged,
            (Some(r), _) if r.status == RELEASED => {
                errs.push(row_error(j.row, "clause", "report_released"));
                continue;
            }
            (_, Some(b)) => {
                updates.push((j, b.id));
                Written::Updated
            }
            (_, None) => {
                inserts.push((outcomes.len(), j));
                Written::Created
            }
        };
        outcomes.push(RowOutcome {
            row: j.row,
            request_id: j.request,
            clause: j.valid.clause.clone(),
            verdict: j.judgement.verdict,
            written,
        });
    }
    if !errs.is_empty() {
        return Ok(Err(errs));
    }
    // Open revision 1 of each request that has no report yet, all in one statement a chunk.
    let opening: Vec<i64> = {
        let taking: HashSet<i64> = outcomes.iter().map(|o| o.request_id).collect();
        let mut v: Vec<i64> = ids
            .iter()
            .copied()
            .filter(|id| !latest.contains_key(id) && taking.contains(id))
            .collect();
        v.sort_unstable();
        v
    };
    let opened: HashSet<i64> = open_reports(txn, actor, lab, requests, &opening, now)
        .await?
        .into_iter()
        .map(|m| {
            let id = m.id;
            latest.insert(m.request_id, m);
            id
        })
        .collect();
    let rows: Vec<Vec<Value>> = inserts
        .iter()
        .map(|(_, j)| row_values(j, latest[&j.request].id, actor.user_id(), now))
        .collect();
    crate::db::bulk::insert(txn, "test_results", &STORED_RESULT_COLUMNS, rows, None).await?;
    for (j, id) in &updates {
        let mut m = row_model(j, latest[&j.request].id, actor.user_id(), now);
        m.id = Set(*id);
        m.update(txn).await?;
    }
    // One audit entry a report a push (ADR 0022): the clauses written and how, and for a
    // report this push opened, that it was opened.
    let mut per_report: HashMap<i64, (i64, Vec<serde_json::Value>)> = HashMap::new();
    for o in outcomes.iter().filter(|o| o.written != Written::Unchanged) {
        per_report
            .entry(latest[&o.request_id].id)
            .or_insert_with(|| (o.request_id, vec![]))
            .1
            .push(json!({"clause": o.clause, "verdict": o.verdict, "written": o.written}));
    }
    let mut per_report: Vec<(i64, (i64, Vec<serde_json::Value>))> =
        per_report.into_iter().collect();
    per_report.sort_by_key(|(id, _)| *id);
    let changes = per_report
        .into_iter()
        .map(|(id, (request_id, results))| {
            if opened.contains(&id) {
                Change::by(actor, "test_report.open", "test_report", id).after(json!({
                    "request_id": request_id, "revision": 1, "status": DRAFT, "results": results
                }))
            } else {
                Change::by(actor, "test_report.results", "test_report", id)
                    .after(json!({ "results": results }))
            }
        })
        .collect();
    // The chain is taken once for the whole push.
    audit::record_many(txn, changes).await?;
    Ok(Ok(outcomes))
}

/// Columns of a report as opened (revision 1, a draft).
const REPORT_COLUMNS: [&str; 14] = [
    "request_id",
    "lab_org_id",
    "province_code",
    "revision",
    "supersedes_id",
    "reason",
    "status",
    "verdict",
    "prepared_by",
    "released_by",
    "released_at",
    "created_at",
    "updated_at",
    "version",
];

/// Opens revision 1 of each request in `ids` with multi-row inserts; the reports opened, in
/// the order of `ids`.
async fn open_reports<C: ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    lab: i64,
    requests: &HashMap<i64, request::Model>,
    ids: &[i64],
    now: DateTime<Utc>,
) -> Result<Vec<report::Model>, ConformityError> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let rows: Vec<Vec<Value>> = ids
        .iter()
        .map(|id| {
            vec![
                (*id).into(),
                lab.into(),
                requests[id].province_code.clone().into(),
                1i32.into(),
                Option::<i64>::None.into(),
                String::new().into(),
                DRAFT.into(),
                Option::<String>::None.into(),
                actor.user_id().into(),
                Option::<i64>::None.into(),
                Option::<DateTime<Utc>>::None.into(),
                now.into(),
                now.into(),
                1i32.into(),
            ]
        })
        .collect();
    let back = crate::db::bulk::insert(
        txn,
        "test_reports",
        &REPORT_COLUMNS,
        rows,
        Some("id, request_id"),
    )
    .await?;
    let mut made: HashMap<i64, i64> = HashMap::with_capacity(back.len());
    for r in back {
        made.insert(r.try_get("", "request_id")?, r.try_get("", "id")?);
    }
    Ok(ids
        .iter()
        .filter_map(|id| {
            made.get(id).map(|report_id| report::Model {
                id: *report_id,
                request_id: *id,
                lab_org_id: lab,
                province_code: requests[id].province_code.clone(),
                revision: 1,
                supersedes_id: None,
                reason: String::new(),
                status: DRAFT.to_string(),
                verdict: None,
                prepared_by: actor.user_id(),
                released_by: None,
                released_at: None,
                created_at: now,
                updated_at: now,
                version: 1,
            })
        })
        .collect())
}

/// Two writers that both opened the same revision (two nodes taking one request's results,
/// or two corrections of one report, at once): the second finds the first's row by its
/// unique key and is told the report moved on, to read it again, rather than a server error.
pub(super) fn raced(e: ConformityError) -> ConformityError {
    match e {
        ConformityError::Db(d)
            if matches!(
                d.sql_err(),
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
            ) =>
        {
            ConformityError::Conflict
        }
        other => other,
    }
}
