//! A standard as its page shows it: clauses with their limits in the page's digits, products,
//! the enquiry's comments, and the forms its reader may use; a failed action shows it again
//! with the reason beside the form.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::access::standards as rules;
use crate::standards::enquiry::{self, CommentView, Decision};
use crate::standards::model::Status;
use crate::standards::service::{self, StandardView, StandardsError};
use crate::web::AppState;
use crate::web::forms::{FormErrors, Opt, options};
use crate::web::{AppError, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/standards/{id}", get(detail))
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
    let v = service::get(&s.db, ctx.actor.as_ref(), id, s.clock.now()).await?;
    let comments = enquiry::comments(&s.db, ctx.actor.as_ref(), id, s.clock.now()).await?;
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
    crate::web::html(
        status,
        DetailPage {
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
        },
    )
}

async fn detail(
    State(s): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    render_detail(&s, &ctx, id, FormErrors::default(), StatusCode::OK).await
}

/// A failed action shows the standard again with the reason beside the form.
pub(super) async fn action_result(
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
