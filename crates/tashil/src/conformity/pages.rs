//! HTML pages of labs and their accreditations: the public directory, the accreditations'
//! register with the national body's forms, and one accreditation with its scope.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;

use super::labs::{self, DirectoryFilter};
use super::model::accreditation::{AccreditationDraft, AccreditationStatus, StatusDraft};
use super::model::scope::ScopeEntryDraft;
use super::view::{AccreditationView, DirectoryLine};
use crate::access::conformity as rules;
use crate::access::{Actor, OrganisationKind};
use crate::web::forms::{FormErrors, Opt, options};
use crate::web::import_page::{self, ImportTarget};
use crate::web::record::{PageResult, RecordPage, settle, show};
use crate::web::upload_limit::{MAX_IMPORT_FILE, limited};
use crate::web::{AppError, AppState, Authed, Ctx, OnRecord, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/labs", get(directory))
        .route("/accreditations", get(list).post(accredit))
        .route(
            "/accreditations/import",
            get(import_form).merge(limited(post(import_upload), MAX_IMPORT_FILE)),
        )
        .route("/accreditations/{id}", get(show::<AccreditationPage>))
        .route("/accreditations/{id}/scope", post(add_scope_entry))
        .route("/accreditations/{id}/status", post(set_status))
        .merge(super::request_pages::routes())
}

#[derive(Template, WebTemplate)]
#[template(path = "conformity/directory.html")]
struct DirectoryPage {
    page: PageCtx,
    lines: Vec<DirectoryLine>,
    q: String,
    provinces: Vec<Opt>,
    page_no: u64,
    has_next: bool,
    /// The search as a query string, without the page.
    query: String,
}

fn province_options(page: &PageCtx, selected: &str) -> Vec<Opt> {
    let mut items = vec![(String::new(), page.t("labs-any-province"))];
    items.extend(
        tashil_reference::provinces::PROVINCES
            .iter()
            .map(|p| (p.code.to_string(), p.name(page.lang_code()).to_string())),
    );
    options(items, selected)
}

async fn directory(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(f): Query<DirectoryFilter>,
) -> Result<Response, AppError> {
    let lines = labs::directory(&s.db, &f, s.clock.now()).await?;
    let page = PageCtx::new(&ctx);
    let q = f.q.clone().unwrap_or_default();
    let province = f.province.clone().unwrap_or_default();
    let query =
        serde_html_form::to_string([("q", &q), ("province", &province)]).unwrap_or_default();
    Ok(DirectoryPage {
        provinces: province_options(&page, &province),
        page_no: f.page.unwrap_or(1).max(1),
        has_next: lines.len() as u64 == labs::PAGE,
        lines,
        q,
        query,
        page,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "conformity/accreditations.html")]
struct ListPage {
    page: PageCtx,
    items: Vec<AccreditationView>,
    page_no: u64,
    has_next: bool,
    can_accredit: bool,
    labs: Vec<Opt>,
    d: AccreditationDraft,
    errors: FormErrors,
}

#[derive(serde::Deserialize, Default)]
struct PageQuery {
    page: Option<u64>,
}

/// The labs and certification bodies the national body may accredit, by name.
async fn lab_options(s: &AppState, page: &PageCtx, selected: &str) -> Result<Vec<Opt>, AppError> {
    let mut items = vec![(String::new(), String::new())];
    for kind in [OrganisationKind::Lab, OrganisationKind::CertificationBody] {
        for (id, [fa, en, vi]) in crate::identity::organisations_of(&s.db, kind, None).await? {
            items.push((
                id.to_string(),
                crate::kernel::display_name(page.lang, &fa, &en, &vi).to_string(),
            ));
        }
    }
    Ok(options(items, selected))
}

async fn render_list(
    s: &AppState,
    ctx: &Ctx,
    actor: &Actor,
    page_no: Option<u64>,
    d: AccreditationDraft,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let items = labs::list(&s.db, actor, page_no, s.clock.now()).await?;
    let page = PageCtx::new(ctx);
    let can_accredit = rules::authorize_accreditation(actor).is_ok();
    let labs_opts = if can_accredit {
        lab_options(s, &page, &d.lab_org_id).await?
    } else {
        vec![]
    };
    crate::web::html(
        status,
        ListPage {
            page_no: page_no.unwrap_or(1).max(1),
            has_next: items.len() as u64 == labs::PAGE,
            items,
            can_accredit,
            labs: labs_opts,
            d,
            errors,
            page,
        },
    )
}

async fn list(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(p): Query<PageQuery>,
) -> Result<Response, AppError> {
    render_list(
        &s,
        &ctx,
        &actor,
        p.page,
        AccreditationDraft::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn accredit(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(d): Form<AccreditationDraft>,
) -> Result<Response, AppError> {
    match labs::accredit(&s.db, &actor, &d, s.clock.now()).await {
        Ok(v) => Ok(Redirect::to(&format!("/accreditations/{}", v.id)).into_response()),
        Err(super::ConformityError::Invalid(errs)) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            render_list(
                &s,
                &ctx,
                &actor,
                None,
                d,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "conformity/accreditation.html")]
struct AccreditationPage {
    page: PageCtx,
    a: AccreditationView,
    can_manage: bool,
    statuses: Vec<Opt>,
    errors: FormErrors,
}

impl RecordPage for AccreditationPage {
    const BASE: &str = "/accreditations";

    async fn render(rec: &OnRecord, errors: FormErrors, status: StatusCode) -> PageResult {
        let &OnRecord(ref s, ref ctx, ref actor, id) = rec;
        let page = PageCtx::new(ctx);
        let a = labs::get(&s.db, actor, id, s.clock.now()).await?;
        let statuses = options(
            AccreditationStatus::ALL.iter().map(|st| {
                (
                    st.as_str().to_string(),
                    page.t(&format!("accreditation-status-{}", st.as_str())),
                )
            }),
            a.status.as_str(),
        );
        crate::web::html(
            status,
            AccreditationPage {
                can_manage: rules::authorize_accreditation(actor).is_ok(),
                statuses,
                errors,
                page,
                a,
            },
        )
    }
}

async fn add_scope_entry(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(d): Form<ScopeEntryDraft>,
) -> Result<Response, AppError> {
    let r = labs::add_scope_entry(&s.db, &actor, id, &d, s.clock.now()).await;
    settle::<AccreditationPage, _, _>(OnRecord(s, ctx, actor, id), "scope", r).await
}

async fn set_status(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(d): Form<StatusDraft>,
) -> Result<Response, AppError> {
    let r = labs::set_status(&s.db, &actor, id, &d, s.clock.now()).await;
    settle::<AccreditationPage, _, _>(OnRecord(s, ctx, actor, id), "status", r).await
}

fn import_target() -> ImportTarget {
    ImportTarget {
        action: "/accreditations/import",
        title_key: "accreditations-import-title",
        hint_key: "accreditations-import-hint",
        list_href: "/accreditations",
        list_key: "accreditations-title",
        done_key: "accreditations-import-done",
        accept: ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        template: None,
    }
}

/// The columns a file may hold, as its header names them, and whether each is required.
fn column_help() -> Vec<(String, bool)> {
    super::import::COLUMNS
        .iter()
        .map(|c| (c.to_string(), super::import::REQUIRED.contains(c)))
        .collect()
}

async fn import_form(Authed(ctx, actor): Authed) -> Result<Response, AppError> {
    rules::authorize_accreditation(&actor).map_err(super::ConformityError::from)?;
    Ok(import_page::form(&ctx, import_target(), column_help()))
}

async fn import_upload(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    multipart: Multipart,
) -> Result<Response, AppError> {
    rules::authorize_accreditation(&actor).map_err(super::ConformityError::from)?;
    let (db, actor, now) = (&s.db, &actor, s.clock.now());
    import_page::upload(
        &ctx,
        import_target(),
        column_help(),
        multipart,
        |name, bytes, opts| async move {
            super::import::import(db, actor, &name, &bytes, &opts, now).await
        },
    )
    .await
}
