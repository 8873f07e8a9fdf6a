//! Bodies (working groups, councils, headquarters), their meetings, agendas built from cases
//! (the chamber of commerce may propose items), attendance, minutes, and resolutions that bind
//! an agency to an action by a deadline in working days.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::FacilitationError;
use super::bodies::{BodyView, bodies, body_view};
use super::cases::{self, ResolutionView, status_of};
use super::entity::{agenda_item, body, case, meeting, pairs, resolution};
use super::model::{CaseStatus, ResolutionDraft, ResolutionStatus, ValidResolution};
use crate::access::facilitation as rules;
use crate::access::{Actor, Denied};
use crate::audit::{self, Change};
use crate::db::rows::in_order;
use crate::db::settings::statement;

/// The secretariat `actor` keeps; one who keeps none finds no body or meeting to keep.
pub(super) fn secretariat(actor: &Actor) -> Result<rules::SecretariatScope, FacilitationError> {
    rules::secretariat_scope(actor).map_err(|_| FacilitationError::NotFound)
}

/// Meeting `id` and its body, if `actor` keeps the body's secretariat.
async fn kept_meeting<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: i64,
) -> Result<(meeting::Model, body::Model), FacilitationError> {
    super::query::kept_meeting(db, &secretariat(actor)?, id).await
}

/// Whether `org` holds a private-sector seat on `body_id` (the chamber of commerce
/// "gathers private-sector demands into the agenda").
async fn private_seat<C: ConnectionTrait>(db: &C, body_id: i64, org: i64) -> Result<bool, DbErr> {
    let b = db.get_database_backend();
    Ok(db
        .query_one_raw(statement(
            b,
            &format!(
                "SELECT seat FROM {} WHERE body_id = ? AND organisation_id = ?",
                pairs::BODY_MEMBERS
            ),
            [body_id.into(), org.into()],
        ))
        .await?
        .map(|r| r.try_get::<String>("", "seat"))
        .transpose()?
        .is_some_and(|s| s == "private"))
}

pub async fn schedule_meeting(
    db: &DatabaseConnection,
    actor: &Actor,
    body_id: i64,
    held_on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<i64, FacilitationError> {
    let held_on = crate::kernel::plausible_date(held_on)
        .map_err(|_| FacilitationError::invalid("held_on", "date_out_of_range"))?;
    let txn = crate::db::begin_write(db).await?;
    super::query::kept_body(&txn, &secretariat(actor)?, body_id).await?;
    let am = meeting::ActiveModel {
        body_id: Set(body_id),
        held_on: Set(held_on),
        status: Set("planned".into()),
        minutes: Set(String::new()),
        created_at: Set(now),
        ..Default::default()
    };
    let m = audit::insert(&txn, am, |m| {
        let after = json!({"body_id": body_id, "held_on": held_on});
        Change::by(actor, "meeting.schedule", "meeting", m.id).after(after)
    })
    .await?;
    txn.commit().await?;
    Ok(m.id)
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct AgendaDraft {
    /// A case to discuss; its title becomes the item's.
    #[serde(default)]
    pub case_id: Option<i64>,
    /// A general item (a private-sector demand) when there is no case.
    #[serde(default)]
    pub title: String,
}

/// Adds an item to a planned meeting: the secretariat adds cases of its province; a
/// private-sector member proposes items.
pub async fn add_agenda_item(
    db: &DatabaseConnection,
    actor: &Actor,
    meeting_id: i64,
    d: &AgendaDraft,
    now: DateTime<Utc>,
) -> Result<i64, FacilitationError> {
    let txn = crate::db::begin_write(db).await?;
    // A role that never keeps a secretariat nor holds a seat is refused outright; others
    // find only the meetings within their reach.
    if rules::secretariat_scope(actor).is_err() && !rules::may_propose(actor, true) {
        return Err(Denied::Forbidden.into());
    }
    let (mt, bd) =
        super::query::readable_meeting(&txn, &rules::meeting_scope(actor), meeting_id).await?;
    let secretariat = rules::authorize_secretariat(actor, bd.province_code.as_deref()).is_ok();
    let private_member = rules::may_propose(
        actor,
        private_seat(&txn, bd.id, actor.organisation_id()).await?,
    );
    if !secretariat && !private_member {
        return Err(Denied::Forbidden.into());
    }
    if mt.status != "planned" {
        return Err(FacilitationError::Conflict);
    }
    let mut title = super::model::optional_text("title", &d.title, 300)?;
    if let Some(cid) = d.case_id {
        if !secretariat {
            return Err(Denied::Forbidden.into());
        }
        let c = case::Entity::find_by_id(cid)
            .one(&txn)
            .await?
            .ok_or_else(|| FacilitationError::invalid("case_id", "invalid_case"))?;
        let level_ok = match &bd.province_code {
            Some(p) => c.province_code == *p && c.level == "province",
            None => c.level == "national",
        };
        if !level_ok || !status_of(&c)?.can_triage() {
            return Err(FacilitationError::invalid("case_id", "invalid_case"));
        }
        if title.is_empty() {
            title = format!("{} — {}", c.number, c.title);
        }
        cases::set_status(
            &txn,
            actor,
            &c,
            CaseStatus::OnAgenda,
            "put_on_agenda",
            &format!("#{meeting_id}"),
            now,
        )
        .await?;
    } else if title.is_empty() {
        return Err(FacilitationError::invalid("title", "required"));
    }
    let position = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(meeting_id))
        .count(&txn)
        .await? as i32;
    let am = agenda_item::ActiveModel {
        meeting_id: Set(meeting_id),
        case_id: Set(d.case_id),
        title: Set(title),
        proposed_by_org_id: Set(actor.organisation_id()),
        position: Set(position),
        ..Default::default()
    };
    let item = audit::insert(&txn, am, |i| {
        let after = json!({"meeting_id": meeting_id, "case_id": d.case_id, "title": i.title});
        Change::by(actor, "agenda.add", "agenda_item", i.id).after(after)
    })
    .await?;
    txn.commit().await?;
    Ok(item.id)
}

/// Sends the members the date and agenda of a planned meeting (again, if it changed);
/// returns how many people were written to.
pub async fn send_agenda(
    db: &DatabaseConnection,
    actor: &Actor,
    meeting_id: i64,
    now: DateTime<Utc>,
) -> Result<usize, FacilitationError> {
    let txn = crate::db::begin_write(db).await?;
    let (mt, bd) = kept_meeting(&txn, actor, meeting_id).await?;
    if mt.status != "planned" {
        return Err(FacilitationError::Conflict);
    }
    let agenda: Vec<String> = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(meeting_id))
        .order_by_asc(agenda_item::Column::Position)
        .all(&txn)
        .await?
        .into_iter()
        .map(|a| a.title)
        .collect();
    if agenda.is_empty() {
        return Err(FacilitationError::invalid("agenda", "agenda_empty"));
    }
    let members = super::bodies::member_organisations(&txn, bd.id).await?;
    let sent = super::notices::meeting_agenda(&txn, &bd, &mt, &members, &agenda).await?;
    let mut am: meeting::ActiveModel = mt.into();
    am.agenda_sent_at = Set(Some(now));
    am.update(&txn).await?;
    audit::record(
        &txn,
        Change::by(actor, "meeting.agenda_sent", "meeting", meeting_id)
            .after(json!({"items": agenda.len(), "recipients": sent})),
    )
    .await?;
    txn.commit().await?;
    Ok(sent)
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct MeetingRecord {
    /// Organisations present.
    #[serde(default)]
    pub present: Vec<i64>,
    /// Organisations absent.
    #[serde(default)]
    pub absent: Vec<i64>,
    pub minutes: String,
}

/// Minutes of one meeting: several pages of text, not a book.
const MAX_MINUTES: usize = 20_000;

/// Records that the meeting was held: attendance and minutes.
pub async fn record_meeting(
    db: &DatabaseConnection,
    actor: &Actor,
    meeting_id: i64,
    r: &MeetingRecord,
) -> Result<(), FacilitationError> {
    let minutes = crate::kernel::bounded("minutes", &r.minutes, MAX_MINUTES)
        .map_err(|e| FacilitationError::Invalid(vec![e]))?;
    let mut seen = std::collections::BTreeSet::new();
    for (field, org) in r
        .present
        .iter()
        .map(|o| ("present", o))
        .chain(r.absent.iter().map(|o| ("absent", o)))
    {
        if !seen.insert(*org) {
            return Err(FacilitationError::invalid(field, "duplicate_entry"));
        }
    }
    let txn = crate::db::begin_write(db).await?;
    let (mt, bd) = kept_meeting(&txn, actor, meeting_id).await?;
    if mt.status != "planned" {
        return Err(FacilitationError::Conflict);
    }
    let members: std::collections::BTreeSet<i64> = super::bodies::member_organisations(&txn, bd.id)
        .await?
        .into_iter()
        .collect();
    let desk = rules::Desk::of_body(bd.province_code.as_deref());
    for (field, org) in r
        .present
        .iter()
        .map(|o| ("present", *o))
        .chain(r.absent.iter().map(|o| ("absent", *o)))
    {
        super::naming::nameable(&txn, actor, desk, org, field, "not_a_member").await?;
        if !members.contains(&org) {
            return Err(FacilitationError::invalid(field, "not_a_member"));
        }
    }
    let b = txn.get_database_backend();
    for (org, present) in r
        .present
        .iter()
        .map(|o| (o, true))
        .chain(r.absent.iter().map(|o| (o, false)))
    {
        txn.execute_raw(statement(
            b,
            &format!(
                "INSERT INTO {} (meeting_id, organisation_id, present) VALUES (?, ?, ?)",
                pairs::ATTENDANCE
            ),
            [meeting_id.into(), (*org).into(), present.into()],
        ))
        .await?;
    }
    let mut am: meeting::ActiveModel = mt.into();
    am.status = Set("held".into());
    am.minutes = Set(minutes);
    am.update(&txn).await?;
    audit::record(
        &txn,
        Change::by(actor, "meeting.record", "meeting", meeting_id)
            .after(json!({"present": r.present, "absent": r.absent})),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Inserts a resolution whose deadline counts `working_days` from `start` (when `None`, the
/// day of `now` on the office's clock) in the working calendar of the province's country (for
/// a national item without a province, the bound agency's country). The bound agency must be
/// one `actor` may name at `desk`.
#[allow(clippy::too_many_arguments)]
pub(super) async fn insert_resolution<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    desk: rules::Desk<'_>,
    meeting_id: Option<i64>,
    province: &str,
    v: &ValidResolution,
    start: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<i64, FacilitationError> {
    let agency = super::naming::nameable(
        db,
        actor,
        desk,
        v.agency_org_id,
        "agency_org_id",
        "organisation_not_allowed",
    )
    .await?;
    let country = super::calendar::country_of(province, &agency.country);
    // The working days count from today on the office's clock, not UTC's.
    let start = start.unwrap_or_else(|| crate::kernel::clock::local_date(&country, now));
    let cals = crate::calendar::calendars(db).await?;
    let deadline = super::calendar::deadline(&cals, &country, province, start, v.working_days)
        .ok_or_else(|| FacilitationError::invalid("working_days", "out_of_range"))?
        .date;
    let m = resolution::ActiveModel {
        meeting_id: Set(meeting_id),
        case_id: Set(v.case_id),
        province_code: Set(province.to_string()),
        agency_org_id: Set(v.agency_org_id),
        action: Set(v.action.clone()),
        working_days: Set(v.working_days as i32),
        deadline: Set(deadline),
        proof: Set(v.proof.clone()),
        status: Set(ResolutionStatus::Open.as_str().into()),
        evidence: Set(String::new()),
        created_at: Set(now),
        done_at: Set(None),
        version: Set(1),
        calendar_country: Set(Some(country)),
        counted_from: Set(Some(start)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    super::notices::resolution_assigned(db, &m).await?;
    Ok(m.id)
}

/// Records a resolution of a held meeting; its case (if any) is then being resolved.
pub async fn add_resolution(
    db: &DatabaseConnection,
    actor: &Actor,
    meeting_id: i64,
    d: &ResolutionDraft,
    now: DateTime<Utc>,
) -> Result<ResolutionView, FacilitationError> {
    let v = d.validate().map_err(FacilitationError::Invalid)?;
    let txn = crate::db::begin_write(db).await?;
    let (mt, bd) = kept_meeting(&txn, actor, meeting_id).await?;
    if mt.status != "held" {
        return Err(FacilitationError::Conflict);
    }
    let province = match (&bd.province_code, v.case_id) {
        (Some(p), _) => p.clone(),
        (None, Some(cid)) => case::Entity::find_by_id(cid)
            .one(&txn)
            .await?
            .map(|c| c.province_code)
            .ok_or_else(|| FacilitationError::invalid("case_id", "invalid_case"))?,
        // A national item with no case: no province (the country of the national body).
        (None, None) => String::new(),
    };
    if let Some(cid) = v.case_id {
        let on_agenda = agenda_item::Entity::find()
            .filter(agenda_item::Column::MeetingId.eq(meeting_id))
            .filter(agenda_item::Column::CaseId.eq(cid))
            .one(&txn)
            .await?
            .is_some();
        if !on_agenda {
            return Err(FacilitationError::invalid("case_id", "case_not_on_agenda"));
        }
    }
    let desk = rules::Desk::of_body(bd.province_code.as_deref());
    let id = insert_resolution(
        &txn,
        actor,
        desk,
        Some(meeting_id),
        &province,
        &v,
        Some(mt.held_on),
        now,
    )
    .await?;
    if let Some(cid) = v.case_id {
        let c = super::query::found(&txn, case::Entity::find_by_id(cid)).await?;
        if status_of(&c)? != CaseStatus::Resolving {
            cases::set_status(
                &txn,
                actor,
                &c,
                CaseStatus::Resolving,
                "resolution_assigned",
                &format!("#{id}"),
                now,
            )
            .await?;
        }
    }
    let r = super::query::found(&txn, resolution::Entity::find_by_id(id)).await?;
    audit::record(&txn, Change::by(actor, "resolution.create", "resolution", id).after(json!({"meeting_id": meeting_id, "case_id": v.case_id, "agency": v.agency_org_id, "action": v.action, "deadline": r.deadline}))).await?;
    let cals = crate::calendar::calendars(&txn).await?;
    let view = super::cases::ResolutionView::read(r, &cals, now)?;
    txn.commit().await?;
    Ok(view)
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AgendaView {
    pub id: i64,
    pub case_id: Option<i64>,
    pub title: String,
}

impl From<agenda_item::Model> for AgendaView {
    fn from(a: agenda_item::Model) -> Self {
        AgendaView {
            id: a.id,
            case_id: a.case_id,
            title: a.title,
        }
    }
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MeetingView {
    pub id: i64,
    pub body: BodyView,
    pub held_on: NaiveDate,
    pub status: String,
    pub minutes: String,
    /// When the members were last sent the agenda.
    pub agenda_sent_at: Option<chrono::DateTime<Utc>>,
    pub agenda: Vec<AgendaView>,
    /// Member organisations: (id, names fa/en/vi, seat, present when recorded).
    pub members: Vec<(i64, [String; 3], String, Option<bool>)>,
    pub resolutions: Vec<ResolutionView>,
}

/// A meeting as its secretariat (or a member organisation) sees it at `now`.
pub async fn meeting_view(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    now: DateTime<Utc>,
) -> Result<MeetingView, FacilitationError> {
    let (mt, bd) = super::query::readable_meeting(db, &rules::meeting_scope(actor), id).await?;
    let b = db.get_database_backend();
    let rows = db
        .query_all_raw(statement(b, &format!(
                "SELECT m.organisation_id, m.seat, a.present FROM {} m LEFT JOIN {} a ON a.organisation_id = m.organisation_id AND a.meeting_id = ? WHERE m.body_id = ? ORDER BY m.organisation_id",
                pairs::BODY_MEMBERS, pairs::ATTENDANCE
            ), [id.into(), bd.id.into()]))
        .await?;
    let mut members = vec![];
    for r in &rows {
        members.push((
            r.try_get::<i64>("", "organisation_id")?,
            r.try_get::<String>("", "seat")?,
            r.try_get::<Option<bool>>("", "present")?,
        ));
    }
    let names =
        crate::identity::organisation_names(db, members.iter().map(|m| m.0).collect()).await?;
    let agenda = in_order(
        db,
        agenda_item::Column::MeetingId.eq(id),
        agenda_item::Column::Position,
    )
    .await?;
    let resolutions =
        super::query::resolutions_where(db, resolution::Column::MeetingId.eq(id), now).await?;
    Ok(MeetingView {
        id,
        body: body_view(bd)?,
        held_on: mt.held_on,
        status: mt.status,
        minutes: mt.minutes,
        agenda_sent_at: mt.agenda_sent_at,
        agenda,
        members: members
            .into_iter()
            .map(|(o, seat, present)| {
                (o, names.get(&o).cloned().unwrap_or_default(), seat, present)
            })
            .collect(),
        resolutions,
    })
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct MeetingSummary {
    pub id: i64,
    pub body_id: i64,
    pub body_name_fa: String,
    pub body_name_en: String,
    pub body_name_vi: String,
    pub held_on: NaiveDate,
    pub status: String,
}

impl MeetingSummary {
    pub fn body_name(&self, lang: &tashil_text::Lang) -> &str {
        crate::kernel::display_name(
            *lang,
            &self.body_name_fa,
            &self.body_name_en,
            &self.body_name_vi,
        )
    }
}

/// Meetings of the bodies the actor keeps, newest first.
pub async fn meetings(
    db: &DatabaseConnection,
    actor: &Actor,
) -> Result<Vec<MeetingSummary>, FacilitationError> {
    let bodies = bodies(db, actor).await?;
    let ids: Vec<i64> = bodies.iter().map(|b| b.id).collect();
    let rows = meeting::Entity::find()
        .filter(meeting::Column::BodyId.is_in(ids))
        .order_by_desc(meeting::Column::HeldOn)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|m| {
            let b = bodies.iter().find(|b| b.id == m.body_id)?;
            Some(MeetingSummary {
                id: m.id,
                body_id: b.id,
                body_name_fa: b.name_fa.clone(),
                body_name_en: b.name_en.clone(),
                body_name_vi: b.name_vi.clone(),
                held_on: m.held_on,
                status: m.status,
            })
        })
        .collect())
}
