//! HTML pages of quality assurance: the characteristics in reach, a new one (and changing
//! one), a characteristic's page (limits, capability, latest subgroups, violations; the
//! phone form that types one subgroup and the form that sets the limits), and the upload of
//! a CSV or XLSX file of subgroups with its row report.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use serde::Deserialize;

use super::characteristics;
use super::error::QualityError;
use super::limits::{self, LimitsDraft};
use super::model::characteristic::{CHARTS, CharacteristicDraft, FREQUENCIES};
use super::model::subgroup::SubgroupInput;
use super::view::{CharacteristicDetail, CharacteristicView, figure, maybe};
use crate::access::Actor;
use crate::access::quality as rules;
use crate::kernel::FieldError;
use crate::kernel::import::{ImportReport, Issue};
use crate::web::forms::FormErrors;
use crate::web::import_page::{self, ImportTarget};
use crate::web::record::{PageResult, RecordPage, settle, show};
use crate::web::upload_limit::{MAX_IMPORT_FILE, limited};
use crate::web::{AppError, AppState, Authed, Ctx, OnRecord, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/quality", get(list))
        .route("/quality/new", get(new_form).post(create))
        .route(
            "/quality/upload",
            get(upload_form).merge(limited(post(upload), MAX_IMPORT_FILE)),
        )
        .route("/quality/upload/template.csv", get(upload_template))
        .route("/quality/{id}", get(show::<CharacteristicPage>))
        .route("/quality/{id}/edit", get(edit_form).post(edit))
        .route("/quality/{id}/subgroups", post(add_subgroup))
        .route("/quality/{id}/limits", post(set_limits))
}

#[derive(Deserialize, Default)]
struct PageQuery {
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "quality/list.html")]
struct ListPage {
    page: PageCtx,
    items: Vec<CharacteristicView>,
    page_no: u64,
    has_next: bool,
    can_manage: bool,
}

async fn list(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(p): Query<PageQuery>,
) -> Result<Response, AppError> {
    let items = characteristics::list(&s.db, &actor, p.page).await?;
    crate::web::html(
        StatusCode::OK,
        ListPage {
            page_no: p.page.unwrap_or(1).max(1),
            has_next: items.len() as u64 == characteristics::PAGE,
            can_manage: rules::authorize_manage(&actor).is_ok(),
            items,
            page: PageCtx::new(&ctx),
        },
    )
}

/// The choices of the characteristic form.
struct Choices {
    charts: Vec<&'static str>,
    frequencies: Vec<&'static str>,
    rules: Vec<u8>,
}

impl Choices {
    fn new() -> Choices {
        Choices {
            charts: CHARTS.iter().map(|(c, _)| *c).collect(),
            frequencies: FREQUENCIES.to_vec(),
            rules: (1..=8).collect(),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "quality/form.html")]
struct FormPage {
    page: PageCtx,
    /// Where it posts: `/quality/new` or `/quality/{id}/edit`.
    action: String,
    editing: bool,
    d: CharacteristicDraft,
    choices: Choices,
    errors: FormErrors,
}

impl FormPage {
    fn chart_key(&self, c: &str) -> String {
        format!("quality-chart-{}", c.replace('_', "-"))
    }

    fn frequency_key(&self, f: &str) -> String {
        format!("quality-frequency-{}", f.replace('_', "-"))
    }

    fn rule_key(&self, n: &u8) -> String {
        format!("quality-nelson-{n}")
    }

    fn chart_selected(&self, c: &str) -> bool {
        self.d.chart_kind == c
    }

    fn frequency_selected(&self, f: &str) -> bool {
        self.d.frequency == f
    }

    fn has_rule(&self, n: &u8) -> bool {
        self.d.rules.iter().any(|r| r.trim() == n.to_string())
    }
}

fn form_page(
    ctx: &Ctx,
    action: String,
    editing: bool,
    d: CharacteristicDraft,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    crate::web::html(
        status,
        FormPage {
            page: PageCtx::new(ctx),
            action,
            editing,
            d,
            choices: Choices::new(),
            errors,
        },
    )
}

async fn new_form(Authed(ctx, actor): Authed) -> Result<Response, AppError> {
    rules::authorize_manage(&actor).map_err(QualityError::from)?;
    let d = CharacteristicDraft {
        chart_kind: "xbar_r".into(),
        subgroup_size: "5".into(),
        frequency: "hourly".into(),
        rules: (1..=8).map(|n| n.to_string()).collect(),
        capability_target: "1.33".into(),
        ..Default::default()
    };
    form_page(
        &ctx,
        "/quality/new".into(),
        false,
        d,
        FormErrors::default(),
        StatusCode::OK,
    )
}

async fn create(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(d): Form<CharacteristicDraft>,
) -> Result<Response, AppError> {
    match characteristics::create(&s.db, &actor, &d, s.clock.now()).await {
        Ok(v) => Ok(Redirect::to(&format!("/quality/{}", v.id)).into_response()),
        Err(QualityError::Invalid(errs)) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            form_page(
                &ctx,
                "/quality/new".into(),
                false,
                d,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(e) => Err(e.into()),
    }
}

fn draft_of(c: &CharacteristicView) -> CharacteristicDraft {
    let opt = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    CharacteristicDraft {
        code: c.code.clone(),
        product_line: c.product_line.clone(),
        name: c.name.clone(),
        chart_kind: c.chart_kind.clone(),
        uom: c.uom.clone(),
        target: opt(c.target),
        lower_spec: opt(c.lower_spec),
        upper_spec: opt(c.upper_spec),
        standard_id: c.standard_id.map(|s| s.to_string()).unwrap_or_default(),
        clause: c.clause_number.clone().unwrap_or_default(),
        subgroup_size: c.subgroup_size.to_string(),
        frequency: c.frequency.clone(),
        rules: c.rules.iter().map(|n| n.to_string()).collect(),
        capability_target: opt(c.capability_target),
        version: c.version.to_string(),
    }
}

async fn edit_form(OnRecord(s, ctx, actor, id): OnRecord) -> Result<Response, AppError> {
    let d = characteristics::get(&s.db, &actor, id).await?;
    rules::authorize_manage(&actor).map_err(QualityError::from)?;
    form_page(
        &ctx,
        format!("/quality/{id}/edit"),
        true,
        draft_of(&d.characteristic),
        FormErrors::default(),
        StatusCode::OK,
    )
}

async fn edit(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(d): Form<CharacteristicDraft>,
) -> Result<Response, AppError> {
    match characteristics::update(&s.db, &actor, id, &d, s.clock.now()).await {
        Ok(_) => Ok(Redirect::to(&format!("/quality/{id}")).into_response()),
        Err(QualityError::Invalid(errs)) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            form_page(
                &ctx,
                format!("/quality/{id}/edit"),
                true,
                d,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "quality/characteristic.html")]
struct CharacteristicPage {
    page: PageCtx,
    c: CharacteristicDetail,
    /// The characteristic itself (`c.characteristic`), named short in the template.
    k: CharacteristicView,
    can_manage: bool,
    /// The control chart, drawn here (SVG markup); absent before limits are set.
    chart: Option<String>,
    /// How many subgroups the chart draws, when fewer than the characteristic has.
    chart_shown: Option<u64>,
    /// A fresh batch id for the subgroup form: a form sent twice stores its subgroup once.
    form_batch: String,
    errors: FormErrors,
    /// Its advice not closed, as the reader may see them (the office: escalated only).
    advice: Vec<super::advices::AdviceView>,
}

impl CharacteristicPage {
    fn advice_words(&self, a: &super::advices::AdviceView) -> String {
        super::advice_pages::trigger_words(&self.page, a)
    }

    fn figure(&self, x: &f64) -> String {
        self.page.digits(&figure(*x))
    }

    fn maybe(&self, x: &Option<f64>) -> String {
        self.page.digits(&maybe(x))
    }

    fn is_variable(&self) -> bool {
        self.k.kind == "variable"
    }

    fn counts_defectives(&self) -> bool {
        matches!(self.k.chart_kind.as_str(), "p" | "np")
    }

    fn rule_key(&self, code: &str) -> String {
        format!("quality-rule-{}", code.replace('_', "-"))
    }
}

impl RecordPage for CharacteristicPage {
    const BASE: &str = "/quality";

    async fn render(rec: &OnRecord, errors: FormErrors, status: StatusCode) -> PageResult {
        let &OnRecord(ref s, ref ctx, ref actor, id) = rec;
        let (c, series) = characteristics::with_chart(&s.db, actor, id).await?;
        let page = PageCtx::new(ctx);
        let chart = series
            .as_ref()
            .map(|series| super::chart_svg::svg(&page, &c.characteristic.name, series));
        let chart_shown = series
            .map(|series| series.measured_at.len() as u64)
            .filter(|shown| *shown < c.subgroups);
        crate::web::html(
            status,
            CharacteristicPage {
                page,
                chart,
                chart_shown,
                can_manage: manages(actor),
                form_batch: format!("form-{}", uuid::Uuid::new_v4()),
                advice: super::advices::of_characteristic(&s.db, actor, id).await?,
                k: c.characteristic.clone(),
                c,
                errors,
            },
        )
    }
}

/// A unit's user (reading a characteristic already means it is its unit's).
fn manages(actor: &Actor) -> bool {
    rules::authorize_manage(actor).is_ok()
}

/// One subgroup typed on a phone: its time, and its values or counts.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct SubgroupForm {
    batch: String,
    measured_at: String,
    values: String,
    defective: String,
    inspected: String,
    defects: String,
    units: String,
}

async fn add_subgroup(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<SubgroupForm>,
) -> Result<Response, AppError> {
    let r = async {
        let c = characteristics::get(&s.db, &actor, id).await?;
        let some = |t: &str| {
            (!t.trim().is_empty()).then(|| serde_json::Value::String(t.trim().to_string()))
        };
        let row = SubgroupInput {
            characteristic: c.characteristic.code.clone(),
            measured_at: f.measured_at.clone(),
            values: f
                .values
                .split(|ch: char| ch.is_whitespace() || ch == '|' || ch == '؛' || ch == ';')
                .filter(|v| !v.is_empty())
                .map(|v| serde_json::Value::String(v.to_string()))
                .collect(),
            defective: some(&f.defective),
            inspected: some(&f.inspected),
            defects: some(&f.defects),
            units: some(&f.units),
            unit: None,
        };
        super::ingest::ingest(&s.db, &actor, &f.batch, &[row], &[0], s.clock.now())
            .await
            .map_err(|e| match e {
                QualityError::Invalid(errs) => QualityError::Invalid(
                    errs.into_iter()
                        .map(|e| FieldError {
                            field: e.field.trim_start_matches("subgroups[0].").to_string(),
                            ..e
                        })
                        .collect(),
                ),
                other => other,
            })
    }
    .await;
    settle::<CharacteristicPage, _, _>(OnRecord(s, ctx, actor, id), "subgroup", r).await
}

async fn set_limits(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(d): Form<LimitsDraft>,
) -> Result<Response, AppError> {
    let r = limits::set(&s.db, &actor, id, &d, s.clock.now()).await;
    settle::<CharacteristicPage, _, _>(OnRecord(s, ctx, actor, id), "limits", r).await
}

fn upload_target() -> ImportTarget {
    ImportTarget {
        action: "/quality/upload",
        title_key: "quality-upload-title",
        hint_key: "quality-upload-hint",
        list_href: "/quality",
        list_key: "quality-title",
        done_key: "quality-upload-done",
        accept: ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        template: Some("/quality/upload/template.csv"),
    }
}

fn column_help() -> Vec<(String, bool)> {
    super::sheet::COLUMNS
        .iter()
        .map(|c| {
            (
                c.to_string(),
                matches!(*c, "characteristic" | "measured_at"),
            )
        })
        .collect()
}

async fn upload_form(Authed(ctx, actor): Authed) -> Result<Response, AppError> {
    rules::authorize_manage(&actor).map_err(QualityError::from)?;
    Ok(import_page::form(&ctx, upload_target(), column_help()))
}

async fn upload_template(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
) -> Result<Response, AppError> {
    let csv = super::upload::template(&s.db, &actor, s.clock.now()).await?;
    Ok(import_page::attachment(
        "text/csv; charset=utf-8",
        "subgroups.csv",
        csv,
    ))
}

async fn upload(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    multipart: Multipart,
) -> Result<Response, AppError> {
    rules::authorize_manage(&actor).map_err(QualityError::from)?;
    let (db, actor, now) = (&s.db, &actor, s.clock.now());
    import_page::upload(
        &ctx,
        upload_target(),
        column_help(),
        multipart,
        |name, bytes, _opts| async move { upload_report(db, actor, &name, &bytes, now).await },
    )
    .await
}

/// A file's subgroups stored (the file's SHA-256 is its batch id: the same file uploaded
/// again stores nothing twice), or every problem located by row and column.
async fn upload_report(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    name: &str,
    bytes: &[u8],
    now: chrono::DateTime<chrono::Utc>,
) -> Result<ImportReport, QualityError> {
    let outcome = match super::sheet::read(name, bytes) {
        Ok((lines, rows)) => {
            let batch = super::upload::digest(bytes);
            super::ingest::ingest(db, actor, &batch, &rows, &lines, now).await
        }
        Err(e) => Err(e),
    };
    match outcome {
        Ok(a) => Ok(ImportReport {
            imported: a.stored,
            ..Default::default()
        }),
        Err(QualityError::Invalid(errs)) => Ok(ImportReport {
            errors: errs.into_iter().map(issue).collect(),
            ..Default::default()
        }),
        Err(e) => Err(e),
    }
}

/// `subgroups[7].values` becomes row 7, column `values`; anything else is the file's.
fn issue(e: FieldError) -> Issue {
    let located = e
        .field
        .strip_prefix("subgroups[")
        .and_then(|rest| rest.split_once("]."))
        .and_then(|(row, field)| Some((row.parse::<usize>().ok()?, field.to_string())));
    let i = match located {
        Some((row, field)) => Issue::at(row, None, Some(field), e.code),
        None => Issue::file(e.code),
    };
    match e.detail {
        Some(d) => i.with_detail(d),
        None => i,
    }
}
