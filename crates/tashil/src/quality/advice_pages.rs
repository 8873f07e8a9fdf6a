//! HTML pages of the advice desk: the unit's advice (`/quality/advice`), one advice with what
//! its page says in advance and a form per move the reader may make, the province's quality
//! queue (`/quality/queue`), and the escalation thresholds (`/quality/thresholds`, national
//! body).

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

use super::advice_mail::{points_text, trigger_text};
use super::advices::{self, AdviceFilter, AdviceList, AdviceView, Move};
use super::error::QualityError;
use super::model::advice::{AnswerDraft, State as AdviceState};
use super::thresholds::{self, ThresholdsDraft, ThresholdsView};
use crate::access::quality as rules;
use crate::web::forms::FormErrors;
use crate::web::record::{PageResult, RecordPage, settle, show};
use crate::web::{AppError, AppState, Authed, Ctx, OnRecord, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/quality/advice", get(list))
        .route("/quality/advice/{id}", get(show::<AdvicePage>))
        .route("/quality/advice/{id}/acknowledge", post(acknowledge))
        .route("/quality/advice/{id}/answer", post(answer))
        .route("/quality/advice/{id}/close", post(close))
        .route("/quality/queue", get(queue))
        .route(
            "/quality/thresholds",
            get(thresholds_page).post(set_thresholds),
        )
}

/// What a list row and the advice page say of an advice in the reader's language.
pub(super) fn trigger_words(page: &PageCtx, a: &AdviceView) -> String {
    a.trigger
        .as_ref()
        .map(|t| trigger_text(page.lang, t))
        .unwrap_or_else(|| a.code.clone())
}

#[derive(Template, WebTemplate)]
#[template(path = "quality/advice_list.html")]
struct ListPage {
    page: PageCtx,
    /// `/quality/advice` or `/quality/queue`.
    base: &'static str,
    title_key: &'static str,
    list: AdviceList,
    state: String,
    states: Vec<&'static str>,
}

impl ListPage {
    fn words(&self, a: &AdviceView) -> String {
        trigger_words(&self.page, a)
    }

    fn state_key(&self, s: &str) -> String {
        format!("quality-advice-state-{s}")
    }

    fn href(&self, page_no: u64) -> String {
        if self.state.is_empty() {
            format!("{}?page={page_no}", self.base)
        } else {
            format!("{}?state={}&page={page_no}", self.base, self.state)
        }
    }
}

fn list_page(
    ctx: &Ctx,
    base: &'static str,
    title_key: &'static str,
    f: &AdviceFilter,
    list: AdviceList,
) -> Result<Response, AppError> {
    crate::web::html(
        StatusCode::OK,
        ListPage {
            page: PageCtx::new(ctx),
            base,
            title_key,
            list,
            state: f
                .state
                .as_deref()
                .and_then(AdviceState::parse)
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
            states: AdviceState::ALL.iter().map(|s| s.as_str()).collect(),
        },
    )
}

async fn list(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(f): Query<AdviceFilter>,
) -> Result<Response, AppError> {
    let list = advices::list(&s.db, &actor, &f).await?;
    list_page(&ctx, "/quality/advice", "quality-advice-title", &f, list)
}

async fn queue(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(f): Query<AdviceFilter>,
) -> Result<Response, AppError> {
    let list = advices::queue(&s.db, &actor, &f).await?;
    list_page(&ctx, "/quality/queue", "quality-queue-title", &f, list)
}

#[derive(Template, WebTemplate)]
#[template(path = "quality/advice.html")]
struct AdvicePage {
    page: PageCtx,
    a: AdviceView,
    /// The unit's user: acknowledges, answers, closes before escalation.
    by_unit: bool,
    /// The province's officer (or the national body): closes once escalated.
    by_office: bool,
    d: AnswerDraft,
    errors: FormErrors,
}

impl AdvicePage {
    fn words(&self) -> String {
        trigger_words(&self.page, &self.a)
    }

    fn points(&self) -> String {
        let f: Vec<_> = self
            .a
            .findings
            .iter()
            .map(|p| super::model::advice::Points {
                first: p.first,
                point: p.point,
            })
            .collect();
        points_text(self.page.lang, &f)
    }

    fn state_key(&self) -> String {
        format!("quality-advice-state-{}", self.a.state)
    }

    fn event_key(&self, e: &str) -> String {
        format!("quality-advice-event-{e}")
    }

    fn reason_key(&self) -> String {
        format!(
            "quality-advice-reason-{}",
            self.a.escalation_reason.as_deref().unwrap_or("unanswered")
        )
    }

    fn subgroup(&self, k: &u64) -> String {
        self.page.num(&(k + 1))
    }

    fn can_acknowledge(&self) -> bool {
        self.by_unit && self.a.state == "open"
    }

    fn can_answer(&self) -> bool {
        self.by_unit && matches!(self.a.state.as_str(), "open" | "acknowledged")
    }

    fn can_close(&self) -> bool {
        self.a.state == "answered"
            && ((self.by_unit && self.a.escalated_on.is_none())
                || (self.by_office && self.a.escalated_on.is_some()))
    }
}

impl RecordPage for AdvicePage {
    const BASE: &str = "/quality/advice";

    async fn render(rec: &OnRecord, errors: FormErrors, status: StatusCode) -> PageResult {
        let &OnRecord(ref s, ref ctx, ref actor, id) = rec;
        let a = advices::get(&s.db, actor, id).await?;
        crate::web::html(
            status,
            AdvicePage {
                page: PageCtx::new(ctx),
                by_unit: rules::authorize_manage(actor).is_ok(),
                by_office: rules::authorize_office(actor).is_ok(),
                d: AnswerDraft {
                    cause: a.cause.clone().unwrap_or_default(),
                    action: a.action.clone().unwrap_or_default(),
                },
                a,
                errors,
            },
        )
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct MoveForm {
    version: String,
    cause: String,
    action: String,
}

impl MoveForm {
    fn version(&self) -> Option<i32> {
        self.version.trim().parse().ok()
    }
}

async fn moved(rec: OnRecord, form: &str, f: &MoveForm, mv: Move) -> PageResult {
    let OnRecord(s, ctx, actor, id) = rec;
    let r = advices::act(&s.db, &actor, id, f.version(), mv, s.clock.now()).await;
    settle::<AdvicePage, _, _>(OnRecord(s, ctx, actor, id), form, r).await
}

async fn acknowledge(rec: OnRecord, Form(f): Form<MoveForm>) -> PageResult {
    moved(rec, "acknowledge", &f, Move::Acknowledge).await
}

async fn answer(rec: OnRecord, Form(f): Form<MoveForm>) -> PageResult {
    let d = AnswerDraft {
        cause: f.cause.clone(),
        action: f.action.clone(),
    };
    moved(rec, "answer", &f, Move::Answer(d)).await
}

async fn close(rec: OnRecord, Form(f): Form<MoveForm>) -> PageResult {
    moved(rec, "close", &f, Move::Close).await
}

#[derive(Template, WebTemplate)]
#[template(path = "quality/thresholds.html")]
struct ThresholdsPage {
    page: PageCtx,
    rows: Vec<ThresholdsView>,
    scope: String,
    days: String,
    subgroups: String,
    errors: FormErrors,
}

impl ThresholdsPage {
    fn scope_name(&self, scope: &str) -> String {
        match scope {
            "IR" | "VN" => self.page.t(&format!(
                "quality-thresholds-country-{}",
                scope.to_lowercase()
            )),
            p => self.page.province_name(p),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ThresholdsForm {
    scope: String,
    answer_working_days: String,
    persisting_subgroups: String,
}

async fn thresholds_form(
    s: &AppState,
    ctx: &Ctx,
    actor: &crate::access::Actor,
    f: ThresholdsForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let rows = thresholds::list(&s.db, actor).await?;
    crate::web::html(
        status,
        ThresholdsPage {
            page: PageCtx::new(ctx),
            rows,
            scope: f.scope,
            days: f.answer_working_days,
            subgroups: f.persisting_subgroups,
            errors,
        },
    )
}

async fn thresholds_page(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
) -> Result<Response, AppError> {
    thresholds_form(
        &s,
        &ctx,
        &actor,
        ThresholdsForm::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn set_thresholds(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(f): Form<ThresholdsForm>,
) -> Result<Response, AppError> {
    let d = ThresholdsDraft {
        answer_working_days: serde_json::Value::String(f.answer_working_days.clone()),
        persisting_subgroups: serde_json::Value::String(f.persisting_subgroups.clone()),
        version: None,
    };
    match thresholds::set(&s.db, &actor, &f.scope, &d, s.clock.now()).await {
        Ok(_) => Ok(Redirect::to("/quality/thresholds").into_response()),
        Err(QualityError::Invalid(errs)) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            thresholds_form(
                &s,
                &ctx,
                &actor,
                f,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
