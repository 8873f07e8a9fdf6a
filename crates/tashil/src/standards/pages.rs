//! HTML pages of the catalogue: search, a standard with its clauses, products and enquiry,
//! the body's forms and actions, and the mandatory list.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

use super::api::ApiSearchQuery;
use super::enquiry::{self, CommentDraft, CommentView, Decision};
use super::mandatory::{self, MandatoryMatch, ProvinceMandatory};
use super::model::{ClauseDraft, ProductScopeDraft, StandardDraft, Status};
use super::search::{self, SearchPage, Suggestion};
use super::service::{self, StandardView, StandardsError, Transition};
use crate::access::standards as rules;
use crate::app::AppState;
use crate::web::forms::{FormErrors, Opt, options};
use crate::web::{AppError, Authed, Ctx, PageCtx};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/standards", get(list).post(create))
        .route("/standards/suggest", get(suggest))
        .route("/standards/new", get(new_form))
        .route("/standards/{id}", get(detail).post(update))
        .route("/standards/{id}/edit", get(edit_form))
        .route("/standards/{id}/transition", post(transition))
        .route("/standards/{id}/mandatory", post(set_mandatory))
        .route("/standards/{id}/comments", post(comment))
        .route("/standards/comments/{cid}/response", post(respond))
        .route("/mandatory", get(mandatory_lookup))
        .route("/provinces/{code}/mandatory", get(province_mandatory))
        .merge(super::exchange::routes())
}

/// A facet value as a link that toggles it in the current query.
pub struct FacetLink {
    pub label: String,
    pub count: u64,
    pub href: String,
    pub selected: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "standards/list.html")]
struct ListPage {
    page: PageCtx,
    q: String,
    result: SearchPage,
    query: String,
    bodies: Vec<FacetLink>,
    statuses: Vec<FacetLink>,
    mandatory: Vec<FacetLink>,
    ics: Vec<FacetLink>,
    can_manage: bool,
}

#[derive(Deserialize, Default, Clone)]
struct ListForm {
    #[serde(default)]
    q: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    ics: String,
    #[serde(default)]
    mandatory: String,
    #[serde(default)]
    page: String,
}

impl ListForm {
    fn api(&self) -> ApiSearchQuery {
        ApiSearchQuery {
            q: Some(self.q.clone()),
            body: Some(self.body.clone()),
            status: Some(self.status.clone()),
            ics: Some(self.ics.clone()),
            mandatory: match self.mandatory.as_str() {
                "yes" | "true" => Some(true),
                "no" | "false" => Some(false),
                _ => None,
            },
            page: tashil_text::digits::parse_i64(&self.page).map(|p| p.max(1) as u64),
            per_page: Some(20),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, String)> {
        [
            ("q", &self.q),
            ("body", &self.body),
            ("status", &self.status),
            ("ics", &self.ics),
            ("mandatory", &self.mandatory),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k, v.clone()))
        .collect()
    }

    fn query_with(&self, key: &str, value: &str) -> String {
        let mut pairs: Vec<(&str, String)> = self
            .pairs()
            .into_iter()
            .filter(|(k, _)| *k != key)
            .collect();
        if !value.is_empty() {
            pairs.push((key, value.to_string()));
        }
        serde_html_form::to_string(&pairs).unwrap_or_default()
    }
}

fn facet_links(
    f: &ListForm,
    key: &str,
    current: &str,
    counts: &[super::search::FacetCount],
    label: impl Fn(&str) -> String,
) -> Vec<FacetLink> {
    counts
        .iter()
        .map(|c| {
            let selected = c.value == current;
            FacetLink {
                label: label(&c.value),
                count: c.count,
                href: format!(
                    "/standards?{}",
                    f.query_with(key, if selected { "" } else { &c.value })
                ),
                selected,
            }
        })
        .collect()
}

async fn list(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(f): Query<ListForm>,
) -> Result<Response, AppError> {
    let result = search::search(
        &s.db,
        &s.catalogue,
        ctx.actor.as_ref(),
        ctx.lang,
        &f.api().params(),
    )
    .await?;
    let page = PageCtx::new(&ctx);
    let lang = page.lang.code();
    let mandatory_current = match f.mandatory.as_str() {
        "yes" => "true",
        "no" => "false",
        other => other,
    };
    let mandatory_counts: Vec<_> = result
        .facets
        .mandatory
        .iter()
        .map(|c| super::search::FacetCount {
            value: if c.value == "true" {
                "yes".into()
            } else {
                "no".into()
            },
            count: c.count,
        })
        .collect();
    Ok(ListPage {
        bodies: facet_links(&f, "body", &f.body, &result.facets.body, |v| {
            page.body_label(v)
        }),
        statuses: facet_links(&f, "status", &f.status, &result.facets.status, |v| {
            page.standard_status(v)
        }),
        mandatory: facet_links(
            &f,
            "mandatory",
            if mandatory_current == "true" {
                "yes"
            } else if mandatory_current == "false" {
                "no"
            } else {
                ""
            },
            &mandatory_counts,
            |v| {
                page.t(if v == "yes" {
                    "mandatory-yes"
                } else {
                    "mandatory-no"
                })
            },
        ),
        ics: facet_links(&f, "ics", &f.ics, &result.facets.ics, |v| {
            let name = tashil_reference::ics::ics(v)
                .map(|e| e.name(lang))
                .unwrap_or("");
            format!("{} {}", page.digits(v), name)
        }),
        can_manage: ctx
            .actor
            .as_ref()
            .is_some_and(|a| rules::authorize_manage(a).is_ok()),
        query: serde_html_form::to_string(f.pairs()).unwrap_or_default(),
        q: f.q.clone(),
        page,
        result,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "standards/suggest.html")]
struct SuggestFragment {
    items: Vec<Suggestion>,
}

#[derive(Deserialize)]
struct SuggestQuery {
    #[serde(default)]
    q: String,
}

async fn suggest(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<SuggestQuery>,
) -> Result<Response, AppError> {
    let items = if q.q.trim().is_empty() {
        vec![]
    } else {
        search::suggest(&s.db, &s.catalogue, ctx.actor.as_ref(), ctx.lang, &q.q).await?
    };
    Ok(SuggestFragment { items }.into_response())
}

/// A clause as the detail page shows it: the parameter in the page's language, the unit's
/// symbol and name, the limits in the page's digits.
pub struct ClauseRow {
    pub number: String,
    pub parameter: String,
    pub test_method: String,
    pub unit: String,
    pub requirement: String,
}

pub struct ProductRow {
    pub hs: String,
    pub product: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "standards/detail.html")]
struct DetailPage {
    page: PageCtx,
    s: StandardView,
    edition: String,
    title: String,
    scope: String,
    ics: Vec<(String, String)>,
    clauses: Vec<ClauseRow>,
    products: Vec<ProductRow>,
    comments: Vec<CommentView>,
    can_manage: bool,
    can_comment: bool,
    next_statuses: Vec<Opt>,
    decisions: Vec<Opt>,
    clause_numbers: Vec<Opt>,
    errors: FormErrors,
}

fn number(page: &PageCtx, v: f64) -> String {
    let text = if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        v.to_string()
    };
    let text = if page.lang == tashil_text::Lang::Fa {
        text.replace('.', "٫")
    } else if page.lang == tashil_text::Lang::Vi {
        text.replace('.', ",")
    } else {
        text
    };
    page.digits(&text)
}

fn requirement(page: &PageCtx, min: Option<f64>, max: Option<f64>, allowed: &[String]) -> String {
    match (min, max) {
        (Some(a), Some(b)) => page.t2(
            "req-between",
            "min",
            &number(page, a),
            "max",
            &number(page, b),
        ),
        (Some(a), None) => page.t1("req-min", "min", number(page, a)),
        (None, Some(b)) => page.t1("req-max", "max", number(page, b)),
        (None, None) => allowed.join(" / "),
    }
}

async fn render_detail(
    s: &AppState,
    ctx: &Ctx,
    id: i64,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let v = service::get(&s.db, ctx.actor.as_ref(), id).await?;
    let comments = enquiry::comments(&s.db, ctx.actor.as_ref(), id).await?;
    let page = PageCtx::new(ctx);
    let lang = page.lang.code();
    let can_manage = ctx
        .actor
        .as_ref()
        .is_some_and(|a| rules::authorize_manage(a).is_ok());
    let can_comment = v.enquiry_open
        && ctx
            .actor
            .as_ref()
            .is_some_and(|a| rules::authorize_comment(a).is_ok());
    let clauses = v
        .clauses
        .iter()
        .map(|c| ClauseRow {
            number: page.digits(&c.number),
            parameter: c.parameter(&page.lang).to_string(),
            test_method: c.test_method.clone(),
            unit: tashil_reference::uom::uom(&c.unit)
                .map(|u| format!("{} ({})", u.name(lang), u.symbol))
                .unwrap_or_else(|| c.unit.clone()),
            requirement: requirement(&page, c.min, c.max, &c.allowed),
        })
        .collect();
    let products = v
        .products
        .iter()
        .map(|p| ProductRow {
            hs: page.digits(&p.hs_prefix),
            product: tashil_reference::products::product(&p.product)
                .map(|r| r.name(lang).to_string())
                .unwrap_or_else(|| p.product.clone()),
        })
        .collect();
    let ics = v
        .ics
        .iter()
        .map(|c| {
            (
                page.digits(c),
                tashil_reference::ics::ics(c)
                    .map(|e| e.name(lang).to_string())
                    .unwrap_or_default(),
            )
        })
        .collect();
    let next_statuses = options(
        Status::ALL
            .iter()
            .filter(|to| v.status.can_move_to(**to))
            .map(|to| (to.as_str().to_string(), page.standard_status(to.as_str())))
            .collect::<Vec<_>>(),
        "",
    );
    let decisions = options(
        Decision::ALL
            .iter()
            .map(|d| (d.as_str().to_string(), page.decision_label(d.as_str())))
            .collect::<Vec<_>>(),
        "",
    );
    let mut clause_numbers = vec![(String::new(), page.t("comment-whole-draft"))];
    clause_numbers.extend(
        v.clauses
            .iter()
            .map(|c| (c.number.clone(), page.digits(&c.number))),
    );
    let html = DetailPage {
        edition: page.num(&v.edition_u64()),
        title: v.title(&page.lang).to_string(),
        scope: v.scope(&page.lang).to_string(),
        ics,
        clauses,
        products,
        comments,
        can_manage,
        can_comment,
        next_statuses,
        decisions,
        clause_numbers: options(clause_numbers, ""),
        errors,
        page,
        s: v,
    }
    .render()
    .map_err(AppError::internal)?;
    Ok((status, Html(html)).into_response())
}

async fn detail(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render_detail(&s, &ctx, id, FormErrors::default(), StatusCode::OK).await
}

/// A failed action shows the standard again with the reason beside the form.
async fn action_result(
    s: &AppState,
    ctx: &Ctx,
    id: i64,
    form: &str,
    r: Result<(), StandardsError>,
) -> Result<Response, AppError> {
    match r {
        Ok(()) => Ok(Redirect::to(&format!("/standards/{id}")).into_response()),
        Err(StandardsError::Invalid(errs)) => {
            render_detail(
                s,
                ctx,
                id,
                FormErrors::from_fields(ctx.lang, &errs),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(
            e @ (StandardsError::BadTransition
            | StandardsError::EnquiryClosed
            | StandardsError::Duplicate),
        ) => {
            let msg = crate::web::error_render::message(ctx.lang, e.code());
            render_detail(
                s,
                ctx,
                id,
                FormErrors::single(form, msg),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
struct TransitionForm {
    #[serde(default)]
    to: String,
    #[serde(default)]
    enquiry_deadline: String,
    #[serde(default)]
    replaced_by: String,
    #[serde(default)]
    close_enquiry: Option<String>,
}

async fn transition(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(f): Form<TransitionForm>,
) -> Result<Response, AppError> {
    let deadline = super::model::parse_date(&f.enquiry_deadline);
    let r = match deadline {
        Err(code) => Err(StandardsError::Invalid(vec![
            super::model::FieldError::new("enquiry_deadline", code),
        ])),
        Ok(deadline) => {
            let replaced_by = resolve_standard(&s, &actor, &f.replaced_by).await?;
            match replaced_by {
                Err(e) => Err(e),
                Ok(replaced_by) => {
                    let t = Transition {
                        to: Status::parse(&f.to),
                        enquiry_deadline: deadline,
                        replaced_by,
                        close_enquiry: f.close_enquiry.is_some(),
                    };
                    service::transition(&s.db, &actor, id, &t).await
                }
            }
        }
    };
    action_result(&s, &ctx, id, "transition", r).await
}

/// The replacement typed as an id or a designation ("INSO 1234:2020").
async fn resolve_standard(
    s: &AppState,
    actor: &crate::access::Actor,
    raw: &str,
) -> Result<Result<Option<i64>, StandardsError>, AppError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(Ok(None));
    }
    if let Some(id) = tashil_text::digits::parse_i64(raw) {
        return Ok(Ok(Some(id)));
    }
    let found = search::search(
        &s.db,
        &s.catalogue,
        Some(actor),
        tashil_text::Lang::En,
        &search::SearchParams {
            q: raw.to_string(),
            page: 1,
            per_page: 1,
            ..Default::default()
        },
    )
    .await?;
    Ok(match found.hits.first() {
        Some(h) => Ok(Some(h.id)),
        None => Err(StandardsError::Invalid(vec![
            super::model::FieldError::new("replaced_by", "invalid_replacement"),
        ])),
    })
}

#[derive(Deserialize)]
struct MandatoryForm {
    #[serde(default)]
    mandatory: String,
    #[serde(default)]
    from: String,
}

async fn set_mandatory(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(f): Form<MandatoryForm>,
) -> Result<Response, AppError> {
    let r = match super::model::parse_date(&f.from) {
        Err(code) => Err(StandardsError::Invalid(vec![
            super::model::FieldError::new("from", code),
        ])),
        Ok(from) => service::set_mandatory(&s.db, &actor, id, f.mandatory == "yes", from).await,
    };
    action_result(&s, &ctx, id, "mandatory", r).await
}

#[derive(Deserialize)]
struct CommentForm {
    #[serde(default)]
    clause: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    proposal: String,
}

async fn comment(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(f): Form<CommentForm>,
) -> Result<Response, AppError> {
    let d = CommentDraft {
        clause: f.clause,
        body: f.body,
        proposal: f.proposal,
    };
    let r = enquiry::comment(&s.db, &actor, id, &d).await.map(|_| ());
    action_result(&s, &ctx, id, "comment", r).await
}

#[derive(Deserialize)]
struct ResponseForm {
    #[serde(default)]
    standard: i64,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    response: String,
}

async fn respond(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(cid): Path<i64>,
    Form(f): Form<ResponseForm>,
) -> Result<Response, AppError> {
    let r = enquiry::respond(
        &s.db,
        &actor,
        cid,
        Decision::parse(&f.decision),
        &f.response,
    )
    .await;
    action_result(&s, &ctx, f.standard, &format!("response-{cid}"), r).await
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
        .parse::<super::model::Body>()
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

async fn edit_form(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    rules::authorize_manage(&actor)?;
    let v = service::get(&s.db, Some(&actor), id).await?;
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
struct StandardForm {
    #[serde(default)]
    body: String,
    #[serde(default)]
    number: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    edition: String,
    #[serde(default)]
    title_fa: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    title_vi: String,
    #[serde(default)]
    scope_fa: String,
    #[serde(default)]
    scope_en: String,
    #[serde(default)]
    scope_vi: String,
    #[serde(default)]
    ics: String,
    #[serde(default)]
    product_hs: Vec<String>,
    #[serde(default)]
    product_code: Vec<String>,
    #[serde(default)]
    clause_number: Vec<String>,
    #[serde(default)]
    clause_parameter_fa: Vec<String>,
    #[serde(default)]
    clause_parameter_en: Vec<String>,
    #[serde(default)]
    clause_parameter_vi: Vec<String>,
    #[serde(default)]
    clause_method: Vec<String>,
    #[serde(default)]
    clause_unit: Vec<String>,
    #[serde(default)]
    clause_min: Vec<String>,
    #[serde(default)]
    clause_max: Vec<String>,
    #[serde(default)]
    clause_allowed: Vec<String>,
    #[serde(default)]
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
    match service::create(&s.db, &actor, &d).await {
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
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(f): Form<StandardForm>,
) -> Result<Response, AppError> {
    let d = f.to_draft();
    let version = f.version.unwrap_or_default();
    let action = format!("/standards/{id}");
    match service::update(&s.db, &actor, id, version, &d).await {
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
            let current = service::get(&s.db, Some(&actor), id).await?.version;
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

#[derive(Template, WebTemplate)]
#[template(path = "standards/mandatory.html")]
struct MandatoryPage {
    page: PageCtx,
    hs: String,
    products: Vec<Opt>,
    asked: bool,
    error: String,
    matches: Vec<MandatoryMatch>,
}

#[derive(Deserialize, Default)]
struct MandatoryQuery {
    #[serde(default)]
    hs: String,
    #[serde(default)]
    product: String,
}

async fn mandatory_lookup(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<MandatoryQuery>,
) -> Result<Response, AppError> {
    let page = PageCtx::new(&ctx);
    let lang = page.lang.code();
    let hs = if q.hs.trim().is_empty() {
        tashil_reference::products::product(q.product.trim())
            .map(|p| p.hs.to_string())
            .unwrap_or_default()
    } else {
        q.hs.clone()
    };
    let asked = !hs.trim().is_empty();
    let (matches, error, status) = if asked {
        match mandatory::for_hs(&s.db, &hs).await {
            Ok(m) => (m, String::new(), StatusCode::OK),
            Err(StandardsError::Invalid(errs)) => (
                vec![],
                crate::web::error_render::message(ctx.lang, errs[0].code),
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            Err(e) => return Err(e.into()),
        }
    } else {
        (vec![], String::new(), StatusCode::OK)
    };
    let mut choices = vec![(String::new(), page.t("choose"))];
    choices.extend(tashil_reference::products::PRODUCTS.iter().map(|p| {
        (
            p.code.to_string(),
            format!("{} ({})", p.name(lang), p.hs_dotted()),
        )
    }));
    let html = MandatoryPage {
        products: options(choices, q.product.trim()),
        hs: q.hs.clone(),
        asked,
        error,
        matches,
        page,
    }
    .render()
    .map_err(AppError::internal)?;
    Ok((status, Html(html)).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "standards/province_mandatory.html")]
struct ProvinceMandatoryPage {
    page: PageCtx,
    r: ProvinceMandatory,
    page_no: u64,
    pages: u64,
}

#[derive(Deserialize, Default)]
struct PageParam {
    #[serde(default)]
    page: String,
}

const PROVINCE_ROWS: u64 = 100;

async fn province_mandatory(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(code): Path<String>,
    Query(p): Query<PageParam>,
) -> Result<Response, AppError> {
    if tashil_reference::province(&code).is_none() {
        return Err(AppError::NotFound);
    }
    let page_no = tashil_text::digits::parse_i64(&p.page)
        .filter(|p| *p > 0)
        .unwrap_or(1) as u64;
    let r = mandatory::in_province(&s.db, &actor, &code, page_no, PROVINCE_ROWS).await?;
    Ok(ProvinceMandatoryPage {
        pages: r.total.div_ceil(PROVINCE_ROWS).max(1),
        page: PageCtx::new(&ctx),
        r,
        page_no,
    }
    .into_response())
}
