//! HTML pages of test requests: the list, a new request (the labs offered for the clauses
//! chosen, then the one chosen), and one request with the addressed lab's answer.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;

use super::ConformityError;
use super::model::custody::{HandOverDraft, SampleAmendmentDraft, SampleDraft};
use super::model::request::{DeclineDraft, RequestStatus, TestRequestDraft};
use super::model::result::ResultDraft;
use super::report_pages::ReportPart;
use super::requests::{self, RequestFilter};
use super::samples::{self, SampleView};
use super::view::{OfferView, TestRequestView};
use crate::access::Actor;
use crate::access::conformity as rules;
use crate::web::forms::{FormErrors, Opt, options};
use crate::web::record::{PageResult, RecordPage, settle, show};
use crate::web::{AppError, AppState, Authed, Ctx, OnRecord, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    super::report_pages::routes()
        .route("/test-requests", get(list).post(send))
        .route("/test-requests/new", get(new))
        .route("/test-requests/{id}", get(show::<RequestPage>))
        .route("/test-requests/{id}/accept", post(accept))
        .route("/test-requests/{id}/decline", post(decline))
        .route("/test-requests/{id}/sample", post(record_sample))
        .route("/test-requests/{id}/hand-overs", post(hand_over))
        .route("/test-requests/{id}/sample/amend", post(amend_sample))
        .route("/test-requests/{id}/label", get(label))
}

#[derive(Template, WebTemplate)]
#[template(path = "conformity/requests.html")]
struct ListPage {
    page: PageCtx,
    items: Vec<TestRequestView>,
    statuses: Vec<Opt>,
    status: String,
    page_no: u64,
    has_next: bool,
    can_request: bool,
}

async fn list(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(f): Query<RequestFilter>,
) -> Result<Response, AppError> {
    let items = requests::list(&s.db, &actor, &f).await?;
    let page = PageCtx::new(&ctx);
    let status = f
        .status
        .as_deref()
        .and_then(RequestStatus::parse)
        .map(|s| s.as_str())
        .unwrap_or("");
    let mut choices = vec![(String::new(), page.t("test-request-any-status"))];
    choices.extend(RequestStatus::ALL.iter().map(|st| {
        (
            st.as_str().to_string(),
            page.t(&format!("test-request-status-{}", st.as_str())),
        )
    }));
    Ok(ListPage {
        statuses: options(choices, status),
        status: status.to_string(),
        page_no: f.page.unwrap_or(1).max(1),
        has_next: items.len() as u64 == requests::PAGE,
        can_request: rules::authorize_request(&actor).is_ok(),
        items,
        page,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "conformity/request_new.html")]
struct NewPage {
    page: PageCtx,
    d: TestRequestDraft,
    clauses: String,
    /// The labs offered, once a standard and clauses are chosen.
    offers: Option<Vec<OfferView>>,
    errors: FormErrors,
}

/// What the first step of the form asks: a standard and its clauses.
#[derive(serde::Deserialize, Default)]
struct Choose {
    #[serde(default)]
    standard_id: String,
    #[serde(default)]
    clauses: String,
}

async fn render_new(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    d: TestRequestDraft,
    mut errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    rules::authorize_request(actor).map_err(ConformityError::from)?;
    let clauses = d.clauses.join(", ");
    let mut offers = None;
    if !d.standard_id.trim().is_empty() && !clauses.trim().is_empty() {
        // Typed in any digits, as the request's own check reads it.
        match tashil_text::digits::to_ascii_digits(d.standard_id.trim()).parse::<i64>() {
            Ok(id) => match requests::offers(&s.db, actor, id, &d.clauses, s.clock.now()).await {
                Ok(o) => offers = Some(o),
                Err(ConformityError::Invalid(errs)) if errors.is_empty() => {
                    errors = FormErrors::from_fields(ctx.lang, &errs)
                }
                Err(ConformityError::Invalid(_)) => {}
                Err(e) => return Err(e.into()),
            },
            Err(_) if errors.is_empty() => {
                errors = FormErrors::from_fields(
                    ctx.lang,
                    &[crate::kernel::FieldError::new(
                        "standard_id",
                        "invalid_number",
                    )],
                )
            }
            Err(_) => {}
        }
    }
    crate::web::html(
        status,
        NewPage {
            page: PageCtx::new(ctx),
            d,
            clauses,
            offers,
            errors,
        },
    )
}

async fn new(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(c): Query<Choose>,
) -> Result<Response, AppError> {
    let d = TestRequestDraft {
        standard_id: c.standard_id,
        clauses: vec![c.clauses],
        ..Default::default()
    };
    render_new(&s, &ctx, &actor, d, FormErrors::default(), StatusCode::OK).await
}

/// The form's fields as posted: the clauses typed in one box.
#[derive(serde::Deserialize, Default)]
struct Posted {
    #[serde(default)]
    standard_id: String,
    #[serde(default)]
    clauses: String,
    #[serde(default)]
    lab_org_id: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    application_id: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    decision_rule: String,
}

async fn send(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(p): Form<Posted>,
) -> Result<Response, AppError> {
    let d = TestRequestDraft {
        standard_id: p.standard_id,
        clauses: vec![p.clauses],
        lab_org_id: p.lab_org_id,
        purpose: p.purpose,
        application_id: p.application_id,
        note: p.note,
        decision_rule: p.decision_rule,
    };
    match requests::send(&s.db, &actor, &d, s.clock.now()).await {
        Ok(v) => Ok(Redirect::to(&format!("/test-requests/{}", v.id)).into_response()),
        Err(ConformityError::Invalid(errs)) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            render_new(
                &s,
                &ctx,
                &actor,
                d,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "conformity/request.html")]
pub(super) struct RequestPage {
    page: PageCtx,
    r: TestRequestView,
    can_answer: bool,
    sample: Option<SampleView>,
    can_hold: bool,
    /// The lab may still amend the sample's condition and storage (no report released).
    can_amend: bool,
    rep: ReportPart,
    errors: FormErrors,
}

impl RecordPage for RequestPage {
    const BASE: &str = "/test-requests";

    async fn render(rec: &OnRecord, errors: FormErrors, status: StatusCode) -> PageResult {
        render_with(rec, errors, status, None).await
    }
}

/// The request's page; `posted` refills its results form after a refusal.
pub(super) async fn render_with(
    rec: &OnRecord,
    errors: FormErrors,
    status: StatusCode,
    posted: Option<Vec<ResultDraft>>,
) -> PageResult {
    let &OnRecord(ref s, ref ctx, ref actor, id) = rec;
    let r = requests::get(&s.db, actor, id).await?;
    let sample = samples::get(&s.db, actor, id).await?;
    let can_amend = samples::amendable(&s.db, actor, &r, sample.is_some()).await?;
    let rep = super::report_pages::part(s, actor, &r, posted).await?;
    crate::web::html(
        status,
        RequestPage {
            rep,
            can_answer: r.status == RequestStatus::Sent
                && rules::authorize_answer(actor, r.lab_org_id).is_ok(),
            can_hold: rules::authorize_custody(
                actor,
                r.requester_org_id,
                r.lab_org_id,
                &r.province,
            )
            .is_ok(),
            can_amend,
            sample,
            page: PageCtx::new(ctx),
            r,
            errors,
        },
    )
}

async fn accept(OnRecord(s, ctx, actor, id): OnRecord) -> Result<Response, AppError> {
    let r = requests::accept(&s.db, &actor, id, s.clock.now()).await;
    settle::<RequestPage, _, _>(OnRecord(s, ctx, actor, id), "answer", r).await
}

async fn decline(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(d): Form<DeclineDraft>,
) -> Result<Response, AppError> {
    let r = requests::decline(&s.db, &actor, id, &d, s.clock.now()).await;
    settle::<RequestPage, _, _>(OnRecord(s, ctx, actor, id), "answer", r).await
}

async fn record_sample(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(d): Form<SampleDraft>,
) -> Result<Response, AppError> {
    let r = samples::record_sample(&s.db, &actor, id, &d, s.clock.now()).await;
    settle::<RequestPage, _, _>(OnRecord(s, ctx, actor, id), "sample", r).await
}

async fn hand_over(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(d): Form<HandOverDraft>,
) -> Result<Response, AppError> {
    let r = samples::hand_over(&s.db, &actor, id, &d, s.clock.now()).await;
    settle::<RequestPage, _, _>(OnRecord(s, ctx, actor, id), "hand_over", r).await
}

/// The amendment form's fields as posted: both values always sent, prefilled.
#[derive(serde::Deserialize, Default)]
struct PostedAmendment {
    #[serde(default)]
    condition_on_receipt: String,
    #[serde(default)]
    storage: String,
    #[serde(default)]
    reason: String,
}

async fn amend_sample(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(p): Form<PostedAmendment>,
) -> Result<Response, AppError> {
    let d = SampleAmendmentDraft {
        condition_on_receipt: Some(p.condition_on_receipt),
        storage: Some(p.storage),
        reason: p.reason,
    };
    let r = samples::amend(&s.db, &actor, id, &d, s.clock.now()).await;
    settle::<RequestPage, _, _>(OnRecord(s, ctx, actor, id), "amend_sample", r).await
}

#[derive(Template, WebTemplate)]
#[template(path = "conformity/label.html")]
struct LabelPage {
    page: PageCtx,
    r: TestRequestView,
    sample: SampleView,
    url: String,
    qr: String,
}

/// The sample's printable label: its code, the request, the seals, and a QR code of the
/// request's page (which shows the chain of custody to whoever may read it).
async fn label(OnRecord(s, ctx, actor, id): OnRecord) -> Result<Response, AppError> {
    let r = requests::get(&s.db, &actor, id).await?;
    let Some(sample) = samples::get(&s.db, &actor, id).await? else {
        return Err(ConformityError::NotFound.into());
    };
    let url = format!("{}/test-requests/{id}", s.public_url.trim_end_matches('/'));
    Ok(LabelPage {
        page: PageCtx::new(&ctx),
        qr: crate::credentials::qr_svg(&url),
        url,
        r,
        sample,
    }
    .into_response())
}
