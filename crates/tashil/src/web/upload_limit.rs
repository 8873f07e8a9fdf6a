//! How much a route that takes a file may receive. axum's extractors stop at 2 MB unless told
//! otherwise, and a refusal sent while the client is still writing reaches it as a
//! connection reset, not as an answer. So the body is read here up to the route's limit;
//! past it the rest is read and thrown away (as a server's "lingering close" does, bounded in
//! bytes and time) and the answer is a 413 problem the client can read.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::header;
use axum::middleware::{Next, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::MethodRouter;
use http_body_util::{BodyExt, LengthLimitError};

use super::AppError;

/// The bound of every request body: a 20 MB spreadsheet with room to spare.
pub const MAX_BODY: usize = 64 * 1024 * 1024;

/// Multipart framing around the file (boundaries, part headers, small fields).
const OVERHEAD: usize = 64 * 1024;

/// A spreadsheet to import: as much as the application's body bound allows.
pub const MAX_IMPORT_FILE: usize = MAX_BODY - OVERHEAD;

/// What is read and discarded after a refusal, at most, before the connection is closed.
const DRAIN_BYTES: usize = MAX_BODY;
const DRAIN_TIME: Duration = Duration::from_secs(30);

/// `route` may receive a file of up to `max_file` bytes, multipart framing included.
pub fn limited<S>(route: MethodRouter<S>, max_file: usize) -> MethodRouter<S>
where
    S: Clone + Send + Sync + 'static,
{
    let max = max_file + OVERHEAD;
    route
        .layer(DefaultBodyLimit::max(max))
        .layer(from_fn_with_state(max, enforce))
}

async fn enforce(State(max): State<usize>, req: Request, next: Next) -> Response {
    let (parts, mut body) = req.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let mut over = declared.is_some_and(|n| n > max as u64);
    let mut buf: Vec<u8> = Vec::with_capacity(if over {
        0
    } else {
        declared.unwrap_or(0) as usize
    });
    while !over {
        match body.frame().await {
            None => break,
            Some(Ok(frame)) => {
                if let Some(data) = frame.data_ref() {
                    buf.extend_from_slice(data);
                    over = buf.len() > max;
                }
            }
            Some(Err(e)) if is_length_limit(&e) => over = true,
            // The client went away or sent a broken body: nothing to answer it with.
            Some(Err(_)) => return AppError::BadRequest("bad_upload").into_response(),
        }
    }
    if over {
        drop(buf);
        let _ = tokio::time::timeout(DRAIN_TIME, drain(body)).await;
        return AppError::PayloadTooLarge.into_response();
    }
    next.run(Request::from_parts(parts, Body::from(Bytes::from(buf))))
        .await
}

async fn drain(mut body: Body) {
    let mut seen = 0usize;
    while seen < DRAIN_BYTES {
        match body.frame().await {
            Some(Ok(frame)) => seen += frame.data_ref().map_or(0, Bytes::len),
            _ => return,
        }
    }
}

fn is_length_limit(e: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if s.is::<LengthLimitError>() {
            return true;
        }
        source = s.source();
    }
    false
}
