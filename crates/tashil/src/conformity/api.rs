//! JSON API of conformity assessment under `/api/v1`: accreditations and their scope, the
//! public directory, the labs offered for a request, and test requests.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use super::labs::{self, DirectoryFilter};
use super::model::accreditation::{AccreditationDraft, StatusDraft};
use super::model::custody::{HandOverDraft, SampleAmendmentDraft, SampleDraft};
use super::model::request::{DeclineDraft, TestRequestDraft};
use super::model::scope::ScopeEntryDraft;
use super::push::{self, PushAnswer, PushBody, ResultPush};
use super::requests::{self, RequestFilter};
use super::samples::{self, SampleView};
use super::view::{AccreditationView, DirectoryLine, OfferView, TestRequestView};
use crate::web::upload_limit::{MAX_IMPORT_FILE, limited};
use crate::web::{AppError, AppState, Authed, OnRecord};

pub(super) fn api() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_accreditations, accredit))
        .routes(routes!(get_accreditation))
        .routes(routes!(add_scope_entry))
        .routes(routes!(set_status))
        .routes(routes!(directory))
        .routes(routes!(offers))
        .routes(routes!(list_requests, send))
        .routes(routes!(get_request))
        .routes(routes!(accept))
        .routes(routes!(decline))
        .routes(routes!(get_sample, record_sample))
        .routes(routes!(hand_over))
        .routes(routes!(amend_sample))
        .merge(super::report_api::api())
        .routes(routes!(push_results).map(|m| limited(m, MAX_IMPORT_FILE)))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    pub page: Option<u64>,
}

#[utoipa::path(get, path = "/api/v1/accreditations", tag = "conformity", params(PageQuery),
    responses((status = 200, body = [AccreditationView], description = "the accreditations the caller may read, without their scope"), (status = 403)))]
pub async fn list_accreditations(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(p): Query<PageQuery>,
) -> Result<Json<Vec<AccreditationView>>, AppError> {
    Ok(Json(
        labs::list(&s.db, &actor, p.page, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/accreditations", tag = "conformity", request_body = AccreditationDraft,
    responses((status = 201, body = AccreditationView), (status = 403), (status = 422, description = "problem+json with `errors` per field")))]
pub async fn accredit(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(d): Json<AccreditationDraft>,
) -> Result<Response, AppError> {
    let v = labs::accredit(&s.db, &actor, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(v)).into_response())
}

#[utoipa::path(get, path = "/api/v1/accreditations/{id}", tag = "conformity",
    params(("id" = i64, Path, description = "Accreditation id")),
    responses((status = 200, body = AccreditationView), (status = 404, description = "absent or not the caller's to see")))]
pub async fn get_accreditation(
    OnRecord(s, _, actor, id): OnRecord,
) -> Result<Json<AccreditationView>, AppError> {
    Ok(Json(labs::get(&s.db, &actor, id, s.clock.now()).await?))
}

#[utoipa::path(post, path = "/api/v1/accreditations/{id}/scope", tag = "conformity", request_body = ScopeEntryDraft,
    params(("id" = i64, Path, description = "Accreditation id")),
    responses((status = 200, body = AccreditationView), (status = 403), (status = 404),
        (status = 422, description = "problem+json with `errors` per field (`unknown_standard`, `unknown_clause`, `duplicate_scope_entry`)")))]
pub async fn add_scope_entry(
    OnRecord(s, _, actor, id): OnRecord,
    Json(d): Json<ScopeEntryDraft>,
) -> Result<Json<AccreditationView>, AppError> {
    Ok(Json(
        labs::add_scope_entry(&s.db, &actor, id, &d, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/accreditations/{id}/status", tag = "conformity", request_body = StatusDraft,
    params(("id" = i64, Path, description = "Accreditation id")),
    responses((status = 200, body = AccreditationView), (status = 403), (status = 404),
        (status = 409, description = "`conformity_state_conflict`: withdrawn, or already at that status")))]
pub async fn set_status(
    OnRecord(s, _, actor, id): OnRecord,
    Json(d): Json<StatusDraft>,
) -> Result<Json<AccreditationView>, AppError> {
    Ok(Json(
        labs::set_status(&s.db, &actor, id, &d, s.clock.now()).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/labs", tag = "conformity", params(DirectoryFilter),
    responses((status = 200, body = [DirectoryLine], description = "labs whose accreditation is active and valid today, with the scope entries that match")))]
pub async fn directory(
    State(s): State<AppState>,
    Query(f): Query<DirectoryFilter>,
) -> Result<Json<Vec<DirectoryLine>>, AppError> {
    Ok(Json(labs::directory(&s.db, &f, s.clock.now()).await?))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OfferQuery {
    /// The catalogue standard.
    pub standard_id: i64,
    /// The clauses asked, comma-separated (`5.1,5.2`).
    pub clauses: String,
}

#[utoipa::path(get, path = "/api/v1/test-requests/offers", tag = "conformity", params(OfferQuery),
    responses((status = 200, body = [OfferView], description = "labs covering every clause first, then those covering part"),
        (status = 403), (status = 422, description = "`unknown_standard`, `unknown_clause`")))]
pub async fn offers(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(q): Query<OfferQuery>,
) -> Result<Json<Vec<OfferView>>, AppError> {
    Ok(Json(
        requests::offers(&s.db, &actor, q.standard_id, &[q.clauses], s.clock.now()).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/test-requests", tag = "conformity", params(RequestFilter),
    responses((status = 200, body = [TestRequestView]), (status = 403)))]
pub async fn list_requests(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Query(f): Query<RequestFilter>,
) -> Result<Json<Vec<TestRequestView>>, AppError> {
    Ok(Json(requests::list(&s.db, &actor, &f).await?))
}

#[utoipa::path(post, path = "/api/v1/test-requests", tag = "conformity", request_body = TestRequestDraft,
    responses((status = 201, body = TestRequestView), (status = 403),
        (status = 422, description = "problem+json with `errors` per field (`lab_not_offered` when the lab does not cover every clause with an accreditation in force)")))]
pub async fn send(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    Json(d): Json<TestRequestDraft>,
) -> Result<Response, AppError> {
    let v = requests::send(&s.db, &actor, &d, s.clock.now()).await?;
    Ok((StatusCode::CREATED, Json(v)).into_response())
}

#[utoipa::path(get, path = "/api/v1/test-requests/{id}", tag = "conformity",
    params(("id" = i64, Path, description = "Request id")),
    responses((status = 200, body = TestRequestView), (status = 404, description = "absent or not the caller's to see")))]
pub async fn get_request(
    OnRecord(s, _, actor, id): OnRecord,
) -> Result<Json<TestRequestView>, AppError> {
    Ok(Json(requests::get(&s.db, &actor, id).await?))
}

#[utoipa::path(post, path = "/api/v1/test-requests/{id}/accept", tag = "conformity",
    params(("id" = i64, Path, description = "Request id")),
    responses((status = 200, body = TestRequestView), (status = 403), (status = 404),
        (status = 409, description = "`conformity_state_conflict`: already answered")))]
pub async fn accept(
    OnRecord(s, _, actor, id): OnRecord,
) -> Result<Json<TestRequestView>, AppError> {
    Ok(Json(
        requests::accept(&s.db, &actor, id, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/test-requests/{id}/decline", tag = "conformity", request_body = DeclineDraft,
    params(("id" = i64, Path, description = "Request id")),
    responses((status = 200, body = TestRequestView), (status = 403), (status = 404),
        (status = 409, description = "`conformity_state_conflict`: already answered"),
        (status = 422, description = "the reason is required")))]
pub async fn decline(
    OnRecord(s, _, actor, id): OnRecord,
    Json(d): Json<DeclineDraft>,
) -> Result<Json<TestRequestView>, AppError> {
    Ok(Json(
        requests::decline(&s.db, &actor, id, &d, s.clock.now()).await?,
    ))
}

#[utoipa::path(get, path = "/api/v1/test-requests/{id}/sample", tag = "conformity",
    params(("id" = i64, Path, description = "Request id")),
    responses((status = 200, body = Option<SampleView>, description = "the sample with its chain of custody and the chain's flags; null before it is recorded"),
        (status = 404, description = "absent or not the caller's to see")))]
pub async fn get_sample(
    OnRecord(s, _, actor, id): OnRecord,
) -> Result<Json<Option<SampleView>>, AppError> {
    Ok(Json(samples::get(&s.db, &actor, id).await?))
}

#[utoipa::path(post, path = "/api/v1/test-requests/{id}/sample", tag = "conformity", request_body = SampleDraft,
    params(("id" = i64, Path, description = "Request id")),
    responses((status = 200, body = Option<SampleView>), (status = 403), (status = 404),
        (status = 409, description = "`conformity_state_conflict`: the sample is recorded already"),
        (status = 422, description = "problem+json with `errors` per field")))]
pub async fn record_sample(
    OnRecord(s, _, actor, id): OnRecord,
    Json(d): Json<SampleDraft>,
) -> Result<Json<Option<SampleView>>, AppError> {
    Ok(Json(
        samples::record_sample(&s.db, &actor, id, &d, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/test-requests/{id}/hand-overs", tag = "conformity", request_body = HandOverDraft,
    params(("id" = i64, Path, description = "Request id")),
    responses((status = 200, body = Option<SampleView>), (status = 403), (status = 404),
        (status = 409, description = "`conformity_state_conflict`: no sample recorded yet"),
        (status = 422, description = "problem+json with `errors` per field")))]
pub async fn hand_over(
    OnRecord(s, _, actor, id): OnRecord,
    Json(d): Json<HandOverDraft>,
) -> Result<Json<Option<SampleView>>, AppError> {
    Ok(Json(
        samples::hand_over(&s.db, &actor, id, &d, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/test-requests/{id}/sample/amendments", tag = "conformity", request_body = SampleAmendmentDraft,
    params(("id" = i64, Path, description = "Request id")),
    responses((status = 200, body = Option<SampleView>, description = "the sample as amended, with every amendment (values before and after)"),
        (status = 403, description = "not the addressed lab's user"),
        (status = 404, description = "absent, not the caller's to see, or no sample recorded yet"),
        (status = 409, description = "`sample_report_released`: a revision of the report is released; the sample's record stands as reported"),
        (status = 422, description = "problem+json with `errors` per field (`reason` required; `sample_unchanged`)")))]
pub async fn amend_sample(
    OnRecord(s, _, actor, id): OnRecord,
    Json(d): Json<SampleAmendmentDraft>,
) -> Result<Json<Option<SampleView>>, AppError> {
    Ok(Json(
        samples::amend(&s.db, &actor, id, &d, s.clock.now()).await?,
    ))
}

#[utoipa::path(post, path = "/api/v1/lab/results", tag = "conformity",
    request_body(description = "A lab's results, each row naming its request (accepted by the caller's lab) and clause: \
JSON `{\"results\": [...]}`, or a CSV (`text/csv`; UTF-8, a BOM, `,` `;` or tab separated) or XLSX sheet whose header row names the same fields. \
At most 20,000 rows (`MAX_RESULT_ROWS`) and 64 MB a call: split larger sets into several calls (each is all or nothing). \
Numbers may be sent as JSON numbers or as text (any digit script, or E notation). \
A row already stored (the same report and clause, or the lab's `lab_result_id`) is `unchanged`: a call sent again writes nothing twice.",
        content(
            (ResultPush = "application/json", example = json!({"results": [
                {"request_id": "42", "clause": "5.1", "value": "45.2", "unit": "MPA", "uncertainty": "0.8", "coverage": "2",
                 "method": "INSO 393", "instrument": "CTM-1", "measured_on": "2026-12-01", "lab_result_id": "LIMS-2026-0001"},
                {"request_id": "42", "clause": "5.2", "value": "۳٫۱", "unit": "P1", "uncertainty": "0.2", "lab_result_id": "LIMS-2026-0002"}]})),
            ("text/csv", example = json!("request_id;clause;value;unit;uncertainty;lab_result_id\n42;5.1;45.2;MPA;0.8;LIMS-2026-0001\n42;5.2;3.1;P1;0.2;LIMS-2026-0002\n"))
        )),
    responses(
        (status = 200, body = PushAnswer, description = "every row written (or already stored), with its verdict; `row` is the index in `results` (JSON) or the sheet's line (the header is line 1)",
            example = json!({"results": [
                {"row": 0, "request_id": 42, "clause": "5.1", "verdict": "pass", "written": "created"},
                {"row": 1, "request_id": 42, "clause": "5.2", "verdict": "inconclusive", "written": "unchanged"}]})),
        (status = 401), (status = 403, description = "not a lab's user"),
        (status = 413, description = "over 64 MB"),
        (status = 422, description = "problem+json, nothing written: `errors` name each row and field as `results[ROW].FIELD` (`unknown_request` for a request not the caller's lab's, `clause_not_covered`, `instrument_overdue`…), `file` for a sheet that cannot be read, `results` with `too_many_results` over 20,000 rows",
            example = json!({"type": "about:blank", "status": 422, "code": "validation_failed", "errors": [
                {"field": "results[3].unit", "code": "unit_inconvertible", "message": "…", "detail": "KGM → MPA"}]}))))]
pub async fn push_results(
    State(s): State<AppState>,
    Authed(_, actor): Authed,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<PushAnswer>, AppError> {
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let body = if ctype.starts_with("application/json") {
        PushBody::Json(&body)
    } else if ctype.contains("spreadsheetml") {
        PushBody::Sheet("results.xlsx", &body)
    } else if ctype.starts_with("text/csv") {
        PushBody::Sheet("results.csv", &body)
    } else {
        return Err(AppError::BadRequest("unsupported_format"));
    };
    let results = push::push(&s.db, &actor, body, s.clock.now()).await?;
    Ok(Json(PushAnswer { results }))
}
