//! HTML pages of the registry: parse the request, call the service, render.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;

use super::model::{ProductDraft, QcManagerDraft, SizeClass, UnitDraft, UnitStatus};
use super::service::{self, RegistryError, UnitDetail, UnitFilter, UnitPage};
use crate::access::units::EditRights;
use crate::web::AppState;
use crate::web::OnRecord;
use crate::web::forms::{FormErrors, Opt, options};
use crate::web::{AppError, Authed, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/units", get(list).post(create))
        .route("/units/new", get(new_form))
        .route("/units/{id}", get(detail).post(update))
        .route("/units/{id}/edit", get(edit_form))
        .merge(super::import::routes())
        .merge(super::export::routes())
}

/// List filters as they arrive from the filter form: empty means "any".
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub province: String,
    pub status: String,
    pub section: String,
    pub size: String,
    pub kb: String,
    pub page: String,
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

impl ListQuery {
    pub fn to_filter(&self, per_page: u64) -> UnitFilter {
        UnitFilter {
            q: non_empty(&self.q),
            province: non_empty(&self.province),
            status: UnitStatus::parse(&self.status),
            section: non_empty(&self.section),
            size: SizeClass::parse(&self.size),
            knowledge_based: match self.kb.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            page: tashil_text::digits::parse_i64(&self.page)
                .filter(|p| *p > 0)
                .unwrap_or(1) as u64,
            per_page,
        }
    }

    /// The filter as a query string, for export and pagination links.
    pub fn to_query(&self) -> String {
        let pairs = [
            ("q", &self.q),
            ("province", &self.province),
            ("status", &self.status),
            ("section", &self.section),
            ("size", &self.size),
            ("kb", &self.kb),
        ];
        serde_html_form::to_string(
            pairs
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .collect::<Vec<_>>(),
        )
        .unwrap_or_default()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "registry/list.html")]
struct ListPage {
    page: PageCtx,
    f: ListQuery,
    result: UnitPage,
    query: String,
    provinces: Vec<Opt>,
    sections: Vec<Opt>,
    statuses: Vec<Opt>,
    sizes: Vec<Opt>,
    kbs: Vec<Opt>,
    can_create: bool,
    can_import: bool,
}

fn section_options(page: &PageCtx) -> Vec<(String, String)> {
    tashil_reference::isic::SECTIONS
        .iter()
        .map(|s| {
            (
                s.letter.to_string(),
                format!("{} — {}", s.letter, s.name(page.lang.code())),
            )
        })
        .collect()
}

/// Provinces the actor may choose among: their own, or all for national roles.
pub fn province_options(page: &PageCtx, actor: &crate::access::Actor) -> Vec<(String, String)> {
    match &actor.province() {
        Some(p) if actor.role() != crate::access::Role::NationalAdmin => {
            vec![(p.to_string(), page.province_name(p))]
        }
        _ => tashil_reference::PROVINCES
            .iter()
            .map(|p| (p.code.to_string(), p.name(page.lang.code()).to_string()))
            .collect(),
    }
}

const PER_PAGE: u64 = 50;

fn status_choices(page: &PageCtx) -> Vec<(String, String)> {
    UnitStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_string(), page.status_label(s.as_str())))
        .collect()
}

fn size_choices(page: &PageCtx) -> Vec<(String, String)> {
    SizeClass::ALL
        .iter()
        .map(|s| (s.as_str().to_string(), page.size_label(s.as_str())))
        .collect()
}

/// One of the three name inputs of the unit form.
pub struct NameField {
    pub field: &'static str,
    pub label: String,
    pub dir: &'static str,
    pub lang: &'static str,
    pub value: String,
    pub error: String,
}

async fn list(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(f): Query<ListQuery>,
) -> Result<Response, AppError> {
    let result = service::list(&s.db, &actor, &f.to_filter(PER_PAGE)).await?;
    let page = PageCtx::new(&ctx);
    let any = |v: Vec<(String, String)>| {
        let mut all = vec![(String::new(), page.t("any"))];
        all.extend(v);
        all
    };
    Ok(ListPage {
        provinces: options(any(province_options(&page, &actor)), &f.province),
        sections: options(any(section_options(&page)), &f.section),
        statuses: options(any(status_choices(&page)), &f.status),
        sizes: options(any(size_choices(&page)), &f.size),
        kbs: options(
            any(vec![
                ("yes".into(), page.t("yes")),
                ("no".into(), page.t("no")),
            ]),
            &f.kb,
        ),
        can_create: crate::access::units::authorize_import(&actor).is_ok(),
        can_import: crate::access::units::authorize_import(&actor).is_ok(),
        query: f.to_query(),
        page,
        f,
        result,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "registry/detail.html")]
struct DetailPage {
    page: PageCtx,
    u: UnitDetail,
    name: String,
    section_name: String,
    class_name: String,
    can_edit: bool,
}

async fn detail(OnRecord(s, ctx, actor, id): OnRecord) -> Result<Response, AppError> {
    let u = service::get(&s.db, &actor, id).await?;
    let page = PageCtx::new(&ctx);
    let lang = page.lang.code();
    Ok(DetailPage {
        name: u.summary.name(&page.lang).to_string(),
        section_name: u
            .isic_section
            .chars()
            .next()
            .and_then(tashil_reference::isic::section)
            .map(|s| s.name(lang).to_string())
            .unwrap_or_default(),
        class_name: tashil_reference::isic::class(&u.summary.isic_class)
            .map(|c| c.name(lang).to_string())
            .unwrap_or_default(),
        can_edit: u.edit.is_some(),
        page,
        u,
    }
    .into_response())
}

/// The unit form: parallel lists for products and QC managers, so it works without JavaScript.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UnitForm {
    national_id: String,
    name_fa: String,
    name_en: String,
    name_vi: String,
    province: String,
    city: String,
    isic_class: String,
    size_class: String,
    knowledge_based: Option<String>,
    status: String,
    product_name: Vec<String>,
    product_hs: Vec<String>,
    qc_name: Vec<String>,
    qc_code: Vec<String>,
    version: Option<i32>,
}

impl UnitForm {
    fn to_draft(&self) -> UnitDraft {
        UnitDraft {
            national_id: self.national_id.clone(),
            name_fa: self.name_fa.clone(),
            name_en: self.name_en.clone(),
            name_vi: self.name_vi.clone(),
            province: self.province.clone(),
            city: self.city.clone(),
            isic_class: self.isic_class.clone(),
            size_class: self.size_class.clone(),
            knowledge_based: self.knowledge_based.is_some(),
            status: self.status.clone(),
            products: rows(&self.product_name, &self.product_hs, |name, hs_code| {
                ProductDraft { name, hs_code }
            }),
            qc_managers: rows(&self.qc_name, &self.qc_code, |full_name, national_code| {
                QcManagerDraft {
                    full_name,
                    national_code,
                }
            }),
        }
    }
}

/// The rows of a repeated pair of inputs (a product's name and HS code, …), as far as both go.
fn rows<T>(a: &[String], b: &[String], row: impl Fn(String, String) -> T) -> Vec<T> {
    a.iter()
        .zip(b)
        .map(|(a, b)| row(a.clone(), b.clone()))
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "registry/form.html")]
struct FormPage {
    page: PageCtx,
    action: String,
    d: UnitDraft,
    names: Vec<NameField>,
    products: Vec<ProductDraft>,
    qc_managers: Vec<QcManagerDraft>,
    version: Option<i32>,
    errors: FormErrors,
    full: bool,
    provinces: Vec<Opt>,
    sizes: Vec<Opt>,
    statuses: Vec<Opt>,
}

const PRODUCT_ROWS: usize = 5;
const QC_ROWS: usize = 3;

fn form_page(
    page: PageCtx,
    actor: &crate::access::Actor,
    action: String,
    d: UnitDraft,
    version: Option<i32>,
    errors: FormErrors,
    full: bool,
) -> FormPage {
    let mut products = d.products.clone();
    products.resize(products.len().max(PRODUCT_ROWS), ProductDraft::default());
    let mut qc_managers = d.qc_managers.clone();
    qc_managers.resize(qc_managers.len().max(QC_ROWS), QcManagerDraft::default());
    let names = [
        ("name_fa", "field-name-fa", "rtl", "fa", &d.name_fa),
        ("name_en", "field-name-en", "ltr", "en", &d.name_en),
        ("name_vi", "field-name-vi", "ltr", "vi", &d.name_vi),
    ]
    .into_iter()
    .map(|(field, key, dir, lang, value)| NameField {
        field,
        label: page.t(key),
        dir,
        lang,
        value: value.clone(),
        error: errors.get(field),
    })
    .collect();
    let mut sizes = vec![(String::new(), page.t("choose"))];
    sizes.extend(size_choices(&page));
    FormPage {
        provinces: options(province_options(&page, actor), &d.province),
        sizes: options(sizes, &d.size_class),
        statuses: options(status_choices(&page), &d.status),
        names,
        page,
        action,
        d,
        products,
        qc_managers,
        version,
        errors,
        full,
    }
}

async fn new_form(Authed(ctx, actor): Authed) -> Result<Response, AppError> {
    crate::access::units::authorize_import(&actor)?;
    let page = PageCtx::new(&ctx);
    let d = UnitDraft {
        province: actor.province().map(str::to_owned).unwrap_or_default(),
        status: "active".into(),
        ..Default::default()
    };
    Ok(form_page(
        page,
        &actor,
        "/units".into(),
        d,
        None,
        FormErrors::default(),
        true,
    )
    .into_response())
}

fn invalid_form(page: FormPage) -> Result<Response, AppError> {
    let html = page.render().map_err(AppError::internal)?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(html)).into_response())
}

async fn create(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(f): Form<UnitForm>,
) -> Result<Response, AppError> {
    let draft = f.to_draft();
    match service::create(&s.db, &actor, &draft).await {
        Ok(id) => Ok(Redirect::to(&format!("/units/{id}")).into_response()),
        Err(RegistryError::Invalid(errs)) => {
            let page = PageCtx::new(&ctx);
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            invalid_form(form_page(
                page,
                &actor,
                "/units".into(),
                draft,
                None,
                errors,
                true,
            ))
        }
        Err(e) => Err(e.into()),
    }
}

async fn edit_form(OnRecord(s, ctx, actor, id): OnRecord) -> Result<Response, AppError> {
    let u = service::get(&s.db, &actor, id).await?;
    let Some(rights) = u.edit else {
        return Err(AppError::Forbidden);
    };
    let page = PageCtx::new(&ctx);
    Ok(form_page(
        page,
        &actor,
        format!("/units/{id}"),
        u.to_draft(),
        Some(u.version),
        FormErrors::default(),
        rights == EditRights::Full,
    )
    .into_response())
}

async fn update(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<UnitForm>,
) -> Result<Response, AppError> {
    let draft = f.to_draft();
    match service::update(&s.db, &actor, id, &draft, f.version).await {
        Ok(()) => Ok(Redirect::to(&format!("/units/{id}")).into_response()),
        Err(RegistryError::Invalid(errs)) => {
            let full = service::get(&s.db, &actor, id)
                .await?
                .edit
                .is_some_and(|r| r == EditRights::Full);
            let page = PageCtx::new(&ctx);
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            invalid_form(form_page(
                page,
                &actor,
                format!("/units/{id}"),
                draft,
                f.version,
                errors,
                full,
            ))
        }
        Err(RegistryError::Conflict) => {
            let page = PageCtx::new(&ctx);
            let errors = FormErrors::single(
                "form",
                crate::web::error_render::message(ctx.lang, "edit_conflict"),
            );
            let u = service::get(&s.db, &actor, id).await?;
            let full = u.edit.is_some_and(|r| r == EditRights::Full);
            invalid_form(form_page(
                page,
                &actor,
                format!("/units/{id}"),
                draft,
                Some(u.version),
                errors,
                full,
            ))
        }
        Err(e) => Err(e.into()),
    }
}
