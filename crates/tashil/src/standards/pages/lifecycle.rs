//! The national body's actions on a standard: a move through the lifecycle (with its enquiry
//! deadline or replacement) and the mandatory flag.

use axum::Router;
use axum::response::Response;
use axum::routing::post;
use axum_extra::extract::Form;
use serde::Deserialize;

use super::detail::action_result;
use crate::standards::model::{FieldError, Status, parse_date};
use crate::standards::search;
use crate::standards::service::{self, StandardsError, Transition};
use crate::web::AppError;
use crate::web::AppState;
use crate::web::OnRecord;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/standards/{id}/transition", post(transition))
        .route("/standards/{id}/mandatory", post(set_mandatory))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TransitionForm {
    to: String,
    enquiry_deadline: String,
    replaced_by: String,
    close_enquiry: Option<String>,
}

async fn transition(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<TransitionForm>,
) -> Result<Response, AppError> {
    let deadline = parse_date(&f.enquiry_deadline);
    let r = match deadline {
        Err(code) => Err(StandardsError::Invalid(vec![FieldError::new(
            "enquiry_deadline",
            code,
        )])),
        Ok(deadline) => {
            let replaced_by = resolve_standard(&s, &actor, &f.replaced_by).await?;
            match replaced_by {
                Err(e) => Err(e),
                Ok(replaced_by) => {
                    let t = Transition {
                        to: Status::parse(&f.to),
                        enquiry_deadline: deadline,
                        replaced_by,
                        close_enquiry: f.close_enquiry.is_some(),
                    };
                    service::transition(&s.db, &actor, id, &t, s.clock.now()).await
                }
            }
        }
    };
    action_result(&s, &ctx, id, "transition", r).await
}

/// The replacement typed as an id or a designation ("INSO 1234:2020").
async fn resolve_standard(
    s: &AppState,
    actor: &crate::access::Actor,
    raw: &str,
) -> Result<Result<Option<i64>, StandardsError>, AppError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(Ok(None));
    }
    if let Some(id) = tashil_text::digits::parse_i64(raw) {
        return Ok(Ok(Some(id)));
    }
    let found = search::search(
        &s.db,
        &s.catalogue,
        Some(actor),
        tashil_text::Lang::En,
        &search::SearchParams {
            q: raw.to_string(),
            page: 1,
            per_page: 1,
            ..Default::default()
        },
    )
    .await?;
    Ok(match found.hits.first() {
        Some(h) => Ok(Some(h.id)),
        None => Err(StandardsError::Invalid(vec![FieldError::new(
            "replaced_by",
            "invalid_replacement",
        )])),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MandatoryForm {
    mandatory: String,
    from: String,
    /// The country whose list (empty: as the API without one).
    country: String,
}

async fn set_mandatory(
    OnRecord(s, ctx, actor, id): OnRecord,
    Form(f): Form<MandatoryForm>,
) -> Result<Response, AppError> {
    let r = match parse_date(&f.from) {
        Err(code) => Err(StandardsError::Invalid(vec![FieldError::new("from", code)])),
        Ok(from) => {
            let on = f.mandatory == "yes";
            let country = Some(f.country.as_str());
            service::set_mandatory(&s.db, &actor, id, on, from, country, s.clock.now()).await
        }
    };
    action_result(&s, &ctx, id, "mandatory", r).await
}
