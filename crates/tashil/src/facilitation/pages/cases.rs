//! Pages of a case: the queue, the report form, the tracking page with its triage forms.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

use super::super::FacilitationError;
use super::super::cases::{self, CaseFilter, CaseSummary, CaseView, Triage};
use super::super::meetings::{self, AgendaDraft, MeetingSummary};
use super::super::model::{CaseDraft, CaseStatus, ResolutionDraft};
use super::super::reporter::{self, Reply};
use super::{ResolutionLine, agency_options, category_options, resolution_lines};
use crate::access::Actor;
use crate::access::facilitation as rules;
use crate::web::AppState;
use crate::web::OnRecord;
use crate::web::forms::{FormErrors, Opt, options};
use crate::web::record::{PageResult, RecordPage, settle, show};
use crate::web::upload_limit::limited;
use crate::web::{AppError, Authed, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases", get(list).post(report))
        .route("/cases/new", get(new_form))
        .route("/cases/{id}", get(show::<CasePage>))
        .route("/cases/{id}/triage", post(triage))
        .route("/cases/{id}/agenda", post(to_agenda))
        .route("/cases/{id}/info", post(add_info))
        .route("/cases/{id}/confirm", post(confirm))
        .route("/cases/{id}/dispute", post(dispute))
        .route(
            "/cases/{id}/attachments",
            limited(post(attach), crate::kernel::upload::MAX_BYTES),
        )
        .route(
            "/cases/{id}/attachments/{aid}",
            get(super::super::api::download),
        )
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
#[serde(default)]
struct ListForm {
    status: String,
    level: String,
}

fn can_report(actor: &Actor) -> bool {
    actor
        .province()
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
    /// A unit names itself; everyone else may name the units concerned.
    names_units: bool,
    units_text: String,
    /// One line per wrong national ID, naming it.
    unit_errors: Vec<String>,
}

/// The form's messages for the units box: `units[2]` becomes «ID: why».
fn unit_errors(
    page: &PageCtx,
    d: &CaseDraft,
    errs: &[super::super::model::FieldError],
) -> Vec<String> {
    errs.iter()
        .filter_map(|e| {
            let msg = crate::web::error_render::message(page.lang, e.code);
            if e.field == "units" {
                return Some(msg);
            }
            let i: usize = e
                .field
                .strip_prefix("units[")?
                .strip_suffix(']')?
                .parse()
                .ok()?;
            let id = d.units.get(i).map(String::as_str).unwrap_or_default();
            Some(page.t2("case-unit-error", "id", &page.digits(id), "error", &msg))
        })
        .collect()
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
        names_units: crate::access::facilitation::names_units(&actor),
        units_text: String::new(),
        unit_errors: vec![],
        page,
    }
    .into_response())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CaseForm {
    category: String,
    title: String,
    description: String,
    amount_at_stake: String,
    jobs_at_risk: String,
    /// National IDs, one a line (or separated by commas).
    units: String,
}

/// The national IDs typed in the form's box: one a line (a column pasted from a
/// spreadsheet), or separated by tabs (a row), commas (Latin, Persian «،») or semicolons.
/// Spaces stay: they may sit inside an ID as typed.
fn split_units(raw: &str) -> Vec<String> {
    raw.split(['\n', '\r', '\t', ',', '،', ';', '؛'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
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
        units: split_units(&f.units),
    };
    match cases::report(&s.db, &actor, &d, s.clock.now()).await {
        Ok(c) => Ok(Redirect::to(&format!("/cases/{}", c.id)).into_response()),
        Err(FacilitationError::Invalid(errs)) => {
            let page = PageCtx::new(&ctx);
            let html = NewPage {
                categories: category_options(&page, &d.category),
                errors: FormErrors::from_fields(ctx.lang, &errs),
                names_units: crate::access::facilitation::names_units(&actor),
                units_text: d.units.join("\n"),
                unit_errors: unit_errors(&page, &d, &errs),
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
    can_close: bool,
}

impl RecordPage for CasePage {
    const BASE: &str = "/cases";

    async fn render(rec: &OnRecord, errors: FormErrors, status: StatusCode) -> PageResult {
        let &OnRecord(ref s, ref ctx, ref actor, id) = rec;
        let c = cases::get(&s.db, actor, id, s.clock.now()).await?;
        let page = PageCtx::new(ctx);
        let committee =
            rules::authorize_triage(actor, &c.summary.province, &c.summary.level).is_ok();
        let can_triage = committee && c.summary.status.can_triage();
        let can_close = committee && c.summary.status.can_close();
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
                    crate::kernel::display_name(
                        page.lang,
                        &m.body_name_fa,
                        &m.body_name_en,
                        &m.body_name_vi
                    ),
                    page.day(&m.held_on)
                ),
            ));
        }
        let reporter =
            crate::access::facilitation::authorize_confirm(actor, c.reporter_org_id).is_ok();
        crate::web::html(
            status,
            CasePage {
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
                can_close,
                is_reporter: reporter,
                errors,
                page,
                c,
            },
        )
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TriageForm {
    action: String,
    pub(super) note: String,
    agency_org_id: String,
    resolution_action: String,
    working_days: String,
    proof: String,
    into: String,
    solved: Option<String>,
}

async fn triage(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<TriageForm>,
) -> Result<Response, AppError> {
    let t = match f.action.as_str() {
        "request_info" => Ok(Triage::RequestInfo { note: f.note }),
        "escalate" => Ok(Triage::Escalate { note: f.note }),
        "close" => Ok(Triage::Close {
            reason: f.note,
            solved: f.solved.is_some(),
        }),
        "merge" => tashil_text::digits::parse_i64(&f.into)
            .map(|into| Triage::Merge { into })
            .ok_or_else(|| FacilitationError::invalid("into", "invalid_case")),
        "route" => Ok(Triage::Route {
            resolution: ResolutionDraft {
                case_id: Some(id),
                agency_org_id: tashil_text::digits::parse_i64(&f.agency_org_id),
                action: f.resolution_action,
                working_days: f.working_days,
                proof: f.proof,
            },
        }),
        _ => return Err(AppError::BadRequest("invalid_choice")),
    };
    let r = match t {
        Ok(t) => cases::triage(&s.db, &actor, id, &t, s.clock.now()).await,
        Err(e) => Err(e),
    };
    settle::<CasePage, _, _>(OnRecord(s, ctx, actor, id), "triage", r).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct AgendaForm {
    meeting_id: String,
    pub(super) title: String,
}

async fn to_agenda(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<AgendaForm>,
) -> Result<Response, AppError> {
    let item = AgendaDraft {
        case_id: Some(id),
        title: String::new(),
    };
    let r = match tashil_text::digits::parse_i64(&f.meeting_id) {
        Some(m) => meetings::add_agenda_item(&s.db, &actor, m, &item, s.clock.now())
            .await
            .map(|_| ()),
        None => Err(FacilitationError::invalid("meeting_id", "required")),
    };
    settle::<CasePage, _, _>(OnRecord(s, ctx, actor, id), "agenda", r).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct NoteForm {
    pub(super) note: String,
}

async fn add_info(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<NoteForm>,
) -> Result<Response, AppError> {
    let r = reporter::reply(&s.db, &actor, id, Reply::Info, &f.note, s.clock.now()).await;
    settle::<CasePage, _, _>(OnRecord(s, ctx, actor, id), "info", r).await
}

async fn attach(
    OnRecord(s, ctx, actor, id): OnRecord,
    multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    let (name, bytes) = crate::web::files::read_upload(multipart)
        .await?
        .file_or_empty();
    let r = super::super::attachments::attach(&s.db, &actor, id, &name, &bytes, s.clock.now())
        .await
        .map(|_| ());
    settle::<CasePage, _, _>(OnRecord(s, ctx, actor, id), "attach", r).await
}

async fn dispute(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<NoteForm>,
) -> Result<Response, AppError> {
    let r = reporter::reply(&s.db, &actor, id, Reply::Dispute, &f.note, s.clock.now()).await;
    settle::<CasePage, _, _>(OnRecord(s, ctx, actor, id), "dispute", r).await
}

async fn confirm(OnRecord(s, ctx, actor, id): OnRecord) -> Result<Response, AppError> {
    let r = reporter::confirm(&s.db, &actor, id, s.clock.now()).await;
    settle::<CasePage, _, _>(OnRecord(s, ctx, actor, id), "confirm", r).await
}

#[cfg(test)]
mod tests {
    use super::split_units;

    #[test]
    fn ids_are_split_as_pasted_from_a_column_a_row_or_a_sentence() {
        assert_eq!(
            split_units("۱۴۰۰ ۰۰۰ ۰۰۷۵\r\n10100000011\t\t0100109106،0100109107; "),
            ["۱۴۰۰ ۰۰۰ ۰۰۷۵", "10100000011", "0100109106", "0100109107"]
        );
        assert!(split_units(" \n ").is_empty());
    }
}
