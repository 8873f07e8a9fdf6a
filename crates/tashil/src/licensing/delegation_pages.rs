//! `/permit-types/{code}/delegations`: who decides each step of a permit type in each province
//! of its country, set by the national administrator; `?province=IR-26` shows and saves that
//! province's row alone (a plain GET form, no script). Every write goes through the use case
//! the API calls.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;

use super::LicensingError;
use super::permit_admin::{self, DelegationTable};
use super::permit_type_pages::{ErrLine, err_lines};
use super::view::{Decider, DelegationInput};
use crate::access::Actor;
use crate::kernel::FieldError;
use crate::web::forms::{Opt, options};
use crate::web::{AppError, AppState, Authed, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route(
        "/permit-types/{code}/delegations",
        get(delegations).post(delegate),
    )
}

struct DelegationRow {
    province: String,
    cells: Vec<Cell>,
}

struct Cell {
    /// The form field: `province:step`.
    name: String,
    label: String,
    delegated: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "licensing/permit_delegations.html")]
struct DelegationsPage {
    page: PageCtx,
    code: String,
    name: String,
    version: String,
    steps: Vec<String>,
    rows: Vec<DelegationRow>,
    /// The filter's choices: every province of the type's country, then all of them ("").
    provinces: Vec<Opt>,
    /// The province the rows are limited to ("" for all).
    only: String,
    /// The province asked for is not one of the type's country: every row is shown.
    ignored: Option<String>,
    saved: Option<u64>,
    errors: Vec<ErrLine>,
}

/// What the page was asked for: a province to limit the rows to, and after a save how many
/// cells changed.
#[derive(Deserialize, Default)]
struct DelegationParams {
    saved: Option<u64>,
    province: Option<String>,
}

impl DelegationParams {
    fn province(&self) -> Option<&str> {
        self.province
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
    }
}

fn delegations_page(
    page: PageCtx,
    code: String,
    table: DelegationTable,
    asked: Option<&str>,
    saved: Option<u64>,
    errors: Vec<ErrLine>,
) -> DelegationsPage {
    let lang = page.lang_code();
    let steps: Vec<String> = table
        .steps
        .iter()
        .map(|(_, n)| n.in_lang(lang).to_owned())
        .collect();
    let rows = table
        .rows
        .iter()
        .map(|(province, deciders)| {
            let pname = page.province_name(province);
            DelegationRow {
                cells: table
                    .steps
                    .iter()
                    .zip(deciders)
                    .map(|((step, sname), d)| Cell {
                        name: format!("{province}:{step}"),
                        label: format!("{pname} — {}", sname.in_lang(lang)),
                        delegated: *d == Decider::Province,
                    })
                    .collect(),
                province: pname,
            }
        })
        .collect();
    let only = table.only.unwrap_or_default().to_owned();
    let mut choices = vec![(String::new(), page.t("lic-deleg-all-provinces"))];
    choices.extend(
        table
            .provinces
            .iter()
            .map(|p| (p.to_string(), page.province_name(p))),
    );
    let ignored = asked
        .filter(|_| table.only.is_none())
        .map(|a| page.t1("lic-deleg-unknown-province", "province", a));
    DelegationsPage {
        name: table.name.in_lang(lang).to_owned(),
        version: page.num(&(table.version as u64)),
        provinces: options(choices, &only),
        only,
        ignored,
        code,
        steps,
        rows,
        saved,
        errors,
        page,
    }
}

async fn delegations(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(code): Path<String>,
    Query(q): Query<DelegationParams>,
) -> Result<Response, AppError> {
    let table = permit_admin::delegation_table(&s.db, &actor, &code, q.province()).await?;
    let page = delegations_page(
        PageCtx::new(&ctx),
        code,
        table,
        q.province(),
        q.saved,
        vec![],
    );
    Ok(page.into_response())
}

/// Every cell of the table as sent (every province's, or the filtered one's): the changed ones
/// are written, all or nothing.
async fn delegate(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(code): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let mut cells = Vec::new();
    let mut only = DelegationParams::default();
    for (name, value) in fields {
        let Some((province, step)) = name.split_once(':') else {
            if name == "province" {
                only.province = Some(value);
            }
            continue;
        };
        let decider = Decider::parse(&value).ok_or(AppError::BadRequest("invalid_choice"))?;
        cells.push(DelegationInput {
            province: province.to_owned(),
            step: step.to_owned(),
            decider,
        });
    }
    match super::permit_types::delegate_many(&s.db, &actor, &code, &cells).await {
        Ok(n) => {
            // Only a known province's code goes back into the address (nothing to escape).
            let filter = only
                .province()
                .and_then(tashil_reference::provinces::province)
                .map(|p| format!("province={}&", p.code))
                .unwrap_or_default();
            let to = format!("/permit-types/{code}/delegations?{filter}saved={n}");
            Ok(Redirect::to(&to).into_response())
        }
        Err(LicensingError::Invalid(errs)) => {
            refused(&s, &ctx, &actor, code, only.province(), &errs).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn refused(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    code: String,
    only: Option<&str>,
    errs: &[FieldError],
) -> Result<Response, AppError> {
    let table = permit_admin::delegation_table(&s.db, actor, &code, only).await?;
    let errors = err_lines(ctx.lang, errs);
    let page = delegations_page(PageCtx::new(ctx), code, table, only, None, errors);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
