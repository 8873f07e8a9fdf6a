//! The applications as their people work them: `/applications` (the actor's list),
//! `/applications/new` (a unit applies), `/applications/{id}` (steps, due dates, the fast
//! track, a rejection's conditions, documents and messages, and a form for each move the
//! actor may make; `exchange_pages.rs` takes its document and message forms).
//! Every write goes through the same use cases as the API.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;

use super::model::{Status, StepOutcome, Tri};
use super::read::ApplicationFilter;
use super::view::{ApplicationInput, ApplicationSummary, ApplicationView, MoveInput, ProductInput};
use super::{LicensingError, PermitTypeView};
use crate::web::forms::FormErrors;
use crate::web::{AppError, AppState, Authed, OnRecord, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/applications", get(list))
        .route("/applications/new", get(new_form).post(create))
        .route("/applications/{id}", get(detail).post(act))
        .merge(super::exchange_pages::routes())
}

fn tri<'a>(page: &PageCtx, t: &'a Tri) -> &'a str {
    t.in_lang(page.lang_code())
}

#[derive(Template, WebTemplate)]
#[template(path = "licensing/applications.html")]
struct ListPage {
    page: PageCtx,
    rows: Vec<ApplicationSummary>,
    status: String,
    may_apply: bool,
    page_no: u64,
}

impl ListPage {
    fn unit_name<'a>(&self, a: &'a ApplicationSummary) -> &'a str {
        let i = match self.page.lang_code() {
            "fa" => 0,
            "en" => 1,
            _ => 2,
        };
        &a.unit_names[i]
    }

    fn status_label(&self, s: &Status) -> String {
        self.page.t(&format!("lic-status-{}", s.as_str()))
    }
}

async fn list(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(f): Query<ApplicationFilter>,
) -> Result<Response, AppError> {
    let page_no = f.page.unwrap_or(1).max(1);
    let status = f.status.clone().unwrap_or_default();
    let rows = super::read::list(&s.db, &actor, &f).await?;
    Ok(ListPage {
        page: PageCtx::new(&ctx),
        rows,
        status,
        may_apply: crate::access::licensing::authorize_apply(&actor).is_ok(),
        page_no,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "licensing/apply.html")]
struct ApplyPage {
    page: PageCtx,
    types: Vec<(String, String)>,
    form: ApplyForm,
    errors: FormErrors,
}

#[derive(Deserialize, Default, Clone)]
struct ApplyForm {
    #[serde(default)]
    permit_type: String,
    #[serde(default)]
    product: Vec<String>,
    #[serde(default)]
    brand: Vec<String>,
    #[serde(default)]
    hs_code: Vec<String>,
    #[serde(default)]
    message: String,
}

impl ApplyForm {
    /// Three product rows at least, the rows sent kept as sent.
    fn rows(&self) -> Vec<(String, String, String)> {
        let n = self.product.len().max(3);
        (0..n)
            .map(|i| {
                let at = |v: &Vec<String>| v.get(i).cloned().unwrap_or_default();
                (at(&self.product), at(&self.brand), at(&self.hs_code))
            })
            .collect()
    }
}

async fn apply_page(
    s: &AppState,
    page: PageCtx,
    form: ApplyForm,
    errors: FormErrors,
) -> Result<ApplyPage, AppError> {
    let types = super::permit_types::list(&s.db)
        .await?
        .into_iter()
        .filter(|t: &PermitTypeView| t.active)
        .map(|t| {
            let name = tri(&page, &t.name).to_owned();
            (t.code, name)
        })
        .collect();
    Ok(ApplyPage {
        page,
        types,
        form,
        errors,
    })
}

async fn new_form(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
) -> Result<Response, AppError> {
    crate::access::licensing::authorize_apply(&actor).map_err(LicensingError::from)?;
    Ok(apply_page(
        &s,
        PageCtx::new(&ctx),
        ApplyForm::default(),
        FormErrors::default(),
    )
    .await?
    .into_response())
}

async fn create(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(f): Form<ApplyForm>,
) -> Result<Response, AppError> {
    // Rows left blank are not products.
    let products = f
        .rows()
        .into_iter()
        .filter(|(p, b, h)| !(p.trim().is_empty() && b.trim().is_empty() && h.trim().is_empty()))
        .map(|(product, brand, hs_code)| ProductInput {
            product,
            brand,
            hs_code,
        })
        .collect();
    let input = ApplicationInput {
        permit_type: f.permit_type.clone(),
        products,
        message: f.message.clone(),
    };
    match super::apply::apply(&s.db, &actor, &input, s.clock.now()).await {
        Ok(v) => Ok(Redirect::to(&format!("/applications/{}", v.summary.id)).into_response()),
        Err(LicensingError::Invalid(errs)) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            let page = apply_page(&s, PageCtx::new(&ctx), f, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "licensing/application.html")]
pub(super) struct DetailPage {
    page: PageCtx,
    a: ApplicationView,
    conditions: Vec<(u16, String)>,
    errors: FormErrors,
    /// The permit type's documents, in its order.
    documents: Vec<DocumentRow>,
    /// A message sent back with its error, kept as written.
    message: String,
    /// The licence's public verification URL and its QR code (inline SVG), once issued.
    verification: Option<(String, String)>,
}

/// One of the permit type's documents as the page lists it.
struct DocumentRow {
    code: String,
    name: String,
    required: bool,
    missing: bool,
}

impl DetailPage {
    /// Whether the reader may take the licence into a wallet: its unit's own user, once the
    /// licence's credential can be had.
    fn may_offer_wallet(&self) -> bool {
        self.verification.is_some() && self.page.role == Some(crate::access::Role::UnitUser)
    }

    fn tri<'a>(&self, t: &'a Tri) -> &'a str {
        tri(&self.page, t)
    }

    fn unit_name(&self) -> &str {
        let i = match self.page.lang_code() {
            "fa" => 0,
            "en" => 1,
            _ => 2,
        };
        &self.a.summary.unit_names[i]
    }

    fn status_label(&self) -> String {
        self.page
            .t(&format!("lic-status-{}", self.a.summary.status.as_str()))
    }

    fn outcome_label(&self, o: &StepOutcome) -> String {
        self.page.t(&format!("lic-outcome-{}", o.as_str()))
    }

    /// Who decides a step: the national body or the province's office (its delegation).
    fn office(&self, code: &str) -> String {
        if code == crate::access::licensing::NATIONAL {
            self.page.t("lic-decided-nationally")
        } else {
            self.page.t1(
                "lic-decided-by-province",
                "province",
                self.page.province_name(code),
            )
        }
    }

    fn n(&self, v: &u16) -> String {
        self.page.num(&u64::from(*v))
    }

    fn may(&self, m: &str) -> bool {
        self.a.may.contains(&m)
    }

    /// What an uploaded file is, as the reader names it.
    fn document_name(&self, code: &str) -> String {
        self.documents
            .iter()
            .find(|d| d.code == code)
            .map_or_else(|| self.page.t("lic-document-other"), |d| d.name.clone())
    }

    pub(super) fn with_message(mut self, message: String) -> Self {
        self.message = message;
        self
    }
}

pub(super) async fn detail_page(
    s: &AppState,
    page: PageCtx,
    a: ApplicationView,
    errors: FormErrors,
) -> Result<DetailPage, AppError> {
    let t = super::permit_types::get(&s.db, &a.summary.permit_type, Some(a.permit_version)).await?;
    let conditions = t
        .definition
        .conditions
        .iter()
        .map(|c| (c.number, tri(&page, &c.text).to_owned()))
        .collect();
    let documents = t
        .definition
        .documents
        .iter()
        .map(|d| DocumentRow {
            code: d.code.clone(),
            name: tri(&page, &d.name).to_owned(),
            required: d.required,
            missing: a.missing_documents.contains(&d.code),
        })
        .collect();
    let verification = match &a.licence {
        Some(l) => verification(s, &l.number).await,
        None => None,
    };
    Ok(DetailPage {
        page,
        a,
        conditions,
        errors,
        documents,
        message: String::new(),
        verification,
    })
}

/// The verification URL and QR code of licence `number`; a page without them rather than no
/// page when they cannot be had.
async fn verification(s: &AppState, number: &str) -> Option<(String, String)> {
    let id = super::credential_facts::licence_by_number(&s.db, number)
        .await
        .ok()
        .flatten()?;
    match crate::credentials::verification(s, id).await {
        Ok(v) => Some(v),
        Err(e) => {
            tracing::warn!(error = %e, number, "no verification URL for the licence");
            None
        }
    }
}

async fn detail(OnRecord(s, ctx, actor, id): OnRecord) -> Result<Response, AppError> {
    let a = super::read::get(&s.db, &actor, id).await?;
    Ok(
        detail_page(&s, PageCtx::new(&ctx), a, FormErrors::default())
            .await?
            .into_response(),
    )
}

#[derive(Deserialize, Default)]
struct MoveForm {
    #[serde(default, rename = "move")]
    kind: String,
    #[serde(default)]
    step: Option<i32>,
    #[serde(default)]
    conditions: Vec<u16>,
    #[serde(default)]
    explanation: String,
    #[serde(default)]
    note: String,
}

async fn act(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<MoveForm>,
) -> Result<Response, AppError> {
    let input = MoveInput {
        kind: f.kind,
        step: f.step,
        conditions: f.conditions,
        explanation: f.explanation,
        note: f.note,
    };
    let (errs, status) = match super::moves::act(&s.db, &actor, id, &input, s.clock.now()).await {
        Ok(_) => return Ok(Redirect::to(&format!("/applications/{id}")).into_response()),
        Err(LicensingError::Invalid(errs)) => (
            FormErrors::from_fields(ctx.lang, &errs),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(LicensingError::Conflict(code)) => (
            FormErrors::single("move", crate::web::error_render::message(ctx.lang, code)),
            StatusCode::CONFLICT,
        ),
        Err(e) => return Err(e.into()),
    };
    let a = super::read::get(&s.db, &actor, id).await?;
    let page = detail_page(&s, PageCtx::new(&ctx), a, errs).await?;
    Ok((status, page).into_response())
}
