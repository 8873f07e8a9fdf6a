//! Who hears of what at the facilitation desk, queued in the caller's transaction: an agency
//! of each resolution that binds it; the agency and the secretariat of each resolution that
//! passed its deadline; the reporter of a request for information, of the case's resolution
//! and of its closing, and the units a case names of its closing.

use sea_orm::{ConnectionTrait, DbErr, EntityTrait};
use serde_json::{Value, json};

use super::entity::{case, resolution};
use crate::mail::{self, MailKind, Recipient, outbox};

/// Who hears of a case's news: the reporter, who is the one to act on a request for
/// information or a resolution to confirm; of a closing also the staff of every unit the case
/// names, who follow it without acting on it.
async fn followers<C: ConnectionTrait>(
    db: &C,
    c: &case::Model,
    kind: MailKind,
) -> Result<Vec<Recipient>, DbErr> {
    let mut to = outbox::of_user(db, c.reporter_user_id).await?;
    if kind == MailKind::CaseClosed {
        let named = outbox::recipients(
            db,
            "SELECT DISTINCT us.email, us.lang FROM case_units cu \
             JOIN units u ON u.id = cu.unit_id JOIN users us ON us.organisation_id = u.organisation_id \
             WHERE cu.case_id = ? AND us.active = ? ORDER BY us.email",
            vec![c.id.into(), true.into()],
        )
        .await?;
        to.extend(
            named
                .into_iter()
                .filter(|p| !to.contains(p))
                .collect::<Vec<_>>(),
        );
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
    mail::queue(db, &followers(db, c, kind).await?, kind, &args).await
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

/// The reporter disputes a resolution: its committee (the province's secretariat, or the
/// national administrators for an escalated case) must look again.
pub(super) async fn case_disputed<C: ConnectionTrait>(
    db: &C,
    c: &case::Model,
    note: &str,
) -> Result<(), DbErr> {
    let province = if c.level == "national" {
        ""
    } else {
        c.province_code.as_str()
    };
    let args = json!({"number": c.number, "title": c.title, "note": note,
                      "path": format!("/cases/{}", c.id)});
    mail::queue(
        db,
        &outbox::secretariat(db, province).await?,
        MailKind::CaseDisputed,
        &args,
    )
    .await
}

/// A planned meeting's date and agenda, to every member organisation's users; the body's
/// name in each recipient's language.
pub(super) async fn meeting_agenda<C: ConnectionTrait>(
    db: &C,
    body: &super::entity::body::Model,
    meeting: &super::entity::meeting::Model,
    members: &[i64],
    agenda: &[String],
) -> Result<usize, DbErr> {
    let items = agenda
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}. {t}", i + 1))
        .collect::<Vec<_>>()
        .join("\n");
    let mut sent = 0;
    for org in members {
        for r in outbox::of_organisation(db, *org).await? {
            let lang = tashil_text::Lang::parse(&r.lang).unwrap_or(tashil_text::Lang::Fa);
            let name = crate::registry::service::display_name(
                lang,
                &body.name_fa,
                &body.name_en,
                &body.name_vi,
            );
            let args = json!({"body": name, "held_on": meeting.held_on.to_string(),
                              "items": items, "path": format!("/meetings/{}", meeting.id)});
            mail::queue(db, std::slice::from_ref(&r), MailKind::MeetingAgenda, &args).await?;
            sent += 1;
        }
    }
    Ok(sent)
}
