//! Who hears of what at the facilitation desk, queued in the caller's transaction: an agency
//! of each resolution that binds it; the agency and the secretariat of each resolution that
//! passed its deadline; the reporter (and the units a case names) of a request for
//! information, of the case's resolution and of its closing.

use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Statement};
use serde_json::{Value, json};

use super::entity::{case, resolution};
use crate::db::settings::param_sql;
use crate::mail::{self, MailKind, Recipient, outbox};

/// The reporter and the staff of every unit the case names, each once.
async fn followers<C: ConnectionTrait>(db: &C, c: &case::Model) -> Result<Vec<Recipient>, DbErr> {
    let mut to = outbox::of_user(db, c.reporter_user_id).await?;
    let b = db.get_database_backend();
    let orgs = db
        .query_all_raw(Statement::from_sql_and_values(
            b,
            param_sql(
                b,
                "SELECT DISTINCT u.organisation_id FROM case_units cu JOIN units u ON u.id = cu.unit_id \
                 WHERE cu.case_id = ? AND u.organisation_id IS NOT NULL",
            ),
            [c.id.into()],
        ))
        .await?;
    for r in orgs {
        for p in outbox::of_organisation(db, r.try_get("", "organisation_id")?).await? {
            if !to.contains(&p) {
                to.push(p);
            }
        }
    }
    Ok(to)
}

/// Tells the case's followers; `extra` adds the facts of this kind (a note, a reason).
pub(super) async fn case_news<C: ConnectionTrait>(
    db: &C,
    c: &case::Model,
    kind: MailKind,
    extra: Value,
) -> Result<(), DbErr> {
    let mut args =
        json!({"number": c.number, "title": c.title, "path": format!("/cases/{}", c.id)});
    if let (Some(a), Some(e)) = (args.as_object_mut(), extra.as_object()) {
        a.extend(e.clone());
    }
    mail::queue(db, &followers(db, c).await?, kind, &args).await
}

async fn resolution_args<C: ConnectionTrait>(
    db: &C,
    r: &resolution::Model,
    path: &str,
) -> Result<Value, DbErr> {
    let number = match r.case_id {
        Some(id) => case::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|c| c.number)
            .unwrap_or_default(),
        // A general agenda item answers no case.
        None => "—".to_string(),
    };
    Ok(
        json!({"number": number, "action": r.action, "deadline": r.deadline.to_string(),
              "proof": r.proof, "path": path}),
    )
}

pub(super) async fn resolution_assigned<C: ConnectionTrait>(
    db: &C,
    r: &resolution::Model,
) -> Result<(), DbErr> {
    let args = resolution_args(db, r, "/resolutions").await?;
    let to = outbox::of_organisation(db, r.agency_org_id).await?;
    mail::queue(db, &to, MailKind::ResolutionAssigned, &args).await
}

pub(super) async fn resolution_overdue<C: ConnectionTrait>(
    db: &C,
    r: &resolution::Model,
) -> Result<(), DbErr> {
    let agency = outbox::of_organisation(db, r.agency_org_id).await?;
    let args = resolution_args(db, r, "/resolutions").await?;
    mail::queue(db, &agency, MailKind::ResolutionOverdue, &args).await?;
    let secretariat: Vec<Recipient> = outbox::secretariat(db, &r.province_code)
        .await?
        .into_iter()
        .filter(|p| !agency.contains(p))
        .collect();
    let args = resolution_args(db, r, "/resolutions?overdue=true").await?;
    mail::queue(db, &secretariat, MailKind::ResolutionOverdue, &args).await
}
