//! HTML pages of inspections: the day's list (with the officer's scheduling form), and one
//! inspection with its checklist (one form per item, so each answer saves alone with or
//! without script; `checklist.js` sends each as it changes and keeps it while offline), its
//! findings with the unit's CAPA and the inspector's review, and the record's signature.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use chrono::NaiveDate;
use serde::Deserialize;

use super::error::SupervisionError;
use super::findings::{self, CapaDraft, FindingDraft, FindingView, ReviewDraft};
use super::inspections::{
    self, AnswerDraft, InspectionRow, InspectionView, PAGE, RecordDraft, ScheduleDraft,
};
use super::model::capa::{Capa, Review, Severity, Status as FindingStatus, Verified};
use super::model::checklist::Answer;
use super::model::inspection::{Signature, Status};
use crate::access::{Actor, Role, supervision as rules};
use crate::i18n::Lang;
use crate::kernel::FieldError;
use crate::web::forms::FormErrors;
use crate::web::{AppError, AppState, Authed, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/supervision/inspections", get(list).post(schedule))
        .route("/supervision/inspections/{id}", get(detail))
        .route("/supervision/inspections/{id}/start", post(start))
        .route("/supervision/inspections/{id}/items/{item}", post(answer))
        .route("/supervision/inspections/{id}/record", post(record))
        .route("/supervision/inspections/{id}/findings", post(add_finding))
        .route(
            "/supervision/inspections/{id}/findings/{finding}/capa",
            post(capa),
        )
        .route(
            "/supervision/inspections/{id}/findings/{finding}/review",
            post(review),
        )
}

#[derive(Deserialize, Default)]
struct PageQuery {
    page: Option<u64>,
}

fn unit_name<'a>(r: &'a InspectionRow, lang: &Lang) -> &'a str {
    let [fa, en, vi] = &r.unit_names;
    crate::kernel::display_name(*lang, fa, en, vi)
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/inspections.html")]
struct ListPage {
    page: PageCtx,
    items: Vec<InspectionRow>,
    page_no: u64,
    has_next: bool,
    /// The officer's scheduling form: the province's inspectors.
    inspectors: Option<Vec<(i64, String)>>,
    typed: HashMap<String, String>,
    errors: FormErrors,
}

impl ListPage {
    fn unit_name<'a>(&self, r: &'a InspectionRow) -> &'a str {
        unit_name(r, &self.page.lang)
    }

    fn status(&self, s: &Status) -> String {
        self.page.t(&format!(
            "supervision-inspection-{}",
            s.as_str().replace('_', "-")
        ))
    }

    fn typed(&self, k: &str) -> String {
        self.typed.get(k).cloned().unwrap_or_default()
    }

    fn chosen(&self, id: &i64) -> bool {
        self.typed
            .get("inspector_id")
            .is_some_and(|v| v == &id.to_string())
    }
}

async fn list_page(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    page_no: Option<u64>,
    typed: HashMap<String, String>,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let items = inspections::list(&s.db, actor, page_no, s.clock.now()).await?;
    let inspectors = match rules::authorize_schedule(actor) {
        Ok(g) => Some(
            crate::identity::staff_of(&s.db, Role::Inspector, g.province())
                .await
                .map_err(SupervisionError::from)?,
        ),
        Err(_) => None,
    };
    crate::web::html(
        status,
        ListPage {
            page_no: page_no.unwrap_or(1).max(1),
            has_next: items.len() as u64 == PAGE,
            items,
            inspectors,
            typed,
            errors,
            page: PageCtx::new(ctx),
        },
    )
}

async fn list(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(p): Query<PageQuery>,
) -> Result<Response, AppError> {
    list_page(
        &s,
        &ctx,
        &actor,
        p.page,
        HashMap::new(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

fn number(form: &HashMap<String, String>, k: &str, errs: &mut Vec<FieldError>) -> i64 {
    let raw = form.get(k).map(String::as_str).unwrap_or("").trim();
    match tashil_text::digits::parse_i64(raw) {
        Some(n) => n,
        None => {
            errs.push(FieldError::new(
                k,
                if raw.is_empty() {
                    "required"
                } else {
                    "invalid_number"
                },
            ));
            0
        }
    }
}

fn day(form: &HashMap<String, String>, k: &str, errs: &mut Vec<FieldError>) -> NaiveDate {
    let raw = form.get(k).map(String::as_str).unwrap_or("").trim();
    match tashil_text::dates::parse_date(raw) {
        Ok(d) => d,
        Err(_) => {
            errs.push(FieldError::new(
                k,
                if raw.is_empty() {
                    "required"
                } else {
                    "invalid_date"
                },
            ));
            NaiveDate::MIN
        }
    }
}

async fn schedule(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    rules::authorize_schedule(&actor).map_err(SupervisionError::from)?;
    let mut errs = vec![];
    let d = ScheduleDraft {
        unit_id: number(&form, "unit_id", &mut errs),
        inspector_id: number(&form, "inspector_id", &mut errs),
        scheduled_on: day(&form, "scheduled_on", &mut errs),
        plan_id: None,
    };
    let result = if errs.is_empty() {
        inspections::schedule(&s.db, &actor, &d, s.clock.now()).await
    } else {
        Err(SupervisionError::Invalid(errs))
    };
    let errs = match result {
        Ok(v) => {
            return Ok(
                Redirect::to(&format!("/supervision/inspections/{}", v.row.id)).into_response(),
            );
        }
        Err(SupervisionError::Invalid(errs)) => errs,
        Err(SupervisionError::NotFound) => vec![FieldError::new("unit_id", "invalid_choice")],
        Err(e) => return Err(e.into()),
    };
    let errors = FormErrors::from_fields(ctx.lang, &errs);
    list_page(
        &s,
        &ctx,
        &actor,
        None,
        form,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// What the detail page lets the reader do.
struct Can {
    start: bool,
    answer: bool,
    sign: bool,
    refuse: bool,
    capa: bool,
    review: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/inspection.html")]
struct DetailPage {
    page: PageCtx,
    v: InspectionView,
    can: Can,
    errors: FormErrors,
    evidence: super::evidence::Shelf,
}

impl DetailPage {
    fn unit_name(&self) -> &str {
        unit_name(&self.v.row, &self.page.lang)
    }

    fn status(&self) -> String {
        self.page.t(&format!(
            "supervision-inspection-{}",
            self.v.row.status.as_str().replace('_', "-")
        ))
    }

    fn text<'a>(&self, t: &'a [String; 3]) -> &'a str {
        crate::kernel::display_name(self.page.lang, &t[0], &t[1], &t[2])
    }

    fn answers(&self) -> Vec<(&'static str, String)> {
        Answer::ALL
            .iter()
            .map(|a| {
                (
                    a.as_str(),
                    self.page.t(&format!(
                        "supervision-answer-{}",
                        a.as_str().replace('_', "-")
                    )),
                )
            })
            .collect()
    }

    fn is(&self, a: &Option<Answer>, code: &str) -> bool {
        a.is_some_and(|a| a.as_str() == code)
    }

    fn answer_name(&self, a: &Option<Answer>) -> String {
        a.map(|a| {
            self.page.t(&format!(
                "supervision-answer-{}",
                a.as_str().replace('_', "-")
            ))
        })
        .unwrap_or_else(|| self.page.t("supervision-unanswered"))
    }

    fn severities(&self) -> Vec<(&'static str, String)> {
        Severity::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str(),
                    self.page.t(&format!("supervision-severity-{}", s.as_str())),
                )
            })
            .collect()
    }

    fn severity(&self, f: &FindingView) -> String {
        self.page
            .t(&format!("supervision-severity-{}", f.severity.as_str()))
    }

    fn finding_status(&self, f: &FindingView) -> String {
        self.page.t(&format!(
            "supervision-finding-{}",
            f.status.as_str().replace('_', "-")
        ))
    }

    fn awaits_capa(&self, f: &FindingView) -> bool {
        self.can.capa && f.severity.needs_capa() && f.status.awaits_capa()
    }

    fn reviewable(&self, f: &FindingView) -> bool {
        self.can.review
            && (f.status == FindingStatus::CapaSubmitted
                || (!f.severity.needs_capa() && f.status == FindingStatus::Open))
    }

    fn not_compliant(&self) -> Vec<(i64, String)> {
        self.v
            .items
            .iter()
            .filter(|i| i.answer == Some(Answer::NotCompliant))
            .map(|i| (i.id, self.text(&i.text).to_owned()))
            .collect()
    }

    fn capa_fields(&self) -> Vec<(&'static str, String)> {
        ["cause", "correction", "preventive"]
            .into_iter()
            .map(|k| (k, self.page.t(&format!("supervision-capa-{k}"))))
            .collect()
    }

    fn err(&self, form: &str, id: &i64, field: &str) -> String {
        self.errors.get(&format!("{form}-{id}.{field}"))
    }
}

async fn detail_page(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    id: i64,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let v = inspections::get(&s.db, actor, id, s.clock.now()).await?;
    let inspects = rules::authorize_inspect(actor).is_ok();
    let unit = rules::authorize_unit(actor).is_ok();
    let open = v.row.status == Status::InProgress;
    let can = Can {
        start: inspects && v.row.status == Status::Scheduled,
        answer: inspects && open,
        sign: unit && open,
        refuse: (unit || inspects) && open,
        capa: unit,
        review: inspects,
    };
    let evidence = super::evidence::shelf(&s.db, actor, &v, s.clock.now()).await?;
    crate::web::html(
        status,
        DetailPage {
            evidence,
            v,
            can,
            errors,
            page: PageCtx::new(ctx),
        },
    )
}

async fn detail(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    detail_page(&s, &ctx, &actor, id, FormErrors::default(), StatusCode::OK).await
}

fn version(form: &HashMap<String, String>) -> i32 {
    form.get("version")
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}

/// The page again after a write: back to it (`anchor` the part changed), or the form's
/// errors beside its fields (`form-id.field`).
pub(super) async fn after<T>(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    id: i64,
    prefix: &str,
    anchor: &str,
    result: Result<T, SupervisionError>,
) -> Result<Response, AppError> {
    match result {
        Ok(_) => {
            Ok(Redirect::to(&format!("/supervision/inspections/{id}{anchor}")).into_response())
        }
        Err(SupervisionError::Invalid(errs)) => {
            let errs: Vec<FieldError> = errs
                .into_iter()
                .map(|mut e| {
                    e.field = format!("{prefix}.{}", e.field);
                    e
                })
                .collect();
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            detail_page(s, ctx, actor, id, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn start(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let r = inspections::start(&s.db, &actor, id, version(&form), s.clock.now()).await;
    after(&s, &ctx, &actor, id, "start-0", "#checklist", r).await
}

async fn answer(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path((id, item)): Path<(i64, i64)>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let prefix = format!("item-{item}");
    let r = match form.get("answer").and_then(|a| Answer::parse(a)) {
        Some(answer) => {
            let d = AnswerDraft {
                answer,
                note: form.get("note").cloned().unwrap_or_default(),
                version: version(&form),
            };
            inspections::answer(&s.db, &actor, id, item, &d, s.clock.now()).await
        }
        None => Err(SupervisionError::invalid("answer", "required")),
    };
    after(&s, &ctx, &actor, id, &prefix, &format!("#item-{item}"), r).await
}

async fn record(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let signature = match form.get("signature").map(String::as_str) {
        Some("signed") => Signature::Signed,
        _ => Signature::Refused {
            reason: form.get("reason").cloned().unwrap_or_default(),
        },
    };
    let d = RecordDraft {
        signature,
        version: version(&form),
    };
    let r = inspections::record(&s.db, &actor, id, &d, s.clock.now()).await;
    after(&s, &ctx, &actor, id, "record-0", "", r).await
}

async fn add_finding(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let r = match form.get("severity").and_then(|x| Severity::parse(x)) {
        Some(severity) => {
            let d = FindingDraft {
                item_id: form.get("item_id").and_then(|v| v.trim().parse().ok()),
                severity,
                description: form.get("description").cloned().unwrap_or_default(),
            };
            findings::add(&s.db, &actor, id, &d, s.clock.now()).await
        }
        None => Err(SupervisionError::invalid("severity", "required")),
    };
    after(&s, &ctx, &actor, id, "finding-0", "#findings", r).await
}

/// The finding `finding` if it is of inspection `id` (else absent).
async fn finding_of(s: &AppState, actor: &Actor, id: i64, finding: i64) -> Result<(), AppError> {
    let f = findings::get(&s.db, actor, finding, s.clock.now()).await?;
    if f.inspection_id == id {
        Ok(())
    } else {
        Err(SupervisionError::NotFound.into())
    }
}

async fn capa(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path((id, finding)): Path<(i64, i64)>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    finding_of(&s, &actor, id, finding).await?;
    let mut errs = vec![];
    let planned_on = day(&form, "planned_on", &mut errs);
    let text = |k: &str| form.get(k).cloned().unwrap_or_default();
    let r = if errs.is_empty() {
        let d = CapaDraft {
            capa: Capa {
                cause: text("cause"),
                correction: text("correction"),
                preventive: text("preventive"),
                planned_on,
            },
            version: version(&form),
        };
        findings::submit_capa(&s.db, &actor, finding, &d, s.clock.now()).await
    } else {
        Err(SupervisionError::Invalid(errs))
    };
    after(
        &s,
        &ctx,
        &actor,
        id,
        &format!("capa-{finding}"),
        &format!("#finding-{finding}"),
        r,
    )
    .await
}

async fn review(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path((id, finding)): Path<(i64, i64)>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    finding_of(&s, &actor, id, finding).await?;
    let review = match form.get("decision").map(String::as_str) {
        Some("return") => Review::Return {
            reason: form.get("reason").cloned().unwrap_or_default(),
        },
        _ => Review::Close {
            how: if form.get("how").map(String::as_str) == Some("on_site") {
                Verified::OnSite
            } else {
                Verified::Evidence
            },
        },
    };
    let d = ReviewDraft {
        review,
        version: version(&form),
    };
    let r = findings::review(&s.db, &actor, finding, &d, s.clock.now()).await;
    after(
        &s,
        &ctx,
        &actor,
        id,
        &format!("review-{finding}"),
        &format!("#finding-{finding}"),
        r,
    )
    .await
}
