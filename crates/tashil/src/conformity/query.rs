//! Scoped selects of conformity assessment. Accreditations are read from a [`LabScope`], test
//! requests from a [`RequestScope`], both only `access::conformity` makes; the public directory
//! and the labs offered for a request read only accreditations active on the day.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait, Select,
};

use super::entity::{
    accreditation, calibration, instrument, report, request, request_clause, result, scope_entry,
};
use super::model::accreditation::AccreditationStatus;
use super::model::request::RequestStatus;
use super::model::scope::Covered;
use crate::access::conformity::{
    AnswerGrant, InstrumentScope, LabReach, LabScope, RequestReach, RequestScope,
};
use crate::kernel::Paging;

/// Ids bound in one `IN (…)` list.
const IN_CHUNK: usize = 500;

pub fn accreditations(scope: &LabScope) -> Select<accreditation::Entity> {
    let q = accreditation::Entity::find();
    match scope.reach() {
        LabReach::All => q,
        LabReach::Province(p) => q.filter(accreditation::Column::ProvinceCode.eq(p.as_str())),
        LabReach::Lab(o) => q.filter(accreditation::Column::LabOrgId.eq(*o)),
    }
}

/// Accreditation `id` inside `scope`; absent and out of reach look alike.
pub async fn accreditation<C: ConnectionTrait>(
    db: &C,
    scope: &LabScope,
    id: i64,
) -> Result<Option<accreditation::Model>, DbErr> {
    accreditations(scope)
        .filter(accreditation::Column::Id.eq(id))
        .one(db)
        .await
}

pub async fn accreditation_page<C: ConnectionTrait>(
    db: &C,
    scope: &LabScope,
    paging: Paging,
) -> Result<Vec<accreditation::Model>, DbErr> {
    accreditations(scope)
        .order_by_desc(accreditation::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await
}

/// The accreditation `body` gave under certificate `number`, whoever may read it (a
/// certificate is entered once).
pub async fn certificate<C: ConnectionTrait>(
    db: &C,
    body: &str,
    number: &str,
) -> Result<Option<accreditation::Model>, DbErr> {
    accreditation::Entity::find()
        .filter(accreditation::Column::AccreditationBody.eq(body))
        .filter(accreditation::Column::CertificateNumber.eq(number))
        .one(db)
        .await
}

/// The scope entries of accreditations `ids`, by standard and clause.
pub async fn entries_of<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<Vec<scope_entry::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    scope_entry::Entity::find()
        .filter(scope_entry::Column::AccreditationId.is_in(ids.iter().copied()))
        .order_by_asc(scope_entry::Column::Designation)
        .order_by_asc(scope_entry::Column::ClauseNumber)
        .order_by_asc(scope_entry::Column::Id)
        .all(db)
        .await
}

/// Active accreditations whose validity may hold on `day` on some office's clock (a day's
/// slack either side: the caller decides on the lab's province's own day).
fn active_around(day: NaiveDate) -> Condition {
    let before = day.checked_sub_days(Days::new(1)).unwrap_or(day);
    let after = day.checked_add_days(Days::new(1)).unwrap_or(day);
    Condition::all()
        .add(accreditation::Column::Status.eq(AccreditationStatus::Active.as_str()))
        .add(accreditation::Column::ValidFrom.lte(after))
        .add(accreditation::Column::ValidUntil.gte(before))
}

/// What the public directory is searched by.
#[derive(Debug, Clone, Default)]
pub struct DirectoryQuery {
    /// Folded words, each matched as a word prefix of the entry's standard, clause, method
    /// or products.
    pub words: Vec<String>,
    pub standard_id: Option<i64>,
    /// A province (`IR-26`) or a country (`IR`).
    pub place: Option<String>,
}

fn entry_matches(q: &DirectoryQuery) -> Condition {
    let mut c = Condition::all();
    for w in &q.words {
        // Words hold letters, marks and digits only (`search_tokens`): nothing LIKE reads.
        c = c.add(scope_entry::Column::SearchText.contains(format!(" {w}")));
    }
    if let Some(s) = q.standard_id {
        c = c.add(scope_entry::Column::StandardId.eq(s));
    }
    c
}

/// A page of the accreditations that may be in force around `day` and match `q`, and the
/// entries of each that match.
pub async fn directory<C: ConnectionTrait>(
    db: &C,
    q: &DirectoryQuery,
    day: NaiveDate,
    paging: Paging,
) -> Result<(Vec<accreditation::Model>, Vec<scope_entry::Model>), DbErr> {
    let mut sel = accreditation::Entity::find().filter(active_around(day));
    if let Some(p) = &q.place {
        sel = sel.filter(accreditation::Column::ProvinceCode.starts_with(p.as_str()));
    }
    let matching = scope_entry::Entity::find()
        .select_only()
        .column(scope_entry::Column::AccreditationId)
        .filter(entry_matches(q))
        .into_query();
    let accs = sel
        .filter(accreditation::Column::Id.in_subquery(matching))
        .order_by_asc(accreditation::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await?;
    if accs.is_empty() {
        return Ok((accs, vec![]));
    }
    let entries = scope_entry::Entity::find()
        .filter(scope_entry::Column::AccreditationId.is_in(accs.iter().map(|a| a.id)))
        .filter(entry_matches(q))
        .order_by_asc(scope_entry::Column::Designation)
        .order_by_asc(scope_entry::Column::ClauseNumber)
        .all(db)
        .await?;
    Ok((accs, entries))
}

/// The clauses of `standard` among `clauses` each lab of `country` covers with an
/// accreditation in force on `day` (on its province's clock, decided by `in_force`).
pub async fn covering<C: ConnectionTrait>(
    db: &C,
    country: &str,
    standard: i64,
    clauses: &[String],
    day: NaiveDate,
    in_force: impl Fn(&accreditation::Model) -> bool,
) -> Result<Vec<Covered>, DbErr> {
    let entries = scope_entry::Entity::find()
        .filter(scope_entry::Column::StandardId.eq(standard))
        .filter(scope_entry::Column::ClauseNumber.is_in(clauses.iter().cloned()))
        .all(db)
        .await?;
    if entries.is_empty() {
        return Ok(vec![]);
    }
    let mut ids: Vec<i64> = entries.iter().map(|e| e.accreditation_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let accs = accreditation::Entity::find()
        .filter(accreditation::Column::Id.is_in(ids))
        .filter(accreditation::Column::ProvinceCode.starts_with(country))
        .filter(active_around(day))
        .all(db)
        .await?;
    Ok(entries
        .into_iter()
        .filter_map(|e| {
            let a = accs
                .iter()
                .find(|a| a.id == e.accreditation_id && in_force(a))?;
            Some(Covered {
                lab_org_id: a.lab_org_id,
                clause: e.clause_number,
                turnaround_days: e.turnaround_days,
            })
        })
        .collect())
}

pub fn requests(scope: &RequestScope) -> Select<request::Entity> {
    let q = request::Entity::find();
    match scope.reach() {
        RequestReach::All => q,
        RequestReach::Province(p) => q.filter(request::Column::ProvinceCode.eq(p.as_str())),
        RequestReach::Lab(o) => q.filter(request::Column::LabOrgId.eq(*o)),
        RequestReach::Requester(o) => q.filter(request::Column::RequesterOrgId.eq(*o)),
    }
}

/// Request `id` inside `scope`; absent and out of reach look alike.
pub async fn request<C: ConnectionTrait>(
    db: &C,
    scope: &RequestScope,
    id: i64,
) -> Result<Option<request::Model>, DbErr> {
    requests(scope)
        .filter(request::Column::Id.eq(id))
        .one(db)
        .await
}

pub async fn request_page<C: ConnectionTrait>(
    db: &C,
    scope: &RequestScope,
    status: Option<RequestStatus>,
    paging: Paging,
) -> Result<Vec<request::Model>, DbErr> {
    let mut q = requests(scope);
    if let Some(s) = status {
        q = q.filter(request::Column::Status.eq(s.as_str()));
    }
    q.order_by_desc(request::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await
}

/// The clauses of requests `ids`, in the order asked.
pub async fn clauses_of<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<Vec<request_clause::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    request_clause::Entity::find()
        .filter(request_clause::Column::RequestId.is_in(ids.iter().copied()))
        .order_by_asc(request_clause::Column::Id)
        .all(db)
        .await
}

/// Writes the lab's answer `change` to request `id`, still sent and addressed to the grant's
/// lab, if nobody moved it past `version`; whether it did.
pub async fn answer<C: ConnectionTrait>(
    db: &C,
    grant: &AnswerGrant,
    id: i64,
    version: i32,
    change: request::ActiveModel,
) -> Result<bool, DbErr> {
    let done = request::Entity::update_many()
        .set(change)
        .filter(request::Column::Id.eq(id))
        .filter(request::Column::LabOrgId.eq(grant.lab_org_id()))
        .filter(request::Column::Version.eq(version))
        .filter(request::Column::Status.eq(RequestStatus::Sent.as_str()))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// The instruments `scope` reaches; a province's are those of the labs accredited there.
pub fn instruments(scope: &InstrumentScope) -> Select<instrument::Entity> {
    let q = instrument::Entity::find();
    match scope.reach() {
        LabReach::All => q,
        LabReach::Province(p) => q.filter(
            instrument::Column::LabOrgId.in_subquery(
                accreditation::Entity::find()
                    .select_only()
                    .column(accreditation::Column::LabOrgId)
                    .filter(accreditation::Column::ProvinceCode.eq(p.as_str()))
                    .into_query(),
            ),
        ),
        LabReach::Lab(o) => q.filter(instrument::Column::LabOrgId.eq(*o)),
    }
}

/// Instrument `id` inside `scope`; absent and out of reach look alike.
pub async fn instrument<C: ConnectionTrait>(
    db: &C,
    scope: &InstrumentScope,
    id: i64,
) -> Result<Option<instrument::Model>, DbErr> {
    instruments(scope)
        .filter(instrument::Column::Id.eq(id))
        .one(db)
        .await
}

/// An instrument's calibrations, the latest due first.
pub async fn calibrations_of<C: ConnectionTrait>(
    db: &C,
    instrument_id: i64,
) -> Result<Vec<calibration::Model>, DbErr> {
    calibration::Entity::find()
        .filter(calibration::Column::InstrumentId.eq(instrument_id))
        .order_by_desc(calibration::Column::DueOn)
        .order_by_desc(calibration::Column::Id)
        .all(db)
        .await
}

/// The lab's instruments among `codes`, by code.
pub async fn instruments_by_code<C: ConnectionTrait>(
    db: &C,
    lab: i64,
    codes: &[String],
) -> Result<HashMap<String, instrument::Model>, sea_orm::DbErr> {
    if codes.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(instrument::Entity::find()
        .filter(instrument::Column::LabOrgId.eq(lab))
        .filter(instrument::Column::Code.is_in(codes.iter().cloned()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.code.clone(), m))
        .collect())
}

/// Requests `ids` inside `scope`, by id; those out of reach are absent.
pub async fn requests_in<C: ConnectionTrait>(
    db: &C,
    scope: &RequestScope,
    ids: &[i64],
) -> Result<HashMap<i64, request::Model>, DbErr> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(IN_CHUNK) {
        for m in requests(scope)
            .filter(request::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            out.insert(m.id, m);
        }
    }
    Ok(out)
}

/// The latest revision of each of requests `ids`' reports, by request.
pub async fn latest_reports<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<HashMap<i64, report::Model>, DbErr> {
    latest_of(db, ids, None).await
}

/// The latest revision of each of requests `ids`' reports in `status` (any when `None`).
async fn latest_of<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
    status: Option<&str>,
) -> Result<HashMap<i64, report::Model>, DbErr> {
    let mut out: HashMap<i64, report::Model> = HashMap::new();
    for chunk in ids.chunks(IN_CHUNK) {
        let mut q =
            report::Entity::find().filter(report::Column::RequestId.is_in(chunk.iter().copied()));
        if let Some(status) = status {
            q = q.filter(report::Column::Status.eq(status));
        }
        for m in q.all(db).await? {
            match out.get(&m.request_id) {
                Some(o) if o.revision >= m.revision => {}
                _ => {
                    out.insert(m.request_id, m);
                }
            }
        }
    }
    Ok(out)
}

/// The results of reports `ids`.
pub async fn results_of<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<Vec<result::Model>, DbErr> {
    let mut out = vec![];
    for chunk in ids.chunks(IN_CHUNK) {
        out.extend(
            result::Entity::find()
                .filter(result::Column::ReportId.is_in(chunk.iter().copied()))
                .order_by_asc(result::Column::Id)
                .all(db)
                .await?,
        );
    }
    Ok(out)
}

/// Every revision of request `request_id`'s report, the first first.
pub async fn reports_of<C: ConnectionTrait>(
    db: &C,
    request_id: i64,
) -> Result<Vec<report::Model>, DbErr> {
    report::Entity::find()
        .filter(report::Column::RequestId.eq(request_id))
        .order_by_asc(report::Column::Revision)
        .all(db)
        .await
}

/// The first revisions released from `from` to `to` (instants), of lab `lab` and requests of
/// `province` when given: what the figures count (`figures.rs`), which decides itself what of
/// them a reader sees (`access::conformity::FiguresScope`).
pub async fn first_releases<C: ConnectionTrait>(
    db: &C,
    from: chrono::DateTime<chrono::Utc>,
    to: chrono::DateTime<chrono::Utc>,
    lab: Option<i64>,
    province: Option<&str>,
) -> Result<Vec<report::Model>, DbErr> {
    let mut q = report::Entity::find()
        .filter(report::Column::Status.eq(super::results::RELEASED))
        .filter(report::Column::Revision.eq(1))
        .filter(report::Column::ReleasedAt.between(from, to));
    if let Some(l) = lab {
        q = q.filter(report::Column::LabOrgId.eq(l));
    }
    if let Some(p) = province {
        q = q.filter(report::Column::ProvinceCode.eq(p));
    }
    q.order_by_asc(report::Column::Id).all(db).await
}

/// The latest released revision of each of requests `ids`, by request (a revision still in
/// draft is not counted).
pub async fn latest_released<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<HashMap<i64, report::Model>, DbErr> {
    latest_of(db, ids, Some(super::results::RELEASED)).await
}

/// Requests `ids` whatever the reader, by id: for the figures alone, which show of them
/// only what `FiguresScope` allows.
pub async fn requests_for_figures<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<HashMap<i64, request::Model>, DbErr> {
    let mut out = HashMap::new();
    for chunk in ids.chunks(IN_CHUNK) {
        for m in request::Entity::find()
            .filter(request::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            out.insert(m.id, m);
        }
    }
    Ok(out)
}

/// The province of each of labs `labs`: that of its latest accreditation.
pub async fn lab_provinces<C: ConnectionTrait>(
    db: &C,
    labs: &[i64],
) -> Result<HashMap<i64, String>, DbErr> {
    let mut out = HashMap::new();
    for chunk in labs.chunks(IN_CHUNK) {
        for m in accreditation::Entity::find()
            .filter(accreditation::Column::LabOrgId.is_in(chunk.iter().copied()))
            .order_by_asc(accreditation::Column::Id)
            .all(db)
            .await?
        {
            out.insert(m.lab_org_id, m.province_code);
        }
    }
    Ok(out)
}
