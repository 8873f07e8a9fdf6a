//! The national administrator changes a permit type: `/permit-types/{code}/edit` (its JSON,
//! or each step's deadline and silence flag; either way a new version, applications keeping
//! theirs). Delegation is in `delegation_pages`. Every write goes through the same use cases
//! as the API.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

use super::permit_admin;
use super::permit_type_pages::{ErrLine, err_lines};
use super::view::PermitTypeInput;
use super::{LicensingError, PermitTypeView};
use crate::kernel::FieldError;
use crate::web::forms::FormErrors;
use crate::web::{AppError, AppState, Authed, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/permit-types/{code}/edit", get(edit_form).post(edit_json))
        .route("/permit-types/{code}/steps", post(edit_steps))
}

struct StepField {
    name: String,
    days: String,
    consent: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "licensing/permit_type_edit.html")]
struct EditPage {
    page: PageCtx,
    code: String,
    name: String,
    version: i32,
    json: String,
    /// The JSON form's errors, each by the path it names.
    errors: Vec<ErrLine>,
    steps: Vec<StepField>,
    /// The step form's errors, beside each step's field.
    step_errors: FormErrors,
}

impl EditPage {
    fn step_error(&self, i: &usize) -> String {
        self.step_errors.at("definition.steps", i, "deadline_days")
    }
}

fn edit_page(page: PageCtx, t: &PermitTypeView, json: String, errors: Vec<ErrLine>) -> EditPage {
    let lang = page.lang_code();
    EditPage {
        code: t.code.clone(),
        name: t.name.in_lang(lang).to_owned(),
        version: t.version,
        json,
        errors,
        steps: t
            .definition
            .steps
            .iter()
            .map(|s| StepField {
                name: s.name.in_lang(lang).to_owned(),
                days: s.deadline_days.to_string(),
                consent: s.silence_is_consent,
            })
            .collect(),
        step_errors: FormErrors::default(),
        page,
    }
}

fn pretty(t: &PermitTypeView) -> Result<String, AppError> {
    serde_json::to_string_pretty(&permit_admin::as_input(t.clone())).map_err(AppError::internal)
}

async fn edit_form(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(code): Path<String>,
) -> Result<Response, AppError> {
    let t = permit_admin::one(&s.db, &actor, &code, None).await?;
    let json = pretty(&t)?;
    Ok(edit_page(PageCtx::new(&ctx), &t, json, vec![]).into_response())
}

#[derive(Deserialize, Default)]
struct JsonForm {
    #[serde(default)]
    json: String,
    #[serde(default)]
    version: Option<i32>,
}

/// Defines the next version from the JSON (one type, as the API's PUT takes it).
async fn edit_json(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(code): Path<String>,
    Form(f): Form<JsonForm>,
) -> Result<Response, AppError> {
    let t = permit_admin::one(&s.db, &actor, &code, None).await?;
    let outcome = match permit_admin::parse_json::<PermitTypeInput>(f.json.as_bytes(), "") {
        Ok(input) if input.code != code => Err(LicensingError::invalid("code", "code_mismatch")),
        Ok(input) => match permit_admin::check_fresh(f.version, t.version) {
            Ok(()) => super::permit_types::define(&s.db, &actor, &input).await,
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    let (errors, status) = match outcome {
        Ok(_) => return Ok(Redirect::to(&format!("/permit-types/{code}")).into_response()),
        Err(LicensingError::Invalid(errs)) => {
            (err_lines(ctx.lang, &errs), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(LicensingError::Conflict(c)) => (
            err_lines(ctx.lang, &[FieldError::new("version", c)]),
            StatusCode::CONFLICT,
        ),
        Err(e) => return Err(e.into()),
    };
    // The text as sent stays in the box, so the fix is made where the error is named.
    let page = edit_page(PageCtx::new(&ctx), &t, f.json, errors);
    Ok((status, page).into_response())
}

#[derive(Deserialize, Default)]
struct StepsForm {
    #[serde(default)]
    days: Vec<String>,
    /// The indexes of the steps whose silence counts as consent.
    #[serde(default)]
    consent: Vec<usize>,
    #[serde(default)]
    version: Option<i32>,
}

/// Defines the next version with each step's deadline and silence flag as the form sets
/// them, the rest of the definition as it is.
async fn edit_steps(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(code): Path<String>,
    Form(f): Form<StepsForm>,
) -> Result<Response, AppError> {
    let t = permit_admin::one(&s.db, &actor, &code, None).await?;
    let mut input = permit_admin::as_input(t.clone());
    let mut errs = Vec::new();
    if f.days.len() != input.definition.steps.len() {
        return Err(LicensingError::Conflict("edit_conflict").into());
    }
    for (i, (step, days)) in input.definition.steps.iter_mut().zip(&f.days).enumerate() {
        match tashil_text::digits::to_ascii_digits(days.trim()).parse::<u16>() {
            Ok(n) => step.deadline_days = n,
            Err(_) => errs.push(FieldError::new(
                format!("definition.steps[{i}].deadline_days"),
                "out_of_range",
            )),
        }
        step.silence_is_consent = f.consent.contains(&i);
    }
    let outcome = if errs.is_empty() {
        match permit_admin::check_fresh(f.version, t.version) {
            Ok(()) => super::permit_types::define(&s.db, &actor, &input).await,
            Err(e) => Err(e),
        }
    } else {
        Err(LicensingError::Invalid(errs))
    };
    let (step_errors, status) = match outcome {
        Ok(_) => return Ok(Redirect::to(&format!("/permit-types/{code}")).into_response()),
        Err(LicensingError::Invalid(errs)) => (
            FormErrors::from_fields(ctx.lang, &errs),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(e) => return Err(e.into()),
    };
    let json = pretty(&t)?;
    let mut page = edit_page(PageCtx::new(&ctx), &t, json, vec![]);
    for (field, days) in page.steps.iter_mut().zip(&f.days) {
        field.days = days.clone();
    }
    page.step_errors = step_errors;
    Ok((status, page).into_response())
}
