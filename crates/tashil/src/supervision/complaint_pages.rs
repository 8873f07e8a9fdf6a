//! HTML pages of complaints and clinics: the public complaint form (`/complaints/new`, a
//! registered unit looked up by name or national ID, or typed; one photo) and its follow-up
//! by code (`/complaints/track`, the code posted, never in an address); the province's list
//! and detail with the office's move (`/supervision/complaints`); the clinics' sessions with
//! booking, cancelling and outcomes (`/supervision/clinics`).

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::Form;
use chrono::{NaiveDateTime, Timelike};
use serde::Deserialize;

use super::clinics::{self, Outcome, SlotView};
use super::complaints::{
    self, ComplaintMove, ComplaintRow, ComplaintView, Filed, Photo, PublicError, Tracked,
    UnitChoice, client_key,
};
use super::error::SupervisionError;
use super::model::clinic::{BookingState, SlotDraft};
use super::model::complaint::{ComplaintDraft, ComplaintState};
use crate::access::complaints as rules;
use crate::kernel::FieldError;
use crate::web::client_addr::ClientAddr;
use crate::web::forms::{FormErrors, Opt, options};
use crate::web::upload_limit::limited;
use crate::web::{AppError, AppState, Authed, Ctx, PageCtx};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/complaints/new",
            get(new_form).merge(limited(post(file), crate::kernel::upload::MAX_BYTES)),
        )
        .route("/complaints/track", get(track_form).post(track))
        .route("/supervision/complaints", get(list))
        .route("/supervision/complaints/{id}", get(detail).post(advance))
        .route("/supervision/complaints/{id}/photos/{photo_id}", get(photo))
        .route("/supervision/clinics", get(sessions).post(offer))
        .route("/supervision/clinics/{id}/book", post(book))
        .route("/supervision/clinics/bookings/{id}/cancel", post(cancel))
        .route("/supervision/clinics/bookings/{id}/outcome", post(outcome))
}

fn province_options(page: &PageCtx, selected: &str) -> Vec<Opt> {
    let mut items = vec![(String::new(), page.t("complaint-choose-province"))];
    items.extend(
        tashil_reference::provinces::PROVINCES
            .iter()
            .map(|p| (p.code.to_string(), p.name(page.lang_code()).to_string())),
    );
    options(items, selected)
}

#[derive(Deserialize, Default)]
struct NewQuery {
    q: Option<String>,
    unit: Option<i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/complaint_new.html")]
struct NewPage {
    page: PageCtx,
    q: String,
    choices: Vec<UnitChoice>,
    searched: bool,
    unit: Option<UnitChoice>,
    provinces: Vec<Opt>,
    typed: HashMap<String, String>,
    errors: FormErrors,
}

impl NewPage {
    fn v(&self, name: &str) -> String {
        self.typed.get(name).cloned().unwrap_or_default()
    }
}

async fn chosen(s: &AppState, id: Option<i64>) -> Result<Option<UnitChoice>, AppError> {
    let Some(id) = id else { return Ok(None) };
    let u = crate::registry::lookup::holder(&s.db, id)
        .await
        .map_err(AppError::from)?;
    Ok(u.map(|u| UnitChoice {
        id: u.id,
        names: u.names,
        province: u.province,
    }))
}

async fn new_page(
    s: &AppState,
    ctx: &Ctx,
    q: NewQuery,
    typed: HashMap<String, String>,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let page = PageCtx::new(ctx);
    let term = q.q.clone().unwrap_or_default();
    let choices = complaints::unit_choices(&s.db, &term).await?;
    let unit = chosen(s, q.unit).await?;
    let province = typed.get("province").cloned().unwrap_or_default();
    crate::web::html(
        status,
        NewPage {
            searched: !term.trim().is_empty(),
            q: term,
            choices,
            unit,
            provinces: province_options(&page, &province),
            typed,
            errors,
            page,
        },
    )
}

async fn new_form(
    State(s): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NewQuery>,
) -> Result<Response, AppError> {
    new_page(
        &s,
        &ctx,
        q,
        HashMap::new(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/complaint_filed.html")]
struct FiledPage {
    page: PageCtx,
    filed: Filed,
}

async fn file(
    State(s): State<AppState>,
    ctx: Ctx,
    ClientAddr(ip): ClientAddr,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let mut up = crate::web::files::read_upload(multipart).await?;
    let f = |n: &str| up.field(n).to_owned();
    let unit_id = up.field("unit_id").parse::<i64>().ok();
    let draft = ComplaintDraft {
        unit_id,
        unit_text: f("unit_text"),
        product: f("product"),
        brand: f("brand"),
        bought_at: f("bought_at"),
        account: f("account"),
        province: f("province"),
        contact_name: f("contact_name"),
        contact_email: f("contact_email"),
        contact_phone: f("contact_phone"),
    };
    let typed = up.fields.clone();
    let photos = up
        .files()
        .into_iter()
        .map(|(name, bytes)| Photo { name, bytes })
        .collect();
    let client = client_key(&s.csrf_secret, &ip);
    let q = NewQuery {
        q: None,
        unit: unit_id,
    };
    match complaints::file(&s.db, &draft, photos, &client, ctx.lang, s.clock.now()).await {
        Ok(filed) => crate::web::html(
            StatusCode::CREATED,
            FiledPage {
                filed,
                page: PageCtx::new(&ctx),
            },
        ),
        Err(PublicError::Desk(SupervisionError::Invalid(errs))) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            new_page(&s, &ctx, q, typed, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(PublicError::SlowDown(wait)) => {
            let page = PageCtx::new(&ctx);
            let minutes = wait.div_ceil(60).max(1);
            let msg = page.t1(
                "complaint-too-many",
                "minutes",
                page.digits(&minutes.to_string()),
            );
            let errors = FormErrors::single("form", msg);
            new_page(&s, &ctx, q, typed, errors, StatusCode::TOO_MANY_REQUESTS).await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/complaint_track.html")]
struct TrackPage {
    page: PageCtx,
    found: Option<Tracked>,
    errors: FormErrors,
}

impl TrackPage {
    fn state(&self, s: &ComplaintState) -> String {
        state_label(&self.page, *s)
    }
}

fn state_label(page: &PageCtx, s: ComplaintState) -> String {
    page.t(&format!("complaint-state-{}", s.as_str().replace('_', "-")))
}

async fn track_form(ctx: Ctx) -> Result<Response, AppError> {
    crate::web::html(
        StatusCode::OK,
        TrackPage {
            found: None,
            errors: FormErrors::default(),
            page: PageCtx::new(&ctx),
        },
    )
}

async fn track(
    State(s): State<AppState>,
    ctx: Ctx,
    ClientAddr(ip): ClientAddr,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let client = client_key(&s.csrf_secret, &ip);
    let code = form.get("code").map_or("", String::as_str);
    let page = PageCtx::new(&ctx);
    let (status, found, errors) = match complaints::track(&s.db, code, &client).await {
        Ok(t) => (StatusCode::OK, Some(t), FormErrors::default()),
        Err(PublicError::Desk(SupervisionError::NotFound)) => (
            StatusCode::NOT_FOUND,
            None,
            FormErrors::single("code", page.t("complaint-code-unknown")),
        ),
        Err(PublicError::SlowDown(wait)) => {
            let minutes = wait.div_ceil(60).max(1).to_string();
            let msg = page.t1("complaint-too-many", "minutes", page.digits(&minutes));
            (
                StatusCode::TOO_MANY_REQUESTS,
                None,
                FormErrors::single("code", msg),
            )
        }
        Err(e) => return Err(e.into()),
    };
    crate::web::html(
        status,
        TrackPage {
            found,
            errors,
            page,
        },
    )
}

#[derive(Deserialize, Default)]
struct PageQuery {
    page: Option<u64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/complaint_list.html")]
struct ListPage {
    page: PageCtx,
    items: Vec<ComplaintRow>,
    page_no: u64,
    has_next: bool,
}

impl ListPage {
    fn state(&self, s: &ComplaintState) -> String {
        state_label(&self.page, *s)
    }
}

async fn list(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(p): Query<PageQuery>,
) -> Result<Response, AppError> {
    let items = complaints::list(&s.db, &actor, p.page).await?;
    crate::web::html(
        StatusCode::OK,
        ListPage {
            page_no: p.page.unwrap_or(1).max(1),
            has_next: items.len() as u64 == complaints::PAGE,
            items,
            page: PageCtx::new(&ctx),
        },
    )
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/complaint_detail.html")]
struct DetailPage {
    page: PageCtx,
    c: ComplaintView,
    can_move: bool,
    states: Vec<Opt>,
    typed: HashMap<String, String>,
    errors: FormErrors,
}

impl DetailPage {
    fn state(&self, s: &ComplaintState) -> String {
        state_label(&self.page, *s)
    }

    fn v(&self, name: &str) -> String {
        self.typed.get(name).cloned().unwrap_or_default()
    }
}

async fn detail_page(
    s: &AppState,
    ctx: &Ctx,
    actor: &crate::access::Actor,
    id: i64,
    typed: HashMap<String, String>,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let c = complaints::get(&s.db, actor, id).await?;
    let page = PageCtx::new(ctx);
    let from = c.row.state;
    let selected = typed.get("state").cloned().unwrap_or_default();
    let states = options(
        ComplaintState::ALL
            .into_iter()
            .filter(|to| from.may_move_to(*to))
            .map(|to| (to.as_str().to_owned(), state_label(&page, to))),
        &selected,
    );
    crate::web::html(
        status,
        DetailPage {
            can_move: rules::authorize_handle(actor).is_ok() && !states.is_empty(),
            states,
            c,
            typed,
            errors,
            page,
        },
    )
}

async fn detail(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    detail_page(
        &s,
        &ctx,
        &actor,
        id,
        HashMap::new(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

async fn advance(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let get = |n: &str| form.get(n).cloned().unwrap_or_default();
    let result = match ComplaintState::parse(&get("state")) {
        None => Err(SupervisionError::Invalid(vec![FieldError::new(
            "state",
            "invalid_choice",
        )])),
        Some(state) => {
            let m = ComplaintMove {
                version: get("version").parse().unwrap_or(0),
                state,
                public_reply: get("public_reply"),
                internal_note: get("internal_note"),
                unfounded: form.contains_key("unfounded"),
            };
            complaints::advance(&s.db, &actor, id, &m, s.clock.now()).await
        }
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/supervision/complaints/{id}")).into_response()),
        Err(SupervisionError::Invalid(errs)) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            detail_page(
                &s,
                &ctx,
                &actor,
                id,
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn photo(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Path((id, photo_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (name, ctype, bytes) = complaints::photo(&s.db, &actor, id, photo_id).await?;
    Ok(crate::web::files::download(&name, ctype, bytes))
}

#[derive(Template, WebTemplate)]
#[template(path = "supervision/clinics.html")]
struct ClinicsPage {
    page: PageCtx,
    items: Vec<SlotView>,
    can_offer: bool,
    /// The national body names the province of a session; an office's is its own.
    pick_province: bool,
    can_book: bool,
    provinces: Vec<Opt>,
    typed: HashMap<String, String>,
    errors: FormErrors,
    page_no: u64,
    has_next: bool,
}

impl ClinicsPage {
    fn v(&self, name: &str) -> String {
        self.typed.get(name).cloned().unwrap_or_default()
    }

    /// When a session starts, on its province's clock: date and hour.
    fn when(&self, s: &SlotView) -> String {
        let local = s
            .starts_at
            .with_timezone(&crate::kernel::clock::zone(&s.province));
        let hm = format!("{:02}:{:02}", local.hour(), local.minute());
        format!("{} {}", self.page.date(&s.starts_at), self.page.digits(&hm))
    }

    fn n(&self, x: &i32) -> String {
        self.page.digits(&x.to_string())
    }

    fn booking_state(&self, b: &BookingState) -> String {
        self.page
            .t(&format!("clinic-booking-{}", b.as_str().replace('_', "-")))
    }
}

async fn clinics_page(
    s: &AppState,
    ctx: &Ctx,
    actor: &crate::access::Actor,
    page_no: Option<u64>,
    typed: HashMap<String, String>,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, AppError> {
    let items = clinics::list(&s.db, actor, page_no).await?;
    let page = PageCtx::new(ctx);
    let grant = rules::authorize_clinics(actor).ok();
    let province = typed.get("province").cloned().unwrap_or_default();
    crate::web::html(
        status,
        ClinicsPage {
            can_offer: grant.is_some(),
            pick_province: grant.as_ref().is_some_and(|g| g.province().is_none()),
            can_book: rules::authorize_book(actor).is_ok(),
            provinces: province_options(&page, &province),
            page_no: page_no.unwrap_or(1).max(1),
            has_next: items.len() as u64 == clinics::PAGE,
            items,
            typed,
            errors,
            page,
        },
    )
}

async fn sessions(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Query(p): Query<PageQuery>,
) -> Result<Response, AppError> {
    clinics_page(
        &s,
        &ctx,
        &actor,
        p.page,
        HashMap::new(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// Renders a clinics write's outcome: back to the list, or the list with its errors.
async fn after(
    s: &AppState,
    ctx: &Ctx,
    actor: &crate::access::Actor,
    result: Result<SlotView, SupervisionError>,
    typed: HashMap<String, String>,
) -> Result<Response, AppError> {
    match result {
        Ok(_) => Ok(Redirect::to("/supervision/clinics").into_response()),
        Err(SupervisionError::Invalid(errs)) => {
            let errors = FormErrors::from_fields(ctx.lang, &errs);
            clinics_page(
                s,
                ctx,
                actor,
                None,
                typed,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

async fn offer(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    rules::authorize_clinics(&actor).map_err(SupervisionError::from)?;
    let get = |n: &str| form.get(n).cloned().unwrap_or_default();
    let province = get("province");
    let grant_province = rules::authorize_clinics(&actor)
        .ok()
        .and_then(|g| g.province().map(str::to_owned));
    let zone_of = grant_province.clone().unwrap_or_else(|| province.clone());
    let starts = NaiveDateTime::parse_from_str(&get("starts_at"), "%Y-%m-%dT%H:%M")
        .ok()
        .and_then(|at| {
            at.and_local_timezone(crate::kernel::clock::zone(&zone_of))
                .earliest()
        })
        .map(|t| t.with_timezone(&chrono::Utc));
    let mut errs = vec![];
    let num = |n: &str, errs: &mut Vec<FieldError>| {
        get(n).trim().parse::<i32>().unwrap_or_else(|_| {
            errs.push(FieldError::new(n, "invalid_number"));
            0
        })
    };
    let minutes = num("minutes", &mut errs);
    let capacity = num("capacity", &mut errs);
    let result = match starts {
        Some(starts_at) if errs.is_empty() => {
            let d = SlotDraft {
                starts_at,
                minutes,
                topic: get("topic"),
                expert_name: get("expert_name"),
                capacity,
                province,
            };
            clinics::offer(&s.db, &actor, &d, s.clock.now()).await
        }
        starts => {
            if starts.is_none() {
                errs.insert(0, FieldError::new("starts_at", "invalid_date"));
            }
            Err(SupervisionError::Invalid(errs))
        }
    };
    after(&s, &ctx, &actor, result, form).await
}

async fn book(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let r = clinics::book(&s.db, &actor, id, s.clock.now()).await;
    after(&s, &ctx, &actor, r, HashMap::new()).await
}

async fn cancel(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let r = clinics::cancel(&s.db, &actor, id, s.clock.now()).await;
    after(&s, &ctx, &actor, r, HashMap::new()).await
}

async fn outcome(
    State(s): State<AppState>,
    Authed(ctx, actor): Authed,
    Path(id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let get = |n: &str| form.get(n).cloned().unwrap_or_default();
    let r = match BookingState::parse(&get("state")) {
        Some(state) => {
            let o = Outcome {
                version: get("version").parse().unwrap_or(0),
                state,
                advice: get("advice"),
            };
            clinics::record(&s.db, &actor, id, &o, s.clock.now()).await
        }
        None => Err(SupervisionError::Invalid(vec![FieldError::new(
            "state",
            "invalid_choice",
        )])),
    };
    after(&s, &ctx, &actor, r, HashMap::new()).await
}
