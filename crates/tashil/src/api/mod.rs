//! The JSON API under `/api/v1`: routes, the OpenAPI 3.1 document generated from the
//! handlers' annotations, and a human docs page rendered from that document.

mod docs;

use axum::Router;
use axum::routing::{get, post};
use utoipa::OpenApi;

use crate::app::AppState;
use crate::web::upload_limit::limited;
use crate::{audit, deregulation, facilitation, registry, standards};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Tashil API",
        version = "1",
        description = "Registry of production units, the provincial industrial profile, and the standards catalogue with its mandatory list and public enquiries. Authenticate with `Authorization: Bearer <token>` (see `tashil token create`). Errors are RFC 9457 problem+json."
    ),
    paths(
        registry::api::list,
        registry::api::get,
        registry::api::create,
        registry::api::update,
        registry::api::province_profile,
        standards::api::list,
        standards::api::suggest,
        standards::api::get,
        standards::api::create,
        standards::api::update,
        standards::api::transition,
        standards::api::set_mandatory,
        standards::api::comments,
        standards::api::comment,
        standards::api::respond,
        standards::api::mandatory_for_hs,
        standards::api::province_mandatory,
        facilitation::api::report,
        facilitation::api::list,
        facilitation::api::get,
        facilitation::api::triage,
        facilitation::api::add_info,
        facilitation::api::confirm,
        facilitation::api::dispute,
        facilitation::api::create_body,
        facilitation::api::bodies,
        facilitation::api::schedule,
        facilitation::api::agenda,
        facilitation::api::record,
        facilitation::api::invite,
        facilitation::api::put_member,
        facilitation::api::remove_member,
        facilitation::api::meeting,
        facilitation::api::resolve,
        facilitation::api::resolutions,
        facilitation::api::progress,
        facilitation::api::public_stats,
        facilitation::api::attach,
        facilitation::api::cancel,
        facilitation::api::download,
        deregulation::api::report,
        deregulation::api::list,
        deregulation::api::get,
        deregulation::api::review,
        deregulation::api::decide,
        deregulation::api::publish,
        deregulation::api::province_published,
        audit::public::list,
        audit::public::latest,
    ),
    components(schemas(
        registry::UnitPage,
        registry::UnitSummary,
        registry::UnitDetail,
        registry::UnitDraft,
        registry::ProductDraft,
        registry::QcManagerDraft,
        registry::profile::Profile,
        registry::profile::DivisionRow,
        registry::api::Created,
        standards::StandardDraft,
        standards::ProductScopeDraft,
        standards::ClauseDraft,
        standards::Status,
        standards::StandardView,
        standards::service::StandardRef,
        standards::service::ProductScopeView,
        standards::service::ClauseView,
        standards::search::SearchPage,
        standards::search::SearchHit,
        standards::search::Fragment,
        standards::search::FacetCount,
        standards::search::SearchFacets,
        standards::search::Suggestion,
        standards::api::TransitionBody,
        standards::api::MandatoryBody,
        standards::api::ResponseBody,
        standards::enquiry::CommentDraft,
        standards::enquiry::CommentView,
        standards::enquiry::Decision,
        standards::mandatory::MandatoryMatch,
        standards::mandatory::ProvinceMandatory,
        standards::mandatory::UnitUnderMandatory,
        facilitation::model::CaseDraft,
        facilitation::model::ResolutionDraft,
        facilitation::model::Category,
        facilitation::model::CaseStatus,
        facilitation::model::ResolutionStatus,
        facilitation::model::BodyKind,
        facilitation::cases::CaseSummary,
        facilitation::cases::CaseView,
        facilitation::cases::CaseEvent,
        facilitation::cases::ResolutionView,
        facilitation::cases::Triage,
        facilitation::bodies::BodyDraft,
        facilitation::bodies::BodyView,
        facilitation::meetings::AgendaDraft,
        facilitation::meetings::MeetingRecord,
        facilitation::followup::Progress,
        facilitation::public::PublicStats,
        facilitation::public::CategoryRow,
        facilitation::public::AgencyRow,
        facilitation::api::NoteBody,
        facilitation::attachments::AttachmentInfo,
        facilitation::api::MeetingBody,
        deregulation::RegulationDraft,
        deregulation::DecisionDraft,
        deregulation::RegulationStatus,
        deregulation::Decision,
        deregulation::RegulationSummary,
        deregulation::RegulationView,
        deregulation::PublicRegulation,
        audit::Checkpoint,
    ))
)]
pub struct ApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/units",
            get(registry::api::list).post(registry::api::create),
        )
        .route(
            "/api/v1/units/{id}",
            get(registry::api::get).put(registry::api::update),
        )
        .route(
            "/api/v1/provinces/{code}/profile",
            get(registry::api::province_profile),
        )
        .route(
            "/api/v1/standards",
            get(standards::api::list).post(standards::api::create),
        )
        .route("/api/v1/standards/suggest", get(standards::api::suggest))
        .route(
            "/api/v1/standards/{id}",
            get(standards::api::get).put(standards::api::update),
        )
        .route(
            "/api/v1/standards/{id}/transition",
            post(standards::api::transition),
        )
        .route(
            "/api/v1/standards/{id}/mandatory",
            post(standards::api::set_mandatory),
        )
        .route(
            "/api/v1/standards/{id}/comments",
            get(standards::api::comments).post(standards::api::comment),
        )
        .route(
            "/api/v1/comments/{id}/response",
            post(standards::api::respond),
        )
        .route("/api/v1/mandatory", get(standards::api::mandatory_for_hs))
        .route(
            "/api/v1/provinces/{code}/mandatory",
            get(standards::api::province_mandatory),
        )
        .route(
            "/api/v1/cases",
            get(facilitation::api::list).post(facilitation::api::report),
        )
        .route("/api/v1/cases/{id}", get(facilitation::api::get))
        .route("/api/v1/cases/{id}/triage", post(facilitation::api::triage))
        .route("/api/v1/cases/{id}/info", post(facilitation::api::add_info))
        .route(
            "/api/v1/cases/{id}/confirm",
            post(facilitation::api::confirm),
        )
        .route(
            "/api/v1/cases/{id}/dispute",
            post(facilitation::api::dispute),
        )
        .route(
            "/api/v1/cases/{id}/attachments",
            limited(
                post(facilitation::api::attach),
                facilitation::attachments::MAX_BYTES,
            ),
        )
        .route(
            "/api/v1/cases/{id}/attachments/{aid}",
            get(facilitation::api::download),
        )
        .route(
            "/api/v1/bodies",
            get(facilitation::api::bodies).post(facilitation::api::create_body),
        )
        .route(
            "/api/v1/bodies/{id}/meetings",
            post(facilitation::api::schedule),
        )
        .route(
            "/api/v1/meetings/{id}/agenda",
            post(facilitation::api::agenda),
        )
        .route(
            "/api/v1/meetings/{id}/record",
            post(facilitation::api::record),
        )
        .route("/api/v1/meetings/{id}", get(facilitation::api::meeting))
        .route(
            "/api/v1/bodies/{id}/members/{org}",
            axum::routing::put(facilitation::api::put_member)
                .delete(facilitation::api::remove_member),
        )
        .route(
            "/api/v1/meetings/{id}/invite",
            post(facilitation::api::invite),
        )
        .route(
            "/api/v1/meetings/{id}/resolutions",
            post(facilitation::api::resolve),
        )
        .route("/api/v1/resolutions", get(facilitation::api::resolutions))
        .route(
            "/api/v1/resolutions/{id}/progress",
            post(facilitation::api::progress),
        )
        .route(
            "/api/v1/resolutions/{id}/cancel",
            post(facilitation::api::cancel),
        )
        .route(
            "/api/v1/provinces/{code}/facilitation",
            get(facilitation::api::public_stats),
        )
        .route(
            "/provinces/{code}/facilitation/export.csv",
            get(facilitation::api::public_csv),
        )
        .route(
            "/api/v1/regulations",
            get(deregulation::api::list).post(deregulation::api::report),
        )
        .route("/api/v1/regulations/{id}", get(deregulation::api::get))
        .route(
            "/api/v1/regulations/{id}/review",
            post(deregulation::api::review),
        )
        .route(
            "/api/v1/regulations/{id}/decide",
            post(deregulation::api::decide),
        )
        .route(
            "/api/v1/regulations/{id}/publish",
            post(deregulation::api::publish),
        )
        .route(
            "/api/v1/provinces/{code}/regulations",
            get(deregulation::api::province_published),
        )
        .route("/api/v1/openapi.json", get(openapi_json))
        .route("/api/docs", get(docs::page))
}

async fn openapi_json() -> Result<axum::response::Response, crate::web::AppError> {
    use axum::response::IntoResponse;
    let json = ApiDoc::openapi()
        .to_json()
        .map_err(crate::web::AppError::internal)?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        json,
    )
        .into_response())
}
