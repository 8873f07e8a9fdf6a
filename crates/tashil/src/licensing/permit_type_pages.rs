//! The national administrator's permit-type pages: `/permit-types` (the list, the import of a
//! JSON file of many types, the export of all), `/permit-types/{code}` (a version readable as
//! a page, its history) and `/permit-types/{code}.json` (the file the import takes back).
//! Editing and delegation are in `permit_edit_pages`.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::api::VersionParam;
use super::model::{Effect, Fact, PermitDefinition, StepActor};
use super::permit_admin;
use super::{LicensingError, PermitTypeView};
use crate::i18n::Lang;
use crate::kernel::FieldError;
use crate::web::import_page::{self, attachment};
use crate::web::upload_limit::{MAX_IMPORT_FILE, limited};
use crate::web::{AppError, AppState, Authed, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/permit-types",
            get(list).merge(limited(post(import), MAX_IMPORT_FILE)),
        )
        .route("/permit-types.json", get(export_all))
        .route("/permit-types/{code}", get(detail))
}

/// A field error as the pages show it: the JSON path it names and what is wrong there.
pub(super) struct ErrLine {
    pub field: String,
    pub message: String,
}

pub(super) fn err_lines(lang: Lang, errs: &[FieldError]) -> Vec<ErrLine> {
    errs.iter()
        .map(|e| {
            let mut message = crate::web::error_render::message(lang, e.code);
            if let Some(d) = &e.detail {
                let at = tashil_text::digits::localize_digits(d, lang);
                message = format!("{message} ({at})");
            }
            ErrLine {
                field: e.field.clone(),
                message,
            }
        })
        .collect()
}

struct TypeLine {
    code: String,
    name: String,
    country: String,
    version: String,
    steps: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "licensing/permit_types.html")]
struct ListPage {
    page: PageCtx,
    rows: Vec<TypeLine>,
    /// After an import: how many types the file held.
    imported: Option<u64>,
    errors: Vec<ErrLine>,
}

async fn render_list(
    s: &AppState,
    ctx: &Ctx,
    actor: &crate::access::Actor,
    imported: Option<u64>,
    errors: Vec<ErrLine>,
) -> Result<Response, AppError> {
    let page = PageCtx::new(ctx);
    let lang = page.lang_code();
    let rows = permit_admin::types(&s.db, actor)
        .await?
        .into_iter()
        .map(|t| TypeLine {
            name: t.name.in_lang(lang).to_owned(),
            country: page.t(&format!("calendar-country-{}", t.country.to_lowercase())),
            version: page.num(&(t.version as u64)),
            steps: t
                .definition
                .steps
                .iter()
                .map(|st| st.name.in_lang(lang).to_owned())
                .collect(),
            code: t.code,
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    crate::web::html(
        status,
        ListPage {
            page,
            rows,
            imported,
            errors,
        },
    )
}

async fn list(State(s): State<AppState>, Authed(ctx, actor): Authed) -> Result<Response, AppError> {
    render_list(&s, &ctx, &actor, None, vec![]).await
}

/// A JSON file of many types, all or nothing through the API's import.
async fn import(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    multipart: Multipart,
) -> Result<Response, AppError> {
    crate::access::licensing::authorize_define(&actor).map_err(LicensingError::from)?;
    let outcome = match import_page::read_upload(multipart).await?.file {
        None => Err(LicensingError::invalid("file", "no_file")),
        Some((_, bytes)) => {
            match permit_admin::parse_json::<Vec<super::view::PermitTypeInput>>(&bytes, "") {
                Ok(inputs) => super::permit_types::import(&s.db, &actor, &inputs).await,
                Err(e) => Err(e),
            }
        }
    };
    match outcome {
        Ok(done) => render_list(&s, &ctx, &actor, Some(done.len() as u64), vec![]).await,
        Err(LicensingError::Invalid(errs)) => {
            render_list(&s, &ctx, &actor, None, err_lines(ctx.lang, &errs)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn export_all(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
) -> Result<Response, AppError> {
    let body = permit_admin::export_json(permit_admin::types(&s.db, &actor).await?)?;
    Ok(attachment("application/json", "permit-types.json", body))
}

struct StepLine {
    code: String,
    name: String,
    actor: String,
    days: String,
    consent: String,
    lab_report: String,
}

struct RuleLine {
    name: String,
    facts: Vec<String>,
    effect: String,
}

struct VersionRow {
    number: String,
    version: i32,
    date: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "licensing/permit_type.html")]
struct DetailPage {
    page: PageCtx,
    code: String,
    name: String,
    version: i32,
    version_label: String,
    current: bool,
    validity: String,
    steps: Vec<StepLine>,
    documents: Vec<(String, String)>,
    conditions: Vec<(String, String)>,
    fees: Vec<(String, String)>,
    rules: Vec<RuleLine>,
    history: Vec<VersionRow>,
}

fn step_name(def: &PermitDefinition, code: &str, lang: &str) -> String {
    def.steps
        .iter()
        .find(|s| s.code == code)
        .map(|s| s.name.in_lang(lang).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

fn fact_text(page: &PageCtx, f: &Fact) -> String {
    match f {
        Fact::NoFailureMonths(m) => page.t1(
            "lic-fact-no-failure-months",
            "months",
            page.num(&u64::from(*m)),
        ),
        Fact::Iso9001 => page.t("lic-fact-iso9001"),
        Fact::Exemplary => page.t("lic-fact-exemplary"),
        Fact::LowRisk => page.t("lic-fact-low-risk"),
    }
}

fn effect_text(page: &PageCtx, def: &PermitDefinition, e: &Effect) -> String {
    let lang = page.lang_code();
    match e {
        Effect::Skip(steps) => {
            let names: Vec<String> = steps.iter().map(|c| step_name(def, c, lang)).collect();
            let comma = if page.lang_code() == "fa" {
                "، "
            } else {
                ", "
            };
            page.t1("lic-effect-skip", "steps", names.join(comma))
        }
        Effect::Shorten { step, days } => page.t2(
            "lic-effect-shorten",
            "step",
            &step_name(def, step, lang),
            "days",
            &page.num(&u64::from(*days)),
        ),
    }
}

fn detail_page(
    page: PageCtx,
    t: PermitTypeView,
    current_version: i32,
    history: Vec<permit_admin::VersionLine>,
) -> DetailPage {
    let lang = page.lang_code();
    let def = &t.definition;
    let steps = def
        .steps
        .iter()
        .map(|s| StepLine {
            code: s.code.clone(),
            name: s.name.in_lang(lang).to_owned(),
            actor: page.t(match s.actor {
                StepActor::Officer => "lic-actor-officer",
                StepActor::Inspector => "lic-actor-inspector",
            }),
            days: page.num(&u64::from(s.deadline_days)),
            consent: page.yes_no(&s.silence_is_consent),
            lab_report: page.yes_no(&s.needs_lab_report),
        })
        .collect();
    let documents = def
        .documents
        .iter()
        .map(|d| (d.name.in_lang(lang).to_owned(), page.yes_no(&d.required)))
        .collect();
    let conditions = def
        .conditions
        .iter()
        .map(|c| {
            (
                page.num(&u64::from(c.number)),
                c.text.in_lang(lang).to_owned(),
            )
        })
        .collect();
    let fees = def
        .fees
        .iter()
        .map(|f| {
            (
                f.name.in_lang(lang).to_owned(),
                page.num(&(f.amount.max(0) as u64)),
            )
        })
        .collect();
    let rules = def
        .fast_track
        .iter()
        .map(|r| RuleLine {
            name: r.name.in_lang(lang).to_owned(),
            facts: r.all_of.iter().map(|f| fact_text(&page, f)).collect(),
            effect: effect_text(&page, def, &r.effect),
        })
        .collect();
    let history = history
        .into_iter()
        .map(|v| VersionRow {
            number: page.num(&(v.version as u64)),
            version: v.version,
            date: page.date(&v.created_at),
        })
        .collect();
    DetailPage {
        code: t.code.clone(),
        name: t.name.in_lang(lang).to_owned(),
        version: t.version,
        version_label: page.num(&(t.version as u64)),
        current: t.version == current_version,
        validity: page.num(&u64::from(def.validity_months)),
        steps,
        documents,
        conditions,
        fees,
        rules,
        history,
        page,
    }
}

/// A version as a page, or (`{code}.json`) the type's export.
async fn detail(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(code): Path<String>,
    Query(v): Query<VersionParam>,
) -> Result<Response, AppError> {
    if let Some(code) = code.strip_suffix(".json") {
        let t = permit_admin::one(&s.db, &actor, code, v.version).await?;
        let body = permit_admin::export_json(vec![t])?;
        return Ok(attachment(
            "application/json",
            &format!("{code}.json"),
            body,
        ));
    }
    let t = permit_admin::one(&s.db, &actor, &code, v.version).await?;
    let history = permit_admin::history(&s.db, &actor, &code).await?;
    let current = history.first().map_or(t.version, |h| h.version);
    Ok(detail_page(PageCtx::new(&ctx), t, current, history).into_response())
}
