//! Who may read or write what. The one place that decides: services ask this module for a
//! scope or a grant, and query builders only accept what it hands out, so a handler cannot
//! forget a check.

mod actor;
pub mod calendar;
pub mod complaints;
pub mod conformity;
pub mod credentials;
pub mod deregulation;
pub mod facilitation;
pub mod licensing;
pub mod quality;
mod role;
pub mod standards;
pub mod supervision;
pub mod units;

pub use actor::{Actor, ActorFacts, Channel, Mint};
pub use role::{OrganisationKind, Role};

/// Why an action was refused. Stable codes for the UI and problem+json.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    #[error("authentication required")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
}

impl Denied {
    pub fn code(&self) -> &'static str {
        match self {
            Denied::Unauthenticated => "unauthenticated",
            Denied::Forbidden => "forbidden",
        }
    }
}
