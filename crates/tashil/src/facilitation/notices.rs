//! Who hears of what at the facilitation desk, queued in the caller's transaction: an agency
//! of each resolution that binds it; the agency and the secretariat of each resolution that
//! passed its deadline; the reporter of a request for information, of the case's resolution
//! and of its closing, and the units a case names of its closing.

use sea_orm::{ConnectionTrait, DbErr, EntityTrait};
use serde_json::{Value, json};

use super::entity::{case, resolution};
use crate::identity::recipients;
use crate::mail::{self, MailKind, Recipient};

/// A resolution binds the recipient's agency (seed 003: a headquarters' resolutions bind).
pub const RESOLUTION_ASSIGNED: MailKind = MailKind::new("resolution_assigned");
/// A resolution passed its deadline: told to the agency and to the secretariat.
pub const RESOLUTION_OVERDUE: MailKind = MailKind::new("resolution_overdue");
/// The technical committee asks the reporter for information.
pub const CASE_INFO_REQUESTED: MailKind = MailKind::new("case_info_requested");
/// Every resolution of the reporter's case is done: the reporter is asked to confirm.
pub const CASE_RESOLVED: MailKind = MailKind::new("case_resolved");
/// The committee closed the reporter's case, saying why.
pub const CASE_CLOSED: MailKind = MailKind::new("case_closed");
/// The reporter says the obstacle remains: the committee must look again.
pub const CASE_DISPUTED: MailKind = MailKind::new("case_disputed");
/// The secretariat sends a planned meeting's date and agenda to the members.
pub const MEETING_AGENDA: MailKind = MailKind::new("meeting_agenda");

/// Every message the desk sends.
pub const KINDS: [MailKind; 7] = [
    RESOLUTION_ASSIGNED,
    RESOLUTION_OVERDUE,
    CASE_INFO_REQUESTED,
    CASE_RESOLVED,
    CASE_CLOSED,
    CASE_DISPUTED,
    MEETING_AGENDA,
];

/// Who hears of a case's news: the reporter, who is the one to act on a request for
/// information or a resolution to confirm; of a closing also the staff of every unit the case
/// names, who follow it without acting on it.
async fn followers<C: ConnectionTrait>(
    db: &C,
    c: &case::Model,
    kind: MailKind,
) -> Result<Vec<Recipient>, DbErr> {
    let mut to = recipients::of_user(db, c.reporter_user_id).await?;
    if kind == CASE_CLOSED {
        let units = super::case_units::unit_ids(db, c.id).await?;
        let orgs = crate::registry::lookup::organisations_of_units(db, &units).await?;
        let named = recipients::of_organisations(db, &orgs).await?;
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
    let to = recipients::of_organisation(db, r.agency_org_id).await?;
    mail::queue(db, &to, RESOLUTION_ASSIGNED, &args).await
}

pub(super) async fn resolution_overdue<C: ConnectionTrait>(
    db: &C,
    r: &resolution::Model,
) -> Result<(), DbErr> {
    let agency = recipients::of_organisation(db, r.agency_org_id).await?;
    let args = resolution_args(db, r, "/resolutions").await?;
    mail::queue(db, &agency, RESOLUTION_OVERDUE, &args).await?;
    let secretariat: Vec<Recipient> = recipients::secretariat(db, &r.province_code)
        .await?
        .into_iter()
        .filter(|p| !agency.contains(p))
        .collect();
    let args = resolution_args(db, r, "/resolutions?overdue=true").await?;
    mail::queue(db, &secretariat, RESOLUTION_OVERDUE, &args).await
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
        &recipients::secretariat(db, province).await?,
        CASE_DISPUTED,
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
        for r in recipients::of_organisation(db, *org).await? {
            let lang = tashil_text::Lang::parse(&r.lang).unwrap_or(tashil_text::Lang::Fa);
            let name =
                crate::kernel::display_name(lang, &body.name_fa, &body.name_en, &body.name_vi);
            let args = json!({"body": name, "held_on": meeting.held_on.to_string(),
                              "items": items, "path": format!("/meetings/{}", meeting.id)});
            mail::queue(db, std::slice::from_ref(&r), MEETING_AGENDA, &args).await?;
            sent += 1;
        }
    }
    Ok(sent)
}
