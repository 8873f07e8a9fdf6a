//! Organisations, users, passwords, sessions, API tokens, login throttling and the rate limits
//! by client address: everything that turns a request into an [`Actor`](crate::access::Actor).

mod entity;
mod pages;
mod password;
mod preferences;
/// The people other contexts write to, by user or organisation: a facade by design.
pub mod recipients;
mod service;
mod throttle;
mod tokens;

pub use password::{hash_password, verify_password};
pub use service::{
    IdentityError, NewOrganisation, NewUser, SESSION_TTL_HOURS, actor_by_email,
    actor_for_api_token, actor_for_session, create_api_token, create_organisation, create_user,
    has_users, login, logout, operator, organisation_facts, organisation_names, organisations_of,
    set_language, set_time_zone, staff_of, user_id_by_email, user_names,
};
pub use throttle::{RateLimit, rate_limited};
pub use tokens::{hash_token, new_token};

/// Its periodic work: the counted calls and failures no limit counts any more, deleted.
pub const JOBS: &[crate::jobs::Job] = &[crate::jobs::Job::new(
    "sweep_login_attempts",
    throttle::sweep_job,
)];

/// Only identity makes actors: the seal of [`crate::access::Mint`] can be built here alone.
pub struct MintSeal(());

fn mint() -> crate::access::Mint {
    crate::access::Mint(MintSeal(()))
}

/// The login, logout and home pages; identity adds nothing to the navigation (the layout's
/// header shows who is signed in).
pub fn router() -> utoipa_axum::router::OpenApiRouter<crate::web::AppState> {
    pages::routes().into()
}
