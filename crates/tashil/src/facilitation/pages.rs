//! HTML pages of the facilitation desk: report and track a case, the committee's queue and
//! triage, bodies and meetings with their agendas and resolutions, an agency's resolutions,
//! and the public page of each province.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

use super::FacilitationError;
use super::cases::{self, CaseFilter, CaseSummary, CaseView, ResolutionView, Triage};
use super::followup::{self, Progress};
use super::meetings::{self, AgendaDraft, BodyDraft, MeetingRecord, MeetingSummary, MeetingView};
use super::model::{BodyKind, CaseDraft, CaseStatus, Category, ResolutionDraft};
use super::public::{self, PublicStats};
use crate::access::facilitation as rules;
use crate::access::{Actor, OrganisationKind, Role};
use crate::app::AppState;
use crate::web::forms::{FormErrors, Opt, options};
use crate::web::{AppError, Authed, Ctx, PageCtx};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases", get(list).post(report))
        .route("/cases/new", get(new_form))
        .route("/cases/{id}", get(detail))
        .route("/cases/{id}/triage", post(triage))
        .route("/cases/{id}/agenda", post(to_agenda))
        .route("/cases/{id}/info", post(add_info))
        .route("/cases/{id}/confirm", post(confirm))
        .route("/cases/{id}/attachments", post(attach))
        .route("/cases/{id}/attachments/{aid}", get(super::api::download))
        .route("/meetings", get(meetings_page))
        .route("/bodies", post(create_body))
        .route("/bodies/{id}/meetings", post(schedule))
        .route("/meetings/{id}", get(meeting_page))
        .route("/meetings/{id}/agenda", post(propose))
        .route("/meetings/{id}/record", post(record))
        .route("/meetings/{id}/resolutions", post(resolve))
        .route("/resolutions", get(resolutions_page))
        .route("/resolutions/{id}/progress", post(progress))
        .route("/resolutions/{id}/cancel", post(cancel))
        .route("/provinces/{code}/facilitation", get(public_page))
}

fn names(lang: &tashil_text::Lang, n: &[String; 3]) -> String {
    crate::registry::service::display_name(*lang, &n[0], &n[1], &n[2]).to_string()
}

fn category_options(page: &PageCtx, selected: &str) -> Vec<Opt> {
    let mut v = vec![(String::new(), page.t("choose"))];
    v.extend(
        Category::ALL
            .iter()
            .map(|c| (c.as_str().to_string(), page.category_label(c.as_str()))),
    );
    options(v, selected)
}

/// Agencies of the actor's province (all for the national level), to bind by a resolution.
async fn agency_options(s: &AppState, page: &PageCtx, actor: &Actor) -> Result<Vec<Opt>, AppError> {
    let province = if actor.role == Role::NationalAdmin {
        None
    } else {
        actor.province.as_deref()
    };
    let orgs = crate::identity::organisations_of(&s.db, OrganisationKind::Agency, province).await?;
    let mut v = vec![(String::new(), page.t("choose"))];
    v.extend(
        orgs.iter()
            .map(|(id, n)| (id.to_string(), names(&page.lang, n))),
    );
    Ok(options(v, ""))
}

#[derive(Template, WebTemplate)]
#[template(path = "facilitation/list.html")]
struct ListPage {
    page: PageCtx,
    cases: Vec<CaseSummary>,
    statuses: Vec<Opt>,
    can_report: bool,
}

#[derive(Deserialize, Default)]
struct ListForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    level: String,
}

fn can_report(actor: &Actor) -> bool {
    actor
        .province
        .as_deref()
        .is_some_and(|p| rules::authorize_report(actor, p).is_ok())
}

async fn list(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(f): Query<ListForm>,
) -> Result<Response, AppError> {
    let filter = CaseFilter {
        status: Some(f.status.clone()).filter(|x| !x.is_empty()),
        level: Some(f.level.clone()).filter(|x| !x.is_empty()),
        ..Default::default()
    };
    let cases = cases::list(&s.db, &actor, &filter).await?;
    let page = PageCtx::new(&ctx);
    let mut st = vec![(String::new(), page.t("any"))];
    st.extend(
        CaseStatus::ALL
            .iter()
            .map(|c| (c.as_str().to_string(), page.case_status(c.as_str()))),
    );
    Ok(ListPage {
        statuses: options(st, &f.status),
        can_report: can_report(&actor),
        cases,
        page,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "facilitation/new.html")]
struct NewPage {
    page: PageCtx,
    d: CaseDraft,
    categories: Vec<Opt>,
    errors: FormErrors,
}

async fn new_form(Authed(ctx, actor): Authed) -> Result<Response, AppError> {
    if !can_report(&actor) {
        return Err(AppError::Forbidden);
    }
    let page = PageCtx::new(&ctx);
    Ok(NewPage {
        categories: category_options(&page, ""),
        d: CaseDraft::default(),
        errors: FormErrors::default(),
        page,
    }
    .into_response())
}

#[derive(Deserialize, Default)]
struct CaseForm {
    #[serde(default)]
    category: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    amount_at_stake: String,
    #[serde(default)]
    jobs_at_risk: String,
}

async fn report(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(f): Form<CaseForm>,
) -> Result<Response, AppError> {
    let d = CaseDraft {
        category: f.category,
        title: f.title,
        description: f.description,
        amount_at_stake: f.amount_at_stake,
        jobs_at_risk: f.jobs_at_risk,
        unit_id: None,
    };
    match cases::report(&s.db, &actor, &d).await {
        Ok(c) => Ok(Redirect::to(&format!("/cases/{}", c.id)).into_response()),
        Err(FacilitationError::Invalid(errs)) => {
            let page = PageCtx::new(&ctx);
            let html = NewPage {
                categories: category_options(&page, &d.category),
                errors: FormErrors::from_fields(ctx.lang, &errs),
                d,
                page,
            }
            .render()
            .map_err(AppError::internal)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// A resolution line as pages show it: the agency's name and the deadline in the page's calendar.
pub struct ResolutionLine {
    pub r: ResolutionView,
    pub agency: String,
}

async fn resolution_lines(
    s: &AppState,
    lang: &tashil_text::Lang,
    rs: Vec<ResolutionView>,
) -> Result<Vec<ResolutionLine>, AppError> {
    let n =
        crate::identity::organisation_names(&s.db, rs.iter().map(|r| r.agency_org_id).collect())
            .await?;
    Ok(rs
        .into_iter()
        .map(|r| ResolutionLine {
            agency: n
                .get(&r.agency_org_id)
                .map(|x| names(lang, x))
                .unwrap_or_default(),
            r,
        })
        .collect())
}

#[derive(Template, WebTemplate)]
#[template(path = "facilitation/case.html")]
struct CasePage {
    page: PageCtx,
    c: CaseView,
    amount: String,
    jobs: String,
    resolutions: Vec<ResolutionLine>,
    can_triage: bool,
    is_reporter: bool,
    /// The reporter or the committee may add files while the case is open.
    can_attach: bool,
    agencies: Vec<Opt>,
    meetings: Vec<Opt>,
    errors: FormErrors,
}

async fn render_case(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    id: i64,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let c = cases::get(&s.db, actor, id).await?;
    let page = PageCtx::new(ctx);
    let can_triage = c.summary.status.can_triage()
        && rules::authorize_triage(actor, &c.summary.province, &c.summary.level).is_ok();
    let planned: Vec<MeetingSummary> = if can_triage {
        meetings::meetings(&s.db, actor)
            .await?
            .into_iter()
            .filter(|m| m.status == "planned")
            .collect()
    } else {
        vec![]
    };
    let mut mopts = vec![];
    for m in &planned {
        mopts.push((
            m.id.to_string(),
            format!(
                "{} — {}",
                crate::registry::service::display_name(
                    page.lang,
                    &m.body_name_fa,
                    &m.body_name_en,
                    &m.body_name_vi
                ),
                page.day(&m.held_on)
            ),
        ));
    }
    let reporter = crate::access::facilitation::authorize_confirm(actor, c.reporter_org_id).is_ok();
    let html = CasePage {
        amount: c
            .amount_at_stake
            .map(|a| page.num(&a.unsigned_abs()))
            .unwrap_or_default(),
        jobs: c
            .jobs_at_risk
            .map(|j| page.num(&(j.unsigned_abs() as u64)))
            .unwrap_or_default(),
        resolutions: resolution_lines(s, &page.lang, c.resolutions.clone()).await?,
        agencies: if can_triage {
            agency_options(s, &page, actor).await?
        } else {
            vec![]
        },
        meetings: options(mopts, ""),
        can_attach: (reporter || can_triage) && c.summary.status.is_open(),
        can_triage,
        is_reporter: reporter,
        errors,
        page,
        c,
    }
    .render()
    .map_err(AppError::internal)?;
    Ok((status, Html(html)).into_response())
}

async fn detail(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render_case(&s, &ctx, &actor, id, FormErrors::default(), StatusCode::OK).await
}

async fn case_result(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    id: i64,
    form: &str,
    r: Result<(), FacilitationError>,
) -> Result<Response, AppError> {
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/cases/{id}")).into_response()),
        Err(FacilitationError::Invalid(errs)) => {
            render_case(
                s,
                ctx,
                actor,
                id,
                FormErrors::from_fields(ctx.lang, &errs),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(FacilitationError::BadState) => {
            let msg = crate::web::error_render::message(ctx.lang, "case_state_conflict");
            render_case(
                s,
                ctx,
                actor,
                id,
                FormErrors::single(form, msg),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
struct TriageForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    agency_org_id: String,
    #[serde(default)]
    resolution_action: String,
    #[serde(default)]
    working_days: String,
    #[serde(default)]
    proof: String,
    #[serde(default)]
    into: String,
    #[serde(default)]
    solved: Option<String>,
}

async fn triage(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(f): Form<TriageForm>,
) -> Result<Response, AppError> {
    let t = match f.action.as_str() {
        "request_info" => Triage::RequestInfo { note: f.note },
        "escalate" => Triage::Escalate { note: f.note },
        "close" => Triage::Close {
            reason: f.note,
            solved: f.solved.is_some(),
        },
        "merge" => match tashil_text::digits::parse_i64(&f.into) {
            Some(into) => Triage::Merge { into },
            None => {
                return case_result(
                    &s,
                    &ctx,
                    &actor,
                    id,
                    "triage",
                    Err(FacilitationError::invalid("into", "invalid_case")),
                )
                .await;
            }
        },
        "route" => Triage::Route {
            resolution: ResolutionDraft {
                case_id: Some(id),
                agency_org_id: tashil_text::digits::parse_i64(&f.agency_org_id),
                action: f.resolution_action,
                working_days: f.working_days,
                proof: f.proof,
            },
        },
        _ => return Err(AppError::BadRequest("invalid_choice")),
    };
    let r = cases::triage(&s.db, &actor, id, &t).await;
    case_result(&s, &ctx, &actor, id, "triage", r).await
}

#[derive(Deserialize, Default)]
struct AgendaForm {
    #[serde(default)]
    meeting_id: String,
    #[serde(default)]
    title: String,
}

async fn to_agenda(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(f): Form<AgendaForm>,
) -> Result<Response, AppError> {
    let Some(m) = tashil_text::digits::parse_i64(&f.meeting_id) else {
        return case_result(
            &s,
            &ctx,
            &actor,
            id,
            "agenda",
            Err(FacilitationError::invalid("meeting_id", "required")),
        )
        .await;
    };
    let r = meetings::add_agenda_item(
        &s.db,
        &actor,
        m,
        &AgendaDraft {
            case_id: Some(id),
            title: String::new(),
        },
    )
    .await
    .map(|_| ());
    case_result(&s, &ctx, &actor, id, "agenda", r).await
}

#[derive(Deserialize, Default)]
struct NoteForm {
    #[serde(default)]
    note: String,
}

async fn add_info(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(f): Form<NoteForm>,
) -> Result<Response, AppError> {
    let r = cases::add_info(&s.db, &actor, id, &f.note).await;
    case_result(&s, &ctx, &actor, id, "info", r).await
}

async fn attach(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let (name, bytes) = super::api::file_field(multipart).await?.unwrap_or_default();
    let r = super::attachments::attach(&s.db, &actor, id, &name, &bytes)
        .await
        .map(|_| ());
    case_result(&s, &ctx, &actor, id, "attach", r).await
}

async fn confirm(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let r = cases::confirm(&s.db, &actor, id).await;
    case_result(&s, &ctx, &actor, id, "confirm", r).await
}

#[derive(Template, WebTemplate)]
#[template(path = "facilitation/meetings.html")]
struct MeetingsPage {
    page: PageCtx,
    bodies: Vec<(i64, String)>,
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
    let province = if actor.role == Role::NationalAdmin {
        None
    } else {
        actor.province.as_deref()
    };
    rules::authorize_secretariat(actor, province)?;
    let page = PageCtx::new(ctx);
    let bodies = meetings::bodies(&s.db, actor).await?;
    let orgs = crate::identity::organisations_of(&s.db, OrganisationKind::Agency, province).await?;
    let html = MeetingsPage {
        bodies: bodies
            .iter()
            .map(|b| {
                (
                    b.id,
                    crate::registry::service::display_name(
                        page.lang, &b.name_fa, &b.name_en, &b.name_vi,
                    )
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
    }
    .render()
    .map_err(AppError::internal)?;
    Ok((status, Html(html)).into_response())
}

#[derive(Deserialize, Default)]
struct BodyForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    member: Vec<String>,
    #[serde(default)]
    private_member: Vec<String>,
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
    let d = BodyDraft {
        kind: BodyKind::parse(&f.kind).unwrap_or(BodyKind::WorkingGroup),
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
    match meetings::create_body(&s.db, &actor, &d).await {
        Ok(_) => Ok(Redirect::to("/meetings").into_response()),
        Err(FacilitationError::Invalid(_)) => {
            render_meetings(
                &s,
                &ctx,
                &actor,
                FormErrors::single(
                    "name",
                    crate::web::error_render::message(ctx.lang, "required"),
                ),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
struct ScheduleForm {
    #[serde(default)]
    held_on: String,
}

async fn schedule(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(f): Form<ScheduleForm>,
) -> Result<Response, AppError> {
    match tashil_text::dates::parse_date(f.held_on.trim()) {
        Ok(d) => {
            let m = meetings::schedule_meeting(&s.db, &actor, id, d).await?;
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

async fn render_meeting(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    id: i64,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let m = meetings::meeting_view(&s.db, actor, id).await?;
    let page = PageCtx::new(ctx);
    let is_secretariat = rules::authorize_secretariat(actor, m.body.province.as_deref()).is_ok();
    let can_propose = m.status == "planned"
        && m.members
            .iter()
            .any(|(o, _, seat, _)| *o == actor.organisation_id && seat == "private");
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
        let rs = followup::list(&s.db, actor, true)
            .await?
            .into_iter()
            .filter(|r| Some(&r.province) == m.body.province.as_ref() || m.body.province.is_none())
            .collect();
        resolution_lines(s, &page.lang, rs).await?
    } else {
        vec![]
    };
    let html = MeetingPage {
        overdue,
        body_name: crate::registry::service::display_name(
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
    }
    .render()
    .map_err(AppError::internal)?;
    Ok((status, Html(html)).into_response())
}

async fn meeting_page(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render_meeting(&s, &ctx, &actor, id, FormErrors::default(), StatusCode::OK).await
}

async fn meeting_result(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    id: i64,
    form: &str,
    r: Result<(), FacilitationError>,
) -> Result<Response, AppError> {
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/meetings/{id}")).into_response()),
        Err(FacilitationError::Invalid(errs)) => {
            render_meeting(
                s,
                ctx,
                actor,
                id,
                FormErrors::from_fields(ctx.lang, &errs),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(FacilitationError::BadState) => {
            let msg = crate::web::error_render::message(ctx.lang, "case_state_conflict");
            render_meeting(
                s,
                ctx,
                actor,
                id,
                FormErrors::single(form, msg),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn propose(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
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
    )
    .await
    .map(|_| ());
    meeting_result(&s, &ctx, &actor, id, "agenda", r).await
}

#[derive(Deserialize, Default)]
struct RecordForm {
    #[serde(default)]
    present: Vec<String>,
    #[serde(default)]
    minutes: String,
}

async fn record(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(f): Form<RecordForm>,
) -> Result<Response, AppError> {
    let m = meetings::meeting_view(&s.db, &actor, id).await?;
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
    meeting_result(&s, &ctx, &actor, id, "record", r).await
}

#[derive(Deserialize, Default)]
struct ResolutionForm {
    #[serde(default)]
    case_id: String,
    #[serde(default)]
    agency_org_id: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    working_days: String,
    #[serde(default)]
    proof: String,
}

async fn resolve(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(f): Form<ResolutionForm>,
) -> Result<Response, AppError> {
    let d = ResolutionDraft {
        case_id: tashil_text::digits::parse_i64(&f.case_id),
        agency_org_id: tashil_text::digits::parse_i64(&f.agency_org_id),
        action: f.action,
        working_days: f.working_days,
        proof: f.proof,
    };
    let r = meetings::add_resolution(&s.db, &actor, id, &d)
        .await
        .map(|_| ());
    meeting_result(&s, &ctx, &actor, id, "resolution", r).await
}

#[derive(Template, WebTemplate)]
#[template(path = "facilitation/resolutions.html")]
struct ResolutionsPage {
    page: PageCtx,
    resolutions: Vec<ResolutionLine>,
    is_agency: bool,
    errors: FormErrors,
}

async fn render_resolutions(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let rs = followup::list(&s.db, actor, false).await?;
    let page = PageCtx::new(ctx);
    let html = ResolutionsPage {
        resolutions: resolution_lines(s, &page.lang, rs).await?,
        is_agency: actor.role == Role::AgencyOfficer,
        errors,
        page,
    }
    .render()
    .map_err(AppError::internal)?;
    Ok((status, Html(html)).into_response())
}

async fn resolutions_page(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
) -> Result<Response, AppError> {
    render_resolutions(&s, &ctx, &actor, FormErrors::default(), StatusCode::OK).await
}

#[derive(Deserialize, Default)]
struct ProgressForm {
    #[serde(default)]
    note: String,
    #[serde(default)]
    evidence: String,
    #[serde(default)]
    done: Option<String>,
}

async fn progress(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(f): Form<ProgressForm>,
) -> Result<Response, AppError> {
    let p = Progress {
        note: f.note,
        evidence: f.evidence,
        done: f.done.is_some(),
    };
    match followup::report(&s.db, &actor, id, &p).await {
        Ok(()) => Ok(Redirect::to("/resolutions").into_response()),
        Err(FacilitationError::Invalid(errs)) => {
            let errs: Vec<_> = errs
                .into_iter()
                .map(|e| super::model::FieldError::new(format!("{}-{id}", e.field), e.code))
                .collect();
            render_resolutions(
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

async fn cancel(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(f): Form<NoteForm>,
) -> Result<Response, AppError> {
    match followup::cancel(&s.db, &actor, id, &f.note).await {
        Ok(()) => Ok(Redirect::to("/resolutions").into_response()),
        Err(FacilitationError::Invalid(errs)) => {
            let errs: Vec<_> = errs
                .into_iter()
                .map(|e| super::model::FieldError::new(format!("cancel-{id}"), e.code))
                .collect();
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            render_resolutions(&s, &ctx, &actor, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

/// An agency's row on the public page.
pub struct AgencyLine {
    pub name: String,
    pub assigned: u64,
    pub done: u64,
    pub overdue: u64,
}

#[derive(Template, WebTemplate)]
#[template(path = "facilitation/public.html")]
struct PublicPage {
    page: PageCtx,
    st: PublicStats,
    province_name: String,
    agencies: Vec<AgencyLine>,
}

async fn public_page(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let st = public::stats(&s.db, &code).await?;
    let page = PageCtx::new(&ctx);
    Ok(PublicPage {
        province_name: page.province_name(&code),
        agencies: st
            .by_agency
            .iter()
            .map(|a| AgencyLine {
                name: a.name(&page.lang).to_string(),
                assigned: a.assigned,
                done: a.done,
                overdue: a.overdue,
            })
            .collect(),
        st,
        page,
    }
    .into_response())
}
