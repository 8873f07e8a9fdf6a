//! The deregulation register (seeds 002, 003: "a deregulation board removes redundant
//! rules"). A unit, an agency or the provincial office reports a rule it finds redundant or
//! costly, with the law, regulation or circular that imposes it and what it costs; the
//! province's deregulation board (its secretariat, the provincial office) takes it under
//! review, decides to remove, amend or keep it, and publishes the decision. Published
//! decisions are public, without who reported them.
//!
//! ```text
//! reported ──review──▶ under_review ──decide──▶ decided ──publish──▶ published
//!                                      ▲          │
//!                                      └─decide───┘ (corrected before publishing)
//! ```

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::model::FieldError;
use crate::access::deregulation::{self as rules, RegulationReach};
use crate::access::{Actor, Denied};
use crate::audit::{self, Change};
use crate::db::dialect;

/// Serialises numbering and moves in the register per installation (arbitrary, fixed).
const REGISTER_LOCK: i64 = 0x7461_7368_696c_0005;

/// The conflict code when a report is not in a state that allows the move (stable).
pub const STATE_CONFLICT: &str = "regulation_state_conflict";

/// Every error code this module adds (each has an `err-…` message in every language).
pub const ERROR_CODES: &[&str] = &[STATE_CONFLICT];

const PAGE: u64 = 50;

mod entity {
    pub mod report {
        use sea_orm::entity::prelude::*;

        #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
        #[sea_orm(table_name = "regulation_reports")]
        pub struct Model {
            #[sea_orm(primary_key)]
            pub id: i64,
            pub number: String,
            pub province_code: String,
            pub reporter_org_id: i64,
            pub reporter_user_id: i64,
            pub rule_title: String,
            pub source: String,
            pub issuing_agency: String,
            pub description: String,
            pub annual_cost: Option<i64>,
            pub hours_lost: Option<i32>,
            pub status: String,
            pub decision: Option<String>,
            pub decision_text: Option<String>,
            pub decided_by: Option<i64>,
            pub decided_at: Option<DateTimeUtc>,
            pub published_at: Option<DateTimeUtc>,
            pub created_at: DateTimeUtc,
            pub updated_at: DateTimeUtc,
            pub version: i32,
        }

        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    }
}

use entity::report;

/// Where a report stands. `Published` is final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RegulationStatus {
    Reported,
    UnderReview,
    Decided,
    Published,
}

impl RegulationStatus {
    pub const ALL: &'static [RegulationStatus] = &[
        RegulationStatus::Reported,
        RegulationStatus::UnderReview,
        RegulationStatus::Decided,
        RegulationStatus::Published,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RegulationStatus::Reported => "reported",
            RegulationStatus::UnderReview => "under_review",
            RegulationStatus::Decided => "decided",
            RegulationStatus::Published => "published",
        }
    }

    pub fn parse(s: &str) -> Option<RegulationStatus> {
        Self::ALL.iter().copied().find(|x| x.as_str() == s.trim())
    }
}

/// What the board decided about the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The rule is redundant: the issuing agency is to repeal it.
    Remove,
    /// The rule stays in a lighter form.
    Amend,
    /// The rule is needed as it is.
    Keep,
}

impl Decision {
    pub const ALL: &'static [Decision] = &[Decision::Remove, Decision::Amend, Decision::Keep];

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Remove => "remove",
            Decision::Amend => "amend",
            Decision::Keep => "keep",
        }
    }

    pub fn parse(s: &str) -> Option<Decision> {
        Self::ALL.iter().copied().find(|x| x.as_str() == s.trim())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DeregulationError {
    #[error(transparent)]
    Denied(#[from] Denied),
    #[error("not found")]
    NotFound,
    #[error("invalid")]
    Invalid(Vec<FieldError>),
    #[error("not allowed in the current state")]
    BadState,
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl DeregulationError {
    pub fn invalid(field: &str, code: &'static str) -> Self {
        DeregulationError::Invalid(vec![FieldError::new(field, code)])
    }
}

impl From<DeregulationError> for crate::web::AppError {
    fn from(e: DeregulationError) -> Self {
        use crate::web::AppError;
        match e {
            DeregulationError::Denied(d) => d.into(),
            DeregulationError::NotFound => AppError::NotFound,
            DeregulationError::Invalid(f) => AppError::Invalid(f),
            DeregulationError::BadState => AppError::Conflict(STATE_CONFLICT),
            DeregulationError::Db(e) => AppError::internal(e),
        }
    }
}

/// A rule as reported (form or API): every field a string, numbers in any digit script.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RegulationDraft {
    /// What the rule requires ("a fire-safety certificate renewed every year").
    #[serde(default)]
    pub rule_title: String,
    /// The law, regulation or circular and its article that imposes the rule.
    #[serde(default)]
    pub source: String,
    /// The agency that issued the rule or enforces it.
    #[serde(default)]
    pub issuing_agency: String,
    /// Why the rule is redundant or costly.
    #[serde(default)]
    pub description: String,
    /// What the rule costs a year, in the country's currency (rial, đồng).
    #[serde(default)]
    pub annual_cost: String,
    /// Working hours it takes a year.
    #[serde(default)]
    pub hours_lost: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidRegulation {
    pub rule_title: String,
    pub source: String,
    pub issuing_agency: String,
    pub description: String,
    pub annual_cost: Option<i64>,
    pub hours_lost: Option<i32>,
}

fn text_field(raw: &str, field: &str, max: usize, errs: &mut Vec<FieldError>) -> String {
    let v = tashil_text::normalize::canonical(raw);
    if v.is_empty() {
        errs.push(FieldError::new(field, "required"));
    } else if v.chars().count() > max {
        errs.push(FieldError::new(field, "too_long"));
    }
    v
}

fn amount(raw: &str, field: &str, max: i64, errs: &mut Vec<FieldError>) -> Option<i64> {
    if raw.trim().is_empty() {
        return None;
    }
    match tashil_text::digits::parse_i64(raw) {
        Some(v) if (0..=max).contains(&v) => Some(v),
        _ => {
            errs.push(FieldError::new(field, "invalid_number"));
            None
        }
    }
}

impl RegulationDraft {
    pub fn validate(&self) -> Result<ValidRegulation, Vec<FieldError>> {
        let mut errs = vec![];
        let rule_title = text_field(&self.rule_title, "rule_title", 300, &mut errs);
        let source = text_field(&self.source, "source", 1_000, &mut errs);
        let issuing_agency = text_field(&self.issuing_agency, "issuing_agency", 200, &mut errs);
        let description = text_field(&self.description, "description", 20_000, &mut errs);
        let annual_cost = amount(&self.annual_cost, "annual_cost", i64::MAX / 4, &mut errs);
        let hours_lost = amount(&self.hours_lost, "hours_lost", 100_000_000, &mut errs);
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(ValidRegulation {
            rule_title,
            source,
            issuing_agency,
            description,
            annual_cost,
            hours_lost: hours_lost.map(|h| h as i32),
        })
    }
}

/// The board's decision as the secretariat records it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DecisionDraft {
    /// `remove`, `amend` or `keep`.
    #[serde(default)]
    pub decision: String,
    /// The decision as the board worded it: what changes, and why.
    #[serde(default)]
    pub decision_text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidDecision {
    pub decision: Decision,
    pub text: String,
}

impl DecisionDraft {
    pub fn validate(&self) -> Result<ValidDecision, Vec<FieldError>> {
        let mut errs = vec![];
        let decision = Decision::parse(&self.decision);
        if decision.is_none() {
            errs.push(FieldError::new(
                "decision",
                if self.decision.trim().is_empty() {
                    "required"
                } else {
                    "invalid_choice"
                },
            ));
        }
        let text = text_field(&self.decision_text, "decision_text", 20_000, &mut errs);
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(ValidDecision {
            decision: decision.expect("checked"),
            text,
        })
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RegulationSummary {
    pub id: i64,
    pub number: String,
    pub province: String,
    pub rule_title: String,
    pub issuing_agency: String,
    pub status: RegulationStatus,
    pub decision: Option<Decision>,
    pub created_at: DateTime<Utc>,
}

/// A report as its reader may see it. Who reported, the reporter's own account and who
/// recorded the decision are left out for readers of published reports only.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RegulationView {
    #[serde(flatten)]
    pub summary: RegulationSummary,
    pub source: String,
    pub annual_cost: Option<i64>,
    pub hours_lost: Option<i32>,
    pub decision_text: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporter_org_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporter_user_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<i64>,
    pub version: i32,
}

/// A published decision as anyone may read it: the rule, its source and cost, and what the
/// board decided. No reporter, and not the reporter's own account (it may name them).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PublicRegulation {
    pub number: String,
    pub province: String,
    pub rule_title: String,
    pub source: String,
    pub issuing_agency: String,
    pub annual_cost: Option<i64>,
    pub hours_lost: Option<i32>,
    pub decision: Decision,
    pub decision_text: String,
    pub decided_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
}

fn status_of(m: &report::Model) -> RegulationStatus {
    RegulationStatus::parse(&m.status).unwrap_or(RegulationStatus::Reported)
}

fn decision_of(m: &report::Model) -> Option<Decision> {
    m.decision.as_deref().and_then(Decision::parse)
}

fn summary(m: &report::Model) -> RegulationSummary {
    RegulationSummary {
        id: m.id,
        number: m.number.clone(),
        province: m.province_code.clone(),
        rule_title: m.rule_title.clone(),
        issuing_agency: m.issuing_agency.clone(),
        status: status_of(m),
        decision: decision_of(m),
        created_at: m.created_at,
    }
}

fn view(m: report::Model, reach: &RegulationReach) -> RegulationView {
    let private = reach.sees_reporter();
    RegulationView {
        summary: summary(&m),
        source: m.source,
        annual_cost: m.annual_cost,
        hours_lost: m.hours_lost,
        decision_text: m.decision_text,
        decided_at: m.decided_at,
        published_at: m.published_at,
        description: private.then_some(m.description),
        reporter_org_id: private.then_some(m.reporter_org_id),
        reporter_user_id: private.then_some(m.reporter_user_id),
        decided_by: m.decided_by.filter(|_| private),
        version: m.version,
    }
}

fn snapshot(m: &report::Model) -> serde_json::Value {
    json!({
        "number": m.number, "province": m.province_code, "rule_title": m.rule_title,
        "source": m.source, "issuing_agency": m.issuing_agency, "description": m.description,
        "annual_cost": m.annual_cost, "hours_lost": m.hours_lost, "status": m.status,
        "decision": m.decision, "decision_text": m.decision_text, "version": m.version,
    })
}

/// "DR-IR-26-1405-00012": the register, province, the year in the province's calendar, a
/// sequence. The caller holds [`REGISTER_LOCK`].
async fn next_number<C: ConnectionTrait>(db: &C, province: &str) -> Result<String, DbErr> {
    let prefix = format!("DR-{}", super::calendar::number_prefix(province));
    let n = report::Entity::find()
        .filter(report::Column::Number.starts_with(&prefix))
        .count(db)
        .await?;
    Ok(format!("{prefix}{:05}", n + 1))
}

/// Reports a rule in the actor's province.
pub async fn report(
    db: &DatabaseConnection,
    actor: &Actor,
    draft: &RegulationDraft,
) -> Result<RegulationSummary, DeregulationError> {
    let province = actor.province.clone().ok_or(Denied::Forbidden)?;
    rules::authorize_report(actor, &province)?;
    let v = draft.validate().map_err(DeregulationError::Invalid)?;
    let txn = crate::db::begin_write(db).await?;
    dialect::lock_chain(&txn, REGISTER_LOCK).await?;
    let number = next_number(&txn, &province).await?;
    let now = Utc::now();
    let m = report::ActiveModel {
        number: Set(number),
        province_code: Set(province),
        reporter_org_id: Set(actor.organisation_id),
        reporter_user_id: Set(actor.user_id),
        rule_title: Set(v.rule_title),
        source: Set(v.source),
        issuing_agency: Set(v.issuing_agency),
        description: Set(v.description),
        annual_cost: Set(v.annual_cost),
        hours_lost: Set(v.hours_lost),
        status: Set(RegulationStatus::Reported.as_str().to_string()),
        decision: Set(None),
        decision_text: Set(None),
        decided_by: Set(None),
        decided_at: Set(None),
        published_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        Change {
            actor: Some(actor),
            via: actor.channel.as_str(),
            action: "regulation.report",
            entity: "regulation_report",
            entity_id: m.id.to_string(),
            before: None,
            after: Some(snapshot(&m)),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(summary(&m))
}

/// Report `id` if `actor` may read it; absent and out of reach look alike.
async fn load<C: ConnectionTrait>(
    db: &C,
    reach: &RegulationReach,
    id: i64,
) -> Result<report::Model, DeregulationError> {
    report::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|m| {
            reach.covers(
                &m.province_code,
                m.reporter_org_id,
                status_of(m) == RegulationStatus::Published,
            )
        })
        .ok_or(DeregulationError::NotFound)
}

pub async fn get(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
) -> Result<RegulationView, DeregulationError> {
    let reach = rules::regulation_reach(actor)?;
    let m = load(db, &reach, id).await?;
    Ok(view(m, &reach))
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegulationFilter {
    /// `reported`, `under_review`, `decided` or `published`.
    pub status: Option<String>,
    /// `remove`, `amend` or `keep`.
    pub decision: Option<String>,
    pub page: Option<u64>,
}

/// The reports `actor` may read, newest first, 50 a page.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    f: &RegulationFilter,
) -> Result<Vec<RegulationSummary>, DeregulationError> {
    let mut q = report::Entity::find();
    match rules::regulation_reach(actor)? {
        RegulationReach::All => {}
        RegulationReach::Province(p) => q = q.filter(report::Column::ProvinceCode.eq(p)),
        RegulationReach::Organisation(o) => q = q.filter(report::Column::ReporterOrgId.eq(o)),
        RegulationReach::Published => {
            q = q.filter(report::Column::Status.eq(RegulationStatus::Published.as_str()))
        }
    }
    if let Some(s) = f.status.as_deref().and_then(RegulationStatus::parse) {
        q = q.filter(report::Column::Status.eq(s.as_str()));
    }
    if let Some(d) = f.decision.as_deref().and_then(Decision::parse) {
        q = q.filter(report::Column::Decision.eq(d.as_str()));
    }
    let paging = crate::kernel::Paging::fixed(f.page, PAGE);
    Ok(q.order_by_desc(report::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await?
        .iter()
        .map(summary)
        .collect())
}

/// One move of the board: checks reach and the board's authority, lets `change` check its
/// input and set the new values, checks the state, writes only if nobody moved the report
/// meanwhile, and audits, in one transaction.
async fn board_move(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    action: &str,
    from: &[RegulationStatus],
    change: impl FnOnce(&mut report::ActiveModel) -> Result<(), DeregulationError>,
) -> Result<RegulationView, DeregulationError> {
    let reach = rules::regulation_reach(actor)?;
    let txn = crate::db::begin_write(db).await?;
    dialect::lock_chain(&txn, REGISTER_LOCK).await?;
    let before = load(&txn, &reach, id).await?;
    rules::authorize_board(actor, &before.province_code)?;
    let mut am = report::ActiveModel {
        updated_at: Set(Utc::now()),
        version: Set(before.version + 1),
        ..Default::default()
    };
    change(&mut am)?;
    if !from.contains(&status_of(&before)) {
        return Err(DeregulationError::BadState);
    }
    let done = report::Entity::update_many()
        .set(am)
        .filter(report::Column::Id.eq(id))
        .filter(report::Column::Version.eq(before.version))
        .exec(&txn)
        .await?;
    if done.rows_affected != 1 {
        return Err(DeregulationError::BadState);
    }
    let after = report::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(DeregulationError::NotFound)?;
    audit::record(
        &txn,
        Change {
            actor: Some(actor),
            via: actor.channel.as_str(),
            action,
            entity: "regulation_report",
            entity_id: id.to_string(),
            before: Some(snapshot(&before)),
            after: Some(snapshot(&after)),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(view(after, &reach))
}

/// The board's secretariat takes a reported rule under review.
pub async fn review(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
) -> Result<RegulationView, DeregulationError> {
    board_move(
        db,
        actor,
        id,
        "regulation.review",
        &[RegulationStatus::Reported],
        |am| {
            am.status = Set(RegulationStatus::UnderReview.as_str().to_string());
            Ok(())
        },
    )
    .await
}

/// Records the board's decision on a rule under review (or corrects it before publishing).
pub async fn decide(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    draft: &DecisionDraft,
) -> Result<RegulationView, DeregulationError> {
    board_move(
        db,
        actor,
        id,
        "regulation.decide",
        &[RegulationStatus::UnderReview, RegulationStatus::Decided],
        |am| {
            let v = draft.validate().map_err(DeregulationError::Invalid)?;
            am.status = Set(RegulationStatus::Decided.as_str().to_string());
            am.decision = Set(Some(v.decision.as_str().to_string()));
            am.decision_text = Set(Some(v.text));
            am.decided_by = Set(Some(actor.user_id));
            am.decided_at = Set(Some(Utc::now()));
            Ok(())
        },
    )
    .await
}

/// Publishes a decided rule: from now on anyone may read the decision.
pub async fn publish(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
) -> Result<RegulationView, DeregulationError> {
    board_move(
        db,
        actor,
        id,
        "regulation.publish",
        &[RegulationStatus::Decided],
        |am| {
            am.status = Set(RegulationStatus::Published.as_str().to_string());
            am.published_at = Set(Some(Utc::now()));
            Ok(())
        },
    )
    .await
}

/// The published decisions of `province`, latest first, 50 a page; for anyone.
pub async fn published(
    db: &DatabaseConnection,
    province: &str,
    page: Option<u64>,
) -> Result<Vec<PublicRegulation>, DeregulationError> {
    if tashil_reference::province(province).is_none() {
        return Err(DeregulationError::NotFound);
    }
    let paging = crate::kernel::Paging::fixed(page, PAGE);
    Ok(report::Entity::find()
        .filter(report::Column::ProvinceCode.eq(province))
        .filter(report::Column::Status.eq(RegulationStatus::Published.as_str()))
        .order_by_desc(report::Column::PublishedAt)
        .order_by_desc(report::Column::Id)
        .limit(paging.limit())
        .offset(paging.offset())
        .all(db)
        .await?
        .into_iter()
        .filter_map(|m| {
            Some(PublicRegulation {
                decision: decision_of(&m)?,
                decision_text: m.decision_text.unwrap_or_default(),
                number: m.number,
                province: m.province_code,
                rule_title: m.rule_title,
                source: m.source,
                issuing_agency: m.issuing_agency,
                annual_cost: m.annual_cost,
                hours_lost: m.hours_lost,
                decided_at: m.decided_at,
                published_at: m.published_at,
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_in_persian_digits_is_read() {
        let v = RegulationDraft {
            rule_title: "تمدید سالانهٔ پروانهٔ بهره‌برداری".into(),
            source: "آیین‌نامهٔ اجرایی ماده ۱۲ قانون نظام صنفی".into(),
            issuing_agency: "سازمان صنعت، معدن و تجارت".into(),
            description: "تمدید هر سال بدون تغییر در واحد تکرار همان بازدید است.".into(),
            annual_cost: "۱۲۰٬۰۰۰٬۰۰۰".into(),
            hours_lost: "۴۰".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(v.annual_cost, Some(120_000_000));
        assert_eq!(v.hours_lost, Some(40));
    }

    #[test]
    fn every_bad_field_is_named() {
        let errs = RegulationDraft {
            annual_cost: "-5".into(),
            hours_lost: "many".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        let named: Vec<(&str, &str)> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            named,
            [
                ("rule_title", "required"),
                ("source", "required"),
                ("issuing_agency", "required"),
                ("description", "required"),
                ("annual_cost", "invalid_number"),
                ("hours_lost", "invalid_number"),
            ]
        );
        let errs = DecisionDraft {
            decision: "abolish".into(),
            decision_text: " ".into(),
        }
        .validate()
        .unwrap_err();
        let named: Vec<(&str, &str)> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            named,
            [
                ("decision", "invalid_choice"),
                ("decision_text", "required")
            ]
        );
    }

    #[test]
    fn states_and_decisions_read_back() {
        for s in RegulationStatus::ALL {
            assert_eq!(RegulationStatus::parse(s.as_str()), Some(*s));
        }
        for d in Decision::ALL {
            assert_eq!(Decision::parse(d.as_str()), Some(*d));
        }
        assert_eq!(Decision::parse("abolish"), None);
    }
}
