//! Subgroups arriving from a unit, by its API token (JSON), a CSV or XLSX upload, or the phone
//! form: every row checked first (each problem named `subgroups[i].field`, nothing stored
//! unless every row passes), then stored in one transaction with the monitor of each
//! characteristic updated incrementally (ADR 0023). A batch is the unit's by its sender's
//! batch id: sent again, it is answered as the first time and nothing is stored twice. A
//! subgroup older than the latest stored is placed by its instant (`Monitor::insert_late`),
//! or, when later than a rule window, the characteristic's history is replayed once.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use tashil_spc::{Monitor, SpcError, Subgroup};

use super::characteristics::own_unit;
use super::entity::{batch, characteristic, violation};
use super::error::QualityError;
use super::limits::{Found, found, store_violations};
use super::model::characteristic::parse_chart;
use super::model::subgroup::{MAX_SUBGROUPS, Plan, SubgroupInput, check};
use crate::access::Actor;
use crate::access::quality as rules;
use crate::audit::{self, Change};
use crate::kernel::FieldError;

/// A batch as a unit's system sends it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct Batch {
    /// The sender's own id of the batch, unique for the unit: a batch sent again with it is
    /// answered as the first time, and nothing is stored twice.
    pub batch_id: String,
    /// At most 10,000 subgroups.
    pub subgroups: Vec<SubgroupInput>,
}

/// What a stored subgroup produced.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RowAnswer {
    /// The index in `subgroups` (JSON) or the line in the sheet.
    pub row: usize,
    pub characteristic: String,
    pub measured_at: DateTime<Utc>,
    /// Placed before subgroups stored earlier.
    pub late: bool,
    /// The rules (tashil_spc codes) that fire at it, on either chart; empty before limits.
    pub violations: Vec<String>,
}

/// The answer to a batch: the same to a resend of it.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct IngestAnswer {
    pub batch_id: String,
    /// How many subgroups the batch stored.
    pub stored: usize,
    /// Characteristics whose history was replayed (a subgroup arrived later than a rule
    /// window).
    pub replayed: Vec<String>,
    pub subgroups: Vec<RowAnswer>,
}

/// The columns a stored subgroup is written with.
pub const SUBGROUP_COLUMNS: [&str; 6] = [
    "characteristic_id",
    "measured_at",
    "data",
    "batch_id",
    "entered_by",
    "received_at",
];

fn row_error(line: usize, field: &str, code: &'static str) -> FieldError {
    FieldError::new(format!("subgroups[{line}].{field}"), code)
}

fn internal(e: impl ToString) -> QualityError {
    QualityError::Db(sea_orm::DbErr::Custom(e.to_string()))
}

/// A checked row.
struct Row {
    index: usize,
    line: usize,
    characteristic: i64,
    at: DateTime<Utc>,
    subgroup: Subgroup,
}

/// Checks and stores `rows` (each with its `lines` name) as batch `batch_id` of the actor's
/// unit: all or nothing.
pub async fn ingest(
    db: &DatabaseConnection,
    actor: &Actor,
    batch_id: &str,
    rows: &[SubgroupInput],
    lines: &[usize],
    now: DateTime<Utc>,
) -> Result<IngestAnswer, QualityError> {
    let grant = rules::authorize_manage(actor)?;
    let batch_id = crate::kernel::bounded("batch_id", batch_id, 100)
        .map_err(|e| QualityError::Invalid(vec![e]))?;
    if rows.len() > MAX_SUBGROUPS {
        return Err(QualityError::Invalid(vec![
            FieldError::new("subgroups", "too_many_subgroups")
                .with_detail(MAX_SUBGROUPS.to_string()),
        ]));
    }
    if rows.is_empty() {
        return Err(QualityError::invalid("subgroups", "required"));
    }
    let txn = crate::db::begin_write(db).await?;
    let unit = own_unit(&txn, &grant).await?;
    if let Some(b) = batch::Entity::find()
        .filter(batch::Column::UnitId.eq(unit.id))
        .filter(batch::Column::SenderBatchId.eq(batch_id.as_str()))
        .one(&txn)
        .await?
    {
        txn.rollback().await?;
        return crate::kernel::stored("batch answer", &b.answer, |a| serde_json::from_str(a).ok())
            .map_err(Into::into);
    }
    let codes: HashSet<String> = rows
        .iter()
        .map(|r| r.characteristic.trim().to_lowercase())
        .filter(|c| !c.is_empty())
        .collect();
    let mut chars: HashMap<String, characteristic::Model> = HashMap::new();
    let codes: Vec<String> = codes.into_iter().collect();
    for chunk in codes.chunks(500) {
        for m in characteristic::Entity::find()
            .filter(characteristic::Column::UnitId.eq(unit.id))
            .filter(characteristic::Column::Code.is_in(chunk.iter().cloned()))
            .all(&txn)
            .await?
        {
            chars.insert(m.code.clone(), m);
        }
    }
    let zone = crate::kernel::clock::zone(&unit.province);
    let mut errs = vec![];
    let mut ok: Vec<Row> = Vec::with_capacity(rows.len());
    for (index, r) in rows.iter().enumerate() {
        let line = lines.get(index).copied().unwrap_or(index);
        if let Some(u) = r.unit.as_deref().map(str::trim).filter(|u| !u.is_empty())
            && tashil_text::digits::to_ascii_digits(u) != unit.national_id
        {
            errs.push(row_error(line, "unit", "other_unit"));
            continue;
        }
        let code = r.characteristic.trim().to_lowercase();
        let Some(m) = chars.get(&code) else {
            errs.push(row_error(
                line,
                "characteristic",
                if code.is_empty() {
                    "required"
                } else {
                    "unknown_characteristic"
                },
            ));
            continue;
        };
        let chart = crate::kernel::stored("chart_kind", &m.chart_kind, parse_chart)?;
        let plan = Plan {
            chart,
            subgroup_size: m.subgroup_size,
        };
        match check(line, r, plan, zone, now) {
            Ok((at, subgroup)) => ok.push(Row {
                index,
                line,
                characteristic: m.id,
                at,
                subgroup,
            }),
            Err(e) => errs.extend(e),
        }
        if errs.len() > 1000 {
            break;
        }
    }
    let mut seen = HashSet::new();
    for r in &ok {
        if !seen.insert((r.characteristic, r.at)) {
            errs.push(row_error(r.line, "measured_at", "duplicate_subgroup"));
        }
    }
    let mut by_char: BTreeMap<i64, Vec<&Row>> = BTreeMap::new();
    for r in &ok {
        by_char.entry(r.characteristic).or_default().push(r);
    }
    for (cid, list) in &by_char {
        let instants: Vec<DateTime<Utc>> = list.iter().map(|r| r.at).collect();
        let taken: HashSet<DateTime<Utc>> = super::query::taken_instants(&txn, *cid, &instants)
            .await?
            .into_iter()
            .collect();
        for r in list.iter().filter(|r| taken.contains(&r.at)) {
            errs.push(row_error(r.line, "measured_at", "duplicate_subgroup"));
        }
    }
    if !errs.is_empty() {
        txn.rollback().await?;
        return Err(QualityError::Invalid(errs));
    }
    let b = batch::ActiveModel {
        unit_id: Set(unit.id),
        sender_batch_id: Set(batch_id.clone()),
        subgroups: Set(ok.len() as i32),
        answer: Set(String::new()),
        received_by: Set(actor.user_id()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let mut late_rows: HashSet<usize> = HashSet::new();
    let mut replays: Vec<i64> = vec![];
    for (cid, list) in by_char.iter_mut() {
        list.sort_by_key(|r| r.at);
        match monitor_batch(&txn, *cid, list, &mut late_rows, now).await? {
            Monitored::Done | Monitored::NoLimits => {}
            Monitored::Replay => replays.push(*cid),
        }
    }
    let stored: Vec<Vec<sea_orm::Value>> = ok
        .iter()
        .map(|r| {
            Ok::<_, QualityError>(vec![
                r.characteristic.into(),
                r.at.into(),
                serde_json::to_string(&r.subgroup).map_err(internal)?.into(),
                Some(b.id).into(),
                actor.user_id().into(),
                now.into(),
            ])
        })
        .collect::<Result<_, _>>()?;
    crate::db::bulk::insert(&txn, "quality_subgroups", &SUBGROUP_COLUMNS, stored, None).await?;
    let by_id: HashMap<i64, &characteristic::Model> = chars.values().map(|m| (m.id, m)).collect();
    let mut replayed = vec![];
    for cid in replays {
        let m = by_id[&cid];
        super::limits::replay(&txn, m, now).await?;
        replayed.push(m.code.clone());
    }
    let mut fired: HashMap<(i64, DateTime<Utc>), Vec<String>> = HashMap::new();
    let mut touched = Vec::with_capacity(by_char.len());
    for (cid, list) in &by_char {
        let instants: Vec<DateTime<Utc>> = list.iter().map(|r| r.at).collect();
        let found = super::query::violations_at(&txn, *cid, &instants).await?;
        for v in &found {
            fired
                .entry((*cid, v.measured_at))
                .or_default()
                .push(v.rule.clone());
        }
        touched.push((by_id[cid], found));
    }
    super::advice_desk::raise(&txn, actor, touched, now).await?;
    let measured: Vec<&characteristic::Model> = by_char.keys().map(|c| by_id[c]).collect();
    super::capability_days::record(&txn, &measured, now).await?;
    let answer = IngestAnswer {
        batch_id: batch_id.clone(),
        stored: ok.len(),
        replayed,
        subgroups: ok
            .iter()
            .map(|r| RowAnswer {
                row: r.line,
                characteristic: by_id[&r.characteristic].code.clone(),
                measured_at: r.at,
                late: late_rows.contains(&r.index),
                violations: fired
                    .get(&(r.characteristic, r.at))
                    .cloned()
                    .unwrap_or_default(),
            })
            .collect(),
    };
    let text = serde_json::to_string(&answer).map_err(internal)?;
    batch::Entity::update_many()
        .set(batch::ActiveModel {
            answer: Set(text),
            ..Default::default()
        })
        .filter(batch::Column::Id.eq(b.id))
        .exec(&txn)
        .await?;
    let mut named: Vec<&str> = by_char.keys().map(|c| by_id[c].code.as_str()).collect();
    named.sort_unstable();
    audit::record(
        &txn,
        Change::by(actor, "quality.ingest", "quality_batch", b.id).after(json!({
            "unit_id": unit.id, "sender_batch_id": batch_id, "subgroups": ok.len(),
            "characteristics": named,
        })),
    )
    .await?;
    txn.commit().await?;
    Ok(answer)
}

enum Monitored {
    Done,
    NoLimits,
    Replay,
}

/// Updates characteristic `cid`'s stored monitor with `list` (in time order, not yet stored):
/// pushes for those after the latest stored, late inserts for the others; the violations at
/// and after a late one are replaced. Answers `Replay` when one is later than a rule window
/// (the caller replays after storing the subgroups).
async fn monitor_batch<C: ConnectionTrait>(
    txn: &C,
    cid: i64,
    list: &[&Row],
    late_rows: &mut HashSet<usize>,
    now: DateTime<Utc>,
) -> Result<Monitored, QualityError> {
    let last = super::query::latest_instant(txn, cid).await?;
    for r in list {
        if last.is_some_and(|l| r.at < l) {
            late_rows.insert(r.index);
        }
    }
    let Some(l) = super::query::current_limits(txn, cid).await? else {
        return Ok(Monitored::NoLimits);
    };
    let Some(stored) = super::query::monitor_of(txn, cid).await? else {
        return Ok(Monitored::Replay);
    };
    if stored.limits_version != l.version {
        return Ok(Monitored::Replay);
    }
    let mut monitor: Monitor =
        crate::kernel::stored("monitor", &stored.state, |s| serde_json::from_str(s).ok())?;
    let mut pending: Vec<Found> = vec![];
    let mut cleared_from: Option<DateTime<Utc>> = None;
    for r in list {
        let late = last.is_some_and(|l| r.at < l);
        if late {
            // At most a rule window (15) plus one: more is too late anyway.
            let after = super::query::instants_after(txn, cid, r.at, 32).await?;
            match monitor.insert_late(after.len(), r.subgroup.clone()) {
                Ok(u) => {
                    let mut times = vec![r.at];
                    times.extend(after);
                    let at = |p: usize| p.checked_sub(u.index).and_then(|k| times.get(k)).copied();
                    pending.retain(|f| f.measured_at < r.at);
                    if cleared_from.is_none_or(|c| r.at < c) {
                        cleared_from = Some(r.at);
                    }
                    pending.extend(u.violations.iter().filter_map(|v| found(v, "primary", at)));
                    pending.extend(
                        u.secondary_violations
                            .iter()
                            .filter_map(|v| found(v, "secondary", at)),
                    );
                }
                Err(SpcError::TooLate { .. }) => return Ok(Monitored::Replay),
                Err(e) => {
                    return Err(QualityError::Invalid(vec![
                        row_error(r.line, "values", spc_code(&e)).with_detail(e.to_string()),
                    ]));
                }
            }
        } else {
            match monitor.push(r.subgroup.clone()) {
                Ok(u) => {
                    let at = |p: usize| (p == u.index).then_some(r.at);
                    pending.extend(u.violations.iter().filter_map(|v| found(v, "primary", at)));
                    pending.extend(
                        u.secondary_violations
                            .iter()
                            .filter_map(|v| found(v, "secondary", at)),
                    );
                }
                Err(e) => {
                    return Err(QualityError::Invalid(vec![
                        row_error(r.line, "values", spc_code(&e)).with_detail(e.to_string()),
                    ]));
                }
            }
        }
    }
    if let Some(from) = cleared_from {
        violation::Entity::delete_many()
            .filter(violation::Column::CharacteristicId.eq(cid))
            .filter(violation::Column::MeasuredAt.gte(from))
            .exec(txn)
            .await?;
    }
    store_violations(txn, cid, l.version, &pending, now).await?;
    super::limits::save_monitor(txn, cid, l.version, &monitor, Some(stored.version), now).await?;
    Ok(Monitored::Done)
}

/// The field code of a subgroup the statistics refused (its size or kind against the limits).
fn spc_code(e: &SpcError) -> &'static str {
    match e {
        SpcError::SubgroupSize { .. } => "subgroup_size",
        SpcError::NotFinite { .. } => "invalid_number",
        _ => "impossible_value",
    }
}
