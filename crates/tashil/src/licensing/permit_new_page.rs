//! `/permit-types/new`: the national administrator creates a permit type from the browser —
//! its code, country and names, and its first version's definition as JSON (prefilled with a
//! starting definition), read and validated as an edited one is. Through the use case the
//! API's POST calls.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::Form;
use serde::Deserialize;

use super::LicensingError;
use super::model::{Condition, DocumentDef, PermitDefinition, StepActor, StepDef, StepKind, Tri};
use super::permit_admin;
use super::permit_type_pages::{ErrLine, err_lines};
use super::view::PermitTypeInput;
use crate::i18n::{I18n, Lang};
use crate::kernel::FieldError;
use crate::web::forms::{FormErrors, Opt, options};
use crate::web::{AppError, AppState, Authed, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/permit-types/new", get(new_form).post(create))
}

/// A text in the three languages, from the message files.
fn tri(key: &str) -> Tri {
    let i18n = I18n::get();
    Tri {
        fa: i18n.t(Lang::Fa, key),
        vi: i18n.t(Lang::Vi, key),
        en: i18n.t(Lang::En, key),
    }
}

fn step(code: &str, kind: StepKind, days: u16, consent: bool) -> StepDef {
    StepDef {
        code: code.into(),
        kind,
        name: tri(&format!("lic-start-step-{code}")),
        actor: StepActor::Officer,
        deadline_days: days,
        silence_is_consent: consent,
        needs_lab_report: false,
    }
}

/// What the form starts from: documents checked, a decision, the issue; one condition and one
/// required document; valid a year; no standard required. It passes validation as it is.
fn starting_definition() -> PermitDefinition {
    PermitDefinition {
        steps: vec![
            step("documents", StepKind::DocumentCheck, 5, true),
            step("decision", StepKind::TechnicalDecision, 10, false),
            step("issue", StepKind::Issue, 2, true),
        ],
        conditions: vec![Condition {
            number: 1,
            text: tri("lic-start-condition"),
        }],
        documents: vec![DocumentDef {
            code: "application-form".into(),
            name: tri("lic-start-document"),
            required: true,
        }],
        fees: vec![],
        fast_track: vec![],
        validity_months: 12,
        requires_standard: false,
        renews: vec![],
    }
}

#[derive(Deserialize, Default)]
struct NewForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    name_fa: String,
    #[serde(default)]
    name_vi: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    definition: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "licensing/permit_type_new.html")]
struct NewPage {
    page: PageCtx,
    form: NewForm,
    countries: Vec<Opt>,
    /// The errors of the code, country and names, beside their fields.
    errors: FormErrors,
    /// The definition's errors, each by the JSON path it names.
    definition_errors: Vec<ErrLine>,
}

fn new_page(ctx: &Ctx, form: NewForm, errs: &[FieldError]) -> NewPage {
    let page = PageCtx::new(ctx);
    let countries = options(
        [
            (String::new(), page.t("choose")),
            ("IR".into(), page.t("calendar-country-ir")),
            ("VN".into(), page.t("calendar-country-vn")),
        ],
        &form.country,
    );
    let (definition, fields): (Vec<FieldError>, Vec<FieldError>) = errs
        .iter()
        .cloned()
        .partition(|e| e.field.starts_with("definition"));
    NewPage {
        errors: FormErrors::from_fields(ctx.lang, &fields),
        definition_errors: err_lines(ctx.lang, &definition),
        countries,
        form,
        page,
    }
}

async fn new_form(Authed(ctx, actor): Authed) -> Result<Response, AppError> {
    crate::access::licensing::authorize_define(&actor).map_err(LicensingError::from)?;
    let definition =
        serde_json::to_string_pretty(&starting_definition()).map_err(AppError::internal)?;
    let form = NewForm {
        definition,
        ..Default::default()
    };
    Ok(new_page(&ctx, form, &[]).into_response())
}

async fn create(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(f): Form<NewForm>,
) -> Result<Response, AppError> {
    crate::access::licensing::authorize_define(&actor).map_err(LicensingError::from)?;
    let outcome = match permit_admin::parse_json::<PermitDefinition>(
        f.definition.as_bytes(),
        "definition.",
    ) {
        Ok(definition) => {
            let input = PermitTypeInput {
                code: f.code.trim().to_owned(),
                country: f.country.trim().to_owned(),
                name: Tri {
                    fa: f.name_fa.clone(),
                    vi: f.name_vi.clone(),
                    en: f.name_en.clone(),
                },
                definition,
            };
            super::permit_types::create(&s.db, &actor, &input).await
        }
        Err(e) => Err(e),
    };
    match outcome {
        Ok(t) => Ok(Redirect::to(&format!("/permit-types/{}", t.code)).into_response()),
        Err(LicensingError::Invalid(errs)) => {
            // What was typed stays in the form, so the fix is made where the error is named.
            let page = new_page(&ctx, f, &errs);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
