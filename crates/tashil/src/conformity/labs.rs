//! Use cases of accreditations and their scope: the national body enters them and changes
//! their status; the lab, the province and the nation read them through their scope; anyone
//! reads the directory of those in force.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use serde_json::json;

use super::entity::{accreditation, scope_entry};
use super::error::ConformityError;
use super::model::accreditation::{
    AccreditationDraft, AccreditationStatus, StatusDraft, ValidAccreditation, in_force, may_move,
};
use super::model::scope::{ScopeEntryDraft, ValidScopeEntry};
use super::query::{self, DirectoryQuery};
use super::view::{AccreditationView, DirectoryLine, OrgName, ScopeEntryView};
use crate::access::conformity as rules;
use crate::access::{Actor, OrganisationKind};
use crate::audit::{self, Change};
use crate::kernel::clock::local_date;
use crate::kernel::save_at_version;
use crate::kernel::{FieldError, Paging};

pub(super) const PAGE: u64 = 50;

pub(super) fn status_of(m: &accreditation::Model) -> Result<AccreditationStatus, sea_orm::DbErr> {
    crate::kernel::stored(
        "accreditation status",
        &m.status,
        AccreditationStatus::parse,
    )
}

/// Whether `m` stands on its province's day at `now`.
pub(super) fn stands(m: &accreditation::Model, now: DateTime<Utc>) -> bool {
    status_of(m).is_ok_and(|s| {
        in_force(
            s,
            m.valid_from,
            m.valid_until,
            local_date(&m.province_code, now),
        )
    })
}

fn entry_view(e: &scope_entry::Model) -> ScopeEntryView {
    ScopeEntryView {
        id: e.id,
        standard_id: e.standard_id,
        designation: e.designation.clone(),
        clause: e.clause_number.clone(),
        test_method: e.test_method.clone(),
        turnaround_days: e.turnaround_days,
    }
}

fn snapshot(m: &accreditation::Model) -> serde_json::Value {
    json!({
        "lab_org_id": m.lab_org_id, "province": m.province_code,
        "accreditation_body": m.accreditation_body, "certificate_number": m.certificate_number,
        "valid_from": m.valid_from, "valid_until": m.valid_until, "status": m.status,
        "version": m.version,
    })
}

async fn view<C: ConnectionTrait>(
    db: &C,
    m: accreditation::Model,
    now: DateTime<Utc>,
) -> Result<AccreditationView, ConformityError> {
    let entries = query::entries_of(db, &[m.id]).await?;
    let names = crate::identity::organisation_names(db, vec![m.lab_org_id]).await?;
    let scope = entries.iter().map(entry_view).collect();
    view_of(m, &names, scope, now)
}

/// An accreditation as pages and the API show it, from its row, the names of its lab (read
/// once for a whole list) and what of its scope is shown.
fn view_of(
    m: accreditation::Model,
    names: &std::collections::HashMap<i64, [String; 3]>,
    scope: Vec<ScopeEntryView>,
    now: DateTime<Utc>,
) -> Result<AccreditationView, ConformityError> {
    Ok(AccreditationView {
        in_force: stands(&m, now),
        status: status_of(&m)?,
        lab: OrgName::of(names, m.lab_org_id),
        id: m.id,
        lab_org_id: m.lab_org_id,
        province: m.province_code,
        accreditation_body: m.accreditation_body,
        certificate_number: m.certificate_number,
        valid_from: m.valid_from,
        valid_until: m.valid_until,
        scope,
        version: m.version,
    })
}

/// The lab `id` names, if it is a lab or a certification or inspection body with a province:
/// that province.
pub(super) async fn lab_province<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<String, ConformityError> {
    let facts = crate::identity::organisation_facts(db, id)
        .await?
        .ok_or_else(|| ConformityError::invalid("lab_org_id", "not_a_lab"))?;
    if !matches!(
        facts.kind,
        Some(OrganisationKind::Lab | OrganisationKind::CertificationBody)
    ) {
        return Err(ConformityError::invalid("lab_org_id", "not_a_lab"));
    }
    facts
        .province
        .ok_or_else(|| ConformityError::invalid("lab_org_id", "lab_without_province"))
}

/// Writes accreditation `v` of a lab in `province` inside the caller's transaction, refusing a
/// certificate already entered. The caller audits (one entry per form, one per import).
pub(super) async fn insert_accreditation<C: ConnectionTrait>(
    txn: &C,
    v: ValidAccreditation,
    province: String,
    now: DateTime<Utc>,
) -> Result<accreditation::Model, ConformityError> {
    if query::certificate(txn, &v.accreditation_body, &v.certificate_number)
        .await?
        .is_some()
    {
        return Err(ConformityError::invalid(
            "certificate_number",
            "duplicate_certificate",
        ));
    }
    let am = accreditation::ActiveModel {
        lab_org_id: Set(v.lab_org_id),
        province_code: Set(province),
        accreditation_body: Set(v.accreditation_body),
        certificate_number: Set(v.certificate_number),
        valid_from: Set(v.valid_from),
        valid_until: Set(v.valid_until),
        status: Set(v.status.as_str().to_string()),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    };
    Ok(am.insert(txn).await?)
}

/// The national body enters a lab's accreditation.
pub async fn accredit(
    db: &DatabaseConnection,
    actor: &Actor,
    draft: &AccreditationDraft,
    now: DateTime<Utc>,
) -> Result<AccreditationView, ConformityError> {
    rules::authorize_accreditation(actor)?;
    let v = draft.validate().map_err(ConformityError::Invalid)?;
    let province = lab_province(db, v.lab_org_id).await?;
    let txn = crate::db::begin_write(db).await?;
    let m = insert_accreditation(&txn, v, province, now).await?;
    audit::record(
        &txn,
        Change::by(actor, "accreditation.create", "lab_accreditation", m.id).after(snapshot(&m)),
    )
    .await?;
    txn.commit().await?;
    view(db, m, now).await
}

/// A scope entry checked against the catalogue as `actor` reads it at `now`: the standard
/// exists, the clause is one of its own; the method defaults to the clause's. The entry's
/// search words hold the standard's designation and titles, the clause's parameter (the
/// test) in three languages, the method and the products.
pub(super) struct CheckedEntry {
    pub v: ValidScopeEntry,
    pub designation: String,
    pub search_text: String,
}

pub(super) async fn check_entry(
    db: &DatabaseConnection,
    actor: &Actor,
    draft: &ScopeEntryDraft,
    now: DateTime<Utc>,
) -> Result<CheckedEntry, ConformityError> {
    let v = draft.validate().map_err(ConformityError::Invalid)?;
    let s = crate::standards::get(db, Some(actor), v.standard_id, now).await?;
    entry_of(&s, v).map_err(|e| ConformityError::Invalid(vec![e]))
}

/// Entry `v` against its standard `s`, as read from the catalogue.
pub(super) fn entry_of(
    s: &crate::standards::StandardView,
    mut v: ValidScopeEntry,
) -> Result<CheckedEntry, FieldError> {
    let clause_key = tashil_text::to_ascii_digits(&v.clause);
    let Some(clause) = s.clauses.iter().find(|c| c.number == clause_key) else {
        return Err(FieldError::new("clause", "unknown_clause"));
    };
    v.clause = clause.number.clone();
    if v.test_method.is_empty() {
        v.test_method = clause.test_method.clone();
    }
    let mut words = vec![
        s.designation.clone(),
        s.title_fa.clone(),
        s.title_en.clone(),
        s.title_vi.clone(),
        clause.number.clone(),
        clause.parameter_fa.clone(),
        clause.parameter_en.clone(),
        clause.parameter_vi.clone(),
        v.test_method.clone(),
    ];
    for p in &s.products {
        words.push(p.hs_prefix.clone());
        words.push(p.product.clone());
    }
    let tokens = tashil_text::search_tokens(&words.join(" "));
    Ok(CheckedEntry {
        v,
        designation: s.designation.clone(),
        search_text: format!(" {} ", tokens.join(" ")),
    })
}

/// Writes entry `e` of accreditation `accreditation_id` inside the caller's transaction,
/// refusing a clause already in the scope. The caller audits.
pub(super) async fn insert_entry<C: ConnectionTrait>(
    txn: &C,
    accreditation_id: i64,
    e: CheckedEntry,
    now: DateTime<Utc>,
) -> Result<scope_entry::Model, ConformityError> {
    let taken = scope_entry::Entity::find()
        .filter(scope_entry::Column::AccreditationId.eq(accreditation_id))
        .filter(scope_entry::Column::StandardId.eq(e.v.standard_id))
        .filter(scope_entry::Column::ClauseNumber.eq(e.v.clause.as_str()))
        .one(txn)
        .await?;
    if taken.is_some() {
        return Err(ConformityError::invalid("clause", "duplicate_scope_entry"));
    }
    let am = scope_entry::ActiveModel {
        accreditation_id: Set(accreditation_id),
        standard_id: Set(e.v.standard_id),
        designation: Set(e.designation),
        clause_number: Set(e.v.clause),
        test_method: Set(e.v.test_method),
        turnaround_days: Set(e.v.turnaround_days),
        search_text: Set(e.search_text),
        created_at: Set(now),
        ..Default::default()
    };
    Ok(am.insert(txn).await?)
}

pub(super) fn entry_snapshot(m: &scope_entry::Model) -> serde_json::Value {
    json!({"standard_id": m.standard_id, "designation": m.designation,
        "clause": m.clause_number, "test_method": m.test_method,
        "turnaround_days": m.turnaround_days})
}

/// The national body adds a clause to an accreditation's scope.
pub async fn add_scope_entry(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    draft: &ScopeEntryDraft,
    now: DateTime<Utc>,
) -> Result<AccreditationView, ConformityError> {
    rules::authorize_accreditation(actor)?;
    let scope = rules::lab_scope(actor)?;
    query::accreditation(db, &scope, id)
        .await?
        .ok_or(ConformityError::NotFound)?;
    let e = check_entry(db, actor, draft, now).await?;
    let txn = crate::db::begin_write(db).await?;
    let m = insert_entry(&txn, id, e, now).await?;
    audit::record(
        &txn,
        Change::by(actor, "accreditation.scope_add", "lab_accreditation", id)
            .after(entry_snapshot(&m)),
    )
    .await?;
    let m = query::accreditation(&txn, &scope, id)
        .await?
        .ok_or(ConformityError::NotFound)?;
    txn.commit().await?;
    view(db, m, now).await
}

/// The national body records the accreditation body's word: suspended, reinstated, withdrawn.
pub async fn set_status(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    draft: &StatusDraft,
    now: DateTime<Utc>,
) -> Result<AccreditationView, ConformityError> {
    rules::authorize_accreditation(actor)?;
    let to = draft.validate().map_err(ConformityError::Invalid)?;
    let scope = rules::lab_scope(actor)?;
    let txn = crate::db::begin_write(db).await?;
    let before = query::accreditation(&txn, &scope, id)
        .await?
        .ok_or(ConformityError::NotFound)?;
    if !may_move(status_of(&before)?, to) {
        return Err(ConformityError::Conflict);
    }
    let update = accreditation::Entity::update_many()
        .set(accreditation::ActiveModel {
            status: Set(to.as_str().to_string()),
            updated_at: Set(now),
            ..Default::default()
        })
        .filter(accreditation::Column::Id.eq(id));
    save_at_version(&txn, update, accreditation::Column::Version, before.version).await?;
    let after = query::accreditation(&txn, &scope, id)
        .await?
        .ok_or(ConformityError::NotFound)?;
    audit::record(
        &txn,
        Change::by(actor, "accreditation.status", "lab_accreditation", id)
            .before(snapshot(&before))
            .after(snapshot(&after)),
    )
    .await?;
    txn.commit().await?;
    view(db, after, now).await
}

pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<AccreditationView, ConformityError> {
    let scope = rules::lab_scope(actor)?;
    let m = query::accreditation(db, &scope, id)
        .await?
        .ok_or(ConformityError::NotFound)?;
    view(db, m, now).await
}

/// The accreditations `actor` may read, newest first, 50 a page (without their scope).
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    page: Option<u64>,
    now: DateTime<Utc>,
) -> Result<Vec<AccreditationView>, ConformityError> {
    let scope = rules::lab_scope(actor)?;
    let rows = query::accreditation_page(db, &scope, Paging::fixed(page, PAGE)).await?;
    let names =
        crate::identity::organisation_names(db, rows.iter().map(|m| m.lab_org_id).collect())
            .await?;
    rows.into_iter()
        .map(|m| view_of(m, &names, vec![], now))
        .collect()
}

/// What anyone may search the directory by.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DirectoryFilter {
    /// Words of a test, a standard, a method or a product (any script, any digits).
    #[serde(default)]
    pub q: Option<String>,
    /// A catalogue standard's id.
    #[serde(default)]
    pub standard_id: Option<i64>,
    /// A province (`IR-26`) or a country (`IR`, `VN`).
    #[serde(default)]
    pub province: Option<String>,
    #[serde(default)]
    pub page: Option<u64>,
}

/// The labs whose accreditation stands today, with the scope entries that match `f`, 50
/// accreditations a page.
pub async fn directory(
    db: &DatabaseConnection,
    f: &DirectoryFilter,
    now: DateTime<Utc>,
) -> Result<Vec<DirectoryLine>, ConformityError> {
    let q = f.q.as_deref().unwrap_or_default();
    if q.len() > 400 {
        return Err(ConformityError::Invalid(vec![FieldError::new(
            "q", "too_long",
        )]));
    }
    let place = f
        .province
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| p.to_ascii_uppercase());
    let dq = DirectoryQuery {
        words: tashil_text::search_tokens(q).into_iter().take(8).collect(),
        standard_id: f.standard_id,
        place,
    };
    // The directory's own day: the UTC one; each lab's stands on its province's (`stands`).
    let day: NaiveDate = now.date_naive();
    let (accs, entries) = query::directory(db, &dq, day, Paging::fixed(f.page, PAGE)).await?;
    let accs: Vec<_> = accs.into_iter().filter(|a| stands(a, now)).collect();
    let names =
        crate::identity::organisation_names(db, accs.iter().map(|m| m.lab_org_id).collect())
            .await?;
    Ok(accs
        .into_iter()
        .map(|a| DirectoryLine {
            accreditation_id: a.id,
            lab_org_id: a.lab_org_id,
            lab: OrgName::of(&names, a.lab_org_id),
            entries: entries
                .iter()
                .filter(|e| e.accreditation_id == a.id)
                .map(entry_view)
                .collect(),
            province: a.province_code,
            accreditation_body: a.accreditation_body,
            certificate_number: a.certificate_number,
            valid_until: a.valid_until,
        })
        .collect())
}
