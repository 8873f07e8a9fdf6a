//! Pages of the bodies and their meetings: agenda, attendance, minutes, resolutions.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

use super::super::FacilitationError;
use super::super::bodies::{self, BodyDraft};
use super::super::followup;
use super::super::meetings::{self, AgendaDraft, MeetingRecord, MeetingSummary, MeetingView};
use super::super::model::{BodyKind, ResolutionDraft};
use super::cases::AgendaForm;
use super::{ResolutionLine, names, resolution_lines};
use crate::access::facilitation as rules;
use crate::access::{Actor, OrganisationKind};
use crate::web::AppState;
use crate::web::OnRecord;
use crate::web::forms::{FormErrors, Opt, options};
use crate::web::record::{PageResult, RecordPage, settle, show};
use crate::web::{AppError, Authed, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/meetings", get(meetings_page))
        .route("/bodies", post(create_body))
        .route("/bodies/{id}/meetings", post(schedule))
        .route("/bodies/{id}/members", post(add_member))
        .route("/bodies/{id}/members/{org}/remove", post(remove_member))
        .route("/meetings/{id}", get(show::<MeetingPage>))
        .route("/meetings/{id}/agenda", post(propose))
        .route("/meetings/{id}/record", post(record))
        .route("/meetings/{id}/invite", post(invite))
        .route("/meetings/{id}/resolutions", post(resolve))
}

/// A member as the meetings page lists it: organisation id, name, private seat.
type Member = (i64, String, bool);

#[derive(Template, WebTemplate)]
#[template(path = "facilitation/meetings.html")]
struct MeetingsPage {
    page: PageCtx,
    bodies: Vec<(i64, String)>,
    /// Each body (id, name) with its members.
    body_members: Vec<(i64, String, Vec<Member>)>,
    meetings: Vec<MeetingSummary>,
    kinds: Vec<Opt>,
    members: Vec<Opt>,
    errors: FormErrors,
}

async fn meetings_page(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
) -> Result<Response, AppError> {
    render_meetings(&s, &ctx, &actor, FormErrors::default(), StatusCode::OK).await
}

async fn render_meetings(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let scope = rules::secretariat_scope(actor)?;
    let province = scope.province();
    let page = PageCtx::new(ctx);
    let bodies = bodies::bodies(&s.db, actor).await?;
    let orgs = crate::identity::organisations_of(&s.db, OrganisationKind::Agency, province).await?;
    let seats = bodies::members_of(&s.db, &bodies.iter().map(|b| b.id).collect::<Vec<_>>()).await?;
    let seated: Vec<i64> = seats.values().flatten().map(|(o, _)| *o).collect();
    let org_names = crate::identity::organisation_names(&s.db, seated).await?;
    let body_members = bodies
        .iter()
        .map(|b| {
            let members = seats
                .get(&b.id)
                .into_iter()
                .flatten()
                .map(|(o, seat)| {
                    let name = org_names
                        .get(o)
                        .map(|n| names(&page.lang, n))
                        .unwrap_or_default();
                    (*o, name, *seat == bodies::Seat::Private)
                })
                .collect();
            let name = crate::kernel::display_name(page.lang, &b.name_fa, &b.name_en, &b.name_vi)
                .to_string();
            (b.id, name, members)
        })
        .collect();
    crate::web::html(
        status,
        MeetingsPage {
            body_members,
            bodies: bodies
                .iter()
                .map(|b| {
                    (
                        b.id,
                        crate::kernel::display_name(page.lang, &b.name_fa, &b.name_en, &b.name_vi)
                            .to_string(),
                    )
                })
                .collect(),
            meetings: meetings::meetings(&s.db, actor).await?,
            kinds: options(
                BodyKind::ALL
                    .iter()
                    .map(|k| (k.as_str().to_string(), page.body_kind(k.as_str())))
                    .collect::<Vec<_>>(),
                "working_group",
            ),
            members: options(
                orgs.iter()
                    .map(|(id, n)| (id.to_string(), names(&page.lang, n)))
                    .collect::<Vec<_>>(),
                "",
            ),
            errors,
            page,
        },
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct BodyForm {
    kind: String,
    name: String,
    member: Vec<String>,
    private_member: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MemberForm {
    organisation_id: String,
    private: Option<String>,
}

async fn member_result(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    r: Result<(), FacilitationError>,
) -> Result<Response, AppError> {
    super::outcome(
        ctx,
        "/meetings",
        "members",
        r,
        str::to_owned,
        |errors, status| render_meetings(s, ctx, actor, errors, status),
    )
    .await
}

async fn add_member(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<MemberForm>,
) -> Result<Response, AppError> {
    let r = match tashil_text::digits::parse_i64(&f.organisation_id) {
        Some(org) => {
            let seat = if f.private.is_some() {
                bodies::Seat::Private
            } else {
                bodies::Seat::Agency
            };
            bodies::set_member(&s.db, &actor, id, org, Some(seat)).await
        }
        None => Err(FacilitationError::invalid("members", "invalid_member")),
    };
    member_result(&s, &ctx, &actor, r).await
}

async fn remove_member(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path((id, org)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let r = bodies::set_member(&s.db, &actor, id, org, None).await;
    member_result(&s, &ctx, &actor, r).await
}

async fn create_body(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(f): Form<BodyForm>,
) -> Result<Response, AppError> {
    let mut members: Vec<(i64, String)> = f
        .member
        .iter()
        .filter_map(|m| tashil_text::digits::parse_i64(m))
        .map(|m| (m, "agency".to_string()))
        .collect();
    for p in f
        .private_member
        .iter()
        .filter_map(|m| tashil_text::digits::parse_i64(m))
    {
        members.retain(|(m, _)| *m != p);
        members.push((p, "private".into()));
    }
    // A kind the form never offers is the sender's error, named beside the field.
    let Some(kind) = BodyKind::parse(&f.kind) else {
        let errs = [super::super::model::FieldError::new(
            "kind",
            "invalid_choice",
        )];
        return render_meetings(
            &s,
            &ctx,
            &actor,
            FormErrors::from_fields(ctx.lang, &errs),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let d = BodyDraft {
        kind,
        name_fa: if ctx.lang == tashil_text::Lang::Fa {
            f.name.clone()
        } else {
            String::new()
        },
        name_en: if ctx.lang == tashil_text::Lang::En {
            f.name.clone()
        } else {
            String::new()
        },
        name_vi: if ctx.lang == tashil_text::Lang::Vi {
            f.name.clone()
        } else {
            String::new()
        },
        members,
    };
    match bodies::create_body(&s.db, &actor, &d, s.clock.now()).await {
        Ok(_) => Ok(Redirect::to("/meetings").into_response()),
        Err(FacilitationError::Invalid(errs)) => {
            // The form has one name box, whatever the language it fills.
            let errs: Vec<_> = errs
                .into_iter()
                .map(|e| {
                    let field = if e.field.starts_with("name") {
                        "name".into()
                    } else {
                        e.field
                    };
                    super::super::model::FieldError::new(field, e.code)
                })
                .collect();
            render_meetings(
                &s,
                &ctx,
                &actor,
                FormErrors::from_fields(ctx.lang, &errs),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ScheduleForm {
    held_on: String,
}

async fn schedule(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<ScheduleForm>,
) -> Result<Response, AppError> {
    match tashil_text::dates::parse_date(f.held_on.trim()) {
        Ok(d) => {
            let m = meetings::schedule_meeting(&s.db, &actor, id, d, s.clock.now()).await?;
            Ok(Redirect::to(&format!("/meetings/{m}")).into_response())
        }
        Err(_) => {
            render_meetings(
                &s,
                &ctx,
                &actor,
                FormErrors::single(
                    "held_on",
                    crate::web::error_render::message(ctx.lang, "invalid_date"),
                ),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// A member of the meeting's body, as the attendance form shows it.
pub struct MemberLine {
    pub id: i64,
    pub name: String,
    pub private: bool,
    pub present: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "facilitation/meeting.html")]
struct MeetingPage {
    page: PageCtx,
    m: MeetingView,
    body_name: String,
    members: Vec<MemberLine>,
    resolutions: Vec<ResolutionLine>,
    /// Resolutions of the province past their deadline: the next meeting hears about them.
    overdue: Vec<ResolutionLine>,
    case_items: Vec<Opt>,
    agencies: Vec<Opt>,
    is_secretariat: bool,
    can_propose: bool,
    errors: FormErrors,
}

impl RecordPage for MeetingPage {
    const BASE: &str = "/meetings";

    async fn render(rec: &OnRecord, errors: FormErrors, status: StatusCode) -> PageResult {
        let &OnRecord(ref s, ref ctx, ref actor, id) = rec;
        let page = PageCtx::new(ctx);
        let m = meetings::meeting_view(&s.db, actor, id, s.clock.now()).await?;
        let is_secretariat =
            rules::authorize_secretariat(actor, m.body.province.as_deref()).is_ok();
        let can_propose = m.status == "planned"
            && m.members
                .iter()
                .any(|(o, _, seat, _)| *o == actor.organisation_id() && seat == "private");
        let mut items = vec![(String::new(), page.t("choose"))];
        items.extend(
            m.agenda
                .iter()
                .filter_map(|a| a.case_id.map(|c| (c.to_string(), a.title.clone()))),
        );
        let mut agencies = vec![(String::new(), page.t("choose"))];
        agencies.extend(
            m.members
                .iter()
                .map(|(o, n, _, _)| (o.to_string(), names(&page.lang, n))),
        );
        let overdue = if is_secretariat && m.status == "planned" {
            let rs = followup::list(&s.db, actor, true, s.clock.now())
                .await?
                .into_iter()
                .filter(|r| {
                    Some(&r.province) == m.body.province.as_ref() || m.body.province.is_none()
                })
                .collect();
            resolution_lines(s, &page.lang, rs).await?
        } else {
            vec![]
        };
        crate::web::html(
            status,
            MeetingPage {
                overdue,
                body_name: crate::kernel::display_name(
                    page.lang,
                    &m.body.name_fa,
                    &m.body.name_en,
                    &m.body.name_vi,
                )
                .to_string(),
                members: m
                    .members
                    .iter()
                    .map(|(o, n, seat, present)| MemberLine {
                        id: *o,
                        name: names(&page.lang, n),
                        private: seat == "private",
                        present: present.unwrap_or(false),
                    })
                    .collect(),
                resolutions: resolution_lines(s, &page.lang, m.resolutions.clone()).await?,
                case_items: options(items, ""),
                agencies: options(agencies, ""),
                is_secretariat,
                can_propose,
                errors,
                page,
                m,
            },
        )
    }
}

async fn propose(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<AgendaForm>,
) -> Result<Response, AppError> {
    let r = meetings::add_agenda_item(
        &s.db,
        &actor,
        id,
        &AgendaDraft {
            case_id: None,
            title: f.title,
        },
        s.clock.now(),
    )
    .await
    .map(|_| ());
    settle::<MeetingPage, _, _>(OnRecord(s, ctx, actor, id), "agenda", r).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RecordForm {
    present: Vec<String>,
    minutes: String,
}

async fn invite(OnRecord(s, ctx, actor, id): OnRecord) -> Result<Response, AppError> {
    let r = meetings::send_agenda(&s.db, &actor, id, s.clock.now())
        .await
        .map(|_| ());
    settle::<MeetingPage, _, _>(OnRecord(s, ctx, actor, id), "invite", r).await
}

async fn record(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<RecordForm>,
) -> Result<Response, AppError> {
    let m = meetings::meeting_view(&s.db, &actor, id, s.clock.now()).await?;
    let present: Vec<i64> = f
        .present
        .iter()
        .filter_map(|p| tashil_text::digits::parse_i64(p))
        .collect();
    let absent = m
        .members
        .iter()
        .map(|x| x.0)
        .filter(|o| !present.contains(o))
        .collect();
    let r = meetings::record_meeting(
        &s.db,
        &actor,
        id,
        &MeetingRecord {
            present,
            absent,
            minutes: f.minutes,
        },
    )
    .await;
    settle::<MeetingPage, _, _>(OnRecord(s, ctx, actor, id), "record", r).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ResolutionForm {
    case_id: String,
    agency_org_id: String,
    action: String,
    working_days: String,
    proof: String,
}

async fn resolve(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<ResolutionForm>,
) -> Result<Response, AppError> {
    let d = ResolutionDraft {
        case_id: tashil_text::digits::parse_i64(&f.case_id),
        agency_org_id: tashil_text::digits::parse_i64(&f.agency_org_id),
        action: f.action,
        working_days: f.working_days,
        proof: f.proof,
    };
    let r = meetings::add_resolution(&s.db, &actor, id, &d, s.clock.now())
        .await
        .map(|_| ());
    settle::<MeetingPage, _, _>(OnRecord(s, ctx, actor, id), "resolution", r).await
}
