//! Shapes every context's API shares.

use serde::{Deserialize, Serialize};

/// The answer to a creation: the new record's id.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Created {
    pub id: i64,
}

/// Optimistic concurrency on an update.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VersionQuery {
    /// The version the client last read; a stale version gets 409.
    pub version: Option<i32>,
}
