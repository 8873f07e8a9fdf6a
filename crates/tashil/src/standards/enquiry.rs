//! Public enquiry on a draft standard (seed 001: standards are developed "with industry"):
//! registered stakeholders comment clause by clause while the enquiry is open, the technical
//! committee answers each comment, and the whole record is public once the enquiry closes.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::entity::{comment, standard};
use super::model::FieldError;
use super::service::{StandardsError, enquiry_open, visible};
use crate::access::Actor;
use crate::access::standards::{self as rules, CommentReach};
use crate::audit::{self, Change};

// Named apart in the OpenAPI document from the deregulation board's `Decision`, whose name it
// shared: the document showed the board's values for the comment endpoints.
/// The committee's decision on a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[schema(as = CommentDecision)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Accepted,
    PartlyAccepted,
    Rejected,
}

impl Decision {
    pub const ALL: [Decision; 3] = [
        Decision::Accepted,
        Decision::PartlyAccepted,
        Decision::Rejected,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Accepted => "accepted",
            Decision::PartlyAccepted => "partly_accepted",
            Decision::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Decision> {
        Decision::ALL.into_iter().find(|d| d.as_str() == s.trim())
    }
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct CommentDraft {
    /// The clause commented on; empty for the draft as a whole.
    #[serde(default)]
    pub clause: String,
    pub body: String,
    /// The change the commenter proposes, if any.
    #[serde(default)]
    pub proposal: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CommentView {
    pub id: i64,
    pub clause: String,
    /// The commenting organisation (a unit, lab or association), never the person.
    pub organisation_fa: String,
    pub organisation_en: String,
    pub organisation_vi: String,
    pub body: String,
    pub proposal: String,
    pub created_at: DateTime<Utc>,
    pub decision: Option<Decision>,
    pub response: Option<String>,
}

impl CommentView {
    pub fn organisation(&self, lang: &tashil_text::Lang) -> &str {
        crate::kernel::display_name(
            *lang,
            &self.organisation_fa,
            &self.organisation_en,
            &self.organisation_vi,
        )
    }
}

const MAX_COMMENT: usize = 10_000;
const MAX_CLAUSE: usize = 40;

pub async fn comment(
    db: &DatabaseConnection,
    actor: &Actor,
    standard_id: i64,
    d: &CommentDraft,
    now: DateTime<Utc>,
) -> Result<i64, StandardsError> {
    rules::authorize_comment(actor)?;
    let mut errs = vec![];
    let mut keep = |r: Result<String, FieldError>| {
        r.unwrap_or_else(|e| {
            errs.push(e);
            String::new()
        })
    };
    let body = keep(crate::kernel::bounded("body", &d.body, MAX_COMMENT));
    let proposal = keep(crate::kernel::bounded_optional(
        "proposal",
        &d.proposal,
        MAX_COMMENT,
    ));
    // A clause number ("4.2.1", "پیوست الف"), in ASCII digits whatever was typed.
    let clause = keep(crate::kernel::bounded_optional(
        "clause", &d.clause, MAX_CLAUSE,
    ));
    let clause = tashil_text::digits::to_ascii_digits(&clause);
    if !errs.is_empty() {
        return Err(StandardsError::Invalid(errs));
    }
    let txn = crate::db::begin_write(db).await?;
    let s = visible(&txn, Some(actor), standard_id).await?;
    if !enquiry_open(&s, now) {
        return Err(StandardsError::EnquiryClosed);
    }
    let am = comment::ActiveModel {
        standard_id: Set(standard_id),
        clause_number: Set(clause),
        organisation_id: Set(actor.organisation_id()),
        user_id: Set(actor.user_id()),
        body: Set(body),
        proposal: Set(proposal),
        created_at: Set(now),
        ..Default::default()
    };
    let m = audit::insert(&txn, am, |m| {
        Change::by(actor, "enquiry.comment", "enquiry_comment", m.id)
.after(json!({"standard_id": standard_id, "clause": m.clause_number, "body": m.body, "proposal": m.proposal}))
    })
    .await?;
    txn.commit().await?;
    Ok(m.id)
}

/// Records the committee's response to a comment.
pub async fn respond(
    db: &DatabaseConnection,
    actor: &Actor,
    comment_id: i64,
    decision: Option<Decision>,
    response: &str,
    now: DateTime<Utc>,
) -> Result<(), StandardsError> {
    rules::authorize_respond(actor)?;
    let mut errs = vec![];
    if decision.is_none() {
        errs.push(FieldError::new("decision", "required"));
    }
    let response = crate::kernel::bounded("response", response, MAX_COMMENT).unwrap_or_else(|e| {
        errs.push(e);
        String::new()
    });
    if !errs.is_empty() {
        return Err(StandardsError::Invalid(errs));
    }
    let txn = crate::db::begin_write(db).await?;
    let before = comment::Entity::find_by_id(comment_id)
        .one(&txn)
        .await?
        .ok_or(StandardsError::NotFound)?;
    let mut am: comment::ActiveModel = before.clone().into();
    am.decision = Set(decision.map(|d| d.as_str().to_string()));
    am.response = Set(Some(response));
    am.responded_by = Set(Some(actor.user_id()));
    am.responded_at = Set(Some(now));
    let after = am.update(&txn).await?;
    audit::record(
        &txn,
        Change::by(actor, "enquiry.respond", "enquiry_comment", comment_id)
            .before(json!({"decision": before.decision, "response": before.response}))
            .after(json!({"decision": after.decision, "response": after.response})),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The comments `actor` may read on a standard at `now`: while the enquiry is open, the body
/// sees all and a stakeholder its organisation's own; once it has closed, everyone sees all,
/// with the committee's responses.
pub async fn comments(
    db: &DatabaseConnection,
    actor: Option<&Actor>,
    standard_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<CommentView>, StandardsError> {
    let s: standard::Model = visible(db, actor, standard_id).await?;
    let reach = if enquiry_open(&s, now) {
        rules::open_comment_reach(actor)
    } else {
        CommentReach::All
    };
    let mut q = comment::Entity::find().filter(comment::Column::StandardId.eq(standard_id));
    match reach {
        CommentReach::All => {}
        CommentReach::Organisation(o) => q = q.filter(comment::Column::OrganisationId.eq(o)),
        CommentReach::None => return Ok(vec![]),
    }
    let rows = q.order_by_asc(comment::Column::Id).all(db).await?;
    let names =
        crate::identity::organisation_names(db, rows.iter().map(|r| r.organisation_id).collect())
            .await?;
    let org = |id: &i64, i: usize| names.get(id).map(|n| n[i].clone()).unwrap_or_default();
    Ok(rows
        .into_iter()
        .map(|r| CommentView {
            id: r.id,
            clause: r.clause_number,
            organisation_fa: org(&r.organisation_id, 0),
            organisation_en: org(&r.organisation_id, 1),
            organisation_vi: org(&r.organisation_id, 2),
            body: r.body,
            proposal: r.proposal,
            created_at: r.created_at,
            decision: r.decision.as_deref().and_then(Decision::parse),
            response: r.response,
        })
        .collect())
}

/// Demo data: a comment written straight into the table (the demo has no request to check).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn seed_comment<C: sea_orm::ConnectionTrait>(
    db: &C,
    standard_id: i64,
    organisation_id: i64,
    user_id: i64,
    clause: &str,
    body: &str,
    proposal: &str,
    at: DateTime<Utc>,
) -> Result<i64, sea_orm::DbErr> {
    let m = comment::ActiveModel {
        standard_id: Set(standard_id),
        clause_number: Set(clause.to_string()),
        organisation_id: Set(organisation_id),
        user_id: Set(user_id),
        body: Set(body.to_string()),
        proposal: Set(proposal.to_string()),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(m.id)
}

/// Demo data: the committee's response to a seeded comment.
pub(crate) async fn seed_response<C: sea_orm::ConnectionTrait>(
    db: &C,
    comment_id: i64,
    by: i64,
    decision: &str,
    response: &str,
    at: DateTime<Utc>,
) -> Result<(), sea_orm::DbErr> {
    comment::ActiveModel {
        id: Set(comment_id),
        decision: Set(Some(decision.to_string())),
        response: Set(Some(response.to_string())),
        responded_by: Set(Some(by)),
        responded_at: Set(Some(at)),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}
