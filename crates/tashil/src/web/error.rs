//! One conversion at the edge: an [`AppError`] becomes problem+json (RFC 9457) under
//! `/api/`, and an HTML page in the user's language elsewhere. Internal faults are logged
//! with a correlation id and shown only as that id.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::access::Denied;
use crate::kernel::FieldError;

#[derive(Debug)]
pub enum AppError {
    NotFound,
    Unauthenticated,
    Forbidden,
    Invalid(Vec<FieldError>),
    /// A request a machine protocol refuses as malformed (400, as the VC API asks), its code
    /// and the members at fault.
    Malformed(&'static str, Vec<FieldError>),
    Conflict(&'static str),
    BadRequest(&'static str),
    /// A body over the route's limit (an upload too large).
    PayloadTooLarge,
    TooManyRequests,
    /// The database is away (down, restarting, unreachable): try again shortly.
    Unavailable,
    Internal(String),
}

/// Seconds a client is asked to wait while the database is away: a PostgreSQL restart
/// takes a few (docs/reliability.md).
pub const RETRY_AFTER_SECONDS: u32 = 5;

/// Carried in the response extensions until the context layer renders it.
#[derive(Debug, Clone)]
pub struct ErrorInfo {
    pub code: &'static str,
    pub fields: Vec<FieldError>,
    pub correlation_id: Option<String>,
}

impl AppError {
    pub fn internal(err: impl std::fmt::Display) -> Self {
        let id = uuid::Uuid::new_v4().to_string();
        tracing::error!(correlation_id = %id, error = %err, "internal error");
        AppError::Internal(id)
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Malformed(..) => StatusCode::BAD_REQUEST,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden => "forbidden",
            AppError::Invalid(_) => "validation_failed",
            AppError::Conflict(c) | AppError::BadRequest(c) | AppError::Malformed(c, _) => c,
            AppError::PayloadTooLarge => "body_too_large",
            AppError::TooManyRequests => "too_many_requests",
            AppError::Unavailable => "unavailable",
            AppError::Internal(_) => "internal",
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut res = self.status().into_response();
        if matches!(self, AppError::Unavailable) {
            res.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(RETRY_AFTER_SECONDS),
            );
        }
        let info = ErrorInfo {
            code: self.code(),
            correlation_id: match &self {
                AppError::Internal(id) => Some(id.clone()),
                _ => None,
            },
            fields: match self {
                AppError::Invalid(f) | AppError::Malformed(_, f) => f,
                _ => vec![],
            },
        };
        res.extensions_mut().insert(info);
        res
    }
}

impl From<Denied> for AppError {
    fn from(d: Denied) -> Self {
        match d {
            Denied::Unauthenticated => AppError::Unauthenticated,
            Denied::Forbidden => AppError::Forbidden,
        }
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        if crate::db::outage::is_outage(&e) {
            tracing::warn!(error = %e, "database unavailable");
            AppError::Unavailable
        } else {
            AppError::internal(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_away_answers_503_with_a_time_to_retry_and_a_fault_500() {
        let away = AppError::from(sea_orm::DbErr::ConnectionAcquire(
            sea_orm::ConnAcquireErr::Timeout,
        ));
        assert_eq!(away.code(), "unavailable");
        let res = away.into_response();
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(
            res.headers()[axum::http::header::RETRY_AFTER],
            RETRY_AFTER_SECONDS.to_string()
        );
        let fault = AppError::from(sea_orm::DbErr::Custom("broken".into())).into_response();
        assert_eq!(fault.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(
            fault
                .headers()
                .get(axum::http::header::RETRY_AFTER)
                .is_none()
        );
    }
}
