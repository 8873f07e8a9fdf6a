//! The standard form, to create or edit: parallel lists for products and clauses so it works
//! without JavaScript, shown again with each field's error.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

use crate::access::standards as rules;
use crate::standards::model::{Body, ClauseDraft, ProductScopeDraft, StandardDraft};
use crate::standards::service::{self, StandardsError};
use crate::web::AppState;
use crate::web::OnRecord;
use crate::web::forms::{FormErrors, Opt, options};
use crate::web::{AppError, Authed, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/standards", post(create))
        .route("/standards/new", get(new_form))
        .route("/standards/{id}", post(update))
        .route("/standards/{id}/edit", get(edit_form))
}

/// One text input of the standard form.
pub struct TextField {
    pub name: &'static str,
    pub label: String,
    pub value: String,
    pub error: String,
    pub dir: &'static str,
    pub lang: &'static str,
    pub multiline: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "standards/form.html")]
struct FormPage {
    page: PageCtx,
    action: String,
    version: Option<i32>,
    bodies: Vec<Opt>,
    fields: Vec<TextField>,
    /// Each product row with its choice list (the row's product selected).
    products: Vec<(ProductScopeDraft, Vec<Opt>)>,
    /// Each clause row with its unit list (the row's unit selected).
    clauses: Vec<(ClauseDraft, Vec<Opt>)>,
    errors: FormErrors,
}

const PRODUCT_ROWS: usize = 3;
const CLAUSE_ROWS: usize = 5;

fn form_page(
    page: PageCtx,
    action: String,
    d: StandardDraft,
    version: Option<i32>,
    errors: FormErrors,
) -> FormPage {
    let lang = page.lang.code();
    let field = |name: &'static str,
                 key: &str,
                 value: &str,
                 dir: &'static str,
                 l: &'static str,
                 multiline: bool| TextField {
        name,
        label: page.t(key),
        value: value.to_string(),
        error: errors.get(name),
        dir,
        lang: l,
        multiline,
    };
    let fields = vec![
        field(
            "number",
            "field-standard-number",
            &d.number,
            "ltr",
            "",
            false,
        ),
        field("year", "field-year", &d.year, "ltr", "", false),
        field("edition", "field-edition", &d.edition, "ltr", "", false),
        field(
            "title_fa",
            "field-title-fa",
            &d.title_fa,
            "rtl",
            "fa",
            false,
        ),
        field(
            "title_en",
            "field-title-en",
            &d.title_en,
            "ltr",
            "en",
            false,
        ),
        field(
            "title_vi",
            "field-title-vi",
            &d.title_vi,
            "ltr",
            "vi",
            false,
        ),
        field("scope_fa", "field-scope-fa", &d.scope_fa, "rtl", "fa", true),
        field("scope_en", "field-scope-en", &d.scope_en, "ltr", "en", true),
        field("scope_vi", "field-scope-vi", &d.scope_vi, "ltr", "vi", true),
        field("ics", "field-ics", &d.ics, "ltr", "", false),
    ];
    let mut products = d.products.clone();
    products.resize(
        products.len().max(PRODUCT_ROWS),
        ProductScopeDraft::default(),
    );
    let mut clauses = d.clauses.clone();
    clauses.resize(clauses.len().max(CLAUSE_ROWS), ClauseDraft::default());
    let bodies = ["INSO", "TCVN", "QCVN", "ISO", "IEC", "ISO/IEC", "CODEX"]
        .iter()
        .map(|b| (b.to_string(), page.body_label(b)))
        .collect::<Vec<_>>();
    let body_now = d
        .body
        .parse::<Body>()
        .map(|b| b.as_str().to_string())
        .unwrap_or_default();
    let mut units = vec![(String::new(), "—".to_string())];
    units.extend(tashil_reference::uom::all_uoms().iter().map(|u| {
        (
            u.code.to_string(),
            format!("{} ({})", u.name(lang), u.symbol),
        )
    }));
    let mut product_choices = vec![(String::new(), "—".to_string())];
    product_choices.extend(
        tashil_reference::products::PRODUCTS
            .iter()
            .map(|p| (p.code.to_string(), p.name(lang).to_string())),
    );
    FormPage {
        bodies: options(bodies, &body_now),
        products: products
            .into_iter()
            .map(|p| {
                let o = options(product_choices.clone(), &p.product);
                (p, o)
            })
            .collect(),
        clauses: clauses
            .into_iter()
            .map(|c| {
                let o = options(units.clone(), &c.unit);
                (c, o)
            })
            .collect(),
        fields,
        page,
        action,
        version,
        errors,
    }
}

async fn new_form(Authed(ctx, actor): Authed) -> Result<Response, AppError> {
    rules::authorize_manage(&actor)?;
    Ok(form_page(
        PageCtx::new(&ctx),
        "/standards".into(),
        StandardDraft::default(),
        None,
        FormErrors::default(),
    )
    .into_response())
}

async fn edit_form(OnRecord(s, ctx, actor, id): OnRecord) -> Result<Response, AppError> {
    rules::authorize_manage(&actor)?;
    let v = service::get(&s.db, Some(&actor), id, s.clock.now()).await?;
    Ok(form_page(
        PageCtx::new(&ctx),
        format!("/standards/{id}"),
        service::to_draft(&v),
        Some(v.version),
        FormErrors::default(),
    )
    .into_response())
}

/// The standard form: parallel lists for products and clauses, so it works without JavaScript.
#[derive(Deserialize, Default)]
#[serde(default)]
struct StandardForm {
    body: String,
    number: String,
    year: String,
    edition: String,
    title_fa: String,
    title_en: String,
    title_vi: String,
    scope_fa: String,
    scope_en: String,
    scope_vi: String,
    ics: String,
    product_hs: Vec<String>,
    product_code: Vec<String>,
    clause_number: Vec<String>,
    clause_parameter_fa: Vec<String>,
    clause_parameter_en: Vec<String>,
    clause_parameter_vi: Vec<String>,
    clause_method: Vec<String>,
    clause_unit: Vec<String>,
    clause_min: Vec<String>,
    clause_max: Vec<String>,
    clause_allowed: Vec<String>,
    version: Option<i32>,
}

impl StandardForm {
    fn to_draft(&self) -> StandardDraft {
        let at = |v: &Vec<String>, i: usize| v.get(i).cloned().unwrap_or_default();
        let n = self.clause_number.len();
        StandardDraft {
            body: self.body.clone(),
            number: self.number.clone(),
            year: self.year.clone(),
            edition: self.edition.clone(),
            title_fa: self.title_fa.clone(),
            title_en: self.title_en.clone(),
            title_vi: self.title_vi.clone(),
            scope_fa: self.scope_fa.clone(),
            scope_en: self.scope_en.clone(),
            scope_vi: self.scope_vi.clone(),
            ics: self.ics.clone(),
            products: (0..self.product_hs.len().max(self.product_code.len()))
                .map(|i| ProductScopeDraft {
                    hs_code: at(&self.product_hs, i),
                    product: at(&self.product_code, i),
                })
                .collect(),
            clauses: (0..n)
                .map(|i| ClauseDraft {
                    number: at(&self.clause_number, i),
                    parameter_fa: at(&self.clause_parameter_fa, i),
                    parameter_en: at(&self.clause_parameter_en, i),
                    parameter_vi: at(&self.clause_parameter_vi, i),
                    test_method: at(&self.clause_method, i),
                    unit: at(&self.clause_unit, i),
                    min: at(&self.clause_min, i),
                    max: at(&self.clause_max, i),
                    allowed: at(&self.clause_allowed, i),
                })
                .collect(),
        }
    }
}

fn invalid_form(page: FormPage, status: StatusCode) -> Result<Response, AppError> {
    let html = page.render().map_err(AppError::internal)?;
    Ok((status, Html(html)).into_response())
}

async fn create(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(f): Form<StandardForm>,
) -> Result<Response, AppError> {
    let d = f.to_draft();
    match service::create(&s.db, &actor, &d, s.clock.now()).await {
        Ok(id) => Ok(Redirect::to(&format!("/standards/{id}")).into_response()),
        Err(StandardsError::Invalid(errs)) => invalid_form(
            form_page(
                PageCtx::new(&ctx),
                "/standards".into(),
                d,
                None,
                FormErrors::from_fields(ctx.lang, &errs),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(StandardsError::Duplicate) => invalid_form(
            form_page(
                PageCtx::new(&ctx),
                "/standards".into(),
                d,
                None,
                FormErrors::single(
                    "number",
                    crate::web::error_render::message(ctx.lang, "duplicate_standard"),
                ),
            ),
            StatusCode::CONFLICT,
        ),
        Err(e) => Err(e.into()),
    }
}

async fn update(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<StandardForm>,
) -> Result<Response, AppError> {
    let d = f.to_draft();
    let version = f.version.unwrap_or_default();
    let action = format!("/standards/{id}");
    match service::update(&s.db, &actor, id, version, &d, s.clock.now()).await {
        Ok(()) => Ok(Redirect::to(&action).into_response()),
        Err(StandardsError::Invalid(errs)) => invalid_form(
            form_page(
                PageCtx::new(&ctx),
                action,
                d,
                f.version,
                FormErrors::from_fields(ctx.lang, &errs),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(
            e @ (StandardsError::Conflict
            | StandardsError::Duplicate
            | StandardsError::BadTransition),
        ) => {
            let field = if matches!(e, StandardsError::Duplicate) {
                "number"
            } else {
                "form"
            };
            let current = service::get(&s.db, Some(&actor), id, s.clock.now())
                .await?
                .version;
            invalid_form(
                form_page(
                    PageCtx::new(&ctx),
                    action,
                    d,
                    Some(current),
                    FormErrors::single(
                        field,
                        crate::web::error_render::message(ctx.lang, e.code()),
                    ),
                ),
                StatusCode::CONFLICT,
            )
        }
        Err(e) => Err(e.into()),
    }
}
